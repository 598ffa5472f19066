using System;
using Microsoft.CodeAnalysis.Text;

namespace DivergenceGen.Generator.Tests.TestHelpers;

/// <summary>Source text with one <c>[|…|]</c> marked span, as in Roslyn's analyzer test markup.</summary>
public static class Markup
{
    /// <summary>Removes the markers and returns the clean source and the span they enclosed.</summary>
    public static (string Source, TextSpan Span) Parse(string markup)
    {
        int start = markup.IndexOf("[|", StringComparison.Ordinal);
        int end = start < 0 ? -1 : markup.IndexOf("|]", start + 2, StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            throw new ArgumentException("The markup has no [|…|] span.", nameof(markup));
        }

        string source = markup.Substring(0, start) + markup.Substring(start + 2, end - start - 2) + markup.Substring(end + 2);
        if (source.Contains("[|", StringComparison.Ordinal) || source.Contains("|]", StringComparison.Ordinal))
        {
            throw new ArgumentException("The markup has more than one [|…|] span.", nameof(markup));
        }

        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
