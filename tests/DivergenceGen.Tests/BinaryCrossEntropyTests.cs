// The generated binary cross-entropy with logits ([BinaryCrossEntropy]): the oracle's torch 1.13.1 cases
// (Oracle/losses.json: label weights, positive weights, extreme logits, soft targets) at their own tolerances, loss and
// grad_input; a plain double reference on random inputs at every code shape (C = 1, straight-line, looped with a tail,
// UnrollThreshold 0, float, every reduction, with and without weights, empty weight spans); central finite differences;
// extreme logits; argument validation with an invalid element at every index class. Seeds are fixed and named.
using System;
using System.Linq;
using System.Text.Json;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests
{
    [BinaryCrossEntropy(1, Reduction = Reduction.None)]
    public static partial class BceC1None;

    [BinaryCrossEntropy(3)]
    public static partial class BceC3Mean;

    [BinaryCrossEntropy(4)]
    public static partial class BceC4Mean;

    [BinaryCrossEntropy(5)]
    public static partial class BceC5Mean;

    [BinaryCrossEntropy(16, Reduction = Reduction.Sum)]
    public static partial class BceC16Sum;

    [BinaryCrossEntropy(37, Reduction = Reduction.None)]
    public static partial class BceC37None;

    [BinaryCrossEntropy(3, UnrollThreshold = 0, Reduction = Reduction.Sum)]
    public static partial class BceC3LoopSum;

    [BinaryCrossEntropy(10, Precision = Precision.Single)]
    public static partial class BceC10F;

    [BinaryCrossEntropy(37, Reduction = Reduction.None, Precision = Precision.Single)]
    public static partial class BceC37NoneF;

    public sealed class BinaryCrossEntropyTests
    {
        /// <summary>A type's members behind one shape: Call(x, y, labelWeights?, positiveWeights?, perElement?, gradient?); null weights = the unweighted overload.</summary>
        private delegate T Call<T>(T[] x, T[] y, T[]? w, T[]? pw, T[]? perElement, T[]? gradient);

        private sealed record Api<T>(string Name, int C, Reduction Reduction, Call<T> Call)
        {
            public override string ToString() => Name;
        }

        private static readonly Api<double>[] DoubleTypes =
        {
            new(nameof(BceC1None), BceC1None.Labels, Reduction.None, (x, y, w, pw, pe, g) => w is null && pw is null
                ? (g is null ? BceC1None.Loss(x, y, pe!) : BceC1None.LossAndGradient(x, y, pe!, g))
                : (g is null ? BceC1None.Loss(x, y, w ?? [], pw ?? [], pe!) : BceC1None.LossAndGradient(x, y, w ?? [], pw ?? [], pe!, g))),
            new(nameof(BceC3Mean), BceC3Mean.Labels, Reduction.Mean, (x, y, w, pw, pe, g) => w is null && pw is null
                ? (g is null ? BceC3Mean.Loss(x, y) : BceC3Mean.LossAndGradient(x, y, g))
                : (g is null ? BceC3Mean.Loss(x, y, w ?? [], pw ?? []) : BceC3Mean.LossAndGradient(x, y, w ?? [], pw ?? [], g))),
            new(nameof(BceC4Mean), BceC4Mean.Labels, Reduction.Mean, (x, y, w, pw, pe, g) => w is null && pw is null
                ? (g is null ? BceC4Mean.Loss(x, y) : BceC4Mean.LossAndGradient(x, y, g))
                : (g is null ? BceC4Mean.Loss(x, y, w ?? [], pw ?? []) : BceC4Mean.LossAndGradient(x, y, w ?? [], pw ?? [], g))),
            new(nameof(BceC5Mean), BceC5Mean.Labels, Reduction.Mean, (x, y, w, pw, pe, g) => w is null && pw is null
                ? (g is null ? BceC5Mean.Loss(x, y) : BceC5Mean.LossAndGradient(x, y, g))
                : (g is null ? BceC5Mean.Loss(x, y, w ?? [], pw ?? []) : BceC5Mean.LossAndGradient(x, y, w ?? [], pw ?? [], g))),
            new(nameof(BceC16Sum), BceC16Sum.Labels, Reduction.Sum, (x, y, w, pw, pe, g) => w is null && pw is null
                ? (g is null ? BceC16Sum.Loss(x, y) : BceC16Sum.LossAndGradient(x, y, g))
                : (g is null ? BceC16Sum.Loss(x, y, w ?? [], pw ?? []) : BceC16Sum.LossAndGradient(x, y, w ?? [], pw ?? [], g))),
            new(nameof(BceC37None), BceC37None.Labels, Reduction.None, (x, y, w, pw, pe, g) => w is null && pw is null
                ? (g is null ? BceC37None.Loss(x, y, pe!) : BceC37None.LossAndGradient(x, y, pe!, g))
                : (g is null ? BceC37None.Loss(x, y, w ?? [], pw ?? [], pe!) : BceC37None.LossAndGradient(x, y, w ?? [], pw ?? [], pe!, g))),
            new(nameof(BceC3LoopSum), BceC3LoopSum.Labels, Reduction.Sum, (x, y, w, pw, pe, g) => w is null && pw is null
                ? (g is null ? BceC3LoopSum.Loss(x, y) : BceC3LoopSum.LossAndGradient(x, y, g))
                : (g is null ? BceC3LoopSum.Loss(x, y, w ?? [], pw ?? []) : BceC3LoopSum.LossAndGradient(x, y, w ?? [], pw ?? [], g))),
        };

        private static readonly Api<float>[] SingleTypes =
        {
            new(nameof(BceC10F), BceC10F.Labels, Reduction.Mean, (x, y, w, pw, pe, g) => w is null && pw is null
                ? (g is null ? BceC10F.Loss(x, y) : BceC10F.LossAndGradient(x, y, g))
                : (g is null ? BceC10F.Loss(x, y, w ?? [], pw ?? []) : BceC10F.LossAndGradient(x, y, w ?? [], pw ?? [], g))),
            new(nameof(BceC37NoneF), BceC37NoneF.Labels, Reduction.None, (x, y, w, pw, pe, g) => w is null && pw is null
                ? (g is null ? BceC37NoneF.Loss(x, y, pe!) : BceC37NoneF.LossAndGradient(x, y, pe!, g))
                : (g is null ? BceC37NoneF.Loss(x, y, w ?? [], pw ?? [], pe!) : BceC37NoneF.LossAndGradient(x, y, w ?? [], pw ?? [], pe!, g))),
        };

        /// <summary>Weight configurations: none (the unweighted overload), label weights only, positive weights only, both.</summary>
        public static TheoryData<string, int> DoubleCases() => Cases(DoubleTypes.Select(a => a.Name));

        public static TheoryData<string, int> SingleCases() => Cases(SingleTypes.Select(a => a.Name));

        private static TheoryData<string, int> Cases(System.Collections.Generic.IEnumerable<string> names)
        {
            var data = new TheoryData<string, int>();
            foreach (string name in names)
            {
                for (int weights = 0; weights < 4; weights++)
                {
                    data.Add(name, weights);
                }
            }

            return data;
        }

        /// <summary>
        /// torch's definition, plainly in double: ℓ = −w·(p·y·log σ(x) + (1 − y)·log σ(−x)) with log σ(x) = −softplus(−x)
        /// computed as −(max(−x, 0) + log1p(exp(−|x|))); gradient s·w·((1 − y)·σ(x) − p·y·σ(−x)), s = 1/(N·C) for the mean.
        /// </summary>
        private static (double Loss, double[] PerElement, double[] Gradient) Reference(double[] x, double[] y, double[]? w, double[]? pw, int c, Reduction reduction)
        {
            var perElement = new double[x.Length];
            var gradient = new double[x.Length];
            double scale = reduction == Reduction.Mean ? (x.Length > 0 ? 1.0 / x.Length : 0) : 1;
            double total = 0;
            for (int j = 0; j < x.Length; j++)
            {
                double wj = w?[j % c] ?? 1, pj = pw?[j % c] ?? 1;
                double softplusMinus = Math.Max(-x[j], 0) + Log1p(Math.Exp(-Math.Abs(x[j]))); // −log σ(x)
                double softplusPlus = Math.Max(x[j], 0) + Log1p(Math.Exp(-Math.Abs(x[j])));   // −log σ(−x)
                perElement[j] = wj * (pj * y[j] * softplusMinus + (1 - y[j]) * softplusPlus);
                total += perElement[j];
                double sigmoid = 1 / (1 + Math.Exp(-x[j]));
                double sigmoidMinus = 1 / (1 + Math.Exp(x[j]));
                gradient[j] = scale * wj * ((1 - y[j]) * sigmoid - pj * y[j] * sigmoidMinus);
            }

            return (reduction == Reduction.Mean ? (x.Length > 0 ? total / x.Length : 0) : total, perElement, gradient);
        }

        /// <summary>
        /// log(1 + e) to a few ulps (Goldberg: log(u)·e/(u − 1) with u = 1 + e rounded), written here so that the reference
        /// does not use the library's; a plain log(1 + e) errs by up to ε/e relative (1.7e-14 at e = 0.0067).
        /// </summary>
        private static double Log1p(double e)
        {
            double u = 1 + e;
            return u == 1 ? e : Math.Log(u) * (e / (u - 1));
        }

        private static (double[]? W, double[]? Pw) Weights(Random random, int c, int configuration) =>
        (
            (configuration & 1) != 0 ? Enumerable.Range(0, c).Select(_ => 0.25 + 2 * random.NextDouble()).ToArray() : null,
            (configuration & 2) != 0 ? Enumerable.Range(0, c).Select(_ => 0.25 + 3 * random.NextDouble()).ToArray() : null
        );

        /// <summary>Logits in [−6, 6]; targets 0, 1 or soft (a third each).</summary>
        private static (double[] X, double[] Y) Inputs(Random random, int n, int c)
        {
            double[] x = Enumerable.Range(0, n * c).Select(_ => 12 * random.NextDouble() - 6).ToArray();
            double[] y = Enumerable.Range(0, n * c).Select(j => (j % 3) switch { 0 => 0.0, 1 => 1.0, _ => random.NextDouble() }).ToArray();
            return (x, y);
        }

        /// <summary>
        /// Double types against the reference, every weight configuration. Kernel and reference both compute each element
        /// as a sum of two non-negative products (p·y·softplus(−x) + (1 − y)·softplus(x)), each factor within a few ulps
        /// (the kernel's log1p and exp are the runtime's vector ones, ≤ 1 ulp), so they agree to a few ulps relative: 1e-14
        /// per element and for the total (a sum of non-negative elements);
        /// gradients are differences of terms ≤ w·p, to 1e-15·w·p·s absolute (a few ulps).
        /// </summary>
        [Theory]
        [MemberData(nameof(DoubleCases))]
        public void Double_AgreesWithReference(string name, int weights)
        {
            var api = DoubleTypes.Single(a => a.Name == name);
            int seed = 5000 + 10 * api.C + weights;
            var random = new Random(seed);
            const int n = 9;
            var (x, y) = Inputs(random, n, api.C);
            var (w, pw) = Weights(random, api.C, weights);
            var want = Reference(x, y, w, pw, api.C, api.Reduction);
            double scale = api.Reduction == Reduction.Mean ? 1.0 / x.Length : 1;
            double bound = 1e-15 * 8 * scale; // |w·p| ≤ 2.25·3.25 < 8
            string what = $"{name} weights={weights} seed={seed}";
            foreach (bool withGradient in new[] { false, true })
            {
                double[]? perElement = api.Reduction == Reduction.None ? Enumerable.Repeat(double.NaN, x.Length).ToArray() : null;
                double[]? gradient = withGradient ? Enumerable.Repeat(double.NaN, x.Length).ToArray() : null;
                double loss = api.Call(x, y, w, pw, perElement, gradient);
                Close(want.Loss, loss, 1e-14, 0, what + " loss");
                for (int j = 0; perElement is not null && j < x.Length; j++)
                {
                    Close(want.PerElement[j], perElement[j], 1e-14, 1e-300, $"{what} perElement[{j}]");
                }

                for (int j = 0; gradient is not null && j < x.Length; j++)
                {
                    Close(want.Gradient[j], gradient[j], 0, bound, $"{what} gradient[{j}]");
                }
            }
        }

        /// <summary>
        /// Float types against the double reference on the same inputs: each element in float (a few float ulps of terms
        /// ≤ ~6·w·p, so 4e-6 relative to max(1, ℓ) per element), the row sums in float and the total in double (the same
        /// bound on the total); gradients within 1e-6·w·p·s.
        /// </summary>
        [Theory]
        [MemberData(nameof(SingleCases))]
        public void Single_AgreesWithReference(string name, int weights)
        {
            var api = SingleTypes.Single(a => a.Name == name);
            int seed = 6000 + 10 * api.C + weights;
            var random = new Random(seed);
            const int n = 9;
            var (xd, yd) = Inputs(random, n, api.C);
            var (wd, pwd) = Weights(random, api.C, weights);
            float[] x = xd.Select(v => (float)v).ToArray(), y = yd.Select(v => (float)v).ToArray();
            float[]? w = wd?.Select(v => (float)v).ToArray(), pw = pwd?.Select(v => (float)v).ToArray();
            var want = Reference(x.Select(v => (double)v).ToArray(), y.Select(v => (double)v).ToArray(), w?.Select(v => (double)v).ToArray(), pw?.Select(v => (double)v).ToArray(), api.C, api.Reduction);
            double scale = api.Reduction == Reduction.Mean ? 1.0 / x.Length : 1;
            string what = $"{name} weights={weights} seed={seed}";
            float[]? perElement = api.Reduction == Reduction.None ? Enumerable.Repeat(float.NaN, x.Length).ToArray() : null;
            var gradient = Enumerable.Repeat(float.NaN, x.Length).ToArray();
            float loss = api.Call(x, y, w, pw, perElement, gradient);
            Close(want.Loss, loss, 4e-6, 4e-6, what + " loss");
            for (int j = 0; perElement is not null && j < x.Length; j++)
            {
                Close(want.PerElement[j], perElement[j], 4e-6, 4e-6, $"{what} perElement[{j}]");
            }

            for (int j = 0; j < x.Length; j++)
            {
                Close(want.Gradient[j], gradient[j], 0, 1e-6 * 8 * scale, $"{what} gradient[{j}]");
            }
        }

        [Theory]
        [InlineData("losses/binary_cross_entropy_with_logits/001")]
        [InlineData("losses/binary_cross_entropy_with_logits/004")]
        [InlineData("losses/binary_cross_entropy_with_logits/006")]
        [InlineData("losses/binary_cross_entropy_with_logits/009")]
        [InlineData("losses/binary_cross_entropy_with_logits/011")]
        public void Oracle(string id)
        {
            var c = LossOracleTests.Case(id);
            Assert.Equal("binary_cross_entropy_with_logits", c.GetProperty("family").GetString());
            var p = c.GetProperty("params");
            double rel = OracleCase.Num(c.GetProperty("tol").GetProperty("rel"));
            double abs = OracleCase.Num(c.GetProperty("tol").GetProperty("abs"));
            static double[] Flat(JsonElement rows) => rows.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(OracleCase.Num)).ToArray();
            var input = c.GetProperty("x").GetProperty("input");
            double[] x = Flat(input), y = Flat(c.GetProperty("x").GetProperty("target"));
            int labels = input[0].GetArrayLength();
            double[]? w = p.GetProperty("weight").ValueKind == JsonValueKind.Null ? null : OracleCase.Vec(p.GetProperty("weight"));
            double[]? pw = p.GetProperty("pos_weight").ValueKind == JsonValueKind.Null ? null : OracleCase.Vec(p.GetProperty("pos_weight"));
            string reduction = p.GetProperty("reduction").GetString()!;
            var api = DoubleTypes.Single(a => a.C == labels && a.Reduction.ToString().Equals(reduction, StringComparison.OrdinalIgnoreCase));
            var expect = c.GetProperty("expect");
            if (api.Reduction == Reduction.None)
            {
                double[] want = Flat(expect.GetProperty("value"));
                var perElement = new double[x.Length];
                double sum = api.Call(x, y, w, pw, perElement, null);
                for (int j = 0; j < want.Length; j++)
                {
                    Close(want[j], perElement[j], rel, abs, $"{id} perElement[{j}]");
                }

                Close(Sum(want), sum, rel, abs, $"{id} returned sum");
                return;
            }

            double value = OracleCase.Num(expect.GetProperty("value"));
            Close(value, api.Call(x, y, w, pw, null, null), rel, abs, id + " value");
            var gradient = new double[x.Length];
            Close(value, api.Call(x, y, w, pw, null, gradient), rel, abs, id + " LossAndGradient value");
            double[] wantGradient = Flat(expect.GetProperty("grad_input"));
            for (int j = 0; j < wantGradient.Length; j++)
            {
                Close(wantGradient[j], gradient[j], rel, abs, $"{id} grad_input[{j / labels}][{j % labels}]");
            }
        }

        /// <summary>
        /// The gradient against central finite differences of the loss itself (double, h = 1e-6 on logits in [−6, 6]): the
        /// loss is smooth with second derivative ≤ w·p/4, so the difference quotient is within ~h²·|ℓ'''| + ε/h ≈ 1e-9.
        /// </summary>
        [Fact]
        public void Gradient_MatchesCentralFiniteDifferences()
        {
            var random = new Random(91);
            const int n = 3, c = 5;
            var (x, y) = Inputs(random, n, c);
            var (w, pw) = Weights(random, c, 3);
            var gradient = new double[x.Length];
            BceC5Mean.LossAndGradient(x, y, w!, pw!, gradient);
            const double h = 1e-6;
            for (int j = 0; j < x.Length; j++)
            {
                double[] up = (double[])x.Clone(), down = (double[])x.Clone();
                up[j] += h;
                down[j] -= h;
                double numeric = (BceC5Mean.Loss(up, y, w!, pw!) - BceC5Mean.Loss(down, y, w!, pw!)) / (2 * h);
                Close(numeric, gradient[j], 0, 1e-9, $"gradient[{j}]");
            }
        }

        /// <summary>
        /// Logits of ±1e4 (double) and ±1e3 (float): the stable form never forms exp(|x|); a confident right answer costs ~0
        /// and a confident wrong one |x|, with gradients in [−1, 1].
        /// </summary>
        [Fact]
        public void ExtremeLogits_StayFinite()
        {
            double[] x = { 1e4, -1e4, 1e4, -1e4, 0 };
            double[] y = { 1, 0, 0, 1, 0.5 };
            var gradient = new double[5];
            var perElement = new double[5];
            BceC1None.LossAndGradient(x, y, perElement, gradient);
            Assert.Equal(new[] { 0d, 0d, 1e4, 1e4, Math.Log(2) }, perElement);
            Assert.Equal(new[] { 0d, 0d, 1d, -1d, 0d }, gradient);

            float[] xf = Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? 1e3f : -1e3f).ToArray();
            float[] yf = Enumerable.Range(0, 10).Select(i => i % 3 == 0 ? 1f : 0f).ToArray();
            var gf = new float[10];
            float loss = BceC10F.LossAndGradient(xf, yf, gf);
            Assert.True(float.IsFinite(loss), loss.ToString("R"));
            Assert.All(gf, g => Assert.True(float.IsFinite(g) && Math.Abs(g) <= 0.1f));
        }

        /// <summary>
        /// Empty weight spans are all ones: the weighted overload's loss then equals the unweighted one exactly (multiplying
        /// by 1 is exact); its gradient, (1 − y)·σ(x) − 1·y·σ(−x) against σ(x) − y, to a few ulps of 1 times the mean's scale.
        /// </summary>
        [Fact]
        public void EmptyWeights_AreAllOnes()
        {
            var (x, y) = Inputs(new Random(8), 4, 5);
            var g1 = new double[x.Length];
            var g2 = new double[x.Length];
            Assert.Equal(BceC5Mean.LossAndGradient(x, y, g1), BceC5Mean.LossAndGradient(x, y, [], [], g2));
            for (int j = 0; j < x.Length; j++)
            {
                Close(g1[j], g2[j], 0, 4e-16 / x.Length, $"gradient[{j}]");
            }

            double[] ones = Enumerable.Repeat(1.0, 5).ToArray();
            Assert.Equal(BceC5Mean.Loss(x, y, ones, ones), BceC5Mean.Loss(x, y, [], ones));
            Assert.Equal(0d, BceC5Mean.Loss([], []));
        }

        /// <summary>Every argument is checked before anything is written; invalid values at every index class.</summary>
        [Fact]
        public void InvalidArguments_NameTheParameter_AndWriteNothing()
        {
            const int n = 4, c = 5;
            var (x, y) = Inputs(new Random(2), n, c);
            var gradient = Enumerable.Repeat(42.0, n * c).ToArray();

            Assert.Equal("targets", Assert.Throws<ArgumentException>(() => BceC5Mean.Loss(x, y.AsSpan(1).ToArray())).ParamName);
            var e = Assert.Throws<ArgumentException>(() => BceC5Mean.Loss(x.AsSpan(c).ToArray(), y));
            Assert.Equal("logits", e.ParamName);
            foreach (int index in new[] { 0, 7, n * c - 1 })
            {
                foreach (double bad in new[] { -1e-300, 1 + 1e-15, double.NaN, double.PositiveInfinity })
                {
                    double[] yBad = (double[])y.Clone();
                    yBad[index] = bad;
                    var te = Assert.Throws<ArgumentOutOfRangeException>(() => BceC5Mean.LossAndGradient(x, yBad, gradient));
                    Assert.Equal("targets", te.ParamName);
                    Assert.Contains($"targets[{index}] (row {index / c}, class {index % c})", te.Message, StringComparison.Ordinal);
                }
            }

            double[] w = Enumerable.Repeat(1.0, c).ToArray();
            foreach (int index in new[] { 0, 2, c - 1 })
            {
                foreach (double bad in new[] { -1.0, double.NaN, double.PositiveInfinity })
                {
                    double[] wBad = (double[])w.Clone();
                    wBad[index] = bad;
                    Assert.Equal("labelWeights", Assert.Throws<ArgumentOutOfRangeException>(() => BceC5Mean.LossAndGradient(x, y, wBad, w, gradient)).ParamName);
                    var pe = Assert.Throws<ArgumentOutOfRangeException>(() => BceC5Mean.LossAndGradient(x, y, w, wBad, gradient));
                    Assert.Equal("positiveWeights", pe.ParamName);
                    Assert.Contains($"positiveWeights[{index}] = ", pe.Message, StringComparison.Ordinal);
                }
            }

            Assert.Equal("labelWeights", Assert.Throws<ArgumentException>(() => BceC5Mean.Loss(x, y, new double[c - 1], w)).ParamName);
            Assert.Equal("positiveWeights", Assert.Throws<ArgumentException>(() => BceC5Mean.Loss(x, y, w, new double[c + 1])).ParamName);
            Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => BceC5Mean.LossAndGradient(x, y, new double[n * c - 1])).ParamName);
            Assert.Equal("perElement", Assert.Throws<ArgumentException>(() => BceC37None.Loss(new double[37], new double[37], new double[36])).ParamName);
            Assert.All(gradient, g => Assert.Equal(42d, g));
        }
    }
}
