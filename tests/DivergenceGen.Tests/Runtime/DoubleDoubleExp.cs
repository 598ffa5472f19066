using System;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// Reference exp in double-double arithmetic (about 100 significant bits), returned as (hi + lo)·2^k so that results
    /// far outside the double range (and subnormal ones) keep their full precision; used to measure the ulp error of the
    /// library's exp without trusting any double-precision exp.
    /// </summary>
    /// <remarks>
    /// k = round(x/ln 2); r = x − k·ln 2 with ln 2 as a triple-double (to 2^-164: k·ln2_hi and k·ln2_mid are exact products,
    /// k·ln2_lo's rounding and ln 2's truncation cost below 2^-150), subtracted in double-double, so r carries an error below
    /// 2^-105·|r| + 2^-150 for |x| ≤ 2000; exp(r) by its Taylor
    /// series in double-double, |r| ≤ 0.35, stopping once a term is below 10^-34 of the sum (at most 25 terms, each adding
    /// a relative rounding error of about 2^-104). The total relative error is far below 2^-95, that is below 2^-43 ulp of
    /// a double: the measured ulp errors are exact to the digits reported.
    /// </remarks>
    internal static class DoubleDoubleExp
    {
        // ln 2 = Ln2Hi + Ln2Mid + Ln2Lo to about 160 bits (0x3FE62E42FEFA39EF, 0x3C7ABC9E3B39803F, 0x3907B57A079A1934).
        private static readonly double Ln2Hi = BitConverter.UInt64BitsToDouble(0x3FE62E42FEFA39EFUL);
        private static readonly double Ln2Mid = BitConverter.UInt64BitsToDouble(0x3C7ABC9E3B39803FUL);
        private static readonly double Ln2Lo = BitConverter.UInt64BitsToDouble(0x3907B57A079A1934UL);

        /// <summary>exp(x) = (Hi + Lo)·2^K for finite |x| ≤ 2000, with Hi in about [0.7, 1.42].</summary>
        public static (double Hi, double Lo, int K) Exp(double x)
        {
            if (!double.IsFinite(x) || Math.Abs(x) > 2000)
            {
                throw new ArgumentOutOfRangeException(nameof(x), x, "The reference exp needs a finite |x| ≤ 2000.");
            }

            double k = Math.Round(x / Ln2Hi);

            // r = x − k·ln 2: both products exact (TwoProd), the subtractions in double-double (|r| ≤ 0.35).
            (double ph, double pl) = DoubleDoubleLog.TwoProd(k, Ln2Hi);
            (double mh, double ml) = DoubleDoubleLog.TwoProd(k, Ln2Mid);
            (double rh, double rl) = DoubleDoubleLog.Add(x, 0.0, -ph, -pl);
            (rh, rl) = DoubleDoubleLog.Add(rh, rl, -mh, -ml);
            (rh, rl) = DoubleDoubleLog.Add(rh, rl, -k * Ln2Lo, 0.0);

            // Σ r^n/n!.
            (double sh, double sl) = (1.0, 0.0);
            (double th, double tl) = (1.0, 0.0);
            for (int n = 1; n < 60; n++)
            {
                (th, tl) = DoubleDoubleLog.Mul(th, tl, rh, rl);
                (th, tl) = DoubleDoubleLog.DivByInt(th, tl, n);
                (sh, sl) = DoubleDoubleLog.Add(sh, sl, th, tl);
                if (Math.Abs(th) <= 1e-34)
                {
                    break;
                }
            }

            return (sh, sl, (int)k);
        }
    }
}
