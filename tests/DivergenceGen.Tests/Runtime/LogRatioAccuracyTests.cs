using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// <see cref="ScalarMath.LogRatio(double, double)"/>, its float overload and the six <see cref="VectorMath"/> LogRatio
    /// overloads against a double-double log(x/y), on every lane, over the whole positive range: close operands (the
    /// rounding of x/y put back), tiny numerators (the residual scaled by 2⁶⁰⁰ / 2⁶⁰ so that it is not subnormal), huge
    /// operands (where that scaling must not be applied: x·2⁶⁰⁰ would overflow), and the conventions of the zero lanes.
    /// </summary>
    /// <remarks>
    /// Tolerance: 3 ulp of the result. The promise is "as accurate as the logarithm itself" (2 ulp for VectorMath.Log,
    /// 1 for Math.Log), plus the correction term's own rounding (well under 1 ulp, as it is ~ε of the result); the reference
    /// is good to ~2⁻¹⁰⁰ relative (close operands: log1p of the exact difference over y, in double-double; otherwise
    /// log x − log y in double-double, whose absolute error ~10⁻²⁸ is far below an ulp of a result ≥ 10⁻³). A lost residual, an
    /// unscaled subnormal residual or an overflowed scaling costs from thousands of ulps to NaN. Written against mutants that
    /// survived the maths unit tests (targeted Stryker run, docs/testing.md): they did not call the float and Vector512
    /// overloads nor the scaling branches; the generated kernels call some of them, with probabilities only.
    /// </remarks>
    public sealed class LogRatioAccuracyTests
    {
        private const double MaxUlp = 3.0;
        private const int Cases = 2_000;

        private readonly ITestOutputHelper output;

        public LogRatioAccuracyTests(ITestOutputHelper output) => this.output = output;

        public static TheoryData<string> Kinds => new() { "close", "general", "tiny", "huge" };

        [Theory]
        [MemberData(nameof(Kinds))]
        public void DoubleOverloadsWithinThreeUlp(string kind)
        {
            var random = new Random(StableSeed(kind) ^ 0x5EED);
            var x = new double[Cases];
            var y = new double[Cases];
            for (int i = 0; i < Cases; i++)
            {
                (x[i], y[i]) = DoubleCase(kind, random);
            }

            double worstScalar = 0, worst128 = 0, worst256 = 0, worst512 = 0;
            for (int i = 0; i + 8 <= Cases; i += 8)
            {
                var v128 = VectorMath.LogRatio(Vector128.Create(x[i], x[i + 1]), Vector128.Create(y[i], y[i + 1]));
                var v256 = VectorMath.LogRatio(Vector256.Create(x, i), Vector256.Create(y, i));
                var v512 = VectorMath.LogRatio(Vector512.Create(x, i), Vector512.Create(y, i));
                for (int lane = 0; lane < 8; lane++)
                {
                    int j = i + lane;
                    var exact = Reference(x[j], y[j]);
                    worstScalar = Math.Max(worstScalar, UlpError(ScalarMath.LogRatio(x[j], y[j]), exact));
                    worst256 = lane < 4 ? Math.Max(worst256, UlpError(v256.GetElement(lane), exact)) : worst256;
                    worst512 = Math.Max(worst512, UlpError(v512.GetElement(lane), exact));
                    worst128 = lane < 2 ? Math.Max(worst128, UlpError(v128.GetElement(lane), exact)) : worst128;
                }
            }

            this.output.WriteLine($"{kind}: scalar {worstScalar:F3}, 128 {worst128:F3}, 256 {worst256:F3}, 512 {worst512:F3} ulp");
            Assert.True(worstScalar <= MaxUlp, $"ScalarMath.LogRatio(double) {kind}: {worstScalar} ulp");
            Assert.True(worst128 <= MaxUlp, $"VectorMath.LogRatio(Vector128<double>) {kind}: {worst128} ulp");
            Assert.True(worst256 <= MaxUlp, $"VectorMath.LogRatio(Vector256<double>) {kind}: {worst256} ulp");
            Assert.True(worst512 <= MaxUlp, $"VectorMath.LogRatio(Vector512<double>) {kind}: {worst512} ulp");
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void SingleOverloadsWithinThreeUlp(string kind)
        {
            var random = new Random(StableSeed(kind) ^ 0xF10A7);
            var x = new float[Cases];
            var y = new float[Cases];
            for (int i = 0; i < Cases; i++)
            {
                (x[i], y[i]) = SingleCase(kind, random);
            }

            double worstScalar = 0, worst128 = 0, worst256 = 0, worst512 = 0;
            for (int i = 0; i + 16 <= Cases; i += 16)
            {
                var v128 = VectorMath.LogRatio(Vector128.Create(x, i), Vector128.Create(y, i));
                var v256 = VectorMath.LogRatio(Vector256.Create(x, i), Vector256.Create(y, i));
                var v512 = VectorMath.LogRatio(Vector512.Create(x, i), Vector512.Create(y, i));
                for (int lane = 0; lane < 16; lane++)
                {
                    int j = i + lane;
                    var exact = Reference(x[j], y[j]);
                    worstScalar = Math.Max(worstScalar, UlpError(ScalarMath.LogRatio(x[j], y[j]), exact));
                    worst128 = lane < 4 ? Math.Max(worst128, UlpError(v128.GetElement(lane), exact)) : worst128;
                    worst256 = lane < 8 ? Math.Max(worst256, UlpError(v256.GetElement(lane), exact)) : worst256;
                    worst512 = Math.Max(worst512, UlpError(v512.GetElement(lane), exact));
                }
            }

            this.output.WriteLine($"{kind}: scalar {worstScalar:F3}, 128 {worst128:F3}, 256 {worst256:F3}, 512 {worst512:F3} ulp");
            Assert.True(worstScalar <= MaxUlp, $"ScalarMath.LogRatio(float) {kind}: {worstScalar} ulp");
            Assert.True(worst128 <= MaxUlp, $"VectorMath.LogRatio(Vector128<float>) {kind}: {worst128} ulp");
            Assert.True(worst256 <= MaxUlp, $"VectorMath.LogRatio(Vector256<float>) {kind}: {worst256} ulp");
            Assert.True(worst512 <= MaxUlp, $"VectorMath.LogRatio(Vector512<float>) {kind}: {worst512} ulp");
        }

        [Fact]
        public void ZeroAndInfiniteLanesFollowLogOfTheQuotient_EveryOverload()
        {
            // Lane by lane: x = 0 → −∞, y = 0 < x → +∞, both 0 → NaN, next to ordinary lanes (which must not be disturbed).
            double[] x = { 0.0, 0.5, 0.0, 0.25, 0.0, 0.75, 0.125, 0.3 };
            double[] y = { 0.5, 0.0, 0.0, 0.5, 0.25, 0.0, 0.125, 0.6 };
            double[] want = { double.NegativeInfinity, double.PositiveInfinity, double.NaN, -Math.Log(2), double.NegativeInfinity, double.PositiveInfinity, 0.0, -Math.Log(2) };
            for (int i = 0; i < x.Length; i++)
            {
                Assert.Equal(want[i], ScalarMath.LogRatio(x[i], y[i]), 15);
                Assert.Equal((float)want[i], ScalarMath.LogRatio((float)x[i], (float)y[i]), 6);
            }

            var d512 = VectorMath.LogRatio(Vector512.Create(x), Vector512.Create(y));
            var d256 = VectorMath.LogRatio(Vector256.Create(x, 4), Vector256.Create(y, 4));
            var d128 = VectorMath.LogRatio(Vector128.Create(x, 0), Vector128.Create(y, 0));
            float[] xf = Array.ConvertAll(x, v => (float)v);
            float[] yf = Array.ConvertAll(y, v => (float)v);
            var f512 = VectorMath.LogRatio(Vector512.Create(Repeat(xf)), Vector512.Create(Repeat(yf)));
            var f256 = VectorMath.LogRatio(Vector256.Create(xf), Vector256.Create(yf));
            var f128 = VectorMath.LogRatio(Vector128.Create(xf, 2), Vector128.Create(yf, 2));
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(want[lane], d512.GetElement(lane), 15);
                Assert.Equal((float)want[lane], f256.GetElement(lane), 6);
                Assert.Equal((float)want[lane], f512.GetElement(lane), 6);
                Assert.Equal((float)want[lane], f512.GetElement(lane + 8), 6);
            }

            for (int lane = 0; lane < 4; lane++)
            {
                Assert.Equal(want[lane + 4], d256.GetElement(lane), 15);
                Assert.Equal((float)want[lane + 2], f128.GetElement(lane), 6);
            }

            Assert.Equal(want[0], d128.GetElement(0));
            Assert.Equal(want[1], d128.GetElement(1));
        }

        [Fact]
        public void ASpecialLaneDoesNotCostTheOtherLanesTheirAccuracy_AndUnsafeQuotientsFallBack_EveryOverload()
        {
            // Zero lanes next to close operands: the zero lanes are masked out of the fallback test, so the close lanes keep
            // the residual correction (log x − log y there would be wrong by ~1 ulp of log x, 100% of this result).
            double close = 0.30000000000000004;
            double[] x = { 0.0, 0.3, 0.5, 0.3, 0.0, 0.3, 0.0, 0.3 };
            double[] y = { 0.5, close, 0.0, close, 0.0, close, 0.25, close };
            var exact = Reference(0.3, close);
            var d128 = VectorMath.LogRatio(Vector128.Create(x), Vector128.Create(y));
            var d256 = VectorMath.LogRatio(Vector256.Create(x), Vector256.Create(y));
            var d512 = VectorMath.LogRatio(Vector512.Create(x), Vector512.Create(y));
            Assert.Equal(double.NegativeInfinity, d128.GetElement(0));
            Assert.True(UlpError(d128.GetElement(1), exact) <= MaxUlp, "Vector128<double> close lane");
            for (int lane = 1; lane < 8; lane += 2)
            {
                Assert.True(UlpError(d512.GetElement(lane), exact) <= MaxUlp, $"Vector512<double> close lane {lane}");
                Assert.True(lane >= 4 || UlpError(d256.GetElement(lane), exact) <= MaxUlp, $"Vector256<double> close lane {lane}");
            }

            float closeF = MathF.BitIncrement(0.3f);
            float[] xf = { 0f, 0.3f, 0.5f, 0.3f, 0f, 0.3f, 0f, 0.3f, 0f, 0.3f, 0.5f, 0.3f, 0f, 0.3f, 0f, 0.3f };
            float[] yf = { 0.5f, closeF, 0f, closeF, 0f, closeF, 0.25f, closeF, 0.5f, closeF, 0f, closeF, 0f, closeF, 0.25f, closeF };
            var exactF = Reference(0.3f, closeF);
            var f128 = VectorMath.LogRatio(Vector128.Create(xf), Vector128.Create(yf));
            var f256 = VectorMath.LogRatio(Vector256.Create(xf), Vector256.Create(yf));
            var f512 = VectorMath.LogRatio(Vector512.Create(xf), Vector512.Create(yf));
            for (int lane = 1; lane < 16; lane += 2)
            {
                Assert.True(UlpError(f512.GetElement(lane), exactF) <= MaxUlp, $"Vector512<float> close lane {lane}");
                Assert.True(lane >= 8 || UlpError(f256.GetElement(lane), exactF) <= MaxUlp, $"Vector256<float> close lane {lane}");
                Assert.True(lane >= 4 || UlpError(f128.GetElement(lane), exactF) <= MaxUlp, $"Vector128<float> close lane {lane}");
            }

            // A subnormal operand: the quotient overflows (or is subnormal), and the vector falls back to log x − log y (finite).
            double[] ux = { 1.0, 1e-310, 0.5, 0.25, 1.0, 1e-310, 0.5, 0.25 };
            double[] uy = { 1e-310, 1.0, 0.25, 0.5, 1e-310, 1.0, 0.25, 0.5 };
            var u128 = VectorMath.LogRatio(Vector128.Create(ux), Vector128.Create(uy));
            var u256 = VectorMath.LogRatio(Vector256.Create(ux), Vector256.Create(uy));
            var u512 = VectorMath.LogRatio(Vector512.Create(ux), Vector512.Create(uy));
            for (int lane = 0; lane < 8; lane++)
            {
                var want = Reference(ux[lane], uy[lane]);
                Assert.True(UlpError(u512.GetElement(lane), want) <= MaxUlp, $"Vector512<double> fallback lane {lane}: {u512.GetElement(lane)}");
                Assert.True(lane >= 4 || UlpError(u256.GetElement(lane), want) <= MaxUlp, $"Vector256<double> fallback lane {lane}");
                Assert.True(lane >= 2 || UlpError(u128.GetElement(lane), want) <= MaxUlp, $"Vector128<double> fallback lane {lane}");
                Assert.True(UlpError(ScalarMath.LogRatio(ux[lane], uy[lane]), want) <= MaxUlp, $"ScalarMath fallback {lane}");
            }

            float[] uxf = { 1f, 1e-40f, 0.5f, 0.25f, 1f, 1e-40f, 0.5f, 0.25f, 1f, 1e-40f, 0.5f, 0.25f, 1f, 1e-40f, 0.5f, 0.25f };
            float[] uyf = { 1e-40f, 1f, 0.25f, 0.5f, 1e-40f, 1f, 0.25f, 0.5f, 1e-40f, 1f, 0.25f, 0.5f, 1e-40f, 1f, 0.25f, 0.5f };
            var v128 = VectorMath.LogRatio(Vector128.Create(uxf), Vector128.Create(uyf));
            var v256 = VectorMath.LogRatio(Vector256.Create(uxf), Vector256.Create(uyf));
            var v512 = VectorMath.LogRatio(Vector512.Create(uxf), Vector512.Create(uyf));
            for (int lane = 0; lane < 16; lane++)
            {
                var want = Reference(uxf[lane], uyf[lane]);
                Assert.True(UlpError(v512.GetElement(lane), want) <= MaxUlp, $"Vector512<float> fallback lane {lane}: {v512.GetElement(lane)}");
                Assert.True(lane >= 8 || UlpError(v256.GetElement(lane), want) <= MaxUlp, $"Vector256<float> fallback lane {lane}");
                Assert.True(lane >= 4 || UlpError(v128.GetElement(lane), want) <= MaxUlp, $"Vector128<float> fallback lane {lane}");
                Assert.True(UlpError(ScalarMath.LogRatio(uxf[lane], uyf[lane]), want) <= MaxUlp, $"ScalarMath(float) fallback {lane}");
            }

            // The largest finite operands still take the corrected path (x·y ≤ MaxValue is part of "finite").
            // (Three ulps below MaxValue: there the quotient's rounding is a large part of the result, in both directions.)
            double max = double.MaxValue, below = Math.BitDecrement(Math.BitDecrement(Math.BitDecrement(double.MaxValue)));
            Assert.True(UlpError(ScalarMath.LogRatio(max, below), Reference(max, below)) <= MaxUlp, "LogRatio(MaxValue, MaxValue − 3 ulp)");
            Assert.True(UlpError(ScalarMath.LogRatio(below, max), Reference(below, max)) <= MaxUlp, "LogRatio(MaxValue − 3 ulp, MaxValue)");
            float maxF = float.MaxValue, belowF = MathF.BitDecrement(MathF.BitDecrement(MathF.BitDecrement(float.MaxValue)));
            Assert.True(UlpError(ScalarMath.LogRatio(maxF, belowF), Reference(maxF, belowF)) <= MaxUlp, "LogRatio(float.MaxValue, float.MaxValue − 3 ulp)");
            Assert.True(UlpError(ScalarMath.LogRatio(belowF, maxF), Reference(belowF, maxF)) <= MaxUlp, "LogRatio(float.MaxValue − 3 ulp, float.MaxValue)");
        }

        // ------------------------------------------------------------------ cases

        /// <summary>A seed from the case name that is the same in every process (string.GetHashCode is randomised per process).</summary>
        internal static int StableSeed(string kind)
        {
            int seed = 17;
            foreach (char c in kind)
            {
                seed = unchecked((seed * 31) + c);
            }

            return seed;
        }

        internal static (double X, double Y) DoubleCase(string kind, Random random)
        {
            switch (kind)
            {
                case "close":
                    {
                        // y anywhere in the normal range, x within a few hundred ulps of it.
                        double y = Scaled(random, -1000, 1000);
                        double x = y;
                        int steps = random.Next(-300, 301);
                        for (int s = 0; s < Math.Abs(steps); s++)
                        {
                            x = steps > 0 ? Math.BitIncrement(x) : Math.BitDecrement(x);
                        }

                        return (x, y);
                    }

                case "general":
                    return (Scaled(random, -60, 1), Scaled(random, -60, 1));
                case "tiny":
                    // x below 2⁻⁹⁰⁰ (the scaled branch), y within 2⁴⁰ of it so that the quotient is normal.
                    {
                        double x = Scaled(random, -1020, -901);
                        return (x, x * Scaled(random, -40, 40));
                    }

                default:
                    // x above 2⁴²⁴, where x·2⁶⁰⁰ overflows: the scaling must not be applied.
                    {
                        double x = Scaled(random, 424, 1000);
                        return (x, x * Scaled(random, -20, 20));
                    }
            }
        }

        internal static (float X, float Y) SingleCase(string kind, Random random)
        {
            switch (kind)
            {
                case "close":
                    {
                        float y = (float)Scaled(random, -120, 120);
                        float x = y;
                        int steps = random.Next(-40, 41);
                        for (int s = 0; s < Math.Abs(steps); s++)
                        {
                            x = steps > 0 ? MathF.BitIncrement(x) : MathF.BitDecrement(x);
                        }

                        return (x, y);
                    }

                case "general":
                    return ((float)Scaled(random, -30, 1), (float)Scaled(random, -30, 1));
                case "tiny":
                    // x below 2⁻⁹⁰ (the scaled branch), y within 2¹⁵ of it.
                    {
                        float x = (float)Scaled(random, -125, -91);
                        return (x, x * (float)Scaled(random, -15, 15));
                    }

                default:
                    // x above 2⁶⁸, where x·2⁶⁰ overflows.
                    {
                        float x = (float)Scaled(random, 68, 122);
                        return (x, x * (float)Scaled(random, -2, 2));
                    }
            }
        }

        internal static double Scaled(Random random, int minExponent, int maxExponent) =>
            (1.0 + random.NextDouble()) * Math.Pow(2, random.Next(minExponent, maxExponent));

        private static float[] Repeat(float[] eight)
        {
            var sixteen = new float[16];
            eight.CopyTo(sixteen, 0);
            eight.CopyTo(sixteen, 8);
            return sixteen;
        }

        // ------------------------------------------------------------------ reference and error

        /// <summary>log(x/y) in double-double: log1p((x − y)/y) with x − y exact where x and y are within a factor 2, else log x − log y.</summary>
        internal static (double Hi, double Lo) Reference(double x, double y)
        {
            if (y / 2 <= x && x <= 2 * y)
            {
                double d = x - y; // exact (Sterbenz)
                var q = DoubleDoubleLog.Div(d, 0.0, y, 0.0);
                var onePlusQ = DoubleDoubleLog.Add(1.0, 0.0, q.Hi, q.Lo);
                return d == 0 ? (0.0, 0.0) : DoubleDoubleLog.Log(onePlusQ.Hi, onePlusQ.Lo);
            }

            var lx = DoubleDoubleLog.Log(x);
            var ly = DoubleDoubleLog.Log(y);
            return DoubleDoubleLog.Add(lx.Hi, lx.Lo, -ly.Hi, -ly.Lo);
        }

        internal static double UlpError(double got, (double Hi, double Lo) exact)
        {
            if (exact.Hi == 0)
            {
                return got == 0 ? 0.0 : double.PositiveInfinity;
            }

            if (!double.IsFinite(got))
            {
                return double.PositiveInfinity;
            }

            double ulp = Math.BitIncrement(Math.Abs(exact.Hi)) - Math.Abs(exact.Hi);
            return Math.Abs((got - exact.Hi) - exact.Lo) / ulp;
        }

        internal static double UlpError(float got, (double Hi, double Lo) exact)
        {
            if (exact.Hi == 0)
            {
                return got == 0 ? 0.0 : double.PositiveInfinity;
            }

            if (!float.IsFinite(got))
            {
                return double.PositiveInfinity;
            }

            float rounded = (float)Math.Abs(exact.Hi);
            double ulp = (double)MathF.BitIncrement(rounded) - rounded;
            return Math.Abs(got - exact.Hi) / ulp;
        }
    }
}
