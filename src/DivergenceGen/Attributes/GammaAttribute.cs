using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a gamma distribution with shape α &gt; 0 and rate β &gt; 0: p(x) = βᵅ·x^(α−1)·e^(−βx)/Γ(α), x ≥ 0 (mean α/β; SciPy's <c>gamma(a = α, scale = 1/β)</c>). Constructor <c>(shape, rate)</c>.
    /// </summary>
    /// <example><code>[Gamma] public readonly partial struct Rainfall;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class GammaAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
