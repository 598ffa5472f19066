// Properties of the divergence toolkit (issue 17) on Binomial(n) types, sampled with CsCheck (a failure is shrunk and printed with
// its seed): Bin1, Bin10, Bin10Looped, Bin20, Bin20Class, Bin1000 (table-backed log-pmf), Bin10000 (saddle-point log-pmf; JS and TV
// over a window) and Bin20F (float); n = 0 (Bin0), n = 1e9 and the argument checks apart. Iterations: Gens.Iterations = 2,000 per
// property for n ≤ 20, 200 at n = 1000, 20 at n = 10,000 (a JS or TV call there evaluates up to n + 1 saddle-point log-pmfs per law):
// the file runs in 5–8 s on 2 cores (AMD EPYC, AVX-512), the n = 1e9 window included. Every bounded check prints its measured worst
// case to the test output, |Δ|/bound or, for an inequality, (lhs − rhs)/slack (≤ 0: the exact inequality held), with the input where
// it occurred. The worst cases quoted below are the largest over every type and six runs, three at the default vector width and three
// with DOTNET_EnableHWIntrinsic=0 (the Binomial toolkit members are scalar code; both give the same values), as "double / float".
//
// Inputs (p, q, converted to T): 4 in 9 independent — uniform; the specials 0, 1, ½, 0.3, 1e-300, 1e-12, 1 − 1e-12, the smallest
// double, float's smallest subnormal, 1e-40, 1e-30, float's largest value below 1 (in float 1e-300 and 5e-324 round to 0 and
// 1 − 1e-12 to 1); log-uniform down to 1e-300; 1 minus log-uniform down to 1e-16 —, 3 in 9 near-equal (q = p·(1 ± 1e-9),
// 1 − q = (1 − p)·(1 ± 1e-9), or the neighbouring value of T, either way round; in float a 1e-9 gap becomes the neighbouring float),
// 1 in 9 identical, 1 in 9 two specials.
//
// Notation: ε_d = 2⁻⁵², ε_T the machine epsilon of T (2⁻⁵² or 2⁻²³); P(k), Q(k) the double pmfs the members sum, exp of the double
// log-pmf (Bin20F's are Bin20's at the widened parameters); 𝒫, 𝒬 the exact binomial probabilities; "per trial" the value of one
// Bernoulli trial, which Bin1 returns as is (the closed forms are n·perTrial and Bin1's is 1·perTrial). The pmfs' rounding:
// |P(k) − 𝒫(k)| ≤ a_k = δ_k·P(k) (plus the smallest subnormal where P(k) is subnormal or 0 by underflow; a_k = 0 for an exact 0, p ∈
// {0, 1} off the point mass). log P(k) = T_k + k·ln p + (n − k)·log1p(−p), the compile-time table T_k within 2 ulps
// (SpecialFunctions.LogBinomialCoefficient's measured bound), ln p 1 ulp, log1p 6ε_d (Goldberg's formula), ½ulp per product and sum:
// |Δ log P(k)| ≤ ε_d·(3|T_k| + 2.5k·|ln p| + 7.5(n − k)·|log1p(−p)|); without the table (n > 1024) the saddle-point log-pmf's measured
// 5e-16 relative (DiscreteMath.BinomialLogPmf) is taken as 4ε_d·(|log P(k)| + 1). Then δ_k = |Δ|·(1 + |Δ|) + ε_d for exp.
//
// 1. RangesAndInfinities: every instance member (Rényi at α ∈ {0, 0.1, 0.5, 0.9, 0.999, 1, 1.001, 2, 5, 50, ∞}, PSI at
//    ε ∈ {0, 1e-6, 1e-4, ½, 1}) ≥ 0 and not NaN; JS ≤ ln 2 (rounded to T), H ≤ 1, TV ≤ 1, and these three finite. With the supports
//    {0} (p = 0), {n} (p = 1) and {0 … n} (else): Jeffreys +∞ iff the supports differ (exactly one of p, q is 0, or exactly one is 1);
//    Bhattacharyya +∞ iff they are disjoint ({p, q} = {0, 1}); Rényi +∞ iff Q misses an outcome of P (α ≥ 1) or the supports are
//    disjoint (α < 1); PSI(0) is Jeffreys bit for bit; PSI(ε > 0, T.Epsilon included) finite and ≥ 0, and Jeffreys bit for bit
//    wherever Jeffreys is finite (the generated code returns n·perTrial then). Disjoint supports: H = 1 and TV = 1 exactly (every pmf
//    is 0 or 1 and every operation exact), JS = ln 2 to ((n + 12)ε_d + 12ε_T) relative (two bins of bd0(2, 1) + bd0(0, 1) = 2·ln 2,
//    ToolkitPropertyTests' bound). Worst 0 / 0.002.
// 2. Symmetric: JS, H, TV, Bhattacharyya, Jeffreys and PSI(1e-4) of (P, Q) and of (Q, P) bit for bit: JS and TV sum per-bin
//    expressions symmetric in p and q (d changes sign exactly, s = p + q commutes) in the same order; H and D_B are symmetric per
//    outcome (√p·√q commutes); Jeffreys and PSI too since their per-outcome terms are grouped (Findings).
// 3. IdenticalArgumentsGiveZero: P.X(P) and P.X(copy of P) are the bits of +0 for every measure, Rényi at α ∈ {0, ½, 1, 2, 50, ∞} and
//    PSI at ε ∈ {0, 1e-4}: every difference and log-ratio is exactly 0.
// 4. RenyiOrders. slack(α) = n·[10ε_d·(r_α + FarMagnitude + [α = 0]) + FarSensitivity] + (ε_d + ε_T)·D_α, r_α the per-trial value:
//    ToolkitReferenceTests' bound for Bernoulli Rényi ((8 + K)·ε_d with K = 2, relative to the value plus the size of the terms the
//    runtime takes whole, plus ε_d-absolute at α = 0), plus ToolkitPropertyTests' allowance for those terms' exponents
//    (8ε_d·Σ w·|z|/(|α − 1|·Σ w), z = (α − 1)·ln(p/q), w = p·e^z: at α = 0, p = 1e-300 against q = 0.6, e^z = q/p carries |z|·ε_d ≈
//    690ε_d), then the roundings of n·r and to T.
//    * nondecreasing: D_αᵢ ≤ D_αᵢ₊₁ + slack(αᵢ) + slack(αᵢ₊₁) (+∞ only followed by +∞). Worst 0.10 / 0.
//    * D_1 = KL, the type's KLDivergence (n·[bd0(p, q) + bd0(1 − p, 1 − q)], 16ε_d per trial as ToolkitReferenceTests' Bernoulli
//      terms): slack(1) + (16ε_d + ε_T)·KL. Worst 0.31 / 0.
//    * D_½ = 2·D_B: slack(½) + 2·(16ε_d + ε_T)·D_B. Worst 0.16 / 0.44 (it failed, up to 1.35× the bound, before the Rényi
//      finding below was fixed).
//    * D_0 = −n·ln Q₁(p > 0) (−n·log1p(−q) for p = 0, −n·ln q for p = 1, else 0): slack(0) + 2ε_d·D_0. Worst 0.06 / 0.48.
//    * D_∞ = n·ln max p/q over one trial's outcomes with p > 0 (log1p of the exact difference where the two are within a factor 2,
//      else a careful log ratio): slack(∞). Worst 0.13 / 0.50.
// 5. Inequalities, on the instances. E_TV = ½Σ(a_P + a_Q) over the bins TV sums + (bins + 2)·ε_d·TV + 2e-26 (the mass outside the
//    window, Bernstein, as the generated comment says; n > 4096 only) + ε_T·TV bounds |TV − TV(𝒫, 𝒬)|: absolute, ~ε_d, because the
//    instance sums rounded pmfs. E_KL = (16ε_d + ε_T)·KL. E_H² = (18ε_d + ε_T·(1 + ε_T))·H², the closed form's chain: per trial
//    t² = ½(h₀² + h₁²) to 7ε_d (exact differences, two square roots, a sum, a division, squares), log1p 6ε_d, ×n ½ε_d, expm1 2ε_d (the
//    map t² ↦ 1 − (1 − t²)ⁿ is concave, so its condition is ≤ 1), the square root and squaring back 1.5ε_d, then T's rounding.
//    * Pinsker, TV ≤ √(KL/2) (Tsybakov 2009, Lemma 2.5): slack √((KL + E_KL)/2) − √(KL/2) + E_TV. Worst 0.11 / 0.
//    * H² ≤ TV ≤ √2·H (Le Cam 1986): slacks E_H² + E_TV and √2·(√(H² + E_H²) − H) + E_TV. Worst 0.04 / 0 and 0.11 / 0.
//    * JS ≤ ln 2·TV (Lin 1991): both sum the same computed pmfs, where the inequality holds term by term, so only the two sums'
//      rounding: ((2·bins + 16)·ε_d + 16ε_T)·(JS + ln 2·TV). Worst 0.014 / 0.016.
// 6. ProductIdentities.
//    * The twins, Bin20F, Bin20Class and Bin10Looped against Bin20, Bin20 and Bin10: every member bit for bit the twin's on the
//      widened parameters, rounded to T once. The generated toolkit code is the same text: the float type casts _p to double and the
//      result to float (what holds for float: it is the double computation rounded once), the class replaces ThrowIfDefault by a null
//      check, and UnrollThreshold does not reach the toolkit.
//    * Jeffreys, Bhattacharyya and Rényi (every order) = (T)(n·Bin1's value) bit for bit: the generated code is `n * perTrial`.
//    * Hellinger: H_n² = 1 − (1 − H₁²)ⁿ = −expm1(n·log1p(−H₁²)), H₁ = Bin1's, to (26ε_d + ε_T·(1 + ε_T)) relative: both come from the
//      same t, Bin1's H₁² carrying the round trip −expm1(log1p(−t²)), a square root and the square (9ε_d, through a map of condition
//      ≤ 1), the test's log1p, ×n and expm1 7.5ε_d, H_n's own chain after t 9ε_d. Worst 0.13 / 0.99 (float: H_n's rounding to float,
//      (1 + 2⁻²⁴)² − 1, all but attained).
// 7. Raw forms against the instances.
//    * RawSumsOfThePmfsMatchInstances, every pair. Double and n ≤ 4096: raw JS and TV of [Pmf(0), …, Pmf(n)] against the instances,
//      which sum the same P(k) (Pmf(k) = exp(LogPmfInDouble(k))) but form P(k) − Q(k) from the exact log-ratio where the raw form
//      subtracts the rounded pmfs: TV within ½Σ(a_P + a_Q + ε_d·|P − Q|), JS within 2.02·Σ JsBinChange(x, a_x) (both sides within the
//      pmfs' errors of the exact laws), plus 2(n + 9)·ε_d·value for the two sums. (Bit for bit before the exact differences.)
//      n = 10,000, where the instance sums the window: |Δ| ≤ (n + 1 + bins)·ε_d·value (the two recursive sums of the same terms) + 2e-26
//      (the bins outside); measured 0 (the same bits). Float: the instance is the double kernel on the double pmfs rounded once (item
//      6) and the raw form the same kernel on the pmfs rounded to float, so they differ by the float rounding Δ_k of each pmf, known
//      exactly: TV ½Σ(|ΔP| + |ΔQ|) (the triangle inequality); JS ½|Δ|·|ln(2x/s)| + ¼Δ²/x per pmf x (first and second order; the
//      Hessian's cross term is bounded by its diagonal), or the whole ½(x + |Δ|)·(|ln(2x/s)| + 2) where x is a float subnormal; plus
//      2(n + 9)·ε_d·value for the kernels and ε_T·value for the two roundings to float. Worst 1.0 (TV: the triangle inequality is
//      attained where a bin's whole rounding lands in one |P − Q|, e.g. p = 1e-40: P(0) rounds to 1) and 0.99 (JS).
//    * RawFormsOfThePmfsMatchInstancesWithinTheirRounding, n ≤ 20, p and q in [0.02, 0.98] (every pmf a normal number of T; asserted
//      to run on at least half the draws, and it runs on all), u_k, v_k = δ_k + the relative float rounding of the raw input:
//      - H²: e_k = √P·u + √Q·v bounds |Δ(√P − √Q)|, so ½Σ e·(2|√P − √Q| + e); plus the raw kernel's (8 + K)·ε_d + 8ε_T (K = n + 1,
//        ToolkitReferenceTests' bound), doubled for the square, and E_H². Worst 0.07 / 0.44.
//      - D_B: max(E_H², Σ√(PQ)·(u + v)) over the smaller of the two BCs (either branch, −log1p(−H²) or −ln BC), plus
//        2((8 + K)·ε_d + 8ε_T)·D_B (raw) and (16ε_d + ε_T)·D_B (instance). Worst 0.04 / 0.05.
//      - Jeffreys: per bin |P·ℓ + P − Q|·u + |Q·ℓ + Q − P|·v + ½(P + Q)(u + v)², ℓ = ln(P/Q) (first order, and the exact second order
//        ½(P + Q)(u − v)²); raw (8 + K)·ε_d + 8ε_T; instance 16ε_d + ε_T. Worst 0.15 / 0.99.
//      - Rényi at every order: where the runtime takes log1p(S) (it assumes ΣP = 1), Σ[P·u·|α·ℓ·exprel(z) + 1| + v·w + ½α(u + v)²·w]/F,
//        z = (α − 1)ℓ, w = P·e^z, F = Σ w; where it takes ln F (F < 0.6, or a log-sum-exp), Σ w·(α·u + |1 − α|·v)/(|α − 1|·F) plus the
//        same second-order term; α = 1: Σ P·(u·|ℓ + 1| + v) + ½P(u + v)²; α = ∞: max(u + v); times 1.01 for higher orders. Plus the raw
//        runtime's ToolkitReferenceTests bound (K = n + 1) with FarSensitivity, and the instance's slack(α). Worst 0.26 / 0.99.
//      The float worst cases (0.99) are neighbouring floats p, q: each pair of pmfs P(k), Q(k) rounds to float in opposite directions
//      and the first-order bound is all but attained.
// 8. Bin0BinomialToolkit (n = 0: both laws are the point mass at 0): every instance member is +0 bit for bit for any p, q (200
//    draws); the raw forms of [1] and [1] are +0; lengths 0, 2 and 3 refused (ArgumentException naming the span and the length);
//    default instances refused; PSI checks its epsilon and Rényi its alpha (Findings).
// 9. BinomialToolkitValidation (Bin10, Bin20F, Bin1000; the class form's null q), as ToolkitValidationTests: wrong lengths (n, n + 2,
//    0) → ArgumentException with ParamName p or q (p checked first), the message naming the length; NaN, −1e-300 (float: its negative
//    subnormal, −1e-300 being −0, a probability), 1.5 and +∞ at the first, middle and last index and every index class of the vector
//    widths (IndexClasses), in p and in q → ArgumentOutOfRangeException with ParamName p or q, the message naming p[i] or q[i] and the
//    value; Rényi's alpha NaN, −1e-300, −1, −∞ and PSI's epsilon NaN, −1e-300, 1.5, +∞, the next value above 1 →
//    ArgumentOutOfRangeException "alpha" / "epsilon", raw and instance; default(T) as P, as Q, or both → InvalidOperationException
//    naming default(T); Bin20Class with a null q → ArgumentNullException "q".
// 10. Bin1000000000BinomialToolkit: at p = 0.3, q = 0.31, Jeffreys, Bhattacharyya, PSI(0), PSI(1e-4) and Rényi at 0, ½, 1, 2, 50, ∞
//    finite and bit for bit 1e9·Bin1's value (item 6), H by item 6's bound (the 12 calls 10–140 ms, JIT included); one JS call at
//    q = 0.3000003 (a window of ~350k bins: 0.1–1 s here; at q = 0.31 the union of the two windows is ~1e7 bins, ~2 s); and JS, TV, H, KL at p = 1e-6,
//    q = 1.0000003e-6 (~850 bins) under item 5's inequalities (E_TV from |log P(k)| < 80 inside the window).
// 11. BinomialToolkitPinnedCases: Rényi of Bin1 and Bin10 against 50-digit mpmath values at five near pairs, to the purely relative
//    11ε_d of ToolkitReferenceTests' Bernoulli bound (both outcomes near, FarMagnitude = 0; asserted). They failed before the fix (Findings).
//
// Findings, each fixed since (the checks that found them stay):
//  * Jeffreys and PSI are not symmetric to the bit (item 2: every double type, by 1 ulp; float rounds it away). The generated per-trial
//    sum is ((bd0(p₀, q₀) + bd0(q₀, p₀)) + bd0(p₁, q₁)) + bd0(q₁, p₁), and swapping P and Q reassociates it: Bin1 at
//    p = 0.03968030620487917, q = 0.24804845837355427 gives 0.43285639082488836 and 0.4328563908248883; summed per outcome,
//    (a₀ + b₀) + (a₁ + b₁), both are 0.4328563908248883. PSI inherits it (it is that value wherever Jeffreys is finite). Fixed:
//    OutcomeSums groups each outcome's term (Bernoulli's members had the same asymmetry, in JS too).
//  * Bin0's instance RenyiDivergence returns 0 for alpha NaN or negative instead of the ArgumentOutOfRangeException its documentation
//    promises: the n = 0 branch returns before any check (every n ≥ 1 type throws; Bin0's PSI checks epsilon). Fixed: the n = 0
//    branch asks the runtime function on the two point masses, which checks alpha.
//  * Rényi loses relative accuracy where both outcomes are near but |ln(p/q)|·max(1, |α − 1|) ≥ 0.125: the runtime's
//    FiniteDivergences.Convex then takes h = expm1((α − 1)ℓ) + (α − 1)·expm1(−ℓ) (KL: ℓ + expm1(−ℓ)) directly, which cancels by up
//    to 16·max(1, |α − 1|)/α (160× at α = 0.1, 32× at ½, 16× at 1), not "at most ~8". Against mpmath, over 3,000 near Bernoulli
//    pairs: 227ε_d at α = 0.1, 55ε_d at ½, 24ε_d at 0.9, 27ε_d at 0.999, 17ε_d at 1, 12ε_d at 2, 16ε_d at 5, where
//    ToolkitReferenceTests asserts 10ε_d (its cases do not reach this range). Binomial inherits it through n·perTrial (item 11, and
//    item 4's D_½ = 2·D_B when it draws such a pair). Fixed (found in parallel by the reference orders α = 0.001 and 0.1): h is one
//    series with the factor (α − 1)·α pulled out over the whole near region.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;
using CsCheck;
using DivergenceGen.Tests.CountFamilies;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;
using static DivergenceGen.Tests.NumericAssert;
using static DivergenceGen.Tests.Reference;

