using System.Collections.Generic;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Losses
{
    /// <summary>
    /// The softmax cross-entropy row, stated once as a <see cref="RowKernel"/>; the eight overloads (class-index or
    /// probability targets × class weights or not × loss or loss and gradient) are this description with the weight and
    /// smoothing terms present or folded away when the code is generated, and the gradient's statements under the
    /// kernel's option <see cref="Gradient"/> (<c>if (TGradient.On)</c>), which the JIT keeps or drops per call.
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
    internal static class SoftmaxCrossEntropy
    {
        /// <summary>The kernels' generic option type parameter: on for <c>LossAndGradient</c>, off for <c>Loss</c>.</summary>
        public const string Gradient = "TGradient";

        public static RowKernel Row(LossSpec spec, bool soft, bool weighted)
        {
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
                inputs.Add(new KernelInput("w", "wRef", Invariant: true));
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
                body.Add(new PerClass("a", weighted ? target * E.Ref("w") : target));
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
                    body.Add(new Reduce("sumD", ReduceOp.Sum, weighted ? E.Ref("w") * (m - x) : m - x, Comment: "Σₖ " + (weighted ? "wₖ·" : string.Empty) + "(m − xₖ)"));
                }

                // A = (1 − ε)·w_y + (ε/K)·Σ wₖ; unweighted, A = 1.
                Expr coef = weighted
                    ? E.Ref("scale") * (smoothing ? one * E.Ref("wy") + uniform * E.Ref("weightSum") : E.Ref("wy")) / s
                    : E.Ref("scale") / s;
                body.Add(new Let("coef", Narrow(spec, coef), Comment: "scale·A/s") { When = Gradient });
                Expr value = E.Ref("e") * E.Ref("coef");
                if (smoothing)
                {
                    // −scale·(ε/K)·wₖ on every class; the −scale·(1 − ε)·w_y at k = y is the caller's scalar update.
                    body.Add(new PerClass("sw", weighted ? E.Ref("w") * E.Ref("smooth") : E.Ref("smooth")) { When = Gradient });
                    value = value - E.Ref("sw");
                }

                body.Add(new Store("g", value) { When = Gradient });

                body.Add(new Let("dy", m - E.Ref("xy"), Double: true, Comment: "m − x_y ≥ 0"));
                var dy = E.Ref("dy");
                if (weighted)
                {
                    rowScalars.Add("wy");
                    loss = smoothing
                        ? one * E.Ref("wy") * (logS + dy) + uniform * (E.Ref("weightSum") * logS + E.Ref("sumD"))
                        : E.Ref("wy") * (logS + dy);
                }
                else
                {
                    loss = smoothing ? logS + one * dy + uniform * E.Ref("sumD") : logS + dy;
                }
            }

            body.Add(new Let("logS", E.Log(s), Double: true));
            body.Add(new Let("l", loss, Double: true, Comment: "the row's loss, Σₖ aₖ·(log s + m − xₖ)"));
            return new RowKernel(inputs, body, rowScalars);
        }

        /// <summary>A double expression rounded to the element type of a float kernel.</summary>
        private static Expr Narrow(LossSpec spec, Expr value) =>
            spec.Precision == PrecisionKind.Single ? KernelOps.To(PrecisionKind.Single, value) : value;
    }
}
