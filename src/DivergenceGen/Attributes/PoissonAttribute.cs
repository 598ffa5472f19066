using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a Poisson distribution with rate λ ≥ 0:
    /// P(X = k) = λᵏ·e^(−λ)/k!, k = 0, 1, 2, …; λ = 0 is the point mass at 0.
    /// </summary>
    /// <example><code>[Poisson] public readonly partial struct Arrivals;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class PoissonAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
