using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DivergenceGen.Generator.Diagnostics;
using DivergenceGen.Generator.Losses;
using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DivergenceGen.Generator.Parsing
{
    /// <summary>
    /// Turns a loss declaration (any row of <see cref="LossCatalogue"/>) into a <see cref="LossSpec"/> and diagnostics.
    /// Reads symbols and syntax (the only loss code that does); never throws on user input. The names a loss writes
    /// into the user's type are its description's <see cref="LossDescription.GeneratedMembers"/> only (its kernels are
    /// in a file-local class of their own, <c>DivergenceGen.Generated.{Type}Kernels</c>, where no user member can
    /// clash): a user member or type with one of them is DG0005 / DG0010, as for the families.
    /// </summary>
    internal static class LossParser
    {
        /// <summary>The cheap syntax predicate: any type declaration (a record or struct gets DG0030 rather than silence).</summary>
        public static bool IsCandidate(SyntaxNode node) => node is TypeDeclarationSyntax;

        public static ParseResult<LossSpec> Parse(GeneratorAttributeSyntaxContext context, LossDescription loss, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var spec = ParseCore(context, loss, diagnostics, cancellationToken);
            return new ParseResult<LossSpec>(spec, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        private static LossSpec? ParseCore(GeneratorAttributeSyntaxContext context, LossDescription loss, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            string name = loss.Attribute;
            var written = loss.GeneratedMembers;
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
            {
                return null;
            }

            var attribute = context.Attributes.FirstOrDefault();
            if (attribute is null)
            {
                return null;
            }

            var identifier = declaration.Identifier.GetLocation();
            bool valid = true;

            // One loss per type (DG0035).
            if (Parser.HasSecondOfKind(type, attribute, LossCatalogue.IsLossAttribute, DiagnosticDescriptors.MultipleLosses, diagnostics, cancellationToken))
            {
                return null;
            }

            var family = type.GetAttributes().FirstOrDefault(Parser.IsFamilyAttribute);
            if (family is not null)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.LossWithFamily,
                    attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation(),
                    type.Name,
                    family.AttributeClass!.Name.Replace("Attribute", string.Empty),
                    name));
                valid = false;
            }

            string? reason = null;
            if (type.TypeKind != TypeKind.Class || type.IsRecord)
            {
                reason = "the loss members are static and need no instance, so it is a static class, not a " + (type.IsRecord ? "record" : type.TypeKind.ToString().ToLowerInvariant());
            }
            else if (type.IsGenericType || Declarations.ContainingTypeSymbols(type).Any(t => t.IsGenericType))
            {
                reason = "generic types (or types nested in generic types) are not supported";
            }
            else if (!type.IsStatic)
            {
                reason = "the class is not static (the loss members are static and need no instance)";
            }
            else if (Parser.FileLocalProblem(type, declaration) is { } file)
            {
                reason = file;
            }

            if (reason is not null)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(DiagnosticDescriptors.LossTypeKind, identifier, type.Name, name, reason));
                valid = false;
            }

            valid &= Parser.CheckPartial(type, declaration, name, identifier, diagnostics);
            valid &= Parser.CheckTypeName(type, name, written, identifier, diagnostics);
            valid &= Parser.CheckScope(type, type.Name, context.SemanticModel.Compilation, contextualKeywords: true, identifier, diagnostics);

            var languageVersion = (declaration.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest;
            int version = Declarations.LanguageVersionNumber(languageVersion);
            if (version < TargetInfo.MinimumLanguageVersion)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.LanguageVersionTooOld,
                    identifier,
                    type.Name,
                    TargetInfo.MinimumLanguageVersion.ToString(CultureInfo.InvariantCulture),
                    languageVersion.ToDisplayString()));
                valid = false;
            }

            foreach (var member in type.GetMembers().Concat<ISymbol>(type.GetTypeMembers()))
            {
                if (!member.IsImplicitlyDeclared && written.Contains(member.Name))
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.MemberNameClash,
                        member.Locations.FirstOrDefault(l => l.IsInSource),
                        type.Name,
                        member.Name,
                        name));
                    valid = false;
                }
            }

            var spec = ReadArguments(attribute, type, loss, diagnostics, cancellationToken);
            if (!valid || spec is null)
            {
                return null;
            }

            // Compiler errors of the declaration's own (its header, or a type around it): no output, the error says what to fix.
            if (Declarations.HasOwnErrors(context.SemanticModel.Compilation, new[] { type }.Concat(Declarations.ContainingTypeSymbols(type)), null, cancellationToken))
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            return spec with { Location = LocationInfo.From(identifier) };
        }

        private static LossSpec? ReadArguments(AttributeData attribute, INamedTypeSymbol type, LossDescription loss, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            string name = loss.Attribute;
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            Location ArgumentLocation(string? argumentName)
            {
                var list = syntax?.ArgumentList?.Arguments;
                if (list is null)
                {
                    return syntax?.GetLocation() ?? Location.None;
                }

                var argument = argumentName is null
                    ? list.Value.FirstOrDefault(a => a.NameEquals is null)
                    : list.Value.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == argumentName);
                return argument?.Expression.GetLocation() ?? syntax!.GetLocation();
            }

            string N(long value) => value.ToString(CultureInfo.InvariantCulture);

            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not int classes)
            {
                return null; // the compiler reports the malformed attribute itself
            }

            bool valid = true;
            if (classes < loss.MinClasses || classes > LossLimits.MaxClasses)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.LossClassCount,
                    ArgumentLocation(null),
                    name,
                    type.Name,
                    N(classes),
                    N(loss.MinClasses),
                    N(LossLimits.MaxClasses)));
                valid = false;
            }

            double smoothing = 0;
            int ignoreIndex = -100;
            double temperature = loss.Options.Contains("Temperature") ? LossLimits.DefaultTemperature : 1.0;
            var reduction = ReductionKind.Mean;
            var precision = PrecisionKind.Double;
            int unrollThreshold = FamilyLimits.DefaultUnrollThreshold;
            foreach (var named in attribute.NamedArguments)
            {
                object? value = named.Value.Value;
                if (!loss.Options.Contains(named.Key) && named.Key is not ("Reduction" or "Precision" or "UnrollThreshold"))
                {
                    continue; // not a property of this loss's attribute: the compiler has reported it
                }

                switch (named.Key)
                {
                    case "LabelSmoothing" when value is double e:
                        if (double.IsNaN(e) || e < 0 || e > 1)
                        {
                            diagnostics.Add(DiagnosticDescriptors.Info(
                                DiagnosticDescriptors.LossLabelSmoothing,
                                ArgumentLocation("LabelSmoothing"),
                                name,
                                type.Name,
                                e.ToString("R", CultureInfo.InvariantCulture)));
                            valid = false;
                        }
                        else
                        {
                            smoothing = e;
                        }

                        break;
                    case "Temperature" when value is double t:
                        if (!(t > 0) || double.IsInfinity(t))
                        {
                            diagnostics.Add(DiagnosticDescriptors.Info(
                                DiagnosticDescriptors.LossInvalidArgument,
                                ArgumentLocation("Temperature"),
                                "temperature",
                                name,
                                type.Name,
                                "Temperature = " + t.ToString("R", CultureInfo.InvariantCulture) + " is not a finite value > 0"));
                            valid = false;
                        }
                        else
                        {
                            temperature = t;
                        }

                        break;
                    case "IgnoreIndex" when value is int ignore:
                        ignoreIndex = ignore;
                        break;
                    case "Reduction" when value is int r:
                        if (r < (int)ReductionKind.None || r > (int)ReductionKind.Mean)
                        {
                            diagnostics.Add(DiagnosticDescriptors.Info(
                                DiagnosticDescriptors.LossInvalidArgument,
                                ArgumentLocation("Reduction"),
                                "reduction",
                                name,
                                type.Name,
                                "(Reduction)" + N(r) + " is not Reduction.None, Reduction.Sum or Reduction.Mean"));
                            valid = false;
                        }
                        else
                        {
                            reduction = (ReductionKind)r;
                        }

                        break;
                    case "Precision" when value is int p:
                        if (p != (int)PrecisionKind.Double && p != (int)PrecisionKind.Single)
                        {
                            diagnostics.Add(DiagnosticDescriptors.Info(
                                DiagnosticDescriptors.LossInvalidArgument,
                                ArgumentLocation("Precision"),
                                "precision",
                                name,
                                type.Name,
                                "(Precision)" + N(p) + " is not Precision.Double or Precision.Single"));
                            valid = false;
                        }
                        else
                        {
                            precision = (PrecisionKind)p;
                        }

                        break;
                    case "UnrollThreshold" when value is int threshold:
                        if (threshold < 0 || threshold > FamilyLimits.MaxUnrollThreshold)
                        {
                            diagnostics.Add(DiagnosticDescriptors.Info(
                                DiagnosticDescriptors.LossInvalidArgument,
                                ArgumentLocation("UnrollThreshold"),
                                "unroll threshold",
                                name,
                                type.Name,
                                "UnrollThreshold = " + N(threshold) + " is outside 0 … " + N(FamilyLimits.MaxUnrollThreshold)));
                            valid = false;
                        }
                        else
                        {
                            unrollThreshold = threshold;
                        }

                        break;
                }
            }

            return valid
                ? new LossSpec(loss.Attribute, Declarations.Hierarchy(type, isStruct: false, isReadOnly: false), precision, classes, smoothing, ignoreIndex, reduction, unrollThreshold) { Temperature = temperature }
                : null;
        }
    }
}
