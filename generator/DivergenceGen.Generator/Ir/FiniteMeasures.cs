using System.Collections.Generic;
using System.Linq;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// A parameter of a measure beyond the two laws (Rényi's order α, the population stability index's ε): its name, its
    /// doc, and the runtime check the public member makes of it.
    /// </summary>
    /// <param name="Name">The C# parameter name (<c>alpha</c>).</param>
    /// <param name="Doc">The doc of the parameter (XML).</param>
    /// <param name="Check">The check as a statement without its semicolon, <c>{0}</c> standing for the parameter:
    /// <c>{0} = global::DivergenceGen.Guard.CheckedProbability({0}, nameof({0}))</c> (which also maps −0 to +0).</param>
    /// <param name="Exception">The doc of the exception the check throws (XML).</param>
    internal sealed record MeasureParameter(string Name, string Doc, string Check, string Exception);

    /// <summary>
    /// A value per outcome that the term reads more than once (the mixture m = (p + q)/2 of Jensen–Shannon), written once.
    /// </summary>
    internal sealed record MeasureLet(string Name, Expr Value);

    /// <summary>
    /// A measure between two laws P and Q on the same finite support, written once: Σ over the outcomes of a term in
    /// p = P(k), q = Q(k) and d = p − q (a family passes d as accurately as it knows it: Bernoulli's q − p for outcome 0,
    /// where (1 − p) − (1 − q) would have lost it), then a finish that maps the sum to the value. Every finite-support
    /// family derives its members from these; no emitter names a measure's maths.
    /// </summary>
    /// <param name="Member">The public member (<c>JensenShannonDivergence</c>).</param>
    /// <param name="Kernel">The name of the sum's kernel; measures with the same sum share it (Hellinger, Bhattacharyya).</param>
    /// <param name="Definition">The definition for the doc comment (plain text, like <paramref name="Conventions"/> and
    /// <paramref name="Method"/>: the emitters escape it).</param>
    /// <param name="Conventions">Zero bins, infinities, bounds: for the doc comment.</param>
    /// <param name="Method">How it is computed and why (accuracy), for the doc comment and the kernel's comment.</param>
    /// <param name="Lets">Values per outcome the term reads, in order.</param>
    /// <param name="Term">The term, over <c>p</c>, <c>q</c>, <c>d</c>, the lets and the parameter; null where the measure is
    /// a runtime function instead (<see cref="RuntimeFunction"/>).</param>
    /// <param name="Finish">The value from the double <c>sum</c> (and the parameter).</param>
    /// <param name="Parameter">A parameter beyond P and Q, or null.</param>
    /// <param name="SecondKernel">Another measure's kernel whose sum the finish reads as <c>sum2</c>, only where it needs it
    /// (evaluated lazily: the finish is a conditional).</param>
    /// <param name="KernelArgument">Where the measure is another measure's sum at a fixed value of that measure's parameter
    /// (Jeffreys is PSI with ε = 0, to the bit): that value (written as a literal of the type's precision); the measure then
    /// names the other's kernel and writes
    /// no term of its own.</param>
    /// <param name="RuntimeFunction">A runtime function of (p, q, parameter) spans that computes the measure where it is not a
    /// plain sum (Rényi: a log-sum-exp with limits at α = 0, 1, ∞).</param>
    /// <param name="OfProduct">The measure between the n-fold products Pⁿ and Qⁿ (n ≥ 1) from <c>value</c>, the measure between
    /// one factor's laws (finished, in double), and <c>n</c>; null where there is no such closed form (Jensen–Shannon, total
    /// variation). A family whose law is the law of a sufficient statistic of n independent draws of a finite factor
    /// (Binomial(n): the count of successes in n Bernoulli trials) computes the measure this way, in O(1) and to the
    /// factor's accuracy: an f-divergence or Rényi divergence is unchanged by a sufficient statistic.</param>
    /// <param name="SameSupportAs">The member this measure equals wherever P and Q have the same support (no bin empty in
    /// exactly one of them), that member being +∞ exactly where they do not: the population stability index is the
    /// Jeffreys divergence there, for every ε. A family that computes that member cheaply (in closed form) tries it first
    /// and sums <see cref="LogTerm"/> only where that member is +∞ and the parameter is not that member's <see cref="KernelArgument"/>.</param>
    /// <param name="LogLets">Values per outcome <see cref="LogTerm"/> reads, in order.</param>
    /// <param name="LogTerm">The term from the log-probabilities <c>lp</c> = ln p and <c>lq</c> = ln q (−∞ for an empty bin)
    /// beside p and q, for families that compute p as exp(lp), where p underflows to 0 while the bin is not empty (a
    /// binomial tail): the population stability index must not give such a bin ε.</param>
    internal sealed record FiniteMeasure(
        string Member,
        string Kernel,
        string Definition,
        string Conventions,
        string Method,
        IReadOnlyList<MeasureLet> Lets,
        Expr? Term,
        Expr Finish,
        MeasureParameter? Parameter = null,
        string? RuntimeFunction = null,
        string? SecondKernel = null,
        double? KernelArgument = null,
        Expr? OfProduct = null,
        string? SameSupportAs = null,
        IReadOnlyList<MeasureLet>? LogLets = null,
        Expr? LogTerm = null)
    {
        /// <summary>The term with its lets substituted: one expression in p, q, d and the parameter.</summary>
        public Expr? InlineTerm => Term is null
            ? null
            : Lets.Reverse().Aggregate(Term, (term, let) => Substitution.Replace(term, name => name == let.Name ? let.Value : null));
    }

    /// <summary>
    /// The divergence toolkit's measures on finite supports (issue 17): Jensen–Shannon, Hellinger, total variation,
    /// Bhattacharyya, Jeffreys, Rényi and the population stability index. Each is a term and a finish; the conventions
    /// (0·log 0 = 0, +∞ where the measure is infinite, never NaN, never negative) are in the terms, not in the emitters.
    /// </summary>
    internal static class FiniteMeasures
    {
        private static readonly Expr P = E.Ref("p");
        private static readonly Expr Q = E.Ref("q");
        private static readonly Expr D = E.Ref("d");
        private static readonly Expr Sum = E.Ref("sum");
        private static readonly Expr LogP = E.Ref("lp");
        private static readonly Expr LogQ = E.Ref("lq");
        private static readonly Expr Value = E.Ref("value");

        /// <summary>ln 2, the largest Jensen–Shannon divergence (disjoint supports).</summary>
        private const double Ln2 = 0.6931471805599453;

        public static readonly FiniteMeasure JensenShannon = new(
            Member: "JensenShannonDivergence",
            Kernel: "JensenShannonSum",
            Definition: "JS(P, Q) = ½·D(P‖M) + ½·D(Q‖M) with M = (P + Q)/2, in nats",
            Conventions: "Symmetric; 0 ≤ JS ≤ ln 2, with ln 2 exactly where the supports are disjoint; finite whatever the zero bins "
                + "(0·log 0 = 0). SciPy's jensenshannon returns √JS (in base e by default): square this to compare.",
            Method: "Each outcome contributes bd0(p, m) + bd0(q, m) = ½·(bd0(2p, s) + bd0(2q, s)), s = p + q, with Loader's deviance "
                + "bd0(x, m) = x·log(x/m) + m − x ≥ 0 (the m − x parts cancel in the sum) and the differences ±(p − q) passed exactly: "
                + "a sum of non-negative terms, so JS keeps full relative accuracy where P ≈ Q (the textbook p·log(p/m) + q·log(q/m) "
                + "cancels there). The mixture is never formed (m = s/2 would underflow to 0 for the smallest subnormal).",
            Lets: new[] { new MeasureLet("s", P + Q) },
            Term: E.Deviance(2.0 * P, E.Ref("s"), D) + E.Deviance(2.0 * Q, E.Ref("s"), -D),
            Finish: E.Min(E.Max(0.25 * Sum, 0.0), Ln2));

        public static readonly FiniteMeasure Hellinger = new(
            Member: "HellingerDistance",
            Kernel: "SquaredHellingerSum",
            Definition: "H(P, Q) = √(½·Σ (√p − √q)²) = √(1 − BC), BC = Σ √(p·q) the Bhattacharyya coefficient",
            Conventions: "Symmetric, a metric; 0 ≤ H ≤ 1, with 1 exactly where the supports are disjoint.",
            Method: "Each term is h² with h = (p − q)/(√p + √q) (0 where p = q = 0): no cancellation where P ≈ Q, where "
                + "√p − √q or 1 − BC would lose every digit.",
            Lets: new[] { new MeasureLet("s", E.Sqrt(P) + E.Sqrt(Q)), new MeasureLet("h", E.Select(E.Equal(E.Ref("s"), 0.0), 0.0, D / E.Ref("s"))) },
            Term: E.Ref("h") * E.Ref("h"),
            Finish: E.Sqrt(E.Min(0.5 * Sum, 1.0)),
            OfProduct: E.Sqrt(E.Min(-E.Expm1(E.Ref("n") * E.Log1p(-(Value * Value))), 1.0))); // 1 − H² = BC multiplies

        public static readonly FiniteMeasure Bhattacharyya = new(
            Member: "BhattacharyyaDistance",
            Kernel: "BhattacharyyaCoefficientSum",
            Definition: "D_B(P, Q) = −ln BC, BC = Σ √(p·q) the Bhattacharyya coefficient",
            Conventions: "Symmetric; 0 ≤ D_B ≤ +∞, +∞ exactly where the supports are disjoint (BC = 0).",
            Method: "−ln BC where BC < ½ (accurate there, and exactly +∞ for disjoint supports); where BC ≥ ½, −log1p(−H²) from the "
                + "squared Hellinger distance H² = 1 − BC (for probability vectors), whose terms have no cancellation: full relative "
                + "accuracy where P ≈ Q, where −ln of a rounded BC ≈ 1 would lose it.",
            Lets: new MeasureLet[0],
            Term: E.Sqrt(P) * E.Sqrt(Q),
            Finish: E.Select(E.Below(Sum, 0.5), -E.Log(Sum), -E.Log1p(-E.Min(0.5 * E.Ref("sum2"), 1.0))),
            SecondKernel: "SquaredHellingerSum",
            OfProduct: E.Ref("n") * Value); // BC multiplies

        public static readonly FiniteMeasure TotalVariation = new(
            Member: "TotalVariationDistance",
            Kernel: "TotalVariationSum",
            Definition: "TV(P, Q) = ½·Σ |p − q| = max over events A of |P(A) − Q(A)|",
            Conventions: "Symmetric, a metric; 0 ≤ TV ≤ 1, with 1 exactly where the supports are disjoint.",
            Method: "A sum of |p − q|, exact per term but for the subtraction's rounding.",
            Lets: new MeasureLet[0],
            Term: E.Abs(D),
            Finish: E.Min(0.5 * Sum, 1.0));

        public static readonly FiniteMeasure Jeffreys = new(
            Member: "JeffreysDivergence",
            Kernel: "PopulationStabilitySum",
            Definition: "J(P, Q) = D(P‖Q) + D(Q‖P) = Σ (p − q)·ln(p/q), in nats",
            Conventions: "Symmetric; 0 where p = q = 0; +∞ where exactly one of p, q is 0 (either KL is infinite); never negative.",
            Method: "Each term (p − q)·ln(p/q) is computed as bd0(p, q) + bd0(q, p) (Loader's deviance, both ≥ 0, the ± (p − q) parts "
                + "cancelling) with the difference p − q passed exactly: no logarithm where p ≈ q and full relative accuracy there, "
                + "and no cancellation in the sum, unlike the sum of the two KL divergences. It is the population stability index's "
                + "sum with ε = 0 (the same kernel).",
            Lets: new MeasureLet[0],
            Term: null,
            Finish: E.Max(Sum, 0.0),
            KernelArgument: 0.0,
            OfProduct: E.Ref("n") * Value); // KL adds up

        public static readonly FiniteMeasure PopulationStability = new(
            Member: "PopulationStabilityIndex",
            Kernel: "PopulationStabilitySum",
            Definition: "PSI(P, Q) = Σ (p′ − q′)·ln(p′/q′), where p′ = ε for an empty bin (p = 0) and p′ = p otherwise (q′ alike)",
            Conventions: "The Jeffreys divergence with empty bins given probability ε (the vectors are not renormalised): "
                + "with no empty bin ε changes nothing; ε = 0 gives +∞ where exactly one of the bins is empty. Symmetric, never negative. "
                + "Common drift thresholds: < 0.1 stable, 0.1–0.25 moderate, > 0.25 significant.",
            Method: "The Jeffreys term bd0(p′, q′) + bd0(q′, p′), with the exact difference p − q where neither bin is empty: "
                + "no cancellation.",
            Lets: new[]
            {
                new MeasureLet("pe", E.Select(E.Equal(P, 0.0), E.Ref("epsilon"), P)),
                new MeasureLet("qe", E.Select(E.Equal(Q, 0.0), E.Ref("epsilon"), Q)),
                new MeasureLet("de", E.Select(E.Equal(P, 0.0), E.Ref("pe") - E.Ref("qe"), E.Select(E.Equal(Q, 0.0), E.Ref("pe") - E.Ref("qe"), D))),
            },
            Term: E.Deviance(E.Ref("pe"), E.Ref("qe"), E.Ref("de")) + E.Deviance(E.Ref("qe"), E.Ref("pe"), -E.Ref("de")),
            Finish: E.Max(Sum, 0.0),
            SameSupportAs: "JeffreysDivergence",
            LogLets: new[]
            {
                new MeasureLet("pe", E.Select(E.Equal(LogP, double.NegativeInfinity), E.Ref("epsilon"), P)),
                new MeasureLet("qe", E.Select(E.Equal(LogQ, double.NegativeInfinity), E.Ref("epsilon"), Q)),
                new MeasureLet("lpe", E.Select(E.Equal(LogP, double.NegativeInfinity), E.Log(E.Ref("epsilon")), LogP)),
                new MeasureLet("lqe", E.Select(E.Equal(LogQ, double.NegativeInfinity), E.Log(E.Ref("epsilon")), LogQ)),
            },
            // Summed only where ε > 0 (every log finite): (p′ − q′) and ln p′ − ln q′ have one sign, so the term is ≥ 0 and
            // exact to the pmfs' rounding; a bin whose p underflowed keeps its own log, not ln ε.
            LogTerm: (E.Ref("pe") - E.Ref("qe")) * (E.Ref("lpe") - E.Ref("lqe")),
            Parameter: new MeasureParameter(
                "epsilon",
                "The probability given to an empty bin, 0 ≤ ε ≤ 1 (typically 1e−4 … 1e−6); explicit, never a hidden default.",
                "{0} = global::DivergenceGen.Guard.CheckedProbability({0}, nameof({0}))",
                "<paramref name=\"epsilon\"/> is NaN, negative or above 1."));

        public static readonly FiniteMeasure Renyi = new(
            Member: "RenyiDivergence",
            Kernel: string.Empty,
            Definition: "D_α(P‖Q) = ln(Σ p^α·q^(1−α))/(α − 1), in nats",
            Conventions: "α = 1 is the KL divergence (the limit, and continuous there); α = 0 is −ln Q(p > 0); α = +∞ is ln max p/q "
                + "over p > 0; nondecreasing in α; +∞ where α ≥ 1 and Q gives 0 to an outcome P can produce (and for α < 1 where "
                + "the supports are disjoint); never negative. P is taken as normalised (Σp = 1), which is what makes α → 1 continuous.",
            Method: "ln(1 + S)/(α − 1) with S = Σ p·expm1((α − 1)·ln(p/q)) (one logarithm of each quotient), so no digits are lost "
                + "as α → 1; a log-sum-exp where a term would overflow (large α).",
            Lets: new MeasureLet[0],
            Term: null,
            Finish: Sum,
            Parameter: new MeasureParameter(
                "alpha",
                "The order α ≥ 0 (0, 1 and +∞ included, as limits).",
                string.Empty,
                "<paramref name=\"alpha\"/> is NaN or negative."),
            RuntimeFunction: "FiniteDivergences.RenyiDivergence",
            OfProduct: E.Ref("n") * Value); // Σ p^α·q^(1−α) multiplies

        /// <summary>
        /// ln(p/q) from p, q and the exact difference d = p − q: log1p(d/q) where |d| ≤ q/2 (relative accuracy from d, where
        /// p and q themselves may have rounded, e.g. 1 − p), else one logarithm of the quotient. For scalar code (both sides
        /// are evaluated in SIMD code).
        /// </summary>
        public static Expr LogRatioOf(Expr p, Expr q, Expr d) => E.Select(E.AtMost(E.Abs(d), 0.5 * q), E.Log1p(d / q), E.LogRatio(p, q));

        /// <summary>
        /// A measure's values per class for a kernel over two probability vectors p and q: d = p − q where the term reads
        /// it, then its lets (the single-row kernels and the row batches' blocks).
        /// </summary>
        public static IReadOnlyList<PerClass> PerClassLets(FiniteMeasure measure) =>
            (Substitution.Names(measure.InlineTerm!).Contains("d") ? new[] { new PerClass("d", P - Q) } : new PerClass[0])
                .Concat(measure.Lets.Select(l => new PerClass(l.Name, l.Value)))
                .ToList();

        /// <summary>Every measure, in the order the members are written.</summary>
        public static readonly IReadOnlyList<FiniteMeasure> All = new[]
        {
            JensenShannon, Hellinger, TotalVariation, Bhattacharyya, Jeffreys, Renyi, PopulationStability,
        };

        /// <summary>The member names every finite-support family gets (a user member with one of them is DG0005).</summary>
        public static IEnumerable<string> MemberNames => All.Select(m => m.Member);

        /// <summary>The measure whose sum a kernel computes (the first with that <see cref="FiniteMeasure.Kernel"/> that owns it).</summary>
        public static FiniteMeasure OfKernel(string kernel) => All.First(m => m.Kernel == kernel && m.KernelArgument is null);

        /// <summary>The sums the kernels compute: one per distinct <see cref="FiniteMeasure.Kernel"/>.</summary>
        public static IEnumerable<FiniteMeasure> Sums => All.Where(m => m.Term is not null && m.KernelArgument is null).GroupBy(m => m.Kernel).Select(g => g.First());
    }
}
