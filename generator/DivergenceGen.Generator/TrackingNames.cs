using System.Linq;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator
{
    /// <summary>Names of the tracked pipeline steps (tests assert that each is cached on a second run).</summary>
    internal static class TrackingNames
    {
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
        public const string HintCollisions = "DivergenceGen.HintCollisions";

        /// <summary>The parse step of one family (the name comes from its catalogue row).</summary>
        public static string Family(FamilyKind kind) => FamilyCatalogue.Of(kind).TrackingName;

        /// <summary>The parse step of one loss (the name comes from its catalogue row).</summary>
        public static string Loss(string attribute) => Losses.LossCatalogue.TrackingName(Losses.LossCatalogue.Of(attribute));

        /// <summary>
        /// Every step the generator tracks, for tests: one parse step per family and per loss (their catalogues' rows),
        /// then the shared ones.
        /// </summary>
        public static readonly string[] All = FamilyCatalogue.All.Select(f => f.TrackingName)
            .Concat(Losses.LossCatalogue.All.Select(Losses.LossCatalogue.TrackingName))
            .Concat(new[]
            {
                Models, Diagnostics, Target, Output,
                KLDivergence, CrossEntropy, DivergenceModels, DivergenceDiagnostics,
                LossModels, LossDiagnostics, LossOutput, HintCollisions,
            }).ToArray();
    }
}
