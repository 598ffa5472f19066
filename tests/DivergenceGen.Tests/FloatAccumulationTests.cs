// Float Categorical kernels compute each term in float and add the terms in double (FiniteSumEmitter: "float terms
// are accumulated in double"; DESIGN.md §5). FloatVsDoubleTests allow 1e-5 relative, and the generic properties
// bound the per-term float error, neither of which reliably sees whether the K > 16 loop (or the straight-line
// code) adds in float: with random inputs the rounding errors of a float accumulation mostly cancel, and at
// K = 1000 on 16 lanes they stay near an honest bound on the float terms themselves (3ε_f·S; all-equal entries
// happen to exceed it, by 1.3×). These tests make it visible deterministically, two ways:
//
//  * Cached forms (instance Entropy(), KLDivergence(in q), CrossEntropy(in q)): the kernel's float terms are
//    reproduced bit for bit from Pmf(i) and LogPmf(i) — pᵢ·log pᵢ, pᵢ·(log pᵢ − log qᵢ), pᵢ·log qᵢ, each one float
//    multiply (and one float subtraction), the same IEEE operations lane by lane in the vector loops, the
//    straight-line code and the scalar tail (.NET does not contract a·b + c into an FMA) — and added here with
//    compensation. The kernel adds the same float values in double in another order, (K−1)·ε_d·Σ|tᵢ| apart, and
//    rounds once to float, so the result is within ½ ulp: |Δ| ≤ (ε_f/2)·(|Σt| + δ) + δ, δ = (K + 2)·ε_d·Σ|tᵢ|
//    (+ float.Epsilon for a subnormal result). Float accumulation errs by up to (K/lanes)/2 ulps, and typically by
//    more than ½ ulp somewhere in a few draws even at K = 6; at K = 1000 by many ulps.
//  * Raw-vector forms (static Entropy(span), KLDivergence(span, span), CrossEntropy(span, span)): the logarithms are
//    the library's (VectorMath.Log/LogRatio in the vector loops, MathF.Log/ScalarMath.LogRatio in the tails), each
//    within 2 ulps of exact (VectorMath's promise), so each float term is within c_t·ε_f·|term scale| of the exact
//    term and the result within c·ε_f·S + 2K·ε_d·S of the double reference (Reference.*; 2K·ε_d·S for the two
//    double sums, the reference's and the kernel's):
//      entropy        t = p·log p:         2 (log) + ½ (product) = 2.5 per term, + ½ final rounding: c = 3, S = Σ p|log p|;
//      cross-entropy  t = p·log q:         the same, c = 3, S = Σ p|log q|;
//      KL             t = p·LogRatio(p,q): ≤ 2 + ½ + ½ per term relative to p(|log p| + |log q|) (the fallback
//                     log p − log q is the worst case), + ½ final rounding: c = 3.5, S = Σ p(|log p| + |log q|) =
//                     Reference.Scale, plus 2ε_f² absolute (second order of the rounding correction, Σp = 1).
//    c does not grow with K; float accumulation of K = 1000 terms does, but only where the inputs make the rounding
//    errors add up. Swamping inputs do that deterministically: the first 16 entries carry terms M (the first element
//    of every lane at 16, 8 and 4 float lanes, and the start of the scalar loop), the other 984 terms of
//    f·½ulp(M), f ∈ [0.7, 0.95]. A lane accumulated in float stays at M (or 2M, 4M, 16M): every small term is lost
//    to rounding, 984·f·½ulp(M) in all, 3.8–9.8× the bound c·ε_f·S at every width (SwampingInputsAreAsDesigned).
//    Adding in double keeps them. K = 6 and 17 have too few terms for this (≤ 16 lost terms stay within c·ε_f·S), so
//    there only the cached forms can tell.
using System;
using System.Linq;
using CsCheck;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;
using static DivergenceGen.Tests.Reference;

namespace DivergenceGen.Tests
{
    public sealed class FloatAccumulationTests
    {
        public enum Measure
        {
            Entropy,
            KL,
            CrossEntropy,
        }

        // ---- cached forms: the float terms reproduced exactly ------------------------------------------------

        private static void CachedFormsAddTheFloatTermsInDouble<TF>(Gen<(float[] P, float[] Q)> pairs, long iter)
            where TF : ICategoricalSurface<TF, float>
        {
            int k = TF.ClassCount;
            string name = typeof(TF).Name;
            pairs.Sample((p, q) =>
            {
                TF dp = TF.FromProbabilities(p), dq = TF.FromProbabilities(q);
                double[] h = new double[k], kl = new double[k], ce = new double[k];
                for (int i = 0; i < k; i++)
                {
                    // Exactly the kernel's float operations (then widened exactly): see the file header.
                    float pi = dp.Pmf(i), lp = dp.LogPmf(i), lq = dq.LogPmf(i);
                    h[i] = pi > 0f ? pi * lp : 0f;
                    kl[i] = pi > 0f ? pi * (lp - lq) : 0f;
                    ce[i] = pi > 0f ? pi * lq : 0f;
                }

                string at = $"p = [{string.Join(", ", p.Take(20).Select(R))}…], q = [{string.Join(", ", q.Take(20).Select(R))}…]";
                HalfUlp(-ExactSum(h), dp.Entropy(), h, $"{name}.Entropy(), {at}");
                HalfUlp(Math.Max(ExactSum(kl), 0), dp.KLDivergence(dq), kl, $"{name}.KLDivergence(in q), {at}");
                HalfUlp(-ExactSum(ce), dp.CrossEntropy(dq), ce, $"{name}.CrossEntropy(in q), {at}");
            }, iter: iter);
        }

