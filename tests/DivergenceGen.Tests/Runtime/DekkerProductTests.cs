using System;
using System.Runtime.Intrinsics;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// <see cref="PortableVectorMath.MultiplySubtractDekker(Vector256{double}, Vector256{double}, Vector256{double})"/> and its
    /// five siblings: the .NET 8 build's c − a·b (it has no vector FMA), for every width and precision. On net10 the tests
    /// run these directly (MultiplySubtractExact is an FMA there), so the net8 code is checked on every run.
    /// </summary>
    /// <remarks>
    /// The residual c − a·b is exact when c ≈ a·b (Sterbenz), and Dekker's split product is exact, so the only correct answer
    /// is the one <see cref="Math.FusedMultiplyAdd(double, double, double)"/> gives: the assertion is equality, lane by lane,
    /// with every lane holding different operands (a lane mix-up or a dropped term shows). Found by mutation testing
    /// (docs/testing.md): only the Vector256 double overload was checked before.
    /// </remarks>
    public sealed class DekkerProductTests
    {
        private const int Cases = 4_000;

        [Fact]
        public void DoubleResidualIsExactEveryWidth()
        {
            var random = new Random(20260118);
            var a = new double[8];
            var b = new double[8];
            var c = new double[8];
            for (int n = 0; n < Cases; n++)
            {
                for (int lane = 0; lane < 8; lane++)
                {
                    (a[lane], b[lane], c[lane]) = DoubleOperands(random);
                }

                Check(a, b, c, PortableVectorMath.MultiplySubtractDekker(Vector128.Create(a), Vector128.Create(b), Vector128.Create(c)));
                Check(a, b, c, PortableVectorMath.MultiplySubtractDekker(Vector256.Create(a), Vector256.Create(b), Vector256.Create(c)));
                Check(a, b, c, PortableVectorMath.MultiplySubtractDekker(Vector512.Create(a), Vector512.Create(b), Vector512.Create(c)));
            }
        }

        [Fact]
        public void SingleResidualIsExactEveryWidth()
        {
            var random = new Random(20260119);
            var a = new float[16];
            var b = new float[16];
            var c = new float[16];
            for (int n = 0; n < Cases; n++)
            {
                for (int lane = 0; lane < 16; lane++)
                {
                    (a[lane], b[lane], c[lane]) = SingleOperands(random);
                }

                Check(a, b, c, PortableVectorMath.MultiplySubtractDekker(Vector128.Create(a), Vector128.Create(b), Vector128.Create(c)));
                Check(a, b, c, PortableVectorMath.MultiplySubtractDekker(Vector256.Create(a), Vector256.Create(b), Vector256.Create(c)));
                Check(a, b, c, PortableVectorMath.MultiplySubtractDekker(Vector512.Create(a), Vector512.Create(b), Vector512.Create(c)));
            }
        }

        [Fact]
        public void ResidualOfAnExactProductIsZero_AndOfAnInexactOneIsItsRoundingError()
        {
            // 3·(1/3 rounded) is not 1: the residual is the rounding of 1/3 times 3, exactly, and non-zero. A mutant that drops
            // the error term e returns fl(1 − 3·r) instead, which differs; one that drops the low halves returns a multiple of
            // a coarser ulp.
            double r = 1.0 / 3.0;
            double want = Math.FusedMultiplyAdd(-r, 3.0, 1.0);
            Assert.NotEqual(0.0, want);
            Assert.Equal(want, PortableVectorMath.MultiplySubtractDekker(Vector128.Create(r), Vector128.Create(3.0), Vector128.Create(1.0)).GetElement(1));
            Assert.Equal(want, PortableVectorMath.MultiplySubtractDekker(Vector512.Create(r), Vector512.Create(3.0), Vector512.Create(1.0)).GetElement(7));

            float rf = 1f / 3f;
            float wantF = MathF.FusedMultiplyAdd(-rf, 3f, 1f);
            Assert.NotEqual(0f, wantF);
            Assert.Equal(wantF, PortableVectorMath.MultiplySubtractDekker(Vector128.Create(rf), Vector128.Create(3f), Vector128.Create(1f)).GetElement(3));
            Assert.Equal(wantF, PortableVectorMath.MultiplySubtractDekker(Vector256.Create(rf), Vector256.Create(3f), Vector256.Create(1f)).GetElement(7));
            Assert.Equal(wantF, PortableVectorMath.MultiplySubtractDekker(Vector512.Create(rf), Vector512.Create(3f), Vector512.Create(1f)).GetElement(15));
        }

        // a = c/b rounded, so c − a·b is a few ulps of c: the case LogRatio uses (a quotient, a denominator, a numerator).
        private static (double A, double B, double C) DoubleOperands(Random random)
        {
            while (true)
            {
                double b = (random.NextDouble() + 1e-3) * Math.Pow(2, random.Next(-60, 20));
                double c = (random.NextDouble() + 1e-3) * Math.Pow(2, random.Next(-60, 20));
                double a = c / b;
                if (double.IsNormal(a) && a < 1e250)
                {
                    return (a, b, c);
                }
            }
        }

        private static (float A, float B, float C) SingleOperands(Random random)
        {
            while (true)
            {
                float b = (float)((random.NextDouble() + 1e-3) * Math.Pow(2, random.Next(-30, 10)));
                float c = (float)((random.NextDouble() + 1e-3) * Math.Pow(2, random.Next(-30, 10)));
                float a = c / b;
                if (float.IsNormal(a) && a < 1e30f)
                {
                    return (a, b, c);
                }
            }
        }

        private static void Check(double[] a, double[] b, double[] c, Vector128<double> got) => Check(a, b, c, i => got.GetElement(i), Vector128<double>.Count);

        private static void Check(double[] a, double[] b, double[] c, Vector256<double> got) => Check(a, b, c, i => got.GetElement(i), Vector256<double>.Count);

        private static void Check(double[] a, double[] b, double[] c, Vector512<double> got) => Check(a, b, c, i => got.GetElement(i), Vector512<double>.Count);

        private static void Check(float[] a, float[] b, float[] c, Vector128<float> got) => Check(a, b, c, i => got.GetElement(i), Vector128<float>.Count);

        private static void Check(float[] a, float[] b, float[] c, Vector256<float> got) => Check(a, b, c, i => got.GetElement(i), Vector256<float>.Count);

        private static void Check(float[] a, float[] b, float[] c, Vector512<float> got) => Check(a, b, c, i => got.GetElement(i), Vector512<float>.Count);

        private static void Check(double[] a, double[] b, double[] c, Func<int, double> lane, int lanes)
        {
            for (int i = 0; i < lanes; i++)
            {
                Assert.Equal(Math.FusedMultiplyAdd(-a[i], b[i], c[i]), lane(i));
            }
        }

        private static void Check(float[] a, float[] b, float[] c, Func<int, float> lane, int lanes)
        {
            for (int i = 0; i < lanes; i++)
            {
                Assert.Equal(MathF.FusedMultiplyAdd(-a[i], b[i], c[i]), lane(i));
            }
        }
    }
}
