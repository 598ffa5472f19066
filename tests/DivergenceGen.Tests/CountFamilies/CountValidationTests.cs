// Invalid arguments to the generated count families: each gets the documented exception, naming the parameter
// and the offending value (and index, for outcomes); TryCreate returns false and default instead of throwing.
using System;
using Xunit;

namespace DivergenceGen.Tests.CountFamilies
{
    public sealed class CountValidationTests
    {
        public static TheoryData<double> NotProbabilities => new() { -0.1, 1.0000000000000002, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0 - 1e-300 };

        public static TheoryData<double> NotPositiveProbabilities => new() { 0, -0.5, 1.5, double.NaN, double.PositiveInfinity };

        public static TheoryData<double> NotRates => new() { -1e-300, -3, double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        public static TheoryData<double> NotShapes => new() { 0, -1, double.NaN, double.PositiveInfinity };

        [Theory]
        [MemberData(nameof(NotProbabilities))]
        public void Binomial_RejectsP(double p)
        {
            var e = Expect.Throws<ArgumentOutOfRangeException>("p", () => new Bin10(p));
            Expect.MessageNamesValue(e, p);
            Expect.Throws<ArgumentOutOfRangeException>("p", () => new Bin1000000000(p));
            Assert.False(Bin10.TryCreate(p, out var d));
            Expect.IsDefault(d, "Bin10.TryCreate");
            Assert.False(Bin20Class.TryCreate(p, out var c));
            Assert.Null(c);
        }

        [Theory]
        [MemberData(nameof(NotPositiveProbabilities))]
        public void Geometric_RejectsP(double p)
        {
            var e = Expect.Throws<ArgumentOutOfRangeException>("p", () => new Geo(p));
            Expect.MessageNamesValue(e, p);
            Assert.False(Geo.TryCreate(p, out var d));
            Expect.IsDefault(d, "Geo.TryCreate");
            Expect.Throws<ArgumentOutOfRangeException>("p", () => new NegBin(2, p));
            Assert.False(NegBin.TryCreate(2, p, out _));
        }

        [Theory]
        [MemberData(nameof(NotRates))]
        public void Poisson_RejectsRate(double rate)
        {
            var e = Expect.Throws<ArgumentOutOfRangeException>("rate", () => new Pois(rate));
            Expect.MessageNamesValue(e, rate);
            Assert.False(Pois.TryCreate(rate, out var d));
            Expect.IsDefault(d, "Pois.TryCreate");
            Assert.False(PoisClass.TryCreate(rate, out var c));
            Assert.Null(c);
        }

        [Theory]
        [MemberData(nameof(NotShapes))]
        public void NegativeBinomial_RejectsR(double r)
        {
            var e = Expect.Throws<ArgumentOutOfRangeException>("r", () => new NegBin(r, 0.5));
            Expect.MessageNamesValue(e, r);
            Assert.False(NegBin.TryCreate(r, 0.5, out _));
            Expect.Throws<ArgumentOutOfRangeException>("r", () => NegBin.Fit(new[] { 1, 2 }, r));
        }

        [Fact]
        public void Float_RejectsTheSame()
        {
            Expect.Throws<ArgumentOutOfRangeException>("p", () => new Bin20F(float.NaN));
            Expect.Throws<ArgumentOutOfRangeException>("p", () => new GeoF(0f));
            Expect.Throws<ArgumentOutOfRangeException>("rate", () => new PoisF(-1f));
            Expect.Throws<ArgumentOutOfRangeException>("r", () => new NegBinF(float.PositiveInfinity, 0.5f));
        }

        [Fact]
        public void Boundaries_AreAccepted()
        {
            Assert.True(Bin10.TryCreate(0, out _) && Bin10.TryCreate(1, out _));
            Assert.True(Geo.TryCreate(1, out _) && Geo.TryCreate(double.Epsilon, out _));
            Assert.True(Pois.TryCreate(0, out _) && Pois.TryCreate(double.MaxValue, out _));
            Assert.True(NegBin.TryCreate(double.Epsilon, 1, out _));
        }

        [Fact]
        public void Fit_RejectsEmptyAndOutOfSupport()
        {
            Expect.Throws<ArgumentException>("outcomes", () => Bin10.Fit(ReadOnlySpan<int>.Empty));
            Expect.Throws<ArgumentException>("outcomes", () => Pois.Fit(ReadOnlySpan<int>.Empty));
            Expect.Throws<ArgumentException>("outcomes", () => NegBin.Fit(ReadOnlySpan<int>.Empty, 1));

            var e = Expect.Throws<ArgumentOutOfRangeException>("outcomes", () => Bin10.Fit(new[] { 1, 2, 11, 3 }));
            Expect.MessageNamesInteger(e, 11, "outcome");
            Expect.MessageNamesInteger(e, 2, "index");
            e = Expect.Throws<ArgumentOutOfRangeException>("outcomes", () => Geo.Fit(new[] { 0, -4 }));
            Expect.MessageNamesInteger(e, -4, "outcome");
            Expect.Throws<ArgumentOutOfRangeException>("outcomes", () => Pois.Fit(new[] { -1 }));
            Expect.Throws<ArgumentOutOfRangeException>("outcomes", () => Bin0.Fit(new[] { 0, 1 }));
        }

        [Fact]
        public void ClassForm_RejectsNullQ()
        {
            var p = new PoisClass(2);
            Assert.Throws<ArgumentNullException>("q", () => p.KLDivergence(null!));
            Assert.Throws<ArgumentNullException>("q", () => p.CrossEntropy(null!));
            Assert.Throws<ArgumentNullException>("q", () => new Bin20Class(0.5).KLDivergence(null!));
        }
    }
}
