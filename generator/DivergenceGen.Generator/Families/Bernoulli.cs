using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

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
                // P(0) − Q(0) = q − p exactly (by Sterbenz where it matters); (1 − p) − (1 − q) would have rounded twice.
                new Outcome(0, 1.0 - E.Ref("p"), E.Ref("log1mP"), E.Ref("q.p") - E.Ref("p")),
                new Outcome(1, E.Ref("p"), E.Ref("logP"), E.Ref("p") - E.Ref("q.p")),
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

            // KL = bd0(p, q) + bd0(1 − p, 1 − q), bd0(x, m) = x·log(x/m) + m − x ≥ 0 (Loader's deviance; the m − x parts
            // sum to 0): two non-negative terms, so no cancellation between them. Where p ≈ q each bd0 is Loader's series in
            // (x − m)/(x + m), with no logarithm, and the differences are passed in: p − q (exact by Sterbenz where it
            // matters) and q − p for the second, since 1 − p and 1 − q have rounded (for p = 0.4, q = 0.4000000001 the
            // rounded difference is wrong in its 7th digit) while the term's relative accuracy needs only them rounded.
            // Far apart, x·log(x/m) − (x − m) with one logarithm per term. So full relative accuracy for parameters
            // 1e−3 … 1e−12 apart (the old p·log(p/q) + (1 − p)·log((1 − p)/(1 − q)) returned 0 or noise ~1e−17 there).
            closedFormKLDivergence:
                E.Deviance(E.Ref("p"), E.Ref("q.p"), E.Ref("p") - E.Ref("q.p"))
                + E.Deviance(1.0 - E.Ref("p"), 1.0 - E.Ref("q.p"), E.Ref("q.p") - E.Ref("p")),
            closedFormKLMethod: "Computed as bd0(p, q) + bd0(1 − p, 1 − q), bd0(x, m) = x·log(x/m) + m − x ≥ 0 (Loader's deviance, "
                + "given the exact difference q − p): full relative accuracy also where p ≈ q.");

        private static readonly Expr P1 = E.Ref("p1");

        private static readonly Expr Rate = E.Ref("rate");

        private static readonly Let[] BernoulliAndRate =
        {
            new("p1", new ParameterOf(Side.P, Description.Parameters[0].PropertyName)),
            new("rate", new ParameterOf(Side.Q, Poisson.Description.Parameters[0].PropertyName)),
        };

        private const string PoissonAtZeroAndOne =
            "P = Bernoulli has two outcomes, and Q = Poisson(λ) has log q(0) = −λ, log q(1) = log λ − λ, so";

        /// <summary>
        /// Support {0, 1}; p = 0 is the point mass at 0; Pmf(k) is a lookup of the stored p; Bernoulli(p) is Binomial(1, p);
        /// closed forms against Poisson (only k = 0, 1 count).
        /// </summary>
        public static readonly DivergenceFacts Divergence = new(
            SupportEnd.Fixed,
            LastOutcome: 1,
            PointMass: new PointMassAtZero(Description.Parameters[0], 0),
            StoresProbabilities: true,
            SpecialCaseOf: new SpecialCase(FamilyKind.Binomial, 1, new FixedParameter[0], "Bernoulli(p) is Binomial(1, p)"),
            ClosedForms: new[]
            {
                new PairClosedForm(
                    FamilyKind.Poisson,
                    DivergenceMeasure.KLDivergence,
                    new[]
                    {
                        PoissonAtZeroAndOne,
                        "D(P‖Q) = (1 − p)·(log(1 − p) + λ) + p·(log p − log λ + λ), with each term 0 where its probability is 0 and the second +∞ where λ = 0 < p.",
                        "log p and log(1 − p) are P's cached values (LogPmf(1), LogPmf(0)).",
                    },
                    new[]
                    {
                        BernoulliAndRate[0],
                        BernoulliAndRate[1],
                        new Let("atZero", E.Select(E.Below(P1, 1.0), (1.0 - P1) * (new MemberOf(Side.P, "LogPmf", 0) + Rate), 0.0)),
                        new Let("atOne", E.Select(
                            E.Equal(P1, 0.0),
                            0.0,
                            E.Select(E.Equal(Rate, 0.0), double.PositiveInfinity, P1 * (new MemberOf(Side.P, "LogPmf", 1) - E.Log(Rate) + Rate)))),
                    },
                    E.Ref("atZero") + E.Ref("atOne")),
                new PairClosedForm(
                    FamilyKind.Poisson,
                    DivergenceMeasure.CrossEntropy,
                    new[]
                    {
                        PoissonAtZeroAndOne,
                        "H(P, Q) = (1 − p)·λ + p·(λ − log λ) = λ − p·log λ, with p·log λ = 0 where p = 0 and +∞ where λ = 0 < p.",
                    },
                    BernoulliAndRate,
                    E.Select(E.Equal(P1, 0.0), Rate, E.Select(E.Equal(Rate, 0.0), double.PositiveInfinity, Rate - P1 * E.Log(Rate)))),
            });

        /// <summary>Names the generator writes into a Bernoulli type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers = new[]
        {
            "P", "Mean", "Variance", "TryCreate", "LogPmf", "Pmf", "LogLikelihood", "Entropy", "KLDivergence",
            "CrossEntropy", "Fit", "Sample", "_p", "_logP", "_log1mP",
            "IsDefault", "ThrowIfDefault",
        }.Concat(FiniteMeasures.MemberNames).ToArray();
    }
}
