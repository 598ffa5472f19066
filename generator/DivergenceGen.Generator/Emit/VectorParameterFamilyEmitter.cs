using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Emits a family described by <see cref="VectorParameterFamily"/>: a probability vector of compile-time length
    /// K. Storage is inline arrays for a struct and arrays allocated once for a class; the information measures are
    /// sums of <see cref="InformationMeasures"/> terms written by <see cref="FiniteSumEmitter"/>.
    /// </summary>
    internal sealed class VectorParameterFamilyEmitter
    {
        private const string Buffer = "__Values";

        private readonly EmitContext _c;
        private readonly VectorParameterFamily _f;
        private readonly SourceWriter _w;

        public VectorParameterFamilyEmitter(EmitContext context, VectorParameterFamily family)
        {
            _c = context;
            _f = family;
            _w = context.W;
            _joint = family.Joint is { } joint ? new JointMembers(context, joint, Kernels) : null;
        }

        /// <summary>The joint law's additions where the vector is an R × C table; null for a plain vector.</summary>
        private readonly JointMembers? _joint;

        private string T => _c.T;

        private string Self => _c.Self;

        private bool IsStruct => _c.Spec.Type.IsStruct;

        private string K => _c.Spec.Classes.ToString(CultureInfo.InvariantCulture);

        private string Span => "global::System.ReadOnlySpan<" + T + ">";

        /// <summary><c>readonly </c> on instance members of a struct the user did not declare readonly (no defensive copies).</summary>
        private string Readonly => IsStruct && !_c.Spec.Type.IsReadOnly ? "readonly " : string.Empty;

        /// <summary><c>[UnscopedRef]</c> lets a struct hand out a span over its own inline storage.</summary>
        private string UnscopedRef => IsStruct ? "[global::System.Diagnostics.CodeAnalysis.UnscopedRef] " : string.Empty;

        public void Emit(string version)
        {
            _w.Line(Emitter.GeneratedCodeAttribute(version));
            using (_w.Block(_c.DeclarationKeywords + " " + Self + " : " + _f.InterfaceName + "<" + Self + ", " + T + ">" + (_joint?.Interface(Self) ?? string.Empty)))
            {
                EmitState();
                if (_f.ParametricConstruction)
                {
                    EmitParametricConstruction();
                }
                else
                {
                    EmitFactories();
                }

                EmitProperties();
                if (_f.Counts is { } counts)
                {
                    EmitCountVectorMembers(counts);
                    EmitToString();
                    return;
                }

                EmitPointMembers();
                EmitMeasures();
                _joint?.EmitMembers("_" + _f.Parameter, "_log" + Pascal(_f.Parameter));
                EmitToString();
            }
        }

        /// <summary>The user's own <c>ToString()</c> wins; otherwise the family and its parameters.</summary>
        private void EmitToString()
        {
            if (_c.Spec.DeclaresToString)
            {
                return;
            }

            string classes = _c.Spec.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_joint is not null)
            {
                classes = _c.Spec.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture) + " × " + _c.Spec.Columns.ToString(System.Globalization.CultureInfo.InvariantCulture) + " = " + classes;
            }

            if (_f.ParametricConstruction)
            {
                var names = _c.Spec.LogWeightParameters;
                string values = string.Join(", ", names.Select(n => n + " = {" + Parsing.Declarations.Identifier(PropertyOf(n)) + ":R}"));
                string shown = "<c>" + Self.TrimStart('@') + ": " + _f.Name + "(K = " + classes + ", " + string.Join(", ", names.Select(n => n + " = …")) + ")</c>";
                _c.EmitToString(_f.Name, shown, prefix => "global::System.FormattableString.Invariant($\"" + prefix + "K = " + classes + ", " + values + ")\")");
                _w.Line();
                return;
            }

            if (_f.Counts is not null)
            {
                classes += ", n = " + _c.Spec.Trials.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            string example = "<c>" + Self.TrimStart('@') + ": " + _f.Name + "(K = " + classes + ", p = [0.1, 0.9, …])</c>, at most 8 entries shown";
            _c.EmitToString(_f.Name, example, prefix =>
                "global::DivergenceGen.ProbabilityVectors.Describe(\"" + prefix + "K = " + classes + ", p = \", " + _f.Property + ", \")\")");
            _w.Line();
        }

        private void EmitState()
        {
            _w.Summary("K, the number of outcomes 0 … K − 1; a compile-time constant in every kernel below.");
            _w.Line("public const int Classes = " + K + ";");
            _w.Line();
            _w.Line("static int " + _f.InterfaceName + "<" + Self + ", " + T + ">.ClassCount => Classes;");
            _w.Line();
            if (_f.Counts is not null)
            {
                _w.Summary("n, the number of draws whose counts the law describes; a compile-time constant.");
                _w.Line("public const int Trials = " + _c.Spec.Trials.ToString(CultureInfo.InvariantCulture) + ";");
                _w.Line();
                _w.Line("static int " + _f.InterfaceName + "<" + Self + ", " + T + ">.TrialCount => Trials;");
                _w.Line();
            }

            _joint?.EmitState(Self);
            if (IsStruct)
            {
                _w.Line("// A struct stores its K probabilities and K log-probabilities inline (two inline arrays): no heap allocation.");
                _w.Line("// The log-probabilities are computed once, at construction, so that log-pmf, entropy, KL and cross-entropy");
                _w.Line("// between instances take no logarithm at call time.");
                _w.Line("[global::System.Runtime.CompilerServices.InlineArray(Classes)]");
                using (_w.Block("private struct " + Buffer))
                {
                    _w.Line("private " + T + " _element0;");
                }

                _w.Line();
                _w.Line("private readonly " + Buffer + " _" + _f.Parameter + ";");
                _w.Line("private readonly " + Buffer + " _log" + Pascal(_f.Parameter) + ";");
                _w.Line("// Set by the one constructor, so false only in default(" + Self.TrimStart('@') + "): no element of the vectors can tell (any pₖ may be 0,");
                _w.Line("// any log pₖ may be 0), so this is the one field added for default detection.");
                _w.Line("private readonly bool _constructed;");
                _w.Line();
                if (_f.ParametricConstruction)
                {
                    EmitParameterFields();
                }

                using (_w.Block("private " + Self + "(in " + Buffer + " " + _f.Parameter + ", in " + Buffer + " log" + Pascal(_f.Parameter) + ParameterList(", ") + ")"))
                {
                    _w.Line("_" + _f.Parameter + " = " + _f.Parameter + ";");
                    _w.Line("_log" + Pascal(_f.Parameter) + " = log" + Pascal(_f.Parameter) + ";");
                    _w.Line("_constructed = true;");
                    EmitParameterAssignments();
                    _joint?.EmitConstructorLines(_f.Parameter);
                }
            }
            else
            {
                _w.Line("// A class stores its K probabilities and K log-probabilities in two arrays allocated once; instances are");
                _w.Line("// passed by reference, which is cheaper than copying a large struct. The log-probabilities are computed");
                _w.Line("// once, at construction, so that log-pmf, entropy, KL and cross-entropy take no logarithm at call time.");
                _w.Line("private readonly " + T + "[] _" + _f.Parameter + ";");
                _w.Line("private readonly " + T + "[] _log" + Pascal(_f.Parameter) + ";");
                if (_f.ParametricConstruction)
                {
                    EmitParameterFields();
                }

                _w.Line();
                using (_w.Block("private " + Self + "(" + T + "[] " + _f.Parameter + ", " + T + "[] log" + Pascal(_f.Parameter) + ParameterList(", ") + ")"))
                {
                    _w.Line("_" + _f.Parameter + " = " + _f.Parameter + ";");
                    _w.Line("_log" + Pascal(_f.Parameter) + " = log" + Pascal(_f.Parameter) + ";");
                    EmitParameterAssignments();
                    _joint?.EmitConstructorLines(_f.Parameter);
                }
            }

            _w.Line();
            _c.EmitDefaultDetection(
                "!_constructed",
                _f.ParametricConstruction
                    ? "Default detection: the constructors set _constructed; default(T) leaves it false."
                    : "Default detection: the one constructor sets _constructed; default(T) leaves it false.",
                _f.ParametricConstruction
                    ? "new " + Self.TrimStart('@') + "(" + string.Join(", ", _c.Spec.LogWeightParameters) + ") or " + Self.TrimStart('@') + ".TryCreate"
                    : Self.TrimStart('@') + ".FromProbabilities, FromWeights, FromLogits, FromCounts or Fit");
        }

        /// <summary>The PascalCase property of a LogWeight parameter (the parser checked it is free).</summary>
        private static string PropertyOf(string parameter) => char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);

        /// <summary>A LogWeight parameter as generated code writes it (escaped where it is a keyword).</summary>
        private static string Id(string parameter) => Parsing.Declarations.Identifier(parameter);

        /// <summary><c>, double s, double t</c>: the LogWeight parameters as a parameter list (empty for a plain vector).</summary>
        private string ParameterList(string lead) =>
            string.Concat(_c.Spec.LogWeightParameters.Select(n => lead + T + " " + Id(n)).Take(1))
            + string.Concat(_c.Spec.LogWeightParameters.Skip(1).Select(n => ", " + T + " " + Id(n)));

        /// <summary><c>s, t</c>: the LogWeight parameters as arguments.</summary>
        private string ArgumentList => string.Join(", ", _c.Spec.LogWeightParameters.Select(Id));

        /// <summary>The fields holding the parameters of a parametric law.</summary>
        private void EmitParameterFields()
        {
            foreach (string n in _c.Spec.LogWeightParameters)
            {
                _w.Line("private readonly " + T + " _" + n + "; // the LogWeight parameter " + n);
            }
        }

        private void EmitParameterAssignments()
        {
            foreach (string n in _c.Spec.LogWeightParameters)
            {
                _w.Line("_" + n + " = " + Id(n) + ";");
            }
        }

        /// <summary>
        /// The construction of a parametric law (<see cref="VectorParameterFamily.ParametricConstruction"/>): the constructor
        /// over the LogWeight parameters, TryCreate, the parameters' properties, and the helper that calls the user's
        /// LogWeight for each outcome and normalises (FiniteFamilies.Normalise: a stable log-sum-exp). No probability-vector
        /// factory and no Fit: they would create laws outside the family.
        /// </summary>
        private void EmitParametricConstruction()
        {
            var names = _c.Spec.LogWeightParameters;
            string self = Self.TrimStart('@');
            string paramDocs = string.Join("\n", names.Select(n => "<param name=\"" + n + "\">The parameter <c>" + n + "</c> of <c>LogWeight</c>; finite.</param>"));
            string logWeight = "LogWeight(k, " + string.Join(", ", names) + ")";
            string Allocate(string name) => IsStruct ? string.Empty : "var " + name + " = new " + T + "[Classes];";
            string locals = IsStruct ? Buffer + " __p = default, __logP = default;" : Allocate("__p") + "\n" + Allocate("__logP");
            string parameters = ParameterList(string.Empty);

            _w.Summary("Creates the law P(X = k) = exp(" + logWeight + ") / Z, k = 0 … K − 1: <c>LogWeight</c> is called once per outcome,\n"
                + "here, and log Z = log Σₖ exp(" + logWeight + ") is a stable log-sum-exp (the largest log-weight first);\n"
                + "the K probabilities and log-probabilities are cached.");
            _w.Docs(paramDocs);
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">A parameter is NaN or infinite (the message names it).</exception>");
            _w.Docs("<exception cref=\"global::System.ArgumentException\">A log-weight is NaN or +∞, or every log-weight is −∞ (the message names\n"
                + "the parameters and their values, and the outcome and its log-weight).</exception>");
            using (_w.Block("public " + Self + "(" + parameters + ")"))
            {
                foreach (string n in names)
                {
                    _w.Line("global::DivergenceGen.FiniteFamilies.ThrowIfNotFinite(" + Id(n) + ", nameof(" + Id(n) + "));");
                }

                _w.Lines(locals);
                _w.Line("int __invalid = __LogWeights(" + ArgumentList + ", __p, __logP);");
                using (_w.Block("if (__invalid >= 0)"))
                {
                    _w.Line("throw global::DivergenceGen.FiniteFamilies.InvalidLogWeights<" + T + ">(");
                    _w.Line("    \"" + self + "\",");
                    _w.Line("    new[] { " + string.Join(", ", names.Select(n => "nameof(" + Id(n) + ")")) + " },");
                    _w.Line("    new " + T + "[] { " + ArgumentList + " },");
                    _w.Line("    __logP,");
                    _w.Line("    __invalid);");
                }

                _w.Line("_" + _f.Parameter + " = __p;");
                _w.Line("_log" + Pascal(_f.Parameter) + " = __logP;");
                if (IsStruct)
                {
                    _w.Line("_constructed = true;");
                }

                EmitParameterAssignments();
            }

            _w.Line();
            _w.Summary("Like the constructor <see cref=\"" + Self + "(" + string.Join(", ", names.Select(_ => T)) + ")\"/>, but returns false (and <c>default</c>) instead of throwing\n"
                + "when a parameter is NaN or infinite, or the log-weights are invalid.");
            _w.Docs(paramDocs);
            _w.Doc("<param name=\"result\">The distribution, or <c>default</c>.</param>");
            _w.Doc("<returns>Whether the parameters were valid.</returns>");
            using (_w.Block("public static bool TryCreate(" + parameters + ", " + EmitContext.MaybeNullWhenFalse + "out " + Self + " result)"))
            {
                using (_w.Block("if (" + string.Join(" || ", names.Select(n => "!global::DivergenceGen.FiniteFamilies.IsFinite(" + Id(n) + ")")) + ")"))
                {
                    _w.Line("result = default!;");
                    _w.Line("return false;");
                }

                _w.Lines(locals);
                using (_w.Block("if (__LogWeights(" + ArgumentList + ", __p, __logP) >= 0)"))
                {
                    _w.Line("result = default!;");
                    _w.Line("return false;");
                }

                _w.Line("result = new " + Self + "(" + (IsStruct ? "in __p, in __logP" : "__p, __logP") + ", " + ArgumentList + ");");
                _w.Line("return true;");
            }

            _w.Line();
            _w.Summary("Fills <paramref name=\"__logP\"/> with " + logWeight + " for k = 0 … K − 1 by calling the type's own method, then\n"
                + "normalises (<see cref=\"global::DivergenceGen.FiniteFamilies.Normalise{T}\"/>): −1, or the outcome whose log-weight is NaN\n"
                + "or +∞ (K when all are −∞), the log-weights then left in <paramref name=\"__logP\"/>.");
            foreach (string n in names)
            {
                _w.Doc("<param name=\"" + n + "\">The parameter <c>" + n + "</c>.</param>");
            }

            _w.Doc("<param name=\"__p\">Receives the probabilities.</param>");
            _w.Doc("<param name=\"__logP\">Receives the log-probabilities.</param>");
            _w.Doc("<returns>−1 when valid.</returns>");
            using (_w.Block("private static int __LogWeights(" + parameters + ", global::System.Span<" + T + "> __p, global::System.Span<" + T + "> __logP)"))
            {
                using (_w.Block("for (int __k = 0; __k < Classes; __k++)"))
                {
                    _w.Line("__logP[__k] = LogWeight(__k, " + ArgumentList + ");");
                }

                _w.Line("return global::DivergenceGen.FiniteFamilies.Normalise<" + T + ">(__logP, __p);");
            }

            _w.Line();
            foreach (string n in names)
            {
                _w.Summary("The parameter <c>" + n + "</c> of <c>LogWeight</c>, as given to the constructor.");
                _c.ExpressionMember("public " + Readonly + T + " " + Parsing.Declarations.Identifier(PropertyOf(n)), "_" + n, isProperty: true);
                _w.Line();
            }

            if (_c.Spec.LogWeight is { } logWeightModel)
            {
                new FiniteFamilyFit(_c, logWeightModel).Emit();
            }
        }

        private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

        /// <summary>One factory, its Try form, and the shared body that fills the storage.</summary>
        private void EmitFactory(string name, string parameters, string arguments, string summary, string paramDocs, string exceptions, string check)
        {
            _w.Summary(summary);
            _w.Docs(paramDocs);
            _w.Doc("<returns>The distribution.</returns>");
            _w.Docs(exceptions);
            using (_w.Block("public static " + Self + " " + name + "(" + parameters + ")"))
            {
                _w.Lines(check + ".ThrowIfInvalid();");
                _w.Line("return Create" + name.Substring(4) + "(" + arguments + ");");
            }

            _w.Line();
        }

        /// <summary>
        /// The Try twin of a factory. <paramref name="cref"/>: the factory's cref with its signature, needed once the name is
        /// overloaded (the summary then breaks before "but", and the parameter list goes on its own line: the new overloads
        /// are kept within 160 characters a line).
        /// </summary>
        private void EmitTryFactory(string name, string parameters, string arguments, string what, string paramDocs, string check, string? cref = null)
        {
            _w.Summary("Like <see cref=\"" + (cref ?? name) + "\"/>," + (cref is null ? " " : "\n")
                + "but returns false (and <c>default</c>) instead of throwing when " + what + " invalid.");
            _w.Docs(paramDocs);
            _w.Doc("<param name=\"result\">The distribution, or <c>default</c>.</param>");
            _w.Doc("<returns>Whether the arguments were valid.</returns>");
            string all = parameters + ", " + EmitContext.MaybeNullWhenFalse + "out " + Self + " result)";
            string header = "public static bool Try" + name + "(" + all;
            if (cref is not null)
            {
                // One parameter a line (no parameter type here has a comma inside it).
                var each = all.Split(new[] { ", " }, StringSplitOptions.None);
                _w.Line("public static bool Try" + name + "(");
                for (int i = 0; i < each.Length - 1; i++)
                {
                    _w.Line("    " + each[i] + ",");
                }

                header = "    " + each[each.Length - 1];
            }

            using (_w.Block(header))
            {
                string condition = "if (!" + check + ".IsValid)";
                if (condition.Length > 100 || check.IndexOf('\n') >= 0)
                {
                    _w.Lines("var check = " + check + ";");
                    condition = "if (!check.IsValid)";
                }

                using (_w.Block(condition))
                {
                    _w.Line("result = default!;");
                    _w.Line("return false;");
                }

                _w.Line("result = Create" + name.Substring(4) + "(" + arguments + ");");
                _w.Line("return true;");
            }

            _w.Line();
        }

        private void EmitCreate(string name, string parameters, string fill)
        {
            using (_w.Block("private static " + Self + " Create" + name + "(" + parameters + ")"))
            {
                if (IsStruct)
                {
                    _w.Line(Buffer + " p = default, logP = default;");
                }
                else
                {
                    _w.Line("var p = new " + T + "[Classes];");
                    _w.Line("var logP = new " + T + "[Classes];");
                }

                _w.Line(fill + ";");
                _w.Line(IsStruct ? "return new " + Self + "(in p, in logP);" : "return new " + Self + "(p, logP);");
            }

            _w.Line();
        }

        private void EmitFactories()
        {
            const string Vectors = "global::DivergenceGen.ProbabilityVectors";

            // FromProbabilities
            string probDoc = "<param name=\"probabilities\">K probabilities pₖ, each finite and ≥ 0, summing to 1 within K·"
                + "<see cref=\"global::DivergenceGen.FamilyLimits.ProbabilitySumUlpsPerClass\"/>·ε (ε the machine epsilon); used as given, not renormalised.</param>";
            string probCheck = Vectors + ".CheckProbabilities(probabilities, Classes, nameof(probabilities))";
            EmitFactory(
                "FromProbabilities",
                Span + " probabilities",
                "probabilities",
                "Creates the distribution with P(X = k) = probabilitiesₖ; log-probabilities are computed once, here.",
                probDoc,
                "<exception cref=\"global::System.ArgumentException\">The length is not K = " + K + ", or the sum is not 1 within the tolerance.</exception>"
                + "\n<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is NaN, infinite or negative (the message names its index and value).</exception>",
                probCheck);
            string probCref = "FromProbabilities(" + CrefSpan(T) + ")";
            EmitTryFactory("FromProbabilities", Span + " probabilities", "probabilities", "the probabilities are", probDoc, probCheck, probCref);

            // FromProbabilities with an explicit tolerance on the sum (issue 11: float-derived data off by ~4.5e-8).
            string tolDoc = "<param name=\"probabilities\">K probabilities pₖ, each finite and ≥ 0, summing to 1 within\n"
                + "<paramref name=\"sumTolerance\"/>; used as given, not renormalised.</param>\n"
                + "<param name=\"sumTolerance\">The largest accepted |Σₖ pₖ − 1| (the sum taken in double); finite and ≥ 0.</param>";
            string tolCheck = Vectors + ".CheckProbabilities(\n    probabilities, Classes, nameof(probabilities), sumTolerance, nameof(sumTolerance))";
            EmitFactory(
                "FromProbabilities",
                Span + " probabilities, double sumTolerance",
                "probabilities",
                "Like <see cref=\"" + probCref + "\"/>, with an explicit tolerance on the sum instead of\n"
                + "K·<see cref=\"global::DivergenceGen.FamilyLimits.ProbabilitySumUlpsPerClass\"/>·ε: for probabilities rounded\n"
                + "elsewhere (e.g. computed in float and widened, off by a few 1e-8) that are to be used as given.\n"
                + "To rescale values to sum to 1 instead, use <see cref=\"FromWeights\"/>.",
                tolDoc,
                "<exception cref=\"global::System.ArgumentException\">The length is not K = " + K + ",\n"
                + "or the sum is not 1 within <paramref name=\"sumTolerance\"/>.</exception>"
                + "\n<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is NaN, infinite or negative\n"
                + "(the message names its index and value), or <paramref name=\"sumTolerance\"/> is NaN, infinite or negative.</exception>",
                tolCheck);
            EmitTryFactory(
                "FromProbabilities",
                Span + " probabilities, double sumTolerance",
                "probabilities",
                "the arguments are",
                tolDoc,
                tolCheck,
                "FromProbabilities(" + CrefSpan(T) + ", double)");
            EmitCreate("Probabilities", Span + " probabilities", Vectors + ".FillFromProbabilities(probabilities, p, logP)");

            // FromWeights
            string weightDoc = "<param name=\"weights\">K non-negative finite weights with a positive finite sum; pₖ = weightsₖ / Σ weights.</param>";
            string weightCheck = Vectors + ".CheckWeights(weights, Classes, nameof(weights))";
            EmitFactory(
                "FromWeights",
                Span + " weights",
                "weights",
                "Creates the distribution with pₖ = weightsₖ / Σⱼ weightsⱼ (the weights normalised to sum to 1).",
                weightDoc,
                "<exception cref=\"global::System.ArgumentException\">The length is not K = " + K + ", or the weights sum to 0 or overflow.</exception>"
                + "\n<exception cref=\"global::System.ArgumentOutOfRangeException\">A weight is NaN, infinite or negative (the message names its index and value).</exception>",
                weightCheck);
            EmitTryFactory("FromWeights", Span + " weights", "weights", "the weights are", weightDoc, weightCheck);
            EmitCreate("Weights", Span + " weights", Vectors + ".FillFromWeights(weights, p, logP)");

            // FromLogits
            string logitDoc = "<param name=\"logits\">K logits (unnormalised log-probabilities); −∞ gives probability 0; at least one must be finite.</param>";
            string logitCheck = Vectors + ".CheckLogits(logits, Classes, nameof(logits))";
            EmitFactory(
                "FromLogits",
                Span + " logits",
                "logits",
                "Creates the distribution softmax(logits) by a stable log-softmax: log pₖ = xₖ − m − log Σⱼ exp(xⱼ − m) with m = max x,\n"
                + "so logits of any magnitude give finite log-probabilities.",
                logitDoc,
                "<exception cref=\"global::System.ArgumentException\">The length is not K = " + K + ", or every logit is −∞.</exception>"
                + "\n<exception cref=\"global::System.ArgumentOutOfRangeException\">A logit is NaN or +∞ (the message names its index and value).</exception>",
                logitCheck);
            EmitTryFactory("FromLogits", Span + " logits", "logits", "the logits are", logitDoc, logitCheck);
            EmitCreate("Logits", Span + " logits", Vectors + ".FillFromLogits(logits, p, logP)");

            // FromCounts
            string countDoc = "<param name=\"counts\">K non-negative counts.</param>\n/// <param name=\"pseudocount\">Added to every count (additive smoothing); finite and ≥ 0.</param>";
            string countCheck = Vectors + ".CheckCounts(counts, pseudocount, Classes, nameof(counts), nameof(pseudocount))";
            EmitFactory(
                "FromCounts",
                "global::System.ReadOnlySpan<long> counts, " + T + " pseudocount = " + _c.Literal(0),
                "counts, pseudocount",
                "Creates the distribution pₖ = (countsₖ + pseudocount) / (Σⱼ countsⱼ + K·pseudocount): the maximum-likelihood estimate\n"
                + "from counts, smoothed when pseudocount &gt; 0.",
                countDoc,
                "<exception cref=\"global::System.ArgumentException\">The length is not K = " + K + ", or the total is 0.</exception>"
                + "\n<exception cref=\"global::System.ArgumentOutOfRangeException\">A count is negative (the message names its index and value), or the pseudocount is NaN, infinite or negative.</exception>",
                countCheck);
            EmitTryCounts("long", countDoc, countCheck);
            EmitCreate("Counts", "global::System.ReadOnlySpan<long> counts, " + T + " pseudocount", Vectors + ".FillFromCounts(counts, pseudocount, p, logP)");

            // FromCounts over int counts (the usual type of tallies), the same checks and fill.
            EmitFactory(
                "FromCounts",
                "global::System.ReadOnlySpan<int> counts, " + T + " pseudocount = " + _c.Literal(0),
                "counts, pseudocount",
                "Like <see cref=\"FromCounts(global::System.ReadOnlySpan{long}, " + T + ")\"/>, for counts held as <see cref=\"int\"/>.",
                countDoc,
                "<exception cref=\"global::System.ArgumentException\">The length is not K = " + K + ", or the total is 0.</exception>"
                + "\n<exception cref=\"global::System.ArgumentOutOfRangeException\">A count is negative (the message names its index and value),\n"
                + "or the pseudocount is NaN, infinite or negative.</exception>",
                countCheck);
            EmitTryCounts("int", countDoc, countCheck);
            EmitCreate("Counts", "global::System.ReadOnlySpan<int> counts, " + T + " pseudocount", Vectors + ".FillFromCounts(counts, pseudocount, p, logP)");

            // Fit
            _w.Summary("The maximum-likelihood distribution for independent outcomes: the empirical frequencies pₖ = (number of k) / n.");
            _w.Doc("<param name=\"outcomes\">The observed outcomes, each in 0 … K − 1.</param>");
            _w.Doc("<returns>The fitted distribution.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"outcomes\"/> is empty.</exception>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An outcome is outside 0 … K − 1 (the message names its index).</exception>");
            using (_w.Block("public static " + Self + " Fit(global::System.ReadOnlySpan<int> outcomes)"))
            {
                _w.Line("global::DivergenceGen.Guard.ThrowIfEmpty(outcomes.Length, nameof(outcomes));");
                _w.Line(_c.Spec.Classes <= 1024
                    ? "global::System.Span<long> counts = stackalloc long[Classes]; // K ≤ 1024: counted on the stack"
                    : "var counts = new long[Classes]; // K > 1024: too large for the stack");
                _w.Line(Vectors + ".CountOutcomes(outcomes, counts, nameof(outcomes));");
                _w.Line("return CreateCounts(counts, " + _c.Literal(0) + ");");
            }

            _w.Line();
        }

        /// <summary>A cref type for a span of <paramref name="element"/>: <c>global::System.ReadOnlySpan{double}</c>.</summary>
        private static string CrefSpan(string element) => "global::System.ReadOnlySpan{" + element + "}";

        /// <summary>The two <c>TryFromCounts</c> forms (without and with a pseudocount) for counts of <paramref name="count"/>.</summary>
        private void EmitTryCounts(string count, string countDoc, string countCheck)
        {
            string fromCounts = "FromCounts(global::System.ReadOnlySpan{" + count + "}, " + T + ")";
            string span = "global::System.ReadOnlySpan<" + count + "> counts";
            _w.Summary("Like <see cref=\"" + fromCounts + "\"/> without smoothing,\n"
                + "but returns false (and <c>default</c>) instead of throwing when the counts are invalid.");
            _w.Doc("<param name=\"counts\">K non-negative counts with a positive total.</param>");
            _w.Doc("<param name=\"result\">The distribution, or <c>default</c>.</param>");
            _w.Doc("<returns>Whether the counts were valid.</returns>");
            _w.Line("public static bool TryFromCounts(");
            _w.Line("    " + span + ", " + EmitContext.MaybeNullWhenFalse + "out " + Self + " result) =>");
            _w.Line("    TryFromCounts(counts, " + _c.Literal(0) + ", out result);");
            _w.Line();
            EmitTryFactory("FromCounts", span + ", " + T + " pseudocount", "counts, pseudocount", "the counts or the pseudocount are", countDoc, countCheck, fromCounts);
        }

        private void EmitProperties()
        {
            string field = "_" + _f.Parameter;
            string logField = "_log" + Pascal(_f.Parameter);
            _w.Summary("The K probabilities P(X = k), k = 0 … K − 1.");
            _c.ExpressionMember(UnscopedRef + "public " + Readonly + Span + " " + _f.Property, field, isProperty: true);
            _w.Line();
            _w.Summary("The K log-probabilities log P(X = k), computed once at construction (−∞ where P(X = k) = 0).");
            _c.ExpressionMember(UnscopedRef + "public " + Readonly + Span + " " + _f.LogProperty, logField, isProperty: true);
            _w.Line();
            if (_f.Counts is not null)
            {
                return; // the mode of a single draw is not the law's
            }

            _w.Summary("The most probable outcome (the smallest index among ties).");
            _c.ExpressionMember("public " + Readonly + "int Mode", "global::DivergenceGen.ProbabilityVectors.ArgMax<" + T + ">(" + field + ")", isProperty: true);
            _w.Line();
        }

        /// <summary>A count-vector law's runtime body, in double: its names bound to this instance's fields and Q's.</summary>
        private string LowerCounts(Expr value) => new ScalarLowering(Model.PrecisionKind.Double, name => name switch
        {
            "trials" => "Trials",
            _ when name.StartsWith("q.", System.StringComparison.Ordinal) => "q._" + name.Substring(2),
            _ when name == _f.Parameter || name == "log" + Pascal(_f.Parameter) => "_" + name,
            _ => name,
        }).Lower(value).Replace("<T>(", "<" + T + ">(");

        private string Narrow(string doubleExpression) => _c.Narrow(doubleExpression);

        /// <summary>
        /// The members of a law of count vectors (<see cref="CountVectorLaw"/>): log-pmf of a vector of counts, entropy, KL
        /// divergence (n times the single draw's, from the cached log-probabilities), cross-entropy, sampling.
        /// </summary>
        private void EmitCountVectorMembers(CountVectorLaw law)
        {
            string field = "_" + _f.Parameter;
            string logField = "_log" + Pascal(_f.Parameter);
            string n = _c.Spec.Trials.ToString(CultureInfo.InvariantCulture);
            _w.Summary("log P(X = counts) for a vector of K counts: " + SourceWriter.Escape(law.LogPmf.Formula) + ".");
            _w.Doc("<param name=\"counts\">The K counts.</param>");
            _w.Doc("<returns>The log-probability.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"counts\"/> does not have length K = " + K + ".</exception>");
            _c.DefaultCheckDoc();
            using (_w.Block("public " + Readonly + T + " LogPmf(global::System.ReadOnlySpan<int> counts)"))
            {
                _c.DefaultCheck();
                _w.Line("return " + Narrow(LowerCounts(law.LogPmf.Value)) + ";");
            }

            _w.Line();
            _w.Summary("The entropy in nats of the counts of n = " + n + " draws: " + SourceWriter.Escape(law.Entropy.Formula) + ".");
            _c.DefaultCheckDoc();
            using (_w.Block("public " + Readonly + T + " Entropy()"))
            {
                _c.DefaultCheck();
                _w.Line("return " + Narrow(LowerCounts(law.Entropy.Value)) + ";");
            }

            _w.Line();
            _w.Summary("The Kullback–Leibler divergence in nats, D(P‖Q), where P is this instance: " + SourceWriter.Escape(law.KLFormula) + ".\n"
                + "0·log(0/q) = 0; +∞ (never NaN) where qₖ = 0 &lt; pₖ; never negative. Uses the cached log-probabilities of both.");
            using (_c.QMember("public " + Readonly + T + " KLDivergence(in " + Self + " q)"))
            {
                _w.Line("return " + Narrow("Trials * (double)" + Kernels + ".KLDivergenceOfCached(" + field + ", " + logField + ", q." + logField + ")") + ";");
            }

            _w.Line();
            _w.Summary("The cross-entropy in nats, H(P, Q) = −E_P[log Q(X)] = H(P) + D(P‖Q), where P is this instance: "
                + SourceWriter.Escape(law.CrossEntropy.Formula) + ".");
            using (_c.QMember("public " + Readonly + T + " CrossEntropy(in " + Self + " q)"))
            {
                _w.Line("return " + Narrow(LowerCounts(law.CrossEntropy.Value)) + ";");
            }

            _w.Line();
            _w.Summary("Writes one draw, K counts summing to n = " + n + ", into <paramref name=\"counts\"/>: " + SourceWriter.Escape(law.Sample.Formula) + ".");
            _w.Doc("<param name=\"random\">The source of randomness.</param>");
            _w.Doc("<param name=\"counts\">Receives the K counts.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"random\"/> is null.</exception>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"counts\"/> does not have length K = " + K + ".</exception>");
            _c.DefaultCheckDoc();
            using (_w.Block("public " + Readonly + "void Sample(global::System.Random random, global::System.Span<int> counts)"))
            {
                _c.DefaultCheck();
                _w.Line(LowerCounts(law.Sample.Value) + ";");
            }

            _w.Line();
        }

        private void EmitPointMembers()
        {
            string field = "_" + _f.Parameter;
            string logField = "_log" + Pascal(_f.Parameter);
            _w.Summary("log P(X = k): the cached log-probability; −∞ for k outside 0 … K − 1.");
            _w.Doc("<param name=\"k\">The outcome.</param>");
            _c.ExpressionMember("public " + Readonly + T + " LogPmf(int k)", "(uint)k < Classes ? " + logField + "[k] : " + T + ".NegativeInfinity");
            _w.Line();
            _w.Summary("P(X = k); 0 for k outside 0 … K − 1.");
            _w.Doc("<param name=\"k\">The outcome.</param>");
            _c.ExpressionMember("public " + Readonly + T + " Pmf(int k)", "(uint)k < Classes ? " + field + "[k] : " + _c.Literal(0));
            _w.Line();
            _w.Summary("Σᵢ log P(X = outcomesᵢ), the log-likelihood of independent outcomes (accumulated in double);\n"
                + "−∞ if an outcome is outside 0 … K − 1 or has probability 0; 0 for no outcomes.");
            _w.Doc("<param name=\"outcomes\">The observed outcomes.</param>");
            _c.ExpressionMember(
                "public " + Readonly + T + " LogLikelihood(global::System.ReadOnlySpan<int> outcomes)",
                "global::DivergenceGen.ProbabilityVectors.LogLikelihood<" + T + ">(" + logField + ", outcomes)");
            _w.Line();
            _w.Summary("Draws one outcome by inverse transform sampling: u ~ U[0, 1) from <paramref name=\"random\"/>, then the first k whose cumulative probability exceeds u.");
            _w.Doc("<param name=\"random\">The source of randomness (seed it for reproducible draws).</param>");
            _w.Doc("<returns>An outcome in 0 … K − 1 with positive probability.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"random\"/> is null.</exception>");
            _c.ExpressionMember("public " + Readonly + "int Sample(global::System.Random random)", "global::DivergenceGen.ProbabilityVectors.Sample<" + T + ">(" + field + ", random)");
            _w.Line();
            _c.EmitSampleIntoSpan();
            _w.Line();
            _w.Summary("The batch log-pmf: destinationᵢ = log P(X = outcomesᵢ), −∞ for an outcome outside 0 … K − 1; a gather from the\n"
                + "cached log-probabilities (no logarithm is taken).");
            _w.Doc("<param name=\"outcomes\">The outcomes.</param>");
            _w.Doc("<param name=\"destination\">Receives the log-probabilities; at least as long as <paramref name=\"outcomes\"/>.</param>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"destination\"/> is shorter than <paramref name=\"outcomes\"/>.</exception>");
            using (_w.Block("public " + Readonly + "void LogPmf(global::System.ReadOnlySpan<int> outcomes, global::System.Span<" + T + "> destination)"))
            {
                _c.DefaultCheck();
                _w.Line("global::DivergenceGen.ProbabilityVectors.LogPmf<" + T + ">(" + logField + ", outcomes, destination);");
            }

            _w.Line();
        }

        private void EmitMeasures()
        {
            string field = "_" + _f.Parameter;
            string logField = "_log" + Pascal(_f.Parameter);
            _w.Summary("The entropy in nats, H(P) = −Σₖ pₖ·log pₖ, with 0·log 0 = 0. Uses the cached log-probabilities: no logarithm is taken here.");
            _c.ExpressionMember("public " + Readonly + T + " Entropy()", Kernels + ".EntropyOfCached(" + field + ", " + logField + ")");
            _w.Line();
            _w.Summary("The Kullback–Leibler divergence in nats, D(P‖Q) = Σₖ pₖ·(log pₖ − log qₖ), where P is this instance.\n"
                + "0·log(0/q) = 0; +∞ (never NaN) where qₖ = 0 &lt; pₖ; never negative (a negative rounding residue is returned as 0).\n"
                + "Uses the cached log-probabilities of both: no logarithm is taken here.");
            using (_c.QMember("public " + Readonly + T + " KLDivergence(in " + Self + " q)"))
            {
                _w.Line("return " + Kernels + ".KLDivergenceOfCached(" + field + ", " + logField + ", q." + logField + ");");
            }

            _w.Line();
            _w.Summary("The cross-entropy in nats, H(P, Q) = −Σₖ pₖ·log qₖ = H(P) + D(P‖Q), where P is this instance.\n"
                + "0·log q = 0; +∞ where qₖ = 0 &lt; pₖ. Uses the cached log-probabilities of Q.");
            using (_c.QMember("public " + Readonly + T + " CrossEntropy(in " + Self + " q)"))
            {
                _w.Line("return " + Kernels + ".CrossEntropyOfCached(" + field + ", q." + logField + ");");
            }

            _w.Line();

            string rawNote = "Every element must be a probability in [0, 1] (checked in the same pass as the sum, so the check costs\n"
                + "one compare per vector); the sum is not checked and the values are not renormalised.";
            string rangeDoc = "<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is NaN, infinite, negative or above 1\n"
                + "(the message names the span, the index and the value).</exception>";
            _w.Summary("H(p) = −Σₖ pₖ·log pₖ in nats for a raw vector of K probabilities, with 0·log 0 = 0.\n" + rawNote);
            _w.Doc("<param name=\"p\">K probabilities.</param>");
            _w.Doc("<returns>The entropy.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\"><paramref name=\"p\"/> does not have length K = " + K + ".</exception>");
            _w.Docs(rangeDoc);
            using (_w.Block("public static " + T + " Entropy(" + Span + " p)"))
            {
                _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, Classes, nameof(p));");
                _w.Line("return " + Kernels + ".EntropyOfRaw(p);");
            }

            _w.Line();
            _w.Summary("D(p‖q) = Σₖ pₖ·log(pₖ/qₖ) in nats for raw vectors of K probabilities: 0 where pₖ = 0, +∞ where qₖ = 0 &lt; pₖ,\nnever negative. " + rawNote);
            _w.Doc("<param name=\"p\">K probabilities of P.</param>");
            _w.Doc("<param name=\"q\">K probabilities of Q.</param>");
            _w.Doc("<returns>The divergence.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\">A span does not have length K = " + K + ".</exception>");
            _w.Docs(rangeDoc);
            using (_w.Block("public static " + T + " KLDivergence(" + Span + " p, " + Span + " q)"))
            {
                _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, Classes, nameof(p));");
                _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(q.Length, Classes, nameof(q));");
                _w.Line("return " + Kernels + ".KLDivergenceOfRaw(p, q);");
            }

            _w.Line();
            _w.Summary("H(p, q) = −Σₖ pₖ·log qₖ in nats for raw vectors of K probabilities: 0 where pₖ = 0, +∞ where qₖ = 0 &lt; pₖ.\n" + rawNote);
            _w.Doc("<param name=\"p\">K probabilities of P.</param>");
            _w.Doc("<param name=\"q\">K probabilities of Q.</param>");
            _w.Doc("<returns>The cross-entropy.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentException\">A span does not have length K = " + K + ".</exception>");
            _w.Docs(rangeDoc);
            using (_w.Block("public static " + T + " CrossEntropy(" + Span + " p, " + Span + " q)"))
            {
                _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, Classes, nameof(p));");
                _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(q.Length, Classes, nameof(q));");
                _w.Line("return " + Kernels + ".CrossEntropyOfRaw(p, q);");
            }

            _w.Line();

            // The divergence toolkit (FiniteMeasures): each sum is one kernel over the K classes, shared by the instance
            // member (the stored probabilities, which always pass the kernel's in-pass check) and the raw-vector form.
            var measures = new FiniteMeasureMembers(_c);
            string Call(FiniteMeasure m, string kernel, string p, string q) =>
                Kernels + "." + kernel + "(" + p + ", " + q + (kernel != m.Kernel ? string.Empty : m.Parameter is { } a ? ", " + a.Name : m.KernelArgument is { } v ? ", " + _c.Literal(v) : string.Empty) + ")";
            measures.EmitInstanceMembers(
                (m, kernel) => Call(m, kernel, field, "q." + field),
                m => ("global::DivergenceGen." + m.RuntimeFunction + "(" + field + ", q." + field + ", " + m.Parameter!.Name + ")", System.Array.Empty<string>()));
            measures.EmitRawMembers("Classes", "K = " + K, (m, kernel) => Call(m, kernel, "p", "q"));
            EmitRowMembers();
        }

        /// <summary>
        /// Whether a row batch runs blocks of rows across the lanes (row r of a block in lane r: no horizontal sums, no tails
        /// inside a row) before the last rows one by one. Measured (benchmarks/README.md, "Row batches"; N = 10,000, one Q
        /// row, Zen 4 with AVX-512): KL 2.6× (K = 4) and 1.5× (K = 8) faster than along the rows, entropy 1.2× (K = 8), but
        /// KL 0.77× at K = 16 (16 gathered columns, and the JIT stops inlining the log), and Jensen–Shannon 0.8× already at
        /// K = 4 (two deviances per class). So: the measures whose term is one logarithm (<see cref="RowBatch.Blocks"/>), K
        /// ≤ <see cref="MaxClassesAcrossLanes"/>, double only (a float block would sum K float terms in float; the row
        /// kernels sum in double), widths of 4 and 8 rows (a 128-bit CPU runs along the rows).
        /// </summary>
        private bool RowsAcrossLanes(RowBatch batch) =>
            batch.Blocks && _c.Spec.Precision == Model.PrecisionKind.Double && _c.Spec.Classes <= MaxClassesAcrossLanes && _c.Spec.Classes > 1;

        /// <summary>The largest K whose row batches run across the lanes (measured: see <see cref="RowsAcrossLanes"/>).</summary>
        private const int MaxClassesAcrossLanes = 8;

        /// <summary>The widths with blocks of rows: 512 and 256 bits (8 and 4 rows).</summary>
        private IEnumerable<int> BlockWidths => _c.VectorWidths.Where(b => b >= 256);

        private void EmitRowMembers()
        {
            foreach (var batch in Ir.RowBatches.All)
            {
                var parameter = batch.Finish?.Parameter;
                _w.Summary("destinationᵢ = " + SourceWriter.Escape(batch.Value) + " for each row i of the row-major N × K matrix <paramref name=\"p\"/>"
                    + (batch.HasQ ? ",\nwhere Qᵢ is row i of <paramref name=\"q\"/> (N rows) or, when q holds one row, that row for every i (a reference histogram)" : string.Empty)
                    + ".\nThe conventions are those of the single-row member. "
                    + (RowsAcrossLanes(batch)
                        ? "Rows run in blocks across the vector lanes (K ≤ " + N(MaxClassesAcrossLanes) + "), which add a row's K terms in another\norder than the single-row member: the last bits may differ. "
                        : "Each row runs the single-row kernel: the values are the single-row member's to the bit. ")
                    + "Every element is checked first,\nso an exception leaves the destination untouched.");
                _w.Doc("<param name=\"p\">N rows of K = " + K + " probabilities, row after row.</param>");
                if (batch.HasQ)
                {
                    _w.Doc("<param name=\"q\">N rows of K probabilities, or one row used for every row of p.</param>");
                }

                if (parameter is not null)
                {
                    _w.Doc("<param name=\"" + parameter.Name + "\">" + parameter.Doc + "</param>");
                }

                _w.Doc("<param name=\"destination\">Receives the N values; at least N long.</param>");
                _w.Doc("<exception cref=\"global::System.ArgumentException\">The length of p is not a multiple of K" + (batch.HasQ ? ", q holds neither N rows nor one" : string.Empty)
                    + ", or the destination is shorter than N.</exception>");
                _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is NaN, infinite, negative or above 1 (the message names the span,"
                    + " its flat index and the value)" + (parameter is null ? "." : "; or " + parameter.Exception) + "</exception>");
                string qParameter = batch.HasQ ? ", " + Span + " q" : string.Empty;
                string extra = parameter is null ? string.Empty : ", " + T + " " + parameter.Name;
                using (_w.Block("public static void " + batch.Member + "(" + Span + " p" + qParameter + extra + ", global::System.Span<" + T + "> destination)"))
                {
                    _w.Line("int rows = global::DivergenceGen.Guard.RowCount(p.Length, Classes, nameof(p));");
                    if (batch.HasQ)
                    {
                        _w.Line("global::DivergenceGen.Guard.ThrowIfNotRowsOrOneRow(q.Length, rows, Classes, nameof(q));");
                    }

                    _w.Line("global::DivergenceGen.Guard.ThrowIfDestinationTooShort(rows, destination.Length);");
                    if (parameter is not null)
                    {
                        _w.Line(string.Format(CultureInfo.InvariantCulture, parameter.Check, parameter.Name) + ";");
                    }

                    _w.Line("global::DivergenceGen.Guard.ThrowIfAnyNotProbability(p, nameof(p));");
                    if (batch.HasQ)
                    {
                        _w.Line("global::DivergenceGen.Guard.ThrowIfAnyNotProbability(q, nameof(q));");
                    }

                    _w.Line(Kernels + "." + batch.Member + "(p" + (batch.HasQ ? ", q" : string.Empty) + (parameter is null ? string.Empty : ", " + parameter.Name) + ", destination);");
                }

                _w.Line();
            }
        }

        private static string BlockName(RowBatch batch, int bits, bool oneQ) => batch.Member + "Blocks" + N(bits) + (oneQ ? "OneQ" : string.Empty);

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// The full blocks of a row batch across the lanes of a Vector<paramref name="bits"/>: the row's term per class on
        /// columns of the block (RowScheduler's across-rows shape), the sum lane-wise, the finish lane-wise, one store of
        /// a value per row. With <paramref name="oneQ"/> Q's K values (and what the term derives from Q alone, log q) are
        /// loaded once, before the blocks. Returns the number of rows done.
        /// </summary>
        private void EmitRowBlocks(RowBatch batch, int bits, bool oneQ)
        {
            int lanes = _c.LanesOf(bits);
            var parameter = batch.Finish?.Parameter;
            string span = "global::System.ReadOnlySpan<double>";
            var inputs = new List<KernelInput> { new("p", "row") };
            if (batch.HasQ)
            {
                inputs.Add(oneQ ? new KernelInput("q", "qRef", Invariant: true) : new KernelInput("q", "qRow"));
            }

            var body = batch.Lets.Cast<Statement>().Concat(new[] { new Reduce("sum", ReduceOp.Sum, batch.Term, Double: true) }).ToList();
            var scheduler = new RowScheduler(_w, new RowKernel(inputs, body, Array.Empty<string>()), _c.Spec.Classes, Model.PrecisionKind.Double, bits, "active");
            string vector = VectorLowering.VectorClass(bits);
            _w.Line("/// <summary>The full blocks of " + N(lanes) + " rows of " + batch.Member + (oneQ ? " against one Q row" : string.Empty)
                + ", across the lanes of a Vector" + N(bits) + "; returns the rows done.</summary>");
            _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
            string head = "private static int " + BlockName(batch, bits, oneQ) + "(" + span + " p" + (batch.HasQ ? ", " + span + " q" : string.Empty)
                + (parameter is null ? string.Empty : ", double " + parameter.Name) + ", global::System.Span<double> destination)";
            using (_w.Block(head))
            {
                _w.Line("int rows = p.Length / " + K + ";");
                _w.Line("ref double pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);");
                if (batch.HasQ)
                {
                    _w.Line("ref double qRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(q);");
                }

                _w.Line("ref double dRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);");
                scheduler.EmitInvariants();
                _w.Line("int i = 0;");
                using (_w.Block("for (; i <= rows - " + N(lanes) + "; i += " + N(lanes) + ")"))
                {
                    _w.Line("ref double row = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref pRef, i * " + K + ");");
                    if (batch.HasQ && !oneQ)
                    {
                        _w.Line("ref double qRow = ref global::System.Runtime.CompilerServices.Unsafe.Add(ref qRef, i * " + K + ");");
                    }

                    scheduler.EmitRow();
                    var finish = new VectorLowering(bits, Model.PrecisionKind.Double, name => name == "sum" ? "sum" : name + N(bits)).Lower(batch.Result);
                    _w.Line(vector + ".StoreUnsafe(" + finish + ", ref dRef, (nuint)i);");
                }

                _w.Line("return i;");
            }

            _w.Line();
        }

        /// <summary>The file-local class of this file's kernels, as the user's type reaches it.</summary>
        private string Kernels => FileFrame.Kernels(_c.Spec.Type.Name);

        /// <summary>
        /// The six sums over the K classes (<see cref="InformationMeasures.VectorSums"/>), written into the file's kernel
        /// class (<see cref="FileFrame"/>): pure functions of spans, called by the members of the user's type.
        /// </summary>
        public void EmitKernels()
        {
            var sums = new FiniteSumEmitter(_c);
            string Cast(string s) => _c.Spec.Precision == Model.PrecisionKind.Single ? "(float)(" + s + ")" : s;
            string Negate(string sum) => Cast("0d - (" + sum + ")");
            string Clamp(string sum) => Cast("global::System.Math.Max(" + sum + ", 0d)");
            if (_f.Counts is not null)
            {
                // A count-vector law reads only the single draw's KL (n times it); its other members are runtime calls.
                var kl = InformationMeasures.VectorSums.Single(v => v.Kernel == "KLDivergenceOfCached");
                sums.EmitKernel(kl.Kernel, kl.Purpose, kl.Inputs, kl.Term, kl.Finish == SumFinish.Negate ? Negate : Clamp, kl.ChecksInputs ? kl.Inputs : null);
                return;
            }

            foreach (var sum in InformationMeasures.VectorSums)
            {
                sums.EmitKernel(sum.Kernel, sum.Purpose, sum.Inputs, sum.Term, sum.Finish == SumFinish.Negate ? Negate : Clamp, sum.ChecksInputs ? sum.Inputs : null);
            }

            // The row batches: the single-row kernel per row (its in-pass check never fires: the member checked first).
            foreach (var batch in Ir.RowBatches.All)
            {
                var parameter = batch.Finish?.Parameter;
                string span = "global::System.ReadOnlySpan<" + _c.T + ">";
                _w.Line("/// <summary>" + batch.Member + ": the rows one after another. Callers have checked every length and element.</summary>");
                _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
                string head = "internal static void " + batch.Member + "(" + span + " p" + (batch.HasQ ? ", " + span + " q" : string.Empty)
                    + (parameter is null ? string.Empty : ", " + _c.T + " " + parameter.Name) + ", global::System.Span<" + _c.T + "> destination)";
                string blockArgs = "p" + (batch.HasQ ? ", q" : string.Empty) + (parameter is null ? string.Empty : ", " + parameter.Name) + ", destination";
                using (_w.Block(head))
                {
                    _w.Line("int rows = p.Length / " + K + ";");
                    if (batch.HasQ)
                    {
                        _w.Line("bool oneQ = q.Length == " + K + "; // one reference row for every row of p");
                    }

                    _w.Line("int i = 0;");
                    if (RowsAcrossLanes(batch))
                    {
                        _w.Line("// K = " + K + " ≤ " + N(MaxClassesAcrossLanes) + ": blocks of rows across the lanes first (row r of a block in lane r: no horizontal sums),");
                        _w.Line("// then the last rows one by one (measured faster for one-logarithm terms at K ≤ 8, slower above).");
                        string elseIf = "if";
                        foreach (int bits in BlockWidths)
                        {
                            using (_w.Block(elseIf + " (" + VectorLowering.VectorClass(bits) + ".IsHardwareAccelerated)"))
                            {
                                _w.Line("i = " + (batch.HasQ ? "oneQ ? " + BlockName(batch, bits, oneQ: true) + "(" + blockArgs + ") : " : string.Empty)
                                    + BlockName(batch, bits, oneQ: false) + "(" + blockArgs + ");");
                            }

                            elseIf = "else if";
                        }
                    }

                    using (_w.Block("for (; i < rows; i++)"))
                    {
                        string args = "p.Slice(i * " + K + ", " + K + ")" + (batch.HasQ ? ", oneQ ? q : q.Slice(i * " + K + ", " + K + ")" : string.Empty)
                            + (parameter is null ? string.Empty : ", " + parameter.Name);
                        if (batch.Finish is null)
                        {
                            _w.Line("destination[i] = " + batch.RowKernel + "(" + args + ");");
                        }
                        else
                        {
                            _w.Line("double sum = " + batch.RowKernel + "(" + args + ");");
                            _w.Line("destination[i] = " + FiniteMeasureMembers.FinishOf(batch.Finish, _c.Spec.Precision, "sum") + ";");
                        }
                    }
                }

                _w.Line();
                if (RowsAcrossLanes(batch))
                {
                    foreach (int bits in BlockWidths)
                    {
                        foreach (bool oneQ in batch.HasQ ? new[] { false, true } : new[] { false })
                        {
                            EmitRowBlocks(batch, bits, oneQ);
                        }
                    }
                }
            }

            // The divergence toolkit's sums (FiniteMeasures): the member finishes the double sum.
            foreach (var measure in FiniteMeasures.Sums)
            {
                var term = measure.Term!;
                var perClass = FiniteMeasures.PerClassLets(measure);
                var scalars = measure.Parameter is { } parameter ? new[] { parameter.Name } : null;
                string users = string.Join(" and ", System.Linq.Enumerable.Select(System.Linq.Enumerable.Where(FiniteMeasures.All, m => m.Kernel == measure.Kernel), m => m.Member));
                sums.EmitKernel(measure.Kernel, "Σ of the terms of " + users + ". " + measure.Method, new[] { "p", "q" }, term, s => s, new[] { "p", "q" }, perClass, scalars, returnsDouble: true);
            }

            _joint?.EmitKernels();
        }
    }
}
