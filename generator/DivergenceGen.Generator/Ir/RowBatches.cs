using System.Collections.Generic;
using System.Linq;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// A measure over the N rows of row-major N × K matrices, one value per row: its member, the sentence of its docs,
    /// the single-row kernel it runs per row, whether it has a Q, and the toolkit measure whose finish its kernel's double
    /// sum needs (null where the kernel returns the value itself).
    /// </summary>
    /// <param name="Term">The row's term over <c>p</c> and <c>q</c> (the single-row kernel's), for the blocks of rows across the lanes.</param>
    /// <param name="Lets">Per-class values the term reads (a Q-only one, log q, is loaded once when Q is one row).</param>
    /// <param name="Result">The value from the row's double <c>sum</c> (the single-row kernel's, or the measure's finish).</param>
    /// <param name="Blocks">Whether blocks of rows across the lanes pay for this measure (see <c>VectorParameterFamilyEmitter.RowsAcrossLanes</c>).</param>
    internal sealed record RowBatch(string Member, string Value, string RowKernel, bool HasQ, Expr Term, IReadOnlyList<PerClass> Lets, Expr Result, bool Blocks, FiniteMeasure? Finish = null);

    /// <summary>
    /// The row batches of a probability-vector family (issue 17): entropy, KL, cross-entropy, Jensen–Shannon and PSI over the
    /// N rows of row-major N × K matrices, each a description — the row's term and lets, its finish, the single-row kernel
    /// it runs per row — from which <c>VectorParameterFamilyEmitter</c> writes the members and the blocks of rows across
    /// the lanes without naming a measure.
    /// </summary>
    internal static class RowBatches
    {
        private static readonly Expr RowP = E.Ref("p");
        private static readonly Expr RowQ = E.Ref("q");
        private static readonly Expr RowSum = E.Ref("sum");

        /// <summary>Every row batch, in the order the members are written.</summary>
        public static readonly IReadOnlyList<RowBatch> All = new RowBatch[]
        {
            new("EntropyRows", "H(Pᵢ) = −Σₖ pᵢₖ·log pᵢₖ", "EntropyOfRaw", HasQ: false,
                InformationMeasures.EntropyTerm(RowP, E.Log(RowP)), new PerClass[0], 0.0 - RowSum, Blocks: true),
            new("KLDivergenceRows", "D(Pᵢ‖Qᵢ) = Σₖ pᵢₖ·log(pᵢₖ/qᵢₖ)", "KLDivergenceOfRaw", HasQ: true,
                InformationMeasures.KLDivergenceTermOfLogRatio(RowP, E.LogRatio(RowP, RowQ)), new PerClass[0], E.Max(RowSum, 0.0), Blocks: true),
            new("CrossEntropyRows", "H(Pᵢ, Qᵢ) = −Σₖ pᵢₖ·log qᵢₖ", "CrossEntropyOfRaw", HasQ: true,
                InformationMeasures.CrossEntropyTerm(RowP, E.Ref("logQ")), new[] { new PerClass("logQ", E.Log(RowQ)) }, 0.0 - RowSum, Blocks: true),
            new("JensenShannonDivergenceRows", "JS(Pᵢ, Qᵢ) (see JensenShannonDivergence)", FiniteMeasures.JensenShannon.Kernel, HasQ: true,
                FiniteMeasures.JensenShannon.Term!, FiniteMeasures.PerClassLets(FiniteMeasures.JensenShannon), FiniteMeasures.JensenShannon.Finish, Blocks: false, FiniteMeasures.JensenShannon),
            new("PopulationStabilityIndexRows", "PSI(Pᵢ, Qᵢ) with ε for empty bins (see PopulationStabilityIndex)", FiniteMeasures.PopulationStability.Kernel, HasQ: true,
                FiniteMeasures.PopulationStability.Term!, FiniteMeasures.PerClassLets(FiniteMeasures.PopulationStability), FiniteMeasures.PopulationStability.Finish, Blocks: false,
                FiniteMeasures.PopulationStability),
        };

        /// <summary>The member names (a user member with one of them is DG0005).</summary>
        public static IEnumerable<string> MemberNames => All.Select(b => b.Member);
    }
}
