using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Losses
{
    /// <summary>
    /// The softmax cross-entropy row, stated once as a <see cref="RowKernel"/>; the eight overloads (class-index or
    /// probability targets × class weights or not × loss or loss and gradient) are this description with the smoothing
    /// terms present or folded away when the code is generated, the weight terms as choices on the kernel's option
    /// <see cref="LossDescription.Weighting"/> (<see cref="LossDescription.Weighted"/>), and the gradient's statements
    /// under its option <see cref="LossDescription.Gradient"/> (<c>if (typeof(TGradient) == typeof(Yes))</c>); the JIT keeps or drops both per call.
    /// <para>
    /// Each row: m = maxₖ xₖ; eₖ = exp(xₖ − m), s = Σ eₖ; ℓ = Σₖ aₖ·(log s + m − xₖ) = A·log s + Σₖ aₖ·(m − xₖ) with
    /// aₖ the smoothed, weighted target and A = Σ aₖ; gradient gₖ = scale·(eₖ·A/s − aₖ). Every term log s + (m − xₖ) is
    /// a sum of two non-negative numbers, so nothing cancels and extreme logits stay finite. For class-index targets,
    /// aₖ = (1 − ε)·w_y·[k = y] + (ε/K)·wₖ: the one-hot part is the row scalars x_y and w_y (the caller reads them), the
    /// uniform part a sum over the classes, and the gradient's −scale·(1 − ε)·w_y at k = y is one scalar update.
    /// </para>
    /// <para>
    /// Names: inputs <c>x</c> (the row's logits), <c>t</c> (its target probabilities), <c>w</c> (class weights, the same
    /// for every row), <c>g</c> (the gradient row). Constants of the call, set before the rows: <c>scale</c>,
    /// <c>scaleT</c> (scale in the element type), <c>keep</c> = 1 − ε and <c>uniform</c> = ε/K (probability targets),
    /// <c>smooth</c> = scale·ε/K, <c>weightSum</c> = Σ wₖ. Row scalars set by the caller for class-index targets:
    /// <c>xy</c> = x_y (read before the gradient row is written) and <c>wy</c> = w_y.
    /// </para>
    /// </summary>
    internal sealed class SoftmaxCrossEntropy : LossDescription
    {
        private static readonly DenseInput Probabilities = new(
            "targetProbabilities",
            "The N × K target probabilities, row-major, each finite and ≥ 0 (rows need not sum to 1, as in torch).",
            "A target probability is negative, NaN or infinite",
            "ThrowIfTargetProbabilitiesInvalid",
            "probability targets");

        // After the static fields its instance initialisers read (static fields initialise in textual order).
        public static readonly SoftmaxCrossEntropy Instance = new();

        private SoftmaxCrossEntropy()
        {
        }

        public override string Attribute => "SoftmaxCrossEntropy";

        public override IReadOnlyList<string> Options { get; } = new[] { "LabelSmoothing", "IgnoreIndex" };

        public override IReadOnlyList<string> GeneratedMembers { get; } = new[] { "Loss", "LossAndGradient", "Classes", "LabelSmoothing", "IgnoreIndex" };

        public override IReadOnlyList<LossVariant> Variants { get; } = new[]
        {
            new LossVariant(LossTargets.ClassIndex, Weighted: false),
            new LossVariant(LossTargets.ClassIndex, Weighted: true),
            new LossVariant(LossTargets.Dense, Weighted: false) { DenseInput = Probabilities },
            new LossVariant(LossTargets.Dense, Weighted: true) { DenseInput = Probabilities },
        };

        public override string Input => "logits";

        public override string InputDoc => "The N × K logits, row-major.";

        public override string OneHot => "−scale·(1 − ε)";

        public override string UnrolledNote => "Its exp values stay in registers from the sum to the gradient.";

        public override string LoopedNote => "Passes: max; exp and sum (exp stored in the gradient row); the gradient, in place; the row's loss.";

        public override string? WeightSum(LossSpec spec) => spec.LabelSmoothing > 0
            ? "W = Σₖ wₖ, for the smoothing term (ε/K)·Σₖ wₖ·(log s + m − xₖ) = (ε/K)·(W·log s + Σₖ wₖ·(m − xₖ))"
            : null;

        public override string Specialisation(LossSpec spec) =>
            "label smoothing ε = " + R(spec.LabelSmoothing) + (spec.LabelSmoothing > 0 ? string.Empty : " (no smoothing term emitted)")
            + ", ignore index " + N(spec.IgnoreIndex);

        public override IEnumerable<LossConstant> Constants(LossSpec spec) => new[]
        {
            new LossConstant("K, the number of classes: the length of each row of logits, a compile-time constant of every kernel below.", "int", "Classes", N(spec.Classes)),
            new LossConstant("ε, the label smoothing: targets are mixed with the uniform distribution, (1 − ε)·target + ε/K.", "double", "LabelSmoothing", Lowering.Literal(spec.LabelSmoothing, PrecisionKind.Double)),
            new LossConstant("A class-index target equal to this value is ignored: loss 0, gradient row 0, and it counts in neither part of the mean.", "int", "IgnoreIndex", N(spec.IgnoreIndex)),
        };

        public override IEnumerable<Let> CallConstants(LossSpec spec, LossVariant variant)
        {
            double eps = spec.LabelSmoothing;
            var scale = E.Ref("scale");
            if (!variant.Dense)
            {
                string weighted = variant.WeightsOption ? " (times w[y] where weighted)" : variant.Weighted ? " (times w[y])" : string.Empty;
                yield return new Let("hit", scale * (1 - eps), Double: true, Comment: "scale·(1 − ε), taken off the target's gradient" + weighted);
                if (!variant.Weighted || variant.WeightsOption)
                {
                    yield return new Let("hitT", Narrow(spec, E.Ref("hit")));
                }

                if (eps > 0)
                {
                    string times = variant.WeightsOption ? " (times wₖ where weighted)" : variant.Weighted ? " (times wₖ)" : string.Empty;
                    yield return new Let("smooth", Narrow(spec, scale * (eps / spec.Classes)), Comment: "scale·ε/K, taken off every class" + times);
                }

                yield break;
            }

            yield return new Let("scaleT", Narrow(spec, scale));
            if (eps > 0)
            {
                yield return new Let("keep", 1 - eps, Comment: "t′ = (1 − ε)·t + ε/K");
                yield return new Let("uniform", eps / spec.Classes);
            }
        }

        public override string Summary(LossSpec spec, LossVariant variant, bool gradient)
        {
            bool soft = variant.Dense, weighted = variant.Weighted;
            bool smoothing = spec.LabelSmoothing > 0;
            bool none = spec.Reduction == ReductionKind.None;
            bool mean = spec.Reduction == ReductionKind.Mean;
            string smoothingText = smoothing
                ? (soft ? "t′ = (1 − ε)·t + ε/K with ε = " : "ε = ") + R(spec.LabelSmoothing)
                : "ε = 0 (no smoothing)";

            var summary = new StringBuilder();
            summary.Append(gradient ? "The softmax cross-entropy loss and its gradient with respect to the logits, fused in one pass over each row"
                                    : "The softmax cross-entropy loss");
            summary.Append(", with the semantics of <c>torch.nn.functional.cross_entropy</c>");
            summary.Append(soft ? " with probability targets" : " with class-index targets");
            summary.Append(weighted ? " and class weights." : ".");
            summary.Append("\nWith log pᵢₖ = xᵢₖ − (m + log Σⱼ exp(xᵢⱼ − m)) (the log-softmax, m the row maximum):\n");
            if (soft)
            {
                summary.Append("ℓᵢ = −Σₖ " + (weighted ? "wₖ·" : string.Empty) + "t′ᵢₖ·log pᵢₖ, " + smoothingText + (smoothing ? "" : ", t′ = t") + ".");
            }
            else
            {
                string wy = weighted ? "w[yᵢ]·" : string.Empty;
                string wc = weighted ? "wₖ·" : string.Empty;
                summary.Append(smoothing
                    ? "ℓᵢ = (1 − ε)·" + wy + "(−log pᵢ,yᵢ) + (ε/K)·Σₖ " + wc + "(−log pᵢₖ), " + smoothingText + "; ℓᵢ = 0 where yᵢ = " + N(spec.IgnoreIndex) + " (the ignore index)."
                    : "ℓᵢ = " + wy + "(−log pᵢ,yᵢ); ℓᵢ = 0 where yᵢ = " + N(spec.IgnoreIndex) + " (the ignore index).");
            }

            summary.Append('\n');
            summary.Append(spec.Reduction switch
            {
                ReductionKind.Mean when soft => "Returns the mean Σᵢ ℓᵢ / N (N rows; probability targets divide by N, not by a weight sum, as torch does); N = 0 returns 0.",
                ReductionKind.Mean => "Returns the mean Σᵢ ℓᵢ / D, D = Σ over the non-ignored rows of " + (weighted ? "w[yᵢ]" : "1") + ". When D = 0 (every target ignored"
                    + (weighted ? ", or their weights all 0" : string.Empty) + ") it returns 0 and a zero gradient, where torch returns NaN: a batch with nothing to learn from contributes nothing, and NaN would poison an accumulated loss.",
                ReductionKind.Sum => "Returns the sum Σᵢ ℓᵢ.",
                _ => "Writes ℓᵢ to <paramref name=\"perSample\"/> (reduction None) and returns their sum.",
            });
            if (gradient)
            {
                summary.Append("\nWrites the gradient of the returned " + (none ? "sum" : mean ? "mean" : "sum") + ": gradientᵢₖ = s·(pᵢₖ·Aᵢ − aᵢₖ), where ℓᵢ = Σₖ aᵢₖ·(−log pᵢₖ), Aᵢ = Σₖ aᵢₖ and s = "
                    + (mean ? (soft ? "1/N" : "1/D") : "1") + (soft ? "." : "; ignored rows get a zero row."));
            }

            string t = spec.Precision == PrecisionKind.Single ? "float" : "double";
            summary.Append("\nLogits are row-major N × K" + (soft ? ", N = targetProbabilities.Length / K." : ", N = targets.Length.")
                + " Rows are computed in " + t + (spec.Precision == PrecisionKind.Single ? " (per-row sums in float, each row's loss and the total in double)" : string.Empty) + "; logits must be finite (−∞ is allowed for a class that is not a target).");
            return summary.ToString();
        }

        public override RowKernel Row(LossSpec spec, LossVariant variant)
        {
            bool soft = variant.Dense, weighted = variant.Weighted;
            double eps = spec.LabelSmoothing;
            int classes = spec.Classes;
            bool smoothing = eps > 0;
            var x = E.Ref("x");
            var m = E.Ref("m");
            var s = E.Ref("s");
            var inputs = new List<KernelInput> { new("x", "row") };
            if (soft)
            {
                inputs.Add(new KernelInput("t", "tRow"));
            }

            if (weighted)
            {
                inputs.Add(RowInput(variant, Weights[0]));
            }

            inputs.Add(new KernelInput("g", "gRow", IsOutput: true));
            var body = new List<Statement>
            {
                new Reduce("m", ReduceOp.Max, x),
                new PerClass("e", KernelOps.Exp(x - m), SpillTo: "g"),
                new Reduce("s", ReduceOp.Sum, E.Ref("e")),
            };
            var rowScalars = new List<string>();
            var logS = E.Ref("logS");
            Expr loss;
            if (soft)
            {
                Expr target = smoothing ? E.Ref("t") * E.Ref("keep") + E.Ref("uniform") : E.Ref("t");
                body.Add(new PerClass("a", Weighted(variant, target * E.Ref("w"), target)));
                body.Add(new Reduce("A", ReduceOp.Sum, E.Ref("a"), Double: true, Comment: "A = Σₖ aₖ"));
                body.Add(new Reduce("sumAD", ReduceOp.Sum, E.Ref("a") * (m - x), Double: true, Comment: "Σₖ aₖ·(m − xₖ)"));
                body.Add(new Let("coef", Narrow(spec, E.Ref("scale") * E.Ref("A") / s), Comment: "scale·A/s") { When = Gradient });
                body.Add(new Store("g", E.Ref("e") * E.Ref("coef") - E.Ref("a") * E.Ref("scaleT")) { When = Gradient });

                loss = E.Ref("A") * logS + E.Ref("sumAD");
            }
            else
            {
                rowScalars.Add("xy");
                Expr one = 1 - eps, uniform = eps / classes;
                if (smoothing)
                {
                    body.Add(new Reduce("sumD", ReduceOp.Sum, Weighted(variant, E.Ref("w") * (m - x), m - x), Comment: "Σₖ " + (variant.WeightsOption ? "(wₖ·)" : weighted ? "wₖ·" : string.Empty) + "(m − xₖ)"));
                }

                // A = (1 − ε)·w_y + (ε/K)·Σ wₖ; unweighted, A = 1.
                Expr coef = Weighted(
                    variant,
                    E.Ref("scale") * (smoothing ? one * E.Ref("wy") + uniform * E.Ref("weightSum") : E.Ref("wy")) / s,
                    E.Ref("scale") / s);
                body.Add(new Let("coef", Narrow(spec, coef), Comment: "scale·A/s") { When = Gradient });
                Expr value = E.Ref("e") * E.Ref("coef");
                if (smoothing)
                {
                    // −scale·(ε/K)·wₖ on every class; the −scale·(1 − ε)·w_y at k = y is the caller's scalar update.
                    body.Add(new PerClass("sw", Weighted(variant, E.Ref("w") * E.Ref("smooth"), E.Ref("smooth"))) { When = Gradient });
                    value = value - E.Ref("sw");
                }

                body.Add(new Store("g", value) { When = Gradient });

                body.Add(new Let("dy", m - E.Ref("xy"), Double: true, Comment: "m − x_y ≥ 0"));
                var dy = E.Ref("dy");
                if (weighted)
                {
                    rowScalars.Add("wy");
                }

                loss = Weighted(
                    variant,
                    smoothing ? one * E.Ref("wy") * (logS + dy) + uniform * (E.Ref("weightSum") * logS + E.Ref("sumD")) : E.Ref("wy") * (logS + dy),
                    smoothing ? logS + one * dy + uniform * E.Ref("sumD") : logS + dy);
            }

            body.Add(new Let("logS", E.LogOfSum(s), Double: true)); // s = Σ exp(x − m) ∈ [1, K] or NaN
            body.Add(new Let("l", loss, Double: true, Comment: "the row's loss, Σₖ aₖ·(log s + m − xₖ)"));
            return new RowKernel(inputs, body, rowScalars);
        }

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