namespace DivergenceGen.Tests.Divergences
{
    /// <summary>What the Binomial toolkit tests share: inputs, the measured-worst-case table, scalar references.</summary>
    internal static class BinomialToolkit
    {
        /// <summary>The Rényi orders of the sweep (file header).</summary>
        public static readonly double[] Alphas = { 0, 0.1, 0.5, 0.9, 0.999, 1, 1.001, 2, 5, 50, double.PositiveInfinity };

        public static readonly string[] AlphaNames = { "0", "0.1", "0.5", "0.9", "0.999", "1", "1.001", "2", "5", "50", "∞" };

        /// <summary>PSI's ε: 0 (Jeffreys), typical values, ½ and 1 (the largest allowed).</summary>
        public static readonly double[] Epsilons = { 0, 1e-6, 1e-4, 0.5, 1 };

        public static readonly string[] EpsilonNames = { "0", "1e-6", "1e-4", "0.5", "1" };

        /// <summary>
        /// p: 0, 1, ½, tiny, near 1, the smallest double, and float's edge values (the smallest subnormal float, a float subnormal,
        /// the largest float below 1). In float 1e-300 and double.Epsilon round to 0 and 1 − 1e-12 to 1; in double the float values
        /// are ordinary small probabilities.
        /// </summary>
        public static readonly double[] Specials =
        {
            0.0, 1.0, 0.5, 0.3, 1e-300, 1e-12, 1 - 1e-12, double.Epsilon, 1.401298464324817E-45, 1e-40, 1e-30, 0.99999994039535522,
        };

        public static readonly Gen<double> Probability = Gen.Frequency(
            (3, Gen.Double.Unit),
            (3, Gen.OneOf(Specials)),
            (1, Gen.Double[-300, 0].Select(e => Math.Pow(10, e))),
            (1, Gen.Double[-16, 0].Select(e => 1 - Math.Pow(10, e))));

        /// <summary>
        /// (p, q): independent; near-equal (q = p·(1 ± 1e-9), or 1 − q = (1 − p)·(1 ± 1e-9), or the neighbouring value of T,
        /// either way round); identical; both special.
        /// </summary>
        public static Gen<(T P, T Q)> Pairs<T>() where T : IBinaryFloatingPointIeee754<T> => Gen.Frequency(
            (4, Gen.Select(Probability, Probability).Select((p, q) => (To<T>(p), To<T>(q)))),
            (3, Gen.Select(Probability, Gen.Int[0, 11]).Select((p, mode) => NearPair<T>(p, mode))),
            (1, Probability.Select(p => (To<T>(p), To<T>(p)))),
            (1, Gen.Select(Gen.OneOf(Specials), Gen.OneOf(Specials)).Select((p, q) => (To<T>(p), To<T>(q)))));

        /// <summary>Pairs whose pmfs stay normal numbers for n ≤ 20 (p, q ∈ [0.02, 0.98]): independent, near-equal, identical.</summary>
        public static Gen<(T P, T Q)> ModeratePairs<T>() where T : IBinaryFloatingPointIeee754<T> => Gen.Frequency(
            (3, Gen.Select(Gen.Double[0.02, 0.98], Gen.Double[0.02, 0.98]).Select((p, q) => (To<T>(p), To<T>(q)))),
            (2, Gen.Select(Gen.Double[0.02, 0.98], Gen.Int[0, 11]).Select((p, mode) => NearPair<T>(p, mode))),
            (1, Gen.Double[0.02, 0.98].Select(p => (To<T>(p), To<T>(p)))));

        private static (T P, T Q) NearPair<T>(double p, int mode) where T : IBinaryFloatingPointIeee754<T>
        {
            T pt = To<T>(p);
            T qt = (mode % 6) switch
            {
                0 => To<T>(Math.Min(1, p * (1 + 1e-9))),
                1 => To<T>(p * (1 - 1e-9)),
                2 => To<T>(Math.Max(0, 1 - ((1 - p) * (1 + 1e-9)))),
                3 => To<T>(1 - ((1 - p) * (1 - 1e-9))),
                4 => T.Min(T.BitIncrement(pt), T.One),
                _ => T.Max(T.BitDecrement(pt), T.Zero),
            };
            if (qt == pt && pt > T.Zero && pt < T.One)
            {
                qt = T.BitIncrement(pt); // 1e-9 apart is the same float: take the neighbour
            }

            return mode >= 6 ? (qt, pt) : (pt, qt);
        }

        /// <summary>The largest ratio seen per check (|Δ|/bound, or (lhs − rhs)/slack), for the test output. Thread-safe: CsCheck samples in parallel.</summary>
        public sealed class Worst
        {
            private readonly SortedDictionary<string, (double Ratio, Func<string>? Where)> _ratios = new(StringComparer.Ordinal);

