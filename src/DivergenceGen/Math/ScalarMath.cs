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
    }
}
