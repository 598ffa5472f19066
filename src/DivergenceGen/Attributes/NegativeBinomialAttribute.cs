using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a negative binomial distribution: the number of
    /// <b>failures before the r-th success</b>, with r &gt; 0 real and success probability p ∈ (0, 1]:
    /// P(X = k) = Γ(k + r)/(Γ(r)·k!)·pʳ·(1 − p)ᵏ, k = 0, 1, 2, …, mean r(1 − p)/p. This is SciPy's
    /// <c>nbinom(n = r, p = p)</c>; torch's <c>NegativeBinomial(total_count = r, probs = π)</c> is the same law with
    /// π = 1 − p. NegativeBinomial(1, p) is Geometric(p).
    /// </summary>
    /// <example><code>[NegativeBinomial] public readonly partial struct Overdispersed;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class NegativeBinomialAttribute : Attribute
    {
        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
