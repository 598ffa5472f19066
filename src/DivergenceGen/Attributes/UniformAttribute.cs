using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a continuous uniform distribution on [lower, upper], lower &lt; upper: p(x) = 1/(upper − lower) inside, 0 outside. Constructor <c>(lower, upper)</c>.
    /// </summary>
    /// <example><code>[Uniform] public readonly partial struct Jitter;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class UniformAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
