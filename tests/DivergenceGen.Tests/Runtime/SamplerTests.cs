using System;
using System.Collections.Generic;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// The exact samplers of <see cref="DiscreteMath"/>: chi-square goodness of fit against the pmf, mean and variance,
    /// edge parameters, determinism. Fixed seeds make every run identical; the thresholds are at a p-value of 1e−6
    /// (chi-square) and 6 standard errors (moments), so a correct sampler passes with any seed with overwhelming
    /// probability, while a wrong constant in BTRS/PTRS (which shifts the law by ≥ 1e−3 in some cell) fails at
    /// N = 200,000.
    /// </summary>
    public sealed class SamplerTests(ITestOutputHelper output)
    {
        private const int N = 200_000;

        public static TheoryData<string, double, double> Laws() => new()
        {
            { "Binomial", 20, 0.3 },          // inversion
            { "Binomial", 50, 0.02 },         // inversion, mode 0
            { "Binomial", 1000, 0.3 },        // BTRS
            { "Binomial", 100, 0.9 },         // BTRS, reflected
            { "Binomial", 40, 0.25 },         // BTRS at its switch (np = 10)
            { "Binomial", 20000, 0.001 },     // BTRS with a small p (its constant a has a 0.01·p term: 0.01/p there is off by 10)
            { "Binomial", int.MaxValue, 0.5 },
            { "Poisson", 0.5, 0 },            // inversion
            { "Poisson", 9.99, 0 },
            { "Poisson", 10, 0 },             // PTRS at its switch
            { "Poisson", 30, 0 },
            { "Poisson", 1e4, 0 },
            { "Poisson", 1e12, 0 },
            { "Geometric", 0.5, 0 },
            { "Geometric", 0.1, 0 },
            { "Geometric", 0.999, 0 },
            { "Geometric", 1e-3, 0 },
            { "NegativeBinomial", 1, 0.5 },
            { "NegativeBinomial", 3.5, 0.3 },
            { "NegativeBinomial", 0.5, 0.2 },   // gamma boost (r < 1)
            { "NegativeBinomial", 0.01, 0.5 },  // tiny r
            { "NegativeBinomial", 50, 0.9 },
            { "NegativeBinomial", 1e6, 0.5 },
        };

        private static long Draw(string family, Random random, double a, double b) => family switch
        {
            "Binomial" => DiscreteMath.SampleBinomial(random, (int)a, b),
            "Poisson" => DiscreteMath.SamplePoisson(random, a),
            "Geometric" => DiscreteMath.SampleGeometric(random, a),
            _ => DiscreteMath.SampleNegativeBinomial(random, a, b),
        };

        private static double LogPmf(string family, long k, double a, double b) => family switch
        {
            "Binomial" => DiscreteMath.BinomialLogPmf((int)k, (int)a, b),
            "Poisson" => DiscreteMath.PoissonLogPmf((int)k, a),
            "Geometric" => DiscreteMath.NegativeBinomialLogPmf((int)k, 1.0, a),
            _ => DiscreteMath.NegativeBinomialLogPmf((int)k, a, b),
        };

        private static (double Mean, double Variance, double ExcessKurtosis) Moments(string family, double a, double b)
        {
            switch (family)
            {
                case "Binomial":
                    double v = a * b * (1 - b);
                    return (a * b, v, (1 - (6 * b * (1 - b))) / v);
                case "Poisson":
                    return (a, a, 1 / a);
                case "Geometric":
                    return ((1 - a) / a, (1 - a) / (a * a), 6 + (a * a / (1 - a)));
                default:
                    double q = 1 - b;
                    return (a * q / b, a * q / (b * b), (6 / a) + (b * b / (a * q)));
            }
        }

        [Theory]
        [MemberData(nameof(Laws))]
        public void MatchesThePmf(string family, double a, double b)
        {
            var random = new Random(12345);
            var counts = new Dictionary<long, long>();
            double sum = 0, sumSq = 0;
            (double mean, double variance, double kurtosis) = Moments(family, a, b);
            for (int i = 0; i < N; i++)
            {
                long k = Draw(family, random, a, b);
                Assert.True(k >= 0, $"{family}({a}, {b}) drew {k}");
                counts[k] = counts.GetValueOrDefault(k) + 1;
                double z = k - mean;
                sum += z;
                sumSq += z * z;
            }

            // Moments: the sample mean within 6 standard errors; the sample variance within 6 of its standard errors
            // (Var(s²) ≈ σ⁴·(2 + excess kurtosis)/N).
            double sampleMean = (sum / N) + mean;
            double sampleVariance = (sumSq / N) - ((sum / N) * (sum / N));
            double meanError = Math.Abs(sampleMean - mean) / Math.Sqrt(variance / N);
            double varianceError = Math.Abs(sampleVariance - variance) / (variance * Math.Sqrt((2 + kurtosis) / N));
            output.WriteLine($"{family}({a}, {b}): mean {sampleMean} (want {mean}, {meanError:F2} se), variance {sampleVariance} (want {variance}, {varianceError:F2} se)");
            Assert.True(meanError < 6, $"{family}({a}, {b}) mean {sampleMean} vs {mean}: {meanError:F2} standard errors");
            Assert.True(varianceError < 6, $"{family}({a}, {b}) variance {sampleVariance} vs {variance}: {varianceError:F2} standard errors");

            (double chi2, int df) = variance > 1e8
                ? ChiSquareByNormalQuantiles(family, a, b, mean, Math.Sqrt(variance), counts)
                : ChiSquareByIntegers(family, a, b, counts);
            Assert.True(df >= 1, $"{family}({a}, {b}): the draws fall in one cell; no chi-square test (choose another law)");

            // Wilson–Hilferty: the chi-square quantile at 1 − 1e−6 (z = 4.753).
            double c = 2.0 / (9 * df);
            double critical = df * Math.Pow(1 - c + (4.753 * Math.Sqrt(c)), 3);
            output.WriteLine($"  chi2 = {chi2:F1} on {df} df (critical {critical:F1})");
            if (!(chi2 < critical))
            {
                throw new XunitException($"{family}({a}, {b}): chi-square {chi2:F1} on {df} df exceeds {critical:F1} (p < 1e-6)");
            }
        }

        /// <summary>
        /// Chi-square over cells of consecutive k from the lowest to the highest sampled value (plus both tails), each merged
        /// until its expected count is ≥ 20.
        /// </summary>
        private static (double Chi2, int Df) ChiSquareByIntegers(string family, double a, double b, Dictionary<long, long> counts)
        {
            long lo = long.MaxValue, hi = long.MinValue;
            foreach (long k in counts.Keys)
            {
                lo = Math.Min(lo, k);
                hi = Math.Max(hi, k);
            }

            double cdfBelow = 0;
            for (long k = 0; k < lo; k++)
            {
                cdfBelow += Math.Exp(LogPmf(family, k, a, b));
            }

            double chi2 = 0, cellExpected = cdfBelow * N, cellObserved = 0, total = cdfBelow;
            int cells = 0;
            for (long k = lo; k <= hi; k++)
            {
                double pk = Math.Exp(LogPmf(family, k, a, b));
                total += pk;
                cellExpected += pk * N;
                cellObserved += counts.GetValueOrDefault(k);
                if (cellExpected >= 20 && k < hi)
                {
                    chi2 += (cellObserved - cellExpected) * (cellObserved - cellExpected) / cellExpected;
                    cells++;
                    cellExpected = 0;
                    cellObserved = 0;
                }
            }

            cellExpected += Math.Max(0, 1 - total) * N; // the upper tail beyond the largest draw
            chi2 += (cellObserved - cellExpected) * (cellObserved - cellExpected) / cellExpected;
            cells++;
            return (chi2, cells - 1);
        }

        /// <summary>
        /// Chi-square for laws too wide to walk k by k (variance &gt; 1e8: Binomial(2³¹ − 1, ½) spans ~10⁹ values below its
        /// bulk, Poisson(10¹²) has k beyond int): 26 cells cut at ⌈mean + z·σ⌉ for z = −3, −2.75, …, 3 (so every cell expects
        /// ≥ 0.00135·N = 270 draws), each cell's probability from the pmf itself:
        ///   Binomial: Σ of BinomialLogPmf over the cell's integers (k fits an int), the lower tail from mean − 12σ (the mass
        ///     below is &lt; e^−72 by Hoeffding);
        ///   Poisson: Σₖ f(k) over [lo, hi) = ∫ f over [lo − ½, hi − ½] with f = exp(PoissonLogPmfCore(x, λ)) (Loader's
        ///     log-density at real x), by Simpson's rule with panels h ≤ σ/128. f varies on the scale σ = 10⁶, so the
        ///     midpoint-sum error (Euler–Maclaurin, (f′(hi − ½) − f′(lo − ½))/24 with f′ ≈ z·f/σ) is ≈ 1e-13 of a cell and
        ///     Simpson's (h⁴·f⁗/180, f⁗ ≲ 30·f/σ⁴ for |z| ≤ 3) ≈ 1e-9 of it: far under the chi-square's resolution
        ///     (≈ 1/√(N·p) ≥ 1% of a cell).
        /// The upper tail is 1 − the rest.
        /// </summary>
        private static (double Chi2, int Df) ChiSquareByNormalQuantiles(string family, double a, double b, double mean, double sigma, Dictionary<long, long> counts)
        {
            const int Edges = 25;
            var edges = new long[Edges];
            for (int j = 0; j < Edges; j++)
            {
                edges[j] = (long)Math.Ceiling(mean + (sigma * (-3 + (0.25 * j))));
            }

            double Mass(long from, long to) // P(from ≤ X < to)
            {
                if (family == "Binomial")
                {
                    double sum = 0;
                    for (long k = Math.Max(0, from); k < to; k++)
                    {
                        sum += Math.Exp(DiscreteMath.BinomialLogPmf(checked((int)k), (int)a, b));
                    }

                    return sum;
                }

                Assert.Equal("Poisson", family);
                double x0 = from - 0.5, x1 = to - 0.5;
                int panels = 2 * (int)Math.Ceiling((x1 - x0) / (sigma / 64)); // even, h ≤ σ/128
                double h = (x1 - x0) / panels, simpson = 0;
                for (int i = 0; i <= panels; i++)
                {
                    double f = Math.Exp(DiscreteMath.PoissonLogPmfCore(x0 + (i * h), a));
                    simpson += f * (i == 0 || i == panels ? 1 : i % 2 == 1 ? 4 : 2);
                }

                return simpson * h / 3;
            }

            var expected = new double[Edges + 1];
            expected[0] = Mass((long)Math.Floor(mean - (12 * sigma)), edges[0]);
            for (int j = 1; j < Edges; j++)
            {
                expected[j] = Mass(edges[j - 1], edges[j]);
            }

            double below = 0;
            for (int j = 0; j < Edges; j++)
            {
                below += expected[j];
            }

            expected[Edges] = 1 - below;

            var observed = new double[Edges + 1];
            foreach ((long k, long count) in counts)
            {
                int cell = Array.BinarySearch(edges, k);
                observed[cell >= 0 ? cell + 1 : ~cell] += count; // k = edges[j] opens cell j + 1
            }

            double chi2 = 0;
            for (int j = 0; j <= Edges; j++)
            {
                double e = expected[j] * N;
                Assert.True(e >= 20, $"{family}({a}, {b}): cell {j} expects only {e:F1} draws");
                chi2 += (observed[j] - e) * (observed[j] - e) / e;
            }

            return (chi2, Edges);
        }

        [Fact]
        public void EdgeParameters()
        {
            var random = new Random(1);
            for (int i = 0; i < 100; i++)
            {
                Assert.Equal(0, DiscreteMath.SampleBinomial(random, 10, 0.0));
                Assert.Equal(10, DiscreteMath.SampleBinomial(random, 10, 1.0));
                Assert.Equal(0, DiscreteMath.SampleBinomial(random, 0, 0.5));
                Assert.Equal(0, DiscreteMath.SamplePoisson(random, 0.0));
                Assert.Equal(0, DiscreteMath.SampleGeometric(random, 1.0));
                Assert.Equal(0, DiscreteMath.SampleNegativeBinomial(random, 3.0, 1.0));
                Assert.Equal(long.MaxValue, DiscreteMath.SampleGeometric(random, 1e-300)); // ≈ 1e300·|ln U|: saturates
                long tiny = DiscreteMath.SampleNegativeBinomial(random, 1e-300, 0.5);
                Assert.True(tiny >= 0);
                long huge = DiscreteMath.SamplePoisson(random, 1e15);
                Assert.InRange(huge, (long)(1e15 - 1e9), (long)(1e15 + 1e9));
            }
        }

        /// <summary>
        /// A null <see cref="Random"/> is an <see cref="ArgumentNullException"/> naming the parameter, from every sampler
        /// (written against the targeted Stryker run of the samplers, where removing each <c>ThrowIfNull</c> survived:
        /// without it a null source fails later as a NullReferenceException).
        /// </summary>
        [Fact]
        public void NullRandom_IsAnArgumentNullException()
        {
            Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => DiscreteMath.SampleBinomial(null!, 10, 0.3)).ParamName);
            Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => DiscreteMath.SamplePoisson(null!, 3.0)).ParamName);
            Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => DiscreteMath.SampleGeometric(null!, 0.3)).ParamName);
            Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => DiscreteMath.SampleNegativeBinomial(null!, 2.5, 0.3)).ParamName);
        }

        /// <summary>
        /// The largest uniform <see cref="Random.NextDouble"/> can return, 1 − 2⁻⁵³: inversion must give the quantile, which
        /// for Binomial(10, 0.1) and (20, 0.45) is n (P(K = n) ≥ 1e−10 ≫ 2⁻⁵³), and never more, although the rounded cdf
        /// stops below 1 − 2⁻⁵³ for these laws (the walk must stop at n, not at n + 1; reflected: 0, not −1). Where the cdf
        /// stops below u before n, the walk must end where the pmf underflows (Binomial(1e9, 5e−9): k = 253; Poisson(9.99):
        /// k = 304) rather than walk on to n (10⁹ steps) or forever. Written against the sampler run's survivors
        /// (docs/testing.md): the loop bound k &lt; n → k ≤ n, and the two <c>prob == 0</c> breaks removed.
        /// </summary>
        [Fact]
        public async System.Threading.Tasks.Task TheLargestUniform_GivesAValueInTheSupport_AndTheWalkStops()
        {
            double top = Math.BitDecrement(1.0);
            Assert.Equal(10, DiscreteMath.SampleBinomial(new Scripted(top), 10, 0.1));
            Assert.Equal(20, DiscreteMath.SampleBinomial(new Scripted(top), 20, 0.45));
            Assert.Equal(0, DiscreteMath.SampleBinomial(new Scripted(top), 10, 0.9));
            Assert.InRange(DiscreteMath.SampleBinomial(new Scripted(top), 1_000_000_000, 5e-9), 0, 1000);

            // Without its break the Poisson walk never ends (cdf + 0 stays below u): run it where a hang fails the test.
            var poisson = System.Threading.Tasks.Task.Run(() => DiscreteMath.SamplePoisson(new Scripted(top), 9.99));
            long k = await poisson.WaitAsync(TimeSpan.FromSeconds(10)); // TimeoutException if the walk does not end
            Assert.InRange(k, 0, 1000);
        }

        /// <summary>
        /// A uniform of exactly 0 (which <see cref="Random.NextDouble"/> can return) makes BTRS's u = −½ and us = 0, so its
        /// candidate kd = ⌊(2a/us + b)·u + c⌋ is −∞: it must be rejected, not cast to int.MinValue and accepted (the
        /// acceptance test compares −∞ with −∞ there). Written against the survivors "kd ∈ [0, n] check removed" and
        /// "&amp;&amp; → ||" of the sampler run.
        /// </summary>
        [Fact]
        public void AUniformOfZero_IsRejectedByBtrs()
        {
            long k = DiscreteMath.SampleBinomial(new Scripted(0.0, 0.5), 1000, 0.3);
            Assert.InRange(k, 0, 1000);
        }

        /// <summary>
        /// BTRS (np ≥ 10) reaches k = 0, whose probability is at most e^−10: Binomial(10001, 0.001) has P(0) = 4.52e−5,
        /// so 500,000 draws expect 22.6 zeros; [4, 50] has probability &gt; 1 − 1e−6 (Poisson tails: P(≤ 3) = 3.5e−7,
        /// P(≥ 51) = 1.9e−7). The chi-square of <see cref="MatchesThePmf"/> merges k = 0 into a cell with its neighbours
        /// and cannot see it: the survivor "kd ≥ 0 → kd &gt; 0" (0 never returned) passed it. ~60 ms.
        /// </summary>
        [Fact]
        public void Btrs_ReturnsZero_AsOftenAsThePmfSays()
        {
            var random = new Random(7);
            int zeros = 0;
            for (int i = 0; i < 500_000; i++)
            {
                if (DiscreteMath.SampleBinomial(random, 10001, 0.001) == 0)
                {
                    zeros++;
                }
            }

            Assert.InRange(zeros, 4, 50);
        }

        [Fact]
        public void DeterministicGivenTheRandom()
        {
            long[] Run()
            {
                var random = new Random(99);
                var result = new long[40];
                for (int i = 0; i < 10; i++)
                {
                    result[i] = DiscreteMath.SampleBinomial(random, 1000, 0.3);
                    result[i + 10] = DiscreteMath.SamplePoisson(random, 123.4);
                    result[i + 20] = DiscreteMath.SampleGeometric(random, 0.01);
                    result[i + 30] = DiscreteMath.SampleNegativeBinomial(random, 2.5, 0.1);
                }

                return result;
            }

            Assert.Equal(Run(), Run());
        }

        /// <summary>A <see cref="Random"/> that returns the given uniforms in order, then repeats the last.</summary>
        private sealed class Scripted(params double[] uniforms) : Random
        {
            private int next;

            public override double NextDouble() => uniforms[Math.Min(next++, uniforms.Length - 1)];
        }
    }
}
