using System;
using System.Linq;
using DivergenceGen.Tests.CountFamilies;
using Xunit;

namespace DivergenceGen.Tests.ExponentialFamilies
{
    /// <summary>
    /// [ExponentialFamily] types (issue 16) against closed forms and the built-in families: the normal, exponential, gamma
    /// and inverse Gaussian laws, and Poisson, Bernoulli and Binomial(10) re-described. Every tolerance is derived from the
    /// magnitudes that cancel: the generated members compute η·T(x) − A(η) + log h(x) (log-density), A(η_Q) − A(η_P) −
    /// (η_Q − η_P)·∇A(η_P) (KL) and A − η·∇A − E[log h] (entropy), each with a few roundings of its terms, so each error is
    /// at most cε times the sum of the terms' magnitudes (c stated per test).
    /// </summary>
    public sealed class ExponentialFamilyTests
    {
        private const double Eps = 2.220446049250313e-16;

        private static void Within(double expected, double actual, double bound, string what) =>
            Assert.True(Math.Abs(actual - expected) <= bound, $"{what}: {actual:R} vs {expected:R} (error {Math.Abs(actual - expected):R} > bound {bound:R})");

        [Fact]
        public void NormalMatchesItsClosedForms()
        {
            var random = new Random(1601);
            for (int trial = 0; trial < 50; trial++)
            {
                double mu = (random.NextDouble() * 6) - 3, variance = 0.1 + (random.NextDouble() * 9.9);
                double muQ = (random.NextDouble() * 6) - 3, varianceQ = 0.1 + (random.NextDouble() * 9.9);
                var p = new NormalEF(mu, variance);
                var q = new NormalEF(muQ, varianceQ);
                Within(mu / variance, p.Eta1, 2 * Eps * Math.Abs(mu / variance), "η₁");
                double a = p.LogPartitionValue;
                for (int i = 0; i < 20; i++)
                {
                    double x = (random.NextDouble() * 20) - 10;
                    double expected = (-(x - mu) * (x - mu) / (2 * variance)) - (0.5 * Math.Log(2 * Math.PI * variance));
                    double terms = Math.Abs(p.Eta1 * x) + Math.Abs(p.Eta2 * x * x) + Math.Abs(a) + 1;
                    Within(expected, p.LogPdf(x), 8 * Eps * terms, $"log-density at μ = {mu:R}, σ² = {variance:R}, x = {x:R}");
                }

                var (m1, m2) = p.ExpectedSufficientStatistics();
                Within(mu, m1, 4 * Eps * Math.Abs(mu), "E[X]");
                Within((mu * mu) + variance, m2, 16 * Eps * ((mu * mu) + variance), "E[X²]");
                var cov = new double[4];
                p.SufficientStatisticsCovariance(cov);
                Within(variance, cov[0], 8 * Eps * variance, "Var X");
                Within(2 * mu * variance, cov[1], 16 * Eps * (Math.Abs(mu) + 1) * variance, "Cov(X, X²)");
                Assert.Equal(cov[1], cov[2]);
                Within((4 * mu * mu * variance) + (2 * variance * variance), cov[3], 64 * Eps * ((mu * mu) + variance) * variance, "Var X²");

                double entropyTerms = Math.Abs(a) + Math.Abs(p.Eta1 * m1) + Math.Abs(p.Eta2 * m2) + 1;
                Within(0.5 * Math.Log(2 * Math.PI * Math.E * variance), p.Entropy(), 16 * Eps * entropyTerms, "entropy");
                double kl = Math.Log(Math.Sqrt(varianceQ / variance)) + ((variance + ((mu - muQ) * (mu - muQ))) / (2 * varianceQ)) - 0.5;
                double klTerms = Math.Abs(q.LogPartitionValue) + Math.Abs(a) + Math.Abs((q.Eta1 - p.Eta1) * m1) + Math.Abs((q.Eta2 - p.Eta2) * m2);
                Within(kl, p.KLDivergence(q), 16 * Eps * klTerms, "KL");
                Within(p.Entropy() + kl, p.CrossEntropy(q), 16 * Eps * (klTerms + entropyTerms), "cross-entropy");
            }
        }

