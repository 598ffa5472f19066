using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>static partial class</c> a softmax cross-entropy loss over K classes, K fixed at compile
    /// time, with the semantics of PyTorch's <c>torch.nn.functional.cross_entropy</c>. The generator writes
    /// <c>Loss</c> and <c>LossAndGradient</c> (forward and backward fused in one pass over each row of logits), for
    /// class-index targets and for probability targets, each with and without class weights.
    /// </summary>
    /// <example><code>
    /// [SoftmaxCrossEntropy(10, LabelSmoothing = 0.1, Precision = Precision.Single)]
    /// public static partial class DigitLoss;
    /// </code></example>
    [AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class SoftmaxCrossEntropyAttribute : Attribute
    {
        /// <summary>Declares a softmax cross-entropy loss over <paramref name="classes"/> classes.</summary>
        /// <param name="classes">K, the number of classes: <see cref="LossLimits.MinClasses"/> … <see cref="LossLimits.MaxClasses"/>.</param>
        public SoftmaxCrossEntropyAttribute(int classes) => Classes = classes;

        /// <summary>K, the number of classes (the length of each row of logits).</summary>
        public int Classes { get; }

        /// <summary>
        /// ε in [0, 1]: the target distribution is mixed with the uniform one, (1 − ε)·target + ε/K, as PyTorch's
        /// <c>label_smoothing</c>. 0 (the default) turns smoothing off, and the generated code has no smoothing term.
        /// </summary>
        public double LabelSmoothing { get; set; }

        /// <summary>
        /// A class-index target equal to this value is ignored: its loss and gradient row are 0, and it counts in neither
        /// the numerator nor the denominator of the mean. −100 by default, as in PyTorch. It may be any int, also a
        /// class in [0, K). It does not apply to probability targets.
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
