using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Losses
{
    /// <summary>
    /// Binary cross-entropy with logits (<c>torch.nn.functional.binary_cross_entropy_with_logits</c>) over C labels per
    /// row, stated as a <see cref="RowKernel"/>: per element, with e = exp(−|x|),
    /// ℓ = w·(p·y·(max(−x, 0) + log1p(e)) + (1 − y)·(max(x, 0) + log1p(e))) (w the label weight, p the positive weight,
    /// both 1 unweighted): torch's definition, written as a sum of non-negative terms, where torch's own stable form
    /// max(x, 0) − x·y + log1p(e) cancels when ℓ ≪ |x|. Gradient: σ(x) − y, and w·((1 − y)·σ(x) − p·y·σ(−x)) with weights, where
    /// σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) below (never 1 − σ(−x), which would lose σ(x) where it is tiny).
    /// Nothing overflows for any finite logit. Reduction None writes each element's loss (<c>pe</c>).
    /// </summary>
    internal sealed class BinaryCrossEntropy : LossDescription
    {
        private static readonly DenseInput Targets = new(
            "targets",
            "The N × C targets, row-major, each in [0, 1] (soft labels allowed).",
            "A target is outside [0, 1] or NaN (the message names its index, row and label)",
            "ThrowIfBinaryTargetsInvalid",
            "targets in [0, 1]");

        // After the static fields its instance initialisers read (static fields initialise in textual order).
        public static readonly BinaryCrossEntropy Instance = new();

        private BinaryCrossEntropy()
        {
        }

        public override string Attribute => "BinaryCrossEntropy";

        public override IReadOnlyList<string> Options { get; } = new string[0];

        public override IReadOnlyList<string> GeneratedMembers { get; } = new[] { "Loss", "LossAndGradient", "Labels" };

        public override IReadOnlyList<LossVariant> Variants { get; } = new[]
        {
            new LossVariant(LossTargets.Dense, Weighted: false) { DenseInput = Targets },
            new LossVariant(LossTargets.Dense, Weighted: true) { DenseInput = Targets },
        };

        public override IReadOnlyList<WeightInput> Weights { get; } = new[]
        {
            new WeightInput(
                "labelWeights",
                "w",
                "wRef",
                "C label weights (torch's <c>weight</c>), each finite and ≥ 0, the same for every row; an empty span means all ones.",
                "neither 0 nor C",
                "a label weight is negative, NaN or infinite (the message names its index and value)",
                "ThrowIfLabelWeightsInvalid",
                EmptyMeansOnes: true),
            new WeightInput(
                "positiveWeights",
                "pw",
                "pwRef",
                "C positive weights (torch's <c>pos_weight</c>: the weight of the y = 1 term), each finite and ≥ 0; an empty span means all ones.",
                "neither 0 nor C",
                "a positive weight is negative, NaN or infinite (the message names its index and value)",
                "ThrowIfPositiveWeightsInvalid",
                EmptyMeansOnes: true),
        };

        public override string SizeConstant => "Labels";

        public override int MinClasses => 1;

        public override bool PerElement => true;

        public override bool MeanOverElements => true;

        public override string Input => "logits";

        public override string InputDoc => "The N × C logits, row-major (each finite).";

        public override string OneHot => string.Empty; // no class-index variant

        public override string UnrolledNote => "Each element's exp(−|x|) stays in a register from the loss to the gradient.";

        public override string LoopedNote => "One pass: each element's loss (and gradient, in place), summed for the row's loss.";

        public override string Size(LossSpec spec) => "C = " + N(spec.Classes) + " labels per row";

        public override string Specialisation(LossSpec spec) => string.Empty;

        public override IEnumerable<LossConstant> Constants(LossSpec spec) => new[]
        {
            new LossConstant("C, the labels per row: the length of each row of logits and targets, a compile-time constant of every kernel below.", "int", "Labels", N(spec.Classes)),
        };

        public override IEnumerable<Let> CallConstants(LossSpec spec, LossVariant variant)
        {
            yield return new Let("scaleT", Narrow(spec, E.Ref("scale")));
        }

        public override string Summary(LossSpec spec, LossVariant variant, bool gradient)
        {
            bool weighted = variant.Weighted;
            var summary = new StringBuilder();
            summary.Append(gradient ? "The binary cross-entropy with logits and its gradient with respect to the logits" : "The binary cross-entropy with logits");
            summary.Append(", with the semantics of <c>torch.nn.functional.binary_cross_entropy_with_logits</c>" + (weighted ? " with label weights and positive weights." : "."));
            summary.Append(weighted
                ? "\nℓᵢₖ = −wₖ·(pₖ·yᵢₖ·log σ(xᵢₖ) + (1 − yᵢₖ)·log(1 − σ(xᵢₖ))), w the label weights and p the positive weights (empty: all ones).\n"
                : "\nℓᵢₖ = −(yᵢₖ·log σ(xᵢₖ) + (1 − yᵢₖ)·log(1 − σ(xᵢₖ))), σ the logistic function.\n");
            summary.Append(spec.Reduction switch
            {
                ReductionKind.Mean => "Returns the mean over the N·C elements, as torch; N = 0 returns 0.",
                ReductionKind.Sum => "Returns the sum over the elements.",
                _ => "Writes ℓᵢₖ to <paramref name=\"perElement\"/> (reduction None) and returns their sum.",
            });
            if (gradient)
            {
                summary.Append("\nWrites the gradient of the returned " + (spec.Reduction == ReductionKind.Mean ? "mean" : "sum") + ": gradientᵢₖ = s·"
                    + (weighted ? "wₖ·((1 − yᵢₖ)·σ(xᵢₖ) − pₖ·yᵢₖ·σ(−xᵢₖ))" : "(σ(xᵢₖ) − yᵢₖ)") + ", s = " + (spec.Reduction == ReductionKind.Mean ? "1/(N·C)" : "1") + ".");
            }

            string t = spec.Precision == PrecisionKind.Single ? "float" : "double";
            summary.Append("\nRows are row-major N × C, N = targets.Length / C, computed in the stable form (nothing overflows for finite logits) in " + t
                + (spec.Precision == PrecisionKind.Single ? " (per-row sums in float, each row's loss and the total in double)" : string.Empty) + ".");
            return summary.ToString();
        }

        public override RowKernel Row(LossSpec spec, LossVariant variant)
        {
            var x = E.Ref("x");
            var y = E.Ref("t");
            var e = E.Ref("e");
            var r = E.Ref("r");
            var inputs = new List<KernelInput> { new("x", "row"), new("t", "tRow") };
            if (variant.Weighted)
            {
                inputs.AddRange(Weights.Select(weight => RowInput(variant, weight)));
            }

            inputs.Add(new KernelInput("g", "gRow", IsOutput: true));
            bool perElement = spec.Reduction == ReductionKind.None;
            if (perElement)
            {
                inputs.Add(new KernelInput("pe", "peRow", IsOutput: true));
            }

            Expr zero = 0.0, one = 1.0;
            // −log σ(x) = max(−x, 0) + log1p(e) and −log σ(−x) = max(x, 0) + log1p(e), e = exp(−|x|): both ≥ 0, so the
            // element y·(−log σ(x)) + (1 − y)·(−log σ(−x)) is a sum of non-negative terms, accurate to a few ulps relative
            // even where it is small beside |x| (torch's max(x, 0) − x·y + log1p(e) cancels there).
            Expr softplus = E.Ref("sp"); // log1p(e), once per element (a per-class value of its own)
            Expr minusLogSigmoid = KernelOps.Max(-x, zero) + softplus;
            Expr minusLogSigmoidOfMinus = KernelOps.Max(x, zero) + softplus;
            Expr element = Weighted(
                variant,
                E.Ref("w") * (E.Ref("pw") * y * minusLogSigmoid + (one - y) * minusLogSigmoidOfMinus),
                y * minusLogSigmoid + (one - y) * minusLogSigmoidOfMinus);
            Expr nonNegative = E.AtLeast(x, zero);
            Expr sigmoid = E.Select(nonNegative, r, e * r);        // σ(x)
            Expr sigmoidOfMinus = E.Select(nonNegative, e * r, r); // σ(−x)
            Expr gradient = Weighted(
                variant,
                E.Ref("scaleT") * E.Ref("w") * ((one - y) * sigmoid - E.Ref("pw") * y * sigmoidOfMinus),
                E.Ref("scaleT") * (sigmoid - y));

            var body = new List<Statement>
            {
                new PerClass("e", KernelOps.Exp(-KernelOps.Max(x, -x))),
                new PerClass("sp", E.Log1p(e)),
                new PerClass("le", element),
            };
            if (perElement)
            {
                body.Add(new Store("pe", E.Ref("le")));
            }

            // r = 1/(1 + e) and the gradient, together under the option (one block: r is local to it).
            body.Add(new PerClass("r", one / (one + e)) { When = Gradient });
            body.Add(new Store("g", gradient) { When = Gradient });
            body.Add(new Reduce("l", ReduceOp.Sum, E.Ref("le"), Double: true, Comment: "the row's loss, Σₖ ℓₖ"));
            return new RowKernel(inputs, body, new List<string>());
        }

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
