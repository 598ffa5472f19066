using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Losses
{
    /// <summary>
    /// The negative log-likelihood loss (<c>torch.nn.functional.nll_loss</c>) on rows of log-probabilities, stated as a
    /// <see cref="RowKernel"/>: ℓ = −w_y·x_y, read at the row's target; the gradient row is 0 but at y, where the
    /// emitter's one-hot update takes off scale·w_y. Nothing is summed over the classes; the gradient's zeros (the
    /// row's only per-class statement) become one clear of the whole gradient before the rows (the emitter does that
    /// for any row whose gradient is only zeros), and the loss is the same with or without SIMD. Names as in
    /// <see cref="LossDescription"/>: <c>xy</c> = x_y and <c>wy</c> = w_y are the caller's row scalars.
    /// </summary>
    internal sealed class NllLoss : LossDescription
    {
        public static readonly NllLoss Instance = new();

        private NllLoss()
        {
        }

        public override string Attribute => "NllLoss";

        public override IReadOnlyList<string> Options { get; } = new[] { "IgnoreIndex" };

        public override IReadOnlyList<string> GeneratedMembers { get; } = new[] { "Loss", "LossAndGradient", "Classes", "IgnoreIndex" };

        public override IReadOnlyList<LossVariant> Variants { get; } = new[]
        {
            new LossVariant(LossTargets.ClassIndex, Weighted: false),
            new LossVariant(LossTargets.ClassIndex, Weighted: true),
        };

        public override string Input => "logProbabilities";

        public override string InputDoc => "The N × K log-probabilities, row-major (a log-softmax's output; not checked, as in torch).";

        public override string OneHot => "−scale";

        public override bool RowsAcrossLanes => false;

        public override string UnrolledNote => "No per-class work: the gradient's zeros are one clear before the rows.";

        public override string LoopedNote => "No per-class work: the gradient's zeros are one clear before the rows; the loss is read at the target.";

        public override string Specialisation(LossSpec spec) => "ignore index " + N(spec.IgnoreIndex);

        public override IEnumerable<LossConstant> Constants(LossSpec spec) => new[]
        {
            new LossConstant("K, the number of classes: the length of each row of log-probabilities, a compile-time constant of every kernel below.", "int", "Classes", N(spec.Classes)),
            new LossConstant("A target equal to this value is ignored: loss 0, gradient row 0, and it counts in neither part of the mean.", "int", "IgnoreIndex", N(spec.IgnoreIndex)),
        };

        public override IEnumerable<Let> CallConstants(LossSpec spec, LossVariant variant)
        {
            string weighted = variant.WeightsOption ? " (times w[y] where weighted)" : variant.Weighted ? " (times w[y])" : string.Empty;
            yield return new Let("hit", E.Ref("scale"), Double: true, Comment: "scale, taken off the target's gradient" + weighted);
            if (!variant.Weighted || variant.WeightsOption)
            {
                yield return new Let("hitT", Narrow(spec, E.Ref("hit")));
            }
        }

        public override string Summary(LossSpec spec, LossVariant variant, bool gradient)
        {
            bool weighted = variant.Weighted;
            bool mean = spec.Reduction == ReductionKind.Mean;
            var summary = new StringBuilder();
            summary.Append(gradient ? "The negative log-likelihood loss and its gradient with respect to the log-probabilities" : "The negative log-likelihood loss");
            summary.Append(", with the semantics of <c>torch.nn.functional.nll_loss</c>" + (weighted ? " with class weights." : "."));
            summary.Append("\nℓᵢ = −" + (weighted ? "w[yᵢ]·" : string.Empty) + "xᵢ,yᵢ (xᵢₖ = log pᵢₖ, the row's log-probabilities); ℓᵢ = 0 where yᵢ = "
                + N(spec.IgnoreIndex) + " (the ignore index).\n");
            summary.Append(spec.Reduction switch
            {
                ReductionKind.Mean => "Returns the mean Σᵢ ℓᵢ / D, D = Σ over the non-ignored rows of " + (weighted ? "w[yᵢ]" : "1") + ". When D = 0 (every target ignored"
                    + (weighted ? ", or their weights all 0" : string.Empty) + ") it returns 0 and a zero gradient, where torch returns NaN: a batch with nothing to learn from contributes nothing, and NaN would poison an accumulated loss.",
                ReductionKind.Sum => "Returns the sum Σᵢ ℓᵢ.",
                _ => "Writes ℓᵢ to <paramref name=\"perSample\"/> (reduction None) and returns their sum.",
            });
            if (gradient)
            {
                summary.Append("\nWrites the gradient of the returned " + (mean ? "mean" : "sum") + ": gradientᵢₖ = −s·" + (weighted ? "w[yᵢ]·" : string.Empty)
                    + "[k = yᵢ], s = " + (mean ? "1/D" : "1") + "; ignored rows get a zero row.");
            }

            summary.Append("\nLog-probabilities are row-major N × K, N = targets.Length; only each row's target entry is read for the loss, in double."
                + " They are not checked (as in torch): −∞ at a target gives an infinite loss, a NaN a NaN.");
            return summary.ToString();
        }

        public override RowKernel Row(LossSpec spec, LossVariant variant)
        {
            var inputs = new List<KernelInput> { new("x", "row") };
            if (variant.Weighted)
            {
                inputs.Add(RowInput(variant, Weights[0]));
            }

            inputs.Add(new KernelInput("g", "gRow", IsOutput: true));
            var rowScalars = new List<string> { "xy" };
            if (variant.Weighted)
            {
                rowScalars.Add("wy");
            }

            Expr loss = Weighted(variant, -(E.Ref("wy") * E.Ref("xy")), -E.Ref("xy"));

            var body = new List<Statement>
            {
                new Store("g", 0.0) { When = Gradient },
                new Let("l", loss, Double: true, Comment: "the row's loss, −" + (variant.WeightsOption ? "(w_y·)" : variant.Weighted ? "w_y·" : string.Empty) + "x_y"),
            };
            return new RowKernel(inputs, body, rowScalars);
        }

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
