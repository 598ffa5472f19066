using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class the joint law of two finite variables X ∈ {0 … R − 1} (the
    /// row) and Y ∈ {0 … C − 1} (the column), with R and C fixed at compile time: an R × C table of probabilities pᵢⱼ stored
    /// row-major, cell k = i·C + j. The type is a categorical distribution over the R·C cells (every member of
    /// <see cref="CategoricalAttribute"/>, with K = R·C; its entropy is the joint entropy H(X, Y)), plus the marginals, the
    /// entropies of X and Y, the mutual information, the conditional entropies, the normalised mutual information, the
    /// variation of information and the G-test of independence.
    /// </summary>
    /// <example><code>[JointCategorical(2, 3)] public readonly partial struct Contingency;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class JointCategoricalAttribute : Attribute
    {
        /// <summary>Declares the joint law of an <paramref name="rows"/> × <paramref name="columns"/> table.</summary>
        /// <param name="rows">R, the number of values of the row variable X: at least 1.</param>
        /// <param name="columns">C, the number of values of the column variable Y: at least 1, with R·C at most
        /// <see cref="FamilyLimits.MaxCategoricalClasses"/>.</param>
        public JointCategoricalAttribute(int rows, int columns)
        {
            Rows = rows;
            Columns = columns;
        }

        /// <summary>R, the number of rows.</summary>
        public int Rows { get; }

        /// <summary>C, the number of columns.</summary>
        public int Columns { get; }

        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>
        /// Largest R·C for which the sums over the cells inherited from the categorical law are straight-line code; above
        /// it, SIMD loops. Defaults to <see cref="FamilyLimits.DefaultUnrollThreshold"/>; 0 … <see cref="FamilyLimits.MaxUnrollThreshold"/>.
        /// </summary>
        public int UnrollThreshold { get; set; } = FamilyLimits.DefaultUnrollThreshold;
    }
}
