using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Model
{
    /// <summary>
    /// A user's <c>LogWeight(int k, θ₁, …, θₘ)</c> as IR (issue 16), for maximum-likelihood fitting: its value, its m
    /// first derivatives ∂/∂θᵢ and its second derivatives ∂²/∂θᵢ∂θⱼ for i ≤ j (row by row: (0,0), (0,1), …, (0,m−1),
    /// (1,1), …), each derived symbolically and simplified (<see cref="Derivative"/>). Names in the IR are the method's own
    /// parameter names (<see cref="Outcome"/> for the outcome, <see cref="FamilySpec.LogWeightParameters"/> for θ).
    /// <see cref="Start"/> is where <c>Fit</c> starts without a given law: the parameters' default values in the
    /// declaration (<c>double s = 1</c>), 0 for a parameter without one. Value equality throughout (IR nodes are
    /// records), so the pipeline caches it.
    /// </summary>
    internal sealed record LogWeightModel(
        string Outcome,
        Expr Value,
        EquatableArray<Expr> Gradient,
        EquatableArray<Expr> Hessian,
        EquatableArray<double> Start)
    {
        /// <summary>The position of ∂²/∂θᵢ∂θⱼ (i ≤ j) in <see cref="Hessian"/> for m parameters.</summary>
        public static int HessianIndex(int i, int j, int m) => (i * ((2 * m) - i + 1) / 2) + (j - i);
    }
}
