using System.Linq;

namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// A family whose parameter is a probability vector of compile-time length K (Categorical). The emitter
    /// derives storage (inline arrays for a struct, arrays for a class), the factories, and the sums of the
    /// information measures from <see cref="Ir.InformationMeasures"/>, unrolled for small K and SIMD loops above.
    /// <see cref="Joint"/>: the vector is an R × C table (row-major, K = R·C) of a joint law of two variables, which adds
    /// its marginals and the measures of <see cref="Ir.JointMeasures"/> (JointCategorical); null for a plain vector.
    /// <see cref="ParametricConstruction"/>: the vector is computed from the user's parameters by the type's own
    /// <c>LogWeight(int k, …)</c> (FiniteFamily): a constructor and <c>TryCreate</c> over those parameters replace the
    /// probability-vector factories and <c>Fit</c>, which would create laws outside the family.
    /// </summary>
    internal sealed record VectorParameterFamily(
        string Name,
        string Summary,
        string InterfaceName,
        string Parameter,
        string Property,
        string LogProperty,
        Ir.JointLaw? Joint = null,
        bool ParametricConstruction = false,
        CountVectorLaw? Counts = null);

    /// <summary>
    /// The law of the counts of the K outcomes in n independent draws of the probability vector (Multinomial(K, n)): the
    /// type keeps the vector's storage and factories and, instead of the single-draw members, these, each a runtime call
    /// (IR; <c>probabilities</c>, <c>logProbabilities</c>, <c>trials</c>, Q's <c>q.…</c>, and the member's arguments
    /// <c>counts</c> and <c>random</c>); its KL divergence is n times the single draw's, from the same kernel.
    /// </summary>
    internal sealed record CountVectorLaw(RuntimeBody LogPmf, RuntimeBody Entropy, RuntimeBody CrossEntropy, string KLFormula, RuntimeBody Sample);

    /// <summary>Categorical(K): outcome k ∈ {0 … K − 1} with probability pₖ.</summary>
    internal static class Categorical
    {
        public static readonly VectorParameterFamily Description = new(
            Name: "Categorical",
            Summary: "A categorical distribution: outcome k ∈ {0, …, K − 1} with probability pₖ, Σ pₖ = 1.",
            InterfaceName: "global::DivergenceGen.ICategoricalDistribution",
            Parameter: "probabilities",
            Property: "Probabilities",
            LogProperty: "LogProbabilities");

        /// <summary>Support {0, …, K − 1}; any class may have probability 0, so no single value narrows it; Pmf(k) is a lookup.</summary>
        public static readonly DivergenceFacts Divergence = new(SupportEnd.LastClass, StoresProbabilities: true);

        /// <summary>Names the generator writes into a Categorical type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers = new[]
        {
            "Classes", "Probabilities", "LogProbabilities", "Mode", "FromProbabilities", "TryFromProbabilities",
            "FromWeights", "TryFromWeights", "FromLogits", "TryFromLogits", "FromCounts", "TryFromCounts", "Fit",
            "LogPmf", "Pmf", "LogLikelihood", "Sample", "Entropy", "KLDivergence", "CrossEntropy",
            "CreateProbabilities", "CreateWeights", "CreateLogits", "CreateCounts",
            "__Values", "_probabilities", "_logProbabilities",
            "IsDefault", "ThrowIfDefault", "_constructed",
        }.Concat(Ir.FiniteMeasures.MemberNames).Concat(Ir.RowBatches.MemberNames).ToArray();

        /// <summary>
        /// The largest storage a struct form may have (both inline arrays), 64 KiB: a bigger struct risks the stack
        /// when copied or returned; declare a sealed partial class instead (DG0008).
        /// </summary>
        public const int MaxStructStorageBytes = 64 * 1024;
    }
}
