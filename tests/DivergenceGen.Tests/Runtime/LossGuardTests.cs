using System;
using System.Linq;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// <see cref="LossGuard"/> called directly: each check at its boundary (the largest valid input passes, the smallest
    /// invalid one throws), and the message naming the row and class of an offending soft target (j / K and j mod K).
    /// Written against mutants that survived the validation tests (targeted Stryker run, docs/testing.md).
    /// </summary>
    public sealed class LossGuardTests
    {
        [Fact]
        public void InputLength_MustBeRowsTimesClasses()
        {
            LossGuard.ThrowIfInputLengthIsNot(12, 4, 3, "logits");
            LossGuard.ThrowIfInputLengthIsNot(0, 0, 3, "logits");
            var e = Assert.Throws<ArgumentException>(() => LossGuard.ThrowIfInputLengthIsNot(11, 4, 3, "logits"));
            Assert.Equal("logits", e.ParamName);
            Assert.StartsWith("logits has 11 elements but targets has 4", e.Message, StringComparison.Ordinal);
            Assert.Contains("4 × 3 = 12", e.Message, StringComparison.Ordinal);

            // The input's name is the caller's: the message and the parameter name both carry it.
            e = Assert.Throws<ArgumentException>(() => LossGuard.ThrowIfInputLengthIsNot(5, 2, 3, "logProbabilities"));
            Assert.Equal("logProbabilities", e.ParamName);
            Assert.StartsWith("logProbabilities has 5 elements", e.Message, StringComparison.Ordinal);

            // N·K above int.MaxValue is computed in long: 65536 × 65536 does not wrap to 0.
            e = Assert.Throws<ArgumentException>(() => LossGuard.ThrowIfInputLengthIsNot(0, 65536, 65536, "logits"));
            Assert.Contains("4294967296", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void RowLengths_MustBeAMultipleOfKAndMatchTheInput()
        {
            LossGuard.ThrowIfRowLengthsInvalid(12, 12, 3, "logits", "targetProbabilities");
            LossGuard.ThrowIfRowLengthsInvalid(0, 0, 3, "logits", "targetProbabilities");

            var e = Assert.Throws<ArgumentException>(() => LossGuard.ThrowIfRowLengthsInvalid(13, 13, 3, "logits", "targetProbabilities"));
            Assert.Equal("targetProbabilities", e.ParamName);
            Assert.StartsWith("targetProbabilities has 13 elements", e.Message, StringComparison.Ordinal);

            e = Assert.Throws<ArgumentException>(() => LossGuard.ThrowIfRowLengthsInvalid(15, 12, 3, "logits", "targetProbabilities"));
            Assert.Equal("logits", e.ParamName);
            Assert.Contains("N × K = 4 × 3", e.Message, StringComparison.Ordinal);

            // The names are the caller's: a distillation loss's inputs.
            e = Assert.Throws<ArgumentException>(() => LossGuard.ThrowIfRowLengthsInvalid(6, 9, 3, "studentLogits", "teacherLogits"));
            Assert.Equal("studentLogits", e.ParamName);
            Assert.StartsWith("studentLogits has 6 elements but teacherLogits has 9", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void TeacherLogits_MustBeFinite_AtEveryIndex()
        {
            LossGuard.ThrowIfTeacherLogitsInvalid<double>(new[] { -1e308, 0.0, 1e308, -0.0 }, 2);
            foreach (int index in new[] { 0, 3, 8 })
            {
                foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                {
                    var t = new double[9];
                    t[index] = bad;
                    var e = Assert.Throws<ArgumentOutOfRangeException>(() => LossGuard.ThrowIfTeacherLogitsInvalid<double>(t, 3));
                    Assert.Equal("teacherLogits", e.ParamName);
                    Assert.Contains($"teacherLogits[{index}] (row {index / 3}, class {index % 3}) = ", e.Message, StringComparison.Ordinal);
                }
            }

            var f = new float[] { 1, float.NaN };
            Assert.Equal("teacherLogits", Assert.Throws<ArgumentOutOfRangeException>(() => LossGuard.ThrowIfTeacherLogitsInvalid<float>(f, 2)).ParamName);
        }

        [Fact]
        public void TeacherLogProbabilities_MustBeAtMostZeroAndNotNaN_AtEveryIndex()
        {
            LossGuard.ThrowIfTeacherLogProbabilitiesInvalid<double>(new[] { 0.0, -0.0, double.NegativeInfinity, -1e-300, -700 }, 5);
            foreach (int index in new[] { 0, 4, 8 })
            {
                foreach (double bad in new[] { double.NaN, double.Epsilon, 1.0, double.PositiveInfinity })
                {
                    var t = Enumerable.Repeat(-1.0, 9).ToArray();
                    t[index] = bad;
                    var e = Assert.Throws<ArgumentOutOfRangeException>(() => LossGuard.ThrowIfTeacherLogProbabilitiesInvalid<double>(t, 3));
                    Assert.Equal("teacherLogProbabilities", e.ParamName);
                    Assert.Contains($"teacherLogProbabilities[{index}] (row {index / 3}, class {index % 3}) = ", e.Message, StringComparison.Ordinal);
                }
            }
        }

        [Fact]
        public void Destination_MayBeLongerNotShorter()
        {
            LossGuard.ThrowIfDestinationTooShort(4, 4, "losses");
            LossGuard.ThrowIfDestinationTooShort(4, 5, "losses");
            var e = Assert.Throws<ArgumentException>(() => LossGuard.ThrowIfDestinationTooShort(4, 3, "losses"));
            Assert.Equal("losses", e.ParamName);
            Assert.Contains("3 elements but 4", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ClassWeights_LengthK_FiniteAndNonNegative()
        {
            LossGuard.ThrowIfClassWeightsInvalid<double>(new[] { 0.0, -0.0, 2.5, double.MaxValue }, 4);
            LossGuard.ThrowIfClassWeightsInvalid<float>(new[] { 0f, 1f, float.MaxValue }, 3);

            var e = Assert.Throws<ArgumentException>(() => LossGuard.ThrowIfClassWeightsInvalid<double>(new[] { 1.0, 1.0 }, 3));
            Assert.Equal("classWeights", e.ParamName);
            Assert.Contains("K = 3", e.Message, StringComparison.Ordinal);

            foreach (double bad in new[] { -double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                for (int index = 0; index < 4; index++)
                {
                    double[] w = { 1.0, 1.0, 1.0, 1.0 };
                    w[index] = bad;
                    var r = Assert.Throws<ArgumentOutOfRangeException>(() => LossGuard.ThrowIfClassWeightsInvalid<double>(w, 4));
                    Assert.Equal("classWeights", r.ParamName);
                    Assert.Contains($"classWeights[{index}]", r.Message, StringComparison.Ordinal);
                }
            }
        }

        [Fact]
        public void TargetProbabilities_FiniteAndNonNegative_MessageNamesRowAndClass()
        {
            LossGuard.ThrowIfTargetProbabilitiesInvalid<double>(new[] { 0.0, -0.0, 1.0, 3.5, double.MaxValue, 0.25 }, 3);

            foreach (double bad in new[] { -double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                double[] t = { 0.2, 0.3, 0.5, 0.1, 0.1, 0.8, 0.0, 1.0, 0.0 };
                t[5] = bad;
                t[7] = -1.0; // a later offender is not the one named
                var e = Assert.Throws<ArgumentOutOfRangeException>(() => LossGuard.ThrowIfTargetProbabilitiesInvalid<double>(t, 3));
                Assert.Equal("targetProbabilities", e.ParamName);
                Assert.Contains("targetProbabilities[5] (row 1, class 2)", e.Message, StringComparison.Ordinal);
            }

            float[] f = { 0.5f, 0.5f, -0.5f, 0.5f };
            var ef = Assert.Throws<ArgumentOutOfRangeException>(() => LossGuard.ThrowIfTargetProbabilitiesInvalid<float>(f, 2));
            Assert.Contains("targetProbabilities[2] (row 1, class 0)", ef.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void TargetOutOfRange_NamesRowValueClassesAndIgnoreIndex()
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => LossGuard.ThrowTargetOutOfRange(3, 7, 5, -100));
            Assert.Equal("targets", e.ParamName);
            Assert.Contains("targets[3] = 7", e.Message, StringComparison.Ordinal);
            Assert.Contains("[0, 5)", e.Message, StringComparison.Ordinal);
            Assert.Contains("-100", e.Message, StringComparison.Ordinal);
        }
    }
}
