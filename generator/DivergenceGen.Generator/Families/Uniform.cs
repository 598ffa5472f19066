using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Uniform(lower, upper): p(x) = 1/(upper − lower) on [lower, upper].</summary>
    internal static class Uniform
    {
        private static readonly Expr Lower = E.Ref("lower");
        private static readonly Expr Upper = E.Ref("upper");

        public static readonly ContinuousFamily Description = new(
            name: "Uniform",
            summary: "A continuous uniform distribution on [lower, upper], lower < upper.",
            interfaceName: "global::DivergenceGen.IUniformDistribution",
            parameters: new[]
            {
                new ScalarParameter("lower", "Lower", ParameterDomain.Real, "The lower end of the support, finite."),
                new ScalarParameter("upper", "Upper", ParameterDomain.Real, "The upper end of the support, finite and > lower."),
            },
            cached: new[] { new CachedQuantity("logWidth", E.Call("ContinuousMath.LogWidth", Lower, Upper), "log(upper − lower), without overflow of the width") },
            lower: new Boundary(Lower, Closed: true),
            upper: new Boundary(Upper, Closed: true),
            densityFormula: "p(x) = 1/(upper − lower), lower ≤ x ≤ upper",
            logPdf: -E.Ref("logWidth"),
            logPdfMethod: "−log(upper − lower) inside [lower, upper] (cached), ends included.",
            vectorLogPdf: new VectorLogPdf(-E.Ref("logWidth"), null, "a constant inside the support"),
            cdf: E.Call("ContinuousMath.UniformCdf", E.Ref("x"), Lower, Upper),
            quantile: E.Call("ContinuousMath.UniformQuantile", E.Ref("probability"), Lower, Upper),
            moments: new[]
            {
                new Moment("Mean", 0.5 * Lower + 0.5 * Upper, "E[X] = (lower + upper)/2 (halves first: no overflow)"),
                new Moment("Variance", E.Call("ContinuousMath.UniformVariance", Lower, Upper), "Var[X] = (upper − lower)²/12"),
            },
            entropy: E.Ref("logWidth"),
            entropyFormula: "H(P) = log(upper − lower)",
            klDivergence: E.Call("ContinuousMath.UniformKLDivergence", Lower, Upper, E.Ref("q.lower"), E.Ref("q.upper")),
            klFormula: "D(P‖Q) = log((upper_q − lower_q)/(upper_p − lower_p)) where [lower_p, upper_p] ⊆ [lower_q, upper_q], +∞ otherwise (P puts mass where Q has none)",
            fitFunction: "ContinuousFit.Uniform",
            fitMethod: "lower̂ = min xᵢ, upper̂ = max xᵢ",
            sample: E.Call("ContinuousSampling.Uniform", E.Ref("random"), Lower, Upper),
            statistics: new[]
            {
                new StatisticForm(Statistic.Mean, 0.5 * Lower + 0.5 * Upper, "(lower + upper)/2"),
                new StatisticForm(Statistic.Variance, E.Call("ContinuousMath.UniformVariance", Lower, Upper), "(upper − lower)²/12"),
                new StatisticForm(Statistic.MeanLog, E.Call("ContinuousMath.UniformMeanLog", Lower, Upper), "(u·log u − l·log l)/(u − l) − 1 (l ≥ 0)"),
                new StatisticForm(Statistic.VarianceLog, E.Call("ContinuousMath.UniformVarianceLog", Lower, Upper), "Var[log X] (l ≥ 0)"),
                new StatisticForm(Statistic.MeanLog1m, E.Call("ContinuousMath.UniformMeanLog", 1.0 - Upper, 1.0 - Lower), "the same with l′ = 1 − u, u′ = 1 − l (u ≤ 1)"),
                new StatisticForm(Statistic.AbsoluteDeviation, E.Call("ContinuousMath.UniformAbsoluteDeviation", Lower, Upper, E.Ref("m")), "((m − l)² + (u − m)²)/(2(u − l)) (l ≤ m ≤ u)"),
            },
            expectedLogDensity: new LogDensityExpectation(
                -E.Call("ContinuousMath.LogWidth", E.Ref("q.lower"), E.Ref("q.upper")),
                "E_P[log q(X)] = −log(upper − lower) where P's support is inside [lower, upper]"),
            constraint: (E.Below(Lower, Upper), "lower < upper"));

        /// <summary>Names the generator writes into a Uniform type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "Lower", "Upper", "Mean", "Variance", "TryCreate", "LogPdf", "Pdf", "Cdf", "Quantile", "LogLikelihood", "Entropy", "KLDivergence", "CrossEntropy", "Fit", "Sample", "IsDefault", "ThrowIfDefault", "LogPdfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_lower", "_upper", "_logWidth",
        };
    }
}
