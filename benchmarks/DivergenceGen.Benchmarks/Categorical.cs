using System;
using System.Numerics;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// Shared set-up for the categorical benchmarks: seeded positive normalised p and q of length K (created once),
/// a scratch buffer for the TensorPrimitives compositions, two generated instances (cached log-probabilities)
/// and, where TorchSharp loads, the same vectors as tensors (created outside the measurement).
/// </summary>
public abstract class CategoricalBase<TDist, T>
    where TDist : ICategoricalDistribution<TDist, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    protected T[] P = [];
    protected T[] Q = [];
    protected T[] Scratch = [];
    protected double[] PWide = [];
    protected double[] QWide = [];
    protected TDist A = default!;
    protected TDist B = default!;
#if WITH_TORCH
    protected TorchSharp.torch.Tensor? TorchP;
    protected TorchSharp.torch.Tensor? TorchQ;
#endif

    protected static int K => TDist.ClassCount;

    protected static bool IsFloat => typeof(T) == typeof(float);

    protected static string Name(string variant) => $"{variant} K={K} {typeof(T).Name}";

    protected void Initialise()
    {
        P = Inputs.ProbabilityVector<T>(K, seed: 1000 + K);
        Q = Inputs.ProbabilityVector<T>(K, seed: 2000 + K);
        Scratch = new T[K];
        PWide = Inputs.ToDouble(P);
        QWide = Inputs.ToDouble(Q);
        A = TDist.FromProbabilities(P);
        B = TDist.FromProbabilities(Q);
#if WITH_TORCH
        if (TorchSupport.IsAvailable(out _))
        {
            TorchP = ToTensor(P);
            TorchQ = ToTensor(Q);
        }
#endif
    }

    /// <summary>Checks one variant against the double reference; float tolerances per <see cref="Check"/>.</summary>
    protected static void Validate(string variant, T actual, double reference, bool floatAccumulation = false)
    {
        double tolerance = !IsFloat ? Check.DoubleTolerance : floatAccumulation ? Check.NaiveFloatTolerance : Check.FloatTolerance;
        Check.Close(Name(variant), double.CreateChecked(actual), reference, tolerance);
    }

    protected static T Zero => T.Zero;

#if WITH_TORCH
    private static TorchSharp.torch.Tensor ToTensor(T[] values) =>
        values is double[] d ? TorchSharp.torch.tensor(d) : TorchSharp.torch.tensor((float[])(object)values);
#endif
}

