using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DivergenceGen.WidthTemplates
{
    /// <summary>
    /// Writes the runtime library's per-width copies of its vector maths at build time. A method marked
    /// <c>[WidthTemplate(256, 512)]</c> is written once, for the one vector width its signature names (say
    /// <c>Vector128</c>); this generator emits, per width listed, the same text with that width's name in place of the
    /// template's (<c>Vector128</c> → <c>Vector256</c>, also in doc-comment crefs), into another part of the same partial
    /// class. Nothing else changes, so the compiled copies are what hand-written copies were.
    /// </summary>
    /// <remarks>
    /// Only the width is a template parameter: the double and float versions of a function differ in constants and
    /// polynomial degrees and stay two methods, and a function whose code differs between widths (the table log's
    /// lookups) stays written out per width. Misuse is an error (DGT001) at the attribute, never an exception.
    /// </remarks>
    [Generator(LanguageNames.CSharp)]
    public sealed class WidthTemplateGenerator : IIncrementalGenerator
    {
        internal const string AttributeName = "DivergenceGen.WidthTemplateAttribute";

        private static readonly int[] KnownWidths = { 128, 256, 512 };

        internal static readonly DiagnosticDescriptor CannotCopy = new DiagnosticDescriptor(
            "DGT001",
            "A [WidthTemplate] method the template generator cannot copy",
            "[WidthTemplate] on '{0}': {1}",
            "DivergenceGen.WidthTemplates",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<Template> templates = context.SyntaxProvider.ForAttributeWithMetadataName(
                AttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, _) => Read(ctx));

            context.RegisterSourceOutput(templates.Where(static t => t.Problem != null), static (spc, t) =>
                spc.ReportDiagnostic(Diagnostic.Create(CannotCopy, t.Problem!.Location, t.MethodName, t.Problem.Message)));

            context.RegisterSourceOutput(templates.Where(static t => t.Problem == null).Collect(), static (spc, all) =>
            {
                foreach (var file in Render(all))
                {
                    spc.AddSource(file.HintName, SourceText.From(file.Text, Encoding.UTF8));
                }
            });
        }

        /// <summary>One template method, read off its syntax: everything the output needs, as text.</summary>
        internal sealed record Template(
            string FilePath,
            int Position,
            string MethodName,
            string Usings,
            string Namespace,
            string TypeDeclaration,
            string TypeName,
            int SourceWidth,
            string Widths,
            string MethodText,
            Problem? Problem);

        /// <summary>
        /// Why a template cannot be copied, and where: the attribute in its syntax tree, so that the error is the IDE's too
        /// (a location holds its tree, which a cached pipeline value should not; here it is only ever an error's).
        /// </summary>
        internal sealed record Problem(string Message, Location Location);

        internal sealed record GeneratedFile(string HintName, string Text);

        private static Template Read(GeneratorAttributeSyntaxContext ctx)
        {
            var method = (MethodDeclarationSyntax)ctx.TargetNode;
            var tree = method.SyntaxTree;
            var attribute = ctx.Attributes[0];
            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
            var at = attributeSyntax ?? (SyntaxNode)method;
            var failing = new Template(tree.FilePath, method.SpanStart, method.Identifier.ValueText, "", "", "", "", 0, "", "", null);

            Template Fail(string message) => failing with
            {
                Problem = new Problem(message, at.GetLocation()),
            };

            if (method.Parent is not ClassDeclarationSyntax type)
            {
                return Fail("the method must be a member of a class");
            }

            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return Fail($"its class '{type.Identifier.ValueText}' must be partial (the copies are another part of it)");
            }

            if (type.TypeParameterList != null || type.Parent is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
            {
                return Fail($"its class '{type.Identifier.ValueText}' must be a non-generic class declared directly in a namespace");
            }

            if (attributeSyntax?.Parent is not AttributeListSyntax list || list.Attributes.Count != 1)
            {
                return Fail("write the attribute in a list of its own: [WidthTemplate(...)]");
            }

            // A directive region must open and close inside the method: an expression body split by #if … #else … #endif
            // leaves its #endif in the next member's trivia, and a copy without it would not compile.
            int opened = method.DescendantTrivia(method.Span, descendIntoTrivia: true).Count(static t => t.IsKind(SyntaxKind.IfDirectiveTrivia));
            int closed = method.DescendantTrivia(method.Span, descendIntoTrivia: true).Count(static t => t.IsKind(SyntaxKind.EndIfDirectiveTrivia));
            if (opened != closed)
            {
                return Fail("an #if region in it does not close before the method ends (an expression body cannot hold #if … #endif: write a block body)");
            }

            var text = tree.GetText();
            var line = text.Lines.GetLineFromPosition(list.SpanStart);
            if (!IsBlank(text, line.Start, list.SpanStart) || !IsBlank(text, list.Span.End, line.End))
            {
                return Fail("write the attribute on a line of its own");
            }

            var signatureWidths = method.ReturnType.DescendantTokens()
                .Concat(method.ParameterList.DescendantTokens())
                .Select(static t => WidthOf(t.ValueText))
                .Where(static w => w != 0)
                .Distinct()
                .ToArray();
            if (signatureWidths.Length != 1)
            {
                return Fail(signatureWidths.Length == 0
                    ? "its signature names no Vector128, Vector256 or Vector512: the template's width is the one its signature names"
                    : "its signature names more than one vector width: the template's width must be the one its signature names");
            }

            int sourceWidth = signatureWidths[0];
            var widths = new List<int>();
            foreach (var value in attribute.ConstructorArguments.SelectMany(static a => a.Kind == TypedConstantKind.Array ? a.Values : ImmutableArray.Create(a)))
            {
                if (value.Value is not int width || Array.IndexOf(KnownWidths, width) < 0)
                {
                    return Fail($"'{value.Value}' is not a vector width (128, 256 or 512)");
                }

                if (width == sourceWidth || widths.Contains(width))
                {
                    return Fail($"width {width} is {(width == sourceWidth ? "the template's own" : "listed twice")}");
                }

                widths.Add(width);
            }

            if (widths.Count == 0)
            {
                return Fail("name the widths to copy it to, e.g. [WidthTemplate(256, 512)]");
            }

            // The method's text from its first comment (leading trivia after any preprocessor directive that closes or opens
            // a region before it), without the attribute's line.
            int start = method.FullSpan.Start;
            foreach (var trivia in method.GetLeadingTrivia())
            {
                if (trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
                {
                    start = trivia.FullSpan.End;
                }
            }

            var attributeLine = line.SpanIncludingLineBreak;
            string methodText = text.ToString(TextSpan.FromBounds(start, attributeLine.Start))
                + text.ToString(TextSpan.FromBounds(attributeLine.End, method.FullSpan.End));

            var root = (CompilationUnitSyntax)tree.GetRoot();
            // The file's usings and those of the enclosing namespace declarations (all at the top of the copy's file).
            string usings = string.Concat(root.Usings
                .Concat(type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().SelectMany(static n => n.Usings))
                .Select(static u => u.ToString() + "\n"));
            string ns = string.Join(".", type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(static n => n.Name.ToString()));
            string declaration = string.Join(" ", type.Modifiers.Select(static m => m.Text)) + " class " + type.Identifier.Text;

            return new Template(tree.FilePath, method.SpanStart, method.Identifier.ValueText, usings, ns, declaration,
                type.Identifier.ValueText, sourceWidth, string.Join(",", widths), methodText, null);
        }

        /// <summary>One file per template file and class: the copies at each width, in the template file's order.</summary>
        internal static IEnumerable<GeneratedFile> Render(ImmutableArray<Template> templates)
        {
            var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in templates
                .GroupBy(static t => (t.FilePath, t.Namespace, t.TypeName))
                .OrderBy(static g => g.Key.FilePath, StringComparer.Ordinal)
                .ThenBy(static g => g.Key.TypeName, StringComparer.Ordinal))
            {
                var ordered = group.OrderBy(static t => t.Position).ToArray();
                var first = ordered[0];
                string fileName = System.IO.Path.GetFileName(first.FilePath);
                var sb = new StringBuilder();
                sb.Append("// <auto-generated>\n");
                sb.Append("// Written at build time by DivergenceGen.WidthTemplates from the [WidthTemplate] methods of ").Append(fileName).Append(":\n");
                sb.Append("// each method copied once per width its attribute lists, with the template's VectorN replaced by that width's.\n");
                sb.Append("// Edit the template, not this file (docs/vector-maths.md, \"One source per function\").\n");
                sb.Append("// </auto-generated>\n");
                sb.Append("#nullable enable\n");
                sb.Append(first.Usings).Append('\n');
                bool hasNamespace = first.Namespace.Length > 0;
                string indent = hasNamespace ? "    " : "";
                if (hasNamespace)
                {
                    sb.Append("namespace ").Append(first.Namespace).Append("\n{\n");
                }

                sb.Append(indent).Append(first.TypeDeclaration).Append('\n').Append(indent).Append("{\n");
                bool firstWidth = true;
                foreach (int width in KnownWidths)
                {
                    var atWidth = ordered.Where(t => t.Widths.Split(',').Contains(width.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
                    if (atWidth.Length == 0)
                    {
                        continue;
                    }

                    if (!firstWidth)
                    {
                        sb.Append('\n');
                    }

                    firstWidth = false;
                    sb.Append(indent).Append("    // ---- Vector").Append(width).Append(" ----\n");
                    for (int i = 0; i < atWidth.Length; i++)
                    {
                        sb.Append(i == 0 ? "" : "\n").Append(Copy(atWidth[i].MethodText, atWidth[i].SourceWidth, width).Trim('\r', '\n').TrimEnd()).Append('\n');
                    }
                }

                sb.Append(indent).Append("}\n");
                if (hasNamespace)
                {
                    sb.Append("}\n");
                }

                // VectorMath.Deviance.cs → VectorMath.Deviance.Widths.g.cs; the class's name is added where the file's does not start with it.
                string fileStem = System.IO.Path.GetFileNameWithoutExtension(fileName);
                bool named = fileStem == first.TypeName || fileStem.StartsWith(first.TypeName + ".", StringComparison.Ordinal);
                string stem = fileStem + (named ? "" : "." + first.TypeName) + ".Widths";
                string hint = stem + ".g.cs";
                for (int i = 2; !hintNames.Add(hint); i++)
                {
                    hint = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
                }

                yield return new GeneratedFile(hint, sb.ToString());
            }
        }

        /// <summary>The template's text with every whole-word VectorN of its own width replaced by the target width's.</summary>
        internal static string Copy(string methodText, int sourceWidth, int width) =>
            Regex.Replace(methodText, @"\bVector" + sourceWidth + @"\b", "Vector" + width);

        private static int WidthOf(string identifier) => identifier switch
        {
            "Vector128" => 128,
            "Vector256" => 256,
            "Vector512" => 512,
            _ => 0,
        };

        private static bool IsBlank(SourceText text, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
