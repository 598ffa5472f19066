using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <summary>
    /// Lane-wise natural logarithm and log(1 + x) on <see cref="Vector128{T}"/>, <see cref="Vector256{T}"/> and
    /// <see cref="Vector512{T}"/> of <see cref="double"/> and <see cref="float"/>, for generated vector kernels.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every lane follows <see cref="System.Math.Log(double)"/>: log(±0) = −∞, log(+∞) = +∞, log(x) = NaN for x &lt; 0 or NaN,
    /// and subnormal inputs are exact-range (no flush to zero).
    /// </para>
    /// <para>
    /// Where the runtime has <c>Vector128.Log</c> (.NET 9 and later) <c>Log</c> forwards to it; elsewhere it uses our own
    /// branch-free fdlibm-style implementation. Both are tested to within 2 ulp of <see cref="System.Math.Log(double)"/>
    /// (double) and <see cref="System.MathF.Log(float)"/> (float) over the whole exponent range.
    /// </para>
    /// </remarks>
    public static class VectorMath
    {
        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/> (double). Error at most 2 ulp against
        /// <see cref="System.Math.Log(double)"/>; log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN;
        /// subnormals are handled exactly like normal numbers.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Log(Vector128<double> x)
        {
#if NET9_0_OR_GREATER
            return Vector128.Log(x);
#else
            return PortableVectorMath.Log(x);
#endif
        }

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/> (double). Error at most 2 ulp against
        /// <see cref="System.Math.Log(double)"/>; log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN;
        /// subnormals are handled exactly like normal numbers.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Log(Vector256<double> x)
        {
#if NET9_0_OR_GREATER
            return Vector256.Log(x);
#else
            return PortableVectorMath.Log(x);
#endif
        }

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/> (double). Error at most 2 ulp against
        /// <see cref="System.Math.Log(double)"/>; log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN;
        /// subnormals are handled exactly like normal numbers.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Log(Vector512<double> x)
        {
#if NET9_0_OR_GREATER
            return Vector512.Log(x);
#else
            return PortableVectorMath.Log(x);
#endif
        }

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/> (float). Error at most 2 ulp against
        /// <see cref="System.MathF.Log(float)"/>; log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN;
        /// subnormals are handled exactly like normal numbers.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Log(Vector128<float> x)
        {
#if NET9_0_OR_GREATER
            return Vector128.Log(x);
#else
            return PortableVectorMath.Log(x);
#endif
        }

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/> (float). Error at most 2 ulp against
        /// <see cref="System.MathF.Log(float)"/>; log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN;
        /// subnormals are handled exactly like normal numbers.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Log(Vector256<float> x)
        {
#if NET9_0_OR_GREATER
            return Vector256.Log(x);
#else
            return PortableVectorMath.Log(x);
#endif
        }

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/> (float). Error at most 2 ulp against
        /// <see cref="System.MathF.Log(float)"/>; log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN;
        /// subnormals are handled exactly like normal numbers.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Log(Vector512<float> x)
        {
#if NET9_0_OR_GREATER
            return Vector512.Log(x);
#else
            return PortableVectorMath.Log(x);
#endif
        }

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/> (double), accurate also where |x| is tiny and 1 + x would round
        /// (Goldberg: log(u)·x/(u − 1) with u = 1 + x; x where u = 1). Error at most 2 ulp.
        /// Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Log1p(Vector128<double> x)
        {
            Vector128<double> u = Vector128<double>.One + x;
            return PortableVectorMath.Log1pCore(x, u, Log(u));
        }

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/> (double), accurate also where |x| is tiny and 1 + x would round
        /// (Goldberg: log(u)·x/(u − 1) with u = 1 + x; x where u = 1). Error at most 2 ulp.
        /// Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Log1p(Vector256<double> x)
        {
            Vector256<double> u = Vector256<double>.One + x;
            return PortableVectorMath.Log1pCore(x, u, Log(u));
        }

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/> (double), accurate also where |x| is tiny and 1 + x would round
        /// (Goldberg: log(u)·x/(u − 1) with u = 1 + x; x where u = 1). Error at most 2 ulp.
        /// Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Log1p(Vector512<double> x)
        {
            Vector512<double> u = Vector512<double>.One + x;
            return PortableVectorMath.Log1pCore(x, u, Log(u));
        }

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/> (float), accurate also where |x| is tiny and 1 + x would round
        /// (Goldberg: log(u)·x/(u − 1) with u = 1 + x; x where u = 1). Error at most 2 ulp.
        /// Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Log1p(Vector128<float> x)
        {
            Vector128<float> u = Vector128<float>.One + x;
            return PortableVectorMath.Log1pCore(x, u, Log(u));
        }

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/> (float), accurate also where |x| is tiny and 1 + x would round
        /// (Goldberg: log(u)·x/(u − 1) with u = 1 + x; x where u = 1). Error at most 2 ulp.
        /// Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Log1p(Vector256<float> x)
        {
            Vector256<float> u = Vector256<float>.One + x;
            return PortableVectorMath.Log1pCore(x, u, Log(u));
        }

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/> (float), accurate also where |x| is tiny and 1 + x would round
        /// (Goldberg: log(u)·x/(u − 1) with u = 1 + x; x where u = 1). Error at most 2 ulp.
        /// Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Log1p(Vector512<float> x)
        {
            Vector512<float> u = Vector512<float>.One + x;
            return PortableVectorMath.Log1pCore(x, u, Log(u));
        }
    }
}
