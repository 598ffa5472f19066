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
    /// Emits a family described by <see cref="VectorFamily"/>: laws on vectors of a compile-time length. Every member is
    /// derived from the description and nothing here names a family. Stored vectors are inline arrays in a struct and
    /// arrays in a class; sums over the elements are kernels (<see cref="FiniteSumEmitter"/>, straight-line up to the unroll
    /// threshold, SIMD loops above), batch members are row kernels with a gradient option (<see cref="RowScheduler"/>),
    /// and whatever is not a short sum is a runtime call. Scalars are computed in double; a float type rounds once, on return.
    /// </summary>
    internal sealed class VectorFamilyEmitter
    {
        private const string Buffer = "__Values";
        private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
        private const string Marshal = "global::System.Runtime.InteropServices.MemoryMarshal";
        private const string Guard = "global::DivergenceGen.Guard";
        private const string Gradient = "TGradient";

        private readonly EmitContext _c;
        private readonly VectorFamily _f;
        private readonly SourceWriter _w;

        public VectorFamilyEmitter(EmitContext context, VectorFamily family)
        {
            _c = context;
            _f = family;
            _w = context.W;
        }

        private string T => _c.T;

        private string Self => _c.Self;

        private bool IsStruct => _c.Spec.Type.IsStruct;

        private bool IsDouble => _c.Spec.Precision == PrecisionKind.Double;

        private int Size => _c.Spec.Classes;

        private string SizeText => _f.SizeSymbol + " = " + N(Size);

        private string Ros => "global::System.ReadOnlySpan<" + T + ">";

        private string Span => "global::System.Span<" + T + ">";

        private string Readonly => _c.ReadonlyMember;

        private string Kernels => FileFrame.Kernels(_c.Spec.Type.Name);

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

        private static string Escape(string text) => SourceWriter.Escape(text);

        /// <summary>(float)(x) for float, x for double.</summary>
        private string Narrow(string doubleExpression) => _c.Narrow(doubleExpression);

        private bool IsStored(string name) => _f.Stored.Any(s => s.Name == name);

        private bool IsCached(string name) => _f.Cached.Any(c => c.Name == name);

        /// <summary>The C# of a name in an instance member: stored vectors and cached scalars are fields (Q's through <c>q.</c>).</summary>
        private string Bind(string name)
        {
            if (name == "size")
            {
                return _f.SizeConstant;
            }

            if (name.StartsWith("q.", StringComparison.Ordinal))
            {
                return "q._" + name.Substring(2);
            }

            return IsStored(name) || IsCached(name) ? "_" + name : name;
        }

        /// <summary>A runtime body in double, with <c>&lt;T&gt;</c> type arguments made the element type.</summary>
        private string LowerRuntime(Expr value, Func<string, string>? bind = null) =>
            new ScalarLowering(PrecisionKind.Double, bind ?? Bind).Lower(value).Replace("<T>(", "<" + T + ">(");

        /// <summary>A kernel input's name for a reference in a sum's term: <c>q.mean</c> becomes <c>qMean</c>.</summary>
        private static string KernelName(string name) => name.StartsWith("q.", StringComparison.Ordinal) ? "q" + Pascal(name.Substring(2)) : name;

        /// <summary>The vectors a sum's term reads, in a fixed order: stored, then Q's, then the arguments.</summary>
        private List<string> SumInputs(Expr term)
        {
            var names = Substitution.Names(term);
            var ordered = _f.Stored.Select(s => s.Name).Where(names.Contains)
                .Concat(_f.Stored.Select(s => "q." + s.Name).Where(names.Contains))
                .Concat(names.Where(n => !IsStored(n) && !n.StartsWith("q.", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
                .ToList();
            return ordered;
        }

        private static string SumKernelName(string member) => Pascal(member) + "Sum";

        /// <summary>The value of a scalar body in an instance member (double).</summary>
        private string ScalarValue(string member, VectorBody body) => body switch
        {
            RuntimeBody runtime => LowerRuntime(runtime.Value),
            SumBody sum => LowerRuntime(sum.Finish, name => name == "sum"
                ? Kernels + "." + SumKernelName(member) + "(" + string.Join(", ", SumInputs(sum.Term).Select(Bind)) + ")"
                : Bind(name)),
            _ => throw new InvalidOperationException(),
        };

        // ------------------------------------------------------------------------------------------ the type

        public void Emit(string version)
        {
            _w.Line(Emitter.GeneratedCodeAttribute(version));
            using (_w.Block(_c.DeclarationKeywords + " " + Self + " : " + _f.InterfaceName + "<" + Self + ", " + T + ">"))
            {
                EmitState();
                EmitFactories();
                EmitProperties();
                EmitDensity();
                EmitMeasures();
                EmitVectorMembers();
                EmitSampling();
                EmitFit();
                EmitSpanForms();
                foreach (var batch in _f.BatchMembers)
                {
                    EmitBatchMembers(batch);
                }

                EmitToString();
            }
        }

        private void EmitState()
        {
            _w.Summary(_f.SizeSymbol + ", the length of every vector of the law; a compile-time constant in every kernel below.");
            _w.Line("public const int " + _f.SizeConstant + " = " + N(Size) + ";");
            _w.Line();
            _w.Line("static int global::DivergenceGen.IVectorDistribution<" + Self + ", " + T + ">.Length => " + _f.SizeConstant + ";");
            _w.Line();
            string vectors = string.Join(" and ", _f.Stored.Select(s => Escape(s.Meaning.TrimEnd('.')).Replace("The ", "the ")));
            string cached = _f.Cached.Count == 0 ? "." : ". Computed once, at construction, in double: " + string.Join("; ", _f.Cached.Select(c => c.Meaning)) + ".";
            if (IsStruct)
            {
                _w.Line("// A struct stores " + vectors + " inline (one inline array each): no heap allocation" + cached);
                _w.Line("[global::System.Runtime.CompilerServices.InlineArray(" + _f.SizeConstant + ")]");
                using (_w.Block("private struct " + Buffer))
                {
                    _w.Line("private " + T + " _element0;");
                }

                _w.Line();
            }
            else
            {
                _w.Line("// A class stores " + vectors + " in arrays allocated once; instances are passed by reference" + cached);
            }

            string field = IsStruct ? Buffer : T + "[]";
            foreach (var stored in _f.Stored)
            {
                _w.Line("private readonly " + field + " _" + stored.Name + ";");
            }

            foreach (var (name, meaning, _) in _f.Cached)
            {
                _w.Line("private readonly double _" + name + "; // " + meaning);
            }

            if (IsStruct)
            {
                _w.Line("// Set by the one constructor, so false only in default(" + Self.TrimStart('@') + "): no stored value can tell.");
                _w.Line("private readonly bool _constructed;");
            }

            _w.Line();
            string parameters = string.Join(", ", _f.Stored.Select(s => (IsStruct ? "in " + Buffer : T + "[]") + " " + s.Name));
            using (_w.Block("private " + Self + "(" + parameters + ")"))
            {
                foreach (var stored in _f.Stored)
                {
                    _w.Line("_" + stored.Name + " = " + stored.Name + ";");
                }

                foreach (var (name, _, value) in _f.Cached)
                {
                    _w.Line("_" + name + " = " + ScalarValue(name, value) + ";");
                }

                if (IsStruct)
                {
                    _w.Line("_constructed = true;");
                }
            }

            _w.Line();
            string self = Self.TrimStart('@');
            _c.EmitDefaultDetection(
                "!_constructed",
                "Default detection: the one constructor sets _constructed; default(T) leaves it false.",
                string.Join(", ", _f.Factories.Select(f => self + "." + f.Name)) + (_f.Fit is null ? string.Empty : " or " + self + ".Fit"));
        }

        // ------------------------------------------------------------------------------------------ factories

        private string ThrowCheck(VectorParameter input) => input.Domain switch
        {
            ParameterDomain.PositiveReal => Guard + ".ThrowIfAnyNotPositiveFinite(" + input.Name + ", nameof(" + input.Name + "));",
            _ => Guard + ".ThrowIfAnyNotFinite(" + input.Name + ", nameof(" + input.Name + "));",
        };

        private string TryCheck(VectorParameter input) => input.Domain switch
        {
            ParameterDomain.PositiveReal => Guard + ".AllPositiveFinite(" + input.Name + ")",
            _ => Guard + ".AllFinite(" + input.Name + ")",
        };

        private void EmitInputDocs(IEnumerable<VectorParameter> inputs)
        {
            foreach (var input in inputs)
            {
                _w.Doc("<param name=\"" + input.Name + "\">" + Escape(input.Meaning) + "</param>");
            }
        }

        private void EmitFactories()
        {
            foreach (var factory in _f.Factories)
            {
                string parameters = string.Join(", ", factory.Inputs.Select(i => Ros + " " + i.Name));
                string arguments = string.Join(", ", factory.Inputs.Select(i => i.Name));
                _w.Summary(Escape(factory.Summary));
                EmitInputDocs(factory.Inputs);
                _w.Doc("<returns>The distribution.</returns>");
                _w.Doc("<exception cref=\"global::System.ArgumentException\">A length is not " + SizeText + ".</exception>");
                _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is outside its domain (the message names the index and value).</exception>");
                using (_w.Block("public static " + Self + " " + factory.Name + "(" + parameters + ")"))
                {
                    foreach (var input in factory.Inputs)
                    {
                        _w.Line(Guard + ".ThrowIfLengthIsNot(" + input.Name + ".Length, " + _f.SizeConstant + ", nameof(" + input.Name + "));");
                    }

                    foreach (var input in factory.Inputs)
                    {
                        _w.Line(ThrowCheck(input));
                    }

                    _w.Line("return Create" + factory.Name.Substring(4) + "(" + arguments + ");");
                }

                _w.Line();
                _w.Summary("Like <see cref=\"" + factory.Name + "\"/>, but returns false instead of throwing when a length or an element is invalid.");
                EmitInputDocs(factory.Inputs);
                _w.Doc("<param name=\"result\">The distribution, or <c>default</c> when this returns false.</param>");
                _w.Doc("<returns>Whether every argument was valid.</returns>");
                using (_w.Block("public static bool Try" + factory.Name + "(" + parameters + ", " + EmitContext.MaybeNullWhenFalse + "out " + Self + " result)"))
                {
                    string lengths = string.Join(" || ", factory.Inputs.Select(i => i.Name + ".Length != " + _f.SizeConstant));
                    string domains = string.Join(" || ", factory.Inputs.Select(i => "!" + TryCheck(i)));
                    using (_w.Block("if (" + lengths + " || " + domains + ")"))
                    {
                        _w.Line("result = default;");
                        _w.Line("return false;");
                    }

                    _w.Line("result = Create" + factory.Name.Substring(4) + "(" + arguments + ");");
                    _w.Line("return true;");
                }

                _w.Line();
                using (_w.Block("private static " + Self + " Create" + factory.Name.Substring(4) + "(" + parameters + ")"))
                {
                    foreach (var stored in _f.Stored)
                    {
                        _w.Line(IsStruct ? Buffer + " __" + stored.Name + " = default;" : "var __" + stored.Name + " = new " + T + "[" + _f.SizeConstant + "];");
                    }

                    using (_w.Block("for (int i = 0; i < " + _f.SizeConstant + "; i++)"))
                    {
                        foreach (var (stored, value) in factory.Stores)
                        {
                            string element = value is Ref r && factory.Inputs.Any(i => i.Name == r.Name)
                                ? r.Name + "[i]"
                                : Narrow(new ScalarLowering(PrecisionKind.Double, n => IsDouble ? n + "[i]" : "(double)" + n + "[i]").Lower(value));
                            _w.Line("__" + stored + "[i] = " + element + ";");
                        }
                    }

                    _w.Line("return new " + Self + "(" + string.Join(", ", _f.Stored.Select(s => (IsStruct ? "in " : string.Empty) + "__" + s.Name)) + ");");
                }

                _w.Line();
            }
        }

        private void EmitProperties()
        {
            foreach (var stored in _f.Stored.Where(s => s.Property is not null))
            {
                _w.Summary(Escape(stored.Meaning));
                string attribute = IsStruct ? "[global::System.Diagnostics.CodeAnalysis.UnscopedRef] " : string.Empty;
                _c.ExpressionMember(attribute + "public " + Readonly + Ros + " " + stored.Property, "_" + stored.Name, isProperty: true);
                _w.Line();
            }
        }

        // ------------------------------------------------------------------------------------------ members

        private void EmitScalarMember(string declaration, string summary, string member, VectorBody body, params string[] others)
        {
            _w.Summary(Escape(summary) + "\n" + Escape(body.Formula) + ".");
            using (_w.Block(declaration))
            {
                _c.DefaultCheck(others);
                _w.Line("return " + Narrow(ScalarValue(member, body)) + ";");
            }

            _w.Line();
        }

        private void EmitDensity()
        {
            _w.Summary("log p(x) of a vector x of " + SizeText + " values, " + Escape(_f.DensityFormula) + ".\n" + Escape(_f.LogPdf.Formula) + ".");
            _w.Doc("<param name=\"x\">The vector.</param>");
            _w.Doc("<returns>The log-density.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\">The length of <paramref name=\"x\"/> is not " + SizeText + ".</exception>");
            _c.DefaultCheckDoc();
            using (_w.Block("public " + Readonly + T + " LogPdf(" + Ros + " x)"))
            {
                _c.DefaultCheck();
                _w.Line(Guard + ".ThrowIfLengthIsNot(x.Length, " + _f.SizeConstant + ", nameof(x));");
                _w.Line("return " + Narrow(ScalarValue("LogPdf", _f.LogPdf)) + ";");
            }

            _w.Line();
        }

        private void EmitMeasures()
        {
            EmitScalarMember("public " + Readonly + T + " Entropy()", "The differential entropy in nats.", "Entropy", _f.Entropy);
            EmitQMember("KLDivergence", "The Kullback–Leibler divergence in nats, D(P‖Q), where P is this instance; never negative.", _f.KLDivergence);
            EmitQMember("CrossEntropy", "The cross-entropy in nats, H(P, Q) = H(P) + D(P‖Q), where P is this instance.", _f.CrossEntropy);
        }

        private void EmitQMember(string name, string summary, VectorBody body)
        {
            _w.Summary(Escape(summary) + "\n" + Escape(body.Formula) + ".");
            using (_c.QMember("public " + Readonly + T + " " + name + "(in " + Self + " q)", "The distribution Q."))
            {
                _w.Line("return " + Narrow(ScalarValue(name, body)) + ";");
            }

            _w.Line();
        }

        private void EmitVectorMembers()
        {
            foreach (var (name, summary, body) in _f.VectorMembers)
            {
                _w.Summary(Escape(summary) + " Written to the first " + SizeText + " elements of <paramref name=\"destination\"/>.");
                _w.Doc("<param name=\"destination\">Receives the vector; at least " + SizeText + " long.</param>");
                _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than " + SizeText + ".</exception>");
                using (_w.Block("public " + Readonly + "void " + name + "(" + Span + " destination)"))
                {
                    _c.DefaultCheck();
                    _w.Line(Guard + ".ThrowIfDestinationTooShort(" + _f.SizeConstant + ", destination.Length);");
                    _w.Line(LowerRuntime(body.Value) + ";");
                }

                _w.Line();
            }
        }

        private void EmitSampling()
        {
            _w.Summary("Writes one draw into the first " + SizeText + " elements of <paramref name=\"destination\"/>: " + Escape(_f.Sample.Formula) + ".");
            _w.Doc("<param name=\"random\">The source of randomness.</param>");
            _w.Doc("<param name=\"destination\">Receives the vector; at least " + SizeText + " long.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"random\"/> is null.</exception>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than " + SizeText + ".</exception>");
            using (_w.Block("public " + Readonly + "void Sample(global::System.Random random, " + Span + " destination)"))
            {
                _c.DefaultCheck();
                _w.Line("global::System.ArgumentNullException.ThrowIfNull(random);");
                _w.Line(Guard + ".ThrowIfDestinationTooShort(" + _f.SizeConstant + ", destination.Length);");
                _w.Line(LowerRuntime(_f.Sample.Value) + ";");
            }

            _w.Line();
        }

        private void EmitFit()
        {
            if (_f.Fit is not { } fit)
            {
                return;
            }

            var first = _f.Factories[0];
            _w.Summary("Fits the law to N observations, row-major N × " + _f.SizeSymbol + " (N = observations.Length / " + _f.SizeSymbol + "): "
                + Escape(fit.Formula) + ".\nThe result is created with <see cref=\"" + first.Name + "\"/>.");
            _w.Doc("<param name=\"observations\">The observations, row-major, each a vector of " + SizeText + " values.</param>");
            _w.Doc("<returns>The fitted distribution.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\">The observations are invalid (the message says which and why) or the estimate does not exist.</exception>");
            using (_w.Block("public static " + Self + " Fit(" + Ros + " observations)"))
            {
                _w.Line("var fitted = new double[" + _f.SizeConstant + "];");
                _w.Line(LowerRuntime(fit.Value) + ";");
                _w.Line("var __" + first.Inputs[0].Name + " = new " + T + "[" + _f.SizeConstant + "];");
                using (_w.Block("for (int i = 0; i < " + _f.SizeConstant + "; i++)"))
                {
                    _w.Line("__" + first.Inputs[0].Name + "[i] = " + Narrow("fitted[i]") + ";");
                }

                _w.Line("return " + first.Name + "(__" + first.Inputs[0].Name + ");");
            }

            _w.Line();
        }

        private void EmitSpanForms()
        {
            foreach (var (name, summary, inputs, body) in _f.SpanForms)
            {
                _w.Summary(Escape(summary) + "\n" + Escape(body.Formula) + ".");
                EmitInputDocs(inputs);
                _w.Doc("<returns>The value.</returns>");
                _w.Doc("<exception cref=\"global::System.ArgumentException\">A length is not " + SizeText + ".</exception>");
                _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is outside its domain (the message names the index and value).</exception>");
                using (_w.Block("public static " + T + " " + name + "(" + string.Join(", ", inputs.Select(i => Ros + " " + i.Name)) + ")"))
                {
                    foreach (var input in inputs)
                    {
                        _w.Line(Guard + ".ThrowIfLengthIsNot(" + input.Name + ".Length, " + _f.SizeConstant + ", nameof(" + input.Name + "));");
                    }

                    foreach (var input in inputs)
                    {
                        _w.Line(ThrowCheck(input));
                    }

                    _w.Line("return " + Narrow(LowerRuntime(body.Value, n => n)) + ";");
                }

                _w.Line();
            }
        }

        /// <summary>The user's own <c>ToString()</c> wins; otherwise the family and its stored vectors.</summary>
        private void EmitToString()
        {
            if (_c.Spec.DeclaresToString)
            {
                return;
            }

            string self = Self.TrimStart('@');
            var shown = _f.Stored.Where(s => s.Property is not null).ToList();
            _c.EmitToString(
                _f.Name,
                self + ": " + _f.Name + "(" + SizeText + ", " + string.Join(", ", shown.Select(s => s.Name + " = [...]")) + ")",
                prefix =>
                {
                    var parts = new List<string>();
                    for (int i = 0; i < shown.Count; i++)
                    {
                        string before = (i == 0 ? prefix + SizeText + ", " : string.Empty) + shown[i].Name + " = ";
                        string after = i == shown.Count - 1 ? ")" : ", ";
                        parts.Add("global::DivergenceGen.ProbabilityVectors.Describe(\"" + before + "\", " + shown[i].Property + ", \"" + after + "\")");
                    }

                    return string.Join("\n        + ", parts);
                });
        }

        // ------------------------------------------------------------------------------------------ batch members

        private bool PerRow => _c.Spec.Reduction == ReductionKind.None;

        private string ReductionText => _c.Spec.Reduction switch
        {
            ReductionKind.Mean => "Returns the mean over the N rows, (1/N)·Σᵣ KLᵣ (0 for N = 0).",
            ReductionKind.Sum => "Returns the sum over the N rows, Σᵣ KLᵣ.",
            _ => "Writes each row's KLᵣ to <paramref name=\"perRow\"/> (reduction None) and returns their sum.",
        };

        private void EmitBatchMembers(BatchMember batch)
        {
            foreach (bool gradient in new[] { false, true })
            {
                var first = batch.Inputs[0].Name;
                var parameters = batch.Inputs.Select(i => Ros + " " + i.Name).ToList();
                if (PerRow)
                {
                    parameters.Add(Span + " perRow");
                }

                if (gradient)
                {
                    parameters.AddRange(batch.Gradients.Select(g => Span + " " + g.Output));
                }

                _w.Summary(Escape(batch.Summary) + (gradient ? " Also writes the gradient." : string.Empty) + "\n" + Escape(batch.Formula) + ".\n" + ReductionText
                    + (gradient
                        ? "\nThe gradients are those of the returned value (for the mean, each row's divided by N), element by element; they must not overlap the inputs."
                        : string.Empty)
                    + "\nEvery input is checked before anything is written: the lengths, and every element finite. A log-variance large enough for e^v to"
                    + " overflow gives +∞, never NaN.");
                EmitInputDocs(batch.Inputs);
                if (PerRow)
                {
                    _w.Doc("<param name=\"perRow\">Receives KLᵣ of each row; at least N long.</param>");
                }

                if (gradient)
                {
                    foreach (var (output, input, _) in batch.Gradients)
                    {
                        _w.Doc("<param name=\"" + output + "\">Receives ∂/∂" + input + "; at least as long as <paramref name=\"" + input + "\"/>.</param>");
                    }
                }

                _w.Doc("<returns>The reduced KL divergence.</returns>");
                _w.Doc("<exception cref=\"global::System.ArgumentException\">The length of <paramref name=\"" + first + "\"/> is not a multiple of " + SizeText
                    + ", another input's length differs from it, or a destination is too short.</exception>");
                _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is NaN or infinite (the message names the input, index and value).</exception>");
                using (_w.Block("public static " + T + " " + batch.Name + (gradient ? "AndGradient" : string.Empty) + "(" + string.Join(", ", parameters) + ")"))
                {
                    _w.Line("int n = " + Guard + ".RowCount(" + first + ".Length, " + _f.SizeConstant + ", nameof(" + first + "));");
                    foreach (var input in batch.Inputs.Skip(1))
                    {
                        _w.Line(Guard + ".ThrowIfLengthIsNot(" + input.Name + ".Length, " + first + ".Length, nameof(" + input.Name + "));");
                    }

                    if (PerRow)
                    {
                        _w.Line("global::DivergenceGen.LossGuard.ThrowIfDestinationTooShort(n, perRow.Length, nameof(perRow));");
                    }

                    if (gradient)
                    {
                        foreach (var (output, _, _) in batch.Gradients)
                        {
                            _w.Line("global::DivergenceGen.LossGuard.ThrowIfDestinationTooShort(" + first + ".Length, " + output + ".Length, nameof(" + output + "));");
                        }
                    }

                    foreach (var input in batch.Inputs)
                    {
                        _w.Line(ThrowCheck(input));
                    }

                    bool mean = _c.Spec.Reduction == ReductionKind.Mean;
                    if (mean)
                    {
                        using (_w.Block("if (n == 0)"))
                        {
                            _w.Line("return 0;");
                        }
                    }

                    _w.Line("double scale = " + (mean ? "1d / n" : "1d") + ";");
                    var arguments = batch.Inputs.Select(i => i.Name).ToList();
                    arguments.Add(PerRow ? "perRow" : "default");
                    arguments.AddRange(batch.Gradients.Select(g => gradient ? g.Output : "default"));
                    arguments.Add("scale");
                    string call = Kernels + "." + batch.Name + "Rows<" + Kernels + "." + (gradient ? "Yes" : "No") + ">(" + string.Join(", ", arguments) + ")";
                    _w.Line("return " + Narrow(mean ? call + " * scale" : call) + ";");
                }

                _w.Line();
            }
        }

        // ------------------------------------------------------------------------------------------ kernels

        /// <summary>The kernels class's body: the element sums and the batch kernels.</summary>
        public void EmitKernels()
        {
            var sums = new FiniteSumEmitter(_c);
            var members = _f.Cached.Select(c => (c.Name, c.Value))
                .Concat(new[] { ("LogPdf", _f.LogPdf), ("Entropy", _f.Entropy), ("KLDivergence", _f.KLDivergence), ("CrossEntropy", _f.CrossEntropy) });
            foreach (var (member, body) in members)
            {
                if (body is SumBody sum)
                {
                    var inputs = SumInputs(sum.Term);
                    var term = Substitution.Rename(sum.Term, KernelName);
                    sums.EmitKernel(
                        SumKernelName(member),
                        "Σᵢ of " + Formula.Show(term) + " over the " + SizeText + " elements, in double, for " + member + ".",
                        inputs.Select(KernelName).ToList(),
                        term,
                        s => s,
                        returnsDouble: true);
                }
            }

            if (_f.BatchMembers.Count > 0)
            {
                LossEmitter.EmitOptions(_w);
                foreach (var batch in _f.BatchMembers)
                {
                    EmitBatchKernel(batch);
                }
            }
        }

        private void EmitBatchKernel(BatchMember batch)
        {
            var parameters = batch.Inputs.Select(i => Ros + " " + i.Name)
                .Concat(new[] { Span + " perRow" })
                .Concat(batch.Gradients.Select(g => Span + " " + g.Output))
                .Concat(new[] { "double scale" });
            _w.Summary("Σᵣ KLᵣ over the rows of " + Escape(batch.Name) + ", each row one pass over its " + SizeText + " elements; where TGradient is Yes, also the"
                + " gradients times scale; for reduction None, each KLᵣ into perRow. Callers have checked every argument.");
            _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
            using (_w.Block("internal static double " + batch.Name + "Rows<" + Gradient + ">(" + string.Join(", ", parameters) + ")", "}", "where " + Gradient + " : struct, IOption"))
            {
                string first = batch.Inputs[0].Name;
                _w.Line("int n = " + first + ".Length / " + N(Size) + ";");
                foreach (var name in batch.Inputs.Select(i => i.Name).Concat(batch.Gradients.Select(g => g.Output)))
                {
                    _w.Line("ref " + T + " " + name + "Ref = ref " + Marshal + ".GetReference(" + name + ");");
                }

                _w.Line(IsDouble ? "double scaleT = scale;" : "float scaleT = (float)scale;");
                _w.Line("double total = 0;");
                var kernel = BatchRow(batch);
                bool straightLine = Size <= _c.Spec.UnrollThreshold;
                var widths = _c.VectorWidths.Where(b => _c.LanesOf(b) <= Size).ToList();
                _w.Line(straightLine
                    ? "// " + SizeText + " ≤ UnrollThreshold " + N(_c.Spec.UnrollThreshold) + ": each row is straight-line code with constant offsets, the widest vectors first."
                    : "// " + SizeText + " > UnrollThreshold " + N(_c.Spec.UnrollThreshold) + ": each row is a SIMD loop with a constant bound.");
                bool scalarStraight = widths.Count == 0 || (straightLine && Size <= 4);
                RowScheduler.WidestFirst(
                    _w,
                    widths,
                    used => EmitBatchRows(batch, kernel, used, used.Count > 0 ? straightLine : scalarStraight),
                    widths.Count == 0 ? "// " + SizeText + " is narrower than any vector: scalar code." : "// No SIMD on this CPU: scalar code.",
                    blockWithoutWidths: true);
            }

            _w.Line();
        }

        private RowKernel BatchRow(BatchMember batch)
        {
            var inputs = batch.Inputs.Select(i => new KernelInput(i.Name, i.Name + "Row"))
                .Concat(batch.Gradients.Select(g => new KernelInput(g.Output, g.Output + "Row", IsOutput: true)))
                .ToList();
            var body = new List<Statement>();
            body.AddRange(batch.Lets);
            body.Add(new Reduce("sum", ReduceOp.Sum, batch.Term, Double: true, WidenTerms: true));
            foreach (var (output, _, value) in batch.Gradients)
            {
                body.Add(new Store(output, Substitution.Rename(value, n => n == "scale" ? "scaleT" : n)) { When = Gradient });
            }

            return new RowKernel(inputs, body, Array.Empty<string>());
        }

        private void EmitRowReferences(BatchMember batch, string start)
        {
            foreach (var name in batch.Inputs.Select(i => i.Name).Concat(batch.Gradients.Select(g => g.Output)))
            {
                _w.Line("ref " + T + " " + name + "Row = ref " + Unsafe + ".Add(ref " + name + "Ref, " + start + ");");
            }
        }

        private void EmitBatchRows(BatchMember batch, RowKernel kernel, List<int> widths, bool straightLine)
        {
            bool totalOnly = _c.Spec.Reduction != ReductionKind.None;
            RowScheduler.EmitContiguousRows(
                _w,
                kernel,
                Size,
                _c.Spec.Precision,
                widths,
                straightLine,
                RowScheduler.RowsPerBlock(Size, totalOnly),
                "no per-row value is needed: reduction " + _c.Spec.Reduction,
                start => EmitRowReferences(batch, start),
                () =>
                {
                    if (!totalOnly)
                    {
                        _w.Line("perRow[i] = (" + T + ")sum;");
                    }
                });
        }
    }
}
