// Issue 11: `default` of a generated struct (an unassigned field or array element, `new T()`) was never constructed, yet
// answered: fair.KLDivergence(default(Die)) = 0, default(Die).Entropy() = 0, default(Die).Sample(rng) = 0,
// default(NegativeBinomial).LogPmf(0) = NaN. Now IsDefault is true for it (and for nothing constructed, boundary
// parameters included), every instance member throws InvalidOperationException saying how to construct one, and
// ToString says "default". A class's default is null; its IsDefault is always false.
using System;
using System.Collections.Generic;
using System.Numerics;
using Xunit;
using DivergenceGen.Tests.CountFamilies;
using static DivergenceGen.Tests.Reference;

namespace DivergenceGen.Tests
{
    /// <summary>A mutable (non-readonly) struct: the generated IsDefault/ThrowIfDefault are readonly members there.</summary>
    [Categorical(3)]
    public partial struct MutableDie : ICategoricalSurface<MutableDie, double>;

    /// <summary>A mutable count family struct.</summary>
    [Poisson]
    public partial struct MutablePois;

    public abstract class DefaultInstanceTests<TDist, T>
        where TDist : IDiscreteDistribution<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>Constructed instances, the edges of the parameter domain among them (p = 0, rate = 0, a point mass …).</summary>
        protected abstract IEnumerable<TDist> Constructed();

        /// <summary>The factory names the message must give.</summary>
        protected abstract string[] Factories { get; }

        /// <summary>Members beyond IDiscreteDistribution (properties, batch members) called on the instance.</summary>
        protected virtual IEnumerable<(string Name, Action<TDist> Call)> FamilyMembers() => Array.Empty<(string, Action<TDist>)>();

        private static readonly TDist Default = default!;

        [Fact]
        public void IsDefaultOnlyForDefault()
        {
            Assert.True(typeof(TDist).IsValueType);
            Assert.True(Default.IsDefault);
            foreach (var d in Constructed())
            {
                Assert.False(d.IsDefault, $"{d} reads as default");
            }
        }

        private IEnumerable<(string Name, Action<TDist> Call)> Members()
        {
            TDist valid = default!;
            foreach (var d in Constructed())
            {
                valid = d;
                break;
            }

            yield return ("Entropy()", d => d.Entropy());
            yield return ("KLDivergence(valid)", d => d.KLDivergence(valid));
            yield return ("valid.KLDivergence(default)", d => valid.KLDivergence(d));
            yield return ("CrossEntropy(valid)", d => d.CrossEntropy(valid));
            yield return ("valid.CrossEntropy(default)", d => valid.CrossEntropy(d));
            yield return ("LogPmf(0)", d => d.LogPmf(0));
            yield return ("Pmf(0)", d => d.Pmf(0));
            yield return ("LogLikelihood([0, 1])", d => d.LogLikelihood(new[] { 0, 1 }));
            yield return ("LogLikelihood([])", d => d.LogLikelihood(ReadOnlySpan<int>.Empty));
            yield return ("Sample(random)", d => d.Sample(new Random(1)));
            foreach (var member in FamilyMembers())
            {
                yield return member;
            }
        }

        [Fact]
        public void EveryInstanceMemberOfDefaultThrows()
        {
            string type = typeof(TDist).Name;
            foreach (var (name, call) in Members())
            {
                Expect.At(name, () =>
                {
                    var e = Assert.Throws<InvalidOperationException>(() => call(Default));
                    Assert.Contains("default(" + type + ")", e.Message, StringComparison.Ordinal);
                    foreach (string factory in Factories)
                    {
                        Assert.Contains(factory, e.Message, StringComparison.Ordinal);
                    }
                });
            }
        }

        [Fact]
        public void ConstructedInstancesDoNotThrow()
        {
            foreach (var d in Constructed())
            {
                foreach (var (name, call) in Members())
                {
                    Expect.At(d + ": " + name, () => call(d));
                }
            }
        }

