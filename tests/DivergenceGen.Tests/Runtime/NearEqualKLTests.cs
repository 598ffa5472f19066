// Same-family KL where the two parameters nearly agree (issue 12, "Accuracy where parameters nearly agree"), against
// 50-digit mpmath values on the exact inputs (Runtime/reference/near_equal_kl.json, made by make_near_equal_kl.py there):
// Bernoulli (instance, class, batch), Binomial(n) = n × Bernoulli (n = 1, 10, 10⁹), Geometric, NegativeBinomial with equal
// r = r × Geometric, at bases from 1e−300 to 1 − 2⁻⁴⁰ and gaps 1e−3 … 1e−12 (relative, absolute, relative to 1 − p).
// The old forms returned 0 or noise ~1e−17 for these: e.g. KL(0.4 ‖ 0.4000000001) = 2.083331365e−20, not 0.
//
// Tolerance: 4 ulps relative, |got − ref| ≤ 4·2⁻⁵²·ref for double and 4·2⁻²³·ref for float (+ 4 units of the smallest
// subnormal where the result is subnormal and has fewer bits). Why: each Bernoulli term is Loader's bd0, a sum of parts
// of one sign; near (x/m in (⅓, 3)) its series costs ≤ ~2.5 ulps (v = d/s with s rounded, the product, the polynomial's
// 3e−16 scaled by ≤ ⅙); the two terms are non-negative, so their sum keeps the larger relative error; then ½ ulp for the
// sum, ½ for n × or r × (or ÷ p for Geometric) and ½ for the reference's own rounding. Measured worst: 1.8 ulps (double),
// 1.2 (float); the test prints them. A form that cancels between the two outcomes is off by 10⁵ ulps or more here (the old
// one returned 0 for the example). The float members compute each bd0 in double and round (the batch kernel in float,
// its polynomial good to 7e−8).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DivergenceGen.Tests.CountFamilies;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests.Runtime
{
    public sealed class NearEqualKLTests
    {
        private const double DoubleUlps = 4;
        private const double SingleUlps = 4;
        private const double Epsilon = UlpReport.DoubleEpsilon;
        private const double SingleEpsilon = UlpReport.SingleEpsilon;

        private readonly ITestOutputHelper _output;

        public NearEqualKLTests(ITestOutputHelper output) => _output = output;

        private sealed record Row(double P, double Q, double Bernoulli, double? Geometric);

        private static readonly Lazy<(List<Row> Double, List<Row> Single)> Rows = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Runtime", "reference", "near_equal_kl.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            List<Row> Read(string name) => doc.RootElement.GetProperty(name).EnumerateArray()
                .Select(r => new Row(
                    r.GetProperty("p").GetDouble(),
                    r.GetProperty("q").GetDouble(),
                    OracleCase.Num(r.GetProperty("bernoulli")),
                    r.TryGetProperty("geometric", out var g) ? OracleCase.Num(g) : null))
                .ToList();
            return (Read("double"), Read("single"));
        });

        [Fact]
        public void TheReferenceHasTheIssuesExampleAndEveryGap()
        {
            var rows = Rows.Value.Double;
            Assert.Equal(309, rows.Count);
            Assert.Equal(234, Rows.Value.Single.Count);
            Row example = rows.Single(r => r.P == 0.4 && r.Q == 0.4000000001);
            Assert.Equal(2.0833313650049687e-20, example.Bernoulli);
            Assert.Contains(rows, r => r.P == 1e-300 && r.Bernoulli > 0);
            Assert.Contains(rows, r => r.P == 1 - Math.Pow(2, -40) && r.Q < r.P);
        }

        private void Check(string what, IEnumerable<(Row Row, double Got, double Expected)> results, double epsilon, double maxUlps) =>
            UlpReport.Check(_output, what, results, single: epsilon == SingleEpsilon, maxUlps, row => $"p = {row.P:R}, q = {row.Q:R}");

        private IEnumerable<Row> DoubleRows => Rows.Value.Double;

        private IEnumerable<Row> GeometricRows => Rows.Value.Double.Where(r => r.Geometric is not null);

        [Fact]
        public void BernoulliInstanceAndClass()
        {
            Check("Coin", DoubleRows.Select(r => (r, new Coin(r.P).KLDivergence(new Coin(r.Q)), r.Bernoulli)), Epsilon, DoubleUlps);
            Check("CoinClass", DoubleRows.Select(r => (r, new CoinClass(r.P).KLDivergence(new CoinClass(r.Q)), r.Bernoulli)), Epsilon, DoubleUlps);
        }

        [Fact]
        public void BernoulliBatch()
        {
            // Every row in one call (the widest vectors, then narrower, then the scalar tail), and each row alone
            // (the scalar tail only), so that lanes of either region share vectors with each other.
            Row[] rows = DoubleRows.ToArray();
            var destination = new double[rows.Length];
            Coin.KLDivergence(rows.Select(r => r.P).ToArray(), rows.Select(r => r.Q).ToArray(), destination);
            Check("Coin batch", rows.Select((r, i) => (r, destination[i], r.Bernoulli)), Epsilon, DoubleUlps);

            // The rows of one base value only, so that some vectors have every lane near (no logarithm taken).
            Row[] near = rows.Where(r => Math.Abs(r.P - r.Q) < 1e-6 * Math.Min(r.P, 1 - r.P)).ToArray();
            var nearDestination = new double[near.Length];
            Coin.KLDivergence(near.Select(r => r.P).ToArray(), near.Select(r => r.Q).ToArray(), nearDestination);
            Check("Coin batch, near rows", near.Select((r, i) => (r, nearDestination[i], r.Bernoulli)), Epsilon, DoubleUlps);
        }

        [Fact]
        public void Binomial()
        {
            Check("Binomial(1)", DoubleRows.Select(r => (r, new Bin1(r.P).KLDivergence(new Bin1(r.Q)), r.Bernoulli)), Epsilon, DoubleUlps);
            Check("Binomial(10)", DoubleRows.Select(r => (r, new Bin10(r.P).KLDivergence(new Bin10(r.Q)), 10 * r.Bernoulli)), Epsilon, DoubleUlps);
            Check("Binomial(1e9)", DoubleRows.Select(r => (r, new Bin1000000000(r.P).KLDivergence(new Bin1000000000(r.Q)), 1e9 * r.Bernoulli)), Epsilon, DoubleUlps);
        }

        [Fact]
        public void GeometricAndNegativeBinomialWithEqualR()
        {
            Check("Geometric", GeometricRows.Select(r => (r, new Geo(r.P).KLDivergence(new Geo(r.Q)), r.Geometric!.Value)), Epsilon, DoubleUlps);
            foreach (double n in new[] { 0.5, 3, 1e6 })
            {
                Check(
                    $"NegativeBinomial(r = {n})",
                    GeometricRows.Select(r => (r, new NegBin(n, r.P).KLDivergence(new NegBin(n, r.Q)), n * r.Geometric!.Value)),
                    Epsilon,
                    DoubleUlps);
            }
        }

        [Fact]
        public void SinglePrecisionTypes()
        {
            var rows = Rows.Value.Single;
            Check("CoinF", rows.Select(r => (r, (double)new CoinF((float)r.P).KLDivergence(new CoinF((float)r.Q)), r.Bernoulli)), SingleEpsilon, SingleUlps);
            var destination = new float[rows.Count];
            CoinF.KLDivergence(rows.Select(r => (float)r.P).ToArray(), rows.Select(r => (float)r.Q).ToArray(), destination);
            Check("CoinF batch", rows.Select((r, i) => (r, (double)destination[i], r.Bernoulli)), SingleEpsilon, SingleUlps);
            Check("Binomial(20), float", rows.Select(r => (r, (double)new Bin20F((float)r.P).KLDivergence(new Bin20F((float)r.Q)), 20 * r.Bernoulli)), SingleEpsilon, SingleUlps);
            var geometric = rows.Where(r => r.Geometric is not null).ToList();
            Check("Geometric, float", geometric.Select(r => (r, (double)new GeoF((float)r.P).KLDivergence(new GeoF((float)r.Q)), r.Geometric!.Value)), SingleEpsilon, SingleUlps);
            Check("NegativeBinomial(r = 3), float", geometric.Select(r => (r, (double)new NegBinF(3f, (float)r.P).KLDivergence(new NegBinF(3f, (float)r.Q)), 3 * r.Geometric!.Value)), SingleEpsilon, SingleUlps);
        }
    }
}