            public void Add(string check, double ratio, Func<string>? where = null)
            {
                lock (_ratios)
                {
                    if (!_ratios.TryGetValue(check, out var r) || ratio > r.Ratio)
                    {
                        _ratios[check] = (ratio, where);
                    }
                }
            }

            public void Print(ITestOutputHelper output, string name)
            {
                lock (_ratios)
                {
                    foreach (var (check, (ratio, where)) in _ratios)
                    {
                        output.WriteLine($"{name}: {check}: worst {ratio:G3}" + (where is null || ratio <= 0 ? "" : $" ({where()})"));
                    }
                }
            }
        }

        /// <summary>expm1 by Kahan's formula (u = eˣ; (u − 1)·x/ln u), a few ulps everywhere.</summary>
        public static double Expm1Ref(double x)
        {
            if (double.IsNegativeInfinity(x))
            {
                return -1;
            }

            double u = Math.Exp(x);
            if (u == 1)
            {
                return x;
            }

            double um1 = u - 1;
            return um1 == -1 || double.IsPositiveInfinity(u) ? um1 : um1 * x / Math.Log(u);
        }

        /// <summary>expm1(z)/z (1 at z = 0).</summary>
        public static double Exprel(double z) => z == 0 ? 1 : Expm1Ref(z) / z;

        /// <summary>
        /// The Rényi runtime's sensitivity to the rounding of the exponents it takes whole (file header, as ToolkitPropertyTests'
        /// RenyiSlack): 8ε_d·Σ w·|z| / (|α − 1|·Σ w), z = (α − 1)·ln(p/q), w = p·e^z, over the far terms (|ℓ|·max(1, |α − 1|) ≥ ½; a
        /// near term's log-ratio is relative to its own size), or over every term with |z| + |ln p| where some z &gt; 700 (the
        /// log-sum-exp). 0 at α = 1 and ∞ (there the far terms' p·|ℓ| already carries it) and where the value is +∞.
        /// </summary>
        public static double FarSensitivity(double[] p, double[] q, double alpha)
        {
            if (alpha == 1 || double.IsPositiveInfinity(alpha))
            {
                return 0;
            }

            double a = alpha - 1;
            int n = p.Length;
            var z = new double[n];
            var logW = new double[n];
            double top = double.NegativeInfinity, maxZ = double.NegativeInfinity;
            for (int k = 0; k < n; k++)
            {
                logW[k] = double.NegativeInfinity;
                if (p[k] > 0 && q[k] > 0)
                {
                    z[k] = a * LogRatioRef(p[k], q[k]);
                    logW[k] = Math.Log(p[k]) + z[k];
                    maxZ = Math.Max(maxZ, z[k]);
                    top = Math.Max(top, logW[k]);
                }
                else if (p[k] > 0 && a > 0)
                {
                    return 0; // q = 0 < p, α > 1: +∞
                }
            }

            if (double.IsNegativeInfinity(top))
            {
                return 0;
            }

            bool sumOfExponentials = maxZ > 700;
            double weights = 0, sensitivity = 0;
            for (int k = 0; k < n; k++)
            {
                if (!double.IsNegativeInfinity(logW[k]))
                {
                    double w = Math.Exp(logW[k] - top);
                    weights += w;
                    bool far = Math.Abs(z[k] / a) * Math.Max(1, Math.Abs(a)) >= 0.5;
                    if (sumOfExponentials)
                    {
                        sensitivity += w * (Math.Abs(z[k]) + Math.Abs(Math.Log(p[k])));
                    }
                    else if (far)
                    {
                        sensitivity += w * Math.Abs(z[k]);
                    }
                }
            }

            return 8 * EpsDouble * sensitivity / (weights * Math.Abs(a));
        }

        /// <summary>0 for p = 0 (the point mass at 0), 2 for p = 1 (at n), 1 otherwise (the whole support 0 … n).</summary>
        public static int SupportClass(double p) => p == 0 ? 0 : p == 1 ? 2 : 1;

        public static string Show(double p, double q) => $"p = {R(p)}, q = {R(q)}";

        public static void SameBits(string check, double want, double got, Func<string> what)
        {
            if (BitConverter.DoubleToInt64Bits(want) != BitConverter.DoubleToInt64Bits(got))
            {
                throw new XunitException($"{check}: expected bit for bit {R(want)}, got {R(got)}, {what()}");
            }
        }
    }

