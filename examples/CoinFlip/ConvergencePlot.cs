using System;
using System.Globalization;
using ScottPlot;

namespace CoinFlip;

/// <summary>The PNG of the experiment: L_n against n (log scale) with KL(P‖Q) and the band KL ± 2·sd(L_n).</summary>
internal static class ConvergencePlot
{
    /// <summary>
    /// <paramref name="n"/> and <paramref name="ln"/> are the sampled points of the curve (n increasing);
    /// sd(L_n) = <paramref name="sd1"/>/√n. The x axis shows log₁₀ n, labelled with n.
    /// </summary>
    public static void Save(string path, string title, double[] n, double[] ln, double kl, double sd1)
    {
        int count = n.Length;
        double[] log10N = new double[count], lower = new double[count], upper = new double[count];
        for (int i = 0; i < count; i++)
        {
            log10N[i] = Math.Log10(n[i]);
            double twoSd = 2 * sd1 / Math.Sqrt(n[i]);
            lower[i] = kl - twoSd;
            upper[i] = kl + twoSd;
        }

        var plot = new Plot();

        var band = plot.Add.FillY(log10N, lower, upper);
        band.FillColor = Colors.Gray.WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = "KL ± 2·sd(L_n), sd(L_n) = σ/√n";

        var klLine = plot.Add.HorizontalLine(kl);
        klLine.Color = Colors.Black;
        klLine.LinePattern = LinePattern.Dashed;
        klLine.LineWidth = 1.5f;
        klLine.LegendText = $"KL(P‖Q) = {kl.ToString("0.000000", CultureInfo.InvariantCulture)} nats";

        var curve = plot.Add.ScatterLine(log10N, ln);
        curve.LineWidth = 2;
        curve.LegendText = "L_n = (1/n)·Σ log(P(xᵢ)/Q(xᵢ))";

        // A logarithmic x axis: the data are log₁₀ n; ticks at whole powers of ten, labelled with n, minor ticks
        // at 2·10ᵏ … 9·10ᵏ.
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = x => Math.Pow(10, x).ToString("N0", CultureInfo.InvariantCulture),
        };
        plot.Axes.Bottom.TickGenerator = ticks;

        plot.Title(title);
        plot.XLabel("n (tosses, log scale)");
        plot.YLabel("nats");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 800, 500);
    }
}
