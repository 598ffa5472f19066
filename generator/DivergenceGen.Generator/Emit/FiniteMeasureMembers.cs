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
        /// <see cref="FiniteMeasure.SecondKernel"/>) between this instance and <c>q</c>; <paramref name="runtimeSpans"/> the C# of P's and Q's probability spans for a runtime measure (Rényi)
        /// and the statements that set them up.
        /// </summary>
        public void EmitInstanceMembers(Func<FiniteMeasure, string, string> sum, Func<(string P, string Q, IReadOnlyList<string> Setup)> runtimeSpans)
        {
            foreach (var measure in FiniteMeasures.All)
            {
                _w.Summary(Summary(measure, "P is this instance and Q is <paramref name=\"q\"/>"));
                _w.Doc("<param name=\"q\">The second distribution Q.</param>");
                ParameterDocs(measure);
                _c.NullCheckDoc("q");
                _c.DefaultCheckDoc();
                using (_w.Block("public " + _c.ReadonlyMember + T + " " + measure.Member + "(in " + _c.Self + " q" + ParameterDeclaration(measure) + ")"))
                {
                    _c.NullCheck("q");
                    _c.DefaultCheck("q");
                    ParameterCheck(measure);
                    if (measure.RuntimeFunction is { } function)
                    {
                        var spans = runtimeSpans();
                        foreach (var line in spans.Setup)
                        {
                            _w.Line(line);
                        }

                        _w.Line("return global::DivergenceGen." + function + "(" + spans.P + ", " + spans.Q + ", " + measure.Parameter!.Name + ");");
                    }
                    else
                    {
                        _w.Line("double sum = " + sum(measure, measure.Kernel) + ";");
                        _w.Line("return " + Finish(measure, sum) + ";");
                    }
                }

                _w.Line();
            }
        }

        /// <summary>
        /// The static forms on raw vectors of <paramref name="length"/> probabilities. <paramref name="sum"/> gives the C# of
        /// the measure's double sum of spans <c>p</c>, <c>q</c> (which checks every element in its pass).
        /// </summary>
        public void EmitRawMembers(string length, string lengthText, Func<FiniteMeasure, string, string> sum)
        {
            string rangeDoc = "<exception cref=\"global::System.ArgumentOutOfRangeException\">An element is NaN, infinite, negative or above 1\n"
                + "(the message names the span, the index and the value)";
            foreach (var measure in FiniteMeasures.All)
            {
                _w.Summary(Summary(measure, "P and Q are the raw vectors <paramref name=\"p\"/> and <paramref name=\"q\"/> of " + lengthText + " probabilities")
                    + "\n" + "Every element must be a probability in [0, 1] (checked in the same pass as the sum); the sums are not checked\n"
                    + "and the values are not renormalised.");
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
                        _w.Line("return global::DivergenceGen." + function + "(p, q, " + measure.Parameter!.Name + ");");
                    }
                    else
                    {
                        _w.Line("double sum = " + sum(measure, measure.Kernel) + ";");
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
            string text = new ScalarLowering(PrecisionKind.Double, name => name == "sum2" ? sum(measure, measure.SecondKernel!) : name).Lower(measure.Finish);
            return _c.Spec.Precision == PrecisionKind.Single ? "(float)(" + text + ")" : text;
        }
    }
}
