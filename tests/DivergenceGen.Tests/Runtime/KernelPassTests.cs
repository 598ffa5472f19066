using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// The two passes of a generated kernel (<see cref="IKernelPass"/>): <c>Log&lt;TPass&gt;</c>, <c>XLogRatio&lt;TPass&gt;</c> and
    /// <c>Deviance&lt;TPass&gt;</c> at every width and precision, and the generated Categorical raw-vector kernels (entropy,
    /// KL, cross-entropy, Jensen–Shannon) on inputs that need the second pass.
    /// </summary>
    /// <remarks>
    /// The contract of the first pass: a lane is either bit for bit what the general function gives for that lane alone (the
    /// fast path's value) or NaN; it is NaN only outside the fast path's domain; and a lane x = 0 of XLogRatio is +0, so
    /// that sparse inputs (a one-hot P) stay in the first pass. The second pass is the general function, bit for bit.
    /// A kernel whose NaN rerun were missing returns NaN for the subnormal and q = 0 &lt; p inputs below.
    /// </remarks>
    public sealed class KernelPassTests
    {
        private static readonly double[] DoubleSpecials =
        {
            0.0, -0.0, 5e-324, 1e-310, 2.2250738585072014E-308, 1e-300, 0.25, 1.0, 3.5, double.MaxValue,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, -1.0,
        };

        private static readonly float[] SingleSpecials =
        {
            0f, -0f, 1e-45f, 1e-40f, 1.17549435E-38f, 1e-30f, 0.25f, 1f, 3.5f, float.MaxValue,
            float.PositiveInfinity, float.NegativeInfinity, float.NaN, -1f,
        };

        /// <summary>Whether the table log (with an out-of-line general path) runs at this width and precision on this CPU.</summary>
        private static bool TableRuns(int bits, bool single) => bits switch
        {
            512 => Avx512F.IsSupported,
            256 => Avx2.IsSupported && Fma.IsSupported, // single and (since the 256-bit double table) double
            _ => false,
        };

        private static double[] DoubleInputs(int seed)
        {
            var random = new Random(seed);
            var x = new double[4096];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = i < DoubleSpecials.Length * 8
                    ? DoubleSpecials[(i * 7 + i / DoubleSpecials.Length) % DoubleSpecials.Length]
                    : Math.Exp((random.NextDouble() - 0.5) * 1400); // positive normals from 1e-304 to 1e304
            }

            return x;
        }

        private static float[] SingleInputs(int seed)
        {
            var random = new Random(seed);
            var x = new float[4096];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = i < SingleSpecials.Length * 8
                    ? SingleSpecials[(i * 7 + i / SingleSpecials.Length) % SingleSpecials.Length]
                    : (float)Math.Exp((random.NextDouble() - 0.5) * 170);
            }

            return x;
        }

        private static bool PositiveNormal(double x) => double.IsNormal(x) && x > 0;

        [Fact]
        public void Log_FastPassIsTheFastPathOrNaN_GeneralPassIsLog_Double()
        {
            double[] x = DoubleInputs(11);
            for (int i = 0; i + 8 <= x.Length; i += 8)
            {
                var v512 = Vector512.Create(x, i);
                var fast512 = VectorMath.Log<FastPass>(v512);
                var general512 = VectorMath.Log<GeneralPass>(v512);
                var fast256 = VectorMath.Log<FastPass>(Vector256.Create(x, i));
                var fast128 = VectorMath.Log<FastPass>(Vector128.Create(x, i));
                for (int lane = 0; lane < 8; lane++)
                {
                    double xi = x[i + lane];
                    double alone = VectorMath.Log(Vector512.Create(xi)).GetElement(0);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.Log(v512).GetElement(lane)), BitConverter.DoubleToInt64Bits(general512.GetElement(lane)));
                    AssertFastLane(fast512.GetElement(lane), alone, mayBeNaN: TableRuns(512, single: false) && !PositiveNormal(xi), $"Log<FastPass>(Vector512) of {xi:R}");
                    if (lane < 4)
                    {
                        AssertFastLane(fast256.GetElement(lane), VectorMath.Log(Vector256.Create(xi)).GetElement(0), TableRuns(256, single: false) && !PositiveNormal(xi), $"Log<FastPass>(Vector256) of {xi:R}");
                    }

                    if (lane < 2)
                    {
                        AssertFastLane(fast128.GetElement(lane), VectorMath.Log(Vector128.Create(xi)).GetElement(0), mayBeNaN: false, $"Log<FastPass>(Vector128) of {xi:R}");
                    }
                }
            }
        }

        [Fact]
        public void Log_FastPassIsTheFastPathOrNaN_GeneralPassIsLog_Single()
        {
            float[] x = SingleInputs(12);
            for (int i = 0; i + 16 <= x.Length; i += 16)
            {
                var v512 = Vector512.Create(x, i);
                var fast512 = VectorMath.Log<FastPass>(v512);
                var fast256 = VectorMath.Log<FastPass>(Vector256.Create(x, i));
                var general256 = VectorMath.Log<GeneralPass>(Vector256.Create(x, i));
                var fast128 = VectorMath.Log<FastPass>(Vector128.Create(x, i));
                for (int lane = 0; lane < 16; lane++)
                {
                    float xi = x[i + lane];
                    bool normal = float.IsNormal(xi) && xi > 0;
                    AssertFastLane(fast512.GetElement(lane), VectorMath.Log(Vector512.Create(xi)).GetElement(0), TableRuns(512, single: true) && !normal, $"Log<FastPass>(Vector512<float>) of {xi:R}");
                    if (lane < 8)
                    {
                        AssertFastLane(fast256.GetElement(lane), VectorMath.Log(Vector256.Create(xi)).GetElement(0), TableRuns(256, single: true) && !normal, $"Log<FastPass>(Vector256<float>) of {xi:R}");
                        Assert.Equal(
                            BitConverter.SingleToInt32Bits(VectorMath.Log(Vector256.Create(x, i)).GetElement(lane)),
                            BitConverter.SingleToInt32Bits(general256.GetElement(lane)));
                    }

                    if (lane < 4)
                    {
                        AssertFastLane(fast128.GetElement(lane), VectorMath.Log(Vector128.Create(xi)).GetElement(0), mayBeNaN: false, $"Log<FastPass>(Vector128<float>) of {xi:R}");
                    }
                }
            }
        }

        /// <summary>
        /// XLogRatio's first pass: each lane is the general function's value for that lane alone, or NaN outside the fast
        /// domain; never NaN for x = 0 &lt; y or for x, y, x/y positive normals with x ≥ 2⁻⁹⁰⁰; +0 where x = 0 &lt; y.
        /// </summary>
        [Fact]
        public void XLogRatio_FastPassIsTheFastPathOrNaN_Double()
        {
            double[] x = DoubleInputs(21), y = DoubleInputs(22);
            Array.Reverse(y);
            var random = new Random(23);
            for (int i = DoubleSpecials.Length * 8; i < x.Length; i += 5)
            {
                x[i] = 0; // zeros among ordinary lanes: the sparse case the first pass must keep
                y[i + 1] = x[i + 1] * (1 + (random.NextDouble() - 0.5) * 1e-9); // x ≈ y
            }

            for (int i = 0; i + 8 <= x.Length; i += 8)
            {
                var x512 = Vector512.Create(x, i);
                var y512 = Vector512.Create(y, i);
                var fast512 = VectorMath.XLogRatio<FastPass>(x512, y512);
                var general512 = VectorMath.XLogRatio<GeneralPass>(x512, y512);
                var fast256 = VectorMath.XLogRatio<FastPass>(Vector256.Create(x, i), Vector256.Create(y, i));
                var fast128 = VectorMath.XLogRatio<FastPass>(Vector128.Create(x, i), Vector128.Create(y, i));
                for (int lane = 0; lane < 8; lane++)
                {
                    double xi = x[i + lane], yi = y[i + lane];
                    Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.XLogRatio(x512, y512).GetElement(lane)), BitConverter.DoubleToInt64Bits(general512.GetElement(lane)));
                    bool onPath = (xi == 0 && PositiveNormal(yi))
                        || (PositiveNormal(xi) && PositiveNormal(yi) && PositiveNormal(xi / yi) && xi >= 1.1830521861667747E-271);
                    string what = $"XLogRatio<FastPass>(x = {xi:R}, y = {yi:R})";
                    // Without AVX-512 the 512-bit first pass is the general function of the whole vector (which may take
                    // log x − log y for every lane); the others compute lane by lane.
                    double expected512 = TableRuns(512, single: false)
                        ? VectorMath.XLogRatio(Vector512.Create(xi), Vector512.Create(yi)).GetElement(0)
                        : general512.GetElement(lane);
                    AssertFastLane(fast512.GetElement(lane), expected512, !onPath, what + " at 512 bits");
                    if (lane < 4)
                    {
                        AssertFastLane(fast256.GetElement(lane), VectorMath.XLogRatio(Vector256.Create(xi), Vector256.Create(yi)).GetElement(0), !onPath, what + " at 256 bits");
                    }

                    if (lane < 2)
                    {
                        AssertFastLane(fast128.GetElement(lane), VectorMath.XLogRatio(Vector128.Create(xi), Vector128.Create(yi)).GetElement(0), !onPath, what + " at 128 bits");
                    }

                    if (xi == 0 && PositiveNormal(yi))
                    {
                        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(fast512.GetElement(lane))); // +0, not −0
                    }
                }
            }
        }

        [Fact]
        public void XLogRatio_FastPassIsTheFastPathOrNaN_Single()
        {
            float[] x = SingleInputs(31), y = SingleInputs(32);
            Array.Reverse(y);
            for (int i = SingleSpecials.Length * 8; i < x.Length; i += 5)
            {
                x[i] = 0;
            }

            for (int i = 0; i + 16 <= x.Length; i += 16)
            {
                var x512 = Vector512.Create(x, i);
                var y512 = Vector512.Create(y, i);
                var fast512 = VectorMath.XLogRatio<FastPass>(x512, y512);
                var general512 = VectorMath.XLogRatio<GeneralPass>(x512, y512);
                var fast256 = VectorMath.XLogRatio<FastPass>(Vector256.Create(x, i), Vector256.Create(y, i));
                var fast128 = VectorMath.XLogRatio<FastPass>(Vector128.Create(x, i), Vector128.Create(y, i));
                for (int lane = 0; lane < 16; lane++)
                {
                    float xi = x[i + lane], yi = y[i + lane];
                    Assert.Equal(BitConverter.SingleToInt32Bits(VectorMath.XLogRatio(x512, y512).GetElement(lane)), BitConverter.SingleToInt32Bits(general512.GetElement(lane)));
                    static bool Normal(float v) => float.IsNormal(v) && v > 0;
                    bool onPath = (xi == 0 && Normal(yi)) || (Normal(xi) && Normal(yi) && Normal(xi / yi) && xi >= 8.0779356E-28f);
                    string what = $"XLogRatio<FastPass>(x = {xi:R}, y = {yi:R})";
                    float expected512 = TableRuns(512, single: true)
                        ? VectorMath.XLogRatio(Vector512.Create(xi), Vector512.Create(yi)).GetElement(0)
                        : general512.GetElement(lane);
                    AssertFastLane(fast512.GetElement(lane), expected512, !onPath, what + " at 512 bits");
                    if (lane < 8)
                    {
                        float expected256 = TableRuns(256, single: true)
                            ? VectorMath.XLogRatio(Vector256.Create(xi), Vector256.Create(yi)).GetElement(0)
                            : VectorMath.XLogRatio(Vector256.Create(x, i), Vector256.Create(y, i)).GetElement(lane);
                        AssertFastLane(fast256.GetElement(lane), expected256, !onPath, what + " at 256 bits");
                    }

                    if (lane < 4)
                    {
                        AssertFastLane(fast128.GetElement(lane), VectorMath.XLogRatio(Vector128.Create(xi), Vector128.Create(yi)).GetElement(0), !onPath, what + " at 128 bits");
                    }
                }
            }
        }

        /// <summary>
        /// Deviance's first pass: each lane is the general function's value for that lane alone, or NaN; never NaN where the
        /// lane is near (|x − m| &lt; ½(x + m): the series), where x = 0 (m), or where x, m and x/m are positive normals.
        /// </summary>
        [Fact]
        public void Deviance_FastPassIsTheGeneralValueOrNaN()
        {
            double[] x = DoubleInputs(41), m = DoubleInputs(42);
            Array.Reverse(m);
            var random = new Random(43);
            for (int i = DoubleSpecials.Length * 8; i < x.Length; i += 3)
            {
                x[i] = random.NextDouble();
                m[i] = i % 2 == 0 ? x[i] * (1 + (random.NextDouble() - 0.5)) : random.NextDouble(); // near and far pairs
                x[i + 1] = i % 7 == 0 ? 0 : x[i + 1];
            }

            for (int i = 0; i + 8 <= x.Length; i += 8)
            {
                var x512 = Vector512.Create(x, i);
                var m512 = Vector512.Create(m, i);
                var fast512 = VectorMath.Deviance<FastPass>(x512, m512, x512 - m512);
                var fast256 = VectorMath.Deviance<FastPass>(Vector256.Create(x, i), Vector256.Create(m, i), Vector256.Create(x, i) - Vector256.Create(m, i));
                var fast128 = VectorMath.Deviance<FastPass>(Vector128.Create(x, i), Vector128.Create(m, i), Vector128.Create(x, i) - Vector128.Create(m, i));
                Assert.Equal(VectorMath.Deviance(x512, m512, x512 - m512), VectorMath.Deviance<GeneralPass>(x512, m512, x512 - m512));
                for (int lane = 0; lane < 8; lane++)
                {
                    double xi = x[i + lane], mi = m[i + lane], d = xi - mi;
                    if (!(xi >= 0 && mi >= 0 && double.IsFinite(xi) && double.IsFinite(mi)))
                    {
                        continue; // outside bd0's domain: nothing promised
                    }

                    bool onPath = Math.Abs(d) < (xi + mi) * 0.5 || xi == 0 || (PositiveNormal(xi) && PositiveNormal(mi) && PositiveNormal(xi / mi));
                    string what = $"Deviance<FastPass>(x = {xi:R}, m = {mi:R})";
                    AssertFastLane(fast512.GetElement(lane), VectorMath.Deviance(Vector512.Create(xi), Vector512.Create(mi), Vector512.Create(d)).GetElement(0), !onPath, what + " at 512 bits");
                    if (lane < 4)
                    {
                        AssertFastLane(fast256.GetElement(lane), VectorMath.Deviance(Vector256.Create(xi), Vector256.Create(mi), Vector256.Create(d)).GetElement(0), !onPath, what + " at 256 bits");
                    }

                    if (lane < 2)
                    {
                        AssertFastLane(fast128.GetElement(lane), VectorMath.Deviance(Vector128.Create(xi), Vector128.Create(mi), Vector128.Create(d)).GetElement(0), !onPath, what + " at 128 bits");
                    }
                }
            }
        }

        [Fact]
        public void Deviance_FastPassIsTheGeneralValueOrNaN_Single()
        {
            float[] x = SingleInputs(51), m = SingleInputs(52);
            Array.Reverse(m);
            var random = new Random(53);
            for (int i = SingleSpecials.Length * 8; i < x.Length; i += 3)
            {
                x[i] = (float)random.NextDouble();
                m[i] = i % 2 == 0 ? x[i] * (float)(1 + (random.NextDouble() - 0.5)) : (float)random.NextDouble();
            }

            for (int i = 0; i + 16 <= x.Length; i += 16)
            {
                var x512 = Vector512.Create(x, i);
                var m512 = Vector512.Create(m, i);
                var fast512 = VectorMath.Deviance<FastPass>(x512, m512, x512 - m512);
                var fast256 = VectorMath.Deviance<FastPass>(Vector256.Create(x, i), Vector256.Create(m, i), Vector256.Create(x, i) - Vector256.Create(m, i));
                var fast128 = VectorMath.Deviance<FastPass>(Vector128.Create(x, i), Vector128.Create(m, i), Vector128.Create(x, i) - Vector128.Create(m, i));
                for (int lane = 0; lane < 16; lane++)
                {
                    float xi = x[i + lane], mi = m[i + lane], d = xi - mi;
                    if (!(xi >= 0 && mi >= 0 && float.IsFinite(xi) && float.IsFinite(mi)))
                    {
                        continue;
                    }

                    static bool Normal(float v) => float.IsNormal(v) && v > 0;
                    bool onPath = Math.Abs(d) < (xi + mi) * 0.5f || xi == 0 || (Normal(xi) && Normal(mi) && Normal(xi / mi));
                    string what = $"Deviance<FastPass>(x = {xi:R}, m = {mi:R})";
                    AssertFastLane(fast512.GetElement(lane), VectorMath.Deviance(Vector512.Create(xi), Vector512.Create(mi), Vector512.Create(d)).GetElement(0), !onPath, what + " at 512 bits");
                    if (lane < 8)
                    {
                        AssertFastLane(fast256.GetElement(lane), VectorMath.Deviance(Vector256.Create(xi), Vector256.Create(mi), Vector256.Create(d)).GetElement(0), !onPath, what + " at 256 bits");
                    }

                    if (lane < 4)
                    {
                        AssertFastLane(fast128.GetElement(lane), VectorMath.Deviance(Vector128.Create(xi), Vector128.Create(mi), Vector128.Create(d)).GetElement(0), !onPath, what + " at 128 bits");
                    }
                }
            }
        }

        /// <summary>
        /// The generated raw-vector kernels on inputs whose first pass gives NaN (a subnormal probability, q = 0 &lt; p) or that
        /// stay in it (zeros in p): the results are the reference's, at K = 16 (straight-line) and K = 1000 (loops), double and
        /// float. Tolerance as PropertyTests': (4K·ε_double + 16·ε) of the terms' magnitude S = Σ p(|log p| + |log q|) (the
        /// rounding of K terms summed in double, and of each term in the element type).
        /// </summary>
        [Theory]
        [InlineData("subnormal p")]
        [InlineData("subnormal q")]
        [InlineData("q = 0 < p")]
        [InlineData("zeros in p")]
        [InlineData("one-hot p")]
        [InlineData("zeros in p and q")]
        [InlineData("small p")]
        [InlineData("subnormal q, last class")]
        [InlineData("q = 0 < p, last class")]
        public void GeneratedKernels_NeedingTheSecondPass_MatchTheReference(string kind)
        {
            // The first pass's floor (LogOfCheckedProbability, XLogRatioOfCheckedProbabilities): "subnormal q" under a
            // positive p must leave it for the log of H(P, Q), and make x·log(x/q) overflow to −∞ for KL (the sum's
            // finiteness test); "zeros in p and q" must not (a zero q under a zero p is discarded); "small p" lies between
            // the two floors; the last class is read only by the overlapping masked vector where K is not a multiple.
            Check<Cat6>(6, kind);
            Check<Cat16>(16, kind);
            Check<Cat17>(17, kind);
            Check<Cat1000>(1000, kind);

            static void Check<TCat>(int k, string kind)
                where TCat : ICategoricalSurface<TCat, double>
            {
                var random = new Random(k * 31 + kind.Length);
                var p = new double[k];
                var q = new double[k];
                for (int i = 0; i < k; i++)
                {
                    p[i] = random.NextDouble() + 0.01;
                    q[i] = random.NextDouble() + 0.01;
                }

                Normalise(p);
                Normalise(q);
                int at = k / 2 + 1;
                switch (kind)
                {
                    case "subnormal p":
                        p[at] = 3e-320;
                        break;
                    case "subnormal q":
                        q[at] = 3e-320;
                        break;
                    case "q = 0 < p":
                        q[at] = 0;
                        break;
                    case "zeros in p":
                        for (int i = 0; i < k; i += 3)
                        {
                            p[i] = 0;
                        }

                        break;
                    case "zeros in p and q":
                        for (int i = 0; i < k; i += 3)
                        {
                            p[i] = 0;
                            q[i] = 0;
                        }

                        break;
                    case "small p":
                        p[at] = 1e-290; // a normal number below 2⁻⁹⁰⁰
                        q[at] = 1.5e-290;
                        break;
                    case "subnormal q, last class":
                        q[k - 1] = 3e-320;
                        break;
                    case "q = 0 < p, last class":
                        q[k - 1] = 0;
                        break;
                    default:
                        Array.Clear(p);
                        p[at] = 1;
                        break;
                }

                Near(Reference.Entropy(p), TCat.Entropy(p), k, Reference.Scale(p, p), $"H K={k} {kind}");
                Near(Reference.KL(p, q), TCat.KLDivergence(p, q), k, Reference.Scale(p, q), $"KL K={k} {kind}");
                Near(Reference.CrossEntropy(p, q), TCat.CrossEntropy(p, q), k, Reference.Scale(p, q), $"H(P, Q) K={k} {kind}");
                Near(JensenShannon(p, q), TCat.JensenShannonDivergence(p, q), k, Reference.Scale(p, q), $"JS K={k} {kind}");
            }
        }

        [Theory]
        [InlineData("subnormal p")]
        [InlineData("q = 0 < p")]
        [InlineData("zeros in p")]
        [InlineData("subnormal q")]
        [InlineData("zeros in p and q")]
        [InlineData("q = 0 < p, last class")]
        public void GeneratedSingleKernels_NeedingTheSecondPass_MatchTheReference(string kind)
        {
            Check<Cat6F>(6, kind);
            Check<Cat17F>(17, kind);
            Check<Cat1000F>(1000, kind);
        }

        private static void Check<TCat>(int K, string kind)
            where TCat : ICategoricalSurface<TCat, float>
        {
            var random = new Random(7 + kind.Length);
            var p = new float[K];
            var q = new float[K];
            for (int i = 0; i < K; i++)
            {
                p[i] = (float)(random.NextDouble() + 0.01);
                q[i] = (float)(random.NextDouble() + 0.01);
            }

            float sp = 0, sq = 0;
            foreach (float v in p)
            {
                sp += v;
            }

            foreach (float v in q)
            {
                sq += v;
            }

            for (int i = 0; i < K; i++)
            {
                p[i] /= sp;
                q[i] /= sq;
            }

            int at = K / 2 + 1;
            switch (kind)
            {
                case "subnormal p":
                    p[at] = 1e-42f;
                    break;
                case "q = 0 < p":
                    q[at] = 0;
                    break;
                case "subnormal q":
                    q[at] = 1e-42f;
                    break;
                case "zeros in p and q":
                    for (int i = 0; i < K; i += 3)
                    {
                        p[i] = 0;
                        q[i] = 0;
                    }

                    break;
                case "q = 0 < p, last class":
                    q[K - 1] = 0;
                    break;
                default:
                    for (int i = 0; i < K; i += 3)
                    {
                        p[i] = 0;
                    }

                    break;
            }

            double[] pd = Array.ConvertAll(p, v => (double)v), qd = Array.ConvertAll(q, v => (double)v);
            Near(Reference.Entropy(pd), TCat.Entropy(p), K, Reference.Scale(pd, pd), $"H float K={K} {kind}", single: true);
            Near(Reference.KL(pd, qd), TCat.KLDivergence(p, q), K, Reference.Scale(pd, qd), $"KL float K={K} {kind}", single: true);
            Near(Reference.CrossEntropy(pd, qd), TCat.CrossEntropy(p, q), K, Reference.Scale(pd, qd), $"H(P, Q) float K={K} {kind}", single: true);
        }

        /// <summary>JS = ½ Σ p·(log p − log m) + q·(log q − log m), m = (p + q)/2, the logs apart (a subnormal p keeps its digits).</summary>
        private static double JensenShannon(double[] p, double[] q)
        {
            double sum = 0;
            for (int i = 0; i < p.Length; i++)
            {
                double m = 0.5 * p[i] + 0.5 * q[i];
                sum += (p[i] > 0 ? p[i] * (Math.Log(p[i]) - Math.Log(m)) : 0) + (q[i] > 0 ? q[i] * (Math.Log(q[i]) - Math.Log(m)) : 0);
            }

            return 0.5 * sum;
        }

        /// <summary>
        /// The two-pass batch members (Bernoulli's KL, the Gamma log-density): the first loop stops at a vector with a lane
        /// that needs the general path, and the general loop takes over from that vector. Every element must still be the
        /// instance member's value (before, at and after that vector, at every width's tail), and a destination that is also
        /// the input must be read before it is written. Tolerance as PropertyTests' batch checks: 8ε of the terms' scale.
        /// </summary>
        [Theory]
        [InlineData(3)]
        [InlineData(20)]
        [InlineData(61)]
        public void BatchMembers_FromTheVectorThatNeedsTheGeneralPath_AndInPlace(int at)
        {
            const int N = 67;
            var random = new Random(at);
            double[] p = new double[N], q = new double[N];
            for (int i = 0; i < N; i++)
            {
                p[i] = 0.01 + (0.98 * random.NextDouble());
                q[i] = 0.01 + (0.98 * random.NextDouble());
            }

            q[at] = 1;             // 1 − q = 0 < 1 − p: KL = +∞ (a far lane whose quotient is +∞)
            p[at + 2] = 3e-320;    // a subnormal p: its far lane's quotient is subnormal
            var expected = new double[N];
            for (int i = 0; i < N; i++)
            {
                expected[i] = new Coin(p[i]).KLDivergence(new Coin(q[i]));
            }

            var kl = new double[N];
            Coin.KLDivergence(p, q, kl);
            double[] inPlace = (double[])p.Clone();
            Coin.KLDivergence(inPlace, q, inPlace);
            for (int i = 0; i < N; i++)
            {
                double tolerance = 8 * Reference.EpsDouble * Reference.BernoulliScale(p[i], q[i]) + 1e-300;
                Near(expected[i], kl[i], tolerance, $"Coin.KLDivergence(span)[{i}], special at {at}");
                Near(expected[i], inPlace[i], tolerance, $"Coin.KLDivergence(span) in place [{i}], special at {at}");
            }

            // The Gamma batch log-density: a subnormal x is inside the support, and its deviance's quotient is not normal.
            var gamma = new DivergenceGen.Tests.Continuous.Gam(2.5, 1.5);
            double[] x = new double[N];
            for (int i = 0; i < N; i++)
            {
                x[i] = 0.05 + (4 * random.NextDouble());
            }

            x[at] = 4e-320;
            x[at + 1] = 1e-300;
            var logPdf = new double[N];
            gamma.LogPdf(x, logPdf);
            double[] logPdfInPlace = (double[])x.Clone();
            gamma.LogPdf(logPdfInPlace, logPdfInPlace);
            for (int i = 0; i < N; i++)
            {
                double scalar = gamma.LogPdf(x[i]);
                double tolerance = 8 * Reference.EpsDouble * Math.Max(Math.Abs(scalar), 1);
                Near(scalar, logPdf[i], tolerance, $"Gamma LogPdf(span)[{i}] at x = {x[i]:R}, special at {at}");
                Near(scalar, logPdfInPlace[i], tolerance, $"Gamma LogPdf(span) in place [{i}] at x = {x[i]:R}, special at {at}");
            }
        }

        private static void Near(double expected, double actual, double tolerance, string what) =>
            Assert.True(
                expected == actual || Math.Abs(actual - expected) <= tolerance,
                $"{what}: {actual:R}, expected {expected:R} (tolerance {tolerance:R})");

        private static void Normalise(double[] v)
        {
            double s = 0;
            foreach (double x in v)
            {
                s += x;
            }

            for (int i = 0; i < v.Length; i++)
            {
                v[i] /= s;
            }
        }

        private static void Near(double expected, double actual, int k, double scale, string what, bool single = false)
        {
            if (double.IsInfinity(expected))
            {
                Assert.True(expected == actual, $"{what}: {actual:R}, expected {expected:R}");
                return;
            }

            double tolerance = ((4.0 * k * Reference.EpsDouble) + (16 * (single ? Reference.EpsSingle : Reference.EpsDouble))) * scale + 1e-300;
            Assert.True(Math.Abs(actual - expected) <= tolerance, $"{what}: {actual:R}, expected {expected:R} (tolerance {tolerance:R})");
        }

        private static void AssertFastLane(double fast, double general, bool mayBeNaN, string what)
        {
            if (double.IsNaN(fast) && !double.IsNaN(general))
            {
                Assert.True(mayBeNaN, $"{what}: NaN inside the fast path's domain (the general value is {general:R})");
                return;
            }

            Assert.True(
                BitConverter.DoubleToInt64Bits(fast) == BitConverter.DoubleToInt64Bits(general) || (double.IsNaN(fast) && double.IsNaN(general)),
                $"{what}: {fast:R}, the general function gives {general:R}");
        }

        private static void AssertFastLane(float fast, float general, bool mayBeNaN, string what)
        {
            if (float.IsNaN(fast) && !float.IsNaN(general))
            {
                Assert.True(mayBeNaN, $"{what}: NaN inside the fast path's domain (the general value is {general:R})");
                return;
            }

            Assert.True(
                BitConverter.SingleToInt32Bits(fast) == BitConverter.SingleToInt32Bits(general) || (float.IsNaN(fast) && float.IsNaN(general)),
                $"{what}: {fast:R}, the general function gives {general:R}");
        }
    }
}
