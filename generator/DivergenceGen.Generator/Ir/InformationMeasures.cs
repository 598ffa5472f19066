using System.Collections.Generic;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>How a sum over the classes becomes its measure: negated (entropy, cross-entropy), or clamped at 0 (KL).</summary>
    internal enum SumFinish
    {
        Negate,
        ClampAtZero,
    }

    /// <summary>
    /// A sum over the K classes of a probability vector, written into the file's kernel class: its name, what it computes
    /// (for its comment), the spans it reads, its term over them, its finish, and whether it checks the raw vectors' elements
    /// in the same pass (the raw forms; the cached forms read stored, valid values).
    /// </summary>
    internal sealed record VectorSum(string Kernel, string Purpose, IReadOnlyList<string> Inputs, Expr Term, SumFinish Finish, bool ChecksInputs);

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

        private static readonly Expr P = E.Ref("p");
        private static readonly Expr Q = E.Ref("q");
        private static readonly Expr LogP = E.Ref("logP");
        private static readonly Expr LogQ = E.Ref("logQ");

        /// <summary>
        /// The six sums of a probability-vector family's entropy, KL and cross-entropy: from the cached log-probabilities
        /// (the instance members) and from raw vectors (the static forms, which check every element in the pass). The raw KL
        /// takes one logarithm per element, log(p/q) instead of log p − log q (VectorMath.LogRatio guards the quotient).
        /// </summary>
        public static readonly IReadOnlyList<VectorSum> VectorSums = new[]
        {
            new VectorSum("EntropyOfCached", "H = −Σ p·log p from cached log-probabilities.", new[] { "p", "logP" }, EntropyTerm(P, LogP), SumFinish.Negate, false),
            new VectorSum("KLDivergenceOfCached", "D = max(0, Σ p·(log p − log q)) from cached log-probabilities.", new[] { "p", "logP", "logQ" }, KLDivergenceTerm(P, LogP, LogQ), SumFinish.ClampAtZero, false),
            new VectorSum("CrossEntropyOfCached", "H(P, Q) = −Σ p·log q from Q's cached log-probabilities.", new[] { "p", "logQ" }, CrossEntropyTerm(P, LogQ), SumFinish.Negate, false),
            new VectorSum("EntropyOfRaw", "H = −Σ p·log p of a raw vector.", new[] { "p" }, EntropyTerm(P, E.Log(P)), SumFinish.Negate, true),
            new VectorSum("KLDivergenceOfRaw", "D = max(0, Σ p·log(p/q)) of raw vectors, one logarithm per element.", new[] { "p", "q" }, KLDivergenceTermOfLogRatio(P, E.LogRatio(P, Q)), SumFinish.ClampAtZero, true),
            new VectorSum("CrossEntropyOfRaw", "H(P, Q) = −Σ p·log q of raw vectors.", new[] { "p", "q" }, CrossEntropyTerm(P, E.Log(Q)), SumFinish.Negate, true),
        };
    }
}
