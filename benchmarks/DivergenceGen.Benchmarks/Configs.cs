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
/// call counting starts at once (DOTNET_TC_CallCountingDelayMs=0) and 10 warm-up iterations precede 15 measured
/// ones of ~100 ms each, so every variant runs its final tier. Memory diagnoser on. Set DG_BENCH_QUICK=1 for a
/// shorter smoke job (3 warm-up, 5 measured iterations of 50 ms).
/// </summary>
public class SteadyStateConfig : ManualConfig
{
    public SteadyStateConfig()
    {
        bool quick = Environment.GetEnvironmentVariable("DG_BENCH_QUICK") == "1";
        AddJob(Job.Default
            .WithId(quick ? "Quick" : "SteadyState")
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 3 : 10)
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
