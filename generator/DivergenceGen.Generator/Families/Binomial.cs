using System.Linq;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>Binomial(n, p): successes in n (compile-time) independent trials with success probability p.</summary>
    internal static class Binomial
    {
        private static readonly Expr P = E.Ref("p");

        /// <summary>log C(n, k), k = 0 … n, computed at generation time with the runtime's own function (linked source).</summary>
        private static readonly ConstantTable LogChoose = new(
            "LogChoose",
            "log C(n, k)",
            n => Enumerable.Range(0, n + 1).Select(k => SpecialFunctions.LogBinomialCoefficient(n, k)).ToArray());

        public static readonly CountFamily Description = new(
            name: "Binomial",
            summary: "A binomial distribution: the number of successes in n independent trials, each a success with probability p.",
            interfaceName: "global::DivergenceGen.IBinomialDistribution",
            parameters: new[] { new ScalarParameter("p", "P", ParameterDomain.UnitInterval, "The success probability p of each trial, 0 ≤ p ≤ 1.") },
            cached: new[]
            {
                new CachedQuantity("logP", E.Log(P), "log p"),
                new CachedQuantity("log1mP", E.Log1p(-P), "log(1 − p), computed as log1p(−p): exact for tiny p"),
            },
            support: CountSupport.ZeroToTrials,
            logPmf: shape => shape.UsesTable
                ? new CountFormula(
                    E.Ref(LogChoose.AtK) + E.XTimesLog(E.Ref("k"), E.Ref("logP")) + E.XTimesLog(E.Ref("n") - E.Ref("k"), E.Ref("log1mP")),
                    "n ≤ " + FamilyLimits.MaxBinomialTableTrials + ": log C(n, k) from the compile-time table, plus k·log p + (n − k)·log(1 − p) from the cached logs (0·log 0 = 0).")
                : new CountFormula(
                    E.Call("DiscreteMath.BinomialLogPmf", E.Ref("kInt"), E.Ref("Trials"), P),
                    "n > " + FamilyLimits.MaxBinomialTableTrials + ": no table; Loader's saddle-point form (Stirling errors and deviance terms), accurate for n up to 2³¹ − 1 where differences of log-gammas would cancel."),
            entropy: shape => shape.UsesTable
                ? CountFormula.SumOverSupport("exact sum over k = 0 … n of −P(k)·log P(k), from the compile-time table and the cached logs")
                : new CountFormula(
                    E.Call("DiscreteMath.BinomialEntropy", E.Ref("Trials"), P),
                    "n > " + FamilyLimits.MaxBinomialTableTrials + ": the runtime's windowed sum around the mean (all but a negligible tail) or its asymptotic expansion for large n·p·(1 − p)."),
            klDivergence: shape => shape.Trials == 0
                ? (Expr)0.0
                : E.Ref("n") * Bernoulli.Description.ClosedFormKLDivergence!,
            moments: new[]
            {
                new Moment("Mean", E.Ref("n") * P, "E[X] = n·p"),
                new Moment("Variance", E.Ref("n") * P * (1.0 - P), "Var[X] = n·p·(1 − p)"),
            },
            fit: E.Ref("mean") / E.Ref("n"),
            fitFormula: "p̂ = (mean outcome) / n (p̂ = 0 when n = 0, where every p gives the same law)",
            fitGiven: new string[0],
            sample: E.Call("DiscreteMath.SampleBinomial", E.Ref("random"), E.Ref("Trials"), P),
            pmfFormula: "P(X = k) = C(n, k)·pᵏ·(1 − p)ⁿ⁻ᵏ, k = 0 … n",
            entropyFormula: "H(P) = −Σₖ P(k)·log P(k)",
            klFormula: "D(P‖Q) = n·[p·log(p/q) + (1 − p)·log((1 − p)/(1 − q))] (n times the Bernoulli divergence)",
            table: LogChoose,
            maxTableTrials: FamilyLimits.MaxBinomialTableTrials,
            batchLogPmf: shape => shape.UsesTable
                ? new BatchLogPmf(
                    E.Ref(LogChoose.AtK) + E.XTimesLog(E.Ref("k"), E.Ref("logP")) + E.XTimesLog(E.Ref("n") - E.Ref("k"), E.Ref("log1mP")),
                    null,
                    "log C(n, k) from the compile-time table; k·log p + (n − k)·log(1 − p) in SIMD",
                    null)
                : null,
            factor: Bernoulli.Description,
            factorCounts: new[] { E.Ref("n") - E.Ref("k"), E.Ref("k") });

        /// <summary>Support {0, …, n}; p = 0 is the point mass at 0.</summary>
        public static readonly DivergenceFacts Divergence = new(
            SupportEnd.Trials,
            PointMass: new PointMassAtZero(Description.Parameters[0], 0));

        /// <summary>Names the generator writes into a Binomial type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers = new[]
        {
            "Trials", "TrialCount", "P", "Mean", "Variance", "TryCreate", "LogPmf", "Pmf", "LogLikelihood", "Entropy",
            "KLDivergence", "CrossEntropy", "Fit", "Sample", "LogPmfInDouble", "EntropyInDouble", "KLDivergenceInDouble", "_p", "_logP", "_log1mP",
            "IsDefault", "ThrowIfDefault",
        }.Concat(FiniteMeasures.MemberNames).ToArray();
    }
}
