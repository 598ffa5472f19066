using System;
using System.Linq;
using Xunit;

namespace DivergenceGen.Tests.FiniteFamilies
{
    /// <summary>
    /// The batch <c>LogPmf(outcomes, destination)</c> and <c>Sample(random, destination)</c> of the vector-parameter types
    /// (Categorical and the types built on it: FiniteFamily, JointCategorical): element for element the scalar members.
    /// </summary>
    public sealed class BatchMemberTests
    {
        private static readonly int[] Outcomes = { 0, 5, 20, -1, 21, int.MaxValue, int.MinValue, 3, 3, 12 };

        [Fact]
        public void BatchLogPmfIsTheScalarLogPmfBitForBit()
        {
            var zipf = new Zipf21(1.1);
            var destination = new double[Outcomes.Length + 2];
            destination[^1] = 42;
            zipf.LogPmf(Outcomes, destination);
            for (int i = 0; i < Outcomes.Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(zipf.LogPmf(Outcomes[i])), BitConverter.DoubleToInt64Bits(destination[i]));
            }

            Assert.Equal(double.NegativeInfinity, destination[3]);
            Assert.Equal(42, destination[^1]); // nothing written past the outcomes

            var single = new Zipf21F(0.7f);
            var floats = new float[Outcomes.Length];
            single.LogPmf(Outcomes, floats);
            Assert.Equal(Outcomes.Select(k => single.LogPmf(k)), floats);

            var die = Cat6.FromProbabilities(new[] { 0.1, 0.2, 0.3, 0.0, 0.25, 0.15 });
            var dieOutcomes = new[] { 0, 3, 5, 6, -2 };
            var dieLogs = new double[dieOutcomes.Length];
            die.LogPmf(dieOutcomes, dieLogs);
            Assert.Equal(dieOutcomes.Select(k => die.LogPmf(k)), dieLogs);
        }

        [Fact]
        public void BatchLogPmfChecksItsArguments()
        {
            var e = Assert.Throws<ArgumentException>(() => new Zipf21(1).LogPmf(new[] { 1, 2, 3 }, new double[2]));
            Assert.Equal("destination", e.ParamName);
            Assert.Throws<InvalidOperationException>(() => default(Zipf21).LogPmf(new[] { 1 }, new double[1]));
            new Zipf21(1).LogPmf(ReadOnlySpan<int>.Empty, Span<double>.Empty);
        }

        [Fact]
        public void BatchSampleIsTheScalarSampleInSequence()
        {
            var zipf = new Zipf21(0.9);
            var batch = new int[500];
            zipf.Sample(new Random(7), batch);
            var random = new Random(7);
            Assert.Equal(Enumerable.Range(0, batch.Length).Select(_ => zipf.Sample(random)), batch);
            Assert.Throws<ArgumentNullException>(() => zipf.Sample(null!, batch));
        }
    }
}
