// MultinomialMath (the runtime numerics of the generated Multinomial(K, n) types) against 50-digit mpmath
// (VectorFamilies/multinomial_reference.json, written by make_multinomial_reference.py), the project oracle's Multinomial
// cases (copied verbatim into the same file), and properties: K = 2 is the Binomial, the pmf sums to 1, H = −E[ln P],
// H(P, Q) = H(P) + n·KL, the two summation regimes agree, the sampler's counts sum to n with the right means.
// Bounds are in units of ε = 2⁻⁵² relative to max(|reference|, 1); each is the measured worst case rounded up (the worst
// case is printed), not loosened to pass.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.VectorFamilies
{
    public sealed class MultinomialMathTests(ITestOutputHelper output)
    {
        private const double Epsilon = 2.220446049250313e-16;

        /// <summary>
        /// Log-pmf bound, relative to max(|value|, 1): measured worst 0.99ε over the 432 reference cases (Zen 4); 3ε leaves
        /// one ulp for the C runtime's log and exp, which may round differently elsewhere.
        /// </summary>
        private const double LogPmfBound = 3 * Epsilon;

        /// <summary>
        /// Entropy and cross-entropy bound, relative to max(|value|, 1): measured worst 1.33ε (entropy, 105 cases) and 0.84ε
        /// (cross-entropy, 17 cases); 3ε likewise.
        /// </summary>
        private const double EntropyBound = 3 * Epsilon;

        internal sealed record Case(string Kind, string Vector, int N, double[] P, double[] Lp, double[] Lq, int[] X, double Value);

        internal static double Num(JsonElement e) => e.ValueKind == JsonValueKind.String
            ? e.GetString() switch
            {
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                var s => double.Parse(s!, CultureInfo.InvariantCulture),
            }
            : e.GetDouble();

        private static double[] Vec(JsonElement c, string name) =>
            c.TryGetProperty(name, out var v) ? v.EnumerateArray().Select(Num).ToArray() : [];

        internal static readonly Lazy<JsonDocument> Document = new(() =>
            JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "VectorFamilies", "multinomial_reference.json"))));

        internal static readonly Lazy<List<Case>> All = new(() =>
        {
            var root = Document.Value.RootElement;
            var vectors = root.GetProperty("vectors");
            double[] P(string name) => Vec(vectors.GetProperty(name), "p");
            double[] Lp(string name) => Vec(vectors.GetProperty(name), "lp");
            return root.GetProperty("cases").EnumerateArray().Select(c =>
            {
                string p = c.GetProperty("p").GetString()!;
                string? q = c.TryGetProperty("q", out var qe) ? qe.GetString() : null;
                return new Case(
                    c.GetProperty("kind").GetString()!,
                    q is null ? p : p + " | " + q,
                    c.GetProperty("n").GetInt32(),
                    P(p),
                    Lp(p),
                    q is null ? [] : Lp(q),
                    c.TryGetProperty("x", out var x) ? x.EnumerateArray().Select(e => e.GetInt32()).ToArray() : [],
                    Num(c.GetProperty("value")));
            }).ToList();
        });

        private static double[] Logs(double[] p) => p.Select(v => Math.Log(v)).ToArray();

        private static double Compute(Case c) => c.Kind switch
        {
            "entropy" => MultinomialMath.Entropy<double>(c.P, c.Lp, c.N),
            "cross_entropy" => MultinomialMath.CrossEntropy<double>(c.P, c.Lp, c.Lq, c.N),
            "logpmf" => MultinomialMath.LogPmf<double>(c.P, c.Lp, c.N, c.X),
            _ => throw new InvalidOperationException(c.Kind),
        };

        private static double Error(double want, double got) =>
            double.IsFinite(want) || double.IsFinite(got)
                ? Math.Abs(got - want) / Math.Max(Math.Abs(want), 1)
                : (want == got ? 0 : double.PositiveInfinity);

        private void CheckKind(string kind, double bound, int expectedCount)
        {
            var cases = All.Value.Where(c => c.Kind == kind).ToList();
            Assert.Equal(expectedCount, cases.Count);
            var failures = new List<string>();
            double worst = -1;
            string worstText = string.Empty;
            foreach (var c in cases)
            {
                double got = Compute(c);
                double err = Error(c.Value, got);
                string text = $"{kind} {c.Vector} n = {c.N}{(c.X.Length > 0 ? " x = [" + string.Join(", ", c.X.Take(8)) + (c.X.Length > 8 ? ", …" : string.Empty) + "]" : string.Empty)}: want {R(c.Value)}, got {R(got)}, {err / Epsilon:F2} ε";
                if (err > worst)
                {
                    worst = err;
                    worstText = text;
                }

                if (!(err <= bound))
                {
                    failures.Add(text + $" > {bound / Epsilon} ε");
                }
            }

            output.WriteLine($"{kind}: {cases.Count} cases, worst {worstText}");
            var tiny = cases.Where(c => c.Value > 0 && c.Value < 1e-3).Select(c => (c, rel: Math.Abs(Compute(c) - c.Value) / c.Value)).OrderByDescending(t => t.rel).FirstOrDefault();
            if (tiny.c is not null)
            {
                // Nearly deterministic laws keep plain relative accuracy (measured 0.78ε): the same bound, relative to H.
                output.WriteLine($"{kind}: values below 1e−3, worst plain relative error {tiny.rel / Epsilon:F2} ε ({tiny.c.Vector}, n = {tiny.c.N}, {R(tiny.c.Value)})");
                Assert.True(tiny.rel <= bound, $"{tiny.c.Vector}, n = {tiny.c.N}: relative error {tiny.rel / Epsilon:F2} ε");
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        // ---- against 50-digit mpmath -------------------------------------------------------------------------

        [Fact]
        public void EntropyMatchesReference() => CheckKind("entropy", EntropyBound, 105);

        [Fact]
        public void CrossEntropyMatchesReference() => CheckKind("cross_entropy", EntropyBound, 17);

        [Fact]
        public void LogPmfMatchesReference() => CheckKind("logpmf", LogPmfBound, 432);

        // ---- the project oracle (its cases copied verbatim into the reference file) ----------------------------

        /// <summary>
        /// Every oracle Multinomial case with its own rule |got − want| ≤ max(rel·max(|got|, |want|), abs) and tolerance;
        /// also, where the oracle lists a 50-digit mpmath check, within <see cref="EntropyBound"/> of it (relative to
        /// max(|value|, 1)). KL is n·KL(categoricals): computed here as the generator does, from the log-probabilities.
        /// </summary>
        [Fact]
        public void OracleCases()
        {
            int count = 0;
            foreach (var c in Document.Value.RootElement.GetProperty("oracle").EnumerateArray())
            {
                string id = c.GetProperty("id").GetString()!;
                string quantity = c.GetProperty("quantity").GetString()!;
                var pars = c.GetProperty("params");
                double got;
                if (quantity is "kl" or "cross_entropy")
                {
                    var (np, p) = Law(pars.GetProperty("P"));
                    var (nq, q) = Law(pars.GetProperty("Q"));
                    if (np != nq)
                    {
                        got = double.PositiveInfinity; // disjoint supports: the generator's rule for n_P ≠ n_Q
                    }
                    else if (quantity == "kl")
                    {
                        got = np * CategoricalKL(p, q);
                    }
                    else
                    {
                        got = MultinomialMath.CrossEntropy<double>(p, Logs(p), Logs(q), np);
                    }
                }
                else
                {
                    var (n, p) = Law(pars);
                    if (quantity == "entropy")
                    {
                        got = MultinomialMath.Entropy<double>(p, Logs(p), n);
                    }
                    else
                    {
                        double[] x = c.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                        // A non-integer count is outside the support (the generated type takes int counts).
                        got = x.All(v => v == Math.Floor(v))
                            ? MultinomialMath.LogPmf<double>(p, Logs(p), n, x.Select(v => (int)v).ToArray())
                            : double.NegativeInfinity;
                    }
                }

                var tol = c.GetProperty("tol");
                double want = Num(c.GetProperty("expect").GetProperty("value"));
                Close(want, got, Num(tol.GetProperty("rel")), Num(tol.GetProperty("abs")), id);
                foreach (var check in c.GetProperty("checks").EnumerateArray())
                {
                    // The oracle's mpmath entropy is the literal formula on the doubles; where they do not sum to exactly 1
                    // it differs from the entropy of p/Σp by (n·ln n − n)·(Σp − 1) (see EntropyIsOfTheNormalisedLaw).
                    bool literalDiffers = quantity is "entropy" or "cross_entropy"
                        && !SumsToOne(Law(quantity == "entropy" ? pars : pars.GetProperty("P")).P);
                    if (check.GetProperty("source").GetString()!.StartsWith("mpmath", StringComparison.Ordinal) && quantity != "kl" && !literalDiffers)
                    {
                        double hp = Num(check.GetProperty("value"));
                        Assert.True(Error(hp, got) <= EntropyBound, $"{id}: mpmath {R(hp)}, got {R(got)}, {Error(hp, got) / Epsilon:F1} ε");
                    }
                }

                count++;
            }

            Assert.Equal(26, count);
        }

        /// <summary>Whether the doubles sum to exactly 1 (a double-double sum: exact for these few values).</summary>
        private static bool SumsToOne(double[] p)
        {
            double hi = 0, lo = 0;
            foreach (double x in p)
            {
                double t = hi + x;
                lo += Math.Abs(hi) >= Math.Abs(x) ? (hi - t) + x : (x - t) + hi;
                hi = t;
            }

            return hi == 1 && lo == 0;
        }

        /// <summary>
        /// Oracle case entropy/Multinomial/011, n = 50, p = (0.3, 0.7): the doubles sum to 1 − 5.6e−17, and the oracle's
        /// mpmath check 2.593254706189266 is the literal formula on them, (n·ln n − n)·5.6e−17 = 8e−15 (14ε) away from the
        /// entropy of the decimal law (0.3, 0.7), 2.59325470618927404 (50-digit mpmath), which is also that of p/Σp: the
        /// value returned, within <see cref="EntropyBound"/>.
        /// </summary>
        [Fact]
        public void EntropyIsOfTheNormalisedLaw()
        {
            double[] p = [0.3, 0.7];
            Assert.False(SumsToOne(p));
            double got = MultinomialMath.Entropy<double>(p, Logs(p), 50);
            Within(2.59325470618927404, got, EntropyBound * 2.59325470618927404, "H, n = 50, p = (0.3, 0.7)");
        }

        internal static (int N, double[] P) Law(JsonElement e) =>
            (e.GetProperty("n").GetInt32(), e.GetProperty("probs").EnumerateArray().Select(Num).ToArray());

        private static double CategoricalKL(double[] p, double[] q)
        {
            double kl = 0;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] > 0)
                {
                    kl += q[i] > 0 ? p[i] * Math.Log(p[i] / q[i]) : double.PositiveInfinity;
                }
            }

            return kl;
        }

        // ---- properties --------------------------------------------------------------------------------------

        /// <summary>
        /// Multinomial(2, n) with p = (1 − q, q) is Binomial(n, q): the entropy against <see cref="DiscreteMath.BinomialEntropy"/>
        /// (≤ 1e−15 relative to mpmath itself) and the log-pmf against <see cref="DiscreteMath.BinomialLogPmf"/> (≤ 5e−16),
        /// relative to max(|value|, 1). Bound: the sum of the two methods' bounds.
        /// </summary>
        [Fact]
        public void TwoClassesAreTheBinomial()
        {
            double worstH = 0, worstL = 0;
            foreach (double q0 in new[] { 0.5, 0.3, 0.1, 1e-3, 1e-6, 1e-12, 0.75, 1 - 1e-9 })
            {
                // q on the grid of 2⁻⁵³, so that 1 − q is exact and p sums to exactly 1: otherwise the two laws differ (the
                // log-pmf is the literal formula for the stored p, off by n·(Σp − 1) ≈ 5.6e−14 at n = 1000, q = 0.3).
                double q = Math.Round(q0 * 9007199254740992.0) / 9007199254740992.0;
                double[] p = [1.0 - q, q];
                Assert.Equal(q, 1.0 - p[0]); // exact both ways: 1 − q had no rounding

                foreach (int n in new[] { 1, 2, 5, 17, 100, 1000, 4100, 100_000, 10_000_000, 1_000_000_000, int.MaxValue })
                {
                    double want = DiscreteMath.BinomialEntropy(n, q);
                    double got = MultinomialMath.Entropy<double>(p, Logs(p), n);
                    double err = Error(want, got);
                    worstH = Math.Max(worstH, err);
                    Assert.True(err <= EntropyBound + 1e-15, $"H n = {n}, q = {R(q)}: binomial {R(want)}, got {R(got)}, {err / Epsilon:F1} ε");

                    foreach (double f in new[] { 0.0, 0.5, 1.0, q })
                    {
                        int k = (int)Math.Round(f * n);
                        double wantL = DiscreteMath.BinomialLogPmf(k, n, q);
                        double gotL = MultinomialMath.LogPmf<double>(p, Logs(p), n, [n - k, k]);
                        double errL = Error(wantL, gotL);
                        worstL = Math.Max(worstL, errL);
                        Assert.True(errL <= LogPmfBound + 3 * Epsilon, $"ln P n = {n}, q = {R(q)}, k = {k}: binomial {R(wantL)}, got {R(gotL)}, {errL / Epsilon:F1} ε");
                    }
                }
            }

            output.WriteLine($"worst vs Binomial: entropy {worstH / Epsilon:F2} ε, log-pmf {worstL / Epsilon:F2} ε");
        }

        /// <summary>
        /// Σ over every count vector of exp(ln P) = 1, and H = −Σ P·ln P, by enumeration (K = 3 and 4, n ≤ 30, p summing to
        /// exactly 1; up to 5,456 vectors). Bounds 4ε each (relative to max(H, 1) for the entropy): measured 0.50ε (sum)
        /// and 0.25ε (entropy); the margin covers the test's own exp of each log-pmf.
        /// </summary>
        [Theory]
        [InlineData(new[] { 0.25, 0.5, 0.125, 0.125 }, 12)]
        [InlineData(new[] { 0.0625, 0.9375, 0.0, 0.0 }, 30)]
        [InlineData(new[] { 0.5, 0.25, 0.25 }, 25)]
        [InlineData(new[] { 0.001953125, 0.001953125, 0.99609375 }, 20)]
        public void LogPmfSumsToOneAndEntropyIsItsMean(double[] p, int n)
        {
            double[] lp = Logs(p);
            var probs = new List<double>();
            var terms = new List<double>();
            int[] x = new int[p.Length];
            void Walk(int i, int left)
            {
                if (i == p.Length - 1)
                {
                    x[i] = left;
                    double l = MultinomialMath.LogPmf<double>(p, lp, n, x);
                    double pr = Math.Exp(l);
                    probs.Add(pr);
                    terms.Add(pr > 0 ? -pr * l : 0);
                    return;
                }

                for (int c = 0; c <= left; c++)
                {
                    x[i] = c;
                    Walk(i + 1, left - c);
                }
            }

            Walk(0, n);
            double mass = Sum(probs.ToArray());
            double h = Sum(terms.ToArray());
            double got = MultinomialMath.Entropy<double>(p, lp, n);
            output.WriteLine($"{probs.Count} vectors: |Σ P − 1| = {Math.Abs(mass - 1) / Epsilon:F2} ε, |H − (−Σ P·ln P)| = {Math.Abs(got - h) / Math.Max(1, h) / Epsilon:F2} ε");
            Within(1.0, mass, 4 * Epsilon, $"Σ P, n = {n}");
            Within(h, got, 4 * Epsilon * Math.Max(1, h), $"H, n = {n}");
        }

        /// <summary>
        /// H(P, Q) = H(P) + n·Σ p·(ln p − ln q) from the stored logarithms (so H(P, P) = H(P) exactly); +∞ where Q has a zero
        /// under P's mass; 0·log 0 = 0 where both are 0.
        /// </summary>
        [Fact]
        public void CrossEntropyIsEntropyPlusNTimesKL()
        {
            double[] p = [0.2, 0.3, 0.5, 0.0], q = [0.25, 0.25, 0.25, 0.25], z = [0.5, 0.5, 0.0, 0.0];
            foreach (int n in new[] { 0, 1, 7, 1000, 123_456_789, int.MaxValue })
            {
                double h = MultinomialMath.Entropy<double>(p, Logs(p), n);
                Exact(h, MultinomialMath.CrossEntropy<double>(p, Logs(p), Logs(p), n), $"H(P, P), n = {n}");
                double kl = 0;
                for (int i = 0; i < 3; i++)
                {
                    kl += p[i] * (Math.Log(p[i]) - Math.Log(q[i]));
                }

                Within(h + (n * kl), MultinomialMath.CrossEntropy<double>(p, Logs(p), Logs(q), n), 4 * Epsilon * (h + (n * kl)), $"H(P, Q), n = {n}");
                Exact(n == 0 ? 0.0 : double.PositiveInfinity, MultinomialMath.CrossEntropy<double>(p, Logs(p), Logs(z), n), $"H(P, Z), n = {n}");
                Assert.True(double.IsFinite(MultinomialMath.CrossEntropy<double>(z, Logs(z), Logs(q), n)));
            }
        }

        /// <summary>
        /// The lattice sum and the trapezoid rule give the same expectations around the switch (npq = 10³) and above it
        /// (where the lattice sum, ≤ a few thousand terms, is still affordable here): within 2ε relative to max(sum, 1)
        /// (measured 0.82ε).
        /// </summary>
        [Fact]
        public void RegimesAgree()
        {
            double worst = 0;
            foreach (double p in new[] { 0.5, 0.3, 0.02, 0.9 })
            {
                foreach (double variance in new[] { 500.0, 999.0, 1001.0, 2000.0, 5e3, 2e4 })
                {
                    int n = (int)Math.Round(variance / (p * (1 - p)));
                    foreach (bool largest in new[] { false, true })
                    {
                        var a = MultinomialMath.ClassExpectationsLattice(n, p, largest);
                        var b = MultinomialMath.ClassExpectationsSmooth(n, p, largest);
                        double scale = Math.Max(1, a.Deviance + a.Stirling);
                        double err = Math.Max(Math.Abs(a.Deviance - b.Deviance), Math.Abs(a.Stirling - b.Stirling)) / scale;
                        worst = Math.Max(worst, err);
                        Assert.True(err <= 2 * Epsilon, $"n = {n}, p = {p}, largest = {largest}: lattice ({R(a.Deviance)}, {R(a.Stirling)}), smooth ({R(b.Deviance)}, {R(b.Stirling)})");
                    }
                }
            }

            output.WriteLine($"lattice vs trapezoid: worst {worst / Epsilon:F2} ε");
        }

        /// <summary>
        /// n = 2³¹ − 1 with K = 100 classes: bounded cost (each class ≤ ~150 quadrature nodes) and the asymptote
        /// H = ½(K − 1)·ln(2πe·n) + ½·Σ ln pᵢ + O(K²/n) (≈ 1e−5 here).
        /// </summary>
        [Fact]
        public void LargestNIsBoundedInCost()
        {
            double[] p = Enumerable.Repeat(0.01, 100).ToArray();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            double h = MultinomialMath.Entropy<double>(p, Logs(p), int.MaxValue);
            double cross = MultinomialMath.CrossEntropy<double>(p, Logs(p), Logs(p), int.MaxValue);
            clock.Stop();
            double asymptote = (49.5 * (Math.Log(2 * Math.PI * Math.E) + Math.Log(int.MaxValue))) + (50 * Math.Log(0.01));
            output.WriteLine($"H = {R(h)} (asymptote {R(asymptote)}), entropy and cross-entropy in {clock.Elapsed.TotalMilliseconds:F1} ms");
            Within(asymptote, h, 1e-4, "H, n = 2³¹ − 1, K = 100");
            Exact(h, cross, "H(P, P)");
        }

        // ---- edges and validation ----------------------------------------------------------------------------

        [Fact]
        public void EdgeValues()
        {
            double[] p = [0.5, 0.0, 0.5];
            double[] lp = Logs(p);
            Exact(0.0, MultinomialMath.Entropy<double>(p, lp, 0), "H, n = 0");
            Exact(0.0, MultinomialMath.LogPmf<double>(p, lp, 0, [0, 0, 0]), "ln P(0), n = 0");
            Exact(double.NegativeInfinity, MultinomialMath.LogPmf<double>(p, lp, 0, [1, 0, 0]), "counts ≠ n");
            Exact(double.NegativeInfinity, MultinomialMath.LogPmf<double>(p, lp, 4, [2, 1, 1]), "x > 0 where p = 0");
            Exact(double.NegativeInfinity, MultinomialMath.LogPmf<double>(p, lp, 4, [5, 0, -1]), "negative count");
            Exact(double.NegativeInfinity, MultinomialMath.LogPmf<double>(p, lp, 3, [2, 0, 2]), "sum above n");
            Exact(double.NegativeInfinity, MultinomialMath.LogPmf<double>(p, lp, int.MaxValue, [int.MaxValue, 0, int.MaxValue]), "sum overflows int");
            Exact(lp[2], MultinomialMath.LogPmf<double>(p, lp, 1, [0, 0, 1]), "n = 1 is the Categorical");
            Exact(4 * Math.Log(0.5), MultinomialMath.LogPmf<double>(p, lp, 4, [4, 0, 0]), "one class takes all");

            // Point masses: H = 0 (K = 1, or one class of probability 1).
            Exact(0.0, MultinomialMath.Entropy<double>([1.0], [0.0], int.MaxValue), "K = 1");
            Exact(0.0, MultinomialMath.Entropy<double>([0.0, 1.0, 0.0], [double.NegativeInfinity, 0.0, double.NegativeInfinity], 1000), "point mass");
            Exact(0.0, MultinomialMath.LogPmf<double>([0.0, 1.0], [double.NegativeInfinity, 0.0], 1000, [0, 1000]), "point mass ln P");

            // A zero class changes nothing.
            Exact(MultinomialMath.Entropy<double>([0.5, 0.5], Logs([0.5, 0.5]), 77), MultinomialMath.Entropy<double>(p, lp, 77), "zero class");
        }

        [Fact]
        public void Validation()
        {
            double[] p = [0.5, 0.25, 0.25];
            var e = Assert.Throws<ArgumentException>(() => MultinomialMath.LogPmf<double>(p, Logs(p), 3, [1, 2]));
            Assert.Equal("counts", e.ParamName);
            Assert.Contains("counts has 2 elements but this distribution has K = 3 classes", e.Message, StringComparison.Ordinal);

            var s = Assert.Throws<ArgumentException>(() => MultinomialMath.Sample<double>(new Random(1), p, 3, new int[4]));
            Assert.Equal("counts", s.ParamName);
            Assert.Contains("counts has 4 elements but this distribution has K = 3 classes", s.Message, StringComparison.Ordinal);

            var n = Assert.Throws<ArgumentNullException>(() => MultinomialMath.Sample<double>(null!, p, 3, new int[3]));
            Assert.Equal("random", n.ParamName);
        }

        /// <summary>The float overloads compute in double from the float values: the same doubles as the double overloads on them.</summary>
        [Fact]
        public void FloatOverloadsComputeInDouble()
        {
            float[] pf = [0.2f, 0.3f, 0.5f, 0f];
            float[] lpf = pf.Select(v => MathF.Log(v)).ToArray();
            double[] pd = pf.Select(v => (double)v).ToArray();
            double[] lpd = lpf.Select(v => (double)v).ToArray();
            float[] qf = [0.25f, 0.25f, 0.25f, 0.25f];
            float[] lqf = qf.Select(v => MathF.Log(v)).ToArray();
            double[] lqd = lqf.Select(v => (double)v).ToArray();
            foreach (int n in new[] { 0, 1, 9, 5000, 1_000_000_000 })
            {
                Exact(MultinomialMath.Entropy<double>(pd, lpd, n), MultinomialMath.Entropy<float>(pf, lpf, n), $"H, n = {n}");
                Exact(MultinomialMath.CrossEntropy<double>(pd, lpd, lqd, n), MultinomialMath.CrossEntropy<float>(pf, lpf, lqf, n), $"H(P, Q), n = {n}");
                int[] x = [n / 5, n / 5, n - (2 * (n / 5)), 0];
                Exact(MultinomialMath.LogPmf<double>(pd, lpd, n, x), MultinomialMath.LogPmf<float>(pf, lpf, n, x), $"ln P, n = {n}");
            }

            // The float law's probabilities sum to 1 + 1.5e−8: at n = 10⁹ the entropy is still that of p/Σp (≈ 20.3 nats),
            // not shifted by (n·ln n − n)·1.5e−8 ≈ 300.
            // Asymptotically H = ½(K − 1)·ln(2πe·n) + ½·Σ ln pᵢ + O(1/n) = 21.807864 here.
            double h = MultinomialMath.Entropy<float>(pf, lpf, 1_000_000_000);
            Within(21.807864, h, 1e-6, "float H, n = 10⁹");
        }

        // ---- sampling ----------------------------------------------------------------------------------------

        /// <summary>
        /// Counts sum to n exactly; zero classes get 0; the mean of each count within 6 standard errors of n·pᵢ
        /// (sd √(n·pᵢ(1 − pᵢ)/draws)); deterministic given the seed.
        /// </summary>
        [Theory]
        [InlineData(new[] { 0.2, 0.3, 0.5 }, 10)]
        [InlineData(new[] { 0.0, 0.7, 0.0, 0.3 }, 1000)]
        [InlineData(new[] { 1e-12, 0.25, 0.25, 0.25, 0.25 - 1e-12 }, 1_000_000)]
        [InlineData(new[] { 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 }, int.MaxValue)]
        [InlineData(new[] { 0.5, 0.5, 0.0 }, 0)]
        public void SampleCountsSumToNWithTheRightMeans(double[] p, int n)
        {
            const int Draws = 20_000;
            var random = new Random(20261207);
            var counts = new int[p.Length];
            double[] sums = new double[p.Length];
            for (int d = 0; d < Draws; d++)
            {
                MultinomialMath.Sample<double>(random, p, n, counts);
                long total = 0;
                for (int i = 0; i < p.Length; i++)
                {
                    Assert.True(counts[i] >= 0);
                    if (p[i] == 0)
                    {
                        Assert.Equal(0, counts[i]);
                    }

                    total += counts[i];
                    sums[i] += counts[i];
                }

                Assert.Equal(n, total);
            }

            for (int i = 0; i < p.Length; i++)
            {
                double mean = sums[i] / Draws;
                double se = Math.Sqrt(n * p[i] * (1 - p[i]) / Draws);
                Assert.True(Math.Abs(mean - (n * p[i])) <= (6 * se) + 1e-9 * n * p[i], $"class {i}: mean {R(mean)}, want {R(n * p[i])} ± {R(6 * se)}");
            }

            var again = new int[p.Length];
            MultinomialMath.Sample<double>(new Random(5), p, n, counts);
            MultinomialMath.Sample<double>(new Random(5), p, n, again);
            Assert.Equal(counts, again);
        }

        [Fact]
        public void SampleFloatAndLargeK()
        {
            float[] pf = Enumerable.Repeat(1f / 300, 300).ToArray(); // K above the stack limit; Σ p ≠ 1 in float
            var counts = new int[300];
            MultinomialMath.Sample<float>(new Random(3), pf, 12345, counts);
            Assert.Equal(12345, counts.Sum());
        }
    }
}
