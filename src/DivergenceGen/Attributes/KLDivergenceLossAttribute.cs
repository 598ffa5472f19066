using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>static partial class</c> a knowledge-distillation loss over K classes, K fixed at compile
    /// time: T²·KL(softmax(teacher/T) ‖ softmax(student/T)) per row, as PyTorch's
    /// <c>kl_div(log_softmax(s/T), softmax(t/T), reduction='batchmean') * T*T</c>. The generator writes <c>Loss</c> and
    /// <c>LossAndGradient</c> (teacher logits) and <c>LossFromTeacherLogProbabilities</c> and its <c>…AndGradient</c>
    /// twin (the teacher's log-probabilities given directly); gradients are with respect to the student's logits.
    /// </summary>
    /// <example><code>
    /// [KLDivergenceLoss(10, Temperature = 4.0, Precision = Precision.Single)]
    /// public static partial class Distillation;
    /// </code></example>
    [AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class KLDivergenceLossAttribute : Attribute
    {
        /// <summary>Declares a distillation loss over <paramref name="classes"/> classes.</summary>
        /// <param name="classes">K, the number of classes: <see cref="LossLimits.MinClasses"/> … <see cref="LossLimits.MaxClasses"/>.</param>
        public KLDivergenceLossAttribute(int classes) => Classes = classes;

        /// <summary>K, the number of classes (the length of each row of logits).</summary>
        public int Classes { get; }

        /// <summary>
        /// T, the softmax temperature: both distributions are softmax(logits / T) and the loss is scaled by T², so the
        /// gradient's size does not shrink as T grows (Hinton et al.). A finite value &gt; 0; <see cref="LossLimits.DefaultTemperature"/> (2) by default.
        /// </summary>
        public double Temperature { get; set; } = LossLimits.DefaultTemperature;

        /// <summary>
        /// How the rows' losses are combined; <see cref="DivergenceGen.Reduction.Mean"/> (the default) is the mean over
        /// rows, torch's <c>'batchmean'</c> (never torch's <c>'mean'</c>, which also divides by K).
        /// </summary>
        public Reduction Reduction { get; set; } = Reduction.Mean;

        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>
        /// Largest K for which each row is emitted as straight-line code with constant offsets; above it, SIMD loops.
        /// Defaults to <see cref="FamilyLimits.DefaultUnrollThreshold"/>; 0 … <see cref="FamilyLimits.MaxUnrollThreshold"/>.
        /// </summary>
        public int UnrollThreshold { get; set; } = FamilyLimits.DefaultUnrollThreshold;
    }
}
