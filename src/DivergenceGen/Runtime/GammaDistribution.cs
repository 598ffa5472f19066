using System;
using System.ComponentModel;

namespace DivergenceGen
{
    /// <summary>
    /// The regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x),
    /// ln Q(a, x), and the chi-square survival function P(χ²_ν &gt; s) = Q(ν/2, s/2) with its logarithm, in double.
    /// Generated code calls these for the p-value of a G-test of independence (G = 2·N·MI, ν = (R − 1)(C − 1)).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each of P and Q has relative accuracy in its own tail: Q far above a (a chi-square p-value of 1e−300 is as
    /// accurate as one of 0.5) and P far below it. The method computes the smaller of the two directly and the other as
    /// 1 minus it (that one is then ≥ ~0.37, so the subtraction costs at most ~1.5 bits), except for a &lt; 1 and
    /// x &lt; 1.1, where both are computed directly:
    /// </para>
    /// <list type="bullet">
    /// <item>a &lt; 1, x &lt; 1.1: P by its power series and Q directly as well: for x &lt; ½ as
    /// −expm1(a·ln x − ln Γ(1 + a)) − (x^a/Γ(1 + a))·a·Σ_{n≥1}(−x)ⁿ/(n!(a + n)), the exact form of 1 − P whose first
    /// term carries the cancellation of 1 − x^a/Γ(1 + a) (two non-negative parts there: relative accuracy down to
    /// a = 1e−10, where Q ≈ a·E₁(x)); for x ≥ ½ by the continued fraction below.</item>
    /// <item>a ≥ 20 and 0.7 ≤ x/a ≤ 1.3: Temme's uniform asymptotic expansion
    /// Q = ½·erfc(η√(a/2)) + e^(−aη²/2)/√(2πa)·Σ_k c_k(η)a^(−k) (13 terms; P symmetrically), where the series and
    /// the continued fraction would need ~√a terms.</item>
    /// <item>otherwise x &lt; a: P = D·Σ_{n≥0} xⁿ/((a + 1)…(a + n)); x ≥ a: Q = D·a·F with F Legendre's continued
    /// fraction (also for a &lt; 1, x ≥ 1.1); D = x^a e^(−x)/Γ(a + 1), computed as below.</item>
    /// </list>
    /// <para>
    /// The prefactor D, and e^(−aη²/2) in Temme's form, is exp of an exponent formed as a double-double: for a ≥ 1
    /// Loader's form D = e^(−stirlerr(a) − bd0(a, x))/√(2πa) with bd0(a, x) = a·ln(a/x) + x − a, for a &lt; 1
    /// a·ln x − x − ln Γ(1 + a), with ln x to ~2⁻⁹⁰. A far-tail p-value has an exponent near −690, where one rounding
    /// of a double exponent (½ ulp of 690 = 5.7e−14) would already be 256ε of the result (ε = 2⁻⁵² = 2.2e−16, the
    /// unit of every error figure here); with the double-double the error is that of exp of an exact argument. A series
    /// is summed backwards (Horner, from the last term a forward pass found), and the continued fraction evaluated
    /// backwards from 1.5× the depth where Lentz's forward iteration settles: run forward, either is off by up to ~20ε
    /// where it converges slowly (x near 1).
    /// </para>
    /// <para>
    /// Accuracy is measured against 50-digit mpmath (tests/DivergenceGen.Tests/Runtime/IncompleteGammaTests.cs,
    /// reference/incomplete_gamma.json): see each member. No member allocates.
    /// </para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class IncompleteGamma
    {
        /// <summary>
        /// 2⁻⁵²: Lentz's iteration has settled when a step changes the value by at most this (1 ulp of 1: a tolerance of
        /// ½ ulp could wait forever on a factor that rounds to 1 + 2⁻⁵² every time).
        /// </summary>
        private const double Epsilon = 2.220446049250313E-16;

        /// <summary>
        /// A bound on Lentz's forward steps that is never reached where the fraction is used (at most 158, at a &lt; 1,
        /// x = ½); it keeps a pathological argument from looping.
        /// </summary>
        private const int LentzMaxSteps = 100000;

        /// <summary>2⁻⁵⁶: a sum stops when a bound on the rest of it is below this fraction of the sum (⅛ ulp).</summary>
        private const double SumTolerance = 1.3877787807814457E-17;

        /// <summary>ln 2 as the double nearest it plus the remainder (a double-double, to ~2⁻¹⁰⁶).</summary>
        private const double Ln2 = 0.6931471805599453;

        /// <summary>ln 2 − <see cref="Ln2"/>.</summary>
        private const double Ln2Tail = 2.3190468138462996E-17;

        /// <summary>
        /// fdlibm's split of ln 2: 32 significant bits, so n·Ln2High is exact for |n| &lt; 2²¹ and hi − n·Ln2High is exact
        /// where n = round(hi/ln 2) (the two are within a factor 2 of each other, or n = 0).
        /// </summary>
        private const double Ln2High = 6.93147180369123816490E-01;

        /// <summary>ln 2 − <see cref="Ln2High"/> (rounded; n·Ln2Low ≤ 4e−7 for |n| ≤ 2200, so its rounding is ≤ 1e−22).</summary>
        private const double Ln2Low = 1.90821492927058770002E-10;

        /// <summary>1/ln 2.</summary>
        private const double InvLn2 = 1.4426950408889634;

        /// <summary>√2.</summary>
        private const double Sqrt2 = 1.4142135623730951;

        /// <summary>2π.</summary>
        private const double TwoPi = 6.283185307179586;

        /// <summary>1/√(2π).</summary>
        private const double InvSqrtTwoPi = 0.3989422804014327;

        /// <summary>1/π.</summary>
        private const double InvPi = 0.3183098861837907;

        /// <summary>2/√π as the double nearest it plus the remainder.</summary>
        private const double TwoOverSqrtPi = 1.1283791670955126;

        /// <summary>2/√π − <see cref="TwoOverSqrtPi"/>.</summary>
        private const double TwoOverSqrtPiLow = 1.533545961316588E-17;

        /// <summary>
        /// For a &lt; 1: below this x, Q = −expm1(ln u) − u·a·Σ_{n≥1}(−x)ⁿ/(n!(a + n)) (<see cref="UpperSmallA"/>) has two
        /// non-negative parts: ln u = a·ln x − ln Γ(1 + a) ≤ 0 needs ln x ≤ ln Γ(1 + a)/a, whose least value over
        /// 0 &lt; a &lt; 1 is −γ = ln 0.5615 (a → 0). Up to x = 1.1 the parts would cancel by a factor up to ~4.6 (6.7ε
        /// measured at a = 1e−3, x = 1.001), so from here Q comes from the continued fraction (≤ 158 forward steps at
        /// x = ½, 82 at x = 1.1).
        /// </summary>
        private const double SmallAUpperSeriesMaxX = 0.5;

        /// <summary>
        /// For a &lt; 1: below this x, P comes from its series as well (both tails direct); at or above it P = 1 − Q with
        /// Q ≤ Q(1, 1.1) = 0.33.
        /// </summary>
        private const double SmallALowerSeriesMaxX = 1.1;

        /// <summary>
        /// Temme's expansion is used for a ≥ this: 13 terms leave ~1e−19 relative at a = 20 (the next term), 7.5e−18 with
        /// the coefficients rounded to double (temme_coefficients.py measures it).
        /// </summary>
        private const double TemmeMinA = 20;

        /// <summary>
        /// Temme's expansion is used for <see cref="TemmeLowRatio"/>·a ≤ x ≤ <see cref="TemmeHighRatio"/>·a (|η| ≤ 0.3374,
        /// inside the radius 2√π of the coefficients' power series). Outside, the series ratio x/(a + n) is ≤ 0.7
        /// (≤ ~110 terms) or the continued fraction converges in ≤ ~25 steps.
        /// </summary>
        private const double TemmeLowRatio = 0.7;

        /// <summary>See <see cref="TemmeLowRatio"/>.</summary>
        private const double TemmeHighRatio = 1.3;

        /// <summary>
        /// erfcx(√t) = e^t·erfc(√t) uses 1 − erf(√t) by its Taylor series below this t (erf(√½) = 0.683, so the
        /// subtraction magnifies erf's rounding by ≤ 2.2: see <see cref="ScaledErfc"/>), and the continued fraction of
        /// Q(½, t) at or above it (153 forward steps at t = ½, fewer above).
        /// </summary>
        private const double ErfSeriesMaxT = 0.5;

        /// <summary>Above this t, erfcx(√t) = 1/√(πt) to double precision (the fraction would still converge, in 1 step).</summary>
        private const double ErfcAsymptoticT = 1e30;

        /// <summary>
        /// bd0(a, x) uses the series in v = (a − x)/(a + x) for |v| ≤ this (the terms after the first are ≤ 7e−5 of the
        /// total, so summing them in double costs ≤ 2⁻⁶⁶ relative), and a·ln(a/x) + (x − a) with a double-double
        /// logarithm above.
        /// </summary>
        private const double DevianceSeriesMaxV = 0.01;

        /// <summary>Below this exponent e^(hi + lo)·factor is 0 in double for every factor the callers pass (≤ 2⁵¹²).</summary>
        private const double ExpUnderflow = -1500;

        /// <summary>
        /// Lentz's stand-in for 0 (a denominator that vanished) and, as 1/LentzTiny, for ∞ (the start value of C); in the
        /// regions that call the fraction no denominator comes near 0.
        /// </summary>
        private const double LentzTiny = 1e-300;

        /// <summary>The terms of ln m = 2s·Σ_j s^(2j)/(2j + 1) that <see cref="LogDoubleDouble"/> sums in double-double.</summary>
        private const int LogDoubleDoubleTerms = 6;

        /// <summary>1/(2j + 1) for j = 0…18 (the series for ln m needs j ≤ 18 for 2⁻⁹⁰ at s² ≤ 0.0295).</summary>
        private static readonly double[] OddReciprocals = OddReciprocalTable(out OddReciprocalTails);

        /// <summary>1/(2j + 1) − <see cref="OddReciprocals"/>[j] (exact by FMA: the rounding of a quotient is representable).</summary>
        private static readonly double[] OddReciprocalTails;

        /// <summary>
        /// Taylor coefficients in η of Temme's c_k(η), k = 0…12, lowest degree first, each truncated where the rest is
        /// below 2⁻⁶⁶/20^k for |η| ≤ 0.35. Generated (exact rational recurrence, DLMF 8.12.9–8.12.10) by
        /// tests/DivergenceGen.Tests/Runtime/reference/temme_coefficients.py, which also checks the truncated expansion
        /// against mpmath: ≤ 7.5e−18 relative for a ≥ 20, 0.7 ≤ x/a ≤ 1.3 (the double rounding of c₀'s coefficients).
        /// </summary>
        private static readonly double[][] TemmeCoefficients =
        {
            new[]
            {
                -0.3333333333333333, 0.08333333333333333, -0.014814814814814815, 0.0011574074074074073,
                0.0003527336860670194, -0.0001787551440329218, 3.919263178522438e-05, -2.185448510679992e-06,
                -1.85406221071516e-06, 8.296711340953087e-07, -1.7665952736826078e-07, 6.707853543401498e-09,
                1.0261809784240309e-08, -4.382036018453353e-09, 9.14769958223679e-10, -2.5514193994946248e-11,
                -5.830772132550426e-11, 2.4361948020667415e-11, -5.0276692801141755e-12,
            },
            new[]
            {
                -0.001851851851851852, -0.003472222222222222, 0.0026455026455026454, -0.0009902263374485596,
                0.00020576131687242798, -4.018775720164609e-07, -1.8098550334489977e-05, 7.64916091608111e-06,
                -1.6120900894563446e-06, 4.647127802807434e-09, 1.378633446915721e-07, -5.752545603517705e-08,
                1.1951628599778148e-08, -1.7543241719747647e-11, -1.0091543710600413e-09, 4.162792991842583e-10,
                -8.56390702649298e-11,
            },
            new[]
            {
                0.004133597883597883, -0.0026813271604938273, 0.0007716049382716049, 2.0093878600823047e-06,
                -0.0001073665322636516, 5.2923448829120125e-05, -1.2760635188618728e-05, 3.423578734096138e-08,
                1.3721957309062934e-06, -6.298992138380055e-07, 1.4280614206064242e-07, -2.0477098421990866e-10,
                -1.409252991086752e-08, 6.228974084922022e-09, -1.3670488396617114e-09, 9.428356159014678e-13,
                1.2872252400089318e-10,
            },
            new[]
            {
                0.0006494341563786008, 0.00022947209362139917, -0.0004691894943952557, 0.00026772063206283885,
                -7.561801671883977e-05, -2.396505113867297e-07, 1.1082654115347302e-05, -5.6749528269915965e-06,
                1.4230900732435883e-06, -2.7861080291528143e-11, -1.6958404091930278e-07, 8.099464905388083e-08,
                -1.9111168485973655e-08, 2.3928620439808118e-12, 2.0620131815488797e-09, -9.460496661855133e-10,
            },
            new[]
            {
                -0.0008618882909167117, 0.0007840392217200666, -0.0002990724803031902, -1.4638452578843418e-06,
                6.641498215465122e-05, -3.968365047179435e-05, 1.1375726970678419e-05, 2.507497226237533e-10,
                -1.6954149536558305e-06, 8.907507532205309e-07, -2.292934834000805e-07, 2.956794137544049e-11,
                2.8865829742708783e-08, -1.4189739437803219e-08,
            },
            new[]
            {
                -0.00033679855336635813, -6.972813758365857e-05, 0.0002772753244959392, -0.00019932570516188847,
                6.797780477937208e-05, 1.419062920643967e-07, -1.3594048189768693e-05, 8.018470256334202e-06,
                -2.291481176508095e-06, -3.252473551298454e-10, 3.4652846491085265e-07, -1.8447187191171344e-07,
                4.8240967037894184e-08,
            },
            new[]
            {
                0.0005313079364639922, -0.0005921664373536939, 0.0002708782096718045, 7.902353232660328e-07,
                -8.153969367561969e-05, 5.61168275310625e-05, -1.8329116582843375e-05, -3.0796134506033047e-09,
                3.465155368803609e-06, -2.0291327396058603e-06, 5.788792863149004e-07,
            },
            new[]
            {
                0.00034436760689237765, 5.171790908260592e-05, -0.00033493161081142234, 0.0002812695154763237,
                -0.00010976582244684731, -1.2741009095484485e-07, 2.7744451511563645e-05, -1.8263488805711332e-05,
                5.7876949497350525e-06, 4.93875893393627e-10, -1.0595367014026043e-06,
            },
            new[]
            {
                -0.0006526239185953094, 0.0008394987206720873, -0.000438297098541721, -6.969091458420552e-07,
                0.00016644846642067547, -0.00012783517679769218, 4.629953263691304e-05, 4.557909867922708e-09,
                -1.0595271125805195e-05, 6.783342904865167e-06,
            },
            new[]
            {
                -0.0005967612901927463, -7.204895416020011e-05, 0.0006782308837667328, -0.0006401475260262758,
                0.00027750107634328704, 1.819700838046515e-07, -8.479507117068503e-05, 6.105192082501531e-05,
            },
            new[]
            {
                0.0013324454494800656, -0.0019144384985654776, 0.0011089369134596636, 9.9324041226423e-07,
                -0.0005087450129309319, 0.00042735056665392886, -0.00016858853767910798,
            },
            new[]
            {
                0.001579727660730835, 0.00016251626278391583, -0.0020633421035543276, 0.00213896861856891,
                -0.0010108559391263003,
            },
            new[]
            {
                -0.004072512119514016, 0.00640336283380807, -0.004041016108167662,
            },
        };

        /// <summary>
        /// The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a) = (1/Γ(a))∫₀ˣ t^(a−1)e^(−t) dt, the
        /// distribution function of Gamma(a, 1) at x.
        /// </summary>
        /// <remarks>
        /// Domain: a &gt; 0 finite, x ≥ 0 (+∞ allowed). P(a, 0) = 0, P(a, +∞) = 1. Relative accuracy where P is small
        /// (x ≪ a: P ≈ x^a e^(−x)/Γ(a + 1), down to the double range and then 0); where P &gt; ~0.37 it is 1 − Q and so
        /// accurate to a few ulps absolute. Measured against 50-digit mpmath (820 points, a from 1e−10 to 1e10, x/a from
        /// 1e−3 to 1e3): at most 1.6ε relative (ε = 2⁻⁵² = 2.2e−16) in every region (series 1.6ε, Temme 1.6ε, elsewhere
        /// ≤ 1.1ε); the tests allow 4ε.
        /// </remarks>
        /// <param name="a">The shape, 0 &lt; a &lt; ∞.</param>
        /// <param name="x">The upper limit, x ≥ 0.</param>
        /// <returns>P(a, x) ∈ [0, 1].</returns>
        /// <exception cref="ArgumentOutOfRangeException">a is not finite and &gt; 0, or x is negative or NaN.</exception>
        public static double RegularizedLower(double a, double x)
        {
            Validate(a, x);
            return Lower(a, x);
        }

        /// <summary>
        /// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a) = (1/Γ(a))∫ₓ^∞ t^(a−1)e^(−t) dt
        /// = 1 − P(a, x), the survival function of Gamma(a, 1) at x.
        /// </summary>
        /// <remarks>
        /// Domain: a &gt; 0 finite, x ≥ 0 (+∞ allowed). Q(a, 0) = 1, Q(a, +∞) = 0. Relative accuracy where Q is small
        /// (x ≫ a: Q ≈ x^(a−1)e^(−x)/Γ(a), down to the double range, then gradual underflow to 0: use
        /// <see cref="LogRegularizedUpper"/> there), and for tiny a (Q ≈ a·E₁(x)). Measured against 50-digit mpmath
        /// (820 points, a from 1e−10 to 1e10, x/a from 1e−3 to 1e3): at most 1.8ε relative (ε = 2⁻⁵²): Temme's region
        /// (up to a = 1e10 near x = a) 1.8ε, the small-a form 1.8ε, the continued fraction 1.6ε (Q = 5e−17 at a = 5,
        /// x = 50; Q = 1.9e−11 at a = 1e−10), the side computed as 1 − P ≤ 1.4ε; the tests allow 4ε.
        /// </remarks>
        /// <param name="a">The shape, 0 &lt; a &lt; ∞.</param>
        /// <param name="x">The lower limit, x ≥ 0.</param>
        /// <returns>Q(a, x) ∈ [0, 1].</returns>
        /// <exception cref="ArgumentOutOfRangeException">a is not finite and &gt; 0, or x is negative or NaN.</exception>
        public static double RegularizedUpper(double a, double x)
        {
            Validate(a, x);
            return Upper(a, x);
        }

        /// <summary>
        /// ln Q(a, x), the logarithm of the regularized upper incomplete gamma function, finite for every finite x, far
        /// past where Q itself underflows (ln Q(½, 10⁶) ≈ −1000007.5).
        /// </summary>
        /// <remarks>
        /// Domain: a &gt; 0 finite, x ≥ 0 (+∞ allowed). ln Q(a, 0) = 0, ln Q(a, +∞) = −∞. Where Q is computed directly it
        /// is the double-double exponent plus ln of the rest (never exp then ln); where P is, it is log1p(−P), so that
        /// ln Q ≈ −P keeps relative accuracy when P is tiny. Measured against 50-digit mpmath (820 points and 492
        /// chi-square points, 111 of them where Q underflows, x up to 1e300): at most 2.4ε relative (ε = 2⁻⁵²; log1p(−P)
        /// after the series), Temme's region 2.0ε, elsewhere ≤ 1.3ε, where Q underflows ≤ 0.01ε; the tests allow 4ε.
        /// </remarks>
        /// <param name="a">The shape, 0 &lt; a &lt; ∞.</param>
        /// <param name="x">The lower limit, x ≥ 0.</param>
        /// <returns>ln Q(a, x) ≤ 0.</returns>
        /// <exception cref="ArgumentOutOfRangeException">a is not finite and &gt; 0, or x is negative or NaN.</exception>
        public static double LogRegularizedUpper(double a, double x)
        {
            Validate(a, x);
            return LogUpper(a, x);
        }

        /// <summary>
        /// The chi-square survival function (upper tail, the p-value of a chi-square or G statistic):
        /// P(χ²_ν &gt; s) = Q(ν/2, s/2).
        /// </summary>
        /// <remarks>
        /// Domain: s ≥ 0 (+∞ allowed), ν &gt; 0 finite (real; the G-test's ν = (R − 1)(C − 1) is an integer). s = 0
        /// gives 1, s = +∞ gives 0. ν/2 and s/2 are exact, so the accuracy is <see cref="RegularizedUpper"/>'s:
        /// relative down to p-values of 1e−300 and below (gradual underflow, then 0; use
        /// <see cref="LogChiSquareSurvival"/> below ~1e−300). Measured against 50-digit mpmath at 492 points, ν = 1 … 400,
        /// p from 0.5 to 1e−300 and beyond: at most 2.0ε relative (ε = 2⁻⁵²), 1.96ε for p below 1e−100; the tests allow
        /// 4ε.
        /// </remarks>
        /// <param name="statistic">The statistic s ≥ 0.</param>
        /// <param name="degreesOfFreedom">The degrees of freedom ν, 0 &lt; ν &lt; ∞.</param>
        /// <returns>P(χ²_ν &gt; s) ∈ [0, 1].</returns>
        /// <exception cref="ArgumentOutOfRangeException">
        /// <paramref name="statistic"/> is negative or NaN, or <paramref name="degreesOfFreedom"/> is not finite and &gt; 0.
        /// </exception>
        public static double ChiSquareSurvival(double statistic, double degreesOfFreedom)
        {
            ValidateChiSquare(statistic, degreesOfFreedom);
            return Upper(0.5 * degreesOfFreedom, 0.5 * statistic);
        }

        /// <summary>
        /// ln P(χ²_ν &gt; s) = ln Q(ν/2, s/2): the log p-value, finite for every finite statistic (a p-value below the
        /// double range, e.g. s = 10⁵ at ν = 1, has ln ≈ −50006.0).
        /// </summary>
        /// <remarks>
        /// Domain and edges as <see cref="ChiSquareSurvival"/>; s = 0 gives 0, s = +∞ gives −∞. The accuracy is
        /// <see cref="LogRegularizedUpper"/>'s: at most 1.5ε relative (ε = 2⁻⁵²) at the same 492 points; the tests allow
        /// 4ε.
        /// </remarks>
        /// <param name="statistic">The statistic s ≥ 0.</param>
        /// <param name="degreesOfFreedom">The degrees of freedom ν, 0 &lt; ν &lt; ∞.</param>
        /// <returns>ln P(χ²_ν &gt; s) ≤ 0.</returns>
        /// <exception cref="ArgumentOutOfRangeException">
        /// <paramref name="statistic"/> is negative or NaN, or <paramref name="degreesOfFreedom"/> is not finite and &gt; 0.
        /// </exception>
        public static double LogChiSquareSurvival(double statistic, double degreesOfFreedom)
        {
            ValidateChiSquare(statistic, degreesOfFreedom);
            return LogUpper(0.5 * degreesOfFreedom, 0.5 * statistic);
        }

        /// <summary>Throws unless a is finite and &gt; 0 and x ≥ 0 (the messages name the parameter and its value).</summary>
        private static void Validate(double a, double x)
        {
            Guard.ThrowIfNotPositiveFinite(a, nameof(a));
            Guard.ThrowIfNotNonNegative(x, nameof(x));
        }

        /// <summary>Throws unless the statistic is ≥ 0 and ν is finite and &gt; 0 (statistic first).</summary>
        private static void ValidateChiSquare(double statistic, double degreesOfFreedom)
        {
            Guard.ThrowIfNotNonNegative(statistic, nameof(statistic));
            Guard.ThrowIfNotPositiveFinite(degreesOfFreedom, nameof(degreesOfFreedom));
        }

        // ---- the three results from one evaluation ---------------------------------------------------------------------

        /// <summary>P(a, x) for validated arguments.</summary>
        private static double Lower(double a, double x)
        {
            if (x == 0)
            {
                return 0.0;
            }

            if (double.IsPositiveInfinity(x))
            {
                return 1.0;
            }

            Tail tail = Evaluate(a, x);
            return !tail.IsUpper ? tail.Value : tail.HasComplement ? tail.Complement : 1.0 - tail.Value;
        }

        /// <summary>Q(a, x) for validated arguments.</summary>
        private static double Upper(double a, double x)
        {
            if (x == 0)
            {
                return 1.0;
            }

            if (double.IsPositiveInfinity(x))
            {
                return 0.0;
            }

            Tail tail = Evaluate(a, x);
            return tail.IsUpper ? tail.Value : tail.HasComplement ? tail.Complement : 1.0 - tail.Value;
        }

        /// <summary>ln Q(a, x) for validated arguments.</summary>
        private static double LogUpper(double a, double x)
        {
            if (x == 0)
            {
                return 0.0;
            }

            if (double.IsPositiveInfinity(x))
            {
                return double.NegativeInfinity;
            }

            Tail tail = Evaluate(a, x);
            if (tail.IsUpper)
            {
                return tail.High + (tail.Low + Math.Log(tail.Factor));
            }

            // P was computed: ln Q = log1p(−P), relative also when P is tiny. Where Q was computed directly as well
            // (a < 1, x < 1.1) and P > ½, its logarithm is the better one.
            double p = tail.Value;
            return p > 0.5 && tail.HasComplement ? Math.Log(tail.Complement) : SpecialFunctions.Log1p(-p);
        }

        /// <summary>
        /// One of P or Q, computed directly as Factor·e^(High + Low) (High + Low a double-double exponent, so that ln of
        /// it needs no exp), and for a &lt; 1, x &lt; 1.1 the other one as well.
        /// </summary>
        private readonly struct Tail
        {
            public Tail(bool isUpper, double high, double low, double factor, double complement)
            {
                IsUpper = isUpper;
                High = high;
                Low = low;
                Factor = factor;
                Complement = complement;
            }

            /// <summary>True when the computed value is Q, false when it is P.</summary>
            public bool IsUpper { get; }

            /// <summary>The exponent's leading part.</summary>
            public double High { get; }

            /// <summary>The exponent's trailing part (|Low| ≲ ulp(High)).</summary>
            public double Low { get; }

            /// <summary>The factor multiplying e^(High + Low), ≥ 0.</summary>
            public double Factor { get; }

            /// <summary>The other function, computed directly (NaN when it was not).</summary>
            public double Complement { get; }

            /// <summary>Whether <see cref="Complement"/> was computed.</summary>
            public bool HasComplement => !double.IsNaN(Complement);

            /// <summary>The computed function's value, Factor·e^(High + Low).</summary>
            public double Value => ExpTimes(High, Low, Factor);
        }

        /// <summary>
        /// The region's method for 0 &lt; x &lt; ∞ (see the class remarks). a = 0 reaches it only from the chi-square
        /// members, as ν/2 for ν = 5e−324, and gives the limit Q(0⁺, x) = 0 (the factor a·F or a·Σ is 0).
        /// </summary>
        private static Tail Evaluate(double a, double x)
        {
            if (a < 1)
            {
                // D = x^a e^(−x)/Γ(1 + a): exponent a·ln x − x − ln Γ(1 + a) as a double-double (ln x to ~2⁻⁹⁰; Γ(1 + a) on
                // the exact a, |ln Γ(1 + a)| ≤ 0.13).
                double logX = LogDoubleDouble(x, out double logXLow);
                double product = a * logX;
                double productLow = Math.FusedMultiplyAdd(a, logX, -product) + (a * logXLow);
                double e1 = product - x;
                double e1Low = SumError(product, -x, e1) + productLow;
                double gamma = -SpecialFunctions.LogGamma1p(a);
                double high = e1 + gamma;
                double low = SumError(e1, gamma, high) + e1Low;
                if (x >= SmallALowerSeriesMaxX)
                {
                    return new Tail(true, high, low, a * UpperFraction(a, x), double.NaN);
                }

                double q = x < SmallAUpperSeriesMaxX ? UpperSmallA(a, x) : ExpTimes(high, low, a * UpperFraction(a, x));
                return new Tail(false, high, low, LowerSeries(a, x), q);
            }

            if (a >= TemmeMinA && x >= TemmeLowRatio * a && x <= TemmeHighRatio * a)
            {
                return Temme(a, x);
            }

            // Loader: D = e^(−stirlerr(a) − bd0(a, x))/√(2πa); stirlerr(a) ≤ 0.082 for a ≥ 1 (≤ 3 ulps).
            double bd0 = DevianceDoubleDouble(a, x, out double bd0Low);
            double stirling = SpecialFunctions.StirlingError(a);
            double exponent = -bd0 - stirling;
            double exponentLow = SumError(-bd0, -stirling, exponent) - bd0Low;
            double scale = InvSqrtTwoPiA(a);
            return x < a
                ? new Tail(false, exponent, exponentLow, LowerSeries(a, x) * scale, double.NaN)
                : new Tail(true, exponent, exponentLow, a * UpperFraction(a, x) * scale, double.NaN);
        }

        /// <summary>1/√(2πa) (2π·a would overflow above 2.8e307).</summary>
        private static double InvSqrtTwoPiA(double a) => a < 1e300 ? 1.0 / Math.Sqrt(TwoPi * a) : InvSqrtTwoPi / Math.Sqrt(a);

        // ---- the methods ------------------------------------------------------------------------------------------------

        /// <summary>
        /// Σ_{n≥0} xⁿ/((a + 1)(a + 2)…(a + n)) = P(a, x)/D for x &lt; a + 1 (or any x with a ≥ 1 below a). A forward pass
        /// finds the last term N: after term n the rest is below tₙ·ρ/(1 − ρ), ρ = x/(a + n + 1) (the ratios only fall),
        /// and the sum stops when that is below 2⁻⁵⁶ of it. Then Horner from the inside, 1 + x/(a + 1)·(1 + x/(a + 2)·(…)),
        /// where each rounding is damped by the factors after it (a forward running product carries n roundings into tₙ:
        /// 5.4ε measured at a = 1000, x = 900).
        /// </summary>
        private static double LowerSeries(double a, double x)
        {
            double term = 1.0;
            double sum = 1.0;
            int n = 0;
            while (true)
            {
                n++;
                term *= x / (a + n);
                sum += term;
                double ratio = x / (a + n + 1);
                if (ratio < 1 && term * ratio <= SumTolerance * sum * (1 - ratio))
                {
                    break;
                }
            }

            double s = 1.0;
            for (int k = n; k >= 1; k--)
            {
                s = 1.0 + (x / (a + k) * s);
            }

            return s;
        }

        /// <summary>
        /// Legendre's continued fraction F = 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …))), with
        /// Γ(a, x) = x^a e^(−x)·F, for x ≥ a (a ≥ 1) or x ≥ ½ (a &lt; 1), where every partial denominator is positive.
        /// The modified Lentz iteration runs forward until a step changes the value by at most 2⁻⁵²; that only says
        /// where the fraction settles, not how well: its product of per-step factors carries one rounding per step, and
        /// where convergence is slow (x near 1) the steps after the stop still add up to ~10ε. So the fraction is
        /// evaluated again backwards (from the tail, where each rounding is damped) at 1.5× that depth plus 4: measured
        /// 0.2ε at a = ½, x = ½ (157 forward steps), where the backward value from the depth it stopped at is 10ε off, and
        /// the forward value at a = 1.5, x = 1.5 20ε.
        /// The terms are written i·((a − i)·d) rather than (i·(a − i))·d so that a near the double maximum cannot overflow.
        /// </summary>
        private static double UpperFraction(double a, double x)
        {
            double xMinusA = x - a;
            double b = xMinusA + 1.0;
            double c = 1.0 / LentzTiny;
            double d = 1.0 / b;
            int n = 0;
            while (true)
            {
                n++;
                b += 2.0;
                d = (n * ((a - n) * d)) + b;
                if (Math.Abs(d) < LentzTiny)
                {
                    d = LentzTiny;
                }

                c = b + (n * ((a - n) / c));
                if (Math.Abs(c) < LentzTiny)
                {
                    c = LentzTiny;
                }

                d = 1.0 / d;
                double delta = d * c;
                if (Math.Abs(delta - 1.0) <= Epsilon || n == LentzMaxSteps)
                {
                    break;
                }
            }

            int depth = n + (n >> 1) + 4;
            double f = xMinusA + ((2.0 * depth) + 1.0);
            for (int k = depth - 1; k >= 0; k--)
            {
                int j = k + 1;
                f = (xMinusA + ((2.0 * k) + 1.0)) + (j * ((a - j) / f));
            }

            return 1.0 / f;
        }

        /// <summary>
        /// Q(a, x) for a &lt; 1, x &lt; ½ as 1 − P written without the cancellation: with u = x^a/Γ(1 + a),
        /// P = u·(1 + a·Σ_{n≥1}(−x)ⁿ/(n!(a + n))), so Q = −expm1(ln u) − u·a·Σ_{n≥1}(−x)ⁿ/(n!(a + n)). Both parts are
        /// ≥ 0 here (<see cref="SmallAUpperSeriesMaxX"/>), so Q has the accuracy of its parts, down to Q ≈ a·E₁(x) for
        /// a = 1e−10. The alternating sum stops when a term is below 2⁻⁵⁶ of it (its terms fall from n = 1 on, so the rest
        /// is below the last term).
        /// </summary>
        private static double UpperSmallA(double a, double x)
        {
            double logU = (a * Math.Log(x)) - SpecialFunctions.LogGamma1p(a);
            double term = 1.0;
            double sum = 0.0;
            for (int n = 1; ; n++)
            {
                term *= -x / n;
                double add = term / (a + n);
                sum += add;
                if (Math.Abs(add) <= SumTolerance * Math.Abs(sum))
                {
                    break;
                }
            }

            return -Expm1(logU) - (Math.Exp(logU) * a * sum);
        }

        /// <summary>
        /// Temme's uniform expansion for a ≥ 20, 0.7 ≤ x/a ≤ 1.3 (N. M. Temme, SIAM J. Math. Anal. 10, 1979; DLMF 8.12):
        /// with ½aη² = bd0(a, x) and η of the sign of x − a, Q = ½erfc(η√(a/2)) + R and P = ½erfc(−η√(a/2)) − R,
        /// R = e^(−bd0)/√(2πa)·Σ_{k&lt;13} c_k(η)a^(−k). Both are written as e^(−bd0)·(½erfcx(y) ± R·e^(bd0)) with
        /// y = √bd0 = |η|√(a/2), so that neither the erfc nor e^(−bd0) underflows before the end (a = 1e10,
        /// x = 1.3a has bd0 = 3.8e8) and ln Q is −bd0 + ln(…). The tail on x's side of a is the one computed.
        /// </summary>
        private static Tail Temme(double a, double x)
        {
            double bd0 = DevianceDoubleDouble(a, x, out double bd0Low);
            double eta = Math.Sqrt(2.0 * bd0 / a);
            bool upper = x >= a;
            if (!upper)
            {
                eta = -eta;
            }

            double inverseA = 1.0 / a;
            double sum = 0.0;
            for (int k = TemmeCoefficients.Length - 1; k >= 0; k--)
            {
                double[] c = TemmeCoefficients[k];
                double ck = 0.0;
                for (int j = c.Length - 1; j >= 0; j--)
                {
                    ck = (ck * eta) + c[j];
                }

                sum = (sum * inverseA) + ck;
            }

            double correction = sum * InvSqrtTwoPiA(a);
            double half = 0.5 * ScaledErfc(bd0);
            return new Tail(upper, -bd0, -bd0Low, upper ? half + correction : half - correction, double.NaN);
        }

        /// <summary>
        /// erfcx(√t) = e^t·erfc(√t) for t ≥ 0. t &lt; ½: e^t·(1 − erf(√t)) with erf(y) = (2/√π)·y·(1 + T),
        /// T = Σ_{n≥1}(−t)ⁿ/(n!(2n + 1)) (alternating, falling terms: stops when a term is below 2⁻⁵⁶ of the sum;
        /// |T| ≤ 0.15), where (2/√π)·y is formed as a double-double (y = √t with its own tail) so that the only
        /// roundings 1 − erf magnifies (by ≤ 2.2) are those of the small part (2/√π)·y·T: a plain double erf put 3.5ε
        /// into Q at a = 22.6, x = 27.7 (bd0 = 0.495). t ≥ ½: erfc(√t) = Q(½, t), so erfcx(√t) = √(t/π)·F(½, t) with F
        /// <see cref="UpperFraction"/>.
        /// </summary>
        private static double ScaledErfc(double t)
        {
            if (t > ErfcAsymptoticT)
            {
                return 1.0 / Math.Sqrt(Math.PI * t); // erfcx(y) = (1 − 1/(2y²) + …)/(y√π), 1/(2t) ≤ 5e−31
            }

            if (t >= ErfSeriesMaxT)
            {
                return Math.Sqrt(t * InvPi) * UpperFraction(0.5, t);
            }

            if (t == 0)
            {
                return 1.0;
            }

            double term = 1.0;
            double tail = 0.0;
            for (int n = 1; ; n++)
            {
                term *= -t / n;
                double add = term / ((2 * n) + 1);
                tail += add;
                if (Math.Abs(add) <= SumTolerance * Math.Abs(tail))
                {
                    break;
                }
            }

            double y = Math.Sqrt(t);
            double yLow = Math.FusedMultiplyAdd(-y, y, t) / (2.0 * y);
            double cy = TwoOverSqrtPi * y;
            double cyLow = Math.FusedMultiplyAdd(TwoOverSqrtPi, y, -cy) + (TwoOverSqrtPiLow * y) + (TwoOverSqrtPi * yLow);
            double erfLow = cyLow + (cy * tail);
            double r = 1.0 - cy;
            double rLow = SumError(1.0, -cy, r);
            return Math.Exp(t) * (r + (rLow - erfLow));
        }

        // ---- double-double pieces ---------------------------------------------------------------------------------------

        /// <summary>
        /// factor·e^(high + low) with one rounding into the subnormal range: high = n·ln 2 + r, |r| ≤ ½ln 2, exactly
        /// (fdlibm's split), the small parts folded into r as a double plus a tail t, then
        /// 2ⁿ·(e^r·factor)·(1 + t) by <see cref="Math.ScaleB"/>. e^r is Math.Exp of an exact argument (≤ 1 ulp), so
        /// the result is as good as the exponent's absolute accuracy, however large the exponent.
        /// </summary>
        private static double ExpTimes(double high, double low, double factor)
        {
            if (high < ExpUnderflow)
            {
                return 0.0;
            }

            double n = Math.Round(high * InvLn2);
            double rHigh = high - (n * Ln2High);
            double rLow = low - (n * Ln2Low);
            double r = rHigh + rLow;
            double rTail = SumError(rHigh, rLow, r);
            double scaled = Math.Exp(r) * factor;
            return Math.ScaleB(scaled + (scaled * rTail), (int)n);
        }

        /// <summary>
        /// ln z for a positive finite z (subnormals included) as a double-double: z = 2^k·m, m ∈ [√½, √2], and
        /// ln m = 2s·Σ_{j≥0} s^(2j)/(2j + 1), s = (m − 1)/(m + 1) ∈ [−0.172, 0.172], with s, s² and the first six terms
        /// in double-double and the rest (≤ 5e−11 of the sum, j ≤ 18 reaches 2⁻⁹⁰) in double; k·ln 2 from the
        /// double-double ln 2. Relative error ~2⁻⁹⁰. The caller uses it where a·ln z is large and must be exact to
        /// ~1e−17 absolute (a·ln x ≈ 1400 at a = 200 in a p-value of 1e−300).
        /// </summary>
        private static double LogDoubleDouble(double z, out double low)
        {
            int k = Math.ILogB(z);
            double m = Math.ScaleB(z, -k);
            if (m > Sqrt2)
            {
                m *= 0.5;
                k++;
            }

            double f = m - 1.0; // exact (Sterbenz)
            double u = 2.0 + f;
            double uLow = f - (u - 2.0); // |2| ≥ |f|: Fast2Sum
            double s = f / u;
            double sLow = (Math.FusedMultiplyAdd(-s, u, f) - (s * uLow)) / u;
            double w = s * s;
            double wLow = Math.FusedMultiplyAdd(s, s, -w) + (2.0 * s * sLow);

            double t = 0.0;
            for (int j = OddReciprocals.Length - 1; j >= LogDoubleDoubleTerms; j--)
            {
                t = (t * w) + OddReciprocals[j];
            }

            double tLow = 0.0;
            for (int j = LogDoubleDoubleTerms - 1; j >= 0; j--)
            {
                t = MultiplyDoubleDouble(t, tLow, w, wLow, out tLow);
                double c = OddReciprocals[j];
                double sum = c + t;
                tLow = SumError(c, t, sum) + OddReciprocalTails[j] + tLow;
                t = sum;
            }

            double logM = MultiplyDoubleDouble(2.0 * s, 2.0 * sLow, t, tLow, out double logMLow);
            double kLn2 = k * Ln2;
            double kLn2Low = Math.FusedMultiplyAdd(k, Ln2, -kLn2) + (k * Ln2Tail);
            double high = kLn2 + logM;
            double rest = SumError(kLn2, logM, high) + kLn2Low + logMLow;
            double result = high + rest;
            low = rest - (result - high);
            return result;
        }

        /// <summary>
        /// Loader's deviance bd0(a, x) = a·ln(a/x) + x − a ≥ 0 as a double-double, with relative accuracy (~2⁻⁶⁶ or
        /// better) and absolute accuracy ≤ ~1e−17 up to bd0 ≈ 1000 (where a p-value's exponent is). |v| ≤ 0.01,
        /// v = (a − x)/(a + x): d·v + 2a·Σ_{j≥1} v^(2j+1)/(2j + 1) with d = a − x exact (Sterbenz), v and d·v in
        /// double-double and the rest (≤ 7e−5 of the total) in double. Otherwise a·ln(a/x) + (x − a): a/x as a
        /// double-double and its logarithm by <see cref="LogDoubleDouble"/>, so the cancellation between a·ln(a/x) and
        /// x − a (a factor ≤ ~2/|1 − a/x|) costs nothing that shows; where a/x is outside [1e−300, 1e300] ln a − ln x.
        /// +∞ (low 0) when it overflows.
        /// </summary>
        private static double DevianceDoubleDouble(double a, double x, out double low)
        {
            double d = a - x;
            double s = a + x;
            if (Math.Abs(d) <= DevianceSeriesMaxV * s)
            {
                if (double.IsPositiveInfinity(s))
                {
                    // a and x near the double maximum: bd0 is homogeneous of degree 1, and halving is exact here.
                    double half = DevianceDoubleDouble(0.5 * a, 0.5 * x, out low);
                    low *= 2.0;
                    return 2.0 * half;
                }

                double sLow = SumError(a, x, s);
                double v = d / s;
                double vLow = (Math.FusedMultiplyAdd(-v, s, d) - (v * sLow)) / s;
                double lead = d * v;
                double leadLow = Math.FusedMultiplyAdd(d, v, -lead) + (d * vLow);
                double v2 = v * v;
                double term = a * (2.0 * v); // not (2a)·v: 2a overflows near the maximum, and ∞·0 at x = a
                double rest = 0.0;
                for (int j = 1; ; j++)
                {
                    term *= v2;
                    double add = term / ((2 * j) + 1);
                    rest += add;
                    if (Math.Abs(add) <= SumTolerance * Math.Abs(rest))
                    {
                        break;
                    }
                }

                double series = lead + rest;
                low = (rest - (series - lead)) + leadLow; // |lead| ≥ |rest|: Fast2Sum
                return series;
            }

            double logRatio;
            double logRatioLow;
            double ratio = a / x;
            if (ratio > 1e-300 && ratio < 1e300)
            {
                double ratioLow = Math.FusedMultiplyAdd(-ratio, x, a) / x; // a/x = ratio + ratioLow
                logRatio = LogDoubleDouble(ratio, out logRatioLow);
                logRatioLow += ratioLow / ratio;
            }
            else
            {
                double logA = LogDoubleDouble(a, out double logALow);
                double logX = LogDoubleDouble(x, out double logXLow);
                logRatio = logA - logX;
                logRatioLow = SumError(logA, -logX, logRatio) + (logALow - logXLow);
            }

            double product = a * logRatio;
            double productLow = Math.FusedMultiplyAdd(a, logRatio, -product) + (a * logRatioLow);
            double difference = x - a;
            double differenceLow = SumError(x, -a, difference);
            double high = product + difference;
            double rest2 = SumError(product, difference, high) + productLow + differenceLow;
            double result = high + rest2;
            if (double.IsInfinity(result) || double.IsNaN(result))
            {
                low = 0.0;
                return double.PositiveInfinity;
            }

            low = rest2 - (result - high);
            return result;
        }

        /// <summary>Fills <see cref="OddReciprocals"/> and their tails.</summary>
        private static double[] OddReciprocalTable(out double[] tails)
        {
            var values = new double[19];
            tails = new double[19];
            for (int j = 0; j < values.Length; j++)
            {
                double odd = (2 * j) + 1;
                values[j] = 1.0 / odd;
                tails[j] = Math.FusedMultiplyAdd(-values[j], odd, 1.0) / odd;
            }

            return values;
        }

        /// <summary>The rounding error of sum = a + b (Knuth's TwoSum: exact, any order of magnitude).</summary>
        private static double SumError(double a, double b, double sum)
        {
            double bVirtual = sum - a;
            return (a - (sum - bVirtual)) + (b - bVirtual);
        }

        /// <summary>(a + aLow)·(b + bLow) as a double-double (products by FMA).</summary>
        private static double MultiplyDoubleDouble(double a, double aLow, double b, double bLow, out double low)
        {
            double p = a * b;
            double e = Math.FusedMultiplyAdd(a, b, -p) + ((a * bLow) + (aLow * b));
            double result = p + e;
            low = e - (result - p);
            return result;
        }

        /// <summary>
        /// e^v − 1 with relative accuracy: the Taylor series for |v| &lt; ½ (stops when a term is below 2⁻⁵⁶ of the sum,
        /// ≤ 17 terms), else exp(v) − 1 (|e^v − 1| ≥ 0.39, so the subtraction costs ≤ 2 bits). Math has no expm1
        /// (double.ExpM1 is exp(v) − 1).
        /// </summary>
        private static double Expm1(double v)
        {
            if (Math.Abs(v) >= 0.5)
            {
                return Math.Exp(v) - 1.0;
            }

            double term = v;
            double sum = v;
            for (int n = 2; ; n++)
            {
                term *= v / n;
                sum += term;
                if (Math.Abs(term) <= SumTolerance * Math.Abs(sum))
                {
                    return sum;
                }
            }
        }
    }
}
