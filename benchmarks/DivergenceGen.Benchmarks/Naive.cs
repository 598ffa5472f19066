using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DivergenceGen.Benchmarks;

/// <summary>
/// The naive scalar loops a user would write: one Math.Log (MathF.Log for float) per element, accumulated in the
/// element type. Valid only for strictly positive inputs (which is what the benchmarks feed them).
/// </summary>
public static class Naive
{
    public static T KLDivergence<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            double r = KLDivergence(MemoryMarshal.Cast<T, double>(p), MemoryMarshal.Cast<T, double>(q));
            return Unsafe.As<double, T>(ref r);
        }
        float f = KLDivergence(MemoryMarshal.Cast<T, float>(p), MemoryMarshal.Cast<T, float>(q));
        return Unsafe.As<float, T>(ref f);
    }

    public static T Entropy<T>(ReadOnlySpan<T> p) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            double r = Entropy(MemoryMarshal.Cast<T, double>(p));
            return Unsafe.As<double, T>(ref r);
        }
        float f = Entropy(MemoryMarshal.Cast<T, float>(p));
        return Unsafe.As<float, T>(ref f);
    }

    public static T CrossEntropy<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q) where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            double r = CrossEntropy(MemoryMarshal.Cast<T, double>(p), MemoryMarshal.Cast<T, double>(q));
            return Unsafe.As<double, T>(ref r);
        }
        float f = CrossEntropy(MemoryMarshal.Cast<T, float>(p), MemoryMarshal.Cast<T, float>(q));
        return Unsafe.As<float, T>(ref f);
    }

    public static double KLDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += p[i] * Math.Log(p[i] / q[i]);
        }
        return sum;
    }

    public static float KLDivergence(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        float sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += p[i] * MathF.Log(p[i] / q[i]);
        }
        return sum;
    }

    public static double Entropy(ReadOnlySpan<double> p)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum -= p[i] * Math.Log(p[i]);
        }
        return sum;
    }

    public static float Entropy(ReadOnlySpan<float> p)
    {
        float sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum -= p[i] * MathF.Log(p[i]);
        }
        return sum;
    }

    public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum -= p[i] * Math.Log(q[i]);
        }
        return sum;
    }

    public static float CrossEntropy(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        float sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum -= p[i] * MathF.Log(q[i]);
        }
        return sum;
    }

    /// <summary>Bernoulli KL of many pairs: p log(p/q) + (1 − p) log((1 − p)/(1 − q)), one pair per element.</summary>
    public static void BernoulliKL(ReadOnlySpan<double> p, ReadOnlySpan<double> q, Span<double> destination)
    {
        for (int i = 0; i < p.Length; i++)
        {
            destination[i] = p[i] * Math.Log(p[i] / q[i]) + (1 - p[i]) * Math.Log((1 - p[i]) / (1 - q[i]));
        }
    }

    /// <summary>Bernoulli log-pmf of many outcomes, a log per element (what a first attempt writes).</summary>
    public static void BernoulliLogPmf(double p, ReadOnlySpan<int> outcomes, Span<double> destination)
    {
        for (int i = 0; i < outcomes.Length; i++)
        {
            destination[i] = outcomes[i] == 1 ? Math.Log(p) : Math.Log(1 - p);
        }
    }

    /// <summary>The same with the two logs hoisted out of the loop (a scalar select per element).</summary>
    public static void BernoulliLogPmfHoisted(double p, ReadOnlySpan<int> outcomes, Span<double> destination)
    {
        double logP = Math.Log(p);
        double log1mP = Math.Log(1 - p);
        for (int i = 0; i < outcomes.Length; i++)
        {
            destination[i] = outcomes[i] == 1 ? logP : log1mP;
        }
    }
}

/// <summary>Double-precision references (Kahan-compensated sums of Math.Log terms) for validating every variant.</summary>
public static class Reference
{
    public static double KLDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var s = new Compensated();
        for (int i = 0; i < p.Length; i++)
        {
            s.Add(p[i] * Math.Log(p[i] / q[i]));
        }
        return s.Value;
    }

    public static double Entropy(ReadOnlySpan<double> p)
    {
        var s = new Compensated();
        for (int i = 0; i < p.Length; i++)
        {
            s.Add(-p[i] * Math.Log(p[i]));
        }
        return s.Value;
    }

    public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var s = new Compensated();
        for (int i = 0; i < p.Length; i++)
        {
            s.Add(-p[i] * Math.Log(q[i]));
        }
        return s.Value;
    }

    /// <summary>float terms (MathF.Log of float ratios), double accumulation: "a double accumulation's" accuracy.</summary>
    public static double KLDivergenceFloatTermsDoubleSum(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += p[i] * MathF.Log(p[i] / q[i]);
        }
        return sum;
    }

    public static double EntropyFloatTermsDoubleSum(ReadOnlySpan<float> p)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum -= p[i] * MathF.Log(p[i]);
        }
        return sum;
    }

    public static double CrossEntropyFloatTermsDoubleSum(ReadOnlySpan<float> p, ReadOnlySpan<float> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum -= p[i] * MathF.Log(q[i]);
        }
        return sum;
    }

    private struct Compensated
    {
        private double _sum;
        private double _c;

        public readonly double Value => _sum + _c;

        public void Add(double x)
        {
            double t = _sum + x;
            _c += Math.Abs(_sum) >= Math.Abs(x) ? (_sum - t) + x : (x - t) + _sum;
            _sum = t;
        }
    }
}
