using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a normal distribution on ℝᴰ with a diagonal covariance: D
    /// independent coordinates, coordinate i normal with mean μᵢ and variance σᵢ² = exp(log σᵢ²). D is fixed at compile
    /// time. Besides the instance members (log-density, entropy, KL divergence, cross-entropy, sampling), the type gets the
    /// variational autoencoder's KL term as static members on raw spans of N rows: <c>KLToStandardNormal</c> (against
    /// N(0, I)) and <c>KLDivergence</c> (against a learned diagonal prior), each with an <c>AndGradient</c> twin.
    /// </summary>
    /// <example><code>[DiagonalNormal(16)] public readonly partial struct Latent;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class DiagonalNormalAttribute : Attribute
    {
        /// <summary>Declares a diagonal normal distribution on ℝ^<paramref name="dimensions"/>.</summary>
        /// <param name="dimensions">D, the number of coordinates: 1 to <see cref="FamilyLimits.MaxCategoricalClasses"/>.</param>
        public DiagonalNormalAttribute(int dimensions) => Dimensions = dimensions;

        /// <summary>D, the number of coordinates.</summary>
        public int Dimensions { get; }

        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>
        /// How the static batch members combine the KL divergences of the N rows: <see cref="DivergenceGen.Reduction.Mean"/>
        /// (the default: the sum over rows divided by N, each row's KL summed over its D coordinates),
        /// <see cref="DivergenceGen.Reduction.Sum"/>, or <see cref="DivergenceGen.Reduction.None"/> (each row's KL written
        /// to a <c>perRow</c> destination, their sum returned).
        /// </summary>
        public Reduction Reduction { get; set; } = Reduction.Mean;

        /// <summary>
        /// Largest D for which sums over the coordinates are emitted as straight-line code; above it, SIMD loops.
        /// Defaults to <see cref="FamilyLimits.DefaultUnrollThreshold"/>; 0 … <see cref="FamilyLimits.MaxUnrollThreshold"/>.
        /// </summary>
        public int UnrollThreshold { get; set; } = FamilyLimits.DefaultUnrollThreshold;
    }
}
