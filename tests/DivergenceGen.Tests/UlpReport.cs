using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests
{
    /// <summary>
    /// Relative errors in ulps against 50-digit reference values (NearEqualKLTests, DevianceReferenceTests): every result
    /// within a bound, the worst printed with its inputs, up to 20 failures listed.
    /// </summary>
    internal static class UlpReport
    {
        /// <summary>2⁻⁵², one ulp of a double in [1, 2).</summary>
        public const double DoubleEpsilon = 2.220446049250313e-16;

        /// <summary>2⁻²³, one ulp of a float in [1, 2).</summary>
        public const double SingleEpsilon = 1.1920928955078125e-07;

        /// <summary>
        /// |got − expected| in units of 2⁻⁵²·expected (2⁻²³·expected for <paramref name="single"/>), after forgiving 4 units
        /// of the smallest subnormal where the expected value is subnormal in that precision (it has fewer significant bits
        /// there); 0 where they agree (also 0 or +∞ exactly, or within that slack), +∞ for any other error on 0 or +∞.
        /// </summary>
        public static double Ulps(double got, double expected, bool single)
        {
            if (got == expected)
            {
                return 0;
            }

            double smallestNormal = single ? 1.1754943508222875e-38 : 2.2250738585072014E-308;
            double slack = single ? 4 * 1.401298464324817e-45 : 4 * double.Epsilon;
            double error = Math.Max(Math.Abs(got - expected) - (expected < smallestNormal ? slack : 0), 0);
            if (error == 0)
            {
                return 0;
            }

            return expected == 0 || double.IsInfinity(expected) ? double.PositiveInfinity : error / ((single ? SingleEpsilon : DoubleEpsilon) * expected);
        }

        /// <summary>
        /// Asserts every result within <paramref name="maxUlps"/> (<see cref="Ulps"/>; NaN fails) and writes the worst, with
        /// <paramref name="describe"/>'s account of its inputs, to <paramref name="output"/>.
        /// </summary>
        public static void Check<TCase>(
            ITestOutputHelper output, string what, IEnumerable<(TCase Case, double Got, double Expected)> results, bool single, double maxUlps, Func<TCase, string> describe)
        {
            double worst = 0;
            string? worstCase = null;
            var failures = new List<string>();
            foreach (var (item, got, expected) in results)
            {
                double ulps = Ulps(got, expected, single);
                if (!(ulps <= maxUlps))
                {
                    failures.Add($"{what} {describe(item)}: {got:R} vs {expected:R} ({ulps:G3} ulps)");
                }

                if (ulps > worst || double.IsNaN(ulps))
                {
                    worst = ulps;
                    worstCase = describe(item);
                }
            }

            output.WriteLine($"{what}: worst {worst:G3} ulps relative" + (worstCase is null ? string.Empty : " at " + worstCase));
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)) + $"\n({failures.Count} failures)");
        }
    }
}
