using System.Linq;
using System.Threading;
using DivergenceGen.Generator.Diagnostics;
using DivergenceGen.Generator.Emit;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Losses;
using DivergenceGen.Generator.Model;
using DivergenceGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace DivergenceGen.Generator
{
    /// <summary>
    /// Wires the pipeline and nothing else: one <c>ForAttributeWithMetadataName</c> per family attribute (one per row of
    /// <see cref="FamilyCatalogue"/>), per divergence attribute and per loss (one per row of <see cref="LossCatalogue"/>) → parse (symbols → equatable model +
    /// diagnostics, the same generic step for all) → diagnostics reported on their own output; models combined with
    /// a tiny probe of the target and the hint-name collisions → emit (model → source).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DivergenceGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var target = context.CompilationProvider
                .Select((compilation, _) => TargetProbe.Probe(compilation))
                .WithTrackingName(TrackingNames.Target);

            // Parse every kind of declaration: diagnostics are reported on their own, models flow on.
            var families = FamilyCatalogue.All
                .Select(family => Parse(
                    context,
                    family.AttributeMetadataName,
                    static (node, _) => Parser.IsCandidate(node),
                    (syntax, cancellationToken) => Parser.Parse(syntax, family.Kind, cancellationToken),
                    (family.TrackingName, TrackingNames.Diagnostics, TrackingNames.Models)))
                .ToList();
            var divergences = new[]
            {
                (Attribute: DivergenceParser.KLDivergenceAttribute, Measure: DivergenceMeasure.KLDivergence, Tracking: TrackingNames.KLDivergence),
                (Attribute: DivergenceParser.CrossEntropyAttribute, Measure: DivergenceMeasure.CrossEntropy, Tracking: TrackingNames.CrossEntropy),
            }.Select(d => Parse(
                context,
                d.Attribute,
                static (node, _) => DivergenceParser.IsCandidate(node),
                (syntax, cancellationToken) => DivergenceParser.Parse(syntax, d.Measure, cancellationToken),
                (d.Tracking, TrackingNames.DivergenceDiagnostics, TrackingNames.DivergenceModels)))
                .ToList();
            var losses = LossCatalogue.All
                .Select(loss => Parse(
                    context,
                    LossCatalogue.AttributeMetadataName(loss),
                    static (node, _) => LossParser.IsCandidate(node),
                    (syntax, cancellationToken) => LossParser.Parse(syntax, loss, cancellationToken),
                    (LossCatalogue.TrackingName(loss), TrackingNames.LossDiagnostics, TrackingNames.LossModels)))
                .ToList();

            // Hint names are compared without regard to case and must be unique: the identities whose readable names
            // collide get a suffix (HintNames). Usually the set is empty, and stays equal, so the outputs stay cached.
            var keys = families.Select(f => f.Select(static (spec, _) => HintNames.Of(spec)).Collect())
                .Concat(divergences.Select(d => d.Select(static (spec, _) => HintNames.Of(spec)).Collect()))
                .Concat(losses.Select(l => l.Select(static (spec, _) => HintNames.Of(spec)).Collect()))
                .Aggregate((a, b) => a.Combine(b).Select(static (pair, _) => pair.Left.AddRange(pair.Right)));
            var collisions = keys
                .Select(static (all, _) => HintNames.Collisions(all))
                .WithTrackingName(TrackingNames.HintCollisions);

            foreach (var models in families)
            {
                var output = models.Combine(target).Combine(collisions).WithTrackingName(TrackingNames.Output);
                context.RegisterSourceOutput(output, static (production, input) =>
                {
                    var ((spec, targetInfo), hints) = input;
                    production.AddSource(HintNames.For(HintNames.Of(spec), hints), Emitter.Emit(spec, targetInfo));
                });
            }

            foreach (var models in divergences)
            {
                context.RegisterSourceOutput(models.Combine(collisions), static (production, input) =>
                    production.AddSource(HintNames.For(HintNames.Of(input.Left), input.Right), DivergenceEmitter.Emit(input.Left)));
            }

            foreach (var models in losses)
            {
                var lossOutput = models.Combine(target).Combine(collisions).WithTrackingName(TrackingNames.LossOutput);
                context.RegisterSourceOutput(lossOutput, static (production, input) =>
                {
                    var ((spec, targetInfo), hints) = input;
                    production.AddSource(HintNames.For(HintNames.Of(spec), hints), LossEmitter.Emit(spec, targetInfo));
                });
            }
        }

        /// <summary>
        /// One kind of declaration, the same way for every pipeline: <c>ForAttributeWithMetadataName</c> → parse
        /// (symbols → <see cref="ParseResult{TSpec}"/>) → diagnostics reported on their own output; the models of
        /// accepted declarations flow on. Each step is tracked under its pipeline's names (generator tests assert that
        /// each is cached and holds no compilation object).
        /// </summary>
        private static IncrementalValuesProvider<TSpec> Parse<TSpec>(
            IncrementalGeneratorInitializationContext context,
            string attribute,
            System.Func<SyntaxNode, CancellationToken, bool> predicate,
            System.Func<GeneratorAttributeSyntaxContext, CancellationToken, ParseResult<TSpec>> parse,
            (string Parse, string Diagnostics, string Models) tracking)
            where TSpec : class
        {
            var parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(attribute, predicate, parse)
                .WithTrackingName(tracking.Parse);

            var diagnostics = parsed
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(tracking.Diagnostics);
            ReportDiagnostics(context, diagnostics);

            return parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(tracking.Models);
        }

        /// <summary>
        /// Diagnostics travel on their own output, apart from the cached models (every pipeline uses this). A model holds
        /// locations as plain data (<see cref="LocationInfo"/>), reported as external file locations. A warning (DG0040)
        /// or an info (DG0043) is mapped back into the compilation's syntax tree instead, because only a location in a tree lets
        /// <c>#pragma warning disable</c> apply (errors cannot be suppressed, so they need no tree). Only declarations
        /// with a warning or an info meet the syntax trees, and those re-report only when some tree changed, so a rerun over the same
        /// files is fully cached.
        /// </summary>
        private static void ReportDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics)
        {
            context.RegisterSourceOutput(diagnostics, static (production, infos) =>
            {
                foreach (var info in infos)
                {
                    if (!DiagnosticDescriptors.IsSuppressible(info))
                    {
                        production.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(info));
                    }
                }
            });

            var warnings = diagnostics.Where(static infos => infos.Any(DiagnosticDescriptors.IsSuppressible));
            context.RegisterSourceOutput(warnings.Combine(SyntaxTrees(context)), static (production, pair) =>
            {
                foreach (var info in pair.Left)
                {
                    if (DiagnosticDescriptors.IsSuppressible(info))
                    {
                        production.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(info, pair.Right));
                    }
                }
            });
        }

        /// <summary>
        /// The compilation's syntax trees, equal (so downstream steps stay cached) while every tree is the same object:
        /// a new compilation over the same files (a rerun, or an edit that only changes options) gives an equal list.
        /// </summary>
        private static IncrementalValueProvider<System.Collections.Immutable.ImmutableArray<SyntaxTree>> SyntaxTrees(
            IncrementalGeneratorInitializationContext context) =>
            context.CompilationProvider
                .Select(static (compilation, _) => System.Collections.Immutable.ImmutableArray.CreateRange(compilation.SyntaxTrees))
                .WithComparer(SameTrees.Instance);

        /// <summary>Two lists of syntax trees are equal when they hold the same tree objects in the same order.</summary>
        private sealed class SameTrees : System.Collections.Generic.IEqualityComparer<System.Collections.Immutable.ImmutableArray<SyntaxTree>>
        {
            public static readonly SameTrees Instance = new();

            public bool Equals(System.Collections.Immutable.ImmutableArray<SyntaxTree> x, System.Collections.Immutable.ImmutableArray<SyntaxTree> y)
            {
                if (x.Length != y.Length)
                {
                    return false;
                }

                for (int i = 0; i < x.Length; i++)
                {
                    if (!ReferenceEquals(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            public int GetHashCode(System.Collections.Immutable.ImmutableArray<SyntaxTree> trees) => trees.Length;
        }
    }
}
