using System;

namespace DivergenceGen
{
    /// <summary>
    /// Small symmetric positive definite solves for the fitters (<see cref="FiniteFamilies.FitMaximumLikelihood"/>,
    /// <see cref="ExponentialFamilies.FitNaturalParameters"/>): m × m matrices, m ≤ a handful of parameters.
    /// </summary>
    internal static class Cholesky
    {
        /// <summary>
        /// Solves A·x = b for a symmetric m × m A (row-major; only its lower triangle is read) by its Cholesky factor; false,
        /// leaving <paramref name="x"/> unspecified, where a pivot is not above <paramref name="floor"/> (A is not positive
        /// definite, or is to rounding) or not finite. <paramref name="a"/> is overwritten by the factor.
        /// </summary>
        /// <param name="a">A, overwritten by L (lower triangle).</param>
        /// <param name="b">The right-hand side.</param>
        /// <param name="x">Receives the solution.</param>
        /// <param name="m">The order.</param>
        /// <param name="floor">The smallest acceptable pivot.</param>
        /// <returns>Whether A was positive definite.</returns>
        public static bool TrySolve(double[] a, ReadOnlySpan<double> b, Span<double> x, int m, double floor)
        {
            for (int j = 0; j < m; j++)
            {
                double d = a[(j * m) + j];
                for (int k = 0; k < j; k++)
                {
                    d -= a[(j * m) + k] * a[(j * m) + k];
                }

                if (!(d > floor) || !double.IsFinite(d))
                {
                    return false;
                }

                d = Math.Sqrt(d);
                a[(j * m) + j] = d;
                for (int i = j + 1; i < m; i++)
                {
                    double s = a[(i * m) + j];
                    for (int k = 0; k < j; k++)
                    {
                        s -= a[(i * m) + k] * a[(j * m) + k];
                    }

                    a[(i * m) + j] = s / d;
                }
            }

            // Forward and back substitution: L·y = b, Lᵀ·x = y.
            for (int i = 0; i < m; i++)
            {
                double s = b[i];
                for (int k = 0; k < i; k++)
                {
                    s -= a[(i * m) + k] * x[k];
                }

                x[i] = s / a[(i * m) + i];
            }

            for (int i = m - 1; i >= 0; i--)
            {
                double s = x[i];
                for (int k = i + 1; k < m; k++)
                {
                    s -= a[(k * m) + i] * x[k];
                }

                x[i] = s / a[(i * m) + i];
            }

            return true;
        }
    }
}
