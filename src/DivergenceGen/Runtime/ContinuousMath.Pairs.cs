using System;

namespace DivergenceGen
{
    /// <content>
    /// Expectations under one continuous law that another family's log-density needs, for the divergences between two
    /// continuous families (generated <c>[KLDivergence]</c>/<c>[CrossEntropy]</c> methods: H(P, Q) = −E_P[log q(X)]). Each
    /// is written from the smaller tail or as a sum of non-negative parts where a plain form would cancel.
    /// </content>
    public static partial class ContinuousMath
    {
        /// <summary>1/√(2π).</summary>
        private const double InverseSqrt2Pi = 0.3989422804014327;

        /// <summary>
        /// E|X − m| for X ~ Normal(μ, σ): σ·(2φ(z) + z·(2Φ(z) − 1)), z = (μ − m)/σ, with 2Φ(z) − 1 = sign(z)·(1 − 2Φ(−|z|))
        /// (no cancellation in the tail).
        /// </summary>
        /// <param name="mean">μ.</param>
        /// <param name="standardDeviation">σ.</param>
        /// <param name="m">The point.</param>
        /// <returns>The mean absolute deviation about m.</returns>
        public static double NormalAbsoluteDeviation(double mean, double standardDeviation, double m)
        {
            double z = Math.Abs(mean - m) / standardDeviation;
            double density = InverseSqrt2Pi * Math.Exp(-0.5 * z * z);
            return standardDeviation * ((2 * density) + (z * (1 - (2 * StandardNormal.Cdf(-z)))));
        }

        /// <summary>
        /// E|X − m| for X ~ LogNormal(μ, σ): |E[X] − m| plus twice the smaller partial expectation, m·Φ(a) − E[X]·Φ(a − σ)
        /// below m or E[X]·Φ(σ − a) − m·Φ(−a) above it, a = (log m − μ)/σ; E[X] − m for m ≤ 0.
        /// </summary>
        /// <param name="mu">μ.</param>
        /// <param name="sigma">σ.</param>
        /// <param name="m">The point.</param>
        /// <returns>The mean absolute deviation about m.</returns>
        public static double LogNormalAbsoluteDeviation(double mu, double sigma, double m)
        {
            double mean = LogNormalMean(mu, sigma);
            if (m <= 0)
            {
                return mean - m;
            }

            double a = (Math.Log(m) - mu) / sigma;
            return a <= 0
                ? mean - m + (2 * ((m * StandardNormal.Cdf(a)) - (mean * StandardNormal.Cdf(a - sigma))))
                : m - mean + (2 * ((mean * StandardNormal.Cdf(sigma - a)) - (m * StandardNormal.Cdf(-a))));
        }

        /// <summary>E|X − m| for X ~ Exponential(λ): 1/λ − m for m ≤ 0, else m − 1/λ + 2e^(−λm)/λ.</summary>
        /// <param name="rate">λ.</param>
        /// <param name="m">The point.</param>
        /// <returns>The mean absolute deviation about m.</returns>
        public static double ExponentialAbsoluteDeviation(double rate, double m) =>
            m <= 0 ? (1 / rate) - m : m - (1 / rate) + (2 * Math.Exp(-rate * m) / rate);

        /// <summary>
        /// E|X − m| for X ~ Gamma(α, β), mean μ = α/β: μ − m for m ≤ 0; else |μ − m| plus twice the partial expectation of
        /// the smaller side, m·P(α, βm) − μ·P(α + 1, βm) below the mean or μ·Q(α + 1, βm) − m·Q(α, βm) above it (P, Q the
        /// regularized incomplete gammas).
        /// </summary>
        /// <param name="shape">α.</param>
        /// <param name="rate">β.</param>
        /// <param name="m">The point.</param>
        /// <returns>The mean absolute deviation about m.</returns>
        public static double GammaAbsoluteDeviation(double shape, double rate, double m)
        {
            double mean = shape / rate;
            if (m <= 0)
            {
                return mean - m;
            }

            double x = rate * m;
            return m <= mean
                ? mean - m + (2 * ((m * IncompleteGamma.RegularizedLower(shape, x)) - (mean * IncompleteGamma.RegularizedLower(shape + 1, x))))
                : m - mean + (2 * ((mean * IncompleteGamma.RegularizedUpper(shape + 1, x)) - (m * IncompleteGamma.RegularizedUpper(shape, x))));
        }

