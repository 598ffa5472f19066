using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>static partial class</c> a binary (or multi-label) cross-entropy loss <b>with logits</b> over C
    /// labels per row, C fixed at compile time, with the semantics of PyTorch's
    /// <c>torch.nn.functional.binary_cross_entropy_with_logits</c>: C = 1 is plain binary classification, C &gt; 1 is C
    /// independent yes/no labels per sample. The generator writes <c>Loss</c> and <c>LossAndGradient</c>, each without
    /// weights and with label weights and positive weights (torch's <c>weight</c> and <c>pos_weight</c>).
    /// </summary>
    /// <example><code>
    /// [BinaryCrossEntropy(5, Precision = Precision.Single)]
    /// public static partial class TagLoss;
    /// </code></example>
    [AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class BinaryCrossEntropyAttribute : Attribute
    {
        /// <summary>Declares a binary cross-entropy loss over <paramref name="labels"/> labels per row.</summary>
        /// <param name="labels">C, the labels per row: 1 … <see cref="LossLimits.MaxClasses"/>.</param>
        public BinaryCrossEntropyAttribute(int labels) => Labels = labels;

        /// <summary>C, the labels per row (the length of each row of logits and of targets).</summary>
        public int Labels { get; }

        /// <summary>
        /// How the losses are combined; <see cref="DivergenceGen.Reduction.Mean"/> (the default) divides by the N·C
        /// elements, as torch does; <see cref="DivergenceGen.Reduction.None"/> writes one loss per element.
        /// </summary>
        public Reduction Reduction { get; set; } = Reduction.Mean;

        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;

        /// <summary>
        /// Largest C for which each row is emitted as straight-line code with constant offsets; above it, SIMD loops.
        /// Defaults to <see cref="FamilyLimits.DefaultUnrollThreshold"/>; 0 … <see cref="FamilyLimits.MaxUnrollThreshold"/>.
        /// </summary>
        public int UnrollThreshold { get; set; } = FamilyLimits.DefaultUnrollThreshold;
    }
}
