using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen
{
    // The first pass's domain test, hoisted out of the lanes: see the remarks of
    // VectorMath.LogOfCheckedProbability{TPass}(Vector512{double}).
    public static partial class ProbabilityLanes
    {
        /// <summary>
        /// The smallest positive argument whose logarithm the first pass of
        /// <see cref="VectorMath.LogOfCheckedProbability{TPass}(Vector512{double})"/> computes: the smallest normal double.
        /// </summary>
        public const double LogFloor = 2.2250738585072014E-308;

        /// <summary>The smallest normal float: <see cref="LogFloor"/> for single precision.</summary>
        public const float LogFloorSingle = 1.17549435E-38f;

        /// <summary>
        /// The smallest positive weight x of the first pass of
        /// <see cref="VectorMath.XLogRatioOfCheckedProbabilities{TPass}(Vector512{double}, Vector512{double})"/>: 2⁻⁹⁰⁰
        /// (below it the residual x − r·y could be subnormal and lose bits).
        /// </summary>
        public const double XLogRatioFloor = 1.1830521861667747E-271;

        /// <summary>2⁻⁹⁰: <see cref="XLogRatioFloor"/> for single precision.</summary>
        public const float XLogRatioFloorSingle = 8.0779356E-28f;

        /// <summary>
        /// min(floor, x) in the lanes where weight &gt; 0, floor elsewhere: the running minimum of the arguments a first pass
        /// takes without testing them (start from +∞). A lane whose weight is 0 is discarded by the kernel's term, so its
        /// argument does not count. For checked probabilities (no NaN, no −0: the kernel's check rejects those first) this
        /// is a plain floating-point minimum: a compare and a masked <c>vminpd</c> per vector.
        /// </summary>
        /// <param name="floor">The least arguments so far.</param>
        /// <param name="weight">The term's weight (the p of p·log q); lanes where it is not positive are ignored.</param>
        /// <param name="x">The argument of the first pass's logarithm.</param>
        /// <returns>The updated minimum.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Floor(Vector512<double> floor, Vector512<double> weight, Vector512<double> x) =>
            Vector512.ConditionalSelect(Vector512.GreaterThan(weight, Vector512<double>.Zero), Least(floor, x), floor);

        /// <inheritdoc cref="Floor(Vector512{double}, Vector512{double}, Vector512{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Floor(Vector512<float> floor, Vector512<float> weight, Vector512<float> x) =>
            Vector512.ConditionalSelect(Vector512.GreaterThan(weight, Vector512<float>.Zero), Least(floor, x), floor);

        /// <summary>
        /// <see cref="Floor(Vector512{double}, Vector512{double}, Vector512{double})"/> at 256 bits where the CPU has
        /// AVX-512VL (mask registers: a compare and a masked <c>vminpd</c>). Without it the 256-bit checked forms
        /// (<see cref="VectorMath.LogOfCheckedProbability{TPass}(Vector256{double})"/>) keep their per-lane test, so there is
        /// nothing to fold: <paramref name="floor"/> comes back unchanged, and the JIT drops the fold. (On AVX2 the fold is
        /// five instructions in a loop with sixteen registers, and the entropy and cross-entropy kernels measured 2–6%
        /// slower with it than with the per-lane test: benchmarks/README.md.)
        /// </summary>
        /// <param name="floor">The least arguments so far.</param>
        /// <param name="weight">The term's weight (the p of p·log q); lanes where it is not positive are ignored.</param>
        /// <param name="x">The argument of the first pass's logarithm.</param>
        /// <returns>The updated minimum, or <paramref name="floor"/> without AVX-512VL.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Floor(Vector256<double> floor, Vector256<double> weight, Vector256<double> x) =>
            Avx512F.VL.IsSupported
                ? Vector256.ConditionalSelect(Vector256.GreaterThan(weight, Vector256<double>.Zero), Least(floor, x), floor)
                : floor;

        /// <inheritdoc cref="Floor(Vector256{double}, Vector256{double}, Vector256{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Floor(Vector256<float> floor, Vector256<float> weight, Vector256<float> x) =>
            Avx512F.VL.IsSupported
                ? Vector256.ConditionalSelect(Vector256.GreaterThan(weight, Vector256<float>.Zero), Least(floor, x), floor)
                : floor;

        /// <summary>The lane-wise minimum as the instruction computes it (no NaN or −0 fix-ups: neither occurs here).</summary>
        [WidthTemplate(512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> Least(Vector256<double> a, Vector256<double> b)
        {
#if NET9_0_OR_GREATER
            return Vector256.MinNative(a, b);
#else
            return Vector256.Min(a, b);
#endif
        }

        /// <inheritdoc cref="Least(Vector256{double}, Vector256{double})"/>
        [WidthTemplate(512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> Least(Vector256<float> a, Vector256<float> b)
        {
#if NET9_0_OR_GREATER
            return Vector256.MinNative(a, b);
#else
            return Vector256.Min(a, b);
#endif
        }

        /// <summary>
        /// Whether every argument folded into <paramref name="floor"/> was at least <paramref name="smallest"/>: then the
        /// first pass computed every lane it kept.
        /// </summary>
        /// <param name="floor">The minimum kept by <see cref="Floor(Vector512{double}, Vector512{double}, Vector512{double})"/>.</param>
        /// <param name="smallest">The first pass's floor: <see cref="LogFloor"/> or <see cref="XLogRatioFloor"/>.</param>
        /// <returns>True when no lane lies below the floor.</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllAtLeast(Vector128<double> floor, double smallest) =>
            Vector128.GreaterThanOrEqualAll(floor, Vector128.Create(smallest));

        /// <inheritdoc cref="AllAtLeast(Vector128{double}, double)"/>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllAtLeast(Vector128<float> floor, float smallest) =>
            Vector128.GreaterThanOrEqualAll(floor, Vector128.Create(smallest));
    }
}
