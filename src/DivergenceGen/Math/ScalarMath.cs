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
        /// log(x/y) with one logarithm, falling back to log x − log y where the quotient of finite positive operands would
        /// overflow or underflow (a subnormal operand). x = 0 gives −∞; y = 0 &lt; x gives +∞.
        /// </summary>
        /// <param name="x">The numerator.</param>
        /// <param name="y">The denominator.</param>
        /// <returns>ln(x / y).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double LogRatio(double x, double y)
        {
            double ratio = x / y;
            bool finitePositive = x > 0 && y > 0 && x <= double.MaxValue && y <= double.MaxValue;
            return finitePositive && !double.IsNormal(ratio) ? System.Math.Log(x) - System.Math.Log(y) : System.Math.Log(ratio);
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
            return finitePositive && !float.IsNormal(ratio) ? System.MathF.Log(x) - System.MathF.Log(y) : System.MathF.Log(ratio);
        }
    }
}
