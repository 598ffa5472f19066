using System;
using System.Collections.Generic;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// The exact samplers of <see cref="ContinuousSampling"/>. Each law is tested by a chi-square on 100 equiprobable cells
    /// cut at its exact quantiles F⁻¹(k/100): N = 100,000 draws, and the chi-square (99 df) must stay below its 1 − 1e−6
    /// quantile; where the law has finite fourth moments, the standardised
    /// mean and variance must be within 6 standard errors. Fixed seeds make every run identical; a correct sampler passes
    /// with any seed with overwhelming probability. The CDFs are written here, independent of the samplers: Φ through
    /// erfc(x) = Q(½, x²) (<see cref="IncompleteGamma"/>), the gamma CDF P(a, x), a Beta CDF by Lentz's continued
    /// fraction (checked against the arcsine law and the polynomial CDF of integer shapes), and closed forms for the
    /// exponential, Laplace and uniform. ~0.6 s in all.
    /// </summary>
    public sealed class ContinuousSamplingTests(ITestOutputHelper output)
    {
        private const int N = 100_000;
        private const int Cells = 100;

        public static TheoryData<string, double, double> Laws() => new()
        {
            { "Normal", 0, 1 },
            { "Normal", 1e9, 1 },           // huge mean: the noise keeps its digits
            { "Normal", -3, 1e-3 },
            { "LogNormal", 0, 1 },
            { "LogNormal", 2, 0.25 },
            { "Exponential", 1, 0 },
            { "Exponential", 1e-3, 0 },
            { "Gamma", 0.5, 2 },            // boost
            { "Gamma", 1, 1 },              // Marsaglia–Tsang at its lowest shape
            { "Gamma", 3.7, 0.5 },
            { "Gamma", 1e4, 3 },
            { "LogGamma", 1e-3, 0 },        // ln of a variate that underflows half the time
            { "LogGamma", 1e-300, 0 },      // ln G ≈ −1e300
            { "LogGamma", 0.3, 0 },
            { "Beta", 0.5, 0.5 },           // log path, both shapes < 1
            { "Beta", 2, 5 },               // quotient path
            { "Beta", 0.3, 2.5 },           // log path, one shape < 1
            { "Beta", 1e4, 1e4 },
            { "Laplace", 0, 1 },
            { "Laplace", -40, 0.25 },
            { "Uniform", -2, 3 },
            { "Uniform", -1.7e308, 1.7e308 }, // width overflows: the convex-combination form
            { "Uniform", 1e9, 1e9 + 1 },
        };

        private static double Draw(string family, Random random, double a, double b) => family switch
        {
            "Normal" => ContinuousSampling.Normal(random, a, b),
            "LogNormal" => ContinuousSampling.LogNormal(random, a, b),
            "Exponential" => ContinuousSampling.Exponential(random, a),
            "Gamma" => ContinuousSampling.Gamma(random, a, b),
            "LogGamma" => ContinuousSampling.LogGamma(random, a),
            "Beta" => ContinuousSampling.Beta(random, a, b),
            "Laplace" => ContinuousSampling.Laplace(random, a, b),
            _ => ContinuousSampling.Uniform(random, a, b),
        };

        /// <summary>The exact CDF of the law at x.</summary>
        private static double Cdf(string family, double x, double a, double b) => family switch
        {
            "Normal" => Phi((x - a) / b),
            "LogNormal" => x <= 0 ? 0 : Phi((Math.Log(x) - a) / b),
            "Exponential" => x <= 0 ? 0 : -ScalarMath.Expm1(-a * x),
            "Gamma" => x <= 0 ? 0 : IncompleteGamma.RegularizedLower(a, b * x),
            "LogGamma" => LogGammaCdf(x, a),
            "Beta" => BetaCdf(x, a, b),
            "Laplace" => x < a ? 0.5 * Math.Exp((x - a) / b) : 1 - (0.5 * Math.Exp((a - x) / b)),
            _ => Math.Clamp(((0.5 * x) - (0.5 * a)) / ((0.5 * b) - (0.5 * a)), 0, 1),
        };

        /// <summary>Whether x is in the law's support (closed, as the samplers promise).</summary>
        private static bool InSupport(string family, double x, double a, double b) => family switch
        {
            "Normal" or "Laplace" or "LogGamma" => double.IsFinite(x),
            "LogNormal" or "Exponential" or "Gamma" => x >= 0 && x < double.PositiveInfinity,
            "Beta" => x >= 0 && x <= 1,
            _ => x >= a && x <= b,
        };

        /// <summary>Mean, standard deviation and excess kurtosis, or null where a moment is infinite or not useful.</summary>
        private static (double Mean, double Sd, double Kurtosis)? Moments(string family, double a, double b)
        {
            switch (family)
            {
                case "Normal":
                    return (a, b, 0);
                case "LogNormal":
                    double s2 = b * b;
                    return (Math.Exp(a + (s2 / 2)), Math.Exp(a + (s2 / 2)) * Math.Sqrt(ScalarMath.Expm1(s2)),
                        Math.Exp(4 * s2) + (2 * Math.Exp(3 * s2)) + (3 * Math.Exp(2 * s2)) - 6);
                case "Exponential":
                    return (1 / a, 1 / a, 6);
                case "Gamma":
                    return (a / b, Math.Sqrt(a) / b, 6 / a);
                case "Beta":
                    double n = a + b;
                    double kurt = 6 * ((((a - b) * (a - b)) * (n + 1)) - (a * b * (n + 2))) / (a * b * (n + 2) * (n + 3));
                    return (a / n, Math.Sqrt(a * b / (n * n * (n + 1))), kurt);
                case "Laplace":
                    return (a, Math.Sqrt(2) * b, 3);
                case "Uniform":
                    return ((0.5 * a) + (0.5 * b), ((0.5 * b) - (0.5 * a)) / Math.Sqrt(3), -1.2);
                default:
                    return null; // LogGamma: tested by its CDF alone
            }
        }

        [Theory]
        [MemberData(nameof(Laws))]
        public void MatchesTheCdf(string family, double a, double b)
        {
            // The 99 cell edges are the exact quantiles F⁻¹(k/100), found once by bisection on the CDF (each draw then
            // costs a binary search, not a CDF evaluation).
            var edges = new double[Cells - 1];
            for (int k = 0; k < edges.Length; k++)
            {
                edges[k] = Quantile(x => Cdf(family, x, a, b), (k + 1.0) / Cells);
                Assert.True(k == 0 || edges[k] > edges[k - 1], $"{family}({a}, {b}): edges {k - 1} and {k} coincide");
            }

            // A seed per law (the inversion samplers would otherwise all transform the same uniforms).
            var random = new Random(unchecked((int)(BitConverter.DoubleToInt64Bits(a) ^ (BitConverter.DoubleToInt64Bits(b) >> 7)) ^ (family.Length * 7919)));
            var counts = new long[Cells];
            (double Mean, double Sd, double Kurtosis)? moments = Moments(family, a, b);
            double sum = 0, sumSq = 0;
            for (int i = 0; i < N; i++)
            {
                double x = Draw(family, random, a, b);
                if (!InSupport(family, x, a, b))
                {
                    throw new XunitException($"{family}({a}, {b}) drew {x}, outside its support");
                }

                int cell = Array.BinarySearch(edges, x);
                counts[cell >= 0 ? cell + 1 : ~cell]++; // x = edge k opens cell k + 1
                if (moments is { } m)
                {
                    double z = (x - m.Mean) / m.Sd;
                    sum += z;
                    sumSq += z * z;
                }
            }

            if (moments is { } mo)
            {
                // Standardised: mean 0 with standard error 1/√N; variance 1 with standard error √((2 + excess kurtosis)/N).
                double meanZ = sum / N;
                double varianceZ = (sumSq / N) - (meanZ * meanZ);
                double meanError = Math.Abs(meanZ) * Math.Sqrt(N);
                double varianceError = Math.Abs(varianceZ - 1) / Math.Sqrt((2 + mo.Kurtosis) / N);
                output.WriteLine($"{family}({a}, {b}): mean {meanError:F2} se, variance {varianceError:F2} se");
                Assert.True(meanError < 6, $"{family}({a}, {b}): the mean is {meanError:F2} standard errors off");
                Assert.True(varianceError < 6, $"{family}({a}, {b}): the variance is {varianceError:F2} standard errors off");
            }

            AssertUniformCells(counts, N, $"{family}({a}, {b})");
        }

        /// <summary>
        /// Gamma(1e−3, 2): P(X &lt; 1e−300) = P(1e−3, 2e−300) ≈ 0.25, and most of those draws are 0 in double, where F is
        /// not resolved. One cell holds every draw below 1e−300 (zeros included); the rest of the law is cut into 40 cells
        /// of equal probability at its exact quantiles. Also the zero draws exist: the sampler returns 0 where the exact variate
        /// underflows, not a wrong positive value.
        /// </summary>
        [Fact]
        public void Gamma_TinyShape_MatchesTheCdf()
        {
            const double Shape = 1e-3, Rate = 2, Cut = 1e-300;
            const int Upper = 40;
            var random = new Random(5);
            double below = IncompleteGamma.RegularizedLower(Shape, Rate * Cut);
            var edges = new double[Upper - 1]; // the quantiles F⁻¹(below + (1 − below)·j/40), j = 1 … 39
            for (int j = 0; j < edges.Length; j++)
            {
                edges[j] = Quantile(x => x <= 0 ? 0 : IncompleteGamma.RegularizedLower(Shape, Rate * x), below + ((1 - below) * (j + 1) / Upper));
            }

            long low = 0, zeros = 0;
            var counts = new long[Upper];
            for (int i = 0; i < N; i++)
            {
                double x = ContinuousSampling.Gamma(random, Shape, Rate);
                Assert.True(x >= 0 && x < double.PositiveInfinity, $"Gamma(1e-3, 2) drew {x}");
                if (x < Cut)
                {
                    low++;
                    zeros += x == 0 ? 1 : 0;
                    continue;
                }

                int cell = Array.BinarySearch(edges, x);
                counts[cell >= 0 ? cell + 1 : ~cell]++;
            }

            Assert.True(zeros > 0.1 * N, $"only {zeros} zeros");
            var observed = new double[Upper + 1];
            var expected = new double[Upper + 1];
            observed[0] = low;
            expected[0] = below * N;
            for (int j = 0; j < Upper; j++)
            {
                observed[j + 1] = counts[j];
                expected[j + 1] = (1 - below) * N / Upper;
            }

            AssertChiSquare(observed, expected, "Gamma(1e-3, 2)");
        }

        /// <summary>
        /// Beta(1e−3, 1e−3) is nearly Bernoulli(½) on {0, 1}: P(X ≤ t) = t^a·(1 + O(t))/(a·B(a, b)) for small t, ½ at ½ by
        /// symmetry. Cells: x ≤ 1e−300, (1e−300, 1e−100], (1e−100, 1e−30], (1e−30, 1e−10], (1e−10, ½], and mirrored on
        /// 1 − x, whose resolution near 1 is 1.1e−16, so its cells are (1e−10, ½] and [0, 1e−10] (x = 1 included).
        /// Expected 25.06%, 14.66%, 6.95%, 2.20%, 1.14% and mirrored (mpmath); O(t) is below 1e−10 relative for t ≤ 1e−10.
        /// </summary>
        [Fact]
        public void Beta_TinyShapes_MatchesTheLogSpaceCdf()
        {
            const double A = 1e-3;
            double logB = SpecialFunctions.LogGamma(A) + SpecialFunctions.LogGamma(A) - SpecialFunctions.LogGamma(2 * A);
            double Tail(double t) => Math.Exp((A * Math.Log(t)) - Math.Log(A) - logB); // P(X ≤ t), t ≤ 1e−10
            double[] cuts = { 1e-300, 1e-100, 1e-30, 1e-10 };
            var expected = new double[7];
            double previous = 0;
            for (int j = 0; j < cuts.Length; j++)
            {
                double f = Tail(cuts[j]);
                expected[j] = (f - previous) * N;
                previous = f;
            }

            expected[4] = (0.5 - previous) * N;       // (1e−10, ½]
            expected[5] = (0.5 - Tail(1e-10)) * N;    // 1 − x in (1e−10, ½)
            expected[6] = Tail(1e-10) * N;            // 1 − x ≤ 1e−10
            var observed = new double[7];
            var random = new Random(11);
            for (int i = 0; i < N; i++)
            {
                double x = ContinuousSampling.Beta(random, A, A);
                Assert.InRange(x, 0, 1);
                int cell = x <= 0.5
                    ? (x <= cuts[0] ? 0 : x <= cuts[1] ? 1 : x <= cuts[2] ? 2 : x <= cuts[3] ? 3 : 4)
                    : (1 - x <= 1e-10 ? 6 : 5);
                observed[cell]++;
            }

            AssertChiSquare(observed, expected, "Beta(1e-3, 1e-3)");
        }

        /// <summary>
        /// Below shape ≈ 2e−307 both log-gammas are −∞ and the sampler draws from the Bernoulli(α/(α + β)) limit:
        /// Beta(1e−310, 3e−310) is 1 a quarter of the time (10,000 draws: within 6 standard errors of 2,500).
        /// </summary>
        [Fact]
        public void Beta_SubnormalShapes_IsTheBernoulliLimit()
        {
            var random = new Random(3);
            int ones = 0;
            for (int i = 0; i < 10_000; i++)
            {
                double x = ContinuousSampling.Beta(random, 1e-310, 3e-310);
                Assert.True(x == 0 || x == 1, $"drew {x}");
                ones += x == 1 ? 1 : 0;
            }

            Assert.InRange(ones, 2500 - (6 * 43.3), 2500 + (6 * 43.3));
        }

        /// <summary>The test's Beta CDF agrees with the closed forms it can be checked against (to 1e−13).</summary>
        [Fact]
        public void TheTestBetaCdf_AgreesWithClosedForms()
        {
            for (double x = 0.0005; x < 1; x += 0.01)
            {
                Assert.Equal((2 / Math.PI) * Math.Asin(Math.Sqrt(x)), BetaCdf(x, 0.5, 0.5), 1e-13);

                // I_x(2, 5) = Σ_{j=2}^{6} C(6, j) x^j (1 − x)^(6−j).
                double poly = 0;
                for (int j = 2; j <= 6; j++)
                {
                    poly += Math.Exp(SpecialFunctions.LogBinomialCoefficient(6, j)) * Math.Pow(x, j) * Math.Pow(1 - x, 6 - j);
                }

                Assert.Equal(poly, BetaCdf(x, 2, 5), 1e-13);
                Assert.Equal(BetaCdfBySimpson(x, 0.3, 2.5), BetaCdf(x, 0.3, 2.5), 1e-12);
            }

            Assert.Equal(0.5, BetaCdf(0.5, 1e4, 1e4), 1e-9); // ln Γ(2e4) ≈ 1.8e5: the prefactor's rounding is ~1e−11
        }

        /// <summary>
        /// I_x(a, b) for a &lt; 1 by Simpson's rule after t = s^(1/a), which removes the singularity at 0:
        /// ∫₀ˣ t^(a−1)(1 − t)^(b−1) dt = (1/a)∫₀^(x^a) (1 − s^(1/a))^(b−1) ds (smooth for b ≥ 1; 4,000 panels).
        /// </summary>
        private static double BetaCdfBySimpson(double x, double a, double b)
        {
            const int Panels = 4000;
            double top = Math.Pow(x, a), h = top / Panels, sum = 0;
            for (int i = 0; i <= Panels; i++)
            {
                double f = Math.Pow(1 - Math.Pow(i * h, 1 / a), b - 1);
                sum += f * (i == 0 || i == Panels ? 1 : i % 2 == 1 ? 4 : 2);
            }

            double logB = SpecialFunctions.LogGamma(a) + SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b);
            return sum * h / 3 / a / Math.Exp(logB);
        }

        /// <summary>Results stay in the support at extreme parameters and for the extreme uniforms 0 and 1 − 2⁻⁵³.</summary>
        [Fact]
        public void ResultsStayInTheSupport()
        {
            var random = new Random(17);
            for (int i = 0; i < 2000; i++)
            {
                Assert.InRange(ContinuousSampling.Beta(random, 1e-3, 1e-3), 0, 1);
                Assert.InRange(ContinuousSampling.Beta(random, 1e-3, 5), 0, 1);
                Assert.InRange(ContinuousSampling.Beta(random, 5, 1e-3), 0, 1);
                Assert.InRange(ContinuousSampling.Beta(random, 1e8, 1e-8), 0, 1);
                Assert.InRange(ContinuousSampling.Gamma(random, 1e-300, 1), 0, double.MaxValue);
                Assert.InRange(ContinuousSampling.Gamma(random, 1e-3, 1e300), 0, double.MaxValue);
                Assert.InRange(ContinuousSampling.Gamma(random, 0.5, 1e-300), 0, double.MaxValue);
                Assert.InRange(ContinuousSampling.Gamma(random, 1e300, 1e300), 0, double.MaxValue);
                Assert.True(double.IsFinite(ContinuousSampling.LogGamma(random, 1e-300)));
                Assert.InRange(ContinuousSampling.Exponential(random, 1e300), 0, double.MaxValue);
                Assert.InRange(ContinuousSampling.Uniform(random, -1.7e308, 1.7e308), -1.7e308, 1.7e308);
                Assert.InRange(ContinuousSampling.Uniform(random, double.MinValue, double.MaxValue), double.MinValue, double.MaxValue);
                Assert.InRange(ContinuousSampling.Uniform(random, 0.1, 0.3), 0.1, 0.3);
                Assert.Equal(2.5, ContinuousSampling.Uniform(random, 2.5, 2.5));
            }

            double top = Math.BitDecrement(1.0);
            foreach (double u in new[] { 0.0, top })
            {
                Assert.InRange(ContinuousSampling.StandardExponential(new Scripted(u)), 0, 36.8);
                Assert.InRange(ContinuousSampling.Uniform(new Scripted(u), 0.1, 0.3), 0.1, 0.3);
                Assert.InRange(ContinuousSampling.Uniform(new Scripted(u), -1.7e308, 1.7e308), -1.7e308, 1.7e308);
                Assert.InRange(ContinuousSampling.Uniform(new Scripted(u), 1e9, 1e9 + 1e-6), 1e9, 1e9 + 1e-6);
                Assert.True(double.IsFinite(ContinuousSampling.Laplace(new Scripted(u, 0.25), 0, 1)));
            }

            Assert.Equal(0.0, ContinuousSampling.StandardExponential(new Scripted(0.0)));
            Assert.Equal(53 * Math.Log(2), ContinuousSampling.StandardExponential(new Scripted(top)), 1e-12);
        }

        /// <summary>
        /// The Laplace inversion redraws u = −½ (NextDouble() = 0), the one uniform where 1 − 2|u| = 0: the scripted
        /// uniforms 0, ¾ give u = ¼ and the quantile location + scale·ln 2; ¼ gives location − scale·ln 2; ½ gives location.
        /// </summary>
        [Fact]
        public void Laplace_RedrawsTheUniformWhoseLogIsMinusInfinity()
        {
            Assert.Equal(3 + (2 * Math.Log(2)), ContinuousSampling.Laplace(new Scripted(0.0, 0.75), 3, 2), 1e-15);
            Assert.Equal(3 - (2 * Math.Log(2)), ContinuousSampling.Laplace(new Scripted(0.25), 3, 2), 1e-15);
            Assert.Equal(3.0, ContinuousSampling.Laplace(new Scripted(0.5), 3, 2));
            Assert.Equal(-52 * Math.Log(2), ContinuousSampling.Laplace(new Scripted(Math.Pow(2, -53)), 0, 1), 1e-12);
            Assert.Equal(52 * Math.Log(2), ContinuousSampling.Laplace(new Scripted(Math.BitDecrement(1.0)), 0, 1), 1e-12);
        }

        [Fact]
        public void DeterministicGivenTheRandom()
        {
            double[] Run()
            {
                var random = new Random(99);
                var result = new List<double>();
                for (int i = 0; i < 10; i++)
                {
                    result.Add(ContinuousSampling.StandardNormal(random));
                    result.Add(ContinuousSampling.Normal(random, 5, 2));
                    result.Add(ContinuousSampling.LogNormal(random, 1, 0.5));
                    result.Add(ContinuousSampling.StandardExponential(random));
                    result.Add(ContinuousSampling.Exponential(random, 3));
                    result.Add(ContinuousSampling.Gamma(random, 0.4, 2));
                    result.Add(ContinuousSampling.Gamma(random, 7, 2));
                    result.Add(ContinuousSampling.LogGamma(random, 1e-3));
                    result.Add(ContinuousSampling.Beta(random, 0.5, 2));
                    result.Add(ContinuousSampling.Beta(random, 2, 3));
                    result.Add(ContinuousSampling.Laplace(random, 1, 2));
                    result.Add(ContinuousSampling.Uniform(random, -1, 1));
                }

                return result.ToArray();
            }

            Assert.Equal(Run(), Run());
        }

        /// <summary>
        /// The normal sampler keeps no state (no cached second variate of the polar pair): two draws from one source equal
        /// the first two from a fresh source with the same seed, and scripted uniforms give the polar formula's value.
        /// </summary>
        [Fact]
        public void StandardNormal_IsThePolarMethodWithoutState()
        {
            // Two draws from one source equal the first draws of two fresh sources only if nothing is cached between calls.
            var shared = new Random(42);
            double first = ContinuousSampling.StandardNormal(shared);
            double second = ContinuousSampling.StandardNormal(shared);
            var fresh = new Random(42);
            Assert.Equal(first, ContinuousSampling.StandardNormal(fresh));
            Assert.Equal(second, ContinuousSampling.StandardNormal(fresh));

            // The polar method on the scripted pair (0.75, 0.5): u = ½, v = 0, s = ¼, so Z = ½·√(−2·ln ¼/¼).
            double expected = 0.5 * Math.Sqrt(-2 * Math.Log(0.25) / 0.25);
            Assert.Equal(expected, ContinuousSampling.StandardNormal(new Scripted(0.75, 0.5)));

            // (0.5, 0.5) gives s = 0, which is rejected (ln 0); the next pair is used.
            Assert.Equal(expected, ContinuousSampling.StandardNormal(new Scripted(0.5, 0.5, 0.75, 0.5)));
        }

        [Fact]
        public void NullRandom_IsAnArgumentNullException()
        {
            Action[] calls =
            {
                () => ContinuousSampling.StandardNormal(null!),
                () => ContinuousSampling.Normal(null!, 0, 1),
                () => ContinuousSampling.LogNormal(null!, 0, 1),
                () => ContinuousSampling.StandardExponential(null!),
                () => ContinuousSampling.Exponential(null!, 1),
                () => ContinuousSampling.Gamma(null!, 2, 1),
                () => ContinuousSampling.LogGamma(null!, 2),
                () => ContinuousSampling.Beta(null!, 2, 3),
                () => ContinuousSampling.Laplace(null!, 0, 1),
                () => ContinuousSampling.Uniform(null!, 0, 1),
            };
            foreach (Action call in calls)
            {
                Assert.Equal("random", Assert.Throws<ArgumentNullException>(call).ParamName);
            }
        }

        // ---- the test's own CDFs and chi-square -----------------------------------------------------------------------

        /// <summary>
        /// The smallest double x with F(x) ≥ p, by bisection over the doubles in order (their bit patterns, made monotone:
        /// 64 steps from [−MaxValue, MaxValue] whatever the scale of the law).
        /// </summary>
        private static double Quantile(Func<double, double> cdf, double p)
        {
            static long Key(double d)
            {
                long bits = BitConverter.DoubleToInt64Bits(d);
                return bits < 0 ? -(bits & long.MaxValue) : bits;
            }

            static double FromKey(long k) => k < 0 ? -BitConverter.Int64BitsToDouble(-k) : BitConverter.Int64BitsToDouble(k);

            long lo = Key(-double.MaxValue), hi = Key(double.MaxValue); // F(lo) < p ≤ F(hi) for 0 < p < 1
            while ((Int128)hi - lo > 1)
            {
                long mid = (long)(((Int128)lo + hi) >> 1);
                if (cdf(FromKey(mid)) >= p)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            return FromKey(hi);
        }

        /// <summary>Φ(z) = ½·erfc(−z/√2), with erfc(t) = Q(½, t²) for t ≥ 0 (relative accuracy in both tails).</summary>
        private static double Phi(double z)
        {
            double half = 0.5 * IncompleteGamma.RegularizedUpper(0.5, 0.5 * z * z);
            return z < 0 ? half : 1 - half;
        }

        /// <summary>P(ln G ≤ t), G ~ Gamma(a, 1): P(a, e^t); below t = −700 (e^t subnormal) the series' first term
        /// e^(a·t)/Γ(a + 1), whose relative error a·e^t/(a + 1) is below 1e−300 there.</summary>
        private static double LogGammaCdf(double t, double a) =>
            t < -700 ? Math.Exp((a * t) - SpecialFunctions.LogGamma(1 + a)) : IncompleteGamma.RegularizedLower(a, Math.Exp(t));

        /// <summary>
        /// The regularized incomplete beta function I_x(a, b) by the continued fraction of Numerical Recipes (betacf,
        /// modified Lentz), on the side x &lt; (a + 1)/(a + b + 2) where it converges fast, and by symmetry elsewhere; the
        /// prefactor x^a(1 − x)^b/(a·B(a, b)) in logarithms (ln(1 − x) by log1p). Accurate to ~1e−13 relative for the
        /// shapes used here (a, b up to 1e4: ~300 terms near the mean), far below the chi-square's resolution.
        /// </summary>
        private static double BetaCdf(double x, double a, double b)
        {
            if (x <= 0)
            {
                return 0;
            }

            if (x >= 1)
            {
                return 1;
            }

            if (x > (a + 1) / (a + b + 2))
            {
                return 1 - BetaCdf(1 - x, b, a);
            }

            double logFront = SpecialFunctions.LogGamma(a + b) - SpecialFunctions.LogGamma(a) - SpecialFunctions.LogGamma(b)
                + (a * Math.Log(x)) + (b * ScalarMath.Log1p(-x));
            return Math.Exp(logFront) * BetaContinuedFraction(x, a, b) / a;
        }

        private static double BetaContinuedFraction(double x, double a, double b)
        {
            const double Tiny = 1e-300;
            double qab = a + b, qap = a + 1, qam = a - 1;
            double c = 1, d = 1 - (qab * x / qap);
            d = Math.Abs(d) < Tiny ? Tiny : d;
            d = 1 / d;
            double h = d;
            for (int m = 1; m <= 100_000; m++)
            {
                int m2 = 2 * m;
                double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
                d = 1 + (aa * d);
                d = Math.Abs(d) < Tiny ? Tiny : d;
                c = 1 + (aa / c);
                c = Math.Abs(c) < Tiny ? Tiny : c;
                d = 1 / d;
                h *= d * c;
                aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
                d = 1 + (aa * d);
                d = Math.Abs(d) < Tiny ? Tiny : d;
                c = 1 + (aa / c);
                c = Math.Abs(c) < Tiny ? Tiny : c;
                d = 1 / d;
                double del = d * c;
                h *= del;
                if (Math.Abs(del - 1) < 1e-16)
                {
                    return h;
                }
            }

            throw new XunitException($"betacf({x}, {a}, {b}) did not converge");
        }

        private void AssertUniformCells(long[] counts, long n, string law)
        {
            var observed = new double[counts.Length];
            var expected = new double[counts.Length];
            for (int j = 0; j < counts.Length; j++)
            {
                observed[j] = counts[j];
                expected[j] = (double)n / counts.Length;
            }

            AssertChiSquare(observed, expected, law);
        }

        /// <summary>Chi-square against the expected counts; fails above the 1 − 1e−6 quantile (Wilson–Hilferty, z = 4.753).</summary>
        private void AssertChiSquare(double[] observed, double[] expected, string law)
        {
            double chi2 = 0;
            for (int j = 0; j < observed.Length; j++)
            {
                Assert.True(expected[j] >= 20, $"{law}: cell {j} expects only {expected[j]:F1}");
                chi2 += (observed[j] - expected[j]) * (observed[j] - expected[j]) / expected[j];
            }

            int df = observed.Length - 1;
            double c = 2.0 / (9 * df);
            double critical = df * Math.Pow(1 - c + (4.753 * Math.Sqrt(c)), 3);
            output.WriteLine($"{law}: chi2 = {chi2:F1} on {df} df (critical {critical:F1})");
            if (!(chi2 < critical))
            {
                throw new XunitException($"{law}: chi-square {chi2:F1} on {df} df exceeds {critical:F1} (p < 1e-6)");
            }
        }

        /// <summary>A <see cref="Random"/> that returns the given uniforms in order, then repeats the last.</summary>
        private sealed class Scripted(params double[] uniforms) : Random
        {
            private int next;

            public override double NextDouble() => uniforms[Math.Min(next++, uniforms.Length - 1)];
        }
    }
}
