using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// Dirichlet(K): a law on the probability simplex {x : xᵢ ≥ 0, Σxᵢ = 1} with concentrations αᵢ &gt; 0. Everything but
    /// the storage is the runtime's <c>DirichletMath</c> (log-gamma and digamma closed forms written to stay accurate for
    /// tiny and huge concentrations and nearly equal laws).
    /// </summary>
    internal static class Dirichlet
    {
        private static readonly Expr Alpha = E.Ref("concentration");

        public static readonly VectorFamily Description = new(
            name: "Dirichlet",
            summary: "A Dirichlet distribution on the simplex of K classes with concentrations αᵢ > 0: p(x) = Πᵢ xᵢ^(αᵢ − 1) / B(α).",
            interfaceName: "global::DivergenceGen.IDirichletDistribution",
            sizeConstant: "Classes",
            sizeSymbol: "K",
            stored: new[] { new VectorParameter("concentration", "Concentration", ParameterDomain.PositiveReal, "The K concentrations αᵢ.") },
            factories: new[]
            {
                new VectorFactory(
                    "FromConcentration",
                    "Creates the distribution with concentrations αᵢ, stored as given; ln B(α) is computed once, here.",
                    new[] { new VectorParameter("alpha", null, ParameterDomain.PositiveReal, "The K concentrations αᵢ, each finite and > 0.") },
                    new[] { ("concentration", E.Ref("alpha")) }),
            },
            cached: new (string, string, VectorBody)[]
            {
                ("logBeta", "ln B(α) = Σᵢ ln Γ(αᵢ) − ln Γ(α₀) with α₀ = Σᵢ αᵢ (for the log-density)", new RuntimeBody(E.Call("DirichletMath.LogBeta<T>", Alpha), "ln B(α)")),
            },
            densityFormula: "p(x) = Πᵢ xᵢ^(αᵢ − 1) / B(α) on the simplex",
            logPdf: new RuntimeBody(
                E.Call("DirichletMath.LogPdf<T>", Alpha, E.Ref("logBeta"), E.Ref("x")),
                "log p(x) = Σᵢ (αᵢ − 1)·log xᵢ − ln B(α); −∞ off the simplex (an xᵢ outside [0, 1], or |Σᵢ xᵢ − 1| above DirichletMath.SimplexTolerance);"
                + " at xᵢ = 0 the term is 0 for αᵢ = 1, −∞ for αᵢ > 1 and +∞ (the density's limit) for αᵢ < 1; NaN if any xᵢ is NaN"),
            entropy: new RuntimeBody(
                E.Call("DirichletMath.Entropy<T>", Alpha),
                "H(P) = ln B(α) + (α₀ − K)·ψ(α₀) − Σᵢ (αᵢ − 1)·ψ(αᵢ), regrouped with Stirling's series where the concentrations are large"),
            klDivergence: new RuntimeBody(
                E.Call("DirichletMath.KLDivergence<T>", Alpha, E.Ref("q.concentration")),
                "D(P‖Q) = Σᵢ B(αᵢ → βᵢ) − B(α₀ → β₀), B(a → c) = ln Γ(c) − ln Γ(a) − (c − a)·ψ(a) ≥ 0 the Bregman divergence of ln Γ"
                + " (= ln Γ(α₀) − Σᵢ ln Γ(αᵢ) − ln Γ(β₀) + Σᵢ ln Γ(βᵢ) + Σᵢ (αᵢ − βᵢ)(ψ(αᵢ) − ψ(α₀)), regrouped so that nearly equal laws keep full relative accuracy)"),
            crossEntropy: new RuntimeBody(
                E.Call("DirichletMath.CrossEntropy<T>", Alpha, E.Ref("q.concentration")),
                "H(P, Q) = −E_P[log q(X)] = ln B(β) − Σᵢ (βᵢ − 1)(ψ(αᵢ) − ψ(α₀))"),
            sample: new RuntimeBody(
                E.Call("DirichletMath.Sample<T>", E.Ref("random"), Alpha, E.Ref("destination")),
                "xᵢ = Gᵢ / Σⱼ Gⱼ with independent Gᵢ ~ Gamma(αᵢ, 1) (in log space where the αᵢ are small, so the draw is always on the simplex)"),
            vectorMembers: new[]
            {
                ("Mean", "The mean E[X]: E[Xᵢ] = αᵢ / α₀.", new RuntimeBody(E.Call("DirichletMath.Mean<T>", Alpha, E.Ref("destination")), "E[Xᵢ] = αᵢ / α₀")),
            },
            fit: new RuntimeBody(
                E.Call("DirichletMath.Fit<T>", E.Ref("observations"), E.Ref("size"), E.Ref("fitted")),
                "the maximum-likelihood concentrations by Minka's fixed-point iteration αᵢ ← ψ⁻¹(ψ(α₀) + mean log xᵢ) from a moment-matching start"),
            spanForms: new (string, string, System.Collections.Generic.IReadOnlyList<VectorParameter>, RuntimeBody)[]
            {
                (
                    "Entropy",
                    "The entropy of Dirichlet(alpha) in nats, on a raw vector of concentrations (checked).",
                    new[] { new VectorParameter("alpha", null, ParameterDomain.PositiveReal, "The K concentrations, each finite and > 0.") },
                    new RuntimeBody(E.Call("DirichletMath.Entropy<T>", E.Ref("alpha")), "as the instance member")),
                (
                    "KLDivergence",
                    "D(Dirichlet(alphaP) ‖ Dirichlet(alphaQ)) in nats, on raw vectors of concentrations (checked).",
                    new[]
                    {
                        new VectorParameter("alphaP", null, ParameterDomain.PositiveReal, "P's K concentrations, each finite and > 0."),
                        new VectorParameter("alphaQ", null, ParameterDomain.PositiveReal, "Q's K concentrations, each finite and > 0."),
                    },
                    new RuntimeBody(E.Call("DirichletMath.KLDivergence<T>", E.Ref("alphaP"), E.Ref("alphaQ")), "as the instance member")),
            },
            batchMembers: System.Array.Empty<BatchMember>());

        /// <summary>Names the generator writes into a Dirichlet type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "Classes", "Concentration", "FromConcentration", "TryFromConcentration", "LogPdf", "Mean", "Entropy", "KLDivergence", "CrossEntropy",
            "Sample", "Fit", "IsDefault", "ThrowIfDefault", "__Values", "_concentration", "_logBeta", "_constructed", "CreateConcentration",
        };
    }
}
