using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DivergenceGen
{
    /// <summary>
    /// A small compile-time table (at most 32 doubles) held in one to four <see cref="Vector512{T}"/> registers of 8
    /// entries and read lane by lane with in-register permutes: <c>vpermt2pd</c>
    /// (<see cref="Avx512F.PermuteVar8x64x2(Vector512{double}, Vector512{long}, Vector512{double})"/>) reads a pair of
    /// registers, <c>vpermpd</c> (<see cref="Avx512F.PermuteVar8x64(Vector512{double}, Vector512{long})"/>) one, and a
    /// select on index ≥ 16 joins two halves. Generated count-family batch log-pmfs
    /// (<c>LogPmf(ReadOnlySpan&lt;int&gt;, Span&lt;T&gt;)</c>) call it for their table (log C(n, k) of a
    /// <c>[Binomial(n)]</c> type with n ≤ 31) instead of 8 scalar loads per vector.
    /// </summary>
    /// <remarks>
    /// No memory is read at lookup time, so no index can read outside the table: a lane's index selects among the
    /// registers' lanes only. Callers clamp every index into the table (<c>min(index, entries − 1)</c> as unsigned), so
    /// each lane gets a real entry; an index past the table reads the zero padding or a wrapped entry, never memory.
    /// Without AVX-512 (<see cref="Avx512F.IsSupported"/> false) the same lanes are read one by one from the registers,
    /// with the same result for every index.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class RegisterTable
    {
        /// <summary>Entries per register: a <see cref="Vector512{T}"/> holds 8 doubles.</summary>
        public const int EntriesPerRegister = 8;

        /// <summary>
        /// Register <paramref name="register"/> of <paramref name="table"/>: entries 8·register … 8·register + 7,
        /// zero where the table ends first.
        /// </summary>
        /// <remarks>
        /// Inlined and free of <c>stackalloc</c> on purpose: a call here before a kernel's loop would make the JIT keep the
        /// loop's invariant vectors in stack slots (no vector register survives a call on SysV x64).
        /// </remarks>
        /// <param name="table">The table.</param>
        /// <param name="register">Which register of 8 entries, from 0.</param>
        /// <returns>The 8 entries, zero-padded.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="register"/> is negative or starts past the table's end.</exception>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Load(ReadOnlySpan<double> table, int register)
        {
            if ((uint)register >= (uint)((table.Length + EntriesPerRegister - 1) / EntriesPerRegister))
            {
                ThrowRegisterOutOfRange(register);
            }

            int start = register * EntriesPerRegister;
            if (table.Length - start >= EntriesPerRegister)
            {
                return Vector512.Create(table.Slice(start));
            }

            return Vector512.Create(
                EntryOrZero(table, start),
                EntryOrZero(table, start + 1),
                EntryOrZero(table, start + 2),
                EntryOrZero(table, start + 3),
                EntryOrZero(table, start + 4),
                EntryOrZero(table, start + 5),
                EntryOrZero(table, start + 6),
                EntryOrZero(table, start + 7));
        }

        /// <summary>Entry index of a table of at most 8 entries in one register (<c>vpermpd</c>).</summary>
        /// <param name="index">The entry to read in each lane, clamped into the table by the caller (only its low 3 bits are read).</param>
        /// <param name="t0">Entries 0 … 7.</param>
        /// <returns>t[index] in each lane.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Lookup(Vector512<ulong> index, Vector512<double> t0)
        {
            if (Avx512F.IsSupported)
            {
                return Avx512F.PermuteVar8x64(t0, index.AsInt64());
            }

            return LookupLanes(index, t0, t0, t0, t0);
        }

        /// <summary>Entry index of a table of at most 16 entries in two registers (one <c>vpermt2pd</c>).</summary>
        /// <param name="index">The entry to read in each lane, clamped into the table by the caller (only its low 4 bits are read).</param>
        /// <param name="t0">Entries 0 … 7.</param>
        /// <param name="t1">Entries 8 … 15.</param>
        /// <returns>t[index] in each lane.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Lookup(Vector512<ulong> index, Vector512<double> t0, Vector512<double> t1)
        {
            if (Avx512F.IsSupported)
            {
                return Avx512F.PermuteVar8x64x2(t0, index.AsInt64(), t1);
            }

            return LookupLanes(index, t0, t1, t0, t1);
        }

        /// <summary>
        /// Entry index of a table of at most 24 entries in three registers: one <c>vpermt2pd</c> for entries 0 … 15, one
        /// <c>vpermpd</c> for 16 … 23, a select on index ≥ 16.
        /// </summary>
        /// <param name="index">The entry to read in each lane, clamped into the table by the caller.</param>
        /// <param name="t0">Entries 0 … 7.</param>
        /// <param name="t1">Entries 8 … 15.</param>
        /// <param name="t2">Entries 16 … 23.</param>
        /// <returns>t[index] in each lane.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Lookup(Vector512<ulong> index, Vector512<double> t0, Vector512<double> t1, Vector512<double> t2)
        {
            if (Avx512F.IsSupported)
            {
                var upper = Vector512.GreaterThan(index, Vector512.Create(15UL)).AsDouble();
                return Vector512.ConditionalSelect(
                    upper, Avx512F.PermuteVar8x64(t2, index.AsInt64()), Avx512F.PermuteVar8x64x2(t0, index.AsInt64(), t1));
            }

            return LookupLanes(index, t0, t1, t2, t2);
        }

        /// <summary>
        /// Entry index of a table of at most 32 entries in four registers: two <c>vpermt2pd</c> and a select on index ≥ 16.
        /// </summary>
        /// <param name="index">The entry to read in each lane, clamped into the table by the caller.</param>
        /// <param name="t0">Entries 0 … 7.</param>
        /// <param name="t1">Entries 8 … 15.</param>
        /// <param name="t2">Entries 16 … 23.</param>
        /// <param name="t3">Entries 24 … 31.</param>
        /// <returns>t[index] in each lane.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Lookup(
            Vector512<ulong> index, Vector512<double> t0, Vector512<double> t1, Vector512<double> t2, Vector512<double> t3)
        {
            if (Avx512F.IsSupported)
            {
                var upper = Vector512.GreaterThan(index, Vector512.Create(15UL)).AsDouble();
                return Vector512.ConditionalSelect(
                    upper, Avx512F.PermuteVar8x64x2(t2, index.AsInt64(), t3), Avx512F.PermuteVar8x64x2(t0, index.AsInt64(), t1));
            }

            return LookupLanes(index, t0, t1, t2, t3);
        }

        /// <summary>
        /// The lookups without AVX-512, lane by lane from the registers, with the permutes' result for every index:
        /// bit 3 picks the register of a pair, the low 3 bits the lane, index ≥ 16 the second pair (the overloads with
        /// fewer registers pass a register twice where its permute would ignore a bit).
        /// </summary>
        internal static Vector512<double> LookupLanes(
            Vector512<ulong> index, Vector512<double> t0, Vector512<double> t1, Vector512<double> t2, Vector512<double> t3)
        {
            Span<double> lanes = stackalloc double[EntriesPerRegister];
            for (int j = 0; j < EntriesPerRegister; j++)
            {
                ulong i = index.GetElement(j);
                int lane = (int)(i & 7);
                bool odd = (i & 8) != 0;
                lanes[j] = i > 15 ? (odd ? t3 : t2).GetElement(lane) : (odd ? t1 : t0).GetElement(lane);
            }

            return Vector512.Create((ReadOnlySpan<double>)lanes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double EntryOrZero(ReadOnlySpan<double> table, int index) => index < table.Length ? table[index] : 0d;

        private static void ThrowRegisterOutOfRange(int register) =>
            throw new ArgumentOutOfRangeException(nameof(register), register, "The register starts past the table's end.");
    }
}
