using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// The family catalogue (<see cref="FamilyCatalogue"/>) is the one list of families: every row's attribute exists in
/// the runtime library, its list of generated members is what the generator really writes (DG0005 depends on it),
/// and every pipeline that must know the families does (any loss attribute beside any family is DG0034).
/// </summary>
public sealed class CatalogueTests
{
    private const string Header = "using DivergenceGen;\n\nnamespace MyApp;\n\n";

    public static TheoryData<string> Families()
    {
        var data = new TheoryData<string>();
        foreach (var row in FamilyCatalogue.All)
        {
            data.Add(row.Name);
        }

        return data;
    }

    /// <summary>The attribute as written on a declaration, with a valid size argument.</summary>
    private static string Attribute(FamilyRow row) => row.Size switch
    {
        SizeArgument.None when row.Kind == DivergenceGen.Generator.Model.FamilyKind.ExponentialFamily => row.Name + "(Support = Support.PositiveReals)",
        SizeArgument.None => row.Name,
        SizeArgument.RowsAndColumns => row.Name + "(2, 3)",
        SizeArgument.ClassesAndTrials => row.Name + "(3, 5)",
        _ => row.Name + "(3)",
    };

    [Fact]
    public void EveryRowHasAnAttributeInTheRuntimeLibrary()
    {
        var runtime = typeof(DivergenceGen.Precision).Assembly;
        foreach (var row in FamilyCatalogue.All)
        {
            var attribute = runtime.GetType(row.AttributeMetadataName);
            Assert.True(attribute is not null, $"{row.AttributeMetadataName} is not in the runtime library");
            Assert.True(typeof(Attribute).IsAssignableFrom(attribute));
        }

        Assert.Equal(FamilyCatalogue.All.Count, FamilyCatalogue.All.Select(r => r.Kind).Distinct().Count());
    }

    /// <summary>
    /// Every loss row has its attribute in the runtime library, and the attribute's settable properties are exactly the
    /// options the parser reads for it (its description's <c>Options</c> and the three every loss has): a property
    /// without a parser case would be accepted by the compiler and silently ignored.
    /// </summary>
    [Fact]
    public void EveryLossRowHasAnAttributeWithExactlyItsOptions()
    {
        var runtime = typeof(DivergenceGen.Precision).Assembly;
        foreach (var loss in DivergenceGen.Generator.Losses.LossCatalogue.All)
        {
            string name = DivergenceGen.Generator.Losses.LossCatalogue.AttributeMetadataName(loss);
            var attribute = runtime.GetType(name);
            Assert.True(attribute is not null, $"{name} is not in the runtime library");
            Assert.True(typeof(Attribute).IsAssignableFrom(attribute));
            var settable = attribute!.GetProperties().Where(p => p.CanWrite).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
            var options = loss.Options.Concat(new[] { "Reduction", "Precision", "UnrollThreshold" }).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(options, settable);
        }

        Assert.Equal(
            DivergenceGen.Generator.Losses.LossCatalogue.All.Count,
            DivergenceGen.Generator.Losses.LossCatalogue.All.Select(l => l.Attribute).Distinct().Count());
    }

