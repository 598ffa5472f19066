// The batch log-pmf of a [Binomial(n)] type reads log C(n, k) from registers at 512 bits where the table has at most 32
// entries (RegisterTable: one register for n ≤ 7, two for n ≤ 15, three for n ≤ 23, four for n ≤ 31), and per lane
// otherwise and at the narrower widths. These tests put every outcome 0 … n, and outcomes outside the support, in every
// lane of every width (and the tails), for a type at each register count and its edges, and for tables just above the
// cut-off. The default run checks the register path on an AVX-512 machine; the restricted runs (DOTNET_EnableAVX512=0,
// EnableAVX2=0, EnableHWIntrinsic=0) check the per-lane paths with the same expectations.
using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Xunit;

namespace DivergenceGen.Tests.CountFamilies
{
    [Binomial(23)] public readonly partial struct Bin23;
    [Binomial(24)] public readonly partial struct Bin24;
    [Binomial(31)] public readonly partial struct Bin31;
    [Binomial(32)] public readonly partial struct Bin32;
    [Binomial(31, Precision = Precision.Single)] public readonly partial struct Bin31F;

    public sealed class RegisterTableTests
    {
        /// <summary>Outcomes outside {0, …, n}: just outside, far outside, and the int extremes (clamped as unsigned).</summary>
        private static int[] Outside(int n) => new[] { -1, -2, n + 1, n + 2, n + 1000, int.MinValue, int.MaxValue };

        /// <summary>
        /// Every outcome −2 … n + 2 and the extremes, rotated through every start offset 0 … 15 and truncated to several
        /// lengths, so that each outcome sits in each lane of a Vector512, Vector256 and Vector128 and in the scalar tail.
        /// Each element must equal the scalar <c>LogPmf(k)</c> bit for bit (tolerance 0): the lookup returns the same
        /// table double, and the rest of the vector arithmetic is the scalar arithmetic (no FMA contraction;
        /// CountPropertyTests.Batch_Equals_Scalar asserts the same for the per-lane path).
        /// </summary>
        private static void EveryOutcomeInEveryLane<TDist, T>(TDist d, int n, string name)
            where TDist : ICountDistribution<TDist, T>
            where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
        {
            int[] all = Enumerable.Range(0, n + 1).Concat(Outside(n)).ToArray();
            for (int offset = 0; offset < 16; offset++)
            {
                int[] rotated = all.Skip(offset % all.Length).Concat(all.Take(offset % all.Length)).ToArray();
                foreach (int length in new[] { rotated.Length, rotated.Length - 1, 17, 9, 8, 7, 3 }.Where(l => l > 0 && l <= rotated.Length))
                {
                    int[] ks = rotated.AsSpan(0, length).ToArray();
                    var dest = new T[length + 1];
                    dest.AsSpan().Fill(T.NaN);
                    d.LogPmf(ks, dest);
                    for (int i = 0; i < length; i++)
                    {
                        T want = d.LogPmf(ks[i]);
                        if (!dest[i].Equals(want))
                        {
                            throw new Xunit.Sdk.XunitException($"{name}.LogPmf(span)[{i}] (k = {ks[i]}, offset {offset}, length {length}) is {dest[i]}, LogPmf(k) is {want}");
                        }
                    }

                    Assert.True(T.IsNaN(dest[length]), name + ": wrote past the outcomes");
                }
            }

            foreach (int k in Outside(n))
            {
                Assert.Equal(T.NegativeInfinity, d.LogPmf(k));
            }
        }

        private static void Check<TDist>(Func<double, TDist> make, int n, string name)
            where TDist : ICountDistribution<TDist, double>
        {
            // p = 0 and 1 put −∞ in a log (0·log 0 = 0 is the convention the vector form must keep); 1e-300 a huge one.
            foreach (double p in new[] { 0.3, 0.5, 0.97, 0, 1, 1e-300 })
            {
                EveryOutcomeInEveryLane<TDist, double>(make(p), n, $"{name}(p = {p})");
            }
        }

        [Fact]
        public void OneRegister() => Check(p => new Bin7(p), 7, "Binomial(7), 8 entries");

        [Fact]
        public void OneRegister_SingleEntry() => Check(p => new Bin0(p), 0, "Binomial(0), 1 entry");

