using System;
using System.ComponentModel;
using System.Numerics;

namespace DivergenceGen
{
    /// <summary>
    /// Validation and construction of probability vectors for generated categorical types: the factories'
    /// checks and the fills of probabilities and log-probabilities (computed in double, stored in T).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ProbabilityVectors
    {
        /// <summary>
        /// The tolerance on |Σ pₖ − 1| for <c>FromProbabilities</c>: min(K·<see cref="FamilyLimits.ProbabilitySumUlpsPerClass"/>·ε, √ε),
        /// with ε the machine epsilon of T (2⁻⁵² for double, 2⁻²³ for float).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="classes">K.</param>
        /// <returns>The tolerance.</returns>
        public static double SumTolerance<T>(int classes)
            where T : IBinaryFloatingPointIeee754<T>
        {
            double epsilon = typeof(T) == typeof(float) ? 1.0 / (1 << 23) : 1.0 / (1L << 52);
            return Math.Min((double)classes * FamilyLimits.ProbabilitySumUlpsPerClass * epsilon, Math.Sqrt(epsilon));
        }

        /// <summary>Checks K probabilities: finite, ≥ 0, summing to 1 within <see cref="SumTolerance{T}"/>.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The probabilities.</param>
        /// <param name="classes">K.</param>
        /// <param name="paramName">The parameter name for messages.</param>
        /// <returns>The check.</returns>
        public static VectorCheck CheckProbabilities<T>(ReadOnlySpan<T> values, int classes, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            var elements = CheckNonNegativeFinite(values, classes, paramName, out double sum);
            if (!elements.IsValid)
            {
                return elements;
            }

            double tolerance = SumTolerance<T>(classes);
            return Math.Abs(sum - 1.0) <= tolerance
                ? VectorCheck.Valid
                : new VectorCheck(VectorCheck.Problem.Sum, paramName, 0, sum, tolerance);
        }

        /// <summary>
        /// Checks K probabilities against an explicit tolerance on the sum: <paramref name="sumTolerance"/> finite and ≥ 0
        /// (else the check names it), every element finite and ≥ 0, and |Σ pₖ − 1| ≤ <paramref name="sumTolerance"/> (the sum
        /// taken in double). For data rounded elsewhere, e.g. float-derived probabilities off by a few 1e-8.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The probabilities.</param>
        /// <param name="classes">K.</param>
        /// <param name="paramName">The parameter name for messages.</param>
        /// <param name="sumTolerance">The largest accepted |Σ pₖ − 1|.</param>
        /// <param name="toleranceName">The tolerance's parameter name for messages.</param>
        /// <returns>The check.</returns>
        public static VectorCheck CheckProbabilities<T>(ReadOnlySpan<T> values, int classes, string paramName, double sumTolerance, string toleranceName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (!double.IsFinite(sumTolerance) || sumTolerance < 0)
            {
                return new VectorCheck(VectorCheck.Problem.Tolerance, toleranceName, 0, sumTolerance);
            }

            var elements = CheckNonNegativeFinite(values, classes, paramName, out double sum);
            if (!elements.IsValid)
            {
                return elements;
            }

            return Math.Abs(sum - 1.0) <= sumTolerance
                ? VectorCheck.Valid
                : new VectorCheck(VectorCheck.Problem.Sum, paramName, 0, sum, sumTolerance);
        }

        /// <summary>Checks K weights: finite, ≥ 0, with a positive finite sum.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The weights.</param>
        /// <param name="classes">K.</param>
        /// <param name="paramName">The parameter name for messages.</param>
        /// <returns>The check.</returns>
        public static VectorCheck CheckWeights<T>(ReadOnlySpan<T> values, int classes, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            var elements = CheckNonNegativeFinite(values, classes, paramName, out double sum);
            if (!elements.IsValid)
            {
                return elements;
            }

            return sum > 0 && double.IsFinite(sum) && T.IsFinite(T.CreateSaturating(sum))
                ? VectorCheck.Valid
                : new VectorCheck(VectorCheck.Problem.ZeroTotal, paramName, 0, sum);
        }

        /// <summary>Checks K logits: no NaN or +∞, and not all −∞.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The logits.</param>
        /// <param name="classes">K.</param>
        /// <param name="paramName">The parameter name for messages.</param>
        /// <returns>The check.</returns>
        public static VectorCheck CheckLogits<T>(ReadOnlySpan<T> values, int classes, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (values.Length != classes)
            {
                return new VectorCheck(VectorCheck.Problem.Length, paramName, values.Length, 0, classes);
            }

            bool anyFinite = false;
            for (int i = 0; i < values.Length; i++)
            {
                T x = values[i];
                if (T.IsNaN(x) || T.IsPositiveInfinity(x))
                {
                    return new VectorCheck(VectorCheck.Problem.PositiveInfinity, paramName, i, double.CreateTruncating(x));
                }

                anyFinite |= T.IsFinite(x);
            }

            return anyFinite ? VectorCheck.Valid : new VectorCheck(VectorCheck.Problem.AllNegativeInfinity, paramName, 0, 0);
        }

        /// <summary>Checks K counts (≥ 0) and a pseudocount (finite, ≥ 0) with a positive total.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="counts">The counts.</param>
        /// <param name="pseudocount">Added to every count.</param>
        /// <param name="classes">K.</param>
        /// <param name="paramName">The counts' parameter name.</param>
        /// <param name="pseudocountName">The pseudocount's parameter name.</param>
        /// <returns>The check.</returns>
        public static VectorCheck CheckCounts<T>(ReadOnlySpan<long> counts, T pseudocount, int classes, string paramName, string pseudocountName)
            where T : IBinaryFloatingPointIeee754<T> =>
            CheckCountsOf(counts, pseudocount, classes, paramName, pseudocountName);

        /// <inheritdoc cref="CheckCounts{T}(ReadOnlySpan{long}, T, int, string, string)"/>
        public static VectorCheck CheckCounts<T>(ReadOnlySpan<int> counts, T pseudocount, int classes, string paramName, string pseudocountName)
            where T : IBinaryFloatingPointIeee754<T> =>
            CheckCountsOf(counts, pseudocount, classes, paramName, pseudocountName);

        private static VectorCheck CheckCountsOf<TCount, T>(ReadOnlySpan<TCount> counts, T pseudocount, int classes, string paramName, string pseudocountName)
            where TCount : IBinaryInteger<TCount>
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (counts.Length != classes)
            {
                return new VectorCheck(VectorCheck.Problem.Length, paramName, counts.Length, 0, classes);
            }

            if (!T.IsFinite(pseudocount) || pseudocount < T.Zero)
            {
                return new VectorCheck(VectorCheck.Problem.Pseudocount, pseudocountName, 0, double.CreateTruncating(pseudocount));
            }

            double total = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                if (TCount.IsNegative(counts[i]))
                {
                    return new VectorCheck(VectorCheck.Problem.Negative, paramName, i, double.CreateTruncating(counts[i]));
                }

                total += double.CreateTruncating(counts[i]);
            }

