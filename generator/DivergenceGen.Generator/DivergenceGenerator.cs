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

            foreach (var family in FamilyCatalogue.All)
            {
                Register(context, target, family.AttributeMetadataName, family.Kind, family.TrackingName);
            }

            RegisterDivergence(context, DivergenceParser.KLDivergenceAttribute, DivergenceMeasure.KLDivergence, TrackingNames.KLDivergence);
            RegisterDivergence(context, DivergenceParser.CrossEntropyAttribute, DivergenceMeasure.CrossEntropy, TrackingNames.CrossEntropy);

            RegisterLoss(context, target);
        }

        private static void RegisterLoss(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<TargetInfo> target)
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

            var models = parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.LossModels);

            var output = models.Combine(target).WithTrackingName(TrackingNames.LossOutput);
            context.RegisterSourceOutput(output, static (production, pair) =>
            {
                var (spec, targetInfo) = pair;
                production.AddSource(SoftmaxCrossEntropyEmitter.HintName(spec), SoftmaxCrossEntropyEmitter.Emit(spec, targetInfo));
            });
        }

        /// <summary>[KLDivergence]/[CrossEntropy] methods: parse (reads the two parameter types' family attributes) → diagnostics | emit.</summary>
        private static void RegisterDivergence(
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

            var models = parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.DivergenceModels);
            context.RegisterSourceOutput(models, static (production, spec) =>
                production.AddSource(DivergenceEmitter.HintName(spec), DivergenceEmitter.Emit(spec)));
        }

        private static void Register(
            IncrementalGeneratorInitializationContext context,
            IncrementalValueProvider<TargetInfo> target,
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

            var models = parsed
                .Where(static result => result.Spec is not null)
                .Select(static (result, _) => result.Spec!)
                .WithTrackingName(TrackingNames.Models);

            var output = models.Combine(target).WithTrackingName(TrackingNames.Output);
            context.RegisterSourceOutput(output, static (production, pair) =>
            {
                var (spec, targetInfo) = pair;
                production.AddSource(Emitter.HintName(spec), Emitter.Emit(spec, targetInfo));
            });
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