        /// <summary>
        /// The normal MLE is μ̂ = m₁, σ̂² = m₂ − m₁². The fit stops where ∇A(η̂) = T̄ to 8ε·(|T̄| + |∇A|) per component, so the
        /// fitted law's moments equal T̄ to 16ε·|T̄|; σ̂² = m₂ − m₁² then carries 16ε·(m₂ + 2m₁²)/σ̂² relative, and the
        /// conversion from η to (μ, σ²) a few ulps more: 32ε·(m₂ + 2m₁²)/σ̂².
        /// </summary>
        [Theory]
        [InlineData(0.0, 1.0, 1)]
        [InlineData(2.5, 0.2, 2)]
        [InlineData(-40, 9, 3)]
        public void NormalFitIsTheSampleMeanAndVariance(double mu, double variance, int seed)
        {
            var random = new Random(seed);
            double[] samples = Enumerable.Range(0, 2000).Select(_ => mu + (Math.Sqrt(variance) * Gaussian(random))).ToArray();
            var fitted = NormalEF.Fit(samples);
            double m1 = samples.Average(), m2 = samples.Average(x => x * x);
            var (e1, e2) = fitted.ExpectedSufficientStatistics();
            Within(m1, e1, 16 * Eps * Math.Abs(m1), "E[X] = m₁");
            Within(m2, e2, 16 * Eps * m2, "E[X²] = m₂");
            double fittedVariance = -0.5 / fitted.Eta2, fittedMean = fitted.Eta1 * fittedVariance;
            double sampleVariance = m2 - (m1 * m1);
            Within(sampleVariance, fittedVariance, 32 * Eps * (m2 + (2 * m1 * m1)), "σ̂²");
            Within(m1, fittedMean, 32 * Eps * (Math.Abs(m1) + ((m2 + (2 * m1 * m1)) / Math.Abs(m1 == 0 ? 1 : m1))), "μ̂");
            Assert.Equal(fitted.Eta1, NormalEF.Fit(samples, new NormalEF(mu + 3, variance * 4)).Eta1, 12);
        }

        [Fact]
        public void ExponentialMatchesItsClosedForms()
        {
            var random = new Random(1602);
            for (int trial = 0; trial < 30; trial++)
            {
                double rate = Math.Exp((random.NextDouble() * 8) - 4), rateQ = Math.Exp((random.NextDouble() * 8) - 4);
                var p = new ExponentialEF(rate);
                var q = new ExponentialEF(rateQ);
                double x = random.NextDouble() * 10 / rate;
                Within(Math.Log(rate) - (rate * x), p.LogPdf(x), 8 * Eps * (Math.Abs(Math.Log(rate)) + (rate * x) + 1), "log-density");
                Within(1 / rate, p.ExpectedSufficientStatistics(), 4 * Eps / rate, "mean");
                Within(1 - Math.Log(rate), p.Entropy(), 8 * Eps * (Math.Abs(Math.Log(rate)) + 2), "entropy");
                double kl = Math.Log(rate / rateQ) + (rateQ / rate) - 1;
                Within(kl, p.KLDivergence(q), 8 * Eps * (Math.Abs(Math.Log(rate)) + Math.Abs(Math.Log(rateQ)) + (rateQ / rate) + 1), "KL");
            }

            double[] samples = Enumerable.Range(0, 1000).Select(i => -Math.Log(1 - ((i + 0.5) / 1000)) / 3).ToArray();
            Within(1 / samples.Average(), -ExponentialEF.Fit(samples).Eta, 16 * Eps / samples.Average(), "λ̂ = 1/mean");
        }

