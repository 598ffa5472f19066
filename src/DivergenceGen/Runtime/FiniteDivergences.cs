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
        public static double RenyiDivergenceOfLogRatios(ReadOnlySpan<double> p, ReadOnlySpan<double> logRatios, double alpha)
        {
            Guard.ThrowIfLengthsDiffer(p.Length, logRatios.Length);
            ThrowIfNotOrder(alpha);
            Guard.ThrowIfAnyNotProbability(p, nameof(p));
            return Renyi(p, ReadOnlySpan<double>.Empty, logRatios, alpha);
        }

        private static double Renyi<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, double alpha)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            Guard.ThrowIfLengthsDiffer(p.Length, q.Length);
            ThrowIfNotOrder(alpha);
            Guard.ThrowIfAnyNotProbability(p, nameof(p));
            Guard.ThrowIfAnyNotProbability(q, nameof(q));
            return Renyi(p, q, ReadOnlySpan<double>.Empty, alpha);
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
        private static double Renyi<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<double> given, double alpha)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double result = alpha switch
            {
                1 => KullbackLeibler(p, q, given),
                double.PositiveInfinity => LargestLogRatio(p, q, given),
                _ => OfOrder(p, q, given, alpha - 1),
            };
            return result > 0 ? result : 0; // also maps −0 to +0
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

        /// <summary>α = 1: Σ p·ln(p/q) over p &gt; 0; +∞ where q = 0 &lt; p.</summary>
        private static double KullbackLeibler<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<double> given)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double sum = 0;
            for (int k = 0; k < p.Length; k++)
            {
                double pk = double.CreateTruncating(p[k]);
                if (pk > 0)
                {
                    sum += pk * LogRatio(pk, q, given, k);
                }
            }

            return sum;
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
        private static double OfOrder<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, ReadOnlySpan<double> given, double a1)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double s = 0; // Σ p·expm1(z), z = (α − 1)·ln(p/q)
            double t = 0; // Σ p·exp(z) = Σ p^α·q^(1−α): positive terms, 0 exactly where no outcome of P has q > 0
            double largest = double.NegativeInfinity;
            for (int k = 0; k < p.Length; k++)
            {
                double pk = double.CreateTruncating(p[k]);
                if (pk > 0)
                {
                    // z = (α − 1)·ln(p/q): −∞ where q = 0 and α < 1 (the term is −p), +∞ where q = 0 and α > 1.
                    double z = a1 * LogRatio(pk, q, given, k);
                    largest = Math.Max(largest, z);
                    if (z <= LargestExponent)
                    {
                        s += pk * ScalarMath.Expm1(z);
                        t += pk * Math.Exp(z);
                    }
                }
            }

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
