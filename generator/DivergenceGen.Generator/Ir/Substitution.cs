using System;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>Rewrites the names in an expression, e.g. to read the same formula for the second distribution Q.</summary>
    internal static class Substitution
    {
        public static Expr Rename(Expr expr, Func<string, string> rename) => expr switch
        {
            Ref r => new Ref(rename(r.Name)),
            Unary u => u with { Operand = Rename(u.Operand, rename) },
            Binary b => b with { Left = Rename(b.Left, rename), Right = Rename(b.Right, rename) },
            XTimesLog t => new XTimesLog(Rename(t.X, rename), Rename(t.Log, rename)),
            LogRatio l => new LogRatio(Rename(l.X, rename), Rename(l.Y, rename)),
            Deviance d => new Deviance(Rename(d.X, rename), Rename(d.M, rename), Rename(d.XMinusM, rename)),
            FusedMultiplyAdd f => new FusedMultiplyAdd(Rename(f.A, rename), Rename(f.B, rename), Rename(f.C, rename)),
            Call c => new Call(c.Function, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(c.Arguments, a => Rename(a, rename)))),
            Compare c => c with { Left = Rename(c.Left, rename), Right = Rename(c.Right, rename) },
            Select s => new Select(Rename(s.Condition, rename), Rename(s.WhenTrue, rename), Rename(s.WhenFalse, rename)),
            Maximum m => new Maximum(Rename(m.Left, rename), Rename(m.Right, rename)),
            Minimum m => new Minimum(Rename(m.Left, rename), Rename(m.Right, rename)),
            Cast c => c with { Operand = Rename(c.Operand, rename) },
            _ => expr,
        };

        /// <summary>Replaces the names for which <paramref name="value"/> gives an expression (a constant, another formula).</summary>
        public static Expr Replace(Expr expr, Func<string, Expr?> value) => expr switch
        {
            Ref r => value(r.Name) ?? r,
            Unary u => u with { Operand = Replace(u.Operand, value) },
            Binary b => b with { Left = Replace(b.Left, value), Right = Replace(b.Right, value) },
            XTimesLog t => new XTimesLog(Replace(t.X, value), Replace(t.Log, value)),
            LogRatio l => new LogRatio(Replace(l.X, value), Replace(l.Y, value)),
            Deviance d => new Deviance(Replace(d.X, value), Replace(d.M, value), Replace(d.XMinusM, value)),
            FusedMultiplyAdd f => new FusedMultiplyAdd(Replace(f.A, value), Replace(f.B, value), Replace(f.C, value)),
            Call c => new Call(c.Function, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(c.Arguments, a => Replace(a, value)))),
            Compare c => c with { Left = Replace(c.Left, value), Right = Replace(c.Right, value) },
            Select s => new Select(Replace(s.Condition, value), Replace(s.WhenTrue, value), Replace(s.WhenFalse, value)),
            Maximum m => new Maximum(Replace(m.Left, value), Replace(m.Right, value)),
            Minimum m => new Minimum(Replace(m.Left, value), Replace(m.Right, value)),
            Cast c => c with { Operand = Replace(c.Operand, value) },
            _ => expr,
        };

        /// <summary>Every name an expression reads.</summary>
        public static System.Collections.Generic.HashSet<string> Names(Expr expr)
        {
            var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            Collect(expr, names);
            return names;
        }

        private static void Collect(Expr expr, System.Collections.Generic.HashSet<string> names)
        {
            switch (expr)
            {
                case Ref r:
                    names.Add(r.Name);
                    break;
                case Unary u:
                    Collect(u.Operand, names);
                    break;
                case Binary b:
                    Collect(b.Left, names);
                    Collect(b.Right, names);
                    break;
                case XTimesLog t:
                    Collect(t.X, names);
                    Collect(t.Log, names);
                    break;
                case LogRatio l:
                    Collect(l.X, names);
                    Collect(l.Y, names);
                    break;
                case Deviance d:
                    Collect(d.X, names);
                    Collect(d.M, names);
                    Collect(d.XMinusM, names);
                    break;
                case FusedMultiplyAdd f:
                    Collect(f.A, names);
                    Collect(f.B, names);
                    Collect(f.C, names);
                    break;
                case Call c:
                    foreach (var argument in c.Arguments)
                    {
                        Collect(argument, names);
                    }

                    break;
                case Compare c:
                    Collect(c.Left, names);
                    Collect(c.Right, names);
                    break;
                case Maximum m:
                    Collect(m.Left, names);
                    Collect(m.Right, names);
                    break;
                case Minimum m:
                    Collect(m.Left, names);
                    Collect(m.Right, names);
                    break;
                case Cast c:
                    Collect(c.Operand, names);
                    break;
                case Select s:
                    Collect(s.Condition, names);
                    Collect(s.WhenTrue, names);
                    Collect(s.WhenFalse, names);
                    break;
            }
        }

        /// <summary>Prefixes every name with <c>q.</c>: the formula for the second argument of a divergence.</summary>
        public static Expr ForQ(Expr expr) => Rename(expr, name => "q." + name);
    }
}
