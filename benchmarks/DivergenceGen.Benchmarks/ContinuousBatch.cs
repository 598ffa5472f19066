using System;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

/// <summary>[Normal] and [Gamma] as generated continuous families (issue 14).</summary>
[Normal] public readonly partial struct BenchNormal;

/// <summary>A gamma law for <see cref="ContinuousBatch"/>.</summary>
[Gamma] public readonly partial struct BenchGamma;

/// <summary>
/// The continuous families' batch log-density of N = 1,048,576 values (issue 14): the generated batch member (SIMD over the
/// family's vector form; for Gamma the saddle-point form, one vector deviance per lane) is the baseline, against the
/// generated scalar <c>LogPdf(x)</c> in a loop and MathNet.Numerics' <c>PDFLn</c> in a loop. Ratio &gt; 1 means the generated
/// batch is faster. Values are checked against MathNet before timing.
/// </summary>
[Config(typeof(SteadyStateConfig))]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ContinuousBatch
{
    public const int N = 1 << 20;
    private const double Mean = 0.7, StandardDeviation = 1.6, Shape = 4.5, Rate = 1.5;
    private double[] _normalX = [], _gammaX = [], _destination = [];
    private BenchNormal _normal;
    private BenchGamma _gamma;

    [GlobalSetup]
    public void Setup()
    {
        _normal = new BenchNormal(Mean, StandardDeviation);
        _gamma = new BenchGamma(Shape, Rate);
        var random = new Random(43);
        _normalX = new double[N];
        _gammaX = new double[N];
        for (int i = 0; i < N; i++)
        {
            _normalX[i] = (random.NextDouble() - 0.5) * 12;
            _gammaX[i] = random.NextDouble() * 12 + 1e-3;
        }

        _destination = new double[N];
        var expected = new double[N];
        var scale = new double[N];
        for (int i = 0; i < N; i++)
        {
            expected[i] = global::MathNet.Numerics.Distributions.Normal.PDFLn(Mean, StandardDeviation, _normalX[i]);
            scale[i] = Math.Abs(expected[i]) + 1;
        }

        NormalGeneratedBatch();
        Check.CloseElements("continuous normal batch, generated batch", _destination, expected, scale, Check.DoubleTolerance);
        NormalScalarLoop();
        Check.CloseElements("continuous normal batch, generated scalar loop", _destination, expected, scale, Check.DoubleTolerance);
        for (int i = 0; i < N; i++)
        {
            expected[i] = global::MathNet.Numerics.Distributions.Gamma.PDFLn(Shape, Rate, _gammaX[i]);
            scale[i] = Math.Abs(expected[i]) + 1;
        }

        GammaGeneratedBatch();
        Check.CloseElements("continuous gamma batch, generated batch", _destination, expected, scale, Check.DoubleTolerance);
        GammaScalarLoop();
        Check.CloseElements("continuous gamma batch, generated scalar loop", _destination, expected, scale, Check.DoubleTolerance);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Normal")]
    public void NormalGeneratedBatch() => _normal.LogPdf(_normalX, _destination);

    [Benchmark]
    [BenchmarkCategory("Normal")]
    public void NormalScalarLoop()
    {
        for (int i = 0; i < _normalX.Length; i++)
        {
            _destination[i] = _normal.LogPdf(_normalX[i]);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Normal")]
    public void NormalMathNetPdfLn()
    {
        for (int i = 0; i < _normalX.Length; i++)
        {
            _destination[i] = global::MathNet.Numerics.Distributions.Normal.PDFLn(Mean, StandardDeviation, _normalX[i]);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Gamma")]
    public void GammaGeneratedBatch() => _gamma.LogPdf(_gammaX, _destination);

    [Benchmark]
    [BenchmarkCategory("Gamma")]
    public void GammaScalarLoop()
    {
        for (int i = 0; i < _gammaX.Length; i++)
        {
            _destination[i] = _gamma.LogPdf(_gammaX[i]);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Gamma")]
    public void GammaMathNetPdfLn()
    {
        for (int i = 0; i < _gammaX.Length; i++)
        {
            _destination[i] = global::MathNet.Numerics.Distributions.Gamma.PDFLn(Shape, Rate, _gammaX[i]);
        }
    }
}
