using System;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// Row batches (issue 17): N = 10,000 rows of K classes (row-major), each against one reference row (a drift monitor's
/// reference histogram) and against its own row of Q. <c>Generated</c> is one call of the generated row member;
/// <c>Naive</c> is the loop a user would write (one Math.Log per element, or the textbook JS with the mixture);
/// <c>PerRowCalls</c> calls the generated single-row member once per row (what the row member saves: the per-call checks).
/// Inputs are strictly positive (so the naive loops are valid), seeded, created once.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public abstract class RowBatchesBase<TDist>
    where TDist : ICategoricalDistribution<TDist, double>
{
    protected const int Rows = 10_000;

    protected static int K => TDist.ClassCount;

    protected double[] P = [];
    protected double[] Q = [];
    protected double[] Reference = [];
    protected double[] Destination = new double[Rows];

    [GlobalSetup]
    public void Setup()
    {
        P = new double[Rows * K];
        Q = new double[Rows * K];
        for (int i = 0; i < Rows; i++)
        {
            Inputs.ProbabilityVector(K, seed: 10 + i).CopyTo(P, i * K);
            Inputs.ProbabilityVector(K, seed: 90_000 + i).CopyTo(Q, i * K);
        }

        Reference = Inputs.ProbabilityVector(K, seed: 7);
    }

    /// <summary>Σ p·log(p/q) per row, Q the one reference row.</summary>
    protected void NaiveKLAgainstReference()
    {
        for (int i = 0; i < Rows; i++)
        {
            Destination[i] = Naive.KLDivergence(P.AsSpan(i * K, K), Reference);
        }
    }

    /// <summary>½Σ p·log(p/m) + q·log(q/m), m = (p + q)/2, per row, Q the one reference row.</summary>
    protected void NaiveJSAgainstReference()
    {
        for (int i = 0; i < Rows; i++)
        {
            var p = P.AsSpan(i * K, K);
            double sum = 0;
            for (int k = 0; k < K; k++)
            {
                double m = 0.5 * (p[k] + Reference[k]);
                sum += p[k] * Math.Log(p[k] / m) + Reference[k] * Math.Log(Reference[k] / m);
            }

            Destination[i] = 0.5 * sum;
        }
    }
}

public class RowBatches20 : RowBatchesBase<Cat20>
{
    [Benchmark(Baseline = true, Description = "KL rows, one Q: naive")]
    public void KLNaive() => NaiveKLAgainstReference();

    [Benchmark(Description = "KL rows, one Q: per-row calls")]
    public void KLPerRowCalls()
    {
        for (int i = 0; i < Rows; i++)
        {
            Destination[i] = Cat20.KLDivergence(P.AsSpan(i * K, K), Reference);
        }
    }

    [Benchmark(Description = "KL rows, one Q: generated")]
    public void KLGenerated() => Cat20.KLDivergenceRows(P, Reference, Destination);

    [Benchmark(Description = "KL rows, N Q rows: generated")]
    public void KLGeneratedRows() => Cat20.KLDivergenceRows(P, Q, Destination);

    [Benchmark(Description = "JS rows, one Q: naive")]
    public void JSNaive() => NaiveJSAgainstReference();

    [Benchmark(Description = "JS rows, one Q: generated")]
    public void JSGenerated() => Cat20.JensenShannonDivergenceRows(P, Reference, Destination);

    [Benchmark(Description = "PSI rows, one Q: generated")]
    public void PSIGenerated() => Cat20.PopulationStabilityIndexRows(P, Reference, 1e-4, Destination);

    [Benchmark(Description = "entropy rows: generated")]
    public void EntropyGenerated() => Cat20.EntropyRows(P, Destination);
}

public class RowBatches1000 : RowBatchesBase<Cat1000>
{
    [Benchmark(Baseline = true, Description = "KL rows, one Q: naive")]
    public void KLNaive() => NaiveKLAgainstReference();

    [Benchmark(Description = "KL rows, one Q: generated")]
    public void KLGenerated() => Cat1000.KLDivergenceRows(P, Reference, Destination);

    [Benchmark(Description = "JS rows, one Q: naive")]
    public void JSNaive() => NaiveJSAgainstReference();

    [Benchmark(Description = "JS rows, one Q: generated")]
    public void JSGenerated() => Cat1000.JensenShannonDivergenceRows(P, Reference, Destination);
}

