using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a normal (Gaussian) distribution with mean μ and standard deviation σ &gt; 0: p(x) = exp(−(x − μ)²/(2σ²))/(σ√(2π)), x ∈ ℝ. Constructor <c>(mean, standardDeviation)</c>.
    /// </summary>
    /// <example><code>[Normal] public readonly partial struct Latency;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class NormalAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
