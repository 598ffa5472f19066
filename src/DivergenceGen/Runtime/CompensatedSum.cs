using System;

namespace DivergenceGen
{
    /// <summary>
    /// Neumaier's compensated sum (Kahan–Babuška): the rounding of each addition is kept and added at the end, so the error
    /// of adding n terms is about 2ε of the sum of their magnitudes, independent of n; terms of both signs that nearly cancel
    /// (the differences p − q where P ≈ Q) keep their digits. Shared by the runtime's sums (discrete entropies and KL, the
    /// continuous fits, the divergence toolkit, the multinomial).
    /// </summary>
    internal struct CompensatedSum
    {
        private double _sum;
        private double _compensation;

        /// <summary>The sum so far, with its compensation.</summary>
        public readonly double Value => _sum + _compensation;

        /// <summary>Adds a term.</summary>
        /// <param name="value">The term.</param>
        public void Add(double value)
        {
            double t = _sum + value;
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
            _sum = t;
        }
    }
}