        [Fact]
        public void TwoRegisters()
        {
            Check(p => new Bin10(p), 10, "Binomial(10), 11 entries");
            Check(p => new Bin15(p), 15, "Binomial(15), 16 entries");
        }

        [Fact]
        public void ThreeRegisters()
        {
            Check(p => new Bin16(p), 16, "Binomial(16), 17 entries");
            Check(p => new Bin20(p), 20, "Binomial(20), 21 entries");
            Check(p => new Bin23(p), 23, "Binomial(23), 24 entries");
        }

        [Fact]
        public void FourRegisters()
        {
            Check(p => new Bin24(p), 24, "Binomial(24), 25 entries");
            Check(p => new Bin31(p), 31, "Binomial(31), 32 entries");
        }

        [Fact]
        public void FourRegisters_Float()
        {
            foreach (float p in new[] { 0.3f, 0f, 1f })
            {
                EveryOutcomeInEveryLane<Bin31F, float>(new Bin31F(p), 31, $"Binomial(31) float (p = {p})");
                var d = new Bin31(p);
                var f = new Bin31F(p);
                for (int k = -1; k <= 32; k++)
                {
                    Assert.Equal((float)d.LogPmf(k), f.LogPmf(k));
                }
            }
        }

        [Fact]
        public void AboveTheCutOff_PerLane()
        {
            Check(p => new Bin32(p), 32, "Binomial(32), 33 entries");
            Check(p => new Bin50(p), 50, "Binomial(50), 51 entries");
        }

        /// <summary>
        /// <see cref="RegisterTable.Lookup(Vector512{ulong}, Vector512{double})"/> and its overloads read entry index of the
        /// table for every index inside it, and the permutes (on AVX-512) agree with the lane-by-lane form (elsewhere) for
        /// every index 0 … 63, inside the table or not, bit for bit.
        /// </summary>
        [Fact]
        public void Lookup_ReadsTheEntry_AndAgreesWithTheLaneForm()
        {
            for (int entries = 1; entries <= 32; entries++)
            {
                double[] table = Enumerable.Range(0, entries).Select(k => 1.5 * k - 7.25).ToArray();
                int registers = (entries + 7) / 8;
                var t = Enumerable.Range(0, 4).Select(r => r < registers ? RegisterTable.Load(table, r) : Vector512<double>.Zero).ToArray();
                for (int r = 0; r < registers; r++)
                {
                    for (int lane = 0; lane < 8; lane++)
                    {
                        int k = 8 * r + lane;
                        Assert.Equal(k < entries ? table[k] : 0d, t[r].GetElement(lane));
                    }
                }

                for (int first = 0; first < 64; first += 8)
                {
                    Vector512<ulong> index = Vector512.Create(Enumerable.Range(first, 8).Select(i => (ulong)i).ToArray());
                    Vector512<double> got = registers switch
                    {
                        1 => RegisterTable.Lookup(index, t[0]),
                        2 => RegisterTable.Lookup(index, t[0], t[1]),
                        3 => RegisterTable.Lookup(index, t[0], t[1], t[2]),
                        _ => RegisterTable.Lookup(index, t[0], t[1], t[2], t[3]),
                    };
                    Vector512<double> lanes = registers switch
                    {
                        1 => RegisterTable.LookupLanes(index, t[0], t[0], t[0], t[0]),
                        2 => RegisterTable.LookupLanes(index, t[0], t[1], t[0], t[1]),
                        3 => RegisterTable.LookupLanes(index, t[0], t[1], t[2], t[2]),
                        _ => RegisterTable.LookupLanes(index, t[0], t[1], t[2], t[3]),
                    };
                    for (int lane = 0; lane < 8; lane++)
                    {
                        int k = first + lane;
                        Assert.True(got.GetElement(lane).Equals(lanes.GetElement(lane)), $"{entries} entries, index {k}: permute {got.GetElement(lane)}, lanes {lanes.GetElement(lane)}");
                        if (k < entries)
                        {
                            Assert.Equal(table[k], got.GetElement(lane));
                        }
                    }
                }
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => RegisterTable.Load(new double[8], 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => RegisterTable.Load(new double[8], -1));
        }
    }
}
