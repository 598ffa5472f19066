using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>One representative declaration whose generated files are kept as snapshots.</summary>
/// <param name="Name">The "method" part of the snapshot file names: <c>SnapshotTests.{Name}#{hint}.verified.cs</c>.</param>
/// <param name="Source">A whole source file. Type names are unique across the table so that all cases compile together.</param>
/// <param name="Framework">The reference assemblies it is generated for.</param>
/// <param name="DivergencesOnly">
/// Snapshot only the [KLDivergence]/[CrossEntropy] files (hint names with '-'): the family types such a case declares
/// are snapshotted by their own cases, and repeating their files would only bury the divergence code in the diff.
/// </param>
public sealed record SnapshotCase(string Name, string Source, TestFramework Framework = TestFramework.Net100, bool DivergencesOnly = false)
{
    /// <summary>
    /// Warnings the declaration is meant to get (DG0040 on a divergence that is +∞ but at a point mass): the ids, one per
    /// diagnostic, in order. Errors are never expected here.
    /// </summary>
    public IReadOnlyList<string> ExpectedWarnings { get; init; } = Array.Empty<string>();

    public override string ToString() => Name;

    /// <summary>The generated files this case keeps snapshots of.</summary>
    public ImmutableArray<GeneratedSource> Snapshotted(GeneratorRun run) =>
        DivergencesOnly ? run.Sources.Where(s => s.HintName.Contains('-')).ToImmutableArray() : run.Sources;
}

/// <summary>
/// The snapshot declarations, declared once: <see cref="SnapshotTests"/> verifies each, <see cref="CompileTests"/>
/// compiles them together, and <see cref="SnapshotHygiene"/> derives from them the set of files that may exist.
/// </summary>
public static class SnapshotCases
{
    private const string Usings = "using DivergenceGen;\n\n";

    private static SnapshotCase InMyApp(string name, string declaration, TestFramework framework = TestFramework.Net100) =>
        new(name, Usings + "namespace MyApp;\n\n" + declaration + "\n", framework, DivergencesOnly: name.StartsWith("Divergence_", StringComparison.Ordinal));

