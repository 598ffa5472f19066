using System;
using System.Numerics;

namespace DivergenceGen
{
    /// <summary>
    /// A distribution over vectors of a compile-time length with a density (<see cref="DiagonalNormalAttribute"/>,
    /// <see cref="DirichletAttribute"/>). Densities, entropies and divergences are differential, in nats.
    /// </summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface IVectorDistribution<TSelf, T> : IDistribution<TSelf, T>
        where TSelf : IVectorDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>The length of a variate: D of a diagonal normal, K of a Dirichlet.</summary>
        static abstract int Length { get; }

        /// <summary>log p(x) of a vector of <see cref="Length"/> values: −∞ outside the support, NaN if any value is NaN.</summary>
        /// <param name="x">The vector.</param>
        /// <returns>The log-density.</returns>
        T LogPdf(ReadOnlySpan<T> x);

        /// <summary>Writes one draw into <paramref name="destination"/> (its first <see cref="Length"/> elements).</summary>
        /// <param name="random">The source of randomness.</param>
        /// <param name="destination">Receives the vector.</param>
        void Sample(Random random, Span<T> destination);
    }

    /// <summary>
    /// A normal distribution on ℝᴰ with a diagonal covariance (<see cref="DiagonalNormalAttribute"/>). (Its vectors are
    /// properties of the generated type, not of this interface: a struct's span properties are <c>[UnscopedRef]</c>, which an
    /// interface member cannot require.)
    /// </summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface IDiagonalNormalDistribution<TSelf, T> : IVectorDistribution<TSelf, T>
        where TSelf : IDiagonalNormalDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
    }

    /// <summary>A Dirichlet distribution on the simplex of K classes (<see cref="DirichletAttribute"/>).</summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface IDirichletDistribution<TSelf, T> : IVectorDistribution<TSelf, T>
        where TSelf : IDirichletDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
    }

    /// <summary>A multinomial distribution of n trials over K classes (<see cref="MultinomialAttribute"/>).</summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface IMultinomialDistribution<TSelf, T> : IDistribution<TSelf, T>
        where TSelf : IMultinomialDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>K, the number of classes.</summary>
        static abstract int ClassCount { get; }

        /// <summary>n, the number of trials.</summary>
        static abstract int TrialCount { get; }

        /// <summary>log P(X = counts): −∞ unless the K counts are ≥ 0 and sum to n.</summary>
        /// <param name="counts">The K counts.</param>
        /// <returns>The log-probability.</returns>
        T LogPmf(ReadOnlySpan<int> counts);

        /// <summary>Writes one draw, K counts summing to n, into <paramref name="counts"/>.</summary>
        /// <param name="random">The source of randomness.</param>
        /// <param name="counts">Receives the counts.</param>
        void Sample(Random random, Span<int> counts);
    }
}
