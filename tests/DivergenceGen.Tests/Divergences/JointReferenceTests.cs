// The joint laws [JointCategorical(R, C)] (issue 17) against 50-digit mpmath values on the exact inputs, and the G-test
// against mpmath (and SciPy's chi2_contingency, for the convention): Divergences/joint_reference.json, made by
// make_joint_reference.py beside it (run by hand, not in CI; its header says how each value is defined).
//
// 46 probability tables (2×2, 2×3, 3×4, 4×5, 20×25 double, 3×4 and 4×3 float, 1×5, 5×1: random, zero cells, exact
// products, near-independent to 1e−3 … 1e−12, one-hot, a constant row or column variable, X = Y, a dominant cell), each
// an exact table summing to exactly 1, run through every declared type of its shape and through the type of the
// transposed shape with the table transposed (rows and columns swap their entropies and conditional entropies; the
// rest is unchanged). 17 count tables for the G-test.
//
// Tolerances, relative to the reference r (ε = 2⁻⁵², K = R·C; a reference of exactly 0 must be returned as 0, up to the
// smallest normal number). Every sum has terms of one sign, so its relative error is at most its worst term's plus the
// recursive summation's (n − 1)·ε:
//  * H(X, Y) (the categorical entropy kernel): p·log p, the log ≤ 1 ulp, one product: (4 + K)·ε.
//  * H(X), H(Y): the marginals are double-double (exact to ~ε²); r·(log rh + rl/rh): log, one add, one product:
//    (4 + max(R, C))·ε.
//  * I(X; Y): bd0(p, m) is within ~2.5 ulps given exact arguments (ScalarMath.Deviance); m = rh·ch is rounded once (bd0 is
//    ∝ 1/m near p ≈ m: 1ε), d = p − r·c once by the FMA plus ~ε² of m from the cross terms (bd0 ∝ d²: 2ε): (8 + K)·ε,
//    purely relative down to the 1e−12-independent tables (d ≥ ~1e−12·m ≫ ε²·m).
//  * H(X | Y), H(Y | X): p·log1p(s/p), s exact to ε·s, one division, log1p's error no larger than its argument's relative
//    one, one product: (6 + K)·ε; VI, the sum of the two, the same.
//  * NMI: the ratio's error is the sum of I's and the denominator's (≤ H(X, Y)'s bound, the largest) plus the division and
//    the mean: (8 + K) + (4 + K) + 2.
//  * float types: the double bound plus 2·ε_float (the result is rounded once to float; H(X, Y) and NMI's joint
//    normalisation read the cached log-probabilities, rounded to float).
//  * G: 2·Σ bd0(O, E) with E = row·col/N rounded twice (the 128-bit product to double, the division) and O − E from an exact
//    integer numerator rounded twice: (10 + K)·ε. The p-value: IncompleteGamma's 4ε (its tests' allowance; measured ≤ 2.4ε)
//    plus κ·δ_G, where κ = G·f(G)/p is the p-value's condition number in G (in the json, from mpmath) and δ_G the bound on
//    G: a p-value of 1e−300 at G ≈ 1386 has κ ≈ 690. ln p: absolute 4ε·|ln p| + κ·δ_G. A p-value below the double range is
//    checked by its log only (and must be below 1e−300). SciPy's statistic agrees to 1e−6 relative: it computes
//    Σ O·ln(O/E), which cancels for nearly independent tables (its 2×2 1e6 case is off by 5e−7 relative); the dof must
//    match exactly.
//
// Measured worst, as a fraction of the bound (printed to the test output; AVX-512, and the same with
// DOTNET_EnableAVX512=0 and DOTNET_EnableHWIntrinsic=0): see docs/toolkit.md, "Joint laws".
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.Reference;

namespace DivergenceGen.Tests.Divergences
{
    public sealed class JointReferenceTests
    {
        private const double Eps = 2.220446049250313e-16;
        private const double EpsSingle = 1.1920928955078125e-07;
        private const double SmallestNormal = 2.2250738585072014e-308;

        private readonly ITestOutputHelper _output;

        public JointReferenceTests(ITestOutputHelper output) => _output = output;

        private static readonly JsonElement Root = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Divergences", "joint_reference.json"))).RootElement;

        private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

        private static readonly string[] Normalizations = { "arithmetic", "geometric", "minimum", "maximum", "joint" };

        private static MutualInformationNormalization NormalizationOf(string name) => name switch
        {
            "arithmetic" => MutualInformationNormalization.Arithmetic,
            "geometric" => MutualInformationNormalization.Geometric,
            "minimum" => MutualInformationNormalization.Minimum,
            "maximum" => MutualInformationNormalization.Maximum,
            _ => MutualInformationNormalization.Joint,
        };

