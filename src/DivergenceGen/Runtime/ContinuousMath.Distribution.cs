using System;

namespace DivergenceGen
{
    /// <content>
    /// The distribution and quantile functions of the continuous families. Each returns 0 below the support and 1 above
    /// it (NaN for NaN); each quantile takes a probability already checked to be in [0, 1] and returns the ends of the
    /// support at 0 and 1. Lower-tail accuracy comes from the special functions (<see cref="StandardNormal"/>,
    /// <see cref="IncompleteGamma"/>, <see cref="IncompleteBeta"/>: methods and measured errors there).
    /// </content>
    public static partial class ContinuousMath
    {
        /// <summary>P(X ≤ x) of Normal(μ, σ): Φ((x − μ)/σ).</summary>
        /// <param name="x">The value.</param>
        /// <param name="mean">μ.</param>
        /// <param name="standardDeviation">σ.</param>
        /// <returns>The probability.</returns>
        public static double NormalCdf(double x, double mean, double standardDeviation) =>
            StandardNormal.Cdf((x - mean) / standardDeviation);

        /// <summary>The quantile of Normal(μ, σ): μ + σ·Φ⁻¹(p) (−∞ at 0, +∞ at 1).</summary>
        /// <param name="probability">p ∈ [0, 1].</param>
        /// <param name="mean">μ.</param>
        /// <param name="standardDeviation">σ.</param>
        /// <returns>The quantile.</returns>
        public static double NormalQuantile(double probability, double mean, double standardDeviation) =>
            mean + (standardDeviation * StandardNormal.Quantile(probability));

        /// <summary>P(X ≤ x) of LogNormal(μ, σ): Φ((log x − μ)/σ), 0 for x ≤ 0.</summary>
        /// <param name="x">The value.</param>
        /// <param name="mu">μ.</param>
        /// <param name="sigma">σ.</param>
        /// <returns>The probability.</returns>
        public static double LogNormalCdf(double x, double mu, double sigma) =>
            x <= 0 ? 0.0 : StandardNormal.Cdf((Math.Log(x) - mu) / sigma);

        /// <summary>The quantile of LogNormal(μ, σ): exp(μ + σ·Φ⁻¹(p)) (0 at 0, +∞ at 1).</summary>
        /// <param name="probability">p ∈ [0, 1].</param>
        /// <param name="mu">μ.</param>
        /// <param name="sigma">σ.</param>
        /// <returns>The quantile.</returns>
        public static double LogNormalQuantile(double probability, double mu, double sigma) =>
            Math.Exp(mu + (sigma * StandardNormal.Quantile(probability)));

        /// <summary>P(X ≤ x) of Exponential(λ): −expm1(−λx) (exact for small λx), 0 for x ≤ 0.</summary>
        /// <param name="x">The value.</param>
        /// <param name="rate">λ.</param>
        /// <returns>The probability.</returns>
        public static double ExponentialCdf(double x, double rate) =>
            double.IsNaN(x) ? x : x <= 0 ? 0.0 : -ScalarMath.Expm1(-rate * x);

        /// <summary>The quantile of Exponential(λ): −log1p(−p)/λ (exact for small p; +∞ at 1).</summary>
        /// <param name="probability">p ∈ [0, 1].</param>
        /// <param name="rate">λ.</param>
        /// <returns>The quantile.</returns>
        public static double ExponentialQuantile(double probability, double rate) =>
            probability == 1 ? double.PositiveInfinity : -ScalarMath.Log1p(-probability) / rate;

        /// <summary>P(X ≤ x) of Gamma(α, β): the regularized lower incomplete gamma P(α, βx), 0 for x ≤ 0.</summary>
        /// <param name="x">The value.</param>
        /// <param name="shape">α.</param>
        /// <param name="rate">β.</param>
        /// <returns>The probability.</returns>
        public static double GammaCdf(double x, double shape, double rate) =>
            double.IsNaN(x) ? x : x <= 0 ? 0.0 : double.IsPositiveInfinity(x) ? 1.0 : IncompleteGamma.RegularizedLower(shape, rate * x);

