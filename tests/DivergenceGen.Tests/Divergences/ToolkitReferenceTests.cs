// The divergence toolkit (issue 17) against 50-digit mpmath values on the exact inputs
// (Divergences/toolkit_reference.json, made by make_toolkit_reference.py beside it; SciPy's jensenshannon is recorded
// there too, as √JS of SciPy's renormalised inputs, and compared loosely below to pin the convention).
//
// 59 cases: K = 2, 6, 16, 17, 1000 (double) and 6, 17, 1000 (float): independent random vectors, zero bins only in P,
// only in Q and in both, shared zeros, disjoint supports, identical vectors, a point mass, P ≈ Q with relative gaps
// 1e−3 … 1e−12, and probabilities down to subnormal. Each case runs through every declared type of its K: straight-line
// (the default threshold), SIMD loops (UnrollThreshold 0), the unrolled form (UnrollThreshold 32), the class form.
//
// Tolerances (relative to the reference r, in units of ε = 2⁻⁵² for double and 2⁻²³ for float, plus an absolute slack of
// the smallest normal number for results that underflow):
//  * JS, Hellinger, TV, Bhattacharyya, Jeffreys, PSI: every term is non-negative and computed to a few ulps (bd0 ≤ ~2.5,
//    h² ≤ 4: two square roots, a sum, a division, a square; |d|: 1; d·LogRatio ≤ ~3), and a sum of non-negative terms keeps
//    the largest relative error of its terms plus the summation's (K − 1)·ε in the worst case (recursive summation in
//    double; the vector kernels add lane-wise then across, no worse). So |Δ| ≤ (8 + K)·ε_d·r + 8·ε_T·r: double 14ε at
//    K = 6, 1008ε at K = 1000; float terms are rounded to float (8ε_f) before the double sum. The printed worst cases are
//    far below (summation errors do not add up in the worst way).
//  * Rényi: the same relative bound, plus the same factor times the size of the terms taken whole (FarMagnitude). The
//    runtime splits each term near p = q (|ln(p/q)|·max(1, |α − 1|) < ½) into a part of one sign (p·h(ℓ),
//    h ≈ (α − 1)·α·ℓ²/2) and the difference p − q summed with compensation (Neumaier), so where P ≈ Q (every term near,
//    1e−12 apart included) the bound is purely relative; far terms may cancel against each other. α = 0 is −ln Q(p > 0) =
//    −log1p(Σ_{p>0} (q − p)), from terms of size 1 and both signs: absolute, (8 + K)·ε (its reference is the inputs'
//    normalisation defect, ~1e−16, where P has full support).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests.Divergences
{
    public sealed class ToolkitReferenceTests
    {
        private const double EpsDouble = 2.220446049250313e-16;
        private const double EpsSingle = 1.1920928955078125e-07;
        private const double SmallestNormal = 2.2250738585072014e-308;

        private readonly ITestOutputHelper _output;

        public ToolkitReferenceTests(ITestOutputHelper output) => _output = output;

        /// <summary>One case of the reference file: the inputs and the 50-digit values.</summary>
        public sealed record Case(
            string Name,
            bool Single,
            double[] P,
            double[] Q,
            Dictionary<string, double> Values,
            Dictionary<string, double> Psi,
            Dictionary<string, double> Renyi,
            double? ScipyJs);

        private static double Num(JsonElement e) => Parse(e.GetString()!);

        /// <summary>A number of the reference file: Python's repr, mpmath's digits, or "inf"/"Infinity".</summary>
        private static double Parse(string text) => text is "inf" or "Infinity"
            ? double.PositiveInfinity
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        public static readonly Lazy<List<Case>> Cases = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Divergences", "toolkit_reference.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
                c.GetProperty("name").GetString()!,
                c.GetProperty("single").GetBoolean(),
                c.GetProperty("p").EnumerateArray().Select(Num).ToArray(),
                c.GetProperty("q").EnumerateArray().Select(Num).ToArray(),
                new[] { "js", "hellinger", "tv", "bhattacharyya", "bhattacharyya_bc", "jeffreys" }.ToDictionary(k => k, k => Num(c.GetProperty(k))),
                c.GetProperty("psi").EnumerateObject().ToDictionary(o => o.Name, o => Num(o.Value)),
                c.GetProperty("renyi").EnumerateObject().ToDictionary(o => o.Name, o => Num(o.Value)),
                c.TryGetProperty("scipy_js", out var s) ? Num(s) : null)).ToList();
        });

        /// <summary>The measures of one declared type, as functions of double inputs (converted to T exactly: the float cases are float values).</summary>
        private sealed record Measures(string Type, int K, bool Single, Func<double[], double[], string, string?, double> Raw);

        private static Measures Of<TDist, T>()
            where TDist : ICategoricalSurface<TDist, T>
            where T : unmanaged, IBinaryFloatingPointIeee754<T> => Of<TDist, T>(TDist.ClassCount);

        /// <summary>A type's raw-vector forms, which take vectors of <paramref name="k"/> probabilities (Bernoulli: 2).</summary>
        private static Measures Of<TDist, T>(int k)
            where TDist : IToolkitSurface<TDist, T>
            where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            new(typeof(TDist).Name, k, typeof(T) == typeof(float), (p, q, measure, parameter) =>
            {
                var pt = p.Select(T.CreateTruncating).ToArray();
                var qt = q.Select(T.CreateTruncating).ToArray();
                T arg = parameter is null ? T.Zero : T.CreateTruncating(Parse(parameter));
                T value = measure switch
                {
                    "js" => TDist.JensenShannonDivergence(pt, qt),
                    "hellinger" => TDist.HellingerDistance(pt, qt),
                    "tv" => TDist.TotalVariationDistance(pt, qt),
                    "bhattacharyya" => TDist.BhattacharyyaDistance(pt, qt),
                    "jeffreys" => TDist.JeffreysDivergence(pt, qt),
                    "psi" => TDist.PopulationStabilityIndex(pt, qt, arg),
                    "renyi" => TDist.RenyiDivergence(pt, qt, arg),
                    _ => throw new ArgumentException(measure),
                };
                return double.CreateTruncating(value);
            });

        private static readonly Measures[] Types =
        {
            Of<Cat2, double>(), Of<Coin, double>(2), Of<CoinClass, double>(2), Of<Cat6, double>(), Of<Cat6U0, double>(), Of<Cat6U32, double>(),
            Of<Cat16, double>(), Of<Cat16U0, double>(), Of<Cat16U32, double>(),
            Of<Cat17, double>(), Of<Cat17U0, double>(), Of<Cat17U32, double>(),
            Of<Cat1000, double>(), Of<Cat1000Class, double>(),
            Of<Cat6F, float>(), Of<Cat17F, float>(), Of<Cat1000F, float>(),
        };

        private static IEnumerable<(Case Case, Measures Type)> Runs() =>
            from c in Cases.Value
            from t in Types
            where t.K == c.P.Length && t.Single == c.Single
            select (c, t);

        /// <summary>(8 + K)·ε_d + 8·ε_T, relative (file header).</summary>
        private static double SumBound(int k, bool single) => ((8 + k) * EpsDouble) + (single ? 8 * EpsSingle : 0);

        private static void Check(List<string> failures, ref double worst, string where, double want, double got, double bound, double scale)
        {
            if (double.IsPositiveInfinity(want) || double.IsPositiveInfinity(got))
            {
                if (want != got)
                {
                    failures.Add($"{where}: want {want:R}, got {got:R}");
                }

                return;
            }

            double error = Math.Abs(got - want);
            double allowed = (bound * scale) + SmallestNormal;
            if (!(error <= allowed) || got < 0 || double.IsNaN(got))
            {
                failures.Add($"{where}: want {want:R}, got {got:R} (error {error:G3}, allowed {allowed:G3})");
            }

            if (scale > 0)
            {
                worst = Math.Max(worst, error / scale / bound);
            }
        }

        [Fact]
        public void EveryCaseRunsOnSomeType()
        {
            var unmatched = Cases.Value.Where(c => !Types.Any(t => t.K == c.P.Length && t.Single == c.Single)).Select(c => c.Name).ToList();
            Assert.Empty(unmatched);
            Assert.True(Cases.Value.Count >= 50, "the reference file has " + Cases.Value.Count + " cases");
        }

        [Theory]
        [InlineData("js")]
        [InlineData("hellinger")]
        [InlineData("tv")]
        [InlineData("bhattacharyya")]
        [InlineData("jeffreys")]
        public void SumMeasuresMatchTheReference(string measure)
        {
            var failures = new List<string>();
            double worst = 0;
            foreach (var (c, t) in Runs())
            {
                double want = c.Values[measure];
                double got = t.Raw(c.P, c.Q, measure, null);
                Check(failures, ref worst, $"{t.Type} {c.Name} {measure}", want, got, SumBound(t.K, t.Single), Math.Abs(want));
            }

            _output.WriteLine($"{measure}: worst error {worst:F4} of the bound");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        }

        [Fact]
        public void PopulationStabilityIndexMatchesTheReference()
        {
            var failures = new List<string>();
            double worst = 0;
            foreach (var (c, t) in Runs())
            {
                foreach (var (epsilon, want) in c.Psi)
                {
                    double got = t.Raw(c.P, c.Q, "psi", epsilon);
                    Check(failures, ref worst, $"{t.Type} {c.Name} psi(ε = {epsilon})", want, got, SumBound(t.K, t.Single), Math.Abs(want));
                }

                // No empty bin: ε changes nothing; and ε = 0 is the Jeffreys divergence.
                if (c.P.All(x => x > 0) && c.Q.All(x => x > 0))
                {
                    Assert.Equal(t.Raw(c.P, c.Q, "psi", "0"), t.Raw(c.P, c.Q, "psi", "0.01"));
                }

                Assert.Equal(t.Raw(c.P, c.Q, "jeffreys", null), t.Raw(c.P, c.Q, "psi", "0"));
            }

            _output.WriteLine($"psi: worst error {worst:F4} of the bound");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        }

        [Fact]
        public void RenyiMatchesTheReference()
        {
            var failures = new List<string>();
            double worst = 0;
            foreach (var (c, t) in Runs())
            {
                foreach (var (alphaText, exact) in c.Renyi)
                {
                    // The reference is negative (≈ −1e−17) where the inputs' sums are not exactly 1 and P ≈ Q; the library returns 0.
                    double want = Math.Max(exact, 0);
                    double got = t.Raw(c.P, c.Q, "renyi", alphaText);
                    double alpha = Parse(alphaText);
                    double bound = SumBound(t.K, t.Single);
                    double scale = Math.Abs(want) + (alpha == 0 ? 1 : FarMagnitude(c.P, c.Q, t.Single ? (double)(float)alpha : alpha));
                    Check(failures, ref worst, $"{t.Type} {c.Name} renyi(α = {alphaText})", want, got, bound, scale);
                }
            }

            _output.WriteLine($"renyi: worst error {worst:F4} of the bound");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        }

        /// <summary>
        /// Σ p·|expm1((α − 1)·ℓ)|/|α − 1| (Σ p·|ℓ| at α = 1) over the terms the runtime takes whole (|ℓ|·max(1, |α − 1|) ≥ ½,
        /// ℓ = ln(p/q), q &gt; 0): they may cancel against each other and against the near terms' differences, so the error is
        /// relative to their size too. 0 where every term is near (P ≈ Q): the bound is then purely relative. α = +∞: 0.
        /// </summary>
        internal static double FarMagnitude(double[] p, double[] q, double alpha)
        {
            if (double.IsPositiveInfinity(alpha))
            {
                return 0;
            }

            double m = 0;
            for (int k = 0; k < p.Length; k++)
            {
                if (p[k] > 0 && q[k] > 0)
                {
                    double l = Math.Log(p[k]) - Math.Log(q[k]);
                    if (Math.Abs(l) * Math.Max(1, Math.Abs(alpha - 1)) >= 0.5)
                    {
                        double z = (alpha - 1) * l;
                        m += alpha == 1 ? p[k] * Math.Abs(l) : p[k] * Math.Abs(Math.Exp(z) - 1) / Math.Abs(alpha - 1);
                    }
                }
            }

            return double.IsFinite(m) ? m : 0;
        }

        /// <summary>A Bernoulli pair of the reference file: p, q and the values of [1 − p, p] ‖ [1 − q, q] in exact arithmetic.</summary>
        public sealed record BernoulliCase(double P, double Q, Dictionary<string, double> Values, Dictionary<string, double> Psi, Dictionary<string, double> Renyi);

        public static readonly Lazy<List<BernoulliCase>> BernoulliCases = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Divergences", "toolkit_reference.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("bernoulli").EnumerateArray().Select(c => new BernoulliCase(
                Num(c.GetProperty("p")),
                Num(c.GetProperty("q")),
                new[] { "js", "hellinger", "tv", "bhattacharyya", "jeffreys" }.ToDictionary(k => k, k => Num(c.GetProperty(k))),
                c.GetProperty("psi").EnumerateObject().ToDictionary(o => o.Name, o => Num(o.Value)),
                c.GetProperty("renyi").EnumerateObject().ToDictionary(o => o.Name, o => Num(o.Value)))).ToList();
        });

        /// <summary>
        /// Bernoulli instances against [1 − p, p] in exact arithmetic. The members pass the exact difference q − p for outcome
        /// 0, so the sum measures keep full relative accuracy also for p and q 1e−12 apart: bound 16ε (two outcomes, a few
        /// ulps per term, non-negative terms; the float type rounds p and q to float first, so it is compared with its own
        /// double computation instead, to ½ulp: it is the double computation rounded once). Rényi gets the log-ratios from the
        /// exact differences too (log1p(d/q) where |d| ≤ q/2); its bound is the file header's with K = 2 (relative but at α = 0).
        /// </summary>
        [Fact]
        public void BernoulliInstancesMatchTheReference()
        {
            var failures = new List<string>();
            double worst = 0;
            foreach (var c in BernoulliCases.Value)
            {
                var p = new Coin(c.P);
                var q = new Coin(c.Q);
                var pc = new CoinClass(c.P);
                var qc = new CoinClass(c.Q);
                foreach (var (measure, want) in c.Values)
                {
                    double got = Instance(p, q, measure, null);
                    Check(failures, ref worst, $"Coin({c.P:R} ‖ {c.Q:R}) {measure}", want, got, 16 * EpsDouble, Math.Abs(want));
                    Assert.Equal(got, Instance(pc, qc, measure, null));
                }

                foreach (var (epsilon, want) in c.Psi)
                {
                    Check(failures, ref worst, $"Coin({c.P:R} ‖ {c.Q:R}) psi(ε = {epsilon})", want, Instance(p, q, "psi", epsilon), 16 * EpsDouble, Math.Abs(want));
                }

                foreach (var (alphaText, exact) in c.Renyi)
                {
                    double alpha = Parse(alphaText);
                    double want = Math.Max(exact, 0);
                    double scale = Math.Abs(want) + (alpha == 0 ? 1 : FarMagnitude(new[] { 1 - c.P, c.P }, new[] { 1 - c.Q, c.Q }, alpha)); // as in RenyiMatchesTheReference
                    Check(failures, ref worst, $"Coin({c.P:R} ‖ {c.Q:R}) renyi(α = {alphaText})", want, Instance(p, q, "renyi", alphaText), SumBound(2, false), scale);
                }

                // float: the same members on float parameters, against the double members on the same (float) values.
                var pf = new CoinF((float)c.P);
                var qf = new CoinF((float)c.Q);
                var pd = new Coin((float)c.P);
                var qd = new Coin((float)c.Q);
                foreach (var measure in c.Values.Keys)
                {
                    double want = Instance(pd, qd, measure, null);
                    double got = Instance(pf, qf, measure, null);
                    Check(failures, ref worst, $"CoinF({(float)c.P:R} ‖ {(float)c.Q:R}) {measure}", (float)want, got, 0.5 * EpsSingle, Math.Abs(want));
                }
            }

            _output.WriteLine($"Bernoulli instances: worst error {worst:F4} of the bound");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        }

        private static double Instance<TDist, T>(TDist p, TDist q, string measure, string? parameter)
            where TDist : IToolkitSurface<TDist, T>
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            T arg = parameter is null ? T.Zero : T.CreateTruncating(Parse(parameter));
            T value = measure switch
            {
                "js" => p.JensenShannonDivergence(q),
                "hellinger" => p.HellingerDistance(q),
                "tv" => p.TotalVariationDistance(q),
                "bhattacharyya" => p.BhattacharyyaDistance(q),
                "jeffreys" => p.JeffreysDivergence(q),
                "psi" => p.PopulationStabilityIndex(q, arg),
                "renyi" => p.RenyiDivergence(q, arg),
                _ => throw new ArgumentException(measure),
            };
            return double.CreateTruncating(value);
        }

        private static double Instance(Coin p, Coin q, string measure, string? parameter) => Instance<Coin, double>(p, q, measure, parameter);

        private static double Instance(CoinClass p, CoinClass q, string measure, string? parameter) => Instance<CoinClass, double>(p, q, measure, parameter);

        private static double Instance(CoinF p, CoinF q, string measure, string? parameter) => Instance<CoinF, float>(p, q, measure, parameter);

        /// <summary>A Binomial pair of the reference file: n, p, q and the values of the exact pmf vectors.</summary>
        public sealed record BinomialCase(int N, double P, double Q, Dictionary<string, double> Values, Dictionary<string, double> Psi, Dictionary<string, double> Renyi);

        public static readonly Lazy<List<BinomialCase>> BinomialCases = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Divergences", "toolkit_reference.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("binomial").EnumerateArray().Select(c => new BinomialCase(
                c.GetProperty("n").GetInt32(),
                Num(c.GetProperty("p")),
                Num(c.GetProperty("q")),
                new[] { "js", "hellinger", "tv", "bhattacharyya", "jeffreys" }.ToDictionary(k => k, k => Num(c.GetProperty(k))),
                c.GetProperty("psi").EnumerateObject().ToDictionary(o => o.Name, o => Num(o.Value)),
                c.GetProperty("renyi").EnumerateObject().ToDictionary(o => o.Name, o => Num(o.Value)))).ToList();
        });

        /// <summary>One Binomial(n) type's instance members as a function of (p, q, measure, parameter).</summary>
        private static Func<double, double, string, string?, double> BinomialOf<TDist>(Func<double, TDist> create)
            where TDist : IToolkitSurface<TDist, double> =>
            (p, q, measure, parameter) => Instance<TDist, double>(create(p), create(q), measure, parameter);

        /// <summary>The declared Binomial types of each n of the reference file (table-backed up to n = 1024, Loader's form above).</summary>
        private static readonly Dictionary<int, (string Name, Func<double, double, string, string?, double> Of)[]> BinomialTypes = new()
        {
            [1] = new[] { ("Bin1", BinomialOf(p => new CountFamilies.Bin1(p))) },
            [10] = new[] { ("Bin10", BinomialOf(p => new CountFamilies.Bin10(p))), ("Bin10Looped", BinomialOf(p => new CountFamilies.Bin10Looped(p))) },
            [20] = new[] { ("Bin20", BinomialOf(p => new CountFamilies.Bin20(p))), ("Bin20Class", BinomialOf(p => new CountFamilies.Bin20Class(p))) },
            [1000] = new[] { ("Bin1000", BinomialOf(p => new CountFamilies.Bin1000(p))) },
            [10000] = new[] { ("Bin10000", BinomialOf(p => new CountFamilies.Bin10000(p))) },
        };

        /// <summary>
        /// Binomial(n) instances against the exact pmf vectors. Tolerances, by how the member computes (CountFamilyEmitter.EmitToolkit):
        /// <list type="bullet">
        /// <item>Hellinger, Bhattacharyya, Jeffreys, and PSI where Jeffreys is finite: one Bernoulli trial's measure (within 16ε,
        /// BernoulliInstancesMatchTheReference) mapped to n trials: n·value (½ulp), or for Hellinger H² = 1 − (1 − H₁²)ⁿ,
        /// whose relative sensitivity to H₁² is n·x·(1 − x)ⁿ⁻¹/(1 − (1 − x)ⁿ) ≤ 1, plus log1p, ×n, expm1 and √ (halving):
        /// 20ε relative.</item>
        /// <item>Rényi: n times the Bernoulli trial's, so the Bernoulli bound ((8 + 2)ε + ε) on n times its scale.</item>
        /// <item>JS and TV: sums over k of terms in P(k) = exp(log P(k)), each pmf within a relative e_k (BinomialPmfError),
        /// and d = P(k) − Q(k) from the exact log-ratio ℓ(k) (one trial's log-ratios from the exact differences), so
        /// |Δd| ≤ e·|d| + max(P, Q)·Δℓ, Δℓ = 2ε·(k|ℓ₁| + (n − k)|ℓ₀| + 2): |ΔTV| ≤ ½Σ|Δd|; each JS bin's pair
        /// bd0(2p, s) + bd0(2q, s) ≤ 2d²/s carries ≤ 3e relative (twice d's, once s's) plus 4|d|/s·max(P, Q)·Δℓ, and JS is a
        /// quarter of the sum; plus the summation's (N + 8)ε relative (N terms). Relative where P ≈ Q: the near-equal pairs
        /// (1e−12 … 1e−9 apart) are held to it, where subtracting the rounded pmfs would lose ~ε/gap.</item>
        /// <item>PSI where a bin is empty in exactly one law (ε &gt; 0): Σ (p′ − q′)·(ln p′ − ln q′) with the non-empty side's
        /// pmf: |Δ| ≤ Σ e_k·P(k)·(|ln p′ − ln q′| + 1) (and Q alike), plus ε·|ln ε|·|p′ − q′| on an empty side (Math.Log of ε),
        /// plus (N + 8)ε relative.</item>
        /// </list>
        /// e_k: table types (n ≤ 1024) form log P(k) = log C(n, k) + k·log p + (n − k)·log(1 − p), each piece within ~1 ulp
        /// (the products 2): ε·(|log C| + 2k·|log p| + 2(n − k)·|log(1 − p)| + 2), the pieces cancelling to a far smaller
        /// log P(k); Loader's form (n &gt; 1024) within 5e−16 relative of log P(k) (DiscreteMath.BinomialLogPmf, measured):
        /// ε·(3·|log P(k)| + 2). Both include exp's own rounding.
        /// </summary>
        [Fact]
        public void BinomialInstancesMatchTheReference()
        {
            var failures = new List<string>();
            var worst = new Dictionary<string, (double Ratio, string Where)>();
            foreach (var c in BinomialCases.Value)
            {
                var pv = BinomialPmf(c.N, c.P, out double[] logP, out double[] eP);
                var qv = BinomialPmf(c.N, c.Q, out double[] logQ, out double[] eQ);
                // The members form d = P(k) − Q(k) from the exact log-ratio ℓ(k) = k·ℓ₁ + (n − k)·ℓ₀ (one trial's, from the exact
                // differences): |Δd| ≤ e·|d| (P's or Q's relative error, and expm1's) + max(P, Q)·Δℓ, Δℓ = 2ε·(k|ℓ₁| + (n − k)|ℓ₀| + 2).
                double l1 = Math.Log(c.P) - Math.Log(c.Q), l0 = Math.Log(1 - c.P) - Math.Log(1 - c.Q); // magnitudes only
                double tvFirstOrder = 0, jsFirstOrder = 0;
                for (int k = 0; k <= c.N; k++)
                {
                    double s = pv[k] + qv[k];
                    if (s == 0)
                    {
                        continue;
                    }

                    double lk = (k == 0 ? 0 : k * l1) + (c.N - k == 0 ? 0 : (c.N - k) * l0);
                    double d = double.IsNaN(lk) ? pv[k] - qv[k] : lk >= 0 ? pv[k] * -ScalarMath.Expm1(-lk) : qv[k] * ScalarMath.Expm1(lk);
                    double dl = double.IsFinite(lk) ? 2 * EpsDouble * ((k == 0 ? 0 : k * Math.Abs(l1)) + (c.N - k == 0 ? 0 : (c.N - k) * Math.Abs(l0)) + 2) : 0;
                    double e = Math.Max(eP[k], eQ[k]) + (2 * EpsDouble);
                    double dd = (e * Math.Abs(d)) + (Math.Max(pv[k], qv[k]) * dl);
                    tvFirstOrder += 0.5 * dd;
                    // A bin's pair bd0(2p, s) + bd0(2q, s) ≤ 2d²/s (bd0(x, m) ≤ (x − m)²/m), relative sensitivity ≤ 3e to P, Q and d
                    // (≈ 2d²/s near p = q: twice d's, once s's), and ≤ 4|d|/s per unit of d's error beyond e; JS is a quarter of the sum.
                    jsFirstOrder += 0.25 * ((3 * e * 2 * d * d / s) + (4 * Math.Abs(d) / s * Math.Max(pv[k], qv[k]) * dl));
                }

                double summation = (c.N + 9) * EpsDouble;
                foreach (var (type, of) in BinomialTypes[c.N])
                {
                    string at = $"{type}({c.P:R} ‖ {c.Q:R})";
                    foreach (var (measure, want) in c.Values)
                    {
                        double got = of(c.P, c.Q, measure, null);
                        double allowed = measure switch
                        {
                            "tv" => tvFirstOrder + (summation * want),
                            "js" => jsFirstOrder + (summation * want),
                            _ => 20 * EpsDouble * Math.Abs(want),
                        };
                        CheckAbsolute(failures, worst, $"{at} {measure}", want, got, allowed);
                    }

                    foreach (var (epsilonText, want) in c.Psi)
                    {
                        double epsilon = Parse(epsilonText);
                        double allowed = 20 * EpsDouble * Math.Abs(want);
                        if (double.IsPositiveInfinity(c.Values["jeffreys"]) && epsilon > 0)
                        {
                            allowed = summation * want;
                            for (int k = 0; k <= c.N; k++)
                            {
                                bool pEmpty = double.IsNegativeInfinity(logP[k]), qEmpty = double.IsNegativeInfinity(logQ[k]);
                                double pe = pEmpty ? epsilon : pv[k], qe = qEmpty ? epsilon : qv[k];
                                double lpe = pEmpty ? Math.Log(epsilon) : logP[k], lqe = qEmpty ? Math.Log(epsilon) : logQ[k];
                                double gap = Math.Abs(lpe - lqe) + 1;
                                allowed += (pEmpty ? 0 : eP[k] * pv[k] * gap) + (qEmpty ? 0 : eQ[k] * qv[k] * gap)
                                    + (pEmpty || qEmpty ? EpsDouble * Math.Abs(Math.Log(epsilon)) * Math.Abs(pe - qe) : 0);
                            }
                        }

                        CheckAbsolute(failures, worst, $"{at} psi(ε = {epsilonText})", want, of(c.P, c.Q, "psi", epsilonText), allowed);
                    }

                    foreach (var (alphaText, exact) in c.Renyi)
                    {
                        double alpha = Parse(alphaText);
                        double want = Math.Max(exact, 0);
                        double[] p1 = { 1 - c.P, c.P }, q1 = { 1 - c.Q, c.Q };
                        double scale = Math.Abs(want) + (c.N * (alpha == 0 ? 1 : FarMagnitude(p1, q1, alpha)));
                        CheckAbsolute(failures, worst, $"{at} renyi(α = {alphaText})", want, of(c.P, c.Q, "renyi", alphaText), (SumBound(2, false) + EpsDouble) * scale);
                    }
                }
            }

            foreach (var (measure, (ratio, where)) in worst.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                _output.WriteLine($"Binomial instances, {measure}: worst error {ratio:F4} of the bound ({where})");
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        }

        /// <summary>Like <see cref="Check"/> with an absolute allowance; records the worst |Δ|/allowed per measure (its name before any parenthesis).</summary>
        private static void CheckAbsolute(List<string> failures, Dictionary<string, (double Ratio, string Where)> worst, string where, double want, double got, double allowed)
        {
            if (double.IsPositiveInfinity(want) || double.IsPositiveInfinity(got))
            {
                if (want != got)
                {
                    failures.Add($"{where}: want {want:R}, got {got:R}");
                }

                return;
            }

            double error = Math.Abs(got - want);
            allowed += SmallestNormal;
            if (!(error <= allowed) || got < 0 || double.IsNaN(got))
            {
                failures.Add($"{where}: want {want:R}, got {got:R} (error {error:G3}, allowed {allowed:G3})");
            }

            string measure = where.Substring(where.IndexOf(')') + 2).Split('(')[0].Trim();
            if (error / allowed >= worst.GetValueOrDefault(measure).Ratio)
            {
                worst[measure] = (error / allowed, where);
            }
        }

        /// <summary>
        /// The Binomial(n, p) pmf in double (from a log-pmf in double: a few digits more than the bounds need), its logs, and each
        /// pmf's relative error bound e_k as the generated types compute it (BinomialInstancesMatchTheReference).
        /// </summary>
        private static double[] BinomialPmf(int n, double p, out double[] logs, out double[] errors)
        {
            var pmf = new double[n + 1];
            logs = new double[n + 1];
            errors = new double[n + 1];
            double logp = Math.Log(p), log1mp = Math.Log(1 - p);
            for (int k = 0; k <= n; k++)
            {
                double logC = SpecialFunctions.LogBinomialCoefficient(n, k);
                double a = k == 0 ? 0 : k * logp, b = n - k == 0 ? 0 : (n - k) * log1mp;
                logs[k] = logC + a + b;
                pmf[k] = Math.Exp(logs[k]);
                errors[k] = double.IsNegativeInfinity(logs[k]) ? 0 // exactly 0 (p = 0 < k, or p = 1 and k < n)
                    : n <= 1024
                    ? EpsDouble * (Math.Abs(logC) + (2 * Math.Abs(a)) + (2 * Math.Abs(b)) + 2)
                    : EpsDouble * ((3 * Math.Abs(logs[k])) + 2);
            }

            return pmf;
        }

        [Fact]
        public void BhattacharyyaAgreesWithTheTextbookFormToTheInputsRounding()
        {
            // −ln Σ√(pq) and −log1p(−H²) differ by the inputs' normalisation defect (|Σp − 1| + |Σq − 1|)/2 ≤ K·ε: absolute.
            foreach (var (c, t) in Runs().Where(r => !r.Type.Single))
            {
                double textbook = c.Values["bhattacharyya_bc"];
                double got = t.Raw(c.P, c.Q, "bhattacharyya", null);
                if (double.IsPositiveInfinity(textbook))
                {
                    Assert.Equal(double.PositiveInfinity, got);
                    continue;
                }

                Assert.True(Math.Abs(got - textbook) <= 2 * c.P.Length * EpsDouble, $"{t.Type} {c.Name}: {got:R} vs textbook {textbook:R}");
            }
        }

        [Fact]
        public void JensenShannonIsTheSquareOfSciPysDistance()
        {
            // SciPy renormalises its inputs and returns √JS; its arithmetic cancels where P ≈ Q (NaN for identical inputs, where
            // √ of a negative residue is taken). So compare where JS is not tiny, to 1e−12 relative.
            int compared = 0;
            foreach (var (c, t) in Runs().Where(r => !r.Type.Single))
            {
                if (c.ScipyJs is not { } scipy || double.IsNaN(scipy) || c.Values["js"] < 1e-6)
                {
                    continue;
                }

                double got = t.Raw(c.P, c.Q, "js", null);
                Assert.True(Math.Abs(got - (scipy * scipy)) <= 1e-12 * got, $"{t.Type} {c.Name}: {got:R} vs SciPy {scipy * scipy:R}");
                compared++;
            }

            Assert.True(compared >= 20, "compared " + compared);
        }
    }
}
