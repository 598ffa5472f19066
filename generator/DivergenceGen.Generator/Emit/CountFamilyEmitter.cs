using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Emits a family described by <see cref="CountFamily"/>: scalar parameters over the integers 0 … n or 0, 1, 2, ….
    /// Every member is derived from the description; nothing here names a family. All arithmetic is in double (the
    /// cached logs are double fields); a float type rounds once, when it returns.
    /// </summary>
    internal sealed class CountFamilyEmitter
    {
        private readonly EmitContext _c;
        private readonly CountFamily _f;
        private readonly SourceWriter _w;
        private readonly CountShape _shape;

        public CountFamilyEmitter(EmitContext context, CountFamily family)
        {
            _c = context;
            _f = family;
            _w = context.W;
            int trials = family.Support == CountSupport.ZeroToTrials ? context.Spec.Trials : 0;
            _shape = new CountShape(trials, family.Support == CountSupport.ZeroToTrials && trials <= family.MaxTableTrials);
        }

        private string T => _c.T;


        /// <summary><c>readonly </c> on an instance member of a struct that is not itself readonly (no defensive copies of <c>this</c> or of an <c>in</c> argument).</summary>

        private string Readonly => _c.ReadonlyMember;

        private string Self => _c.Self;

        private bool IsDouble => _c.Spec.Precision == PrecisionKind.Double;

        private bool Finite => _f.Support == CountSupport.ZeroToTrials;

        private int Trials => _shape.Trials;

        private string TrialsText => Trials.ToString(CultureInfo.InvariantCulture);

        private string Support => Finite ? "{0, 1, …, " + TrialsText + "}" : "{0, 1, 2, …}";

        private ConstantTable? Table => _f.Table is { } table && UsesTable(table) ? table : null;

        private static string D(double value) => Lowering.Literal(value, PrecisionKind.Double);

        /// <summary>(T)(x) for float, x for double.</summary>
        private string Narrow(string doubleExpression) => _c.Narrow(doubleExpression);

        private bool IsParameter(string name) => _f.Parameters.Any(p => p.Name == name);

        /// <summary>Binds a formula's names inside an instance member: fields of this instance, <c>q.</c> fields of Q.</summary>
        private string BindInstance(string name)
        {
            if (name.StartsWith("q.", StringComparison.Ordinal))
            {
                string inner = name.Substring(2);
                return IsParameter(inner) && !IsDouble ? "(double)q._" + inner : "q._" + inner;
            }

            switch (name)
            {
                case "k":
                    return "(double)k";
                case "kInt":
                    return "k";
                case "n":
                    return D(Trials);
                case "Trials":
                case "mean":
                case "random":
                    return name;
            }

            if (_f.Table is { } table && name == table.AtK)
            {
                return name;
            }

            return IsParameter(name) && !IsDouble ? "(double)_" + name : "_" + name;
        }

        private ScalarLowering Scalar(Func<string, string> bind) => new(PrecisionKind.Double, bind);

        private string Lower(Expr expr) => Scalar(BindInstance).Lower(expr);

        /// <summary>The file's kernel class, as the members reach it.</summary>
        private string Kernels => FileFrame.Kernels(Self);

        /// <summary>
        /// The parameters and cached quantities the kernels read (the log-pmf, the batch form and its condition), in
        /// declaration order: each kernel takes them as arguments named as in the description.
        /// </summary>
        private IReadOnlyList<string> KernelNames => Substitution.NamesRead(
            _f.Parameters.Select(p => p.Name).Concat(_f.Cached.Select(c => c.Name)),
            _f.LogPmf(_shape).Value, _f.BatchLogPmf(_shape)?.Value, _f.BatchLogPmf(_shape)?.Condition);

        /// <summary>A call of a kernel with the instance's values of <see cref="KernelNames"/> after <paramref name="first"/>.</summary>
        private string KernelCall(string name, params string[] first) =>
            Kernels + "." + name + "(" + string.Join(", ", first.Concat(KernelNames.Select(n => "_" + n))) + ")";

        /// <summary>The kernels' own parameters after the first: <c>, logP, log1mP</c>.</summary>
        private string KernelParameterNames => string.Concat(KernelNames.Select(n => ", " + n));

        /// <summary>Binds a formula's names inside a kernel: the kernel's arguments, k, n, and the kernel class's <c>Trials</c> and table.</summary>
        private string BindKernel(string name) => name switch
        {
            "k" => "(double)k",
            "kInt" => "k",
            "n" => D(Trials),
            _ => name,
        };

        /// <summary>
        /// Whether the file has kernels: a table, an entropy sum or a vectorised batch log-pmf (each reads the scalar log-pmf,
        /// which then moves with them). A family with none keeps its one-line log-pmf in the type.
        /// </summary>
        public bool HasKernels => Table is not null || _f.Entropy(_shape).Value is null || _f.BatchLogPmf(_shape) is not null;

        /// <summary>The scalar log-pmf kernel of an outcome, as the other kernels call it.</summary>
        private string ScalarLogPmf(string k) => "LogPmf(" + k + KernelParameterNames + ")";

        /// <summary>
        /// The file's kernels (<see cref="FileFrame"/>): the table, the log-pmf of one outcome, the entropy sum and the batch
        /// log-pmf's loops, as functions of the parameters and cached quantities the instance passes.
        /// </summary>
        public void EmitKernels()
        {
            if (Finite)
            {
                _w.Line("private const int Trials = " + TrialsText + "; // n, the number of trials");
                _w.Line();
            }

            EmitTables();
            var logPmf = _f.LogPmf(_shape);
            string declared = string.Concat(KernelNames.Select(n => ", double " + n));
            _w.Summary("log P(X = k) of one outcome, in double; −∞ for k outside " + Support + ". " + SourceWriter.Escape(logPmf.Method));
            using (_w.Block("internal static double LogPmf(int k" + declared + ")"))
            {
                using (_w.Block("if (" + OutsideSupport("k") + ")"))
                {
                    _w.Line("return double.NegativeInfinity;");
                }

                _w.Line("return " + Scalar(BindKernel).Lower(logPmf.Value!) + ";");
            }

            _w.Line();
            if (_f.Entropy(_shape).Value is null)
            {
                _w.Summary("H = −Σ P(k)·log P(k) over k = 0 … " + TrialsText + ", in double: " + SourceWriter.Escape(_f.Entropy(_shape).Method) + ".");
                using (_w.Block("internal static double Entropy(" + string.Join(", ", KernelNames.Select(n => "double " + n)) + ")"))
                {
                    EmitEntropySum();
                }

                _w.Line();
            }

            if (_f.BatchLogPmf(_shape) is { } batch)
            {
                _w.Summary("destination[i] = log P(X = outcomes[i]): " + SourceWriter.Escape(batch.Method) + ". Callers have checked the lengths.");
                using (_w.Block("internal static void LogPmf(ReadOnlySpan<int> outcomes, Span<" + T + "> destination" + declared + ")"))
                {
                    EmitVectorBatchBody(batch);
                }

                _w.Line();
            }
        }

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
                if (Finite)
                {
                    EmitToolkit();
                }

                EmitBatchLogPmf();
                EmitFit();
                EmitSampling();
                EmitToString();
            }
        }

        /// <summary>The user's own <c>ToString()</c> wins; otherwise the family and its parameters.</summary>
        private void EmitToString() => Members.EmitToString(Finite ? "n = " + TrialsText + ", " : string.Empty);

        private void EmitState()
        {
            _w.Line("// " + _f.Name + ": support " + Support + ". Parameters are stored as given; what is cached per instance is");
            _w.Line("// computed once, in double, in the constructor" + (IsDouble ? "." : "; this float type computes in double and rounds once, on return."));
            if (Finite)
            {
                _w.Summary("n, the number of trials, fixed at compile time by the attribute.");
                _w.Line("public const int Trials = " + TrialsText + ";");
                _w.Line();
                _w.Summary("n, the number of trials (the same as <see cref=\"Trials\"/>, for generic code).");
                _w.Line("public static int TrialCount => Trials;");
                _w.Line();
            }

            Members.EmitFields(_f.Cached, "double");
        }

        private ScalarParameterMembers Members => new ScalarParameterMembers(_c, _f.Name, _f.Parameters);

        private string ArgumentList => string.Join(", ", _f.Parameters.Select(p => p.Name));

        private string Signature => _f.Name + "(" + (Finite ? "n = " + TrialsText + ", " : string.Empty) + ArgumentList + ")";

        private void EmitDefaultDetection() =>
            Members.EmitDefaultDetection(_f.Cached, null, "describe a cached log of a parameter that may be 0.");

        private void EmitConstruction() => Members.EmitConstruction(Signature, _f.Summary, _f.Cached);

        private void EmitProperties() => Members.EmitProperties(_f.Moments, Lower, Narrow);

        private bool UsesTable(ConstantTable table)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in new[] { _f.LogPmf(_shape).Value, _f.BatchLogPmf(_shape)?.Value })
            {
                if (e is not null)
                {
                    names.UnionWith(Substitution.Names(e));
                }
            }

            return names.Contains(table.AtK);
        }

        private void EmitTables()
        {
            if (Table is not { } table)
            {
                return;
            }

            var values = table.Values(Trials);
            _w.Line("// Table of " + table.Meaning + ", k = 0 … " + (values.Length - 1).ToString(CultureInfo.InvariantCulture)
                + ", computed at compile time by the generator with the runtime's own special functions (linked source):");
            _w.Line("// read-only data in the assembly, no work at run time.");
            using (_w.Block("private static ReadOnlySpan<double> " + table.Name + " => new double[]", "};"))
            {
                const int PerLine = 4;
                for (int i = 0; i < values.Length; i += PerLine)
                {
                    _w.Line(string.Join(", ", values.Skip(i).Take(PerLine).Select(D)) + ",");
                }
            }

            _w.Line();
        }

        /// <summary>The in-support check of an outcome <c>k</c>, as C#.</summary>
        private string OutsideSupport(string k) => Finite ? "(uint)" + k + " > (uint)Trials" : k + " < 0";

        private void EmitPointMembers()
        {
            var logPmf = _f.LogPmf(_shape);
            _w.Summary("log P(X = k), with " + SourceWriter.Escape(_f.PmfFormula) + "; −∞ for k outside " + Support + ".");
            _w.Doc("<param name=\"k\">The outcome.</param>");
            _c.ExpressionMember("public " + Readonly + T + " LogPmf(int k)", Narrow("LogPmfInDouble(k)"));
            _w.Line();
            _w.Summary("P(X = k) = exp(log P(X = k)); 0 for k outside " + Support + ".");
            _w.Doc("<param name=\"k\">The outcome.</param>");
            _c.ExpressionMember("public " + Readonly + T + " Pmf(int k)", Narrow("global::System.Math.Exp(LogPmfInDouble(k))"));
            _w.Line();
            _w.Line("// " + logPmf.Method);
            if (HasKernels)
            {
                _w.Line("private " + Readonly + "double LogPmfInDouble(int k) => " + KernelCall("LogPmf", "k") + ";");
            }
            else
            {
                using (_w.Block("private " + Readonly + "double LogPmfInDouble(int k)"))
                {
                    using (_w.Block("if (" + OutsideSupport("k") + ")"))
                    {
                        _w.Line("return double.NegativeInfinity;");
                    }

                    _w.Line("return " + Lower(logPmf.Value!) + ";");
                }
            }
            _w.Line();
            _c.EmitLogLikelihood(
                "Σᵢ log P(X = outcomesᵢ), the log-likelihood of independent outcomes, accumulated in double;\n"
                + "−∞ as soon as an outcome is outside " + Support + " or has probability 0; 0 for no outcomes.",
                "int",
                "outcomes",
                "The observed outcomes.",
                k => "LogPmfInDouble(" + k + ")");
        }

        /// <summary>Up to this n the toolkit's sums run over the whole support 0 … n; above, over the window of P's and Q's mass.</summary>
        private const int WholeSupportTrials = 4096;

        /// <summary>
        /// The divergence toolkit (<see cref="FiniteMeasures"/>) on the finite support 0 … n. Where the family is the count of
        /// n draws of a finite factor (<see cref="CountFamily.Factor"/>) a measure with a closed form for products
        /// (<see cref="FiniteMeasure.OfProduct"/>) is the factor's measure, from the factor's outcomes, mapped to n draws:
        /// O(1), to the factor's accuracy, and exact where pmfs underflow (Bhattacharyya of far-apart laws). The population
        /// stability index is then its <see cref="FiniteMeasure.SameSupportAs"/> measure (Jeffreys) unless a bin is empty in
        /// exactly one law, where every bin is summed in the log domain. The rest (Jensen–Shannon, total variation) is summed
        /// with P(k) = exp(log P(k)): over the whole support up to <see cref="WholeSupportTrials"/>, above it over the window
        /// mean ± (12·sd + 40) of P and of Q, their union. Outside it each law's mass is below 2·e^−60 ≈ 2e−26 by Bernstein's
        /// inequality, P(|X − np| ≥ t) ≤ 2·exp(−t²/(2(σ² + t/3))) (the exponent is ≥ 60 for t = 12σ + 40 at every σ: 60 as
        /// σ → 0, where the additive 40 covers tails heavier than a normal law's, 72 as σ → ∞), and the terms there are as small relative
        /// to the measure (P ≈ Q there too where P ≈ Q), so the measures are unchanged to rounding. n = 0: every law is the point mass at 0, so every measure is 0. Raw forms
        /// take vectors of n + 1 probabilities and sum all of them.
        /// </summary>
        private void EmitToolkit()
        {
            var members = new FiniteMeasureMembers(_c);
            var mean = _f.Moments.First(m => m.Name == "Mean").Value;
            var variance = _f.Moments.First(m => m.Name == "Variance").Value;
            void Window()
            {
                if (Trials <= WholeSupportTrials)
                {
                    _w.Line("int lo = 0, hi = " + TrialsText + "; // the whole support");
                    return;
                }

                _w.Line("// Outside mean ± (12·sd + 40) of each law its mass is below 2e−26 (Bernstein): the union of the two windows, within 0 … n.");
                _w.Line("double meanP = " + Lower(mean) + ", sdP = global::System.Math.Sqrt(" + Lower(variance) + ");");
                Expr OfQ(Expr e) => Substitution.Rename(e, n => IsParameter(n) ? "q." + n : n); // n is the type's, not an instance's
                _w.Line("double meanQ = " + Lower(OfQ(mean)) + ", sdQ = global::System.Math.Sqrt(" + Lower(OfQ(variance)) + ");");
                _w.Line("int lo = (int)global::System.Math.Max(0d, global::System.Math.Floor(global::System.Math.Min(meanP - (12d * sdP), meanQ - (12d * sdQ)) - 40d));");
                _w.Line("int hi = (int)global::System.Math.Min(" + D(Trials) + ", global::System.Math.Ceiling(global::System.Math.Max(meanP + (12d * sdP), meanQ + (12d * sdQ)) + 40d));");
            }

            // One draw's outcomes in this type's names (its parameters are this family's), with their exact differences.
            var factor = _f.Factor?.Outcomes
                .Select(o => (o.Probability, Substitution.ForQ(o.Probability), o.DifferenceFromQ ?? o.Probability - Substitution.ForQ(o.Probability)))
                .ToList();
            string BindFactor(string name) => FiniteMeasures.All.Any(m => m.Parameter?.Name == name) ? name : BindInstance(name);
            // P(k) − Q(k) from the exact log-ratio ℓ(k) = Σⱼ countⱼ(k)·ℓⱼ of the factor's outcomes (each ℓⱼ from its exact
            // difference, computed once per call: the locals lr0, lr1, …): p·(−expm1(−ℓ)) where ℓ ≥ 0, q·expm1(ℓ) below, so no
            // subtraction of two rounded pmfs; 0 where both pmfs are 0 (there ℓ may be ∞ − ∞).
            (string Setup, string Value)? difference = null;
            if (factor is not null && _f.FactorCounts is { } counts)
            {
                var lowering = new ScalarLowering(PrecisionKind.Double, n => n.StartsWith("lr", StringComparison.Ordinal) ? n : BindInstance(n));
                Expr ratio = counts.Select((c, j) => E.XTimesLog(c, E.Ref("lr" + j.ToString(CultureInfo.InvariantCulture)))).Aggregate((a, b) => a + b);
                difference = (
                    "double lk = " + lowering.Lower(ratio) + "; // log P(k) − log Q(k), exact to the draws' log-ratios",
                    "pk == 0d && qk == 0d ? 0d : lk >= 0d ? pk * -global::DivergenceGen.ScalarMath.Expm1(-lk) : qk * global::DivergenceGen.ScalarMath.Expm1(lk)");
            }

            void FactorLogRatios()
            {
                if (difference is not null)
                {
                    var lowering = new ScalarLowering(PrecisionKind.Double, BindFactor);
                    for (int j = 0; j < factor!.Count; j++)
                    {
                        var (fp, fq, fd) = factor[j];
                        // Written from the larger side (by the sign of the exact difference), so that swapping P and Q negates it exactly
                        // and the measures stay symmetric to the bit.
                        var ratio = E.Select(E.AtLeast(fd, 0.0), FiniteMeasures.LogRatioOf(fp, fq, fd), -FiniteMeasures.LogRatioOf(fq, fp, -fd));
                        _w.Line("double lr" + j.ToString(CultureInfo.InvariantCulture) + " = " + lowering.Lower(ratio) + "; // log(p/q) of one draw's outcome " + j.ToString(CultureInfo.InvariantCulture) + ", from the exact difference");
                    }
                }
            }

            var logs = new SupportSums(_w, "LogPmfInDouble({0})", "q.LogPmfInDouble({0})", logs: true, difference);
            string OfProduct(FiniteMeasure measure, string sum)
            {
                _w.Line("// One trial's " + measure.Member + " (its outcomes' sum), then the n-fold products' from it: the count of successes is sufficient.");
                _w.Line("double perTrial = " + new OutcomeSums(_w, factor!, BindFactor).Value(measure, sum) + ";");
                return new ScalarLowering(PrecisionKind.Double, n => n == "value" ? "perTrial" : BindInstance(n)).Lower(measure.OfProduct!);
            }

            members.EmitInstanceMembers(
                (m, kernel) =>
                {
                    if (kernel == m.Kernel)
                    {
                        Window();
                        FactorLogRatios();
                    }

                    return logs.Write(kernel, kernel == m.Kernel ? "sum" : "sum2", kernel == m.Kernel && m.KernelArgument is { } v ? D(v) : null);
                },
                runtime: null,
                value: m =>
                {
                    if (Trials == 0)
                    {
                        // A runtime measure checks its parameter itself: ask it, on the two point masses, rather than skip the check.
                        _w.Line("// n = 0: P and Q are both the point mass at 0.");
                        return m.RuntimeFunction is { } function
                            ? "global::DivergenceGen." + function + "(stackalloc double[] { 1d }, stackalloc double[] { 1d }, " + m.Parameter!.Name + ")"
                            : "0d";
                    }

                    if (factor is null)
                    {
                        return null;
                    }

                    if (m.OfProduct is not null)
                    {
                        return OfProduct(m, "sum");
                    }

                    if (m.SameSupportAs is { } other && FiniteMeasures.All.First(x => x.Member == other) is { OfProduct: not null } same)
                    {
                        _w.Line("// Where no bin is empty in exactly one law this is the " + same.Member + " (for every " + m.Parameter!.Name + "), which is +∞ exactly where one is.");
                        _w.Line("double sameSupport = " + OfProduct(same, "perTrialSum") + ";");

                        using (_w.Block("if (!double.IsPositiveInfinity(sameSupport) || " + m.Parameter.Name + " == " + D(same.KernelArgument ?? 0) + ")"))
                        {
                            _w.Line("return " + members.Narrow("sameSupport") + ";");
                        }

                        _w.Line("// A bin is empty in exactly one law: every bin counts, in the log domain (a tail bin whose P(k) underflows keeps its own log, not ln " + m.Parameter.Name + ").");
                        _w.Line("int lo = 0, hi = " + TrialsText + ";");
                        logs.Write(m.Kernel, "sum", logDomain: true);
                        return FiniteMeasureMembers.FinishOf(m, PrecisionKind.Double, "sum");
                    }

                    return null;
                },
                remark: m => Trials == 0
                    ? "Here n = 0: P and Q are the same point mass, so the value is 0."
                    : factor is not null && m.OfProduct is not null
                    ? "Here X counts n independent draws of " + _f.Factor!.Name + "(p), a sufficient statistic: the value is one draw's, "
                        + "mapped to the n draws in closed form (O(1); no pmf is summed, so none underflows)."
                    : factor is not null && m.SameSupportAs is { } same
                    ? "Here it is the " + same + " (closed form) wherever no bin is empty in exactly one law; otherwise (p or q is 0 or 1, "
                        + m.Parameter!.Name + " > 0) the n + 1 bins are summed from the log-pmfs, in O(n)."
                    : "Here it is summed over k from the pmfs exp(log P(k))" + (Trials > WholeSupportTrials
                        ? ", over the window mean ± (12·sd + 40) of both laws (their mass outside is below 2e−26): O(√n + n·|p − q|) terms"
                        : string.Empty)
                        + (difference is null
                            ? "; where p ≈ q its relative accuracy is what the pmfs' rounding leaves their differences P(k) − Q(k), about "
                                + "ε·max(p, q)/|p − q|."
                            : "; each difference P(k) − Q(k) is formed from the exact log-ratio log P(k) − log Q(k) (the draws' "
                                + "log-ratios, from their exact differences), so the value keeps the pmfs' relative accuracy also where p ≈ q."));
            members.EmitRawMembers(
                TrialsText + "L + 1",
                "n + 1 = " + (Trials + 1L).ToString(CultureInfo.InvariantCulture),
                (m, kernel) =>
                {
                    if (kernel == m.Kernel)
                    {
                        _w.Line("int lo = 0, hi = p.Length - 1;");
                    }

                    return new SupportSums(_w, "(double)p[{0}]", "(double)q[{0}]", logs: false)
                        .Write(kernel, kernel == m.Kernel ? "sum" : "sum2", kernel == m.Kernel && m.KernelArgument is { } v ? D(v) : null);
                },
                checkFirst: true,
                order: "P(X = k) for k = 0 … " + TrialsText + " in order");
        }

        private void EmitMeasures()
        {
            var entropy = _f.Entropy(_shape);
            _w.Summary("The entropy in nats, " + SourceWriter.Escape(_f.EntropyFormula) + ", with 0·log 0 = 0 (0 for a point mass).");
            _c.ExpressionMember("public " + Readonly + T + " Entropy()", Narrow("EntropyInDouble()"));
            _w.Line();
            _w.Line("// Entropy: " + entropy.Method);
            _w.Line("private " + Readonly + "double EntropyInDouble() => "
                + (entropy.Value is { } formula ? Lower(formula) : KernelCall("Entropy")) + ";");

            _w.Line();
            _c.EmitKLAndCrossEntropyInDouble(
                "The Kullback–Leibler divergence in nats, " + SourceWriter.Escape(_f.KLFormula) + ", where P is this instance.\n"
                + "0·log(0/q) = 0; +∞ (never NaN) where Q gives probability 0 to an outcome P can produce; never negative\n"
                + "(a negative rounding residue is returned as 0).",
                Lower(_f.KLDivergence(_shape)),
                "The cross-entropy in nats, H(P, Q) = −E_P[log q(X)] = H(P) + D(P‖Q), where P is this instance\n"
                + "(computed as that sum, in double); +∞ where Q gives probability 0 to an outcome P can produce.");
        }

        /// <summary>
        /// −Σₖ P(k)·log P(k) over the compile-time support 0 … n, a row kernel of n + 1 classes (l = log P(k) from the
        /// description's formula, p = exp l, Σ p·l) scheduled by <see cref="RowScheduler"/>: straight-line for a small
        /// support, with k and the table entries written as literals (vectors of literals); SIMD loops over the table above.
        /// </summary>
        private void EmitEntropySum()
        {
            var logPmf = Substitution.Replace(_f.LogPmf(_shape).Value!, name => name == "n" ? new Const(Trials) : null);
            int size = Trials + 1;
            bool straightLine = size <= _c.Spec.UnrollThreshold;
            var inputs = new List<KernelInput>();
            if (Table is { } table)
            {
                inputs.Add(new KernelInput(table.AtK, "tableRef", Constants: table.Values(Trials)));
            }

            var kernel = new RowKernel(
                inputs,
                new Statement[]
                {
                    new PerClass("l", logPmf),
                    new PerClass("p", KernelOps.Exp(E.Ref("l"))),
                    new Reduce("sum", ReduceOp.Sum, E.XTimesLog(E.Ref("p"), E.Ref("l")), Double: true),
                },
                Array.Empty<string>(),
                Index: "k");
            _w.Line("// A row kernel over the n + 1 = " + size.ToString(CultureInfo.InvariantCulture) + " outcomes: l = log P(k), p = exp l, H = −Σ p·l. "
                + (straightLine
                    ? "n + 1 ≤ UnrollThreshold " + _c.Spec.UnrollThreshold.ToString(CultureInfo.InvariantCulture) + ": straight-line,"
                    : "n + 1 > UnrollThreshold " + _c.Spec.UnrollThreshold.ToString(CultureInfo.InvariantCulture) + ": SIMD loops over the table,"));
            _w.Line(straightLine
                ? "// k and the table entries are literals (vectors of literals), so nothing is loaded."
                : "// contiguous loads, vector exp, the widest vector the CPU has first.");
            if (Table is not null && !(straightLine && size <= 4))
            {
                _w.Line("ref double tableRef = ref MemoryMarshal.GetReference(" + Table.Name + ");");
            }

            var widths = _c.VectorWidths.Where(b => b / 64 <= size).ToList();
            void Body(List<int> used, bool straight)
            {
                var scheduler = new RowScheduler(_w, kernel, size, PrecisionKind.Double, used, straight, overlap: true, constant: BindKernel);
                scheduler.EmitInvariants();
                scheduler.EmitRow();
                _w.Line("return sum < 0d ? -sum : 0d;");
            }

            RowScheduler.WidestFirst(
                _w,
                widths,
                used => Body(used, used.Count > 0 ? straightLine : widths.Count == 0 || size <= 4),
                size <= 4 ? "// No SIMD on this CPU: straight-line scalars." : "// No SIMD on this CPU: a scalar loop.");
        }

        /// <summary>Names inside a vector kernel: broadcast locals for fields and constants, <c>k</c> the outcome vector.</summary>
        private string VectorBind(string name, int bits, string tableLocal)
        {
            string vector = VectorLowering.VectorClass(bits);
            switch (name)
            {
                case "k":
                    return "kv";
                case "n":
                    return vector + ".Create(" + D(Trials) + ")";
            }

            if (_f.Table is { } table && name == table.AtK)
            {
                return tableLocal;
            }

            return "v" + char.ToUpperInvariant(name[0]) + name.Substring(1);
        }

        /// <summary>Broadcasts the fields a vector formula reads, once per width, before its loop.</summary>
        private void EmitBroadcasts(VectorLowering v, Expr formula)
        {
            foreach (string name in Substitution.Names(formula).OrderBy(n => n, StringComparer.Ordinal))
            {
                if (name == "k" || name == "n" || (_f.Table is { } t && name == t.AtK))
                {
                    continue;
                }

                _w.Line("var v" + char.ToUpperInvariant(name[0]) + name.Substring(1) + " = " + v.Vector + ".Create(" + BindKernel(name) + ");");
            }
        }

        private void EmitBatchLogPmf()
        {
            var batch = _f.BatchLogPmf(_shape);
            _w.Summary("destinationᵢ = log P(X = outcomesᵢ) for every outcome (−∞ outside " + Support + ")"
                + (batch is null ? ", element by element (the log-pmf needs log-gamma-type functions, which have no vector form)." : ", vectorised: " + SourceWriter.Escape(batch.Method) + "."));
            _w.Doc("<param name=\"outcomes\">The outcomes.</param>");
            _w.Doc("<param name=\"destination\">Receives one log-probability per outcome; at least as long as <paramref name=\"outcomes\"/>.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than <paramref name=\"outcomes\"/>.</exception>");
            using (_w.Block("public " + Readonly + "void LogPmf(global::System.ReadOnlySpan<int> outcomes, global::System.Span<" + T + "> destination)"))
            {
                _c.DefaultCheck();
                _w.Line("global::DivergenceGen.Guard.ThrowIfDestinationTooShort(outcomes.Length, destination.Length);");
                if (batch is null)
                {
                    _w.Line("// " + SourceWriter.Escape(_f.LogPmf(_shape).Method));
                    using (_w.Block("for (int i = 0; i < outcomes.Length; i++)"))
                    {
                        _w.Line("destination[i] = " + Narrow("LogPmfInDouble(outcomes[i])") + ";");
                    }
                }
                else
                {
                    _w.Line(KernelCall("LogPmf", "outcomes", "destination") + ";");
                }
            }

            _w.Line();
        }

        private void EmitVectorBatchBody(BatchLogPmf batch)
        {
            _w.Line("// " + batch.Method + ".");
            _w.Line("// Lanes are doubles (outcomes widened to long, then converted)" + (IsDouble ? "." : "; results are narrowed to float on the store."));
            if (batch.Condition is { } condition)
            {
                using (_w.Block("if (!(" + Scalar(BindKernel).Lower(condition) + "))"))
                {
                    using (_w.Block("for (int j = 0; j < outcomes.Length; j++)"))
                    {
                        _w.Line("destination[j] = " + Narrow(ScalarLogPmf("outcomes[j]")) + ";");
                    }

                    _w.Line("return;");
                }
            }

            _w.Line("ref int kRef = ref MemoryMarshal.GetReference(outcomes);");
            _w.Line("ref " + T + " dRef = ref MemoryMarshal.GetReference(destination);");
            if (Table is { } table)
            {
                _w.Line("ref double tableRef = ref MemoryMarshal.GetReference(" + table.Name + ");");
            }

            VectorLoops.Cascade(
                _c,
                "outcomes.Length",
                v =>
                {
                    if (v is null)
                    {
                        _w.Line("destination[i] = " + Narrow(ScalarLogPmf("outcomes[i]")) + ";");
                    }
                    else
                    {
                        EmitBatchIteration(v, batch);
                    }
                },
                name => name,
                PrecisionKind.Double,
                perWidth: v => EmitBatchSetUp(v, batch));
        }

        /// <summary>
        /// Tables of at most this many entries are read from registers at 512 bits (<c>RegisterTable.Lookup</c>). Measured
        /// on a Zen 4 (benchmarks/README.md, "Count-family table lookups"): a table of 21 entries (n = 20) in three registers
        /// ran at 1.13–1.20× the copy floor against 1.60× for per-lane loads; 32 entries in four at 1.25–1.27×; 64 entries
        /// (four permutes, three selects) at 1.76×, slower than per-lane loads (1.57×). At 256 and 128 bits per-lane loads
        /// are kept: AVX2 gathers measured slower (2.36× against 2.23× with AVX-512 off).
        /// </summary>
        private const int MaxRegisterTableEntries = 32;

        /// <summary>Registers of 8 doubles that hold the table at 512 bits, or 0 where the table is read per lane.</summary>
        private int TableRegisters(int bits)
        {
            if (bits != 512 || Table is not { } table)
            {
                return 0;
            }

            int entries = table.Values(Trials).Length;
            return entries <= MaxRegisterTableEntries ? (entries + 7) / 8 : 0;
        }

        /// <summary>The lowering of a width's batch loop: broadcast fields, the outcome vector <c>kv</c>, the table entry <c>tableK</c>.</summary>
        private VectorLowering BatchLowering(int bits) => new(bits, PrecisionKind.Double, name => VectorBind(name, bits, "tableK"));

        /// <summary>The table's last index as C#: every lookup index is clamped to it as unsigned (a negative outcome becomes it).</summary>
        private string LastIndex(BatchLogPmf batch) => Finite ? "(uint)Trials" : (batch.KBound ?? 0).ToString(CultureInfo.InvariantCulture) + "u";

        /// <summary>Before a width's batch loop: the table in registers where it fits, the fields broadcast, the bounds.</summary>
        private void EmitBatchSetUp(VectorLowering lanesOf, BatchLogPmf batch)
        {
            int bits = lanesOf.Bits;
            var v = BatchLowering(bits);
            int registers = TableRegisters(bits);
            if (Table is { } registerTable && registers > 0)
            {
                int entries = registerTable.Values(Trials).Length;
                string count = entries.ToString(CultureInfo.InvariantCulture) + (entries == 1 ? " entry" : " entries");
                string held = registers.ToString(CultureInfo.InvariantCulture) + (registers == 1 ? " register" : " registers");
                _w.Line("// " + registerTable.Meaning + " has " + count + " (≤ " + MaxRegisterTableEntries.ToString(CultureInfo.InvariantCulture)
                    + "): the table sits in " + held + " of 8 (zero-padded), and each vector");
                _w.Line("// reads it with in-register permutes (vpermt2pd/vpermpd on AVX-512) instead of 8 loads: measured faster");
                _w.Line("// (benchmarks/README.md, \"Count-family table lookups\"). Tables above "
                    + MaxRegisterTableEntries.ToString(CultureInfo.InvariantCulture) + " entries are read per lane.");
                for (int r = 0; r < registers; r++)
                {
                    _w.Line("var table" + r.ToString(CultureInfo.InvariantCulture) + " = global::DivergenceGen.RegisterTable.Load("
                        + registerTable.Name + ", " + r.ToString(CultureInfo.InvariantCulture) + ");");
                }

                _w.Line("var lastIndex = " + v.Vector + ".Create(" + (Finite ? "(ulong)Trials" : (batch.KBound ?? 0).ToString(CultureInfo.InvariantCulture) + "UL") + ");");
            }

            EmitBroadcasts(v, batch.Value);
            int upper = Finite ? Trials : batch.KBound ?? int.MaxValue;
            if (Table is not null || Finite)
            {
                _w.Line("var last = " + v.Vector + ".Create((long)" + (Finite ? "Trials" : upper.ToString(CultureInfo.InvariantCulture)) + ");");
            }

            _w.Line("var minusInfinity = " + v.Vector + ".Create(double.NegativeInfinity);");
        }

        /// <summary>One vector of the batch log-pmf: the outcomes widened, the support mask, the table entries, the formula.</summary>
        private void EmitBatchIteration(VectorLowering lanesOf, BatchLogPmf batch)
        {
            int bits = lanesOf.Bits;
            var v = BatchLowering(bits);
            string lanes = v.Lanes.ToString(CultureInfo.InvariantCulture);
            string half = VectorLowering.VectorClass(bits / 2);
            string longs = v.Vector + "<long>";
            int registers = TableRegisters(bits);
            string lastIndex = LastIndex(batch);
            _w.Line("var kLong = " + v.Vector + ".WidenLower(" + half + ".ToVector" + bits.ToString(CultureInfo.InvariantCulture) + "Unsafe(" + half + ".LoadUnsafe(ref kRef, (nuint)i)));");
            if (!Finite && batch.KBound is { } bound)
            {
                _w.Line("// An outcome beyond the table (k > " + bound.ToString(CultureInfo.InvariantCulture) + "): this vector's lanes take the scalar form.");
                using (_w.Block("if (" + v.Vector + ".GreaterThanAny(kLong, last))"))
                {
                    using (_w.Block("for (int j = 0; j < " + lanes + "; j++)"))
                    {
                        _w.Line("destination[i + j] = " + Narrow(ScalarLogPmf("outcomes[i + j]")) + ";");
                    }

                    _w.Line("continue;");
                }
            }

            _w.Line("var kv = " + v.Vector + ".ConvertToDouble(kLong);");
            string inSupport = v.Vector + ".GreaterThanOrEqual(kLong, " + longs + ".Zero)";
            if (Finite)
            {
                inSupport += " & " + v.Vector + ".LessThanOrEqual(kLong, last)";
            }

            _w.Line("var inSupport = " + v.Vector + ".AsDouble(" + inSupport + ");");
            if (registers > 0)
            {
                _w.Line("// The index is clamped into the table as unsigned (a negative outcome becomes the last entry), so every lane");
                _w.Line("// reads a real entry; lanes outside the support are masked to −∞ below.");
                _w.Line("var index = " + v.Vector + ".Min(" + v.Vector + ".AsUInt64(kLong), lastIndex);");
                _w.Line("var tableK = global::DivergenceGen.RegisterTable.Lookup(index, "
                    + string.Join(", ", Enumerable.Range(0, registers).Select(r => "table" + r.ToString(CultureInfo.InvariantCulture))) + ");");
            }
            else if (Table is not null)
            {
                // Scalar loads of the outcomes again (from L1) are cheaper than extracting the lanes of kLong.
                string why = bits == 512
                    ? " (above " + MaxRegisterTableEntries.ToString(CultureInfo.InvariantCulture) + " entries, permutes measured slower)"
                    : bits == 256 ? " (AVX2 gathers measured slower)" : string.Empty;
                _w.Line("// Per-lane table lookups" + why + "; an index is clamped into the table as unsigned (a negative");
                _w.Line("// outcome becomes the last entry), so every load is in bounds; lanes outside the support are masked to −∞ below.");
                _w.Line("var tableK = " + v.Vector + ".Create(");
                for (int j = 0; j < v.Lanes; j++)
                {
                    _w.Line("    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + "
                        + j.ToString(CultureInfo.InvariantCulture) + "), " + lastIndex + "))" + (j == v.Lanes - 1 ? ");" : ","));
                }
            }

            _w.Line("var value = " + v.Vector + ".ConditionalSelect(inSupport, " + v.Lower(batch.Value) + ", minusInfinity);");
            if (IsDouble)
            {
                _w.Line(v.Vector + ".StoreUnsafe(value, ref dRef, (nuint)i);");
            }
            else
            {
                _w.Line(half + ".StoreUnsafe(" + half + ".Narrow(" + v.Vector + ".GetLower(value), " + v.Vector + ".GetUpper(value)), ref dRef, (nuint)i);");
            }
        }

        private void EmitFit()
        {
            var given = _f.Parameters.Where(p => _f.FitGiven.Contains(p.Name)).ToList();
            var fitted = _f.Parameters.Single(p => !_f.FitGiven.Contains(p.Name));
            _w.Summary("The maximum-likelihood " + _f.Name + " for independent outcomes: " + SourceWriter.Escape(_f.FitFormula) + ".");
            _w.Doc("<param name=\"outcomes\">The observed outcomes, each in " + Support + ".</param>");
            foreach (var p in given)
            {
                _w.Doc("<param name=\"" + p.Name + "\">" + SourceWriter.Escape(p.Meaning) + " Held fixed.</param>");
            }

            _w.Doc("<returns>The fitted distribution.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"outcomes\"/> is empty.</exception>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An outcome is outside " + Support + " (the message names its index)"
                + string.Concat(given.Select(p => ", or <paramref name=\"" + p.Name + "\"/> is " + ParameterChecks.InvalidText(p.Domain))) + ".</exception>");
            string extra = string.Concat(given.Select(p => ", " + T + " " + p.Name));
            using (_w.Block("public static " + Self + " Fit(global::System.ReadOnlySpan<int> outcomes" + extra + ")"))
            {
                foreach (var p in given)
                {
                    _w.Line(ParameterChecks.ThrowIfInvalid(p.Domain) + "(" + p.Name + ", nameof(" + p.Name + "));");
                }

                _w.Line("global::DivergenceGen.Guard.ThrowIfEmpty(outcomes.Length, nameof(outcomes));");
                _w.Line("long total = 0;");
                using (_w.Block("for (int i = 0; i < outcomes.Length; i++)"))
                {
                    using (_w.Block("if (" + OutsideSupport("outcomes[i]") + ")"))
                    {
                        _w.Line("global::DivergenceGen.Guard.ThrowOutcomeOutOfRange(i, outcomes[i], \"" + Support + "\", nameof(outcomes));");
                    }

                    _w.Line("total += outcomes[i];");
                }

                _w.Line("double mean = (double)total / outcomes.Length;");
                string value;
                if (Finite && Trials == 0)
                {
                    _w.Line("// n = 0: every outcome is 0 and every p gives the same law; p̂ = 0 by convention.");
                    value = "0d";
                }
                else
                {
                    value = Scalar(name => IsParameter(name) && !IsDouble ? "(double)" + name : name == "n" ? D(Trials) : name).Lower(_f.Fit);
                }

                var args = _f.Parameters.Select(p => p == fitted ? (IsDouble ? value : "(float)(" + value + ")") : p.Name);
                _w.Line("return new " + Self + "(" + string.Join(", ", args) + ");");
            }

            _w.Line();
        }

        private void EmitSampling()
        {
            _w.Summary("Draws one outcome with an exact sampler of the runtime library (deterministic for a seeded <paramref name=\"random\"/>).");
            _w.Doc("<param name=\"random\">The source of randomness (seed it for reproducible draws).</param>");
            _w.Doc("<returns>An outcome in " + Support + ".</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"random\"/> is null.</exception>");
            if (!Finite)
            {
                _w.Doc("<exception cref=\"global::System.OverflowException\">The draw exceeds <see cref=\"int.MaxValue\"/> (only when the mass above 2³¹ − 1 is not negligible).</exception>");
            }

            using (_w.Block("public " + Readonly + "int Sample(global::System.Random random)"))
            {
                _c.DefaultCheck();
                _w.Line("global::System.ArgumentNullException.ThrowIfNull(random);");
                string draw = Lower(_f.Sample);
                _w.Line("return " + (Finite ? "(int)" + draw : "global::DivergenceGen.Guard.DrawToInt32(" + draw + ")") + ";");
            }

            _w.Line();
            _c.EmitSampleIntoSpan();
        }
    }
}
