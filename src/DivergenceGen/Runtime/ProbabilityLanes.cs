using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <summary>
    /// The input check that generated raw-vector kernels (<c>Entropy(p)</c>, <c>KLDivergence(p, q)</c>,
    /// <c>CrossEntropy(p, q)</c> of a categorical type) do in the same pass as their sum. A kernel keeps, per vector
    /// width, the lane-wise unsigned maximum of the bit patterns of every element it reads (one max instruction per
    /// vector), and tests that maximum once, after the sum; only if it exceeds the bits of 1 does it call the cold
    /// <see cref="Guard.RescanProbabilities{T}(ReadOnlySpan{T}, string)"/>, which rescans to name the first offender.
    /// </summary>
    /// <remarks>
    /// Why the bit pattern: the IEEE 754 bits read as an unsigned integer are at most the bits of 1 exactly when
    /// +0 ≤ x ≤ 1. Non-negative values order like their bit patterns; above 1 come +∞ and NaN (exponent all ones);
    /// every negative value, −∞ and NaN with the sign bit included, has the sign bit set and so a larger pattern still.
    /// One unsigned comparison covers NaN, ±∞, negative values and values above 1. The one probability it also flags
    /// is −0 (the sign bit alone): the cold path finds nothing to reject and the kernel runs again with +0 in its place.
    /// Folding −0 into +0 first (x + 0) would cost an add per vector on the hot path for a value that is rare.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class ProbabilityLanes
    {
        /// <summary>The bits of 1.0: the largest pattern of a probability in double.</summary>
        public const ulong OneBits = 0x3FF0_0000_0000_0000UL;

        /// <summary>The bits of 1.0f: the largest pattern of a probability in float.</summary>
        public const uint OneBitsSingle = 0x3F80_0000U;

        /// <summary>max(seen, bits(x)), lane-wise: one unsigned max instruction.</summary>
        /// <param name="seen">The largest patterns so far.</param>
        /// <param name="x">The elements just loaded.</param>
        /// <returns>The updated maximum.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<ulong> Max(Vector512<ulong> seen, Vector512<double> x) =>
            Vector512.Max(seen, x.AsUInt64());

        /// <inheritdoc cref="Max(Vector512{ulong}, Vector512{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<ulong> Max(Vector256<ulong> seen, Vector256<double> x) =>
            Vector256.Max(seen, x.AsUInt64());

        /// <inheritdoc cref="Max(Vector512{ulong}, Vector512{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<ulong> Max(Vector128<ulong> seen, Vector128<double> x) =>
            Vector128.Max(seen, x.AsUInt64());

        /// <inheritdoc cref="Max(Vector512{ulong}, Vector512{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<uint> Max(Vector512<uint> seen, Vector512<float> x) =>
            Vector512.Max(seen, x.AsUInt32());

        /// <inheritdoc cref="Max(Vector512{ulong}, Vector512{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<uint> Max(Vector256<uint> seen, Vector256<float> x) =>
            Vector256.Max(seen, x.AsUInt32());

        /// <inheritdoc cref="Max(Vector512{ulong}, Vector512{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<uint> Max(Vector128<uint> seen, Vector128<float> x) =>
            Vector128.Max(seen, x.AsUInt32());

        /// <summary>max(seen, bits(x)) for one element (the scalar paths).</summary>
        /// <param name="seen">The largest pattern so far.</param>
        /// <param name="x">The element.</param>
        /// <returns>The updated maximum.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ulong Max(ulong seen, double x) => Math.Max(seen, BitConverter.DoubleToUInt64Bits(x));

        /// <inheritdoc cref="Max(ulong, double)"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Max(uint seen, float x) => Math.Max(seen, BitConverter.SingleToUInt32Bits(x));

        /// <summary>Whether every element seen was a probability in [+0, 1] (false also for −0: see the remarks).</summary>
        /// <param name="seen">The maximum kept by <see cref="Max(Vector512{ulong}, Vector512{double})"/>.</param>
        /// <returns>True when no lane exceeds the bits of 1.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllProbabilities(Vector512<ulong> seen) => Vector512.LessThanOrEqualAll(seen, Vector512.Create(OneBits));

        /// <inheritdoc cref="AllProbabilities(Vector512{ulong})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllProbabilities(Vector256<ulong> seen) => Vector256.LessThanOrEqualAll(seen, Vector256.Create(OneBits));

        /// <inheritdoc cref="AllProbabilities(Vector512{ulong})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllProbabilities(Vector128<ulong> seen) => Vector128.LessThanOrEqualAll(seen, Vector128.Create(OneBits));

        /// <inheritdoc cref="AllProbabilities(Vector512{ulong})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllProbabilities(Vector512<uint> seen) => Vector512.LessThanOrEqualAll(seen, Vector512.Create(OneBitsSingle));

        /// <inheritdoc cref="AllProbabilities(Vector512{ulong})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllProbabilities(Vector256<uint> seen) => Vector256.LessThanOrEqualAll(seen, Vector256.Create(OneBitsSingle));

        /// <inheritdoc cref="AllProbabilities(Vector512{ulong})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllProbabilities(Vector128<uint> seen) => Vector128.LessThanOrEqualAll(seen, Vector128.Create(OneBitsSingle));

        /// <inheritdoc cref="AllProbabilities(Vector512{ulong})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllProbabilities(ulong seen) => seen <= OneBits;

        /// <inheritdoc cref="AllProbabilities(Vector512{ulong})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool AllProbabilities(uint seen) => seen <= OneBitsSingle;
    }
}
