using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace DivergenceGen
{
    /// <summary>
    /// A distribution over the real numbers with a density (a continuous family: <see cref="NormalAttribute"/>,
    /// <see cref="GammaAttribute"/>, …). Densities, entropies and divergences are differential: in nats, and they may be
    /// negative (the entropy) or exceed 1 (the density).
    /// </summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface IContinuousDistribution<TSelf, T> : IDistribution<TSelf, T>
        where TSelf : IContinuousDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>The mean E[X].</summary>
        T Mean { get; }

        /// <summary>The variance Var[X].</summary>
        T Variance { get; }

        /// <summary>log p(x): −∞ outside the support, the limit at a support boundary, NaN for NaN.</summary>
        /// <param name="x">The value.</param>
        /// <returns>The log-density.</returns>
        T LogPdf(T x);

        /// <summary>p(x) = exp(log p(x)): 0 outside the support.</summary>
        /// <param name="x">The value.</param>
        /// <returns>The density.</returns>
        T Pdf(T x);

        /// <summary>The distribution function P(X ≤ x).</summary>
        /// <param name="x">The value.</param>
        /// <returns>The probability.</returns>
        T Cdf(T x);

        /// <summary>The quantile function: the smallest x with P(X ≤ x) ≥ <paramref name="probability"/>.</summary>
        /// <param name="probability">A probability in [0, 1].</param>
        /// <returns>The quantile.</returns>
        T Quantile(T probability);

        /// <summary>Σᵢ log p(xᵢ): the log-likelihood of independent values (−∞ if one is outside the support).</summary>
        /// <param name="x">The values.</param>
        /// <returns>The log-likelihood.</returns>
        T LogLikelihood(ReadOnlySpan<T> x);

        /// <summary>Writes log p(xᵢ) to <paramref name="destination"/>[i] for every i.</summary>
        /// <param name="x">The values.</param>
        /// <param name="destination">At least as long as <paramref name="x"/>.</param>
        void LogPdf(ReadOnlySpan<T> x, Span<T> destination);

        /// <summary>Draws one value using <paramref name="random"/>.</summary>
        /// <param name="random">The source of randomness.</param>
        /// <returns>The value.</returns>
        T Sample(Random random);

        /// <summary>Fills <paramref name="destination"/> with independent draws.</summary>
        /// <param name="random">The source of randomness.</param>
        /// <param name="destination">Where the draws go.</param>
        void Sample(Random random, Span<T> destination);

        /// <summary>The maximum-likelihood distribution for the observed values <paramref name="x"/>.</summary>
        /// <param name="x">The sample.</param>
        /// <returns>The fitted distribution.</returns>
        static abstract TSelf Fit(ReadOnlySpan<T> x);
    }

    /// <summary>A normal distribution generated from <see cref="NormalAttribute"/>.</summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface INormalDistribution<TSelf, T> : IContinuousDistribution<TSelf, T>
        where TSelf : INormalDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>The standard deviation σ &gt; 0.</summary>
        T StandardDeviation { get; }

        /// <summary>Creates the distribution, or returns false when a parameter is invalid.</summary>
        /// <param name="mean">The mean μ (also the <see cref="IContinuousDistribution{TSelf, T}.Mean"/> moment).</param>
        /// <param name="standardDeviation">The standard deviation σ &gt; 0.</param>
        /// <param name="result">The distribution, or default.</param>
        /// <returns>Whether the parameters were valid.</returns>
        static abstract bool TryCreate(T mean, T standardDeviation, [MaybeNullWhen(false)] out TSelf result);
    }

    /// <summary>A log-normal distribution generated from <see cref="LogNormalAttribute"/>.</summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface ILogNormalDistribution<TSelf, T> : IContinuousDistribution<TSelf, T>
        where TSelf : ILogNormalDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>μ, the mean of log X.</summary>
        T Mu { get; }

        /// <summary>σ &gt; 0, the standard deviation of log X.</summary>
        T Sigma { get; }

        /// <summary>Creates the distribution, or returns false when a parameter is invalid.</summary>
        /// <param name="mu">μ, the mean of log X.</param>
        /// <param name="sigma">σ &gt; 0, the standard deviation of log X.</param>
        /// <param name="result">The distribution, or default.</param>
        /// <returns>Whether the parameters were valid.</returns>
        static abstract bool TryCreate(T mu, T sigma, [MaybeNullWhen(false)] out TSelf result);
    }

    /// <summary>An exponential distribution generated from <see cref="ExponentialAttribute"/>.</summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface IExponentialDistribution<TSelf, T> : IContinuousDistribution<TSelf, T>
        where TSelf : IExponentialDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>The rate λ &gt; 0.</summary>
        T Rate { get; }

        /// <summary>Creates the distribution, or returns false when a parameter is invalid.</summary>
        /// <param name="rate">The rate λ &gt; 0.</param>
        /// <param name="result">The distribution, or default.</param>
        /// <returns>Whether the parameters were valid.</returns>
        static abstract bool TryCreate(T rate, [MaybeNullWhen(false)] out TSelf result);
    }

    /// <summary>A gamma distribution generated from <see cref="GammaAttribute"/>.</summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface IGammaDistribution<TSelf, T> : IContinuousDistribution<TSelf, T>
        where TSelf : IGammaDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>The shape α &gt; 0.</summary>
        T Shape { get; }

        /// <summary>The rate β &gt; 0.</summary>
        T Rate { get; }

        /// <summary>Creates the distribution, or returns false when a parameter is invalid.</summary>
        /// <param name="shape">The shape α &gt; 0.</param>
        /// <param name="rate">The rate β &gt; 0.</param>
        /// <param name="result">The distribution, or default.</param>
        /// <returns>Whether the parameters were valid.</returns>
        static abstract bool TryCreate(T shape, T rate, [MaybeNullWhen(false)] out TSelf result);
    }

    /// <summary>A beta distribution generated from <see cref="BetaAttribute"/>.</summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface IBetaDistribution<TSelf, T> : IContinuousDistribution<TSelf, T>
        where TSelf : IBetaDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>The shape α &gt; 0.</summary>
        T Alpha { get; }

        /// <summary>The shape β &gt; 0.</summary>
        T Beta { get; }

        /// <summary>Creates the distribution, or returns false when a parameter is invalid.</summary>
        /// <param name="alpha">The shape α &gt; 0.</param>
        /// <param name="beta">The shape β &gt; 0.</param>
        /// <param name="result">The distribution, or default.</param>
        /// <returns>Whether the parameters were valid.</returns>
        static abstract bool TryCreate(T alpha, T beta, [MaybeNullWhen(false)] out TSelf result);
    }

    /// <summary>A Laplace distribution generated from <see cref="LaplaceAttribute"/>.</summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface ILaplaceDistribution<TSelf, T> : IContinuousDistribution<TSelf, T>
        where TSelf : ILaplaceDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>The location μ (the median).</summary>
        T Location { get; }

        /// <summary>The scale b &gt; 0.</summary>
        T Scale { get; }

        /// <summary>Creates the distribution, or returns false when a parameter is invalid.</summary>
        /// <param name="location">The location μ (the median).</param>
        /// <param name="scale">The scale b &gt; 0.</param>
        /// <param name="result">The distribution, or default.</param>
        /// <returns>Whether the parameters were valid.</returns>
        static abstract bool TryCreate(T location, T scale, [MaybeNullWhen(false)] out TSelf result);
    }

    /// <summary>A continuous uniform distribution generated from <see cref="UniformAttribute"/>.</summary>
    /// <typeparam name="TSelf">The generated type itself.</typeparam>
    /// <typeparam name="T">The floating-point type it computes in.</typeparam>
    public interface IUniformDistribution<TSelf, T> : IContinuousDistribution<TSelf, T>
        where TSelf : IUniformDistribution<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>The lower end of the support.</summary>
        T Lower { get; }

        /// <summary>The upper end of the support, &gt; lower.</summary>
        T Upper { get; }

        /// <summary>Creates the distribution, or returns false when a parameter is invalid.</summary>
        /// <param name="lower">The lower end of the support.</param>
        /// <param name="upper">The upper end of the support, &gt; lower.</param>
        /// <param name="result">The distribution, or default.</param>
        /// <returns>Whether the parameters were valid.</returns>
        static abstract bool TryCreate(T lower, T upper, [MaybeNullWhen(false)] out TSelf result);
    }
}
