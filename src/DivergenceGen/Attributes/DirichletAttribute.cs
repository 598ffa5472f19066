using System;

namespace DivergenceGen
{
    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a Dirichlet distribution on the probability simplex of K
    /// classes, with concentrations α₁ … α_K &gt; 0: p(x) = Πᵢ xᵢ^(αᵢ − 1) / B(α). K is fixed at compile time. The
    /// divergences use log-gamma and digamma closed forms written so that they stay accurate for tiny and huge
    /// concentrations and for nearly equal laws (the runtime's <c>DirichletMath</c>).
    /// </summary>
    /// <example><code>[Dirichlet(10)] public readonly partial struct Evidence;</code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class DirichletAttribute : Attribute
    {
        /// <summary>Declares a Dirichlet distribution over <paramref name="classes"/> classes.</summary>
        /// <param name="classes">K, the number of classes: 1 to <see cref="FamilyLimits.MaxCategoricalClasses"/>.</param>
        public DirichletAttribute(int classes) => Classes = classes;

        /// <summary>K, the number of classes.</summary>
        public int Classes { get; }

        /// <summary>The floating-point type of the generated members; <see cref="DivergenceGen.Precision.Double"/> by default.</summary>
        public Precision Precision { get; set; } = Precision.Double;
    }
}
