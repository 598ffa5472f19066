using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace WordRanks;

/// <summary>
/// The words of a corpus ranked by frequency: the <see cref="Words"/> most frequent first, their <see cref="Counts"/>,
/// and every token of the corpus that is one of them as its rank index (0 for the most frequent).
/// </summary>
/// <param name="Words">The kept words, most frequent first (ties in the order of first occurrence).</param>
/// <param name="Counts">Counts[k] = the number of tokens of Words[k].</param>
/// <param name="Outcomes">The corpus's tokens that are kept words, in corpus order, each as its rank index k.</param>
/// <param name="Tokens">The number of tokens in the corpus, kept or not.</param>
/// <param name="DistinctWords">The number of distinct words in the corpus.</param>
internal sealed record RankedWords(string[] Words, long[] Counts, int[] Outcomes, long Tokens, int DistinctWords);

/// <summary>
/// Where the words come from: a seeded synthetic corpus over the 50 most frequent English words, or a text tokenised
/// into lowercase words; and the ranking of either by frequency.
/// </summary>
internal static partial class Corpus
{
    /// <summary>
    /// The 50 most frequent words of written English, most frequent first, in (about) the order of the Brown corpus's
    /// frequency list (Kučera and Francis, 1967: "the" 69,971 times in about a million words, "of" 36,411, "and"
    /// 28,852, …).
    /// </summary>
    public static readonly string[] EnglishTop50 =
    [
        "the", "of", "and", "to", "a", "in", "that", "is", "was", "he",
        "for", "it", "with", "as", "his", "on", "be", "at", "by", "i",
        "this", "had", "not", "are", "but", "from", "or", "have", "an", "they",
        "which", "one", "you", "were", "her", "all", "she", "there", "would", "their",
        "we", "him", "been", "has", "when", "who", "will", "more", "no", "if",
    ];

    /// <summary>
    /// A synthetic corpus of <paramref name="tokens"/> words drawn independently from the Zipf–Mandelbrot law
    /// p(r) ∝ (r + q)^(−s) over the ranks r = 1 … V of <paramref name="vocabulary"/> (the word of rank r is
    /// vocabulary[r − 1]). The law is computed here and sampled by inverse transform (a binary search of its cumulative
    /// sums), independently of the library, so that the fits the program checks are fits to data the library did not
    /// make.
    /// </summary>
    /// <param name="vocabulary">The words, in the order of their generating rank.</param>
    /// <param name="tokens">The corpus's length.</param>
    /// <param name="s">The exponent s &gt; 0.</param>
    /// <param name="q">The shift q &gt; −1.</param>
    /// <param name="seed">The seed of the <see cref="Random"/> that draws the tokens.</param>
    /// <returns>The corpus, one word per token.</returns>
    public static string[] ZipfMandelbrot(string[] vocabulary, int tokens, double s, double q, int seed)
    {
        int size = vocabulary.Length;
        double[] cumulative = new double[size];
        double total = 0;
        for (int r = 1; r <= size; r++)
        {
            total += Math.Pow(r + q, -s);
            cumulative[r - 1] = total;
        }

        var random = new Random(seed);
        string[] corpus = new string[tokens];
        for (int i = 0; i < tokens; i++)
        {
            double u = random.NextDouble() * total;
            int lo = 0, hi = size - 1; // the first rank whose cumulative weight exceeds u
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            corpus[i] = vocabulary[lo];
        }

        return corpus;
    }

    /// <summary>
    /// The words of a text, lowercased (invariant culture): maximal runs of letters, with an apostrophe (' or ’, kept
    /// as ') between letters part of the word ("didn't", "cat's"); everything else separates words.
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <returns>Its words, in order.</returns>
    public static string[] Tokenise(string text)
    {
        var matches = WordPattern().Matches(text);
        string[] words = new string[matches.Count];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = matches[i].Value.Replace('’', '\'').ToLowerInvariant();
        }

        return words;
    }

    /// <summary>
    /// Counts the words of a corpus and keeps the <paramref name="top"/> most frequent, most frequent first (ties in
    /// the order of first occurrence).
    /// </summary>
    /// <param name="tokens">The corpus, one word per token.</param>
    /// <param name="top">How many words to keep.</param>
    /// <returns>The ranked words, their counts, and the kept tokens as rank indices.</returns>
    /// <exception cref="ArgumentException">The corpus has fewer than <paramref name="top"/> distinct words.</exception>
    public static RankedWords Rank(string[] tokens, int top)
    {
        var counts = new Dictionary<string, (long Count, int First)>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Length; i++)
        {
            counts[tokens[i]] = counts.TryGetValue(tokens[i], out var seen) ? (seen.Count + 1, seen.First) : (1, i);
        }

        if (counts.Count < top)
        {
            throw new ArgumentException($"the text has {counts.Count} distinct words; {top} are needed", nameof(tokens));
        }

        var ranked = new List<KeyValuePair<string, (long Count, int First)>>(counts);
        ranked.Sort((a, b) => a.Value.Count != b.Value.Count ? b.Value.Count.CompareTo(a.Value.Count) : a.Value.First.CompareTo(b.Value.First));

        string[] words = new string[top];
        long[] wordCounts = new long[top];
        var rankOf = new Dictionary<string, int>(StringComparer.Ordinal);
        long kept = 0;
        for (int k = 0; k < top; k++)
        {
            words[k] = ranked[k].Key;
            wordCounts[k] = ranked[k].Value.Count;
            rankOf[words[k]] = k;
            kept += wordCounts[k];
        }

        int[] outcomes = new int[kept];
        int next = 0;
        foreach (string token in tokens)
        {
            if (rankOf.TryGetValue(token, out int k))
            {
                outcomes[next++] = k;
            }
        }

        return new RankedWords(words, wordCounts, outcomes, tokens.Length, counts.Count);
    }

    [GeneratedRegex(@"\p{L}+(?:['’]\p{L}+)*")]
    private static partial Regex WordPattern();
}
