using System.Collections.Generic;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// An end of a continuous support: a value (IR over the parameters, or a constant) and whether the end itself belongs
    /// to the support (closed) or not (open: the density's limit there is 0, LogNormal at 0).
    /// </summary>
    internal sealed record Boundary(Expr Value, bool Closed);

    /// <summary>
    /// A vectorisable form of the log-density for the interior of the support (IR with vector lowerings only: no
    /// <see cref="Call"/>), used by the batch member where <paramref name="Condition"/> (over the instance's parameters and
    /// cached quantities) holds; lanes at a boundary or outside the support take the scalar form.
    /// </summary>
    internal sealed record VectorLogPdf(Expr Value, Expr? Condition, string Method);

    /// <summary>A batch KL over many parameter pairs: the same closed form as the instance member, element by element.</summary>
    internal sealed record BatchKL(string Method);

    /// <summary>
    /// An expectation under a law P that another family's log-density needs (<see cref="ContinuousFamily.ExpectedLogDensity"/>):
    /// the cross-entropy H(P, Q) = −E_P[log q(X)] of two continuous families is a short formula in these.
    /// </summary>
    internal enum Statistic
    {
        /// <summary>E[X].</summary>
        Mean,

        /// <summary>Var[X].</summary>
        Variance,

        /// <summary>E[log X] (laws on x ≥ 0).</summary>
        MeanLog,

        /// <summary>Var[log X] (laws on x ≥ 0).</summary>
        VarianceLog,

        /// <summary>E[log(1 − X)] (laws on [0, 1]).</summary>
        MeanLog1m,

        /// <summary>E|X − m|, a function of <c>m</c> (the IR reads <c>m</c>).</summary>
        AbsoluteDeviation,
    }

    /// <summary>One of a family's expectations as P: the value as IR over its parameters and the formula as text.</summary>
    internal sealed record StatisticForm(Statistic Kind, Expr Value, string Formula);

    /// <summary>
    /// E_P[log q(X)] for this family as Q, as IR over Q's parameters (<c>q.name</c>) and the statistics of P it reads
    /// (<see cref="StatisticName"/>), and the formula as text.
    /// </summary>
    /// <param name="Value">The IR.</param>
    /// <param name="Formula">The formula as text, for the generated comment.</param>
    /// <param name="DeviationAbout">Where the formula reads E_P|X − m|, the point m as IR over Q's parameters (Laplace: its location).</param>
    internal sealed record LogDensityExpectation(Expr Value, string Formula, Expr? DeviationAbout = null)
    {
        /// <summary>The name by which <see cref="Value"/> reads a statistic of P: <c>meanLog</c>.</summary>
        public static string StatisticName(Statistic kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString().Substring(1);

        /// <summary>The reference a formula uses for a statistic of P.</summary>
        public static Expr Of(Statistic kind) => E.Ref(StatisticName(kind));
    }

    /// <summary>
    /// A family of laws on the real line with scalar parameters and a density (Normal, Gamma, Beta, …). The description is
    /// data; <see cref="Emit.ContinuousFamilyEmitter"/> derives every member from it and names no family. Formulas are IR
    /// in the parameters, the cached quantities and <c>x</c>; a formula for Q reads <c>q.name</c>. Everything is computed in
    /// double; a float type rounds once, on return. The numerics that are not one short formula live in the runtime's
    /// <c>ContinuousMath</c>, <c>ContinuousSampling</c> and <c>ContinuousFit</c> and are reached through <see cref="Call"/>.
    /// </summary>
    internal sealed class ContinuousFamily
    {
        public ContinuousFamily(
            string name,
            string summary,
            string interfaceName,
            IReadOnlyList<ScalarParameter> parameters,
            IReadOnlyList<CachedQuantity> cached,
            Boundary? lower,
            Boundary? upper,
            string densityFormula,
            Expr logPdf,
            string logPdfMethod,
            VectorLogPdf? vectorLogPdf,
            Expr cdf,
            Expr quantile,
            IReadOnlyList<Moment> moments,
            Expr entropy,
            string entropyFormula,
            Expr klDivergence,
            string klFormula,
            string fitFunction,
            string fitMethod,
            Expr sample,
            IReadOnlyList<StatisticForm> statistics,
            LogDensityExpectation expectedLogDensity,
            BatchKL? batchKL = null,
            (Expr Condition, string Text)? constraint = null)
        {
            Name = name;
            Summary = summary;
            InterfaceName = interfaceName;
            Parameters = parameters;
            Cached = cached;
            Lower = lower;
            Upper = upper;
            DensityFormula = densityFormula;
            LogPdf = logPdf;
            LogPdfMethod = logPdfMethod;
            VectorLogPdf = vectorLogPdf;
            Cdf = cdf;
            Quantile = quantile;
            Moments = moments;
            Entropy = entropy;
            EntropyFormula = entropyFormula;
            KLDivergence = klDivergence;
            KLFormula = klFormula;
            FitFunction = fitFunction;
            FitMethod = fitMethod;
            Sample = sample;
            Statistics = statistics;
            ExpectedLogDensity = expectedLogDensity;
            BatchKL = batchKL;
            Constraint = constraint;
        }

        public string Name { get; }

        public string Summary { get; }

        /// <summary>The runtime interface the generated type implements, without type arguments.</summary>
        public string InterfaceName { get; }

        /// <summary>The parameters, in constructor order.</summary>
        public IReadOnlyList<ScalarParameter> Parameters { get; }

        /// <summary>Quantities computed once per instance (in double) and stored beside the parameters.</summary>
        public IReadOnlyList<CachedQuantity> Cached { get; }

        /// <summary>The lower end of the support, or null for −∞.</summary>
        public Boundary? Lower { get; }

        /// <summary>The upper end of the support, or null for +∞.</summary>
        public Boundary? Upper { get; }

        /// <summary>p(x) as text, for the doc comments.</summary>
        public string DensityFormula { get; }

        /// <summary>log p(x) for x inside the support, finite (the emitter returns −∞ outside it and at ±∞, NaN for NaN).</summary>
        public Expr LogPdf { get; }

        /// <summary>How <see cref="LogPdf"/> computes, one line for the generated comment.</summary>
        public string LogPdfMethod { get; }

        /// <summary>The batch member's SIMD form, or null: the batch calls the scalar form per element.</summary>
        public VectorLogPdf? VectorLogPdf { get; }

        /// <summary>P(X ≤ x) for x inside the support (the emitter returns 0 below it, 1 above it, NaN for NaN).</summary>
        public Expr Cdf { get; }

        /// <summary>The quantile at <c>probability</c> ∈ [0, 1] (checked by the emitter).</summary>
        public Expr Quantile { get; }

        public IReadOnlyList<Moment> Moments { get; }

        public Expr Entropy { get; }

        public string EntropyFormula { get; }

        /// <summary>D(P‖Q) to the same type, in P's names and Q's <c>q.</c> names, including +∞ where the supports say so.</summary>
        public Expr KLDivergence { get; }

        public string KLFormula { get; }

        /// <summary>The runtime fit, called as <c>Function(x, out p1, out p2, …)</c> with the parameters in constructor order.</summary>
        public string FitFunction { get; }

        public string FitMethod { get; }

        /// <summary>One draw (a runtime sampler call reading <c>random</c>).</summary>
        public Expr Sample { get; }

        /// <summary>This family's expectations as P, for the cross-entropy against other families (those it has).</summary>
        public IReadOnlyList<StatisticForm> Statistics { get; }

        /// <summary>E_P[log q(X)] for this family as Q, in the statistics of P (valid where P's support is inside this one's).</summary>
        public LogDensityExpectation ExpectedLogDensity { get; }

        /// <summary>Whether the type gets the static batch KL over parameter spans.</summary>
        public BatchKL? BatchKL { get; }

        /// <summary>A condition between the parameters beyond their domains (Uniform: lower &lt; upper) and its text.</summary>
        public (Expr Condition, string Text)? Constraint { get; }
    }
}
