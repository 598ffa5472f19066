using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Exponential(λ): p(x) = λ·e^(−λx), x ≥ 0.</summary>
    internal static class Exponential
    {
        private static readonly Expr Rate = E.Ref("rate");

        private static readonly Expr LogDensity = E.Ref("logRate") - Rate * E.Ref("x");

        public static readonly ContinuousFamily Description = new(
            name: "Exponential",
            summary: "An exponential distribution with rate λ > 0 (mean 1/λ).",
            interfaceName: "global::DivergenceGen.IExponentialDistribution",
            parameters: new[] { new ScalarParameter("rate", "Rate", ParameterDomain.PositiveReal, "The rate λ, finite and > 0.") },
            cached: new[] { new CachedQuantity("logRate", E.Log(Rate), "log λ") },
            lower: new Boundary(0.0, Closed: true),
            upper: null,
            densityFormula: "p(x) = λ·e^(−λx), x ≥ 0",
            logPdf: LogDensity,
            logPdfMethod: "log p(x) = log λ − λx (log λ cached): at x = 0 the density's value λ (the support is [0, ∞)).",
            vectorLogPdf: new VectorLogPdf(LogDensity, null, "log λ − λx in SIMD, no logarithm per element"),
            cdf: E.Call("ContinuousMath.ExponentialCdf", E.Ref("x"), Rate),
            quantile: E.Call("ContinuousMath.ExponentialQuantile", E.Ref("probability"), Rate),
            moments: new[]
            {
                new Moment("Mean", 1.0 / Rate, "E[X] = 1/λ"),
                new Moment("Variance", 1.0 / (Rate * Rate), "Var[X] = 1/λ²"),
            },
            entropy: 1.0 - E.Ref("logRate"),
            entropyFormula: "H(P) = 1 − log λ",
            klDivergence: E.Call("ContinuousMath.ExponentialKLDivergence", Rate, E.Ref("q.rate")),
            klFormula: "D(P‖Q) = log(λp/λq) + λq/λp − 1, computed as bd0(λp, λq)/λp (Loader's deviance on the exact difference: full relative accuracy where λp ≈ λq)",
            fitFunction: "ContinuousFit.Exponential",
            fitMethod: "λ̂ = 1/mean",
            sample: E.Call("ContinuousSampling.Exponential", E.Ref("random"), Rate),
            statistics: new[]
            {
                new StatisticForm(Statistic.Mean, 1.0 / Rate, "1/λ"),
                new StatisticForm(Statistic.Variance, 1.0 / (Rate * Rate), "1/λ²"),
                new StatisticForm(Statistic.MeanLog, -0.5772156649015329 - E.Log(Rate), "−γ − log λ"),
                new StatisticForm(Statistic.VarianceLog, 1.6449340668482264, "π²/6"),
                new StatisticForm(Statistic.AbsoluteDeviation, E.Call("ContinuousMath.ExponentialAbsoluteDeviation", Rate, E.Ref("m")), "m − 1/λ + 2e^(−λm)/λ (m > 0)"),
            },
            expectedLogDensity: new LogDensityExpectation(
                E.Log(E.Ref("q.rate")) - E.Ref("q.rate") * LogDensityExpectation.Of(Statistic.Mean),
                "E_P[log q(X)] = log λ − λ·E_P[X]"),
            batchKL: new BatchKL("the closed form of the instance member, element by element"));

        /// <summary>Names the generator writes into a Exponential type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "Rate", "Mean", "Variance", "TryCreate", "LogPdf", "Pdf", "Cdf", "Quantile", "LogLikelihood", "Entropy", "KLDivergence", "CrossEntropy", "Fit", "Sample", "IsDefault", "ThrowIfDefault", "LogPdfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_rate", "_logRate",
        };
    }
}
