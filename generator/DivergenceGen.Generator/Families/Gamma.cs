using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Gamma(α, β) with shape α and rate β: p(x) = βᵅ·x^(α−1)·e^(−βx)/Γ(α), x ≥ 0.</summary>
    internal static class Gamma
    {
        private static readonly Expr Shape = E.Ref("shape");
        private static readonly Expr Rate = E.Ref("rate");
        private static readonly Expr Mean = Rate * E.Ref("x");

        public static readonly ContinuousFamily Description = new(
            name: "Gamma",
            summary: "A gamma distribution with shape α > 0 and rate β > 0 (mean α/β).",
            interfaceName: "global::DivergenceGen.IGammaDistribution",
            parameters: new[]
            {
                new ScalarParameter("shape", "Shape", ParameterDomain.PositiveReal, "The shape α, finite and > 0."),
                new ScalarParameter("rate", "Rate", ParameterDomain.PositiveReal, "The rate β, finite and > 0."),
            },
            cached: new[]
            {
                new CachedQuantity("saddle", E.Select(E.AtLeast(Shape, 1.0), Shape - 1.0, Shape), "k = α − 1 (α ≥ 1) or α (α < 1): the Poisson count of the saddle-point form"),
                new CachedQuantity("logPdfConstant", E.Call("ContinuousMath.GammaLogPdfConstant", Shape, Rate), "the part of log p(x) that does not depend on x"),
            },
            lower: new Boundary(0.0, Closed: true),
            upper: null,
            densityFormula: "p(x) = βᵅ·x^(α−1)·e^(−βx)/Γ(α), x ≥ 0",
            logPdf: E.Call("ContinuousMath.GammaLogPdf", E.Ref("x"), Shape, Rate),
            logPdfMethod: "Loader's saddle-point form (R's dgamma): c − bd0(k, βx) with k = α − 1 (or α, minus log x, for α < 1); the plain (α − 1)·log x − βx + α·log β − lnΓ(α) loses 7 digits at α = 1e6. At x = 0: +∞ (α < 1), log β (α = 1), −∞ (α > 1).",
            vectorLogPdf: new VectorLogPdf(
                E.Ref("logPdfConstant") - E.Deviance(E.Ref("saddle"), Mean, E.Fma(-Rate, E.Ref("x"), E.Ref("saddle"))),
                E.AtLeast(Shape, 1.0),
                "the same saddle-point form, in SIMD for α ≥ 1: the constant is cached and each lane is one vector deviance with k − βx from one FMA, no logarithm (α < 1, whose form has a −log x, goes element by element)"),
            cdf: E.Call("ContinuousMath.GammaCdf", E.Ref("x"), Shape, Rate),
            quantile: E.Call("ContinuousMath.GammaQuantile", E.Ref("probability"), Shape, Rate),
            moments: new[]
            {
                new Moment("Mean", Shape / Rate, "E[X] = α/β"),
                new Moment("Variance", Shape / (Rate * Rate), "Var[X] = α/β²"),
            },
            entropy: E.Call("ContinuousMath.GammaEntropy", Shape, Rate),
            entropyFormula: "H(P) = α − log β + lnΓ(α) + (1 − α)ψ(α) (for α ≥ 10 in Stirling's form, whose terms do not cancel)",
            klDivergence: E.Call("ContinuousMath.GammaKLDivergence", Shape, Rate, E.Ref("q.shape"), E.Ref("q.rate")),
            klFormula: "D(P‖Q) = (αp − αq)ψ(αp) − lnΓ(αp) + lnΓ(αq) + αq·log(βp/βq) + αp(βq − βp)/βp, computed as [lnΓ(αq) − lnΓ(αp) − (αq − αp)ψ(αp)] + αp(r − 1 − log r) + (αp − αq)·log r with r = βq/βp, the first two non-negative and exact where P ≈ Q",
            fitFunction: "ContinuousFit.Gamma",
            fitMethod: "α̂ solves log α − ψ(α) = log(mean) − mean(log x) by Newton's method (runtime ContinuousFit.Gamma: stopping rule there), β̂ = α̂/mean",
            sample: E.Call("ContinuousSampling.Gamma", E.Ref("random"), Shape, Rate),
            statistics: new[]
            {
                new StatisticForm(Statistic.Mean, Shape / Rate, "α/β"),
                new StatisticForm(Statistic.Variance, Shape / (Rate * Rate), "α/β²"),
                new StatisticForm(Statistic.MeanLog, E.Call("SpecialFunctions.Digamma", Shape) - E.Log(Rate), "ψ(α) − log β"),
                new StatisticForm(Statistic.VarianceLog, E.Call("SpecialFunctions.Trigamma", Shape), "ψ′(α)"),
                new StatisticForm(Statistic.AbsoluteDeviation, E.Call("ContinuousMath.GammaAbsoluteDeviation", Shape, Rate, E.Ref("m")), "α/β − m + 2(m·P(α, βm) − (α/β)·P(α + 1, βm)) (m > 0)"),
            },
            expectedLogDensity: new LogDensityExpectation(
                E.Ref("q.shape") * E.Log(E.Ref("q.rate")) - E.Call("SpecialFunctions.LogGamma", E.Ref("q.shape"))
                    + (E.Ref("q.shape") - 1.0) * LogDensityExpectation.Of(Statistic.MeanLog) - E.Ref("q.rate") * LogDensityExpectation.Of(Statistic.Mean),
                "E_P[log q(X)] = α·log β − lnΓ(α) + (α − 1)·E_P[log X] − β·E_P[X]"));

        /// <summary>Names the generator writes into a Gamma type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "Shape", "Rate", "Mean", "Variance", "TryCreate", "LogPdf", "Pdf", "Cdf", "Quantile", "LogLikelihood", "Entropy", "KLDivergence", "CrossEntropy", "Fit", "Sample", "IsDefault", "ThrowIfDefault", "LogPdfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_shape", "_rate", "_saddle", "_logPdfConstant",
        };
    }
}
