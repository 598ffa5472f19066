// StandardNormal (src/DivergenceGen/Runtime/StandardNormal.cs) against 50-digit mpmath (Runtime/reference/
// continuous_special.json, made by make_continuous_special.py there), and properties: Quantile(Cdf(z)) ≈ z,
// monotonicity, the edges.
//
// Tolerances in ε = 2⁻⁵² (relative; see ContinuousSpecialReference.Ulps). Measured worst (this machine, glibc's exp/log)
// in brackets; each test prints its worst per region.
//   Φ, 1 − Φ                  ≤ 2ε    [1.50ε, 1 − Φ at z = 2.79; central ≤ 0.99ε, |z| > √32 ≤ 1.30ε]
//   ln Φ                      ≤ 2ε    [1.49ε at z = 2.79, log1p(−Φ(−z)); z ≤ 0 ≤ 0.96ε; 0 where Φ underflows]
//   Φ⁻¹ (relative in x)       ≤ 2.5ε  [1.99ε in the centre at p = 0.599; both tails ≤ 0.94ε, incl. p = 5e−324]
// Why: Φ's tail is exp of an exact exponent (≤ ½ ulp, ≤ 1 ulp in other libms) times Cody's rational function (~1ε of
// approximation and a few roundings); the quantile's Halley step leaves the start's error squared, so its error is that
// of the residual ln Φ(x) − ln p divided by the slope (≤ ~1ε) plus the final sum's rounding; in the centre the
// residual is Cody's t(x) − (p − ½), whose ~1ε relative error moves x by ~1ε. A libm whose exp is off by 1 ulp (not
// glibc's ½) would add up to ½ε to Φ: the bounds are for the CI machines, which run glibc.
using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.Runtime.ContinuousSpecialReference;

namespace DivergenceGen.Tests.Runtime
{
    public sealed class StandardNormalTests
    {
        private const double CdfBound = 2;
        private const double LogBound = 2;
        private const double QuantileBound = 2.5;

        private readonly ITestOutputHelper _output;

        public StandardNormalTests(ITestOutputHelper output) => _output = output;

        private static string Region(double z) =>
            Math.Abs(z) <= 0.66291 ? "|z| ≤ 0.66291 (central)" : Math.Abs(z) <= Math.Sqrt(32) ? "0.66291 < |z| ≤ √32" : "|z| > √32";

        [Fact]
        public void TheReferenceCoversTheTails()
        {
            var rows = Normal.Value;
            Assert.Contains(rows, r => r.Z == -38.4 && r.Cdf > 0 && r.Cdf < 1e-300);
            Assert.Contains(rows, r => r.Z == 1e-300);
            Assert.Contains(rows, r => r.Z == -1e150 && r.Kind == "logOnly");
            Assert.Contains(NormalQuantile.Value, r => r.P == 5e-324);
            Assert.Contains(NormalQuantile.Value, r => r.P == 0.975);
            Assert.True(rows.Count >= 250 && NormalQuantile.Value.Count >= 150);
        }

        [Fact]
        public void CdfAndComplementMatchMpmath()
        {
            var rows = Normal.Value.Where(r => r.Kind != "logOnly").ToList();
            Check(_output, "Φ", rows, r => Ulps(StandardNormal.Cdf(r.Z), r.Cdf), r => Region(r.Z), _ => CdfBound, r => $"z = {r.Z:R}");
            Check(_output, "1 − Φ", rows, r => Ulps(StandardNormal.Complement(r.Z), r.Complement), r => Region(r.Z), _ => CdfBound, r => $"z = {r.Z:R}");
            Assert.All(Normal.Value.Where(r => r.Kind == "logOnly"), r => Assert.Equal(0.0, StandardNormal.Cdf(r.Z)));
        }

        [Fact]
        public void LogCdfMatchesMpmath()
        {
            Check(
                _output,
                "ln Φ",
                Normal.Value,
                r => Ulps(StandardNormal.LogCdf(r.Z), r.LogCdf),
                r => r.Kind == "logOnly" ? "Φ underflows" : Region(r.Z) + (r.Z > 0 ? ", z > 0" : ", z ≤ 0"),
                _ => LogBound,
                r => $"z = {r.Z:R}");
        }

        [Fact]
        public void QuantileMatchesMpmath()
        {
            var rows = NormalQuantile.Value;
            Func<QuantileRow, string> region = r =>
                Math.Abs(r.P - 0.5) <= 0.425 ? "|p − ½| ≤ 0.425" : Math.Min(r.P, 1 - r.P) >= Math.Exp(-25) ? "r ≤ 5" : "r > 5 (p < 1.4e−11)";
            Check(_output, "Φ⁻¹", rows, r => Ulps(StandardNormal.Quantile(r.P), r.X), region, _ => QuantileBound, r => $"p = {r.P:R}");
            Check(_output, "upper Φ⁻¹", rows, r => Ulps(StandardNormal.ComplementQuantile(r.P), -r.X), region, _ => QuantileBound, r => $"q = {r.P:R}");
        }

