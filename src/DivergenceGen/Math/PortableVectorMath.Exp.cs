using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen
{
    // Exp: vectorised e^x for every width and precision, inlinable and branch-free.
    //
    // Exp keeps fdlibm's reduction (e_exp.c, e_expf.c), branch-free, and replaces its rational form, which divides, by a
    // polynomial. x = k·ln 2 + r with k = round(x/ln 2)
    // found by adding a shifter (1.5·2^52 + 2048, or 1.5·2^23 + 256 for float) so that k + 2048 (+ 256) lands in the low bits
    // of the sum; r = hi − lo with hi = x − k·ln2_hi exact (ln2_hi has enough trailing zeros that k·ln2_hi is exact for every
    // |k| this range needs, and the subtraction cancels exactly) and lo = k·ln2_lo. Then
    // exp(r) = 1 + hi − lo + r²·P(r), with P ≈ (e^r − 1 − r)/r² of degree 10 (DE2..DE12) for double and 5 (FE2..FE7) for
    // float, fitted by tools/expcoeffs.py (Chebyshev, mpmath), each evaluated in the input precision in Estrin-like form
    // with fused multiply-adds where the CPU has them (ExpMultiplyAdd) and a multiply and an add elsewhere (.NET 8 too).
    // Only the r²·P term is evaluated at the rounded r = hi − lo (its rounding moves r²·P by at most |r|·ulp(r)/2, about a
    // tenth of an ulp of the result); the linear part uses hi and lo themselves: 1 + hi = s + e exactly (Fast2Sum, |hi| < 1),
    // the small terms e − lo + r²·P are summed first, and only s + (…) rounds at the result's size. The polynomial is within
    // 2^-61.4 (double) and 2^-30.4 (float) of e^r − 1 − r relative to e^r, so the error is about half an ulp plus
    // those small roundings: the tests measure 0.648 ulp (double) and 0.644 ulp (float) on normal results, 0.659 and 0.653
    // without FMA (fdlibm's rational form measured 0.90 and 0.93).
    //
    // The scaling by 2^k is done in two exact steps, y·2^⌊k/2⌋·2^(k−⌊k/2⌋), with both powers of two built by integer
    // shifts from the shifter's bits. Both factors are normal for every k reached, y·2^⌊k/2⌋ is exact, and only the last
    // product rounds: so subnormal results (x in about [−745.13, −708.40] for double, [−103.97, −87.34] for float) are
    // y rounded once more, adding at most half a subnormal ulp (measured 0.736 ulp double, 0.749 float, in subnormal ulps; at
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

        // exp(r) = 1 + r + r²·P(r): P ≈ (e^r − 1 − r)/r² on |r| ≤ 0.3466, degree 10, from tools/expcoeffs.py;
        // max |r²·P(r) − (e^r − 1 − r)|/e^r = 2^-61.39 with these rounded coefficients.
        private const double DE2 = 0.5;
        private const double DE3 = 0.1666666666666667;
        private const double DE4 = 0.04166666666666667;
        private const double DE5 = 0.008333333333326136;
        private const double DE6 = 0.001388888888888375;
        private const double DE7 = 0.00019841269874815834;
        private const double DE8 = 2.480158732554432e-05;
        private const double DE9 = 2.7557255406285044e-06;
        private const double DE10 = 2.7557273647451087e-07;
        private const double DE11 = 2.5105214474751413e-08;
        private const double DE12 = 2.0914685161418067e-09;

        // Single (FreeBSD e_expf.c): ln2_hi = 0x3F317200 has 9 trailing zero bits so k·ln2_hi is exact for |k| ≤ 255.
        private const float SingleExpMin = -104f;                          // exp < 2^-150: rounds to +0
        private const float SingleExpMax = 89f;                            // exp > 2^128: rounds to +∞
        private const float SingleInvLn2 = 1.4426950216e+00f;              // 0x3FB8AA3B
        private const float SingleExpLn2Hi = 6.9314575195e-01f;            // 0x3F317200
        private const float SingleExpLn2Lo = 1.4286067653e-06f;            // 0x35BFBE8E
        private const float SingleExpShifter = 12582912f + 256f;           // 1.5·2^23 + 256
        private const uint SingleOneAndHalfTwoPow23Bits = 0x4B400000u;

        // The same for float, degree 5, from tools/expcoeffs.py: max |r²·P(r) − (e^r − 1 − r)|/e^r = 2^-30.43.
        private const float FE2 = 0.5f;
        private const float FE3 = 0.1666666716337204f;
        private const float FE4 = 0.04166646674275398f;
        private const float FE5 = 0.00833331048488617f;
        private const float FE6 = 0.001393364742398262f;
        private const float FE7 = 0.00019890988187398762f;

        // a·b + c for the exp polynomial: fused where the CPU has a vector FMA (x86 FMA3, which every AVX-512 CPU has; Arm64
        // AdvSimd), a multiply and an add elsewhere and on .NET 8. The JIT folds the check; the unfused form is not emulated
        // in software (the BCL's FusedMultiplyAdd would be, lane by lane, on a CPU without FMA).
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<double> ExpMultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c)
        {
#if NET9_0_OR_GREATER
            if (Fma.IsSupported || AdvSimd.Arm64.IsSupported)
            {
                return Vector128.FusedMultiplyAdd(a, b, c);
            }
#endif
            return (a * b) + c;
        }

        /// <summary>
        /// r²·P(r) − lo with the float exp's polynomial P: its six multiply-adds in one inlinee (fused where the CPU has an
        /// FMA, as <see cref="ExpMultiplyAdd(Vector128{float}, Vector128{float}, Vector128{float})"/>), so that a kernel with many exps stays
        /// within the JIT's inlining budget (a call per exp made the K = 10 loss's block kernel keep its vectors on the stack).
        /// </summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> ExpTail(Vector128<float> r, Vector128<float> r2, Vector128<float> lo)
        {
#if NET9_0_OR_GREATER
            if (Fma.IsSupported || AdvSimd.IsSupported)
            {
                Vector128<float> f23 = Vector128.FusedMultiplyAdd(Vector128.Create(FE3), r, Vector128.Create(FE2));
                Vector128<float> f45 = Vector128.FusedMultiplyAdd(Vector128.Create(FE5), r, Vector128.Create(FE4));
                Vector128<float> f67 = Vector128.FusedMultiplyAdd(Vector128.Create(FE7), r, Vector128.Create(FE6));
                Vector128<float> f = Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(f67, r2, f45), r2, f23);
                return Vector128.FusedMultiplyAdd(r2, f, -lo);
            }
