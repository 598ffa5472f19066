using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;

namespace DivergenceGen
{
    /// <summary>
    /// Maximum-likelihood fits of the continuous families (Normal, LogNormal, Exponential, Gamma, Beta, Laplace, Uniform)
    /// to a sample, in double. Generated types call these from their <c>Fit</c> members and construct themselves from the
    /// parameters returned through the <c>out</c> arguments.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each family has a <see cref="ReadOnlySpan{T}"/> of double and of float overload. The float overload widens the
    /// sample into a buffer rented from <see cref="ArrayPool{T}.Shared"/> (exactly: every float is a double) and runs the
    /// double fit, so it returns exactly what the double overload returns for the widened values; its messages show the
    /// float values.
    /// </para>
    /// <para>
    /// Sums are compensated (Neumaier) and, where values of any magnitude meet, taken over the values scaled by one power
    /// of two (exact), so that no sum overflows for values up to <see cref="double.MaxValue"/> and no square underflows for
    /// subnormal data. Spreads are computed from differences to a reference (two passes), never as differences of large
    /// sums: 1e9 + small noise keeps the noise's digits.
    /// </para>
    /// <para>
    /// Validation (the sample is the parameter <c>x</c>), in this order: an empty sample is an
    /// <see cref="ArgumentException"/>; then the values in index order, the first that is NaN or ±∞ an
    /// <see cref="ArgumentException"/> and the first outside the family's support an
    /// <see cref="ArgumentOutOfRangeException"/>, each naming its index and value; then a sample whose maximum-likelihood
    /// estimate is not a valid parameter (all values equal; all zero for the exponential) is an
    /// <see cref="ArgumentException"/> that says why. Nothing is allocated except the rented buffers (float overloads,
    /// LogNormal, Laplace), which are returned.
    /// </para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ContinuousFit
    {
        /// <summary>The most Newton steps the Gamma and Beta fits take before they fail.</summary>
        public const int MaxIterations = 100;

        /// <summary>2⁻⁵², the spacing of doubles at 1.</summary>
        private const double Ulp1 = 2.220446049250313E-16;

        /// <summary>2⁻⁴⁸: a Newton step in ln a below this ends the Gamma fit (quadratic convergence: the error left is ~2⁻⁹⁶).</summary>
        private const double GammaConvergedStep = 3.552713678800501E-15;

        /// <summary>2⁻⁴⁰: a relative Newton step of α and β below this (or below the rounding noise) ends the Beta fit.</summary>
        private const double BetaConvergedStep = 9.094947017729282E-13;

        /// <summary>The most times the Beta fit halves one Newton step.</summary>
        private const int MaxHalvings = 60;

        /// <summary>B₂ₖ/(2k), k = 1…10: ln a − ψ(a) = 1/(2a) + Σₖ B₂ₖ/(2k·a²ᵏ) (asymptotic).</summary>
        private static readonly double[] AsymptoticSeries =
        {
            1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760, 1.0 / 12, -3617.0 / 8160, 43867.0 / 14364,
            -174611.0 / 6600,
        };

        private enum Support
        {
            Real,
            NonNegative,
            Positive,
            OpenUnitInterval,
        }

        // ---- Normal ----------------------------------------------------------------------------------------------

        /// <summary>
        /// Fits Normal(mean, standardDeviation): the sample mean and the maximum-likelihood σ̂ = √(Σ(xᵢ − x̄)²/n) (divisor n,
        /// not n − 1).
        /// </summary>
        /// <remarks>
        /// Two passes over the values scaled by a power of two: the mean m by a compensated sum, then Σdᵢ and Σdᵢ² of
        /// dᵢ = xᵢ − m (compensated), with the mean corrected by Σdᵢ/n and σ̂² = Σdᵢ²/n − (Σdᵢ/n)² (the corrected two-pass
        /// algorithm: the correction removes the rounding of m). Relative accuracy of σ̂ is a few ulps whatever the offset
        /// (1e9 + noise of 1e−6).
        /// </remarks>
        /// <param name="x">The sample: at least one finite value, not all equal.</param>
        /// <param name="mean">The fitted mean.</param>
        /// <param name="standardDeviation">The fitted standard deviation, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (σ̂ = 0 is not a valid standard deviation), or σ̂ underflows to 0 (values
        /// that differ only in the last bits of subnormals).</exception>
        public static void Normal(ReadOnlySpan<double> x, out double mean, out double standardDeviation) =>
            NormalCore(x, false, out mean, out standardDeviation);

        /// <summary>Fits Normal(mean, standardDeviation) to a float sample: <see cref="Normal(ReadOnlySpan{double}, out double, out double)"/> on the widened values.</summary>
        /// <param name="x">The sample: at least one finite value, not all equal.</param>
        /// <param name="mean">The fitted mean.</param>
        /// <param name="standardDeviation">The fitted standard deviation, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (σ̂ = 0 is not a valid standard deviation).</exception>
        public static void Normal(ReadOnlySpan<float> x, out double mean, out double standardDeviation)
        {
            double[] wide = Widen(x);
            try
            {
                NormalCore(wide.AsSpan(0, x.Length), true, out mean, out standardDeviation);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(wide);
            }
        }

        // ---- LogNormal -------------------------------------------------------------------------------------------

        /// <summary>
        /// Fits LogNormal(mu, sigma): the Normal fit of ln xᵢ (mu the mean of ln x, sigma its maximum-likelihood standard
        /// deviation, divisor n).
        /// </summary>
        /// <remarks>
        /// The logarithms are taken relative to the first value c = x₀: tᵢ = ln(xᵢ/c) (<see cref="ScalarMath.LogRatio(double, double)"/>,
        /// which puts the division's rounding back), so nearly equal values give tᵢ with relative accuracy and sigma keeps
        /// its digits (ln xᵢ itself would round each to ~4e−15 absolute); mu = ln c + mean(t). The tᵢ are held in a rented
        /// buffer.
        /// </remarks>
        /// <param name="x">The sample: at least one finite value, every value &gt; 0, not all equal.</param>
        /// <param name="mu">The fitted mean of ln X.</param>
        /// <param name="sigma">The fitted standard deviation of ln X, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (sigma = 0 is not valid).</exception>
        /// <exception cref="ArgumentOutOfRangeException">A value is ≤ 0 (the message names the first, its index and value).</exception>
        public static void LogNormal(ReadOnlySpan<double> x, out double mu, out double sigma) =>
            LogNormalCore(x, false, out mu, out sigma);

        /// <summary>Fits LogNormal(mu, sigma) to a float sample: <see cref="LogNormal(ReadOnlySpan{double}, out double, out double)"/> on the widened values.</summary>
        /// <param name="x">The sample: at least one finite value, every value &gt; 0, not all equal.</param>
        /// <param name="mu">The fitted mean of ln X.</param>
        /// <param name="sigma">The fitted standard deviation of ln X, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (sigma = 0 is not valid).</exception>
        /// <exception cref="ArgumentOutOfRangeException">A value is ≤ 0 (the message names the first, its index and value).</exception>
        public static void LogNormal(ReadOnlySpan<float> x, out double mu, out double sigma)
        {
            double[] wide = Widen(x);
            try
            {
                LogNormalCore(wide.AsSpan(0, x.Length), true, out mu, out sigma);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(wide);
            }
        }

        // ---- Exponential -----------------------------------------------------------------------------------------

        /// <summary>Fits Exponential(rate): rate = 1/x̄ (the sample mean by a compensated sum of the values scaled by a power of two).</summary>
        /// <param name="x">The sample: at least one finite value, every value ≥ 0, not all 0.</param>
        /// <param name="rate">The fitted rate, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), every value is 0 (the rate 1/0 = +∞ is not valid), or the mean is so small (&lt; 2⁻¹⁰²⁴) that 1/x̄
        /// overflows.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A value is &lt; 0 (the message names the first, its index and value).</exception>
        public static void Exponential(ReadOnlySpan<double> x, out double rate) => ExponentialCore(x, false, out rate);

        /// <summary>Fits Exponential(rate) to a float sample: <see cref="Exponential(ReadOnlySpan{double}, out double)"/> on the widened values.</summary>
        /// <param name="x">The sample: at least one finite value, every value ≥ 0, not all 0.</param>
        /// <param name="rate">The fitted rate, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or every value is 0 (the rate 1/0 = +∞ is not valid).</exception>
        /// <exception cref="ArgumentOutOfRangeException">A value is &lt; 0 (the message names the first, its index and value).</exception>
        public static void Exponential(ReadOnlySpan<float> x, out double rate)
        {
            double[] wide = Widen(x);
            try
            {
                ExponentialCore(wide.AsSpan(0, x.Length), true, out rate);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(wide);
            }
        }

        // ---- Gamma -----------------------------------------------------------------------------------------------

        /// <summary>
        /// Fits Gamma(shape, rate) (density ∝ x^(shape − 1)e^(−rate·x)): the shape a solves ln a − ψ(a) = s with
        /// s = ln x̄ − mean(ln xᵢ) &gt; 0, and rate = a/x̄.
        /// </summary>
        /// <remarks>
        /// <para>
        /// s is formed without cancellation: with δᵢ = xᵢ/m − 1 (m the compensated mean) and g(δ) = δ − ln(1 + δ) ≥ 0,
        /// s = mean g(δᵢ) − g(mean δᵢ) exactly (the second term only removes the rounding of m), a mean of non-negative
        /// terms, each computed to a few ulps (a series in v = δ/(2 + δ) for |v| ≤ ½, else δ − ln(xᵢ/m)). So 1e9 ± 1 gives
        /// s = 5e−19 to full precision, where ln x̄ − mean(ln x) would be 0 or noise.
        /// </para>
        /// <para>
        /// The equation is solved by Newton's method on φ(y) = ln(R(eʸ)/s) in y = ln a (each step applied to a as the
        /// factor e^Δy), where R(a) = ln a − ψ(a) is
        /// computed without cancellation (a ≥ 12: its asymptotic series 1/(2a) + Σ B₂ₖ/(2k·a²ᵏ), 10 terms; a &lt; 12:
        /// R(a) = R(a + m) + Σⱼ g(1/(a + j)), all terms positive). φ is nearly linear (slope a·R′/R between −1.13 and −1),
        /// so Newton converges from Minka's (2002) closed-form start a₀ = (3 − s + √((s − 3)² + 24s))/(12s) (written as
        /// 2/(√((s − 3)² + 24s) + s − 3) for s &gt; 3, which does not cancel) in 2–4 steps. Stopping rule: the step
        /// |Δy| (the relative change of a) is at most 2⁻⁴⁸, or at most 2⁻⁴⁰ and no smaller than the step before (the
        /// rounding floor); the step is taken. After <see cref="MaxIterations"/> steps the fit fails. Measured: the
        /// returned a satisfies R(a) = s to ≤ 4 ulps of s, from s = 1e−30 (a = 5e29) to s = 1e3 (a = 1e−3).
        /// </para>
        /// </remarks>
        /// <param name="x">The sample: at least one finite value, every value &gt; 0, not all equal.</param>
        /// <param name="shape">The fitted shape, &gt; 0.</param>
        /// <param name="rate">The fitted rate, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (the shape would be +∞); or the rate a/x̄ overflows; or Newton's method did
        /// not converge.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A value is ≤ 0 (the message names the first, its index and value).</exception>
        public static void Gamma(ReadOnlySpan<double> x, out double shape, out double rate) => GammaCore(x, false, out shape, out rate);

        /// <summary>Fits Gamma(shape, rate) to a float sample: <see cref="Gamma(ReadOnlySpan{double}, out double, out double)"/> on the widened values.</summary>
        /// <param name="x">The sample: at least one finite value, every value &gt; 0, not all equal.</param>
        /// <param name="shape">The fitted shape, &gt; 0.</param>
        /// <param name="rate">The fitted rate, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (the shape would be +∞); or Newton's method did not converge.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A value is ≤ 0 (the message names the first, its index and value).</exception>
        public static void Gamma(ReadOnlySpan<float> x, out double shape, out double rate)
        {
            double[] wide = Widen(x);
            try
            {
                GammaCore(wide.AsSpan(0, x.Length), true, out shape, out rate);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(wide);
            }
        }

        // ---- Beta ------------------------------------------------------------------------------------------------

        /// <summary>
        /// Fits Beta(alpha, beta): solves the likelihood equations ψ(α) − ψ(α + β) = mean(ln xᵢ),
        /// ψ(β) − ψ(α + β) = mean(ln(1 − xᵢ)) (ln(1 − x) by log1p(−x)).
        /// </summary>
        /// <remarks>
        /// <para>
        /// Newton's method on the score g = (L₁ − ψ(α) + ψ(ν), L₂ − ψ(β) + ψ(ν)), ν = α + β, with the Fisher information
        /// J = [[ψ₁(α) − ψ₁(ν), −ψ₁(ν)], [−ψ₁(ν), ψ₁(β) − ψ₁(ν)]] (positive definite: the log-likelihood is concave), from
        /// the method-of-moments start α₀ = m·c, β₀ = (1 − m)·c, c = m(1 − m)/v − 1 (m, v the sample mean and variance;
        /// c clamped to ≥ 1e−3). Each step is halved until α and β stay &gt; 0 and the log-likelihood
        /// (α − 1)L₁ + (β − 1)L₂ − ln B(α, β) does not decrease beyond its rounding.
        /// </para>
        /// <para>
        /// Stopping rule: the full Newton step changes each of α, β by at most 2⁻⁴⁰ of itself plus the step that the
        /// rounding of the score (4ε·(|L| + |ψ(α)| + |ψ(ν)|) per component, through J⁻¹) could cause; the step is taken.
        /// The fit fails after <see cref="MaxIterations"/> steps, or when 60 halvings find no increase outside that noise.
        /// Accuracy: the concentration ν is determined by second-order terms of ψ (det J ~ 1/(2αβν)), so the relative
        /// rounding of the result grows like ε·ν: ~1e−11 at ν = 2e4, and the fit stops being meaningful near ν ~ 1e13
        /// (samples whose values agree to ~6 digits).
        /// </para>
        /// </remarks>
        /// <param name="x">The sample: at least one finite value, every value in (0, 1), not all equal.</param>
        /// <param name="alpha">The fitted α, &gt; 0.</param>
        /// <param name="beta">The fitted β, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (α and β would be +∞); or Newton's method did not converge.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A value is not in (0, 1) (the message names the first, its index and value).</exception>
        public static void Beta(ReadOnlySpan<double> x, out double alpha, out double beta) => BetaCore(x, false, out alpha, out beta);

        /// <summary>Fits Beta(alpha, beta) to a float sample: <see cref="Beta(ReadOnlySpan{double}, out double, out double)"/> on the widened values.</summary>
        /// <param name="x">The sample: at least one finite value, every value in (0, 1), not all equal.</param>
        /// <param name="alpha">The fitted α, &gt; 0.</param>
        /// <param name="beta">The fitted β, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (α and β would be +∞); or Newton's method did not converge.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A value is not in (0, 1) (the message names the first, its index and value).</exception>
        public static void Beta(ReadOnlySpan<float> x, out double alpha, out double beta)
        {
            double[] wide = Widen(x);
            try
            {
                BetaCore(wide.AsSpan(0, x.Length), true, out alpha, out beta);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(wide);
            }
        }

        // ---- Laplace ---------------------------------------------------------------------------------------------

        /// <summary>
        /// Fits Laplace(location, scale): location = the sample median, scale = mean |xᵢ − location|.
        /// </summary>
        /// <remarks>
        /// For an even n every value between the two middle order statistics maximises the likelihood; the midpoint of the
        /// two is returned (so the fit is symmetric under x → −x; the scale is the same for any choice in between). The
        /// median is found in a copy (rented from <see cref="ArrayPool{T}.Shared"/>) by introselect: quickselect with a
        /// median-of-three pivot, O(n) expected, falling back to sorting the remaining range after 2·log₂ n + 4 rounds
        /// (O(n log n) worst case); the upper middle value is then the minimum of the part above. The scale is a
        /// compensated sum over the values scaled by a power of two.
        /// </remarks>
        /// <param name="x">The sample: at least one finite value, not all equal.</param>
        /// <param name="location">The fitted location (median).</param>
        /// <param name="scale">The fitted scale, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (the scale would be 0), or the scale underflows to 0 (values that differ
        /// only in the last bits of subnormals).</exception>
        public static void Laplace(ReadOnlySpan<double> x, out double location, out double scale) =>
            LaplaceCore(x, false, out location, out scale);

        /// <summary>Fits Laplace(location, scale) to a float sample: <see cref="Laplace(ReadOnlySpan{double}, out double, out double)"/> on the widened values.</summary>
        /// <param name="x">The sample: at least one finite value, not all equal.</param>
        /// <param name="location">The fitted location (median).</param>
        /// <param name="scale">The fitted scale, &gt; 0.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (the scale would be 0).</exception>
        public static void Laplace(ReadOnlySpan<float> x, out double location, out double scale)
        {
            double[] wide = Widen(x);
            try
            {
                LaplaceCore(wide.AsSpan(0, x.Length), true, out location, out scale);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(wide);
            }
        }

        // ---- Uniform ---------------------------------------------------------------------------------------------

        /// <summary>Fits Uniform(lower, upper): lower = min xᵢ, upper = max xᵢ.</summary>
        /// <param name="x">The sample: at least one finite value, not all equal.</param>
        /// <param name="lower">The fitted lower bound.</param>
        /// <param name="upper">The fitted upper bound, &gt; lower.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (lower = upper is not a valid interval).</exception>
        public static void Uniform(ReadOnlySpan<double> x, out double lower, out double upper) =>
            UniformCore(x, false, out lower, out upper);

        /// <summary>Fits Uniform(lower, upper) to a float sample: <see cref="Uniform(ReadOnlySpan{double}, out double, out double)"/> on the widened values.</summary>
        /// <param name="x">The sample: at least one finite value, not all equal.</param>
        /// <param name="lower">The fitted lower bound.</param>
        /// <param name="upper">The fitted upper bound, &gt; lower.</param>
        /// <exception cref="ArgumentException"><paramref name="x"/> is empty, holds NaN or ±∞ (the message names the index and
        /// value), or all its values are equal (lower = upper is not a valid interval).</exception>
        public static void Uniform(ReadOnlySpan<float> x, out double lower, out double upper)
        {
            double[] wide = Widen(x);
            try
            {
                UniformCore(wide.AsSpan(0, x.Length), true, out lower, out upper);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(wide);
            }
        }

        // ---- cores -----------------------------------------------------------------------------------------------

        private static void NormalCore(ReadOnlySpan<double> x, bool single, out double mean, out double standardDeviation)
        {
            Validate(x, Support.Real, "Normal", single, out double min, out double max);
            if (min == max)
            {
                throw Degenerate(x.Length, min, single, "the maximum-likelihood σ is 0, not a valid standard deviation");
            }

            MeanAndDeviation(x, min, max, out mean, out standardDeviation);
            if (!(standardDeviation > 0))
            {
                throw Underflow("σ", "standard deviation");
            }
        }

        private static void LogNormalCore(ReadOnlySpan<double> x, bool single, out double mu, out double sigma)
        {
            Validate(x, Support.Positive, "LogNormal", single, out double min, out double max);
            if (min == max)
            {
                throw Degenerate(x.Length, min, single, "the maximum-likelihood sigma (the σ of ln x) is 0, not a valid standard deviation");
            }

            int n = x.Length;
            double c = x[0];
            double[] t = ArrayPool<double>.Shared.Rent(n);
            try
            {
                double tMin = double.PositiveInfinity, tMax = double.NegativeInfinity;
                for (int i = 0; i < n; i++)
                {
                    double ti = ScalarMath.LogRatio(x[i], c);
                    t[i] = ti;
                    tMin = Math.Min(tMin, ti);
                    tMax = Math.Max(tMax, ti);
                }

                MeanAndDeviation(t.AsSpan(0, n), tMin, tMax, out double meanT, out sigma);
                mu = Math.Log(c) + meanT;
            }
            finally
            {
                ArrayPool<double>.Shared.Return(t);
            }
        }

        private static void ExponentialCore(ReadOnlySpan<double> x, bool single, out double rate)
        {
            Validate(x, Support.NonNegative, "Exponential", single, out _, out double max);
            if (max == 0)
            {
                throw Degenerate(x.Length, 0, single, "the maximum-likelihood rate 1/mean is +∞, not a valid rate");
            }

            int k = -Math.ILogB(max);
            var sum = default(CompensatedSum);
            foreach (double v in x)
            {
                sum.Add(Math.ScaleB(v, k));
            }

            double scaledMean = sum.Value / x.Length; // in [2^-31, 2)
            rate = Math.ScaleB(1.0 / scaledMean, k);
            if (double.IsPositiveInfinity(rate))
            {
                throw new ArgumentException("The sample mean is below 2⁻¹⁰²⁴ ≈ 5.6e−309, so the maximum-likelihood rate 1/mean overflows to +∞, not a valid rate.", "x");
            }
        }

        private static void GammaCore(ReadOnlySpan<double> x, bool single, out double shape, out double rate)
        {
            Validate(x, Support.Positive, "Gamma", single, out double min, out double max);
            if (min == max)
            {
                throw Degenerate(x.Length, min, single, "the maximum-likelihood shape is +∞ (the law of a constant), not a valid shape");
            }

            int n = x.Length;
            int k = -Math.ILogB(max);
            var sum = default(CompensatedSum);
            foreach (double v in x)
            {
                sum.Add(Math.ScaleB(v, k));
            }

            // The mean, scaled (in (0, 2)) where that scales up (max < 2: exact, and a subnormal mean keeps its digits);
            // otherwise unscaled (≥ max/n ≥ 2/n, normal), so that small values are not scaled down into underflow.
            bool scaled = k >= 0;
            double m = scaled ? sum.Value / n : Math.ScaleB(sum.Value / n, -k);

            // s = mean g(δᵢ) − g(mean δᵢ), δᵢ = xᵢ/m − 1, g(δ) = δ − ln(1 + δ): non-negative terms.
            var sumG = default(CompensatedSum);
            var sumDelta = default(CompensatedSum);
            foreach (double v in x)
            {
                double xi = scaled ? Math.ScaleB(v, k) : v;
                double delta = (xi - m) / m;
                sumDelta.Add(delta);
                sumG.Add(delta >= -2.0 / 3 && delta <= 2 ? DeltaMinusLog1p(delta) : delta - ScalarMath.LogRatio(xi, m));
            }

            double eta = sumDelta.Value / n;
            double s = (sumG.Value / n) - DeltaMinusLog1p(eta);
            if (!(s > 0))
            {
                // Not reached for values that are not all equal (s ≥ ~1e−33/n there); kept so that no NaN shape escapes.
                throw Degenerate(n, min, single, "the maximum-likelihood shape is +∞ (the law of a constant), not a valid shape");
            }

            shape = GammaShape(s, MaxIterations);
            double scaledMean = scaled ? m + (m * eta) : Math.ScaleB(m + (m * eta), k);
            rate = Math.ScaleB(shape / scaledMean, k);
            if (!(rate > 0) || double.IsPositiveInfinity(rate))
            {
                throw new ArgumentException(
                    "The maximum-likelihood Gamma shape " + Format(shape, false) + " over the sample mean " + Format(Math.ScaleB(scaledMean, -k), false)
                    + " gives the rate " + Format(rate, false) + ", not a valid rate (it must be finite and > 0).",
                    "x");
            }
        }

        private static void BetaCore(ReadOnlySpan<double> x, bool single, out double alpha, out double beta)
        {
            Validate(x, Support.OpenUnitInterval, "Beta", single, out double min, out double max);
            if (min == max)
            {
                throw Degenerate(x.Length, min, single, "the maximum-likelihood α and β are +∞ (the law of a constant), not valid parameters");
            }

            int n = x.Length;
            var sumLog = default(CompensatedSum);
            var sumLog1m = default(CompensatedSum);
            foreach (double v in x)
            {
                sumLog.Add(Math.Log(v));
                sumLog1m.Add(ScalarMath.Log1p(-v));
            }

            double l1 = sumLog.Value / n, l2 = sumLog1m.Value / n;
            MeanAndDeviation(x, min, max, out double m, out double sd);
            double c = Math.Max((m * (1 - m) / (sd * sd)) - 1, 1e-3);
            double a = m * c, b = (1 - m) * c;
            if (!(a > 0 && b > 0 && a < double.PositiveInfinity && b < double.PositiveInfinity))
            {
                a = b = 1; // a start is all Newton needs; the log-likelihood is concave
            }

            for (int iteration = 0; iteration < MaxIterations; iteration++)
            {
                double nu = a + b;
                double psiA = SpecialFunctions.Digamma(a), psiB = SpecialFunctions.Digamma(b), psiNu = SpecialFunctions.Digamma(nu);
                double g1 = l1 - psiA + psiNu, g2 = l2 - psiB + psiNu;
                double t = SpecialFunctions.Trigamma(nu);
                double j11 = SpecialFunctions.Trigamma(a) - t, j22 = SpecialFunctions.Trigamma(b) - t;
                double det = (j11 * j22) - (t * t);
                double i11, i12, i22; // J⁻¹ (all entries ≥ 0); the diagonal alone where det rounds to ≤ 0
                if (det > 0)
                {
                    i11 = j22 / det;
                    i22 = j11 / det;
                    i12 = t / det;
                }
                else
                {
                    i11 = 1 / j11;
                    i22 = 1 / j22;
                    i12 = 0;
                }

                double da = (i11 * g1) + (i12 * g2), db = (i12 * g1) + (i22 * g2);
                double e1 = 4 * Ulp1 * (Math.Abs(l1) + Math.Abs(psiA) + Math.Abs(psiNu));
                double e2 = 4 * Ulp1 * (Math.Abs(l2) + Math.Abs(psiB) + Math.Abs(psiNu));
                double noiseA = (i11 * e1) + (i12 * e2), noiseB = (i12 * e1) + (i22 * e2);
                bool converged = Math.Abs(da) <= (BetaConvergedStep * a) + noiseA && Math.Abs(db) <= (BetaConvergedStep * b) + noiseB;

                double logLik = BetaLogLikelihood(a, b, l1, l2, out double magnitude);
                double tolerance = 16 * Ulp1 * magnitude;
                double step = 1;
                int halvings = 0;
                while (true)
                {
                    double a1 = a + (step * da), b1 = b + (step * db);
                    if (a1 > 0 && b1 > 0 && (converged || BetaLogLikelihood(a1, b1, l1, l2, out _) >= logLik - tolerance))
                    {
                        a = a1;
                        b = b1;
                        break;
                    }

                    if (++halvings > MaxHalvings)
                    {
                        throw NotConverged("Beta", "alpha = " + Format(a, false) + ", beta = " + Format(b, false), "no step along Newton's direction increases the likelihood");
                    }

                    step *= 0.5;
                }

                if (converged)
                {
                    alpha = a;
                    beta = b;
                    return;
                }
            }

            throw NotConverged("Beta", "alpha = " + Format(a, false) + ", beta = " + Format(b, false), "no convergence in " + MaxIterations.ToString(CultureInfo.InvariantCulture) + " Newton steps");
        }

        private static void LaplaceCore(ReadOnlySpan<double> x, bool single, out double location, out double scale)
        {
            Validate(x, Support.Real, "Laplace", single, out double min, out double max);
            if (min == max)
            {
                throw Degenerate(x.Length, min, single, "the maximum-likelihood scale is 0, not a valid scale");
            }

            int n = x.Length;
            double[] copy = ArrayPool<double>.Shared.Rent(n);
            try
            {
                Span<double> work = copy.AsSpan(0, n);
                x.CopyTo(work);
                location = Median(work);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(copy);
            }

            int k = -Math.ILogB(Math.Max(-min, max));
            double center = Math.ScaleB(location, k);
            var sum = default(CompensatedSum);
            foreach (double v in x)
            {
                sum.Add(Math.Abs(Math.ScaleB(v, k) - center));
            }

            scale = Math.ScaleB(sum.Value / n, -k);
            if (!(scale > 0))
            {
                throw Underflow("scale", "scale");
            }
        }

        private static void UniformCore(ReadOnlySpan<double> x, bool single, out double lower, out double upper)
        {
            Validate(x, Support.Real, "Uniform", single, out lower, out upper);
            if (lower == upper)
            {
                throw Degenerate(x.Length, lower, single, "the maximum-likelihood bounds are lower = upper, not a valid interval (lower < upper)");
            }
        }

        // ---- numerics --------------------------------------------------------------------------------------------

        /// <summary>
        /// The mean and the maximum-likelihood standard deviation of finite values with min &lt; max: the corrected
        /// two-pass algorithm over the values scaled by 2^k (exact), k chosen so that the largest magnitude is in [1, 2).
        /// </summary>
        private static void MeanAndDeviation(ReadOnlySpan<double> x, double min, double max, out double mean, out double standardDeviation)
        {
            int n = x.Length;
            int k = -Math.ILogB(Math.Max(-min, max));
            var sum = default(CompensatedSum);
            foreach (double v in x)
            {
                sum.Add(Math.ScaleB(v, k));
            }

            double m = sum.Value / n;
            var sumD = default(CompensatedSum);
            var sumD2 = default(CompensatedSum);
            foreach (double v in x)
            {
                double d = Math.ScaleB(v, k) - m;
                sumD.Add(d);
                sumD2.Add(d * d);
            }

            double correction = sumD.Value / n;
            double variance = Math.Max((sumD2.Value / n) - (correction * correction), 0);
            mean = Math.ScaleB(m + correction, -k);
            standardDeviation = Math.ScaleB(Math.Sqrt(variance), -k);
        }

        /// <summary>
        /// g(δ) = δ − ln(1 + δ) ≥ 0 for δ &gt; −1, to a few ulps: for v = δ/(2 + δ) with |v| ≤ ½ (δ ∈ [−⅔, 2]) the series
        /// g = 2v²·Σⱼ cⱼvʲ with cⱼ = 1 (j even), (j + 1)/(j + 2) (j odd), from δ = 2v/(1 − v) and ln(1 + δ) = 2·atanh v;
        /// elsewhere δ − log1p(δ), which loses at most ~1.3 bits there.
        /// </summary>
        internal static double DeltaMinusLog1p(double delta)
        {
            if (!(delta >= -2.0 / 3 && delta <= 2))
            {
                return delta - ScalarMath.Log1p(delta);
            }

            double v = delta / (2 + delta);
            double sum = 1, power = 1;
            for (int j = 1; j < 80; j++)
            {
                power *= v;
                double term = (j & 1) == 0 ? power : power * (j + 1) / (j + 2);
                sum += term;
                if (Math.Abs(term) <= 1.4e-17 * sum)
                {
                    break;
                }
            }

            return 2 * v * v * sum;
        }

        /// <summary>
        /// R(a) = ln a − ψ(a) &gt; 0 for a &gt; 0, without cancellation: a ≥ 12: 1/(2a) + Σ_{k=1}^{10} B₂ₖ/(2k·a²ᵏ)
        /// (truncation &lt; 1e−20 relative); a &lt; 12: R(a + m) + Σ_{j&lt;m} g(1/(a + j)) with g = <see cref="DeltaMinusLog1p"/>
        /// (from ψ(a) = ψ(a + m) − Σ 1/(a + j) and ln((a + m)/a) = Σ ln(1 + 1/(a + j))), every term positive.
        /// </summary>
        internal static double LogMinusDigamma(double a)
        {
            double sum = 0;
            while (a < 12)
            {
                sum += DeltaMinusLog1p(1 / a);
                a += 1;
            }

            double r2 = 1 / (a * a);
            double series = 0;
            for (int i = AsymptoticSeries.Length - 1; i >= 0; i--)
            {
                series = (series + AsymptoticSeries[i]) * r2;
            }

            return sum + ((0.5 / a) + series);
        }

        /// <summary>a·R′(a) = 1 − a·ψ₁(a) (a &lt; 12; for a &lt; 1 as 1 − 1/a − a·ψ₁(a + 1), which cannot overflow), or the
        /// derivative of the asymptotic series (a ≥ 12). Only Newton's rate depends on its accuracy.</summary>
        private static double ALogMinusDigammaDerivative(double a)
        {
            if (a < 1)
            {
                return 1 - (1 / a) - (a * SpecialFunctions.Trigamma(a + 1));
            }

            if (a < 12)
            {
                return 1 - (a * SpecialFunctions.Trigamma(a));
            }

            double r2 = 1 / (a * a);
            double series = 0;
            for (int i = AsymptoticSeries.Length - 1; i >= 0; i--)
            {
                series = (series + (2 * (i + 1) * AsymptoticSeries[i])) * r2;
            }

            return -(0.5 / a) - series;
        }

        /// <summary>
        /// The a &gt; 0 with ln a − ψ(a) = s (s &gt; 0 finite): Newton in y = ln a on ln R(a) − ln s from Minka's start;
        /// see <see cref="Gamma(ReadOnlySpan{double}, out double, out double)"/> for the stopping rule.
        /// </summary>
        internal static double GammaShape(double s, int maxIterations)
        {
            double a;
            if (s <= 3)
            {
                a = (3 - s + Math.Sqrt(((s - 3) * (s - 3)) + (24 * s))) / (12 * s);
            }
            else
            {
                double u = 3 / s;
                double root = s * Math.Sqrt(((1 - u) * (1 - u)) + (24 / s)); // √((s − 3)² + 24s) without overflow
                a = 2 / (root + s - 3);
            }

            double previous = double.PositiveInfinity;
            for (int i = 0; i < maxIterations; i++)
            {
                // The residual as ln(R/s), not ln R − ln s (which would round to ε·|ln s|), and the step applied as a
                // factor e^Δy (not through y = ln a, whose rounding is ε·|ln a| relative in a).
                double r = LogMinusDigamma(a);
                double slope = ALogMinusDigammaDerivative(a) / r; // d ln R / d ln a, in [−1.13, −1]
                double step = -Math.Log(r / s) / slope;
                a *= Math.Exp(step);
                double size = Math.Abs(step);
                if (size <= GammaConvergedStep || (size <= BetaConvergedStep && size >= previous))
                {
                    return a;
                }

                previous = size;
            }

            throw NotConverged("Gamma", "shape = " + Format(a, false) + " (s = " + Format(s, false) + ")", "no convergence in " + maxIterations.ToString(CultureInfo.InvariantCulture) + " Newton steps");
        }

        /// <summary>(α − 1)L₁ + (β − 1)L₂ − ln B(α, β), and the size of its terms (for its rounding).</summary>
        private static double BetaLogLikelihood(double a, double b, double l1, double l2, out double magnitude)
        {
            double lgA = SpecialFunctions.LogGamma(a), lgB = SpecialFunctions.LogGamma(b), lgNu = SpecialFunctions.LogGamma(a + b);
            double first = (a - 1) * l1, second = (b - 1) * l2;
            magnitude = Math.Abs(first) + Math.Abs(second) + Math.Abs(lgA) + Math.Abs(lgB) + Math.Abs(lgNu);
            return first + second - (lgA + lgB - lgNu);
        }

        /// <summary>The median of finite values (the midpoint of the two middle ones for an even count); reorders them.</summary>
        private static double Median(Span<double> values)
        {
            int n = values.Length;
            int k = (n - 1) / 2;
            double low = Select(values, k);
            if ((n & 1) == 1)
            {
                return low;
            }

            double high = double.PositiveInfinity;
            foreach (double v in values.Slice(k + 1))
            {
                high = Math.Min(high, v);
            }

            return Math.Abs(low) >= 1 || Math.Abs(high) >= 1 ? (0.5 * low) + (0.5 * high) : 0.5 * (low + high);
        }

        /// <summary>
        /// The k-th smallest value (0-based): introselect. Quickselect with Hoare's partition around the median of the
        /// first, middle and last values leaves values[..k] ≤ values[k] ≤ values[k+1..]; after 2·log₂ n + 4 rounds the
        /// remaining range is sorted instead (O(n log n) worst case, O(n) expected).
        /// </summary>
        internal static double Select(Span<double> values, int k)
        {
            int lo = 0, hi = values.Length - 1;
            int budget = (2 * (int)Math.Log2(Math.Max(values.Length, 1))) + 4;
            while (hi > lo)
            {
                if (budget-- == 0)
                {
                    values.Slice(lo, hi - lo + 1).Sort();
                    return values[k];
                }

                int mid = lo + ((hi - lo) / 2);
                if (values[mid] < values[lo])
                {
                    (values[mid], values[lo]) = (values[lo], values[mid]);
                }

                if (values[hi] < values[lo])
                {
                    (values[hi], values[lo]) = (values[lo], values[hi]);
                }

                if (values[hi] < values[mid])
                {
                    (values[hi], values[mid]) = (values[mid], values[hi]);
                }

                double pivot = values[mid];
                int i = lo, j = hi;
                while (i <= j)
                {
                    while (values[i] < pivot)
                    {
                        i++;
                    }

                    while (values[j] > pivot)
                    {
                        j--;
                    }

                    if (i <= j)
                    {
                        (values[i], values[j]) = (values[j], values[i]);
                        i++;
                        j--;
                    }
                }

                if (k <= j)
                {
                    hi = j;
                }
                else if (k >= i)
                {
                    lo = i;
                }
                else
                {
                    return values[k]; // j < k < i: equal to the pivot
                }
            }

            return values[k];
        }

        // ---- validation and messages -----------------------------------------------------------------------------

        private static void Validate(ReadOnlySpan<double> x, Support support, string family, bool single, out double min, out double max)
        {
            if (x.IsEmpty)
            {
                throw new ArgumentException("x is empty: fitting a " + family + " needs at least one value.", "x");
            }

            min = double.PositiveInfinity;
            max = double.NegativeInfinity;
            for (int i = 0; i < x.Length; i++)
            {
                double v = x[i];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException("x[" + i.ToString(CultureInfo.InvariantCulture) + "] is " + Format(v, single) + ": every value of a sample must be finite.", "x");
                }

                bool inside = support switch
                {
                    Support.NonNegative => v >= 0,
                    Support.Positive => v > 0,
                    Support.OpenUnitInterval => v > 0 && v < 1,
                    _ => true,
                };
                if (!inside)
                {
                    string where = support switch
                    {
                        Support.NonNegative => "≥ 0",
                        Support.Positive => "> 0",
                        _ => "in (0, 1)",
                    };
                    throw new ArgumentOutOfRangeException(
                        "x",
                        single ? (object)(float)v : v,
                        "x[" + i.ToString(CultureInfo.InvariantCulture) + "] is " + Format(v, single) + ": every value of a " + family + " sample must be " + where + ".");
                }

                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        private static ArgumentException Degenerate(int n, double value, bool single, string why)
        {
            string what = n == 1
                ? "x has one value, " + Format(value, single)
                : "all " + n.ToString(CultureInfo.InvariantCulture) + " values equal " + Format(value, single);
            return new ArgumentException(what + ": " + why + ".", "x");
        }

        private static ArgumentException Underflow(string estimate, string parameter) =>
            new ArgumentException("The maximum-likelihood " + estimate + " of x underflows to 0 (the values differ by less than the smallest double), not a valid " + parameter + ".", "x");

        private static ArgumentException NotConverged(string family, string where, string why) =>
            new ArgumentException("The " + family + " maximum-likelihood fit did not converge (" + why + "; last " + where + ").", "x");

        private static string Format(double v, bool single) =>
            single ? ((float)v).ToString(CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);

        private static double[] Widen(ReadOnlySpan<float> x)
        {
            double[] wide = ArrayPool<double>.Shared.Rent(Math.Max(x.Length, 1));
            for (int i = 0; i < x.Length; i++)
            {
                wide[i] = x[i];
            }

            return wide;
        }
    }
}
