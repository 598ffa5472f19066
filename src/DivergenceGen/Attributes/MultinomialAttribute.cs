using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a multinomial distribution: the counts of each of K classes
    /// in n independent trials, each trial a categorical draw with probabilities p₁ … p_K. K and n are fixed at compile
    /// time. It stores its probabilities and their logarithms like <see cref="CategoricalAttribute"/>, whose factories it
    /// shares; its KL divergence is n times the categorical one.
    /// </summary>
    /// <example><code>[Multinomial(6, 10)] public readonly partial struct TenRolls;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class MultinomialAttribute : Attribute
    {
        /// <summary>Declares a multinomial distribution of <paramref name="trials"/> trials over <paramref name="classes"/> classes.</summary>
        /// <param name="classes">K, the number of classes: 1 to <see cref="FamilyLimits.MaxCategoricalClasses"/>.</param>
        /// <param name="trials">n, the number of trials: 0 (the point mass at the zero vector) to <see cref="int.MaxValue"/>.</param>
        public MultinomialAttribute(int classes, int trials)
        {
            Classes = classes;
            Trials = trials;
        }

        /// <summary>K, the number of classes.</summary>
        public int Classes { get; }

        /// <summary>n, the number of trials.</summary>
        public int Trials { get; }

        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>
        /// Largest K for which sums over the classes are emitted as straight-line code; above it, SIMD loops.
        /// Defaults to <see cref="FamilyLimits.DefaultUnrollThreshold"/>; 0 … <see cref="FamilyLimits.MaxUnrollThreshold"/>.
        /// </summary>
        public int UnrollThreshold { get; set; } = FamilyLimits.DefaultUnrollThreshold;
    }
}