        [Fact]
        public void GammaMatchesItsClosedForms()
        {
            var random = new Random(1603);
            for (int trial = 0; trial < 30; trial++)
            {
                double shape = 0.2 + (random.NextDouble() * 10), rate = Math.Exp((random.NextDouble() * 4) - 2);
                double shapeQ = 0.2 + (random.NextDouble() * 10), rateQ = Math.Exp((random.NextDouble() * 4) - 2);
                var p = new GammaEF(shape, rate);
                var q = new GammaEF(shapeQ, rateQ);
                double logGamma = SpecialFunctions.LogGamma(shape);
                double x = 0.01 + (random.NextDouble() * 10);
                double expected = (shape * Math.Log(rate)) - logGamma + ((shape - 1) * Math.Log(x)) - (rate * x);
                double terms = Math.Abs(shape * Math.Log(rate)) + Math.Abs(logGamma) + Math.Abs((shape - 1) * Math.Log(x)) + (rate * x) + 1;
                Within(expected, p.LogPdf(x), 16 * Eps * terms, "log-density");
                var (meanLog, mean) = p.ExpectedSufficientStatistics();
                Within(shape / rate, mean, 8 * Eps * shape / rate, "E[X]");
                Within(SpecialFunctions.Digamma(shape) - Math.Log(rate), meanLog, 16 * Eps * (Math.Abs(SpecialFunctions.Digamma(shape)) + Math.Abs(Math.Log(rate)) + 1), "E[log X]");
                double entropy = shape - Math.Log(rate) + logGamma + ((1 - shape) * SpecialFunctions.Digamma(shape));
                double entropyTerms = shape + Math.Abs(Math.Log(rate)) + Math.Abs(logGamma) + Math.Abs((1 - shape) * SpecialFunctions.Digamma(shape)) + 1;
                Within(entropy, p.Entropy(), 32 * Eps * entropyTerms, "entropy");
                double kl = ((shape - shapeQ) * SpecialFunctions.Digamma(shape)) - logGamma + SpecialFunctions.LogGamma(shapeQ)
                    + (shapeQ * (Math.Log(rate) - Math.Log(rateQ))) + (shape * (rateQ - rate) / rate);
                double klTerms = Math.Abs((shape - shapeQ) * SpecialFunctions.Digamma(shape)) + Math.Abs(logGamma) + Math.Abs(SpecialFunctions.LogGamma(shapeQ))
                    + Math.Abs(shapeQ * Math.Log(rate)) + Math.Abs(shapeQ * Math.Log(rateQ)) + (shape * (rateQ + rate) / rate) + Math.Abs(p.LogPartitionValue) + Math.Abs(q.LogPartitionValue);
                Within(kl, p.KLDivergence(q), 32 * Eps * klTerms, "KL");
            }
        }

