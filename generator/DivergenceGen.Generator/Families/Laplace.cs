using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Laplace(μ, b): p(x) = e^(−|x − μ|/b)/(2b), x ∈ ℝ.</summary>
    internal static class Laplace
    {
        private static readonly Expr Location = E.Ref("location");
        private static readonly Expr Scale = E.Ref("scale");

        /// <summary>log p(x) = −|x − μ|/b − log 2b.</summary>
        private static readonly Expr LogDensity = -(E.Abs(E.Ref("x") - Location) / Scale) - E.Ref("logTwiceScale");

        public static readonly ContinuousFamily Description = new(
            name: "Laplace",
            summary: "A Laplace (double exponential) distribution with location μ and scale b > 0.",
            interfaceName: "global::DivergenceGen.ILaplaceDistribution",
            parameters: new[]
            {
                new ScalarParameter("location", "Location", ParameterDomain.Real, "The location μ (the mean and median), finite."),
                new ScalarParameter("scale", "Scale", ParameterDomain.PositiveReal, "The scale b, finite and > 0."),
            },
            cached: new[] { new CachedQuantity("logTwiceScale", E.Log(Scale) + 0.6931471805599453, "log 2b (as log b + log 2: 2b may overflow)") },
            lower: null,
            upper: null,
            densityFormula: "p(x) = e^(−|x − μ|/b)/(2b), x ∈ ℝ",
            logPdf: LogDensity,
            logPdfMethod: "log p(x) = −|x − μ|/b − log 2b (log 2b cached): no exp, no underflow in the tails.",
            vectorLogPdf: new VectorLogPdf(LogDensity, null, "the same formula in SIMD, no logarithm per element"),
            cdf: E.Call("ContinuousMath.LaplaceCdf", E.Ref("x"), Location, Scale),
            quantile: E.Call("ContinuousMath.LaplaceQuantile", E.Ref("probability"), Location, Scale),
            moments: new[]
            {
                new Moment("Mean", Location, "E[X] = μ"),
                new Moment("Variance", 2.0 * (Scale * Scale), "Var[X] = 2b²"),
            },
            entropy: 1.0 + E.Ref("logTwiceScale"),
            entropyFormula: "H(P) = 1 + log 2b",
            klDivergence: E.Call("ContinuousMath.LaplaceKLDivergence", Location, Scale, E.Ref("q.location"), E.Ref("q.scale")),
            klFormula: "D(P‖Q) = log(bq/bp) + |μp − μq|/bq + (bp/bq)·e^(−|μp − μq|/bp) − 1, computed as (r − 1 − log r) + r·(e^(−t) − 1 + t) with r = bp/bq, t = |μp − μq|/bp: two non-negative terms, exact where P ≈ Q",
            fitFunction: "ContinuousFit.Laplace",
            fitMethod: "μ̂ = the sample median (the midpoint of the two middle values for even n), b̂ = mean |xᵢ − μ̂|",
            sample: E.Call("ContinuousSampling.Laplace", E.Ref("random"), Location, Scale),
            statistics: new[]
            {
                new StatisticForm(Statistic.Mean, Location, "μ"),
                new StatisticForm(Statistic.Variance, 2.0 * (Scale * Scale), "2b²"),
                new StatisticForm(Statistic.AbsoluteDeviation, E.Call("ContinuousMath.LaplaceAbsoluteDeviation", Location, Scale, E.Ref("m")), "|μ − m| + b·e^(−|μ − m|/b)"),
            },
            expectedLogDensity: new LogDensityExpectation(
                -(E.Log(E.Ref("q.scale")) + 0.6931471805599453) - E.Ref("absoluteDeviation") / E.Ref("q.scale"),
                "E_P[log q(X)] = −log 2b − E_P|X − μ|/b",
                E.Ref("q.location")),
            batchKL: new BatchKL("the closed form of the instance member, element by element"));

        /// <summary>Names the generator writes into a Laplace type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "Location", "Scale", "Mean", "Variance", "TryCreate", "LogPdf", "Pdf", "Cdf", "Quantile", "LogLikelihood", "Entropy", "KLDivergence", "CrossEntropy", "Fit", "Sample", "IsDefault", "ThrowIfDefault", "LogPdfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_location", "_scale", "_logTwiceScale",
        };
    }
}
