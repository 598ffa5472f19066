// Argument checks and edge cases of the joint laws (issue 17): the G-test's validation (wrong length, negative counts, an
// all-zero table, an all-zero row or column, an overflowing total: the exception's type, ParamName, and a message naming
// the index, row or column and value), the normalisation's check, default struct instances (every joint member throws
// InvalidOperationException, as DefaultInstanceTests require of the categorical members), the factories' checks on the
// R·C cells, and the documented limits (R = 1 or C = 1: ν = 0, G = 0, p = 1; NMI's 1 and 0 cases).
using System;
using System.Linq;
using Xunit;

namespace DivergenceGen.Tests.Divergences
{
    public sealed class JointValidationTests
    {
        private static void Throws<TException>(Action action, string paramName, params string[] inMessage)
            where TException : ArgumentException
        {
            var e = Assert.Throws<TException>(action);
            Assert.Equal(paramName, e.ParamName);
            foreach (var text in inMessage)
            {
                Assert.Contains(text, e.Message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void GTestRefusesAWrongLength()
        {
            Throws<ArgumentException>(() => Joint2x3.GTest(new long[5]), "counts", "5 elements", "2 × 3 = 6");
            Throws<ArgumentException>(() => Joint2x3.GTest(new int[7]), "counts", "7 elements");
            Throws<ArgumentException>(() => Joint4x5Class.GTest(ReadOnlySpan<long>.Empty), "counts", "0 elements", "4 × 5 = 20");
        }

        [Theory]
        [InlineData(0)]
        [InlineData(4)]
        [InlineData(5)]
        public void GTestRefusesANegativeCount(int index)
        {
            long[] counts = { 3, 1, 4, 1, 5, 9 };
            counts[index] = -2;
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Joint2x3.GTest(counts));
            Assert.Equal("counts", e.ParamName);
            Assert.Equal(-2L, e.ActualValue);
            Assert.Contains($"counts[{index}] = -2", e.Message, StringComparison.Ordinal);
            Assert.Contains($"row {index / 3}, column {index % 3}", e.Message, StringComparison.Ordinal);
            Throws<ArgumentOutOfRangeException>(() => Joint2x3.GTest(counts.Select(c => (int)c).ToArray()), "counts", $"counts[{index}] = -2");
        }

        [Fact]
        public void GTestRefusesAnAllZeroTable() =>
            Throws<ArgumentException>(() => Joint2x3.GTest(new long[6]), "counts", "Every count in counts is 0");

        [Fact]
        public void GTestRefusesAZeroRowOrColumn()
        {
            // Expected frequencies of 0 (scipy's chi2_contingency refuses them too).
            Throws<ArgumentException>(() => Joint2x3.GTest(new long[] { 0, 0, 0, 1, 2, 3 }), "counts", "Row 0 of counts sums to 0");
            Throws<ArgumentException>(() => Joint3x4.GTest(new long[] { 1, 2, 0, 3, 4, 5, 0, 6, 7, 8, 0, 9 }), "counts", "Column 2 of counts sums to 0");
            Throws<ArgumentException>(() => Joint1x5.GTest(new long[] { 1, 0, 2, 3, 4 }), "counts", "Column 1 of counts sums to 0");
        }

        [Fact]
        public void GTestRefusesAnOverflowingTotal() =>
            Throws<ArgumentException>(() => Joint2x2.GTest(new[] { long.MaxValue, 1, 1, 1 }), "counts", "long.MaxValue");

        [Fact]
        public void OneRowOrOneColumnHasNoDegreesOfFreedom()
        {
            Assert.Equal(new IndependenceTest(0, 0, 1, 0), Joint1x5.GTest(new long[] { 3, 1, 4, 1, 5 }));
            Assert.Equal(new IndependenceTest(0, 0, 1, 0), Joint5x1.GTest(new[] { 2, 7, 1, 8, 2 }));
        }

        [Fact]
        public void AnIndependentTableHasStatisticZeroAndPValueOne()
        {
            var test = Joint2x2.GTest(new long[] { 10, 20, 30, 60 });
            Assert.Equal(0, test.Statistic);
            Assert.Equal(1, test.DegreesOfFreedom);
            Assert.Equal(1, test.PValue);
            Assert.Equal(0, test.LogPValue);
        }

        [Fact]
        public void NormalizedMutualInformationRefusesAnUndefinedNormalization()
        {
            var d = Joint2x2.FromProbabilities(new[] { 0.1, 0.2, 0.3, 0.4 });
            Throws<ArgumentOutOfRangeException>(() => d.NormalizedMutualInformation((MutualInformationNormalization)5), "normalization", "normalization = 5");
            Throws<ArgumentOutOfRangeException>(() => d.NormalizedMutualInformation((MutualInformationNormalization)(-1)), "normalization");
        }

        [Fact]
        public void NormalizedMutualInformationLimits()
        {
            // Both variables constant (one cell): 1, whatever the normalisation (scikit-learn's convention).
            var oneHot = Joint3x4.FromProbabilities(Enumerable.Range(0, 12).Select(k => k == 5 ? 1.0 : 0.0).ToArray());
            // One variable constant (one row): I = 0, so 0.
            var oneRow = Joint3x4.FromProbabilities(new[] { 0, 0, 0, 0, 0.125, 0.25, 0.125, 0.5, 0, 0, 0, 0 }); // sums to 1 exactly
            // X = Y: I = H(X) = H(Y) = H(X, Y): 1 for every normalisation.
            var diagonal = Joint2x2.FromProbabilities(new[] { 0.5, 0, 0, 0.5 });
            foreach (var n in Enum.GetValues<MutualInformationNormalization>())
            {
                Assert.Equal(1, oneHot.NormalizedMutualInformation(n));
                Assert.Equal(0, oneRow.NormalizedMutualInformation(n));
                Assert.Equal(1, diagonal.NormalizedMutualInformation(n), 15);
            }

            Assert.Equal(0, oneHot.MutualInformation());
            Assert.Equal(0, oneHot.VariationOfInformation());
            Assert.Equal(0, oneRow.RowEntropy());
            Assert.Equal(0, Joint1x5.FromProbabilities(new[] { 0.125, 0.25, 0.125, 0.5, 0 }).MutualInformation()); // sums to 1 exactly
            // FromWeights stores cells that sum to S = 1 only within rounding; with one row, Σ bd0(p, S·p) = S(S − 1)²/2 + O((S − 1)³)
            // (~1e−33), the ε² level the docs state for I.
            Assert.InRange(Joint1x5.FromWeights(new[] { 1.0, 2, 3, 4, 5 }).MutualInformation(), 0, 1e-30);
        }

        [Fact]
        public void DefaultInstancesThrowFromEveryJointMember()
        {
            Joint2x3 d = default;
            Assert.True(d.IsDefault);
            var members = new (string Name, Action Call)[]
            {
                ("RowMarginal", () => _ = default(Joint2x3).RowMarginal.Length),
                ("ColumnMarginal", () => _ = default(Joint2x3).ColumnMarginal.Length),
                ("RowEntropy", () => default(Joint2x3).RowEntropy()),
                ("ColumnEntropy", () => default(Joint2x3).ColumnEntropy()),
                ("MutualInformation", () => default(Joint2x3).MutualInformation()),
                ("ConditionalEntropyOfRowsGivenColumns", () => default(Joint2x3).ConditionalEntropyOfRowsGivenColumns()),
                ("ConditionalEntropyOfColumnsGivenRows", () => default(Joint2x3).ConditionalEntropyOfColumnsGivenRows()),
                ("VariationOfInformation", () => default(Joint2x3).VariationOfInformation()),
                ("NormalizedMutualInformation", () => default(Joint2x3).NormalizedMutualInformation(MutualInformationNormalization.Arithmetic)),
                ("Entropy", () => default(Joint3x4F).Entropy()),
                ("MutualInformation (float)", () => default(Joint3x4F).MutualInformation()),
            };
            foreach (var (name, call) in members)
            {
                var e = Assert.Throws<InvalidOperationException>(call);
                Assert.True(e.Message.Contains("default", StringComparison.Ordinal), name + ": " + e.Message);
            }

            Assert.False(Joint2x3.FromWeights(new[] { 1.0, 1, 1, 1, 1, 1 }).IsDefault);
            Assert.False(Joint4x5Class.FromWeights(Enumerable.Repeat(1.0, 20).ToArray()).IsDefault);
        }

        [Fact]
        public void FactoriesCheckTheCells()
        {
            Throws<ArgumentException>(() => Joint2x3.FromProbabilities(new double[5]), "probabilities", "K = 6");
            Throws<ArgumentOutOfRangeException>(() => Joint2x3.FromProbabilities(new[] { 0.5, 0.5, 0, 0, -0.1, 0.1 }), "probabilities", "probabilities[4]");
            Throws<ArgumentOutOfRangeException>(() => Joint2x3.FromCounts(new long[] { 1, 2, 3, -4, 5, 6 }), "counts", "counts[3] = -4");
            Throws<ArgumentException>(() => Joint2x3.FromCounts(new long[6]), "counts");
            Assert.False(Joint2x3.TryFromWeights(new[] { 1.0, double.NaN, 1, 1, 1, 1 }, out _));
            Assert.True(Joint2x3.TryFromCounts(new[] { 1, 2, 3, 4, 5, 6 }, out var fromCounts));
            Assert.Equal(new[] { 6 / 21.0, 15 / 21.0 }, fromCounts.RowMarginal.ToArray(), (a, b) => Math.Abs(a - b) <= 2.3e-16 * b);
            Assert.Equal(new[] { 5 / 21.0, 7 / 21.0, 9 / 21.0 }, fromCounts.ColumnMarginal.ToArray(), (a, b) => Math.Abs(a - b) <= 2.3e-16 * b); // cells rounded once each, the sum once: ≤ ε
        }

        [Fact]
        public void GTestOfCountsIsTwiceNTimesTheMutualInformationOfTheirTable()
        {
            // The G-test's statistic and the mutual information of FromCounts are the same quantity: G = 2·N·I.
            long[] counts = { 12, 5, 7, 3, 14, 9 };
            double n = counts.Sum();
            var table = Joint2x3.FromCounts(counts);
            double g = Joint2x3.GTest(counts).Statistic;
            Assert.True(Math.Abs(g - (2 * n * table.MutualInformation())) <= 1e-14 * g, $"G = {g:R}, 2·N·I = {2 * n * table.MutualInformation():R}");
        }
        [Fact]
        public void TheReadmeExampleSaysWhatItPrints()
        {
            // README.md and docs/toolkit.md, "Joint laws" (the values are SciPy's chi2_contingency on the same table).
            var table = Joint2x3.FromCounts([12, 5, 7, 3, 14, 9]);
            double mi = table.MutualInformation();
            IndependenceTest g = Joint2x3.GTest([12L, 5, 7, 3, 14, 9]);
            Assert.StartsWith("0.103918", mi.ToString("R", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Equal(10.3919, g.Statistic, 4);
            Assert.Equal(2, g.DegreesOfFreedom);
            Assert.Equal(0.00554, g.PValue, 5);
            double nmi = table.NormalizedMutualInformation(MutualInformationNormalization.Arithmetic);
            Assert.Equal(2 * mi / (table.RowEntropy() + table.ColumnEntropy()), nmi, 15);
        }
    }
}