        /// <summary>
        /// The beta law on the unit interval: log-density, entropy ln B(α, β) − (α − 1)ψ(α) − (β − 1)ψ(β) + (α + β − 2)ψ(α + β),
        /// E[log X] = ψ(α) − ψ(α + β); bounds from the magnitudes of the terms (ln Γ and ψ within a few ulps each); −∞ at and
        /// outside 0 and 1; the fit solves the score equations (mean log x, mean log(1 − x)) to 16ε.
        /// </summary>
        [Fact]
        public void BetaMatchesItsClosedForms()
        {
            var random = new Random(1611);
            for (int trial = 0; trial < 30; trial++)
            {
                double alpha = 0.3 + (random.NextDouble() * 8), beta = 0.3 + (random.NextDouble() * 8);
                var p = new BetaEF(alpha, beta);
                double logB = SpecialFunctions.LogGamma(alpha) + SpecialFunctions.LogGamma(beta) - SpecialFunctions.LogGamma(alpha + beta);
                double x = 0.01 + (random.NextDouble() * 0.98);
                double expected = ((alpha - 1) * Math.Log(x)) + ((beta - 1) * Math.Log(1 - x)) - logB;
                double terms = Math.Abs((alpha - 1) * Math.Log(x)) + Math.Abs((beta - 1) * Math.Log(1 - x)) + SpecialFunctions.LogGamma(alpha + beta) + Math.Abs(SpecialFunctions.LogGamma(alpha)) + Math.Abs(SpecialFunctions.LogGamma(beta)) + 1;
                Within(expected, p.LogPdf(x), 16 * Eps * terms, "beta log-density");
                double psiSum = SpecialFunctions.Digamma(alpha + beta);
                var (meanLog, _) = p.ExpectedSufficientStatistics();
                Within(SpecialFunctions.Digamma(alpha) - psiSum, meanLog, 16 * Eps * (Math.Abs(SpecialFunctions.Digamma(alpha)) + Math.Abs(psiSum)), "E[log X]");
                double entropy = logB - ((alpha - 1) * SpecialFunctions.Digamma(alpha)) - ((beta - 1) * SpecialFunctions.Digamma(beta)) + ((alpha + beta - 2) * psiSum);
                double entropyTerms = terms + Math.Abs((alpha - 1) * SpecialFunctions.Digamma(alpha)) + Math.Abs((beta - 1) * SpecialFunctions.Digamma(beta)) + Math.Abs((alpha + beta - 2) * psiSum);
                Within(entropy, p.Entropy(), 32 * Eps * entropyTerms, "beta entropy");
                Assert.Equal(double.NegativeInfinity, p.LogPdf(0));
                Assert.Equal(double.NegativeInfinity, p.LogPdf(1));
                Assert.Equal(double.NegativeInfinity, p.LogPdf(-0.5));
            }

            double[] samples = Enumerable.Range(0, 500).Select(i => (i + 0.5) / 500).Select(u => u * u).ToArray(); // X = U²: Beta(½, 1)
            var fitted = BetaEF.Fit(samples);
            var (fittedLog, fittedLog1m) = fitted.ExpectedSufficientStatistics();
            Within(samples.Average(Math.Log), fittedLog, 16 * Eps * Math.Abs(samples.Average(Math.Log)), "E[log X] = mean log x");
            Within(samples.Average(v => double.LogP1(-v)), fittedLog1m, 16 * Eps * Math.Abs(samples.Average(v => double.LogP1(-v))), "E[log(1 − X)] = mean log(1 − x)");
        }

        /// <summary>The gamma MLE solves ψ(α) − log β = mean log x and α/β = mean x: the fitted law's moments equal T̄ to 16ε.</summary>
        [Fact]
        public void GammaFitSolvesTheScoreEquations()
        {
            var random = new Random(1604);
            double[] samples = Enumerable.Range(0, 3000).Select(_ => -Math.Log(random.NextDouble()) - Math.Log(random.NextDouble()) - Math.Log(random.NextDouble())).ToArray();
            var fitted = GammaEF.Fit(samples);
            var (meanLog, mean) = fitted.ExpectedSufficientStatistics();
            Within(samples.Average(Math.Log), meanLog, 16 * Eps * Math.Abs(samples.Average(Math.Log)), "E[log X] = mean log x");
            Within(samples.Average(), mean, 16 * Eps * samples.Average(), "E[X] = mean x");
            Assert.InRange(fitted.A + 1, 2.8, 3.2); // three exponentials: shape 3 (2.8 … 3.2 is ±3 standard errors at n = 3000)
        }

