namespace DivergenceGen.Generator.Model
{
    /// <summary>
    /// What the consumer's compilation offers, probed once and reduced to a tiny record (never the compilation
    /// itself): the C# language version and which vector types exist.
    /// </summary>
    /// <param name="LanguageVersion">The numeric C# language version (e.g. 12).</param>
    /// <param name="HasVector512">Whether <c>System.Runtime.Intrinsics.Vector512&lt;T&gt;</c> exists (.NET 8+); without it the widest loops are not emitted.</param>
    internal sealed record TargetInfo(int LanguageVersion, bool HasVector512)
    {
        /// <summary>The lowest C# version the generated code compiles under (inline arrays need C# 12).</summary>
        public const int MinimumLanguageVersion = 12;
    }
}
