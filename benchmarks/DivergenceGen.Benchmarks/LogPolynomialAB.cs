using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// `-- logpoly-ab` (issue 12): the table log's polynomial Q of log1p(r) = r + r²·Q(r) at degree 8 (until 2026-12-07)
/// against degree 7 (today's, one fused multiply-add and one constant fewer), in a KL and an entropy loop of the generated
/// kernels' shape (Vector512, double, one accumulator, the input check and the probability floor in the loop),
/// interleaved in one process (<see cref="Interleaved"/>). The log is a copy of <c>PortableVectorMath.LogOfPositiveNormal</c>
/// (the runtime's is internal) with both coefficient sets. Needs AVX-512 (Vector512 accelerated).
/// </summary>
public static class LogPolynomialAB
{
    public static int Run()
    {
        Console.WriteLine($"Vector512 {Vector512.IsHardwareAccelerated}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        if (!Vector512.IsHardwareAccelerated || !Avx512F.IsSupported)
        {
            Console.WriteLine("Vector512 is not accelerated here: nothing to measure.");
            return 0;
        }

        Console.WriteLine("| kernel | degree 8 (median ns/call) | degree 7 | ratio 7/8 (median) | ratio IQR |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (int n in new[] { 256, 4096 })
        {
            double[] p = Inputs.ProbabilityVector<double>(n, 1000 + n), q = Inputs.ProbabilityVector<double>(n, 2000 + n);
            double a = LogPolynomialKernels.KL<Degree8>(p, q), b = LogPolynomialKernels.KL<Degree7>(p, q);
            if (Math.Abs(a - b) > 1e-14 * Math.Abs(a))
            {
                throw new InvalidOperationException($"KL K={n}: {a} against {b}");
            }

            int calls = n == 256 ? 2000 : 200;
            Interleaved.Compare($"KL K={n}", calls, () => LogPolynomialKernels.KL<Degree8>(p, q), () => LogPolynomialKernels.KL<Degree7>(p, q));
            Interleaved.Compare($"Entropy K={n}", calls, () => LogPolynomialKernels.Entropy<Degree8>(p), () => LogPolynomialKernels.Entropy<Degree7>(p));
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}

/// <summary>Selects the degree-8 coefficient set of <see cref="LogPolynomialKernels"/>.</summary>
internal struct Degree8;

/// <summary>Selects the degree-7 coefficient set of <see cref="LogPolynomialKernels"/>.</summary>
internal struct Degree7;

/// <summary>The loops of <see cref="LogPolynomialAB"/> and the table log with either polynomial.</summary>
internal static class LogPolynomialKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static double KL<TDegree>(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        ref double pRef = ref MemoryMarshal.GetReference(p); ref double qRef = ref MemoryMarshal.GetReference(q);
        var sum = Vector512<double>.Zero; var seen = Vector512<ulong>.Zero; var floor = Vector512.Create(double.PositiveInfinity);
        for (int k = 0; k < p.Length; k += 8)
        {
            var x = Vector512.LoadUnsafe(ref pRef, (nuint)k); var y = Vector512.LoadUnsafe(ref qRef, (nuint)k);
            seen = Vector512.Max(Vector512.Max(seen, x.AsUInt64()), y.AsUInt64());
            floor = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<double>.Zero), Vector512.Min(floor, x), floor);
            var ratio = x / y;
            sum += Avx512F.FusedMultiplyAdd(x, Log<TDegree>(ratio), Avx512F.FusedMultiplyAddNegated(ratio, y, x));
        }

        return Vector512.GreaterThanAny(seen, Vector512.Create(1.0).AsUInt64()) || Vector512.LessThanAny(floor, Vector512.Create(BitConverter.Int64BitsToDouble(0x07B0000000000000))) // floor 2⁻⁹⁰⁰
            ? double.NaN
            : Vector512.Sum(sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static double Entropy<TDegree>(ReadOnlySpan<double> p)
    {
        ref double pRef = ref MemoryMarshal.GetReference(p);
        var sum = Vector512<double>.Zero; var seen = Vector512<ulong>.Zero; var floor = Vector512.Create(double.PositiveInfinity);
        for (int k = 0; k < p.Length; k += 8)
        {
            var x = Vector512.LoadUnsafe(ref pRef, (nuint)k);
            seen = Vector512.Max(seen, x.AsUInt64());
            floor = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<double>.Zero), Vector512.Min(floor, x), floor);
            sum = Avx512F.FusedMultiplyAdd(x, Log<TDegree>(x), sum);
        }

        return Vector512.GreaterThanAny(seen, Vector512.Create(1.0).AsUInt64()) || Vector512.LessThanAny(floor, Vector512.Create(2.2250738585072014E-308))
            ? double.NaN
            : -Vector512.Sum(sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Log<TDegree>(Vector512<double> x)
    {
        Vector512<ulong> ix = x.AsUInt64();
        Vector512<ulong> tmp = ix - Vector512.Create(0x3FE6800000000000UL);
        Vector512<long> index = Vector512.ShiftRightLogical(tmp, 48).AsInt64();
        var z = (ix - (tmp & Vector512.Create(0xFFF0000000000000UL))).AsDouble();
        var invc = Avx512F.PermuteVar8x64x2(
            Vector512.Create(1.391085364061755, 1.33323409944313, 1.2799044414864618, 1.2307450611998534,
                1.1853803921763009, 1.14262214726647, 1.1035943803996948, 1.0668955218227332),
            index,
            Vector512.Create(1.0323662916499252, 1.0, 0.9412371952495187, 0.8887706567779942,
                0.8420502646847376, 0.7999918558771896, 0.7618527089832303, 0.7272570444104648));
        var logc = Avx512F.PermuteVar8x64x2(
            Vector512.Create(-0.33008427990213646, -0.2876076442644196, -0.24678542005599421, -0.20761972681030175,
                -0.170063729131624, -0.1333257503397585, -0.09857247128541141, -0.06475304983345723),
            index,
            Vector512.Create(-0.03185353785458872, 0.0, 0.06056010394514389, 0.11791605562790416,
                0.17191556974636904, 0.2231537315195409, 0.27200203727703254, 0.31847529528665053));
        var k = Vector512.ConvertToDouble(Vector512.ShiftRightArithmetic(tmp.AsInt64(), 52));
        var ph = z * invc;
        var pl = Avx512F.FusedMultiplySubtract(z, invc, ph);
        var r = ph - Vector512<double>.One;
        var r2 = r * r;
        var r4 = r2 * r2;
        Vector512<double> poly;
        if (typeof(TDegree) == typeof(Degree8))
        {
            var q01 = Avx512F.FusedMultiplyAdd(Vector512.Create(0.33333333333333115), r, Vector512.Create(-0.5));
            var q23 = Avx512F.FusedMultiplyAdd(Vector512.Create(0.2000000000319473), r, Vector512.Create(-0.250000000000089));
            var q45 = Avx512F.FusedMultiplyAdd(Vector512.Create(0.14285701667437584), r, Vector512.Create(-0.16666666610111086));
            var q67 = Avx512F.FusedMultiplyAdd(Vector512.Create(0.11129635356992941), r, Vector512.Create(-0.1250010959385181));
            var q48 = Avx512F.FusedMultiplyAdd(Vector512.Create(-0.09941338857781927), r4, Avx512F.FusedMultiplyAdd(q67, r2, q45));
            poly = Avx512F.FusedMultiplyAdd(q48, r4, Avx512F.FusedMultiplyAdd(q23, r2, q01));
        }
        else
        {
            var q01 = Avx512F.FusedMultiplyAdd(Vector512.Create(0.33333333333340326), r, Vector512.Create(-0.4999999999999978));
            var q23 = Avx512F.FusedMultiplyAdd(Vector512.Create(0.19999999947782102), r, Vector512.Create(-0.2500000000338043));
            var q45 = Avx512F.FusedMultiplyAdd(Vector512.Create(0.14285821401679083), r, Vector512.Create(-0.1666665302278152));
            var q67 = Avx512F.FusedMultiplyAdd(Vector512.Create(0.11052545513252594), r, Vector512.Create(-0.12520249704266032));
            poly = Avx512F.FusedMultiplyAdd(Avx512F.FusedMultiplyAdd(q67, r2, q45), r4, Avx512F.FusedMultiplyAdd(q23, r2, q01));
        }

        var kHi = k * Vector512.Create(6.93147180369123816490e-01);
        var hi = kHi + logc;
        var lo1 = (kHi - hi) + logc;
        var s = hi + r;
        var lo2 = (hi - s) + r;
        var small = Avx512F.FusedMultiplyAdd(k, Vector512.Create(1.90821492927058770002e-10), Avx512F.FusedMultiplyAddNegated(r, pl, pl)) + (lo1 + lo2);
        return s + Avx512F.FusedMultiplyAdd(r2, poly, small);
    }
}
