// Properties of the generated softmax cross-entropy losses: the plain reference (LossReference) on random inputs for
// every declared configuration, unrolled = SIMD-looped = reference, gradient = central finite differences, zero
// gradient-row sums, extreme logits, the all-ignored mean, argument validation, and the stated float bound.
using System;
using System.Linq;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests
{
    public sealed class LossPropertyTests
    {
        private static double[] Logits(Random random, int n, int k, double spread = 3) =>
            Enumerable.Range(0, n * k).Select(_ => spread * (random.NextDouble() * 2 - 1)).ToArray();

        private static int[] Targets(Random random, int n, int k, int ignore, bool withIgnored = true) =>
            Enumerable.Range(0, n).Select(i => withIgnored && i % 5 == 3 ? ignore : random.Next(k)).ToArray();

        private static double[] Weights(Random random, int k) => Enumerable.Range(0, k).Select(_ => 0.25 + 2 * random.NextDouble()).ToArray();

        private static double[] SoftTargets(Random random, int n, int k)
        {
            var t = new double[n * k];
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int c = 0; c < k; c++)
                {
                    sum += t[i * k + c] = random.NextDouble() < 0.3 ? 0 : random.NextDouble();
                }

                for (int c = 0; c < k; c++)
                {
                    t[i * k + c] = sum > 0 ? t[i * k + c] / sum : 1.0 / k;
                }
            }

            return t;
        }

        public static TheoryData<string> DoubleTypes()
        {
            var data = new TheoryData<string>();
            foreach (string name in LossTypes.Double.Keys)
            {
                data.Add(name);
            }

            return data;
        }

        /// <summary>Every double type, every overload, against the reference: loss, per-sample values and gradient to 1e-12 relative.</summary>
        [Theory]
        [MemberData(nameof(DoubleTypes))]
        public void AgreesWithReference(string name)
        {
            var api = LossTypes.Double[name];
            var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
            int k = api.Classes;
            foreach (int n in new[] { 1, 7, 33 })
            {
                double[] x = Logits(random, n, k);
                int[] targets = Targets(random, n, k, api.IgnoreIndex);
                double[] soft = SoftTargets(random, n, k);
                foreach (double[]? w in new[] { null, Weights(random, k) })
                {
                    foreach (bool isSoft in new[] { false, true })
                    {
                        var want = isSoft
                            ? LossReference.Soft(x, soft, w, k, api.LabelSmoothing, api.Reduction)
                            : LossReference.Hard(x, targets, w, k, api.LabelSmoothing, api.IgnoreIndex, api.Reduction);
                        string what = $"{name} n={n} {(isSoft ? "soft" : "hard")} {(w is null ? "unweighted" : "weighted")}";
                        var perSample = api.Reduction == Reduction.None ? new double[n] : null;
                        var gradient = new double[n * k];
                        double loss = isSoft ? api.Soft(x, soft, w, perSample, null) : api.Hard(x, targets, w, perSample, null);
                        double lossG = isSoft ? api.Soft(x, soft, w, perSample, gradient) : api.Hard(x, targets, w, perSample, gradient);
                        Close(want.Loss, loss, 1e-12, 1e-14, what + " Loss");
                        Close(want.Loss, lossG, 1e-12, 1e-14, what + " LossAndGradient");
                        if (perSample is not null)
                        {
                            for (int i = 0; i < n; i++)
                            {
                                Close(want.PerSample[i], perSample[i], 1e-12, 1e-14, what + $" perSample[{i}]");
                            }
                        }

                        double gradScale = want.Gradient.Max(Math.Abs);
                        for (int j = 0; j < gradient.Length; j++)
                        {
                            Within(want.Gradient[j], gradient[j], 1e-13 * Math.Max(gradScale, 1e-300), what + $" gradient[{j}]");
                        }
                    }
                }
            }
        }

        /// <summary>Unrolled straight-line rows and per-row SIMD loops give the same results (K = 16 and K = 17 both ways).</summary>
        [Theory]
        [InlineData("CeK16Smooth", "CeK16SmoothLoop")]
        [InlineData("CeK17Smooth", "CeK17SmoothUnrolled")]
        public void UnrolledEqualsLooped(string a, string b)
        {
            var first = LossTypes.Double[a];
            var second = LossTypes.Double[b];
            Assert.Equal(first.Classes, second.Classes);
            var random = new Random(17);
            int k = first.Classes, n = 64;
            double[] x = Logits(random, n, k, 10);
            int[] targets = Targets(random, n, k, first.IgnoreIndex);
            double[] w = Weights(random, k);
            double[] soft = SoftTargets(random, n, k);
            foreach (double[]? weights in new[] { null, w })
            {
                var g1 = new double[n * k];
                var g2 = new double[n * k];
                Close(first.Hard(x, targets, weights, null, g1), second.Hard(x, targets, weights, null, g2), 1e-14, 0, $"{a}/{b} hard loss");
                for (int j = 0; j < g1.Length; j++)
                {
                    Within(g1[j], g2[j], 1e-16, $"{a}/{b} hard gradient[{j}]");
                }

                Close(first.Soft(x, soft, weights, null, g1), second.Soft(x, soft, weights, null, g2), 1e-14, 0, $"{a}/{b} soft loss");
                for (int j = 0; j < g1.Length; j++)
                {
                    Within(g1[j], g2[j], 1e-16, $"{a}/{b} soft gradient[{j}]");
                }
            }
        }

        /// <summary>The gradient of the reduced loss equals central finite differences of Loss.</summary>
        [Theory]
        [InlineData("CeK4Smooth01Mean")]
        [InlineData("CeK6Smooth02Sum")]
        [InlineData("CeK17Smooth")]
        [InlineData("CeK1000Smooth")]
        [InlineData("CeK4Ignore2Mean")]
        public void GradientMatchesFiniteDifferences(string name)
        {
            var api = LossTypes.Double[name];
            var random = new Random(5);
            int k = api.Classes, n = 3;
            double[] x = Logits(random, n, k);
            int[] targets = Targets(random, n, k, api.IgnoreIndex);
            targets[0] = api.IgnoreIndex == 0 ? 1 : 0;
            double[] w = Weights(random, k);
            double[] soft = SoftTargets(random, n, k);
            foreach (bool isSoft in new[] { false, true })
            {
                double F(double[] input) => isSoft ? api.Soft(input, soft, w, null, null) : api.Hard(input, targets, w, null, null);
                var gradient = new double[n * k];
                _ = isSoft ? api.Soft(x, soft, w, null, gradient) : api.Hard(x, targets, w, null, gradient);
                // Only a sample of the coordinates for large K.
                foreach (int j in Enumerable.Range(0, n * k).Where(j => k <= 17 || j % 97 == 0 || j % k == targets[j / k]))
                {
                    const double h = 1e-5;
                    var plus = (double[])x.Clone();
                    var minus = (double[])x.Clone();
                    plus[j] += h;
                    minus[j] -= h;
                    double numeric = (F(plus) - F(minus)) / (2 * h);
                    Within(numeric, gradient[j], 1e-8, $"{name} {(isSoft ? "soft" : "hard")} d/dx[{j}]");
                }
            }
        }

        /// <summary>Σₖ gradientᵢₖ = 0 for every row of hard targets (Σₖ (pₖ·A − aₖ) = A − A), with and without smoothing.</summary>
        [Theory]
        [InlineData("CeK10Smooth")]
        [InlineData("CeK3Sum")]
        [InlineData("CeK1000Smooth")]
        [InlineData("CeK17Smooth")]
        public void GradientRowsSumToZero(string name)
        {
            var api = LossTypes.Double[name];
            var random = new Random(3);
            int k = api.Classes, n = 20;
            double[] x = Logits(random, n, k, 8);
            int[] targets = Targets(random, n, k, api.IgnoreIndex);
            var gradient = new double[n * k];
            api.Hard(x, targets, null, null, gradient);
            // The terms pₖ·A·scale are up to scale in size (A = 1 without weights), so the row sum's rounding is a few ulps of scale.
            double scale = api.Reduction == Reduction.Mean ? 1.0 / targets.Count(t => t != api.IgnoreIndex) : 1;
            for (int i = 0; i < n; i++)
            {
                double rowSum = Sum(gradient.AsSpan(i * k, k));
                Within(0, rowSum, 4 * k * 1.1e-16 * scale, $"{name} Σ gradient row {i}");
            }
        }

        /// <summary>Logits of ±1e4 (double) and ±1e3 (float) give finite losses and gradients, equal to the reference.</summary>
        [Theory]
        [InlineData("CeK10Smooth")]
        [InlineData("CeK1000Smooth")]
        [InlineData("CeK17Smooth")]
        [InlineData("CeK3Sum")]
        public void ExtremeLogits_Double(string name)
        {
            var api = LossTypes.Double[name];
            var random = new Random(11);
            int k = api.Classes, n = 9;
            double[] x = Enumerable.Range(0, n * k).Select(j => (j % 3 - 1) * 1e4 * (0.5 + random.NextDouble())).ToArray();
            int[] targets = Targets(random, n, k, api.IgnoreIndex);
            var gradient = new double[n * k];
            double loss = api.Hard(x, targets, null, null, gradient);
            var want = LossReference.Hard(x, targets, null, k, api.LabelSmoothing, api.IgnoreIndex, api.Reduction);
            Finite(loss, name + " loss");
            Close(want.Loss, loss, 1e-12, 0, name + " extreme loss");
            Assert.All(gradient, g => Finite(g, name + " gradient"));
            for (int j = 0; j < gradient.Length; j++)
            {
                Within(want.Gradient[j], gradient[j], 1e-14, $"{name} extreme gradient[{j}]");
            }
        }

        [Theory]
        [InlineData("CeK10SmoothF")]
        [InlineData("CeK1000SmoothF")]
        [InlineData("CeK3SmoothNoneF")]
        public void ExtremeLogits_Single(string name)
        {
            var api = LossTypes.Single[name];
            var random = new Random(12);
            int k = api.Classes, n = 9;
            float[] x = Enumerable.Range(0, n * k).Select(j => (float)((j % 3 - 1) * 1e3 * (0.5 + random.NextDouble()))).ToArray();
            int[] targets = Targets(random, n, k, api.IgnoreIndex);
            var gradient = new float[n * k];
            var perSample = api.Reduction == Reduction.None ? new float[n] : null;
            float loss = api.Hard(x, targets, null, perSample, gradient);
            var want = LossReference.Hard(x.Select(v => (double)v).ToArray(), targets, null, k, api.LabelSmoothing, api.IgnoreIndex, api.Reduction);
            Finite(loss, name + " loss");
            Close(want.Loss, loss, 1e-6, 0, name + " extreme loss");
            Assert.All(gradient, g => Finite(g, name + " gradient"));
            for (int j = 0; j < gradient.Length; j++)
            {
                Within(want.Gradient[j], gradient[j], 1e-6, $"{name} extreme gradient[{j}]");
            }
        }

        /// <summary>Every target ignored, mean reduction: 0 (torch: NaN) and a zero gradient; also an empty batch.</summary>
        [Fact]
        public void AllIgnoredMean_ReturnsZeroAndZeroGradient()
        {
            // 9 rows: two full across-rows blocks of 4 (double, Vector256) and one row of the per-row code.
            var api = LossTypes.Double["CeK4Smooth01Mean"];
            double[] x = Logits(new Random(1), 9, 4);
            int[] targets = Enumerable.Repeat(-100, 9).ToArray();
            var gradient = Enumerable.Repeat(double.NaN, 36).ToArray();
            Exact(0, api.Hard(x, targets, null, null, null), "all ignored Loss");
            Exact(0, api.Hard(x, targets, null, null, gradient), "all ignored LossAndGradient");
            Assert.All(gradient, g => Exact(0, g, "all ignored gradient"));
            Exact(0, api.Hard(x, targets, new double[] { 1, 2, 3, 4 }, null, gradient), "all ignored, weighted");
            Exact(0, api.Hard(Array.Empty<double>(), Array.Empty<int>(), null, null, Array.Empty<double>()), "empty batch");
            Exact(0, api.Soft(Array.Empty<double>(), Array.Empty<double>(), null, null, Array.Empty<double>()), "empty soft batch");

            // The ignore index may be a class: CeK4Ignore2Mean ignores class 2.
            var inRange = LossTypes.Double["CeK4Ignore2Mean"];
            Exact(0, inRange.Hard(x, Enumerable.Repeat(2, 9).ToArray(), null, null, gradient), "all targets = class 2 = the ignore index");
            Assert.All(gradient, g => Exact(0, g, "ignored gradient"));
        }

        /// <summary>A target outside [0, K) that is not the ignore index: ArgumentOutOfRangeException naming the row; nothing written.</summary>
        [Theory]
        [InlineData("CeK10Smooth", 4)]
        [InlineData("CeK10Smooth", -1)]
        [InlineData("CeK10Smooth", 10)]
        [InlineData("CeK1000None", 1000)]
        [InlineData("CeK4Ignore2Mean", -100)]
        public void TargetOutOfRange_Throws_NamingTheRow_DestinationsUntouched(string name, int bad)
        {
            var api = LossTypes.Double[name];
            int k = api.Classes, n = 6;
            double[] x = Logits(new Random(2), n, k);
            int[] targets = Enumerable.Range(0, n).Select(i => i == 4 ? bad : (i % 2 == 0 ? 0 : 1)).ToArray();
            if (bad == 4)
            {
                targets[4] = k + 4;
            }

            var gradient = Enumerable.Repeat(-7.0, n * k).ToArray();
            var perSample = api.Reduction == Reduction.None ? Enumerable.Repeat(-7.0, n).ToArray() : null;
            foreach (bool withGradient in new[] { false, true })
            {
                var e = Assert.Throws<ArgumentOutOfRangeException>(() => api.Hard(x, targets, null, perSample, withGradient ? gradient : null));
                Assert.Equal("targets", e.ParamName);
                Assert.Contains("targets[4]", e.Message, StringComparison.Ordinal);
                Assert.Contains("row 4", e.Message, StringComparison.Ordinal);
                Assert.Equal(targets[4], e.ActualValue);
            }

            Assert.All(gradient, g => Exact(-7, g, "gradient untouched"));
            if (perSample is not null)
            {
                Assert.All(perSample, v => Exact(-7, v, "perSample untouched"));
            }
        }

        [Fact]
        public void LengthMismatches_ThrowArgumentException_NamingTheParameter()
        {
            var mean = LossTypes.Double["CeK4Mean"];
            var none = LossTypes.Double["CeK4None"];
            double[] x = Logits(new Random(4), 3, 4);
            int[] targets = { 0, 1, 2 };
            double[] soft = SoftTargets(new Random(4), 3, 4);

            void Expect(string param, Action call) => Assert.Equal(param, Assert.Throws<ArgumentException>(call).ParamName);

            Expect("logits", () => mean.Hard(x, new[] { 0, 1 }, null, null, null));
            Expect("logits", () => mean.Hard(x[..11], targets, null, null, null));
            Expect("gradient", () => mean.Hard(x, targets, null, null, new double[11]));
            Expect("classWeights", () => mean.Hard(x, targets, new double[3], null, null));
            Expect("classWeights", () => mean.Soft(x, soft, new double[5], null, null));
            Expect("perSample", () => none.Hard(x, targets, null, new double[2], null));
            Expect("perSample", () => none.Soft(x, soft, null, new double[2], new double[12]));
            Expect("targetProbabilities", () => mean.Soft(x, soft[..10], null, null, null));
            Expect("logits", () => mean.Soft(x[..8], soft, null, null, null));
            Expect("gradient", () => mean.Soft(x, soft, null, null, new double[4]));

            var negative = new double[] { 1, -0.5, 1, 1 };
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => mean.Hard(x, targets, negative, null, null));
            Assert.Equal("classWeights", e.ParamName);
            Assert.Contains("classWeights[1]", e.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentOutOfRangeException>(() => mean.Hard(x, targets, new[] { 1, double.NaN, 1, 1 }, null, null));
            var badSoft = (double[])soft.Clone();
            badSoft[6] = double.NaN;
            var s = Assert.Throws<ArgumentOutOfRangeException>(() => mean.Soft(x, badSoft, null, null, null));
            Assert.Equal("targetProbabilities", s.ParamName);
            Assert.Contains("row 1, class 2", s.Message, StringComparison.Ordinal);

            // A longer gradient is fine; only the first N·K elements are written.
            var longer = Enumerable.Repeat(5.0, 14).ToArray();
            mean.Hard(x, targets, null, null, longer);
            Exact(5, longer[12], "beyond N·K");
            Exact(5, longer[13], "beyond N·K");
        }

        /// <summary>
        /// float against double on the same (float-representable) inputs: the stated bound is |loss_f − loss_d| ≤ 2.5e-7·max(1, loss_d)
        /// (about 4 float ulps; measured ≤ 2e-8) and |gradient_f − gradient_d| ≤ 1e-6·max|gradient_d| (measured ≤ 2.2e-7), with
        /// per-row sums in float and each row's loss and the total in double.
        /// </summary>
        [Theory]
        [InlineData("CeK10SmoothF", "CeK10Smooth", 4096)]
        [InlineData("CeK10SmoothLoopF", "CeK10Smooth", 512)]
        [InlineData("CeK1000SmoothF", "CeK1000Smooth", 64)]
        public void Single_WithinStatedBoundOfDouble(string single, string dbl, int n)
        {
            var f = LossTypes.Single[single];
            var d = LossTypes.Double[dbl];
            var random = new Random(21);
            int k = f.Classes;
            float[] xf = Logits(random, n, k, 6).Select(v => (float)v).ToArray();
            double[] xd = xf.Select(v => (double)v).ToArray();
            int[] targets = Targets(random, n, k, f.IgnoreIndex);
            float[] wf = Weights(random, k).Select(v => (float)v).ToArray();
            double[] wd = wf.Select(v => (double)v).ToArray();
            foreach (bool weighted in new[] { false, true })
            {
                var gf = new float[n * k];
                var gd = new double[n * k];
                float lf = f.Hard(xf, targets, weighted ? wf : null, null, gf);
                double ld = d.Hard(xd, targets, weighted ? wd : null, null, gd);
                Within(ld, lf, 2.5e-7 * Math.Max(1, Math.Abs(ld)), $"{single} loss (weighted: {weighted})");
                double scale = gd.Max(Math.Abs);
                for (int j = 0; j < gf.Length; j++)
                {
                    Within(gd[j], gf[j], 1e-6 * scale, $"{single} gradient[{j}] (weighted: {weighted})");
                }
            }
        }
    }
}
