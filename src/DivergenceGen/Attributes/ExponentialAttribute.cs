using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class an exponential distribution with rate λ &gt; 0: p(x) = λ·e^(−λx), x ≥ 0 (mean 1/λ). Constructor <c>(rate)</c>.
    /// </summary>
    /// <example><code>[Exponential] public readonly partial struct Waiting;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class ExponentialAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
