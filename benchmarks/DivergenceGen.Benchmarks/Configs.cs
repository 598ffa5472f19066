using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// Steady state (PERFORMANCE.md lesson 3: with default tiering, short runs measured log loops 5–11× too slow):
/// call counting starts at once (DOTNET_TC_CallCountingDelayMs=0) and 20 warm-up iterations of ~100 ms precede 15
/// measured ones, so every variant runs its final tier. 2 s of warm-up is deliberate: whatever a kernel calls that is
/// not [AggressiveOptimization] or inlined starts at tier 0 (the BCL's Vector256.Log did, before the generated kernels
/// switched to the inlined VectorMath.LogRatio/Log), and on a loaded 2-core machine a background tier-1 compile took
/// ~1–2 s to land (measured then: K = 16 KL 270 ns → 87 ns after ~8 M calls). Memory diagnoser on. DG_BENCH_QUICK=1 gives a smoke job (3 warm-up, 5
/// measured iterations of 50 ms) whose numbers are NOT steady state.
/// </summary>
public class SteadyStateConfig : ManualConfig
{
    public SteadyStateConfig()
        : this(launchCount: 1)
    {
    }

    /// <summary>The same job in <paramref name="launchCount"/> processes per case.</summary>
    protected SteadyStateConfig(int launchCount)
    {
        bool quick = Environment.GetEnvironmentVariable("DG_BENCH_QUICK") == "1";
        AddJob(Job.Default
            .WithId(quick ? "Quick" : "SteadyState")
            .WithLaunchCount(launchCount)
            .WithWarmupCount(quick ? 3 : 20)
            .WithIterationCount(quick ? 5 : 15)
            .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 50 : 100))
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TC_CallCountingDelayMs", "0")));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Value);
    }
}

/// <summary>
/// First-call cost: each measurement is the first call in a fresh process (cold start: JIT included, default
/// tiering, no warm-up), 15 processes per benchmark. This is what a short-lived process pays.
/// </summary>
public class FirstCallConfig : ManualConfig
{
    public FirstCallConfig()
    {
        AddJob(Job.Default
            .WithId("FirstCall")
            .WithStrategy(RunStrategy.ColdStart)
            .WithLaunchCount(Environment.GetEnvironmentVariable("DG_BENCH_QUICK") == "1" ? 3 : 15)
            .WithWarmupCount(0)
            .WithIterationCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddColumn(StatisticColumn.Median);
        AddColumn(CategoriesColumn.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Value);
    }
}
