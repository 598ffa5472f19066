using System;

namespace DivergenceGen
{
    /// <summary>The inverses in x of the regularized incomplete gamma functions (the quantiles of Gamma(a, 1)).</summary>
    public static partial class IncompleteGamma
    {
        /// <summary>Newton steps of the inverses before they stop (never reached in the tests).</summary>
        private const int InverseMaxSteps = 100;

        /// <summary>The least positive normal double, 2⁻¹⁰²².</summary>
        private const double SmallestNormal = 2.2250738585072014E-308;

        /// <summary>ln of the least subnormal: below it the solution rounds to 0.</summary>
        private const double LogLeastSubnormal = -744.4400719213812;

        /// <summary>The inverse of P in x: the x ≥ 0 with P(a, x) = p (the quantile of Gamma(a, 1)).</summary>
        /// <remarks>
        /// a &gt; 0 finite; p = 0 gives 0, p = 1 gives +∞, p outside [0, 1] or NaN gives NaN. For p ≤ ½ Newton's method
        /// on ln P(a, x) − ln p in ln x (slope x^a e^(−x)/(Γ(a)·P)), from the best of the small-x start
        /// (p·Γ(a + 1))^(1/a) and Wilson–Hilferty's a(1 − 1/(9a) + Φ⁻¹(p)/(3√a))³, inside a bracket that every step narrows
        /// (a step that leaves it is replaced by bisection); for p &gt; ½ the upper problem Q = 1 − p (1 − p exact).
        /// Where the solution is below the least subnormal (a = 1e−3, p = 1e−300: x = e^(−690000)) the result is 0.
        /// The residual is log1p(P/p − 1), not ln P − ln p (which near −690 is off by 256ε and cost 107ε in x at a = 1,
        /// p = 1e−300). Measured against 50-digit mpmath (a = 1e−3 … 1e6, p = 1e−300 … 0.9): at most 1.71ε relative in x
        /// for a ≥ 1, where the condition number κ = |d ln x/d ln P| is ≈ 1; for a &lt; 1 κ ≈ 1/a and the error is at most
        /// 0.1κε (93ε at a = 1e−3, p = ½, κ = 1000). The tests allow 4(1 + κ)ε.
        /// </remarks>
        /// <param name="a">The shape, 0 &lt; a &lt; ∞.</param>
        /// <param name="p">The probability, 0 ≤ p ≤ 1.</param>
        /// <returns>x with P(a, x) = p.</returns>
        /// <exception cref="ArgumentOutOfRangeException">a is not finite and &gt; 0.</exception>
        public static double InverseLower(double a, double p)
        {
            Guard.ThrowIfNotPositiveFinite(a, nameof(a));
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            if (p == 0)
            {
                return 0.0;
            }

            if (p == 1)
            {
                return double.PositiveInfinity;
            }

            return p <= 0.5 ? Solve(a, p, false) : Solve(a, 1.0 - p, true);
        }

        /// <summary>The inverse of Q in x: the x ≥ 0 with Q(a, x) = q, accurate for tiny q (no 1 − q is formed).</summary>
        /// <remarks>
        /// a &gt; 0 finite; q = 0 gives +∞, q = 1 gives 0, q outside [0, 1] or NaN gives NaN. For q ≤ ½ Newton's method
        /// on ln Q(a, x) − ln q (<see cref="LogRegularizedUpper"/>, exact exponent, so q = 1e−300 is as good as 0.1) in
        /// ln x, from the best of Wilson–Hilferty and the tail start x ≈ −ln(q·Γ(a)) + (a − 1)·ln x; for q &gt; ½ the lower
        /// problem P = 1 − q. Measured against 50-digit mpmath (a = 1e−3 … 1e6, q = 1e−300 … 0.9): at most 2.13ε relative
        /// for a ≥ 1 (κ ≈ 1); for a &lt; 1 at most 0.55κε (60ε at a = 1e−3, q = 0.1, κ = 111). The tests allow 4(1 + κ)ε.
        /// </remarks>
        /// <param name="a">The shape, 0 &lt; a &lt; ∞.</param>
        /// <param name="q">The upper-tail probability, 0 ≤ q ≤ 1.</param>
        /// <returns>x with Q(a, x) = q.</returns>
        /// <exception cref="ArgumentOutOfRangeException">a is not finite and &gt; 0.</exception>
        public static double InverseUpper(double a, double q)
        {
            Guard.ThrowIfNotPositiveFinite(a, nameof(a));
            if (!(q >= 0 && q <= 1))
            {
                return double.NaN;
            }

            if (q == 0)
            {
                return double.PositiveInfinity;
            }

            if (q == 1)
            {
                return 0.0;
            }

            return q <= 0.5 ? Solve(a, q, true) : Solve(a, 1.0 - q, false);
        }

