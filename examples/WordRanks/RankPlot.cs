using System;
using System.Globalization;
using ScottPlot;

namespace WordRanks;

/// <summary>
/// The PNG of the fits: rank against frequency on log-log axes, the corpus's frequencies and both fitted laws.
/// </summary>
internal static class RankPlot
{
    /// <summary>
    /// Draws log₁₀ frequency against log₁₀ rank (axes labelled with the rank and the frequency): the empirical
    /// frequencies as points, each fitted law as a line through its probabilities at the ranks 1 … K. A pure Zipf law
    /// is a straight line of slope −s there; Zipf–Mandelbrot bends towards horizontal at the top ranks (where q matters
    /// against r).
    /// </summary>
    /// <param name="path">The PNG to write.</param>
    /// <param name="title">The plot's title.</param>
    /// <param name="empirical">The corpus's frequencies, rank 1 first, all positive.</param>
    /// <param name="zipf">The fitted Zipf law's probabilities, rank 1 first.</param>
    /// <param name="zipfLabel">The legend of the Zipf line (its parameters).</param>
    /// <param name="zipfMandelbrot">The fitted Zipf–Mandelbrot law's probabilities, rank 1 first.</param>
    /// <param name="zipfMandelbrotLabel">The legend of the Zipf–Mandelbrot line (its parameters).</param>
    public static void Save(string path, string title, ReadOnlySpan<double> empirical, ReadOnlySpan<double> zipf, string zipfLabel,
                            ReadOnlySpan<double> zipfMandelbrot, string zipfMandelbrotLabel)
    {
        int count = empirical.Length;
        double[] logRank = new double[count];
        double[] logEmpirical = new double[count], logZipf = new double[count], logZipfMandelbrot = new double[count];
        double lowest = double.PositiveInfinity, highest = double.NegativeInfinity;
        for (int k = 0; k < count; k++)
        {
            logRank[k] = Math.Log10(k + 1);
            logZipf[k] = Math.Log10(zipf[k]);
            logZipfMandelbrot[k] = Math.Log10(zipfMandelbrot[k]);
            logEmpirical[k] = Math.Log10(empirical[k]); // every kept word occurs: no rank is empty
            lowest = Math.Min(lowest, Math.Min(logEmpirical[k], Math.Min(logZipf[k], logZipfMandelbrot[k])));
            highest = Math.Max(highest, Math.Max(logEmpirical[k], Math.Max(logZipf[k], logZipfMandelbrot[k])));
        }

        var plot = new Plot();

        var zipfLine = plot.Add.ScatterLine(logRank, logZipf);
        zipfLine.Color = Colors.C1;
        zipfLine.LineWidth = 2;
        zipfLine.LinePattern = LinePattern.Dashed;
        zipfLine.LegendText = zipfLabel;

        var zipfMandelbrotLine = plot.Add.ScatterLine(logRank, logZipfMandelbrot);
        zipfMandelbrotLine.Color = Colors.C2;
        zipfMandelbrotLine.LineWidth = 2;
        zipfMandelbrotLine.LegendText = zipfMandelbrotLabel;

        var points = plot.Add.ScatterPoints(logRank, logEmpirical);
        points.Color = Colors.C0;
        points.MarkerSize = 7;
        points.MarkerShape = MarkerShape.OpenCircle;
        points.LegendText = "corpus: frequency of the word of rank r";

        // Logarithmic axes: the data are log₁₀ values; the ticks are placed at 1, 2, 5 × 10ᵏ and labelled with the
        // values themselves, minor ticks at every other integer multiple of 10ᵏ.
        plot.Axes.Bottom.TickGenerator = LogTicks(0, Math.Log10(count), "0");
        plot.Axes.Left.TickGenerator = LogTicks(lowest, highest, "0.###");
        double margin = 0.04 * (highest - lowest);
        plot.Axes.SetLimitsX(-0.05, Math.Log10(count) + 0.05);
        plot.Axes.SetLimitsY(lowest - margin, highest + margin);

        plot.Title(title);
        plot.XLabel("rank r (log scale)");
        plot.YLabel("frequency, probability (log scale)");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 800, 550);
    }

    /// <summary>
    /// Ticks for a log₁₀ axis from 10^<paramref name="from"/> to 10^<paramref name="to"/>: major ticks (labelled) at
    /// 1, 2 and 5 times a power of ten, minor ticks at the other integer multiples.
    /// </summary>
    private static ScottPlot.TickGenerators.NumericManual LogTicks(double from, double to, string format)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int power = (int)Math.Floor(from) - 1; power <= (int)Math.Ceiling(to); power++)
        {
            for (int multiple = 1; multiple <= 9; multiple++)
            {
                double value = multiple * Math.Pow(10, power);
                double position = Math.Log10(value);
                if (position < from - 0.1 || position > to + 0.1)
                {
                    continue;
                }

                if (multiple is 1 or 2 or 5)
                {
                    ticks.AddMajor(position, value.ToString(format, CultureInfo.InvariantCulture));
                }
                else
                {
                    ticks.AddMinor(position);
                }
            }
        }

        return ticks;
    }
}
