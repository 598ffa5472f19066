using System.Runtime.CompilerServices;

namespace DivergenceGen
{
    /// <summary>
    /// Scalar special functions used by generated code. Each is accurate to a few ulps over its whole domain.
    /// </summary>
    public static class ScalarMath
    {
        /// <summary>log(1 + x), accurate for small |x| (where <c>Math.Log(1 + x)</c> loses every digit). x ≥ −1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Log1p(double x)
        {
            // Goldberg's trick: u = 1 + x rounds; log(u)·x/(u − 1) corrects for the rounding exactly to first order.
            double u = 1.0 + x;
            if (u == 1.0)
            {
                return x;
            }

            double d = u - 1.0;
            return double.IsPositiveInfinity(u) ? u : System.Math.Log(u) * (x / d);
        }

        /// <summary>log(1 + x) in single precision, computed in double (exact to within float rounding). x ≥ −1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Log1p(float x) => (float)Log1p((double)x);

        /// <summary>
        /// log(x/y) with one logarithm and the division's rounding put back (log r + (x − r·y)/x, residual exact by a fused
        /// multiply-add), falling back to log x − log y where the quotient of finite positive operands would overflow or
        /// underflow (a subnormal operand). x = 0 gives −∞; y = 0 &lt; x gives +∞.
        /// </summary>
        /// <param name="x">The numerator.</param>
        /// <param name="y">The denominator.</param>
        /// <returns>ln(x / y).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double LogRatio(double x, double y)
        {
            double ratio = x / y;
            bool finitePositive = x > 0 && y > 0 && x <= double.MaxValue && y <= double.MaxValue;
            if (!finitePositive)
            {
                return System.Math.Log(ratio);
            }

            if (!double.IsNormal(ratio))
            {
                return System.Math.Log(x) - System.Math.Log(y);
            }

            // The division's rounding, put back: x/y = ratio·(1 + (x − ratio·y)/x) to first order, residual exact by FMA.
            // Tiny x: scale by 2⁶⁰⁰ so that the residual is not subnormal (the quotient is unchanged).
            double scale = x < 1.1830521861667747E-271 ? 4.149515568880993E+180 : 1.0;
            return System.Math.Log(ratio) + (System.Math.FusedMultiplyAdd(-ratio, y * scale, x * scale) / (x * scale));
        }

        /// <summary>log(x/y) in single precision, with the same fallback as the double overload.</summary>
        /// <param name="x">The numerator.</param>
        /// <param name="y">The denominator.</param>
        /// <returns>ln(x / y).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float LogRatio(float x, float y)
        {
            float ratio = x / y;
            bool finitePositive = x > 0 && y > 0 && x <= float.MaxValue && y <= float.MaxValue;
            if (!finitePositive)
            {
                return System.MathF.Log(ratio);
            }

            if (!float.IsNormal(ratio))
            {
                return System.MathF.Log(x) - System.MathF.Log(y);
            }

            float scale = x < 8.0779356E-28f ? 1.1529215E+18f : 1f;
            return System.MathF.Log(ratio) + (System.MathF.FusedMultiplyAdd(-ratio, y * scale, x * scale) / (x * scale));
        }

        /// <summary>
        /// eˣ − 1, accurate for small |x| where exp(x) − 1 cancels (Kahan's trick: (u − 1)·x/ln u with u = exp(x) rounded,
        /// whose roundings cancel to first order). .NET's <c>double.ExpM1</c> is exp(x) − 1, which loses every digit there.
        /// </summary>
        /// <param name="x">The argument.</param>
        /// <returns>eˣ − 1 (−1 for −∞, +∞ for +∞, NaN for NaN).</returns>
        public static double Expm1(double x)
        {
            if (System.Math.Abs(x) >= 0.5)
            {
                return System.Math.Exp(x) - 1.0;
            }

            double u = System.Math.Exp(x);
            if (u == 1.0)
            {
                return x;
            }

            double um1 = u - 1.0;
            return um1 == -1.0 ? -1.0 : um1 * x / System.Math.Log(u);
        }

        /// <summary>eˣ − 1 for a float argument, computed in double (<see cref="Expm1(double)"/>) and rounded once.</summary>
        /// <param name="x">The argument.</param>
        /// <returns>eˣ − 1.</returns>
        public static float Expm1(float x) => (float)Expm1((double)x);

        /// <summary>
        /// φ(x) = eˣ − 1 − x ≥ 0 with full relative accuracy near 0 (≈ x²/2): its Taylor series for −1 ≤ x ≤ 2 (terms of one
        /// sign, or each smaller than the one before), else exp(x) − 1 − x (cancels by at most a factor 2 there). +∞ at ±∞ and
        /// where exp overflows; NaN for NaN. The scalar twin of <see cref="VectorMath"/>'s <c>ExpMinusOneMinus</c> (the
        /// diagonal-normal KL divergence).
        /// </summary>
        /// <param name="x">The argument.</param>
        /// <returns>eˣ − 1 − x.</returns>
        public static double ExpMinusOneMinus(double x)
        {
            if (x >= -1 && x <= 2)
            {
                // x²·Σ_{k≥2} x^(k−2)/k!, Horner from k = 25 (2²³/25! ≈ 5e−19 of the leading ½: far below an ulp).
                double p = InverseFactorials[25];
                for (int k = 24; k >= 2; k--)
                {
                    p = (p * x) + InverseFactorials[k];
                }

                return x * x * p;
            }

            return x > 709.782712893384 ? double.PositiveInfinity : System.Math.Exp(x) - 1.0 - x;
        }

