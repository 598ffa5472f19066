// Properties of the generated softmax cross-entropy losses: the plain reference (LossReference) on random inputs for
// every declared configuration (double to 1e-12; float, every overload and per-sample value, at the stated float bound),
// unrolled = SIMD-looped = reference, gradient = central finite differences, zero gradient-row sums, extreme logits, the
// all-ignored mean, argument validation (an invalid element at every index class), and the stated float bound.
// Random inputs come from fixed or stable (IndexClasses.StableSeed) seeds, named in the failure messages.
using System;
using System.Collections.Generic;
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

        /// <summary>
        /// Every double type, every overload, against the reference: loss, per-sample values and gradient to 1e-12 relative.
        /// Loss and LossAndGradient each get destinations filled with NaN, so each call must write every per-sample value
        /// (and every gradient element) itself.
        /// </summary>
        [Theory]
        [MemberData(nameof(DoubleTypes))]
        public void AgreesWithReference(string name)
        {
            var api = LossTypes.Double[name];
            int seed = IndexClasses.StableSeed(name);
            var random = new Random(seed);
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
                        foreach (bool withGradient in new[] { false, true })
                        {
                            string what = $"{name} (seed {seed}) n={n} {(isSoft ? "soft" : "hard")} {(w is null ? "unweighted" : "weighted")} {(withGradient ? "LossAndGradient" : "Loss")}";
                            var perSample = api.Reduction == Reduction.None ? NaNs<double>(n) : null;
                            var gradient = withGradient ? NaNs<double>(n * k) : null;
                            double loss = isSoft ? api.Soft(x, soft, w, perSample, gradient) : api.Hard(x, targets, w, perSample, gradient);
                            Close(want.Loss, loss, 1e-12, 1e-14, what + " loss");
                            if (perSample is not null)
                            {
                                for (int i = 0; i < n; i++)
                                {
                                    Close(want.PerSample[i], perSample[i], 1e-12, 1e-14, what + $" perSample[{i}]");
                                }
                            }

                            if (gradient is not null)
                            {
                                double gradScale = want.Gradient.Max(Math.Abs);
                                for (int j = 0; j < gradient.Length; j++)
                                {
                                    Within(want.Gradient[j], gradient[j], 1e-13 * Math.Max(gradScale, 1e-300), what + $" gradient[{j}]");
                                }
                            }
                        }
                    }
                }
            }
        }

        private static T[] NaNs<T>(int length)
            where T : System.Numerics.IFloatingPointIeee754<T> => Enumerable.Repeat(T.NaN, length).ToArray();

        private static float[] ToSingle(double[] values) => values.Select(v => (float)v).ToArray();

        private static double[] Widen(float[] values) => values.Select(v => (double)v).ToArray();

        public static TheoryData<string, int, bool> SingleTypesAndSizes()
        {
            var data = new TheoryData<string, int, bool>();
            foreach (string name in LossTypes.Single.Keys)
            {
                foreach (int n in SingleSizes)
                {
                    data.Add(name, n, false);
                    data.Add(name, n, true);
                }
            }

            return data;
        }

        /// <summary>
        /// Batch sizes for the float types: 1 (no block, one row of per-row code); 7 (one Vector128 block of 4 rows + 3 rows,
        /// none for the wider vectors); 33 = 2·16 + 1 = 4·8 + 1 = 8·4 + 1; 67 = 4·16 + 3 = 8·8 + 3 = 16·4 + 3: full
        /// across-rows blocks at every vector width, then a remainder of per-row code. Targets() ignores rows 3, 8, 13, …, so
        /// ignored rows sit inside blocks (lanes 3, 8, 13 of a 16-row block) and in the remainder (row 63 of 67).
        /// </summary>
        private static readonly int[] SingleSizes = { 1, 7, 33, 67 };

        /// <summary>
        /// Every float type, every overload (class-index and probability targets × with and without class weights × Loss and
        /// LossAndGradient, with perSample for Reduction.None), against the double reference on the same float inputs widened to
        /// double. The bounds are those of docs/losses.md ("Precision"), against the reference instead of the double kernel
        /// (which is within 1e-12 of it, far below them):
        ///   loss and each perSample value: |got − want| ≤ 2.5e-7·max(1, |want|), about 4 float ulps (u = 2⁻²⁴ ≈ 6e-8) of a
        ///     value ≥ 1: ℓᵢ = log s + Σₖ aₖ·(m − xₖ) is a sum of non-negative terms, each computed with a few float roundings
        ///     (Σ exp in float, its log, the weighted sums), and a sum or mean of non-negative values keeps the largest relative
        ///     error of its terms;
        ///   gradient: |got − want| ≤ 1e-6·max|want| (≈ 16 u): each element s·(pₖ·A − aₖ) carries the relative error of pₖ (exp,
        ///     Σ exp and the division, a few u) in a term no larger than the row's largest element.
        /// Destinations are filled with NaN first, so each call must write every value itself.
        ///
        /// Measured (largest over these rows, as a fraction of the bound, with AVX-512, Vector256 or Vector128): loss 0.90,
        /// perSample 0.82, gradient 0.83 — all from probability targets at K = 37 or 1000, where Σₖ aₖ is a float sum of K
        /// terms multiplied by log s (≈ 7 at K = 1000); class-index targets stay below 0.76. The scalar kernel (DOTNET_EnableHWIntrinsic=0) sums a row's K terms in double
        /// for float: with one float accumulator, probability targets at K = 1000 missed the bound 4× (1.0e-6 relative).
        /// </summary>
        [Theory]
        [MemberData(nameof(SingleTypesAndSizes))]
        public void Single_AgreesWithReference(string name, int n, bool isSoft)
        {
            var api = LossTypes.Single[name];
            int k = api.Classes;
            int seed = IndexClasses.StableSeed($"{name}/{n}");
            var random = new Random(seed);
            float[] x = ToSingle(Logits(random, n, k));
            int[] targets = Targets(random, n, k, api.IgnoreIndex);
            float[] soft = ToSingle(SoftTargets(random, n, k));
            float[] weights = ToSingle(Weights(random, k));
            double[] xd = Widen(x), softD = Widen(soft), weightsD = Widen(weights);
            foreach (bool weighted in new[] { false, true })
            {
                float[]? w = weighted ? weights : null;
                double[]? wd = weighted ? weightsD : null;
                var want = isSoft
                    ? LossReference.Soft(xd, softD, wd, k, api.LabelSmoothing, api.Reduction)
                    : LossReference.Hard(xd, targets, wd, k, api.LabelSmoothing, api.IgnoreIndex, api.Reduction);
                foreach (bool withGradient in new[] { false, true })
                {
                    string what = $"{name} (seed {seed}) n={n} {(isSoft ? "soft" : "hard")} {(weighted ? "weighted" : "unweighted")} {(withGradient ? "LossAndGradient" : "Loss")}";
                    var perSample = api.Reduction == Reduction.None ? NaNs<float>(n) : null;
                    var gradient = withGradient ? NaNs<float>(n * k) : null;
                    float loss = isSoft ? api.Soft(x, soft, w, perSample, gradient) : api.Hard(x, targets, w, perSample, gradient);
                    Within(want.Loss, loss, SingleLossBound * Math.Max(1, Math.Abs(want.Loss)), what + " loss");
                    if (perSample is not null)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            Within(want.PerSample[i], perSample[i], SingleLossBound * Math.Max(1, Math.Abs(want.PerSample[i])), what + $" perSample[{i}]");
                        }
                    }

                    if (gradient is not null)
                    {
                        double scale = want.Gradient.Max(Math.Abs);
                        for (int j = 0; j < gradient.Length; j++)
                        {
                            Within(want.Gradient[j], gradient[j], SingleGradientBound * scale, what + $" gradient[{j}] (row {j / k}, class {j % k})");
                        }
                    }
                }
            }
        }

        /// <summary>The stated float bounds (docs/losses.md, "Precision"); see <see cref="Single_AgreesWithReference"/>.</summary>
        private const double SingleLossBound = 2.5e-7, SingleGradientBound = 1e-6;

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

        /// <summary>
        /// An invalid element at every index class (IndexClasses: the first, one inside a full vector, the first after each
        /// vector part or block of rows, the last) of every validated span: a target outside [0, K) that is not the ignore
        /// index (rows: N = 1, 7, 33, 67, so in an across-rows block and in the remainder at every width), a class weight that
        /// is negative, NaN or ±∞ (classes), a target probability that is negative, NaN or ±∞ (N·K elements, and each class
        /// class of row 1). Each throws ArgumentOutOfRangeException naming the parameter, the index (and row/class) and the
        /// value, from Loss and from LossAndGradient, before anything is written.
        /// </summary>
        [Theory]
        [InlineData("CeK10Smooth")]
        [InlineData("CeK1000None")]
        [InlineData("CeK4Ignore2Mean")]
        [InlineData("CeK10SmoothNoneF")]
        [InlineData("CeK37SmoothNoneF")]
        public void InvalidElement_AtEveryIndexClass_Throws_NamingIndexAndValue(string name)
        {
            if (LossTypes.Double.TryGetValue(name, out var d))
            {
                InvalidElementAtEveryIndexClass(d, v => v);
            }
            else
            {
                InvalidElementAtEveryIndexClass(LossTypes.Single[name], v => (float)v);
            }
        }

        private static void InvalidElementAtEveryIndexClass<T>(LossApi<T> api, Func<double, T> to)
            where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
        {
            int k = api.Classes;
            int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            var random = new Random(IndexClasses.StableSeed(api.Name));
            T[] Ts(double[] v) => v.Select(to).ToArray();
            T sentinel = to(-7);
            T[] badValues = { to(-0.25), T.NaN, T.PositiveInfinity, T.NegativeInfinity };

            void Untouched(T[]? destination, string what)
            {
                if (destination is not null && destination.Any(v => v != sentinel))
                {
                    throw new Xunit.Sdk.XunitException(what + ": a destination was written before the exception");
                }
            }

            foreach (int n in SingleSizes)
            {
                T[] x = Ts(Logits(random, n, k));
                int[] targets = Targets(random, n, k, api.IgnoreIndex);
                T[] w = Ts(Weights(random, k));
                T[] soft = Ts(SoftTargets(random, n, k));
                foreach (bool withGradient in new[] { false, true })
                {
                    T[]? gradient = withGradient ? Enumerable.Repeat(sentinel, n * k).ToArray() : null;
                    T[]? perSample = api.Reduction == Reduction.None ? Enumerable.Repeat(sentinel, n).ToArray() : null;
                    string call = $"{api.Name} n={n} {(withGradient ? "LossAndGradient" : "Loss")}";

                    // Targets, by row: the lane layouts of blocks of rows for float (16, 8, 4) and double (8, 4, 2).
                    foreach (int row in IndexClasses.Of(n, 4, 8))
                    {
                        foreach (int bad in new[] { -1, k, int.MinValue, int.MaxValue }.Where(b => b != api.IgnoreIndex))
                        {
                            int[] t = (int[])targets.Clone();
                            t[row] = bad;
                            Expect.At($"{call} targets[{row}] = {bad}", () =>
                            {
                                var e = Expect.Throws<ArgumentOutOfRangeException>("targets", () => api.Hard(x, t, null, perSample, gradient));
                                Assert.Contains($"targets[{row}] = {bad}", e.Message, StringComparison.Ordinal);
                                Assert.Contains($"row {row}", e.Message, StringComparison.Ordinal);
                                Assert.Equal(bad, e.ActualValue);
                                Untouched(gradient, "gradient");
                                Untouched(perSample, "perSample");
                            });
                        }
                    }

                    // Class weights, by class, with class-index and with probability targets.
                    foreach (int c in IndexClasses.Of(k, size))
                    {
                        foreach (T bad in badValues)
                        {
                            T[] badW = (T[])w.Clone();
                            badW[c] = bad;
                            foreach (bool isSoft in new[] { false, true })
                            {
                                Expect.At($"{call} {(isSoft ? "soft" : "hard")} classWeights[{c}] = {bad}", () =>
                                {
                                    var e = Expect.Throws<ArgumentOutOfRangeException>("classWeights", () =>
                                        _ = isSoft ? api.Soft(x, soft, badW, perSample, gradient) : api.Hard(x, targets, badW, perSample, gradient));
                                    Assert.Contains($"classWeights[{c}]", e.Message, StringComparison.Ordinal);
                                    Expect.MessageNamesValue(e, bad);
                                    Untouched(gradient, "gradient");
                                    Untouched(perSample, "perSample");
                                });
                            }
                        }
                    }

                    // Target probabilities: the index classes of the flat N·K span, and of the classes of row 1.
                    var flat = new SortedSet<int>(IndexClasses.Of(n * k, size));
                    if (n > 1)
                    {
                        flat.UnionWith(IndexClasses.Of(k, size).Select(c => k + c));
                    }

                    foreach (int j in flat)
                    {
                        foreach (T bad in badValues)
                        {
                            T[] badT = (T[])soft.Clone();
                            badT[j] = bad;
                            foreach (bool weighted in new[] { false, true })
                            {
                                Expect.At($"{call} soft {(weighted ? "weighted" : "unweighted")} targetProbabilities[{j}] = {bad}", () =>
                                {
                                    var e = Expect.Throws<ArgumentOutOfRangeException>("targetProbabilities", () => api.Soft(x, badT, weighted ? w : null, perSample, gradient));
                                    Assert.Contains($"targetProbabilities[{j}] (row {j / k}, class {j % k})", e.Message, StringComparison.Ordinal);
                                    Expect.MessageNamesValue(e, bad);
                                    Untouched(gradient, "gradient");
                                    Untouched(perSample, "perSample");
                                });
                            }
                        }
                    }
                }
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
