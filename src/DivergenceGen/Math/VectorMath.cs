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
    /// Every lane follows <see cref="System.Math.Log(double)"/>: log(±0) = −∞, log(+∞) = +∞, log(x) = NaN for x &lt; 0 or NaN;
    /// subnormal inputs are handled like any other (no flush to zero). Error below 1 ulp as measured (fdlibm's bound), promised
    /// at most 2 ulp; float is computed in single precision.
    /// </para>
    /// <para>
    /// The same branch-free, inlinable implementation runs on every target framework. It is deliberately not forwarded to the
    /// BCL's <c>Vector128.Log</c>/<c>Vector256.Log</c>/<c>Vector512.Log</c> (.NET 9+): on .NET 10.0 those measured 2.57 ulp
    /// (double) and 2.13 ulp (float) against the exact logarithm, outside this type's 2 ulp promise, and they are not inlined
    /// (docs/PERFORMANCE.md, lesson 2).
    /// </para>
    /// </remarks>
    public static class VectorMath
    {
        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/>, like <see cref="System.Math.Log(double)"/> per lane: error at most 2 ulp
        /// (measured below 0.77 ulp); log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN; subnormals are exact inputs.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Log(Vector128<double> x) => PortableVectorMath.Log(x);

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/>, like <see cref="System.Math.Log(double)"/> per lane: error at most 2 ulp
        /// (measured below 0.77 ulp); log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN; subnormals are exact inputs.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Log(Vector256<double> x) => PortableVectorMath.Log(x);

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/>, like <see cref="System.Math.Log(double)"/> per lane: error at most 2 ulp
        /// (measured below 0.77 ulp); log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN; subnormals are exact inputs.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Log(Vector512<double> x) => PortableVectorMath.Log(x);

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/>, like <see cref="System.MathF.Log(float)"/> per lane: error at most 2 ulp
        /// (measured below 0.77 ulp); log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN; subnormals are exact inputs.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Log(Vector128<float> x) => PortableVectorMath.Log(x);

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/>, like <see cref="System.MathF.Log(float)"/> per lane: error at most 2 ulp
        /// (measured below 0.77 ulp); log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN; subnormals are exact inputs.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Log(Vector256<float> x) => PortableVectorMath.Log(x);

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/>, like <see cref="System.MathF.Log(float)"/> per lane: error at most 2 ulp
        /// (measured below 0.77 ulp); log(±0) = −∞, log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN; subnormals are exact inputs.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Log(Vector512<float> x) => PortableVectorMath.Log(x);

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/>, accurate also where |x| is tiny and 1 + x rounds: error at most
        /// 2 ulp (measured below 1 ulp). Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN
        /// gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Log1p(Vector128<double> x) => PortableVectorMath.Log1p(x);

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/>, accurate also where |x| is tiny and 1 + x rounds: error at most
        /// 2 ulp (measured below 1 ulp). Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN
        /// gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Log1p(Vector256<double> x) => PortableVectorMath.Log1p(x);

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/>, accurate also where |x| is tiny and 1 + x rounds: error at most
        /// 2 ulp (measured below 1 ulp). Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN
        /// gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Log1p(Vector512<double> x) => PortableVectorMath.Log1p(x);

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/>, accurate also where |x| is tiny and 1 + x rounds: error at most
        /// 2 ulp (measured below 1 ulp). Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN
        /// gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Log1p(Vector128<float> x) => PortableVectorMath.Log1p(x);

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/>, accurate also where |x| is tiny and 1 + x rounds: error at most
        /// 2 ulp (measured below 1 ulp). Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN
        /// gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Log1p(Vector256<float> x) => PortableVectorMath.Log1p(x);

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/>, accurate also where |x| is tiny and 1 + x rounds: error at most
        /// 2 ulp (measured below 1 ulp). Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN
        /// gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Log1p(Vector512<float> x) => PortableVectorMath.Log1p(x);
    }
}
