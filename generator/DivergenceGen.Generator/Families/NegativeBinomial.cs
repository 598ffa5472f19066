using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>NegativeBinomial(r, p): the number of failures before the r-th success (r &gt; 0 real).</summary>
    internal static class NegativeBinomial
    {
        private static readonly Expr R = E.Ref("r");

        private static readonly Expr P = E.Ref("p");

        public static readonly CountFamily Description = new(
            name: "NegativeBinomial",
            summary: "A negative binomial distribution: the number of failures before the r-th success, success probability p (SciPy's nbinom(r, p); torch's NegativeBinomial with probs = 1 − p).",
            interfaceName: "global::DivergenceGen.INegativeBinomialDistribution",
            parameters: new[]
            {
                new ScalarParameter("r", "R", ParameterDomain.PositiveReal, "The number of successes r, finite and > 0 (real: r need not be an integer)."),
                new ScalarParameter("p", "P", ParameterDomain.PositiveUnitInterval, "The success probability p, 0 < p ≤ 1 (p = 1 is the point mass at 0)."),
            },
            cached: new CachedQuantity[0],
            support: CountSupport.NonNegativeIntegers,
            logPmf: _ => new CountFormula(
                E.Call("DiscreteMath.NegativeBinomialLogPmf", E.Ref("kInt"), R, P),
                "log(r/(r + k)) plus Loader's binomial form at r + k trials: log-gamma differences would cancel for large r or k."),
            entropy: _ => new CountFormula(
                E.Call("DiscreteMath.NegativeBinomialEntropy", R, P),
                "no closed form: the runtime's series around the mode (truncation below double precision)."),
            klDivergence: _ => E.Call("DiscreteMath.NegativeBinomialKLDivergence", R, P, E.Ref("q.r"), E.Ref("q.p")),
            moments: new[]
            {
                new Moment("Mean", R * (1.0 - P) / P, "E[X] = r·(1 − p)/p"),
                new Moment("Variance", R * (1.0 - P) / (P * P), "Var[X] = r·(1 − p)/p²"),
            },
            fit: R / (R + E.Ref("mean")),
            fitFormula: "p̂ = r/(r + mean outcome), with r given",
            fitGiven: new[] { "r" },
            sample: E.Call("DiscreteMath.SampleNegativeBinomial", E.Ref("random"), R, P),
            pmfFormula: "P(X = k) = Γ(k + r)/(Γ(r)·k!)·pʳ·(1 − p)ᵏ, k = 0, 1, 2, …",
            entropyFormula: "H(P) = −Σₖ P(k)·log P(k)",
            klFormula: "D(P‖Q) = r·log(p/q) + r·((1 − p)/p)·log((1 − p)/(1 − q)) when r_P = r_Q; otherwise a series over k whose remainder is below double precision");

        /// <summary>
        /// Support {0, 1, 2, …}; p = 1 is the point mass at 0; p(k + 1)/p(k) = (1 − p)·(k + r)/(k + 1), decreasing in k
        /// for r ≥ 1 and below 1 − p for r &lt; 1.
        /// </summary>
        public static readonly DivergenceFacts Divergence = new(
            SupportEnd.Infinite,
            PointMass: new PointMassAtZero(Description.Parameters[1], 1),
            Tail: new TailRatio(
                E.Select(
                    E.AtLeast(E.Ref("r"), 1.0),
                    (1.0 - E.Ref("success")) * ((E.Ref("k") + E.Ref("r")) / (E.Ref("k") + 1.0)),
                    1.0 - E.Ref("success")),
                "ρ = (1 − p)·(k + r)/(k + 1), decreasing in k when r ≥ 1; for r < 1 it stays below ρ = 1 − p, which is used instead",
                new[] { new SeriesLocal(Description.Parameters[1], "success"), new SeriesLocal(Description.Parameters[0], "r") },
                "a mean r·(1 − p)/p above about 10⁸"));

        /// <summary>Names the generator writes into a NegativeBinomial type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "R", "P", "Mean", "Variance", "TryCreate", "LogPmf", "Pmf", "LogLikelihood", "Entropy", "KLDivergence",
            "CrossEntropy", "Fit", "Sample", "LogPmfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_r", "_p",
            "IsDefault", "ThrowIfDefault",
        };
    }
}
