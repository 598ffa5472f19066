// The coin experiment: why the KL divergence is "the expected log-likelihood ratio".
//
// Toss a coin n times from P (fair by default) and ask how much more likely the tosses are under P than under a
// rival model Q = Bernoulli(q). The normalised log-likelihood ratio
//
//     L_n = (1/n) · Σᵢ log(P(xᵢ) / Q(xᵢ))
//
// is an average of n independent copies of log(P(X)/Q(X)), X ~ P, whose mean is by definition KL(P‖Q). So
// E[L_n] = KL(P‖Q) exactly, for every n (not only in the limit), and by the law of large numbers L_n → KL(P‖Q)
// almost surely as n grows; its standard deviation shrinks like 1/√n. The table shows L_n closing in on KL.
//
// Everything distribution-specific is generated from the one-line declaration at the bottom: Sample, the batch
// LogPmf, KLDivergence, Entropy and CrossEntropy. Numbers are parsed and printed with the invariant culture.
//
// Also writes convergence.png: L_n against n on a log scale, the line KL(P‖Q) and the band KL ± 2·sd(L_n).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DivergenceGen;

namespace CoinFlip;

/// <summary>A coin: outcome 1 (heads) with probability p. The generator writes every member.</summary>
[Bernoulli]
public readonly partial struct Coin;

internal static class Program
{
    private const int MaxFlips = 100_000_000; // two doubles and an int per flip: ~2 GB above this

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;

        double p = 0.5, q = 0.2;
        int flips = 1_000_000, seed = 42;
        string outputDirectory = DefaultOutputDirectory();

        // ---- Options: --p, --q, --flips, --seed, --out (as "--q 0.3" or "--q=0.3"), --help ------------------
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--help" or "-h")
            {
                PrintUsage();
                return 0;
            }

            string name = arg, value;
            int eq = arg.IndexOf('=');
            if (eq > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            else if (name is "--p" or "--q" or "--flips" or "--seed" or "--out")
            {
                if (i + 1 >= args.Length)
                {
                    return Fail($"option {name} needs a value");
                }

                value = args[++i];
            }
            else
            {
                return Fail($"unknown option '{arg}' (try --help)");
            }

            switch (name)
            {
                case "--p" or "--q":
                    if (!double.TryParse(value, NumberStyles.Float, Inv, out double prob) || !(prob >= 0 && prob <= 1))
                    {
                        return Fail($"option {name}: '{value}' is not a probability in [0, 1]");
                    }

                    if (name == "--p")
                    {
                        p = prob;
                    }
                    else
                    {
                        q = prob;
                    }

                    break;
                case "--flips":
                    if (!int.TryParse(value, NumberStyles.Integer, Inv, out flips) || flips < 1 || flips > MaxFlips)
                    {
                        return Fail($"option --flips: '{value}' is not a whole number from 1 to {MaxFlips.ToString("N0", Inv)}");
                    }

                    break;
                case "--seed":
                    if (!int.TryParse(value, NumberStyles.Integer, Inv, out seed))
                    {
                        return Fail($"option --seed: '{value}' is not a 32-bit integer");
                    }

                    break;
                case "--out":
                    if (value.Length == 0)
                    {
                        return Fail("option --out needs a directory");
                    }

                    outputDirectory = value;
                    break;
                default:
                    return Fail($"unknown option '{name}' (try --help)");
            }
        }

        var coinP = new Coin(p); // validated above, so these cannot throw
        var coinQ = new Coin(q);
        double kl = coinP.KLDivergence(coinQ);

        Console.WriteLine($"P = Bernoulli({p.ToString("R", Inv)}) tosses the coin; Q = Bernoulli({q.ToString("R", Inv)}) is the rival model; seed {seed}.");
        Console.WriteLine("L_n = (1/n)·Σ log(P(xᵢ)/Q(xᵢ)) over the first n tosses; E[L_n] = KL(P‖Q) for every n.");
        Console.WriteLine();

        // ---- Toss all the coins once; every row of the table uses a prefix of the same sequence. -------------
        var random = new Random(seed);
        int[] tosses = new int[flips];
        coinP.Sample(random, tosses);

        double[] logP = new double[flips], logQ = new double[flips];
        coinP.LogPmf(tosses, logP);
        coinQ.LogPmf(tosses, logQ);

        // sd(L_n) = sd(log(P(X)/Q(X)))/√n, where log(P(X)/Q(X)) takes two values with probabilities p and 1 − p.
        double r1 = coinP.LogPmf(1) - coinQ.LogPmf(1), r0 = coinP.LogPmf(0) - coinQ.LogPmf(0);
        double sd1 = p is 0.0 or 1.0 ? 0 : Math.Sqrt(p * (1 - p)) * Math.Abs(r1 - r0);

