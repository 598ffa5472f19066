using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// <see cref="LossReductions"/> (the row maximum of the loss kernels) and <see cref="VectorReductions"/> (float lanes
    /// summed in double), every overload, with the answer in every lane. Written against a mutant that survived the numeric
    /// suite (docs/testing.md): Max(Vector512&lt;float&gt;) turned into a minimum was not seen, because log-sum-exp is
    /// shift-invariant and the loss tests' float logits never spread by more than ~88 (where exp(x − min) overflows).
    /// </summary>
    public sealed class ReductionsTests
    {
        [Fact]
        public void Max_FindsTheLargestLane_WhereverItIs()
        {
            for (int at = 0; at < 16; at++)
            {
                double[] d = Enumerable.Range(0, 8).Select(i => -1.5 * i - 3.0).ToArray();
                float[] f = Enumerable.Range(0, 16).Select(i => -1.5f * i - 3f).ToArray();
                d[0] = double.NegativeInfinity;
                f[0] = float.NegativeInfinity;
                if (at < 8)
                {
                    d[at] = 2.5;
                }

                f[at] = 2.5f;

                if (at < 2)
                {
                    Assert.Equal(2.5, LossReductions.Max(Vector128.Create(d)));
                }

                if (at < 4)
                {
                    Assert.Equal(2.5, LossReductions.Max(Vector256.Create(d)));
                    Assert.Equal(2.5f, LossReductions.Max(Vector128.Create(f)));
                }

                if (at < 8)
                {
                    Assert.Equal(2.5, LossReductions.Max(Vector512.Create(d)));
                    Assert.Equal(2.5f, LossReductions.Max(Vector256.Create(f)));
                }

                Assert.Equal(2.5f, LossReductions.Max(Vector512.Create(f)));
            }
        }

        [Fact]
        public void SumToDouble_AddsEveryLaneInDouble()
        {
            // 1 + 2⁻³⁰ is not a float: only a sum in double keeps the small lanes. Each lane has a different value so that a
            // lost or subtracted lane changes the result.
            float[] f = Enumerable.Range(0, 16).Select(i => i == 0 ? 1f : MathF.ScaleB(1f, -30 - i)).ToArray();
            double Expected(int lanes) => Enumerable.Range(0, lanes).Sum(i => (double)f[i]);
            Assert.Equal(Expected(4), VectorReductions.SumToDouble(Vector128.Create(f)));
            Assert.Equal(Expected(8), VectorReductions.SumToDouble(Vector256.Create(f)));
            Assert.Equal(Expected(16), VectorReductions.SumToDouble(Vector512.Create(f)));
            Assert.NotEqual((double)(1f + MathF.ScaleB(1f, -31)), Expected(4));
        }
    }
}
