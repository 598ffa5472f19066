namespace DivergenceGen
{
    /// <summary>
    /// The result of a test of independence of the two variables of an R × C contingency table (the G-test of a
    /// <c>[JointCategorical(R, C)]</c> type): the statistic, its degrees of freedom, and the p-value from the chi-square
    /// distribution with those degrees of freedom, with its logarithm for p-values below the double range.
    /// </summary>
    /// <param name="Statistic">G = 2·Σᵢⱼ Oᵢⱼ·ln(Oᵢⱼ/Eᵢⱼ) ≥ 0 with Eᵢⱼ = rowᵢ·columnⱼ/N: twice N times the mutual information of
    /// the empirical table, in nats (0 for an R = 1 or C = 1 table).</param>
    /// <param name="DegreesOfFreedom">ν = (R − 1)(C − 1); 0 for an R = 1 or C = 1 table.</param>
    /// <param name="PValue">P(χ²_ν ≥ G) ∈ [0, 1] (1 when ν = 0); underflows to 0 below about 1e−308, where
    /// <paramref name="LogPValue"/> keeps the value.</param>
    /// <param name="LogPValue">ln P(χ²_ν ≥ G) ≤ 0, finite for every finite G (0 when ν = 0).</param>
    public readonly record struct IndependenceTest(double Statistic, int DegreesOfFreedom, double PValue, double LogPValue);
}
