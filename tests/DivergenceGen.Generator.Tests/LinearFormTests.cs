using DivergenceGen.Generator.Ir;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// <see cref="LinearForm.InTermsOf"/>: whether an exponential family's log h(x) is c + a·T(x), so that its entropy is
/// derivable; the coefficients and the constant exactly, and no false positive.
/// </summary>
public sealed class LinearFormTests
{
    private static readonly Expr X = E.Ref("x");

    [Fact]
    public void FindsTheCoefficientsOfALinearBaseMeasure()
    {
        // Log-normal: log h = −log x − ½·log 2π with T = (log x, (log x)²): a = (−1, 0), c = −½·log 2π (kept as IR).
        var log2Pi = E.Log(6.283185307179586);
        var found = LinearForm.InTermsOf(-E.Log(X) - (0.5 * log2Pi), new[] { E.Log(X), E.Log(X) * E.Log(X) });
        Assert.NotNull(found);
        Assert.Equal(new[] { -1.0, 0.0 }, found!.Value.Coefficients);
        Assert.Equal(-0.5 * System.Math.Log(6.283185307179586), TestHelpers.IrInterpreter.Evaluate(found.Value.Constant, new System.Collections.Generic.Dictionary<string, double>()), 15);

        // A statistic with a scale and an offset: T = 2·x + 3, log h = 4·x − 1 = 2·T − 7.
        var scaled = LinearForm.InTermsOf((4.0 * X) - 1.0, new Expr[] { (2.0 * X) + 3.0 });
        Assert.Equal(new[] { 2.0 }, scaled!.Value.Coefficients);
        Assert.Equal(-7.0, ((Const)Derivative.Simplify(scaled.Value.Constant)).Value);
    }

    [Fact]
    public void RefusesWhatIsNotLinearInTheStatistics()
    {
        // Inverse Gaussian: log h has −1.5·log x, and T = (x, 1/x) has no log x.
        Assert.Null(LinearForm.InTermsOf(-1.5 * E.Log(X), new Expr[] { X, 1.0 / X }));
        // A product of the statistic with itself is not linear in it.
        Assert.Null(LinearForm.InTermsOf(X * X, new Expr[] { X }));
        // Poisson's −log k! is not linear in T = k.
        Assert.Null(LinearForm.InTermsOf(-E.Call("SpecialFunctions.LogFactorial", X), new Expr[] { X }));
    }
}