        /// <summary>Every measure of a type on a table (row-major, the type's shape), in double.</summary>
        private static Dictionary<string, double> Run<TDist, T>(double[] p)
            where TDist : IJointSurface<TDist, T>
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var d = TDist.FromProbabilities(To<T>(p));
            var values = new Dictionary<string, double>
            {
                ["joint_entropy"] = D(d.Entropy()),
                ["row_entropy"] = D(d.RowEntropy()),
                ["column_entropy"] = D(d.ColumnEntropy()),
                ["mi"] = D(d.MutualInformation()),
                ["rows_given_columns"] = D(d.ConditionalEntropyOfRowsGivenColumns()),
                ["columns_given_rows"] = D(d.ConditionalEntropyOfColumnsGivenRows()),
                ["vi"] = D(d.VariationOfInformation()),
            };
            foreach (var n in Normalizations)
            {
                values["nmi." + n] = D(d.NormalizedMutualInformation(NormalizationOf(n)));
            }

            return values;
        }

        private sealed record Runner(string Type, int Rows, int Columns, bool Single, Func<double[], Dictionary<string, double>> Run);

        private static readonly Runner[] Runners =
        {
            new("Joint2x2", 2, 2, false, Run<Joint2x2, double>),
            new("Joint2x3", 2, 3, false, Run<Joint2x3, double>),
            new("Joint3x2", 3, 2, false, Run<Joint3x2, double>),
            new("Joint3x4", 3, 4, false, Run<Joint3x4, double>),
            new("Joint4x3", 4, 3, false, Run<Joint4x3, double>),
            new("Joint4x5", 4, 5, false, Run<Joint4x5, double>),
            new("Joint4x5Class", 4, 5, false, Run<Joint4x5Class, double>),
            new("Joint5x4", 5, 4, false, Run<Joint5x4, double>),
            new("Joint3x4F", 3, 4, true, Run<Joint3x4F, float>),
            new("Joint4x3F", 4, 3, true, Run<Joint4x3F, float>),
            new("Joint1x5", 1, 5, false, Run<Joint1x5, double>),
            new("Joint5x1", 5, 1, false, Run<Joint5x1, double>),
            new("Joint20x25", 20, 25, false, Run<Joint20x25, double>),
            new("Joint25x20", 25, 20, false, Run<Joint25x20, double>),
        };

