using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- accuracy`: relative error of every variant against a compensated double reference
/// computed from the same (for float: float-rounded) inputs. No timing. For float it adds "float terms, double
/// sum" — a plain loop accumulating MathF terms in double, its result rounded to float like every float result — the yardstick for "accuracy no worse than a double
/// accumulation's".
/// </summary>
public static class Accuracy
{
    public static int Run()
    {
        Console.WriteLine("| measure | T | K | generated (raw) | generated (cached) | naive loop | float terms, double sum (result rounded to float) | TensorPrimitives |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        Rows<Cat4, double>();
        Rows<Cat16, double>();
        Rows<Cat256, double>();
        Rows<Cat4096, double>();
        Rows<Cat1M, double>();
        Rows<Cat4F, float>();
        Rows<Cat16F, float>();
        Rows<Cat256F, float>();
        Rows<Cat4096F, float>();
        Rows<Cat1MF, float>();
        return 0;
    }

    private static void Rows<TDist, T>()
        where TDist : ICategoricalDistribution<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int k = TDist.ClassCount;
        T[] p = Inputs.ProbabilityVector<T>(k, 1000 + k);
        T[] q = Inputs.ProbabilityVector<T>(k, 2000 + k);
        T[] scratch = new T[k];
        double[] pw = Inputs.ToDouble(p);
        double[] qw = Inputs.ToDouble(q);
        TDist a = TDist.FromProbabilities(p);
        TDist b = TDist.FromProbabilities(q);
        bool isFloat = typeof(T) == typeof(float);

        double rk = Reference.KLDivergence(pw, qw);
        TensorPrimitives.Divide<T>(p, q, scratch);
        TensorPrimitives.Log<T>(scratch, scratch);
        Row("KL", k, rk, TDist.KLDivergence(p, q), a.KLDivergence(in b), Naive.KLDivergence<T>(p, q),
            isFloat ? (float)Reference.KLDivergenceFloatTermsDoubleSum((float[])(object)p, (float[])(object)q) : double.NaN,
            TensorPrimitives.Dot<T>(p, scratch));

        double rh = Reference.Entropy(pw);
        TensorPrimitives.Log<T>(p, scratch);
        Row("entropy", k, rh, TDist.Entropy(p), a.Entropy(), Naive.Entropy<T>(p),
            isFloat ? (float)Reference.EntropyFloatTermsDoubleSum((float[])(object)p) : double.NaN,
            -TensorPrimitives.Dot<T>(p, scratch));

        double rc = Reference.CrossEntropy(pw, qw);
        TensorPrimitives.Log<T>(q, scratch);
        Row("cross-entropy", k, rc, TDist.CrossEntropy(p, q), a.CrossEntropy(in b), Naive.CrossEntropy<T>(p, q),
            isFloat ? (float)Reference.CrossEntropyFloatTermsDoubleSum((float[])(object)p, (float[])(object)q) : double.NaN,
            -TensorPrimitives.Dot<T>(p, scratch));

        static void Row(string measure, int k, double reference, T generated, T cached, T naive, double doubleSum, T tensorPrimitives)
        {
            string E(double value) => Check.RelativeError(value, reference).ToString("0.0E+0");
            Console.WriteLine($"| {measure} | {typeof(T).Name} | {k} | {E(double.CreateChecked(generated))} | {E(double.CreateChecked(cached))} | "
                + $"{E(double.CreateChecked(naive))} | {(double.IsNaN(doubleSum) ? "—" : E(doubleSum))} | {E(double.CreateChecked(tensorPrimitives))} |");
        }
    }
}
