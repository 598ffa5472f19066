using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen
{
    /// <summary>
    /// The table-driven logarithm (no division; fused multiply-adds): double and float at 512 bits on AVX-512, double and
    /// float at 256 bits on AVX2 + FMA. The remarks describe the double version; the float ones differ only in their
    /// constants, the 256-bit ones only in how the tables are read.
    /// </summary>
    /// <remarks>
    /// <para>
    /// x = 2^k·z with z in [0.703125, 1.40625) found on the bits (the offset 0x3FE68… puts 1.0 in the middle of a
    /// subinterval). The top four mantissa bits of bits(x) − offset pick one of 16 subintervals, and with it c near the
    /// subinterval's centre: invc = 1/c and log c come from two 16-entry tables held in four registers and read with a
    /// two-table permute (<c>vpermt2pd</c>), so there is no memory gather. Then log x = k·ln 2 + log c + log1p(r) with
    /// r = z·invc − 1 exactly: ph = z·invc rounded, pl = z·invc − ph by a fused multiply-add, rh = ph − 1 exact (Sterbenz),
    /// r = rh + pl. |r| ≤ 0.0313, and log1p(r) = r + r²·Q(r) with Q of degree 7: the minimax polynomial for the error of r²Q
    /// against |r|, below 2⁻⁵⁶·⁵ (0.09 ulp of the result where c = 1, less elsewhere).
    /// </para>
    /// <para>
    /// Accuracy: for the subinterval that holds 1, c = 1 exactly (invc = 1, log c = 0), so near x = 1 the result is r + r²Q
    /// with r exact: full relative accuracy. Each other invc was chosen (by search, see <c>Math/tools/logtable.py</c>) so that
    /// log c rounds to a double with relative error below 2⁻⁶⁷. The large terms are added with two Fast2Sums
    /// (k·ln2_hi + log c, then + rh; the first operand is the larger in magnitude in both, or zero), and the small ones
    /// (the two sums' errors, k·ln2_lo, pl·(1 − rh), r²Q) are added once at the end. Measured: see docs/vector-maths.md.
    /// </para>
    /// <para>
    /// The core <see cref="LogOfPositiveNormal(Vector512{double})"/> assumes every lane is a positive normal finite
    /// double. <see cref="Log(Vector512{double})"/> tests that once per vector and otherwise takes an out-of-line path
    /// that scales subnormals and fixes the special lanes, so the hot path carries none of that work.
    /// </para>
    /// </remarks>
    internal static partial class PortableVectorMath
    {
        private const ulong TableOffsetBits = 0x3FE6800000000000UL; // 0.703125: 1.0 sits mid-subinterval 9
        private const ulong TableExponentMask = 0xFFF0000000000000UL;
        private const double TableLn2Lo = 1.90821492927058770002e-10; // ln 2 − DoubleLn2Hi

        // log1p(r) = r + r²·Q(r), Q(r) = Σ Qj r^j (Q0 ≈ −1/2), |r| ≤ 0.0313: minimax for |r|·|(log1p(r) − r)/r² − Q(r)|
        // (Lawson's iteration in mpmath, Math/tools/logtable.py q_minimax). Degree 7, not 8: one FMA and one constant fewer.
        private const double TQ0 = -0.4999999999999978;
        private const double TQ1 = 0.33333333333340326;
        private const double TQ2 = -0.2500000000338043;
        private const double TQ3 = 0.19999999947782102;
        private const double TQ4 = -0.1666665302278152;
        private const double TQ5 = 0.14285821401679083;
        private const double TQ6 = -0.12520249704266032;
        private const double TQ7 = 0.11052545513252594;

        // invc for subintervals 0–7 and 8–15; log c = −log(invc) to within 2⁻⁶⁷ relative.
        private static Vector512<double> InvCLow
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Vector512.Create(
                1.391085364061755, 1.33323409944313, 1.2799044414864618, 1.2307450611998534,
                1.1853803921763009, 1.14262214726647, 1.1035943803996948, 1.0668955218227332);
        }

        private static Vector512<double> InvCHigh
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Vector512.Create(
                1.0323662916499252, 1.0, 0.9412371952495187, 0.8887706567779942,
                0.8420502646847376, 0.7999918558771896, 0.7618527089832303, 0.7272570444104648);
        }

        private static Vector512<double> LogCLow
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Vector512.Create(
                -0.33008427990213646, -0.2876076442644196, -0.24678542005599421, -0.20761972681030175,
                -0.170063729131624, -0.1333257503397585, -0.09857247128541141, -0.06475304983345723);
        }

        private static Vector512<double> LogCHigh
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Vector512.Create(
                -0.03185353785458872, 0.0, 0.06056010394514389, 0.11791605562790416,
                0.17191556974636904, 0.2231537315195409, 0.27200203727703254, 0.31847529528665053);
        }

        /// <summary>True where every lane is a positive, normal, finite double (the table log's fast path).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool AllPositiveNormal(Vector512<double> x) =>
            (Vector512.GreaterThanOrEqual(x, Vector512.Create(DoubleSmallestNormal)) & Vector512.LessThanOrEqual(x, Vector512.Create(double.MaxValue)))
                .ExtractMostSignificantBits() == 0xFFUL;

        /// <summary>
        /// ln x for lanes that are all positive, normal and finite (<see cref="AllPositiveNormal(Vector512{double})"/>); AVX-512 only
        /// (<see cref="Avx512F.IsSupported"/>). Other lanes give meaningless values.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> LogOfPositiveNormal(Vector512<double> x)
        {
            Vector512<double> k = TableReduce(x, out Vector512<double> z, out Vector512<double> invc, out Vector512<double> logc);
            return LogOfTableReduced(k, z, invc, logc);
        }

        /// <summary>
        /// x·ln(x/y) per lane from the rounded quotient <paramref name="ratio"/> = x/y, every lane of which must be positive,
        /// normal and finite: x·log(ratio) + (x − ratio·y), the second term the quotient's rounding error (exact by a fused
        /// multiply-add) multiplied through by x, so one division serves. AVX-512 only.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<double> XLogRatioOfPositiveNormalQuotient(Vector512<double> x, Vector512<double> y, Vector512<double> ratio) =>
            Avx512F.FusedMultiplyAdd(x, LogOfPositiveNormal(ratio), Avx512F.FusedMultiplyAddNegated(ratio, y, x));

        /// <summary>x = 2^k·z with z in [0.703125, 1.40625); returns k, and the subinterval's invc and log c.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> TableReduce(Vector512<double> x, out Vector512<double> z, out Vector512<double> invc, out Vector512<double> logc)
        {
            Vector512<ulong> ix = x.AsUInt64();
            Vector512<ulong> tmp = ix - Vector512.Create(TableOffsetBits);
            Vector512<long> index = Vector512.ShiftRightLogical(tmp, 48).AsInt64(); // vpermt2pd reads the low 4 bits
            z = (ix - (tmp & Vector512.Create(TableExponentMask))).AsDouble();
            invc = Avx512F.PermuteVar8x64x2(InvCLow, index, InvCHigh);
            logc = Avx512F.PermuteVar8x64x2(LogCLow, index, LogCHigh);
            return Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(tmp.AsInt64(), 52));
        }

        /// <summary>k·ln 2 + log c + log1p(z·invc − 1), see the type's remarks.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> LogOfTableReduced(Vector512<double> k, Vector512<double> z, Vector512<double> invc, Vector512<double> logc)
        {
            Vector512<double> ph = z * invc;
            Vector512<double> pl = Avx512F.FusedMultiplySubtract(z, invc, ph);
            Vector512<double> r = ph - Vector512<double>.One;
            Vector512<double> r2 = r * r;
            Vector512<double> r4 = r2 * r2;
            Vector512<double> q01 = Avx512F.FusedMultiplyAdd(Vector512.Create(TQ1), r, Vector512.Create(TQ0));
            Vector512<double> q23 = Avx512F.FusedMultiplyAdd(Vector512.Create(TQ3), r, Vector512.Create(TQ2));
            Vector512<double> q45 = Avx512F.FusedMultiplyAdd(Vector512.Create(TQ5), r, Vector512.Create(TQ4));
            Vector512<double> q67 = Avx512F.FusedMultiplyAdd(Vector512.Create(TQ7), r, Vector512.Create(TQ6));
            Vector512<double> q03 = Avx512F.FusedMultiplyAdd(q23, r2, q01);
            Vector512<double> q47 = Avx512F.FusedMultiplyAdd(q67, r2, q45);
            Vector512<double> q = Avx512F.FusedMultiplyAdd(q47, r4, q03);

            // hi + lo1 = k·ln2_hi + log c (Fast2Sum: |k·ln2_hi| ≥ ln 2 > |log c| unless k = 0, where the sum is exact).
            Vector512<double> kHi = k * Vector512.Create(DoubleLn2Hi);
            Vector512<double> hi = kHi + logc;
            Vector512<double> lo1 = (kHi - hi) + logc;
            // s + lo2 = hi + rh (Fast2Sum: hi = 0 or |hi| ≥ 0.0318 ≥ |rh| in every subinterval but the one where c = 1).
            Vector512<double> s = hi + r;
            Vector512<double> lo2 = (hi - s) + r;
            // log1p(rh + pl) = log1p(rh) + pl·(1 − rh) + O(pl²).
            Vector512<double> small = Avx512F.FusedMultiplyAdd(k, Vector512.Create(TableLn2Lo), Avx512F.FusedMultiplyAddNegated(r, pl, pl)) + (lo1 + lo2);
            return s + Avx512F.FusedMultiplyAdd(r2, q, small);
        }

        /// <summary>ln x per lane with the table (AVX-512 only): the inlined fast path where every lane is positive, normal and finite.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> LogTable(Vector512<double> x) =>
            AllPositiveNormal(x) ? LogOfPositiveNormal(x) : LogTableSpecialLanes(x);

        /// <summary>
        /// The table log for any lanes: subnormals scaled by 2⁵² first; +∞ → +∞, ±0 → −∞, negative or NaN → NaN. Out of line:
        /// callers reach it only for a vector with such a lane.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Vector512<double> LogTableSpecialLanes(Vector512<double> x)
        {
            Vector512<double> isSmall = Vector512.LessThan(x, Vector512.Create(DoubleSmallestNormal));
            Vector512<double> xs = Vector512.ConditionalSelect(isSmall, x * Vector512.Create(DoubleTwoPow52), x);
            // Keep the non-positive and non-finite lanes inside the table's domain; they are replaced below.
            xs = Vector512.ConditionalSelect(
                Vector512.GreaterThan(xs, Vector512<double>.Zero) & Vector512.LessThanOrEqual(xs, Vector512.Create(double.MaxValue)),
                xs,
                Vector512<double>.One);
            Vector512<double> k = TableReduce(xs, out Vector512<double> z, out Vector512<double> invc, out Vector512<double> logc);
            Vector512<double> result = LogOfTableReduced(k - (isSmall & Vector512.Create(52.0)), z, invc, logc);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(double.PositiveInfinity)), x, result);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<double>.Zero), Vector512.Create(double.NegativeInfinity), result);
            return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), result, Vector512.Create(double.NaN));
        }

        // ---------------------------------------------------------------- float: the same tables in single precision

        private const uint SingleTableOffsetBits = 0x3F340000u; // 0.703125f
        private const uint SingleTableExponentMask = 0xFF800000u;
        private const float SingleTableLn2Hi = 0.693145751953125f; // 15 significant bits: k·ln2_hi exact for |k| < 512
        private const float SingleTableLn2Lo = 1.4286068e-06f;     // ln 2 − SingleTableLn2Hi

        // log1p(r) = r + r²·(FQ0 + FQ1 r + FQ2 r² + FQ3 r³), |r| ≤ 0.0313 (Math/tools/logtable.py, single_table and q_coefficients(3)).
        private const float FQ0 = -0.49999997f;
        private const float FQ1 = 0.3333336f;
        private const float FQ2 = -0.25015247f;
        private const float FQ3 = 0.19947135f;

        // invc and log c = −log(invc) (to within 2⁻³⁵ relative) for the 16 subintervals, one register each.
        private static Vector512<float> SingleInvC
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Vector512.Create(
                1.3903681f, 1.3325675f, 1.2802093f, 1.2309699f, 1.1851193f, 1.1425735f, 1.1027496f, 1.0664537f,
                1.0314573f, 1f, 0.94131714f, 0.88936883f, 0.8424456f, 0.8001206f, 0.76199967f, 0.7273897f);
        }

        private static Vector512<float> SingleLogC
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Vector512.Create(
                -0.32956854f, -0.2871075f, -0.24702358f, -0.2078024f, -0.16984342f, -0.13328315f, -0.097806685f, -0.06433884f,
                -0.030972661f, 0f, 0.06047517f, 0.117243245f, 0.17144617f, 0.22299282f, 0.27180916f, 0.31829292f);
        }

        /// <summary>True where every lane is a positive, normal, finite float (the table log's fast path).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool AllPositiveNormal(Vector512<float> x) =>
            (Vector512.GreaterThanOrEqual(x, Vector512.Create(SingleSmallestNormal)) & Vector512.LessThanOrEqual(x, Vector512.Create(float.MaxValue)))
                .ExtractMostSignificantBits() == 0xFFFFUL;

        /// <summary>ln x for lanes that are all positive, normal and finite floats; AVX-512 only. Other lanes give meaningless values.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> LogOfPositiveNormal(Vector512<float> x)
        {
            Vector512<float> k = TableReduce(x, out Vector512<float> z, out Vector512<float> invc, out Vector512<float> logc);
            return LogOfTableReduced(k, z, invc, logc);
        }

        /// <summary>
        /// x·ln(x/y) per lane from the rounded quotient <paramref name="ratio"/> = x/y, every lane of which must be positive,
        /// normal and finite: x·log(ratio) + (x − ratio·y), the second term the quotient's rounding error (exact by a fused
        /// multiply-add) multiplied through by x, so one division serves. AVX-512 only.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> XLogRatioOfPositiveNormalQuotient(Vector512<float> x, Vector512<float> y, Vector512<float> ratio) =>
            Avx512F.FusedMultiplyAdd(x, LogOfPositiveNormal(ratio), Avx512F.FusedMultiplyAddNegated(ratio, y, x));

        /// <summary>x = 2^k·z with z in [0.703125, 1.40625); returns k, and the subinterval's invc and log c (<c>vpermps</c>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> TableReduce(Vector512<float> x, out Vector512<float> z, out Vector512<float> invc, out Vector512<float> logc)
        {
            Vector512<uint> ix = x.AsUInt32();
            Vector512<uint> tmp = ix - Vector512.Create(SingleTableOffsetBits);
            Vector512<uint> index = Vector512.ShiftRightLogical(tmp, 19); // vpermps reads the low 4 bits
            z = (ix - (tmp & Vector512.Create(SingleTableExponentMask))).AsSingle();
            invc = Avx512F.PermuteVar16x32(SingleInvC, index.AsInt32());
            logc = Avx512F.PermuteVar16x32(SingleLogC, index.AsInt32());
            return Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(tmp.AsInt32(), 23));
        }

        /// <summary>k·ln 2 + log c + log1p(z·invc − 1) in single precision, as the double version.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> LogOfTableReduced(Vector512<float> k, Vector512<float> z, Vector512<float> invc, Vector512<float> logc)
        {
            Vector512<float> ph = z * invc;
            Vector512<float> pl = Avx512F.FusedMultiplySubtract(z, invc, ph);
            Vector512<float> r = ph - Vector512<float>.One;
            Vector512<float> r2 = r * r;
            Vector512<float> q = Avx512F.FusedMultiplyAdd(
                Avx512F.FusedMultiplyAdd(Vector512.Create(FQ3), r, Vector512.Create(FQ2)),
                r2,
                Avx512F.FusedMultiplyAdd(Vector512.Create(FQ1), r, Vector512.Create(FQ0)));
            Vector512<float> kHi = k * Vector512.Create(SingleTableLn2Hi);
            Vector512<float> hi = kHi + logc;
            Vector512<float> lo1 = (kHi - hi) + logc;
            Vector512<float> s = hi + r;
            Vector512<float> lo2 = (hi - s) + r;
            Vector512<float> small = Avx512F.FusedMultiplyAdd(k, Vector512.Create(SingleTableLn2Lo), Avx512F.FusedMultiplyAddNegated(r, pl, pl)) + (lo1 + lo2);
            return s + Avx512F.FusedMultiplyAdd(r2, q, small);
        }

        /// <summary>ln x per lane with the float table (AVX-512 only): inlined fast path where every lane is positive, normal and finite.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<float> LogTable(Vector512<float> x) =>
            AllPositiveNormal(x) ? LogOfPositiveNormal(x) : LogTableSpecialLanes(x);

        /// <summary>The float table log for any lanes (subnormals scaled by 2²³; special lanes as <see cref="Log(Vector512{float})"/>). Out of line.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Vector512<float> LogTableSpecialLanes(Vector512<float> x)
        {
            Vector512<float> isSmall = Vector512.LessThan(x, Vector512.Create(SingleSmallestNormal));
            Vector512<float> xs = Vector512.ConditionalSelect(isSmall, x * Vector512.Create(SingleTwoPow23), x);
            xs = Vector512.ConditionalSelect(
                Vector512.GreaterThan(xs, Vector512<float>.Zero) & Vector512.LessThanOrEqual(xs, Vector512.Create(float.MaxValue)),
                xs,
                Vector512<float>.One);
            Vector512<float> k = TableReduce(xs, out Vector512<float> z, out Vector512<float> invc, out Vector512<float> logc);
            Vector512<float> result = LogOfTableReduced(k - (isSmall & Vector512.Create(23f)), z, invc, logc);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(float.PositiveInfinity)), x, result);
            result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<float>.Zero), Vector512.Create(float.NegativeInfinity), result);
            return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), result, Vector512.Create(float.NaN));
        }

        // ---------------------------------------------------------------- float on AVX2: the same tables, 256 bits

        // The 16 entries as two 8-float registers each: vpermps reads the low 3 bits, bit 3 chooses the register.
        private static Vector256<float> SingleInvCLow
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => SingleInvC.GetLower();
        }

        private static Vector256<float> SingleInvCHigh
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => SingleInvC.GetUpper();
        }

        private static Vector256<float> SingleLogCLow
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => SingleLogC.GetLower();
        }

        private static Vector256<float> SingleLogCHigh
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => SingleLogC.GetUpper();
        }

        /// <summary>True where every lane is a positive, normal, finite float (the 256-bit table log's fast path).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool AllPositiveNormal(Vector256<float> x) =>
            (Vector256.GreaterThanOrEqual(x, Vector256.Create(SingleSmallestNormal)) & Vector256.LessThanOrEqual(x, Vector256.Create(float.MaxValue)))
                .ExtractMostSignificantBits() == 0xFFu;

        /// <summary>
        /// ln x for lanes that are all positive, normal and finite floats; AVX2 and FMA only (<see cref="Avx2.IsSupported"/>,
        /// <see cref="Fma.IsSupported"/>). Other lanes give meaningless values.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<float> LogOfPositiveNormal(Vector256<float> x)
        {
            Vector256<float> k = TableReduce(x, out Vector256<float> z, out Vector256<float> invc, out Vector256<float> logc);
            return LogOfTableReduced(k, z, invc, logc);
        }

        /// <summary>
        /// x·ln(x/y) per lane from the rounded quotient <paramref name="ratio"/> = x/y, every lane of which must be positive,
        /// normal and finite: x·log(ratio) + (x − ratio·y), the second term the quotient's rounding error (exact by a fused
        /// multiply-add) multiplied through by x, so one division serves. AVX2 + FMA (or AVX-512VL) only, as the log.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<float> XLogRatioOfPositiveNormalQuotient(Vector256<float> x, Vector256<float> y, Vector256<float> ratio) =>
            Fma.MultiplyAdd(x, LogOfPositiveNormal(ratio), Fma.MultiplyAddNegated(ratio, y, x));

        /// <summary>
        /// x = 2^k·z as the 512-bit version; the 16-entry lookups are two <c>vpermps</c> and a blend on bit 3, or where the
        /// CPU has AVX-512VL (an AVX-512 CPU on which .NET does not accelerate Vector512) one two-table <c>vpermt2ps</c>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> TableReduce(Vector256<float> x, out Vector256<float> z, out Vector256<float> invc, out Vector256<float> logc)
        {
            Vector256<uint> ix = x.AsUInt32();
            Vector256<uint> tmp = ix - Vector256.Create(SingleTableOffsetBits);
            Vector256<int> index = Vector256.ShiftRightLogical(tmp, 19).AsInt32();
            z = (ix - (tmp & Vector256.Create(SingleTableExponentMask))).AsSingle();
            if (Avx512F.VL.IsSupported)
            {
                // vpermt2ps reads the low 4 bits of the index: bits 0–2 the entry, bit 3 the register.
                invc = Avx512F.VL.PermuteVar8x32x2(SingleInvCLow, index, SingleInvCHigh);
                logc = Avx512F.VL.PermuteVar8x32x2(SingleLogCLow, index, SingleLogCHigh);
            }
            else
            {
                Vector256<float> upper = Vector256.ShiftLeft(index, 28).AsSingle(); // sign bit = bit 3 of the index
                invc = Avx.BlendVariable(Avx2.PermuteVar8x32(SingleInvCLow, index), Avx2.PermuteVar8x32(SingleInvCHigh, index), upper);
                logc = Avx.BlendVariable(Avx2.PermuteVar8x32(SingleLogCLow, index), Avx2.PermuteVar8x32(SingleLogCHigh, index), upper);
            }

            return Vector256.ConvertToSingle(Vector256.ShiftRightArithmetic(tmp.AsInt32(), 23));
        }

        /// <summary>k·ln 2 + log c + log1p(z·invc − 1) in single precision, as the 512-bit version.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> LogOfTableReduced(Vector256<float> k, Vector256<float> z, Vector256<float> invc, Vector256<float> logc)
        {
            Vector256<float> ph = z * invc;
            Vector256<float> pl = Fma.MultiplySubtract(z, invc, ph);
            Vector256<float> r = ph - Vector256<float>.One;
            Vector256<float> r2 = r * r;
            Vector256<float> q = Fma.MultiplyAdd(
                Fma.MultiplyAdd(Vector256.Create(FQ3), r, Vector256.Create(FQ2)),
                r2,
                Fma.MultiplyAdd(Vector256.Create(FQ1), r, Vector256.Create(FQ0)));
            Vector256<float> kHi = k * Vector256.Create(SingleTableLn2Hi);
            Vector256<float> hi = kHi + logc;
            Vector256<float> lo1 = (kHi - hi) + logc;
            Vector256<float> s = hi + r;
            Vector256<float> lo2 = (hi - s) + r;
            Vector256<float> small = Fma.MultiplyAdd(k, Vector256.Create(SingleTableLn2Lo), Fma.MultiplyAddNegated(r, pl, pl)) + (lo1 + lo2);
            return s + Fma.MultiplyAdd(r2, q, small);
        }

        /// <summary>ln x per lane with the float table on AVX2 + FMA: inlined fast path where every lane is positive, normal and finite.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<float> LogTable(Vector256<float> x) =>
            AllPositiveNormal(x) ? LogOfPositiveNormal(x) : LogTableSpecialLanes(x);

        /// <summary>The 256-bit float table log for any lanes (subnormals scaled by 2²³; special lanes as fdlibm's). Out of line.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Vector256<float> LogTableSpecialLanes(Vector256<float> x)
        {
            Vector256<float> isSmall = Vector256.LessThan(x, Vector256.Create(SingleSmallestNormal));
            Vector256<float> xs = Vector256.ConditionalSelect(isSmall, x * Vector256.Create(SingleTwoPow23), x);
            xs = Vector256.ConditionalSelect(
                Vector256.GreaterThan(xs, Vector256<float>.Zero) & Vector256.LessThanOrEqual(xs, Vector256.Create(float.MaxValue)),
                xs,
                Vector256<float>.One);
            Vector256<float> k = TableReduce(xs, out Vector256<float> z, out Vector256<float> invc, out Vector256<float> logc);
            Vector256<float> result = LogOfTableReduced(k - (isSmall & Vector256.Create(23f)), z, invc, logc);
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(float.PositiveInfinity)), x, result);
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<float>.Zero), Vector256.Create(float.NegativeInfinity), result);
            return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), result, Vector256.Create(float.NaN));
        }

        // ---------------------------------------------------------------- double on AVX2: the same tables, 256 bits

        // The 16 entries as four 4-double registers each (entries 0–3, 4–7, 8–11, 12–15).
        private static Vector256<double> InvC0
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => InvCLow.GetLower();
        }

        private static Vector256<double> InvC1
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => InvCLow.GetUpper();
        }

        private static Vector256<double> InvC2
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => InvCHigh.GetLower();
        }

        private static Vector256<double> InvC3
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => InvCHigh.GetUpper();
        }

        private static Vector256<double> LogC0
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => LogCLow.GetLower();
        }

        private static Vector256<double> LogC1
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => LogCLow.GetUpper();
        }

        private static Vector256<double> LogC2
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => LogCHigh.GetLower();
        }

        private static Vector256<double> LogC3
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => LogCHigh.GetUpper();
        }

        /// <summary>True where every lane is a positive, normal, finite double (the 256-bit table log's fast path).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool AllPositiveNormal(Vector256<double> x) =>
            (Vector256.GreaterThanOrEqual(x, Vector256.Create(DoubleSmallestNormal)) & Vector256.LessThanOrEqual(x, Vector256.Create(double.MaxValue)))
                .ExtractMostSignificantBits() == 0xFu;

        /// <summary>
        /// ln x for lanes that are all positive, normal and finite doubles; AVX2 and FMA only (<see cref="Avx2.IsSupported"/>,
        /// <see cref="Fma.IsSupported"/>). The same operations as the 512-bit version, so the same results. Other lanes give
        /// meaningless values.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> LogOfPositiveNormal(Vector256<double> x)
        {
            Vector256<double> k = TableReduce(x, out Vector256<double> z, out Vector256<double> invc, out Vector256<double> logc);
            return LogOfTableReduced(k, z, invc, logc);
        }

        /// <summary>
        /// x·ln(x/y) per lane from the rounded quotient <paramref name="ratio"/> = x/y, every lane of which must be positive,
        /// normal and finite: x·log(ratio) + (x − ratio·y), the second term the quotient's rounding error (exact by a fused
        /// multiply-add) multiplied through by x, so one division serves. AVX2 + FMA (or AVX-512VL) only, as the log.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector256<double> XLogRatioOfPositiveNormalQuotient(Vector256<double> x, Vector256<double> y, Vector256<double> ratio) =>
            Fma.MultiplyAdd(x, LogOfPositiveNormal(ratio), Fma.MultiplyAddNegated(ratio, y, x));

        /// <summary>
        /// x = 2^k·z as the 512-bit version. AVX2 has no permute of doubles by a variable index, so each 16-entry lookup is
        /// four <c>vpermps</c> (each moves the two 32-bit halves of entry i mod 4 of one register into every lane) and three
        /// blends on bits 2 and 3 of i; and no int64 → double conversion, so k is read off 2⁵² + k + 2048 as a double.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> TableReduce(Vector256<double> x, out Vector256<double> z, out Vector256<double> invc, out Vector256<double> logc)
        {
            Vector256<ulong> ix = x.AsUInt64();
            Vector256<ulong> tmp = ix - Vector256.Create(TableOffsetBits);
            if (Avx512F.VL.IsSupported && Avx512DQ.VL.IsSupported)
            {
                return TableReduceVL(ix, tmp, out z, out invc, out logc);
            }

            // i = bits 48–51 of tmp. vpermps indices 2·(i mod 4) and 2·(i mod 4) + 1 in each lane's low and high halves.
            Vector256<ulong> twice = Vector256.ShiftRightLogical(tmp, 47) & Vector256.Create(6UL);
            Vector256<int> halves = (twice | Vector256.ShiftLeft(twice, 32) | Vector256.Create(1UL << 32)).AsInt32();
            Vector256<double> bit2 = Vector256.ShiftLeft(tmp, 13).AsDouble(); // sign bit: bit 2 of i
            Vector256<double> bit3 = Vector256.ShiftLeft(tmp, 12).AsDouble(); // sign bit: bit 3 of i
            z = (ix - (tmp & Vector256.Create(TableExponentMask))).AsDouble();
            invc = Lookup16(halves, bit2, bit3, InvC0, InvC1, InvC2, InvC3);
            logc = Lookup16(halves, bit2, bit3, LogC0, LogC1, LogC2, LogC3);
            // k = the arithmetic shift tmp >> 52 (|k| ≤ 1075): tmp + 2⁶³ shifted logically is k + 2048, placed under 2⁵²'s
            // exponent and read as the double 2⁵² + k + 2048, exactly.
            Vector256<ulong> biased = Vector256.ShiftRightLogical(tmp + Vector256.Create(1UL << 63), 52);
            return (biased | Vector256.Create(DoubleTwoPow52Bits)).AsDouble() - Vector256.Create(DoubleTwoPow52 + 2048.0);
        }

        /// <summary>
        /// <see cref="TableReduce(Vector256{double}, out Vector256{double}, out Vector256{double}, out Vector256{double})"/> on a
        /// CPU with AVX-512VL and DQ whose Vector512 .NET does not accelerate (Skylake-SP and Cascade Lake servers; here
        /// <c>DOTNET_PreferredVectorBitWidth=256</c>): each lookup is two two-table <c>vpermt2pd</c> (entries 0–7 and 8–15,
        /// bits 0–2 of the index) and a blend on bit 3, and k is one <c>vpsraq</c> and one <c>vcvtqq2pd</c>. The same values.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> TableReduceVL(Vector256<ulong> ix, Vector256<ulong> tmp, out Vector256<double> z, out Vector256<double> invc, out Vector256<double> logc)
        {
            Vector256<long> index = Vector256.ShiftRightLogical(tmp, 48).AsInt64();
            Vector256<double> bit3 = Vector256.ShiftLeft(tmp, 12).AsDouble(); // sign bit: bit 3 of i
            z = (ix - (tmp & Vector256.Create(TableExponentMask))).AsDouble();
            invc = Avx.BlendVariable(Avx512F.VL.PermuteVar4x64x2(InvC0, index, InvC1), Avx512F.VL.PermuteVar4x64x2(InvC2, index, InvC3), bit3);
            logc = Avx.BlendVariable(Avx512F.VL.PermuteVar4x64x2(LogC0, index, LogC1), Avx512F.VL.PermuteVar4x64x2(LogC2, index, LogC3), bit3);
            return Avx512DQ.VL.ConvertToVector256Double(Avx512F.VL.ShiftRightArithmetic(tmp.AsInt64(), 52));
        }

        /// <summary>Entry i of a 16-entry table in four registers (see <see cref="TableReduce(Vector256{double}, out Vector256{double}, out Vector256{double}, out Vector256{double})"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> Lookup16(
            Vector256<int> halves, Vector256<double> bit2, Vector256<double> bit3, Vector256<double> t0, Vector256<double> t1, Vector256<double> t2, Vector256<double> t3)
        {
            Vector256<double> low = Avx.BlendVariable(
                Avx2.PermuteVar8x32(t0.AsSingle(), halves).AsDouble(), Avx2.PermuteVar8x32(t1.AsSingle(), halves).AsDouble(), bit2);
            Vector256<double> high = Avx.BlendVariable(
                Avx2.PermuteVar8x32(t2.AsSingle(), halves).AsDouble(), Avx2.PermuteVar8x32(t3.AsSingle(), halves).AsDouble(), bit2);
            return Avx.BlendVariable(low, high, bit3);
        }

        /// <summary>k·ln 2 + log c + log1p(z·invc − 1), the 512-bit version's operations at 256 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> LogOfTableReduced(Vector256<double> k, Vector256<double> z, Vector256<double> invc, Vector256<double> logc)
        {
            Vector256<double> ph = z * invc;
            Vector256<double> pl = Fma.MultiplySubtract(z, invc, ph);
            Vector256<double> r = ph - Vector256<double>.One;
            Vector256<double> r2 = r * r;
            Vector256<double> r4 = r2 * r2;
            Vector256<double> q01 = Fma.MultiplyAdd(Vector256.Create(TQ1), r, Vector256.Create(TQ0));
            Vector256<double> q23 = Fma.MultiplyAdd(Vector256.Create(TQ3), r, Vector256.Create(TQ2));
            Vector256<double> q45 = Fma.MultiplyAdd(Vector256.Create(TQ5), r, Vector256.Create(TQ4));
            Vector256<double> q67 = Fma.MultiplyAdd(Vector256.Create(TQ7), r, Vector256.Create(TQ6));
            Vector256<double> q03 = Fma.MultiplyAdd(q23, r2, q01);
            Vector256<double> q47 = Fma.MultiplyAdd(q67, r2, q45);
            Vector256<double> q = Fma.MultiplyAdd(q47, r4, q03);
            Vector256<double> kHi = k * Vector256.Create(DoubleLn2Hi);
            Vector256<double> hi = kHi + logc;
            Vector256<double> lo1 = (kHi - hi) + logc;
            Vector256<double> s = hi + r;
            Vector256<double> lo2 = (hi - s) + r;
            Vector256<double> small = Fma.MultiplyAdd(k, Vector256.Create(TableLn2Lo), Fma.MultiplyAddNegated(r, pl, pl)) + (lo1 + lo2);
            return s + Fma.MultiplyAdd(r2, q, small);
        }

        /// <summary>ln x per lane with the double table on AVX2 + FMA: inlined fast path where every lane is positive, normal and finite.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> LogTable(Vector256<double> x) =>
            AllPositiveNormal(x) ? LogOfPositiveNormal(x) : LogTableSpecialLanes(x);

        /// <summary>The 256-bit double table log for any lanes (subnormals scaled by 2⁵²; special lanes as the 512-bit one). Out of line.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Vector256<double> LogTableSpecialLanes(Vector256<double> x)
        {
            Vector256<double> isSmall = Vector256.LessThan(x, Vector256.Create(DoubleSmallestNormal));
            Vector256<double> xs = Vector256.ConditionalSelect(isSmall, x * Vector256.Create(DoubleTwoPow52), x);
            xs = Vector256.ConditionalSelect(
                Vector256.GreaterThan(xs, Vector256<double>.Zero) & Vector256.LessThanOrEqual(xs, Vector256.Create(double.MaxValue)),
                xs,
                Vector256<double>.One);
            Vector256<double> k = TableReduce(xs, out Vector256<double> z, out Vector256<double> invc, out Vector256<double> logc);
            Vector256<double> result = LogOfTableReduced(k - (isSmall & Vector256.Create(52.0)), z, invc, logc);
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(double.PositiveInfinity)), x, result);
            result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), Vector256.Create(double.NegativeInfinity), result);
            return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), result, Vector256.Create(double.NaN));
        }
    }
}
