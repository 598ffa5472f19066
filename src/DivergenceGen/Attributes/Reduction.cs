namespace DivergenceGen
{
    /// <summary>How a loss combines the per-sample losses of a batch (PyTorch's <c>reduction</c> argument).</summary>
    public enum Reduction
    {
        /// <summary>
        /// No reduction: the generated members write each sample's loss to a <c>perSample</c> destination and return
        /// their sum. The gradient is that of the sum.
        /// </summary>
        None = 0,

        /// <summary>The sum of the per-sample losses.</summary>
        Sum = 1,

        /// <summary>
        /// The default: the weighted mean. With class-index targets the sum is divided by the sum of the class weights
        /// of the non-ignored targets (their count without weights); with probability targets, by the number of rows.
        /// </summary>
        Mean = 2,
    }
}
