using System;
using System.Diagnostics;
using System.IO;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// `-- ratios` (issue 12's targets): the rows of <see cref="CategoricalKL{TDist, T}"/>, <see cref="CategoricalEntropy{TDist, T}"/>
/// and <see cref="CategoricalCrossEntropy{TDist, T}"/> (generated raw, generated cached, naive, TensorPrimitives, the Dot
/// floor), each class set up and validated by its own <c>Setup</c>, timed interleaved in one process: after a 1 s warm-up,
/// 101 rounds, each one block of every variant (order rotated every round). A ratio is the median over rounds of
/// time(variant) / time(generated) in the same round, so load that changes slower than a round cancels, and no ratio
/// compares two processes (BenchmarkDotNet's rows are separate processes, whose frames and tiers differ:
/// benchmarks/README.md "Why generated kernels swing between processes"). Run it in several processes and take medians.
/// </summary>
public static class Ratios
{
    private const int Rounds = 101;

    public static int Run()
    {
        Console.WriteLine($".NET {Environment.Version}; Vector512 accelerated {Vector512.IsHardwareAccelerated}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("median ns per call; × = median over rounds of time(variant) / time(generated raw) (above 1: generated faster); ÷ floor = generated / Dot");
        Console.WriteLine("| measure | T | K | generated (raw) | × naive | × TensorPrimitives | ÷ floor (Dot) | cached |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        Measures<Cat4, double>("4");
        Measures<Cat16, double>("16");
        Measures<Cat256, double>("256");
        Measures<Cat4096, double>("4,096");
        Measures<Cat1M, double>("1,048,576");
        Measures<Cat4F, float>("4");
        Measures<Cat16F, float>("16");
        Measures<Cat256F, float>("256");
        Measures<Cat4096F, float>("4,096");
        Measures<Cat1MF, float>("1,048,576");
        var bernoulli = new BernoulliBatch();
        bernoulli.Setup();
        Console.WriteLine();
        Console.WriteLine("| Bernoulli, N = 1,048,576 | generated | × naive | ÷ floor |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("batch KL (`Coin.KLDivergence(p, q, dst)`)", null, null, Void(bernoulli.GeneratedKL), Void(bernoulli.NaiveKL), Void(bernoulli.FloorAdd));
        Console.WriteLine();
        // The compute floor of any accurate Bernoulli KL: two table logarithms per pair and nothing else.
        Console.WriteLine("| Bernoulli, N = 1,048,576: the compute floor | time | × the other | ÷ FloorAdd |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("batch KL (× FloorTwoLogs)", null, null, Void(bernoulli.GeneratedKL), Void(bernoulli.FloorTwoLogs), Void(bernoulli.FloorAdd));
        Row("FloorTwoLogs: log p + log(1 − q), table logs (× batch KL)", null, null, Void(bernoulli.FloorTwoLogs), Void(bernoulli.GeneratedKL), Void(bernoulli.FloorAdd));
        Row("batch log-pmf (`coin.LogPmf(outcomes, dst)`)", null, null, Void(bernoulli.GeneratedLogPmf), Void(bernoulli.NaiveLogPmf), Void(bernoulli.FloorConvert));
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static Func<int> Void(Action a) => () =>
    {
        a();
        return 0;
    };

    private static void Measures<TDist, T>(string k)
        where TDist : ICategoricalDistribution<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        string t = typeof(T) == typeof(double) ? "double" : "float";
        var kl = new CategoricalKL<TDist, T>();
        kl.Setup();
        Row("KL", t, k, kl.Generated, kl.Naive, kl.TensorPrimitives, kl.FloorDot, kl.GeneratedCached);
        var entropy = new CategoricalEntropy<TDist, T>();
        entropy.Setup();
        Row("entropy", t, k, entropy.Generated, entropy.Naive, entropy.TensorPrimitives, entropy.FloorDot, entropy.GeneratedCached);
        var crossEntropy = new CategoricalCrossEntropy<TDist, T>();
        crossEntropy.Setup();
        Row("cross-entropy", t, k, crossEntropy.Generated, crossEntropy.Naive, crossEntropy.TensorPrimitives, crossEntropy.FloorDot, crossEntropy.GeneratedCached);
    }

    /// <summary>One table row: variants[0] is the generated raw member, then naive, TensorPrimitives, the floor, cached.</summary>
    private static void Row<T>(string measure, string? t, string? k, params Func<T>[] variants)
    {
        // Calls per block: about 0.3 ms of the generated member.
        long start = Stopwatch.GetTimestamp();
        int probe = 0;
        while (Stopwatch.GetTimestamp() - start < Stopwatch.Frequency / 100)
        {
            variants[0]();
            probe++;
        }

        int calls = Math.Max(1, probe * 3 / 100);
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 1000)
        {
            foreach (var v in variants)
            {
                Block(v, calls);
            }
        }

        var times = new double[variants.Length][];
        var ratios = new double[variants.Length][];
        for (int j = 0; j < variants.Length; j++)
        {
            times[j] = new double[Rounds];
            ratios[j] = new double[Rounds];
        }

        var round = new double[variants.Length];
        for (int r = 0; r < Rounds; r++)
        {
            for (int i = 0; i < variants.Length; i++)
            {
                int j = (i + r) % variants.Length;
                round[j] = Block(variants[j], calls);
            }

            for (int j = 0; j < variants.Length; j++)
            {
                times[j][r] = round[j];
                ratios[j][r] = round[j] / round[0];
            }
        }

        foreach (var a in times)
        {
            Array.Sort(a);
        }

        foreach (var a in ratios)
        {
            Array.Sort(a);
        }

        double Median(double[] a) => a[Rounds / 2];
        if (t is null)
        {
            // A batch row: generated, naive, the floor.
            Console.WriteLine($"| {measure} | {Time(Median(times[0]))} | {Median(ratios[1]):F2} | {1 / Median(ratios[2]):F1} |");
            return;
        }

        Console.WriteLine($"| {measure} | {t} | {k} | {Time(Median(times[0]))} | {Median(ratios[1]):F2} | {Median(ratios[2]):F2} | {1 / Median(ratios[3]):F1} | {Time(Median(times[4]))} |");
    }

    private static string Time(double ns) => ns switch
    {
        < 1_000 => $"{ns:G3} ns",
        < 1_000_000 => $"{ns / 1_000:G3} µs",
        _ => $"{ns / 1_000_000:G3} ms",
    };

    /// <summary>ns per call over one block.</summary>
    private static double Block<T>(Func<T> f, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            f();
        }

        return (Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency / calls;
    }
}
