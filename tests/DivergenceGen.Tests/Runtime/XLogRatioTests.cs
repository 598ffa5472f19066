using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// <see cref="VectorMath.XLogRatio(Vector512{double}, Vector512{double})"/> and its five siblings: the KL term x·log(x/y),
    /// 0 where x ≤ 0, which generated KL sums call. Against a double-double x·log(x/y) on the cases of
    /// <see cref="LogRatioAccuracyTests"/> (close, general, tiny and huge operands), and lane for lane equal in meaning to the
    /// guarded product it replaces on the special lanes (zeros, infinities, NaN, subnormals).
    /// </summary>
    /// <remarks>
    /// Tolerance 3 ulp of the term, as for LogRatio: on AVX-512 the 512-bit double overload is x·log r + (x − r·y) with
    /// r = x/y — the log's 0.54 ulp, the final rounding, and the first-order correction's neglected second-order part
    /// (≤ 2⁻¹⁰⁶ relative); elsewhere x·LogRatio(x, y), LogRatio's 3 ulp plus the product's rounding ≤ 3.5. Measured ≤ 2.0
    /// over all widths and both precisions.
    /// A dropped residual fails these cases (tests/mutations/xlogratio-drops-residual).
    /// </remarks>
    public sealed class XLogRatioTests
    {
        private const double MaxUlp = 3.0;
        private const int Cases = 2_000;

        private readonly ITestOutputHelper output;

        public XLogRatioTests(ITestOutputHelper output) => this.output = output;

        public static TheoryData<string> Kinds => new() { "close", "general", "tiny", "huge" };

        [Theory]
        [MemberData(nameof(Kinds))]
        public void DoubleOverloadsWithinThreeUlpOfTheTerm(string kind)
        {
            var random = new Random(LogRatioAccuracyTests.StableSeed(kind) ^ 0x1DEA);
            var x = new double[Cases];
            var y = new double[Cases];
            for (int i = 0; i < Cases; i++)
            {
                (x[i], y[i]) = LogRatioAccuracyTests.DoubleCase(kind, random);
            }

            double worst128 = 0, worst256 = 0, worst512 = 0;
            for (int i = 0; i + 8 <= Cases; i += 8)
            {
                var v128 = VectorMath.XLogRatio(Vector128.Create(x[i], x[i + 1]), Vector128.Create(y[i], y[i + 1]));
                var v256 = VectorMath.XLogRatio(Vector256.Create(x, i), Vector256.Create(y, i));
                var v512 = VectorMath.XLogRatio(Vector512.Create(x, i), Vector512.Create(y, i));
                for (int lane = 0; lane < 8; lane++)
                {
                    int j = i + lane;
                    var exact = Term(x[j], y[j]);
                    worst512 = Math.Max(worst512, LogRatioAccuracyTests.UlpError(v512.GetElement(lane), exact));
                    worst256 = lane < 4 ? Math.Max(worst256, LogRatioAccuracyTests.UlpError(v256.GetElement(lane), exact)) : worst256;
                    worst128 = lane < 2 ? Math.Max(worst128, LogRatioAccuracyTests.UlpError(v128.GetElement(lane), exact)) : worst128;
                }
            }

            this.output.WriteLine($"XLogRatio {kind}: 128 {worst128:F3}, 256 {worst256:F3}, 512 {worst512:F3} ulp");
            Assert.True(worst128 <= MaxUlp, $"XLogRatio(Vector128<double>) {kind}: {worst128} ulp");
            Assert.True(worst256 <= MaxUlp, $"XLogRatio(Vector256<double>) {kind}: {worst256} ulp");
            Assert.True(worst512 <= MaxUlp, $"XLogRatio(Vector512<double>) {kind}: {worst512} ulp");
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public void SingleOverloadsWithinThreeUlpOfTheTerm(string kind)
        {
            var random = new Random(LogRatioAccuracyTests.StableSeed(kind) ^ 0xF1DEA);
            var x = new float[Cases];
            var y = new float[Cases];
            for (int i = 0; i < Cases; i++)
            {
                (x[i], y[i]) = LogRatioAccuracyTests.SingleCase(kind, random);
            }

            double worst128 = 0, worst256 = 0, worst512 = 0;
            for (int i = 0; i + 16 <= Cases; i += 16)
            {
                float[] v128 = Lanes(VectorMath.XLogRatio(Vector128.Create(x, i), Vector128.Create(y, i)));
                float[] v256 = Lanes(VectorMath.XLogRatio(Vector256.Create(x, i), Vector256.Create(y, i)));
                float[] v512 = Lanes(VectorMath.XLogRatio(Vector512.Create(x, i), Vector512.Create(y, i)));
                for (int lane = 0; lane < 16; lane++)
                {
                    int j = i + lane;
                    var exact = Term(x[j], y[j]);
                    worst512 = Math.Max(worst512, LogRatioAccuracyTests.UlpError(v512[lane], exact));
                    worst256 = lane < 8 ? Math.Max(worst256, LogRatioAccuracyTests.UlpError(v256[lane], exact)) : worst256;
                    worst128 = lane < 4 ? Math.Max(worst128, LogRatioAccuracyTests.UlpError(v128[lane], exact)) : worst128;
                }
            }

            this.output.WriteLine($"XLogRatio float {kind}: 128 {worst128:F3}, 256 {worst256:F3}, 512 {worst512:F3} ulp");
            Assert.True(worst128 <= MaxUlp, $"XLogRatio(Vector128<float>) {kind}: {worst128} ulp");
            Assert.True(worst256 <= MaxUlp, $"XLogRatio(Vector256<float>) {kind}: {worst256} ulp");
            Assert.True(worst512 <= MaxUlp, $"XLogRatio(Vector512<float>) {kind}: {worst512} ulp");
        }

        [Fact]
        public void SpecialLanesMatchTheGuardedProduct_EveryOverload_AndDoNotDisturbTheirNeighbours()
        {
            // x = 0 → 0; y = 0 < x → +∞; x < 0, x = NaN → 0; y = NaN < x → NaN; a subnormal x or y; then ordinary lanes.
            double[] x = { 0.0, 0.5, -0.25, double.NaN, 0.25, 5e-324, 0.375, 0.3, 1e-300, 0.5, 0.25, 0.125, 0.0625, 0.7, 0.9, 0.01 };
            double[] y = { 0.5, 0.0, 0.5, 0.5, double.NaN, 0.5, 1e-310, 0.6, 0.5, 0.5000000001, 0.75, 0.125, 0.5, 0.3, 0.1, 0.99 };
            for (int i = 0; i < x.Length; i += 8)
            {
                double[] xs = x[i..(i + 8)];
                double[] ys = y[i..(i + 8)];
                AssertLanes(xs, ys, Lanes(VectorMath.XLogRatio(Vector512.Create(xs), Vector512.Create(ys))), 8);
                AssertLanes(xs, ys, Lanes(VectorMath.XLogRatio(Vector256.Create(xs), Vector256.Create(ys))), 4);
                AssertLanes(xs, ys, Lanes(VectorMath.XLogRatio(Vector128.Create(xs), Vector128.Create(ys))), 2);
                AssertLanes(xs[4..], ys[4..], Lanes(VectorMath.XLogRatio(Vector256.Create(xs, 4), Vector256.Create(ys, 4))), 4);
                float[] xf = Array.ConvertAll(xs, v => (float)v);
                float[] yf = Array.ConvertAll(ys, v => (float)v);
                AssertLanesSingle(xf, yf, Lanes(VectorMath.XLogRatio(Vector512.Create(Concat(xf, xf)), Vector512.Create(Concat(yf, yf)))), 16);
                AssertLanesSingle(xf, yf, Lanes(VectorMath.XLogRatio(Vector256.Create(xf), Vector256.Create(yf))), 8);
                AssertLanesSingle(xf, yf, Lanes(VectorMath.XLogRatio(Vector128.Create(xf), Vector128.Create(yf))), 4);
            }
        }

        private static void AssertLanes(double[] x, double[] y, double[] got, int lanes)
        {
            for (int lane = 0; lane < lanes; lane++)
            {
                double value = got[lane];
                double want = x[lane] > 0 ? x[lane] * ScalarMath.LogRatio(x[lane], y[lane]) : 0.0;
                AssertClose(want, value, $"x = {x[lane]:R}, y = {y[lane]:R}");
            }
        }

        private static void AssertLanesSingle(float[] x, float[] y, float[] got, int lanes)
        {
            for (int lane = 0; lane < lanes; lane++)
            {
                float value = got[lane];
                int i = lane % x.Length;
                float want = x[i] > 0 ? x[i] * ScalarMath.LogRatio(x[i], y[i]) : 0f;
                AssertClose(want, value, $"x = {x[i]:R}f, y = {y[i]:R}f");
            }
        }

        /// <summary>Same special value, or within 3 ulp of the scalar guarded product (itself within 3 ulp of exact).</summary>
        private static void AssertClose(double want, double got, string what)
        {
            if (!double.IsFinite(want) || want == 0)
            {
                Assert.True(want.Equals(got), $"{what}: want {want:R}, got {got:R}");
                return;
            }

            double ulp = Math.BitIncrement(Math.Abs(want)) - Math.Abs(want);
            Assert.True(Math.Abs(got - want) <= 6 * ulp, $"{what}: want {want:R}, got {got:R}");
        }

        private static void AssertClose(float want, float got, string what)
        {
            if (!float.IsFinite(want) || want == 0)
            {
                Assert.True(want.Equals(got), $"{what}: want {want:R}, got {got:R}");
                return;
            }

            float ulp = MathF.BitIncrement(MathF.Abs(want)) - MathF.Abs(want);
            Assert.True(MathF.Abs(got - want) <= 6 * ulp, $"{what}: want {want:R}, got {got:R}");
        }

        private static T[] Lanes<T>(Vector128<T> v) { var a = new T[Vector128<T>.Count]; v.CopyTo(a); return a; }

        private static T[] Lanes<T>(Vector256<T> v) { var a = new T[Vector256<T>.Count]; v.CopyTo(a); return a; }

        private static T[] Lanes<T>(Vector512<T> v) { var a = new T[Vector512<T>.Count]; v.CopyTo(a); return a; }

        private static float[] Concat(float[] a, float[] b)
        {
            var result = new float[a.Length + b.Length];
            a.CopyTo(result, 0);
            b.CopyTo(result, a.Length);
            return result;
        }

        /// <summary>x·log(x/y) as a double-double (the log from the double-double reference, the product by FMA).</summary>
        private static (double Hi, double Lo) Term(double x, double y)
        {
            var log = LogRatioAccuracyTests.Reference(x, y);
            double hi = x * log.Hi;
            double lo = Math.FusedMultiplyAdd(x, log.Hi, -hi) + (x * log.Lo);
            double sum = hi + lo;
            return (sum, lo - (sum - hi));
        }
    }
}
