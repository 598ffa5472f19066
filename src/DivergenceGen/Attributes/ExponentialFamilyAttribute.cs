using System;

namespace DivergenceGen
{
    /// <summary>The support of an <see cref="ExponentialFamilyAttribute"/> type: where its density or mass is positive.</summary>
    public enum Support
    {
        /// <summary>The real line: every finite x (<c>LogPdf(double x)</c>).</summary>
        Reals = 0,

        /// <summary>x &gt; 0 (<c>LogPdf(double x)</c>).</summary>
        PositiveReals = 1,

        /// <summary>0 &lt; x &lt; 1 (<c>LogPdf(double x)</c>).</summary>
        UnitInterval = 2,

        /// <summary>k = 0, 1, 2, … (<c>LogPmf(int k)</c>).</summary>
        NonNegativeIntegers = 3,

        /// <summary>k = 0 … K − 1, K = <see cref="ExponentialFamilyAttribute.Outcomes"/> (<c>LogPmf(int k)</c>).</summary>
        Outcomes = 4,
    }

    /// <summary>
    /// Makes the marked <c>partial</c> struct or sealed class a user-defined exponential family,
    /// p(x | η) = h(x)·exp(η·T(x) − A(η)), declared by four static methods of the type:
    /// <code>
    /// static (double, double) NaturalParameters(double θ₁, …)     // η from the user's parameters (a plain double for one)
    /// static (double, double) SufficientStatistics(double x)      // T(x); int k for an integer support
    /// static double LogPartition(double eta1, double eta2)        // A(η), in the translatable subset
    /// static double LogBaseMeasure(double x)                      // log h(x)
    /// </code>
    /// and optionally <c>static double ExpectedLogBaseMeasure(double eta1, double eta2)</c> = E[log h(X)], each body one
    /// expression in the translatable subset (docs/user-families.md; anything else is DG0044). The generator
    /// derives ∇A and ∇²A symbolically at compile time and writes the constructor from θ, <c>FromNaturalParameters</c>,
    /// <c>LogPdf</c>/<c>LogPmf</c>, the moments of T, the KL divergence as a Bregman divergence of A, the entropy and
    /// cross-entropy where E[log h(X)] is known, and maximum-likelihood <c>Fit</c> (docs/user-families.md).
    /// </summary>
    /// <example><code>
    /// [ExponentialFamily(Support = Support.PositiveReals)]
    /// public readonly partial struct InverseGaussian
    /// {
    ///     static (double, double) NaturalParameters(double mean, double shape) => (-shape / (2 * mean * mean), -shape / 2);
    ///     static (double, double) SufficientStatistics(double x) => (x, 1 / x);
    ///     static double LogPartition(double eta1, double eta2) => -2 * Math.Sqrt(eta1 * eta2) - 0.5 * Math.Log(-2 * eta2);
    ///     static double LogBaseMeasure(double x) => -0.5 * Math.Log(2 * Math.PI) - 1.5 * Math.Log(x);
    /// }
    /// </code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
    public sealed class ExponentialFamilyAttribute : Attribute
    {
        /// <summary>Where the law lives; <see cref="Support.Reals"/> by default.</summary>
        public Support Support { get; set; }

        /// <summary>K, the number of outcomes 0 … K − 1, with <see cref="Support.Outcomes"/> (1 … <see cref="FamilyLimits.MaxCategoricalClasses"/>); 0 otherwise.</summary>
        public int Outcomes { get; set; }
    }
}