#endif
            Vector128<float> p23 = (Vector128.Create(FE3) * r) + Vector128.Create(FE2);
            Vector128<float> p45 = (Vector128.Create(FE5) * r) + Vector128.Create(FE4);
            Vector128<float> p67 = (Vector128.Create(FE7) * r) + Vector128.Create(FE6);
            Vector128<float> p = (((p67 * r2) + p45) * r2) + p23;
            return (r2 * p) - lo;
        }

        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> ExpMultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c)
        {
#if NET9_0_OR_GREATER
            if (Fma.IsSupported || AdvSimd.IsSupported)
            {
                return Vector128.FusedMultiplyAdd(a, b, c);
            }
#endif
            return (a * b) + c;
        }

        // ---------------------------------------------------------------- exp (Vector128 templates: the build copies them to
        // 256 and 512 bits, [WidthTemplate])

        /// <summary>e^x for each lane of a <see cref="Vector128{T}"/> of doubles (see the remarks on <c>Exp</c> above).</summary>
        [WidthTemplate(256, 512)]
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

        /// <summary>exp(hi − lo) for |hi − lo| ≤ ~0.5·ln 2, in [√½, √2]: 1 + hi − lo + r²·P(r), r = hi − lo, P of degree 10 (see the remarks above).</summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> ExpReduced(Vector128<double> hi, Vector128<double> lo)
        {
#if NET9_0_OR_GREATER
            if (Fma.IsSupported || AdvSimd.Arm64.IsSupported)
            {
                return ExpReducedFused(hi, lo);
            }
#endif
            return ExpReducedPortable(hi, lo);
        }

        // The polynomial with direct fused multiply-adds: one inlinee instead of eleven ExpMultiplyAdd calls, so that a kernel
        // with many exps stays within the JIT's inlining budget. The same operations as ExpReducedPortable where the CPU has FMA.
