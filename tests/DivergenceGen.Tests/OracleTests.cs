// The generated code against the external oracle (SciPy 1.10.1 / torch 1.13.1 / 50-digit mpmath; see
// Oracle/README.md). One theory row per case. The pass rule is the oracle's own:
//     |got − want| ≤ max(tol.rel · max(|got|, |want|), tol.abs),  non-finite values equal exactly,
// with the case's tol — never widened here. "bits" cases compare our nats / ln 2.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Sdk;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests
{
    /// <summary>One oracle case, read from the JSON exactly as stored.</summary>
    public sealed class OracleCase
    {
        public required string Id { get; init; }
        public required string Section { get; init; }
        public required string Quantity { get; init; }
        public required string Family { get; init; }
        public required JsonElement Params { get; init; }
        public required JsonElement X { get; init; }
        public required bool Bits { get; init; }
        public required JsonElement Expect { get; init; }
        public required double Rel { get; init; }
        public required double Abs { get; init; }

        /// <summary>The case's 50-digit mpmath cross-check of <c>value</c> (<c>checks[]</c> of kind <c>hp</c>), if it has one.</summary>
        public double? Hp { get; init; }

        /// <summary>Reads one case object exactly as stored.</summary>
        public static OracleCase From(JsonElement c)
        {
            string units = c.GetProperty("units").GetString()!;
            return new OracleCase
            {
                Id = c.GetProperty("id").GetString()!,
                Section = c.GetProperty("section").GetString()!,
                Quantity = c.GetProperty("quantity").GetString()!,
                Family = c.GetProperty("family").GetString()!,
                Params = c.GetProperty("params").Clone(),
                X = c.GetProperty("x").Clone(),
                Bits = units switch
                {
                    "nats" => false,
                    "bits" => true,
                    _ => throw new InvalidDataException("unknown units " + units),
                },
                Expect = c.GetProperty("expect").Clone(),
                Rel = OracleCase.Num(c.GetProperty("tol").GetProperty("rel")),
                Abs = OracleCase.Num(c.GetProperty("tol").GetProperty("abs")),
                Hp = HpOf(c),
            };
        }

        /// <summary>The <c>hp</c> (50-digit mpmath) check of the field <c>value</c>, if the case has one.</summary>
        public static double? HpOf(JsonElement c)
        {
            if (!c.TryGetProperty("checks", out JsonElement checks))
            {
                return null;
            }

            foreach (JsonElement k in checks.EnumerateArray())
            {
                if (k.GetProperty("kind").GetString() == "hp" && k.GetProperty("field").GetString() == "value")
                {
                    return Num(k.GetProperty("value"));
                }
            }

            return null;
        }

        /// <summary>Every case of one file copied into Oracle/.</summary>
        public static List<OracleCase> ReadFile(string file)
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Oracle", file);
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.EnumerateArray().Select(From).ToList();
        }

        /// <summary>A JSON number, or one of the strings "inf", "-inf", "nan".</summary>
        public static double Num(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Number => e.GetDouble(),
            JsonValueKind.String => e.GetString() switch
            {
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                "nan" => double.NaN,
                var s => throw new InvalidDataException("unexpected numeric string '" + s + "'"),
            },
            _ => throw new InvalidDataException("not a number: " + e.ValueKind),
        };

        public static double[] Vec(JsonElement e) => e.EnumerateArray().Select(Num).ToArray();

        public double Want(string field = "value") => Num(Expect.GetProperty(field));

        public bool Has(string field) => Expect.TryGetProperty(field, out _);

        /// <summary>Our nats expressed in the case's units.</summary>
        public double InUnits(double nats) => Bits ? nats / Ln2 : nats;

        /// <summary>
        /// Asserts with the case's own tolerance. With <c>DIVERGENCEGEN_HP_SURVEY</c> set to a file path, also appends the
        /// relative distance of the result from the case's 50-digit mpmath value to that file (tab-separated: id, what,
        /// got, hp, relative difference), a survey of how far below the tolerance the results sit; it asserts nothing more.
        /// </summary>
        public void Check(double gotNats, string what, string field = "value")
        {
            Close(Want(field), InUnits(gotNats), Rel, Abs, $"{Id} [{field}] {what}");
            if (field == "value" && Hp is double hp && Environment.GetEnvironmentVariable("DIVERGENCEGEN_HP_SURVEY") is { Length: > 0 } file)
            {
                double got = InUnits(gotNats);
                double relative = got == hp ? 0 : Math.Abs(got - hp) / Math.Max(Math.Abs(got), Math.Abs(hp));
                lock (SurveyLock)
                {
                    File.AppendAllText(file, $"{Id}\t{what}\t{got:R}\t{hp:R}\t{relative:E3}\n");
                }
            }
        }

        private static readonly object SurveyLock = new();
    }

    public sealed class OracleTests
    {
        private static readonly Lazy<Dictionary<string, OracleCase>> All = new(Load);

        private static Dictionary<string, OracleCase> Load()
        {
            var result = new Dictionary<string, OracleCase>(StringComparer.Ordinal);
            foreach (string file in new[] { "bernoulli_categorical.json", "coin.json" })
            {
                string path = Path.Combine(AppContext.BaseDirectory, "Oracle", file);
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
                foreach (JsonElement c in doc.RootElement.EnumerateArray())
                {
                    var oc = OracleCase.From(c);
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
            // 70 Bernoulli/Categorical cases + the 20 coin cases (Oracle/README.md).
            Assert.Equal(90, All.Value.Count);
            Assert.Equal(20, All.Value.Values.Count(c => c.Section == "coin"));
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Oracle(string id)
        {
            OracleCase c = All.Value[id];
            switch (c.Family)
            {
                case "Bernoulli":
                case "Bernoulli||Bernoulli":
                    if (c.Section == "coin")
                    {
                        CoinExperiment(c);
                    }
                    else
                    {
                        Bernoulli<Coin>(c);
                        Bernoulli<CoinClass>(c);
                    }

                    break;
                case "Categorical":
                case "Categorical||Categorical":
                    Categorical(c);
                    break;
                default:
                    throw new XunitException($"{id}: family {c.Family} was not meant to be copied");
            }
        }

        // ---- Bernoulli ----------------------------------------------------------------------------------------

        private static TDist MakeBernoulli<TDist>(double p)
            where TDist : IBernoulliSurface<TDist, double>
        {
            Assert.True(TDist.TryCreate(p, out TDist? d), $"TryCreate({R(p)}) refused a valid p");
            return d!;
        }

        private static void Bernoulli<TDist>(OracleCase c)
            where TDist : IBernoulliSurface<TDist, double>
        {
            string t = typeof(TDist).Name;
            switch (c.Quantity)
            {
                case "log_pmf":
                {
                    double p = OracleCase.Num(c.Params.GetProperty("p"));
                    int x = c.X.GetInt32();
                    TDist d = MakeBernoulli<TDist>(p);
                    c.Check(d.LogPmf(x), $"{t}({R(p)}).LogPmf({x})");

                    // The batch form on the same point (and padded with the other outcome, to reach the vector path).
                    int[] xs = Enumerable.Repeat(x, 37).ToArray();
                    xs[3] = 1 - Math.Clamp(x, 0, 1);
                    double[] dest = new double[xs.Length];
                    d.LogPmf(xs, dest);
                    c.Check(dest[0], $"{t}({R(p)}).LogPmf(span)[0]");
                    c.Check(dest[^1], $"{t}({R(p)}).LogPmf(span)[^1]");
                    c.Check(d.LogLikelihood(new[] { x }), $"{t}({R(p)}).LogLikelihood([{x}])");
                    break;
                }

                case "entropy":
                {
                    double p = OracleCase.Num(c.Params.GetProperty("p"));
                    TDist d = MakeBernoulli<TDist>(p);
                    c.Check(d.Entropy(), $"{t}({R(p)}).Entropy()");

                    double[] ps = Enumerable.Repeat(p, 19).ToArray();
                    double[] dest = new double[ps.Length];
                    TDist.Entropy(ps, dest);
                    for (int i = 0; i < dest.Length; i++)
                    {
                        c.Check(dest[i], $"{t}.Entropy(span)[{i}] with p = {R(p)}");
                    }

                    break;
                }

                case "kl":
                case "cross_entropy":
                {
                    double p = OracleCase.Num(c.Params.GetProperty("P").GetProperty("p"));
                    double q = OracleCase.Num(c.Params.GetProperty("Q").GetProperty("p"));
                    TDist dp = MakeBernoulli<TDist>(p);
                    TDist dq = MakeBernoulli<TDist>(q);
                    if (c.Quantity == "kl")
                    {
                        c.Check(dp.KLDivergence(dq), $"{t}({R(p)}).KLDivergence({t}({R(q)}))");
                        double[] ps = Enumerable.Repeat(p, 19).ToArray();
                        double[] qs = Enumerable.Repeat(q, 19).ToArray();
                        double[] dest = new double[ps.Length];
                        TDist.KLDivergence(ps, qs, dest);
                        for (int i = 0; i < dest.Length; i++)
                        {
                            c.Check(dest[i], $"{t}.KLDivergence(span, span)[{i}] with p = {R(p)}, q = {R(q)}");
                        }
                    }
                    else
                    {
                        c.Check(dp.CrossEntropy(dq), $"{t}({R(p)}).CrossEntropy({t}({R(q)}))");
                    }

                    break;
                }

                default:
                    throw new XunitException($"{c.Id}: unexpected quantity {c.Quantity}");
            }
        }

        // ---- Categorical --------------------------------------------------------------------------------------

        private static int ClassesOf(OracleCase c) =>
            (c.Params.TryGetProperty("probs", out JsonElement probs) ? probs : c.Params.GetProperty("P").GetProperty("probs"))
            .GetArrayLength();

        private static void Categorical(OracleCase c)
        {
            // Every double-precision type declared with this K runs the case (for K = 6: unrolled by default,
            // forced SIMD, forced straight-line).
            int k = ClassesOf(c);
            switch (k)
            {
                case 1: Categorical<Cat1>(c); break;
                case 2: Categorical<Cat2>(c); break;
                case 3: Categorical<Cat3>(c); break;
                case 4: Categorical<Cat4>(c); break;
                case 5: Categorical<Cat5>(c); break;
                case 6: Categorical<Cat6>(c); Categorical<Cat6U0>(c); Categorical<Cat6U32>(c); break;
                case 12: Categorical<Cat12>(c); break;
                default: throw new XunitException($"{c.Id}: no test type declared for K = {k}");
            }
        }

        private static TDist FromProbs<TDist>(double[] probs)
            where TDist : ICategoricalSurface<TDist, double>
        {
            Assert.True(TDist.TryFromProbabilities(probs, out TDist? viaTry),
                $"{typeof(TDist).Name}.TryFromProbabilities([{string.Join(", ", probs.Select(R))}]) refused a valid vector");
            TDist d = TDist.FromProbabilities(probs);
            for (int i = 0; i < probs.Length; i++)
            {
                // Values are used as given, not renormalised.
                Exact(probs[i], d.Pmf(i), $"{typeof(TDist).Name}.FromProbabilities(...).Pmf({i})");
                Exact(probs[i], viaTry.Pmf(i), $"{typeof(TDist).Name}.TryFromProbabilities(...).Pmf({i})");
            }

            return d;
        }

        private static void Categorical<TDist>(OracleCase c)
            where TDist : ICategoricalSurface<TDist, double>
        {
            string t = typeof(TDist).Name;
            Assert.Equal(ClassesOf(c), TDist.ClassCount);
            switch (c.Quantity)
            {
                case "log_pmf":
                {
                    double[] probs = OracleCase.Vec(c.Params.GetProperty("probs"));
                    int x = c.X.GetInt32();
                    TDist d = FromProbs<TDist>(probs);
                    c.Check(d.LogPmf(x), $"{t}.LogPmf({x})");
                    c.Check(d.LogLikelihood(new[] { x }), $"{t}.LogLikelihood([{x}])");
                    if (x < 0 || x >= TDist.ClassCount)
                    {
                        // Out-of-range index: −∞ (not an exception), and Pmf = 0.
                        Exact(double.NegativeInfinity, d.LogPmf(x), $"{c.Id} {t}.LogPmf({x}) out of range");
                        Exact(0.0, d.Pmf(x), $"{c.Id} {t}.Pmf({x}) out of range");
                    }

                    break;
                }

                case "entropy":
                {
                    double[] probs = OracleCase.Vec(c.Params.GetProperty("probs"));
                    TDist d = FromProbs<TDist>(probs);
                    c.Check(d.Entropy(), $"{t}.Entropy()");
                    c.Check(TDist.Entropy(probs), $"{t}.Entropy(span)");
                    break;
                }

                case "kl":
                case "cross_entropy":
                {
                    double[] p = OracleCase.Vec(c.Params.GetProperty("P").GetProperty("probs"));
                    double[] q = OracleCase.Vec(c.Params.GetProperty("Q").GetProperty("probs"));
                    TDist dp = FromProbs<TDist>(p);
                    TDist dq = FromProbs<TDist>(q);
                    if (c.Quantity == "kl")
                    {
                        c.Check(dp.KLDivergence(dq), $"{t}.KLDivergence(in q)");
                        c.Check(TDist.KLDivergence(p, q), $"{t}.KLDivergence(span, span)");
                    }
                    else
                    {
                        c.Check(dp.CrossEntropy(dq), $"{t}.CrossEntropy(in q)");
                        c.Check(TDist.CrossEntropy(p, q), $"{t}.CrossEntropy(span, span)");
                    }

                    break;
                }

                default:
                    throw new XunitException($"{c.Id}: unexpected quantity {c.Quantity}");
            }
        }

        // ---- Coin experiment ----------------------------------------------------------------------------------

        /// <summary>
        /// L_n for k heads in n tosses, (k·log(P(1)/Q(1)) + (n−k)·log(P(0)/Q(0)))/n, from the generated LogPmf.
        /// </summary>
        private static double Llr(in Coin p, in Coin q, int n, int k) =>
            (k * (p.LogPmf(1) - q.LogPmf(1)) + (n - k) * (p.LogPmf(0) - q.LogPmf(0))) / n;

        /// <summary>
        /// Binomial(n, θ) probabilities, 0 &lt; θ &lt; 1, built in log space: log w is accumulated outward from the mode
        /// with the ratio recurrence log w_{k+1} − log w_k = log((n−k)/(k+1)) + log(θ/(1−θ)), exponentiated and
        /// normalised by the (compensated) sum. Starting at the mode keeps |log w| small where the mass is, so the
        /// accumulated rounding is ≲ (steps)·ε·|log w| ≈ 1e-12 over the ±10σ bulk even for n = 10⁴ (the far tails,
        /// where the error grows, carry mass below 1e-40). No lgamma needed, and no overflow of C(n, k).
        /// </summary>
        internal static double[] BinomialWeights(int n, double theta)
        {
            double[] logw = new double[n + 1];
            int mode = Math.Clamp((int)Math.Floor((n + 1) * theta), 0, n);
            double lr = Math.Log(theta) - Math.Log(1 - theta);
            logw[mode] = 0;
            for (int k = mode; k < n; k++)
            {
                logw[k + 1] = logw[k] + Math.Log((double)(n - k) / (k + 1)) + lr;
            }

            for (int k = mode; k > 0; k--)
            {
                logw[k - 1] = logw[k] - Math.Log((double)(n - k + 1) / k) - lr;
            }

            double[] w = logw.Select(Math.Exp).ToArray();
            double total = Sum(w);
            for (int k = 0; k <= n; k++)
            {
                w[k] /= total;
            }

            return w;
        }

        private static void CoinExperiment(OracleCase c)
        {
            double pp = OracleCase.Num(c.Params.GetProperty("P").GetProperty("p"));
            double qp = OracleCase.Num(c.Params.GetProperty("Q").GetProperty("p"));
            var p = new Coin(pp);
            var q = new Coin(qp);
            int n = c.X.GetProperty("n").GetInt32();
            string pq = $"P = Bernoulli({R(pp)}), Q = Bernoulli({R(qp)}), n = {n}";

            switch (c.Quantity)
            {
                case "coin_observed_llr":
                {
                    int k = c.X.GetProperty("heads").GetInt32();
                    c.Check(Llr(p, q, n, k), $"L_n, {pq}, heads = {k}");

                    // The same through the generated LogLikelihood on an actual sequence (order irrelevant).
                    int[] tosses = new int[n];
                    tosses.AsSpan(0, k).Fill(1);
                    double viaLikelihood = (p.LogLikelihood(tosses) - q.LogLikelihood(tosses)) / n;
                    c.Check(viaLikelihood, $"(P.LogLikelihood − Q.LogLikelihood)/n, {pq}, heads = {k}");
                    break;
                }

                case "coin_expected_llr":
                case "coin_expected_llr_under_Q":
                {
                    // Tosses from P (expected_llr) or from Q (under_Q). limit = KL(P‖Q), resp. −KL(Q‖P).
                    bool fromP = c.Quantity == "coin_expected_llr";
                    double limit = fromP ? p.KLDivergence(q) : -q.KLDivergence(p);
                    c.Check(limit, fromP ? $"KL(P‖Q), {pq}" : $"−KL(Q‖P), {pq}", "limit");

                    // value = E[L_n] by exact summation over k ~ Binomial(n, θ) with L_n from the generated LogPmf.
                    // Tolerance: the case's own (1e-10 rel / 1e-12 abs). The weights carry ≲ 1e-12 relative error
                    // (see BinomialWeights) and Σ w·L loses a few ε·max|L| more: two orders of magnitude inside it.
                    double[] w = BinomialWeights(n, fromP ? pp : qp);
                    double[] l = new double[n + 1];
                    double[] terms = new double[n + 1];
                    for (int k = 0; k <= n; k++)
                    {
                        l[k] = Llr(p, q, n, k);
                        terms[k] = w[k] * l[k];
                    }

                    double mean = Sum(terms);
                    c.Check(mean, $"E[L_n] by summation, {pq}");

                    if (c.Has("std"))
                    {
                        double[] sq = new double[n + 1];
                        for (int k = 0; k <= n; k++)
                        {
                            sq[k] = w[k] * (l[k] - mean) * (l[k] - mean);
                        }

                        c.Check(Math.Sqrt(Sum(sq)), $"sd(L_n) by summation, {pq}", "std");
                    }

                    if (c.Has("prob_llr_positive"))
                    {
                        double[] pos = new double[n + 1];
                        for (int k = 0; k <= n; k++)
                        {
                            pos[k] = l[k] > 0 ? w[k] : 0;
                        }

                        // A probability, not a quantity in nats: no unit conversion.
                        Close(c.Want("prob_llr_positive"), Sum(pos), c.Rel, c.Abs, $"{c.Id} [prob_llr_positive] P(L_n > 0) by summation, {pq}");
                    }

                    break;
                }

                default:
                    throw new XunitException($"{c.Id}: unexpected quantity {c.Quantity}");
            }
        }
    }
}
