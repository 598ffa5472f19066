using DivergenceGen.Generator.Families;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// The runtime check of a scalar parameter, derived from its <see cref="ParameterDomain"/> alone: every emitter
    /// validates parameters through these, so a family states a domain and never writes a check.
    /// </summary>
    internal static class ParameterChecks
    {
        /// <summary>What makes a value invalid, for the <c>&lt;exception&gt;</c> documentation: "NaN or outside [0, 1]".</summary>
        public static string InvalidText(ParameterDomain domain) => domain switch
        {
            ParameterDomain.UnitInterval => "NaN or outside [0, 1]",
            ParameterDomain.PositiveUnitInterval => "NaN or outside (0, 1]",
            ParameterDomain.NonNegativeReal => "negative, infinite or NaN",
            ParameterDomain.Real => "infinite or NaN",
            _ => "zero, negative, infinite or NaN",
        };

        /// <summary>The runtime predicate, e.g. <c>global::DivergenceGen.Guard.IsProbability</c>.</summary>
        public static string IsValid(ParameterDomain domain) => "global::DivergenceGen.Guard." + domain switch
        {
            ParameterDomain.UnitInterval => "IsProbability",
            ParameterDomain.PositiveUnitInterval => "IsPositiveProbability",
            ParameterDomain.NonNegativeReal => "IsNonNegativeFinite",
            ParameterDomain.Real => "IsFinite",
            _ => "IsPositiveFinite",
        };

        /// <summary>The runtime guard that throws <c>ArgumentOutOfRangeException</c>, e.g. <c>…Guard.ThrowIfNotProbability</c>.</summary>
        public static string ThrowIfInvalid(ParameterDomain domain) => "global::DivergenceGen.Guard." + domain switch
        {
            ParameterDomain.UnitInterval => "ThrowIfNotProbability",
            ParameterDomain.PositiveUnitInterval => "ThrowIfNotPositiveProbability",
            ParameterDomain.NonNegativeReal => "ThrowIfNotNonNegativeFinite",
            ParameterDomain.Real => "ThrowIfNotFinite",
            _ => "ThrowIfNotPositiveFinite",
        };

        /// <summary>
        /// The runtime guard over a span of parameter values (the batch members), naming the first invalid element's
        /// index. Probabilities, finite reals and positive finite reals have one; a new domain needs its
        /// span guard in the runtime's <c>Guard</c> first, and the generator's tests fail here until it has one.
        /// </summary>
        public static string ThrowIfAnyInvalid(ParameterDomain domain) => domain switch
        {
            ParameterDomain.UnitInterval => "global::DivergenceGen.Guard.ThrowIfAnyNotProbability",
            ParameterDomain.Real => "global::DivergenceGen.Guard.ThrowIfAnyNotFinite",
            ParameterDomain.PositiveReal => "global::DivergenceGen.Guard.ThrowIfAnyNotPositiveFinite",
            _ => throw new System.NotSupportedException("No span guard for parameters in the domain " + domain + "; add one to Guard."),
        };
    }
}
