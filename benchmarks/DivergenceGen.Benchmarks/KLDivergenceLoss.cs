using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

[KLDivergenceLoss(10, Temperature = 2, Precision = Precision.Single)] public static partial class Distill10F;
[KLDivergenceLoss(1000, Temperature = 2, Precision = Precision.Single)] public static partial class Distill1000F;

/// <summary>
/// Distillation loss forward + backward: T²·KL(softmax(t/T) ‖ softmax(s/T)), mean over rows, T = 2, float, N = 4096
/// rows of K student and K teacher logits; the gradient with respect to the student's logits.
/// Baseline: the generated <c>LossAndGradient</c>, so each Ratio is time(variant) / time(generated): &gt; 1 means the
/// generated kernel is faster. Every variant is validated against a double reference before timing.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public class KLDivergenceLossBenchmarks
{
    private const int Rows = 4096;
    private const float Temperature = 2f;
    private float[] _student = [];
    private float[] _teacher = [];
    private float[] _gradient = [];
    private float[] _p = [];
    private float[] _scratch = [];

    [Params(10, 1000)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(400 + K);
        _student = new float[Rows * K];
        _teacher = new float[Rows * K];
        for (int j = 0; j < _student.Length; j++)
        {
            _student[j] = (float)(6 * random.NextDouble() - 3);
            _teacher[j] = (float)(6 * random.NextDouble() - 3);
        }

        _gradient = new float[Rows * K];
        _p = new float[K];
        _scratch = new float[K];

        // Double reference: T²·mean over rows of Σ P (log P − log Q), gradient T·(Q − P)/N.
        double reference = 0;
        var referenceGradient = new double[Rows * K];
        var logP = new double[K];
        var logQ = new double[K];
        for (int i = 0; i < Rows; i++)
        {
            LogSoftmax(_teacher.AsSpan(i * K, K), logP);
            LogSoftmax(_student.AsSpan(i * K, K), logQ);
            for (int c = 0; c < K; c++)
            {
                double p = Math.Exp(logP[c]);
                reference += p * (logP[c] - logQ[c]);
                referenceGradient[i * K + c] = Temperature * (Math.Exp(logQ[c]) - p) / Rows;
            }
        }

        reference *= (double)Temperature * Temperature / Rows;
        Check.Close($"generated loss only K={K}", GeneratedLossOnly(), reference, Check.FloatTolerance);
        foreach (var (name, run) in new (string, Func<float>)[] { ("generated", Generated), ("naive", Naive), ("TensorPrimitives", TensorPrimitivesPerRow) })
        {
            Array.Clear(_gradient);
            Check.Close($"{name} K={K}", run(), reference, Check.FloatTolerance);
            for (int j = 0; j < _gradient.Length; j++)
            {
                if (!(Math.Abs(_gradient[j] - referenceGradient[j]) <= 1e-5 * Temperature / Rows))
                {
                    throw new InvalidOperationException($"Validation failed: {name} K={K} gradient[{j}] = {_gradient[j]:R}, expected {referenceGradient[j]:R}.");
                }
            }
        }
    }

    private static void LogSoftmax(ReadOnlySpan<float> logits, Span<double> destination)
    {
        double m = double.NegativeInfinity;
        for (int c = 0; c < logits.Length; c++)
        {
            m = Math.Max(m, logits[c] / (double)Temperature);
        }

        double s = 0;
        for (int c = 0; c < logits.Length; c++)
        {
            s += Math.Exp(logits[c] / (double)Temperature - m);
        }

        double lse = m + Math.Log(s);
        for (int c = 0; c < logits.Length; c++)
        {
            destination[c] = logits[c] / (double)Temperature - lse;
        }
    }

    [Benchmark(Baseline = true)]
    public float Generated() => K == 10
        ? Distill10F.LossAndGradient(_student, _teacher, _gradient)
        : Distill1000F.LossAndGradient(_student, _teacher, _gradient);

    /// <summary>The generated <c>Loss</c> alone (no gradient): the same kernel with its gradient option off.</summary>
    [Benchmark]
    public float GeneratedLossOnly() => K == 10
        ? Distill10F.Loss(_student, _teacher)
        : Distill1000F.Loss(_student, _teacher);

    /// <summary>
    /// The loop a user writes (float, MathF): per row both maxima of the scaled logits, both Σ exp (the student's exps
    /// kept in the gradient row, the teacher's in a scratch row), then one pass for Σ p·(log p − log q) and the gradient
    /// T·(q − p)/N, with log p − log q = (t − s)/T + (log-normaliser difference).
    /// </summary>
    [Benchmark]
    public float Naive()
    {
        int k = K;
        double total = 0;
        float invT = 1f / Temperature;
        float scale = Temperature / Rows;
        var p = _p.AsSpan();
        for (int i = 0; i < Rows; i++)
        {
            var s = _student.AsSpan(i * k, k);
            var t = _teacher.AsSpan(i * k, k);
            var g = _gradient.AsSpan(i * k, k);
            float ms = float.NegativeInfinity;
            float mt = float.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                ms = MathF.Max(ms, s[c] * invT);
                mt = MathF.Max(mt, t[c] * invT);
            }

            float ss = 0;
            float st = 0;
            for (int c = 0; c < k; c++)
            {
                g[c] = MathF.Exp(s[c] * invT - ms);
                ss += g[c];
                p[c] = MathF.Exp(t[c] * invT - mt);
                st += p[c];
            }

            float shift = ms + MathF.Log(ss) - (mt + MathF.Log(st));
            float invSs = 1f / ss;
            float invSt = 1f / st;
            float kl = 0;
            for (int c = 0; c < k; c++)
            {
                float pc = p[c] * invSt;
                kl += pc * ((t[c] - s[c]) * invT + shift);
                g[c] = scale * (g[c] * invSs - pc);
            }

            total += kl;
        }

        return (float)(Temperature * Temperature * total / Rows);
    }

    /// <summary>
    /// TensorPrimitives per row: Multiply by 1/T and SoftMax for Q (into the gradient row) and for P (scratch row),
    /// then KL = Dot(P, Log(P / Q)) (Divide → Log → Dot) and the gradient Subtract(Q, P) → Multiply by T/N.
    /// Nine library calls per row.
    /// </summary>
    [Benchmark]
    public float TensorPrimitivesPerRow()
    {
        int k = K;
        double total = 0;
        float invT = 1f / Temperature;
        float scale = Temperature / Rows;
        var p = _p.AsSpan();
        var tmp = _scratch.AsSpan();
        for (int i = 0; i < Rows; i++)
        {
            var s = _student.AsSpan(i * k, k);
            var t = _teacher.AsSpan(i * k, k);
            var g = _gradient.AsSpan(i * k, k);
            TensorPrimitives.Multiply(s, invT, g);
            TensorPrimitives.SoftMax(g, g);
            TensorPrimitives.Multiply(t, invT, p);
            TensorPrimitives.SoftMax(p, p);
            TensorPrimitives.Divide(p, g, tmp);
            TensorPrimitives.Log(tmp, tmp);
            total += TensorPrimitives.Dot(p, tmp);
            TensorPrimitives.Subtract(g, p, g);
            TensorPrimitives.Multiply(g, scale, g);
        }

        return (float)(Temperature * Temperature * total / Rows);
    }
}