        [Fact]
        public void PoissonMatchesTheBuiltIn()
        {
            var random = new Random(1605);
            for (int trial = 0; trial < 30; trial++)
            {
                double rate = Math.Exp((random.NextDouble() * 6) - 3), rateQ = Math.Exp((random.NextDouble() * 6) - 3);
                var builtIn = new Pois(rate);
                var p = new PoissonEF(rate);
                for (int k = 0; k < 60; k++)
                {
                    double terms = Math.Abs(k * Math.Log(rate)) + rate + SpecialFunctions.LogFactorial(k) + 1;
                    Within(builtIn.LogPmf(k), p.LogPmf(k), 8 * Eps * terms, $"log-pmf at λ = {rate:R}, k = {k}");
                }

                double kl = builtIn.KLDivergence(new Pois(rateQ));
                Within(kl, p.KLDivergence(new PoissonEF(rateQ)), 16 * Eps * (rate + rateQ + (rate * Math.Abs(Math.Log(rate / rateQ)))), "KL");
                int[] outcomes = Enumerable.Range(0, 500).Select(_ => builtIn.Sample(random)).ToArray();
                if (outcomes.Any(k => k > 0))
                {
                    Within(Pois.Fit(outcomes).Rate, Math.Exp(PoissonEF.Fit(outcomes).Eta), 16 * Eps * Pois.Fit(outcomes).Rate, "λ̂");
                }
            }

            Assert.Equal(double.NegativeInfinity, new PoissonEF(2).LogPmf(-1));
            Assert.Null(typeof(PoissonEF).GetMethod("Entropy")); // E[log k!] is not known: DG0045, no entropy
        }

        [Fact]
        public void BernoulliAndBinomialMatchTheBuiltIns()
        {
            var random = new Random(1606);
            for (int trial = 0; trial < 30; trial++)
            {
                double p = 0.01 + (random.NextDouble() * 0.98), pq = 0.01 + (random.NextDouble() * 0.98);
                var coin = new Coin(p);
                var bernoulli = new BernoulliEF(p);
                double logit = Math.Abs(Math.Log(p / (1 - p)));
                for (int k = 0; k <= 1; k++)
                {
                    Within(coin.LogPmf(k), bernoulli.LogPmf(k), 8 * Eps * (logit + 2), "Bernoulli log-pmf");
                }

                Within(coin.Entropy(), bernoulli.Entropy(), 16 * Eps * (logit + 2), "Bernoulli entropy");
                Within(coin.KLDivergence(new Coin(pq)), bernoulli.KLDivergence(new BernoulliEF(pq)), 32 * Eps * (logit + Math.Abs(Math.Log(pq / (1 - pq))) + 2), "Bernoulli KL");

                var bin = new Bin10(p);
                var binomial = new Binomial10EF(p);
                for (int k = 0; k <= 10; k++)
                {
                    double terms = Math.Abs(k * Math.Log(p)) + Math.Abs((10 - k) * Math.Log(1 - p)) + SpecialFunctions.LogBinomialCoefficient(10, k) + 10 * logit + 1;
                    Within(bin.LogPmf(k), binomial.LogPmf(k), 8 * Eps * terms, "Binomial log-pmf");
                }

                Within(bin.Entropy(), binomial.Entropy(), 64 * Eps * (10 * logit + 10), "Binomial entropy (a finite sum of −p·log p)");
                int[] flips = Enumerable.Range(0, 400).Select(_ => bin.Sample(random)).ToArray();
                Within(Bin10.Fit(flips).P, 1 / (1 + Math.Exp(-Binomial10EF.Fit(flips).Eta)), 32 * Eps, "Binomial p̂");
            }
        }

        [Fact]
        public void InverseGaussianMatchesItsDensityAndMoments()
        {
            var random = new Random(1607);
            for (int trial = 0; trial < 30; trial++)
            {
                double mean = 0.2 + (random.NextDouble() * 5), shape = 0.2 + (random.NextDouble() * 5);
                var p = new InverseGaussianEF(mean, shape);
                double x = 0.05 + (random.NextDouble() * 5);
                double expected = (0.5 * Math.Log(shape / (2 * Math.PI * x * x * x))) - (shape * (x - mean) * (x - mean) / (2 * mean * mean * x));
                double terms = Math.Abs(p.Eta1 * x) + Math.Abs(p.Eta2 / x) + Math.Abs(p.LogPartitionValue) + (1.5 * Math.Abs(Math.Log(x))) + 1;
                Within(expected, p.LogPdf(x), 16 * Eps * terms, "log-density");
                var (m1, m2) = p.ExpectedSufficientStatistics();
                Within(mean, m1, 8 * Eps * mean, "E[X]");
                Within((1 / mean) + (1 / shape), m2, 16 * Eps * ((1 / mean) + (1 / shape)), "E[1/X]");
            }

            Assert.Null(typeof(InverseGaussianEF).GetMethod("Entropy"));
        }

