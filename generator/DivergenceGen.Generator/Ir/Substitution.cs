using System;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// Walks and rewrites expressions: renames names (to read the same formula for the second distribution Q), replaces
    /// them, rewrites sub-expressions, lists a node's operands. The one place that knows every node's operands.
    /// </summary>
    internal static class Substitution
    {
        public static Expr Rename(Expr expr, Func<string, string> rename) =>
            Rewrite(expr, e => e is Ref r ? new Ref(rename(r.Name)) : null);

        /// <summary>Replaces the names for which <paramref name="value"/> gives an expression (a constant, another formula).</summary>
        public static Expr Replace(Expr expr, Func<string, Expr?> value) =>
            Rewrite(expr, e => e is Ref r ? value(r.Name) ?? r : null);

        /// <summary>
        /// Rewrites top-down: where <paramref name="rewrite"/> gives an expression for a node it takes the node's place (and
        /// is not visited further); elsewhere the node is rebuilt from its rewritten children.
        /// </summary>
        public static Expr Rewrite(Expr expr, Func<Expr, Expr?> rewrite)
        {
            if (rewrite(expr) is { } replaced)
            {
                return replaced;
            }

            Expr R(Expr e) => Rewrite(e, rewrite);
            return expr switch
            {
                Unary u => u with { Operand = R(u.Operand) },
                Binary b => b with { Left = R(b.Left), Right = R(b.Right) },
                XTimesLog t => new XTimesLog(R(t.X), R(t.Log)),
                LogRatio l => new LogRatio(R(l.X), R(l.Y)),
                Deviance d => new Deviance(R(d.X), R(d.M), R(d.XMinusM)),
                FusedMultiplyAdd f => new FusedMultiplyAdd(R(f.A), R(f.B), R(f.C)),
                Call c => new Call(c.Function, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(c.Arguments, R))),
                Compare c => c with { Left = R(c.Left), Right = R(c.Right) },
                Select s => new Select(R(s.Condition), R(s.WhenTrue), R(s.WhenFalse)),
                OptionChoice o => o with { WhenOn = R(o.WhenOn), WhenOff = R(o.WhenOff) },
                Maximum m => new Maximum(R(m.Left), R(m.Right)),
                Minimum m => new Minimum(R(m.Left), R(m.Right)),
                Cast c => c with { Operand = R(c.Operand) },
                _ => expr,
            };
        }

        /// <summary>The operands of a node, in order (none for a constant, a name or a member of P or Q).</summary>
        public static Expr[] Children(Expr expr) => expr switch
        {
            Unary u => new[] { u.Operand },
            Binary b => new[] { b.Left, b.Right },
            XTimesLog t => new[] { t.X, t.Log },
            LogRatio l => new[] { l.X, l.Y },
            Deviance d => new[] { d.X, d.M, d.XMinusM },
            FusedMultiplyAdd f => new[] { f.A, f.B, f.C },
            Call c => c.Arguments,
            Compare c => new[] { c.Left, c.Right },
            Select s => new[] { s.Condition, s.WhenTrue, s.WhenFalse },
            OptionChoice o => new[] { o.WhenOn, o.WhenOff },
            Maximum m => new[] { m.Left, m.Right },
            Minimum m => new[] { m.Left, m.Right },
            Cast c => new[] { c.Operand },
            _ => Array.Empty<Expr>(),
        };

        /// <summary>Every name an expression reads.</summary>
        public static System.Collections.Generic.HashSet<string> Names(Expr expr)
        {
            var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            Collect(expr, names);
            return names;
        }

        /// <summary>
        /// Those of <paramref name="candidates"/> that any of <paramref name="formulas"/> reads, in the candidates' order (a
        /// kernel's arguments: the family's parameters, then its cached quantities, as far as its formulas name them).
        /// </summary>
        public static System.Collections.Generic.List<string> NamesRead(System.Collections.Generic.IEnumerable<string> candidates, params Expr?[] formulas)
        {
            var used = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            foreach (var formula in formulas)
            {
                if (formula is not null)
                {
                    Collect(formula, used);
                }
            }

            return System.Linq.Enumerable.ToList(System.Linq.Enumerable.Where(candidates, used.Contains));
        }

        private static void Collect(Expr expr, System.Collections.Generic.HashSet<string> names)
        {
            if (expr is Ref r)
            {
                names.Add(r.Name);
            }

            foreach (var child in Children(expr))
            {
                Collect(child, names);
            }
        }

        /// <summary>Prefixes every name with <c>q.</c>: the formula for the second argument of a divergence.</summary>
        public static Expr ForQ(Expr expr) => Rename(expr, name => "q." + name);
    }
}
