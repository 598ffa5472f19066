// Properties of the generated code, sampled with CsCheck (Gens.Iterations = 2,000 per property; a failure is
// shrunk and printed with its seed; the few System.Random draws use fixed seeds named in their failure messages).
// Every property runs for every declared type through the abstract generic classes below (xUnit discovers the
// [Fact]s on each concrete subclass).
//
// Inputs (Gens, in Reference.cs):
//  * Single vectors (Gens.ProbabilityVector): ordinary values mixed with the places implementations break —
//    p ∈ {0, 1, 1e-300, 1e-16, 1 − 1e-16, subnormals}, ~27% zero entries, one-hot and all-equal vectors.
//  * Pairs (P, Q) for entropy, KL and cross-entropy (Gens.ProbabilityPair): one in four is two independent such
//    vectors, which check the +∞ and 0·log 0 conventions but give KL = +∞ in ~97% of pairs at K = 16 and, at
//    K = 1000, in all but those with a one-hot P or an all-equal Q; three in four have matched supports (Q's
//    support ⊇ P's, or equal), so KL and H(P,Q) are finite and the SIMD loops are checked on finite sums of
//    ordinary vectors at every K: Dirichlet(α)-like values with α from 0.01 (very peaked)
//    to 100 (near-uniform), entries spread over up to 300 decades (float: 37), near-uniform vectors, and P ≈ Q
//    (qᵢ ∝ pᵢ·exp(δzᵢ), δ down to 1e-9). P's zeros are put in every index class of the kernels: the first element,
//    inside a full vector, in the tail after the last full vector of a width (K = 17: one element at every width;
//    K = 1000 float: 8 after 62 vectors of 16), the last element, scattered and in runs.
//    PairGeneratorGivesFiniteValuesInEveryIndexClass measures this on 400 draws from a fixed seed: at every K at
//    least half the pairs give a finite KL and a third a finite KL > 0 (measured 76–87% and 46–77%), and finite
//    pairs have P-zeros in each index class.
//
// Tolerances, in units of ε_T = the machine epsilon of the precision under test (2⁻⁵² or 2⁻²³) and ε_d = 2⁻⁵², with
// S = Σ pᵢ(|log pᵢ| + |log qᵢ|), the magnitude of the terms the quantities are summed from (Reference.Scale):
//  * generated vs the scalar reference loop: |Δ| ≤ (4K·ε_d + 16·ε_T)·S. Both sides add K terms in double (float
//    kernels widen each float term and accumulate in double), and recursive summation is off by at most
//    (K−1)·ε_d·Σ|terms| ≤ (K−1)·ε_d·S, so 2(K−1)·ε_d·S for the two sums together; each term p·(log p − log q)
//    carries ≤ (ulps of the vector log, assumed ≤ 4) + 2 roundings in T, ≤ 6ε_T·S for both sides.
//    (2K·ε_d + 6ε_T)·S ≤ (4K·ε_d + 16ε_T)·S; for double that is (4K + 16)εS. For float the bound does not grow with
//    K: float accumulation would be off by up to ~(K/lanes)·ε_T·S, which a (4K + 16)·ε_T bound (5e-4·S at K = 1000)
//    would hide (FloatAccumulationTests make it visible deterministically). KL is a difference of such terms and
//    can be far smaller than S (P ≈ Q), so a bound relative to KL itself would be wrong; for entropy S = H and the
//    bound is relative.
//    The raw-vector kernels take one logarithm per element, log(pᵢ/qᵢ), with the division's rounding put back
//    exactly (VectorMath.LogRatio: log r + (p − r·q)/p, residual by FMA), so the same bound holds for KL; without
//    the correction it would not where pᵢ ≈ qᵢ ≈ 1 (p = [0, 1], q = [1.5e-7, 1 − 1.5e-7]: 7e-10 relative).
//  * H(P,Q) = H(P) + KL(P‖Q): relative max(1e-12, 8K·ε_d + 40ε_T). With the bound above, H, KL and H(P,Q) are each
//    within (2K·ε_d + 10ε_T)·S of exact, and the three S add up to at most 4·H(P,Q) (H(P) ≤ H(P,Q) by Gibbs), so
//    the identity holds to (8K·ε_d + 40ε_T) relative: 2e-14 for K = 6, 1.8e-12 for K = 1000 in double (hence the
//    max), 4.8e-6 in float at any K ≤ 1000.
//  * Σ Pmf = 1 after FromWeights/FromLogits/FromCounts: (K + 4)ε. pᵢ = wᵢ/Σw with the sum computed to (K−1)ε/2
//    relative, one rounding per division and a few ulps of exp/log for logits; the test sums with compensation.
//  * float vs double: see FloatVsDoubleTests; float terms added in double: see FloatAccumulationTests.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using CsCheck;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;
using static DivergenceGen.Tests.Reference;

namespace DivergenceGen.Tests
{
    // ================================================================================================================
    // Categorical
    // ================================================================================================================

    public abstract class CategoricalProperties<TDist, T>
        where TDist : ICategoricalSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        protected static int K => TDist.ClassCount;

        protected static string Name => typeof(TDist).Name;

        private static double Eps => Eps<T>();

        /// <summary>(4K·ε_d + 16·ε_T)·S (file header): the K terms are added in double whatever T is.</summary>
        private static double Tol(double s) => (4.0 * K * EpsDouble + 16 * Eps) * s + Tiny<T>();

        /// <summary>The KL bound: the same as for the other quantities (file header).</summary>
        private static double TolKL(double s, double[] p) => Tol(s);

        private static string Show(T[] v) => "[" + string.Join(", ", v.Take(24).Select(x => D(x).ToString("R"))) + (v.Length > 24 ? ", …" : "") + "]";

        private static Gen<(T[] P, T[] Q)> Pairs => Gens.ProbabilityPair<T>(K);

        [Fact]
        public void ClassCountIsTheDeclaredK()
        {
            // K as the user wrote it, [Categorical(K)] read back from the declaration (not from generated code), against
            // everything generated that depends on it: ClassCount, the Classes constant, the accepted span length, and
            // the outcomes with a probability.
            var declaration = typeof(TDist).GetCustomAttribute<CategoricalAttribute>();
            Assert.NotNull(declaration);
            int k = declaration.Classes;
            Assert.Equal(k, TDist.ClassCount);
            Assert.Equal(k, (int)typeof(TDist).GetField("Classes")!.GetRawConstantValue()!);
            Assert.Equal(typeof(T), declaration.Precision == Precision.Single ? typeof(float) : typeof(double));

            // Probabilities and LogProbabilities (spans, so not reachable through the interface or PropertyInfo) have length K.
            TDist d = TDist.FromProbabilities(Gens.Uniform<T>(k));
            Assert.Equal(k, SpanLength("Probabilities", d));
            Assert.Equal(k, SpanLength("LogProbabilities", d));

            // Outcomes 0 … K − 1 carry the mass, K does not; spans of length K ± 1 are refused.
            double[] pmf = Enumerable.Range(0, k).Select(i => D(d.Pmf(i))).ToArray();
            Within(1.0, Sum(pmf), (k + 4) * Eps, $"{Name}: Σ Pmf(0 … {k - 1}) of the uniform distribution");
            Exact(0.0, D(d.Pmf(k)), $"{Name}.Pmf({k})");
            Exact(double.NegativeInfinity, D(d.LogPmf(k)), $"{Name}.LogPmf({k})");
            foreach (int n in new[] { k - 1, k + 1 })
            {
                T[] wrong = n == 0 ? Array.Empty<T>() : Gens.Uniform<T>(n);
                Assert.False(TDist.TryFromProbabilities(wrong, out _), $"{Name}.TryFromProbabilities accepted length {n} ≠ K = {k}");
                Assert.Throws<ArgumentException>(() => TDist.FromProbabilities(wrong));
            }
        }

