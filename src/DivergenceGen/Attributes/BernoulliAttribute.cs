using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a Bernoulli distribution: outcome 1 with probability
    /// p, outcome 0 with probability 1 − p. The generator writes its constructor, validation, log-pmf, entropy,
    /// KL divergence, cross-entropy, vectorised batch kernels, fitting and sampling.
    /// </summary>
    /// <example><code>[Bernoulli] public readonly partial struct Coin;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class BernoulliAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
