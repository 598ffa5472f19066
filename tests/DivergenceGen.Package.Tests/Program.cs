// The README's worked example and a loss, compiled against the DivergenceGen *package* and checked against values
// computed here independently (closed forms, or plain sums in double). Prints "N passed, M failed" and exits 1 on
// any failure. Run by .ci/run after `dotnet pack`; see docs/package.md.
using System;
using System.Collections.Generic;
using DivergenceGen;

namespace PackageConsumer
{
    /// <summary>A fair or loaded six-sided die.</summary>
    [Categorical(6)] public readonly partial struct Die;

    /// <summary>A coin.</summary>
    [Bernoulli] public readonly partial struct Coin;

    /// <summary>The number of heads in ten flips.</summary>
    [Binomial(10)] public readonly partial struct TenFlips;

    /// <summary>Arrivals per interval.</summary>
    [Poisson] public readonly partial struct Arrivals;

    /// <summary>Divergences between two declared families.</summary>
    public static partial class Divergences
    {
        /// <summary>D(Binomial(10) ‖ Poisson).</summary>
        /// <param name="p">P.</param>
        /// <param name="q">Q.</param>
        /// <returns>The KL divergence in nats.</returns>
        [KLDivergence] public static partial double KL(in TenFlips p, in Arrivals q);

        /// <summary>H(Binomial(10), Poisson).</summary>
        /// <param name="p">P.</param>
        /// <param name="q">Q.</param>
        /// <returns>The cross-entropy in nats.</returns>
        [CrossEntropy] public static partial double H(in TenFlips p, in Arrivals q);
    }

    /// <summary>The README's loss: 10 classes, float, label smoothing 0.1.</summary>
    [SoftmaxCrossEntropy(10, LabelSmoothing = 0.1, Precision = Precision.Single)]
    public static partial class DigitLoss;

    internal static class Program
    {
        private static int s_passed;
        private static readonly List<string> s_failures = new();

        private static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == "--inspect")
            {
                return InspectPackage(args[1]);
            }

            Console.WriteLine($"DivergenceGen package consumer: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, "
                + $"library {typeof(Precision).Assembly.GetName().Version}, target {AppContext.TargetFrameworkName}");

            // ---- the README's worked example ----------------------------------------------------------------------
            var fair = Die.FromWeights([1, 1, 1, 1, 1, 1]);
            var loaded = Die.FromProbabilities([0.1, 0.1, 0.1, 0.1, 0.1, 0.5]);
            // Σ p log(p/q) = 5·0.1·log 0.6 + 0.5·log 3 = 0.5·log 1.8.
            Close("loaded.KLDivergence(fair)", 0.5 * Math.Log(1.8), loaded.KLDivergence(fair), 1e-15);
            Close("loaded.CrossEntropy(fair)", Math.Log(6), loaded.CrossEntropy(fair), 1e-15);
            Close("Die.KLDivergence(span, span) in bits", 0.5 * Math.Log(1.8) / Math.Log(2),
                Die.KLDivergence(loaded.Probabilities, fair.Probabilities) / Math.Log(2), 1e-15);

            // docs/families.md, "Generic code": T cannot be inferred from a constraint, so the call names both.
            Close("Kl<Die, double>(loaded, fair)", 0.5 * Math.Log(1.8), Kl<Die, double>(loaded, fair), 1e-15);
            Close("Kl<TenFlips, double>", new TenFlips(0.3).KLDivergence(new TenFlips(0.4)), Kl<TenFlips, double>(new TenFlips(0.3), new TenFlips(0.4)), 0);

            var coin = new Coin(0.5);
            // 0.5·log(0.5/0.2) + 0.5·log(0.5/0.8) = log 1.25.
            Close("coin.KLDivergence(new Coin(0.2))", Math.Log(1.25), coin.KLDivergence(new Coin(0.2)), 1e-15);

            var flips = new TenFlips(0.3);
            Close("new TenFlips(0.3).Entropy()", BinomialEntropy(10, 0.3), flips.Entropy(), 1e-14);

