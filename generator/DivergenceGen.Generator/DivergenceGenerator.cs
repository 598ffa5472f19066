using Microsoft.CodeAnalysis;

namespace DivergenceGen.Generator
{
    /// <summary>Wires the pipeline.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DivergenceGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
        }
    }
}
