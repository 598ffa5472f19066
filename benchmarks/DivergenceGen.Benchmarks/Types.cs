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
