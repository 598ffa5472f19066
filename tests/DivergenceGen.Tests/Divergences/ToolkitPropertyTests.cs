// Properties of the divergence toolkit (issue 17) on every declared Categorical type, sampled with CsCheck (a failure is
// shrunk and printed with its seed). Iterations: Gens.Iterations = 2,000 per property, as in PropertyTests, except at
// K = 1000 (Cat1000, Cat1000F, Cat1000Class): Gens.Iterations/10 = 200 — drawing one K = 1000 pair costs ~2 ms, and the
// index-class shapes of the kernels are covered at K ≤ 17; this keeps the file near 13 s of CPU (about 11 s on 2 cores).
// Each property draws its inputs once and runs several checks on them (generation dominates the cost); every check names
// itself on failure and prints its measured worst case to the test output: |Δ|/bound, or for an inequality
// (lhs − rhs)/slack (≤ 0: the exact inequality held without the slack). The worst cases quoted below are over every type,
// at the default vector width (AVX-512 here) and with DOTNET_EnableAVX512=0 and DOTNET_EnableHWIntrinsic=0.
//
// Inputs: PropertyTests' pairs (Gens.ProbabilityPair: edge-case vectors with zeros, subnormals, one-hot and uniform
// vectors; matched-support pairs down to P ≈ Q), and Gens.WellConditioned pairs (full supports, every entry ≥ ~1e-3/K)
// where a check needs full supports or a well-conditioned textbook reference.
//
// Notation: ε_d = 2⁻⁵², ε_T = the machine epsilon of the precision under test (2⁻⁵² or 2⁻²³), K the class count.
// The generated vectors are probability vectors only to within rounding: η_p = |Σp − 1|, computed per sample with the −1
// inside a compensated sum (≤ ~2e-16 double, ≤ ~6e-8 float). Identities that need Σ = 1 allow for η; the members take the
// vectors as given (not renormalised), so the allowance is each identity's own sensitivity to η, derived below.
//
// RangesSymmetryAndInequalities (Gens.ProbabilityPair):
//  * every raw measure (Rényi at the 11 orders below, PSI at ε ∈ {0, 1e-6, 1e-4, 1}) is ≥ 0 and never NaN; JS ≤ ln 2
//    (rounded to T), Hellinger ≤ 1, TV ≤ 1, and these three are finite; Jeffreys is +∞ iff some bin has exactly one of
//    p, q zero; Bhattacharyya +∞ iff the supports are disjoint; Rényi +∞ iff some q = 0 < p (α ≥ 1) or the supports are
//    disjoint (α < 1); PSI finite for ε > 0, and at ε = 0 +∞ exactly where Jeffreys is.
//  * disjoint supports give JS = ln 2, H = 1, TV = 1 to a relative (K + 12)ε_d + 12ε_T + η_p + η_q: each is ½Σ of per-bin
//    terms that are then exactly p·ln 2, p (h² = (p/√p)²) or p, so the value is the maximum times (Σp + Σq)/2, up to a few
//    roundings per term and the double sum's (K − 1)ε_d. Measured worst 0.06 of the bound.
//  * symmetry: JS, Hellinger, TV and Bhattacharyya bit for bit (their terms are symmetric expressions in p and q: d = p − q
//    changes sign exactly, m = (p + q)/2 and √p·√q commute, the sums visit the bins in the same order). Not JS without
//    SIMD (DOTNET_EnableHWIntrinsic=0): the straight-line scalar fallback of small K adds its 2K deviance terms left to
//    right, ((a₀ + b₀) + a₁) + b₁, so swapping p and q reassociates them (Cat2, p = [0.5, 0.5], q = [1, 0]:
//    0.2157615543388357 against 0.21576155433883568; also Cat3, Cat4). There JS is checked like Jeffreys. Jeffreys and PSI
//    relative (2K + 16)ε_d + 16ε_T: (p − q)·log(p/q) and (q − p)·log(q/p) are both ≥ 0 and each within a few ulps (the
//    LogRatio puts the division's rounding back), so each sum of non-negative terms is within (K + 8)ε_d + 8ε_T of J
//    (ToolkitReferenceTests' bound). Measured worst 0.12 of the bound (JS without SIMD: 0.04).
//  * Pinsker, TV ≤ √(KL/2) (Tsybakov, Introduction to Nonparametric Estimation, 2009, Lemma 2.5), KL from the type's raw
//    KLDivergence(p, q). For vectors off by η: KL̃ (of the renormalised vectors) ≤ KL·(1 + 2η_p) + 2(η_p + η_q) and
//    TV ≤ T̃V + (η_p + η_q)/2; rounding: KL within PropertyTests' (4K·ε_d + 16ε_T)·S, TV within ((K + 2)ε_d + 2ε_T)·TV.
//    Slack: √(KL_high/2) − √(KL/2) + TV's rounding + (η_p + η_q)/2. Measured worst (lhs − rhs)/slack 0.09 (float: the
//    exact inequality does fail by rounding and η where TV is tiny; the slack covers it ten times over).
//  * H² ≤ TV ≤ √2·H (Le Cam, Asymptotic Methods in Statistical Decision Theory, 1986; H² = 1 − BC). The left one holds term
//    by term for any non-negative vectors ((√p − √q)² ≤ |√p − √q|·(√p + √q) = |p − q|); the right one by Cauchy–Schwarz,
//    TV ≤ √2·H·√(1 + (η_p + η_q)/2). Slack: H² is computed to ((K + 12)ε_d + 12ε_T) relative (h = d/(√p + √q): a
//    division, two square roots, a sum, squared; then the double sum), TV to ((K + 2)ε_d + 2ε_T); the right one also allows
//    (1 + η_p + η_q). Measured worst (lhs − rhs)/slack 0.13 and 0.06.
//  * JS ≤ ln 2 · TV (Lin, IEEE Trans. Inf. Theory 37(1), 1991, Theorem 3; term by term: ln 2 − h(x) ≤ ln 2·|2x − 1| for the
//    binary entropy h in nats, concave with h(0) = 0, h(½) = ln 2). No normalisation needed; slack (2K + 16)ε_d + 16ε_T
//    relative to JS + ln 2·TV (both sums of non-negative terms, as above), which also covers float JS = ln 2 rounded up to
//    0.6931472f against 1·ln 2 for disjoint supports. Measured worst 0.013. Inputs where a bin's mixture (p + q)/2
//    underflows to 0 are left out of this one check: a bug (ToolkitPinnedCases).
//
// RenyiOrders (Gens.ProbabilityPair), over α ∈ {0, 0.1, 0.5, 0.9, 0.999, 1, 1.001, 2, 5, 50, ∞}:
//  * nondecreasing: D_{αᵢ} ≤ D_{αᵢ₊₁} + slack(αᵢ) + slack(αᵢ₊₁), where slack(α) (RenyiSlack) bounds |computed − D̃_α|, D̃ the
//    Rényi divergence of P/ΣP from Q (nondecreasing in α):
//      - rounding of the runtime (FiniteDivergences, which sums in double whatever T is): with z = (α − 1)·ln(p/q) and
//        t = Σ p·e^z, where t ≥ 0.4 and no z > 700 it computes log1p(S)/(α − 1), S = Σ p·expm1(z), a sum of terms of both
//        signs whose error is ≤ (K + 3)ε_d·M, M = Σ p·|expm1(z)|, plus the terms' sensitivity to z's own rounding (≤ 4ε_d·|z|
//        relative to p·e^z); elsewhere ln t, or a log-sum-exp, of positive terms: relative (K + 3)ε_d plus 4ε_d·|z|
//        (and ·|ln p| in the log-sum-exp) weighted by p·e^z/t. Divided by |α − 1|·t (the log's derivative), times 2 for the
//        ulps of exp, expm1 and log, plus 2ε_d·D for the final log and ε_T·D for the float result's rounding. α = 1:
//        2(K + 4)ε_d·Σ p·|ln(p/q)|; α = ∞: 8ε_d·D;
//      - P not exactly normalised: log1p(S) takes Σp = 1, which moves the value from D̃_α by ≈ η_p·(αt − 1)/(t·(α − 1)),
//        ≤ η_p·(2α·D + 2.5) where t ≥ 0.4; the ln t branch by α·ln(1 + η_p)/(α − 1); α = ∞ by ln(1 + η_p). (Q's
//        normalisation shifts D_α by −ln ΣQ at every α: monotonicity does not see it.)
//    Measured worst (lhs − rhs)/slack 0.06: the exact order does break by rounding (D_0.999, D_1, D_1.001 are close), by
//    far less than the slack.
//  * α = 1 against the type's KLDivergence(p, q): both Σ p·ln(p/q) of the same vectors, so rounding only: KL's
//    (4K·ε_d + 16ε_T)·S (PropertyTests) plus slack(1) without the η part. Measured worst 0.06 of the bound.
//  * α = ½ against 2·D_B (both −2·ln BC for probability vectors): slack(½) + 2·(((K + 12)ε_d + 9ε_T)·D_B + (K/2)·T.Epsilon/BC)
//    + 5(η_p + η_q). D_B computes −log1p(−H²) with H² = (Σp + Σq)/2 − BC and Rényi log1p(BC − Σp): the logs' arguments
//    differ by up to η_p + η_q at BC ≥ ~½ (below, both take ln BC itself). Near P ≈ Q (BC ≈ 1, D_B ~ H² down to 1e-20)
//    that absolute 5(η_p + η_q) ≈ 1e-15 (float: 6e-7) dominates: there the check is absolute, not relative. The
//    (K/2)·T.Epsilon/BC term: the float kernel forms each √p·√q in float, which is subnormal (absolute error up to half of
//    float.Epsilon) when BC < 1.2e-38, so D_B = −ln BC loses relative accuracy there (e.g. p = [4.2e-45, 0, 4.7e-22, 1, 0, 0],
//    q = [2.1e-39, 0, 0, 0, 0, 1]: D_B off by 1.7e-6 relative, ~14ε_f). Measured worst 0.23 of the bound.
//  * α = 0 against −ln Σ_{p>0} q (compensated; −log1p(Σ − 1) with the −1 inside the sum near 1): slack(0). Measured worst 0.56
//    (float, where the η_p allowance is most of the bound).
//  * α = ∞ against ln max_{p>0} p/q (a careful scalar log ratio, LogRatioRef): slack(∞) = 8ε_d·D + 2.5η_p + (2ε_d + ε_T)·D.
//    Measured worst 0.49.
//
// PsiAndJeffreys (Gens.ProbabilityPair 3 : Gens.WellConditioned 1): PSI(ε = 0) is Jeffreys bit for bit for any vectors (the
// same term with p′ = p); with no empty bin PSI(ε) is bit for bit Jeffreys for every ε (ε is only read where a bin is 0;
// asserted to have run on at least an eighth of the draws); and PSI(ε), and Jeffreys, against a plain loop
// Σ (p′ − q′)·ln(p′/q′) with p′ = ε where p = 0 (q′ alike): relative (2K + 16)ε_d + 16ε_T. The reference's terms are ≥ 0 and
// within 6ε_d each (LogRatioRef: log1p((p′ − q′)/q′) where p′ and q′ are within a factor 2, the subtraction exact by
// Sterbenz; else ln of the quotient, or ln p′ − ln q′ where the quotient is not a normal number — both ≥ ln 2 in magnitude
// there), the generated ones within (K + 8)ε_d + 8ε_T (ToolkitReferenceTests' bound). Measured worst 0.10 of the bound.
//
// IdenticalArgumentsGiveZero (Gens.ProbabilityPair 3 : Gens.WellConditioned 1): every measure of (p, p) is exactly +0 (the
// bits of +0) — raw with the same array and with a copy, and the instance form — at one Rényi order per runtime path and
// PSI at ε = 0 and 1e-4 (OnePerPath): each term is computed from d = p − p = 0 or log(p/p) = log 1 = 0 exactly.
//
// InstanceFormsEqualRawForms (Gens.ProbabilityPair): bit for bit, the raw forms given the instances' stored Probabilities
// (instances from FromProbabilities and FromWeights), both ways round: the same kernels on the same values.
//
// MatchesScalarReference (Gens.WellConditioned pairs, independent P and Q), like PropertyTests: |Δ| ≤ (4K·ε_d + 16ε_T)·S_m
// + Tiny, S_m the magnitude of what the reference adds up:
//  * JS by the textbook ½Σ [p·ln(p/m) + q·ln(q/m)]: S = Σ p·(1 + |ln(p/m)|) + q·(1 + |ln(q/m)|) (each term's log is within
//    ~2ε_d absolute; the generated JS is within (K + 8)ε_d + 8ε_T relative, and JS ≤ S). Measured worst 0.013.
//  * TV = ½Σ|p − q|: S = TV (each term exact but for one subtraction). Measured worst 0.05.
//  * Hellinger, compared squared: H² = ½Σ (√p − √q)², whose terms are each within ~3ε_d·|p − q| absolute (the square
//    roots' rounding, relative to √p + √q), so S = H² + TV. Measured worst 0.05.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.Intrinsics;
using CsCheck;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;
using static DivergenceGen.Tests.NumericAssert;
using static DivergenceGen.Tests.Reference;

