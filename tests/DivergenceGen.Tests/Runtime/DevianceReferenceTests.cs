// Loader's deviance bd0(x, m) = x·log(x/m) + m − x, the runtime's ScalarMath.Deviance and VectorMath.Deviance (every
// width, double and float), against 50-digit mpmath values on the exact inputs (Runtime/reference/deviance_reference.json,
// made by make_deviance_reference.py there): m from 1e−300 to 1e300, quotients x/m across the series region (⅓, 3) —
// its centre, both edges and either side of them, log-uniform draws — and the logarithm's region out to 1e±6, with the
// difference x − m rounded once from the exact inputs, as the callers pass it. NearEqualKLTests covers the quotients
// within 1e−3 … 1e−12 of 1 through the families' KL members; this file covers the whole of both regions directly.
//
// Tolerance: 4 ulps relative, |got − ref| ≤ 4·2⁻⁵²·ref (double) or 4·2⁻²³·ref (float), + 4 units of the smallest
// subnormal where ref is subnormal in that precision (fewer significant bits there). Why: in the series region the parts
// (x − m)·v and 2x·v³·S(v²) have bd0's sign; v = d/s costs the rounding of s and of the quotient, each part one or two
// more products, S its interpolation error (2.9e−16 double, 6.6e−8 float) plus its evaluation (measured 5.7e−16 in
// Estrin's order), scaled by at most ⅙ — about 3 ulps in all; beyond it, x·log(x/m) − (x − m) cancels by at most a factor
// 2.5 (at x/m = 3) on a logarithm within 1 ulp and a quotient within ½ ulp of |log 3| > 1. Measured worst, printed by
// the test (2026-12-07, at every width setting CI runs): double 2.69 ulps where fdlibm's log runs (128 bits, and every
// width without AVX-512), 1.99 with the table log and in ScalarMath; float 2.89 with fdlibm's log, 2.23 with the table
// log, 1.39 in ScalarMath (double inside). With the series in Horner's order, before: the same, except 2.25 for the
// double table-log paths and ScalarMath.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests.Runtime
{
    public sealed class DevianceReferenceTests
    {
        private const double MaxUlps = 4;

        private readonly ITestOutputHelper _output;

        public DevianceReferenceTests(ITestOutputHelper output) => _output = output;

        private sealed record Row(double X, double M, double D, double Bd0);

        private static readonly Lazy<(List<Row> Double, List<Row> Single)> Rows = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Runtime", "reference", "deviance_reference.json");
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            static double Parse(JsonElement e, string name)
            {
                string s = e.GetProperty(name).GetString()!;
                return s == "inf" ? double.PositiveInfinity : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            List<Row> Read(string name) => doc.RootElement.GetProperty(name).EnumerateArray()
                .Select(r => new Row(Parse(r, "x"), Parse(r, "m"), Parse(r, "d"), Parse(r, "bd0")))
                .ToList();
            return (Read("double"), Read("single"));
        });

        [Fact]
        public void TheReferenceCoversBothRegionsAndTheEdges()
        {
            var rows = Rows.Value.Double;
            Assert.Equal(1336, rows.Count);
            Assert.Equal(892, Rows.Value.Single.Count);
            bool Near(Row r) => Math.Abs(r.D) < 0.5 * (r.X + r.M);
            Assert.True(rows.Count(Near) > 500, "series region");
            Assert.True(rows.Count(r => r.X > 0 && r.M > 0 && !Near(r)) > 300, "logarithm region");
            Assert.Contains(rows, r => r.M == 1.0 && r.X == 3.0); // the regions' edge
            Assert.Contains(rows, r => r.M == 1.0 && r.X == 1.0 / 3);
            Assert.Contains(rows, r => r.X == 0 && r.Bd0 == r.M);
            Assert.Contains(rows, r => r.M == 0 && double.IsPositiveInfinity(r.Bd0));
        }

        private void Check(string what, IReadOnlyList<Row> rows, IReadOnlyList<double> got, bool single) =>
            UlpReport.Check(_output, what, rows.Select((r, i) => (r, got[i], r.Bd0)), single, MaxUlps, r => $"x = {r.X:R}, m = {r.M:R}, d = {r.D:R}");

        /// <summary>Each row in lane i % lanes of its own vector call, the other lanes holding the neighbouring rows.</summary>
        private static double[] Lanewise(IReadOnlyList<Row> rows, int lanes, Func<double[], double[], double[], double[]> call)
        {
            var result = new double[rows.Count];
            for (int start = 0; start < rows.Count; start += lanes)
            {
                var x = new double[lanes];
                var m = new double[lanes];
                var d = new double[lanes];
                for (int j = 0; j < lanes; j++)
                {
                    Row r = rows[Math.Min(start + j, rows.Count - 1)];
                    (x[j], m[j], d[j]) = (r.X, r.M, r.D);
                }

                double[] values = call(x, m, d);
                for (int j = 0; j < lanes && start + j < rows.Count; j++)
                {
                    result[start + j] = values[j];
                }
            }

            return result;
        }

        private static double[] Doubles<TVector>(TVector v, int lanes, Func<TVector, int, double> element) =>
            Enumerable.Range(0, lanes).Select(i => element(v, i)).ToArray();

        [Fact]
        public void DoubleEveryWidth()
        {
            var rows = Rows.Value.Double;
            Check("ScalarMath.Deviance(double)", rows, rows.Select(r => ScalarMath.Deviance(r.X, r.M, r.D)).ToArray(), single: false);
            Check("VectorMath.Deviance(Vector128<double>)", rows, Lanewise(rows, 2, (x, m, d) => Doubles(
                VectorMath.Deviance(Vector128.Create(x), Vector128.Create(m), Vector128.Create(d)), 2, (v, i) => v.GetElement(i))), single: false);
            Check("VectorMath.Deviance(Vector256<double>)", rows, Lanewise(rows, 4, (x, m, d) => Doubles(
                VectorMath.Deviance(Vector256.Create(x), Vector256.Create(m), Vector256.Create(d)), 4, (v, i) => v.GetElement(i))), single: false);
            Check("VectorMath.Deviance(Vector512<double>)", rows, Lanewise(rows, 8, (x, m, d) => Doubles(
                VectorMath.Deviance(Vector512.Create(x), Vector512.Create(m), Vector512.Create(d)), 8, (v, i) => v.GetElement(i))), single: false);
        }

        [Fact]
        public void SingleEveryWidth()
        {
            var rows = Rows.Value.Single;
            static float F(double v) => (float)v; // exact: the reference's single inputs are float32 values
            Check("ScalarMath.Deviance(float)", rows, rows.Select(r => (double)ScalarMath.Deviance(F(r.X), F(r.M), F(r.D))).ToArray(), single: true);
            Check("VectorMath.Deviance(Vector128<float>)", rows, Lanewise(rows, 4, (x, m, d) => Doubles(
                VectorMath.Deviance(Vector128.Create(x.Select(F).ToArray()), Vector128.Create(m.Select(F).ToArray()), Vector128.Create(d.Select(F).ToArray())),
                4, (v, i) => (double)v.GetElement(i))), single: true);
            Check("VectorMath.Deviance(Vector256<float>)", rows, Lanewise(rows, 8, (x, m, d) => Doubles(
                VectorMath.Deviance(Vector256.Create(x.Select(F).ToArray()), Vector256.Create(m.Select(F).ToArray()), Vector256.Create(d.Select(F).ToArray())),
                8, (v, i) => (double)v.GetElement(i))), single: true);
            Check("VectorMath.Deviance(Vector512<float>)", rows, Lanewise(rows, 16, (x, m, d) => Doubles(
                VectorMath.Deviance(Vector512.Create(x.Select(F).ToArray()), Vector512.Create(m.Select(F).ToArray()), Vector512.Create(d.Select(F).ToArray())),
                16, (v, i) => (double)v.GetElement(i))), single: true);
        }
    }
}
