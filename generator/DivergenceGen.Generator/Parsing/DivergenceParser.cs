using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DivergenceGen.Generator.Diagnostics;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DivergenceGen.Generator.Parsing
{
    /// <summary>
    /// Turns a <c>[KLDivergence]</c> or <c>[CrossEntropy]</c> method into a <see cref="DivergenceSpec"/> and
    /// diagnostics: the only code of the divergence pipeline that reads symbols and syntax. It reads the two
    /// parameter types' family attributes and reduces each to a <see cref="FamilyRef"/>. Never throws on user input.
    /// </summary>
    internal static class DivergenceParser
    {
        public const string KLDivergenceAttribute = "DivergenceGen.KLDivergenceAttribute";
        public const string CrossEntropyAttribute = "DivergenceGen.CrossEntropyAttribute";

        /// <summary>The cheap syntax predicate: a method declaration (the attribute usage restricts the rest).</summary>
        public static bool IsCandidate(SyntaxNode node) => node is MethodDeclarationSyntax;

        public static ParseResult<DivergenceSpec> Parse(GeneratorAttributeSyntaxContext context, DivergenceMeasure measure, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            DivergenceSpec? spec = null;
            if (context.TargetSymbol is IMethodSymbol method && context.TargetNode is MethodDeclarationSyntax declaration)
            {
                spec = ParseCore(context, method, declaration, measure, diagnostics, cancellationToken);
            }

            return new ParseResult<DivergenceSpec>(spec, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        private static string AttributeName(DivergenceMeasure measure) =>
            measure == DivergenceMeasure.KLDivergence ? "KLDivergence" : "CrossEntropy";

        private static DivergenceSpec? ParseCore(
            GeneratorAttributeSyntaxContext context,
            IMethodSymbol method,
            MethodDeclarationSyntax declaration,
            DivergenceMeasure measure,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            var attribute = context.Attributes.FirstOrDefault();
            if (attribute is null)
            {
                return null;
            }

            string attributeName = AttributeName(measure);

            // Both measures on one method: the pipeline of the first attribute in source order reports the second.
            var measures = method.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() is KLDivergenceAttribute or CrossEntropyAttribute)
                .OrderBy(a => a.ApplicationSyntaxReference?.Span.Start ?? int.MaxValue)
                .ToList();
            if (measures.Count > 1)
            {
                if (SymbolEqualityComparer.Default.Equals(measures[0].AttributeClass, attribute.AttributeClass))
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.DivergenceBothMeasures,
                        measures[1].ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation(),
                        method.Name));
                }

                return null;
            }

            bool valid = CheckContainingTypes(method, declaration, attributeName, diagnostics);
            valid &= CheckMethod(method, declaration, attributeName, diagnostics);
            valid &= Parser.CheckScope(method.ContainingType, method.Name, context.SemanticModel.Compilation, contextualKeywords: false, declaration.Identifier.GetLocation(), diagnostics);

            double tolerance = 0;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Tolerance" && named.Value.Value is double t)
                {
                    tolerance = t;
                }
            }

            string? toleranceProblem = ToleranceProblem(tolerance);
            if (toleranceProblem is not null)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceInvalidTolerance,
                    ToleranceLocation(attribute, cancellationToken),
                    method.Name,
                    attributeName,
                    toleranceProblem));
                valid = false;
            }

            if (method.Parameters.Length != 2)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceParameterCount,
                    declaration.ParameterList.GetLocation(),
                    method.Name,
                    attributeName,
                    method.Parameters.Length.ToString(CultureInfo.InvariantCulture)));
                return null;
            }

            var p = ReadParameter(method, declaration, 0, attributeName, diagnostics, context.SemanticModel.Compilation, cancellationToken);
            var q = ReadParameter(method, declaration, 1, attributeName, diagnostics, context.SemanticModel.Compilation, cancellationToken);
            if (p is null || q is null)
            {
                return null;
            }

            if (p.Family.Precision != q.Family.Precision)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergencePrecisionMismatch,
                    declaration.ParameterList.Parameters[1].Type?.GetLocation(),
                    method.Name,
                    p.Family.DisplayName,
                    PrecisionName(p.Family.Precision),
                    q.Family.DisplayName,
                    PrecisionName(q.Family.Precision)));
                return null;
            }

            if (p.Family.Columns != 0 && q.Family.Columns != 0 && (p.Family.Rows != q.Family.Rows || p.Family.Columns != q.Family.Columns))
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceJointShapeMismatch,
                    declaration.ParameterList.Parameters[1].Type?.GetLocation(),
                    method.Name,
                    p.Family.DisplayName,
                    DivergenceMethods.Describe(p.Family),
                    q.Family.DisplayName,
                    DivergenceMethods.Describe(q.Family)));
                return null;
            }

            if (DivergenceMethods.IsContinuous(p.Family) != DivergenceMethods.IsContinuous(q.Family))
            {
                string Kind(FamilyRef f) => DivergenceMethods.IsContinuous(f) ? "a density" : "a mass function";
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceDensityAndMass,
                    declaration.ParameterList.Parameters[1].Type?.GetLocation(),
                    method.Name,
                    p.Family.DisplayName,
                    DivergenceMethods.Describe(p.Family),
                    Kind(p.Family),
                    q.Family.DisplayName,
                    DivergenceMethods.Describe(q.Family),
                    Kind(q.Family)));
                return null;
            }

            string expectedReturn = p.Family.Precision == PrecisionKind.Single ? "float" : "double";
            var expectedSpecial = p.Family.Precision == PrecisionKind.Single ? SpecialType.System_Single : SpecialType.System_Double;
            if (method.ReturnType.SpecialType != expectedSpecial)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceReturnType,
                    declaration.ReturnType.GetLocation(),
                    method.Name,
                    method.ReturnType.ToDisplayString(),
                    expectedReturn,
                    PrecisionName(p.Family.Precision)));
                valid = false;
            }

            if (valid && tolerance == 0 && DivergenceMethods.Choose(p.Family, q.Family, measure) == DivergenceMethod.TruncatedSeries)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceNoExactMethod,
                    declaration.Identifier.GetLocation(),
                    method.Name,
                    attributeName,
                    DivergenceMethods.WhyNoExactMethod(p.Family, q.Family)));
                valid = false;
            }

            if (!valid)
            {
                return null;
            }

            // The declaration, or a type around it, has compiler errors of its own (a parameter type less accessible than the
            // method, CS0051; the signature declared twice, CS0111; an [Obsolete(error: true)] type, CS0619; a class and an
            // interface of one name, CS0261…): generate nothing, the compiler's error says what to fix; an implementation
            // would repeat it in generated code, or add CS0757/CS0759/CS8799.
            if (Declarations.HasOwnErrors(context.SemanticModel.Compilation, new[] { method.ContainingType }.Concat(Declarations.ContainingTypeSymbols(method.ContainingType)), declaration, cancellationToken))
            {
                return null;
            }

            if (DivergenceMethods.Choose(p.Family, q.Family, measure) == DivergenceMethod.InfiniteBySupport
                && DivergenceMethods.Facts(p.Family).PointMass is { } pointMass)
            {
                // Valid, and emitted: but only P's degenerate point mass at 0 gives a finite value (a P whose support is
                // a run-time fact, a probability vector, gets no warning).
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceInfiniteBySupport,
                    declaration.Identifier.GetLocation(),
                    method.Name,
                    attributeName,
                    pointMass.Prose,
                    DivergenceMethods.Describe(p.Family),
                    DivergenceMethods.OutsideOf(p.Family, q.Family),
                    DivergenceMethods.Describe(q.Family)));
            }

            cancellationToken.ThrowIfCancellationRequested();
            // The method's own class is the last containing type.
            var own = method.ContainingType;
            var containing = Declarations.ContainingTypes(own).Concat(new[] { new ContainingType(Declarations.Keyword(own), Declarations.TypeName(own.Name)) });
            return new DivergenceSpec(
                measure,
                Declarations.Namespace(own),
                new EquatableArray<ContainingType>(containing),
                Declarations.Identifier(method.Name),
                string.Join(" ", declaration.Modifiers.Select(m => m.Text)),
                expectedReturn,
                p,
                q,
                tolerance)
            {
                Location = LocationInfo.From(declaration.Identifier.GetLocation()),
                IsDocumented = declaration.GetLeadingTrivia().Any(t =>
                    t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)),
                NamesObsoleteTypes = method.Parameters.Any(x => IsObsolete(x.Type)),
            };
        }

        /// <summary>Whether a type, or a type around it, is [Obsolete] (the generated signature names it: CS0612/CS0618).</summary>
        private static bool IsObsolete(ITypeSymbol type)
        {
            for (var t = type as INamedTypeSymbol; t is not null; t = t.ContainingType)
            {
                if (t.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute"))
                {
                    return true;
                }
            }

            return false;
        }

        private static string PrecisionName(PrecisionKind precision) => precision == PrecisionKind.Single ? "Precision.Single" : "Precision.Double";

        /// <summary>Null when valid: 0 (exact methods only) or a finite value in [<see cref="DivergenceMethods.MinTolerance"/>, 1).</summary>
        private static string? ToleranceProblem(double tolerance)
        {
            if (tolerance == 0)
            {
                return null;
            }

            if (double.IsNaN(tolerance))
            {
                return "Tolerance is NaN";
            }

            string value = tolerance.ToString("R", CultureInfo.InvariantCulture);
            if (tolerance < 0)
            {
                return "Tolerance = " + value + " is negative (0 means exact methods only)";
            }

            if (tolerance >= 1)
            {
                return "Tolerance = " + value + " is not below 1, the whole mass of P, so the series would stop before it starts";
            }

            if (tolerance < DivergenceMethods.MinTolerance)
            {
                return "Tolerance = " + value + " is below " + DivergenceMethods.MinTolerance.ToString("R", CultureInfo.InvariantCulture)
                    + ": the neglected mass would be smaller than the rounding of the sum itself, so it only costs terms";
            }

            return null;
        }

        private static Location? ToleranceLocation(AttributeData attribute, CancellationToken cancellationToken)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Tolerance");
            return argument?.Expression.GetLocation() ?? syntax?.GetLocation();
        }

        private static bool CheckContainingTypes(IMethodSymbol method, MethodDeclarationSyntax declaration, string attributeName, List<DiagnosticInfo> diagnostics)
        {
            bool valid = true;
            var own = declaration.Parent as TypeDeclarationSyntax;
            var type = method.ContainingType;
            if (own is null || type is null)
            {
                return false;
            }

            string? reason = null;
            if (type.TypeKind != TypeKind.Class || type.IsRecord)
            {
                reason = "it is not a class";
            }
            else if (!type.IsStatic)
            {
                reason = "it is not static";
            }
            else if (!own.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                reason = "it is not partial";
            }
            else if (type.TypeParameters.Length > 0)
            {
                reason = "it is generic";
            }
            else if (type.IsFileLocal || own.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                reason = "it is a 'file' class, visible only in its own file, and the implementation is generated in another file (remove 'file')";
            }

            if (reason is not null)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceContainingType,
                    own.Identifier.GetLocation(),
                    type.Name,
                    attributeName,
                    method.Name,
                    reason));
                valid = false;
            }

            for (var parent = own.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
            {
                bool partial = parent.Modifiers.Any(SyntaxKind.PartialKeyword);
                bool generic = parent.TypeParameterList is not null;
                bool file = parent.Modifiers.Any(SyntaxKind.FileKeyword) || Declarations.ContainingTypeSymbols(type).Any(t => t.IsFileLocal && t.Name == parent.Identifier.ValueText);
                if (!partial || generic || file)
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.DivergenceOuterType,
                        parent.Identifier.GetLocation(),
                        parent.Identifier.ValueText,
                        attributeName,
                        method.Name,
                        !partial ? "is not partial" : generic ? "is generic" : "is a 'file' type, visible only in its own file, and the implementation is generated in another file (remove 'file')"));
                    valid = false;
                }
            }

            return valid;
        }

        private static bool CheckMethod(IMethodSymbol method, MethodDeclarationSyntax declaration, string attributeName, List<DiagnosticInfo> diagnostics)
        {
            string? reason = null;
            if (!declaration.Modifiers.Any(SyntaxKind.StaticKeyword))
            {
                reason = "it is not static";
            }
            else if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                reason = "it is not partial";
            }
            else if (declaration.Body is not null || declaration.ExpressionBody is not null)
            {
                reason = "it has a body (declare it without one: the generator writes the implementation)";
            }
            else if (method.PartialImplementationPart is not null)
            {
                reason = "it already has an implementation part";
            }
            else if (method.IsGenericMethod)
            {
                reason = "it is generic";
            }
            else if (declaration.Modifiers.Any(SyntaxKind.AsyncKeyword))
            {
                reason = "it is async (the divergence is computed synchronously and returned as a number)";
            }
            else if (declaration.Modifiers.Any(SyntaxKind.ExternKeyword))
            {
                reason = "it is extern (the generator writes the implementation in C#)";
            }
            else if (method.DeclaredAccessibility == Accessibility.NotApplicable
                || !declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword)
                    || m.IsKind(SyntaxKind.PrivateKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)))
            {
                reason = "it has no accessibility modifier (C# requires one on a partial method that returns a value)";
            }

            if (reason is null)
            {
                return true;
            }

            diagnostics.Add(DiagnosticDescriptors.Info(
                DiagnosticDescriptors.DivergenceMethodShape,
                declaration.Identifier.GetLocation(),
                method.Name,
                attributeName,
                reason));
            return false;
        }

        private static DivergenceParameter? ReadParameter(IMethodSymbol method, MethodDeclarationSyntax declaration, int index, string attributeName, List<DiagnosticInfo> diagnostics, Compilation compilation, CancellationToken cancellationToken)
        {
            var parameter = method.Parameters[index];
            var syntax = declaration.ParameterList.Parameters[index];
            string role = index == 0 ? "P" : "Q";

            // 'scoped' too: the generated implementation repeats only 'in' (a partial method's parts must agree on it: CS8988).
            if (parameter.RefKind is not (RefKind.None or RefKind.In) || parameter.IsParams || syntax.Modifiers.Any(SyntaxKind.ThisKeyword) || syntax.Modifiers.Any(SyntaxKind.ScopedKeyword))
            {
                var modifier = syntax.Modifiers.FirstOrDefault(m => !m.IsKind(SyntaxKind.InKeyword));
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceParameterType,
                    modifier.RawKind != 0 ? modifier.GetLocation() : syntax.GetLocation(),
                    method.Name,
                    attributeName,
                    parameter.Name,
                    role,
                    "only 'in' or no modifier is allowed, not '" + (modifier.RawKind != 0 ? modifier.Text : parameter.RefKind.ToString()) + "'"));
                return null;
            }

            string? problem = null;
            FamilyRef? family = null;
            if (parameter.Type is not INamedTypeSymbol type || parameter.Type.TypeKind == TypeKind.Error)
            {
                problem = parameter.Type.TypeKind == TypeKind.Error ? null : "'" + parameter.Type.ToDisplayString() + "' is not a distribution type";
                if (problem is null)
                {
                    return null; // the compiler reports the unknown type itself
                }
            }
            else
            {
                var families = type.GetAttributes()
                    .Select(a => (Attribute: a, Row: FamilyCatalogue.ByAttribute(a.AttributeClass?.ToDisplayString())))
                    .Where(x => x.Row is not null)
                    .ToList();
                if (families.Count == 0)
                {
                    problem = "'" + type.ToDisplayString() + "' is not a declared distribution family (no " + FamilyCatalogue.UsageList() + " attribute)";
                }
                else if (families.Count > 1)
                {
                    return null; // DG0007 on the family type says what is wrong
                }
                else if (!families[0].Row!.CrossFamily)
                {
                    problem = "'" + type.ToDisplayString() + "' is a " + families[0].Row!.Usage + " type, whose divergences with other families are not generated (its own KLDivergence(in " + type.Name + " q) is)";
                }
                else if (!Parser.IsAccepted(type, families[0].Attribute, families[0].Row!.Kind, compilation, cancellationToken))
                {
                    return null; // the family type's own diagnostics (DG0001–DG0010) say what is wrong; it gets no members
                }
                else
                {
                    family = ReadFamily(type, families[0].Attribute, families[0].Row!);
                    if (family is null)
                    {
                        return null; // DG0004 on the family attribute says what is wrong
                    }
                }
            }

            if (problem is not null || family is null)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.DivergenceParameterType,
                    syntax.Type?.GetLocation() ?? syntax.GetLocation(),
                    method.Name,
                    attributeName,
                    parameter.Name,
                    role,
                    problem ?? "its type is not a declared distribution family"));
                return null;
            }

            return new DivergenceParameter(
                Declarations.Identifier(parameter.Name),
                parameter.RefKind == RefKind.In,
                !family.IsStruct && parameter.NullableAnnotation == NullableAnnotation.Annotated,
                family);
        }

        private static FamilyRef? ReadFamily(INamedTypeSymbol type, AttributeData attribute, FamilyRow row)
        {
            int size = 0;
            int columns = 0;
            if (row.Size == SizeArgument.RowsAndColumns)
            {
                // A joint table is a categorical law over its R·C cells.
                if (attribute.ConstructorArguments.Length != 2
                    || attribute.ConstructorArguments[0].Value is not int r
                    || attribute.ConstructorArguments[1].Value is not int c
                    || r < 1 || c < 1 || (long)r * c > FamilyLimits.MaxCategoricalClasses)
                {
                    return null;
                }

                size = r * c;
                columns = c;
            }
            else if (row.Size != SizeArgument.None)
            {
                if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not int s)
                {
                    return null;
                }

                size = s;
                bool inRange = row.Size == SizeArgument.Classes ? s >= 1 && s <= FamilyLimits.MaxCategoricalClasses : s >= 0;
                if (!inRange)
                {
                    return null;
                }
            }

            var precision = PrecisionKind.Double;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Precision" && named.Value.Value is int p)
                {
                    if (p != (int)PrecisionKind.Double && p != (int)PrecisionKind.Single)
                    {
                        return null;
                    }

                    precision = (PrecisionKind)p;
                }
            }

            string qualified = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            string display = qualified.StartsWith("global::", StringComparison.Ordinal) ? qualified.Substring("global::".Length) : qualified;
            return new FamilyRef(row.Kind, size, precision, type.IsValueType, "global::" + display, display, columns);
        }
    }
}
