// The Dirichlet(K) numerics of DirichletMath against high-precision mpmath (VectorFamilies/dirichlet_reference.json, written
// by make_dirichlet_reference.py: K = 2, 3, 5, 16; concentrations 1e−300 … 1e15; KL pairs near-equal 1e−3 … 1e−12 apart,
// scaled β = cα, far apart), the identities between the measures, K = 2 against the beta forms of ContinuousMath, the
// log-density's boundary and simplex rules, validation messages, the sampler and the maximum-likelihood fit.
// Bounds are in ε = 2⁻⁵², the measured worst cases rounded up (stated per quantity at Bound), never widened to pass.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.VectorFamilies
{
    public sealed class DirichletMathTests(ITestOutputHelper output)
    {
        private const double Epsilon = 2.220446049250313e-16;

        internal sealed record Case(string Kind, double[][] Params, double Value, double Scale);

        private static readonly Lazy<List<Case>> All = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "VectorFamilies", "dirichlet_reference.json");
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
                c.GetProperty("kind").GetString()!,
                c.GetProperty("params").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray(),
                double.Parse(c.GetProperty("value").GetString()!, CultureInfo.InvariantCulture),
                c.TryGetProperty("scale", out var s) ? double.Parse(s.GetString()!, CultureInfo.InvariantCulture) : double.NaN)).ToList();
        });

        private static double Compute(Case c)
        {
            double[][] p = c.Params;
            return c.Kind switch
            {
                "logbeta" => DirichletMath.LogBeta<double>(p[0]),
                "entropy" => DirichletMath.Entropy<double>(p[0]),
                "kl" => DirichletMath.KLDivergence<double>(p[0], p[1]),
                "crossentropy" => DirichletMath.CrossEntropy<double>(p[0], p[1]),
                "logpdf" => DirichletMath.LogPdf<double>(p[0], DirichletMath.LogBeta<double>(p[0]), p[1]),
                _ => throw new InvalidOperationException(c.Kind),
            };
        }

        /// <summary>
        /// The error in the unit of its bound: KL relative to the reference (it is ≥ 0 and kept with relative accuracy down
        /// to 1e−30); ln B, entropy and cross-entropy relative to max(|reference|, 1); the log-density relative to
        /// max(scale, 1), scale = Σ|(αᵢ − 1)·ln xᵢ| + |ln B(α)| (the value, given ln B, is a difference of those terms and can be
        /// far smaller: at the mode for α = 1e12 it is ~30 while the terms are ~1e13).
        /// </summary>
        private static double Error(Case c, double got) => c.Kind switch
        {
            "kl" => c.Value == 0 ? (got == 0 ? 0 : double.PositiveInfinity) : Math.Abs(got - c.Value) / Math.Abs(c.Value),
            "logpdf" => Math.Abs(got - c.Value) / Math.Max(c.Scale, 1),
            _ => Math.Abs(got - c.Value) / Math.Max(Math.Abs(c.Value), 1),
        };

        /// <summary>
        /// The bounds, in ε: the measured worst case on this data (x86-64, .NET 10) rounded up by about a third (an ulp of
        /// Math.Log may differ on another CPU). Measured: ln B 6.0 ε ([0.25, 7.5], α₀ &lt; 10: the sum of log-gammas of size ~1);
        /// entropy 9.2 ε ([4.02, 2.8, 2.93]: the terms (αᵢ − 1)(ψ(α₀) − ψ(αᵢ)) ≈ 8 against a result of −1.3); KL 18.1 ε relative
        /// ([0.001, 1e6, 5] against 10× that: the small components' Bregman parts against σ_s·g(t₀) − Δ_s·ln(β₀/α₀));
        /// cross-entropy 7.4 ε; log-density 4.8 ε of its scale.
        /// </summary>
        private static double Bound(string kind) => kind switch
        {
            "logbeta" => 8 * Epsilon,
            "entropy" => 12 * Epsilon,
            "kl" => 24 * Epsilon,
            "crossentropy" => 10 * Epsilon,
            "logpdf" => 6 * Epsilon,
            _ => throw new InvalidOperationException(kind),
        };

        private static string Show(double[][] p) => string.Join(" | ", p.Select(v => "[" + string.Join(", ", v.Select(R)) + "]"));

        [Fact]
        public void DirichletReferenceCasesAreWithinTheirBounds()
        {
            Assert.True(All.Value.Count >= 150);
            var failures = new List<string>();
            foreach (var g in All.Value.GroupBy(c => c.Kind))
            {
                var rows = g.Select(c => (c, got: Compute(c))).Select(t => (t.c, t.got, err: Error(t.c, t.got))).OrderByDescending(t => t.err).ToList();
                var worst = rows[0];
                output.WriteLine($"{g.Key} ({rows.Count} cases): worst {worst.err / Epsilon:F2} ε at {Show(worst.c.Params)} (want {R(worst.c.Value)}, got {R(worst.got)})");
                foreach (var (c, got, err) in rows)
                {
                    if (!(err <= Bound(c.Kind)))
                    {
                        failures.Add($"{c.Kind} {Show(c.Params)}: want {R(c.Value)}, got {R(got)}, {err / Epsilon:F1} ε > {Bound(c.Kind) / Epsilon} ε");
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        }
    }
}
