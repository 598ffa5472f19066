namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// A divergence method over <c>[Obsolete]</c> types: its implementation repeats the signature, so the compiler would warn
    /// about the obsolete types in generated code too (CS0612/CS0618), where the user cannot act on it, and break a build with
    /// warnings as errors. The user's own declaration keeps its warning. Applied to the emitted text (the pipeline does it),
    /// only when the model says so, so that every other file stays as the emitter wrote it.
    /// </summary>
    internal static class ObsoleteSuppression
    {
        public const string Pragma = "#pragma warning disable CS0612, CS0618 // [Obsolete] parameter types: the declaration already warns";

        /// <summary>The source with <see cref="Pragma"/> after its <c>#nullable enable</c> line (or first, if it has none).</summary>
        public static string Apply(string source)
        {
            const string Nullable = "#nullable enable\n";
            int at = source.IndexOf(Nullable, System.StringComparison.Ordinal);
            return at < 0
                ? Pragma + "\n" + source
                : source.Substring(0, at + Nullable.Length) + Pragma + "\n" + source.Substring(at + Nullable.Length);
        }
    }
}
