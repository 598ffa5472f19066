using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace DivergenceGen.Generator.Losses
{
    /// <summary>
    /// The one list of losses: each loss's description (<see cref="LossDescription"/>: the attribute, its
    /// options, the members, the row). Registration (one pipeline per row), <c>LossParser</c> and
    /// <c>Emit/LossEmitter</c> read it; no other list of losses exists.
    /// </summary>
    internal static class LossCatalogue
    {
        public static readonly IReadOnlyList<LossDescription> All = new LossDescription[]
        {
            SoftmaxCrossEntropy.Instance,
            NllLoss.Instance,
            KLDivergenceLoss.Instance,
            BinaryCrossEntropy.Instance,
        };

        /// <summary>The description of a loss, by its attribute's name (<see cref="LossSpec.Loss"/>).</summary>
        public static LossDescription Of(string attribute) => All.First(d => d.Attribute == attribute);

        /// <summary>The description of the loss a spec declares.</summary>
        public static LossDescription Of(LossSpec spec) => Of(spec.Loss);

        /// <summary>The attribute's metadata name, for <c>ForAttributeWithMetadataName</c>.</summary>
        public static string AttributeMetadataName(LossDescription description) => "DivergenceGen." + description.Attribute + "Attribute";

        /// <summary>The tracked name of a loss's parse step.</summary>
        public static string TrackingName(LossDescription description) => "DivergenceGen." + description.Attribute;

        /// <summary>Whether an attribute class is one of the loss attributes.</summary>
        public static bool IsLossAttribute(AttributeData attribute) =>
            attribute.AttributeClass is { } c && All.Any(d => c.ToDisplayString() == AttributeMetadataName(d));
    }
}
