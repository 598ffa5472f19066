using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// `-- accumulators-ab` (issue 12, "the loop shape"): the generated raw-vector KL and entropy loops (Vector512, double, as
/// the scheduler writes them for K above the unroll threshold: one accumulator; their first pass, FastPass, with no call in
/// the loop) against the same loop unrolled by two with two independent accumulators, interleaved in one process
/// (<see cref="Interleaved"/>). The kernels are NoInlining and
/// AggressiveOptimization, as a generated kernel is compiled. Needs AVX-512 (Vector512 accelerated).
/// </summary>
public static class AccumulatorAB
{
    public static int Run()
    {
        Console.WriteLine($"Vector512 {Vector512.IsHardwareAccelerated}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        if (!Vector512.IsHardwareAccelerated)
        {
            Console.WriteLine("Vector512 is not accelerated here: nothing to measure.");
            return 0;
        }

        Console.WriteLine("| kernel | 1 accumulator (median ns/call) | 2 accumulators | ratio 2/1 (median) | ratio IQR |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (int n in new[] { 256, 4096 })
        {
            double[] p = Inputs.ProbabilityVector<double>(n, 1000 + n), q = Inputs.ProbabilityVector<double>(n, 2000 + n);
            if (AccumulatorKernels.KL1(p, q) is var a && AccumulatorKernels.KL2(p, q) is var b && Math.Abs(a - b) > 1e-12 * Math.Abs(a))
            {
                throw new InvalidOperationException($"KL K={n}: {a} against {b}");
            }

            int calls = n == 256 ? 2000 : 200;
            Interleaved.Compare($"KL K={n}", calls, () => AccumulatorKernels.KL1(p, q), () => AccumulatorKernels.KL2(p, q));
            Interleaved.Compare($"Entropy K={n}", calls, () => AccumulatorKernels.H1(p), () => AccumulatorKernels.H2(p));
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}

/// <summary>The two loop shapes of <see cref="AccumulatorAB"/>: the generated one (1) and two accumulators (2).</summary>
internal static class AccumulatorKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static double KL1(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        ref double pRef = ref MemoryMarshal.GetReference(p); ref double qRef = ref MemoryMarshal.GetReference(q);
        var sumAcc = Vector512<double>.Zero; var seenAcc = Vector512<ulong>.Zero; int n = p.Length;
        for (int k = 0; k < n; k += 8)
        {
            var pk = Vector512.LoadUnsafe(ref pRef, (nuint)k); var qk = Vector512.LoadUnsafe(ref qRef, (nuint)k);
            seenAcc = ProbabilityLanes.Max(ProbabilityLanes.Max(seenAcc, pk), qk);
            sumAcc += VectorMath.XLogRatio<FastPass>(pk, qk);
        }
        return Vector512.Sum(sumAcc) + (ProbabilityLanes.AllProbabilities(seenAcc) ? 0 : 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static double KL2(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        ref double pRef = ref MemoryMarshal.GetReference(p); ref double qRef = ref MemoryMarshal.GetReference(q);
        var a0 = Vector512<double>.Zero; var a1 = Vector512<double>.Zero; var seenAcc = Vector512<ulong>.Zero; int n = p.Length;
        for (int k = 0; k < n; k += 16)
        {
            var pk = Vector512.LoadUnsafe(ref pRef, (nuint)k); var qk = Vector512.LoadUnsafe(ref qRef, (nuint)k);
            var pk8 = Vector512.LoadUnsafe(ref pRef, (nuint)(k + 8)); var qk8 = Vector512.LoadUnsafe(ref qRef, (nuint)(k + 8));
            seenAcc = ProbabilityLanes.Max(ProbabilityLanes.Max(ProbabilityLanes.Max(ProbabilityLanes.Max(seenAcc, pk), qk), pk8), qk8);
            a0 += VectorMath.XLogRatio<FastPass>(pk, qk);
            a1 += VectorMath.XLogRatio<FastPass>(pk8, qk8);
        }
        return Vector512.Sum(a0 + a1) + (ProbabilityLanes.AllProbabilities(seenAcc) ? 0 : 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static double H1(ReadOnlySpan<double> p)
    {
        ref double pRef = ref MemoryMarshal.GetReference(p);
        var sumAcc = Vector512<double>.Zero; var seenAcc = Vector512<ulong>.Zero; int n = p.Length;
        for (int k = 0; k < n; k += 8)
        {
            var pk = Vector512.LoadUnsafe(ref pRef, (nuint)k);
            seenAcc = ProbabilityLanes.Max(seenAcc, pk);
            sumAcc += Vector512.ConditionalSelect(Vector512.GreaterThan(pk, Vector512<double>.Zero), pk * VectorMath.Log<FastPass>(pk), Vector512<double>.Zero);
        }
        return Vector512.Sum(sumAcc) + (ProbabilityLanes.AllProbabilities(seenAcc) ? 0 : 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static double H2(ReadOnlySpan<double> p)
    {
        ref double pRef = ref MemoryMarshal.GetReference(p);
        var a0 = Vector512<double>.Zero; var a1 = Vector512<double>.Zero; var seenAcc = Vector512<ulong>.Zero; int n = p.Length;
        for (int k = 0; k < n; k += 16)
        {
            var pk = Vector512.LoadUnsafe(ref pRef, (nuint)k); var pk8 = Vector512.LoadUnsafe(ref pRef, (nuint)(k + 8));
            seenAcc = ProbabilityLanes.Max(ProbabilityLanes.Max(seenAcc, pk), pk8);
            a0 += Vector512.ConditionalSelect(Vector512.GreaterThan(pk, Vector512<double>.Zero), pk * VectorMath.Log<FastPass>(pk), Vector512<double>.Zero);
            a1 += Vector512.ConditionalSelect(Vector512.GreaterThan(pk8, Vector512<double>.Zero), pk8 * VectorMath.Log<FastPass>(pk8), Vector512<double>.Zero);
        }
        return Vector512.Sum(a0 + a1) + (ProbabilityLanes.AllProbabilities(seenAcc) ? 0 : 1);
    }
}

