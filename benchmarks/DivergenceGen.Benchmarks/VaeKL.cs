using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// The variational autoencoder's KL term with its gradients (issue 15): <c>KLToStandardNormalAndGradient(mean,
/// logVariance, meanGradient, logVarianceGradient)</c> of <c>[DiagonalNormal(D)]</c>, Reduction Mean, on N = 256 rows of
/// D = 16 and D = 512 (row-major), double. KL = (1/N)·Σ ½(μ² + e^v − 1 − v), ∂/∂μ = μ/N, ∂/∂v = ½(e^v − 1)/N.
/// Baseline: the naive loop a user writes, so each Ratio is time(variant) / time(naive): &lt; 1 means faster than the
/// naive loop. Means and log-variances are seeded uniform in [−3, 3]. Before timing, the naive loop and the
/// TensorPrimitives composition must agree with the generated kernel (KL within 1e-12 relative, every gradient element
/// within 1e-12 relative or 1e-15 absolute), with the gradients filled with NaN before each check.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public class VaeKL
{
    public const int Rows = 256;
    private double[] _mean = [], _logVariance = [], _meanGradient = [], _logVarianceGradient = [];

    [Params(16, 512)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_mean, _logVariance) = VaeInputs.Create(Rows * D, seed: 1500 + D);
        _meanGradient = new double[Rows * D];
        _logVarianceGradient = new double[Rows * D];

        // The generated kernel is the reference (φ and e^v − 1 without cancellation; held to a few ulp against mpmath in
        // tests/): the other rows must agree with it.
        Array.Fill(_meanGradient, double.NaN);
        Array.Fill(_logVarianceGradient, double.NaN);
        double reference = Generated();
        double[] referenceMeanGradient = (double[])_meanGradient.Clone();
        double[] referenceLogVarianceGradient = (double[])_logVarianceGradient.Clone();
        foreach (var (name, run) in new (string, Func<double>)[] { ("naive", Naive), ("TensorPrimitives", TensorPrimitives) })
        {
            Array.Fill(_meanGradient, double.NaN);
            Array.Fill(_logVarianceGradient, double.NaN);
            string what = $"VAE KL {name} D={D} double";
            Check.Close(what, run(), reference, Check.DoubleTolerance);
            VaeInputs.CloseGradient(what + " meanGradient", _meanGradient, referenceMeanGradient, Check.DoubleTolerance, 1e-15);
            VaeInputs.CloseGradient(what + " logVarianceGradient", _logVarianceGradient, referenceLogVarianceGradient, Check.DoubleTolerance, 1e-15);
        }
    }

    /// <summary>The generated static member: one pass per row, KL and both gradients from the same loads.</summary>
    [Benchmark]
    public double Generated() => D == 16
        ? Latent16.KLToStandardNormalAndGradient(_mean, _logVariance, _meanGradient, _logVarianceGradient)
        : Latent512.KLToStandardNormalAndGradient(_mean, _logVariance, _meanGradient, _logVarianceGradient);

    /// <summary>The loop a user writes: one Math.Exp per element, the KL as −½(1 + v − μ² − e^v), the gradients from the same e^v.</summary>
    [Benchmark(Baseline = true)]
    public double Naive()
    {
        var mean = _mean;
        var logVariance = _logVariance;
        var meanGradient = _meanGradient;
        var logVarianceGradient = _logVarianceGradient;
        double n = mean.Length / D;
        double kl = 0;
        for (int j = 0; j < mean.Length; j++)
        {
            double m = mean[j];
            double v = logVariance[j];
            double e = Math.Exp(v);
            kl += -0.5 * (1 + v - m * m - e);
            meanGradient[j] = m / n;
            logVarianceGradient[j] = 0.5 * (e - 1) / n;
        }

        return kl / n;
    }

    /// <summary>
    /// TensorPrimitives over the whole N·D arrays, the gradient of v serving as the scratch buffer: Exp(v) → Sum, then
    /// Subtract 1 → Multiply by ½/N in place for ∂/∂v; SumOfSquares(μ), Sum(v); Multiply(μ, 1/N) for ∂/∂μ. One exp per
    /// element, seven passes; KL = ½(Σμ² + Σe^v − Σv − N·D)/N.
    /// </summary>
    [Benchmark]
    public double TensorPrimitives()
    {
        ReadOnlySpan<double> mean = _mean;
        ReadOnlySpan<double> logVariance = _logVariance;
        Span<double> meanGradient = _meanGradient;
        Span<double> logVarianceGradient = _logVarianceGradient;
        int count = mean.Length;
        double n = count / D;
        System.Numerics.Tensors.TensorPrimitives.Exp(logVariance, logVarianceGradient);
        double sumExp = System.Numerics.Tensors.TensorPrimitives.Sum<double>(logVarianceGradient);
        System.Numerics.Tensors.TensorPrimitives.Subtract(logVarianceGradient, 1d, logVarianceGradient);
        System.Numerics.Tensors.TensorPrimitives.Multiply(logVarianceGradient, 0.5 / n, logVarianceGradient);
        double sumSquares = System.Numerics.Tensors.TensorPrimitives.SumOfSquares(mean);
        double sumLogVariance = System.Numerics.Tensors.TensorPrimitives.Sum(logVariance);
        System.Numerics.Tensors.TensorPrimitives.Multiply(mean, 1 / n, meanGradient);
        return 0.5 * (sumSquares + sumExp - sumLogVariance - count) / n;
    }
}

