// KL between beta laws in every regime of ContinuousMath.BetaKLDivergence (the K = 2 DirichletMath.KLDivergence), against
// mpmath at the exact double inputs (Continuous/beta_kl_reference.json, written by make_beta_kl_reference.py with adaptive
// precision).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests.Continuous
{
    public sealed class BetaKLReferenceTests(ITestOutputHelper output)
    {
        private const double Epsilon = 2.220446049250313e-16;

        /// <summary>The smallest normal double: results below it are measured absolutely against it (a subnormal has fewer digits).</summary>
        private const double SmallestNormal = 2.2250738585072014e-308;

        private sealed record Case(string Regime, double[] Params, double Value);

        private static readonly Lazy<List<Case>> All = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Continuous", "beta_kl_reference.json");
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
                c.GetProperty("regime").GetString()!,
                c.GetProperty("params").EnumerateArray().Select(p => p.GetDouble()).ToArray(),
                double.Parse(c.GetProperty("value").GetString()!, CultureInfo.InvariantCulture))).ToList();
        });

        /// <summary>Relative error; a reference below the normal range is measured against the smallest normal double.</summary>
        private static double Error(Case c, double got) =>
            got == c.Value ? 0 : Math.Abs(got - c.Value) / Math.Max(c.Value, SmallestNormal); // also +∞ = +∞ (KL overflowing)

        /// <summary>
        /// The bounds in ε per regime of P's shapes: the measured worst case on this data (x86-64, .NET 10) rounded up.
        /// Measured: both shapes ≥ 10 4.2 ε ([10.9, 11] ‖ [9.9, 10]); sum &lt; 10 14.7 ε ([1, 1] ‖ [9.9, 12], a far pair: lnΓ
        /// terms of size ~20 against 4.9); sum &lt; 10 with one shape more than 8 times the other 4.5 ε (the dominant form; it was
        /// 2.3e6 ε at [4, 1e−6] ‖ [2, 1e−6]); both &lt; 10 with sum ≥ 10 33.0 ε and one &lt; 10 with sum ≥ 10 73.9 ε
        /// ([9.9, 1e8] ‖ [9.8999901, 99999899.9]): near pairs along the proportional direction, where B(αⱼ → βⱼ) of a shape
        /// below 10 and its share σ·g(t₀) − Δ·log1p(t₀) of the total's deviance cancel by up to ~2αⱼ + 1 (not fixed; see
        /// DirichletMath.KLDivergence). Results below the normal range (1e−313 … 1e−319 here) are measured absolutely.
        /// </summary>
        private static double Bound(string regime) => regime switch
        {
            "both >= 10" => 6,
            "sum < 10" => 20,
            "sum < 10, dominant" => 6,
            "both < 10, sum >= 10" => 44,
            "one < 10, sum >= 10" => 96,
            _ => throw new InvalidOperationException("no bound for regime " + regime),
        };

        [Fact]
        public void EveryCaseIsWithinItsRegimeBound()
        {
            var failures = new List<string>();
            foreach (var g in All.Value.GroupBy(c => c.Regime).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                double worst = 0;
                Case? worstCase = null;
                foreach (var c in g)
                {
                    double[] p = c.Params;
                    double got = ContinuousMath.BetaKLDivergence(p[0], p[1], p[2], p[3]);
                    double err = Error(c, got);
                    if (!(err <= worst))
                    {
                        worst = err;
                        worstCase = c;
                    }

                    if (!(err <= Bound(c.Regime) * Epsilon))
                    {
                        failures.Add($"{c.Regime} [{Show(p)}]: want {c.Value:R}, got {got:R}, {err / Epsilon:F1} ε > {Bound(c.Regime)} ε");
                    }
                }

                output.WriteLine($"{g.Key} ({g.Count()} cases): worst {worst / Epsilon:F1} ε at [{Show(worstCase!.Params)}] (bound {Bound(g.Key)} ε)");
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }

        private static string Show(double[] p) => string.Join(", ", p.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
    }
}
