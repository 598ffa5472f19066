using System;

namespace DivergenceGen.Benchmarks;

/// <summary>Seeded inputs: strictly positive, normalised probability vectors (no zeros, so p·log(p/q) is valid).</summary>
public static class Inputs
{
    /// <summary>A probability vector of length <paramref name="k"/>: weights 0.05 + U(0, 1), normalised in double.</summary>
    public static double[] ProbabilityVector(int k, int seed)
    {
        var random = new Random(seed);
        var p = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            p[i] = 0.05 + random.NextDouble();
            sum += p[i];
        }
        for (int i = 0; i < k; i++)
        {
            p[i] /= sum;
        }
        return p;
    }

    /// <summary>The same vector in <typeparamref name="T"/> (float: each element rounded once).</summary>
    public static T[] ProbabilityVector<T>(int k, int seed)
    {
        double[] p = ProbabilityVector(k, seed);
        if (typeof(T) == typeof(double))
        {
            return (T[])(object)p;
        }
        if (typeof(T) == typeof(float))
        {
            var f = new float[k];
            for (int i = 0; i < k; i++)
            {
                f[i] = (float)p[i];
            }
            return (T[])(object)f;
        }
        throw new NotSupportedException(typeof(T).Name);
    }

    /// <summary>Bernoulli parameters uniform in [0.01, 0.99].</summary>
    public static double[] UnitInterval(int n, int seed)
    {
        var random = new Random(seed);
        var p = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = 0.01 + 0.98 * random.NextDouble();
        }
        return p;
    }

    /// <summary>Outcomes 0/1, one with probability <paramref name="p"/>.</summary>
    public static int[] Outcomes(int n, double p, int seed)
    {
        var random = new Random(seed);
        var outcomes = new int[n];
        for (int i = 0; i < n; i++)
        {
            outcomes[i] = random.NextDouble() < p ? 1 : 0;
        }
        return outcomes;
    }

    /// <summary>Widens to double (for references computed from float inputs).</summary>
    public static double[] ToDouble<T>(T[] values)
    {
        if (values is double[] d)
        {
            return d;
        }
        if (values is float[] f)
        {
            var w = new double[f.Length];
            for (int i = 0; i < f.Length; i++)
            {
                w[i] = f[i];
            }
            return w;
        }
        throw new NotSupportedException(typeof(T).Name);
    }
}