        private delegate ReadOnlySpan<T> ValueGetter(ref TDist self);

        private delegate ReadOnlySpan<T> ReferenceGetter(TDist self);

        /// <summary>The length of a span-valued property of a generated type, read through an open-instance delegate.</summary>
        private static int SpanLength(string property, TDist d)
        {
            var getter = typeof(TDist).GetProperty(property)!.GetMethod!;
            if (typeof(TDist).IsValueType)
            {
                return getter.CreateDelegate<ValueGetter>()(ref d).Length;
            }

            return getter.CreateDelegate<ReferenceGetter>()(d).Length;
        }

        [Fact]
        public void PairGeneratorGivesFiniteValuesInEveryIndexClass()
        {
            // The pair generator must keep KL and H(P, Q) finite in most draws at every K (independent edge-case
            // vectors alone give +∞ in all draws at K = 1000, and the loops were then never checked on finite sums),
            // and put P's zeros in every index class of the kernels. Measured on 400 draws from a fixed seed
            // (deterministic): at least half must give a finite KL (three quarters come from matched supports, finite
            // by construction; measured 76–87% at K ≥ 2, 100% at K = 1), at least a third a finite KL > 0 (K > 1;
            // measured 46% at K = 2, where matched zeros often leave P = Q both one-hot, 67–77% at K ≥ 4), and among
            // the finite ones at least 5 must have a zero of P at index 0, at K − 1, inside the full vectors and in
            // the tail of each width of T, and a zero of Q (where P is 0) — measured ≥ 86 each.
            const int draws = 400;
            const ulong seed = 20261218;
            var pcg = new PCG(1, seed);
            Gen<(T[] P, T[] Q)> pairs = Pairs;
            int finite = 0, positive = 0;
            var classes = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["first"] = 0, ["last"] = 0, ["Q zero too"] = 0 };
            int[] lanes = Gens.Lanes<T>().Where(l => l <= K).ToArray();
            foreach (int l in lanes)
            {
                classes[$"inside full {l}-lane vectors"] = 0;
                if (K % l != 0)
                {
                    classes[$"tail after {l}-lane vectors"] = 0;
                }
            }

            for (int n = 0; n < draws; n++)
            {
                (T[] p, T[] q) = pairs.Generate(pcg, null, out _);
                double kl = Reference.KL(D<T>(p), D<T>(q));
                if (!double.IsFinite(kl))
                {
                    continue;
                }

                finite++;
                positive += kl > 0 ? 1 : 0;
                Count(classes, "Q zero too", q.Any(x => x == T.Zero));
                Count(classes, "first", p[0] == T.Zero);
                Count(classes, "last", p[K - 1] == T.Zero);
                foreach (int l in lanes)
                {
                    int full = K - (K % l);
                    Count(classes, $"inside full {l}-lane vectors", Enumerable.Range(1, Math.Max(0, full - 1)).Any(i => p[i] == T.Zero));
                    if (full < K)
                    {
                        Count(classes, $"tail after {l}-lane vectors", Enumerable.Range(full, K - full).Any(i => p[i] == T.Zero));
                    }
                }
            }

