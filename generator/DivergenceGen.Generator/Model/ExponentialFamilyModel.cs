using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Model
{
    /// <summary>The support of a user's exponential family (mirrors <c>DivergenceGen.Support</c>).</summary>
    internal enum SupportKind
    {
        Reals = 0,
        PositiveReals = 1,
        UnitInterval = 2,
        NonNegativeIntegers = 3,
        Outcomes = 4,
    }

    /// <summary>Where the entropy's E[log h(X)] comes from, if anywhere.</summary>
    internal enum BaseMeasureExpectation
    {
        /// <summary>Not derivable: the type has no <c>Entropy</c> or <c>CrossEntropy</c> (DG0045 says why).</summary>
        None,

        /// <summary>log h is a constant (its translated body reads no variate): E[log h] = LogBaseMeasure at any point of the support.</summary>
        Constant,

        /// <summary>
        /// log h is linear in the sufficient statistics, c + a·T(x) (the log-normal's −log x with T₁ = log x):
        /// E[log h] = c + a·∇A(η).
        /// </summary>
        Linear,

        /// <summary>A finite support: Σₖ pₖ·log h(k), summed at run time.</summary>
        FiniteSum,

        /// <summary>The user's <c>ExpectedLogBaseMeasure(η…)</c>.</summary>
        UserMethod,
    }

    /// <summary>
    /// A user's exponential family p(x | η) = h(x)·exp(η·T(x) − A(η)) (issue 16): its support, the user's parameters (θ,
    /// from <c>NaturalParameters</c>), the natural parameters' names (from <c>LogPartition</c>), whether η is a tuple or
    /// one plain double, A(η) as IR with its gradient and Hessian (upper triangle, row by row, as
    /// <see cref="LogWeightModel.HessianIndex"/>), derived symbolically, and where E[log h(X)] comes from. Value equality
    /// throughout, so the pipeline caches it.
    /// </summary>
    internal sealed record ExponentialFamilyModel(
        SupportKind Support,
        int Outcomes,
        EquatableArray<string> Parameters,
        EquatableArray<string> Naturals,
        bool Tuple,
        Expr LogPartition,
        EquatableArray<Expr> Gradient,
        EquatableArray<Expr> Hessian,
        BaseMeasureExpectation Expectation,
        EquatableArray<double> Start)
    {
        /// <summary>T(x) as IR, one expression per statistic, with the variate named <c>x</c> (the method is still called as written).</summary>
        public EquatableArray<Expr> Statistics { get; init; } = EquatableArray<Expr>.Empty;

        /// <summary>log h(x) as IR with the variate named <c>x</c> (the method is still called as written).</summary>
        public Expr? LogBase { get; init; }

        /// <summary>With <see cref="BaseMeasureExpectation.Linear"/>: log h = <see cref="LinearConstant"/> + Σᵢ aᵢ·Tᵢ.</summary>
        public Expr? LinearConstant { get; init; }

        /// <summary>With <see cref="BaseMeasureExpectation.Linear"/>: the aᵢ.</summary>
        public EquatableArray<double> LinearCoefficients { get; init; } = EquatableArray<double>.Empty;

        /// <summary>Whether the variate is an integer (LogPmf) rather than a real (LogPdf).</summary>
        public bool IsDiscrete => Support is SupportKind.NonNegativeIntegers or SupportKind.Outcomes;

        /// <summary>Whether every user parameter has a default value, so that Fit can start without a given law.</summary>
        public bool HasStart => Start.Count == Parameters.Count;
    }
}