    public static IReadOnlyList<SnapshotCase> All { get; } = new[]
    {
        InMyApp("Bernoulli_Double", """
            /// <summary>A coin.</summary>
            [Bernoulli] public readonly partial struct Coin;
            """),
        InMyApp("Bernoulli_Single", """
            /// <summary>A coin in single precision.</summary>
            [Bernoulli(Precision = Precision.Single)] public readonly partial struct CoinF;
            """),
        InMyApp("Bernoulli_SealedClass", """
            /// <summary>A coin as a class.</summary>
            [Bernoulli] public sealed partial class CoinClass;
            """),
        InMyApp("Categorical_K1", """
            /// <summary>The point mass (K = 1).</summary>
            [Categorical(1)] public readonly partial struct PointMass;
            """),
        InMyApp("Categorical_K2", """
            /// <summary>Two classes.</summary>
            [Categorical(2)] public readonly partial struct Cat2;
            """),
        InMyApp("Categorical_K6", """
            /// <summary>A die.</summary>
            [Categorical(6)] public readonly partial struct Die;
            """),
        InMyApp("Categorical_K16", """
            /// <summary>K at the default unroll threshold.</summary>
            [Categorical(16)] public readonly partial struct Cat16;
            """),
        InMyApp("Categorical_K17", """
            /// <summary>K one above the default unroll threshold.</summary>
            [Categorical(17)] public readonly partial struct Cat17;
            """),
        InMyApp("JointCategorical_2x3", """
            /// <summary>A 2 × 3 contingency table.</summary>
            [JointCategorical(2, 3)] public readonly partial struct Contingency;
            """),
        InMyApp("JointCategorical_3x4_Single", """
            /// <summary>A 3 × 4 joint law in single precision.</summary>
            [JointCategorical(3, 4, Precision = Precision.Single)] public readonly partial struct JointF;
            """),
        InMyApp("JointCategorical_4x5_SealedClass", """
            /// <summary>A 4 × 5 joint law as a class (K = 20: the inherited kernels loop).</summary>
            [JointCategorical(4, 5)] public sealed partial class JointTable;
            """),
        InMyApp("FiniteFamily_Zipf21", """
            /// <summary>A Zipf law with exponent s on the ranks 1 … 21.</summary>
            [FiniteFamily(21)]
            public readonly partial struct Zipf21
            {
                static double LogWeight(int k, double s) => -s * System.Math.Log(k + 1);
            }
            """),
        InMyApp("ExponentialFamily_InverseGaussian", """
            /// <summary>The issue's inverse Gaussian: two natural parameters on x &gt; 0; no entropy (E[log X] is not elementary).</summary>
            [ExponentialFamily(Support = Support.PositiveReals)]
            public readonly partial struct InverseGaussian
            {
                static (double, double) NaturalParameters(double mean, double shape) => (-shape / (2 * mean * mean), -shape / 2);
                static (double, double) SufficientStatistics(double x) => (x, 1 / x);
                static double LogPartition(double eta1, double eta2) => -2 * System.Math.Sqrt(eta1 * eta2) - 0.5 * System.Math.Log(-2 * eta2);
                static double LogBaseMeasure(double x) => -0.5 * System.Math.Log(2 * System.Math.PI) - 1.5 * System.Math.Log(x);
            }
            """) with { ExpectedWarnings = new[] { "DG0045" } },
        InMyApp("ExponentialFamily_LogNormal", """
            /// <summary>The log-normal law: log h = −log x − ½·log 2π is linear in T₁ = log x, so the entropy is derived.</summary>
            [ExponentialFamily(Support = Support.PositiveReals)]
            public readonly partial struct LogNormal
            {
                static (double, double) NaturalParameters(double mu = 0, double variance = 1) => (mu / variance, -0.5 / variance);
                static (double, double) SufficientStatistics(double x) => (System.Math.Log(x), System.Math.Log(x) * System.Math.Log(x));
                static double LogPartition(double eta1, double eta2) => -eta1 * eta1 / (4 * eta2) - 0.5 * System.Math.Log(-2 * eta2);
                static double LogBaseMeasure(double x) => -System.Math.Log(x) - 0.5 * System.Math.Log(2 * System.Math.PI);
            }
            """),
        InMyApp("ExponentialFamily_PoissonAsClass", """
            /// <summary>Poisson on k = 0, 1, 2, … by its natural parameter log λ, as a class; Fit starts at the declared rate 1.</summary>
            [ExponentialFamily(Support = Support.NonNegativeIntegers)]
            public sealed partial class Counts
            {
                static double NaturalParameters(double rate = 1) => System.Math.Log(rate);
                static double SufficientStatistics(int k) => k;
                static double LogPartition(double eta) => System.Math.Exp(eta);
                static double LogBaseMeasure(int k) => -SpecialFunctions.LogFactorial(k);
                static double ExpectedLogBaseMeasure(double eta) => 0; // deliberately wrong, to show the user's method is used
            }
            """),
        InMyApp("ExponentialFamily_FiniteOutcomes", """
            /// <summary>Binomial(4) by its logit on the outcomes 0 … 4: the entropy is a finite sum.</summary>
            [ExponentialFamily(Support = Support.Outcomes, Outcomes = 5)]
            public readonly partial struct Four
            {
                static double NaturalParameters(double p = 0.5) => System.Math.Log(p) - double.LogP1(-p);
                static double SufficientStatistics(int k) => k;
                static double LogPartition(double eta) => 4 * double.LogP1(System.Math.Exp(eta));
                static double LogBaseMeasure(int k) => SpecialFunctions.LogBinomialCoefficient(4, k);
            }
            """),
        InMyApp("FiniteFamily_Single", """
            /// <summary>A truncated geometric-like law in single precision, two parameters.</summary>
            [FiniteFamily(5)]
            public readonly partial struct TiltF
            {
                static float LogWeight(int k, float a, float b) => -a * k - b * k * k;
            }
            """),
        InMyApp("FiniteFamily_SealedClass", """
            /// <summary>A law over 0 … 39 as a class (K = 40: the inherited kernels loop); a keyword parameter.</summary>
            [FiniteFamily(40)]
            public sealed partial class Decay
            {
                private static double LogWeight(int outcome, double @event) => -@event * outcome;
            }
            """),
        InMyApp("Categorical_K1000", """
            /// <summary>A large struct.</summary>
            [Categorical(1000)] public readonly partial struct Cat1000;
            """),
        InMyApp("Categorical_K1000_Single", """
            /// <summary>A vocabulary in single precision.</summary>
            [Categorical(1000, Precision = Precision.Single)] public readonly partial struct Vocab;
            """),
        InMyApp("Categorical_K1000_SealedClass", """
            /// <summary>The class form.</summary>
            [Categorical(1000)] public sealed partial class BigDie;
            """),
        InMyApp("Categorical_K6_UnrollThreshold0", """
            /// <summary>A die with loops instead of unrolled code.</summary>
            [Categorical(6, UnrollThreshold = 0)] public readonly partial struct LoopedDie;
            """),
        new("GlobalNamespace", Usings + """
            /// <summary>A die in the global namespace.</summary>
            [Categorical(3)] public readonly partial struct GlobalDie;

            """),
        InMyApp("Nested", """
            /// <summary>Container.</summary>
            public static partial class Outer
            {
                /// <summary>A nested coin.</summary>
                [Bernoulli] public readonly partial struct Inner;
            }
            """),
        InMyApp("DoublyNested", """
            /// <summary>Outer container.</summary>
            public partial record Outer2
            {
                /// <summary>Middle container.</summary>
                public readonly partial record struct Middle
                {
                    /// <summary>A doubly nested die.</summary>
                    [Categorical(4)] public sealed partial class Leaf;
                }
            }
            """),
        InMyApp("Internal", """
            [Categorical(6)] internal readonly partial struct InternalDie;
            """),
        InMyApp("Loss_K10_Single_Smoothing_Mean", """
            /// <summary>The issue's example: ten digits, float, label smoothing and the default ignore index.</summary>
            [SoftmaxCrossEntropy(10, LabelSmoothing = 0.1, IgnoreIndex = -100, Reduction = Reduction.Mean, Precision = Precision.Single)]
            public static partial class DigitLoss;
            """),
        InMyApp("Loss_K3_Sum", """
            /// <summary>Three classes, summed, no smoothing.</summary>
            [SoftmaxCrossEntropy(3, Reduction = Reduction.Sum)] public static partial class TriLoss;
            """),
        InMyApp("Loss_K16_Mean", """
            /// <summary>K at the default unroll threshold: still straight-line rows.</summary>
            [SoftmaxCrossEntropy(16)] public static partial class Loss16;
            """),
        InMyApp("Loss_K17_Smoothing_IgnoreInRange", """
            /// <summary>K one above the threshold: SIMD loops with a scalar tail; the ignore index is a class.</summary>
            [SoftmaxCrossEntropy(17, LabelSmoothing = 0.2, IgnoreIndex = 3)] public static partial class Loss17;
            """),
        InMyApp("Loss_K1000_None", """
            /// <summary>A vocabulary, per-sample losses.</summary>
            [SoftmaxCrossEntropy(1000, Reduction = Reduction.None)] public static partial class VocabLoss;
            """),
        InMyApp("Loss_K2_Nested_UnrollThreshold0", """
            /// <summary>Container.</summary>
            public static partial class Losses
            {
                /// <summary>Two classes with loops forced.</summary>
                [SoftmaxCrossEntropy(2, UnrollThreshold = 0, Precision = Precision.Single)] public static partial class Binary;
            }
            """),
        InMyApp("Nll_K5_Mean", """
            /// <summary>NLL over five classes, the mean: straight-line rows and blocks of rows.</summary>
            [NllLoss(5)] public static partial class Nll5;
            """),
        InMyApp("Nll_K10_Single_Sum_IgnoreInRange", """
            /// <summary>NLL in float, summed; the ignore index is a class.</summary>
            [NllLoss(10, Precision = Precision.Single, Reduction = Reduction.Sum, IgnoreIndex = 0)] public static partial class Nll10F;
            """),
        InMyApp("Nll_K1000_None", """
            /// <summary>NLL over a vocabulary, per-sample losses: looped rows.</summary>
            [NllLoss(1000, Reduction = Reduction.None)] public static partial class VocabNll;
            """),
        InMyApp("Distill_K6_Mean", """
            /// <summary>Distillation over six classes, T = 2 (the default), the mean over rows: straight-line rows.</summary>
            [KLDivergenceLoss(6)] public static partial class Distill6;
            """),
        InMyApp("Distill_K100_Single_Sum_T4", """
            /// <summary>Distillation over 100 classes in float, T = 4, summed: looped rows.</summary>
            [KLDivergenceLoss(100, Temperature = 4, Precision = Precision.Single, Reduction = Reduction.Sum)] public static partial class Distill100F;
            """),
        InMyApp("Bce_C1_Mean", """
            /// <summary>Plain binary classification: one logit per row, the mean.</summary>
            [BinaryCrossEntropy(1)] public static partial class CoinLoss;
            """),
        InMyApp("Bce_C5_Single_None", """
            /// <summary>Five labels per row in float, a loss per element: straight-line rows.</summary>
            [BinaryCrossEntropy(5, Precision = Precision.Single, Reduction = Reduction.None)] public static partial class Tags5F;
            """),
        InMyApp("Bce_C40_Sum", """
            /// <summary>Forty labels per row, summed: looped rows with a tail.</summary>
            [BinaryCrossEntropy(40, Reduction = Reduction.Sum)] public static partial class Tags40;
            """),
        InMyApp("Net80_Categorical_K17", """
            /// <summary>K = 17 without Vector256.Log (net8.0).</summary>
            [Categorical(17)] public readonly partial struct Net80Cat17;
            """, TestFramework.Net80),
        InMyApp("Binomial_N10", """
            /// <summary>Ten flips: n + 1 = 11 ≤ 16, straight-line entropy over the constant table.</summary>
            [Binomial(10)] public readonly partial struct TenFlips;
            """),
        InMyApp("Binomial_N0", """
            /// <summary>The point mass at 0 (n = 0).</summary>
            [Binomial(0)] public readonly partial struct NoFlips;
            """),
        InMyApp("Binomial_N20_Single", """
            /// <summary>Twenty flips in single precision: SIMD entropy over the table.</summary>
            [Binomial(20, Precision = Precision.Single)] public readonly partial struct TwentyFlipsF;
            """),
        InMyApp("Binomial_N1024_SealedClass", """
            /// <summary>The largest n with the compile-time table, as a class.</summary>
            [Binomial(1024)] public sealed partial class Binomial1024;
            """),
        InMyApp("Binomial_N1e9", """
            /// <summary>n = 10⁹: no table, Loader's saddle-point form.</summary>
            [Binomial(1000000000)] public readonly partial struct Billion;
            """),
        InMyApp("Geometric_Double", """
            /// <summary>Failures before the first success.</summary>
            [Geometric] public readonly partial struct Failures;
            """),
        InMyApp("Geometric_Single", """
            /// <summary>Geometric in single precision.</summary>
            [Geometric(Precision = Precision.Single)] public readonly partial struct FailuresF;
            """),
        InMyApp("Poisson_Double", """
            /// <summary>Arrivals per interval.</summary>
            [Poisson] public readonly partial struct Arrivals;
            """),
        InMyApp("Poisson_Single_SealedClass", """
            /// <summary>Poisson in single precision, as a class.</summary>
            [Poisson(Precision = Precision.Single)] public sealed partial class ArrivalsF;
            """),
        InMyApp("Normal_Double", """
            /// <summary>Request latency in milliseconds.</summary>
            [Normal] public readonly partial struct Latency;
            """),
        InMyApp("Normal_Single_SealedClass", """
            /// <summary>A normal law in single precision, as a class.</summary>
            [Normal(Precision = Precision.Single)] public sealed partial class LatencyF;
            """),
        InMyApp("LogNormal_Double", """
            /// <summary>Response times.</summary>
            [LogNormal] public readonly partial struct ResponseTime;
            """),
        InMyApp("Exponential_Double", """
            /// <summary>Waiting times.</summary>
            [Exponential] public readonly partial struct Waiting;
            """),
        InMyApp("Gamma_Double", """
            /// <summary>Daily rainfall.</summary>
            [Gamma] public readonly partial struct Rainfall;
            """),
        InMyApp("Beta_Double", """
            /// <summary>Click-through rates.</summary>
            [Beta] public readonly partial struct ClickRate;
            """),
        InMyApp("Laplace_Double", """
            /// <summary>Residuals.</summary>
            [Laplace] public partial struct Residual;
            """),
        InMyApp("DiagonalNormal_D2", """
            /// <summary>A two-dimensional latent code.</summary>
            [DiagonalNormal(2)] public readonly partial struct Latent2;
            """),
        InMyApp("DiagonalNormal_D16", """
            /// <summary>A VAE's latent code, the batch KL reduced by the mean.</summary>
            [DiagonalNormal(16)] public readonly partial struct Latent16;
            """),
        InMyApp("DiagonalNormal_D17_Single_Sum", """
            /// <summary>A latent code in single precision; the batch KL summed over rows.</summary>
            [DiagonalNormal(17, Precision = Precision.Single, Reduction = Reduction.Sum)] public partial struct Latent17F;
            """),
        InMyApp("DiagonalNormal_D1024_SealedClass_None", """
            /// <summary>A wide latent code as a class; the batch KL per row.</summary>
            [DiagonalNormal(1024, Reduction = Reduction.None)] public sealed partial class Latent1024;
            """),
        InMyApp("Dirichlet_K3", """
            /// <summary>Evidence over three classes.</summary>
            [Dirichlet(3)] public readonly partial struct Evidence3;
            """),
        InMyApp("Dirichlet_K10_Single_SealedClass", """
            /// <summary>Evidence over ten classes in single precision, as a class.</summary>
            [Dirichlet(10, Precision = Precision.Single)] public sealed partial class Evidence10F;
            """),
        InMyApp("Multinomial_K3_N10", """
            /// <summary>Ten rolls of a three-sided die.</summary>
            [Multinomial(3, 10)] public readonly partial struct TenRolls;
            """),
        InMyApp("Multinomial_K6_N1e6_Single_SealedClass", """
            /// <summary>A million draws over six classes, in single precision, as a class.</summary>
            [Multinomial(6, 1_000_000, Precision = Precision.Single)] public sealed partial class MillionDraws;
            """),
        InMyApp("Continuous_Single", """
            /// <summary>Response times in single precision.</summary>
            [LogNormal(Precision = Precision.Single)] public readonly partial struct ResponseTimeF;
            /// <summary>Waiting times in single precision, as a class.</summary>
            [Exponential(Precision = Precision.Single)] public sealed partial class WaitingF;
            /// <summary>Rainfall in single precision.</summary>
            [Gamma(Precision = Precision.Single)] public readonly partial struct RainfallF;
            /// <summary>Click-through rates in single precision.</summary>
            [Beta(Precision = Precision.Single)] public partial struct ClickRateF;
            /// <summary>Residuals in single precision.</summary>
            [Laplace(Precision = Precision.Single)] public readonly partial struct ResidualF;
            """),
        InMyApp("Uniform_Double", """
            /// <summary>Arrival phases.</summary>
            [Uniform] public readonly partial struct Phase;
            """),
        InMyApp("Uniform_Single", """
            /// <summary>Jitter.</summary>
            [Uniform(Precision = Precision.Single)] public readonly partial struct Jitter;
            """),
        InMyApp("NegativeBinomial_Double", """
            /// <summary>Over-dispersed counts.</summary>
            [NegativeBinomial] public readonly partial struct Overdispersed;
            """),
        InMyApp("NegativeBinomial_Single", """
            /// <summary>Negative binomial in single precision.</summary>
            [NegativeBinomial(Precision = Precision.Single)] public readonly partial struct OverdispersedF;
            """),
        InMyApp("Net80_Binomial_N20", """
            /// <summary>Binomial(20) on net8.0.</summary>
            [Binomial(20)] public readonly partial struct Net80Flips;
            """, TestFramework.Net80),
        InMyApp("Net80_Bernoulli", """
            /// <summary>A coin without Vector256.Log (net8.0).</summary>
            [Bernoulli] public readonly partial struct Net80Coin;
            """, TestFramework.Net80),
        // ---- [KLDivergence] / [CrossEntropy] across declared families: one case per method -------------------
        InMyApp("Divergence_Undocumented", """
            /// <summary>A coin.</summary>
            [Bernoulli] public readonly partial struct UCoin;
            /// <summary>Arrivals.</summary>
            [Poisson] public sealed partial class UArrivals;
            /// <summary>Overdispersed counts.</summary>
            [NegativeBinomial] public readonly partial struct UOver;

            /// <summary>Methods declared without documentation: the generated part documents them.</summary>
            public static partial class Undocumented
            {
                [KLDivergence] public static partial double KL(in UCoin p, UArrivals @in);
                [CrossEntropy(Tolerance = 1e-12)] public static partial double H(in UOver p, UArrivals q);
            }
            """),
        InMyApp("Divergence_Method1_ClosedForm", """
            /// <summary>A coin.</summary>
            [Bernoulli] public readonly partial struct M1Coin;
            /// <summary>A coin as a class.</summary>
            [Bernoulli] public sealed partial class M1CoinClass;
            /// <summary>A die.</summary>
            [Categorical(6)] public readonly partial struct M1Die;
            /// <summary>Another die type.</summary>
            [Categorical(6)] public readonly partial struct M1DieB;

            /// <summary>Divergences with a closed form.</summary>
            public static partial class ClosedForms
            {
                /// <summary>Bernoulli‖Bernoulli across two types.</summary>
                [KLDivergence] public static partial double KL(in M1Coin p, in M1CoinClass q);
                /// <summary>The cross-entropy.</summary>
                [CrossEntropy] public static partial double H(in M1Coin p, in M1CoinClass q);
                /// <summary>One type, by value.</summary>
                [KLDivergence] internal static partial double KL(M1Coin p, M1Coin q);
                /// <summary>Categorical(6)‖Categorical(6) across two types; the tolerance is not needed.</summary>
                [KLDivergence(Tolerance = 1e-12)] public static partial double KL(in M1Die p, in M1DieB q);
                /// <summary>The cross-entropy.</summary>
                [CrossEntropy] public static partial double H(in M1Die p, in M1DieB q);
            }
            """),
        InMyApp("Divergence_Method2_InfiniteBySupport", """
            /// <summary>A coin.</summary>
            [Bernoulli] public readonly partial struct M2Coin;
            /// <summary>The point mass.</summary>
            [Categorical(1)] public readonly partial struct M2Point;
            /// <summary>A die.</summary>
            [Categorical(6)] public readonly partial struct M2Die;
            /// <summary>40 classes.</summary>
            [Categorical(40)] public sealed partial class M2Cat40;
            /// <summary>20 classes.</summary>
            [Categorical(20)] public readonly partial struct M2Cat20;

            /// <summary>Divergences where P can put mass outside Q's support.</summary>
            public static partial class BySupport
            {
                /// <summary>+∞ unless p = 0.</summary>
                [KLDivergence] public static partial double KL(in M2Coin p, in M2Point q);
                /// <summary>The cross-entropy.</summary>
                [CrossEntropy] public static partial double H(in M2Coin p, in M2Point q);
                /// <summary>Decided at run time, unrolled.</summary>
                [KLDivergence] public static partial double KL(in M2Die p, in M2Coin q);
                /// <summary>Decided at run time, loops.</summary>
                [KLDivergence] public static partial double KL(M2Cat40? p, in M2Cat20 q);
            }
            """) with { ExpectedWarnings = new[] { "DG0040", "DG0040" } },
        InMyApp("Divergence_Continuous", """
            /// <summary>A normal law.</summary>
            [Normal] public readonly partial struct CNormal;
            /// <summary>A Laplace law.</summary>
            [Laplace] public readonly partial struct CLaplace;
            /// <summary>A gamma law.</summary>
            [Gamma] public readonly partial struct CGamma;
            /// <summary>A log-normal law.</summary>
            [LogNormal] public sealed partial class CLogNormal;
            /// <summary>A beta law.</summary>
            [Beta] public readonly partial struct CBeta;
            /// <summary>A uniform law.</summary>
            [Uniform] public readonly partial struct CUniform;
            /// <summary>An exponential law.</summary>
            [Exponential] public readonly partial struct CExponential;

            /// <summary>Divergences between continuous families.</summary>
            public static partial class Continuous
            {
                /// <summary>Normal‖Laplace: E|X − μ| of a normal law.</summary>
                [KLDivergence] public static partial double KL(in CNormal p, in CLaplace q);
                /// <summary>Gamma‖LogNormal: the log-moments of a gamma law.</summary>
                [CrossEntropy] public static partial double H(in CGamma p, CLogNormal q);
                /// <summary>Uniform‖Beta: decided at run time by the support.</summary>
                [KLDivergence] public static partial double KL(in CUniform p, in CBeta q);
                /// <summary>Normal‖Exponential: +∞ at compile time.</summary>
                [KLDivergence] public static partial double KL(in CNormal p, in CExponential q);
                /// <summary>Beta‖Uniform: Q's ends are parameters.</summary>
                [CrossEntropy] public static partial double H(in CBeta p, in CUniform q);
                /// <summary>The same family: the type's own member.</summary>
                [KLDivergence] public static partial double KL(in CGamma p, in CGamma q);
            }
            """),
        InMyApp("Divergence_Method3_FiniteSummation", """
            /// <summary>A coin.</summary>
            [Bernoulli] public readonly partial struct M3Coin;
            /// <summary>A die.</summary>
            [Categorical(6)] public readonly partial struct M3Die;
            /// <summary>20 classes.</summary>
            [Categorical(20)] public readonly partial struct M3Cat20;
            /// <summary>A coin in single precision.</summary>
            [Bernoulli(Precision = Precision.Single)] public readonly partial struct M3CoinF;
            /// <summary>A die in single precision.</summary>
            [Categorical(6, Precision = Precision.Single)] public readonly partial struct M3DieF;

            /// <summary>Outer container.</summary>
            public static partial class Outer
            {
                /// <summary>Divergences by exact summation over P's finite support.</summary>
                internal static partial class Summation
                {
                    /// <summary>Two terms.</summary>
                    [KLDivergence] public static partial double KL(in M3Coin p, in M3Die q);
                    /// <summary>The cross-entropy.</summary>
                    [CrossEntropy] public static partial double H(in M3Coin p, in M3Die q);
                    /// <summary>Six terms against twenty outcomes; parameters named like the generated locals.</summary>
                    [KLDivergence] public static partial double KL(in M3Die sum, in M3Cat20 k);
                    /// <summary>20 terms: a loop.</summary>
                    [CrossEntropy] public static partial double H(in M3Cat20 p, in M3Cat20 q);
                    /// <summary>Single precision.</summary>
                    [KLDivergence] public static partial float KL(in M3CoinF p, in M3DieF q);
                }
            }
            """),
        InMyApp("Divergence_Count_Method1_ClosedForm", """
            /// <summary>Ten flips.</summary>
            [Binomial(10)] public readonly partial struct C1Flips;
            /// <summary>Ten flips, another type.</summary>
            [Binomial(10)] public sealed partial class C1FlipsB;
            /// <summary>One flip as a binomial.</summary>
            [Binomial(1)] public readonly partial struct C1One;
            /// <summary>A coin.</summary>
            [Bernoulli] public readonly partial struct C1Coin;
            /// <summary>Arrivals.</summary>
            [Poisson] public readonly partial struct C1Arrivals;
            /// <summary>Arrivals, another type.</summary>
            [Poisson] public readonly partial struct C1ArrivalsB;
            /// <summary>Failures before the first success.</summary>
            [Geometric] public readonly partial struct C1Failures;
            /// <summary>Failures before the r-th success.</summary>
            [NegativeBinomial] public readonly partial struct C1Over;

            /// <summary>Closed forms between count families.</summary>
            public static partial class CountClosedForms
            {
                /// <summary>Binomial(10)‖Binomial(10).</summary>
                [KLDivergence] public static partial double KL(in C1Flips p, C1FlipsB q);
                /// <summary>Bernoulli‖Binomial(1).</summary>
                [KLDivergence] public static partial double KL(in C1Coin p, in C1One q);
                /// <summary>Binomial(1)‖Bernoulli.</summary>
                [CrossEntropy] public static partial double H(in C1One p, in C1Coin q);
                /// <summary>Bernoulli‖Poisson.</summary>
                [KLDivergence] public static partial double KL(in C1Coin p, in C1Arrivals q);
                /// <summary>Bernoulli‖Poisson.</summary>
                [CrossEntropy] public static partial double H(in C1Coin p, in C1Arrivals q);
                /// <summary>Poisson‖Poisson.</summary>
                [KLDivergence] public static partial double KL(in C1Arrivals p, in C1ArrivalsB q);
                /// <summary>Geometric‖NegativeBinomial.</summary>
                [KLDivergence] public static partial double KL(in C1Failures p, in C1Over q);
                /// <summary>NegativeBinomial‖Geometric.</summary>
                [CrossEntropy] public static partial double H(in C1Over p, in C1Failures q);
                /// <summary>Poisson‖Geometric: a closed form for the cross-entropy only.</summary>
                [CrossEntropy] public static partial double H(in C1Arrivals p, in C1Failures q);
            }
            """),
        InMyApp("Divergence_Count_Method2_InfiniteBySupport", """
            /// <summary>Ten flips.</summary>
            [Binomial(10)] public readonly partial struct C2Ten;
            /// <summary>Five flips.</summary>
            [Binomial(5)] public readonly partial struct C2Five;
            /// <summary>A coin.</summary>
            [Bernoulli] public readonly partial struct C2Coin;
            /// <summary>Arrivals.</summary>
            [Poisson] public sealed partial class C2Arrivals;
            /// <summary>Failures.</summary>
            [Geometric] public readonly partial struct C2Failures;
            /// <summary>Overdispersed counts.</summary>
            [NegativeBinomial] public readonly partial struct C2Over;
            /// <summary>Three classes.</summary>
            [Categorical(3)] public readonly partial struct C2Three;

            /// <summary>P can put mass where Q has none.</summary>
            public static partial class CountBySupport
            {
                /// <summary>Binomial(10)‖Binomial(5).</summary>
                [KLDivergence] public static partial double KL(in C2Ten p, in C2Five q);
                /// <summary>Binomial(10)‖Binomial(5).</summary>
                [CrossEntropy] public static partial double H(in C2Ten p, in C2Five q);
                /// <summary>Poisson‖Bernoulli.</summary>
                [KLDivergence] public static partial double KL(C2Arrivals p, in C2Coin q);
                /// <summary>Geometric‖Binomial(5).</summary>
                [KLDivergence] public static partial double KL(in C2Failures p, in C2Five q);
                /// <summary>NegativeBinomial‖Categorical(3).</summary>
                [CrossEntropy] public static partial double H(in C2Over p, in C2Three q);
            }
            """) with { ExpectedWarnings = new[] { "DG0040", "DG0040", "DG0040", "DG0040", "DG0040" } },
        InMyApp("Divergence_Count_Method3_FiniteSummation", """
            /// <summary>Ten flips.</summary>
            [Binomial(10)] public readonly partial struct C3TenFlips;
            /// <summary>Five flips.</summary>
            [Binomial(5)] public readonly partial struct C3FiveFlips;
            /// <summary>A hundred flips.</summary>
            [Binomial(100)] public readonly partial struct C3HundredFlips;
            /// <summary>The largest n.</summary>
            [Binomial(2147483647)] public sealed partial class C3HugeFlips;
            /// <summary>Arrivals.</summary>
            [Poisson] public readonly partial struct C3Arrivals;
            /// <summary>Failures.</summary>
            [Geometric] public readonly partial struct C3Failures;
            /// <summary>Overdispersed counts.</summary>
            [NegativeBinomial] public readonly partial struct C3Over;
            /// <summary>A coin.</summary>
            [Bernoulli] public readonly partial struct C3Coin;
            /// <summary>Twenty flips in single precision.</summary>
            [Binomial(20, Precision = Precision.Single)] public readonly partial struct C3TwentyF;
            /// <summary>Arrivals in single precision.</summary>
            [Poisson(Precision = Precision.Single)] public readonly partial struct C3ArrivalsF;

            /// <summary>The issue's example: Binomial(10)‖Poisson.</summary>
            public static partial class Divergences
            {
                /// <summary>Binomial(10)‖Poisson.</summary>
                [KLDivergence] public static partial double KL(in C3TenFlips p, in C3Arrivals q);
                /// <summary>Binomial(10)‖Poisson.</summary>
                [CrossEntropy] public static partial double H(in C3TenFlips p, in C3Arrivals q);
                /// <summary>Binomial(5)‖Binomial(10): n &lt; m.</summary>
                [KLDivergence] public static partial double KL(in C3FiveFlips p, in C3TenFlips q);
                /// <summary>Binomial(100)‖Geometric: a loop.</summary>
                [KLDivergence] public static partial double KL(in C3HundredFlips p, in C3Failures q);
                /// <summary>Bernoulli‖NegativeBinomial.</summary>
                [CrossEntropy] public static partial double H(in C3Coin p, in C3Over q);
                /// <summary>Binomial(int.MaxValue)‖Poisson: the loop counts in long.</summary>
                [KLDivergence] public static partial double KL(C3HugeFlips p, in C3Arrivals q);
                /// <summary>Single precision, a loop.</summary>
                [KLDivergence] public static partial float KL(in C3TwentyF p, in C3ArrivalsF q);
            }
            """),
        InMyApp("Divergence_Count_Method4_TruncatedSeries", """
            /// <summary>Arrivals.</summary>
            [Poisson] public readonly partial struct C4Arrivals;
            /// <summary>Failures.</summary>
            [Geometric] public readonly partial struct C4Failures;
            /// <summary>Overdispersed counts.</summary>
            [NegativeBinomial] public readonly partial struct C4Over;
            /// <summary>Arrivals in single precision, as a class.</summary>
            [Poisson(Precision = Precision.Single)] public sealed partial class C4ArrivalsF;
            /// <summary>Failures in single precision.</summary>
            [Geometric(Precision = Precision.Single)] public readonly partial struct C4FailuresF;

            /// <summary>Infinite supports without a closed form: opted in to a truncated series.</summary>
            public static partial class Series
            {
                /// <summary>Poisson‖Geometric.</summary>
                [KLDivergence(Tolerance = 1e-12)] public static partial double KL(in C4Arrivals p, in C4Failures q);
                /// <summary>Geometric‖Poisson.</summary>
                [CrossEntropy(Tolerance = 1e-10)] public static partial double H(in C4Failures p, in C4Arrivals q);
                /// <summary>NegativeBinomial‖Poisson.</summary>
                [KLDivergence(Tolerance = 1e-12)] public static partial double KL(in C4Over p, in C4Arrivals q);
                /// <summary>Single precision.</summary>
                [KLDivergence(Tolerance = 1e-9)] public static partial float KL(C4ArrivalsF p, in C4FailuresF q);
            }
            """),
        InMyApp("Net80_Loss_K20_Single", """
            /// <summary>A float loss compiled against the net8.0 reference assemblies (K = 20 > 16: SIMD loops).</summary>
            [SoftmaxCrossEntropy(20, LabelSmoothing = 0.05, Precision = Precision.Single)] public static partial class Net80Loss;
            """, TestFramework.Net80),
    };

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static SnapshotCase Get(string name) =>
        All.SingleOrDefault(c => c.Name == name) ?? throw new ArgumentException($"No snapshot case named {name}.", nameof(name));

    private static readonly ConcurrentDictionary<string, Lazy<GeneratorRun>> Runs = new();

    /// <summary>The generator's run over one case, computed once per test run (shared by the snapshot and hygiene tests).</summary>
    public static GeneratorRun Run(SnapshotCase @case) =>
        Runs.GetOrAdd(@case.Name, _ => new Lazy<GeneratorRun>(() =>
            GeneratorHarness.Run(@case.Source, new CompilationSetup(@case.Framework)))).Value;
}