    /// <summary>
    /// The properties of the file header on one Binomial(n) type. <typeparamref name="TTwin"/> is the double type of the same n
    /// whose generated toolkit code is the same (Bin20 for Bin20F and Bin20Class, Bin10 for Bin10Looped, else the type itself):
    /// its pmfs are the double values the instance members sum.
    /// </summary>
    public abstract class BinomialToolkitProperties<TDist, T, TTwin>
        where TDist : IBinomialDistribution<TDist, T>, IToolkitSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TTwin : IBinomialDistribution<TTwin, double>, IToolkitSurface<TTwin, double>
    {
        private readonly ITestOutputHelper _output;

        protected BinomialToolkitProperties(ITestOutputHelper output) => _output = output;

        private static int N => TDist.TrialCount;

        private static string Name => typeof(TDist).Name;

        private static double EpsT => Eps<T>();

        private static bool IsSingle => typeof(T) == typeof(float);

        /// <summary>n &gt; 4096: JS and TV sum the window mean ± (12·sd + 40) of both laws, not the whole support.</summary>
        private static bool Windowed => N > 4096;

        /// <summary>n ≤ 1024: log C(n, k) from the compile-time table; above, the runtime's saddle-point log-pmf.</summary>
        private static bool Table => N <= 1024;

        /// <summary>The mass of each law outside its own window is below 2e-26 (Bernstein; the generated comment): JS and TV lose at most that.</summary>
        private const double WindowTail = 2e-26;

        /// <summary>Gens.Iterations for n ≤ 20; a tenth at n = 1000; a hundredth at n = 10,000 (file header: the time budget).</summary>
        private static long Iter => N <= 100 ? Gens.Iterations : N <= 1000 ? Gens.Iterations / 10 : Gens.Iterations / 100;

        private static readonly T[] AlphasT = BinomialToolkit.Alphas.Select(To<T>).ToArray();

        private static readonly T[] EpsilonsT = BinomialToolkit.Epsilons.Select(To<T>).ToArray();

        private static Gen<(T P, T Q)> Pairs => BinomialToolkit.Pairs<T>();

        private static TDist Make(T p) => TDist.TryCreate(p, out TDist? d) ? d! : throw new XunitException($"{Name}.TryCreate({p}) failed");

        private static TTwin Twin(T p) => TTwin.TryCreate(D(p), out TTwin? d) ? d! : throw new XunitException($"{typeof(TTwin).Name}.TryCreate({p}) failed");

        private static Bin1 Trial(T p) => new(D(p));

        private static string At(T p, T q) => BinomialToolkit.Show(D(p), D(q));

        /// <summary>log C(n, k) to a few ulps (only its size enters the pmf error bound), k = 0 … n, for the table types.</summary>
        private static readonly double[] LogChoose = Table ? MakeLogChoose() : Array.Empty<double>();

        private static double[] MakeLogChoose()
        {
            var lc = new double[N + 1];
            for (int k = 1; k <= N; k++)
            {
                lc[k] = lc[k - 1] + Math.Log((double)(N - k + 1) / k);
            }

            return lc;
        }

        // ---- the members, by name -------------------------------------------------------------------------------------

        private static readonly (string Name, Func<TDist, TDist, T> Call)[] Members = new (string, Func<TDist, TDist, T>)[]
            {
                ("JensenShannonDivergence", (a, b) => a.JensenShannonDivergence(b)),
                ("HellingerDistance", (a, b) => a.HellingerDistance(b)),
                ("TotalVariationDistance", (a, b) => a.TotalVariationDistance(b)),
                ("BhattacharyyaDistance", (a, b) => a.BhattacharyyaDistance(b)),
                ("JeffreysDivergence", (a, b) => a.JeffreysDivergence(b)),
            }
            .Concat(AlphasT.Select((alpha, i) => ($"RenyiDivergence(α = {BinomialToolkit.AlphaNames[i]})", (Func<TDist, TDist, T>)((a, b) => a.RenyiDivergence(b, alpha)))))
            .Concat(EpsilonsT.Select((e, i) => ($"PopulationStabilityIndex(ε = {BinomialToolkit.EpsilonNames[i]})", (Func<TDist, TDist, T>)((a, b) => a.PopulationStabilityIndex(b, e)))))
            .ToArray();

        /// <summary>The twin's members in the same order (double).</summary>
        private static readonly Func<TTwin, TTwin, double>[] TwinMembers = new Func<TTwin, TTwin, double>[]
            {
                (a, b) => a.JensenShannonDivergence(b),
                (a, b) => a.HellingerDistance(b),
                (a, b) => a.TotalVariationDistance(b),
                (a, b) => a.BhattacharyyaDistance(b),
                (a, b) => a.JeffreysDivergence(b),
            }
            .Concat(AlphasT.Select(alpha => (Func<TTwin, TTwin, double>)((a, b) => a.RenyiDivergence(b, D(alpha)))))
            .Concat(EpsilonsT.Select(e => (Func<TTwin, TTwin, double>)((a, b) => a.PopulationStabilityIndex(b, D(e)))))
            .ToArray();

        private const int JS = 0, H = 1, TV = 2, DB = 3, J = 4, FirstRenyi = 5;

        private static readonly int FirstPsi = FirstRenyi + BinomialToolkit.Alphas.Length;

        private static int Alpha(string name) => Array.IndexOf(BinomialToolkit.AlphaNames, name);

        private static double[] Values(TDist a, TDist b, bool sumsToo = true) =>
            Members.Select((m, i) => sumsToo || (i != JS && i != TV) ? D(m.Call(a, b)) : 0).ToArray();

        // ---- checks with a recorded worst case --------------------------------------------------------------------------

        private static void Near(BinomialToolkit.Worst worst, string check, double want, double got, double bound, Func<string> what)
        {
            if (!IsWithin(want, got, bound))
            {
                Within(want, got, bound, $"{Name}: {check}, {what()}");
            }

            if (double.IsFinite(want) && double.IsFinite(got) && bound > 0)
            {
                worst.Add(check + " |Δ|/bound", Math.Abs(got - want) / bound, what);
            }
        }

        private static void AtMost(BinomialToolkit.Worst worst, string check, double lhs, double rhs, double slack, Func<string> what)
        {
            if (!(lhs <= rhs + slack))
            {
                throw new XunitException($"{Name}: {check}: {R(lhs)} > {R(rhs)} + slack {R(slack)}, {what()}");
            }

            if (double.IsFinite(lhs) && double.IsFinite(rhs) && slack > 0)
            {
                worst.Add(check + " (lhs − rhs)/slack", (lhs - rhs) / slack, what);
            }
        }

        // ---- the pmfs and their error -----------------------------------------------------------------------------------

        /// <summary>
        /// The double pmfs the instance members sum, P(k) = exp(log P(k)) (the twin's Pmf(k) is exactly Math.Exp of its LogPmf(k)),
        /// with their log-pmfs, for k in [lo, hi] (0 elsewhere).
        /// </summary>
        private static (double[] Pmf, double[] LogPmf) Pmfs(T p, int lo = 0, int hi = -1)
        {
            TTwin t = Twin(p);
            hi = hi < 0 ? N : hi;
            var pmf = new double[N + 1];
            var log = new double[N + 1];
            for (int k = lo; k <= hi; k++)
            {
                log[k] = t.LogPmf(k);
                pmf[k] = Math.Exp(log[k]);
            }

            return (pmf, log);
        }

        /// <summary>
        /// A bound on |P(k) − 𝒫(k)|, P the computed pmf, 𝒫 the binomial probability (file header: "pmf rounding"): δ_k·P(k) plus,
        /// where P(k) is subnormal or underflowed, the smallest subnormal. 0 for an exact 0 (log-pmf −∞: p ∈ {0, 1} off the point mass).
        /// </summary>
        private static double PmfError(int k, double p, double logPmf, double pmf)
        {
            if (double.IsNegativeInfinity(logPmf))
            {
                return 0;
            }

            double delta = PmfRelativeError(k, p, logPmf);
            return (delta * pmf * (1 + delta)) + (pmf < SmallestNormal ? double.Epsilon : 0);
        }

        private const double SmallestNormal = 2.2250738585072014E-308;

        /// <summary>δ_k of the file header: the relative error of exp(log P(k)) from the error of log P(k) plus exp's ulp.</summary>
        private static double PmfRelativeError(int k, double p, double logPmf)
        {
            if (double.IsNegativeInfinity(logPmf))
            {
                return 0;
            }

            double dl;
            if (Table)
            {
                double a = k == 0 ? 0 : k * Math.Abs(Math.Log(p));
                double b = N - k == 0 ? 0 : (N - k) * Math.Abs(Log1p(-p));
                dl = EpsDouble * ((3 * Math.Abs(LogChoose[k])) + (2.5 * a) + (7.5 * b));
            }
            else
            {
                dl = 4 * EpsDouble * (Math.Abs(logPmf) + 1);
            }

            return (dl * (1 + dl)) + EpsDouble;
        }

        /// <summary>The bins JS and TV sum: the whole support, or the generated window (the same arithmetic as the generated code).</summary>
        private static (int Lo, int Hi) Window(double p, double q)
        {
            if (!Windowed)
            {
                return (0, N);
            }

            double n = N;
            double meanP = n * p, sdP = Math.Sqrt(n * p * (1d - p));
            double meanQ = n * q, sdQ = Math.Sqrt(n * q * (1d - q));
            int lo = (int)Math.Max(0d, Math.Floor(Math.Min(meanP - (12d * sdP), meanQ - (12d * sdQ)) - 40d));
            int hi = (int)Math.Min(n, Math.Ceiling(Math.Max(meanP + (12d * sdP), meanQ + (12d * sdQ)) + 40d));
            return (lo, hi);
        }

        /// <summary>
        /// Bound on |TV(instance) − TV(exact laws)|: the pmfs' errors ½Σ(a_P + a_Q), the sum's rounding (terms + 2)·ε_d·TV, the
        /// window's tail, the float result's rounding.
        /// </summary>
        private static double TvError(T p, T q, double tv, double[] pp, double[] pl, double[] qp, double[] ql)
        {
            var (lo, hi) = Window(D(p), D(q));
            double e = 0;
            for (int k = lo; k <= hi; k++)
            {
                e += PmfError(k, D(p), pl[k], pp[k]) + PmfError(k, D(q), ql[k], qp[k]);
            }

            return (0.5 * e) + ((hi - lo + 3) * EpsDouble * tv) + (Windowed ? WindowTail : 0) + (EpsT * tv) + Tiny<T>();
        }

        /// <summary>
        /// The slack of a Rényi instance value D = fl(n·r), r = Bin1's per-trial value: n times [ToolkitReferenceTests' Bernoulli bound
        /// (8 + 2)·ε_d·(r + FarMagnitude + [α = 0]) (relative where both outcomes are near) plus FarSensitivity], plus the rounding of
        /// n·r and of the float result. 0 for +∞ (checked exactly elsewhere).
        /// </summary>
        private static double RenyiSlack(T p, T q, double alpha, double perTrial, double value)
        {
            if (double.IsPositiveInfinity(value))
            {
                return 0;
            }

            double pd = D(p), qd = D(q);
            double[] pv = { 1 - pd, pd }, qv = { 1 - qd, qd };
            double far = ToolkitReferenceTests.FarMagnitude(pv, qv, alpha);
            double perTrialSlack = (10 * EpsDouble * (perTrial + far + (alpha == 0 ? 1 : 0))) + BinomialToolkit.FarSensitivity(pv, qv, alpha);
            return (N * perTrialSlack) + ((EpsDouble + EpsT) * value) + Tiny<T>();
        }

        // ---- 1. ranges and infinities ----------------------------------------------------------------------------------

        [Fact]
        public void RangesAndInfinities()
        {
            var worst = new BinomialToolkit.Worst();
            double ln2T = D(To<T>(Ln2));
            T[] moreEpsilons = EpsilonsT.Append(T.Epsilon).ToArray();
            Pairs.Sample((p, q) =>
            {
                TDist dp = Make(p), dq = Make(q);
                double[] v = Values(dp, dq);
                for (int m = 0; m < v.Length; m++)
                {
                    if (double.IsNaN(v[m]) || !(v[m] >= 0))
                    {
                        throw new XunitException($"{Name}.{Members[m].Name} = {R(v[m])} (NaN or negative), {At(p, q)}");
                    }
                }

                Finite(v[JS], $"{Name}.JensenShannonDivergence, {At(p, q)}");
                Finite(v[H], $"{Name}.HellingerDistance, {At(p, q)}");
                Finite(v[TV], $"{Name}.TotalVariationDistance, {At(p, q)}");
                Assert.True(v[JS] <= ln2T && v[H] <= 1 && v[TV] <= 1, $"{Name}: JS = {R(v[JS])} > ln 2, H = {R(v[H])} > 1 or TV = {R(v[TV])} > 1, {At(p, q)}");

                int cp = BinomialToolkit.SupportClass(D(p)), cq = BinomialToolkit.SupportClass(D(q));
                bool differ = cp != cq, disjoint = cp != 1 && cq != 1 && cp != cq;
                bool qMissesP = (cq == 0 && cp != 0) || (cq == 2 && cp != 2);
                void InfiniteIff(int m, bool infinite, string why)
                {
                    if (double.IsPositiveInfinity(v[m]) != infinite)
                    {
                        throw new XunitException($"{Name}.{Members[m].Name} = {R(v[m])}, expected {(infinite ? "" : "not ")}+∞ ({why}), {At(p, q)}");
                    }
                }

                InfiniteIff(J, differ, "the supports differ");
                InfiniteIff(DB, disjoint, "disjoint supports");
                for (int i = 0; i < AlphasT.Length; i++)
                {
                    bool atLeastOne = AlphasT[i] >= T.One;
                    InfiniteIff(FirstRenyi + i, atLeastOne ? qMissesP : disjoint, atLeastOne ? "Q misses an outcome of P, α ≥ 1" : "disjoint supports, α < 1");
                }

                // PSI: ε = 0 is Jeffreys bit for bit; ε > 0 finite; and Jeffreys bit for bit wherever Jeffreys is finite.
                BinomialToolkit.SameBits($"{Name}: PSI(ε = 0) = Jeffreys", v[J], v[FirstPsi], () => At(p, q));
                foreach (T e in moreEpsilons.Where(e => e > T.Zero))
                {
                    double psi = D(dp.PopulationStabilityIndex(dq, e));
                    Finite(psi, $"{Name}.PopulationStabilityIndex(ε = {e}), {At(p, q)}");
                    Assert.True(psi >= 0, $"{Name}.PopulationStabilityIndex(ε = {e}) = {R(psi)} < 0, {At(p, q)}");
                    if (double.IsFinite(v[J]))
                    {
                        BinomialToolkit.SameBits($"{Name}: PSI(ε = {e}) = Jeffreys where Jeffreys is finite", v[J], psi, () => At(p, q));
                    }
                }

                if (disjoint)
                {
                    // Point masses at 0 and at n: every pmf is exactly 0 or 1, so H and TV are exact; JS adds two bins of 2·ln 2.
                    Assert.True(v[H] == 1 && v[TV] == 1, $"{Name}: disjoint supports give H = {R(v[H])}, TV = {R(v[TV])}, expected exactly 1, {At(p, q)}");
                    Near(worst, "disjoint: JS = ln 2", Ln2, v[JS], (((N + 12) * EpsDouble) + (12 * EpsT)) * Ln2, () => At(p, q));
                }
            }, iter: Iter);
            worst.Print(_output, Name);
        }

        // ---- 2. symmetry -------------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("JensenShannonDivergence")]
        [InlineData("HellingerDistance")]
        [InlineData("TotalVariationDistance")]
        [InlineData("BhattacharyyaDistance")]
        [InlineData("JeffreysDivergence")]
        [InlineData("PopulationStabilityIndex(ε = 1e-4)")]
        public void Symmetric(string member)
        {
            Func<TDist, TDist, T> call = Members.Single(m => m.Name == member).Call;
            Pairs.Sample((p, q) =>
            {
                TDist dp = Make(p), dq = Make(q);
                BinomialToolkit.SameBits($"{Name}.{member}(P, Q) = {member}(Q, P)", D(call(dp, dq)), D(call(dq, dp)), () => At(p, q));
            }, iter: Iter);
        }

        // ---- 3. identical arguments --------------------------------------------------------------------------------------

        [Fact]
        public void IdenticalArgumentsGiveZero()
        {
            string[] orders = { "(α = 0)", "(α = 0.5)", "(α = 1)", "(α = 2)", "(α = 50)", "(α = ∞)", "(ε = 0)", "(ε = 1e-4)" };
            var members = Members.Where((m, i) => i < FirstRenyi || orders.Any(m.Name.EndsWith)).ToArray();
            Assert.Equal(5 + orders.Length, members.Length);
            BinomialToolkit.Probability.Select(To<T>).Sample(p =>
            {
                TDist d = Make(p), copy = Make(p);
                foreach (var (member, call) in members)
                {
                    BinomialToolkit.SameBits($"{Name}: P.{member}(P)", 0.0, D(call(d, d)), () => $"p = {R(D(p))}");
                    BinomialToolkit.SameBits($"{Name}: P.{member}(copy of P)", 0.0, D(call(d, copy)), () => $"p = {R(D(p))}");
                }
            }, iter: Iter);
        }

        // ---- 4. Rényi over the orders ------------------------------------------------------------------------------------

        [Fact]
        public void RenyiOrders()
        {
            var worst = new BinomialToolkit.Worst();
            int half = Alpha("0.5"), one = Alpha("1"), zero = Alpha("0"), infinity = Alpha("∞");
            Pairs.Sample((p, q) =>
            {
                TDist dp = Make(p), dq = Make(q);
                Bin1 tp = Trial(p), tq = Trial(q);
                double[] values = AlphasT.Select(a => D(dp.RenyiDivergence(dq, a))).ToArray();
                double[] perTrial = AlphasT.Select(a => tp.RenyiDivergence(tq, D(a))).ToArray();
                double[] slack = AlphasT.Select((a, i) => RenyiSlack(p, q, D(a), perTrial[i], values[i])).ToArray();
                string Shown() => $"D = [{string.Join(", ", values.Select(R))}], {At(p, q)}";

                for (int i = 0; i + 1 < AlphasT.Length; i++)
                {
                    string check = $"D_{BinomialToolkit.AlphaNames[i]} ≤ D_{BinomialToolkit.AlphaNames[i + 1]}";
                    if (double.IsPositiveInfinity(values[i]))
                    {
                        Assert.True(double.IsPositiveInfinity(values[i + 1]), $"{Name}: {check}: +∞ then {R(values[i + 1])}, {At(p, q)}");
                        continue;
                    }

                    AtMost(worst, check, values[i], values[i + 1], slack[i] + slack[i + 1], Shown);
                }

                // α = 1 is the type's KL (n·[bd0(p, q) + bd0(1 − p, 1 − q)], 16ε_d per trial as the Bernoulli toolkit's terms).
                double kl = D(dp.KLDivergence(dq));
                Near(worst, "D_1 = KL", kl, values[one], slack[one] + (((16 * EpsDouble) + EpsT) * kl) + Tiny<T>(), () => At(p, q));

                // α = ½ is 2·D_B (D_B = n·per-trial, 16ε_d per trial).
                double db = D(dp.BhattacharyyaDistance(dq));
                Near(worst, "D_½ = 2·D_B", 2 * db, values[half], slack[half] + (2 * ((16 * EpsDouble) + EpsT) * db) + Tiny<T>(), () => $"D_B = {R(db)}, {At(p, q)}");

                // α = 0 is −n·ln Q₁(p > 0): −n·log1p(−q) for p = 0, −n·ln q for p = 1, 0 for 0 < p < 1.
                double pd = D(p), qd = D(q);
                double want0 = pd == 0 ? -N * Log1p(-qd) : pd == 1 ? -N * Math.Log(qd) : 0;
                Near(worst, "D_0 = −n·ln Q₁(p > 0)", Math.Max(want0, 0), values[zero], slack[zero] + (2 * EpsDouble * want0), () => At(p, q));

                // α = ∞ is n·ln max p/q over the outcomes of one trial with p > 0 (each log-ratio from its exact difference).
                double wantInf = double.NegativeInfinity;
                if (pd < 1)
                {
                    wantInf = qd == 1 ? double.PositiveInfinity : Math.Abs(qd - pd) <= 0.5 * (1 - qd) ? Log1p((qd - pd) / (1 - qd)) : LogRatioRef(1 - pd, 1 - qd);
                }

                if (pd > 0)
                {
                    wantInf = Math.Max(wantInf, qd == 0 ? double.PositiveInfinity : Math.Abs(pd - qd) <= 0.5 * qd ? Log1p((pd - qd) / qd) : LogRatioRef(pd, qd));
                }

                Near(worst, "D_∞ = n·ln max p/q", Math.Max(N * wantInf, 0), values[infinity], slack[infinity], () => At(p, q));
            }, iter: Iter);
            worst.Print(_output, Name);
        }

        // ---- 5. inequalities ---------------------------------------------------------------------------------------------

        [Fact]
        public void Inequalities()
        {
            var worst = new BinomialToolkit.Worst();
            Pairs.Sample((p, q) =>
            {
                TDist dp = Make(p), dq = Make(q);
                double js = D(dp.JensenShannonDivergence(dq)), tv = D(dp.TotalVariationDistance(dq)), h = D(dp.HellingerDistance(dq));
                double kl = D(dp.KLDivergence(dq));
                var (lo, hi) = Window(D(p), D(q));
                var (pp, pl) = Pmfs(p, lo, hi);
                var (qp, ql) = Pmfs(q, lo, hi);
                double tvError = TvError(p, q, tv, pp, pl, qp, ql);
                string Shown() => $"JS = {R(js)}, TV = {R(tv)}, H = {R(h)}, KL = {R(kl)}, {At(p, q)}";

                // Pinsker: TV ≤ √(KL/2).
                if (double.IsFinite(kl))
                {
                    double klHigh = kl + (((16 * EpsDouble) + EpsT) * kl) + Tiny<T>();
                    AtMost(worst, "Pinsker TV ≤ √(KL/2)", tv, Math.Sqrt(kl / 2), Math.Sqrt(klHigh / 2) - Math.Sqrt(kl / 2) + tvError, Shown);
                }

                // H² ≤ TV ≤ √2·H, H² to (18ε_d + ε_T) relative (the closed form's chain).
                double h2 = h * h, h2Error = (((18 * EpsDouble) + (EpsT * (1 + EpsT))) * h2) + Tiny<T>();
                AtMost(worst, "H² ≤ TV", h2, tv, h2Error + tvError, Shown);
                AtMost(worst, "TV ≤ √2·H", tv, Math.Sqrt(2) * h, (Math.Sqrt(2) * (Math.Sqrt(h2 + h2Error) - h)) + tvError, Shown);

                // JS ≤ ln 2·TV: both sums over the same computed pmfs (the inequality holds term by term): only their rounding.
                double sumRel = ((2.0 * (hi - lo + 1)) + 16) * EpsDouble + (16 * EpsT);
                AtMost(worst, "JS ≤ ln 2·TV", js, Ln2 * tv, (sumRel * (js + (Ln2 * tv))) + Tiny<T>(), Shown);
            }, iter: Iter);
            worst.Print(_output, Name);
        }

        // ---- 6. product identities and the twin ----------------------------------------------------------------------------

        [Fact]
        public void ProductIdentities()
        {
            var worst = new BinomialToolkit.Worst();
            bool sameType = typeof(TTwin) == typeof(TDist);
            Pairs.Sample((p, q) =>
            {
                TDist dp = Make(p), dq = Make(q);
                double[] v = Values(dp, dq, sumsToo: !sameType);

                // The twin: the same generated code on the same double parameters, rounded to T once.
                if (!sameType)
                {
                    TTwin tp = Twin(p), tq = Twin(q);
                    for (int m = 0; m < Members.Length; m++)
                    {
                        double want = D(To<T>(TwinMembers[m](tp, tq)));
                        BinomialToolkit.SameBits($"{Name}.{Members[m].Name} = ({typeof(T).Name}){typeof(TTwin).Name}.{Members[m].Name}", want, v[m], () => At(p, q));
                    }
                }

                // n·(one trial's value), the per-trial value being Bin1's (1·perTrial): bit for bit.
                Bin1 bp = Trial(p), bq = Trial(q);
                double Product(double perTrial) => D(To<T>(N * perTrial));
                BinomialToolkit.SameBits($"{Name}: Jeffreys = n·Bin1.Jeffreys", Product(bp.JeffreysDivergence(bq)), v[J], () => At(p, q));
                BinomialToolkit.SameBits($"{Name}: Bhattacharyya = n·Bin1.Bhattacharyya", Product(bp.BhattacharyyaDistance(bq)), v[DB], () => At(p, q));
                for (int i = 0; i < AlphasT.Length; i++)
                {
                    BinomialToolkit.SameBits($"{Name}: Rényi(α = {BinomialToolkit.AlphaNames[i]}) = n·Bin1.Rényi", Product(bp.RenyiDivergence(bq, D(AlphasT[i]))), v[FirstRenyi + i], () => At(p, q));
                }

                // Hellinger: H_n² = 1 − (1 − H₁²)ⁿ = −expm1(n·log1p(−H₁²)), to 26ε_d (+ ε_T) relative.
                double h1 = bp.HellingerDistance(bq);
                double want2 = Math.Min(-BinomialToolkit.Expm1Ref(N * Log1p(-(h1 * h1))), 1);
                double hn = v[H];
                Near(worst, "H_n² = 1 − (1 − H₁²)ⁿ", want2, hn * hn, (((26 * EpsDouble) + (EpsT * (1 + EpsT))) * want2) + Tiny<T>(), () => $"H₁ = {R(h1)}, H_n = {R(hn)}, {At(p, q)}");
            }, iter: Iter);
            worst.Print(_output, Name);
        }

        // ---- 7. raw forms against the instances -----------------------------------------------------------------------------

        /// <summary>JS and TV of the pmf vectors [Pmf(0), …, Pmf(n)] against the instance members, for every pair.</summary>
        [Fact]
        public void RawSumsOfThePmfsMatchInstances()
        {
            var worst = new BinomialToolkit.Worst();
            Pairs.Sample((p, q) =>
            {
                TDist dp = Make(p), dq = Make(q);
                T[] pv = Enumerable.Range(0, N + 1).Select(dp.Pmf).ToArray(), qv = Enumerable.Range(0, N + 1).Select(dq.Pmf).ToArray();
                double js = D(dp.JensenShannonDivergence(dq)), tv = D(dp.TotalVariationDistance(dq));
                double rawJs = D(TDist.JensenShannonDivergence(pv, qv)), rawTv = D(TDist.TotalVariationDistance(pv, qv));
                // The instance forms P(k) − Q(k) from the exact log-ratio, the raw form subtracts the two rounded pmfs. Both are within
                // the pmfs' errors a_P + a_Q of the exact laws' difference (the raw one also rounds once), so TV moves by
                // ½Σ(a_P + a_Q + ε|d|) and JS by at most twice the change the pmfs' errors can make to a bin's term (JsBinChange).
                var (pm, pl) = Pmfs(p);
                var (qm, ql) = Pmfs(q);
                double tvMove = 0, jsMove = 0;
                for (int k = 0; k <= N; k++)
                {
                    double aP = PmfError(k, D(p), pl[k], pm[k]), aQ = PmfError(k, D(q), ql[k], qm[k]);
                    tvMove += aP + aQ + (EpsDouble * Math.Abs(pm[k] - qm[k]));
                    double s = pm[k] + qm[k];
                    jsMove += JsBinChange(pm[k], aP, s) + JsBinChange(qm[k], aQ, s);
                }

                tvMove *= 0.5;
                jsMove *= 2.02;
                if (!IsSingle && !Windowed)
                {
                    // Otherwise the same P(k) and Q(k) in the same order: two sums of n + 1 terms.
                    double kernels = 2 * (N + 9) * EpsDouble;
                    Near(worst, "raw TV of the pmfs vs instance TV (exact d)", tv, rawTv, tvMove + (kernels * tv) + Tiny<T>(), () => At(p, q));
                    Near(worst, "raw JS of the pmfs vs instance JS (exact d)", js, rawJs, jsMove + (kernels * js) + Tiny<T>(), () => At(p, q));
                    return;
                }

                if (!IsSingle)
                {
                    // Windowed: the raw sum adds the bins outside the window (≤ 2e-26 in all) and both sums round: (N_all + N_window)·ε_d.
                    var (lo, hi) = Window(D(p), D(q));
                    double rel = (N + 1 + (hi - lo + 1)) * EpsDouble;
                    Near(worst, "raw JS vs windowed instance JS", js, rawJs, jsMove + (rel * Math.Max(js, rawJs)) + WindowTail + Tiny<T>(), () => At(p, q));
                    Near(worst, "raw TV vs windowed instance TV", tv, rawTv, tvMove + (rel * Math.Max(tv, rawTv)) + WindowTail + Tiny<T>(), () => At(p, q));
                    return;
                }

                // float: the instance is the double kernel on the double pmfs rounded once; the raw form the same kernel on the
                // float-rounded pmfs, rounded once. The perturbation is known exactly per bin (Δ = float(P) − P).
                var (pp, _) = Pmfs(p);
                var (qp, _) = Pmfs(q);
                double tvPert = 0, jsPert = 0;
                for (int k = 0; k <= N; k++)
                {
                    double dP = D(pv[k]) - pp[k], dQ = D(qv[k]) - qp[k];
                    tvPert += Math.Abs(dP) + Math.Abs(dQ);
                    double s = pp[k] + qp[k];
                    jsPert += JsBinChange(pp[k], dP, s) + JsBinChange(qp[k], dQ, s);
                }

                double kernel = (N + 1 + 8) * EpsDouble;
                Near(worst, "float: raw TV of the float pmfs vs instance", tv, rawTv, (0.5 * tvPert) + tvMove + (2 * kernel * tv) + (EpsT * Math.Max(tv, rawTv)) + Tiny<T>(), () => At(p, q));
                Near(worst, "float: raw JS of the float pmfs vs instance", js, rawJs, (1.01 * jsPert) + jsMove + (2 * kernel * js) + (EpsT * Math.Max(js, rawJs)) + Tiny<T>(), () => At(p, q));
            }, iter: Iter);
            worst.Print(_output, Name);
        }

        /// <summary>
        /// A bound on how much one JS bin's term ½[x·ln(2x/s) + y·ln(2y/s)] moves when x moves by Δ (s = x + y): ½|Δ|·|ln(2x/s)| + ¼Δ²/x
        /// where x and x + Δ are normal floats (first and second order), else the whole ∫₀^x: ½(x + |Δ|)·(|ln(2x/s)| + 2).
        /// </summary>
        private static double JsBinChange(double x, double delta, double s)
        {
            if (x == 0 || delta == 0)
            {
                return 0;
            }

            double l = Math.Abs(Math.Log(2 * x / s));
            return x >= 1.1754943508222875E-38 && x + delta >= 1.1754943508222875E-38
                ? (0.5 * Math.Abs(delta) * l) + (0.25 * delta * delta / Math.Min(x, x + delta))
                : 0.5 * (x + Math.Abs(delta)) * (l + 2);
        }

        /// <summary>
        /// Hellinger, Bhattacharyya, Jeffreys and Rényi of the pmf vectors against the instance members, on pairs whose pmfs are
        /// all normal numbers in T (n ≤ 20, p and q in [0.02, 0.98]): within the bound derived from the pmfs' rounding (file header).
        /// </summary>
        [Fact]
        public void RawFormsOfThePmfsMatchInstancesWithinTheirRounding()
        {
            if (N > 100)
            {
                _output.WriteLine($"{Name}: n = {N}: the pmfs underflow in the tails for every p in (0, 1) below 0.5^(n/…): not run (file header).");
                return;
            }

            var worst = new BinomialToolkit.Worst();
            int ran = 0;
            int K = N + 1;
            double rawRel = ((8 + K) * EpsDouble) + (8 * EpsT);
            double smallest = IsSingle ? 1.1754943508222875E-38 : SmallestNormal;
            BinomialToolkit.ModeratePairs<T>().Sample((p, q) =>
            {
                TDist dp = Make(p), dq = Make(q);
                var (pp, pl) = Pmfs(p);
                var (qp, ql) = Pmfs(q);
                T[] pv = Enumerable.Range(0, K).Select(dp.Pmf).ToArray(), qv = Enumerable.Range(0, K).Select(dq.Pmf).ToArray();
                double[] P = D<T>(pv), Q = D<T>(qv);
                if (P.Any(x => !(x >= smallest)) || Q.Any(x => !(x >= smallest)))
                {
                    return;
                }

                Interlocked.Increment(ref ran);

                // u_k, v_k: relative distance of the raw inputs from the exact binomial probabilities (the double pmf's δ_k, plus the
                // float rounding, known exactly).
                var u = new double[K];
                var v = new double[K];
                for (int k = 0; k < K; k++)
                {
                    u[k] = PmfRelativeError(k, D(p), pl[k]) + (Math.Abs(P[k] - pp[k]) / pp[k]);
                    v[k] = PmfRelativeError(k, D(q), ql[k]) + (Math.Abs(Q[k] - qp[k]) / qp[k]);
                }

                string Shown() => At(p, q);

                // Hellinger, compared squared.
                double hInst = D(dp.HellingerDistance(dq)), hRaw = D(TDist.HellingerDistance(pv, qv));
                double eH2 = 0, eBC = 0, bcRaw = 0;
                for (int k = 0; k < K; k++)
                {
                    double sp = Math.Sqrt(P[k]), sq = Math.Sqrt(Q[k]);
                    double e = (sp * u[k]) + (sq * v[k]);
                    eH2 += 0.5 * e * ((2 * Math.Abs(sp - sq)) + e);
                    eBC += sp * sq * (u[k] + v[k]);
                    bcRaw += sp * sq;
                }

                double h2Inst = hInst * hInst, h2Raw = hRaw * hRaw;
                Near(worst, "raw H² vs instance", h2Inst, h2Raw, (1.01 * eH2) + (2 * rawRel * h2Raw) + (((18 * EpsDouble) + (EpsT * (1 + EpsT))) * h2Inst) + Tiny<T>(), Shown);

                // Bhattacharyya: −ln BC or −log1p(−H²), either branch: the larger of the two perturbations over the smaller BC.
                double dbInst = D(dp.BhattacharyyaDistance(dq)), dbRaw = D(TDist.BhattacharyyaDistance(pv, qv));
                double bc = Math.Min(Math.Exp(-dbInst), bcRaw);
                Near(worst, "raw D_B vs instance", dbInst, dbRaw, (1.01 * Math.Max(eH2, eBC) / bc) + (2 * rawRel * dbRaw) + (((16 * EpsDouble) + EpsT) * dbInst) + Tiny<T>(), Shown);

                // Jeffreys: per bin |P·ℓ + P − Q|·u + |Q·ℓ + Q − P|·v + ½(P + Q)(u + v)², ℓ = ln(P/Q).
                double jInst = D(dp.JeffreysDivergence(dq)), jRaw = D(TDist.JeffreysDivergence(pv, qv));
                double eJ = 0;
                for (int k = 0; k < K; k++)
                {
                    double l = LogRatioRef(P[k], Q[k]);
                    eJ += (Math.Abs((P[k] * l) + P[k] - Q[k]) * u[k]) + (Math.Abs((-Q[k] * l) + Q[k] - P[k]) * v[k]) + (0.5 * (P[k] + Q[k]) * (u[k] + v[k]) * (u[k] + v[k]));
                }

                Near(worst, "raw Jeffreys vs instance", jInst, jRaw, (1.01 * eJ) + (rawRel * jRaw) + (((16 * EpsDouble) + EpsT) * jInst) + Tiny<T>(), Shown);

                // Rényi at every order of the sweep.
                Bin1 tp = Trial(p), tq = Trial(q);
                for (int i = 0; i < AlphasT.Length; i++)
                {
                    double alpha = D(AlphasT[i]);
                    double inst = D(dp.RenyiDivergence(dq, AlphasT[i])), raw = D(TDist.RenyiDivergence(pv, qv, AlphasT[i]));
                    double instSlack = RenyiSlack(p, q, alpha, tp.RenyiDivergence(tq, alpha), inst);
                    double rawRounding = (rawRel * (raw + ToolkitReferenceTests.FarMagnitude(P, Q, alpha) + (alpha == 0 ? 1 : 0))) + BinomialToolkit.FarSensitivity(P, Q, alpha) + Tiny<T>();
                    double pert = 1.01 * RenyiPerturbation(P, Q, u, v, alpha);
                    Near(worst, $"raw Rényi(α = {BinomialToolkit.AlphaNames[i]}) vs instance", inst, raw, pert + rawRounding + instSlack, Shown);
                }
            }, iter: Iter);
            worst.Print(_output, Name);
            _output.WriteLine($"{Name}: ran on {ran} of {Iter} pairs");
            Assert.True(ran >= Iter / 2, $"{Name}: the raw-vs-instance bound ran on only {ran} of {Iter} pairs");
        }

        /// <summary>
        /// First- and second-order bound on |D_α(P̃‖Q̃) as the runtime reads it − D_α(𝒫‖𝒬)|, P̃ = 𝒫(1 + u), Q̃ = 𝒬(1 + v), Σ𝒫 = 1 (file header):
        /// with z = (α − 1)ℓ, w = P·e^z, F = Σw: where the runtime takes log1p(S) (it assumes ΣP̃ = 1), Σ[P·u·|α·ℓ·exprel(z) + 1| + v·w +
        /// ½α(u + v)²·w]/F; where it takes ln Σ p^α·q^(1−α) (F &lt; 0.6, or the log-sum-exp), Σ w·(α·u + |1 − α|·v)/(|α − 1|·F) + the
        /// same second-order term; α = 1: Σ P·(u·|ℓ + 1| + v) + ½P(u + v)²; α = ∞: max (u + v).
        /// </summary>
        private static double RenyiPerturbation(double[] P, double[] Q, double[] u, double[] v, double alpha)
        {
            int K = P.Length;
            var l = new double[K];
            for (int k = 0; k < K; k++)
            {
                l[k] = LogRatioRef(P[k], Q[k]);
            }

            if (double.IsPositiveInfinity(alpha))
            {
                return Enumerable.Range(0, K).Max(k => u[k] + v[k]);
            }

            if (alpha == 1)
            {
                double e = 0;
                for (int k = 0; k < K; k++)
                {
                    e += (P[k] * ((u[k] * Math.Abs(l[k] + 1)) + v[k])) + (0.5 * P[k] * (u[k] + v[k]) * (u[k] + v[k]));
                }

                return e;
            }

            double a = alpha - 1;
            var logW = new double[K];
            double maxZ = double.NegativeInfinity, top = double.NegativeInfinity;
            for (int k = 0; k < K; k++)
            {
                double z = a * l[k];
                maxZ = Math.Max(maxZ, z);
                logW[k] = Math.Log(P[k]) + z;
                top = Math.Max(top, logW[k]);
            }

            double sumW = 0;
            for (int k = 0; k < K; k++)
            {
                sumW += Math.Exp(logW[k] - top);
            }

            double logF = top + Math.Log(sumW);
            double bound = 0;
            bool log1pBranch = logF >= Math.Log(0.4) && maxZ <= 700, logBranch = logF < Math.Log(0.6) || maxZ > 700;
            if (log1pBranch)
            {
                double e = 0;
                for (int k = 0; k < K; k++)
                {
                    double wOverF = Math.Exp(logW[k] - logF);
                    double c = Math.Abs((alpha * l[k] * BinomialToolkit.Exprel(a * l[k])) + 1);
                    e += (P[k] * u[k] * c / Math.Exp(logF)) + (v[k] * wOverF) + (0.5 * alpha * (u[k] + v[k]) * (u[k] + v[k]) * wOverF);
                }

                bound = e;
            }

            if (logBranch)
            {
                double e = 0;
                for (int k = 0; k < K; k++)
                {
                    double wOverF = Math.Exp(logW[k] - logF);
                    e += (wOverF * ((alpha * u[k]) + (Math.Abs(a) * v[k])) / Math.Abs(a)) + (0.5 * alpha * (u[k] + v[k]) * (u[k] + v[k]) * wOverF);
                }

                bound = Math.Max(bound, e);
            }

            return bound;
        }
    }