        private static double[] Transpose(double[] p, int rows, int columns)
        {
            var t = new double[p.Length];
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    t[(j * rows) + i] = p[(i * columns) + j];
                }
            }

            return t;
        }

        /// <summary>The bound of a value in units of ε (relative), from the header.</summary>
        private static double Units(string key, int rows, int columns)
        {
            int k = rows * columns;
            return key switch
            {
                "joint_entropy" => 4 + k,
                "row_entropy" or "column_entropy" => 4 + Math.Max(rows, columns),
                "mi" => 8 + k,
                "rows_given_columns" or "columns_given_rows" or "vi" => 6 + k,
                _ => (8 + k) + (4 + k) + 2, // NMI
            };
        }

        [Fact]
        public void TablesMatchTheReference()
        {
            var worst = new Dictionary<string, (double Ratio, string Where)>();
            int checkedValues = 0;
            foreach (var table in Root.GetProperty("tables").EnumerateArray())
            {
                string name = table.GetProperty("name").GetString()!;
                int rows = table.GetProperty("rows").GetInt32(), columns = table.GetProperty("cols").GetInt32();
                bool single = table.GetProperty("single").GetBoolean();
                double[] p = table.GetProperty("p").EnumerateArray().Select(e => Parse(e.GetString()!)).ToArray();
                var values = table.GetProperty("values");
                var expected = new Dictionary<string, double>();
                foreach (var property in values.EnumerateObject().Where(o => o.Name != "nmi"))
                {
                    expected[property.Name] = Parse(property.Value.GetString()!);
                }

                foreach (var n in Normalizations)
                {
                    expected["nmi." + n] = Parse(values.GetProperty("nmi").GetProperty(n).GetString()!);
                }

                int runs = 0;
                foreach (var runner in Runners.Where(r => r.Single == single))
                {
                    bool transposed;
                    if (runner.Rows == rows && runner.Columns == columns)
                    {
                        transposed = false;
                    }
                    else if (runner.Rows == columns && runner.Columns == rows)
                    {
                        transposed = true;
                    }
                    else
                    {
                        continue;
                    }

                    runs++;
                    var got = runner.Run(transposed ? Transpose(p, rows, columns) : p);
                    foreach (var (key, value) in got)
                    {
                        string from = !transposed ? key : key switch
                        {
                            "row_entropy" => "column_entropy",
                            "column_entropy" => "row_entropy",
                            "rows_given_columns" => "columns_given_rows",
                            "columns_given_rows" => "rows_given_columns",
                            _ => key,
                        };
                        double r = expected[from];
                        double bound = (Units(key, rows, columns) * Eps * Math.Abs(r)) + (single ? 2 * EpsSingle * Math.Abs(r) : 0) + SmallestNormal;
                        double error = Math.Abs(value - r);
                        string where = runner.Type + (transposed ? " (transposed)" : string.Empty) + ", " + name + ", " + key;
                        Assert.True(error <= bound, $"{where}: got {value:R}, reference {r:R}, |Δ| = {error:E3} > bound {bound:E3}");
                        Assert.True(value >= 0 && !double.IsNaN(value), $"{where}: {value}");
                        string group = (single ? "float " : "double ") + (key.StartsWith("nmi", StringComparison.Ordinal) ? "nmi" : key);
                        double ratio = error / bound;
                        if (!worst.TryGetValue(group, out var w) || ratio > w.Ratio)
                        {
                            worst[group] = (ratio, where);
                        }

                        checkedValues++;
                    }
                }

                Assert.True(runs > 0, name + ": no declared type of this shape");
            }

            _output.WriteLine($"{checkedValues} values checked; worst |Δ|/bound:");
            foreach (var (key, (ratio, where)) in worst.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                _output.WriteLine($"  {key,-20} {ratio:F3}  ({where})");
            }
        }

        private sealed record CountRunner(int Rows, int Columns, Func<long[], IndependenceTest> Long, Func<int[], IndependenceTest> Int);

        private static CountRunner Counts<TDist>()
            where TDist : IJointSurface<TDist, double> =>
            new(TDist.RowCount, TDist.ColumnCount, c => TDist.GTest(c), c => TDist.GTest(c));

        private static readonly CountRunner[] CountRunners =
        {
            Counts<Joint2x2>(), Counts<Joint2x3>(), Counts<Joint3x4>(), Counts<Joint4x5>(), Counts<Joint4x5Class>(),
            Counts<Joint1x5>(), Counts<Joint5x1>(), Counts<Joint20x25>(),
        };

        [Fact]
        public void GTestMatchesTheReference()
        {
            double worstG = 0, worstP = 0, worstLogP = 0;
            int tables = 0;
            foreach (var entry in Root.GetProperty("counts").EnumerateArray())
            {
                string name = entry.GetProperty("name").GetString()!;
                int rows = entry.GetProperty("rows").GetInt32(), columns = entry.GetProperty("cols").GetInt32();
                long[] counts = entry.GetProperty("counts").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                double g = Parse(entry.GetProperty("g").GetString()!);
                double p = Parse(entry.GetProperty("p_value").GetString()!);
                double logP = Parse(entry.GetProperty("log_p_value").GetString()!);
                double kappa = Parse(entry.GetProperty("p_condition").GetString()!);
                int dof = entry.GetProperty("dof").GetInt32();
                foreach (var runner in CountRunners.Where(r => r.Rows == rows && r.Columns == columns))
                {
                    tables++;
                    var test = runner.Long(counts);
                    if (counts.All(c => c <= int.MaxValue))
                    {
                        Assert.Equal(test, runner.Int(counts.Select(c => (int)c).ToArray()));
                    }

                    Assert.Equal(dof, test.DegreesOfFreedom);
                    double gBound = (10 + (rows * columns)) * Eps;
                    double gError = Math.Abs(test.Statistic - g);
                    Assert.True(gError <= (gBound * g) + SmallestNormal, $"{name}: G = {test.Statistic:R}, reference {g:R}, |Δ|/G = {gError / g:E3} > {gBound:E3}");
                    worstG = Math.Max(worstG, g == 0 ? 0 : gError / (gBound * g));

                    double logBound = (4 * Eps * Math.Abs(logP)) + (kappa * gBound) + SmallestNormal;
                    double logError = Math.Abs(test.LogPValue - logP);
                    Assert.True(logError <= logBound, $"{name}: ln p = {test.LogPValue:R}, reference {logP:R}, |Δ| = {logError:E3} > {logBound:E3}");
                    worstLogP = Math.Max(worstLogP, logError / logBound);
                    if (p >= SmallestNormal)
                    {
                        double pBound = ((4 * Eps) + (kappa * gBound)) * p;
                        double pError = Math.Abs(test.PValue - p);
                        Assert.True(pError <= pBound, $"{name}: p = {test.PValue:R}, reference {p:R}, |Δ|/p = {pError / p:E3} > {pBound / p:E3}");
                        worstP = Math.Max(worstP, pError / pBound);
                    }
                    else
                    {
                        Assert.True(test.PValue < 1e-300, $"{name}: p = {test.PValue:R} for a reference below the double range");
                    }

                    if (entry.TryGetProperty("scipy", out var scipy))
                    {
                        Assert.Equal(scipy.GetProperty("dof").GetInt32(), test.DegreesOfFreedom);
                        double scipyG = Parse(scipy.GetProperty("statistic").GetString()!);
                        Assert.True(Math.Abs(scipyG - test.Statistic) <= 1e-6 * g + 1e-300, $"{name}: SciPy's G {scipyG:R} vs {test.Statistic:R}");
                    }
                }
            }

            Assert.True(tables >= 17, "every count table ran");
            _output.WriteLine($"{tables} G-tests; worst |Δ|/bound: G {worstG:F3}, p-value {worstP:F3}, ln p {worstLogP:F3}");
        }
    }
}
