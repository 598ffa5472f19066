using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a Laplace (double exponential) distribution with location μ and scale b &gt; 0: p(x) = e^(−|x − μ|/b)/(2b), x ∈ ℝ. Constructor <c>(location, scale)</c>.
    /// </summary>
    /// <example><code>[Laplace] public readonly partial struct Residual;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class LaplaceAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
