using System;
using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// Roslyn compares hint names without regard to case and throws on a duplicate, which drops all of the generator's
/// output: declarations whose names differ only in case, and divergence overloads that differ only in <c>in</c>, must
/// each get their own file. The readable name stays as it was for everyone else (the snapshots' file names).
/// </summary>
public sealed class HintNameTests
{
    private const string Doc = "/// <summary>Doc.</summary>\n";

    [Theory]
    [InlineData(Doc + "[Bernoulli] public readonly partial struct Coin;\n" + Doc + "[Bernoulli] public readonly partial struct CoIn;", 2)]
    [InlineData(Doc + "[Poisson] public readonly partial struct Arrivals;\n" + Doc + "[Geometric] public sealed partial class ARRIVALS;\n" +
                Doc + "[Categorical(3)] public readonly partial struct ArrivalS;", 3)]
    [InlineData(Doc + "[Bernoulli] public readonly partial struct Coin;\n" + Doc + "[SoftmaxCrossEntropy(3)] public static partial class CoIn;", 2)]
    [InlineData(Doc + "[Bernoulli] public readonly partial struct Coin;\n" + Doc + "[Categorical(6)] public readonly partial struct Die;\n" +
                Doc + "public static partial class D\n{\n" +
                Doc + "/// <param name=\"p\">P.</param>\n/// <param name=\"q\">Q.</param>\n/// <returns>KL.</returns>\n" +
                "[KLDivergence] public static partial double KL(in Coin p, in Die q);\n" +
                Doc + "/// <param name=\"p\">P.</param>\n/// <param name=\"q\">Q.</param>\n/// <returns>KL.</returns>\n" +
                "[KLDivergence] public static partial double KL(Coin p, Die q);\n}", 4)]
    [InlineData(Doc + "[Bernoulli] public readonly partial struct Coin;\n" + Doc + "public static partial class D\n{\n" +
                Doc + "/// <param name=\"p\">P.</param>\n/// <param name=\"q\">Q.</param>\n/// <returns>KL.</returns>\n" +
                "[KLDivergence] public static partial double KL(in Coin p, in Coin q);\n" +
                Doc + "/// <param name=\"p\">P.</param>\n/// <param name=\"q\">Q.</param>\n/// <returns>KL.</returns>\n" +
                "[KLDivergence] public static partial double kl(in Coin p, in Coin q);\n}", 3)]
    public void NamesEqualWithoutRegardToCase_GetTheirOwnFiles(string declarations, int files)
    {
        var run = GeneratorHarness.Run("using DivergenceGen;\n\nnamespace MyApp;\n\n" + declarations + "\n");
        run.AssertValid();
        Assert.Equal(files, run.Sources.Length);
        var folded = run.Sources.Select(s => s.HintName.ToUpperInvariant()).ToList();
        Assert.Equal(folded.Count, folded.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct Coin;\n[Bernoulli] public readonly partial struct Coin;")] // CS0579 / CS0101
    [InlineData("[NegativeBinomial] public sealed partial class Coin;\n[Bernoulli] public partial struct Coin;")] // CS0101
    [InlineData("[Poisson] public sealed partial class Coin;\npublic static partial class D\n{\n" +
                "[CrossEntropy] public static partial double KL(in Coin p, in Coin q);\n" +
                "[global::DivergenceGen.CrossEntropyAttribute] private static partial double KL(in Coin p, in Coin q);\n}")] // CS0111
    public void TheSameDeclarationTwice_AnInputError_DoesNotCrashTheGenerator(string declarations)
    {
        // Found by the declaration fuzzer: two declarations with one identity used to share a hint name, and Roslyn's
        // exception dropped every file of the project. The compiler reports the input's own error; the generator must not throw.
        var run = GeneratorHarness.Run("using DivergenceGen;\n\nnamespace MyApp;\n\n" + declarations + "\n");
        run.AssertNoGeneratorException();
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        var folded = run.Sources.Select(s => s.HintName.ToUpperInvariant()).ToList();
        Assert.Equal(folded.Count, folded.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void AllLowerCaseTypeName_GeneratedCodeAddsNoWarning()
    {
        // CS8981 (a type name of lower-case ASCII letters) is the user's to suppress; the generated re-declaration escapes
        // the name, so it adds no second CS8981 in a file the user cannot edit.
        var run = GeneratorHarness.Run("using DivergenceGen;\n\nnamespace MyApp;\n\n#pragma warning disable CS8981\n" + Doc +
            "[Bernoulli] public readonly partial struct coin;\n" + Doc + "[Bernoulli] public readonly partial struct Coin;\n");
        run.AssertValid();
        Assert.Equal(2, run.Sources.Length);
    }

    [Fact]
    public void WithoutACollision_TheHintNameIsTheReadableName()
    {
        var run = GeneratorHarness.Run("using DivergenceGen;\n\nnamespace MyApp;\n\n" + Doc + "[Bernoulli] public readonly partial struct Coin;\n" +
            Doc + "[Bernoulli] public readonly partial struct @record;\n");
        run.AssertValid();
        Assert.Equal(new[] { "MyApp.Coin.g.cs", "MyApp.record.g.cs" }, run.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void CollidingNames_GetASuffixFromTheirExactIdentity()
    {
        var run = GeneratorHarness.Run("using DivergenceGen;\n\nnamespace MyApp;\n\n" + Doc + "[Bernoulli] public readonly partial struct Coin;\n" +
            Doc + "[Bernoulli] public readonly partial struct CoIn;\n" + Doc + "[Bernoulli] public readonly partial struct Other;\n");
        run.AssertValid();
        var names = run.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Contains("MyApp.Other.g.cs", names); // untouched
        Assert.Matches(@"^MyApp\.Coin\.[0-9a-f]{8}\.g\.cs$", names.Single(n => n.StartsWith("MyApp.Coin.", StringComparison.Ordinal)));
        Assert.Matches(@"^MyApp\.CoIn\.[0-9a-f]{8}\.g\.cs$", names.Single(n => n.StartsWith("MyApp.CoIn.", StringComparison.Ordinal)));

        // The suffix depends on the declaration alone, not on the order or number of declarations.
        var again = GeneratorHarness.Run("using DivergenceGen;\n\nnamespace MyApp;\n\n" + Doc + "[Bernoulli] public readonly partial struct CoIn;\n" +
            Doc + "[Bernoulli] public readonly partial struct Coin;\n");
        Assert.Equal(
            names.Where(n => !n.Contains("Other", StringComparison.Ordinal)),
            again.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
    }
}
