using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// Batch log-pmf of N = 1,048,576 outcomes for the count families (issue 3). Binomial(20, 0.3): the generated member
/// (log C(20, k) from the compile-time table, held in three AVX-512 registers and read with permutes where Vector512 is
/// accelerated, per lane otherwise; k·log p + (n − k)·log(1 − p) in SIMD) against
/// MathNet.Numerics' <c>Binomial.PMFLn</c> (what a .NET user would call), a hand-written loop with the table and both
/// logs hoisted (the best plain scalar C#), and the copy floor <c>ConvertChecked&lt;int, double&gt;</c> (same bytes,
/// no arithmetic). Poisson(3.5): the generated member (vector form with the log k! table) against MathNet's
/// <c>Poisson.PMFLn</c>. The generated member is each group's baseline: Ratio &gt; 1 means generated is faster.
/// </summary>
[Config(typeof(SteadyStateConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CountBatch
{
    public const int N = 1 << 20;
    private const int Trials = 20;
    private const double P = 0.3;
    private const double Rate = 3.5;
    private int[] _binomialOutcomes = [];
    private int[] _poissonOutcomes = [];
    private double[] _destination = [];
    private double[] _logChoose = [];
    private Bin20 _binomial;
    private Pois _poisson;

    [GlobalSetup]
    public void Setup()
    {
        _binomial = new Bin20(P);
        _poisson = new Pois(Rate);
        _binomialOutcomes = new int[N];
        _poissonOutcomes = new int[N];
        _binomial.Sample(new Random(31), _binomialOutcomes);
        _poisson.Sample(new Random(32), _poissonOutcomes);
        _destination = new double[N];
        _logChoose = new double[Trials + 1];
        for (int k = 0; k <= Trials; k++)
        {
            _logChoose[k] = MathNet.Numerics.SpecialFunctions.BinomialLn(Trials, k);
        }

        // Validation: every variant elementwise within 1e-12 relative of MathNet's log-pmf (itself ~1e-15 here).
        var expected = new double[N];
        var scale = new double[N];
        for (int i = 0; i < N; i++)
        {
            expected[i] = MathNet.Numerics.Distributions.Binomial.PMFLn(P, Trials, _binomialOutcomes[i]);
            scale[i] = Math.Abs(expected[i]) + 1;
        }

        GeneratedBinomial();
        Check.CloseElements("Binomial(20) batch log-pmf, generated", _destination, expected, scale, Check.DoubleTolerance);
        MathNetBinomial();
        Check.CloseElements("Binomial(20) batch log-pmf, MathNet", _destination, expected, scale, Check.DoubleTolerance);
        HoistedBinomial();
        Check.CloseElements("Binomial(20) batch log-pmf, hoisted", _destination, expected, scale, Check.DoubleTolerance);

        for (int i = 0; i < N; i++)
        {
            expected[i] = MathNet.Numerics.Distributions.Poisson.PMFLn(Rate, _poissonOutcomes[i]);
            scale[i] = Math.Abs(expected[i]) + 1;
        }

        GeneratedPoisson();
        Check.CloseElements("Poisson(3.5) batch log-pmf, generated", _destination, expected, scale, Check.DoubleTolerance);
        MathNetPoisson();
        Check.CloseElements("Poisson(3.5) batch log-pmf, MathNet", _destination, expected, scale, Check.DoubleTolerance);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Binomial(20) LogPmf, 1M outcomes")]
    public void GeneratedBinomial() => _binomial.LogPmf(_binomialOutcomes, _destination);

    /// <summary><c>MathNet.Numerics.Distributions.Binomial.PMFLn(p, n, k)</c> per element.</summary>
    [Benchmark, BenchmarkCategory("Binomial(20) LogPmf, 1M outcomes")]
    public void MathNetBinomial()
    {
        for (int i = 0; i < _binomialOutcomes.Length; i++)
        {
            _destination[i] = MathNet.Numerics.Distributions.Binomial.PMFLn(P, Trials, _binomialOutcomes[i]);
        }
    }

    /// <summary>A table of log C(20, k) and both logs hoisted: logC[k] + k·log p + (n − k)·log(1 − p) per element.</summary>
    [Benchmark, BenchmarkCategory("Binomial(20) LogPmf, 1M outcomes")]
    public void HoistedBinomial()
    {
        double logP = Math.Log(P), log1mP = Math.Log(1 - P);
        double[] table = _logChoose;
        for (int i = 0; i < _binomialOutcomes.Length; i++)
        {
            int k = _binomialOutcomes[i];
            _destination[i] = (uint)k > Trials ? double.NegativeInfinity : table[k] + k * logP + (Trials - k) * log1mP;
        }
    }

    [Benchmark, BenchmarkCategory("Binomial(20) LogPmf, 1M outcomes")]
    public void FloorConvert() => System.Numerics.Tensors.TensorPrimitives.ConvertChecked<int, double>(_binomialOutcomes, _destination);

    [Benchmark(Baseline = true), BenchmarkCategory("Poisson(3.5) LogPmf, 1M outcomes")]
    public void GeneratedPoisson() => _poisson.LogPmf(_poissonOutcomes, _destination);

    /// <summary><c>MathNet.Numerics.Distributions.Poisson.PMFLn(λ, k)</c> per element.</summary>
    [Benchmark, BenchmarkCategory("Poisson(3.5) LogPmf, 1M outcomes")]
    public void MathNetPoisson()
    {
        for (int i = 0; i < _poissonOutcomes.Length; i++)
        {
            _destination[i] = MathNet.Numerics.Distributions.Poisson.PMFLn(Rate, _poissonOutcomes[i]);
        }
    }
}
