using System;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// Why is TensorPrimitives' Divide → Log → Dot KL bimodal between processes (K = 4,096 double: 6.1 µs in one run, 15.1 µs in
/// two others, small spread inside each)? First suspect: where its scratch buffer lands relative to p and q (4K aliasing
/// between its stores and the loads of p and q, or split stores), since the GC places the three arrays differently in each
/// process. Here p, q and the scratch sit in native memory at chosen distances, all in one process: scratch ≡ p (mod
/// 4,096), scratch 2,048 bytes away from p and q mod 4,096, and that scratch 8, 16 or 32 bytes past a cache line.
/// Result (benchmarks/README.md): placement is not the cause. Every variant is 6.0 µs in some processes and 15.0 µs in
/// others, the same placement included, with or without DOTNET_TieredPGO=0.
/// </summary>
[Config(typeof(AlignmentConfig))]
public unsafe class ScratchPlacement : IDisposable
{
    private const int K = 4096;
    private byte* _memory;
    private double* _p;
    private double* _q;
    private double* _aliased;
    private double* _apart;
    private double* _split;
    private double* _split16;
    private double* _split32;

    [GlobalSetup]
    public void Setup()
    {
        const int page = 4096;
        int bytes = K * sizeof(double); // 32 KiB: a multiple of 4,096, so each block keeps its offset mod 4,096
        _memory = (byte*)NativeMemory.AlignedAlloc((nuint)(7 * (bytes + page) + page), page);
        _p = (double*)_memory;
        _q = (double*)(_memory + bytes + page + 1024);           // q 1,024 bytes off p (mod 4,096)
        _aliased = (double*)(_memory + 2 * (bytes + page));       // ≡ p (mod 4,096)
        _apart = (double*)(_memory + 3 * (bytes + page) + 2048);  // 2,048 off p, 1,024 off q
        _split = (double*)(_memory + 4 * (bytes + page) + 2056);  // as _apart, 8 bytes past a line
        _split16 = (double*)(_memory + 5 * (bytes + page) + 2064); // 16 bytes past a line
        _split32 = (double*)(_memory + 6 * (bytes + page) + 2080); // 32 bytes past a line
        Inputs.ProbabilityVector(K, seed: 1000 + K).CopyTo(new Span<double>(_p, K));
        Inputs.ProbabilityVector(K, seed: 2000 + K).CopyTo(new Span<double>(_q, K));
        double want = Reference.KLDivergence(new ReadOnlySpan<double>(_p, K).ToArray(), new ReadOnlySpan<double>(_q, K).ToArray());
        Check.Close("aliased", Kl(_aliased), want, Check.DoubleTolerance);
        Check.Close("apart", Kl(_apart), want, Check.DoubleTolerance);
        Check.Close("split", Kl(_split), want, Check.DoubleTolerance);
        Check.Close("split16", Kl(_split16), want, Check.DoubleTolerance);
        Check.Close("split32", Kl(_split32), want, Check.DoubleTolerance);
    }

    private double Kl(double* scratch)
    {
        var p = new ReadOnlySpan<double>(_p, K);
        var s = new Span<double>(scratch, K);
        TensorPrimitives.Divide(p, new ReadOnlySpan<double>(_q, K), s);
        TensorPrimitives.Log(s, s);
        return Math.Max(TensorPrimitives.Dot(p, s), 0.0);
    }

    /// <summary>Scratch at the same address as p modulo 4,096.</summary>
    [Benchmark(Baseline = true)]
    public double ScratchAliasedWithP() => Kl(_aliased);

    /// <summary>Scratch 2,048 bytes from p and 1,024 from q modulo 4,096, on a cache line.</summary>
    [Benchmark]
    public double ScratchApart() => Kl(_apart);

    /// <summary>As <see cref="ScratchApart"/>, 8 bytes past a cache line.</summary>
    [Benchmark]
    public double ScratchApartSplit() => Kl(_split);

    /// <summary>As <see cref="ScratchApart"/>, 16 bytes past a cache line.</summary>
    [Benchmark]
    public double ScratchApartSplit16() => Kl(_split16);

    /// <summary>32 bytes past a cache line.</summary>
    [Benchmark]
    public double ScratchApartSplit32() => Kl(_split32);

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
