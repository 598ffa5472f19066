using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <content>The fused multiply-add that generated kernels use for differences that must not lose their digits (k − βx).</content>
    public static partial class VectorMath
    {
        /// <summary>
        /// a·b + c lane-wise with the product exact: a hardware or emulated fused multiply-add on .NET 9+; on .NET 8
        /// Dekker's exact product (c − (−a)·b, two roundings at most), falling back to the plain a·b + c in a lane where the
        /// split overflows (|a| or |b| above ~1e300), so no lane is NaN that the plain form has finite.
        /// </summary>
        /// <param name="a">The first factor.</param>
        /// <param name="b">The second factor.</param>
        /// <param name="c">The addend.</param>
        /// <returns>a·b + c.</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> FusedMultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c)
        {
#if NET9_0_OR_GREATER
            return Vector128.FusedMultiplyAdd(a, b, c);
#else
            var exact = PortableVectorMath.MultiplySubtractDekker(-a, b, c);
            var plain = (a * b) + c;
            return Vector128.ConditionalSelect(Vector128.Equals(exact - exact, Vector128<double>.Zero), exact, plain);
#endif
        }
    }
}
