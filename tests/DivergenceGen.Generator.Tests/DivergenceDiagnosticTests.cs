using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// DG0020–DG0029, the misuses of <c>[KLDivergence]</c>/<c>[CrossEntropy]</c> methods: each gets its id, exactly once,
/// at the span marked <c>[|…|]</c>, as an error; the generator throws nothing and writes nothing that fails to compile.
/// </summary>
public sealed class DivergenceDiagnosticTests
{
    // Family types every case can use (the generator writes them; they are valid, so they report nothing).
    private const string Header = """
        using DivergenceGen;

        namespace MyApp;

        [Bernoulli] public readonly partial struct Coin;
        [Bernoulli(Precision = Precision.Single)] public readonly partial struct CoinF;
        [Categorical(6)] public readonly partial struct Die;
        [Poisson] public readonly partial struct Arrivals;
        [Geometric] public readonly partial struct Failures;
        [NegativeBinomial] public readonly partial struct Overdispersed;
        public readonly struct Unmarked;

        """;

    private const string Kl = "[KLDivergence] public static partial double KL(in Coin p, in Coin q);";

    // ---- DG0020: the method's own type is not a non-generic static partial class --------------------------------

    [Theory]
    [InlineData("public static class [|D|] { " + Kl + " }")]
    [InlineData("public partial class [|D|] { " + Kl + " }")]
    [InlineData("public static partial class [|D|]<T> { " + Kl + " }")]
    [InlineData("public partial struct [|D|] { " + Kl + " }")]
    public void DG0020_ContainingType(string declaration) => AssertReports("DG0020", declaration);

    // ---- DG0021: an outer type is not partial, or is generic -------------------------------------------------------

    [Theory]
    [InlineData("public class [|Outer|] { public static partial class D { " + Kl + " } }")]
    [InlineData("public partial class [|Outer|]<T> { public static partial class D { " + Kl + " } }")]
    [InlineData("public static partial class Outer { public class [|Middle|] { public static partial class D { " + Kl + " } } }")]
    public void DG0021_OuterType(string declaration) => AssertReports("DG0021", declaration);

    // ---- DG0022: not a static partial definition without a body ----------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public partial double [|KL|](in Coin p, in Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static double [|KL|](in Coin p, in Coin q) => 0; }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Coin p, in Coin q) { return 0; } }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|]<T>(in Coin p, in Coin q); }")]
    [InlineData("public static partial class D { [CrossEntropy] static partial double [|H|](in Coin p, in Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Coin p, in Coin q); public static partial double KL(in Coin p, in Coin q) => 0; }")]
    public void DG0022_MethodShape(string declaration) => AssertReports("DG0022", declaration);

    // ---- DG0023: not two parameters --------------------------------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL[|(in Coin p)|]; }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL[|()|]; }")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial double H[|(in Coin p, in Coin q, in Coin r)|]; }")]
    public void DG0023_ParameterCount(string declaration) => AssertReports("DG0023", declaration);

    // ---- DG0024: a parameter that is not a declared family, or not passed 'in'/by value ----------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in [|int|] q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL([|string|] p, in Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in [|Unmarked|] p, in Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL([|ref|] Coin p, in Coin q); }")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial double H(in Coin p, [|out|] Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL([|this|] in Coin p, in Coin q); }")]
    public void DG0024_ParameterType(string declaration) => AssertReports("DG0024", declaration);

    // ---- DG0025: return type is not the families' precision --------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial [|float|] KL(in Coin p, in Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial [|double|] KL(in CoinF p, in CoinF q); }")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial [|int|] H(in Coin p, in Die q); }")]
    public void DG0025_ReturnType(string declaration) => AssertReports("DG0025", declaration);

    // ---- DG0026: P and Q of different precision --------------------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in [|CoinF|] q); }")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial float H(CoinF p, [|Die|] q); }")]
    public void DG0026_PrecisionMismatch(string declaration) => AssertReports("DG0026", declaration);

