using System;
using System.Collections.Generic;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.NumericAssert;
using static DivergenceGen.Tests.Runtime.DiscreteReference;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// <see cref="DiscreteMath"/> against 50-digit mpmath (Runtime/reference/discrete_reference.json: sums over the support
    /// with a tail below 1e−45, Euler–Maclaurin tails for the widest laws, closed forms), plus properties: the pmf sums
    /// to 1, entropy regimes agree at and around their switch points, KL(P‖P) = 0 and KL ≥ 0.
    /// Bounds are relative: a log-pmf is a sum of a few terms each within a few ulps (so ≤ ~10 ulps ≈ 2e−15 of the
    /// largest term); entropies add the accumulated rounding of up to a few thousand positive terms or a quadrature
    /// (≤ ~1e−14); each bound is the measured worst case rounded up, and the worst case is printed.
    /// </summary>
    public sealed class DiscreteMathTests(ITestOutputHelper output)
    {
        // ---- log-pmfs against mpmath --------------------------------------------------------------------------

        [Fact]
        public void BinomialLogPmfMatchesReference()
        {
            double worst = Worst("binomial_logpmf", r => (r[3], DiscreteMath.BinomialLogPmf((int)r[0], (int)r[1], r[2])), RelError, 1e-15, "BinomialLogPmf");
            output.WriteLine($"BinomialLogPmf worst relative error {worst:E2}");
        }

        [Fact]
        public void PoissonLogPmfMatchesReference()
        {
            double worst = Worst("poisson_logpmf", r => (r[2], DiscreteMath.PoissonLogPmf((int)r[0], r[1])), RelError, 1e-15, "PoissonLogPmf");
            output.WriteLine($"PoissonLogPmf worst relative error {worst:E2}");
        }

        [Fact]
        public void NegativeBinomialLogPmfMatchesReference()
        {
            double worst = Worst("negbinomial_logpmf", r => (r[3], DiscreteMath.NegativeBinomialLogPmf((int)r[0], r[1], r[2])), RelError, 1e-15, "NegativeBinomialLogPmf");
            output.WriteLine($"NegativeBinomialLogPmf worst relative error {worst:E2}");
        }

        // ---- entropies and KL against mpmath ------------------------------------------------------------------

        [Fact]
        public void BinomialEntropyMatchesReference()
        {
            double worst = Worst("binomial_entropy", r => (r[2], DiscreteMath.BinomialEntropy((int)r[0], r[1])), RelError, 2e-15, "BinomialEntropy");
            output.WriteLine($"BinomialEntropy worst relative error {worst:E2}");
        }

        [Fact]
        public void PoissonEntropyMatchesReference()
        {
            double worst = Worst("poisson_entropy", r => (r[1], DiscreteMath.PoissonEntropy(r[0])), RelError, 1e-15, "PoissonEntropy");
            output.WriteLine($"PoissonEntropy worst relative error {worst:E2}");
        }

        [Fact]
        public void NegativeBinomialEntropyMatchesReference()
        {
            // Binet's identity (wide or r ≤ 8 laws) rounds like ε·r·H(Geometric(p))/H (≤ ~100 where used); the other regimes ~1e−15.
            double worst = Worst("negbinomial_entropy", r => (r[2], DiscreteMath.NegativeBinomialEntropy(r[0], r[1])), RelError, 2e-14, "NegativeBinomialEntropy");
            foreach (double[] r in Rows("negbinomial_entropy"))
            {
                output.WriteLine($"  NB({R(r[0])}, {R(r[1])}): rel {RelError(r[2], DiscreteMath.NegativeBinomialEntropy(r[0], r[1])):E2}");
            }

            output.WriteLine($"NegativeBinomialEntropy worst relative error {worst:E2}");
        }

        [Fact]
        public void GeometricEntropyMatchesReference()
        {
            double worst = Worst("geometric_entropy", r => (r[1], DiscreteMath.GeometricEntropy(r[0])), RelError, 1e-15, "GeometricEntropy");
            output.WriteLine($"GeometricEntropy worst relative error {worst:E2}");
        }

        [Fact]
        public void PoissonKLMatchesReference()
        {
            double worst = Worst("poisson_kl", r => (r[2], DiscreteMath.PoissonKLDivergence(r[0], r[1])), RelError, 1e-15, "PoissonKLDivergence");
            output.WriteLine($"PoissonKLDivergence worst relative error {worst:E2}");
        }

        [Fact]
        public void GeometricKLMatchesReference()
        {
            double worst = Worst("geometric_kl", r => (r[2], DiscreteMath.GeometricKLDivergence(r[0], r[1])), RelError, 2e-15, "GeometricKLDivergence");
            output.WriteLine($"GeometricKLDivergence worst relative error {worst:E2}");
        }

        [Fact]
        public void NegativeBinomialKLMatchesReference()
        {
            // rP ≠ rQ on a law too wide to sum (Binet's identity) cancels J against (rP − rQ)·ln pP, so the relative error
            // grows like ε·|(rP − rQ)·ln pP|/KL: (20, 1e−5 ‖ 19, 1e−5) has KL = 0.026 against 11.5 (measured 2.7e−14).
            double worst = Worst("negbinomial_kl", r => (r[4], DiscreteMath.NegativeBinomialKLDivergence(r[0], r[1], r[2], r[3])), RelError, 1e-13, "NegativeBinomialKLDivergence");
            output.WriteLine($"NegativeBinomialKLDivergence worst relative error {worst:E2}");
        }

        // ---- conventions at the boundaries --------------------------------------------------------------------

        [Fact]
        public void BoundaryConventions()
        {
            Assert.Equal(double.NegativeInfinity, DiscreteMath.BinomialLogPmf(-1, 10, 0.3));
            Assert.Equal(double.NegativeInfinity, DiscreteMath.BinomialLogPmf(11, 10, 0.3));
            Assert.Equal(0.0, DiscreteMath.BinomialLogPmf(0, 0, 0.3));
            Assert.Equal(double.NegativeInfinity, DiscreteMath.BinomialLogPmf(1, 0, 0.3));
            Assert.Equal(0.0, DiscreteMath.BinomialLogPmf(0, 10, 0.0));
            Assert.Equal(double.NegativeInfinity, DiscreteMath.BinomialLogPmf(1, 10, 0.0));
            Assert.Equal(0.0, DiscreteMath.BinomialLogPmf(10, 10, 1.0));
            Assert.Equal(double.NegativeInfinity, DiscreteMath.BinomialLogPmf(9, 10, 1.0));
            Assert.Equal(0.0, DiscreteMath.PoissonLogPmf(0, 0.0));
            Assert.Equal(double.NegativeInfinity, DiscreteMath.PoissonLogPmf(1, 0.0));
            Assert.Equal(double.NegativeInfinity, DiscreteMath.PoissonLogPmf(-1, 2.0));
            Assert.Equal(-2.0, DiscreteMath.PoissonLogPmf(0, 2.0));
            Assert.Equal(0.0, DiscreteMath.NegativeBinomialLogPmf(0, 3.0, 1.0));
            Assert.Equal(double.NegativeInfinity, DiscreteMath.NegativeBinomialLogPmf(1, 3.0, 1.0));
            Assert.Equal(double.NegativeInfinity, DiscreteMath.NegativeBinomialLogPmf(-1, 3.0, 0.5));

            Assert.Equal(0.0, DiscreteMath.BinomialEntropy(0, 0.5));
            Assert.Equal(0.0, DiscreteMath.BinomialEntropy(10, 0.0));
            Assert.Equal(0.0, DiscreteMath.BinomialEntropy(10, 1.0));
            Assert.Equal(0.0, DiscreteMath.PoissonEntropy(0.0));
            Assert.Equal(0.0, DiscreteMath.NegativeBinomialEntropy(2.0, 1.0));
            Assert.Equal(0.0, DiscreteMath.GeometricEntropy(1.0));

            Assert.Equal(double.PositiveInfinity, DiscreteMath.PoissonKLDivergence(1.0, 0.0));
            Assert.Equal(0.0, DiscreteMath.PoissonKLDivergence(0.0, 0.0));
            Assert.Equal(3.0, DiscreteMath.PoissonKLDivergence(0.0, 3.0));
            Assert.Equal(double.PositiveInfinity, DiscreteMath.GeometricKLDivergence(0.5, 1.0));
            Assert.Equal(0.0, DiscreteMath.GeometricKLDivergence(1.0, 1.0));
            Assert.Equal(-Math.Log(0.3), DiscreteMath.GeometricKLDivergence(1.0, 0.3));
            Assert.Equal(double.PositiveInfinity, DiscreteMath.NegativeBinomialKLDivergence(2.0, 0.5, 3.0, 1.0));
            Assert.Equal(double.PositiveInfinity, DiscreteMath.NegativeBinomialKLDivergence(2.0, 0.5, 2.0, 1.0));
            Assert.Equal(0.0, DiscreteMath.NegativeBinomialKLDivergence(2.0, 1.0, 3.0, 1.0));
            Assert.Equal(-3.0 * Math.Log(0.5), DiscreteMath.NegativeBinomialKLDivergence(2.0, 1.0, 3.0, 0.5), 15);
        }

        [Fact]
        public void ValidInputsNeverGiveNaN()
        {
            var random = new Random(20261201);
            double[] ps = { 0, 1e-300, 1e-100, 1e-12, 1e-6, 0.001, 0.3, 0.5, 0.7, 0.999, 1 - 1e-12, 1 };
            int[] ns = { 0, 1, 2, 10, 1000, 100_000, 10_000_000, int.MaxValue };
            foreach (double p in ps)
            {
                foreach (int n in ns)
                {
                    NotNaN(DiscreteMath.BinomialEntropy(n, p), $"BinomialEntropy({n}, {p})");
                    foreach (int k in new[] { 0, 1, n / 2, n - 1, n })
                    {
                        NotNaN(DiscreteMath.BinomialLogPmf(k, n, p), $"BinomialLogPmf({k}, {n}, {p})");
                    }
                }
            }

            double[] rates = { 0, 1e-300, 1e-10, 0.5, 9.99, 10, 1e4, 1e9, 1e15 };
            foreach (double a in rates)
            {
                NotNaN(DiscreteMath.PoissonEntropy(a), $"PoissonEntropy({a})");
                foreach (int k in new[] { 0, 1, 1000, int.MaxValue })
                {
                    NotNaN(DiscreteMath.PoissonLogPmf(k, a), $"PoissonLogPmf({k}, {a})");
                }

                foreach (double b in rates)
                {
                    NotNaN(DiscreteMath.PoissonKLDivergence(a, b), $"PoissonKL({a}, {b})");
                }
            }

            double[] rs = { 1e-300, 1e-3, 0.5, 1, 2.5, 8, 8.5, 100, 1e4, 1e9 };
            double[] qs = { 1e-300, 1e-12, 1e-6, 0.001, 0.3, 0.5, 0.999, 1 - 1e-12, 1 };
            foreach (double r in rs)
            {
                foreach (double p in qs)
                {
                    NotNaN(DiscreteMath.NegativeBinomialEntropy(r, p), $"NegativeBinomialEntropy({r}, {p})");
                    NotNaN(DiscreteMath.GeometricEntropy(p), $"GeometricEntropy({p})");
                    foreach (int k in new[] { 0, 1, 1000, int.MaxValue })
                    {
                        NotNaN(DiscreteMath.NegativeBinomialLogPmf(k, r, p), $"NegativeBinomialLogPmf({k}, {r}, {p})");
                    }

                    for (int i = 0; i < 3; i++)
                    {
                        double r2 = rs[random.Next(rs.Length)], p2 = qs[random.Next(qs.Length)];
                        NotNaN(DiscreteMath.NegativeBinomialKLDivergence(r, p, r2, p2), $"NegativeBinomialKL({r}, {p} ‖ {r2}, {p2})");
                        NotNaN(DiscreteMath.GeometricKLDivergence(p, p2), $"GeometricKL({p} ‖ {p2})");
                    }
                }
            }
        }

        // ---- properties ---------------------------------------------------------------------------------------

        public static TheoryData<string, double, double, double> PmfSums() => new()
        {
            { "Binomial", 100, 0.3, 0 }, { "Binomial", 100_000, 1e-3, 0 }, { "Binomial", 1000, 0.999, 0 },
            { "Poisson", 3.7, 0, 0 }, { "Poisson", 1e4, 0, 0 }, { "Poisson", 1e-10, 0, 0 },
            { "NegativeBinomial", 2.5, 0.3, 0 }, { "NegativeBinomial", 0.01, 0.5, 0 }, { "NegativeBinomial", 1e3, 0.9, 0 },
        };

        [Theory]
        [MemberData(nameof(PmfSums))]
        public void PmfSumsToOne(string family, double a, double b, double unused)
        {
            _ = unused;

            // Σ exp(log-pmf) over the support (tails far below 1e−17 dropped): each term carries its log-pmf's relative
            // error (≤ 4e−15·|ln P|, and |ln P| ≤ ~40 where the mass is) and exp's half ulp; 1e−14 bounds the sum.
            var terms = new List<double>();
            int limit = family == "Binomial" ? (int)a : 400_000;
            for (int k = 0; k <= limit; k++)
            {
                double lp = family switch
                {
                    "Binomial" => DiscreteMath.BinomialLogPmf(k, (int)a, b),
                    "Poisson" => DiscreteMath.PoissonLogPmf(k, a),
                    _ => DiscreteMath.NegativeBinomialLogPmf(k, a, b),
                };
                terms.Add(Math.Exp(lp));
            }

            Within(1.0, Sum(terms.ToArray()), 1e-14, $"Σ pmf of {family}({a}, {b})");
        }

        [Theory]
        [InlineData(4_000, 0.5)]       // npq = 1e3: the switch
        [InlineData(4_004, 0.5)]
        [InlineData(40_000, 0.5)]
        [InlineData(100_000, 0.5)]
        [InlineData(111_112, 0.009)]   // npq ≈ 1e3 with a skewed law
        [InlineData(1_111_112, 0.009)]
        [InlineData(10_101, 0.99)]
        public void BinomialEntropyRegimesAgree(int n, double p)
        {
            double pp = Math.Min(p, 1 - p);
            double lattice = DiscreteMath.BinomialEntropyLattice(n, pp);
            double smooth = DiscreteMath.BinomialEntropySmooth(n, pp);
            output.WriteLine($"Binomial({n}, {p}): lattice {R(lattice)}, smooth {R(smooth)}, rel {Math.Abs(lattice - smooth) / lattice:E2}");
            Close(lattice, smooth, 2e-15, 0, $"Binomial({n}, {p}) lattice vs smooth");
        }

        [Theory]
        [InlineData(1e3)]   // the switch
        [InlineData(1e4)]
        [InlineData(5e4)]
        public void PoissonEntropyRegimesAgree(double rate)
        {
            double lattice = DiscreteMath.PoissonEntropyLattice(rate);
            double asymptotic = DiscreteMath.PoissonEntropyAsymptotic(rate);
            double smooth = DiscreteMath.PoissonEntropySmooth(rate);
            output.WriteLine($"Poisson({rate}): lattice {R(lattice)}, asymptotic {R(asymptotic)}, smooth {R(smooth)}");
            Close(lattice, smooth, 2e-15, 0, $"Poisson({rate}) lattice vs smooth");

            // The series' first omitted term is ≈ 0.343/λ⁵: below 1e−16 relative for λ ≥ 1e3.
            Close(lattice, asymptotic, 2e-15, 0, $"Poisson({rate}) lattice vs asymptotic");
        }

        [Theory]
        [InlineData(8.5, 0.5)]      // just above r = 8: lattice vs Binet
        [InlineData(50, 0.9)]
        [InlineData(100, 0.01)]     // r·q ≈ 100, variance 9.9e5: Binet vs smooth at the Gaussian switch
        [InlineData(104, 0.04)]     // r·q ≈ 100 with variance 6.2e4: all three
        [InlineData(1e4, 0.5)]      // variance 2e4: lattice vs smooth
        [InlineData(1000, 0.3)]     // variance 7.8e3
        [InlineData(2, 0.01)]
        [InlineData(1.0, 0.2)]      // Geometric: Binet's J is exactly 0 (lattice vs Binet)
        public void NegativeBinomialEntropyRegimesAgree(double r, double p)
        {
            double q = 1 - p;
            var values = new List<(string Name, double Value, double Rel)>();

            // Binet subtracts J from r·H(Geometric(p)), so its rounding grows with r·H(Geometric)/H (≤ ~100 where it is
            // used: r ≤ 8, or r·q < 100): compared at 1e−13 there; the lattice sum and the smooth trapezoid at 2e−15.
            if (r <= 8 || r * q < 100)
            {
                values.Add(("binet", DiscreteMath.NegativeBinomialEntropyBinet(r, p), 1e-13));
            }

            if (r >= 1 && r * q / (p * p) <= 1e6)
            {
                values.Add(("lattice", DiscreteMath.NegativeBinomialEntropyLattice(r, p), 2e-15));
            }

            if (r * q >= 100)
            {
                values.Add(("smooth", DiscreteMath.NegativeBinomialEntropySmooth(r, p), 2e-15));
            }

            output.WriteLine($"NB({r}, {p}): " + string.Join(", ", values.ConvertAll(v => $"{v.Name} {R(v.Value)}")));
            Assert.True(values.Count >= 2 || r == 1, "at least two regimes to compare");
            foreach ((string name, double v, double rel) in values)
            {
                Close(values[^1].Value, v, Math.Max(rel, values[^1].Rel), 0, $"NB({r}, {p}) {name} vs {values[^1].Name}");
            }
        }

        [Fact]
        public void NegativeBinomialKLSumAndBinetAgree()
        {
            foreach ((double rP, double pP, double rQ, double pQ) in new[] { (2.0, 0.01, 3.0, 0.012), (0.5, 0.05, 0.7, 0.06), (20.0, 0.2, 19.0, 0.21), (3.0, 0.5, 2.0, 0.4) })
            {
                double sum = DiscreteMath.NegativeBinomialKLSum(rP, pP, rQ, pQ);
                double binet = DiscreteMath.NegativeBinomialKLBinet(rP, pP, rQ, pQ);
                output.WriteLine($"NB KL ({rP}, {pP} ‖ {rQ}, {pQ}): sum {R(sum)}, binet {R(binet)}");
                Close(sum, binet, 1e-12, 1e-15, $"NB KL ({rP}, {pP} ‖ {rQ}, {pQ}) sum vs Binet");
            }
        }

        [Fact]
        public void KLOfALawWithItselfIsZeroAndKLIsNeverNegative()
        {
            var random = new Random(7);
            for (int i = 0; i < 300; i++)
            {
                double a = Math.Pow(10, (random.NextDouble() * 20) - 10);
                double b = a * (1 + ((random.NextDouble() - 0.5) * 1e-6));
                Assert.Equal(0.0, DiscreteMath.PoissonKLDivergence(a, a));
                Assert.True(DiscreteMath.PoissonKLDivergence(a, b) >= 0);

                double p = Math.Pow(10, -random.NextDouble() * 8);
                double q = Math.Min(1, p * (1 + ((random.NextDouble() - 0.5) * 1e-3)));
                double r = Math.Pow(10, (random.NextDouble() * 5) - 2);
                double r2 = r * (1 + ((random.NextDouble() - 0.5) * 0.1));
                Assert.Equal(0.0, DiscreteMath.GeometricKLDivergence(p, p));
                Assert.True(DiscreteMath.GeometricKLDivergence(p, q) >= 0);
                Assert.Equal(0.0, DiscreteMath.NegativeBinomialKLDivergence(r, p, r, p));
                Assert.True(DiscreteMath.NegativeBinomialKLDivergence(r, p, r2, q) >= 0, $"NB KL ({r}, {p} ‖ {r2}, {q})");
            }
        }

        [Fact]
        public void HardCases()
        {
            // The oracle's held-out hard case: KL(Poisson(1e6) ‖ Poisson(1e6 + 1)) = 4.99999667e−7 at 1e−10 relative.
            Close(4.999996666669166e-7, DiscreteMath.PoissonKLDivergence(1e6, 1e6 + 1), 1e-15, 0, "KL(Poisson(1e6) ‖ Poisson(1e6 + 1))");
            Close(-0.9999999995, DiscreteMath.BinomialLogPmf(1, 1_000_000_000, 1e-9), 1e-15, 0, "Binomial(1e9, 1e-9) at 1");
            Close(691.7755278982137, DiscreteMath.GeometricEntropy(1e-300), 1e-15, 0, "H(Geometric(1e-300))");
        }
    }
}