        /// <summary>The sum of the terms (+∞ if one is, as in the kernel), else compensated: ≈ 2ε_d·Σ|t| from exact.</summary>
        private static double ExactSum(double[] terms) => terms.Any(double.IsInfinity) ? terms.Sum() : Sum(terms);

        private static void HalfUlp(double want, float got, double[] terms, string what)
        {
            double delta = (terms.Length + 2) * EpsDouble * terms.Where(double.IsFinite).Sum(Math.Abs);
            double bound = EpsSingle / 2 * (Math.Abs(want) + delta) + delta + float.Epsilon;
            Within(want, got, bound, what + " (float terms summed in double, rounded once)");
        }

        [Fact]
        public void CachedFormsCat6F() => CachedFormsAddTheFloatTermsInDouble<Cat6F>(Gens.ProbabilityPair<float>(6), Gens.Iterations);

        [Fact]
        public void CachedFormsCat17F() => CachedFormsAddTheFloatTermsInDouble<Cat17F>(Gens.ProbabilityPair<float>(17), Gens.Iterations);

        [Fact]
        public void CachedFormsCat1000F()
        {
            // 500 random pairs (K = 1000 costs ~2 ms a draw), and the swamping inputs.
            CachedFormsAddTheFloatTermsInDouble<Cat1000F>(Gens.ProbabilityPair<float>(1000), 500);
            CachedFormsAddTheFloatTermsInDouble<Cat1000F>(SwampingPairs(1000), 100);
        }

        // ---- raw-vector forms: within the per-term bound ---------------------------------------------------

        private static void RawFormsAreWithinTheTermBound<TF>(Gen<(float[] P, float[] Q)> pairs, long iter)
            where TF : ICategoricalSurface<TF, float>
        {
            int k = TF.ClassCount;
            string name = typeof(TF).Name;
            pairs.Sample((p, q) =>
            {
                double[] pd = D<float>(p), qd = D<float>(q);
                double sh = 0, sce = 0;
                for (int i = 0; i < k; i++)
                {
                    if (pd[i] > 0)
                    {
                        sh += pd[i] * Math.Abs(Math.Log(pd[i]));
                        sce += qd[i] > 0 ? pd[i] * Math.Abs(Math.Log(qd[i])) : 0;
                    }
                }

                double Bound(double c, double s) => c * EpsSingle * s + 2 * k * EpsDouble * s + Tiny<float>();
                string at = $"p = [{string.Join(", ", p.Take(20).Select(R))}…], q = [{string.Join(", ", q.Take(20).Select(R))}…]";
                Within(Reference.Entropy(pd), TF.Entropy(p), Bound(3, sh), $"{name}.Entropy(span), S = {R(sh)}, {at}");
                Within(Reference.CrossEntropy(pd, qd), TF.CrossEntropy(p, q), Bound(3, sce), $"{name}.CrossEntropy(span, span), S = {R(sce)}, {at}");
                double s = Scale(pd, qd);
                Within(Reference.KL(pd, qd), TF.KLDivergence(p, q), Bound(3.5, s) + 2 * EpsSingle * EpsSingle, $"{name}.KLDivergence(span, span), S = {R(s)}, {at}");
            }, iter: iter);
        }

        [Fact]
        public void RawFormsCat6F() => RawFormsAreWithinTheTermBound<Cat6F>(Gens.ProbabilityPair<float>(6), Gens.Iterations);

        [Fact]
        public void RawFormsCat17F() => RawFormsAreWithinTheTermBound<Cat17F>(Gens.ProbabilityPair<float>(17), Gens.Iterations);

        [Fact]
        public void RawFormsCat1000F()
        {
            RawFormsAreWithinTheTermBound<Cat1000F>(Gens.ProbabilityPair<float>(1000), 500);
            RawFormsAreWithinTheTermBound<Cat1000F>(SwampingPairs(1000), 100);
        }

        // ---- swamping inputs ---------------------------------------------------------------------------------

        /// <summary>Swamping pairs for each measure, f ∈ [0.7, 0.95], a ∈ [16.5, 20] (see <see cref="Swamping"/>).</summary>
        private static Gen<(float[] P, float[] Q)> SwampingPairs(int k) =>
            Gen.Select(Gen.Int[0, 2], Gen.Double[0.7, 0.95], Gen.Double[16.5, 20]).Select((m, f, a) => Swamping(k, (Measure)m, f, a));