/// <summary>
/// Categorical KL divergence D(P‖Q) = Σ pₖ log(pₖ/qₖ). Baseline: the generated static kernel on raw vectors
/// (it computes the logs), so every Ratio reads "this variant's time / generated time": &gt; 1 means generated is faster.
/// </summary>
[Config(typeof(SteadyStateConfig))]
[GenericTypeArguments(typeof(Cat4), typeof(double))]
[GenericTypeArguments(typeof(Cat16), typeof(double))]
[GenericTypeArguments(typeof(Cat256), typeof(double))]
[GenericTypeArguments(typeof(Cat4096), typeof(double))]
[GenericTypeArguments(typeof(Cat1M), typeof(double))]
[GenericTypeArguments(typeof(Cat4F), typeof(float))]
[GenericTypeArguments(typeof(Cat16F), typeof(float))]
[GenericTypeArguments(typeof(Cat256F), typeof(float))]
[GenericTypeArguments(typeof(Cat4096F), typeof(float))]
[GenericTypeArguments(typeof(Cat1MF), typeof(float))]
public class CategoricalKL<TDist, T> : CategoricalBase<TDist, T>
    where TDist : ICategoricalDistribution<TDist, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    [GlobalSetup]
    public void Setup()
    {
        Initialise();
        double reference = Reference.KLDivergence(PWide, QWide);
        Validate(nameof(Generated), Generated(), reference);
        Validate(nameof(GeneratedCached), GeneratedCached(), reference);
        Validate(nameof(Naive), Naive(), reference, floatAccumulation: true);
        Validate(nameof(TensorPrimitives), TensorPrimitives(), reference);
#if WITH_TORCH
        if (TorchP is not null)
        {
            Validate(nameof(Torch), Torch(), reference);
        }
#endif
    }

    /// <summary>Generated, raw vectors: <c>CatK.KLDivergence(p, q)</c> (takes the logs at call time).</summary>
    [Benchmark(Baseline = true)]
    public T Generated() => TDist.KLDivergence(P, Q);

    /// <summary>Generated, instances: <c>a.KLDivergence(in b)</c> from cached log-probabilities (no log at call time).</summary>
    [Benchmark]
    public T GeneratedCached() => A.KLDivergence(in B);

    /// <summary>Naive scalar loop: Σ p·Math.Log(p/q) (MathF for float, float accumulator).</summary>
    [Benchmark]
    public T Naive() => Benchmarks.Naive.KLDivergence<T>(P, Q);

    /// <summary>TensorPrimitives: Divide → Log → Dot (scratch allocated in set-up), clamped at 0.</summary>
    [Benchmark]
    public T TensorPrimitives()
    {
        System.Numerics.Tensors.TensorPrimitives.Divide<T>(P, Q, Scratch);
        System.Numerics.Tensors.TensorPrimitives.Log<T>(Scratch, Scratch);
        return T.Max(System.Numerics.Tensors.TensorPrimitives.Dot<T>(P, Scratch), Zero);
    }

    /// <summary>Floor: TensorPrimitives.Dot(p, q): reads the same bytes, no log (memory bandwidth / load limit).</summary>
    [Benchmark]
    public T FloorDot() => System.Numerics.Tensors.TensorPrimitives.Dot<T>(P, Q);

#if WITH_TORCH
    /// <summary>TorchSharp-cpu, one thread: kl_div(log q, p, log_target: false, reduction: sum).item().</summary>
    [Benchmark]
    public T Torch()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return TorchSharp.torch.nn.functional.kl_div(TorchQ!.log(), TorchP!, false, TorchSharp.torch.nn.Reduction.Sum).item<T>();
    }
#endif
}

/// <summary>Categorical entropy H(P) = −Σ pₖ log pₖ. Baseline: generated static kernel on the raw vector.</summary>
[Config(typeof(SteadyStateConfig))]
[GenericTypeArguments(typeof(Cat4), typeof(double))]
[GenericTypeArguments(typeof(Cat16), typeof(double))]
[GenericTypeArguments(typeof(Cat256), typeof(double))]
[GenericTypeArguments(typeof(Cat4096), typeof(double))]
[GenericTypeArguments(typeof(Cat1M), typeof(double))]
[GenericTypeArguments(typeof(Cat4F), typeof(float))]
[GenericTypeArguments(typeof(Cat16F), typeof(float))]
[GenericTypeArguments(typeof(Cat256F), typeof(float))]
[GenericTypeArguments(typeof(Cat4096F), typeof(float))]
[GenericTypeArguments(typeof(Cat1MF), typeof(float))]
public class CategoricalEntropy<TDist, T> : CategoricalBase<TDist, T>
    where TDist : ICategoricalDistribution<TDist, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    [GlobalSetup]
    public void Setup()
    {
        Initialise();
        double reference = Reference.Entropy(PWide);
        Validate(nameof(Generated), Generated(), reference);
        Validate(nameof(GeneratedCached), GeneratedCached(), reference);
        Validate(nameof(Naive), Naive(), reference, floatAccumulation: true);
        Validate(nameof(TensorPrimitives), TensorPrimitives(), reference);
#if WITH_TORCH
        if (TorchP is not null)
        {
            Validate(nameof(Torch), Torch(), reference);
        }
#endif
    }

    [Benchmark(Baseline = true)]
    public T Generated() => TDist.Entropy(P);

    [Benchmark]
    public T GeneratedCached() => A.Entropy();

    [Benchmark]
    public T Naive() => Benchmarks.Naive.Entropy<T>(P);

    /// <summary>TensorPrimitives: Log → −Dot.</summary>
    [Benchmark]
    public T TensorPrimitives()
    {
        System.Numerics.Tensors.TensorPrimitives.Log<T>(P, Scratch);
        return -System.Numerics.Tensors.TensorPrimitives.Dot<T>(P, Scratch);
    }

    /// <summary>Floor: TensorPrimitives.Dot(p, q) (the same arrays as KL and cross-entropy).</summary>
    [Benchmark]
    public T FloorDot() => System.Numerics.Tensors.TensorPrimitives.Dot<T>(P, Q);