/// <summary>
/// <see cref="VaeKL"/> in float (<c>Precision.Single</c>: float inputs and gradients; the generated kernel sums in double).
/// The inputs are the double inputs rounded once; the reference is the double generated kernel on those same values
/// widened. Tolerances: KL 1e-5 relative (generated, TensorPrimitives) and 1e-4 (naive), gradients 1e-5 relative or
/// 1e-6/N absolute.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public class VaeKLFloat
{
    public const int Rows = VaeKL.Rows;
    private float[] _mean = [], _logVariance = [], _meanGradient = [], _logVarianceGradient = [];

    [Params(16, 512)]
    public int D { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (meanWide, logVarianceWide) = VaeInputs.Create(Rows * D, seed: 1500 + D);
        _mean = Array.ConvertAll(meanWide, x => (float)x);
        _logVariance = Array.ConvertAll(logVarianceWide, x => (float)x);
        _meanGradient = new float[Rows * D];
        _logVarianceGradient = new float[Rows * D];

        meanWide = Array.ConvertAll(_mean, x => (double)x);
        logVarianceWide = Array.ConvertAll(_logVariance, x => (double)x);
        var referenceMeanGradient = new double[Rows * D];
        var referenceLogVarianceGradient = new double[Rows * D];
        double reference = D == 16
            ? Latent16.KLToStandardNormalAndGradient(meanWide, logVarianceWide, referenceMeanGradient, referenceLogVarianceGradient)
            : Latent512.KLToStandardNormalAndGradient(meanWide, logVarianceWide, referenceMeanGradient, referenceLogVarianceGradient);
        foreach (var (name, run, tolerance) in new (string, Func<float>, double)[]
                 {
                     ("generated", Generated, Check.FloatTolerance), ("naive", Naive, Check.NaiveFloatTolerance),
                     ("TensorPrimitives", TensorPrimitives, Check.FloatTolerance),
                 })
        {
            Array.Fill(_meanGradient, float.NaN);
            Array.Fill(_logVarianceGradient, float.NaN);
            string what = $"VAE KL {name} D={D} float";
            Check.Close(what, run(), reference, tolerance);
            VaeInputs.CloseGradient(what + " meanGradient", Array.ConvertAll(_meanGradient, x => (double)x), referenceMeanGradient, 1e-5, 1e-6 / Rows);
            VaeInputs.CloseGradient(what + " logVarianceGradient", Array.ConvertAll(_logVarianceGradient, x => (double)x), referenceLogVarianceGradient, 1e-5, 1e-6 / Rows);
        }
    }

    [Benchmark]
    public float Generated() => D == 16
        ? Latent16F.KLToStandardNormalAndGradient(_mean, _logVariance, _meanGradient, _logVarianceGradient)
        : Latent512F.KLToStandardNormalAndGradient(_mean, _logVariance, _meanGradient, _logVarianceGradient);

    /// <summary>The naive loop in float: MathF.Exp, float terms, the KL summed in a double.</summary>
    [Benchmark(Baseline = true)]
    public float Naive()
    {
        var mean = _mean;
        var logVariance = _logVariance;
        var meanGradient = _meanGradient;
        var logVarianceGradient = _logVarianceGradient;
        float n = mean.Length / D;
        double kl = 0;
        for (int j = 0; j < mean.Length; j++)
        {
            float m = mean[j];
            float v = logVariance[j];
            float e = MathF.Exp(v);
            kl += -0.5f * (1 + v - m * m - e);
            meanGradient[j] = m / n;
            logVarianceGradient[j] = 0.5f * (e - 1) / n;
        }

        return (float)(kl / n);
    }

    /// <summary>The same seven TensorPrimitives passes as <see cref="VaeKL.TensorPrimitives"/>, float sums.</summary>
    [Benchmark]
    public float TensorPrimitives()
    {
        ReadOnlySpan<float> mean = _mean;
        ReadOnlySpan<float> logVariance = _logVariance;
        Span<float> meanGradient = _meanGradient;
        Span<float> logVarianceGradient = _logVarianceGradient;
        int count = mean.Length;
        float n = count / D;
        System.Numerics.Tensors.TensorPrimitives.Exp(logVariance, logVarianceGradient);
        double sumExp = System.Numerics.Tensors.TensorPrimitives.Sum<float>(logVarianceGradient);
        System.Numerics.Tensors.TensorPrimitives.Subtract(logVarianceGradient, 1f, logVarianceGradient);
        System.Numerics.Tensors.TensorPrimitives.Multiply(logVarianceGradient, 0.5f / n, logVarianceGradient);
        double sumSquares = System.Numerics.Tensors.TensorPrimitives.SumOfSquares(mean);
        double sumLogVariance = System.Numerics.Tensors.TensorPrimitives.Sum(logVariance);
        System.Numerics.Tensors.TensorPrimitives.Multiply(mean, 1 / n, meanGradient);
        return (float)(0.5 * (sumSquares + sumExp - sumLogVariance - count) / n);
    }
}

