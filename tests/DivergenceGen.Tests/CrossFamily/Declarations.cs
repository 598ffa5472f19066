// The types and [KLDivergence]/[CrossEntropy] methods the cross-family tests run against: ordinary user declarations,
// every body is generated. Each pair is declared with both measures (KL and H), so that H(P, Q) = H(P) + KL(P‖Q) can
// be checked for all of them. Which of the four methods the generator picks for a pair is said in the generated
// file (obj/.../generated) and asserted in the tests that rely on it.
using DivergenceGen;

namespace DivergenceGen.Tests.CrossFamily
{
    [Bernoulli] public readonly partial struct XCoin;
    [Bernoulli] public sealed partial class XCoinClass;
    [Bernoulli(Precision = Precision.Single)] public readonly partial struct XCoinF;
    [Binomial(0)] public readonly partial struct XBin0;
    [Binomial(1)] public readonly partial struct XBin1;
    [Binomial(3)] public readonly partial struct XBin3;
    [Binomial(4)] public readonly partial struct XBin4;
    [Binomial(5)] public readonly partial struct XBin5;
    [Binomial(10)] public readonly partial struct XBin10;
    [Binomial(10)] public sealed partial class XBin10Class;
    [Binomial(20)] public readonly partial struct XBin20;
    [Binomial(100)] public readonly partial struct XBin100;
    [Binomial(10000)] public readonly partial struct XBin10000;
    [Poisson] public readonly partial struct XPoisson;
    [Poisson] public sealed partial class XPoissonClass;
    [Poisson(Precision = Precision.Single)] public readonly partial struct XPoissonF;
    [Geometric] public readonly partial struct XGeometric;
    [Geometric(Precision = Precision.Single)] public readonly partial struct XGeometricF;
    [NegativeBinomial] public readonly partial struct XNegBin;
    [Categorical(1)] public readonly partial struct XCat1;
    [Categorical(2)] public readonly partial struct XCat2;
    [Categorical(2)] public readonly partial struct XCat2B;
    [Categorical(3)] public readonly partial struct XCat3;
    [Categorical(3)] public sealed partial class XCat3B;
    [Categorical(4)] public readonly partial struct XCat4;
    [Categorical(4)] public readonly partial struct XCat4B;
    [Categorical(5)] public readonly partial struct XCat5;
    [Categorical(6)] public readonly partial struct XCat6;
    [Categorical(6)] public readonly partial struct XCat6B;
    [Categorical(7)] public readonly partial struct XCat7;

