using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Bernoulli(p): outcome 1 with probability p, 0 with probability 1 − p.</summary>
    internal static class Bernoulli
    {
        public static readonly ScalarParameterFamily Description = new(
            name: "Bernoulli",
            summary: "A Bernoulli distribution: outcome 1 with probability p, outcome 0 with probability 1 − p.",
            interfaceName: "global::DivergenceGen.IBernoulliDistribution",
            parameters: new[] { new ScalarParameter("p", "P", ParameterDomain.UnitInterval, "The success probability p = P(X = 1), 0 ≤ p ≤ 1.") },
            cached: new[]
            {
                // log1p keeps log(1 − p) exact for tiny p, where 1 − p rounds to 1.
                new CachedQuantity("logP", E.Log(E.Ref("p")), "log p"),
                new CachedQuantity("log1mP", E.Log1p(-E.Ref("p")), "log(1 − p), computed as log1p(−p)"),
            },
            outcomes: new[]
            {
                new Outcome(0, 1.0 - E.Ref("p"), E.Ref("log1mP")),
                new Outcome(1, E.Ref("p"), E.Ref("logP")),
            },
            moments: new[]
            {
                new Moment("Mean", E.Ref("p"), "E[X] = p"),
                new Moment("Variance", E.Ref("p") * (1.0 - E.Ref("p")), "Var[X] = p(1 − p)"),
            },
            fit: E.Ref("count1") / E.Ref("n"),
            fitFormula: "p̂ = (number of ones) / n",
            entropyFormula: "H(P) = −p·log p − (1 − p)·log(1 − p)",
            klFormula: "D(P‖Q) = p·log(p/q) + (1 − p)·log((1 − p)/(1 − q))",
            crossEntropyFormula: "H(P, Q) = −p·log q − (1 − p)·log(1 − q)",

            // Three logarithms instead of four: p·log(p/q) as one guarded, rounding-corrected log of the quotient, and
            // (1 − p)·(log1p(−p) − log1p(−q)), exact for tiny p and q. (log1p((q − p)/(1 − q)) would save one more, but
            // its argument rounds to −1 when 1 − p is below the rounding of q − p, e.g. p = 1 − 2⁻⁵³: −∞, then NaN.)
            closedFormKLDivergence:
                E.XTimesLog(E.Ref("p"), E.LogRatio(E.Ref("p"), E.Ref("q.p")))
                + E.XTimesLog(1.0 - E.Ref("p"), E.Log1p(-E.Ref("p")) - E.Log1p(-E.Ref("q.p"))));

        /// <summary>Names the generator writes into a Bernoulli type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "P", "Mean", "Variance", "TryCreate", "LogPmf", "Pmf", "LogLikelihood", "Entropy", "KLDivergence",
            "CrossEntropy", "Fit", "Sample", "_p", "_logP", "_log1mP",
            "IsDefault", "ThrowIfDefault",
        };
    }
}