            // log Poisson(1e9; 1e9) = −½·log(2π·10⁹) − 1/(12·10⁹) + O(10⁻²⁷) (Stirling's series).
            Close("new Arrivals(1e9).LogPmf(1e9)", -0.5 * Math.Log(2 * Math.PI * 1e9) - 1 / 12e9, new Arrivals(1e9).LogPmf(1_000_000_000), 1e-14);

            double kl = BinomialPoissonKL(10, 0.3, 3);
            Close("Divergences.KL(TenFlips(0.3), Arrivals(3))", kl, Divergences.KL(new TenFlips(0.3), new Arrivals(3)), 1e-13);
            Close("Divergences.H(TenFlips(0.3), Arrivals(3))", BinomialEntropy(10, 0.3) + kl, Divergences.H(new TenFlips(0.3), new Arrivals(3)), 1e-13);

            // ---- the README's loss ----------------------------------------------------------------------------------
            const int n = 37, k = 10;
            var random = new Random(20261206);
            var logits = new float[n * k];
            for (int i = 0; i < logits.Length; i++)
            {
                logits[i] = (float)(4 * random.NextDouble() - 2);
            }

            var targets = new int[n];
            for (int i = 0; i < n; i++)
            {
                targets[i] = i % 7 == 3 ? DigitLoss.IgnoreIndex : random.Next(k);
            }

            var gradient = new float[n * k];
            float loss = DigitLoss.LossAndGradient(logits, targets, gradient);
            var (wantLoss, wantGradient) = SmoothedCrossEntropy(logits, targets, k, 0.1, DigitLoss.IgnoreIndex);
            // float: the generated kernels compute in float and sum in double; 1e-6 is ~8 float ulps.
            Close("DigitLoss.LossAndGradient (loss)", wantLoss, loss, 1e-6);
            Close("DigitLoss.Loss", wantLoss, DigitLoss.Loss(logits, targets), 1e-6);
            double largest = 0;
            foreach (double g in wantGradient)
            {
                largest = Math.Max(largest, Math.Abs(g));
            }

