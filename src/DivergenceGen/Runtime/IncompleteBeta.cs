using System;
using System.ComponentModel;

namespace DivergenceGen
{
    /// <summary>
    /// The regularized incomplete beta function I_x(a, b), its complement 1 − I_x(a, b) computed directly, and their
    /// inverses in x, in double. Generated code for the Beta family calls these (distribution function, survival
    /// function, quantiles).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Method. With y = 1 − x (held exactly as a double-double), the side computed directly is the one where the
    /// continued fraction converges fast: x &lt; (a + 1)/(a + b + 2) gives I_x(a, b), otherwise 1 − I_x(a, b) =
    /// I_y(b, a) with the roles swapped; the other is 1 minus it. The fraction is DLMF 8.17.22 contracted to its even
    /// part (DiDonato and Morris's BFRAC, TOMS 708; Boost's ibeta_fraction2): I_x(a, b) = x^a y^b/B(a, b)/F with
    /// F = β₀ + α₁/(β₁ + α₂/(β₂ + …)), α_m = (a + m − 1)(a + b + m − 1)m(b − m)x²/(a + 2m − 1)²,
    /// β_m = m + m(b − m)x/(a + 2m − 1) + (a + m)(λ + 1 + m(2 − x))/(a + 2m + 1), β₀ = a(λ + 1)/(a + 1),
    /// λ = a·y − b·x. On the side used every α_m (m &lt; b) and β_m is positive, so the fraction is evaluated backwards
    /// (from 1.5× the depth where Lentz's forward iteration settles, as <see cref="IncompleteGamma"/> does), with no
    /// cancellation; λ + 1 is formed as a double-double (it cancels to ~a·y where b·x ≈ 1, e.g. a = 1e−3, b = 1e6,
    /// x = 1e−6, where a double λ cost 490ε), and a + (m − 1) is written so (a + m − 1 loses a = 1e−3's digits).
    /// At most ~560 steps (a = b = 1e6 at the mean), ≤ 30 for max(a, b) ≤ 100. A power series (BPSER) was not needed:
    /// for small x or small b·x the fraction settles in 1–8 steps with ≤ 1ε.
    /// </para>
    /// <para>
    /// The prefactor x^a y^b/B(a, b) is exp of an exponent carried as a double-double: for a, b ≥ 1 Loader's form
    /// √(ab/(2πn))·e^(−bd0(a, nx) − bd0(b, ny) + stirlerr(n) − stirlerr(a) − stirlerr(b)), n = a + b, with nx, ny and
    /// bd0 as double-doubles (no ln Γ differences, which would lose ln a digits at a = 1e6); if a parameter is below 1,
    /// a·ln x + b·ln y in double-double plus ln(1/B) from ln Γ(1 + t) on exact arguments and, for the other parameter g ≥ 1,
    /// ln Γ(g + s) − ln Γ(g) = s·ln g + (g + s − ½)·log1p(s/g) − s + stirlerr(g + s) − stirlerr(g).
    /// </para>
    /// <para>
    /// Accuracy against 50-digit mpmath (tests/DivergenceGen.Tests/Runtime/IncompleteBetaTests.cs,
    /// reference/continuous_special.json): see each member; ε = 2⁻⁵² = 2.2e−16. Known limit: for a &lt; 1 the value on the
    /// directly computed side can exceed ½ (the mass of Beta(1e−3, b) sits near 0), and its complement is then 1 minus
    /// it, accurate to ~1e−16 absolute rather than relative (the complement is ≥ ~a there). No member allocates.
    /// </para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class IncompleteBeta
    {
        /// <summary>2⁻⁵²: Lentz's iteration has settled when a step changes the value by at most this.</summary>
        private const double Epsilon = 2.220446049250313E-16;

        /// <summary>A bound on Lentz's steps that the documented domain never reaches (≤ ~600 at a = b = 1e6).</summary>
        private const int LentzMaxSteps = 1000000;

        /// <summary>Lentz's stand-in for 0; on the side used no denominator comes near it.</summary>
        private const double LentzTiny = 1e-300;

        /// <summary>2π.</summary>
        private const double TwoPi = 6.283185307179586;

        /// <summary>Newton steps of the inverses before they stop (never reached in the tests: ≤ 12 measured).</summary>
        private const int InverseMaxSteps = 100;

        /// <summary>The least positive normal double, 2⁻¹⁰²², and its logarithm.</summary>
        private const double SmallestNormal = 2.2250738585072014E-308;

        /// <summary>ln 2⁻¹⁰²².</summary>
        private const double LogSmallestNormal = -708.3964185322641;

        /// <summary>1 − 2⁻⁵³, the largest double below 1.</summary>
        private const double LargestBelowOne = 0.99999999999999989;

        /// <summary>The regularized incomplete beta function I_x(a, b) = (1/B(a, b))∫₀ˣ t^(a−1)(1 − t)^(b−1) dt.</summary>
        /// <remarks>
        /// a, b &gt; 0 finite; x ≤ 0 gives 0, x ≥ 1 gives 1, NaN x gives NaN. Relative accuracy where I is small (x ≪ the
        /// mean, down to the double range); where I is the larger side it is 1 minus the smaller. Measured against 50-digit
        /// mpmath at 1,174 points (a, b from 1e−3 to 1e6, x from 1e−300 to 1 − 1e−12): at most 4.5ε relative (a = b = 1e6
        /// at the mean, 560 fraction steps); every other region ≤ 2.1ε; where I is 1 minus a direct side above ½ (the
        /// class remarks' limit) ≤ 2.1ε absolute. The tests allow 5ε (2.5ε absolute).
        /// </remarks>
        /// <param name="a">The first shape, 0 &lt; a &lt; ∞.</param>
        /// <param name="b">The second shape, 0 &lt; b &lt; ∞.</param>
        /// <param name="x">The upper limit.</param>
        /// <returns>I_x(a, b) ∈ [0, 1].</returns>
        /// <exception cref="ArgumentOutOfRangeException">a or b is not finite and &gt; 0.</exception>
        public static double Regularized(double a, double b, double x)
        {
            Validate(a, b);
            if (double.IsNaN(x))
            {
                return x;
            }

            if (x <= 0)
            {
                return 0.0;
            }

            if (x >= 1)
            {
                return 1.0;
            }

            Side side = Evaluate(a, b, x);
            return side.IsComplement ? 1.0 - side.Value : side.Value;
        }

        /// <summary>1 − I_x(a, b) = I_(1−x)(b, a), computed directly (relative accuracy in the upper tail).</summary>
        /// <remarks>
        /// a, b &gt; 0 finite; x ≤ 0 gives 1, x ≥ 1 gives 0, NaN x gives NaN. Relative accuracy where it is small (x near 1,
        /// 1 − x to the double range: x itself is exact, 1 − x is formed as a double-double). Measured against 50-digit
        /// mpmath at the same 1,174 points: at most 4.0ε relative (a = b = 1e6 at the mean), elsewhere ≤ 3.0ε; where it is
        /// 1 minus a direct side above ½ ≤ 2.2ε absolute (a = 1e−3, b = 1e4). The tests allow 5ε (2.5ε absolute).
        /// </remarks>
        /// <param name="a">The first shape, 0 &lt; a &lt; ∞.</param>
        /// <param name="b">The second shape, 0 &lt; b &lt; ∞.</param>
        /// <param name="x">The lower limit of the upper tail.</param>
        /// <returns>1 − I_x(a, b) ∈ [0, 1].</returns>
        /// <exception cref="ArgumentOutOfRangeException">a or b is not finite and &gt; 0.</exception>
        public static double RegularizedComplement(double a, double b, double x)
        {
            Validate(a, b);
            if (double.IsNaN(x))
            {
                return x;
            }

            if (x <= 0)
            {
                return 1.0;
            }

            if (x >= 1)
            {
                return 0.0;
            }

            Side side = Evaluate(a, b, x);
            return side.IsComplement ? side.Value : 1.0 - side.Value;
        }

        /// <summary>The inverse in x: the x ∈ [0, 1] with I_x(a, b) = p (the quantile of Beta(a, b)).</summary>
        /// <remarks>
        /// p = 0 gives 0, p = 1 gives 1, p outside [0, 1] or NaN gives NaN. For p ≤ ½ Newton's method on
        /// g = log1p(I_x/p − 1) (ln I_x − ln p where I_x or p is subnormal: the difference of two logarithms near −690 is
        /// off by 256ε), in ln x while x ≤ ½ and in ln(1 − x) above, inside a bracket that every step narrows (a step that
        /// leaves it is replaced by bisection); for p &gt; ½ the same on 1 − I_x = 1 − p with 1 − p exact. The start is
        /// the best of three: the small-x form x^a/(a·B) = p, the small-(1 − x) form and the normal approximation
        /// mean + Φ⁻¹(p)·sd. A solution below the least subnormal (a = 1e−3, p = 1e−300: x = e^(−690000)) gives 0, one
        /// above 1 − 2⁻⁵³ gives 1. Measured against 50-digit mpmath (a, b from 1e−3 to 1e6, p = 1e−300 … 0.9, 486
        /// points): at most 2.47ε relative in x where the condition number κ = |d ln x/d ln I| is ≈ 1 (a, b ≥ 1); for a
        /// shape below 1 at most 0.35κε (349ε at a = 1e−3, b = 10, p = ½, κ = 1000). The tests allow 5(1 + κ)ε.
        /// </remarks>
        /// <param name="a">The first shape, 0 &lt; a &lt; ∞.</param>
        /// <param name="b">The second shape, 0 &lt; b &lt; ∞.</param>
        /// <param name="p">The probability, 0 ≤ p ≤ 1.</param>
        /// <returns>x with I_x(a, b) = p.</returns>
        /// <exception cref="ArgumentOutOfRangeException">a or b is not finite and &gt; 0.</exception>
        public static double Inverse(double a, double b, double p)
        {
            Validate(a, b);
            if (!(p >= 0 && p <= 1))
            {
                return double.NaN;
            }

            if (p == 0 || p == 1)
            {
                return p;
            }

            return p <= 0.5 ? Solve(a, b, p, false) : Solve(a, b, 1.0 - p, true);
        }

        /// <summary>The inverse of the complement: the x with 1 − I_x(a, b) = q, accurate for tiny q.</summary>
        /// <remarks>
        /// q = 0 gives 1, q = 1 gives 0, q outside [0, 1] or NaN gives NaN. The method of <see cref="Inverse"/> on
        /// 1 − I_x = q for q ≤ ½ (1 − I_x computed directly, iterated in whichever of x and 1 − x is small), else on
        /// I_x = 1 − q with 1 − q exact. Measured against 50-digit mpmath (486 points, q = 1e−300 … 0.9): at most 2.12ε
        /// relative in x for a, b ≥ 1 (κ ≈ 1, q = 1e−300 included), 3.84ε at a = 1, b = 0.1, q = 0.9 (κ = 5.4); for a = 1e−3
        /// at most 0.68κε (where 1 − I is 1 minus a direct side, the class remarks' limit). The tests allow 5(1 + κ)ε.
        /// </remarks>
        /// <param name="a">The first shape, 0 &lt; a &lt; ∞.</param>
        /// <param name="b">The second shape, 0 &lt; b &lt; ∞.</param>
        /// <param name="q">The upper-tail probability, 0 ≤ q ≤ 1.</param>
        /// <returns>x with 1 − I_x(a, b) = q.</returns>
        /// <exception cref="ArgumentOutOfRangeException">a or b is not finite and &gt; 0.</exception>
        public static double InverseComplement(double a, double b, double q)
        {
            Validate(a, b);
            if (!(q >= 0 && q <= 1))
            {
                return double.NaN;
            }

            if (q == 0 || q == 1)
            {
                return 1.0 - q;
            }

            return q <= 0.5 ? Solve(a, b, q, true) : Solve(a, b, 1.0 - q, false);
        }

        /// <summary>Throws unless a and b are finite and &gt; 0.</summary>
        private static void Validate(double a, double b)
        {
            Guard.ThrowIfNotPositiveFinite(a, nameof(a));
            Guard.ThrowIfNotPositiveFinite(b, nameof(b));
        }

        /// <summary>
        /// The directly computed side at 0 &lt; x &lt; 1: I_x(a, b), or 1 − I_x(a, b) when <see cref="Side.IsComplement"/>,
        /// as e^(High + Low)·Prefactor/Fraction with x^a y^b/B(a, b) = e^(High + Low)·Prefactor.
        /// </summary>
        private readonly struct Side
        {
            public Side(bool isComplement, double high, double low, double prefactor, double fraction)
            {
                IsComplement = isComplement;
                High = high;
                Low = low;
                Prefactor = prefactor;
                Fraction = fraction;
            }

            /// <summary>True when the value is 1 − I_x(a, b).</summary>
            public bool IsComplement { get; }

            /// <summary>The exponent's leading part.</summary>
            public double High { get; }

            /// <summary>The exponent's trailing part.</summary>
            public double Low { get; }

            /// <summary>x^a y^b/B(a, b) = e^(High + Low)·Prefactor.</summary>
            public double Prefactor { get; }

            /// <summary>The continued fraction F (the value is the prefactor over it).</summary>
            public double Fraction { get; }

            /// <summary>The side's value.</summary>
            public double Value => IncompleteGamma.ScaledExp(High, Low, Prefactor / Fraction);

            /// <summary>ln of the side's value (no underflow).</summary>
            public double LogValue => High + (Low + Math.Log(Prefactor / Fraction));
        }

        /// <summary>Chooses the side (see the class remarks) and evaluates it.</summary>
        private static Side Evaluate(double a, double b, double x)
        {
            double y = 1.0 - x;
            double yLow = IncompleteGamma.TwoSumError(1.0, -x, y);
            return x < (a + 1.0) / (a + b + 2.0)
                ? Compute(false, a, b, x, 0.0, y, yLow)
                : Compute(true, b, a, y, yLow, x, 0.0);
        }

        /// <summary>
        /// I_x(a, b) for x below the switch, where x = x + xLow and y = y + yLow are exact and sum to 1 (the caller may
        /// have swapped the roles).
        /// </summary>
        private static Side Compute(bool isComplement, double a, double b, double x, double xLow, double y, double yLow)
        {
            double high = LogPrefactor(a, b, x, xLow, y, yLow, out double low, out double factor);
            double fraction = Fraction(a, b, x, xLow, y, yLow);
            return new Side(isComplement, high, low, factor, fraction);
        }

        /// <summary>
        /// x^a y^b/B(a, b) = e^(high + low)·factor, the exponent as a double-double (see the class remarks).
        /// </summary>
        private static double LogPrefactor(double a, double b, double x, double xLow, double y, double yLow, out double low, out double factor)
        {
            if (a >= 1 && b >= 1)
            {
                double n = a + b;
                double nLow = IncompleteGamma.TwoSumError(a, b, n);
                double nx = Product(n, nLow, x, xLow, out double nxLow);
                double ny = Product(n, nLow, y, yLow, out double nyLow);
                double da = DevianceAt(a, nx, nxLow, out double daLow);
                double db = DevianceAt(b, ny, nyLow, out double dbLow);
                double stirling = SpecialFunctions.StirlingError(n) - SpecialFunctions.StirlingError(a) - SpecialFunctions.StirlingError(b);
                double sum = -da - db;
                double sumLow = IncompleteGamma.TwoSumError(-da, -db, sum) - daLow - dbLow;
                double result = sum + stirling;
                low = IncompleteGamma.TwoSumError(sum, stirling, result) + sumLow;
                factor = Math.Sqrt(a / n) * Math.Sqrt(b / TwoPi);
                return result;
            }

            // a·ln x + b·ln y in double-double (ln(y + yLow) = ln y + yLow/y; likewise x).
            double lx = IncompleteGamma.LogTwoPart(x, out double lxLow);
            lxLow += xLow / x;
            double ly = IncompleteGamma.LogTwoPart(y, out double lyLow);
            lyLow += yLow / y;
            double ax = a * lx;
            double axLow = Math.FusedMultiplyAdd(a, lx, -ax) + (a * lxLow);
            double by = b * ly;
            double byLow = Math.FusedMultiplyAdd(b, ly, -by) + (b * lyLow);
            double e = ax + by;
            double eLow = IncompleteGamma.TwoSumError(ax, by, e) + axLow + byLow;

            // ln(1/B(a, b)) = ln(s) + ln Γ(g + s) − ln Γ(g) − ln Γ(1 + s) for s < 1 ≤ g; both < 1: ab/(a + b)·Γ(1 + a + b)/(Γ(1 + a)Γ(1 + b)).
            double logInverseBeta;
            if (a < 1 && b < 1)
            {
                double t = a + b;
                double logGammaT = t <= 1.5 ? SpecialFunctions.LogGamma1p(t) : Math.Log(t) + SpecialFunctions.LogGamma1p(t - 1.0);
                logInverseBeta = logGammaT - SpecialFunctions.LogGamma1p(a) - SpecialFunctions.LogGamma1p(b);
                factor = a * b / t;
            }
            else
            {
                double s = Math.Min(a, b);
                double g = Math.Max(a, b);
                double lg = IncompleteGamma.LogTwoPart(g, out double lgLow);
                double sl = s * lg;
                double slLow = Math.FusedMultiplyAdd(s, lg, -sl) + (s * lgLow);
                double e2 = e + sl;
                eLow += IncompleteGamma.TwoSumError(e, sl, e2) + slLow;
                e = e2;
                double rest = ((g + s - 0.5) * SpecialFunctions.Log1p(s / g)) - s
                    + (SpecialFunctions.StirlingError(g + s) - SpecialFunctions.StirlingError(g));
                logInverseBeta = rest - SpecialFunctions.LogGamma1p(s);
                factor = s;
            }

            double total = e + logInverseBeta;
            low = IncompleteGamma.TwoSumError(e, logInverseBeta, total) + eLow;
            return total;
        }

        /// <summary>bd0(a, m + mLow) as a double-double: bd0(a, m) plus its derivative (1 − a/m) times mLow.</summary>
        private static double DevianceAt(double a, double m, double mLow, out double low)
        {
            double d = IncompleteGamma.DevianceTwoPart(a, m, out low);
            low += (1.0 - (a / m)) * mLow;
            return d;
        }

        /// <summary>(a + aLow)·(b + bLow) as a double-double (FMA).</summary>
        private static double Product(double a, double aLow, double b, double bLow, out double low)
        {
            double p = a * b;
            double e = Math.FusedMultiplyAdd(a, b, -p) + ((a * bLow) + (aLow * b));
            double result = p + e;
            low = e - (result - p);
            return result;
        }

        /// <summary>
        /// The even contraction F of the continued fraction (see the class remarks) for x below the switch: Lentz forward to
        /// find where it settles, then backwards from 1.5× that depth plus 4.
        /// </summary>
        private static double Fraction(double a, double b, double x, double xLow, double y, double yLow)
        {
            // λ + 1 = a·y − b·x + 1 as a double-double, rounded once.
            double ay = a * y;
            double ayLow = Math.FusedMultiplyAdd(a, y, -ay) + (a * yLow);
            double bx = b * x;
            double bxLow = Math.FusedMultiplyAdd(b, x, -bx) + (b * xLow);
            double oneMinusBx = 1.0 - bx;
            double r1 = IncompleteGamma.TwoSumError(1.0, -bx, oneMinusBx);
            double sum = oneMinusBx + ay;
            double r2 = IncompleteGamma.TwoSumError(oneMinusBx, ay, sum);
            double lambda1 = sum + (r1 + r2 + ayLow - bxLow);

            double twoMinusX = 2.0 - x;
            double f = Beta0(a, lambda1);
            if (f == 0)
            {
                f = LentzTiny;
            }

            double c = f;
            double d = 0.0;
            int m = 0;
            while (true)
            {
                m++;
                double an = Alpha(a, b, x, m);
                double bn = BetaTerm(a, b, x, lambda1, twoMinusX, m);
                d = bn + (an * d);
                if (Math.Abs(d) < LentzTiny)
                {
                    d = LentzTiny;
                }

                c = bn + (an / c);
                if (Math.Abs(c) < LentzTiny)
                {
                    c = LentzTiny;
                }

                d = 1.0 / d;
                double delta = c * d;
                f *= delta;
                if (Math.Abs(delta - 1.0) <= Epsilon || m == LentzMaxSteps)
                {
                    break;
                }
            }

            int depth = m + (m >> 1) + 4;
            double t = BetaTerm(a, b, x, lambda1, twoMinusX, depth);
            for (int k = depth - 1; k >= 1; k--)
            {
                t = BetaTerm(a, b, x, lambda1, twoMinusX, k) + (Alpha(a, b, x, k + 1) / t);
            }

            return Beta0(a, lambda1) + (Alpha(a, b, x, 1) / t);
        }

        /// <summary>β₀ = a(λ + 1)/(a + 1).</summary>
        private static double Beta0(double a, double lambda1) => a * lambda1 / (a + 1.0);

        /// <summary>α_m = (a + m − 1)(a + b + m − 1)m(b − m)x²/(a + 2m − 1)², m ≥ 1, in an order that neither overflows nor loses a's digits.</summary>
        private static double Alpha(double a, double b, double x, int m)
        {
            double denominator = a + ((2 * m) - 1);
            return (a + (m - 1)) / denominator * (((a + b) + (m - 1)) / denominator) * m * (b - m) * x * x;
        }

        /// <summary>β_m = m + m(b − m)x/(a + 2m − 1) + (a + m)(λ + 1 + m(2 − x))/(a + 2m + 1), m ≥ 1.</summary>
        private static double BetaTerm(double a, double b, double x, double lambda1, double twoMinusX, int m)
        {
            return m + (m * (b - m) * x / (a + ((2 * m) - 1))) + ((a + m) * (lambda1 + (m * twoMinusX)) / (a + ((2 * m) + 1)));
        }

        // ---- the inverse -----------------------------------------------------------------------------------------------

        /// <summary>
        /// The x with F(x) = t, F = I_x(a, b) (upper false) or 1 − I_x(a, b) (upper true), 0 &lt; t ≤ ½: Newton on
        /// g = ln F − ln t in ln x while x ≤ ½ and in ln(1 − x) above (so that whichever of x and 1 − x is small keeps
        /// relative accuracy), with slope ±x^a y^b/(B·F·y) or ∓x^a y^b/(B·F·x), inside a bracket.
        /// </summary>
        private static double Solve(double a, double b, double t, bool upper)
        {
            double logT = Math.Log(t);
            double logOther = SpecialFunctions.Log1p(-t);
            double logBeta = SpecialFunctions.LogGamma(a) + SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b);

            // Starts: I ≈ x^a/(a·B) near 0, 1 − I ≈ y^b/(b·B) near 1, and the normal approximation.
            double logX0 = ((upper ? logOther : logT) + Math.Log(a) + logBeta) / a;
            double logY0 = ((upper ? logT : logOther) + Math.Log(b) + logBeta) / b;
            // A solution beyond the least subnormal or the largest double below 1 rounds to 0 or 1 (a = 1e−3, p = 1e−300:
            // x = e^(−690000)).
            double atLeast = Residual(a, b, double.Epsilon, t, upper, out _);
            if (upper ? atLeast <= 0 : atLeast >= 0)
            {
                return 0.0;
            }

            double atMost = Residual(a, b, LargestBelowOne, t, upper, out _);
            if (upper ? atMost >= 0 : atMost <= 0)
            {
                return 1.0;
            }

            double x = double.NaN;
            double bestScore = double.PositiveInfinity;
            double mean = a / (a + b);
            double sd = Math.Sqrt(mean * (b / (a + b)) / (a + b + 1.0));
            double z = StandardNormal.Quantile(t);
            Consider(a, b, t, upper, Math.Exp(Math.Min(logX0, 0.0)), ref x, ref bestScore);
            Consider(a, b, t, upper, 1.0 - Math.Exp(Math.Min(logY0, 0.0)), ref x, ref bestScore);
            Consider(a, b, t, upper, mean + ((upper ? -z : z) * sd), ref x, ref bestScore);
            if (double.IsNaN(x))
            {
                x = 0.5;
            }

            double lo = 0.0;
            double hi = 1.0;
            for (int step = 0; step < InverseMaxSteps; step++)
            {
                double g = Residual(a, b, x, t, upper, out double logSlope); // logSlope = ln(x^a y^b/(B·F))
                if (g == 0)
                {
                    return x;
                }

                if ((g > 0) != upper)
                {
                    hi = x;
                }
                else
                {
                    lo = x;
                }

                double y = 1.0 - x;
                double sign = upper ? -1.0 : 1.0; // F increases with x for I, decreases for 1 − I
                double next;
                if (x <= 0.5)
                {
                    double slope = sign * Math.Exp(logSlope) / y; // d ln F / d ln x
                    next = x * Math.Exp(-g / slope);
                }
                else
                {
                    double slope = -sign * Math.Exp(logSlope) / x; // d ln F / d ln y
                    next = 1.0 - (y * Math.Exp(-g / slope));
                }

                if (!(next > lo && next < hi))
                {
                    next = lo > 0 && hi / lo > 4 ? Math.Sqrt(lo * hi) : 0.5 * (lo + hi);
                }

                if (next == x || Math.Abs(next - x) <= 2 * Epsilon * Math.Min(x, 1.0 - x))
                {
                    return next;
                }

                x = next;
            }

            return x;
        }

