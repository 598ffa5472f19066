// IncompleteBeta (src/DivergenceGen/Runtime/IncompleteBeta.cs) against 50-digit mpmath (Runtime/reference/
// continuous_special.json, "beta" and "betaInverse"), properties and the edges.
//
// Tolerances in ε = 2⁻⁵² (measured worst in brackets). I and 1 − I: relative, Bound = 5ε [I 4.50ε, 1 − I 4.00ε, both at
// a = b = 1e6 at the mean, where the fraction takes 560 steps; every other region ≤ 3.0ε], except the documented limit (class remarks): where the side
// computed directly is above ½ (a < 1: Beta(1e−3, b)'s mass sits near 0), the other one is 1 minus it and is held to
// AbsoluteBound = 2.5ε absolute [2.16ε]. Why Bound: the prefactor is exp of a double-double exponent (≤ 1 ulp) times √ and
// quotient roundings, and the fraction evaluated backwards with positive terms adds ≤ ~1ε; the complement side as 1 − v
// with v ≤ ½ adds ≤ 1ε. Inverses: relative error of x ≤ Bound·(1 + κ) [2.47ε where κ ≈ 1; ≤ 0.68κε for a = 1e−3], κ = |d ln x/d ln F| the condition number (F the target function), as for the gamma inverses.
using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.Runtime.ContinuousSpecialReference;

namespace DivergenceGen.Tests.Runtime
{
    public sealed class IncompleteBetaTests
    {
        private const double Bound = 5;
        private const double AbsoluteBound = 2.5;

        private readonly ITestOutputHelper _output;

        public IncompleteBetaTests(ITestOutputHelper output) => _output = output;

        /// <summary>Whether the runtime computes 1 − I directly at (a, b, x) (mirrors IncompleteBeta.Evaluate).</summary>
        private static bool ComplementIsDirect(BetaRow r) => !(r.X < (r.A + 1) / (r.A + r.B + 2));

        private static string Region(BetaRow r) =>
            (ComplementIsDirect(r) ? "1 − I direct" : "I direct")
            + (r.A >= 1 && r.B >= 1 ? ", a, b ≥ 1 (Loader)" : ", a or b < 1")
            + (Math.Max(r.A, r.B) >= 1e4 ? ", max ≥ 1e4" : string.Empty);

        /// <summary>Whether the value is 1 minus a direct side above ½ (the documented limit: absolute accuracy).</summary>
        private static bool Absolute(bool subtracted, double direct) => subtracted && direct > 0.5;

        /// <summary>Relative error in ε, or absolute in ε where <see cref="Absolute"/>.</summary>
        private static double Error(double got, double expected, bool absolute) =>
            absolute ? Math.Abs(got - expected) / Epsilon : Ulps(got, expected);

        [Fact]
        public void TheReferenceCoversTheGrid()
        {
            var rows = Beta.Value;
            foreach (double a in new[] { 1e-3, 0.1, 0.5, 1, 2.5, 10, 100, 1e4, 1e6 })
            {
                Assert.Contains(rows, r => r.A == a && r.B == a && r.X == 0.5);
                Assert.Contains(rows, r => r.A == a && r.X == 1 - 1e-12);
                Assert.Contains(rows, r => r.A == a && r.X == 1e-300);
            }

            Assert.Equal(9 * 9 * 6 * 2, BetaInverse.Value.Count);
        }

        [Fact]
        public void RegularizedAndComplementMatchMpmath()
        {
            var rows = Beta.Value;
            Check(
                _output,
                "I",
                rows,
                r => Error(IncompleteBeta.Regularized(r.A, r.B, r.X), r.I, Absolute(ComplementIsDirect(r), r.Complement)),
                r => Region(r) + (Absolute(ComplementIsDirect(r), r.Complement) ? " (absolute)" : string.Empty),
                r => Absolute(ComplementIsDirect(r), r.Complement) ? AbsoluteBound : Bound,
                r => $"a = {r.A:R}, b = {r.B:R}, x = {r.X:R}");
            Check(
                _output,
                "1 − I",
                rows,
                r => Error(IncompleteBeta.RegularizedComplement(r.A, r.B, r.X), r.Complement, Absolute(!ComplementIsDirect(r), r.I)),
                r => Region(r) + (Absolute(!ComplementIsDirect(r), r.I) ? " (absolute)" : string.Empty),
                r => Absolute(!ComplementIsDirect(r), r.I) ? AbsoluteBound : Bound,
                r => $"a = {r.A:R}, b = {r.B:R}, x = {r.X:R}");
        }

        /// <summary>κ = F/(x·|dF/dx|) at the reference; 1 where the solution is at an end.</summary>
        private static double Condition(BetaInverseRow r)
        {
            if (!(r.X > 0 && r.X < 1))
            {
                return 1;
            }

            double logDensity = ((r.A - 1) * Math.Log(r.X)) + ((r.B - 1) * Math.Log(r.OneMinusX))
                - (SpecialFunctions.LogGamma(r.A) + SpecialFunctions.LogGamma(r.B) - SpecialFunctions.LogGamma(r.A + r.B));
            return Math.Max(1, Math.Exp(Math.Log(r.Target) - logDensity - Math.Log(r.X)));
        }