        /// <summary>
        /// log h = −log x − ½·log 2π is linear in T₁ = log x, so the generator derives E[log h] = −∇₁A − ½·log 2π and the
        /// entropy μ + ½·log(2πeσ²); bound as the normal's entropy, with the extra term −∇₁A = −μ.
        /// </summary>
        [Fact]
        public void LogNormalEntropyIsDerivedFromALinearBaseMeasure()
        {
            var random = new Random(1608);
            for (int trial = 0; trial < 30; trial++)
            {
                double mu = (random.NextDouble() * 6) - 3, variance = 0.1 + (random.NextDouble() * 4);
                var p = new LogNormalEF(mu, variance);
                var (m1, m2) = p.ExpectedSufficientStatistics();
                double terms = Math.Abs(p.LogPartitionValue) + Math.Abs(p.Eta1 * m1) + Math.Abs(p.Eta2 * m2) + Math.Abs(m1) + 1;
                Within(mu + (0.5 * Math.Log(2 * Math.PI * Math.E * variance)), p.Entropy(), 16 * Eps * terms, "log-normal entropy");
                double x = Math.Exp(mu + (random.NextDouble() * 2) - 1);
                double expected = -Math.Log(x) - (0.5 * Math.Log(2 * Math.PI * variance)) - ((Math.Log(x) - mu) * (Math.Log(x) - mu) / (2 * variance));
                Within(expected, p.LogPdf(x), 16 * Eps * (terms + Math.Abs(Math.Log(x) * (m1 + 1)) + (Math.Log(x) * Math.Log(x) / variance)), "log-normal log-density");
            }
        }

        /// <summary>
        /// The batch log-density: SIMD lanes evaluate the translated T and log h (the vector log within 1 ulp, so each term
        /// within 2 ulps), the remainder calls the scalar member; both agree within 8ε·(the terms' magnitudes). Lengths 0 … 37
        /// reach every vector width's loop and the scalar remainder; values outside the support give −∞ and NaN gives NaN in
        /// the vector lanes as in the scalar member.
        /// </summary>
        [Fact]
        public void BatchLogDensityAgreesWithTheScalarMember()
        {
            var random = new Random(1609);
            var normal = new NormalEF(0.7, 2.5);
            var gamma = new GammaEF(2.5, 1.5);
            var inverseGaussian = new InverseGaussianEF(1.5, 2);
            var exponential = new ExponentialEF(0.8);
            var logNormal = new LogNormalEF(0.3, 0.8);
            for (int n = 0; n <= 37; n++)
            {
                double[] values = Enumerable.Range(0, n).Select(i => i % 11 == 5 ? -1.0 : i % 13 == 7 ? double.NaN : i % 17 == 3 ? double.PositiveInfinity : random.NextDouble() * 6).ToArray();
                Check(values, normal.LogPdf, normal.LogPdf, x => Math.Abs(normal.Eta1 * x) + Math.Abs(normal.Eta2 * x * x) + Math.Abs(normal.LogPartitionValue) + 1);
                Check(values, gamma.LogPdf, gamma.LogPdf, x => Math.Abs(gamma.A * Math.Log(x)) + Math.Abs(gamma.B * x) + Math.Abs(gamma.LogPartitionValue) + 1);
                Check(values, inverseGaussian.LogPdf, inverseGaussian.LogPdf, x => Math.Abs(inverseGaussian.Eta1 * x) + Math.Abs(inverseGaussian.Eta2 / x) + Math.Abs(inverseGaussian.LogPartitionValue) + (1.5 * Math.Abs(Math.Log(x))) + 1);
                Check(values, exponential.LogPdf, exponential.LogPdf, x => Math.Abs(exponential.Eta * x) + Math.Abs(exponential.LogPartitionValue) + 1);
                Check(values, logNormal.LogPdf, logNormal.LogPdf, x => Math.Abs(logNormal.Eta1 * Math.Log(x)) + Math.Abs(logNormal.Eta2 * Math.Log(x) * Math.Log(x)) + Math.Abs(logNormal.LogPartitionValue) + Math.Abs(Math.Log(x)) + 2);
            }

            static void Check(double[] values, Func<double, double> scalar, SpanAction batch, Func<double, double> terms)
            {
                var destination = new double[values.Length + 1];
                destination[^1] = 42;
                batch(values, destination);
                Assert.Equal(42, destination[^1]);
                for (int i = 0; i < values.Length; i++)
                {
                    double expected = scalar(values[i]);
                    if (!double.IsFinite(expected))
                    {
                        Assert.Equal(expected, destination[i]);
                        continue;
                    }

                    Within(expected, destination[i], 8 * Eps * terms(values[i]), $"batch log-density at {values[i]:R} (n = {values.Length}, i = {i})");
                }
            }
        }