namespace DivergenceGen.Tests.Divergences
{
    public abstract class ToolkitProperties<TDist, T>
        where TDist : ICategoricalSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly ITestOutputHelper _output;

        protected ToolkitProperties(ITestOutputHelper output) => _output = output;

        private static int K => TDist.ClassCount;

        private static string Name => typeof(TDist).Name;

        private static double Eps => Eps<T>();

        /// <summary>The Rényi orders of the sweep (file header), in T (0.999f and 1.001f are the nearest floats).</summary>
        private static readonly T[] Alphas = new[] { 0, 0.1, 0.5, 0.9, 0.999, 1, 1.001, 2, 5, 50, double.PositiveInfinity }.Select(To<T>).ToArray();

        private static readonly string[] NominalAlphas = { "0", "0.1", "0.5", "0.9", "0.999", "1", "1.001", "2", "5", "50", "∞" };

        /// <summary>PSI's ε: 0 (Jeffreys), typical values, and 1 (the largest allowed).</summary>
        private static readonly T[] Epsilons = new[] { 0, 1e-6, 1e-4, 1 }.Select(To<T>).ToArray();

        private static readonly string[] NominalEpsilons = { "0", "1e-6", "1e-4", "1" };

        private static Gen<(T[] P, T[] Q)> Pairs => Gens.ProbabilityPair<T>(K);

