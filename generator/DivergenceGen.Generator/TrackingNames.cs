namespace DivergenceGen.Generator
{
    /// <summary>Names of the tracked pipeline steps (tests assert that each is cached on a second run).</summary>
    internal static class TrackingNames
    {
        public const string Bernoulli = "DivergenceGen.Bernoulli";
        public const string Categorical = "DivergenceGen.Categorical";
        public const string Binomial = "DivergenceGen.Binomial";
        public const string Geometric = "DivergenceGen.Geometric";
        public const string Poisson = "DivergenceGen.Poisson";
        public const string NegativeBinomial = "DivergenceGen.NegativeBinomial";
        public const string SoftmaxCrossEntropy = "DivergenceGen.SoftmaxCrossEntropy";
        public const string LossModels = "DivergenceGen.LossModels";
        public const string LossDiagnostics = "DivergenceGen.LossDiagnostics";
        public const string LossOutput = "DivergenceGen.LossOutput";
        public const string Models = "DivergenceGen.Models";
        public const string Diagnostics = "DivergenceGen.Diagnostics";
        public const string Target = "DivergenceGen.Target";
        public const string Output = "DivergenceGen.Output";
        public const string KLDivergence = "DivergenceGen.KLDivergence";
        public const string CrossEntropy = "DivergenceGen.CrossEntropy";
        public const string DivergenceModels = "DivergenceGen.DivergenceModels";
        public const string DivergenceDiagnostics = "DivergenceGen.DivergenceDiagnostics";

        /// <summary>Every step the generator tracks, for tests.</summary>
        public static readonly string[] All =
        {
            Bernoulli, Categorical, Binomial, Geometric, Poisson, NegativeBinomial, Models, Diagnostics, Target, Output,
            KLDivergence, CrossEntropy, DivergenceModels, DivergenceDiagnostics,
            SoftmaxCrossEntropy, LossModels, LossDiagnostics, LossOutput,
        };
    }
}