            total += (double)classes * double.CreateTruncating(pseudocount);
            return total > 0 ? VectorCheck.Valid : new VectorCheck(VectorCheck.Problem.ZeroTotal, paramName, 0, total);
        }

        /// <summary>pₖ = valuesₖ, log pₖ = log valuesₖ (−∞ where 0).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">Validated probabilities.</param>
        /// <param name="p">Receives the probabilities.</param>
        /// <param name="logP">Receives the log-probabilities.</param>
        public static void FillFromProbabilities<T>(ReadOnlySpan<T> values, Span<T> p, Span<T> logP)
            where T : IBinaryFloatingPointIeee754<T>
        {
            values.CopyTo(p);
            for (int i = 0; i < values.Length; i++)
            {
                logP[i] = T.Log(values[i]);
            }
        }

        /// <summary>pₖ = wₖ / Σ w, log pₖ = log wₖ − log Σ w, in double.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="weights">Validated weights.</param>
        /// <param name="p">Receives the probabilities.</param>
        /// <param name="logP">Receives the log-probabilities.</param>
        public static void FillFromWeights<T>(ReadOnlySpan<T> weights, Span<T> p, Span<T> logP)
            where T : IBinaryFloatingPointIeee754<T>
        {
            double sum = 0;
            foreach (var w in weights)
            {
                sum += double.CreateTruncating(w);
            }

            double logSum = Math.Log(sum);
            for (int i = 0; i < weights.Length; i++)
            {
                double w = double.CreateTruncating(weights[i]);
                p[i] = T.CreateTruncating(w / sum);
                logP[i] = T.CreateTruncating(Math.Log(w) - logSum);
            }
        }

        /// <summary>Stable log-softmax: log pₖ = xₖ − m − log Σ exp(xⱼ − m), m = max x; pₖ = exp(log pₖ). In double.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="logits">Validated logits.</param>
        /// <param name="p">Receives the probabilities.</param>
        /// <param name="logP">Receives the log-probabilities.</param>
        public static void FillFromLogits<T>(ReadOnlySpan<T> logits, Span<T> p, Span<T> logP)
            where T : IBinaryFloatingPointIeee754<T>
        {
            double max = double.NegativeInfinity;
            foreach (var x in logits)
            {
                max = Math.Max(max, double.CreateTruncating(x));
            }

            double sum = 0;
            foreach (var x in logits)
            {
                sum += Math.Exp(double.CreateTruncating(x) - max);
            }

            // (x − max) − log Σ, not x − (max + log Σ): rounding max + log Σ would shift every log-probability by up
            // to ε·|max|, which for logits of ±1e4 is 1e-12.
            double logSum = Math.Log(sum);
            for (int i = 0; i < logits.Length; i++)
            {
                double logProbability = (double.CreateTruncating(logits[i]) - max) - logSum;
                logP[i] = T.CreateTruncating(logProbability);
                p[i] = T.CreateTruncating(Math.Exp(logProbability));
            }
        }

        /// <summary>pₖ = (cₖ + a) / (Σ c + K·a), log pₖ = log(cₖ + a) − log(total), in double.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="counts">Validated counts.</param>
        /// <param name="pseudocount">a, added to every count.</param>
        /// <param name="p">Receives the probabilities.</param>
        /// <param name="logP">Receives the log-probabilities.</param>
        public static void FillFromCounts<T>(ReadOnlySpan<long> counts, T pseudocount, Span<T> p, Span<T> logP)
            where T : IBinaryFloatingPointIeee754<T> =>
            FillFromCountsOf(counts, pseudocount, p, logP);

        /// <inheritdoc cref="FillFromCounts{T}(ReadOnlySpan{long}, T, Span{T}, Span{T})"/>
        public static void FillFromCounts<T>(ReadOnlySpan<int> counts, T pseudocount, Span<T> p, Span<T> logP)
            where T : IBinaryFloatingPointIeee754<T> =>
            FillFromCountsOf(counts, pseudocount, p, logP);

        private static void FillFromCountsOf<TCount, T>(ReadOnlySpan<TCount> counts, T pseudocount, Span<T> p, Span<T> logP)
            where TCount : IBinaryInteger<TCount>
            where T : IBinaryFloatingPointIeee754<T>
        {
            double a = double.CreateTruncating(pseudocount);
            double total = counts.Length * a;
            foreach (TCount c in counts)
            {
                total += double.CreateTruncating(c);
            }

            double logTotal = Math.Log(total);
            for (int i = 0; i < counts.Length; i++)
            {
                double c = double.CreateTruncating(counts[i]) + a;
                p[i] = T.CreateTruncating(c / total);
                logP[i] = T.CreateTruncating(Math.Log(c) - logTotal);
            }
        }

        /// <summary>
        /// The batch log-pmf of a categorical law: destinationᵢ = log p[outcomesᵢ], −∞ for an outcome outside 0 … K − 1 (as
        /// the scalar <c>LogPmf(k)</c>). A gather from the cached log-probabilities: no logarithm is taken.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="logP">The K cached log-probabilities.</param>
        /// <param name="outcomes">The outcomes.</param>
        /// <param name="destination">Receives one log-probability per outcome; at least as long as <paramref name="outcomes"/>.</param>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="outcomes"/>.</exception>
        public static void LogPmf<T>(ReadOnlySpan<T> logP, ReadOnlySpan<int> outcomes, Span<T> destination)
            where T : IBinaryFloatingPointIeee754<T>
        {
            Guard.ThrowIfDestinationTooShort(outcomes.Length, destination.Length);
            for (int i = 0; i < outcomes.Length; i++)
            {
                int k = outcomes[i];
                destination[i] = (uint)k < (uint)logP.Length ? logP[k] : T.NegativeInfinity;
            }
        }

        /// <summary>Counts each outcome; an outcome outside 0 … K − 1 throws <see cref="ArgumentOutOfRangeException"/> naming its index.</summary>
        /// <param name="outcomes">The outcomes.</param>
        /// <param name="counts">K counters, incremented.</param>
        /// <param name="paramName">The outcomes' parameter name.</param>
        public static void CountOutcomes(ReadOnlySpan<int> outcomes, Span<long> counts, string paramName)
        {
            for (int i = 0; i < outcomes.Length; i++)
            {
                int k = outcomes[i];
                if ((uint)k >= (uint)counts.Length)
                {
                    Guard.ThrowOutcomeOutOfRange(i, k, "0 … " + (counts.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), paramName);
                }

                counts[k]++;
            }
        }

        /// <summary>Σ log p[outcomes[i]] in double; −∞ if an outcome is outside 0 … K − 1.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="logP">The K log-probabilities.</param>
        /// <param name="outcomes">The outcomes.</param>
        /// <returns>The log-likelihood.</returns>
        public static T LogLikelihood<T>(ReadOnlySpan<T> logP, ReadOnlySpan<int> outcomes)
            where T : IBinaryFloatingPointIeee754<T>
        {
            double sum = 0;
            foreach (int k in outcomes)
            {
                if ((uint)k >= (uint)logP.Length)
                {
                    return T.NegativeInfinity;
                }

                sum += double.CreateTruncating(logP[k]);
            }

            return T.CreateTruncating(sum);
        }

        /// <summary>Inverse transform sampling over K probabilities; never returns an outcome of probability 0.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="p">The K probabilities.</param>
        /// <param name="random">The source of randomness.</param>
        /// <returns>The outcome.</returns>
        public static int Sample<T>(ReadOnlySpan<T> p, Random random)
            where T : IBinaryFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(random);
            double u = random.NextDouble();
            double cumulative = 0;
            int last = 0;
            for (int i = 0; i < p.Length; i++)
            {
                double pi = double.CreateTruncating(p[i]);
                if (pi > 0)
                {
                    cumulative += pi;
                    last = i;
                    if (u < cumulative)
                    {
                        return i;
                    }
                }
            }

            return last; // u fell in the rounding gap between the cumulative sum and 1
        }

        /// <summary>The index of the largest element (the smallest index among ties).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="p">The K probabilities.</param>
        /// <returns>The mode.</returns>
        public static int ArgMax<T>(ReadOnlySpan<T> p)
            where T : IBinaryFloatingPointIeee754<T>
        {
            int best = 0;
            for (int i = 1; i < p.Length; i++)
            {
                if (p[i] > p[best])
                {
                    best = i;
                }
            }

            return best;
        }

        private static VectorCheck CheckNonNegativeFinite<T>(ReadOnlySpan<T> values, int classes, string paramName, out double sum)
            where T : IBinaryFloatingPointIeee754<T>
        {
            sum = 0;
            if (values.Length != classes)
            {
                return new VectorCheck(VectorCheck.Problem.Length, paramName, values.Length, 0, classes);
            }

            for (int i = 0; i < values.Length; i++)
            {
                T x = values[i];
                if (!T.IsFinite(x))
                {
                    return new VectorCheck(VectorCheck.Problem.NotFinite, paramName, i, double.CreateTruncating(x));
                }

                if (x < T.Zero)
                {
                    return new VectorCheck(VectorCheck.Problem.Negative, paramName, i, double.CreateTruncating(x));
                }

                sum += double.CreateTruncating(x);
            }

            return VectorCheck.Valid;
        }

        /// <summary>
        /// <c>prefix</c>, then the first values in invariant culture with round-trip precision (all of them up to 8, else
        /// the first 8 and "…"), then <c>suffix</c>: the text of a generated <c>ToString()</c>.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="prefix">The text before the values, e.g. <c>Die: Categorical(K = 6, p = </c>.</param>
        /// <param name="values">The values.</param>
        /// <param name="suffix">The text after them.</param>
        /// <returns>The description.</returns>
        public static string Describe<T>(string prefix, ReadOnlySpan<T> values, string suffix)
            where T : IBinaryFloatingPointIeee754<T>
        {
            const int Shown = 8;
            var text = new System.Text.StringBuilder(prefix).Append('[');
            for (int i = 0; i < values.Length && i < Shown; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.Append(values.Length > Shown ? ", …]" : "]").Append(suffix).ToString();
        }
    }
}
