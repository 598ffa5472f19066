using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <summary>
    /// Our own vectorised natural logarithm and log1p, for every width and precision. Compiled into every target framework:
    /// on net8.0 <see cref="VectorMath"/> forwards to it (the BCL's <c>Vector128.Log</c> and friends arrived in .NET 9), and on
    /// net10.0 the tests compare it lane by lane against <see cref="System.Math.Log(double)"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Log is the fdlibm algorithm (<c>e_log.c</c>, <c>e_logf.c</c>) made branch-free: x = 2^k·m with m in [√½, √2) found by
    /// integer arithmetic on the bits, f = m − 1, s = f/(2 + f), log(m) = f − f²/2 + s·(f²/2 + R(s²)) with R an even
    /// minimax polynomial (degree 14 for double, 8 for float, computed in the input precision), and
    /// log x = k·ln2_hi + (log(m) + k·ln2_lo) with ln2_hi short enough that k·ln2_hi is exact. fdlibm bounds the error below
    /// 1 ulp; the tests measure it. Subnormal inputs are first scaled by 2^52 (2^23 for float). Special lanes are chosen
    /// with ConditionalSelect: log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(−∞) = NaN, log(NaN) = NaN.
    /// </para>
    /// <para>No FMA is used, so results are identical on every instruction set (x64 with or without AVX-512, Arm64).</para>
    /// </remarks>
    internal static class PortableVectorMath
    {
        // Double: smallest normal, 2^52, and bit patterns for the range reduction.
        private const double DoubleSmallestNormal = 2.2250738585072014E-308;
        private const double DoubleTwoPow52 = 4503599627370496.0;
        private const ulong DoubleTwoPow52Bits = 0x4330000000000000UL;
        private const ulong DoubleSqrtHalfBits = 0x3FE6A09E667F3BCDUL; // √½
        private const ulong DoubleExponentCarry = 0x3FF0000000000000UL - DoubleSqrtHalfBits; // bits(1.0) − bits(√½)
        private const ulong DoubleMantissaMask = 0x000FFFFFFFFFFFFFUL;
        private const double DoubleLn2Hi = 6.93147180369123816490e-01; // 0x3FE62E42FEE00000: low 32 bits zero, k·Ln2Hi exact
        private const double DoubleLn2Lo = 1.90821492927058770002e-10;

        // fdlibm e_log.c: Lg1..Lg7, |error of the polynomial| < 2^-58.45 on |s| ≤ 0.1716.
        private const double DLg1 = 6.666666666666735130e-01;
        private const double DLg2 = 3.999999999940941908e-01;
        private const double DLg3 = 2.857142874366239149e-01;
        private const double DLg4 = 2.222219843214978396e-01;
        private const double DLg5 = 1.818357216161805012e-01;
        private const double DLg6 = 1.531383769920937332e-01;
        private const double DLg7 = 1.479819860511658591e-01;

        // Single: the same with 23-bit mantissas.
        private const float SingleSmallestNormal = 1.17549435E-38f;
        private const float SingleTwoPow23 = 8388608f;
        private const uint SingleTwoPow23Bits = 0x4B000000u;
        private const uint SingleSqrtHalfBits = 0x3F3504F3u; // √½
        private const uint SingleExponentCarry = 0x3F800000u - SingleSqrtHalfBits;
        private const uint SingleMantissaMask = 0x007FFFFFu;
        private const float SingleLn2Hi = 6.9313812256e-01f; // 0x3F317180
        private const float SingleLn2Lo = 9.0580006145e-06f; // 0x3717F7D1

        // FreeBSD e_logf.c: |error of the polynomial| < 2^-34.24 on |s| ≤ 0.1716 (exact hexadecimal values).
        private const float FLg1 = 0xAAAAAA / 16777216f;  // 0xaaaaaa.0p-24 ≈ 0.66666662693
        private const float FLg2 = 0xCCCE13 / 33554432f;  // 0xccce13.0p-25 ≈ 0.40000972152
        private const float FLg3 = 0x91E9EE / 33554432f;  // 0x91e9ee.0p-25 ≈ 0.28498786688
        private const float FLg4 = 0xF89E26 / 67108864f;  // 0xf89e26.0p-26 ≈ 0.24279078841

        // ---------------------------------------------------------------- Vector128

        /// <summary>
        /// Natural logarithm of each lane of a <see cref="Vector128{T}"/> of doubles (fdlibm <c>e_log.c</c> algorithm); see the type's remarks.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> Log(Vector128<double> x)
        {
            // Subnormal (and zero/negative, fixed below): scale by 2^52 into the normal range; the exponent bias absorbs the 52.
            Vector128<double> isSmall = Vector128.LessThan(x, Vector128.Create(DoubleSmallestNormal));
            Vector128<double> xs = Vector128.ConditionalSelect(isSmall, x * Vector128.Create(DoubleTwoPow52), x);
            Vector128<double> bias = Vector128.ConditionalSelect(isSmall, Vector128.Create(DoubleTwoPow52 + 1023.0 + 52.0), Vector128.Create(DoubleTwoPow52 + 1023.0));

            // x = 2^k · m with m in [sqrt(1/2), sqrt(2)): adding (1.0 − sqrt(1/2)) to the bits carries into the exponent
            // exactly when the mantissa is at least sqrt(2)/2 of the next binade.
            Vector128<ulong> y = xs.AsUInt64() + Vector128.Create(DoubleExponentCarry);
            Vector128<double> m = ((y & Vector128.Create(DoubleMantissaMask)) + Vector128.Create(DoubleSqrtHalfBits)).AsDouble();
            // k as a double without an int64 → double conversion: 2^52 + biased exponent, read as a double, minus (2^52 + bias).
            Vector128<double> k = (Vector128.ShiftRightLogical(y, 52) | Vector128.Create(DoubleTwoPow52Bits)).AsDouble() - bias;

            Vector128<double> f = m - Vector128<double>.One; // exact (Sterbenz)
            Vector128<double> s = f / (Vector128.Create(2.0) + f);
            Vector128<double> hfsq = Vector128.Create(0.5) * f * f;
            Vector128<double> z = s * s;
            Vector128<double> w = z * z;
            Vector128<double> t1 = w * (Vector128.Create(DLg2) + w * (Vector128.Create(DLg4) + w * Vector128.Create(DLg6)));
            Vector128<double> t2 = z * (Vector128.Create(DLg1) + w * (Vector128.Create(DLg3) + w * (Vector128.Create(DLg5) + w * Vector128.Create(DLg7))));
            Vector128<double> r = t1 + t2;
            Vector128<double> result = k * Vector128.Create(DoubleLn2Hi) - ((hfsq - (s * (hfsq + r) + k * Vector128.Create(DoubleLn2Lo))) - f);

            // Special lanes: +∞ → +∞; ±0 → −∞; negative or NaN (not x ≥ 0) → NaN.
            result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128.Create(double.PositiveInfinity)), x, result);
            result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<double>.Zero), Vector128.Create(double.NegativeInfinity), result);
            return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<double>.Zero), result, Vector128.Create(double.NaN));
        }

        /// <summary>
        /// Natural logarithm of each lane of a <see cref="Vector128{T}"/> of floats, computed in single precision (fdlibm <c>e_logf.c</c>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> Log(Vector128<float> x)
        {
            Vector128<float> isSmall = Vector128.LessThan(x, Vector128.Create(SingleSmallestNormal));
            Vector128<float> xs = Vector128.ConditionalSelect(isSmall, x * Vector128.Create(SingleTwoPow23), x);
            Vector128<float> bias = Vector128.ConditionalSelect(isSmall, Vector128.Create(SingleTwoPow23 + 127f + 23f), Vector128.Create(SingleTwoPow23 + 127f));

            Vector128<uint> y = xs.AsUInt32() + Vector128.Create(SingleExponentCarry);
            Vector128<float> m = ((y & Vector128.Create(SingleMantissaMask)) + Vector128.Create(SingleSqrtHalfBits)).AsSingle();
            Vector128<float> k = (Vector128.ShiftRightLogical(y, 23) | Vector128.Create(SingleTwoPow23Bits)).AsSingle() - bias;

            Vector128<float> f = m - Vector128<float>.One;
            Vector128<float> s = f / (Vector128.Create(2f) + f);
            Vector128<float> hfsq = Vector128.Create(0.5f) * f * f;
            Vector128<float> z = s * s;
            Vector128<float> w = z * z;
            Vector128<float> t1 = w * (Vector128.Create(FLg2) + w * Vector128.Create(FLg4));
            Vector128<float> t2 = z * (Vector128.Create(FLg1) + w * Vector128.Create(FLg3));
            Vector128<float> r = t1 + t2;
            Vector128<float> result = k * Vector128.Create(SingleLn2Hi) - ((hfsq - (s * (hfsq + r) + k * Vector128.Create(SingleLn2Lo))) - f);

            result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128.Create(float.PositiveInfinity)), x, result);
            result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<float>.Zero), Vector128.Create(float.NegativeInfinity), result);
            return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), result, Vector128.Create(float.NaN));
        }

        /// <summary>log(1 + x) per lane of a <see cref="Vector128{T}"/> of doubles, from the portable <see cref="Log(Vector128{double})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> Log1p(Vector128<double> x)
        {
            Vector128<double> u = Vector128<double>.One + x;
            return Log1pCore(x, u, Log(u));
        }

        /// <summary>log(1 + x) per lane of a <see cref="Vector128{T}"/> of floats, from the portable <see cref="Log(Vector128{float})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> Log1p(Vector128<float> x)
        {
            Vector128<float> u = Vector128<float>.One + x;
            return Log1pCore(x, u, Log(u));
        }

        /// <summary>
        /// Goldberg's log1p given u = 1 + x (rounded) and <paramref name="logU"/> = log(u): log(u)·x/(u − 1), which cancels the
        /// rounding of u to first order; x itself where u = 1 (|x| below half an ulp of 1, where log1p(x) = x in this precision);
        /// +∞ where u = +∞. NaN and x &lt; −1 give NaN through log(u); x = −1 gives log(0)·1 = −∞.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> Log1pCore(Vector128<double> x, Vector128<double> u, Vector128<double> logU)
        {
            Vector128<double> result = logU * (x / (u - Vector128<double>.One));
            result = Vector128.ConditionalSelect(Vector128.Equals(u, Vector128.Create(double.PositiveInfinity)), u, result);
            return Vector128.ConditionalSelect(Vector128.Equals(u, Vector128<double>.One), x, result);
        }

        /// <summary>Single-precision counterpart of <see cref="Log1pCore(Vector128{double}, Vector128{double}, Vector128{double})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> Log1pCore(Vector128<float> x, Vector128<float> u, Vector128<float> logU)
        {
            Vector128<float> result = logU * (x / (u - Vector128<float>.One));
            result = Vector128.ConditionalSelect(Vector128.Equals(u, Vector128.Create(float.PositiveInfinity)), u, result);
            return Vector128.ConditionalSelect(Vector128.Equals(u, Vector128<float>.One), x, result);
        }

        // ---------------------------------------------------------------- Vector256

        /// <summary>
        /// Natural logarithm of each lane of a <see cref="Vector256{T}"/> of doubles (fdlibm <c>e_log.c</c> algorithm); see the type's remarks.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> Log(Vector256<double> x)
        {
            // Subnormal (and zero/negative, fixed below): scale by 2^52 into the normal range; the exponent bias absorbs the 52.
            Vector256<double> isSmall = Vector256.LessThan(x, Vector256.Create(DoubleSmallestNormal));
            Vector256<double> xs = Vector256.ConditionalSelect(isSmall, x * Vector256.Create(DoubleTwoPow52), x);
            Vector256<double> bias = Vector256.ConditionalSelect(isSmall, Vector256.Create(DoubleTwoPow52 + 1023.0 + 52.0), Vector256.Create(DoubleTwoPow52 + 1023.0));

            // x = 2^k · m with m in [sqrt(1/2), sqrt(2)): adding (1.0 − sqrt(1/2)) to the bits carries into the exponent
            // exactly when the mantissa is at least sqrt(2)/2 of the next binade.
            Vector256<ulong> y = xs.AsUInt64() + Vector256.Create(DoubleExponentCarry);
            Vector256<double> m = ((y & Vector256.Create(DoubleMantissaMask)) + Vector256.Create(DoubleSqrtHalfBits)).AsDouble();
            // k as a double without an int64 → double conversion: 2^52 + biased exponent, read as a double, minus (2^52 + bias).
            Vector256<double> k = (Vector256.ShiftRightLogical(y, 52) | Vector256.Create(DoubleTwoPow52Bits)).AsDouble() - bias;

            Vector256<double> f = m - Vector256<double>.One; // exact (Sterbenz)
            Vector256<double> s = f / (Vector256.Create(2.0) + f);
            Vector256<double> hfsq = Vector256.Create(0.5) * f * f;
            Vector256<double> z = s * s;
            Vector256<double> w = z * z;
            Vector256<double> t1 = w * (Vector256.Create(DLg2) + w * (Vector256.Create(DLg4) + w * Vector256.Create(DLg6)));
            Vector256<double> t2 = z * (Vector256.Create(DLg1) + w * (Vector256.Create(DLg3) + w * (Vector256.Create(DLg5) + w * Vector256.Create(DLg7))));
            Vector256<double> r = t1 + t2;
            Vector256<double> result = k * Vector256.Create(DoubleLn2Hi) - ((hfsq - (s * (hfsq + r) + k * Vector256.Create(DoubleLn2Lo))) - f);

            // Special lanes: +∞ → +∞; ±0 → −∞; negative or NaN (not x ≥ 0) → NaN.
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(double.PositiveInfinity)), x, result);
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), Vector256.Create(double.NegativeInfinity), result);
            return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), result, Vector256.Create(double.NaN));
        }

        /// <summary>
        /// Natural logarithm of each lane of a <see cref="Vector256{T}"/> of floats, computed in single precision (fdlibm <c>e_logf.c</c>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<float> Log(Vector256<float> x)
        {
            Vector256<float> isSmall = Vector256.LessThan(x, Vector256.Create(SingleSmallestNormal));
            Vector256<float> xs = Vector256.ConditionalSelect(isSmall, x * Vector256.Create(SingleTwoPow23), x);
            Vector256<float> bias = Vector256.ConditionalSelect(isSmall, Vector256.Create(SingleTwoPow23 + 127f + 23f), Vector256.Create(SingleTwoPow23 + 127f));

            Vector256<uint> y = xs.AsUInt32() + Vector256.Create(SingleExponentCarry);
            Vector256<float> m = ((y & Vector256.Create(SingleMantissaMask)) + Vector256.Create(SingleSqrtHalfBits)).AsSingle();
            Vector256<float> k = (Vector256.ShiftRightLogical(y, 23) | Vector256.Create(SingleTwoPow23Bits)).AsSingle() - bias;

            Vector256<float> f = m - Vector256<float>.One;
            Vector256<float> s = f / (Vector256.Create(2f) + f);
            Vector256<float> hfsq = Vector256.Create(0.5f) * f * f;
            Vector256<float> z = s * s;
            Vector256<float> w = z * z;
            Vector256<float> t1 = w * (Vector256.Create(FLg2) + w * Vector256.Create(FLg4));
            Vector256<float> t2 = z * (Vector256.Create(FLg1) + w * Vector256.Create(FLg3));
            Vector256<float> r = t1 + t2;
            Vector256<float> result = k * Vector256.Create(SingleLn2Hi) - ((hfsq - (s * (hfsq + r) + k * Vector256.Create(SingleLn2Lo))) - f);

            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(float.PositiveInfinity)), x, result);
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<float>.Zero), Vector256.Create(float.NegativeInfinity), result);
            return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), result, Vector256.Create(float.NaN));
        }

        /// <summary>log(1 + x) per lane of a <see cref="Vector256{T}"/> of doubles, from the portable <see cref="Log(Vector256{double})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> Log1p(Vector256<double> x)
        {
            Vector256<double> u = Vector256<double>.One + x;
            return Log1pCore(x, u, Log(u));
        }

        /// <summary>log(1 + x) per lane of a <see cref="Vector256{T}"/> of floats, from the portable <see cref="Log(Vector256{float})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<float> Log1p(Vector256<float> x)
        {
            Vector256<float> u = Vector256<float>.One + x;
            return Log1pCore(x, u, Log(u));
        }

        /// <summary>
        /// Goldberg's log1p given u = 1 + x (rounded) and <paramref name="logU"/> = log(u): log(u)·x/(u − 1), which cancels the
        /// rounding of u to first order; x itself where u = 1 (|x| below half an ulp of 1, where log1p(x) = x in this precision);
        /// +∞ where u = +∞. NaN and x &lt; −1 give NaN through log(u); x = −1 gives log(0)·1 = −∞.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> Log1pCore(Vector256<double> x, Vector256<double> u, Vector256<double> logU)
        {
            Vector256<double> result = logU * (x / (u - Vector256<double>.One));
            result = Vector256.ConditionalSelect(Vector256.Equals(u, Vector256.Create(double.PositiveInfinity)), u, result);
            return Vector256.ConditionalSelect(Vector256.Equals(u, Vector256<double>.One), x, result);
        }

        /// <summary>Single-precision counterpart of <see cref="Log1pCore(Vector256{double}, Vector256{double}, Vector256{double})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<float> Log1pCore(Vector256<float> x, Vector256<float> u, Vector256<float> logU)
        {
            Vector256<float> result = logU * (x / (u - Vector256<float>.One));
            result = Vector256.ConditionalSelect(Vector256.Equals(u, Vector256.Create(float.PositiveInfinity)), u, result);
            return Vector256.ConditionalSelect(Vector256.Equals(u, Vector256<float>.One), x, result);
        }

        // ---------------------------------------------------------------- Vector512

        /// <summary>
        /// Natural logarithm of each lane of a <see cref="Vector512{T}"/> of doubles (fdlibm <c>e_log.c</c> algorithm); see the type's remarks.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> Log(Vector512<double> x)
        {
            // Subnormal (and zero/negative, fixed below): scale by 2^52 into the normal range; the exponent bias absorbs the 52.
            Vector512<double> isSmall = Vector512.LessThan(x, Vector512.Create(DoubleSmallestNormal));
            Vector512<double> xs = Vector512.ConditionalSelect(isSmall, x * Vector512.Create(DoubleTwoPow52), x);
            Vector512<double> bias = Vector512.ConditionalSelect(isSmall, Vector512.Create(DoubleTwoPow52 + 1023.0 + 52.0), Vector512.Create(DoubleTwoPow52 + 1023.0));

            // x = 2^k · m with m in [sqrt(1/2), sqrt(2)): adding (1.0 − sqrt(1/2)) to the bits carries into the exponent
            // exactly when the mantissa is at least sqrt(2)/2 of the next binade.
            Vector512<ulong> y = xs.AsUInt64() + Vector512.Create(DoubleExponentCarry);
            Vector512<double> m = ((y & Vector512.Create(DoubleMantissaMask)) + Vector512.Create(DoubleSqrtHalfBits)).AsDouble();
            // k as a double without an int64 → double conversion: 2^52 + biased exponent, read as a double, minus (2^52 + bias).
            Vector512<double> k = (Vector512.ShiftRightLogical(y, 52) | Vector512.Create(DoubleTwoPow52Bits)).AsDouble() - bias;

            Vector512<double> f = m - Vector512<double>.One; // exact (Sterbenz)
            Vector512<double> s = f / (Vector512.Create(2.0) + f);
            Vector512<double> hfsq = Vector512.Create(0.5) * f * f;
            Vector512<double> z = s * s;
            Vector512<double> w = z * z;
            Vector512<double> t1 = w * (Vector512.Create(DLg2) + w * (Vector512.Create(DLg4) + w * Vector512.Create(DLg6)));
            Vector512<double> t2 = z * (Vector512.Create(DLg1) + w * (Vector512.Create(DLg3) + w * (Vector512.Create(DLg5) + w * Vector512.Create(DLg7))));
            Vector512<double> r = t1 + t2;
            Vector512<double> result = k * Vector512.Create(DoubleLn2Hi) - ((hfsq - (s * (hfsq + r) + k * Vector512.Create(DoubleLn2Lo))) - f);

            // Special lanes: +∞ → +∞; ±0 → −∞; negative or NaN (not x ≥ 0) → NaN.
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(double.PositiveInfinity)), x, result);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<double>.Zero), Vector512.Create(double.NegativeInfinity), result);
            return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), result, Vector512.Create(double.NaN));
        }

        /// <summary>
        /// Natural logarithm of each lane of a <see cref="Vector512{T}"/> of floats, computed in single precision (fdlibm <c>e_logf.c</c>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> Log(Vector512<float> x)
        {
            Vector512<float> isSmall = Vector512.LessThan(x, Vector512.Create(SingleSmallestNormal));
            Vector512<float> xs = Vector512.ConditionalSelect(isSmall, x * Vector512.Create(SingleTwoPow23), x);
            Vector512<float> bias = Vector512.ConditionalSelect(isSmall, Vector512.Create(SingleTwoPow23 + 127f + 23f), Vector512.Create(SingleTwoPow23 + 127f));

            Vector512<uint> y = xs.AsUInt32() + Vector512.Create(SingleExponentCarry);
            Vector512<float> m = ((y & Vector512.Create(SingleMantissaMask)) + Vector512.Create(SingleSqrtHalfBits)).AsSingle();
            Vector512<float> k = (Vector512.ShiftRightLogical(y, 23) | Vector512.Create(SingleTwoPow23Bits)).AsSingle() - bias;

            Vector512<float> f = m - Vector512<float>.One;
            Vector512<float> s = f / (Vector512.Create(2f) + f);
            Vector512<float> hfsq = Vector512.Create(0.5f) * f * f;
            Vector512<float> z = s * s;
            Vector512<float> w = z * z;
            Vector512<float> t1 = w * (Vector512.Create(FLg2) + w * Vector512.Create(FLg4));
            Vector512<float> t2 = z * (Vector512.Create(FLg1) + w * Vector512.Create(FLg3));
            Vector512<float> r = t1 + t2;
            Vector512<float> result = k * Vector512.Create(SingleLn2Hi) - ((hfsq - (s * (hfsq + r) + k * Vector512.Create(SingleLn2Lo))) - f);

            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(float.PositiveInfinity)), x, result);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<float>.Zero), Vector512.Create(float.NegativeInfinity), result);
            return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), result, Vector512.Create(float.NaN));
        }

        /// <summary>log(1 + x) per lane of a <see cref="Vector512{T}"/> of doubles, from the portable <see cref="Log(Vector512{double})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> Log1p(Vector512<double> x)
        {
            Vector512<double> u = Vector512<double>.One + x;
            return Log1pCore(x, u, Log(u));
        }

        /// <summary>log(1 + x) per lane of a <see cref="Vector512{T}"/> of floats, from the portable <see cref="Log(Vector512{float})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> Log1p(Vector512<float> x)
        {
            Vector512<float> u = Vector512<float>.One + x;
            return Log1pCore(x, u, Log(u));
        }

        /// <summary>
        /// Goldberg's log1p given u = 1 + x (rounded) and <paramref name="logU"/> = log(u): log(u)·x/(u − 1), which cancels the
        /// rounding of u to first order; x itself where u = 1 (|x| below half an ulp of 1, where log1p(x) = x in this precision);
        /// +∞ where u = +∞. NaN and x &lt; −1 give NaN through log(u); x = −1 gives log(0)·1 = −∞.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> Log1pCore(Vector512<double> x, Vector512<double> u, Vector512<double> logU)
        {
            Vector512<double> result = logU * (x / (u - Vector512<double>.One));
            result = Vector512.ConditionalSelect(Vector512.Equals(u, Vector512.Create(double.PositiveInfinity)), u, result);
            return Vector512.ConditionalSelect(Vector512.Equals(u, Vector512<double>.One), x, result);
        }

        /// <summary>Single-precision counterpart of <see cref="Log1pCore(Vector512{double}, Vector512{double}, Vector512{double})"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> Log1pCore(Vector512<float> x, Vector512<float> u, Vector512<float> logU)
        {
            Vector512<float> result = logU * (x / (u - Vector512<float>.One));
            result = Vector512.ConditionalSelect(Vector512.Equals(u, Vector512.Create(float.PositiveInfinity)), u, result);
            return Vector512.ConditionalSelect(Vector512.Equals(u, Vector512<float>.One), x, result);
        }
    }
}