    public sealed class Bin1BinomialToolkitProperties(ITestOutputHelper output) : BinomialToolkitProperties<Bin1, double, Bin1>(output);

    public sealed class Bin10BinomialToolkitProperties(ITestOutputHelper output) : BinomialToolkitProperties<Bin10, double, Bin10>(output);

    public sealed class Bin10LoopedBinomialToolkitProperties(ITestOutputHelper output) : BinomialToolkitProperties<Bin10Looped, double, Bin10>(output);

    public sealed class Bin20BinomialToolkitProperties(ITestOutputHelper output) : BinomialToolkitProperties<Bin20, double, Bin20>(output);

    public sealed class Bin20ClassBinomialToolkitProperties(ITestOutputHelper output) : BinomialToolkitProperties<Bin20Class, double, Bin20>(output);

    public sealed class Bin1000BinomialToolkitProperties(ITestOutputHelper output) : BinomialToolkitProperties<Bin1000, double, Bin1000>(output);

    public sealed class Bin10000BinomialToolkitProperties(ITestOutputHelper output) : BinomialToolkitProperties<Bin10000, double, Bin10000>(output);

    public sealed class Bin20FBinomialToolkitProperties(ITestOutputHelper output) : BinomialToolkitProperties<Bin20F, float, Bin20>(output);

