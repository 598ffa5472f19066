using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace DivergenceGen
{
    /// <summary>
    /// Numerics behind the generated discrete families (Binomial(n), Geometric, Poisson, NegativeBinomial): log-pmfs,
    /// entropies, KL divergences and exact samplers, all in double (the float types call these and cast).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Conventions (DESIGN.md §5): natural logarithms; 0·log 0 = 0; a log-pmf outside the support is −∞; KL is +∞
    /// (never NaN) when Q has zero mass where P has mass, and never negative (a negative rounding residue of a
    /// mathematically non-negative quantity is returned as 0); valid inputs never give NaN. Parameters are validated by
    /// the caller: each member documents its domain and its boundary values, and does not throw.
    /// </para>
    /// <para>
    /// Parametrisations: Geometric(p) counts failures before the first success (k ≥ 0, pmf (1 − p)^k·p);
    /// NegativeBinomial(r, p) counts failures before the r-th success, r &gt; 0 real,
    /// pmf Γ(k + r)/(Γ(r)·k!)·p^r·(1 − p)^k.
    /// </para>
    /// <para>
    /// Accuracy figures are measured against 50-digit mpmath (tests/DivergenceGen.Tests/Runtime/reference) and the
    /// project oracle; see docs/ARCHITECTURE.md, "Special functions and discrete numerics".
    /// </para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class DiscreteMath
    {
        private const double Log2Pi = 1.8378770664093456;

        /// <summary>Relative size below which the remaining terms of an entropy sum or quadrature are dropped (2⁻⁶⁴).</summary>
        private const double Negligible = 5.421010862427522E-20;

        /// <summary>
        /// Variance above which the Binomial and Poisson entropies leave the lattice sum (≤ ~600 terms) for the smooth
        /// trapezoid form (Binomial) or the asymptotic series (Poisson; next term 0.343/λ⁵ ≈ 7e−17 relative here).
        /// </summary>
        private const double SmoothVariance = 1e3;

        /// <summary>Variance up to which the NegativeBinomial entropy (r &gt; 8) uses the lattice sum (≤ ~2000 terms).</summary>
        private const double NegativeBinomialLatticeVariance = 1e4;

        /// <summary>The largest double below 2⁶³: samples at or above it saturate at <see cref="long.MaxValue"/>.</summary>
        private const double LongLimit = 9.2233720368547758E18;

        // ---- log-pmfs --------------------------------------------------------------------------------------------

        /// <summary>
        /// ln P(K = k) for K ~ Binomial(n, p): ln C(n, k) + k·ln p + (n − k)·ln(1 − p).
        /// Domain: n ≥ 0, 0 ≤ p ≤ 1. −∞ for k &lt; 0 or k &gt; n; p = 0 is the point mass at 0, p = 1 at n, n = 0 at 0.
        /// </summary>
        /// <remarks>
        /// Loader's saddle-point form: k = 0 → n·log1p(−p); k = n → n·ln p; otherwise
        /// stirlerr(n) − stirlerr(k) − stirlerr(n − k) − bd0(k, np) − bd0(n − k, nq) − ½·ln(2πk(n − k)/n), which has no
        /// cancellation of large ln Γ values (C. Loader 2000; as R's dbinom), with np and nq as double-doubles (FMA): near
        /// its minimum bd0 needs x − np exactly, and a rounded np costs |k − np|·ε absolute (3.6e−13 relative at n ≈ 1e9).
        /// Measured: ≤ 5e−16 relative vs mpmath (225 cases, n up to 2³¹ − 1, p from 1e−300). Cost ≈ 0.1–0.3 µs.
        /// </remarks>
        /// <param name="k">The number of successes.</param>
        /// <param name="n">The number of trials, n ≥ 0.</param>
        /// <param name="p">The success probability, 0 ≤ p ≤ 1.</param>
        /// <returns>ln P(K = k).</returns>
        public static double BinomialLogPmf(int k, int n, double p)
        {
            if (k < 0 || k > n)
            {
                return double.NegativeInfinity;
            }

            return BinomialRaw(k, n, 0.0, n - k, p);
        }

        /// <summary>
        /// ln P(K = k) for K ~ Poisson(rate): k·ln λ − λ − ln k!. Domain: rate ≥ 0 (finite); rate = 0 is the point mass
        /// at 0. −∞ for k &lt; 0; k = 0 gives −rate.
        /// </summary>
        /// <remarks>
        /// Loader's form −stirlerr(k) − bd0(k, λ) − ½·ln(2πk) for k ≥ 1 (as R's dpois_raw), accurate for rates up to
        /// 1e15 and down to 1e−300 (no k·ln λ − λ cancellation). Measured: ≤ 6e−16 relative vs mpmath (220 cases).
        /// </remarks>
        /// <param name="k">The count.</param>
        /// <param name="rate">The mean λ ≥ 0.</param>
        /// <returns>ln P(K = k).</returns>
        public static double PoissonLogPmf(int k, double rate)
        {
            if (k < 0)
            {
                return double.NegativeInfinity;
            }

            return PoissonLogPmfCore(k, rate);
        }

        /// <summary>
        /// ln P(K = k) for K ~ NegativeBinomial(r, p) (failures before the r-th success):
        /// ln Γ(k + r) − ln Γ(r) − ln k! + r·ln p + k·ln(1 − p). Domain: r &gt; 0 real, 0 &lt; p ≤ 1; p = 1 is the point
        /// mass at 0. −∞ for k &lt; 0; k = 0 gives r·ln p.
        /// </summary>
        /// <remarks>
        /// As R's dnbinom: ln(r/(r + k)) + ln Binomial_raw(r; k + r, p), the binomial saddle-point form with a real
        /// "number of successes" r, written with n − x = k passed exactly (the form is stationary in n, so the rounding
        /// of k + r does not matter; np, nq are still formed as double-doubles) and ln(r/(r + k)) = −log1p(k/r).
        /// Measured: ≤ 5e−16 relative vs mpmath (219 cases, r from 1e−300 to 1e20, p from 1e−9).
        /// </remarks>
        /// <param name="k">The number of failures.</param>
        /// <param name="r">The number of successes, r &gt; 0 (real).</param>
        /// <param name="p">The success probability, 0 &lt; p ≤ 1.</param>
        /// <returns>ln P(K = k).</returns>
        public static double NegativeBinomialLogPmf(int k, double r, double p)
        {
            if (k < 0)
            {
                return double.NegativeInfinity;
            }

            return NegativeBinomialLogPmfCore(k, r, p);
        }

        // ---- entropies -------------------------------------------------------------------------------------------

        /// <summary>
        /// Entropy (nats) of Binomial(n, p), −Σ_k P(k)·ln P(k). Domain: n ≥ 0, 0 ≤ p ≤ 1; n = 0, p = 0 and p = 1 give 0.
        /// </summary>
        /// <remarks>
        /// Symmetric in p ↔ 1 − p (computed with min(p, 1 − p), exact). Variance npq ≤ 10³: the exact sum, from the
        /// mode outward, of the accurate log-pmf (compensated), stopped when the bound term·ρ/(1 − ρ) on the rest (the pmf
        /// is log-concave, so the term ratio ρ only falls) is below 2⁻⁶⁴ of the sum; all terms are positive, so the result
        /// is as accurate as the terms (≤ ~600 terms; from a mode at 0 the probabilities come from the ratio recurrence,
        /// not exp of a log-pmf near −690, which would cost |ln P|·ε). npq &gt; 10³: the same sum over the continuous
        /// (Γ) extension of the pmf by the trapezoid rule, step a power of two in (σ/8, σ/4] on exact nodes; for this
        /// Gaussian-shaped integrand (singularities at −1 and n + 1, ≥ 30σ away) the trapezoid rule and the unit-step
        /// lattice sum both equal the integral to ~exp(−2π²(σ/h)²) ≤ exp(−316) relative (Poisson summation), so this is
        /// the same number from ~60–150 nodes. It replaces the asymptotic ½ln(2πe·npq) + … series: no correction terms
        /// to derive, exact to double at every n. Measured vs mpmath: ≤ 1e−15 relative (tests); the two regimes agree to
        /// 3e−16 around the switch. Cost ≤ ~600 log-pmfs (≈ 0.1 ms) for every n ≤ 2³¹ − 1.
        /// </remarks>
        /// <param name="n">The number of trials, n ≥ 0.</param>
        /// <param name="p">The success probability, 0 ≤ p ≤ 1.</param>
        /// <returns>The entropy in nats.</returns>
        public static double BinomialEntropy(int n, double p)
        {
            if (n <= 0 || !(p > 0) || !(p < 1))
            {
                return 0.0;
            }

            double pp = p <= 0.5 ? p : 1.0 - p;
            return n * pp * (1.0 - pp) <= SmoothVariance ? BinomialEntropyLattice(n, pp) : BinomialEntropySmooth(n, pp);
        }

        /// <summary>
        /// Entropy (nats) of Poisson(rate), −Σ_k P(k)·ln P(k). Domain: rate ≥ 0 (finite); rate = 0 gives 0.
        /// </summary>
        /// <remarks>
        /// rate ≤ 10³: the exact sum from the mode outward (as <see cref="BinomialEntropy"/>, ≤ ~600 terms; for tiny rates
        /// two or three terms by the ratio recurrence, so rate = 1e−300 is exact). rate &gt; 10³: the asymptotic series
        /// ½ln(2πeλ) − 1/(12λ) − 1/(24λ²) − 19/(360λ³) − 9/(80λ⁴), whose next term, measured with mpmath, is
        /// ≈ −0.343/λ⁵ (&lt; 7e−17 relative at the switch). Measured vs mpmath: ≤ 1e−15 relative from 1e−300 to 1e15.
        /// </remarks>
        /// <param name="rate">The mean λ ≥ 0.</param>
        /// <returns>The entropy in nats.</returns>
        public static double PoissonEntropy(double rate)
        {
            if (!(rate > 0))
            {
                return 0.0;
            }

            return rate <= SmoothVariance ? PoissonEntropyLattice(rate) : PoissonEntropyAsymptotic(rate);
        }

        /// <summary>
        /// Entropy (nats) of NegativeBinomial(r, p). Domain: r &gt; 0 real, 0 &lt; p ≤ 1; p = 1 gives 0.
        /// </summary>
        /// <remarks>
        /// Three regimes, all bounded in cost:
        /// (1) r &gt; 8 and variance rq/p² ≤ 10⁴: the exact sum from the mode outward (log-concave), ≤ ~2000 terms;
        /// (2) r &gt; 8, r·q ≥ 100 and variance &gt; 10⁴ (Gaussian-shaped, the boundary ≥ 10σ away): the trapezoid rule on
        /// the continuous extension, as <see cref="BinomialEntropy"/>;
        /// (3) otherwise (r ≤ 8, or wide and skewed): the exact identity
        /// H = −r·ln p − (rq/p)·ln q − J, J = ∫₀^∞ e^{−t}·(1 − e^{−(r−1)t})/(1 − e^{−t})·(1 − M(t)) dt/t, where
        /// M(t) = (p/(1 − q·e^{−t}))^r is the probability generating function at e^{−t} (Binet's integral for
        /// ln Γ(K + r) − ln Γ(K + 1), averaged under the law; J = 0 for r = 1, the geometric closed form). The integrand
        /// has one sign and is analytic for |arg t| &lt; π/2; the trapezoid rule in ln t with step ⅙ has error
        /// ~exp(−2π·1.4·6) ≈ 1e−23; ~150–500 nodes for r ≥ 1e−3 whatever p (p = 1e−12 is as cheap as ½), growing like
        /// 6·ln(1/r) below (≈ 4,200 nodes, ~1 ms, at r = 1e−300).
        /// The identity subtracts J from r times a geometric entropy, so its rounding grows like r·H(Geometric(p))/H
        /// (≤ ~100 where it is used). Measured vs mpmath over the test grid (34 laws, r = 1e−3 … 1e9, p = 1e−10 … 1 − 1e−9):
        /// ≤ 9e−16 relative except through the identity at r ≥ 20 with tiny p: 2.9e−15 at (20, 1e−4), 9.5e−15 at (50, 1e−6).
        /// </remarks>
        /// <param name="r">The number of successes, r &gt; 0 (real).</param>
        /// <param name="p">The success probability, 0 &lt; p ≤ 1.</param>
        /// <returns>The entropy in nats.</returns>
        public static double NegativeBinomialEntropy(double r, double p)
        {
            if (!(p < 1) || !(r > 0) || !(p > 0))
            {
                return 0.0;
            }

            double q = 1.0 - p;
            double variance = r * q / (p * p);
            if (variance <= NegativeBinomialLatticeVariance && r > 8)
            {
                return NegativeBinomialEntropyLattice(r, p);
            }

            return r * q >= 100 && r > 8 ? NegativeBinomialEntropySmooth(r, p) : NegativeBinomialEntropyBinet(r, p);
        }

        /// <summary>
        /// Entropy (nats) of Geometric(p) (failures before the first success): (−(1 − p)·ln(1 − p) − p·ln p)/p
        /// = −ln p − ((1 − p)/p)·log1p(−p). Domain: 0 &lt; p ≤ 1; p = 1 gives 0.
        /// </summary>
        /// <remarks>Closed form with log1p: ≤ 2 ulps relative, exact at p = 1e−300 (691.7755278982137).</remarks>
        /// <param name="p">The success probability, 0 &lt; p ≤ 1.</param>
        /// <returns>The entropy in nats.</returns>
        public static double GeometricEntropy(double p)
        {
            if (!(p < 1))
            {
                return 0.0;
            }

            return (-Math.Log(p)) - (((1.0 - p) / p) * LogOneMinus(p));
        }

        // ---- KL divergences --------------------------------------------------------------------------------------

        /// <summary>
        /// KL(Poisson(λp) ‖ Poisson(λq)) = λp·ln(λp/λq) + λq − λp = bd0(λp, λq). Domain: rates ≥ 0 (finite).
        /// λq = 0 &lt; λp gives +∞; λp = 0 gives λq; equal rates give 0.
        /// </summary>
        /// <remarks>
        /// <see cref="SpecialFunctions.Deviance"/>: a series in v = (λp − λq)/(λp + λq) without cancellation where the
        /// rates are close (KL(Poisson(1e6) ‖ Poisson(1e6 + 1)) = 4.99999667e−7 to ~1e−16 relative). Never negative.
        /// </remarks>
        /// <param name="rateP">P's rate.</param>
        /// <param name="rateQ">Q's rate.</param>
        /// <returns>KL(P ‖ Q) in nats.</returns>
        public static double PoissonKLDivergence(double rateP, double rateQ)
        {
            if (!(rateP > 0))
            {
                return rateQ;
            }

            if (!(rateQ > 0))
            {
                return double.PositiveInfinity;
            }

            return Math.Max(SpecialFunctions.Deviance(rateP, rateQ), 0.0);
        }

        /// <summary>
        /// KL(Geometric(p) ‖ Geometric(q)) = ln(p/q) + ((1 − p)/p)·(ln(1 − p) − ln(1 − q)). Domain: 0 &lt; p, q ≤ 1.
        /// q = 1 with p &lt; 1 gives +∞; p = 1 gives −ln q; p = q gives 0.
        /// </summary>
        /// <remarks>
        /// p·KL is the Bernoulli divergence p·ln(p/q) + (1 − p)·ln((1 − p)/(1 − q)) = bd0(p, q) + bd0(1 − p, 1 − q), Loader's
        /// deviance bd0(x, m) = x·ln(x/m) + m − x ≥ 0 (<see cref="ScalarMath.Deviance(double, double, double)"/>, given the
        /// differences p − q and q − p, exact where they matter, since 1 − p and 1 − q have rounded). Two non-negative terms:
        /// full relative accuracy also where p ≈ q and KL ~ (p − q)² lies far below ε. Below p = 2⁻⁹⁰⁰ the first term is
        /// computed on p and q scaled by 2⁶⁰⁰ (bd0 is homogeneous of degree 1, the scaling exact), so that it does not go
        /// subnormal before the division by p; the second is then ~p times smaller. Clamped at 0. Measured against mpmath
        /// (50 digits): ≤ 1.4 ulps relative on pairs 1e−3 … 1e−12 apart from p = 1e−300 to 1 − 2⁻⁴⁰
        /// (Runtime/reference/near_equal_kl.json), including KL(0.3 ‖ 0.30000000000000004) = 2.4e−32.
        /// </remarks>
        /// <param name="p">P's success probability.</param>
        /// <param name="q">Q's success probability.</param>
        /// <returns>KL(P ‖ Q) in nats.</returns>
        public static double GeometricKLDivergence(double p, double q)
        {
            if (p == q)
            {
                return 0.0;
            }

            if (!(q < 1))
            {
                return double.PositiveInfinity; // p < 1 here: P has mass at k ≥ 1, Q does not
            }

            if (!(p < 1))
            {
                return -Math.Log(q);
            }

            double scale = p < 1.1830521861667747E-271 ? 4.149515568880993E+180 : 1.0; // 2⁻⁹⁰⁰, 2⁶⁰⁰
            double first = ScalarMath.Deviance(p * scale, q * scale, (p - q) * scale) / (p * scale);
            double second = ScalarMath.Deviance(1.0 - p, 1.0 - q, q - p) / p;
            return Math.Max(first + second, 0.0);
        }

        /// <summary>
        /// KL(NegativeBinomial(rP, pP) ‖ NegativeBinomial(rQ, pQ)). Domain: r &gt; 0 real, 0 &lt; p ≤ 1.
        /// pQ = 1 with pP &lt; 1 gives +∞; pP = 1 (P the point mass at 0) gives −rQ·ln pQ.
        /// </summary>
        /// <remarks>
        /// rP = rQ = r: the closed form r·KL(Geometric(pP) ‖ Geometric(pQ)) = r·ln(pP/pQ) + r(1 − pP)/pP·ln((1 − pP)/(1 − pQ))
        /// (stable forms, <see cref="GeometricKLDivergence"/>). rP ≠ rQ: Σ_k P(k)·(ln P(k) − ln Q(k)) from k = 0, past
        /// P's mode, until the bound P(k)·ρ/(1 − ρ) on P's remaining mass (ρ the larger of the observed ratio and, for
        /// rP &lt; 1, 1 − pP, which bounds every later ratio) is below 2⁻⁶⁰ and the term bound is negligible; or the exact
        /// identity KL = rP·ln pP − rQ·ln pQ + μP·ln((1 − pP)/(1 − pQ)) + ∫₀^∞ (e^{−rQ·t} − e^{−rP·t})/(1 − e^{−t})·(1 − M_P(t)) dt/t
        /// (Binet's integral averaged under P, as in <see cref="NegativeBinomialEntropy"/>; one-signed integrand,
        /// trapezoid rule in ln t). The sum is used when P needs ≤ 2000 terms (estimated from its mean, σ and tail rate),
        /// or ≤ 5000 terms where the identity's terms are large enough (ε·Σ|terms| &gt; 1e−14·KL) to matter; otherwise the
        /// identity, written as (rP − rQ)·ln pP + rQ·ln(pP/pQ) + μP·ln(qP/qQ) + J so that only (rP − rQ)·ln pP cancels
        /// against J: relative error ≈ ε·|(rP − rQ)·ln pP|/KL (e.g. 5e−14 for (20, 1e−5 ‖ 19, 1e−5), KL = 0.026).
        /// Cost ≤ ~5000 log-pmf pairs (≈ 1.5 ms) or ≤ ~500 quadrature nodes.
        /// Clamped at 0. Measured vs mpmath: within the tests' 1e−13 relative on every reference case, usually ≤ 1e−15;
        /// cancellation between the log-pmfs costs more where rP and rQ are large and close, e.g. 3.0e−14 for
        /// (2000, ½ ‖ 1990, ½) by the sum and 6.4e−14 there by the identity.
        /// </remarks>
        /// <param name="rP">P's number of successes.</param>
        /// <param name="pP">P's success probability.</param>
        /// <param name="rQ">Q's number of successes.</param>
        /// <param name="pQ">Q's success probability.</param>
        /// <returns>KL(P ‖ Q) in nats.</returns>
        public static double NegativeBinomialKLDivergence(double rP, double pP, double rQ, double pQ)
        {
            if (rP == rQ)
            {
                double g = GeometricKLDivergence(pP, pQ);
                return g == 0 ? 0.0 : rP * g;
            }

            if (!(pP < 1))
            {
                return pQ < 1 ? Math.Max(-rQ * Math.Log(pQ), 0.0) : 0.0;
            }

            if (!(pQ < 1))
            {
                return double.PositiveInfinity;
            }

            double qP = 1.0 - pP;
            double meanP = rP * qP / pP;
            double sigmaP = Math.Sqrt(rP * qP) / pP;
            double estimate = meanP + (20 * sigmaP) + (rP < 5 ? 50.0 / pP : 0.0);
            double kl;
            if (estimate <= 2000)
            {
                kl = NegativeBinomialKLSum(rP, pP, rQ, pQ);
            }
            else
            {
                // Binet's identity first (~100–500 nodes); its rounding is ε times the size of the terms it cancels. Where
                // that could exceed 1e−14 of the result and the sum is affordable (≤ 5000 terms, ~1 ms), sum instead.
                kl = NegativeBinomialKLBinet(rP, pP, rQ, pQ, out double magnitude);
                if (magnitude * 1.1102230246251565E-16 > 1e-14 * Math.Abs(kl) && estimate <= 5000)
                {
                    kl = NegativeBinomialKLSum(rP, pP, rQ, pQ);
                }
            }

            return Math.Max(kl, 0.0);
        }

        // ---- samplers --------------------------------------------------------------------------------------------

        /// <summary>
        /// A Binomial(n, p) variate. Exact algorithms: with p' = min(p, 1 − p) (the result reflected for p &gt; ½),
        /// n·p' &lt; 10: inversion by sequential search from 0; otherwise Hörmann's BTRS (transformed rejection with
        /// squeeze, 1993) with the acceptance test on the accurate log-pmf. n ≤ 0 or p ≤ 0 gives 0, p ≥ 1 gives n.
        /// Deterministic given <paramref name="random"/>'s state; ~1.2 uniforms per variate above the switch.
        /// </summary>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="n">The number of trials, n ≥ 0.</param>
        /// <param name="p">The success probability, 0 ≤ p ≤ 1.</param>
        /// <returns>The number of successes, 0 … n.</returns>
        public static long SampleBinomial(Random random, int n, double p)
        {
            ArgumentNullException.ThrowIfNull(random);
            if (n <= 0 || !(p > 0))
            {
                return 0;
            }

            if (!(p < 1))
            {
                return n;
            }

            return p <= 0.5 ? SampleBinomialHalf(random, n, p) : n - SampleBinomialHalf(random, n, 1.0 - p);
        }

        /// <summary>
        /// A Poisson(rate) variate. Exact algorithms: rate &lt; 10: inversion by sequential search from 0; otherwise
        /// Hörmann's PTRS (transformed rejection with squeeze, 1993) with the acceptance test on the accurate log-pmf
        /// (so rates up to 1e15 and beyond are exact, not limited by ln k! cancellation). rate ≤ 0 gives 0; results at
        /// or above 2⁶³ saturate at <see cref="long.MaxValue"/>. Deterministic given <paramref name="random"/>.
        /// </summary>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="rate">The mean λ ≥ 0.</param>
        /// <returns>The count.</returns>
        public static long SamplePoisson(Random random, double rate)
        {
            ArgumentNullException.ThrowIfNull(random);
            if (!(rate > 0))
            {
                return 0;
            }

            if (rate < 10)
            {
                return SamplePoissonInversion(random, rate);
            }

            if (rate >= LongLimit)
            {
                return long.MaxValue;
            }

            return SamplePoissonPtrs(random, rate);
        }

        /// <summary>
        /// A Geometric(p) variate (failures before the first success): ⌊ln U / log1p(−p)⌋ with U uniform in (0, 1]
        /// (inversion, exact up to the resolution 2⁻⁵³ of U). p ≥ 1 gives 0. For tiny p the result can exceed the
        /// range of long (p = 1e−300: typically 1e300): it saturates at <see cref="long.MaxValue"/>.
        /// </summary>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="p">The success probability, 0 &lt; p ≤ 1.</param>
        /// <returns>The number of failures.</returns>
        public static long SampleGeometric(Random random, double p)
        {
            ArgumentNullException.ThrowIfNull(random);
            if (!(p < 1))
            {
                return 0;
            }

            double u = 1.0 - random.NextDouble(); // (0, 1]
            double k = Math.Floor(Math.Log(u) / ScalarMath.Log1p(-p));
            return ToLong(k);
        }

        /// <summary>
        /// A NegativeBinomial(r, p) variate: Poisson(G·(1 − p)/p) with G ~ Gamma(r, 1) (the gamma–Poisson mixture;
        /// ln G from <see cref="ContinuousSampling.LogGamma"/>: Marsaglia–Tsang with the boost G(r) = G(r + 1)·U^{1/r} for
        /// r &lt; 1, computed in logarithms so tiny r does not underflow to a wrong value). p ≥ 1 gives 0; results at or above 2⁶³ saturate at
        /// <see cref="long.MaxValue"/>. Deterministic given <paramref name="random"/>.
        /// </summary>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="r">The number of successes, r &gt; 0 (real).</param>
        /// <param name="p">The success probability, 0 &lt; p ≤ 1.</param>
        /// <returns>The number of failures.</returns>
        public static long SampleNegativeBinomial(Random random, double r, double p)
        {
            ArgumentNullException.ThrowIfNull(random);
            if (!(p < 1) || !(r > 0))
            {
                return 0;
            }

            double logRate = ContinuousSampling.LogGamma(random, r) + Math.Log((1.0 - p) / p);
            if (logRate < -745.0)
            {
                return 0;
            }

            return SamplePoisson(random, Math.Exp(logRate));
        }

        // ---- internals -------------------------------------------------------------------------------------------

        /// <summary>
        /// Loader's binomial log-density with x "successes" out of n, nMinusX = n − x given exactly (x, n real),
        /// q = 1 − p as accurate as the caller has it.
        /// </summary>
        internal static double BinomialRaw(double x, double n, double nLo, double nMinusX, double p)
        {
            double q = 1.0 - p;
            if (!(p > 0))
            {
                return x == 0 ? 0.0 : double.NegativeInfinity;
            }

            if (!(q > 0))
            {
                return nMinusX == 0 ? 0.0 : double.NegativeInfinity;
            }

            if (x == 0)
            {
                return n == 0 ? 0.0 : n * (p < 0.5 ? ScalarMath.Log1p(-p) : Math.Log(q));
            }

            if (nMinusX == 0)
            {
                return n * Math.Log(p);
            }

            // The means np and nq as double-doubles (q = 1 − p exactly as qHi + qLo; products exact by FMA): bd0 near
            // its minimum depends on x − np, and a rounded np would cost |x − np|·ε absolute (1e−11 at n = 1e9).
            double qLo = (1.0 - q) - p;
            double npHi = n * p;
            double npLo = Math.FusedMultiplyAdd(n, p, -npHi) + (nLo * p);
            double nqHi = n * q;
            double nqLo = Math.FusedMultiplyAdd(n, q, -nqHi) + (n * qLo) + (nLo * q);
            double lc = SpecialFunctions.StirlingError(n) - SpecialFunctions.StirlingError(x) - SpecialFunctions.StirlingError(nMinusX)
                - Deviance(x, npHi, npLo) - Deviance(nMinusX, nqHi, nqLo);
            double lf = Log2Pi + Math.Log(x) + Math.Log(nMinusX / n);
            return lc - (0.5 * lf);
        }

        /// <summary>
        /// bd0(x, m) = x·ln(x/m) + m − x with the mean m = mHi + mLo a double-double: Loader's series on the accurate
        /// difference x − m where x and m are close (|v| &lt; ½), else <see cref="SpecialFunctions.Deviance"/> (which is
        /// insensitive to the rounding of m there).
        /// </summary>
        internal static double Deviance(double x, double mHi, double mLo)
        {
            double s = x + mHi;
            double d = (x - mHi) - mLo; // x − mHi is exact where it matters (Sterbenz: x and mHi within a factor 2)
            if (!(Math.Abs(d) < 0.5 * s) || x == 0)
            {
                return SpecialFunctions.Deviance(x, mHi + mLo);
            }

            return SpecialFunctions.DevianceSeries(x, d, s);
        }

        /// <summary>Poisson log-density at a real x ≥ 0 (Loader's form).</summary>
        internal static double PoissonLogPmfCore(double x, double rate)
        {
            if (!(rate > 0))
            {
                return x == 0 ? 0.0 : double.NegativeInfinity;
            }

            if (x == 0)
            {
                return -rate;
            }

            return -SpecialFunctions.StirlingError(x) - SpecialFunctions.Deviance(x, rate) - (0.5 * (Log2Pi + Math.Log(x)));
        }

        /// <summary>NegativeBinomial log-density at a real x ≥ 0.</summary>
        internal static double NegativeBinomialLogPmfCore(double x, double r, double p)
        {
            if (!(p < 1))
            {
                return x == 0 ? 0.0 : double.NegativeInfinity;
            }

            if (x == 0)
            {
                return r * Math.Log(p);
            }

            // n = x + r as a double-double (two-sum), so that np and nq are exact to ~2⁻¹⁰⁶.
            double n = x + r;
            double rr = n - x;
            double nLo = (x - (n - rr)) + (r - rr);
            return BinomialRaw(r, n, nLo, x, p) - ScalarMath.Log1p(x / r);
        }

        // Regimes, internal so that the tests can compare them with each other at and around their switch points.

        /// <summary>Binomial entropy by the lattice sum (p ≤ ½).</summary>
        internal static double BinomialEntropyLattice(int n, double p)
        {
            double mode = Math.Min(Math.Floor((n + 1.0) * p), n);
            return LatticeEntropy(new BinomialDensity(n, p), mode, n);
        }

        /// <summary>Binomial entropy by the trapezoid rule on the continuous extension (p ≤ ½, npq large).</summary>
        internal static double BinomialEntropySmooth(int n, double p)
        {
            double q = 1.0 - p;
            return SmoothEntropy(new BinomialDensity(n, p), n * p, Math.Sqrt(n * p * q), 0.0, n);
        }

        /// <summary>Poisson entropy by the lattice sum.</summary>
        internal static double PoissonEntropyLattice(double rate) =>
            LatticeEntropy(new PoissonDensity(rate), Math.Floor(rate), double.PositiveInfinity);

        /// <summary>Poisson entropy by the asymptotic series (4 correction terms; the next is ≈ −0.343/λ⁵).</summary>
        internal static double PoissonEntropyAsymptotic(double rate)
        {
            double r = 1.0 / rate;
            double correction = r * (1.0 / 12 + (r * (1.0 / 24 + (r * ((19.0 / 360) + (r * (9.0 / 80)))))));
            return (0.5 * (Log2Pi + 1.0 + Math.Log(rate))) - correction;
        }

        /// <summary>Poisson entropy by the trapezoid rule on the continuous extension (large rates; a cross-check).</summary>
        internal static double PoissonEntropySmooth(double rate) =>
            SmoothEntropy(new PoissonDensity(rate), rate, Math.Sqrt(rate), 0.0, double.PositiveInfinity);

        /// <summary>NegativeBinomial entropy by Binet's integral: −r·ln p − (rq/p)·ln q − J.</summary>
        internal static double NegativeBinomialEntropyBinet(double r, double p)
        {
            double q = 1.0 - p;
            double j = BinetIntegral(1.0, r, r, q / p, p);
            double h = (-r * Math.Log(p)) - (r * (q / p) * LogOneMinus(p)) - j;
            return Math.Max(h, 0.0);
        }

        /// <summary>NegativeBinomial entropy by the lattice sum (r ≥ 1: log-concave).</summary>
        internal static double NegativeBinomialEntropyLattice(double r, double p)
        {
            double q = 1.0 - p;
            double mode = r > 1 ? Math.Floor((r - 1.0) * q / p) : 0.0;
            return LatticeEntropy(new NegativeBinomialDensity(r, p), mode, double.PositiveInfinity);
        }

        /// <summary>NegativeBinomial entropy by the trapezoid rule on the continuous extension (r·q ≥ 100).</summary>
        internal static double NegativeBinomialEntropySmooth(double r, double p)
        {
            double q = 1.0 - p;
            return SmoothEntropy(new NegativeBinomialDensity(r, p), r * q / p, Math.Sqrt(r * q) / p, 0.0, double.PositiveInfinity);
        }

        /// <summary>NegativeBinomial KL (rP ≠ rQ, pP, pQ &lt; 1) by Binet's integral averaged under P.</summary>
        internal static double NegativeBinomialKLBinet(double rP, double pP, double rQ, double pQ) =>
            NegativeBinomialKLBinet(rP, pP, rQ, pQ, out _);

        /// <summary>As above; <paramref name="magnitude"/> is the sum of the absolute values of the terms combined.</summary>
        private static double NegativeBinomialKLBinet(double rP, double pP, double rQ, double pQ, out double magnitude)
        {
            double qP = 1.0 - pP;
            double meanP = rP * qP / pP;
            double j = BinetIntegral(rQ, rP, rP, qP / pP, pP);
            // rP·ln pP − rQ·ln pQ = (rP − rQ)·ln pP + rQ·ln(pP/pQ): the part that J cancels is (rP − rQ)·ln pP alone.
            double a = (rP - rQ) * Math.Log(pP);
            double b = rQ * ScalarMath.LogRatio(pP, pQ);
            double c = meanP * (LogOneMinus(pP) - LogOneMinus(pQ));
            magnitude = Math.Abs(a) + Math.Abs(b) + Math.Abs(c) + Math.Abs(j);
            return (a + b) + c + j;
        }

        /// <summary>ln(1 − p) for 0 ≤ p ≤ 1: log1p(−p) (1 − p is exact for p ≥ ½, where log(1 − p) is as good).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double LogOneMinus(double p) => p < 0.5 ? ScalarMath.Log1p(-p) : Math.Log(1.0 - p);

        private static long ToLong(double k) => k < LongLimit ? (long)k : long.MaxValue;

        /// <summary>A log-density on the (real) support, for the entropy sums.</summary>
        private interface ILogDensity
        {
            double LogPmf(double x);

            /// <summary>P(k + 1)/P(k) for integer k on the support.</summary>
            double Ratio(double k);
        }

        private readonly struct BinomialDensity(double n, double p) : ILogDensity
        {
            public double LogPmf(double x) => x < 0 || x > n ? double.NegativeInfinity : BinomialRaw(x, n, 0.0, n - x, p);

            public double Ratio(double k) => (n - k) * p / ((k + 1) * (1.0 - p));
        }

        private readonly struct PoissonDensity(double rate) : ILogDensity
        {
            public double LogPmf(double x) => x < 0 ? double.NegativeInfinity : PoissonLogPmfCore(x, rate);

            public double Ratio(double k) => rate / (k + 1);
        }

        private readonly struct NegativeBinomialDensity(double r, double p) : ILogDensity
        {
            public double LogPmf(double x) => x < 0 ? double.NegativeInfinity : NegativeBinomialLogPmfCore(x, r, p);

            public double Ratio(double k) => (k + r) * (1.0 - p) / (k + 1);
        }

        /// <summary>−P·ln P with 0·ln 0 = 0.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double EntropyTerm(double logP, out double prob)
        {
            prob = Math.Exp(logP);
            return prob > 0 ? -prob * logP : 0.0;
        }

        /// <summary>
        /// −Σ P(k)·ln P(k) over the integers of [0, hi], from <paramref name="mode"/> outward. A log-concave pmf's term
        /// ratio ρ falls as k leaves the mode, so the rest of a side is below term·ρ/(1 − ρ); a side stops when that is
        /// below 2⁻⁶⁴ of the sum (or the pmf underflows, or the support ends).
        /// </summary>
        private static double LatticeEntropy<T>(in T f, double mode, double hi)
            where T : struct, ILogDensity
        {
            var sum = default(CompensatedSum);
            double modeTerm = EntropyTerm(f.LogPmf(mode), out double modeProb);
            sum.Add(modeTerm);
            double prevTerm = modeTerm, prevProb = modeProb;
            for (double k = mode + 1; k <= hi; k++)
            {
                // From a mode at 0 (tiny means), P(k) by the ratio recurrence: exp(ln P) would carry |ln P|·ε relative
                // error (1.5e−13 at ln P = −690), and there the entropy is dominated by exactly such improbable terms.
                double lp = f.LogPmf(k);
                double prob = mode == 0 ? prevProb * f.Ratio(k - 1) : Math.Exp(lp);
                double term = prob > 0 ? -prob * lp : 0.0;
                sum.Add(term);
                if (prob == 0 || Finished(term, prevTerm, prob, prevProb, sum.Value))
                {
                    break;
                }

                prevTerm = term;
                prevProb = prob;
            }

            prevTerm = modeTerm;
            prevProb = modeProb;
            for (double k = mode - 1; k >= 0; k--)
            {
                double term = EntropyTerm(f.LogPmf(k), out double prob);
                sum.Add(term);
                if (prob == 0 || Finished(term, prevTerm, prob, prevProb, sum.Value))
                {
                    break;
                }

                prevTerm = term;
                prevProb = prob;
            }

            return sum.Value;
        }

        private static bool Finished(double term, double prevTerm, double prob, double prevProb, double sum)
        {
            double ratio = prob / prevProb;
            if (prevTerm > 0)
            {
                ratio = Math.Max(ratio, term / prevTerm);
            }

            return ratio < 1 && term * ratio <= Negligible * sum * (1 - ratio);
        }

        /// <summary>
        /// −∫ P(x)·ln P(x) dx over the continuous extension, by the trapezoid rule with step h ∈ (σ/8, σ/4] from the
        /// mean outward (equal to the lattice sum to ~exp(−2π²·16) relative for the Gaussian-shaped laws it is used for).
        /// </summary>
        private static double SmoothEntropy<T>(in T f, double mean, double sigma, double lo, double hi)
            where T : struct, ILogDensity
        {
            // Nodes m + j·h with m an integer and h a power of two in (σ/8, σ/4]: every node is exact (for m below
            // 2⁹⁸), so the rule's equal weights are exact too (rounded nodes cost ~1e−15 relative at σ ~ 100).
            double h = Math.ScaleB(1.0, Math.ILogB(0.25 * sigma));
            mean = Math.Round(mean);
            double center = EntropyTerm(f.LogPmf(mean), out _);
            var sum = default(CompensatedSum);
            sum.Add(center);
            double prev = center;
            for (int j = 1; j < 4000; j++)
            {
                double x = mean + (j * h);
                if (!(x < hi))
                {
                    break;
                }

                double term = EntropyTerm(f.LogPmf(x), out _);
                sum.Add(term);
                if (term < prev && term <= Negligible * sum.Value)
                {
                    break;
                }

                prev = term;
            }

            prev = center;
            for (int j = 1; j < 4000; j++)
            {
                double x = mean - (j * h);
                if (!(x > lo))
                {
                    break;
                }

                double term = EntropyTerm(f.LogPmf(x), out _);
                sum.Add(term);
                if (term < prev && term <= Negligible * sum.Value)
                {
                    break;
                }

                prev = term;
            }

            return h * sum.Value;
        }

        /// <summary>
        /// ∫₀^∞ e^{−a·t}·(1 − e^{−b·t})/(1 − e^{−t})·(1 − M(t)) dt/t with M(t) = (1 + c·(1 − e^{−t}))^{−r} (the
        /// NegativeBinomial(r, p) generating function at e^{−t}, c = q/p), by the trapezoid rule in s = ln t, step ⅙.
        /// The integrand has the sign of b throughout, is analytic for |Im s| &lt; π/2 (poles of 1/(1 − e^{−t}) at ±2πi;
        /// M's branch points at t = ln q + 2πim lie just outside), decays like t at 0 and like e^{−min(a, a + b)·t} at ∞.
        /// </summary>
        private static double BinetIntegral(double a, double aPlusB, double r, double c, double p)
        {
            const double h = 1.0 / 6.0;
            double b = aPlusB - a;
            double rateAtInfinity = Math.Min(a, aPlusB);
            double small = 1e-3 * Math.Min(Math.Min(1.0, p / Math.Max(r, 1.0)), 1.0 / (Math.Abs(b) + a + 1.0));
            var sum = default(CompensatedSum);
            sum.Add(BinetIntegrand(1.0, a, aPlusB, b, r, c));
            for (int j = 1; j < 20000; j++)
            {
                double t = Math.Exp(j * h);
                double term = BinetIntegrand(t, a, aPlusB, b, r, c);
                sum.Add(term);
                if ((t * rateAtInfinity > 1 && Math.Abs(term) <= Negligible * Math.Abs(sum.Value)) || double.IsPositiveInfinity(t))
                {
                    break;
                }
            }

            // Below `small` the integrand is linear in t to within 1e−3·t/small, so the rest of the lower tail is the
            // geometric series term·e^{−h}/(1 − e^{−h}); it is added when the terms are negligible or t is 1e−12·small.
            const double geometricTail = 5.5138824630974606; // e^{−h}/(1 − e^{−h}), h = 1/6
            double last = 0;
            for (int j = 1; j < 20000; j++)
            {
                double t = Math.Exp(-j * h);
                if (t == 0)
                {
                    break;
                }

                last = BinetIntegrand(t, a, aPlusB, b, r, c);
                sum.Add(last);
                if (t < small && (Math.Abs(last) <= Negligible * Math.Abs(sum.Value) || t < 1e-12 * small))
                {
                    break;
                }
            }

            sum.Add(last * geometricTail);

            return h * sum.Value;
        }

        private static double BinetIntegrand(double t, double a, double aPlusB, double b, double r, double c)
        {
            double em1 = ScalarMath.Expm1(-t); // e^{−t} − 1 ∈ [−1, 0)

            // e^{−a·t}·(1 − e^{−b·t})/(1 − e^{−t}): with expm1 where b·t is small (no cancellation), else as a difference
            // of e^{−(a + b)·t} and e^{−a·t}, both decaying (no overflow of e^{|b|·t} when b < 0; a + b passed exactly).
            double bt = b * t;
            double weight = Math.Abs(bt) < 0.5
                ? Math.Exp(-a * t) * (ScalarMath.Expm1(-bt) / em1)
                : (Math.Exp(-aPlusB * t) - Math.Exp(-a * t)) / em1;
            double oneMinusM = -ScalarMath.Expm1(-r * ScalarMath.Log1p(-c * em1));
            return weight * oneMinusM;
        }

        /// <summary>Σ_k P(k)·(ln P(k) − ln Q(k)) for NegativeBinomials with pP, pQ &lt; 1, until P's remaining mass is below 2⁻⁶⁰.</summary>
        internal static double NegativeBinomialKLSum(double rP, double pP, double rQ, double pQ)
        {
            const double massTolerance = 8.673617379884035E-19; // 2⁻⁶⁰
            double qP = 1.0 - pP;
            double mode = rP > 1 ? Math.Floor((rP - 1.0) * qP / pP) : 0.0;
            double sum = 0.0, compensation = 0.0;
            double prevProb = 0.0;
            for (double k = 0; k < 2e5; k++)
            {
                double lp = NegativeBinomialLogPmfCore(k, rP, pP);
                double lq = NegativeBinomialLogPmfCore(k, rQ, pQ);
                double prob = Math.Exp(lp);
                double term = prob > 0 ? prob * (lp - lq) : 0.0;
                double t = sum + term;
                compensation += Math.Abs(sum) >= Math.Abs(term) ? (sum - t) + term : (term - t) + sum;
                sum = t;
                if (k > mode && prevProb > 0)
                {
                    double ratio = prob / prevProb;
                    if (rP < 1)
                    {
                        ratio = Math.Max(ratio, qP);
                    }

                    if (prob == 0 || (ratio < 1 && prob * ratio <= massTolerance * (1 - ratio)
                        && Math.Abs(term) * ratio <= Negligible * Math.Abs(sum) * (1 - ratio)))
                    {
                        break;
                    }
                }

                prevProb = prob;
            }

            return sum + compensation;
        }

        private static long SampleBinomialHalf(Random random, int n, double p)
        {
            double q = 1.0 - p;
            if (n * p < 10)
            {
                // Inversion: P(0) = q^n ≥ e^{−14}; sequential search with the pmf recurrence.
                double ratio = p / q;
                double prob = Math.Exp(n * ScalarMath.Log1p(-p));
                double u = random.NextDouble();
                double cdf = prob;
                long k = 0;
                while (u > cdf && k < n)
                {
                    prob *= ratio * (n - k) / (k + 1);
                    k++;
                    cdf += prob;
                    if (prob == 0)
                    {
                        break;
                    }
                }

                return k;
            }

            // BTRS (Hörmann 1993), np ≥ 10, p ≤ ½.
            double spq = Math.Sqrt(n * p * q);
            double b = 1.15 + (2.53 * spq);
            double a = -0.0873 + (0.0248 * b) + (0.01 * p);
            double c = (n * p) + 0.5;
            double vr = 0.92 - (4.2 / b);
            double alpha = (2.83 + (5.1 / b)) * spq;
            int m = (int)Math.Floor((n + 1.0) * p);
            double logPmfMode = BinomialLogPmf(m, n, p);
            while (true)
            {
                double u = random.NextDouble() - 0.5;
                double v = random.NextDouble();
                double us = 0.5 - Math.Abs(u);
                double kd = Math.Floor((((2 * a / us) + b) * u) + c);
                if (!(kd >= 0 && kd <= n))
                {
                    continue;
                }

                if (us >= 0.07 && v <= vr)
                {
                    return (long)kd;
                }

                int k = (int)kd;
                if (Math.Log(v * alpha / ((a / (us * us)) + b)) <= BinomialLogPmf(k, n, p) - logPmfMode)
                {
                    return k;
                }
            }
        }

        private static long SamplePoissonInversion(Random random, double rate)
        {
            double prob = Math.Exp(-rate);
            double cdf = prob;
            double u = random.NextDouble();
            long k = 0;
            while (u > cdf)
            {
                k++;
                prob *= rate / k;
                cdf += prob;
                if (prob == 0)
                {
                    break;
                }
            }

            return k;
        }

        private static long SamplePoissonPtrs(Random random, double rate)
        {
            // PTRS (Hörmann 1993), rate ≥ 10.
            double slam = Math.Sqrt(rate);
            double b = 0.931 + (2.53 * slam);
            double a = -0.059 + (0.02483 * b);
            double logInvAlpha = Math.Log(1.1239 + (1.1328 / (b - 3.4)));
            double vr = 0.9277 - (3.6224 / (b - 2));
            while (true)
            {
                double u = random.NextDouble() - 0.5;
                double v = random.NextDouble();
                double us = 0.5 - Math.Abs(u);
                double kd = Math.Floor((((2 * a / us) + b) * u) + rate + 0.43);
                if (us >= 0.07 && v <= vr && kd >= 0)
                {
                    return ToLong(kd);
                }

                if (!(kd >= 0) || (us < 0.013 && v > us))
                {
                    continue;
                }

                if (Math.Log(v) + logInvAlpha - Math.Log((a / (us * us)) + b) <= PoissonLogPmfCore(kd, rate))
                {
                    return ToLong(kd);
                }
            }
        }
    }
}
