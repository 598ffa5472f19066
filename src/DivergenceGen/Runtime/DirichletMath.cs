using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;

namespace DivergenceGen
{
    /// <summary>
    /// The numerics of the Dirichlet(α₁, …, α_K) distribution on the simplex {x : xᵢ ≥ 0, Σxᵢ = 1}: validation of the
    /// concentrations, ln B(α), the log-density, the entropy, the KL divergence and the cross-entropy between two
    /// Dirichlet laws, the mean, an exact sampler and the maximum-likelihood fit. A generated <c>[Dirichlet(K)]</c> type
    /// stores α as T (double or float) and calls these; everything is computed in double.
    /// </summary>
    /// <remarks>
    /// <para>
    /// α₀ = Σαᵢ is accumulated in double-double (two-sums), and where one αᵢ exceeds α₀/2 the sum of the others is taken
    /// separately, so that ln(αᵢ/α₀) keeps its digits (α = (1e15, 0.3): α₀ rounds by 0.06, which would move ln B by 2).
    /// Where α₀ ≥ 10, lnΓ and ψ of the components ≥ 10 and of α₀ are written with Stirling's series
    /// lnΓ(x) = (x − ½)·ln x − x + ½·ln 2π + S(x), ψ(x) = ln x − 1/(2x) + S′(x) (S Loader's Stirling error), and the large
    /// terms (x·ln x) are cancelled algebraically, not numerically: this is what keeps the entropy and the KL divergence
    /// accurate for concentrations up to 1e15 (the forms generalise <see cref="ContinuousMath.LogBeta"/>,
    /// <see cref="ContinuousMath.BetaEntropy"/> and <see cref="ContinuousMath.BetaKLDivergence"/>, which are K = 2).
    /// </para>
    /// <para>
    /// Accuracy, measured against 50-digit mpmath (tests/DivergenceGen.Tests/VectorFamilies/dirichlet_reference.json:
    /// K = 2, 3, 5, 16; concentrations 1e−300 … 1e15; near-equal pairs 1e−3 … 1e−12 apart; scaled pairs), ε = 2⁻⁵²:
    /// see each member. The concentrations are validated by the caller (<see cref="CheckConcentration{T}"/>), except where a
    /// member says otherwise.
    /// </para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class DirichletMath
    {
        /// <summary>
        /// The most fixed-point iterations <see cref="Fit{T}"/> takes before it throws (each costs K digammas and K inverse
        /// digammas; the sample is read only before the iteration).
        /// </summary>
        public const int MaxFitIterations = 100_000;

        /// <summary>
        /// <see cref="Fit{T}"/> stops when no αᵢ changes by more than this fraction of itself in one fixed-point iteration,
        /// and the iteration's contraction rate ρ (the ratio of successive changes) satisfies change·ρ/(1 − ρ) ≤ this too
        /// (so that a slowly converging iteration is not stopped early by a small step).
        /// </summary>
        public const double FitRelativeChange = 1e-12;

        /// <summary>½·ln(2π).</summary>
        private const double HalfLog2Pi = 0.9189385332046728;

        /// <summary>Components and totals at or above this use Stirling's series (as the beta forms do).</summary>
        private const double Large = 10;

        /// <summary>The Euler–Mascheroni constant γ = −ψ(1).</summary>
        private const double EulerGamma = 0.5772156649015329;

        /// <summary>
        /// The tolerance on |Σxᵢ − 1| for a point of the simplex (<see cref="LogPdf{T}"/>, the rows of <see cref="Fit{T}"/>):
        /// min(4·K·ε_T, √ε_T), with ε_T the machine epsilon of T (2⁻⁵² for double, 2⁻²³ for float): a vector normalised in T
        /// (K roundings of at most ½ulp each, and the rounding of the sum) passes; √ε_T caps it for very large K.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="classes">K.</param>
        /// <returns>The tolerance.</returns>
        public static double SimplexTolerance<T>(int classes)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double epsilon = MachineEpsilon<T>();
            return Math.Min(4.0 * classes * epsilon, Math.Sqrt(epsilon));
        }

        /// <summary>
        /// Checks K concentrations: exactly <paramref name="classes"/> of them, each finite and &gt; 0. The failed check
        /// throws (<see cref="VectorCheck.ThrowIfInvalid"/>) an <see cref="ArgumentException"/> for a wrong length and an
        /// <see cref="ArgumentOutOfRangeException"/> naming the parameter, the first bad index and its value
        /// ("alpha[3] is -0.5; every concentration must be finite and &gt; 0.").
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="alpha">The concentrations.</param>
        /// <param name="classes">K.</param>
        /// <param name="paramName">The parameter name for messages.</param>
        /// <returns>The check.</returns>
        public static VectorCheck CheckConcentration<T>(ReadOnlySpan<T> alpha, int classes, string paramName)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (alpha.Length != classes)
            {
                return new VectorCheck(VectorCheck.Problem.Length, paramName, alpha.Length, 0, classes);
            }

            for (int i = 0; i < alpha.Length; i++)
            {
                T a = alpha[i];
                if (!(a > T.Zero) || !T.IsFinite(a))
                {
                    return new VectorCheck(VectorCheck.Problem.Concentration, paramName, i, double.CreateTruncating(a));
                }
            }

