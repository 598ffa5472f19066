using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a geometric distribution: the number of
    /// <b>failures before the first success</b>, k = 0, 1, 2, …, with success probability p ∈ (0, 1]:
    /// P(X = k) = (1 − p)ᵏ·p. This is torch's <c>Geometric</c>; SciPy's <c>geom</c> counts trials instead
    /// (support 1, 2, …): its outcome is ours plus 1, with the same p.
    /// </summary>
    /// <example><code>[Geometric] public readonly partial struct Failures;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class GeometricAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
