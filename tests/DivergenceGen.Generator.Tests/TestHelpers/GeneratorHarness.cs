using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Sdk;

namespace DivergenceGen.Generator.Tests.TestHelpers;

/// <summary>The reference assemblies a test compilation is built against.</summary>
public enum TestFramework
{
    /// <summary>net8.0: no <c>Vector256.Log</c>, so the generator must take its fallback path.</summary>
    Net80,

    /// <summary>net10.0 (the default).</summary>
    Net100,
}

/// <summary>How a test compilation is set up.</summary>
/// <param name="Framework">Reference assemblies (and the matching build of the runtime library).</param>
/// <param name="LanguageVersion">The consumer's C# version.</param>
/// <param name="DocumentationMode"><see cref="DocumentationMode.Diagnose"/> is what <c>GenerateDocumentationFile</c> does: missing XML docs become CS1591.</param>
public sealed record CompilationSetup(
    TestFramework Framework = TestFramework.Net100,
    LanguageVersion LanguageVersion = LanguageVersion.Latest,
    DocumentationMode DocumentationMode = DocumentationMode.Parse)
{
    public static CompilationSetup Default { get; } = new();

    public CSharpParseOptions ParseOptions =>
        new CSharpParseOptions(LanguageVersion, DocumentationMode);
}

/// <summary>One generated file.</summary>
public sealed record GeneratedSource(string HintName, string Text);

/// <summary>The outcome of running the generator over one compilation.</summary>
public sealed class GeneratorRun
{
    private readonly Lazy<ImmutableArray<Diagnostic>> _outputDiagnostics;

    public GeneratorRun(CSharpCompilation input, Compilation output, GeneratorDriver driver)
    {
        Input = input;
        Output = output;
        Driver = driver;
        RunResult = driver.GetRunResult();
        Sources = RunResult.Results
            .SelectMany(r => r.GeneratedSources)
            .Select(s => new GeneratedSource(s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();
        _outputDiagnostics = new Lazy<ImmutableArray<Diagnostic>>(() => Output.GetDiagnostics());
    }

    public CSharpCompilation Input { get; }

    /// <summary>The input compilation plus the generated trees.</summary>
    public Compilation Output { get; }

    public GeneratorDriver Driver { get; }

    public GeneratorDriverRunResult RunResult { get; }

    public ImmutableArray<GeneratedSource> Sources { get; }

    /// <summary>Diagnostics the generator reported (DGxxxx, and CS8785 if it threw).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => RunResult.Diagnostics;

    /// <summary>Every diagnostic of the output compilation (user code and generated code).</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics => _outputDiagnostics.Value;

    /// <summary>True for a diagnostic located in a generated tree.</summary>
    public bool IsInGeneratedCode(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree is { } tree && !Input.SyntaxTrees.Contains(tree);

    /// <summary>The generator did not throw: no CS8785 and no exception recorded for any generator.</summary>
    public void AssertNoGeneratorException()
    {
        var thrown = RunResult.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()).ToList();
        var cs8785 = GeneratorDiagnostics.Concat(OutputDiagnostics).Where(d => d.Id == "CS8785").Select(d => d.ToString()).ToList();
        if (thrown.Count > 0 || cs8785.Count > 0)
        {
            throw new XunitException("The generator threw:\n" + string.Join("\n\n", thrown.Concat(cs8785)));
        }
    }

    /// <summary>The generator reported no diagnostic at all.</summary>
    public void AssertNoGeneratorDiagnostics()
    {
        if (GeneratorDiagnostics.Length > 0)
        {
            throw new XunitException("Expected no generator diagnostics, got:\n" + Describe(GeneratorDiagnostics, this));
        }
    }

    /// <summary>
    /// The generator reported exactly these warnings or infos (ids, in order: each declaration's in source order; never an
    /// error) and nothing else; an empty list is <see cref="AssertNoGeneratorDiagnostics"/>.
    /// </summary>
    public void AssertGeneratorDiagnostics(IReadOnlyList<string> expectedWarnings)
    {
        var actual = GeneratorDiagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();
        if (!actual.Select(d => d.Id).SequenceEqual(expectedWarnings) || actual.Any(d => d.Severity is not (DiagnosticSeverity.Warning or DiagnosticSeverity.Info)))
        {
            throw new XunitException(
                $"Expected the generator warnings [{string.Join(", ", expectedWarnings)}], got:\n" + (actual.Count == 0 ? "(none)" : Describe(actual, this)));
        }
    }

    /// <summary>The output compilation (user code + generated code) has no diagnostic of severity Warning or above.</summary>
    public void AssertOutputCompilesCleanly()
    {
        var problems = OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0)
        {
            throw new XunitException(
                $"The output compilation ({Input.Options.WarningLevel} warning level, {((CSharpParseOptions)Input.SyntaxTrees[0].Options).LanguageVersion}) " +
                $"has {problems.Count} warning(s)/error(s):\n" + Describe(problems, this));
        }
    }

    /// <summary>The generator produced at least one source.</summary>
    public void AssertGeneratedSomething()
    {
        if (Sources.IsEmpty)
        {
            throw new XunitException("The generator produced no source.");
        }
    }

    /// <summary>No line of any generated source is longer than 160 characters (issue 9: generated files read like hand-written code).</summary>
    public void AssertNoLongLines(int limit = 160)
    {
        foreach (var source in Sources)
        {
            string[] lines = source.Text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimEnd('\r').Length > limit)
                {
                    throw new XunitException($"{source.HintName} line {i + 1} has {lines[i].TrimEnd('\r').Length} characters (limit {limit}): {lines[i].Trim()}");
                }
            }
        }
    }

    /// <summary>Everything a valid declaration must satisfy.</summary>
    public void AssertValid()
    {
        AssertNoGeneratorException();
        AssertNoGeneratorDiagnostics();
        AssertGeneratedSomething();
        AssertOutputCompilesCleanly();
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics, GeneratorRun? run = null) =>
        string.Join("\n", diagnostics.Take(50).Select(d =>
        {
            var lineSpan = d.Location.GetLineSpan();
            string where = lineSpan.Path is { Length: > 0 } path
                ? $"{path}{(run is not null && run.IsInGeneratedCode(d) ? " (generated)" : "")}:{lineSpan.StartLinePosition.Line + 1}"
                : "(no location)";
            var tree = d.Location.SourceTree
                ?? run?.Output.SyntaxTrees.FirstOrDefault(t => t.FilePath == lineSpan.Path && lineSpan.Path.Length > 0);
            string line = tree is not null && lineSpan.StartLinePosition.Line < tree.GetText().Lines.Count
                ? tree.GetText().Lines[lineSpan.StartLinePosition.Line].ToString().Trim()
                : "";
            return $"  {d.Id} {d.Severity} at {where}: {d.GetMessage()}" + (line.Length > 0 ? $"\n      | {line}" : "");
        }));
}

