using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a binomial distribution: the number of successes in
    /// n independent trials, each a success with probability p. n is fixed at compile time, so the generator can
    /// specialise on it: up to <see cref="FamilyLimits.MaxBinomialTableTrials"/> trials the table of log C(n, k) is
    /// computed by the generator and emitted as constants; above it, a saddle-point form that stays accurate for
    /// n = 10⁹ is used.
    /// </summary>
    /// <example><code>[Binomial(10)] public readonly partial struct TenFlips;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class BinomialAttribute : Attribute
    {
        /// <summary>Declares a binomial distribution with <paramref name="trials"/> trials.</summary>
        /// <param name="trials">n, the number of trials: 0 (the point mass at 0) to <see cref="int.MaxValue"/>.</param>
        public BinomialAttribute(int trials) => Trials = trials;

        /// <summary>n, the number of trials.</summary>
        public int Trials { get; }

        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>
        /// Largest support size (n + 1) for which sums over the support are emitted as straight-line code; above it,
        /// SIMD loops over the constant table. Defaults to <see cref="FamilyLimits.DefaultUnrollThreshold"/>;
        /// 0 … <see cref="FamilyLimits.MaxUnrollThreshold"/>.
        /// </summary>
        public int UnrollThreshold { get; set; } = FamilyLimits.DefaultUnrollThreshold;
    }
}
