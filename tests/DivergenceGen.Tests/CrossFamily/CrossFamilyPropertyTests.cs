// Properties of the generated cross-family divergences over parameter grids that include every degenerate value
// (p ∈ {0, 1}, rate 0, zeros in probability vectors). Tolerances, and why:
//  - H(P, Q) = H(P) + KL(P‖Q): 1e-10 relative / 1e-12 absolute, the documented accuracy of every double member
//    (docs/families.md: the oracle's default tolerance), since H(P) comes from the family's own Entropy().
//  - two exact routes to one value (closed form vs summation; a point mass vs its formula): the difference is
//    rounding in terms built from log-probabilities that agree to a few ulps, so at most c·ε·S with
//    S = Σ p(k)(|log p(k)| + |log q(k)|) = H(P) + H(P, Q); c = 16 allows 16 roundings per unit of S.
//  - KL(P‖P) across two types: 0, up to 1e-14 absolute (the two types' log-probabilities agree to an ulp or two, and
//    every term is p(k) times such a difference, summed over at most 11 outcomes of magnitude ≤ 30).
using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Sdk;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.CrossFamily
{
    public sealed class CrossFamilyPropertyTests
    {
        private const double Eps = 2.220446049250313e-16;

        private static readonly double[] Probs = { 0, 1e-10, 0.1, 0.3, 0.5, 0.9, 1 - 1e-10, 1 };
        private static readonly double[] Rates = { 0, 1e-3, 0.5, 3, 40 };
        private static readonly double[] Successes = { 0.05, 0.3, 0.7, 1 };
        private static readonly (double R, double P)[] NegBins = { (0.5, 0.3), (1, 0.5), (2.5, 0.6), (7, 0.9), (1.5, 1) };

        private static double[][] Vectors(int k)
        {
            var list = new List<double[]>
            {
                Enumerable.Repeat(1.0 / k, k).ToArray(),
                Enumerable.Range(0, k).Select(i => i == 0 ? 1.0 : 0.0).ToArray(),
                Enumerable.Range(0, k).Select(i => i == k - 1 ? 1.0 : 0.0).ToArray(),
            };
            if (k >= 3)
            {
                // decreasing weights with a zero in the middle, normalised
                double[] w = Enumerable.Range(0, k).Select(i => i == k / 2 ? 0.0 : k - i).ToArray();
                double s = w.Sum();
                list.Add(w.Select(x => x / s).ToArray());
            }

            return list.ToArray();
        }

        /// <summary>One evaluated pair: the generated KL and H, P's entropy, and a description.</summary>
        public sealed record Pair(string What, double KL, double H, double EntropyP);

        private static string D(object x) => x switch
        {
            double[] v => "[" + string.Join(", ", v.Select(R)) + "]",
            double d => R(d),
            _ => x.ToString() ?? "?",
        };

        private static IEnumerable<Pair> Cross<TA, TB, TP, TQ>(
            string name, IEnumerable<TA> pa, IEnumerable<TB> qa, Func<TA, TP> mp, Func<TB, TQ> mq,
            Func<TP, TQ, double> kl, Func<TP, TQ, double> h)
            where TP : IDistribution<TP, double>
        {
            foreach (TA a in pa)
            {
                foreach (TB b in qa)
                {
                    TP p = mp(a);
                    TQ q = mq(b);
                    yield return new Pair($"{name}({D(a!)} ‖ {D(b!)})", kl(p, q), h(p, q), p.Entropy());
                }
            }
        }

        /// <summary>Every exact pair of Declarations.cs over the grids (the series pairs are tested in SeriesTests).</summary>
        public static IEnumerable<Pair> ExactPairs()
        {
            var nb = NegBins.Select(x => x.R.ToString("R") + "," + x.P.ToString("R"));
            XNegBin NB(string s) => new(double.Parse(s.Split(',')[0]), double.Parse(s.Split(',')[1]));
            return new[]
            {
                Cross("Bernoulli‖Binomial(1)", Probs, Probs, p => new XCoin(p), q => new XBin1(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("BernoulliClass‖Binomial(1)", Probs, Probs, p => new XCoinClass(p), q => new XBin1(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Bernoulli‖Binomial(4)", Probs, Probs, p => new XCoin(p), q => new XBin4(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Bernoulli‖Poisson", Probs, Rates, p => new XCoin(p), q => new XPoisson(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Bernoulli‖Categorical(2)", Probs, Vectors(2), p => new XCoin(p), q => XCat2.FromProbabilities(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Bernoulli‖Categorical(1)", Probs, Vectors(1), p => new XCoin(p), q => XCat1.FromProbabilities(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Bernoulli‖BernoulliClass", Probs, Probs, p => new XCoin(p), q => new XCoinClass(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(1)‖Bernoulli", Probs, Probs, p => new XBin1(p), q => new XCoin(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(1)‖Categorical(2)", Probs, Vectors(2), p => new XBin1(p), q => XCat2.FromProbabilities(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(1)‖Poisson", Probs, Rates, p => new XBin1(p), q => new XPoisson(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(1)‖Geometric", Probs, Successes, p => new XBin1(p), q => new XGeometric(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(10)‖Geometric", Probs, Successes, p => new XBin10(p), q => new XGeometric(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(100)‖Geometric", Probs, Successes, p => new XBin100(p), q => new XGeometric(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(10)‖Poisson", Probs, Rates, p => new XBin10(p), q => new XPoisson(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(20)‖Poisson", Probs, Rates, p => new XBin20(p), q => new XPoisson(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(100)‖Poisson", Probs, Rates, p => new XBin100(p), q => new XPoisson(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(5)‖Binomial(10)", Probs, Probs, p => new XBin5(p), q => new XBin10(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(10)‖Binomial(10)class", Probs, Probs, p => new XBin10(p), q => new XBin10Class(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(10)‖Binomial(5)", Probs, Probs, p => new XBin10(p), q => new XBin5(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(10)‖Binomial(0)", Probs, new[] { 0.5 }, p => new XBin10(p), q => new XBin0(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Binomial(0)‖Binomial(5)", new[] { 0.5 }, Probs, p => new XBin0(p), q => new XBin5(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Poisson‖Binomial(10)", Rates, Probs, p => new XPoisson(p), q => new XBin10(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Poisson‖Bernoulli", Rates, Probs, p => new XPoisson(p), q => new XCoin(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Poisson‖PoissonClass", Rates, Rates, p => new XPoisson(p), q => new XPoissonClass(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Geometric‖NegativeBinomial", Successes, nb, p => new XGeometric(p), NB, (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("NegativeBinomial‖Geometric", nb, Successes, NB, q => new XGeometric(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Geometric‖Binomial(5)", Successes, Probs, p => new XGeometric(p), q => new XBin5(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("NegativeBinomial‖Categorical(3)", nb, Vectors(3), NB, q => XCat3.FromProbabilities(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Categorical(6)‖Categorical(6)", Vectors(6), Vectors(6), p => XCat6.FromProbabilities(p), q => XCat6B.FromProbabilities(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Categorical(3)‖Categorical(3)class", Vectors(3), Vectors(3), p => XCat3.FromProbabilities(p), q => XCat3B.FromProbabilities(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Categorical(6)‖Categorical(7)", Vectors(6), Vectors(7), p => XCat6.FromProbabilities(p), q => XCat7.FromProbabilities(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Categorical(7)‖Categorical(6)", Vectors(7), Vectors(6), p => XCat7.FromProbabilities(p), q => XCat6.FromProbabilities(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
                Cross("Categorical(4)‖Categorical(3)", Vectors(4), Vectors(3), p => XCat4.FromProbabilities(p), q => XCat3.FromProbabilities(q), (a, b) => X.KL(a, b), (a, b) => X.H(a, b)),
            }.SelectMany(x => x);
        }

        [Fact]
        public void KLAndCrossEntropyAreNonNegativeAndNeverNaN()
        {
            int count = 0;
            foreach (Pair x in ExactPairs())
            {
                Assert.False(double.IsNaN(x.KL), x.What + ": KL is NaN");
                Assert.False(double.IsNaN(x.H), x.What + ": H is NaN");
                Assert.True(x.KL >= 0, $"{x.What}: KL = {R(x.KL)} < 0");
                Assert.True(x.H >= 0, $"{x.What}: H = {R(x.H)} < 0 (a discrete cross-entropy is ≥ H(P) ≥ 0)");
                count++;
            }

            Assert.True(count > 1000, "the grid is not vacuous: " + count);
        }

        [Fact]
        public void CrossEntropyIsEntropyPlusKL()
        {
            int finite = 0, infinite = 0;
            foreach (Pair x in ExactPairs())
            {
                if (double.IsPositiveInfinity(x.KL))
                {
                    Assert.True(double.IsPositiveInfinity(x.H), $"{x.What}: KL = +∞ but H = {R(x.H)}");
                    infinite++;
                    continue;
                }

                Close(x.EntropyP + x.KL, x.H, 1e-10, 1e-12, x.What + ": H(P, Q) vs H(P) + KL(P‖Q)");
                finite++;
            }

            Assert.True(finite > 500 && infinite > 100, $"both kinds occur: {finite} finite, {infinite} infinite");
        }

        /// <summary>
        /// c·ε·(H(P) + H(P, Q)) (see the file header), plus 2ε absolute: the Categorical(2) route is built from the
        /// probabilities [1 − q, q], and 1 − q rounded to double moves log(1 − q) by up to ε/2 absolute (more than the
        /// relative bound where KL is tiny, e.g. KL(Bernoulli(0) ‖ Bernoulli(1e-10)) = 1e-10).
        /// </summary>
        private static void SameValue(double want, double got, double entropyP, double crossEntropy, string what)
        {
            double scale = entropyP + (double.IsFinite(crossEntropy) ? crossEntropy : 0);
            Within(want, got, (16 * Eps * scale) + (2 * Eps), what);
        }

        [Fact]
        public void SummationEqualsTheClosedFormWhereBothApply()
        {
            foreach (double p in Probs)
            {
                foreach (double q in Probs)
                {
                    var coin = new XCoin(p);
                    var cat = XCat2.FromProbabilities(new[] { 1 - q, q });
                    double h = X.H(coin, new XBin1(q));
                    // Bernoulli‖Binomial(1) is closed form (Bernoulli's own KL), Bernoulli‖Categorical(2) summation.
                    SameValue(X.KL(coin, new XBin1(q)), X.KL(coin, cat), coin.Entropy(), h, $"KL(Bernoulli({R(p)}) ‖ ·({R(q)}))");
                    SameValue(h, X.H(coin, cat), coin.Entropy(), h, $"H(Bernoulli({R(p)}) ‖ ·({R(q)}))");

                    // Binomial(1)‖Bernoulli is closed form (Binomial's own KL), Binomial(1)‖Categorical(2) summation.
                    var one = new XBin1(p);
                    double h1 = X.H(one, new XCoin(q));
                    SameValue(X.KL(one, new XCoin(q)), X.KL(one, cat), one.Entropy(), h1, $"KL(Binomial(1, {R(p)}) ‖ ·({R(q)}))");
                    SameValue(h1, X.H(one, cat), one.Entropy(), h1, $"H(Binomial(1, {R(p)}) ‖ ·({R(q)}))");
                }

                foreach (double rate in Rates)
                {
                    // Bernoulli‖Poisson is the two-term closed form, Binomial(1)‖Poisson the summation with Poisson's log-pmf.
                    var coin = new XCoin(p);
                    var arrivals = new XPoisson(rate);
                    double h = X.H(coin, arrivals);
                    SameValue(X.KL(new XBin1(p), arrivals), X.KL(coin, arrivals), coin.Entropy(), h, $"KL(·({R(p)}) ‖ Poisson({R(rate)}))");
                    SameValue(X.H(new XBin1(p), arrivals), h, coin.Entropy(), h, $"H(·({R(p)}) ‖ Poisson({R(rate)}))");
                }
            }

            foreach (double[] p in Vectors(6))
            {
                foreach (double[] q in Vectors(6))
                {
                    // Categorical(6)‖Categorical(6) is P's own kernel; Q padded to Categorical(7) is the summation.
                    var cp = XCat6.FromProbabilities(p);
                    var q7 = XCat7.FromProbabilities(q.Append(0).ToArray());
                    double h = X.H(cp, XCat6B.FromProbabilities(q));
                    SameValue(X.KL(cp, XCat6B.FromProbabilities(q)), X.KL(cp, q7), cp.Entropy(), h, $"KL({D(p)} ‖ {D(q)})");
                    SameValue(h, X.H(cp, q7), cp.Entropy(), h, $"H({D(p)} ‖ {D(q)})");
                }
            }
        }

        [Fact]
        public void KLOfADistributionToItselfAcrossTwoTypesIsZero()
        {
            void Zero(double kl, string what) => Within(0, kl, 1e-14, what + ": KL(P‖P)");

            foreach (double p in Probs)
            {
                Zero(X.KL(new XCoin(p), new XCoinClass(p)), $"Bernoulli({R(p)}) struct ‖ class");
                Zero(X.KL(new XCoin(p), new XBin1(p)), $"Bernoulli({R(p)}) ‖ Binomial(1)");
                Zero(X.KL(new XBin1(p), new XCoin(p)), $"Binomial(1, {R(p)}) ‖ Bernoulli");
                Zero(X.KL(new XCoin(p), XCat2.FromProbabilities(new[] { 1 - p, p })), $"Bernoulli({R(p)}) ‖ Categorical(2)");
                Zero(X.KL(new XBin1(p), XCat2.FromProbabilities(new[] { 1 - p, p })), $"Binomial(1, {R(p)}) ‖ Categorical(2)");
                Zero(X.KL(new XBin10(p), new XBin10Class(p)), $"Binomial(10, {R(p)}) struct ‖ class");
            }

            foreach (double rate in Rates)
            {
                Zero(X.KL(new XPoisson(rate), new XPoissonClass(rate)), $"Poisson({R(rate)}) struct ‖ class");
            }

            foreach (double s in Successes)
            {
                Zero(X.KL(new XGeometric(s), new XNegBin(1, s)), $"Geometric({R(s)}) ‖ NegativeBinomial(1)");
                Zero(X.KL(new XNegBin(1, s), new XGeometric(s)), $"NegativeBinomial(1, {R(s)}) ‖ Geometric");
            }

            foreach (double[] v in Vectors(6))
            {
                Zero(X.KL(XCat6.FromProbabilities(v), XCat6B.FromProbabilities(v)), $"Categorical(6) {D(v)}");
                Zero(X.KL(XCat6.FromProbabilities(v), XCat7.FromProbabilities(v.Append(0).ToArray())), $"Categorical(6) ‖ padded Categorical(7) {D(v)}");
                Zero(X.KL(XCat7.FromProbabilities(v.Append(0).ToArray()), XCat6.FromProbabilities(v)), $"padded Categorical(7) ‖ Categorical(6) {D(v)}");
            }

            // The point mass at 0 in families whose supports differ.
            Zero(X.KL(new XBin5(0), new XBin10(0)), "Binomial(5, 0) ‖ Binomial(10, 0)");
            Zero(X.KL(new XBin10(0), new XBin5(0)), "Binomial(10, 0) ‖ Binomial(5, 0)");
            Zero(X.KL(new XPoisson(0), new XCoin(0)), "Poisson(0) ‖ Bernoulli(0)");
            Zero(X.KL(new XGeometric(1), new XBin5(0)), "Geometric(1) ‖ Binomial(5, 0)");
            Zero(X.KL(new XCoin(0), XCat1.FromProbabilities(new[] { 1.0 })), "Bernoulli(0) ‖ Categorical(1)");
        }

        [Fact]
        public void RunTimePointMassExceptions()
        {
            // The reference −n·log1p(−q) and the generated −q.LogPmf(0) differ by the rounding of one product.
            void Same(double want, double got, string what) => Close(want, got, 4 * Eps, 0, what);

            foreach (double q in Probs)
            {
                double want = q == 1 ? double.PositiveInfinity : -5 * Reference.Log1p(-q);
                // Binomial(10) with p = 0 is the point mass at 0: finite against Binomial(5); p > 0 puts mass on 6 … 10.
                Same(want, X.KL(new XBin10(0), new XBin5(q)), $"KL(Binomial(10, 0) ‖ Binomial(5, {R(q)}))");
                Same(want, X.H(new XBin10(0), new XBin5(q)), $"H(Binomial(10, 0) ‖ Binomial(5, {R(q)}))");
                Assert.Equal(double.PositiveInfinity, X.KL(new XBin10(1), new XBin5(q))); // the point mass at 10
                Assert.Equal(double.PositiveInfinity, X.KL(new XBin10(1e-10), new XBin5(q)));
                Assert.Equal(double.PositiveInfinity, X.H(new XBin10(0.5), new XBin5(q)));

                // Geometric(1) is the point mass at 0 too.
                Same(want, X.KL(new XGeometric(1), new XBin5(q)), $"KL(Geometric(1) ‖ Binomial(5, {R(q)}))");
                Assert.Equal(double.PositiveInfinity, X.KL(new XGeometric(0.7), new XBin5(q)));

                // Poisson with rate 0 against a Bernoulli: −log(1 − q).
                double want1 = q == 1 ? double.PositiveInfinity : -Reference.Log1p(-q);
                Same(want1, X.KL(new XPoisson(0), new XCoin(q)), $"KL(Poisson(0) ‖ Bernoulli({R(q)}))");
                Same(want1, X.H(new XPoisson(0), new XCoin(q)), $"H(Poisson(0) ‖ Bernoulli({R(q)}))");
                Assert.Equal(double.PositiveInfinity, X.KL(new XPoisson(1e-3), new XCoin(q)));

                // Bernoulli against the point mass Categorical(1): finite only when p = 0.
                Assert.Equal(0, X.KL(new XCoin(0), XCat1.FromProbabilities(new[] { 1.0 })));
                Assert.Equal(double.PositiveInfinity, X.KL(new XCoin(q == 0 ? 0.5 : q), XCat1.FromProbabilities(new[] { 1.0 })));
            }

            foreach (double[] v in Vectors(3))
            {
                // NegativeBinomial with p = 1 against Categorical(3): −log q(0).
                Close(-Math.Log(v[0]), X.H(new XNegBin(2.5, 1), XCat3.FromProbabilities(v)), 4 * Eps, 0, $"H(NB(2.5, 1) ‖ {D(v)})");
                Assert.Equal(double.PositiveInfinity, X.H(new XNegBin(2.5, 0.999), XCat3.FromProbabilities(v)));
            }
        }

        /// <summary>Σ_k C(n,k) p^k (1−p)^(n−k) · (log p(k) − log q(k)) for two binomials, written out independently.</summary>
        private static double BinomialKLReference(int n, double p, int m, double q)
        {
            static double LogPmf(int n, double p, int k)
            {
                if (k < 0 || k > n)
                {
                    return double.NegativeInfinity;
                }

                double logChoose = 0;
                for (int i = 1; i <= k; i++)
                {
                    logChoose += Math.Log(n - k + i) - Math.Log(i);
                }

                double a = k == 0 ? 0 : p == 0 ? double.NegativeInfinity : k * Math.Log(p);
                double b = n - k == 0 ? 0 : p == 1 ? double.NegativeInfinity : (n - k) * Reference.Log1p(-p);
                return logChoose + a + b;
            }

            double sum = 0;
            for (int k = 0; k <= n; k++)
            {
                double lp = LogPmf(n, p, k);
                if (lp == double.NegativeInfinity)
                {
                    continue;
                }

                double lq = LogPmf(m, q, k);
                if (lq == double.NegativeInfinity)
                {
                    return double.PositiveInfinity;
                }

                sum += Math.Exp(lp) * (lp - lq);
            }

            return Math.Max(sum, 0);
        }

        [Fact]
        public void BinomialAgainstBinomial_SmallerEqualAndLargerN()
        {
            foreach (double p in Probs)
            {
                foreach (double q in Probs)
                {
                    // n < m: summation over P's 6 outcomes; n = m: Binomial's own closed form; n > m: +∞ unless p = 0.
                    // The reference is a plain sum with its own log C(n, k); documented accuracy 1e-10 relative.
                    Close(BinomialKLReference(5, p, 10, q), X.KL(new XBin5(p), new XBin10(q)), 1e-10, 1e-12, $"KL(Bin(5, {R(p)}) ‖ Bin(10, {R(q)}))");
                    Close(BinomialKLReference(10, p, 10, q), X.KL(new XBin10(p), new XBin10Class(q)), 1e-10, 1e-12, $"KL(Bin(10, {R(p)}) ‖ Bin(10, {R(q)}))");
                    Close(BinomialKLReference(10, p, 5, q), X.KL(new XBin10(p), new XBin5(q)), 1e-10, 1e-12, $"KL(Bin(10, {R(p)}) ‖ Bin(5, {R(q)}))");
                }
            }
        }

        [Fact]
        public void SinglePrecisionFollowsDouble()
        {
            // Parameters exact in float, so the float and double types describe the same distributions. The float
            // log-pmfs carry ε_f = 2⁻²³ relative rounding each, so |float − double| ≤ 8·ε_f·(H(P) + H(P, Q)) + 1e-30.
            const double EpsF = 1.1920928955078125e-07;
            foreach (float p in new[] { 0f, 0.125f, 0.5f, 0.75f, 1f })
            {
                foreach (float rate in new[] { 0f, 0.5f, 3f, 40f })
                {
                    var pd = new XCoin(p);
                    var qd = new XPoisson(rate);
                    double kl = X.KL(pd, qd), h = X.H(pd, qd);
                    double bound = (8 * EpsF * (pd.Entropy() + (double.IsFinite(h) ? h : 0))) + 1e-30;
                    Within(kl, X.KL(new XCoinF(p), new XPoissonF(rate)), bound, $"float KL(Bernoulli({p}) ‖ Poisson({rate}))");
                    Within(h, X.H(new XCoinF(p), new XPoissonF(rate)), bound, $"float H(Bernoulli({p}) ‖ Poisson({rate}))");
                }
            }
        }
    }
}
