// The law of rare events, measured: Binomial(n, λ/n) → Poisson(λ) as n grows, and by how much, in nats.
// Then a use of the same families on data: hourly counts that are over-dispersed, where a Poisson model is
// beaten by a NegativeBinomial one (log-likelihoods, and the KL between the fitted laws).
using System;
using System.Globalization;
using System.Linq;
using DivergenceGen;

namespace RareEvents;

[Binomial(10)] public readonly partial struct Trials10;
[Binomial(100)] public readonly partial struct Trials100;
[Binomial(1000)] public readonly partial struct Trials1000;
[Binomial(100_000)] public readonly partial struct Trials100000;
[Poisson] public readonly partial struct Arrivals;
[NegativeBinomial] public readonly partial struct Overdispersed;

/// <summary>Cross-family divergences: the generator sums over the binomial's finite support with the Poisson log-pmf.</summary>
public static partial class Approximation
{
    /// <summary>D(Binomial(10, p) ‖ Poisson(λ)).</summary>
    [KLDivergence] public static partial double KL(in Trials10 p, in Arrivals q);

    /// <summary>D(Binomial(100, p) ‖ Poisson(λ)).</summary>
    [KLDivergence] public static partial double KL(in Trials100 p, in Arrivals q);

    /// <summary>D(Binomial(1000, p) ‖ Poisson(λ)).</summary>
    [KLDivergence] public static partial double KL(in Trials1000 p, in Arrivals q);

    /// <summary>D(Binomial(100000, p) ‖ Poisson(λ)).</summary>
    [KLDivergence] public static partial double KL(in Trials100000 p, in Arrivals q);
}

public static class Program
{
    public static int Main(string[] args)
    {
        double rate = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2.0;
        if (!Arrivals.TryCreate(rate, out var poisson) || rate > 10)
        {
            Console.Error.WriteLine($"usage: RareEvents [rate λ in [0, 10]], got {args[0]}");
            return 2;
        }

        Console.WriteLine($"Binomial(n, λ/n) against Poisson(λ = {rate}): KL in nats, and n²·KL (→ λ²/4 = {rate * rate / 4:F4} as n → ∞)");
        Row(10, Approximation.KL(new Trials10(rate / 10), poisson));
        Row(100, Approximation.KL(new Trials100(rate / 100), poisson));
        Row(1000, Approximation.KL(new Trials1000(rate / 1000), poisson));
        Row(100_000, Approximation.KL(new Trials100000(rate / 100_000), poisson));

        // Over-dispersed counts: draws from NegativeBinomial(r = 3, p = 0.4), mean 4.5, variance 11.25.
        var truth = new Overdispersed(3, 0.4);
        var counts = new int[5000];
        truth.Sample(new Random(2026), counts);
        var poissonFit = Arrivals.Fit(counts);
        var negBinFit = Overdispersed.Fit(counts, 3);
        double mean = counts.Average();
        double variance = counts.Select(c => (c - mean) * (c - mean)).Sum() / (counts.Length - 1);
        Console.WriteLine();
        Console.WriteLine($"{counts.Length} hourly counts: mean {mean:F3}, variance {variance:F3} (a Poisson law has them equal)");
        Console.WriteLine($"  Poisson fit          λ̂ = {poissonFit.Rate:F4}   log-likelihood {poissonFit.LogLikelihood(counts):F1}");
        Console.WriteLine($"  NegativeBinomial fit p̂ = {negBinFit.P:F4}   log-likelihood {negBinFit.LogLikelihood(counts):F1} (r = 3 given)");
        Console.WriteLine($"  entropy of the fits: Poisson {poissonFit.Entropy():F4}, NegativeBinomial {negBinFit.Entropy():F4} nats");
        Console.WriteLine($"  D(truth ‖ fitted NB) = {truth.KLDivergence(negBinFit):E3} nats");

        bool converges = Approximation.KL(new Trials100000(rate / 100_000), poisson) < Approximation.KL(new Trials10(rate / 10), poisson);
        bool negBinWins = negBinFit.LogLikelihood(counts) > poissonFit.LogLikelihood(counts);
        return converges && negBinWins ? 0 : 1;
    }

    private static void Row(int n, double kl) =>
        Console.WriteLine($"  n = {n,7}: KL = {kl:E4}   n²·KL = {n * (double)n * kl:F4}");
}