/// <summary>Builds test compilations and runs <see cref="DivergenceGenerator"/> over them.</summary>
public static class GeneratorHarness
{
    private static readonly Lazy<MetadataReference> RuntimeLibraryNet100 = new(() =>
        MetadataReference.CreateFromFile(typeof(DivergenceGen.BernoulliAttribute).Assembly.Location));

    private static readonly Lazy<MetadataReference> RuntimeLibraryNet80 = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "runtime-net8.0", "DivergenceGen.dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The net8.0 build of the runtime library was not found at {path}; the test project copies it there on build (target CopyRuntimeLibraryNet80).");
        }

        return MetadataReference.CreateFromFile(path);
    });

    public static IEnumerable<MetadataReference> References(TestFramework framework) => framework switch
    {
        TestFramework.Net80 => Basic.Reference.Assemblies.Net80.References.All.Append(RuntimeLibraryNet80.Value),
        _ => Basic.Reference.Assemblies.Net100.References.All.Append(RuntimeLibraryNet100.Value),
    };

    public static CSharpCompilationOptions CompilationOptions { get; } =
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithWarningLevel(9999)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Binding-redirect notes, meaningless for an in-memory compilation.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            })
            .WithDeterministic(true);

    /// <summary>Parses each source as <c>Source{i}.cs</c> and builds a library compilation.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, CompilationSetup? setup = null)
    {
        setup ??= CompilationSetup.Default;
        var parseOptions = setup.ParseOptions;
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"Source{i}.cs"));
        return CSharpCompilation.Create("TestAssembly", trees, References(setup.Framework), CompilationOptions);
    }

    public static CSharpCompilation CreateCompilation(string source, CompilationSetup? setup = null) =>
        CreateCompilation(new[] { source }, setup);

    /// <summary>A driver with step tracking on, as the IDE runs it.</summary>
    public static GeneratorDriver CreateDriver(CSharpParseOptions parseOptions) =>
        CSharpGeneratorDriver.Create(
            new[] { new DivergenceGenerator().AsSourceGenerator() },
            parseOptions: parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        var parseOptions = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        var driver = CreateDriver(parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(compilation, output, driver);
    }

    public static GeneratorRun Run(IEnumerable<string> sources, CompilationSetup? setup = null) =>
        Run(CreateCompilation(sources, setup));

    public static GeneratorRun Run(string source, CompilationSetup? setup = null) =>
        Run(CreateCompilation(source, setup));
}
