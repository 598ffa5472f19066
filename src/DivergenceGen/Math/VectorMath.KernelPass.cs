using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen
{
    /// <summary>
    /// Which pass of a generated two-pass kernel is running: <see cref="FastPass"/> or <see cref="GeneralPass"/>. A kernel
    /// generic over it is compiled once per pass; <c>typeof(TPass) == typeof(FastPass)</c> is folded while the JIT imports the
    /// method, so each compiled kernel holds only its own pass's code.
    /// </summary>
    /// <remarks>
    /// Why two passes: the general path of <see cref="VectorMath.Log(Vector512{double})"/> or
    /// <see cref="VectorMath.XLogRatio(Vector512{double}, Vector512{double})"/> (zeros, subnormals, a quotient out of range)
    /// is a call, kept out of line so that the fast path stays small. System V x64 has no callee-saved vector registers, so
    /// a call anywhere in a loop makes the JIT keep every vector the loop carries (the sum, the input check's maximum) in a
    /// stack slot, stored and reloaded every iteration; that slot's address moves with the caller's stack pointer, and where
    /// it straddles a 32- or 64-byte boundary the whole kernel ran 1.2–2.2× slower (benchmarks/README.md, "Why generated
    /// kernels swing between processes"). The first pass calls only the call-free <c>…OrNaN</c> forms below; a lane that
    /// needs the general path comes back as NaN, the sum becomes NaN, and the kernel runs again with
    /// <see cref="GeneralPass"/>, whose result is the one the general functions give.
    /// </remarks>
    public interface IKernelPass
    {
    }

    /// <summary>The first pass of a two-pass kernel: special functions without calls, NaN where a lane needs the general path.</summary>
    public readonly struct FastPass : IKernelPass
    {
    }

    /// <summary>The second pass of a two-pass kernel, run only when the first one's result is NaN: the general functions.</summary>
    public readonly struct GeneralPass : IKernelPass
    {
    }

    public static partial class VectorMath
    {
        /// <summary>
        /// <see cref="Log(Vector128{double})"/> for a pass of a two-pass kernel (<see cref="IKernelPass"/>); this width's log
        /// has no out-of-line path, so both passes compute it in full.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Log<TPass>(Vector128<double> x)
            where TPass : struct, IKernelPass => Log(x);

        /// <summary>
        /// <see cref="Log(Vector128{float})"/> for a pass of a two-pass kernel (<see cref="IKernelPass"/>); this width's log
        /// has no out-of-line path, so both passes compute it in full.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Log<TPass>(Vector128<float> x)
            where TPass : struct, IKernelPass => Log(x);

        /// <summary>
        /// <see cref="Log(Vector256{double})"/> for a pass of a two-pass kernel (<see cref="IKernelPass"/>): with
        /// <see cref="FastPass"/> on AVX2 + FMA the table log's fast path alone, NaN in every lane that is not a positive
        /// normal finite double, and no call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]), or (first pass only) NaN where x[i] needs the general path.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Log<TPass>(Vector256<double> x)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && FastPassLogIsNaNOutsideTheNormalRange(x))
            {
                var normal = Vector256.GreaterThanOrEqual(x, Vector256.Create(2.2250738585072014E-308)) & Vector256.LessThanOrEqual(x, Vector256.Create(double.MaxValue));
                return Vector256.ConditionalSelect(normal, PortableVectorMath.LogOfPositiveNormal(x), Vector256.Create(double.NaN));
            }

            return Log(x);
        }

        /// <summary>
        /// <see cref="Log(Vector256{float})"/> for a pass of a two-pass kernel (<see cref="IKernelPass"/>): with
        /// <see cref="FastPass"/> on AVX2 + FMA the table log's fast path alone, NaN in every lane that is not a positive
        /// normal finite float, and no call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]), or (first pass only) NaN where x[i] needs the general path.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Log<TPass>(Vector256<float> x)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && FastPassLogIsNaNOutsideTheNormalRange(x))
            {
                var normal = Vector256.GreaterThanOrEqual(x, Vector256.Create(1.17549435E-38f)) & Vector256.LessThanOrEqual(x, Vector256.Create(float.MaxValue));
                return Vector256.ConditionalSelect(normal, PortableVectorMath.LogOfPositiveNormal(x), Vector256.Create(float.NaN));
            }

            return Log(x);
        }

        /// <summary>
        /// <see cref="Log(Vector512{double})"/> for a pass of a two-pass kernel (<see cref="IKernelPass"/>): with
        /// <see cref="FastPass"/> on AVX-512 the table log's fast path alone, NaN in every lane that is not a positive normal
        /// finite double, and no call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]), or (first pass only) NaN where x[i] needs the general path.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Log<TPass>(Vector512<double> x)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && FastPassLogIsNaNOutsideTheNormalRange(x))
            {
                var normal = Vector512.GreaterThanOrEqual(x, Vector512.Create(2.2250738585072014E-308)) & Vector512.LessThanOrEqual(x, Vector512.Create(double.MaxValue));
                return Vector512.ConditionalSelect(normal, PortableVectorMath.LogOfPositiveNormal(x), Vector512.Create(double.NaN));
            }

            return Log(x);
        }

        /// <summary>
        /// <see cref="Log(Vector512{float})"/> for a pass of a two-pass kernel (<see cref="IKernelPass"/>): with
        /// <see cref="FastPass"/> on AVX-512 the table log's fast path alone, NaN in every lane that is not a positive normal
        /// finite float, and no call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]), or (first pass only) NaN where x[i] needs the general path.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Log<TPass>(Vector512<float> x)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && FastPassLogIsNaNOutsideTheNormalRange(x))
            {
                var normal = Vector512.GreaterThanOrEqual(x, Vector512.Create(1.17549435E-38f)) & Vector512.LessThanOrEqual(x, Vector512.Create(float.MaxValue));
                return Vector512.ConditionalSelect(normal, PortableVectorMath.LogOfPositiveNormal(x), Vector512.Create(float.NaN));
            }

            return Log(x);
        }

        /// <summary>
        /// Whether <see cref="Log{TPass}(Vector128{double})"/> with <see cref="FastPass"/> already gives NaN in every lane outside
        /// the positive normal range at this width on this CPU (the table log's first pass), so that a caller testing the
        /// same range for the same argument need not select NaN itself: never at 128 bits (fdlibm's log, both passes); at
        /// 256 bits with AVX2 and FMA, at 512 with AVX-512F. The <c>Log&lt;TPass&gt;</c> overloads take their table path
        /// on exactly this condition, so the two cannot drift apart. The argument only picks the overload (a JIT-time
        /// constant).
        /// </summary>
        /// <param name="width">Any vector of the width and element type asked about.</param>
        /// <returns>True where the first pass's log tests its lanes.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool FastPassLogIsNaNOutsideTheNormalRange(Vector128<double> width) => false;

        /// <inheritdoc cref="FastPassLogIsNaNOutsideTheNormalRange(Vector128{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool FastPassLogIsNaNOutsideTheNormalRange(Vector128<float> width) => false;

        /// <inheritdoc cref="FastPassLogIsNaNOutsideTheNormalRange(Vector128{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool FastPassLogIsNaNOutsideTheNormalRange(Vector256<double> width) => Avx2.IsSupported && Fma.IsSupported;

        /// <inheritdoc cref="FastPassLogIsNaNOutsideTheNormalRange(Vector128{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool FastPassLogIsNaNOutsideTheNormalRange(Vector256<float> width) => Avx2.IsSupported && Fma.IsSupported;

        /// <inheritdoc cref="FastPassLogIsNaNOutsideTheNormalRange(Vector128{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool FastPassLogIsNaNOutsideTheNormalRange(Vector512<double> width) => Avx512F.IsSupported;

        /// <inheritdoc cref="FastPassLogIsNaNOutsideTheNormalRange(Vector128{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static bool FastPassLogIsNaNOutsideTheNormalRange(Vector512<float> width) => Avx512F.IsSupported;

        /// <summary>
        /// <see cref="XLogRatio(Vector128{double}, Vector128{double})"/> for a pass of a two-pass kernel
        /// (<see cref="IKernelPass"/>): with <see cref="FastPass"/>, <see cref="LogRatio(Vector128{double}, Vector128{double})"/>'s
        /// fast path in every lane and NaN in a lane whose quotient would leave the normal range (where the general path takes
        /// log x − log y, out of line); no call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]) (0 where x[i] ≤ 0), or (first pass only) NaN.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> XLogRatio<TPass>(Vector128<double> x, Vector128<double> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass))
            {
                var ratio = x / y;
                var finitePositive = FinitePositive(x, y, double.MaxValue);
                var unsafeQuotient = finitePositive
                    & ~(Vector128.GreaterThanOrEqual(ratio, Vector128.Create(2.2250738585072014E-308)) & Vector128.LessThanOrEqual(ratio, Vector128.Create(double.MaxValue)));
                var logRatio = Vector128.ConditionalSelect(unsafeQuotient, Vector128.Create(double.NaN), LogRatioOfSafeQuotient(x, y, ratio, finitePositive));
                return Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<double>.Zero), x * logRatio, Vector128<double>.Zero);
            }

            return XLogRatio(x, y);
        }

        /// <summary>
        /// <see cref="XLogRatio(Vector128{float}, Vector128{float})"/> for a pass of a two-pass kernel
        /// (<see cref="IKernelPass"/>): with <see cref="FastPass"/>, <see cref="LogRatio(Vector128{float}, Vector128{float})"/>'s
        /// fast path in every lane and NaN in a lane whose quotient would leave the normal range; no call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]) (0 where x[i] ≤ 0), or (first pass only) NaN.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> XLogRatio<TPass>(Vector128<float> x, Vector128<float> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass))
            {
                var ratio = x / y;
                var finitePositive = FinitePositive(x, y, float.MaxValue);
                var unsafeQuotient = finitePositive
                    & ~(Vector128.GreaterThanOrEqual(ratio, Vector128.Create(1.17549435E-38f)) & Vector128.LessThanOrEqual(ratio, Vector128.Create(float.MaxValue)));
                var logRatio = Vector128.ConditionalSelect(unsafeQuotient, Vector128.Create(float.NaN), LogRatioOfSafeQuotient(x, y, ratio, finitePositive));
                return Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), x * logRatio, Vector128<float>.Zero);
            }

            return XLogRatio(x, y);
        }

        /// <summary>
        /// <see cref="XLogRatio(Vector256{double}, Vector256{double})"/> for a pass of a two-pass kernel
        /// (<see cref="IKernelPass"/>): with <see cref="FastPass"/> on AVX2 + FMA, the table path x·log r + (x − r·y) in every
        /// lane, 0 where x = 0, NaN in any other lane outside that path's domain; without FMA,
        /// <see cref="LogRatio(Vector256{double}, Vector256{double})"/>'s fast path in every lane and NaN in a lane whose
        /// quotient would leave the normal range. No call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]) (0 where x[i] ≤ 0), or (first pass only) NaN.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> XLogRatio<TPass>(Vector256<double> x, Vector256<double> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && Avx2.IsSupported && Fma.IsSupported)
            {
                // As the 512-bit one: x = 0 < y gives +0 on the table path; other lanes off it give NaN.
                var ratio = x / y;
                var onPath = (Vector256.GreaterThanOrEqual(ratio, Vector256.Create(2.2250738585072014E-308)) & Vector256.LessThanOrEqual(ratio, Vector256.Create(double.MaxValue))
                    & Vector256.GreaterThanOrEqual(x, Vector256.Create(1.1830521861667747E-271))) | Vector256.Equals(x, Vector256<double>.Zero);
                var term = PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
                return Vector256.ConditionalSelect(onPath, term, Vector256.Create(double.NaN));
            }

            if (typeof(TPass) == typeof(FastPass))
            {
                var ratio = x / y;
                var finitePositive = FinitePositive(x, y, double.MaxValue);
                var unsafeQuotient = finitePositive
                    & ~(Vector256.GreaterThanOrEqual(ratio, Vector256.Create(2.2250738585072014E-308)) & Vector256.LessThanOrEqual(ratio, Vector256.Create(double.MaxValue)));
                var logRatio = Vector256.ConditionalSelect(unsafeQuotient, Vector256.Create(double.NaN), LogRatioOfSafeQuotient(x, y, ratio, finitePositive));
                return Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.Zero), x * logRatio, Vector256<double>.Zero);
            }

            return XLogRatio(x, y);
        }

        /// <summary>
        /// <see cref="XLogRatio(Vector256{float}, Vector256{float})"/> for a pass of a two-pass kernel
        /// (<see cref="IKernelPass"/>): with <see cref="FastPass"/> on AVX2 + FMA, the table path x·log r + (x − r·y) in
        /// every lane, 0 where x = 0, NaN in any other lane outside that path's domain; no call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]) (0 where x[i] ≤ 0), or (first pass only) NaN.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> XLogRatio<TPass>(Vector256<float> x, Vector256<float> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && Avx2.IsSupported && Fma.IsSupported)
            {
                // x = 0 < y: r = 0, whose table log is finite (−127·ln 2), so the path gives 0·log r + (0 − 0·y) = +0 there;
                // x = 0 with y = 0, +∞ or NaN gives 0·(…) + NaN = NaN, so such a lane still goes to the general pass.
                var ratio = x / y;
                var onPath = (Vector256.GreaterThanOrEqual(ratio, Vector256.Create(1.17549435E-38f)) & Vector256.LessThanOrEqual(ratio, Vector256.Create(float.MaxValue))
                    & Vector256.GreaterThanOrEqual(x, Vector256.Create(8.0779356E-28f))) | Vector256.Equals(x, Vector256<float>.Zero);
                var term = PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
                return Vector256.ConditionalSelect(onPath, term, Vector256.Create(float.NaN));
            }

            return XLogRatio(x, y);
        }

        /// <summary>
        /// <see cref="XLogRatio(Vector512{double}, Vector512{double})"/> for a pass of a two-pass kernel
        /// (<see cref="IKernelPass"/>): with <see cref="FastPass"/> on AVX-512, the table path x·log r + (x − r·y) in every
        /// lane, 0 where x = 0, NaN in any other lane outside that path's domain; no call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]) (0 where x[i] ≤ 0), or (first pass only) NaN.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> XLogRatio<TPass>(Vector512<double> x, Vector512<double> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && Avx512F.IsSupported)
            {
                // x = 0 < y: r = 0, whose table log is finite (−1023·ln 2), so the path gives 0·log r + (0 − 0·y) = +0 there;
                // x = 0 with y = 0, +∞ or NaN gives 0·(…) + NaN = NaN, so such a lane still goes to the general pass.
                var ratio = x / y;
                var onPath = (Vector512.GreaterThanOrEqual(ratio, Vector512.Create(2.2250738585072014E-308)) & Vector512.LessThanOrEqual(ratio, Vector512.Create(double.MaxValue))
                    & Vector512.GreaterThanOrEqual(x, Vector512.Create(1.1830521861667747E-271))) | Vector512.Equals(x, Vector512<double>.Zero);
                var term = PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
                return Vector512.ConditionalSelect(onPath, term, Vector512.Create(double.NaN));
            }

            return XLogRatio(x, y);
        }

        /// <summary>
        /// <see cref="XLogRatio(Vector512{float}, Vector512{float})"/> for a pass of a two-pass kernel
        /// (<see cref="IKernelPass"/>): with <see cref="FastPass"/> on AVX-512, the table path x·log r + (x − r·y) in every
        /// lane, 0 where x = 0, NaN in any other lane outside that path's domain; no call.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]) (0 where x[i] ≤ 0), or (first pass only) NaN.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> XLogRatio<TPass>(Vector512<float> x, Vector512<float> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && Avx512F.IsSupported)
            {
                // x = 0 < y: r = 0, whose table log is finite (−127·ln 2), so the path gives 0·log r + (0 − 0·y) = +0 there;
                // x = 0 with y = 0, +∞ or NaN gives 0·(…) + NaN = NaN, so such a lane still goes to the general pass.
                var ratio = x / y;
                var onPath = (Vector512.GreaterThanOrEqual(ratio, Vector512.Create(1.17549435E-38f)) & Vector512.LessThanOrEqual(ratio, Vector512.Create(float.MaxValue))
                    & Vector512.GreaterThanOrEqual(x, Vector512.Create(8.0779356E-28f))) | Vector512.Equals(x, Vector512<float>.Zero);
                var term = PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
                return Vector512.ConditionalSelect(onPath, term, Vector512.Create(float.NaN));
            }

            return XLogRatio(x, y);
        }
    }
}
