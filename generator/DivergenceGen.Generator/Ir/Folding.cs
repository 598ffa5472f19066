using System.Linq;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// Folds what is known when the code is generated: constant arithmetic, constant vectors (the class indices and a
    /// table's entries of one chunk of a straight-line row), and x·log with a constant x — 0 where every x is 0 (0·log 0 =
    /// 0, decided here), a plain product where every x is positive, the guarded form only where some lanes are 0.
    /// </summary>
    internal static class Folding
    {
        public static Expr Fold(Expr expr)
        {
            switch (expr)
            {
                case Binary b:
                {
                    var left = Fold(b.Left);
                    var right = Fold(b.Right);
                    if (Values(left) is { } l && Values(right) is { } r)
                    {
                        int n = System.Math.Max(l.Length, r.Length);
                        var values = Enumerable.Range(0, n).Select(i => Apply(b.Op, l[l.Length == 1 ? 0 : i], r[r.Length == 1 ? 0 : i])).ToArray();
                        return n == 1 && left is Const && right is Const ? new Const(values[0]) : new ConstVector(values);
                    }

                    if (b.Op == BinaryOp.Add && IsZero(left))
                    {
                        return right;
                    }

                    if (b.Op is BinaryOp.Add or BinaryOp.Subtract && IsZero(right))
                    {
                        return left;
                    }

                    return b with { Left = left, Right = right };
                }

                case XTimesLog x:
                {
                    var factor = Fold(x.X);
                    var log = Fold(x.Log);
                    if (Values(factor) is { } v)
                    {
                        if (v.All(d => d == 0))
                        {
                            return new Const(0);
                        }

                        if (v.All(d => d > 0))
                        {
                            return v.All(d => d == 1) ? log : new Binary(BinaryOp.Multiply, factor, log);
                        }
                    }

                    return new XTimesLog(factor, log);
                }

                case Unary u:
                    return u with { Operand = Fold(u.Operand) };
                case OptionChoice o:
                    return o with { WhenOn = Fold(o.WhenOn), WhenOff = Fold(o.WhenOff) };
                default:
                    return expr;
            }
        }

        private static double[]? Values(Expr expr) => expr switch
        {
            Const c => new[] { c.Value },
            ConstVector v => v.Values,
            _ => null,
        };

        private static bool IsZero(Expr expr) => Values(expr) is { } v && v.All(d => d == 0);

        private static double Apply(BinaryOp op, double x, double y) => op switch
        {
            BinaryOp.Add => x + y,
            BinaryOp.Subtract => x - y,
            BinaryOp.Multiply => x * y,
            _ => x / y,
        };
    }
}
