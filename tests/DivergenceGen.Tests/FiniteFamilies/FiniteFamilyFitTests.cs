using System;
using System.Linq;
using DivergenceGen.Tests.CountFamilies;
using Xunit;

namespace DivergenceGen.Tests.FiniteFamilies
{
    /// <summary>Bernoulli re-described by its logit: log w = k·t, so p = σ(t).</summary>
    [FiniteFamily(2)]
    public readonly partial struct BernoulliByLogit
    {
        private static double LogWeight(int k, double t) => k * t;
    }

    /// <summary>
    /// Binomial(10) re-described in the translatable subset (the other re-description, <see cref="Binomial10AsFinite"/>,
    /// calls a helper of its own, so it has no Fit): log C(10, k) + k·log p + (10 − k)·log(1 − p), valid for 0 &lt; p &lt; 1,
    /// so the fit starts at the declared p = 0.5.
    /// </summary>
    [FiniteFamily(11)]
    public readonly partial struct Binomial10Fit
    {
        private static double LogWeight(int k, double p = 0.5) =>
            SpecialFunctions.LogFactorial(10) - SpecialFunctions.LogFactorial(k) - SpecialFunctions.LogFactorial(10 - k)
            + (k * Math.Log(p)) + ((10 - k) * Math.Log(1 - p));
    }

    /// <summary>Categorical(6) re-described by five logits (outcome 0's is 0): five parameters, a 5 × 5 Hessian.</summary>
    [FiniteFamily(6)]
    public readonly partial struct Categorical6ByLogits
    {
        private static double LogWeight(int k, double t1, double t2, double t3, double t4, double t5) =>
            k == 0 ? 0 : k == 1 ? t1 : k == 2 ? t2 : k == 3 ? t3 : k == 4 ? t4 : t5;
    }

    /// <summary>A Poisson law truncated to 0 … 15, from its rate (the fit starts at the declared rate 1).</summary>
    [FiniteFamily(16)]
    public sealed partial class TruncatedPoisson16
    {
        private static double LogWeight(int k, double rate = 1) => (k * Math.Log(rate)) - SpecialFunctions.LogFactorial(k);
    }

    /// <summary>A von Mises-like law on 12 points of a circle: log w = κ·cos(2πk/12 − μ). Not concave in (κ, μ).</summary>
    [FiniteFamily(12)]
    public readonly partial struct Clock12
    {
        private static double LogWeight(int k, double kappa = 1, double mu = 0) => kappa * Math.Cos((2 * Math.PI * k / 12) - mu);
    }

    /// <summary>Two parameters that enter only through their sum: not identifiable.</summary>
    [FiniteFamily(5)]
    public readonly partial struct SumOnly
    {
        private static double LogWeight(int k, double a, double b) => (a + b) * k;
    }

    /// <summary>Outcome 1 has weight a (log a = −∞ at the declared start a = 0), every other outcome weight 1.</summary>
    [FiniteFamily(3)]
    public readonly partial struct Gate
    {
        private static double LogWeight(int k, double a = 0) => k == 1 ? Math.Log(a) : 0;
    }

    /// <summary>
    /// Maximum-likelihood fitting of [FiniteFamily] types (issue 16): <c>Fit</c>/<c>FitCounts</c> from the symbolic
    /// derivative of LogWeight, checked against the built-in families' closed-form fits and against the score equation
    /// computed here independently, and its errors.
    /// </summary>
    public sealed class FiniteFamilyFitTests
    {
        private const double Eps = 2.220446049250313e-16;

