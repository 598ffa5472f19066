using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// Why do the generated kernels swing between processes (K = 16 KL 74.5 vs 53.6 ns, K = 1M 4.64 vs 3.05 ms in two quiet
/// runs of one build) while TensorPrimitives moves under 6%? One suspect is the address of the data: the GC places an
/// array's elements 16 bytes after an 8-byte-aligned object start, so whether p and q start on a 64-byte cache line (a
/// Vector512 load then never splits across two lines) changes from process to process. TensorPrimitives aligns its loop to
/// the vector size for long inputs; the generated kernels load at offsets 0, 64, 128, … from the span's start.
/// This benchmark puts p and q at a chosen byte offset from a 64-byte boundary (native memory, fixed for the whole
/// process) and measures the same kernels at every offset in one run: if alignment is the cause, the offset-8 rows are
/// slower than the offset-0 rows by about the swing. (TensorPrimitives' Dot over the same bytes is the control.)
/// </summary>
[Config(typeof(AlignmentConfig))]
public unsafe class Alignment : IDisposable
{
    private static readonly int[] Offsets = { 0, 8, 32 };
    private double* _memory;
    private double*[] _p = new double*[3];
    private double*[] _q = new double*[3];

    /// <summary>K = 16 (straight-line kernel) and K = 1M (the SIMD loop, memory-bound).</summary>
    [Params(16, 1_048_576)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Every offset in the same process (a BenchmarkDotNet case is a process of its own: comparing offsets across
        // cases would mix the alignment effect with whatever else differs between processes). Six copies, each
        // starting at its offset from a 64-byte line, in one aligned block.
        nuint line = 64;
        nuint stride = ((nuint)K * sizeof(double) + 2 * line - 1) / line * line;
        _memory = (double*)NativeMemory.AlignedAlloc(6 * stride, line);
        double[] p = Inputs.ProbabilityVector(K, seed: 1000 + K);
        double[] q = Inputs.ProbabilityVector(K, seed: 2000 + K);
        for (int i = 0; i < Offsets.Length; i++)
        {
            _p[i] = (double*)((byte*)_memory + (2 * i * (int)stride) + Offsets[i]);
            _q[i] = (double*)((byte*)_memory + ((2 * i + 1) * (int)stride) + Offsets[i]);
            p.CopyTo(new Span<double>(_p[i], K));
            q.CopyTo(new Span<double>(_q[i], K));
            Check.Close($"Generated K={K} offset {Offsets[i]}", Kl(i), Reference.KLDivergence(p, q), Check.DoubleTolerance);
        }
    }

    private double Kl(int i) =>
        K == 16 ? Cat16.KLDivergence(new ReadOnlySpan<double>(_p[i], K), new ReadOnlySpan<double>(_q[i], K))
        : Cat1M.KLDivergence(new ReadOnlySpan<double>(_p[i], K), new ReadOnlySpan<double>(_q[i], K));

    /// <summary>The generated raw-vector KL kernel of <c>[Categorical(K)]</c>, p and q on a 64-byte boundary.</summary>
    [Benchmark(Baseline = true)]
    public double GeneratedAligned() => Kl(0);

    /// <summary>The same, p and q 8 bytes past a boundary (every 512-bit load splits across two cache lines).</summary>
    [Benchmark]
    public double GeneratedOffset8() => Kl(1);

    /// <summary>The same, 32 bytes past a boundary (every 512-bit load splits; 256-bit loads do not).</summary>
    [Benchmark]
    public double GeneratedOffset32() => Kl(2);

    /// <summary>Control: TensorPrimitives.Dot(p, q) over the aligned copy.</summary>
    [Benchmark]
    public double FloorDotAligned() => TensorPrimitives.Dot(new ReadOnlySpan<double>(_p[0], K), new ReadOnlySpan<double>(_q[0], K));

    /// <summary>Control: TensorPrimitives.Dot(p, q) 8 bytes past a boundary.</summary>
    [Benchmark]
    public double FloorDotOffset8() => TensorPrimitives.Dot(new ReadOnlySpan<double>(_p[1], K), new ReadOnlySpan<double>(_q[1], K));

    [GlobalCleanup]
    public void Dispose()
    {
        if (_memory is not null)
        {
            NativeMemory.AlignedFree(_memory);
            _memory = null;
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// <see cref="SteadyStateConfig"/> with three processes per case (DG_BENCH_LAUNCHES overrides): the spread between
/// processes is itself what is being investigated, so each process's mean is shown (the launch column of the log).
/// </summary>
public class AlignmentConfig : SteadyStateConfig
{
    public AlignmentConfig()
        : base(launchCount: int.TryParse(Environment.GetEnvironmentVariable("DG_BENCH_LAUNCHES"), out int n) ? n : 3)
    {
    }
}
