// A data-drift monitor: how far has each window of a live feature moved from its reference distribution?
//
// The feature is the amount of card transactions (synthetic: a seeded log-normal mixture, TransactionStream.cs). A
// reference period of 20,000 transactions fixes 20 bins at its quantiles (every 5 %; the outermost bins open-ended),
// the usual practice for the population stability index (PSI): the reference histogram is then 1/20 in every bin and
// never has an empty one. Then 120 windows of 2,000 transactions arrive; from window 60 on the distribution drifts
// gradually (everyday prices rise, larger purchases become more common), and window 30 is a short outage in which
// every transaction of $150 or more is declined, so the window's top bin is empty.
//
// Each window's histogram is a generated [Categorical(20)] type (FeatureHistogram, below) built from its counts; all
// windows' frequencies go into one 120 × 20 row-major array, and each measure is ONE row-batch call with the reference
// as the single broadcast row: PSI (ε = 1e-4 for empty bins), Jensen–Shannon, KL(window ‖ reference), and the entropy
// and cross-entropy (to check H(P, Q) = H(P) + KL(P‖Q) row by row). Hellinger comes from the instance member for the
// windows the table shows. Alert levels are the usual PSI thresholds: < 0.1 stable, 0.1–0.25 moderate, > 0.25
// significant.
//
// The program checks what must hold (exit code 1 otherwise), so that CI catches a broken library: every stable-period
// window below 0.1 but the outage, the outage and the last window above 0.25, 0 ≤ JS ≤ ln 2, the row batches equal to
// the instance members, the identity above, and JS ≤ PSI/4 (JS ≤ Jeffreys/4) where no bin is empty.
//
// Writes drift.png (ScottPlot): PSI and JS per window, the thresholds, the drift's start and the outage.
// Everything is seeded, so every run prints the same numbers and draws the same image. Invariant culture throughout.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DivergenceGen;

namespace DriftMonitor;

/// <summary>A histogram of the feature over 20 quantile bins. The generator writes every member.</summary>
[Categorical(20)]
public readonly partial struct FeatureHistogram;

internal static class Program
{
    private const int Bins = FeatureHistogram.Classes;
    private const int Seed = 17;
    private const int ReferenceSize = 20_000, Windows = 120, WindowSize = 2_000;
    private const int DriftStart = 60;            // windows 60 … 119 drift, progress t = 1/60 … 1
    private const int OutageWindow = 30;          // one window in which large transactions are declined
    private const double OutageLimit = 150.0;     // dollars: declined at or above this amount during the outage

    private const double Epsilon = 1e-4;          // PSI's probability for an empty bin, stated with every PSI
    private const double Moderate = 0.1, Significant = 0.25; // the usual PSI alert thresholds

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private enum Level { Stable, Moderate, Significant }

    private static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;

        // ---- Options: --out <dir> (as "--out dir" or "--out=dir"), --help -----------------------------------------
        string outputDirectory = DefaultOutputDirectory();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h")
            {
                PrintUsage();
                return 0;
            }