        [Fact]
        public void ToStringOfDefaultSaysSo()
        {
            Assert.EndsWith("default (never constructed)", Default.ToString(), StringComparison.Ordinal);
            Assert.StartsWith(typeof(TDist).Name + ": ", Default.ToString(), StringComparison.Ordinal);
        }
    }

    public abstract class CategoricalDefaultTests<TDist, T> : DefaultInstanceTests<TDist, T>
        where TDist : ICategoricalSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        protected override IEnumerable<TDist> Constructed()
        {
            int k = TDist.ClassCount;
            yield return TDist.FromProbabilities(Gens.Uniform<T>(k));
            var point = new T[k];
            point[0] = T.One; // every probability but one is 0, and log p₀ = 0: still not default
            yield return TDist.FromProbabilities(point);
            point[0] = T.Zero;
            point[k - 1] = T.One;
            yield return TDist.FromProbabilities(point);
        }

        protected override string[] Factories => new[] { "FromProbabilities", "FromWeights", "FromLogits", "FromCounts", "Fit" };

        protected override IEnumerable<(string Name, Action<TDist> Call)> FamilyMembers()
        {
            yield return ("Mode", d => _ = d.Mode);
        }
    }

    public sealed class Cat6DefaultTests : CategoricalDefaultTests<Cat6, double>
    {
        /// <summary>The repro of issue 11, with the instance members that are not on the interfaces.</summary>
        [Fact]
        public void IssueRepros()
        {
            var fair = Cat6.FromProbabilities(Gens.Uniform<double>(6));
            Assert.Throws<InvalidOperationException>(() => fair.KLDivergence(default(Cat6)));
            Assert.Throws<InvalidOperationException>(() => default(Cat6).Entropy());
            Assert.Throws<InvalidOperationException>(() => default(Cat6).Sample(new Random(1)));
            Assert.Throws<InvalidOperationException>(() => _ = default(Cat6).Probabilities.Length);
            Assert.Throws<InvalidOperationException>(() => _ = default(Cat6).LogProbabilities.Length);
            var unfilled = new Cat6[3];
            Assert.True(unfilled[1].IsDefault);
            Assert.False(fair.IsDefault);
        }
    }

    public sealed class Cat6FDefaultTests : CategoricalDefaultTests<Cat6F, float>;

    public sealed class Cat1000DefaultTests : CategoricalDefaultTests<Cat1000, double>;

    public sealed class MutableDieDefaultTests : CategoricalDefaultTests<MutableDie, double>;

    public abstract class CountDefaultTests<TDist, T> : DefaultInstanceTests<TDist, T>
        where TDist : ICountDistribution<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        protected override IEnumerable<(string Name, Action<TDist> Call)> FamilyMembers()
        {
            yield return ("Mean", d => _ = d.Mean);
            yield return ("Variance", d => _ = d.Variance);
            yield return ("LogPmf(outcomes, destination)", d => d.LogPmf(new[] { 0, 1 }, new T[2]));
            yield return ("LogPmf(empty, empty)", d => d.LogPmf(ReadOnlySpan<int>.Empty, Span<T>.Empty));
            yield return ("Sample(random, destination)", d => d.Sample(new Random(1), new int[2]));
            yield return ("Sample(random, empty)", d => d.Sample(new Random(1), Span<int>.Empty));
        }

        protected static string[] Construct(string type) => new[] { "new " + type + "(", type + ".TryCreate", type + ".Fit" };
    }

    public sealed class BinomialDefaultTests : CountDefaultTests<Bin20, double>
    {
        protected override IEnumerable<Bin20> Constructed() => new[] { new Bin20(0.3), new Bin20(0), new Bin20(1) };

        protected override string[] Factories => Construct("Bin20");

        protected override IEnumerable<(string Name, Action<Bin20> Call)> FamilyMembers()
        {
            foreach (var m in base.FamilyMembers())
            {
                yield return m;
            }

            yield return ("P", d => _ = d.P);
        }
    }

    public sealed class GeometricDefaultTests : CountDefaultTests<Geo, double>
    {
        protected override IEnumerable<Geo> Constructed() => new[] { new Geo(0.3), new Geo(1), new Geo(1e-6) };

        protected override string[] Factories => Construct("Geo");

        [Fact]
        public void TinyPIsNotDefault() => Assert.False(new Geo(double.Epsilon).IsDefault);
    }

    public sealed class PoissonDefaultTests : CountDefaultTests<Pois, double>
    {
        protected override IEnumerable<Pois> Constructed() => new[] { new Pois(3.5), new Pois(0), new Pois(1) };

        protected override string[] Factories => Construct("Pois");

        [Fact]
        public void RateZeroIsNotDefault() => Assert.Equal(0.0, new Pois(0).LogPmf(0));
    }

    public sealed class PoissonFDefaultTests : CountDefaultTests<PoisF, float>
    {
        protected override IEnumerable<PoisF> Constructed() => new[] { new PoisF(3.5f), new PoisF(0f) };

        protected override string[] Factories => Construct("PoisF");
    }

    public sealed class MutablePoissonDefaultTests : CountDefaultTests<MutablePois, double>
    {
        protected override IEnumerable<MutablePois> Constructed() => new[] { new MutablePois(2), new MutablePois(0) };

        protected override string[] Factories => Construct("MutablePois");
    }

    public sealed class NegativeBinomialDefaultTests : CountDefaultTests<NegBin, double>
    {
        protected override IEnumerable<NegBin> Constructed() => new[] { new NegBin(2.5, 0.4), new NegBin(1e-3, 1) };

        protected override string[] Factories => Construct("NegBin");

        /// <summary>Issue 11: default(NegativeBinomial).LogPmf(0) returned NaN.</summary>
        [Fact]
        public void LogPmfOfDefaultThrows() => Assert.Throws<InvalidOperationException>(() => default(NegBin).LogPmf(0));
    }

    public sealed class NegativeBinomialFDefaultTests : CountDefaultTests<NegBinF, float>
    {
        protected override IEnumerable<NegBinF> Constructed() => new[] { new NegBinF(2.5f, 0.4f) };

        protected override string[] Factories => Construct("NegBinF");
    }

    public abstract class BernoulliDefaultTests<TDist, T> : DefaultInstanceTests<TDist, T>
        where TDist : IBernoulliSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        protected override IEnumerable<(string Name, Action<TDist> Call)> FamilyMembers()
        {
            yield return ("P", d => _ = d.P);
            yield return ("Mean", d => _ = d.Mean);
            yield return ("Variance", d => _ = d.Variance);
            yield return ("LogPmf(outcomes, destination)", d => d.LogPmf(new[] { 0, 1 }, new T[2]));
            yield return ("Sample(random, destination)", d => d.Sample(new Random(1), new int[2]));
        }
    }

    public sealed class CoinDefaultTests : BernoulliDefaultTests<Coin, double>
    {
        protected override IEnumerable<Coin> Constructed() => new[] { new Coin(0.3), new Coin(0), new Coin(1), new Coin(double.Epsilon) };

        protected override string[] Factories => new[] { "new Coin(p)", "Coin.TryCreate", "Coin.Fit" };
    }

    public sealed class CoinFDefaultTests : BernoulliDefaultTests<CoinF, float>
    {
        protected override IEnumerable<CoinF> Constructed() => new[] { new CoinF(0.3f), new CoinF(0f), new CoinF(1f), new CoinF(float.Epsilon) };

        protected override string[] Factories => new[] { "new CoinF(p)", "CoinF.TryCreate", "CoinF.Fit" };
    }

    /// <summary>A class is always constructed: IsDefault is false, and its members are unchanged.</summary>
    public sealed class ClassFormsAreNeverDefault
    {
        [Fact]
        public void IsDefaultIsFalse()
        {
            Assert.False(new CoinClass(0).IsDefault);
            Assert.False(Cat1000Class.FromProbabilities(Gens.Uniform<double>(1000)).IsDefault);
            Assert.False(new PoisClass(0).IsDefault);
            Assert.False(new NegBinClass(1, 1).IsDefault);
        }
    }
}
