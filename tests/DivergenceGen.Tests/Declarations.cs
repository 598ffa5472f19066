// The types the numerical tests run against. Each is an ordinary user declaration: the generator writes every
// member. The extra test interfaces below only *name* members the contract (api-spec, issue 2) promises but the
// runtime interfaces do not carry, so that generic test helpers can reach them without reflection; the
// generated members implement them implicitly. Nothing here is hand-written distribution code.
using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using DivergenceGen;

namespace DivergenceGen.Tests
{
    /// <summary>Contract members of a generated Bernoulli type that <see cref="IBernoulliDistribution{TSelf, T}"/> lacks.</summary>
    public interface IBernoulliSurface<TSelf, T> : IBernoulliDistribution<TSelf, T>, IToolkitSurface<TSelf, T>
        where TSelf : IBernoulliSurface<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>Batch log-pmf: destinationᵢ = LogPmf(outcomesᵢ).</summary>
        void LogPmf(ReadOnlySpan<int> outcomes, Span<T> destination);

        /// <summary>Fills <paramref name="destination"/> with independent draws.</summary>
        void Sample(Random random, Span<int> destination);
    }

    /// <summary>The divergence toolkit's members (issue 17) that every finite-support type gets: instance and raw-vector forms.</summary>
    public interface IToolkitSurface<TSelf, T>
        where TSelf : IToolkitSurface<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T JensenShannonDivergence(in TSelf q);

        T HellingerDistance(in TSelf q);

        T TotalVariationDistance(in TSelf q);

        T BhattacharyyaDistance(in TSelf q);

        T JeffreysDivergence(in TSelf q);

        T RenyiDivergence(in TSelf q, T alpha);

        T PopulationStabilityIndex(in TSelf q, T epsilon);

        static abstract T JensenShannonDivergence(ReadOnlySpan<T> p, ReadOnlySpan<T> q);

        static abstract T HellingerDistance(ReadOnlySpan<T> p, ReadOnlySpan<T> q);

        static abstract T TotalVariationDistance(ReadOnlySpan<T> p, ReadOnlySpan<T> q);

        static abstract T BhattacharyyaDistance(ReadOnlySpan<T> p, ReadOnlySpan<T> q);

        static abstract T JeffreysDivergence(ReadOnlySpan<T> p, ReadOnlySpan<T> q);

        static abstract T RenyiDivergence(ReadOnlySpan<T> p, ReadOnlySpan<T> q, T alpha);

        static abstract T PopulationStabilityIndex(ReadOnlySpan<T> p, ReadOnlySpan<T> q, T epsilon);
    }

    /// <summary>The row batches of a Categorical(K) type (issue 17): one value per row of a row-major N × K matrix.</summary>
    public interface IRowBatchSurface<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        static abstract void EntropyRows(ReadOnlySpan<T> p, Span<T> destination);

        static abstract void KLDivergenceRows(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Span<T> destination);

        static abstract void CrossEntropyRows(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Span<T> destination);

        static abstract void JensenShannonDivergenceRows(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Span<T> destination);

        static abstract void PopulationStabilityIndexRows(ReadOnlySpan<T> p, ReadOnlySpan<T> q, T epsilon, Span<T> destination);
    }

    /// <summary>Contract members of a generated Categorical type that <see cref="ICategoricalDistribution{TSelf, T}"/> lacks.</summary>
    public interface ICategoricalSurface<TSelf, T> : ICategoricalDistribution<TSelf, T>, IToolkitSurface<TSelf, T>, IRowBatchSurface<T>
        where TSelf : ICategoricalSurface<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        static abstract bool TryFromProbabilities(ReadOnlySpan<T> probabilities, [MaybeNullWhen(false)] out TSelf result);

        static abstract TSelf FromWeights(ReadOnlySpan<T> weights);

        static abstract bool TryFromWeights(ReadOnlySpan<T> weights, [MaybeNullWhen(false)] out TSelf result);

        static abstract TSelf FromLogits(ReadOnlySpan<T> logits);

        static abstract bool TryFromLogits(ReadOnlySpan<T> logits, [MaybeNullWhen(false)] out TSelf result);

        static abstract TSelf FromCounts(ReadOnlySpan<long> counts, T pseudocount);

        static abstract bool TryFromCounts(ReadOnlySpan<long> counts, [MaybeNullWhen(false)] out TSelf result);

        static abstract bool TryFromCounts(ReadOnlySpan<long> counts, T pseudocount, [MaybeNullWhen(false)] out TSelf result);

        static abstract TSelf FromProbabilities(ReadOnlySpan<T> probabilities, double sumTolerance);

        static abstract bool TryFromProbabilities(ReadOnlySpan<T> probabilities, double sumTolerance, [MaybeNullWhen(false)] out TSelf result);

        static abstract TSelf FromCounts(ReadOnlySpan<int> counts, T pseudocount);

        static abstract bool TryFromCounts(ReadOnlySpan<int> counts, [MaybeNullWhen(false)] out TSelf result);

        static abstract bool TryFromCounts(ReadOnlySpan<int> counts, T pseudocount, [MaybeNullWhen(false)] out TSelf result);
    }

    // ---- Bernoulli -------------------------------------------------------------------------------------------

    [Bernoulli]
    public readonly partial struct Coin : IBernoulliSurface<Coin, double>;

    [Bernoulli(Precision = Precision.Single)]
    public readonly partial struct CoinF : IBernoulliSurface<CoinF, float>;

    [Bernoulli]
    public sealed partial class CoinClass : IBernoulliSurface<CoinClass, double>;

    // ---- Categorical: the K the oracle uses (default threshold 16: all unrolled) -----------------------------

    [Categorical(1)]
    public readonly partial struct Cat1 : ICategoricalSurface<Cat1, double>;

    [Categorical(2)]
    public readonly partial struct Cat2 : ICategoricalSurface<Cat2, double>;

    [Categorical(3)]
    public readonly partial struct Cat3 : ICategoricalSurface<Cat3, double>;

    [Categorical(4)]
    public readonly partial struct Cat4 : ICategoricalSurface<Cat4, double>;

    [Categorical(5)]
    public readonly partial struct Cat5 : ICategoricalSurface<Cat5, double>;

    [Categorical(6)]
    public readonly partial struct Cat6 : ICategoricalSurface<Cat6, double>;

    /// <summary>K = 8: the largest K whose entropy/KL/cross-entropy row batches run across the lanes (RowBatchTests).</summary>
    [Categorical(8)]
    public readonly partial struct Cat8 : ICategoricalSurface<Cat8, double>;

    [Categorical(12)]
    public readonly partial struct Cat12 : ICategoricalSurface<Cat12, double>;

    // ---- Categorical: around the default threshold and large K ---------------------------------------------

    /// <summary>K = 16 = the default threshold: still unrolled.</summary>
    [Categorical(16)]
    public readonly partial struct Cat16 : ICategoricalSurface<Cat16, double>;

    /// <summary>K = 17: one above the default threshold, so SIMD loops with a scalar tail.</summary>
    [Categorical(17)]
    public readonly partial struct Cat17 : ICategoricalSurface<Cat17, double>;

    [Categorical(1000)]
    public readonly partial struct Cat1000 : ICategoricalSurface<Cat1000, double>;

    [Categorical(1000, Precision = Precision.Single)]
    public readonly partial struct Cat1000F : ICategoricalSurface<Cat1000F, float>;

    /// <summary>Class form: probabilities stored in arrays allocated once.</summary>
    [Categorical(1000)]
    public sealed partial class Cat1000Class : ICategoricalSurface<Cat1000Class, double>;

    /// <summary>A small float type too, so the unrolled float path is compared with double as well.</summary>
    [Categorical(6, Precision = Precision.Single)]
    public readonly partial struct Cat6F : ICategoricalSurface<Cat6F, float>;

    /// <summary>K = 17 in float: SIMD loops with a one-element scalar tail at 16, 8 and 4 lanes alike.</summary>
    [Categorical(17, Precision = Precision.Single)]
    public readonly partial struct Cat17F : ICategoricalSurface<Cat17F, float>;

    // ---- Categorical: the same K three ways, for unrolled = vectorised = scalar ----------------------------
    // "U0" forces SIMD loops (threshold 0 < K); "U32" forces straight-line code (K ≤ 32); the plain type uses
    // the default threshold 16 (K = 6 and 16 unrolled, K = 17 vectorised).

    [Categorical(6, UnrollThreshold = 0)]
    public readonly partial struct Cat6U0 : ICategoricalSurface<Cat6U0, double>;

    [Categorical(6, UnrollThreshold = 32)]
    public readonly partial struct Cat6U32 : ICategoricalSurface<Cat6U32, double>;

    [Categorical(16, UnrollThreshold = 0)]
    public readonly partial struct Cat16U0 : ICategoricalSurface<Cat16U0, double>;

    [Categorical(16, UnrollThreshold = 32)]
    public readonly partial struct Cat16U32 : ICategoricalSurface<Cat16U32, double>;

    [Categorical(17, UnrollThreshold = 0)]
    public readonly partial struct Cat17U0 : ICategoricalSurface<Cat17U0, double>;

    [Categorical(17, UnrollThreshold = 32)]
    public readonly partial struct Cat17U32 : ICategoricalSurface<Cat17U32, double>;
}
