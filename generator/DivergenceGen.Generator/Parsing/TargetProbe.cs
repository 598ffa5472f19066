using DivergenceGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DivergenceGen.Generator.Parsing
{
    /// <summary>Probes the consumer's compilation once and keeps only what the emitter branches on.</summary>
    internal static class TargetProbe
    {
        public static TargetInfo Probe(Compilation compilation)
        {
            int languageVersion = compilation is CSharpCompilation csharp
                ? (int)csharp.LanguageVersion.MapSpecifiedToEffectiveVersion() / 100
                : TargetInfo.MinimumLanguageVersion;
            bool hasVector512 = compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512`1") is not null;
            return new TargetInfo(languageVersion, hasVector512);
        }
    }
}
