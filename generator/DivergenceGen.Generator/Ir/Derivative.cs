using System.Collections.Generic;
using System.Linq;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// Symbolic derivatives of IR expressions, at generation time (issue 16: the gradient and Hessian of an exponential
    /// family's log-partition A(η), the score of a user's log-weight for <c>Fit</c>). <see cref="Of"/> differentiates with
    /// respect to one named variable and simplifies the result (<see cref="Simplify"/>), so that a generated file can show
    /// the derived formula in a comment and lower it like any other expression.
    /// </summary>
    /// <remarks>
    /// Rules, per node (x′ = d/dv of x; every other name is a constant):
    /// <list type="bullet">
    /// <item>sums, differences, products (Leibniz), quotients ((x′·y − x·y′)/y², written x′/y − x·y′/y²);</item>
    /// <item>log x → x′/x; log1p x → x′/(1 + x); exp x → exp x·x′; expm1 x → exp x·x′; √x → x′/(2√x);
    /// |x| → (x ≥ 0 ? x′ : −x′) (the right derivative at 0); sin x → cos x·x′; cos x → −sin x·x′; −x → −x′;</item>
    /// <item>log(x/y) → x′/x − y′/y; x·log y with 0·log 0 = 0 → x′·log y + x·y′/y (x′·log y keeps the convention);</item>
    /// <item>c ? x : y → c ? x′ : y′ (piecewise: the condition is not differentiated); min/max likewise, by which side is
    /// taken;</item>
    /// <item>the runtime's special functions <see cref="Derivatives"/> names: ln Γ → ψ, ψ → ψ₁, ln k! → ψ(k + 1).</item>
    /// </list>
    /// Anything else (Loader's deviance, a runtime call without a known derivative, a comparison as a value) has no
    /// derivative here: <see cref="Of"/> returns null, and the caller reports it (the user's family then works without the
    /// members that need it).
    /// </remarks>
    internal static class Derivative
    {
        /// <summary>
        /// The runtime functions of one argument whose derivative is another runtime function of the same argument:
        /// (function, its derivative, the offset added to the argument: ln k! = ln Γ(k + 1) has ψ(k + 1)).
        /// </summary>
        public static readonly IReadOnlyDictionary<string, (string Function, double Offset)> Derivatives = new Dictionary<string, (string, double)>
        {
            ["SpecialFunctions.LogGamma"] = ("SpecialFunctions.Digamma", 0),
            ["SpecialFunctions.Digamma"] = ("SpecialFunctions.Trigamma", 0),
            ["SpecialFunctions.LogFactorial"] = ("SpecialFunctions.Digamma", 1),
        };

        /// <summary>d/d<paramref name="variable"/> of <paramref name="expr"/>, simplified; null where a node has no rule.</summary>
        public static Expr? Of(Expr expr, string variable)
        {
            var derivative = D(expr, variable);
            return derivative is null ? null : Simplify(derivative);
        }

        /// <summary>Whether <paramref name="expr"/> reads <paramref name="variable"/>.</summary>
        public static bool Reads(Expr expr, string variable) => Substitution.Names(expr).Contains(variable);

        private static Expr? D(Expr e, string v)
        {
            if (!Reads(e, v))
            {
                return new Const(0);
            }

            switch (e)
            {
                case Ref:
                    return new Const(1); // it reads v, so it is v
                case Unary u:
                {
                    var x = u.Operand;
                    if (D(x, v) is not { } dx)
                    {
                        return null;
                    }

                    return u.Op switch
                    {
                        UnaryOp.Negate => -dx,
                        UnaryOp.Log or UnaryOp.LogOfSum => dx / x,
                        UnaryOp.Log1p => dx / (1.0 + x),
                        UnaryOp.Exp => new Unary(UnaryOp.Exp, x) * dx,
                        UnaryOp.Expm1 => new Unary(UnaryOp.Exp, x) * dx,
                        UnaryOp.ExpMinusOneMinus => E.Expm1(x) * dx,
                        UnaryOp.Sqrt => dx / (2.0 * E.Sqrt(x)),
                        UnaryOp.Abs => E.Select(E.AtLeast(x, 0.0), dx, -dx),
                        UnaryOp.Sin => E.Cos(x) * dx,
                        UnaryOp.Cos => -(E.Sin(x) * dx),
                        _ => null,
                    };
                }

                case Binary b:
                {
                    if (D(b.Left, v) is not { } dl || D(b.Right, v) is not { } dr)
                    {
                        return null;
                    }

                    return b.Op switch
                    {
                        BinaryOp.Add => dl + dr,
                        BinaryOp.Subtract => dl - dr,
                        BinaryOp.Multiply => (dl * b.Right) + (b.Left * dr),
                        // A constant numerator or denominator drops its term (the function x/y is undefined where y = 0, so
                        // dropping 0/y changes nothing where the derivative means something).
                        BinaryOp.Divide => IsZero(dr) ? dl / b.Right
                            : IsZero(dl) ? -(b.Left * dr / (b.Right * b.Right))
                            : (dl / b.Right) - (b.Left * dr / (b.Right * b.Right)),
                        _ => null,
                    };
                }

                case LogRatio l:
                    return D(l.X, v) is { } dn && D(l.Y, v) is { } dd ? (dn / l.X) - (dd / l.Y) : null;
                case XTimesLog t:
                {
                    // x·log y with the convention 0·log 0 = 0: the log argument is not in the node, so log's derivative is
                    // taken from the log expression itself (t.Log is log y, log1p y, or log(x/y)).
                    if (D(t.X, v) is not { } dfactor || D(t.Log, v) is not { } dlog)
                    {
                        return null;
                    }

                    return E.XTimesLog(dfactor, t.Log) + (t.X * dlog);
                }

                case Select s:
                    return D(s.WhenTrue, v) is { } a && D(s.WhenFalse, v) is { } c ? E.Select(s.Condition, a, c) : null;
                case Maximum m:
                    return D(m.Left, v) is { } a1 && D(m.Right, v) is { } b1 ? E.Select(E.AtLeast(m.Left, m.Right), a1, b1) : null;
                case Minimum m:
                    return D(m.Left, v) is { } a2 && D(m.Right, v) is { } b2 ? E.Select(E.AtMost(m.Left, m.Right), a2, b2) : null;
                case Call { Arguments.Length: 1 } call when Derivatives.TryGetValue(call.Function, out var rule):
                {
                    var argument = call.Arguments[0];
                    if (D(argument, v) is not { } dargument)
                    {
                        return null;
                    }

                    return E.Call(rule.Function, rule.Offset == 0 ? argument : argument + rule.Offset) * dargument;
                }

                default:
                    return null;
            }
        }

        private static bool IsZero(Expr e) => e is Const { Value: 0 };

        /// <summary>
        /// Algebraic simplification that keeps the value for every input (no division by a maybe-zero cancelled, no x − x
        /// → 0, which is NaN for infinite x): constants folded; 0 + x, x − 0, 1·x, 0·x (for a product with a constant 0;
        /// the derivative of a term that does not read the variable), x/1, −(−x), −c; a product of constants collected to
        /// the left; c ? x : x → x.
        /// </summary>
        public static Expr Simplify(Expr e)
        {
            switch (e)
            {
                case Unary u:
                {
                    var x = Simplify(u.Operand);
                    if (u.Op == UnaryOp.Negate)
                    {
                        if (x is Const c)
                        {
                            return new Const(-c.Value);
                        }

                        if (x is Unary { Op: UnaryOp.Negate } inner)
                        {
                            return inner.Operand;
                        }
                    }

                    return u with { Operand = x };
                }

                case Binary b:
                {
                    var l = Simplify(b.Left);
                    var r = Simplify(b.Right);
                    if (l is Const lc && r is Const rc)
                    {
                        return new Const(b.Op switch
                        {
                            BinaryOp.Add => lc.Value + rc.Value,
                            BinaryOp.Subtract => lc.Value - rc.Value,
                            BinaryOp.Multiply => lc.Value * rc.Value,
                            _ => lc.Value / rc.Value,
                        });
                    }

                    switch (b.Op)
                    {
                        case BinaryOp.Add:
                            if (IsConst(l, 0))
                            {
                                return r;
                            }

                            if (IsConst(r, 0))
                            {
                                return l;
                            }

                            if (r is Unary { Op: UnaryOp.Negate } nr)
                            {
                                return Simplify(new Binary(BinaryOp.Subtract, l, nr.Operand));
                            }

                            break;
                        case BinaryOp.Subtract:
                            if (IsConst(r, 0))
                            {
                                return l;
                            }

                            if (IsConst(l, 0))
                            {
                                return Simplify(new Unary(UnaryOp.Negate, r));
                            }

                            if (r is Unary { Op: UnaryOp.Negate } nr2)
                            {
                                return Simplify(new Binary(BinaryOp.Add, l, nr2.Operand));
                            }

                            break;
                        case BinaryOp.Multiply:
                            if (IsConst(l, 0) || IsConst(r, 0))
                            {
                                return new Const(0);
                            }

                            if (IsConst(l, 1))
                            {
                                return r;
                            }

                            if (IsConst(r, 1))
                            {
                                return l;
                            }

                            if (IsConst(l, -1))
                            {
                                return Simplify(new Unary(UnaryOp.Negate, r));
                            }

                            if (IsConst(r, -1))
                            {
                                return Simplify(new Unary(UnaryOp.Negate, l));
                            }

                            if (r is Const && l is not Const)
                            {
                                return Simplify(new Binary(BinaryOp.Multiply, r, l)); // constants to the left: 2·x, not x·2
                            }

                            if (l is Const c1 && r is Binary { Op: BinaryOp.Multiply, Left: Const c2 } inner)
                            {
                                return Simplify(new Binary(BinaryOp.Multiply, new Const(c1.Value * c2.Value), inner.Right));
                            }

                            if (l is Unary { Op: UnaryOp.Negate } nl && r is Unary { Op: UnaryOp.Negate } nr3)
                            {
                                return Simplify(new Binary(BinaryOp.Multiply, nl.Operand, nr3.Operand));
                            }

                            break;
                        case BinaryOp.Divide:
                            if (IsConst(r, 1))
                            {
                                return l;
                            }

                            if (IsConst(l, 0) && r is Const { Value: not 0 })
                            {
                                return new Const(0);
                            }

                            break;
                    }

                    return new Binary(b.Op, l, r);
                }

                case Select s:
                {
                    var a = Simplify(s.WhenTrue);
                    var c = Simplify(s.WhenFalse);
                    return a.Equals(c) ? a : new Select(Simplify(s.Condition), a, c);
                }

                case Compare c:
                    return c with { Left = Simplify(c.Left), Right = Simplify(c.Right) };
                case XTimesLog t:
                {
                    var x = Simplify(t.X);
                    return IsConst(x, 0) ? new Const(0) : new XTimesLog(x, Simplify(t.Log));
                }

                case LogRatio l:
                    return new LogRatio(Simplify(l.X), Simplify(l.Y));
                case Maximum m:
                    return new Maximum(Simplify(m.Left), Simplify(m.Right));
                case Minimum m:
                    return new Minimum(Simplify(m.Left), Simplify(m.Right));
                case Call call:
                    return new Call(call.Function, call.Arguments.Select(Simplify).ToArray());
                default:
                    return e;
            }
        }

        private static bool IsConst(Expr e, double value) => e is Const c && c.Value.Equals(value);
    }
}
