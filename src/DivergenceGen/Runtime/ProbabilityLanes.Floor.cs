using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
        /// is a plain floating-point minimum, one instruction on every instruction set (masked on AVX-512).
        /// </summary>
        /// <param name="floor">The least arguments so far.</param>
        /// <param name="weight">The term's weight (the p of p·log q); lanes where it is not positive are ignored.</param>
        /// <param name="x">The argument of the first pass's logarithm.</param>
        /// <returns>The updated minimum.</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Floor(Vector128<double> floor, Vector128<double> weight, Vector128<double> x)
        {
#if NET9_0_OR_GREATER
            var least = Vector128.MinNative(floor, x); // the instruction's minimum: no NaN or −0 fix-ups (neither occurs here)
#else
            var least = Vector128.Min(floor, x);
#endif
            return Vector128.ConditionalSelect(Vector128.GreaterThan(weight, Vector128<double>.Zero), least, floor);
        }

        /// <inheritdoc cref="Floor(Vector128{double}, Vector128{double}, Vector128{double})"/>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Floor(Vector128<float> floor, Vector128<float> weight, Vector128<float> x)
        {
#if NET9_0_OR_GREATER
            var least = Vector128.MinNative(floor, x); // the instruction's minimum: no NaN or −0 fix-ups (neither occurs here)
#else
            var least = Vector128.Min(floor, x);
#endif
            return Vector128.ConditionalSelect(Vector128.GreaterThan(weight, Vector128<float>.Zero), least, floor);
        }

        /// <summary>
        /// Whether every argument folded into <paramref name="floor"/> was at least <paramref name="smallest"/>: then the
        /// first pass computed every lane it kept.
        /// </summary>
        /// <param name="floor">The minimum kept by <see cref="Floor(Vector128{double}, Vector128{double}, Vector128{double})"/>.</param>
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
