// Word-rank frequencies against Zipf: two laws described by the user, fitted by maximum likelihood.
//
// Zipf's law says that the r-th most frequent word of a text has a frequency proportional to r^(−s), s ≈ 1; the
// Zipf–Mandelbrot law (r + q)^(−s) bends the top of that straight log-log line flat, and describes word counts better.
// Neither is a built-in family of DivergenceGen: each is ONE declaration below, a [FiniteFamily(50)] type whose
// LogWeight(k, θ) gives the unnormalised log-probability of the word of rank r = k + 1. The generator writes the law
// around it (constructor, probabilities, entropy, KL, the toolkit) and, because it could translate the body of
// LogWeight and differentiate it, FitCounts: maximum likelihood by damped Newton steps on the derivatives it derived.
//
// The data are a synthetic corpus (Corpus.cs): 200,000 tokens over the 50 most frequent English words, drawn with a
// fixed seed from the Zipf–Mandelbrot law with s = 1.1, q = 2.7, and ranked by their counts as one ranks the words of a
// real text (--text <file> does that with a text of your own). Both laws are fitted to the counts; the program reports
// the parameters with standard errors from the observed Fisher information (a Hessian by central differences), the
// log-likelihoods and their likelihood-ratio statistic (Zipf is Zipf–Mandelbrot at q = 0), KL(empirical ‖ fit) through
// a [Categorical(50)] type (the empirical law) and the raw-vector KL, the entropies, and the top ranks.
//
// The program checks what must hold (exit code 1 otherwise): the fit recovers the generating parameters, the score
// equations hold at both fits, the nested models are ordered, LogLikelihood agrees with the log-pmf, the entropy
// identity at the maximum, the numerical Hessian against the analytic one, the tokeniser, and a clear error where no
// maximum exists (one word repeated).
//
// Writes wordranks.png (ScottPlot): rank against frequency on log-log axes, the corpus and both fits. Everything is
// seeded, so every run prints the same numbers and draws the same image. Invariant culture throughout.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DivergenceGen;

namespace WordRanks;

/// <summary>
/// Zipf's law over the 50 ranks: P(rank k + 1) ∝ (k + 1)^(−s), one parameter. The generator writes every member, among
/// them <c>FitCounts</c> (maximum likelihood from ∂ LogWeight/∂s = −log(k + 1), derived at compile time).
/// </summary>
[FiniteFamily(50)]
public readonly partial struct Zipf50
{
    private static double LogWeight(int k, double s = 1) => -s * Math.Log(k + 1);
}

/// <summary>
/// The Zipf–Mandelbrot law over the 50 ranks: P(rank k + 1) ∝ (k + 1 + q)^(−s), q &gt; −1 (q = 0 is
/// <see cref="Zipf50"/>). The fit starts from the default values, s = 1, q = 0: Zipf's law with s = 1.
/// </summary>
[FiniteFamily(50)]
public readonly partial struct ZipfMandelbrot50
{
    private static double LogWeight(int k, double s = 1, double q = 0) => -s * Math.Log(k + 1 + q);
}

/// <summary>
/// The empirical law of the 50 ranks (the corpus's frequencies), for KL(empirical ‖ fit) and its entropy.
/// </summary>
[Categorical(50)]
public readonly partial struct RankFrequencies;

internal static class Program
{
    private const int Ranks = Zipf50.Classes;
    private const int Seed = 16;
    private const int CorpusTokens = 200_000;
    private const double GeneratingS = 1.1, GeneratingQ = 2.7;

    // The checks' tolerances (each justified where it is used).
    private const double RecoveryStandardErrors = 4;
    private const double ScoreTolerance = 1e-12;
    private const double LogLikelihoodTolerance = 1e-10;
    private const double EntropyTolerance = 1e-12;
    private const double HessianTolerance = 1e-5;

    /// <summary>The tokeniser's check: a small text with punctuation, capitals and both apostrophes.</summary>
    private const string SampleText = "The cat sat on the mat. The dog, the cat's friend, didn’t sit: it ran! THE END — the end.";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;

