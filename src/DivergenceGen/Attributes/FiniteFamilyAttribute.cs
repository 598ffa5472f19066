using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a user-defined parametric law over the outcomes
    /// 0 … K − 1, K = <see cref="Outcomes"/> fixed at compile time. The type declares the unnormalised log-weight of an
    /// outcome as a static method,
    /// <code>static double LogWeight(int k, double θ₁, …, double θₘ)</code>
    /// (m ≥ 1; <c>float</c> throughout for a single-precision type: the precision is taken from this signature). The
    /// generator writes a constructor taking θ₁ … θₘ in order (and <c>TryCreate</c>), public get-only properties named
    /// like the parameters in PascalCase, the normaliser log Z = log Σₖ exp(LogWeight(k, θ)) computed at construction
    /// by a stable log-sum-exp (the method is called once per outcome, at run time), the cached log-probabilities, and
    /// every member a categorical law of K outcomes has except its probability-vector factories and its <c>Fit</c> (those
    /// would create laws outside the family); instead, where the body of <c>LogWeight</c> is in the translatable subset,
    /// <c>Fit</c> and <c>FitCounts</c> by maximum likelihood over θ, from its derivatives derived at compile time
    /// (otherwise DG0043 says why there is none).
    /// </summary>
    /// <example><code>
    /// [FiniteFamily(21)] // outcomes 0 … 20
    /// public readonly partial struct Zipf21
    /// {
    ///     static double LogWeight(int k, double s) => -s * Math.Log(k + 1);
    /// }
    /// </code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class FiniteFamilyAttribute : Attribute
    {
        /// <summary>Declares a parametric law over the outcomes 0 … <paramref name="outcomes"/> − 1.</summary>
        /// <param name="outcomes">K, the number of outcomes: 1 … <see cref="FamilyLimits.MaxCategoricalClasses"/>.</param>
        public FiniteFamilyAttribute(int outcomes) => Outcomes = outcomes;

        /// <summary>K, the number of outcomes 0 … K − 1.</summary>
        public int Outcomes { get; }

        /// <summary>
        /// Largest K for which the sums over the outcomes are straight-line code; above it, SIMD loops. Defaults to
        /// <see cref="FamilyLimits.DefaultUnrollThreshold"/>; 0 … <see cref="FamilyLimits.MaxUnrollThreshold"/>.
        /// </summary>
        public int UnrollThreshold { get; set; } = FamilyLimits.DefaultUnrollThreshold;
    }
}
