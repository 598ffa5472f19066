using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Writes a user's exponential family p(x | η) = h(x)·exp(η·T(x) − A(η)) (issue 16) from its
    /// <see cref="ExponentialFamilyModel"/>: the state (η and A(η), computed once), the constructor from the user's
    /// parameters and <c>FromNaturalParameters</c>, the log-density (or log-mass) from the user's own methods, the moments
    /// of T and the KL divergence from the symbolic derivatives of A, the entropy where E[log h(X)] is known, and Fit by
    /// Newton in η. Names no family: every formula comes from the model.
    /// </summary>
    internal sealed class ExponentialFamilyEmitter
    {
        private readonly EmitContext _c;
        private readonly SourceWriter _w;
        private readonly ExponentialFamilyModel _m;
        private readonly ExponentialFamilyDescription _f;

        public ExponentialFamilyEmitter(EmitContext context, ExponentialFamilyDescription family)
        {
            _c = context;
            _w = context.W;
            _f = family;
            _m = context.Spec.ExponentialFamilyModel!;
        }

        private string Self => _c.Self;

        private string SelfName => Self.TrimStart('@');

        private bool IsStruct => _c.Spec.Type.IsStruct;

        private string Readonly => _c.ReadonlyMember;

        private int D => _m.Naturals.Count;

        private IReadOnlyList<string> Naturals => _m.Naturals;

        private static string Id(string name) => Parsing.Declarations.Identifier(name);

        private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary><c>double</c> or <c>(double, double)</c>: the shape of η and T as the user declared them.</summary>
        private string Shape => _m.Tuple ? "(" + string.Join(", ", Naturals.Select(_ => "double")) + ")" : "double";

        private string Variate => _m.IsDiscrete ? "int" : "double";

        private string X => _m.IsDiscrete ? "k" : "x";

        private string Density => _m.IsDiscrete ? "LogPmf" : "LogPdf";

        private string SupportText => _m.Support switch
        {
            SupportKind.Reals => "x finite",
            SupportKind.PositiveReals => "x > 0",
            SupportKind.UnitInterval => "0 < x < 1",
            SupportKind.NonNegativeIntegers => "k ≥ 0",
            _ => "k in 0 … " + N(_m.Outcomes - 1),
        };

        /// <summary>The support as XML doc text (<c>0 &lt; x &lt; 1</c>).</summary>
        private string SupportDoc => SourceWriter.Escape(SupportText);

        private string SupportTest(string x) => _m.Support switch
        {
            SupportKind.Reals => "double.IsFinite(" + x + ")",
            SupportKind.PositiveReals => x + " > 0d && " + x + " < double.PositiveInfinity",
            SupportKind.UnitInterval => x + " > 0d && " + x + " < 1d",
            SupportKind.NonNegativeIntegers => x + " >= 0",
            _ => "(uint)" + x + " < " + N(_m.Outcomes) + "u",
        };

        /// <summary>A point of the support, where a constant log h is read.</summary>
        private string SupportPoint => _m.Support switch
        {
            SupportKind.PositiveReals => "1d",
            SupportKind.UnitInterval => "0.5d",
            SupportKind.Reals => "0d",
            _ => "0",
        };

        /// <summary>η·T: <c>_eta1 * t1 + _eta2 * t2</c> over the given η prefix and T locals.</summary>
        private string Dot(string eta, string t) => string.Join(" + ", Naturals.Select((n, i) => eta + n + " * " + t + N(i + 1)));

        /// <summary><c>(double t1, double t2) = SufficientStatistics(x);</c> or <c>double t1 = …</c>.</summary>
        private string Statistics(string x) => (_m.Tuple ? "(" + string.Join(", ", Naturals.Select((_, i) => "double t" + N(i + 1))) + ")" : "double t1")
            + " = SufficientStatistics(" + x + ");";

        /// <summary>The fields of η, as the IR binds them.</summary>
        private static string Field(string name) => "_" + name;

        public void Emit(string version)
        {
            _w.Line(Emitter.GeneratedCodeAttribute(version));
            using (_w.Block(_c.DeclarationKeywords + " " + Self))
            {
                EmitState();
                EmitConstruction();
                EmitProperties();
                EmitDensity();
                EmitMoments();
                EmitMeasures();
                EmitFit();
                EmitDerivatives();
                EmitToString();
            }
        }

        private void EmitState()
        {
            _w.Line("// The law is stored by its natural parameters η and the log-partition A(η), computed once at construction: the");
            _w.Line("// log-density then costs the user's SufficientStatistics and LogBaseMeasure and one dot product.");
            foreach (string n in Naturals)
            {
                _w.Line("private readonly double " + Field(n) + "; // the natural parameter " + n);
            }

            _w.Line("private readonly double _logPartition; // A(η), from LogPartition");
            if (IsStruct)
            {
                _w.Line("private readonly bool _constructed; // false only in default(" + SelfName + ")");
            }

            _w.Line();
            using (_w.Block("private " + Self + "(" + string.Join(", ", Naturals.Select(n => "double " + Id(n))) + ", double __logPartition)"))
            {
                foreach (string n in Naturals)
                {
                    _w.Line(Field(n) + " = " + Id(n) + ";");
                }

                _w.Line("_logPartition = __logPartition;");
                if (IsStruct)
                {
                    _w.Line("_constructed = true;");
                }
            }

            _w.Line();
            _c.EmitDefaultDetection(
                "!_constructed",
                "Default detection: the constructors set _constructed; default(T) leaves it false (η = 0 may be a valid law).",
                "new " + SelfName + "(" + string.Join(", ", _m.Parameters) + "), " + SelfName + ".TryCreate or " + SelfName + ".FromNaturalParameters");
        }

        private void EmitConstruction()
        {
            var parameters = _m.Parameters;
            string list = string.Join(", ", parameters.Select(p => "double " + Id(p)));
            string args = string.Join(", ", parameters.Select(Id));
            string etaList = string.Join(", ", Naturals.Select(n => "double " + Id(n)));
            string etaArgs = string.Join(", ", Naturals.Select(Id));
            string locals = string.Join(", ", Naturals.Select(n => "__" + n));
            string unpack = _m.Tuple
                ? "(" + string.Join(", ", Naturals.Select(n => "double __" + n)) + ") = NaturalParameters(" + args + ");"
                : "double __" + Naturals[0] + " = NaturalParameters(" + args + ");";
            string Invalid(System.Func<string, string> eta) =>
                string.Join(" || ", Naturals.Select(n => "!double.IsFinite(" + eta(n) + ")").Concat(new[] { "!double.IsFinite(__logPartition)" }));
            string paramDocs = string.Join("\n", parameters.Select(p => "<param name=\"" + p + "\">The parameter <c>" + p + "</c> of <c>NaturalParameters</c>; finite.</param>"));
            string etaDocs = string.Join("\n", Naturals.Select(n => "<param name=\"" + n + "\">The natural parameter <c>" + n + "</c>.</param>"));
            string Throw(bool fromParameters) => "throw global::DivergenceGen.ExponentialFamilies.Invalid(\"" + SelfName + "\", "
                + (fromParameters ? "new[] { " + string.Join(", ", parameters.Select(p => "nameof(" + Id(p) + ")")) + " }, new double[] { " + args + " }"
                    : "global::System.Array.Empty<string>(), global::System.Array.Empty<double>()")
                + ", new[] { " + string.Join(", ", Naturals.Select(n => "\"" + n + "\"")) + " }, new double[] { " + (fromParameters ? locals : etaArgs) + " }, __logPartition);";

            _w.Summary("Creates the law from its parameters: η = <c>NaturalParameters(" + string.Join(", ", parameters) + ")</c> and A(η) =\n"
                + "<c>LogPartition(" + string.Join(", ", Naturals) + ")</c>, both the type's own methods, called here once.");
            _w.Docs(paramDocs);
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">A parameter is NaN or infinite (the message names it).</exception>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\">η or A(η) is not finite: the parameters are outside the family's domain (the message names them, η and A).</exception>");
            using (_w.Block("public " + Self + "(" + list + ")"))
            {
                foreach (string p in parameters)
                {
                    _w.Line("global::DivergenceGen.FiniteFamilies.ThrowIfNotFinite(" + Id(p) + ", nameof(" + Id(p) + "));");
                }

                _w.Line(unpack);
                _w.Line("double __logPartition = LogPartition(" + locals + ");");
                using (_w.Block("if (" + Invalid(n => "__" + n) + ")"))
                {
                    _w.Line(Throw(fromParameters: true));
                }

                foreach (string n in Naturals)
                {
                    _w.Line(Field(n) + " = __" + n + ";");
                }

                _w.Line("_logPartition = __logPartition;");
                if (IsStruct)
                {
                    _w.Line("_constructed = true;");
                }
            }

            _w.Line();
            _w.Summary("Like the constructor, but returns false (and <c>default</c>) instead of throwing for invalid parameters.");
            _w.Docs(paramDocs);
            _w.Doc("<param name=\"result\">The law, or <c>default</c>.</param>");
            _w.Doc("<returns>Whether the parameters make a law.</returns>");
            using (_w.Block("public static bool TryCreate(" + list + ", " + EmitContext.MaybeNullWhenFalse + "out " + Self + " result)"))
            {
                using (_w.Block("if (" + string.Join(" || ", parameters.Select(p => "!double.IsFinite(" + Id(p) + ")")) + ")"))
                {
                    _w.Line("result = default!;");
                    _w.Line("return false;");
                }

                _w.Line(unpack);
                _w.Line("return TryFromNaturalParameters(" + locals + ", out result);");
            }

            _w.Line();
            _w.Summary("Creates the law from its natural parameters η directly (A(η) = <c>LogPartition</c>, called once).");
            _w.Docs(etaDocs);
            _w.Doc("<returns>The law.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\">η or A(η) is not finite: η is outside the natural parameter space.</exception>");
            using (_w.Block("public static " + Self + " FromNaturalParameters(" + etaList + ")"))
            {
                _w.Line("double __logPartition = LogPartition(" + etaArgs + ");");
                using (_w.Block("if (" + Invalid(Id) + ")"))
                {
                    _w.Line(Throw(fromParameters: false));
                }

                _w.Line("return new " + Self + "(" + etaArgs + ", __logPartition);");
            }

            _w.Line();
            _w.Summary("Like <c>FromNaturalParameters</c>, but returns false (and <c>default</c>) instead of throwing.");
            _w.Docs(etaDocs);
            _w.Doc("<param name=\"result\">The law, or <c>default</c>.</param>");
            _w.Doc("<returns>Whether η is in the natural parameter space.</returns>");
            using (_w.Block("public static bool TryFromNaturalParameters(" + etaList + ", " + EmitContext.MaybeNullWhenFalse + "out " + Self + " result)"))
            {
                _w.Line("double __logPartition = LogPartition(" + etaArgs + ");");
                using (_w.Block("if (" + Invalid(Id) + ")"))
                {
                    _w.Line("result = default!;");
                    _w.Line("return false;");
                }

                _w.Line("result = new " + Self + "(" + etaArgs + ", __logPartition);");
                _w.Line("return true;");
            }

            _w.Line();
        }

        private void EmitProperties()
        {
            foreach (string n in Naturals)
            {
                _w.Summary("The natural parameter <c>" + n + "</c> of η.");
                _c.ExpressionMember("public " + Readonly + "double " + Id(Pascal(n)), Field(n), isProperty: true);
                _w.Line();
            }

            _w.Summary("A(η), the log-partition at this law's natural parameters (computed once, by <c>LogPartition</c>).");
            _c.ExpressionMember("public " + Readonly + "double LogPartitionValue", "_logPartition", isProperty: true);
            _w.Line();
        }

        private void EmitDensity()
        {
            string x = X;
            string noun = _m.IsDiscrete ? "mass" : "density";
            _w.Summary("log p(" + x + ") = η·T(" + x + ") − A(η) + log h(" + x + "), from the type's <c>SufficientStatistics</c> and <c>LogBaseMeasure</c>;\n"
                + "−∞ outside the support (" + SupportDoc + ")" + (_m.IsDiscrete ? "." : ", NaN for NaN."));
            _w.Doc("<param name=\"" + x + "\">The " + (_m.IsDiscrete ? "outcome" : "value") + ".</param>");
            _w.Doc("<returns>The log-" + noun + ".</returns>");
            using (_w.Block("public " + Readonly + "double " + Density + "(" + Variate + " " + x + ")"))
            {
                _c.DefaultCheck();
                if (!_m.IsDiscrete)
                {
                    using (_w.Block("if (double.IsNaN(" + x + "))"))
                    {
                        _w.Line("return double.NaN;");
                    }
                }

                using (_w.Block("if (!__InSupport(" + x + "))"))
                {
                    _w.Line("return double.NegativeInfinity;");
                }

                _w.Line(Statistics(x));
                _w.Line("return " + Dot("_", "t") + " - _logPartition + LogBaseMeasure(" + x + ");");
            }

            _w.Line();
            string plain = _m.IsDiscrete ? "Pmf" : "Pdf";
            _w.Summary("p(" + x + ") = exp(" + Density + "(" + x + ")); 0 outside the support.");
            _w.Doc("<param name=\"" + x + "\">The " + (_m.IsDiscrete ? "outcome" : "value") + ".</param>");
            _w.Doc("<returns>The " + noun + ".</returns>");
            _c.ExpressionMember("public " + Readonly + "double " + plain + "(" + Variate + " " + x + ")", "global::System.Math.Exp(" + Density + "(" + x + "))");
            _w.Line();

            bool vectorised = Vectorised;
            _w.Summary("The batch log-" + noun + ": destinationᵢ = " + Density + "(valuesᵢ)" + (vectorised
                ? ", in SIMD vectors: T(x) and log h(x) are the translated bodies of\n<c>SufficientStatistics</c> and <c>LogBaseMeasure</c> (T = ("
                    + string.Join(", ", _m.Statistics.Select(t => SourceWriter.Escape(Formula.Show(t)))) + "), log h = " + SourceWriter.Escape(Formula.Show(_m.LogBase!))
                    + "),\nlowered to vector code; the remainder calls " + Density + "(x). Agrees with it to a few ulps of the terms (the vector log is\nwithin 1 ulp)."
                : _m.IsDiscrete ? "; one call per value (the SIMD form is for a real variate)."
                : "; one call per value (SufficientStatistics or LogBaseMeasure is outside the\nvectorisable subset: a runtime function, expm1, sin or cos, or not translatable)."));
            _w.Doc("<param name=\"values\">The values.</param>");
            _w.Doc("<param name=\"destination\">Receives the log-" + noun + "; at least as long as <paramref name=\"values\"/>.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than <paramref name=\"values\"/>.</exception>");
            using (_w.Block("public " + Readonly + "void " + Density + "(global::System.ReadOnlySpan<" + Variate + "> values, global::System.Span<double> destination)"))
            {
                _c.DefaultCheck();
                _w.Line("global::DivergenceGen.Guard.ThrowIfDestinationTooShort(values.Length, destination.Length);");
                if (vectorised)
                {
                    _w.Line("int i = " + FileFrame.Kernels(Self) + "." + Density + "(values, destination, "
                        + string.Join(", ", Naturals.Select(Field)) + ", _logPartition); // the whole vectors");
                    _w.Line("// The tail: the scalar member (it calls the type's own SufficientStatistics and LogBaseMeasure).");
                    using (_w.Block("for (; i < values.Length; i++)"))
                    {
                        _w.Line("destination[i] = " + Density + "(values[i]);");
                    }
                }
                else
                {
                    using (_w.Block("for (int i = 0; i < values.Length; i++)"))
                    {
                        _w.Line("destination[i] = " + Density + "(values[i]);");
                    }
                }
            }

            _w.Line();
            _w.Summary("Σᵢ log p(valuesᵢ), the log-likelihood of independent values; −∞ if one is outside the support.");
            _w.Doc("<param name=\"values\">The observed values.</param>");
            _w.Doc("<returns>The log-likelihood.</returns>");
            using (_w.Block("public " + Readonly + "double LogLikelihood(global::System.ReadOnlySpan<" + Variate + "> values)"))
            {
                _c.DefaultCheck();
                _w.Line("double sum = 0d;");
                using (_w.Block("foreach (" + Variate + " value in values)"))
                {
                    _w.Line("sum += " + Density + "(value);");
                }

                _w.Line("return sum;");
            }

            _w.Line();
            _w.Summary("Whether a value is in the support (" + SupportDoc + ").");
            _w.Doc("<param name=\"" + x + "\">The value.</param>");
            _w.Doc("<returns>Whether it is.</returns>");
            _w.Line("private static bool __InSupport(" + Variate + " " + x + ") => " + SupportTest(x) + ";");
            _w.Line();
        }

        /// <summary>
        /// Whether the batch log-density runs in SIMD vectors: a real variate, and T and log h translated into IR that
        /// lowers to vector code (no runtime call, no expm1, sin or cos, which have scalar forms only).
        /// </summary>
        /// <summary>Whether the file has a kernel class: the batch log-density's SIMD loops (<see cref="EmitKernels"/>).</summary>
        public bool HasKernels => Vectorised;

        /// <summary>
        /// The file's kernels (<see cref="FileFrame"/>): the SIMD loops of the batch log-density, as a function of the natural
        /// parameters (η₁, η₂, … by position) and A(η); it returns where the whole vectors end, and the member finishes the tail.
        /// </summary>
        public void EmitKernels()
        {
            _w.Summary("destinationᵢ = η·T(xᵢ) − A(η) + log h(xᵢ) for the whole vectors of <paramref name=\"values\"/> (−∞ outside the support,\n"
                + "NaN for NaN); returns the index where they end. Callers have checked the lengths and finish the tail.");
            _w.Doc("<param name=\"values\">The values.</param>");
            _w.Doc("<param name=\"destination\">Receives the log-density.</param>");
            foreach (var (_, i) in Naturals.Select((n, i) => (n, i)))
            {
                _w.Doc("<param name=\"eta" + N(i + 1) + "\">η" + N(i + 1) + ", the natural parameter " + SourceWriter.Escape(Naturals[i]) + ".</param>");
            }

            _w.Doc("<param name=\"logPartition\">A(η).</param>");
            _w.Doc("<returns>The index of the first value not written.</returns>");
            string etas = string.Concat(Naturals.Select((_, i) => ", double eta" + N(i + 1)));
            using (_w.Block("internal static int " + Density + "(ReadOnlySpan<double> values, Span<double> destination" + etas + ", double logPartition)"))
            {
                EmitVectorisedDensity();
                _w.Line("return i;");
            }

            _w.Line();
        }

        private bool Vectorised => !_m.IsDiscrete && _m.Statistics.Count == D && _m.LogBase is not null
            && _m.Statistics.All(VectorLowering.CanLower) && VectorLowering.CanLower(_m.LogBase);

        /// <summary>
        /// The SIMD body of the batch log-density: η·T(x) − A + log h(x) per lane from the IR, −∞ outside the support,
        /// NaN for NaN; the scalar remainder calls the scalar member.
        /// </summary>
        private void EmitVectorisedDensity()
        {
            // Sub-expressions that read no variate (log 2π) are computed once, in scalar code, before the loops.
            var hoisted = new List<(string Name, Expr Value)>();
            var statistics = _m.Statistics.Select(t => Hoist(t, hoisted)).ToList();
            var logBase = Hoist(_m.LogBase!, hoisted);

            // A function of the variate that T and log h share (the log-normal's log x, three times) is one vector local.
            var shared = new List<(string Name, Expr Value, Expr Original)>();
            foreach (var original in Repeated(statistics.Append(logBase)))
            {
                // Innermost first: the earlier shared locals are already substituted in the trees, so in this one too.
                var repeated = shared.Aggregate(original, (e, earlier) => Replace(e, earlier.Original, earlier.Name));
                string name = "__shared" + shared.Count.ToString(CultureInfo.InvariantCulture);
                shared.Add((name, repeated, original));
                statistics = statistics.Select(t => Replace(t, repeated, name)).ToList();
                logBase = Replace(logBase, repeated, name);
            }

            var scalar = new ScalarLowering(PrecisionKind.Double, name => name);
            foreach (var (name, value) in hoisted)
            {
                _w.Line("double " + name + " = " + scalar.Lower(value) + "; // read no variate: computed once");
            }

            _w.Line("ref double xRef = ref MemoryMarshal.GetReference(values);");
            _w.Line("ref double dRef = ref MemoryMarshal.GetReference(destination);");
            VectorLoops.Cascade(_c, "values.Length", lowering =>
            {
                string v = lowering!.Vector; // no scalar tail here: the member finishes it
                _w.Line("var x = " + v + ".LoadUnsafe(ref xRef, (nuint)i);");
                foreach (var (name, _) in hoisted)
                {
                    _w.Line("var " + name + "v = " + v + ".Create(" + name + ");");
                }

                foreach (var (name, value, _) in shared)
                {
                    _w.Line("var " + name + "v = " + lowering.Lower(value) + "; // shared by T(x) and log h(x)");
                }

                string dot = string.Join(" + ", Naturals.Select((_, i) => v + ".Create(eta" + N(i + 1) + ") * (" + lowering.Lower(statistics[i]) + ")"));
                _w.Line("var logDensity = " + dot + " - " + v + ".Create(logPartition) + (" + lowering.Lower(logBase) + ");");
                string inSupport = _m.Support switch
                {
                    SupportKind.Reals => v + ".LessThan(" + v + ".Abs(x), " + v + ".Create(double.PositiveInfinity))",
                    SupportKind.PositiveReals => v + ".GreaterThan(x, " + lowering.VectorType + ".Zero) & " + v + ".LessThan(x, " + v + ".Create(double.PositiveInfinity))",
                    _ => v + ".GreaterThan(x, " + lowering.VectorType + ".Zero) & " + v + ".LessThan(x, " + lowering.VectorType + ".One)",
                };
                _w.Line("logDensity = " + v + ".ConditionalSelect(" + inSupport + ", logDensity, " + v + ".Create(double.NegativeInfinity)); // outside the support (" + SupportText + ")");
                _w.Line("logDensity = " + v + ".ConditionalSelect(" + v + ".Equals(x, x), logDensity, x); // NaN in, NaN out");
                _w.Line(v + ".StoreUnsafe(logDensity, ref dRef, (nuint)i);");
            }, name => name.StartsWith("__", System.StringComparison.Ordinal) ? name + "v" : name, scalarTail: false);
        }

        /// <summary>
        /// <paramref name="e"/> with each largest sub-expression that reads no name and is not a constant replaced by a
        /// reference to <c>__hoistedN</c>, recorded in <paramref name="hoisted"/> (the vector log of a constant would otherwise
        /// run on every iteration).
        /// </summary>
        private static Expr Hoist(Expr e, List<(string Name, Expr Value)> hoisted) => Substitution.Rewrite(e, node =>
        {
            if (node is Const or Ref || Substitution.Names(node).Count != 0)
            {
                return null;
            }

            string name = "__hoisted" + hoisted.Count.ToString(CultureInfo.InvariantCulture);
            hoisted.Add((name, node));
            return E.Ref(name);
        });

        /// <summary>
        /// The calls of log, log1p, exp or √ that occur more than once across <paramref name="expressions"/> (by value), the
        /// innermost first, so that a shared one inside another shared one is a local before the outer one reads it.
        /// </summary>
        private static List<Expr> Repeated(IEnumerable<Expr> expressions)
        {
            var counts = new Dictionary<Expr, int>();
            void Count(Expr e)
            {
                if (e is Unary { Op: UnaryOp.Log or UnaryOp.Log1p or UnaryOp.Exp or UnaryOp.Sqrt })
                {
                    counts[e] = counts.TryGetValue(e, out int n) ? n + 1 : 1;
                }

                foreach (var child in Substitution.Children(e))
                {
                    Count(child);
                }
            }

            foreach (var e in expressions)
            {
                Count(e);
            }

            return counts.Where(c => c.Value > 1).Select(c => c.Key).OrderBy(Size).ToList();
        }

        private static int Size(Expr e) => 1 + Substitution.Children(e).Sum(Size);

        /// <summary><paramref name="e"/> with every occurrence of <paramref name="target"/> replaced by a reference to <paramref name="name"/>.</summary>
        private static Expr Replace(Expr e, Expr target, string name) =>
            Substitution.Rewrite(e, node => node.Equals(target) ? E.Ref(name) : null);

        private Lowering FieldLowering => new ScalarLowering(PrecisionKind.Double, Field);

        private void EmitMoments()
        {
            var lowering = FieldLowering;
            string formulas = string.Join("\n", Naturals.Select((n, i) => "∂A/∂" + n + " = " + SourceWriter.Escape(Formula.Show(_m.Gradient[i]))));
            _w.Summary("E[T(X)] = ∇A(η), the mean of the sufficient statistics, from the derivative of <c>LogPartition</c> derived\n"
                + "symbolically at compile time:\n<code>\n" + formulas + "\n</code>");
            _w.Doc("<returns>E[T(X)], of the shape <c>SufficientStatistics</c> returns.</returns>");
            string value = _m.Tuple
                ? "(" + string.Join(", ", _m.Gradient.Select(g => lowering.Lower(g))) + ")"
                : lowering.Lower(_m.Gradient[0]);
            _c.ExpressionMember("public " + Readonly + Shape + " ExpectedSufficientStatistics()", value);
            _w.Line();

            var lines = new List<string>();
            for (int i = 0; i < D; i++)
            {
                for (int j = i; j < D; j++)
                {
                    lines.Add("∂²A/∂" + Naturals[i] + "∂" + Naturals[j] + " = " + SourceWriter.Escape(Formula.Show(_m.Hessian[LogWeightModel.HessianIndex(i, j, D)])));
                }
            }

            _w.Summary("Cov[T(X)] = ∇²A(η), the covariance of the sufficient statistics (d × d, row-major, d = " + N(D) + "), from the second\n"
                + "derivatives of <c>LogPartition</c> derived symbolically at compile time:\n<code>\n" + string.Join("\n", lines) + "\n</code>");
            _w.Doc("<param name=\"destination\">Receives the d·d covariances.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than d·d.</exception>");
            using (_w.Block("public " + Readonly + "void SufficientStatisticsCovariance(global::System.Span<double> destination)"))
            {
                _c.DefaultCheck();
                _w.Line("global::DivergenceGen.Guard.ThrowIfDestinationTooShort(" + N(D * D) + ", destination.Length);");
                for (int i = 0; i < D; i++)
                {
                    for (int j = i; j < D; j++)
                    {
                        _w.Line("destination[" + N((i * D) + j) + "] = " + lowering.Lower(_m.Hessian[LogWeightModel.HessianIndex(i, j, D)]) + ";");
                        if (i != j)
                        {
                            _w.Line("destination[" + N((j * D) + i) + "] = destination[" + N((i * D) + j) + "];");
                        }
                    }
                }
            }

            _w.Line();
        }

        private void EmitMeasures()
        {
            var lowering = FieldLowering;
            string meanDot = string.Join(" + ", Naturals.Select((n, i) => "(q." + Field(n) + " - " + Field(n) + ") * __m" + N(i + 1)));
            _w.Summary("The Kullback–Leibler divergence in nats, D(P‖Q) = A(η_Q) − A(η_P) − (η_Q − η_P)·∇A(η_P): the Bregman divergence of the\n"
                + "log-partition, where P is this instance (∇A from the symbolic derivative of <c>LogPartition</c>). A negative result, which\n"
                + "only rounding can give, is returned as 0; the difference of A loses relative accuracy where P ≈ Q.");
            using (_c.QMember("public " + Readonly + "double KLDivergence(in " + Self + " q)", "The second distribution Q.", "<returns>D(P‖Q) ≥ 0.</returns>"))
            {
                _w.Line(MeanLocals + " // ∇A(η_P)");
                _w.Line("double kl = q._logPartition - _logPartition - (" + meanDot + ");");
                _w.Line("return kl < 0d ? 0d : kl; // KL ≥ 0: a negative value is rounding (NaN passes through)");
            }

            _w.Line();
            if (_m.Expectation == BaseMeasureExpectation.None)
            {
                _w.Line("// No Entropy or CrossEntropy: E[log h(X)] is not known (LogBaseMeasure depends on the variate over an infinite");
                _w.Line("// support, and the type declares no ExpectedLogBaseMeasure); DG0045 said so.");
                _w.Line();
                return;
            }

            string etaDot = string.Join(" + ", Naturals.Select((n, i) => Field(n) + " * __m" + N(i + 1)));
            if (_m.Expectation == BaseMeasureExpectation.FiniteSum)
            {
                _w.Summary("The entropy in nats, H(P) = −Σₖ pₖ·log pₖ over the " + N(_m.Outcomes) + " outcomes (0·log 0 = 0), each log pₖ from <c>LogPmf</c>.");
                _w.Doc("<returns>H(P).</returns>");
                using (_w.Block("public " + Readonly + "double Entropy()"))
                {
                    _c.DefaultCheck();
                    _w.Line("double sum = 0d;");
                    using (_w.Block("for (int k = 0; k < " + N(_m.Outcomes) + "; k++)"))
                    {
                        _w.Line("double logP = LogPmf(k);");
                        _w.Line("sum -= logP > double.NegativeInfinity ? global::System.Math.Exp(logP) * logP : 0d;");
                    }

                    _w.Line("return sum;");
                }
            }
            else
            {
                string expectation = _m.Expectation switch
                {
                    BaseMeasureExpectation.UserMethod => "ExpectedLogBaseMeasure(" + string.Join(", ", Naturals.Select(Field)) + ")",
                    BaseMeasureExpectation.Linear => "(" + lowering.Lower(_m.LinearConstant!)
                        + string.Concat(Naturals.Select((_, i) => Term(_m.LinearCoefficients[i], "__m" + N(i + 1))))
                        + ")",
                    _ => "LogBaseMeasure(" + SupportPoint + ")",
                };
                string source = _m.Expectation switch
                {
                    BaseMeasureExpectation.UserMethod => "the type's <c>ExpectedLogBaseMeasure</c>",
                    BaseMeasureExpectation.Linear => "log h(x) = " + SourceWriter.Escape(Formula.Show(_m.LogBase!)) + ", linear in T(x) = ("
                        + string.Join(", ", _m.Statistics.Select(t => SourceWriter.Escape(Formula.Show(t)))) + "):\nE[log h(X)] = c + a·E[T(X)] = c + a·∇A(η)",
                    _ => "<c>LogBaseMeasure</c>, a constant (its body reads no variate), taken at " + SupportPoint,
                };
                _w.Summary("The entropy in nats, H(P) = A(η) − η·∇A(η) − E[log h(X)], with ∇A from the symbolic derivative of <c>LogPartition</c>\n"
                    + "and E[log h(X)] from " + source + ".");
                _w.Doc("<returns>H(P).</returns>");
                using (_w.Block("public " + Readonly + "double Entropy()"))
                {
                    _c.DefaultCheck();
                    _w.Line(MeanLocals + " // ∇A(η) = E[T(X)]");
                    _w.Line("return _logPartition - (" + etaDot + ") - " + expectation + ";");
                }
            }

            _w.Line();
            _w.Summary("The cross-entropy in nats, H(P, Q) = H(P) + D(P‖Q), where P is this instance.");
            _w.Doc("<param name=\"q\">The second distribution Q.</param>");
            _w.Doc("<returns>H(P, Q).</returns>");
            _c.NullCheckDoc("q");
            _c.DefaultCheckDoc();
            _c.ExpressionMember("public " + Readonly + "double CrossEntropy(in " + Self + " q)", "Entropy() + KLDivergence(q)");
            _w.Line();
        }

        /// <summary><c>var (__m1, __m2) = ExpectedSufficientStatistics();</c> (or <c>double __m1 = …</c>): ∇A once, for the KL and the entropy.</summary>
        private string MeanLocals => (_m.Tuple ? "var (" + string.Join(", ", Naturals.Select((_, i) => "__m" + N(i + 1))) + ")" : "double __m1")
            + " = ExpectedSufficientStatistics();";

        /// <summary><c> + a * (g)</c>, <c> - (g)</c> for a = −1, nothing for a = 0: one term of c + a·∇A.</summary>
        private static string Term(double a, string g) => a switch
        {
            0 => string.Empty,
            1 => " + " + g,
            -1 => " - " + g,
            < 0 => " - " + Lowering.Literal(-a, PrecisionKind.Double) + " * " + g,
            _ => " + " + Lowering.Literal(a, PrecisionKind.Double) + " * " + g,
        };

        private void EmitFit()
        {
            string samples = "samples";
            string how = "Maximum likelihood: η̂ solves ∇A(η) = T̄, the mean of <c>SufficientStatistics</c> over the samples, by Newton steps on\n"
                + "∇²A (<see cref=\"global::DivergenceGen.ExponentialFamilies.FitNaturalParameters\"/> states the method and its stopping rule).";
            string exceptions = "<exception cref=\"global::System.ArgumentOutOfRangeException\">A sample is outside the support (" + SupportDoc + "; the message names its index and value).</exception>\n"
                + "<exception cref=\"global::System.ArgumentException\">There are no samples, or no maximum: the data lie on the family's boundary (e.g. all\n"
                + "samples equal where the family needs spread); the message names η's last values and T̄.</exception>";
            if (_m.HasStart)
            {
                string start = string.Join(", ", _m.Parameters.Select((p, i) => p + " = " + _m.Start[i].ToString("R", CultureInfo.InvariantCulture)));
                _w.Summary("Fits the law to samples, starting from the law with " + start + " (the default values of\n<c>NaturalParameters</c>' parameters).\n" + how);
                _w.Doc("<param name=\"" + samples + "\">The samples; at least one.</param>");
                _w.Doc("<returns>The fitted law.</returns>");
                _w.Docs(exceptions);
                using (_w.Block("public static " + Self + " Fit(global::System.ReadOnlySpan<" + Variate + "> " + samples + ")"))
                {
                    _w.Line("return __Fit(" + samples + ", new " + Self + "(" + string.Join(", ", _m.Start.Select(v => Lowering.Literal(v, PrecisionKind.Double))) + "));");
                }

                _w.Line();
            }

            _w.Summary("Fits the law to samples, starting from <paramref name=\"start\"/>.\n" + how);
            _w.Doc("<param name=\"" + samples + "\">The samples; at least one.</param>");
            _w.Doc("<param name=\"start\">Where Newton starts.</param>");
            _w.Doc("<returns>The fitted law.</returns>");
            _w.Docs(exceptions);
            using (_w.Block("public static " + Self + " Fit(global::System.ReadOnlySpan<" + Variate + "> " + samples + ", " + (IsStruct ? "in " : string.Empty) + Self + " start)"))
            {
                _w.Line(IsStruct ? "start.ThrowIfDefault();" : "global::System.ArgumentNullException.ThrowIfNull(start);");
                _w.Line("return __Fit(" + samples + ", start);");
            }

            _w.Line();
            _w.Summary("The mean sufficient statistic T̄ (checking each sample's support), then Newton in η from the start's η.");
            _w.Doc("<param name=\"samples\">The samples.</param>");
            _w.Doc("<param name=\"start\">The start.</param>");
            _w.Doc("<returns>The fitted law.</returns>");
            using (_w.Block("private static " + Self + " __Fit(global::System.ReadOnlySpan<" + Variate + "> samples, " + (IsStruct ? "in " : string.Empty) + Self + " start)"))
            {
                _w.Line("global::DivergenceGen.Guard.ThrowIfEmpty(samples.Length, nameof(samples));");
                for (int i = 0; i < D; i++)
                {
                    _w.Line("double s" + N(i + 1) + " = 0d;");
                }

                using (_w.Block("for (int i = 0; i < samples.Length; i++)"))
                {
                    _w.Line(Variate + " " + X + " = samples[i];");
                    using (_w.Block("if (!__InSupport(" + X + "))"))
                    {
                        _w.Line("global::DivergenceGen.ExponentialFamilies.ThrowOutsideSupport(i, " + X + ", \"" + SupportText + "\", nameof(samples));");
                    }

                    _w.Line(Statistics(X));
                    for (int i = 0; i < D; i++)
                    {
                        _w.Line("s" + N(i + 1) + " += t" + N(i + 1) + ";");
                    }
                }

                _w.Line("double[] eta = global::DivergenceGen.ExponentialFamilies.FitNaturalParameters(");
                _w.Line("    \"" + SelfName + "\",");
                _w.Line("    new[] { " + string.Join(", ", Naturals.Select(n => "\"" + n + "\"")) + " },");
                _w.Line("    new double[] { " + string.Join(", ", Naturals.Select((_, i) => "s" + N(i + 1) + " / samples.Length")) + " },");
                _w.Line("    new double[] { " + string.Join(", ", Naturals.Select(n => "start." + Field(n))) + " },");
                _w.Line("    __LogPartitionDerivatives,");
                _w.Line("    nameof(samples));");
                _w.Line("return FromNaturalParameters(" + string.Join(", ", Naturals.Select((_, i) => "eta[" + N(i) + "]")) + ");");
            }

            _w.Line();
        }

        /// <summary>A(η), ∇A and ∇²A for Fit, lowered from the IR with the user's names as locals.</summary>
        private void EmitDerivatives()
        {
            var lowering = new ScalarLowering(PrecisionKind.Double, Id);
            var lines = DerivativeHelpers.Formulas("LogPartition(" + string.Join(", ", Naturals) + ")", _m.LogPartition, Naturals, _m.Gradient, _m.Hessian);

            _w.Summary("A(η) and its first and second derivatives, for Fit: the generator translated the body of <c>LogPartition</c> and\n"
                + "differentiated it symbolically at compile time:\n<code>\n" + string.Join("\n", lines.Select(SourceWriter.Escape)) + "\n</code>");
            _w.Doc("<param name=\"__eta\">η.</param>");
            _w.Doc("<param name=\"__gradient\">Empty, or receives ∇A.</param>");
            _w.Doc("<param name=\"__hessian\">Empty, or receives ∇²A (row-major).</param>");
            _w.Doc("<returns>A(η).</returns>");
            using (_w.Block("private static double __LogPartitionDerivatives(global::System.ReadOnlySpan<double> __eta, global::System.Span<double> __gradient, global::System.Span<double> __hessian)"))
            {
                for (int i = 0; i < D; i++)
                {
                    _w.Line("double " + Id(Naturals[i]) + " = __eta[" + N(i) + "];");
                }

                DerivativeHelpers.EmitBody(_w, lowering, _m.LogPartition, _m.Gradient, _m.Hessian);
            }

            _w.Line();
        }

        private void EmitToString()
        {
            if (_c.Spec.DeclaresToString)
            {
                return;
            }

            string values = string.Join(", ", Naturals.Select(n => n + " = {" + Field(n) + ":R}"));
            _c.EmitToString(
                _f.Name,
                "<c>" + SelfName + ": " + _f.Name + "(" + string.Join(", ", Naturals.Select(n => n + " = …")) + ")</c>",
                prefix => "global::System.FormattableString.Invariant($\"" + prefix + values + ")\")");
            _w.Line();
        }
    }
}
