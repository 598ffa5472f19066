using System;
using System.Linq;
using DivergenceGen.Tests.CountFamilies;
using Xunit;

namespace DivergenceGen.Tests.FiniteFamilies
{
    /// <summary>
    /// Poisson re-described on 0 … 199: log w = k·log λ − log k!. For λ ≤ 20 the mass beyond 199 is below 10⁻⁹⁰, far
    /// under rounding, so the truncated law is the built-in Poisson to every digit a double holds.
    /// </summary>
    [FiniteFamily(200)]
    public sealed partial class PoissonAsFinite
    {
        private static double LogWeight(int k, double rate = 1) => (k * Math.Log(rate)) - SpecialFunctions.LogFactorial(k);
    }

    /// <summary>
    /// Geometric (failures before the first success) re-described on 0 … 1199: log w = k·log1p(−p) (log p is the same for
    /// every k: the normaliser takes it). For p ≥ 0.5 the mass beyond 1199 is below 2⁻¹²⁰⁰.
    /// </summary>
    [FiniteFamily(1200)]
    public sealed partial class GeometricAsFinite
    {
        private static double LogWeight(int k, double p = 0.5) => k * double.LogP1(-p);
    }

    /// <summary>
    /// The self-consistency test for families with infinite support, where a finite re-description with negligible
    /// tail mass must agree with the built-in family over random parameters: log-pmf, entropy, KL, cross-entropy, fit.
    /// </summary>
    public sealed class SelfConsistencyTests
    {
        private const double Eps = 2.220446049250313e-16;

        /// <summary>
        /// Tolerances, derived. A re-described log-probability is log wₖ − log Z with log wₖ = k·log λ − log k! (two roundings of
        /// magnitude Sₖ = |k·log λ| + log k!, and log k! itself a few ulps) and log Z = λ + log P(X ≤ 199) computed by a
        /// log-sum-exp (≤ (K + 4)ε relative in Σ, so ≤ 4ε + 8ε·λ absolute after the max is added back); the built-in's
        /// k·log λ − λ − log k! has the same terms. So |Δ log pₖ| ≤ 8ε·(Sₖ + λ + 1): every error is absolute, bounded by the
        /// magnitudes of the terms that cancel. Entropy, KL and cross-entropy are
        /// Σ pₖ·(…) of those: their error is ≤ Σ pₖ·|Δ log pₖ|·(1 + |log pₖ|) ≤ 8ε·E[(S + λ + 1)·(1 + |log p|)], evaluated here
        /// from the built-in's probabilities, plus the kernels' own summation (K·ε relative).
        /// </summary>
        [Fact]
        public void PoissonMatchesTheBuiltInOverRandomRates()
        {
            var random = new Random(160);
            for (int trial = 0; trial < 40; trial++)
            {
                double rate = Math.Exp((random.NextDouble() * 6) - 3); // 0.05 … 20
                double rateQ = Math.Exp((random.NextDouble() * 6) - 3);
                var builtIn = new Pois(rate);
                var finite = new PoissonAsFinite(rate);
                double Terms(int k, double r) => Math.Abs(k * Math.Log(r)) + SpecialFunctions.LogFactorial(k) + r + 1;
                for (int k = 0; k < 200; k++)
                {
                    double expected = builtIn.LogPmf(k);
                    Assert.True(Math.Abs(finite.LogPmf(k) - expected) <= 8 * Eps * Terms(k, rate), $"λ = {rate:R}, k = {k}: {finite.LogPmf(k):R} vs {expected:R}");
                }

                double Bound(double r) => (8 * Eps * Enumerable.Range(0, 200).Sum(k => builtIn.Pmf(k) * Terms(k, r) * (1 + Math.Abs(builtIn.LogPmf(k))))) + (200 * Eps);
                var q = new Pois(rateQ);
                var qFinite = new PoissonAsFinite(rateQ);
                Assert.True(Math.Abs(finite.Entropy() - builtIn.Entropy()) <= Bound(rate) * (1 + builtIn.Entropy()), $"entropy at λ = {rate:R}");
                double kl = builtIn.KLDivergence(q);
                Assert.True(Math.Abs(finite.KLDivergence(qFinite) - kl) <= (Bound(rate) + Bound(rateQ)) * (1 + kl), $"KL at λ = {rate:R}, {rateQ:R}");
                double h = builtIn.CrossEntropy(q);
                Assert.True(Math.Abs(finite.CrossEntropy(qFinite) - h) <= (Bound(rate) + Bound(rateQ)) * (1 + h), $"H at λ = {rate:R}, {rateQ:R}");
            }
        }

        /// <summary>
        /// The Poisson MLE is the sample mean (the built-in's Fit): the re-description's fit stops where the score
        /// mean − E[X] is zero to 8ε·(mean + E[X]), so λ̂ = mean to 16ε relative (the truncated mass is below rounding).
        /// </summary>
        [Theory]
        [InlineData(0.3, 1)]
        [InlineData(4.0, 2)]
        [InlineData(17.5, 3)]
        public void PoissonFitIsTheBuiltInFit(double rate, int seed)
        {
            var law = new Pois(rate);
            var random = new Random(seed);
            int[] outcomes = Enumerable.Range(0, 3000).Select(_ => law.Sample(random)).ToArray();
            double expected = Pois.Fit(outcomes).Rate;
            double fitted = PoissonAsFinite.Fit(outcomes).Rate;
            Assert.True(Math.Abs(fitted - expected) <= 16 * Eps * expected, $"{fitted:R} vs {expected:R}");
        }

        /// <summary>
        /// Geometric, p ∈ [0.5, 0.99]: log-pmfs within 8ε·(k·|log1p(−p)| + |log p| + 1) (the same argument as Poisson's);
        /// entropy to 10⁻¹³ relative (the same absolute errors weighted by pₖ·(1 + |log pₖ|), summed over K = 1200 terms,
        /// measured ≤ 1.4·10⁻¹⁵ over these draws); the fit is the built-in's 1/(1 + mean): the score mean − E[X] is zero to 8ε·(mean + E[X]) and
        /// dp/d(mean) = −p², so p̂ agrees to 16ε·(1 + mean)·p ≤ 64ε·p for p ≥ 0.5.
        /// </summary>
        [Fact]
        public void GeometricMatchesTheBuiltIn()
        {
            var random = new Random(161);
            for (int trial = 0; trial < 20; trial++)
            {
                double p = 0.5 + (random.NextDouble() * 0.49);
                var builtIn = new Geo(p);
                var finite = new GeometricAsFinite(p);
                for (int k = 0; k < 1200; k += 7)
                {
                    double expected = builtIn.LogPmf(k);
                    double bound = 8 * Eps * ((k * Math.Abs(Math.Log(1 - p))) + Math.Abs(Math.Log(p)) + 1);
                    Assert.True(Math.Abs(finite.LogPmf(k) - expected) <= bound, $"p = {p:R}, k = {k}: {finite.LogPmf(k):R} vs {expected:R}");
                }

                Assert.True(Math.Abs(finite.Entropy() - builtIn.Entropy()) <= 1e-13 * builtIn.Entropy(), $"entropy at p = {p:R}");
                int[] outcomes = Enumerable.Range(0, 2000).Select(_ => builtIn.Sample(random)).ToArray();
                double fitted = GeometricAsFinite.Fit(outcomes).P;
                double closed = Geo.Fit(outcomes).P;
                Assert.True(Math.Abs(fitted - closed) <= 64 * Eps * closed, $"fit at p = {p:R}: {fitted:R} vs {closed:R}");
            }
        }
    }
}
