using System;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// <see cref="ProbabilityVectors"/> and <see cref="VectorCheck"/> called directly: the sum tolerance to the bit, each
    /// check at its boundary and with its message, the fills against an independent computation, and the documented
    /// tie-breaks of <see cref="ProbabilityVectors.ArgMax{T}(ReadOnlySpan{T})"/> and
    /// <see cref="ProbabilityVectors.Sample{T}(ReadOnlySpan{T}, Random)"/> (driven by a scripted <see cref="Random"/>).
    /// Written against mutants that survived the validation tests (targeted Stryker run, docs/testing.md).
    /// </summary>
    public sealed class ProbabilityVectorsTests
    {
        [Fact]
        public void SumTolerance_IsMinOfFourUlpsPerClassAndSqrtEpsilon()
        {
            const double epsD = 1.0 / (1L << 52), epsF = 1.0 / (1 << 23);
            Assert.Equal(4 * epsD, ProbabilityVectors.SumTolerance<double>(1));
            Assert.Equal(1000 * 4 * epsD, ProbabilityVectors.SumTolerance<double>(1000));
            Assert.Equal(Math.Sqrt(epsD), ProbabilityVectors.SumTolerance<double>(FamilyLimits.MaxCategoricalClasses));
            Assert.Equal(2 * 4 * epsF, ProbabilityVectors.SumTolerance<float>(2));
            Assert.Equal(Math.Sqrt(epsF), ProbabilityVectors.SumTolerance<float>(1000));
        }

        [Fact]
        public void CheckProbabilities_AcceptsExactlyTheTolerance_RejectsOneUlpMore()
        {
            // K = 2: tolerance 2·4·2⁻⁵² = 2⁻⁴⁹; these sums are exact in double.
            double t = Math.ScaleB(1, -49);
            Assert.True(ProbabilityVectors.CheckProbabilities<double>(new[] { 0.5 + t, 0.5 }, 2, "p").IsValid);
            Assert.True(ProbabilityVectors.CheckProbabilities<double>(new[] { 0.5 - (t / 2), 0.5 - (t / 2) }, 2, "p").IsValid);
            var over = ProbabilityVectors.CheckProbabilities<double>(new[] { 0.5 + t + Math.ScaleB(1, -52), 0.5 }, 2, "p");
            Assert.False(over.IsValid);
            var e = Assert.Throws<ArgumentException>(over.ThrowIfInvalid);
            Assert.Equal("p", e.ParamName);
            Assert.Contains("1.000000000000002", e.Message, StringComparison.Ordinal); // 1 + 9·2⁻⁵², round-trip formatted
            Assert.Contains(t.ToString("R", System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
            Assert.False(ProbabilityVectors.CheckProbabilities<double>(new[] { 0.5 - (t / 2) - Math.ScaleB(1, -53), 0.5 - (t / 2) }, 2, "p").IsValid);
        }

        [Fact]
        public void CheckProbabilities_ElementProblems_NameIndexAndValue()
        {
            var length = ProbabilityVectors.CheckProbabilities<double>(new[] { 1.0 }, 2, "p");
            var e = Assert.Throws<ArgumentException>(length.ThrowIfInvalid);
            Assert.Equal("p", e.ParamName);
            Assert.Contains("p has 1 elements but this distribution has K = 2", e.Message, StringComparison.Ordinal);

            var nan = Assert.Throws<ArgumentOutOfRangeException>(ProbabilityVectors.CheckProbabilities<double>(new[] { 0.5, double.NaN, -1.0 }, 3, "p").ThrowIfInvalid);
            Assert.Contains("p[1] = NaN is not a finite number", nan.Message, StringComparison.Ordinal);
            var negative = Assert.Throws<ArgumentOutOfRangeException>(ProbabilityVectors.CheckProbabilities<float>(new[] { 0.5f, 0.75f, -0.25f }, 3, "q").ThrowIfInvalid);
            Assert.Equal("q", negative.ParamName);
            Assert.Contains("q[2] = -0.25 is negative", negative.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void CheckWeights_NeedsAPositiveTotalFiniteInT()
        {
            Assert.True(ProbabilityVectors.CheckWeights<double>(new[] { 0.0, double.Epsilon }, 2, "w").IsValid);
            var zero = ProbabilityVectors.CheckWeights<double>(new[] { 0.0, -0.0 }, 2, "w");
            var e = Assert.Throws<ArgumentException>(zero.ThrowIfInvalid);
            Assert.Equal("w", e.ParamName);
            Assert.Contains("sum to 0: the total must be positive and finite", e.Message, StringComparison.Ordinal);

            // Two float weights of 3e38 sum to 6e38: finite in double, +∞ as a float.
            Assert.True(ProbabilityVectors.CheckWeights<double>(new[] { 3e38, 3e38 }, 2, "w").IsValid);
            Assert.False(ProbabilityVectors.CheckWeights<float>(new[] { 3e38f, 3e38f }, 2, "w").IsValid);
            Assert.False(ProbabilityVectors.CheckWeights<double>(new[] { double.MaxValue, double.MaxValue }, 2, "w").IsValid);
        }

        [Fact]
        public void CheckLogits_RejectsNaNAndPlusInfinity_AndAllMinusInfinity()
        {
            Assert.True(ProbabilityVectors.CheckLogits<double>(new[] { double.NegativeInfinity, -1e300, double.NegativeInfinity }, 3, "logits").IsValid);
            Assert.True(ProbabilityVectors.CheckLogits<double>(new[] { 0.0, double.NegativeInfinity }, 2, "logits").IsValid);
            Assert.True(ProbabilityVectors.CheckLogits<double>(new[] { 0.0, -3.0 }, 2, "logits").IsValid); // an even number of finite logits

            var e = Assert.Throws<ArgumentException>(ProbabilityVectors.CheckLogits<double>(new[] { 0.0 }, 2, "logits").ThrowIfInvalid);
            Assert.Contains("K = 2", e.Message, StringComparison.Ordinal);

            foreach (double bad in new[] { double.NaN, double.PositiveInfinity })
            {
                var r = Assert.Throws<ArgumentOutOfRangeException>(ProbabilityVectors.CheckLogits<double>(new[] { 0.0, 1.0, bad, double.NaN }, 4, "logits").ThrowIfInvalid);
                Assert.Equal("logits", r.ParamName);
                Assert.Contains("logits[2]", r.Message, StringComparison.Ordinal);
            }

            var all = Assert.Throws<ArgumentException>(ProbabilityVectors.CheckLogits<float>(new[] { float.NegativeInfinity, float.NegativeInfinity }, 2, "logits").ThrowIfInvalid);
            Assert.Equal("logits", all.ParamName);
            Assert.Contains("Every element of logits is −∞", all.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void CheckCounts_PseudocountThenCountsThenTotal()
        {
            Assert.True(ProbabilityVectors.CheckCounts(new long[] { 0, 0, 1 }, 0.0, 3, "counts", "pseudocount").IsValid);
            Assert.True(ProbabilityVectors.CheckCounts(new long[] { 0, 0, 0 }, double.Epsilon, 3, "counts", "pseudocount").IsValid);

            Assert.Contains("K = 3", Assert.Throws<ArgumentException>(ProbabilityVectors.CheckCounts(new long[] { 1, 1 }, 0.5, 3, "counts", "pseudocount").ThrowIfInvalid).Message, StringComparison.Ordinal);

            foreach (double bad in new[] { -0.5, double.NaN, double.PositiveInfinity })
            {
                var p = Assert.Throws<ArgumentOutOfRangeException>(ProbabilityVectors.CheckCounts(new long[] { -1, 1, 1 }, bad, 3, "counts", "pseudocount").ThrowIfInvalid);
                Assert.Equal("pseudocount", p.ParamName);
                Assert.Contains("must be finite and non-negative", p.Message, StringComparison.Ordinal);
            }

            var negative = Assert.Throws<ArgumentOutOfRangeException>(ProbabilityVectors.CheckCounts(new long[] { 4, 0, -2, -5 }, 0.5f, 4, "counts", "pseudocount").ThrowIfInvalid);
            Assert.Equal("counts", negative.ParamName);
            Assert.Contains("counts[2] = -2 is negative", negative.Message, StringComparison.Ordinal);

            var zero = Assert.Throws<ArgumentException>(ProbabilityVectors.CheckCounts(new long[] { 0, 0, 0 }, 0.0, 3, "counts", "pseudocount").ThrowIfInvalid);
            Assert.Equal("counts", zero.ParamName);
            Assert.Contains("sum to 0", zero.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void ValidCheck_DoesNotThrow()
        {
            Assert.True(VectorCheck.Valid.IsValid);
            VectorCheck.Valid.ThrowIfInvalid();
        }

        [Fact]
        public void Fills_AgreeWithTheirFormulas()
        {
            var p = new double[4];
            var logP = new double[4];

            ProbabilityVectors.FillFromWeights<double>(new[] { 1.0, 0.0, 3.0, 4.0 }, p, logP);
            Assert.Equal(new[] { 0.125, 0.0, 0.375, 0.5 }, p);
            Assert.Equal(new[] { Math.Log(0.125), double.NegativeInfinity, Math.Log(0.375), Math.Log(0.5) }, logP, new Close(1e-15));

            // Logits offset by 1e4 (the max is subtracted first): softmax of (0, ln 2, ln 5, −∞) is (⅛, ¼, ⅝, 0).
            ProbabilityVectors.FillFromLogits<double>(new[] { 1e4, 1e4 + Math.Log(2), 1e4 + Math.Log(5), double.NegativeInfinity }, p, logP);
            Assert.Equal(new[] { 0.125, 0.25, 0.625, 0.0 }, p, new Close(1e-12));
            Assert.Equal(new[] { Math.Log(0.125), Math.Log(0.25), Math.Log(0.625), double.NegativeInfinity }, logP, new Close(1e-12));

            // Counts (3, 0, 1, 4) with pseudocount ½: (3.5, 0.5, 1.5, 4.5) / 10.
            ProbabilityVectors.FillFromCounts(new long[] { 3, 0, 1, 4 }, 0.5, p, logP);
            Assert.Equal(new[] { 0.35, 0.05, 0.15, 0.45 }, p, new Close(1e-15));
            Assert.Equal(new[] { Math.Log(0.35), Math.Log(0.05), Math.Log(0.15), Math.Log(0.45) }, logP, new Close(1e-15));

            ProbabilityVectors.FillFromProbabilities<double>(new[] { 0.25, 0.0, 0.25, 0.5 }, p, logP);
            Assert.Equal(new[] { 0.25, 0.0, 0.25, 0.5 }, p);
            Assert.Equal(new[] { Math.Log(0.25), double.NegativeInfinity, Math.Log(0.25), Math.Log(0.5) }, logP);
        }

        [Fact]
        public void CountOutcomes_AndLogLikelihood_OutsideTheSupport()
        {
            var counts = new long[3];
            ProbabilityVectors.CountOutcomes(new[] { 0, 2, 2, 1, 2 }, counts, "outcomes");
            Assert.Equal(new long[] { 1, 1, 3 }, counts);

            foreach (int bad in new[] { -1, 3 })
            {
                var e = Assert.Throws<ArgumentOutOfRangeException>(() => ProbabilityVectors.CountOutcomes(new[] { 0, 1, bad, 7 }, new long[3], "outcomes"));
                Assert.Equal("outcomes", e.ParamName);
                Assert.Contains($"outcomes[2] = {bad} is outside the support 0 … 2", e.Message, StringComparison.Ordinal);
            }

            double[] logP = { Math.Log(0.5), Math.Log(0.25), Math.Log(0.25) };
            Assert.Equal(Math.Log(0.5) + (2 * Math.Log(0.25)), ProbabilityVectors.LogLikelihood<double>(logP, new[] { 2, 0, 1 }), 15);
            Assert.Equal(double.NegativeInfinity, ProbabilityVectors.LogLikelihood<double>(logP, new[] { 0, 3, 1 }));
            Assert.Equal(double.NegativeInfinity, ProbabilityVectors.LogLikelihood<double>(logP, new[] { -1 }));
            Assert.Equal(0.0, ProbabilityVectors.LogLikelihood<double>(logP, ReadOnlySpan<int>.Empty));
        }

        [Fact]
        public void ArgMax_SmallestIndexAmongTies()
        {
            Assert.Equal(0, ProbabilityVectors.ArgMax<double>(new[] { 0.4 }));
            Assert.Equal(0, ProbabilityVectors.ArgMax<double>(new[] { 0.4, 0.3, 0.3 }));
            Assert.Equal(1, ProbabilityVectors.ArgMax<double>(new[] { 0.2, 0.4, 0.4 }));
            Assert.Equal(3, ProbabilityVectors.ArgMax<float>(new[] { 0.1f, 0.2f, 0.3f, 0.4f }));
        }

        [Fact]
        public void Sample_InvertsTheCdf_AndNeverReturnsAZeroProbabilityOutcome()
        {
            double[] p = { 0.0, 0.25, 0.0, 0.5, 0.25, 0.0 };
            Assert.Equal(1, ProbabilityVectors.Sample<double>(p, new Scripted(0.0)));
            Assert.Equal(1, ProbabilityVectors.Sample<double>(p, new Scripted(Math.BitDecrement(0.25))));
            Assert.Equal(3, ProbabilityVectors.Sample<double>(p, new Scripted(0.25)));
            Assert.Equal(4, ProbabilityVectors.Sample<double>(p, new Scripted(0.75)));
            Assert.Equal(4, ProbabilityVectors.Sample<double>(p, new Scripted(Math.BitDecrement(1.0))));

            // Probabilities summing below 1 by rounding: u in the gap gives the last outcome of positive probability.
            double[] short3 = { 0.3, 0.3, 0.3, 0.0 };
            Assert.Equal(2, ProbabilityVectors.Sample<double>(short3, new Scripted(0.95)));
            Assert.Throws<ArgumentNullException>(() => ProbabilityVectors.Sample<double>(p, null!));
        }

        private sealed class Scripted(double u) : Random
        {
            public override double NextDouble() => u;
        }

        private sealed class Close(double relative) : System.Collections.Generic.IEqualityComparer<double>
        {
            public bool Equals(double x, double y) =>
                x.Equals(y) || Math.Abs(x - y) <= relative * Math.Max(Math.Abs(x), Math.Abs(y));

            public int GetHashCode(double obj) => 0;
        }
    }
}
