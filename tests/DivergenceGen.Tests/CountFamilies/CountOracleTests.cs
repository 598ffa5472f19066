// The generated count families (Binomial, Geometric, Poisson, NegativeBinomial) against the external oracle
// (Oracle/discrete.json: log-pmf, entropy, same-family KL; Oracle/discrete_cross_entropy.json: cross-entropy; see
// Oracle/README.md). The pass rule and tolerance are each case's own, never widened. Every case runs through the
// double struct, the class form and, for log-pmf, the batch (vector) member too.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;
using Xunit.Sdk;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.CountFamilies
{
    public sealed class CountOracleTests
    {
        private static readonly Lazy<Dictionary<string, OracleCase>> All = new(() =>
            OracleCase.ReadFile("discrete.json").Concat(OracleCase.ReadFile("discrete_cross_entropy.json"))
                .ToDictionary(c => c.Id, StringComparer.Ordinal));

        /// <summary>The declared Binomial type for each n the oracle uses (n is a compile-time constant).</summary>
        internal static readonly Dictionary<int, Type> BinomialTypes = new()
        {
            [0] = typeof(Bin0), [1] = typeof(Bin1), [2] = typeof(Bin2), [5] = typeof(Bin5), [6] = typeof(Bin6),
            [7] = typeof(Bin7), [10] = typeof(Bin10), [12] = typeof(Bin12), [20] = typeof(Bin20), [50] = typeof(Bin50),
            [100] = typeof(Bin100), [1000] = typeof(Bin1000), [1000000] = typeof(Bin1000000),
            [1000000000] = typeof(Bin1000000000),
        };

        /// <summary>
        /// Cases this test cannot express, each with its reason. Everything else in the two files must run.
        /// </summary>
        private static readonly Dictionary<string, string> NotHere = new(StringComparer.Ordinal)
        {
            ["logprob/Geometric/014"] = "k = 1e10 does not fit the int outcome type of LogPmf(int)",
            ["logprob/Poisson/026"] = "k = 1e15 does not fit the int outcome type of LogPmf(int)",
            ["kl/Binomial_vs_Binomial/014"] = "Binomial(1)‖Binomial(3) spans two declared types: a [KLDivergence] declaration, tested with the cross-family divergences",
            ["kl/Binomial_vs_Binomial/016"] = "Binomial(10)‖Binomial(5) spans two declared types: tested with the cross-family divergences",
            ["cross_entropy/Binomial_vs_Binomial/004"] = "Binomial(5)‖Binomial(10) spans two declared types: tested with the cross-family divergences",
        };

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
            // 115 log-pmf/entropy/KL cases + 7 cross-entropy cases (Oracle/README.md).
            Assert.Equal(122, All.Value.Count);
            Assert.All(NotHere.Keys, id => Assert.True(All.Value.ContainsKey(id), id + " is listed as skipped but not in the data"));
        }

        [SkippableTheory]
        [MemberData(nameof(Cases))]
        public void Oracle(string id)
        {
            // A case this test cannot express is reported as skipped, with its reason; AllCopiedCasesAreLoaded checks the list.
            Skip.If(NotHere.TryGetValue(id, out string? reason), reason);

            OracleCase c = All.Value[id];
            string family = c.Family.Split("||")[0];
            switch (family)
            {
                case "Binomial":
                    int n = c.Section is "kl" or "cross_entropy" ? Int(c.Params.GetProperty("P"), "n") : Int(c.Params, "n");
                    if (c.Section is "kl" or "cross_entropy")
                    {
                        Assert.Equal(n, Int(c.Params.GetProperty("Q"), "n"));
                    }

                    Invoke(nameof(RunBinomial), BinomialTypes[n], c);
                    break;
                case "Geometric":
                    RunGeometric<Geo>(c);
                    RunGeometric<GeoClass>(c);
                    break;
                case "Poisson":
                    RunPoisson<Pois>(c);
                    RunPoisson<PoisClass>(c);
                    break;
                case "NegativeBinomial":
                    RunNegativeBinomial<NegBin>(c);
                    RunNegativeBinomial<NegBinClass>(c);
                    break;
                default:
                    throw new XunitException($"{id}: family {c.Family} was not meant to be copied");
            }
        }

        private static int Int(System.Text.Json.JsonElement e, string name) => checked((int)OracleCase.Num(e.GetProperty(name)));

        private static double Dbl(System.Text.Json.JsonElement e, string name) => OracleCase.Num(e.GetProperty(name));

        private static void Invoke(string method, Type type, OracleCase c)
        {
            var m = typeof(CountOracleTests).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
            try
            {
                m.Invoke(null, new object[] { c });
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }

        private static void RunBinomial<TDist>(OracleCase c)
            where TDist : IBinomialDistribution<TDist, double>
        {
            Func<System.Text.Json.JsonElement, TDist> make = e =>
            {
                Assert.True(TDist.TryCreate(Dbl(e, "p"), out TDist? d), $"{typeof(TDist).Name}.TryCreate refused a valid p");
                return d!;
            };
            Run(c, make, $"{typeof(TDist).Name}");
        }

        private static void RunGeometric<TDist>(OracleCase c)
            where TDist : IGeometricDistribution<TDist, double> =>
            Run(c, e => TDist.TryCreate(Dbl(e, "p"), out TDist? d) ? d! : throw new XunitException("TryCreate refused " + R(Dbl(e, "p"))), typeof(TDist).Name);

        private static void RunPoisson<TDist>(OracleCase c)
            where TDist : IPoissonDistribution<TDist, double> =>
            Run(c, e => TDist.TryCreate(Dbl(e, "rate"), out TDist? d) ? d! : throw new XunitException("TryCreate refused " + R(Dbl(e, "rate"))), typeof(TDist).Name);

        private static void RunNegativeBinomial<TDist>(OracleCase c)
            where TDist : INegativeBinomialDistribution<TDist, double> =>
            Run(c, e => TDist.TryCreate(Dbl(e, "r"), Dbl(e, "p"), out TDist? d) ? d! : throw new XunitException("TryCreate refused r, p"), typeof(TDist).Name);

        private static void Run<TDist>(OracleCase c, Func<System.Text.Json.JsonElement, TDist> make, string name)
            where TDist : ICountDistribution<TDist, double>
        {
            switch (c.Section)
            {
                case "logprob":
                {
                    TDist d = make(c.Params);
                    int k = checked((int)OracleCase.Num(c.X));
                    c.Check(d.LogPmf(k), $"{name}.LogPmf({k})");
                    double want = c.Want();
                    if (want > -700)
                    {
                        c.Check(Math.Log(d.Pmf(k)), $"log {name}.Pmf({k})"); // exp then log: rounding ≈ ε·|log P| ≪ the case's tolerance
                    }
                    else
                    {
                        Assert.True(d.Pmf(k) >= 0 && d.Pmf(k) < 1e-300, $"{name}.Pmf({k}) = {R(d.Pmf(k))}, expected ≈ exp({R(want)})");
                    }

                    c.Check(d.LogLikelihood(new[] { k }), $"{name}.LogLikelihood([{k}])");

                    // The batch member on the same outcome, among others (in and out of the support), so that it is
                    // reached in every vector width and in the scalar tail.
                    int[] ks = Enumerable.Range(0, 41).Select(i => i % 5 == 0 ? k : i % 7 == 0 ? -i : i).ToArray();
                    double[] dest = new double[ks.Length];
                    d.LogPmf(ks, dest);
                    for (int i = 0; i < ks.Length; i++)
                    {
                        if (ks[i] == k)
                        {
                            c.Check(dest[i], $"{name}.LogPmf(span)[{i}]");
                        }
                        else
                        {
                            // Poisson's vector form k·log λ − λ − log k! rounds by up to ~1e-12 relative where λ ≈ k ≈ 256
                            // (Poisson.VectorRateLimit); the other families' vector arithmetic is the scalar one.
                            Within(d.LogPmf(ks[i]), dest[i], 1e-12 * Math.Max(1, Math.Abs(dest[i])), $"{name}.LogPmf(span)[{i}] = LogPmf({ks[i]})");
                        }
                    }

                    break;
                }

                case "entropy":
                    c.Check(make(c.Params).Entropy(), $"{name}.Entropy()");
                    break;
                case "kl":
                    c.Check(make(c.Params.GetProperty("P")).KLDivergence(make(c.Params.GetProperty("Q"))), $"{name}.KLDivergence");
                    break;
                case "cross_entropy":
                    c.Check(make(c.Params.GetProperty("P")).CrossEntropy(make(c.Params.GetProperty("Q"))), $"{name}.CrossEntropy");
                    break;
                default:
                    throw new XunitException($"{c.Id}: unexpected section {c.Section}");
            }
        }
    }
}
