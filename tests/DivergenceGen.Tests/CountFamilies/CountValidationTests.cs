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

        /// <summary>
        /// Fit validates every outcome: one outside the support at each index class of each batch length (IndexClasses: the
        /// first, one inside a full vector, the first after each vector part, the last) is named by index and value.
        /// </summary>
        [Fact]
        public void Fit_RejectsOutOfSupport_AtEveryIndexClass()
        {
            var fits = new (string Name, int Max, int[] Bad, Action<int[]> Fit)[]
            {
                ("Binomial(10)", 10, new[] { -1, 11, int.MinValue, int.MaxValue }, o => Bin10.Fit(o)),
                ("Binomial(20) float", 20, new[] { -1, 21 }, o => Bin20F.Fit(o)),
                ("Geometric", 50, new[] { -1, int.MinValue }, o => Geo.Fit(o)),
                ("Poisson", 50, new[] { -4, int.MinValue }, o => Pois.Fit(o)),
                ("NegativeBinomial(r = 2)", 50, new[] { -1 }, o => NegBin.Fit(o, 2)),
            };
            foreach (var (name, max, bads, fit) in fits)
            {
                foreach (int n in CategoricalValidation<Cat6, double>.BatchLengths)
                {
                    foreach (int index in IndexClasses.Of(n, sizeof(int), sizeof(long)))
                    {
                        foreach (int bad in bads)
                        {
                            int[] outcomes = new int[n];
                            for (int i = 0; i < n; i++)
                            {
                                outcomes[i] = i % (max + 1);
                            }

                            outcomes[index] = bad;
                            Expect.At($"{name}.Fit, n = {n}, outcomes[{index}] = {bad}", () =>
                            {
                                var e = Expect.Throws<ArgumentOutOfRangeException>("outcomes", () => fit(outcomes));
                                Expect.MessageNamesElement(e, "outcomes", index);
                                Expect.MessageNamesInteger(e, bad, "value");
                            });
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The batch LogPmf does not validate outcomes: one outside the support gives −∞ in its own element (docs/families.md).
        /// With it at each index class of each batch length, exactly that element is −∞ and every other element is what the
        /// same call gives for all-valid outcomes, bit for bit (the lanes are independent), so a vector loop or tail that
        /// masks the wrong lane, skips an element or reads a neighbour is caught.
        /// </summary>
        [Fact]
        public void BatchLogPmf_OutOfSupport_IsNegativeInfinityInItsOwnElement_AtEveryIndexClass()
        {
            Check<Bin20, double>("Binomial(20)", new Bin20(0.3), 20, new[] { -1, 21, int.MinValue, int.MaxValue });
            Check<Bin20F, float>("Binomial(20) float", new Bin20F(0.3f), 20, new[] { -1, 21, int.MinValue, int.MaxValue });
            Check<Bin10Looped, double>("Binomial(10) looped", new Bin10Looped(0.7), 10, new[] { -1, 11 });
            Check<Geo, double>("Geometric", new Geo(0.2), 40, new[] { -1, int.MinValue });
            Check<GeoF, float>("Geometric float", new GeoF(0.2f), 40, new[] { -1, int.MinValue });
            Check<Pois, double>("Poisson(3.5)", new Pois(3.5), 40, new[] { -1, int.MinValue });
            Check<PoisF, float>("Poisson(3.5) float", new PoisF(3.5f), 40, new[] { -1, int.MinValue });
            Check<NegBin, double>("NegativeBinomial", new NegBin(2.5, 0.3), 40, new[] { -1 });

            static void Check<TDist, T>(string name, TDist d, int max, int[] bads)
                where TDist : ICountDistribution<TDist, T>
                where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
            {
                foreach (int n in CategoricalValidation<Cat6, double>.BatchLengths)
                {
                    int[] good = new int[n];
                    for (int i = 0; i < n; i++)
                    {
                        good[i] = (i * 7) % (max + 1);
                    }

                    T[] want = new T[n];
                    d.LogPmf(good, want);
                    foreach (int index in IndexClasses.Of(n, sizeof(int), System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), sizeof(long)))
                    {
                        foreach (int bad in bads)
                        {
                            int[] outcomes = (int[])good.Clone();
                            outcomes[index] = bad;
                            T[] got = new T[n];
                            got.AsSpan().Fill(T.NaN);
                            d.LogPmf(outcomes, got);
                            for (int i = 0; i < n; i++)
                            {
                                T expected = i == index ? T.NegativeInfinity : want[i];
                                if (!got[i].Equals(expected))
                                {
                                    throw new Xunit.Sdk.XunitException(
                                        $"{name}.LogPmf(span), n = {n}, outcomes[{index}] = {bad}: element [{i}] (k = {outcomes[i]}) is {got[i]}, expected {expected}");
                                }
                            }
                        }
                    }
                }
            }
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
