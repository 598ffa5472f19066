using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    // Exp: vectorised e^x for every width and precision, inlinable and branch-free.
    //
    // Exp is the fdlibm algorithm (e_exp.c, e_expf.c) made branch-free. x = k·ln 2 + r with k = round(x/ln 2)
    // found by adding a shifter (1.5·2^52 + 2048, or 1.5·2^23 + 256 for float) so that k + 2048 (+ 256) lands in the low bits
    // of the sum; r = hi − lo with hi = x − k·ln2_hi exact (ln2_hi has enough trailing zeros that k·ln2_hi is exact for every
    // |k| this range needs, and the subtraction cancels exactly) and lo = k·ln2_lo. Then, with c = r − r²·P(r²),
    // exp(r) = 1 − ((lo − r·c/(2 − c)) − hi): fdlibm's Remez rational form, P of degree 4 in r² (P1..P5) for double and
    // degree 1 (P1, P2, FreeBSD's e_expf.c) for float, each computed in the input precision. fdlibm bounds the error
    // below 1 ulp; the tests measure 0.90 ulp (double) and 0.93 ulp (float).
    //
    // The scaling by 2^k is done in two exact steps, y·2^⌊k/2⌋·2^(k−⌊k/2⌋), with both powers of two built by integer
    // shifts from the shifter's bits. Both factors are normal for every k reached, y·2^⌊k/2⌋ is exact, and only the last
    // product rounds: so subnormal results (x in about [−745.13, −708.40] for double, [−103.97, −87.34] for float) are
    // y rounded once more, adding at most half a subnormal ulp (measured 0.73 ulp double, 0.75 float, in subnormal ulps; at
    // the very threshold y = 1 can make 2^-1075 a tie that rounds to +0, half an ulp from the exact value), overflow gives
    // +∞ and underflow +0, with no special-case code. x is first clamped to [−746, 710]
    // (float: [−104, 89]), where exp is already 0 or ∞, to keep k within the shifter's range; the clamp is the only
    // ConditionalSelect: exp(−∞) = +0 and exp(+∞) = +∞ follow from it, and NaN (false in both comparisons) propagates
    // through the arithmetic.
    internal static partial class PortableVectorMath
    {
        // Double: clamp range, shifter and 1/ln 2 (fdlibm e_exp.c); ln 2 = DoubleLn2Hi + DoubleLn2Lo is shared with Log.
        private const double DoubleExpMin = -746.0;                        // exp < 2^-1076: rounds to +0
        private const double DoubleExpMax = 710.0;                         // exp > 2^1024: rounds to +∞
        private const double DoubleInvLn2 = 1.44269504088896338700e+00;    // 0x3FF71547652B82FE
        private const double DoubleExpShifter = 6755399441055744.0 + 2048; // 1.5·2^52 + 2048: t − shifter = k, bits(t) − bits(1.5·2^52) = k + 2048
        private const ulong DoubleOneAndHalfTwoPow52Bits = 0x4338000000000000UL;

        // fdlibm e_exp.c: |error of the rational approximation| < 2^-59 on |r| ≤ 0.5·ln 2.
        private const double DP1 = 1.66666666666666019037e-01;
        private const double DP2 = -2.77777777770155933842e-03;
        private const double DP3 = 6.61375632143793436117e-05;
        private const double DP4 = -1.65339022054652515390e-06;
        private const double DP5 = 4.13813679705723846039e-08;

        // Single (FreeBSD e_expf.c): ln2_hi = 0x3F317200 has 9 trailing zero bits so k·ln2_hi is exact for |k| ≤ 255.
        private const float SingleExpMin = -104f;                          // exp < 2^-150: rounds to +0
        private const float SingleExpMax = 89f;                            // exp > 2^128: rounds to +∞
        private const float SingleInvLn2 = 1.4426950216e+00f;              // 0x3FB8AA3B
        private const float SingleExpLn2Hi = 6.9314575195e-01f;            // 0x3F317200
        private const float SingleExpLn2Lo = 1.4286067653e-06f;            // 0x35BFBE8E
        private const float SingleExpShifter = 12582912f + 256f;           // 1.5·2^23 + 256
        private const uint SingleOneAndHalfTwoPow23Bits = 0x4B400000u;

        // FreeBSD e_expf.c: |error of the rational approximation| < 2^-27.74 on |r| ≤ 0.5·ln 2 (exact hexadecimal values).
        private const float FP1 = 0xAAAAA8 / 67108864f;                    // 0xaaaaa8.0p-26 ≈ 1.6666625440e-1
        private const float FP2 = -0xB55215 / 4294967296f;                 // -0xb55215.0p-32 ≈ -2.7667332906e-3

        // ---------------------------------------------------------------- Vector128 exp

        /// <summary>e^x for each lane of a <see cref="Vector128{T}"/> of doubles (fdlibm <c>e_exp.c</c>, see the remarks on <c>Exp</c> above).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> Exp(Vector128<double> x)
        {
            // Clamp (NaN passes: both comparisons are false); outside, exp is 0 or ∞ anyway and k stays in the shifter's range.
            x = Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(DoubleExpMax)), Vector128.Create(DoubleExpMax), x);
            x = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(DoubleExpMin)), Vector128.Create(DoubleExpMin), x);

            // k = round(x/ln 2); x = k·ln 2 + r, r = hi − lo, hi exact.
            Vector128<double> t = x * Vector128.Create(DoubleInvLn2) + Vector128.Create(DoubleExpShifter);
            Vector128<double> k = t - Vector128.Create(DoubleExpShifter);
            Vector128<double> hi = x - k * Vector128.Create(DoubleLn2Hi);
            Vector128<double> lo = k * Vector128.Create(DoubleLn2Lo);
            Vector128<double> y = ExpReduced(hi, lo);

            // 2^k = 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋), exponent fields from u = k + 2048 (unsigned shifts only).
            Vector128<ulong> u = t.AsUInt64() - Vector128.Create(DoubleOneAndHalfTwoPow52Bits);
            Vector128<ulong> half = Vector128.ShiftRightLogical(u, 1);                 // ⌊k/2⌋ + 1024
            Vector128<double> scale1 = Vector128.ShiftLeft(half - Vector128<ulong>.One, 52).AsDouble();     // 2^⌊k/2⌋
            Vector128<double> scale2 = Vector128.ShiftLeft(u - half - Vector128<ulong>.One, 52).AsDouble(); // 2^(k − ⌊k/2⌋)
            return y * scale1 * scale2;
        }

        /// <summary>exp(hi − lo) for |hi − lo| ≤ ~0.5·ln 2, in [√½, √2]: fdlibm's 1 − ((lo − r·c/(2 − c)) − hi), c = r − r²·P(r²).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> ExpReduced(Vector128<double> hi, Vector128<double> lo)
        {
            Vector128<double> r = hi - lo;
            Vector128<double> z = r * r;
            Vector128<double> c = r - z * (Vector128.Create(DP1) + z * (Vector128.Create(DP2) + z * (Vector128.Create(DP3) + z * (Vector128.Create(DP4) + z * Vector128.Create(DP5)))));
            return Vector128<double>.One - ((lo - r * c / (Vector128.Create(2.0) - c)) - hi);
        }

        /// <summary>e^x for each lane of a <see cref="Vector128{T}"/> of floats, in single precision (FreeBSD <c>e_expf.c</c>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> Exp(Vector128<float> x)
        {
            x = Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(SingleExpMax)), Vector128.Create(SingleExpMax), x);
            x = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(SingleExpMin)), Vector128.Create(SingleExpMin), x);

            Vector128<float> t = x * Vector128.Create(SingleInvLn2) + Vector128.Create(SingleExpShifter);
            Vector128<float> k = t - Vector128.Create(SingleExpShifter);
            Vector128<float> hi = x - k * Vector128.Create(SingleExpLn2Hi);
            Vector128<float> lo = k * Vector128.Create(SingleExpLn2Lo);
            Vector128<float> r = hi - lo;
            Vector128<float> z = r * r;
            Vector128<float> c = r - z * (Vector128.Create(FP1) + z * Vector128.Create(FP2));
            Vector128<float> y = Vector128<float>.One - ((lo - r * c / (Vector128.Create(2f) - c)) - hi);

            // u = k + 256; 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋).
            Vector128<uint> u = t.AsUInt32() - Vector128.Create(SingleOneAndHalfTwoPow23Bits);
            Vector128<uint> half = Vector128.ShiftRightLogical(u, 1);                  // ⌊k/2⌋ + 128
            Vector128<float> scale1 = Vector128.ShiftLeft(half - Vector128<uint>.One, 23).AsSingle();
            Vector128<float> scale2 = Vector128.ShiftLeft(u - half - Vector128<uint>.One, 23).AsSingle();
            return y * scale1 * scale2;
        }

        // ---------------------------------------------------------------- Vector256 exp

        /// <summary>e^x for each lane of a <see cref="Vector256{T}"/> of doubles (fdlibm <c>e_exp.c</c>, see the remarks on <c>Exp</c> above).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> Exp(Vector256<double> x)
        {
            // Clamp (NaN passes: both comparisons are false); outside, exp is 0 or ∞ anyway and k stays in the shifter's range.
            x = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(DoubleExpMax)), Vector256.Create(DoubleExpMax), x);
            x = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(DoubleExpMin)), Vector256.Create(DoubleExpMin), x);

            // k = round(x/ln 2); x = k·ln 2 + r, r = hi − lo, hi exact.
            Vector256<double> t = x * Vector256.Create(DoubleInvLn2) + Vector256.Create(DoubleExpShifter);
            Vector256<double> k = t - Vector256.Create(DoubleExpShifter);
            Vector256<double> hi = x - k * Vector256.Create(DoubleLn2Hi);
            Vector256<double> lo = k * Vector256.Create(DoubleLn2Lo);
            Vector256<double> y = ExpReduced(hi, lo);

            // 2^k = 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋), exponent fields from u = k + 2048 (unsigned shifts only).
            Vector256<ulong> u = t.AsUInt64() - Vector256.Create(DoubleOneAndHalfTwoPow52Bits);
            Vector256<ulong> half = Vector256.ShiftRightLogical(u, 1);                 // ⌊k/2⌋ + 1024
            Vector256<double> scale1 = Vector256.ShiftLeft(half - Vector256<ulong>.One, 52).AsDouble();     // 2^⌊k/2⌋
            Vector256<double> scale2 = Vector256.ShiftLeft(u - half - Vector256<ulong>.One, 52).AsDouble(); // 2^(k − ⌊k/2⌋)
            return y * scale1 * scale2;
        }

        /// <summary>exp(hi − lo) for |hi − lo| ≤ ~0.5·ln 2, in [√½, √2]: fdlibm's 1 − ((lo − r·c/(2 − c)) − hi), c = r − r²·P(r²).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> ExpReduced(Vector256<double> hi, Vector256<double> lo)
        {
            Vector256<double> r = hi - lo;
            Vector256<double> z = r * r;
            Vector256<double> c = r - z * (Vector256.Create(DP1) + z * (Vector256.Create(DP2) + z * (Vector256.Create(DP3) + z * (Vector256.Create(DP4) + z * Vector256.Create(DP5)))));
            return Vector256<double>.One - ((lo - r * c / (Vector256.Create(2.0) - c)) - hi);
        }

        /// <summary>e^x for each lane of a <see cref="Vector256{T}"/> of floats, in single precision (FreeBSD <c>e_expf.c</c>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<float> Exp(Vector256<float> x)
        {
            x = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(SingleExpMax)), Vector256.Create(SingleExpMax), x);
            x = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(SingleExpMin)), Vector256.Create(SingleExpMin), x);

            Vector256<float> t = x * Vector256.Create(SingleInvLn2) + Vector256.Create(SingleExpShifter);
            Vector256<float> k = t - Vector256.Create(SingleExpShifter);
            Vector256<float> hi = x - k * Vector256.Create(SingleExpLn2Hi);
            Vector256<float> lo = k * Vector256.Create(SingleExpLn2Lo);
            Vector256<float> r = hi - lo;
            Vector256<float> z = r * r;
            Vector256<float> c = r - z * (Vector256.Create(FP1) + z * Vector256.Create(FP2));
            Vector256<float> y = Vector256<float>.One - ((lo - r * c / (Vector256.Create(2f) - c)) - hi);

            // u = k + 256; 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋).
            Vector256<uint> u = t.AsUInt32() - Vector256.Create(SingleOneAndHalfTwoPow23Bits);
            Vector256<uint> half = Vector256.ShiftRightLogical(u, 1);                  // ⌊k/2⌋ + 128
            Vector256<float> scale1 = Vector256.ShiftLeft(half - Vector256<uint>.One, 23).AsSingle();
            Vector256<float> scale2 = Vector256.ShiftLeft(u - half - Vector256<uint>.One, 23).AsSingle();
            return y * scale1 * scale2;
        }

        // ---------------------------------------------------------------- Vector512 exp

        /// <summary>e^x for each lane of a <see cref="Vector512{T}"/> of doubles (fdlibm <c>e_exp.c</c>, see the remarks on <c>Exp</c> above).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> Exp(Vector512<double> x)
        {
            // Clamp (NaN passes: both comparisons are false); outside, exp is 0 or ∞ anyway and k stays in the shifter's range.
            x = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(DoubleExpMax)), Vector512.Create(DoubleExpMax), x);
            x = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(DoubleExpMin)), Vector512.Create(DoubleExpMin), x);

            // k = round(x/ln 2); x = k·ln 2 + r, r = hi − lo, hi exact.
            Vector512<double> t = x * Vector512.Create(DoubleInvLn2) + Vector512.Create(DoubleExpShifter);
            Vector512<double> k = t - Vector512.Create(DoubleExpShifter);
            Vector512<double> hi = x - k * Vector512.Create(DoubleLn2Hi);
            Vector512<double> lo = k * Vector512.Create(DoubleLn2Lo);
            Vector512<double> y = ExpReduced(hi, lo);

            // 2^k = 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋), exponent fields from u = k + 2048 (unsigned shifts only).
            Vector512<ulong> u = t.AsUInt64() - Vector512.Create(DoubleOneAndHalfTwoPow52Bits);
            Vector512<ulong> half = Vector512.ShiftRightLogical(u, 1);                 // ⌊k/2⌋ + 1024
            Vector512<double> scale1 = Vector512.ShiftLeft(half - Vector512<ulong>.One, 52).AsDouble();     // 2^⌊k/2⌋
            Vector512<double> scale2 = Vector512.ShiftLeft(u - half - Vector512<ulong>.One, 52).AsDouble(); // 2^(k − ⌊k/2⌋)
            return y * scale1 * scale2;
        }

        /// <summary>exp(hi − lo) for |hi − lo| ≤ ~0.5·ln 2, in [√½, √2]: fdlibm's 1 − ((lo − r·c/(2 − c)) − hi), c = r − r²·P(r²).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> ExpReduced(Vector512<double> hi, Vector512<double> lo)
        {
            Vector512<double> r = hi - lo;
            Vector512<double> z = r * r;
            Vector512<double> c = r - z * (Vector512.Create(DP1) + z * (Vector512.Create(DP2) + z * (Vector512.Create(DP3) + z * (Vector512.Create(DP4) + z * Vector512.Create(DP5)))));
            return Vector512<double>.One - ((lo - r * c / (Vector512.Create(2.0) - c)) - hi);
        }

        /// <summary>e^x for each lane of a <see cref="Vector512{T}"/> of floats, in single precision (FreeBSD <c>e_expf.c</c>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> Exp(Vector512<float> x)
        {
            x = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(SingleExpMax)), Vector512.Create(SingleExpMax), x);
            x = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(SingleExpMin)), Vector512.Create(SingleExpMin), x);

            Vector512<float> t = x * Vector512.Create(SingleInvLn2) + Vector512.Create(SingleExpShifter);
            Vector512<float> k = t - Vector512.Create(SingleExpShifter);
            Vector512<float> hi = x - k * Vector512.Create(SingleExpLn2Hi);
            Vector512<float> lo = k * Vector512.Create(SingleExpLn2Lo);
            Vector512<float> r = hi - lo;
            Vector512<float> z = r * r;
            Vector512<float> c = r - z * (Vector512.Create(FP1) + z * Vector512.Create(FP2));
            Vector512<float> y = Vector512<float>.One - ((lo - r * c / (Vector512.Create(2f) - c)) - hi);

            // u = k + 256; 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋).
            Vector512<uint> u = t.AsUInt32() - Vector512.Create(SingleOneAndHalfTwoPow23Bits);
            Vector512<uint> half = Vector512.ShiftRightLogical(u, 1);                  // ⌊k/2⌋ + 128
            Vector512<float> scale1 = Vector512.ShiftLeft(half - Vector512<uint>.One, 23).AsSingle();
            Vector512<float> scale2 = Vector512.ShiftLeft(u - half - Vector512<uint>.One, 23).AsSingle();
            return y * scale1 * scale2;
        }
    }
}
