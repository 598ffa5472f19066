// This file is compiled into the runtime library and, linked, into the generator: the limits that the
// generator checks at compile time and the ones the runtime documents and validates are the same constants.
namespace DivergenceGen
{
    /// <summary>Limits and defaults shared by the generator (compile-time checks) and the runtime library.</summary>
    public static class FamilyLimits
    {
        /// <summary>
        /// The largest number of classes a <c>[Categorical(K)]</c> declaration accepts (2²⁴ = 16,777,216).
        /// Above it the per-type storage (K values and K log-values) and the generated straight-line code stop
        /// being a sensible compile-time specialisation.
        /// </summary>
        public const int MaxCategoricalClasses = 1 << 24;

        /// <summary>
        /// Default size up to which finite sums are emitted as straight-line (unrolled) code; above it the
        /// generator emits SIMD loops. Overridable per type with the attribute property <c>UnrollThreshold</c>.
        /// </summary>
        public const int DefaultUnrollThreshold = 16;

        /// <summary>The largest <c>UnrollThreshold</c> accepted: larger straight-line code only grows the binary.</summary>
        public const int MaxUnrollThreshold = 256;

        /// <summary>
        /// Relative tolerance on the sum of a probability vector passed to <c>FromProbabilities</c>:
        /// |Σ pᵢ − 1| must not exceed <c>K · ε</c> times this factor, where ε is the machine epsilon of the precision
        /// (2⁻⁵² for double, 2⁻²³ for float). Sums computed by the caller in the same precision stay within it.
        /// </summary>
        public const int ProbabilitySumUlpsPerClass = 4;

        /// <summary>
        /// The largest number of trials n for which a <c>[Binomial(n)]</c> type carries the table of log C(n, k),
        /// k = 0 … n, computed by the generator and emitted as constants (8 KiB of doubles at the limit). Above it,
        /// log-probabilities use Loader's saddle-point form (accurate for n up to <see cref="int.MaxValue"/>) and the
        /// entropy the runtime's windowed sum or asymptotic expansion.
        /// </summary>
        public const int MaxBinomialTableTrials = 1024;
    }
}
