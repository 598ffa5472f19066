using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;

namespace DivergenceGen
{
    /// <summary>
    /// The divergence toolkit's measures that are not one plain sum (Rényi's divergence of order α), for the generated
    /// members of finite-support families. The plain sums (Jensen–Shannon, Hellinger, …) are generated kernels.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FiniteDivergences
    {
        /// <summary>
        /// Where |ln(p/q)|·max(1, |α − 1|) is below this, a term is split into its second-order part (one sign) and the
        /// difference p − q (summed with compensation); above, it is taken whole: it is far from cancelling, and e^{−ℓ} could
        /// overflow for a subnormal p.
        /// </summary>
        private const double NearLogRatio = 0.5;

        /// <summary>Above this exponent a term p·expm1(z) could overflow: the sum is taken as a log-sum-exp instead.</summary>
        private const double LargestExponent = 700;

        /// <summary>
        /// Rényi's divergence of order α, D_α(P‖Q) = ln(Σ pₖ^α·qₖ^(1−α))/(α − 1) in nats, of two probability vectors of
        /// the same length. α = 1 is the KL divergence Σ p·ln(p/q) (the limit, continuous there); α = 0 is −ln Q(p &gt; 0);
        /// α = +∞ is ln max p/q over p &gt; 0. Terms with p = 0 contribute nothing. +∞ where α ≥ 1 and some q = 0 &lt; p,
        /// and for α &lt; 1 where the supports are disjoint. Never negative (a negative rounding residue is 0), never NaN.
        /// </summary>
        /// <remarks>
        /// P is taken as normalised (Σp = 1): the sum is written 1 + S with S = Σ p·expm1((α − 1)·ln(p/q)), and
        /// D_α = log1p(S)/(α − 1) where 1 + S ≥ ½; below ½ (α &lt; 1 only), ln(Σ p^α·q^(1−α))/(α − 1) with the sum of positive
        /// terms itself, where log1p(S ≈ −1) would amplify S's rounding. The logarithm of each quotient is one <see cref="ScalarMath.LogRatio(double, double)"/>
        /// (relative accuracy where p ≈ q), and expm1 keeps S accurate as α → 1, where S ≈ (α − 1)·KL and ln(Σ…) of a
        /// rounded sum ≈ 1 would lose every digit. Where some exponent exceeds 700 (large α and p ≫ q) the sum is a
        /// log-sum-exp of ln p + (α − 1)·ln(p/q) instead. Accumulated in double.
        /// </remarks>
        /// <param name="p">The probabilities of P.</param>
        /// <param name="q">The probabilities of Q, the same length.</param>
        /// <param name="alpha">The order α ≥ 0 (0, 1 and +∞ included).</param>
        /// <returns>D_α(P‖Q) ≥ 0, or +∞.</returns>
        /// <exception cref="ArgumentException">The spans differ in length.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An element is not a probability in [0, 1] (the message names the span,
        /// the index and the value), or <paramref name="alpha"/> is NaN or negative.</exception>
        public static double RenyiDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double alpha) => Renyi(p, q, alpha);

