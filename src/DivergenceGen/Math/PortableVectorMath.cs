using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen
{
    /// <summary>
    /// Our own vectorised natural logarithm, log1p and exp (the last in <c>PortableVectorMath.Exp.cs</c>, which describes its
    /// algorithm: fdlibm's <c>e_exp.c</c>/<c>e_expf.c</c> reduction and a polynomial, measured 0.65 ulp double and float), for every width and precision,
    /// inlinable and branch-free.
    /// <see cref="VectorMath"/> forwards to it on every target framework (net8.0 has no <c>Vector128.Log</c>; on .NET 9+ the
    /// BCL's log is less accurate than our 2 ulp promise and is not inlined); internal so that the tests can address it directly.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Log is the fdlibm algorithm (<c>e_log.c</c>, <c>e_logf.c</c>) made branch-free: x = 2^k·m with m in [√½, √2) found by
    /// integer arithmetic on the bits, f = m − 1, s = f/(2 + f), log(m) = f − f²/2 + s·(f²/2 + R(s²)) with R an even
    /// minimax polynomial (degree 14 for double, 8 for float, computed in the input precision), and
    /// log x = k·ln2_hi + (log(m) + k·ln2_lo) with ln2_hi short enough that k·ln2_hi is exact. fdlibm bounds the error below
    /// 1 ulp; the tests measure 0.86 ulp double, 0.84 float (10⁸-argument sweep). Where the CPU has the permutes, Log is
    /// the table-driven one of <c>PortableVectorMath.Table.cs</c> instead (0.60 ulp double, 0.54 float). Subnormal inputs are first scaled by
    /// 2^52 (2^23 for float).
    /// Special lanes are chosen with ConditionalSelect: log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(−∞) = NaN,
    /// log(NaN) = NaN.
    /// </para>
    /// <para>
    /// Log1p is fdlibm's <c>s_log1p.c</c> on the same core: u = 1 + x, its rounding error c = (1 + x) − u recovered exactly by
    /// Fast2Sum, and c/u added to the small terms of the final sum (measured 0.80 ulp double, 0.76 ulp float). This is more
    /// accurate than Goldberg's log(u)·x/(u − 1), which measured 2.24 ulp in float, and costs the same one division.
    /// </para>
    /// <para>
    /// fdlibm's log uses no FMA, so its results are identical on every instruction set (x64 with or without AVX-512, Arm64).
    /// The table log uses FMA and rounds differently: a kernel's last bits on an AVX-512 machine can differ from the same
    /// kernel's on an AVX2-only machine (both within the stated error).
    /// </para>
    /// </remarks>
    internal static partial class PortableVectorMath
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

        // ---------------------------------------------------------------- Vector128 (Log1p and its fdlibm helpers are
        // templates: the build copies them to 256 and 512 bits, [WidthTemplate])

        /// <summary>Natural logarithm of each lane of a <see cref="Vector128{T}"/> of doubles (fdlibm <c>e_log.c</c>, see the type's remarks).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> Log(Vector128<double> x)
        {
            // Subnormal (and zero/negative, fixed below): scale by 2^52 into the normal range; the exponent bias absorbs the 52.
            Vector128<double> isSmall = Vector128.LessThan(x, Vector128.Create(DoubleSmallestNormal));
            Vector128<double> xs = Vector128.ConditionalSelect(isSmall, x * Vector128.Create(DoubleTwoPow52), x);
            Vector128<double> bias = Vector128.ConditionalSelect(isSmall, Vector128.Create(DoubleTwoPow52 + 1023.0 + 52.0), Vector128.Create(DoubleTwoPow52 + 1023.0));

            Vector128<double> k = Reduce(xs, bias, out Vector128<double> f);
            Vector128<double> result = LogReduced(k, f, k * Vector128.Create(DoubleLn2Lo));

            // Special lanes: +∞ → +∞; ±0 → −∞; negative or NaN (not x ≥ 0) → NaN.
            result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128.Create(double.PositiveInfinity)), x, result);
            result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<double>.Zero), Vector128.Create(double.NegativeInfinity), result);
            return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<double>.Zero), result, Vector128.Create(double.NaN));
        }

        /// <summary>
        /// log(1 + x) for each lane of a <see cref="Vector128{T}"/> of doubles (fdlibm <c>s_log1p.c</c>): log of u = 1 + x with the
        /// rounding error c = (1 + x) − u, found exactly by Fast2Sum, added back as c/u inside the last sum.
        /// </summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> Log1p(Vector128<double> x)
        {
            Vector128<double> one = Vector128<double>.One;
            Vector128<double> u = one + x;
            // Fast2Sum: the larger of 1 and x first. u ≥ 2^-53 for x > −1, so no subnormal scaling is needed.
            Vector128<double> c = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, one), one - (u - x), x - (u - one)) / u;

            Vector128<double> k = Reduce(u, Vector128.Create(DoubleTwoPow52 + 1023.0), out Vector128<double> f);
            Vector128<double> result = LogReduced(k, f, k * Vector128.Create(DoubleLn2Lo) + c);

            // Special lanes: u = 1 → x (keeps −0); +∞ → +∞; x = −1 → −∞; x < −1 or NaN → NaN.
            result = Vector128.ConditionalSelect(Vector128.Equals(u, one), x, result);
            result = Vector128.ConditionalSelect(Vector128.Equals(u, Vector128.Create(double.PositiveInfinity)), u, result);
            result = Vector128.ConditionalSelect(Vector128.Equals(u, Vector128<double>.Zero), Vector128.Create(double.NegativeInfinity), result);
            return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(u, Vector128<double>.Zero), result, Vector128.Create(double.NaN));
        }

        /// <summary>
        /// Splits positive normal lanes as 2^k·m with m in [√½, √2): returns k (as a double) and f = m − 1 (exact).
        /// Adding bits(1.0) − bits(√½) carries into the exponent field exactly when the mantissa is at least √2 / 2 of the
        /// next binade. <paramref name="bias"/> is 2^52 + the exponent bias (+ 52 for lanes that were scaled by 2^52).
        /// </summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> Reduce(Vector128<double> x, Vector128<double> bias, out Vector128<double> f)
        {
            Vector128<ulong> y = x.AsUInt64() + Vector128.Create(DoubleExponentCarry);
            f = ((y & Vector128.Create(DoubleMantissaMask)) + Vector128.Create(DoubleSqrtHalfBits)).AsDouble() - Vector128<double>.One;
            // k without an int64 → double conversion: the biased exponent under 2^52's exponent, read as a double, minus bias.
            return (Vector128.ShiftRightLogical(y, 52) | Vector128.Create(DoubleTwoPow52Bits)).AsDouble() - bias;
        }

        /// <summary>
        /// k·ln 2 + log(1 + f) for f in [√½ − 1, √2 − 1), plus the small term <paramref name="kLo"/> = k·ln2_lo (+ a correction)
        /// added where it costs no accuracy: k·ln2_hi − ((f²/2 − (s·(f²/2 + R(s)) + kLo)) − f), s = f/(2 + f).
        /// </summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> LogReduced(Vector128<double> k, Vector128<double> f, Vector128<double> kLo)
        {
            Vector128<double> s = f / (Vector128.Create(2.0) + f);
            Vector128<double> hfsq = Vector128.Create(0.5) * f * f;
            Vector128<double> z = s * s;
            Vector128<double> w = z * z;
            Vector128<double> t1 = w * (Vector128.Create(DLg2) + w * (Vector128.Create(DLg4) + w * Vector128.Create(DLg6)));
            Vector128<double> t2 = z * (Vector128.Create(DLg1) + w * (Vector128.Create(DLg3) + w * (Vector128.Create(DLg5) + w * Vector128.Create(DLg7))));
            Vector128<double> r = t1 + t2;
            return k * Vector128.Create(DoubleLn2Hi) - ((hfsq - (s * (hfsq + r) + kLo)) - f);
        }

        /// <summary>Natural logarithm of each lane of a <see cref="Vector128{T}"/> of floats, in single precision (fdlibm <c>e_logf.c</c>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> Log(Vector128<float> x)
        {
            Vector128<float> isSmall = Vector128.LessThan(x, Vector128.Create(SingleSmallestNormal));
            Vector128<float> xs = Vector128.ConditionalSelect(isSmall, x * Vector128.Create(SingleTwoPow23), x);
            Vector128<float> bias = Vector128.ConditionalSelect(isSmall, Vector128.Create(SingleTwoPow23 + 127f + 23f), Vector128.Create(SingleTwoPow23 + 127f));

            Vector128<float> k = Reduce(xs, bias, out Vector128<float> f);
            Vector128<float> result = LogReduced(k, f, k * Vector128.Create(SingleLn2Lo));

            result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128.Create(float.PositiveInfinity)), x, result);
            result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<float>.Zero), Vector128.Create(float.NegativeInfinity), result);
            return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), result, Vector128.Create(float.NaN));
        }

        /// <summary>log(1 + x) for each lane of a <see cref="Vector128{T}"/> of floats, in single precision (fdlibm <c>s_log1pf.c</c>).</summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> Log1p(Vector128<float> x)
        {
            Vector128<float> one = Vector128<float>.One;
            Vector128<float> u = one + x;
            Vector128<float> c = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, one), one - (u - x), x - (u - one)) / u;

            Vector128<float> k = Reduce(u, Vector128.Create(SingleTwoPow23 + 127f), out Vector128<float> f);
            Vector128<float> result = LogReduced(k, f, k * Vector128.Create(SingleLn2Lo) + c);

            result = Vector128.ConditionalSelect(Vector128.Equals(u, one), x, result);
            result = Vector128.ConditionalSelect(Vector128.Equals(u, Vector128.Create(float.PositiveInfinity)), u, result);
            result = Vector128.ConditionalSelect(Vector128.Equals(u, Vector128<float>.Zero), Vector128.Create(float.NegativeInfinity), result);
            return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(u, Vector128<float>.Zero), result, Vector128.Create(float.NaN));
        }

        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> Reduce(Vector128<float> x, Vector128<float> bias, out Vector128<float> f)
        {
            Vector128<uint> y = x.AsUInt32() + Vector128.Create(SingleExponentCarry);
            f = ((y & Vector128.Create(SingleMantissaMask)) + Vector128.Create(SingleSqrtHalfBits)).AsSingle() - Vector128<float>.One;
            return (Vector128.ShiftRightLogical(y, 23) | Vector128.Create(SingleTwoPow23Bits)).AsSingle() - bias;
        }

        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> LogReduced(Vector128<float> k, Vector128<float> f, Vector128<float> kLo)
        {
            Vector128<float> s = f / (Vector128.Create(2f) + f);
            Vector128<float> hfsq = Vector128.Create(0.5f) * f * f;
            Vector128<float> z = s * s;
            Vector128<float> w = z * z;
            Vector128<float> t1 = w * (Vector128.Create(FLg2) + w * Vector128.Create(FLg4));
            Vector128<float> t2 = z * (Vector128.Create(FLg1) + w * Vector128.Create(FLg3));
            Vector128<float> r = t1 + t2;
            return k * Vector128.Create(SingleLn2Hi) - ((hfsq - (s * (hfsq + r) + kLo)) - f);
        }

        // ---------------------------------------------------------------- Vector256

        /// <summary>Natural logarithm of each lane of a <see cref="Vector256{T}"/> of doubles (fdlibm <c>e_log.c</c>, see the type's remarks).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> Log(Vector256<double> x)
        {
            if (Avx2.IsSupported && Fma.IsSupported)
            {
                return LogTable(x); // PortableVectorMath.Table.cs: no division, the 512-bit table log's results
            }

            return LogFdlibm(x);
        }

        /// <summary>
        /// fdlibm's logarithm of each lane of a <see cref="Vector256{T}"/> of doubles, whatever the CPU: branch-free, no table
        /// (so few constants in registers). <see cref="VectorMath.Deviance(Vector256{double}, Vector256{double}, Vector256{double})"/>
        /// keeps it on AVX2 without AVX-512VL: with sixteen registers, its two logarithms per Bernoulli pair as table logs
        /// spilled (the batch KL ran 5–8% slower, docs/vector-maths.md); with AVX-512VL's thirty-two it takes the table log.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> LogFdlibm(Vector256<double> x)
        {
            // Subnormal (and zero/negative, fixed below): scale by 2^52 into the normal range; the exponent bias absorbs the 52.
            Vector256<double> isSmall = Vector256.LessThan(x, Vector256.Create(DoubleSmallestNormal));
            Vector256<double> xs = Vector256.ConditionalSelect(isSmall, x * Vector256.Create(DoubleTwoPow52), x);
            Vector256<double> bias = Vector256.ConditionalSelect(isSmall, Vector256.Create(DoubleTwoPow52 + 1023.0 + 52.0), Vector256.Create(DoubleTwoPow52 + 1023.0));

            Vector256<double> k = Reduce(xs, bias, out Vector256<double> f);
            Vector256<double> result = LogReduced(k, f, k * Vector256.Create(DoubleLn2Lo));

            // Special lanes: +∞ → +∞; ±0 → −∞; negative or NaN (not x ≥ 0) → NaN.
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(double.PositiveInfinity)), x, result);
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), Vector256.Create(double.NegativeInfinity), result);
            return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), result, Vector256.Create(double.NaN));
        }

        /// <summary>Natural logarithm of each lane of a <see cref="Vector256{T}"/> of floats, in single precision (fdlibm <c>e_logf.c</c>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<float> Log(Vector256<float> x)
        {
            if (Avx2.IsSupported && Fma.IsSupported)
            {
                return LogTable(x); // PortableVectorMath.Table.cs: no division, 0.54 ulp measured
            }

            Vector256<float> isSmall = Vector256.LessThan(x, Vector256.Create(SingleSmallestNormal));
            Vector256<float> xs = Vector256.ConditionalSelect(isSmall, x * Vector256.Create(SingleTwoPow23), x);
            Vector256<float> bias = Vector256.ConditionalSelect(isSmall, Vector256.Create(SingleTwoPow23 + 127f + 23f), Vector256.Create(SingleTwoPow23 + 127f));

            Vector256<float> k = Reduce(xs, bias, out Vector256<float> f);
            Vector256<float> result = LogReduced(k, f, k * Vector256.Create(SingleLn2Lo));

            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(float.PositiveInfinity)), x, result);
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<float>.Zero), Vector256.Create(float.NegativeInfinity), result);
            return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), result, Vector256.Create(float.NaN));
        }

        // ---------------------------------------------------------------- Vector512

        /// <summary>Natural logarithm of each lane of a <see cref="Vector512{T}"/> of doubles (fdlibm <c>e_log.c</c>, see the type's remarks).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> Log(Vector512<double> x)
        {
            if (Avx512F.IsSupported)
            {
                return LogTable(x); // PortableVectorMath.Table.cs: no division, 0.60 ulp measured
            }

            // Subnormal (and zero/negative, fixed below): scale by 2^52 into the normal range; the exponent bias absorbs the 52.
            Vector512<double> isSmall = Vector512.LessThan(x, Vector512.Create(DoubleSmallestNormal));
            Vector512<double> xs = Vector512.ConditionalSelect(isSmall, x * Vector512.Create(DoubleTwoPow52), x);
            Vector512<double> bias = Vector512.ConditionalSelect(isSmall, Vector512.Create(DoubleTwoPow52 + 1023.0 + 52.0), Vector512.Create(DoubleTwoPow52 + 1023.0));

            Vector512<double> k = Reduce(xs, bias, out Vector512<double> f);
            Vector512<double> result = LogReduced(k, f, k * Vector512.Create(DoubleLn2Lo));

            // Special lanes: +∞ → +∞; ±0 → −∞; negative or NaN (not x ≥ 0) → NaN.
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(double.PositiveInfinity)), x, result);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<double>.Zero), Vector512.Create(double.NegativeInfinity), result);
            return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), result, Vector512.Create(double.NaN));
        }

        /// <summary>Natural logarithm of each lane of a <see cref="Vector512{T}"/> of floats, in single precision (fdlibm <c>e_logf.c</c>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> Log(Vector512<float> x)
        {
            if (Avx512F.IsSupported)
            {
                return LogTable(x); // PortableVectorMath.Table.cs: no division, 0.54 ulp measured
            }

            Vector512<float> isSmall = Vector512.LessThan(x, Vector512.Create(SingleSmallestNormal));
            Vector512<float> xs = Vector512.ConditionalSelect(isSmall, x * Vector512.Create(SingleTwoPow23), x);
            Vector512<float> bias = Vector512.ConditionalSelect(isSmall, Vector512.Create(SingleTwoPow23 + 127f + 23f), Vector512.Create(SingleTwoPow23 + 127f));

            Vector512<float> k = Reduce(xs, bias, out Vector512<float> f);
            Vector512<float> result = LogReduced(k, f, k * Vector512.Create(SingleLn2Lo));

            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(float.PositiveInfinity)), x, result);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<float>.Zero), Vector512.Create(float.NegativeInfinity), result);
            return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), result, Vector512.Create(float.NaN));
        }
    }
}
