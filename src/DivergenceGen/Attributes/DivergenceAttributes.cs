using System;

namespace DivergenceGen
{
    /// <summary>
    /// Asks the generator to implement the marked <c>static partial</c> method as the Kullback–Leibler divergence
    /// D(P‖Q) between two declared distribution types: <c>static partial double KL(in P p, in Q q)</c>.
    /// The generator picks, in order: a closed form known for the pair; +∞ where P puts mass where Q has none;
    /// exact summation over P's finite support; otherwise a compile-time diagnostic, unless <see cref="Tolerance"/>
    /// opts in to a truncated series. The generated code says in a comment which method it uses.
    /// </summary>
    /// <example><code>[KLDivergence] public static partial double KL(in TenFlips p, in Arrivals q);</code></example>
    [AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
    public sealed class KLDivergenceAttribute : Attribute
    {
        /// <summary>
        /// 0 (the default): only exact methods. A positive value opts in to a truncated series over P's infinite
        /// support: the sum stops once the remaining mass of P is below this tolerance.
        /// </summary>
        public double Tolerance { get; set; }
    }

    /// <summary>
    /// Asks the generator to implement the marked <c>static partial</c> method as the cross-entropy
    /// H(P, Q) = −E_P[log q(X)] = H(P) + D(P‖Q) between two declared distribution types, choosing its method as
    /// <see cref="KLDivergenceAttribute"/> does.
    /// </summary>
    /// <example><code>[CrossEntropy] public static partial double H(in TenFlips p, in Arrivals q);</code></example>
    [AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
    public sealed class CrossEntropyAttribute : Attribute
    {
        /// <summary>As <see cref="KLDivergenceAttribute.Tolerance"/>.</summary>
        public double Tolerance { get; set; }
    }
}
