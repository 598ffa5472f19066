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
    /// Emits a family described by <see cref="ContinuousFamily"/>: scalar parameters, a density on an interval of the real
    /// line. Every member is derived from the description; nothing here names a family. All arithmetic is in double (the
    /// cached quantities are double fields); a float type rounds once, when it returns.
    /// </summary>
    internal sealed class ContinuousFamilyEmitter
    {
        private readonly EmitContext _c;
        private readonly ContinuousFamily _f;
        private readonly SourceWriter _w;

        public ContinuousFamilyEmitter(EmitContext context, ContinuousFamily family)
        {
            _c = context;
            _f = family;
            _w = context.W;
        }

        private string T => _c.T;

        private string Self => _c.Self;

        private bool IsDouble => _c.Spec.Precision == PrecisionKind.Double;

        private string Readonly => _c.ReadonlyMember;

        /// <summary>(float)(x) for float, x for double.</summary>
        private string Narrow(string doubleExpression) => _c.Narrow(doubleExpression);

        private bool IsParameter(string name) => _f.Parameters.Any(p => p.Name == name);

        /// <summary>Binds a formula's names inside an instance member: fields of this instance, <c>q.</c> fields of Q, the argument.</summary>
        private string BindInstance(string name)
        {
            if (name.StartsWith("q.", StringComparison.Ordinal))
            {
                string inner = name.Substring(2);
                return IsParameter(inner) && !IsDouble ? "(double)q._" + inner : "q._" + inner;
            }

            if (name is "x" or "probability" or "random")
            {
                return name;
            }

            return IsParameter(name) && !IsDouble ? "(double)_" + name : "_" + name;
        }

        private string Lower(Expr expr) => new ScalarLowering(PrecisionKind.Double, BindInstance).Lower(expr);

        private static string Escape(string text) => SourceWriter.Escape(text);

        /// <summary>The support as text: "x ∈ ℝ", "x ≥ 0", "0 ≤ x ≤ 1", "lower ≤ x ≤ upper".</summary>
        private string SupportText
        {
            get
            {
                string End(Boundary b) => b.Value is Const k ? Lowering.Literal(k.Value, PrecisionKind.Double).TrimEnd('d') : Formula.Show(b.Value);
                return (_f.Lower, _f.Upper) switch
                {
                    (null, null) => "x ∈ ℝ",
                    ({ } lo, null) => "x " + (lo.Closed ? "≥ " : "> ") + End(lo),
                    (null, { } hi) => "x " + (hi.Closed ? "≤ " : "< ") + End(hi),
                    ({ } lo, { } hi) => End(lo) + (lo.Closed ? " ≤ " : " < ") + "x" + (hi.Closed ? " ≤ " : " < ") + End(hi),
                };
            }
        }

        private string ArgumentList => string.Join(", ", _f.Parameters.Select(p => p.Name));

        private string Signature => _f.Name + "(" + ArgumentList + ")";

        public void Emit(string version)
        {
            _w.Line(Emitter.GeneratedCodeAttribute(version));
            using (_w.Block(_c.DeclarationKeywords + " " + Self + " : " + _f.InterfaceName + "<" + Self + ", " + T + ">"))
            {
                EmitState();
                EmitDefaultDetection();
                EmitConstruction();
                EmitProperties();
                EmitDensity();
                EmitDistributionFunction();
                EmitBatchLogPdf();
                EmitMeasures();
                EmitBatchKL();
                EmitFit();
                EmitSampling();
                EmitToString();
            }
        }

        private void EmitState()
        {
            _w.Line("// " + _f.Name + ": support " + SupportText + ". Parameters are stored as given; what is cached per instance is");
            _w.Line("// computed once, in double, in the constructor" + (IsDouble ? "." : "; this float type computes in double and rounds once, on return."));
            Members.EmitFields(_f.Cached, "double");
        }

        private ScalarParameterMembers Members => new ScalarParameterMembers(_c, _f.Name, _f.Parameters);

        private void EmitDefaultDetection() =>
            Members.EmitDefaultDetection(_f.Cached, _f.Constraint, "give it a positive parameter or a constraint.");

        private void EmitConstruction() => Members.EmitConstruction(Signature, _f.Summary, _f.Cached, _f.Constraint);

        private void EmitProperties() => Members.EmitProperties(_f.Moments, Lower, Narrow);

        /// <summary>The C# test that x (a double) is outside the support, or null when the support is all of ℝ; the ends lowered by <paramref name="lowering"/>.</summary>
        private string? Outside(string x, ScalarLowering lowering)
        {
            var tests = new List<string>();
            if (_f.Lower is { } lo)
            {
                tests.Add(x + (lo.Closed ? " < " : " <= ") + lowering.Lower(lo.Value));
            }

            if (_f.Upper is { } hi)
            {
                tests.Add(x + (hi.Closed ? " > " : " >= ") + lowering.Lower(hi.Value));
            }

            return tests.Count == 0 ? null : string.Join(" || ", tests);
        }

        private bool Unbounded => _f.Lower is null || _f.Upper is null;

        private void EmitDensity()
        {
            _w.Summary("log p(x), with " + Escape(_f.DensityFormula) + ": −∞ outside the support and at ±∞, NaN for NaN; at a\n"
                + "closed end of the support the density's value there (its limit, which may be +∞).");
            _w.Doc("<param name=\"x\">The value.</param>");
            _c.ExpressionMember("public " + Readonly + T + " LogPdf(" + T + " x)", Narrow("LogPdfInDouble(x)"));
            _w.Line();
            _w.Summary("p(x) = exp(log p(x)): 0 outside the support.");
            _w.Doc("<param name=\"x\">The value.</param>");
            _c.ExpressionMember("public " + Readonly + T + " Pdf(" + T + " x)", Narrow("global::System.Math.Exp(LogPdfInDouble(x))"));
            _w.Line();
            _w.Line("// " + _f.LogPdfMethod);
            _w.Line("private " + Readonly + "double LogPdfInDouble(double x) => " + KernelCall("LogPdf", "x") + ";");
            _w.Line();
            _c.EmitLogLikelihood(
                "Σᵢ log p(xᵢ), the log-likelihood of independent values, accumulated in double; −∞ as soon as a value is\n"
                + "outside the support (" + SupportText + "), NaN for a NaN value; 0 for no values.",
                T,
                "x",
                "The observed values.",
                value => "LogPdfInDouble(" + value + ")");
        }

        private void EmitDistributionFunction()
        {
            _w.Summary("The distribution function P(X ≤ x) (0 below the support, 1 above it, NaN for NaN), from the runtime's\n"
                + "<c>" + Escape(((Call)_f.Cdf).Function) + "</c> (method and measured accuracy there).");
            _w.Doc("<param name=\"x\">The value.</param>");
            _c.ExpressionMember("public " + Readonly + T + " Cdf(" + T + " x)", Narrow(Lower(_f.Cdf)));
            _w.Line();
            _w.Summary("The quantile function, the inverse of <see cref=\"Cdf\"/>: the x with P(X ≤ x) = <paramref name=\"probability\"/>\n"
                + "(the ends of the support at 0 and 1), from the runtime's <c>" + Escape(((Call)_f.Quantile).Function) + "</c>.");
            _w.Doc("<param name=\"probability\">A probability in [0, 1].</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"probability\"/> is NaN or outside [0, 1].</exception>");
            _c.DefaultCheckDoc();
            using (_w.Block("public " + Readonly + T + " Quantile(" + T + " probability)"))
            {
                _c.DefaultCheck();
                _w.Line("global::DivergenceGen.Guard.ThrowIfNotProbability(probability, nameof(probability));");
                _w.Line("return " + Narrow(Lower(_f.Quantile)) + ";");
            }

            _w.Line();
        }

        /// <summary>
        /// The batch log-density. With a vector form (double types): SIMD loops over the values, each vector computed by the
        /// form and stored when every lane is inside the open support; a vector with a lane at an end, outside, infinite or
        /// NaN takes the scalar member lane by lane (one predictable branch per vector, none per element).
        /// </summary>
        private void EmitBatchLogPdf()
        {
            var vector = _f.VectorLogPdf;
            _w.Summary("Writes log p(xᵢ) to destination[i] for every i: the same values as <see cref=\"LogPdf(" + T + ")\"/>"
                + (vector is null ? "." : ",\ncomputed with " + Escape(vector.Method) + "."
                + (IsDouble ? string.Empty : "\nThe float values are widened to double in chunks of " + FloatChunk + " on the stack, computed by the double SIMD kernel and rounded once.")));
            _w.Doc("<param name=\"x\">The values.</param>");
            _w.Doc("<param name=\"destination\">Receives the log-densities; at least as long as <paramref name=\"x\"/>.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than <paramref name=\"x\"/>.</exception>");
            _c.DefaultCheckDoc();
            using (_w.Block("public " + Readonly + "void LogPdf(global::System.ReadOnlySpan<" + T + "> x, global::System.Span<" + T + "> destination)"))
            {
                _c.DefaultCheck();
                _w.Line("global::DivergenceGen.Guard.ThrowIfDestinationTooShort(x.Length, destination.Length);");
                if (vector is null)
                {
                    using (_w.Block("for (int i = 0; i < x.Length; i++)"))
                    {
                        _w.Line("destination[i] = " + Narrow("LogPdfInDouble(x[i])") + ";");
                    }
                }
                else if (IsDouble)
                {
                    _w.Line(KernelCall("LogPdf", "x", "destination") + ";");
                }
                else
                {
                    _w.Line("global::System.Span<double> wide = stackalloc double[" + FloatChunk + "];");
                    _w.Line("global::System.Span<double> result = stackalloc double[" + FloatChunk + "];");
                    using (_w.Block("for (int start = 0; start < x.Length; start += " + FloatChunk + ")"))
                    {
                        _w.Line("int count = global::System.Math.Min(" + FloatChunk + ", x.Length - start);");
                        using (_w.Block("for (int i = 0; i < count; i++)"))
                        {
                            _w.Line("wide[i] = x[start + i];");
                        }

                        _w.Line(KernelCall("LogPdf", "wide.Slice(0, count)", "result") + ";");
                        using (_w.Block("for (int i = 0; i < count; i++)"))
                        {
                            _w.Line("destination[start + i] = (float)result[i];");
                        }
                    }
                }
            }

            _w.Line();
        }

        /// <summary>The chunk of float values a float type's batch log-density widens to double at a time (on the stack).</summary>
        private const string FloatChunk = "256";

        /// <summary>The file's kernel class, as the members reach it.</summary>
        private string Kernels => FileFrame.Kernels(Self);

        /// <summary>
        /// The parameters and cached quantities the log-density reads (scalar form, support ends, vector form and its
        /// condition), in declaration order: the kernels take them as arguments, named as in the description.
        /// </summary>
        private IReadOnlyList<string> DensityNames => Substitution.NamesRead(
            _f.Parameters.Select(p => p.Name).Concat(_f.Cached.Select(c => c.Name)),
            _f.LogPdf, _f.Lower?.Value, _f.Upper?.Value, _f.VectorLogPdf?.Value, _f.VectorLogPdf?.Condition);

        /// <summary>A call of a kernel with the instance's values of <see cref="DensityNames"/> after <paramref name="first"/>.</summary>
        private string KernelCall(string name, params string[] first) =>
            Kernels + "." + name + "(" + string.Join(", ", first.Concat(DensityNames.Select(n => "_" + n))) + ")";

        /// <summary>
        /// The file's kernels (<see cref="FileFrame"/>): the log-density of one value and, where the description has a vector
        /// form, of a span, as functions of the parameters and cached quantities the instance passes.
        /// </summary>
        public void EmitKernels()
        {
            var names = DensityNames;
            string declared = string.Concat(names.Select(n => ", double " + n));
            var scalar = new ScalarLowering(PrecisionKind.Double, n => n);
            _w.Summary("log p(x) of one value, in double: NaN for NaN, −∞ outside the support" + (Unbounded ? " and at ±∞" : string.Empty) + ". "
                + Escape(_f.LogPdfMethod));
            using (_w.Block("internal static double LogPdf(double x" + declared + ")"))
            {
                using (_w.Block("if (double.IsNaN(x))"))
                {
                    _w.Line("return x;");
                }

                if (Outside("x", scalar) is { } outside)
                {
                    using (_w.Block("if (" + outside + ")"))
                    {
                        _w.Line("return double.NegativeInfinity;");
                    }
                }

                if (Unbounded)
                {
                    using (_w.Block("if (double.IsInfinity(x))"))
                    {
                        _w.Line("return double.NegativeInfinity; // the density's limit at ±∞ is 0");
                    }
                }

                _w.Line("return " + scalar.Lower(_f.LogPdf) + ";");
            }

            _w.Line();
            if (_f.VectorLogPdf is { } vector)
            {
                EmitVectorisedLogPdf(vector, names);
            }
        }

        /// <summary>
        /// The SIMD loops of the batch log-density, in double (the double member's, and the float member's per chunk). In two
        /// passes where the vector form calls the logarithm (<see cref="KernelPasses"/>).
        /// </summary>
        private void EmitVectorisedLogPdf(VectorLogPdf vector, IReadOnlyList<string> names)
        {
            var broadcast = Substitution.Names(vector.Value).Where(n => n != "x").OrderBy(n => n, StringComparer.Ordinal).ToList();
            var scalar = new ScalarLowering(PrecisionKind.Double, n => n);
            string arguments = string.Concat(names.Select(n => ", " + n));
            var parameters = new List<(string Type, string Name)> { ("ReadOnlySpan<double>", "x"), ("Span<double>", "destination") };
            parameters.AddRange(names.Select(n => ("double", n)));
            VectorLoops.ElementwiseKernel(
                _c,
                "LogPdf",
                "log p(xᵢ) into destination[i]: each vector by " + Escape(vector.Method) + ",\nwhere every lane is inside the open support; "
                + "the scalar form lane by lane where one is not. Callers have checked the lengths.",
                parameters,
                "x.Length",
                twoPass: _c.VectorWidths.Length > 0 && KernelPasses.Applies(vector.Value),
                () =>
                {
                    _w.Line("ref double xRef = ref MemoryMarshal.GetReference(x);");
                    _w.Line("ref double dRef = ref MemoryMarshal.GetReference(destination);");
                },
                (lowering, returnOnNaN) =>
                {
                    if (lowering is null)
                    {
                        _w.Line("destination[i] = LogPdf(x[i]" + arguments + ");");
                        return;
                    }

                    string v = lowering.Vector;
                    string lanes = lowering.Lanes.ToString(CultureInfo.InvariantCulture);
                    _w.Line("var values = " + v + ".LoadUnsafe(ref xRef, (nuint)i);");
                    foreach (string name in broadcast)
                    {
                        _w.Line("var " + name + "V = " + v + ".Create(" + name + ");");
                    }

                    var inside = new List<string>();
                    if (_f.Lower is { } lo)
                    {
                        inside.Add(v + ".GreaterThanAll(values, " + v + ".Create(" + scalar.Lower(lo.Value) + "))");
                    }

                    if (_f.Upper is { } hi)
                    {
                        inside.Add(v + ".LessThanAll(values, " + v + ".Create(" + scalar.Lower(hi.Value) + "))");
                    }

                    if (Unbounded)
                    {
                        inside.Add(v + ".LessThanAll(" + v + ".Abs(values), " + v + ".Create(double.PositiveInfinity))");
                    }

                    using (_w.Block("if (" + string.Join(" && ", inside) + ")"))
                    {
                        if (returnOnNaN)
                        {
                            _w.Line("var logDensity = " + lowering.Lower(vector.Value) + ";");
                            VectorLoops.ReturnOnNaN(_w, lowering, "logDensity");
                            _w.Line(v + ".StoreUnsafe(logDensity, ref dRef, (nuint)i);");
                        }
                        else
                        {
                            _w.Line(v + ".StoreUnsafe(" + lowering.Lower(vector.Value) + ", ref dRef, (nuint)i);");
                        }
                    }

                    using (_w.Block("else"))
                    {
                        _w.Line("// A lane at an end of the support, outside it, infinite or NaN: the scalar form, lane by lane.");
                        using (_w.Block("for (int j = i; j < i + " + lanes + "; j++)"))
                        {
                            _w.Line("destination[j] = LogPdf(x[j]" + arguments + ");");
                        }
                    }
                },
                name => name == "x" ? "values" : name + "V",
                PrecisionKind.Double,
                guard: vector.Condition is not { } condition ? null : () =>
                {
                    using (_w.Block("if (!(" + scalar.Lower(condition) + "))"))
                    {
                        _w.Line("// Outside the vector form's range: the scalar form per element.");
                        using (_w.Block("for (int k = 0; k < x.Length; k++)"))
                        {
                            _w.Line("destination[k] = LogPdf(x[k]" + arguments + ");");
                        }

                        _w.Line("return;");
                    }
                });
        }

        private void EmitMeasures()
        {
            _w.Summary("The differential entropy in nats, " + Escape(_f.EntropyFormula) + " (negative for a concentrated law).");
            _c.ExpressionMember("public " + Readonly + T + " Entropy()", Narrow("EntropyInDouble()"));
            _w.Line();
            _w.Line("private " + Readonly + "double EntropyInDouble() => " + Lower(_f.Entropy) + ";");
            _w.Line();
            _c.EmitKLAndCrossEntropyInDouble(
                "The Kullback–Leibler divergence in nats, where P is this instance and Q is <paramref name=\"q\"/>:\n"
                + Escape(_f.KLFormula) + ".\nNever negative (a negative rounding residue is returned as 0); 0 for Q = P.",
                Lower(_f.KLDivergence),
                "The cross-entropy in nats, H(P, Q) = −E_P[log q(X)] = H(P) + D(P‖Q), where P is this instance\n"
                + "(computed as that sum, in double); +∞ where the divergence is.");
        }

        /// <summary>The static KL over many parameter pairs, element by element: <c>KLDivergence(p₁…, q₁…, destination)</c>.</summary>
        private void EmitBatchKL()
        {
            if (_f.BatchKL is not { } batch)
            {
                return;
            }

            var spans = _f.Parameters.Select(p => (Parameter: p, Name: p.Name + "P", Side: "P"))
                .Concat(_f.Parameters.Select(p => (Parameter: p, Name: p.Name + "Q", Side: "Q"))).ToList();
            _w.Summary("D(Pᵢ‖Qᵢ) for many pairs at once: destination[i] is the divergence between " + _f.Name + "(" + string.Join(", ", _f.Parameters.Select(p => p.Name + "P[i]"))
                + ")\nand " + _f.Name + "(" + string.Join(", ", _f.Parameters.Select(p => p.Name + "Q[i]")) + "), " + Escape(batch.Method) + " (see <see cref=\"KLDivergence(in " + Self + ")\"/>).");
            foreach (var (p, name, side) in spans)
            {
                _w.Doc("<param name=\"" + name + "\">" + Escape(p.Meaning.TrimEnd('.')) + ", of each " + side + ".</param>");
            }

            _w.Doc("<param name=\"destination\">Receives the divergences; at least as long as the parameter spans.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\">The parameter spans differ in length, or <paramref name=\"destination\"/> is shorter.</exception>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">A parameter is invalid (the message names the span, index and value).</exception>");
            string parameters = string.Join(", ", spans.Select(s => "global::System.ReadOnlySpan<" + T + "> " + s.Name));
            using (_w.Block("public static void KLDivergence(" + parameters + ", global::System.Span<" + T + "> destination)"))
            {
                string first = spans[0].Name;
                foreach (var (_, name, _) in spans.Skip(1))
                {
                    _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(" + name + ".Length, " + first + ".Length, nameof(" + name + "));");
                }

                _w.Line("global::DivergenceGen.Guard.ThrowIfDestinationTooShort(" + first + ".Length, destination.Length);");
                foreach (var (p, name, _) in spans)
                {
                    _w.Line(ParameterChecks.ThrowIfAnyInvalid(p.Domain) + "(" + name + ", nameof(" + name + "));");
                }

                string Bind(string n) => n.StartsWith("q.", StringComparison.Ordinal)
                    ? (IsDouble ? "" : "(double)") + n.Substring(2) + "Q[i]"
                    : (IsDouble ? "" : "(double)") + n + "P[i]";
                using (_w.Block("for (int i = 0; i < " + first + ".Length; i++)"))
                {
                    _w.Line("double d = " + new ScalarLowering(PrecisionKind.Double, Bind).Lower(_f.KLDivergence) + ";");
                    _w.Line("destination[i] = " + Narrow("d > 0d ? d : 0d") + ";");
                }
            }

            _w.Line();
        }

        private void EmitFit()
        {
            _w.Summary("The maximum-likelihood " + _f.Name + " for independent values: " + Escape(_f.FitMethod) + ", computed in double\n"
                + "by the runtime's <c>" + _f.FitFunction + "</c>.");
            _w.Doc("<param name=\"x\">The sample, every value finite and in the support (" + SupportText + ").</param>");
            _w.Doc("<returns>The fitted distribution.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\">The sample is empty, has a NaN or infinite value (the message names its index), "
                + "or is degenerate (e.g. every value equal), so that the estimate is not a valid parameter.</exception>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">A value is outside the support (the message names its index).</exception>");
            using (_w.Block("public static " + Self + " Fit(global::System.ReadOnlySpan<" + T + "> x)"))
            {
                _w.Line("global::DivergenceGen." + _f.FitFunction + "(x, " + string.Join(", ", _f.Parameters.Select(p => "out double " + p.Name)) + ");");
                _w.Line("return new " + Self + "(" + string.Join(", ", _f.Parameters.Select(p => IsDouble ? p.Name : "(float)" + p.Name)) + ");");
            }

            _w.Line();
        }

        private void EmitSampling()
        {
            _w.Summary("Draws one value with an exact sampler of the runtime library (deterministic for a seeded <paramref name=\"random\"/>).");
            _w.Doc("<param name=\"random\">The source of randomness (seed it for reproducible draws).</param>");
            _w.Doc("<returns>A value in the support.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"random\"/> is null.</exception>");
            using (_w.Block("public " + Readonly + T + " Sample(global::System.Random random)"))
            {
                _c.DefaultCheck();
                _w.Line("global::System.ArgumentNullException.ThrowIfNull(random);");
                _w.Line("return " + Narrow(Lower(_f.Sample)) + ";");
            }

            _w.Line();
            _w.Summary("Fills <paramref name=\"destination\"/> with independent draws (the same sequence as repeated <see cref=\"Sample(global::System.Random)\"/>).");
            _w.Doc("<param name=\"random\">The source of randomness.</param>");
            _w.Doc("<param name=\"destination\">Receives the draws.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"random\"/> is null.</exception>");
            using (_w.Block("public " + Readonly + "void Sample(global::System.Random random, global::System.Span<" + T + "> destination)"))
            {
                _c.DefaultCheck();
                _w.Line("global::System.ArgumentNullException.ThrowIfNull(random);");
                using (_w.Block("for (int i = 0; i < destination.Length; i++)"))
                {
                    _w.Line("destination[i] = " + Narrow(Lower(_f.Sample)) + ";");
                }
            }

            _w.Line();
        }

        /// <summary>The user's own <c>ToString()</c> wins; otherwise the family and its parameters.</summary>
        private void EmitToString() => Members.EmitToString(blankLineBefore: false);
    }
}
