using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace DivergenceGen.Generator.Diagnostics
{
    /// <summary>
    /// Every diagnostic the generator reports. Ids are stable; each has a section in docs/diagnostics.md
    /// with the mistake and the fix.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "DivergenceGen";

        public static readonly DiagnosticDescriptor TypeNotPartial = Create(
            "DG0001",
            "Type must be partial",
            "'{0}' is marked [{1}] but is not declared partial; add the 'partial' modifier so the generator can add its members");

        public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
            "DG0002",
            "Containing type must be partial",
            "'{0}' contains the [{1}] type '{2}' but is not declared partial; add the 'partial' modifier to '{0}'");

        public static readonly DiagnosticDescriptor UnsupportedTypeKind = Create(
            "DG0003",
            "Unsupported kind of type",
            "'{0}' cannot be a [{1}] type: {2}; declare a non-generic 'readonly partial struct' or 'sealed partial class'");

        public static readonly DiagnosticDescriptor InvalidAttributeArgument = Create(
            "DG0004",
            "Invalid attribute argument",
            "Invalid {0} for [{1}] on '{2}': {3}");

        public static readonly DiagnosticDescriptor MemberNameClash = Create(
            "DG0005",
            "Member clashes with a generated member",
            "'{0}' declares '{1}', which the generator writes for [{2}] types; rename or remove it");

        public static readonly DiagnosticDescriptor LanguageVersionTooOld = Create(
            "DG0006",
            "C# language version too old",
            "The code generated for '{0}' needs C# {1} or later (inline arrays, static abstract interface members), but the project uses C# {2}; set <LangVersion>{1}</LangVersion> or later");

        public static readonly DiagnosticDescriptor MultipleFamilies = Create(
            "DG0007",
            "More than one distribution family",
            "'{0}' is marked with both [{1}] and [{2}]; a type describes one distribution family");

        public static readonly DiagnosticDescriptor StructTooLarge = Create(
            "DG0008",
            "Struct too large",
            "'{0}' would store {1} bytes inline ({2}), more than the {3} bytes a struct may hold safely on the stack; declare it as a 'sealed partial class' instead");

        public static readonly DiagnosticDescriptor InstanceField = Create(
            "DG0009",
            "Instance field in a family type",
            "'{0}' declares the instance field '{1}'; a [{2}] type's state is generated (C# warns CS0282 about field order across partial struct declarations, and a generated constructor cannot initialise it); move it to another type or make it static");

        public static readonly DiagnosticDescriptor TypeNameClash = Create(
            "DG0010",
            "Type name clashes with the generated code",
            "'{0}' cannot be the name of a [{1}] type: {2}; rename the type");

        public static readonly DiagnosticDescriptor ShadowedName = Create(
            "DG0011",
            "A type in scope captures a name the generated code uses",
            "The code generated for '{0}' cannot compile: the type '{1}' is in its scope, and {2}; rename that type or move it out of this scope");

        public static readonly DiagnosticDescriptor InheritedMemberClash = Create(
            "DG0012",
            "Inherited member clashes with a generated member",
            "'{0}' inherits '{1}' from '{2}', and the generator writes '{1}' for [{3}] types, which would hide it (a call through '{2}' would not reach the generated one); derive from a base class without that member, or rename it there");

        // ---- DG0020–DG0029: [KLDivergence] / [CrossEntropy] methods ----------------------------------------------

        public static readonly DiagnosticDescriptor DivergenceContainingType = Create(
            "DG0020",
            "Divergence method must be in a static partial class",
            "'{0}' cannot hold the [{1}] method '{2}': {3}; declare the method in a non-generic 'static partial class'");

        public static readonly DiagnosticDescriptor DivergenceOuterType = Create(
            "DG0021",
            "Type containing a divergence method must be partial",
            "'{0}' contains the [{1}] method '{2}' but {3}; every containing type must be a non-generic partial type");

        public static readonly DiagnosticDescriptor DivergenceMethodShape = Create(
            "DG0022",
            "Divergence method must be a static partial method without a body",
            "The [{1}] method '{0}' must be declared 'static partial' with an accessibility modifier, non-generic and without a body, but {2}");

        public static readonly DiagnosticDescriptor DivergenceParameterCount = Create(
            "DG0023",
            "Divergence method must have two parameters",
            "The [{1}] method '{0}' has {2} parameter(s); declare exactly two, P and Q: '(in P p, in Q q)'");

        public static readonly DiagnosticDescriptor DivergenceParameterType = Create(
            "DG0024",
            "Divergence parameter is not a declared distribution",
            "Parameter '{2}' ({3}) of the [{1}] method '{0}' is not usable: {4}");

        public static readonly DiagnosticDescriptor DivergenceReturnType = Create(
            "DG0025",
            "Divergence return type does not match the precision",
            "The [KLDivergence]/[CrossEntropy] method '{0}' returns '{1}', but its distributions compute in {3}; return '{2}'");

        public static readonly DiagnosticDescriptor DivergencePrecisionMismatch = Create(
            "DG0026",
            "Divergence between distributions of different precision",
            "The method '{0}' relates '{1}' ({2}) and '{3}' ({4}); declare both types with the same Precision");

        public static readonly DiagnosticDescriptor DivergenceNoExactMethod = Create(
            "DG0027",
            "No exact method for this pair",
            "No exact method computes the [{1}] method '{0}': {2}; opt in to a truncated series with [{1}(Tolerance = 1e-12)] (the sum stops once the remaining mass of P is below the tolerance)");

        public static readonly DiagnosticDescriptor DivergenceInvalidTolerance = Create(
            "DG0028",
            "Invalid tolerance",
            "Invalid tolerance for the [{1}] method '{0}': {2}; use 0 (exact methods only) or a value from 1e-15 to below 1, e.g. 1e-12");

        public static readonly DiagnosticDescriptor DivergenceInfiniteBySupport = CreateWarning(
            "DG0040",
            "The divergence is +∞ for almost every parameter value",
            "The [{1}] method '{0}' is +∞ except where P is the point mass at 0 ({2}): P = {3} can put mass on {4}, which Q = {5} cannot; "
            + "D(P‖Q) and H(P, Q) take P first, so check the order of the arguments");

        public static readonly DiagnosticDescriptor DivergenceJointShapeMismatch = Create(
            "DG0041",
            "Divergence between joint laws of different shapes",
            "The method '{0}' relates '{1}' ({2}) and '{3}' ({4}): their cells (i, j) are different outcomes, so no divergence relates them; declare both with the same rows and columns");

        public static readonly DiagnosticDescriptor DivergenceDensityAndMass = Create(
            "DG0046",
            "Divergence between a density and a mass function",
            "The method '{0}' relates '{1}' ({2}, {3}) and '{4}' ({5}, {6}): a density and a probability mass function have no KL divergence or cross-entropy (one gives every single point probability 0, the other does not)");

        public static readonly DiagnosticDescriptor DivergenceBothMeasures = Create(
            "DG0029",
            "Both [KLDivergence] and [CrossEntropy] on one method",
            "The method '{0}' is marked with both [KLDivergence] and [CrossEntropy]; a method computes one of them, declare two methods");

        // ---- Losses (DG0030–DG0039) ----------------------------------------------------------------------------

        public static readonly DiagnosticDescriptor LossTypeKind = Create(
            "DG0030",
            "A loss type must be a static partial class",
            "'{0}' cannot be a [{1}] type: {2}; declare a non-generic 'static partial class'");

        public static readonly DiagnosticDescriptor LossClassCount = Create(
            "DG0031",
            "Invalid number of classes for a loss",
            "[{0}] on '{1}': K = {2} is outside {3} … {4}");

        public static readonly DiagnosticDescriptor LossLabelSmoothing = Create(
            "DG0032",
            "Label smoothing outside [0, 1]",
            "[{0}] on '{1}': LabelSmoothing = {2} is not in [0, 1]");

        public static readonly DiagnosticDescriptor LossInvalidArgument = Create(
            "DG0033",
            "Invalid loss attribute argument",
            "Invalid {0} for [{1}] on '{2}': {3}");

        public static readonly DiagnosticDescriptor LossWithFamily = Create(
            "DG0034",
            "A loss type cannot also be a distribution family",
            "'{0}' is marked with both [{1}] and [{2}]; a loss is a static class, a distribution a struct or sealed class: declare two types");

        public static readonly DiagnosticDescriptor MultipleLosses = Create(
            "DG0035",
            "More than one loss",
            "'{0}' is marked with both [{1}] and [{2}]; a type declares one loss (both would write Loss and LossAndGradient): declare two types");

        public static readonly DiagnosticDescriptor InvalidLogWeight = Create(
            "DG0042",
            "Invalid LogWeight of a FiniteFamily type",
            "'{0}' cannot be a [{1}] type: {2}");

        public static readonly DiagnosticDescriptor LogWeightWithoutFit = CreateInfo(
            "DG0043",
            "A FiniteFamily type without Fit",
            "'{0}' is a [{1}] type without Fit: {2}; the law, its measures and its toolkit are generated, only maximum-likelihood fitting needs the derivative");

        public static readonly DiagnosticDescriptor InvalidExponentialFamily = Create(
            "DG0044",
            "Invalid ExponentialFamily declaration",
            "'{0}' cannot be a [{1}] type: {2}");

        public static readonly DiagnosticDescriptor ExponentialFamilyWithoutEntropy = CreateInfo(
            "DG0045",
            "An ExponentialFamily type without Entropy",
            "'{0}' is a [{1}] type without Entropy and CrossEntropy: {2}; everything else is generated");

        /// <summary>All descriptors by id, for turning <see cref="DiagnosticInfo"/> back into diagnostics.</summary>
        public static readonly IReadOnlyDictionary<string, DiagnosticDescriptor> ById = new[]
        {
            TypeNotPartial, ContainingTypeNotPartial, UnsupportedTypeKind, InvalidAttributeArgument,
            MemberNameClash, LanguageVersionTooOld, MultipleFamilies, StructTooLarge, InstanceField, TypeNameClash, ShadowedName, InheritedMemberClash,
            DivergenceContainingType, DivergenceOuterType, DivergenceMethodShape, DivergenceParameterCount,
            DivergenceParameterType, DivergenceReturnType, DivergencePrecisionMismatch, DivergenceNoExactMethod,
            DivergenceInvalidTolerance, DivergenceBothMeasures, DivergenceInfiniteBySupport, DivergenceJointShapeMismatch, DivergenceDensityAndMass,
            LossTypeKind, LossClassCount, LossLabelSmoothing, LossInvalidArgument, LossWithFamily, MultipleLosses,
            InvalidLogWeight, LogWeightWithoutFit, InvalidExponentialFamily, ExponentialFamilyWithoutEntropy,
        }.ToDictionary(d => d.Id);

        public static DiagnosticInfo Info(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
            new(descriptor.Id, LocationInfo.From(location), new EquatableArray<string>(arguments));

        /// <summary>
        /// Whether the diagnostic is a warning or an info (which a user may suppress at the declaration, so it is reported
        /// in the compilation's syntax tree) rather than an error.
        /// </summary>
        public static bool IsSuppressible(DiagnosticInfo info) => ById[info.Id].DefaultSeverity != DiagnosticSeverity.Error;

        /// <summary>The diagnostic, located in the syntax tree of the recorded file among <paramref name="trees"/> where there is one.</summary>
        public static Diagnostic ToDiagnostic(DiagnosticInfo info, System.Collections.Immutable.ImmutableArray<SyntaxTree> trees = default) =>
            Diagnostic.Create(
                ById[info.Id],
                info.Location?.ToLocation(trees) ?? Location.None,
                info.Arguments.Cast<object>().ToArray());

        private static DiagnosticDescriptor CreateWarning(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: "See docs/diagnostics.md#" + id.ToLowerInvariant() + " in the DivergenceGen repository.");

        private static DiagnosticDescriptor CreateInfo(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Info, isEnabledByDefault: true, description: "See docs/diagnostics.md#" + id.ToLowerInvariant() + " in the DivergenceGen repository.");

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: "See docs/diagnostics.md#" + id.ToLowerInvariant() + " in the DivergenceGen repository.");
    }
}
