using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

[SoftmaxCrossEntropy(10, Precision = Precision.Single)] public static partial class Loss10F;
[SoftmaxCrossEntropy(1000, Precision = Precision.Single)] public static partial class Loss1000F;

/// <summary>
/// Softmax cross-entropy forward + backward (mean reduction, class-index targets), float, N = 4096 rows of K logits.
/// Baseline: the generated <c>LossAndGradient</c>, so each Ratio is time(variant) / time(generated): &gt; 1 means the
/// generated kernel is faster. Every variant is validated against a double reference before timing.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public class SoftmaxCrossEntropyBenchmarks
{
    private const int Rows = 4096;
    private float[] _logits = [];
    private int[] _targets = [];
    private float[] _gradient = [];
    private float[] _weights = [];

    [Params(10, 1000)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4 + K);
        _logits = new float[Rows * K];
        for (int j = 0; j < _logits.Length; j++)
        {
            _logits[j] = (float)(6 * random.NextDouble() - 3);
        }

        _targets = new int[Rows];
        for (int i = 0; i < Rows; i++)
        {
            _targets[i] = random.Next(K);
        }

        _gradient = new float[Rows * K];

        // Double reference of the mean loss and its gradient.
        double reference = 0;
        var referenceGradient = new double[Rows * K];
        for (int i = 0; i < Rows; i++)
        {
            double m = double.NegativeInfinity;
            for (int c = 0; c < K; c++)
            {
                m = Math.Max(m, _logits[i * K + c]);
            }

            double s = 0;
            for (int c = 0; c < K; c++)
            {
                s += Math.Exp(_logits[i * K + c] - m);
            }

            reference += Math.Log(s) + m - _logits[i * K + _targets[i]];
            for (int c = 0; c < K; c++)
            {
                referenceGradient[i * K + c] = (Math.Exp(_logits[i * K + c] - m) / s - (c == _targets[i] ? 1 : 0)) / Rows;
            }
        }

        reference /= Rows;
        _weights = new float[K];
        Array.Fill(_weights, 1f);
        Check.Close($"generated loss only K={K}", GeneratedLossOnly(), reference, Check.FloatTolerance);
        Check.Close($"generated weighted K={K}", GeneratedWeighted(), reference, Check.FloatTolerance);
        foreach (var (name, run) in new (string, Func<float>)[] { ("generated", Generated), ("naive", Naive), ("TensorPrimitives", TensorPrimitivesPerRow) })
        {
            Array.Clear(_gradient);
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
        ? Loss10F.LossAndGradient(_logits, _targets, _gradient)
        : Loss1000F.LossAndGradient(_logits, _targets, _gradient);

    /// <summary>The generated <c>Loss</c> alone (no gradient): the same kernel as <c>LossAndGradient</c> with its gradient option off.</summary>
    [Benchmark]
    public float GeneratedLossOnly() => K == 10
        ? Loss10F.Loss(_logits, _targets)
        : Loss1000F.Loss(_logits, _targets);

    /// <summary>The generated <c>LossAndGradient</c> with class weights (all 1, so the value is the unweighted one).</summary>
    [Benchmark]
    public float GeneratedWeighted() => K == 10
        ? Loss10F.LossAndGradient(_logits, _targets, _weights, _gradient)
        : Loss1000F.LossAndGradient(_logits, _targets, _weights, _gradient);

    /// <summary>The loop a user writes: max, Σ exp, log, then the gradient row (float, MathF).</summary>
    [Benchmark]
    public float Naive()
    {
        int k = K;
        double total = 0;
        float inv = 1f / Rows;
        for (int i = 0; i < Rows; i++)
        {
            var row = _logits.AsSpan(i * k, k);
            var g = _gradient.AsSpan(i * k, k);
            float m = float.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                m = MathF.Max(m, row[c]);
            }

            float s = 0;
            for (int c = 0; c < k; c++)
            {
                g[c] = MathF.Exp(row[c] - m);
                s += g[c];
            }

            total += MathF.Log(s) + m - row[_targets[i]];
            float scale = inv / s;
            for (int c = 0; c < k; c++)
            {
                g[c] *= scale;
            }

            g[_targets[i]] -= inv;
        }

        return (float)(total / Rows);
    }

    /// <summary>
    /// TensorPrimitives per row: Max, Subtract (x − m, so the softmax is stable: lesson 8), Exp, Sum, Multiply by 1/(N·s),
    /// then the target's −1/N. Five library passes per row.
    /// </summary>
    [Benchmark]
    public float TensorPrimitivesPerRow()
    {
        int k = K;
        double total = 0;
        float inv = 1f / Rows;
        for (int i = 0; i < Rows; i++)
        {
            var row = _logits.AsSpan(i * k, k);
            var g = _gradient.AsSpan(i * k, k);
            float m = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, m, g);
            TensorPrimitives.Exp(g, g);
            float s = TensorPrimitives.Sum(g);
            total += MathF.Log(s) + m - row[_targets[i]];
            TensorPrimitives.Multiply(g, inv / s, g);
            g[_targets[i]] -= inv;
        }

        return (float)(total / Rows);
    }
}
