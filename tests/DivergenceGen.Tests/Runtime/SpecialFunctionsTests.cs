using System;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.Runtime.DiscreteReference;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// <see cref="SpecialFunctions"/> against 50-digit mpmath (Runtime/reference/discrete_reference.json). The grids include
    /// the zeros of ln Γ at 1 and 2 (and 1 ± 2⁻⁵², 2 ± 2⁻⁵¹, where only a relative-accurate method passes), the minimum
    /// x₀ = 1.4616… ± 2⁻⁴⁰ (where ψ ≈ 1e−12), half-integers, 1e−300 … 1e300, and 3,000 fixed-seed random points.
    /// Tolerances are in ulps of the exact value: a few ulps is what a handful of correctly rounded operations can
    /// give; each bound below is the measured worst case rounded up, and the worst case is printed.
    /// </summary>
    public sealed class SpecialFunctionsTests(ITestOutputHelper output)
    {
        [Fact]
        public void LogGammaWithinFourUlps()
        {
            double worst = Worst("loggamma", r => (r[1], SpecialFunctions.LogGamma(r[0])), UlpError, 4, "LogGamma");
            output.WriteLine($"LogGamma worst: {worst:F2} ulps");
        }

        [Fact]
        public void LogGammaSpecialValues()
        {
            Assert.Equal(0.0, SpecialFunctions.LogGamma(1.0));
            Assert.Equal(0.0, SpecialFunctions.LogGamma(2.0));
            Assert.Equal(double.PositiveInfinity, SpecialFunctions.LogGamma(0.0));
            Assert.Equal(double.PositiveInfinity, SpecialFunctions.LogGamma(double.PositiveInfinity));
            Assert.Equal(double.PositiveInfinity, SpecialFunctions.LogGamma(1e306)); // overflows above ≈ 2.55e305
            Assert.True(double.IsNaN(SpecialFunctions.LogGamma(-1.5)));
            Assert.True(double.IsNaN(SpecialFunctions.LogGamma(double.NaN)));
            Assert.Equal(744.4400719213812, SpecialFunctions.LogGamma(double.Epsilon), 12); // −ln(5e−324)
        }

        [Fact]
        public void DigammaWithinFourUlps()
        {
            double worst = Worst("digamma", r => (r[1], SpecialFunctions.Digamma(r[0])), UlpError, 4, "Digamma");
            output.WriteLine($"Digamma worst: {worst:F2} ulps");
        }

        [Fact]
        public void DigammaSpecialValues()
        {
            Assert.Equal(double.NegativeInfinity, SpecialFunctions.Digamma(0.0));
            Assert.Equal(double.PositiveInfinity, SpecialFunctions.Digamma(double.PositiveInfinity));
            Assert.True(double.IsNaN(SpecialFunctions.Digamma(-0.5)));
            Assert.True(double.IsNaN(SpecialFunctions.Digamma(double.NaN)));
            Assert.Equal(-0.5772156649015329, SpecialFunctions.Digamma(1.0));
        }

        [Fact]
        public void TrigammaWithinFourUlps()
        {
            double worst = Worst("trigamma", r => (r[1], SpecialFunctions.Trigamma(r[0])), UlpError, 4, "Trigamma");
            output.WriteLine($"Trigamma worst: {worst:F2} ulps");
        }

        [Fact]
        public void TrigammaSpecialValues()
        {
            Assert.Equal(double.PositiveInfinity, SpecialFunctions.Trigamma(0.0));
            Assert.Equal(double.PositiveInfinity, SpecialFunctions.Trigamma(1e-160)); // 1/x² overflows
            Assert.Equal(0.0, SpecialFunctions.Trigamma(double.PositiveInfinity));
            Assert.True(double.IsNaN(SpecialFunctions.Trigamma(-0.5)));
            Assert.True(double.IsNaN(SpecialFunctions.Trigamma(double.NaN)));
            Assert.Equal(1.6449340668482264, SpecialFunctions.Trigamma(1.0)); // π²/6, correctly rounded
        }

        [Fact]
        public void StirlingErrorWithinFourUlps()
        {
            // n ≥ ½: table, series or the cancellation-free recurrence: 4 ulps. n < ½: the definition
            // ln Γ(1 + n) − (n + ½)·ln n + n − ½ln 2π adds four terms of up to ~0.92 to a result ≥ 0.154 (cancellation up to
            // a factor 6 on half-ulp roundings): 16 ulps.
            double worst = Worst("stirlerr", r => (r[1], SpecialFunctions.StirlingError(r[0])), (want, got) => want > 0.1534 ? UlpError(want, got) / 4 : UlpError(want, got), 4, "StirlingError (n < ½ counted at ¼)");
            double worstAbove = 0;
            foreach (double[] r in Rows("stirlerr"))
            {
                if (r[0] >= 0.5)
                {
                    worstAbove = Math.Max(worstAbove, UlpError(r[1], SpecialFunctions.StirlingError(r[0])));
                }
            }

            output.WriteLine($"StirlingError worst: n ≥ ½ {worstAbove:F2} ulps; n < ½ {4 * worst:F2} ulps");
            Assert.True(worstAbove <= 4, $"StirlingError for n ≥ ½: {worstAbove} ulps");
            Assert.Equal(double.PositiveInfinity, SpecialFunctions.StirlingError(0.0));
            Assert.Equal(0.0, SpecialFunctions.StirlingError(double.PositiveInfinity));
            Assert.True(double.IsNaN(SpecialFunctions.StirlingError(-1.0)));
        }

        [Fact]
        public void DevianceWithinFourUlps()
        {
            double worst = Worst("bd0", r => (r[2], SpecialFunctions.Deviance(r[0], r[1])), UlpError, 4, "Deviance");
            output.WriteLine($"Deviance worst: {worst:F2} ulps");
            Assert.Equal(0.0, SpecialFunctions.Deviance(5.0, 5.0));
            Assert.Equal(3.5, SpecialFunctions.Deviance(0.0, 3.5));
        }

        [Fact]
        public void LogBinomialCoefficientWithinFourUlps()
        {
            double worst = Worst("lchoose", r => (r[2], SpecialFunctions.LogBinomialCoefficient(r[0], r[1])), UlpError, 4, "LogBinomialCoefficient");
            output.WriteLine($"LogBinomialCoefficient worst: {worst:F2} ulps");
            Assert.True(double.IsNaN(SpecialFunctions.LogBinomialCoefficient(double.NaN, 1)));
        }

        [Fact]
        public void LogFactorialIsCorrectlyRoundedInTheTableAndWithinTwoUlpsAbove()
        {
            double worstTable = 0, worstAbove = 0;
            foreach (double[] r in Rows("logfactorial"))
            {
                double e = UlpError(r[1], SpecialFunctions.LogFactorial(r[0]));
                if (r[0] < 256)
                {
                    worstTable = Math.Max(worstTable, e);
                }
                else
                {
                    worstAbove = Math.Max(worstAbove, e);
                }
            }

            output.WriteLine($"LogFactorial worst: table {worstTable:F2} ulps, above {worstAbove:F2} ulps");
            Assert.Equal(0, worstTable);
            Assert.True(worstAbove <= 2, $"LogFactorial above the table: {worstAbove} ulps");
            Assert.Equal(double.PositiveInfinity, SpecialFunctions.LogFactorial(-1));
            Assert.True(double.IsNaN(SpecialFunctions.LogFactorial(double.NaN)));
        }

        [Fact]
        public void LogFactorialMatchesLogGammaAndLogBinomialCoefficientMatchesFactorials()
        {
            for (int k = 0; k < 600; k++)
            {
                double a = SpecialFunctions.LogFactorial(k);
                double b = SpecialFunctions.LogGamma(k + 1.0);
                Assert.True(Math.Abs(a - b) <= 4 * Ulp(a) || a == b, $"k = {k}: {a} vs {b}");
            }

            for (int n = 0; n < 200; n += 7)
            {
                for (int k = 0; k <= n; k += 3)
                {
                    double want = SpecialFunctions.LogFactorial(n) - SpecialFunctions.LogFactorial(k) - SpecialFunctions.LogFactorial(n - k);
                    double got = SpecialFunctions.LogBinomialCoefficient(n, k);

                    // The factorial difference loses up to ln n! · 2ε of absolute accuracy; the tested function must be at least that close.
                    Assert.True(Math.Abs(want - got) <= (4 * Ulp(SpecialFunctions.LogFactorial(n))) + 1e-15, $"C({n}, {k}): {want} vs {got}");
                }
            }
        }
    }
}
