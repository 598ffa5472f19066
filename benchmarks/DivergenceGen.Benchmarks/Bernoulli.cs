using System;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// Bernoulli batches over N = 1,048,576 elements. Two groups (category column): batch KL of N (p, q) pairs and
/// batch log-pmf of N outcomes. In each, the generated member is the baseline, so Ratio &gt; 1 means generated is faster.
/// Floors move the same bytes with no logarithm: TensorPrimitives.Add(p, q, destination) for KL (reads 2N, writes N
/// doubles), TensorPrimitives.Dot(p, q) (reads only), and ConvertChecked&lt;int, double&gt; for log-pmf (reads N ints,
/// writes N doubles). FloorTwoLogs is a compute floor instead: the two table logarithms per pair any accurate KL needs.
/// </summary>
[Config(typeof(SteadyStateConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BernoulliBatch
{
    public const int N = 1 << 20;
    private double[] _p = [];
    private double[] _q = [];
    private int[] _outcomes = [];
    private double[] _destination = [];
    private Coin _coin;

    [GlobalSetup]
    public void Setup()
    {
        _p = Inputs.UnitInterval(N, seed: 11);
        _q = Inputs.UnitInterval(N, seed: 12);
        _outcomes = Inputs.Outcomes(N, 0.3, seed: 13);
        _destination = new double[N];
        _coin = new Coin(0.3);

        // KL: elementwise, |error| ≤ 1e-12 × scale, scale = the magnitude of what the formula subtracts,
        // p(1 + |log p| + |log q|) + (1 − p)(1 + |log(1 − p)| + |log(1 − q)|). Where p ≈ q the two terms cancel
        // (KL ~ 1e-9 from terms ~ 1e-4), and any double formula — the naive one, log p − log q, log(p/q) — is then
        // only good to ~1e-16 absolute (measured: generated and naive differ by 6.6e-17 on a KL of 2.8e-9, 2e-8
        // relative), so a plain relative check would reject correct code; a wrong kernel is off by O(KL) everywhere.
        var expected = new double[N];
        var scale = new double[N];
        for (int i = 0; i < N; i++)
        {
            double p = _p[i], q = _q[i];
            expected[i] = p * Math.Log(p / q) + (1 - p) * Math.Log((1 - p) / (1 - q));
            scale[i] = p * (1 + Math.Abs(Math.Log(p)) + Math.Abs(Math.Log(q)))
                + (1 - p) * (1 + Math.Abs(Math.Log(1 - p)) + Math.Abs(Math.Log(1 - q)));
        }
        GeneratedKL();
        Check.CloseElements("Bernoulli batch KL, generated", _destination, expected, scale, Check.DoubleTolerance);
        NaiveKL();
        Check.CloseElements("Bernoulli batch KL, naive", _destination, expected, scale, Check.DoubleTolerance);

        // Log-pmf: elementwise relative 1e-12 against log p / log(1 − p).
        for (int i = 0; i < N; i++)
        {
            expected[i] = _outcomes[i] == 1 ? Math.Log(0.3) : Math.Log(0.7);
            scale[i] = Math.Abs(expected[i]);
        }
        GeneratedLogPmf();
        Check.CloseElements("Bernoulli batch log-pmf, generated", _destination, expected, scale, Check.DoubleTolerance);
        NaiveLogPmf();
        Check.CloseElements("Bernoulli batch log-pmf, naive", _destination, expected, scale, Check.DoubleTolerance);
        HoistedLogPmf();
        Check.CloseElements("Bernoulli batch log-pmf, hoisted", _destination, expected, scale, Check.DoubleTolerance);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("KL, 1M pairs")]
    public void GeneratedKL() => Coin.KLDivergence(_p, _q, _destination);

    /// <summary>p·Math.Log(p/q) + (1 − p)·Math.Log((1 − p)/(1 − q)) per pair.</summary>
    [Benchmark, BenchmarkCategory("KL, 1M pairs")]
    public void NaiveKL() => Naive.BernoulliKL(_p, _q, _destination);

    [Benchmark, BenchmarkCategory("KL, 1M pairs")]
    public void FloorAdd() => System.Numerics.Tensors.TensorPrimitives.Add(_p, _q, _destination);

    [Benchmark, BenchmarkCategory("KL, 1M pairs")]
    public double FloorDot() => System.Numerics.Tensors.TensorPrimitives.Dot(_p, _q);

    /// <summary>
    /// A compute floor, not a KL: destination[i] = log p[i] + log(1 − q[i]) with the runtime's call-free table log
    /// (<c>VectorMath.Log&lt;FastPass&gt;</c>, two per pair, widest vector first). Any formula of the Bernoulli KL needs at
    /// least two logarithms per pair (log(p/q) and log((1 − p)/(1 − q)) are independent), so no accurate kernel can be
    /// faster than this; it also reads 2N and writes N, as FloorAdd does.
    /// </summary>
    [Benchmark, BenchmarkCategory("KL, 1M pairs")]
    public void FloorTwoLogs() => TwoLogs(_p, _q, _destination);

    private static void TwoLogs(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> destination)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= p.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var pv = Vector512.Create(p.Slice(i, Vector512<double>.Count));
                var qv = Vector512.Create(q.Slice(i, Vector512<double>.Count));
                (VectorMath.Log<FastPass>(pv) + VectorMath.Log<FastPass>(Vector512<double>.One - qv)).CopyTo(destination.Slice(i));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= p.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var pv = Vector256.Create(p.Slice(i, Vector256<double>.Count));
                var qv = Vector256.Create(q.Slice(i, Vector256<double>.Count));
                (VectorMath.Log<FastPass>(pv) + VectorMath.Log<FastPass>(Vector256<double>.One - qv)).CopyTo(destination.Slice(i));
            }
        }

        for (; i < p.Length; i++)
        {
            destination[i] = Math.Log(p[i]) + Math.Log(1 - q[i]);
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("LogPmf, 1M outcomes")]
    public void GeneratedLogPmf() => _coin.LogPmf(_outcomes, _destination);

    /// <summary>outcome == 1 ? Math.Log(p) : Math.Log(1 − p) per element.</summary>
    [Benchmark, BenchmarkCategory("LogPmf, 1M outcomes")]
    public void NaiveLogPmf() => Naive.BernoulliLogPmf(0.3, _outcomes, _destination);

    /// <summary>The two logs hoisted, a scalar select per element.</summary>
    [Benchmark, BenchmarkCategory("LogPmf, 1M outcomes")]
    public void HoistedLogPmf() => Naive.BernoulliLogPmfHoisted(0.3, _outcomes, _destination);

    [Benchmark, BenchmarkCategory("LogPmf, 1M outcomes")]
    public void FloorConvert() => System.Numerics.Tensors.TensorPrimitives.ConvertChecked<int, double>(_outcomes, _destination);
}