        /// <summary>
        /// g = ln F(x) − ln t, as log1p(F/t − 1) where F and t are normal (the difference of two logarithms near −690
        /// would be off by ½ ulp of 690 = 256ε), and ln(x^a y^b/(B·F)) for the slope.
        /// </summary>
        private static double Residual(double a, double b, double x, double t, bool upper, out double logSlope)
        {
            Side side = Evaluate(a, b, x);
            double logPrefactor = side.High + (side.Low + Math.Log(side.Prefactor));
            double logF;
            if (side.IsComplement == upper)
            {
                logF = side.LogValue;
            }
            else
            {
                logF = SpecialFunctions.Log1p(-side.Value);
            }

            logSlope = logPrefactor - logF;
            if (t >= SmallestNormal && logF > LogSmallestNormal)
            {
                double f = side.IsComplement == upper ? side.Value : 1.0 - side.Value;
                return SpecialFunctions.Log1p((f / t) - 1.0);
            }

            return logF - Math.Log(t);
        }

        /// <summary>Keeps the candidate start if it is inside (0, 1) and its |ln F − ln t| is the least so far.</summary>
        private static void Consider(double a, double b, double t, bool upper, double candidate, ref double x, ref double bestScore)
        {
            if (!(candidate > 0 && candidate < 1))
            {
                return;
            }

            double score = Math.Abs(Residual(a, b, candidate, t, upper, out _));
            if (score < bestScore)
            {
                bestScore = score;
                x = candidate;
            }
        }
    }
}
