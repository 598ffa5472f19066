using System.Linq;

namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// FiniteFamily(K): a user-defined parametric law over 0 … K − 1, P(X = k) = exp(LogWeight(k, θ)) / Z(θ), where
    /// <c>LogWeight(int k, θ₁, …, θₘ)</c> is the type's own static method. Built on the categorical description (the same
    /// storage, measures, toolkit and row batches, with K outcomes); <see cref="VectorParameterFamily.ParametricConstruction"/>
    /// replaces the probability-vector factories and <c>Fit</c> by a constructor over θ (which calls LogWeight for each k
    /// at run time and normalises by a stable log-sum-exp) and <c>TryCreate</c>.
    /// </summary>
    internal static class FiniteFamily
    {
        /// <summary>The name of the user's method that defines the family.</summary>
        public const string LogWeightMethod = "LogWeight";

        public static readonly VectorParameterFamily Description = Categorical.Description with
        {
            Name = "FiniteFamily",
            Summary = "A parametric law over 0 … K − 1: P(X = k) = exp(LogWeight(k, θ)) / Z(θ), Z(θ) = Σₖ exp(LogWeight(k, θ)).",
            InterfaceName = "global::DivergenceGen.IFiniteFamilyDistribution",
            ParametricConstruction = true,
        };

        /// <summary>A categorical law of K outcomes: the same divergence facts as Categorical(K).</summary>
        public static readonly DivergenceFacts Divergence = Categorical.Divergence;

        /// <summary>
        /// The members Categorical writes that a parametric law does not (they would create laws outside the family). Its
        /// <c>Fit</c> is replaced by maximum likelihood over θ (<c>Emit/FiniteFamilyFit.cs</c>), with <c>FitCounts</c>.
        /// </summary>
        private static readonly string[] VectorFactories =
        {
            "FromProbabilities", "TryFromProbabilities", "FromWeights", "TryFromWeights", "FromLogits", "TryFromLogits",
            "FromCounts", "TryFromCounts", "CreateProbabilities", "CreateWeights", "CreateLogits", "CreateCounts",
        };

        /// <summary>
        /// The categorical law's names without its factories, and the construction's own; a user member with one of them is
        /// DG0005. (The parameters' properties and fields are named after the user's parameters: DG0042 checks those.)
        /// </summary>
        public static readonly string[] GeneratedMembers = Categorical.GeneratedMembers
            .Except(VectorFactories)
            .Concat(new[] { "TryCreate", "__LogWeights", "FitCounts", "__Fit", "__LogWeightDerivatives" })
            .ToArray();
    }
}
