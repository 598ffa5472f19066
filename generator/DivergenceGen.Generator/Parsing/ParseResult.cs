using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Parsing
{
    /// <summary>What parsing one declaration yields: a model to emit (or none) and the diagnostics to report.</summary>
    internal sealed record ParseResult(FamilySpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
}
