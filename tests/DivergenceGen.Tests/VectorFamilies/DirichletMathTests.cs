// The Dirichlet(K) numerics of DirichletMath against high-precision mpmath (VectorFamilies/dirichlet_reference.json, written
// by make_dirichlet_reference.py: K = 2, 3, 5, 16; concentrations 1e−300 … 1e15; KL pairs near-equal 1e−3 … 1e−12 apart,
// scaled β = cα, far apart), the identities between the measures, K = 2 against the beta forms of ContinuousMath, the
// log-density's boundary and simplex rules, validation messages, the sampler and the maximum-likelihood fit.
// Bounds are in ε = 2⁻⁵², the measured worst cases rounded up (stated per quantity at Bound), never widened to pass.
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
    public sealed class DirichletMathTests(ITestOutputHelper output)
    {
        private const double Epsilon = 2.220446049250313e-16;

        internal sealed record Case(string Kind, double[][] Params, double Value, double Scale);

        internal static readonly Lazy<List<Case>> All = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "VectorFamilies", "dirichlet_reference.json");
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
                c.GetProperty("kind").GetString()!,
                c.GetProperty("params").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray(),
                double.Parse(c.GetProperty("value").GetString()!, CultureInfo.InvariantCulture),
                c.TryGetProperty("scale", out var s) ? double.Parse(s.GetString()!, CultureInfo.InvariantCulture) : double.NaN)).ToList();
        });

        private static double Compute(Case c)
        {
            double[][] p = c.Params;
            return c.Kind switch
            {
                "logbeta" => DirichletMath.LogBeta<double>(p[0]),
                "entropy" => DirichletMath.Entropy<double>(p[0]),
                "kl" => DirichletMath.KLDivergence<double>(p[0], p[1]),
                "crossentropy" => DirichletMath.CrossEntropy<double>(p[0], p[1]),
                "logpdf" => DirichletMath.LogPdf<double>(p[0], DirichletMath.LogBeta<double>(p[0]), p[1]),
                _ => throw new InvalidOperationException(c.Kind),
            };
        }

        /// <summary>
        /// The error in the unit of its bound: KL relative to the reference (it is ≥ 0 and kept with relative accuracy down
        /// to 1e−30); ln B, entropy and cross-entropy relative to max(|reference|, 1); the log-density relative to
        /// max(scale, 1), scale = Σ|(αᵢ − 1)·ln xᵢ| + |ln B(α)| (the value, given ln B, is a difference of those terms and can be
        /// far smaller: at the mode for α = 1e12 it is ~30 while the terms are ~1e13).
        /// </summary>
        internal static double Error(Case c, double got) => c.Kind switch
        {
            "kl" => c.Value == 0 ? (got == 0 ? 0 : double.PositiveInfinity) : Math.Abs(got - c.Value) / Math.Abs(c.Value),
            "logpdf" => Math.Abs(got - c.Value) / Math.Max(c.Scale, 1),
            _ => Math.Abs(got - c.Value) / Math.Max(Math.Abs(c.Value), 1),
        };

        /// <summary>
        /// The bounds, in ε: the measured worst case on this data (x86-64, .NET 10) rounded up by about a third (an ulp of
        /// Math.Log may differ on another CPU). Measured: ln B 6.0 ε ([0.25, 7.5], α₀ &lt; 10: the sum of log-gammas of size ~1);
        /// entropy 9.2 ε ([4.02, 2.8, 2.93]: the terms (αᵢ − 1)(ψ(α₀) − ψ(αᵢ)) ≈ 8 against a result of −1.3); KL 15.0 ε relative
        /// ([0.001, 1e6, 5] against [0.01, 1e7, 50]; it was 18.5 ε at [0.001, 0.5] against [0.001000000001, 12] before the
        /// dominant form and the exact g(t_d) − g(t₀); the K = 3 regime pairs added since are within 5 ε);
        /// cross-entropy 5.8 ε; log-density 4.8 ε of its scale.
        /// </summary>
        internal static double Bound(string kind) => kind switch
        {
            "logbeta" => 8 * Epsilon,
            "entropy" => 12 * Epsilon,
            "kl" => 24 * Epsilon,
            "crossentropy" => 10 * Epsilon,
            "logpdf" => 6 * Epsilon,
            _ => throw new InvalidOperationException(kind),
        };

        private static string Show(double[][] p) => string.Join(" | ", p.Select(v => "[" + string.Join(", ", v.Select(R)) + "]"));

        [Fact]
        public void DirichletReferenceCasesAreWithinTheirBounds()
        {
            Assert.True(All.Value.Count >= 150);
            var failures = new List<string>();
            foreach (var g in All.Value.GroupBy(c => c.Kind))
            {
                var rows = g.Select(c => (c, got: Compute(c))).Select(t => (t.c, t.got, err: Error(t.c, t.got))).OrderByDescending(t => t.err).ToList();
                var worst = rows[0];
                output.WriteLine($"{g.Key} ({rows.Count} cases): worst {worst.err / Epsilon:F2} ε at {Show(worst.c.Params)} (want {R(worst.c.Value)}, got {R(worst.got)})");
                foreach (var (c, got, err) in rows)
                {
                    if (!(err <= Bound(c.Kind)))
                    {
                        failures.Add($"{c.Kind} {Show(c.Params)}: want {R(c.Value)}, got {R(got)}, {err / Epsilon:F1} ε > {Bound(c.Kind) / Epsilon} ε");
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        }
        private static readonly double[] Grid = [1e-3, 0.5, 1, 3.7, 12, 1e3, 1e6, 1e12];

        /// <summary>Random concentration vectors, log-uniform in [1e−4, 1e8], K = 2 … 16 (a fixed seed).</summary>
        private static IEnumerable<(double[] P, double[] Q)> RandomPairs(int count)
        {
            var random = new Random(20261207);
            for (int n = 0; n < count; n++)
            {
                int k = 2 + random.Next(15);
                double[] p = new double[k], q = new double[k];
                for (int i = 0; i < k; i++)
                {
                    p[i] = Math.Pow(10, -4 + (12 * random.NextDouble()));
                    q[i] = n % 3 == 0 ? p[i] * (1 + (1e-6 * (random.NextDouble() - 0.5))) : Math.Pow(10, -4 + (12 * random.NextDouble()));
                }

                yield return (p, q);
            }
        }

        [Fact]
        public void KLIsNonNegativeZeroOnTheDiagonalAndCrossEntropyIsEntropyPlusKL()
        {
            double worst = 0;
            foreach (var (p, q) in RandomPairs(2000))
            {
                double kl = DirichletMath.KLDivergence<double>(p, q);
                Assert.True(kl >= 0, $"KL {R(kl)} < 0 at {Show([p, q])}");
                Exact(0.0, DirichletMath.KLDivergence<double>(p, p), "KL(α‖α)");
                Exact(0.0, DirichletMath.KLDivergence<double>(q, q), "KL(β‖β)");

                // H(P, Q) = H(P) + D: the cross-entropy is one of those two forms or the direct one, whose error is below a few ε
                // of the sum form's terms; 32 ε of max(|H|, 1) + D covers each side's bound (12 ε, 24 ε, 10 ε).
                double h = DirichletMath.Entropy<double>(p);
                double ce = DirichletMath.CrossEntropy<double>(p, q);
                double scale = Math.Max(Math.Abs(h), 1) + kl;
                worst = Math.Max(worst, Math.Abs(ce - (h + kl)) / scale);
                Within(h + kl, ce, 32 * Epsilon * scale, $"H(P, Q) at {Show([p, q])}");
            }

            output.WriteLine($"max |H(P, Q) − H(P) − D| / (max(|H|, 1) + D) = {worst / Epsilon:F2} ε");
        }

        [Fact]
        public void KEquals2AgreesWithTheBetaForms()
        {
            // Both sides are accurate to their own bounds (Dirichlet: ln B 8 ε, entropy 12 ε; the beta entropy is within 16 ε of
            // mpmath in ContinuousReferenceTests), so agreement within the sum of the two. The KL is not compared:
            // ContinuousMath.BetaKLDivergence is this K = 2 DirichletMath.KLDivergence (it delegates), and both are checked
            // against mpmath instead (BetaKLReferenceTests: K = 2 in every regime; the reference cases here: K = 2 … 16).
            double worstH = 0, worstB = 0;
            foreach (double a in Grid)
            {
                foreach (double b in Grid)
                {
                    double[] p = [a, b];
                    Close(ContinuousMath.LogBeta(a, b), DirichletMath.LogBeta<double>(p), 0, 16 * Epsilon * Math.Max(Math.Abs(ContinuousMath.LogBeta(a, b)), 1), "ln B");
                    worstB = Math.Max(worstB, Math.Abs(ContinuousMath.LogBeta(a, b) - DirichletMath.LogBeta<double>(p)) / Math.Max(Math.Abs(ContinuousMath.LogBeta(a, b)), 1));
                    double hBeta = ContinuousMath.BetaEntropy(a, b);
                    double h = DirichletMath.Entropy<double>(p);
                    worstH = Math.Max(worstH, Math.Abs(h - hBeta) / Math.Max(Math.Abs(hBeta), 1));
                    Within(hBeta, h, 28 * Epsilon * Math.Max(Math.Abs(hBeta), 1), $"entropy [{R(a)}, {R(b)}]");
                }
            }

            output.WriteLine($"K = 2 vs beta forms: ln B {worstB / Epsilon:F2} ε, entropy {worstH / Epsilon:F2} ε");
        }

        [Fact]
        public void LogPdfBoundaryAndSimplexRules()
        {
            double[] alpha = [1, 2, 0.5];
            double lb = DirichletMath.LogBeta<double>(alpha);

            // αᵢ = 1 at xᵢ = 0: the term is 0; αᵢ > 1: −∞; αᵢ < 1: +∞; both −∞ and +∞: −∞.
            Close((1 * Math.Log(0.5)) + (-0.5 * Math.Log(0.5)) - lb, DirichletMath.LogPdf<double>(alpha, lb, [0, 0.5, 0.5]), 2 * Epsilon, 0, "α₁ = 1 at x₁ = 0");
            Exact(double.NegativeInfinity, DirichletMath.LogPdf<double>(alpha, lb, [0.5, 0, 0.5]), "α₂ = 2 at x₂ = 0");
            Exact(double.PositiveInfinity, DirichletMath.LogPdf<double>(alpha, lb, [0.5, 0.5, 0]), "α₃ = ½ at x₃ = 0");
            Exact(double.NegativeInfinity, DirichletMath.LogPdf<double>(alpha, lb, [1, 0, 0]), "−∞ and +∞ together");
            Exact(double.PositiveInfinity, DirichletMath.LogPdf<double>(alpha, lb, [0.5, 0.5, -0.0]), "−0 is 0");

            // NaN anywhere: NaN (even with another component off the simplex); outside [0, 1]: −∞.
            Exact(double.NaN, DirichletMath.LogPdf<double>(alpha, lb, [double.NaN, 0.5, 0.5]), "NaN");
            Exact(double.NaN, DirichletMath.LogPdf<double>(alpha, lb, [-1, double.NaN, 0.5]), "NaN with a negative");
            Exact(double.NegativeInfinity, DirichletMath.LogPdf<double>(alpha, lb, [-0.25, 0.75, 0.5]), "negative component");
            Exact(double.NegativeInfinity, DirichletMath.LogPdf<double>(alpha, lb, [1.25, -0.5, 0.25]), "component above 1");
            Exact(double.NegativeInfinity, DirichletMath.LogPdf<double>(alpha, lb, [double.PositiveInfinity, 0.5, 0.5]), "+∞");

            // The simplex tolerance: min(4Kε_T, √ε_T).
            Exact(12 * Epsilon, DirichletMath.SimplexTolerance<double>(3), "double tolerance, K = 3");
            Exact(12.0 / (1 << 23), DirichletMath.SimplexTolerance<float>(3), "float tolerance, K = 3");
            Exact(Math.Sqrt(Epsilon), DirichletMath.SimplexTolerance<double>(100_000_000), "capped at √ε");
            double tol = DirichletMath.SimplexTolerance<double>(3);
            double inside = 0.25 + (tol / 2), outside = 0.25 + (2 * tol);
            Assert.True(double.IsFinite(DirichletMath.LogPdf<double>(alpha, lb, [0.25, 0.5, inside])), "sum within the tolerance");
            Exact(double.NegativeInfinity, DirichletMath.LogPdf<double>(alpha, lb, [0.25, 0.5, outside]), "sum beyond the tolerance");
            float[] alphaF = [1, 2, 0.5f];
            double lbF = DirichletMath.LogBeta<float>(alphaF);
            Assert.True(double.IsFinite(DirichletMath.LogPdf<float>(alphaF, lbF, [0.1f, 0.2f, 0.7f])), "float 0.1 + 0.2 + 0.7");

            // αᵢ ≈ 1: (αᵢ − 1)·ln xᵢ from the exact αᵢ − 1.
            // (ln B passed as 0, so that the value is the sum of the terms alone.)
            double[] near1 = [1 + 1e-15, 1, 1];
            Close(1.1102230246251565e-15 * Math.Log(1e-300), DirichletMath.LogPdf<double>(near1, 0, [1e-300, 0.5, 0.5]), 2 * Epsilon, 0, "αᵢ = 1 + 1e−15");

            var e = Assert.Throws<ArgumentException>(() => DirichletMath.LogPdf<double>(alpha, lb, [0.5, 0.5]));
            Assert.Equal("x", e.ParamName);
            Assert.Contains("K = 3", e.Message);
        }

        [Fact]
        public void ConcentrationChecksNameTheIndexAndValue()
        {
            Assert.True(DirichletMath.CheckConcentration<double>([1, 2, 3], 3, "alpha").IsValid);
            Assert.True(DirichletMath.CheckConcentration<float>([1e-30f, 3e38f], 2, "alpha").IsValid);
            foreach (var (values, index, text) in new (double[], int, string)[]
            {
                ([1, 2, 3, -0.5], 3, "-0.5"),
                ([0, 1], 0, "0"),
                ([1, double.NaN], 1, "NaN"),
                ([1, 1, double.PositiveInfinity], 2, "Infinity"),
                ([-0.0, 1], 0, "-0"),
            })
            {
                var check = DirichletMath.CheckConcentration<double>(values, values.Length, "alpha");
                Assert.False(check.IsValid);
                var e = Assert.Throws<ArgumentOutOfRangeException>(() => check.ThrowIfInvalid());
                Assert.Equal("alpha", e.ParamName);
                Assert.Contains($"alpha[{index}] is {text}; every concentration must be finite and > 0", e.Message);
            }

            var length = DirichletMath.CheckConcentration<double>([1, 2], 3, "alpha");
            Assert.False(length.IsValid);
            var le = Assert.Throws<ArgumentException>(() => length.ThrowIfInvalid());
            Assert.Equal("alpha", le.ParamName);
            Assert.Contains("K = 3", le.Message);
        }

        [Fact]
        public void MeanAndFloatOverloads()
        {
            double[] alpha = [0.5, 1.5, 3, 1e-3];
            double[] mean = new double[4];
            DirichletMath.Mean<double>(alpha, mean);
            double a0 = alpha.Sum();
            for (int i = 0; i < 4; i++)
            {
                Close(alpha[i] / a0, mean[i], Epsilon, 0, $"mean[{i}]");
            }

            // The float overloads compute in double on the widened values: the same results exactly.
            float[] f = [0.3f, 7.25f, 1e6f, 0.001f];
            double[] w = f.Select(v => (double)v).ToArray();
            float[] g = [0.35f, 7f, 1.1e6f, 0.002f];
            double[] wg = g.Select(v => (double)v).ToArray();
            Exact(DirichletMath.LogBeta<double>(w), DirichletMath.LogBeta<float>(f), "float ln B");
            Exact(DirichletMath.Entropy<double>(w), DirichletMath.Entropy<float>(f), "float entropy");
            Exact(DirichletMath.KLDivergence<double>(w, wg), DirichletMath.KLDivergence<float>(f, g), "float KL");
            Exact(DirichletMath.CrossEntropy<double>(w, wg), DirichletMath.CrossEntropy<float>(f, g), "float cross-entropy");
            float[] meanF = new float[4];
            DirichletMath.Mean<float>(f, meanF);
            Assert.Equal((float)(w[2] / w.Sum()), meanF[2]);
            Assert.Throws<ArgumentException>(() => DirichletMath.Mean<double>(alpha, new double[3]));
            Assert.Throws<ArgumentException>(() => DirichletMath.KLDivergence<double>(alpha, [1, 2]));
        }

        [Theory]
        [InlineData(new[] { 2.0, 3.0, 5.0 })]
        [InlineData(new[] { 0.5, 0.5, 0.5, 0.5, 0.5 })]
        [InlineData(new[] { 1e-4, 1e-4, 1e-4 })]
        [InlineData(new[] { 1e-3, 40.0, 0.7, 1e5 })]
        public void SamplesLieOnTheSimplexWithTheRightMean(double[] alpha)
        {
            const int n = 20_000;
            int k = alpha.Length;
            double a0 = alpha.Sum();
            var random = new Random(7);
            double[] x = new double[k], sums = new double[k];
            double tolerance = DirichletMath.SimplexTolerance<double>(k);
            for (int draw = 0; draw < n; draw++)
            {
                DirichletMath.Sample(random, (ReadOnlySpan<double>)alpha, x);
                double total = 0;
                for (int i = 0; i < k; i++)
                {
                    Assert.True(x[i] >= 0 && x[i] <= 1, $"x[{i}] = {R(x[i])}");
                    total += x[i];
                    sums[i] += x[i];
                }

                Assert.True(Math.Abs(total - 1) <= tolerance, $"Σx = {R(total)}");
            }

            // Var Xᵢ = mᵢ(1 − mᵢ)/(α₀ + 1): the mean of n draws within 6 standard errors.
            for (int i = 0; i < k; i++)
            {
                double m = alpha[i] / a0;
                double se = Math.Sqrt(m * (1 - m) / (a0 + 1) / n);
                Assert.True(Math.Abs((sums[i] / n) - m) <= 6 * se, $"mean[{i}] = {sums[i] / n}, want {m} ± {6 * se}");
            }
        }

        [Fact]
        public void SampleEdgeCases()
        {
            // Concentrations whose gamma logarithms are all −∞: a vertex, drawn with probability αᵢ/α₀.
            double[] x = new double[3];
            DirichletMath.Sample(new Random(1), (ReadOnlySpan<double>)[1e-310, 1e-310, 1e-310], x);
            Assert.Equal(1.0, x.Sum());
            Assert.Equal(2, x.Count(v => v == 0));

            float[] xf = new float[4];
            var random = new Random(3);
            for (int draw = 0; draw < 1000; draw++)
            {
                DirichletMath.Sample(random, (ReadOnlySpan<float>)[1e-4f, 2f, 0.5f, 30f], xf);
                Assert.All(xf, v => Assert.True(v >= 0 && v <= 1 && !float.IsNaN(v)));
                Assert.True(Math.Abs(xf.Sum(v => (double)v) - 1) <= DirichletMath.SimplexTolerance<float>(4));
            }

            Assert.Throws<ArgumentNullException>(() => DirichletMath.Sample(null!, (ReadOnlySpan<double>)[1.0, 2.0], new double[2]));
            Assert.Throws<ArgumentException>(() => DirichletMath.Sample(new Random(1), (ReadOnlySpan<double>)[1.0, 2.0], new double[3]));
        }

        private static double[] Draws(double[] alpha, int n, int seed)
        {
            var random = new Random(seed);
            double[] rows = new double[n * alpha.Length];
            for (int r = 0; r < n; r++)
            {
                DirichletMath.Sample(random, (ReadOnlySpan<double>)alpha, rows.AsSpan(r * alpha.Length, alpha.Length));
            }

            return rows;
        }

        [Theory]
        [InlineData(new[] { 2.0, 3.0, 5.0 })]
        [InlineData(new[] { 0.3, 0.8, 1.5, 0.6 })]
        [InlineData(new[] { 40.0, 25.0 })]
        public void FitRecoversTheConcentrations(double[] alpha)
        {
            const int n = 20_000;
            int k = alpha.Length;
            double[] rows = Draws(alpha, n, 11);
            double[] fitted = new double[k];
            DirichletMath.Fit<double>(rows, k, fitted);

            // Standard errors from the Fisher information N·(diag ψ₁(αᵢ) − ψ₁(α₀)·11ᵀ), inverted by Sherman–Morrison.
            double c = SpecialFunctions.Trigamma(alpha.Sum());
            double inverseSum = alpha.Sum(a => 1 / SpecialFunctions.Trigamma(a));
            for (int i = 0; i < k; i++)
            {
                double d = SpecialFunctions.Trigamma(alpha[i]);
                double variance = ((1 / d) + (c / (d * d * (1 - (c * inverseSum))))) / n;
                double se = Math.Sqrt(variance);
                Assert.True(Math.Abs(fitted[i] - alpha[i]) <= 6 * se, $"α[{i}] fitted {fitted[i]}, true {alpha[i]} ± {6 * se}");
            }

            // The stopping rule leaves the likelihood equations ψ(αᵢ) − ψ(α₀) = mean ln xᵢ satisfied to ~1e−12 of ψ₁(αᵢ)·αᵢ.
            double psi0 = SpecialFunctions.Digamma(fitted.Sum());
            for (int i = 0; i < k; i++)
            {
                double meanLog = 0;
                for (int r = 0; r < n; r++)
                {
                    meanLog += Math.Log(rows[(r * k) + i]);
                }

                meanLog /= n;
                double residual = SpecialFunctions.Digamma(fitted[i]) - psi0 - meanLog;
                double scale = SpecialFunctions.Trigamma(fitted[i]) * fitted[i];
                Assert.True(Math.Abs(residual) <= 1e-10 * scale, $"likelihood equation {i}: residual {R(residual)}");
            }

            // The float overload fits the float sample.
            float[] single = rows.Select(v => (float)v).ToArray();
            double[] fittedF = new double[k];
            DirichletMath.Fit<float>(single, k, fittedF);
            for (int i = 0; i < k; i++)
            {
                Close(fitted[i], fittedF[i], 1e-4, 0, $"float fit α[{i}]");
            }
        }

        [Fact]
        public void FitRejectsInvalidAndDegenerateSamples()
        {
            double[] alpha = new double[3];
            ArgumentException Fails(double[] rows, int k = 3)
            {
                var e = Assert.ThrowsAny<ArgumentException>(() => DirichletMath.Fit<double>(rows, k, k == 3 ? alpha : new double[k]));
                return e;
            }

            Assert.Contains("not a multiple of K = 3", Fails([0.2, 0.3, 0.5, 0.1]).Message);
            Assert.Contains("at least 2", Fails([0.2, 0.3, 0.5]).Message);
            var zero = Fails([0.2, 0.3, 0.5, 0.5, 0.5, 0]);
            Assert.Equal("observations", zero.ParamName);
            Assert.Contains("row 1, index 2 is 0", zero.Message);
            Assert.Contains("row 0, index 1 is NaN", Fails([0.2, double.NaN, 0.5, 0.5, 0.25, 0.25]).Message);
            Assert.Contains("row 1 sums to", Fails([0.2, 0.3, 0.5, 0.5, 0.25, 0.3]).Message);
            Assert.Contains("are equal", Fails([0.2, 0.3, 0.5, 0.2, 0.3, 0.5, 0.2, 0.3, 0.5]).Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => DirichletMath.Fit<double>([1.0, 1.0], 1, new double[1]));
            Assert.Throws<ArgumentException>(() => DirichletMath.Fit<double>([0.2, 0.8, 0.3, 0.7], 2, new double[3]));

            // Two distinct rows: the maximum exists (finite α) and the fit finds it.
            double[] two = new double[2];
            DirichletMath.Fit<double>([0.2, 0.8, 0.3, 0.7], 2, two);
            Assert.True(two.All(a => a > 0 && double.IsFinite(a)));
        }
    }
}
