using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen
{
    public static partial class VectorMath
    {
        /// <summary>
        /// <see cref="Log{TPass}(Vector512{double})"/> for a two-pass kernel whose arguments are probabilities it checks
        /// itself: with <see cref="FastPass"/> on AVX-512 the table log's fast path alone, with no per-lane domain test.
        /// </summary>
        /// <remarks>
        /// <para>
        /// <see cref="Log{TPass}(Vector512{double})"/> tests every lane (two compares, a mask and a blend per vector, a
        /// sixth of a KL loop's instructions) so that a lane off the table's path comes back NaN. A kernel over probabilities
        /// it checks in the same pass (<see cref="ProbabilityLanes.Max(Vector512{ulong}, Vector512{double})"/>: every
        /// element in [+0, 1], or the kernel throws) knows more: the only arguments in [+0, 1] off the path are +0 and the
        /// subnormals. So it folds each argument into a running minimum
        /// (<see cref="ProbabilityLanes.Floor(Vector512{double}, Vector512{double}, Vector512{double})"/>, ignoring lanes whose
        /// weight is 0, which its term discards), tests it once after the sum against <see cref="ProbabilityLanes.LogFloor"/>
        /// with the sum's finiteness (<see cref="ProbabilityLanes.AllAtLeast(Vector512{double}, double)"/>), and runs the
        /// <see cref="GeneralPass"/> when either fails.
        /// </para>
        /// <para>
        /// Lanes x in [<see cref="ProbabilityLanes.LogFloor"/>, 1] get <see cref="Log(Vector512{double})"/>'s value bit for bit;
        /// other lanes of the first pass get a meaningless value (for +0 a finite one). The <see cref="GeneralPass"/>, and the
        /// first pass where the table log does not run, compute <see cref="Log{TPass}(Vector512{double})"/>.
        /// </para>
        /// </remarks>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">Probabilities the kernel checks.</param>
        /// <returns>ln(x[i]) per lane where x[i] ≥ <see cref="ProbabilityLanes.LogFloor"/> (first pass), every lane's otherwise.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> LogOfCheckedProbability<TPass>(Vector512<double> x)
            where TPass : struct, IKernelPass =>
            typeof(TPass) == typeof(FastPass) && Avx512F.IsSupported ? PortableVectorMath.LogOfPositiveNormal(x) : Log<TPass>(x);

        /// <inheritdoc cref="LogOfCheckedProbability{TPass}(Vector512{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> LogOfCheckedProbability<TPass>(Vector512<float> x)
            where TPass : struct, IKernelPass =>
            typeof(TPass) == typeof(FastPass) && Avx512F.IsSupported ? PortableVectorMath.LogOfPositiveNormal(x) : Log<TPass>(x);

        /// <summary>
        /// <see cref="LogOfCheckedProbability{TPass}(Vector512{double})"/> at 256 bits: the table log's fast path alone where
        /// the CPU has AVX-512VL (an AVX-512 CPU running its 256-bit code); on AVX2 the tested
        /// <see cref="Log{TPass}(Vector256{double})"/>, whose per-lane test measured cheaper there than the floor's fold
        /// (<see cref="ProbabilityLanes.Floor(Vector256{double}, Vector256{double}, Vector256{double})"/>).
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">Probabilities the kernel checks.</param>
        /// <returns>ln(x[i]) per lane where x[i] ≥ <see cref="ProbabilityLanes.LogFloor"/> (first pass), every lane's otherwise.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> LogOfCheckedProbability<TPass>(Vector256<double> x)
            where TPass : struct, IKernelPass =>
            typeof(TPass) == typeof(FastPass) && Avx512F.VL.IsSupported ? PortableVectorMath.LogOfPositiveNormal(x) : Log<TPass>(x);

        /// <inheritdoc cref="LogOfCheckedProbability{TPass}(Vector256{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> LogOfCheckedProbability<TPass>(Vector256<float> x)
            where TPass : struct, IKernelPass =>
            typeof(TPass) == typeof(FastPass) && Avx512F.VL.IsSupported ? PortableVectorMath.LogOfPositiveNormal(x) : Log<TPass>(x);

        /// <summary>
        /// <see cref="LogOfCheckedProbability{TPass}(Vector512{double})"/> at 128 bits, where the logarithm has no table path:
        /// <see cref="Log{TPass}(Vector128{double})"/>, every lane.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">Probabilities the kernel checks.</param>
        /// <returns>ln(x[i]) per lane.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> LogOfCheckedProbability<TPass>(Vector128<double> x)
            where TPass : struct, IKernelPass => Log<TPass>(x);

        /// <inheritdoc cref="LogOfCheckedProbability{TPass}(Vector128{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> LogOfCheckedProbability<TPass>(Vector128<float> x)
            where TPass : struct, IKernelPass => Log<TPass>(x);

        /// <summary>
        /// <see cref="XLogRatio{TPass}(Vector512{double}, Vector512{double})"/> for a two-pass kernel whose arguments are
        /// probabilities it checks itself: with <see cref="FastPass"/> on AVX-512 the table path x·log r + (x − r·y) in every
        /// lane, with no per-lane domain test (see <see cref="LogOfCheckedProbability{TPass}(Vector512{double})"/>'s remarks).
        /// </summary>
        /// <remarks>
        /// For x, y in [+0, 1] the first pass is <see cref="XLogRatio(Vector512{double}, Vector512{double})"/>'s value bit for
        /// bit in every lane where x = 0 &lt; y or x ≥ <see cref="ProbabilityLanes.XLogRatioFloor"/> and y &gt; 0 with x/y
        /// finite; where y = 0, or x/y overflows, the lane is NaN or −∞. So the kernel folds the weights x into
        /// <see cref="ProbabilityLanes.Floor(Vector512{double}, Vector512{double}, Vector512{double})"/>, and runs the
        /// <see cref="GeneralPass"/> when the floor lies below <see cref="ProbabilityLanes.XLogRatioFloor"/> or the sum is not
        /// finite (the KL of probabilities is finite unless some y = 0 &lt; x).
        /// </remarks>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The probabilities p (the weights of the terms), checked by the kernel.</param>
        /// <param name="y">The probabilities q, checked by the kernel.</param>
        /// <returns>x[i]·ln(x[i]/y[i]) per lane (0 where x[i] = 0) within the first pass's domain, every lane's otherwise.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> XLogRatioOfCheckedProbabilities<TPass>(Vector512<double> x, Vector512<double> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && Avx512F.IsSupported)
            {
                var ratio = x / y;
                return PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
            }

            return XLogRatio<TPass>(x, y);
        }

        /// <inheritdoc cref="XLogRatioOfCheckedProbabilities{TPass}(Vector512{double}, Vector512{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> XLogRatioOfCheckedProbabilities<TPass>(Vector512<float> x, Vector512<float> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && Avx512F.IsSupported)
            {
                var ratio = x / y;
                return PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
            }

            return XLogRatio<TPass>(x, y);
        }

        /// <summary>
        /// <see cref="XLogRatioOfCheckedProbabilities{TPass}(Vector512{double}, Vector512{double})"/> at 256 bits: the table
        /// path where the CPU has AVX-512VL; on AVX2 the tested <see cref="XLogRatio{TPass}(Vector256{double}, Vector256{double})"/>
        /// (see <see cref="LogOfCheckedProbability{TPass}(Vector256{double})"/>).
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The probabilities p (the weights of the terms), checked by the kernel.</param>
        /// <param name="y">The probabilities q, checked by the kernel.</param>
        /// <returns>x[i]·ln(x[i]/y[i]) per lane (0 where x[i] = 0) within the first pass's domain, every lane's otherwise.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> XLogRatioOfCheckedProbabilities<TPass>(Vector256<double> x, Vector256<double> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && Avx512F.VL.IsSupported && Fma.IsSupported)
            {
                var ratio = x / y;
                return PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
            }

            return XLogRatio<TPass>(x, y);
        }

        /// <inheritdoc cref="XLogRatioOfCheckedProbabilities{TPass}(Vector256{double}, Vector256{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> XLogRatioOfCheckedProbabilities<TPass>(Vector256<float> x, Vector256<float> y)
            where TPass : struct, IKernelPass
        {
            if (typeof(TPass) == typeof(FastPass) && Avx512F.VL.IsSupported && Fma.IsSupported)
            {
                var ratio = x / y;
                return PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
            }

            return XLogRatio<TPass>(x, y);
        }

        /// <summary>
        /// <see cref="XLogRatioOfCheckedProbabilities{TPass}(Vector512{double}, Vector512{double})"/> at 128 bits, where the
        /// logarithm has no table path: <see cref="XLogRatio{TPass}(Vector128{double}, Vector128{double})"/>, every lane.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The probabilities p (the weights of the terms), checked by the kernel.</param>
        /// <param name="y">The probabilities q, checked by the kernel.</param>
        /// <returns>x[i]·ln(x[i]/y[i]) per lane (0 where x[i] = 0), or (first pass only) NaN.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> XLogRatioOfCheckedProbabilities<TPass>(Vector128<double> x, Vector128<double> y)
            where TPass : struct, IKernelPass => XLogRatio<TPass>(x, y);

        /// <inheritdoc cref="XLogRatioOfCheckedProbabilities{TPass}(Vector128{double}, Vector128{double})"/>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> XLogRatioOfCheckedProbabilities<TPass>(Vector128<float> x, Vector128<float> y)
            where TPass : struct, IKernelPass => XLogRatio<TPass>(x, y);
    }
}