/// <summary>K = 16 ≤ the unroll threshold: the row members run blocks of rows across the lanes (8 rows per Vector512).</summary>
public class RowBatches16 : RowBatchesBase<Cat16Rows>
{
    [Benchmark(Baseline = true, Description = "KL rows, one Q: naive")]
    public void KLNaive() => NaiveKLAgainstReference();

    [Benchmark(Description = "KL rows, one Q: per-row calls")]
    public void KLPerRowCalls()
    {
        for (int i = 0; i < Rows; i++)
        {
            Destination[i] = Cat16Rows.KLDivergence(P.AsSpan(i * K, K), Reference);
        }
    }

    [Benchmark(Description = "KL rows, one Q: generated")]
    public void KLGenerated() => Cat16Rows.KLDivergenceRows(P, Reference, Destination);

    [Benchmark(Description = "KL rows, N Q rows: generated")]
    public void KLGeneratedRows() => Cat16Rows.KLDivergenceRows(P, Q, Destination);

    [Benchmark(Description = "JS rows, one Q: naive")]
    public void JSNaive() => NaiveJSAgainstReference();

    [Benchmark(Description = "JS rows, one Q: per-row calls")]
    public void JSPerRowCalls()
    {
        for (int i = 0; i < Rows; i++)
        {
            Destination[i] = Cat16Rows.JensenShannonDivergence(P.AsSpan(i * K, K), Reference);
        }
    }

    [Benchmark(Description = "JS rows, one Q: generated")]
    public void JSGenerated() => Cat16Rows.JensenShannonDivergenceRows(P, Reference, Destination);

    [Benchmark(Description = "entropy rows: generated")]
    public void EntropyGenerated() => Cat16Rows.EntropyRows(P, Destination);

    [Benchmark(Description = "entropy rows: per-row calls")]
    public void EntropyPerRowCalls()
    {
        for (int i = 0; i < Rows; i++)
        {
            Destination[i] = Cat16Rows.Entropy(P.AsSpan(i * K, K));
        }
    }

    [Benchmark(Description = "the rows' up-front element check alone")]
    public void CheckOnly() => Guard.ThrowIfAnyNotProbability<double>(P, "p");
}

/// <summary>K = 4: a row is half a Vector512; the row members run blocks of 8 rows across the lanes.</summary>
public class RowBatches4 : RowBatchesBase<Cat4>
{
    [Benchmark(Baseline = true, Description = "KL rows, one Q: naive")]
    public void KLNaive() => NaiveKLAgainstReference();

    [Benchmark(Description = "KL rows, one Q: per-row calls")]
    public void KLPerRowCalls()
    {
        for (int i = 0; i < Rows; i++)
        {
            Destination[i] = Cat4.KLDivergence(P.AsSpan(i * K, K), Reference);
        }
    }

    [Benchmark(Description = "KL rows, one Q: generated")]
    public void KLGenerated() => Cat4.KLDivergenceRows(P, Reference, Destination);

    [Benchmark(Description = "JS rows, one Q: per-row calls")]
    public void JSPerRowCalls()
    {
        for (int i = 0; i < Rows; i++)
        {
            Destination[i] = Cat4.JensenShannonDivergence(P.AsSpan(i * K, K), Reference);
        }
    }

    [Benchmark(Description = "JS rows, one Q: generated")]
    public void JSGenerated() => Cat4.JensenShannonDivergenceRows(P, Reference, Destination);
}

/// <summary>K = 8: a row is one Vector512.</summary>
public class RowBatches8 : RowBatchesBase<Cat8Rows>
{
    [Benchmark(Baseline = true, Description = "KL rows, one Q: naive")]
    public void KLNaive() => NaiveKLAgainstReference();

    [Benchmark(Description = "KL rows, one Q: per-row calls")]
    public void KLPerRowCalls()
    {
        for (int i = 0; i < Rows; i++)
        {
            Destination[i] = Cat8Rows.KLDivergence(P.AsSpan(i * K, K), Reference);
        }
    }

    [Benchmark(Description = "KL rows, one Q: generated")]
    public void KLGenerated() => Cat8Rows.KLDivergenceRows(P, Reference, Destination);

    [Benchmark(Description = "entropy rows: per-row calls")]
    public void EntropyPerRowCalls()
    {
        for (int i = 0; i < Rows; i++)
        {
            Destination[i] = Cat8Rows.Entropy(P.AsSpan(i * K, K));
        }
    }

    [Benchmark(Description = "entropy rows: generated")]
    public void EntropyGenerated() => Cat8Rows.EntropyRows(P, Destination);
}
