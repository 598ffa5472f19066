// The generated continuous families against the external oracle (Oracle/continuous.json: log-density, differential
// entropy, same-family KL and cross-entropy of Normal, LogNormal, Exponential, Gamma, Beta, Laplace and Uniform; see
// Oracle/README.md). Each case passes the oracle's rule with its own tolerance (never widened), through the struct, the
// class form and the batch (SIMD) log-density; and, where the case carries a 50-digit mpmath value, within the tighter
// bound HpRelative of it (stated and justified below).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Sdk;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.Continuous
{
    public sealed class ContinuousOracleTests
    {
        /// <summary>
        /// The bound against the 50-digit values: 1e−14 relative (≈ 45ε), or 1e−15 absolute for values below 0.1 in
        /// magnitude where the quantity is a difference of terms of order 1 (an entropy near 0). Every method here is
        /// accurate to a few ε of its inputs; the largest error is where the oracle's own double inputs make the problem
        /// ill-conditioned (flagged <c>ill_conditioned_in_double</c>: those cases are held to their own tolerance only).
        /// </summary>
        private const double HpRelative = 1e-14;

        private const double HpAbsolute = 1e-15;

        private static readonly Lazy<Dictionary<string, (OracleCase Case, double? Hp, bool IllConditioned)>> All = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Oracle", "continuous.json");
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var cases = new Dictionary<string, (OracleCase, double?, bool)>(StringComparer.Ordinal);
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var c = OracleCase.From(e);
                double? hp = e.GetProperty("checks").EnumerateArray()
                    .Where(k => k.GetProperty("kind").GetString() == "hp" && k.GetProperty("field").GetString() == "value")
                    .Select(k => (double?)OracleCase.Num(k.GetProperty("value"))).FirstOrDefault();
                bool ill = e.GetProperty("flags").EnumerateArray().Any(f => f.GetString() is "ill_conditioned_in_double" or "check_disagrees");
                cases.Add(c.Id, (c, hp, ill));
            }

            return cases;
        });

        public static TheoryData<string> Cases()
        {
            var data = new TheoryData<string>();
            foreach (string id in All.Value.Keys)
            {
                data.Add(id);
            }

            return data;
        }

        [Fact]
        public void AllCopiedCasesAreLoaded()
        {
            // 63 log-density + 56 entropy + 57 KL + 8 cross-entropy cases of the seven families (Oracle/README.md).
            Assert.Equal(184, All.Value.Count);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Oracle(string id)
        {
            var (c, hp, ill) = All.Value[id];
            string family = c.Family.Split("||")[0];
            switch (family)
            {
                case "Normal":
                    Run(c, hp, ill, e => new Norm(D(e, "mu"), D(e, "sigma")));
                    Run(c, hp, ill, e => new NormClass(D(e, "mu"), D(e, "sigma")));
                    break;
                case "LogNormal":
                    Run(c, hp, ill, e => new LogNorm(D(e, "mu"), D(e, "sigma")));
                    Run(c, hp, ill, e => new LogNormClass(D(e, "mu"), D(e, "sigma")));
                    break;
                case "Exponential":
                    Run(c, hp, ill, e => new Expo(D(e, "rate")));
                    Run(c, hp, ill, e => new ExpoClass(D(e, "rate")));
                    break;
                case "Gamma":
                    Run(c, hp, ill, e => new Gam(D(e, "shape"), D(e, "rate")));
                    Run(c, hp, ill, e => new GamClass(D(e, "shape"), D(e, "rate")));
                    break;
                case "Beta":
                    Run(c, hp, ill, e => new Bet(D(e, "a"), D(e, "b")));
                    Run(c, hp, ill, e => new BetClass(D(e, "a"), D(e, "b")));
                    break;
                case "Laplace":
                    Run(c, hp, ill, e => new Lap(D(e, "loc"), D(e, "scale")));
                    Run(c, hp, ill, e => new LapMutable(D(e, "loc"), D(e, "scale")));
                    break;
                case "Uniform":
                    Run(c, hp, ill, e => new Uni(D(e, "a"), D(e, "b")));
                    Run(c, hp, ill, e => new UniClass(D(e, "a"), D(e, "b")));
                    break;
                default:
                    throw new XunitException($"{id}: family {c.Family} was not meant to be copied");
            }
        }

        private static double D(JsonElement e, string name) => OracleCase.Num(e.GetProperty(name));

        private static void Run<TDist>(OracleCase c, double? hp, bool ill, Func<JsonElement, TDist> make)
            where TDist : IContinuousDistribution<TDist, double>
        {
            string what = c.Id + " (" + typeof(TDist).Name + ")";
            double got;
            switch (c.Section)
            {
                case "logprob":
                {
                    TDist d = make(c.Params);
                    double x = OracleCase.Num(c.X);
                    got = d.LogPdf(x);

                    // The batch member at every lane position of every vector width (and the scalar tail): 19 copies.
                    double[] xs = Enumerable.Repeat(x, 19).ToArray();
                    double[] batch = new double[xs.Length];
                    d.LogPdf(xs, batch);
                    for (int i = 0; i < batch.Length; i++)
                    {
                        Close(c.Want(), batch[i], c.Rel, c.Abs, what + " batch[" + i + "]");
                    }

                    break;
                }

                case "entropy":
                    got = make(c.Params).Entropy();
                    break;
                case "kl":
                    got = make(c.Params.GetProperty("P")).KLDivergence(make(c.Params.GetProperty("Q")));
                    break;
                case "cross_entropy":
                    got = make(c.Params.GetProperty("P")).CrossEntropy(make(c.Params.GetProperty("Q")));
                    break;
                default:
                    throw new XunitException(c.Id + ": unexpected section " + c.Section);
            }

            Close(c.Want(), got, c.Rel, c.Abs, what);
            if (hp is { } reference && !ill)
            {
                double bound = Math.Abs(reference) < 0.1 ? Math.Max(HpAbsolute, HpRelative * Math.Abs(reference)) : HpRelative * Math.Abs(reference);
                Within(reference, got, bound, what + " against the 50-digit value");
            }
        }
    }
}