#if NET9_0_OR_GREATER
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> ExpReducedFused(Vector128<double> hi, Vector128<double> lo)
        {
            Vector128<double> r = hi - lo;
            Vector128<double> r2 = r * r;
            Vector128<double> r4 = r2 * r2;
            Vector128<double> p23 = Vector128.FusedMultiplyAdd(Vector128.Create(DE3), r, Vector128.Create(DE2));
            Vector128<double> p45 = Vector128.FusedMultiplyAdd(Vector128.Create(DE5), r, Vector128.Create(DE4));
            Vector128<double> p67 = Vector128.FusedMultiplyAdd(Vector128.Create(DE7), r, Vector128.Create(DE6));
            Vector128<double> p89 = Vector128.FusedMultiplyAdd(Vector128.Create(DE9), r, Vector128.Create(DE8));
            Vector128<double> p1011 = Vector128.FusedMultiplyAdd(Vector128.Create(DE11), r, Vector128.Create(DE10));
            Vector128<double> p25 = Vector128.FusedMultiplyAdd(p45, r2, p23);
            Vector128<double> p69 = Vector128.FusedMultiplyAdd(p89, r2, p67);
            Vector128<double> p1012 = Vector128.FusedMultiplyAdd(Vector128.Create(DE12), r2, p1011);
            Vector128<double> p = Vector128.FusedMultiplyAdd(Vector128.FusedMultiplyAdd(p1012, r4, p69), r4, p25);

            // 1 + hi = s + e exactly (Fast2Sum, |hi| < 1); e, −lo and r²·P are small and summed first.
            Vector128<double> s = Vector128<double>.One + hi;
            Vector128<double> e = (Vector128<double>.One - s) + hi;
            return s + (e + Vector128.FusedMultiplyAdd(r2, p, -lo));
        }
#endif

        // The polynomial through ExpMultiplyAdd (a multiply and an add without FMA, and on .NET 8).
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> ExpReducedPortable(Vector128<double> hi, Vector128<double> lo)
        {
            Vector128<double> r = hi - lo;
            Vector128<double> r2 = r * r;
            Vector128<double> r4 = r2 * r2;
            Vector128<double> p23 = ExpMultiplyAdd(Vector128.Create(DE3), r, Vector128.Create(DE2));
            Vector128<double> p45 = ExpMultiplyAdd(Vector128.Create(DE5), r, Vector128.Create(DE4));
            Vector128<double> p67 = ExpMultiplyAdd(Vector128.Create(DE7), r, Vector128.Create(DE6));
            Vector128<double> p89 = ExpMultiplyAdd(Vector128.Create(DE9), r, Vector128.Create(DE8));
            Vector128<double> p1011 = ExpMultiplyAdd(Vector128.Create(DE11), r, Vector128.Create(DE10));
            Vector128<double> p25 = ExpMultiplyAdd(p45, r2, p23);
            Vector128<double> p69 = ExpMultiplyAdd(p89, r2, p67);
            Vector128<double> p1012 = ExpMultiplyAdd(Vector128.Create(DE12), r2, p1011);
            Vector128<double> p = ExpMultiplyAdd(ExpMultiplyAdd(p1012, r4, p69), r4, p25);

            // 1 + hi = s + e exactly (Fast2Sum, |hi| < 1); e, −lo and r²·P are small and summed first.
            Vector128<double> s = Vector128<double>.One + hi;
            Vector128<double> e = (Vector128<double>.One - s) + hi;
            return s + (e + ExpMultiplyAdd(r2, p, -lo));
        }

        /// <summary>e^x for each lane of a <see cref="Vector128{T}"/> of floats, in single precision (see the remarks on <c>Exp</c> above).</summary>
        [WidthTemplate(256, 512)]
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
            Vector128<float> r2 = r * r;
            Vector128<float> s = Vector128<float>.One + hi;
            Vector128<float> e = (Vector128<float>.One - s) + hi;
            Vector128<float> y = s + (e + ExpTail(r, r2, lo));

            // u = k + 256; 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋).
            Vector128<uint> u = t.AsUInt32() - Vector128.Create(SingleOneAndHalfTwoPow23Bits);
            Vector128<uint> half = Vector128.ShiftRightLogical(u, 1);                  // ⌊k/2⌋ + 128
            Vector128<float> scale1 = Vector128.ShiftLeft(half - Vector128<uint>.One, 23).AsSingle();
            Vector128<float> scale2 = Vector128.ShiftLeft(u - half - Vector128<uint>.One, 23).AsSingle();
            return y * scale1 * scale2;
        }
    }
}
