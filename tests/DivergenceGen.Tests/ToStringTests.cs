// The generated ToString(): the type, its family and its parameters, in invariant culture with round-trip numbers
// (issue 11: "ToString() prints only the type name"), so a logged distribution says what it is. A user's own
// ToString() is kept (the generator then writes none).
using System.Globalization;
using System.Threading;
using DivergenceGen.Tests.CountFamilies;
using Xunit;

namespace DivergenceGen.Tests
{
    /// <summary>A family type with its own ToString(): the generator must leave it alone.</summary>
    [Bernoulli]
    public readonly partial struct CoinWithOwnText
    {
        /// <inheritdoc/>
        public override string ToString() => "mine: " + P.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A vector family with its own ToString() (a fuzzer case: the generator wrote a second one, CS0111).</summary>
    [DiagonalNormal(6)]
    public readonly partial struct LatentWithOwnText
    {
        /// <inheritdoc/>
        public override string ToString() => "mine: " + Mean[0].ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A Dirichlet with its own ToString().</summary>
    [Dirichlet(3)]
    public sealed partial class EvidenceWithOwnText
    {
        /// <inheritdoc/>
        public override string ToString() => "mine: " + Concentration[2].ToString(CultureInfo.InvariantCulture);
    }

    public sealed class ToStringTests
    {
        [Fact]
        public void ScalarAndCountFamilies_NameTypeFamilyAndParameters()
        {
            Assert.Equal("Coin: Bernoulli(p = 0.3)", new Coin(0.3).ToString());
            Assert.Equal("CoinF: Bernoulli(p = 0.3)", new CoinF(0.3f).ToString());
            Assert.Equal("CoinClass: Bernoulli(p = 1E-300)", new CoinClass(1e-300).ToString());
            Assert.Equal("Bin10: Binomial(n = 10, p = 0.25)", new Bin10(0.25).ToString());
            Assert.Equal("Geo: Geometric(p = 0.1)", new Geo(0.1).ToString());
            Assert.Equal("Pois: Poisson(rate = 3.5)", new Pois(3.5).ToString());
            Assert.Equal("NegBin: NegativeBinomial(r = 2.5, p = 0.4)", new NegBin(2.5, 0.4).ToString());
            Assert.Equal("PoisF: Poisson(rate = 0.1)", new PoisF(0.1f).ToString()); // float round trip: 0.1f prints as 0.1
        }

        [Fact]
        public void Categorical_ShowsKAndAtMostEightProbabilities()
        {
            Assert.Equal(
                "Cat6: Categorical(K = 6, p = [0.1, 0.1, 0.1, 0.1, 0.1, 0.5])",
                Cat6.FromProbabilities([0.1, 0.1, 0.1, 0.1, 0.1, 0.5]).ToString());
            var uniform = new double[17];
            System.Array.Fill(uniform, 1.0);
            Assert.Equal(
                "Cat17: Categorical(K = 17, p = [0.058823529411764705, 0.058823529411764705, 0.058823529411764705, 0.058823529411764705, "
                + "0.058823529411764705, 0.058823529411764705, 0.058823529411764705, 0.058823529411764705, …])",
                Cat17.FromWeights(uniform).ToString());
        }

        [Fact]
        public void IsTheSameInEveryCulture()
        {
            var saved = Thread.CurrentThread.CurrentCulture;
            try
            {
                Thread.CurrentThread.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // decimal comma
                Assert.Equal("Pois: Poisson(rate = 3.5)", new Pois(3.5).ToString());
                Assert.Equal("Cat2: Categorical(K = 2, p = [0.25, 0.75])", Cat2.FromProbabilities([0.25, 0.75]).ToString());
            }
            finally
            {
                Thread.CurrentThread.CurrentCulture = saved;
            }
        }

        [Fact]
        public void UsersOwnToString_IsKept()
        {
            Assert.Equal("mine: 0.5", new CoinWithOwnText(0.5).ToString());
            Assert.Equal("mine: 1.5", LatentWithOwnText.FromMeanAndLogVariance(new[] { 1.5, 0, 0, 0, 0, 0 }, new double[6]).ToString());
            Assert.Equal("mine: 4", EvidenceWithOwnText.FromConcentration(new[] { 1.0, 2.0, 4.0 }).ToString());
        }
    }
}