        /// <summary>
        /// E|X − m| for X ~ Beta(α, β), mean μ = α/(α + β): |μ − m| outside (0, 1); inside, |μ − m| plus twice the partial
        /// expectation of the smaller side, m·I_m(α, β) − μ·I_m(α + 1, β) below the mean, μ·(1 − I_m(α + 1, β)) −
        /// m·(1 − I_m(α, β)) above it (the complements computed directly).
        /// </summary>
        /// <param name="alpha">α.</param>
        /// <param name="beta">β.</param>
        /// <param name="m">The point.</param>
        /// <returns>The mean absolute deviation about m.</returns>
        public static double BetaAbsoluteDeviation(double alpha, double beta, double m)
        {
            double mean = alpha / (alpha + beta);
            if (m <= 0 || m >= 1)
            {
                return Math.Abs(mean - m);
            }

            return m <= mean
                ? mean - m + (2 * ((m * IncompleteBeta.Regularized(alpha, beta, m)) - (mean * IncompleteBeta.Regularized(alpha + 1, beta, m))))
                : m - mean + (2 * ((mean * IncompleteBeta.RegularizedComplement(alpha + 1, beta, m)) - (m * IncompleteBeta.RegularizedComplement(alpha, beta, m))));
        }

        /// <summary>E|X − m| for X ~ Laplace(μ, b): d + b·e^(−d/b), d = |μ − m|.</summary>
        /// <param name="location">μ.</param>
        /// <param name="scale">b.</param>
        /// <param name="m">The point.</param>
        /// <returns>The mean absolute deviation about m.</returns>
        public static double LaplaceAbsoluteDeviation(double location, double scale, double m)
        {
            double d = Math.Abs(location - m);
            return d + (scale * Math.Exp(-d / scale));
        }

        /// <summary>
        /// E|X − m| for X ~ Uniform(l, u): |mean − m| outside [l, u], else ((m − l)² + (u − m)²)/(2(u − l)), written as
        /// (A·(A/W) + C·(C/W))/2 with A = m − l, C = u − m, W = A + C (in halves where the width overflows).
        /// </summary>
        /// <param name="lower">l.</param>
        /// <param name="upper">u.</param>
        /// <param name="m">The point.</param>
        /// <returns>The mean absolute deviation about m.</returns>
        public static double UniformAbsoluteDeviation(double lower, double upper, double m)
        {
            if (m <= lower || m >= upper)
            {
                return Math.Abs((0.5 * lower) + (0.5 * upper) - m);
            }

            double a = m - lower, c = upper - m, w = upper - lower;
            if (double.IsInfinity(a) || double.IsInfinity(c) || double.IsInfinity(w))
            {
                a = (0.5 * m) - (0.5 * lower);
                c = (0.5 * upper) - (0.5 * m);
                w = a + c;
                return (a * (a / w)) + (c * (c / w));
            }

            return 0.5 * ((a * (a / w)) + (c * (c / w)));
        }

        /// <summary>
        /// E[log X] for X ~ Uniform(l, u), 0 ≤ l &lt; u (NaN for l &lt; 0): with t = l/u ≤ ⅓, log u − t·log t/(1 − t) − 1
        /// (0 at t = 0); closer, about the midpoint c, log c − Σ_{k≥1} r^{2k}/(2k(2k + 1)), r = (u − l)/(u + l) &lt; ½ (the
        /// difference quotient of x·log x would cancel for a narrow interval).
        /// </summary>
        /// <param name="lower">l ≥ 0.</param>
        /// <param name="upper">u &gt; l.</param>
        /// <returns>E[log X].</returns>
        public static double UniformMeanLog(double lower, double upper)
        {
            if (!(lower >= 0))
            {
                return double.NaN;
            }

            double t = lower / upper;
            if (t <= 1.0 / 3)
            {
                return Math.Log(upper) - (t == 0 ? 0 : t * Math.Log(t) / (1 - t)) - 1;
            }

            double half = (0.5 * upper) - (0.5 * lower);
            double center = (0.5 * upper) + (0.5 * lower);
            double r = half / center;
            double r2 = r * r;
            double sum = 0, power = 1;
            for (int k = 1; k < 80; k++)
            {
                power *= r2;
                double term = power / (2 * k * ((2 * k) + 1.0));
                sum += term;
                if (term < 1e-18 * sum)
                {
                    break;
                }
            }

            return Math.Log(center) - sum;
        }

