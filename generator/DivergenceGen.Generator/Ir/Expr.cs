namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// The tiny expression IR that family formulas are written in. Lowerings turn one expression into scalar C#,
    /// SIMD C# over <c>Vector128/256/512</c>, or a number folded at compile time. Every node has value equality (the
    /// records with arrays compare them element-wise), so a pipeline model may hold IR (a user's translated
    /// <c>LogWeight</c>) and still cache.
    /// </summary>
    internal abstract record Expr
    {
        public static Expr operator +(Expr a, Expr b) => new Binary(BinaryOp.Add, a, b);
        public static Expr operator -(Expr a, Expr b) => new Binary(BinaryOp.Subtract, a, b);
        public static Expr operator *(Expr a, Expr b) => new Binary(BinaryOp.Multiply, a, b);
        public static Expr operator /(Expr a, Expr b) => new Binary(BinaryOp.Divide, a, b);
        public static Expr operator -(Expr a) => new Unary(UnaryOp.Negate, a);
        public static implicit operator Expr(double value) => new Const(value);
    }

    /// <summary>A numeric constant.</summary>
    internal sealed record Const(double Value) : Expr;

    /// <summary>
    /// A named value: a parameter (<c>p</c>), a quantity cached per instance (<c>logP</c>), a vector element, or the
    /// variate. The lowering context binds the name to C# (a field, a local, a loaded vector).
    /// </summary>
    internal sealed record Ref(string Name) : Expr;

    internal enum UnaryOp
    {
        Negate,
        Log,
        Log1p,

        /// <summary>eˣ (kernels: the softmax's exp(x − m)).</summary>
        Exp,

        /// <summary>√x (the Hellinger distance's √p + √q).</summary>
        Sqrt,

        /// <summary>|x| (the total variation distance's |p − q|).</summary>
        Abs,

        /// <summary>eˣ − 1, accurate near 0 (the Hellinger distance of n-fold products; the diagonal-normal KL gradient).</summary>
        Expm1,

        /// <summary>φ(x) = eˣ − 1 − x ≥ 0, accurate near 0 (≈ x²/2): the diagonal-normal KL divergence's variance term.</summary>
        ExpMinusOneMinus,

        /// <summary>sin x (a user's circular log-weight, issue 16); scalar code only.</summary>
        Sin,

        /// <summary>cos x (a user's circular log-weight, issue 16); scalar code only.</summary>
        Cos,

        /// <summary>
        /// log s of a log-sum-exp's sum s = Σₖ exp(xₖ − max x), which is in [1, K] or NaN (a NaN or infinite logit): there the
        /// vector logarithm's fast path is exact and NaN stays NaN, so the SIMD code calls <c>Log&lt;FastPass&gt;</c>, which has
        /// no out-of-line path and so no call in the loop (a call makes the JIT keep the loop's vectors in stack slots:
        /// docs/vector-maths.md, "Two-pass kernels"). Scalar code is <c>Math.Log</c>. Not a two-pass call: the result is final.
        /// </summary>
        LogOfSum,
    }

    internal sealed record Unary(UnaryOp Op, Expr Operand) : Expr;

    internal enum BinaryOp
    {
        Add,
        Subtract,
        Multiply,
        Divide,
    }

    internal sealed record Binary(BinaryOp Op, Expr Left, Expr Right) : Expr;

    /// <summary>
    /// x·y with the information-theory convention 0·y = 0 even where y = ±∞ (0·log 0 = 0). Every entropy, KL and
    /// cross-entropy term is one of these: x·log x, x·(log x − log y), x·log y.
    /// </summary>
    internal sealed record XTimesLog(Expr X, Expr Log) : Expr;

    /// <summary>
    /// log(x/y) with one logarithm (the runtime's <c>ScalarMath.LogRatio</c>/<c>VectorMath.LogRatio</c>: half the cost
    /// of log x − log y, and falls back to it where the quotient of finite positive operands would overflow or underflow).
    /// </summary>
    internal sealed record LogRatio(Expr X, Expr Y) : Expr;

    /// <summary>
    /// Loader's deviance bd0(x, m) = x·log(x/m) + m − x ≥ 0 with the difference x − m supplied (the runtime's
    /// <c>ScalarMath.Deviance</c>/<c>VectorMath.Deviance</c>): full relative accuracy where x ≈ m, because the caller
    /// passes a difference it knows exactly (q − p) beside arguments that may have rounded (1 − p, 1 − q).
    /// x = 0 gives m; m = 0 &lt; x gives +∞.
    /// </summary>
    internal sealed record Deviance(Expr X, Expr M, Expr XMinusM) : Expr;

    /// <summary>
    /// a·b + c with one rounding (<c>Math.FusedMultiplyAdd</c>): the product is exact, so p − r·c is formed to one rounding
    /// of the difference itself (the joint laws' mutual information). Scalar code only.
    /// </summary>
    internal sealed record FusedMultiplyAdd(Expr A, Expr B, Expr C) : Expr;

    /// <summary>
    /// A call of a runtime-library function (<c>DiscreteMath.PoissonEntropy(rate)</c>): for quantities with no short
    /// closed form (series, saddle-point log-pmfs, samplers). Scalar lowering only — the emitters never put one in a
    /// vector kernel; a vector kernel that needs one falls back to the scalar member per element and says so.
    /// </summary>
    internal sealed record Call(string Function, Expr[] Arguments) : Expr
    {
        /// <summary>Value equality over the arguments (a record compares arrays by reference), so a model can hold IR.</summary>
        public bool Equals(Call? other) =>
            other is not null && Function == other.Function && System.Linq.Enumerable.SequenceEqual(Arguments, other.Arguments);

        public override int GetHashCode() => Function.GetHashCode() ^ Arguments.Length;
    }

    /// <summary>A vector of constants, one per lane (a straight-line chunk's class indices or table entries).</summary>
    internal sealed record ConstVector(double[] Values) : Expr
    {
        /// <summary>Value equality over the lanes, bit for bit (a record compares arrays by reference).</summary>
        public bool Equals(ConstVector? other) =>
            other is not null && System.Linq.Enumerable.SequenceEqual(
                System.Linq.Enumerable.Select(Values, System.BitConverter.DoubleToInt64Bits),
                System.Linq.Enumerable.Select(other.Values, System.BitConverter.DoubleToInt64Bits));

        public override int GetHashCode() => Values.Length;
    }

    /// <summary>max(x, y), lane-wise in SIMD code.</summary>
    internal sealed record Maximum(Expr Left, Expr Right) : Expr;

    /// <summary>min(x, y), lane-wise in SIMD code.</summary>
    internal sealed record Minimum(Expr Left, Expr Right) : Expr;

    /// <summary>A conversion to the given precision: <c>(float)(…)</c> or <c>(double)…</c>.</summary>
    internal sealed record Cast(Model.PrecisionKind Precision, Expr Operand) : Expr;

    /// <summary>The two arguments of a divergence: D(P‖Q), H(P, Q).</summary>
    internal enum Side
    {
        P,
        Q,
    }

    /// <summary>
    /// A scalar parameter of P or of Q in a formula between two families, by its property name (<c>Rate</c>): lowered
    /// to that instance's property, whatever the user named the method's parameters.
    /// </summary>
    internal sealed record ParameterOf(Side Side, string Property) : Expr;

    /// <summary>A generated member of P or of Q, called with one outcome or with none: <c>LogPmf(0)</c>, <c>Entropy()</c>.</summary>
    internal sealed record MemberOf(Side Side, string Member, int? Outcome = null) : Expr;

    internal enum CompareOp
    {
        Equal,
        LessThan,
        LessThanOrEqual,
        GreaterThanOrEqual,
    }

    /// <summary>A comparison: a condition for <see cref="Select"/> (a bool in scalar code, a lane mask in SIMD code).</summary>
    internal sealed record Compare(CompareOp Op, Expr Left, Expr Right) : Expr;

    /// <summary><c>condition ? whenTrue : whenFalse</c> (per lane in SIMD code, where both sides are evaluated).</summary>
    internal sealed record Select(Expr Condition, Expr WhenTrue, Expr WhenFalse) : Expr;

    /// <summary>
    /// <c>typeof(TOption) == typeof(Yes) ? whenOn : whenOff</c> on a generic option type parameter of the kernel (<c>TWeights</c>): one kernel
    /// serves both forms, and the JIT, which compiles it once per option type, keeps only the branch of that option
    /// (the type test folds when the method is imported). The arithmetic of each form is exactly as if it were written alone.
    /// </summary>
    internal sealed record OptionChoice(string Option, Expr WhenOn, Expr WhenOff) : Expr;

    /// <summary>Builders that read like the formulas.</summary>
    internal static class E
    {
        public static Expr Ref(string name) => new Ref(name);

        public static Expr Log(Expr x) => new Unary(UnaryOp.Log, x);

        /// <summary>log s where s is a log-sum-exp's sum, in [1, K] or NaN (<see cref="UnaryOp.LogOfSum"/>).</summary>
        public static Expr LogOfSum(Expr s) => new Unary(UnaryOp.LogOfSum, s);

        /// <summary>log(1 + x), exact for tiny x.</summary>
        public static Expr Log1p(Expr x) => new Unary(UnaryOp.Log1p, x);

        /// <summary>√x, correctly rounded (scalar and SIMD).</summary>
        public static Expr Sqrt(Expr x) => new Unary(UnaryOp.Sqrt, x);

        /// <summary>|x|.</summary>
        public static Expr Abs(Expr x) => new Unary(UnaryOp.Abs, x);

        /// <summary>eˣ − 1 without cancellation near 0 (<c>ScalarMath.Expm1</c>); scalar code only.</summary>
        public static Expr Expm1(Expr x) => new Unary(UnaryOp.Expm1, x);

        /// <summary>φ(x) = eˣ − 1 − x without cancellation near 0 (<c>ScalarMath</c>/<c>VectorMath.ExpMinusOneMinus</c>).</summary>
        public static Expr ExpMinusOneMinus(Expr x) => new Unary(UnaryOp.ExpMinusOneMinus, x);

        /// <summary>sin x; scalar code only.</summary>
        public static Expr Sin(Expr x) => new Unary(UnaryOp.Sin, x);

        /// <summary>cos x; scalar code only.</summary>
        public static Expr Cos(Expr x) => new Unary(UnaryOp.Cos, x);

        /// <summary>min(x, y): <c>Math.Min</c> or <c>VectorNNN.Min</c>.</summary>
        public static Expr Min(Expr x, Expr y) => new Minimum(x, y);

        /// <summary>max(x, y): <c>Math.Max</c> or <c>VectorNNN.Max</c>.</summary>
        public static Expr Max(Expr x, Expr y) => new Maximum(x, y);

        /// <summary>log(x/y), one logarithm.</summary>
        public static Expr LogRatio(Expr x, Expr y) => new LogRatio(x, y);

        /// <summary>bd0(x, m) = x·log(x/m) + m − x, with x − m given (see <see cref="Ir.Deviance"/>).</summary>
        public static Expr Deviance(Expr x, Expr m, Expr xMinusM) => new Deviance(x, m, xMinusM);

        /// <summary>a·b + c rounded once (see <see cref="Ir.FusedMultiplyAdd"/>); scalar code only.</summary>
        public static Expr Fma(Expr a, Expr b, Expr c) => new FusedMultiplyAdd(a, b, c);

        /// <summary>A runtime-library function, e.g. <c>E.Call("DiscreteMath.PoissonEntropy", E.Ref("rate"))</c>.</summary>
        public static Expr Call(string function, params Expr[] arguments) => new Call(function, arguments);

        /// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
        public static Expr Select(Expr condition, Expr whenTrue, Expr whenFalse) => new Select(condition, whenTrue, whenFalse);

        /// <summary>x ≥ y, a condition for <see cref="Select(Expr, Expr, Expr)"/>.</summary>
        public static Expr AtLeast(Expr x, Expr y) => new Compare(CompareOp.GreaterThanOrEqual, x, y);

        /// <summary>x == y, a condition for <see cref="Select(Expr, Expr, Expr)"/>.</summary>
        public static Expr Equal(Expr x, Expr y) => new Compare(CompareOp.Equal, x, y);

        /// <summary>x ≤ y, a condition for <see cref="Select(Expr, Expr, Expr)"/>.</summary>
        public static Expr AtMost(Expr x, Expr y) => new Compare(CompareOp.LessThanOrEqual, x, y);

        /// <summary>x &lt; y, a condition for <see cref="Select(Expr, Expr, Expr)"/>.</summary>
        public static Expr Below(Expr x, Expr y) => new Compare(CompareOp.LessThan, x, y);

        /// <summary>x·log with 0·(anything) = 0.</summary>
        public static Expr XTimesLog(Expr x, Expr log) => new XTimesLog(x, log);
    }
}
