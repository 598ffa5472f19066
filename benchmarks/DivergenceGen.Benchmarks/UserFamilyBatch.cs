using System;
using BenchmarkDotNet.Attributes;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// A user-described normal law (issue 16, <c>[ExponentialFamily]</c>: η = (μ/σ², −1/(2σ²)), T = (x, x²)), batch log-density
/// of N = 1,048,576 values. The generated batch member (SIMD lanes over the translated T and log h) is the baseline,
/// against: the generated scalar <c>LogPdf(x)</c> in a loop (the user's methods called per value), a hand-written loop
/// with every constant hoisted (the best plain C#), and MathNet.Numerics' <c>Normal.PDFLn</c>. Ratio &gt; 1 means the
/// generated batch is faster.
/// </summary>
[Config(typeof(SteadyStateConfig))]
public class UserFamilyBatch
{
    public const int N = 1 << 20;
    private const double Mean = 0.7;
    private const double Variance = 2.5;
    private double[] _x = [];
    private double[] _destination = [];
    private NormalEF _normal;

    [GlobalSetup]
    public void Setup()
    {
        _normal = new NormalEF(Mean, Variance);
        var random = new Random(41);
        _x = new double[N];
        for (int i = 0; i < N; i++)
        {
            _x[i] = (random.NextDouble() - 0.5) * 12;
        }

        _destination = new double[N];

        // Validation: every variant elementwise within 1e-12 relative of MathNet's log-density (magnitudes up to ~25).
        var expected = new double[N];
        var scale = new double[N];
        for (int i = 0; i < N; i++)
        {
            expected[i] = global::MathNet.Numerics.Distributions.Normal.PDFLn(Mean, Math.Sqrt(Variance), _x[i]);
            scale[i] = Math.Abs(expected[i]) + 1;
        }

        GeneratedBatch();
        Check.CloseElements("user normal batch log-density, generated batch", _destination, expected, scale, Check.DoubleTolerance);
        GeneratedScalarLoop();
        Check.CloseElements("user normal batch log-density, generated scalar loop", _destination, expected, scale, Check.DoubleTolerance);
        Hoisted();
        Check.CloseElements("user normal batch log-density, hoisted loop", _destination, expected, scale, Check.DoubleTolerance);
        MathNetPdfLn();
        Check.CloseElements("user normal batch log-density, MathNet", _destination, expected, scale, Check.DoubleTolerance);
    }

    [Benchmark(Baseline = true)]
    public void GeneratedBatch() => _normal.LogPdf(_x, _destination);

    [Benchmark]
    public void GeneratedScalarLoop()
    {
        for (int i = 0; i < _x.Length; i++)
        {
            _destination[i] = _normal.LogPdf(_x[i]);
        }
    }

    [Benchmark]
    public void Hoisted()
    {
        double inverse = 1 / (2 * Variance), offset = -0.5 * Math.Log(2 * Math.PI * Variance);
        for (int i = 0; i < _x.Length; i++)
        {
            double d = _x[i] - Mean;
            _destination[i] = offset - (d * d * inverse);
        }
    }

    [Benchmark]
    public void MathNetPdfLn()
    {
        double sd = Math.Sqrt(Variance);
        for (int i = 0; i < _x.Length; i++)
        {
            _destination[i] = global::MathNet.Numerics.Distributions.Normal.PDFLn(Mean, sd, _x[i]);
        }
    }
}
