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
            _ => expr,
        };

        /// <summary>Prefixes every name with <c>q.</c>: the formula for the second argument of a divergence.</summary>
        public static Expr ForQ(Expr expr) => Rename(expr, name => "q." + name);
    }
}
