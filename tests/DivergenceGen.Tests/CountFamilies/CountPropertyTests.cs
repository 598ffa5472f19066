// Properties of the generated count families, checked against plain reference computations from the types' own
// log-pmf (so they test the entropy/KL/batch/fit/sample members, not the log-pmf against itself):
//   Σ P(k) = 1 over the support; H = −Σ P log P; D(P‖Q) = Σ P (log P − log Q); H(P, Q) = −Σ P log Q;
//   D ≥ 0, D(P‖P) = 0; batch = scalar; straight-line = SIMD loop; float = double rounded once; fit and sampling.
using System;
using System.Linq;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.CountFamilies
{
    public sealed class CountPropertyTests
    {
        private const double Eps = 2.220446049250313E-16;

        /// <summary>Sums f(k) over k = 0 … last with compensation (Neumaier), so the reference's own error is ≈ 2ε.</summary>
        private static double SumOver(int last, Func<int, double> f)
        {
            var terms = new double[last + 1];
            for (int k = 0; k <= last; k++)
            {
                terms[k] = f(k);
            }

            // An infinite term decides the sum (compensation would turn ∞ − ∞ into NaN).
            return terms.Any(double.IsInfinity) ? terms.Sum() : Sum(terms);
        }

        /// <summary>The last k worth summing for an infinite support: P(X > last) is far below double precision.</summary>
        private static int TailEnd<TDist>(TDist d)
            where TDist : ICountDistribution<TDist, double> =>
            (int)Math.Min(2_000_000, d.Mean + 40 * Math.Sqrt(d.Variance) + 60);

        private static double EntropyBySum<TDist>(TDist d, int last)
            where TDist : ICountDistribution<TDist, double> =>
            -SumOver(last, k => d.Pmf(k) > 0 ? d.Pmf(k) * d.LogPmf(k) : 0);

        private static double KLBySum<TDist>(TDist p, TDist q, int last)
            where TDist : ICountDistribution<TDist, double> =>
            SumOver(last, k => p.Pmf(k) > 0 ? p.Pmf(k) * (p.LogPmf(k) - q.LogPmf(k)) : 0);

        private static double CrossEntropyBySum<TDist>(TDist p, TDist q, int last)
            where TDist : ICountDistribution<TDist, double> =>
            -SumOver(last, k => p.Pmf(k) > 0 ? p.Pmf(k) * q.LogPmf(k) : 0);

        public static TheoryData<double> Probabilities => new() { 0, 1e-300, 1e-9, 0.01, 0.3, 0.5, 0.77, 0.999, 1 };

        // ---- Binomial ------------------------------------------------------------------------------------------

        [Theory]
        [MemberData(nameof(Probabilities))]
        public void Binomial_TableBacked_SumsAndMeasures(double p)
        {
            BinomialSums<Bin0>(p);
            BinomialSums<Bin1>(p);
            BinomialSums<Bin10>(p);
            BinomialSums<Bin16>(p);
            BinomialSums<Bin20>(p);
            BinomialSums<Bin20Class>(p);
            BinomialSums<Bin100>(p);
            BinomialSums<Bin1024>(p);
            BinomialSums<Bin1025>(p); // above the table: saddle-point log-pmf, runtime entropy
            BinomialSums<Bin10000>(p);
        }

        private static void BinomialSums<TDist>(double p)
            where TDist : IBinomialDistribution<TDist, double>
        {
            int n = TDist.TrialCount;
            string name = $"{typeof(TDist).Name}({R(p)})";
            Assert.True(TDist.TryCreate(p, out TDist? d));
            Within(1, SumOver(n, k => d!.Pmf(k)), (n + 8) * 4 * Eps, name + " Σ P(k)");

            // Entropy: each term's rounding is ε·|P log P|-sized; the log-pmf itself carries ~ε·(n·|log p| + log C) of rounding.
            double h = EntropyBySum(d!, n);
            Within(h, d!.Entropy(), 1e-12 * Math.Max(1, h), name + " H = −Σ P log P");
            Assert.True(d!.Entropy() >= 0, name + " H ≥ 0");

            Assert.Equal(double.NegativeInfinity, d.LogPmf(-1));
            Assert.Equal(double.NegativeInfinity, d.LogPmf(n + 1));
            Assert.Equal(0, d.Pmf(n + 1));
            Within(n * p, d.Mean, 2 * Eps * n * p, name + " Mean");
            Within(n * p * (1 - p), d.Variance, 4 * Eps * n * p, name + " Variance");

            foreach (double q in new[] { 0, 1e-12, 0.2, 0.5, 0.9, 1 })
            {
                Assert.True(TDist.TryCreate(q, out TDist? dq));
                string pair = $"{typeof(TDist).Name}: D({R(p)}‖{R(q)})";
                double kl = KLBySum(d, dq!, n);
                double got = d.KLDivergence(dq);
                Assert.True(got >= 0, pair + " ≥ 0");
                if (double.IsPositiveInfinity(kl))
                {
                    Assert.Equal(double.PositiveInfinity, got);
                    Assert.Equal(double.PositiveInfinity, d.CrossEntropy(dq));
                    continue;
                }

                // The closed form n·D_Bernoulli and the reference sum agree to the sum's own rounding: each P(k) = exp(log P(k))
                // carries the rounding of log P(k)'s pieces, ≈ ε·M with M = log C(n, k) + k·|log p| + (n − k)·|log(1 − p)| ≤
                // n·(log 2 + |log p| + |log(1 − p)|), and every term also rounds by ε·P·(|log P| + |log Q|).
                double m = n * (Math.Log(2) + Math.Abs(Math.Log(p)) + Math.Abs(Math.Log(1 - p)));
                double scale = SumOver(n, k => d.Pmf(k) > 0 ? d.Pmf(k) * (Math.Abs(d.LogPmf(k)) + Math.Abs(dq.LogPmf(k))) : 0);
                double bound = 64 * Eps * (scale + 1) + (double.IsFinite(m) ? 8 * Eps * m * (kl + 1) : 0);
                Within(kl, got, bound, pair + " = Σ P (log P − log Q)");
                Within(CrossEntropyBySum(d, dq, n), d.CrossEntropy(dq), bound + 8 * Eps * (double.IsFinite(m) ? m : 0) * d.Entropy(), pair + " H(P, Q) = −Σ P log Q");
            }

            Assert.Equal(0, d.KLDivergence(d));
        }

        [Fact]
        public void Binomial_StraightLine_Equals_Loop()
        {
            foreach (double p in new[] { 0, 1e-300, 0.01, 0.3, 0.5, 0.999, 1 })
            {
                // Both sum the same terms (the table entries as constants or loaded); only the order of additions differs.
                var a = new Bin10(p);
                var b = new Bin10Looped(p);
                Within(a.Entropy(), b.Entropy(), 16 * Eps * Math.Max(1, a.Entropy()), $"Bin10 vs Bin10Looped H({R(p)})");
                var c = new Bin20(p);
                var e = new Bin20Unrolled(p);
                Within(c.Entropy(), e.Entropy(), 16 * Eps * Math.Max(1, c.Entropy()), $"Bin20 vs Bin20Unrolled H({R(p)})");
            }
        }

        [Fact]
        public void Binomial_LargeN_EntropyNearTableBoundary_AgreesWithSum()
        {
            // n = 1025 has no table: the runtime's entropy against the exact sum of its own saddle-point log-pmf.
            foreach (double p in new[] { 1e-6, 0.01, 0.5, 0.97 })
            {
                var d = new Bin1025(p);
                double h = EntropyBySum(d, Bin1025.Trials);
                Within(h, d.Entropy(), 1e-12 * Math.Max(1, h), $"Bin1025({R(p)}) H");
            }
        }

        [Fact]
        public void Binomial_BillionTrials_IsFinite_AndConsistent()
        {
            // n = 10⁹ (oracle: logprob/Binomial/029): the saddle-point log-pmf and the runtime entropy.
            var d = new Bin1000000000(0.5);
            double h = d.Entropy();
            Within(0.5 * Math.Log(2 * Math.PI * Math.E * 2.5e8), h, 1e-9, "H(Binomial(1e9, 0.5)) ≈ ½ log(2πe·npq)");
            Assert.Equal(double.NegativeInfinity, d.LogPmf(-1));
            Finite(d.LogPmf(500_000_000), "LogPmf(mode)");
            Finite(d.LogPmf(1_000_000_000), "LogPmf(n)");
            Assert.Equal(0, new Bin1000000000(0.3).KLDivergence(new Bin1000000000(0.3)));
            Within(1e9 * (0.3 * Math.Log(0.3 / 0.4) + 0.7 * Math.Log(0.7 / 0.6)), new Bin1000000000(0.3).KLDivergence(new Bin1000000000(0.4)), 1e-6, "n·D_Bernoulli");
        }

        // ---- Geometric, Poisson, NegativeBinomial -----------------------------------------------------------------

        public static TheoryData<double> GeometricP => new() { 1, 0.999, 0.9, 0.5, 0.1, 0.01 };

        [Theory]
        [MemberData(nameof(GeometricP))]
        public void Geometric_Sums(double p)
        {
            var d = new Geo(p);
            CountSums(d, new[] { new Geo(1), new Geo(0.5), new Geo(0.02) }, $"Geometric({R(p)})");
            Within((1 - p) / p, d.Mean, 2 * Eps * d.Mean, "Mean");
        }

        public static TheoryData<double> Rates => new() { 0, 1e-10, 0.5, 3.7, 30, 255, 256, 257, 1000 };

        [Theory]
        [MemberData(nameof(Rates))]
        public void Poisson_Sums(double rate)
        {
            var d = new Pois(rate);
            CountSums(d, new[] { new Pois(0), new Pois(1), new Pois(rate + 0.5), new Pois(50) }, $"Poisson({R(rate)})");
        }

        public static TheoryData<double, double> NegativeBinomialParameters => new()
        {
            { 1, 0.5 }, { 0.3, 0.7 }, { 2.5, 0.2 }, { 10, 0.9 }, { 40, 0.6 }, { 3, 1 },
        };

        [Theory]
        [MemberData(nameof(NegativeBinomialParameters))]
        public void NegativeBinomial_Sums(double r, double p)
        {
            var d = new NegBin(r, p);
            CountSums(d, new[] { new NegBin(r, 0.4), new NegBin(r + 1.5, p), new NegBin(1, 1), new NegBin(0.5, 0.05) }, $"NegativeBinomial({R(r)}, {R(p)})");
        }

        private static void CountSums<TDist>(TDist d, TDist[] others, string name)
            where TDist : ICountDistribution<TDist, double>
        {
            int last = TailEnd(d);
            Within(1, SumOver(last, k => d.Pmf(k)), 1e-13, name + " Σ P(k)");
            double h = EntropyBySum(d, last);
            Within(h, d.Entropy(), 1e-12 * Math.Max(1, h), name + " H = −Σ P log P");
            Assert.Equal(double.NegativeInfinity, d.LogPmf(-1));
            Assert.Equal(0, d.Pmf(-5));
            Assert.Equal(0, d.KLDivergence(d));
            double mean = SumOver(last, k => k * d.Pmf(k));
            Within(mean, d.Mean, 1e-12 * Math.Max(1, mean), name + " Mean = Σ k P(k)");

            foreach (TDist q in others)
            {
                string pair = $"D({name}‖{q.Mean:R}-mean)";
                double kl = KLBySum(d, q, last);
                double got = d.KLDivergence(q);
                Assert.True(got >= 0, pair + " ≥ 0");
                if (double.IsPositiveInfinity(kl))
                {
                    Assert.Equal(double.PositiveInfinity, got);
                    continue;
                }

                double scale = SumOver(last, k => d.Pmf(k) > 0 ? d.Pmf(k) * (Math.Abs(d.LogPmf(k)) + Math.Abs(q.LogPmf(k))) : 0);
                Within(kl, got, 1e-13 * (scale + 1), pair + " = Σ P (log P − log Q)");
                Within(CrossEntropyBySum(d, q, last), d.CrossEntropy(q), 1e-13 * (scale + 1), pair + " H(P, Q) = −Σ P log Q");
            }
        }

        // ---- Batch = scalar ------------------------------------------------------------------------------------

        private static int[] Outcomes(int length, int max, int seed)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, length).Select(i => i % 11 == 3 ? -random.Next(1, 100) : random.Next(0, max + 1)).ToArray();
        }

        private static void BatchEqualsScalar<TDist>(TDist d, int max, double relative, string name)
            where TDist : ICountDistribution<TDist, double>
        {
            foreach (int length in new[] { 0, 1, 2, 3, 5, 8, 13, 64, 1001 })
            {
                int[] ks = Outcomes(length, max, length);
                double[] dest = new double[length + 3];
                dest.AsSpan().Fill(double.NaN);
                d.LogPmf(ks, dest);
                for (int i = 0; i < length; i++)
                {
                    Within(d.LogPmf(ks[i]), dest[i], relative * Math.Max(1, Math.Abs(dest[i])), $"{name}.LogPmf(span)[{i}], k = {ks[i]}");
                }

                Assert.True(double.IsNaN(dest[length]), name + ": wrote past the outcomes");
            }

            Assert.Throws<ArgumentException>("destination", () => d.LogPmf(new[] { 1, 2, 3 }, new double[2]));
        }

        [Fact]
        public void Batch_Equals_Scalar()
        {
            // Binomial and Geometric: the vector arithmetic is the scalar arithmetic (no FMA contraction), so equal.
            BatchEqualsScalar(new Bin10(0.3), 12, 0, "Bin10");
            BatchEqualsScalar(new Bin10(0), 12, 0, "Bin10(p = 0)");
            BatchEqualsScalar(new Bin10(1), 12, 0, "Bin10(p = 1)");
            BatchEqualsScalar(new Bin1024(0.61), 1030, 0, "Bin1024");
            BatchEqualsScalar(new Bin1025(0.61), 1030, 0, "Bin1025 (element by element)");
            BatchEqualsScalar(new Geo(0.2), 300, 0, "Geometric");
            BatchEqualsScalar(new Geo(1), 3, 0, "Geometric(1)");
            // Poisson: λ ≤ 256 and k < 256 take the vector form, within 1e-12 relative (Poisson.VectorRateLimit).
            BatchEqualsScalar(new Pois(3.5), 300, 1e-12, "Poisson(3.5)");
            BatchEqualsScalar(new Pois(256), 600, 1e-12, "Poisson(256)");
            BatchEqualsScalar(new Pois(0), 3, 0, "Poisson(0)");
            BatchEqualsScalar(new Pois(1e6), 2_000_000, 0, "Poisson(1e6) (element by element)");
            BatchEqualsScalar(new NegBin(2.5, 0.3), 100, 0, "NegativeBinomial (element by element)");
        }

        // ---- float = double rounded once ----------------------------------------------------------------------

        [Fact]
        public void Float_Is_Double_RoundedOnce()
        {
            foreach (float p in new[] { 0f, 1e-30f, 0.125f, 0.3f, 0.5f, 0.99f, 1f })
            {
                var f = new Bin20F(p);
                var d = new Bin20(p);
                Assert.Equal((float)d.Entropy(), f.Entropy());
                Assert.Equal((float)d.KLDivergence(new Bin20(0.25)), f.KLDivergence(new Bin20F(0.25f)));
                Assert.Equal((float)d.CrossEntropy(new Bin20(0.25)), f.CrossEntropy(new Bin20F(0.25f)));
                for (int k = -1; k <= 21; k++)
                {
                    Assert.Equal((float)d.LogPmf(k), f.LogPmf(k));
                }

                int[] ks = Outcomes(37, 22, 5);
                float[] dest = new float[ks.Length];
                f.LogPmf(ks, dest);
                for (int i = 0; i < ks.Length; i++)
                {
                    Assert.Equal((float)d.LogPmf(ks[i]), dest[i]);
                }
            }

            Assert.Equal((float)new Geo(0.3f).Entropy(), new GeoF(0.3f).Entropy());
            Assert.Equal((float)new Pois(7.25f).Entropy(), new PoisF(7.25f).Entropy());
            Assert.Equal((float)new NegBin(2.5f, 0.3f).Entropy(), new NegBinF(2.5f, 0.3f).Entropy());
            Assert.Equal((float)new Bin1000000(0.3f).Entropy(), new Bin1000000F(0.3f).Entropy());
        }

        // ---- Fit and sampling ----------------------------------------------------------------------------------

        [Fact]
        public void Fit_IsTheMaximumLikelihood()
        {
            int[] outcomes = { 0, 3, 1, 4, 1, 5, 9, 2, 6 };
            double mean = outcomes.Average();
            Within(mean / 10, Bin10.Fit(outcomes).P, Eps, "Binomial p̂");
            Within(1 / (1 + mean), Geo.Fit(outcomes).P, Eps, "Geometric p̂");
            Within(mean, Pois.Fit(outcomes).Rate, Eps * mean, "Poisson λ̂");
            Within(2.5 / (2.5 + mean), NegBin.Fit(outcomes, 2.5).P, Eps, "NegativeBinomial p̂ (r = 2.5)");
            Assert.Equal(2.5, NegBin.Fit(outcomes, 2.5).R);
            Assert.Equal(0, Bin0.Fit(new[] { 0, 0 }).P);

            // The likelihood is maximal at the fit: a step either way lowers it.
            var fit = Pois.Fit(outcomes);
            Assert.True(fit.LogLikelihood(outcomes) > new Pois(fit.Rate * 1.01).LogLikelihood(outcomes));
            Assert.True(fit.LogLikelihood(outcomes) > new Pois(fit.Rate * 0.99).LogLikelihood(outcomes));
            var geo = Geo.Fit(outcomes);
            Assert.True(geo.LogLikelihood(outcomes) > new Geo(geo.P * 1.01).LogLikelihood(outcomes));
            Assert.True(geo.LogLikelihood(outcomes) > new Geo(geo.P * 0.99).LogLikelihood(outcomes));
        }

        [Fact]
        public void LogLikelihood_IsTheSumOfLogPmf()
        {
            int[] outcomes = { 0, 3, 1, 4, 1, 5, 9, 2, 6 };
            var d = new NegBin(1.7, 0.4);
            Within(outcomes.Sum(k => d.LogPmf(k)), d.LogLikelihood(outcomes), 16 * Eps * 30, "NegativeBinomial log-likelihood");
            Assert.Equal(double.NegativeInfinity, new Bin5(0.5).LogLikelihood(outcomes)); // 9 > n
            Assert.Equal(double.NegativeInfinity, new Pois(0).LogLikelihood(outcomes));
            Assert.Equal(0, new Pois(3).LogLikelihood(ReadOnlySpan<int>.Empty));
        }

        [Fact]
        public void Sampling_MatchesTheMoments_AndRoundTripsThroughFit()
        {
            const int N = 200_000;
            var random = new Random(20261201);
            var draws = new int[N];
            void Check<TDist>(TDist d, string name)
                where TDist : ICountDistribution<TDist, double>
            {
                d.Sample(random, draws);
                double mean = draws.Average();
                // 6 standard errors: fails with probability ~2e-9 for a correct sampler, and a fixed seed keeps it stable.
                Within(d.Mean, mean, 6 * Math.Sqrt(d.Variance / N) + 1e-12, name + " sample mean");
                Assert.All(draws, k => Assert.True(d.Pmf(k) > 0, $"{name}: drew {k}, outside the support"));
            }

            Check(new Bin20(0.3), "Binomial(20, 0.3)");
            Check(new Bin1000000(0.42), "Binomial(1e6, 0.42)");
            Check(new Geo(0.05), "Geometric(0.05)");
            Check(new Pois(4.5), "Poisson(4.5)");
            Check(new Pois(1e5), "Poisson(1e5)");
            Check(new NegBin(0.7, 0.2), "NegativeBinomial(0.7, 0.2)");
            Check(new NegBin(25, 0.8), "NegativeBinomial(25, 0.8)");

            Assert.Equal(0, new Pois(0).Sample(random));
            Assert.Equal(0, new Geo(1).Sample(random));
            Assert.Equal(0, new Bin10(0).Sample(random));
            Assert.Equal(10, new Bin10(1).Sample(random));
            Assert.Equal(0, new Bin0(0.5).Sample(random));
            Assert.Throws<OverflowException>(() => new Geo(1e-300).Sample(random));
            Assert.Throws<ArgumentNullException>("random", () => new Pois(1).Sample(null!));
        }
    }
}

