// Response times of a web service: which continuous model describes them, and how far apart are two days?
//
// 1. Draw a seeded day of latencies (a log-normal body plus a slow tail of cache misses), split it into a training
//    and a held-out half, fit Normal, LogNormal and Gamma models by maximum likelihood on the training half, and compare
//    them by the held-out cross-entropy −(1/n)·Σ log p(x) (the batch LogPdf, one call per model) and by quantiles.
// 2. Fit the LogNormal model to two days and measure the drift by KL in both directions and by cross-entropy.
// The program checks its own conclusions and exits 1 if one fails, so CI notices a broken library.
using System;
using System.Linq;
using DivergenceGen;

namespace ResponseTimes;

/// <summary>A latency model: log X ~ Normal(μ, σ), in milliseconds.</summary>
[LogNormal] public readonly partial struct LogNormalLatency;

/// <summary>A latency model with a bell shape (it even gives negative latencies a probability).</summary>
[Normal] public readonly partial struct NormalLatency;

/// <summary>A latency model with a gamma shape.</summary>
[Gamma] public readonly partial struct GammaLatency;

public static class Program
{
    public static int Main(string[] args)
    {
        double slowShare = args.Length > 0 && double.TryParse(args[0], System.Globalization.CultureInfo.InvariantCulture, out double s) ? s : 0.03;
        if (!(slowShare >= 0 && slowShare <= 0.5))
        {
            Console.Error.WriteLine("The share of slow requests must be in [0, 0.5]; got " + args[0] + ".");
            return 2;
        }

        bool ok = true;
        void Check(bool condition, string claim)
        {
            Console.WriteLine((condition ? "  ok    " : "  FAIL  ") + claim);
            ok &= condition;
        }

        // ---- 1. One day: fit three models on half of it, judge them on the other half --------------------------------
        double[] day = Day(new Random(20261207), 40_000, bodyMedian: 120, slowShare);
        double[] train = day[..20_000], test = day[20_000..];
        var logNormal = LogNormalLatency.Fit(train);
        var normal = NormalLatency.Fit(train);
        var gamma = GammaLatency.Fit(train);

        Console.WriteLine($"Day 1: {day.Length:N0} requests, {slowShare:P0} slow; fitted on {train.Length:N0}, judged on {test.Length:N0}.");
        Console.WriteLine($"  LogNormal  mu = {logNormal.Mu:F4}, sigma = {logNormal.Sigma:F4}  (median e^mu = {Math.Exp(logNormal.Mu):F1} ms)");
        Console.WriteLine($"  Normal     mean = {normal.Mean:F1} ms, sd = {normal.StandardDeviation:F1} ms");
        Console.WriteLine($"  Gamma      shape = {gamma.Shape:F3}, rate = {gamma.Rate:F5} per ms");
        Console.WriteLine();

        double ceLogNormal = HeldOutCrossEntropy(logNormal, test);
        double ceNormal = HeldOutCrossEntropy(normal, test);
        double ceGamma = HeldOutCrossEntropy(gamma, test);
        Console.WriteLine("Held-out cross-entropy −(1/n)·Σ log p(x), nats per request (lower is better):");
        Console.WriteLine($"  LogNormal {ceLogNormal,9:F4}   Gamma {ceGamma,9:F4}   Normal {ceNormal,9:F4}");
        Console.WriteLine();

        double[] sorted = test.OrderBy(x => x).ToArray();
        Console.WriteLine("Quantiles of the held-out half against each model's (ms):");
        Console.WriteLine("  p          data   LogNormal       Gamma      Normal");
        foreach (double p in new[] { 0.5, 0.9, 0.99, 0.999 })
        {
            double empirical = sorted[(int)Math.Floor(p * (sorted.Length - 1))];
            Console.WriteLine($"  {p,-6} {empirical,9:F1} {logNormal.Quantile(p),11:F1} {gamma.Quantile(p),11:F1} {normal.Quantile(p),11:F1}");
        }

        Console.WriteLine($"  P(latency < 0): LogNormal {logNormal.Cdf(0):G3}, Gamma {gamma.Cdf(0):G3}, Normal {normal.Cdf(0):G3}");
        Console.WriteLine();

        Check(ceLogNormal < ceGamma && ceGamma < ceNormal, "LogNormal < Gamma < Normal by held-out cross-entropy");
        Check(normal.Cdf(0) > 0 && logNormal.Cdf(0) == 0 && gamma.Cdf(0) == 0, "only the Normal model gives negative latencies a probability");
        double p50 = sorted[sorted.Length / 2];
        Check(Math.Abs(logNormal.Quantile(0.5) - p50) < Math.Abs(normal.Quantile(0.5) - p50), "the LogNormal median is closer to the data's than the Normal's");
        double p99 = sorted[(int)Math.Floor(0.99 * (sorted.Length - 1))];
        Check(new[] { logNormal.Quantile(0.99), gamma.Quantile(0.99), normal.Quantile(0.99) }.All(q => q < p99),
            "every one-component model misses the slow tail: its p99 is below the data's (a mixture would be the next model)");

        // ---- 2. Two days: how far has the distribution moved? ----------------------------------------------------------
        double[] dayTwo = Day(new Random(20261208), 40_000, bodyMedian: 135, slowShare);
        var yesterday = logNormal;
        var today = LogNormalLatency.Fit(dayTwo);
        var todayAgain = LogNormalLatency.Fit(Day(new Random(20261209), 40_000, bodyMedian: 135, slowShare));
        double drift = today.KLDivergence(yesterday);
        double back = yesterday.KLDivergence(today);
        double noise = todayAgain.KLDivergence(today);
        Console.WriteLine("Day 2 (body median 135 ms instead of 120), fitted LogNormal models:");
        Console.WriteLine($"  KL(today ‖ yesterday) = {drift:G4} nats, KL(yesterday ‖ today) = {back:G4} nats");
        Console.WriteLine($"  KL between two samples of the same day-2 law = {noise:G4} nats (sampling noise)");
        Console.WriteLine($"  H(today) = {today.Entropy():F4}, H(today, yesterday) = {today.CrossEntropy(yesterday):F4} nats");
        Console.WriteLine();

        Check(drift > 20 * noise, "the drift is far above the sampling noise");
        Check(Math.Abs(today.CrossEntropy(yesterday) - (today.Entropy() + drift)) <= 1e-12 * Math.Abs(today.CrossEntropy(yesterday)),
            "H(P, Q) = H(P) + KL(P ‖ Q)");
        Check(yesterday.KLDivergence(yesterday) == 0 && drift > 0 && back > 0, "KL(P ‖ P) = 0 and KL > 0 between different laws");

        Console.WriteLine(ok ? "All checks passed." : "A check failed.");
        return ok ? 0 : 1;
    }

    /// <summary>
    /// A day of latencies in ms: LogNormal(log median, 0.35) for most requests, and a share of slow ones (cache misses)
    /// at eight times the median with a wider spread.
    /// </summary>
    private static double[] Day(Random random, int count, double bodyMedian, double slowShare)
    {
        var body = new LogNormalLatency(Math.Log(bodyMedian), 0.35);
        var slow = new LogNormalLatency(Math.Log(8 * bodyMedian), 0.6);
        var x = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = random.NextDouble() < slowShare ? slow.Sample(random) : body.Sample(random);
        }

        return x;
    }

    /// <summary>−(1/n)·Σ log p(xᵢ): one batch LogPdf call (SIMD for these double types), then a sum.</summary>
    private static double HeldOutCrossEntropy<TDist>(TDist model, double[] x)
        where TDist : IContinuousDistribution<TDist, double>
    {
        var logDensity = new double[x.Length];
        model.LogPdf(x, logDensity);
        return -logDensity.Average();
    }
}
