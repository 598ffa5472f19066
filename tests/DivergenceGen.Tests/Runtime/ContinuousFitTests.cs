using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// The maximum-likelihood fits of <see cref="ContinuousFit"/>: exact recovery where the MLE has a closed form,
    /// agreement with 50-digit mpmath solutions of the likelihood equations (Gamma, Beta), the likelihood equations holding
    /// at the returned values, recovery of the parameters from 100,000 draws of <see cref="ContinuousSampling"/> within
    /// 5 standard errors of the Fisher information, nearly constant data, float overloads, and every validation message.
    /// </summary>
    /// <remarks>
    /// The mpmath references (mp.dps = 50, on the exact double values of the samples) come from:
    /// <code>
    /// s = log(fsum(xs)/n) - fsum(log(x) for x in xs)/n
    /// a = exp(findroot(lambda y: log(log(exp(y)) - digamma(exp(y))) - log(s), log(minka_start(s))))  # rate = a/mean
    /// l1, l2 = fsum(log(x))/n, fsum(log1p(-x))/n
    /// alpha, beta = exp of findroot((u, w) -> [digamma(e^u) - digamma(e^u + e^w) - l1, digamma(e^w) - digamma(e^u + e^w) - l2],
    ///                               method-of-moments start)
    /// </code>
    /// </remarks>
    public sealed class ContinuousFitTests(ITestOutputHelper output)
    {
        private const int Draws = 100_000;

        /// <summary>2⁻⁵².</summary>
        private const double Eps = 2.220446049250313E-16;

        // ---- closed forms ---------------------------------------------------------------------------------------------

        [Fact]
        public void Normal_HandBuiltSample_IsExact()
        {
            ContinuousFit.Normal(new double[] { 1, 2, 3, 4, 5 }, out double mean, out double sd);
            Assert.Equal(3.0, mean);
            Assert.Equal(Math.Sqrt(2.0), sd); // Σ(x − 3)²/5 = 2, divisor n

            // 1e9 + j·2⁻²⁰, j = −3, −1, 1, 3 (exact doubles): mean 1e9, σ = √5·2⁻²⁰. The one-pass formula
            // Σx²/n − x̄² would return 0 or noise here (x² ≈ 1e18, whose ulp is 128).
            double[] near = { 1e9 - (3 * Math.Pow(2, -20)), 1e9 - Math.Pow(2, -20), 1e9 + Math.Pow(2, -20), 1e9 + (3 * Math.Pow(2, -20)) };
            ContinuousFit.Normal(near, out mean, out sd);
            Assert.Equal(1e9, mean);
            AssertRelative(Math.ScaleB(Math.Sqrt(5), -20), sd, Eps);

            // The extremes: no overflow of the sum or the squares, no underflow of subnormal differences.
            ContinuousFit.Normal(new[] { -1.7e308, 1.7e308 }, out mean, out sd);
            Assert.Equal(0.0, mean);
            Assert.Equal(1.7e308, sd);
            const double Tiny = 1e-310; // subnormal; 3·Tiny and 2·Tiny are exact
            ContinuousFit.Normal(new[] { Tiny, 3 * Tiny }, out mean, out sd);
            Assert.Equal(2 * Tiny, mean);
            Assert.Equal(Tiny, sd);
        }

        [Fact]
        public void LogNormal_HandBuiltSample_MatchesMpmath()
        {
            ContinuousFit.LogNormal(new[] { Math.E, Math.Exp(2), Math.Exp(3) }, out double mu, out double sigma);
            AssertRelative(2.0, mu, 2 * Eps);
            AssertRelative(0.816496580927726, sigma, 4 * Eps);

            // Values that agree to 12 digits: sigma ≈ 1.1e−12 keeps 13+ digits (ln x rounded to 3.6e−15 would keep ~3).
            double[] near = { 1e9 * (1 - 1e-12), 1e9, 1e9 * (1 + 1e-12), 1e9 * (1 + 2e-12) };
            ContinuousFit.LogNormal(near, out mu, out sigma);
            AssertRelative(20.72326583694691, mu, 2 * Eps);
            AssertRelative(1.1180062668193096e-12, sigma, 1e-13);
        }

        [Fact]
        public void Exponential_HandBuiltSample_IsExact()
        {
            ContinuousFit.Exponential(new double[] { 1, 2, 3 }, out double rate);
            Assert.Equal(0.5, rate);
            ContinuousFit.Exponential(new double[] { 0, 0, 1.5 }, out rate);
            Assert.Equal(2.0, rate);
            ContinuousFit.Exponential(new[] { 1.7e308, 1.7e308, 1.7e308 }, out rate); // the sum would overflow unscaled
            Assert.Equal(1 / 1.7e308, rate);
        }

        [Fact]
        public void Laplace_HandBuiltSample_IsExact()
        {
            ContinuousFit.Laplace(new double[] { 1, 2, 10 }, out double location, out double scale);
            Assert.Equal(2.0, location);
            Assert.Equal(3.0, scale); // (1 + 0 + 8)/3

            // Even n: any location between the middle values 2 and 4 maximises; the midpoint 3 is returned.
            ContinuousFit.Laplace(new double[] { 10, 1, 4, 2 }, out location, out scale);
            Assert.Equal(3.0, location);
            Assert.Equal(2.75, scale); // (7 + 2 + 1 + 1)/4

            ContinuousFit.Laplace(new[] { -1.7e308, 1.7e308 }, out location, out scale);
            Assert.Equal(0.0, location);
            Assert.Equal(1.7e308, scale);
        }

        [Fact]
        public void Uniform_HandBuiltSample_IsTheRange()
        {
            ContinuousFit.Uniform(new double[] { 3, -1, 2 }, out double lower, out double upper);
            Assert.Equal(-1.0, lower);
            Assert.Equal(3.0, upper);
        }

        // ---- Gamma and Beta against mpmath ----------------------------------------------------------------------------

        public static TheoryData<double[], double, double> GammaSamples() => new()
        {
            { new[] { 1.0, 2.0, 4.0 }, 3.4012005878998464, 1.4576573948142197 },
            { new[] { 0.5, 1.5, 2.5, 7.25 }, 1.3177891157037185, 0.44860906066509565 },
            { new[] { 1e9 - 1, 1e9 + 1 }, 1e18, 1e9 },                                      // s = 5e−19: shape ≈ 1/(2s)
            { new[] { 1e-300, 1.0 }, 0.0028573063986484957, 0.0057146127972969914 },        // s = 344.7: shape ≈ 1/s
            { new[] { 1e-300, 1e300, 3.0 }, 0.001438269113990213, 4.3148073419706385e-303 }, // s = 689.3
        };

        /// <summary>Shape and rate within 8ε relative of the 50-digit solution (measured: see the output).</summary>
        [Theory]
        [MemberData(nameof(GammaSamples))]
        public void Gamma_MatchesMpmath(double[] x, double shape, double rate)
        {
            ContinuousFit.Gamma(x, out double a, out double b);
            output.WriteLine($"shape {a:R} ({Math.Abs(a - shape) / shape / Eps:F2} ε), rate {b:R} ({Math.Abs(b - rate) / rate / Eps:F2} ε)");
            AssertRelative(shape, a, 8 * Eps);
            AssertRelative(rate, b, 8 * Eps);
        }

        /// <summary>
        /// The shape solver alone, from s = 1e−30 (a = 5e29, where ln a − ψ(a) would cancel completely) to s = 1000:
        /// within 4ε of mpmath, and R(a) = ln a − ψ(a) at the result equals s to 4 ulps.
        /// </summary>
        [Theory]
        [InlineData(1e-30, 5e+29)]
        [InlineData(1e-10, 5000000000.166667)]
        [InlineData(0.1, 5.160875503410206)]
        [InlineData(1.0, 0.6155567664795943)]
        [InlineData(10.0, 0.08305704799496322)]
        [InlineData(1000.0, 0.000993701431930847)]
        public void GammaShape_SolvesTheLikelihoodEquation(double s, double expected)
        {
            double a = ContinuousFit.GammaShape(s, ContinuousFit.MaxIterations);
            output.WriteLine($"s = {s}: a = {a:R}, {Math.Abs(a - expected) / expected / Eps:F2} ε; R(a) − s = {(ContinuousFit.LogMinusDigamma(a) - s) / s / Eps:F2} ε");
            AssertRelative(expected, a, 4 * Eps);
            AssertRelative(s, ContinuousFit.LogMinusDigamma(a), 4 * Eps);
        }

        /// <summary>R(a) = ln a − ψ(a) against mpmath across its two methods (the recurrence below 12, the series above).</summary>
        [Theory]
        [InlineData(1e-300, 1e300)]
        [InlineData(0.001, 993.6678166528282)]
        [InlineData(0.5, 1.2703628454614782)]
        [InlineData(1.0, 0.5772156649015329)]
        [InlineData(3.25, 0.16166408527346707)]
        [InlineData(11.99, 0.04228068537108801)]
        [InlineData(12.0, 0.042244969812188296)]
        [InlineData(12.01, 0.042209314529423995)]
        [InlineData(1000.0, 0.000500083333325)]
        [InlineData(1e15, 5e-16)]
        public void LogMinusDigamma_MatchesMpmath(double a, double expected)
        {
            double r = ContinuousFit.LogMinusDigamma(a);
            output.WriteLine($"R({a}) = {r:R}: {Math.Abs(r - expected) / expected / Eps:F2} ε");
            AssertRelative(expected, r, 4 * Eps);
        }

        [Fact]
        public void GammaShape_FailsClearly_WhenNewtonRunsOutOfSteps()
        {
            var e = Assert.Throws<ArgumentException>(() => ContinuousFit.GammaShape(0.1, 1));
            Assert.Equal("x", e.ParamName);
            Assert.StartsWith("The Gamma maximum-likelihood fit did not converge (no convergence in 1 Newton steps; last shape = ", e.Message, StringComparison.Ordinal);
        }

        public static TheoryData<double[], double, double, double> BetaSamples() => new()
        {
            { new[] { 0.1, 0.25, 0.5, 0.8 }, 1.251186556484393, 1.7550865672286242, 8 * Eps },
            { new[] { 0.001, 0.999, 0.5 }, 0.21809972862426433, 0.21809972862426433, 8 * Eps },
            { new[] { 0.3, 0.31, 0.32, 0.33 }, 543.5212697539353, 1181.9433011876233, 1e-11 }, // ν = 1725: rounding ~ε·ν
        };

        [Theory]
        [MemberData(nameof(BetaSamples))]
        public void Beta_MatchesMpmath(double[] x, double alpha, double beta, double tolerance)
        {
            ContinuousFit.Beta(x, out double a, out double b);
            output.WriteLine($"alpha {a:R} ({Math.Abs(a - alpha) / alpha / Eps:F1} ε), beta {b:R} ({Math.Abs(b - beta) / beta / Eps:F1} ε)");
            AssertRelative(alpha, a, tolerance);
            AssertRelative(beta, b, tolerance);
        }

        // ---- recovery from the samplers, and the likelihood equations at the result ----------------------------------

        /// <summary>
        /// 100,000 draws; each estimate within 5 standard errors √(I⁻¹ᵢᵢ/n) of the truth, with the Fisher information I per
        /// observation: Normal σ²/n and σ²/(2n); Exponential λ²/n; Gamma(a, b): Var â = a/(aψ₁(a) − 1)/n,
        /// Var b̂ = b²ψ₁(a)/(aψ₁(a) − 1)/n; Beta: J⁻¹ with J = [[ψ₁(α) − ψ₁(ν), −ψ₁(ν)], [−ψ₁(ν), ψ₁(β) − ψ₁(ν)]];
        /// Laplace: the median's b²/n and b²/n for the scale. Then the likelihood equations at the returned values, each
        /// evaluated independently in the test (see <see cref="AssertScoreIsZero"/>).
        /// </summary>
        [Theory]
        [InlineData("Normal", 3.0, 2.0)]
        [InlineData("LogNormal", 1.0, 0.5)]
        [InlineData("Exponential", 2.5, 0)]
        [InlineData("Gamma", 0.5, 2.0)]
        [InlineData("Gamma", 7.0, 0.3)]
        [InlineData("Beta", 0.5, 0.5)]
        [InlineData("Beta", 2.0, 5.0)]
        [InlineData("Laplace", -1.0, 0.5)]
        public void RecoversTheParameters_AndTheScoreIsZero(string family, double p1, double p2)
        {
            var random = new Random(4242);
            var x = new double[Draws];
            for (int i = 0; i < Draws; i++)
            {
                x[i] = family switch
                {
                    "Normal" => ContinuousSampling.Normal(random, p1, p2),
                    "LogNormal" => ContinuousSampling.LogNormal(random, p1, p2),
                    "Exponential" => ContinuousSampling.Exponential(random, p1),
                    "Gamma" => ContinuousSampling.Gamma(random, p1, p2),
                    "Beta" => ContinuousSampling.Beta(random, p1, p2),
                    _ => ContinuousSampling.Laplace(random, p1, p2),
                };
            }

            (double e1, double e2, double se1, double se2) = Fit(family, x, p1, p2);
            double z1 = (e1 - p1) / se1, z2 = family == "Exponential" ? 0 : (e2 - p2) / se2;
            output.WriteLine($"{family}({p1}, {p2}): {e1:R} ({z1:F2} se), {e2:R} ({z2:F2} se)");
            Assert.True(Math.Abs(z1) < 5, $"{family}: first parameter {e1} is {z1:F2} standard errors from {p1}");
            Assert.True(Math.Abs(z2) < 5, $"{family}: second parameter {e2} is {z2:F2} standard errors from {p2}");
            AssertScoreIsZero(family, x, e1, e2);
        }

        private static (double E1, double E2, double Se1, double Se2) Fit(string family, double[] x, double p1, double p2)
        {
            double n = x.Length;
            switch (family)
            {
                case "Normal":
                    ContinuousFit.Normal(x, out double m, out double s);
                    return (m, s, p2 / Math.Sqrt(n), p2 / Math.Sqrt(2 * n));
                case "LogNormal":
                    ContinuousFit.LogNormal(x, out m, out s);
                    return (m, s, p2 / Math.Sqrt(n), p2 / Math.Sqrt(2 * n));
                case "Exponential":
                    ContinuousFit.Exponential(x, out double rate);
                    return (rate, 0, p1 / Math.Sqrt(n), 1);
                case "Gamma":
                    ContinuousFit.Gamma(x, out double a, out double b);
                    double t = SpecialFunctions.Trigamma(p1), d = (p1 * t) - 1;
                    return (a, b, Math.Sqrt(p1 / d / n), Math.Sqrt(p2 * p2 * t / d / n));
                case "Beta":
                    ContinuousFit.Beta(x, out a, out b);
                    double tn = SpecialFunctions.Trigamma(p1 + p2);
                    double j11 = SpecialFunctions.Trigamma(p1) - tn, j22 = SpecialFunctions.Trigamma(p2) - tn;
                    double det = (j11 * j22) - (tn * tn);
                    return (a, b, Math.Sqrt(j22 / det / n), Math.Sqrt(j11 / det / n));
                default:
                    ContinuousFit.Laplace(x, out double location, out double scale);
                    return (location, scale, p2 / Math.Sqrt(n), p2 / Math.Sqrt(n));
            }
        }

        /// <summary>
        /// The likelihood equations at the returned values, evaluated here in the plainest way (sums in double, not
        /// compensated; tolerances allow for that):
        /// Normal: Σ(xᵢ − μ̂) = 0 and Σ(xᵢ − μ̂)²/n = σ̂²; LogNormal the same on ln x; Exponential: λ̂·x̄ = 1;
        /// Gamma: ln â − ψ(â) = ln x̄ − mean ln x and b̂ = â/x̄; Beta: ψ(α̂) − ψ(α̂ + β̂) = mean ln x and
        /// ψ(β̂) − ψ(α̂ + β̂) = mean ln(1 − x); Laplace: as many values below the location as above (the subgradient of
        /// Σ|xᵢ − μ| contains 0) and b̂ = mean |xᵢ − μ̂|.
        /// </summary>
        private static void AssertScoreIsZero(string family, double[] x, double e1, double e2)
        {
            double n = x.Length;
            switch (family)
            {
                case "Normal":
                case "LogNormal":
                    double[] y = family == "Normal" ? x : x.Select(v => Math.Log(v)).ToArray();
                    Assert.True(Math.Abs(y.Sum(v => v - e1) / n) <= 1e-13 * e2, "mean equation");
                    AssertRelative(e2 * e2, y.Sum(v => (v - e1) * (v - e1)) / n, 1e-13);
                    break;
                case "Exponential":
                    AssertRelative(1.0, e1 * x.Average(), 1e-13);
                    break;
                case "Gamma":
                    // s = ln x̄ − mean ln x by its definition: it cancels, so allow 8ε of each of its two terms.
                    double logMean = Math.Log(Mean(x)), meanLog = Mean(x.Select(v => Math.Log(v)));
                    double s = logMean - meanLog;
                    double r = Math.Log(e1) - SpecialFunctions.Digamma(e1);
                    Assert.True(Math.Abs(r - s) <= 8 * Eps * (Math.Abs(logMean) + Math.Abs(meanLog) + Math.Abs(r)), $"ln a − ψ(a) = {r:R}, s = {s:R}");
                    AssertRelative(e1 / Mean(x), e2, 1e-15);
                    break;
                case "Beta":
                    double psiNu = SpecialFunctions.Digamma(e1 + e2);
                    double g1 = SpecialFunctions.Digamma(e1) - psiNu - Mean(x.Select(v => Math.Log(v)));
                    double g2 = SpecialFunctions.Digamma(e2) - psiNu - Mean(x.Select(v => Math.Log(1 - v)));
                    Assert.True(Math.Abs(g1) <= 1e-14 && Math.Abs(g2) <= 1e-14, $"score ({g1:E2}, {g2:E2})");
                    break;
                default:
                    Assert.Equal(x.Count(v => v < e1), x.Count(v => v > e1));
                    AssertRelative(e2, x.Average(v => Math.Abs(v - e1)), 1e-13);
                    break;
            }
        }

        /// <summary>
        /// The uniform MLE is (min, max); from 100,000 draws of Uniform(−2, 3) each bound is inside the true interval and
        /// within 20·width/n of its end (the gap is ~Exponential with mean width/(n + 1): P(gap &gt; 20·width/n) ≈ e⁻²⁰).
        /// </summary>
        [Fact]
        public void Uniform_RecoversTheBounds()
        {
            var random = new Random(8);
            var x = new double[Draws];
            for (int i = 0; i < Draws; i++)
            {
                x[i] = ContinuousSampling.Uniform(random, -2, 3);
            }

            ContinuousFit.Uniform(x, out double lower, out double upper);
            Assert.InRange(lower, -2, -2 + (20 * 5.0 / Draws));
            Assert.InRange(upper, 3 - (20 * 5.0 / Draws), 3);
        }

        // ---- nearly constant data -------------------------------------------------------------------------------------

        /// <summary>
        /// Gamma on 1e9 ± 1 and nearby: s = mean(δ − ln(1 + δ)) − g(mean δ) has no cancellation, so the shape (≈ 1/(2s),
        /// ~1e18) has full precision; ln x̄ − mean(ln x) is 0 or noise here (ulp of ln 1e9 = 3.6e−15 ≫ s = 5e−19).
        /// The three-point sample's shape is checked against its asymptotic value: s = δ²/3 + δ⁴/6 + …, a = 1/(2s) − 1/6 + O(s).
        /// </summary>
        [Fact]
        public void Gamma_NearlyConstantData_KeepsItsDigits()
        {
            ContinuousFit.Gamma(new[] { 1e9 - 1, 1e9 + 1 }, out double shape, out double rate);
            AssertRelative(1e18, shape, 4 * Eps);
            AssertRelative(1e9, rate, 4 * Eps);

            // {1e9 − 1, 1e9, 1e9 + 1}: δ = ∓1e−9, 0; s = (2/3)(δ²/2 + δ⁴/4 + …) = δ²/3 + δ⁴/6 + …, a = 1/(2s) − 1/6 + …
            ContinuousFit.Gamma(new[] { 1e9 - 1, 1e9, 1e9 + 1 }, out shape, out rate);
            AssertRelative(1.5e18, shape, 4 * Eps);
            AssertRelative(1.5e9, rate, 4 * Eps);
        }

        // ---- Laplace median selection ---------------------------------------------------------------------------------

        /// <summary>
        /// The introselect behind the Laplace location returns the k-th smallest value for inputs that defeat naive pivots
        /// (sorted, reversed, organ pipe, all equal but one, many duplicates, random), compared with a full sort, for every
        /// k of small arrays and the middle of large ones; the Laplace location is the sorted midpoint.
        /// </summary>
        [Fact]
        public void Select_IsTheKthSmallest_AndTheLaplaceLocationIsTheMedian()
        {
            var random = new Random(31);
            foreach (int n in new[] { 1, 2, 3, 4, 5, 8, 17, 100, 1001, 4096 })
            {
                var patterns = new[]
                {
                    Enumerable.Range(0, n).Select(i => (double)i).ToArray(),
                    Enumerable.Range(0, n).Select(i => (double)(n - i)).ToArray(),
                    Enumerable.Range(0, n).Select(i => (double)Math.Min(i, n - i)).ToArray(),
                    Enumerable.Range(0, n).Select(i => i == n / 2 ? 1.0 : 0.0).ToArray(),
                    Enumerable.Range(0, n).Select(_ => (double)random.Next(3)).ToArray(),
                    Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray(),
                };
                foreach (double[] pattern in patterns)
                {
                    double[] sorted = pattern.OrderBy(v => v).ToArray();
                    int[] ks = n <= 17 ? Enumerable.Range(0, n).ToArray() : new[] { 0, (n - 1) / 2, n / 2, n - 1 };
                    foreach (int k in ks)
                    {
                        double[] work = (double[])pattern.Clone();
                        Assert.Equal(sorted[k], ContinuousFit.Select(work, k));
                        Assert.All(work.Take(k), v => Assert.True(v <= sorted[k]));
                        Assert.All(work.Skip(k + 1), v => Assert.True(v >= sorted[k]));
                    }

                    if (sorted[0] < sorted[n - 1])
                    {
                        ContinuousFit.Laplace(pattern, out double location, out _);
                        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
                        Assert.Equal(median, location);
                    }
                }
            }
        }

        // ---- float overloads ------------------------------------------------------------------------------------------

        /// <summary>The float overloads return exactly what the double overloads return for the widened values.</summary>
        [Fact]
        public void FloatOverloads_EqualTheDoubleOnes()
        {
            var random = new Random(77);
            float[] f = Enumerable.Range(0, 999).Select(_ => (float)ContinuousSampling.Gamma(random, 2.5, 3)).ToArray();
            float[] unit = f.Select(v => v / (1 + v)).ToArray();
            double[] d = f.Select(v => (double)v).ToArray();
            double[] du = unit.Select(v => (double)v).ToArray();

            ContinuousFit.Normal(f, out double a1, out double b1);
            ContinuousFit.Normal(d, out double a2, out double b2);
            Assert.Equal((a2, b2), (a1, b1));
            ContinuousFit.LogNormal(f, out a1, out b1);
            ContinuousFit.LogNormal(d, out a2, out b2);
            Assert.Equal((a2, b2), (a1, b1));
            ContinuousFit.Exponential(f, out a1);
            ContinuousFit.Exponential(d, out a2);
            Assert.Equal(a2, a1);
            ContinuousFit.Gamma(f, out a1, out b1);
            ContinuousFit.Gamma(d, out a2, out b2);
            Assert.Equal((a2, b2), (a1, b1));
            ContinuousFit.Beta(unit, out a1, out b1);
            ContinuousFit.Beta(du, out a2, out b2);
            Assert.Equal((a2, b2), (a1, b1));
            ContinuousFit.Laplace(f, out a1, out b1);
            ContinuousFit.Laplace(d, out a2, out b2);
            Assert.Equal((a2, b2), (a1, b1));
            ContinuousFit.Uniform(f, out a1, out b1);
            ContinuousFit.Uniform(d, out a2, out b2);
            Assert.Equal((a2, b2), (a1, b1));
        }

        // ---- validation -----------------------------------------------------------------------------------------------

        private delegate void Fitter(double[] x);

        private delegate void FloatFitter(float[] x);

        private static readonly (string Family, Fitter Fit, FloatFitter FitFloat)[] Families =
        {
            ("Normal", x => ContinuousFit.Normal(x, out _, out _), x => ContinuousFit.Normal(x, out _, out _)),
            ("LogNormal", x => ContinuousFit.LogNormal(x, out _, out _), x => ContinuousFit.LogNormal(x, out _, out _)),
            ("Exponential", x => ContinuousFit.Exponential(x, out _), x => ContinuousFit.Exponential(x, out _)),
            ("Gamma", x => ContinuousFit.Gamma(x, out _, out _), x => ContinuousFit.Gamma(x, out _, out _)),
            ("Beta", x => ContinuousFit.Beta(x, out _, out _), x => ContinuousFit.Beta(x, out _, out _)),
            ("Laplace", x => ContinuousFit.Laplace(x, out _, out _), x => ContinuousFit.Laplace(x, out _, out _)),
            ("Uniform", x => ContinuousFit.Uniform(x, out _, out _), x => ContinuousFit.Uniform(x, out _, out _)),
        };

        private static (Fitter Fit, FloatFitter FitFloat) Of(string family) =>
            Families.Where(f => f.Family == family).Select(f => (f.Fit, f.FitFloat)).Single();

        [Fact]
        public void EmptyOrNonFinite_IsAnArgumentException_NamingTheIndexAndValue()
        {
            foreach ((string family, Fitter fit, FloatFitter fitFloat) in Families)
            {
                AssertArgument(() => fit(Array.Empty<double>()), $"x is empty: fitting a {family} needs at least one value.");
                AssertArgument(() => fitFloat(Array.Empty<float>()), $"x is empty: fitting a {family} needs at least one value.");
                AssertArgument(() => fit(new[] { 0.5, 0.25, double.NaN }), "x[2] is NaN: every value of a sample must be finite.");
                AssertArgument(() => fit(new[] { double.PositiveInfinity }), "x[0] is Infinity: every value of a sample must be finite.");
                AssertArgument(() => fit(new[] { 0.5, double.NegativeInfinity }), "x[1] is -Infinity: every value of a sample must be finite.");
                AssertArgument(() => fitFloat(new[] { 0.5f, float.NaN }), "x[1] is NaN: every value of a sample must be finite.");
            }
        }

        [Theory]
        [InlineData("LogNormal", 0.0, "> 0")]
        [InlineData("LogNormal", -1.5, "> 0")]
        [InlineData("Gamma", 0.0, "> 0")]
        [InlineData("Gamma", -2.0, "> 0")]
        [InlineData("Exponential", -0.25, "≥ 0")]
        [InlineData("Beta", 0.0, "in (0, 1)")]
        [InlineData("Beta", 1.0, "in (0, 1)")]
        [InlineData("Beta", 1.5, "in (0, 1)")]
        [InlineData("Beta", -0.5, "in (0, 1)")]
        public void OutsideTheSupport_IsAnArgumentOutOfRangeException_NamingTheIndexAndValue(string family, double value, string support)
        {
            (Fitter fit, FloatFitter fitFloat) = Of(family);
            string message = $"x[1] is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: every value of a {family} sample must be {support}.";
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => fit(new[] { 0.5, value, 0.25 }));
            Assert.Equal("x", e.ParamName);
            Assert.Equal(value, e.ActualValue);
            Assert.Equal(new ArgumentOutOfRangeException("x", value, message).Message, e.Message);

            // The float overload shows the float's value (−0.1f, not −0.10000000149011612).
            float single = (float)(value - 0.1);
            if (single is > 0 and < 1 || (family == "Exponential" && single >= 0))
            {
                return;
            }

            string floatMessage = $"x[1] is {single.ToString(System.Globalization.CultureInfo.InvariantCulture)}: every value of a {family} sample must be {support}.";
            var ef = Assert.Throws<ArgumentOutOfRangeException>(() => fitFloat(new[] { 0.5f, single, 0.25f }));
            Assert.Equal(single, ef.ActualValue);
            Assert.Equal(new ArgumentOutOfRangeException("x", single, floatMessage).Message, ef.Message);
        }

        [Fact]
        public void Degenerate_IsAnArgumentException_SayingWhy()
        {
            (string Family, double Value, string Why)[] cases =
            {
                ("Normal", 3.5, "the maximum-likelihood σ is 0, not a valid standard deviation"),
                ("LogNormal", 3.5, "the maximum-likelihood sigma (the σ of ln x) is 0, not a valid standard deviation"),
                ("Exponential", 0, "the maximum-likelihood rate 1/mean is +∞, not a valid rate"),
                ("Gamma", 3.5, "the maximum-likelihood shape is +∞ (the law of a constant), not a valid shape"),
                ("Beta", 0.375, "the maximum-likelihood α and β are +∞ (the law of a constant), not valid parameters"),
                ("Laplace", 3.5, "the maximum-likelihood scale is 0, not a valid scale"),
                ("Uniform", 3.5, "the maximum-likelihood bounds are lower = upper, not a valid interval (lower < upper)"),
            };
            foreach ((string family, double value, string why) in cases)
            {
                (Fitter fit, FloatFitter fitFloat) = Of(family);
                string v = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                AssertArgument(() => fit(Enumerable.Repeat(value, 12).ToArray()), $"all 12 values equal {v}: {why}.");
                AssertArgument(() => fit(new[] { value }), $"x has one value, {v}: {why}.");
                AssertArgument(() => fitFloat(Enumerable.Repeat((float)value, 3).ToArray()), $"all 3 values equal {v}: {why}.");
            }

            // A float sample's message shows the float: 0.1f, not 0.10000000149011612.
            AssertArgument(() => ContinuousFit.Normal(new[] { 0.1f, 0.1f }, out _, out _), "all 2 values equal 0.1: the maximum-likelihood σ is 0, not a valid standard deviation.");
        }

        /// <summary>
        /// Estimates that leave the double range: σ̂ or the Laplace scale below the smallest subnormal (two adjacent
        /// subnormals: half a unit rounds to 0), an exponential or gamma rate 1/x̄ above <see cref="double.MaxValue"/>.
        /// </summary>
        [Fact]
        public void EstimatesOutsideTheDoubleRange_AreArgumentExceptions()
        {
            double[] adjacent = { double.Epsilon, 2 * double.Epsilon };
            AssertArgument(() => ContinuousFit.Normal(adjacent, out _, out _), "The maximum-likelihood σ of x underflows to 0 (the values differ by less than the smallest double), not a valid standard deviation.");
            AssertArgument(() => ContinuousFit.Laplace(adjacent, out _, out _), "The maximum-likelihood scale of x underflows to 0 (the values differ by less than the smallest double), not a valid scale.");
            AssertArgument(() => ContinuousFit.Exponential(new[] { 1e-310, 2e-310 }, out _), "The sample mean is below 2⁻¹⁰²⁴ ≈ 5.6e−309, so the maximum-likelihood rate 1/mean overflows to +∞, not a valid rate.");
            var e = Assert.Throws<ArgumentException>(() => ContinuousFit.Gamma(new[] { 1e-310, 2e-310 }, out _, out _));
            Assert.StartsWith("The maximum-likelihood Gamma shape ", e.Message, StringComparison.Ordinal);
            Assert.Contains(" gives the rate Infinity, not a valid rate (it must be finite and > 0).", e.Message, StringComparison.Ordinal);
        }

        // ---- helpers --------------------------------------------------------------------------------------------------

        /// <summary>The mean by Neumaier's compensated sum (the test's own, so that the score checks see only the fit's error).</summary>
        private static double Mean(System.Collections.Generic.IEnumerable<double> values)
        {
            double sum = 0, compensation = 0;
            int n = 0;
            foreach (double v in values)
            {
                double t = sum + v;
                compensation += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
                sum = t;
                n++;
            }

            return (sum + compensation) / n;
        }

        private static void AssertArgument(Action call, string message)
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.Equal("x", e.ParamName);
            Assert.Equal(new ArgumentException(message, "x").Message, e.Message);
        }

        private static void AssertRelative(double expected, double actual, double tolerance)
        {
            double error = Math.Abs(actual - expected) / Math.Abs(expected);
            if (!(error <= tolerance))
            {
                throw new XunitException($"expected {expected:R}, got {actual:R}: relative error {error:E2} > {tolerance:E2}");
            }
        }
    }
}
