namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// A divergence method over <c>[Obsolete]</c> types: its implementation repeats the signature, so the compiler would warn
    /// about the obsolete types in generated code too (CS0612/CS0618), where the user cannot act on it, and break a build with
    /// warnings as errors. The user's own declaration keeps its warning. The divergence emitter writes it after
    /// <c>#nullable enable</c> only when the model says so (<see cref="Model.DivergenceSpec.NamesObsoleteTypes"/>).
    /// </summary>
    internal static class ObsoleteSuppression
    {
        public const string Pragma = "#pragma warning disable CS0612, CS0618 // [Obsolete] parameter types: the declaration already warns";
    }
}