        Console.WriteLine($"{"n",12}  {"L_n",14}  {"KL(P‖Q)",14}  {"L_n − KL",12}  {"sd(L_n)",10}");
        double sum = 0;
        long next = 10;
        int[] plotAt = PlotPoints(flips);
        double[] plotN = new double[plotAt.Length], plotLn = new double[plotAt.Length];
        int plotted = 0;
        for (int n = 1; n <= flips; n++)
        {
            sum += logP[n - 1] - logQ[n - 1]; // +∞ once an outcome Q calls impossible is seen
            if (n == plotAt[plotted])
            {
                plotN[plotted] = n;
                plotLn[plotted] = sum / n;
                plotted = Math.Min(plotted + 1, plotAt.Length - 1);
            }

            if (n == next || n == flips)
            {
                double ln = sum / n;
                double sd = double.IsFinite(sd1) ? sd1 / Math.Sqrt(n) : double.PositiveInfinity;
                string diff = double.IsFinite(ln) && double.IsFinite(kl) ? (ln - kl).ToString("+0.000E+0;-0.000E+0;0", Inv) : "—";
                Console.WriteLine($"{n.ToString("N0", Inv),12}  {F(ln),14}  {F(kl),14}  {diff,12}  {Sd(sd),10}");
                while (next <= n)
                {
                    next *= 10;
                }
            }
        }

        // ---- The identity H(P,Q) = H(P) + KL(P‖Q) -----------------------------------------------------------
        double h = coinP.Entropy(), ce = coinP.CrossEntropy(coinQ);
        Console.WriteLine();
        Console.WriteLine($"H(P)            = {F(h)} nats");
        Console.WriteLine($"KL(P‖Q)         = {F(kl)} nats");
        Console.WriteLine($"H(P,Q)          = {F(ce)} nats");
        Console.WriteLine($"H(P) + KL(P‖Q)  = {F(h + kl)} nats");
        bool holds = double.IsFinite(ce)
            ? Math.Abs(ce - (h + kl)) <= 1e-12 * Math.Max(Math.Abs(ce), 1e-300)
            : ce == h + kl;
        Console.WriteLine($"identity H(P,Q) = H(P) + KL(P‖Q): {(holds ? "holds" : "DOES NOT HOLD")}"
                          + (double.IsFinite(ce) ? $" (|difference| = {Math.Abs(ce - (h + kl)).ToString("G3", Inv)})" : " (both sides are ∞)"));

        if (double.IsPositiveInfinity(kl))
        {
            Console.WriteLine();
            Console.WriteLine($"KL(P‖Q) = ∞: Q gives probability 0 to an outcome that P produces (q = {q.ToString("R", Inv)}). The first time");
            Console.WriteLine("that outcome is tossed, Q(x) = 0 and the log-likelihood ratio becomes +∞: one toss rules Q out.");
        }

        // ---- The plot (not when L_n is ∞: there is no curve to draw) ------------------------------------------
        Console.WriteLine();
        if (double.IsFinite(kl))
        {
            Directory.CreateDirectory(outputDirectory);
            string path = Path.Combine(outputDirectory, "convergence.png");
            ConvergencePlot.Save(path, $"L_n → KL(P‖Q): P = Bernoulli({p.ToString("R", Inv)}), Q = Bernoulli({q.ToString("R", Inv)}), seed {seed}",
                                 plotN, plotLn, kl, sd1);
            Console.WriteLine($"wrote {Shown(path)}");
        }
        else
        {
            Console.WriteLine("no plot: L_n and KL(P‖Q) are ∞");
        }

        return 0;
    }

    /// <summary>About 40 values of n per power of ten, from 1 to <paramref name="flips"/> (included), increasing.</summary>
    private static int[] PlotPoints(int flips)
    {
        var points = new List<int>();
        for (int j = 0; ; j++)
        {
            int n = (int)Math.Round(Math.Pow(10, j / 40.0));
            if (n >= flips)
            {
                break;
            }

            if (points.Count == 0 || n > points[^1])
            {
                points.Add(n);
            }
        }

        points.Add(flips);
        return points.ToArray();
    }

    /// <summary>
    /// This example's own folder (where this source file is) when it exists on this machine, so that
    /// <c>dotnet run --project examples/CoinFlip</c> refreshes the PNG the README shows; else the executable's folder.
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

    private static string F(double x) => double.IsPositiveInfinity(x) ? "∞" : x.ToString("0.000000000", Inv);

    private static string Sd(double x) => double.IsPositiveInfinity(x) ? "—" : x.ToString("0.000E+0", Inv);

    private static int Fail(string message)
    {
        Console.Error.WriteLine("CoinFlip: " + message);
        return 2;
    }

    private static void PrintUsage()
    {
        Console.WriteLine("""
            CoinFlip — the normalised log-likelihood ratio converges to KL(P‖Q).

            usage: dotnet run --project examples/CoinFlip -c Release -- [options]

              --p <prob>      heads probability of the coin that is tossed, P (default 0.5)
              --q <prob>      heads probability of the rival model, Q (default 0.2)
              --flips <n>     number of tosses, 1 to 100,000,000 (default 1,000,000)
              --seed <int>    seed for System.Random (default 42)
              --out <dir>     where to write convergence.png (created if missing;
                              default: the example's folder, examples/CoinFlip)
              --help          this text

            Prints L_n = (1/n)·Σ log(P(xᵢ)/Q(xᵢ)) for n = 10, 100, … up to --flips, next to the exact KL(P‖Q),
            then checks H(P,Q) = H(P) + KL(P‖Q), and plots L_n against n with KL(P‖Q) ± 2·sd(L_n).
            Invalid options exit with code 2.
            """);
    }
}
