using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// First-call cost of categorical KL (double, raw vectors): each number is the first call in a fresh process,
/// so it includes JIT compilation and, for the naive loop, running unoptimised (tier-0/OSR) code — what a
/// short-lived process pays. The kernels are the ones validated in <see cref="CategoricalKL{TDist, T}"/>; here the
/// results are checked after the measurement (GlobalCleanup), so the measured call really is the first.
/// </summary>
[Config(typeof(FirstCallConfig))]
public class FirstCall
{
    private double[] _p16 = [];
    private double[] _q16 = [];
    private double[] _p1M = [];
    private double[] _q1M = [];
    private double[] _scratch1M = [];

    [GlobalSetup]
    public void Setup()
    {
        _p16 = Inputs.ProbabilityVector(16, 1016);
        _q16 = Inputs.ProbabilityVector(16, 2016);
        _p1M = Inputs.ProbabilityVector(Cat1M.Classes, 1000 + Cat1M.Classes);
        _q1M = Inputs.ProbabilityVector(Cat1M.Classes, 2000 + Cat1M.Classes);
        _scratch1M = new double[Cat1M.Classes];
    }

    [GlobalCleanup]
    public void Validate()
    {
        double r16 = Reference.KLDivergence(_p16, _q16);
        double r1M = Reference.KLDivergence(_p1M, _q1M);
        Check.Close("first call, generated K=16", Generated_K16(), r16, Check.DoubleTolerance);
        Check.Close("first call, naive K=16", Naive_K16(), r16, Check.DoubleTolerance);
        Check.Close("first call, TensorPrimitives K=16", TensorPrimitives_K16(), r16, Check.DoubleTolerance);
        Check.Close("first call, generated K=1M", Generated_K1M(), r1M, Check.DoubleTolerance);
        Check.Close("first call, naive K=1M", Naive_K1M(), r1M, Check.DoubleTolerance);
        Check.Close("first call, TensorPrimitives K=1M", TensorPrimitives_K1M(), r1M, Check.DoubleTolerance);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("K=16")]
    public double Generated_K16() => Cat16.KLDivergence(_p16, _q16);

    [Benchmark, BenchmarkCategory("K=16")]
    public double Naive_K16() => Naive.KLDivergence(_p16, _q16);

    [Benchmark, BenchmarkCategory("K=16")]
    public double TensorPrimitives_K16()
    {
        Span<double> scratch = stackalloc double[16];
        TensorPrimitives.Divide(_p16, _q16, scratch);
        TensorPrimitives.Log(scratch, scratch);
        return Math.Max(TensorPrimitives.Dot(_p16, scratch), 0);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("K=1M")]
    public double Generated_K1M() => Cat1M.KLDivergence(_p1M, _q1M);

    [Benchmark, BenchmarkCategory("K=1M")]
    public double Naive_K1M() => Naive.KLDivergence(_p1M, _q1M);

    [Benchmark, BenchmarkCategory("K=1M")]
    public double TensorPrimitives_K1M()
    {
        TensorPrimitives.Divide(_p1M, _q1M, _scratch1M);
        TensorPrimitives.Log(_scratch1M, _scratch1M);
        return Math.Max(TensorPrimitives.Dot(_p1M, _scratch1M), 0);
    }
}