            string report = $"{Name}: of {draws} pairs (PCG seed {seed}), {finite} with a finite KL, {positive} of them > 0; "
                + "finite pairs with P-zeros by index class: " + string.Join(", ", classes.Select(c => $"{c.Key} {c.Value}"));
            Assert.True(finite >= draws / 2, report);
            if (K > 1)
            {
                Assert.True(positive >= draws / 3, report);
                Assert.All(classes, c => Assert.True(c.Value >= 5, report));
            }
        }

        private static void Count(IDictionary<string, int> counts, string key, bool hit)
        {
            if (hit)
            {
                counts[key]++;
            }
        }

        [Fact]
        public void KLIsNonNegativeAndZeroOnItself()
        {
            Pairs.Sample((p, q) =>
            {
                TDist dp = TDist.FromProbabilities(p), dq = TDist.FromProbabilities(q);
                double kl = D(dp.KLDivergence(dq)), kls = D(TDist.KLDivergence(p, q));
                Assert.False(double.IsNaN(kl) || double.IsNaN(kls), $"{Name}: KL is NaN for p = {Show(p)}, q = {Show(q)}");
                Assert.True(kl >= 0 && kls >= 0, $"{Name}: KL < 0 ({R(kl)}, span {R(kls)}) for p = {Show(p)}, q = {Show(q)}");

                // KL(P‖P) = 0 exactly, instance and span forms.
                Exact(0.0, D(dp.KLDivergence(dp)), $"{Name}: KL(P‖P), p = {Show(p)}");
                Exact(0.0, D(TDist.KLDivergence(p, p)), $"{Name}: KL(p, p) span form, p = {Show(p)}");
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void CrossEntropyIsEntropyPlusKL()
        {
            // Relative max(1e-12, 8K·ε_d + 40ε_T) (file header), plus an absolute 4ε, which also covers the ε·Σp of a
            // one-logarithm KL (file header), and the clamp: the vectors are
            // probability vectors only to within rounding (Σ = 1 ± ~ε each), and over such vectors the raw
            // Σ p log(p/q) can be as low as Σq − Σp ≈ −2ε (log x ≤ x − 1), which KL clamps to 0 while H(P,Q) − H(P)
            // keeps it. E.g. p = [1, 1.3e-40], q = [1, 4.3e-34]: raw KL = −2e-39, H(P,Q) = 1e-38.
            double rel = Math.Max(1e-12, 8.0 * K * EpsDouble + 40 * Eps);
            double abs = 4 * Eps;
            Pairs.Sample((p, q) =>
            {
                TDist dp = TDist.FromProbabilities(p), dq = TDist.FromProbabilities(q);
                double h = D(dp.Entropy()), kl = D(dp.KLDivergence(dq)), ce = D(dp.CrossEntropy(dq));
                string what = $"{Name}: H(P,Q) vs H(P) + KL(P‖Q), p = {Show(p)}, q = {Show(q)}";
                Finite(h, what + " (H(P))");
                Assert.Equal(double.IsPositiveInfinity(kl), double.IsPositiveInfinity(ce));
                Close(ce, h + kl, rel, abs, what);

                double hs = D(TDist.Entropy(p)), kls = D(TDist.KLDivergence(p, q)), ces = D(TDist.CrossEntropy(p, q));
                Assert.Equal(double.IsPositiveInfinity(kls), double.IsPositiveInfinity(ces));
                Close(ces, hs + kls, rel, abs, what + " (span forms)");
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void MatchesScalarReference()
        {
            Pairs.Sample((p, q) =>
            {
                double[] pd = D<T>(p), qd = D<T>(q);
                TDist dp = TDist.FromProbabilities(p), dq = TDist.FromProbabilities(q);
                double s = Scale(pd, qd);
                string at = $"p = {Show(p)}, q = {Show(q)}, S = {R(s)}";

                Within(Reference.Entropy(pd), D(dp.Entropy()), Tol(Scale(pd, pd)), $"{Name}.Entropy(), {at}");
                Within(Reference.Entropy(pd), D(TDist.Entropy(p)), Tol(Scale(pd, pd)), $"{Name}.Entropy(span), {at}");
                Within(Reference.KL(pd, qd), D(dp.KLDivergence(dq)), TolKL(s, pd), $"{Name}.KLDivergence(in q), {at}");
                Within(Reference.KL(pd, qd), D(TDist.KLDivergence(p, q)), TolKL(s, pd), $"{Name}.KLDivergence(span, span), {at}");
                Within(Reference.CrossEntropy(pd, qd), D(dp.CrossEntropy(dq)), Tol(s), $"{Name}.CrossEntropy(in q), {at}");
                Within(Reference.CrossEntropy(pd, qd), D(TDist.CrossEntropy(p, q)), Tol(s), $"{Name}.CrossEntropy(span, span), {at}");

                for (int i = 0; i < K; i++)
                {
                    // Values used as given; log-probabilities within a few ulps of log pᵢ (−∞ for pᵢ = 0). Messages
                    // are formatted only for a failing element (2K strings a draw would dominate the time at K = 1000).
                    double pmf = D(dp.Pmf(i)), lp = Math.Log(pd[i]), logPmf = D(dp.LogPmf(i)), bound = 4 * Eps * Math.Abs(lp) + Eps;
                    if (pmf != pd[i])
                    {
                        Exact(pd[i], pmf, $"{Name}.Pmf({i}), {at}");
                    }

                    if (!IsWithin(lp, logPmf, bound))
                    {
                        Within(lp, logPmf, bound, $"{Name}.LogPmf({i}), {at}");
                    }
                }

                foreach (int k in new[] { -1, K, K + 1, int.MinValue, int.MaxValue })
                {
                    Exact(double.NegativeInfinity, D(dp.LogPmf(k)), $"{Name}.LogPmf({k}) outside [0, K)");
                    Exact(0.0, D(dp.Pmf(k)), $"{Name}.Pmf({k}) outside [0, K)");
                }
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void NormalisedConstructorsSumToOne()
        {
            double tol = (K + 4) * Eps;
            Gens.Weight.Array[K].Sample(w =>
            {
                if (w.All(x => x == 0))
                {
                    w[0] = 1;
                }

                T[] wt = To<T>(w);
                if (wt.All(x => x == T.Zero))
                {
                    wt[0] = T.One;
                }

                TDist fw = TDist.FromWeights(wt);
                Assert.True(TDist.TryFromWeights(wt, out TDist? fw2));
                AssertSumsToOne(fw, tol, "FromWeights(" + Show(wt) + ")");
                AssertSumsToOne(fw2, tol, "TryFromWeights(" + Show(wt) + ")");

                // Logits: log w (−∞ for a zero weight).
                T[] logits = wt.Select(x => To<T>(Math.Log(D(x)))).ToArray();
                TDist fl = TDist.FromLogits(logits);
                Assert.True(TDist.TryFromLogits(logits, out TDist? fl2));
                AssertSumsToOne(fl, tol, "FromLogits(" + Show(logits) + ")");
                AssertSumsToOne(fl2, tol, "TryFromLogits(" + Show(logits) + ")");
            }, iter: Gens.Iterations);
        }

        private static void AssertSumsToOne(TDist d, double tol, string what)
        {
            double[] pm = new double[K];
            for (int i = 0; i < K; i++)
            {
                pm[i] = D(d.Pmf(i));
                if (!(pm[i] >= 0 && pm[i] <= 1) || double.IsNaN(D(d.LogPmf(i)))) // messages only for a failing element
                {
                    Assert.True(pm[i] >= 0 && pm[i] <= 1, $"{Name}.{what}.Pmf({i}) = {R(pm[i])} outside [0, 1]");
                    NotNaN(D(d.LogPmf(i)), $"{Name}.{what}.LogPmf({i})");
                }
            }

            Within(1.0, Sum(pm), tol, $"{Name}.{what}: Σ Pmf");
        }

        [Fact]
        public void FromLogitsOfLogProbabilitiesRecoversThem()
        {
            // FromLogits(log p + c) ≈ FromProbabilities(p) for any shift c. Per entry, relative error
            // ε·(4(|log pᵢ| + |c|) + K + 8): the logit itself is rounded to ε·(|log pᵢ| + |c|), the log-sum-exp
            // carries ~Kε, and exp turns an absolute error in the exponent into the same relative error.
            double c0 = typeof(T) == typeof(float) ? 10 : 100;
            Gen.Select(Gens.ProbabilityVector<T>(K), Gen.Double[-c0, c0]).Sample((p, c) =>
            {
                T[] logits = p.Select(x => To<T>(Math.Log(D(x)) + c)).ToArray();
                TDist fl = TDist.FromLogits(logits);
                for (int i = 0; i < K; i++)
                {
                    double pi = D(p[i]);
                    double tol = Eps * (4 * (Math.Abs(Math.Log(pi)) + Math.Abs(c)) + K + 8) * pi + Tiny<T>();
                    if (pi == 0)
                    {
                        Exact(0.0, D(fl.Pmf(i)), $"{Name}.FromLogits(…).Pmf({i}) for a −∞ logit");
                        Exact(double.NegativeInfinity, D(fl.LogPmf(i)), $"{Name}.FromLogits(…).LogPmf({i}) for a −∞ logit");
                    }
                    else if (!IsWithin(pi, D(fl.Pmf(i)), tol))
                    {
                        Within(pi, D(fl.Pmf(i)), tol, $"{Name}.FromLogits(log p + {R(c)}).Pmf({i}), p = {Show(p)}");
                    }
                }
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void FromWeightsIsScaleInvariant()
        {
            // pᵢ = wᵢ/Σw: scaling w by c changes each wᵢ by ≤ ½ε, the sum by ≤ (K−1)ε/2, so each pᵢ by ≤ (K + 4)ε
            // relative; 2(K + 4)ε for the two sides. Weights are ≥ 1e-100 or 0 so c·w neither under- nor overflows.
            double expo = typeof(T) == typeof(float) ? 10 : 100;
            Gen<double> w = Gen.Frequency((4, Gen.Double[1e-3, 1]), (1, Gen.Const(0.0)), (1, Gen.Double[-expo, 0].Select(e => Math.Pow(10, e))));
            Gen.Select(w.Array[K], Gen.Double[-expo, expo]).Sample((ws, e) =>
            {
                if (ws.All(x => x == 0))
                {
                    ws[K - 1] = 0.5;
                }

                double c = Math.Pow(10, e);
                T[] a = To<T>(ws);
                T[] b = a.Select(x => x * To<T>(c)).ToArray();
                TDist da = TDist.FromWeights(a), db = TDist.FromWeights(b);
                for (int i = 0; i < K; i++)
                {
                    double pa = D(da.Pmf(i)), tol = 2 * (K + 4) * Eps * pa + Tiny<T>();
                    if (!IsWithin(pa, D(db.Pmf(i)), tol))
                    {
                        Within(pa, D(db.Pmf(i)), tol, $"{Name}.FromWeights(c·w).Pmf({i}), c = {R(c)}, w = {Show(a)}");
                    }
                }
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void FromCountsAndFitGiveEmpiricalFrequencies()
        {
            // Counts ≤ 1000 and K ≤ 1000 keep every total exact in float too (< 2²⁴). With pseudocount 0 a
            // frequency is one division: ≤ 2ε relative (allowing count·(1/total)). With a pseudocount the sum
            // Σ(countᵢ + a) may be accumulated term by term: (K + 4)ε.
            Gen<long> count = Gen.Frequency((3, Gen.Long[0, 1000]), (1, Gen.Const(0L)));
            Gen<double> pseudo = Gen.Frequency((2, Gen.Const(0.0)), (1, Gen.OneOf(0.5, 1.0)), (1, Gen.Double[0, 3]));
            Gen.Select(count.Array[K], pseudo).Sample((counts, a) =>
            {
                T at = To<T>(a);
                if (counts.All(x => x == 0) && at == T.Zero)
                {
                    counts[0] = 3;
                }

                double total = counts.Sum() + K * D(at);
                TDist d = TDist.FromCounts(counts, at);
                Assert.True(TDist.TryFromCounts(counts, at, out TDist? d2));
                double rel = at == T.Zero ? 2 * Eps : (K + 4) * Eps;
                for (int i = 0; i < K; i++)
                {
                    double want = (counts[i] + D(at)) / total, tol = rel * want + Tiny<T>();
                    if (!IsWithin(want, D(d.Pmf(i)), tol) || !IsWithin(want, D(d2.Pmf(i)), tol))
                    {
                        string what = $"{Name}.FromCounts(counts, {R(a)}).Pmf({i}), counts = [{string.Join(", ", counts.Take(24))}]";
                        Within(want, D(d.Pmf(i)), tol, what);
                        Within(want, D(d2.Pmf(i)), tol, "Try" + what);
                    }
                }

                if (at == T.Zero)
                {
                    Assert.True(TDist.TryFromCounts(counts, out TDist? d3));
                    for (int i = 0; i < K; i++)
                    {
                        if (D(d.Pmf(i)) != D(d3.Pmf(i)))
                        {
                            Exact(D(d.Pmf(i)), D(d3.Pmf(i)), $"{Name}.TryFromCounts(counts) vs FromCounts(counts, 0), class {i}");
                        }
                    }
                }
            }, iter: Gens.Iterations);

            Gen.Int[0, K - 1].Array[1, 300].Sample(outcomes =>
            {
                TDist d = TDist.Fit(outcomes);
                int[] hits = new int[K];
                foreach (int o in outcomes)
                {
                    hits[o]++;
                }

                for (int i = 0; i < K; i++)
                {
                    double want = (double)hits[i] / outcomes.Length;
                    if (!IsWithin(want, D(d.Pmf(i)), 2 * Eps * want))
                    {
                        Within(want, D(d.Pmf(i)), 2 * Eps * want, $"{Name}.Fit(…).Pmf({i}), n = {outcomes.Length}");
                    }
                }
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void LogLikelihoodIsSumOfLogPmf()
        {
            // Summing n terms in any order: ≤ (n + 2)·ε·Σ|LogPmf| apart.
            Gen.Select(Gens.ProbabilityVector<T>(K), Gen.Frequency((9, Gen.Int[0, K - 1]), (1, Gen.OneOf(-1, K, -5, K + 7))).Array[0, 40])
                .Sample((p, outcomes) =>
            {
                TDist d = TDist.FromProbabilities(p);
                double[] terms = outcomes.Select(o => D(d.LogPmf(o))).ToArray();
                double got = D(d.LogLikelihood(outcomes));
                if (outcomes.Length == 0)
                {
                    Exact(0.0, got, $"{Name}.LogLikelihood(empty)");
                }
                else if (terms.Any(double.IsNegativeInfinity))
                {
                    Exact(double.NegativeInfinity, got, $"{Name}.LogLikelihood with an impossible outcome, [{string.Join(", ", outcomes)}]");
                }
                else
                {
                    double tol = (outcomes.Length + 2) * Eps * terms.Sum(Math.Abs) + Tiny<T>();
                    Within(Sum(terms), got, tol, $"{Name}.LogLikelihood([{string.Join(", ", outcomes)}]), p = {Show(p)}");
                }
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void ModeIsSmallestArgmax()
        {
            // Small integer weights: many ties, which must resolve to the smallest index.
            Gen.Int[0, 3].Array[K].Sample(w =>
            {
                if (w.All(x => x == 0))
                {
                    w[K / 2] = 2;
                }

                TDist d = TDist.FromWeights(w.Select(x => T.CreateTruncating(x)).ToArray());
                int want = Array.IndexOf(w, w.Max());
                Assert.Equal(want, d.Mode);
            }, iter: Gens.Iterations);

            Gens.ProbabilityVector<T>(K).Sample(p =>
            {
                TDist d = TDist.FromProbabilities(p);
                Assert.Equal(Array.IndexOf(p, p.Max()), d.Mode);
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void ExtremeLogitsGiveFiniteValues()
        {
            // ±1e4 in double, ±1e3 in float (DESIGN §5): a naive softmax overflows. Finite logits give finite
            // log-probabilities (LogPmf = logit − logsumexp, even where Pmf underflows to 0), and finite entropy,
            // KL and cross-entropy (every log q is finite), never NaN.
            double big = typeof(T) == typeof(float) ? 1e3 : 1e4;
            Gen<double> logit = Gen.Frequency((3, Gen.Double[-big, big]), (2, Gen.OneOf(big, -big, 0.0)), (1, Gen.Const(double.NegativeInfinity)));
            Gen.Select(logit.Array[K], logit.Array[K]).Sample((a, b) =>
            {
                a[0] = big; // at least one finite logit, and the extreme
                b[K - 1] = -big;
                if (b.All(double.IsNegativeInfinity))
                {
                    b[0] = 0;
                }

                T[] la = To<T>(a), lb = To<T>(b);
                TDist da = TDist.FromLogits(la), db = TDist.FromLogits(lb);
                double lse = LogSumExp(D<T>(la));
                for (int i = 0; i < K; i++)
                {
                    double want = D(la[i]) - lse;
                    double got = D(da.LogPmf(i));
                    double bound = 8 * Eps * (Math.Abs(D(la[i])) + Math.Abs(lse)) + 8 * Eps;
                    if (double.IsNegativeInfinity(D(la[i])))
                    {
                        Exact(double.NegativeInfinity, got, $"{Name}.FromLogits(…).LogPmf({i}) for a −∞ logit");
                    }
                    else if (!IsWithin(want, got, bound))
                    {
                        Within(want, got, bound, $"{Name}.FromLogits(extreme).LogPmf({i}), logit {R(D(la[i]))}");
                    }

                    if (double.IsNaN(D(da.Pmf(i))))
                    {
                        NotNaN(D(da.Pmf(i)), $"{Name}.FromLogits(extreme).Pmf({i})");
                    }
                }

                AssertSumsToOne(da, (K + 4) * Eps, "FromLogits(extreme)");
                Finite(D(da.Entropy()), $"{Name}.FromLogits(extreme).Entropy()");
                bool bHasMassWhereAHas = Enumerable.Range(0, K).All(i => double.IsNegativeInfinity(a[i]) || !double.IsNegativeInfinity(b[i]));
                double kl = D(da.KLDivergence(db)), ce = D(da.CrossEntropy(db));
                NotNaN(kl, $"{Name}: KL between extreme-logit distributions");
                NotNaN(ce, $"{Name}: cross-entropy between extreme-logit distributions");
                Assert.True(kl >= 0, $"{Name}: KL = {R(kl)} < 0 between extreme-logit distributions");
                if (bHasMassWhereAHas)
                {
                    Finite(kl, $"{Name}: KL(FromLogits(a)‖FromLogits(b)) with every log q finite where p > 0");
                    Finite(ce, $"{Name}: H(FromLogits(a), FromLogits(b)) with every log q finite where p > 0");
                }
            }, iter: Gens.Iterations);
        }

        private static double LogSumExp(double[] x)
        {
            double m = x.Max();
            return m + Math.Log(Sum(x.Select(v => Math.Exp(v - m)).ToArray()));
        }

        [Fact]
        public void SampleFrequenciesMatchProbabilities()
        {
            // 200,000 seeded draws: each class frequency within 5σ = 5·sqrt(p(1−p)/n) of p, and a class with
            // probability 0 is never drawn (σ = 0).
            const int n = 200_000;
            double[] w = Enumerable.Range(0, K).Select(i => (double)((i * 5 + 3) % 7)).ToArray(); // zeros at i ≡ 5 (mod 7)
            if (w.All(x => x == 0))
            {
                w[0] = 1;
            }

            TDist d = TDist.FromWeights(To<T>(w));
            const int seed = 12345;
            var random = new Random(seed);
            long[] hits = new long[K];
            for (int j = 0; j < n; j++)
            {
                int s = d.Sample(random);
                Assert.InRange(s, 0, K - 1);
                hits[s]++;
            }

            for (int i = 0; i < K; i++)
            {
                double p = D(d.Pmf(i));
                double sigma = Math.Sqrt(p * (1 - p) / n);
                Within(p, (double)hits[i] / n, 5 * sigma, $"{Name}.Sample frequency of class {i} ({hits[i]} of {n}, Random seed {seed})");
            }
        }
    }

    public sealed class Cat1Properties : CategoricalProperties<Cat1, double>;

    public sealed class Cat2Properties : CategoricalProperties<Cat2, double>;

    public sealed class Cat3Properties : CategoricalProperties<Cat3, double>;

    public sealed class Cat4Properties : CategoricalProperties<Cat4, double>;

    public sealed class Cat5Properties : CategoricalProperties<Cat5, double>;

    public sealed class Cat6Properties : CategoricalProperties<Cat6, double>;

    public sealed class Cat12Properties : CategoricalProperties<Cat12, double>;

    public sealed class Cat16Properties : CategoricalProperties<Cat16, double>;

    public sealed class Cat17Properties : CategoricalProperties<Cat17, double>;

    public sealed class Cat1000Properties : CategoricalProperties<Cat1000, double>;

    public sealed class Cat1000ClassProperties : CategoricalProperties<Cat1000Class, double>;

    public sealed class Cat1000FProperties : CategoricalProperties<Cat1000F, float>;

    public sealed class Cat6FProperties : CategoricalProperties<Cat6F, float>;

    public sealed class Cat17FProperties : CategoricalProperties<Cat17F, float>;

    public sealed class Cat6U0Properties : CategoricalProperties<Cat6U0, double>;

    public sealed class Cat6U32Properties : CategoricalProperties<Cat6U32, double>;

    public sealed class Cat16U0Properties : CategoricalProperties<Cat16U0, double>;

    public sealed class Cat16U32Properties : CategoricalProperties<Cat16U32, double>;

    public sealed class Cat17U0Properties : CategoricalProperties<Cat17U0, double>;

    public sealed class Cat17U32Properties : CategoricalProperties<Cat17U32, double>;

    /// <summary>
    /// Unrolled = vectorised = scalar: the same K declared with the default threshold, UnrollThreshold = 0 (SIMD
    /// loops) and UnrollThreshold = 32 (straight-line code), on the same inputs, against each other and against the
    /// scalar reference loop. Tolerance (4K + 16)·ε·S against the reference, for KL too (see the
    /// file header), twice that between two generated forms.
    /// </summary>
    public sealed class UnrollEquivalenceTests
    {
        private static void Same<TA, TB, TC>()
            where TA : ICategoricalSurface<TA, double>
            where TB : ICategoricalSurface<TB, double>
            where TC : ICategoricalSurface<TC, double>
        {
            int k = TA.ClassCount;
            Assert.Equal(k, TB.ClassCount);
            Assert.Equal(k, TC.ClassCount);
            string names = $"{typeof(TA).Name}/{typeof(TB).Name}/{typeof(TC).Name}";
            Gens.ProbabilityPair<double>(k).Sample((p, q) =>
            {
                double tol = (4.0 * k + 16) * EpsDouble * Scale(p, q) + 1e-300;
                double tkl = tol; // one log(p/q) per element, rounding corrected: the same bound (file header)
                double th = (4.0 * k + 16) * EpsDouble * Scale(p, p) + 1e-300;
                TA ap = TA.FromProbabilities(p), aq = TA.FromProbabilities(q);
                TB bp = TB.FromProbabilities(p), bq = TB.FromProbabilities(q);
                TC cp = TC.FromProbabilities(p), cq = TC.FromProbabilities(q);
                double[] h = { ap.Entropy(), bp.Entropy(), cp.Entropy(), TA.Entropy(p), TB.Entropy(p), TC.Entropy(p) };
                double[] kl = { ap.KLDivergence(aq), bp.KLDivergence(bq), cp.KLDivergence(cq), TA.KLDivergence(p, q), TB.KLDivergence(p, q), TC.KLDivergence(p, q) };
                double[] ce = { ap.CrossEntropy(aq), bp.CrossEntropy(bq), cp.CrossEntropy(cq), TA.CrossEntropy(p, q), TB.CrossEntropy(p, q), TC.CrossEntropy(p, q) };
                string at = $"{names}, p = [{string.Join(", ", p.Select(R))}], q = [{string.Join(", ", q.Select(R))}]";
                for (int i = 0; i < h.Length; i++)
                {
                    Within(Reference.Entropy(p), h[i], th, $"entropy form {i} vs scalar reference, {at}");
                    Within(Reference.KL(p, q), kl[i], tkl, $"KL form {i} vs scalar reference, {at}");
                    Within(Reference.CrossEntropy(p, q), ce[i], tol, $"cross-entropy form {i} vs scalar reference, {at}");
                    Within(h[0], h[i], 2 * th, $"entropy form {i} vs form 0, {at}");
                    Within(kl[0], kl[i], 2 * tkl, $"KL form {i} vs form 0, {at}");
                    Within(ce[0], ce[i], 2 * tol, $"cross-entropy form {i} vs form 0, {at}");
                }

                for (int j = 0; j < k; j++)
                {
                    // The stored log pᵢ may come from a vector log in one form and Math.Log in another: 8 ulps.
                    double l = Math.Log(p[j]);
                    Within(l, ap.LogPmf(j), 4 * EpsDouble * Math.Abs(l) + EpsDouble, $"LogPmf({j}) {typeof(TA).Name}, {at}");
                    Within(ap.LogPmf(j), bp.LogPmf(j), 8 * EpsDouble * Math.Abs(l) + EpsDouble, $"LogPmf({j}) {typeof(TA).Name} vs {typeof(TB).Name}, {at}");
                    Within(ap.LogPmf(j), cp.LogPmf(j), 8 * EpsDouble * Math.Abs(l) + EpsDouble, $"LogPmf({j}) {typeof(TA).Name} vs {typeof(TC).Name}, {at}");
                }
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void K6() => Same<Cat6, Cat6U0, Cat6U32>();

        [Fact]
        public void K16() => Same<Cat16, Cat16U0, Cat16U32>();

        [Fact]
        public void K17() => Same<Cat17, Cat17U0, Cat17U32>();
    }

    /// <summary>Probabilities / LogProbabilities (not on the runtime interface, so per concrete type).</summary>
    public sealed class CategoricalSpanPropertyTests
    {
        private static void Check(ReadOnlySpan<double> probs, ReadOnlySpan<double> logs, Func<int, double> pmf, Func<int, double> logPmf, int k, string name)
        {
            Assert.Equal(k, probs.Length);
            Assert.Equal(k, logs.Length);
            for (int i = 0; i < k; i++)
            {
                Exact(pmf(i), probs[i], $"{name}.Probabilities[{i}]");
                Exact(logPmf(i), logs[i], $"{name}.LogProbabilities[{i}]");
            }
        }

        private static double[] Weights(int k) => Enumerable.Range(0, k).Select(i => (double)(i % 5)).ToArray();

        [Fact]
        public void Cat6()
        {
            var d = Tests.Cat6.FromWeights(Weights(6));
            Check(d.Probabilities, d.LogProbabilities, i => d.Pmf(i), i => d.LogPmf(i), 6, nameof(Cat6));
        }

        [Fact]
        public void Cat17U0()
        {
            var d = Tests.Cat17U0.FromWeights(Weights(17));
            Check(d.Probabilities, d.LogProbabilities, i => d.Pmf(i), i => d.LogPmf(i), 17, nameof(Cat17U0));
        }

        [Fact]
        public void Cat1000()
        {
            var d = Tests.Cat1000.FromWeights(Weights(1000));
            Check(d.Probabilities, d.LogProbabilities, i => d.Pmf(i), i => d.LogPmf(i), 1000, nameof(Cat1000));
        }

        [Fact]
        public void Cat1000Class()
        {
            var d = Tests.Cat1000Class.FromWeights(Weights(1000));
            Check(d.Probabilities, d.LogProbabilities, i => d.Pmf(i), i => d.LogPmf(i), 1000, nameof(Cat1000Class));
        }

        [Fact]
        public void Cat1000F()
        {
            var d = Tests.Cat1000F.FromWeights(Weights(1000).Select(x => (float)x).ToArray());
            double[] probs = D<float>(d.Probabilities), logs = D<float>(d.LogProbabilities);
            Check(probs, logs, i => d.Pmf(i), i => d.LogPmf(i), 1000, nameof(Cat1000F));
        }

        [Fact]
        public void ClassesConstants()
        {
            Assert.Equal(1, Tests.Cat1.Classes);
            Assert.Equal(6, Tests.Cat6.Classes);
            Assert.Equal(17, Tests.Cat17U32.Classes);
            Assert.Equal(1000, Tests.Cat1000.Classes);
            Assert.Equal(1000, Tests.Cat1000F.Classes);
            Assert.Equal(1000, Tests.Cat1000Class.Classes);
        }
    }

    // ================================================================================================================
    // Bernoulli
    // ================================================================================================================

    public abstract class BernoulliProperties<TDist, T>
        where TDist : IBernoulliSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private static string Name => typeof(TDist).Name;

        private static double Eps => Eps<T>();

        private static Gen<T> Prob => Gens.Probability.Select(x => To<T>(x));

        private static TDist Make(T p)
        {
            Assert.True(TDist.TryCreate(p, out TDist? d), $"{Name}.TryCreate({R(D(p))}) refused a valid p");
            return d!;
        }

        [Fact]
        public void InformationInequalities()
        {
            Gen.Select(Prob, Prob).Sample((pt, qt) =>
            {
                TDist p = Make(pt), q = Make(qt);
                string at = $"p = {R(D(pt))}, q = {R(D(qt))}";
                double h = D(p.Entropy()), kl = D(p.KLDivergence(q)), ce = D(p.CrossEntropy(q));
                Finite(h, $"{Name}.Entropy(), {at}");
                Assert.True(h >= 0, $"{Name}.Entropy() = {R(h)} < 0, {at}");
                NotNaN(kl, $"{Name}.KLDivergence, {at}");
                NotNaN(ce, $"{Name}.CrossEntropy, {at}");
                Assert.True(kl >= 0, $"{Name}: KL = {R(kl)} < 0, {at}");
                Exact(0.0, D(p.KLDivergence(p)), $"{Name}: KL(P‖P), p = {R(D(pt))}");
                Assert.Equal(double.IsPositiveInfinity(kl), double.IsPositiveInfinity(ce));
                // H(P,Q) = H(P) + KL(P‖Q): K = 2 in the bound of the file header, (8·2 + 40)ε ≪ 1e-12 in double.
                Close(ce, h + kl, Math.Max(1e-12, 56 * Eps), Tiny<T>(), $"{Name}: H(P,Q) vs H(P) + KL(P‖Q), {at}");
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void MatchesScalarReference()
        {
            // (4K + 16)εS with K = 2 terms, KL included (file header).
            Gen.Select(Prob, Prob).Sample((pt, qt) =>
            {
                TDist p = Make(pt), q = Make(qt);
                double pd = D(pt), qd = D(qt);
                string at = $"p = {R(pd)}, q = {R(qd)}";
                double tol = 24 * Eps * BernoulliScale(pd, qd) + Tiny<T>();
                Within(BernoulliEntropy(pd), D(p.Entropy()), 24 * Eps * BernoulliScale(pd, pd) + Tiny<T>(), $"{Name}.Entropy(), {at}");
                Within(BernoulliKL(pd, qd), D(p.KLDivergence(q)), 24 * Eps * BernoulliScale(pd, qd) + Tiny<T>(), $"{Name}.KLDivergence, {at}");
                Within(BernoulliCrossEntropy(pd, qd), D(p.CrossEntropy(q)), tol, $"{Name}.CrossEntropy, {at}");

                // LogPmf(1) = log p, LogPmf(0) = log1p(−p) (accurate for tiny p), a few ulps.
                double l1 = Math.Log(pd), l0 = Log1p(-pd);
                Within(l1, D(p.LogPmf(1)), 4 * Eps * Math.Abs(l1) + Tiny<T>(), $"{Name}.LogPmf(1), {at}");
                Within(l0, D(p.LogPmf(0)), 4 * Eps * Math.Abs(l0) + Tiny<T>(), $"{Name}.LogPmf(0), {at}");
                foreach (int k in new[] { -1, 2, 3, int.MinValue, int.MaxValue })
                {
                    Exact(double.NegativeInfinity, D(p.LogPmf(k)), $"{Name}.LogPmf({k}), {at}");
                    Exact(0.0, D(p.Pmf(k)), $"{Name}.Pmf({k}), {at}");
                }

                Exact(pd, D(p.Pmf(1)), $"{Name}.Pmf(1), {at}");
                Exact(D(T.One - pt), D(p.Pmf(0)), $"{Name}.Pmf(0) = 1 − p, {at}");
                Exact(pd, D(p.P), $"{Name}.P, {at}");
                Exact(pd, D(p.Mean), $"{Name}.Mean, {at}");
                double v = D(pt * (T.One - pt));
                Within(v, D(p.Variance), 2 * Eps * v + Tiny<T>(), $"{Name}.Variance = p(1 − p), {at}");
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void BatchEqualsOneAtATime()
        {
            // Static span KL/Entropy vs the instance members: |Δ| ≤ 8εS per element, for KL too (rounding-corrected log(p/q))
            // (S as in the reference). Not ulps of the result: the batch
            // kernel uses vector logs, the instance scalar ones, each within ~4εS of exact, and KL cancels (p ≈ q),
            // so ulps of KL itself are meaningless. Lengths 0…67 cover the vector body and every tail length.
            Gen.Select(Prob, Prob).Array[0, 67].Sample(pairs =>
            {
                T[] ps = pairs.Select(x => x.Item1).ToArray(), qs = pairs.Select(x => x.Item2).ToArray();
                T[] kl = new T[pairs.Length], h = new T[pairs.Length];
                TDist.KLDivergence(ps, qs, kl);
                TDist.Entropy(ps, h);
                for (int i = 0; i < pairs.Length; i++)
                {
                    double pd = D(ps[i]), qd = D(qs[i]);
                    string at = $"element {i} of {pairs.Length}: p = {R(pd)}, q = {R(qd)}";
                    Within(D(Make(ps[i]).KLDivergence(Make(qs[i]))), D(kl[i]), 8 * Eps * BernoulliScale(pd, qd) + Tiny<T>(), $"{Name}.KLDivergence(span) vs instance, {at}");
                    Within(D(Make(ps[i]).Entropy()), D(h[i]), 8 * Eps * BernoulliScale(pd, pd) + Tiny<T>(), $"{Name}.Entropy(span) vs instance, {at}");
                }
            }, iter: Gens.Iterations);

            // Batch LogPmf vs scalar LogPmf: exactly equal. Per element both pick one of two per-instance values
            // (log p or log1p(−p), or −∞ off the support); there is no per-element arithmetic to round differently.
            Gen<int> outcome = Gen.Frequency((8, Gen.Int[0, 1]), (1, Gen.OneOf(-1, 2, int.MinValue, int.MaxValue, 7)));
            Gen.Select(Prob, outcome.Array[0, 67], Gen.Int[0, 3]).Sample((pt, outcomes, extra) =>
            {
                TDist d = Make(pt);
                T[] dest = new T[outcomes.Length + extra];
                d.LogPmf(outcomes, dest);
                for (int i = 0; i < outcomes.Length; i++)
                {
                    Exact(D(d.LogPmf(outcomes[i])), D(dest[i]), $"{Name}.LogPmf(span)[{i}] (outcome {outcomes[i]}) vs LogPmf(int), p = {R(D(pt))}");
                }
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void LogLikelihoodIsSumOfLogPmf()
        {
            Gen<int> outcome = Gen.Frequency((20, Gen.Int[0, 1]), (1, Gen.OneOf(-1, 2)));
            Gen.Select(Prob, outcome.Array[0, 200]).Sample((pt, outcomes) =>
            {
                TDist d = Make(pt);
                double[] terms = outcomes.Select(o => D(d.LogPmf(o))).ToArray();
                double got = D(d.LogLikelihood(outcomes));
                string at = $"p = {R(D(pt))}, n = {outcomes.Length}";
                if (outcomes.Length == 0)
                {
                    Exact(0.0, got, $"{Name}.LogLikelihood(empty)");
                }
                else if (terms.Any(double.IsNegativeInfinity))
                {
                    Exact(double.NegativeInfinity, got, $"{Name}.LogLikelihood with an impossible outcome, {at}");
                }
                else
                {
                    // n·log p + m·log1p(−p) or term by term: ≤ (n + 2)·ε·Σ|terms| apart.
                    Within(Sum(terms), got, (outcomes.Length + 2) * Eps * terms.Sum(Math.Abs) + Tiny<T>(), $"{Name}.LogLikelihood, {at}");
                }
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void FitGivesTheFrequencyOfOnes()
        {
            Gen.Int[0, 1].Array[1, 500].Sample(outcomes =>
            {
                double want = (double)outcomes.Count(o => o == 1) / outcomes.Length;
                TDist d = TDist.Fit(outcomes);
                Within(want, D(d.P), 2 * Eps * want, $"{Name}.Fit: n = {outcomes.Length}, ones = {outcomes.Count(o => o == 1)}");
            }, iter: Gens.Iterations);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(1.0)]
        [InlineData(0.5)]
        [InlineData(0.3)]
        [InlineData(1e-3)]
        [InlineData(0.999)]
        public void SampleFrequencyMatchesP(double p)
        {
            // 200,000 seeded draws, single and batch: within 5σ = 5·sqrt(p(1−p)/n); p = 0 never gives 1, p = 1 always.
            const int n = 200_000;
            TDist d = Make(To<T>(p));
            double pd = D(d.P);
            double bound = 5 * Math.Sqrt(pd * (1 - pd) / n);

            const int seed = 2024, batchSeed = 7;
            var random = new Random(seed);
            long ones = 0;
            for (int i = 0; i < n; i++)
            {
                int s = d.Sample(random);
                Assert.True(s is 0 or 1, $"{Name}.Sample returned {s}");
                ones += s;
            }

            Within(pd, (double)ones / n, bound, $"{Name}.Sample(Random) frequency of 1, p = {R(pd)}, Random seed {seed}");

            int[] batch = new int[n];
            Array.Fill(batch, -1);
            d.Sample(new Random(batchSeed), batch);
            Assert.All(batch, s => Assert.True(s is 0 or 1, $"{Name}.Sample(span) wrote {s}"));
            Within(pd, (double)batch.Sum() / n, bound, $"{Name}.Sample(Random, span) frequency of 1, p = {R(pd)}, Random seed {batchSeed}");
        }
    }

    public sealed class CoinProperties : BernoulliProperties<Coin, double>;

    public sealed class CoinClassProperties : BernoulliProperties<CoinClass, double>;

    public sealed class CoinFProperties : BernoulliProperties<CoinF, float>;

    // ================================================================================================================
    // float vs double
    // ================================================================================================================

    /// <summary>
    /// Float results against the double computation on the very same (float) inputs, so only the float arithmetic
    /// is measured. Contract: "within a few 1e-6 relative of the double result for entropy/KL/CE on well-conditioned
    /// inputs". Stated tolerance: 1e-5 relative for entropy and cross-entropy (sums of same-sign terms), 1e-5·S
    /// for KL (a difference of such sums, S its terms' magnitude, see PropertyTests' header). Well-conditioned: Bernoulli p, q ∈ [0.01, 0.99]; categorical weights in
    /// [1e-3, 1] (every probability ≥ ~1e-3/K).
    /// </summary>
    public sealed class FloatVsDoubleTests
    {
        private const double Rel = 1e-5;

        [Fact]
        public void Bernoulli()
        {
            Gen<float> p = Gen.Double[0.01, 0.99].Select(x => (float)x);
            Gen.Select(p, p).Sample((pf, qf) =>
            {
                var a = new CoinF(pf);
                var b = new CoinF(qf);
                var ad = new Coin(pf);
                var bd = new Coin(qf);
                string at = $"p = {R(pf)}, q = {R(qf)}";
                double s = BernoulliScale(pf, qf);
                Close(ad.Entropy(), a.Entropy(), Rel, 0, $"CoinF.Entropy vs Coin, {at}");
                Within(ad.KLDivergence(bd), a.KLDivergence(b), Rel * s, $"CoinF.KLDivergence vs Coin, {at}");
                Close(ad.CrossEntropy(bd), a.CrossEntropy(b), Rel, 0, $"CoinF.CrossEntropy vs Coin, {at}");
                Close(ad.LogPmf(0), a.LogPmf(0), Rel, 0, $"CoinF.LogPmf(0) vs Coin, {at}");
                Close(ad.LogPmf(1), a.LogPmf(1), Rel, 0, $"CoinF.LogPmf(1) vs Coin, {at}");
            }, iter: Gens.Iterations);
        }

        private static void Categorical<TF, TD>()
            where TF : ICategoricalSurface<TF, float>
            where TD : ICategoricalSurface<TD, double>
        {
            int k = TF.ClassCount;
            Assert.Equal(k, TD.ClassCount);
            Gen.Select(Gens.WellConditioned<float>(k), Gens.WellConditioned<float>(k)).Sample((pf, qf) =>
            {
                TF a = TF.FromProbabilities(pf), b = TF.FromProbabilities(qf);

                // The double side on the float values, widened exactly (raw-vector static forms, not validated).
                double[] pd = D<float>(pf), qd = D<float>(qf);
                double s = Scale(pd, qd);
                string at = $"{typeof(TF).Name} vs {typeof(TD).Name}, p = [{string.Join(", ", pf.Take(12).Select(R))}…]";
                Close(TD.Entropy(pd), a.Entropy(), Rel, 0, "Entropy, " + at);
                Close(TD.Entropy(pd), TF.Entropy(pf), Rel, 0, "Entropy(span), " + at);
                Within(TD.KLDivergence(pd, qd), a.KLDivergence(b), Rel * s, "KLDivergence, " + at);
                Within(TD.KLDivergence(pd, qd), TF.KLDivergence(pf, qf), Rel * s, "KLDivergence(span), " + at);
                Close(TD.CrossEntropy(pd, qd), a.CrossEntropy(b), Rel, 0, "CrossEntropy, " + at);
                Close(TD.CrossEntropy(pd, qd), TF.CrossEntropy(pf, qf), Rel, 0, "CrossEntropy(span), " + at);
            }, iter: Gens.Iterations);
        }

        [Fact]
        public void Categorical6() => Categorical<Cat6F, Cat6>();

        [Fact]
        public void Categorical1000() => Categorical<Cat1000F, Cat1000>();
    }
}

namespace DivergenceGen.Tests
{
    /// <summary>
    /// Fixed inputs where sampled properties found problems, pinned so they fail (or pass) deterministically,
    /// whatever seed CsCheck draws.
    /// </summary>
    public sealed class PinnedEdgeCaseTests
    {
        [Fact]
        public void BernoulliBatchKLWithPJustBelowOne()
        {
            // p = 1 − 2⁻⁵³ (the largest double below 1): KL = p·log(p/q) + (1−p)·log((1−p)/(1−q)) ≈ −log q.
            // Same tolerance as BatchEqualsOneAtATime against the reference: 8εS.
            double p = Math.BitDecrement(1.0);
            for (int i = 1; i < 1000; i++)
            {
                double q = i / 1000.0;
                double[] d = new double[1];
                Coin.KLDivergence(new[] { p }, new[] { q }, d);
                double want = Reference.BernoulliKL(p, q);
                NumericAssert.Within(want, d[0], 8 * Reference.EpsDouble * Reference.BernoulliScale(p, q), $"Coin.KLDivergence(span) p = {NumericAssert.R(p)}, q = {NumericAssert.R(q)}");
            }
        }

        [Fact]
        public void BernoulliFloatBatchKLWithPJustBelowOne()
        {
            float p = MathF.BitDecrement(1f);
            for (int i = 1; i < 1000; i++)
            {
                float q = i / 1000f;
                float[] d = new float[1];
                CoinF.KLDivergence(new[] { p }, new[] { q }, d);
                double want = Reference.BernoulliKL(p, q);
                NumericAssert.Within(want, d[0], 8 * Reference.EpsSingle * Reference.BernoulliScale(p, q), $"CoinF.KLDivergence(span) p = {NumericAssert.R(p)}, q = {NumericAssert.R(q)}");
            }
        }

        [Fact]
        public void FromLogitsAtPlusMinus1e4IsAccurate()
        {
            // Softmax of [1e4, −1e4, 3.5, −1e4, 9999.5, −∞]: p₀ = 1/(1 + e^−0.5), p₄ = 1/(1 + e^0.5), the rest
            // underflow to 0. The inputs are exact; an accurate log-softmax ((x − max) − log Σ) gets each to a few ε.
            double[] logits = { 1e4, -1e4, 3.5, -1e4, 9999.5, double.NegativeInfinity };
            var d = Cat6.FromLogits(logits);
            double p0 = 1 / (1 + Math.Exp(-0.5)), p4 = 1 / (1 + Math.Exp(0.5));
            NumericAssert.Close(p0, d.Pmf(0), 8 * Reference.EpsDouble, 0, "Cat6.FromLogits(±1e4).Pmf(0)");
            NumericAssert.Close(p4, d.Pmf(4), 8 * Reference.EpsDouble, 0, "Cat6.FromLogits(±1e4).Pmf(4)");
            NumericAssert.Close(Math.Log(p0), d.LogPmf(0), 8 * Reference.EpsDouble, 0, "Cat6.FromLogits(±1e4).LogPmf(0)");
            NumericAssert.Close(-20000 + Math.Log(p0), d.LogPmf(1), 8 * Reference.EpsDouble, 0, "Cat6.FromLogits(±1e4).LogPmf(1)");
            NumericAssert.Within(1.0, d.Pmf(0) + d.Pmf(4), 4 * Reference.EpsDouble, "Cat6.FromLogits(±1e4): Σ Pmf");
        }
    }
}
