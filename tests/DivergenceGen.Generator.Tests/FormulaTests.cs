using DivergenceGen.Generator.Ir;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// <see cref="Formula.Show"/>: the derived formulas in generated comments read as written, with parentheses exactly where
/// precedence or a right operand of − and / needs them.
/// </summary>
public sealed class FormulaTests
{
    private static readonly Expr K = E.Ref("k");
    private static readonly Expr S = E.Ref("s");

    [Fact]
    public void ShowsFormulasWithMinimalParentheses()
    {
        Assert.Equal("-s·log(k + 1)", Formula.Show(-S * E.Log(K + 1.0)));
        Assert.Equal("-log(k + 1)", Formula.Show(-E.Log(K + 1.0)));
        Assert.Equal("s - (k - 1)", Formula.Show(S - (K - 1.0)));
        Assert.Equal("s - k - 1", Formula.Show((S - K) - 1.0));
        Assert.Equal("s/(k·2)", Formula.Show(S / (K * 2.0)));
        Assert.Equal("s/k·2", Formula.Show((S / K) * 2.0));
        Assert.Equal("(s + k)·(-k)", Formula.Show((S + K) * -K));
        Assert.Equal("s - (-k)", Formula.Show(S - -K));
        Assert.Equal("-k + s", Formula.Show(-K + S));
        Assert.Equal("s·(-1.5)", Formula.Show(S * -1.5));
        Assert.Equal("|s - k|", Formula.Show(E.Abs(S - K)));
        Assert.Equal("cos(0.5·k - s)·sin(s)", Formula.Show(E.Cos((0.5 * K) - S) * E.Sin(S)));
        Assert.Equal("Digamma(s + 1)", Formula.Show(E.Call("SpecialFunctions.Digamma", S + 1.0)));
        Assert.Equal("k < s ? s : k", Formula.Show(E.Select(E.Below(K, S), S, K)));
        Assert.Equal("1 + (k < s ? s : k)", Formula.Show(1.0 + E.Select(E.Below(K, S), S, K)));
        Assert.Equal("max(s, 0)", Formula.Show(E.Max(S, 0.0)));
    }
}
