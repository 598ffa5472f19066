using System;
using System.Linq;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// <see cref="Guard"/> called directly: the domain predicates at their exact boundaries, and
    /// <see cref="Guard.ThrowIfAnyNotProbability{T}(ReadOnlySpan{T}, string)"/> with the offender at every position of
    /// every length up to 3 vectors and a tail (the vectorised scan, its tail loop and the rescan that names the first
    /// offender). Written against mutants that survived the validation tests (docs/testing.md): the generated-code tests put
    /// the offender at index 3 of 9, inside the first vector, so the tail loop's throw and the boundaries were never seen.
    /// </summary>
    /// <remarks>
    /// The vector scan runs where <c>Vector256.IsHardwareAccelerated</c> (AVX2 and up); under <c>DOTNET_EnableAVX2=0</c>
    /// only the scalar loop runs, and these tests check that it gives the same answers.
    /// </remarks>
    public sealed class GuardTests
    {
        public static TheoryData<double> NotProbabilities => new()
        {
            -0.25, 1.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -double.Epsilon, Math.BitIncrement(1.0),
        };

        [Theory]
        [MemberData(nameof(NotProbabilities))]
        public void ThrowIfAnyNotProbability_NamesTheFirstOffender_AtEveryPositionAndLength_Double(double bad)
        {
            for (int length = 1; length <= 19; length++)
            {
                for (int index = 0; index < length; index++)
                {
                    double[] values = Enumerable.Range(0, length).Select(i => (i % 3) * 0.5).ToArray(); // 0, ½, 1: the boundaries are valid
                    values[index] = bad;
                    if (index + 2 < length)
                    {
                        values[index + 2] = -1.0; // a later offender must not be the one named
                    }

                    var e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfAnyNotProbability<double>(values, "p"));
                    Assert.Equal("p", e.ParamName);
                    Assert.Contains($"p[{index}]", e.Message, StringComparison.Ordinal);
                }
            }
        }

        [Theory]
        [MemberData(nameof(NotProbabilities))]
        public void ThrowIfAnyNotProbability_NamesTheFirstOffender_AtEveryPositionAndLength_Single(double bad)
        {
            float badF = bad == Math.BitIncrement(1.0) ? MathF.BitIncrement(1f) : (float)bad;
            badF = bad == -double.Epsilon ? -float.Epsilon : badF;
            for (int length = 1; length <= 35; length++)
            {
                for (int index = 0; index < length; index++)
                {
                    float[] values = Enumerable.Range(0, length).Select(i => (i % 3) * 0.5f).ToArray();
                    values[index] = badF;
                    if (index + 2 < length)
                    {
                        values[index + 2] = -1f;
                    }

                    var e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfAnyNotProbability<float>(values, "q"));
                    Assert.Equal("q", e.ParamName);
                    Assert.Contains($"q[{index}]", e.Message, StringComparison.Ordinal);
                }
            }
        }

        [Fact]
        public void ThrowIfAnyNotProbability_CatchesOffendersInTheSameLaneOfTwoVectors_AndVectorsWithNoValidLane()
        {
            // Offenders 4 (double) / 8 (float) elements apart sit in the same lane of consecutive vectors: the accumulated
            // mask must keep the lane set (an exclusive or would clear it). And a span with no valid element at all must be
            // rejected (a mask of the valid lanes, instead of the invalid ones, would be all zero there).
            double[] d = { -1.0, 0.5, 0.5, 0.5, 2.0, 0.5, 0.5, 0.5, 0.5 };
            Assert.Contains("p[0]", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfAnyNotProbability<double>(d, "p")).Message, StringComparison.Ordinal);
            float[] f = new float[17];
            f[1] = float.NaN;
            f[9] = -1f;
            Assert.Contains("p[1]", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfAnyNotProbability<float>(f, "p")).Message, StringComparison.Ordinal);

            foreach (int length in new[] { 4, 8, 9, 16 })
            {
                double[] allBad = Enumerable.Repeat(double.NaN, length).ToArray();
                Assert.Contains("p[0]", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfAnyNotProbability<double>(allBad, "p")).Message, StringComparison.Ordinal);
                float[] allBadF = Enumerable.Repeat(-1f, 2 * length).ToArray();
                Assert.Contains("p[0]", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfAnyNotProbability<float>(allBadF, "p")).Message, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void ThrowIfAnyNotProbability_AcceptsEveryValidSpan()
        {
            for (int length = 0; length <= 35; length++)
            {
                double[] d = Enumerable.Range(0, length).Select(i => new[] { 0.0, -0.0, 1.0, 0.5, double.Epsilon }[i % 5]).ToArray();
                float[] f = d.Select(v => (float)v).ToArray();
                Guard.ThrowIfAnyNotProbability<double>(d, "p");
                Guard.ThrowIfAnyNotProbability<float>(f, "p");
            }
        }

        [Fact]
        public void Predicates_AtTheirBoundaries()
        {
            double below0 = -double.Epsilon, above1 = Math.BitIncrement(1.0);

            Assert.True(Guard.IsProbability(0.0));
            Assert.True(Guard.IsProbability(-0.0));
            Assert.True(Guard.IsProbability(1.0));
            Assert.False(Guard.IsProbability(below0));
            Assert.False(Guard.IsProbability(above1));
            Assert.False(Guard.IsProbability(double.NaN));

            Assert.False(Guard.IsPositiveProbability(0.0));
            Assert.True(Guard.IsPositiveProbability(double.Epsilon));
            Assert.True(Guard.IsPositiveProbability(1.0));
            Assert.False(Guard.IsPositiveProbability(above1));
            Assert.False(Guard.IsPositiveProbability(double.NaN));

            Assert.True(Guard.IsNonNegativeFinite(0.0));
            Assert.True(Guard.IsNonNegativeFinite(double.MaxValue));
            Assert.False(Guard.IsNonNegativeFinite(below0));
            Assert.False(Guard.IsNonNegativeFinite(double.PositiveInfinity));
            Assert.False(Guard.IsNonNegativeFinite(double.NaN));

            Assert.True(Guard.IsNonNegative(0.0));
            Assert.True(Guard.IsNonNegative(-0.0));
            Assert.True(Guard.IsNonNegative(double.PositiveInfinity));
            Assert.False(Guard.IsNonNegative(below0));
            Assert.False(Guard.IsNonNegative(double.NegativeInfinity));
            Assert.False(Guard.IsNonNegative(double.NaN));

            Assert.False(Guard.IsPositiveFinite(0.0));
            Assert.True(Guard.IsPositiveFinite(double.Epsilon));
            Assert.True(Guard.IsPositiveFinite(double.MaxValue));
            Assert.False(Guard.IsPositiveFinite(double.PositiveInfinity));
            Assert.False(Guard.IsPositiveFinite(double.NaN));

            Assert.True(Guard.IsProbability(1f));
            Assert.False(Guard.IsProbability(MathF.BitIncrement(1f)));
            Assert.False(Guard.IsPositiveProbability(0f));
            Assert.True(Guard.IsPositiveFinite(float.MaxValue));
            Assert.False(Guard.IsPositiveFinite(float.PositiveInfinity));
        }

        [Fact]
        public void ScalarThrows_NameParameterAndValue()
        {
            Guard.ThrowIfNotProbability(1.0, "p");
            Guard.ThrowIfNotPositiveProbability(1.0, "p");
            Guard.ThrowIfNotNonNegativeFinite(0.0, "rate");
            Guard.ThrowIfNotPositiveFinite(double.Epsilon, "r");
            Guard.ThrowIfNotNonNegative(double.PositiveInfinity, "x");

            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfNotProbability(1.25, "p"));
            Assert.Equal("p", e.ParamName);
            Assert.Contains("1.25", e.Message, StringComparison.Ordinal);
            Assert.Contains("must be a probability in [0, 1]", e.Message, StringComparison.Ordinal);

            e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfNotPositiveProbability(0.0, "p"));
            Assert.Equal("p", e.ParamName);
            Assert.Contains("(0, 1]", e.Message, StringComparison.Ordinal);

            e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfNotNonNegativeFinite(-2.5, "rate"));
            Assert.Equal("rate", e.ParamName);
            Assert.Contains("-2.5", e.Message, StringComparison.Ordinal);
            Assert.Contains("must be finite and ≥ 0", e.Message, StringComparison.Ordinal);

            e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfNotPositiveFinite(0.0, "r"));
            Assert.Equal("r", e.ParamName);
            Assert.Contains("> 0", e.Message, StringComparison.Ordinal);

            e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowIfNotNonNegative(double.NaN, "x"));
            Assert.Equal("x", e.ParamName);
            Assert.Contains("x must be ≥ 0 (+∞ allowed), but was NaN.", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void LengthAndDrawChecks_AtTheirBoundaries()
        {
            Guard.ThrowIfDestinationTooShort(5, 5);
            var e = Assert.Throws<ArgumentException>(() => Guard.ThrowIfDestinationTooShort(5, 4));
            Assert.Equal("destination", e.ParamName);
            Assert.Contains("4 elements but 5", e.Message, StringComparison.Ordinal);

            Guard.ThrowIfLengthsDiffer(3, 3);
            e = Assert.Throws<ArgumentException>(() => Guard.ThrowIfLengthsDiffer(3, 4));
            Assert.Equal("q", e.ParamName);
            Assert.Contains("q has 4 elements but p has 3", e.Message, StringComparison.Ordinal);

            Guard.ThrowIfLengthIsNot(6, 6, "p");
            e = Assert.Throws<ArgumentException>(() => Guard.ThrowIfLengthIsNot(5, 6, "p"));
            Assert.Equal("p", e.ParamName);
            Assert.Contains("K = 6", e.Message, StringComparison.Ordinal);

            Guard.ThrowIfEmpty(1, "outcomes");
            e = Assert.Throws<ArgumentException>(() => Guard.ThrowIfEmpty(0, "outcomes"));
            Assert.Equal("outcomes", e.ParamName);
            Assert.Contains("outcomes is empty", e.Message, StringComparison.Ordinal);

            Assert.Equal(int.MaxValue, Guard.DrawToInt32(int.MaxValue));
            Assert.Equal(0, Guard.DrawToInt32(0));
            var overflow = Assert.Throws<OverflowException>(() => Guard.DrawToInt32(int.MaxValue + 1L));
            Assert.Contains("2147483648", overflow.Message, StringComparison.Ordinal);

            var range = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.ThrowNegativeOutcome(2, -7, "k"));
            Assert.Equal("k", range.ParamName);
            Assert.Contains("k[2] = -7", range.Message, StringComparison.Ordinal);
            Assert.Contains("outside the support {0, 1, 2, …}", range.Message, StringComparison.Ordinal);
        }
    }
}
