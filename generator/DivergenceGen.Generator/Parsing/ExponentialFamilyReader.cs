using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DivergenceGen.Generator.Diagnostics;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DivergenceGen.Generator.Parsing
{
    /// <summary>
    /// Reads an <c>[ExponentialFamily]</c> type (issue 16): the attribute's support, the four methods that define the law
    /// (and the optional fifth), their shapes, and <c>LogPartition</c> translated into the IR and differentiated twice.
    /// Every problem is DG0044 at the method or construct (the type then gets no code); an entropy that cannot be derived
    /// is DG0045, an info (the type is generated without <c>Entropy</c> and <c>CrossEntropy</c>).
    /// </summary>
    internal static class ExponentialFamilyReader
    {
        /// <summary>The most natural parameters a tuple may have.</summary>
        public const int MaxDimension = 8;

        public static ExponentialFamilyModel? Read(
            INamedTypeSymbol type,
            SyntaxTree attributed,
            AttributeData attribute,
            IReadOnlyList<string> generated,
            Compilation compilation,
            Location identifier,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            const string Family = "ExponentialFamily";
            ExponentialFamilyModel? Report(Location? location, string reason)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(DiagnosticDescriptors.InvalidExponentialFamily, location ?? identifier, type.Name, Family, reason));
                return null;
            }

            ExponentialFamilyModel? ReportAt(LocationInfo? location, string reason)
            {
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.InvalidExponentialFamily.Id,
                    location ?? LocationInfo.From(identifier),
                    new EquatableArray<string>(new[] { type.Name, Family, reason })));
                return null;
            }

            // The attribute: Support, and Outcomes = K exactly when the support is finite.
            var support = SupportKind.Reals;
            int outcomes = 0;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Support" && named.Value.Value is int s)
                {
                    if (s < 0 || s > (int)SupportKind.Outcomes)
                    {
                        return Report(identifier, "(Support)" + s.ToString(CultureInfo.InvariantCulture) + " is not a Support value");
                    }

                    support = (SupportKind)s;
                }
                else if (named.Key == "Outcomes" && named.Value.Value is int k)
                {
                    outcomes = k;
                }
            }

            if (support == SupportKind.Outcomes && (outcomes < 1 || outcomes > FamilyLimits.MaxCategoricalClasses))
            {
                return Report(identifier, "Support.Outcomes needs Outcomes = K, 1 ≤ K ≤ " + FamilyLimits.MaxCategoricalClasses.ToString(CultureInfo.InvariantCulture)
                    + " (it is " + outcomes.ToString(CultureInfo.InvariantCulture) + ")");
            }

            if (support != SupportKind.Outcomes && outcomes != 0)
            {
                return Report(identifier, "Outcomes = " + outcomes.ToString(CultureInfo.InvariantCulture) + " is given but the support is Support." + support + "; write Support = Support.Outcomes for a finite support");
            }

            bool discrete = support is SupportKind.NonNegativeIntegers or SupportKind.Outcomes;
            string variateType = discrete ? "int" : "double";

            // The methods: exactly one static, non-generic, by-value method of each name, in the attribute's file.
            Location? problemAt = null;
            IMethodSymbol? Method(string name, bool required, out string? problem)
            {
                problem = null;
                problemAt = identifier;
                var members = type.GetMembers(name);
                if (members.Length == 0)
                {
                    problem = required ? "it declares no static method '" + name + "'" : null;
                    return null;
                }

                if (members.Length > 1 || members[0] is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    problem = "declare exactly one member named '" + name + "', a static method";
                    problemAt = members[1 % members.Length].Locations.FirstOrDefault(l => l.IsInSource) ?? identifier;
                    return null;
                }

                problemAt = method.Locations.FirstOrDefault(l => l.IsInSource) ?? identifier;

                if (!method.IsStatic || method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly)
                {
                    problem = "'" + name + "' must be a static, non-generic method returning its value";
                    return null;
                }

                if (method.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != attributed))
                {
                    problem = "'" + name + "' must be declared in the same file as the [" + Family + "] attribute (the generator reads it with the attribute, so an edit in another file would not reach the generated code)";
                    return null;
                }

                if (method.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams))
                {
                    problem = "the parameters of '" + name + "' must be passed by value (no ref, in, out or params)";
                    return null;
                }

                return method;
            }

            Location? At(IMethodSymbol? method) => method?.Locations.FirstOrDefault(l => l.IsInSource) ?? identifier;

            var natural = Method(ExponentialFamily.NaturalParametersMethod, true, out string? problem);
            if (natural is null)
            {
                return Report(problemAt, problem! + " (static (double, double) NaturalParameters(double θ₁, …): η from the parameters, a plain double for one)");
            }

            int d = Dimension(natural.ReturnType, out bool tuple);
            if (d == 0)
            {
                return Report(At(natural), "'NaturalParameters' must return double or a tuple of 2 … " + MaxDimension.ToString(CultureInfo.InvariantCulture) + " doubles, not '" + natural.ReturnType.ToDisplayString() + "'");
            }

            if (natural.Parameters.Length == 0 || natural.Parameters.Any(p => p.Type.SpecialType != SpecialType.System_Double))
            {
                return Report(At(natural), "'NaturalParameters' must take the family's parameters, at least one, each a double");
            }

            foreach (var parameter in natural.Parameters)
            {
                if (parameter.Name == "result" || parameter.Name.StartsWith("__", StringComparison.Ordinal))
                {
                    return Report(parameter.Locations.FirstOrDefault(l => l.IsInSource) ?? At(natural), "the parameter '" + parameter.Name + "' of 'NaturalParameters' cannot be used: 'result' and names starting with '__' are the generated code's; rename it");
                }
            }

            var statistics = Method(ExponentialFamily.SufficientStatisticsMethod, true, out problem);
            if (statistics is null)
            {
                return Report(problemAt, problem! + " (static (double, double) SufficientStatistics(" + variateType + " x): T(x), of NaturalParameters' shape)");
            }

            if (statistics.Parameters.Length != 1 || statistics.Parameters[0].Type.SpecialType != (discrete ? SpecialType.System_Int32 : SpecialType.System_Double)
                || Dimension(statistics.ReturnType, out bool statisticsTuple) != d || statisticsTuple != tuple)
            {
                return Report(At(statistics), "'SufficientStatistics' must take one " + variateType + " (the support is Support." + support + ") and return what NaturalParameters returns, '"
                    + natural.ReturnType.ToDisplayString() + "'");
            }

            var partition = Method(ExponentialFamily.LogPartitionMethod, true, out problem);
            if (partition is null)
            {
                return Report(problemAt, problem! + " (static double LogPartition(double eta1, …): A(η), in the translatable subset)");
            }

            if (partition.ReturnType.SpecialType != SpecialType.System_Double || partition.Parameters.Length != d
                || partition.Parameters.Any(p => p.Type.SpecialType != SpecialType.System_Double))
            {
                return Report(At(partition), "'LogPartition' must take the " + d.ToString(CultureInfo.InvariantCulture) + " natural parameter(s), each a double, and return double");
            }

            var baseMeasure = Method(ExponentialFamily.LogBaseMeasureMethod, true, out problem);
            if (baseMeasure is null)
            {
                return Report(problemAt, problem! + " (static double LogBaseMeasure(" + variateType + " x): log h(x))");
            }

            if (baseMeasure.ReturnType.SpecialType != SpecialType.System_Double || baseMeasure.Parameters.Length != 1
                || baseMeasure.Parameters[0].Type.SpecialType != (discrete ? SpecialType.System_Int32 : SpecialType.System_Double))
            {
                return Report(At(baseMeasure), "'LogBaseMeasure' must take one " + variateType + " (the support is Support." + support + ") and return double");
            }

            var expected = Method(ExponentialFamily.ExpectedLogBaseMeasureMethod, false, out problem);
            if (problem is not null)
            {
                return Report(problemAt, problem);
            }

            if (expected is not null && (expected.ReturnType.SpecialType != SpecialType.System_Double || expected.Parameters.Length != d
                || expected.Parameters.Any(p => p.Type.SpecialType != SpecialType.System_Double)))
            {
                return Report(At(expected), "'ExpectedLogBaseMeasure' must take the " + d.ToString(CultureInfo.InvariantCulture) + " natural parameter(s), each a double, and return double (E[log h(X)])");
            }

            // The natural parameters' names give the properties (PascalCase) and fields (_name).
            string[] naturals = partition.Parameters.Select(p => p.Name).ToArray();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in partition.Parameters)
            {
                string name = parameter.Name;
                string property = char.ToUpperInvariant(name[0]) + name.Substring(1);
                var where = parameter.Locations.FirstOrDefault(l => l.IsInSource) ?? At(partition);
                bool clash = name.StartsWith("__", StringComparison.Ordinal) || !taken.Add(property)
                    || new[] { property, "_" + name }.Any(member => generated.Contains(member) || member == type.Name
                        || type.GetMembers(member).Any(m => !m.IsImplicitlyDeclared) || type.GetTypeMembers(member).Any());
                if (clash)
                {
                    return Report(where, "the natural parameter '" + name + "' of 'LogPartition' cannot be used: its property '" + property + "' or field '_" + name
                        + "' is a generated member, a member of the type, the type's name or another parameter's, or it starts with '__'; rename it");
                }
            }

            // A(η) as IR, and its derivatives.
            if (Body(partition, cancellationToken) is not { } partitionSyntax)
            {
                return Report(At(partition), "'LogPartition' has no body in source to translate");
            }

            var translated = BodyTranslator.Translate(partitionSyntax, compilation.GetSemanticModel(partitionSyntax.SyntaxTree), p => p.Name, cancellationToken);
            if (translated.Value is not { } logPartition)
            {
                return ReportAt(translated.Location, "'LogPartition' must be in the translatable subset (its derivatives give the moments, the KL divergence and Fit): " + translated.Problem);
            }

            var gradient = new List<Expr>();
            foreach (string name in naturals)
            {
                if (Derivative.Of(logPartition, name) is not { } first)
                {
                    return Report(At(partition), "'LogPartition' has no symbolic derivative in '" + name + "' (a function without a derivative rule: Trigamma, for one)");
                }

                gradient.Add(first);
            }

            var hessian = new List<Expr>();
            for (int i = 0; i < d; i++)
            {
                for (int j = i; j < d; j++)
                {
                    if (Derivative.Of(gradient[i], naturals[j]) is not { } second)
                    {
                        return Report(At(partition), "'LogPartition' has no symbolic second derivative in '" + naturals[i] + "' and '" + naturals[j] + "' (a function without a derivative rule: Trigamma, for one)");
                    }

                    hessian.Add(second);
                }
            }

            // Every other body is in the subset too (the contract: a declaration says what it computes in the IR's
            // terms). The methods are still called as written; T(x) and log h(x) as IR serve the entropy's E[log h] and the
            // vectorised batch log-density (the variate renamed x), η(θ) and E[log h](η) only the check.
            Expr[]? Tuple(IMethodSymbol method, string role, out ExponentialFamilyModel? failed)
            {
                failed = null;
                if (Body(method, cancellationToken) is not { } syntax)
                {
                    failed = Report(At(method), "'" + method.Name + "' has no body in source to translate");
                    return null;
                }

                var (values, location, why) = BodyTranslator.TranslateTuple(syntax, compilation.GetSemanticModel(syntax.SyntaxTree), p => p.Name, cancellationToken);
                if (values is null || values.Length != (method.ReturnType.SpecialType == SpecialType.System_Double ? 1 : d))
                {
                    failed = ReportAt(location ?? LocationInfo.From(At(method)), "'" + method.Name + "' must be in the translatable subset (" + role + "): "
                        + (why ?? "return a tuple literal '(…, …)' of " + d.ToString(CultureInfo.InvariantCulture) + " expressions"));
                    return null;
                }

                // A method of the variate alone (T, log h) gets its variate named x; the others keep their names.
                return method.Parameters.Length == 1 && method.Name is ExponentialFamily.SufficientStatisticsMethod or ExponentialFamily.LogBaseMeasureMethod
                    ? values.Select(e => Substitution.Rename(e, _ => "x")).ToArray()
                    : values;
            }

            if (Tuple(natural, "the natural parameters of the parameters", out var naturalFailed) is null)
            {
                return naturalFailed;
            }

            var statisticsIr = Tuple(statistics, "the sufficient statistics, for the entropy and the vectorised log-density", out var statisticsFailed);
            if (statisticsIr is null)
            {
                return statisticsFailed;
            }

            var logHs = Tuple(baseMeasure, "the base measure, for the entropy and the vectorised log-density", out var baseFailed);
            if (logHs is null)
            {
                return baseFailed;
            }

            if (expected is not null && Tuple(expected, "the expected base measure", out var expectedFailed) is null)
            {
                return expectedFailed;
            }

            Expr logH = logHs[0];
            var linear = LinearForm.InTermsOf(logH, statisticsIr);

            // E[log h(X)]: the user's method, a constant log h, log h linear in T, or a finite sum; otherwise no entropy (DG0045).
            var expectation = BaseMeasureExpectation.None;
            string? whyNot = null;
            if (expected is not null)
            {
                expectation = BaseMeasureExpectation.UserMethod;
            }
            else if (!Derivative.Reads(logH, "x"))
            {
                expectation = BaseMeasureExpectation.Constant;
            }
            else if (linear is not null)
            {
                expectation = BaseMeasureExpectation.Linear;
            }
            else if (support == SupportKind.Outcomes)
            {
                expectation = BaseMeasureExpectation.FiniteSum;
            }
            else
            {
                whyNot = "E[log h(X)] is not known: LogBaseMeasure depends on x, is not linear in the sufficient statistics, and the support is infinite; declare static double ExpectedLogBaseMeasure("
                    + string.Join(", ", naturals.Select(n => "double " + n)) + ") to have them";
            }

            if (whyNot is not null)
            {
                diagnostics.Add(DiagnosticDescriptors.Info(DiagnosticDescriptors.ExponentialFamilyWithoutEntropy, At(baseMeasure), type.Name, Family, whyNot));
            }

            var start = natural.Parameters.All(p => p.HasExplicitDefaultValue && p.ExplicitDefaultValue is not null)
                ? natural.Parameters.Select(p => Convert.ToDouble(p.ExplicitDefaultValue, CultureInfo.InvariantCulture))
                : Enumerable.Empty<double>();
            return new ExponentialFamilyModel(
                support,
                outcomes,
                new EquatableArray<string>(natural.Parameters.Select(p => p.Name)),
                new EquatableArray<string>(naturals),
                tuple,
                logPartition,
                new EquatableArray<Expr>(gradient),
                new EquatableArray<Expr>(hessian),
                expectation,
                new EquatableArray<double>(start))
            {
                Statistics = new EquatableArray<Expr>(statisticsIr),
                LogBase = logH,
                LinearConstant = linear is { } form ? Derivative.Simplify(form.Constant) : null,
                LinearCoefficients = linear is { } l ? new EquatableArray<double>(l.Coefficients) : EquatableArray<double>.Empty,
            };
        }

        /// <summary>1 for double, n for a tuple of n doubles (2 … 8), 0 otherwise; <paramref name="tuple"/>: whether a tuple.</summary>
        private static int Dimension(ITypeSymbol type, out bool tuple)
        {
            tuple = false;
            if (type.SpecialType == SpecialType.System_Double)
            {
                return 1;
            }

            if (type is INamedTypeSymbol { IsTupleType: true } named && named.TupleElements.Length is >= 2 and <= MaxDimension
                && named.TupleElements.All(e => e.Type.SpecialType == SpecialType.System_Double))
            {
                tuple = true;
                return named.TupleElements.Length;
            }

            return 0;
        }

        private static MethodDeclarationSyntax? Body(IMethodSymbol method, CancellationToken cancellationToken) =>
            (method.PartialImplementationPart ?? method).DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
    }
}