/// <summary>Inputs and the gradient check of <see cref="VaeKL"/> and <see cref="VaeKLFloat"/>.</summary>
public static class VaeInputs
{
    /// <summary>Seeded means and log-variances, each uniform in [−3, 3].</summary>
    public static (double[] Mean, double[] LogVariance) Create(int count, int seed)
    {
        var random = new Random(seed);
        var mean = new double[count];
        var logVariance = new double[count];
        for (int j = 0; j < count; j++)
        {
            mean[j] = 6 * random.NextDouble() - 3;
            logVariance[j] = 6 * random.NextDouble() - 3;
        }

        return (mean, logVariance);
    }

    /// <summary>Every element within <paramref name="relative"/>·|expected| or <paramref name="absolute"/>, whichever is larger (NaN fails).</summary>
    public static void CloseGradient(string what, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double relative, double absolute)
    {
        for (int j = 0; j < expected.Length; j++)
        {
            double error = Math.Abs(actual[j] - expected[j]);
            if (!(error <= Math.Max(relative * Math.Abs(expected[j]), absolute)))
            {
                throw new InvalidOperationException(
                    $"Validation failed: {what}[{j}] = {actual[j]:R}, expected {expected[j]:R} (|error| {error:E3} > max({relative:E0} relative, {absolute:E0})).");
            }
        }
    }
}
