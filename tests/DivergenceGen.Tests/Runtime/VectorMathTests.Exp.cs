using System;
using System.Collections.Generic;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// Exp: every lane of every overload against the double-double reference <see cref="DoubleDoubleExp"/>, in ulps of the exact
    /// result (subnormal results in subnormal ulps, 2^-1074 or 2^-149), and in integer ulps from Math.Exp / MathF.Exp.
    /// </summary>
    /// <remarks>
    /// Overflow is measured against 2^1024 (2^128): an ∞ result counts as 2^1024 and an exact value at or above 2^1024 is capped
    /// there, so ∞ for an exact value that rounds to ∞ costs 0 and MaxValue for it 1 ulp; beyond the thresholds ∞ and +0 are
    /// also asserted exactly. The exp (fdlibm's reduction and a degree-10/degree-5 polynomial, no division) measured 0.648 ulp double,
    /// 0.644 float on normal results (0.659, 0.653 without FMA) and 0.736, 0.749 on subnormal results, in subnormal ulps (fdlibm's rational form before it: 0.90, 0.93; 0.73, 0.75),
    /// and the bound asserted against the exact value is 1 ulp (issue 12): a wrong coefficient, an inexact hi/lo split or a
    /// double rounding in the 2^k scaling costs more. Against Math.Exp, itself not correctly rounded, 2 integer ulps.
    /// </remarks>
    public sealed partial class VectorMathTests
    {
        private const double ExpMaxUlp = 1.0;                            // against the exact value (MaxUlp, 2, against Math.Exp)
        private const double DoubleExpOverflow = 709.782712893384;       // largest x with exp(x) ≤ MaxValue (0x40862E42FEFA39EF)
        private const double DoubleExpUnderflow = -745.1332191019412;    // ≈ ln 2^-1075: below, exp rounds to +0
        private const float SingleExpOverflow = 88.72283f;               // largest float x with expf(x) ≤ float.MaxValue (0x42B17217)
        private const float SingleExpUnderflow = -103.97208f;            // ≈ ln 2^-150

        private static readonly Lazy<(double[] Xs, (double Hi, double Lo, int K)[] Exact)> DoubleExpCases = new(() => WithExact(DoubleExpInputs()));

        private static readonly Lazy<(float[] Xs, (double Hi, double Lo, int K)[] Exact)> SingleExpCases = new(() => WithExact(SingleExpInputs()));

        private static Func<double[], double[]> DoubleExp(string name) => name switch
        {
            "Public128" => xs => Apply128(xs, VectorMath.Exp),
            "Public256" => xs => Apply256(xs, VectorMath.Exp),
            "Public512" => xs => Apply512(xs, VectorMath.Exp),
            "Portable128" => xs => Apply128(xs, PortableVectorMath.Exp),
            "Portable256" => xs => Apply256(xs, PortableVectorMath.Exp),
            "Portable512" => xs => Apply512(xs, PortableVectorMath.Exp),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        private static Func<float[], float[]> SingleExp(string name) => name switch
        {
            "Public128" => xs => Apply128(xs, VectorMath.Exp),
            "Public256" => xs => Apply256(xs, VectorMath.Exp),
            "Public512" => xs => Apply512(xs, VectorMath.Exp),
            "Portable128" => xs => Apply128(xs, PortableVectorMath.Exp),
            "Portable256" => xs => Apply256(xs, PortableVectorMath.Exp),
            "Portable512" => xs => Apply512(xs, PortableVectorMath.Exp),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        // ------------------------------------------------------------------ Exp

        [Theory]
        [MemberData(nameof(DoubleOverloads))]
        public void ExpDouble_WithinOneUlpOfExact_AndMatchesMathExpOnSpecials(string overload)
        {
            (double[] xs, (double Hi, double Lo, int K)[] exact) = DoubleExpCases.Value;
            double[] ys = DoubleExp(overload)(xs);
            var worst = new Worst();
            var subnormal = new Worst();
            var normal = new Worst();
            var vsMath = new Worst();
            for (int i = 0; i < xs.Length; i++)
            {
                double x = xs[i], y = ys[i];
                if (double.IsFinite(x))
                {
                    double ulp = ExpUlpError(y, exact[i]);
                    worst.Add(x, y, ulp);
                    if (x < -708.3964185322641)
                    {
                        subnormal.Add(x, y, ulp);
                    }
                    else
                    {
                        normal.Add(x, y, ulp);
                    }

                    vsMath.Add(x, y, UlpDistance(y, Math.Exp(x)));
                    if (x > DoubleExpOverflow)
                    {
                        AssertSame(double.PositiveInfinity, y, $"exp({x:R})");
                    }
                    else if (x < DoubleExpUnderflow)
                    {
                        AssertSame(0.0, y, $"exp({x:R})");
                    }
                    else if (x >= -745.0)
                    {
                        // Just above the underflow threshold y·2^k can be a tie, 2^-1075 (y rounded to 1), which rounds to 0:
                        // half a subnormal ulp, counted above. From −745 on (exp ≥ 0.57·2^-1074) the result must be positive.
                        Assert.True(double.IsFinite(y) && y > 0, $"exp({x:R}) = {y:R}");
                    }
                }
                else
                {
                    AssertSame(Math.Exp(x), y, $"exp({x:R})");
                }
            }

            this.output.WriteLine($"Exp double {overload}: {worst}; normal results: {normal}; subnormal results: {subnormal}; integer ulps from Math.Exp: {vsMath}");
            Assert.True(worst.Ulp <= ExpMaxUlp, $"Exp double {overload}: {worst}");
            Assert.True(vsMath.Ulp <= MaxUlp, $"Exp double {overload} against Math.Exp: {vsMath}");
        }

        [Theory]
        [MemberData(nameof(DoubleOverloads))]
        public void ExpSingle_WithinOneUlpOfExact_AndMatchesMathFExpOnSpecials(string overload)
        {
            (float[] xs, (double Hi, double Lo, int K)[] exact) = SingleExpCases.Value;
            float[] ys = SingleExp(overload)(xs);
            var worst = new Worst();
            var subnormal = new Worst();
            var normal = new Worst();
            var vsMath = new Worst();
            for (int i = 0; i < xs.Length; i++)
            {
                float x = xs[i], y = ys[i];
                if (float.IsFinite(x))
                {
                    double ulp = ExpUlpErrorSingle(y, exact[i]);
                    worst.Add(x, y, ulp);
                    if (x < -87.33654f)
                    {
                        subnormal.Add(x, y, ulp);
                    }
                    else
                    {
                        normal.Add(x, y, ulp);
                    }

                    vsMath.Add(x, y, UlpDistance(y, MathF.Exp(x)));
                    if (x > SingleExpOverflow)
                    {
                        AssertSame(float.PositiveInfinity, y, $"exp({x:R}f)");
                    }
                    else if (x < SingleExpUnderflow)
                    {
                        AssertSame(0f, y, $"exp({x:R}f)");
                    }
                    else if (x >= -103.9f)
                    {
                        Assert.True(float.IsFinite(y) && y > 0, $"exp({x:R}f) = {y:R}");
                    }
                }
                else
                {
                    AssertSame(MathF.Exp(x), y, $"exp({x:R}f)");
                }
            }

            this.output.WriteLine($"Exp float {overload}: {worst}; normal results: {normal}; subnormal results: {subnormal}; integer ulps from MathF.Exp: {vsMath}");
            Assert.True(worst.Ulp <= ExpMaxUlp, $"Exp float {overload}: {worst}");
            Assert.True(vsMath.Ulp <= MaxUlp, $"Exp float {overload} against MathF.Exp: {vsMath}");
        }

        [Theory]
        [InlineData(0.0, 1.0)]
        [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity, 0.0)]
        [InlineData(double.NaN, double.NaN)]
        [InlineData(1e-300, 1.0)]
        [InlineData(-1e-300, 1.0)]
        [InlineData(1e-20, 1.0)]
        [InlineData(-1e-20, 1.0)]
        [InlineData(1000.0, double.PositiveInfinity)]
        [InlineData(-1000.0, 0.0)]
        [InlineData(-744.4400719213812, double.Epsilon)] // ≈ ln 2^-1074
        public void Exp_Specials_EveryOverload(double x, double expected)
        {
            foreach (string name in DoubleOverloadNames)
            {
                AssertSame(expected, DoubleExp(name)(new[] { x })[0], $"{name} exp({x:R})");
                // The same in float: (float)x rounds 1e-300 to 0, and −744.44 gives +0.
                float xf = (float)x;
                AssertSame((float)expected, SingleExp(name)(new[] { xf })[0], $"{name} exp({xf:R}f)");
            }
        }

        [Theory]
        [MemberData(nameof(DoubleOverloads))]
        public void ExpOfLog_RoundTrips(string overload)
        {
            // exp(log x) = x·(1 + δ) with |δ| ≲ (|ln x| + 2)·2^-52: log's error of under 1 ulp of ln x becomes a relative error
            // of |ln x|·2^-52 through exp, and exp adds its own. Asserted with a factor 2 of room.
            var rng = new Random(20250615);
            var xs = new double[RandomCount];
            var xf = new float[RandomCount];
            for (int i = 0; i < xs.Length; i++)
            {
                xs[i] = BitConverter.UInt64BitsToDouble((ulong)rng.NextInt64(0x0010000000000000L, 0x7FE0000000000000L)); // normal, < 2^1023
                xf[i] = BitConverter.UInt32BitsToSingle((uint)rng.Next(0x00800000, 0x7F000000));
            }

            double[] ys = DoubleExp(overload)(DoubleLog(overload)(xs));
            float[] yf = SingleExp(overload)(SingleLog(overload)(xf));
            double worst = 0, worstF = 0;
            for (int i = 0; i < xs.Length; i++)
            {
                double rel = Math.Abs(ys[i] / xs[i] - 1) / ((Math.Abs(Math.Log(xs[i])) + 2) * Math.ScaleB(1.0, -52));
                double relF = Math.Abs((double)yf[i] / xf[i] - 1) / ((Math.Abs(Math.Log(xf[i])) + 2) * Math.ScaleB(1.0, -23));
                worst = Math.Max(worst, rel);
                worstF = Math.Max(worstF, relF);
                Assert.True(rel <= 2, $"exp(log({xs[i]:R})) = {ys[i]:R}");
                Assert.True(relF <= 2, $"exp(log({xf[i]:R}f)) = {yf[i]:R}");
            }

            this.output.WriteLine($"exp(log x) {overload}: max |δ| / ((|ln x| + 2)·2^-52) = {worst:F3} double, {worstF:F3} float (2^-23)");
        }

        // ------------------------------------------------------------------ inputs

        private static double[] DoubleExpInputs()
        {
            var xs = new List<double>
            {
                0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-300, -1e-300, 1e-20, -1e-20, 1e-8, -1e-8, 1.0, -1.0, 0.5, -0.5,
                Math.Log(2) / 2, -Math.Log(2) / 2, 700.0, -700.0, 709.0, 709.78, 709.79, 710.0, -708.0, -708.4, -744.0, -745.0, -745.2,
                -746.0, 750.0, -750.0, 1e300, -1e300, double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity,
                double.NaN, BitConverter.UInt64BitsToDouble(0xFFF8000000000001UL) /* a negative NaN with a payload */,
            };

            // Around the thresholds: overflow, underflow to 0, the subnormal boundary ln 2^-1022, and ln 2^-1074.
            foreach (double edge in new[] { DoubleExpOverflow, DoubleExpUnderflow, -708.3964185322641, -744.4400719213812 })
            {
                double lo = edge, hi = edge;
                for (int i = 0; i < 512; i++)
                {
                    xs.Add(lo = Math.BitDecrement(lo));
                    xs.Add(hi = Math.BitIncrement(hi));
                }

                xs.Add(edge);
            }

            // Integer and half-integer multiples of ln 2 (r = 0, and the widest |r|), with their neighbours.
            for (int k = -1080; k <= 1030; k++)
            {
                foreach (double v in new[] { k * Math.Log(2), (k + 0.5) * Math.Log(2) })
                {
                    xs.Add(v);
                    xs.Add(Math.BitIncrement(v));
                    xs.Add(Math.BitDecrement(v));
                }
            }

            var rng = new Random(20250616);
            for (int i = 0; i < RandomCount; i++)
            {
                xs.Add(-750.0 + 1500.0 * rng.NextDouble());
                xs.Add(-1.0 + 2.0 * rng.NextDouble()); // dense near 0
                xs.Add((rng.Next(2) == 0 ? 1 : -1) * Math.ScaleB(1 + rng.NextDouble(), -rng.Next(1, 70))); // log-uniform to 2^-70
            }

            for (int i = 0; i < RandomCount / 4; i++)
            {
                xs.Add(-745.2 + (745.2 - 708.3) * rng.NextDouble()); // subnormal results
            }

            return xs.ToArray();
        }

        private static float[] SingleExpInputs()
        {
            var xs = new List<float>
            {
                0f, -0f, float.Epsilon, -float.Epsilon, 1e-30f, -1e-30f, 1e-20f, -1e-20f, 1e-8f, -1e-8f, 1f, -1f, 0.5f, -0.5f,
                MathF.Log(2) / 2, -MathF.Log(2) / 2, 88f, 88.7f, 88.8f, 89f, 90f, -87f, -87.4f, -103f, -104f, -105f, 1e30f, -1e30f,
                float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN,
            };

            // Around overflow, underflow to 0, the subnormal boundary ln 2^-126 and ln 2^-149.
            foreach (float edge in new[] { SingleExpOverflow, SingleExpUnderflow, -87.33654f, -103.27893f })
            {
                float lo = edge, hi = edge;
                for (int i = 0; i < 2048; i++)
                {
                    xs.Add(lo = MathF.BitDecrement(lo));
                    xs.Add(hi = MathF.BitIncrement(hi));
                }

                xs.Add(edge);
            }

            for (int k = -152; k <= 130; k++)
            {
                foreach (float v in new[] { k * MathF.Log(2), (k + 0.5f) * MathF.Log(2) })
                {
                    xs.Add(v);
                    xs.Add(MathF.BitIncrement(v));
                    xs.Add(MathF.BitDecrement(v));
                }
            }

            // A strided sweep of every binade from 2^-30 to the range's ends, both signs.
            for (uint bits = 0x30800000u; bits < 0x42D20000u; bits += 601)
            {
                float v = BitConverter.UInt32BitsToSingle(bits);
                if (v <= 90f)
                {
                    xs.Add(v);
                }

                xs.Add(-v);
            }

            var rng = new Random(20250617);
            for (int i = 0; i < RandomCount; i++)
            {
                xs.Add(-105f + 195f * rng.NextSingle());
                xs.Add(-1f + 2f * rng.NextSingle());
                xs.Add((rng.Next(2) == 0 ? 1 : -1) * MathF.ScaleB(1 + rng.NextSingle(), -rng.Next(1, 40)));
            }

            return xs.ToArray();
        }

        private static (double[] Xs, (double Hi, double Lo, int K)[] Exact) WithExact(double[] xs)
        {
            var exact = new (double, double, int)[xs.Length];
            for (int i = 0; i < xs.Length; i++)
            {
                exact[i] = double.IsFinite(xs[i]) && Math.Abs(xs[i]) <= 2000 ? DoubleDoubleExp.Exp(xs[i]) : (double.NaN, 0.0, 0);
            }

            return (xs, exact);
        }

        private static (float[] Xs, (double Hi, double Lo, int K)[] Exact) WithExact(float[] xs)
        {
            var exact = new (double, double, int)[xs.Length];
            for (int i = 0; i < xs.Length; i++)
            {
                exact[i] = float.IsFinite(xs[i]) && Math.Abs(xs[i]) <= 2000 ? DoubleDoubleExp.Exp(xs[i]) : (double.NaN, 0.0, 0);
            }

            return (xs, exact);
        }

        // ------------------------------------------------------------------ error measures

        // |y − exact| in ulps of the exact value, measured at the scale 2^-K where both are near 1 (so subnormal and overflowing
        // values keep every bit); the ulp is that of the exact value's binade, 2^-1074 at the least. ∞ counts as 2^1024 and an
        // exact value ≥ 2^1024 is capped there. Beyond |x| = 2000 (no reference) the asserts on 0 and ∞ do the work.
        private static double ExpUlpError(double y, (double Hi, double Lo, int K) exact)
        {
            if (double.IsNaN(exact.Hi))
            {
                return 0;
            }

            (double hi, double lo, int k) = exact;
            int exponent = Math.ILogB(hi) + k;
            if (exponent >= 1024)
            {
                (hi, lo, exponent) = (Math.ScaleB(1.0, 1024 - k), 0.0, 1023);
            }

            double scaled = double.IsPositiveInfinity(y) ? Math.ScaleB(1.0, 1024 - k) : Math.ScaleB(y, -k); // exact: ends near 1
            double ulp = Math.ScaleB(1.0, Math.Max(exponent - 52, -1074) - k);
            return Math.Abs((scaled - hi) - lo) / ulp;
        }

        private static double ExpUlpErrorSingle(float y, (double Hi, double Lo, int K) exact)
        {
            if (double.IsNaN(exact.Hi))
            {
                return 0;
            }

            // The exact value rounded to double (2^-29 of a float ulp), capped at 2^128; a float result is ≥ 2^-149, a normal double.
            double e = Math.Min(Math.ScaleB(exact.Hi + exact.Lo, exact.K), Math.ScaleB(1.0, 128));
            double v = float.IsPositiveInfinity(y) ? Math.ScaleB(1.0, 128) : y;
            double ulp = Math.ScaleB(1.0, Math.Clamp(Math.ILogB(e) - 23, -149, 104));
            return Math.Abs(v - e) / ulp;
        }
    }
}
