using System.Linq;
using DivergenceGen.Generator.Diagnostics;
using DivergenceGen.Generator.Emit;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Model;
using DivergenceGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace DivergenceGen.Generator
{
    /// <summary>
    /// Wires the pipeline and nothing else: one <c>ForAttributeWithMetadataName</c> per family attribute (one per row of
    /// <see cref="FamilyCatalogue"/>) → parse
    /// (symbols → equatable model + diagnostics) → diagnostics reported on their own output; models combined with
    /// a tiny probe of the target → emit (model → source).
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
                .Select(family => ParseFamilies(context, family.AttributeMetadataName, family.Kind, family.TrackingName))
                .ToList();
            var divergences = new[]
            {
                ParseDivergences(context, DivergenceParser.KLDivergenceAttribute, DivergenceMeasure.KLDivergence, TrackingNames.KLDivergence),
                ParseDivergences(context, DivergenceParser.CrossEntropyAttribute, DivergenceMeasure.CrossEntropy, TrackingNames.CrossEntropy),
            };
            var losses = ParseLosses(context);

            // Hint names are compared without regard to case and must be unique: the identities whose readable names
            // collide get a suffix (HintNames). Usually the set is empty, and stays equal, so the outputs stay cached.
            var keys = families.Select(f => f.Select(static (spec, _) => HintNames.Of(spec)).Collect())
                .Concat(divergences.Select(d => d.Select(static (spec, _) => HintNames.Of(spec)).Collect()))
                .Append(losses.Select(static (spec, _) => HintNames.Of(spec)).Collect())
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
                {
                    string source = DivergenceEmitter.Emit(input.Left);
                    production.AddSource(
                        HintNames.For(HintNames.Of(input.Left), input.Right),
                        input.Left.NamesObsoleteTypes ? ObsoleteSuppression.Apply(source) : source);
                });
            }

            var lossOutput = losses.Combine(target).Combine(collisions).WithTrackingName(TrackingNames.LossOutput);
            context.RegisterSourceOutput(lossOutput, static (production, input) =>
            {
                var ((spec, targetInfo), hints) = input;
                production.AddSource(HintNames.For(HintNames.Of(spec), hints), SoftmaxCrossEntropyEmitter.Emit(spec, targetInfo));
            });
        }

        private static IncrementalValuesProvider<LossSpec> ParseLosses(IncrementalGeneratorInitializationContext context)
        {
            var parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    LossParser.SoftmaxCrossEntropyAttribute,
                    predicate: static (node, _) => LossParser.IsCandidate(node),
                    transform: static (syntaxContext, cancellationToken) => LossParser.Parse(syntaxContext, cancellationToken))
                .WithTrackingName(TrackingNames.SoftmaxCrossEntropy);

            var diagnostics = parsed
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.LossDiagnostics);
            ReportDiagnostics(context, diagnostics);

            return parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.LossModels);
        }

        /// <summary>[KLDivergence]/[CrossEntropy] methods: parse (reads the two parameter types' family attributes) → diagnostics | models.</summary>
        private static IncrementalValuesProvider<DivergenceSpec> ParseDivergences(
            IncrementalGeneratorInitializationContext context,
            string attribute,
            DivergenceMeasure measure,
            string trackingName)
        {
            var parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    predicate: static (node, _) => DivergenceParser.IsCandidate(node),
                    transform: (syntaxContext, cancellationToken) => DivergenceParser.Parse(syntaxContext, measure, cancellationToken))
                .WithTrackingName(trackingName);

            var diagnostics = parsed
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.DivergenceDiagnostics);
            ReportDiagnostics(context, diagnostics);

            return parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.DivergenceModels);
        }

        private static IncrementalValuesProvider<FamilySpec> ParseFamilies(
            IncrementalGeneratorInitializationContext context,
            string attribute,
            FamilyKind kind,
            string trackingName)
        {
            var parsed = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attribute,
                    predicate: static (node, _) => Parser.IsCandidate(node),
                    transform: (syntaxContext, cancellationToken) => Parser.Parse(syntaxContext, kind, cancellationToken))
                .WithTrackingName(trackingName);

            var diagnostics = parsed
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);
            ReportDiagnostics(context, diagnostics);

            return parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.Models);
        }

        /// <summary>Diagnostics travel on their own output, apart from the cached models (every pipeline uses this).</summary>
        private static void ReportDiagnostics(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics) =>
            context.RegisterSourceOutput(diagnostics, static (production, infos) =>
            {
                foreach (var info in infos)
                {
                    production.ReportDiagnostic(DiagnosticDescriptors.ToDiagnostic(info));
                }
            });
    }
}
