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
    internal sealed record HintKey(string Readable, string Identity)
    {
        /// <summary>The key under which Roslyn compares hint names.</summary>
        public string Folded => Readable.ToUpperInvariant();
    }

    /// <summary>
    /// Hint names, unique by construction: the readable name, and only where two declarations' readable names are equal
    /// without regard to case (rare: the set of such identities is computed once per run from every declaration's
    /// <see cref="HintKey"/>), a suffix derived from the exact identity (FNV-1a, 32 bits, hex).
    /// </summary>
    internal static class HintNames
    {
        public static HintKey Of(FamilySpec spec) => new(Sanitise(spec.Type.MetadataDisplayName), spec.Type.MetadataDisplayName);

        public static HintKey Of(LossSpec spec) => new(Sanitise(spec.Type.MetadataDisplayName), spec.Type.MetadataDisplayName);

        public static HintKey Of(DivergenceSpec spec)
        {
            string method = spec.ContainingDisplayName + "." + spec.MethodName;
            string readable = Sanitise(method) + "-" + Sanitise(spec.P.Family.DisplayName) + "-" + Sanitise(spec.Q.Family.DisplayName);
            string identity = method + "(" + Parameter(spec.P) + ", " + Parameter(spec.Q) + ")";
            return new HintKey(readable, identity);
        }

        /// <summary>The identities whose readable names collide, without regard to case, with another declaration's.</summary>
        public static EquatableArray<string> Collisions(IEnumerable<HintKey> keys) =>
            new(keys
                .GroupBy(k => k.Folded, StringComparer.Ordinal)
                .Where(g => g.Select(k => k.Identity).Distinct(StringComparer.Ordinal).Count() > 1)
                .SelectMany(g => g.Select(k => k.Identity))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(i => i, StringComparer.Ordinal));

        /// <summary>The hint name of one declaration, given the run's collisions.</summary>
        public static string For(HintKey key, EquatableArray<string> collisions) =>
            key.Readable + (collisions.Contains(key.Identity) ? "." + Fnv1a(key.Identity).ToString("x8", CultureInfo.InvariantCulture) : string.Empty) + ".g.cs";

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
