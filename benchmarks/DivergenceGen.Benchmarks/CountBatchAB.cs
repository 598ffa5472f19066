using System;
using System.Diagnostics;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// `-- countbatch-ab`: Binomial(20) batch log-pmf of 1,048,576 outcomes (CountBatch's inputs) against its copy floor
/// <c>ConvertChecked&lt;int, double&gt;</c>, and against the per-lane lookup it replaced (BeforeRegisterTable.cs, copied
/// from d1a8325), interleaved in one process like `-- inputcheck-ab`: after a warm-up that reaches tier 1, each round
/// times one block of each variant (order rotated every round), and the report is the median over rounds of each
/// variant's time divided by the floor's in the same round. On a shared 2-vCPU machine this resolves what
/// BenchmarkDotNet's sequential processes cannot (they run seconds apart, under different load).
/// </summary>
public static class CountBatchAB
{
    public static int Run()
    {
        var binomial = new Bin20(0.3);
        var before = new BeforeRegisterTable.Bin20(0.3);
        int[] outcomes = new int[CountBatch.N];
        binomial.Sample(new Random(31), outcomes);
        double[] destination = new double[CountBatch.N];
        double[] check = new double[CountBatch.N];
        binomial.LogPmf(outcomes, destination);
        before.LogPmf(outcomes, check);
        for (int i = 0; i < destination.Length; i++)
        {
            if (!destination[i].Equals(check[i]))
            {
                throw new InvalidOperationException($"Binomial(20) batch log-pmf: generated {destination[i]:R} and before {check[i]:R} differ at {i}.");
            }
        }

        var variants = new (string Name, Action Run)[]
        {
            ("FloorConvert (`ConvertChecked<int, double>`)", () => System.Numerics.Tensors.TensorPrimitives.ConvertChecked<int, double>(outcomes, destination)),
            ("GeneratedBinomial (this build)", () => binomial.LogPmf(outcomes, destination)),
            ("before: per-lane loads (d1a8325)", () => before.LogPmf(outcomes, destination)),
        };

        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 2000)
        {
            foreach (var v in variants)
            {
                v.Run();
            }
        }

        const int Rounds = 201, CallsPerBlock = 4;
        var times = new double[variants.Length, Rounds];
        for (int r = 0; r < Rounds; r++)
        {
            for (int j = 0; j < variants.Length; j++)
            {
                int v = (j + r) % variants.Length;
                long start = Stopwatch.GetTimestamp();
                for (int c = 0; c < CallsPerBlock; c++)
                {
                    variants[v].Run();
                }

                times[v, r] = (Stopwatch.GetTimestamp() - start) * 1e6 / Stopwatch.Frequency / CallsPerBlock;
            }
        }

        Console.WriteLine($"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}, "
            + $"Avx512F {System.Runtime.Intrinsics.X86.Avx512F.IsSupported}; {Rounds} rounds of interleaved blocks of {CallsPerBlock} calls, N = {CountBatch.N:N0}");
        Console.WriteLine("| variant | median µs/call | ÷ floor (median of per-round ratios) | IQR |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (int v = 0; v < variants.Length; v++)
        {
            var own = new double[Rounds];
            var ratio = new double[Rounds];
            for (int r = 0; r < Rounds; r++)
            {
                own[r] = times[v, r];
                ratio[r] = times[v, r] / times[0, r];
            }

            Array.Sort(own);
            Array.Sort(ratio);
            Console.WriteLine($"| {variants[v].Name} | {own[Rounds / 2]:F1} | {ratio[Rounds / 2]:F3} | {ratio[Rounds / 4]:F3}–{ratio[3 * Rounds / 4]:F3} |");
        }

        return 0;
    }
}
