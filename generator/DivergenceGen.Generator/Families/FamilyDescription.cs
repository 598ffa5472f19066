using System.Collections.Generic;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>The domain of a scalar parameter: decides both runtime validation and its documentation.</summary>
    internal enum ParameterDomain
    {
        /// <summary>A probability, 0 ≤ x ≤ 1 (NaN rejected).</summary>
        UnitInterval,

        /// <summary>A success probability that keeps waiting times finite, 0 &lt; x ≤ 1.</summary>
        PositiveUnitInterval,

        /// <summary>A finite non-negative real, 0 ≤ x &lt; ∞ (a rate).</summary>
        NonNegativeReal,

        /// <summary>A finite positive real, 0 &lt; x &lt; ∞ (a shape or count parameter).</summary>
        PositiveReal,

        /// <summary>Any finite real (a location).</summary>
        Real,
    }

    /// <summary>A scalar parameter of a family: C# name, property name, domain and meaning.</summary>
    internal sealed record ScalarParameter(string Name, string PropertyName, ParameterDomain Domain, string Meaning);

    /// <summary>A quantity computed once per instance from the parameters and stored beside them.</summary>
    internal sealed record CachedQuantity(string Name, Expr Value, string Meaning);

    /// <summary>
    /// One point of a finite support: its value and its probability and log-probability as IR, and optionally P(k) − Q(k)
    /// written as the family knows it best (Bernoulli's q − p for outcome 0, exact where (1 − p) − (1 − q) is not), with Q's
    /// values named <c>q.…</c>; by default the difference of the two probabilities.
    /// </summary>
    internal sealed record Outcome(int Value, Expr Probability, Expr LogProbability, Expr? DifferenceFromQ = null);

    /// <summary>A named moment (Mean, Variance) as IR with its formula for the doc comment.</summary>
    internal sealed record Moment(string Name, Expr Value, string Formula);

    /// <summary>
    /// A family whose support is a short finite list of outcomes whose probabilities are expressions of scalar
    /// parameters (Bernoulli). From this description alone the emitter derives every member: validation,
    /// cached logs, log-pmf (scalar and vectorised), entropy, KL, cross-entropy (scalar, and vectorised over many
    /// parameter pairs), fitting from outcome counts, and sampling by inverse CDF.
    /// </summary>
    internal sealed class ScalarParameterFamily
    {
        public ScalarParameterFamily(
            string name,
            string summary,
            string interfaceName,
            IReadOnlyList<ScalarParameter> parameters,
            IReadOnlyList<CachedQuantity> cached,
            IReadOnlyList<Outcome> outcomes,
            IReadOnlyList<Moment> moments,
            Expr fit,
            string fitFormula,
            string entropyFormula,
            string klFormula,
            string crossEntropyFormula,
            Expr? closedFormKLDivergence = null,
            string? closedFormKLMethod = null)
        {
            Name = name;
            Summary = summary;
            InterfaceName = interfaceName;
            Parameters = parameters;
            Cached = cached;
            Outcomes = outcomes;
            Moments = moments;
            Fit = fit;
            FitFormula = fitFormula;
            EntropyFormula = entropyFormula;
            KLFormula = klFormula;
            CrossEntropyFormula = crossEntropyFormula;
            ClosedFormKLDivergence = closedFormKLDivergence;
            ClosedFormKLMethod = closedFormKLMethod;
        }

        public string Name { get; }

        public string Summary { get; }

        /// <summary>The runtime library interface the generated type implements, without type arguments.</summary>
        public string InterfaceName { get; }

        public IReadOnlyList<ScalarParameter> Parameters { get; }

        public IReadOnlyList<CachedQuantity> Cached { get; }

        public IReadOnlyList<Outcome> Outcomes { get; }

        public IReadOnlyList<Moment> Moments { get; }

        /// <summary>The maximum-likelihood value of the single parameter from <c>count{k}</c> (outcome counts) and <c>n</c>.</summary>
        public Expr Fit { get; }

        public string FitFormula { get; }

        public string EntropyFormula { get; }

        public string KLFormula { get; }

        public string CrossEntropyFormula { get; }

        /// <summary>
        /// Optional: D(P‖Q) in terms of the parameters of P (<c>p</c>) and Q (<c>q.p</c>), more accurate than the generic sum
        /// over outcomes of cached log-probabilities (which cancels where P ≈ Q); used by the instance member and by the
        /// batch kernel, which has no cache.
        /// </summary>
        public Expr? ClosedFormKLDivergence { get; }

        /// <summary>How <see cref="ClosedFormKLDivergence"/> computes, one sentence for the generated doc comments.</summary>
        public string? ClosedFormKLMethod { get; }
    }
}