            if (arg.StartsWith("--out=", StringComparison.Ordinal))
            {
                outputDirectory = arg["--out=".Length..];
            }
            else if (arg == "--out" && i + 1 < args.Length)
            {
                outputDirectory = args[++i];
            }
            else
            {
                return Fail(arg == "--out" ? "option --out needs a directory" : $"unknown option '{arg}' (try --help)");
            }
        }

        if (outputDirectory.Length == 0)
        {
            return Fail("option --out needs a directory");
        }

        // ---- Reference: 20,000 amounts, bin edges at its quantiles, the reference histogram -------------------------
        var stream = new TransactionStream(Seed);
        double[] referenceAmounts = new double[ReferenceSize];
        stream.Fill(TransactionStream.Mixture.Reference, referenceAmounts);
        double[] edges = QuantileEdges(referenceAmounts, Bins);

        int[] counts = new int[Bins];
        Count(referenceAmounts, edges, counts);
        // Raw frequencies (no pseudocount): quantile bins of the reference itself are never empty, so KL(window ‖ reference)
        // stays finite; empty bins of a window are PSI's ε's business.
        FeatureHistogram reference = FeatureHistogram.FromCounts(counts);

        Console.WriteLine($"Card-transaction amounts, seed {Seed}: a reference period of {N(ReferenceSize)}, then {Windows} windows of {N(WindowSize)}.");
        Console.WriteLine($"{Bins} bins with edges at the reference's 5 % quantiles, ${edges[0].ToString("0.00", Inv)} … ${edges[^1].ToString("0.00", Inv)}, "
                          + "the outermost bins open-ended;");
        Console.WriteLine($"reference histogram Q from the counts ({MinMax(counts)} per bin): Q = {reference.Probabilities[0].ToString("0.###", Inv)} in every bin.");
        Console.WriteLine($"Drift from window {DriftStart} (everyday prices up to +35 %, larger purchases 15 % → 35 %); "
                          + $"window {OutageWindow}: an outage declines every amount ≥ ${OutageLimit.ToString("0", Inv)}.");
        Console.WriteLine();

        // ---- The windows: counts → FeatureHistogram → one row of the N × K frequency matrix ---------------------------
        var histograms = new FeatureHistogram[Windows];
        double[] frequencies = new double[Windows * Bins]; // row-major: window w is frequencies[w·K … w·K + K)
        double[] medians = new double[Windows], progress = new double[Windows];
        int[] emptyBins = new int[Windows], outageCounts = new int[Bins];
        double[] amounts = new double[WindowSize];
        for (int w = 0; w < Windows; w++)
        {
            progress[w] = w < DriftStart ? 0 : (w - DriftStart + 1) / (double)(Windows - DriftStart);
            var mixture = w < DriftStart ? TransactionStream.Mixture.Reference : TransactionStream.Mixture.Drifted(progress[w]);
            stream.Fill(mixture, w == OutageWindow ? OutageLimit : double.PositiveInfinity, amounts);

            Count(amounts, edges, counts);
            histograms[w] = FeatureHistogram.FromCounts(counts);
            if (w == OutageWindow)
            {
                counts.CopyTo(outageCounts);
            }

            histograms[w].Probabilities.CopyTo(frequencies.AsSpan(w * Bins, Bins));
            emptyBins[w] = Array.FindAll(counts, c => c == 0).Length;
            Array.Sort(amounts);
            medians[w] = 0.5 * (amounts[WindowSize / 2 - 1] + amounts[WindowSize / 2]);
        }

        // ---- The measures: one row-batch call each, the reference as the one broadcast Q row ---------------------------
        ReadOnlySpan<double> q = reference.Probabilities;
        double[] psi = new double[Windows], js = new double[Windows], kl = new double[Windows];
        double[] entropy = new double[Windows], crossEntropy = new double[Windows];
        FeatureHistogram.PopulationStabilityIndexRows(frequencies, q, Epsilon, psi);
        FeatureHistogram.JensenShannonDivergenceRows(frequencies, q, js);
        FeatureHistogram.KLDivergenceRows(frequencies, q, kl);      // KL(window ‖ reference)
        FeatureHistogram.EntropyRows(frequencies, entropy);         // H(window)
        FeatureHistogram.CrossEntropyRows(frequencies, q, crossEntropy); // H(window, reference)

        var levels = new Level[Windows];
        for (int w = 0; w < Windows; w++)
        {
            levels[w] = psi[w] > Significant ? Level.Significant : psi[w] >= Moderate ? Level.Moderate : Level.Stable;
        }

        // ---- The table: every 10th window, the last, and every change of alert level --------------------------------
        Console.WriteLine($"PSI with ε = {Epsilon.ToString("0e0", Inv)} for empty bins; JS and KL in nats; √JS in bits is the Jensen–Shannon distance (≤ 1);");
        Console.WriteLine("KL is KL(window ‖ reference); Hellinger from the instance member; levels: PSI < 0.1 stable, 0.1–0.25 moderate, > 0.25 significant.");
        Console.WriteLine();
        Console.WriteLine($"{"window",6}  {"drift t",7}  {"median $",8}  {"PSI",8}  {"JS",8}  {"√JS bits",8}  {"KL",8}  {"Hellinger",9}  {"empty",5}  level");
        for (int w = 0; w < Windows; w++)
        {
            bool transition = w > 0 && levels[w] != levels[w - 1];
            if (w % 10 != 0 && w != Windows - 1 && !transition && w != DriftStart)
            {
                continue;
            }

            string note = (w == DriftStart ? "  ← drift starts" : "") + (w == OutageWindow ? $"  ← outage (≥ ${OutageLimit.ToString("0", Inv)} declined)" : "");
            string level = (transition ? "→ " : "  ") + levels[w].ToString().ToLowerInvariant();
            double hellinger = histograms[w].HellingerDistance(reference);
            Console.WriteLine($"{w,6}  {(w < DriftStart ? "—" : progress[w].ToString("0.00", Inv)),7}  {medians[w].ToString("0.00", Inv),8}  "
                              + $"{F(psi[w]),8}  {F(js[w]),8}  {Math.Sqrt(js[w] / Math.Log(2)).ToString("0.0000", Inv),8}  {F(kl[w]),8}  "
                              + $"{hellinger.ToString("0.00000", Inv),9}  {emptyBins[w],5}  {level}{note}");
        }

        // ---- Alerts ----------------------------------------------------------------------------------------------------
        Console.WriteLine();
        int firstAlert = Array.FindIndex(levels, l => l != Level.Stable);
        int firstDriftModerate = Array.FindIndex(levels, DriftStart, l => l != Level.Stable);
        int firstDriftSignificant = Array.FindIndex(levels, DriftStart, l => l == Level.Significant);
        int lastNotSignificant = Array.FindLastIndex(levels, l => l != Level.Significant);
        Console.WriteLine(firstAlert < 0
            ? "no alert"
            : $"first alert: window {firstAlert}, {levels[firstAlert].ToString().ToLowerInvariant()} (PSI {F(psi[firstAlert])})"
              + (firstAlert == OutageWindow ? $", the outage; window {OutageWindow + 1} is {levels[OutageWindow + 1].ToString().ToLowerInvariant()} again" : ""));
        if (firstDriftModerate >= 0)
        {
            Console.WriteLine($"drift: first alert at window {firstDriftModerate} ({firstDriftModerate - DriftStart + 1} windows into the drift, PSI {F(psi[firstDriftModerate])}), "
                              + (firstDriftSignificant >= 0
                                  ? $"significant from window {firstDriftSignificant} (PSI {F(psi[firstDriftSignificant])})"
                                    + (lastNotSignificant < firstDriftSignificant ? " to the end" : $"; last window below 0.25: {lastNotSignificant}")
                                  : "never significant"));
        }

        Console.WriteLine($"last window: PSI {F(psi[^1])}, JS {F(js[^1])} nats, KL {F(kl[^1])} nats");

        // Sampling noise alone gives PSI ≈ (K − 1)·(1/n + 1/m) for windows of n against a reference of m (a χ² statistic's mean).
        double stableSum = 0;
        for (int w = 0; w < DriftStart; w++)
        {
            stableSum += w == OutageWindow ? 0 : psi[w];
        }

        Console.WriteLine($"noise floor: mean PSI of the stable windows (but the outage) {F(stableSum / (DriftStart - 1))}; "
                          + $"(K − 1)·(1/n + 1/m) = {F((Bins - 1) * (1.0 / WindowSize + 1.0 / ReferenceSize))}");

        // ---- Empty bins: the outage window, where PSI, JS and the two directions of KL part ways -------------------------
        FeatureHistogram outage = histograms[OutageWindow];
        var emptyList = new List<int>();
        for (int k = 0; k < Bins; k++)
        {
            if (outage.Probabilities[k] == 0)
            {
                emptyList.Add(k);
            }
        }

        double klReverse = reference.KLDivergence(outage);
        var outageSmoothed = FeatureHistogram.FromCounts(outageCounts, pseudocount: 0.5);
        double klReverseSmoothed = reference.KLDivergence(outageSmoothed);
        Console.WriteLine();
        Console.WriteLine($"Empty bins: the outage window {OutageWindow} has {emptyList.Count} (bin{(emptyList.Count == 1 ? "" : "s")} {string.Join(", ", emptyList)}; "
                          + $"the reference has {reference.Probabilities[0].ToString("0.##", Inv)} in each):");
        Console.WriteLine($"  PSI, ε = 1e-4 (row batch)          {F(psi[OutageWindow])}");
        Console.WriteLine($"  PSI, ε = 1e-6 (instance member)    {F(outage.PopulationStabilityIndex(reference, 1e-6))}   ← ε sets the empty bins' share: (q − ε)·ln(q/ε) each");
        Console.WriteLine($"  JS                                 {F(js[OutageWindow])}   ← finite and ≤ ln 2 = {F(Math.Log(2))} whatever the empty bins");
        Console.WriteLine($"  Hellinger (instance member)        {F(outage.HellingerDistance(reference))}");
        Console.WriteLine($"  KL(window ‖ reference)             {F(kl[OutageWindow])}   ← finite: the reference has no empty bin");
        Console.WriteLine($"  KL(reference ‖ window)             {F(klReverse)}   ← the window gives 0 where the reference does not");
        Console.WriteLine($"  KL(reference ‖ window + 0.5/bin)   {F(klReverseSmoothed)}   ← smoothed with a pseudocount of 0.5 per bin");

        // ---- Checks: the numbers a working library must produce -------------------------------------------------------
        var failures = new List<string>();
        double maxStable = 0;
        for (int w = 0; w < DriftStart; w++)
        {
            if (w != OutageWindow)
            {
                maxStable = Math.Max(maxStable, psi[w]);
                Check(psi[w] < Moderate, $"window {w} (before the drift) has PSI {F(psi[w])} ≥ {Moderate.ToString(Inv)}");
            }
        }

        Check(psi[OutageWindow] > Significant, $"the outage window's PSI {F(psi[OutageWindow])} is not above {Significant.ToString(Inv)}");
        Check(psi[^1] > Significant, $"the last window's PSI {F(psi[^1])} is not above {Significant.ToString(Inv)}");
        Check(double.IsPositiveInfinity(klReverse), $"KL(reference ‖ outage window) = {F(klReverse)}, expected ∞ (empty bins)");
        Check(double.IsFinite(klReverseSmoothed), "KL(reference ‖ smoothed outage window) is not finite");
        for (int w = 0; w < Windows; w++)
        {
            Check(js[w] >= 0 && js[w] <= Math.Log(2), $"window {w}: JS = {F(js[w])} outside [0, ln 2]");
            Check(psi[w] >= 0 && double.IsFinite(psi[w]), $"window {w}: PSI = {F(psi[w])} is not finite and ≥ 0");
            Check(kl[w] >= 0 && double.IsFinite(kl[w]), $"window {w}: KL = {F(kl[w])} is not finite and ≥ 0");
            Check(Close(psi[w], histograms[w].PopulationStabilityIndex(reference, Epsilon)), $"window {w}: PSI row batch ≠ instance member");
            Check(Close(js[w], histograms[w].JensenShannonDivergence(reference)), $"window {w}: JS row batch ≠ instance member");
            Check(Close(kl[w], histograms[w].KLDivergence(reference)), $"window {w}: KL row batch ≠ instance member");
            Check(Close(crossEntropy[w], entropy[w] + kl[w]), $"window {w}: H(P, Q) = {F(crossEntropy[w])} ≠ H(P) + KL(P‖Q) = {F(entropy[w] + kl[w])}");
            if (emptyBins[w] == 0) // then PSI is exactly the Jeffreys divergence KL(P‖Q) + KL(Q‖P), and JS ≤ Jeffreys/4
            {
                Check(js[w] <= psi[w] / 4 * (1 + 1e-12), $"window {w}: JS = {F(js[w])} > PSI/4 = {F(psi[w] / 4)}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"checks: PSI < 0.1 in every window before the drift but the outage (largest {F(maxStable)}); the outage and the last window above 0.25;");
        Console.WriteLine("        0 ≤ JS ≤ ln 2; row batches = instance members; H(P, Q) = H(P) + KL(P‖Q); JS ≤ PSI/4 without empty bins: "
                          + (failures.Count == 0 ? "all hold" : $"{failures.Count} FAILED"));

        // ---- The plot --------------------------------------------------------------------------------------------------
        Directory.CreateDirectory(outputDirectory);
        string path = Path.Combine(outputDirectory, "drift.png");
        DriftPlot.Save(path, $"Drift of transaction amounts: {Windows} windows of {N(WindowSize)} against a reference of {N(ReferenceSize)}",
                       psi, js, DriftStart, OutageWindow, $"amounts ≥ ${OutageLimit.ToString("0", Inv)} declined", Moderate, Significant, Epsilon);
        Console.WriteLine();
        Console.WriteLine($"wrote {Shown(path)}");

        if (failures.Count > 0)
        {
            foreach (string failure in failures)
            {
                Console.Error.WriteLine("DriftMonitor: check failed: " + failure);
            }

            return 1;
        }

        return 0;

        void Check(bool condition, string message)
        {
            if (!condition)
            {
                failures.Add(message);
            }
        }
    }

    /// <summary>The K − 1 inner edges: the order statistics at ranks k·n/K, k = 1 … K − 1, of the sorted sample.</summary>
    private static double[] QuantileEdges(ReadOnlySpan<double> sample, int bins)
    {
        double[] sorted = sample.ToArray();
        Array.Sort(sorted);
        double[] edges = new double[bins - 1];
        for (int k = 1; k < bins; k++)
        {
            edges[k - 1] = sorted[(int)((long)k * sorted.Length / bins)];
        }

        return edges;
    }

    /// <summary>
    /// counts[k] = the number of values in bin k: bin 0 is (−∞, e₀), bin k is [eₖ₋₁, eₖ), the last is [e_(K−2), ∞).
    /// </summary>
    private static void Count(ReadOnlySpan<double> values, double[] edges, int[] counts)
    {
        Array.Clear(counts);
        foreach (double x in values)
        {
            int lo = 0, hi = edges.Length; // the number of edges ≤ x, by bisection
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (edges[mid] <= x)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            counts[lo]++;
        }
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a));

    private static string MinMax(int[] counts)
    {
        int min = int.MaxValue, max = int.MinValue;
        foreach (int c in counts)
        {
            min = Math.Min(min, c);
            max = Math.Max(max, c);
        }

        return min == max ? N(min) : $"{N(min)}–{N(max)}";
    }

    /// <summary>
    /// This example's own folder (where this source file is) when it exists on this machine, so that
    /// <c>dotnet run --project examples/DriftMonitor</c> refreshes the PNG the README shows; else the executable's folder.
    /// </summary>
    private static string DefaultOutputDirectory([CallerFilePath] string sourceFile = "")
    {
        string? directory = Path.GetDirectoryName(sourceFile);
        return !string.IsNullOrEmpty(directory) && Directory.Exists(directory) ? directory : AppContext.BaseDirectory;
    }

    /// <summary>A path relative to the current directory when it is below it (shorter to read), else as it is.</summary>
    private static string Shown(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }

    private static string F(double x) => double.IsPositiveInfinity(x) ? "∞" : x.ToString("0.00000", Inv);

    private static string N(int n) => n.ToString("N0", Inv);

    private static int Fail(string message)
    {
        Console.Error.WriteLine("DriftMonitor: " + message);
        return 2;
    }

    private static void PrintUsage()
    {
        Console.WriteLine("""
            DriftMonitor — PSI, Jensen–Shannon and KL of binned windows against a reference histogram.

            usage: dotnet run --project examples/DriftMonitor -c Release -- [--out <dir>]

              --out <dir>     where to write drift.png (created if missing;
                              default: the example's folder, examples/DriftMonitor)
              --help          this text

            Bins a seeded synthetic stream of transaction amounts (120 windows of 2,000, drifting from window 60,
            an outage in window 30) at the reference's 5 % quantiles, computes PSI (ε = 1e-4), JS and KL of every
            window against the reference with one row-batch call each, prints every 10th window and every change
            of alert level, and plots PSI and JS per window.
            Exit code 1 if a check fails (see the README), 2 on invalid options.
            """);
    }
}