        /// <summary>The quantile of Gamma(α, β): P⁻¹(α, p)/β (0 at 0, +∞ at 1).</summary>
        /// <param name="probability">p ∈ [0, 1].</param>
        /// <param name="shape">α.</param>
        /// <param name="rate">β.</param>
        /// <returns>The quantile.</returns>
        public static double GammaQuantile(double probability, double shape, double rate) =>
            IncompleteGamma.InverseLower(shape, probability) / rate;

        /// <summary>P(X ≤ x) of Beta(α, β): the regularized incomplete beta I_x(α, β), 0 for x ≤ 0, 1 for x ≥ 1.</summary>
        /// <param name="x">The value.</param>
        /// <param name="alpha">α.</param>
        /// <param name="beta">β.</param>
        /// <returns>The probability.</returns>
        public static double BetaCdf(double x, double alpha, double beta) =>
            double.IsNaN(x) ? x : x <= 0 ? 0.0 : x >= 1 ? 1.0 : IncompleteBeta.Regularized(alpha, beta, x);

        /// <summary>The quantile of Beta(α, β): I⁻¹(α, β, p) (0 at 0, 1 at 1).</summary>
        /// <param name="probability">p ∈ [0, 1].</param>
        /// <param name="alpha">α.</param>
        /// <param name="beta">β.</param>
        /// <returns>The quantile.</returns>
        public static double BetaQuantile(double probability, double alpha, double beta) =>
            IncompleteBeta.Inverse(alpha, beta, probability);

        /// <summary>
        /// P(X ≤ x) of Laplace(μ, b): ½·e^((x − μ)/b) below μ, 1 − ½·e^(−(x − μ)/b) from μ on (each tail with the
        /// relative accuracy of exp).
        /// </summary>
        /// <param name="x">The value.</param>
        /// <param name="location">μ.</param>
        /// <param name="scale">b.</param>
        /// <returns>The probability.</returns>
        public static double LaplaceCdf(double x, double location, double scale)
        {
            if (double.IsNaN(x))
            {
                return x;
            }

            double z = (x - location) / scale;
            return z < 0 ? 0.5 * Math.Exp(z) : 1 - (0.5 * Math.Exp(-z));
        }

        /// <summary>
        /// The quantile of Laplace(μ, b): μ + b·log(2p) below ½, μ − b·log(2(1 − p)) above (1 − p is exact there), ±∞ at 0
        /// and 1.
        /// </summary>
        /// <param name="probability">p ∈ [0, 1].</param>
        /// <param name="location">μ.</param>
        /// <param name="scale">b.</param>
        /// <returns>The quantile.</returns>
        public static double LaplaceQuantile(double probability, double location, double scale) =>
            probability < 0.5
                ? location + (scale * Math.Log(2 * probability))
                : location - (scale * Math.Log(2 * (1 - probability)));

        /// <summary>P(X ≤ x) of Uniform(lower, upper): (x − lower)/(upper − lower) inside, without overflow of the width.</summary>
        /// <param name="x">The value.</param>
        /// <param name="lower">The lower end.</param>
        /// <param name="upper">The upper end.</param>
        /// <returns>The probability.</returns>
        public static double UniformCdf(double x, double lower, double upper)
        {
            if (double.IsNaN(x))
            {
                return x;
            }

            if (x <= lower)
            {
                return 0.0;
            }

            if (x >= upper)
            {
                return 1.0;
            }

            double width = upper - lower;
            return double.IsPositiveInfinity(width)
                ? ((0.5 * x) - (0.5 * lower)) / ((0.5 * upper) - (0.5 * lower))
                : (x - lower) / width;
        }

        /// <summary>The quantile of Uniform(lower, upper): lower·(1 − p) + upper·p, exact at both ends, no overflow.</summary>
        /// <param name="probability">p ∈ [0, 1].</param>
        /// <param name="lower">The lower end.</param>
        /// <param name="upper">The upper end.</param>
        /// <returns>The quantile.</returns>
        public static double UniformQuantile(double probability, double lower, double upper)
        {
            double value = (lower * (1 - probability)) + (upper * probability);
            return Math.Min(Math.Max(value, lower), upper);
        }
    }
}
