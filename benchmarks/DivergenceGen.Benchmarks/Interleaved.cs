using System;
using System.Diagnostics;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// The same-process A/B of the `-- …-ab` commands, for a machine too loaded (or a kernel too sensitive to its process,
/// benchmarks/README.md "The same machine code, two speeds") for BenchmarkDotNet's separate processes to resolve a few
/// percent: after a 1.5 s warm-up that reaches tier 1, 301 rounds each time one block of A and one of B (order flipped
/// every round), and the report is the median over rounds of time(B)/time(A), with its interquartile range. Load that
/// changes slower than a block cancels in each ratio.
/// </summary>
internal static class Interleaved
{
    private const int Rounds = 301;

    /// <summary>
    /// Writes one markdown row: <c>| name | A | B | ratio B/A (median) | ratio IQR |</c>, times as medians per call in
    /// nanoseconds divided by <paramref name="unit"/> (1 for ns, 1000 for µs).
    /// </summary>
    public static void Compare<T>(string name, int callsPerBlock, Func<T> a, Func<T> b, double unit = 1)
    {
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 1500)
        {
            Block(a, callsPerBlock);
            Block(b, callsPerBlock);
        }

        var ta = new double[Rounds];
        var tb = new double[Rounds];
        var ratio = new double[Rounds];
        for (int r = 0; r < Rounds; r++)
        {
            if ((r & 1) == 0)
            {
                ta[r] = Block(a, callsPerBlock);
                tb[r] = Block(b, callsPerBlock);
            }
            else
            {
                tb[r] = Block(b, callsPerBlock);
                ta[r] = Block(a, callsPerBlock);
            }

            ratio[r] = tb[r] / ta[r];
        }

        Array.Sort(ta);
        Array.Sort(tb);
        Array.Sort(ratio);
        Console.WriteLine($"| {name} | {ta[Rounds / 2] / unit:F1} | {tb[Rounds / 2] / unit:F1} | {ratio[Rounds / 2]:F3} | {ratio[Rounds / 4]:F3}–{ratio[3 * Rounds / 4]:F3} |");
    }

    /// <summary>ns per call over one block.</summary>
    private static double Block<T>(Func<T> f, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            f();
        }

        return (Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency / calls;
    }
}