        /// <summary>
        /// <see cref="RenyiDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> for float vectors: computed in double,
        /// rounded once.
        /// </summary>
        /// <param name="p">The probabilities of P.</param>
        /// <param name="q">The probabilities of Q, the same length.</param>
        /// <param name="alpha">The order α ≥ 0 (0, 1 and +∞ included).</param>
        /// <returns>D_α(P‖Q) ≥ 0, or +∞.</returns>
        /// <exception cref="ArgumentException">The spans differ in length.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An element is not a probability in [0, 1], or <paramref name="alpha"/> is
        /// NaN or negative.</exception>
        public static float RenyiDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q, float alpha) => (float)Renyi(p, q, alpha);

        /// <summary>
        /// <see cref="RenyiDivergence(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> from P's probabilities and the
        /// log-ratios ln(pₖ/qₖ) the caller computed (a family that knows pₖ − qₖ exactly, where pₖ and qₖ themselves have
        /// rounded: Bernoulli's outcome 0 has 1 − p and 1 − q). Entries where pₖ = 0 are not read; +∞ stands for qₖ = 0 &lt; pₖ.
        /// </summary>
        /// <param name="p">The probabilities of P.</param>
        /// <param name="logRatios">ln(pₖ/qₖ) for every k with pₖ &gt; 0: finite, or +∞ where qₖ = 0.</param>
        /// <param name="alpha">The order α ≥ 0 (0, 1 and +∞ included).</param>
        /// <returns>D_α(P‖Q) ≥ 0, or +∞.</returns>
        /// <exception cref="ArgumentException">The spans differ in length.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An element of <paramref name="p"/> is not a probability in [0, 1], or
        /// <paramref name="alpha"/> is NaN or negative.</exception>
        public static double RenyiDivergenceOfLogRatios(ReadOnlySpan<double> p, ReadOnlySpan<double> logRatios, double alpha) =>
            RenyiDivergenceOfLogRatios(p, logRatios, ReadOnlySpan<double>.Empty, alpha);

        /// <summary>
        /// <see cref="RenyiDivergenceOfLogRatios(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/> with the differences
        /// pₖ − qₖ as the caller knows them exactly (Bernoulli: q − p and p − q), so that where P ≈ Q the result keeps its
        /// relative accuracy although pₖ itself has rounded (1 − p); without them they are formed from pₖ and the log-ratio.
        /// </summary>
        /// <param name="p">The probabilities of P.</param>
        /// <param name="logRatios">ln(pₖ/qₖ) for every k with pₖ &gt; 0: finite, or +∞ where qₖ = 0.</param>
        /// <param name="differences">pₖ − qₖ for every k with pₖ &gt; 0, or empty.</param>
        /// <param name="alpha">The order α ≥ 0 (0, 1 and +∞ included).</param>
        /// <returns>D_α(P‖Q) ≥ 0, or +∞.</returns>
        /// <exception cref="ArgumentException">The spans differ in length.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An element of <paramref name="p"/> is not a probability in [0, 1], or
        /// <paramref name="alpha"/> is NaN or negative.</exception>
        public static double RenyiDivergenceOfLogRatios(ReadOnlySpan<double> p, ReadOnlySpan<double> logRatios, ReadOnlySpan<double> differences, double alpha)
        {
            Guard.ThrowIfLengthsDiffer(p.Length, logRatios.Length);
            if (!differences.IsEmpty)
            {
                Guard.ThrowIfLengthsDiffer(p.Length, differences.Length);
            }

            ThrowIfNotOrder(alpha);
            Guard.ThrowIfAnyNotProbability(p, nameof(p));
            return Renyi(p, ReadOnlySpan<double>.Empty, logRatios, alpha, differences);
        }

        private static double Renyi<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double alpha)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            Guard.ThrowIfLengthsDiffer(p.Length, q.Length);
            ThrowIfNotOrder(alpha);
            Guard.ThrowIfAnyNotProbability(p, nameof(p));
            Guard.ThrowIfAnyNotProbability(q, nameof(q));
            return Renyi(p, q, ReadOnlySpan<double>.Empty, alpha, ReadOnlySpan<double>.Empty);
        }

        private static void ThrowIfNotOrder(double alpha)
        {
            if (!(alpha >= 0))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(alpha),
                    alpha,
                    string.Format(CultureInfo.InvariantCulture, "The Rényi order alpha must be at least 0 (0, 1 and +∞ included) but is {0}.", alpha));
            }
        }

        /// <summary>
        /// The measure from p and either q (<paramref name="given"/> empty: ln(p/q) by one logarithm of the quotient) or the
        /// caller's log-ratios <paramref name="given"/> (q empty).
        /// </summary>
        private static double Renyi<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<double> given, double alpha, ReadOnlySpan<double> differences)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double result = alpha switch
            {
                1 => KullbackLeibler(p, q, given, differences),
                double.PositiveInfinity => LargestLogRatio(p, q, given),
                _ => OfOrder(p, q, given, differences, alpha - 1, alpha),
            };
            return result > 0 ? result : 0; // also maps −0 to +0
        }

        /// <summary>
        /// h(ℓ) = expm1(a·ℓ) + a·expm1(−ℓ) for a = α − 1 ≠ 0 (the near terms' one-signed part, <see cref="OfOrder"/>), and
        /// g(ℓ) = ℓ + expm1(−ℓ) for a = 0 (the KL term's), for a near term, |ℓ|·max(1, |a|) &lt; ½ (<see cref="NearLogRatio"/>).
        /// Both cancel to second order at ℓ = 0, and h also as α → 0 (a → −1), where h = a·α·ℓ²/2 + … is far below its two
        /// parts (the direct form lost a factor ~1/α: 50ε at α = 0.1). So both are one series with no cancellation: the
        /// coefficient of ℓⁿ/n! in h is aⁿ + a·(−1)ⁿ = a·α·uₙ with u₂ = 1, uₙ₊₁ = a·uₙ + (−1)ⁿ⁻¹ (uₙ = Σᵢ aⁱ·(−1)ⁿ⁻²⁻ⁱ,
        /// i = 0 … n − 2: one sign for −1 ≤ a ≤ 0, and where a &gt; 0 its terms alternate only where the coefficient itself
        /// is small beside the sum), and g is the same series with a = 0 and no factor. The ratio of successive terms is
        /// below |ℓ|·(1 + |a|)/(n + 1) &lt; 1/(n + 1), so the sum stops (a term's bound below 2⁻⁶⁰ of the sum) by n ≈ 18.
        /// </summary>
        /// <param name="l">ℓ = ln(p/q).</param>
        /// <param name="a">α − 1.</param>
        /// <param name="alpha">α itself (not a + 1, which would round for small α).</param>
        private static double Convex(double l, double a, double alpha)
        {
            double power = l * l / 2; // ℓⁿ/n!, from n = 2
            double u = 1;             // uₙ
            double bound = 1;         // Σᵢ |a|ⁱ ≥ |uₙ|: the stopping test must not trust a uₙ that happens to be 0 (a = 1, odd n)
            double sum = 0;
            for (int n = 2; n <= 60; n++)
            {
                sum += u * power;
                if (bound * Math.Abs(power) <= 8.673617379884035E-19 * Math.Abs(sum)) // 2⁻⁶⁰
                {
                    break;
                }

                u = (a * u) + (n % 2 == 0 ? -1 : 1); // uₙ₊₁ = a·uₙ + (−1)ⁿ⁻¹
                bound = (Math.Abs(a) * bound) + 1;
                power *= l / (n + 1);
            }

            return a == 0 ? sum : a * alpha * sum;
        }

        /// <summary>
        /// p − q for a term, as an unevaluated sum d + e: the caller's exact difference where given (e = 0); directly where q is
        /// given, with the subtraction's rounding error e (TwoSum: exact, so the differences of far terms, which are not
        /// Sterbenz-exact, still add up to their true sum); else −p·expm1(−ℓ) from the caller's log-ratio (e = 0).
        /// </summary>
        private static double Difference<T>(double pk, ReadOnlySpan<T> q, ReadOnlySpan<double> given, ReadOnlySpan<double> differences, int k, double l, out double error)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            error = 0;
            if (!differences.IsEmpty)
            {
                return differences[k];
            }

            if (!given.IsEmpty)
            {
                return -pk * ScalarMath.Expm1(-l);
            }

            double qk = double.CreateTruncating(q[k]);
            double d = pk - qk;
            double pv = d + qk; // TwoSum(p, −q)
            error = (pk - pv) + (pv - d - qk);
            return d;
        }

        /// <summary>
        /// ln(pₖ/qₖ) for pₖ &gt; 0: the caller's where given, else one logarithm of the quotient (relative accuracy where p ≈ q);
        /// +∞ for qₖ = ±0 (a −0 would make the quotient −∞ and its logarithm NaN).
        /// </summary>
        private static double LogRatio<T>(double pk, ReadOnlySpan<T> q, ReadOnlySpan<double> given, int k)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (!given.IsEmpty)
            {
                return given[k];
            }

            double qk = double.CreateTruncating(q[k]);
            return qk == 0 ? double.PositiveInfinity : ScalarMath.LogRatio(pk, qk);
        }

        /// <summary>
        /// α = 1: Σ p·ln(p/q) over p &gt; 0; +∞ where q = 0 &lt; p. A term near ℓ = ln(p/q) = 0 is written p·g(ℓ) + (p − q) with
        /// g(ℓ) = ℓ + expm1(−ℓ) ≥ 0 (p·g(ℓ) is Loader's bd0(p, q)), the differences summed with compensation, so the value
        /// keeps its relative accuracy where P ≈ Q (the plain Σ p·ℓ cancels there); far terms are p·ℓ.
        /// </summary>
        private static double KullbackLeibler<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<double> given, ReadOnlySpan<double> differences)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double sum = 0;
            var sumOfDifferences = default(CompensatedSum);
            for (int k = 0; k < p.Length; k++)
            {
                double pk = double.CreateTruncating(p[k]);
                if (pk > 0)
                {
                    double l = LogRatio(pk, q, given, k);
                    if (double.IsPositiveInfinity(l))
                    {
                        return double.PositiveInfinity;
                    }

                    if (Math.Abs(l) < NearLogRatio)
                    {
                        sum += pk * Convex(l, 0, 1);
                        sumOfDifferences.Add(Difference(pk, q, given, differences, k, l, out double error));
                        sumOfDifferences.Add(error);
                    }
                    else
                    {
                        sum += pk * l; // far from q: no cancellation to avoid (and e^{−ℓ} may overflow)
                    }
                }
            }

            return sum + sumOfDifferences.Value;
        }

        /// <summary>α = +∞: ln max p/q over p &gt; 0 (+∞ where q = 0 &lt; p; 0 for an all-zero P).</summary>
        private static double LargestLogRatio<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<double> given)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double largest = double.NegativeInfinity;
            for (int k = 0; k < p.Length; k++)
            {
                double pk = double.CreateTruncating(p[k]);
                if (pk > 0)
                {
                    largest = Math.Max(largest, LogRatio(pk, q, given, k));
                }
            }

            return largest;
        }

        /// <summary>
        /// Finite α ≠ 1 (<paramref name="a1"/> = α − 1): log1p(S)/(α − 1) where Σ p^α·q^(1−α) = 1 + S ≥ ½; ln(Σ p^α·q^(1−α))/(α − 1)
        /// below ½ (only for α &lt; 1), where log1p of S ≈ −1 would amplify S's rounding; a log-sum-exp where S would overflow.
        /// </summary>
        private static double OfOrder<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<double> given, ReadOnlySpan<double> differences, double a1, double alpha)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            // S = Σ p·expm1(z), z = (α − 1)·ln(p/q). Each term near ℓ = 0 (NearLogRatio) is written p·h(ℓ) + (α − 1)·(p − q),
            // with h(ℓ) = expm1((α − 1)ℓ) + (α − 1)·expm1(−ℓ) (since p·(1 − e^{−ℓ}) = p − q): h ≈ (α − 1)·α·ℓ²/2 has one sign
            // there, and the differences are summed with compensation, so S keeps its relative accuracy where P ≈ Q.
            // For α < ½ a far term with q > p is q·expm1(α·ℓ) − (p − q) instead (the same value: p·e^{(α − 1)ℓ} = q·e^{αℓ}),
            // whose exponent is the smaller (|α| < |α − 1|): e^z amplifies the rounding of a large z > 0, and for a tiny p
            // against a large q that term is not small (p = 1e−300, q = ½, α = 0.001: z = 689, and p·e^z lost 300ε). Where
            // p > q, z < 0 and e^z ≤ 1 amplifies nothing (and p − d would lose a tiny q): the term stays whole. Then
            // S = Σ p·h + α·Σ_near (p − q) + Σ_far q·expm1(αℓ) − Σ_all (p − q): the (α − 1)·Σ_near (p − q) of the first form
            // is split as α·Σ_near − Σ_near so that the sums of differences, which cancel to ~0 for normalised vectors, are
            // never multiplied by a rounded α − 1 (that cost ε/α). Needs q: from the caller's exact differences or the vector.
            bool split = alpha < 0.5 && (given.IsEmpty || !differences.IsEmpty);
            double sh = 0;
            double excluded = 0; // Σ −p over q = 0 < p (α < 1)
            var near = default(CompensatedSum); // Σ (p − q) over the near terms
            var all = default(CompensatedSum);  // Σ (p − q) over the terms with q > 0 (split only)
            double t = 0; // Σ p·exp(z) = Σ p^α·q^(1−α): positive terms, 0 exactly where no outcome of P has q > 0
            double largest = double.NegativeInfinity;
            for (int k = 0; k < p.Length; k++)
            {
                double pk = double.CreateTruncating(p[k]);
                if (pk > 0)
                {
                    // z = (α − 1)·ln(p/q): −∞ where q = 0 and α < 1 (the term is −p), +∞ where q = 0 and α > 1.
                    double l = LogRatio(pk, q, given, k);
                    double z = a1 * l;
                    largest = Math.Max(largest, z);
                    if (z <= LargestExponent)
                    {
                        if (double.IsPositiveInfinity(l))
                        {
                            excluded -= pk;
                        }
                        else if (Math.Abs(l) * Math.Max(1, Math.Abs(a1)) < NearLogRatio)
                        {
                            sh += pk * Convex(l, a1, alpha);
                            double d = Difference(pk, q, given, differences, k, l, out double e);
                            near.Add(d);
                            near.Add(e);
                            all.Add(d);
                            all.Add(e);
                            t += pk * Math.Exp(z);
                        }
                        else if (split && l < 0)
                        {
                            // q > p: z = (α − 1)·ℓ > 0 is where e^z amplifies; q = p − d is accurate here (|d| < q).
                            double d = Difference(pk, q, given, differences, k, l, out double e);
                            double qk = given.IsEmpty ? double.CreateTruncating(q[k]) : pk - d;
                            sh += qk * ScalarMath.Expm1(alpha * l);
                            all.Add(d);
                            all.Add(e);
                            t += qk * Math.Exp(alpha * l);
                        }
                        else
                        {
                            sh += pk * ScalarMath.Expm1(z); // far from q: no cancellation to avoid (and e^{−ℓ} may overflow)
                            t += pk * Math.Exp(z);
                        }
                    }
                }
            }

            double s = split ? sh + (alpha * near.Value) - all.Value + excluded : sh + (a1 * near.Value) + excluded;

            if (largest == double.PositiveInfinity)
            {
                return double.PositiveInfinity; // α > 1 and Q excludes an outcome P allows
            }

            if (largest <= LargestExponent)
            {
                // 1 + S ≥ ½: log1p keeps S's relative accuracy (α → 1: S ≈ (α − 1)·KL). Below, the sum itself is the better
                // argument (its terms are positive and ln is well conditioned there), and exactly 0 for disjoint supports
                // (α < 1): ln 0 = −∞, divided by α − 1 < 0, +∞.
                return s >= -0.5 ? ScalarMath.Log1p(s) / a1 : Math.Log(t) / a1;
            }

            // Some (α − 1)·ln(p/q) > 700 (so α > 1): ln Σ p·e^z = M + ln Σ e^(ln p + z − M), M the largest ln p + z.
            double m = double.NegativeInfinity;
            for (int k = 0; k < p.Length; k++)
            {
                double pk = double.CreateTruncating(p[k]);
                if (pk > 0)
                {
                    m = Math.Max(m, Math.Log(pk) + (a1 * LogRatio(pk, q, given, k)));
                }
            }

            double scaled = 0;
            for (int k = 0; k < p.Length; k++)
            {
                double pk = double.CreateTruncating(p[k]);
                if (pk > 0)
                {
                    scaled += Math.Exp(Math.Log(pk) + (a1 * LogRatio(pk, q, given, k)) - m);
                }
            }

            return (m + Math.Log(scaled)) / a1;
        }
    }
}
