using System;

namespace Classifier;

/// <summary>Labelled points in the plane: <see cref="Features"/> is N × 2 row-major (x, y per point).</summary>
internal sealed record DataSet(double[] Features, int[] Labels)
{
    public int Count => Labels.Length;
}

/// <summary>
/// The synthetic data: K Gaussian blobs of equal size, centred on a circle, with unit standard deviation in each
/// coordinate. The blobs overlap, so no linear classifier is perfect. Normal draws are Box–Muller pairs from a seeded
/// <see cref="Random"/>, so a seed always gives the same points (no package needed).
/// </summary>
internal static class Blobs
{
    public const double Radius = 2.5;
    public const double Spread = 1.0;

    public static DataSet Sample(int classes, int perClass, int seed)
    {
        var random = new Random(seed);
        int n = classes * perClass;
        double[] features = new double[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int k = i % classes; // classes interleaved, so any prefix is balanced
            double angle = 2 * Math.PI * k / classes;
            (double z0, double z1) = StandardNormalPair(random);
            features[2 * i] = Radius * Math.Cos(angle) + Spread * z0;
            features[2 * i + 1] = Radius * Math.Sin(angle) + Spread * z1;
            labels[i] = k;
        }

        return new DataSet(features, labels);
    }

    /// <summary>Two independent N(0, 1) draws (Box–Muller); 1 − u keeps the logarithm's argument in (0, 1].</summary>
    private static (double, double) StandardNormalPair(Random random)
    {
        double r = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        double theta = 2 * Math.PI * random.NextDouble();
        return (r * Math.Cos(theta), r * Math.Sin(theta));
    }
}