    /// <summary>
    /// The divergence facts of each row are consistent with the row itself, so that a new family's row cannot leave
    /// DivergenceMethods without what it needs: an infinite support has a tail ratio (else its series cannot stop) and a
    /// finite one none; the support's end matches the size argument; the point-mass parameter and the series' locals are
    /// the row's own parameters; a special case names an existing general family whose formulas read the parameters it
    /// keeps, and a pair closed form names another family's row.
    /// </summary>
    [Theory]
    [MemberData(nameof(Families))]
    public void DivergenceFactsAgreeWithTheRow(string family)
    {
        var row = FamilyCatalogue.All.Single(r => r.Name == family);
        var facts = row.Divergence;
        if (!row.CrossFamily)
        {
            // No divergence method takes the family (DG0024): its facts are never read, and must say nothing.
            Assert.Equal(new DivergenceFacts(SupportEnd.Infinite), facts);
            return;
        }

        if (facts.Support == SupportEnd.RealLine)
        {
            // A continuous family: no outcomes, so no tail, point mass or probability vector; a closed form (or +∞ by support)
            // for each measure against every other continuous family, derived from the descriptions (ContinuousPairs).
            Assert.Null(facts.Tail);
            Assert.Null(facts.PointMass);
            Assert.Null(row.ProbabilityVector);
            Assert.Equal(SizeArgument.None, row.Size);
            var others = FamilyCatalogue.All.Where(r => r.Divergence.Support == SupportEnd.RealLine && r.Kind != row.Kind).Select(r => r.Kind).ToList();
            foreach (var measure in new[] { Model.DivergenceMeasure.KLDivergence, Model.DivergenceMeasure.CrossEntropy })
            {
                Assert.Equal(others.OrderBy(k => k), facts.ClosedForms!.Where(f => f.Measure == measure).Select(f => f.Q).OrderBy(k => k));
            }

            return;
        }

        Assert.Equal(facts.Support == SupportEnd.Infinite, facts.Tail is not null);
        Assert.Equal(
            row.Size switch { SizeArgument.Classes or SizeArgument.RowsAndColumns => SupportEnd.LastClass, SizeArgument.Trials => SupportEnd.Trials, _ => facts.Support },
            facts.Support);
        Assert.True(row.Size != SizeArgument.None || facts.Support is SupportEnd.Fixed or SupportEnd.Infinite, family + ": a support without a size argument is fixed or infinite");
        Assert.Equal(row.ProbabilityVector is not null, row.Parameters.Count == 0);

        if (facts.PointMass is { } pointMass)
        {
            Assert.Contains(pointMass.Parameter, row.Parameters);
        }
        else
        {
            Assert.NotNull(row.ProbabilityVector); // only a probability vector has no single point-mass value
        }

        foreach (var local in facts.Tail?.Locals ?? Array.Empty<SeriesLocal>())
        {
            Assert.Contains(local.Parameter, row.Parameters);
        }

        if (facts.SpecialCaseOf is { } special)
        {
            var general = FamilyCatalogue.Of(special.Of);
            Assert.NotEqual(row.Kind, general.Kind);
            var generalNames = general.Parameters.Select(p => p.Name).ToList();
            foreach (var kept in row.Parameters)
            {
                Assert.Contains(kept.Name, generalNames);
            }

            foreach (var fixedParameter in special.Fixed)
            {
                Assert.Contains(fixedParameter.Name, generalNames);
                Assert.DoesNotContain(fixedParameter.Name, row.Parameters.Select(p => p.Name));
            }

            Assert.Equal(row.Parameters.Count + special.Fixed.Count, general.Parameters.Count);
            if (special.Fixed.Count > 0)
            {
                Assert.NotNull(general.KLDivergence(special.Size)); // the general formula the closed form evaluates
            }
        }

        foreach (var form in facts.ClosedForms ?? Array.Empty<PairClosedForm>())
        {
            Assert.NotEqual(row.Kind, form.Q);
            Assert.Contains(FamilyCatalogue.All, r => r.Kind == form.Q);
            Assert.NotEmpty(form.Comment);
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void GeneratedMembersListIsWhatTheGeneratorWrites(string family)
    {
        var row = FamilyCatalogue.All.Single(r => r.Name == family);
        foreach (string declaration in new[] { "readonly partial struct", "sealed partial class" })
        {
            var run = GeneratorHarness.Run(Header + "/// <summary>Doc.</summary>\n[" + Attribute(row) + "] public " + declaration + " Subject" + Body(row));
            run.AssertValid();
            var written = run.Sources
                .Select(s => CSharpSyntaxTree.ParseText(s.Text))
                .SelectMany(t => t.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
                .Where(t => t.Identifier.ValueText == "Subject")
                .SelectMany(t => t.Members)
                .Select(MemberName)
                .Where(n => n is not null)
                .Select(n => n!)
                .ToHashSet(StringComparer.Ordinal);
            written.ExceptWith(ParameterMembers(row)); // named after the user's parameters: DG0042 checks them, not DG0005

            var missing = written.Except(row.GeneratedMembers).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.True(missing.Count == 0,
                $"[{row.Name}] ({declaration}) writes members its catalogue row does not list (a user member of that name would " +
                "break the build instead of giving DG0005): " + string.Join(", ", missing));
            var stale = row.GeneratedMembers.Except(written).Except(OtherSupportMembers(row)).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.True(stale.Count == 0 || declaration == "sealed partial class",
                $"[{row.Name}] ({declaration}) lists members it does not write: " + string.Join(", ", stale));
        }
    }

    /// <summary>
    /// The declaration's body: a FiniteFamily type needs its LogWeight (with one parameter, <c>a</c>); an ExponentialFamily
    /// type its four methods (an exponential law on x &gt; 0, natural parameter <c>a</c>, a default start, a constant base
    /// measure: every member but the integer-support ones, <see cref="OtherSupportMembers"/>).
    /// </summary>
    private static string Body(FamilyRow row) => row.Kind switch
    {
        DivergenceGen.Generator.Model.FamilyKind.FiniteFamily => " { static double LogWeight(int k, double a) => -a * k; }\n",
        DivergenceGen.Generator.Model.FamilyKind.ExponentialFamily => " { static double NaturalParameters(double rate = 1) => -rate; "
            + "static double SufficientStatistics(double x) => x; static double LogPartition(double a) => -System.Math.Log(-a); "
            + "static double LogBaseMeasure(double x) => 0; }\n",
        _ => ";\n",
    };

    /// <summary>What a FiniteFamily or ExponentialFamily writes for its parameter <c>a</c> of <see cref="Body"/>: the property and the field.</summary>
    private static string[] ParameterMembers(FamilyRow row) =>
        row.Kind is DivergenceGen.Generator.Model.FamilyKind.FiniteFamily or DivergenceGen.Generator.Model.FamilyKind.ExponentialFamily
            ? new[] { "A", "_a" }
            : Array.Empty<string>();

    /// <summary>The members an ExponentialFamily writes only for an integer support (Body declares a real one).</summary>
    private static string[] OtherSupportMembers(FamilyRow row) =>
        row.Kind == DivergenceGen.Generator.Model.FamilyKind.ExponentialFamily ? new[] { "LogPmf", "Pmf" } : Array.Empty<string>();

    private static string? MemberName(MemberDeclarationSyntax member) => member switch
    {
        // An override of an object member (ToString) is not a name the generator owns: it writes none when the user has one.
        MethodDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.OverrideKeyword) => null,
        MethodDeclarationSyntax m when m.ExplicitInterfaceSpecifier is null => m.Identifier.ValueText,
        PropertyDeclarationSyntax p when p.ExplicitInterfaceSpecifier is null => p.Identifier.ValueText,
        FieldDeclarationSyntax f => f.Declaration.Variables.First().Identifier.ValueText,
        BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
        _ => null, // constructors (DG0005 checks them by kind), operators, explicit interface implementations
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void LossBesideAnyFamily_IsDG0034AndGeneratesNothing(string family)
    {
        var row = FamilyCatalogue.All.Single(r => r.Name == family);
        foreach (var loss in DivergenceGen.Generator.Losses.LossCatalogue.All)
        {
            string attribute = loss.Attribute + "(10)";
            foreach (string attributes in new[] { Attribute(row) + ", [|" + attribute + "|]", "[|" + attribute + "|], " + Attribute(row) })
            {
                var (source, span) = Markup.Parse(Header + "[" + attributes + "] public static partial class DigitLoss;\n");
                var run = GeneratorHarness.Run(source);
                run.AssertNoGeneratorException();
                var dg0034 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "DG0034");
                Assert.Equal(span, dg0034.Location.SourceSpan);
                Assert.Equal(
                    "'DigitLoss' is marked with both [" + row.Name + "] and [" + loss.Attribute + "]; a loss is a static class, a distribution " +
                    "a struct or sealed class: declare two types",
                    dg0034.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Empty(run.Sources);
            }
        }
    }

    /// <summary>
    /// A loss's list of written names (its description's <c>GeneratedMembers</c>: DG0005 and DG0010 depend on it) covers every member
    /// the loss generator writes, its private helpers included, in the shapes that write different helpers (straight-line
    /// blocks below the threshold, loops above, float, every reduction).
    /// </summary>
    [Theory]
    [InlineData("[SoftmaxCrossEntropy(3)]")]
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = 0.1, Precision = Precision.Single)]")]
    [InlineData("[SoftmaxCrossEntropy(17, Reduction = Reduction.None)]")]
    [InlineData("[SoftmaxCrossEntropy(40, UnrollThreshold = 0, Reduction = Reduction.Sum)]")]
    [InlineData("[NllLoss(3)]")]
    [InlineData("[NllLoss(17, Reduction = Reduction.None, Precision = Precision.Single)]")]
    [InlineData("[KLDivergenceLoss(5, Temperature = 3)]")]
    [InlineData("[KLDivergenceLoss(40, Reduction = Reduction.None, Precision = Precision.Single)]")]
    [InlineData("[BinaryCrossEntropy(1)]")]
    [InlineData("[BinaryCrossEntropy(33, Reduction = Reduction.None, Precision = Precision.Single)]")]
    public void LossWrittenMembersListCoversWhatTheGeneratorWrites(string attribute)
    {
        var run = GeneratorHarness.Run(Header + "/// <summary>Doc.</summary>\n" + attribute + " public static partial class Subject;\n");
        run.AssertValid();
        var written = run.Sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Text))
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            .Where(t => t.Identifier.ValueText == "Subject")
            .SelectMany(t => t.Members)
            .Select(MemberName)
            .Where(n => n is not null)
            .Select(n => n!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(written);
        var listed = DivergenceGen.Generator.Losses.LossCatalogue.Of(attribute.Substring(1, attribute.IndexOf('(') - 1)).GeneratedMembers;
        var missing = written.Except(listed).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, attribute + " writes members GeneratedMembers does not list: " + string.Join(", ", missing));
        // And no stale name: a listed member the generator no longer writes would reject a valid user member (DG0005).
        var stale = listed.Except(written).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, attribute + ": GeneratedMembers lists members the generator does not write: " + string.Join(", ", stale));
    }

    /// <summary>
    /// Issue 9's promise, checked: <c>Emit/</c> names no family and no loss. Every family's attribute name and every loss's
    /// (the catalogue rows, <see cref="FamilyCatalogue.All"/> and <see cref="DivergenceGen.Generator.Losses.LossCatalogue.All"/>)
    /// is absent from the emitters' sources as a whole word, comments included: an emitter derives its code from a
    /// description and says "a count family" where it means one, so a new family or loss never needs an emitter's edit to
    /// be named. (Identifiers that merely contain a name, such as <c>ExponentialFamilyEmitter</c> for the user-described
    /// shape, are not whole words.)
    /// </summary>
    [Fact]
    public void TheEmittersNameNoFamilyAndNoLoss()
    {
        string emit = Path.Combine(GeneratorSourceDirectory(), "Emit");
        var names = FamilyCatalogue.All.Select(r => r.Name)
            .Concat(DivergenceGen.Generator.Losses.LossCatalogue.All.Select(d => d.Attribute))
            .ToList();
        Assert.Contains("Poisson", names);
        Assert.Contains("SoftmaxCrossEntropy", names);
        var hits = new List<string>();
        foreach (string file in Directory.GetFiles(emit, "*.cs"))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (string name in names)
                {
                    if (Regex.IsMatch(lines[i], @"(?<![A-Za-z0-9_])" + Regex.Escape(name) + @"(?![A-Za-z0-9_])"))
                    {
                        hits.Add($"{Path.GetFileName(file)}:{i + 1}: {name}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.True(Directory.GetFiles(emit, "*.cs").Length > 10, "the Emit folder was not found: " + emit);
        Assert.True(hits.Count == 0, "Emit/ names a family or a loss:\n" + string.Join("\n", hits));
    }

    /// <summary>generator/DivergenceGen.Generator, found from this test file's own path.</summary>
    private static string GeneratorSourceDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "generator", "DivergenceGen.Generator"));
}
