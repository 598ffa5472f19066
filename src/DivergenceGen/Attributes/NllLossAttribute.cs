using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>static partial class</c> a negative log-likelihood loss over K classes, K fixed at compile
    /// time, with the semantics of PyTorch's <c>torch.nn.functional.nll_loss</c>: the input is a row of K
    /// log-probabilities per sample (a log-softmax's output), the target a class index, the loss −w_y·log p_y. The
    /// generator writes <c>Loss</c> and <c>LossAndGradient</c>, each with and without class weights.
    /// </summary>
    /// <example><code>
    /// [NllLoss(10, Precision = Precision.Single)]
    /// public static partial class DigitNll;
    /// </code></example>
    [AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class NllLossAttribute : Attribute
    {
        /// <summary>Declares a negative log-likelihood loss over <paramref name="classes"/> classes.</summary>
        /// <param name="classes">K, the number of classes: <see cref="LossLimits.MinClasses"/> … <see cref="LossLimits.MaxClasses"/>.</param>
        public NllLossAttribute(int classes) => Classes = classes;

        /// <summary>K, the number of classes (the length of each row of log-probabilities).</summary>
        public int Classes { get; }

        /// <summary>
        /// A target equal to this value is ignored: its loss and gradient row are 0, and it counts in neither the
        /// numerator nor the denominator of the mean. −100 by default, as in PyTorch. It may be any int, also a class in
        /// [0, K).
        /// </summary>
        public int IgnoreIndex { get; set; } = -100;

        /// <summary>How the per-sample losses are combined; <see cref="DivergenceGen.Reduction.Mean"/> by default.</summary>
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