        [Fact]
        public void QuantileInvertsCdfInEachTail()
        {
            // z → p → z: Φ's error e (relative, ≤ CdfBound) moves z by e·T/φ(z), T the tail probability; plus the
            // quantile's own bound; below 2.2e−308 the tail's rounding is ½ of the least subnormal absolute. Checked on the lower tail (Quantile ∘ Cdf) and the upper (ComplementQuantile ∘ Complement).
            for (double z = -38.0; z <= 38.0; z += 0.0625)
            {
                if (Math.Abs(z) < 0.5)
                {
                    continue; // ½ + t rounds away z's low digits near 0: not invertible to relative accuracy
                }

                double tail = z < 0 ? StandardNormal.Cdf(z) : StandardNormal.Complement(z);
                double back = z < 0 ? StandardNormal.Quantile(tail) : StandardNormal.ComplementQuantile(tail);
                double density = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
                double allowed = (QuantileBound * Epsilon * Math.Abs(z)) + (((CdfBound * Epsilon * tail) + double.Epsilon) / density); // + a subnormal tail's rounding
                Assert.True(Math.Abs(back - z) <= allowed, $"z = {z}: back {back:R}, off {Math.Abs(back - z):G3}, allowed {allowed:G3}");
            }
        }

        [Fact]
        public void CdfAndQuantileAreMonotone()
        {
            double previous = 0, previousLog = double.NegativeInfinity;
            for (int i = -40000; i <= 40000; i++)
            {
                double z = i / 1000.0;
                double c = StandardNormal.Cdf(z);
                double l = StandardNormal.LogCdf(z);
                Assert.True(c >= previous && l >= previousLog, $"z = {z}");
                previous = c;
                previousLog = l;
            }

            double previousX = double.NegativeInfinity;
            for (int i = 1; i < 100000; i++)
            {
                double x = StandardNormal.Quantile(i / 100000.0);
                Assert.True(x > previousX, $"p = {i / 100000.0}");
                previousX = x;
            }

            previousX = double.NegativeInfinity;
            for (int k = -1074; k <= -2; k++)
            {
                double x = StandardNormal.Quantile(Math.ScaleB(1.0, k));
                Assert.True(x > previousX, $"p = 2^{k}");
                previousX = x;
            }
        }

        [Fact]
        public void TheEdges()
        {
            Assert.True(double.IsNaN(StandardNormal.Cdf(double.NaN)));
            Assert.True(double.IsNaN(StandardNormal.Complement(double.NaN)));
            Assert.True(double.IsNaN(StandardNormal.LogCdf(double.NaN)));
            Assert.Equal(0.0, StandardNormal.Cdf(double.NegativeInfinity));
            Assert.Equal(1.0, StandardNormal.Cdf(double.PositiveInfinity));
            Assert.Equal(1.0, StandardNormal.Complement(double.NegativeInfinity));
            Assert.Equal(0.0, StandardNormal.Complement(double.PositiveInfinity));
            Assert.Equal(0.5, StandardNormal.Cdf(0.0));
            Assert.Equal(0.5, StandardNormal.Cdf(-0.0));
            Assert.Equal(double.NegativeInfinity, StandardNormal.LogCdf(double.NegativeInfinity));
            Assert.Equal(0.0, StandardNormal.LogCdf(double.PositiveInfinity));
            Assert.Equal(double.NegativeInfinity, StandardNormal.LogCdf(-1e155)); // −z²/2 overflows
            Assert.True(StandardNormal.LogCdf(-1e154) > double.NegativeInfinity);
            Assert.Equal(0.0, StandardNormal.Cdf(-39.0));
            Assert.Equal(1.0, StandardNormal.Cdf(39.0));

            Assert.Equal(double.NegativeInfinity, StandardNormal.Quantile(0.0));
            Assert.Equal(double.PositiveInfinity, StandardNormal.Quantile(1.0));
            Assert.Equal(0.0, StandardNormal.Quantile(0.5));
            Assert.Equal(double.PositiveInfinity, StandardNormal.ComplementQuantile(0.0));
            Assert.Equal(double.NegativeInfinity, StandardNormal.ComplementQuantile(1.0));
            foreach (double bad in new[] { double.NaN, -0.1, 1.1, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity })
            {
                Assert.True(double.IsNaN(StandardNormal.Quantile(bad)));
                Assert.True(double.IsNaN(StandardNormal.ComplementQuantile(bad)));
            }

            double least = StandardNormal.Quantile(double.Epsilon);
            Assert.InRange(least, -38.5, -38.4);
            Assert.Equal(-least, StandardNormal.ComplementQuantile(double.Epsilon));
            Assert.InRange(StandardNormal.Quantile(1 - Math.ScaleB(1, -53)), 8.2, 8.3);
        }
    }
}
