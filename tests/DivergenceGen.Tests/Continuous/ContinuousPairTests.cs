// The generated [KLDivergence]/[CrossEntropy] methods between continuous families (closed forms derived from the
// descriptions: docs/divergences.md) against numerical integration at 40 digits (Continuous/continuous_pairs.json,
// written by make_continuous_pairs.py), every ordered pair of the seven families, and the public oracle's Normal‖Laplace
// cases. Bound: the value is H(P, Q) − H(P) (or H(P, Q)), each of a few ε relative, so the error is a few ε·max(|H(P, Q)|, 1):
// stated as 32ε·max(|H(P, Q)|, |H(P)|, 1); +∞ exactly where P's support is not inside Q's.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.Continuous
{
    public sealed class ContinuousPairTests(ITestOutputHelper output)
    {
        private const double Epsilon = 2.220446049250313e-16;

        private sealed record Case(string Kind, string P, double[] PParams, string Q, double[] QParams, double Value);

        private static readonly Lazy<List<Case>> All = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Continuous", "continuous_pairs.json");
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
                c.GetProperty("kind").GetString()!,
                c.GetProperty("p").GetString()!,
                c.GetProperty("pParams").EnumerateArray().Select(x => x.GetDouble()).ToArray(),
                c.GetProperty("q").GetString()!,
                c.GetProperty("qParams").EnumerateArray().Select(x => x.GetDouble()).ToArray(),
                c.GetProperty("value").GetString() == "inf" ? double.PositiveInfinity : double.Parse(c.GetProperty("value").GetString()!, CultureInfo.InvariantCulture))).ToList();
        });

        [Fact]
        public void EveryPairAgreesWithNumericalIntegration()
        {
            Assert.Equal(128, All.Value.Count);
            var failures = new List<string>();
            double worst = 0;
            foreach (var c in All.Value)
            {
                double got = ContinuousPairs.Methods[(c.Kind, c.P, c.Q)](c.PParams, c.QParams);
                string what = $"{c.Kind} {c.P}({string.Join(", ", c.PParams)}) ‖ {c.Q}({string.Join(", ", c.QParams)})";
                if (double.IsInfinity(c.Value))
                {
                    if (got != double.PositiveInfinity)
                    {
                        failures.Add(what + ": want +∞, got " + R(got));
                    }

                    continue;
                }

                double crossEntropy = ContinuousPairs.Methods[("cross_entropy", c.P, c.Q)](c.PParams, c.QParams);
                double scale = Math.Max(Math.Max(Math.Abs(crossEntropy), 1), Math.Abs(crossEntropy - (c.Kind == "kl" ? c.Value : 0)));
                double error = Math.Abs(got - c.Value) / scale;
                worst = Math.Max(worst, error);
                if (!(error <= 32 * Epsilon))
                {
                    failures.Add($"{what}: want {R(c.Value)}, got {R(got)} ({error / Epsilon:F1} ε of {R(scale)})");
                }
            }

            output.WriteLine($"worst: {worst / Epsilon:F1} ε of max(|H(P, Q)|, |H(P)|, 1)");
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }

        [Fact]
        public void OracleNormalLaplaceCases()
        {
            // The public oracle's kl_cross Normal‖Laplace cases (numerical integration by SciPy, checked against 50-digit
            // mpmath; Oracle/kl_cross.json), at each case's own tolerance.
            var cases = OracleCase.ReadFile("kl_cross.json").Where(c => c.Family == "Normal||Laplace").ToList();
            Assert.Equal(4, cases.Count);
            foreach (var c in cases)
            {
                var p = c.Params.GetProperty("P");
                var q = c.Params.GetProperty("Q");
                double got = ContinuousPairs.KL(
                    new Norm(OracleCase.Num(p.GetProperty("mu")), OracleCase.Num(p.GetProperty("sigma"))),
                    new Lap(OracleCase.Num(q.GetProperty("loc")), OracleCase.Num(q.GetProperty("scale"))));
                Close(c.Want(), got, c.Rel, c.Abs, c.Id);
            }
        }

        [Fact]
        public void SupportDecidedAtRunTime()
        {
            // Uniform as P: inside [0, 1] the beta cross-entropy is finite, one end outside makes it +∞.
            Assert.True(double.IsFinite(ContinuousPairs.KL(new Uni(0, 1), new Bet(2, 3))));
            Assert.Equal(double.PositiveInfinity, ContinuousPairs.KL(new Uni(-1e-300, 1), new Bet(2, 3)));
            Assert.Equal(double.PositiveInfinity, ContinuousPairs.H(new Uni(0.5, 1.0000000000000002), new Bet(2, 3)));
            Assert.Equal(double.PositiveInfinity, ContinuousPairs.KL(new Uni(-1, 1), new Expo(1)));
            Assert.True(double.IsFinite(ContinuousPairs.H(new Uni(0, 1), new Gam(0.5, 1))));

            // Uniform as Q: Beta is inside [l, u] or not.
            Assert.True(double.IsFinite(ContinuousPairs.KL(new Bet(2, 3), new Uni(0, 1))));
            Assert.Equal(double.PositiveInfinity, ContinuousPairs.KL(new Bet(2, 3), new Uni(1e-300, 1)));

            // Decided at compile time: an unbounded P against a bounded or half-bounded Q.
            Assert.Equal(double.PositiveInfinity, ContinuousPairs.KL(new Norm(0, 1), new Expo(1)));
            Assert.Equal(double.PositiveInfinity, ContinuousPairs.H(new Lap(0, 1), new LogNorm(0, 1)));
            Assert.Equal(double.PositiveInfinity, ContinuousPairs.KL(new Gam(2, 1), new Bet(2, 2)));
        }

        [Fact]
        public void SpecialCasesAgreeWithTheFamilyItself()
        {
            // Exponential(λ) is Gamma(1, λ): the cross-family KL is 0 up to rounding of H(P, Q) − H(P), and the cross-entropy
            // is the exponential's entropy. Uniform(0, 1) is Beta(1, 1).
            var e = new Expo(2.5);
            Assert.InRange(ContinuousPairs.KL(e, new Gam(1, 2.5)), 0, 4 * Epsilon);
            Assert.Equal(e.Entropy(), ContinuousPairs.H(e, new Gam(1, 2.5)), 14);
            Assert.InRange(ContinuousPairs.KL(new Uni(0, 1), new Bet(1, 1)), 0, 4 * Epsilon);
            Assert.InRange(ContinuousPairs.KL(new Bet(1, 1), new Uni(0, 1)), 0, 4 * Epsilon);
            Assert.Equal(new Norm(1, 2).KLDivergence(new Norm(0, 3)), ContinuousPairs.KL(new Norm(1, 2), new Norm(0, 3)));
        }
    }
}