        /// <summary>Gens.Iterations, but a tenth of it at K ≥ 1000 (file header: the run-time budget).</summary>
        private static long Iter => K >= 1000 ? Gens.Iterations / 10 : Gens.Iterations;

        /// <summary>Independent well-conditioned vectors: full supports, every entry ≥ ~1e-3/K.</summary>
        private static Gen<(T[] P, T[] Q)> WellConditionedPairs => Gen.Select(Gens.WellConditioned<T>(K), Gens.WellConditioned<T>(K));

        private static string Show(T[] v) => "[" + string.Join(", ", v.Take(24).Select(x => R(D(x)))) + (v.Length > 24 ? ", …" : "") + "]";

        private static string At(T[] p, T[] q) => $"p = {Show(p)}, q = {Show(q)}";

        // ---- measured worst cases ------------------------------------------------------------------------------------

        /// <summary>The largest ratio seen per check (|Δ|/bound, or (lhs − rhs)/slack), for the test output. Thread-safe: CsCheck samples in parallel.</summary>
        private sealed class Worst
        {
            private readonly SortedDictionary<string, double> _ratios = new(StringComparer.Ordinal);

            public void Add(string check, double ratio)
            {
                lock (_ratios)
                {
                    _ratios[check] = _ratios.TryGetValue(check, out double r) ? Math.Max(r, ratio) : ratio;
                }
            }

            public void Print(ITestOutputHelper output)
            {
                foreach (var (check, ratio) in _ratios)
                {
                    output.WriteLine($"{Name}: {check}: worst {ratio:G3}");
                }
            }
        }

        /// <summary>|got − want| ≤ bound, non-finite values matching exactly; records |Δ|/bound.</summary>
        private static void Near(Worst worst, string check, double want, double got, double bound, Func<string> what)
        {
            if (!IsWithin(want, got, bound))
            {
                Within(want, got, bound, $"{Name}: {check}, {what()}");
            }

            if (double.IsFinite(want) && double.IsFinite(got) && bound > 0)
            {
                worst.Add(check + " |Δ|/bound", Math.Abs(got - want) / bound);
            }
        }

        /// <summary>lhs ≤ rhs + slack; records (lhs − rhs)/slack (≤ 0: the exact inequality held).</summary>
        private static void AtMost(Worst worst, string check, double lhs, double rhs, double slack, Func<string> what)
        {
            if (!(lhs <= rhs + slack))
            {
                throw new XunitException($"{Name}: {check}: {R(lhs)} > {R(rhs)} + slack {R(slack)}, {what()}");
            }

            if (double.IsFinite(lhs) && double.IsFinite(rhs) && slack > 0)
            {
                worst.Add(check + " (lhs − rhs)/slack", (lhs - rhs) / slack);
            }
        }

        /// <summary>The same bits (so −0 ≠ +0; NaN payloads aside, through the widening to double).</summary>
        private static void SameBits(string check, T want, T got, Func<string> what)
        {
            if (BitConverter.DoubleToInt64Bits(D(want)) != BitConverter.DoubleToInt64Bits(D(got)))
            {
                throw new XunitException($"{Name}: {check}: expected bit for bit {R(D(want))}, got {R(D(got))}, {what()}");
            }
        }

        // ---- the measures ------------------------------------------------------------------------------------------

        /// <summary>The names of the values <see cref="RawMeasures"/> and <see cref="InstanceMeasures"/> return, in order.</summary>
        private static readonly string[] MeasureNames = new[] { "JensenShannonDivergence", "HellingerDistance", "TotalVariationDistance", "BhattacharyyaDistance", "JeffreysDivergence" }
            .Concat(NominalAlphas.Select(a => $"RenyiDivergence(α = {a})"))
            .Concat(NominalEpsilons.Select(e => $"PopulationStabilityIndex(ε = {e})"))
            .ToArray();

