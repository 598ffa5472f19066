using DivergenceGen;

namespace DivergenceGen.Benchmarks;

[Categorical(4)] public readonly partial struct Cat4;
[Categorical(16)] public readonly partial struct Cat16;
[Categorical(256)] public readonly partial struct Cat256;
[Categorical(4096)] public readonly partial struct Cat4096;
[Categorical(1_048_576)] public sealed partial class Cat1M;

[Categorical(4, Precision = Precision.Single)] public readonly partial struct Cat4F;
[Categorical(16, Precision = Precision.Single)] public readonly partial struct Cat16F;
[Categorical(256, Precision = Precision.Single)] public readonly partial struct Cat256F;
[Categorical(4096, Precision = Precision.Single)] public readonly partial struct Cat4096F;
[Categorical(1_048_576, Precision = Precision.Single)] public sealed partial class Cat1MF;

[Bernoulli] public readonly partial struct Coin;

[Binomial(20)] public readonly partial struct Bin20;
[Poisson] public readonly partial struct Pois;

// Row batches (issue 17): N = 10,000 histograms of K = 20 bins and of K = 1,000.
[Categorical(20)] public readonly partial struct Cat20;
[Categorical(1000)] public readonly partial struct Cat1000;
[Categorical(16)] public readonly partial struct Cat16Rows;
[Categorical(8)] public readonly partial struct Cat8Rows;

/// <summary>A user-described normal law (issue 16), for <see cref="UserFamilyBatch"/>.</summary>
[ExponentialFamily(Support = Support.Reals)]
public readonly partial struct NormalEF
{
    private static (double, double) NaturalParameters(double mean, double variance) => (mean / variance, -0.5 / variance);

    private static (double, double) SufficientStatistics(double x) => (x, x * x);

    private static double LogPartition(double eta1, double eta2) => (-eta1 * eta1 / (4 * eta2)) - (0.5 * System.Math.Log(-2 * eta2));

    private static double LogBaseMeasure(double x) => -0.5 * System.Math.Log(2 * System.Math.PI);
}

// The diagonal normal's VAE KL term (issue 15): N(μ, diag e^v) against N(0, I), D = 16 (straight-line rows) and
// D = 512 (SIMD loops per row), for VaeKL and VaeKLFloat.
[DiagonalNormal(16)] public readonly partial struct Latent16;
[DiagonalNormal(512)] public readonly partial struct Latent512;
[DiagonalNormal(16, Precision = Precision.Single)] public readonly partial struct Latent16F;
[DiagonalNormal(512, Precision = Precision.Single)] public readonly partial struct Latent512F;