        [Fact]
        public void InversesMatchMpmath()
        {
            Func<BetaInverseRow, string> region = r => (r.A < 1 || r.B < 1 ? "a or b < 1" : "a, b ≥ 1") + (r.X > 0.5 ? ", x > ½" : ", x ≤ ½");
            Check(
                _output,
                "I⁻¹",
                BetaInverse.Value.Where(r => r.Kind == "lower"),
                r => Ulps(IncompleteBeta.Inverse(r.A, r.B, r.Target), r.X),
                region,
                r => Bound * (1 + Condition(r)),
                r => $"a = {r.A:R}, b = {r.B:R}, p = {r.Target:R} (κ = {Condition(r):G3})");
            Check(
                _output,
                "(1 − I)⁻¹",
                BetaInverse.Value.Where(r => r.Kind == "upper"),
                r => Ulps(IncompleteBeta.InverseComplement(r.A, r.B, r.Target), r.X),
                region,
                r => Bound * (1 + Condition(r)),
                r => $"a = {r.A:R}, b = {r.B:R}, q = {r.Target:R} (κ = {Condition(r):G3})");
        }

        [Fact]
        public void MonotoneSymmetricAndClosedForms()
        {
            foreach (double a in new[] { 1e-3, 0.5, 1, 2.5, 100, 1e6 })
            {
                foreach (double b in new[] { 1e-3, 1, 10, 1e4 })
                {
                    double previous = 0;
                    for (int k = 1; k < 512; k++)
                    {
                        double x = k / 512.0;
                        double v = IncompleteBeta.Regularized(a, b, x);
                        Assert.True(v >= previous, $"a = {a}, b = {b}, x = {x}");
                        previous = v;
                        double mirrored = 1 - IncompleteBeta.Regularized(b, a, 1 - x); // I_x(a, b) = 1 − I_(1−x)(b, a) (1 − x exact: x = k/512)
                        Assert.True(Math.Abs(v - mirrored) <= 4 * Epsilon, $"a = {a}, b = {b}, x = {x}: {v:R} vs {mirrored:R}");
                    }
                }
            }

            foreach (double x in new[] { 1e-300, 1e-100, 1e-10, 0.1, 0.5, 0.9 })
            {
                Assert.Equal(1.0, IncompleteBeta.Regularized(1, 1, x) / x, 14); // I_x(1, 1) = x
                if (x >= 1e-100)
                {
                    Assert.Equal(1.0, IncompleteBeta.Regularized(2.5, 1, x) / Math.Pow(x, 2.5), 14); // I_x(a, 1) = x^a (x^2.5 normal)
                }

                Assert.Equal(1.0, IncompleteBeta.RegularizedComplement(1, 3, x) / Math.Pow(1 - x, 3), 13); // (1 − x)^b
            }
        }

        [Fact]
        public void TheEdges()
        {
            Assert.Equal(0.0, IncompleteBeta.Regularized(2, 3, 0));
            Assert.Equal(0.0, IncompleteBeta.Regularized(2, 3, -1));
            Assert.Equal(1.0, IncompleteBeta.Regularized(2, 3, 1));
            Assert.Equal(1.0, IncompleteBeta.Regularized(2, 3, double.PositiveInfinity));
            Assert.Equal(1.0, IncompleteBeta.RegularizedComplement(2, 3, double.NegativeInfinity));
            Assert.Equal(0.0, IncompleteBeta.RegularizedComplement(2, 3, 2));
            Assert.True(double.IsNaN(IncompleteBeta.Regularized(2, 3, double.NaN)));
            Assert.True(double.IsNaN(IncompleteBeta.RegularizedComplement(2, 3, double.NaN)));
            Assert.Equal(0.0, IncompleteBeta.Inverse(2, 3, 0));
            Assert.Equal(1.0, IncompleteBeta.Inverse(2, 3, 1));
            Assert.Equal(1.0, IncompleteBeta.InverseComplement(2, 3, 0));
            Assert.Equal(0.0, IncompleteBeta.InverseComplement(2, 3, 1));
            Assert.Equal(0.5, IncompleteBeta.Inverse(7, 7, 0.5), 15);
            foreach (double bad in new[] { double.NaN, -0.1, 1.1 })
            {
                Assert.True(double.IsNaN(IncompleteBeta.Inverse(2, 3, bad)));
                Assert.True(double.IsNaN(IncompleteBeta.InverseComplement(2, 3, bad)));
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteBeta.Regularized(-1, 2, 0.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteBeta.RegularizedComplement(2, 0, 0.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteBeta.Inverse(double.NaN, 2, 0.5));
            Assert.Throws<ArgumentOutOfRangeException>(() => IncompleteBeta.InverseComplement(2, double.PositiveInfinity, 0.5));
        }
    }
}
