namespace DivergenceGen.Generator.Model
{
    /// <summary>How a loss reduces its per-sample values (mirrors <c>DivergenceGen.Reduction</c>).</summary>
    internal enum ReductionKind
    {
        None = 0,
        Sum = 1,
        Mean = 2,
    }

    /// <summary>
    /// Everything the loss emitter needs about one loss declaration: strings, numbers and
    /// enums only, so that the pipeline caches it by value.
    /// </summary>
    /// <param name="Loss">Which loss: its attribute's name, the key of its row in <c>Losses.LossCatalogue</c>.</param>
    /// <param name="Type">Where the static class lives and its name.</param>
    /// <param name="Precision">double or float.</param>
    /// <param name="Classes">K, a compile-time constant of every kernel.</param>
    /// <param name="LabelSmoothing">ε in [0, 1]; 0 emits no smoothing term (and losses without the option).</param>
    /// <param name="IgnoreIndex">The class-index target that is skipped (−100 where the loss has no such option).</param>
    /// <param name="Reduction">None, Sum or Mean.</param>
    /// <param name="UnrollThreshold">K ≤ this: straight-line rows; above: SIMD loops per row.</param>
    internal sealed record LossSpec(
        string Loss,
        TypeHierarchy Type,
        PrecisionKind Precision,
        int Classes,
        double LabelSmoothing,
        int IgnoreIndex,
        ReductionKind Reduction,
        int UnrollThreshold)
    {
        /// <summary>T, the softmax temperature of a distillation loss (1 where the loss has no such option).</summary>
        public double Temperature { get; init; } = 1;

        /// <summary>Where the type is declared (its identifier): tells apart duplicate declarations (HintNames).</summary>
        public LocationInfo? Location { get; init; }
    }
}
