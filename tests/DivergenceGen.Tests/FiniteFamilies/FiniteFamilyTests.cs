using System;
using System.Linq;
using DivergenceGen.Tests.CountFamilies;
using Xunit;

namespace DivergenceGen.Tests.FiniteFamilies
{
    /// <summary>Binomial(10) re-described by its log-weight: log C(10, k) + k·log p + (10 − k)·log(1 − p), with 0·log 0 = 0.</summary>
    [FiniteFamily(11)]
    public readonly partial struct Binomial10AsFinite
    {
        private static double LogWeight(int k, double p) =>
            SpecialFunctions.LogBinomialCoefficient(10, k) + XLogY(k, p) + XLogY(10 - k, 1 - p);

        private static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);
    }

    /// <summary>The example: a Zipf law with exponent s on the ranks 1 … 21 (outcome k is rank k + 1).</summary>
    [FiniteFamily(21)]
    public readonly partial struct Zipf21
    {
        private static double LogWeight(int k, double s) => -s * Math.Log(k + 1);
    }

    /// <summary>The same law in single precision, as a sealed class.</summary>
    [FiniteFamily(21)]
    public sealed partial class Zipf21F
    {
        private static float LogWeight(int k, float s) => -s * MathF.Log(k + 1);
    }

    /// <summary>Two parameters, and log-weights that can be +∞ (b = 0), NaN (a = b = 0) or all −∞ (a/b and −a(k + 1) overflowing).</summary>
    [FiniteFamily(4)]
    public readonly partial struct Edgy
    {
        private static double LogWeight(int k, double a, double b) => k == 0 ? a / b : -a * (k + 1);
    }

    /// <summary>The built-in Categorical of the same K, to compare the toolkit's raw forms with.</summary>
    [Categorical(21)]
    public readonly partial struct FiniteFamilyToolkitCat21;

    public sealed class FiniteFamilyTests
    {
        private const double Eps = 2.220446049250313e-16;

        /// <summary>
        /// The error bound of a log-probability of the re-described Binomial(10), derived. LogWeight(k, p) is three terms
        /// S₁ = log C(10, k) (SpecialFunctions: a few ulps), S₂ = k·log p and S₃ = (10 − k)·log(1 − p) (one log and one product:
        /// 2 ulps each; log(1 − p) also carries the rounding of 1 − p, |p/(1 − p)|·ε relative, at most 100ε for p ≤ 0.99),
        /// added with 2 roundings: |δ log wₖ| ≤ 4ε·Sₖ + 100ε·|S₃| where Sₖ = |S₁| + |S₂| + |S₃|. The normaliser subtracts
        /// m = max log w (its own error, ≤ the same bound at the argmax) and log Σ exp(log wⱼ − m), whose relative error is
        /// at most max δ + (K + 2)ε, so |δ log Z| ≤ 2·max δ + 13ε. The built-in Binomial's log-pmf (its own log C, k·log p,
        /// (n − k)·log1p(−p)) has at most the same bound. Total: |Δ log pₖ| ≤ 2·(4ε·Sₖ + 100ε·|S₃|) + 2·maxⱼ(…) + 13ε.
        /// </summary>
        private static double LogPmfBound(double p, int k)
        {
            double Terms(int j, out double s3)
            {
                double s1 = Math.Abs(SpecialFunctions.LogBinomialCoefficient(10, j));
                double s2 = j == 0 ? 0 : Math.Abs(j * Math.Log(p));
                s3 = j == 10 ? 0 : Math.Abs((10 - j) * Math.Log(1 - p));
                return s1 + s2 + s3;
            }

            double Own(int j) => 4 * Eps * Terms(j, out double s3) + 100 * Eps * s3;
            double max = Enumerable.Range(0, 11).Max(Own);
            return 2 * Own(k) + 2 * max + 13 * Eps;
        }

        private static double MaxBound(double p) => Enumerable.Range(0, 11).Max(k => LogPmfBound(p, k));

        [Fact]
        public void Binomial10_RedescribedAsFiniteFamily_AgreesWithTheBuiltIn()
        {
            var random = new Random(16);
            for (int trial = 0; trial < 200; trial++)
            {
                double p = 0.01 + 0.98 * random.NextDouble();
                double q = 0.01 + 0.98 * random.NextDouble();
                var finite = new Binomial10AsFinite(p);
                var finiteQ = new Binomial10AsFinite(q);
                var builtIn = new Bin10(p);
                var builtInQ = new Bin10(q);
                Assert.Equal(p, finite.P);

                for (int k = 0; k <= 10; k++)
                {
                    double bound = LogPmfBound(p, k);
                    Assert.True(Math.Abs(finite.LogPmf(k) - builtIn.LogPmf(k)) <= bound,
                        $"p = {p:R}, k = {k}: LogPmf {finite.LogPmf(k):R} vs {builtIn.LogPmf(k):R}, bound {bound:R}");
                    // |Δp| = p·|e^Δlog − 1| ≤ p·2·|Δ log p| for |Δ log p| < 1.
                    Assert.True(Math.Abs(finite.Pmf(k) - builtIn.Pmf(k)) <= 2 * builtIn.Pmf(k) * bound + Eps * builtIn.Pmf(k));
                }

                // A measure Σₖ pₖ·f(log pₖ, log qₖ) with |∂f| ≤ 1 in each log moves by at most Σ pₖ(δ + δ·|f|) + δ for the
                // change of pₖ (relative ≤ 2δ): with δ = the largest bound of P and Q, ≤ δ·(2 + 2·Σ pₖ(|log pₖ| + |log qₖ|)),
                // and the K-term sums add K·ε·Σ |terms|.
                double delta = Math.Max(MaxBound(p), MaxBound(q));
                double spread = Enumerable.Range(0, 11).Sum(k => builtIn.Pmf(k) * (Math.Abs(builtIn.LogPmf(k)) + Math.Abs(builtInQ.LogPmf(k))));
                double measureBound = delta * (2 + 2 * spread) + 11 * Eps * spread;
                Close(finite.Entropy(), builtIn.Entropy(), measureBound, "Entropy", p, q);
                Close(finite.KLDivergence(finiteQ), builtIn.KLDivergence(builtInQ), measureBound, "KLDivergence", p, q);
                Close(finite.CrossEntropy(finiteQ), builtIn.CrossEntropy(builtInQ), measureBound, "CrossEntropy", p, q);

                // TV = ½Σ|pₖ − qₖ| moves by at most ½Σ(|Δpₖ| + |Δqₖ|) ≤ 2δ; JS = ½Σ pₖ log(2pₖ/(pₖ + qₖ)) + … is of the same
                // form as KL with log-derivatives ≤ 1: the measure bound holds.
                Close(finite.TotalVariationDistance(finiteQ), builtIn.TotalVariationDistance(builtInQ), 2 * delta + 11 * Eps, "TotalVariationDistance", p, q);
                Close(finite.JensenShannonDivergence(finiteQ), builtIn.JensenShannonDivergence(builtInQ), measureBound, "JensenShannonDivergence", p, q);
            }
        }

        private static void Close(double actual, double expected, double bound, string what, double p, double q) =>
            Assert.True(Math.Abs(actual - expected) <= bound, $"{what} at p = {p:R}, q = {q:R}: {actual:R} vs {expected:R} (|Δ| = {Math.Abs(actual - expected):R}, bound {bound:R})");

        [Fact]
        public void Zipf_AgreesWithADirectComputation()
        {
            foreach (double s in new[] { 0.0, 0.5, 1.0, 1.5, 3.0, 40.0 })
            {
                var zipf = new Zipf21(s);
                // Direct: Z = Σ_{r=1}^{21} r^−s summed from the smallest term (relative error ≤ 21ε + the pow's), log pₖ =
                // −s·log(k + 1) − log Z. Both sides compute −s·log r (≤ 2 ulps of s·log 21 ≤ 3.1·s) and a normaliser; the
                // difference is bounded by 2·(2ε·s·log 21) + 2·(21 + 4)ε.
                double z = 0;
                for (int r = 21; r >= 1; r--)
                {
                    z += Math.Pow(r, -s);
                }

                double bound = 4 * Eps * s * Math.Log(21) + 50 * Eps;
                for (int k = 0; k < 21; k++)
                {
                    double expected = -s * Math.Log(k + 1) - Math.Log(z);
                    Assert.True(Math.Abs(zipf.LogPmf(k) - expected) <= bound * Math.Max(1, Math.Abs(expected)),
                        $"s = {s:R}, k = {k}: {zipf.LogPmf(k):R} vs {expected:R}");
                }

                Assert.Equal(0, zipf.Mode);
                Assert.Equal(double.NegativeInfinity, zipf.LogPmf(21));
                Assert.Equal(0.0, zipf.Pmf(-1));
                Assert.Equal(1.0, Enumerable.Range(0, 21).Sum(zipf.Pmf), 12);
                Assert.Equal(s, zipf.S);

                var single = new Zipf21F((float)s);
                for (int k = 0; k < 21; k++)
                {
                    // float: the log-weights are rounded to float (relative 2⁻²⁴ of s·log 21), then normalised in double.
                    double expected = -s * Math.Log(k + 1) - Math.Log(z);
                    Assert.True(Math.Abs(single.LogPmf(k) - expected) <= 8 * 5.96e-8 * Math.Max(1, s * Math.Log(21)) * Math.Max(1, Math.Abs(expected)),
                        $"float s = {s:R}, k = {k}: {single.LogPmf(k):R} vs {expected:R}");
                }
            }

            Assert.Equal(Math.Log(21), new Zipf21(0).Entropy(), 14);
        }

        [Fact]
        public void TryCreate_AndConstructor_Agree()
        {
            Assert.True(Zipf21.TryCreate(1.25, out var viaTry));
            var viaNew = new Zipf21(1.25);
            for (int k = 0; k < 21; k++)
            {
                Assert.Equal(viaNew.LogPmf(k), viaTry.LogPmf(k));
            }

            Assert.False(Zipf21.TryCreate(double.NaN, out _));
            Assert.False(Edgy.TryCreate(1, 0, out _)); // 1/0 = +∞ at k = 0
            Assert.False(Zipf21F.TryCreate(float.PositiveInfinity, out var none));
            Assert.Null(none);
        }

        [Fact]
        public void Validation_NamesTheParameterAndTheOutcome()
        {
            var nan = Assert.Throws<ArgumentOutOfRangeException>(() => new Zipf21(double.NaN));
            Assert.Equal("s", nan.ParamName);
            var infinite = Assert.Throws<ArgumentOutOfRangeException>(() => new Edgy(1, double.NegativeInfinity));
            Assert.Equal("b", infinite.ParamName);

            // a / b with b = 0: LogWeight(0, …) = +∞.
            var plus = Assert.Throws<ArgumentException>(() => new Edgy(1, 0));
            Assert.Contains("Edgy(a = 1, b = 0)", plus.Message, StringComparison.Ordinal);
            Assert.Contains("LogWeight(0, …) is Infinity", plus.Message, StringComparison.Ordinal);

            // 0 / 0 = NaN at k = 0.
            var notANumber = Assert.Throws<ArgumentException>(() => new Edgy(0, 0));
            Assert.Contains("LogWeight(0, …) is NaN", notANumber.Message, StringComparison.Ordinal);

            // p outside [0, 1]: log of a negative number, NaN.
            var outside = Assert.Throws<ArgumentException>(() => new Binomial10AsFinite(1.5));
            Assert.Contains("Binomial10AsFinite(p = 1.5)", outside.Message, StringComparison.Ordinal);
            Assert.Equal("p", outside.ParamName);
        }

        [Fact]
        public void AllNegativeInfinity_Throws()
        {
            var none = Assert.Throws<ArgumentException>(() => new Edgy(double.MaxValue, -1e-300)); // a/b and −2a, −3a, −4a all overflow to −∞
            Assert.Contains("every LogWeight(k, …), k = 0 … 3, is −∞", none.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void DefaultInstance_Throws()
        {
            var d = default(Zipf21);
            Assert.True(d.IsDefault);
            Assert.Throws<InvalidOperationException>(() => d.S);
            Assert.Throws<InvalidOperationException>(() => d.LogPmf(0));
            Assert.Throws<InvalidOperationException>(() => d.Entropy());
            Assert.Throws<InvalidOperationException>(() => new Zipf21(1).KLDivergence(d));
            Assert.Contains("default", d.ToString(), StringComparison.Ordinal);
            Assert.False(new Zipf21(1).IsDefault);
        }

        [Fact]
        public void ToString_NamesKAndTheParameters()
        {
            Assert.Equal("Zipf21: FiniteFamily(K = 21, s = 1.5)", new Zipf21(1.5).ToString());
            Assert.Equal("Edgy: FiniteFamily(K = 4, a = 1, b = 2)", new Edgy(1, 2).ToString());
        }

        /// <summary>
        /// The divergence toolkit on a user-described family (issue 17): every instance measure is the type's own raw form on
        /// the two stored probability vectors, bit for bit (the same generated kernels), the raw forms agree with
        /// Categorical's on the same vectors, and the conventions hold at the edges (P.X(P) = +0; a law with more mass in the
        /// tail against a near point mass).
        /// </summary>
        [Fact]
        public void ToolkitMeasures_AreTheCategoricalKernelsOnTheStoredProbabilities()
        {
            var random = new Random(20261206);
            foreach (var (s1, s2) in new[] { (1.5, 1.5000000001), (0.2, 3.0), (0.0, 40.0), (2.0, 2.0) }.Concat(Enumerable.Range(0, 20).Select(_ => (random.NextDouble() * 4, random.NextDouble() * 4))))
            {
                var p = new Zipf21(s1);
                var q = new Zipf21(s2);
                double[] pv = p.Probabilities.ToArray(), qv = q.Probabilities.ToArray();
                Assert.Equal(Zipf21.JensenShannonDivergence(pv, qv), p.JensenShannonDivergence(q));
                Assert.Equal(Zipf21.HellingerDistance(pv, qv), p.HellingerDistance(q));
                Assert.Equal(Zipf21.TotalVariationDistance(pv, qv), p.TotalVariationDistance(q));
                Assert.Equal(Zipf21.BhattacharyyaDistance(pv, qv), p.BhattacharyyaDistance(q));
                Assert.Equal(Zipf21.JeffreysDivergence(pv, qv), p.JeffreysDivergence(q));
                Assert.Equal(Zipf21.PopulationStabilityIndex(pv, qv, 1e-4), p.PopulationStabilityIndex(q, 1e-4));
                foreach (double alpha in new[] { 0, 0.5, 1, 2, double.PositiveInfinity })
                {
                    Assert.Equal(Zipf21.RenyiDivergence(pv, qv, alpha), p.RenyiDivergence(q, alpha));
                }

                Assert.Equal(FiniteFamilyToolkitCat21.JensenShannonDivergence(pv, qv), p.JensenShannonDivergence(q));
                Assert.Equal(FiniteFamilyToolkitCat21.JeffreysDivergence(pv, qv), p.JeffreysDivergence(q));
                Assert.True(p.JensenShannonDivergence(q) <= Math.Log(2) && p.TotalVariationDistance(q) <= 1 && p.HellingerDistance(q) <= 1);
                Assert.Equal(0.0, p.JensenShannonDivergence(p));
                Assert.True(BitConverter.DoubleToInt64Bits(p.JeffreysDivergence(p)) == 0, "Jeffreys(P, P) is +0");
            }
        }

        [Fact]
        public void Sample_FollowsThePmf()
        {
            var zipf = new Zipf21(1.0);
            var random = new Random(7);
            int n = 200_000;
            var counts = new int[21];
            for (int i = 0; i < n; i++)
            {
                counts[zipf.Sample(random)]++;
            }

            // Each frequency within 5 standard deviations of pₖ.
            for (int k = 0; k < 21; k++)
            {
                double p = zipf.Pmf(k);
                Assert.True(Math.Abs(counts[k] / (double)n - p) <= 5 * Math.Sqrt(p * (1 - p) / n), $"k = {k}");
            }
        }
    }
}
