using System;
using System.Globalization;
using ScottPlot;

namespace DriftMonitor;

/// <summary>The PNG of the monitor: PSI (left axis) and JS (right axis) per window, the thresholds, the drift and the outage.</summary>
internal static class DriftPlot
{
    /// <summary>
    /// The right axis (JS) is the left axis (PSI) divided by 8: for small changes PSI ≈ χ² and JS ≈ χ²/8 (both to second
    /// order in P − Q), so the two curves lie on top of each other while the drift is small and part where it is not.
    /// </summary>
    private const double JsScale = 8;

    public static void Save(string path, string title, double[] psi, double[] js, int driftStart, int outageWindow, string outageNote,
                            double moderate, double significant, double epsilon)
    {
        int n = psi.Length;
        double[] window = new double[n];
        double top = significant;
        for (int w = 0; w < n; w++)
        {
            window[w] = w;
            top = Math.Max(top, psi[w]);
        }

        top *= 1.1;
        var plot = new Plot();

        var drift = plot.Add.HorizontalSpan(driftStart - 0.5, n - 0.5);
        drift.FillStyle.Color = Colors.Orange.WithAlpha(0.08);
        drift.LineStyle.Width = 0;
        drift.LegendText = $"drift (from window {driftStart})";

        var outage = plot.Add.VerticalLine(outageWindow);
        outage.Color = Colors.Gray;
        outage.LinePattern = LinePattern.Dotted;
        outage.LineWidth = 1;
        outage.LegendText = $"outage (window {outageWindow}): {outageNote}";

        var moderateLine = plot.Add.HorizontalLine(moderate);
        moderateLine.Color = Colors.DarkOrange;
        moderateLine.LinePattern = LinePattern.Dashed;
        moderateLine.LineWidth = 1.5f;
        moderateLine.LegendText = $"PSI = {moderate.ToString(CultureInfo.InvariantCulture)}: moderate";

        var significantLine = plot.Add.HorizontalLine(significant);
        significantLine.Color = Colors.Red;
        significantLine.LinePattern = LinePattern.Dashed;
        significantLine.LineWidth = 1.5f;
        significantLine.LegendText = $"PSI = {significant.ToString(CultureInfo.InvariantCulture)}: significant";

        var psiLine = plot.Add.Scatter(window, psi);
        psiLine.Color = Colors.C0;
        psiLine.LineWidth = 2;
        psiLine.MarkerSize = 4;
        psiLine.LegendText = $"PSI (ε = {epsilon.ToString("0e0", CultureInfo.InvariantCulture)}), left axis";

        var jsLine = plot.Add.Scatter(window, js);
        jsLine.Color = Colors.C2;
        jsLine.LineWidth = 2;
        jsLine.MarkerSize = 4;
        jsLine.LinePattern = LinePattern.Dashed;
        jsLine.LegendText = "Jensen–Shannon (nats), right axis";
        jsLine.Axes.YAxis = plot.Axes.Right;

        plot.Axes.SetLimitsX(-1, n);
        plot.Axes.SetLimitsY(0, top, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, top / JsScale, plot.Axes.Right);

        plot.Title(title);
        plot.XLabel("window (2,000 transactions each)");
        plot.YLabel("PSI");
        plot.Axes.Right.Label.Text = $"Jensen–Shannon (nats) = PSI axis / {JsScale.ToString(CultureInfo.InvariantCulture)}";
        plot.ShowLegend(Alignment.UpperCenter);
        plot.SavePng(path, 900, 550);
    }
}
