using System;
using System.ComponentModel;

namespace DivergenceGen
{
    /// <summary>
    /// The standard normal distribution function Φ(z), its complement 1 − Φ(z) = Φ(−z), ln Φ(z) and the quantile
    /// Φ⁻¹(p), in double, each with relative accuracy in its tails (down to where the result underflows). Generated code
    /// for the continuous families (Normal, LogNormal) calls these.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Φ is computed as Cody's ANORM does (W. J. Cody, "Rational Chebyshev approximations for the error function",
    /// Math. Comp. 23, 1969; ACM TOMS Algorithm 715, 1993), directly in z, not as ½erfc(−z/√2) (rounding z/√2 would
    /// cost |z|²·2⁻⁵³ relative far in the tail, 700ε at z = −37): for |z| ≤ 0.66291 Φ(z) = ½ + z·A(z²)/B(z²); above,
    /// the smaller tail Φ(−|z|) = e^(−z²/2)·R(|z|) with R a rational function of |z| up to √32 and of 1/z² beyond.
    /// Where Cody splits z² by truncating z to 1/16 and multiplies two exponentials, z² is split exactly here by FMA
    /// (z² = h + l) and e^(−h/2 − l/2)·R is formed with one exponential of an exact argument and the power of 2 applied
    /// last (<see cref="IncompleteGamma"/>'s ExpTimes), so a subnormal Φ(−38) is rounded once. The larger side is
    /// 1 minus the smaller (≥ ½, so the subtraction costs ≤ 1 bit).
    /// </para>
    /// <para>
    /// The quantile starts from Wichura's AS 241 (PPND16, Appl. Statist. 37, 1988; ~1e−16 relative) on the lower half
    /// p ≤ ½ (the upper half is −Φ⁻¹(1 − p), and 1 − p is exact there), and takes one Halley step against the Φ above: in
    /// the tail on ln Φ(x) − ln p (exact exponent, no underflow, so p down to 5e−324 works), in the centre on
    /// Φ(x) − ½ − (p − ½) with both differences exact.
    /// </para>
    /// <para>
    /// Accuracy is measured against 50-digit mpmath (tests/DivergenceGen.Tests/Runtime/StandardNormalTests.cs,
    /// reference/continuous_special.json): see each member; ε = 2⁻⁵² = 2.2e−16. No member allocates or throws.
    /// </para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class StandardNormal
    {
        /// <summary>Cody's switch between the central rational function and the tail forms.</summary>
        private const double CentralMaxAbsZ = 0.66291;

        /// <summary>√32: Cody's switch between the tail's rational function in |z| and the one in 1/z².</summary>
        private const double Root32 = 5.656854249492381;

        /// <summary>Φ(−z) = 0 in double for z above this (Φ(−39) = 1.2e−333 is below half the least subnormal).</summary>
        private const double TailUnderflowZ = 39.0;

        /// <summary>Above this |z|, ln Φ(−|z|) = −z²/2 − ln|z| − ½ln 2π (the next term, −1/z², is below 1e−300).</summary>
        private const double LogAsymptoticZ = 1e150;

        /// <summary>1/√(2π).</summary>
        private const double InvSqrtTwoPi = 0.3989422804014327;

        /// <summary>√(2π).</summary>
        private const double SqrtTwoPi = 2.5066282746310002;

        /// <summary>½·ln(2π).</summary>
        private const double HalfLogTwoPi = 0.9189385332046728;

        /// <summary>AS 241: |p − ½| ≤ this uses the central rational function.</summary>
        private const double QuantileCentralMaxQ = 0.425;

        /// <summary>AS 241: r = √(−ln p) ≤ this uses the intermediate rational function, above it the far-tail one.</summary>
        private const double QuantileFarR = 5.0;

        /// <summary>Cody's central numerator, z·(((a₄s + a₀)s + a₁)s + a₂)s + a₃), s = z².</summary>
        private static readonly double[] CentralNumerator =
        {
            2.2352520354606839287e00, 1.6102823106855587881e02, 1.0676894854603709582e03, 1.8154981253343561249e04,
            6.5682337918207449113e-2,
        };

        /// <summary>Cody's central denominator ((((s + b₀)s + b₁)s + b₂)s + b₃).</summary>
        private static readonly double[] CentralDenominator =
        {
            4.7202581904688241870e01, 9.7609855173777669322e02, 1.0260932208618978205e04, 4.5507789335026729956e04,
        };

        /// <summary>Cody's R(y) for 0.66291 &lt; y ≤ √32, numerator (c₈ is the leading coefficient).</summary>
        private static readonly double[] MiddleNumerator =
        {
            3.9894151208813466764e-1, 8.8831497943883759412e00, 9.3506656132177855979e01, 5.9727027639480026226e02,
            2.4945375852903726711e03, 6.8481904505362823326e03, 1.1602651437647350124e04, 9.8427148383839780218e03,
            1.0765576773720192317e-8,
        };

        /// <summary>Cody's R(y) for 0.66291 &lt; y ≤ √32, denominator (monic).</summary>
        private static readonly double[] MiddleDenominator =
        {
            2.2266688044328115691e01, 2.3538790178262499861e02, 1.5193775994075548050e03, 6.4855582982667607550e03,
            1.8615571640885098091e04, 3.4900952721145977266e04, 3.8912003286093271411e04, 1.9685429676859990727e04,
        };

        /// <summary>Cody's R(y) = (1/√(2π) − s·P(s)/Q(s))/y for y &gt; √32, s = 1/y², numerator.</summary>
        private static readonly double[] FarNumerator =
        {
            2.1589853405795699e-1, 1.274011611602473639e-1, 2.2235277870649807e-2, 1.421619193227893466e-3,
            2.9112874951168792e-5, 2.307344176494017303e-2,
        };

        /// <summary>Cody's far-tail denominator (monic).</summary>
        private static readonly double[] FarDenominator =
        {
            1.28426009614491121e00, 4.68238212480865118e-1, 6.59881378689285515e-2, 3.78239633202758244e-3,
            7.29751555083966205e-5,
        };

        /// <summary>AS 241 (PPND16), |p − ½| ≤ 0.425: numerator in r = 0.180625 − q², lowest degree first.</summary>
        private static readonly double[] QuantileA =
        {
            3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
            4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3,
        };

        /// <summary>AS 241 central denominator.</summary>
        private static readonly double[] QuantileB =
        {
            1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
            2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3,
        };

        /// <summary>AS 241, r = √(−ln p) ≤ 5: numerator in r − 1.6.</summary>
        private static readonly double[] QuantileC =
        {
            1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
            1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
        };

        /// <summary>AS 241 intermediate denominator.</summary>
        private static readonly double[] QuantileD =
        {
            1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
            1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9,
        };

        /// <summary>AS 241, r &gt; 5: numerator in r − 5.</summary>
        private static readonly double[] QuantileE =
        {
            6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
            2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
        };

        /// <summary>AS 241 far-tail denominator.</summary>
        private static readonly double[] QuantileF =
        {
            1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
            7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15,
        };

        /// <summary>The standard normal distribution function Φ(z) = P(Z ≤ z).</summary>
        /// <remarks>
        /// Φ(−∞) = 0, Φ(+∞) = 1, NaN for NaN. Relative accuracy in the lower tail down to the least subnormal
        /// (z ≈ −38.4; 0 below); above 0 it is 1 − Φ(−z), accurate to ½ ulp of 1 there. Measured against 50-digit
        /// mpmath at 263 points over [−38.5, 38.5]: at most 1.3ε relative (|z| ≤ 0.66291: 0.99ε; up to √32: 1.23ε;
        /// beyond: 1.30ε); <see cref="Complement"/> at most 1.50ε. The tests allow 2ε.
        /// </remarks>
        /// <param name="z">The argument.</param>
        /// <returns>Φ(z) ∈ [0, 1].</returns>
        public static double Cdf(double z)
        {
            if (double.IsNaN(z))
            {
                return z;
            }

            double y = Math.Abs(z);
            if (y <= CentralMaxAbsZ)
            {
                return 0.5 + Central(z);
            }

            double tail = Tail(y);
            return z < 0 ? tail : 1.0 - tail;
        }

        /// <summary>The standard normal survival function 1 − Φ(z) = Φ(−z) = P(Z &gt; z).</summary>
        /// <remarks>
        /// Exactly <see cref="Cdf"/>(−z) (negation is exact): relative accuracy in the upper tail, 0 above z ≈ 38.4.
        /// </remarks>
        /// <param name="z">The argument.</param>
        /// <returns>1 − Φ(z) ∈ [0, 1].</returns>
        public static double Complement(double z) => Cdf(-z);

        /// <summary>ln Φ(z), finite for every finite z whose −z²/2 is finite.</summary>
        /// <remarks>
        /// For z below −0.66291: −h/2 + (−l/2 + ln R(−z)) with z² = h + l exactly, so no exponential and no underflow:
        /// ln Φ(−40) = −804.6 and ln Φ(−1e10) = −5e19 are finite; above |z| = 1e150, −z²/2 − ln|z| − ½ln 2π, which is
        /// −∞ only past z ≈ −1.9e154, where −z²/2 itself overflows. For |z| ≤ 0.66291 ln(½ + t) (z ≤ 0) or
        /// log1p(−(½ − t)) (z &gt; 0), t = Φ(z) − ½; above, log1p(−Φ(−z)), so ln Φ ≈ −Φ(−z) keeps relative accuracy for
        /// large z (0 only once Φ(−z) underflows). ln Φ(+∞) = 0, ln Φ(−∞) = −∞, NaN for NaN. Measured against
        /// 50-digit mpmath at 272 points (z from −1e150 to 38.5): at most 1.49ε relative (z &gt; 0, log1p(−Φ(−z)));
        /// z ≤ 0 at most 0.96ε; the tests allow 2ε.
        /// </remarks>
        /// <param name="z">The argument.</param>
        /// <returns>ln Φ(z) ≤ 0.</returns>
        public static double LogCdf(double z)
        {
            if (double.IsNaN(z))
            {
                return z;
            }

            if (z < -CentralMaxAbsZ)
            {
                double y = -z;
                if (y > LogAsymptoticZ)
                {
                    return -(0.5 * y * y) - Math.Log(y) - HalfLogTwoPi;
                }

                double h = y * y;
                double l = Math.FusedMultiplyAdd(y, y, -h);
                return (-0.5 * h) + ((-0.5 * l) + Math.Log(TailFactor(y)));
            }

            if (z <= CentralMaxAbsZ)
            {
                double t = Central(z);
                return z <= 0 ? Math.Log(0.5 + t) : SpecialFunctions.Log1p(-(0.5 - t));
            }

            return SpecialFunctions.Log1p(-Tail(z));
        }

        /// <summary>The standard normal quantile Φ⁻¹(p): the z with Φ(z) = p.</summary>
        /// <remarks>
        /// Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞; NaN for p outside [0, 1] or NaN. For p ≤ ½: AS 241 then one Halley step against
        /// <see cref="Cdf"/> (see the class remarks); for p &gt; ½: −Φ⁻¹(1 − p) with 1 − p exact, so the upper half is
        /// as accurate as 1 − p is meaningful (1 − 2⁻⁵³ gives 8.29, its exact quantile); for a tiny upper-tail
        /// probability use <see cref="ComplementQuantile"/>. Relative accuracy in x from p = 5e−324 (x = −38.47) to
        /// 1 − 2⁻⁵³, measured against 50-digit mpmath at 193 probabilities (grid and random): at most 1.99ε relative
        /// (ε = 2⁻⁵²) for |p − ½| ≤ 0.425 and ≤ 0.94ε in both tails (p = 5e−324 included); the tests allow 2.5ε.
        /// </remarks>
        /// <param name="p">The probability, 0 ≤ p ≤ 1.</param>
        /// <returns>Φ⁻¹(p).</returns>
        public static double Quantile(double p)
        {
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            if (p == 0)
            {
                return double.NegativeInfinity;
            }

            if (p == 1)
            {
                return double.PositiveInfinity;
            }

            return p <= 0.5 ? LowerQuantile(p) : -LowerQuantile(1.0 - p);
        }

        /// <summary>The upper-tail quantile Φ⁻¹(1 − q): the z with 1 − Φ(z) = q, without forming 1 − q.</summary>
        /// <remarks>
        /// Exactly −<see cref="Quantile"/>(q): relative accuracy for q down to 5e−324 (z = 38.47). q = 0 gives +∞, q = 1
        /// gives −∞; NaN for q outside [0, 1] or NaN.
        /// </remarks>
        /// <param name="q">The upper-tail probability, 0 ≤ q ≤ 1.</param>
        /// <returns>Φ⁻¹(1 − q).</returns>
        public static double ComplementQuantile(double q) => -Quantile(q);

        /// <summary>Φ⁻¹(p) for 0 &lt; p ≤ ½ (result ≤ 0).</summary>
        private static double LowerQuantile(double p)
        {
            double q = p - 0.5;
            double x;
            if (q >= -QuantileCentralMaxQ)
            {
                double r = 0.180625 - (q * q);
                x = q * Polynomial(QuantileA, r) / Polynomial(QuantileB, r);
            }
            else
            {
                double r = Math.Sqrt(-Math.Log(p));
                x = r <= QuantileFarR
                    ? -(Polynomial(QuantileC, r - 1.6) / Polynomial(QuantileD, r - 1.6))
                    : -(Polynomial(QuantileE, r - QuantileFarR) / Polynomial(QuantileF, r - QuantileFarR));
            }

            if (x >= -CentralMaxAbsZ)
            {
                // Φ(x) − p = t(x) − (p − ½): p ≥ Φ(−0.66291) = 0.254 here, so p − ½ is exact (Sterbenz). Halley on
                // f = Φ − p: f' = φ, f''/f' = −x.
                double residual = Central(x) - q;
                double u = residual * SqrtTwoPi * Math.Exp(0.5 * x * x);
                return x - (u / (1.0 + (0.5 * x * u)));
            }

            // Halley on g = ln Φ(x) − ln p: g' = 1/m with m = Φ/φ = √(2π)·R(−x), g''/g' = −(x + 1/m). The exponent −h/2
            // is exact and ln p is one rounding, so g is exact to ~ulp(ln p) and x to ~ulp(ln p)/|x| (≤ 2⁻⁵⁸|x| relative
            // for p ≥ 5e−324).
            double y = -x;
            double h = y * y;
            double l = Math.FusedMultiplyAdd(y, y, -h);
            double factor = TailFactor(y);
            double g = ((-0.5 * h) - Math.Log(p)) + ((-0.5 * l) + Math.Log(factor));
            double mills = factor * SqrtTwoPi;
            double step = g * mills;
            return x - (step / (1.0 + (0.5 * step * (x + (1.0 / mills)))));
        }

        /// <summary>Φ(z) − ½ for |z| ≤ 0.66291 (Cody's central rational function).</summary>
        private static double Central(double z)
        {
            double s = z * z;
            double numerator = CentralNumerator[4] * s;
            double denominator = s;
            for (int i = 0; i < 3; i++)
            {
                numerator = (numerator + CentralNumerator[i]) * s;
                denominator = (denominator + CentralDenominator[i]) * s;
            }

            return z * (numerator + CentralNumerator[3]) / (denominator + CentralDenominator[3]);
        }

        /// <summary>Φ(−y) for y &gt; 0.66291: e^(−y²/2)·R(y) with y² split exactly, one rounding into the subnormals.</summary>
        private static double Tail(double y)
        {
            if (y > TailUnderflowZ)
            {
                return 0.0;
            }

            double h = y * y;
            double l = Math.FusedMultiplyAdd(y, y, -h);
            return IncompleteGamma.ScaledExp(-0.5 * h, -0.5 * l, TailFactor(y));
        }

        /// <summary>R(y) = Φ(−y)·e^(y²/2) for y &gt; 0.66291 (Cody; R(+∞) = 0, ≈ 1/(y√(2π)) for large y).</summary>
        private static double TailFactor(double y)
        {
            if (y <= Root32)
            {
                double numerator = MiddleNumerator[8] * y;
                double denominator = y;
                for (int i = 0; i < 7; i++)
                {
                    numerator = (numerator + MiddleNumerator[i]) * y;
                    denominator = (denominator + MiddleDenominator[i]) * y;
                }

                return (numerator + MiddleNumerator[7]) / (denominator + MiddleDenominator[7]);
            }

            double s = 1.0 / (y * y); // 0 once y² overflows: R = 1/(y√(2π))
            double farNumerator = FarNumerator[5] * s;
            double farDenominator = s;
            for (int i = 0; i < 4; i++)
            {
                farNumerator = (farNumerator + FarNumerator[i]) * s;
                farDenominator = (farDenominator + FarDenominator[i]) * s;
            }

            double correction = s * (farNumerator + FarNumerator[4]) / (farDenominator + FarDenominator[4]);
            return (InvSqrtTwoPi - correction) / y;
        }

        /// <summary>Σ c[k]·t^k (Horner, lowest degree first).</summary>
        private static double Polynomial(double[] c, double t)
        {
            double sum = c[c.Length - 1];
            for (int k = c.Length - 2; k >= 0; k--)
            {
                sum = (sum * t) + c[k];
            }

            return sum;
        }
    }
}
