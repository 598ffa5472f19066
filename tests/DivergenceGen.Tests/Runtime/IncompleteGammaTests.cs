// IncompleteGamma (src/DivergenceGen/Runtime/GammaDistribution.cs): P(a, x), Q(a, x), ln Q and the chi-square survival
// function against 50-digit mpmath (Runtime/reference/incomplete_gamma.json, made by make_incomplete_gamma.py there), per
// method region; the edges; argument validation; and properties (P + Q = 1, monotone in x, closed forms at a = 1, 2).
//
// Tolerances: relative error in units of ε = 2⁻⁵² (2.2e−16), with 2 units of the smallest subnormal forgiven where the
// reference is subnormal or 0 (Q below the double range must come out 0 or within 1e−323). Measured worst (this machine,
// glibc's exp/log) in brackets; each test prints its worst per method region.
//   Q (RegularizedUpper)          ≤ 4ε  [1.84ε, Temme at a = 3.1e9; every region ≤ 1.84ε]
//   P (RegularizedLower)          ≤ 4ε  [1.63ε, series at a = 19.99]
//   ln Q (LogRegularizedUpper)    ≤ 4ε  [2.36ε, log1p(−P) after the series at a = 19.99; 0 where Q underflows]
//   χ² survival, ln χ² survival   ≤ 4ε  [2.03ε at p = 1e−20, 1.96ε at p = 1e−200; ln: 1.44ε]
//   Q(1, x) = e^−x etc.           ≤ 4ε  [1.86ε]
//   |P + Q − 1|                   ≤ 2ε  [1.00ε]
// Why 4ε: the result is exp of an exponent exact to ~1e−17 absolute (double-double bd0 and ln x) times a factor of 3–6
// roundings (the series or fraction evaluated backwards, ≤ ~1ε; √(2πa); the products), each ≤ ½ ulp and mostly
// independent, and Math.Exp of an exact argument, ≤ ½ ulp in glibc but up to 1 ulp in other libms (Windows, macOS),
// which is what the headroom above the measured 2.4ε is for. P or Q as 1 minus the other is ≥ 0.37 by construction, so
// the subtraction adds ≤ 1.7ε. A far-tail p-value is no worse than p = 0.5: the 146 points with p from 1e−100 down to
// 1e−300 measure ≤ 1.96ε. The bound is not scaled by |ln p|: a double exponent would need that (½ ulp of 690 = 256ε at
// p = 1e−300).
// A one-off check at 2,254 more points (random a from 1e−300 to 1e12, x/a from 1e−4 to 1e4, a near 1 and 20, x near a;
// not committed, the JSON would pass 200 KB) found at most 2.41ε (Q), 2.01ε (P), 2.63ε (ln Q).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests.Runtime
{
    public sealed class IncompleteGammaTests
    {
        private const double Epsilon = 2.220446049250313e-16; // 2⁻⁵²
        private const double Bound = 4; // ε, for P, Q, ln Q and the chi-square members: see the header
        private const double SmallestNormal = 2.2250738585072014E-308;

        private readonly ITestOutputHelper _output;

        public IncompleteGammaTests(ITestOutputHelper output) => _output = output;

        private sealed record Point(double A, double X, double P, double Q, double LnQ, string Kind);

        private sealed record ChiPoint(int Nu, double Statistic, double Q, double LnQ, string Kind);

        private static readonly Lazy<(List<Point> Points, List<ChiPoint> ChiSquare)> Reference = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Runtime", "reference", "incomplete_gamma.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var points = doc.RootElement.GetProperty("points").EnumerateArray()
                .Select(r => new Point(
                    r.GetProperty("a").GetDouble(),
                    r.GetProperty("x").GetDouble(),
                    r.GetProperty("P").GetDouble(),
                    r.GetProperty("Q").GetDouble(),
                    r.GetProperty("lnQ").GetDouble(),
                    r.GetProperty("kind").GetString()!))
                .ToList();
            var chi = doc.RootElement.GetProperty("chiSquare").EnumerateArray()
                .Select(r => new ChiPoint(
                    r.GetProperty("nu").GetInt32(),
                    r.GetProperty("statistic").GetDouble(),
                    r.GetProperty("Q").GetDouble(),
                    r.GetProperty("lnQ").GetDouble(),
                    r.GetProperty("kind").GetString()!))
                .ToList();
            return (points, chi);
        });

        /// <summary>The method region that computes (a, x) (mirrors IncompleteGamma.Evaluate's switches, for reporting).</summary>
        private static string Region(double a, double x) =>
            a < 1 ? (x < 0.5 ? "a < 1, x < 0.5 (series, small-a Q)" : x < 1.1 ? "a < 1, 0.5 ≤ x < 1.1 (series, fraction)" : "a < 1, fraction (Q)")
            : a >= 20 && x >= 0.7 * a && x <= 1.3 * a ? "Temme"
            : x < a ? "series (P)" : "continued fraction (Q)";

        /// <summary>
        /// Relative error in units of ε. A subnormal or zero reference forgives 2 units of the smallest subnormal (the
        /// reference's rounding and ours, each ≤ ½ there, where fewer bits are left); 0 when both are equal (0, ±∞).
        /// </summary>
        private static double Ulps(double got, double expected)
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

        /// <summary>Asserts every error ≤ its bound, and prints the worst per group (region) and overall.</summary>
        private void Check<T>(string what, IEnumerable<T> rows, Func<T, (double Got, double Expected)> evaluate, Func<T, string> group, Func<T, double> bound, Func<T, string> describe)
        {
            var worst = new SortedDictionary<string, (double Ulps, string Where)>(StringComparer.Ordinal);
            var failures = new List<string>();
            int count = 0;
            foreach (T row in rows)
            {
                count++;
                var (got, expected) = evaluate(row);
                double ulps = Ulps(got, expected);
                string g = group(row);
                if (!(ulps <= bound(row)))
                {
                    failures.Add($"{what} {describe(row)} [{g}]: {got:R} vs {expected:R} ({ulps:G3} ε, bound {bound(row)})");
                }

                if (!worst.TryGetValue(g, out var w) || ulps > w.Ulps || double.IsNaN(ulps))
                {
                    worst[g] = (ulps, $"{describe(row)}: {got:R} vs {expected:R}");
                }
            }

            foreach (var (g, (ulps, where)) in worst)
            {
                _output.WriteLine($"{what}, {g}: worst {ulps:F2} ε relative at {where}");
            }

            _output.WriteLine($"{what}: {count} points, {failures.Count} failures");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)) + $"\n({failures.Count} failures)");
        }

        private static string Describe(Point p) => $"a = {p.A:R}, x = {p.X:R}";

        private static string Describe(ChiPoint c) => $"ν = {c.Nu}, s = {c.Statistic:R}";

        [Fact]
        public void TheReferenceCoversEveryRegionAndTheFarTail()
        {
            var (points, chi) = Reference.Value;
            Assert.Equal(820, points.Count);
            Assert.Equal(492, chi.Count);
            foreach (double a in new[] { 1e-10, 1e-3, 0.5, 1, 1.5, 2, 5, 10, 30.5, 100, 1e3, 1e4, 1e6, 1e10 })
            {
                var xs = points.Where(p => p.A == a).Select(p => p.X / a).ToList();
                Assert.Contains(xs, r => r <= 1e-3 * (1 + 1e-12));
                Assert.Contains(xs, r => r >= 1e3 * (1 - 1e-12));
                Assert.Contains(xs, r => Math.Abs(r - (1 + 1e-6)) < 1e-9);
                Assert.Contains(points, p => p.A == a && p.X == a + 1);
            }

            Assert.Equal(Enumerable.Range(1, 400), chi.Select(c => c.Nu).Distinct().OrderBy(n => n));
            Assert.Contains(chi, c => c.Q > 0.4 && c.Q <= 0.5);
            Assert.Contains(chi, c => c.Q >= 0.9e-300 && c.Q <= 1.1e-300 && c.Nu == 400);
            Assert.Equal(93, points.Count(p => p.Q == 0)); // Q below the double range: ln Q only
            Assert.Equal(18, chi.Count(c => c.Q == 0));
            Assert.Equal(20, chi.Count(c => c.Kind == "far"));
            Assert.All(points.Where(p => p.Kind == "underflow"), p => Assert.Equal(0.0, p.Q));
            Assert.Equal(250, points.Count(p => p.Kind == "random"));
        }

        [Fact]
        public void RegularizedUpperMatchesMpmath()
        {
            Check(
                "Q",
                Reference.Value.Points,
                p => (IncompleteGamma.RegularizedUpper(p.A, p.X), p.Q),
                p => Region(p.A, p.X),
                _ => Bound,
                Describe);
        }

        [Fact]
        public void RegularizedLowerMatchesMpmath()
        {
            Check(
                "P",
                Reference.Value.Points,
                p => (IncompleteGamma.RegularizedLower(p.A, p.X), p.P),
                p => Region(p.A, p.X),
                _ => Bound,
                Describe);
        }

        [Fact]
        public void LogRegularizedUpperMatchesMpmath()
        {
            Check(
                "ln Q",
                Reference.Value.Points,
                p => (IncompleteGamma.LogRegularizedUpper(p.A, p.X), p.LnQ),
                p => Region(p.A, p.X) + (p.Q == 0 ? ", Q underflows" : string.Empty),
                _ => Bound,
                Describe);
        }

        [Fact]
        public void ChiSquareSurvivalMatchesMpmath()
        {
            Check(
                "χ² survival",
                Reference.Value.ChiSquare,
                c => (IncompleteGamma.ChiSquareSurvival(c.Statistic, c.Nu), c.Q),
                c => c.Q >= 1e-100 ? "p ≥ 1e-100" : c.Q > 0 ? "p < 1e-100" : "p below the double range",
                _ => Bound,
                Describe);
            Check(
                "ln χ² survival",
                Reference.Value.ChiSquare,
                c => (IncompleteGamma.LogChiSquareSurvival(c.Statistic, c.Nu), c.LnQ),
                c => c.Q == 0 ? "p below the double range" : "p ≥ 1e-300",
                _ => Bound,
                Describe);
        }
        // ---- edges and argument validation ----------------------------------------------------------------------------

        [Theory]
        [InlineData(1e-300)]
        [InlineData(1e-10)]
        [InlineData(0.5)]
        [InlineData(1.0)]
        [InlineData(30.5)]
        [InlineData(1e10)]
        [InlineData(1e300)]
        [InlineData(double.MaxValue)]
        public void TheEdgesOfX(double a)
        {
            Assert.Equal(0.0, IncompleteGamma.RegularizedLower(a, 0.0));
            Assert.Equal(1.0, IncompleteGamma.RegularizedUpper(a, 0.0));
            Assert.Equal(0.0, IncompleteGamma.LogRegularizedUpper(a, 0.0));
            Assert.Equal(0.0, IncompleteGamma.RegularizedLower(a, -0.0));
            Assert.Equal(1.0, IncompleteGamma.RegularizedLower(a, double.PositiveInfinity));
            Assert.Equal(0.0, IncompleteGamma.RegularizedUpper(a, double.PositiveInfinity));
            Assert.Equal(double.NegativeInfinity, IncompleteGamma.LogRegularizedUpper(a, double.PositiveInfinity));
        }

        [Fact]
        public void TheChiSquareEdges()
        {
            foreach (double nu in new[] { 1e-300, 0.5, 1, 2, 400, 1e12 })
            {
                Assert.Equal(1.0, IncompleteGamma.ChiSquareSurvival(0.0, nu));
                Assert.Equal(0.0, IncompleteGamma.LogChiSquareSurvival(0.0, nu));
                Assert.Equal(0.0, IncompleteGamma.ChiSquareSurvival(double.PositiveInfinity, nu));
                Assert.Equal(double.NegativeInfinity, IncompleteGamma.LogChiSquareSurvival(double.PositiveInfinity, nu));
            }

            // ν = 5e−324 halves to a = 0: the limit Q(0⁺, x) = 0 for x > 0, not an exception or NaN.
            Assert.Equal(0.0, IncompleteGamma.ChiSquareSurvival(1.0, double.Epsilon));
            Assert.Equal(double.NegativeInfinity, IncompleteGamma.LogChiSquareSurvival(1.0, double.Epsilon));
        }

        /// <summary>
        /// Arguments at the ends of the double range give finite answers in [0, 1] with P + Q = 1 and no NaN: a from the
        /// smallest subnormal to double.MaxValue, x from 5e−324 to double.MaxValue (including the continued fraction's terms
        /// near the overflow threshold and a/x outside the double range in bd0).
        /// </summary>
        [Fact]
        public void ExtremeArgumentsStayInRange()
        {
            double[] values = { double.Epsilon, 1e-310, 1e-300, 1e-10, 0.3, 1, 7.5, 25, 1e6, 1e15, 1e300, 1e307, double.MaxValue };
            foreach (double a in values)
            {
                foreach (double x in values.Concat(values.Select(v => v * 0.7)).Concat(values.Select(v => Math.Min(v * 1.3, double.MaxValue))))
                {
                    double p = IncompleteGamma.RegularizedLower(a, x);
                    double q = IncompleteGamma.RegularizedUpper(a, x);
                    double lnQ = IncompleteGamma.LogRegularizedUpper(a, x);
                    string at = $"a = {a:R}, x = {x:R}: P = {p:R}, Q = {q:R}, ln Q = {lnQ:R}";
                    Assert.True(p >= 0 && p <= 1 && q >= 0 && q <= 1, at);
                    Assert.True(Math.Abs(p + q - 1) <= 4 * Epsilon, at);
                    Assert.True(lnQ <= 0 && !double.IsNaN(lnQ) && !double.IsPositiveInfinity(lnQ), at);
                    Assert.True(q == 0 || Math.Abs(Math.Exp(lnQ) - q) <= (1e-13 * q) + (4 * double.Epsilon), at);
                }
            }

            // Closed forms at the far ends: P(a, x) ≈ x^a/Γ(a + 1) for x → 0; Q(a, x) = 0 and ln Q ≈ −x for x ≫ a.
            Assert.Equal(2 * Math.Sqrt(1e-300 / Math.PI), IncompleteGamma.RegularizedLower(0.5, 1e-300), 1e-15 * 2 * Math.Sqrt(1e-300 / Math.PI));
            double euler = 0.5772156649015329;
            double smallA = 1e-10 * -(Math.Log(1e-300) + euler); // Q(a, x) = a·(−ln x − γ) + O(a²ln²x) = 6.9e−8·(1 + 3.5e−8)
            Assert.Equal(smallA, IncompleteGamma.RegularizedUpper(1e-10, 1e-300), 1e-7 * smallA);
            Assert.Equal(-1e300, IncompleteGamma.LogRegularizedUpper(0.5, 1e300), 1e285);
            Assert.Equal(0.5, IncompleteGamma.RegularizedUpper(1e300, 1e300), 1e-140);
        }

        public static TheoryData<double> BadShapes => new() { 0.0, -0.0, -1.0, -double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        public static TheoryData<double> BadLimits => new() { -1.0, -double.Epsilon, double.NaN, double.NegativeInfinity };

        [Theory]
        [MemberData(nameof(BadShapes))]
        public void AnInvalidShapeThrows(double a)
        {
            AssertThrows(() => IncompleteGamma.RegularizedLower(a, 1.0), "a", a);
            AssertThrows(() => IncompleteGamma.RegularizedUpper(a, 1.0), "a", a);
            AssertThrows(() => IncompleteGamma.LogRegularizedUpper(a, 1.0), "a", a);
            AssertThrows(() => IncompleteGamma.ChiSquareSurvival(1.0, a), "degreesOfFreedom", a);
            AssertThrows(() => IncompleteGamma.LogChiSquareSurvival(1.0, a), "degreesOfFreedom", a);
        }

        [Theory]
        [MemberData(nameof(BadLimits))]
        public void AnInvalidLimitThrows(double x)
        {
            AssertThrows(() => IncompleteGamma.RegularizedLower(2.0, x), "x", x);
            AssertThrows(() => IncompleteGamma.RegularizedUpper(2.0, x), "x", x);
            AssertThrows(() => IncompleteGamma.LogRegularizedUpper(2.0, x), "x", x);
            AssertThrows(() => IncompleteGamma.ChiSquareSurvival(x, 3.0), "statistic", x);
            AssertThrows(() => IncompleteGamma.LogChiSquareSurvival(x, 3.0), "statistic", x);

            // Both invalid: the first parameter is named.
            AssertThrows(() => IncompleteGamma.RegularizedUpper(double.NaN, x), "a", double.NaN);
            AssertThrows(() => IncompleteGamma.ChiSquareSurvival(x, double.NaN), "statistic", x);
        }

        private static void AssertThrows(Func<double> call, string parameter, double value)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => call());
            Assert.Equal(parameter, e.ParamName);
            Assert.Equal(value, (double)e.ActualValue!);
            Assert.Contains($"{parameter} must be", e.Message, StringComparison.Ordinal);
            Assert.Contains($"but was {value.ToString(CultureInfo.InvariantCulture)}.", e.Message, StringComparison.Ordinal);
        }

        // ---- properties ---------------------------------------------------------------------------------------------------

        /// <summary>Shapes across every region and switch (a = 1, 20), x over 1e−6·a … 1e3·a in steps of 1.1 (and the switches).</summary>
        private static IEnumerable<(double A, double X)> Sweep()
        {
            foreach (double a in new[] { 1e-10, 1e-3, 0.3, 0.5, 0.999, 1, 1.001, 2.5, 7, 19.99, 20, 20.01, 64.5, 1e3, 1e5, 1e8, 1e10 })
            {
                for (double r = 1e-6; r <= 1e3; r *= 1.1)
                {
                    yield return (a, a * r);
                }

                foreach (double x in new[] { 0.5, 1.1, 0.7 * a, 1.3 * a, a })
                {
                    yield return (a, x);
                    yield return (a, Math.BitDecrement(x));
                    yield return (a, Math.BitIncrement(x));
                }
            }
        }

        [Fact]
        public void LowerAndUpperAddToOne()
        {
            // P + Q = 1 up to the roundings of the smaller one's complement and of the sum: |P + Q − 1| ≤ 2ε (one ε for
            // 1 − small, rounded; one for the sum). Measured: printed.
            double worst = 0;
            foreach (var (a, x) in Sweep())
            {
                double sum = IncompleteGamma.RegularizedLower(a, x) + IncompleteGamma.RegularizedUpper(a, x);
                double error = Math.Abs(sum - 1) / Epsilon;
                worst = Math.Max(worst, error);
                Assert.True(error <= 2, $"a = {a:R}, x = {x:R}: P + Q − 1 = {sum - 1:R}");
            }

            _output.WriteLine($"|P + Q − 1|: worst {worst:F2} ε");
        }

        [Fact]
        public void MonotoneInX()
        {
            // Q falls and P rises with x (steps of 1.1×: the true change is far above rounding); ln Q falls. Across each
            // switch (x = ½, 1.1 for a < 1; 0.7a, a, 1.3a) and one ulp either side, where the true change can be below the
            // rounding, no step goes the wrong way by more than 4ε relative (a jump the right way is caught by the
            // reference points on both sides of each switch).
            foreach (var group in Sweep().GroupBy(p => p.A))
            {
                var xs = group.Select(p => p.X).Distinct().OrderBy(x => x).ToArray();
                double a = group.Key;
                double previousQ = 1, previousP = 0, previousLnQ = 0, previousX = 0;
                foreach (double x in xs)
                {
                    double q = IncompleteGamma.RegularizedUpper(a, x);
                    double p = IncompleteGamma.RegularizedLower(a, x);
                    double lnQ = IncompleteGamma.LogRegularizedUpper(a, x);
                    bool adjacent = Math.BitIncrement(previousX) == x;
                    string at = $"a = {a:R}, x = {previousX:R} → {x:R}";
                    if (adjacent)
                    {
                        Assert.True(q <= previousQ * (1 + (4 * Epsilon)), at + $": Q {previousQ:R} → {q:R}");
                        Assert.True(p >= previousP * (1 - (4 * Epsilon)), at + $": P {previousP:R} → {p:R}");
                    }
                    else
                    {
                        Assert.True(q <= previousQ, at + $": Q {previousQ:R} → {q:R}");
                        Assert.True(p >= previousP, at + $": P {previousP:R} → {p:R}");
                        Assert.True(lnQ <= previousLnQ, at + $": ln Q {previousLnQ:R} → {lnQ:R}");
                    }

                    (previousQ, previousP, previousLnQ, previousX) = (q, p, lnQ, x);
                }
            }
        }

        [Fact]
        public void ClosedFormsAtSmallIntegerShapes()
        {
            // Q(1, x) = e^(−x), Q(2, x) = (1 + x)e^(−x), χ²₂ survival = e^(−s/2), against Math.Exp (≤ 1 ulp) of an exact
            // argument; ln Q(1, x) = −x. Bound 4ε relative: the continued fraction terminates for integer a (F = 1/x at
            // a = 1), so the error is the prefactor's (exp, √(2πa), stirlerr) and the closed form's own roundings.
            double worst = 0;
            for (double x = 1.0 / 1024; x < 700; x *= 1.07) // e^−x stays normal: a subnormal Math.Exp has few bits
            {
                worst = Math.Max(worst, Ulps(IncompleteGamma.RegularizedUpper(1, x), Math.Exp(-x)));
                worst = Math.Max(worst, Ulps(IncompleteGamma.RegularizedUpper(2, x), (1 + x) * Math.Exp(-x)));
                worst = Math.Max(worst, Ulps(IncompleteGamma.ChiSquareSurvival(2 * x, 2), Math.Exp(-x)));
                worst = Math.Max(worst, Ulps(IncompleteGamma.LogRegularizedUpper(1, x), -x));
                worst = Math.Max(worst, Ulps(IncompleteGamma.LogChiSquareSurvival(2 * x, 2), -x));
            }

            _output.WriteLine($"Q(1, x) = e^−x, Q(2, x) = (1 + x)e^−x, χ²₂: worst {worst:F2} ε");
            Assert.True(worst <= Bound, $"{worst} ε");
        }
    }
}
