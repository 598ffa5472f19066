// Method 4, the truncated series ([KLDivergence(Tolerance = 1e-12)]), against 50-digit mpmath references
// (CrossFamily/series_reference.json, made by make_series_reference.py in this folder). (H(Poisson‖Geometric) is the
// closed form −log q − λ·log(1 − q), not a series, though declared with a Tolerance: it meets the same bound.) The allowed error is what the
// method documents plus double rounding:
//   neglect  = Σ_{j>j0} p(j)·|log(p(j)/q(j))| (KL) or Σ_{j>j0} p(j)·|log q(j)| (H), j0 the first k whose remaining mass is
//              below the tolerance: any series that stops at or after j0 (as a correct remaining-mass bound must) leaves
//              out at most this;
//   rounding = 64·ε·(H(P) + H(P, Q)) + 1e-15: sums of up to a few hundred terms p(k)·log(·) whose logs carry a few
//              ulps each (H(P) + H(P, Q) = Σ p(k)(|log p(k)| + |log q(k)|) is the sum of the terms' magnitudes).
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Xunit;
using Xunit.Sdk;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.CrossFamily
{
    public sealed class SeriesTests
    {
        private const double Eps = 2.220446049250313e-16;

        public sealed record SeriesCase(string Pair, JsonElement P, JsonElement Q, double KL, double CE, double NeglectKL, double NeglectCE)
        {
            public override string ToString() => Pair + " " + P.GetRawText() + " ‖ " + Q.GetRawText();
        }

        private static readonly Lazy<List<SeriesCase>> All = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "CrossFamily", "series_reference.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            Assert.Equal(1e-12, doc.RootElement.GetProperty("tolerance").GetDouble()); // the tolerance declared in Declarations.cs
            var list = new List<SeriesCase>();
            foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
            {
                list.Add(new SeriesCase(
                    c.GetProperty("pair").GetString()!,
                    c.GetProperty("P").Clone(),
                    c.GetProperty("Q").Clone(),
                    OracleCase.Num(c.GetProperty("kl")),
                    OracleCase.Num(c.GetProperty("ce")),
                    OracleCase.Num(c.GetProperty("neglect_kl")),
                    OracleCase.Num(c.GetProperty("neglect_ce"))));
            }

            return list;
        });

        public static TheoryData<int> Indices()
        {
            var data = new TheoryData<int>();
            for (int i = 0; i < All.Value.Count; i++)
            {
                data.Add(i);
            }

            return data;
        }

        [Fact]
        public void AllReferenceCasesAreLoaded() => Assert.Equal(19, All.Value.Count);

        private static double G(JsonElement e, string name) => e.GetProperty(name).GetDouble();

        [Theory]
        [MemberData(nameof(Indices))]
        public void TruncatedSeriesMatchesTheHighPrecisionReference(int index)
        {
            SeriesCase c = All.Value[index];
            (double kl, double ce) = c.Pair switch
            {
                "Poisson||Geometric" => (X.KL(new XPoisson(G(c.P, "rate")), new XGeometric(G(c.Q, "p"))), X.H(new XPoisson(G(c.P, "rate")), new XGeometric(G(c.Q, "p")))),
                "Geometric||Poisson" => (X.KL(new XGeometric(G(c.P, "p")), new XPoisson(G(c.Q, "rate"))), X.H(new XGeometric(G(c.P, "p")), new XPoisson(G(c.Q, "rate")))),
                "NegativeBinomial||Poisson" => (X.KL(new XNegBin(G(c.P, "r"), G(c.P, "p")), new XPoisson(G(c.Q, "rate"))), X.H(new XNegBin(G(c.P, "r"), G(c.P, "p")), new XPoisson(G(c.Q, "rate")))),
                "Poisson||NegativeBinomial" => (X.KL(new XPoisson(G(c.P, "rate")), new XNegBin(G(c.Q, "r"), G(c.Q, "p"))), X.H(new XPoisson(G(c.P, "rate")), new XNegBin(G(c.Q, "r"), G(c.Q, "p")))),
                _ => throw new XunitException("unknown pair " + c.Pair),
            };

            double scale = double.IsFinite(c.CE) ? (2 * c.CE) - c.KL : 0; // H(P) + H(P, Q), with H(P) = H(P, Q) − KL
            double rounding = (64 * Eps * scale) + 1e-15;
            Within(c.KL, kl, c.NeglectKL + rounding, $"KL {c}");
            Within(c.CE, ce, c.NeglectCE + rounding, $"H {c}");
        }

        [Fact]
        public void SinglePrecisionSeriesFollowsDouble()
        {
            // Parameters exact in float. The float log-pmfs carry ε_f relative rounding each (|log| ≤ ~40 here), and the
            // float method's tolerance is 1e-9 (the tail it neglects is ≤ 1e-9 times a log-ratio below 100 for these
            // parameters), so |float − double| ≤ 8·ε_f·(H(P) + H(P, Q)) + 1e-7.
            const double EpsF = 1.1920928955078125e-07;
            foreach (float rate in new[] { 0f, 0.5f, 3f, 40f })
            {
                foreach (float q in new[] { 0.125f, 0.5f, 0.75f })
                {
                    var pd = new XPoisson(rate);
                    var qd = new XGeometric(q);
                    double kl = X.KL(pd, qd), h = X.H(pd, qd);
                    Within(kl, X.KL(new XPoissonF(rate), new XGeometricF(q)), (8 * EpsF * (pd.Entropy() + h)) + 1e-7, $"float KL(Poisson({rate}) ‖ Geometric({q}))");
                }
            }
        }

        [Fact]
        public void PointMassesEndTheSeriesAtOnce()
        {
            // Poisson(0), Geometric(1), NegativeBinomial(r, 1) are the point mass at 0: the remaining-mass bound is 0
            // after k = 0, so the value is exactly −log q(0).
            Assert.Equal(-Math.Log(0.3), X.KL(new XPoisson(0), new XGeometric(0.3)));
            Assert.Equal(2.5, X.KL(new XGeometric(1), new XPoisson(2.5)));
            Assert.Equal(2.5, X.H(new XNegBin(3, 1), new XPoisson(2.5)));
            Assert.Equal(double.PositiveInfinity, X.KL(new XGeometric(0.5), new XPoisson(0))); // Q has no mass at 1
            Assert.Equal(double.PositiveInfinity, X.H(new XPoisson(3), new XGeometric(1)));   // Q is the point mass
        }
    }
}
