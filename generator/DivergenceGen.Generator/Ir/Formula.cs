using System.Globalization;
using System.Linq;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// An expression as a reader writes it, for the comments of generated code (issue 16: the derivative of a user's
    /// <c>LogWeight</c> shown above the C# that computes it): <c>-log(k + 1)</c>, <c>kappa·cos(0.3·k - mu)</c>,
    /// <c>Digamma(a + 1)</c>. Parentheses only where precedence needs them; numbers in the shortest round-trip form.
    /// Not C#: the lowering writes the code (<see cref="Lowering"/>).
    /// </summary>
    internal static class Formula
    {
        // Precedences, lowest first: ?: , comparison, + −, · /, unary minus, atoms.
        private const int Conditional = 0;
        private const int Comparison = 1;
        private const int Additive = 2;
        private const int Multiplicative = 3;
        private const int UnaryMinus = 4;

        public static string Show(Expr expr) => Show(expr, Conditional, isRightOperand: false);

        private static string Show(Expr e, int parent, bool isRightOperand)
        {
            switch (e)
            {
                case Const c:
                    return c.Value < 0 ? Wrap("-" + Number(-c.Value), Negation(parent, isRightOperand), parent, isRightOperand) : Number(c.Value);
                case Ref r:
                    return r.Name;
                case Unary { Op: UnaryOp.Negate } u:
                    return Wrap("-" + Show(u.Operand, UnaryMinus, isRightOperand: false), Negation(parent, isRightOperand), parent, isRightOperand);
                case Unary { Op: UnaryOp.Abs } u:
                    return "|" + Show(u.Operand) + "|";
                case Unary { Op: UnaryOp.LogOfSum } u:
                    return "log(" + Show(u.Operand) + ")";
                case Unary u:
                    return u.Op.ToString().ToLowerInvariant() + "(" + Show(u.Operand) + ")";
                case Binary b:
                {
                    int precedence = b.Op is BinaryOp.Add or BinaryOp.Subtract ? Additive : Multiplicative;
                    string op = b.Op switch
                    {
                        BinaryOp.Add => " + ",
                        BinaryOp.Subtract => " - ",
                        BinaryOp.Multiply => "·",
                        _ => "/",
                    };
                    return Wrap(Show(b.Left, precedence, isRightOperand: false) + op + Show(b.Right, precedence, isRightOperand: true), precedence, parent, isRightOperand);
                }

                case Call call:
                    return call.Function.Substring(call.Function.LastIndexOf('.') + 1) + "(" + string.Join(", ", call.Arguments.Select(Show)) + ")";
                case Maximum m:
                    return "max(" + Show(m.Left) + ", " + Show(m.Right) + ")";
                case Minimum m:
                    return "min(" + Show(m.Left) + ", " + Show(m.Right) + ")";
                case Compare c:
                {
                    string op = c.Op switch
                    {
                        CompareOp.Equal => " == ",
                        CompareOp.LessThan => " < ",
                        CompareOp.LessThanOrEqual => " <= ",
                        _ => " >= ",
                    };
                    return Wrap(Show(c.Left, Additive, isRightOperand: false) + op + Show(c.Right, Additive, isRightOperand: false), Comparison, parent, isRightOperand);
                }

                case Select s:
                    return Wrap(
                        Show(s.Condition, Comparison, isRightOperand: false) + " ? " + Show(s.WhenTrue, Comparison, isRightOperand: false) + " : " + Show(s.WhenFalse),
                        Conditional,
                        parent,
                        isRightOperand: false);
                case OptionChoice o:
                    return Wrap(o.Option + " ? " + Show(o.WhenOn, Comparison, isRightOperand: false) + " : " + Show(o.WhenOff), Conditional, parent, isRightOperand: false);
                case LogRatio l:
                    return "log(" + Show(l.X, Multiplicative, isRightOperand: false) + "/" + Show(l.Y, Multiplicative, isRightOperand: true) + ")";
                case XTimesLog x:
                    return Wrap(Show(x.X, Multiplicative, isRightOperand: false) + "·" + Show(x.Log, Multiplicative, isRightOperand: true), Multiplicative, parent, isRightOperand);
                case Cast c:
                    return Show(c.Operand, parent, isRightOperand);
                default:
                    return e.GetType().Name + "(…)";
            }
        }

        /// <summary>A minus sign as the right operand of a binary operator is parenthesised (<c>s·(-1.5)</c>, <c>s - (-k)</c>).</summary>
        private static int Negation(int parent, bool isRightOperand) => isRightOperand && parent >= Additive ? Additive : UnaryMinus;

        private static string Wrap(string text, int precedence, int parent, bool isRightOperand) =>
            precedence < parent || (isRightOperand && precedence == parent) ? "(" + text + ")" : text;

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
