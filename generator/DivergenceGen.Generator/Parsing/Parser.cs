using System.Collections.Generic;
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
    /// Turns an annotated declaration into a <see cref="FamilySpec"/> and diagnostics. The only code that reads
    /// symbols and syntax; it never throws on user input.
    /// </summary>
    internal static class Parser
    {
        /// <summary>Whether an attribute is a family attribute (a row of <see cref="FamilyCatalogue"/>).</summary>
        public static bool IsFamilyAttribute(AttributeData attribute) =>
            FamilyCatalogue.ByAttribute(attribute.AttributeClass?.ToDisplayString()) is not null;

        /// <summary>The cheap syntax predicate: any type declaration (the attribute usage restricts the rest).</summary>
        public static bool IsCandidate(SyntaxNode node) => node is TypeDeclarationSyntax;

        public static ParseResult<FamilySpec> Parse(GeneratorAttributeSyntaxContext context, FamilyKind kind, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var spec = ParseCore(context, kind, diagnostics, cancellationToken);
            return new ParseResult<FamilySpec>(spec, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        private static FamilySpec? ParseCore(GeneratorAttributeSyntaxContext context, FamilyKind kind, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
            {
                return null;
            }

            var attribute = context.Attributes.FirstOrDefault();
            if (attribute is null)
            {
                return null;
            }

            return ParseType(type, declaration, attribute, kind, context.SemanticModel.Compilation, diagnostics, cancellationToken);
        }

        /// <summary>
        /// Whether the generator accepts the family declaration of <paramref name="type"/> (the same checks as its own
        /// pipeline, so a divergence over a rejected type is not emitted either: that type's diagnostics say why). A type
        /// from a referenced assembly (no syntax) was generated there and is taken as it is.
        /// </summary>
        public static bool IsAccepted(INamedTypeSymbol type, AttributeData attribute, FamilyKind kind, Compilation compilation, CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
            {
                return true;
            }

            return syntax.Parent?.Parent is TypeDeclarationSyntax declaration
                && ParseType(type, declaration, attribute, kind, compilation, new List<DiagnosticInfo>(), cancellationToken) is not null;
        }

        private static FamilySpec? ParseType(INamedTypeSymbol type, TypeDeclarationSyntax declaration, AttributeData attribute, FamilyKind kind, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            string family = kind.ToString();
            var identifier = declaration.Identifier.GetLocation();

            // One family per type (DG0007).
            if (HasSecondOfKind(type, attribute, IsFamilyAttribute, DiagnosticDescriptors.MultipleFamilies, diagnostics, cancellationToken))
            {
                return null;
            }

            bool valid = CheckTypeKind(type, declaration, family, identifier, diagnostics);
            valid &= CheckPartial(type, declaration, family, identifier, diagnostics);

            var languageVersion = (declaration.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest;
            int version = Declarations.LanguageVersionNumber(languageVersion);
            if (version < TargetInfo.MinimumLanguageVersion)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.LanguageVersionTooOld,
                    identifier,
                    type.Name,
                    TargetInfo.MinimumLanguageVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    languageVersion.ToDisplayString()));
                valid = false;
            }

            var arguments = ReadArguments(attribute, kind, type, family, diagnostics, cancellationToken);
            if (arguments is null)
            {
                valid = false;
            }

            // A parametric law (FiniteFamily): the type's own LogWeight(int k, …) gives the constructor's parameters and the precision.
            var logWeightParameters = EquatableArray<string>.Empty;
            LogWeightModel? logWeightModel = null;
            if (FamilyCatalogue.Of(kind).Description is VectorParameterFamily { ParametricConstruction: true })
            {
                if (ReadLogWeight(type, declaration.SyntaxTree, family, FamilyCatalogue.Of(kind).GeneratedMembers, identifier, diagnostics) is { } logWeight)
                {
                    logWeightParameters = new EquatableArray<string>(logWeight.Names);
                    logWeightModel = LogWeightTranslation.Translate(type, logWeight.Method, family, compilation, diagnostics, cancellationToken);
                    if (arguments is { } read)
                    {
                        arguments = new Arguments(read.Classes, read.Trials, logWeight.Precision, read.UnrollThreshold, read.Rows, read.Columns);
                    }
                }
                else
                {
                    valid = false;
                }
            }

            // A user's exponential family: its four methods define the law (ExponentialFamilyReader).
            ExponentialFamilyModel? exponential = null;
            if (FamilyCatalogue.Of(kind).Description is ExponentialFamilyDescription)
            {
                exponential = ExponentialFamilyReader.Read(
                    type, declaration.SyntaxTree, attribute, FamilyCatalogue.Of(kind).GeneratedMembers, compilation, identifier, diagnostics, cancellationToken);
                valid &= exponential is not null;
            }

            valid &= CheckTypeName(type, family, FamilyCatalogue.Of(kind).GeneratedMembers, identifier, diagnostics);
            valid &= CheckClashes(type, family, FamilyCatalogue.Of(kind).GeneratedMembers, diagnostics);
            valid &= CheckInherited(type, declaration, family, FamilyCatalogue.Of(kind).GeneratedMembers, diagnostics);
            valid &= CheckScope(type, type.Name, compilation, contextualKeywords: true, identifier, diagnostics);

            // A vector-parameter family stores its K probabilities and their logs inline in a struct.
            int storedVectors = FamilyCatalogue.Of(kind).Description switch
            {
                VectorParameterFamily => 2,
                VectorFamily vectorFamily => vectorFamily.Stored.Count,
                _ => 0,
            };
            if (arguments is { } a && storedVectors > 0 && type.IsValueType)
            {
                // A joint table also stores its R + C marginals.
                long bytes = ((long)storedVectors * a.Classes + a.Rows + a.Columns) * (a.Precision == PrecisionKind.Single ? 4 : 8);
                if (bytes > Categorical.MaxStructStorageBytes)
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.StructTooLarge,
                        identifier,
                        type.Name,
                        bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        (FamilyCatalogue.Of(kind).Size == SizeArgument.Dimensions ? "D = " : "K = ") + a.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Categorical.MaxStructStorageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    valid = false;
                }
            }

            if (!valid || arguments is null)
            {
                return null;
            }

            // Compiler errors of the declaration's own (its header, or a type around it): no output, the error says what to fix.
            if (Declarations.HasOwnErrors(compilation, new[] { type }.Concat(Declarations.ContainingTypeSymbols(type)), null, cancellationToken))
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            return new FamilySpec(
                Declarations.Hierarchy(type, type.IsValueType, type.IsReadOnly),
                kind,
                arguments.Value.Precision,
                arguments.Value.Classes,
                arguments.Value.Trials,
                arguments.Value.UnrollThreshold,
                LocationInfo.From(identifier),
                type.GetMembers("ToString").OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 0 && !m.IsImplicitlyDeclared))
            {
                Rows = arguments.Value.Rows,
                Columns = arguments.Value.Columns,
                LogWeightParameters = logWeightParameters,
                LogWeight = logWeightModel,
                ExponentialFamilyModel = exponential,
                Reduction = arguments.Value.Reduction,
            };
        }

        /// <summary>
        /// DG0042: a FiniteFamily type must declare exactly one <c>static double LogWeight(int k, double θ₁, …)</c> (or float
        /// throughout) with at least one parameter after the outcome, none by reference, not generic; each parameter's
        /// PascalCase property and <c>_</c>-field must be free (not a generated name, not a member of the type, not the
        /// type's name, not a second parameter's), and no parameter may be named <c>result</c> (TryCreate's) or start with
        /// <c>__</c> (the generated locals'). Returns the parameters' names and the precision, or null.
        /// </summary>
        private static (string[] Names, PrecisionKind Precision, IMethodSymbol Method)? ReadLogWeight(
            INamedTypeSymbol type, SyntaxTree attributed, string family, IReadOnlyList<string> generated, Location identifier, List<DiagnosticInfo> diagnostics)
        {
            bool Report(Location? location, string reason)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(DiagnosticDescriptors.InvalidLogWeight, location ?? identifier, type.Name, family, reason));
                return false;
            }

            var methods = type.GetMembers(FiniteFamily.LogWeightMethod).ToList();
            if (methods.Count == 0)
            {
                Report(identifier, "it declares no 'static double LogWeight(int k, double θ₁, …)' (float throughout for single precision), the log-weight that defines the law");
                return null;
            }

            if (methods.Count > 1 || methods[0] is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary)
            {
                Report(methods[1 % methods.Count].Locations.FirstOrDefault(l => l.IsInSource), "declare exactly one member named 'LogWeight', a static method 'static double LogWeight(int k, double θ₁, …)'");
                return null;
            }

            var at = method.Locations.FirstOrDefault(l => l.IsInSource);
            if (method.DeclaringSyntaxReferences.Concat(method.PartialImplementationPart?.DeclaringSyntaxReferences ?? Enumerable.Empty<SyntaxReference>())
                .Any(r => r.SyntaxTree != attributed))
            {
                Report(at, "'LogWeight' must be declared in the same file as the [" + family + "] attribute (the generator reads it with the attribute, so an edit in another file would not reach the generated code)");
                return null;
            }

            if (!method.IsStatic)
            {
                Report(at, "'LogWeight' must be static (the constructor calls it before the instance exists)");
                return null;
            }

            if (method.IsGenericMethod)
            {
                Report(at, "'LogWeight' must not be generic");
                return null;
            }

            PrecisionKind precision;
            switch (method.ReturnType.SpecialType)
            {
                case SpecialType.System_Double:
                    precision = PrecisionKind.Double;
                    break;
                case SpecialType.System_Single:
                    precision = PrecisionKind.Single;
                    break;
                default:
                    Report(at, "'LogWeight' must return double (or float for single precision), not '" + method.ReturnType.ToDisplayString() + "'");
                    return null;
            }

            if (method.ReturnsByRef || method.ReturnsByRefReadonly)
            {
                Report(at, "'LogWeight' must return its value, not a reference");
                return null;
            }

            string t = precision == PrecisionKind.Single ? "float" : "double";
            if (method.Parameters.Length == 0 || method.Parameters[0].Type.SpecialType != SpecialType.System_Int32 || method.Parameters[0].RefKind != RefKind.None)
            {
                Report(at, "the first parameter of 'LogWeight' must be the outcome, 'int k'");
                return null;
            }

            if (method.Parameters[0].Name.StartsWith("__", System.StringComparison.Ordinal))
            {
                Report(method.Parameters[0].Locations.FirstOrDefault(l => l.IsInSource) ?? at, "the outcome '" + method.Parameters[0].Name + "' of 'LogWeight' cannot be used: names starting with '__' are the generated locals'; rename it");
                return null;
            }

            if (method.Parameters.Length == 1)
            {
                Report(at, "'LogWeight' has no parameter after the outcome; a FiniteFamily is constructed from at least one (a law without parameters would be the struct's parameterless default: declare it as [Categorical(K)] with fixed probabilities instead)");
                return null;
            }

            var names = new List<string>();
            var taken = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var parameter in method.Parameters.Skip(1))
            {
                var where = parameter.Locations.FirstOrDefault(l => l.IsInSource) ?? at;
                if (parameter.RefKind != RefKind.None || parameter.IsParams)
                {
                    Report(where, "the parameter '" + parameter.Name + "' of 'LogWeight' must be passed by value (no ref, in, out or params)");
                    return null;
                }

                if (!SymbolEqualityComparer.Default.Equals(parameter.Type, method.ReturnType))
                {
                    Report(where, "the parameter '" + parameter.Name + "' of 'LogWeight' is '" + parameter.Type.ToDisplayString() + "'; every parameter after the outcome must be " + t + ", the type LogWeight returns");
                    return null;
                }

                string name = parameter.Name;
                string property = char.ToUpperInvariant(name[0]) + name.Substring(1);
                string field = "_" + name;
                string? clash = null;
                if (name == "result" || name.StartsWith("__", System.StringComparison.Ordinal))
                {
                    clash = "the name '" + name + "' is used by the generated code (TryCreate's 'result', the locals' '__')";
                }
                else if (!taken.Add(property))
                {
                    clash = "its property '" + property + "' is the property of another parameter";
                }
                else
                {
                    foreach (string member in new[] { property, field })
                    {
                        if (generated.Contains(member) || member == type.Name || member == FiniteFamily.LogWeightMethod
                            || type.GetMembers(member).Any(m => !m.IsImplicitlyDeclared) || type.GetTypeMembers(member).Any())
                        {
                            clash = "the generator writes '" + member + "' for it, and " + (generated.Contains(member) ? "the generator writes a member of that name already"
                                : member == type.Name ? "a member cannot have its type's name" : "the type has a member of that name");
                            break;
                        }
                    }
                }

                if (clash is not null)
                {
                    Report(where, "the parameter '" + name + "' of 'LogWeight' cannot be used: " + clash + "; rename it");
                    return null;
                }

                names.Add(name);
            }

            return (names.ToArray(), precision, method);
        }

        /// <summary>
        /// One attribute of a kind per type (one family: DG0007; one loss: DG0035). Where the type has two different ones,
        /// the pipeline of the first in source order reports <paramref name="descriptor"/> at the second, and every
        /// pipeline gets true (no output). The same attribute twice is the compiler's CS0579, not reported here: the
        /// declaration then has an error of its own and gets no output (<see cref="Declarations.HasOwnErrors"/>).
        /// </summary>
        internal static bool HasSecondOfKind(
            INamedTypeSymbol type,
            AttributeData current,
            System.Func<AttributeData, bool> ofKind,
            DiagnosticDescriptor descriptor,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            var distinct = type.GetAttributes()
                .Where(ofKind)
                .OrderBy(a => a.ApplicationSyntaxReference?.Span.Start ?? int.MaxValue)
                .GroupBy(a => a.AttributeClass?.ToDisplayString(), System.StringComparer.Ordinal)
                .Select(g => g.First())
                .ToList();
            if (distinct.Count < 2)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(distinct[0].AttributeClass, current.AttributeClass))
            {
                diagnostics.Add(DiagnosticDescriptors.Info(
                    descriptor,
                    distinct[1].ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation(),
                    type.Name,
                    ShortName(distinct[0]),
                    ShortName(distinct[1])));
            }

            return true;
        }

        private static string ShortName(AttributeData attribute)
        {
            string name = attribute.AttributeClass?.Name ?? "?";
            return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        private static bool CheckTypeKind(INamedTypeSymbol type, TypeDeclarationSyntax declaration, string family, Location identifier, List<DiagnosticInfo> diagnostics)
        {
            string? reason = null;
            if (type.TypeKind == TypeKind.Interface)
            {
                reason = "an interface cannot hold state";
            }
            else if (type.IsRecord)
            {
                reason = "a record's generated equality and constructors would conflict with the generated members";
            }
            else if (type.IsGenericType || Declarations.ContainingTypeSymbols(type).Any(t => t.IsGenericType))
            {
                reason = "generic types (or types nested in generic types) are not supported";
            }
            else if (type.IsRefLikeType)
            {
                reason = "a ref struct cannot implement the generic distribution interfaces or be stored in fields";
            }
            else if (type.TypeKind == TypeKind.Class && type.IsStatic)
            {
                reason = "a static class has no instances";
            }
            else if (type.TypeKind == TypeKind.Class && type.IsAbstract)
            {
                reason = "an abstract class has no instances of its own";
            }
            else if (type.TypeKind == TypeKind.Class && !type.IsSealed)
            {
                reason = "a class must be sealed (a derived type could not keep the generated invariants)";
            }
            else if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
            {
                reason = "only structs and sealed classes are supported";
            }
            else if (FileLocalProblem(type, declaration) is { } file)
            {
                reason = file;
            }
            else if (HasExplicitLayout(type))
            {
                reason = "[StructLayout(LayoutKind.Explicit)] needs a [FieldOffset] on every instance field, and the generated fields have none; use the default (sequential) layout";
            }

            if (reason is null)
            {
                return true;
            }

            diagnostics.Add(DiagnosticDescriptors.Info(DiagnosticDescriptors.UnsupportedTypeKind, identifier, type.Name, family, reason));
            return false;
        }

        /// <summary>
        /// Why the generated part cannot merge with a <c>file</c> type (DG0003, DG0030): a <c>file</c> type is visible only in
        /// its own file, and the generated part is another file (there it would declare a second type). The same holds when
        /// a type around it is <c>file</c>. Null when neither is.
        /// </summary>
        internal static string? FileLocalProblem(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
        {
            if (type.IsFileLocal || declaration.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                return "a 'file' type is visible only in its own file, and the generator adds its members in another file (remove 'file')";
            }

            for (var parent = declaration.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
            {
                if (parent.Modifiers.Any(SyntaxKind.FileKeyword))
                {
                    return "it is nested in the 'file' type '" + parent.Identifier.ValueText + "', which is visible only in its own file, and the generator adds the members in another file (remove 'file' there)";
                }
            }

            // A part declared 'file' makes the whole type file-local, even where this part does not say so.
            if (Declarations.ContainingTypeSymbols(type).FirstOrDefault(t => t.IsFileLocal) is { } local)
            {
                return "it is nested in the 'file' type '" + local.Name + "', which is visible only in its own file, and the generator adds the members in another file (remove 'file' there)";
            }

            return null;
        }

        private static bool HasExplicitLayout(INamedTypeSymbol type) =>
            type.GetAttributes().Any(a =>
                a.AttributeClass?.ToDisplayString() == "System.Runtime.InteropServices.StructLayoutAttribute"
                && a.ConstructorArguments.Length == 1
                && a.ConstructorArguments[0].Value is int kind and 2); // LayoutKind.Explicit (the short overload too)

        /// <summary>
        /// DG0011 (shared with the loss and divergence parsers): a type in scope captures a name the generated code writes
        /// (<see cref="Declarations.ShadowingType"/>). Reported on <paramref name="location"/> (what gets no source).
        /// </summary>
        internal static bool CheckScope(INamedTypeSymbol scope, string target, Compilation compilation, bool contextualKeywords, Location? location, List<DiagnosticInfo> diagnostics)
        {
            if (Declarations.ShadowingType(scope, compilation, contextualKeywords, skipSelfAndContainers: contextualKeywords) is not { } shadow)
            {
                return true;
            }

            diagnostics.Add(DiagnosticDescriptors.Info(DiagnosticDescriptors.ShadowedName, location, target, shadow.Shadow.ToDisplayString(), shadow.Effect));
            return false;
        }

        /// <summary>
        /// DG0012: a base class (other than object) with an accessible member named like a generated one, which the generated
        /// member would hide (CS0108/CS0114 in generated code, and calls through the base type would reach the base member).
        /// </summary>
        private static bool CheckInherited(INamedTypeSymbol type, TypeDeclarationSyntax declaration, string family, IReadOnlyList<string> generated, List<DiagnosticInfo> diagnostics)
        {
            bool valid = true;
            var reported = new HashSet<string>();
            for (var b = type.BaseType; b is not null && b.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); b = b.BaseType)
            {
                foreach (var member in b.GetMembers().Concat<ISymbol>(b.GetTypeMembers()))
                {
                    if (member.IsImplicitlyDeclared || member is IMethodSymbol { MethodKind: not MethodKind.Ordinary }
                        || !generated.Contains(member.Name) || !reported.Add(member.Name)
                        || member.DeclaredAccessibility == Accessibility.Private
                        || (member.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedAndInternal && !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, type.ContainingAssembly)))
                    {
                        continue;
                    }

                    var baseSyntax = declaration.BaseList?.Types.FirstOrDefault();
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.InheritedMemberClash,
                        baseSyntax?.GetLocation() ?? declaration.Identifier.GetLocation(),
                        type.Name,
                        member.Name,
                        b.ToDisplayString(),
                        family));
                    valid = false;
                }
            }

            return valid;
        }

        /// <summary>DG0001 (the type) and DG0002 (each containing type) where the <c>partial</c> modifier is missing; shared with the loss parser.</summary>
        /// <summary>
        /// DG0010: a type cannot be named like a member the generator writes into it (CS0542), and no type around the
        /// generated code may be named <c>var</c> (every <c>var</c> of the generated code would mean that type).
        /// </summary>
        internal static bool CheckTypeName(INamedTypeSymbol type, string family, IReadOnlyList<string> generated, Location identifier, List<DiagnosticInfo> diagnostics)
        {
            string? reason = null;
            if (generated.Contains(type.Name))
            {
                reason = "the generator writes a member named '" + type.Name + "' into it, and C# does not allow a member with its type's name (CS0542)";
            }
            else if (type.Name == "var")
            {
                reason = "a type named 'var' would turn every 'var' of the generated code into that type";
            }
            else if (Declarations.ContainingTypeSymbols(type).FirstOrDefault(t => t.Name == "var") is { } outer)
            {
                reason = "it is nested in a type named 'var' ('" + outer.ToDisplayString() + "'), which would turn every 'var' of the generated code into that type";
            }

            if (reason is null)
            {
                return true;
            }

            diagnostics.Add(DiagnosticDescriptors.Info(DiagnosticDescriptors.TypeNameClash, identifier, type.Name, family, reason));
            return false;
        }

        internal static bool CheckPartial(INamedTypeSymbol type, TypeDeclarationSyntax declaration, string family, Location identifier, List<DiagnosticInfo> diagnostics)
        {
            bool valid = true;
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticDescriptors.Info(DiagnosticDescriptors.TypeNotPartial, identifier, type.Name, family));
                valid = false;
            }

            for (var parent = declaration.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
            {
                if (!parent.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.ContainingTypeNotPartial,
                        parent.Identifier.GetLocation(),
                        parent.Identifier.ValueText,
                        family,
                        type.Name));
                    valid = false;
                }
            }

            return valid;
        }

        private static bool CheckClashes(INamedTypeSymbol type, string family, IReadOnlyList<string> generated, List<DiagnosticInfo> diagnostics)
        {
            bool valid = true;
            foreach (var member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared)
                {
                    continue;
                }

                bool clash = member is IMethodSymbol { MethodKind: MethodKind.Constructor }
                    || generated.Contains(member.Name);
                if (member is IMethodSymbol { MethodKind: MethodKind.StaticConstructor })
                {
                    continue;
                }

                if (!clash)
                {
                    if (!member.IsStatic && IsStateful(member))
                    {
                        diagnostics.Add(DiagnosticDescriptors.Info(
                            DiagnosticDescriptors.InstanceField,
                            member.Locations.FirstOrDefault(l => l.IsInSource),
                            type.Name,
                            member.Name,
                            family));
                        valid = false;
                    }

                    continue;
                }

                string name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "a constructor" : member.Name;
                diagnostics.Add(DiagnosticDescriptors.Info(
                    DiagnosticDescriptors.MemberNameClash,
                    member.Locations.FirstOrDefault(l => l.IsInSource),
                    type.Name,
                    name,
                    family));
                valid = false;
            }

            foreach (var nested in type.GetTypeMembers())
            {
                if (generated.Contains(nested.Name))
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(DiagnosticDescriptors.MemberNameClash, nested.Locations.FirstOrDefault(l => l.IsInSource), type.Name, nested.Name, family));
                    valid = false;
                }
            }

            return valid;
        }

        /// <summary>An instance field, or an auto-property (whose backing field is a field all the same).</summary>
        private static bool IsStateful(ISymbol member) => member switch
        {
            IFieldSymbol field => !field.IsConst,
            IPropertySymbol property => property.ContainingType.GetMembers()
                .OfType<IFieldSymbol>()
                .Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property)),
            _ => false,
        };

        private readonly struct Arguments
        {
            public Arguments(int classes, int trials, PrecisionKind precision, int unrollThreshold, int rows = 0, int columns = 0)
            {
                Rows = rows;
                Columns = columns;
                Classes = classes;
                Trials = trials;
                Precision = precision;
                UnrollThreshold = unrollThreshold;
            }

            public int Classes { get; }

            public int Rows { get; }

            public int Columns { get; }

            public int Trials { get; }

            public PrecisionKind Precision { get; }

            public int UnrollThreshold { get; }

            /// <summary>The batch members' reduction over rows (DiagonalNormal's <c>Reduction</c>); Mean by default.</summary>
            public ReductionKind Reduction { get; init; }
        }

        private static Arguments? ReadArguments(AttributeData attribute, FamilyKind kind, INamedTypeSymbol type, string family, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            Location ArgumentLocation(string? name, int position)
            {
                var list = syntax?.ArgumentList?.Arguments;
                if (list is null)
                {
                    return syntax?.GetLocation() ?? Location.None;
                }

                var argument = name is null
                    ? list.Value.Where(a => a.NameEquals is null && a.NameColon is null).ElementAtOrDefault(position)
                      ?? list.Value.FirstOrDefault(a => a.NameColon is not null)
                    : list.Value.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
                return argument?.Expression.GetLocation() ?? syntax!.GetLocation();
            }

            bool valid = true;
            var size = FamilyCatalogue.Of(kind).Size;
            int classes = 0;
            if (size is SizeArgument.Classes or SizeArgument.Dimensions or SizeArgument.ClassesAndTrials)
            {
                int arity = size == SizeArgument.ClassesAndTrials ? 2 : 1;
                if (attribute.ConstructorArguments.Length != arity || attribute.ConstructorArguments[0].Value is not int k)
                {
                    return null; // the compiler reports the malformed attribute itself
                }

                classes = k;
                if (k < 1 || k > FamilyLimits.MaxCategoricalClasses)
                {
                    bool dimensions = size == SizeArgument.Dimensions;
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.InvalidAttributeArgument,
                        ArgumentLocation(null, 0),
                        dimensions ? "number of dimensions" : "number of classes",
                        family,
                        type.Name,
                        (dimensions ? "D = " : "K = ") + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is outside 1 … "
                            + FamilyLimits.MaxCategoricalClasses.ToString(System.Globalization.CultureInfo.InvariantCulture)
                            + (dimensions ? string.Empty : " (K = 1 is the point mass)")));
                    valid = false;
                }
            }

            int rows = 0, columns = 0;
            if (size == SizeArgument.RowsAndColumns)
            {
                if (attribute.ConstructorArguments.Length != 2
                    || attribute.ConstructorArguments[0].Value is not int r
                    || attribute.ConstructorArguments[1].Value is not int c)
                {
                    return null; // the compiler reports the malformed attribute itself
                }

                string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                rows = r;
                columns = c;
                if (r < 1)
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.InvalidAttributeArgument, ArgumentLocation(null, 0), "number of rows", family, type.Name,
                        "R = " + Text(r) + " is below 1 (R = 1 is a table of one row)"));
                    valid = false;
                }

                if (c < 1)
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.InvalidAttributeArgument, ArgumentLocation(null, 1), "number of columns", family, type.Name,
                        "C = " + Text(c) + " is below 1 (C = 1 is a table of one column)"));
                    valid = false;
                }

                if (r >= 1 && c >= 1 && (long)r * c > FamilyLimits.MaxCategoricalClasses)
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.InvalidAttributeArgument, ArgumentLocation(null, 1), "number of cells", family, type.Name,
                        "R·C = " + Text(r) + " × " + Text(c) + " = " + Text((long)r * c) + " is above " + Text(FamilyLimits.MaxCategoricalClasses)
                            + ", the largest number of classes of a categorical law"));
                    valid = false;
                }

                classes = valid ? r * c : 0;
            }

            int trials = 0;
            if (size is SizeArgument.Trials or SizeArgument.ClassesAndTrials)
            {
                int position = size == SizeArgument.ClassesAndTrials ? 1 : 0;
                if (attribute.ConstructorArguments.Length != position + 1 || attribute.ConstructorArguments[position].Value is not int n)
                {
                    return null; // the compiler reports the malformed attribute itself
                }

                trials = n;
                if (n < 0)
                {
                    diagnostics.Add(DiagnosticDescriptors.Info(
                        DiagnosticDescriptors.InvalidAttributeArgument,
                        ArgumentLocation(null, position),
                        "number of trials",
                        family,
                        type.Name,
                        "n = " + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is negative (n = 0 is the point mass at 0)"));
                    valid = false;
                }
            }

            var precision = PrecisionKind.Double;
            int unrollThreshold = FamilyLimits.DefaultUnrollThreshold;
            var reduction = ReductionKind.Mean;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Precision" && named.Value.Value is int p)
                {
                    if (p != (int)PrecisionKind.Double && p != (int)PrecisionKind.Single)
                    {
                        diagnostics.Add(DiagnosticDescriptors.Info(
                            DiagnosticDescriptors.InvalidAttributeArgument,
                            ArgumentLocation("Precision", 0),
                            "precision",
                            family,
                            type.Name,
                            "(Precision)" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not Precision.Double or Precision.Single"));
                        valid = false;
                    }
                    else
                    {
                        precision = (PrecisionKind)p;
                    }
                }
                else if (named.Key == "Reduction" && named.Value.Value is int r)
                {
                    if (r < (int)ReductionKind.None || r > (int)ReductionKind.Mean)
                    {
                        diagnostics.Add(DiagnosticDescriptors.Info(
                            DiagnosticDescriptors.InvalidAttributeArgument,
                            ArgumentLocation("Reduction", 0),
                            "reduction",
                            family,
                            type.Name,
                            "(Reduction)" + r.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is not Reduction.None, Reduction.Sum or Reduction.Mean"));
                        valid = false;
                    }
                    else
                    {
                        reduction = (ReductionKind)r;
                    }
                }
                else if (named.Key == "UnrollThreshold" && named.Value.Value is int threshold)
                {
                    if (threshold < 0 || threshold > FamilyLimits.MaxUnrollThreshold)
                    {
                        diagnostics.Add(DiagnosticDescriptors.Info(
                            DiagnosticDescriptors.InvalidAttributeArgument,
                            ArgumentLocation("UnrollThreshold", 0),
                            "unroll threshold",
                            family,
                            type.Name,
                            "UnrollThreshold = " + threshold.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is outside 0 … "
                                + FamilyLimits.MaxUnrollThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        valid = false;
                    }
                    else
                    {
                        unrollThreshold = threshold;
                    }
                }
            }

            return valid ? new Arguments(classes, trials, precision, unrollThreshold, rows, columns) { Reduction = reduction } : null;
        }
    }
}