        /// <summary>
        /// The x with P(a, x) = t (upper false) or Q(a, x) = t (upper true), 0 &lt; t ≤ ½: Newton on
        /// g = ln F(x) − ln t in ln x, bracketed.
        /// </summary>
        private static double Solve(double a, double t, bool upper)
        {
            double logT = Math.Log(t);
            double logGammaA1 = SpecialFunctions.LogGamma(a + 1.0);
            double lo = 0.0;
            double hi = double.PositiveInfinity;
            double x = double.NaN;
            double best = double.PositiveInfinity;

            // Wilson–Hilferty: (x/a)^(1/3) is nearly normal with mean 1 − 1/(9a) and variance 1/(9a).
            double z = upper ? -StandardNormal.Quantile(t) : StandardNormal.Quantile(t);
            double cube = 1.0 - (1.0 / (9.0 * a)) + (z / (3.0 * Math.Sqrt(a)));
            Consider(a, logT, upper, a * cube * cube * cube, ref x, ref best);
            if (!upper)
            {
                // P ≈ x^a/Γ(a + 1) for x ≪ a + 1.
                double logX0 = (logT + logGammaA1) / a;
                if (logX0 < LogLeastSubnormal - 1.0)
                {
                    return 0.0;
                }

                Consider(a, logT, upper, Math.Exp(logX0), ref x, ref best);
            }
            else
            {
                // Q ≈ x^(a−1)e^(−x)/Γ(a) for x ≫ a: two fixed-point steps of x = −ln(q·Γ(a)) + (a − 1)·ln x.
                double baseX = -(logT + logGammaA1 - Math.Log(a));
                double x0 = Math.Max(baseX, 1.0);
                x0 = Math.Max(baseX + ((a - 1.0) * Math.Log(x0)), 1e-300);
                x0 = Math.Max(baseX + ((a - 1.0) * Math.Log(x0)), 1e-300);
                Consider(a, logT, upper, x0, ref x, ref best);
            }

            if (double.IsNaN(x))
            {
                x = a;
            }

            for (int step = 0; step < InverseMaxSteps; step++)
            {
                double g = Residual(a, x, upper, t, logT);
                if (g == 0)
                {
                    return x;
                }

                // g increases with x for P and decreases for Q.
                if ((g > 0) != upper)
                {
                    hi = x;
                }
                else
                {
                    lo = x;
                }

                // d ln F/d ln x = ±x^a e^(−x)/(Γ(a)·F), F = e^(ln F).
                double logDensity = (a * Math.Log(x)) - x - logGammaA1 + Math.Log(a);
                double slope = Math.Exp(logDensity - (g + logT));
                double next = x * Math.Exp(upper ? g / slope : -g / slope);
                if (!(next > lo && next < hi))
                {
                    next = double.IsPositiveInfinity(hi) ? 4.0 * Math.Max(x, lo) : lo > 0 && hi / lo > 4 ? Math.Sqrt(lo * hi) : 0.5 * (lo + hi);
                }

                if (Math.Abs(next - x) <= 2 * Epsilon * x)
                {
                    return next;
                }

                x = next;
            }

            return x;
        }

        /// <summary>
        /// ln F(x) − ln t. Where F and t are normal doubles it is log1p(F/t − 1), exact to ~ε relative in F/t: the
        /// difference of two logarithms near −690 would be off by ½ ulp of 690 (256ε), which moves x by 256ε/slope
        /// (107ε measured at a = 1, p = 1e−300 before this form).
        /// </summary>
        private static double Residual(double a, double x, bool upper, double t, double logT)
        {
            if (t >= SmallestNormal)
            {
                double f = upper ? Upper(a, x) : Lower(a, x);
                if (f >= SmallestNormal)
                {
                    return SpecialFunctions.Log1p((f / t) - 1.0);
                }
            }

            return LogTail(a, x, upper) - logT;
        }

        /// <summary>Keeps the candidate start if it is positive and finite and its |ln F − ln t| is the least so far.</summary>
        private static void Consider(double a, double logT, bool upper, double candidate, ref double x, ref double best)
        {
            if (!(candidate > 0 && candidate < double.PositiveInfinity))
            {
                return;
            }

            double score = Math.Abs(LogTail(a, candidate, upper) - logT);
            if (score < best)
            {
                best = score;
                x = candidate;
            }
        }

        /// <summary>ln P(a, x) (upper false) or ln Q(a, x) (upper true) for x &gt; 0.</summary>
        private static double LogTail(double a, double x, bool upper)
        {
            if (upper)
            {
                return LogUpper(a, x);
            }

            Tail tail = Evaluate(a, x);
            if (!tail.IsUpper)
            {
                return tail.High + (tail.Low + Math.Log(tail.Factor));
            }

            double q = tail.Value;
            return SpecialFunctions.Log1p(-q);
        }
    }
}
