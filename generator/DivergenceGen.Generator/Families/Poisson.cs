using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Poisson(λ): P(X = k) = λᵏ·e^(−λ)/k!.</summary>
    internal static class Poisson
    {
        /// <summary>Rates up to this use the vector log-pmf (k·log λ − λ − log k!): its rounding, a few ε·(k·|log λ| + λ + log k!), stays below 1e-12 of the result there (worst where λ ≈ k ≈ 256).</summary>
        public const double VectorRateLimit = 256;

        /// <summary>Outcomes below this size read log k! from the compile-time table in the vector log-pmf.</summary>
        public const int LogFactorialTableSize = 256;

        private static readonly Expr Rate = E.Ref("rate");

        private static readonly ConstantTable LogFactorial = new(
            "LogFactorial",
            "log k!",
            _ => Enumerable.Range(0, LogFactorialTableSize).Select(k => SpecialFunctions.LogFactorial(k)).ToArray());

        public static readonly CountFamily Description = new(
            name: "Poisson",
            summary: "A Poisson distribution with rate λ ≥ 0: P(X = k) = λᵏ·e^(−λ)/k! (λ = 0 is the point mass at 0).",
            interfaceName: "global::DivergenceGen.IPoissonDistribution",
            parameters: new[] { new ScalarParameter("rate", "Rate", ParameterDomain.NonNegativeReal, "The rate λ = E[X], finite and ≥ 0 (0 is the point mass at 0).") },
            cached: new[] { new CachedQuantity("logRate", E.Log(Rate), "log λ") },
            support: CountSupport.NonNegativeIntegers,
            logPmf: _ => new CountFormula(
                E.Call("DiscreteMath.PoissonLogPmf", E.Ref("kInt"), Rate),
                "Loader's form −stirlerr(k) − bd0(k, λ) − ½·log(2πk): k·log λ − λ − log k! would cancel for large λ (1e9: 7 digits lost)."),
            entropy: _ => new CountFormula(
                E.Call("DiscreteMath.PoissonEntropy", Rate),
                "no closed form: the runtime's series (truncation below double precision) or its asymptotic expansion for large λ."),
            klDivergence: _ => E.Call("DiscreteMath.PoissonKLDivergence", Rate, E.Ref("q.rate")),
            moments: new[]
            {
                new Moment("Mean", Rate, "E[X] = λ"),
                new Moment("Variance", Rate, "Var[X] = λ"),
            },
            fit: E.Ref("mean"),
            fitFormula: "λ̂ = mean outcome",
            fitGiven: new string[0],
            sample: E.Call("DiscreteMath.SamplePoisson", E.Ref("random"), Rate),
            pmfFormula: "P(X = k) = λᵏ·e^(−λ)/k!, k = 0, 1, 2, …",
            entropyFormula: "H(P) = λ·(1 − log λ) + e^(−λ)·Σₖ λᵏ·log(k!)/k!",
            klFormula: "D(P‖Q) = λ·log(λ/μ) + μ − λ (computed as Loader's deviance bd0(λ, μ), stable where λ ≈ μ)",
            table: LogFactorial,
            batchLogPmf: _ => new BatchLogPmf(
                E.XTimesLog(E.Ref("k"), E.Ref("logRate")) - Rate - E.Ref(LogFactorial.AtK),
                E.AtMost(Rate, VectorRateLimit),
                "λ ≤ 256 and k < 256: k·log λ − λ − log k! in SIMD with log k! from the compile-time table (rounding ≤ 1e-12 relative there); otherwise Loader's scalar form per element",
                LogFactorialTableSize - 1));

        /// <summary>
        /// Support {0, 1, 2, …}; rate = 0 is the point mass at 0; p(k + 1)/p(k) = λ/(k + 1); the cross-entropy against
        /// Geometric in closed form (its log-pmf is linear in k, so only E[X] = λ counts).
        /// </summary>
        public static readonly DivergenceFacts Divergence = new(
            SupportEnd.Infinite,
            PointMass: new PointMassAtZero(Description.Parameters[0], 0),
            Tail: new TailRatio(
                Rate / (E.Ref("k") + 1.0),
                "ρ = λ/(k + 1), decreasing in k",
                new[] { new SeriesLocal(Description.Parameters[0], "rate") },
                "λ above about 10⁸"),
            ClosedForms: new[]
            {
                new PairClosedForm(
                    FamilyKind.Geometric,
                    DivergenceMeasure.CrossEntropy,
                    new[]
                    {
                        "for the cross-entropy only (the KL of this pair needs H(Poisson), i.e. E[log X!], and has none):",
                        "Q = Geometric(q) has log q(k) = log q + k·log(1 − q), linear in k, so H(P, Q) = −log q − E_P[X]·log(1 − q)",
                        "= −log q − λ·log(1 − q), with λ·log(1 − q) = 0 where λ = 0 (also at q = 1), and +∞ where q = 1 and λ > 0.",
                    },
                    new[]
                    {
                        new Let("rate", new ParameterOf(Side.P, Description.Parameters[0].PropertyName)),
                        new Let("success", new ParameterOf(Side.Q, Geometric.Description.Parameters[0].PropertyName)),
                    },
                    -E.Log(E.Ref("success")) - E.Select(E.Equal(Rate, 0.0), 0.0, Rate * E.Log1p(-E.Ref("success")))),
            });

        /// <summary>Names the generator writes into a Poisson type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "Rate", "Mean", "Variance", "TryCreate", "LogPmf", "Pmf", "LogLikelihood", "Entropy", "KLDivergence",
            "CrossEntropy", "Fit", "Sample", "LogPmfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_rate", "_logRate",
            "IsDefault", "ThrowIfDefault",
        };
    }
}
