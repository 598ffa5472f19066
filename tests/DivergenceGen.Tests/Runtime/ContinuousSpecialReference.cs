// The rows of Runtime/reference/continuous_special.json (made by make_continuous_special.py there: 50-digit mpmath, each
// value rounded once to the nearest double) and the error measure shared by StandardNormalTests, IncompleteBetaTests and
// IncompleteGammaInverseTests.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests.Runtime
{
    internal static class ContinuousSpecialReference
    {
        public const double Epsilon = 2.220446049250313e-16; // 2⁻⁵²
        private const double SmallestNormal = 2.2250738585072014E-308;

        public sealed record NormalRow(double Z, double Cdf, double Complement, double LogCdf, string Kind);

        public sealed record QuantileRow(double P, double X, string Kind);

        public sealed record BetaRow(double A, double B, double X, double I, double Complement, string Kind);

        public sealed record BetaInverseRow(double A, double B, double Target, double X, double OneMinusX, string Kind);

        public sealed record GammaInverseRow(double A, double Target, double X, string Kind);

        private static readonly Lazy<JsonDocument> Document = new(() =>
            JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Runtime", "reference", "continuous_special.json"))));

        private static IEnumerable<JsonElement> Rows(string name) => Document.Value.RootElement.GetProperty(name).EnumerateArray();

        private static double D(JsonElement e, string name) => e.GetProperty(name).GetDouble();

        private static string S(JsonElement e, string name) => e.GetProperty(name).GetString()!;

        public static readonly Lazy<List<NormalRow>> Normal = new(() =>
            Rows("normal").Select(r => new NormalRow(D(r, "z"), D(r, "cdf"), D(r, "complement"), D(r, "logCdf"), S(r, "kind"))).ToList());

        public static readonly Lazy<List<QuantileRow>> NormalQuantile = new(() =>
            Rows("normalQuantile").Select(r => new QuantileRow(D(r, "p"), D(r, "x"), S(r, "kind"))).ToList());

        public static readonly Lazy<List<BetaRow>> Beta = new(() =>
            Rows("beta").Select(r => new BetaRow(D(r, "a"), D(r, "b"), D(r, "x"), D(r, "I"), D(r, "complement"), S(r, "kind"))).ToList());

        public static readonly Lazy<List<BetaInverseRow>> BetaInverse = new(() =>
            Rows("betaInverse").Select(r => new BetaInverseRow(D(r, "a"), D(r, "b"), D(r, "target"), D(r, "x"), D(r, "oneMinusX"), S(r, "kind"))).ToList());

        public static readonly Lazy<List<GammaInverseRow>> GammaInverse = new(() =>
            Rows("gammaInverse").Select(r => new GammaInverseRow(D(r, "a"), D(r, "target"), D(r, "x"), S(r, "kind"))).ToList());

        /// <summary>
        /// Relative error in units of ε; a subnormal or zero reference forgives 2 units of the smallest subnormal (its
        /// rounding and ours); 0 when both are equal (0, ±∞).
        /// </summary>
        public static double Ulps(double got, double expected)
        {
            if (got == expected)
            {
                return 0;
            }

            double error = Math.Abs(got - expected);
            if (Math.Abs(expected) < SmallestNormal)
            {
                error = Math.Max(error - (2 * double.Epsilon), 0);
                return error == 0 ? 0 : error / (Epsilon * Math.Max(Math.Abs(expected), SmallestNormal));
            }

            return error / (Epsilon * Math.Abs(expected));
        }

        /// <summary>Asserts every error ≤ its bound, and prints the worst per group and the count.</summary>
        public static void Check<T>(ITestOutputHelper output, string what, IEnumerable<T> rows, Func<T, double> error, Func<T, string> group, Func<T, double> bound, Func<T, string> describe)
        {
            var worst = new SortedDictionary<string, (double Ulps, string Where)>(StringComparer.Ordinal);
            var failures = new List<string>();
            int count = 0;
            foreach (T row in rows)
            {
                count++;
                double ulps = error(row);
                string g = group(row);
                if (!(ulps <= bound(row)))
                {
                    failures.Add($"{what} {describe(row)} [{g}]: {ulps:G3} ε, bound {bound(row):G3}");
                }

                if (!worst.TryGetValue(g, out var w) || ulps > w.Ulps || double.IsNaN(ulps))
                {
                    worst[g] = (ulps, describe(row));
                }
            }

            foreach (var (g, (ulps, where)) in worst)
            {
                output.WriteLine($"{what}, {g}: worst {ulps:F2} ε at {where}");
            }

            output.WriteLine($"{what}: {count} points, {failures.Count} failures");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)) + $"\n({failures.Count} failures)");
        }
    }
}
