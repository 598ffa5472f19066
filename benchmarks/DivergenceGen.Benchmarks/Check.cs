using System;

namespace DivergenceGen.Benchmarks;

/// <summary>Validation before timing: a variant that computes the wrong thing fast fails the run.</summary>
public static class Check
{
    /// <summary>Relative tolerance for double variants against the double reference.</summary>
    public const double DoubleTolerance = 1e-12;

    /// <summary>float variants that accumulate in double (generated) or pairwise (TensorPrimitives, Torch) vs the double reference.</summary>
    public const double FloatTolerance = 1e-5;

    /// <summary>the naive float loop accumulates sequentially in float: its drift at K = 1M is ~1e-5 (PERFORMANCE.md lesson 7).</summary>
    public const double NaiveFloatTolerance = 1e-4;

    public static double RelativeError(double actual, double expected) =>
        Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);

    public static void Close(string what, double actual, double expected, double tolerance)
    {
        double error = RelativeError(actual, expected);
        if (!(error <= tolerance))
        {
            throw new InvalidOperationException(
                $"Validation failed: {what} = {actual:R}, expected {expected:R} (relative error {error:E3} > tolerance {tolerance:E0}).");
        }
    }

    /// <summary>Element-wise: |actual − expected| ≤ tolerance·scale[i] (scale: the sum of the absolute terms).</summary>
    public static void CloseElements(string what, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, ReadOnlySpan<double> scale, double tolerance)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]);
            if (!(error <= tolerance * scale[i]))
            {
                throw new InvalidOperationException(
                    $"Validation failed: {what}[{i}] = {actual[i]:R}, expected {expected[i]:R} (|error| {error:E3} > {tolerance:E0} × scale {scale[i]:E3}).");
            }
        }
    }
}
