using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Geometric(p): the number of failures before the first success, k = 0, 1, 2, ….</summary>
    internal static class Geometric
    {
        private static readonly Expr P = E.Ref("p");

        private static readonly Expr LogPmfFormula = E.Ref("logP") + E.XTimesLog(E.Ref("k"), E.Ref("log1mP"));

        public static readonly CountFamily Description = new(
            name: "Geometric",
            summary: "A geometric distribution: the number of failures before the first success (k = 0, 1, 2, …; add 1 for the number of trials), success probability p.",
            interfaceName: "global::DivergenceGen.IGeometricDistribution",
            parameters: new[] { new ScalarParameter("p", "P", ParameterDomain.PositiveUnitInterval, "The success probability p, 0 < p ≤ 1 (p = 1 is the point mass at 0).") },
            cached: new[]
            {
                new CachedQuantity("logP", E.Log(P), "log p"),
                new CachedQuantity("log1mP", E.Log1p(-P), "log(1 − p), computed as log1p(−p): exact for tiny p"),
            },
            support: CountSupport.NonNegativeIntegers,
            logPmf: _ => new CountFormula(LogPmfFormula, "log p + k·log(1 − p) from the cached logs (0·log 0 = 0 at p = 1, k = 0)."),
            entropy: _ => new CountFormula(
                E.Call("DiscreteMath.GeometricEntropy", P),
                "closed form (−(1 − p)·log(1 − p) − p·log p)/p with log1p, accurate down to p = 1e-300."),
            klDivergence: _ => E.Call("DiscreteMath.GeometricKLDivergence", P, E.Ref("q.p")),
            moments: new[]
            {
                new Moment("Mean", (1.0 - P) / P, "E[X] = (1 − p)/p"),
                new Moment("Variance", (1.0 - P) / (P * P), "Var[X] = (1 − p)/p²"),
            },
            fit: 1.0 / (1.0 + E.Ref("mean")),
            fitFormula: "p̂ = 1/(1 + mean outcome)",
            fitGiven: new string[0],
            sample: E.Call("DiscreteMath.SampleGeometric", E.Ref("random"), P),
            pmfFormula: "P(X = k) = (1 − p)ᵏ·p, k = 0, 1, 2, …",
            entropyFormula: "H(P) = (−(1 − p)·log(1 − p) − p·log p)/p",
            klFormula: "D(P‖Q) = log(p/q) + ((1 − p)/p)·log((1 − p)/(1 − q))",
            batchLogPmf: _ => new BatchLogPmf(LogPmfFormula, null, "log p + k·log(1 − p) in SIMD, no logarithm per element", null));

        /// <summary>Support {0, 1, 2, …}; p = 1 is the point mass at 0; p(k + 1)/p(k) = 1 − p for every k; Geometric(p) is NegativeBinomial(1, p).</summary>
        public static readonly DivergenceFacts Divergence = new(
            SupportEnd.Infinite,
            PointMass: new PointMassAtZero(Description.Parameters[0], 1),
            Tail: new TailRatio(
                1.0 - E.Ref("success"),
                "ρ = 1 − p, constant",
                new[] { new SeriesLocal(Description.Parameters[0], "success") },
                "p below about 10⁻⁷"),
            SpecialCaseOf: new SpecialCase(FamilyKind.NegativeBinomial, 0, new[] { new FixedParameter("r", 1) }, "Geometric(p) is NegativeBinomial(1, p)"));

        /// <summary>Names the generator writes into a Geometric type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "P", "Mean", "Variance", "TryCreate", "LogPmf", "Pmf", "LogLikelihood", "Entropy", "KLDivergence",
            "CrossEntropy", "Fit", "Sample", "LogPmfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_p", "_logP", "_log1mP",
            "IsDefault", "ThrowIfDefault",
        };
    }
}
