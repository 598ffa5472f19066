// InformationUnits against 50-digit values: mpmath 1.2.1 at mp.dps = 50, each input taken as the double the literal
// rounds to (mpf(float(x))), the exact product or exponential rounded once to double. Computed with:
//   python3 -c "from mpmath import mp, mpf, log, exp; mp.dps = 50
//   for x in ['0.1', '2.302585092994046', '1e-300', '7.5', '123456.789', '0.6931471805599453']:
//       v = mpf(float(x)); print(x, repr(float(v / log(2))), repr(float(v * log(2))), repr(float(exp(v))))"
using System;
using Xunit;

namespace DivergenceGen.Tests
{
    public sealed class InformationUnitsTests
    {
        [Theory]
        [InlineData(0.1, 0.14426950408889636, 0.06931471805599454, 1.1051709180756477)]
        [InlineData(2.302585092994046, 3.3219280948873626, 1.5960303652081824, 10.000000000000002)]
        [InlineData(1e-300, 1.4426950408889634e-300, 6.931471805599453e-301, 1.0)]
        [InlineData(7.5, 10.820212806667225, 5.19860385419959, 1808.0424144560632)]
        [InlineData(123456.789, 178110.49725437514, 85573.72521633407, double.PositiveInfinity)]
        [InlineData(0.6931471805599453, 1.0, 0.4804530139182014, 2.0)]
        public void Conversions_AreTheExactValueRoundedOnce(double x, double bits, double nats, double perplexity)
        {
            // The conversions carry log₂ e and ln 2 in two parts and add them with one fused multiply-add: the correctly
            // rounded result, so equality. (A plain x / Math.Log(2) is off by one ulp at x = 0.1, 2.30…, and 0.69….)
            Assert.Equal(bits, InformationUnits.NatsToBits(x));
            Assert.Equal(nats, InformationUnits.BitsToNats(x));
            Assert.Equal(-bits, InformationUnits.NatsToBits(-x));
            // Math.Exp is within an ulp of e^x (the runtime's libm), not always correctly rounded.
            double got = InformationUnits.Perplexity(x);
            Assert.True(got == perplexity || Math.Abs(got - perplexity) <= Math.BitIncrement(perplexity) - perplexity, $"e^{x:R} = {got:R}, want {perplexity:R}");
        }

        [Fact]
        public void Perplexity_OfAUniformGuess_IsTheNumberOfClasses()
        {
            Assert.Equal(1d, InformationUnits.Perplexity(0d));
            Assert.Equal(10d, InformationUnits.Perplexity(Math.Log(10)), 13);
            Assert.Equal(10f, InformationUnits.Perplexity(MathF.Log(10f)), 5);
            Assert.Equal(double.PositiveInfinity, InformationUnits.Perplexity(710d));
            Assert.Equal(float.PositiveInfinity, InformationUnits.Perplexity(89f));
            Assert.Equal(0d, InformationUnits.Perplexity(double.NegativeInfinity));
        }

        [Fact]
        public void Float_IsTheDoubleResultRoundedOnce()
        {
            foreach (float x in new[] { 0.1f, 1f, 3.25f, 1e-30f, 80f })
            {
                Assert.Equal((float)InformationUnits.NatsToBits((double)x), InformationUnits.NatsToBits(x));
                Assert.Equal((float)InformationUnits.BitsToNats((double)x), InformationUnits.BitsToNats(x));
                Assert.Equal((float)Math.Exp(x), InformationUnits.Perplexity(x));
            }
        }

        [Fact]
        public void Infinities_StayInfinite_AndNaN_IsRejected()
        {
            Assert.Equal(double.PositiveInfinity, InformationUnits.NatsToBits(double.PositiveInfinity));
            Assert.Equal(double.NegativeInfinity, InformationUnits.BitsToNats(double.NegativeInfinity));
            Assert.Equal(float.PositiveInfinity, InformationUnits.NatsToBits(float.PositiveInfinity));
            Assert.Equal("meanLossInNats", Assert.Throws<ArgumentOutOfRangeException>(() => InformationUnits.Perplexity(double.NaN)).ParamName);
            Assert.Equal("meanLossInNats", Assert.Throws<ArgumentOutOfRangeException>(() => InformationUnits.Perplexity(float.NaN)).ParamName);
            Assert.Equal("nats", Assert.Throws<ArgumentOutOfRangeException>(() => InformationUnits.NatsToBits(double.NaN)).ParamName);
            Assert.Equal("nats", Assert.Throws<ArgumentOutOfRangeException>(() => InformationUnits.NatsToBits(float.NaN)).ParamName);
            Assert.Equal("bits", Assert.Throws<ArgumentOutOfRangeException>(() => InformationUnits.BitsToNats(double.NaN)).ParamName);
            Assert.Equal("bits", Assert.Throws<ArgumentOutOfRangeException>(() => InformationUnits.BitsToNats(float.NaN)).ParamName);
        }

        [Fact]
        public void RoundTrip_IsWithinOneUlp()
        {
            var random = new Random(17);
            for (int i = 0; i < 1000; i++)
            {
                double x = Math.Exp(random.NextDouble() * 40 - 20);
                double back = InformationUnits.BitsToNats(InformationUnits.NatsToBits(x));
                Assert.True(Math.Abs(back - x) <= Math.BitIncrement(x) - x, $"{x:R} → {back:R}");
            }
        }
    }
}
