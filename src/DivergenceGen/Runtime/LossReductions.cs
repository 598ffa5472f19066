using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <summary>Horizontal maxima used by the generated loss kernels (the row maximum subtracted before exp).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class LossReductions
    {
        /// <summary>The largest lane of <paramref name="value"/>.</summary>
        /// <param name="value">The lanes.</param>
        /// <returns>max over the lanes.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Max(Vector128<double> value) => System.Math.Max(value.GetElement(0), value.GetElement(1));

        /// <summary>The largest lane of <paramref name="value"/>.</summary>
        /// <param name="value">The lanes.</param>
        /// <returns>max over the lanes.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Max(Vector256<double> value) => Max(Vector128.Max(value.GetLower(), value.GetUpper()));

        /// <summary>The largest lane of <paramref name="value"/>.</summary>
        /// <param name="value">The lanes.</param>
        /// <returns>max over the lanes.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Max(Vector512<double> value) => Max(Vector256.Max(value.GetLower(), value.GetUpper()));

        /// <summary>The largest lane of <paramref name="value"/>.</summary>
        /// <param name="value">The lanes.</param>
        /// <returns>max over the lanes.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Max(Vector128<float> value)
        {
            var pairs = Vector128.Max(value, Vector128.Shuffle(value, Vector128.Create(2, 3, 0, 1)));
            return System.MathF.Max(pairs.GetElement(0), pairs.GetElement(1));
        }

        /// <summary>The largest lane of <paramref name="value"/>.</summary>
        /// <param name="value">The lanes.</param>
        /// <returns>max over the lanes.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Max(Vector256<float> value) => Max(Vector128.Max(value.GetLower(), value.GetUpper()));

        /// <summary>The largest lane of <paramref name="value"/>.</summary>
        /// <param name="value">The lanes.</param>
        /// <returns>max over the lanes.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static float Max(Vector512<float> value) => Max(Vector256.Max(value.GetLower(), value.GetUpper()));
    }
}
