// φ(x) = eˣ − 1 − x and eˣ − 1 (ScalarMath.ExpMinusOneMinus, VectorMath.ExpMinusOneMinus and VectorMath.Expm1 at every
// width and both precisions) against 50-digit mpmath on the exact inputs (Runtime/reference/exp_minus_one.json, made by
// make_exp_minus_one.py): every binade from 2⁻¹⁰⁷⁴ to 2⁹, uniform draws on the series' interval [−1, 1] and on the exp
// branch, the switch at ±1 and the overflow boundary. The diagonal normal's KL and its gradient are made of these.
//
// Bounds, in ulps of the reference (beyond one unit of the smallest subnormal): 2, double and float. Why: for −1 ≤ x ≤ 2 the
// Horner series has terms of one sign (x ≥ 0) or each smaller than the one before (x < 0), ≤ ~1.5 ulps; outside, exp(x) −
// 1 − x cancels by at most a factor 2 on an exp within 1 ulp. Measured worst on this data (every width, Zen 4): φ 2 ulps
// (double at x = −0.365, float at x = −0.775), eˣ − 1 1 ulp (double) and 2 (float); the test prints them. With the series
// only on |x| ≤ 1 (the first version) float φ reached 3 ulps at x = 1.12.
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
    public sealed class ExpMinusOneTests(ITestOutputHelper output)
    {
        private const double Ulps = 2;

        private sealed record Row(double X, double Expm1, double Phi, float XF, float Expm1F, float PhiF);

        private static readonly Lazy<List<Row>> Rows = new(() =>
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Runtime", "reference", "exp_minus_one.json");
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            static double D(JsonElement e, string name) => e.GetProperty(name).GetString() switch
            {
                "inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                var text => double.Parse(text!, CultureInfo.InvariantCulture),
            };
            return doc.RootElement.GetProperty("rows").EnumerateArray()
                .Select(r => new Row(D(r, "x"), D(r, "expm1"), D(r, "phi"), (float)D(r, "xf"), (float)D(r, "expm1F"), (float)D(r, "phiF")))
                .ToList();
        });

        private static double UlpError(double want, double got)
        {
            if (want == got || (double.IsNaN(want) && double.IsNaN(got)))
            {
                return 0;
            }

            if (double.IsInfinity(want) || double.IsInfinity(got))
            {
                return double.PositiveInfinity;
            }

            double ulp = Math.Max(Math.BitIncrement(Math.Abs(want)) - Math.Abs(want), double.Epsilon);
            return Math.Max(Math.Abs(got - want) - double.Epsilon, 0) / ulp;
        }

        private static double UlpError(float want, float got)
        {
            if (want == got || (float.IsNaN(want) && float.IsNaN(got)))
            {
                return 0;
            }

            if (float.IsInfinity(want) || float.IsInfinity(got))
            {
                return double.PositiveInfinity;
            }

            double ulp = Math.Max(MathF.BitIncrement(Math.Abs(want)) - Math.Abs(want), float.Epsilon);
            return Math.Max(Math.Abs((double)got - want) - float.Epsilon, 0) / ulp;
        }

        private void Check(string name, Func<Row, double> want, Func<Row, double> got, Func<double, double, double> error)
        {
            double worst = 0;
            Row? at = null;
            foreach (var row in Rows.Value)
            {
                double e = error(want(row), got(row));
                if (e > worst)
                {
                    worst = e;
                    at = row;
                }
            }

            output.WriteLine(name + ": worst " + worst.ToString("0.00", CultureInfo.InvariantCulture) + " ulp" + (at is null ? string.Empty : " at x = " + at.X.ToString("R", CultureInfo.InvariantCulture)));
            Assert.True(worst <= Ulps, name + ": " + worst + " ulp at x = " + at?.X.ToString("R", CultureInfo.InvariantCulture));
        }

        [Fact]
        public void ScalarPhi() => Check("ScalarMath.ExpMinusOneMinus", r => r.Phi, r => ScalarMath.ExpMinusOneMinus(r.X), UlpError);

        [Fact]
        public void VectorPhiAndExpm1Double()
        {
            Check("Vector128 φ", r => r.Phi, r => VectorMath.ExpMinusOneMinus(Vector128.Create(r.X)).GetElement(1), UlpError);
            Check("Vector256 φ", r => r.Phi, r => VectorMath.ExpMinusOneMinus(Vector256.Create(r.X)).GetElement(3), UlpError);
            Check("Vector512 φ", r => r.Phi, r => VectorMath.ExpMinusOneMinus(Vector512.Create(r.X)).GetElement(7), UlpError);
            Check("Vector128 expm1", r => r.Expm1, r => VectorMath.Expm1(Vector128.Create(r.X)).GetElement(0), UlpError);
            Check("Vector256 expm1", r => r.Expm1, r => VectorMath.Expm1(Vector256.Create(r.X)).GetElement(2), UlpError);
            Check("Vector512 expm1", r => r.Expm1, r => VectorMath.Expm1(Vector512.Create(r.X)).GetElement(5), UlpError);
        }

        [Fact]
        public void VectorPhiAndExpm1Single()
        {
            Func<double, double, double> e = (w, g) => UlpError((float)w, (float)g);
            Check("Vector128<float> φ", r => r.PhiF, r => VectorMath.ExpMinusOneMinus(Vector128.Create(r.XF)).GetElement(3), e);
            Check("Vector256<float> φ", r => r.PhiF, r => VectorMath.ExpMinusOneMinus(Vector256.Create(r.XF)).GetElement(7), e);
            Check("Vector512<float> φ", r => r.PhiF, r => VectorMath.ExpMinusOneMinus(Vector512.Create(r.XF)).GetElement(15), e);
            Check("Vector128<float> expm1", r => r.Expm1F, r => VectorMath.Expm1(Vector128.Create(r.XF)).GetElement(0), e);
            Check("Vector256<float> expm1", r => r.Expm1F, r => VectorMath.Expm1(Vector256.Create(r.XF)).GetElement(1), e);
            Check("Vector512<float> expm1", r => r.Expm1F, r => VectorMath.Expm1(Vector512.Create(r.XF)).GetElement(2), e);
            Check("ScalarMath φ (float)", r => r.PhiF, r => ScalarMath.ExpMinusOneMinus(r.XF), e);
        }

        [Fact]
        public void SpecialValues()
        {
            foreach (var (x, phi, expm1) in new[]
            {
                (double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity),
                (double.NegativeInfinity, double.PositiveInfinity, -1.0),
                (710.0, double.PositiveInfinity, double.PositiveInfinity),
                (0.0, 0.0, 0.0),
            })
            {
                Assert.Equal(phi, ScalarMath.ExpMinusOneMinus(x));
                Assert.Equal(phi, VectorMath.ExpMinusOneMinus(Vector256.Create(x)).GetElement(0));
                Assert.Equal(phi, VectorMath.ExpMinusOneMinus(Vector512.Create(x)).GetElement(0));
                Assert.Equal(expm1, VectorMath.Expm1(Vector128.Create(x)).GetElement(0));
            }

            Assert.True(double.IsNaN(ScalarMath.ExpMinusOneMinus(double.NaN)));
            Assert.True(double.IsNaN(VectorMath.ExpMinusOneMinus(Vector256.Create(double.NaN)).GetElement(0)));
            Assert.True(float.IsNaN(VectorMath.Expm1(Vector256.Create(float.NaN)).GetElement(0)));
            Assert.Equal(float.PositiveInfinity, VectorMath.ExpMinusOneMinus(Vector256.Create(89f)).GetElement(0));
        }
    }
}
