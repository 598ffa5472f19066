using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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

        /// <summary>C# 12 → 12; preview and latest map to large numbers.</summary>
        public static int LanguageVersionNumber(LanguageVersion version)
        {
            int value = (int)version.MapSpecifiedToEffectiveVersion();
            return value >= 100 ? value / 100 : value; // C# 7.1 is 701; C# 8 and later are 800, 900, …, 1200
        }
    }
}
