using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Normal(μ, σ): p(x) = exp(−(x − μ)²/(2σ²))/(σ√(2π)), x ∈ ℝ.</summary>
    internal static class Normal
    {
        private static readonly Expr Mu = E.Ref("mean");
        private static readonly Expr Sigma = E.Ref("standardDeviation");
        private static readonly Expr Z = (E.Ref("x") - Mu) / Sigma;

        /// <summary>log p(x) = −½z² − log σ − ½·log 2π, z = (x − μ)/σ: no exp, so no underflow in the tails (x = 40σ: −800.9).</summary>
        private static readonly Expr LogDensity = -0.5 * (Z * Z) - E.Ref("logStandardDeviation") - 0.9189385332046728;

        private static Expr Square(Expr e) => e * e;

        public static readonly ContinuousFamily Description = new(
            name: "Normal",
            summary: "A normal (Gaussian) distribution with mean μ and standard deviation σ > 0.",
            interfaceName: "global::DivergenceGen.INormalDistribution",
            parameters: new[]
            {
                new ScalarParameter("mean", "Mean", ParameterDomain.Real, "The mean μ, finite."),
                new ScalarParameter("standardDeviation", "StandardDeviation", ParameterDomain.PositiveReal, "The standard deviation σ, finite and > 0."),
            },
            cached: new[] { new CachedQuantity("logStandardDeviation", E.Log(Sigma), "log σ") },
            lower: null,
            upper: null,
            densityFormula: "p(x) = exp(−(x − μ)²/(2σ²))/(σ√(2π)), x ∈ ℝ",
            logPdf: LogDensity,
            logPdfMethod: "log p(x) = −½z² − log σ − ½·log 2π with z = (x − μ)/σ: no exp, so the far tails (z = 40: −800.9) do not underflow; z² overflows to −∞ only where the true value is below −1e308.",
            vectorLogPdf: new VectorLogPdf(LogDensity, null, "the same formula in SIMD, one multiply-add chain per lane, no logarithm"),
            cdf: E.Call("ContinuousMath.NormalCdf", E.Ref("x"), Mu, Sigma),
            quantile: E.Call("ContinuousMath.NormalQuantile", E.Ref("probability"), Mu, Sigma),
            moments: new[]
            {
                new Moment("Mean", Mu, "E[X] = μ"),
                new Moment("Variance", Sigma * Sigma, "Var[X] = σ²"),
            },
            entropy: E.Ref("logStandardDeviation") + 1.4189385332046727,
            entropyFormula: "H(P) = ½·log(2πeσ²) = log σ + ½(1 + log 2π)",
            klDivergence: E.Call("ContinuousMath.NormalKLDivergence", Mu, Sigma, E.Ref("q.mean"), E.Ref("q.standardDeviation")),
            klFormula: "D(P‖Q) = ½((μp − μq)/σq)² + ½u² + (u − log(1 + u)), u = (σp − σq)/σq (= ½((μp − μq)/σq)² + ½(σp/σq)² − ½ − log(σp/σq), as three non-negative terms, the last from Loader's deviance on the exact σp − σq)",
            fitFunction: "ContinuousFit.Normal",
            fitMethod: "μ̂ = the sample mean, σ̂ = √(Σ(xᵢ − μ̂)²/n) (divisor n, the maximum-likelihood estimate), two-pass",
            sample: E.Call("ContinuousSampling.Normal", E.Ref("random"), Mu, Sigma),
            statistics: new[]
            {
                new StatisticForm(Statistic.Mean, Mu, "μ"),
                new StatisticForm(Statistic.Variance, Sigma * Sigma, "σ²"),
                new StatisticForm(Statistic.AbsoluteDeviation, E.Call("ContinuousMath.NormalAbsoluteDeviation", Mu, Sigma, E.Ref("m")), "σ·(2φ(z) + z·erf(z/√2)), z = (μ − m)/σ"),
            },
            expectedLogDensity: new LogDensityExpectation(
                -E.Log(E.Ref("q.standardDeviation")) - 0.9189385332046728
                    - (LogDensityExpectation.Of(Statistic.Variance) + Square(LogDensityExpectation.Of(Statistic.Mean) - E.Ref("q.mean")))
                    / (2.0 * Square(E.Ref("q.standardDeviation"))),
                "E_P[log q(X)] = −log σ − ½·log 2π − (Var_P[X] + (E_P[X] − μ)²)/(2σ²)"),
            batchKL: new BatchKL("the closed form of the instance member, element by element"));

        /// <summary>Names the generator writes into a Normal type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "StandardDeviation", "Mean", "Variance", "TryCreate", "LogPdf", "Pdf", "Cdf", "Quantile", "LogLikelihood", "Entropy", "KLDivergence", "CrossEntropy", "Fit", "Sample", "IsDefault", "ThrowIfDefault", "LogPdfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_mean", "_standardDeviation", "_logStandardDeviation",
        };
    }
}
