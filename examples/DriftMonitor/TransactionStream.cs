using System;

namespace DriftMonitor;

/// <summary>
/// Synthetic card-transaction amounts (in dollars) from a seeded <see cref="Random"/>: a mixture of two log-normal
/// components, everyday purchases and larger ones. The reference period and the stable windows use
/// <see cref="Reference"/>; from the drift's start the everyday prices rise and the larger purchases become more common.
/// </summary>
internal sealed class TransactionStream(int seed)
{
    /// <summary>The mixture: weight of the larger purchases, and each component's log-mean and log-sd.</summary>
    public readonly record struct Mixture(double EverydayLogMean, double EverydayLogSd, double LargeWeight, double LargeLogMean, double LargeLogSd)
    {
        /// <summary>The reference mixture: everyday purchases around e^3.6 ≈ $37, 15 % larger ones around e^5 ≈ $148.</summary>
        public static Mixture Reference => new(3.6, 0.6, 0.15, 5.0, 0.45);

        /// <summary>
        /// The drifted mixture at progress <paramref name="t"/> ∈ [0, 1]: everyday prices up by e^(0.3·t) (+35 % at t = 1),
        /// larger purchases from 15 % to 35 % of the transactions.
        /// </summary>
        public static Mixture Drifted(double t) =>
            Reference with { EverydayLogMean = 3.6 + 0.3 * t, LargeWeight = 0.15 + 0.20 * t };
    }

    private readonly Random _random = new(seed);
    private double _spareNormal = double.NaN;

    /// <summary>Fills <paramref name="amounts"/> with independent draws from <paramref name="mixture"/>.</summary>
    public void Fill(Mixture mixture, Span<double> amounts) => Fill(mixture, double.PositiveInfinity, amounts);

    /// <summary>
    /// Like <see cref="Fill(Mixture, Span{double})"/>, but transactions of <paramref name="limit"/> dollars or more are
    /// declined and never reach the window: drawing goes on until the window is full.
    /// </summary>
    public void Fill(Mixture mixture, double limit, Span<double> amounts)
    {
        int filled = 0;
        while (filled < amounts.Length)
        {
            bool large = _random.NextDouble() < mixture.LargeWeight;
            double logAmount = large
                ? mixture.LargeLogMean + mixture.LargeLogSd * StandardNormal()
                : mixture.EverydayLogMean + mixture.EverydayLogSd * StandardNormal();
            double amount = Math.Exp(logAmount);
            if (amount < limit)
            {
                amounts[filled++] = amount;
            }
        }
    }

    /// <summary>A standard normal draw: Box–Muller, both values of each pair used.</summary>
    private double StandardNormal()
    {
        if (!double.IsNaN(_spareNormal))
        {
            double spare = _spareNormal;
            _spareNormal = double.NaN;
            return spare;
        }

        double u1 = 1.0 - _random.NextDouble(); // (0, 1]: the logarithm is finite
        double u2 = _random.NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        _spareNormal = radius * Math.Sin(2.0 * Math.PI * u2);
        return radius * Math.Cos(2.0 * Math.PI * u2);
    }
}
