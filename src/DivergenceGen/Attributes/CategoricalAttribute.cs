using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a categorical distribution over the outcomes
    /// 0 … K − 1, with K fixed at compile time. A struct stores its K probabilities and K log-probabilities inline
    /// (no heap allocation); a sealed class stores them in two arrays allocated once, which is cheaper to pass
    /// around for large K.
    /// </summary>
    /// <example><code>[Categorical(6)] public readonly partial struct Die;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class CategoricalAttribute : Attribute
    {
        /// <summary>Declares a categorical distribution with <paramref name="classes"/> outcomes.</summary>
        /// <param name="classes">K, the number of outcomes: 1 (the point mass) to <see cref="FamilyLimits.MaxCategoricalClasses"/>.</param>
        public CategoricalAttribute(int classes) => Classes = classes;

        /// <summary>K, the number of outcomes.</summary>
        public int Classes { get; }

        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>
        /// Largest K for which sums over the classes are emitted as straight-line code; above it, SIMD loops.
        /// Defaults to <see cref="FamilyLimits.DefaultUnrollThreshold"/>; 0 … <see cref="FamilyLimits.MaxUnrollThreshold"/>.
        /// </summary>
        public int UnrollThreshold { get; set; } = FamilyLimits.DefaultUnrollThreshold;
    }
}
