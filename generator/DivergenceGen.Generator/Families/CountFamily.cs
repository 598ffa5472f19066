using System;
using System.Collections.Generic;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>The support of a count family: 0 … n with n fixed at compile time, or every k ≥ 0.</summary>
    internal enum CountSupport
    {
        /// <summary>{0, 1, …, n}, n = the attribute's compile-time number of trials.</summary>
        ZeroToTrials,

        /// <summary>{0, 1, 2, …}.</summary>
        NonNegativeIntegers,
    }

    /// <summary>
    /// A table that depends only on compile-time constants, computed by the generator (with the runtime's own special
    /// functions, linked into the generator) and emitted as data: <c>private static ReadOnlySpan&lt;double&gt; Name =&gt; [...]</c>.
    /// A formula reads entry k as <c>E.Ref(Name + "[k]")</c>.
    /// </summary>
    /// <param name="Name">The property name in the generated type, e.g. <c>LogChoose</c>.</param>
    /// <param name="Meaning">What entry k is, for the generated comment, e.g. <c>log C(n, k)</c>.</param>
    /// <param name="Values">Entry values for a given number of trials n.</param>
    internal sealed record ConstantTable(string Name, string Meaning, Func<int, double[]> Values)
    {
        /// <summary>The name a formula uses for entry k.</summary>
        public string AtK => Name + "[k]";
    }

    /// <summary>What a formula may depend on at generation time: the attribute's constants.</summary>
    /// <param name="Trials">n for a family whose support is 0 … n; 0 otherwise.</param>
    /// <param name="UsesTable">Whether n is small enough for the compile-time table (<see cref="CountFamily.MaxTableTrials"/>).</param>
    internal sealed record CountShape(int Trials, bool UsesTable);

    /// <summary>
    /// A family over the integers 0, 1, 2, … (or 0 … n) with scalar parameters — Binomial, Geometric, Poisson,
    /// NegativeBinomial. A family is this small description; <see cref="Emit.CountFamilyEmitter"/> derives every member
    /// from it. Formulas are IR in the names of the parameters, the cached quantities, <c>k</c> (the outcome as a
    /// double), <c>kInt</c> (the outcome as an int), <c>n</c> (the compile-time trials) and table entries; a formula for
    /// Q reads <c>q.name</c>. Everything is computed in double (float types round once, at the end).
    /// </summary>
    internal sealed class CountFamily
    {
        public CountFamily(
            string name,
            string summary,
            string interfaceName,
            IReadOnlyList<ScalarParameter> parameters,
            IReadOnlyList<CachedQuantity> cached,
            CountSupport support,
            Func<CountShape, CountFormula> logPmf,
            Func<CountShape, CountFormula> entropy,
            Func<CountShape, Expr> klDivergence,
            IReadOnlyList<Moment> moments,
            Expr fit,
            string fitFormula,
            IReadOnlyList<string> fitGiven,
            Expr sample,
            string pmfFormula,
            string entropyFormula,
            string klFormula,
            ConstantTable? table = null,
            Func<CountShape, BatchLogPmf?>? batchLogPmf = null,
            int maxTableTrials = 0,
            ScalarParameterFamily? factor = null,
            IReadOnlyList<Expr>? factorCounts = null)
        {
            Name = name;
            Summary = summary;
            InterfaceName = interfaceName;
            Parameters = parameters;
            Cached = cached;
            Support = support;
            LogPmf = logPmf;
            Entropy = entropy;
            KLDivergence = klDivergence;
            Moments = moments;
            Fit = fit;
            FitFormula = fitFormula;
            FitGiven = fitGiven;
            Sample = sample;
            PmfFormula = pmfFormula;
            EntropyFormula = entropyFormula;
            KLFormula = klFormula;
            Table = table;
            BatchLogPmf = batchLogPmf ?? (_ => null);
            MaxTableTrials = maxTableTrials;
            Factor = factor;
            FactorCounts = factorCounts;
        }

        public string Name { get; }

        public string Summary { get; }

        /// <summary>The runtime interface the generated type implements, without type arguments.</summary>
        public string InterfaceName { get; }

        /// <summary>The parameters, in constructor order.</summary>
        public IReadOnlyList<ScalarParameter> Parameters { get; }

        /// <summary>Quantities computed once per instance (in double) and stored beside the parameters.</summary>
        public IReadOnlyList<CachedQuantity> Cached { get; }

        public CountSupport Support { get; }

        /// <summary>log P(X = k) for k inside the support (the emitter returns −∞ outside it).</summary>
        public Func<CountShape, CountFormula> LogPmf { get; }

        /// <summary>H(P): a formula, or <see cref="CountFormula.SumOverSupport"/> (exact sum over the compile-time support).</summary>
        public Func<CountShape, CountFormula> Entropy { get; }

        /// <summary>D(P‖Q) to the same type, in P's names and Q's <c>q.</c> names.</summary>
        public Func<CountShape, Expr> KLDivergence { get; }

        public IReadOnlyList<Moment> Moments { get; }

        /// <summary>The maximum-likelihood value of the fitted parameter, in <c>mean</c> (the sample mean) and the given parameters.</summary>
        public Expr Fit { get; }

        public string FitFormula { get; }

        /// <summary>Parameters held fixed by <c>Fit</c> and passed to it (NegativeBinomial: r); the rest is fitted.</summary>
        public IReadOnlyList<string> FitGiven { get; }

        /// <summary>One draw as a <c>long</c> (a runtime sampler call; the emitter checks the int range).</summary>
        public Expr Sample { get; }

        public string PmfFormula { get; }

        public string EntropyFormula { get; }

        public string KLFormula { get; }

        /// <summary>An optional compile-time table (Binomial: log C(n, k)).</summary>
        public ConstantTable? Table { get; }

        /// <summary>
        /// For a support 0 … n: the largest n whose formulas read the compile-time table of n + 1 entries
        /// (<see cref="CountShape.UsesTable"/>); above it the table would be too large to emit. 0 where there is no n.
        /// </summary>
        public int MaxTableTrials { get; }

        /// <summary>A vectorisable form of the log-pmf for the batch member, or null: the batch calls the scalar form per element.</summary>
        public Func<CountShape, BatchLogPmf?> BatchLogPmf { get; }

        /// <summary>
        /// For a support 0 … n: the finite family of one draw, with the same parameters, when X is a sufficient statistic of n
        /// independent draws of it (Binomial(n, p): the count of successes in n Bernoulli(p) trials); null otherwise. Every
        /// f-divergence and Rényi divergence between two such laws is then the one between the n-fold products, which the
        /// divergence toolkit computes in closed form from the factor's (<see cref="Ir.FiniteMeasure.OfProduct"/>).
        /// </summary>
        public ScalarParameterFamily? Factor { get; }

        /// <summary>
        /// With <see cref="Factor"/>: how many of the n draws fall on each of the factor's outcomes when X = k, in <c>k</c> and
        /// <c>n</c>, in the order of the factor's outcomes (Binomial: n − k failures, k successes). Then
        /// log P(k) − log Q(k) = Σⱼ countⱼ(k)·log(pⱼ/qⱼ) exactly (the counting factor cancels), from the factor's exact
        /// differences: the difference P(k) − Q(k) keeps its relative accuracy where the parameters nearly agree.
        /// </summary>
        public IReadOnlyList<Expr>? FactorCounts { get; }
    }

    /// <summary>A formula with the text that explains it in the generated code, or the marker for an exact sum over the support.</summary>
    /// <param name="Value">The IR; null for <see cref="SumOverSupport"/>.</param>
    /// <param name="Method">One line for the generated comment: how and why.</param>
    internal sealed record CountFormula(Expr? Value, string Method)
    {
        /// <summary>H(P) = −Σₖ P(k)·log P(k), summed exactly over the compile-time support.</summary>
        public static CountFormula SumOverSupport(string method) => new(null, method);
    }

    /// <summary>
    /// A vector form of the log-pmf (IR using only operations with vector forms: no <see cref="Call"/>), valid when
    /// <paramref name="Condition"/> (over the instance's parameters) holds; otherwise the batch uses the scalar form.
    /// </summary>
    /// <param name="Value">The IR in <c>k</c>, cached quantities, parameters and table entries.</param>
    /// <param name="Condition">A condition (IR over the instance's parameters) under which the vector form is accurate, or null for always.</param>
    /// <param name="Method">One line for the generated comment.</param>
    /// <param name="KBound">Largest k the vector form may be used for (the table's last index), or null for any k in the support.</param>
    internal sealed record BatchLogPmf(Expr Value, Expr? Condition, string Method, int? KBound);
}