        // ---- Options: --out <dir>, --text <file> (each as "--x value" or "--x=value"), --help -----------------------
        string outputDirectory = DefaultOutputDirectory();
        string? textFile = null;
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
            else if (arg.StartsWith("--text=", StringComparison.Ordinal))
            {
                textFile = arg["--text=".Length..];
            }
            else if (arg == "--text" && i + 1 < args.Length)
            {
                textFile = args[++i];
            }
            else
            {
                return Fail(arg is "--out" or "--text" ? $"option {arg} needs a value" : $"unknown option '{arg}' (try --help)");
            }
        }

        if (outputDirectory.Length == 0)
        {
            return Fail("option --out needs a directory");
        }

        if (textFile is { Length: 0 })
        {
            return Fail("option --text needs a file");
        }

        // ---- The corpus: synthetic (seeded), or a text of your own; its words ranked by count -----------------------
        RankedWords corpus;
        bool synthetic = textFile is null;
        if (synthetic)
        {
            string[] tokens = Corpus.ZipfMandelbrot(Corpus.EnglishTop50, CorpusTokens, GeneratingS, GeneratingQ, Seed);
            corpus = Corpus.Rank(tokens, Ranks);
            int moved = 0, firstMoved = -1;
            for (int k = 0; k < Ranks; k++)
            {
                if (corpus.Words[k] != Corpus.EnglishTop50[k])
                {
                    moved++;
                    firstMoved = firstMoved < 0 ? k : firstMoved;
                }
            }

            // The generating probabilities of ranks r and r + 1 differ by the factor ((r + 1 + q)/(r + q))^s.
            double gap = firstMoved < 0 ? 0 : Math.Pow((firstMoved + 2 + GeneratingQ) / (firstMoved + 1 + GeneratingQ), GeneratingS) - 1;

            Console.WriteLine($"Synthetic corpus, seed {Seed}: {N(CorpusTokens)} tokens over the {Ranks} most frequent English words, drawn from the");
            Console.WriteLine($"Zipf–Mandelbrot law p(r) ∝ (r + {G(GeneratingQ)})^(−{G(GeneratingS)}), r = 1 … {Ranks}, and ranked by their counts as in a real text");
            Console.WriteLine(moved == 0
                ? "(every word keeps the rank it was drawn with)."
                : $"({moved} words are ranked differently from the order they were drawn in, the first at rank {firstMoved + 1}, where neighbours' "
                  + $"probabilities differ by {(100 * gap).ToString("0.0", Inv)} %).");
        }
        else
        {
            string text;
            try
            {
                text = File.ReadAllText(textFile!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Fail($"cannot read --text {textFile}: {e.Message}");
            }

            try
            {
                corpus = Corpus.Rank(Corpus.Tokenise(text), Ranks);
            }
            catch (ArgumentException e)
            {
                return Fail($"--text {textFile}: {e.Message.Split(" (Parameter")[0]}");
            }

            Console.WriteLine($"Text {textFile}: {N(corpus.Tokens)} tokens, {N(corpus.DistinctWords)} distinct words; its {Ranks} most frequent words");
            Console.WriteLine($"make {N(corpus.Outcomes.Length)} tokens ({(100.0 * corpus.Outcomes.Length / corpus.Tokens).ToString("0.0", Inv)} %), and the laws below are fitted to those (conditional on the top {Ranks}).");
        }

        long[] counts = corpus.Counts;
        long n = corpus.Outcomes.Length;
        var empirical = RankFrequencies.FromCounts(counts);
        double[] frequencies = empirical.Probabilities.ToArray();
        ReadOnlySpan<double> f = frequencies;

        // ---- The fits: maximum likelihood from the default start (s = 1, and q = 0) ---------------------------------
        Zipf50 zipf;
        ZipfMandelbrot50 zm;
        try
        {
            zipf = Zipf50.FitCounts(counts);
            zm = ZipfMandelbrot50.FitCounts(counts);
        }
        catch (ArgumentException e)
        {
            // Only a text of your own can get here (the synthetic corpus is fixed and checked): report it as a failure.
            Console.Error.WriteLine("WordRanks: check failed: a fit has no maximum-likelihood estimate: " + e.Message);
            return 1;
        }

        // Standard errors from the observed Fisher information N·(−∇²ℓ̄) at the maximum, ℓ̄(θ) = Σₖ fₖ·log p_θ(k) the
        // mean log-likelihood, its Hessian by central differences of ℓ̄ computed from the generated laws'
        // LogProbabilities.
        double[,] zipfHessian = Hessian(θ =>
        {
            var law = new Zipf50(θ[0]);
            return MeanLogLikelihood(frequencies, law.LogProbabilities);
        }, [zipf.S]);
        double[,] zmHessian = Hessian(θ =>
        {
            var law = new ZipfMandelbrot50(θ[0], θ[1]);
            return MeanLogLikelihood(frequencies, law.LogProbabilities);
        }, [zm.S, zm.Q]);
        double[] zipfError = StandardErrors(zipfHessian, n, out _);
        double[] zmError = StandardErrors(zmHessian, n, out double zmCorrelation);

        // For Zipf, LogWeight is linear in s, so −∂²ℓ̄/∂s² is exactly Var_p̂[log(k + 1)] (the variance of the sufficient
        // statistic under the fitted law): the analytic value the central differences must reproduce.
        double zipfVariance = Variance(zipf.Probabilities, k => Math.Log(k + 1));

        // ---- Likelihoods, KL, entropies -----------------------------------------------------------------------------
        double zipfLogLikelihood = TotalLogLikelihood(counts, zipf.LogPmf);
        double zmLogLikelihood = TotalLogLikelihood(counts, zm.LogPmf);
        double lr = 2 * (zmLogLikelihood - zipfLogLikelihood);

        // KL(empirical ‖ fit) by the raw-vector form over the probability spans (every kept word occurs, so no rank is
        // empty; the fits give every rank positive probability, so both KLs are finite).
        double zipfKl = Zipf50.KLDivergence(f, zipf.Probabilities);
        double zmKl = ZipfMandelbrot50.KLDivergence(f, zm.Probabilities);
        double empiricalEntropy = empirical.Entropy();

        Console.WriteLine();
        Console.WriteLine($"Maximum-likelihood fits (FitCounts over the {Ranks} counts, N = {N(n)}), ± one standard error from the observed Fisher information:");
        Console.WriteLine($"  Zipf              s = {zipf.S.ToString("0.0000", Inv)} ± {zipfError[0].ToString("0.0000", Inv)}");
        Console.WriteLine($"  Zipf–Mandelbrot   s = {zm.S.ToString("0.0000", Inv)} ± {zmError[0].ToString("0.0000", Inv)},  q = {zm.Q.ToString("0.000", Inv)} ± {zmError[1].ToString("0.000", Inv)}"
                          + $"   (correlation of ŝ and q̂: {zmCorrelation.ToString("0.000", Inv)})");
        if (synthetic)
        {
            Console.WriteLine($"  generating law    {$"s = {G(GeneratingS)},",-22}q = {G(GeneratingQ)}");
        }

        Console.WriteLine();
        Console.WriteLine($"{"",18}{"log-likelihood ℓ",18}{"KL(emp ‖ fit)",16}{"entropy",10}");
        Console.WriteLine($"{"  empirical",-18}{"",18}{"",16}{F(empiricalEntropy),10}");
        Console.WriteLine($"{"  Zipf",-18}{zipfLogLikelihood.ToString("0.0", Inv),18}{F(zipfKl),16}{F(zipf.Entropy()),10}");
        Console.WriteLine($"{"  Zipf–Mandelbrot",-18}{zmLogLikelihood.ToString("0.0", Inv),18}{F(zmKl),16}{F(zm.Entropy()),10}");
        Console.WriteLine("  (nats; ℓ = Σₖ countₖ·LogPmf(k); entropy of a fit = empirical entropy + its KL, see the checks)");
        Console.WriteLine();
        Console.WriteLine($"Likelihood ratio 2·(ℓ_ZM − ℓ_Zipf) = {lr.ToString("0.0", Inv)} = 2N·(KL_Zipf − KL_ZM) = {(2 * n * (zipfKl - zmKl)).ToString("0.0", Inv)}: Zipf is Zipf–Mandelbrot at q = 0,");
        Console.WriteLine($"so under Zipf it is χ² with 1 degree of freedom: p = {P(IncompleteGamma.LogChiSquareSurvival(Math.Max(lr, 0), 1))} (the 0.1 % critical value is 10.83). "
                          + (lr > 10.83 ? "Zipf's law is rejected at 0.1 %." : "Zipf's law is not rejected at 0.1 %."));

        // ---- The top ranks, and the last ----------------------------------------------------------------------------
        Console.WriteLine();
        int wordWidth = 4;
        foreach (string word in corpus.Words)
        {
            wordWidth = Math.Max(wordWidth, word.Length);
        }

        Console.WriteLine($"{"rank",4}  {"word".PadRight(wordWidth)} {"count",9}  {"frequency",9}  {"Zipf",9}  {"ZM",9}");
        for (int k = 0; k < Ranks; k++)
        {
            if (k >= 10 && k != 19 && k != 29 && k != 39 && k != Ranks - 1)
            {
                continue;
            }

            if (k == 19 || k == 29 || k == 39 || k == Ranks - 1)
            {
                Console.WriteLine($"{"…",4}");
            }

            Console.WriteLine($"{k + 1,4}  {corpus.Words[k].PadRight(wordWidth)} {N(counts[k]),9}  {f[k].ToString("0.00000", Inv),9}  {zipf.Probabilities[k].ToString("0.00000", Inv),9}  {zm.Probabilities[k].ToString("0.00000", Inv),9}");
        }

        // ---- Checks -------------------------------------------------------------------------------------------------
        var failures = new List<string>();
        Console.WriteLine();
        Console.WriteLine("Checks:");

        // 1. Recovery: the MLE is asymptotically normal around the truth with the inverse Fisher information as
        //    covariance, so each parameter lies within 4 standard errors but with probability 6·10⁻⁵ (and the seed is
        //    fixed).
        if (synthetic)
        {
            double sOff = (zm.S - GeneratingS) / zmError[0], qOff = (zm.Q - GeneratingQ) / zmError[1];
            Check(Math.Abs(sOff) <= RecoveryStandardErrors && Math.Abs(qOff) <= RecoveryStandardErrors,
                  $"the Zipf–Mandelbrot fit recovers the generating (s, q) within {G(RecoveryStandardErrors)} standard errors",
                  $"ŝ − {G(GeneratingS)} = {Signed(sOff)} SE, q̂ − {G(GeneratingQ)} = {Signed(qOff)} SE");
        }
        else
        {
            Console.WriteLine("  —     recovery of the generating parameters: not applicable to a text of your own");
        }

        // 2. The score equations: the fit stops where the score is zero to 8ε·Σ(fₖ + pₖ)·|∂ LogWeight| (about 16ε
        //    relative to the statistic's mean) or after a converged Newton step; recomputing pₖ from the parameters and
        //    summing 50 terms here adds a few ulps each. 1e−12 relative leaves a margin of over a hundred.
        double zipfScore = RelativeDifference(Expectation(f, k => Math.Log(k + 1)), Expectation(zipf.Probabilities, k => Math.Log(k + 1)));
        Check(zipfScore <= ScoreTolerance, "score equation at the Zipf fit: Σₖ fₖ·log(k + 1) = Σₖ p̂ₖ·log(k + 1)",
              $"relative difference {E(zipfScore)} ≤ {E(ScoreTolerance)}");
        double zmScoreS = RelativeDifference(Expectation(f, k => Math.Log(k + 1 + zm.Q)), Expectation(zm.Probabilities, k => Math.Log(k + 1 + zm.Q)));
        double zmScoreQ = RelativeDifference(Expectation(f, k => 1 / (k + 1 + zm.Q)), Expectation(zm.Probabilities, k => 1 / (k + 1 + zm.Q)));
        Check(Math.Max(zmScoreS, zmScoreQ) <= ScoreTolerance,
              "score equations at the ZM fit: E_f = E_p̂ of log(k + 1 + q̂) (for s) and of 1/(k + 1 + q̂) (for q)",
              $"relative differences {E(zmScoreS)}, {E(zmScoreQ)} ≤ {E(ScoreTolerance)}");

        // 3. Nested models: Zipf is ZM at q = 0, so the ZM maximum is at least as high; KL(f ‖ p) = −H(f) − ℓ/N, so its
        //    KL is lower by the same amount.
        Check(zmLogLikelihood >= zipfLogLikelihood && zmKl < zipfKl, "nested models: ℓ_ZM ≥ ℓ_Zipf and KL(emp ‖ ZM) < KL(emp ‖ Zipf)",
              $"{zmLogLikelihood.ToString("0.0", Inv)} ≥ {zipfLogLikelihood.ToString("0.0", Inv)}, {F(zmKl)} < {F(zipfKl)}");

        // 4. LogLikelihood over the N outcomes (one term per token, summed in order) against Σₖ countₖ·LogPmf(k): N
        //    terms of one sign summed in double differ from the exact sum by at most N·2⁻⁵³ relative (2.2·10⁻¹¹ for 200,000).
        double zipfOutcomes = zipf.LogLikelihood(corpus.Outcomes), zmOutcomes = zm.LogLikelihood(corpus.Outcomes);
        double logLikelihoodDifference = Math.Max(RelativeDifference(zipfOutcomes, zipfLogLikelihood), RelativeDifference(zmOutcomes, zmLogLikelihood));
        Check(logLikelihoodDifference <= LogLikelihoodTolerance, $"LogLikelihood(outcomes) of the {N(n)} tokens = Σₖ countₖ·LogPmf(k), both fits",
              $"relative difference {E(logLikelihoodDifference)} ≤ {E(LogLikelihoodTolerance)}");

        // 5. At the maximum, H(fit) = H(emp) + KL(emp ‖ fit): both LogWeights are s times their s-derivative, so the s
        //    score equation says E_f[LogWeight] = E_p̂[LogWeight], and then the cross-entropy H(f, p̂) = −E_f[log p̂] is
        //    H(p̂). The same rounding as check 2 (times s and the log-normaliser), then the entropy and KL kernels' few
        //    ulps.
        double zipfEntropyGap = RelativeDifference(zipf.Entropy(), empiricalEntropy + zipfKl);
        double zmEntropyGap = RelativeDifference(zm.Entropy(), empiricalEntropy + zmKl);
        Check(Math.Max(zipfEntropyGap, zmEntropyGap) <= EntropyTolerance, "entropy at the maximum: H(fit) = H(emp) + KL(emp ‖ fit), both fits",
              $"relative differences {E(zipfEntropyGap)}, {E(zmEntropyGap)} ≤ {E(EntropyTolerance)}");

        // 6. The central differences against the analytic −∂²ℓ̄/∂s² of Zipf, κ₂ = Var_p̂[log(k + 1)]: their truncation
        //    error is h²/12·|∂⁴ℓ̄/∂s⁴| = h²/12·|κ₄| (κ₄ the fourth cumulant of log(k + 1), of the order of κ₂), about
        //    10⁻⁷ relative at h = 10⁻³; their rounding 4ε·|ℓ̄|/h² is about 3·10⁻⁹. 10⁻⁵ leaves a margin of fifty; the
        //    standard errors are printed to two digits.
        double hessianDifference = RelativeDifference(-zipfHessian[0, 0], zipfVariance);
        Check(hessianDifference <= HessianTolerance, "standard errors: −∂²ℓ̄/∂s² of Zipf by central differences = Var_p̂[log(k + 1)]",
              $"{G(-zipfHessian[0, 0], "0.0000000")} vs {G(zipfVariance, "0.0000000")}, relative difference {E(hessianDifference)} ≤ {E(HessianTolerance)}");

        // 7. The tokeniser and the ranking on a small text: lowercase words, apostrophes inside words, ties by first
        //    occurrence.
        var sample = Corpus.Rank(Corpus.Tokenise(SampleText), 3);
        bool tokenised = sample.Tokens == 19 && sample.DistinctWords == 13
                         && string.Join(" ", sample.Words) == "the end cat" && string.Join(" ", sample.Counts) == "6 2 1"
                         && string.Join(" ", sample.Outcomes) == "0 2 0 0 0 0 1 0 1";
        Check(tokenised, "tokeniser and ranking on a built-in sentence: the ×6, end ×2, cat ×1 of 19 tokens, 13 distinct words",
              $"got {string.Join(", ", sample.Words)} × {string.Join(", ", sample.Counts)} of {sample.Tokens} tokens, {sample.DistinctWords} distinct words");

        // 8. No maximum: a corpus of one word repeated (every outcome rank 0). The likelihood rises for ever as s → ∞
        //    (the law tends to all its mass on rank 1), so Fit must refuse with a message that says so.
        string? message = null;
        try
        {
            Zipf50.Fit(new int[1000]);
        }
        catch (ArgumentException e)
        {
            message = e.Message;
        }

        Check(message is not null && message.Contains("infinite parameters", StringComparison.Ordinal),
              "one word repeated (every outcome rank 1): Zipf50.Fit throws ArgumentException, \"infinite parameters\"",
              message is null ? "no exception" : "the message:");
        if (message is not null)
        {
            Console.WriteLine("        " + message);
        }

        // ---- The plot -----------------------------------------------------------------------------------------------
        Directory.CreateDirectory(outputDirectory);
        string path = Path.Combine(outputDirectory, "wordranks.png");
        RankPlot.Save(path,
                      synthetic ? $"Word ranks: {N(CorpusTokens)} synthetic tokens drawn from Zipf–Mandelbrot (s = {G(GeneratingS)}, q = {G(GeneratingQ)})" : $"Word ranks: the {Ranks} most frequent words of {Path.GetFileName(textFile)}",
                      f, zipf.Probabilities, $"Zipf fit: s = {zipf.S.ToString("0.000", Inv)}",
                      zm.Probabilities, $"Zipf–Mandelbrot fit: s = {zm.S.ToString("0.000", Inv)}, q = {zm.Q.ToString("0.00", Inv)}");
        Console.WriteLine();
        Console.WriteLine($"wrote {Shown(path)}");

        if (failures.Count > 0)
        {
            foreach (string failure in failures)
            {
                Console.Error.WriteLine("WordRanks: check failed: " + failure);
            }

            return 1;
        }

        return 0;

        void Check(bool condition, string name, string detail)
        {
            Console.WriteLine($"  {(condition ? "PASS" : "FAIL")}  {name}: {detail}");
            if (!condition)
            {
                failures.Add($"{name} ({detail})");
            }
        }
    }

    /// <summary>
    /// ℓ̄ = Σₖ fₖ·log pₖ, the mean log-likelihood of the frequencies under a law (terms with fₖ = 0 left out).
    /// </summary>
    private static double MeanLogLikelihood(ReadOnlySpan<double> f, ReadOnlySpan<double> logP)
    {
        double sum = 0;
        for (int k = 0; k < f.Length; k++)
        {
            sum += f[k] > 0 ? f[k] * logP[k] : 0;
        }

        return sum;
    }

    /// <summary>ℓ = Σₖ countₖ·log p(k), the log-likelihood of a corpus from its counts.</summary>
    private static double TotalLogLikelihood(long[] counts, Func<int, double> logPmf)
    {
        double sum = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            sum += counts[k] > 0 ? counts[k] * logPmf(k) : 0;
        }

        return sum;
    }

    /// <summary>
    /// The Hessian of <paramref name="function"/> at <paramref name="at"/> by central differences with the steps
    /// hᵢ = 10⁻³·max(1, |θᵢ|): on the diagonal (g(θ + hᵢ) − 2g(θ) + g(θ − hᵢ))/hᵢ², off it
    /// (g(+hᵢ, +hⱼ) − g(+hᵢ, −hⱼ) − g(−hᵢ, +hⱼ) + g(−hᵢ, −hⱼ))/(4hᵢhⱼ). Both are exact for quadratics; their error is
    /// O(h²) from the fourth derivatives (about 10⁻⁷ relative here) plus O(ε·|g|/h²) from rounding (about 10⁻⁹).
    /// </summary>
    private static double[,] Hessian(Func<double[], double> function, double[] at)
    {
        int m = at.Length;
        double[] h = new double[m];
        for (int i = 0; i < m; i++)
        {
            h[i] = 1e-3 * Math.Max(1, Math.Abs(at[i]));
        }

        double centre = function(at);
        var hessian = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            hessian[i, i] = (At((i, 1)) - (2 * centre) + At((i, -1))) / (h[i] * h[i]);
            for (int j = 0; j < i; j++)
            {
                double mixed = (At((i, 1), (j, 1)) - At((i, 1), (j, -1)) - At((i, -1), (j, 1)) + At((i, -1), (j, -1))) / (4 * h[i] * h[j]);
                hessian[i, j] = mixed;
                hessian[j, i] = mixed;
            }
        }

        return hessian;

        double At(params (int Index, int Sign)[] moves)
        {
            double[] point = (double[])at.Clone();
            foreach (var (index, sign) in moves)
            {
                point[index] += sign * h[index];
            }

            return function(point);
        }
    }

    /// <summary>
    /// The standard errors √diag((N·(−H))⁻¹) of one or two parameters from the Hessian H of the mean log-likelihood at
    /// the maximum (N·(−H) is the observed Fisher information), and the correlation of the two estimates (0 for one).
    /// </summary>
    private static double[] StandardErrors(double[,] hessian, long n, out double correlation)
    {
        if (hessian.GetLength(0) == 1)
        {
            correlation = 0;
            return [Math.Sqrt(1 / (n * -hessian[0, 0]))];
        }

        // The inverse of the 2 × 2 information [[a, b], [b, c]] is [[c, −b], [−b, a]]/(ac − b²).
        double a = n * -hessian[0, 0], b = n * -hessian[0, 1], c = n * -hessian[1, 1];
        double determinant = (a * c) - (b * b);
        correlation = -b / Math.Sqrt(a * c);
        return [Math.Sqrt(c / determinant), Math.Sqrt(a / determinant)];
    }

    private static double Expectation(ReadOnlySpan<double> p, Func<int, double> statistic)
    {
        double sum = 0;
        for (int k = 0; k < p.Length; k++)
        {
            sum += p[k] * statistic(k);
        }

        return sum;
    }

    private static double Variance(ReadOnlySpan<double> p, Func<int, double> statistic)
    {
        double mean = Expectation(p, statistic), sum = 0;
        for (int k = 0; k < p.Length; k++)
        {
            double d = statistic(k) - mean;
            sum += p[k] * d * d;
        }

        return sum;
    }

    private static double RelativeDifference(double a, double b) => Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>
    /// This example's own folder (where this source file is) when it exists on this machine, so that
    /// <c>dotnet run --project examples/WordRanks</c> refreshes the PNG the README shows; else the executable's folder.
    /// </summary>
    private static string DefaultOutputDirectory([CallerFilePath] string sourceFile = "")
    {
        string? directory = Path.GetDirectoryName(sourceFile);
        return !string.IsNullOrEmpty(directory) && Directory.Exists(directory) ? directory : AppContext.BaseDirectory;
    }

    /// <summary>
    /// A path relative to the current directory when it is below it (shorter to read), else as it is.
    /// </summary>
    private static string Shown(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }

    private static string F(double x) => x.ToString("0.00000", Inv);

    private static string G(double x, string format = "0.###") => x.ToString(format, Inv);

    private static string E(double x) => x == 0 ? "0" : x.ToString("0.0e0", Inv);

    /// <summary>
    /// A p-value from its natural logarithm: 0.123, or 10^−836.6 below 0.001 (where it may underflow a double).
    /// </summary>
    private static string P(double logP) =>
        logP >= Math.Log(1e-3) ? Math.Exp(logP).ToString("0.000", Inv) : "10^" + Signed(logP / Math.Log(10), "0.0").TrimStart('+');

    private static string Signed(double x, string format = "0.00") => (x < 0 ? "−" : "+") + Math.Abs(x).ToString(format, Inv);

    private static string N(long n) => n.ToString("N0", Inv);

    private static int Fail(string message)
    {
        Console.Error.WriteLine("WordRanks: " + message);
        return 2;
    }

    private static void PrintUsage()
    {
        Console.WriteLine("""
            WordRanks — word-rank frequencies against Zipf: two [FiniteFamily(50)] laws fitted by maximum likelihood.

            usage: dotnet run --project examples/WordRanks -c Release -- [--out <dir>] [--text <file>]

              --out <dir>     where to write wordranks.png (created if missing;
                              default: the example's folder, examples/WordRanks)
              --text <file>   fit the 50 most frequent words of this text (lowercased words) instead of
                              the synthetic corpus
              --help          this text

            Draws a seeded synthetic corpus of 200,000 tokens over the 50 most frequent English words from the
            Zipf–Mandelbrot law (r + 2.7)^(−1.1), ranks the words by their counts, fits Zipf (r^(−s)) and
            Zipf–Mandelbrot ((r + q)^(−s)) with their generated FitCounts, and reports the parameters with standard
            errors, the likelihood-ratio test of q = 0, KL(empirical ‖ fit), the entropies and the top ranks.
            Exit code 1 if a check fails (see the README), 2 on invalid options or a text that cannot be
            read or has fewer than 50 distinct words.
            """);
    }
}