    // ---- DG0027: P's support is infinite and no closed form is known (no Tolerance) --------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Arrivals p, in Failures q); }")]
    [InlineData("public static partial class D { [KLDivergence(Tolerance = 0)] public static partial double [|KL|](in Failures p, in Arrivals q); }")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial double [|H|](in Arrivals p, in Overdispersed q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Overdispersed p, in Arrivals q); }")]
    public void DG0027_NoExactMethod(string declaration) => AssertReports("DG0027", declaration);

    // ---- DG0028: invalid Tolerance ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("[KLDivergence(Tolerance = [|-1e-12|])]")]
    [InlineData("[KLDivergence(Tolerance = [|double.NaN|])]")]
    [InlineData("[KLDivergence(Tolerance = [|1.0|])]")]
    [InlineData("[CrossEntropy(Tolerance = [|double.PositiveInfinity|])]")]
    [InlineData("[KLDivergence(Tolerance = [|1e-16|])]")]
    public void DG0028_InvalidTolerance(string attribute) =>
        AssertReports("DG0028", "public static partial class D { " + attribute + " public static partial double KL(in Arrivals p, in Failures q); }");

    [Fact]
    public void DG0028_AlsoWhereAnExactMethodExists() =>
        AssertReports("DG0028", "public static partial class D { [KLDivergence(Tolerance = [|2|])] public static partial double KL(in Coin p, in Die q); }");

    // ---- DG0029: both attributes on one method ---------------------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence, [|CrossEntropy|]] public static partial double KL(in Coin p, in Coin q); }")]
    [InlineData("public static partial class D { [CrossEntropy]\n[[|KLDivergence|]] public static partial double KL(in Coin p, in Die q); }")]
    public void DG0029_BothMeasures(string declaration) => AssertReports("DG0029", declaration);

    // ---- valid declarations ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in Die q); }")]
    [InlineData("public static partial class D { [CrossEntropy(Tolerance = 1e-12)] internal static partial double H(Die p, Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial float KL(in CoinF p, in CoinF q); }")]
    [InlineData("public static partial class Outer { private static partial class D { [KLDivergence] private static partial double KL(in Coin p, in Coin q); } }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in Die q); [KLDivergence] public static partial double KL(in Die p, in Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence(Tolerance = 1e-15)] public static partial double KL(in Coin @in, in Die @double); }")]
    [InlineData("[Categorical(3)] public partial struct MutableDie;\n[Categorical(3)] public partial struct MutableDie2;\npublic static partial class D { [KLDivergence] public static partial double KL(in MutableDie p, in MutableDie2 q); [CrossEntropy] public static partial double H(in MutableDie p, in Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence(Tolerance = 1e-12)] public static partial double KL(in Arrivals Tolerance, in Failures MaxTerms); [CrossEntropy(Tolerance = 1e-12)] public static partial double H(in Failures KLTerm, in Arrivals CrossEntropyTerm); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Arrivals p, in Coin q); [KLDivergence] public static partial double KL(in Coin p, in Arrivals q); [CrossEntropy] public static partial double H(in Failures p, in Overdispersed q); }")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial double H(in Arrivals p, in Failures q); }")] // closed form for H only
    public void ValidDeclaration_ReportsNothing(string declaration)
    {
        var run = GeneratorHarness.Run(Header + declaration + "\n");
        run.AssertValid();
    }

    private static void AssertReports(string id, string declarationMarkup)
    {
        var (source, span) = Markup.Parse(Header + declarationMarkup + "\n");
        var run = GeneratorHarness.Run(source);
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
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.True(
            diagnostic.Location.SourceSpan == span,
            $"{id} at {diagnostic.Location.SourceSpan} '{Text(source, diagnostic.Location.SourceSpan)}', expected {span} '{Text(source, span)}': {diagnostic.GetMessage()}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("See docs/diagnostics.md#" + id.ToLowerInvariant(), diagnostic.Descriptor.Description.ToString());

        // A rejected declaration gets no output: never code that fails to compile.
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains('-'));
        var generatedErrors = run.OutputDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && run.IsInGeneratedCode(d))
            .ToList();
        Assert.True(generatedErrors.Count == 0, "The generated code has errors:\n" + GeneratorRun.Describe(generatedErrors, run));
    }

    private static string Text(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        span.End <= source.Length ? source.Substring(span.Start, span.Length) : "(out of range)";
}
