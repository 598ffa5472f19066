using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

[BinaryCrossEntropy(10, Precision = Precision.Single)] public static partial class Bce10F;
[BinaryCrossEntropy(1000, Precision = Precision.Single)] public static partial class Bce1000F;

/// <summary>
/// Binary cross-entropy with logits forward + backward (mean over the N·C elements, no weights), float, N = 4096 rows
/// of C labels, hard 0/1 targets (multi-label). Baseline: the generated <c>LossAndGradient</c>, so each Ratio is
/// time(variant) / time(generated): &gt; 1 means the generated kernel is faster. Every variant is validated against a
/// double reference before timing.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public class BinaryCrossEntropyBenchmarks
{
    private const int Rows = 4096;
    private float[] _logits = [];
    private float[] _targets = [];
    private float[] _gradient = [];
    private float[] _scratch = [];

    [Params(10, 1000)]
    public int C { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4000 + C);
        _logits = new float[Rows * C];
        _targets = new float[Rows * C];
        for (int j = 0; j < _logits.Length; j++)
        {
            _logits[j] = (float)(6 * random.NextDouble() - 3);
            _targets[j] = random.Next(2);
        }

        _gradient = new float[Rows * C];
        _scratch = new float[Rows * C];

        // Double reference: mean of max(x, 0) − x·y + log(1 + e^−|x|), gradient (σ(x) − y)/(N·C).
        double reference = 0;
        double s = 1.0 / ((double)Rows * C);
        var referenceGradient = new double[Rows * C];
        for (int j = 0; j < _logits.Length; j++)
        {
            double x = _logits[j];
            double y = _targets[j];
            double e = Math.Exp(-Math.Abs(x));
            reference += Math.Max(x, 0) - x * y + Math.Log(1 + e);
            referenceGradient[j] = ((x >= 0 ? 1 / (1 + e) : e / (1 + e)) - y) * s;
        }

        reference *= s;
        Check.Close($"generated loss only C={C}", GeneratedLossOnly(), reference, Check.FloatTolerance);
        foreach (var (name, run) in new (string, Func<float>)[] { ("generated", Generated), ("naive", Naive), ("TensorPrimitives", TensorPrimitivesWholeArray) })
        {
            Array.Clear(_gradient);
            Check.Close($"{name} C={C}", run(), reference, Check.FloatTolerance);
            for (int j = 0; j < _gradient.Length; j++)
            {
                if (!(Math.Abs(_gradient[j] - referenceGradient[j]) <= 1e-5 * s))
                {
                    throw new InvalidOperationException($"Validation failed: {name} C={C} gradient[{j}] = {_gradient[j]:R}, expected {referenceGradient[j]:R}.");
                }
            }
        }
    }

    [Benchmark(Baseline = true)]
    public float Generated() => C == 10
        ? Bce10F.LossAndGradient(_logits, _targets, _gradient)
        : Bce1000F.LossAndGradient(_logits, _targets, _gradient);

    /// <summary>The generated <c>Loss</c> alone (no gradient): the same kernel with its gradient option off.</summary>
    [Benchmark]
    public float GeneratedLossOnly() => C == 10
        ? Bce10F.Loss(_logits, _targets)
        : Bce1000F.Loss(_logits, _targets);

    /// <summary>
    /// The loop a user writes (float, MathF): torch's stable form max(x, 0) − x·y + log(1 + e), e = exp(−|x|), one
    /// exp and one log per element, σ(x) from the same e; a float sum per row, the total in double.
    /// </summary>
    [Benchmark]
    public float Naive()
    {
        int c = C;
        double total = 0;
        float scale = 1f / (Rows * c);
        for (int i = 0; i < Rows; i++)
        {
            var x = _logits.AsSpan(i * c, c);
            var y = _targets.AsSpan(i * c, c);
            var g = _gradient.AsSpan(i * c, c);
            float rowSum = 0;
            for (int k = 0; k < c; k++)
            {
                float e = MathF.Exp(-MathF.Abs(x[k]));
                rowSum += MathF.Max(x[k], 0) - x[k] * y[k] + MathF.Log(1 + e);
                float sigmoid = x[k] >= 0 ? 1 / (1 + e) : e / (1 + e);
                g[k] = (sigmoid - y[k]) * scale;
            }

            total += rowSum;
        }

        return (float)(total / ((double)Rows * c));
    }

    /// <summary>
    /// TensorPrimitives over the whole N·C array with one scratch buffer: Abs → Negate → Exp → LogP1 → Sum for
    /// Σ log1p(e^−|x|), Max(x, 0) → Sum, − Dot(x, y); the gradient Sigmoid → Subtract y → Multiply by 1/(N·C).
    /// Eleven library passes.
    /// </summary>
    [Benchmark]
    public float TensorPrimitivesWholeArray()
    {
        var x = _logits.AsSpan();
        var y = _targets.AsSpan();
        var g = _gradient.AsSpan();
        var e = _scratch.AsSpan();
        TensorPrimitives.Abs(x, e);
        TensorPrimitives.Negate(e, e);
        TensorPrimitives.Exp(e, e);
        TensorPrimitives.LogP1(e, e);
        double total = TensorPrimitives.Sum(e);
        TensorPrimitives.Max(x, 0f, e);
        total += TensorPrimitives.Sum(e);
        total -= TensorPrimitives.Dot(x, y);
        TensorPrimitives.Sigmoid(x, g);
        TensorPrimitives.Subtract(g, y, g);
        TensorPrimitives.Multiply(g, 1f / g.Length, g);
        return (float)(total / g.Length);
    }
}
