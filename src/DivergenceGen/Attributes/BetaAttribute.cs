using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a beta distribution with shapes α &gt; 0 and β &gt; 0: p(x) = x^(α−1)·(1 − x)^(β−1)/B(α, β), 0 ≤ x ≤ 1. Constructor <c>(alpha, beta)</c>.
    /// </summary>
    /// <example><code>[Beta] public readonly partial struct ClickRate;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class BetaAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