        private delegate void SpanAction(ReadOnlySpan<double> values, Span<double> destination);

        [Fact]
        public void InvalidParametersAndDataThrowNamingThem()
        {
            var invalid = Assert.Throws<ArgumentException>(() => new NormalEF(0, -1)); // η₂ = 0.5: log(−1) is NaN
            Assert.Contains("NormalEF(mean = 0, variance = -1): the natural parameters eta1 = -0, eta2 = 0.5 are outside the family's domain", invalid.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentOutOfRangeException>(() => new NormalEF(double.NaN, 1));
            Assert.False(NormalEF.TryCreate(0, 0, out _));
            Assert.True(NormalEF.TryCreate(0, 2, out var created));
            Assert.Equal(-0.25, created.Eta2);
            var natural = Assert.Throws<ArgumentException>(() => ExponentialEF.FromNaturalParameters(1));
            Assert.Equal("eta", natural.ParamName);
            Assert.False(ExponentialEF.TryFromNaturalParameters(0, out _));

            var outside = Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialEF.Fit(new[] { 1.0, 2.0, -0.5 }));
            Assert.Equal("samples", outside.ParamName);
            Assert.Contains("samples[2] is -0.5, outside the support x > 0", outside.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => ExponentialEF.Fit(ReadOnlySpan<double>.Empty));
            var boundary = Assert.Throws<ArgumentException>(() => NormalEF.Fit(new[] { 2.0, 2.0, 2.0 }));
            Assert.Contains("NormalEF.Fit: no maximum-likelihood estimate", boundary.Message, StringComparison.Ordinal);

            var law = new NormalEF(1, 4);
            Assert.True(double.IsNaN(law.LogPdf(double.NaN)));
            Assert.Equal(double.NegativeInfinity, law.LogPdf(double.PositiveInfinity));
            Assert.Equal(double.NegativeInfinity, new ExponentialEF(2).LogPdf(-1));
            Assert.Equal(0, new ExponentialEF(2).Pdf(-1));
            Assert.Throws<InvalidOperationException>(() => default(NormalEF).LogPdf(0));
            Assert.Throws<InvalidOperationException>(() => law.KLDivergence(default));
            Assert.Equal("NormalEF: ExponentialFamily(eta1 = 0.25, eta2 = -0.125)", law.ToString());

            var values = new[] { -1.0, 0, 3 };
            var destination = new double[3];
            law.LogPdf(values, destination);
            Assert.Equal(values.Select(law.LogPdf), destination);
            Assert.Equal(values.Sum(law.LogPdf), law.LogLikelihood(values));
        }

        private static double Gaussian(Random random) =>
            Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