    // ==================================================================================================================
    // n = 0
    // ==================================================================================================================

    /// <summary>Binomial(0): P and Q are both the point mass at 0, whatever p and q.</summary>
    public sealed class Bin0BinomialToolkit
    {
        private static readonly (string Name, Func<Bin0, Bin0, double> Call)[] Members = new (string, Func<Bin0, Bin0, double>)[]
            {
                ("JensenShannonDivergence", (a, b) => a.JensenShannonDivergence(b)),
                ("HellingerDistance", (a, b) => a.HellingerDistance(b)),
                ("TotalVariationDistance", (a, b) => a.TotalVariationDistance(b)),
                ("BhattacharyyaDistance", (a, b) => a.BhattacharyyaDistance(b)),
                ("JeffreysDivergence", (a, b) => a.JeffreysDivergence(b)),
            }
            .Concat(BinomialToolkit.Alphas.Select((alpha, i) => ($"RenyiDivergence(α = {BinomialToolkit.AlphaNames[i]})", (Func<Bin0, Bin0, double>)((a, b) => a.RenyiDivergence(b, alpha)))))
            .Concat(BinomialToolkit.Epsilons.Select((e, i) => ($"PopulationStabilityIndex(ε = {BinomialToolkit.EpsilonNames[i]})", (Func<Bin0, Bin0, double>)((a, b) => a.PopulationStabilityIndex(b, e)))))
            .ToArray();

