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
        /// min(floor, bits(x)) in the lanes where weight &gt; 0, floor elsewhere: the running minimum of the bit patterns of
        /// the arguments a first pass takes without testing them (start from <c>AllBitsSet</c>). A lane whose weight is 0
        /// is discarded by the kernel's term, so its argument does not count.
        /// </summary>
        /// <param name="floor">The smallest patterns so far.</param>
        /// <param name="weight">The term's weight (the p of p·log q); lanes where it is not positive are ignored.</param>
        /// <param name="x">The argument of the first pass's logarithm.</param>
        /// <returns>The updated minimum.</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Floor(Vector128<ulong> floor, Vector128<double> weight, Vector128<double> x) =>
            Vector128.ConditionalSelect(Vector128.GreaterThan(weight, Vector128<double>.Zero).AsUInt64(), Vector128.Min(floor, x.AsUInt64()), floor);

        /// <inheritdoc cref="Floor(Vector128{ulong}, Vector128{double}, Vector128{double})"/>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Floor(Vector128<uint> floor, Vector128<float> weight, Vector128<float> x) =>
            Vector128.ConditionalSelect(Vector128.GreaterThan(weight, Vector128<float>.Zero).AsUInt32(), Vector128.Min(floor, x.AsUInt32()), floor);

        /// <summary>
        /// Whether every argument folded into <paramref name="floor"/> was at least <paramref name="smallest"/> (for
        /// probabilities, which order like their bit patterns): then the first pass computed every lane it kept.
        /// </summary>
        /// <param name="floor">The minimum kept by <see cref="Floor(Vector128{ulong}, Vector128{double}, Vector128{double})"/>.</param>
        /// <param name="smallest">The first pass's floor: <see cref="LogFloor"/> or <see cref="XLogRatioFloor"/>.</param>
        /// <returns>True when no lane lies below the floor.</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllAtLeast(Vector128<ulong> floor, double smallest) =>
            Vector128.GreaterThanOrEqualAll(floor, Vector128.Create(System.BitConverter.DoubleToUInt64Bits(smallest)));

        /// <inheritdoc cref="AllAtLeast(Vector128{ulong}, double)"/>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllAtLeast(Vector128<uint> floor, float smallest) =>
            Vector128.GreaterThanOrEqualAll(floor, Vector128.Create(System.BitConverter.SingleToUInt32Bits(smallest)));
    }
}
