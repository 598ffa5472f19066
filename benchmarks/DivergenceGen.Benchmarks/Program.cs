using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project benchmarks/DivergenceGen.Benchmarks -- --filter '*'` runs everything;
/// `-- accuracy` prints the accuracy table only; `-- inputcheck-ab`, `-- countbatch-ab` and `-- logpoly-ab` time pairs interleaved in one
/// process; `-- stackshift` times the raw kernels with the caller's stack moved by 0–48 bytes; `-- ratios` times the
/// Categorical rows interleaved in one process. See benchmarks/README.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "accuracy")
        {
            return Accuracy.Run();
        }

        if (args.Length > 0 && args[0] == "inputcheck-ab")
        {
            return InputCheckAB.Run();
        }

        if (args.Length > 0 && args[0] == "loss-ab")
        {
            return LossAB.Run();
        }

        if (args.Length > 0 && args[0] == "accumulators-ab")
        {
            return AccumulatorAB.Run();
        }

        if (args.Length > 0 && args[0] == "logpoly-ab")
        {
            return LogPolynomialAB.Run();
        }

        if (args.Length > 0 && args[0] == "ratios")
        {
            return Ratios.Run();
        }

        if (args.Length > 0 && args[0] == "stackshift")
        {
            return StackShift.Run();
        }

        if (args.Length > 0 && args[0] == "countbatch-ab")
        {
            return CountBatchAB.Run();
        }

        IConfig config = DefaultConfig.Instance;
        bool torch = TorchSupport.IsAvailable(out string reason);
        Console.WriteLine(reason);
        if (!torch)
        {
            config = config.AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name != "Torch"));
        }
#if WITH_TORCH
        // BenchmarkDotNet rebuilds this project for its child processes; MSBuild reads environment variables as
        // properties, so the Torch rows survive that build too.
        Environment.SetEnvironmentVariable("WithTorch", "true");
#endif
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        foreach (var summary in summaries)
        {
            if (summary.HasCriticalValidationErrors || summary.Reports.Length < summary.BenchmarksCases.Length)
            {
                return 1;
            }
            foreach (var report in summary.Reports)
            {
                if (!report.Success)
                {
                    return 1;
                }
            }
        }
        return 0;
    }
}
