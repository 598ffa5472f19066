namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// The shape of a user-declared exponential family (issue 16): p(x | η) = h(x)·exp(η·T(x) − A(η)). The family is the
    /// user's four methods, read into <see cref="Model.ExponentialFamilyModel"/>; this description only names the shape.
    /// </summary>
    internal sealed record ExponentialFamilyDescription(string Name, string Summary);

    /// <summary>
    /// ExponentialFamily: the user's <c>NaturalParameters</c>, <c>SufficientStatistics</c>, <c>LogPartition</c> and
    /// <c>LogBaseMeasure</c> (and optionally <c>ExpectedLogBaseMeasure</c>) define the law; the generator derives ∇A and ∇²A
    /// symbolically and writes everything else (<c>Emit/ExponentialFamilyEmitter.cs</c>). Divergence methods between it
    /// and other families are not generated (<see cref="FamilyRow.CrossFamily"/>): its own KL is the Bregman divergence.
    /// </summary>
    internal static class ExponentialFamily
    {
        public const string NaturalParametersMethod = "NaturalParameters";
        public const string SufficientStatisticsMethod = "SufficientStatistics";
        public const string LogPartitionMethod = "LogPartition";
        public const string LogBaseMeasureMethod = "LogBaseMeasure";
        public const string ExpectedLogBaseMeasureMethod = "ExpectedLogBaseMeasure";

        public static readonly ExponentialFamilyDescription Description = new(
            "ExponentialFamily",
            "p(x | η) = h(x)·exp(η·T(x) − A(η)), declared by the type's NaturalParameters, SufficientStatistics, LogPartition and LogBaseMeasure.");

        /// <summary>The support is the user's; no compile-time facts for divergence methods between families.</summary>
        public static readonly DivergenceFacts Divergence = new(SupportEnd.Infinite);

        /// <summary>The members the generator writes (a user member with one of these names is DG0005).</summary>
        public static readonly string[] GeneratedMembers =
        {
            "TryCreate", "FromNaturalParameters", "TryFromNaturalParameters", "LogPartitionValue", "LogPdf", "Pdf", "LogPmf", "Pmf",
            "LogLikelihood", "ExpectedSufficientStatistics", "SufficientStatisticsCovariance", "KLDivergence", "Entropy", "CrossEntropy",
            "Fit", "IsDefault", "ThrowIfDefault", "_constructed", "_logPartition", "__LogPartitionDerivatives", "__Fit",
            "__InSupport",
        };
    }
}
