using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// A measurement to decide on issue 4's "vectorise across rows for small K": the generated per-row kernel
/// (<c>Loss10F.LossAndGradient</c>, K = 10 float, baseline) against a hand-written prototype that puts 8 rows in the
/// lanes of a Vector256 (columns gathered with <c>Vector256.Create</c>, gradient scattered lane by lane) so that exp,
/// log and the sums are all vector operations with no horizontal reductions. Not generated code; validated like the rest.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public class SoftmaxCrossEntropyAcrossRows
{
    private const int Rows = 4096;
    private const int K = 10;
    private float[] _logits = [];
    private int[] _targets = [];
    private float[] _gradient = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(14);
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
        float reference = Generated();
        var referenceGradient = (float[])_gradient.Clone();
        Array.Clear(_gradient);
        Check.Close("across rows K=10", AcrossRows(), reference, Check.FloatTolerance);
        for (int j = 0; j < _gradient.Length; j++)
        {
            if (!(Math.Abs(_gradient[j] - referenceGradient[j]) <= 1e-6 / Rows))
            {
                throw new InvalidOperationException($"Validation failed: across rows gradient[{j}] = {_gradient[j]:R}, expected {referenceGradient[j]:R}.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public float Generated() => Loss10F.LossAndGradient(_logits, _targets, _gradient);

    [Benchmark]
    public float AcrossRows()
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            return Generated();
        }

        float inv = 1f / Rows;
        var invV = Vector256.Create(inv);
        double total = 0;
        ref float x = ref MemoryMarshal.GetArrayDataReference(_logits);
        ref float g = ref MemoryMarshal.GetArrayDataReference(_gradient);
        Span<Vector256<float>> cols = stackalloc Vector256<float>[K];
        for (int r = 0; r < Rows; r += 8)
        {
            ref float b = ref System.Runtime.CompilerServices.Unsafe.Add(ref x, r * K);
            var m = Vector256.Create(float.NegativeInfinity);
            for (int c = 0; c < K; c++)
            {
                var xc = Vector256.Create(
                    System.Runtime.CompilerServices.Unsafe.Add(ref b, c),
                    System.Runtime.CompilerServices.Unsafe.Add(ref b, K + c),
                    System.Runtime.CompilerServices.Unsafe.Add(ref b, 2 * K + c),
                    System.Runtime.CompilerServices.Unsafe.Add(ref b, 3 * K + c),
                    System.Runtime.CompilerServices.Unsafe.Add(ref b, 4 * K + c),
                    System.Runtime.CompilerServices.Unsafe.Add(ref b, 5 * K + c),
                    System.Runtime.CompilerServices.Unsafe.Add(ref b, 6 * K + c),
                    System.Runtime.CompilerServices.Unsafe.Add(ref b, 7 * K + c));
                cols[c] = xc;
                m = Vector256.Max(m, xc);
            }

            var s = Vector256<float>.Zero;
            for (int c = 0; c < K; c++)
            {
                var e = VectorMath.Exp(cols[c] - m);
                cols[c] = e;
                s += e;
            }

            var xy = Vector256.Create(
                _logits[(r + 0) * K + _targets[r + 0]], _logits[(r + 1) * K + _targets[r + 1]],
                _logits[(r + 2) * K + _targets[r + 2]], _logits[(r + 3) * K + _targets[r + 3]],
                _logits[(r + 4) * K + _targets[r + 4]], _logits[(r + 5) * K + _targets[r + 5]],
                _logits[(r + 6) * K + _targets[r + 6]], _logits[(r + 7) * K + _targets[r + 7]]);
            total += VectorReductions.SumToDouble(VectorMath.Log(s) + (m - xy));
            var coef = invV / s;
            ref float gb = ref System.Runtime.CompilerServices.Unsafe.Add(ref g, r * K);
            for (int c = 0; c < K; c++)
            {
                var gc = cols[c] * coef;
                for (int lane = 0; lane < 8; lane++)
                {
                    System.Runtime.CompilerServices.Unsafe.Add(ref gb, lane * K + c) = gc.GetElement(lane);
                }
            }

            for (int lane = 0; lane < 8; lane++)
            {
                System.Runtime.CompilerServices.Unsafe.Add(ref gb, lane * K + _targets[r + lane]) -= inv;
            }
        }

        return (float)(total / Rows);
    }
}
