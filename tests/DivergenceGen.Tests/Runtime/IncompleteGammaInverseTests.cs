// IncompleteGamma.InverseLower / InverseUpper (src/DivergenceGen/Runtime/IncompleteGamma.Inverse.cs) against 50-digit
// mpmath (Runtime/reference/continuous_special.json, "gammaInverse"), round trips, monotonicity and the edges.
//
// Tolerance: relative error of x in ε = 2⁻⁵², allowed Bound·(1 + κ) with κ = |d ln x/d ln F| = F/(x·f(x)) the condition
// number of the inverse (f the Gamma(a, 1) density, F = P or Q): P and Q are good to ≤ 2ε relative (IncompleteGammaTests),
// which moves x by ≤ 2κε, and the last Newton step and its rounding add ~1ε. κ ≈ 1/a for x ≪ a (1000 at a = 1e−3) and
// ≈ 1 for a ≥ 1. Measured worst: P⁻¹ 1.71ε (a ≥ 1), Q⁻¹ 2.13ε (a ≥ 1); for a < 1 at most 0.1κε (P⁻¹) and 0.55κε (Q⁻¹).
// The 4 is the measured 2.13 rounded up with room for P's and Q's own 4ε bound.
using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.Runtime.ContinuousSpecialReference;

namespace DivergenceGen.Tests.Runtime
{
    public sealed class IncompleteGammaInverseTests
    {
        private const double Bound = 4;

        private readonly ITestOutputHelper _output;

        public IncompleteGammaInverseTests(ITestOutputHelper output) => _output = output;

        /// <summary>κ = F/(x·f(x)) at the reference solution (1 where x is 0 or ∞).</summary>
        private static double Condition(GammaInverseRow r)
        {
            if (!(r.X > 0) || double.IsInfinity(r.X))
            {
                return 1;
            }

            double logXf = (r.A * Math.Log(r.X)) - r.X - SpecialFunctions.LogGamma(r.A);
            return Math.Max(1, Math.Exp(Math.Log(r.Target) - logXf));
        }

        [Fact]
        public void TheReferenceCoversTinyAndLargeShapes()
        {
            var rows = GammaInverse.Value;
            Assert.Equal(96, rows.Count);
            Assert.Contains(rows, r => r.A == 1e-3 && r.Target == 1e-300 && r.Kind == "lower" && r.X == 0); // below the double range
            Assert.Contains(rows, r => r.A == 1e6 && r.Target == 1e-300 && r.Kind == "upper");
        }

        [Fact]
        public void InversesMatchMpmath()
        {
            Check(
                _output,
                "P⁻¹",
                GammaInverse.Value.Where(r => r.Kind == "lower"),
                r => Ulps(IncompleteGamma.InverseLower(r.A, r.Target), r.X),
                r => r.A < 1 ? "a < 1" : r.A < 100 ? "1 ≤ a < 100" : "a ≥ 100",
                r => Bound * (1 + Condition(r)),
                r => $"a = {r.A:R}, p = {r.Target:R} (κ = {Condition(r):G3})");
            Check(
                _output,
                "Q⁻¹",
                GammaInverse.Value.Where(r => r.Kind == "upper"),
                r => Ulps(IncompleteGamma.InverseUpper(r.A, r.Target), r.X),
                r => r.A < 1 ? "a < 1" : r.A < 100 ? "1 ≤ a < 100" : "a ≥ 100",
                r => Bound * (1 + Condition(r)),
                r => $"a = {r.A:R}, q = {r.Target:R} (κ = {Condition(r):G3})");
        }

        [Fact]
        public void RoundTripsAndMonotone()
        {
            foreach (double a in new[] { 1e-3, 0.1, 0.5, 1, 3, 20, 1e3, 1e6, 1e8 })
            {
                double previous = 0;
                for (int k = 1; k < 200; k++)
                {
                    double p = k / 200.0;
                    double x = IncompleteGamma.InverseLower(a, p);
                    Assert.True(x >= previous, $"a = {a}, p = {p}");
                    previous = x;
                    if (x >= 2.2250738585072014E-308) // a subnormal x has too few bits to give P back (a = 1e−3, p = 0.48: x = 1e−319)
                    {
                        double back = IncompleteGamma.RegularizedLower(a, x);
                        double slope = Math.Exp((a * Math.Log(x)) - x - SpecialFunctions.LogGamma(a)) / p; // d ln P/d ln x
                        Assert.True(Math.Abs(back - p) <= p * Epsilon * (4 + (3 * slope)), $"a = {a}, p = {p}: P(x) = {back:R}");
                    }
                }

                foreach (double q in new[] { 1e-300, 1e-100, 1e-20, 1e-5 })
                {
                    double x = IncompleteGamma.InverseUpper(a, q);
                    double back = IncompleteGamma.RegularizedUpper(a, x);
                    double slope = Math.Exp((a * Math.Log(x)) - x - SpecialFunctions.LogGamma(a)) / q; // |d ln Q/d ln x|
                    Assert.True(Math.Abs(back - q) <= q * Epsilon * (4 + (3 * slope)), $"a = {a}, q = {q}: Q(x) = {back:R}");
                }
            }
        }

        [Fact]
        public void TheEdges()
        {
            foreach (double a in new[] { 1e-3, 1, 1e8 })
            {
                Assert.Equal(0.0, IncompleteGamma.InverseLower(a, 0));
                Assert.Equal(double.PositiveInfinity, IncompleteGamma.InverseLower(a, 1));
                Assert.Equal(double.PositiveInfinity, IncompleteGamma.InverseUpper(a, 0));
                Assert.Equal(0.0, IncompleteGamma.InverseUpper(a, 1));
                foreach (double bad in new[] { double.NaN, -0.5, 1.5 })
                {
                    Assert.True(double.IsNaN(IncompleteGamma.InverseLower(a, bad)));
                    Assert.True(double.IsNaN(IncompleteGamma.InverseUpper(a, bad)));
                }

                Assert.True(IncompleteGamma.InverseUpper(a, double.Epsilon) > 0);
            }

            Assert.Equal(1.0, IncompleteGamma.InverseLower(1, 1 - Math.Exp(-1.0)), 14); // P(1, x) = 1 − e^−x
            Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteGamma.InverseLower(-1, 0.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteGamma.InverseUpper(0, 0.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteGamma.InverseUpper(double.NaN, 0.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteGamma.InverseLower(double.PositiveInfinity, 0.5));
        }
    }
}
