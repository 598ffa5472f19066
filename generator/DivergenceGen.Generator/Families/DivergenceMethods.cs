using System.Globalization;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Families
{
    /// <summary>The four ways to compute D(P‖Q) or H(P, Q) between two declared families, in the order they are tried.</summary>
    internal enum DivergenceMethod
    {
        /// <summary>1. A closed form is known for the pair.</summary>
        ClosedForm = 1,

        /// <summary>2. P can put mass where Q has none: +∞, except where a run-time parameter value narrows P's support.</summary>
        InfiniteBySupport = 2,

        /// <summary>3. Exact summation over P's finite support with Q's log-pmf.</summary>
        FiniteSummation = 3,

        /// <summary>4. P's support is infinite and no closed form is known: a truncated series if a tolerance was given.</summary>
        TruncatedSeries = 4,
    }

    /// <summary>Which closed form a <see cref="DivergenceMethod.ClosedForm"/> pair uses.</summary>
    internal enum ClosedFormKind
    {
        None,

        /// <summary>The same family with the same compile-time shape: P's own member (on Q's parameters carried over).</summary>
        SameFamily,

        /// <summary>
        /// One family is a special case of the other with only the size fixed (Bernoulli(p) = Binomial(1, p)): P's own
        /// member on a P built from Q's parameters.
        /// </summary>
        ParametersCarryOver,

        /// <summary>
        /// One family is a special case of the other with a parameter fixed (Geometric(p) = NegativeBinomial(1, p)): the
        /// general family's closed-form KL with the fixed value on the special side.
        /// </summary>
        GeneralFormula,

        /// <summary>A closed form written for the pair (<see cref="DivergenceFacts.ClosedForms"/> of P's family).</summary>
        Pair,
    }

    /// <summary>
    /// The catalogue's knowledge about pairs of families: supports (all start at 0; finite ones end at a
    /// compile-time bound), the run-time parameter values that shrink a support to the point mass at 0, and the
    /// closed forms known. Pure: reads only the model, so the parser (which reports "no exact method") and the
    /// emitter (which writes the code) decide the same way.
    /// </summary>
    internal static class DivergenceMethods
    {
        /// <summary>Sums over at most this many outcomes are written as straight-line code.</summary>
        public const int UnrollThreshold = FamilyLimits.DefaultUnrollThreshold;

        /// <summary>The truncated series stops with an exception after this many terms.</summary>
        public const int MaxSeriesTerms = 100_000_000;

        /// <summary>The smallest tolerance a truncated series accepts.</summary>
        public const double MinTolerance = 1e-15;

        /// <summary>The family's catalogue row.</summary>
        public static FamilyRow Row(FamilyRef family) => FamilyCatalogue.Of(family.Kind);

        /// <summary>The facts the divergence methods read about the family.</summary>
        public static DivergenceFacts Facts(FamilyRef family) => Row(family).Divergence;

        /// <summary>The largest outcome of the family's support for any parameter value, or null when the support is infinite.</summary>
        public static long? MaxOutcome(FamilyRef family) => Facts(family).MaxOutcome(family.Size);

        public static bool IsFinite(FamilyRef family) => MaxOutcome(family).HasValue;

        /// <summary>Whether the family is a density on the real line (a continuous family) rather than a mass function.</summary>
        public static bool IsContinuous(FamilyRef family) => Facts(family).Support == SupportEnd.RealLine;

        /// <summary>The parameter values (as prose) that make the family the point mass at 0.</summary>
        public static string PointMassAtZeroProse(FamilyRef family) => Facts(family).PointMass?.Prose ?? string.Empty;

        /// <summary>The closed form written for this pair and measure in P's catalogue row, or null.</summary>
        public static PairClosedForm? Pair(FamilyRef p, FamilyRef q, DivergenceMeasure measure)
        {
            foreach (var form in Facts(p).ClosedForms ?? new PairClosedForm[0])
            {
                if (form.Q == q.Kind && form.Measure == measure)
                {
                    return form;
                }
            }

            return null;
        }

        /// <summary>
        /// The special case relating the two families (either way round), and whether P is the special one; null when
        /// neither is a special case of the other at these sizes.
        /// </summary>
        public static (SpecialCase Case, bool PIsSpecial)? SpecialCaseBetween(FamilyRef p, FamilyRef q)
        {
            if (Facts(p).SpecialCaseOf is { } ofP && ofP.Of == q.Kind && ofP.Size == q.Size)
            {
                return (ofP, true);
            }

            if (Facts(q).SpecialCaseOf is { } ofQ && ofQ.Of == p.Kind && ofQ.Size == p.Size)
            {
                return (ofQ, false);
            }

            return null;
        }

        public static ClosedFormKind ClosedForm(FamilyRef p, FamilyRef q, DivergenceMeasure measure)
        {
            if (Pair(p, q, measure) is not null)
            {
                return ClosedFormKind.Pair;
            }

            if (p.Kind == q.Kind && p.Size == q.Size && p.Columns == q.Columns)
            {
                return ClosedFormKind.SameFamily;
            }

            if (SpecialCaseBetween(p, q) is { } special)
            {
                if (special.Case.Fixed.Count == 0)
                {
                    return ClosedFormKind.ParametersCarryOver;
                }

                var general = special.PIsSpecial ? q : p;
                if (FamilyCatalogue.Of(general.Kind).KLDivergence(general.Size) is not null)
                {
                    return ClosedFormKind.GeneralFormula;
                }
            }

            return ClosedFormKind.None;
        }

        /// <summary>Picks the method, in the order of the issue: closed form, +∞ by support, finite summation, series.</summary>
        public static DivergenceMethod Choose(FamilyRef p, FamilyRef q, DivergenceMeasure measure)
        {
            if (ClosedForm(p, q, measure) != ClosedFormKind.None)
            {
                return DivergenceMethod.ClosedForm;
            }

            long? maxP = MaxOutcome(p);
            long? maxQ = MaxOutcome(q);
            if (maxQ is { } mq && (maxP is null || maxP.Value > mq))
            {
                return DivergenceMethod.InfiniteBySupport;
            }

            return maxP is null ? DivergenceMethod.TruncatedSeries : DivergenceMethod.FiniteSummation;
        }

        /// <summary>The family as written in an attribute, e.g. <c>Binomial(10)</c>, <c>Poisson</c>.</summary>
        public static string Describe(FamilyRef family) => Row(family).Size switch
        {
            SizeArgument.None => Row(family).Name,
            SizeArgument.RowsAndColumns => Row(family).Name + "(" + family.Rows.ToString(CultureInfo.InvariantCulture) + ", "
                + family.Columns.ToString(CultureInfo.InvariantCulture) + ")",
            _ => Row(family).Name + "(" + family.Size.ToString(CultureInfo.InvariantCulture) + ")",
        };

        /// <summary>The support as prose: <c>{0, 1}</c>, <c>{0, …, 10}</c>, <c>{0, 1, 2, …}</c>.</summary>
        public static string Support(FamilyRef family)
        {
            if (Row(family).Description is ContinuousFamily continuous)
            {
                return ContinuousPairs.SupportText(continuous);
            }

            long? max = MaxOutcome(family);
            return max switch
            {
                null => "{0, 1, 2, …}",
                0 => "{0}",
                1 => "{0, 1}",
                { } m => "{0, …, " + m.ToString(CultureInfo.InvariantCulture) + "}",
            };
        }

        /// <summary>
        /// The outcomes P can take that Q cannot, as prose (<c>6</c>, <c>6 … 10</c>, <c>6, 7, …</c>), for a pair whose
        /// method is <see cref="DivergenceMethod.InfiniteBySupport"/>.
        /// </summary>
        public static string OutsideOf(FamilyRef p, FamilyRef q)
        {
            long first = MaxOutcome(q)!.Value + 1;
            long? last = MaxOutcome(p);
            string First = first.ToString(CultureInfo.InvariantCulture);
            return last is null ? First + ", " + (first + 1).ToString(CultureInfo.InvariantCulture) + ", …"
                : last == first ? First
                : First + " … " + last.Value.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Why no exact method exists for an infinite-support pair (the message of DG0027 and the series' comment).</summary>
        public static string WhyNoExactMethod(FamilyRef p, FamilyRef q) =>
            "P = " + Describe(p) + " has the infinite support " + Support(p) + " and no closed form is known for "
            + Describe(p) + "‖" + Describe(q);
    }
}
