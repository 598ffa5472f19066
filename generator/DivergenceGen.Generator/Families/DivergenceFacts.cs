using System.Collections.Generic;
using System.Globalization;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Where a family's support ends. Every discrete support starts at 0.</summary>
    internal enum SupportEnd
    {
        /// <summary>
        /// A density on an interval of the real line (the continuous families): no outcomes to sum over; divergences only
        /// with other continuous families, by the closed forms of <see cref="ContinuousPairs"/>.
        /// </summary>
        RealLine,

        /// <summary>0, 1, 2, … (no end).</summary>
        Infinite,

        /// <summary>A constant last outcome for every declaration (<see cref="DivergenceFacts.LastOutcome"/>).</summary>
        Fixed,

        /// <summary>K − 1, K the compile-time number of classes.</summary>
        LastClass,

        /// <summary>n, the compile-time number of trials.</summary>
        Trials,
    }

    /// <summary>A parameter value that makes the family the point mass at 0 (Poisson: rate = 0).</summary>
    /// <param name="Parameter">The parameter.</param>
    /// <param name="Value">The value.</param>
    internal sealed record PointMassAtZero(ScalarParameter Parameter, double Value)
    {
        /// <summary>As prose: <c>rate = 0</c>.</summary>
        public string Prose => Parameter.Name + " = " + Value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>The condition on P, as IR: <c>P.Rate == 0</c>.</summary>
        public Expr Condition => E.Equal(new ParameterOf(Side.P, Parameter.PropertyName), Value);
    }

    /// <summary>A local of the truncated series holding one of P's parameters (<c>double success = p.P;</c>).</summary>
    /// <param name="Parameter">The parameter read.</param>
    /// <param name="Name">The local's name, as <see cref="TailRatio.Ratio"/> refers to it.</param>
    internal sealed record SeriesLocal(ScalarParameter Parameter, string Name);

    /// <summary>
    /// The bound that stops a truncated series over an infinite support: a ρ(k) with p(j+1)/p(j) ≤ ρ(k) for every
    /// j ≥ k past the mode, so that the remaining mass R(k) = Σ_{j&gt;k} p(j) ≤ p(k)·ρ/(1 − ρ) once ρ &lt; 1.
    /// </summary>
    /// <param name="Ratio">ρ as IR over <c>k</c> (the current outcome, a double) and the <paramref name="Locals"/>.</param>
    /// <param name="Prose">ρ and why it bounds the ratio, for the generated comment.</param>
    /// <param name="Locals">The parameters the series reads, in the order it declares them.</param>
    /// <param name="TooWide">The parameter values, as prose, for which the series needs more than <see cref="DivergenceMethods.MaxSeriesTerms"/> terms.</param>
    internal sealed record TailRatio(Expr Ratio, string Prose, IReadOnlyList<SeriesLocal> Locals, string TooWide);

    /// <summary>A parameter a special case fixes: Geometric(p) is NegativeBinomial(r = 1, p).</summary>
    /// <param name="Name">The general family's parameter, as its formulas name it (<c>r</c>).</param>
    /// <param name="Value">The value it has in the special case.</param>
    internal sealed record FixedParameter(string Name, double Value);

    /// <summary>
    /// The family is a special case of another: Bernoulli(p) is Binomial(1, p), Geometric(p) is NegativeBinomial(1, p).
    /// A divergence between the two then has a closed form: P's own member where nothing but the size is fixed (the
    /// parameters carry over), else the general family's closed-form KL with the fixed values on this side.
    /// </summary>
    /// <param name="Of">The general family.</param>
    /// <param name="Size">The general family's compile-time size in the special case (Binomial's n = 1; 0 where it has none).</param>
    /// <param name="Fixed">The general family's parameters that the special case fixes; its other parameters are this family's, by name.</param>
    /// <param name="Prose">The identity, for the generated comment: <c>Geometric(p) is NegativeBinomial(1, p)</c>.</param>
    internal sealed record SpecialCase(FamilyKind Of, int Size, IReadOnlyList<FixedParameter> Fixed, string Prose);

    /// <summary>A local of a closed form, <c>double name = value;</c>, visible to the lets after it and to the result.</summary>
    internal sealed record Let(string Name, Expr Value);

    /// <summary>
    /// A closed form of D(P‖Q) or H(P, Q) between this family as P and another family as Q, in the IR: P's and Q's
    /// parameters and members are <see cref="ParameterOf"/>/<see cref="MemberOf"/>, the lets are <see cref="Ref"/>s.
    /// The emitter evaluates it in double and returns max(result, 0) (both measures are ≥ 0 between discrete families)
    /// unless <paramref name="MayBeNegative"/>.
    /// </summary>
    /// <param name="Q">The family of Q.</param>
    /// <param name="Measure">KL divergence or cross-entropy.</param>
    /// <param name="Comment">Why the closed form holds and its conventions (the generated comment, one line each).</param>
    /// <param name="Lets">The locals, in order.</param>
    /// <param name="Result">The value.</param>
    /// <param name="MayBeNegative">
    /// True for a measure that may be negative (the differential cross-entropy of two densities): the emitter then returns the
    /// value as it is instead of max(result, 0).
    /// </param>
    internal sealed record PairClosedForm(
        FamilyKind Q, DivergenceMeasure Measure, IReadOnlyList<string> Comment, IReadOnlyList<Let> Lets, Expr Result, bool MayBeNegative = false);

    /// <summary>
    /// What the divergence methods (docs/divergences.md) need to know about a family, as data: where its support ends,
    /// which parameter value makes it the point mass at 0, whether it stores its probabilities, and the tail bound of
    /// a truncated series over it. <see cref="DivergenceMethods"/> and the divergence emitter read only this.
    /// </summary>
    /// <param name="Support">Where the support ends.</param>
    /// <param name="LastOutcome">The last outcome when <paramref name="Support"/> is <see cref="SupportEnd.Fixed"/>.</param>
    /// <param name="PointMass">
    /// The parameter value that makes the family the point mass at 0, or null when no single value does (Categorical:
    /// its probabilities may be 0 anywhere, so its support is a run-time fact).
    /// </param>
    /// <param name="StoresProbabilities">
    /// True when <c>Pmf(k)</c> is a lookup (Bernoulli, Categorical); false when it is exp(LogPmf(k)), so that a sum
    /// takes the exponential of the log-pmf it already has.
    /// </param>
    /// <param name="Tail">The truncated series' bound, for infinite supports.</param>
    /// <param name="SpecialCaseOf">The general family this one is a special case of, if any.</param>
    /// <param name="ClosedForms">Closed forms with this family as P and another as Q.</param>
    internal sealed record DivergenceFacts(
        SupportEnd Support,
        long LastOutcome = 0,
        PointMassAtZero? PointMass = null,
        bool StoresProbabilities = false,
        TailRatio? Tail = null,
        SpecialCase? SpecialCaseOf = null,
        IReadOnlyList<PairClosedForm>? ClosedForms = null)
    {
        /// <summary>The last outcome of the support of a declaration with compile-time size <paramref name="size"/>; null when infinite.</summary>
        public long? MaxOutcome(int size) => Support switch
        {
            SupportEnd.Fixed => LastOutcome,
            SupportEnd.LastClass => size - 1L,
            SupportEnd.Trials => size,
            _ => null,
        };
    }
}
