// The generated negative log-likelihood losses ([NllLoss]): the oracle's torch 1.13.1 nll_loss cases (Oracle/losses.json)
// at their own tolerances; a plain reference on random inputs for every code shape (straight-line rows K ≤ 16, looped rows
// with and without a tail, float, every reduction, weights, an ignore index inside [0, K)); NLL of the log-softmax equals
// the softmax cross-entropy; argument validation with an invalid element at every index class; the all-ignored mean.
// Random inputs come from fixed seeds, named in the failure messages.
using System;
using System.Linq;
using System.Text.Json;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests
{
    [NllLoss(3, Reduction = Reduction.None)]
    public static partial class NllK3None;

    [NllLoss(5)]
    public static partial class NllK5Mean;

    [NllLoss(16, Reduction = Reduction.Sum)]
    public static partial class NllK16Sum;

    [NllLoss(17, IgnoreIndex = 4)]
    public static partial class NllK17Ignore4Mean;

    [NllLoss(1001, Reduction = Reduction.None)]
    public static partial class NllK1001None;

    [NllLoss(2, UnrollThreshold = 0, Reduction = Reduction.Sum)]
    public static partial class NllK2LoopSum;

    [NllLoss(10, IgnoreIndex = 0, Precision = Precision.Single)]
    public static partial class NllK10Ignore0MeanF;

    [NllLoss(37, Reduction = Reduction.None, Precision = Precision.Single)]
    public static partial class NllK37NoneF;

    public sealed class NllLossTests
    {
        /// <summary>One declared type's four members behind one shape: Call(x, targets, weights?, perSample?, gradient?).</summary>
        private delegate T Call<T>(T[] x, int[] targets, T[]? w, T[]? perSample, T[]? gradient);

        private sealed record Api<T>(string Name, int K, int Ignore, Reduction Reduction, Call<T> Call)
        {
            public override string ToString() => Name;
        }

        private static readonly Api<double>[] DoubleTypes =
        {
            new(nameof(NllK3None), NllK3None.Classes, NllK3None.IgnoreIndex, Reduction.None, (x, t, w, ps, g) =>
                w is null ? (g is null ? NllK3None.Loss(x, t, ps!) : NllK3None.LossAndGradient(x, t, ps!, g)) : (g is null ? NllK3None.Loss(x, t, w, ps!) : NllK3None.LossAndGradient(x, t, w, ps!, g))),
            new(nameof(NllK5Mean), NllK5Mean.Classes, NllK5Mean.IgnoreIndex, Reduction.Mean, (x, t, w, ps, g) =>
                w is null ? (g is null ? NllK5Mean.Loss(x, t) : NllK5Mean.LossAndGradient(x, t, g)) : (g is null ? NllK5Mean.Loss(x, t, w) : NllK5Mean.LossAndGradient(x, t, w, g))),
            new(nameof(NllK16Sum), NllK16Sum.Classes, NllK16Sum.IgnoreIndex, Reduction.Sum, (x, t, w, ps, g) =>
                w is null ? (g is null ? NllK16Sum.Loss(x, t) : NllK16Sum.LossAndGradient(x, t, g)) : (g is null ? NllK16Sum.Loss(x, t, w) : NllK16Sum.LossAndGradient(x, t, w, g))),
            new(nameof(NllK17Ignore4Mean), NllK17Ignore4Mean.Classes, NllK17Ignore4Mean.IgnoreIndex, Reduction.Mean, (x, t, w, ps, g) =>
                w is null ? (g is null ? NllK17Ignore4Mean.Loss(x, t) : NllK17Ignore4Mean.LossAndGradient(x, t, g)) : (g is null ? NllK17Ignore4Mean.Loss(x, t, w) : NllK17Ignore4Mean.LossAndGradient(x, t, w, g))),
            new(nameof(NllK1001None), NllK1001None.Classes, NllK1001None.IgnoreIndex, Reduction.None, (x, t, w, ps, g) =>
                w is null ? (g is null ? NllK1001None.Loss(x, t, ps!) : NllK1001None.LossAndGradient(x, t, ps!, g)) : (g is null ? NllK1001None.Loss(x, t, w, ps!) : NllK1001None.LossAndGradient(x, t, w, ps!, g))),
            new(nameof(NllK2LoopSum), NllK2LoopSum.Classes, NllK2LoopSum.IgnoreIndex, Reduction.Sum, (x, t, w, ps, g) =>
                w is null ? (g is null ? NllK2LoopSum.Loss(x, t) : NllK2LoopSum.LossAndGradient(x, t, g)) : (g is null ? NllK2LoopSum.Loss(x, t, w) : NllK2LoopSum.LossAndGradient(x, t, w, g))),
        };

        private static readonly Api<float>[] SingleTypes =
        {
            new(nameof(NllK10Ignore0MeanF), NllK10Ignore0MeanF.Classes, NllK10Ignore0MeanF.IgnoreIndex, Reduction.Mean, (x, t, w, ps, g) =>
                w is null ? (g is null ? NllK10Ignore0MeanF.Loss(x, t) : NllK10Ignore0MeanF.LossAndGradient(x, t, g)) : (g is null ? NllK10Ignore0MeanF.Loss(x, t, w) : NllK10Ignore0MeanF.LossAndGradient(x, t, w, g))),
            new(nameof(NllK37NoneF), NllK37NoneF.Classes, NllK37NoneF.IgnoreIndex, Reduction.None, (x, t, w, ps, g) =>
                w is null ? (g is null ? NllK37NoneF.Loss(x, t, ps!) : NllK37NoneF.LossAndGradient(x, t, ps!, g)) : (g is null ? NllK37NoneF.Loss(x, t, w, ps!) : NllK37NoneF.LossAndGradient(x, t, w, ps!, g))),
        };

        public static TheoryData<string, bool> DoubleCases()
        {
            var data = new TheoryData<string, bool>();
            foreach (var api in DoubleTypes)
            {
                data.Add(api.Name, false);
                data.Add(api.Name, true);
            }

            return data;
        }

        public static TheoryData<string, bool> SingleCases()
        {
            var data = new TheoryData<string, bool>();
            foreach (var api in SingleTypes)
            {
                data.Add(api.Name, false);
                data.Add(api.Name, true);
            }

            return data;
        }

        /// <summary>Rows of log-probabilities: the log-softmax of logits in [−4, 4], so every value is ≤ 0 and finite.</summary>
        private static double[] LogProbabilities(Random random, int n, int k)
        {
            var x = new double[n * k];
            for (int i = 0; i < n; i++)
            {
                var row = x.AsSpan(i * k, k);
                for (int c = 0; c < k; c++)
                {
                    row[c] = 8 * random.NextDouble() - 4;
                }

                double m = row.ToArray().Max();
                double lse = m + Math.Log(row.ToArray().Sum(v => Math.Exp(v - m)));
                for (int c = 0; c < k; c++)
                {
                    row[c] -= lse;
                }
            }

            return x;
        }

        /// <summary>Targets in [0, K), every fifth row the ignore index; weights in [0.25, 2.25).</summary>
        private static int[] Targets(Random random, int n, int k, int ignore) =>
            Enumerable.Range(0, n).Select(i => i % 5 == 3 ? ignore : random.Next(k)).ToArray();

        private static double[] Weights(Random random, int k) => Enumerable.Range(0, k).Select(_ => 0.25 + 2 * random.NextDouble()).ToArray();

        /// <summary>
        /// torch's nll_loss, written plainly in double: ℓᵢ = −w[yᵢ]·xᵢ,yᵢ (0 for an ignored row); the mean divides by
        /// Σ w[yᵢ] over the rows kept (0 when that is 0: our documented choice, torch gives NaN); the gradient is
        /// −scale·w[yᵢ] at (i, yᵢ) and 0 elsewhere. Inputs of a float type are passed widened to double, as the kernels
        /// widen them.
        /// </summary>
        private static (double Loss, double[] PerSample, double[] Gradient) Reference(double[] x, int[] targets, double[]? w, int k, int ignore, Reduction reduction)
        {
            int n = targets.Length;
            var perSample = new double[n];
            var gradient = new double[n * k];
            double total = 0, denominator = 0;
            for (int i = 0; i < n; i++)
            {
                int y = targets[i];
                if (y == ignore)
                {
                    continue;
                }

                double wy = w?[y] ?? 1;
                perSample[i] = -(wy * x[i * k + y]);
                total += perSample[i];
                denominator += wy;
            }

            double scale = reduction == Reduction.Mean ? (denominator > 0 ? 1 / denominator : 0) : 1;
            for (int i = 0; i < n; i++)
            {
                if (targets[i] != ignore)
                {
                    gradient[i * k + targets[i]] = -(scale * (w?[targets[i]] ?? 1));
                }
            }

            double loss = reduction == Reduction.Mean ? (denominator > 0 ? total / denominator : 0) : total;
            return (loss, perSample, gradient);
        }

        /// <summary>
        /// Every double type and overload against the reference. Each row's loss is one product, −w_y·x_y, computed as the
        /// reference computes it, so per-sample values and gradients must be equal to the last bit; the total is a sum of
        /// N = 41 non-negative terms (−x_y ≥ 0), which any order of summation gets to within N·u ≈ 4.6e-15 relative, so
        /// 5e-15 (the generated rows add in row order, as the reference does, and agree exactly today).
        /// Destinations start as NaN, so each call must write every element it owns.
        /// </summary>
        [Theory]
        [MemberData(nameof(DoubleCases))]
        public void Double_AgreesWithReference(string name, bool weighted)
        {
            var api = DoubleTypes.Single(a => a.Name == name);
            int seed = 1000 + api.K + (weighted ? 1 : 0);
            var random = new Random(seed);
            const int n = 41; // blocks of 8, 4 and 2 rows would leave a remainder of 1: every row path runs
            double[] x = LogProbabilities(random, n, api.K);
            int[] targets = Targets(random, n, api.K, api.Ignore);
            double[]? w = weighted ? Weights(random, api.K) : null;
            var want = Reference(x, targets, w, api.K, api.Ignore, api.Reduction);
            string what = $"{name} weighted={weighted} seed={seed}";

            double[]? perSample = api.Reduction == Reduction.None ? Filled(n, double.NaN) : null;
            double loss = api.Call(x, targets, w, perSample, null);
            Close(want.Loss, loss, 5e-15, 0, what + " Loss");
            if (perSample is not null)
            {
                Assert.Equal(want.PerSample, perSample);
            }

            var gradient = Filled(n * api.K, double.NaN);
            perSample = api.Reduction == Reduction.None ? Filled(n, double.NaN) : null;
            double lossWithGradient = api.Call(x, targets, w, perSample, gradient);
            Close(want.Loss, lossWithGradient, 5e-15, 0, what + " LossAndGradient");
            if (perSample is not null)
            {
                Assert.Equal(want.PerSample, perSample);
            }

            Assert.Equal(want.Gradient, gradient);
        }

        /// <summary>
        /// Float types: the kernels widen x_y and w_y to double, form the row's loss and the total in double and round once
        /// (per-sample values, the returned loss, each gradient element). The reference does the same from the widened
        /// inputs, so per-sample values and gradient elements are equal to the last bit; the returned loss is the rounding
        /// of a double within 5e-15 of the reference's (see the double test), so within one float ulp of its rounding.
        /// </summary>
        [Theory]
        [MemberData(nameof(SingleCases))]
        public void Single_AgreesWithReference(string name, bool weighted)
        {
            var api = SingleTypes.Single(a => a.Name == name);
            int seed = 2000 + api.K + (weighted ? 1 : 0);
            var random = new Random(seed);
            const int n = 41;
            float[] x = LogProbabilities(random, n, api.K).Select(v => (float)v).ToArray();
            int[] targets = Targets(random, n, api.K, api.Ignore);
            float[]? w = weighted ? Weights(random, api.K).Select(v => (float)v).ToArray() : null;
            var want = Reference(x.Select(v => (double)v).ToArray(), targets, w?.Select(v => (double)v).ToArray(), api.K, api.Ignore, api.Reduction);
            string what = $"{name} weighted={weighted} seed={seed}";

            foreach (bool gradient in new[] { false, true })
            {
                float[]? perSample = api.Reduction == Reduction.None ? Enumerable.Repeat(float.NaN, n).ToArray() : null;
                float[]? g = gradient ? Enumerable.Repeat(float.NaN, n * api.K).ToArray() : null;
                float loss = api.Call(x, targets, w, perSample, g);
                float expected = (float)want.Loss;
                Assert.True(Math.Abs(loss - expected) <= MathF.BitIncrement(Math.Abs(expected)) - Math.Abs(expected), $"{what}: {loss:R} vs {expected:R}");
                if (perSample is not null)
                {
                    Assert.Equal(want.PerSample.Select(v => (float)v).ToArray(), perSample);
                }

                if (g is not null)
                {
                    Assert.Equal(want.Gradient.Select(v => (float)v).ToArray(), g);
                }
            }
        }

        /// <summary>
        /// NLL of the log-softmax is the softmax cross-entropy, per sample, weighted or not (torch: cross_entropy =
        /// nll_loss ∘ log_softmax). The two compute log s + (m − x_y) in a different order: with logits in [−4, 4] each
        /// term is at most ~10, so they agree to a few ulps of 10, 1e-14 absolute.
        /// </summary>
        [Fact]
        public void NllOfLogSoftmax_IsTheSoftmaxCrossEntropy()
        {
            var random = new Random(77);
            const int n = 23, k = 5;
            double[] logits = Enumerable.Range(0, n * k).Select(_ => 8 * random.NextDouble() - 4).ToArray();
            double[] logProbabilities = new double[n * k];
            for (int i = 0; i < n; i++)
            {
                var row = logits.AsSpan(i * k, k).ToArray();
                double m = row.Max();
                double lse = m + Math.Log(row.Sum(v => Math.Exp(v - m)));
                for (int c = 0; c < k; c++)
                {
                    logProbabilities[i * k + c] = row[c] - lse;
                }
            }

            int[] targets = Targets(random, n, k, -100);
            double[] w = Weights(random, k);
            foreach (var weights in new[] { null, w })
            {
                var ce = new double[n];
                var nll = new double[n];
                double ceSum = weights is null ? CeK5None.Loss(logits, targets, ce) : CeK5None.Loss(logits, targets, weights, ce);
                double nllSum = weights is null ? NllK5None.Loss(logProbabilities, targets, nll) : NllK5None.Loss(logProbabilities, targets, weights, nll);
                for (int i = 0; i < n; i++)
                {
                    Close(ce[i], nll[i], 0, 1e-14, $"row {i} weighted={weights is not null}");
                }

                Close(ceSum, nllSum, 0, n * 1e-14, $"sum weighted={weights is not null}");
                Close(CeK5Mean.Loss(logits, targets), NllK5Mean.Loss(logProbabilities, targets), 0, 1e-14, "mean");
                Close(CeK5Mean.Loss(logits, targets, w), NllK5Mean.Loss(logProbabilities, targets, w), 0, 1e-14, "weighted mean");
            }
        }

        [Theory]
        [InlineData("losses/nll_loss/001")]
        [InlineData("losses/nll_loss/004")]
        [InlineData("losses/nll_loss/006")]
        public void Oracle(string id)
        {
            var c = LossOracleTests.Case(id);
            Assert.Equal("nll_loss", c.GetProperty("family").GetString());
            var p = c.GetProperty("params");
            var input = c.GetProperty("x").GetProperty("input");
            double rel = OracleCase.Num(c.GetProperty("tol").GetProperty("rel"));
            double abs = OracleCase.Num(c.GetProperty("tol").GetProperty("abs"));
            double[] x = input.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(OracleCase.Num)).ToArray();
            int k = input[0].GetArrayLength();
            int[] targets = c.GetProperty("x").GetProperty("target").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            double[]? w = p.GetProperty("weight").ValueKind == JsonValueKind.Null ? null : OracleCase.Vec(p.GetProperty("weight"));
            Assert.Equal(-100, p.GetProperty("ignore_index").GetInt32());
            string reduction = p.GetProperty("reduction").GetString()!;
            var api = DoubleTypes.Single(a => a.K == k && a.Ignore == -100 && a.Reduction.ToString().Equals(reduction, StringComparison.OrdinalIgnoreCase));
            var expect = c.GetProperty("expect").GetProperty("value");
            if (api.Reduction == Reduction.None)
            {
                double[] want = OracleCase.Vec(expect);
                var perSample = new double[targets.Length];
                double sum = api.Call(x, targets, w, perSample, null);
                for (int i = 0; i < want.Length; i++)
                {
                    Close(want[i], perSample[i], rel, abs, $"{id} perSample[{i}]");
                }

                Close(Sum(want), sum, rel, abs, $"{id} returned sum");
            }
            else
            {
                Close(OracleCase.Num(expect), api.Call(x, targets, w, null, null), rel, abs, id + " value");
                Close(OracleCase.Num(expect), api.Call(x, targets, w, null, new double[x.Length]), rel, abs, id + " LossAndGradient value");
            }
        }

        /// <summary>Every target ignored: the mean is 0 with a zero gradient (torch: NaN); an empty batch too.</summary>
        [Fact]
        public void AllIgnoredMean_IsZeroWithAZeroGradient()
        {
            double[] x = { -1, -2, -3, -0.5, -0.25, -4, -1.5, -1, -2, -3, -3, -3, -3, -3, -3 };
            int[] targets = { -100, -100, -100 };
            var gradient = Filled(x.Length, double.NaN);
            Assert.Equal(0d, NllK5Mean.LossAndGradient(x, targets, gradient));
            Assert.All(gradient, g => Assert.Equal(0d, g));
            Assert.Equal(0d, NllK5Mean.Loss(x, targets, new double[] { 1, 2, 3, 4, 5 }));
            Assert.Equal(0d, NllK5Mean.Loss(Array.Empty<double>(), Array.Empty<int>()));
        }

        /// <summary>−∞ at a target is an infinite loss (not checked, as in torch); −∞ elsewhere is not read.</summary>
        [Fact]
        public void NegativeInfinity_AtTheTarget_IsAnInfiniteLoss()
        {
            double[] x = { double.NegativeInfinity, -1, -2, -3, -4 };
            Assert.Equal(double.PositiveInfinity, NllK5Mean.Loss(x, new[] { 0 }));
            Assert.Equal(1d, NllK5Mean.Loss(x, new[] { 1 }));
        }

        /// <summary>
        /// Every argument is checked before anything is written: the exception names the parameter (and the row, index and
        /// value), and the destinations keep their sentinel. Invalid targets and weights are placed at every index class
        /// (first, middle, last).
        /// </summary>
        [Fact]
        public void InvalidArguments_NameTheParameter_AndWriteNothing()
        {
            const int n = 7, k = 5;
            double[] x = LogProbabilities(new Random(5), n, k);
            int[] targets = { 0, 1, 2, 3, 4, -100, 1 };
            double[] w = { 1, 1, 1, 1, 1 };
            var gradient = Filled(n * k, 42);
            var perSample = Filled(n, 42);

            var e = Assert.Throws<ArgumentException>(() => NllK5Mean.Loss(x.AsSpan(1).ToArray(), targets));
            Assert.Equal("logProbabilities", e.ParamName);
            Assert.StartsWith("logProbabilities has 34 elements but targets has 7", e.Message, StringComparison.Ordinal);

            foreach (int row in new[] { 0, 3, n - 1 })
            {
                foreach (int bad in new[] { -1, k, int.MaxValue, int.MinValue })
                {
                    int[] t = (int[])targets.Clone();
                    t[row] = bad;
                    var te = Assert.Throws<ArgumentOutOfRangeException>(() => NllK5Mean.LossAndGradient(x, t, gradient));
                    Assert.Equal("targets", te.ParamName);
                    Assert.Contains($"targets[{row}] = {bad} (row {row})", te.Message, StringComparison.Ordinal);
                    Assert.Throws<ArgumentOutOfRangeException>(() => NllK5None.LossAndGradient(x, t, perSample, gradient));
                }
            }

            foreach (int index in new[] { 0, 2, k - 1 })
            {
                foreach (double bad in new[] { -1e-300, double.NaN, double.PositiveInfinity })
                {
                    double[] wBad = (double[])w.Clone();
                    wBad[index] = bad;
                    var we = Assert.Throws<ArgumentOutOfRangeException>(() => NllK5Mean.LossAndGradient(x, targets, wBad, gradient));
                    Assert.Equal("classWeights", we.ParamName);
                    Assert.Contains($"classWeights[{index}] = ", we.Message, StringComparison.Ordinal);
                }
            }

            Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() => NllK5Mean.Loss(x, targets, new double[k - 1])).ParamName);
            Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => NllK5Mean.LossAndGradient(x, targets, new double[n * k - 1])).ParamName);
            Assert.Equal("perSample", Assert.Throws<ArgumentException>(() => NllK5None.Loss(x, targets, new double[n - 1])).ParamName);
            Assert.All(gradient, g => Assert.Equal(42d, g));
            Assert.All(perSample, v => Assert.Equal(42d, v));
        }

        private static double[] Filled(int length, double value) => Enumerable.Repeat(value, length).ToArray();
    }

    /// <summary>K = 5 with per-sample values, for the comparison with CeK5None and the perSample checks.</summary>
    [NllLoss(5, Reduction = Reduction.None)]
    public static partial class NllK5None;
}