namespace DivergenceGen.Tests.CountFamilies
{
    /// <summary>The edge cases that the oracle vectors do not already pin.</summary>
    public sealed class CountEdgeCaseTests
    {
        [Fact]
        public void PointMasses()
        {
            // Binomial p ∈ {0, 1}, n = 0; Geometric p = 1; Poisson λ = 0; NegativeBinomial p = 1: H = 0, log-pmf 0 at the atom.
            Assert.Equal(0, new Bin10(0).Entropy());
            Assert.Equal(0, new Bin10(1).Entropy());
            Assert.Equal(0, new Bin0(0.4).Entropy());
            Assert.Equal(0, new Bin0(0.4).LogPmf(0));
            Assert.Equal(0, new Bin10(1).LogPmf(10));
            Assert.Equal(double.NegativeInfinity, new Bin10(1).LogPmf(9));
            Assert.Equal(0, new Geo(1).Entropy());
            Assert.Equal(double.NegativeInfinity, new Geo(1).LogPmf(1));
            Assert.Equal(0, new Pois(0).Entropy());
            Assert.Equal(0, new Pois(0).LogPmf(0));
            Assert.Equal(double.NegativeInfinity, new Pois(0).LogPmf(1));
            Assert.Equal(0, new NegBin(3, 1).Entropy());
            Assert.Equal(0, new NegBin(3, 1).LogPmf(0));

            // KL from a point mass: −log q(atom); to a point mass: +∞ unless P is that point mass too.
            NumericAssert.Within(-new Pois(2).LogPmf(0), new Pois(0).KLDivergence(new Pois(2)), 1e-15, "D(δ₀‖Poisson(2)) = 2");
            Assert.Equal(double.PositiveInfinity, new Pois(2).KLDivergence(new Pois(0)));
            Assert.Equal(0, new Pois(0).KLDivergence(new Pois(0)));
            Assert.Equal(double.PositiveInfinity, new Geo(0.5).KLDivergence(new Geo(1)));
            Assert.Equal(double.PositiveInfinity, new Bin10(0.5).KLDivergence(new Bin10(0)));
            Assert.Equal(0, new Bin0(0.5).KLDivergence(new Bin0(0)));
            Assert.Equal(0, new Bin0(0.5).CrossEntropy(new Bin0(0)));
        }

