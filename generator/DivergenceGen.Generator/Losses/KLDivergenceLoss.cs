using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Losses
{
    /// <summary>
    /// Knowledge distillation: ℓ = T²·KL(P ‖ Q) per row, P = softmax(t/T) the teacher's distribution, Q = softmax(s/T)
    /// the student's (torch: <c>kl_div(log_softmax(s/T), softmax(t/T), reduction='batchmean') * T*T</c>), stated as a
    /// <see cref="RowKernel"/> per form of the teacher (logits, or log-probabilities given directly); the gradient with
    /// respect to the student's logits is scale·T·(Q − P).
    /// <para>
    /// With a = s/T, m = max a, eₖ = exp(aₖ − m), S = Σ eₖ (so log Qₖ = aₖ − m − log S), and for teacher logits
    /// b = t/T, mₜ = max b, fₖ = exp(bₖ − mₜ), Sₜ = Σ fₖ (Pₖ = fₖ/Sₜ): KL = Σₖ Pₖ·(log Pₖ − log Qₖ) =
    /// (Σₖ fₖ·(bₖ − aₖ))/Sₜ + (m − mₜ) + log(S/Sₜ), using Σ Pₖ = 1; two identical rows give 0 exactly. For teacher
    /// log-probabilities ℓpₖ: Pₖ = exp(ℓpₖ) and KL = Σₖ Pₖ·(ℓpₖ − aₖ) + (m + log S)·Σₖ Pₖ, with Pₖ = 0 contributing 0
    /// (ℓpₖ = −∞ allowed), and rows not assumed to sum to 1 (as torch).
    /// </para>
    /// <para>
    /// Names: <c>x</c> the student's row, <c>t</c> the teacher's; constants of the call <c>invT</c> = 1/T (element type),
    /// <c>tau2</c> = T², <c>tau</c> = T (double).
    /// </para>
    /// </summary>
    internal sealed class KLDivergenceLoss : LossDescription
    {
        private static readonly DenseInput TeacherLogits = new(
            "teacherLogits",
            "The N × K teacher logits, row-major, each finite.",
            "A teacher logit is NaN or infinite",
            "ThrowIfTeacherLogitsInvalid",
            "teacher logits");

        private static readonly DenseInput TeacherLogProbabilities = new(
            "teacherLogProbabilities",
            "The N × K teacher log-probabilities log P, row-major (the teacher's distribution at the temperature, e.g. log_softmax(t/T)), "
            + "each ≤ 0 (−∞ for a class the teacher rules out); rows are not checked to sum to 1.",
            "A teacher log-probability is positive or NaN",
            "ThrowIfTeacherLogProbabilitiesInvalid",
            "teacher log-probabilities");

        // After the static fields its instance initialisers read (static fields initialise in textual order).
        public static readonly KLDivergenceLoss Instance = new();

        private KLDivergenceLoss()
        {
        }

        public override string Attribute => "KLDivergenceLoss";

        public override IReadOnlyList<string> Options { get; } = new[] { "Temperature" };

        public override IReadOnlyList<string> GeneratedMembers { get; } = new[]
        {
            "Loss", "LossAndGradient", "LossFromTeacherLogProbabilities", "LossFromTeacherLogProbabilitiesAndGradient", "Classes", "Temperature",
        };

        public override IReadOnlyList<LossVariant> Variants { get; } = new[]
        {
            new LossVariant(LossTargets.Dense, Weighted: false) { DenseInput = TeacherLogits },
            new LossVariant(LossTargets.Dense, Weighted: false) { DenseInput = TeacherLogProbabilities, Member = "LossFromTeacherLogProbabilities" },
        };

        public override string Input => "studentLogits";

        public override string InputDoc => "The N × K student logits, row-major.";

        public override string OneHot => string.Empty; // no class-index variant

        public override string UnrolledNote => "The student's and the teacher's exp values stay in registers from the sums to the gradient.";

        public override string LoopedNote => "Passes: the maxima; the exps (the student's stored in the gradient row) and their sums; the gradient, in place; the row's loss.";

        public override string Specialisation(LossSpec spec) => "temperature T = " + R(spec.Temperature);

        public override IEnumerable<LossConstant> Constants(LossSpec spec) => new[]
        {
            new LossConstant("K, the number of classes: the length of each row of logits, a compile-time constant of every kernel below.", "int", "Classes", N(spec.Classes)),
            new LossConstant("T, the softmax temperature: both distributions are softmax(logits / T), and the loss is scaled by T².", "double", "Temperature", Lowering.Literal(spec.Temperature, PrecisionKind.Double)),
        };

        public override IEnumerable<Let> CallConstants(LossSpec spec, LossVariant variant)
        {
            yield return new Let("invT", 1 / spec.Temperature, Comment: "1/T");
            yield return new Let("tau", spec.Temperature, Double: true);
            yield return new Let("tau2", spec.Temperature * spec.Temperature, Double: true, Comment: "T²");
        }

        public override string Summary(LossSpec spec, LossVariant variant, bool gradient)
        {
            bool logProbabilities = variant.DenseInput == TeacherLogProbabilities;
            string p = logProbabilities ? "Pᵢ = exp(teacherLogProbabilitiesᵢ)" : "Pᵢ = softmax(tᵢ/T)";
            var summary = new StringBuilder();
            summary.Append(gradient ? "The distillation loss and its gradient with respect to the student's logits" : "The distillation loss");
            summary.Append(logProbabilities ? ", from the teacher's log-probabilities." : ", from the teacher's logits.");
            summary.Append("\nℓᵢ = T²·KL(Pᵢ ‖ Qᵢ) = T²·Σₖ Pᵢₖ·(log Pᵢₖ − log Qᵢₖ), Qᵢ = softmax(sᵢ/T) the student's distribution, " + p
                + ", T = " + R(spec.Temperature) + (logProbabilities ? " (the temperature applies to the student; the teacher's log-probabilities are used as given)." : ".")
                + " As torch's kl_div(log_softmax(s/T), " + (logProbabilities ? "teacherLogProbabilities, log_target=True" : "softmax(t/T)") + ") · T².\n");
            summary.Append(spec.Reduction switch
            {
                ReductionKind.Mean => "Returns the mean over rows Σᵢ ℓᵢ / N (torch's 'batchmean', not its 'mean', which also divides by K); N = 0 returns 0.",
                ReductionKind.Sum => "Returns the sum Σᵢ ℓᵢ.",
                _ => "Writes ℓᵢ to <paramref name=\"perSample\"/> (reduction None) and returns their sum.",
            });
            if (gradient)
            {
                summary.Append("\nWrites the gradient of the returned " + (spec.Reduction == ReductionKind.Mean ? "mean" : "sum") + " with respect to the student's logits: gradientᵢₖ = s·T·(Qᵢₖ − Pᵢₖ), s = "
                    + (spec.Reduction == ReductionKind.Mean ? "1/N" : "1") + ".");
            }

            string t = spec.Precision == PrecisionKind.Single ? "float" : "double";
            summary.Append("\nRows are row-major N × K, N = " + variant.DenseInput!.Name + ".Length / K, computed in " + t
                + (spec.Precision == PrecisionKind.Single ? " (per-row sums in float, each row's loss and the total in double)" : string.Empty)
                + "; student logits must be finite. The result is KL's rounding: identical distributions give 0, nearly identical ones a few ulps of the logits' size, possibly below 0 (as torch).");
            return summary.ToString();
        }

        public override RowKernel Row(LossSpec spec, LossVariant variant)
        {
            var x = E.Ref("x");
            var t = E.Ref("t");
            var m = E.Ref("m");
            var s = E.Ref("s");
            var a = E.Ref("a");
            var inputs = new List<KernelInput> { new("x", "row"), new("t", "tRow"), new("g", "gRow", IsOutput: true) };
            var body = new List<Statement>
            {
                new PerClass("a", x * E.Ref("invT")),
                new Reduce("m", ReduceOp.Max, a),
                new PerClass("e", KernelOps.Exp(a - m), SpillTo: "g"),
                new Reduce("s", ReduceOp.Sum, E.Ref("e")),
            };
            var scale = E.Ref("scale");
            Expr kl;
            if (variant.DenseInput == TeacherLogits)
            {
                var b = E.Ref("b");
                body.Add(new PerClass("b", t * E.Ref("invT")));
                body.Add(new Reduce("mt", ReduceOp.Max, b));
                body.Add(new PerClass("f", KernelOps.Exp(b - E.Ref("mt"))));
                body.Add(new Reduce("st", ReduceOp.Sum, E.Ref("f")));
                body.Add(new Reduce("dot", ReduceOp.Sum, E.Ref("f") * (b - a), Double: true, Comment: "Σₖ fₖ·(bₖ − aₖ)"));
                body.Add(new Let("ct", Narrow(spec, scale * E.Ref("tau") / E.Ref("st")), Comment: "scale·T/Sₜ") { When = Gradient });
                body.Add(new Let("cs", Narrow(spec, scale * E.Ref("tau") / s), Comment: "scale·T/S") { When = Gradient });
                body.Add(new Store("g", E.Ref("e") * E.Ref("cs") - E.Ref("f") * E.Ref("ct")) { When = Gradient });
                body.Add(new Let("logRatio", E.Log(s / E.Ref("st")), Double: true, Comment: "log(S/Sₜ)"));
                kl = E.Ref("dot") / E.Ref("st") + (m - E.Ref("mt")) + E.Ref("logRatio");
            }
            else
            {
                var p = E.Ref("p");
                body.Add(new PerClass("p", KernelOps.Exp(t)));
                body.Add(new Reduce("mass", ReduceOp.Sum, p, Double: true, Comment: "Σₖ Pₖ"));
                body.Add(new Reduce("dot", ReduceOp.Sum, E.Select(E.Below(0.0, p), p * (t - a), 0.0), Double: true, Comment: "Σₖ Pₖ·(ℓpₖ − aₖ), 0 where Pₖ = 0"));
                body.Add(new Let("cs", Narrow(spec, scale * E.Ref("tau") / s), Comment: "scale·T/S") { When = Gradient });
                body.Add(new Let("ct", Narrow(spec, scale * E.Ref("tau")), Comment: "scale·T") { When = Gradient });
                body.Add(new Store("g", E.Ref("e") * E.Ref("cs") - p * E.Ref("ct")) { When = Gradient });
                body.Add(new Let("logS", E.LogOfSum(s), Double: true)); // s = Σ exp(x − m) ∈ [1, K] or NaN
                kl = E.Ref("dot") + (m + E.Ref("logS")) * E.Ref("mass");
            }

            body.Add(new Let("l", E.Ref("tau2") * kl, Double: true, Comment: "the row's loss, T²·KL(P ‖ Q)"));
            return new RowKernel(inputs, body, new List<string>());
        }

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
