using System;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// Corners of <see cref="SpecialFunctions"/> that the oracle-table tests do not reach, written against mutants that
    /// survived <c>SpecialFunctionsTests</c> (docs/testing.md): the deviance where x/np overflows or underflows (it must fall
    /// back to ln x − ln np, not take the log of ±∞/0), and ln C(n, k) for n above 2⁵³, where 1 − k/n rounds to 1 and the
    /// private log1p must return its argument (not 0·∞).
    /// </summary>
    /// <remarks>
    /// Tolerances: the references are sums without cancellation of terms each within an ulp or two (Math.Log), so 1e-14
    /// relative is tens of ulps of headroom; a broken fallback gives ±∞ or NaN.
    /// </remarks>
    public sealed class SpecialFunctionsEdgeTests
    {
        [Theory]
        [InlineData(1e10, 1e-300)] // x/np = 1e310 overflows
        [InlineData(1e-200, 1e200)] // x/np = 1e-400 underflows to 0
        [InlineData(5e-310, 7e300)] // a subnormal x
        public void Deviance_WhereTheQuotientOverflowsOrUnderflows_IsFinite(double x, double np)
        {
            double want = (x * (Math.Log(x) - Math.Log(np))) + (np - x);
            double got = SpecialFunctions.Deviance(x, np);
            Assert.True(double.IsFinite(got), $"Deviance({x:R}, {np:R}) = {got:R}");
            Assert.True(Math.Abs(got - want) <= 1e-14 * Math.Abs(want), $"Deviance({x:R}, {np:R}) = {got:R}, want {want:R}");
        }

        [Theory]
        [InlineData(1e17)]
        [InlineData(3e18)]
        public void LogBinomialCoefficient_OfNAbove2To53_ChooseOne_IsLogN(double n)
        {
            double got = SpecialFunctions.LogBinomialCoefficient(n, 1);
            double want = Math.Log(n);
            Assert.True(Math.Abs(got - want) <= 1e-14 * want, $"ln C({n:R}, 1) = {got:R}, want {want:R}");
        }
    }
}
