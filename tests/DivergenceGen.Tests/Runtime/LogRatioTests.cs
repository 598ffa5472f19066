using System;
using System.Runtime.Intrinsics;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// The exact residual behind <see cref="VectorMath.LogRatio(Vector256{double}, Vector256{double})"/>, and LogRatio's
    /// accuracy where x ≈ y (where an uncorrected log(x/y) loses up to ε absolute).
    /// </summary>
    public sealed class LogRatioTests
    {
        [Fact]
        public void DekkerResidualIsExactLikeFma()
        {
            // Dekker's product is the .NET 8 path; here (net10) it is checked lane by lane against Math.FusedMultiplyAdd,
            // which is exact: both must give c − a·b rounded once, i.e. the same double.
            var random = new Random(20261124);
            for (int i = 0; i < 20_000; i++)
            {
                double b = random.NextDouble() * Math.Pow(2, random.Next(-60, 1)) + double.Epsilon;
                double c = random.NextDouble() * Math.Pow(2, random.Next(-60, 1));
                double a = c / b;
                if (!double.IsNormal(a) || a > 1e250)
                {
                    continue;
                }

                var got = PortableVectorMath.MultiplySubtractDekker(Vector256.Create(a), Vector256.Create(b), Vector256.Create(c));
                Assert.Equal(Math.FusedMultiplyAdd(-a, b, c), got.GetElement(0));

                float af = (float)a, bf = (float)b, cf = (float)c;
                if (float.IsNormal(af) && float.IsNormal(bf) && float.IsNormal(cf) && Math.Abs(af) < 1e30f)
                {
                    var gotF = PortableVectorMath.MultiplySubtractDekker(Vector256.Create(af), Vector256.Create(bf), Vector256.Create(cf));
                    Assert.Equal(MathF.FusedMultiplyAdd(-af, bf, cf), gotF.GetElement(0));
                }
            }
        }

        [Theory]
        [InlineData(1.0, 0.99999985)]
        [InlineData(0.3, 0.30000000000000004)]
        [InlineData(0.7, 0.7000001)]
        [InlineData(1e-300, 1.0000000000000002e-300)]
        public void LogRatioIsAccurateWhereXIsCloseToY(double x, double y)
        {
            // Reference: log(x/y) = log1p((x − y)/y); x − y is exact here (Sterbenz), so the reference is good to a few ulps
            // of the (small) result. Tolerance 4 ulps of the result: the log's 1 ulp plus the residual's rounding.
            double want = ScalarMath.Log1p((x - y) / y);
            double tolerance = 4 * Math.BitIncrement(Math.Abs(want)) - 4 * Math.Abs(want);
            Assert.InRange(ScalarMath.LogRatio(x, y), want - tolerance, want + tolerance);
            Assert.InRange(VectorMath.LogRatio(Vector256.Create(x), Vector256.Create(y)).GetElement(0), want - tolerance, want + tolerance);
            Assert.InRange(VectorMath.LogRatio(Vector128.Create(x), Vector128.Create(y)).GetElement(0), want - tolerance, want + tolerance);
        }

        [Fact]
        public void LogRatioConventions()
        {
            Assert.Equal(double.NegativeInfinity, ScalarMath.LogRatio(0.0, 0.5));
            Assert.Equal(double.PositiveInfinity, ScalarMath.LogRatio(0.5, 0.0));
            Assert.Equal(0.0, ScalarMath.LogRatio(0.25, 0.25));
            Assert.Equal(double.NegativeInfinity, VectorMath.LogRatio(Vector256.Create(0.0), Vector256.Create(0.5)).GetElement(0));
            Assert.Equal(double.PositiveInfinity, VectorMath.LogRatio(Vector256.Create(0.5), Vector256.Create(0.0)).GetElement(0));

            // A subnormal denominator: the quotient overflows, so the vector falls back to log x − log y (finite).
            double expected = Math.Log(1.0) - Math.Log(1e-310);
            Assert.Equal(expected, VectorMath.LogRatio(Vector256.Create(1.0), Vector256.Create(1e-310)).GetElement(0), 12);
            Assert.Equal(expected, ScalarMath.LogRatio(1.0, 1e-310), 12);
        }
    }
}
