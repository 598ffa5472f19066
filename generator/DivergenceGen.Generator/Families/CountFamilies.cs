using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Families
{
    /// <summary>The catalogue of count families, by the kind a declaration asks for.</summary>
    internal static class CountFamilies
    {
        public static CountFamily Of(FamilyKind kind) => kind switch
        {
            FamilyKind.Binomial => Binomial.Description,
            FamilyKind.Geometric => Geometric.Description,
            FamilyKind.Poisson => Poisson.Description,
            _ => NegativeBinomial.Description,
        };
    }
}
