// The cross-family divergences against the external oracle (Oracle/kl_cross.json, and the Categorical‖Categorical
// kl_cross cases already in Oracle/bernoulli_categorical.json, and the three Binomial(n)‖Binomial(m) cases with n ≠ m
// that CountOracleTests leaves to this file), each with the case's own tolerance, never widened:
//     |got − want| ≤ max(tol.rel · max(|got|, |want|), tol.abs),  non-finite values equal exactly.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Sdk;

namespace DivergenceGen.Tests.CrossFamily
{
    public sealed class CrossFamilyOracleTests
    {
        private static readonly Lazy<Dictionary<string, OracleCase>> All = new(Load);

        /// <summary>Same-family cases whose two sides are two declared types (n ≠ m), from the count families' files.</summary>
        private static readonly HashSet<string> TwoBinomialTypes = new(StringComparer.Ordinal)
        {
            "kl/Binomial_vs_Binomial/014", "kl/Binomial_vs_Binomial/016", "cross_entropy/Binomial_vs_Binomial/004",
        };

        private static Dictionary<string, OracleCase> Load()
        {
            var result = new Dictionary<string, OracleCase>(StringComparer.Ordinal);
            foreach (string file in new[] { "kl_cross.json", "bernoulli_categorical.json", "discrete.json", "discrete_cross_entropy.json" })
            {
                string path = Path.Combine(AppContext.BaseDirectory, "Oracle", file);
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
                foreach (JsonElement c in doc.RootElement.EnumerateArray())
                {
                    string id = c.GetProperty("id").GetString()!;
                    if (c.GetProperty("section").GetString() != "kl_cross" && !TwoBinomialTypes.Contains(id))
                    {
                        continue;
                    }

                    if (c.GetProperty("family").GetString() == "Normal||Laplace")
                    {
                        continue; // continuous families: Continuous/ContinuousPairTests.OracleNormalLaplaceCases
                    }

                    Assert.Equal("nats", c.GetProperty("units").GetString());
                    var oc = new OracleCase
                    {
                        Id = id,
                        Section = c.GetProperty("section").GetString()!,
                        Quantity = c.GetProperty("quantity").GetString()!,
                        Family = c.GetProperty("family").GetString()!,
                        Params = c.GetProperty("params").Clone(),
                        X = c.GetProperty("x").Clone(),
                        Bits = false,
                        Expect = c.GetProperty("expect").Clone(),
                        Rel = OracleCase.Num(c.GetProperty("tol").GetProperty("rel")),
                        Abs = OracleCase.Num(c.GetProperty("tol").GetProperty("abs")),
                        Hp = OracleCase.HpOf(c),
                    };
                    result.Add(oc.Id, oc);
                }
            }

            return result;
        }

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
            // Oracle/README.md: 16 discrete cross-family cases in kl_cross.json + the 5 Categorical‖Categorical ones
            // + the 3 two-Binomial-types cases.
            Assert.Equal(24, All.Value.Count);
            Assert.Equal(5, All.Value.Values.Count(c => c.Family == "Categorical||Categorical"));
            Assert.Equal(3, All.Value.Values.Count(c => c.Family == "Binomial||Binomial"));
        }

        private static double Num(JsonElement parameters, string side, string name) =>
            OracleCase.Num(parameters.GetProperty(side).GetProperty(name));

        private static int Int(JsonElement parameters, string side, string name) =>
            parameters.GetProperty(side).GetProperty(name).GetInt32();

