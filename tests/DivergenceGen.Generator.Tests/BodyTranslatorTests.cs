using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;
using DivergenceGen.Generator.Parsing;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// <see cref="BodyTranslator"/>: a user's C# method body as IR (issue 16). Each body is compiled with Roslyn as a method
/// <c>static double F(double x, double y, int k)</c>, translated, and
/// <list type="bullet">
/// <item>lowered back to C# (the translation is the expression the user wrote, with C#'s constants folded as C# folds
/// them: <c>1 / 2</c> is 0, <c>Math.PI / 2</c> a number);</item>
/// <item>evaluated by <see cref="IrInterpreter"/> at 50 points and compared with the compiled method itself: the same
/// operations in the same order, except <c>Pow</c> with an integer constant (products: ≤ |y| ulps) or another exponent
/// (exp(y·log x): ~|y·log x|·ε), and the interpreter's log1p/expm1 (log(1 + x), exp(x) − 1, as .NET's own
/// <c>LogP1</c>/<c>ExpM1</c> compute them). Tolerance 10⁻¹³ relative to the magnitude (≥ 1): far above those roundings at
/// the points' magnitudes, far below any mistranslated operation;</item>
/// <item>refused, for each construct outside the subset, with the construct named at its location.</item>
/// </list>
/// </summary>
public sealed class BodyTranslatorTests
{
    private static (BodyTranslator.Result Result, string Source, Func<double, double, int, double>? Compiled) Run(string body)
    {
        string source = """
            using System;
            using DivergenceGen;

            public static class U
            {
                private const double Scale = 2.5;
                private static double field = 3;
                private static double Helper(double v) => v;

                public static double F(double x, double y, int k)
            """ + body + "\n}\n";
        var compilation = GeneratorHarness.CreateCompilation(source);
        var tree = compilation.SyntaxTrees.First();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.ValueText == "F");
        var model = compilation.GetSemanticModel(tree);
        var result = BodyTranslator.Translate(method, model, p => p.Name);

        Func<double, double, int, double>? compiled = null;
        using var stream = new MemoryStream();
        if (compilation.Emit(stream).Success)
        {
            var assembly = Assembly.Load(stream.ToArray());
            var f = assembly.GetType("U")!.GetMethod("F")!;
            compiled = (x, y, k) => (double)f.Invoke(null, new object[] { x, y, k })!;
        }

        return (result, source, compiled);
    }

    private static string Show(Expr e) => new ScalarLowering(PrecisionKind.Double, n => n).Lower(e);

    [Theory]
    [InlineData("=> -x * Math.Log(k + 1);", "-x * global::System.Math.Log(k + 1d)")]
    [InlineData("{ return x / (1 + y * y); }", "x / (1d + y * y)")]
    [InlineData("=> Math.PI / 2 + 1 / 2;", "1.5707963267948966d")]
    [InlineData("=> (double)k * Math.Log(x) - SpecialFunctions.LogFactorial(k);", "k * global::System.Math.Log(x) - global::DivergenceGen.SpecialFunctions.LogFactorial(k)")]
    [InlineData("=> Math.Pow(x, 3) + Math.Pow(y, -2) + Math.Pow(x, 0.5);", "x * x * x + 1d / (y * y) + global::System.Math.Sqrt(x)")]
    [InlineData("=> Math.Pow(x, y);", "global::System.Math.Exp(y * global::System.Math.Log(x))")]
    [InlineData("=> x > y ? x : y;", "y < x ? x : y")]
    [InlineData("=> x != 0 ? 1 / x : 0;", "x == 0d ? 0d : 1d / x")]
    [InlineData("=> double.LogP1(x) - double.ExpM1(-y) + Math.Abs(x - y) + Math.Min(x, y) * Math.Max(x, 1.0);",
        "global::DivergenceGen.ScalarMath.Log1p(x) - global::DivergenceGen.ScalarMath.Expm1(-y) + global::System.Math.Abs(x - y) + global::System.Math.Min(x, y) * global::System.Math.Max(x, 1d)")]
    [InlineData("=> Scale * x;", "2.5d * x")]
    [InlineData("=> SpecialFunctions.LogBinomialCoefficient(40, k) + x;", "global::DivergenceGen.SpecialFunctions.LogBinomialCoefficient(40d, k) + x")]
    [InlineData("=> x * Math.Cos(2 * Math.PI * k / 12 - y) + Math.Sin(y);", "x * global::System.Math.Cos(6.283185307179586d * k / 12d - y) + global::System.Math.Sin(y)")]
    public void TranslatesTheSubsetAsWritten(string body, string expected)
    {
        var (result, source, compiled) = Run(body);
        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(expected, Show(result.Value!));
        Assert.NotNull(compiled);
        var random = new Random(20261206);
        for (int i = 0; i < 50; i++)
        {
            double x = 0.05 + (random.NextDouble() * 4), y = 0.1 + (random.NextDouble() * 3);
            int k = random.Next(0, 30);
            double want = compiled!(x, y, k);
            double got = IrInterpreter.Evaluate(result.Value!, new Dictionary<string, double> { ["x"] = x, ["y"] = y, ["k"] = k });
            Assert.True(Math.Abs(got - want) <= 1e-13 * Math.Max(1, Math.Abs(want)), $"{body} at x = {x:R}, y = {y:R}, k = {k}: compiled {want:R}, translated {got:R}\n{source}");
        }
    }

    [Theory]
    [InlineData("{ double t = x; return t; }", "F", "its body is not one expression: write '=> expression' or '{ return expression; }'")]
    [InlineData("=> field * x;", "field", "'field' is a field, not one of the method's parameters")]
    [InlineData("=> Helper(x);", "Helper(x)", "the call of U.Helper is outside the subset")]
    [InlineData("=> x > 0 && y > 0 ? x : y;", "x > 0 && y > 0", "the condition 'x > 0 && y > 0' is not one comparison of two numbers (<, <=, >, >=, ==, !=; no && or ||: nest the conditionals)")]
    [InlineData("=> k / 2 * x;", "k / 2", "'k / 2' divides integers, which truncates; divide by a double ('/ 2.0') or cast first")]
    [InlineData("=> Math.Log(x, 2);", "Math.Log(x, 2)", "the call of System.Math.Log is outside the subset")]
    [InlineData("=> k % 2 == 0 ? x : y;", "k % 2", "the operator '%' is outside the subset")]
    [InlineData("=> x switch { > 1 => x, _ => y };", "x switch { > 1 => x, _ => y }", "a switch expression is outside the subset")]
    [InlineData("=> Math.Tan(x);", "Math.Tan(x)", "the call of System.Math.Tan is outside the subset")]
    [InlineData("=> (int)x * y;", "(int)x", "the cast '(int)x' truncates a floating-point value to an integer, which the IR does not")]
    public void RefusesWhatIsOutsideTheSubsetNamingIt(string body, string at, string problem)
    {
        var (result, source, _) = Run(body);
        Assert.False(result.Succeeded);
        Assert.StartsWith(problem, result.Problem);
        int start = source.IndexOf(at, source.IndexOf("F(double", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(start, result.Location!.Span.Start);
        Assert.Equal(at.Length, result.Location.Span.Length);
    }

    [Fact]
    public void ATranslatedBodyDifferentiates()
    {
        // Zipf's log-weight −s·log(k + 1): its score ∂/∂s is −log(k + 1), what Fit's Newton step needs.
        var (result, _, _) = Run("=> -y * Math.Log(k + 1);");
        Assert.Equal("-global::System.Math.Log(k + 1d)", Show(Derivative.Of(result.Value!, "y")!));
    }
}
