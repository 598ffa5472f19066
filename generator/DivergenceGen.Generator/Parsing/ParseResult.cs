using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Parsing
{
    /// <summary>
    /// What parsing one declaration yields, in every pipeline (families, divergence methods, losses): a model to emit,
    /// or none when the declaration is rejected, and the diagnostics to report. Equatable by value, so it caches.
    /// </summary>
    /// <typeparam name="TSpec">The model: <see cref="FamilySpec"/>, <see cref="DivergenceSpec"/> or <see cref="LossSpec"/>.</typeparam>
    internal sealed record ParseResult<TSpec>(TSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
        where TSpec : class;
}
