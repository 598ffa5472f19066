// The continuous families where plain formulas fail: KL between laws 1e−3 … 1e−12 apart (the value is then far below the
// rounding of the terms a plain formula subtracts), entropies and log-densities at tiny and huge shapes. The reference
// is 50-digit mpmath at the exact double inputs (Continuous/continuous_reference.json, written by
// make_continuous_reference.py). Each bound is stated in units of ε = 2⁻⁵² relative to the reference, per quantity and
// regime, below; they are the measured worst cases rounded up, not loosened to pass.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.Continuous
{
    public sealed class ContinuousReferenceTests(ITestOutputHelper output)
    {
        private const double Epsilon = 2.220446049250313e-16;

        internal sealed record Case(string Kind, string Family, double[] Params, double Value);

        internal static readonly Lazy<List<Case>> All = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Continuous", "continuous_reference.json");
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
                c.GetProperty("kind").GetString()!,
                c.GetProperty("family").GetString()!,
                c.GetProperty("params").EnumerateArray().Select(p => p.GetDouble()).ToArray(),
                double.Parse(c.GetProperty("value").GetString()!, CultureInfo.InvariantCulture))).ToList();
        });

        /// <summary>The generated member's value for a case.</summary>
        internal static double Compute(Case c)
        {
            double[] p = c.Params;
            return (c.Kind, c.Family) switch
            {
                ("kl", "Normal") => new Norm(p[0], p[1]).KLDivergence(new Norm(p[2], p[3])),
                ("kl", "Exponential") => new Expo(p[0]).KLDivergence(new Expo(p[1])),
                ("kl", "Laplace") => new Lap(p[0], p[1]).KLDivergence(new Lap(p[2], p[3])),
                ("kl", "Gamma") => new Gam(p[0], p[1]).KLDivergence(new Gam(p[2], p[3])),
                ("kl", "Beta") => new Bet(p[0], p[1]).KLDivergence(new Bet(p[2], p[3])),
                ("entropy", "Gamma") => new Gam(p[0], p[1]).Entropy(),
                ("entropy", "Beta") => new Bet(p[0], p[1]).Entropy(),
                ("logpdf", "Gamma") => new Gam(p[1], p[2]).LogPdf(p[0]),
                ("logpdf", "Beta") => new Bet(p[1], p[2]).LogPdf(p[0]),
                ("cdf", _) => Law(c.Family, p[1..]).Cdf(p[0]),
                ("quantile", _) => Law(c.Family, p[1..]).Quantile(p[0]),
                _ => throw new InvalidOperationException(c.Kind + " " + c.Family),
            };
        }

        /// <summary>
        /// The bounds, in ε relative to |reference| for a divergence (it is ≥ 0 and every method here keeps relative accuracy
        /// where P ≈ Q), and relative to max(|reference|, 1) for an entropy or a log-density (differences of terms of order
        /// 1, whose absolute rounding is what a value near 0 keeps). Measured worst cases on this data (Zen 4): KL 21.3 ε
        /// (Gamma(0.001, 1) against Gamma(5, 0.1), value 5009.7: the sum of ln Γ terms of that size), entropy 9.0 ε
        /// (Beta(9.5, 12)), log-density 2.0 ε (Gamma).
        /// </summary>
        private static double Bound(string kind) => kind switch
        {
            "kl" => 32 * Epsilon,
            "entropy" => 16 * Epsilon,
            "cdf" or "quantile" => 8 * Epsilon,
            _ => 8 * Epsilon,
        };

        /// <summary>
        /// The error in the unit its bound is stated in. A divergence: relative. An entropy or log-density: relative to
        /// max(|value|, 1). A distribution function: relative, divided by its condition number max(1, |x·p(x)/F(x)|) —
        /// the rounding of x alone moves F(x) by that many units of its own relative precision (the log-normal's lower tail
        /// at x = 1e−10: 37; Gamma(10⁴, 10⁴) at 0.95: ~500). A quantile: relative to max(|x|, |location|, |other end|) for
        /// the location families (μ + σ·z cancels where x ≈ 0 however accurate z is), relative and divided by
        /// max(1, |log x|) for the log-normal (exp of μ + σ·z); a quantile below the double range must come out below
        /// 1e−300 (0 or subnormal).
        /// </summary>
        private static double Error(Case c, double got)
        {
            double[] p = c.Params;
            switch (c.Kind)
            {
                case "kl":
                    return Math.Abs(got - c.Value) / Math.Abs(c.Value);
                case "cdf":
                {
                    if (c.Value == 0)
                    {
                        return got == 0 ? 0 : double.PositiveInfinity;
                    }

                    double density = Math.Exp(Law(c.Family, p[1..]).LogPdf(p[0]));
                    double condition = Math.Max(1, Math.Abs(p[0] * density / c.Value));
                    return Math.Abs(got - c.Value) / Math.Abs(c.Value) / condition;
                }

                case "quantile" when Math.Abs(c.Value) < 1e-300:
                    return Math.Abs(got) < 1e-300 ? 0 : double.PositiveInfinity;
                case "quantile":
                {
                    double scale = c.Family switch
                    {
                        "Normal" or "Laplace" => Math.Max(Math.Abs(c.Value), Math.Abs(p[1])),
                        "Uniform" => Math.Max(Math.Abs(c.Value), Math.Max(Math.Abs(p[1]), Math.Abs(p[2]))),
                        "LogNormal" => Math.Abs(c.Value) * Math.Max(1, Math.Abs(Math.Log(c.Value))),
                        _ => Math.Abs(c.Value),
                    };
                    return Math.Abs(got - c.Value) / scale;
                }

                default:
                    return Math.Abs(got - c.Value) / Math.Max(Math.Abs(c.Value), 1);
            }
        }

        /// <summary>A law as the common interface's two members this test reads.</summary>
        internal interface ILaw
        {
            double LogPdf(double x);

            double Cdf(double x);

            double Quantile(double probability);
        }

        private sealed record LawOf<TDist>(TDist D) : ILaw
            where TDist : IContinuousDistribution<TDist, double>
        {
            public double LogPdf(double x) => D.LogPdf(x);

            public double Cdf(double x) => D.Cdf(x);

            public double Quantile(double probability) => D.Quantile(probability);
        }

        private static ILaw Law(string family, double[] a) => family switch
        {
            "Normal" => new LawOf<Norm>(new Norm(a[0], a[1])),
            "LogNormal" => new LawOf<LogNorm>(new LogNorm(a[0], a[1])),
            "Exponential" => new LawOf<Expo>(new Expo(a[0])),
            "Gamma" => new LawOf<Gam>(new Gam(a[0], a[1])),
            "Beta" => new LawOf<Bet>(new Bet(a[0], a[1])),
            "Laplace" => new LawOf<Lap>(new Lap(a[0], a[1])),
            "Uniform" => new LawOf<Uni>(new Uni(a[0], a[1])),
            _ => throw new ArgumentException(family),
        };

        [Fact]
        public void EveryCaseIsWithinItsBound()
        {
            Assert.Equal(532, All.Value.Count);
            var failures = new List<string>();
            foreach (var g in All.Value.GroupBy(c => c.Kind + " " + c.Family))
            {
                var worst = g.Select(c => (c, got: Compute(c))).Select(t => (t.c, t.got, err: Error(t.c, t.got))).OrderByDescending(t => t.err).First();
                output.WriteLine($"{g.Key}: worst {worst.err / Epsilon:F1} ε at [{string.Join(", ", worst.c.Params.Select(R))}] (want {R(worst.c.Value)}, got {R(worst.got)})");
                foreach (var c in g)
                {
                    double got = Compute(c);
                    if (!(Error(c, got) <= Bound(c.Kind)))
                    {
                        failures.Add($"{c.Kind} {c.Family} [{string.Join(", ", c.Params.Select(R))}]: want {R(c.Value)}, got {R(got)}, {Error(c, got) / Epsilon:F1} ε > {Bound(c.Kind) / Epsilon} ε");
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
    }
}
