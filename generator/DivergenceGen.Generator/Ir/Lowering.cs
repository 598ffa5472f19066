using System;
using System.Collections.Generic;
using System.Globalization;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>Turns IR into C# source. Subclasses choose scalar or SIMD forms; names are bound by a function.</summary>
    internal abstract class Lowering
    {
        private readonly Func<string, string> _bind;

        private readonly Func<Side, string>? _side;
        private readonly string _sideCast;

        protected Lowering(PrecisionKind precision, Func<string, string> bind, Func<Side, string>? side = null, string sideCast = "")
        {
            Precision = precision;
            _bind = bind;
            _side = side;
            _sideCast = sideCast;
        }

        public PrecisionKind Precision { get; }

        /// <summary>The C# keyword of the element type: <c>double</c> or <c>float</c>.</summary>
        public string Element => Precision == PrecisionKind.Single ? "float" : "double";

        public string Lower(Expr expr) => Lower(expr, parentPrecedence: TopLevel, isRightOperand: false);

        /// <summary>
        /// An expression as one term of a sum the caller joins with <c>+</c>: a conditional or a comparison is
        /// parenthesised (a sum or difference is not: <c>a + b - c</c> reads as written, left to right).
        /// </summary>
        public string LowerTerm(Expr expr) => Lower(expr, parentPrecedence: AdditivePrecedence, isRightOperand: false);

        // C# precedences, lowest first: ?: (right-associative), comparisons, + −, * /, unary minus.
        private const int TopLevel = -3;
        private const int ConditionalPrecedence = -2;
        private const int ComparisonPrecedence = -1;
        private const int AdditivePrecedence = 1;

        /// <summary>The runtime library class holding this lowering's special functions.</summary>
        protected abstract string Library { get; }

        protected abstract string Constant(double value);

        /// <summary>A vector of constants: <c>VectorNNN.Create(…)</c>; a scalar lowering has only one-element ones.</summary>
        protected virtual string ConstantVector(double[] values) => values.Length == 1
            ? Constant(values[0])
            : throw new InvalidOperationException("A constant vector of " + values.Length + " lanes in scalar code.");

        protected abstract string Call(UnaryOp op, string operand);

        protected abstract string XTimesLog(string x, string log);

        /// <summary>
        /// Whether x·log(x/y) (0 where x ≤ 0) is one library call, <c>XLogRatio</c>: in SIMD code, where the 512-bit double
        /// overload saves a division (the residual multiplied through by x); the scalar library keeps the guarded product.
        /// </summary>
        protected virtual bool HasXLogRatio => false;

        /// <summary>
        /// The type argument that picks a two-pass kernel's pass in the library calls that have one (<c>&lt;TPass&gt;</c>), or "".
        /// </summary>
        protected virtual string PassArgument => string.Empty;

        /// <summary>
        /// In the vector code of a two-pass kernel that checks its inputs to be probabilities and tests its first pass's
        /// floor once (<see cref="KernelPasses.FloorOf"/>): the inputs checked. Its pass calls on them are then the forms
        /// without a per-lane domain test (<c>LogOfCheckedProbability</c>, <c>XLogRatioOfCheckedProbabilities</c>).
        /// </summary>
        protected virtual IReadOnlyCollection<string>? CheckedInputs => null;

        /// <summary>A comparison of two lowered operands (a bool or a lane mask).</summary>
        protected abstract string Comparison(CompareOp op, string left, string right);

        /// <summary>A selection: <c>?:</c> in scalar code, <c>ConditionalSelect</c> in SIMD code.</summary>
        protected abstract string Selection(string condition, string whenTrue, string whenFalse, bool needsParentheses);

        /// <summary>max(x, y): <c>Math.Max</c> or <c>VectorNNN.Max</c>.</summary>
        protected abstract string MaxOf(string left, string right);

        /// <summary>min(x, y): <c>Math.Min</c> or <c>VectorNNN.Min</c>.</summary>
        protected abstract string MinOf(string left, string right);

        /// <summary>a·b + c rounded once; only the scalar lowering has one (<see cref="Ir.FusedMultiplyAdd"/>).</summary>
        protected virtual string FusedMultiplyAddOf(string a, string b, string c) =>
            throw new NotSupportedException("No SIMD lowering of a fused multiply-add (scalar code only).");

        /// <summary>A runtime-library call; only the scalar lowering has one (see <see cref="global::DivergenceGen.Generator.Ir.Call"/>).</summary>
        protected virtual string CallFunction(string function, string[] arguments) =>
            throw new InvalidOperationException("The runtime function " + function + " has no vector form; lower it per element.");

        private string Lower(Expr expr, int parentPrecedence, bool isRightOperand)
        {
            switch (expr)
            {
                case Const c:
                    return Constant(c.Value);
                case ConstVector v:
                    return ConstantVector(v.Values);
                case Ref r:
                    return _bind(r.Name);
                case ParameterOf parameter:
                    return _sideCast + Side(parameter.Side) + "." + parameter.Property;
                case MemberOf member:
                    return _sideCast + Side(member.Side) + "." + member.Member + "(" + member.Outcome?.ToString(CultureInfo.InvariantCulture) + ")";
                case Unary { Op: UnaryOp.Negate } u:
                {
                    // −(−x) would print "--x", the decrement operator: the inner minus gets parentheses.
                    string operand = Lower(u.Operand, parentPrecedence: 3, isRightOperand: false);
                    return operand.StartsWith("-", StringComparison.Ordinal) ? "-(" + operand + ")" : "-" + operand;
                }
                case Unary u when CheckedInputs is not null && KernelPasses.IsCheckedLog(u, CheckedInputs):
                    return Library + ".LogOfCheckedProbability" + PassArgument + "(" + Lower(u.Operand) + ")";
                case Unary u:
                    return Call(u.Op, Lower(u.Operand));
                case Binary b:
                {
                    int precedence = b.Op is BinaryOp.Add or BinaryOp.Subtract ? 1 : 2;
                    string op = b.Op switch
                    {
                        BinaryOp.Add => "+",
                        BinaryOp.Subtract => "-",
                        BinaryOp.Multiply => "*",
                        _ => "/",
                    };
                    string text = Lower(b.Left, precedence, isRightOperand: false) + " " + op + " " + Lower(b.Right, precedence, isRightOperand: true);
                    bool needsParentheses = precedence < parentPrecedence || (isRightOperand && precedence == parentPrecedence);
                    return needsParentheses ? "(" + text + ")" : text;
                }

                case LogRatio l:
                    return Library + ".LogRatio(" + Lower(l.X) + ", " + Lower(l.Y) + ")";
                case Deviance d:
                    return Library + ".Deviance" + PassArgument + "(" + Lower(d.X) + ", " + Lower(d.M) + ", " + Lower(d.XMinusM) + ")";
                case FusedMultiplyAdd f:
                    return FusedMultiplyAddOf(Lower(f.A), Lower(f.B), Lower(f.C));
                case global::DivergenceGen.Generator.Ir.Call call:
                    return CallFunction(call.Function, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(call.Arguments, a => Lower(a))));
                case XTimesLog t when CheckedInputs is not null && KernelPasses.IsCheckedXLogRatio(t, CheckedInputs):
                    var checkedRatio = (LogRatio)t.Log;
                    return Library + ".XLogRatioOfCheckedProbabilities" + PassArgument + "(" + Lower(checkedRatio.X) + ", " + Lower(checkedRatio.Y) + ")";
                case XTimesLog { Log: LogRatio ratio } t when ratio.X.Equals(t.X) && HasXLogRatio:
                    return Library + ".XLogRatio" + PassArgument + "(" + Lower(ratio.X) + ", " + Lower(ratio.Y) + ")";
                case XTimesLog t:
                    return XTimesLog(Lower(t.X, parentPrecedence: 2, isRightOperand: false), Lower(t.Log, parentPrecedence: 2, isRightOperand: true));
                case Compare c:
                {
                    string text = Comparison(c.Op, Lower(c.Left, ComparisonPrecedence, isRightOperand: false), Lower(c.Right, ComparisonPrecedence, isRightOperand: true));
                    return ComparisonPrecedence < parentPrecedence ? "(" + text + ")" : text;
                }

                case Maximum m:
                    return MaxOf(Lower(m.Left), Lower(m.Right));
                case Minimum m:
                    return MinOf(Lower(m.Left), Lower(m.Right));
                case Cast c when this is VectorLowering:
                    return Lower(c.Operand, parentPrecedence, isRightOperand); // a vector's lanes are already the element type
                case Cast c:
                {
                    string operand = Lower(c.Operand, parentPrecedence: 3, isRightOperand: false);
                    return c.Precision == PrecisionKind.Single ? "(float)" + operand : "(double)" + operand;
                }

                case Select s:
                    return Selection(
                        Lower(s.Condition, ComparisonPrecedence, isRightOperand: false),
                        Lower(s.WhenTrue, ComparisonPrecedence, isRightOperand: false),
                        Lower(s.WhenFalse, ConditionalPrecedence, isRightOperand: false),
                        needsParentheses: ConditionalPrecedence < parentPrecedence);
                case OptionChoice o:
                {
                    // A C# conditional on the option's constant, the same in scalar and SIMD code (not a per-lane select).
                    string text = KernelOps.IsOn(o.Option) + " ? " + Lower(o.WhenOn, ComparisonPrecedence, isRightOperand: false) + " : "
                        + Lower(o.WhenOff, ConditionalPrecedence, isRightOperand: false);
                    return ConditionalPrecedence < parentPrecedence ? "(" + text + ")" : text;
                }

                default:
                    throw new InvalidOperationException("Unknown IR node " + expr.GetType().Name);
            }
        }

        private string Side(Side side) =>
            _side is null ? throw new InvalidOperationException("This lowering has no P and Q.") : _side(side);

        /// <summary>A literal of the given precision in invariant culture, round-trip exact.</summary>
        public static string Literal(double value, PrecisionKind precision)
        {
            string type = precision == PrecisionKind.Single ? "float" : "double";
            if (double.IsPositiveInfinity(value))
            {
                return type + ".PositiveInfinity";
            }

            if (double.IsNegativeInfinity(value))
            {
                return type + ".NegativeInfinity";
            }

            if (double.IsNaN(value))
            {
                return type + ".NaN";
            }

            return precision == PrecisionKind.Single
                ? ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f"
                : value.ToString("R", CultureInfo.InvariantCulture) + "d";
        }
    }

    /// <summary>Scalar C#: <c>System.Math</c> / <c>MathF</c> and the runtime library's <c>ScalarMath</c>.</summary>
    internal sealed class ScalarLowering : Lowering
    {
        /// <param name="precision">The element type of the code.</param>
        /// <param name="bind">The C# of a named value.</param>
        /// <param name="side">The name of the instance P or Q (<see cref="ParameterOf"/>, <see cref="MemberOf"/>); null where there are none.</param>
        /// <param name="sideCast">Written before each of P's and Q's values: <c>(double)</c> where they are float and the code sums in double.</param>
        public ScalarLowering(PrecisionKind precision, Func<string, string> bind, Func<Side, string>? side = null, string sideCast = "")
            : base(precision, bind, side, sideCast)
        {
        }

        protected override string Library => "global::DivergenceGen.ScalarMath";

        protected override string Constant(double value) => Literal(value, Precision);

        protected override string Call(UnaryOp op, string operand)
        {
            string math = Precision == PrecisionKind.Single ? "global::System.MathF" : "global::System.Math";
            return op switch
            {
                UnaryOp.Log or UnaryOp.LogOfSum => math + ".Log(" + operand + ")",
                UnaryOp.Exp => math + ".Exp(" + operand + ")",
                UnaryOp.Sqrt => math + ".Sqrt(" + operand + ")",
                UnaryOp.Abs => math + ".Abs(" + operand + ")",
                UnaryOp.Expm1 => "global::DivergenceGen.ScalarMath.Expm1(" + operand + ")",
                UnaryOp.ExpMinusOneMinus => "global::DivergenceGen.ScalarMath.ExpMinusOneMinus(" + operand + ")",
                UnaryOp.Sin => math + ".Sin(" + operand + ")",
                UnaryOp.Cos => math + ".Cos(" + operand + ")",
                _ => "global::DivergenceGen.ScalarMath.Log1p(" + operand + ")",
            };
        }

        protected override string MaxOf(string left, string right) =>
            (Precision == PrecisionKind.Single ? "global::System.MathF" : "global::System.Math") + ".Max(" + left + ", " + right + ")";

        protected override string MinOf(string left, string right) =>
            (Precision == PrecisionKind.Single ? "global::System.MathF" : "global::System.Math") + ".Min(" + left + ", " + right + ")";

        protected override string XTimesLog(string x, string log) =>
            "(" + x + " > " + Literal(0, Precision) + " ? " + x + " * " + log + " : " + Literal(0, Precision) + ")";

        protected override string Comparison(CompareOp op, string left, string right) => op switch
        {
            CompareOp.Equal => left + " == " + right,
            CompareOp.LessThan => left + " < " + right,
            CompareOp.LessThanOrEqual => left + " <= " + right,
            _ => left + " >= " + right,
        };

        protected override string Selection(string condition, string whenTrue, string whenFalse, bool needsParentheses)
        {
            string text = condition + " ? " + whenTrue + " : " + whenFalse;
            return needsParentheses ? "(" + text + ")" : text;
        }

        protected override string FusedMultiplyAddOf(string a, string b, string c) =>
            (Precision == PrecisionKind.Single ? "global::System.MathF" : "global::System.Math") + ".FusedMultiplyAdd(" + a + ", " + b + ", " + c + ")";

        protected override string CallFunction(string function, string[] arguments) =>
            "global::DivergenceGen." + function + "(" + string.Join(", ", arguments) + ")";
    }

    /// <summary>
    /// SIMD C# over one vector width. <c>Log</c>, <c>Log1p</c>, <c>LogRatio</c> and <c>Deviance</c> come from the runtime library's
    /// <c>VectorMath</c> on every target: its log is inlinable and within 1 ulp, where the BCL's <c>VectorNNN.Log</c>
    /// (.NET 9+) measured 2.6 ulp and is not inlined (docs/ARCHITECTURE.md, "Vector logarithm").
    /// </summary>
    internal sealed class VectorLowering : Lowering
    {
        private readonly string? _pass;

        /// <param name="bits">The vector width.</param>
        /// <param name="precision">The element type.</param>
        /// <param name="bind">The C# of a name.</param>
        /// <param name="pass">In a two-pass kernel, its pass type parameter (<c>TPass</c>): <c>Log</c>, <c>XLogRatio</c> and
        /// <c>Deviance</c> are then called as <c>Log&lt;TPass&gt;</c> (the first pass's forms have no call; see the runtime's
        /// IKernelPass).</param>
        /// <param name="checkedInputs">With <paramref name="pass"/>: the inputs the kernel checks to be probabilities, when
        /// it tests its first pass's floor once (<see cref="Lowering.CheckedInputs"/>).</param>
        public VectorLowering(int bits, PrecisionKind precision, Func<string, string> bind, string? pass = null, IReadOnlyCollection<string>? checkedInputs = null)
            : base(precision, bind)
        {
            Bits = bits;
            _pass = pass;
            _checkedInputs = pass is null ? null : checkedInputs;
        }

        private readonly IReadOnlyCollection<string>? _checkedInputs;

        protected override string PassArgument => _pass is null ? string.Empty : "<" + _pass + ">";

        protected override IReadOnlyCollection<string>? CheckedInputs => _checkedInputs;

        protected override string Library => "global::DivergenceGen.VectorMath";

        public int Bits { get; }

        /// <summary><c>global::System.Runtime.Intrinsics.Vector256</c>, the static class of this width.</summary>
        public string Vector => VectorClass(Bits);

        /// <summary><c>global::System.Runtime.Intrinsics.Vector256&lt;double&gt;</c>.</summary>
        public string VectorType => Vector + "<" + Element + ">";

        /// <summary>Lanes of the element type in one vector.</summary>
        public int Lanes => Bits / (Precision == PrecisionKind.Single ? 32 : 64);

        public static string VectorClass(int bits) => "global::System.Runtime.Intrinsics.Vector" + bits.ToString(CultureInfo.InvariantCulture);

        protected override string ConstantVector(double[] values) => System.Linq.Enumerable.All(values, v => v.Equals(values[0]))
            ? Constant(values[0])
            : Vector + ".Create(" + string.Join(", ", System.Linq.Enumerable.Select(values, v => Literal(v, Precision))) + ")";

        protected override string Constant(double value) => value switch
        {
            0 => VectorType + ".Zero",
            1 => VectorType + ".One",
            _ => Vector + ".Create(" + Literal(value, Precision) + ")",
        };

        /// <summary>
        /// Whether <paramref name="e"/> has a SIMD lowering: constants, names, the four operations, −, log, log1p, exp, √, |·|,
        /// eˣ − 1, eˣ − 1 − x, comparisons, selections, option choices, min and max (not a runtime call, sin, cos, or the fused and information-theory
        /// nodes that only the emitters' own kernels write).
        /// </summary>
        public static bool CanLower(Expr e) => e switch
        {
            Const or Ref => true,
            Unary u => u.Op is UnaryOp.Negate or UnaryOp.Log or UnaryOp.LogOfSum or UnaryOp.Log1p or UnaryOp.Exp or UnaryOp.Sqrt or UnaryOp.Abs or UnaryOp.Expm1 or UnaryOp.ExpMinusOneMinus
                && CanLower(u.Operand),
            Binary or Compare or Select or OptionChoice or Maximum or Minimum => System.Linq.Enumerable.All(Substitution.Children(e), CanLower),
            _ => false,
        };

        protected override string FusedMultiplyAddOf(string a, string b, string c) =>
            Precision == PrecisionKind.Double
                ? Library + ".FusedMultiplyAdd(" + a + ", " + b + ", " + c + ")"
                : throw new NotSupportedException("No single-precision SIMD lowering of a fused multiply-add.");

        protected override string Call(UnaryOp op, string operand) => op switch
        {
            UnaryOp.Log => Library + ".Log" + PassArgument + "(" + operand + ")",
            UnaryOp.LogOfSum => Library + ".Log<" + KernelPasses.FastPass + ">(" + operand + ")",
            UnaryOp.Exp => Library + ".Exp(" + operand + ")",
            UnaryOp.Sqrt => Vector + ".Sqrt(" + operand + ")",
            UnaryOp.Abs => Vector + ".Abs(" + operand + ")",
            UnaryOp.Log1p => Library + ".Log1p(" + operand + ")",
            UnaryOp.Expm1 => Library + ".Expm1(" + operand + ")",
            UnaryOp.ExpMinusOneMinus => Library + ".ExpMinusOneMinus(" + operand + ")",
            _ => throw new System.NotSupportedException("No SIMD lowering of " + op + " (scalar code only)."),
        };

        protected override string MaxOf(string left, string right) => Vector + ".Max(" + left + ", " + right + ")";

        protected override string MinOf(string left, string right) => Vector + ".Min(" + left + ", " + right + ")";

        protected override string Comparison(CompareOp op, string left, string right) => op switch
        {
            CompareOp.Equal => Vector + ".Equals(" + left + ", " + right + ")",
            CompareOp.LessThan => Vector + ".LessThan(" + left + ", " + right + ")",
            CompareOp.LessThanOrEqual => Vector + ".LessThanOrEqual(" + left + ", " + right + ")",
            _ => Vector + ".GreaterThanOrEqual(" + left + ", " + right + ")",
        };

        protected override string Selection(string condition, string whenTrue, string whenFalse, bool needsParentheses) =>
            Vector + ".ConditionalSelect(" + condition + ", " + whenTrue + ", " + whenFalse + ")";

        protected override bool HasXLogRatio => true;

        protected override string XTimesLog(string x, string log) =>
            Vector + ".ConditionalSelect(" + Vector + ".GreaterThan(" + x + ", " + VectorType + ".Zero), " + x + " * " + log + ", " + VectorType + ".Zero)";
    }
}
