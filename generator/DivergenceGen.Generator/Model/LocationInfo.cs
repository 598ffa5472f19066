using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DivergenceGen.Generator.Model
{
    /// <summary>A source location as plain data (a <see cref="Location"/> would root the syntax tree in the cache).</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        /// <summary>
        /// In the syntax tree of <see cref="FilePath"/> among <paramref name="trees"/> when there is one (so that pragmas
        /// and suppressions apply), else as an external file location.
        /// </summary>
        public Location ToLocation(System.Collections.Immutable.ImmutableArray<SyntaxTree> trees = default)
        {
            if (!trees.IsDefault)
            {
                foreach (var tree in trees)
                {
                    if (tree.FilePath == FilePath && Span.End <= tree.Length)
                    {
                        return Location.Create(tree, Span);
                    }
                }
            }

            return Location.Create(FilePath, Span, LineSpan);
        }

        public static LocationInfo? From(Location? location)
        {
            if (location is null || location.SourceTree is null)
            {
                return null;
            }

            return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        }
    }

    /// <summary>A diagnostic as plain data: descriptor id, where, and the message arguments.</summary>
    internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);
}
