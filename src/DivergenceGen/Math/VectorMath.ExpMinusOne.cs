using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <summary>
    /// φ(x) = eˣ − 1 − x and eˣ − 1 lane-wise, accurate where x is near 0: the diagonal-normal KL divergence is
    /// ½Σ(Δμ²/σq² + φ(log σp² − log σq²)), a sum of non-negative terms that keeps full relative accuracy where P ≈ Q, and its
    /// gradient in log σp² is ½·(e^(log σp² − log σq²) − 1). Written by tools/expminusone.py (the
    /// Vector128 methods; the build copies them to 256 and 512 bits, [WidthTemplate]).
    /// </summary>
    /// <remarks>
    /// For −1 ≤ x ≤ 2 both come from φ(x) = x²·Σ_{k≥2} x^(k−2)/k! (Taylor, Horner, to k = 25 for double and 15 for float:
    /// the truncation is below 10⁻² of an ulp): for x ≥ 0 every term is positive, for x ≥ −1 each term is smaller than the
    /// one before; eˣ − 1 = x + φ(x). Outside, exp(x) − 1 − x and exp(x) − 1, which cancel by at most a factor 2 there
    /// (e² − 3 = 4.4 against e² = 7.4; e⁻¹ − 1 + 1 = 0.37 against 1). Measured against 50-digit mpmath in
    /// tests/DivergenceGen.Tests/Runtime/ExpMinusOneTests.cs (the bounds are stated there). φ(+∞) = +∞ (also where exp overflows: φ(x) &gt; e^x/2 there),
    /// φ(−∞) = +∞, NaN → NaN; eˣ − 1 is −1 at −∞ and +∞ at +∞.
    /// </remarks>
    public static partial class VectorMath
    {
        /// <summary>The largest x whose exp is finite: above it φ(x) = eˣ − 1 − x is +∞ (double).</summary>
        private const double ExpOverflowDouble = 709.782712893384;

        /// <summary>The largest x whose exp is finite: above it φ(x) = eˣ − 1 − x is +∞ (float).</summary>
        private const float ExpOverflowSingle = 88.72283f;

        /// <summary>
        /// φ(x) = x²·Σ_{k≥2} x^(k−2)/k! for −1 ≤ x ≤ 2, by Horner with literal coefficients and the exp's multiply-add
        /// (fused where the CPU has FMA): straight-line, so that where ExpMinusOneMinus and Expm1 are both inlined on the
        /// same x (a KL term and its gradient) the JIT computes it, and the exp, once.
        /// </summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> ExpGapSeries(Vector128<double> x)
        {
            Vector128<double> p = Vector128.Create(6.446950284384474e-26d);
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(1.6117375710961184e-24d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(3.868170170630684e-23d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(8.896791392450574e-22d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(1.9572941063391263e-20d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(4.110317623312165e-19d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(8.22063524662433e-18d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(1.5619206968586225e-16d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.8114572543455206e-15d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(4.779477332387385e-14d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(7.647163731819816e-13d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(1.1470745597729725e-11d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(1.6059043836821613e-10d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.08767569878681e-09d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.505210838544172e-08d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.755731922398589e-07d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.7557319223985893e-06d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.48015873015873e-05d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.0001984126984126984d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.001388888888888889d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.008333333333333333d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.041666666666666664d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.16666666666666666d));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.5d));
            return x * x * p;
        }

        /// <summary>The lanes where −1 ≤ x ≤ 2 (the series' range).</summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> InSeriesRange(Vector128<double> x) =>
            Vector128.GreaterThanOrEqual(x, Vector128.Create(-1d)) & Vector128.LessThanOrEqual(x, Vector128.Create(2d));

        /// <summary>φ(x) = eˣ − 1 − x ≥ 0 in each lane, with full relative accuracy near 0 (≈ x²/2); see the type's remarks.</summary>
        /// <param name="x">The lanes.</param>
        /// <returns>A vector whose lane i is e^x[i] − 1 − x[i] (+∞ at ±∞ and where exp overflows).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> ExpMinusOneMinus(Vector128<double> x)
        {
            Vector128<double> large = Vector128.ConditionalSelect(
                Vector128.GreaterThan(x, Vector128.Create(ExpOverflowDouble)), Vector128.Create(double.PositiveInfinity), Exp(x) - Vector128<double>.One - x);
            return Vector128.ConditionalSelect(InSeriesRange(x), ExpGapSeries(x), large);
        }

        /// <summary>eˣ − 1 in each lane, with full relative accuracy near 0; see the type's remarks.</summary>
        /// <param name="x">The lanes.</param>
        /// <returns>A vector whose lane i is e^x[i] − 1 (−1 at −∞, +∞ at +∞).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Expm1(Vector128<double> x) =>
            Vector128.ConditionalSelect(InSeriesRange(x), x + ExpGapSeries(x), Exp(x) - Vector128<double>.One);

        /// <summary>
        /// φ(x) = x²·Σ_{k≥2} x^(k−2)/k! for −1 ≤ x ≤ 2, by Horner with literal coefficients and the exp's multiply-add
        /// (fused where the CPU has FMA): straight-line, so that where ExpMinusOneMinus and Expm1 are both inlined on the
        /// same x (a KL term and its gradient) the JIT computes it, and the exp, once.
        /// </summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> ExpGapSeries(Vector128<float> x)
        {
            Vector128<float> p = Vector128.Create(7.647163731819816e-13f);
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(1.1470745597729725e-11f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(1.6059043836821613e-10f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.08767569878681e-09f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.505210838544172e-08f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.755731922398589e-07f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.7557319223985893e-06f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(2.48015873015873e-05f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.0001984126984126984f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.001388888888888889f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.008333333333333333f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.041666666666666664f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.16666666666666666f));
            p = PortableVectorMath.ExpMultiplyAdd(p, x, Vector128.Create(0.5f));
            return x * x * p;
        }

        /// <summary>The lanes where −1 ≤ x ≤ 2 (the series' range).</summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> InSeriesRange(Vector128<float> x) =>
            Vector128.GreaterThanOrEqual(x, Vector128.Create(-1f)) & Vector128.LessThanOrEqual(x, Vector128.Create(2f));

        /// <summary>φ(x) = eˣ − 1 − x ≥ 0 in each lane, with full relative accuracy near 0 (≈ x²/2); see the type's remarks.</summary>
        /// <param name="x">The lanes.</param>
        /// <returns>A vector whose lane i is e^x[i] − 1 − x[i] (+∞ at ±∞ and where exp overflows).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> ExpMinusOneMinus(Vector128<float> x)
        {
            Vector128<float> large = Vector128.ConditionalSelect(
                Vector128.GreaterThan(x, Vector128.Create(ExpOverflowSingle)), Vector128.Create(float.PositiveInfinity), Exp(x) - Vector128<float>.One - x);
            return Vector128.ConditionalSelect(InSeriesRange(x), ExpGapSeries(x), large);
        }

        /// <summary>eˣ − 1 in each lane, with full relative accuracy near 0; see the type's remarks.</summary>
        /// <param name="x">The lanes.</param>
        /// <returns>A vector whose lane i is e^x[i] − 1 (−1 at −∞, +∞ at +∞).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Expm1(Vector128<float> x) =>
            Vector128.ConditionalSelect(InSeriesRange(x), x + ExpGapSeries(x), Exp(x) - Vector128<float>.One);
    }
}
