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
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> MultiplySubtractExact(Vector128<double> a, Vector128<double> b, Vector128<double> c)
        {
#if NET9_0_OR_GREATER
            return Vector128.FusedMultiplyAdd(-a, b, c);
#else
            return MultiplySubtractDekker(a, b, c);
#endif
        }

        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> MultiplySubtractExact(Vector128<float> a, Vector128<float> b, Vector128<float> c)
        {
#if NET9_0_OR_GREATER
            return Vector128.FusedMultiplyAdd(-a, b, c);
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
        [WidthTemplate(512)]
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
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> MultiplySubtractDekker(Vector128<float> a, Vector128<float> b, Vector128<float> c)
        {
            var p = a * b;
            var (ah, al) = Split(a, Vector128.Create(4097f));
            var (bh, bl) = Split(b, Vector128.Create(4097f));
            var e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
            return (c - p) - e;
        }

        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (Vector128<T> High, Vector128<T> Low) Split<T>(Vector128<T> a, Vector128<T> multiplier)
        {
            var t = multiplier * a;
            var high = t - (t - a);
            return (high, a - high);
        }
    }
}
