using System;

namespace DivergenceGen
{
    /// <summary>
    /// Units of information for losses and divergences: every generated member returns nats (natural logarithms); these
    /// convert to bits and give the perplexity of a mean cross-entropy. Each result is the exact value rounded once
    /// (within 1 ulp): the constants are carried in two parts, so the conversion itself adds no error beyond the final
    /// rounding.
    /// </summary>
    public static class InformationUnits
    {
        // log₂ e and ln 2, each as a double and the rest (the value minus the double), from 50-digit mpmath.
        private const double Log2EHigh = 1.4426950408889634;
        private const double Log2ELow = 2.0355273740931033e-17;
        private const double Ln2High = 0.6931471805599453;
        private const double Ln2Low = 2.3190468138462996e-17;

        /// <summary>
        /// The perplexity e^H of a mean cross-entropy (or negative log-likelihood) H in nats: the number of equally likely
        /// classes that would give the same loss. H = 0 gives 1; a uniform guess over K classes gives K.
        /// </summary>
        /// <param name="meanLossInNats">H, the mean loss per sample in nats (≥ 0 for a cross-entropy; a value a rounding below 0 gives a perplexity a rounding below 1).</param>
        /// <returns>e^H; +∞ where e^H overflows (H &gt; ~709.78).</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="meanLossInNats"/> is NaN.</exception>
        public static double Perplexity(double meanLossInNats)
        {
            ThrowIfNaN(meanLossInNats, nameof(meanLossInNats));
            return Math.Exp(meanLossInNats);
        }

        /// <summary>The perplexity e^H of a mean loss in nats, in single precision (computed in double, rounded once).</summary>
        /// <param name="meanLossInNats">H, the mean loss per sample in nats.</param>
        /// <returns>e^H; +∞ where it overflows float (H &gt; ~88.72).</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="meanLossInNats"/> is NaN.</exception>
        public static float Perplexity(float meanLossInNats)
        {
            ThrowIfNaN(meanLossInNats, nameof(meanLossInNats));
            return (float)Math.Exp(meanLossInNats);
        }

        /// <summary>Converts an amount of information from nats to bits: x / ln 2 = x·log₂ e.</summary>
        /// <param name="nats">The amount in nats (any value; ±∞ stay ±∞).</param>
        /// <returns>The amount in bits.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="nats"/> is NaN.</exception>
        public static double NatsToBits(double nats)
        {
            ThrowIfNaN(nats, nameof(nats));
            return double.IsInfinity(nats) ? nats : Math.FusedMultiplyAdd(nats, Log2EHigh, nats * Log2ELow);
        }

        /// <summary>Converts an amount of information from nats to bits, in single precision (computed in double, rounded once).</summary>
        /// <param name="nats">The amount in nats.</param>
        /// <returns>The amount in bits.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="nats"/> is NaN.</exception>
        public static float NatsToBits(float nats)
        {
            ThrowIfNaN(nats, nameof(nats));
            return (float)NatsToBits((double)nats);
        }

        /// <summary>Converts an amount of information from bits to nats: x·ln 2.</summary>
        /// <param name="bits">The amount in bits (any value; ±∞ stay ±∞).</param>
        /// <returns>The amount in nats.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is NaN.</exception>
        public static double BitsToNats(double bits)
        {
            ThrowIfNaN(bits, nameof(bits));
            return double.IsInfinity(bits) ? bits : Math.FusedMultiplyAdd(bits, Ln2High, bits * Ln2Low);
        }

        /// <summary>Converts an amount of information from bits to nats, in single precision (computed in double, rounded once).</summary>
        /// <param name="bits">The amount in bits.</param>
        /// <returns>The amount in nats.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="bits"/> is NaN.</exception>
        public static float BitsToNats(float bits)
        {
            ThrowIfNaN(bits, nameof(bits));
            return (float)BitsToNats((double)bits);
        }

        private static void ThrowIfNaN(double value, string paramName)
        {
            if (double.IsNaN(value))
            {
                throw new ArgumentOutOfRangeException(paramName, value, paramName + " is NaN.");
            }
        }
    }
}
