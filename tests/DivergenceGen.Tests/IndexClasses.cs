// Where an element can sit relative to the vector loops that read a span, and a stable seed for random inputs.
//
// A vectorised loop over n elements handles the first ⌊n/L⌋·L elements in full vectors of L lanes and the rest in a tail
// (or a cascade: Vector512, then Vector256, then Vector128, then scalars). A bug that touches only one of those parts —
// a tail loop that starts one element late, a mask that drops lane 0 — passes every test whose special element sits
// elsewhere. So the validation and masking tests put the special element at each index class: the first element, one
// inside a full vector, the first element after each possible vector part, and the last element. Which vector widths run
// depends on the CPU (and on DOTNET_EnableAVX512=0 / EnableAVX2=0 / EnableHWIntrinsic=0), so the classes of every width
// are listed, whichever runs here.
using System;
using System.Collections.Generic;
using System.Linq;

namespace DivergenceGen.Tests
{
    internal static class IndexClasses
    {
        /// <summary>The lane counts of Vector512, Vector256 and Vector128 for an element of <paramref name="elementSize"/> bytes.</summary>
        public static IEnumerable<int> Lanes(int elementSize) => new[] { 64, 32, 16 }.Select(bytes => bytes / elementSize).Where(l => l >= 2);

        /// <summary>
        /// The index classes of a span of <paramref name="length"/> elements read with vectors of <paramref name="elementSizes"/>-byte
        /// lanes: 0, 5 (inside the first full vector when there is one), the first element after the vector part of every
        /// cascade that starts at any width (Vector512 → 256 → 128 → scalar, or starting lower), and length − 1. Sorted,
        /// distinct, all in [0, length).
        /// </summary>
        public static int[] Of(int length, params int[] elementSizes)
        {
            if (length <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, "no elements, no index classes");
            }

            var set = new SortedSet<int> { 0, length - 1 };
            if (length > 5)
            {
                set.Add(5);
            }

            foreach (int size in elementSizes.Length == 0 ? new[] { 8, 4 } : elementSizes)
            {
                int[] lanes = Lanes(size).ToArray();
                for (int start = 0; start < lanes.Length; start++)
                {
                    int i = 0;
                    for (int w = start; w < lanes.Length; w++)
                    {
                        i += (length - i) / lanes[w] * lanes[w];
                        if (i < length)
                        {
                            set.Add(i); // the first element the next (narrower) part reads
                        }
                    }
                }
            }

            return set.ToArray();
        }

        /// <summary>
        /// A seed that is the same in every process and on every machine: 32-bit FNV-1a of the UTF-16 code units of
        /// <paramref name="name"/>, folded to 16 bits. (string.GetHashCode is randomised per process.)
        /// </summary>
        public static int StableSeed(string name)
        {
            uint hash = 2166136261;
            foreach (char c in name)
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)((hash ^ (hash >> 16)) & 0xFFFF);
        }
    }
}
