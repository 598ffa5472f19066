using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>LogNormal(μ, σ): log X ~ Normal(μ, σ); p(x) = exp(−(log x − μ)²/(2σ²))/(xσ√(2π)), x &gt; 0.</summary>
    internal static class LogNormal
    {
        private static readonly Expr Mu = E.Ref("mu");
        private static readonly Expr Sigma = E.Ref("sigma");
        private static readonly Expr LogX = E.Log(E.Ref("x"));
        private static readonly Expr Z = (LogX - Mu) / Sigma;

        /// <summary>log p(x) = −½z² − log σ − ½·log 2π − log x, z = (log x − μ)/σ.</summary>
        private static readonly Expr LogDensity = -0.5 * (Z * Z) - E.Ref("logSigma") - 0.9189385332046728 - LogX;

        private static Expr Square(Expr e) => e * e;

        public static readonly ContinuousFamily Description = new(
            name: "LogNormal",
            summary: "A log-normal distribution: log X ~ Normal(μ, σ), σ > 0 (μ and σ are the normal parameters of log X).",
            interfaceName: "global::DivergenceGen.ILogNormalDistribution",
            parameters: new[]
            {
                new ScalarParameter("mu", "Mu", ParameterDomain.Real, "μ, the mean of log X, finite."),
                new ScalarParameter("sigma", "Sigma", ParameterDomain.PositiveReal, "σ, the standard deviation of log X, finite and > 0."),
            },
            cached: new[] { new CachedQuantity("logSigma", E.Log(Sigma), "log σ") },
            lower: new Boundary(0.0, Closed: false),
            upper: null,
            densityFormula: "p(x) = exp(−(log x − μ)²/(2σ²))/(xσ√(2π)), x > 0",
            logPdf: LogDensity,
            logPdfMethod: "log p(x) = −½z² − log σ − ½·log 2π − log x with z = (log x − μ)/σ: no exp, so x = 1e300 gives −239,277.1; x ≤ 0 is outside the support (the density's limit at 0 is 0).",
            vectorLogPdf: new VectorLogPdf(LogDensity, null, "the same formula in SIMD with the runtime's vector log"),
            cdf: E.Call("ContinuousMath.LogNormalCdf", E.Ref("x"), Mu, Sigma),
            quantile: E.Call("ContinuousMath.LogNormalQuantile", E.Ref("probability"), Mu, Sigma),
            moments: new[]
            {
                new Moment("Mean", E.Call("ContinuousMath.LogNormalMean", Mu, Sigma), "E[X] = exp(μ + σ²/2)"),
                new Moment("Variance", E.Call("ContinuousMath.LogNormalVariance", Mu, Sigma), "Var[X] = (exp(σ²) − 1)·exp(2μ + σ²)"),
            },
            entropy: Mu + E.Ref("logSigma") + 1.4189385332046727,
            entropyFormula: "H(P) = μ + ½ + log(σ√(2π)) = μ + log σ + ½(1 + log 2π)",
            klDivergence: E.Call("ContinuousMath.NormalKLDivergence", Mu, Sigma, E.Ref("q.mu"), E.Ref("q.sigma")),
            klFormula: "D(P‖Q) = the normal KL of the logs (X ↦ log X is one-to-one): ½((μp − μq)/σq)² + ½u² + (u − log(1 + u)), u = (σp − σq)/σq",
            fitFunction: "ContinuousFit.LogNormal",
            fitMethod: "the normal fit of log xᵢ: μ̂ = mean of log x, σ̂ = √(Σ(log xᵢ − μ̂)²/n)",
            sample: E.Call("ContinuousSampling.LogNormal", E.Ref("random"), Mu, Sigma),
            statistics: new[]
            {
                new StatisticForm(Statistic.Mean, E.Call("ContinuousMath.LogNormalMean", Mu, Sigma), "exp(μ + σ²/2)"),
                new StatisticForm(Statistic.Variance, E.Call("ContinuousMath.LogNormalVariance", Mu, Sigma), "(exp(σ²) − 1)·exp(2μ + σ²)"),
                new StatisticForm(Statistic.MeanLog, Mu, "μ"),
                new StatisticForm(Statistic.VarianceLog, Sigma * Sigma, "σ²"),
                new StatisticForm(Statistic.AbsoluteDeviation, E.Call("ContinuousMath.LogNormalAbsoluteDeviation", Mu, Sigma, E.Ref("m")), "E[X] − m + 2(m·Φ(a) − E[X]·Φ(a − σ)), a = (log m − μ)/σ (m > 0)"),
            },
            expectedLogDensity: new LogDensityExpectation(
                -E.Log(E.Ref("q.sigma")) - 0.9189385332046728 - LogDensityExpectation.Of(Statistic.MeanLog)
                    - (LogDensityExpectation.Of(Statistic.VarianceLog) + Square(LogDensityExpectation.Of(Statistic.MeanLog) - E.Ref("q.mu")))
                    / (2.0 * Square(E.Ref("q.sigma"))),
                "E_P[log q(X)] = −log σ − ½·log 2π − E_P[log X] − (Var_P[log X] + (E_P[log X] − μ)²)/(2σ²)"));

        /// <summary>Names the generator writes into a LogNormal type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "Mu", "Sigma", "Mean", "Variance", "TryCreate", "LogPdf", "Pdf", "Cdf", "Quantile", "LogLikelihood", "Entropy", "KLDivergence", "CrossEntropy", "Fit", "Sample", "IsDefault", "ThrowIfDefault", "LogPdfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_mu", "_sigma", "_logSigma",
        };
    }
}