        private const int Jeffreys = 4, FirstRenyi = 5;

        private static readonly int FirstPsi = FirstRenyi + Alphas.Length;

        /// <summary>
        /// The measures the bit-for-bit properties evaluate (all = false): every plain sum, Rényi at one order per path of
        /// the runtime (α = 0 and ½: log1p and ln-of-the-sum branches, 1: the KL sum, 2: α &gt; 1, 50: where terms reach the
        /// log-sum-exp, ∞: the largest ratio), PSI at ε = 0 and 1e-4. The other orders run the same code.
        /// </summary>
        private static readonly bool[] OnePerPath = MeasureNames
            .Select((n, i) => i < FirstRenyi || new[] { "(α = 0)", "(α = 0.5)", "(α = 1)", "(α = 2)", "(α = 50)", "(α = ∞)", "(ε = 0)", "(ε = 1e-4)" }.Any(n.EndsWith))
            .ToArray();

        /// <summary>Every raw form once (Rényi at every order of the sweep, PSI at every ε), in the order of <see cref="MeasureNames"/>.</summary>
        private static T[] RawMeasures(T[] p, T[] q, bool all = true)
        {
            var values = new T[MeasureNames.Length];
            values[0] = TDist.JensenShannonDivergence(p, q);
            values[1] = TDist.HellingerDistance(p, q);
            values[2] = TDist.TotalVariationDistance(p, q);
            values[3] = TDist.BhattacharyyaDistance(p, q);
            values[Jeffreys] = TDist.JeffreysDivergence(p, q);
            for (int i = 0; i < Alphas.Length; i++)
            {
                values[FirstRenyi + i] = all || OnePerPath[FirstRenyi + i] ? TDist.RenyiDivergence(p, q, Alphas[i]) : T.Zero;
            }

            for (int i = 0; i < Epsilons.Length; i++)
            {
                values[FirstPsi + i] = all || OnePerPath[FirstPsi + i] ? TDist.PopulationStabilityIndex(p, q, Epsilons[i]) : T.Zero;
            }

            return values;
        }

        /// <summary>The instance forms, in the order of <see cref="MeasureNames"/>.</summary>
        private static T[] InstanceMeasures(TDist p, TDist q, bool all = true)
        {
            var values = new T[MeasureNames.Length];
            values[0] = p.JensenShannonDivergence(q);
            values[1] = p.HellingerDistance(q);
            values[2] = p.TotalVariationDistance(q);
            values[3] = p.BhattacharyyaDistance(q);
            values[Jeffreys] = p.JeffreysDivergence(q);
            for (int i = 0; i < Alphas.Length; i++)
            {
                values[FirstRenyi + i] = all || OnePerPath[FirstRenyi + i] ? p.RenyiDivergence(q, Alphas[i]) : T.Zero;
            }

            for (int i = 0; i < Epsilons.Length; i++)
            {
                values[FirstPsi + i] = all || OnePerPath[FirstPsi + i] ? p.PopulationStabilityIndex(q, Epsilons[i]) : T.Zero;
            }

            return values;
        }

        private delegate ReadOnlySpan<T> ValueGetter(ref TDist self);

        private delegate ReadOnlySpan<T> ReferenceGetter(TDist self);

        private static readonly MethodInfo ProbabilitiesGetter = typeof(TDist).GetProperty("Probabilities")!.GetMethod!;

        private static readonly ValueGetter? StructProbabilities = typeof(TDist).IsValueType ? ProbabilitiesGetter.CreateDelegate<ValueGetter>() : null;

        private static readonly ReferenceGetter? ClassProbabilities = typeof(TDist).IsValueType ? null : ProbabilitiesGetter.CreateDelegate<ReferenceGetter>();

        /// <summary>A copy of the instance's stored Probabilities (a span property: not on the interface, read through an open-instance delegate).</summary>
        private static T[] Stored(TDist d) => StructProbabilities is not null ? StructProbabilities(ref d).ToArray() : ClassProbabilities!(d).ToArray();

        // ---- reference helpers (double) --------------------------------------------------------------------------------

        /// <summary>|Σx − 1|, with the −1 inside the compensated sum (Σx itself would round 1 + 1e-39 back to 1).</summary>
        private static double Eta(double[] x) => Math.Abs(Sum(x.Append(-1.0).ToArray()));

        /// <summary>Σ (p′ − q′)·ln(p′/q′), p′ = ε where p = 0 (q′ alike): Jeffreys of the smoothed vectors, +∞ where exactly one of p′, q′ is 0.</summary>
        private static double JeffreysRef(double[] p, double[] q, double epsilon)
        {
            double s = 0;
            for (int i = 0; i < p.Length; i++)
            {
                double pe = p[i] == 0 ? epsilon : p[i], qe = q[i] == 0 ? epsilon : q[i];
                if (pe == qe)
                {
                    continue;
                }

                if (pe == 0 || qe == 0)
                {
                    return double.PositiveInfinity;
                }

                s += (pe - qe) * LogRatioRef(pe, qe);
            }

            return s;
        }

        /// <summary>(4K·ε_d + 16·ε_T)·S + Tiny: PropertyTests' bound for the raw KL (file header).</summary>
        private static double TolKL(double s) => ((4.0 * K * EpsDouble) + (16 * Eps)) * s + Tiny<T>();

        private static double Expm1Magnitude(double z) => double.IsNegativeInfinity(z) ? 1 : Math.Abs(z) < 1e-5 ? Math.Abs(z) * (1 + (0.5 * z)) : Math.Abs(Math.Exp(z) - 1);

