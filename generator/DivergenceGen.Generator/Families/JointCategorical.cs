using System.Linq;

namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// JointCategorical(R, C): the joint law of two finite variables, X ∈ {0 … R − 1} (the row) and Y ∈ {0 … C − 1} (the
    /// column), as a categorical law over the R·C cells of a row-major table (cell k = i·C + j). Everything of the
    /// categorical law (storage, factories, entropy = H(X, Y), KL, the toolkit, the row batches) comes from the same
    /// description with K = R·C; <see cref="Ir.JointLaw"/> adds the marginals and the measures of dependence
    /// (<see cref="Ir.JointMeasures"/>) and the G-test of independence.
    /// </summary>
    internal static class JointCategorical
    {
        public static readonly VectorParameterFamily Description = Categorical.Description with
        {
            Name = "JointCategorical",
            Summary = "A joint law of two finite variables: P(X = i, Y = j) = pᵢⱼ over an R × C table stored row-major, Σ pᵢⱼ = 1.",
            Joint = new Ir.JointLaw(
                InterfaceName: "global::DivergenceGen.IJointCategoricalDistribution",
                IndependenceTest: "GTest",
                IndependenceTestFunction: "JointTables.GTest"),
        };

        /// <summary>A categorical law over the R·C cells: the same divergence facts as Categorical(K = R·C).</summary>
        public static readonly DivergenceFacts Divergence = Categorical.Divergence;

        /// <summary>The categorical law's names, and the joint law's own; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers = Categorical.GeneratedMembers
            .Concat(new[]
            {
                "Rows", "Columns", "RowMarginal", "ColumnMarginal", "GTest",
                "__RowValues", "__ColumnValues", "_rowMarginal", "_columnMarginal",
            })
            .Concat(Ir.JointMeasures.MemberNames)
            .ToArray();
    }
}
