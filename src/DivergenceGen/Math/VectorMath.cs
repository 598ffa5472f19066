using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen
{
    /// <summary>
    /// Lane-wise natural logarithm, log(1 + x) and exp on <see cref="Vector128{T}"/>, <see cref="Vector256{T}"/> and
    /// <see cref="Vector512{T}"/> of <see cref="double"/> and <see cref="float"/>, for generated vector kernels.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every lane follows <see cref="System.Math.Log(double)"/>: log(±0) = −∞, log(+∞) = +∞, log(x) = NaN for x &lt; 0 or NaN;
    /// subnormal inputs are handled like any other (no flush to zero). Error below 1 ulp as measured (0.54 ulp for the
    /// table-driven log on AVX-512, and for float on AVX2; 0.86 ulp for fdlibm's elsewhere: docs/vector-maths.md), promised
    /// at most 2 ulp; float is computed in single precision.
    /// </para>
    /// <para>
    /// Exp follows <see cref="System.Math.Exp(double)"/> likewise: exp(−∞) = +0, exp(+∞) = +∞, NaN → NaN, overflow to +∞,
    /// underflow to +0, subnormal results scaled with a single final rounding (fdlibm's <c>e_exp.c</c>/<c>e_expf.c</c> reduction
    /// and a polynomial without a division, float in single precision): measured 0.65 ulp (double) and 0.65 ulp (float; 0.74 and
    /// 0.75 subnormal ulps on subnormal results; docs/vector-maths.md), tested at 1 ulp, promised at most 2 ulp. The BCL's
    /// <c>Vector256.Exp</c> on .NET 10.0 measured 2.12 ulp (double) and 1.77 ulp (float) on the same kind of inputs.
    /// </para>
    /// <para>
    /// The same branch-free, inlinable implementation runs on every target framework. It is deliberately not forwarded to the
    /// BCL's <c>Vector128.Log</c>/<c>Vector256.Log</c>/<c>Vector512.Log</c> (.NET 9+): on .NET 10.0 those measured 2.57 ulp
    /// (double) and 2.13 ulp (float) against the exact logarithm, outside this type's 2 ulp promise, and they are not inlined
    /// (docs/PERFORMANCE.md, lesson 2).
    /// </para>
    /// </remarks>
    public static partial class VectorMath
    {
        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/>, like <see cref="System.Math.Log(double)"/> per lane: error at most 2 ulp
        /// (measured below 0.86 ulp; below 0.54 ulp where the table-driven log runs, docs/vector-maths.md); log(±0) = −∞,
        /// log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN; subnormals are exact inputs.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Log(Vector128<double> x) => PortableVectorMath.Log(x);

        /// <summary>
        /// Natural logarithm of each lane of <paramref name="x"/>, like <see cref="System.MathF.Log(float)"/> per lane: error at most 2 ulp
        /// (measured below 0.86 ulp; below 0.54 ulp where the table-driven log runs, docs/vector-maths.md); log(±0) = −∞,
        /// log(+∞) = +∞, log(x &lt; 0) = log(NaN) = NaN; subnormals are exact inputs.
        /// </summary>
        /// <param name="x">The lanes whose natural logarithms to compute.</param>
        /// <returns>A vector whose lane i is ln(x[i]).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Log(Vector128<float> x) => PortableVectorMath.Log(x);

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/>, accurate also where |x| is tiny and 1 + x rounds: error at most
        /// 2 ulp (measured below 1 ulp). Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN
        /// gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Log1p(Vector128<double> x) => PortableVectorMath.Log1p(x);

        /// <summary>
        /// log(1 + x) for each lane of <paramref name="x"/>, accurate also where |x| is tiny and 1 + x rounds: error at most
        /// 2 ulp (measured below 1 ulp). Defined for x ≥ −1: log1p(−1) = −∞, log1p(+∞) = +∞, log1p(±0) = ±0; x &lt; −1 or NaN
        /// gives NaN.
        /// </summary>
        /// <param name="x">The lanes, each at least −1.</param>
        /// <returns>A vector whose lane i is ln(1 + x[i]).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Log1p(Vector128<float> x) => PortableVectorMath.Log1p(x);

        /// <summary>
        /// e^x for each lane of <paramref name="x"/>, like <see cref="System.Math.Exp(double)"/> per lane: error at most 2 ulp
        /// (measured below 0.66 ulp; subnormal results, x in about [−745.13, −708.40], rounded once, measured in subnormal ulps).
        /// exp(±0) = 1, exp(+∞) = +∞, exp(−∞) = +0, exp(NaN) = NaN; x &gt; 709.78 gives +∞ and x &lt; −745.13 gives +0.
        /// </summary>
        /// <param name="x">The exponents.</param>
        /// <returns>A vector whose lane i is e^x[i].</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> Exp(Vector128<double> x) => PortableVectorMath.Exp(x);

        /// <summary>
        /// e^x for each lane of <paramref name="x"/>, like <see cref="System.MathF.Exp(float)"/> per lane: error at most 2 ulp
        /// (measured below 0.66 ulp; subnormal results, x in about [−103.97, −87.34], rounded once, measured in subnormal ulps).
        /// exp(±0) = 1, exp(+∞) = +∞, exp(−∞) = +0, exp(NaN) = NaN; x &gt; 88.72 gives +∞ and x &lt; −103.97 gives +0.
        /// </summary>
        /// <param name="x">The exponents.</param>
        /// <returns>A vector whose lane i is e^x[i].</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> Exp(Vector128<float> x) => PortableVectorMath.Exp(x);

        /// <summary>
        /// log(x/y) per lane with one logarithm: the quotient r = x/y is formed, and the rounding of the division is put
        /// back exactly to first order, log(x/y) = log r + (x − r·y)/x, with the residual x − r·y computed exactly (a fused
        /// multiply-add). So the result is as accurate as the logarithm itself, even where x ≈ y and log(x/y) is tiny.
        /// Where a lane with finite x, y &gt; 0 would overflow or underflow the quotient (a subnormal operand), the whole
        /// vector falls back to log x − log y. Lanes with x = 0 give −∞, y = 0 &lt; x give +∞ (as log(x/y) would).
        /// </summary>
        /// <param name="x">The numerators.</param>
        /// <param name="y">The denominators.</param>
        /// <returns>A vector whose lane i is ln(x[i] / y[i]).</returns>
        [WidthTemplate(256)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> LogRatio(Vector128<double> x, Vector128<double> y)
        {
            var ratio = x / y;
            var finitePositive = FinitePositive(x, y, double.MaxValue);
            if (!QuotientIsSafe(finitePositive, ratio, 2.2250738585072014E-308, double.MaxValue))
            {
                return LogDifference(x, y); // out of line: keeps the inlined fast path small
            }

            return LogRatioOfSafeQuotient(x, y, ratio, finitePositive);
        }

        /// <summary>
        /// LogRatio's fast path, where no finite positive lane's quotient left the normal range: log r + (x − r·y)/x with the
        /// residual exact (also the first pass of <c>XLogRatio&lt;FastPass&gt;</c> at this width).
        /// </summary>
        [WidthTemplate(256)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<double> LogRatioOfSafeQuotient(Vector128<double> x, Vector128<double> y, Vector128<double> ratio, Vector128<double> finitePositive)
        {
            // x − ratio·y, exactly; for tiny x the residual would be subnormal and lose bits, so those lanes are scaled
            // by a power of two first (2⁶⁰⁰ below 2⁻⁹⁰⁰), which leaves the quotient unchanged.
            var tiny = Vector128.LessThan(x, Vector128.Create(1.1830521861667747E-271));
            var xs = Vector128.ConditionalSelect(tiny, x * Vector128.Create(4.149515568880993E+180), x);
            var ys = Vector128.ConditionalSelect(tiny, y * Vector128.Create(4.149515568880993E+180), y);
            var residual = PortableVectorMath.MultiplySubtractExact(ratio, ys, xs);
            return Log(ratio) + Vector128.ConditionalSelect(finitePositive, residual / xs, Vector128<double>.Zero);
        }

        /// <summary>
        /// log(x/y) per lane with one logarithm: the quotient r = x/y is formed, and the rounding of the division is put
        /// back exactly to first order, log(x/y) = log r + (x − r·y)/x, with the residual x − r·y computed exactly (a fused
        /// multiply-add). So the result is as accurate as the logarithm itself, even where x ≈ y and log(x/y) is tiny.
        /// Where a lane with finite x, y &gt; 0 would overflow or underflow the quotient (a subnormal operand), the whole
        /// vector falls back to log x − log y. Lanes with x = 0 give −∞, y = 0 &lt; x give +∞ (as log(x/y) would).
        /// </summary>
        /// <param name="x">The numerators.</param>
        /// <param name="y">The denominators.</param>
        /// <returns>A vector whose lane i is ln(x[i] / y[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> LogRatio(Vector128<float> x, Vector128<float> y)
        {
            var ratio = x / y;
            var finitePositive = FinitePositive(x, y, float.MaxValue);
            if (!QuotientIsSafe(finitePositive, ratio, 1.17549435E-38f, float.MaxValue))
            {
                return LogDifference(x, y); // out of line: keeps the inlined fast path small
            }

            return LogRatioOfSafeQuotient(x, y, ratio, finitePositive);
        }

        /// <summary>
        /// LogRatio's fast path, where no finite positive lane's quotient left the normal range: log r + (x − r·y)/x with the
        /// residual exact (also the first pass of <c>XLogRatio&lt;FastPass&gt;</c> at this width).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<float> LogRatioOfSafeQuotient(Vector128<float> x, Vector128<float> y, Vector128<float> ratio, Vector128<float> finitePositive)
        {
            // x − ratio·y, exactly; for tiny x the residual would be subnormal and lose bits, so those lanes are scaled
            // by a power of two first (2⁶⁰ below 2⁻⁹⁰), which leaves the quotient unchanged.
            var tiny = Vector128.LessThan(x, Vector128.Create(8.0779356E-28f));
            var xs = Vector128.ConditionalSelect(tiny, x * Vector128.Create(1.1529215E+18f), x);
            var ys = Vector128.ConditionalSelect(tiny, y * Vector128.Create(1.1529215E+18f), y);
            var residual = PortableVectorMath.MultiplySubtractExact(ratio, ys, xs);
            return Log(ratio) + Vector128.ConditionalSelect(finitePositive, residual / xs, Vector128<float>.Zero);
        }

        /// <summary>
        /// log(x/y) per lane with one logarithm: the quotient r = x/y is formed, and the rounding of the division is put
        /// back exactly to first order, log(x/y) = log r + (x − r·y)/x, with the residual x − r·y computed exactly (a fused
        /// multiply-add). So the result is as accurate as the logarithm itself, even where x ≈ y and log(x/y) is tiny.
        /// Where a lane with finite x, y &gt; 0 would overflow or underflow the quotient (a subnormal operand), the whole
        /// vector falls back to log x − log y. Lanes with x = 0 give −∞, y = 0 &lt; x give +∞ (as log(x/y) would).
        /// </summary>
        /// <param name="x">The numerators.</param>
        /// <param name="y">The denominators.</param>
        /// <returns>A vector whose lane i is ln(x[i] / y[i]).</returns>
        [WidthTemplate(512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> LogRatio(Vector256<float> x, Vector256<float> y)
        {
            var ratio = x / y;
            var finitePositive = FinitePositive(x, y, float.MaxValue);
            if (!QuotientIsSafe(finitePositive, ratio, 1.17549435E-38f, float.MaxValue))
            {
                return LogDifference(x, y); // out of line: keeps the inlined fast path small
            }

            // x − ratio·y, exactly; for tiny x the residual would be subnormal and lose bits, so those lanes are scaled
            // by a power of two first (2⁶⁰ below 2⁻⁹⁰), which leaves the quotient unchanged.
            var tiny = Vector256.LessThan(x, Vector256.Create(8.0779356E-28f));
            var xs = Vector256.ConditionalSelect(tiny, x * Vector256.Create(1.1529215E+18f), x);
            var ys = Vector256.ConditionalSelect(tiny, y * Vector256.Create(1.1529215E+18f), y);
            var residual = PortableVectorMath.MultiplySubtractExact(ratio, ys, xs);
            return Log(ratio) + Vector256.ConditionalSelect(finitePositive, residual / xs, Vector256<float>.Zero);
        }

        /// <summary>
        /// log(x/y) per lane with one logarithm: the quotient r = x/y is formed, and the rounding of the division is put
        /// back exactly to first order, log(x/y) = log r + (x − r·y)/x, with the residual x − r·y computed exactly (a fused
        /// multiply-add). So the result is as accurate as the logarithm itself, even where x ≈ y and log(x/y) is tiny.
        /// Where a lane with finite x, y &gt; 0 would overflow or underflow the quotient (a subnormal operand), the whole
        /// vector falls back to log x − log y. Lanes with x = 0 give −∞, y = 0 &lt; x give +∞ (as log(x/y) would).
        /// </summary>
        /// <param name="x">The numerators.</param>
        /// <param name="y">The denominators.</param>
        /// <returns>A vector whose lane i is ln(x[i] / y[i]).</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> LogRatio(Vector512<double> x, Vector512<double> y)
        {
            var ratio = x / y;
            var finitePositive = FinitePositive(x, y, double.MaxValue);
            if (!QuotientIsSafe(finitePositive, ratio, 2.2250738585072014E-308, double.MaxValue))
            {
                return LogDifference(x, y); // out of line: keeps the inlined fast path small
            }

            // x − ratio·y, exactly; for tiny x the residual would be subnormal and lose bits, so those lanes are scaled
            // by a power of two first (2⁶⁰⁰ below 2⁻⁹⁰⁰), which leaves the quotient unchanged.
            var tiny = Vector512.LessThan(x, Vector512.Create(1.1830521861667747E-271));
            var xs = Vector512.ConditionalSelect(tiny, x * Vector512.Create(4.149515568880993E+180), x);
            var ys = Vector512.ConditionalSelect(tiny, y * Vector512.Create(4.149515568880993E+180), y);
            var residual = PortableVectorMath.MultiplySubtractExact(ratio, ys, xs);
            return Log(ratio) + Vector512.ConditionalSelect(finitePositive, residual / xs, Vector512<double>.Zero);
        }

        /// <summary>
        /// x·log(x/y) per lane, 0 where x ≤ 0 or x is NaN: the KL term of a lane, as
        /// <c>ConditionalSelect(x &gt; 0, x * LogRatio(x, y), 0)</c> with the same accuracy. Lanes with y = 0 &lt; x give +∞.
        /// Where the table log runs (the 512-bit overloads on AVX-512, the 256-bit ones on AVX2 + FMA), x·log(x/y) is formed
        /// as x·log r + (x − r·y) with r = x/y and the residual exact (a fused multiply-add): the first-order correction of
        /// <see cref="LogRatio(Vector512{double}, Vector512{double})"/> multiplied through by x, so it costs no second
        /// division. Vectors with a lane outside that path's domain (r not a positive normal number, or x below 2⁻⁹⁰⁰,
        /// float 2⁻⁹⁰, where the residual would be subnormal) take the general form, out of line.
        /// </summary>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]), or 0 where x[i] is not positive.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<double> XLogRatio(Vector128<double> x, Vector128<double> y) =>
            Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<double>.Zero), x * LogRatio(x, y), Vector128<double>.Zero);

        /// <summary>
        /// x·log(x/y) per lane, 0 where x ≤ 0 or x is NaN: the KL term of a lane, as
        /// <c>ConditionalSelect(x &gt; 0, x * LogRatio(x, y), 0)</c> with the same accuracy. Lanes with y = 0 &lt; x give +∞.
        /// Where the table log runs (the 512-bit overloads on AVX-512, the 256-bit ones on AVX2 + FMA), x·log(x/y) is formed
        /// as x·log r + (x − r·y) with r = x/y and the residual exact (a fused multiply-add): the first-order correction of
        /// <see cref="LogRatio(Vector512{double}, Vector512{double})"/> multiplied through by x, so it costs no second
        /// division. Vectors with a lane outside that path's domain (r not a positive normal number, or x below 2⁻⁹⁰⁰,
        /// float 2⁻⁹⁰, where the residual would be subnormal) take the general form, out of line.
        /// </summary>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]), or 0 where x[i] is not positive.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector128<float> XLogRatio(Vector128<float> x, Vector128<float> y) =>
            Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), x * LogRatio(x, y), Vector128<float>.Zero);

        /// <summary>
        /// x·log(x/y) per lane, 0 where x ≤ 0 or x is NaN: the KL term of a lane, as
        /// <c>ConditionalSelect(x &gt; 0, x * LogRatio(x, y), 0)</c> with the same accuracy. Lanes with y = 0 &lt; x give +∞.
        /// Where the table log runs (the 512-bit overloads on AVX-512, the 256-bit ones on AVX2 + FMA), x·log(x/y) is formed
        /// as x·log r + (x − r·y) with r = x/y and the residual exact (a fused multiply-add): the first-order correction of
        /// <see cref="LogRatio(Vector512{double}, Vector512{double})"/> multiplied through by x, so it costs no second
        /// division. Vectors with a lane outside that path's domain (r not a positive normal number, or x below 2⁻⁹⁰⁰,
        /// float 2⁻⁹⁰, where the residual would be subnormal) take the general form, out of line.
        /// </summary>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]), or 0 where x[i] is not positive.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> XLogRatio(Vector256<double> x, Vector256<double> y)
        {
            if (Avx2.IsSupported && Fma.IsSupported)
            {
                var ratio = x / y;
                if (PortableVectorMath.AllPositiveNormal(ratio) && Vector256.GreaterThanOrEqualAll(x, Vector256.Create(1.1830521861667747E-271)))
                {
                    return PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
                }

                return XLogRatioGeneral(x, y);
            }

            return Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.Zero), x * LogRatio(x, y), Vector256<double>.Zero);
        }

        [WidthTemplate(512)]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Vector256<double> XLogRatioGeneral(Vector256<double> x, Vector256<double> y) =>
            Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<double>.Zero), x * LogRatio(x, y), Vector256<double>.Zero);

        /// <summary>
        /// x·log(x/y) per lane, 0 where x ≤ 0 or x is NaN: the KL term of a lane, as
        /// <c>ConditionalSelect(x &gt; 0, x * LogRatio(x, y), 0)</c> with the same accuracy. Lanes with y = 0 &lt; x give +∞.
        /// Where the table log runs (the 512-bit overloads on AVX-512, the 256-bit ones on AVX2 + FMA), x·log(x/y) is formed
        /// as x·log r + (x − r·y) with r = x/y and the residual exact (a fused multiply-add): the first-order correction of
        /// <see cref="LogRatio(Vector512{double}, Vector512{double})"/> multiplied through by x, so it costs no second
        /// division. Vectors with a lane outside that path's domain (r not a positive normal number, or x below 2⁻⁹⁰⁰,
        /// float 2⁻⁹⁰, where the residual would be subnormal) take the general form, out of line.
        /// </summary>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]), or 0 where x[i] is not positive.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> XLogRatio(Vector256<float> x, Vector256<float> y)
        {
            if (Avx2.IsSupported && Fma.IsSupported)
            {
                var ratio = x / y;
                if (PortableVectorMath.AllPositiveNormal(ratio) && Vector256.GreaterThanOrEqualAll(x, Vector256.Create(8.0779356E-28f)))
                {
                    return PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
                }
            }

            return XLogRatioGeneral(x, y);
        }

        [WidthTemplate(512)]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Vector256<float> XLogRatioGeneral(Vector256<float> x, Vector256<float> y) =>
            Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x * LogRatio(x, y), Vector256<float>.Zero);

        /// <summary>
        /// x·log(x/y) per lane, 0 where x ≤ 0 or x is NaN: the KL term of a lane, as
        /// <c>ConditionalSelect(x &gt; 0, x * LogRatio(x, y), 0)</c> with the same accuracy. Lanes with y = 0 &lt; x give +∞.
        /// Where the table log runs (the 512-bit overloads on AVX-512, the 256-bit ones on AVX2 + FMA), x·log(x/y) is formed
        /// as x·log r + (x − r·y) with r = x/y and the residual exact (a fused multiply-add): the first-order correction of
        /// <see cref="LogRatio(Vector512{double}, Vector512{double})"/> multiplied through by x, so it costs no second
        /// division. Vectors with a lane outside that path's domain (r not a positive normal number, or x below 2⁻⁹⁰⁰,
        /// float 2⁻⁹⁰, where the residual would be subnormal) take the general form, out of line.
        /// </summary>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]), or 0 where x[i] is not positive.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> XLogRatio(Vector512<double> x, Vector512<double> y)
        {
            if (Avx512F.IsSupported)
            {
                var ratio = x / y;
                if (PortableVectorMath.AllPositiveNormal(ratio) && Vector512.GreaterThanOrEqualAll(x, Vector512.Create(1.1830521861667747E-271)))
                {
                    return PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
                }
            }

            return XLogRatioGeneral(x, y);
        }

        /// <summary>
        /// x·log(x/y) per lane, 0 where x ≤ 0 or x is NaN: the KL term of a lane, as
        /// <c>ConditionalSelect(x &gt; 0, x * LogRatio(x, y), 0)</c> with the same accuracy. Lanes with y = 0 &lt; x give +∞.
        /// Where the table log runs (the 512-bit overloads on AVX-512, the 256-bit ones on AVX2 + FMA), x·log(x/y) is formed
        /// as x·log r + (x − r·y) with r = x/y and the residual exact (a fused multiply-add): the first-order correction of
        /// <see cref="LogRatio(Vector512{double}, Vector512{double})"/> multiplied through by x, so it costs no second
        /// division. Vectors with a lane outside that path's domain (r not a positive normal number, or x below 2⁻⁹⁰⁰,
        /// float 2⁻⁹⁰, where the residual would be subnormal) take the general form, out of line.
        /// </summary>
        /// <param name="x">The probabilities p (the weights of the terms).</param>
        /// <param name="y">The probabilities q.</param>
        /// <returns>A vector whose lane i is x[i]·ln(x[i]/y[i]), or 0 where x[i] is not positive.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> XLogRatio(Vector512<float> x, Vector512<float> y)
        {
            if (Avx512F.IsSupported)
            {
                var ratio = x / y;
                if (PortableVectorMath.AllPositiveNormal(ratio) && Vector512.GreaterThanOrEqualAll(x, Vector512.Create(8.0779356E-28f)))
                {
                    return PortableVectorMath.XLogRatioOfPositiveNormalQuotient(x, y, ratio);
                }
            }

            return XLogRatioGeneral(x, y);
        }

        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<T> FinitePositive<T>(Vector128<T> x, Vector128<T> y, T max) =>
            Vector128.GreaterThan(x, Vector128<T>.Zero) & Vector128.GreaterThan(y, Vector128<T>.Zero)
            & Vector128.LessThanOrEqual(x, Vector128.Create(max)) & Vector128.LessThanOrEqual(y, Vector128.Create(max));

        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool QuotientIsSafe<T>(Vector128<T> finitePositive, Vector128<T> ratio, T minNormal, T max)
        {
            var normal = Vector128.GreaterThanOrEqual(ratio, Vector128.Create(minNormal)) & Vector128.LessThanOrEqual(ratio, Vector128.Create(max));
            return (finitePositive & ~normal) == Vector128<T>.Zero;
        }

        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Vector128<double> LogDifference(Vector128<double> x, Vector128<double> y) => Log(x) - Log(y);

        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Vector128<float> LogDifference(Vector128<float> x, Vector128<float> y) => Log(x) - Log(y);
    }
}