        /// <summary>
        /// slack(α) of the file header: a bound on |computed D_α − D̃_α|, D̃ the Rényi divergence of P/ΣP from Q, for a
        /// finite computed <paramref name="value"/> (0 where it is +∞: infinities are checked exactly elsewhere).
        /// </summary>
        /// <param name="normalisation">Whether to allow for Σp ≠ 1 (not where both sides are the same function of the vectors).</param>
        private static double RenyiSlack(double[] p, double[] q, double alpha, double value, bool normalisation = true)
        {
            if (double.IsPositiveInfinity(value))
            {
                return 0;
            }

            double eta = normalisation ? Eta(p) : 0;
            double final = (2 * EpsDouble * value) + (Eps * value) + Tiny<T>();
            if (double.IsPositiveInfinity(alpha))
            {
                return (8 * EpsDouble * value) + (2.5 * eta) + final;
            }

            if (alpha == 1)
            {
                double a = 0;
                for (int i = 0; i < p.Length; i++)
                {
                    if (p[i] > 0 && q[i] > 0)
                    {
                        a += p[i] * Math.Abs(LogRatioRef(p[i], q[i]));
                    }
                }

                return (2 * (K + 4) * EpsDouble * a) + (eta * ((2 * value) + 2.5)) + final;
            }

            double a1 = alpha - 1;
            var z = new double[p.Length];
            double top = double.NegativeInfinity, maxZ = double.NegativeInfinity;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] > 0)
                {
                    z[i] = q[i] > 0 ? a1 * LogRatioRef(p[i], q[i]) : a1 < 0 ? double.NegativeInfinity : double.PositiveInfinity;
                    if (double.IsPositiveInfinity(z[i]))
                    {
                        return 0; // α > 1 and q = 0 < p: the value must be +∞
                    }

                    maxZ = Math.Max(maxZ, z[i]);
                    top = Math.Max(top, Math.Log(p[i]) + z[i]);
                }
            }

            if (double.IsNegativeInfinity(top))
            {
                return 0; // α < 1, disjoint supports: +∞
            }

            bool sumOfExponentials = maxZ > 700;
            double weights = 0, sensitivity = 0;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] > 0 && double.IsFinite(z[i]))
                {
                    double w = Math.Exp(Math.Log(p[i]) + z[i] - top);
                    weights += w;
                    sensitivity += w * (Math.Abs(z[i]) + (sumOfExponentials ? Math.Abs(Math.Log(p[i])) : 0));
                }
            }

            sensitivity /= weights;
            double logT = top + Math.Log(weights);
            bool log1pBranch = logT >= Math.Log(0.4) && !sumOfExponentials, logBranch = logT < Math.Log(0.6) || sumOfExponentials;
            double terms = 1;
            if (log1pBranch)
            {
                double m = 0;
                for (int i = 0; i < p.Length; i++)
                {
                    if (p[i] > 0)
                    {
                        m += p[i] * Expm1Magnitude(z[i]);
                    }
                }

                terms = Math.Max(m / Math.Exp(logT), logBranch ? 1 : 0);
            }

            double rounding = 2 * EpsDouble * (((K + 3) * terms) + (4 * sensitivity)) / Math.Abs(a1);
            double normal = (logT >= Math.Log(0.4) ? eta * ((2 * alpha * value) + 2.5) : 0) + (logT < Math.Log(0.6) ? eta * alpha / Math.Abs(a1) : 0);
            return rounding + normal + final;
        }


        // ---- properties ------------------------------------------------------------------------------------------------

        /// <summary>Ranges and infinities, the maxima for disjoint supports, symmetry and the inequalities, on each pair.</summary>
        [Fact]
        public void RangesSymmetryAndInequalities()
        {
            var worst = new Worst();
            double ln2T = D(To<T>(Ln2));
            double sumRel = ((2.0 * K + 16) * EpsDouble) + (16 * Eps);
            double h2Rel = ((K + 12) * EpsDouble) + (12 * Eps), tvRel = ((K + 2) * EpsDouble) + (2 * Eps);
            Pairs.Sample((p, q) =>
            {
                double[] pd = D<T>(p), qd = D<T>(q);
                double etaP = Eta(pd), etaQ = Eta(qd);
                bool oneSidedZero = false, overlap = false, qMissesP = false;
                for (int i = 0; i < K; i++)
                {
                    oneSidedZero |= (pd[i] == 0) != (qd[i] == 0);
                    overlap |= pd[i] > 0 && qd[i] > 0;
                    qMissesP |= pd[i] > 0 && qd[i] == 0;
                }

                // Ranges: ≥ 0, never NaN; JS ≤ ln 2, H ≤ 1, TV ≤ 1, all three finite.
                T[] raw = RawMeasures(p, q);
                double[] values = raw.Select(D).ToArray();
                for (int m = 0; m < values.Length; m++)
                {
                    if (double.IsNaN(values[m]) || !(values[m] >= 0))
                    {
                        throw new XunitException($"{Name}.{MeasureNames[m]} = {R(values[m])} (NaN or negative), {At(p, q)}");
                    }
                }

                double js = values[0], h = values[1], tv = values[2];
                Finite(js, $"{Name}.JensenShannonDivergence, {At(p, q)}");
                Finite(h, $"{Name}.HellingerDistance, {At(p, q)}");
                Finite(tv, $"{Name}.TotalVariationDistance, {At(p, q)}");
                Assert.True(js <= ln2T && h <= 1 && tv <= 1, $"{Name}: JS = {R(js)} > ln 2, H = {R(h)} > 1 or TV = {R(tv)} > 1, {At(p, q)}");

                // +∞ exactly where the definitions say.
                void InfiniteIff(int m, bool infinite, string why)
                {
                    if (double.IsPositiveInfinity(values[m]) != infinite)
                    {
                        throw new XunitException($"{Name}.{MeasureNames[m]} = {R(values[m])}, expected {(infinite ? "" : "not ")}+∞ ({why}), {At(p, q)}");
                    }
                }

                InfiniteIff(Jeffreys, oneSidedZero, "a bin with exactly one of p, q zero");
                InfiniteIff(3, !overlap, "disjoint supports");
                for (int i = 0; i < Alphas.Length; i++)
                {
                    bool infinite = Alphas[i] >= T.One ? qMissesP : !overlap;
                    InfiniteIff(FirstRenyi + i, infinite, Alphas[i] >= T.One ? "some q = 0 < p, α ≥ 1" : "disjoint supports, α < 1");
                }

                for (int i = 0; i < Epsilons.Length; i++)
                {
                    InfiniteIff(FirstPsi + i, Epsilons[i] == T.Zero && oneSidedZero, "ε = 0 and a bin with exactly one of p, q zero");
                }

                if (!overlap)
                {
                    // The maxima, reached exactly for disjoint supports (file header).
                    double tol = ((K + 12) * EpsDouble) + (12 * Eps) + etaP + etaQ;
                    Near(worst, "disjoint: JS = ln 2", Ln2, js, tol * Ln2, () => At(p, q));
                    Near(worst, "disjoint: H = 1", 1, h, tol, () => At(p, q));
                    Near(worst, "disjoint: TV = 1", 1, tv, tol, () => At(p, q));
                }

                // Symmetry: JS, H, TV, D_B bit for bit (JS only where SIMD runs: file header); Jeffreys and PSI to
                // (2K + 16)ε_d + 16ε_T relative.
                T jsSwapped = TDist.JensenShannonDivergence(q, p);
                if (Vector128.IsHardwareAccelerated)
                {
                    SameBits("JS(p, q) = JS(q, p)", raw[0], jsSwapped, () => At(p, q));
                }
                else
                {
                    Near(worst, "JS(p, q) = JS(q, p) (no SIMD)", js, D(jsSwapped), (sumRel * js) + Tiny<T>(), () => At(p, q));
                }

                SameBits("H(p, q) = H(q, p)", raw[1], TDist.HellingerDistance(q, p), () => At(p, q));
                SameBits("TV(p, q) = TV(q, p)", raw[2], TDist.TotalVariationDistance(q, p), () => At(p, q));
                SameBits("D_B(p, q) = D_B(q, p)", raw[3], TDist.BhattacharyyaDistance(q, p), () => At(p, q));
                double j = values[Jeffreys];
                Near(worst, "J(p, q) = J(q, p)", j, D(TDist.JeffreysDivergence(q, p)), (sumRel * j) + Tiny<T>(), () => At(p, q));
                for (int i = 0; i < Epsilons.Length; i++)
                {
                    double psi = values[FirstPsi + i];
                    Near(worst, "PSI(p, q) = PSI(q, p)", psi, D(TDist.PopulationStabilityIndex(q, p, Epsilons[i])), (sumRel * psi) + Tiny<T>(), () => $"ε = {NominalEpsilons[i]}, {At(p, q)}");
                }

                // Pinsker: TV ≤ √(KL/2), the slack being √(KL_high/2) − √(KL/2) plus TV's rounding and (η_p + η_q)/2.
                double kl = D(TDist.KLDivergence(p, q));
                if (double.IsFinite(kl))
                {
                    double klHigh = ((kl + TolKL(Scale(pd, qd))) * (1 + (2 * etaP))) + (2 * (etaP + etaQ));
                    double pinsker = Math.Sqrt(kl / 2);
                    AtMost(worst, "Pinsker TV ≤ √(KL/2)", tv, pinsker, Math.Sqrt(klHigh / 2) - pinsker + (tvRel * tv) + ((etaP + etaQ) / 2) + Tiny<T>(), () => $"TV = {R(tv)}, KL = {R(kl)}, {At(p, q)}");
                }

                // H² ≤ TV ≤ √2·H.
                double h2 = h * h;
                AtMost(worst, "H² ≤ TV", h2, tv, (h2Rel * h2) + (tvRel * tv) + Tiny<T>(), () => $"H = {R(h)}, TV = {R(tv)}, {At(p, q)}");
                AtMost(worst, "TV ≤ √2·H", tv, Math.Sqrt(2) * h, (Math.Sqrt(2) * h * (h2Rel + etaP + etaQ)) + (tvRel * tv) + Tiny<T>(), () => $"H = {R(h)}, TV = {R(tv)}, {At(p, q)}");

                // JS ≤ ln 2 · TV, also where a bin is {smallest subnormal, 0} (ToolkitPinnedCases: the mixture used to underflow).
                AtMost(worst, "JS ≤ ln 2·TV", js, Ln2 * tv, (sumRel * (js + (Ln2 * tv))) + Tiny<T>(), () => $"JS = {R(js)}, TV = {R(tv)}, {At(p, q)}");
            }, iter: Iter);
            worst.Print(_output);
        }

        /// <summary>Rényi over the sweep of orders: nondecreasing, α = 1 is KL, ½ is 2·D_B, 0 and ∞ are their closed forms.</summary>
        [Fact]
        public void RenyiOrders()
        {
            var worst = new Worst();
            int half = Array.IndexOf(NominalAlphas, "0.5"), one = Array.IndexOf(NominalAlphas, "1"), zero = 0, infinity = Alphas.Length - 1;
            Pairs.Sample((p, q) =>
            {
                double[] pd = D<T>(p), qd = D<T>(q);
                double etaP = Eta(pd), etaQ = Eta(qd);
                double[] values = Alphas.Select(a => D(TDist.RenyiDivergence(p, q, a))).ToArray();
                double[] slack = Alphas.Select((a, i) => RenyiSlack(pd, qd, D(a), values[i])).ToArray();
                string Values() => $"D = [{string.Join(", ", values.Select(R))}], {At(p, q)}";

                // Nondecreasing in α.
                for (int i = 0; i + 1 < Alphas.Length; i++)
                {
                    string check = $"D_{NominalAlphas[i]} ≤ D_{NominalAlphas[i + 1]}";
                    if (double.IsPositiveInfinity(values[i]))
                    {
                        Assert.True(double.IsPositiveInfinity(values[i + 1]), $"{Name}: {check}: +∞ then {R(values[i + 1])}, {At(p, q)}");
                        continue;
                    }

                    AtMost(worst, check, values[i], values[i + 1], slack[i] + slack[i + 1], Values);
                }

                // α = 1: the type's raw KL (the same function of the vectors: no normalisation allowance).
                double kl = D(TDist.KLDivergence(p, q));
                Near(worst, "D_1 = KL", kl, values[one], TolKL(Scale(pd, qd)) + RenyiSlack(pd, qd, 1, values[one], normalisation: false), () => At(p, q));

                // α = ½: 2·D_B.
                double db = D(TDist.BhattacharyyaDistance(p, q));
                double dbRounding = (((K + 12) * EpsDouble) + (9 * Eps)) * db + (K / 2.0 * Math.Exp(Math.Log(D(T.Epsilon)) + db));
                Near(worst, "D_½ = 2·D_B", 2 * db, values[half], slack[half] + (2 * dbRounding) + (5 * (etaP + etaQ)), () => $"D_B = {R(db)}, {At(p, q)}");

                // α = 0: −ln Q(p > 0). Near 1, −log1p(Σ − 1) with the −1 inside the compensated sum (ln of Σ rounded to
                // double would lose Σ − 1 ~ 1e-17); below ½, −ln Σ itself (Σ − 1 would lose a tiny Σ).
                double[] qOnP = qd.Select((x, i) => pd[i] > 0 ? x : 0).ToArray();
                double mass = Sum(qOnP);
                double want0 = Math.Max(mass < 0.5 ? -Math.Log(mass) : -Log1p(Sum(qOnP.Append(-1.0).ToArray())), 0);
                Near(worst, "D_0 = −ln Σ_{p>0} q", want0, values[zero], slack[zero], () => At(p, q));

                // α = ∞: ln max_{p>0} p/q.
                double wantInf = double.NegativeInfinity;
                for (int i = 0; i < K; i++)
                {
                    if (pd[i] > 0)
                    {
                        wantInf = Math.Max(wantInf, qd[i] == 0 ? double.PositiveInfinity : LogRatioRef(pd[i], qd[i]));
                    }
                }

                Near(worst, "D_∞ = ln max p/q", Math.Max(wantInf, 0), values[infinity], slack[infinity], () => At(p, q));
            }, iter: Iter);
            worst.Print(_output);
        }

        /// <summary>PSI at ε = 0 is Jeffreys; without an empty bin ε changes nothing; PSI and Jeffreys against a plain loop.</summary>
        [Fact]
        public void PsiAndJeffreys()
        {
            var worst = new Worst();
            double rel = ((2.0 * K + 16) * EpsDouble) + (16 * Eps);
            int full = 0;
            T[] epsilons = Epsilons.Append(To<T>(0.5)).Append(T.Epsilon).ToArray();
            Gen.Frequency((3, Pairs), (1, WellConditionedPairs)).Sample((p, q) =>
            {
                double[] pd = D<T>(p), qd = D<T>(q);
                T j = TDist.JeffreysDivergence(p, q);

                // ε = 0 is Jeffreys, bit for bit, whatever the zeros.
                SameBits("PSI(ε = 0) = Jeffreys", j, TDist.PopulationStabilityIndex(p, q, T.Zero), () => At(p, q));
                SameBits("PSI(ε = 0) = Jeffreys, swapped", TDist.JeffreysDivergence(q, p), TDist.PopulationStabilityIndex(q, p, T.Zero), () => At(p, q));

                // No empty bin: ε is never read.
                if (!p.Any(x => x == T.Zero) && !q.Any(x => x == T.Zero))
                {
                    System.Threading.Interlocked.Increment(ref full);
                    foreach (T e in epsilons)
                    {
                        SameBits("PSI(ε) without empty bins = Jeffreys", j, TDist.PopulationStabilityIndex(p, q, e), () => $"ε = {R(D(e))}, {At(p, q)}");
                    }
                }

                // Against Σ (p′ − q′)·ln(p′/q′).
                double want = JeffreysRef(pd, qd, 0);
                Near(worst, "Jeffreys vs reference", want, D(j), (rel * want) + Tiny<T>(), () => At(p, q));
                for (int i = 0; i < Epsilons.Length; i++)
                {
                    double wantE = JeffreysRef(pd, qd, D(Epsilons[i]));
                    Near(worst, "PSI vs reference", wantE, D(TDist.PopulationStabilityIndex(p, q, Epsilons[i])), (rel * wantE) + Tiny<T>(), () => $"ε = {NominalEpsilons[i]}, {At(p, q)}");
                }
            }, iter: Iter);
            worst.Print(_output);

            // The ε-invariance must not pass vacuously: a quarter of the draws are full-support well-conditioned pairs.
            Assert.True(full >= Iter / 8, $"{Name}: only {full} of {Iter} pairs without an empty bin");
        }

        /// <summary>Every measure of (p, p) is exactly +0: raw with the same array and with a copy, and the instance form.</summary>
        [Fact]
        public void IdenticalArgumentsGiveZero()
        {
            Assert.Equal(5 + 6 + 2, OnePerPath.Count(b => b)); // the names of OnePerPath all matched
            Gen.Frequency((3, Pairs), (1, WellConditionedPairs)).Sample((p, _) =>
            {
                T[] copy = (T[])p.Clone();
                TDist d = TDist.FromProbabilities(p);
                T[] same = RawMeasures(p, p, all: false), copied = RawMeasures(p, copy, all: false), instance = InstanceMeasures(d, d, all: false);
                for (int m = 0; m < MeasureNames.Length; m++)
                {
                    if (OnePerPath[m])
                    {
                        SameBits($"{MeasureNames[m]}(p, p)", T.Zero, same[m], () => $"p = {Show(p)}");
                        SameBits($"{MeasureNames[m]}(p, copy of p)", T.Zero, copied[m], () => $"p = {Show(p)}");
                        SameBits($"P.{MeasureNames[m]}(P)", T.Zero, instance[m], () => $"p = {Show(p)}");
                    }
                }
            }, iter: Iter);
        }

        /// <summary>Instance forms = raw forms on the instances' stored Probabilities, bit for bit, both ways round.</summary>
        [Fact]
        public void InstanceFormsEqualRawForms()
        {
            Pairs.Sample((p, q) =>
            {
                TDist dp = TDist.FromProbabilities(p), dq = TDist.FromWeights(q);
                T[] sp = Stored(dp), sq = Stored(dq);
                foreach (var (a, b, sa, sb, order) in new[] { (dp, dq, sp, sq, "P.X(Q)"), (dq, dp, sq, sp, "Q.X(P)") })
                {
                    T[] raw = RawMeasures(sa, sb, all: false), instance = InstanceMeasures(a, b, all: false);
                    for (int m = 0; m < MeasureNames.Length; m++)
                    {
                        SameBits($"{order}: instance {MeasureNames[m]} = raw on the stored Probabilities", raw[m], instance[m], () => $"stored p = {Show(sa)}, stored q = {Show(sb)}");
                    }
                }
            }, iter: Iter);
        }

        [Fact]
        public void MatchesScalarReference()
        {
            var worst = new Worst();
            double tol = (4.0 * K * EpsDouble) + (16 * Eps);
            WellConditionedPairs.Sample((p, q) =>
            {
                double[] pd = D<T>(p), qd = D<T>(q);
                double js = 0, jsScale = 0, tv = 0, h2 = 0;
                for (int i = 0; i < K; i++)
                {
                    double m = 0.5 * (pd[i] + qd[i]);
                    double lp = Math.Log(pd[i] / m), lq = Math.Log(qd[i] / m);
                    js += (pd[i] * lp) + (qd[i] * lq);
                    jsScale += (pd[i] * (1 + Math.Abs(lp))) + (qd[i] * (1 + Math.Abs(lq)));
                    tv += Math.Abs(pd[i] - qd[i]);
                    double s = Math.Sqrt(pd[i]) - Math.Sqrt(qd[i]);
                    h2 += s * s;
                }

                js *= 0.5;
                tv *= 0.5;
                h2 *= 0.5;
                Near(worst, "JS vs textbook", js, D(TDist.JensenShannonDivergence(p, q)), (tol * jsScale) + Tiny<T>(), () => At(p, q));
                Near(worst, "TV vs reference", tv, D(TDist.TotalVariationDistance(p, q)), (tol * tv) + Tiny<T>(), () => At(p, q));
                double h = D(TDist.HellingerDistance(p, q));
                Near(worst, "H² vs textbook", h2, h * h, (tol * (h2 + tv)) + Tiny<T>(), () => At(p, q));
            }, iter: Iter);
            worst.Print(_output);
        }
    }

    public sealed class Cat1ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat1, double>(output);

    public sealed class Cat2ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat2, double>(output);

    public sealed class Cat3ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat3, double>(output);

    public sealed class Cat4ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat4, double>(output);

    public sealed class Cat5ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat5, double>(output);

    public sealed class Cat6ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat6, double>(output);

    public sealed class Cat12ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat12, double>(output);

    public sealed class Cat16ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat16, double>(output);

    public sealed class Cat17ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat17, double>(output);

    public sealed class Cat1000ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat1000, double>(output);

    public sealed class Cat1000ClassToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat1000Class, double>(output);

    public sealed class Cat6FToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat6F, float>(output);

    public sealed class Cat17FToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat17F, float>(output);

    public sealed class Cat1000FToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat1000F, float>(output);

    public sealed class Cat6U0ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat6U0, double>(output);

    public sealed class Cat6U32ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat6U32, double>(output);

    public sealed class Cat16U0ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat16U0, double>(output);

    public sealed class Cat16U32ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat16U32, double>(output);

    public sealed class Cat17U0ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat17U0, double>(output);

    public sealed class Cat17U32ToolkitProperties(ITestOutputHelper output) : ToolkitProperties<Cat17U32, double>(output);

    /// <summary>Inputs where the toolkit once gave a wrong value, pinned deterministically.</summary>
    public sealed class ToolkitPinnedCases
    {
        /// <summary>
        /// A bin with p = the smallest subnormal and q = 0 (or the reverse): the mixture m = (p + q)/2 rounds to 0, the bin's
        /// deviance bd0(p, m = 0) was +∞, and JS came out as its maximum ln 2 (clamped) whatever the other bins were. Found by
        /// ToolkitProperties.Inequalities (JS ≤ ln 2·TV); fixed by computing each bin as ½·(bd0(2p, s) + bd0(2q, s)), s = p + q.
        /// </summary>
        [Fact]
        public void JensenShannonWithTheSmallestSubnormalAgainstZero()
        {
            // The true JS is ½·(5e-324·ln 2) ≈ 1.7e-324 (to within the smallest subnormal) plus the other bins' contributions (none here).
            Assert.True(Cat2.JensenShannonDivergence(new[] { double.Epsilon, 1 }, new[] { 0, 1.0 }) <= 1e-300);
            Assert.True(Cat2.JensenShannonDivergence(new[] { 0, 1.0 }, new[] { double.Epsilon, 1 }) <= 1e-300);

            // The same bin added to equal vectors, through the straight-line, looped and K = 1000 kernels and in float.
            double[] p6 = { 0.5, 0.5, 0, 0, 0, double.Epsilon }, q6 = { 0.5, 0.5, 0, 0, 0, 0 };
            Assert.True(Cat6.JensenShannonDivergence(p6, q6) <= 1e-300);
            Assert.True(Cat6U0.JensenShannonDivergence(p6, q6) <= 1e-300);
            double[] p1000 = Enumerable.Range(0, 1000).Select(i => i == 0 ? double.Epsilon : 1.0 / 999).ToArray();
            double[] q1000 = Enumerable.Range(0, 1000).Select(i => i == 0 ? 0 : 1.0 / 999).ToArray();
            Assert.True(Cat1000.JensenShannonDivergence(p1000, q1000) <= 1e-300);
            float[] pf = { 0.5f, 0.5f, 0, 0, 0, float.Epsilon }, qf = { 0.5f, 0.5f, 0, 0, 0, 0 };
            Assert.True(Cat6F.JensenShannonDivergence(pf, qf) <= 1e-30f);

            // What ToolkitProperties.Inequalities found (Cat5, seed 5cGUE7uoWmN5): JS = ln 2 against TV = 0.978, while
            // JS ≤ ln 2·TV = 0.678 for any vectors; the bins other than [3] give JS ≈ 0.64.
            double[] p = { 0, double.Epsilon, 1, double.Epsilon, 5.48352380952381E-25 };
            double[] q = { 0.23127869566058298, 0.3285710336169154, 0.02217502791062555, 0, 0.41797524281187604 };
            Assert.True(Cat5.JensenShannonDivergence(p, q) <= Ln2 * Cat5.TotalVariationDistance(p, q));
        }
    }
}
