using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

[NllLoss(10, Precision = Precision.Single)] public static partial class Nll10F;
[NllLoss(1000, Precision = Precision.Single)] public static partial class Nll1000F;

/// <summary>
/// NLL loss forward + backward (mean reduction, class-index targets), float, N = 4096 rows of K log-probabilities.
/// Baseline: the generated <c>LossAndGradient</c>, so each Ratio is time(variant) / time(generated): &gt; 1 means the
/// generated kernel is faster. Every variant is validated against a double reference before timing.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public class NllLossBenchmarks
{
    private const int Rows = 4096;
    private float[] _logProbabilities = [];
    private int[] _targets = [];
    private float[] _gradient = [];
    private float[] _picked = [];

    [Params(10, 1000)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(40 + K);
        _logProbabilities = new float[Rows * K];
        var row = new double[K];
        for (int i = 0; i < Rows; i++)
        {
            // log_softmax of U(−3, 3) logits in double, rounded once.
            double m = double.NegativeInfinity;
            for (int c = 0; c < K; c++)
            {
                row[c] = 6 * random.NextDouble() - 3;
                m = Math.Max(m, row[c]);
            }

            double s = 0;
            for (int c = 0; c < K; c++)
            {
                s += Math.Exp(row[c] - m);
            }

            double lse = m + Math.Log(s);
            for (int c = 0; c < K; c++)
            {
                _logProbabilities[i * K + c] = (float)(row[c] - lse);
            }
        }

        _targets = new int[Rows];
        for (int i = 0; i < Rows; i++)
        {
            _targets[i] = random.Next(K);
        }

        _gradient = new float[Rows * K];
        _picked = new float[Rows];

        // Double reference of the mean loss and its gradient (−1/N at each target, 0 elsewhere).
        double reference = 0;
        var referenceGradient = new double[Rows * K];
        for (int i = 0; i < Rows; i++)
        {
            reference -= _logProbabilities[i * K + _targets[i]];
            referenceGradient[i * K + _targets[i]] = -1.0 / Rows;
        }

        reference /= Rows;
        Check.Close($"generated loss only K={K}", GeneratedLossOnly(), reference, Check.FloatTolerance);
        foreach (var (name, run) in new (string, Func<float>)[] { ("generated", Generated), ("naive", Naive), ("TensorPrimitives", TensorPrimitivesGather) })
        {
            // Garbage in the gradient, so a variant that forgets the zeros fails.
            Array.Fill(_gradient, float.NaN);
            Check.Close($"{name} K={K}", run(), reference, Check.FloatTolerance);
            for (int j = 0; j < _gradient.Length; j++)
            {
                if (!(Math.Abs(_gradient[j] - referenceGradient[j]) <= 1e-5 / Rows))
                {
                    throw new InvalidOperationException($"Validation failed: {name} K={K} gradient[{j}] = {_gradient[j]:R}, expected {referenceGradient[j]:R}.");
                }
            }
        }
    }

    [Benchmark(Baseline = true)]
    public float Generated() => K == 10
        ? Nll10F.LossAndGradient(_logProbabilities, _targets, _gradient)
        : Nll1000F.LossAndGradient(_logProbabilities, _targets, _gradient);

    /// <summary>The generated <c>Loss</c> alone (no gradient): reads one value per row, writes nothing.</summary>
    [Benchmark]
    public float GeneratedLossOnly() => K == 10
        ? Nll10F.Loss(_logProbabilities, _targets)
        : Nll1000F.Loss(_logProbabilities, _targets);

    /// <summary>The loop a user writes: per row, the target's −log p, a zeroed gradient row and −1/N at the target.</summary>
    [Benchmark]
    public float Naive()
    {
        int k = K;
        double total = 0;
        float inv = 1f / Rows;
        for (int i = 0; i < Rows; i++)
        {
            int t = _targets[i];
            total -= _logProbabilities[i * k + t];
            var g = _gradient.AsSpan(i * k, k);
            for (int c = 0; c < k; c++)
            {
                g[c] = 0;
            }

            g[t] = -inv;
        }

        return (float)(total / Rows);
    }

    /// <summary>
    /// The library composition: clear the whole gradient (one <c>Span.Clear</c>, a memset), gather the targets'
    /// log-probabilities into a scratch vector while writing −1/N at each target, then −<c>TensorPrimitives.Sum</c> / N.
    /// TensorPrimitives has no gather, so the gather is a loop.
    /// </summary>
    [Benchmark]
    public float TensorPrimitivesGather()
    {
        int k = K;
        float inv = 1f / Rows;
        _gradient.AsSpan().Clear();
        for (int i = 0; i < Rows; i++)
        {
            int j = i * k + _targets[i];
            _picked[i] = _logProbabilities[j];
            _gradient[j] = -inv;
        }

        return -TensorPrimitives.Sum(_picked) / Rows;
    }
}
