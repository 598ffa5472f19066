using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DivergenceGen.Generator.Parsing
{
    /// <summary>
    /// What every parser reads the same way from a declaration's symbols: the namespace and containing types as data, the
    /// keyword to re-declare a type with, the language version, and identifiers as they must be written in generated code.
    /// </summary>
    internal static class Declarations
    {
        /// <summary>
        /// A user's identifier as generated code must write it: with <c>@</c> when it is a C# keyword, reserved
        /// (<c>class</c>, <c>event</c>) or contextual (<c>record</c>, <c>var</c>, <c>async</c>). Escaping never changes what
        /// the identifier means.
        /// </summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
                ? "@" + name
                : name;

        /// <summary>
        /// A user's type name as a generated re-declaration must write it: as <see cref="Identifier"/>, and also escaped when
        /// it is all lower-case ASCII letters (C# warns CS8981 on such a type name unless it is escaped; the user may have
        /// suppressed the warning on their declaration, and the generated file must not raise it again).
        /// </summary>
        public static string TypeName(string name) =>
            name.Length > 0 && name.All(c => c >= 'a' && c <= 'z') ? "@" + name : Identifier(name);

        /// <summary>The containing namespace with each segment escaped (<c>MyApp.@class</c>); empty for the global namespace.</summary>
        public static string Namespace(ISymbol symbol)
        {
            var segments = new List<string>();
            for (var ns = symbol.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                segments.Insert(0, Identifier(ns.Name));
            }

            return string.Join(".", segments);
        }

        /// <summary>The types that contain <paramref name="type"/> (not itself), innermost first.</summary>
        public static IEnumerable<INamedTypeSymbol> ContainingTypeSymbols(INamedTypeSymbol type)
        {
            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            {
                yield return t;
            }
        }

        /// <summary>The types that contain <paramref name="type"/> (not itself), outermost first, as data.</summary>
        public static EquatableArray<ContainingType> ContainingTypes(INamedTypeSymbol type)
        {
            var containing = new List<ContainingType>();
            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            {
                containing.Insert(0, new ContainingType(Keyword(t), TypeName(t.Name)));
            }

            return new EquatableArray<ContainingType>(containing);
        }

        /// <summary>The type and where it lives, for re-declaring it in generated code.</summary>
        public static TypeHierarchy Hierarchy(INamedTypeSymbol type, bool isStruct, bool isReadOnly) =>
            new(Namespace(type), ContainingTypes(type), TypeName(type.Name), isStruct, isReadOnly);

        /// <summary>The keywords that re-declare a type: <c>record struct</c>, <c>record</c>, <c>interface</c>, <c>struct</c>, <c>class</c>.</summary>
        public static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, IsValueType: true } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Interface } => "interface",
            { IsValueType: true } => "struct",
            _ => "class",
        };

        /// <summary>
        /// Contextual keywords the generated code writes unqualified: a type of that name in scope would be bound instead
        /// (<c>var x = …</c> declares a variable of that type, <c>(nint)i</c> converts to it).
        /// </summary>
        private static readonly string[] ContextualTypeKeywords = { "var", "nint", "nuint" };

        /// <summary>The roots the generated code names with <c>global::</c>; a type of that name in the global namespace would be bound instead.</summary>
        private static readonly string[] GlobalRoots = { "System", "DivergenceGen" };

        /// <summary>
        /// DG0011: a type that would capture a name the generated code writes into <paramref name="type"/> (the family, the
        /// loss, or a divergence method's class) relies on: a type named <c>var</c>, <c>nint</c> or <c>nuint</c> declared in
        /// the type, a type around it, one of their base classes or any enclosing namespace; or a type named <c>System</c> or
        /// <c>DivergenceGen</c> in the global namespace (<c>global::System.Math</c> would look in it); or a public type of a
        /// referenced assembly with the full name of the type (or of the outermost type around it): CS0436 on every use of the
        /// name. Null when there is none.
        /// <paramref name="contextualKeywords"/>: whether the generated code writes <c>var</c>/<c>nint</c> (families and losses do,
        /// divergence methods do not); <paramref name="skipSelfAndContainers"/> leaves out a <c>var</c> that is the type itself
        /// or a type around it (DG0010 reports those; a type itself named <c>nint</c> is reported here).
        /// </summary>
        public static (string Name, INamedTypeSymbol Shadow, string Effect)? ShadowingType(INamedTypeSymbol type, Compilation compilation, bool contextualKeywords, bool skipSelfAndContainers)
        {
            // The generated part (or the type around it) has the full name of a public type of a referenced assembly: every
            // use of the name in the generated code is ambiguous (CS0436: the compiler takes the project's type, with a warning).
            var outermost = type;
            while (outermost.ContainingType is { } outer)
            {
                outermost = outer;
            }

            var twin = compilation.GetCompilationNamespace(outermost.ContainingNamespace)?
                .GetTypeMembers(outermost.Name, outermost.Arity)
                .FirstOrDefault(t => t.DeclaredAccessibility == Accessibility.Public && !SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, type.ContainingAssembly));
            if (twin is not null)
            {
                return (outermost.Name, twin, "it is declared in the referenced assembly '" + twin.ContainingAssembly.Name
                    + "' with the same full name as this project's type, so the generated code's uses of the name are ambiguous (CS0436)");
            }

            // DG0010 reports a family or loss (or a type around it) named 'var'; 'nint'/'nuint' so named are DG0011's.
            bool Counts(INamedTypeSymbol found) =>
                !(skipSelfAndContainers && found.Name == "var" && IsSelfOrContainer(type, found))
                && (found.DeclaredAccessibility == Accessibility.Public || SymbolEqualityComparer.Default.Equals(found.ContainingAssembly, type.ContainingAssembly));

            foreach (string name in contextualKeywords ? ContextualTypeKeywords : new string[0])
            {
                for (var t = type; t is not null; t = t.ContainingType)
                {
                    for (var b = t; b is not null && b.SpecialType != SpecialType.System_Object && b.SpecialType != SpecialType.System_ValueType; b = b.BaseType)
                    {
                        var nested = b.GetTypeMembers(name).FirstOrDefault(n => Counts(n) && (SymbolEqualityComparer.Default.Equals(b, t) || n.DeclaredAccessibility != Accessibility.Private));
                        if (nested is not null)
                        {
                            return (name, nested, "every '" + name + "' in the generated code would mean that type");
                        }
                    }
                }

                for (var ns = type.ContainingNamespace; ns is not null; ns = ns.ContainingNamespace)
                {
                    var found = ns.GetTypeMembers(name).FirstOrDefault(Counts);
                    if (found is not null)
                    {
                        return (name, found, "every '" + name + "' in the generated code would mean that type");
                    }
                }
            }

            var global = compilation.GlobalNamespace;

            foreach (string root in GlobalRoots)
            {
                var found = global?.GetTypeMembers(root).FirstOrDefault(t => t.DeclaredAccessibility == Accessibility.Public || SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, type.ContainingAssembly));
                if (found is not null)
                {
                    return (root, found, "'global::" + root + ".…' in the generated code would look in that type instead of the namespace " + root);
                }
            }

            return null;
        }

        private static bool IsSelfOrContainer(INamedTypeSymbol type, INamedTypeSymbol candidate)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, candidate))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Errors the compiler reports on a declaration without the generator that the generated code resolves: a partial
        /// method without its implementation, an interface or abstract member not implemented yet (the generated members do).
        /// </summary>
        private static readonly string[] FixedByGeneration = { "CS8795", "CS0535", "CS0534" };

        /// <summary>
        /// Whether the user's declarations have compiler errors of their own where the generated code repeats them: the
        /// header (attributes, modifiers, name, base list) of every part of each type in <paramref name="types"/> (the
        /// declaration's type and the types around it), and <paramref name="method"/>'s signature. The generator then
        /// writes nothing for it: the compiler's error says what to fix, and generated code would only repeat it or add
        /// others (a top-level 'private' type: CS0122; two parts of one type with different kinds: CS0261/CS0759; the
        /// attribute twice: every generated member twice). Warnings as errors do not count.
        /// </summary>
        public static bool HasOwnErrors(Compilation compilation, IEnumerable<INamedTypeSymbol> types, MethodDeclarationSyntax? method, CancellationToken cancellationToken)
        {
            var list = types.ToList();

            // Parts of one name declared with different kinds (a class part and an interface part: CS0261, reported where
            // the span check below does not see it) are two types of one name: a generated part would merge with either.
            foreach (var t in list)
            {
                var namesakes = t.ContainingType is { } outer ? outer.GetTypeMembers(t.Name, t.Arity) : t.ContainingNamespace.GetTypeMembers(t.Name, t.Arity);
                if (namesakes.Any(n => !n.IsFileLocal && !SymbolEqualityComparer.Default.Equals(n, t)))
                {
                    return true;
                }
            }

            var spans = list
                .SelectMany(t => t.DeclaringSyntaxReferences)
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .Select(d => (Tree: d.SyntaxTree, Span: HeaderSpan(d)))
                .ToList();
            if (method is not null)
            {
                spans.Add((method.SyntaxTree, method.Span));
            }

            foreach (var tree in spans.GroupBy(s => s.Tree))
            {
                if (!compilation.ContainsSyntaxTree(tree.Key))
                {
                    continue;
                }

                var model = compilation.GetSemanticModel(tree.Key);
                foreach (var (_, span) in tree)
                {
                    // A syntax error in the header (a keyword as the type's name: 'class double', CS1001) is not a declaration
                    // diagnostic; the type has no usable name, so nothing can be generated for it.
                    if (tree.Key.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceSpan.IntersectsWith(span)))
                    {
                        return true;
                    }

                    if (model.GetDeclarationDiagnostics(span, cancellationToken).Any(d =>
                        d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError && !FixedByGeneration.Contains(d.Id)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>A type declaration up to its body: attributes, modifiers, keyword, name, type parameters, base list, constraints.</summary>
        private static TextSpan HeaderSpan(TypeDeclarationSyntax declaration)
        {
            int end = declaration.OpenBraceToken.RawKind != 0 && !declaration.OpenBraceToken.IsMissing
                ? declaration.OpenBraceToken.SpanStart
                : declaration.Span.End;
            return TextSpan.FromBounds(declaration.SpanStart, end);
        }

        /// <summary>C# 12 → 12; preview and latest map to large numbers.</summary>
        public static int LanguageVersionNumber(LanguageVersion version)
        {
            int value = (int)version.MapSpecifiedToEffectiveVersion();
            return value >= 100 ? value / 100 : value; // C# 7.1 is 701; C# 8 and later are 800, 900, …, 1200
        }
    }
}
