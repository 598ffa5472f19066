using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen
{
    // Loader's deviance bd0(x, m) = x·log(x/m) + m − x per lane; the method and its measured accuracy are on
    // ScalarMath.Deviance, which uses the same series and the same switch.
    public static partial class VectorMath
    {
        // S(z) = Σⱼ zʲ/(2j + 3) = (atanh(√z)/√z − 1)/z on [0, ¼]: Chebyshev interpolants (mpmath.chebyfit;
        // tests/DivergenceGen.Tests/Runtime/reference/fit_deviance_series.py), coefficients rounded to the element type. Relative
        // error 2.9e−16 (degree 12, double) and 6.6e−8 (degree 5, float); it enters bd0 scaled by at most ⅙. Evaluated in
        // Estrin's order (a short dependency chain; benchmarks/README.md, "Compute floors"), without FMA.
        internal const double DevianceS0 = 0.3333333333333334;
        internal const double DevianceS1 = 0.19999999999988882;
        internal const double DevianceS2 = 0.14285714288195786;
        internal const double DevianceS3 = 0.11111110894155087;
        internal const double DevianceS4 = 0.09090918911391244;
        internal const double DevianceS5 = 0.07692044266759973;
        internal const double DevianceS6 = 0.06671177979729383;
        internal const double DevianceS7 = 0.058309531156912356;
        internal const double DevianceS8 = 0.056599417377332484;
        internal const double DevianceS9 = 0.026913545051501023;
        internal const double DevianceS10 = 0.1145475451088902;
        internal const double DevianceS11 = -0.10951650742612855;
        internal const double DevianceS12 = 0.19745426478533493;
        internal const float DevianceSingleS0 = 0.3333333134651184f;
        internal const float DevianceSingleS1 = 0.2000047266483307f;
        internal const float DevianceSingleS2 = 0.14263980090618134f;
        internal const float DevianceSingleS3 = 0.11469875276088715f;
        internal const float DevianceSingleS4 = 0.06493489444255829f;
        internal const float DevianceSingleS5 = 0.15751780569553375f;

        /// <summary>
        /// Loader's deviance bd0(x, m) = x·log(x/m) + m − x ≥ 0 per lane, with the difference x − m given by the caller
        /// (exact, or rounded once from exact inputs: Bernoulli's KL passes q − p beside x = 1 − p, m = 1 − q, whose own
        /// difference would have lost it). Full relative accuracy also where x ≈ m and bd0 ≈ (x − m)²/(2m) lies far below
        /// the ulp of x. x = 0 gives m (0·log 0 = 0); m = 0 &lt; x gives +∞. Domain: x, m ≥ 0 and finite.
        /// </summary>
        /// <remarks>
        /// Where |x − m| &lt; ½(x + m) (x/m in (⅓, 3)): (x − m)·v + 2x·v³·S(v²), v = (x − m)/(x + m), S(z) = Σⱼ zʲ/(2j + 3)
        /// as a polynomial: no cancellation, no logarithm. Elsewhere x·log(x/m) − (x − m), which cancels by at most a
        /// factor 3. A vector whose lanes all lie in the first region takes no logarithm.
        /// (<see cref="ScalarMath.Deviance(double, double, double)"/>: the same method, and its measured accuracy.)
        /// </remarks>
        /// <param name="x">The first argument (a probability, a count).</param>
        /// <param name="m">The second argument (the mean).</param>
        /// <param name="xMinusM">x − m, as accurately as the caller knows it.</param>
        /// <returns>A vector whose lane i is bd0(x[i], m[i]).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Deviance(Vector128<double> x, Vector128<double> m, Vector128<double> xMinusM) => Deviance<GeneralPass>(x, m, xMinusM);

        /// <summary>
        /// <see cref="Deviance(Vector128{double}, Vector128{double}, Vector128{double})"/> for a pass of a two-pass kernel (<see cref="IKernelPass"/>): with
        /// <see cref="FastPass"/> no call, and NaN in a far lane whose quotient x/m leaves the normal range or whose
        /// logarithm needs the general path (m = 0 &lt; x; a subnormal operand); x = 0 still gives m.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The first argument (a probability, a count).</param>
        /// <param name="m">The second argument (the mean).</param>
        /// <param name="xMinusM">x − m, as accurately as the caller knows it.</param>
        /// <returns>A vector whose lane i is bd0(x[i], m[i]), or (first pass only) NaN.</returns>
        [WidthTemplate(512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Deviance<TPass>(Vector128<double> x, Vector128<double> m, Vector128<double> xMinusM)
            where TPass : struct, IKernelPass
        {
            var s = x + m;
            var v = xMinusM / s;
            var z = v * v;
            var series = (xMinusM * v) + ((x + x) * v * z * DevianceSeries(z));
            var near = Vector128.LessThan(Vector128.Abs(xMinusM), s * Vector128.Create(0.5));
            if (Vector128.EqualsAll(near.AsUInt64(), Vector128<ulong>.AllBitsSet))
            {
                return series; // every lane near: no logarithm
            }

            // Far lanes: |log(x/m)| ≥ log 3, so the quotient's rounding costs under ½ ulp of the logarithm; where it would
            // overflow or underflow (a subnormal operand) the vector takes log x − log m, as LogRatio does.
            var ratio = x / m;
            Vector128<double> log;
            if (typeof(TPass) == typeof(FastPass) && FastPassLogIsNaNOutsideTheNormalRange(ratio))
            {
                // The table log's first pass is NaN wherever the quotient is not a positive normal number: the lanes to
                // send to the general path (a lane x = 0 is NaN there too, and the last select gives it m).
                log = Log<FastPass>(ratio);
            }
            else if (typeof(TPass) == typeof(FastPass))
            {
                var normal = Vector128.GreaterThanOrEqual(ratio, Vector128.Create(2.2250738585072014E-308)) & Vector128.LessThanOrEqual(ratio, Vector128.Create(double.MaxValue));
                log = Vector128.ConditionalSelect(FinitePositive(x, m, double.MaxValue) & ~normal, Vector128.Create(double.NaN), Log<FastPass>(ratio));
            }
            else
            {
                log = QuotientIsSafe(FinitePositive(x, m, double.MaxValue), ratio, 2.2250738585072014E-308, double.MaxValue) ? Log(ratio) : LogDifference(x, m);
            }

            var result = Vector128.ConditionalSelect(near, series, (x * log) - xMinusM);
            return Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<double>.Zero), m, result);
        }

        /// <summary>
        /// S(z) = Σⱼ zʲ/(2j + 3) on [0, ¼] in Estrin's order (pairs c₂ᵢ + c₂ᵢ₊₁·z, then z², z⁴, z⁸: a dependency chain of
        /// four multiply-adds instead of Horner's twelve), without FMA: the same result on every instruction set, and
        /// the same operations as <see cref="ScalarMath.Deviance(double, double, double)"/>'s series.
        /// </summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> DevianceSeries(Vector128<double> z)
        {
            var z2 = z * z;
            var z4 = z2 * z2;
            var z8 = z4 * z4;
            var p01 = Vector128.Create(DevianceS0) + (z * Vector128.Create(DevianceS1));
            var p23 = Vector128.Create(DevianceS2) + (z * Vector128.Create(DevianceS3));
            var p45 = Vector128.Create(DevianceS4) + (z * Vector128.Create(DevianceS5));
            var p67 = Vector128.Create(DevianceS6) + (z * Vector128.Create(DevianceS7));
            var p89 = Vector128.Create(DevianceS8) + (z * Vector128.Create(DevianceS9));
            var p1011 = Vector128.Create(DevianceS10) + (z * Vector128.Create(DevianceS11));
            var p03 = p01 + (z2 * p23);
            var p47 = p45 + (z2 * p67);
            var p811 = p89 + (z2 * p1011);
            var p07 = p03 + (z4 * p47);
            var p812 = p811 + (z4 * Vector128.Create(DevianceS12));
            return p07 + (z8 * p812);
        }

        /// <summary>
        /// Loader's deviance bd0(x, m) = x·log(x/m) + m − x ≥ 0 per lane, with the difference x − m given by the caller
        /// (exact, or rounded once from exact inputs: Bernoulli's KL passes q − p beside x = 1 − p, m = 1 − q, whose own
        /// difference would have lost it). Full relative accuracy also where x ≈ m and bd0 ≈ (x − m)²/(2m) lies far below
        /// the ulp of x. x = 0 gives m (0·log 0 = 0); m = 0 &lt; x gives +∞. Domain: x, m ≥ 0 and finite.
        /// </summary>
        /// <remarks>
        /// Where |x − m| &lt; ½(x + m) (x/m in (⅓, 3)): (x − m)·v + 2x·v³·S(v²), v = (x − m)/(x + m), S(z) = Σⱼ zʲ/(2j + 3)
        /// as a polynomial: no cancellation, no logarithm. Elsewhere x·log(x/m) − (x − m), which cancels by at most a
        /// factor 3. A vector whose lanes all lie in the first region takes no logarithm.
        /// (<see cref="ScalarMath.Deviance(double, double, double)"/>: the same method, and its measured accuracy.)
        /// </remarks>
        /// <param name="x">The first argument (a probability, a count).</param>
        /// <param name="m">The second argument (the mean).</param>
        /// <param name="xMinusM">x − m, as accurately as the caller knows it.</param>
        /// <returns>A vector whose lane i is bd0(x[i], m[i]).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Deviance(Vector128<float> x, Vector128<float> m, Vector128<float> xMinusM) => Deviance<GeneralPass>(x, m, xMinusM);

        /// <summary>
        /// <see cref="Deviance(Vector128{float}, Vector128{float}, Vector128{float})"/> for a pass of a two-pass kernel (<see cref="IKernelPass"/>): with
        /// <see cref="FastPass"/> no call, and NaN in a far lane whose quotient x/m leaves the normal range or whose
        /// logarithm needs the general path (m = 0 &lt; x; a subnormal operand); x = 0 still gives m.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The first argument (a probability, a count).</param>
        /// <param name="m">The second argument (the mean).</param>
        /// <param name="xMinusM">x − m, as accurately as the caller knows it.</param>
        /// <returns>A vector whose lane i is bd0(x[i], m[i]), or (first pass only) NaN.</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Deviance<TPass>(Vector128<float> x, Vector128<float> m, Vector128<float> xMinusM)
            where TPass : struct, IKernelPass
        {
            var s = x + m;
            var v = xMinusM / s;
            var z = v * v;
            var series = (xMinusM * v) + ((x + x) * v * z * DevianceSeries(z));
            var near = Vector128.LessThan(Vector128.Abs(xMinusM), s * Vector128.Create(0.5f));
            if (Vector128.EqualsAll(near.AsUInt32(), Vector128<uint>.AllBitsSet))
            {
                return series; // every lane near: no logarithm
            }

            // Far lanes: |log(x/m)| ≥ log 3, so the quotient's rounding costs under ½ ulp of the logarithm; where it would
            // overflow or underflow (a subnormal operand) the vector takes log x − log m, as LogRatio does.
            var ratio = x / m;
            Vector128<float> log;
            if (typeof(TPass) == typeof(FastPass) && FastPassLogIsNaNOutsideTheNormalRange(ratio))
            {
                // The table log's first pass is NaN wherever the quotient is not a positive normal number: the lanes to
                // send to the general path (a lane x = 0 is NaN there too, and the last select gives it m).
                log = Log<FastPass>(ratio);
            }
            else if (typeof(TPass) == typeof(FastPass))
            {
                var normal = Vector128.GreaterThanOrEqual(ratio, Vector128.Create(1.17549435E-38f)) & Vector128.LessThanOrEqual(ratio, Vector128.Create(float.MaxValue));
                log = Vector128.ConditionalSelect(FinitePositive(x, m, float.MaxValue) & ~normal, Vector128.Create(float.NaN), Log<FastPass>(ratio));
            }
            else
            {
                log = QuotientIsSafe(FinitePositive(x, m, float.MaxValue), ratio, 1.17549435E-38f, float.MaxValue) ? Log(ratio) : LogDifference(x, m);
            }

            var result = Vector128.ConditionalSelect(near, series, (x * log) - xMinusM);
            return Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<float>.Zero), m, result);
        }

        /// <summary>
        /// S(z) = Σⱼ zʲ/(2j + 3) on [0, ¼] in Estrin's order (pairs c₂ᵢ + c₂ᵢ₊₁·z, then z²: a dependency chain of three
        /// multiply-adds instead of Horner's five), without FMA: the same result on every instruction set.
        /// </summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> DevianceSeries(Vector128<float> z)
        {
            var z2 = z * z;
            var p01 = Vector128.Create(DevianceSingleS0) + (z * Vector128.Create(DevianceSingleS1));
            var p23 = Vector128.Create(DevianceSingleS2) + (z * Vector128.Create(DevianceSingleS3));
            var p45 = Vector128.Create(DevianceSingleS4) + (z * Vector128.Create(DevianceSingleS5));
            return p01 + (z2 * (p23 + (z2 * p45)));
        }

        /// <summary>
        /// <see cref="Deviance(Vector256{double}, Vector256{double}, Vector256{double})"/> for a pass of a two-pass kernel (<see cref="IKernelPass"/>): with
        /// <see cref="FastPass"/> no call, and NaN in a far lane whose quotient x/m leaves the normal range or whose
        /// logarithm needs the general path (m = 0 &lt; x; a subnormal operand); x = 0 still gives m.
        /// </summary>
        /// <typeparam name="TPass"><see cref="FastPass"/> or <see cref="GeneralPass"/>.</typeparam>
        /// <param name="x">The first argument (a probability, a count).</param>
        /// <param name="m">The second argument (the mean).</param>
        /// <param name="xMinusM">x − m, as accurately as the caller knows it.</param>
        /// <returns>A vector whose lane i is bd0(x[i], m[i]), or (first pass only) NaN.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Deviance<TPass>(Vector256<double> x, Vector256<double> m, Vector256<double> xMinusM)
            where TPass : struct, IKernelPass
        {
            var s = x + m;
            var v = xMinusM / s;
            var z = v * v;
            var series = (xMinusM * v) + ((x + x) * v * z * DevianceSeries(z));
            var near = Vector256.LessThan(Vector256.Abs(xMinusM), s * Vector256.Create(0.5));
            if (Vector256.EqualsAll(near.AsUInt64(), Vector256<ulong>.AllBitsSet))
            {
                return series; // every lane near: no logarithm
            }

            // Far lanes: |log(x/m)| ≥ log 3, so the quotient's rounding costs under ½ ulp of the logarithm; where it would
            // overflow or underflow (a subnormal operand) the vector takes log x − log m, as LogRatio does.
            var ratio = x / m;
            var finitePositive = FinitePositive(x, m, double.MaxValue);
            // With AVX2's sixteen registers, fdlibm's log (branch-free, no out-of-line path) rather than the table log (see
            // PortableVectorMath.LogFdlibm); with AVX-512VL (thirty-two) the table log, as at 512 bits, and its results.
            Vector256<double> log;
            if (typeof(TPass) == typeof(FastPass) && Avx512F.VL.IsSupported && FastPassLogIsNaNOutsideTheNormalRange(ratio))
            {
                log = Log<FastPass>(ratio); // NaN wherever the quotient is not a positive normal number, as at 512 bits
            }
            else if (typeof(TPass) == typeof(FastPass))
            {
                var normal = Vector256.GreaterThanOrEqual(ratio, Vector256.Create(2.2250738585072014E-308)) & Vector256.LessThanOrEqual(ratio, Vector256.Create(double.MaxValue));
                log = Vector256.ConditionalSelect(finitePositive & ~normal, Vector256.Create(double.NaN), PortableVectorMath.LogFdlibm(ratio));
            }
            else
            {
                log = QuotientIsSafe(finitePositive, ratio, 2.2250738585072014E-308, double.MaxValue)
                    ? (Avx512F.VL.IsSupported ? Log(ratio) : PortableVectorMath.LogFdlibm(ratio))
                    : LogDifference(x, m);
            }

            var result = Vector256.ConditionalSelect(near, series, (x * log) - xMinusM);
            return Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), m, result);
        }
    }
}
