using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DivergenceGen.Generator.Diagnostics;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DivergenceGen.Generator.Parsing
{
    /// <summary>
    /// A FiniteFamily type's <c>LogWeight</c> as IR with its symbolic first and second derivatives in the parameters
    /// (<see cref="LogWeightModel"/>), which <c>Fit</c> needs. The family works without them (its constructor calls the
    /// method as written), so a body outside the subset, or one without a derivative, is not an error: DG0043, an info
    /// diagnostic at the construct, says why the type has no <c>Fit</c>.
    /// </summary>
    internal static class LogWeightTranslation
    {
        public static LogWeightModel? Translate(
            INamedTypeSymbol type, IMethodSymbol method, string family, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var implementation = method.PartialImplementationPart ?? method;
            var location = LocationInfo.From(implementation.Locations.FirstOrDefault(l => l.IsInSource));
            LogWeightModel? NoFit(LocationInfo? at, string reason)
            {
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.LogWeightWithoutFit.Id, at ?? location, new EquatableArray<string>(new[] { type.Name, family, reason })));
                return null;
            }

            if (implementation.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax)
            {
                return NoFit(location, "its LogWeight has no body in source to translate");
            }

            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
            var translated = BodyTranslator.Translate(syntax, model, parameter => parameter.Name, cancellationToken);
            if (translated.Value is not { } value)
            {
                return NoFit(translated.Location, "its LogWeight cannot be translated for the symbolic derivative: " + translated.Problem);
            }

            string[] names = method.Parameters.Skip(1).Select(p => p.Name).ToArray();
            var gradient = new List<Expr>();
            foreach (string name in names)
            {
                if (Derivative.Of(value, name) is not { } first)
                {
                    return NoFit(location, "its LogWeight has no symbolic derivative in '" + name + "' (a function without a derivative rule: Trigamma, for one)");
                }

                gradient.Add(first);
            }

            var hessian = new List<Expr>();
            for (int i = 0; i < names.Length; i++)
            {
                for (int j = i; j < names.Length; j++)
                {
                    if (Derivative.Of(gradient[i], names[j]) is not { } second)
                    {
                        return NoFit(location, "its LogWeight has no symbolic second derivative in '" + names[i] + "' and '" + names[j] + "' (a function without a derivative rule: Trigamma, for one)");
                    }

                    hessian.Add(second);
                }
            }

            var start = method.Parameters.Skip(1).Select(p => p.HasExplicitDefaultValue && p.ExplicitDefaultValue is { } d
                ? Convert.ToDouble(d, CultureInfo.InvariantCulture)
                : 0.0);
            return new LogWeightModel(
                method.Parameters[0].Name,
                value,
                new EquatableArray<Expr>(gradient),
                new EquatableArray<Expr>(hessian),
                new EquatableArray<double>(start));
        }
    }
}
