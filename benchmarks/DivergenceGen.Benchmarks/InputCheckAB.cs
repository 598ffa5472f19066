using System;
using Before = DivergenceGen.Benchmarks.BeforeInputChecks;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// `-- inputcheck-ab`: the cost of the in-pass input check (issue 11) measured by interleaving, for a machine too loaded
/// for BenchmarkDotNet's sequential runs to resolve 5 % (each benchmark runs seconds after the other, under a different
/// load). For each pair (the kernel before the check, copied from 90e86eb, and today's checked member), after a warm-up
/// that reaches tier 1, it alternates short blocks of calls of A and B (order flipped every round) many times, and reports
/// the median over rounds of time(B)/time(A): load that changes slower than a block cancels in each ratio. Complements
/// InputCheckCost (BenchmarkDotNet), which stays the reference on a quiet machine.
/// </summary>
public static class InputCheckAB
{
    public static int Run()
    {
        double[] p16 = Inputs.ProbabilityVector<double>(16, 1016), q16 = Inputs.ProbabilityVector<double>(16, 2016);
        float[] p16F = Inputs.ProbabilityVector<float>(16, 1016), q16F = Inputs.ProbabilityVector<float>(16, 2016);
        double[] p1M = Inputs.ProbabilityVector<double>(Cat1M.Classes, 1000 + Cat1M.Classes), q1M = Inputs.ProbabilityVector<double>(Cat1M.Classes, 2000 + Cat1M.Classes);
        float[] p1MF = Inputs.ProbabilityVector<float>(Cat1MF.Classes, 1000 + Cat1MF.Classes), q1MF = Inputs.ProbabilityVector<float>(Cat1MF.Classes, 2000 + Cat1MF.Classes);
        Console.WriteLine($"Vector512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}; "
            + $"rounds of interleaved blocks; ratio = checked / unchecked (median, with the 25th–75th percentile of the per-round ratios)");
        Console.WriteLine("| case | unchecked (median ns/call) | checked (median ns/call) | ratio (median) | ratio IQR |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Pair("Entropy K=16 double", 4000, () => Before.Cat16.Entropy(p16), () => Cat16.Entropy(p16));
        Pair("KL K=16 double", 4000, () => Before.Cat16.KLDivergence(p16, q16), () => Cat16.KLDivergence(p16, q16));
        Pair("Entropy K=16 float", 4000, () => Before.Cat16F.Entropy(p16F), () => Cat16F.Entropy(p16F));
        Pair("KL K=16 float", 4000, () => Before.Cat16F.KLDivergence(p16F, q16F), () => Cat16F.KLDivergence(p16F, q16F));
        Pair("Entropy K=1M double", 1, () => Before.Cat1M.Entropy(p1M), () => Cat1M.Entropy(p1M));
        Pair("KL K=1M double", 1, () => Before.Cat1M.KLDivergence(p1M, q1M), () => Cat1M.KLDivergence(p1M, q1M));
        Pair("Entropy K=1M float", 1, () => Before.Cat1MF.Entropy(p1MF), () => Cat1MF.Entropy(p1MF));
        Pair("KL K=1M float", 1, () => Before.Cat1MF.KLDivergence(p1MF, q1MF), () => Cat1MF.KLDivergence(p1MF, q1MF));
        return 0;
    }

    private static void Pair<T>(string name, int callsPerBlock, Func<T> unchecked_, Func<T> checked_)
        where T : IEquatable<T>
    {
        if (!unchecked_().Equals(checked_()))
        {
            throw new InvalidOperationException(name + ": the checked and unchecked kernels disagree.");
        }

        Interleaved.Compare(name, callsPerBlock, unchecked_, checked_);
    }
}
