using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <summary>Horizontal sums used by generated code: float lanes are widened to double before adding.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class VectorReductions
    {
        /// <summary>Σ lanes of <paramref name="value"/>, each widened to double first (no float rounding in the sum).</summary>
        /// <param name="value">The lanes.</param>
        /// <returns>The sum in double.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double SumToDouble(Vector128<float> value) => Vector128.Sum(Vector128.WidenLower(value) + Vector128.WidenUpper(value));

        /// <summary>Σ lanes of <paramref name="value"/>, each widened to double first (no float rounding in the sum).</summary>
        /// <param name="value">The lanes.</param>
        /// <returns>The sum in double.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double SumToDouble(Vector256<float> value) => Vector256.Sum(Vector256.WidenLower(value) + Vector256.WidenUpper(value));

        /// <summary>Σ lanes of <paramref name="value"/>, each widened to double first (no float rounding in the sum).</summary>
        /// <param name="value">The lanes.</param>
        /// <returns>The sum in double.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double SumToDouble(Vector512<float> value) => Vector512.Sum(Vector512.WidenLower(value) + Vector512.WidenUpper(value));
    }
}
