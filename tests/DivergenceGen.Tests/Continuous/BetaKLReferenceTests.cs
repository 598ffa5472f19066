// KL between beta laws in every regime of ContinuousMath.BetaKLDivergence, against 80-digit mpmath at the exact double
// inputs (Continuous/beta_kl_reference.json, written by make_beta_kl_reference.py).
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

        private static double Error(Case c, double got) => c.Value == 0 ? Math.Abs(got) : Math.Abs(got - c.Value) / c.Value;

        [Fact]
        public void Explore()
        {
            foreach (var g in All.Value.GroupBy(c => c.Regime))
            {
                double worstBeta = 0, worstDir = 0;
                Case? wb = null, wd = null;
                foreach (var c in g)
                {
                    double[] p = c.Params;
                    double beta = ContinuousMath.BetaKLDivergence(p[0], p[1], p[2], p[3]);
                    double dir = DirichletMath.KLDivergence<double>(new[] { p[0], p[1] }, new[] { p[2], p[3] });
                    if (Error(c, beta) > worstBeta) { worstBeta = Error(c, beta); wb = c; }
                    if (Error(c, dir) > worstDir) { worstDir = Error(c, dir); wd = c; }
                }

                foreach (var c in g.OrderByDescending(c => Error(c, ContinuousMath.BetaKLDivergence(c.Params[0], c.Params[1], c.Params[2], c.Params[3]))).Take(12))
                {
                    double[] p = c.Params;
                    double beta = ContinuousMath.BetaKLDivergence(p[0], p[1], p[2], p[3]);
                    double dir = DirichletMath.KLDivergence<double>(new[] { p[0], p[1] }, new[] { p[2], p[3] });
                    output.WriteLine($"   [{string.Join(", ", p.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))}] want {c.Value:R} beta {beta:R} ({Error(c, beta) / Epsilon:F1}) dir {dir:R} ({Error(c, dir) / Epsilon:F1})");
                }

                output.WriteLine($"{g.Key} ({g.Count()}): beta form {worstBeta / Epsilon:F1} ε at [{string.Join(", ", wb!.Params)}]; Dirichlet {worstDir / Epsilon:F1} ε at [{string.Join(", ", wd!.Params)}]");
            }
        }
    }
}
