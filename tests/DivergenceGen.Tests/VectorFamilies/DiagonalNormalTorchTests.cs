// DiagonalNormal(D) against PyTorch's Independent(Normal(μ, e^(v/2)), 1) in float64 (VectorFamilies/diagonal_normal_torch.json,
// written by make_diagonal_normal_torch.py with Debian's python3-torch 1.13): the same semantics — a row of D coordinates is
// one event, so KL, log_prob and entropy are summed over the row and batch rows stay separate — and the same gradients of
// the mean over rows (torch's autograd) as the generated AndGradient members return.
//
// Tolerance: torch computes a coordinate's KL as ½(r + t − 1 − log r), r = σp²/σq², t = (μp − μq)²/σq², whose terms are
// larger than the value; its rounding is a few ε of Σ(r + t + 1 + |log r|)/2, ours is 8 ε of the value (the mpmath test).
// So each value is checked within 16 ε of that sum of magnitudes; log_prob and entropy within 16 ε of the sum of their terms'
// magnitudes; each gradient element within 16 ε of the magnitude of its terms (|μ|, ½(e^v + 1), ½(r + 1), …) divided by N.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.VectorFamilies
{
    public sealed class DiagonalNormalTorchTests
    {
        private const double Epsilon = 2.220446049250313e-16;
        private const double LogTwoPi = 1.8378770664093453;

        private static readonly Lazy<List<JsonElement>> Cases = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "VectorFamilies", "diagonal_normal_torch.json");
            return JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.GetProperty("cases").EnumerateArray().ToList();
        });

        private static double[] A(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

        /// <summary>The mean over rows of both batch KLs of the declared type of a case's D, with their gradients (of the mean).</summary>
        private static (double KLStd, double KL) Batch(int d, double[] m, double[] v, double[] mq, double[] vq, double[] gm, double[] gv, double[] gmQ, double[] gvQ)
        {
            int n = m.Length / d;
            switch (d)
            {
                case 2: // Mean
                    return (Latent2.KLToStandardNormalAndGradient(m, v, gm, gv), Latent2.KLDivergenceAndGradient(m, v, mq, vq, gmQ, gvQ));
                case 16: // Mean
                    return (Latent16.KLToStandardNormalAndGradient(m, v, gm, gv), Latent16.KLDivergenceAndGradient(m, v, mq, vq, gmQ, gvQ));
                default: // 17: Sum; the mean is the sum over N, and so are the gradients
                    double s = Latent17.KLToStandardNormalAndGradient(m, v, gm, gv) / n;
                    double sq = Latent17.KLDivergenceAndGradient(m, v, mq, vq, gmQ, gvQ) / n;
                    foreach (var g in new[] { gm, gv, gmQ, gvQ })
                    {
                        for (int i = 0; i < g.Length; i++)
                        {
                            g[i] /= n;
                        }
                    }

                    return (s, sq);
            }
        }

        private static double LogPdf(int d, double[] m, double[] v, double[] x) => d switch
        {
            2 => Latent2.FromMeanAndLogVariance(m, v).LogPdf(x),
            16 => Latent16.FromMeanAndLogVariance(m, v).LogPdf(x),
            _ => Latent17.FromMeanAndLogVariance(m, v).LogPdf(x),
        };

        private static double Entropy(int d, double[] m, double[] v) => d switch
        {
            2 => Latent2.FromMeanAndLogVariance(m, v).Entropy(),
            16 => Latent16.FromMeanAndLogVariance(m, v).Entropy(),
            _ => Latent17.FromMeanAndLogVariance(m, v).Entropy(),
        };

        [Fact]
        public void MatchesTorchIndependentNormal()
        {
            Assert.Equal(9, Cases.Value.Count);
            foreach (var c in Cases.Value)
            {
                string name = c.GetProperty("name").GetString()!;
                int d = c.GetProperty("d").GetInt32();
                double[] m = A(c, "mean"), v = A(c, "logVariance"), mq = A(c, "meanQ"), vq = A(c, "logVarianceQ"), x = A(c, "x");
                double[] klStd = A(c, "klToStandardNormal"), kl = A(c, "kl"), logProb = A(c, "logProb"), entropy = A(c, "entropy");
                int n = klStd.Length;
                double scaleStd = 0, scaleQ = 0;
                for (int i = 0; i < m.Length; i++)
                {
                    scaleStd += 0.5 * (Math.Exp(v[i]) + (m[i] * m[i]) + 1 + Math.Abs(v[i]));
                    double r = Math.Exp(v[i] - vq[i]);
                    scaleQ += 0.5 * (r + ((m[i] - mq[i]) * (m[i] - mq[i]) * Math.Exp(-vq[i])) + 1 + Math.Abs(v[i] - vq[i]));
                }

                // Each row through the instance members: log_prob, entropy, KL to the prior (per row, as torch returns them).
                for (int r = 0; r < n; r++)
                {
                    var range = new Range(r * d, (r + 1) * d);
                    double rowScale = 0;
                    for (int i = r * d; i < (r + 1) * d; i++)
                    {
                        rowScale += 0.5 * ((x[i] - m[i]) * (x[i] - m[i]) * Math.Exp(-v[i]) + Math.Abs(v[i]) + LogTwoPi);
                    }

                    Within(logProb[r], LogPdf(d, m[range], v[range], x[range]), 16 * Epsilon * rowScale, name + ": log_prob row " + r);
                    double entropyScale = 0.5 * v[range].Sum(t => Math.Abs(t) + 1 + LogTwoPi);
                    Within(entropy[r], Entropy(d, m[range], v[range]), 16 * Epsilon * entropyScale, name + ": entropy row " + r);
                }

                var gm = new double[m.Length];
                var gv = new double[m.Length];
                var gmQ = new double[m.Length];
                var gvQ = new double[m.Length];
                var (gotStd, gotQ) = Batch(d, m, v, mq, vq, gm, gv, gmQ, gvQ);
                Within(klStd.Average(), gotStd, 16 * Epsilon * scaleStd / n, name + ": mean KL to N(0, I)");
                Within(kl.Average(), gotQ, 16 * Epsilon * scaleQ / n, name + ": mean KL to the prior");
                double[] tgm = A(c, "klToStandardNormalMeanGradMean"), tgv = A(c, "klToStandardNormalMeanGradLogVariance");
                double[] tgmQ = A(c, "klMeanGradMean"), tgvQ = A(c, "klMeanGradLogVariance");
                for (int i = 0; i < m.Length; i++)
                {
                    double r = Math.Exp(v[i] - vq[i]);
                    Within(tgm[i], gm[i], 16 * Epsilon * Math.Abs(m[i]) / n, name + ": ∂/∂μ[" + i + "]");
                    Within(tgv[i], gv[i], 16 * Epsilon * 0.5 * (Math.Exp(v[i]) + 1) / n, name + ": ∂/∂v[" + i + "]");
                    Within(tgmQ[i], gmQ[i], 16 * Epsilon * Math.Abs(m[i] - mq[i]) * Math.Exp(-vq[i]) / n + (16 * Epsilon * (Math.Abs(m[i]) + Math.Abs(mq[i])) * Math.Exp(-vq[i]) / n), name + ": ∂/∂μ[" + i + "] (prior)");
                    Within(tgvQ[i], gvQ[i], 16 * Epsilon * 0.5 * (r + 1) / n, name + ": ∂/∂v[" + i + "] (prior)");
                }
            }
        }
    }
}