        [Fact]
        public void HugeRate_And_TinyP_AreFiniteAndAccurate()
        {
            // Poisson(1e9): H = ½ log(2πeλ) − 1/(12λ) − … (the tail terms are < 1e-19 here).
            var big = new Pois(1e9);
            NumericAssert.Within(0.5 * Math.Log(2 * Math.PI * Math.E * 1e9) - 1 / 12e9, big.Entropy(), 1e-13 * 11, "H(Poisson(1e9))");
            NumericAssert.Finite(big.LogPmf(int.MaxValue), "Poisson(1e9).LogPmf(int.MaxValue)");
            NumericAssert.Finite(big.LogPmf(0), "Poisson(1e9).LogPmf(0) = −1e9");
            Assert.Equal(-1e9, big.LogPmf(0));

            // Tiny p: log(1 − p) is log1p(−p), so nothing is lost; entropy of Geometric(1e-300) ≈ 1 − log p.
            NumericAssert.Within(1 - Math.Log(1e-300), new Geo(1e-300).Entropy(), 1e-13 * 692, "H(Geometric(1e-300))");
            NumericAssert.Within(Math.Log(20) + Math.Log(1e-300), new Bin20(1e-300).LogPmf(1), 1e-13 * 688, "Binomial(20, 1e-300).LogPmf(1)");
            NumericAssert.Within(-20e-300, new Bin20(1e-300).LogPmf(0), 1e-313, "Binomial(20, 1e-300).LogPmf(0) = 20·log1p(−1e-300)");
            NumericAssert.Within(1e-300 * 20 * (1 - Math.Log(20e-300)), new Bin20(1e-300).Entropy(), 1e-13 * 1.4e-296, "H(Binomial(20, 1e-300)) ≈ np(1 − log np): the approximation is exact to O(np); the SIMD sum rounds each term");
        }
    }
}
