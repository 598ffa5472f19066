using System.Collections.Generic;
using System.Linq;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>What a sum of a joint law runs over: the R·C cells (row-major), the R rows or the C columns.</summary>
    internal enum JointDomain
    {
        Cells,
        Rows,
        Columns,
    }

    /// <summary>
    /// A sum over the cells, rows or columns of an R × C joint table, in double. The names it may read: <c>p</c> = pᵢⱼ and
    /// <c>lp</c> = its cached log (cells only); <c>rh</c> + <c>rl</c> = the row marginal rᵢ and <c>ch</c> + <c>cl</c> = the
    /// column marginal cⱼ, each an unevaluated double-double sum (<c>JointTables.Marginals</c>: exact to ~ε²); and its
    /// lets.
    /// </summary>
    /// <param name="Kernel">The sum's kernel (a method of the file's kernel class) and the name measures read it by.</param>
    /// <param name="Domain">What it runs over.</param>
    /// <param name="Purpose">The sum, for the kernel's comment (plain text).</param>
    /// <param name="Lets">Values per cell the term reads, in order.</param>
    /// <param name="Term">The term.</param>
    internal sealed record JointSum(string Kernel, JointDomain Domain, string Purpose, IReadOnlyList<MeasureLet> Lets, Expr Term);

    /// <summary>A parameter of a joint measure beyond the table: its C# type, name and doc (XML), and the exception it may cause.</summary>
    internal sealed record JointParameter(string Type, string Name, string Doc, string Exception);

    /// <summary>
    /// A measure of a joint law: its member, its docs (plain text, escaped by the emitter) and its value as IR in the
    /// sums it reads (by kernel name) and its parameter, computed in double and rounded once to the type's precision.
    /// </summary>
    internal sealed record JointMeasure(string Member, string Definition, string Conventions, string Method, Expr Value, JointParameter? Parameter = null);

    /// <summary>
    /// The joint law's description beside its categorical one: the interface it adds, and the static test of independence
    /// from counts (a runtime function of the counts, R and C, and the parameter's name).
    /// </summary>
    internal sealed record JointLaw(string InterfaceName, string IndependenceTest, string IndependenceTestFunction);

    /// <summary>
    /// The measures of dependence of a joint law of two finite variables X (rows) and Y (columns), issue 17: the entropies
    /// of the marginals, the mutual information, the conditional entropies, the variation of information and the normalised
    /// mutual information. Every term is non-negative (or of one sign), so no sum cancels; the conventions (0·log 0 = 0,
    /// never NaN, never negative) are in the terms and the values, not in the emitter.
    /// </summary>
    internal static class JointMeasures
    {
        private static readonly Expr P = E.Ref("p");
        private static readonly Expr RowHigh = E.Ref("rh");
        private static readonly Expr RowLow = E.Ref("rl");
        private static readonly Expr ColumnHigh = E.Ref("ch");
        private static readonly Expr ColumnLow = E.Ref("cl");

        public static readonly JointSum RowEntropySum = new(
            "RowEntropySum",
            JointDomain.Rows,
            "Σᵢ rᵢ·log rᵢ (≤ 0), with log rᵢ = log(rh + rl) ≈ log rh + rl/rh: a marginal near 1 keeps the digits its rounding would lose.",
            new MeasureLet[0],
            E.XTimesLog(RowHigh, E.Log(RowHigh) + (RowLow / RowHigh)));

        public static readonly JointSum ColumnEntropySum = new(
            "ColumnEntropySum",
            JointDomain.Columns,
            "Σⱼ cⱼ·log cⱼ (≤ 0), with log cⱼ = log(ch + cl) ≈ log ch + cl/ch.",
            new MeasureLet[0],
            E.XTimesLog(ColumnHigh, E.Log(ColumnHigh) + (ColumnLow / ColumnHigh)));

        public static readonly JointSum JointEntropySum = new(
            "JointEntropySum",
            JointDomain.Cells,
            "Σᵢⱼ pᵢⱼ·log pᵢⱼ (≤ 0) from the cached log-probabilities.",
            new MeasureLet[0],
            E.XTimesLog(P, E.Ref("lp")));

        public static readonly JointSum MutualInformationSum = new(
            "MutualInformationSum",
            JointDomain.Cells,
            "Σᵢⱼ bd0(pᵢⱼ, rᵢ·cⱼ) (each ≥ 0) with pᵢⱼ − rᵢ·cⱼ from one fused multiply-add and the marginals' low parts.",
            new[]
            {
                new MeasureLet("m", RowHigh * ColumnHigh),
                // p − (rh + rl)(ch + cl): the product rh·ch exact inside the FMA, the cross terms (~ε of it) added after, rl·cl (~ε²) dropped.
                new MeasureLet("d", E.Fma(-RowHigh, ColumnHigh, P) - ((RowHigh * ColumnLow) + (RowLow * ColumnHigh))),
            },
            // Where rh·ch underflows to 0 (p ≤ both, so p is below ~1e−154), bd0 ≈ p·(log p − log rh − log ch) − p.
            E.Select(
                E.Equal(E.Ref("m"), 0.0),
                E.XTimesLog(P, E.Log(P) - E.Log(RowHigh) - E.Log(ColumnHigh)) - P,
                E.Deviance(P, E.Ref("m"), E.Ref("d"))));

        public static readonly JointSum RowsGivenColumnsSum = new(
            "RowsGivenColumnsSum",
            JointDomain.Cells,
            "Σᵢⱼ pᵢⱼ·log(cⱼ/pᵢⱼ) = Σ pᵢⱼ·log1p(sᵢⱼ/pᵢⱼ) (each ≥ 0), sᵢⱼ = cⱼ − pᵢⱼ the rest of the column (exact where pᵢⱼ ≥ cⱼ/2).",
            new[] { new MeasureLet("s", (ColumnHigh - P) + ColumnLow) },
            E.XTimesLog(P, E.Log1p(E.Ref("s") / P)));

        public static readonly JointSum ColumnsGivenRowsSum = new(
            "ColumnsGivenRowsSum",
            JointDomain.Cells,
            "Σᵢⱼ pᵢⱼ·log(rᵢ/pᵢⱼ) = Σ pᵢⱼ·log1p(sᵢⱼ/pᵢⱼ) (each ≥ 0), sᵢⱼ = rᵢ − pᵢⱼ the rest of the row (exact where pᵢⱼ ≥ rᵢ/2).",
            new[] { new MeasureLet("s", (RowHigh - P) + RowLow) },
            E.XTimesLog(P, E.Log1p(E.Ref("s") / P)));

        /// <summary>Every sum, in the order the kernels are written.</summary>
        public static readonly IReadOnlyList<JointSum> Sums = new[]
        {
            RowEntropySum, ColumnEntropySum, JointEntropySum, MutualInformationSum, RowsGivenColumnsSum, ColumnsGivenRowsSum,
        };

        private static Expr Sum(JointSum sum) => E.Ref(sum.Kernel);

        /// <summary>A sum of non-positive terms, negated: an entropy (a positive rounding residue is 0).</summary>
        private static Expr Entropy(JointSum sum) => E.Max(0.0 - Sum(sum), 0.0);

        private static Expr NonNegative(JointSum sum) => E.Max(Sum(sum), 0.0);

        private const string Marginals = "The marginals are summed in double-double (compensated), so their own rounding costs nothing.";

        public static readonly IReadOnlyList<JointMeasure> All = new[]
        {
            new JointMeasure(
                "RowEntropy",
                "H(X) = −Σᵢ rᵢ·log rᵢ in nats, the entropy of the row variable X, rᵢ = Σⱼ pᵢⱼ",
                "0·log 0 = 0; 0 ≤ H(X) ≤ log R.",
                Marginals,
                Entropy(RowEntropySum)),
            new JointMeasure(
                "ColumnEntropy",
                "H(Y) = −Σⱼ cⱼ·log cⱼ in nats, the entropy of the column variable Y, cⱼ = Σᵢ pᵢⱼ",
                "0·log 0 = 0; 0 ≤ H(Y) ≤ log C.",
                Marginals,
                Entropy(ColumnEntropySum)),
            new JointMeasure(
                "MutualInformation",
                "I(X; Y) = Σᵢⱼ pᵢⱼ·log(pᵢⱼ/(rᵢ·cⱼ)) = D(P_XY ‖ P_X ⊗ P_Y) in nats",
                "0·log 0 = 0; 0 ≤ I ≤ min(H(X), H(Y)); 0 exactly where X and Y are independent (up to rounding); never negative.",
                "Computed as Σ bd0(pᵢⱼ, rᵢ·cⱼ) with Loader's deviance bd0(x, m) = x·log(x/m) + m − x ≥ 0 (the m − x parts sum to 0) "
                + "and the difference pᵢⱼ − rᵢ·cⱼ formed by a fused multiply-add (exact product) from marginals summed in double-double: "
                + "non-negative terms, so I keeps its relative accuracy near independence, where Σ p·log(p/(r·c)) cancels.",
                NonNegative(MutualInformationSum)),
            new JointMeasure(
                "ConditionalEntropyOfRowsGivenColumns",
                "H(X | Y) = −Σᵢⱼ pᵢⱼ·log(pᵢⱼ/cⱼ) in nats, the entropy of the row variable left once the column is known",
                "0·log 0 = 0; 0 ≤ H(X | Y) ≤ H(X); H(X, Y) = H(Y) + H(X | Y).",
                "Each term is pᵢⱼ·log1p(sᵢⱼ/pᵢⱼ) ≥ 0 with sᵢⱼ = cⱼ − pᵢⱼ the rest of the column, exact from the double-double "
                + "marginal: no cancellation, unlike H(X, Y) − H(Y).",
                NonNegative(RowsGivenColumnsSum)),
            new JointMeasure(
                "ConditionalEntropyOfColumnsGivenRows",
                "H(Y | X) = −Σᵢⱼ pᵢⱼ·log(pᵢⱼ/rᵢ) in nats, the entropy of the column variable left once the row is known",
                "0·log 0 = 0; 0 ≤ H(Y | X) ≤ H(Y); H(X, Y) = H(X) + H(Y | X).",
                "Each term is pᵢⱼ·log1p(sᵢⱼ/pᵢⱼ) ≥ 0 with sᵢⱼ = rᵢ − pᵢⱼ the rest of the row, exact from the double-double "
                + "marginal: no cancellation, unlike H(X, Y) − H(X).",
                NonNegative(ColumnsGivenRowsSum)),
            new JointMeasure(
                "VariationOfInformation",
                "VI(X; Y) = H(X | Y) + H(Y | X) = H(X, Y) − I(X; Y) in nats, a metric between the two variables",
                "0 ≤ VI ≤ log(R·C); 0 exactly where each variable determines the other.",
                "The sum of the two conditional entropies, each a sum of non-negative terms (no subtraction).",
                NonNegative(RowsGivenColumnsSum) + NonNegative(ColumnsGivenRowsSum)),
            new JointMeasure(
                "NormalizedMutualInformation",
                "NMI(X; Y) = I(X; Y)/n(H(X), H(Y)) with the denominator n named by the normalisation: arithmetic (H(X) + H(Y))/2 "
                + "(scikit-learn's default), geometric √(H(X)·H(Y)), minimum, maximum, or the joint entropy H(X, Y)",
                "In [0, 1] (clamped). As scikit-learn: 1 where both variables are constant (H(X) = H(Y) = 0); otherwise 0 where I = 0 "
                + "or the denominator is 0 (one variable constant).",
                "I, H(X), H(Y) and H(X, Y) as the members compute them, then one division (JointTables.NormalizedMutualInformation).",
                E.Call(
                    "JointTables.NormalizedMutualInformation",
                    NonNegative(MutualInformationSum),
                    Entropy(RowEntropySum),
                    Entropy(ColumnEntropySum),
                    Entropy(JointEntropySum),
                    E.Ref("normalization")),
                new JointParameter(
                    "global::DivergenceGen.MutualInformationNormalization",
                    "normalization",
                    "The denominator: <see cref=\"global::DivergenceGen.MutualInformationNormalization.Arithmetic\"/> is scikit-learn's default.",
                    "<exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"normalization\"/> is not a defined value.</exception>")),
        };

        /// <summary>The sums a measure's value reads.</summary>
        public static IReadOnlyList<JointSum> SumsOf(JointMeasure measure)
        {
            var names = Substitution.Names(measure.Value);
            return Sums.Where(s => names.Contains(s.Kernel)).ToList();
        }

        /// <summary>The names a joint type's members and kernels take (DG0005 reads them through the family's list).</summary>
        public static IEnumerable<string> MemberNames => All.Select(m => m.Member);
    }
}
