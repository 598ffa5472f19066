using System;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;
using Xunit;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// The logarithm's ulp error over many arguments, against the double-double reference: 2^20 per overload in a normal run,
    /// <c>DIVERGENCEGEN_ULP_SWEEP=N</c> arguments when set (the figures in docs/vector-maths.md come from N = 10⁸ on each
    /// vector width). A quarter of the arguments are random bit patterns of positive doubles/floats (every exponent, subnormals
    /// included), a quarter uniform in [0.5, 2), a quarter 1 ± 2^-e·u for e up to 60 (or 30 for float: where log x ≈ x − 1
    /// must keep its relative accuracy), a quarter in the table's reduced range [0.703125, 1.40625).
    /// </summary>
    /// <remarks>
    /// The bound is 1 ulp, what the vector maths promises to measure below (docs/vector-maths.md). Over 10⁸ arguments the
    /// table log measured 0.54 ulp and fdlibm's 0.86 (double) and 0.84 (float), so 1 ulp still catches a wrong table entry or a
    /// lost compensation term: dropping the low product pl costs several ulps within 2²⁰ arguments (tests/mutations).
    /// </remarks>
    public sealed partial class VectorMathTests
    {
        private const double SweepMaxUlp = 1.0;

        private static long SweepCount =>
            long.TryParse(Environment.GetEnvironmentVariable("DIVERGENCEGEN_ULP_SWEEP"), out long n) && n > 0 ? n : 1L << 20;

        public static TheoryData<string> PublicOverloads => new() { "Public128", "Public256", "Public512" };

        [Theory]
        [MemberData(nameof(PublicOverloads))]
        public void LogDouble_Sweep_WithinOneUlp(string overload)
        {
            Func<double[], double[]> log = DoubleLog(overload);
            Worst worst = Sweep(
                SweepCount,
                (rng, i) => SweepArgument(rng, i),
                chunk => log(chunk),
                (x, y) => UlpError(y, DoubleDoubleLog.Log(x)));
            this.output.WriteLine($"Log double {overload} sweep: {worst}");
            Assert.True(worst.Ulp <= SweepMaxUlp, $"Log double {overload} sweep: {worst}");
        }

        [Theory]
        [MemberData(nameof(PublicOverloads))]
        public void LogSingle_Sweep_WithinOneUlp(string overload)
        {
            Func<float[], float[]> log = SingleLog(overload);
            Worst worst = Sweep(
                SweepCount,
                (rng, i) => SweepArgumentSingle(rng, i),
                chunk => log(chunk),
                (x, y) => UlpErrorSingle(y, DoubleDoubleLog.Log(x).Hi));
            this.output.WriteLine($"Log float {overload} sweep: {worst}");
            Assert.True(worst.Ulp <= SweepMaxUlp, $"Log float {overload} sweep: {worst}");
        }

        /// <summary>
        /// The 256-bit double table log (AVX2 + FMA: four <c>vpermps</c> and three blends per lookup, k without an int64
        /// conversion) gives the 512-bit one's results bit for bit, on the sweep's arguments and the special values; so its
        /// accuracy is the 512-bit table's (docs/vector-maths.md). Runs where both widths are accelerated (AVX-512).
        /// </summary>
        [Fact]
        public void LogDouble_Table256_IsTheTable512BitForBit()
        {
            if (!Vector512.IsHardwareAccelerated || !System.Runtime.Intrinsics.X86.Avx2.IsSupported || !System.Runtime.Intrinsics.X86.Fma.IsSupported)
            {
                this.output.WriteLine("Vector512 not accelerated here: nothing to compare the 256-bit table with (the sweep checks its accuracy).");
                return;
            }

            var rng = new Random(256);
            var xs = new double[1 << 16];
            for (int i = 0; i < xs.Length; i++)
            {
                xs[i] = SweepArgument(rng, i);
            }

            double[] special = { 0.0, -0.0, double.Epsilon, 2.2250738585072014E-308, 2.225073858507201E-308, 1.0, 0.703125, 1.40625, 2.0, 0.5,
                double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -1.0, 1e-300, 1e300, 0.7031249999999999 };
            xs = [.. special, .. xs];
            double[] narrow = Apply256(xs, VectorMath.Log);
            double[] wide = Apply512(xs, VectorMath.Log);
            for (int i = 0; i < xs.Length; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(narrow[i]) == BitConverter.DoubleToInt64Bits(wide[i]) || (double.IsNaN(narrow[i]) && double.IsNaN(wide[i])),
                    $"log({xs[i]:R}): 256-bit {narrow[i]:R}, 512-bit {wide[i]:R}");
            }
        }

        private static double SweepArgument(Random rng, long i) => (i & 3) switch
        {
            0 => BitConverter.Int64BitsToDouble(rng.NextInt64(1, 0x7FF0000000000000L)),
            1 => 0.5 + (1.5 * rng.NextDouble()),
            2 => 1.0 + (Math.ScaleB(rng.NextDouble() - 0.5, -rng.Next(0, 61))),
            _ => 0.703125 + (0.703125 * rng.NextDouble()),
        };

        private static float SweepArgumentSingle(Random rng, long i) => (i & 3) switch
        {
            0 => BitConverter.Int32BitsToSingle(rng.Next(1, 0x7F800000)),
            1 => 0.5f + (1.5f * rng.NextSingle()),
            2 => 1f + (MathF.ScaleB(rng.NextSingle() - 0.5f, -rng.Next(0, 31))),
            _ => 0.703125f + (0.703125f * rng.NextSingle()),
        };

        /// <summary>Evaluates <paramref name="count"/> arguments in chunks on all cores; each chunk has its own seeded generator.</summary>
        private static Worst Sweep<T>(long count, Func<Random, long, T> argument, Func<T[], T[]> evaluate, Func<T, T, double> error)
            where T : struct, IConvertible
        {
            const int ChunkSize = 1 << 16;
            long chunks = (count + ChunkSize - 1) / ChunkSize;
            var worst = new Worst();
            var gate = new object();
            Parallel.For(0L, chunks, c =>
            {
                var rng = new Random(unchecked((int)(20261206 + c)));
                var xs = new T[ChunkSize];
                for (int j = 0; j < ChunkSize; j++)
                {
                    xs[j] = argument(rng, (c * ChunkSize) + j);
                }

                T[] ys = evaluate(xs);
                var local = new Worst();
                for (int j = 0; j < ChunkSize; j++)
                {
                    local.Add(xs[j].ToDouble(null), ys[j].ToDouble(null), error(xs[j], ys[j]));
                }

                lock (gate)
                {
                    worst.Merge(local);
                }
            });
            return worst;
        }
    }
}