            return VectorCheck.Valid;
        }

        /// <summary>
        /// ln B(α) = Σ lnΓ(αᵢ) − lnΓ(α₀), α₀ = Σαᵢ. For α₀ &lt; 10 the sum itself. For α₀ ≥ 10, with L the components ≥ 10 and s
        /// the others (σ_s their sum):
        /// Σ_s lnΓ(αⱼ) + σ_s(1 − ln α₀) − ½(|L| − 1)·ln α₀ + (|L| − 1)·½ln 2π + Σ_L (αᵢ − ½)·ln(αᵢ/α₀) + Σ_L S(αᵢ) − S(α₀),
        /// in which no x·ln x terms are subtracted (R's <c>lbeta</c> generalised; S is Loader's Stirling error).
        /// </summary>
        /// <remarks>
        /// Measured error against 50-digit mpmath over the reference set (K = 2 … 16, α from 1e−300 to 1e15, mixed): at most
        /// 6 ε·max(|ln B|, 1) (α₀ &lt; 10: a sum of log-gammas of size ~1); the test bound is 8 ε.
        /// </remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="alpha">The concentrations, each finite and &gt; 0.</param>
        /// <returns>ln B(α).</returns>
        public static double LogBeta<T>(ReadOnlySpan<T> alpha)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var total = Total(alpha, out int dominant, out double rest);
            double a0 = total;
            if (a0 < Large)
            {
                double sum = -SpecialFunctions.LogGamma(a0), low = 0;
                for (int i = 0; i < alpha.Length; i++)
                {
                    Add(ref sum, ref low, SpecialFunctions.LogGamma(At(alpha, i)));
                }

                return sum + low;
            }

            double logA0 = Math.Log(a0);
            double small = 0, sigmaS = 0, large = 0, stirling = -SpecialFunctions.StirlingError(a0);
            int countL = 0;
            for (int i = 0; i < alpha.Length; i++)
            {
                double a = At(alpha, i);
                if (a >= Large)
                {
                    countL++;
                    large += (a - 0.5) * LogShare(a, a0, i == dominant ? rest : double.NaN);
                    stirling += SpecialFunctions.StirlingError(a);
                }
                else
                {
                    small += SpecialFunctions.LogGamma(a);
                    sigmaS += a;
                }
            }

            double m = countL - 1;
            return small + (sigmaS * (1 - logA0)) - (0.5 * m * logA0) + (m * HalfLog2Pi) + large + stirling;
        }

        /// <summary>
        /// The log-density of Dirichlet(α) at x: Σ(αᵢ − 1)·ln xᵢ − ln B(α), with ln B(α) given (<see cref="LogBeta{T}"/>, computed
        /// once per distribution). Each (αᵢ − 1) is formed first (exact for ½ ≤ αᵢ ≤ 2⁵³), so αᵢ ≈ 1 costs no digits.
        /// </summary>
        /// <remarks>
        /// <para>
        /// Conventions: NaN anywhere in x gives NaN. Off the simplex the density is 0 and the result −∞: some xᵢ &lt; 0 or
        /// &gt; 1, or |Σxᵢ − 1| &gt; <see cref="SimplexTolerance{T}"/>(K) (the sum taken in double). On the boundary, xᵢ = 0
        /// (either sign of zero) contributes 0 where αᵢ = 1, −∞ where αᵢ &gt; 1 and +∞ where αᵢ &lt; 1 (the limit of the
        /// density); if both −∞ and +∞ occur, the result is −∞ (a zero factor wins).
        /// </para>
        /// <para>
        /// Accuracy: the error is a few ε of Σ|(αᵢ − 1)·ln xᵢ| + |ln B(α)| (the value itself can be far smaller, by
        /// cancellation of those terms, for large α at the mode); measured at most 3 ε of that on the reference set.
        /// </para>
        /// </remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="alpha">The concentrations (K of them).</param>
        /// <param name="logBeta">ln B(α).</param>
        /// <param name="x">The point, K components.</param>
        /// <returns>ln p(x).</returns>
        /// <exception cref="ArgumentException"><paramref name="x"/> does not have K components.</exception>
        public static double LogPdf<T>(ReadOnlySpan<T> alpha, double logBeta, ReadOnlySpan<T> x)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (x.Length != alpha.Length)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "x has {0} components but this distribution has K = {1} classes.", x.Length, alpha.Length),
                    nameof(x));
            }

            double sumX = 0;
            bool outside = false;
            for (int i = 0; i < x.Length; i++)
            {
                double v = At(x, i);
                if (double.IsNaN(v))
                {
                    return double.NaN;
                }

                outside |= v < 0 || v > 1;
                sumX += v;
            }

            if (outside || Math.Abs(sumX - 1) > SimplexTolerance<T>(x.Length))
            {
                return double.NegativeInfinity;
            }

            double sum = 0;
            bool plusInfinity = false;
            for (int i = 0; i < x.Length; i++)
            {
                double a = At(alpha, i);
                double v = At(x, i);
                if (a == 1)
                {
                    continue;
                }

                if (v == 0)
                {
                    if (a > 1)
                    {
                        return double.NegativeInfinity;
                    }

                    plusInfinity = true;
                    continue;
                }

                sum += (a - 1) * Math.Log(v);
            }

            return plusInfinity ? double.PositiveInfinity : sum - logBeta;
        }

        /// <summary>
        /// The differential entropy H = ln B(α) + (α₀ − K)ψ(α₀) − Σ(αᵢ − 1)ψ(αᵢ). For α₀ &lt; 10 that sum. For α₀ ≥ 10
        /// (L the components ≥ 10, s the others, σ_s their sum, S Stirling's remainder of lnΓ, S′ that of ψ):
        /// Σ_s[lnΓ(αⱼ) − (αⱼ − 1)ψ(αⱼ)] + σ_s − |s|·ψ(α₀) + (|L| − 1)(½ln 2π + ½) − ½(|L| − 1)·ln α₀ + ½Σ_L ln(αᵢ/α₀)
        /// + Σ_L S(αᵢ) − S(α₀) − Σ_L 1/(2αᵢ) + |L|/(2α₀) + (α₀ − |L|)·S′(α₀) − Σ_L (αᵢ − 1)·S′(αᵢ): the αᵢ·ln αᵢ terms of the
        /// plain form (1e12: 3e13, for a result of −40) cancel algebraically (the K = 2 case is
        /// <see cref="ContinuousMath.BetaEntropy"/>'s form).
        /// </summary>
        /// <remarks>Measured error: at most a few ε·max(|H|, 1) on the reference set (α 1e−8 … 1e12); see the tests.</remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="alpha">The concentrations, each finite and &gt; 0.</param>
        /// <returns>The differential entropy in nats (negative for concentrated laws).</returns>
        public static double Entropy<T>(ReadOnlySpan<T> alpha)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double a0 = Total(alpha, out int dominant, out double rest);
            int k = alpha.Length;
            if (a0 < Large)
            {
                // (α₀ − K)ψ(α₀) − Σ(αᵢ − 1)ψ(αᵢ) = Σ(αᵢ − 1)(ψ(α₀) − ψ(αᵢ)): smaller terms than ψ(α₀)·(α₀ − K).
                double value = LogBeta(alpha), low = 0;
                for (int i = 0; i < k; i++)
                {
                    double a = At(alpha, i);
                    double others = i == dominant && !double.IsNaN(rest) ? rest : a0 - a;
                    Add(ref value, ref low, (a - 1) * DigammaGap(a0, a, others, out _));
                }

                return value + low;
            }

            double small = 0, sigmaS = 0, logShares = 0, stirling = -SpecialFunctions.StirlingError(a0), inverses = 0, derivatives = 0;
            int countL = 0, countS = 0;
            for (int i = 0; i < k; i++)
            {
                double a = At(alpha, i);
                if (a >= Large)
                {
                    countL++;
                    logShares += LogShare(a, a0, i == dominant ? rest : double.NaN);
                    stirling += SpecialFunctions.StirlingError(a);
                    inverses += 0.5 / a;
                    derivatives += (a - 1) * ContinuousMath.StirlingRemainderDerivative(a);
                }
                else
                {
                    countS++;
                    small += SpecialFunctions.LogGamma(a) - ((a - 1) * SpecialFunctions.Digamma(a));
                    sigmaS += a;
                }
            }

            double m = countL - 1;
            double logs = (m * (HalfLog2Pi + 0.5)) - (0.5 * m * Math.Log(a0)) + (0.5 * logShares) - (countS * SpecialFunctions.Digamma(a0));
            double rational = (countL * 0.5 / a0) - inverses;
            double remainders = stirling + ((a0 - countL) * ContinuousMath.StirlingRemainderDerivative(a0)) - derivatives;
            return small + sigmaS + logs + rational + remainders;
        }

        /// <summary>
        /// KL(Dir(α) ‖ Dir(β)) = lnΓ(α₀) − Σ lnΓ(αᵢ) − lnΓ(β₀) + Σ lnΓ(βᵢ) + Σ(αᵢ − βᵢ)(ψ(αᵢ) − ψ(α₀)), written as
        /// Σᵢ B(αᵢ → βᵢ) − B(α₀ → β₀) with B the Bregman divergence of lnΓ (<see cref="ContinuousMath.LogGammaBregman(double, double, double)"/>,
        /// full relative accuracy where its arguments are close), and where α₀ ≥ 10 regrouped so that nothing large cancels.
        /// </summary>
        /// <remarks>
        /// <para>
        /// For α₀ ≥ 10, with L the components αᵢ ≥ 10 and s the others, each B(x → x + Δ) with x ≥ 10 is
        /// bd0(x + Δ, x) + ½g(Δ/x) + [S(x + Δ) − S(x) − Δ·S′(x)] (g(t) = t − log1p(t), S Stirling's remainder, bd0 Loader's
        /// deviance), and the bd0 parts of L and of α₀ sum exactly to β₀·Σ_L bd0(qᵢ, pᵢ) + σ_s·g(t₀) − Δ_s·log1p(t₀), with
        /// pᵢ = αᵢ/α₀, qᵢ = βᵢ/β₀, t₀ = Δ₀/α₀, σ_s and Δ_s the sums of αⱼ and βⱼ − αⱼ over s. qᵢ − pᵢ is formed from exact
        /// cross products (βᵢ·α₀ − αᵢ·β₀ with α₀, β₀ in double-double), so β = cα gives 0 there, and what remains,
        /// ½(Σ_L g(tᵢ) − g(t₀)) (≥ 0: g is convex and t₀ the α-weighted mean of the tᵢ) and the S-brackets, is second
        /// order and small (where one component ≥ 10 holds most of α₀, its g(t_d) − g(t₀) is formed from the exact
        /// N = β_d·r − α_d·r′, not from the two values). The components of s keep B(αⱼ → βⱼ) itself; with σ_s·g(t₀) − Δ_s·log1p(t₀)
        /// they can cancel by a factor up to ~2αⱼ + 1 (as the gamma KL's shape part does below 10). For α₀ &lt; 10 the plain
        /// Bregman difference. Where either form's parts exceed 8 times its value and one component d holds more than half of
        /// α₀, the dominant form (KLDominant: B(α_d → β_d) − B(α_d + r → β_d + r) as a sum of non-negative terms) is also
        /// computed, and the one with the smaller parts kept; then, as before, the direct form where that is better still.
        /// Known weakness (not fixed): near pairs along β ≈ cα with components below 10 and α₀ ≥ 10 lose up to 74 ε
        /// ([9.9, 1e8] ‖ [9.8999901, 99999899.9]; [9.9, 9.9] scaled by 1 + 1e−9: 33 ε), the cancellation above.
        /// </para>
        /// <para>
        /// α = β gives exactly 0. The result is clamped at 0 only as the last step (a rounding residue of the sign-indefinite
        /// parts; the mathematical value is ≥ 0). Measured error on the reference sets (near-equal 1e−3 … 1e−12, scaled,
        /// tiny 1e−300 … 1e−3, huge 1e6 … 1e12, mixed; K = 2 … 16): at most 15 ε relative (DirichletMathTests); K = 2 in every
        /// regime of the shapes, at most 74 ε (BetaKLReferenceTests, which states the bound per regime).
        /// </para>
        /// </remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="alphaP">The concentrations α of P.</param>
        /// <param name="alphaQ">The concentrations β of Q (as many as α).</param>
        /// <returns>The divergence in nats, ≥ 0.</returns>
        public static double KLDivergence<T>(ReadOnlySpan<T> alphaP, ReadOnlySpan<T> alphaQ)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            SameLength(alphaP, alphaQ);
            return KLCore(alphaP, alphaQ, out _);
        }

        /// <summary>
        /// KL and the size of the terms it was summed from (its error is a few ε of that): the Bregman form, and where its
        /// terms are more than 8 times the value, also the direct form ln B(β) − ln B(α) + Σ(βᵢ − αᵢ)(ψ(α₀) − ψ(αᵢ)) (accurate
        /// where the divergence is large against the ln B's: a small α against a huge β), which is taken only where its size is
        /// below a quarter of the Bregman form's (the sizes are bounds; the Bregman form's errors are usually far below its bound,
        /// as its parts are computed alike).
        /// </summary>
        private static double KLCore<T>(ReadOnlySpan<T> alphaP, ReadOnlySpan<T> alphaQ, out double size)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double bregman = KLBregman(alphaP, alphaQ, out size);
            if (size <= 8 * bregman)
            {
                return bregman;
            }

            double direct = LogBeta(alphaQ) - LogBeta(alphaP) + GapSum(alphaP, alphaQ, true, out double directSize);
            directSize += Math.Max(Math.Abs(LogBeta(alphaQ)), 1) + Math.Max(Math.Abs(LogBeta(alphaP)), 1);
            if (4 * directSize < size)
            {
                size = directSize;
                return direct > 0 ? direct : 0.0;
            }

            return bregman;
        }

        /// <summary>
        /// The Bregman form of <see cref="KLDivergence{T}"/> (see there), and the sum of the magnitudes of its parts; where those
        /// are more than 8 times the value and a component d &lt; 10 holds more than half of α₀, also the dominant form
        /// (<see cref="KLDominant{T}"/>), and the one with the smaller parts is returned.
        /// </summary>
        private static double KLBregman<T>(ReadOnlySpan<T> alphaP, ReadOnlySpan<T> alphaQ, out double size)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double value = KLRegrouped(alphaP, alphaQ, out size);
            if (size > 8 * value)
            {
                Total(alphaP, out int dominant, out double rest);
                if (!double.IsNaN(rest) && ShiftTerms(At(alphaP, dominant), At(alphaQ, dominant), rest) <= 128)
                {
                    double alternative = KLDominant(alphaP, alphaQ, dominant, rest, out double alternativeSize);
                    if (alternativeSize < size)
                    {
                        size = alternativeSize;
                        value = alternative > 0 ? alternative : 0.0;
                    }
                }
            }

            return value;
        }

        /// <summary>
        /// KL by a dominant component d (αd &gt; α₀/2, r = α₀ − αd = Σ_{i≠d} αᵢ, r′ = β₀ − βd, Δᵢ = βᵢ − αᵢ, Δ_r = r′ − r):
        /// Σ_{i≠d} B(αᵢ → βᵢ) + [B(αd → βd) − B(αd + r → βd + r)] − B(βd + r → β₀) − Δ_r·(ψ(βd + r) − ψ(αd + r)), an exact
        /// rewriting of Σᵢ B(αᵢ → βᵢ) − B(α₀ → β₀) in which B(αd → βd) and B(α₀ → β₀), nearly equal where r is small
        /// ([4, 1e−6] ‖ [2, 1e−6] cancelled by 1e6), are never subtracted: their difference, the bracket, is
        /// <see cref="ShiftGap"/>, a sum of non-negative terms. What is left cancels only as the quadratic form of the Fisher
        /// information does in the coordinates (Δd, Δ_r), by a bounded factor where r is small.
        /// </summary>
        private static double KLDominant<T>(ReadOnlySpan<T> alphaP, ReadOnlySpan<T> alphaQ, int d, double r, out double size)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double others = 0, deltaR = 0, deltaRLow = 0;
            for (int i = 0; i < alphaP.Length; i++)
            {
                if (i == d)
                {
                    continue;
                }

                double a = At(alphaP, i), b = At(alphaQ, i);
                double delta = b - a;
                double bb = delta - b;
                deltaRLow += (b - (delta - bb)) + (-a - bb);
                Add(ref deltaR, ref deltaRLow, delta);
                others += ContinuousMath.LogGammaBregman(a, b, delta);
            }

            double dr = deltaR + deltaRLow;
            double ad = At(alphaP, d), bd = At(alphaQ, d), dd = bd - ad;
            double shift = ShiftGap(ad, bd, dd, r);
            double x = bd + r;
            double rest = ContinuousMath.LogGammaBregman(x, x + dr, dr);
            double gap = dd >= 0 ? DigammaGap(bd + r, ad + r, dd, out _) : -DigammaGap(ad + r, bd + r, -dd, out _);
            double cross = dr * gap;
            size = others + shift + rest + Math.Abs(cross);
            return others + shift - rest - cross;
        }

        /// <summary>Gauss–Legendre nodes on [0, 1] (10 points) and their weights, for <see cref="ShiftGap"/>'s tail.</summary>
        private static readonly double[] GaussNodes =
        {
            0.01304673574141414, 0.06746831665550775, 0.1602952158504878, 0.2833023029353764, 0.4255628305091844,
            0.5744371694908156, 0.7166976970646236, 0.8397047841495122, 0.9325316833444922, 0.9869532642585859,
        };

        private static readonly double[] GaussWeights =
        {
            0.03333567215434407, 0.0747256745752903, 0.10954318125799102, 0.13463335965499817, 0.14776211235737644,
            0.14776211235737644, 0.13463335965499817, 0.10954318125799102, 0.0747256745752903, 0.03333567215434407,
        };

        /// <summary>
        /// B(a → b) − B(a + r → b + r) ≥ 0 for r &gt; 0 (B the Bregman divergence of lnΓ, Δ = b − a): by the Weierstrass
        /// product B(a → a + Δ) = Σ_{m≥0} g(Δ/(a + m)), so this is Σ_m [g(xₘ) − g(yₘ)], xₘ = Δ/(a + m), yₘ = Δ/(a + r + m),
        /// and g(x) − g(y) = w·y + g(w) with w = (x − y)/(1 + y) = Δ·r/((a + m)(b + r + m)): w and y have Δ's sign, so every
        /// term is ≥ 0 and nothing cancels. Terms m &lt; M are summed; with X = a + M the rest is
        /// ∫₀ʳ [Δ·ψ′(X + s) − ψ(X + s + Δ) + ψ(X + s)] ds (the derivative in the shift), the integrand ≥ 0 (ψ concave) written
        /// as g(t) + t²/(2(y + Δ)) + [S′(y) − S′(y + Δ) + Δ·S″(y)] at y = X + s, t = Δ/y (S′ the Stirling remainder of ψ), by
        /// 10-point Gauss–Legendre: M is chosen (<see cref="ShiftTerms"/>) so that the integrand's singularities (y = 0,
        /// y = −Δ) are at least max(40, 4r) from [X, X + r], where the rule's error is below 1e−20 of the integral.
        /// </summary>
        private static double ShiftGap(double a, double b, double delta, double r)
        {
            int m = ShiftTerms(a, b, r);
            double sum = 0;
            for (int j = m - 1; j >= 0; j--)
            {
                double aj = a + j, bj = b + j, arj = a + r + j, brj = b + r + j;
                double y = delta / arj;
                double w = delta / aj * (r / brj);
                double gw = Math.Abs(w) <= 0.5 ? ScalarMath.Deviance(1, 1 + w, -w) : w - Math.Log(bj / aj * (arj / brj));
                sum += (w * y) + gw;
            }

            // y + Δ is formed from b, not from the rounded y: at a = 1e12, b = 1 it is ~40, and y's rounding (1e−4) would cost 3e−6.
            double x = a + m, xb = b + m, tail = 0;
            for (int q = 0; q < GaussNodes.Length; q++)
            {
                double s = r * GaussNodes[q];
                tail += GaussWeights[q] * NegativeDigammaBregman(x + s, xb + s, delta);
            }

            return sum + (r * tail);
        }

        /// <summary>
        /// The number M of terms <see cref="ShiftGap"/> sums before its quadrature: the least with min(a, b) + M ≥ max(40, 4r),
        /// so that the integrand's singularities lie at least max(30, 4r) from [a + M, a + M + r] (int.MaxValue if that is
        /// beyond 2³⁰).
        /// </summary>
        private static int ShiftTerms(double a, double b, double r)
        {
            double need = Math.Max(40, 4 * r) - Math.Min(a, b);
            return need <= 0 ? 0 : need < (1 << 30) ? (int)Math.Ceiling(need) : int.MaxValue;
        }

        /// <summary>S′(x) coefficients: S′(x) = −Σₖ cₖ·x^(−2k), cₖ = B₂ₖ/(2k), k = 1 … 8.</summary>
        private static readonly double[] DigammaRemainderCoefficients =
        {
            1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760, 1.0 / 12, -3617.0 / 8160,
        };

        /// <summary>
        /// Δ·ψ′(y) − ψ(y + Δ) + ψ(y) ≥ 0 for y, y + Δ ≥ 40 (y + Δ given, formed accurately by the caller): g(t) + t²/(2(y + Δ)) + Σₖ cₖ·y^(−2k)·[(1 + t)^(−2k) − 1 + 2k·t]
        /// (t = Δ/y; ψ(y) = ln y − 1/(2y) + S′(y)), the brackets by their binomial series where |t| ≤ ¼ (else the plain
        /// difference of S′ values, then far below g(t)).
        /// </summary>
        private static double NegativeDigammaBregman(double y, double yPlusDelta, double delta)
        {
            double t = delta / y;
            double main = (Math.Abs(t) <= 0.5 ? ScalarMath.Deviance(1, 1 + t, -t) : t - ScalarMath.LogRatio(yPlusDelta, y)) + (0.5 * t * t / yPlusDelta);
            double inverseSquare = 1 / (y * y);
            double remainder = 0;
            if (Math.Abs(t) > 0.25)
            {
                double secondDerivative = 0, power = inverseSquare / y; // S″(y) = Σ 2k·cₖ·y^(−2k−1)
                for (int k = 1; k <= DigammaRemainderCoefficients.Length; k++)
                {
                    secondDerivative += 2 * k * DigammaRemainderCoefficients[k - 1] * power;
                    power *= inverseSquare;
                }

                remainder = Math.Max(ContinuousMath.StirlingRemainderDerivative(y) - ContinuousMath.StirlingRemainderDerivative(yPlusDelta) + (delta * secondDerivative), 0.0);
                return main + remainder;
            }

            double inversePower = inverseSquare;
            for (int k = 1; k <= DigammaRemainderCoefficients.Length; k++)
            {
                int n = 2 * k;
                double bracket = 0, term = n * -t;
                for (int j = 2; j < 200; j++)
                {
                    term *= (n + j - 1) * -t / j;
                    bracket += term;
                    if (Math.Abs(term) <= 1e-18 * Math.Abs(bracket))
                    {
                        break;
                    }
                }

                double add = DigammaRemainderCoefficients[k - 1] * inversePower * bracket;
                remainder += add;
                if (Math.Abs(add) <= 1e-18 * remainder)
                {
                    break;
                }

                inversePower *= inverseSquare;
            }

            return main + remainder;
        }

        /// <summary>The regrouped (α₀ ≥ 10) or plain (α₀ &lt; 10) Bregman form of <see cref="KLDivergence{T}"/>, and the size of its parts.</summary>
        private static double KLRegrouped<T>(ReadOnlySpan<T> alphaP, ReadOnlySpan<T> alphaQ, out double size)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            int k = alphaP.Length;
            size = 0;
            bool equal = true;
            for (int i = 0; i < k && equal; i++)
            {
                equal = alphaP[i] == alphaQ[i];
            }

            if (equal)
            {
                return 0.0;
            }

            SumDD(alphaP, out double a0, out double a0Low);
            SumDD(alphaQ, out double b0, out double b0Low);

            // Δ₀ = Σ(βᵢ − αᵢ) from the exact differences (two-sums), not β₀ − α₀.
            double d0 = 0, d0Low = 0;
            for (int i = 0; i < k; i++)
            {
                double a = At(alphaP, i), b = At(alphaQ, i);
                double d = b - a;
                double bb = d - b;
                double dLow = (b - (d - bb)) + (-a - bb);
                Add(ref d0, ref d0Low, d);
                d0Low += dLow;
            }

            double delta0 = d0 + d0Low;
            if (a0 < Large)
            {
                double whole = ContinuousMath.LogGammaBregman(a0, b0, delta0);
                double plain = -whole;
                size = whole;
                for (int i = 0; i < k; i++)
                {
                    double a = At(alphaP, i), b = At(alphaQ, i);
                    double part = ContinuousMath.LogGammaBregman(a, b, b - a);
                    plain += part;
                    size += part;
                }

                return plain > 0 ? plain : 0.0;
            }

            // Scale α by 2^−e(α₀) and β by 2^−e(β₀) (exact) so that the cross products neither overflow nor underflow.
            int ea = Math.ILogB(a0), eb = Math.ILogB(b0);
            double sa0 = Math.ScaleB(a0, -ea), sa0Low = Math.ScaleB(a0Low, -ea);
            double sb0 = Math.ScaleB(b0, -eb), sb0Low = Math.ScaleB(b0Low, -eb);
            Total(alphaP, out int dominant, out double rest);
            bool pairDominant = !double.IsNaN(rest) && At(alphaP, dominant) >= Large;
            double proportions = 0, smallBregman = 0, sigmaS = 0, deltaS = 0, halves = 0, stirling = 0, deltaRest = 0, deltaRestLow = 0, restQ = 0, restQLow = 0;
            bool exactDeltas = true;
            for (int i = 0; i < k; i++)
            {
                double a = At(alphaP, i), b = At(alphaQ, i);
                double delta = b - a;
                if (a >= Large)
                {
                    // qᵢ − pᵢ = (βᵢ·α₀ − αᵢ·β₀)/(α₀·β₀), the numerator to about one rounding.
                    double sa = Math.ScaleB(a, -ea), sb = Math.ScaleB(b, -eb);
                    double p1 = sb * sa0, e1 = Math.FusedMultiplyAdd(sb, sa0, -p1);
                    double p2 = sa * sb0, e2 = Math.FusedMultiplyAdd(sa, sb0, -p2);
                    double numerator = (p1 - p2) + ((e1 - e2) + ((sb * sa0Low) - (sa * sb0Low)));
                    double difference = numerator / sa0 / sb0;
                    proportions += ScalarMath.Deviance(sb / sb0, sa / sa0, difference);
                    if (!(pairDominant && i == dominant))
                    {
                        halves += G(a, b, delta);
                    }

                    stirling += ContinuousMath.StirlingBregman(a, b, delta);
                }
                else
                {
                    smallBregman += ContinuousMath.LogGammaBregman(a, b, delta);
                    sigmaS += a;
                    deltaS += delta;
                }

                if (i != dominant)
                {
                    Add(ref deltaRest, ref deltaRestLow, delta);
                    Add(ref restQ, ref restQLow, b);
                }

                exactDeltas &= b >= 0.5 * a && b <= 2 * a; // Sterbenz: b − a is exact
            }

            double g0 = G(a0, b0, delta0);
            double halvesMinusG0 = halves - g0;
            if (pairDominant)
            {
                // One component d ≥ 10 holds more than half of α₀: g(t_d) − g(t₀) (tᵢ = Δᵢ/αᵢ) nearly cancels, so it is formed from
                // N = Δ_d·r − Δ_r·α_d = β_d·r − α_d·r′ (r, r′, Δ_r: the others' sums; two-products), u = t_d − t₀ = N/(α_d·α₀) and
                // v = N/(α_d·β₀) (1 + v = (1 + t_d)/(1 + t₀), 1 + t₀ = β₀/α₀), as v·t₀ + g(v) where |t₀| ≤ ½, else as u − ln(1 + v)
                // (exact identities; each form's terms are of the size of g(t_d) + g(t₀) + |u| in its region). N is taken from the
                // Δ's where every βᵢ − αᵢ is exact (near pairs: Sterbenz), else from β_d·r − α_d·r′ (a rounded Δ_d = −652884 cost
                // 1e−10 through v ≈ −0.15). The plain difference of the two g's lost everything at t₀ = 2: [1e−8, 1e8] ‖ [1e−8, 3e8]
                // was 3e7 ε off.
                double ad = At(alphaP, dominant), bd = At(alphaQ, dominant), dd = bd - ad, dr = deltaRest + deltaRestLow, rq = restQ + restQLow;
                double x1 = exactDeltas ? dd : bd, x2 = exactDeltas ? dr : rq;
                double p1 = x1 * rest, e1 = Math.FusedMultiplyAdd(x1, rest, -p1);
                double p2 = x2 * ad, e2 = Math.FusedMultiplyAdd(x2, ad, -p2);
                double n = (p1 - p2) + (e1 - e2);
                double u = n / ad / a0;
                double v = n / ad / b0;
                double ratio = bd / ad * (a0 / b0); // 1 + v, formed without rounding 1 + v
                double t0 = delta0 / a0;
                double gd = Math.Abs(t0) <= 0.5
                    ? (v * t0) + (Math.Abs(v) <= 0.5 ? ScalarMath.Deviance(1, 1 + v, -v) : v - Math.Log(ratio))
                    : u - (Math.Abs(v) <= 0.5 ? ScalarMath.Log1p(v) : Math.Log(ratio));
                halvesMinusG0 = halves + gd;
            }

            double crossTerms = (sigmaS * g0) - (deltaS * LogRatio(a0, b0, delta0));
            double stirling0 = ContinuousMath.StirlingBregman(a0, b0, delta0);
            double value = (b0 * proportions) + smallBregman + crossTerms + (0.5 * halvesMinusG0) + (stirling - stirling0);
            size = (b0 * proportions) + smallBregman + Math.Abs(sigmaS * g0) + Math.Abs(crossTerms - (sigmaS * g0)) + (0.5 * (halves + g0))
                + Math.Abs(stirling) + Math.Abs(stirling0);
            return value > 0 ? value : 0.0;
        }

        /// <summary>
        /// The cross-entropy H(P, Q) = −E_P[ln q(X)] = ln B(β) + Σ(βᵢ − 1)(ψ(α₀) − ψ(αᵢ)) of P = Dir(α) and Q = Dir(β). Both that
        /// direct form (the digamma gaps ψ(α₀) − ψ(αᵢ) ≥ 0 as sums of non-negative terms, without cancellation) and H(P) + KL(P ‖ Q) (<see cref="Entropy{T}"/>, <see cref="KLDivergence{T}"/>) are
        /// computed, and the one whose terms are smaller (the smaller error bound) is returned: the sum where P ≈ Q or α is
        /// large (the direct form then subtracts terms of size β₀·ln α₀), the direct form where KL ≫ |H(P, Q)|.
        /// </summary>
        /// <remarks>Measured error: a few ε·max(|H(P, Q)|, 1) on the reference set; see the tests.</remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="alphaP">The concentrations α of P.</param>
        /// <param name="alphaQ">The concentrations β of Q.</param>
        /// <returns>The cross-entropy in nats.</returns>
        public static double CrossEntropy<T>(ReadOnlySpan<T> alphaP, ReadOnlySpan<T> alphaQ)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            SameLength(alphaP, alphaQ);
            double logBetaQ = LogBeta(alphaQ);
            double direct = logBetaQ + GapSum(alphaP, alphaQ, false, out double directSize);
            directSize += Math.Max(Math.Abs(logBetaQ), 1);
            double entropy = Entropy(alphaP);
            double kl = KLCore(alphaP, alphaQ, out double klSize);
            double sumSize = Math.Max(Math.Abs(entropy), 1) + klSize;
            return directSize <= sumSize ? direct : entropy + kl;
        }

        /// <summary>
        /// Σ wᵢ·(ψ(α₀) − ψ(αᵢ)) with wᵢ = βᵢ − αᵢ (<paramref name="difference"/>) or βᵢ − 1, compensated, and the size of its terms.
        /// </summary>
        private static double GapSum<T>(ReadOnlySpan<T> alphaP, ReadOnlySpan<T> alphaQ, bool difference, out double size)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double a0 = Total(alphaP, out int dominant, out double rest);
            double sum = 0, low = 0;
            size = 0;
            for (int i = 0; i < alphaP.Length; i++)
            {
                double a = At(alphaP, i), b = At(alphaQ, i);
                double others = i == dominant && !double.IsNaN(rest) ? rest : a0 - a;
                double gap = DigammaGap(a0, a, others, out double gapSize);
                double weight = difference ? b - a : b - 1;
                Add(ref sum, ref low, weight * gap);
                size += Math.Abs(weight) * gapSize;
            }

            return sum + low;
        }

        /// <summary>The mean E[X] = α/α₀ (α₀ in double-double, each quotient rounded once to T).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="alpha">The concentrations.</param>
        /// <param name="destination">Receives the K means.</param>
        /// <exception cref="ArgumentException"><paramref name="destination"/> does not have K elements.</exception>
        public static void Mean<T>(ReadOnlySpan<T> alpha, Span<T> destination)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            RequireLength(destination.Length, alpha.Length, nameof(destination));
            SumDD(alpha, out double a0, out _);
            for (int i = 0; i < alpha.Length; i++)
            {
                destination[i] = T.CreateTruncating(At(alpha, i) / a0);
            }
        }

        /// <summary>
        /// A Dirichlet(α) variate: Gᵢ ~ Gamma(αᵢ, 1) independent, xᵢ = Gᵢ/ΣGⱼ. Every αᵢ ≥ 1: Marsaglia–Tsang variates
        /// (<see cref="ContinuousSampling.Gamma"/>) divided by their sum. Otherwise in logarithms
        /// (<see cref="ContinuousSampling.LogGamma(Random, double)"/>, finite where the gamma variate underflows) normalised by a
        /// log-sum-exp, so tiny concentrations (1e−4, 1e−300) give no 0/0: the largest component is ≥ 1/K and the result is
        /// always on the simplex (Σ = 1 within K roundings, no NaN). If every logarithm is −∞ (all αᵢ below ~2e−307) the variate
        /// is the vertex eᵢ drawn with probability αᵢ/α₀, the limit law.
        /// </summary>
        /// <remarks>The draws are made in index order, so the stream is a function of the <see cref="Random"/>'s state alone.</remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="alpha">The concentrations, each finite and &gt; 0.</param>
        /// <param name="destination">Receives the K components.</param>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="destination"/> does not have K elements.</exception>
        public static void Sample<T>(Random random, ReadOnlySpan<T> alpha, Span<T> destination)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(random);
            int k = alpha.Length;
            RequireLength(destination.Length, k, nameof(destination));
            double[]? rented = null;
            Span<double> values = k <= 64 ? stackalloc double[k] : (rented = ArrayPool<double>.Shared.Rent(k)).AsSpan(0, k);
            try
            {
                bool allAtLeast1 = true;
                for (int i = 0; i < k; i++)
                {
                    allAtLeast1 &= At(alpha, i) >= 1;
                }

                double sum = 0;
                if (allAtLeast1)
                {
                    for (int i = 0; i < k; i++)
                    {
                        values[i] = ContinuousSampling.GammaAtLeast1(random, At(alpha, i));
                        sum += values[i];
                    }
                }
                else
                {
                    double max = double.NegativeInfinity;
                    for (int i = 0; i < k; i++)
                    {
                        values[i] = ContinuousSampling.LogGamma(random, At(alpha, i));
                        max = Math.Max(max, values[i]);
                    }

                    if (double.IsNegativeInfinity(max))
                    {
                        SampleVertex(random, alpha, destination);
                        return;
                    }

                    for (int i = 0; i < k; i++)
                    {
                        values[i] = Math.Exp(values[i] - max);
                        sum += values[i];
                    }
                }

                for (int i = 0; i < k; i++)
                {
                    destination[i] = T.CreateTruncating(values[i] / sum);
                }
            }
            finally
            {
                if (rented != null)
                {
                    ArrayPool<double>.Shared.Return(rented);
                }
            }
        }

        /// <summary>
        /// Fits Dirichlet(α) by maximum likelihood to N observations stored row-major (N×K,
        /// N = <paramref name="observations"/>.Length/K): Minka's fixed-point iteration αᵢ ← ψ⁻¹(ψ(α₀) + ℓᵢ), ℓᵢ the mean of
        /// ln xᵢ over the rows (compensated sums), from the moment-matching start αᵢ = s·mᵢ (mᵢ the mean of xᵢ,
        /// s = Σmᵢ(1 − mᵢ)/Σvarᵢ − 1, pooled over the components). ψ⁻¹ is Newton's method from Minka's start.
        /// </summary>
        /// <remarks>
        /// <para>
        /// Stopping rule: the largest relative change of an αᵢ in one iteration, c, is ≤ <see cref="FitRelativeChange"/> (1e−12),
        /// and so is c·ρ/(1 − ρ), with ρ = c/c_previous the observed contraction rate (the remaining distance to the fixed
        /// point of a linear iteration); the fixed point is the unique maximum (the log-likelihood is concave). At most
        /// <see cref="MaxFitIterations"/> iterations: beyond them an <see cref="ArgumentException"/> says so, with the last α.
        /// </para>
        /// <para>
        /// Validation, in this order (every failure an <see cref="ArgumentException"/> naming "observations", except the
        /// output's length): K ≥ 2 (<see cref="ArgumentOutOfRangeException"/> on classes); <paramref name="alpha"/> has K
        /// elements; the length is a multiple of K; N ≥ 2; every component finite and &gt; 0 (the first bad one named by row,
        /// index and value: a zero component makes the likelihood unbounded, its αᵢ → 0) and every row's sum within
        /// <see cref="SimplexTolerance{T}"/> of 1; not all rows equal (the likelihood then grows without bound as α → ∞ along
        /// the observed point: no maximum). A sample whose rows differ only by rounding can still fail to converge (α beyond
        /// 1e15); that is reported by the iteration cap or by α overflowing.
        /// </para>
        /// </remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="observations">The N×K observations, row-major, each row strictly inside the simplex.</param>
        /// <param name="classes">K ≥ 2.</param>
        /// <param name="alpha">Receives the K fitted concentrations.</param>
        /// <exception cref="ArgumentException">An invalid or degenerate sample, or no convergence (see remarks).</exception>
        public static void Fit<T>(ReadOnlySpan<T> observations, int classes, Span<double> alpha)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (classes < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(classes), classes, "A Dirichlet distribution needs K ≥ 2 classes.");
            }

            RequireLength(alpha.Length, classes, nameof(alpha));
            var c = CultureInfo.InvariantCulture;
            if (observations.Length % classes != 0)
            {
                throw new ArgumentException(
                    string.Format(c, "observations has {0} elements, not a multiple of K = {1}: it must hold N rows of K components each (row-major).", observations.Length, classes),
                    nameof(observations));
            }

            int n = observations.Length / classes;
            if (n < 2)
            {
                throw new ArgumentException(
                    string.Format(c, "observations has {0} row(s); the maximum-likelihood fit needs at least 2 (one row has no maximum).", n), nameof(observations));
            }

            double tolerance = SimplexTolerance<T>(classes);
            bool allEqual = true;
            for (int row = 0; row < n; row++)
            {
                var x = observations.Slice(row * classes, classes);
                double sum = 0;
                for (int i = 0; i < classes; i++)
                {
                    T v = x[i];
                    if (!(v > T.Zero) || !T.IsFinite(v))
                    {
                        throw new ArgumentException(
                            string.Format(c, "observations row {0}, index {1} is {2}; every component must be finite and > 0 (strictly inside the simplex: a zero component makes the likelihood unbounded).", row, i, v),
                            nameof(observations));
                    }

                    sum += double.CreateTruncating(v);
                    allEqual &= v == observations[i];
                }

                if (Math.Abs(sum - 1) > tolerance)
                {
                    throw new ArgumentException(
                        string.Format(c, "observations row {0} sums to {1:R}, not 1 within the tolerance {2:R}; every row must be a point of the simplex.", row, sum, tolerance),
                        nameof(observations));
                }
            }

            if (allEqual)
            {
                throw new ArgumentException(
                    string.Format(c, "All {0} rows of observations are equal: the likelihood grows without bound as α → ∞ (the law of a constant), so there is no maximum-likelihood α.", n),
                    nameof(observations));
            }

            // Means of xᵢ and of ln xᵢ (compensated), then the pooled variance.
            Span<double> buffer = classes <= 64 ? stackalloc double[3 * classes] : new double[3 * classes];
            Span<double> meanLog = buffer.Slice(0, classes), mean = buffer.Slice(classes, classes), variance = buffer.Slice(2 * classes, classes);
            for (int i = 0; i < classes; i++)
            {
                double s = 0, sLow = 0, l = 0, lLow = 0;
                for (int row = 0; row < n; row++)
                {
                    double v = double.CreateTruncating(observations[(row * classes) + i]);
                    Add(ref s, ref sLow, v);
                    Add(ref l, ref lLow, Math.Log(v));
                }

                mean[i] = (s + sLow) / n;
                meanLog[i] = (l + lLow) / n;
                double squares = 0;
                for (int row = 0; row < n; row++)
                {
                    double d = double.CreateTruncating(observations[(row * classes) + i]) - mean[i];
                    squares += d * d;
                }

                variance[i] = squares / n;
            }

            double spread = 0, varianceSum = 0;
            for (int i = 0; i < classes; i++)
            {
                spread += mean[i] * (1 - mean[i]);
                varianceSum += variance[i];
            }

            double precision = (spread / varianceSum) - 1;
            if (!(precision > 0) || double.IsPositiveInfinity(precision))
            {
                precision = 1; // any start will do: the fixed point converges from every positive α
            }

            for (int i = 0; i < classes; i++)
            {
                alpha[i] = precision * mean[i];
            }

            double previousChange = double.PositiveInfinity;
            for (int iteration = 0; iteration < MaxFitIterations; iteration++)
            {
                double a0 = 0;
                for (int i = 0; i < classes; i++)
                {
                    a0 += alpha[i];
                }

                double psi0 = SpecialFunctions.Digamma(a0);
                double change = 0;
                for (int i = 0; i < classes; i++)
                {
                    double next = InverseDigamma(psi0 + meanLog[i]);
                    change = Math.Max(change, Math.Abs(next - alpha[i]) / alpha[i]);
                    alpha[i] = next;
                }

                if (!double.IsFinite(change) || !double.IsFinite(a0))
                {
                    break;
                }

                double rate = change / previousChange;
                if (change <= FitRelativeChange && (rate >= 1 || change * rate / (1 - rate) <= FitRelativeChange))
                {
                    return;
                }

                previousChange = change;
            }

            var last = new System.Text.StringBuilder();
            for (int i = 0; i < classes; i++)
            {
                last.Append(i == 0 ? "" : ", ").Append(alpha[i].ToString("R", c));
            }

            throw new ArgumentException(
                string.Format(c, "The Dirichlet maximum-likelihood fit did not converge in {0} fixed-point iterations (last α = ({1})); the rows may differ only by rounding, so that the maximum lies at an enormous α.", MaxFitIterations, last),
                nameof(observations));
        }

        // ---- helpers ----------------------------------------------------------------------------------------------------

        private static double At<T>(ReadOnlySpan<T> values, int i)
            where T : unmanaged, IBinaryFloatingPointIeee754<T> => double.CreateTruncating(values[i]);

        private static double MachineEpsilon<T>()
            where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            typeof(T) == typeof(float) ? 1.0 / (1 << 23) : 1.0 / (1L << 52);

        /// <summary>
        /// g(t) = t − log1p(t) ≥ 0 for t = Δ/a = c/a − 1: Loader's deviance on t for |t| ≤ ½ (no cancellation for small t);
        /// farther, t − ln(c/a) with the logarithm of the ratio itself, not of 1 + t (t ≈ −1 is rounded to ε absolute, which
        /// would cost ε/(1 + t) relative: c/a = 1e−12 would keep 4 digits).
        /// </summary>
        private static double G(double a, double c, double delta)
        {
            double t = delta / a;
            return Math.Abs(t) <= 0.5 ? ScalarMath.Deviance(1, 1 + t, -t) : t - ScalarMath.LogRatio(c, a);
        }

        /// <summary>ln(c/a) = log1p(Δ/a): log1p for |Δ/a| ≤ ½, else the logarithm of the ratio (see <see cref="G"/>).</summary>
        private static double LogRatio(double a, double c, double delta)
        {
            double t = delta / a;
            return Math.Abs(t) <= 0.5 ? ScalarMath.Log1p(t) : ScalarMath.LogRatio(c, a);
        }

        /// <summary>s + x as a double-double (s, low): Knuth's two-sum, the rounding error added to low.</summary>
        private static void Add(ref double s, ref double low, double x)
        {
            double sum = s + x;
            double bb = sum - s;
            low += (s - (sum - bb)) + (x - bb);
            s = sum;
        }

        /// <summary>Σαᵢ as a normalised double-double (high, low).</summary>
        private static void SumDD<T>(ReadOnlySpan<T> alpha, out double high, out double low)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            double s = 0, l = 0;
            for (int i = 0; i < alpha.Length; i++)
            {
                Add(ref s, ref l, At(alpha, i));
            }

            high = s + l;
            low = l - (high - s);
        }

        /// <summary>
        /// α₀ (rounded from a double-double sum), the index of the largest component, and, when that component exceeds α₀/2,
        /// the sum of the others taken on its own (else NaN: the callers then use α₀ − αᵢ, which is accurate there).
        /// </summary>
        private static double Total<T>(ReadOnlySpan<T> alpha, out int dominant, out double rest)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            SumDD(alpha, out double a0, out _);
            dominant = 0;
            for (int i = 1; i < alpha.Length; i++)
            {
                if (alpha[i] > alpha[dominant])
                {
                    dominant = i;
                }
            }

            rest = double.NaN;
            if (At(alpha, dominant) > 0.5 * a0)
            {
                double s = 0, l = 0;
                for (int i = 0; i < alpha.Length; i++)
                {
                    if (i != dominant)
                    {
                        Add(ref s, ref l, At(alpha, i));
                    }
                }

                rest = s + l;
            }

            return a0;
        }

        /// <summary>ln(a/a₀): log1p(−rest/a₀) for the dominant component (rest the sum of the others), else the log of the ratio.</summary>
        private static double LogShare(double a, double a0, double rest) =>
            double.IsNaN(rest) ? ScalarMath.LogRatio(a, a0) : ScalarMath.Log1p(-rest / a0);

        /// <summary>
        /// ψ(a₀) − ψ(a) ≥ 0 for 0 &lt; a ≤ a₀, given h = a₀ − a accurately, as a sum of non-negative terms (so with its relative
        /// accuracy also where h ≪ a, where ψ(a₀) − ψ(a) itself would cancel): a ≥ 10: log1p(h/a) + h/(2a·a₀) + S′(a₀) − S′(a)
        /// (the last difference ≈ h/(6a³), far below the rest); a &lt; 10: Σ_{j&lt;m} h/((a + j)(a₀ + j)) plus that form at
        /// a + m ≥ 10 (the recurrence ψ(x + 1) = ψ(x) + 1/x on both arguments). Also the size of the terms (here the value).
        /// </summary>
        private static double DigammaGap(double a0, double a, double h, out double size)
        {
            double sum = 0;
            if (a < Large)
            {
                int m = (int)Math.Ceiling(Large - a);
                for (int j = m - 1; j >= 0; j--)
                {
                    sum += h / (a0 + j) / (a + j); // h/(a₀ + j) ≤ 1: no overflow or underflow of a product for a = 1e−300
                }

                a += m;
                a0 += m;
            }

            double tail = ScalarMath.Log1p(h / a) + (0.5 * h / a / a0) + DigammaRemainderGap(a, h);
            size = sum + Math.Abs(tail);
            return sum + tail;
        }

        /// <summary>
        /// S′(a + h) − S′(a) for a ≥ 10, h ≥ 0 (S′(x) = −Σₖ cₖ·x^(−2k) the Stirling remainder of ψ): where h ≤ a/4 as
        /// −Σₖ cₖ·a^(−2k)·expm1(−2k·log1p(h/a)), with its relative accuracy (the plain difference of the two values has an
        /// error of ε/(12a²), which at h = 1e−11, a = 17 is 1e−7 of ψ(a + h) − ψ(a)); farther, the plain difference.
        /// </summary>
        private static double DigammaRemainderGap(double a, double h)
        {
            if (h > 0.25 * a)
            {
                return ContinuousMath.StirlingRemainderDerivative(a + h) - ContinuousMath.StirlingRemainderDerivative(a);
            }

            double logRatio = ScalarMath.Log1p(h / a), inverseSquare = 1 / (a * a), inversePower = inverseSquare, sum = 0;
            for (int k = 1; k <= DigammaRemainderCoefficients.Length; k++)
            {
                double add = DigammaRemainderCoefficients[k - 1] * inversePower * ScalarMath.Expm1(-2 * k * logRatio);
                sum -= add;
                if (Math.Abs(add) <= 1e-18 * Math.Abs(sum))
                {
                    break;
                }

                inversePower *= inverseSquare;
            }

            return sum;
        }

        /// <summary>
        /// ψ⁻¹(y): the x &gt; 0 with ψ(x) = y, by Newton's method from Minka's start (e^y + ½ for y ≥ −2.22, else −1/(y + γ)),
        /// until the step is below 2⁻⁵⁰ of x (or 100 steps).
        /// </summary>
        internal static double InverseDigamma(double y)
        {
            double x = y >= -2.22 ? Math.Exp(y) + 0.5 : -1 / (y + EulerGamma);
            for (int i = 0; i < 100; i++)
            {
                double step = (SpecialFunctions.Digamma(x) - y) / SpecialFunctions.Trigamma(x);
                double next = x - step;
                if (!(next > 0))
                {
                    next = x / 2; // ψ is concave: a step past 0 only happens far from the root; halve instead
                }

                bool done = Math.Abs(next - x) <= 8.881784197001252E-16 * next;
                x = next;
                if (done)
                {
                    break;
                }
            }

            return x;
        }

        private static void SampleVertex<T>(Random random, ReadOnlySpan<T> alpha, Span<T> destination)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            SumDD(alpha, out double a0, out _);
            double u = random.NextDouble() * a0;
            int chosen = alpha.Length - 1;
            double cumulative = 0;
            for (int i = 0; i < alpha.Length; i++)
            {
                cumulative += At(alpha, i);
                if (u < cumulative)
                {
                    chosen = i;
                    break;
                }
            }

            for (int i = 0; i < alpha.Length; i++)
            {
                destination[i] = i == chosen ? T.One : T.Zero;
            }
        }

        private static int SameLength<T>(ReadOnlySpan<T> alphaP, ReadOnlySpan<T> alphaQ)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (alphaP.Length != alphaQ.Length)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "alphaQ has {0} concentrations but alphaP has {1}: both laws must have the same K.", alphaQ.Length, alphaP.Length),
                    nameof(alphaQ));
            }

            return alphaP.Length;
        }

        private static void RequireLength(int length, int classes, string paramName)
        {
            if (length != classes)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{0} has {1} elements but this distribution has K = {2} classes.", paramName, length, classes), paramName);
            }
        }
    }
}
