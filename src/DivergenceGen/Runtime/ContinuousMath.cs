using System;
using System.ComponentModel;

namespace DivergenceGen
{
    /// <summary>
    /// The numerics of the continuous families (<see cref="NormalAttribute"/>, <see cref="GammaAttribute"/>, …) that are
    /// not one short formula: log-densities and entropies that would cancel if written plainly, and same-family KL
    /// divergences written as sums of non-negative terms, so that P ≈ Q gives a small non-negative value with full relative
    /// accuracy instead of rounding noise. Generated code calls these; the parameters are already validated (finite,
    /// positive where required). ε = 2⁻⁵² below.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class ContinuousMath
    {
        /// <summary>½·ln(2π).</summary>
        private const double HalfLog2Pi = 0.9189385332046728;

        /// <summary>
        /// g(t) = t − log(1 + t) ≥ 0 for t &gt; −1, from the exact pieces a = x and c = x·(1 + t) (both &gt; 0) and their
        /// difference c − a = x·t: Loader's deviance bd0(a, c)/a = log(a/c) + c/a − 1 = t − log1p(t), with no cancellation
        /// where t is tiny (≈ t²/2) and no rounding of 1 + t.
        /// </summary>
        private static double LogOnePlusGap(double a, double c, double cMinusA) => ScalarMath.Deviance(a, c, -cMinusA) / a;

        /// <summary>
        /// r − 1 − log r ≥ 0 for r = c/a (a, c &gt; 0), with full relative accuracy where c ≈ a: both are first scaled by the
        /// same power of 2 (exact) so that a is near 1, and the difference is taken after the scaling (at a = 1e−300 and
        /// 1e−12 apart it would otherwise be subnormal and lose its digits); then Loader's deviance. Far apart (r outside
        /// [¼, 4]) the plain r − 1 − log r, which does not cancel there (r overflowing gives +∞, as the value does).
        /// </summary>
        /// <param name="a">The reference value, &gt; 0.</param>
        /// <param name="c">The other value, &gt; 0.</param>
        /// <returns>c/a − 1 − log(c/a).</returns>
        public static double RatioGap(double a, double c)
        {
            double r = c / a;
            if (!(r >= 0.25 && r <= 4))
            {
                return r - 1 - ScalarMath.LogRatio(c, a);
            }

            int e = Math.ILogB(a);
            double scaledA = Math.ScaleB(a, -e);
            double scaledC = Math.ScaleB(c, -e);
            return LogOnePlusGap(scaledA, scaledC, scaledC - scaledA);
        }

        /// <summary>
        /// e^(−t) − 1 + t ≥ 0 for t ≥ 0 (≈ t²/2 for small t): its Taylor series below ½ (no cancellation), else
        /// <c>expm1(−t) + t</c> (the sum is then ≥ 0.1·t, so it cancels by at most a factor 10).
        /// </summary>
        /// <param name="t">t ≥ 0 (+∞ gives +∞).</param>
        /// <returns>e^(−t) − 1 + t.</returns>
        public static double ExpMinusOnePlus(double t)
        {
            if (!(t < 0.5))
            {
                return ScalarMath.Expm1(-t) + t;
            }

            // Σ_{k≥2} (−t)^k/k! = t²·Σ_{j≥0} (−t)^j/(j + 2)!: 18 terms reach 2⁻⁷⁰ relative at t = ½.
            double sum = 0.0;
            for (int j = InverseFactorialsFrom2.Length - 1; j >= 0; j--)
            {
                sum = InverseFactorialsFrom2[j] + (-t * sum);
            }

            return t * t * sum;
        }

        /// <summary>1/(j + 2)! for j = 0 … 17.</summary>
        private static readonly double[] InverseFactorialsFrom2 = InverseFactorials(2, 18);

        private static double[] InverseFactorials(int from, int count)
        {
            var values = new double[count];
            double factorial = 1.0;
            for (int i = 2; i < from; i++)
            {
                factorial *= i;
            }

            for (int j = 0; j < count; j++)
            {
                factorial *= from + j;
                values[j] = 1.0 / factorial;
            }

            return values;
        }

        /// <summary>
        /// KL(Normal(μp, σp) ‖ Normal(μq, σq)) = ½((μp − μq)/σq)² + (σp/σq)²/2 − ½ − log(σp/σq), written with u = (σp − σq)/σq as
        /// ½((μp − μq)/σq)² + ½u² + (u − log1p(u)): three non-negative terms, the last from Loader's deviance on the exact
        /// difference σp − σq, so σp ≈ σq costs no digits (the plain form's expm1(2Δlog σ)/2 − Δlog σ cancels there).
        /// </summary>
        /// <param name="meanP">μ of P.</param>
        /// <param name="standardDeviationP">σ of P, &gt; 0.</param>
        /// <param name="meanQ">μ of Q.</param>
        /// <param name="standardDeviationQ">σ of Q, &gt; 0.</param>
        /// <returns>The divergence in nats (+∞ where it overflows).</returns>
        public static double NormalKLDivergence(double meanP, double standardDeviationP, double meanQ, double standardDeviationQ)
        {
            double z = (meanP - meanQ) / standardDeviationQ;
            double u = (standardDeviationP - standardDeviationQ) / standardDeviationQ;
            double gap = RatioGap(standardDeviationQ, standardDeviationP);
            return (0.5 * (z * z)) + (0.5 * (u * u)) + gap;
        }

        /// <summary>
        /// KL(Exponential(λp) ‖ Exponential(λq)) = log(λp/λq) + λq/λp − 1 = bd0(λp, λq)/λp (Loader's deviance on the exact
        /// difference, <see cref="RatioGap"/>): non-negative, full relative accuracy where λp ≈ λq, at any scale.
        /// </summary>
        /// <param name="rateP">λ of P, &gt; 0.</param>
        /// <param name="rateQ">λ of Q, &gt; 0.</param>
        /// <returns>The divergence in nats.</returns>
        public static double ExponentialKLDivergence(double rateP, double rateQ) => RatioGap(rateP, rateQ);

        /// <summary>
        /// KL(Laplace(μp, bp) ‖ Laplace(μq, bq)) = log(bq/bp) + |μp − μq|/bq + (bp/bq)·e^(−|μp − μq|/bp) − 1, written with r = bp/bq
        /// and t = |μp − μq|/bp as (r − 1 − log r) + r·(e^(−t) − 1 + t): two non-negative terms (the first Loader's deviance on
        /// the exact difference bp − bq), so near-equal laws get full relative accuracy (μ 1e−9 apart: 5e−19, not 0).
        /// </summary>
        /// <param name="locationP">μ of P.</param>
        /// <param name="scaleP">b of P, &gt; 0.</param>
        /// <param name="locationQ">μ of Q.</param>
        /// <param name="scaleQ">b of Q, &gt; 0.</param>
        /// <returns>The divergence in nats.</returns>
        public static double LaplaceKLDivergence(double locationP, double scaleP, double locationQ, double scaleQ)
        {
            double r = scaleP / scaleQ;
            double t = Math.Abs(locationP - locationQ) / scaleP;
            double scales = RatioGap(scaleQ, scaleP);
            return scales + (r * ExpMinusOnePlus(t));
        }

        /// <summary>
        /// KL(Uniform(lp, up) ‖ Uniform(lq, uq)) = log((uq − lq)/(up − lp)) where [lp, up] ⊆ [lq, uq], otherwise +∞ (P puts
        /// mass where Q has none). The widths are formed without overflow (halved where they would).
        /// </summary>
        /// <param name="lowerP">lower of P.</param>
        /// <param name="upperP">upper of P.</param>
        /// <param name="lowerQ">lower of Q.</param>
        /// <param name="upperQ">upper of Q.</param>
        /// <returns>The divergence in nats.</returns>
        public static double UniformKLDivergence(double lowerP, double upperP, double lowerQ, double upperQ)
        {
            if (!(lowerQ <= lowerP && upperP <= upperQ))
            {
                return double.PositiveInfinity;
            }

            double value = LogWidth(lowerQ, upperQ) - LogWidth(lowerP, upperP);
            return value > 0 ? value : 0.0;
        }

        /// <summary>log(upper − lower) for lower &lt; upper, without overflow of the difference (±1.7e308 give log 3.4e308).</summary>
        /// <param name="lower">The lower end.</param>
        /// <param name="upper">The upper end.</param>
        /// <returns>The log of the width.</returns>
        public static double LogWidth(double lower, double upper)
        {
            double width = upper - lower;
            return double.IsPositiveInfinity(width) ? Math.Log((0.5 * upper) - (0.5 * lower)) + 0.6931471805599453 : Math.Log(width);
        }

        /// <summary>The entropy of Uniform(lower, upper), log(upper − lower) (negative for a width below 1).</summary>
        /// <param name="lower">The lower end.</param>
        /// <param name="upper">The upper end.</param>
        /// <returns>The differential entropy in nats.</returns>
        public static double UniformEntropy(double lower, double upper) => LogWidth(lower, upper);

        /// <summary>
        /// lnΓ(c) − lnΓ(a) − (c − a)·ψ(a) ≥ 0: the Bregman divergence of lnΓ (convex), the shape part of the gamma and beta
        /// KL divergences. It is Σ_{m≥0} g((c − a)/(a + m)) with g(t) = t − log1p(t) ≥ 0 (from the Weierstrass product of Γ), so
        /// it keeps full relative accuracy where c ≈ a, where the plain difference of log-gammas loses everything.
        /// </summary>
        /// <remarks>
        /// With Δ = c − a: where 4|Δ| ≤ a + 64, the first M ≤ 64 terms are summed (each g from Loader's deviance on exact
        /// pieces) until x = a + M ≥ max(4|Δ|, 32), and the rest is Σ_{k≥2} (−Δ)^k·ζ(k, x)/k (|Δ|/x ≤ ¼: at most 28 terms),
        /// with ζ(k, x) by Euler–Maclaurin (8 Bernoulli terms; x ≥ 32). Otherwise, for a ≥ 16, the exact identity
        /// bd0(c, a) + ½·g(Δ/a) + [S(c) − S(a) − Δ·S′(a)] with S Stirling's remainder of lnΓ (every part ≥ 0, the bracket ≤ 1/(12a));
        /// for a &lt; 16 (then c &gt; 2a + 16) the plain difference, whose terms are no larger than the result.
        /// </remarks>
        /// <param name="a">The point of the expansion, &gt; 0.</param>
        /// <param name="c">The other shape, &gt; 0.</param>
        /// <returns>lnΓ(c) − lnΓ(a) − (c − a)·ψ(a).</returns>
        public static double LogGammaBregman(double a, double c) => LogGammaBregman(a, c, c - a);

        /// <summary>
        /// <see cref="LogGammaBregman(double, double)"/> with the difference c − a given exactly by the caller (the beta KL's
        /// (αq + βq) − (αp + βp) is (αq − αp) + (βq − βp), not the difference of the two rounded sums).
        /// </summary>
        /// <param name="a">The point of the expansion, &gt; 0.</param>
        /// <param name="c">The other shape, &gt; 0.</param>
        /// <param name="delta">c − a, as accurately as the caller knows it.</param>
        /// <returns>lnΓ(c) − lnΓ(a) − (c − a)·ψ(a).</returns>
        public static double LogGammaBregman(double a, double c, double delta)
        {
            if (delta == 0)
            {
                return 0.0;
            }

            double size = Math.Abs(delta);
            if (4 * size <= a + 64)
            {
                double x = Math.Max(a, Math.Max(4 * size, 32));
                int m = (int)Math.Ceiling(x - a);
                double sum = 0.0;
                for (int i = m - 1; i > 0; i--)
                {
                    sum += LogOnePlusGap(a + i, c + i, delta);
                }

                // The first term scaled by 2^−e(a) (exact): at a = 1e−300, Δ = 1e−312 bd0 would underflow to 0.
                if (m > 0)
                {
                    int e = Math.ILogB(a);
                    sum += LogOnePlusGap(Math.ScaleB(a, -e), Math.ScaleB(c, -e), Math.ScaleB(delta, -e));
                }

                return sum + ZetaTail(a + m, delta);
            }

            if (a >= 16)
            {
                double main = ScalarMath.Deviance(c, a, delta) + (0.5 * LogOnePlusGap(a, c, delta));
                double stirling = SpecialFunctions.StirlingError(c) - SpecialFunctions.StirlingError(a) - (delta * StirlingRemainderDerivative(a));
                return main + Math.Max(stirling, 0.0);
            }

            double plain = SpecialFunctions.LogGamma(c) - SpecialFunctions.LogGamma(a) - (delta * SpecialFunctions.Digamma(a));
            return plain > 0 ? plain : 0.0;
        }

        /// <summary>
        /// S′(x) = ψ(x) − log x + 1/(2x) = −Σ_{k≥1} B₂ₖ/(2k·x^{2k}) for x ≥ 10 (8 terms: the first omitted one is below
        /// 1e−18 of S′ at x = 10).
        /// </summary>
        internal static double StirlingRemainderDerivative(double x)
        {
            double r = 1.0 / (x * x);
            return -r * ((1.0 / 12) + (r * ((-1.0 / 120) + (r * ((1.0 / 252) + (r * ((-1.0 / 240) + (r * ((1.0 / 132)
                + (r * ((-691.0 / 32760) + (r * ((1.0 / 12) + (r * (-3617.0 / 8160)))))))))))))));
        }

        /// <summary>B₂ⱼ/(2j)! for j = 1 … 8.</summary>
        private static readonly double[] BernoulliOverFactorial =
        {
            1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160, -691.0 / 1307674368000, 1.0 / 74724249600,
            -3617.0 / 10670622842880000,
        };

        /// <summary>
        /// Σ_{m≥0} g(Δ/(x + m)) = Σ_{k≥2} (−Δ)^k·ζ(k, x)/k for |Δ| ≤ x/4, x ≥ 32, with
        /// ζ(k, x)·x^(k−1) = 1/(k − 1) + 1/(2x) + Σⱼ B₂ⱼ/(2j)!·k(k + 1)…(k + 2j − 2)/x^(2j) (Euler–Maclaurin).
        /// </summary>
        private static double ZetaTail(double x, double delta)
        {
            double u = -delta / x;
            double inverseSquare = 1.0 / (x * x);
            double sum = 0.0;
            double power = u; // u^(k−1)
            for (int k = 2; k <= 60; k++)
            {
                power *= u;
                double zeta = (1.0 / (k - 1)) + (0.5 / x);
                double rising = k; // k(k + 1)…(k + 2j − 2)
                double scale = inverseSquare;
                for (int j = 0; j < BernoulliOverFactorial.Length; j++)
                {
                    double term = BernoulliOverFactorial[j] * rising * scale;
                    zeta += term;
                    if (Math.Abs(term) < 1e-20 * zeta)
                    {
                        break;
                    }

                    rising *= (k + (2 * j) + 1) * (double)(k + (2 * j) + 2);
                    scale *= inverseSquare;
                }

                double add = power * zeta / k;
                sum += add;
                if (Math.Abs(add) < 1e-18 * Math.Abs(sum))
                {
                    break;
                }
            }

            return x * sum;
        }

        /// <summary>
        /// KL(Gamma(αp, βp) ‖ Gamma(αq, βq)) = (αp − αq)ψ(αp) − lnΓ(αp) + lnΓ(αq) + αq·log(βp/βq) + αp(βq − βp)/βp, written as
        /// [B(αp → αq) − bd0(αq, αp)] + αq·g(u) with B the Bregman divergence of lnΓ (<see cref="LogGammaBregman(double, double, double)"/>),
        /// g(u) = u − log1p(u) and 1 + u = (βq/βp)/(αq/αp) (Q's rate against the rate that would keep P's mean), u from an
        /// exact difference of products (FMA): both parts are ≥ 0. For αp ≥ 10 the bracket is ½·g(Δ/αp) + [S(αq) − S(αp) −
        /// Δ·S′(αp)] (S Stirling's remainder of lnΓ; Δ = αq − αp), each part ≥ 0 and the last by its Taylor series where
        /// |Δ| ≤ αp/4, so laws that differ by scaling shape and rate together (the same mean, a slightly different spread)
        /// keep full relative accuracy at a large shape; below 10 the bracket cancels by at most a factor ~2αp + 1.
        /// </summary>
        /// <param name="shapeP">α of P.</param>
        /// <param name="rateP">β of P.</param>
        /// <param name="shapeQ">α of Q.</param>
        /// <param name="rateQ">β of Q.</param>
        /// <returns>The divergence in nats, never negative.</returns>
        public static double GammaKLDivergence(double shapeP, double rateP, double shapeQ, double rateQ)
        {
            double delta = shapeQ - shapeP;

            // u = (βq·αp − βp·αq)/(βp·αq), the numerator exact to one rounding (two-product with FMA).
            double product = rateP * shapeQ;
            double productError = Math.FusedMultiplyAdd(rateP, shapeQ, -product);
            double u = (Math.FusedMultiplyAdd(rateQ, shapeP, -product) - productError) / product;
            double spread = double.IsInfinity(u) ? double.PositiveInfinity : u > 3 || u < -0.75
                ? u - ScalarMath.Log1p(u)
                : ScalarMath.Deviance(1, 1 + u, -u);

            double shapes;
            if (shapeP >= 10)
            {
                double t = delta / shapeP;
                shapes = (0.5 * ScalarMath.Deviance(1, 1 + t, -t)) + StirlingBregman(shapeP, shapeQ, delta);
            }
            else
            {
                shapes = LogGammaBregman(shapeP, shapeQ, delta) - ScalarMath.Deviance(shapeQ, shapeP, delta);
            }

            double value = Math.Max(shapes, 0.0) + (shapeQ * spread);
            return value > 0 ? value : 0.0;
        }

        /// <summary>B₂ⱼ/(2j(2j − 1)) for j = 1 … 8: the coefficients of Stirling's series S(x) = Σⱼ cⱼ·x^(1−2j).</summary>
        private static readonly double[] StirlingCoefficients =
        {
            1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360360, 1.0 / 156, -3617.0 / 122400,
        };

        /// <summary>
        /// S(c) − S(a) − (c − a)·S′(a) ≥ 0 for a ≥ 10 (S convex). Where |Δ| ≤ a/4, from Stirling's series term by term:
        /// cⱼ·a^(−n)·[(1 + t)^(−n) − 1 + n·t] with n = 2j − 1, t = Δ/a, the bracket by its binomial series (no cancellation);
        /// farther, the plain difference of <see cref="SpecialFunctions.StirlingError"/> values (then far below the rest of
        /// the divergence).
        /// </summary>
        internal static double StirlingBregman(double a, double c, double delta)
        {
            double t = delta / a;
            if (Math.Abs(t) > 0.25)
            {
                double plain = SpecialFunctions.StirlingError(c) - SpecialFunctions.StirlingError(a) - (delta * StirlingRemainderDerivative(a));
                return Math.Max(plain, 0.0);
            }

            double sum = 0.0;
            double inversePower = 1.0 / a; // a^(−n)
            double inverseSquare = inversePower * inversePower;
            for (int j = 0; j < StirlingCoefficients.Length; j++)
            {
                int n = (2 * j) + 1;

                // (1 + t)^(−n) − 1 + n·t = Σ_{k≥2} C(n + k − 1, k)·(−t)^k.
                double bracket = 0.0;
                double term = n * (-t); // C(n, 1)·(−t)
                for (int k = 2; k < 200; k++)
                {
                    term *= (n + k - 1) * -t / k;
                    bracket += term;
                    if (Math.Abs(term) <= 1e-18 * Math.Abs(bracket))
                    {
                        break;
                    }
                }

                sum += StirlingCoefficients[j] * inversePower * bracket;
                inversePower *= inverseSquare;
            }

            return sum;
        }

        /// <summary>
        /// KL(Beta(αp, βp) ‖ Beta(αq, βq)): the K = 2 Dirichlet divergence, <see cref="DirichletMath.KLDivergence{T}"/>
        /// (Beta(α, β) is Dirichlet(α, β) on the first coordinate; see there for the method and its measured bounds).
        /// </summary>
        /// <param name="alphaP">α of P.</param>
        /// <param name="betaP">β of P.</param>
        /// <param name="alphaQ">α of Q.</param>
        /// <param name="betaQ">β of Q.</param>
        /// <returns>The divergence in nats, never negative.</returns>
        public static double BetaKLDivergence(double alphaP, double betaP, double alphaQ, double betaQ)
        {
            Span<double> p = stackalloc double[] { alphaP, betaP };
            Span<double> q = stackalloc double[] { alphaQ, betaQ };
            return DirichletMath.KLDivergence<double>(p, q);
        }

        /// <summary>
        /// The entropy of Gamma(α, β): α − log β + lnΓ(α) + (1 − α)ψ(α). For α ≥ 10 it is written as
        /// ½·log α + ½(1 + log 2π) + S(α) − 1/(2α) − (α − 1)·S′(α) − log β (S Stirling's remainder of lnΓ), whose terms do not
        /// cancel: the plain form subtracts terms of size α·log α (1e10: 2e11, for a result of 13).
        /// </summary>
        /// <param name="shape">α &gt; 0.</param>
        /// <param name="rate">β &gt; 0.</param>
        /// <returns>The differential entropy in nats.</returns>
        public static double GammaEntropy(double shape, double rate)
        {
            if (shape >= 10)
            {
                return (0.5 * Math.Log(shape)) + 0.5 + HalfLog2Pi + SpecialFunctions.StirlingError(shape) - (0.5 / shape)
                    - ((shape - 1) * StirlingRemainderDerivative(shape)) - Math.Log(rate);
            }

            return shape - Math.Log(rate) + SpecialFunctions.LogGamma(shape) + ((1 - shape) * SpecialFunctions.Digamma(shape));
        }

        /// <summary>
        /// The entropy of Beta(α, β): ln B(α, β) − (α − 1)ψ(α) − (β − 1)ψ(β) + (α + β − 2)ψ(α + β), with s = α + β. That sum
        /// cancels terms of size α·log α for a large shape (1000: 3 digits), so: both shapes ≥ 10, Stirling's form
        /// ½·log(2παβ/s³) + ½ − 1/(2α) − 1/(2β) + 1/s + S(α) + S(β) − S(s) − (α − 1)S′(α) − (β − 1)S′(β) + (s − 2)S′(s) (S the
        /// remainder of lnΓ), whose terms are of the size of the result; one shape ≥ 10 (say β), the ψ(s) − ψ(β) that the
        /// large terms share is log1p(α/β) + 1/(2β) − 1/(2s) + S′(s) − S′(β) (no difference of two large digammas); else
        /// the plain sum with <see cref="LogBeta"/>.
        /// </summary>
        /// <param name="alpha">α &gt; 0.</param>
        /// <param name="beta">β &gt; 0.</param>
        /// <returns>The differential entropy in nats.</returns>
        public static double BetaEntropy(double alpha, double beta)
        {
            double s = alpha + beta;
            if (alpha >= 10 && beta >= 10)
            {
                double logs = Math.Log(2 * Math.PI) + Math.Log(alpha / s) + Math.Log(beta / s) - Math.Log(s);
                double rational = 0.5 - (0.5 / alpha) - (0.5 / beta) + (1 / s);
                double stirling = SpecialFunctions.StirlingError(alpha) + SpecialFunctions.StirlingError(beta) - SpecialFunctions.StirlingError(s)
                    - ((alpha - 1) * StirlingRemainderDerivative(alpha)) - ((beta - 1) * StirlingRemainderDerivative(beta))
                    + ((s - 2) * StirlingRemainderDerivative(s));
                return (0.5 * logs) + rational + stirling;
            }

            double small = Math.Min(alpha, beta);
            double large = Math.Max(alpha, beta);
            if (large >= 10)
            {
                double shift = ScalarMath.Log1p(small / large) + (0.5 / large) - (0.5 / s) + StirlingRemainderDerivative(s) - StirlingRemainderDerivative(large);
                return LogBeta(alpha, beta) - ((small - 1) * SpecialFunctions.Digamma(small)) + ((small - 1) * SpecialFunctions.Digamma(s))
                    + ((large - 1) * shift);
            }

            return LogBeta(alpha, beta) - ((alpha - 1) * SpecialFunctions.Digamma(alpha)) - ((beta - 1) * SpecialFunctions.Digamma(beta))
                + ((s - 2) * SpecialFunctions.Digamma(s));
        }

        /// <summary>
        /// ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a + b), without the cancellation of that sum for a large argument: with p ≤ q,
        /// p ≥ 10: ½·log 2π − ½·log q + S(p) + S(q) − S(p + q) + (p − ½)·log(p/(p + q)) + q·log1p(−p/(p + q));
        /// q ≥ 10 &gt; p: lnΓ(p) + S(q) − S(p + q) + p − p·log(p + q) + (q − ½)·log1p(−p/(p + q)); else the sum
        /// (S is Stirling's remainder of lnΓ; the forms are R's <c>lbeta</c>).
        /// </summary>
        /// <param name="a">a &gt; 0.</param>
        /// <param name="b">b &gt; 0.</param>
        /// <returns>ln B(a, b).</returns>
        public static double LogBeta(double a, double b)
        {
            double p = Math.Min(a, b);
            double q = Math.Max(a, b);
            double sum = p + q;
            if (p >= 10)
            {
                double correction = SpecialFunctions.StirlingError(p) + SpecialFunctions.StirlingError(q) - SpecialFunctions.StirlingError(sum);
                return HalfLog2Pi - (0.5 * Math.Log(q)) + correction + ((p - 0.5) * Math.Log(p / sum)) + (q * ScalarMath.Log1p(-p / sum));
            }

            if (q >= 10)
            {
                double correction = SpecialFunctions.StirlingError(q) - SpecialFunctions.StirlingError(sum);
                return SpecialFunctions.LogGamma(p) + correction + p - (p * Math.Log(sum)) + ((q - 0.5) * ScalarMath.Log1p(-p / sum));
            }

            return SpecialFunctions.LogGamma(p) + SpecialFunctions.LogGamma(q) - SpecialFunctions.LogGamma(sum);
        }

        /// <summary>
        /// log p(x) of Gamma(α, β) for x ≥ 0 (the caller returns −∞ below 0 and at +∞): Loader's saddle-point form, as R's
        /// dgamma: for α &gt; 1, log β + log of the Poisson probability of α − 1 at mean βx,
        /// −stirlerr(α − 1) − bd0(α − 1, βx) − ½·log(2π(α − 1)); for α ≤ 1, that probability at α plus log(α/x). The plain
        /// (α − 1)·log x − βx + α·log β − lnΓ(α) cancels for large α (1e6: 7 digits). x = 0: +∞ for α &lt; 1, log β for
        /// α = 1, −∞ for α &gt; 1.
        /// </summary>
        /// <param name="x">The value, 0 ≤ x &lt; ∞.</param>
        /// <param name="shape">α &gt; 0.</param>
        /// <param name="rate">β &gt; 0.</param>
        /// <returns>The log-density.</returns>
        public static double GammaLogPdf(double x, double shape, double rate)
        {
            double mean = rate * x;
            if (x == 0)
            {
                return shape < 1 ? double.PositiveInfinity : shape == 1 ? Math.Log(rate) : double.NegativeInfinity;
            }

            if (shape == 1)
            {
                return Math.Log(rate) - mean;
            }

            if (shape < 1)
            {
                return LogPoisson(shape, x, rate) + Math.Log(shape / x);
            }

            return Math.Log(rate) + LogPoisson(shape - 1, x, rate);
        }

        /// <summary>
        /// log(λᵏ·e^(−λ)/Γ(k + 1)) for real k &gt; 0 and λ = βx ≥ 0: −stirlerr(k) − bd0(k, λ) − ½·log(2πk) (Loader), −∞
        /// where λ is 0 or +∞; k − βx is formed with one rounding (FMA), so that a large k near βx keeps the digits of bd0 ≈ (k − λ)²/(2λ).
        /// </summary>
        private static double LogPoisson(double k, double x, double rate)
        {
            double mean = rate * x;
            if (mean == 0)
            {
                return double.NegativeInfinity;
            }

            if (double.IsPositiveInfinity(mean))
            {
                return double.NegativeInfinity;
            }

            return -SpecialFunctions.StirlingError(k) - ScalarMath.Deviance(k, mean, Math.FusedMultiplyAdd(-rate, x, k)) - (0.5 * Math.Log(2 * Math.PI * k));
        }

        /// <summary>
        /// log p(x) of Beta(α, β) for 0 ≤ x ≤ 1 (the caller returns −∞ outside): for α, β &gt; 2, R's dbeta form
        /// log(α + β − 1) + log of the binomial probability of α − 1 successes in α + β − 2 trials at x, by Loader's
        /// saddle point (no lnΓ differences, accurate for shapes up to 1e15); otherwise (α − 1)·log x + (β − 1)·log(1 − x)
        /// − ln B(α, β), with 0·log 0 = 0 at the ends (x = 0: +∞ for α &lt; 1, −ln B(1, β) = log β for α = 1, −∞ for α &gt; 1;
        /// the same at x = 1 with β). log(1 − x) is log1p(−x) below ½ and the log of the exact 1 − x above.
        /// </summary>
        /// <param name="x">The value in [0, 1].</param>
        /// <param name="alpha">α &gt; 0.</param>
        /// <param name="beta">β &gt; 0.</param>
        /// <returns>The log-density.</returns>
        public static double BetaLogPdf(double x, double alpha, double beta)
        {
            double logX = Math.Log(x);
            double log1mX = x < 0.5 ? ScalarMath.Log1p(-x) : Math.Log(1 - x);
            if (alpha > 2 && beta > 2 && x > 0 && x < 1)
            {
                double k = alpha - 1;
                double n = alpha + beta - 2;
                double successes = n * x;
                double failures = n * (1 - x);
                double surplus = Math.FusedMultiplyAdd(-n, x, k); // k − n·x, one rounding; (β − 1) − n(1 − x) = −(k − n·x) exactly
                double lc = SpecialFunctions.StirlingError(n) - SpecialFunctions.StirlingError(k) - SpecialFunctions.StirlingError(beta - 1)
                    - ScalarMath.Deviance(k, successes, surplus) - ScalarMath.Deviance(beta - 1, failures, -surplus);
                double lf = Math.Log(2 * Math.PI) + Math.Log(k) + ScalarMath.Log1p(-k / n);
                return Math.Log(alpha + beta - 1) + lc - (0.5 * lf);
            }

            double left = alpha == 1 ? 0.0 : (alpha - 1) * logX;
            double right = beta == 1 ? 0.0 : (beta - 1) * log1mX;
            return left + right - LogBeta(alpha, beta);
        }

        /// <summary>
        /// The part of Gamma(α, β)'s log-density (<see cref="GammaLogPdf"/>'s saddle-point form) that does not depend on x:
        /// log β − stirlerr(α − 1) − ½·log(2π(α − 1)) for α &gt; 1, log β for α = 1, log α − stirlerr(α) − ½·log(2πα) for α &lt; 1;
        /// then log p(x) = c − bd0(k, βx) − [α &lt; 1]·log x with k = α − 1 (α ≥ 1) or α, for 0 &lt; x &lt; ∞.
        /// </summary>
        /// <param name="shape">α &gt; 0.</param>
        /// <param name="rate">β &gt; 0.</param>
        /// <returns>The constant.</returns>
        public static double GammaLogPdfConstant(double shape, double rate)
        {
            if (shape > 1)
            {
                double k = shape - 1;
                return Math.Log(rate) - SpecialFunctions.StirlingError(k) - (0.5 * Math.Log(2 * Math.PI * k));
            }

            return shape == 1
                ? Math.Log(rate)
                : Math.Log(shape) - SpecialFunctions.StirlingError(shape) - (0.5 * Math.Log(2 * Math.PI * shape));
        }

        /// <summary>
        /// For α, β &gt; 2, the part of Beta(α, β)'s log-density (<see cref="BetaLogPdf"/>'s binomial form) that does not depend on
        /// x: log(α + β − 1) + stirlerr(n) − stirlerr(α − 1) − stirlerr(β − 1) − ½·(log 2π + log(α − 1) + log1p(−(α − 1)/n)),
        /// n = α + β − 2; then log p(x) = c − bd0(α − 1, n·x) − bd0(β − 1, n·(1 − x)) for 0 &lt; x &lt; 1. NaN for other shapes
        /// (the form is not used there).
        /// </summary>
        /// <param name="alpha">α.</param>
        /// <param name="beta">β.</param>
        /// <returns>The constant.</returns>
        public static double BetaLogPdfConstant(double alpha, double beta)
        {
            if (!(alpha > 2 && beta > 2))
            {
                return double.NaN;
            }

            double k = alpha - 1;
            double n = alpha + beta - 2;
            double lc = SpecialFunctions.StirlingError(n) - SpecialFunctions.StirlingError(k) - SpecialFunctions.StirlingError(beta - 1);
            double lf = Math.Log(2 * Math.PI) + Math.Log(k) + ScalarMath.Log1p(-k / n);
            return Math.Log(alpha + beta - 1) + lc - (0.5 * lf);
        }

        /// <summary>E[X] = exp(μ + σ²/2) of LogNormal(μ, σ) (+∞ where it overflows).</summary>
        /// <param name="mu">μ.</param>
        /// <param name="sigma">σ.</param>
        /// <returns>The mean.</returns>
        public static double LogNormalMean(double mu, double sigma) => Math.Exp(mu + (0.5 * sigma * sigma));

        /// <summary>Var[X] = expm1(σ²)·exp(2μ + σ²) of LogNormal(μ, σ) (expm1: exact for small σ; +∞ where it overflows).</summary>
        /// <param name="mu">μ.</param>
        /// <param name="sigma">σ.</param>
        /// <returns>The variance.</returns>
        public static double LogNormalVariance(double mu, double sigma)
        {
            double s2 = sigma * sigma;
            return ScalarMath.Expm1(s2) * Math.Exp((2 * mu) + s2);
        }

        /// <summary>Var[X] = αβ/((α + β)²(α + β + 1)) of Beta(α, β), as (α/(α + β))·(β/(α + β))/(α + β + 1) (no overflow).</summary>
        /// <param name="alpha">α.</param>
        /// <param name="beta">β.</param>
        /// <returns>The variance.</returns>
        public static double BetaVariance(double alpha, double beta)
        {
            double sum = alpha + beta;
            return alpha / sum * (beta / sum) / (sum + 1);
        }

        /// <summary>Var[X] = (upper − lower)²/12 of Uniform(lower, upper) (+∞ only where the variance itself overflows).</summary>
        /// <param name="lower">The lower end.</param>
        /// <param name="upper">The upper end.</param>
        /// <returns>The variance.</returns>
        public static double UniformVariance(double lower, double upper)
        {
            double width = upper - lower;
            if (double.IsPositiveInfinity(width))
            {
                double half = (0.5 * upper) - (0.5 * lower);
                return half * half / 3;
            }

            return width * width / 12;
        }
    }
}