        private static int[] Draw(Func<Random, int> sample, int n, int seed)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, n).Select(_ => sample(random)).ToArray();
        }

        /// <summary>
        /// The Bernoulli MLE is the sample mean. The fit stops where the score, mean − σ(t), is zero to 8ε·(…) ≤ 16ε, so
        /// σ(t̂) = mean to 16ε absolute; the constructor's p₁ = exp(t − log(1 + eᵗ)) adds a few ulps (≤ 4ε relative): the
        /// bound is 16ε + 4ε·mean, absolute.
        /// </summary>
        [Theory]
        [InlineData(0.5, 1)]
        [InlineData(0.03, 2)]
        [InlineData(0.97, 3)]
        public void BernoulliFitIsTheSampleMean(double p, int seed)
        {
            int[] outcomes = Draw(r => r.NextDouble() < p ? 1 : 0, 5000, seed);
            double mean = outcomes.Average();
            var fitted = BernoulliByLogit.Fit(outcomes);
            Assert.True(Math.Abs(fitted.Pmf(1) - mean) <= (16 * Eps) + (4 * Eps * mean), fitted.Pmf(1) + " vs " + mean);
            Assert.Equal(Math.Log(mean / (1 - mean)), fitted.T, 12);
            Assert.Equal(Coin.Fit(outcomes).Pmf(1), fitted.Pmf(1), 14);
        }

        /// <summary>
        /// The Binomial(10) MLE is p̂ = mean/10, the built-in Bin10.Fit. At the fit's stop the score Σ fₖ(k/p − (10−k)/(1−p))
        /// is zero to 8ε·Σ(fₖ + pₖ)·|score terms| ≈ 8ε·2·10/(p(1 − p)); dividing by the Fisher information 10/(p(1 − p))
        /// gives |p̂ − mean/10| ≤ 16ε·… ≤ 2⁻⁴⁷ absolute. Then the laws' log-pmfs, entropies, KL and cross-entropy agree with
        /// the built-in's at p̂ to 1e−13 relative (the re-description's log C(10, k) from three LogFactorials, its normaliser).
        /// </summary>
        [Theory]
        [InlineData(0.5, 11)]
        [InlineData(0.07, 12)]
        [InlineData(0.91, 13)]
        public void Binomial10FitMatchesTheBuiltInFit(double p, int seed)
        {
            int[] outcomes = Draw(r => Enumerable.Range(0, 10).Count(_ => r.NextDouble() < p), 2000, seed);
            var builtIn = Bin10.Fit(outcomes);
            var fitted = Binomial10Fit.Fit(outcomes);
            Assert.True(Math.Abs(fitted.P - builtIn.P) <= Math.Pow(2, -47), fitted.P + " vs " + builtIn.P);
            var at = new Bin10(fitted.P);
            for (int k = 0; k <= 10; k++)
            {
                AssertRelative(at.LogPmf(k), fitted.LogPmf(k), 1e-13);
            }

            AssertRelative(at.Entropy(), fitted.Entropy(), 1e-13);
            var q = new Bin10(0.3);
            var qFinite = new Binomial10Fit(0.3);
            AssertRelative(at.KLDivergence(q), fitted.KLDivergence(qFinite), 1e-12);
            AssertRelative(at.CrossEntropy(q), fitted.CrossEntropy(qFinite), 1e-13);
        }

        /// <summary>
        /// Five logits: the MLE puts p̂ₖ = fₖ, Cat6.Fit's frequencies. The stop leaves each score fₖ − pₖ zero to
        /// 8ε·(fₖ + pₖ) ≤ 16ε·fₖ relative; the constructor's normaliser adds a few ulps: 1e−13 relative.
        /// </summary>
        [Fact]
        public void Categorical6FitIsTheFrequencies()
        {
            double[] p = { 0.05, 0.3, 0.1, 0.25, 0.2, 0.1 };
            int[] outcomes = Draw(r => Sample(p, r), 4000, 21);
            var builtIn = Cat6.Fit(outcomes);
            var fitted = Categorical6ByLogits.Fit(outcomes);
            for (int k = 0; k < 6; k++)
            {
                AssertRelative(builtIn.Probabilities[k], fitted.Probabilities[k], 1e-13);
            }
        }

        /// <summary>
        /// The truncated Poisson has no built-in: the MLE is where the law's mean equals the sample mean (the score of
        /// log λ is Σ fₖ·k − E[X]), computed here from the fitted probabilities; the stop bound is 16ε·(mean + E[X]).
        /// FitCounts over the histogram gives the same law bit for bit (the same counts).
        /// </summary>
        [Theory]
        [InlineData(0.4, 31)]
        [InlineData(4.5, 32)]
        [InlineData(13, 33)]
        public void TruncatedPoissonFitMatchesTheMean(double rate, int seed)
        {
            var law = new TruncatedPoisson16(rate);
            int[] outcomes = Draw(r => law.Sample(r), 3000, seed);
            var fitted = TruncatedPoisson16.Fit(outcomes);
            double mean = outcomes.Average();
            double expectation = Enumerable.Range(0, 16).Sum(k => k * fitted.Probabilities[k]);
            Assert.True(Math.Abs(expectation - mean) <= 64 * Eps * (mean + expectation), expectation + " vs " + mean);

            var counts = new long[16];
            foreach (int k in outcomes)
            {
                counts[k]++;
            }

            Assert.Equal(fitted.Rate, TruncatedPoisson16.FitCounts(counts).Rate);
            Assert.Equal(fitted.Rate, TruncatedPoisson16.Fit(outcomes, new TruncatedPoisson16(7)).Rate, 12);
        }

        /// <summary>
        /// A law that is not concave in its parameters (κ, μ on a circle): from counts exactly proportional to a law's
        /// probabilities (scaled by 2⁴⁰ and rounded, so fₖ = pₖ to 2⁻⁴⁰ relative) the fit returns that law's parameters
        /// to 1e−9 (the rounding of the counts, amplified by the inverse Fisher information, ≤ 10²).
        /// </summary>
        [Theory]
        [InlineData(2.0, 1.0)]
        [InlineData(0.3, -2.5)]
        [InlineData(6.0, 0.2)]
        public void ClockFitRecoversTheParameters(double kappa, double mu)
        {
            var law = new Clock12(kappa, mu);
            long[] counts = law.Probabilities.ToArray().Select(q => (long)Math.Round(q * Math.Pow(2, 40))).ToArray();
            var fitted = Clock12.FitCounts(counts, new Clock12(1, mu + 0.5));
            Assert.Equal(kappa, fitted.Kappa, 9);
            Assert.Equal(mu, fitted.Mu, 9);
        }

        [Fact]
        public void FloatFitIsTheDoubleFitRounded()
        {
            var zipf = new Zipf21(1.3);
            int[] outcomes = Draw(r => zipf.Sample(r), 3000, 41);
            double s = Zipf21.Fit(outcomes).S;
            Assert.Equal((float)s, Zipf21F.Fit(outcomes).S);
        }

        [Fact]
        public void DataOnTheBoundaryHaveNoMaximum()
        {
            // Every outcome 0: the likelihood rises for ever as s → +∞.
            var e = Assert.Throws<ArgumentException>(() => Zipf21.Fit(new[] { 0, 0, 0 }));
            Assert.Equal("outcomes", e.ParamName);
            Assert.Contains("Zipf21.Fit", e.Message, StringComparison.Ordinal);
            Assert.Contains("infinite parameters", e.Message, StringComparison.Ordinal);
            Assert.Contains("s = ", e.Message, StringComparison.Ordinal);

            // A logit of an outcome never observed: t5 → −∞.
            var logits = Assert.Throws<ArgumentException>(() => Categorical6ByLogits.Fit(new[] { 0, 1, 2, 3, 4, 0, 1 }));
            Assert.Contains("infinite parameters", logits.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void UnidentifiableParametersAreReported()
        {
            var e = Assert.Throws<ArgumentException>(() => SumOnly.Fit(new[] { 0, 1, 2, 2, 3, 4, 1 }));
            Assert.Contains("not identifiable", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void AnInvalidStartIsReported()
        {
            // Edgy's declared start is a = b = 0, where LogWeight(0, …) = 0/0.
            var e = Assert.Throws<ArgumentException>(() => Edgy.Fit(new[] { 0, 1, 2 }));
            Assert.Contains("starts where LogWeight(0, …) is NaN", e.Message, StringComparison.Ordinal);
            Assert.Contains("a = 0, b = 0", e.Message, StringComparison.Ordinal);

            // A start where an observed outcome has probability 0 (Gate's declared a = 0: log a = −∞).
            var zero = Assert.Throws<ArgumentException>(() => Gate.Fit(new[] { 0, 1, 2 }));
            Assert.Contains("observed outcome 1 has probability 0", zero.Message, StringComparison.Ordinal);
            // From a valid start: ℓ(a) = ¼·log a − log(2 + a) is maximal at a = 2/3 (to the stop's 8ε and the rounding of 2/3).
            Assert.True(Math.Abs(Gate.Fit(new[] { 0, 1, 2, 2 }, new Gate(1)).A - (2.0 / 3)) <= 16 * Eps);

            // A start where the derivative is not finite where it counts: rate 1e−320 makes k/rate = +∞.
            var flat = Assert.Throws<ArgumentException>(() => TruncatedPoisson16.FitCounts(new long[16] { 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, new TruncatedPoisson16(1e-320)));
            Assert.Contains("derivative of LogWeight(0, …) is not finite", flat.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void BadDataThrowNamingTheArgument()
        {
            var empty = Assert.Throws<ArgumentException>(() => Zipf21.Fit(ReadOnlySpan<int>.Empty));
            Assert.Equal("outcomes", empty.ParamName);
            var outside = Assert.Throws<ArgumentOutOfRangeException>(() => Zipf21.Fit(new[] { 0, 3, 21 }));
            Assert.Equal("outcomes", outside.ParamName);
            Assert.Contains("21", outside.Message, StringComparison.Ordinal);
            Assert.Contains("[2]", outside.Message, StringComparison.Ordinal);

            var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Zipf21.FitCounts(Enumerable.Range(0, 21).Select(k => k == 4 ? -1L : 2L).ToArray()));
            Assert.Equal("counts", negative.ParamName);
            Assert.Contains("counts[4] is -1", negative.Message, StringComparison.Ordinal);
            var nothing = Assert.Throws<ArgumentException>(() => Zipf21.FitCounts(new long[21]));
            Assert.Contains("counts no outcome", nothing.Message, StringComparison.Ordinal);
            var length = Assert.Throws<ArgumentException>(() => Zipf21.FitCounts(new long[20]));
            Assert.Equal("counts", length.ParamName);
            Assert.Throws<InvalidOperationException>(() => Zipf21.Fit(new[] { 1, 2 }, default(Zipf21)));
        }

        [Fact]
        public void AnUntranslatableLogWeightHasNoFit()
        {
            // Binomial10AsFinite's LogWeight calls its own helper XLogY: the law works, Fit is absent (DG0043).
            Assert.Null(typeof(Binomial10AsFinite).GetMethod("Fit"));
            Assert.Null(typeof(Binomial10AsFinite).GetMethod("FitCounts"));
            Assert.NotNull(typeof(Zipf21).GetMethod("FitCounts", new[] { typeof(ReadOnlySpan<long>) }));
        }

        private static int Sample(double[] p, Random random)
        {
            double u = random.NextDouble();
            for (int k = 0; k < p.Length - 1; k++)
            {
                u -= p[k];
                if (u < 0)
                {
                    return k;
                }
            }

            return p.Length - 1;
        }

        private static void AssertRelative(double expected, double actual, double tolerance) =>
            Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), actual + " vs " + expected + " (relative " + (Math.Abs(actual - expected) / Math.Abs(expected)) + ")");
    }
}
