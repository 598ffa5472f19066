using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// The [KLDivergence]/[CrossEntropy] pipelines: a second run over an unchanged compilation, or one with an unrelated
/// file added, is fully cached; no step output reaches a symbol, syntax node or compilation; and editing a parameter
/// type's family attribute (in another file) re-runs the divergence step, because the model carries the family's shape.
/// </summary>
public sealed class DivergenceIncrementalityTests
{
    private const string Families = """
        using DivergenceGen;

        namespace MyApp;

        [Bernoulli] public readonly partial struct Coin;
        [Categorical(6)] public readonly partial struct Die;
        [Categorical(3)] public sealed partial class Small;
        """;

    private const string Divergences = """
        using DivergenceGen;

        namespace MyApp;

        public static partial class Divergences
        {
            [KLDivergence] public static partial double KL(in Coin p, in Die q);
            [CrossEntropy] public static partial double H(in Die p, in Coin q);
            [KLDivergence] public static partial double KL(Small p, in Die q);
        }
        """;

    // A misuse too, so that the diagnostics output carries something.
    private const string Misuse = """
        using DivergenceGen;

        namespace MyApp;

        public static partial class Broken
        {
            [KLDivergence] public static partial double KL(in Coin p);
        }
        """;

    private static readonly string[] DivergenceSteps =
    {
        TrackingNames.KLDivergence, TrackingNames.CrossEntropy, TrackingNames.DivergenceModels, TrackingNames.DivergenceDiagnostics,
    };

    /// <summary>Every step these sources reach: the divergence steps and those of the two families they declare.</summary>
    private static readonly string[] Steps = DivergenceSteps.Concat(new[]
    {
        TrackingNames.Family(Model.FamilyKind.Bernoulli), TrackingNames.Family(Model.FamilyKind.Categorical), TrackingNames.Models, TrackingNames.Diagnostics, TrackingNames.Target,
        TrackingNames.Output,
    }).ToArray();

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Families, Divergences, Misuse });
        var driver = GeneratorHarness.CreateDriver((CSharpParseOptions)compilation.SyntaxTrees[0].Options).RunGenerators(compilation);
        var result = driver.GetRunResult();

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Contains(result.Diagnostics, d => d.Id == "DG0023");
        Assert.Equal(3, result.GeneratedTrees.Count(t => t.FilePath.Contains('-')));
        // Fails on a step the run did not record, so "all cached" below cannot hold vacuously.
        StepAssertions.AssertNoCompilationObjects(result, Steps);
        return (driver, compilation);
    }

    [Fact]
    public void SecondRun_SameCompilation_IsFullyCached()
    {
        var (driver, compilation) = FirstRun();

        var result = driver.RunGenerators(compilation.Clone()).GetRunResult();

        StepAssertions.AssertAllCachedOrUnchanged(result, Steps);
        StepAssertions.AssertNoCompilationObjects(result, Steps);
    }

    [Fact]
    public void SecondRun_UnrelatedFileAdded_IsFullyCached()
    {
        var (driver, compilation) = FirstRun();
        var unrelated = CSharpSyntaxTree.ParseText("class Unrelated { }", (CSharpParseOptions)compilation.SyntaxTrees[0].Options, path: "Unrelated.cs");

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(unrelated)).GetRunResult();

        StepAssertions.AssertAllCachedOrUnchanged(result, Steps);
        StepAssertions.AssertNoCompilationObjects(result, Steps);
    }

    [Fact]
    public void EditingAParameterTypesFamily_ReRunsTheDivergenceStep()
    {
        var (driver, compilation) = FirstRun();
        var old = compilation.SyntaxTrees[0];
        var edited = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            old.GetText().ToString().Replace("[Categorical(6)]", "[Categorical(7)]")));

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, edited)).GetRunResult();

        var steps = StepAssertions.OurSteps(result);
        Assert.Contains(steps[TrackingNames.DivergenceModels].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var regenerated = result.GeneratedTrees.Single(t => t.FilePath.EndsWith("MyApp.Divergences.KL-MyApp.Coin-MyApp.Die.g.cs", System.StringComparison.Ordinal));
        Assert.Contains("support {0, …, 6}", regenerated.GetText().ToString(), System.StringComparison.Ordinal);
        StepAssertions.AssertNoCompilationObjects(result, Steps);
    }
}
