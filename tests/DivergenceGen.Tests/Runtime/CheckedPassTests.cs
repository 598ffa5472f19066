using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// The first pass's forms without a per-lane domain test, for kernels over probabilities they check themselves
    /// (<see cref="VectorMath.LogOfCheckedProbability{TPass}(Vector512{double})"/>,
    /// <see cref="VectorMath.XLogRatioOfCheckedProbabilities{TPass}(Vector512{double}, Vector512{double})"/>), and the floor
    /// those kernels test once instead (<see cref="ProbabilityLanes.Floor(Vector512{double}, Vector512{double}, Vector512{double})"/>,
    /// <see cref="ProbabilityLanes.AllAtLeast(Vector512{double}, double)"/>).
    /// </summary>
    /// <remarks>
    /// The contract the generated kernels rely on, for arguments in [+0, 1]: at or above the floor a lane is bit for bit
    /// the general function's value; below it the floor test sends the kernel to its second pass; a lane whose q is 0 (or
    /// whose quotient overflows) under a positive p is not finite, which the kernel's finiteness test catches; a lane
    /// p = 0 &lt; q of x·log(x/y) is +0. The second pass is the general function.
    /// </remarks>
    public sealed class CheckedPassTests
    {
        private static bool TableRuns(int bits) => bits switch
        {
            512 => Avx512F.IsSupported,
            256 => Avx2.IsSupported && Fma.IsSupported,
            _ => false,
        };

        /// <summary>Probabilities in [floor, 1]: every binade, the ends, and values next to 1.</summary>
        private static double[] Probabilities(int seed, double floor)
        {
            var random = new Random(seed);
            var x = new double[4096];
            double[] edges = { floor, BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(floor) + 1), 1.0, 1.0 - 1.1e-16, 0.5, 0.75 };
            double logFloor = Math.Log(floor);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = i < edges.Length ? edges[i]
                    : i % 4 == 0 ? 1.0 - (random.NextDouble() * 1e-6)
                    : Math.Max(floor, Math.Exp(random.NextDouble() * logFloor));
            }

            return x;
        }

        private static float[] SingleProbabilities(int seed, float floor) =>
            Array.ConvertAll(Probabilities(seed, floor), v => Math.Max(floor, (float)v));

        [Fact]
        public void LogOfCheckedProbability_IsLogAtOrAboveTheFloor_Double()
        {
            double[] x = Probabilities(1, ProbabilityLanes.LogFloor);
            for (int i = 0; i + 8 <= x.Length; i += 8)
            {
                var fast512 = VectorMath.LogOfCheckedProbability<FastPass>(Vector512.Create(x, i));
                var general512 = VectorMath.LogOfCheckedProbability<GeneralPass>(Vector512.Create(x, i));
                var fast256 = VectorMath.LogOfCheckedProbability<FastPass>(Vector256.Create(x, i));
                var fast128 = VectorMath.LogOfCheckedProbability<FastPass>(Vector128.Create(x, i));
                for (int lane = 0; lane < 8; lane++)
                {
                    long expected = BitConverter.DoubleToInt64Bits(VectorMath.Log(Vector512.Create(x[i + lane])).GetElement(0));
                    Assert.Equal(expected, BitConverter.DoubleToInt64Bits(fast512.GetElement(lane)));
                    Assert.Equal(expected, BitConverter.DoubleToInt64Bits(general512.GetElement(lane)));
                    if (lane < 4)
                    {
                        Assert.Equal(
                            BitConverter.DoubleToInt64Bits(VectorMath.Log(Vector256.Create(x[i + lane])).GetElement(0)),
                            BitConverter.DoubleToInt64Bits(fast256.GetElement(lane)));
                    }

                    if (lane < 2)
                    {
                        Assert.Equal(
                            BitConverter.DoubleToInt64Bits(VectorMath.Log(Vector128.Create(x[i + lane])).GetElement(0)),
                            BitConverter.DoubleToInt64Bits(fast128.GetElement(lane)));
                    }
                }
            }
        }

        [Fact]
        public void LogOfCheckedProbability_IsLogAtOrAboveTheFloor_Single()
        {
            float[] x = SingleProbabilities(2, ProbabilityLanes.LogFloorSingle);
            for (int i = 0; i + 16 <= x.Length; i += 16)
            {
                var fast512 = VectorMath.LogOfCheckedProbability<FastPass>(Vector512.Create(x, i));
                var fast256 = VectorMath.LogOfCheckedProbability<FastPass>(Vector256.Create(x, i));
                var fast128 = VectorMath.LogOfCheckedProbability<FastPass>(Vector128.Create(x, i));
                for (int lane = 0; lane < 16; lane++)
                {
                    float xi = x[i + lane];
                    Assert.Equal(BitConverter.SingleToInt32Bits(VectorMath.Log(Vector512.Create(xi)).GetElement(0)), BitConverter.SingleToInt32Bits(fast512.GetElement(lane)));
                    if (lane < 8)
                    {
                        Assert.Equal(BitConverter.SingleToInt32Bits(VectorMath.Log(Vector256.Create(xi)).GetElement(0)), BitConverter.SingleToInt32Bits(fast256.GetElement(lane)));
                    }

                    if (lane < 4)
                    {
                        Assert.Equal(BitConverter.SingleToInt32Bits(VectorMath.Log(Vector128.Create(xi)).GetElement(0)), BitConverter.SingleToInt32Bits(fast128.GetElement(lane)));
                    }
                }
            }
        }

        [Fact]
        public void LogOfCheckedProbability_GeneralPassIsLogEverywhere()
        {
            double[] special = { 0.0, 5e-324, 1e-310, 2.2250738585072014E-308, 0.5, 1.0, 1e-300, 0.25 };
            var general = VectorMath.LogOfCheckedProbability<GeneralPass>(Vector512.Create(special));
            var general256 = VectorMath.LogOfCheckedProbability<GeneralPass>(Vector256.Create(special));
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(
                    BitConverter.DoubleToInt64Bits(VectorMath.Log(Vector512.Create(special[lane])).GetElement(0)),
                    BitConverter.DoubleToInt64Bits(general.GetElement(lane)));
                if (lane < 4)
                {
                    Assert.Equal(
                        BitConverter.DoubleToInt64Bits(VectorMath.Log(Vector256.Create(special[lane])).GetElement(0)),
                        BitConverter.DoubleToInt64Bits(general256.GetElement(lane)));
                }
            }

            float[] single = { 0f, 1e-45f, 1e-40f, 1.17549435E-38f, 0.5f, 1f, 1e-30f, 0.25f };
            var generalSingle = VectorMath.LogOfCheckedProbability<GeneralPass>(Vector256.Create(single));
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(
                    BitConverter.SingleToInt32Bits(VectorMath.Log(Vector256.Create(single[lane])).GetElement(0)),
                    BitConverter.SingleToInt32Bits(generalSingle.GetElement(lane)));
            }
        }

        [Fact]
        public void XLogRatioOfCheckedProbabilities_IsXLogRatioInItsDomain_NotFiniteWhereQIsZero_Double()
        {
            double[] x = Probabilities(3, ProbabilityLanes.XLogRatioFloor);
            double[] y = Probabilities(4, ProbabilityLanes.LogFloor);
            Array.Reverse(y);
            var random = new Random(5);
            for (int i = 8; i < x.Length; i += 5)
            {
                x[i] = 0; // p = 0 < q: +0
                y[i + 1] = x[i + 1] * (1 - (random.NextDouble() * 1e-9)); // p ≈ q
                y[i + 2] = 0; // q = 0 < p: not finite
            }

            for (int i = 0; i + 8 <= x.Length; i += 8)
            {
                var fast512 = VectorMath.XLogRatioOfCheckedProbabilities<FastPass>(Vector512.Create(x, i), Vector512.Create(y, i));
                var general512 = VectorMath.XLogRatioOfCheckedProbabilities<GeneralPass>(Vector512.Create(x, i), Vector512.Create(y, i));
                var fast256 = VectorMath.XLogRatioOfCheckedProbabilities<FastPass>(Vector256.Create(x, i), Vector256.Create(y, i));
                for (int lane = 0; lane < 8; lane++)
                {
                    double xi = x[i + lane], yi = y[i + lane];
                    string what = $"x = {xi:R}, y = {yi:R}";
                    double general = VectorMath.XLogRatio(Vector512.Create(xi), Vector512.Create(yi)).GetElement(0);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.XLogRatio(Vector512.Create(x, i), Vector512.Create(y, i)).GetElement(lane)), BitConverter.DoubleToInt64Bits(general512.GetElement(lane)));
                    AssertLane(fast512.GetElement(lane), general, xi, yi, TableRuns(512), what + " at 512 bits");
                    if (lane < 4)
                    {
                        double general256 = VectorMath.XLogRatio(Vector256.Create(xi), Vector256.Create(yi)).GetElement(0);
                        AssertLane(fast256.GetElement(lane), general256, xi, yi, TableRuns(256), what + " at 256 bits");
                    }
                }
            }
        }

        [Fact]
        public void XLogRatioOfCheckedProbabilities_IsXLogRatioInItsDomain_NotFiniteWhereQIsZero_Single()
        {
            float[] x = SingleProbabilities(6, ProbabilityLanes.XLogRatioFloorSingle);
            float[] y = SingleProbabilities(7, ProbabilityLanes.LogFloorSingle);
            Array.Reverse(y);
            for (int i = 16; i < x.Length; i += 5)
            {
                x[i] = 0;
                y[i + 2] = 0;
            }

            for (int i = 0; i + 16 <= x.Length; i += 16)
            {
                var fast512 = VectorMath.XLogRatioOfCheckedProbabilities<FastPass>(Vector512.Create(x, i), Vector512.Create(y, i));
                var fast256 = VectorMath.XLogRatioOfCheckedProbabilities<FastPass>(Vector256.Create(x, i), Vector256.Create(y, i));
                for (int lane = 0; lane < 16; lane++)
                {
                    float xi = x[i + lane], yi = y[i + lane];
                    string what = $"x = {xi:R}, y = {yi:R}";
                    AssertLane(fast512.GetElement(lane), VectorMath.XLogRatio(Vector512.Create(xi), Vector512.Create(yi)).GetElement(0), xi, yi, TableRuns(512), what + " at 512 bits");
                    if (lane < 8)
                    {
                        AssertLane(fast256.GetElement(lane), VectorMath.XLogRatio(Vector256.Create(xi), Vector256.Create(yi)).GetElement(0), xi, yi, TableRuns(256), what + " at 256 bits");
                    }
                }
            }
        }

        /// <summary>A quotient that overflows (a subnormal q under a large p) gives a lane that is not finite.</summary>
        [Fact]
        public void XLogRatioOfCheckedProbabilities_QuotientOverflow_IsNotFinite()
        {
            var x = Vector512.Create(0.5, 0.25, 1.0, 0.125, 0.5, 0.5, 0.75, 1e-10);
            var y = Vector512.Create(1e-320, 5e-324, 1e-315, 4e-320, 1e-310, 3e-322, 1e-318, 1e-323);
            var fast512 = VectorMath.XLogRatioOfCheckedProbabilities<FastPass>(x, y);
            var fast256 = VectorMath.XLogRatioOfCheckedProbabilities<FastPass>(x.GetLower(), y.GetLower());
            for (int lane = 0; lane < 8; lane++)
            {
                double ratio = x.GetElement(lane) / y.GetElement(lane);
                if (double.IsInfinity(ratio))
                {
                    // Where the table does not run, the forms with the per-lane test: NaN, or (the JIT's software fallback
                    // of a whole 512-bit vector) the general value.
                    double general = VectorMath.XLogRatio(Vector512.Create(x.GetElement(lane)), Vector512.Create(y.GetElement(lane))).GetElement(0);
                    Assert.True(
                        TableRuns(512) ? !double.IsFinite(fast512.GetElement(lane)) : double.IsNaN(fast512.GetElement(lane)) || fast512.GetElement(lane) == general,
                        $"lane {lane}: {fast512.GetElement(lane):R}");
                    if (lane < 4)
                    {
                        Assert.False(double.IsFinite(fast256.GetElement(lane)) && TableRuns(256), $"lane {lane} at 256 bits: {fast256.GetElement(lane):R}");
                    }
                }
                else
                {
                    Assert.Equal(VectorMath.XLogRatio(Vector512.Create(x.GetElement(lane)), Vector512.Create(y.GetElement(lane))).GetElement(0), fast512.GetElement(lane));
                }
            }
        }

        [Fact]
        public void Floor_IgnoresLanesWithoutWeight_AndFlagsSmallArgumentsUnderAWeight()
        {
            var start = Vector512.Create(double.PositiveInfinity);
            var weight = Vector512.Create(0.5, 0.0, 0.5, 0.0, 1.0, 0.25, 0.0, 1e-300);
            var arguments = Vector512.Create(0.5, 0.0, 1e-300, 5e-324, 1.0, 0.25, 1e-320, 1e-300);
            var floor = ProbabilityLanes.Floor(start, weight, arguments);
            Assert.True(ProbabilityLanes.AllAtLeast(floor, ProbabilityLanes.LogFloor));       // every weighted argument is normal
            Assert.False(ProbabilityLanes.AllAtLeast(floor, ProbabilityLanes.XLogRatioFloor)); // 1e-300 < 2⁻⁹⁰⁰
            Assert.True(ProbabilityLanes.AllAtLeast(floor, 1e-300));                           // the floor itself passes

            var zeroUnderWeight = ProbabilityLanes.Floor(floor, Vector512.Create(0.5), Vector512.Create(0.5, 0.5, 0.5, 0.0, 0.5, 0.5, 0.5, 0.5));
            Assert.False(ProbabilityLanes.AllAtLeast(zeroUnderWeight, ProbabilityLanes.LogFloor));
            Assert.True(ProbabilityLanes.AllAtLeast(Vector128.Create(double.PositiveInfinity), ProbabilityLanes.LogFloor)); // nothing folded

            // At 256 bits the fold happens where the checked forms skip their test: on AVX-512VL, not on AVX2.
            var subnormalUnderWeight = ProbabilityLanes.Floor(start.GetLower(), Vector256.Create(1.0), Vector256.Create(0.5, 2e-308, 0.5, 0.5));
            Assert.Equal(!Avx512F.VL.IsSupported, ProbabilityLanes.AllAtLeast(subnormalUnderWeight, ProbabilityLanes.LogFloor));
            var single = ProbabilityLanes.Floor(Vector256.Create(float.PositiveInfinity), Vector256.Create(1f, 0f, 1f, 1f, 1f, 1f, 1f, 1f), Vector256.Create(0.5f, 1e-45f, 1e-30f, 1f, 0.5f, 0.5f, 0.5f, 0.5f));
            Assert.True(ProbabilityLanes.AllAtLeast(single, ProbabilityLanes.LogFloorSingle));
            Assert.Equal(!Avx512F.VL.IsSupported, ProbabilityLanes.AllAtLeast(single, ProbabilityLanes.XLogRatioFloorSingle)); // 1e-30 < 2⁻⁹⁰

            var singles = ProbabilityLanes.Floor(Vector512.Create(float.PositiveInfinity), Vector512.Create(1f), Vector512.Create(0.5f));
            Assert.True(ProbabilityLanes.AllAtLeast(singles, ProbabilityLanes.LogFloorSingle));
            Assert.Equal(0.5f, singles.GetElement(15));
            Assert.False(ProbabilityLanes.AllAtLeast(
                ProbabilityLanes.Floor(singles, Vector512.Create(1f), Vector512.Create(0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 1e-40f)),
                ProbabilityLanes.LogFloorSingle));
            Assert.False(ProbabilityLanes.AllAtLeast(
                ProbabilityLanes.Floor(singles, Vector512.Create(1f), Vector512.Create(0f)),
                ProbabilityLanes.LogFloorSingle)); // a zero argument under a positive weight
        }

        /// <summary>
        /// A first-pass lane against the general function's: in the domain (x = 0 &lt; y, or x at or above the floor, y &gt; 0 and
        /// x/y finite) the same bits where the table runs (else the tested form, NaN allowed off its own path); where y = 0 &lt; x,
        /// not finite.
        /// </summary>
        private static void AssertLane(double fast, double general, double x, double y, bool tableRuns, string what)
        {
            if (y == 0 && x > 0)
            {
                Assert.False(double.IsFinite(fast), $"{what}: {fast:R} where y = 0 < x");
                return;
            }

            if (!tableRuns && double.IsNaN(fast))
            {
                return; // the tested form: NaN where its own fast path ends
            }

            Assert.True(
                BitConverter.DoubleToInt64Bits(fast) == BitConverter.DoubleToInt64Bits(general),
                $"{what}: {fast:R}, the general value is {general:R}");
        }
    }
}