        /// <summary>
        /// Probability vectors whose <paramref name="measure"/> is 16 large terms M at indices 0 … 15 followed by K − 16
        /// terms of f·½ulp(M) each (file header): pᵢ = 1/16 for i &lt; 16, and
        /// entropy: M = log(16)/16 = 0.173, pₛ ≈ 2.3e-10 … 3.2e-10, Q uniform (only P matters for the raw form);
        /// KL: qᵢ = pᵢ·e^−a for i &lt; 16, so M = a/16 ∈ [1.03, 1.25] (½ulp = ε_f/2), Q ≈ uniform elsewhere, pₛ ≈ 3.3e-9 … 4.6e-9;
        /// cross-entropy: qᵢ = e^−a for i &lt; 16, M = a/16, Q ≈ uniform elsewhere, pₛ ≈ 6e-9 … 8.2e-9.
        /// At K = 1000 the float-accumulation error is, measured over f ∈ {0.7, 0.95}, a ∈ {16.5, 20} and 16, 8, 4 and 1
        /// lanes, 5.0–7.2× the raw-form bound for entropy, 3.8–6.2× for KL, 5.9–9.8× for cross-entropy.
        /// </summary>
        public static (float[] P, float[] Q) Swamping(int k, Measure measure, double f, double a)
        {
            const int big = 16;
            int small = k - big;
            const double pb = 1.0 / big;
            double m, qb;
            switch (measure)
            {
                case Measure.Entropy:
                    m = pb * Math.Log(big);
                    qb = 1.0 / k;
                    break;
                case Measure.KL:
                    m = pb * a;
                    qb = pb * Math.Exp(-a);
                    break;
                default:
                    m = pb * a;
                    qb = Math.Exp(-a);
                    break;
            }

            double qs = (1 - (big * qb)) / small;
            double target = f * HalfUlp((float)m);
            double ps = target;
            for (int n = 0; n < 60; n++)
            {
                // Fixed point of ps = target / |per-unit-p term|: converges (the logarithm changes slowly).
                ps = target / (measure switch
                {
                    Measure.Entropy => -Math.Log(ps),
                    Measure.KL => Math.Log(qs / ps),
                    _ => -Math.Log(qs),
                });
            }

            double[] p = new double[k], q = new double[k];
            for (int i = 0; i < k; i++)
            {
                p[i] = i < big ? pb : ps;
                q[i] = i < big ? qb : qs;
            }

            return (Gens.Normalise<float>(p), Gens.Normalise<float>(q));
        }

        private static double HalfUlp(float x) => (MathF.BitIncrement(x) - (double)x) / 2;

        [Fact]
        public void SwampingInputsAreAsDesigned()
        {
            // The design, checked on the float vectors the tests use, so that the raw-form tests keep their power if
            // the construction is changed: with the terms added in float, lane by lane at every width (16, 8, 4 lanes,
            // and 1 for the scalar loop), then across the lanes, the result is off by more than 3× the raw-form bound
            // (measured ≥ 3.8×, see Swamping). Terms computed here in double from the float inputs and rounded to
            // float (the kernels' float terms are within a few ulps of these, which moves nothing at these margins).
            foreach (Measure measure in Enum.GetValues<Measure>())
            {
                foreach (double f in new[] { 0.7, 0.95 })
                {
                    foreach (double a in new[] { 16.5, 20 })
                    {
                        var (p, q) = Swamping(1000, measure, f, a);
                        double[] pd = D<float>(p), qd = D<float>(q);
                        double[] t = new double[1000];
                        double scale = 0;
                        for (int i = 0; i < 1000; i++)
                        {
                            (t[i], double s) = measure switch
                            {
                                Measure.Entropy => (pd[i] * Math.Log(pd[i]), pd[i] * Math.Abs(Math.Log(pd[i]))),
                                Measure.KL => (pd[i] * Math.Log(pd[i] / qd[i]), pd[i] * (Math.Abs(Math.Log(pd[i])) + Math.Abs(Math.Log(qd[i])))),
                                _ => (pd[i] * Math.Log(qd[i]), pd[i] * Math.Abs(Math.Log(qd[i]))),
                            };
                            scale += s;
                        }

                        double exact = Sum(t);
                        double bound = (measure == Measure.KL ? 3.5 : 3) * EpsSingle * scale;
                        foreach (int lanes in new[] { 16, 8, 4, 1 })
                        {
                            var acc = new float[lanes];
                            for (int i = 0; i < 1000; i++)
                            {
                                acc[i % lanes] += (float)t[i];
                            }

                            float floatSum = 0;
                            foreach (float x in acc)
                            {
                                floatSum += x;
                            }

                            double loss = Math.Abs(floatSum - exact);
                            Assert.True(loss > 3 * bound, $"{measure}, f = {f}, a = {a}, {lanes} lanes: float accumulation off by {R(loss)}, only {R(loss / bound)}× the bound {R(bound)}");
                        }
                    }
                }
            }
        }
    }
}
