using System;
using System.Globalization;
using Xunit.Sdk;

namespace DivergenceGen.Tests
{
    /// <summary>Tolerance assertions shared by the numerical tests. Every failure message prints both values round-trip.</summary>
    internal static class NumericAssert
    {
        public const double Ln2 = 0.6931471805599453;

        public static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

        public static string R(float x) => x.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>
        /// The oracle rule: |got − want| ≤ max(rel·max(|got|, |want|), abs); non-finite values must match exactly
        /// (+∞ = +∞, −∞ = −∞, NaN = NaN).
        /// </summary>
        public static void Close(double want, double got, double rel, double abs, string what)
        {
            if (!double.IsFinite(want) || !double.IsFinite(got))
            {
                bool same = (double.IsNaN(want) && double.IsNaN(got)) || want == got;
                if (!same)
                {
                    throw new XunitException($"{what}: expected {R(want)}, got {R(got)} (non-finite values must match exactly)");
                }

                return;
            }

            double diff = Math.Abs(got - want);
            double bound = Math.Max(rel * Math.Max(Math.Abs(got), Math.Abs(want)), abs);
            if (!(diff <= bound))
            {
                throw new XunitException(
                    $"{what}: expected {R(want)}, got {R(got)}; |diff| = {R(diff)} > {R(bound)} (rel {R(rel)}, abs {R(abs)})");
            }
        }

        /// <summary>|got − want| ≤ bound, with non-finite values matching exactly; never NaN unless both are.</summary>
        public static void Within(double want, double got, double bound, string what)
        {
            if (!double.IsFinite(want) || !double.IsFinite(got))
            {
                bool same = (double.IsNaN(want) && double.IsNaN(got)) || want == got;
                if (!same)
                {
                    throw new XunitException($"{what}: expected {R(want)}, got {R(got)} (non-finite values must match exactly)");
                }

                return;
            }

            double diff = Math.Abs(got - want);
            if (!(diff <= bound))
            {
                throw new XunitException($"{what}: expected {R(want)}, got {R(got)}; |diff| = {R(diff)} > bound {R(bound)}");
            }
        }

        /// <summary>
        /// Whether <see cref="Within"/> would pass, without formatting a message: for loops over K = 1000 elements,
        /// <c>if (!IsWithin(w, g, b)) Within(w, g, b, $"…")</c> builds the message only for a failing element.
        /// </summary>
        public static bool IsWithin(double want, double got, double bound) =>
            double.IsFinite(want) && double.IsFinite(got)
                ? Math.Abs(got - want) <= bound
                : (double.IsNaN(want) && double.IsNaN(got)) || want == got;

        /// <summary>Exact (bitwise, so −0 ≠ +0 is NOT required: compared with ==, and NaN = NaN).</summary>
        public static void Exact(double want, double got, string what)
        {
            bool same = (double.IsNaN(want) && double.IsNaN(got)) || want == got;
            if (!same)
            {
                throw new XunitException($"{what}: expected exactly {R(want)}, got {R(got)}");
            }
        }

        public static void NotNaN(double got, string what)
        {
            if (double.IsNaN(got))
            {
                throw new XunitException($"{what}: got NaN");
            }
        }

        public static void Finite(double got, string what)
        {
            if (!double.IsFinite(got))
            {
                throw new XunitException($"{what}: expected a finite value, got {R(got)}");
            }
        }

        /// <summary>Neumaier-compensated sum, so the test's own summation error is negligible (≈ 2ε, independent of n).</summary>
        public static double Sum(ReadOnlySpan<double> values)
        {
            double s = 0, c = 0;
            foreach (double v in values)
            {
                double t = s + v;
                c += Math.Abs(s) >= Math.Abs(v) ? (s - t) + v : (v - t) + s;
                s = t;
            }

            return s + c;
        }
    }
}
