using System.Collections.Generic;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Losses
{
    /// <summary>What a loss compares each row of its input with.</summary>
    internal enum LossTargets
    {
        /// <summary>One class index per row (<c>ReadOnlySpan&lt;int&gt; targets</c>), with the ignore index.</summary>
        ClassIndex,

        /// <summary>A row of K values per row (<see cref="LossVariant.DenseInput"/>), row-major like the input.</summary>
        Dense,
    }

    /// <summary>
    /// The second N × K input of a dense variant: its parameter name and documentation, what makes a value invalid (for
    /// the exception documentation), the <c>LossGuard</c> method that checks it (called as <c>Check(values, Classes)</c>
    /// before anything is written), and what the kernel's summary calls it.
    /// </summary>
    internal sealed record DenseInput(string Name, string Doc, string Invalid, string Check, string Description);

    /// <summary>
    /// One kind of public member of a loss: its targets and whether it takes class weights; two public members
    /// (<see cref="Member"/>, and the same name with <c>AndGradient</c>). Its kernel is generic in the gradient option;
    /// where a loss has the variant both with and without weights, the two share one kernel, generic also in the weights
    /// option (<see cref="WeightsOption"/>).
    /// </summary>
    internal sealed record LossVariant(LossTargets Targets, bool Weighted)
    {
        /// <summary>
        /// The kernel of a weighted and an unweighted variant together (<see cref="Weighted"/> is then true): the weight
        /// terms are <see cref="LossDescription.Weighted"/> choices on the option <see cref="LossDescription.Weighting"/>,
        /// the weight inputs are absent without it.
        /// </summary>
        public bool WeightsOption { get; init; }

        /// <summary>The public members' name: <c>Loss</c> (and <c>LossAndGradient</c>) unless the variant says otherwise.</summary>
        public string Member { get; init; } = "Loss";

        /// <summary>The dense variant's second input (null for class-index targets).</summary>
        public DenseInput? DenseInput { get; init; }

        public bool Dense => Targets == LossTargets.Dense;

        /// <summary>The kernel's name: <c>LossHard</c>, <c>LossSoft</c>, or <c>LossSoftWeighted</c> for a weighted variant with a kernel of its own.</summary>
        public string Kernel => Member + (Dense ? "Soft" : "Hard") + (Weighted && !WeightsOption ? "Weighted" : string.Empty);
    }

    /// <summary>
    /// A span of K weights a weighted variant takes, the same for every row: its parameter name, the kernel's name for
    /// it (<c>w</c>) and the reference the kernel reads it through, its documentation, what its length must be and what
    /// makes a value invalid (for the exception documentation), the <c>LossGuard</c> method that checks it (called as
    /// <c>Check(weights, K)</c>), and whether an empty span means all ones.
    /// </summary>
    internal sealed record WeightInput(string Name, string Kernel, string Reference, string Doc, string LengthDoc, string InvalidDoc, string Check, bool EmptyMeansOnes = false);

    /// <summary>A constant of the loss's static class: its documentation, type, name and value (C# literal).</summary>
    internal sealed record LossConstant(string Summary, string Type, string Name, string Value);

    /// <summary>
    /// A loss, described: everything <c>Emit/LossEmitter</c> needs to write a loss's file, and nothing it decides
    /// itself (the file frame, argument checks, the row loop, ignored rows, the reduction and the schedule are the
    /// emitter's, the same for every loss). A new loss is a new subclass and a row in <see cref="LossCatalogue"/>.
    /// <para>
    /// The row kernel (<see cref="Row"/>) reads the inputs <c>x</c> (the row of <see cref="Input"/>), <c>t</c> (the row
    /// of dense targets), the weight inputs (<c>w</c>, and more where <see cref="Weights"/> has them: BCE's <c>pw</c>)
    /// and writes <c>g</c> (the gradient row) and, where <see cref="PerElement"/>, <c>pe</c> (each element's loss, for
    /// reduction None); its loss is the double <c>l</c>. Class-index rows also read the row scalars <c>xy</c> = x_y and, weighted, <c>wy</c> = w_y; constants of
    /// the call are <c>scale</c> (1/D for a mean, else 1), <c>weightSum</c> = Σₖ wₖ (where <see cref="WeightSum"/> says why),
    /// and the description's own <see cref="CallConstants"/>. Statements of the gradient run under the option
    /// <see cref="Gradient"/>.
    /// </para>
    /// </summary>
    internal abstract class LossDescription
    {
        /// <summary>The kernels' generic option type parameter: on for <c>LossAndGradient</c>, off for <c>Loss</c>.</summary>
        public const string Gradient = "TGradient";

        /// <summary>
        /// The generic option type parameter of a kernel shared by a weighted and an unweighted variant: on where the
        /// public member takes weights (<see cref="LossVariant.WeightsOption"/>).
        /// </summary>
        public const string Weighting = "TWeights";

        /// <summary>The attribute's name without <c>Attribute</c>: <c>SoftmaxCrossEntropy</c>.</summary>
        public abstract string Attribute { get; }

        /// <summary>The named arguments the attribute has besides Reduction, Precision and UnrollThreshold.</summary>
        public abstract IReadOnlyList<string> Options { get; }

        /// <summary>The member names written into the user's type (a user member with one of them is DG0005).</summary>
        public abstract IReadOnlyList<string> GeneratedMembers { get; }

        /// <summary>The public members' variants, in the order they are written.</summary>
        public abstract IReadOnlyList<LossVariant> Variants { get; }

        /// <summary>The public constant holding K (the public members' code reads it): <c>Classes</c>.</summary>
        public virtual string SizeConstant => "Classes";

        /// <summary>The smallest K the attribute accepts (DG0031 below it).</summary>
        public virtual int MinClasses => LossLimits.MinClasses;

        /// <summary>
        /// Whether reduction None writes a loss per element (<c>perElement</c>, N × K, the row kernel's output <c>pe</c>)
        /// rather than per row (<c>perSample</c>, N).
        /// </summary>
        public virtual bool PerElement => false;

        /// <summary>Whether the mean of dense targets divides by the N·K elements rather than the N rows.</summary>
        public virtual bool MeanOverElements => false;

        /// <summary>The weights a weighted variant takes, in parameter order (the first is the class-index rows' w_y).</summary>
        public virtual IReadOnlyList<WeightInput> Weights { get; } = new[]
        {
            new WeightInput(
                "classWeights",
                "w",
                "wRef",
                "K weights wₖ, each finite and ≥ 0.",
                "not K",
                "a class weight is negative, NaN or infinite (the message names its index and value)",
                "ThrowIfClassWeightsInvalid"),
        };

        /// <summary>The N × K input's parameter name: <c>logits</c>.</summary>
        public abstract string Input { get; }

        /// <summary>The input's parameter documentation.</summary>
        public abstract string InputDoc { get; }

        /// <summary>K as the file header states it: <c>K = 10 classes</c>.</summary>
        public virtual string Size(LossSpec spec) => "K = " + spec.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " classes";

        /// <summary>The file header's words on the loss's own options (empty where it has none).</summary>
        public abstract string Specialisation(LossSpec spec);

        /// <summary>The public constants of the loss's class.</summary>
        public abstract IEnumerable<LossConstant> Constants(LossSpec spec);

        /// <summary>The summary of a public member.</summary>
        public abstract string Summary(LossSpec spec, LossVariant variant, bool gradient);

        /// <summary>The row, stated once for a variant.</summary>
        public abstract RowKernel Row(LossSpec spec, LossVariant variant);

        /// <summary>
        /// Constants of the call the row kernel reads, computed once before the rows (from <c>scale</c>, the attribute's
        /// arguments and <c>weightSum</c>); class-index variants with a gradient must define <c>hit</c> (double, what the
        /// one-hot update takes off g_y, times w_y where weighted) and, unweighted, <c>hitT</c> (hit in the element type).
        /// </summary>
        public abstract IEnumerable<Let> CallConstants(LossSpec spec, LossVariant variant);

        /// <summary>The one-hot update's coefficient as the generated comment writes it: <c>−scale·(1 − ε)</c>.</summary>
        public abstract string OneHot { get; }

        /// <summary>
        /// Where a weighted class-index variant reads <c>weightSum</c> = Σₖ wₖ: why (the generated comment); null where
        /// it does not.
        /// </summary>
        public virtual string? WeightSum(LossSpec spec) => null;

        /// <summary>The straight-line rows' comment: a sentence on what stays in registers.</summary>
        public abstract string UnrolledNote { get; }

        /// <summary>
        /// Whether class-index rows of K ≤ the unroll threshold are computed in blocks across the lanes (row r of a block
        /// in lane r): it pays where the row has per-class arithmetic to share (exp, log, sums), not where the row only
        /// reads its target and writes the gradient's zeros.
        /// </summary>
        public virtual bool RowsAcrossLanes => true;

        /// <summary>The passes of a looped row, for the kernel's comment.</summary>
        public abstract string LoopedNote { get; }

        /// <summary>
        /// A term with weights and without: <paramref name="weighted"/> for a weighted variant, <paramref name="unweighted"/>
        /// for an unweighted one, and for a kernel that serves both, the choice on the option <see cref="Weighting"/> (each
        /// form's arithmetic exactly as if written alone).
        /// </summary>
        protected static Expr Weighted(LossVariant variant, Expr weighted, Expr unweighted) =>
            variant.WeightsOption ? new OptionChoice(Weighting, weighted, unweighted) : variant.Weighted ? weighted : unweighted;

        /// <summary>A weight as an input of the row (the same for every row), absent without the weights option where the kernel has it.</summary>
        protected static KernelInput RowInput(LossVariant variant, WeightInput weight) =>
            new(weight.Kernel, weight.Reference, Invariant: true, Option: variant.WeightsOption ? Weighting : null);

        /// <summary>A double expression rounded to the element type of a float kernel.</summary>
        protected static Expr Narrow(LossSpec spec, Expr value) =>
            spec.Precision == PrecisionKind.Single ? KernelOps.To(PrecisionKind.Single, value) : value;
    }
}