        private static readonly (string Name, Func<double[], double[], double> Call)[] RawMembers = new (string, Func<double[], double[], double>)[]
            {
                ("JensenShannonDivergence", (p, q) => Bin0.JensenShannonDivergence(p, q)),
                ("HellingerDistance", (p, q) => Bin0.HellingerDistance(p, q)),
                ("TotalVariationDistance", (p, q) => Bin0.TotalVariationDistance(p, q)),
                ("BhattacharyyaDistance", (p, q) => Bin0.BhattacharyyaDistance(p, q)),
                ("JeffreysDivergence", (p, q) => Bin0.JeffreysDivergence(p, q)),
            }
            .Concat(BinomialToolkit.Alphas.Select((alpha, i) => ($"RenyiDivergence(α = {BinomialToolkit.AlphaNames[i]})", (Func<double[], double[], double>)((p, q) => Bin0.RenyiDivergence(p, q, alpha)))))
            .Concat(BinomialToolkit.Epsilons.Select((e, i) => ($"PopulationStabilityIndex(ε = {BinomialToolkit.EpsilonNames[i]})", (Func<double[], double[], double>)((p, q) => Bin0.PopulationStabilityIndex(p, q, e)))))
            .ToArray();

        [Fact]
        public void EveryInstanceMeasureIsPositiveZero()
        {
            Gen.Select(BinomialToolkit.Probability, BinomialToolkit.Probability).Sample((p, q) =>
            {
                Bin0 a = new(p), b = new(q);
                foreach (var (member, call) in Members)
                {
                    BinomialToolkit.SameBits($"Bin0.{member}", 0.0, call(a, b), () => BinomialToolkit.Show(p, q));
                }
            }, iter: Gens.Iterations / 10);
        }

        [Fact]
        public void RawFormsOfThePointMassesArePositiveZero()
        {
            foreach (var (member, call) in RawMembers)
            {
                BinomialToolkit.SameBits($"Bin0.{member}([1], [1])", 0.0, call(new[] { 1.0 }, new[] { 1.0 }), () => "");
            }
        }

        [Fact]
        public void RawFormsRejectWrongLengths()
        {
            double[] ok = { 1.0 };
            foreach (var (member, call) in RawMembers)
            {
                Expect.At($"Bin0.{member}", () =>
                {
                    foreach (double[] wrong in new[] { Array.Empty<double>(), new[] { 0.5, 0.5 }, new[] { 1.0, 0, 0 } })
                    {
                        var e = Expect.Throws<ArgumentException>("p", () => call(wrong, ok));
                        Expect.MessageNamesInteger(e, wrong.Length, "length");
                        e = Expect.Throws<ArgumentException>("q", () => call(ok, wrong));
                        Expect.MessageNamesInteger(e, wrong.Length, "length");
                    }
                });
            }
        }

        /// <summary>
        /// The instance Rényi's documented exception (alpha NaN or negative), as every other Binomial(n) type throws it; and PSI's
        /// epsilon likewise (Bin0 checks that one).
        /// </summary>
        [Theory]
        [InlineData(double.NaN)]
        [InlineData(-1e-300)]
        [InlineData(-1.0)]
        [InlineData(double.NegativeInfinity)]
        public void InstanceRenyiRejectsBadAlpha(double alpha)
        {
            Bin0 a = new(0.3), b = new(0.7);
            var e = Expect.Throws<ArgumentOutOfRangeException>("alpha", () => a.RenyiDivergence(b, alpha));
            Expect.MessageNamesValue(e, alpha);
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(-1e-300)]
        [InlineData(1.5)]
        [InlineData(double.PositiveInfinity)]
        public void InstancePsiRejectsBadEpsilon(double epsilon)
        {
            Bin0 a = new(0.3), b = new(0.7);
            var e = Expect.Throws<ArgumentOutOfRangeException>("epsilon", () => a.PopulationStabilityIndex(b, epsilon));
            Expect.MessageNamesValue(e, epsilon);
        }

        [Fact]
        public void InstanceFormsRefuseDefault()
        {
            Bin0 valid = new(0.5), none = default;
            foreach (var (member, call) in Members)
            {
                Expect.At($"Bin0.{member}", () =>
                {
                    Assert.Contains("default(Bin0)", Assert.Throws<InvalidOperationException>(() => call(none, valid)).Message, StringComparison.Ordinal);
                    Assert.Contains("default(Bin0)", Assert.Throws<InvalidOperationException>(() => call(valid, none)).Message, StringComparison.Ordinal);
                });
            }
        }
    }

    // ==================================================================================================================
    // Validation
    // ==================================================================================================================

    public abstract class BinomialToolkitValidation<TDist, T>
        where TDist : IBinomialDistribution<TDist, T>, IToolkitSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private static int N => TDist.TrialCount;

        private static string Name => typeof(TDist).Name;

        private static TDist Make(double p) => TDist.TryCreate(To<T>(p), out TDist? d) ? d! : throw new XunitException($"{Name}.TryCreate({p}) failed");

        /// <summary>A valid vector: the pmfs of Binomial(n, 0.3) (zeros in the far tail at n = 1000 are valid too).</summary>
        private static T[] Valid() => Enumerable.Range(0, N + 1).Select(Make(0.3).Pmf).ToArray();

        private static T[] Other() => Enumerable.Range(0, N + 1).Select(Make(0.6).Pmf).ToArray();

        private static readonly (string Name, Func<T[], T[], T> Call)[] RawMembers =
        {
            ("JensenShannonDivergence", (p, q) => TDist.JensenShannonDivergence(p, q)),
            ("HellingerDistance", (p, q) => TDist.HellingerDistance(p, q)),
            ("TotalVariationDistance", (p, q) => TDist.TotalVariationDistance(p, q)),
            ("BhattacharyyaDistance", (p, q) => TDist.BhattacharyyaDistance(p, q)),
            ("JeffreysDivergence", (p, q) => TDist.JeffreysDivergence(p, q)),
            ("RenyiDivergence(α = 0)", (p, q) => TDist.RenyiDivergence(p, q, T.Zero)),
            ("RenyiDivergence(α = 0.5)", (p, q) => TDist.RenyiDivergence(p, q, To<T>(0.5))),
            ("RenyiDivergence(α = 1)", (p, q) => TDist.RenyiDivergence(p, q, T.One)),
            ("RenyiDivergence(α = 2)", (p, q) => TDist.RenyiDivergence(p, q, To<T>(2))),
            ("RenyiDivergence(α = ∞)", (p, q) => TDist.RenyiDivergence(p, q, T.PositiveInfinity)),
            ("PopulationStabilityIndex(ε = 0)", (p, q) => TDist.PopulationStabilityIndex(p, q, T.Zero)),
            ("PopulationStabilityIndex(ε = 1e-4)", (p, q) => TDist.PopulationStabilityIndex(p, q, To<T>(1e-4))),
        };

        private static readonly (string Name, Func<TDist, TDist, T> Call)[] InstanceMembers =
        {
            ("JensenShannonDivergence", (p, q) => p.JensenShannonDivergence(q)),
            ("HellingerDistance", (p, q) => p.HellingerDistance(q)),
            ("TotalVariationDistance", (p, q) => p.TotalVariationDistance(q)),
            ("BhattacharyyaDistance", (p, q) => p.BhattacharyyaDistance(q)),
            ("JeffreysDivergence", (p, q) => p.JeffreysDivergence(q)),
            ("RenyiDivergence(α = 0.5)", (p, q) => p.RenyiDivergence(q, To<T>(0.5))),
            ("RenyiDivergence(α = ∞)", (p, q) => p.RenyiDivergence(q, T.PositiveInfinity)),
            ("PopulationStabilityIndex(ε = 1e-4)", (p, q) => p.PopulationStabilityIndex(q, To<T>(1e-4))),
        };

        /// <summary>The value as T: −1e-300 is −0 in float (a valid probability), so float takes its own negative subnormal.</summary>
        private static T Bad(double bad)
        {
            T value = To<T>(bad);
            return value == T.Zero ? -T.Epsilon : value;
        }

        public static TheoryData<double, int> BadElements()
        {
            var data = new TheoryData<double, int>();
            int[] indices = IndexClasses.Of(N + 1, Unsafe.SizeOf<T>()).Append(N / 2).Distinct().OrderBy(i => i).ToArray();
            foreach (double bad in new[] { double.NaN, -1e-300, 1.5, double.PositiveInfinity })
            {
                foreach (int index in indices)
                {
                    data.Add(bad, index);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(BadElements))]
        public void RawFormsRejectElementsThatAreNotProbabilities(double bad, int index)
        {
            T value = Bad(bad);
            T[] ok = Valid(), badV = Valid();
            badV[index] = value;
            foreach (var (member, call) in RawMembers)
            {
                foreach (string span in new[] { "p", "q" })
                {
                    Expect.At($"{Name}.{member}, {span}[{index}] = {value}", () =>
                    {
                        var e = Expect.Throws<ArgumentOutOfRangeException>(span, () => _ = span == "p" ? call(badV, ok) : call(ok, badV));
                        Expect.MessageNamesValue(e, value);
                        Expect.MessageNamesElement(e, span, index);
                    });
                }
            }
        }

        [Fact]
        public void RawFormsRejectWrongLengths()
        {
            T[] ok = Valid();
            T[][] wrongs = { ok.Take(N).ToArray(), ok.Append(T.Zero).ToArray(), Array.Empty<T>() };
            foreach (var (member, call) in RawMembers)
            {
                Expect.At($"{Name}.{member}", () =>
                {
                    foreach (T[] wrong in wrongs)
                    {
                        var e = Expect.Throws<ArgumentException>("p", () => call(wrong, ok));
                        Expect.MessageNamesInteger(e, wrong.Length, "length");
                        e = Expect.Throws<ArgumentException>("q", () => call(ok, wrong));
                        Expect.MessageNamesInteger(e, wrong.Length, "length");
                    }

                    Expect.Throws<ArgumentException>("p", () => call(wrongs[0], wrongs[1])); // p is checked first
                });
            }
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(-1e-300)]
        [InlineData(-1.0)]
        [InlineData(double.NegativeInfinity)]
        public void RenyiRejectsBadAlpha(double bad)
        {
            T alpha = Bad(bad);
            var e = Expect.Throws<ArgumentOutOfRangeException>("alpha", () => TDist.RenyiDivergence(Valid(), Other(), alpha));
            Expect.MessageNamesValue(e, alpha);
            TDist p = Make(0.3), q = Make(0.6);
            e = Expect.Throws<ArgumentOutOfRangeException>("alpha", () => p.RenyiDivergence(q, alpha));
            Expect.MessageNamesValue(e, alpha);
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(-1e-300)]
        [InlineData(1.5)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(1.0000001)]
        public void PsiRejectsBadEpsilon(double bad)
        {
            T epsilon = Bad(bad);
            if (epsilon == T.One)
            {
                epsilon = T.BitIncrement(T.One); // 1.0000001 is 1 in float: the next float above 1
            }

            var e = Expect.Throws<ArgumentOutOfRangeException>("epsilon", () => TDist.PopulationStabilityIndex(Valid(), Other(), epsilon));
            Expect.MessageNamesValue(e, epsilon);
            TDist p = Make(0.3), q = Make(0.6);
            e = Expect.Throws<ArgumentOutOfRangeException>("epsilon", () => p.PopulationStabilityIndex(q, epsilon));
            Expect.MessageNamesValue(e, epsilon);
        }

        [Fact]
        public void InstanceFormsRefuseDefault()
        {
            Assert.True(typeof(TDist).IsValueType);
            TDist valid = Make(0.3), none = default!;
            foreach (var (member, call) in InstanceMembers)
            {
                Expect.At($"{Name}.{member}", () =>
                {
                    var e = Assert.Throws<InvalidOperationException>(() => call(none, valid));
                    Assert.Contains("default(" + Name + ")", e.Message, StringComparison.Ordinal);
                    e = Assert.Throws<InvalidOperationException>(() => call(valid, none));
                    Assert.Contains("default(" + Name + ")", e.Message, StringComparison.Ordinal);
                    Assert.Throws<InvalidOperationException>(() => call(none, none));
                });
            }
        }
    }

