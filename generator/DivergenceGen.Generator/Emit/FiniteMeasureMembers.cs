using System;
using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Writes the members of <see cref="FiniteMeasures"/> (Jensen–Shannon, Hellinger, …) into a finite-support family's
    /// type: an instance member taking <c>in Self q</c> and, where the family has raw probability vectors, a static span
    /// form. How the sum is produced is the family shape's business (a kernel call, an inline sum over outcomes); the
    /// docs, argument checks and the finish come from the measure's description, so every family documents and
    /// finishes a measure the same way.
    /// </summary>
    internal sealed class FiniteMeasureMembers
    {
        private readonly EmitContext _c;
        private readonly SourceWriter _w;

        public FiniteMeasureMembers(EmitContext context)
        {
            _c = context;
            _w = context.W;
        }

        private string T => _c.T;

        private string Span => "global::System.ReadOnlySpan<" + T + ">";

        /// <summary>
        /// The instance members. <paramref name="sum"/> gives the C# of a kernel's double sum (the measure's, or its
        /// <see cref="FiniteMeasure.SecondKernel"/>) between this instance and <c>q</c>: a call, or the name of a local it has
        /// written statements for (<see cref="OutcomeSums"/>: <c>sum</c>, <c>sum2</c>); <paramref name="runtime"/> the C# of a
        /// runtime measure's value (Rényi: a call of its function on P's and Q's vectors) and the statements that set it up.
        /// </summary>
        /// <param name="sum">See above.</param>
        /// <param name="runtime">See above; null where <paramref name="value"/> gives every runtime measure.</param>
        /// <param name="value">Where not null and it returns C# for a measure: the statements it has written compute the measure
        /// (finished, in double), that C# is its value, and <paramref name="sum"/> and <paramref name="runtime"/> are not asked
        /// (a product family's closed forms).</param>
        /// <param name="remark">How this family computes a measure, where that differs from the description's method (plain
        /// text, appended to the summary), or null.</param>
        public void EmitInstanceMembers(
            Func<FiniteMeasure, string, string> sum,
            Func<FiniteMeasure, (string Expression, IReadOnlyList<string> Setup)>? runtime,
            Func<FiniteMeasure, string?>? value = null,
            Func<FiniteMeasure, string?>? remark = null)
        {
            foreach (var measure in FiniteMeasures.All)
            {
                string note = remark?.Invoke(measure) is { } text ? "\n" + SourceWriter.Escape(text) : string.Empty;
                _w.Summary(Summary(measure, "P is this instance and Q is <paramref name=\"q\"/>") + note);
                _w.Doc("<param name=\"q\">The second distribution Q.</param>");
                ParameterDocs(measure);
                _c.NullCheckDoc("q");
                _c.DefaultCheckDoc();
                using (_w.Block("public " + _c.ReadonlyMember + T + " " + measure.Member + "(in " + _c.Self + " q" + ParameterDeclaration(measure) + ")"))
                {
                    _c.NullCheck("q");
                    _c.DefaultCheck("q");
                    ParameterCheck(measure);
                    if (value?.Invoke(measure) is { } computed)
                    {
                        _w.Line("return " + Narrow(computed) + ";");
                    }
                    else if (measure.RuntimeFunction is not null)
                    {
                        var call = runtime!(measure);
                        foreach (var line in call.Setup)
                        {
                            _w.Line(line);
                        }

                        _w.Line("return " + call.Expression + ";");
                    }
                    else
                    {
                        string total = sum(measure, measure.Kernel);
                        if (total != "sum")
                        {
                            _w.Line("double sum = " + total + ";");
                        }

                        _w.Line("return " + Finish(measure, sum) + ";");
                    }
                }

                _w.Line();
            }
        }

        /// <summary>A double value as the type's <c>T</c>: <c>(float)(x)</c> for a float type.</summary>
        public string Narrow(string doubleValue) => _c.Narrow(doubleValue);

        /// <summary>
        /// The static forms on raw vectors of <paramref name="length"/> probabilities. <paramref name="sum"/> gives the C# of
        /// the measure's double sum of spans <c>p</c>, <c>q</c>: a kernel that checks every element in its pass, or, with
        /// <paramref name="checkFirst"/>, an expression that does not (the member checks the elements before it).
        /// </summary>
        /// <param name="length">The C# of the required length.</param>
        /// <param name="lengthText">The length for the docs (<c>K = 6</c>).</param>
        /// <param name="sum">The C# of a kernel's double sum of <c>p</c> and <c>q</c>.</param>
        /// <param name="checkFirst">Whether the member checks the elements itself, before the sum.</param>
        /// <param name="order">Which outcome each element is, for the docs where it is not obvious (<c>the outcomes 0, 1 in order</c>).</param>
        public void EmitRawMembers(string length, string lengthText, Func<FiniteMeasure, string, string> sum, bool checkFirst = false, string? order = null)
        {
            string rangeDoc = "<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is NaN, infinite, negative or above 1\n"
                + "(the message names the span, the index and the value)";
            foreach (var measure in FiniteMeasures.All)
            {
                _w.Summary(Summary(measure, "P and Q are the raw vectors <paramref name=\"p\"/> and <paramref name=\"q\"/> of " + lengthText + " probabilities"
                    + (order is null ? string.Empty : " (" + order + ")"))
                    + "\n" + "Every element must be a probability in [0, 1] (checked " + (checkFirst ? "first" : "in the same pass as the sum")
                    + "); the sums are not checked\nand the values are not renormalised.");
                _w.Doc("<param name=\"p\">" + lengthText + " probabilities of P.</param>");
                _w.Doc("<param name=\"q\">" + lengthText + " probabilities of Q.</param>");
                ParameterDocs(measure);
                _w.Doc("<exception cref=\"global::System.ArgumentException\">A span does not have length " + lengthText + ".</exception>");
                _w.Docs(rangeDoc + ".</exception>");
                using (_w.Block("public static " + T + " " + measure.Member + "(" + Span + " p, " + Span + " q" + ParameterDeclaration(measure) + ")"))
                {
                    _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, " + length + ", nameof(p));");
                    _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(q.Length, " + length + ", nameof(q));");
                    ParameterCheck(measure);
                    if (measure.RuntimeFunction is { } function)
                    {
                        _w.Line("return global::DivergenceGen." + function + "(p, q, " + measure.Parameter!.Name + ");"); // checks the elements
                    }
                    else
                    {
                        if (checkFirst)
                        {
                            _w.Line("global::DivergenceGen.Guard.ThrowIfAnyNotProbability(p, nameof(p));");
                            _w.Line("global::DivergenceGen.Guard.ThrowIfAnyNotProbability(q, nameof(q));");
                        }

                        string total = sum(measure, measure.Kernel);
                        if (total != "sum")
                        {
                            _w.Line("double sum = " + total + ";");
                        }

                        _w.Line("return " + Finish(measure, sum) + ";");
                    }
                }

                _w.Line();
            }
        }

        /// <summary>The summary's XML: the description's plain text, escaped, around <paramref name="which"/> (XML).</summary>
        private static string Summary(FiniteMeasure measure, string which) =>
            SourceWriter.Escape(measure.Definition) + ", where " + which + ".\n" + SourceWriter.Escape(measure.Conventions) + "\n" + SourceWriter.Escape(measure.Method);

        private void ParameterDocs(FiniteMeasure measure)
        {
            if (measure.Parameter is { } parameter)
            {
                _w.Doc("<param name=\"" + parameter.Name + "\">" + parameter.Doc + "</param>");
                _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">" + parameter.Exception + "</exception>");
            }
        }

        private string ParameterDeclaration(FiniteMeasure measure) =>
            measure.Parameter is { } parameter ? ", " + T + " " + parameter.Name : string.Empty;

        private void ParameterCheck(FiniteMeasure measure)
        {
            if (measure.Parameter is { Check.Length: > 0 } parameter)
            {
                _w.Line(string.Format(System.Globalization.CultureInfo.InvariantCulture, parameter.Check, parameter.Name) + ";");
            }
        }

        /// <summary>
        /// The measure's finish of the double <c>sum</c> (and of the second kernel's, called where the finish reads it), in
        /// double, rounded once to float for a float type.
        /// </summary>
        private string Finish(FiniteMeasure measure, Func<FiniteMeasure, string, string> sum)
        {
            string? second = measure.SecondKernel is { } kernel ? sum(measure, kernel) : null;
            return FinishOf(measure, _c.Spec.Precision, "sum", second);
        }

        /// <summary>
        /// The C# of a measure's finish of the double sum named <paramref name="sum"/> (and of <paramref name="second"/>, the
        /// C# of its second kernel's sum, if it has one), in double, rounded once to float for a float type.
        /// </summary>
        public static string FinishOf(FiniteMeasure measure, PrecisionKind precision, string sum, string? second = null)
        {
            string text = new ScalarLowering(PrecisionKind.Double, name => name == "sum" ? sum : name == "sum2" ? second! : name).Lower(measure.Finish);
            return precision == PrecisionKind.Single ? "(float)(" + text + ")" : text;
        }
    }

    /// <summary>
    /// Sums of a measure's term over a short list of outcomes as readable statements, for families without kernels
    /// (two outcomes, say): per outcome k the locals pₖ, qₖ, dₖ (once per member) and the term's lets (mₖ, hₖ, …), then
    /// <c>double sum = t₀ + t₁ + …</c>. In double; the names that are not locals are bound by the family's lowering.
    /// </summary>
    internal sealed class OutcomeSums
    {
        private readonly SourceWriter _w;
        private readonly IReadOnlyList<(Expr P, Expr Q, Expr D)> _outcomes;
        private readonly Func<string, string> _bind;
        private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

        /// <param name="writer">Where the statements go.</param>
        /// <param name="outcomes">Per outcome, p, q and d = p − q as IR in the family's names.</param>
        /// <param name="bind">The C# of a family name (a field, Q's field, a span element).</param>
        public OutcomeSums(SourceWriter writer, IReadOnlyList<(Expr P, Expr Q, Expr D)> outcomes, Func<string, string> bind)
        {
            _w = writer;
            _outcomes = outcomes;
            _bind = bind;
        }

        private ScalarLowering LoweringWith(Func<string, string> bind) => new(PrecisionKind.Double, name => _defined.Contains(name) ? name : bind(name));

        /// <summary>
        /// Writes the statements of <paramref name="kernel"/>'s sum into a local named <paramref name="variable"/>; returns its
        /// name. <paramref name="argument"/>: the C# of the kernel's parameter where the member fixes it (Jeffreys: PSI's ε = 0).
        /// </summary>
        public string Write(string kernel, string variable, string? argument = null)
        {
            var measure = FiniteMeasures.OfKernel(kernel);
            var bind = _bind;
            if (argument is not null && measure.Parameter is { } fixedParameter)
            {
                bind = name => name == fixedParameter.Name ? argument : _bind(name);
            }
            var read = Substitution.Names(measure.InlineTerm!); // p, q and d only where the term (or a let) reads them
            var names = new[] { "p", "q", "d" }.Where(read.Contains).Concat(measure.Lets.Select(l => l.Name)).ToList();
            string Local(string name, int k) => name + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Expr Rename(Expr e, int k) => Substitution.Rename(e, n => names.Contains(n) ? Local(n, k) : n);
            var terms = new List<Expr>();
            for (int k = 0; k < _outcomes.Count; k++)
            {
                var (p, q, d) = _outcomes[k];
                foreach (var (name, value) in new[] { ("p", p), ("q", q), ("d", d) }.Where(v => read.Contains(v.Item1)).Concat(measure.Lets.Select(l => (l.Name, Rename(l.Value, k)))))
                {
                    if (_defined.Add(Local(name, k)))
                    {
                        _w.Line("double " + Local(name, k) + " = " + LoweringWith(bind).Lower(value) + ";");
                    }
                }

                terms.Add(Rename(measure.Term!, k));
            }

            // t₀ + (t₁) + (t₂) …: each outcome's term grouped (the lowering parenthesises a right operand that is itself a sum),
            // so a term symmetric in P and Q (Jeffreys' bd0(p, q) + bd0(q, p)) gives the same bits for (P, Q) and (Q, P).
            _w.Line("double " + variable + " = " + LoweringWith(bind).LowerTerm(terms.Aggregate((sum, term) => sum + term)) + ";");
            return variable;
        }

        /// <summary>
        /// A runtime measure's call (Rényi) on the outcomes' vectors, in double: P, the log-ratios ln(p/q), each from the exact
        /// difference where the family has one (so the measure keeps its accuracy where the parameters nearly agree), and the
        /// differences; with the statements that set the vectors up.
        /// </summary>
        public (string Call, IReadOnlyList<string> Setup) RuntimeCall(FiniteMeasure measure)
        {
            var lowering = new ScalarLowering(PrecisionKind.Double, _bind);
            string probabilities = string.Join(", ", _outcomes.Select(o => lowering.Lower(o.P)));
            string logRatios = string.Join(", ", _outcomes.Select(o => lowering.Lower(FiniteMeasures.LogRatioOf(o.P, o.Q, o.D))));
            string differences = string.Join(", ", _outcomes.Select(o => lowering.Lower(o.D)));
            return ("global::DivergenceGen." + measure.RuntimeFunction + "OfLogRatios(pVector, logRatios, differences, " + measure.Parameter!.Name + ")", new[]
            {
                "global::System.ReadOnlySpan<double> pVector = stackalloc double[] { " + probabilities + " };",
                "global::System.ReadOnlySpan<double> logRatios = stackalloc double[] { " + logRatios + " };",
                "global::System.ReadOnlySpan<double> differences = stackalloc double[] { " + differences + " }; // P(k) − Q(k), exact",
            });
        }

        /// <summary>
        /// Writes the statements of a measure's value between the outcomes' laws and returns its C# (finished, in double): its
        /// sums into locals named <paramref name="sum"/> (and <paramref name="sum"/>2) and its finish, or its runtime call.
        /// </summary>
        public string Value(FiniteMeasure measure, string sum)
        {
            if (measure.RuntimeFunction is not null)
            {
                var (call, setup) = RuntimeCall(measure);
                foreach (var line in setup)
                {
                    _w.Line(line);
                }

                return call;
            }

            Write(measure.Kernel, sum, measure.KernelArgument is { } v ? Lowering.Literal(v, PrecisionKind.Double) : null);
            string? second = measure.SecondKernel is { } kernel ? Write(kernel, sum + "2") : null;
            return FiniteMeasureMembers.FinishOf(measure, PrecisionKind.Double, sum, second);
        }
    }
}

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Sums of a measure's term over the outcomes k = lo … hi of a count family's finite support (0 … n), as a loop:
    /// per k the locals pk, qk, dk = pk − qk (and lpk, lqk for a <see cref="FiniteMeasure.LogTerm"/>) and the term's lets,
    /// in double. The caller gives the C# of P(k) and Q(k), or of ln P(k) and ln Q(k) (then P(k) = exp(ln P(k))), with
    /// <c>{0}</c> standing for k, and has set the ints <c>lo</c> and <c>hi</c>.
    /// </summary>
    internal sealed class SupportSums
    {
        private readonly SourceWriter _w;
        private readonly string _p;
        private readonly string _q;
        private readonly bool _logs;
        private readonly (string Setup, string Value)? _difference;

        /// <param name="writer">Where the statements go.</param>
        /// <param name="p">The C# of P(k), or of ln P(k) with <paramref name="logs"/>; <c>{0}</c> for k.</param>
        /// <param name="q">The same for Q.</param>
        /// <param name="logs">Whether <paramref name="p"/> and <paramref name="q"/> are log-probabilities.</param>
        /// <param name="difference">A statement and the C# of d = P(k) − Q(k) after it, from the locals <c>pk</c>, <c>qk</c> and
        /// <c>k</c>, where the family knows d better than the subtraction of two rounded pmfs (a count of factor draws: from
        /// the exact log-ratio); null for <c>pk − qk</c>.</param>
        public SupportSums(SourceWriter writer, string p, string q, bool logs, (string Setup, string Value)? difference = null)
        {
            _w = writer;
            _p = p;
            _q = q;
            _logs = logs;
            _difference = difference;
        }

        /// <summary>
        /// Writes the loop summing <paramref name="kernel"/>'s term (its <see cref="FiniteMeasure.LogTerm"/> with
        /// <paramref name="logDomain"/>) into a local named <paramref name="variable"/>; returns its name.
        /// <paramref name="argument"/>: the C# of the kernel's parameter where the member fixes it (Jeffreys: PSI's ε = 0).
        /// </summary>
        public string Write(string kernel, string variable, string? argument = null, bool logDomain = false)
        {
            var measure = FiniteMeasures.OfKernel(kernel);
            var lets = logDomain ? measure.LogLets! : measure.Lets;
            var term = logDomain ? measure.LogTerm! : measure.Term!;
            var names = lets.Select(l => l.Name).Concat(new[] { "p", "q", "d", "lp", "lq" }).ToList();
            Expr Rename(Expr e) => Substitution.Rename(e, n => names.Contains(n) ? n + "k" : n);
            var lowering = new ScalarLowering(PrecisionKind.Double, name => argument is not null && name == measure.Parameter?.Name ? argument : name);
            var read = new HashSet<string>(lets.SelectMany(l => Substitution.Names(l.Value)).Concat(Substitution.Names(term)));
            bool d = read.Contains("d");
            bool p = d || read.Contains("p");
            bool q = d || read.Contains("q");
            string At(string format) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, "k");
            _w.Line("double " + variable + " = 0d;");
            using (_w.Block("for (long i = lo; i <= hi; i++) // long: hi may be int.MaxValue"))
            {
                _w.Line("int k = (int)i;");
                if (_logs && (read.Contains("lp") || read.Contains("lq")))
                {
                    _w.Line("double lpk = " + At(_p) + ", lqk = " + At(_q) + ";");
                    _w.Line("double pk = global::System.Math.Exp(lpk), qk = global::System.Math.Exp(lqk);");
                }
                else
                {
                    if (p)
                    {
                        _w.Line("double pk = " + (_logs ? "global::System.Math.Exp(" + At(_p) + ")" : At(_p)) + ";");
                    }

                    if (q)
                    {
                        _w.Line("double qk = " + (_logs ? "global::System.Math.Exp(" + At(_q) + ")" : At(_q)) + ";");
                    }
                }

                if (d)
                {
                    if (_difference is { } exact)
                    {
                        _w.Line(exact.Setup);
                    }

                    _w.Line("double dk = " + (_difference?.Value ?? "pk - qk") + ";");
                }

                foreach (var let in lets)
                {
                    _w.Line("double " + let.Name + "k = " + lowering.Lower(Rename(let.Value)) + ";");
                }

                _w.Line(variable + " += " + lowering.LowerTerm(Rename(term)) + ";");
            }

            return variable;
        }
    }
}
