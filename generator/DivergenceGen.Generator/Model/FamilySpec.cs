namespace DivergenceGen.Generator.Model
{
    /// <summary>Which catalogue entry a declaration asks for.</summary>
    internal enum FamilyKind
    {
        Bernoulli,
        Categorical,
        Binomial,
        Geometric,
        Poisson,
        NegativeBinomial,
        JointCategorical,
        FiniteFamily,
        ExponentialFamily,
        Normal,
        LogNormal,
        Exponential,
        Gamma,
        Beta,
        Laplace,
        Uniform,
        DiagonalNormal,
        Dirichlet,
        Multinomial,
    }

    /// <summary>The floating-point type the generated code computes in (mirrors <c>DivergenceGen.Precision</c>).</summary>
    internal enum PrecisionKind
    {
        Double = 0,
        Single = 1,
    }

    /// <summary>
    /// Everything the emitter needs about one annotated type: strings, numbers and enums only, so that the
    /// pipeline caches it by value. <see cref="Classes"/> is the compile-time support size of a vector-parameter
    /// family (K of Categorical), 0 otherwise; <see cref="Trials"/> is n of a family whose support is 0 … n (Binomial),
    /// 0 otherwise. <see cref="DeclaresToString"/>: the user wrote their own <c>ToString()</c>, so none is generated.
    /// </summary>
    internal sealed record FamilySpec(
        TypeHierarchy Type,
        FamilyKind Kind,
        PrecisionKind Precision,
        int Classes,
        int Trials,
        int UnrollThreshold,
        LocationInfo? Location,
        bool DeclaresToString)
    {
        /// <summary>R, the rows of a joint table (JointCategorical: <see cref="Classes"/> = R·C); 0 otherwise.</summary>
        public int Rows { get; init; }

        /// <summary>C, the columns of a joint table; 0 otherwise.</summary>
        public int Columns { get; init; }

        /// <summary>
        /// The names of the parameters of a FiniteFamily type's <c>LogWeight(int k, …)</c> after the outcome, in order (each
        /// of the type's precision): the constructor's parameters; their PascalCase forms are the properties. Empty otherwise.
        /// </summary>
        public EquatableArray<string> LogWeightParameters { get; init; } = EquatableArray<string>.Empty;

        /// <summary>
        /// A FiniteFamily type's <c>LogWeight</c> translated into the IR with its first and second derivatives in the
        /// parameters, for <c>Fit</c>; null when the body is outside the translatable subset or has no derivative (the type
        /// then has no <c>Fit</c>, and DG0043 says why), and for every other family.
        /// </summary>
        public LogWeightModel? LogWeight { get; init; }

        /// <summary>How a DiagonalNormal type's static batch members reduce over rows (its attribute's <c>Reduction</c>); Mean otherwise.</summary>
        public ReductionKind Reduction { get; init; } = ReductionKind.Mean;

        /// <summary>An ExponentialFamily type's description (its four methods read and A(η) differentiated); null otherwise.</summary>
        public ExponentialFamilyModel? ExponentialFamilyModel { get; init; }
    }
}