        [Theory]
        [MemberData(nameof(Cases))]
        public void Oracle(string id)
        {
            OracleCase c = All.Value[id];
            JsonElement a = c.Params;
            switch (c.Family)
            {
                case "Bernoulli||Binomial":
                {
                    double p = Num(a, "P", "p"), q = Num(a, "Q", "p");
                    switch (Int(a, "Q", "n"))
                    {
                        case 1:
                            c.Check(X.KL(new XCoin(p), new XBin1(q)), $"KL(Bernoulli({p}) ‖ Binomial(1, {q})), closed form");
                            c.Check(X.KL(new XCoinClass(p), new XBin1(q)), $"KL(Bernoulli class({p}) ‖ Binomial(1, {q})), closed form");
                            break;
                        case 4:
                            c.Check(X.KL(new XCoin(p), new XBin4(q)), $"KL(Bernoulli({p}) ‖ Binomial(4, {q})), summation");
                            break;
                        case var n:
                            throw new XunitException($"{id}: no declared Binomial({n})");
                    }

                    break;
                }

                case "Bernoulli||Poisson":
                {
                    double p = Num(a, "P", "p"), rate = Num(a, "Q", "rate");
                    c.Check(X.KL(new XCoin(p), new XPoisson(rate)), $"KL(Bernoulli({p}) ‖ Poisson({rate})), closed form");
                    break;
                }

                case "Binomial||Geometric":
                {
                    double p = Num(a, "P", "p"), q = Num(a, "Q", "p");
                    int n = Int(a, "P", "n");
                    double got = n switch
                    {
                        1 => X.KL(new XBin1(p), new XGeometric(q)),
                        10 => X.KL(new XBin10(p), new XGeometric(q)),
                        100 => X.KL(new XBin100(p), new XGeometric(q)),
                        _ => throw new XunitException($"{id}: no declared Binomial({n})"),
                    };
                    c.Check(got, $"KL(Binomial({n}, {p}) ‖ Geometric({q})), summation");
                    break;
                }

                case "Binomial||Poisson":
                {
                    double p = Num(a, "P", "p"), rate = Num(a, "Q", "rate");
                    int n = Int(a, "P", "n");
                    double got = n switch
                    {
                        10 => X.KL(new XBin10(p), new XPoisson(rate)),
                        20 => X.KL(new XBin20(p), new XPoisson(rate)),
                        100 => X.KL(new XBin100(p), new XPoisson(rate)),
                        10000 => X.KL(new XBin10000(p), new XPoisson(rate)),
                        _ => throw new XunitException($"{id}: no declared Binomial({n})"),
                    };
                    c.Check(got, $"KL(Binomial({n}, {p}) ‖ Poisson({rate})), summation");
                    break;
                }

                case "Poisson||Binomial":
                {
                    double rate = Num(a, "P", "rate"), q = Num(a, "Q", "p");
                    Assert.Equal(10, Int(a, "Q", "n"));
                    c.Check(X.KL(new XPoisson(rate), new XBin10(q)), $"KL(Poisson({rate}) ‖ Binomial(10, {q})), +∞ by support");
                    break;
                }

                case "Categorical||Categorical":
                    Categorical(c);
                    break;
                case "Binomial||Binomial":
                {
                    double p = Num(a, "P", "p"), q = Num(a, "Q", "p");
                    (int n, int m) = (Int(a, "P", "n"), Int(a, "Q", "n"));
                    double got = (n, m, c.Quantity) switch
                    {
                        (1, 3, "kl") => X.KL(new XBin1(p), new XBin3(q)),       // n < m: summation
                        (10, 5, "kl") => X.KL(new XBin10(p), new XBin5(q)),     // n > m, p = 0: the run-time point mass
                        (5, 10, "cross_entropy") => X.H(new XBin5(p), new XBin10(q)),
                        _ => throw new XunitException($"{id}: no declared pair Binomial({n})‖Binomial({m}) for {c.Quantity}"),
                    };
                    c.Check(got, $"{c.Quantity}(Binomial({n}, {p}) ‖ Binomial({m}, {q}))");
                    break;
                }
                default:
                    throw new XunitException($"{id}: family {c.Family} was not meant to be copied");
            }
        }

        /// <summary>
        /// Three routes to the same number: two declared types with the same K (closed form: P's own kernel), Q padded
        /// with a class of probability 0 (summation over P's K classes), and P padded likewise (+∞ by support,
        /// decided at run time: P has no mass on the extra class, so summation over Q's K).
        /// </summary>
        private static void Categorical(OracleCase c)
        {
            double[] p = OracleCase.Vec(c.Params.GetProperty("P").GetProperty("probs"));
            double[] q = OracleCase.Vec(c.Params.GetProperty("Q").GetProperty("probs"));
            double[] p0 = p.Append(0).ToArray(), q0 = q.Append(0).ToArray();
            switch (p.Length)
            {
                case 2:
                    c.Check(X.KL(XCat2.FromProbabilities(p), XCat2B.FromProbabilities(q)), "KL(Cat2 ‖ Cat2B), closed form");
                    c.Check(X.KL(XCat2.FromProbabilities(p), XCat3.FromProbabilities(q0)), "KL(Cat2 ‖ Cat3 padded), summation");
                    c.Check(X.KL(XCat3.FromProbabilities(p0), XCat2.FromProbabilities(q)), "KL(Cat3 padded ‖ Cat2), run-time support");
                    break;
                case 3:
                    c.Check(X.KL(XCat3.FromProbabilities(p), XCat3B.FromProbabilities(q)), "KL(Cat3 ‖ Cat3B class), closed form");
                    c.Check(X.KL(XCat3.FromProbabilities(p), XCat4.FromProbabilities(q0)), "KL(Cat3 ‖ Cat4 padded), summation");
                    c.Check(X.KL(XCat4.FromProbabilities(p0), XCat3.FromProbabilities(q)), "KL(Cat4 padded ‖ Cat3), run-time support");
                    break;
                case 4:
                    c.Check(X.KL(XCat4.FromProbabilities(p), XCat4B.FromProbabilities(q)), "KL(Cat4 ‖ Cat4B), closed form");
                    c.Check(X.KL(XCat4.FromProbabilities(p), XCat5.FromProbabilities(q0)), "KL(Cat4 ‖ Cat5 padded), summation");
                    c.Check(X.KL(XCat5.FromProbabilities(p0), XCat4.FromProbabilities(q)), "KL(Cat5 padded ‖ Cat4), run-time support");
                    break;
                case 6:
                    c.Check(X.KL(XCat6.FromProbabilities(p), XCat6B.FromProbabilities(q)), "KL(Cat6 ‖ Cat6B), closed form");
                    c.Check(X.KL(XCat6.FromProbabilities(p), XCat7.FromProbabilities(q0)), "KL(Cat6 ‖ Cat7 padded), summation");
                    c.Check(X.KL(XCat7.FromProbabilities(p0), XCat6.FromProbabilities(q)), "KL(Cat7 padded ‖ Cat6), run-time support");
                    break;
                default:
                    throw new XunitException($"{c.Id}: no declared Categorical({p.Length})");
            }
        }
    }
}
