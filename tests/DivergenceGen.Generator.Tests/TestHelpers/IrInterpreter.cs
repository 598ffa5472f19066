using System;
using System.Collections.Generic;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Tests.TestHelpers;

/// <summary>An interpreter of the scalar IR in double, for tests of the passes that build IR (derivatives, translated bodies).</summary>
internal static class IrInterpreter
{
    /// <summary>The IR's value in double, as the scalar lowering would compute it (to the few ulps these checks need).</summary>
    public static double Evaluate(Expr e, IReadOnlyDictionary<string, double> at) => e switch
    {
        Const c => c.Value,
        Ref r => at[r.Name],
        Unary u => u.Op switch
        {
            UnaryOp.Negate => -Evaluate(u.Operand, at),
            UnaryOp.Log => Math.Log(Evaluate(u.Operand, at)),
            UnaryOp.Log1p => Math.Log(1 + Evaluate(u.Operand, at)),
            UnaryOp.Exp => Math.Exp(Evaluate(u.Operand, at)),
            UnaryOp.Expm1 => Math.Exp(Evaluate(u.Operand, at)) - 1,
            UnaryOp.Sin => Math.Sin(Evaluate(u.Operand, at)),
            UnaryOp.Cos => Math.Cos(Evaluate(u.Operand, at)),
            UnaryOp.Sqrt => Math.Sqrt(Evaluate(u.Operand, at)),
            UnaryOp.Abs => Math.Abs(Evaluate(u.Operand, at)),
            _ => throw new NotSupportedException(u.Op.ToString()),
        },
        Binary b => b.Op switch
        {
            BinaryOp.Add => Evaluate(b.Left, at) + Evaluate(b.Right, at),
            BinaryOp.Subtract => Evaluate(b.Left, at) - Evaluate(b.Right, at),
            BinaryOp.Multiply => Evaluate(b.Left, at) * Evaluate(b.Right, at),
            _ => Evaluate(b.Left, at) / Evaluate(b.Right, at),
        },
        XTimesLog t => Evaluate(t.X, at) is var xv && xv == 0 ? 0 : xv * Evaluate(t.Log, at),
        LogRatio l => Math.Log(Evaluate(l.X, at) / Evaluate(l.Y, at)),
        Select s => Holds((Compare)s.Condition, at) ? Evaluate(s.WhenTrue, at) : Evaluate(s.WhenFalse, at),
        Maximum m => Math.Max(Evaluate(m.Left, at), Evaluate(m.Right, at)),
        Minimum m => Math.Min(Evaluate(m.Left, at), Evaluate(m.Right, at)),
        Call { Arguments.Length: 2 } c => Special2(c.Function)(Evaluate(c.Arguments[0], at), Evaluate(c.Arguments[1], at)),
        Call c => Special(c.Function)(Evaluate(c.Arguments[0], at)),
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    /// <summary>
    /// A runtime special function by the IR's name (<c>SpecialFunctions.LogGamma</c>), from the generator's linked copy of
    /// SpecialFunctions (by reflection: the runtime assembly, also referenced here, has a type of the same name).
    /// </summary>
    public static Func<double, double> Special(string function)
    {
        var type = typeof(Derivative).Assembly.GetType("DivergenceGen.SpecialFunctions", throwOnError: true)!;
        var method = type.GetMethod(function.Substring("SpecialFunctions.".Length), new[] { typeof(double) })
            ?? throw new NotSupportedException(function);
        return method.CreateDelegate<Func<double, double>>();
    }

    /// <summary>A special function of two arguments (<c>SpecialFunctions.LogBinomialCoefficient</c>), as <see cref="Special"/>.</summary>
    public static Func<double, double, double> Special2(string function)
    {
        var type = typeof(Derivative).Assembly.GetType("DivergenceGen.SpecialFunctions", throwOnError: true)!;
        var method = type.GetMethod(function.Substring("SpecialFunctions.".Length), new[] { typeof(double), typeof(double) })
            ?? throw new NotSupportedException(function);
        return method.CreateDelegate<Func<double, double, double>>();
    }

    public static bool Holds(Compare c, IReadOnlyDictionary<string, double> at)
    {
        double l = Evaluate(c.Left, at), r = Evaluate(c.Right, at);
        return c.Op switch
        {
            CompareOp.Equal => l == r,
            CompareOp.LessThan => l < r,
            CompareOp.LessThanOrEqual => l <= r,
            _ => l >= r,
        };
    }
}
