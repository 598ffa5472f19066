using System;
using ScottPlot;

namespace Classifier;

/// <summary>The two PNGs: loss curves, and the decision regions of a trained model with the points on top.</summary>
internal static class Plots
{
    private const int Width = 800, Height = 500;

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>One line per (label, loss of each epoch); the legend names them.</summary>
    public static void LossCurves(string path, string title, params (string Label, double[] Losses)[] curves)
    {
        var plot = new Plot();
        foreach (var (label, losses) in curves)
        {
            double[] epochs = new double[losses.Length];
            for (int e = 0; e < epochs.Length; e++)
            {
                epochs[e] = e;
            }

            var line = plot.Add.ScatterLine(epochs, losses);
            line.LegendText = label;
            line.LineWidth = 2;
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("mean loss on the training set (nats)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }

    /// <summary>
    /// Every cell of a grid over the data's bounding box (plus a margin) coloured by the class the model predicts
    /// there, in a light shade of the class colour; the points on top in the full colour.
    /// </summary>
    public static void DecisionRegions(string path, string title, SoftmaxRegression model, DataSet data)
    {
        const int Cells = 300;
        const double Margin = 0.5;
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity;
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        for (int i = 0; i < data.Count; i++)
        {
            xMin = Math.Min(xMin, data.Features[2 * i]);
            xMax = Math.Max(xMax, data.Features[2 * i]);
            yMin = Math.Min(yMin, data.Features[2 * i + 1]);
            yMax = Math.Max(yMax, data.Features[2 * i + 1]);
        }

        xMin -= Margin;
        xMax += Margin;
        yMin -= Margin;
        yMax += Margin;

        // Row 0 of a heatmap is drawn at the top, so row r samples y from yMax downwards; cell centres.
        double[,] predicted = new double[Cells, Cells];
        double dx = (xMax - xMin) / Cells, dy = (yMax - yMin) / Cells;
        for (int r = 0; r < Cells; r++)
        {
            for (int c = 0; c < Cells; c++)
            {
                predicted[r, c] = model.Predict(xMin + (c + 0.5) * dx, yMax - (r + 0.5) * dy);
            }
        }

        var plot = new Plot();
        var regions = plot.Add.Heatmap(predicted);
        regions.Colormap = new ClassColormap(model.Classes);
        regions.ManualRange = new ScottPlot.Range(0, model.Classes - 1);
        regions.Rectangle = new CoordinateRect(xMin, xMax, yMin, yMax);

        for (int k = 0; k < model.Classes; k++)
        {
            int count = 0;
            foreach (int label in data.Labels)
            {
                count += label == k ? 1 : 0;
            }

            double[] xs = new double[count], ys = new double[count];
            for (int i = 0, j = 0; i < data.Count; i++)
            {
                if (data.Labels[i] == k)
                {
                    xs[j] = data.Features[2 * i];
                    ys[j++] = data.Features[2 * i + 1];
                }
            }

            var points = plot.Add.ScatterPoints(xs, ys, Palette.GetColor(k));
            points.MarkerSize = 6;
            points.LegendText = $"class {k}";
        }

        plot.Title(title);
        plot.XLabel("x₀");
        plot.YLabel("x₁");
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        plot.SavePng(path, Width, Width);
    }

    /// <summary>Maps a class index (scaled to [0, 1] by the heatmap) to a light shade of that class's colour.</summary>
    private sealed class ClassColormap(int classes) : IColormap
    {
        public string Name => "classes";

        public Color GetColor(double position)
        {
            if (double.IsNaN(position))
            {
                return Colors.Transparent;
            }

            int k = (int)Math.Round(Math.Clamp(position, 0, 1) * (classes - 1));
            return Palette.GetColor(k).Lighten(0.7);
        }
    }
}
