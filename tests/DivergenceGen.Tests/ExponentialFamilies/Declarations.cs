using System;

namespace DivergenceGen.Tests.ExponentialFamilies
{
    /// <summary>The normal law N(μ, σ²): η = (μ/σ², −1/(2σ²)), T = (x, x²), A = −η₁²/(4η₂) − ½·log(−2η₂), log h = −½·log 2π.</summary>
    [ExponentialFamily(Support = Support.Reals)]
    public readonly partial struct NormalEF
    {
        private static (double, double) NaturalParameters(double mean = 0, double variance = 1) => (mean / variance, -0.5 / variance);

        private static (double, double) SufficientStatistics(double x) => (x, x * x);

        private static double LogPartition(double eta1, double eta2) => (-eta1 * eta1 / (4 * eta2)) - (0.5 * Math.Log(-2 * eta2));

        private static double LogBaseMeasure(double x) => -0.5 * Math.Log(2 * Math.PI);
    }

    /// <summary>The exponential law of rate λ: η = −λ, T = x, A = −log(−η), h = 1 (one natural parameter, a plain double).</summary>
    [ExponentialFamily(Support = Support.PositiveReals)]
    public sealed partial class ExponentialEF
    {
        private static double NaturalParameters(double rate = 1) => -rate;

        private static double SufficientStatistics(double x) => x;

        private static double LogPartition(double eta) => -Math.Log(-eta);

        private static double LogBaseMeasure(double x) => 0;
    }

    /// <summary>The gamma law (shape α, rate β): η = (α − 1, −β), T = (log x, x), A = ln Γ(η₁ + 1) − (η₁ + 1)·log(−η₂), h = 1.</summary>
    [ExponentialFamily(Support = Support.PositiveReals)]
    public readonly partial struct GammaEF
    {
        private static (double, double) NaturalParameters(double shape = 1, double rate = 1) => (shape - 1, -rate);

        private static (double, double) SufficientStatistics(double x) => (Math.Log(x), x);

        private static double LogPartition(double a, double b) => SpecialFunctions.LogGamma(a + 1) - ((a + 1) * Math.Log(-b));

        private static double LogBaseMeasure(double x) => 0;
    }

    /// <summary>Poisson: η = log λ, T = k, A = e^η, log h = −log k! (no ExpectedLogBaseMeasure: no entropy, DG0045).</summary>
    [ExponentialFamily(Support = Support.NonNegativeIntegers)]
    public readonly partial struct PoissonEF
    {
        private static double NaturalParameters(double rate = 1) => Math.Log(rate);

        private static double SufficientStatistics(int k) => k;

        private static double LogPartition(double eta) => Math.Exp(eta);

        private static double LogBaseMeasure(int k) => -SpecialFunctions.LogFactorial(k);
    }

    /// <summary>Bernoulli on {0, 1}: η = logit p, T = k, A = log(1 + e^η), h = 1.</summary>
    [ExponentialFamily(Support = Support.Outcomes, Outcomes = 2)]
    public readonly partial struct BernoulliEF
    {
        private static double NaturalParameters(double p = 0.5) => Math.Log(p) - double.LogP1(-p);

        private static double SufficientStatistics(int k) => k;

        private static double LogPartition(double eta) => eta > 0 ? eta + double.LogP1(Math.Exp(-eta)) : double.LogP1(Math.Exp(eta));

        private static double LogBaseMeasure(int k) => 0;
    }

    /// <summary>Binomial(10) on 0 … 10: η = logit p, T = k, A = 10·log(1 + e^η), log h = log C(10, k): the entropy sums over k.</summary>
    [ExponentialFamily(Support = Support.Outcomes, Outcomes = 11)]
    public sealed partial class Binomial10EF
    {
        private static double NaturalParameters(double p = 0.5) => Math.Log(p) - double.LogP1(-p);

        private static double SufficientStatistics(int k) => k;

        private static double LogPartition(double eta) => 10 * (eta > 0 ? eta + double.LogP1(Math.Exp(-eta)) : double.LogP1(Math.Exp(eta)));

        private static double LogBaseMeasure(int k) => SpecialFunctions.LogBinomialCoefficient(10, k);
    }

    /// <summary>The inverse Gaussian (mean μ, shape λ). E[log X] has no elementary form, so no ExpectedLogBaseMeasure: no entropy (DG0045).</summary>
    [ExponentialFamily(Support = Support.PositiveReals)]
    public readonly partial struct InverseGaussianEF
    {
        private static (double, double) NaturalParameters(double mean = 1, double shape = 1) => (-shape / (2 * mean * mean), -shape / 2);

        private static (double, double) SufficientStatistics(double x) => (x, 1 / x);

        private static double LogPartition(double eta1, double eta2) => (-2 * Math.Sqrt(eta1 * eta2)) - (0.5 * Math.Log(-2 * eta2));

        private static double LogBaseMeasure(double x) => (-0.5 * Math.Log(2 * Math.PI)) - (1.5 * Math.Log(x));
    }

    /// <summary>
    /// The log-normal law: η = (μ/σ², −1/(2σ²)), T = (log x, (log x)²), A as the normal's, log h = −log x − ½·log 2π, which
    /// is linear in T₁ = log x: E[log h] = −E[log X] − ½·log 2π, so the entropy is derived (μ + ½·log(2πeσ²)).
    /// </summary>
    [ExponentialFamily(Support = Support.PositiveReals)]
    public readonly partial struct LogNormalEF
    {
        private static (double, double) NaturalParameters(double mu = 0, double variance = 1) => (mu / variance, -0.5 / variance);

        private static (double, double) SufficientStatistics(double x) => (Math.Log(x), Math.Log(x) * Math.Log(x));

        private static double LogPartition(double eta1, double eta2) => (-eta1 * eta1 / (4 * eta2)) - (0.5 * Math.Log(-2 * eta2));

        private static double LogBaseMeasure(double x) => -Math.Log(x) - (0.5 * Math.Log(2 * Math.PI));
    }

    /// <summary>The beta law on 0 &lt; x &lt; 1: η = (α − 1, β − 1), T = (log x, log(1 − x)), A = ln B(η₁ + 1, η₂ + 1), h = 1.</summary>
    [ExponentialFamily(Support = Support.UnitInterval)]
    public readonly partial struct BetaEF
    {
        private static (double, double) NaturalParameters(double alpha = 1, double beta = 1) => (alpha - 1, beta - 1);

        private static (double, double) SufficientStatistics(double x) => (Math.Log(x), double.LogP1(-x));

        private static double LogPartition(double a, double b) =>
            SpecialFunctions.LogGamma(a + 1) + SpecialFunctions.LogGamma(b + 1) - SpecialFunctions.LogGamma(a + b + 2);

        private static double LogBaseMeasure(double x) => 0;
    }
}
