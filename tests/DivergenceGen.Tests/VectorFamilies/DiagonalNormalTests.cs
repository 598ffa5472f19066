// DiagonalNormal(D): the instance members and the variational autoencoder's batch members against 50-digit mpmath values
// (VectorFamilies/diagonal_normal_reference.json, written by make_diagonal_normal_reference.py from the exact double inputs),
// against the Normal family coordinate by coordinate, and against central finite differences; the reductions, the checks,
// overflow, float, sampling. Every shape is exercised: D = 2 and 16 straight-line, 17 and 1024 looped (17: one vector and an
// overlapping masked tail), and the width matrix of CI runs each at 512, 256, 128 bits and scalar.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.VectorFamilies
{
    /// <summary>The declarations the tests run.</summary>
    [DiagonalNormal(2)] public readonly partial struct Latent2;

    /// <summary>D = 16: straight-line rows (the default unroll threshold is 16).</summary>
    [DiagonalNormal(16)] public readonly partial struct Latent16;

    /// <summary>D = 17: looped rows, one vector and an overlapping masked last vector.</summary>
    [DiagonalNormal(17, Reduction = Reduction.Sum)] public partial struct Latent17;

    /// <summary>D = 1024 as a class, reduction None.</summary>
    [DiagonalNormal(1024, Reduction = Reduction.None)] public sealed partial class Latent1024;

    /// <summary>D = 16 looped (UnrollThreshold 0) with the sum over rows.</summary>
    [DiagonalNormal(16, UnrollThreshold = 0, Reduction = Reduction.Sum)] public readonly partial struct Latent16Looped;

    /// <summary>Float, D = 17.</summary>
    [DiagonalNormal(17, Precision = Precision.Single)] public readonly partial struct Latent17F;

    public sealed class DiagonalNormalTests
    {
        private const double Epsilon = 2.220446049250313e-16;

        internal sealed record Case(
            string Name, double[] Mean, double[] LogVariance, double[] MeanQ, double[] LogVarianceQ, double[] X,
            double KL, double CrossEntropy, double Entropy, double LogPdf, double KLToStandardNormal, double[] MeanGradient, double[] LogVarianceGradient);

        private static readonly Lazy<List<Case>> All = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "VectorFamilies", "diagonal_normal_reference.json");
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            static double[] A(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
            return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
                c.GetProperty("name").GetString()!, A(c, "mean"), A(c, "logVariance"), A(c, "meanQ"), A(c, "logVarianceQ"), A(c, "x"),
                c.GetProperty("kl").GetDouble(), c.GetProperty("crossEntropy").GetDouble(), c.GetProperty("entropy").GetDouble(),
                c.GetProperty("logPdf").GetDouble(), c.GetProperty("klToStandardNormal").GetDouble(), A(c, "meanGradient"),
                A(c, "logVarianceGradient"))).ToList();
        });

        public static IEnumerable<object[]> Names() => All.Value.Select(c => new object[] { c.Name });

        private interface IMembers
        {
            double KL(double[] m, double[] v, double[] mq, double[] vq);
            double CrossEntropy(double[] m, double[] v, double[] mq, double[] vq);
            double Entropy(double[] m, double[] v);
            double LogPdf(double[] m, double[] v, double[] x);
            double BatchKLToStandardNormal(double[] m, double[] v, double[] gm, double[] gv);
            double BatchKL(double[] m, double[] v, double[] mq, double[] vq, double[] gm, double[] gv);
        }

        private sealed class Members2 : IMembers
        {
            public double KL(double[] m, double[] v, double[] mq, double[] vq) => Latent2.FromMeanAndLogVariance(m, v).KLDivergence(Latent2.FromMeanAndLogVariance(mq, vq));
            public double CrossEntropy(double[] m, double[] v, double[] mq, double[] vq) => Latent2.FromMeanAndLogVariance(m, v).CrossEntropy(Latent2.FromMeanAndLogVariance(mq, vq));
            public double Entropy(double[] m, double[] v) => Latent2.FromMeanAndLogVariance(m, v).Entropy();
            public double LogPdf(double[] m, double[] v, double[] x) => Latent2.FromMeanAndLogVariance(m, v).LogPdf(x);
            public double BatchKLToStandardNormal(double[] m, double[] v, double[] gm, double[] gv) => Latent2.KLToStandardNormalAndGradient(m, v, gm, gv);
            public double BatchKL(double[] m, double[] v, double[] mq, double[] vq, double[] gm, double[] gv) => Latent2.KLDivergenceAndGradient(m, v, mq, vq, gm, gv);
        }

        private sealed class Members16 : IMembers
        {
            public double KL(double[] m, double[] v, double[] mq, double[] vq) => Latent16.FromMeanAndLogVariance(m, v).KLDivergence(Latent16.FromMeanAndLogVariance(mq, vq));
            public double CrossEntropy(double[] m, double[] v, double[] mq, double[] vq) => Latent16.FromMeanAndLogVariance(m, v).CrossEntropy(Latent16.FromMeanAndLogVariance(mq, vq));
            public double Entropy(double[] m, double[] v) => Latent16.FromMeanAndLogVariance(m, v).Entropy();
            public double LogPdf(double[] m, double[] v, double[] x) => Latent16.FromMeanAndLogVariance(m, v).LogPdf(x);
            public double BatchKLToStandardNormal(double[] m, double[] v, double[] gm, double[] gv) => Latent16.KLToStandardNormalAndGradient(m, v, gm, gv);
            public double BatchKL(double[] m, double[] v, double[] mq, double[] vq, double[] gm, double[] gv) => Latent16.KLDivergenceAndGradient(m, v, mq, vq, gm, gv);
        }

        private sealed class Members16Looped : IMembers
        {
            public double KL(double[] m, double[] v, double[] mq, double[] vq) => Latent16Looped.FromMeanAndLogVariance(m, v).KLDivergence(Latent16Looped.FromMeanAndLogVariance(mq, vq));
            public double CrossEntropy(double[] m, double[] v, double[] mq, double[] vq) => Latent16Looped.FromMeanAndLogVariance(m, v).CrossEntropy(Latent16Looped.FromMeanAndLogVariance(mq, vq));
            public double Entropy(double[] m, double[] v) => Latent16Looped.FromMeanAndLogVariance(m, v).Entropy();
            public double LogPdf(double[] m, double[] v, double[] x) => Latent16Looped.FromMeanAndLogVariance(m, v).LogPdf(x);
            public double BatchKLToStandardNormal(double[] m, double[] v, double[] gm, double[] gv) => Latent16Looped.KLToStandardNormalAndGradient(m, v, gm, gv);
            public double BatchKL(double[] m, double[] v, double[] mq, double[] vq, double[] gm, double[] gv) => Latent16Looped.KLDivergenceAndGradient(m, v, mq, vq, gm, gv);
        }

        private sealed class Members17 : IMembers
        {
            public double KL(double[] m, double[] v, double[] mq, double[] vq) => Latent17.FromMeanAndLogVariance(m, v).KLDivergence(Latent17.FromMeanAndLogVariance(mq, vq));
            public double CrossEntropy(double[] m, double[] v, double[] mq, double[] vq) => Latent17.FromMeanAndLogVariance(m, v).CrossEntropy(Latent17.FromMeanAndLogVariance(mq, vq));
            public double Entropy(double[] m, double[] v) => Latent17.FromMeanAndLogVariance(m, v).Entropy();
            public double LogPdf(double[] m, double[] v, double[] x) => Latent17.FromMeanAndLogVariance(m, v).LogPdf(x);
            public double BatchKLToStandardNormal(double[] m, double[] v, double[] gm, double[] gv) => Latent17.KLToStandardNormalAndGradient(m, v, gm, gv);
            public double BatchKL(double[] m, double[] v, double[] mq, double[] vq, double[] gm, double[] gv) => Latent17.KLDivergenceAndGradient(m, v, mq, vq, gm, gv);
        }

        private static IEnumerable<IMembers> For(int d) => d switch
        {
            2 => new IMembers[] { new Members2() },
            16 => new IMembers[] { new Members16(), new Members16Looped() },
            17 => new IMembers[] { new Members17() },
            _ => throw new InvalidOperationException("no declaration for D = " + d),
        };

        /// <summary>
        /// Every member against 50-digit mpmath. Bounds in ε: KL 8 relative to the value (a sum of non-negative terms, each
        /// ½(a + φ(t)) with a = Δμ²·e^(−vq) from 3 roundings and the exp's ≤ 1 ulp, φ within ~3 ulp: measured worst 3.1 ε,
        /// on the near-equal cases as on the others); cross-entropy, entropy and log-density 8 relative to the sum of the
        /// absolute values of their terms (what rounding each term once leaves; they are sums of mixed signs); the batch's
        /// KL to N(0, I) 8 relative (non-negative terms again), its μ gradient exact (it is μ·1 with N = 1) and its log-variance
        /// gradient 4 relative (½(eᵛ − 1) from the series where |v| ≤ 1, else exp(v) − 1, at most a factor 2.5 of cancellation).
        /// </summary>
        [Theory]
        [MemberData(nameof(Names))]
        public void MatchesTheMpmathReference(string name)
        {
            var c = All.Value.Single(x => x.Name == name);
            int d = c.Mean.Length;
            double termScale = 0.5 * c.LogVariance.Zip(c.LogVarianceQ).Sum(p => Math.Abs(p.Second) + Math.Exp(p.First - p.Second) + 1.8378770664093453)
                + Math.Abs(c.KL);
            foreach (var members in For(d))
            {
                string what = name + " (" + members.GetType().Name + ")";
                Within(c.KL, members.KL(c.Mean, c.LogVariance, c.MeanQ, c.LogVarianceQ), 8 * Epsilon * Math.Abs(c.KL), what + ": KL");
                Within(c.CrossEntropy, members.CrossEntropy(c.Mean, c.LogVariance, c.MeanQ, c.LogVarianceQ), 8 * Epsilon * termScale, what + ": H(P, Q)");
                double entropyScale = 0.5 * c.LogVariance.Sum(v => Math.Abs(v) + 2.8378770664093453);
                Within(c.Entropy, members.Entropy(c.Mean, c.LogVariance), 8 * Epsilon * entropyScale, what + ": H(P)");
                double logPdfScale = 0.5 * c.X.Zip(c.Mean).Zip(c.LogVariance).Sum(t => Math.Abs(t.Second) + 1.8378770664093453
                    + (t.First.First - t.First.Second) * (t.First.First - t.First.Second) * Math.Exp(-t.Second));
                Within(c.LogPdf, members.LogPdf(c.Mean, c.LogVariance, c.X), 8 * Epsilon * logPdfScale, what + ": log p(x)");

                var gm = new double[d];
                var gv = new double[d];
                Within(c.KLToStandardNormal, members.BatchKLToStandardNormal(c.Mean, c.LogVariance, gm, gv), 8 * Epsilon * c.KLToStandardNormal, what + ": KL to N(0, I)");
                for (int i = 0; i < d; i++)
                {
                    Exact(c.MeanGradient[i], gm[i], what + ": ∂/∂μ[" + i + "]");
                    Within(c.LogVarianceGradient[i], gv[i], 4 * Epsilon * Math.Abs(c.LogVarianceGradient[i]), what + ": ∂/∂v[" + i + "]");
                }

                Within(c.KL, members.BatchKL(c.Mean, c.LogVariance, c.MeanQ, c.LogVarianceQ, gm, gv), 8 * Epsilon * Math.Abs(c.KL), what + ": batch KL");
            }
        }

        [Fact]
        public void NearlyEqualLawsGiveSmallPositiveValuesNotNoise()
        {
            // KL(P‖Q) with log-variances 1e−12 apart is ≈ ¼·Σ(1e−12·v)²: far below the rounding of e^(v − vq) − 1 − (v − vq)
            // written plainly (≈ 1e−16 per term). The reference test bounds it relatively; here, that it is not 0 or negative.
            var near = All.Value.Where(c => c.Name.StartsWith("near-equal", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(near);
            foreach (var c in near)
            {
                Assert.True(c.KL > 0 && c.KL < 1e-3, c.Name + ": reference " + R(c.KL));
                foreach (var members in For(c.Mean.Length))
                {
                    double got = members.KL(c.Mean, c.LogVariance, c.MeanQ, c.LogVarianceQ);
                    Assert.True(got > 0, c.Name + ": " + R(got));
                }
            }
        }

        [Fact]
        public void AgreesWithTheNormalFamilyCoordinateByCoordinate()
        {
            // A diagonal normal is a product of normals: KL, H(P, Q), H and log p are the sums of the Normal family's. Drawn with
            // σ exactly representable (σ = 2^k·(1 + j/8)) so both types see the same law; the Normal family's KL is accurate
            // to 21 ε of its value (ContinuousReferenceTests), the diagonal normal's 8 ε: 32 ε of the sum bounds both.
            var random = new Random(7);
            for (int trial = 0; trial < 40; trial++)
            {
                var m = new double[17];
                var s = new double[17];
                var mq = new double[17];
                var sq = new double[17];
                var x = new double[17];
                for (int i = 0; i < 17; i++)
                {
                    m[i] = random.Next(-40, 40) / 8.0;
                    mq[i] = random.Next(-40, 40) / 8.0;
                    s[i] = Math.ScaleB(1 + (random.Next(0, 8) / 8.0), random.Next(-3, 4));
                    sq[i] = Math.ScaleB(1 + (random.Next(0, 8) / 8.0), random.Next(-3, 4));
                    x[i] = random.Next(-80, 80) / 8.0;
                }

                var p = Latent17.FromMeanAndStandardDeviation(m, s);
                var q = Latent17.FromMeanAndStandardDeviation(mq, sq);
                double kl = 0, ce = 0, h = 0, logPdf = 0, ceScale = 0, hScale = 0, logPdfScale = 0;
                for (int i = 0; i < 17; i++)
                {
                    var pi = new Continuous.Norm(m[i], s[i]);
                    var qi = new Continuous.Norm(mq[i], sq[i]);
                    kl += pi.KLDivergence(qi);
                    ce += pi.CrossEntropy(qi);
                    ceScale += Math.Abs(pi.CrossEntropy(qi));
                    h += pi.Entropy();
                    hScale += Math.Abs(pi.Entropy());
                    logPdf += pi.LogPdf(x[i]);
                    logPdfScale += Math.Abs(pi.LogPdf(x[i]));
                }

                Within(kl, p.KLDivergence(q), 32 * Epsilon * kl, "KL #" + trial);
                Within(ce, p.CrossEntropy(q), 32 * Epsilon * ceScale, "H(P, Q) #" + trial);
                Within(h, p.Entropy(), 32 * Epsilon * hScale, "H #" + trial);
                Within(logPdf, p.LogPdf(x), 32 * Epsilon * logPdfScale, "log p #" + trial);
            }
        }

        /// <summary>A batch of rows with values spread over the regimes of φ: |v| below and above 1.</summary>
        private static (double[] M, double[] V, double[] Mq, double[] Vq) Batch(int rows, int d, int seed)
        {
            var random = new Random(seed);
            double[] Draw(double scale) => Enumerable.Range(0, rows * d).Select(_ => (random.NextDouble() * 2 - 1) * scale).ToArray();
            return (Draw(3), Draw(3), Draw(3), Draw(3));
        }

        [Fact]
        public void TheBatchIsTheSumOfItsRowsUnderEachReduction()
        {
            const int Rows = 7;
            var (m, v, mq, vq) = Batch(Rows, 17, 1);
            var perRowKl = new double[Rows];
            var perRowStd = new double[Rows];
            double sumKl = 0, sumStd = 0;
            for (int r = 0; r < Rows; r++)
            {
                var range = new Range(r * 17, (r + 1) * 17);
                perRowKl[r] = Latent17.FromMeanAndLogVariance(m[range], v[range]).KLDivergence(Latent17.FromMeanAndLogVariance(mq[range], vq[range]));
                perRowStd[r] = Latent17.KLToStandardNormal(m[range], v[range]);
                sumKl += perRowKl[r];
                sumStd += perRowStd[r];
            }

            // Sum (Latent17), None (per row, returning the sum), Mean (Latent16's reduction, checked on its own shape below).
            Within(sumKl, Latent17.KLDivergence(m, v, mq, vq), 8 * Epsilon * sumKl, "Sum: KL");
            Within(sumStd, Latent17.KLToStandardNormal(m, v), 8 * Epsilon * sumStd, "Sum: KL to N(0, I)");

            var (m16, v16, _, _) = Batch(Rows, 16, 2);
            double sum16 = 0;
            for (int r = 0; r < Rows; r++)
            {
                sum16 += Latent16Looped.KLToStandardNormal(m16.AsSpan(r * 16, 16), v16.AsSpan(r * 16, 16));
            }

            Within(sum16 / Rows, Latent16.KLToStandardNormal(m16, v16), 8 * Epsilon * sum16 / Rows, "Mean: KL to N(0, I)");
            Assert.Equal(0.0, Latent16.KLToStandardNormal(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty)); // N = 0: 0, not NaN

            var (m1, v1, mq1, vq1) = Batch(3, 1024, 3);
            var perRow = new double[3];
            double total = Latent1024.KLDivergence(m1, v1, mq1, vq1, perRow);
            for (int r = 0; r < 3; r++)
            {
                var range = new Range(r * 1024, (r + 1) * 1024);
                double want = Latent1024.FromMeanAndLogVariance(m1[range], v1[range]).KLDivergence(Latent1024.FromMeanAndLogVariance(mq1[range], vq1[range]));
                Within(want, perRow[r], 8 * Epsilon * want, "None: row " + r);
            }

            Within(perRow.Sum(), total, 8 * Epsilon * total, "None: the returned sum");
        }

        /// <summary>
        /// Batches long enough for the blocked shape (with Mean or Sum, R = 256/D rows are scheduled as one row of R·D
        /// elements, the last n mod R rows one by one): the value and every gradient element against single-row calls, for
        /// D = 2 (blocks of 128), 16 (16) and 17 (15, a masked tail), with a remainder of rows in each. Values within 8 ε of
        /// the sum (the same terms, summed in another order), gradients exactly (element-wise, the same arithmetic).
        /// </summary>
        [Fact]
        public void BlocksOfRowsAgreeWithRowsOneByOne()
        {
            foreach (var (d, rows, batch, one) in new (int, int, Func<double[], double[], double[], double[], double[], double[], double>, Func<double[], double[], double[], double[], double[], double[], double>)[]
            {
                (2, 300, (m, v, mq, vq, g, h) => Latent2.KLDivergenceAndGradient(m, v, mq, vq, g, h) * 300, (m, v, mq, vq, g, h) => Latent2.KLDivergenceAndGradient(m, v, mq, vq, g, h)),
                (16, 37, (m, v, mq, vq, g, h) => Latent16.KLDivergenceAndGradient(m, v, mq, vq, g, h) * 37, (m, v, mq, vq, g, h) => Latent16.KLDivergenceAndGradient(m, v, mq, vq, g, h)),
                (17, 40, (m, v, mq, vq, g, h) => Latent17.KLDivergenceAndGradient(m, v, mq, vq, g, h), (m, v, mq, vq, g, h) => Latent17.KLDivergenceAndGradient(m, v, mq, vq, g, h)),
            })
            {
                var (m, v, mq, vq) = Batch(rows, d, 30 + d);
                var gm = new double[m.Length];
                var gv = new double[m.Length];
                double total = batch(m, v, mq, vq, gm, gv);
                double want = 0;
                var rowM = new double[d];
                var rowV = new double[d];
                for (int r = 0; r < rows; r++)
                {
                    var range = new Range(r * d, (r + 1) * d);
                    want += one(m[range], v[range], mq[range], vq[range], rowM, rowV);
                    for (int i = 0; i < d; i++)
                    {
                        // A Mean type scales each gradient by 1/N: the single-row call by 1, the batch by 1/rows.
                        double scale = d == 17 ? 1 : 1.0 / rows;
                        Within(rowM[i] * scale, gm[(r * d) + i], 2 * Epsilon * Math.Abs(rowM[i] * scale), "D = " + d + ": ∂/∂μ row " + r + " [" + i + "]");
                        Within(rowV[i] * scale, gv[(r * d) + i], 2 * Epsilon * Math.Abs(rowV[i] * scale), "D = " + d + ": ∂/∂v row " + r + " [" + i + "]");
                    }
                }

                Within(want, total, 8 * Epsilon * want, "D = " + d + ": the batch's KL");
            }
        }

        /// <summary>
        /// The gradients against central differences of the member itself, h = 1e−5·max(|x|, 1): the difference quotient's
        /// truncation error is ~h²·f‴ and its rounding ~ε·f/h, both below 1e−8 relative here; the bound is 1e−7 of the
        /// gradient's scale.
        /// </summary>
        [Fact]
        public void GradientsMatchCentralDifferences()
        {
            const int Rows = 3;
            foreach (var (d, toStd, kl) in new (int, Func<double[], double[], double[], double[], double>, Func<double[], double[], double[], double[], double[], double[], double>)[]
            {
                (16, (a, b, g, h) => Latent16.KLToStandardNormalAndGradient(a, b, g, h), (a, b, c, e, g, h) => Latent16.KLDivergenceAndGradient(a, b, c, e, g, h)),
                (17, (a, b, g, h) => Latent17.KLToStandardNormalAndGradient(a, b, g, h), (a, b, c, e, g, h) => Latent17.KLDivergenceAndGradient(a, b, c, e, g, h)),
                (2, (a, b, g, h) => Latent2.KLToStandardNormalAndGradient(a, b, g, h), (a, b, c, e, g, h) => Latent2.KLDivergenceAndGradient(a, b, c, e, g, h)),
            })
            {
                var (m, v, mq, vq) = Batch(Rows, d, 10 + d);
                var gm = new double[m.Length];
                var gv = new double[m.Length];
                var gmQ = new double[m.Length];
                var gvQ = new double[m.Length];
                toStd(m, v, gm, gv);
                kl(m, v, mq, vq, gmQ, gvQ);
                var scratch1 = new double[m.Length];
                var scratch2 = new double[m.Length];
                for (int i = 0; i < m.Length; i++)
                {
                    foreach (var (input, grad, gradQ, label) in new[] { (m, gm, gmQ, "μ"), (v, gv, gvQ, "v") })
                    {
                        double x0 = input[i];
                        double h = 1e-5 * Math.Max(Math.Abs(x0), 1);
                        input[i] = x0 + h;
                        double up = toStd(m, v, scratch1, scratch2), upQ = kl(m, v, mq, vq, scratch1, scratch2);
                        input[i] = x0 - h;
                        double down = toStd(m, v, scratch1, scratch2), downQ = kl(m, v, mq, vq, scratch1, scratch2);
                        input[i] = x0;
                        double fd = (up - down) / (2 * h), fdQ = (upQ - downQ) / (2 * h);
                        Within(fd, grad[i], 1e-7 * Math.Max(Math.Abs(fd), 1), "D = " + d + ": ∂/∂" + label + "[" + i + "] (to N(0, I))");
                        Within(fdQ, gradQ[i], 1e-7 * Math.Max(Math.Abs(fdQ), 1), "D = " + d + ": ∂/∂" + label + "[" + i + "] (learned prior)");
                    }
                }
            }
        }

        [Fact]
        public void OverflowGivesInfinityNeverNaN()
        {
            var zero = new double[16];
            var huge = Enumerable.Repeat(800.0, 16).ToArray();
            Assert.Equal(double.PositiveInfinity, Latent16.KLToStandardNormal(zero, huge));
            var gm = new double[16];
            var gv = new double[16];
            Assert.Equal(double.PositiveInfinity, Latent16.KLToStandardNormalAndGradient(zero, huge, gm, gv));
            Assert.All(gv, g => Assert.Equal(double.PositiveInfinity, g));

            // Q's variance e^−800 underflows its precision e^800 to +∞: equal means still give 0·∞ = 0, not NaN.
            var tiny = Enumerable.Repeat(-800.0, 16).ToArray();
            Assert.Equal(0.0, Latent16.KLDivergence(zero, tiny, zero, tiny));
            var shifted = Enumerable.Repeat(1.0, 16).ToArray();
            Assert.Equal(double.PositiveInfinity, Latent16.KLDivergence(shifted, tiny, zero, tiny));
            Assert.Equal(0.0, Latent16.FromMeanAndLogVariance(zero, tiny).KLDivergence(Latent16.FromMeanAndLogVariance(zero, tiny)));
            Assert.Equal(double.PositiveInfinity, Latent16.FromMeanAndLogVariance(zero, tiny).LogPdf(shifted) * -1);
        }

        [Fact]
        public void InvalidInputThrowsNamingTheInputIndexAndValueAndWritesNothing()
        {
            var (m, v, mq, vq) = Batch(2, 17, 5);
            var gm = Enumerable.Repeat(42.0, m.Length).ToArray();
            var gv = Enumerable.Repeat(42.0, m.Length).ToArray();
            foreach (var bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                foreach (int index in new[] { 0, 16, 33 })
                {
                    foreach (var (array, name) in new[] { (m, "meanP"), (v, "logVarianceP"), (mq, "meanQ"), (vq, "logVarianceQ") })
                    {
                        double saved = array[index];
                        array[index] = bad;
                        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Latent17.KLDivergenceAndGradient(m, v, mq, vq, gm, gv));
                        Assert.Equal(name, e.ParamName);
                        Assert.Contains("[" + index + "]", e.Message, StringComparison.Ordinal);
                        Assert.Equal(bad, (double)e.ActualValue!);
                        array[index] = saved;
                        Assert.All(gm, g => Assert.Equal(42.0, g));
                        Assert.All(gv, g => Assert.Equal(42.0, g));
                    }
                }
            }

            Assert.Equal("mean", Assert.Throws<ArgumentException>(() => Latent17.KLToStandardNormal(m.AsSpan(0, 20), v.AsSpan(0, 20))).ParamName);
            Assert.Equal("logVariance", Assert.Throws<ArgumentException>(() => Latent17.KLToStandardNormal(m, v.AsSpan(0, 17))).ParamName);
            Assert.Equal("logVarianceGradient", Assert.Throws<ArgumentException>(() => Latent17.KLToStandardNormalAndGradient(m, v, gm, gv.AsSpan(1))).ParamName);
            Assert.Equal("perRow", Assert.Throws<ArgumentException>(() => Latent1024.KLToStandardNormal(new double[2048], new double[2048], new double[1])).ParamName);
            Assert.Equal("standardDeviation", Assert.Throws<ArgumentOutOfRangeException>(() => Latent2.FromMeanAndStandardDeviation(new double[2], new[] { 1.0, 0.0 })).ParamName);
            Assert.Equal("x", Assert.Throws<ArgumentException>(() => Latent2.FromMeanAndLogVariance(new double[2], new double[2]).LogPdf(new double[3])).ParamName);
            Assert.False(Latent2.TryFromMeanAndLogVariance(new double[2], new[] { 0.0, double.NaN }, out _));
            Assert.False(Latent2.TryFromMeanAndStandardDeviation(new double[2], new[] { 1.0, -1.0 }, out _));
            Assert.True(Latent2.TryFromMeanAndStandardDeviation(new double[2], new[] { 1.0, 2.0 }, out var ok));
            Assert.Equal(2 * Math.Log(2.0), ok.LogVariance[1]);
            Assert.True(default(Latent2).IsDefault);
            Assert.Throws<InvalidOperationException>(() => default(Latent2).Entropy());
            Assert.Equal("Latent2: DiagonalNormal(D = 2, mean = [0, 0], logVariance = [0, 1.3862943611198906])", ok.ToString());
        }

        /// <summary>
        /// Identities on random pairs (D = 17, means in [−5, 5], log-variances in [−8, 8]): KL ≥ 0, KL(P‖P) = 0 exactly,
        /// H(P, Q) = H(P) + D(P‖Q) within 16 ε of the sum of the magnitudes of their terms (each side is a sum of per-coordinate
        /// terms each rounded a few times), and the batch's rows equal the instance members.
        /// </summary>
        [Fact]
        public void IdentitiesHoldOnRandomPairs()
        {
            var random = new Random(17);
            for (int trial = 0; trial < 200; trial++)
            {
                double[] m = new double[17], v = new double[17], mq = new double[17], vq = new double[17];
                for (int i = 0; i < 17; i++)
                {
                    m[i] = (random.NextDouble() * 10) - 5;
                    mq[i] = (random.NextDouble() * 10) - 5;
                    v[i] = (random.NextDouble() * 16) - 8;
                    vq[i] = (random.NextDouble() * 16) - 8;
                }

                var p = Latent17.FromMeanAndLogVariance(m, v);
                var q = Latent17.FromMeanAndLogVariance(mq, vq);
                double kl = p.KLDivergence(q), h = p.Entropy(), ce = p.CrossEntropy(q);
                Assert.True(kl >= 0, "KL " + R(kl));
                Assert.Equal(0.0, p.KLDivergence(p));
                double scale = Math.Abs(h) + kl + (0.5 * vq.Sum(Math.Abs)) + (0.5 * v.Sum(Math.Abs)) + 17 * 2;
                Within(h + kl, ce, 16 * Epsilon * scale, "H(P, Q) = H(P) + D(P‖Q) #" + trial);
                Exact(kl, Latent17.KLDivergence(m, v, mq, vq), "batch row = instance #" + trial);
            }
        }

        [Fact]
        public void LogPdfIsNaNForNaNAndMinusInfinityForInfinity()
        {
            var p = Latent17.FromMeanAndLogVariance(new double[17], new double[17]);
            var x = new double[17];
            x[16] = double.NaN;
            Assert.True(double.IsNaN(p.LogPdf(x)));
            x[16] = double.PositiveInfinity;
            Assert.Equal(double.NegativeInfinity, p.LogPdf(x));
        }

        /// <summary>
        /// The float type computes each coordinate's term in float and sums in double: its values are within a few float
        /// ulps (ε_f = 2⁻²³) of the double type's on the same (float) inputs; 16 ε_f of the sum of the terms' magnitudes.
        /// </summary>
        [Fact]
        public void FloatAgreesWithDouble()
        {
            const double EpsilonF = 1.0 / (1 << 23);
            var (m, v, mq, vq) = Batch(5, 17, 9);
            float[] F(double[] a) => a.Select(x => (float)x).ToArray();
            double[] D(float[] a) => a.Select(x => (double)x).ToArray();
            float[] mf = F(m), vf = F(v), mqf = F(mq), vqf = F(vq);
            var gmf = new float[mf.Length];
            var gvf = new float[mf.Length];
            var gm = new double[mf.Length];
            var gv = new double[mf.Length];
            double want = Latent17.KLDivergenceAndGradient(D(mf), D(vf), D(mqf), D(vqf), gm, gv) / 5; // Latent17 sums; Latent17F takes the mean
            double got = Latent17F.KLDivergenceAndGradient(mf, vf, mqf, vqf, gmf, gvf);
            Within(want, got, 16 * EpsilonF * want, "float KL");
            for (int i = 0; i < gm.Length; i++)
            {
                Within(gm[i] / 5, gmf[i], 16 * EpsilonF * Math.Max(Math.Abs(gm[i] / 5), 1e-3), "float ∂/∂μ[" + i + "]");
                Within(gv[i] / 5, gvf[i], 16 * EpsilonF * Math.Max(Math.Abs(gv[i] / 5), 1e-3), "float ∂/∂v[" + i + "]");
            }

            var p = Latent17F.FromMeanAndLogVariance(mf.AsSpan(0, 17), vf.AsSpan(0, 17));
            var q = Latent17F.FromMeanAndLogVariance(mqf.AsSpan(0, 17), vqf.AsSpan(0, 17));
            var pd = Latent17.FromMeanAndLogVariance(D(mf)[..17], D(vf)[..17]);
            var qd = Latent17.FromMeanAndLogVariance(D(mqf)[..17], D(vqf)[..17]);
            Within(pd.KLDivergence(qd), p.KLDivergence(q), 16 * EpsilonF * pd.KLDivergence(qd), "float instance KL");
            Within(pd.Entropy(), p.Entropy(), 16 * EpsilonF * 17 * 3, "float entropy");
        }

        [Fact]
        public void SamplesHaveTheLawsMomentsWithinSixStandardErrors()
        {
            var mean = new[] { -2.0, 0.5 };
            var logVariance = new[] { Math.Log(0.25), Math.Log(9.0) };
            var p = Latent2.FromMeanAndLogVariance(mean, logVariance);
            var random = new Random(3);
            const int Draws = 40_000;
            var sum = new double[2];
            var sumSquares = new double[2];
            var x = new double[2];
            for (int n = 0; n < Draws; n++)
            {
                p.Sample(random, x);
                for (int i = 0; i < 2; i++)
                {
                    sum[i] += x[i];
                    sumSquares[i] += (x[i] - mean[i]) * (x[i] - mean[i]);
                }
            }

            for (int i = 0; i < 2; i++)
            {
                double variance = Math.Exp(logVariance[i]);
                Within(mean[i], sum[i] / Draws, 6 * Math.Sqrt(variance / Draws), "mean " + i);
                Within(variance, sumSquares[i] / Draws, 6 * variance * Math.Sqrt(2.0 / Draws), "variance " + i);
            }

            Assert.Throws<ArgumentNullException>(() => p.Sample(null!, x));
            Assert.Throws<ArgumentException>(() => p.Sample(random, new double[1]));
        }
    }
}
