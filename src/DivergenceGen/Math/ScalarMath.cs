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
    }
}
