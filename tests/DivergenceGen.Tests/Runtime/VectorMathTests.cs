using System;
using System.Collections.Generic;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// Every lane of every overload of <see cref="VectorMath"/> (what generated code calls) and of the internal
    /// <see cref="PortableVectorMath"/> (what net8.0 builds run), 3 widths × 2 precisions, against a double-double reference.
    /// </summary>
    /// <remarks>
    /// Errors are measured in ulps of the exact result (|computed − exact| / ulp(exact), the reference being good to ~2^-100).
    /// The bound asserted is 2 ulp, the promise in the XML docs: fdlibm's log and log1p are below 1 ulp (measured 0.76–0.80),
    /// so 2 leaves room for platform differences without hiding a real defect (a wrong coefficient, a bad range reduction or a
    /// lost correction term costs thousands of ulps). The BCL's Vector128/256/512.Log on .NET 10 measured 2.57 ulp (double) and
    /// 2.13 ulp (float) on these inputs, and Goldberg's log(u)·x/(u − 1) in float 2.24 ulp: why VectorMath uses neither.
    /// Where a second, integer-ulp comparison is made against Math.Log / MathF.Log (themselves within 1 ulp), the same 2 applies.
    /// </remarks>
    public sealed partial class VectorMathTests
    {
        private const double MaxUlp = 2.0;
        private const int RandomCount = 1 << 15;

        private readonly ITestOutputHelper output;

        public VectorMathTests(ITestOutputHelper output) => this.output = output;

        // ------------------------------------------------------------------ overloads under test, by name

        public static TheoryData<string> DoubleOverloads => new() { "Public128", "Public256", "Public512", "Portable128", "Portable256", "Portable512" };

        private static Func<double[], double[]> DoubleLog(string name) => name switch
        {
            "Public128" => xs => Apply128(xs, VectorMath.Log),
            "Public256" => xs => Apply256(xs, VectorMath.Log),
            "Public512" => xs => Apply512(xs, VectorMath.Log),
            "Portable128" => xs => Apply128(xs, PortableVectorMath.Log),
            "Portable256" => xs => Apply256(xs, PortableVectorMath.Log),
            "Portable512" => xs => Apply512(xs, PortableVectorMath.Log),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        private static Func<double[], double[]> DoubleLog1p(string name) => name switch
        {
            "Public128" => xs => Apply128(xs, VectorMath.Log1p),
            "Public256" => xs => Apply256(xs, VectorMath.Log1p),
            "Public512" => xs => Apply512(xs, VectorMath.Log1p),
            "Portable128" => xs => Apply128(xs, PortableVectorMath.Log1p),
            "Portable256" => xs => Apply256(xs, PortableVectorMath.Log1p),
            "Portable512" => xs => Apply512(xs, PortableVectorMath.Log1p),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        private static Func<float[], float[]> SingleLog(string name) => name switch
        {
            "Public128" => xs => Apply128(xs, VectorMath.Log),
            "Public256" => xs => Apply256(xs, VectorMath.Log),
            "Public512" => xs => Apply512(xs, VectorMath.Log),
            "Portable128" => xs => Apply128(xs, PortableVectorMath.Log),
            "Portable256" => xs => Apply256(xs, PortableVectorMath.Log),
            "Portable512" => xs => Apply512(xs, PortableVectorMath.Log),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        private static Func<float[], float[]> SingleLog1p(string name) => name switch
        {
            "Public128" => xs => Apply128(xs, VectorMath.Log1p),
            "Public256" => xs => Apply256(xs, VectorMath.Log1p),
            "Public512" => xs => Apply512(xs, VectorMath.Log1p),
            "Portable128" => xs => Apply128(xs, PortableVectorMath.Log1p),
            "Portable256" => xs => Apply256(xs, PortableVectorMath.Log1p),
            "Portable512" => xs => Apply512(xs, PortableVectorMath.Log1p),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        // ------------------------------------------------------------------ Log

        [Theory]
        [MemberData(nameof(DoubleOverloads))]
        public void LogDouble_WithinTwoUlpOfExact_AndMatchesMathLogOnSpecials(string overload)
        {
            double[] xs = DoubleLogInputs();
            double[] ys = DoubleLog(overload)(xs);
            var worst = new Worst();
            var vsMath = new Worst();
            for (int i = 0; i < xs.Length; i++)
            {
                double x = xs[i];
                if (x > 0 && double.IsFinite(x))
                {
                    worst.Add(x, ys[i], UlpError(ys[i], DoubleDoubleLog.Log(x)));
                    // Math.Log is itself within 1 ulp, so this distance can be 1 more than the error above.
                    vsMath.Add(x, ys[i], UlpDistance(ys[i], Math.Log(x)));
                }
                else
                {
                    AssertSame(Math.Log(x), ys[i], $"log({x:R})");
                }
            }

            this.output.WriteLine($"Log double {overload}: {worst}; integer ulps from Math.Log: {vsMath}");
            Assert.True(worst.Ulp <= MaxUlp, $"Log double {overload}: {worst}");
            Assert.True(vsMath.Ulp <= MaxUlp, $"Log double {overload} against Math.Log: {vsMath}");
        }

        [Theory]
        [MemberData(nameof(DoubleOverloads))]
        public void LogSingle_WithinTwoUlpOfExact_AndMatchesMathFLogOnSpecials(string overload)
        {
            float[] xs = SingleLogInputs();
            float[] ys = SingleLog(overload)(xs);
            var worst = new Worst();
            var vsMath = new Worst();
            for (int i = 0; i < xs.Length; i++)
            {
                float x = xs[i];
                if (x > 0 && float.IsFinite(x))
                {
                    worst.Add(x, ys[i], UlpErrorSingle(ys[i], DoubleDoubleLog.Log(x).Hi));
                    vsMath.Add(x, ys[i], UlpDistance(ys[i], MathF.Log(x)));
                }
                else
                {
                    AssertSame(MathF.Log(x), ys[i], $"log({x:R}f)");
                }
            }

            this.output.WriteLine($"Log float {overload}: {worst}; integer ulps from MathF.Log: {vsMath}");
            Assert.True(worst.Ulp <= MaxUlp, $"Log float {overload}: {worst}");
            Assert.True(vsMath.Ulp <= MaxUlp, $"Log float {overload} against MathF.Log: {vsMath}");
        }

        // ------------------------------------------------------------------ Log1p

        [Theory]
        [MemberData(nameof(DoubleOverloads))]
        public void Log1pDouble_WithinTwoUlpOfExact_AndSpecials(string overload)
        {
            double[] xs = DoubleLog1pInputs();
            double[] ys = DoubleLog1p(overload)(xs);
            var worst = new Worst();
            for (int i = 0; i < xs.Length; i++)
            {
                double x = xs[i];
                if (x > -1 && double.IsFinite(x) && x != 0)
                {
                    worst.Add(x, ys[i], UlpError(ys[i], DoubleDoubleLog.Log1p(x)));
                }
                else
                {
                    AssertSame(Log1pSpecial(x), ys[i], $"log1p({x:R})");
                }
            }

            this.output.WriteLine($"Log1p double {overload}: {worst}");
            Assert.True(worst.Ulp <= MaxUlp, $"Log1p double {overload}: {worst}");
        }

        [Theory]
        [MemberData(nameof(DoubleOverloads))]
        public void Log1pSingle_WithinTwoUlpOfExact_AndSpecials(string overload)
        {
            float[] xs = SingleLog1pInputs();
            float[] ys = SingleLog1p(overload)(xs);
            var worst = new Worst();
            var vsMath = new Worst();
            for (int i = 0; i < xs.Length; i++)
            {
                float x = xs[i];
                if (x > -1 && float.IsFinite(x) && x != 0)
                {
                    worst.Add(x, ys[i], UlpErrorSingle(ys[i], DoubleDoubleLog.Log1p(x).Hi));
                    // The double ScalarMath.Log1p rounded to float is the float result the scalar path gives.
                    vsMath.Add(x, ys[i], UlpDistance(ys[i], (float)ScalarMath.Log1p((double)x)));
                }
                else
                {
                    AssertSame((float)Log1pSpecial(x), ys[i], $"log1p({x:R}f)");
                }
            }

            this.output.WriteLine($"Log1p float {overload}: {worst}; integer ulps from (float)ScalarMath.Log1p(double): {vsMath}");
            Assert.True(worst.Ulp <= MaxUlp, $"Log1p float {overload}: {worst}");
            Assert.True(vsMath.Ulp <= MaxUlp, $"Log1p float {overload} against (float)ScalarMath.Log1p(double): {vsMath}");
        }

        // ------------------------------------------------------------------ ScalarMath.Log1p

        [Fact]
        public void ScalarLog1pDouble_WithinTwoUlpOfExact_AndSpecials()
        {
            // Goldberg's trick on Math.Log: measured 1.79 ulp (theory allows a little more: about 5 half-ulps).
            double[] xs = DoubleLog1pInputs();
            var worst = new Worst();
            foreach (double x in xs)
            {
                double y = ScalarMath.Log1p(x);
                if (x > -1 && double.IsFinite(x) && x != 0)
                {
                    worst.Add(x, y, UlpError(y, DoubleDoubleLog.Log1p(x)));
                }
                else
                {
                    AssertSame(Log1pSpecial(x), y, $"ScalarMath.Log1p({x:R})");
                }
            }

            this.output.WriteLine($"ScalarMath.Log1p double: {worst}");
            Assert.True(worst.Ulp <= MaxUlp, $"ScalarMath.Log1p double: {worst}");
        }

        [Fact]
        public void ScalarLog1pSingle_WithinOneUlpOfExact_AndSpecials()
        {
            // Computed in double and rounded once: within half an ulp plus a hair.
            float[] xs = SingleLog1pInputs();
            var worst = new Worst();
            foreach (float x in xs)
            {
                float y = ScalarMath.Log1p(x);
                if (x > -1 && float.IsFinite(x) && x != 0)
                {
                    worst.Add(x, y, UlpErrorSingle(y, DoubleDoubleLog.Log1p(x).Hi));
                }
                else
                {
                    AssertSame((float)Log1pSpecial(x), y, $"ScalarMath.Log1p({x:R}f)");
                }
            }

            this.output.WriteLine($"ScalarMath.Log1p float: {worst}");
            Assert.True(worst.Ulp <= 0.51, $"ScalarMath.Log1p float: {worst}");
        }

        [Theory]
        [InlineData(0.0, 0.0)]
        [InlineData(-1.0, double.NegativeInfinity)]
        [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity, double.NaN)]
        [InlineData(-1.5, double.NaN)]
        [InlineData(double.NaN, double.NaN)]
        [InlineData(1e-300, 1e-300)]
        [InlineData(-1e-300, -1e-300)]
        [InlineData(double.Epsilon, double.Epsilon)]
        public void ScalarLog1p_Specials(double x, double expected)
        {
            AssertSame(expected, ScalarMath.Log1p(x), $"ScalarMath.Log1p({x:R})");
            AssertSame((float)expected, ScalarMath.Log1p((float)x), $"ScalarMath.Log1p({(float)x:R}f)");
        }

        [Fact]
        public void Log1p_OfNegativeZero_IsNegativeZero_EveryOverload()
        {
            foreach (string name in DoubleOverloadNames)
            {
                Assert.True(double.IsNegative(DoubleLog1p(name)(new[] { -0.0 })[0]), name);
                Assert.True(float.IsNegative(SingleLog1p(name)(new[] { -0.0f })[0]), name);
            }

            Assert.True(double.IsNegative(ScalarMath.Log1p(-0.0)));
            Assert.True(float.IsNegative(ScalarMath.Log1p(-0.0f)));
        }

        // ------------------------------------------------------------------ inputs

        private static readonly string[] DoubleOverloadNames = { "Public128", "Public256", "Public512", "Portable128", "Portable256", "Portable512" };

        private static double[] DoubleLogInputs()
        {
            var xs = new List<double>
            {
                0.0, -0.0, double.Epsilon, 2 * double.Epsilon, 1e-320, 1e-310, 2.2250738585072009E-308 /* largest subnormal */,
                2.2250738585072014E-308 /* smallest normal */, 1.0, Math.BitIncrement(1.0), Math.BitDecrement(1.0), 2.0, Math.E,
                0.5, Math.Sqrt(0.5), Math.BitDecrement(Math.Sqrt(0.5)), Math.Sqrt(2.0), Math.BitIncrement(Math.Sqrt(2.0)),
                double.MaxValue, double.PositiveInfinity, -1.0, -double.Epsilon, -double.MaxValue, double.NegativeInfinity, double.NaN,
                BitConverter.UInt64BitsToDouble(0xFFF8000000000001UL) /* a negative NaN with a payload */,
            };
            var rng = new Random(20250611);
            for (int i = 0; i < RandomCount; i++)
            {
                // Uniform over positive finite bit patterns = log-uniform over the whole exponent range, subnormals included.
                xs.Add(BitConverter.UInt64BitsToDouble((ulong)rng.NextInt64(1, 0x7FF0000000000000L)));
            }

            for (int i = 0; i < RandomCount; i++)
            {
                // Near 1, where log is small and its relative accuracy is hardest; and around the √½ / √2 reduction edges.
                xs.Add(0.6 + 0.9 * rng.NextDouble());
            }

            for (int i = 0; i < 256; i++)
            {
                xs.Add(-Math.Exp(700 * rng.NextDouble()));
            }

            return xs.ToArray();
        }

        private static float[] SingleLogInputs()
        {
            var xs = new List<float>
            {
                0f, -0f, float.Epsilon, 2 * float.Epsilon, 1e-40f, 1.1754942E-38f /* largest subnormal */, 1.17549435E-38f /* smallest normal */,
                1f, MathF.BitIncrement(1f), MathF.BitDecrement(1f), 2f, MathF.E, 0.5f, MathF.Sqrt(0.5f), MathF.BitDecrement(MathF.Sqrt(0.5f)),
                MathF.Sqrt(2f), MathF.BitIncrement(MathF.Sqrt(2f)), float.MaxValue, float.PositiveInfinity, -1f, -float.Epsilon,
                -float.MaxValue, float.NegativeInfinity, float.NaN,
            };
            var rng = new Random(20250612);
            for (int i = 0; i < RandomCount; i++)
            {
                xs.Add(BitConverter.UInt32BitsToSingle((uint)rng.Next(1, 0x7F800000)));
            }

            for (int i = 0; i < RandomCount; i++)
            {
                xs.Add(0.6f + 0.9f * rng.NextSingle());
            }

            // Every float in [0.99, 1.01] would be 2.6M values; take a dense stride around 1 instead.
            for (uint bits = 0x3F7D0000u; bits < 0x3F830000u; bits += 7)
            {
                xs.Add(BitConverter.UInt32BitsToSingle(bits));
            }

            for (int i = 0; i < 256; i++)
            {
                xs.Add(-MathF.Exp(80 * rng.NextSingle()));
            }

            return xs.ToArray();
        }

        private static double[] DoubleLog1pInputs()
        {
            var xs = new List<double>
            {
                0.0, -0.0, 1e-300, -1e-300, 1e-20, -1e-20, 1e-8, -1e-8, double.Epsilon, -double.Epsilon, 1.1102230246251565E-16 /* 2^-53 */,
                -1.1102230246251565E-16, 2.220446049250313E-16, -5.551115123125783E-17, -0.5, -1.0, -1.0 + 1.1102230246251565E-16 /* −1 + ulp */,
                Math.BitIncrement(-1.0), 1.0, Math.E - 1, 1e300, double.MaxValue, double.PositiveInfinity,
                -1.5, -2.0, double.NegativeInfinity, double.NaN, Math.Sqrt(2.0) - 1, Math.Sqrt(0.5) - 1,
            };
            var rng = new Random(20250613);
            for (int i = 0; i < RandomCount; i++)
            {
                // log-uniform magnitudes: positive over the whole range, negative below 1.
                xs.Add(BitConverter.UInt64BitsToDouble((ulong)rng.NextInt64(1, 0x7FF0000000000000L)));
                xs.Add(-BitConverter.UInt64BitsToDouble((ulong)rng.NextInt64(1, 0x3FF0000000000000L)));
            }

            for (int i = 0; i < RandomCount; i++)
            {
                xs.Add(-1.0 + 2.0 * rng.NextDouble());
                xs.Add(-1.0 + Math.ScaleB(1.0, -rng.Next(1, 54)) * (1 + rng.NextDouble()) / 2); // just above −1
            }

            return xs.ToArray();
        }

        private static float[] SingleLog1pInputs()
        {
            var xs = new List<float>
            {
                0f, -0f, 1e-30f, -1e-30f, 1e-20f, -1e-20f, 1e-8f, -1e-8f, float.Epsilon, -float.Epsilon, 5.9604645E-08f /* 2^-24 */,
                -5.9604645E-08f, 1.1920929E-07f, -2.9802322E-08f, -0.5f, -1f, MathF.BitIncrement(-1f), 1f, MathF.E - 1, 1e30f,
                float.MaxValue, float.PositiveInfinity, -1.5f, -2f, float.NegativeInfinity, float.NaN,
            };
            var rng = new Random(20250614);
            for (int i = 0; i < RandomCount; i++)
            {
                xs.Add(BitConverter.UInt32BitsToSingle((uint)rng.Next(1, 0x7F800000)));
                xs.Add(-BitConverter.UInt32BitsToSingle((uint)rng.Next(1, 0x3F800000)));
            }

            for (int i = 0; i < RandomCount; i++)
            {
                xs.Add(-1f + 2f * rng.NextSingle());
                xs.Add(-1f + MathF.ScaleB(1f, -rng.Next(1, 25)) * (1 + rng.NextSingle()) / 2);
            }

            return xs.ToArray();
        }

        // log1p of the values the ulp measurement leaves out: ±0, −1, +∞ and outside the domain.
        private static double Log1pSpecial(double x) => x == 0 ? x : x == -1 ? double.NegativeInfinity : x < -1 || double.IsNaN(x) ? double.NaN : double.PositiveInfinity;

        // ------------------------------------------------------------------ lane plumbing: every input visits a lane in turn

        private static double[] Apply128(double[] xs, Func<Vector128<double>, Vector128<double>> f) => Apply(xs, Vector128<double>.Count, (i, o) => f(Vector128.Create(i)).CopyTo(o), 1.0);

        private static double[] Apply256(double[] xs, Func<Vector256<double>, Vector256<double>> f) => Apply(xs, Vector256<double>.Count, (i, o) => f(Vector256.Create(i)).CopyTo(o), 1.0);

        private static double[] Apply512(double[] xs, Func<Vector512<double>, Vector512<double>> f) => Apply(xs, Vector512<double>.Count, (i, o) => f(Vector512.Create(i)).CopyTo(o), 1.0);

        private static float[] Apply128(float[] xs, Func<Vector128<float>, Vector128<float>> f) => Apply(xs, Vector128<float>.Count, (i, o) => f(Vector128.Create(i)).CopyTo(o), 1f);

        private static float[] Apply256(float[] xs, Func<Vector256<float>, Vector256<float>> f) => Apply(xs, Vector256<float>.Count, (i, o) => f(Vector256.Create(i)).CopyTo(o), 1f);

        private static float[] Apply512(float[] xs, Func<Vector512<float>, Vector512<float>> f) => Apply(xs, Vector512<float>.Count, (i, o) => f(Vector512.Create(i)).CopyTo(o), 1f);

        private static T[] Apply<T>(T[] xs, int count, Action<T[], T[]> run, T pad)
        {
            var result = new T[xs.Length];
            var lanes = new T[count];
            var outLanes = new T[count];
            for (int i = 0; i < xs.Length; i += count)
            {
                Array.Fill(lanes, pad);
                Array.Copy(xs, i, lanes, 0, Math.Min(count, xs.Length - i));
                run(lanes, outLanes);
                Array.Copy(outLanes, 0, result, i, Math.Min(count, xs.Length - i));
            }

            return result;
        }

        // ------------------------------------------------------------------ error measures

        // |y − (hi + lo)| in ulps of the exact value (the ulp of hi's binade; subnormal results: 2^-1074).
        private static double UlpError(double y, (double Hi, double Lo) exact)
        {
            if (!double.IsFinite(y))
            {
                return double.PositiveInfinity;
            }

            double diff = (y - exact.Hi) - exact.Lo; // y − hi is exact when they are within a factor of 2
            return Math.Abs(diff) / Ulp(exact.Hi);
        }

        private static double UlpErrorSingle(float y, double exact)
        {
            if (!float.IsFinite(y))
            {
                return double.PositiveInfinity;
            }

            double ulp = exact == 0 ? Math.ScaleB(1.0, -149) : Math.ScaleB(1.0, Math.Max(Math.ILogB(exact) - 23, -149));
            return Math.Abs(y - exact) / ulp;
        }

        private static double Ulp(double v) => v == 0 ? double.Epsilon : Math.ScaleB(1.0, Math.Max(Math.ILogB(v) - 52, -1074));

        private static long UlpDistance(double a, double b)
        {
            if (a == b || (double.IsNaN(a) && double.IsNaN(b)))
            {
                return 0;
            }

            long ia = BitConverter.DoubleToInt64Bits(a), ib = BitConverter.DoubleToInt64Bits(b);
            ia = ia < 0 ? long.MinValue - ia : ia;
            ib = ib < 0 ? long.MinValue - ib : ib;
            return Math.Abs(ia - ib);
        }

        private static long UlpDistance(float a, float b)
        {
            if (a == b || (float.IsNaN(a) && float.IsNaN(b)))
            {
                return 0;
            }

            long ia = BitConverter.SingleToInt32Bits(a), ib = BitConverter.SingleToInt32Bits(b);
            ia = ia < 0 ? int.MinValue - ia : ia;
            ib = ib < 0 ? int.MinValue - ib : ib;
            return Math.Abs(ia - ib);
        }

        // Same value: both NaN, or equal with the same sign (so −0 ≠ +0).
        private static void AssertSame(double expected, double actual, string what)
        {
            bool same = double.IsNaN(expected) ? double.IsNaN(actual) : expected.Equals(actual) && double.IsNegative(expected) == double.IsNegative(actual);
            Assert.True(same, $"{what}: expected {expected:R}, got {actual:R}");
        }

        private static void AssertSame(float expected, float actual, string what)
        {
            bool same = float.IsNaN(expected) ? float.IsNaN(actual) : expected.Equals(actual) && float.IsNegative(expected) == float.IsNegative(actual);
            Assert.True(same, $"{what}: expected {expected:R}, got {actual:R}");
        }

        private sealed class Worst
        {
            public double Ulp { get; private set; }

            private double x;
            private double y;
            private long n;

            public void Add(double input, double result, double ulp)
            {
                this.n++;
                if (!(ulp <= this.Ulp))
                {
                    this.Ulp = ulp;
                    this.x = input;
                    this.y = result;
                }
            }

            /// <summary>Adds another tally's inputs; keeps the larger maximum.</summary>
            public void Merge(Worst other)
            {
                this.n += other.n - 1;
                this.Add(other.x, other.y, other.Ulp);
            }

            public override string ToString() => $"max {this.Ulp:F3} ulp over {this.n} inputs (x = {this.x:R} → {this.y:R})";
        }
    }
}
