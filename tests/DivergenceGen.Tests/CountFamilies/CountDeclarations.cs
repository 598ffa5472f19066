// The count-family types the numerical tests run against: ordinary user declarations, every member generated.
// Binomial needs one type per n (n is a compile-time constant); the n values are the ones the oracle cases use,
// plus the boundaries of the generated code's shapes (unrolled ≤ 16 < SIMD loop; table ≤ 1024 < saddle point).
using DivergenceGen;

namespace DivergenceGen.Tests.CountFamilies
{
    [Binomial(0)] public readonly partial struct Bin0 : IToolkitSurface<Bin0, double>;
    [Binomial(1)] public readonly partial struct Bin1 : IToolkitSurface<Bin1, double>;
    [Binomial(2)] public readonly partial struct Bin2;
    [Binomial(5)] public readonly partial struct Bin5;
    [Binomial(6)] public readonly partial struct Bin6;
    [Binomial(7)] public readonly partial struct Bin7;
    [Binomial(10)] public readonly partial struct Bin10 : IToolkitSurface<Bin10, double>;
    [Binomial(12)] public readonly partial struct Bin12;
    [Binomial(15)] public readonly partial struct Bin15;
    [Binomial(16)] public readonly partial struct Bin16;
    [Binomial(20)] public readonly partial struct Bin20 : IToolkitSurface<Bin20, double>;
    [Binomial(50)] public readonly partial struct Bin50;
    [Binomial(100)] public readonly partial struct Bin100;
    [Binomial(1000)] public readonly partial struct Bin1000 : IToolkitSurface<Bin1000, double>;
    [Binomial(1024)] public readonly partial struct Bin1024;
    [Binomial(1025)] public readonly partial struct Bin1025;
    [Binomial(10000)] public readonly partial struct Bin10000 : IToolkitSurface<Bin10000, double>;
    [Binomial(100000)] public readonly partial struct Bin100000;
    [Binomial(1000000)] public readonly partial struct Bin1000000;
    [Binomial(1000000000)] public readonly partial struct Bin1000000000;

    /// <summary>The class form of a table-backed Binomial.</summary>
    [Binomial(20)] public sealed partial class Bin20Class : IToolkitSurface<Bin20Class, double>;

    /// <summary>Binomial(10) with SIMD loops instead of straight-line code (threshold 0 &lt; n + 1).</summary>
    [Binomial(10, UnrollThreshold = 0)] public readonly partial struct Bin10Looped : IToolkitSurface<Bin10Looped, double>;

    /// <summary>Binomial(20) with straight-line code instead of SIMD loops (n + 1 = 21 ≤ 32).</summary>
    [Binomial(20, UnrollThreshold = 32)] public readonly partial struct Bin20Unrolled;

    [Binomial(20, Precision = Precision.Single)] public readonly partial struct Bin20F : IToolkitSurface<Bin20F, float>;
    [Binomial(1000000, Precision = Precision.Single)] public readonly partial struct Bin1000000F;

    [Geometric] public readonly partial struct Geo;
    [Geometric] public sealed partial class GeoClass;
    [Geometric(Precision = Precision.Single)] public readonly partial struct GeoF;

    [Poisson] public readonly partial struct Pois;
    [Poisson] public sealed partial class PoisClass;
    [Poisson(Precision = Precision.Single)] public readonly partial struct PoisF;

    [NegativeBinomial] public readonly partial struct NegBin;
    [NegativeBinomial] public sealed partial class NegBinClass;
    [NegativeBinomial(Precision = Precision.Single)] public readonly partial struct NegBinF;
}