    public sealed class Bin10BinomialToolkitValidation : BinomialToolkitValidation<Bin10, double>;

    public sealed class Bin20FBinomialToolkitValidation : BinomialToolkitValidation<Bin20F, float>;

    public sealed class Bin1000BinomialToolkitValidation : BinomialToolkitValidation<Bin1000, double>;

    public sealed class Bin20ClassBinomialToolkitValidation
    {
        [Fact]
        public void InstanceFormsRefuseNullQ()
        {
            var p = new Bin20Class(0.3);
            var members = new (string, Action)[]
            {
                ("JensenShannonDivergence", () => p.JensenShannonDivergence(null!)),
                ("HellingerDistance", () => p.HellingerDistance(null!)),
                ("TotalVariationDistance", () => p.TotalVariationDistance(null!)),
                ("BhattacharyyaDistance", () => p.BhattacharyyaDistance(null!)),
                ("JeffreysDivergence", () => p.JeffreysDivergence(null!)),
                ("RenyiDivergence", () => p.RenyiDivergence(null!, 0.5)),
                ("PopulationStabilityIndex", () => p.PopulationStabilityIndex(null!, 1e-4)),
            };
            foreach (var (member, call) in members)
            {
                Expect.At($"Bin20Class.{member}", () => Expect.Throws<ArgumentNullException>("q", call));
            }
        }
    }

    // ==================================================================================================================
    // n = 10⁹
    // ==================================================================================================================

    /// <summary>Binomial(10⁹): the closed forms are n·(one trial's value) and cost nothing; one JS and one TV call sum ~350k bins.</summary>
    public sealed class Bin1000000000BinomialToolkit(ITestOutputHelper output)
    {
        private const double N = 1e9;

        [Fact]
        public void ClosedFormsAreNTimesOneTrial()
        {
            var stopwatch = Stopwatch.StartNew();
            Bin1000000000 p = new(0.3), q = new(0.31);
            Bin1 p1 = new(0.3), q1 = new(0.31);
            var checks = new (string Name, double Got, double PerTrial)[]
            {
                ("JeffreysDivergence", p.JeffreysDivergence(q), p1.JeffreysDivergence(q1)),
                ("BhattacharyyaDistance", p.BhattacharyyaDistance(q), p1.BhattacharyyaDistance(q1)),
                ("PopulationStabilityIndex(ε = 1e-4)", p.PopulationStabilityIndex(q, 1e-4), p1.JeffreysDivergence(q1)),
                ("PopulationStabilityIndex(ε = 0)", p.PopulationStabilityIndex(q, 0), p1.JeffreysDivergence(q1)),
            }
            .Concat(new[] { 0, 0.5, 1, 2, 50, double.PositiveInfinity }.Select(a => ($"RenyiDivergence(α = {a})", p.RenyiDivergence(q, a), p1.RenyiDivergence(q1, a))))
            .ToArray();
            foreach (var (name, got, perTrial) in checks)
            {
                Finite(got, $"Bin1000000000.{name}");
                BinomialToolkit.SameBits($"Bin1000000000.{name} = 1e9·Bin1.{name}", N * perTrial, got, () => "p = 0.3, q = 0.31");
            }

            // Hellinger: H² = 1 − (1 − H₁²)ⁿ (here 1 to within e^(−n·D_B₁)); ProductIdentities' bound.
            double h = p.HellingerDistance(q), h1 = p1.HellingerDistance(q1);
            double want2 = Math.Min(-BinomialToolkit.Expm1Ref(N * Log1p(-(h1 * h1))), 1);
            Within(want2, h * h, (26 * EpsDouble * want2) + 1e-300, "Bin1000000000: H² = 1 − (1 − H₁²)ⁿ");
            output.WriteLine($"closed forms (12 calls) on n = 1e9: {stopwatch.Elapsed.TotalMilliseconds:F2} ms; J = {R(checks[0].Item2)}, D_B = {R(checks[1].Item2)}, H = {R(h)}");
        }

        [Fact]
        public void OneSumOverTheWindow()
        {
            // One JS call over a window of ~350k bins (p and q 1e-6 apart, relative: the union of the two windows is
            // mean ± (12·sd + 40) of each, sd ≈ 14,500; at p = 0.3 against 0.31 it would be ~1e7 bins, ~2 s).
            var stopwatch = Stopwatch.StartNew();
            double wide = new Bin1000000000(0.3).JensenShannonDivergence(new Bin1000000000(0.3000003));
            output.WriteLine($"n = 1e9, p = 0.3, q = 0.3000003: JS = {R(wide)} ({stopwatch.Elapsed.TotalMilliseconds:F0} ms)");
            Finite(wide, "Bin1000000000.JensenShannonDivergence");
            Assert.True(wide > 0 && wide <= Ln2, $"JS = {R(wide)}");

            // The sums against the closed forms where the windows are small (n·p = 1000, sd ≈ 32: ~850 bins).
            Bin1000000000 p = new(1e-6), q = new(1.0000003e-6);
            double js = p.JensenShannonDivergence(q), tv = p.TotalVariationDistance(q), h = p.HellingerDistance(q), kl = p.KLDivergence(q);
            output.WriteLine($"n = 1e9, p = 1e-6, q = 1.0000003e-6: JS = {R(js)}, TV = {R(tv)}, H = {R(h)}, KL = {R(kl)}");
            Finite(js, "Bin1000000000.JensenShannonDivergence");
            Finite(tv, "Bin1000000000.TotalVariationDistance");
            Assert.True(js > 0 && js <= Ln2 && tv > 0 && tv <= 1, $"JS = {R(js)}, TV = {R(tv)}");

            // TV's error (Inequalities' bound): the saddle-point pmfs to 4ε_d·(|log P(k)| + 1) + ε_d, |log P(k)| ≤ 12²/2 + ½·ln(2π·1000) + 1
            // < 80 inside the window, so ½·Σ(a_P + a_Q) ≤ 325ε_d; the window's tail, 2e-26; the sum's (bins + 2)·ε_d·TV.
            double bins = (2 * ((12 * Math.Sqrt(1000)) + 40)) + 2;
            double tvError = (325 * EpsDouble) + 2e-26 + ((bins + 2) * EpsDouble * tv);
            double h2 = h * h, h2Error = 18 * EpsDouble * h2;
            Assert.True(h2 <= tv + h2Error + tvError, $"H² = {R(h2)} > TV = {R(tv)}");
            Assert.True(tv <= (Math.Sqrt(2) * h) + (Math.Sqrt(2) * (Math.Sqrt(h2 + h2Error) - h)) + tvError, $"TV = {R(tv)} > √2·H = {R(Math.Sqrt(2) * h)}");
            Assert.True(tv <= Math.Sqrt(kl / 2) + Math.Sqrt(kl * (1 + (16 * EpsDouble)) / 2) - Math.Sqrt(kl / 2) + tvError, $"Pinsker: TV = {R(tv)} > √(KL/2) = {R(Math.Sqrt(kl / 2))}");
            Assert.True(js <= (Ln2 * tv) + (((2 * bins) + 16) * EpsDouble * (js + (Ln2 * tv))), $"JS = {R(js)} > ln 2·TV = {R(Ln2 * tv)}");
        }
    }

    // ==================================================================================================================
    // Pinned cases
    // ==================================================================================================================

    /// <summary>
    /// Rényi of one trial against 50-digit mpmath values where both outcomes are near (|ln(p/q)|·max(1, |α − 1|) &lt; ½), so the bound
    /// ToolkitReferenceTests asserts for Bernoulli Rényi is purely relative: (8 + K)·ε_d = 10ε_d, and n·(one trial) adds ½ε_d. Found by
    /// RenyiOrders (D_½ = 2·D_B, worst 0.94 of its bound in one run; D_B itself is within 1ε_d of mpmath there): the runtime's
    /// FiniteDivergences.Convex takes h(ℓ) = expm1((α − 1)ℓ) + (α − 1)·expm1(−ℓ) directly from |ℓ|·max(1, |α − 1|) ≥ 0.125, where
    /// it cancelled by ≈ 2/(α·|ℓ|) (32× at α = ½, 160× at α = 0.1, 16× for KL's ℓ + expm1(−ℓ)), not "at most ~8" (file header,
    /// Findings): up to 227ε_d at α = 0.1, 55ε_d at ½, 24ε_d at 0.9, 27ε_d at 0.999, 17ε_d at 1. Now one series (no cancellation).
    /// </summary>
    public sealed class BinomialToolkitPinnedCases
    {
        public static TheoryData<double, double, double, double> NearPairs() => new()
        {
            // p, q, α, D_α(Bernoulli(p) ‖ Bernoulli(q)) (mpmath, 50 digits, rounded)
            { 0.005479157094002875, 0.006285742886968872, 0.1, 5.671857795012535e-06 },
            { 0.0049057782345983455, 0.004208544794444264, 0.5, 2.6830110873134444e-05 },
            { 0.020038551194611263, 0.017643522861513775, 0.5, 7.765270274984751e-05 },
            { 0.0005375093408824683, 0.0006115099090341138, 0.9, 4.223321530394012e-06 },
            { 0.003514073190220311, 0.004052639662921405, 1.0, 3.763116148690407e-05 },
        };

        [Theory]
        [MemberData(nameof(NearPairs))]
        public void RenyiOfNearOutcomesIsRelativelyAccurate(double p, double q, double alpha, double exact)
        {
            double one = new Bin1(p).RenyiDivergence(new Bin1(q), alpha);
            double ten = new Bin10(p).RenyiDivergence(new Bin10(q), alpha);
            Assert.Equal(0, ToolkitReferenceTests.FarMagnitude(new[] { 1 - p, p }, new[] { 1 - q, q }, alpha)); // both outcomes near: purely relative
            Within(exact, one, 11 * EpsDouble * exact, $"Bin1.RenyiDivergence(α = {alpha}), p = {R(p)}, q = {R(q)} ({R(Math.Abs(one - exact) / exact / EpsDouble)}ε_d off)");
            Within(10 * exact, ten, 11 * EpsDouble * 10 * exact, $"Bin10.RenyiDivergence(α = {alpha}), p = {R(p)}, q = {R(q)}");
        }
    }
}
