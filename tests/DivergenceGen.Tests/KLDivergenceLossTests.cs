// The generated distillation losses ([KLDivergenceLoss]): the oracle's torch 1.13.1 kd_kl_div cases (Oracle/losses.json)
// at their own tolerances, loss and grad_input, through both forms of the teacher; a plain double reference on random
// inputs at every code shape (straight-line K ≤ 16, looped with a tail, UnrollThreshold 0, float, every reduction);
// identical distributions give 0; extreme logits stay finite; a teacher that rules a class out (log P = −∞); argument
// validation with an invalid element at every index class. Random inputs come from fixed seeds, named in the messages.
using System;
using System.Linq;
using System.Text.Json;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests
{
    [KLDivergenceLoss(3, Temperature = 1)]
    public static partial class KdK3T1;

    [KLDivergenceLoss(5, Temperature = 10)]
    public static partial class KdK5T10;

    [KLDivergenceLoss(6, Temperature = 3)]
    public static partial class KdK6T3;

    [KLDivergenceLoss(6, Reduction = Reduction.None)]
    public static partial class KdK6None;

    [KLDivergenceLoss(17, Temperature = 4, Reduction = Reduction.Sum)]
    public static partial class KdK17T4Sum;

    [KLDivergenceLoss(2, UnrollThreshold = 0)]
    public static partial class KdK2Loop;

    [KLDivergenceLoss(1000, Temperature = 1.5, Reduction = Reduction.None)]
    public static partial class KdK1000None;

    [KLDivergenceLoss(10, Precision = Precision.Single)]
    public static partial class KdK10F;

    [KLDivergenceLoss(37, Temperature = 3, Reduction = Reduction.None, Precision = Precision.Single)]
    public static partial class KdK37NoneF;

    public sealed class KLDivergenceLossTests
    {
        /// <summary>One type's members behind one shape: Call(student, teacher, fromLogProbabilities, perSample?, gradient?).</summary>
        private delegate T Call<T>(T[] student, T[] teacher, bool fromLogProbabilities, T[]? perSample, T[]? gradient);

        private sealed record Api<T>(string Name, int K, double Temperature, Reduction Reduction, Call<T> Call)
        {
            public override string ToString() => Name;
        }

        private static readonly Api<double>[] DoubleTypes =
        {
            new(nameof(KdK3T1), KdK3T1.Classes, KdK3T1.Temperature, Reduction.Mean, (s, t, lp, ps, g) => lp
                ? (g is null ? KdK3T1.LossFromTeacherLogProbabilities(s, t) : KdK3T1.LossFromTeacherLogProbabilitiesAndGradient(s, t, g))
                : (g is null ? KdK3T1.Loss(s, t) : KdK3T1.LossAndGradient(s, t, g))),
            new(nameof(KdK5T10), KdK5T10.Classes, KdK5T10.Temperature, Reduction.Mean, (s, t, lp, ps, g) => lp
                ? (g is null ? KdK5T10.LossFromTeacherLogProbabilities(s, t) : KdK5T10.LossFromTeacherLogProbabilitiesAndGradient(s, t, g))
                : (g is null ? KdK5T10.Loss(s, t) : KdK5T10.LossAndGradient(s, t, g))),
            new(nameof(KdK6T3), KdK6T3.Classes, KdK6T3.Temperature, Reduction.Mean, (s, t, lp, ps, g) => lp
                ? (g is null ? KdK6T3.LossFromTeacherLogProbabilities(s, t) : KdK6T3.LossFromTeacherLogProbabilitiesAndGradient(s, t, g))
                : (g is null ? KdK6T3.Loss(s, t) : KdK6T3.LossAndGradient(s, t, g))),
            new(nameof(KdK6None), KdK6None.Classes, KdK6None.Temperature, Reduction.None, (s, t, lp, ps, g) => lp
                ? (g is null ? KdK6None.LossFromTeacherLogProbabilities(s, t, ps!) : KdK6None.LossFromTeacherLogProbabilitiesAndGradient(s, t, ps!, g))
                : (g is null ? KdK6None.Loss(s, t, ps!) : KdK6None.LossAndGradient(s, t, ps!, g))),
            new(nameof(KdK17T4Sum), KdK17T4Sum.Classes, KdK17T4Sum.Temperature, Reduction.Sum, (s, t, lp, ps, g) => lp
                ? (g is null ? KdK17T4Sum.LossFromTeacherLogProbabilities(s, t) : KdK17T4Sum.LossFromTeacherLogProbabilitiesAndGradient(s, t, g))
                : (g is null ? KdK17T4Sum.Loss(s, t) : KdK17T4Sum.LossAndGradient(s, t, g))),
            new(nameof(KdK2Loop), KdK2Loop.Classes, KdK2Loop.Temperature, Reduction.Mean, (s, t, lp, ps, g) => lp
                ? (g is null ? KdK2Loop.LossFromTeacherLogProbabilities(s, t) : KdK2Loop.LossFromTeacherLogProbabilitiesAndGradient(s, t, g))
                : (g is null ? KdK2Loop.Loss(s, t) : KdK2Loop.LossAndGradient(s, t, g))),
            new(nameof(KdK1000None), KdK1000None.Classes, KdK1000None.Temperature, Reduction.None, (s, t, lp, ps, g) => lp
                ? (g is null ? KdK1000None.LossFromTeacherLogProbabilities(s, t, ps!) : KdK1000None.LossFromTeacherLogProbabilitiesAndGradient(s, t, ps!, g))
                : (g is null ? KdK1000None.Loss(s, t, ps!) : KdK1000None.LossAndGradient(s, t, ps!, g))),
        };

        private static readonly Api<float>[] SingleTypes =
        {
            new(nameof(KdK10F), KdK10F.Classes, KdK10F.Temperature, Reduction.Mean, (s, t, lp, ps, g) => lp
                ? (g is null ? KdK10F.LossFromTeacherLogProbabilities(s, t) : KdK10F.LossFromTeacherLogProbabilitiesAndGradient(s, t, g))
                : (g is null ? KdK10F.Loss(s, t) : KdK10F.LossAndGradient(s, t, g))),
            new(nameof(KdK37NoneF), KdK37NoneF.Classes, KdK37NoneF.Temperature, Reduction.None, (s, t, lp, ps, g) => lp
                ? (g is null ? KdK37NoneF.LossFromTeacherLogProbabilities(s, t, ps!) : KdK37NoneF.LossFromTeacherLogProbabilitiesAndGradient(s, t, ps!, g))
                : (g is null ? KdK37NoneF.Loss(s, t, ps!) : KdK37NoneF.LossAndGradient(s, t, ps!, g))),
        };

        public static TheoryData<string, bool> DoubleCases() => Cases(DoubleTypes.Select(a => a.Name));

        public static TheoryData<string, bool> SingleCases() => Cases(SingleTypes.Select(a => a.Name));

        private static TheoryData<string, bool> Cases(System.Collections.Generic.IEnumerable<string> names)
        {
            var data = new TheoryData<string, bool>();
            foreach (string name in names)
            {
                data.Add(name, false);
                data.Add(name, true);
            }

            return data;
        }

        private static double[] Logits(Random random, int n, int k, double spread = 4) =>
            Enumerable.Range(0, n * k).Select(_ => spread * (2 * random.NextDouble() - 1)).ToArray();

        /// <summary>Row-wise log-softmax(x/T), in double.</summary>
        private static double[] LogSoftmax(double[] x, int k, double temperature)
        {
            var result = new double[x.Length];
            for (int i = 0; i < x.Length / k; i++)
            {
                var row = x.Skip(i * k).Take(k).Select(v => v / temperature).ToArray();
                double m = row.Max();
                double lse = m + Math.Log(row.Sum(v => Math.Exp(v - m)));
                for (int c = 0; c < k; c++)
                {
                    result[i * k + c] = row[c] - lse;
                }
            }

            return result;
        }

        /// <summary>
        /// The definition, plainly in double: ℓᵢ = T²·Σₖ Pᵢₖ·(log Pᵢₖ − log Qᵢₖ) with log Q = log_softmax(s/T) and log P the
        /// teacher's log-probabilities (log_softmax(t/T) for teacher logits); Pₖ = 0 contributes 0. Gradient of the returned
        /// value: scale·T·(Q − P), scale = 1/N for the mean.
        /// </summary>
        private static (double Loss, double[] PerSample, double[] Gradient) Reference(double[] s, double[] teacherLogP, int k, double temperature, Reduction reduction)
        {
            int n = s.Length / k;
            double[] logQ = LogSoftmax(s, k, temperature);
            var perSample = new double[n];
            var gradient = new double[s.Length];
            double scale = reduction == Reduction.Mean ? (n > 0 ? 1.0 / n : 0) : 1;
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                double kl = 0;
                for (int c = 0; c < k; c++)
                {
                    int j = i * k + c;
                    double p = Math.Exp(teacherLogP[j]);
                    kl += p > 0 ? p * (teacherLogP[j] - logQ[j]) : 0;
                    gradient[j] = scale * temperature * (Math.Exp(logQ[j]) - p);
                }

                perSample[i] = temperature * temperature * kl;
                total += perSample[i];
            }

            return (reduction == Reduction.Mean ? (n > 0 ? total / n : 0) : total, perSample, gradient);
        }

        /// <summary>
        /// Double types, both forms of the teacher, against the reference. The kernel computes KL as
        /// (Σ f·(b − a))/Sₜ + (m − mₜ) + log(S/Sₜ) (teacher logits) or Σ P·(ℓp − a) + (m + log S)·Σ P, the reference term by
        /// term: each rounding is relative to terms of size ≤ |logits|/T + log K ≈ 10 here, so they agree to a few ulps of 10
        /// per row times T², stated as 1e-13·T² absolute per row (the reference's own error is of the same kind), N·that for
        /// the sum; gradients, scale·T·(Q − P) with Q and P of size ≤ 1, to 1e-15·T·scale·8 (a few ulps).
        /// </summary>
        [Theory]
        [MemberData(nameof(DoubleCases))]
        public void Double_AgreesWithReference(string name, bool fromLogProbabilities)
        {
            var api = DoubleTypes.Single(a => a.Name == name);
            int seed = 3000 + api.K + (fromLogProbabilities ? 1 : 0);
            var random = new Random(seed);
            const int n = 9;
            double[] s = Logits(random, n, api.K);
            double[] t = Logits(random, n, api.K);
            double[] logP = LogSoftmax(t, api.K, api.Temperature);
            double[] teacher = fromLogProbabilities ? logP : t;
            var want = Reference(s, logP, api.K, api.Temperature, api.Reduction);
            double t2 = api.Temperature * api.Temperature;
            string what = $"{name} fromLogProbabilities={fromLogProbabilities} seed={seed}";

            foreach (bool withGradient in new[] { false, true })
            {
                double[]? perSample = api.Reduction == Reduction.None ? Enumerable.Repeat(double.NaN, n).ToArray() : null;
                double[]? gradient = withGradient ? Enumerable.Repeat(double.NaN, s.Length).ToArray() : null;
                double loss = api.Call(s, teacher, fromLogProbabilities, perSample, gradient);
                Close(want.Loss, loss, 0, n * 1e-13 * t2, what + " loss");
                for (int i = 0; perSample is not null && i < n; i++)
                {
                    Close(want.PerSample[i], perSample[i], 0, 1e-13 * t2, $"{what} perSample[{i}]");
                }

                for (int j = 0; gradient is not null && j < gradient.Length; j++)
                {
                    double scale = api.Reduction == Reduction.Mean ? 1.0 / n : 1;
                    Close(want.Gradient[j], gradient[j], 0, 8e-15 * api.Temperature * scale, $"{what} gradient[{j}]");
                }
            }
        }

        /// <summary>
        /// Float types against the double reference on the same (float) inputs. The row sums are in float, the row's loss in
        /// double: KL's terms carry float rounding relative to their size (≤ ~10 here), so |ℓ_f − ℓ_d| ≤ 4e-6·T² per row
        /// (about 4 float ulps of 10, times T²); gradients, scale·T·(Q − P), within 2e-7·T·scale (a few float ulps of 1).
        /// </summary>
        [Theory]
        [MemberData(nameof(SingleCases))]
        public void Single_AgreesWithReference(string name, bool fromLogProbabilities)
        {
            var api = SingleTypes.Single(a => a.Name == name);
            int seed = 4000 + api.K + (fromLogProbabilities ? 1 : 0);
            var random = new Random(seed);
            const int n = 9;
            float[] s = Logits(random, n, api.K).Select(v => (float)v).ToArray();
            float[] t = Logits(random, n, api.K).Select(v => (float)v).ToArray();
            double[] logP = fromLogProbabilities
                ? LogSoftmax(t.Select(v => (double)v).ToArray(), api.K, api.Temperature).Select(v => (double)(float)v).ToArray()
                : LogSoftmax(t.Select(v => (double)v).ToArray(), api.K, api.Temperature);
            float[] teacher = fromLogProbabilities ? logP.Select(v => (float)v).ToArray() : t;
            var want = Reference(s.Select(v => (double)v).ToArray(), logP, api.K, api.Temperature, api.Reduction);
            double t2 = api.Temperature * api.Temperature;
            double scale = api.Reduction == Reduction.Mean ? 1.0 / n : 1;
            string what = $"{name} fromLogProbabilities={fromLogProbabilities} seed={seed}";

            float[]? perSample = api.Reduction == Reduction.None ? Enumerable.Repeat(float.NaN, n).ToArray() : null;
            var gradient = Enumerable.Repeat(float.NaN, s.Length).ToArray();
            float loss = api.Call(s, teacher, fromLogProbabilities, perSample, gradient);
            Close(want.Loss, loss, 0, (api.Reduction == Reduction.Mean ? 1 : n) * 4e-6 * t2, what + " loss");
            for (int i = 0; perSample is not null && i < n; i++)
            {
                Close(want.PerSample[i], perSample[i], 0, 4e-6 * t2, $"{what} perSample[{i}]");
            }

            for (int j = 0; j < gradient.Length; j++)
            {
                Close(want.Gradient[j], gradient[j], 0, 2e-7 * api.Temperature * scale, $"{what} gradient[{j}]");
            }
        }

        [Theory]
        [InlineData("losses/kd_kl_div/001")]
        [InlineData("losses/kd_kl_div/004")]
        [InlineData("losses/kd_kl_div/006")]
        public void Oracle(string id)
        {
            var c = LossOracleTests.Case(id);
            Assert.Equal("kd_kl_div", c.GetProperty("family").GetString());
            Assert.Equal("batchmean", c.GetProperty("params").GetProperty("reduction").GetString());
            double temperature = OracleCase.Num(c.GetProperty("params").GetProperty("T"));
            double rel = OracleCase.Num(c.GetProperty("tol").GetProperty("rel"));
            double abs = OracleCase.Num(c.GetProperty("tol").GetProperty("abs"));
            static double[] Flat(JsonElement rows) => rows.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(OracleCase.Num)).ToArray();
            var x = c.GetProperty("x");
            double[] s = Flat(x.GetProperty("student_logits"));
            double[] t = Flat(x.GetProperty("teacher_logits"));
            int k = x.GetProperty("student_logits")[0].GetArrayLength();
            var api = DoubleTypes.Single(a => a.K == k && a.Temperature == temperature && a.Reduction == Reduction.Mean);
            double want = OracleCase.Num(c.GetProperty("expect").GetProperty("value"));
            double[] wantGradient = Flat(c.GetProperty("expect").GetProperty("grad_input"));

            // Both forms of the teacher: its logits, and log_softmax(t/T) given directly (computed here in double).
            foreach (bool fromLogProbabilities in new[] { false, true })
            {
                double[] teacher = fromLogProbabilities ? LogSoftmax(t, k, temperature) : t;
                Close(want, api.Call(s, teacher, fromLogProbabilities, null, null), rel, abs, $"{id} value, fromLogProbabilities={fromLogProbabilities}");
                var gradient = new double[s.Length];
                Close(want, api.Call(s, teacher, fromLogProbabilities, null, gradient), rel, abs, $"{id} LossAndGradient value");
                for (int j = 0; j < wantGradient.Length; j++)
                {
                    Close(wantGradient[j], gradient[j], rel, abs, $"{id} grad_input[{j / k}][{j % k}], fromLogProbabilities={fromLogProbabilities}");
                }
            }
        }

        /// <summary>
        /// The same distribution for teacher and student: KL = 0. From logits, the two rows' maxima, exps and sums are the same
        /// numbers, so every term cancels exactly: 0 and a zero gradient, bit for bit. From log-probabilities, log P is
        /// log_softmax(t/T) rounded, so a few ulps of the row's terms remain (1e-15·T² per row).
        /// </summary>
        [Fact]
        public void IdenticalDistributions_GiveZero()
        {
            double[] x = Logits(new Random(11), 5, 6);
            var gradient = new double[x.Length];
            var perSample = new double[5];
            Assert.Equal(0d, KdK6None.LossAndGradient(x, x, perSample, gradient));
            Assert.All(perSample, v => Assert.Equal(0d, v));
            Assert.All(gradient, g => Assert.Equal(0d, g));
            double fromLogP = KdK6None.LossFromTeacherLogProbabilities(x, LogSoftmax(x, 6, KdK6None.Temperature), perSample);
            Assert.True(Math.Abs(fromLogP) <= 5 * 4e-15 * 4, $"KL of identical rows = {fromLogP:R}");
        }

        /// <summary>Logits of ±1e4 (double) and ±1e3 (float): every intermediate is shifted by the row maximum, so finite.</summary>
        [Fact]
        public void ExtremeLogits_StayFinite()
        {
            double[] s = { 1e4, -1e4, 0, 5e3, -5e3, 1 };
            double[] t = { -1e4, 1e4, 3, 0, 2, -1e4 };
            var gradient = new double[6];
            double loss = KdK6None.LossAndGradient(s, t, new double[1], gradient);
            Assert.True(double.IsFinite(loss) && loss > 0, loss.ToString("R"));
            Assert.All(gradient, g => Assert.True(double.IsFinite(g)));
            var want = Reference(s, LogSoftmax(t, 6, 2), 6, 2, Reduction.None);
            Close(want.Loss, loss, 1e-12, 0, "extreme logits");

            float[] sf = Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? 1e3f : -1e3f).ToArray();
            float[] tf = Enumerable.Range(0, 10).Select(i => i % 3 == 0 ? -1e3f : 1e3f).ToArray();
            var gf = new float[10];
            float lossF = KdK10F.LossAndGradient(sf, tf, gf);
            Assert.True(float.IsFinite(lossF) && lossF > 0, lossF.ToString("R"));
            Assert.All(gf, g => Assert.True(float.IsFinite(g)));
        }

        /// <summary>A teacher that rules a class out (log P = −∞): that class contributes 0, not NaN; the student is still pushed off it.</summary>
        [Fact]
        public void TeacherRulingOutAClass_ContributesZero()
        {
            double[] s = { 0.5, -1, 2, 0, 1, -0.5 };
            double[] t = { 0.5, -1, 2, 0, 1, -0.5 };
            double[] logP = LogSoftmax(t, 6, 2);
            logP[2] = double.NegativeInfinity;
            var gradient = new double[6];
            var perSample = new double[1];
            double loss = KdK6None.LossFromTeacherLogProbabilitiesAndGradient(s, logP, perSample, gradient);
            var want = Reference(s, logP, 6, 2, Reduction.None);
            Close(want.Loss, loss, 0, 1e-13 * 4, "loss");
            Assert.True(gradient[2] > 0, "the student's mass on the ruled-out class is pushed down");
            for (int c = 0; c < 6; c++)
            {
                Close(want.Gradient[c], gradient[c], 0, 8e-15 * 2, $"gradient[{c}]");
            }
        }

        /// <summary>
        /// Both gradients against central finite differences of the loss itself (double, h = 1e-6, logits in [−4, 4],
        /// T = 3): the loss is smooth with third derivatives of order 1/T, so the quotient is within ~h²/T of the
        /// derivative, plus the rounding of the two losses, a few ulps of |ℓ| over 2h: bound 4ε·|ℓ|/h + 1e-11.
        /// </summary>
        [Fact]
        public void Gradients_MatchCentralFiniteDifferences()
        {
            var random = new Random(23);
            const int n = 2, k = 6;
            double[] s = Logits(random, n, k), t = Logits(random, n, k);
            double[] logP = LogSoftmax(t, k, KdK6T3.Temperature);
            foreach (bool fromLogProbabilities in new[] { false, true })
            {
                double[] teacher = fromLogProbabilities ? logP : t;
                double Loss(double[] student) => fromLogProbabilities ? KdK6T3.LossFromTeacherLogProbabilities(student, teacher) : KdK6T3.Loss(student, teacher);
                var gradient = new double[s.Length];
                _ = fromLogProbabilities ? KdK6T3.LossFromTeacherLogProbabilitiesAndGradient(s, teacher, gradient) : KdK6T3.LossAndGradient(s, teacher, gradient);
                const double h = 1e-6;
                for (int j = 0; j < s.Length; j++)
                {
                    double[] up = (double[])s.Clone(), down = (double[])s.Clone();
                    up[j] += h;
                    down[j] -= h;
                    double bound = 4 * 2.220446049250313e-16 * Math.Abs(Loss(s)) / h + 1e-11;
                    Close((Loss(up) - Loss(down)) / (2 * h), gradient[j], 0, bound, $"gradient[{j}], fromLogProbabilities={fromLogProbabilities}");
                }
            }
        }

        [Fact]
        public void EmptyBatch_MeanIsZero()
        {
            Assert.Equal(0d, KdK3T1.Loss(Array.Empty<double>(), Array.Empty<double>()));
            Assert.Equal(0d, KdK3T1.LossAndGradient(Array.Empty<double>(), Array.Empty<double>(), Array.Empty<double>()));
        }

        /// <summary>
        /// Every argument is checked before anything is written: the exception names the parameter (and the index, row,
        /// class and value), the destinations keep their sentinel. Invalid teacher values at every index class.
        /// </summary>
        [Fact]
        public void InvalidArguments_NameTheParameter_AndWriteNothing()
        {
            const int n = 4, k = 6;
            double[] s = Logits(new Random(3), n, k);
            double[] t = Logits(new Random(4), n, k);
            var gradient = Enumerable.Repeat(42.0, n * k).ToArray();
            var perSample = Enumerable.Repeat(42.0, n).ToArray();

            var e = Assert.Throws<ArgumentException>(() => KdK6None.LossAndGradient(s, t.AsSpan(1).ToArray(), perSample, gradient));
            Assert.Equal("teacherLogits", e.ParamName);
            e = Assert.Throws<ArgumentException>(() => KdK6None.LossAndGradient(s.AsSpan(k).ToArray(), t, perSample, gradient));
            Assert.Equal("studentLogits", e.ParamName);
            Assert.StartsWith("studentLogits has 18 elements but teacherLogits has 24", e.Message, StringComparison.Ordinal);
            Assert.Equal("teacherLogProbabilities", Assert.Throws<ArgumentException>(
                () => KdK6None.LossFromTeacherLogProbabilities(s, new double[n * k + 1], perSample)).ParamName);

            foreach (int index in new[] { 0, 9, n * k - 1 })
            {
                foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                {
                    double[] tBad = (double[])t.Clone();
                    tBad[index] = bad;
                    var te = Assert.Throws<ArgumentOutOfRangeException>(() => KdK6None.LossAndGradient(s, tBad, perSample, gradient));
                    Assert.Equal("teacherLogits", te.ParamName);
                    Assert.Contains($"teacherLogits[{index}] (row {index / k}, class {index % k})", te.Message, StringComparison.Ordinal);
                }

                foreach (double bad in new[] { double.NaN, 1e-300, 0.5 })
                {
                    double[] logP = LogSoftmax(t, k, 2);
                    logP[index] = bad;
                    var le = Assert.Throws<ArgumentOutOfRangeException>(() => KdK6None.LossFromTeacherLogProbabilitiesAndGradient(s, logP, perSample, gradient));
                    Assert.Equal("teacherLogProbabilities", le.ParamName);
                    Assert.Contains($"teacherLogProbabilities[{index}] (row {index / k}, class {index % k})", le.Message, StringComparison.Ordinal);
                }
            }

            Assert.Equal("perSample", Assert.Throws<ArgumentException>(() => KdK6None.Loss(s, t, new double[n - 1])).ParamName);
            Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => KdK6None.LossAndGradient(s, t, perSample, new double[n * k - 1])).ParamName);
            Assert.All(gradient, g => Assert.Equal(42d, g));
            Assert.All(perSample, v => Assert.Equal(42d, v));
        }
    }
}
