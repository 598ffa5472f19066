// This file is compiled into the runtime library and, linked, into the generator: the limits that the
// generator checks at compile time and the ones the runtime documents are the same constants.
namespace DivergenceGen
{
    /// <summary>Limits and defaults of the loss declarations (<c>[SoftmaxCrossEntropy]</c>, <c>[NllLoss]</c>, <c>[KLDivergenceLoss]</c>), shared by the generator and the runtime.</summary>
    public static class LossLimits
    {
        /// <summary>The smallest K: with one class the loss is identically 0 and its gradient 0.</summary>
        public const int MinClasses = 2;

        /// <summary>The largest K (2²⁴ = 16,777,216), the same bound as <see cref="FamilyLimits.MaxCategoricalClasses"/>.</summary>
        public const int MaxClasses = 1 << 24;

        /// <summary>The default temperature T of <c>[KLDivergenceLoss]</c>.</summary>
        public const double DefaultTemperature = 2.0;
    }
}
