using System;
using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Families
{
    /// <summary>What a family attribute's positional argument fixes at compile time.</summary>
    internal enum SizeArgument
    {
        /// <summary>No positional argument: <c>[Bernoulli]</c>.</summary>
        None,

        /// <summary>The number of classes K of a probability vector: <c>[Categorical(K)]</c>.</summary>
        Classes,

        /// <summary>The number of trials n of a support 0 … n: <c>[Binomial(n)]</c>.</summary>
        Trials,

        /// <summary>
        /// The rows R and columns C of a joint table, two positional arguments: <c>[JointCategorical(R, C)]</c>; the table's
        /// R·C cells are the classes K of its categorical law.
        /// </summary>
        RowsAndColumns,

        /// <summary>The number of coordinates D of a vector variate: <c>[DiagonalNormal(D)]</c> (held in <c>Classes</c>).</summary>
        Dimensions,

        /// <summary>The classes K and the trials n, two positional arguments: <c>[Multinomial(K, n)]</c>.</summary>
        ClassesAndTrials,
    }

    /// <summary>
    /// One row of the family catalogue: the attribute that declares the family, its compile-time size argument, the
    /// members the generator writes (a user member with one of these names is DG0005), the description the
    /// emitters derive the code from (a <see cref="ScalarParameterFamily"/>, <see cref="VectorParameterFamily"/> or
    /// <see cref="CountFamily"/>) and the facts the divergence methods between two families read.
    /// </summary>
    internal sealed class FamilyRow
    {
        public FamilyRow(FamilyKind kind, SizeArgument size, IReadOnlyList<string> generatedMembers, object description, DivergenceFacts divergence)
        {
            Kind = kind;
            Size = size;
            GeneratedMembers = generatedMembers;
            Description = description;
            Divergence = divergence;
            Parameters = description switch
            {
                ScalarParameterFamily scalar => scalar.Parameters,
                CountFamily count => count.Parameters,
                ContinuousFamily continuous => continuous.Parameters,
                _ => Array.Empty<ScalarParameter>(),
            };
            ProbabilityVector = (description as VectorParameterFamily)?.Property;
        }

        public FamilyKind Kind { get; }

        /// <summary>The attribute's name without <c>Attribute</c>, as a user writes it: <c>Bernoulli</c>.</summary>
        public string Name => Kind.ToString();

        /// <summary>The attribute's metadata name, for <c>ForAttributeWithMetadataName</c>.</summary>
        public string AttributeMetadataName => "DivergenceGen." + Name + "Attribute";

        /// <summary>The attribute as a user writes it, with its size argument: <c>[Categorical(K)]</c>.</summary>
        public string Usage => Size switch
        {
            SizeArgument.Classes => "[" + Name + "(K)]",
            SizeArgument.Trials => "[" + Name + "(n)]",
            SizeArgument.RowsAndColumns => "[" + Name + "(R, C)]",
            SizeArgument.Dimensions => "[" + Name + "(D)]",
            SizeArgument.ClassesAndTrials => "[" + Name + "(K, n)]",
            _ => "[" + Name + "]",
        };

        /// <summary>The name of the family's tracked parse step (generator tests assert it is cached).</summary>
        public string TrackingName => "DivergenceGen." + Name;

        public SizeArgument Size { get; }

        public IReadOnlyList<string> GeneratedMembers { get; }

        public object Description { get; }

        /// <summary>Support, point mass at 0, stored probabilities, tail bound: what the divergence methods need.</summary>
        public DivergenceFacts Divergence { get; }

        /// <summary>The scalar parameters, in constructor order (empty for a probability vector).</summary>
        public IReadOnlyList<ScalarParameter> Parameters { get; }

        /// <summary>
        /// D(P‖Q) in closed form as IR over P's parameters (<c>p</c>) and Q's (<c>q.p</c>), for a declaration of compile-time
        /// size <paramref name="size"/>; null where the family has none.
        /// </summary>
        public Ir.Expr? KLDivergence(int size) => Description switch
        {
            CountFamily count => count.KLDivergence(new CountShape(size, UsesTable: false)),
            ScalarParameterFamily scalar => scalar.ClosedFormKLDivergence,
            _ => null,
        };

        /// <summary>The KL divergence's formula as prose (the families' doc comments say the same).</summary>
        public string? KLFormula => Description switch
        {
            CountFamily count => count.KLFormula,
            ScalarParameterFamily scalar => scalar.KLFormula,
            _ => null,
        };

        /// <summary>The property holding the probability vector (<c>Probabilities</c>), or null for scalar parameters.</summary>
        public string? ProbabilityVector { get; }

        /// <summary>
        /// Whether <c>[KLDivergence]</c>/<c>[CrossEntropy]</c> methods may take the family (a user's exponential family may
        /// not: its support and base measure are the user's; its own <c>KLDivergence(in T q)</c> is the Bregman divergence).
        /// </summary>
        public bool CrossFamily { get; init; } = true;
    }

    /// <summary>
    /// Every family the generator knows, one row each. Registration, the three parsers, the tracking names and the
    /// emitters' choice of shape read this list; no other list of families exists (docs/ARCHITECTURE.md).
    /// </summary>
    internal static class FamilyCatalogue
    {
        public static readonly IReadOnlyList<FamilyRow> All = new[]
        {
            new FamilyRow(FamilyKind.Bernoulli, SizeArgument.None, Bernoulli.GeneratedMembers, Bernoulli.Description, Bernoulli.Divergence),
            new FamilyRow(FamilyKind.Categorical, SizeArgument.Classes, Categorical.GeneratedMembers, Categorical.Description, Categorical.Divergence),
            new FamilyRow(FamilyKind.Binomial, SizeArgument.Trials, Binomial.GeneratedMembers, Binomial.Description, Binomial.Divergence),
            new FamilyRow(FamilyKind.Geometric, SizeArgument.None, Geometric.GeneratedMembers, Geometric.Description, Geometric.Divergence),
            new FamilyRow(FamilyKind.Poisson, SizeArgument.None, Poisson.GeneratedMembers, Poisson.Description, Poisson.Divergence),
            new FamilyRow(
                FamilyKind.NegativeBinomial, SizeArgument.None, NegativeBinomial.GeneratedMembers, NegativeBinomial.Description, NegativeBinomial.Divergence),
            new FamilyRow(
                FamilyKind.JointCategorical, SizeArgument.RowsAndColumns, JointCategorical.GeneratedMembers, JointCategorical.Description, JointCategorical.Divergence),
            new FamilyRow(FamilyKind.FiniteFamily, SizeArgument.Classes, FiniteFamily.GeneratedMembers, FiniteFamily.Description, FiniteFamily.Divergence),
            new FamilyRow(
                FamilyKind.ExponentialFamily, SizeArgument.None, ExponentialFamily.GeneratedMembers, ExponentialFamily.Description, ExponentialFamily.Divergence)
            {
                CrossFamily = false,
            },
            new FamilyRow(FamilyKind.Normal, SizeArgument.None, Normal.GeneratedMembers, Normal.Description, ContinuousDivergence(Normal.Description)),
            new FamilyRow(FamilyKind.LogNormal, SizeArgument.None, LogNormal.GeneratedMembers, LogNormal.Description, ContinuousDivergence(LogNormal.Description)),
            new FamilyRow(FamilyKind.Exponential, SizeArgument.None, Exponential.GeneratedMembers, Exponential.Description, ContinuousDivergence(Exponential.Description)),
            new FamilyRow(FamilyKind.Gamma, SizeArgument.None, Gamma.GeneratedMembers, Gamma.Description, ContinuousDivergence(Gamma.Description)),
            new FamilyRow(FamilyKind.Beta, SizeArgument.None, Beta.GeneratedMembers, Beta.Description, ContinuousDivergence(Beta.Description)),
            new FamilyRow(FamilyKind.Laplace, SizeArgument.None, Laplace.GeneratedMembers, Laplace.Description, ContinuousDivergence(Laplace.Description)),
            new FamilyRow(FamilyKind.Uniform, SizeArgument.None, Uniform.GeneratedMembers, Uniform.Description, ContinuousDivergence(Uniform.Description)),
            new FamilyRow(FamilyKind.DiagonalNormal, SizeArgument.Dimensions, DiagonalNormal.GeneratedMembers, DiagonalNormal.Description, VectorDivergence)
            {
                CrossFamily = false,
            },
            new FamilyRow(FamilyKind.Dirichlet, SizeArgument.Classes, Dirichlet.GeneratedMembers, Dirichlet.Description, VectorDivergence)
            {
                CrossFamily = false,
            },
            new FamilyRow(FamilyKind.Multinomial, SizeArgument.ClassesAndTrials, Multinomial.GeneratedMembers, Multinomial.Description, Multinomial.Divergence)
            {
                CrossFamily = false,
            },
        };

        /// <summary>
        /// A law on vectors: its own members compute its divergences (between two instances of one type); it takes no part in
        /// <c>[KLDivergence]</c>/<c>[CrossEntropy]</c> methods between families (<see cref="FamilyRow.CrossFamily"/> is false), so
        /// its facts say nothing, as the exponential family's.
        /// </summary>
        private static DivergenceFacts VectorDivergence => new(SupportEnd.Infinite);

        /// <summary>
        /// A continuous family's divergence facts: a density on the real line, whose divergences with the other continuous
        /// families are the closed forms derived from the descriptions (<see cref="ContinuousPairs"/>); none with a discrete
        /// family (DG0046).
        /// </summary>
        private static DivergenceFacts ContinuousDivergence(ContinuousFamily family) =>
            new(SupportEnd.RealLine, ClosedForms: ContinuousPairs.With(family));

        private static readonly Dictionary<string, FamilyRow> ByAttributeName =
            All.ToDictionary(r => r.AttributeMetadataName, StringComparer.Ordinal);

        /// <summary>The row of a kind.</summary>
        public static FamilyRow Of(FamilyKind kind) => All.First(r => r.Kind == kind);

        /// <summary>The row whose attribute has this metadata name, or null when it is not a family attribute.</summary>
        public static FamilyRow? ByAttribute(string? metadataName) =>
            metadataName is not null && ByAttributeName.TryGetValue(metadataName, out var row) ? row : null;

        /// <summary>Every family attribute as a user writes it: "[Bernoulli], [Categorical(K)], … or [NegativeBinomial]".</summary>
        public static string UsageList() =>
            string.Join(", ", All.Take(All.Count - 1).Select(r => r.Usage)) + " or " + All[All.Count - 1].Usage;
    }
}
