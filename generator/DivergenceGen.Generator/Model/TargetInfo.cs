namespace DivergenceGen.Generator.Model
{
    /// <summary>
    /// What the consumer's compilation offers, probed once and reduced to a tiny record (never the compilation
    /// itself): the C# language version and which vector APIs exist.
    /// </summary>
    /// <param name="LanguageVersion">The numeric C# language version (e.g. 12), from the parse options.</param>
    /// <param name="HasVector512">Whether <c>System.Runtime.Intrinsics.Vector512&lt;T&gt;</c> exists (.NET 8+).</param>
    /// <param name="HasVectorLog">Whether <c>Vector256.Log</c> exists (.NET 9+); otherwise the runtime library's vector log is used.</param>
    internal sealed record TargetInfo(int LanguageVersion, bool HasVector512, bool HasVectorLog)
    {
        /// <summary>The lowest C# version the generated code compiles under (inline arrays need C# 12).</summary>
        public const int MinimumLanguageVersion = 12;
    }
}
