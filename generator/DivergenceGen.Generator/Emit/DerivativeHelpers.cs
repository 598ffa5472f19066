using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// The part shared by the helpers that evaluate a user's function and its symbolic derivatives for a fit (issue 16:
    /// a user-described finite law's <c>LogWeight</c>, a user-described exponential family's <c>LogPartition</c>): the derived formulas for the doc
    /// comment, and the body after the variables' locals — <c>if (!__gradient.IsEmpty)</c> the gradient and the symmetric
    /// Hessian (upper triangle derived, lower copied), then the value.
    /// </summary>
    internal static class DerivativeHelpers
    {
        /// <summary>The lines <c>f(args) = …</c>, <c>∂/∂v = …</c>, <c>∂²/∂v² = …</c>, <c>∂²/∂u∂v = …</c>, as a reader writes them.</summary>
        public static List<string> Formulas(string function, Expr value, IReadOnlyList<string> variables, IReadOnlyList<Expr> gradient, IReadOnlyList<Expr> hessian)
        {
            int m = variables.Count;
            var lines = new List<string> { function + " = " + Formula.Show(value) };
            lines.AddRange(variables.Select((v, i) => "∂/∂" + v + " = " + Formula.Show(gradient[i])));
            for (int i = 0; i < m; i++)
            {
                for (int j = i; j < m; j++)
                {
                    string second = i == j ? "∂²/∂" + variables[i] + "²" : "∂²/∂" + variables[i] + "∂" + variables[j];
                    lines.Add(second + " = " + Formula.Show(hessian[LogWeightModel.HessianIndex(i, j, m)]));
                }
            }

            return lines;
        }

        /// <summary>The body after the locals: the derivatives into <c>__gradient</c>/<c>__hessian</c> when asked, then the value.</summary>
        public static void EmitBody(SourceWriter w, Lowering lowering, Expr value, IReadOnlyList<Expr> gradient, IReadOnlyList<Expr> hessian)
        {
            int m = gradient.Count;
            string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            using (w.Block("if (!__gradient.IsEmpty)"))
            {
                for (int i = 0; i < m; i++)
                {
                    w.Line("__gradient[" + N(i) + "] = " + lowering.Lower(gradient[i]) + ";");
                }

                for (int i = 0; i < m; i++)
                {
                    for (int j = i; j < m; j++)
                    {
                        w.Line("__hessian[" + N((i * m) + j) + "] = " + lowering.Lower(hessian[LogWeightModel.HessianIndex(i, j, m)]) + ";");
                        if (j != i)
                        {
                            w.Line("__hessian[" + N((j * m) + i) + "] = __hessian[" + N((i * m) + j) + "];");
                        }
                    }
                }
            }

            w.Line();
            w.Line("return " + lowering.Lower(value) + ";");
        }
    }
}