            double worst = 0;
            for (int i = 0; i < gradient.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(gradient[i] - wantGradient[i]));
            }

            Check("DigitLoss.LossAndGradient (gradient)", worst <= 1e-6 * largest, $"largest error {worst:R} > 1e-6 × {largest:R}");

            // ---- invalid input is an exception naming the argument ----------------------------------------------
            try
            {
                _ = Die.FromProbabilities([0.5, 0.5, 0.5, 0, 0, 0]);
                Check("Die.FromProbabilities rejects a sum of 1.5", false, "no exception");
            }
            catch (ArgumentException e)
            {
                Check("Die.FromProbabilities rejects a sum of 1.5", e.ParamName is not null, "no parameter name: " + e.Message);
            }

            Console.WriteLine();
            foreach (string failure in s_failures)
            {
                Console.WriteLine("FAILED " + failure);
            }

            Console.WriteLine($"{s_passed} passed, {s_failures.Count} failed");
            return s_failures.Count == 0 ? 0 : 1;
        }

        /// <summary>The generic example of docs/families.md, verbatim.</summary>
        private static T Kl<TDist, T>(in TDist p, in TDist q)
            where TDist : IDiscreteDistribution<TDist, T>   // any family: Bernoulli, Categorical, Binomial, …
            where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
            => p.KLDivergence(in q);

        /// <summary>
        /// The package holds exactly what a user needs: the runtime library (with its XML docs) for both target
        /// frameworks under lib/, the generator under analyzers/dotnet/cs (never under lib/, where it would be
        /// referenced as a library and not run), the build-time checks, the readme and the licence.
        /// </summary>
        private static int InspectPackage(string path)
        {
            var expected = new SortedSet<string>(StringComparer.Ordinal)
            {
                "DivergenceGen.nuspec", "LICENSE", "README.md",
                "analyzers/dotnet/cs/DivergenceGen.Generator.dll",
                "buildTransitive/DivergenceGen.targets",
                "lib/net10.0/DivergenceGen.dll", "lib/net10.0/DivergenceGen.xml",
                "lib/net8.0/DivergenceGen.dll", "lib/net8.0/DivergenceGen.xml",
            };
            var actual = new SortedSet<string>(StringComparer.Ordinal);
            using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
            {
                foreach (var entry in zip.Entries)
                {
                    // NuGet's own bookkeeping: the OPC relationship and content-type parts and the core properties.
                    if (entry.FullName.StartsWith("_rels/", StringComparison.Ordinal) || entry.FullName.StartsWith("package/", StringComparison.Ordinal)
                        || entry.FullName == "[Content_Types].xml")
                    {
                        continue;
                    }

                    actual.Add(entry.FullName);
                }
            }

            foreach (string missing in expected)
            {
                Check("package contains " + missing, actual.Contains(missing), "missing from " + path);
            }

            foreach (string stray in actual)
            {
                Check("package file " + stray + " is expected", expected.Contains(stray), "a stray file in " + path);
            }

            Console.WriteLine("Package " + path + ":");
            foreach (string file in actual)
            {
                Console.WriteLine("  " + file);
            }

            foreach (string failure in s_failures)
            {
                Console.WriteLine("FAILED " + failure);
            }

            Console.WriteLine($"{s_passed} passed, {s_failures.Count} failed");
            return s_failures.Count == 0 ? 0 : 1;
        }

        private static void Close(string what, double expected, double actual, double relative)
        {
            double error = Math.Abs(actual - expected);
            Check(what, error <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R} (relative error {error / Math.Abs(expected):E2} > {relative:E0})");
            Console.WriteLine($"  {what} = {actual:R}");
        }

        private static void Check(string what, bool ok, string why)
        {
            if (ok)
            {
                s_passed++;
            }
            else
            {
                s_failures.Add(what + ": " + why);
            }
        }

        private static double Choose(int n, int k)
        {
            double c = 1;
            for (int i = 1; i <= k; i++)
            {
                c = c * (n - k + i) / i;
            }

            return c;
        }

        private static double BinomialLogPmf(int n, double p, int k) => Math.Log(Choose(n, k)) + k * Math.Log(p) + (n - k) * Math.Log(1 - p);

        private static double BinomialEntropy(int n, double p)
        {
            double h = 0;
            for (int k = 0; k <= n; k++)
            {
                double lp = BinomialLogPmf(n, p, k);
                h -= Math.Exp(lp) * lp;
            }

            return h;
        }

        private static double BinomialPoissonKL(int n, double p, double rate)
        {
            double kl = 0, logFactorial = 0;
            for (int k = 0; k <= n; k++)
            {
                logFactorial += k == 0 ? 0 : Math.Log(k);
                double lp = BinomialLogPmf(n, p, k);
                double lq = k * Math.Log(rate) - rate - logFactorial;
                kl += Math.Exp(lp) * (lp - lq);
            }

            return kl;
        }

        /// <summary>torch's cross_entropy with label smoothing ε, mean over the rows that are not ignored, in double.</summary>
        private static (double Loss, double[] Gradient) SmoothedCrossEntropy(float[] logits, int[] targets, int k, double eps, int ignore)
        {
            int n = targets.Length, counted = 0;
            double total = 0;
            var gradient = new double[n * k];
            for (int i = 0; i < n; i++)
            {
                if (targets[i] != ignore)
                {
                    counted++;
                }
            }

            for (int i = 0; i < n; i++)
            {
                if (targets[i] == ignore)
                {
                    continue;
                }

                double max = double.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    max = Math.Max(max, logits[i * k + c]);
                }

                double sum = 0;
                for (int c = 0; c < k; c++)
                {
                    sum += Math.Exp(logits[i * k + c] - max);
                }

                double logSum = Math.Log(sum) + max;
                for (int c = 0; c < k; c++)
                {
                    double target = (c == targets[i] ? 1 - eps : 0) + eps / k;
                    total += target * (logSum - logits[i * k + c]);
                    gradient[i * k + c] = (Math.Exp(logits[i * k + c] - logSum) - target) / counted;
                }
            }

            return (total / counted, gradient);
        }
    }
}
