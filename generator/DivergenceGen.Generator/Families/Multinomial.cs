using System.Linq;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// Multinomial(K, n): the counts of the K outcomes of n independent draws of a categorical law. It stores the
    /// probability vector like <see cref="Categorical"/> (same storage, factories and properties); its own members are the
    /// runtime's <c>MultinomialMath</c> (log-pmf, entropy, cross-entropy, sampling) and n times the categorical KL.
    /// </summary>
    internal static class Multinomial
    {
        private static readonly Expr P = E.Ref("probabilities");
        private static readonly Expr LogP = E.Ref("logProbabilities");
        private static readonly Expr Trials = E.Ref("trials");

        public static readonly VectorParameterFamily Description = new(
            Name: "Multinomial",
            Summary: "A multinomial distribution: the counts of the outcomes 0 … K − 1 in n independent draws with probabilities pₖ.",
            InterfaceName: "global::DivergenceGen.IMultinomialDistribution",
            Parameter: "probabilities",
            Property: "Probabilities",
            LogProperty: "LogProbabilities",
            Counts: new CountVectorLaw(
                new RuntimeBody(
                    E.Call("MultinomialMath.LogPmf<T>", P, LogP, Trials, E.Ref("counts")),
                    "log n! − Σₖ log xₖ! + Σₖ xₖ·log pₖ from saddle-point pieces (no log n! is formed, so n = 10⁹ keeps its digits); −∞ unless every"
                    + " count is ≥ 0 and they sum to n, or where xₖ > 0 = pₖ"),
                new RuntimeBody(
                    E.Call("MultinomialMath.Entropy<T>", P, LogP, Trials),
                    "H = −log n! − n·Σₖ pₖ·log pₖ + Σₖ E[log Xₖ!], Xₖ ~ Binomial(n, pₖ): each E[log Xₖ!] summed exactly over the binomial's bulk"
                    + " (variance ≤ 10³) or by the trapezoid rule on its smooth extension, after the n·log n parts cancel on paper (full relative"
                    + " accuracy from n = 1 to 2³¹ − 1)"),
                new RuntimeBody(
                    E.Call("MultinomialMath.CrossEntropy<T>", P, LogP, E.Ref("q.logProbabilities"), Trials),
                    "H(P) + n·Σₖ pₖ·(log pₖ − log qₖ); +∞ where qₖ = 0 < pₖ"),
                "D(P‖Q) = n·Σₖ pₖ·(log pₖ − log qₖ), n times the divergence of one draw (the counts' law is the n-fold product's image, and"
                + " the count vector is sufficient)",
                new RuntimeBody(
                    E.Call("MultinomialMath.Sample<T>", E.Ref("random"), P, Trials, E.Ref("counts")),
                    "conditional binomials, class by class, with the remaining probability a suffix sum (the counts always sum to n)")));

        /// <summary>Support: every vector of K non-negative counts summing to n.</summary>
        public static readonly DivergenceFacts Divergence = new(SupportEnd.Infinite);

        /// <summary>Names the generator writes into a Multinomial type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers = new[]
        {
            "Classes", "Trials", "Probabilities", "LogProbabilities", "FromProbabilities", "TryFromProbabilities",
            "FromWeights", "TryFromWeights", "FromLogits", "TryFromLogits", "FromCounts", "TryFromCounts", "Fit",
            "LogPmf", "Sample", "Entropy", "KLDivergence", "CrossEntropy",
            "CreateProbabilities", "CreateWeights", "CreateLogits", "CreateCounts",
            "__Values", "_probabilities", "_logProbabilities",
            "IsDefault", "ThrowIfDefault", "_constructed",
        }.ToArray();
    }
}
