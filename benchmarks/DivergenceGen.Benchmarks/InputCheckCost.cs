using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Before = DivergenceGen.Benchmarks.BeforeInputChecks;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// Issue 11: what the in-pass input check of the raw-vector kernels costs. Each category is one member, K and precision;
/// its baseline (<c>…Unchecked</c>) is the kernel as generated before the check (BeforeInputChecks.cs, copied from commit
/// 90e86eb), the other row the generated member of today, which checks every element in the same pass. Both run in one
/// process and one run, so the Ratio column is the check's cost (target: ≤ 1.05).
/// </summary>
[Config(typeof(InputCheckConfig))]
public class InputCheckCost
{
    private double[] _p16 = [], _q16 = [], _p1M = [], _q1M = [];
    private float[] _p16F = [], _q16F = [], _p1MF = [], _q1MF = [];

    [GlobalSetup]
    public void Setup()
    {
        _p16 = Inputs.ProbabilityVector<double>(16, seed: 1016);
        _q16 = Inputs.ProbabilityVector<double>(16, seed: 2016);
        _p16F = Inputs.ProbabilityVector<float>(16, seed: 1016);
        _q16F = Inputs.ProbabilityVector<float>(16, seed: 2016);
        _p1M = Inputs.ProbabilityVector<double>(Cat1M.Classes, seed: 1000 + Cat1M.Classes);
        _q1M = Inputs.ProbabilityVector<double>(Cat1M.Classes, seed: 2000 + Cat1M.Classes);
        _p1MF = Inputs.ProbabilityVector<float>(Cat1MF.Classes, seed: 1000 + Cat1MF.Classes);
        _q1MF = Inputs.ProbabilityVector<float>(Cat1MF.Classes, seed: 2000 + Cat1MF.Classes);

        // The check must not change a single bit of the result.
        Same("Entropy K=16 double", Entropy16Unchecked(), Entropy16Checked());
        Same("KL K=16 double", KL16Unchecked(), KL16Checked());
        Same("Entropy K=16 float", Entropy16FUnchecked(), Entropy16FChecked());
        Same("KL K=16 float", KL16FUnchecked(), KL16FChecked());
        Same("Entropy K=1M double", Entropy1MUnchecked(), Entropy1MChecked());
        Same("KL K=1M double", KL1MUnchecked(), KL1MChecked());
        Same("Entropy K=1M float", Entropy1MFUnchecked(), Entropy1MFChecked());
        Same("KL K=1M float", KL1MFUnchecked(), KL1MFChecked());
    }

    private static void Same(string what, double before, double after)
    {
        if (BitConverter.DoubleToInt64Bits(before) != BitConverter.DoubleToInt64Bits(after))
        {
            throw new InvalidOperationException($"{what}: the checked kernel returned {after:R}, the kernel before the check {before:R}.");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Entropy K=16 double")] public double Entropy16Unchecked() => Before.Cat16.Entropy(_p16);
    [Benchmark, BenchmarkCategory("Entropy K=16 double")] public double Entropy16Checked() => Cat16.Entropy(_p16);

    [Benchmark(Baseline = true), BenchmarkCategory("KL K=16 double")] public double KL16Unchecked() => Before.Cat16.KLDivergence(_p16, _q16);
    [Benchmark, BenchmarkCategory("KL K=16 double")] public double KL16Checked() => Cat16.KLDivergence(_p16, _q16);

    [Benchmark(Baseline = true), BenchmarkCategory("Entropy K=16 float")] public float Entropy16FUnchecked() => Before.Cat16F.Entropy(_p16F);
    [Benchmark, BenchmarkCategory("Entropy K=16 float")] public float Entropy16FChecked() => Cat16F.Entropy(_p16F);

    [Benchmark(Baseline = true), BenchmarkCategory("KL K=16 float")] public float KL16FUnchecked() => Before.Cat16F.KLDivergence(_p16F, _q16F);
    [Benchmark, BenchmarkCategory("KL K=16 float")] public float KL16FChecked() => Cat16F.KLDivergence(_p16F, _q16F);

    [Benchmark(Baseline = true), BenchmarkCategory("Entropy K=1M double")] public double Entropy1MUnchecked() => Before.Cat1M.Entropy(_p1M);
    [Benchmark, BenchmarkCategory("Entropy K=1M double")] public double Entropy1MChecked() => Cat1M.Entropy(_p1M);

    [Benchmark(Baseline = true), BenchmarkCategory("KL K=1M double")] public double KL1MUnchecked() => Before.Cat1M.KLDivergence(_p1M, _q1M);
    [Benchmark, BenchmarkCategory("KL K=1M double")] public double KL1MChecked() => Cat1M.KLDivergence(_p1M, _q1M);

    [Benchmark(Baseline = true), BenchmarkCategory("Entropy K=1M float")] public float Entropy1MFUnchecked() => Before.Cat1MF.Entropy(_p1MF);
    [Benchmark, BenchmarkCategory("Entropy K=1M float")] public float Entropy1MFChecked() => Cat1MF.Entropy(_p1MF);

    [Benchmark(Baseline = true), BenchmarkCategory("KL K=1M float")] public float KL1MFUnchecked() => Before.Cat1MF.KLDivergence(_p1MF, _q1MF);
    [Benchmark, BenchmarkCategory("KL K=1M float")] public float KL1MFChecked() => Cat1MF.KLDivergence(_p1MF, _q1MF);
}

/// <summary>The steady-state job, with one baseline per category (member, K, precision).</summary>
public class InputCheckConfig : SteadyStateConfig
{
    public InputCheckConfig()
    {
        AddColumn(CategoriesColumn.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }
}
