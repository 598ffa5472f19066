// Softmax cross-entropy against the oracle's torch 1.13.1 cases (Oracle/losses.json, see Oracle/README.md): the
// loss value (each per-sample value for reduction none) and, where the case has it, grad_input, each with the case's
// own tolerance, never widened.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests
{
    public sealed class LossOracleTests
    {
        private static readonly Lazy<Dictionary<string, JsonElement>> All = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Oracle", "losses.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.Clone(), StringComparer.Ordinal);
        });

        /// <summary>The cases of one loss (the <c>family</c> field): <c>cross_entropy</c> here, <c>nll_loss</c> for NllLossTests.</summary>
        public static IEnumerable<KeyValuePair<string, JsonElement>> Of(string family) =>
            All.Value.Where(c => c.Value.GetProperty("family").GetString() == family);

        public static TheoryData<string> Cases()
        {
            var data = new TheoryData<string>();
            foreach (var c in Of("cross_entropy"))
            {
                data.Add(c.Key);
            }

            return data;
        }

        [Fact]
        public void AllCopiedCasesAreLoaded()
        {
            // Every case of public/losses.json (Oracle/README.md).
            Assert.Equal(29, All.Value.Count);
            Assert.Equal(5, Of("binary_cross_entropy_with_logits").Count());
            Assert.Equal(18, Of("cross_entropy").Count());
            Assert.Equal(3, Of("nll_loss").Count());
            Assert.Equal(3, Of("kd_kl_div").Count());
        }

        /// <summary>One case by id (NllLossTests).</summary>
        public static JsonElement Case(string id) => All.Value[id];

        private static double[] Flat(JsonElement rows) => rows.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(OracleCase.Num)).ToArray();

        [Theory]
        [MemberData(nameof(Cases))]
        public void CrossEntropy(string id)
        {
            var c = All.Value[id];
            var p = c.GetProperty("params");
            var x = c.GetProperty("x");
            var expect = c.GetProperty("expect");
            double rel = OracleCase.Num(c.GetProperty("tol").GetProperty("rel"));
            double abs = OracleCase.Num(c.GetProperty("tol").GetProperty("abs"));
            var reduction = p.GetProperty("reduction").GetString() switch
            {
                "none" => Reduction.None,
                "sum" => Reduction.Sum,
                "mean" => Reduction.Mean,
                var r => throw new InvalidDataException("reduction " + r),
            };
            double eps = p.GetProperty("label_smoothing").GetDouble();
            int ignore = p.GetProperty("ignore_index").GetInt32();
            bool soft = p.GetProperty("target_type").GetString() == "probabilities";
            double[]? weights = p.GetProperty("weight").ValueKind == JsonValueKind.Null ? null : OracleCase.Vec(p.GetProperty("weight"));
            double[] logits = Flat(x.GetProperty("input"));
            int k = x.GetProperty("input")[0].GetArrayLength();
            int n = x.GetProperty("input").GetArrayLength();
            var api = LossTypes.Find(k, eps, ignore, reduction)
                ?? throw new InvalidOperationException($"{id}: no loss type declared for K = {k}, ε = {eps}, ignore {ignore}, {reduction} (LossDeclarations.cs)");

            double[]? perSample = reduction == Reduction.None ? new double[n] : null;
            double Call(double[]? gradient)
            {
                if (soft)
                {
                    return api.Soft(logits, Flat(x.GetProperty("target")), weights, perSample, gradient);
                }

                int[] targets = x.GetProperty("target").EnumerateArray().Select(e => e.GetInt32()).ToArray();
                return api.Hard(logits, targets, weights, perSample, gradient);
            }

            double got = Call(null);
            if (reduction == Reduction.None)
            {
                double[] want = OracleCase.Vec(expect.GetProperty("value"));
                for (int i = 0; i < n; i++)
                {
                    Close(want[i], perSample![i], rel, abs, $"{id} perSample[{i}]");
                }

                Close(Sum(want), got, rel, abs, $"{id} returned sum");
            }
            else
            {
                Close(OracleCase.Num(expect.GetProperty("value")), got, rel, abs, $"{id} value");
            }

            // LossAndGradient returns the same loss; its gradient matches grad_input where the case has one.
            var gradient = new double[logits.Length];
            double gotWithGradient = Call(gradient);
            Close(got, gotWithGradient, rel, abs, $"{id} LossAndGradient value vs Loss");
            if (expect.TryGetProperty("grad_input", out var gradInput))
            {
                double[] want = Flat(gradInput);
                for (int j = 0; j < want.Length; j++)
                {
                    Close(want[j], gradient[j], rel, abs, $"{id} grad_input[{j / k}][{j % k}]");
                }
            }
        }
    }
}
