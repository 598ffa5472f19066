using System.Linq;
using System.Text.RegularExpressions;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// The generated code for every snapshot declaration, compiled together, has no warning at warning level 9999 with
/// nullable enabled, for each target framework and language version we claim (C# 12 is the lowest), and has XML docs
/// on every public member (<see cref="DocumentationMode.Diagnose"/> is what <c>GenerateDocumentationFile</c> turns on).
/// </summary>
public sealed class CompileTests
{
    [Theory]
    [InlineData(TestFramework.Net100, LanguageVersion.Latest)]
    [InlineData(TestFramework.Net100, LanguageVersion.CSharp12)]
    [InlineData(TestFramework.Net80, LanguageVersion.Latest)]
    [InlineData(TestFramework.Net80, LanguageVersion.CSharp12)]
    public void AllDeclarationsTogether_CompileWithoutWarnings(TestFramework framework, LanguageVersion version) =>
        AssertCompilesCleanly(new CompilationSetup(framework, version));

    [Theory]
    [InlineData(TestFramework.Net100)]
    [InlineData(TestFramework.Net80)]
    public void AllDeclarationsTogether_WithDocumentationDiagnostics_HaveNoMissingOrMalformedDocs(TestFramework framework) =>
        AssertCompilesCleanly(new CompilationSetup(framework, LanguageVersion.Latest, DocumentationMode.Diagnose));

    /// <summary>
    /// XML doc text is escaped once: an escaped tag (<c>&amp;lt;see cref=…/&amp;gt;</c>) or a doubly escaped entity
    /// (<c>&amp;amp;lt;</c>) is well-formed XML, so the compiler accepts it, but renders as literal markup in the IDE.
    /// </summary>
    [Fact]
    public void GeneratedXmlDocs_AreNotDoublyEscaped()
    {
        var run = GeneratorHarness.Run(SnapshotCases.All.Where(c => c.Framework == TestFramework.Net100).Select(c => c.Source));
        run.AssertGeneratedSomething();
        var bad = new Regex(@"&amp;(lt|gt|amp|quot|apos);|&lt;/?(see|seealso|paramref|typeparamref|c|code|para|br|list|item|returns|param|summary|remarks|exception|inheritdoc)\b");
        var offending = run.Sources
            .SelectMany(s => s.Text.Split('\n').Select((line, i) => (s.HintName, Line: i + 1, Text: line.Trim())))
            .Where(l => l.Text.StartsWith("///", System.StringComparison.Ordinal) && bad.IsMatch(l.Text))
            .ToList();
        Assert.True(
            offending.Count == 0,
            $"{offending.Count} doc-comment line(s) with escaped markup, e.g.:\n" +
            string.Join("\n", offending.Take(8).Select(l => $"  {l.HintName}:{l.Line}: {l.Text}")));
    }

    /// <summary>
    /// The count families' compile-time tables live in the file's kernel class, not in the user's type, so a user member
    /// of the same name (a helper <c>LogChoose</c> or <c>LogFactorial</c>) is no clash: no DG0005, and the output compiles.
    /// </summary>
    [Fact]
    public void CountFamilyTables_DoNotClaimNamesInTheUsersType()
    {
        var run = GeneratorHarness.Run(new[]
        {
            "namespace MyApp { [DivergenceGen.Binomial(10)] public readonly partial struct Flips { private static double LogChoose(int k) => k; } }",
            "namespace MyApp { [DivergenceGen.Poisson] public readonly partial struct Arrivals { internal static double LogFactorial(int k) => k; } }",
        });
        run.AssertNoGeneratorException();
        run.AssertGeneratorDiagnostics(System.Array.Empty<string>());
        run.AssertOutputCompilesCleanly();
        Assert.Contains(run.Sources, s => s.Text.Contains("file static class FlipsKernels", System.StringComparison.Ordinal)
            && s.Text.Contains("private static ReadOnlySpan<double> LogChoose", System.StringComparison.Ordinal));
    }

    private static void AssertCompilesCleanly(CompilationSetup setup)
    {
        var run = GeneratorHarness.Run(SnapshotCases.All.Select(c => c.Source), setup);

        run.AssertNoGeneratorException();
        run.AssertGeneratorDiagnostics(SnapshotCases.All.SelectMany(c => c.ExpectedWarnings).ToList());
        // At least one file per declared type (helpers shared between types may add more).
        Assert.True(
            run.Sources.Length >= SnapshotCases.All.Count,
            $"Expected a generated file for each of the {SnapshotCases.All.Count} declarations, got {run.Sources.Length}: " +
            string.Join(", ", run.Sources.Select(s => s.HintName)));
        run.AssertOutputCompilesCleanly();
    }
}