    // Several methods here are +∞ by support except at P's point mass (DG0040, a warning): deliberately, to test that case.
#pragma warning disable DG0040
    /// <summary>Divergences between the declared types (overloads by parameter types).</summary>
    public static partial class X
    {
        [KLDivergence] public static partial double KL(in XCoin p, in XBin1 q);
        [CrossEntropy] public static partial double H(in XCoin p, in XBin1 q);
        [KLDivergence] public static partial double KL(in XCoinClass p, in XBin1 q);
        [CrossEntropy] public static partial double H(in XCoinClass p, in XBin1 q);
        [KLDivergence] public static partial double KL(in XCoin p, in XBin4 q);
        [CrossEntropy] public static partial double H(in XCoin p, in XBin4 q);
        [KLDivergence] public static partial double KL(in XCoin p, in XPoisson q);
        [CrossEntropy] public static partial double H(in XCoin p, in XPoisson q);
        [KLDivergence] public static partial double KL(in XCoin p, in XCat2 q);
        [CrossEntropy] public static partial double H(in XCoin p, in XCat2 q);
        [KLDivergence] public static partial double KL(in XCoin p, in XCat1 q);
        [CrossEntropy] public static partial double H(in XCoin p, in XCat1 q);
        [KLDivergence] public static partial double KL(in XCoin p, in XCoinClass q);
        [CrossEntropy] public static partial double H(in XCoin p, in XCoinClass q);
        [KLDivergence] public static partial double KL(in XBin1 p, in XCoin q);
        [CrossEntropy] public static partial double H(in XBin1 p, in XCoin q);
        [KLDivergence] public static partial double KL(in XBin1 p, in XCat2 q);
        [CrossEntropy] public static partial double H(in XBin1 p, in XCat2 q);
        [KLDivergence] public static partial double KL(in XBin1 p, in XBin3 q);
        [CrossEntropy] public static partial double H(in XBin1 p, in XBin3 q);
        [KLDivergence] public static partial double KL(in XBin1 p, in XPoisson q);
        [CrossEntropy] public static partial double H(in XBin1 p, in XPoisson q);
        [KLDivergence] public static partial double KL(in XBin1 p, in XGeometric q);
        [CrossEntropy] public static partial double H(in XBin1 p, in XGeometric q);
        [KLDivergence] public static partial double KL(in XBin10 p, in XGeometric q);
        [CrossEntropy] public static partial double H(in XBin10 p, in XGeometric q);
        [KLDivergence] public static partial double KL(in XBin100 p, in XGeometric q);
        [CrossEntropy] public static partial double H(in XBin100 p, in XGeometric q);
        [KLDivergence] public static partial double KL(in XBin10 p, in XPoisson q);
        [CrossEntropy] public static partial double H(in XBin10 p, in XPoisson q);
        [KLDivergence] public static partial double KL(in XBin20 p, in XPoisson q);
        [CrossEntropy] public static partial double H(in XBin20 p, in XPoisson q);
        [KLDivergence] public static partial double KL(in XBin100 p, in XPoisson q);
        [CrossEntropy] public static partial double H(in XBin100 p, in XPoisson q);
        [KLDivergence] public static partial double KL(in XBin10000 p, in XPoisson q);
        [CrossEntropy] public static partial double H(in XBin10000 p, in XPoisson q);
        [KLDivergence] public static partial double KL(in XBin5 p, in XBin10 q);
        [CrossEntropy] public static partial double H(in XBin5 p, in XBin10 q);
        [KLDivergence] public static partial double KL(in XBin10 p, in XBin10Class q);
        [CrossEntropy] public static partial double H(in XBin10 p, in XBin10Class q);
        [KLDivergence] public static partial double KL(in XBin10 p, in XBin5 q);
        [CrossEntropy] public static partial double H(in XBin10 p, in XBin5 q);
        [KLDivergence] public static partial double KL(in XBin10 p, in XBin0 q);
        [CrossEntropy] public static partial double H(in XBin10 p, in XBin0 q);
        [KLDivergence] public static partial double KL(in XBin0 p, in XBin5 q);
        [CrossEntropy] public static partial double H(in XBin0 p, in XBin5 q);
        [KLDivergence] public static partial double KL(in XPoisson p, in XBin10 q);
        [CrossEntropy] public static partial double H(in XPoisson p, in XBin10 q);
        [KLDivergence] public static partial double KL(in XPoisson p, in XCoin q);
        [CrossEntropy] public static partial double H(in XPoisson p, in XCoin q);
        [KLDivergence] public static partial double KL(in XPoisson p, in XPoissonClass q);
        [CrossEntropy] public static partial double H(in XPoisson p, in XPoissonClass q);
        [KLDivergence] public static partial double KL(in XGeometric p, in XNegBin q);
        [CrossEntropy] public static partial double H(in XGeometric p, in XNegBin q);
        [KLDivergence] public static partial double KL(in XNegBin p, in XGeometric q);
        [CrossEntropy] public static partial double H(in XNegBin p, in XGeometric q);
        [KLDivergence] public static partial double KL(in XGeometric p, in XBin5 q);
        [CrossEntropy] public static partial double H(in XGeometric p, in XBin5 q);
        [KLDivergence] public static partial double KL(in XNegBin p, in XCat3 q);
        [CrossEntropy] public static partial double H(in XNegBin p, in XCat3 q);
        [KLDivergence] public static partial double KL(in XCat2 p, in XCat2B q);
        [CrossEntropy] public static partial double H(in XCat2 p, in XCat2B q);
        [KLDivergence] public static partial double KL(in XCat3 p, in XCat3B q);
        [CrossEntropy] public static partial double H(in XCat3 p, in XCat3B q);
        [KLDivergence] public static partial double KL(in XCat4 p, in XCat4B q);
        [CrossEntropy] public static partial double H(in XCat4 p, in XCat4B q);
        [KLDivergence] public static partial double KL(in XCat6 p, in XCat6B q);
        [CrossEntropy] public static partial double H(in XCat6 p, in XCat6B q);
        [KLDivergence] public static partial double KL(in XCat2 p, in XCat3 q);
        [CrossEntropy] public static partial double H(in XCat2 p, in XCat3 q);
        [KLDivergence] public static partial double KL(in XCat3 p, in XCat4 q);
        [CrossEntropy] public static partial double H(in XCat3 p, in XCat4 q);
        [KLDivergence] public static partial double KL(in XCat4 p, in XCat5 q);
        [CrossEntropy] public static partial double H(in XCat4 p, in XCat5 q);
        [KLDivergence] public static partial double KL(in XCat6 p, in XCat7 q);
        [CrossEntropy] public static partial double H(in XCat6 p, in XCat7 q);
        [KLDivergence] public static partial double KL(in XCat3 p, in XCat2 q);
        [CrossEntropy] public static partial double H(in XCat3 p, in XCat2 q);
        [KLDivergence] public static partial double KL(in XCat4 p, in XCat3 q);
        [CrossEntropy] public static partial double H(in XCat4 p, in XCat3 q);
        [KLDivergence] public static partial double KL(in XCat5 p, in XCat4 q);
        [CrossEntropy] public static partial double H(in XCat5 p, in XCat4 q);
        [KLDivergence] public static partial double KL(in XCat7 p, in XCat6 q);
        [CrossEntropy] public static partial double H(in XCat7 p, in XCat6 q);
        [KLDivergence(Tolerance = 1e-12)] public static partial double KL(in XPoisson p, in XGeometric q);
        [CrossEntropy(Tolerance = 1e-12)] public static partial double H(in XPoisson p, in XGeometric q);
        [KLDivergence(Tolerance = 1e-12)] public static partial double KL(in XGeometric p, in XPoisson q);
        [CrossEntropy(Tolerance = 1e-12)] public static partial double H(in XGeometric p, in XPoisson q);
        [KLDivergence(Tolerance = 1e-12)] public static partial double KL(in XNegBin p, in XPoisson q);
        [CrossEntropy(Tolerance = 1e-12)] public static partial double H(in XNegBin p, in XPoisson q);
        [KLDivergence(Tolerance = 1e-12)] public static partial double KL(in XPoisson p, in XNegBin q);
        [CrossEntropy(Tolerance = 1e-12)] public static partial double H(in XPoisson p, in XNegBin q);
        [KLDivergence] public static partial float KL(in XCoinF p, in XPoissonF q);
        [CrossEntropy] public static partial float H(in XCoinF p, in XPoissonF q);
        [KLDivergence(Tolerance = 1e-9)] public static partial float KL(in XPoissonF p, in XGeometricF q);
    }
#pragma warning restore DG0040
}
