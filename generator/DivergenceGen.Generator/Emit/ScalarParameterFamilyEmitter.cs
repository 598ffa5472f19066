using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Emits a family described by <see cref="ScalarParameterFamily"/>: scalar parameters and a short finite list of
    /// outcomes. Every member is derived from the description: nothing here names a family.
    /// </summary>
    internal sealed class ScalarParameterFamilyEmitter
    {
        private readonly EmitContext _c;
        private readonly ScalarParameterFamily _f;
        private readonly SourceWriter _w;

        public ScalarParameterFamilyEmitter(EmitContext context, ScalarParameterFamily family)
        {
            _c = context;
            _f = family;
            _w = context.W;
        }

        private string T => _c.T;


        /// <summary><c>readonly </c> on an instance member of a struct that is not itself readonly (no defensive copies of <c>this</c> or of an <c>in</c> argument).</summary>

        private string Readonly => _c.ReadonlyMember;

        private string Self => _c.Self;

        /// <summary>The file's kernel class, as the members reach it.</summary>
        private string Kernels => FileFrame.Kernels(Self);

        private ScalarParameter Parameter => _f.Parameters[0];

        /// <summary>The support as C# for doc comments, e.g. {0, 1}.</summary>
        private string Support => "{" + string.Join(", ", _f.Outcomes.Select(o => o.Value.ToString(CultureInfo.InvariantCulture))) + "}";

        /// <summary>Instance members read fields: <c>p</c> → <c>_p</c>, <c>q.logP</c> → <c>q._logP</c>.</summary>
        private ScalarLowering Fields => new(_c.Spec.Precision, name => name.StartsWith("q.", StringComparison.Ordinal) ? "q._" + name.Substring(2) : "_" + name);

        public void Emit(string version)
        {
            _w.Line(Emitter.GeneratedCodeAttribute(version));
            using (_w.Block(_c.DeclarationKeywords + " " + Self + " : " + _f.InterfaceName + "<" + Self + ", " + T + ">"))
            {
                EmitState();
                EmitDefaultDetection();
                EmitConstruction();
                EmitProperties();
                EmitPointMembers();
                EmitMeasures();
                EmitToolkit();
                EmitBatchLogPmf();
                EmitBatchMeasures();
                EmitFit();
                EmitSampling();
                EmitToString();
            }
        }

        /// <summary>The user's own <c>ToString()</c> wins; otherwise the family and its parameters.</summary>
        private void EmitToString() => Members.EmitToString();

        private void EmitState()
        {
            _w.Line("// " + _f.Name + ": parameters, and what is cached per instance (computed once, in the constructor),");
            _w.Line("// so that log-pmf, entropy, KL and cross-entropy take no logarithm at call time.");
            Members.EmitFields(_f.Cached, T);
        }

        private ScalarParameterMembers Members => new ScalarParameterMembers(_c, _f.Name, _f.Parameters);

        private void EmitDefaultDetection() =>
            Members.EmitDefaultDetection(_f.Cached, null, "describe a cached log of a parameter that may be 0.");

        private void EmitConstruction()
        {
            var p = Parameter;
            _w.Summary("Creates " + _f.Name + "(" + p.Name + "). " + _f.Summary);
            _w.Doc("<param name=\"" + p.Name + "\">" + SourceWriter.Escape(p.Meaning) + "</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"" + p.Name + "\"/> is " + ParameterChecks.InvalidText(p.Domain) + ".</exception>");
            using (_w.Block("public " + Self + "(" + T + " " + p.Name + ")"))
            {
                _w.Line(ParameterChecks.ThrowIfInvalid(p.Domain) + "(" + p.Name + ", nameof(" + p.Name + "));");
                _w.Line("_" + p.Name + " = " + p.Name + ";");
                var bind = new ScalarLowering(_c.Spec.Precision, name => name);
                foreach (var cached in _f.Cached)
                {
                    _w.Line("_" + cached.Name + " = " + bind.Lower(cached.Value) + ";");
                }
            }

            _w.Line();
            _w.Summary("Creates " + _f.Name + "(" + p.Name + ") if " + p.Name + " is valid; returns false (and default) instead of throwing otherwise.");
            _w.Doc("<param name=\"" + p.Name + "\">" + SourceWriter.Escape(p.Meaning) + "</param>");
            _w.Doc("<param name=\"result\">The distribution, or <c>default</c> when <paramref name=\"" + p.Name + "\"/> is invalid.</param>");
            _w.Doc("<returns>Whether <paramref name=\"" + p.Name + "\"/> was valid.</returns>");
            using (_w.Block("public static bool TryCreate(" + T + " " + p.Name + ", " + EmitContext.MaybeNullWhenFalse + "out " + Self + " result)"))
            {
                using (_w.Block("if (!" + ParameterChecks.IsValid(p.Domain) + "(" + p.Name + "))"))
                {
                    _w.Line("result = default!;");
                    _w.Line("return false;");
                }

                _w.Line("result = new " + Self + "(" + p.Name + ");");
                _w.Line("return true;");
            }

            _w.Line();
        }

        private void EmitProperties()
        {
            foreach (var p in _f.Parameters)
            {
                _w.Summary(p.Meaning);
                _c.ExpressionMember("public " + Readonly + T + " " + p.PropertyName, "_" + p.Name, isProperty: true);
                _w.Line();
            }

            foreach (var moment in _f.Moments)
            {
                _w.Summary(moment.Formula + ".");
                _c.ExpressionMember("public " + Readonly + T + " " + moment.Name, Fields.Lower(moment.Value), isProperty: true);
                _w.Line();
            }
        }

        private void EmitPointMembers()
        {
            var fields = Fields;
            _w.Summary("log P(X = k): the cached log-probability of an outcome in " + Support + "; −∞ for any other k.");
            _w.Doc("<param name=\"k\">The outcome.</param>");
            using (SwitchMember("public " + Readonly + T + " LogPmf(int k)"))
            {
                foreach (var o in _f.Outcomes)
                {
                    _w.Line(o.Value.ToString(CultureInfo.InvariantCulture) + " => " + fields.Lower(o.LogProbability) + ",");
                }

                _w.Line("_ => " + T + ".NegativeInfinity,");
            }

            _w.Line();
            _w.Summary("P(X = k) for an outcome in " + Support + "; 0 for any other k.");
            _w.Doc("<param name=\"k\">The outcome.</param>");
            using (SwitchMember("public " + Readonly + T + " Pmf(int k)"))
            {
                foreach (var o in _f.Outcomes)
                {
                    _w.Line(o.Value.ToString(CultureInfo.InvariantCulture) + " => " + fields.Lower(o.Probability) + ",");
                }

                _w.Line("_ => " + _c.Literal(0) + ",");
            }

            _w.Line();
            _w.Summary("Σᵢ log P(X = outcomesᵢ), the log-likelihood of independent outcomes, from the count of each outcome:\n"
                + "Σₖ countₖ·log P(X = k) with 0·log 0 = 0. −∞ if an outcome is outside " + Support + " or has probability 0; 0 for no outcomes.");
            _w.Doc("<param name=\"outcomes\">The observed outcomes.</param>");
            using (_w.Block("public " + Readonly + T + " LogLikelihood(global::System.ReadOnlySpan<int> outcomes)"))
            {
                _c.DefaultCheck();
                EmitCounting(onOther: "return " + T + ".NegativeInfinity;");

                var counts = new ScalarLowering(_c.Spec.Precision, name => name.StartsWith("count", StringComparison.Ordinal) ? "(" + T + ")" + name : "_" + name);
                var sum = _f.Outcomes
                    .Select(o => (Expr)E.XTimesLog(E.Ref("count" + o.Value.ToString(CultureInfo.InvariantCulture)), o.LogProbability))
                    .Aggregate((a, b) => a + b);
                _w.Line("return " + counts.Lower(sum) + ";");
            }

            _w.Line();
        }

        /// <summary>
        /// <c>declaration => k switch { … };</c>; for a struct, <c>{ ThrowIfDefault(); return k switch { … }; }</c>. The
        /// caller writes the arms inside the returned block.
        /// </summary>
        private IDisposable SwitchMember(string declaration)
        {
            if (!_c.Spec.Type.IsStruct)
            {
                return _w.Block(declaration + " => k switch", "};");
            }

            var body = _w.Block(declaration);
            _c.DefaultCheck();
            var arms = _w.Block("return k switch", "};");
            return new Both(arms, body);
        }

        private sealed class Both : IDisposable
        {
            private readonly IDisposable _inner;
            private readonly IDisposable _outer;

            public Both(IDisposable inner, IDisposable outer)
            {
                _inner = inner;
                _outer = outer;
            }

            public void Dispose()
            {
                _inner.Dispose();
                _outer.Dispose();
            }
        }

        /// <summary>Writes <c>long count0 = 0, …;</c> and a loop counting each outcome.</summary>
        private void EmitCounting(string onOther)
        {
            _w.Line("long " + string.Join(", ", _f.Outcomes.Select(o => "count" + o.Value.ToString(CultureInfo.InvariantCulture) + " = 0")) + ";");
            using (_w.Block("for (int i = 0; i < outcomes.Length; i++)"))
            using (_w.Block("switch (outcomes[i])"))
            {
                foreach (var o in _f.Outcomes)
                {
                    string v = o.Value.ToString(CultureInfo.InvariantCulture);
                    _w.Line("case " + v + ": count" + v + "++; break;");
                }

                _w.Line("default: " + onOther);
            }
        }

        /// <summary>Σ over the outcomes of a term built from P's and Q's outcome formulas.</summary>
        private Expr SumOverOutcomes(Func<Outcome, Outcome, Expr> term) =>
            _f.Outcomes
                .Select(o => term(o, new Outcome(o.Value, Substitution.ForQ(o.Probability), Substitution.ForQ(o.LogProbability))))
                .Aggregate((a, b) => a + b);

        private Expr EntropyExpr => 0.0 - SumOverOutcomes((p, _) => InformationMeasures.EntropyTerm(p.Probability, p.LogProbability));

        private Expr KLExpr => SumOverOutcomes((p, q) => InformationMeasures.KLDivergenceTerm(p.Probability, p.LogProbability, q.LogProbability));

        private Expr CrossEntropyExpr => 0.0 - SumOverOutcomes((p, q) => InformationMeasures.CrossEntropyTerm(p.Probability, q.LogProbability));

        private void EmitMeasures()
        {
            var fields = Fields;
            _w.Summary("The entropy in nats, " + _f.EntropyFormula + ", with 0·log 0 = 0 (so 0 at p ∈ {0, 1}).\n"
                + "Uses the cached logarithms: no logarithm is taken here.");
            _c.ExpressionMember("public " + Readonly + T + " Entropy()", fields.Lower(EntropyExpr));
            _w.Line();

            _w.Summary("The Kullback–Leibler divergence in nats, " + _f.KLFormula + ", where P is this instance.\n"
                + (_f.ClosedFormKLMethod is null ? string.Empty : _f.ClosedFormKLMethod + "\n")
                + "0·log(0/q) = 0; +∞ (never NaN) where Q gives probability 0 to an outcome P can produce; "
                + "never negative (a negative rounding residue is returned as 0).");
            using (_c.QMember("public " + Readonly + T + " KLDivergence(in " + Self + " q)"))
            {
                _w.Line(T + " d = " + fields.Lower(_f.ClosedFormKLDivergence ?? KLExpr) + ";");
                _w.Line("return d > " + _c.Literal(0) + " ? d : " + _c.Literal(0) + ";");
            }

            _w.Line();
            _w.Summary("The cross-entropy in nats, " + _f.CrossEntropyFormula + " = H(P) + D(P‖Q), where P is this instance.\n"
                + "0·log q = 0; +∞ where Q gives probability 0 to an outcome P can produce.");
            using (_c.QMember("public " + Readonly + T + " CrossEntropy(in " + Self + " q)"))
            {
                _w.Line("return " + fields.Lower(CrossEntropyExpr) + ";");
            }

            _w.Line();
        }

        /// <summary>
        /// The divergence toolkit (<see cref="FiniteMeasures"/>): each measure's term summed over the outcomes, with p, q and
        /// d = p − q replaced by the outcome's probabilities under P and Q and its <see cref="Outcome.DifferenceFromQ"/>, in
        /// double; the raw-vector forms read the outcomes' probabilities from two spans in the order of the support.
        /// </summary>
        private void EmitToolkit()
        {
            var members = new FiniteMeasureMembers(_c);
            string FieldOf(string name) => name.StartsWith("q.", StringComparison.Ordinal) ? "q._" + name.Substring(2) : name == "epsilon" ? name : "_" + name;
            var ofInstance = _f.Outcomes
                .Select(o => (o.Probability, Substitution.ForQ(o.Probability), o.DifferenceFromQ ?? o.Probability - Substitution.ForQ(o.Probability)))
                .ToList();
            OutcomeSums? sums = null;
            members.EmitInstanceMembers(
                (m, kernel) =>
                {
                    sums = kernel == m.Kernel ? new OutcomeSums(_w, ofInstance, FieldOf) : sums!; // a member's second sum shares its locals
                    return sums.Write(kernel, kernel == m.Kernel ? "sum" : "sum2", kernel == m.Kernel && m.KernelArgument is { } v ? Lowering.Literal(v, Model.PrecisionKind.Double) : null);
                },
                m =>
                {
                    // The vector of P and the log-ratios ln(p/q) of the outcomes, in double, each from the exact difference
                    // where the family has one (so Rényi keeps its accuracy where the parameters nearly agree).
                    var (call, setup) = new OutcomeSums(_w, ofInstance, FieldOf).RuntimeCall(m);
                    return (_c.Spec.Precision == Model.PrecisionKind.Single ? "(float)" + call : call, setup);
                });

            // Raw forms: pN is element N of the span p, widened to double.
            var ofSpans = _f.Outcomes
                .Select((_, i) =>
                {
                    string index = i.ToString(CultureInfo.InvariantCulture);
                    Expr p = E.Ref("p[" + index + "]");
                    Expr q = E.Ref("q[" + index + "]");
                    return (p, q, p - q);
                })
                .ToList();
            string count = _f.Outcomes.Count.ToString(CultureInfo.InvariantCulture);
            members.EmitRawMembers(
                count,
                count,
                (m, kernel) =>
                {
                    sums = kernel == m.Kernel ? new OutcomeSums(_w, ofSpans, name => name.StartsWith("p[", StringComparison.Ordinal) || name.StartsWith("q[", StringComparison.Ordinal) ? "(double)" + name : name) : sums!;
                    return sums.Write(kernel, kernel == m.Kernel ? "sum" : "sum2", kernel == m.Kernel && m.KernelArgument is { } v ? Lowering.Literal(v, Model.PrecisionKind.Double) : null);
                },
                checkFirst: true,
                order: "the outcomes " + string.Join(", ", _f.Outcomes.Select(o => o.Value.ToString(CultureInfo.InvariantCulture))) + " in order");
        }

        /// <summary>Names in batch kernels: P's quantities are <c>x…</c> locals, Q's are <c>y…</c> locals.</summary>
        private static string BatchLocal(string name) =>
            name.StartsWith("q.", StringComparison.Ordinal) ? "y" + Pascal(name.Substring(2)) : "x" + Pascal(name);

        private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

        private void EmitBatchLogPmf()
        {
            _w.Summary("destinationᵢ = log P(X = outcomesᵢ) for every outcome (−∞ outside " + Support + "), vectorised:\n"
                + "each outcome is compared with the support and the cached log-probability selected, no logarithm taken.");
            _w.Doc("<param name=\"outcomes\">The outcomes.</param>");
            _w.Doc("<param name=\"destination\">Receives one log-probability per outcome; at least as long as <paramref name=\"outcomes\"/>.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than <paramref name=\"outcomes\"/>.</exception>");
            using (_w.Block("public " + Readonly + "void LogPmf(global::System.ReadOnlySpan<int> outcomes, global::System.Span<" + T + "> destination)"))
            {
                _c.DefaultCheck();
                _w.Line("global::DivergenceGen.Guard.ThrowIfDestinationTooShort(outcomes.Length, destination.Length);");
                var fields = Fields;
                _w.Line(Kernels + ".LogPmf(outcomes, destination, " + string.Join(", ", _f.Outcomes.Select(o => fields.Lower(o.LogProbability))) + ");");
            }

            _w.Line();
        }

        /// <summary>The parameter of the batch log-pmf kernel that carries the cached log-probability of an outcome.</summary>
        private static string LogPmfOf(Outcome o) => "logPmf" + o.Value.ToString(CultureInfo.InvariantCulture);

        /// <summary>The batch log-pmf's loops: each outcome compared with the support, its log-probability (a parameter) selected.</summary>
        private void EmitBatchLogPmfKernel()
        {
            var parameters = new List<(string, string)> { ("global::System.ReadOnlySpan<int>", "outcomes"), ("global::System.Span<" + T + ">", "destination") };
            parameters.AddRange(_f.Outcomes.Select(o => (T, LogPmfOf(o))));
            VectorLoops.ElementwiseKernel(
                _c,
                "LogPmf",
                "destinationᵢ = log P(X = outcomesᵢ): logPmfₖ where outcomesᵢ = k in " + Support + ", −∞ elsewhere. Callers have checked the lengths.",
                parameters,
                "outcomes.Length",
                twoPass: false,
                () =>
                {
                    _w.Line("ref int kRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(outcomes);");
                    _w.Line("ref " + T + " dRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);");
                },
                (v, _) =>
                {
                    if (v is null)
                    {
                        _w.Line("destination[i] = outcomes[i] switch { " + string.Join(", ", _f.Outcomes.Select(o => o.Value.ToString(CultureInfo.InvariantCulture) + " => " + LogPmfOf(o)))
                            + ", _ => " + T + ".NegativeInfinity };");
                        return;
                    }

                    // Outcomes are compared as integers of the element's width, so the mask lines up with the lanes.
                    bool isDouble = _c.Spec.Precision == Model.PrecisionKind.Double;
                    string integer = isDouble ? "long" : "int";
                    string load = isDouble
                        ? v.Vector + ".WidenLower(" + VectorLowering.VectorClass(v.Bits / 2) + ".ToVector" + v.Bits.ToString(CultureInfo.InvariantCulture) + "Unsafe("
                            + VectorLowering.VectorClass(v.Bits / 2) + ".LoadUnsafe(ref kRef, (nuint)i)))"
                        : v.Vector + ".LoadUnsafe(ref kRef, (nuint)i)";
                    _w.Line("var k = " + load + ";");
                    _w.Line("var logPmf = " + v.Vector + ".Create(" + T + ".NegativeInfinity);");
                    foreach (var o in _f.Outcomes)
                    {
                        string value = o.Value.ToString(CultureInfo.InvariantCulture) + (isDouble ? "L" : string.Empty);
                        _w.Line("logPmf = " + v.Vector + ".ConditionalSelect(" + v.Vector + (isDouble ? ".AsDouble(" : ".AsSingle(") + v.Vector + ".Equals(k, " + v.Vector + ".Create((" + integer + ")" + value + ")))"
                            + ", " + v.Vector + ".Create(" + LogPmfOf(o) + "), logPmf);");
                    }

                    _w.Line(v.Vector + ".StoreUnsafe(logPmf, ref dRef, (nuint)i);");
                },
                BatchLocal);
        }

        /// <summary>The batch measures: member name, doc, whether it reads a second parameter, formula, whether a negative residue is 0.</summary>
        private IEnumerable<(string Name, string Summary, bool Two, Expr Formula, bool ClampAtZero)> BatchMeasures()
        {
            yield return (
                "KLDivergence",
                "destinationᵢ = D(" + _f.Name + "(pᵢ)‖" + _f.Name + "(qᵢ)) for many pairs at once, vectorised; each as " + _f.KLFormula + "\n"
                + "with the conventions of the instance member (0·log 0 = 0, +∞ where qᵢ excludes an outcome pᵢ allows, never negative)."
                + (_f.ClosedFormKLMethod is null ? string.Empty : "\n" + _f.ClosedFormKLMethod),
                true,
                _f.ClosedFormKLDivergence ?? KLExpr,
                true);
            yield return (
                "Entropy",
                "destinationᵢ = H(" + _f.Name + "(pᵢ)) for many distributions at once, vectorised; each as " + _f.EntropyFormula + " with 0·log 0 = 0.",
                false,
                EntropyExpr,
                false);
        }

        private void EmitBatchMeasures()
        {
            foreach (var (name, summary, two, _, _) in BatchMeasures())
            {
                EmitBatch(name, summary, two);
            }
        }

        /// <summary>A batch member: the argument checks, then one call of its kernel.</summary>
        private void EmitBatch(string name, string summary, bool two)
        {
            var p = Parameter;
            _w.Summary(summary);
            _w.Doc("<param name=\"p\">The parameter " + p.Name + " of each first distribution, each in [0, 1].</param>");
            if (two)
            {
                _w.Doc("<param name=\"q\">The parameter of each second distribution, each in [0, 1]; as long as <paramref name=\"p\"/>.</param>");
            }

            _w.Doc("<param name=\"destination\">Receives one value per element of <paramref name=\"p\"/>.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\">"
                + (two ? "<paramref name=\"q\"/> and <paramref name=\"p\"/> differ in length, or " : string.Empty)
                + "<paramref name=\"destination\"/> is too short.</exception>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is " + ParameterChecks.InvalidText(Parameter.Domain) + " (the message names its index).</exception>");
            using (_w.Block("public static void " + name + "(" + string.Join(", ", BatchParameters(two).Select(b => b.Type + " " + b.Name)) + ")"))
            {
                if (two)
                {
                    _w.Line("global::DivergenceGen.Guard.ThrowIfLengthsDiffer(p.Length, q.Length);");
                }

                _w.Line("global::DivergenceGen.Guard.ThrowIfDestinationTooShort(p.Length, destination.Length);");
                _w.Line(ParameterChecks.ThrowIfAnyInvalid(Parameter.Domain) + "(p, nameof(p));");
                if (two)
                {
                    _w.Line(ParameterChecks.ThrowIfAnyInvalid(Parameter.Domain) + "(q, nameof(q));");
                }

                _w.Line(Kernels + "." + name + "(" + (two ? "p, q, destination" : "p, destination") + ");");
            }

            _w.Line();
        }

        private List<(string Type, string Name)> BatchParameters(bool two)
        {
            var parameters = new List<(string Type, string Name)> { ("global::System.ReadOnlySpan<" + T + ">", "p") };
            if (two)
            {
                parameters.Add(("global::System.ReadOnlySpan<" + T + ">", "q"));
            }

            parameters.Add(("global::System.Span<" + T + ">", "destination"));
            return parameters;
        }

        /// <summary>
        /// The file's kernels (<see cref="FileFrame"/>): the loops of the batch members, pure functions of spans and of the
        /// cached values the members pass.
        /// </summary>
        public void EmitKernels()
        {
            EmitBatchLogPmfKernel();
            foreach (var (name, summary, two, formula, clampAtZero) in BatchMeasures())
            {
                EmitBatchKernel(name, two, formula, clampAtZero);
            }
        }

        /// <summary>A batch measure's loops: per element, the parameters loaded, the cached quantities the formula reads, the formula.</summary>
        private void EmitBatchKernel(string name, bool two, Expr formula, bool clampAtZero)
        {
            var p = Parameter;
            Expr full = Substitution.Replace(formula, n =>
                _f.Cached.FirstOrDefault(c => c.Name == n)?.Value
                ?? (_f.Cached.FirstOrDefault(c => "q." + c.Name == n) is { } qc ? Substitution.ForQ(qc.Value) : null));
            VectorLoops.ElementwiseKernel(
                _c,
                name,
                name + (two
                    ? " of each pair of elements; x…: the first distribution's parameter and cached quantities, y…: the second's."
                    : " of each element; x…: the distribution's parameter and cached quantities.")
                + " Callers have checked every length and element.",
                BatchParameters(two),
                "p.Length",
                twoPass: _c.VectorWidths.Length > 0 && KernelPasses.Applies(full),
                () =>
                {
                    _w.Line("ref " + T + " pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);");
                    if (two)
                    {
                        _w.Line("ref " + T + " qRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(q);");
                    }

                    _w.Line("ref " + T + " dRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);");
                },
                (v, returnOnNaN) =>
                {
                    Lowering lowering = v ?? (Lowering)new ScalarLowering(_c.Spec.Precision, BatchLocal);
                    _w.Line("var " + BatchLocal(p.Name) + " = " + (v is null ? "p[i]" : v.Vector + ".LoadUnsafe(ref pRef, (nuint)i)") + ";");
                    if (two)
                    {
                        _w.Line("var " + BatchLocal("q." + p.Name) + " = " + (v is null ? "q[i]" : v.Vector + ".LoadUnsafe(ref qRef, (nuint)i)") + ";");
                    }

                    // Only the cached quantities the formula reads are computed per lane.
                    var used = Substitution.Names(formula);
                    foreach (var cached in _f.Cached)
                    {
                        if (used.Contains(cached.Name))
                        {
                            _w.Line("var " + BatchLocal(cached.Name) + " = " + lowering.Lower(cached.Value) + ";");
                        }

                        if (two && used.Contains("q." + cached.Name))
                        {
                            _w.Line("var " + BatchLocal("q." + cached.Name) + " = " + lowering.Lower(Substitution.ForQ(cached.Value)) + ";");
                        }
                    }

                    _w.Line("var value = " + lowering.Lower(formula) + ";");
                    if (v is null)
                    {
                        _w.Line("destination[i] = " + (clampAtZero ? "value > " + _c.Literal(0) + " ? value : " + _c.Literal(0) : "value") + ";");
                        return;
                    }

                    if (returnOnNaN)
                    {
                        VectorLoops.ReturnOnNaN(_w, v, "value");
                    }

                    if (clampAtZero)
                    {
                        _w.Line("value = " + v.Vector + ".Max(value, " + v.VectorType + ".Zero); // a negative rounding residue is 0");
                    }

                    _w.Line(v.Vector + ".StoreUnsafe(value, ref dRef, (nuint)i);");
                },
                BatchLocal);
        }

        private void EmitFit()
        {
            _w.Summary("The maximum-likelihood " + _f.Name + " for independent outcomes: " + _f.FitFormula + ".");
            _w.Doc("<param name=\"outcomes\">The observed outcomes, each in " + Support + ".</param>");
            _w.Doc("<returns>The fitted distribution.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"outcomes\"/> is empty.</exception>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An outcome is outside " + Support + " (the message names its index).</exception>");
            using (_w.Block("public static " + Self + " Fit(global::System.ReadOnlySpan<int> outcomes)"))
            {
                _w.Line("global::DivergenceGen.Guard.ThrowIfEmpty(outcomes.Length, nameof(outcomes));");
                EmitCounting("global::DivergenceGen.Guard.ThrowOutcomeOutOfRange(i, outcomes[i], \"" + Support + "\", nameof(outcomes)); break;");
                _w.Line(T + " n = outcomes.Length;");
                var lowering = new ScalarLowering(_c.Spec.Precision, name => name.StartsWith("count", StringComparison.Ordinal) ? "(" + T + ")" + name : name);
                _w.Line("return new " + Self + "(" + lowering.Lower(_f.Fit) + ");");
            }

            _w.Line();
        }

        private void EmitSampling()
        {
            var fields = Fields;
            _w.Summary("Draws one outcome by inverse transform sampling: u ~ U[0, 1) from <paramref name=\"random\"/>, then the first outcome whose cumulative probability exceeds u.");
            _w.Doc("<param name=\"random\">The source of randomness (seed it for reproducible draws).</param>");
            _w.Doc("<returns>An outcome in " + Support + ".</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"random\"/> is null.</exception>");
            using (_w.Block("public " + Readonly + "int Sample(global::System.Random random)"))
            {
                _c.DefaultCheck();
                _w.Line("global::System.ArgumentNullException.ThrowIfNull(random);");
                _w.Line("double u = random.NextDouble();");
                Expr cumulative = 0.0;
                for (int i = 0; i < _f.Outcomes.Count - 1; i++)
                {
                    var o = _f.Outcomes[i];
                    cumulative = i == 0 ? o.Probability : cumulative + o.Probability;
                    using (_w.Block("if (u < (double)(" + fields.Lower(cumulative) + "))"))
                    {
                        _w.Line("return " + o.Value.ToString(CultureInfo.InvariantCulture) + ";");
                    }
                }

                _w.Line("return " + _f.Outcomes[_f.Outcomes.Count - 1].Value.ToString(CultureInfo.InvariantCulture) + ";");
            }

            _w.Line();
            _c.EmitSampleIntoSpan();
        }
    }
}