        /// <summary>φ(x) = eˣ − 1 − x for a float argument, computed in double and rounded once.</summary>
        /// <param name="x">The argument.</param>
        /// <returns>eˣ − 1 − x.</returns>
        public static float ExpMinusOneMinus(float x) => (float)ExpMinusOneMinus((double)x);

        /// <summary>1/k! for k = 0 … 25, each within an ulp of the exact value.</summary>
        private static readonly double[] InverseFactorials = BuildInverseFactorials();

        private static double[] BuildInverseFactorials()
        {
            // k! is exact in double up to 22!, so up to there each 1/k! is one correctly rounded division; above, two roundings.
            var table = new double[26];
            double factorial = 1;
            for (int k = 0; k < table.Length; k++)
            {
                factorial *= k == 0 ? 1 : k;
                table[k] = 1.0 / factorial;
            }

            return table;
        }

        /// <summary>
        /// Loader's deviance bd0(x, m) = x·log(x/m) + m − x ≥ 0, with the difference x − m given by the caller (exact, or
        /// rounded once from exact inputs: Bernoulli's KL passes q − p beside x = 1 − p, m = 1 − q, whose own difference
        /// would have lost it). Full relative accuracy also where x ≈ m and bd0 ≈ (x − m)²/(2m) lies far below the ulp of x:
        /// KL(Bernoulli(p) ‖ Bernoulli(q)) = bd0(p, q) + bd0(1 − p, 1 − q), a sum of two non-negative terms (the m − x
        /// parts cancel exactly). x = 0 gives m (0·log 0 = 0); m = 0 &lt; x gives +∞. Domain: x, m ≥ 0 and finite.
        /// </summary>
        /// <remarks>
        /// Where |x − m| &lt; ½(x + m), i.e. x/m in (⅓, 3): Loader's series (x − m)·v + 2x·v³·S(v²), v = (x − m)/(x + m),
        /// S(z) = Σⱼ zʲ/(2j + 3) as a degree-12 polynomial on [0, ¼] (relative error 3e−16, evaluated in Estrin's order
        /// without FMA, entering the result scaled by at most ⅙): both terms have the sign of bd0's main part, no logarithm.
        /// Elsewhere x·log(x/m) − (x − m), which cancels by at most a factor 3 (<see cref="LogRatio(double, double)"/> for
        /// the logarithm). The rounding of x and m (1 − p above) costs only their own relative rounding; only the difference
        /// must not be recomputed from them. <see cref="VectorMath"/>'s overloads are the same method lane-wise. Measured
        /// against mpmath (50 digits): on Bernoulli pairs 1e−3 … 1e−12 apart (Runtime/reference/near_equal_kl.json, see
        /// docs/families.md) and on 1,336 pairs over both regions (deviance_reference.json): at most 1.99 ulps here.
        /// </remarks>
        /// <param name="x">The first argument (a probability, a count).</param>
        /// <param name="m">The second argument (the mean).</param>
        /// <param name="xMinusM">x − m, as accurately as the caller knows it.</param>
        /// <returns>bd0(x, m).</returns>
        public static double Deviance(double x, double m, double xMinusM)
        {
            if (!(x > 0))
            {
                return m;
            }

            if (!(m > 0))
            {
                return double.PositiveInfinity;
            }

            double s = x + m;
            if (System.Math.Abs(xMinusM) < 0.5 * s)
            {
                double v = xMinusM / s;
                double z = v * v;
                // S(v²) in Estrin's order, the same operations as VectorMath's DevianceSeries (no FMA).
                double z2 = z * z;
                double z4 = z2 * z2;
                double z8 = z4 * z4;
                double p03 = (VectorMath.DevianceS0 + (z * VectorMath.DevianceS1)) + (z2 * (VectorMath.DevianceS2 + (z * VectorMath.DevianceS3)));
                double p47 = (VectorMath.DevianceS4 + (z * VectorMath.DevianceS5)) + (z2 * (VectorMath.DevianceS6 + (z * VectorMath.DevianceS7)));
                double p811 = (VectorMath.DevianceS8 + (z * VectorMath.DevianceS9)) + (z2 * (VectorMath.DevianceS10 + (z * VectorMath.DevianceS11)));
                double sum = (p03 + (z4 * p47)) + (z8 * (p811 + (z4 * VectorMath.DevianceS12)));
                return (xMinusM * v) + ((x + x) * v * z * sum);
            }

            return (x * LogRatio(x, m)) - xMinusM;
        }

        /// <summary>
        /// <see cref="Deviance(double, double, double)"/> for single-precision arguments, computed in double and rounded once.
        /// </summary>
        /// <param name="x">The first argument.</param>
        /// <param name="m">The second argument.</param>
        /// <param name="xMinusM">x − m, as accurately as the caller knows it.</param>
        /// <returns>bd0(x, m).</returns>
        public static float Deviance(float x, float m, float xMinusM) => (float)Deviance((double)x, (double)m, (double)xMinusM);
    }
}
