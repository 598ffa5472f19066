using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// What a joint law (<see cref="JointLaw"/>) adds to a vector-parameter type whose K probabilities are an R × C table
    /// (row-major): the constants R and C, the stored marginals, the members of <see cref="JointMeasures"/> and the static test
    /// of independence. Each measure is its value over named sums; each sum one kernel of nested loops over its domain, in
    /// double, written from its IR term. Names no measure's maths.
    /// </summary>
    internal sealed class JointMembers
    {
        private readonly EmitContext _c;
        private readonly JointLaw _joint;
        private readonly SourceWriter _w;
        private readonly string _kernels;

        public JointMembers(EmitContext context, JointLaw joint, string kernels)
        {
            _c = context;
            _joint = joint;
            _w = context.W;
            _kernels = kernels;
        }

        private string T => _c.T;

        private bool IsStruct => _c.Spec.Type.IsStruct;

        private int R => _c.Spec.Rows;

        private int C => _c.Spec.Columns;

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        private string Readonly => _c.ReadonlyMember;

        private string UnscopedRef => IsStruct ? "[global::System.Diagnostics.CodeAnalysis.UnscopedRef] " : string.Empty;

        private string Span => "global::System.ReadOnlySpan<" + T + ">";

        /// <summary>The joint law's interface, after the categorical one.</summary>
        public string Interface(string self) => ", " + _joint.InterfaceName + "<" + self + ", " + T + ">";

        /// <summary>The constants R and C and the storage of the marginals (inline arrays for a struct, arrays for a class).</summary>
        public void EmitState(string self)
        {
            _w.Summary("R, the number of values of the row variable X (rows of the table); a compile-time constant.");
            _w.Line("public const int Rows = " + N(R) + ";");
            _w.Line();
            _w.Summary("C, the number of values of the column variable Y (columns of the table); a compile-time constant. Cell (i, j) is\nclass k = i·C + j.");
            _w.Line("public const int Columns = " + N(C) + ";");
            _w.Line();
            _w.Line("static int " + _joint.InterfaceName + "<" + self + ", " + T + ">.RowCount => Rows;");
            _w.Line();
            _w.Line("static int " + _joint.InterfaceName + "<" + self + ", " + T + ">.ColumnCount => Columns;");
            _w.Line();
            if (IsStruct)
            {
                _w.Line("// The marginals, computed once at construction (compensated sums in double, rounded once), stored inline too.");
                _w.Line("[global::System.Runtime.CompilerServices.InlineArray(Rows)]");
                using (_w.Block("private struct __RowValues"))
                {
                    _w.Line("private " + T + " _element0;");
                }

                _w.Line();
                _w.Line("[global::System.Runtime.CompilerServices.InlineArray(Columns)]");
                using (_w.Block("private struct __ColumnValues"))
                {
                    _w.Line("private " + T + " _element0;");
                }

                _w.Line();
                _w.Line("private readonly __RowValues _rowMarginal;");
                _w.Line("private readonly __ColumnValues _columnMarginal;");
            }
            else
            {
                _w.Line("// The marginals, computed once at construction (compensated sums in double, rounded once).");
                _w.Line("private readonly " + T + "[] _rowMarginal;");
                _w.Line("private readonly " + T + "[] _columnMarginal;");
            }

            _w.Line();
        }

        /// <summary>The constructor's lines that fill the marginals from the probabilities just stored.</summary>
        public void EmitConstructorLines(string probabilities)
        {
            if (IsStruct)
            {
                _w.Line("__RowValues rowMarginal = default;");
                _w.Line("__ColumnValues columnMarginal = default;");
                _w.Line("global::DivergenceGen.JointTables.FillMarginals<" + T + ">(" + probabilities + ", Columns, rowMarginal, columnMarginal);");
                _w.Line("_rowMarginal = rowMarginal;");
                _w.Line("_columnMarginal = columnMarginal;");
            }
            else
            {
                _w.Line("_rowMarginal = new " + T + "[Rows];");
                _w.Line("_columnMarginal = new " + T + "[Columns];");
                _w.Line("global::DivergenceGen.JointTables.FillMarginals<" + T + ">(" + probabilities + ", Columns, _rowMarginal, _columnMarginal);");
            }
        }

        /// <summary>The marginals, the measures and the test of independence, in the user's type.</summary>
        public void EmitMembers(string probabilities, string logProbabilities)
        {
            _w.Summary("The R probabilities of the row variable, P(X = i) = Σⱼ pᵢⱼ, computed once at construction (summed in double with\ncompensation, rounded once).");
            _c.ExpressionMember(UnscopedRef + "public " + Readonly + Span + " RowMarginal", "_rowMarginal", isProperty: true);
            _w.Line();
            _w.Summary("The C probabilities of the column variable, P(Y = j) = Σᵢ pᵢⱼ, computed once at construction (summed in double\nwith compensation, rounded once).");
            _c.ExpressionMember(UnscopedRef + "public " + Readonly + Span + " ColumnMarginal", "_columnMarginal", isProperty: true);
            _w.Line();
            string cast = _c.Spec.Precision == PrecisionKind.Single ? "(float)" : string.Empty;
            foreach (var measure in JointMeasures.All)
            {
                _w.Summary(SourceWriter.Escape(measure.Definition) + ".\n" + SourceWriter.Escape(measure.Conventions) + "\n" + SourceWriter.Escape(measure.Method));
                string parameter = string.Empty, argument = string.Empty;
                if (measure.Parameter is { } p)
                {
                    _w.Doc("<param name=\"" + p.Name + "\">" + p.Doc + "</param>");
                    _w.Docs(p.Exception);
                    parameter = p.Type + " " + p.Name;
                    argument = ", " + p.Name;
                }

                _c.ExpressionMember(
                    "public " + Readonly + T + " " + measure.Member + "(" + parameter + ")",
                    cast + _kernels + "." + measure.Member + "(" + probabilities + ", " + logProbabilities + argument + ")");
                _w.Line();
            }

            foreach (string count in new[] { "long", "int" })
            {
                _w.Summary("The G-test of independence of X and Y from an R × C table of counts Oᵢⱼ (row-major, as the cells):\n"
                    + "G = 2·Σᵢⱼ Oᵢⱼ·ln(Oᵢⱼ/Eᵢⱼ) with Eᵢⱼ = rowᵢ·columnⱼ/N, i.e. 2·N times the mutual information of the empirical table,\n"
                    + "on ν = (R − 1)(C − 1) = " + N((R - 1) * (C - 1)) + " degrees of freedom; the p-value is P(χ²_ν ≥ G) (regularised upper incomplete\n"
                    + "gamma, accurate far into the tail) with its logarithm for p-values below the double range. G is a sum of\n"
                    + "non-negative deviances with exact differences Oᵢⱼ − Eᵢⱼ, accurate also for nearly independent tables.\n"
                    + "R = 1 or C = 1: ν = 0, G = 0, p = 1.");
                _w.Doc("<param name=\"counts\">R·C = " + N(R * C) + " non-negative counts, row after row.</param>");
                _w.Doc("<returns>G, ν, the p-value and its logarithm.</returns>");
                _w.Docs("<exception cref=\"global::System.ArgumentException\">The length is not R·C; every count is 0 or the total exceeds long.MaxValue;\n"
                    + "or a row or a column sums to 0 (its expected frequencies would be 0, as scipy's chi2_contingency refuses; the\nmessage names it).</exception>");
                _w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">A count is negative (the message names its index and value).</exception>");
                _w.Line("public static global::DivergenceGen.IndependenceTest " + _joint.IndependenceTest + "(global::System.ReadOnlySpan<" + count + "> counts) =>");
                _w.Line("    global::DivergenceGen." + _joint.IndependenceTestFunction + "(counts, Rows, Columns, nameof(counts));");
                _w.Line();
            }
        }

        private const string SumParameters = "global::System.ReadOnlySpan<double> rowHigh, global::System.ReadOnlySpan<double> rowLow, "
            + "global::System.ReadOnlySpan<double> columnHigh, global::System.ReadOnlySpan<double> columnLow";

        /// <summary>The kernels: each measure from its sums, each sum as nested loops (in the file's kernel class).</summary>
        public void EmitKernels()
        {
            int length = 2 * (R + C);
            foreach (var measure in JointMeasures.All)
            {
                string parameter = measure.Parameter is { } p ? ", " + p.Type + " " + p.Name : string.Empty;
                _w.Line("/// <summary>" + measure.Member + ": " + SourceWriter.Escape(measure.Definition) + ".</summary>");
                using (_w.Block("internal static double " + measure.Member + "(" + Span + " probabilities, " + Span + " logProbabilities" + parameter + ")"))
                {
                    _w.Line("// The marginals as double-double sums (high + low, exact to ~ε²), " + (length <= 2048 ? "on the stack." : "in an array (R + C > 1024)."));
                    _w.Line("global::System.Span<double> marginals = " + (length <= 2048 ? "stackalloc double[" + N(length) + "];" : "new double[" + N(length) + "];"));
                    _w.Line("var rowHigh = marginals.Slice(0, " + N(R) + ");");
                    _w.Line("var rowLow = marginals.Slice(" + N(R) + ", " + N(R) + ");");
                    _w.Line("var columnHigh = marginals.Slice(" + N(2 * R) + ", " + N(C) + ");");
                    _w.Line("var columnLow = marginals.Slice(" + N((2 * R) + C) + ", " + N(C) + ");");
                    _w.Line("global::DivergenceGen.JointTables.Marginals(probabilities, " + N(C) + ", rowHigh, rowLow, columnHigh, columnLow);");
                    foreach (var sum in JointMeasures.SumsOf(measure))
                    {
                        _w.Line("double " + Local(sum) + " = " + sum.Kernel + "(probabilities, logProbabilities, rowHigh, rowLow, columnHigh, columnLow);");
                    }

                    var lowering = new ScalarLowering(PrecisionKind.Double, name => JointMeasures.Sums.FirstOrDefault(s => s.Kernel == name) is { } s ? Local(s) : name);
                    _w.Line("return " + lowering.Lower(measure.Value) + ";");
                }

                _w.Line();
            }

            foreach (var sum in JointMeasures.Sums)
            {
                EmitSum(sum);
            }
        }

        private static string Local(JointSum sum) => char.ToLowerInvariant(sum.Kernel[0]) + sum.Kernel.Substring(1);

        private void EmitSum(JointSum sum)
        {
            var read = new HashSet<string>(sum.Lets.SelectMany(l => Substitution.Names(l.Value)).Concat(Substitution.Names(sum.Term)));
            _w.Line("/// <summary>" + SourceWriter.Escape(sum.Purpose) + "</summary>");
            using (_w.Block("private static double " + sum.Kernel + "(" + Span + " probabilities, " + Span + " logProbabilities, " + SumParameters + ")"))
            {
                string over = sum.Domain switch
                {
                    JointDomain.Rows => "the R = " + N(R) + " rows",
                    JointDomain.Columns => "the C = " + N(C) + " columns",
                    _ => "the R × C = " + N(R) + " × " + N(C) + " cells, row after row",
                };
                _w.Line("// Over " + over + ", in double; one scalar term each (the deviance's series is a branch per term).");
                _w.Line("double sum = 0d;");
                var lowering = new ScalarLowering(PrecisionKind.Double, name => name);
                void Body()
                {
                    foreach (var let in sum.Lets)
                    {
                        _w.Line("double " + let.Name + " = " + lowering.Lower(let.Value) + ";");
                    }

                    _w.Line("sum += " + lowering.Lower(sum.Term) + ";");
                }

                void Reads(string name, string value)
                {
                    if (read.Contains(name))
                    {
                        _w.Line("double " + name + " = " + value + ";");
                    }
                }

                if (sum.Domain == JointDomain.Columns)
                {
                    using (_w.Block("for (int j = 0; j < " + N(C) + "; j++)"))
                    {
                        Reads("ch", "columnHigh[j]");
                        Reads("cl", "columnLow[j]");
                        Body();
                    }
                }
                else
                {
                    using (_w.Block("for (int i = 0; i < " + N(R) + "; i++)"))
                    {
                        Reads("rh", "rowHigh[i]");
                        Reads("rl", "rowLow[i]");
                        if (sum.Domain == JointDomain.Rows)
                        {
                            Body();
                        }
                        else
                        {
                            using (_w.Block("for (int j = 0; j < " + N(C) + "; j++)"))
                            {
                                Reads("p", "probabilities[(i * " + N(C) + ") + j]");
                                Reads("lp", "logProbabilities[(i * " + N(C) + ") + j]");
                                Reads("ch", "columnHigh[j]");
                                Reads("cl", "columnLow[j]");
                                Body();
                            }
                        }
                    }
                }

                _w.Line("return sum;");
            }

            _w.Line();
        }
    }
}
