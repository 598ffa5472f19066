using System;
using System.Linq;
using DivergenceGen.WidthTemplates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// The build tool that writes the runtime's per-width vector maths from one template per function
/// (generator/DivergenceGen.WidthTemplates): what it copies, what it leaves alone, and its errors.
/// </summary>
public class WidthTemplateTests
{
    private const string Attribute = """
        namespace DivergenceGen
        {
            [System.AttributeUsage(System.AttributeTargets.Method)]
            internal sealed class WidthTemplateAttribute : System.Attribute
            {
                public WidthTemplateAttribute(params int[] widths) { }
            }
        }
        """;

    private static (GeneratorDriverRunResult Result, Compilation Output) Run(string source, params string[] symbols)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: symbols);
        var compilation = CSharpCompilation.Create(
            "Templates",
            new[] { CSharpSyntaxTree.ParseText(Attribute, parse), CSharpSyntaxTree.ParseText(source, parse, path: "Math/Twice.cs") },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new WidthTemplateGenerator().AsSourceGenerator() }, parseOptions: parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return (result, output);
    }

    private static string Generated(GeneratorDriverRunResult result) =>
        Assert.Single(result.GeneratedTrees).GetText().ToString();

    [Fact]
    public void CopiesTheTemplateToEachListedWidth_CrefsIncluded_AttributeLineDropped()
    {
        const string source = """
            using System.Runtime.CompilerServices;
            using System.Runtime.Intrinsics;

            namespace DivergenceGen
            {
                public static partial class Lanes
                {
                    /// <summary>2x per lane, as <see cref="Vector128{T}"/> of doubles.</summary>
                    /// <param name="x">The lanes.</param>
                    /// <returns>2x.</returns>
                    [WidthTemplate(256, 512)]
                    [MethodImpl(MethodImplOptions.AggressiveInlining)]
                    public static Vector128<double> Twice(Vector128<double> x) => x + x;

                    /// <summary>Not a template: left alone.</summary>
                    /// <param name="x">The lanes.</param>
                    /// <returns>x.</returns>
                    public static Vector128<double> Same(Vector128<double> x) => x;
                }
            }
            """;
        var (result, output) = Run(source);
        string text = Generated(result);

        Assert.Equal("Twice.Lanes.Widths.g.cs", Path(result));
        Assert.Contains("public static Vector256<double> Twice(Vector256<double> x) => x + x;", text);
        Assert.Contains("public static Vector512<double> Twice(Vector512<double> x) => x + x;", text);
        Assert.Contains("as <see cref=\"Vector512{T}\"/> of doubles.", text);
        Assert.Contains("[MethodImpl(MethodImplOptions.AggressiveInlining)]", text);
        Assert.DoesNotContain("Vector128", text.Substring(text.IndexOf("namespace", StringComparison.Ordinal)));
        Assert.DoesNotContain("WidthTemplate(", text);
        Assert.DoesNotContain("Same", text);
        Assert.True(text.IndexOf("Vector256<double> Twice", StringComparison.Ordinal) < text.IndexOf("Vector512<double> Twice", StringComparison.Ordinal));
        Assert.Contains("using System.Runtime.Intrinsics;", text);
        Assert.Contains("public static partial class Lanes", text);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void UsingsInsideTheNamespace_GoWithTheCopies()
    {
        const string source = """
            namespace DivergenceGen
            {
                using System.Runtime.Intrinsics;

                internal static partial class Lanes
                {
                    [WidthTemplate(256)]
                    internal static Vector128<double> Twice(Vector128<double> x) => x + x;
                }
            }
            """;
        var (result, output) = Run(source);

        Assert.Contains("using System.Runtime.Intrinsics;", Generated(result));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void ATemplateAtAWiderWidth_IsCopiedOnlyWhereListed_OtherWidthsInTheBodyKept()
    {
        const string source = """
            using System.Runtime.Intrinsics;

            namespace DivergenceGen
            {
                internal static partial class Lanes
                {
                    [WidthTemplate(512)]
                    internal static Vector256<float> Low(Vector256<float> x) => x + Vector256.Create(Vector128<float>.Zero, Vector128<float>.One);
                }
            }
            """;
        var (result, output) = Run(source);
        string text = Generated(result);

        Assert.Contains("internal static Vector512<float> Low(Vector512<float> x) => x + Vector512.Create(Vector128<float>.Zero, Vector128<float>.One);", text);
        Assert.DoesNotContain("Vector256", text);
        // Vector512.Create(Vector128, Vector128) does not exist: a template must be width-neutral, and the compiler says so.
        Assert.Contains(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void ATemplateInAnInactiveRegion_HasNoCopies_AndOneInAnActiveRegionDropsTheDirective()
    {
        const string source = """
            using System.Runtime.Intrinsics;

            namespace DivergenceGen
            {
                internal static partial class Lanes
                {
                    // Before the region.
            #if FAST
                    [WidthTemplate(256)]
                    internal static Vector128<double> Fused(Vector128<double> x) => x * x;
            #endif
                }
            }
            """;
        Assert.Empty(Run(source).Result.GeneratedTrees);

        var (result, output) = Run(source, "FAST");
        string text = Generated(result);
        Assert.Contains("internal static Vector256<double> Fused(Vector256<double> x) => x * x;", text);
        Assert.DoesNotContain("#if", text);
        Assert.DoesNotContain("#endif", text);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("[WidthTemplate(256)] internal static Vector128<double> M(Vector128<double> x) => x;", "on a line of its own")]
    [InlineData("[WidthTemplate(256), System.Obsolete]\n        internal static Vector128<double> M(Vector128<double> x) => x;", "in a list of its own")]
    [InlineData("[WidthTemplate]\n        internal static Vector128<double> M(Vector128<double> x) => x;", "name the widths")]
    [InlineData("[WidthTemplate(128)]\n        internal static Vector128<double> M(Vector128<double> x) => x;", "width 128 is the template's own")]
    [InlineData("[WidthTemplate(256, 256)]\n        internal static Vector128<double> M(Vector128<double> x) => x;", "width 256 is listed twice")]
    [InlineData("[WidthTemplate(64)]\n        internal static Vector128<double> M(Vector128<double> x) => x;", "'64' is not a vector width")]
    [InlineData("[WidthTemplate(256)]\n        internal static double M(double x) => x;", "names no Vector128")]
    [InlineData("[WidthTemplate(512)]\n        internal static Vector256<double> M(Vector128<double> x) => default;", "more than one vector width")]
    [InlineData("[WidthTemplate(256)]\n        internal static Vector128<double> M(Vector128<double> x) =>\n#if NET9_0_OR_GREATER\n            x;\n#else\n            x + x;\n#endif", "does not close before the method ends")]
    public void Misuse_IsDGT001AtTheAttribute_AndNoSource(string member, string message)
    {
        string source = $$"""
            using System.Runtime.Intrinsics;

            namespace DivergenceGen
            {
                internal static partial class Lanes
                {
                    {{member}}
                }
            }
            """;
        var (result, _) = Run(source);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DGT001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.StartsWith("WidthTemplate", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan), StringComparison.Ordinal);
        Assert.Empty(result.GeneratedTrees);
    }

    [Theory]
    [InlineData("internal static class Lanes", "must be partial")]
    [InlineData("internal static partial class Lanes<T>", "non-generic class declared directly in a namespace")]
    [InlineData("internal static partial struct Lanes", "must be a member of a class")]
    public void AContainingTypeTheCopiesCannotJoin_IsDGT001(string declaration, string message)
    {
        string source = $$"""
            using System.Runtime.Intrinsics;

            namespace DivergenceGen
            {
                {{declaration.Replace("static partial struct", "partial struct", StringComparison.Ordinal)}}
                {
                    [WidthTemplate(256)]
                    internal static Vector128<double> M(Vector128<double> x) => x;
                }
            }
            """;
        var (result, _) = Run(source);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("DGT001", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(result.GeneratedTrees);
    }

    private static string Path(GeneratorDriverRunResult result) =>
        System.IO.Path.GetFileName(Assert.Single(result.GeneratedTrees).FilePath);
}
