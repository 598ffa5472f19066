using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DivergenceGen.Generator.Parsing
{
    /// <summary>
    /// Translates the body of a user's static method into the IR (issue 16: a family's <c>LogWeight</c>,
    /// <c>NaturalParameters</c>, <c>LogPartition</c>, … written in C#), so that the generator can differentiate it
    /// (<see cref="Derivative"/>) and lower it like its own formulas. The body is one expression (<c>=&gt; …</c>, or a block
    /// with one <c>return</c>) in a small subset of C#, translated with the compiler's own reading of it (the semantic
    /// model: constants folded as C# folds them, overloads and conversions resolved):
    /// <list type="bullet">
    /// <item>numeric constants and constant expressions (<c>Math.PI</c>, <c>2 * Math.E</c>, <c>1 / 3.0</c>), the method's own
    /// parameters, casts between numeric types;</item>
    /// <item><c>+ − * /</c> on double or float (on integers <c>+ − *</c> only: <c>k / 2</c> truncates, which the IR does not),
    /// unary minus and plus, parentheses;</item>
    /// <item><c>c ? x : y</c> with c a comparison (<c>&lt; &lt;= &gt; &gt;= == !=</c>) of two translatable operands;</item>
    /// <item><c>Math</c>/<c>MathF</c> <c>Log(x)</c>, <c>Exp</c>, <c>Sqrt</c>, <c>Abs</c>, <c>Min</c>, <c>Max</c>, <c>Sin</c>, <c>Cos</c>, <c>Pow(x, y)</c>
    /// (an integer constant y of at most 16 in magnitude as products, ½ as √x, otherwise exp(y·log x), for x &gt; 0),
    /// <c>double.LogP1</c>/<c>float.LogP1</c> (log1p), <c>double.ExpM1</c>/<c>float.ExpM1</c>, and DivergenceGen's
    /// <c>SpecialFunctions.LogGamma</c>, <c>Digamma</c>, <c>Trigamma</c>, <c>LogFactorial</c>, <c>LogBinomialCoefficient(n, k)</c>
    /// (no derivative: fine in a base measure).</item>
    /// </list>
    /// Anything else (a loop, a local, a field, a call of user code, <c>&amp;&amp;</c>) is not translated: the result names
    /// the construct, where it is and what is allowed, for the caller's diagnostic. Never throws.
    /// </summary>
    internal static class BodyTranslator
    {
        /// <summary>The translated expression, or where and why not.</summary>
        internal sealed record Result(Expr? Value, LocationInfo? Location, string? Problem)
        {
            public bool Succeeded => Value is not null;
        }

        /// <summary>The subset, for messages.</summary>
        public const string Subset =
            "numbers, the method's parameters, + − * /, unary minus, c ? x : y on a comparison, Math.Log, Exp, Sqrt, Abs, Min, Max, Pow, Sin, Cos, "
            + "double.LogP1, double.ExpM1 and SpecialFunctions.LogGamma, Digamma, Trigamma, LogFactorial, LogBinomialCoefficient";

        private sealed class Untranslatable : Exception
        {
            public Untranslatable(SyntaxNode node, string problem)
            {
                Node = node;
                Problem = problem;
            }

            public SyntaxNode Node { get; }

            public string Problem { get; }
        }

        /// <summary>
        /// Translates <paramref name="method"/>'s body; <paramref name="name"/> gives the IR name of each of its parameters
        /// (null: that parameter may not appear in the body).
        /// </summary>
        public static Result Translate(MethodDeclarationSyntax method, SemanticModel model, Func<IParameterSymbol, string?> name, CancellationToken cancellationToken = default)
        {
            var body = BodyExpression(method);
            if (body is null)
            {
                return new Result(
                    null,
                    LocationInfo.From(method.Identifier.GetLocation()),
                    "its body is not one expression: write '=> expression' or '{ return expression; }'");
            }

            try
            {
                var translator = new Walker(model, name, cancellationToken);
                return new Result(translator.Translate(body), null, null);
            }
            catch (Untranslatable e)
            {
                return new Result(null, LocationInfo.From(e.Node.GetLocation()), e.Problem);
            }
        }

        /// <summary>
        /// Translates a body that returns a tuple literal, <c>=&gt; (e₁, …, e_d)</c>, element by element (a body of one
        /// non-tuple expression is one element): the sufficient statistics of an exponential family. Null and the problem
        /// where an element is outside the subset, or the body is a tuple built any other way.
        /// </summary>
        public static (Expr[]? Values, LocationInfo? Location, string? Problem) TranslateTuple(MethodDeclarationSyntax method, SemanticModel model, Func<IParameterSymbol, string?> name, CancellationToken cancellationToken = default)
        {
            var body = BodyExpression(method);
            while (body is ParenthesizedExpressionSyntax p)
            {
                body = p.Expression;
            }

            if (body is not TupleExpressionSyntax tuple)
            {
                var single = Translate(method, model, name, cancellationToken);
                return single.Value is { } value ? (new[] { value }, null, null) : (null, single.Location, single.Problem);
            }

            try
            {
                var translator = new Walker(model, name, cancellationToken);
                return (tuple.Arguments.Select(a => translator.Translate(a.Expression)).ToArray(), null, null);
            }
            catch (Untranslatable e)
            {
                return (null, LocationInfo.From(e.Node.GetLocation()), e.Problem);
            }
        }

        /// <summary>The one expression a body returns: <c>=&gt; e</c> or <c>{ return e; }</c>; null otherwise.</summary>
        private static ExpressionSyntax? BodyExpression(MethodDeclarationSyntax method) =>
            method.ExpressionBody?.Expression
            ?? (method.Body is { Statements.Count: 1 } block && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);

        private sealed class Walker
        {
            private readonly SemanticModel _model;
            private readonly Func<IParameterSymbol, string?> _name;
            private readonly CancellationToken _cancellationToken;

            public Walker(SemanticModel model, Func<IParameterSymbol, string?> name, CancellationToken cancellationToken)
            {
                _model = model;
                _name = name;
                _cancellationToken = cancellationToken;
            }

            public Expr Translate(ExpressionSyntax node)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (_model.GetConstantValue(node, _cancellationToken) is { HasValue: true, Value: { } constant } && IsNumber(constant))
                {
                    RefuseForeignConstants(node);
                    return new Const(Convert.ToDouble(constant, CultureInfo.InvariantCulture));
                }

                switch (node)
                {
                    case ParenthesizedExpressionSyntax p:
                        return Translate(p.Expression);
                    case CastExpressionSyntax cast when IsNumeric(_model.GetTypeInfo(cast, _cancellationToken).Type):
                        if (!IsFloatingPoint(_model.GetTypeInfo(cast, _cancellationToken).Type) && IsFloatingPoint(_model.GetTypeInfo(cast.Expression, _cancellationToken).Type))
                        {
                            throw new Untranslatable(cast, "the cast '" + cast + "' truncates a floating-point value to an integer, which the IR does not");
                        }

                        return Translate(cast.Expression);
                    case IdentifierNameSyntax identifier:
                    {
                        var symbol = _model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
                        if (symbol is IParameterSymbol parameter && _name(parameter) is { } irName)
                        {
                            return E.Ref(irName);
                        }

                        throw new Untranslatable(identifier, "'" + identifier.Identifier.ValueText + "' is " + Describe(symbol) + ", not one of the method's parameters");
                    }

                    case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression):
                        return -Translate(unary.Operand);
                    case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryPlusExpression):
                        return Translate(unary.Operand);
                    case BinaryExpressionSyntax binary:
                        return Binary(binary);
                    case ConditionalExpressionSyntax conditional:
                    {
                        var (test, swap) = Condition(conditional.Condition);
                        var whenTrue = Translate(conditional.WhenTrue);
                        var whenFalse = Translate(conditional.WhenFalse);
                        return swap ? E.Select(test, whenFalse, whenTrue) : E.Select(test, whenTrue, whenFalse);
                    }

                    case InvocationExpressionSyntax invocation:
                        return Call(invocation);
                    default:
                        throw new Untranslatable(node, Construct(node) + " is outside the subset (" + Subset + ")");
                }
            }

            private Expr Binary(BinaryExpressionSyntax binary)
            {
                var kind = binary.Kind();
                if (kind is not (SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression))
                {
                    throw new Untranslatable(binary, "the operator '" + binary.OperatorToken.Text + "' is outside the subset (" + Subset + ")");
                }

                var type = _model.GetTypeInfo(binary, _cancellationToken).Type;
                if (!IsNumeric(type))
                {
                    throw new Untranslatable(binary, "'" + binary + "' is not arithmetic on numbers");
                }

                if (kind == SyntaxKind.DivideExpression && !IsFloatingPoint(type))
                {
                    throw new Untranslatable(binary, "'" + binary + "' divides integers, which truncates; divide by a double ('/ 2.0') or cast first");
                }

                var left = Translate(binary.Left);
                var right = Translate(binary.Right);
                return kind switch
                {
                    SyntaxKind.AddExpression => left + right,
                    SyntaxKind.SubtractExpression => left - right,
                    SyntaxKind.MultiplyExpression => left * right,
                    _ => left / right,
                };
            }

            /// <summary>A comparison as the IR's condition, and whether the branches swap (<c>!=</c> is <c>==</c> with them swapped).</summary>
            private (Expr Test, bool Swap) Condition(ExpressionSyntax condition)
            {
                while (condition is ParenthesizedExpressionSyntax p)
                {
                    condition = p.Expression;
                }

                if (condition is not BinaryExpressionSyntax comparison)
                {
                    throw new Untranslatable(condition, "the condition '" + condition + "' is not a comparison of two numbers (<, <=, >, >=, ==, !=)");
                }

                switch (comparison.Kind())
                {
                    case SyntaxKind.LessThanExpression:
                        return (E.Below(Translate(comparison.Left), Translate(comparison.Right)), false);
                    case SyntaxKind.LessThanOrEqualExpression:
                        return (E.AtMost(Translate(comparison.Left), Translate(comparison.Right)), false);
                    case SyntaxKind.GreaterThanExpression:
                        return (E.Below(Translate(comparison.Right), Translate(comparison.Left)), false);
                    case SyntaxKind.GreaterThanOrEqualExpression:
                        return (E.AtLeast(Translate(comparison.Left), Translate(comparison.Right)), false);
                    case SyntaxKind.EqualsExpression:
                        return (E.Equal(Translate(comparison.Left), Translate(comparison.Right)), false);
                    case SyntaxKind.NotEqualsExpression:
                        return (E.Equal(Translate(comparison.Left), Translate(comparison.Right)), true);
                    default:
                        throw new Untranslatable(
                            comparison,
                            "the condition '" + comparison + "' is not one comparison of two numbers (<, <=, >, >=, ==, !=; no && or ||: nest the conditionals)");
                }
            }

            private Expr Call(InvocationExpressionSyntax invocation)
            {
                if (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is not IMethodSymbol method || !method.IsStatic)
                {
                    throw new Untranslatable(invocation, "the call '" + invocation.Expression + "' is outside the subset (" + Subset + ")");
                }

                string type = method.ContainingType.ToDisplayString();
                var arguments = invocation.ArgumentList.Arguments;
                Expr Argument(int i) => Translate(arguments[i].Expression);
                bool math = type is "System.Math" or "System.MathF";
                bool number = type is "double" or "float" or "System.Double" or "System.Single";
                switch (method.Name)
                {
                    case "Log" when (math || number) && arguments.Count == 1:
                        return E.Log(Argument(0));
                    case "Exp" when (math || number) && arguments.Count == 1:
                        return new Unary(UnaryOp.Exp, Argument(0));
                    case "Sqrt" when (math || number) && arguments.Count == 1:
                        return E.Sqrt(Argument(0));
                    case "Sin" when math && arguments.Count == 1:
                        return E.Sin(Argument(0));
                    case "Cos" when math && arguments.Count == 1:
                        return E.Cos(Argument(0));
                    case "Abs" when (math || number) && arguments.Count == 1:
                        return E.Abs(Argument(0));
                    case "Min" when (math || number) && arguments.Count == 2:
                        return E.Min(Argument(0), Argument(1));
                    case "Max" when (math || number) && arguments.Count == 2:
                        return E.Max(Argument(0), Argument(1));
                    case "Pow" when (math || number) && arguments.Count == 2:
                        return Power(Argument(0), arguments[1].Expression);
                    case "LogP1" when number && arguments.Count == 1:
                        return E.Log1p(Argument(0));
                    case "ExpM1" when number && arguments.Count == 1:
                        return E.Expm1(Argument(0));
                    case "LogGamma" or "Digamma" or "Trigamma" or "LogFactorial" when type == "DivergenceGen.SpecialFunctions" && arguments.Count == 1:
                        return E.Call("SpecialFunctions." + method.Name, Argument(0));
                    case "LogBinomialCoefficient" when type == "DivergenceGen.SpecialFunctions" && arguments.Count == 2:
                        return new Call("SpecialFunctions.LogBinomialCoefficient", new[] { Argument(0), Argument(1) });
                    default:
                        throw new Untranslatable(invocation, "the call of " + type + "." + method.Name + " is outside the subset (" + Subset + ")");
                }
            }

            /// <summary>
            /// xʸ: an integer constant y with |y| ≤ 16 as a product (exact semantics, any sign of x), ½ as √x, anything else as
            /// exp(y·log x), which is xʸ for x &gt; 0 (NaN for x &lt; 0, as Math.Pow is for a non-integer y).
            /// </summary>
            private Expr Power(Expr x, ExpressionSyntax exponentSyntax)
            {
                if (_model.GetConstantValue(exponentSyntax, _cancellationToken) is { HasValue: true, Value: { } c } && IsNumber(c))
                {
                    RefuseForeignConstants(exponentSyntax);
                    double y = Convert.ToDouble(c, CultureInfo.InvariantCulture);
                    if (y == Math.Floor(y) && Math.Abs(y) <= 16)
                    {
                        Expr product = 1.0;
                        for (int i = 0; i < Math.Abs(y); i++)
                        {
                            product = i == 0 ? x : product * x;
                        }

                        return y < 0 ? 1.0 / product : product;
                    }

                    if (y == 0.5)
                    {
                        return E.Sqrt(x);
                    }
                }

                return new Unary(UnaryOp.Exp, Translate(exponentSyntax) * E.Log(x));
            }

            /// <summary>
            /// A constant folded from a <c>const</c> declared in another file would go stale: the generator re-reads the body
            /// only when its own file changes. Such a constant is refused, naming it (the framework's, like Math.PI, have no
            /// source and are folded).
            /// </summary>
            private void RefuseForeignConstants(ExpressionSyntax node)
            {
                foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    var symbol = _model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
                    if (symbol is IFieldSymbol or ILocalSymbol && symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != node.SyntaxTree))
                    {
                        throw new Untranslatable(
                            identifier,
                            "'" + identifier.Identifier.ValueText + "' is a constant declared in another file (the generator re-reads this method only when its own file changes): declare it in this file or write its value");
                    }
                }
            }

            private static bool IsNumber(object value) => value is double or float or int or long or short or byte or sbyte or uint or ulong or ushort or decimal;

            private static bool IsNumeric(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single
                or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
                or SpecialType.System_SByte or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_UInt16;

            private static bool IsFloatingPoint(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

            private static string Describe(ISymbol? symbol) => symbol switch
            {
                null => "not known here",
                ILocalSymbol => "a local",
                IFieldSymbol => "a field",
                IPropertySymbol => "a property",
                IParameterSymbol => "a parameter that may not appear here",
                _ => "a " + symbol.Kind.ToString().ToLowerInvariant(),
            };

            private static string Construct(SyntaxNode node) => node switch
            {
                SwitchExpressionSyntax => "a switch expression",
                LambdaExpressionSyntax => "a lambda",
                ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => "an object creation",
                MemberAccessExpressionSyntax m => "'" + m + "'",
                ElementAccessExpressionSyntax e => "the element access '" + e + "'",
                AssignmentExpressionSyntax => "an assignment",
                PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax => "the operator in '" + node + "'",
                LiteralExpressionSyntax l => "the literal " + l,
                _ => "'" + node + "'",
            };
        }
    }
}
