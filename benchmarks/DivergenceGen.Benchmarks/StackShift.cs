using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// `-- stackshift` (issue 12; the mission's "why generated kernels swing between processes"): the generated raw-vector
/// kernels called from one caller whose stack frame is 0, 16, 32 or 48 bytes deeper, interleaved in one process. A kernel
/// that keeps a Vector512 in a stack slot inside its loop (the JIT spills every vector that is live across a call, and
/// System V has no callee-saved vector registers) reads and writes that slot at an address that moves with the caller's
/// stack pointer; where it straddles a 32- or 64-byte boundary, every iteration pays for it. A kernel whose loop keeps
/// everything in registers runs at one speed whatever the shift. See benchmarks/README.md, "Why generated kernels swing
/// between processes".
/// </summary>
public static class StackShift
{
    private static readonly int[] Shifts = { 0, 16, 32, 48 };

    public static int Run()
    {
        Console.WriteLine($".NET {Environment.Version}; Vector512 accelerated {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}; "
            + $"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("median ns per call with the caller's stack pointer moved by 0, 16, 32 and 48 bytes (one process, 101 interleaved rounds)");
        Console.WriteLine("| kernel | +0 | +16 | +32 | +48 | slowest / fastest |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (int k in new[] { 16, 256, 4096 })
        {
            double[] p = Inputs.ProbabilityVector<double>(k, 1000 + k), q = Inputs.ProbabilityVector<double>(k, 2000 + k);
            float[] pf = Inputs.ProbabilityVector<float>(k, 1000 + k), qf = Inputs.ProbabilityVector<float>(k, 2000 + k);
            int calls = 400_000 / k + 20;
            Measure<double>($"KL K={k} double", calls, k switch
            {
                16 => () => Cat16.KLDivergence(p, q),
                256 => () => Cat256.KLDivergence(p, q),
                _ => () => Cat4096.KLDivergence(p, q),
            });
            Measure<double>($"Entropy K={k} double", calls, k switch
            {
                16 => () => Cat16.Entropy(p),
                256 => () => Cat256.Entropy(p),
                _ => () => Cat4096.Entropy(p),
            });
            Measure<double>($"CrossEntropy K={k} double", calls, k switch
            {
                16 => () => Cat16.CrossEntropy(p, q),
                256 => () => Cat256.CrossEntropy(p, q),
                _ => () => Cat4096.CrossEntropy(p, q),
            });
            Measure<float>($"KL K={k} float", calls, k switch
            {
                16 => () => Cat16F.KLDivergence(pf, qf),
                256 => () => Cat256F.KLDivergence(pf, qf),
                _ => () => Cat4096F.KLDivergence(pf, qf),
            });
        }

        // TensorPrimitives' compositions (the BenchmarkDotNet rows' own methods): its per-process modes, the same cause?
        var tpKL = new CategoricalKL<Cat4096, double>();
        tpKL.Setup();
        Measure("TensorPrimitives KL K=4096 double", 25, tpKL.TensorPrimitives);
        var tpEntropy = new CategoricalEntropy<Cat4096F, float>();
        tpEntropy.Setup();
        Measure("TensorPrimitives entropy K=4096 float", 25, tpEntropy.TensorPrimitives);

        // Other generated kernels, from the BenchmarkDotNet classes' own setups (the same inputs as their rows).
        var bernoulli = new BernoulliBatch();
        bernoulli.Setup();
        Measure("Bernoulli batch KL N=1M double", 3, () =>
        {
            bernoulli.GeneratedKL();
            return 0;
        });
        var counts = new CountBatch();
        counts.Setup();
        Measure("Binomial(20) batch log-pmf N=1M", 5, () =>
        {
            counts.GeneratedBinomial();
            return 0;
        });
        var loss = new SoftmaxCrossEntropyBenchmarks { K = 10 };
        loss.Setup();
        Measure("Softmax CE K=10 loss and gradient", 50, loss.Generated);
        var loss1000 = new SoftmaxCrossEntropyBenchmarks { K = 1000 };
        loss1000.Setup();
        Measure("Softmax CE K=1000 loss and gradient", 5, loss1000.Generated);
        var continuous = new ContinuousBatch();
        continuous.Setup();
        Measure("Normal batch log-pdf", 5, () =>
        {
            continuous.NormalGeneratedBatch();
            return 0;
        });
        Measure("Gamma batch log-pdf", 5, () =>
        {
            continuous.GammaGeneratedBatch();
            return 0;
        });
        foreach (int d in new[] { 16, 512 })
        {
            var vae = new VaeKL { D = d };
            vae.Setup();
            Measure($"Diagonal normal KL and gradient, D={d}, 256 rows", 20, vae.Generated);
        }

        var user = new UserFamilyBatch();
        user.Setup();
        Measure("User-described normal batch log-density", 5, () =>
        {
            user.GeneratedBatch();
            return 0;
        });
        var rows = new RowBatches20();
        rows.Setup();
        Measure("Categorical(20) KL rows N=10,000", 20, () =>
        {
            rows.KLGenerated();
            return 0;
        });
        Measure("Categorical(20) JS rows N=10,000", 20, () =>
        {
            rows.JSGenerated();
            return 0;
        });
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static void Measure<T>(string name, int calls, Func<T> kernel)
    {
        const int Rounds = 101;
        var times = new double[Shifts.Length][];
        for (int s = 0; s < Shifts.Length; s++)
        {
            times[s] = new double[Rounds];
        }

        // Warm-up: 3 s and 200 calls at least. A member that is not AggressiveOptimization (the batch members) goes from tier 0
        // through on-stack replacement and an instrumented tier to tier 1, each step after 30 calls and a 100 ms quiet
        // delay; with 10 ms calls the first second is not enough (its OSR code is another frame layout: other numbers).
        var warm = Stopwatch.StartNew();
        for (int done = 0; warm.ElapsedMilliseconds < 3000 || done < 200; done += calls * Shifts.Length)
        {
            foreach (int shift in Shifts)
            {
                Shifted(kernel, shift, calls);
            }
        }

        for (int r = 0; r < Rounds; r++)
        {
            for (int i = 0; i < Shifts.Length; i++)
            {
                int s = (i + r) % Shifts.Length; // rotate the order every round
                times[s][r] = Shifted(kernel, Shifts[s], calls);
            }
        }

        double min = double.MaxValue, max = 0;
        string row = $"| {name} |";
        foreach (double[] t in times)
        {
            Array.Sort(t);
            double median = t[Rounds / 2];
            min = Math.Min(min, median);
            max = Math.Max(max, median);
            row += $" {median:F1} |";
        }

        Console.WriteLine(row + $" {max / min:F3} |");
    }

    /// <summary>ns per call of <paramref name="kernel"/>, called from a frame <paramref name="shift"/> bytes deeper.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Shifted<T>(Func<T> kernel, int shift, int calls)
    {
        Span<byte> pad = stackalloc byte[shift + 16];
        pad[shift] = 1;
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            kernel();
        }

        long elapsed = Stopwatch.GetTimestamp() - start;
        return elapsed * 1e9 / Stopwatch.Frequency / calls + pad[shift] * 0;
    }
}
