using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Maximum-likelihood fitting of a parametric law over 0 … K − 1 (a user-described finite law, issue 16): <c>Fit</c> and
    /// <c>FitCounts</c>, each from the declaration's start or a given law, over one private helper that evaluates the
    /// user's <c>LogWeight</c> and its symbolic first and second derivatives (<see cref="LogWeightModel"/>, lowered to
    /// scalar C# in double with the derived formulas in its comment). The iteration itself is the runtime's
    /// <c>FiniteFamilies.FitMaximumLikelihood</c> (damped Newton). Written only where the body translated and
    /// differentiated; otherwise the type has no <c>Fit</c> and DG0043 said why.
    /// </summary>
    internal sealed class FiniteFamilyFit
    {
        private readonly EmitContext _c;
        private readonly SourceWriter _w;
        private readonly LogWeightModel _model;

        public FiniteFamilyFit(EmitContext context, LogWeightModel model)
        {
            _c = context;
            _w = context.W;
            _model = model;
        }

        private string T => _c.T;

        private string Self => _c.Self;

        private string SelfName => Self.TrimStart('@');

        private bool IsStruct => _c.Spec.Type.IsStruct;

        private IReadOnlyList<string> Names => _c.Spec.LogWeightParameters;

        private static string Id(string name) => Parsing.Declarations.Identifier(name);

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary><c>s = 0, t = 1</c>: the declaration's start, for the docs.</summary>
        private string StartText => string.Join(", ", Names.Select((n, i) => n + " = " + Number(_model.Start[i])));

        private string StartParameter => (IsStruct ? "in " : string.Empty) + Self + " start";

        private string StartDefaultCheck => IsStruct ? "start.ThrowIfDefault();" : "global::System.ArgumentNullException.ThrowIfNull(start);";

        /// <summary><c>new double[] { start._s, start._t }</c>: a given law's parameters, in double.</summary>
        private string StartOf => "new double[] { " + string.Join(", ", Names.Select(n => (T == "float" ? "(double)" : string.Empty) + "start._" + n)) + " }";

        private string DeclaredStart => "new double[] { " + string.Join(", ", _model.Start.Select(v => Lowering.Literal(v, PrecisionKind.Double))) + " }";

        public void Emit()
        {
            string method = "<see cref=\"global::DivergenceGen.FiniteFamilies.FitMaximumLikelihood\"/>";
            string how = "The maximum of the log-likelihood Σᵢ log P(X = xᵢ) over the parameters (" + string.Join(", ", Names) + "), by damped Newton steps\n"
                + "on the score and Hessian derived symbolically from <c>LogWeight</c> at compile time (" + method + "\n"
                + "states the method and its stopping rule; an exponential family converges from any valid start).";
            string noMaximum = "no maximum: the data lie on the family's boundary (the likelihood keeps rising as a parameter\n"
                + "grows, e.g. every outcome at one end), the parameters are not identifiable, the start is invalid for the data, or the\n"
                + "fit did not converge; the message names the parameters and their last values.</exception>";
            string exceptions = "<exception cref=\"global::System.ArgumentException\"><paramref name=\"outcomes\"/> is empty, or " + noMaximum;
            string countExceptions = "<exception cref=\"global::System.ArgumentException\"><paramref name=\"counts\"/> does not have K elements or counts\n"
                + "nothing, or " + noMaximum;

            _w.Summary("Fits the law to observed outcomes by maximum likelihood, starting from " + StartText + " (the default values of\n"
                + "<c>LogWeight</c>'s parameters, 0 where there is none).\n" + how);
            _w.Doc("<param name=\"outcomes\">The observed outcomes, each in 0 … K − 1; at least one.</param>");
            _w.Doc("<returns>The law of largest likelihood.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An outcome is outside 0 … K − 1 (the message names its index and value).</exception>");
            _w.Docs(exceptions);
            using (_w.Block("public static " + Self + " Fit(global::System.ReadOnlySpan<int> outcomes)"))
            {
                EmitCounting();
                _w.Line("return __Fit(counts, " + DeclaredStart + ", nameof(outcomes));");
            }

            _w.Line();
            _w.Summary("Fits the law to observed outcomes by maximum likelihood, starting from the parameters of <paramref name=\"start\"/>.\n" + how);
            _w.Doc("<param name=\"outcomes\">The observed outcomes, each in 0 … K − 1; at least one.</param>");
            _w.Doc("<param name=\"start\">Where the iteration starts: a law that gives every observed outcome positive probability.</param>");
            _w.Doc("<returns>The law of largest likelihood.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">An outcome is outside 0 … K − 1 (the message names its index and value).</exception>");
            _w.Docs(exceptions);
            using (_w.Block("public static " + Self + " Fit(global::System.ReadOnlySpan<int> outcomes, " + StartParameter + ")"))
            {
                _w.Line(StartDefaultCheck);
                EmitCounting();
                _w.Line("return __Fit(counts, " + StartOf + ", nameof(outcomes));");
            }

            _w.Line();
            _w.Summary("Fits the law to outcome counts (counts[k] observations of k) by maximum likelihood, starting from " + StartText + ".\n" + how);
            _w.Doc("<param name=\"counts\">K counts, each ≥ 0, not all 0.</param>");
            _w.Doc("<returns>The law of largest likelihood.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">A count is negative (the message names its index and value).</exception>");
            _w.Docs(countExceptions);
            using (_w.Block("public static " + Self + " FitCounts(global::System.ReadOnlySpan<long> counts)"))
            {
                _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(counts.Length, Classes, nameof(counts));");
                _w.Line("return __Fit(counts, " + DeclaredStart + ", nameof(counts));");
            }

            _w.Line();
            _w.Summary("Fits the law to outcome counts (counts[k] observations of k) by maximum likelihood, starting from the parameters\n"
                + "of <paramref name=\"start\"/>.\n" + how);
            _w.Doc("<param name=\"counts\">K counts, each ≥ 0, not all 0.</param>");
            _w.Doc("<param name=\"start\">Where the iteration starts: a law that gives every counted outcome positive probability.</param>");
            _w.Doc("<returns>The law of largest likelihood.</returns>");
            _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">A count is negative (the message names its index and value).</exception>");
            _w.Docs(countExceptions);
            using (_w.Block("public static " + Self + " FitCounts(global::System.ReadOnlySpan<long> counts, " + StartParameter + ")"))
            {
                _w.Line(StartDefaultCheck);
                _w.Line("global::DivergenceGen.Guard.ThrowIfLengthIsNot(counts.Length, Classes, nameof(counts));");
                _w.Line("return __Fit(counts, " + StartOf + ", nameof(counts));");
            }

            _w.Line();
            _w.Summary("The fit itself (the runtime's damped Newton iteration), then the law at the parameters found"
                + (T == "float" ? ",\nrounded to float." : "."));
            _w.Doc("<param name=\"counts\">K counts.</param>");
            _w.Doc("<param name=\"start\">The starting parameters.</param>");
            _w.Doc("<param name=\"name\">The caller's parameter name, for exceptions.</param>");
            _w.Doc("<returns>The fitted law.</returns>");
            using (_w.Block("private static " + Self + " __Fit(global::System.ReadOnlySpan<long> counts, global::System.ReadOnlySpan<double> start, string name)"))
            {
                _w.Line("double[] theta = global::DivergenceGen.FiniteFamilies.FitMaximumLikelihood(");
                _w.Line("    \"" + SelfName + "\",");
                _w.Line("    new[] { " + string.Join(", ", Names.Select(n => "\"" + n + "\"")) + " },");
                _w.Line("    counts,");
                _w.Line("    start,");
                _w.Line("    __LogWeightDerivatives,");
                _w.Line("    name);");
                string cast = T == "float" ? "(float)" : string.Empty;
                _w.Line("return new " + Self + "(" + string.Join(", ", Names.Select((_, i) => cast + "theta[" + N(i) + "]")) + ");");
            }

            _w.Line();
            EmitDerivatives();
        }

        private void EmitCounting()
        {
            _w.Line("global::DivergenceGen.Guard.ThrowIfEmpty(outcomes.Length, nameof(outcomes));");
            _w.Line("var counts = new long[Classes];");
            _w.Line("global::DivergenceGen.ProbabilityVectors.CountOutcomes(outcomes, counts, nameof(outcomes));");
        }

        /// <summary>
        /// The helper the runtime's iteration calls: LogWeight(k, θ), ∇ and ∇² in double, lowered from the IR with the
        /// user's names (the outcome and the parameters become locals of those names), each derived formula in a comment.
        /// </summary>
        private void EmitDerivatives()
        {
            int m = Names.Count;
            string outcome = _model.Outcome;
            string args = outcome + ", " + string.Join(", ", Names);
            var lowering = new ScalarLowering(PrecisionKind.Double, Id);
            var lines = DerivativeHelpers.Formulas("LogWeight(" + args + ")", _model.Value, Names, _model.Gradient, _model.Hessian);

            _w.Summary("LogWeight and its first and second derivatives in the parameters, in double, for <see cref=\"Fit(global::System.ReadOnlySpan{int})\"/>:\n"
                + "the generator translated the body of <c>LogWeight</c> and differentiated it symbolically at compile time:\n"
                + "<code>\n" + string.Join("\n", lines.Select(SourceWriter.Escape)) + "\n</code>");
            _w.Doc("<param name=\"__outcome\">The outcome k.</param>");
            _w.Doc("<param name=\"__parameters\">The parameters, in order.</param>");
            _w.Doc("<param name=\"__gradient\">Empty, or receives the m first derivatives.</param>");
            _w.Doc("<param name=\"__hessian\">Empty, or receives the m × m second derivatives (row-major).</param>");
            _w.Doc("<returns>LogWeight(k, θ).</returns>");
            using (_w.Block("private static double __LogWeightDerivatives(int __outcome, global::System.ReadOnlySpan<double> __parameters, global::System.Span<double> __gradient, global::System.Span<double> __hessian)"))
            {
                _w.Line("double " + Id(outcome) + " = __outcome;");
                for (int i = 0; i < m; i++)
                {
                    _w.Line("double " + Id(Names[i]) + " = __parameters[" + N(i) + "];");
                }

                DerivativeHelpers.EmitBody(_w, lowering, _model.Value, _model.Gradient, _model.Hessian);
            }

            _w.Line();
        }
    }
}
