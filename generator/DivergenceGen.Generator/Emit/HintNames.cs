using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// A generated file's hint name and the exact identity of the declaration it belongs to. Roslyn compares hint names
    /// without regard to case and throws (dropping all of the generator's output) on a duplicate, so two declarations
    /// whose names differ only in case (<c>Coin</c> and <c>coin</c>), or two divergence overloads that differ only in
    /// <c>in</c>, must not share one.
    /// </summary>
    /// <param name="Readable">The readable name: the sanitised, namespace-qualified declaration, without <c>.g.cs</c>.</param>
    /// <param name="Identity">What tells the declaration apart from every other, case included.</param>
    /// <param name="Site">Where it is declared: tells apart two declarations of one identity (an input error such as
    /// CS0101 or CS0111, but the generator must not throw on it).</param>
    internal sealed record HintKey(string Readable, string Identity, string Site)
    {
        /// <summary>The key under which Roslyn compares hint names.</summary>
        public string Folded => Readable.ToUpperInvariant();
    }

    /// <summary>The identities that need a suffix in this run (usually none, so the value stays equal and cached).</summary>
    internal sealed record HintCollisions(EquatableArray<string> Clashing, EquatableArray<string> Duplicated);

    /// <summary>
    /// Hint names, unique by construction: the readable name, and only where two declarations' readable names are equal
    /// without regard to case (rare: the set of such identities is computed once per run from every declaration's
    /// <see cref="HintKey"/>), a suffix derived from the exact identity (FNV-1a, 32 bits, hex).
    /// </summary>
    internal static class HintNames
    {
        public static HintKey Of(FamilySpec spec) => new(Sanitise(spec.Type.MetadataDisplayName), spec.Type.MetadataDisplayName, Site(spec.Location));

        public static HintKey Of(LossSpec spec) => new(Sanitise(spec.Type.MetadataDisplayName), spec.Type.MetadataDisplayName, Site(spec.Location));

        public static HintKey Of(DivergenceSpec spec)
        {
            string method = spec.ContainingDisplayName + "." + spec.MethodName;
            string readable = Sanitise(method) + "-" + Sanitise(spec.P.Family.DisplayName) + "-" + Sanitise(spec.Q.Family.DisplayName);
            string identity = method + "(" + Parameter(spec.P) + ", " + Parameter(spec.Q) + ")";
            return new HintKey(readable, identity, Site(spec.Location));
        }

        /// <summary>
        /// The identities whose readable names collide, without regard to case, with another identity's; and the identities
        /// declared more than once (an input error, e.g. CS0101; the generator must still not throw).
        /// </summary>
        public static HintCollisions Collisions(IEnumerable<HintKey> keys)
        {
            var all = keys.ToList();
            var clashing = all
                .GroupBy(k => k.Folded, StringComparer.Ordinal)
                .Where(g => g.Select(k => k.Identity).Distinct(StringComparer.Ordinal).Count() > 1)
                .SelectMany(g => g.Select(k => k.Identity));
            var duplicated = all
                .GroupBy(k => k.Identity, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => g.Key);
            return new HintCollisions(Sorted(clashing), Sorted(duplicated));
        }

        /// <summary>The hint name of one declaration, given the run's collisions.</summary>
        public static string For(HintKey key, HintCollisions collisions)
        {
            string name = key.Readable;
            if (collisions.Clashing.Contains(key.Identity))
            {
                name += "." + Hex(key.Identity);
            }

            if (collisions.Duplicated.Contains(key.Identity))
            {
                name += "." + Hex(key.Identity + "@" + key.Site);
            }

            return name + ".g.cs";
        }

        private static EquatableArray<string> Sorted(IEnumerable<string> identities) =>
            new(identities.Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal));

        private static string Site(LocationInfo? location) =>
            location is null ? string.Empty : location.FilePath + ":" + location.Span.Start.ToString(CultureInfo.InvariantCulture);

        private static string Hex(string text) => Fnv1a(text).ToString("x8", CultureInfo.InvariantCulture);

        private static string Parameter(DivergenceParameter parameter) =>
            (parameter.IsIn ? "in " : string.Empty) + parameter.Family.DisplayName + (parameter.IsNullableAnnotated ? "?" : string.Empty);

        /// <summary>Letters, digits, '.' and '_' are kept; the '@' of an escaped keyword is dropped; anything else becomes '_'.</summary>
        private static string Sanitise(string name)
        {
            var builder = new StringBuilder(name.Length);
            foreach (char c in name)
            {
                if (c != '@')
                {
                    builder.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
                }
            }

            return builder.ToString();
        }

        private static uint Fnv1a(string text)
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