        /// <summary>
        /// Var[log X] for X ~ Uniform(l, u), 0 ≤ l &lt; u (NaN for l &lt; 0): with t = l/u ≤ ⅓, E[Y²] − E[Y]² for
        /// Y = log(X/u), E[Y] = −t·log t/(1 − t) − 1, E[Y²] = (2 − t(log²t − 2·log t + 2))/(1 − t) (1 at t = 0); closer, a
        /// 20-point Gauss–Legendre sum of (log1p(r·v) − mean)² over v ∈ [−1, 1], r = (u − l)/(u + l) &lt; ½ (the integrand
        /// is analytic for |v| &lt; 2: the sum is exact to rounding, and has no cancellation).
        /// </summary>
        /// <param name="lower">l ≥ 0.</param>
        /// <param name="upper">u &gt; l.</param>
        /// <returns>Var[log X].</returns>
        public static double UniformVarianceLog(double lower, double upper)
        {
            if (!(lower >= 0))
            {
                return double.NaN;
            }

            double t = lower / upper;
            if (t <= 1.0 / 3)
            {
                if (t == 0)
                {
                    return 1.0;
                }

                double logT = Math.Log(t);
                double mean = (-t * logT / (1 - t)) - 1;
                double square = (2 - (t * ((logT * logT) - (2 * logT) + 2))) / (1 - t);
                return square - (mean * mean);
            }

            double r = ((0.5 * upper) - (0.5 * lower)) / ((0.5 * upper) + (0.5 * lower));
            double average = 0;
            for (int i = 0; i < LegendreNodes.Length; i++)
            {
                average += LegendreWeights[i] * ScalarMath.Log1p(r * LegendreNodes[i]);
            }

            average *= 0.5;
            double variance = 0;
            for (int i = 0; i < LegendreNodes.Length; i++)
            {
                double d = ScalarMath.Log1p(r * LegendreNodes[i]) - average;
                variance += LegendreWeights[i] * d * d;
            }

            return 0.5 * variance;
        }

        /// <summary>The 20-point Gauss–Legendre nodes on [−1, 1] (±x for the ten positive ones).</summary>
        private static readonly double[] LegendreNodes = Legendre().Nodes;

        /// <summary>Their weights.</summary>
        private static readonly double[] LegendreWeights = Legendre().Weights;

        /// <summary>Nodes and weights of the 20-point Gauss–Legendre rule, by Newton's method on P₂₀ (converged to rounding).</summary>
        private static (double[] Nodes, double[] Weights) Legendre()
        {
            const int n = 20;
            var nodes = new double[n];
            var weights = new double[n];
            for (int i = 0; i < n; i++)
            {
                double x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
                double derivative = 0;
                for (int iteration = 0; iteration < 100; iteration++)
                {
                    double p0 = 1, p1 = x;
                    for (int k = 2; k <= n; k++)
                    {
                        double p2 = ((((2 * k) - 1) * x * p1) - ((k - 1) * p0)) / k;
                        p0 = p1;
                        p1 = p2;
                    }

                    derivative = n * ((x * p1) - p0) / ((x * x) - 1);
                    double step = p1 / derivative;
                    x -= step;
                    if (Math.Abs(step) < 1e-17)
                    {
                        break;
                    }
                }

                nodes[i] = x;
                weights[i] = 2 / ((1 - (x * x)) * derivative * derivative);
            }

            return (nodes, weights);
        }
    }
}
