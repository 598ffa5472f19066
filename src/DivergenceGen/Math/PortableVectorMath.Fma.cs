using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <summary>The exact residual c − a·b that <c>VectorMath.LogRatio</c> needs.</summary>
    internal static partial class PortableVectorMath
    {
        // c − a·b with a single rounding. On .NET 9+ a fused multiply-add (hardware where the CPU has it); on .NET 8,
        // which has no cross-platform vector FMA, Dekker's exact product: a·b = p + e with p = fl(a·b), e exact, from
        // 27-bit (double) / 12-bit (float) splits. The split's multiplier overflows only for |a|, |b| above ~1e300
        // (double) / ~1e34 (float), which the callers' operands (a quotient near the numerator, a denominator) do not
        // reach in LogRatio's safe branch for probabilities; the result is then still finite or NaN-free where it is used
        // (multiplied by a select).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> MultiplySubtractExact(Vector128<double> a, Vector128<double> b, Vector128<double> c)
        {
#if NET9_0_OR_GREATER
            return Vector128.FusedMultiplyAdd(-a, b, c);
#else
            return MultiplySubtractDekker(a, b, c);
#endif
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> MultiplySubtractExact(Vector256<double> a, Vector256<double> b, Vector256<double> c)
        {
#if NET9_0_OR_GREATER
            return Vector256.FusedMultiplyAdd(-a, b, c);
#else
            return MultiplySubtractDekker(a, b, c);
#endif
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> MultiplySubtractExact(Vector512<double> a, Vector512<double> b, Vector512<double> c)
        {
#if NET9_0_OR_GREATER
            return Vector512.FusedMultiplyAdd(-a, b, c);
#else
            return MultiplySubtractDekker(a, b, c);
#endif
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> MultiplySubtractExact(Vector128<float> a, Vector128<float> b, Vector128<float> c)
        {
#if NET9_0_OR_GREATER
            return Vector128.FusedMultiplyAdd(-a, b, c);
#else
            return MultiplySubtractDekker(a, b, c);
#endif
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<float> MultiplySubtractExact(Vector256<float> a, Vector256<float> b, Vector256<float> c)
        {
#if NET9_0_OR_GREATER
            return Vector256.FusedMultiplyAdd(-a, b, c);
#else
            return MultiplySubtractDekker(a, b, c);
#endif
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> MultiplySubtractExact(Vector512<float> a, Vector512<float> b, Vector512<float> c)
        {
#if NET9_0_OR_GREATER
            return Vector512.FusedMultiplyAdd(-a, b, c);
#else
            return MultiplySubtractDekker(a, b, c);
#endif
        }

        /// <summary>c − a·b by Dekker's exact product (no FMA); tested on every target through this internal entry.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> MultiplySubtractDekker(Vector128<double> a, Vector128<double> b, Vector128<double> c)
        {
            var p = a * b;
            var (ah, al) = Split(a, Vector128.Create(134217729.0));
            var (bh, bl) = Split(b, Vector128.Create(134217729.0));
            var e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
            return (c - p) - e;
        }

        /// <summary>c − a·b by Dekker's exact product (no FMA).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> MultiplySubtractDekker(Vector256<double> a, Vector256<double> b, Vector256<double> c)
        {
            var p = a * b;
            var (ah, al) = Split(a, Vector256.Create(134217729.0));
            var (bh, bl) = Split(b, Vector256.Create(134217729.0));
            var e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
            return (c - p) - e;
        }

        /// <summary>c − a·b by Dekker's exact product (no FMA).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> MultiplySubtractDekker(Vector512<double> a, Vector512<double> b, Vector512<double> c)
        {
            var p = a * b;
            var (ah, al) = Split(a, Vector512.Create(134217729.0));
            var (bh, bl) = Split(b, Vector512.Create(134217729.0));
            var e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
            return (c - p) - e;
        }

        /// <summary>c − a·b by Dekker's exact product (no FMA).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> MultiplySubtractDekker(Vector128<float> a, Vector128<float> b, Vector128<float> c)
        {
            var p = a * b;
            var (ah, al) = Split(a, Vector128.Create(4097f));
            var (bh, bl) = Split(b, Vector128.Create(4097f));
            var e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
            return (c - p) - e;
        }

        /// <summary>c − a·b by Dekker's exact product (no FMA).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<float> MultiplySubtractDekker(Vector256<float> a, Vector256<float> b, Vector256<float> c)
        {
            var p = a * b;
            var (ah, al) = Split(a, Vector256.Create(4097f));
            var (bh, bl) = Split(b, Vector256.Create(4097f));
            var e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
            return (c - p) - e;
        }

        /// <summary>c − a·b by Dekker's exact product (no FMA).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> MultiplySubtractDekker(Vector512<float> a, Vector512<float> b, Vector512<float> c)
        {
            var p = a * b;
            var (ah, al) = Split(a, Vector512.Create(4097f));
            var (bh, bl) = Split(b, Vector512.Create(4097f));
            var e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
            return (c - p) - e;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector128<T> High, Vector128<T> Low) Split<T>(Vector128<T> a, Vector128<T> multiplier)
        {
            var t = multiplier * a;
            var high = t - (t - a);
            return (high, a - high);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector256<T> High, Vector256<T> Low) Split<T>(Vector256<T> a, Vector256<T> multiplier)
        {
            var t = multiplier * a;
            var high = t - (t - a);
            return (high, a - high);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector512<T> High, Vector512<T> Low) Split<T>(Vector512<T> a, Vector512<T> multiplier)
        {
            var t = multiplier * a;
            var high = t - (t - a);
            return (high, a - high);
        }
    }
}
