using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// Every misuse gets its DGxxxx at the right span (marked <c>[|…|]</c> in the source), the generator throws
/// nothing, and what it generates for a rejected declaration adds no compiler error.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = "using DivergenceGen;\n\nnamespace MyApp;\n\n";

    // ---- DG0001: type not partial -------------------------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly struct [|Coin|];")]
    [InlineData("[Poisson] public readonly struct [|Arrivals|];")]
    [InlineData("[Binomial(3)] public sealed class [|Flips|] { }")]
    [InlineData("[Categorical(6)] public sealed class [|Die|];")]
    [InlineData("[Categorical(6)] public readonly struct [|Die|] { }")]
    public void DG0001_TypeNotPartial(string declaration) => AssertReports("DG0001", declaration);

    // ---- DG0002: containing type not partial -------------------------------------------------------------------

    [Theory]
    [InlineData("public static class [|Outer|] { [Bernoulli] public readonly partial struct Coin; }")]
    [InlineData("public static partial class Outer { public class [|Middle|] { [Categorical(3)] public readonly partial struct Die; } }")]
    [InlineData("public static class [|Outer|] { public partial class Middle { [Categorical(3)] public readonly partial struct Die; } }")]
    public void DG0002_ContainingTypeNotPartial(string declaration) => AssertReports("DG0002", declaration);

    // ---- DG0003: unsupported kind of type ----------------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct [|Coin|]<T>;")]
    [InlineData("[Geometric] public partial class [|Failures|];")]
    [InlineData("[NegativeBinomial] public readonly partial record struct [|Counts|];")]
    [InlineData("[Categorical(3)] public sealed partial class [|Die|]<T>;")]
    [InlineData("[Bernoulli] public readonly ref partial struct [|Coin|];")]
    [InlineData("[Bernoulli] public partial class [|Coin|];")]
    [InlineData("[Categorical(3)] public abstract partial class [|Die|];")]
    [InlineData("[Bernoulli] public static partial class [|Coin|];")]
    [InlineData("[Bernoulli] public partial interface [|ICoin|];")]
    [InlineData("[Bernoulli] public sealed partial record [|Coin|];")]
    [InlineData("[Categorical(3)] public readonly partial record struct [|Die|];")]
    [InlineData("public partial class Outer<T> { [Bernoulli] public readonly partial struct [|Coin|]; }")]
    public void DG0003_UnsupportedTypeKind(string declaration) => AssertReports("DG0003", declaration);

    // ---- DG0004: invalid attribute argument --------------------------------------------------------------------

    [Theory]
    [InlineData("[Categorical([|0|])] public readonly partial struct Die;")]
    [InlineData("[Binomial([|-1|])] public readonly partial struct Flips;")]
    [InlineData("[Binomial([|int.MinValue|])] public sealed partial class Flips;")]
    [InlineData("[Binomial(10, UnrollThreshold = [|-1|])] public readonly partial struct Flips;")]
    [InlineData("[Poisson(Precision = [|(Precision)2|])] public readonly partial struct Arrivals;")]
    [InlineData("[NegativeBinomial(Precision = [|(Precision)(-1)|])] public readonly partial struct Counts;")]
    [InlineData("[Categorical([|-3|])] public readonly partial struct Die;")]
    [InlineData("[Categorical([|16777217|])] public readonly partial struct Die;")]
    [InlineData("[Categorical([|Sizes.None|])] public readonly partial struct Die;\nstatic class Sizes { public const int None = 0; }")]
    [InlineData("[Bernoulli(Precision = [|(Precision)7|])] public readonly partial struct Coin;")]
    [InlineData("[Categorical(6, Precision = [|(Precision)7|])] public readonly partial struct Die;")]
    [InlineData("[Categorical(6, UnrollThreshold = [|-1|])] public readonly partial struct Die;")]
    [InlineData("[Categorical(6, UnrollThreshold = [|1000|])] public readonly partial struct Die;")]
    [InlineData("[Categorical(6, UnrollThreshold = [|257|])] public readonly partial struct Die;")]
    public void DG0004_InvalidAttributeArgument(string declaration) => AssertReports("DG0004", declaration);

    // ---- DG0005: member clashes with a generated member --------------------------------------------------------

    [Theory]
    [InlineData("[Categorical(6)] public readonly partial struct Die { public double [|Entropy|]() => 0; }")]
    [InlineData("[Poisson] public readonly partial struct Arrivals { public double [|Rate|] => 1; }")]
    [InlineData("[Binomial(5)] public readonly partial struct Flips { public const int [|Trials|] = 5; }")]
    [InlineData("[Binomial(5)] public readonly partial struct Flips { private static double [|LogChoose|](int k) => k; }")]
    [InlineData("[Geometric] public readonly partial struct Failures { public double [|Mean|] => 0; }")]
    [InlineData("[NegativeBinomial] public readonly partial struct Counts { public static Counts [|Fit|](int r) => default; }")]
    [InlineData("[Geometric] public sealed partial class Failures { public [|Failures|]() { } }")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { public double [|Entropy|](int unused) => unused; }")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { public double [|P|] => 0.5; }")]
    [InlineData("[Categorical(6)] public readonly partial struct Die { public readonly int [|Classes|]; }")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { public [|Coin|](int seed) { this = default; } }")]
    [InlineData("[Categorical(6)] public readonly partial struct Die { public [|Die|]() { this = default; } }")]
    [InlineData("[Categorical(1000)] public sealed partial class BigDie { public [|BigDie|]() { } }")]
    public void DG0005_MemberNameClash(string declaration) => AssertReports("DG0005", declaration);

    // ---- DG0006: language version below 12 ---------------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct [|Coin|] { }", LanguageVersion.CSharp11)]
    [InlineData("[Categorical(6)] public readonly partial struct [|Die|] { }", LanguageVersion.CSharp11)]
    [InlineData("[Categorical(6)] public sealed partial class [|BigDie|] { }", LanguageVersion.CSharp10)]
    public void DG0006_LanguageVersionTooOld(string declaration, LanguageVersion version) =>
        AssertReports("DG0006", declaration, new CompilationSetup(LanguageVersion: version));

    // ---- DG0007: more than one family --------------------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli, [|Categorical(3)|]] public readonly partial struct Coin;")]
    [InlineData("[Categorical(3)]\n[[|Bernoulli|]]\npublic readonly partial struct Die;")]
    [InlineData("[Poisson, [|Geometric|]] public readonly partial struct Counts;")]
    [InlineData("[Binomial(4)]\n[[|Categorical(5)|]]\npublic readonly partial struct Counts;")]
    public void DG0007_MultipleFamilies(string declaration) => AssertReports("DG0007", declaration);

    // ---- DG0008: categorical struct too large (> 64 KiB inline: K > 4096 double, K > 8192 float) --------------

    [Theory]
    [InlineData("[Categorical(4097)] public readonly partial struct [|Vocabulary|];")]
    [InlineData("[Categorical(8193, Precision = Precision.Single)] public readonly partial struct [|Vocabulary|];")]
    [InlineData("[Categorical(100_000)] public readonly partial struct [|Vocabulary|];")]
    public void DG0008_CategoricalStructTooLarge(string declaration) => AssertReports("DG0008", declaration);

    // ---- DG0009: instance state declared by the user -----------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct Coin { private readonly int [|_seed|]; }")]
    [InlineData("[Categorical(6)] public readonly partial struct Die { public string? [|Label|] { get; init; } }")]
    [InlineData("[Categorical(1000)] public sealed partial class BigDie { private string [|_name|] = \"\"; }")]
    [InlineData("[Poisson] public readonly partial struct Arrivals { private readonly double [|_scale|]; }")]
    public void DG0009_InstanceField(string declaration) => AssertReports("DG0009", declaration);

    // ---- Losses: DG0001/DG0002/DG0005/DG0006 reused, DG0030–DG0034 ---------------------------------------------

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10)] public static class [|DigitLoss|];")]
    public void DG0001_LossNotPartial(string declaration) => AssertReports("DG0001", declaration);

    [Theory]
    [InlineData("public static class [|Losses|] { [SoftmaxCrossEntropy(10)] public static partial class DigitLoss; }")]
    public void DG0002_LossContainingTypeNotPartial(string declaration) => AssertReports("DG0002", declaration);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { public static double [|Loss|](double x) => x; }")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { public static void [|LossAndGradient|]() { } }")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { public const int [|Classes|] = 10; }")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { private static readonly int [|IgnoreIndex|] = 1; }")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { public static double [|LabelSmoothing|] => 0; }")]
    public void DG0005_LossMemberNameClash(string declaration) => AssertReports("DG0005", declaration);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class [|DigitLoss|] { }", LanguageVersion.CSharp11)]
    public void DG0006_LossLanguageVersionTooOld(string declaration, LanguageVersion version) =>
        AssertReports("DG0006", declaration, new CompilationSetup(LanguageVersion: version));

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10)] public partial class [|DigitLoss|];")]
    [InlineData("[SoftmaxCrossEntropy(10)] public sealed partial class [|DigitLoss|];")]
    [InlineData("[SoftmaxCrossEntropy(10)] public abstract partial class [|DigitLoss|];")]
    [InlineData("[SoftmaxCrossEntropy(10)] public partial record [|DigitLoss|];")]
    [InlineData("public static partial class Outer<T> { [SoftmaxCrossEntropy(10)] public static partial class [|DigitLoss|]; }")]
    public void DG0030_LossTypeKind(string declaration) => AssertReports("DG0030", declaration);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy([|1|])] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy([|0|])] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy([|-5|])] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy([|16777217|], Reduction = Reduction.Sum)] public static partial class DigitLoss;")]
    public void DG0031_LossClassCount(string declaration) => AssertReports("DG0031", declaration);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = [|-0.1|])] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = [|1.5|])] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = [|double.NaN|])] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = [|double.PositiveInfinity|])] public static partial class DigitLoss;")]
    public void DG0032_LossLabelSmoothing(string declaration) => AssertReports("DG0032", declaration);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10, Reduction = [|(Reduction)3|])] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy(10, Precision = [|(Precision)2|])] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy(10, UnrollThreshold = [|-1|])] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy(10, UnrollThreshold = [|257|])] public static partial class DigitLoss;")]
    public void DG0033_LossInvalidArgument(string declaration) => AssertReports("DG0033", declaration);

    [Fact]
    public void DG0034_LossWithFamily()
    {
        // The family's own pipeline also rejects the static class (DG0003), so two diagnostics, each at its place.
        var (source, span) = Markup.Parse(Header + "[Bernoulli, [|SoftmaxCrossEntropy(10)|]] public static partial class DigitLoss;\n");
        var run = GeneratorHarness.Run(source);
        run.AssertNoGeneratorException();
        var dg0034 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "DG0034");
        Assert.Equal(span, dg0034.Location.SourceSpan);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "DG0003");
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(2)] public static partial class BinaryLoss;")] // LossLimits.MinClasses
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = 1, IgnoreIndex = 0, Reduction = Reduction.None, Precision = Precision.Single, UnrollThreshold = 0)] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy(300, UnrollThreshold = 256)] internal static partial class WideLoss { public static double Twice(double x) => 2 * x; }")]
    [InlineData("public static partial class Outer { public partial struct Middle { [SoftmaxCrossEntropy(5, LabelSmoothing = 0.0)] public static partial class Inner; } }")]
    public void ValidLossDeclaration_ReportsNothing(string declaration)
    {
        var run = GeneratorHarness.Run(Header + "/// <summary>Doc.</summary>\n" + declaration + "\n");
        run.AssertValid();
    }

    // ---- Valid declarations: no diagnostic at all --------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct Coin;")]
    [InlineData("[Categorical(6)] public readonly partial struct Die;")]
    [InlineData("[Categorical(1)] public readonly partial struct PointMass;")] // K = 1, the point mass, is valid
    [InlineData("[Categorical(5, UnrollThreshold = 0)] public readonly partial struct Die;")]
    [InlineData("[Categorical(300, UnrollThreshold = 256, Precision = Precision.Single)] public readonly partial struct Die;")]
    [InlineData("[Categorical(4096)] public readonly partial struct Vocabulary;")] // DG0008's boundary, double
    [InlineData("[Categorical(8192, Precision = Precision.Single)] public readonly partial struct Vocabulary;")] // and float
    [InlineData("[Categorical(16777216)] public sealed partial class Vocabulary;")] // FamilyLimits.MaxCategoricalClasses
    [InlineData("[Binomial(0)] public readonly partial struct NoFlips;")] // n = 0, the point mass at 0, is valid
    [InlineData("[Binomial(2147483647)] public readonly partial struct MaxFlips;")] // n = int.MaxValue
    [InlineData("[Binomial(1025, Precision = Precision.Single)] public sealed partial class JustAboveTable;")]
    [InlineData("[Geometric] public readonly partial struct Failures;")]
    [InlineData("[Poisson(Precision = Precision.Single)] public sealed partial class Arrivals;")]
    [InlineData("[NegativeBinomial] public readonly partial struct Counts { public double Dispersion => 1 / R; }")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { static Coin() { } public double Odds() => P / (1 - P); }")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { private const int Seed = 4; private static int s_count = Seed; public static int Count => s_count; public double Twice => 2 * P; }")]
    public void ValidDeclaration_ReportsNothing(string declaration)
    {
        var run = GeneratorHarness.Run(Header + "/// <summary>Doc.</summary>\n" + declaration + "\n");
        run.AssertValid();
    }

    /// <summary>
    /// Runs the generator on one declaration and asserts exactly one generator diagnostic: <paramref name="id"/>, an
    /// error (DG0006's severity is left open), at the marked span.
    /// </summary>
    private static void AssertReports(string id, string declarationMarkup, CompilationSetup? setup = null)
    {
        var (source, span) = Markup.Parse(Header + declarationMarkup + "\n");
        var run = GeneratorHarness.Run(source, setup);
        run.AssertNoGeneratorException();

        var diagnostics = run.GeneratorDiagnostics;
        if (diagnostics.Length != 1)
        {
            throw new XunitException(
                $"Expected exactly one {id} at '{source.Substring(span.Start, span.Length)}' {span}, got {diagnostics.Length}:\n" +
                GeneratorRun.Describe(diagnostics, run));
        }

        var diagnostic = diagnostics[0];
        Assert.Equal(id, diagnostic.Id);
        // A location in the source tree or an external-file location with the same path and span (what a model that
        // stores locations as plain data gives back) are both fine.
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        var actual = diagnostic.Location.SourceSpan;
        Assert.True(
            actual == span,
            $"{id} at {actual} '{Text(source, actual)}', expected {span} '{Text(source, span)}'.");
        if (id != "DG0006")
        {
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        }

        // A rejected declaration gets no output or a simpler, correct fallback: never code that fails to compile.
        var generatedErrors = run.OutputDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && run.IsInGeneratedCode(d))
            .ToList();
        Assert.True(generatedErrors.Count == 0, "The generated code has errors:\n" + GeneratorRun.Describe(generatedErrors, run));
    }

    private static string Text(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        span.End <= source.Length ? source.Substring(span.Start, span.Length) : "(out of range)";
}
