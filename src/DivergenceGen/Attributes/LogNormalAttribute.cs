using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a log-normal distribution: log X ~ Normal(μ, σ), σ &gt; 0: p(x) = exp(−(log x − μ)²/(2σ²))/(xσ√(2π)), x &gt; 0. Constructor <c>(mu, sigma)</c>: the normal parameters of log X (SciPy's <c>lognorm(s = σ, scale = e^μ)</c>, torch's <c>LogNormal(loc = μ, scale = σ)</c>).
    /// </summary>
    /// <example><code>[LogNormal] public readonly partial struct ResponseTime;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class LogNormalAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
