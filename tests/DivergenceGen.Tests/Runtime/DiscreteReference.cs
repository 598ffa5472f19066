using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit.Sdk;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// The 50-digit mpmath reference values of Runtime/reference/discrete_reference.json (written by
    /// make_discrete_reference.py), and error measures in ulps.
    /// </summary>
    internal static class DiscreteReference
    {
        private static readonly Lazy<JsonDocument> Doc = new(() =>
            JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Runtime", "reference", "discrete_reference.json"))));

        /// <summary>The rows of one section: each row's numbers (non-finite values are the strings "inf", "-inf").</summary>
        public static IReadOnlyList<double[]> Rows(string section) =>
            Doc.Value.RootElement.GetProperty(section).EnumerateArray().Select(row => row.EnumerateArray().Select(OracleCase.Num).ToArray()).ToList();

        /// <summary>The spacing of doubles at |x| (ulp), for x finite.</summary>
        public static double Ulp(double x) => Math.BitIncrement(Math.Abs(x)) - Math.Abs(x);

        /// <summary>|got − want| in ulps of want; 0 when both are the same non-finite value, +∞ when they differ there.</summary>
        public static double UlpError(double want, double got)
        {
            if (!double.IsFinite(want) || !double.IsFinite(got))
            {
                return want.Equals(got) ? 0 : double.PositiveInfinity;
            }

            if (want == 0)
            {
                return got == 0 ? 0 : double.PositiveInfinity;
            }

            return Math.Abs(got - want) / Ulp(want);
        }

        /// <summary>|got − want| / |want| (0 for equal values, +∞ for a non-finite mismatch or a nonzero got where want = 0).</summary>
        public static double RelError(double want, double got)
        {
            if (want.Equals(got))
            {
                return 0;
            }

            if (!double.IsFinite(want) || !double.IsFinite(got) || want == 0)
            {
                return double.PositiveInfinity;
            }

            return Math.Abs(got - want) / Math.Abs(want);
        }

        /// <summary>
        /// Runs <paramref name="error"/> over every row, returns the worst error, and fails listing the worst rows when any
        /// exceeds <paramref name="bound"/>.
        /// </summary>
        public static double Worst(string section, Func<double[], (double Want, double Got)> eval, Func<double, double, double> error, double bound, string what)
        {
            var rows = Rows(section);
            double worst = 0;
            var failures = new List<string>();
            foreach (double[] row in rows)
            {
                (double want, double got) = eval(row);
                double e = error(want, got);
                if (double.IsNaN(e))
                {
                    e = double.PositiveInfinity;
                }

                worst = Math.Max(worst, e);
                if (!(e <= bound))
                {
                    failures.Add($"({string.Join(", ", row.Take(row.Length - 1).Select(NumericAssert.R))}): want {NumericAssert.R(want)}, got {NumericAssert.R(got)}, error {NumericAssert.R(e)}");
                }
            }

            if (failures.Count > 0)
            {
                throw new XunitException($"{what}: {failures.Count} of {rows.Count} rows above {NumericAssert.R(bound)} (worst {NumericAssert.R(worst)}):\n" + string.Join("\n", failures.Take(25)));
            }

            return worst;
        }
    }
}
