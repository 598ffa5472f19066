using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Beta(α, β): p(x) = x^(α−1)·(1 − x)^(β−1)/B(α, β), 0 ≤ x ≤ 1.</summary>
    internal static class Beta
    {
        private static readonly Expr Alpha = E.Ref("alpha");
        private static readonly Expr Beta_ = E.Ref("beta");
        private static readonly Expr X = E.Ref("x");
        private static readonly Expr Successes = E.Ref("trials") * X;
        private static readonly Expr Failures = E.Ref("trials") * (1.0 - X);

        /// <summary>(α − 1) − n·x with one rounding; (β − 1) − n·(1 − x) is exactly its negative.</summary>
        private static readonly Expr Surplus = E.Fma(-E.Ref("trials"), X, Alpha - 1.0);

        public static readonly ContinuousFamily Description = new(
            name: "Beta",
            summary: "A beta distribution on [0, 1] with shapes α > 0 and β > 0.",
            interfaceName: "global::DivergenceGen.IBetaDistribution",
            parameters: new[]
            {
                new ScalarParameter("alpha", "Alpha", ParameterDomain.PositiveReal, "The shape α, finite and > 0."),
                new ScalarParameter("beta", "Beta", ParameterDomain.PositiveReal, "The shape β, finite and > 0."),
            },
            cached: new[]
            {
                new CachedQuantity("trials", Alpha + Beta_ - 2.0, "n = α + β − 2, the trials of the binomial saddle-point form"),
                new CachedQuantity("logPdfConstant", E.Call("ContinuousMath.BetaLogPdfConstant", Alpha, Beta_), "the part of log p(x) that does not depend on x (binomial form, α, β > 2)"),
            },
            lower: new Boundary(0.0, Closed: true),
            upper: new Boundary(1.0, Closed: true),
            densityFormula: "p(x) = x^(α−1)·(1 − x)^(β−1)/B(α, β), 0 ≤ x ≤ 1",
            logPdf: E.Call("ContinuousMath.BetaLogPdf", X, Alpha, Beta_),
            logPdfMethod: "for α, β > 2 R's dbeta form log(α + β − 1) + log of the binomial probability of α − 1 successes in α + β − 2 trials (Loader's saddle point, no lnΓ differences); otherwise (α − 1)·log x + (β − 1)·log(1 − x) − ln B(α, β) with 0·log 0 = 0 at the ends (+∞, finite or −∞ there by the shape).",
            vectorLogPdf: new VectorLogPdf(
                E.Ref("logPdfConstant") - E.Deviance(Alpha - 1.0, Successes, Surplus) - E.Deviance(Beta_ - 1.0, Failures, -Surplus),
                E.Below(2.0, E.Min(Alpha, Beta_)),
                "the binomial saddle-point form, in SIMD for α, β > 2 (two vector deviances per lane, the rest cached; other shapes element by element)"),
            cdf: E.Call("ContinuousMath.BetaCdf", X, Alpha, Beta_),
            quantile: E.Call("ContinuousMath.BetaQuantile", E.Ref("probability"), Alpha, Beta_),
            moments: new[]
            {
                new Moment("Mean", Alpha / (Alpha + Beta_), "E[X] = α/(α + β)"),
                new Moment("Variance", E.Call("ContinuousMath.BetaVariance", Alpha, Beta_), "Var[X] = αβ/((α + β)²(α + β + 1))"),
            },
            entropy: E.Call("ContinuousMath.BetaEntropy", Alpha, Beta_),
            entropyFormula: "H(P) = ln B(α, β) − (α − 1)ψ(α) − (β − 1)ψ(β) + (α + β − 2)ψ(α + β)",
            klDivergence: E.Call("ContinuousMath.BetaKLDivergence", Alpha, Beta_, E.Ref("q.alpha"), E.Ref("q.beta")),
            klFormula: "D(P‖Q) = ln B(αq, βq) − ln B(αp, βp) + (αp − αq)ψ(αp) + (βp − βq)ψ(βp) + (αq − αp + βq − βp)ψ(αp + βp), computed as B(αp → αq) + B(βp → βq) − B(αp + βp → αq + βq) with B the Bregman divergence of lnΓ (each part exact where P ≈ Q)",
            fitFunction: "ContinuousFit.Beta",
            fitMethod: "Newton's method on ψ(α) − ψ(α + β) = mean(log x), ψ(β) − ψ(α + β) = mean(log(1 − x)) with the trigamma Hessian (runtime ContinuousFit.Beta: stopping rule there)",
            sample: E.Call("ContinuousSampling.Beta", E.Ref("random"), Alpha, Beta_),
            statistics: new[]
            {
                new StatisticForm(Statistic.Mean, Alpha / (Alpha + Beta_), "α/(α + β)"),
                new StatisticForm(Statistic.Variance, E.Call("ContinuousMath.BetaVariance", Alpha, Beta_), "αβ/((α + β)²(α + β + 1))"),
                new StatisticForm(Statistic.MeanLog, E.Call("SpecialFunctions.Digamma", Alpha) - E.Call("SpecialFunctions.Digamma", Alpha + Beta_), "ψ(α) − ψ(α + β)"),
                new StatisticForm(Statistic.VarianceLog, E.Call("SpecialFunctions.Trigamma", Alpha) - E.Call("SpecialFunctions.Trigamma", Alpha + Beta_), "ψ′(α) − ψ′(α + β)"),
                new StatisticForm(Statistic.MeanLog1m, E.Call("SpecialFunctions.Digamma", Beta_) - E.Call("SpecialFunctions.Digamma", Alpha + Beta_), "ψ(β) − ψ(α + β)"),
                new StatisticForm(Statistic.AbsoluteDeviation, E.Call("ContinuousMath.BetaAbsoluteDeviation", Alpha, Beta_, E.Ref("m")), "μ − m + 2(m·I_m(α, β) − μ·I_m(α + 1, β)), μ = α/(α + β) (0 < m < 1)"),
            },
            expectedLogDensity: new LogDensityExpectation(
                (E.Ref("q.alpha") - 1.0) * LogDensityExpectation.Of(Statistic.MeanLog) + (E.Ref("q.beta") - 1.0) * LogDensityExpectation.Of(Statistic.MeanLog1m)
                    - E.Call("ContinuousMath.LogBeta", E.Ref("q.alpha"), E.Ref("q.beta")),
                "E_P[log q(X)] = (α − 1)·E_P[log X] + (β − 1)·E_P[log(1 − X)] − ln B(α, β)"));

        /// <summary>Names the generator writes into a Beta type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "Alpha", "Beta", "Mean", "Variance", "TryCreate", "LogPdf", "Pdf", "Cdf", "Quantile", "LogLikelihood", "Entropy", "KLDivergence", "CrossEntropy", "Fit", "Sample", "IsDefault", "ThrowIfDefault", "LogPdfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_alpha", "_beta", "_trials", "_logPdfConstant",
        };
    }
}
