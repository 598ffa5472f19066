namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// The terms of entropy, KL divergence and cross-entropy over a finite support, written once in the IR.
    /// Every family with a finite support derives its measures from these: a family only says what the
    /// probability π and log-probability ℓ of each outcome are (ρ and m for the second distribution Q).
    /// </summary>
    internal static class InformationMeasures
    {
        /// <summary>H(P) = −Σ π·ℓ: this is the term π·ℓ (the sum is negated).</summary>
        public static Expr EntropyTerm(Expr pi, Expr logPi) => E.XTimesLog(pi, logPi);

        /// <summary>D(P‖Q) = Σ π·(ℓ − m): 0 where π = 0, +∞ where π &gt; 0 = ρ (m = −∞).</summary>
        public static Expr KLDivergenceTerm(Expr pi, Expr logPi, Expr logRho) => E.XTimesLog(pi, logPi - logRho);

        /// <summary>The KL term from a log-ratio log(π/ρ) computed with one logarithm (see <see cref="LogRatio"/>).</summary>
        public static Expr KLDivergenceTermOfLogRatio(Expr pi, Expr logRatio) => E.XTimesLog(pi, logRatio);

        /// <summary>H(P, Q) = −Σ π·m: this is the term π·m (the sum is negated).</summary>
        public static Expr CrossEntropyTerm(Expr pi, Expr logRho) => E.XTimesLog(pi, logRho);
    }
}
