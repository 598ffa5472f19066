using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// A second run over an unchanged compilation, or one with an unrelated file added or edited, is fully cached, and no
/// step output reaches a symbol, syntax node, tree, compilation, semantic model or location.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Declarations = """
        using DivergenceGen;

        namespace MyApp;

        [Bernoulli] public readonly partial struct Coin;
        [Bernoulli(Precision = Precision.Single)] public sealed partial class CoinF;
        [Categorical(6)] public readonly partial struct Die;
        [Categorical(1000, Precision = Precision.Single)] public readonly partial struct Vocab;
        [JointCategorical(2, 3)] public readonly partial struct Contingency;
        [FiniteFamily(21)] public readonly partial struct Zipf21 { static double LogWeight(int k, double s) => -s * System.Math.Log(k + 1); }
        [ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Waiting { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(double x) => 0; }

        public static partial class Outer
        {
            [Categorical(3)] public readonly partial struct Inner;
        }

        [Binomial(10)] public readonly partial struct TenFlips;
        [Geometric] public readonly partial struct Failures;
        [Poisson(Precision = Precision.Single)] public sealed partial class Arrivals;
        [NegativeBinomial] public readonly partial struct Counts;
        [Normal] public readonly partial struct Latency;
        [LogNormal] public sealed partial class ResponseTime;
        [Exponential(Precision = Precision.Single)] public readonly partial struct Gap;
        [Gamma] public readonly partial struct Rainfall;
        [Beta] public readonly partial struct ClickRate;
        [Laplace] public partial struct Residual;
        [Uniform] public readonly partial struct Jitter;
        [DiagonalNormal(16, Reduction = Reduction.Sum)] public readonly partial struct Latent;
        [Dirichlet(3)] public sealed partial class Evidence;
        [Multinomial(4, 20)] public readonly partial struct Draws;

        [SoftmaxCrossEntropy(10, LabelSmoothing = 0.1, Precision = Precision.Single)] public static partial class DigitLoss;
        [SoftmaxCrossEntropy(1000, Reduction = Reduction.None)] public static partial class VocabLoss;
        [NllLoss(10, IgnoreIndex = 0)] public static partial class DigitNll;
        [KLDivergenceLoss(10, Temperature = 4)] public static partial class Distill;
        [BinaryCrossEntropy(5, Reduction = Reduction.None)] public static partial class Tags;

        public static partial class Divergences
        {
            [KLDivergence] public static partial double KL(in TenFlips p, Arrivals q);
            [CrossEntropy] public static partial double H(in Coin p, in Die q);
        }
        """;

    // A misuse too, so that the diagnostics output carries something.
    private const string Misuse = """
        using DivergenceGen;

        namespace MyApp;

        [Categorical(0)] public readonly partial struct Broken;
        [SoftmaxCrossEntropy(1)] public static partial class BrokenLoss;
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params string[] extra)
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Declarations, Misuse }.Concat(extra));
        var driver = GeneratorHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options).RunGenerators(compilation);
        var result = driver.GetRunResult();

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.NotEmpty(result.GeneratedTrees);
        // The declarations reach every tracked step (every family, every loss, both divergence measures, a misuse of
        // each kind of target), and the assertions below fail on a step the run did not record, so "all cached"
        // cannot hold vacuously.
        StepAssertions.AssertNoCompilationObjects(result, TrackingNames.All);
        return (driver, compilation);
    }

    [Fact]
    public void TrackingNamesAll_ListsEveryTrackedStep()
    {
        // All is every constant of TrackingNames plus one parse step per family and per loss catalogue row, and every step the generator
        // tracks under our prefix is in it: a step added without a name in All would escape every caching assertion.
        var constants = typeof(TrackingNames)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Families.FamilyCatalogue.All.Select(f => f.TrackingName))
            .Concat(Losses.LossCatalogue.All.Select(Losses.LossCatalogue.TrackingName))
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(constants, TrackingNames.All.OrderBy(n => n, System.StringComparer.Ordinal).ToArray());

        var (driver, _) = FirstRun();
        var recorded = driver.GetRunResult().Results
            .SelectMany(r => r.TrackedSteps.Keys.Concat(r.TrackedOutputSteps.Keys))
            .Where(n => n.StartsWith("DivergenceGen.", System.StringComparison.Ordinal))
            .Distinct()
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(constants, recorded);
    }

    [Fact]
    public void SecondRun_SameCompilation_IsFullyCached()
    {
        var (driver, compilation) = FirstRun();

        var result = driver.RunGenerators(compilation.Clone()).GetRunResult();

        StepAssertions.AssertAllCachedOrUnchanged(result, TrackingNames.All);
        StepAssertions.AssertNoCompilationObjects(result, TrackingNames.All);
    }

    [Fact]
    public void SecondRun_UnrelatedFileAdded_IsFullyCached()
    {
        var (driver, compilation) = FirstRun();
        var unrelated = CSharpSyntaxTree.ParseText("class Unrelated { }", (CSharpParseOptions)compilation.SyntaxTrees[0].Options, path: "Unrelated.cs");

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(unrelated)).GetRunResult();

        StepAssertions.AssertAllCachedOrUnchanged(result, TrackingNames.All);
        StepAssertions.AssertNoCompilationObjects(result, TrackingNames.All);
    }

    [Fact]
    public void SecondRun_UnrelatedFileEdited_IsFullyCached()
    {
        var (driver, compilation) = FirstRun("class Unrelated { }");
        var old = compilation.SyntaxTrees.Last();
        var edited = old.WithChangedText(old.GetText().Replace(0, old.Length, "class Unrelated { public int Added; }"));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, edited)).GetRunResult();

        StepAssertions.AssertAllCachedOrUnchanged(result, TrackingNames.All);
        StepAssertions.AssertNoCompilationObjects(result, TrackingNames.All);
    }

    [Fact]
    public void EditingALossDeclaration_ReRunsItsStep()
    {
        var (driver, compilation) = FirstRun();
        var old = compilation.SyntaxTrees[0];
        string text = old.GetText().ToString();
        var edited = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            text.Replace("LabelSmoothing = 0.1", "LabelSmoothing = 0.2")));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, edited)).GetRunResult();

        var loss = StepAssertions.OurSteps(result)[TrackingNames.Loss("SoftmaxCrossEntropy")];
        Assert.Contains(loss.SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        StepAssertions.AssertNoCompilationObjects(result, TrackingNames.All);
    }

    [Fact]
    public void EditingADeclaration_ReRunsItsStep()
    {
        // The counterpart of the cached runs: a change that matters is seen (the tracking is not vacuous).
        var (driver, compilation) = FirstRun();
        var old = compilation.SyntaxTrees[0];
        string text = old.GetText().ToString();
        var edited = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            text.Replace("[Categorical(6)]", "[Categorical(7)]")));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, edited)).GetRunResult();

        var categorical = StepAssertions.OurSteps(result)[TrackingNames.Family(Model.FamilyKind.Categorical)];
        Assert.Contains(categorical.SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var loss = StepAssertions.OurSteps(result)[TrackingNames.Loss("SoftmaxCrossEntropy")];
        Assert.DoesNotContain(loss.SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(
            result.Results.SelectMany(r => r.TrackedOutputSteps).SelectMany(kv => kv.Value).SelectMany(s => s.Outputs),
            o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        StepAssertions.AssertNoCompilationObjects(result, TrackingNames.All);
    }

    [Fact]
    public void EditingALogWeightBody_ReGenerates()
    {
        // Fit's derivatives come from the body of LogWeight: editing the body (not the declaration's header) is a change
        // of the model, and the generated derivative follows it.
        var (driver, compilation) = FirstRun();
        var old = compilation.SyntaxTrees[0];
        string text = old.GetText().ToString();
        var edited = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            text.Replace("-s * System.Math.Log(k + 1)", "-s * System.Math.Log(k + 2)")));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, edited)).GetRunResult();

        var finite = StepAssertions.OurSteps(result)[TrackingNames.Family(Model.FamilyKind.FiniteFamily)];
        Assert.Contains(finite.SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var zipf = Assert.Single(result.GeneratedTrees, t => t.FilePath.Contains("Zipf21", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("__gradient[0] = -global::System.Math.Log(k + 2d);", zipf, System.StringComparison.Ordinal);
        StepAssertions.AssertNoCompilationObjects(result, TrackingNames.All);
    }

    [Fact]
    public void EditingALogPartitionBody_ReGenerates()
    {
        // An exponential family's moments, KL and Fit come from the body of LogPartition: editing it is a change of the model.
        var (driver, compilation) = FirstRun();
        var old = compilation.SyntaxTrees[0];
        string text = old.GetText().ToString();
        var edited = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            text.Replace("static double LogPartition(double eta) => -System.Math.Log(-eta);", "static double LogPartition(double eta) => -2 * System.Math.Log(-eta);")));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, edited)).GetRunResult();

        var exponential = StepAssertions.OurSteps(result)[TrackingNames.Family(Model.FamilyKind.ExponentialFamily)];
        Assert.Contains(exponential.SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var waiting = Assert.Single(result.GeneratedTrees, t => t.FilePath.Contains("Waiting", System.StringComparison.Ordinal)).ToString();
        Assert.Contains("/// LogPartition(eta) = -2·log(-eta)", waiting, System.StringComparison.Ordinal);
        StepAssertions.AssertNoCompilationObjects(result, TrackingNames.All);
    }

    [Fact]
    public void ALogWeightInAnotherFile_IsRefused()
    {
        // The parse step re-runs only for the file of the attribute, so a LogWeight in another file of the partial type
        // would go stale when edited: DG0042 at the method instead.
        const string Attributed = "using DivergenceGen;\nnamespace MyApp;\n[FiniteFamily(3)] public readonly partial struct Split;\n";
        const string Body = "namespace MyApp;\npublic readonly partial struct Split { static double LogWeight(int k, double s) => -s * k; }\n";
        var run = GeneratorHarness.Run(new[] { Attributed, Body });
        run.AssertNoGeneratorException();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DG0042", diagnostic.Id);
        Assert.Contains("must be declared in the same file as the [FiniteFamily] attribute", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal("Source1.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void AConstantFromAnotherFile_IsNotFolded()
    {
        // Folding it would go stale in the same way: the law is generated, Fit is not (DG0043, at the constant).
        const string Attributed = "using DivergenceGen;\nnamespace MyApp;\n[FiniteFamily(3)] public readonly partial struct Split { static double LogWeight(int k, double s) => -s * k * Scales.Step; }\n";
        const string Constants = "namespace MyApp;\npublic static class Scales { public const double Step = 0.5; }\n";
        var run = GeneratorHarness.Run(new[] { Attributed, Constants });
        run.AssertNoGeneratorException();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DG0043", diagnostic.Id);
        Assert.Contains("'Step' is a constant declared in another file", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.DoesNotContain("FitCounts", Assert.Single(run.Sources).Text, System.StringComparison.Ordinal);
    }
}
