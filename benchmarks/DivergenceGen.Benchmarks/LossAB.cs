using System;
using System.IO;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// `-- loss-ab` (issue 9): the softmax cross-entropy members of Loss10F and Loss1000F (float, mean, N = 4,096 rows) as
/// generated today, where a weighted and an unweighted variant share one kernel generic in <c>&lt;TGradient, TWeights&gt;</c>,
/// against the files generated at d1a8325 (BeforeSharedLossKernels/, one kernel per variant), interleaved in one process
/// (<see cref="Interleaved"/>: the median of the per-round ratios new/old). Each pair first checks that both give the same loss and gradient, bit for bit.
/// </summary>
public static class LossAB
{
    private const int Rows = 4096;

    public static int Run()
    {
        Console.WriteLine($"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| member | before (median µs/call) | shared kernel (median µs/call) | ratio new/old (median) | ratio IQR |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (int k in new[] { 10, 1000 })
        {
            var random = new Random(4 + k);
            var logits = new float[Rows * k];
            for (int j = 0; j < logits.Length; j++)
            {
                logits[j] = (float)(6 * random.NextDouble() - 3);
            }

            var targets = new int[Rows];
            for (int i = 0; i < Rows; i++)
            {
                targets[i] = random.Next(k);
            }

            var weights = new float[k];
            for (int c = 0; c < k; c++)
            {
                weights[c] = (float)(0.5 + random.NextDouble());
            }

            var soft = new float[Rows * k];
            for (int j = 0; j < soft.Length; j++)
            {
                soft[j] = (float)random.NextDouble() / k;
            }

            var gOld = new float[Rows * k];
            var gNew = new float[Rows * k];
            int calls = k == 10 ? 20 : 1;
            if (k == 10)
            {
                Pair("K=10 Loss, class index", calls, () => BeforeLoss10F.Loss(logits, targets), () => Loss10F.Loss(logits, targets));
                Pair("K=10 LossAndGradient, class index", calls, () => BeforeLoss10F.LossAndGradient(logits, targets, gOld), () => Loss10F.LossAndGradient(logits, targets, gNew), gOld, gNew);
                Pair("K=10 LossAndGradient, weighted", calls, () => BeforeLoss10F.LossAndGradient(logits, targets, weights, gOld), () => Loss10F.LossAndGradient(logits, targets, weights, gNew), gOld, gNew);
                Pair("K=10 LossAndGradient, probabilities", calls, () => BeforeLoss10F.LossAndGradient(logits, soft, gOld), () => Loss10F.LossAndGradient(logits, soft, gNew), gOld, gNew);
            }
            else
            {
                Pair("K=1000 Loss, class index", calls, () => BeforeLoss1000F.Loss(logits, targets), () => Loss1000F.Loss(logits, targets));
                Pair("K=1000 LossAndGradient, class index", calls, () => BeforeLoss1000F.LossAndGradient(logits, targets, gOld), () => Loss1000F.LossAndGradient(logits, targets, gNew), gOld, gNew);
                Pair("K=1000 LossAndGradient, weighted", calls, () => BeforeLoss1000F.LossAndGradient(logits, targets, weights, gOld), () => Loss1000F.LossAndGradient(logits, targets, weights, gNew), gOld, gNew);
                Pair("K=1000 LossAndGradient, probabilities", calls, () => BeforeLoss1000F.LossAndGradient(logits, soft, gOld), () => Loss1000F.LossAndGradient(logits, soft, gNew), gOld, gNew);
            }
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static void Pair(string name, int calls, Func<float> before, Func<float> after, float[]? gBefore = null, float[]? gAfter = null)
    {
        float a = before(), b = after();
        if (BitConverter.SingleToInt32Bits(a) != BitConverter.SingleToInt32Bits(b)
            || (gBefore is not null && !gBefore.AsSpan().SequenceEqual(gAfter)))
        {
            throw new InvalidOperationException($"{name}: the two files disagree ({a:R} against {b:R}, or in the gradient)");
        }

        Interleaved.Compare(name, calls, before, after, unit: 1000);
    }
}