#if WITH_TORCH
    /// <summary>TorchSharp-cpu, one thread: −xlogy(p, p).sum().item().</summary>
    [Benchmark]
    public T Torch()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return (-TorchSharp.torch.xlogy(TorchP!, TorchP!).sum()).item<T>();
    }
#endif
}

/// <summary>Categorical cross-entropy H(P, Q) = −Σ pₖ log qₖ. Baseline: generated static kernel on raw vectors.</summary>
[Config(typeof(SteadyStateConfig))]
[GenericTypeArguments(typeof(Cat4), typeof(double))]
[GenericTypeArguments(typeof(Cat16), typeof(double))]
[GenericTypeArguments(typeof(Cat256), typeof(double))]
[GenericTypeArguments(typeof(Cat4096), typeof(double))]
[GenericTypeArguments(typeof(Cat1M), typeof(double))]
[GenericTypeArguments(typeof(Cat4F), typeof(float))]
[GenericTypeArguments(typeof(Cat16F), typeof(float))]
[GenericTypeArguments(typeof(Cat256F), typeof(float))]
[GenericTypeArguments(typeof(Cat4096F), typeof(float))]
[GenericTypeArguments(typeof(Cat1MF), typeof(float))]
public class CategoricalCrossEntropy<TDist, T> : CategoricalBase<TDist, T>
    where TDist : ICategoricalDistribution<TDist, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    [GlobalSetup]
    public void Setup()
    {
        Initialise();
        double reference = Reference.CrossEntropy(PWide, QWide);
        Validate(nameof(Generated), Generated(), reference);
        Validate(nameof(GeneratedCached), GeneratedCached(), reference);
        Validate(nameof(Naive), Naive(), reference, floatAccumulation: true);
        Validate(nameof(TensorPrimitives), TensorPrimitives(), reference);
#if WITH_TORCH
        if (TorchP is not null)
        {
            Validate(nameof(Torch), Torch(), reference);
        }
#endif
    }

    [Benchmark(Baseline = true)]
    public T Generated() => TDist.CrossEntropy(P, Q);

    [Benchmark]
    public T GeneratedCached() => A.CrossEntropy(in B);

    [Benchmark]
    public T Naive() => Benchmarks.Naive.CrossEntropy<T>(P, Q);

    /// <summary>TensorPrimitives: Log(q) → −Dot(p, ·).</summary>
    [Benchmark]
    public T TensorPrimitives()
    {
        System.Numerics.Tensors.TensorPrimitives.Log<T>(Q, Scratch);
        return -System.Numerics.Tensors.TensorPrimitives.Dot<T>(P, Scratch);
    }

    [Benchmark]
    public T FloorDot() => System.Numerics.Tensors.TensorPrimitives.Dot<T>(P, Q);

#if WITH_TORCH
    /// <summary>TorchSharp-cpu, one thread: −xlogy(p, q).sum().item().</summary>
    [Benchmark]
    public T Torch()
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return (-TorchSharp.torch.xlogy(TorchP!, TorchQ!).sum()).item<T>();
    }
#endif
}
