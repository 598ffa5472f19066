using System;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// Reference natural logarithm in double-double arithmetic (about 100 significant bits), used to measure the ulp error
    /// of the library's log and log1p without trusting any double-precision log.
    /// </summary>
    /// <remarks>
    /// v = 2^k·m with m in [√½, √2) (exact: a scaling), t = (m − 1)/(m + 1), log m = 2·atanh t = 2·Σ t^(2i+1)/(2i+1)
    /// with |t| ≤ 0.1716, so each term is 34 times smaller than the one before; log v = k·ln 2 + log m.
    /// </remarks>
    internal static class DoubleDoubleLog
    {
        // ln 2 = Ln2Hi + Ln2Lo to about 107 bits.
        private const double Ln2Hi = 0.6931471805599453;      // 0x3FE62E42FEFA39EF
        private const double Ln2Lo = 2.3190468138462996e-17;  // 0x3C7ABC9E3B39803F

        /// <summary>log(1 + x) for x ≥ −1 (finite), as an unevaluated sum hi + lo.</summary>
        public static (double Hi, double Lo) Log1p(double x)
        {
            if (Math.Abs(x) < 1e-100)
            {
                // x − x²/2: the next term is 10^-200 of x. (The general path would underflow for subnormal x: t = x/2 rounds.)
                return (x, -0.5 * x * x);
            }

            // 1 + x exactly, as a double-double (x = MaxValue does not overflow: 1 + MaxValue rounds to MaxValue).
            (double hi, double lo) = TwoSum(1.0, x);
            return Log(hi, lo);
        }

        /// <summary>log(x) for finite x &gt; 0 (subnormals included).</summary>
        public static (double Hi, double Lo) Log(double x) => Log(x, 0.0);

        /// <summary>log(hi + lo) for a normalised double-double with hi &gt; 0 finite.</summary>
        public static (double Hi, double Lo) Log(double hi, double lo)
        {
            if (!(hi > 0) || double.IsInfinity(hi))
            {
                throw new ArgumentOutOfRangeException(nameof(hi), hi, "The reference log needs a positive finite value.");
            }

            int k = Math.ILogB(hi);
            double mh = Math.ScaleB(hi, -k); // in [1, 2), exact
            double ml = Math.ScaleB(lo, -k); // exact unless lo is subnormal after scaling: then far below 2^-106 of mh
            if (mh + ml > Math.Sqrt(2.0))
            {
                mh *= 0.5;
                ml *= 0.5;
                k++;
            }

            // m − 1 and m + 1: mh − 1 is exact for mh in [0.5, 2] (Sterbenz); mh + 1 is not (it can need one more bit), so TwoSum.
            (double nh, double nl) = Add(mh - 1.0, 0.0, ml, 0.0);
            (double ph1, double pl1) = TwoSum(mh, 1.0);
            (double dh, double dl) = Add(ph1, pl1, ml, 0.0);
            (double th, double tl) = Div(nh, nl, dh, dl);
            (double t2h, double t2l) = Mul(th, tl, th, tl);

            // Σ t^(2i+1)/(2i+1), from the first term; stop when a term no longer changes the sum at 2^-110.
            (double sh, double sl) = (th, tl);
            (double ph, double pl) = (th, tl);
            for (int i = 1; i < 60; i++)
            {
                (ph, pl) = Mul(ph, pl, t2h, t2l);
                (double qh, double ql) = DivByInt(ph, pl, 2 * i + 1);
                (sh, sl) = Add(sh, sl, qh, ql);
                if (Math.Abs(qh) <= Math.Abs(sh) * 1e-33)
                {
                    break;
                }
            }

            (double lh, double ll) = Mul(Ln2Hi, Ln2Lo, k, 0.0);
            return Add(lh, ll, 2.0 * sh, 2.0 * sl);
        }

        internal static (double Hi, double Lo) TwoSum(double a, double b)
        {
            double s = a + b;
            double bb = s - a;
            double err = (a - (s - bb)) + (b - bb);
            return (s, err);
        }

        internal static (double Hi, double Lo) QuickTwoSum(double a, double b)
        {
            double s = a + b;
            return (s, b - (s - a));
        }

        internal static (double Hi, double Lo) TwoProd(double a, double b)
        {
            double p = a * b;
            return (p, Math.FusedMultiplyAdd(a, b, -p));
        }

        internal static (double Hi, double Lo) Add(double ah, double al, double bh, double bl)
        {
            (double s, double e) = TwoSum(ah, bh);
            (double t, double f) = TwoSum(al, bl);
            e += t;
            (s, e) = QuickTwoSum(s, e);
            e += f;
            return QuickTwoSum(s, e);
        }

        internal static (double Hi, double Lo) Mul(double ah, double al, double bh, double bl)
        {
            (double p, double e) = TwoProd(ah, bh);
            e += ah * bl + al * bh;
            return QuickTwoSum(p, e);
        }

        internal static (double Hi, double Lo) Div(double ah, double al, double bh, double bl)
        {
            // Long division: q1 = a/b, r = a − q1·b, q2 = r/b, and once more.
            double q1 = ah / bh;
            (double rh, double rl) = Add(ah, al, -Mul(q1, 0.0, bh, bl).Hi, -Mul(q1, 0.0, bh, bl).Lo);
            double q2 = rh / bh;
            (rh, rl) = Add(rh, rl, -Mul(q2, 0.0, bh, bl).Hi, -Mul(q2, 0.0, bh, bl).Lo);
            double q3 = rh / bh;
            (double qh, double ql) = QuickTwoSum(q1, q2);
            return Add(qh, ql, q3, 0.0);
        }

        internal static (double Hi, double Lo) DivByInt(double ah, double al, int n) => Div(ah, al, n, 0.0);
    }
}
