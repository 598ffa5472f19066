using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <summary>
    /// Argument checks used by generated code. Each throws the exception the generated member documents, naming
    /// the parameter and the offending value (and index, for spans).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Guard
    {
        /// <summary>Whether <paramref name="value"/> is a probability: 0 ≤ value ≤ 1 (false for NaN).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <returns>True when the value is in [0, 1].</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsProbability<T>(T value)
            where T : IBinaryFloatingPointIeee754<T> =>
            value >= T.Zero && value <= T.One;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ <paramref name="value"/> ≤ 1.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <param name="paramName">The name of the parameter it came from.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ThrowIfNotProbability<T>(T value, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (!IsProbability(value))
            {
                ThrowNotProbability(value, paramName);
            }
        }

        /// <summary>
        /// Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ <paramref name="value"/> ≤ 1; returns the value with −0
        /// as +0 (a probability used as a value, not only checked: PSI's ε, where −0 would make log(−0/q) NaN).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <param name="paramName">The name of the parameter it came from.</param>
        /// <returns>The value, +0 for −0.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static T CheckedProbability<T>(T value, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            ThrowIfNotProbability(value, paramName);
            return value == T.Zero ? T.Zero : value;
        }

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first element of <paramref name="values"/> outside [0, 1].</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The values to check (vectorised).</param>
        /// <param name="paramName">The name of the parameter they came from.</param>
        public static void ThrowIfAnyNotProbability<T>(ReadOnlySpan<T> values, string paramName)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            int i = 0;
            if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<T>.Count)
            {
                ref T start = ref MemoryMarshal.GetReference(values);
                var bad = Vector256<T>.Zero;
                for (; i <= values.Length - Vector256<T>.Count; i += Vector256<T>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref start, (nuint)i);

                    // NaN compares false both ways, so it is caught by the negation.
                    bad |= ~(Vector256.GreaterThanOrEqual(v, Vector256<T>.Zero) & Vector256.LessThanOrEqual(v, Vector256<T>.One));
                }

                if (bad == Vector256<T>.Zero)
                {
                    for (; i < values.Length; i++)
                    {
                        if (!IsProbability(values[i]))
                        {
                            ThrowNotProbabilityAt(values[i], i, paramName);
                        }
                    }

                    return;
                }

                i = 0; // find the first offender for the message
            }

            for (; i < values.Length; i++)
            {
                if (!IsProbability(values[i]))
                {
                    ThrowNotProbabilityAt(values[i], i, paramName);
                }
            }
        }

        /// <summary>
        /// The cold path of a raw-vector kernel whose in-pass check (<see cref="ProbabilityLanes"/>) flagged an element:
        /// rescans <paramref name="values"/> element by element and throws <see cref="ArgumentOutOfRangeException"/> naming
        /// the first one outside [0, 1] (its index and value). The bit test also flags −0, which is a probability: if that
        /// is all there is, this returns the values with +0 in its place (a copy), and the kernel calls itself again on
        /// them. Kept out of line, and called in tail position (<c>return Kernel(Rescan(p), Rescan(q))</c>), so that the
        /// kernel's hot path is the check's compare and branch with nothing live across the call.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The kernel's input.</param>
        /// <param name="paramName">Its parameter name.</param>
        /// <returns><paramref name="values"/>, or a copy with each −0 replaced by +0.</returns>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ReadOnlySpan<T> RescanProbabilities<T>(ReadOnlySpan<T> values, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            ThrowIfAnyNotProbabilityScalar(values, paramName);
            int negativeZero = -1;
            for (int i = 0; i < values.Length && negativeZero < 0; i++)
            {
                negativeZero = T.IsNegative(values[i]) ? i : -1; // after the check only −0 is negative
            }

            if (negativeZero < 0)
            {
                return values;
            }

            T[] copy = values.ToArray();
            for (int i = negativeZero; i < copy.Length; i++)
            {
                copy[i] = T.IsNegative(copy[i]) ? T.Zero : copy[i];
            }

            return copy;
        }

        private static void ThrowIfAnyNotProbabilityScalar<T>(ReadOnlySpan<T> values, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (!IsProbability(values[i]))
                {
                    ThrowNotProbabilityAt(values[i], i, paramName);
                }
            }
        }

        /// <summary>
        /// Throws <see cref="InvalidOperationException"/> for a member called on <c>default</c> of a generated struct: it
        /// was never constructed, so it has no parameters (a default Categorical has no probabilities at all, a default
        /// count distribution a parameter outside its domain), and every answer would be a plausible-looking wrong number.
        /// </summary>
        /// <param name="typeName">The generated type's name.</param>
        /// <param name="howToCreate">The constructor or factories that make a valid instance, as text.</param>
        [DoesNotReturn]
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void ThrowDefaultInstance(string typeName, string howToCreate) =>
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture,
                "This {0} is default({0}) (an unassigned field, array element or `new {0}()`): it was never constructed and has no parameters. "
                + "Create one with {1}; IsDefault tells a default instance apart.",
                typeName,
                howToCreate));

        /// <summary>Whether 0 &lt; <paramref name="value"/> ≤ 1 (false for NaN): a success probability that makes a waiting time finite.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <returns>True when the value is in (0, 1].</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsPositiveProbability<T>(T value)
            where T : IBinaryFloatingPointIeee754<T> =>
            value > T.Zero && value <= T.One;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 &lt; <paramref name="value"/> ≤ 1.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <param name="paramName">The name of the parameter it came from.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ThrowIfNotPositiveProbability<T>(T value, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (!IsPositiveProbability(value))
            {
                ThrowOutOfDomain(value, paramName, "a probability in (0, 1]");
            }
        }

        /// <summary>Whether <paramref name="value"/> is finite and ≥ 0 (false for NaN and +∞).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <returns>True when 0 ≤ value &lt; ∞.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsNonNegativeFinite<T>(T value)
            where T : IBinaryFloatingPointIeee754<T> =>
            value >= T.Zero && T.IsFinite(value);

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ <paramref name="value"/> &lt; ∞.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <param name="paramName">The name of the parameter it came from.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ThrowIfNotNonNegativeFinite<T>(T value, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (!IsNonNegativeFinite(value))
            {
                ThrowOutOfDomain(value, paramName, "finite and ≥ 0");
            }
        }

        /// <summary>Whether <paramref name="value"/> is ≥ 0, +∞ included (false for NaN).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <returns>True when 0 ≤ value ≤ +∞.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsNonNegative<T>(T value)
            where T : IBinaryFloatingPointIeee754<T> =>
            value >= T.Zero;

        /// <summary>
        /// Throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ <paramref name="value"/> ≤ +∞ (a statistic or a
        /// bound of integration, where +∞ is a valid limit and NaN or a negative value is a caller's error).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <param name="paramName">The name of the parameter it came from.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ThrowIfNotNonNegative<T>(T value, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (!IsNonNegative(value))
            {
                ThrowOutOfDomain(value, paramName, "≥ 0 (+∞ allowed)");
            }
        }

        /// <summary>Whether <paramref name="value"/> is finite and &gt; 0 (false for NaN and +∞).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <returns>True when 0 &lt; value &lt; ∞.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsPositiveFinite<T>(T value)
            where T : IBinaryFloatingPointIeee754<T> =>
            value > T.Zero && T.IsFinite(value);

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 &lt; <paramref name="value"/> &lt; ∞.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <param name="paramName">The name of the parameter it came from.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ThrowIfNotPositiveFinite<T>(T value, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (!IsPositiveFinite(value))
            {
                ThrowOutOfDomain(value, paramName, "finite and > 0");
            }
        }

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when an outcome is negative (it cannot be a count).</summary>
        /// <param name="index">Where the outcome is.</param>
        /// <param name="value">The outcome.</param>
        /// <param name="paramName">The parameter name.</param>
        [DoesNotReturn]
        public static void ThrowNegativeOutcome(int index, int value, string paramName) =>
            ThrowOutcomeOutOfRange(index, value, "{0, 1, 2, …}", paramName);

        /// <summary>Throws <see cref="OverflowException"/> when a draw does not fit the <see cref="int"/> outcome type.</summary>
        /// <param name="draw">The draw.</param>
        /// <returns>The draw as an <see cref="int"/> when it fits.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int DrawToInt32(long draw) =>
            draw <= int.MaxValue ? (int)draw : ThrowDrawTooLarge(draw);

        [DoesNotReturn]
        private static int ThrowDrawTooLarge(long draw) =>
            throw new OverflowException(string.Format(
                CultureInfo.InvariantCulture,
                "The draw {0} exceeds int.MaxValue, the largest outcome this type can return; the distribution's mass above 2³¹ − 1 is not negligible for these parameters.",
                draw));

        [DoesNotReturn]
        private static void ThrowOutOfDomain<T>(T value, string paramName, string domain)
            where T : IBinaryFloatingPointIeee754<T> =>
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Format(CultureInfo.InvariantCulture, "{0} must be {1}, but was {2}.", paramName, domain, value));

        /// <summary>
        /// The number of rows of a row-major matrix of <paramref name="classes"/> columns held in a span of
        /// <paramref name="length"/> elements; throws <see cref="ArgumentException"/> when the length is not a multiple of it.
        /// </summary>
        /// <param name="length">The span's length.</param>
        /// <param name="classes">K, the length of a row.</param>
        /// <param name="paramName">The parameter name.</param>
        /// <returns>length / K.</returns>
        public static int RowCount(int length, int classes, string paramName)
        {
            if (length % classes != 0)
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} has {1} elements, which is not a whole number of rows of K = {2} (row-major, N × K).",
                        paramName,
                        length,
                        classes),
                    paramName);
            }

            return length / classes;
        }

        /// <summary>
        /// Throws <see cref="ArgumentException"/> unless a span holds <paramref name="rows"/> rows of K, or exactly one row
        /// (to be used with every row of the other argument).
        /// </summary>
        /// <param name="length">The span's length.</param>
        /// <param name="rows">The number of rows of the other argument.</param>
        /// <param name="classes">K, the length of a row.</param>
        /// <param name="paramName">The parameter name.</param>
        public static void ThrowIfNotRowsOrOneRow(int length, int rows, int classes, string paramName)
        {
            if (length != classes && length != rows * classes)
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "{0} has {1} elements, but must hold one row of K = {2} (used for every row) or {3} rows ({4} elements), as p does.",
                        paramName,
                        length,
                        classes,
                        rows,
                        (long)rows * classes),
                    paramName);
            }
        }

        /// <summary>Throws <see cref="ArgumentException"/> when a destination span is shorter than the input.</summary>
        /// <param name="required">The input length.</param>
        /// <param name="actual">The destination length.</param>
        public static void ThrowIfDestinationTooShort(int required, int actual)
        {
            if (actual < required)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Destination is too short: it has {0} elements but {1} are needed.", actual, required),
                    "destination");
            }
        }

        /// <summary>Throws <see cref="ArgumentException"/> (parameter <c>q</c>) when the two inputs differ in length.</summary>
        /// <param name="pLength">Length of p.</param>
        /// <param name="qLength">Length of q.</param>
        public static void ThrowIfLengthsDiffer(int pLength, int qLength)
        {
            if (pLength != qLength)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "q has {0} elements but p has {1}; they must have the same length.", qLength, pLength),
                    "q");
            }
        }

        /// <summary>Throws <see cref="ArgumentException"/> when a span does not have the compile-time length K.</summary>
        /// <param name="length">The span's length.</param>
        /// <param name="expected">K.</param>
        /// <param name="paramName">The parameter name.</param>
        public static void ThrowIfLengthIsNot(int length, int expected, string paramName)
        {
            if (length != expected)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{0} has {1} elements but this distribution has K = {2} classes.", paramName, length, expected),
                    paramName);
            }
        }

        /// <summary>
        /// Throws <see cref="ArgumentException"/> when a span does not have the compile-time length n + 1 of a support
        /// 0 … n (a long: n may be <see cref="int.MaxValue"/>).
        /// </summary>
        /// <param name="length">The span's length.</param>
        /// <param name="expected">n + 1.</param>
        /// <param name="paramName">The parameter name.</param>
        public static void ThrowIfLengthIsNot(int length, long expected, string paramName)
        {
            if (length != expected)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{0} has {1} elements but this distribution has {2} outcomes (0 … {3}).", paramName, length, expected, expected - 1),
                    paramName);
            }
        }

        /// <summary>Throws <see cref="ArgumentException"/> when there is nothing to fit.</summary>
        /// <param name="length">The number of outcomes.</param>
        /// <param name="paramName">The parameter name.</param>
        public static void ThrowIfEmpty(int length, string paramName)
        {
            if (length == 0)
            {
                throw new ArgumentException(paramName + " is empty: at least one outcome is needed to fit a distribution.", paramName);
            }
        }

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for an outcome outside the support.</summary>
        /// <param name="index">Where the outcome is.</param>
        /// <param name="value">The outcome.</param>
        /// <param name="support">The support, as text.</param>
        /// <param name="paramName">The parameter name.</param>
        [DoesNotReturn]
        public static void ThrowOutcomeOutOfRange(int index, int value, string support, string paramName) =>
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Format(CultureInfo.InvariantCulture, "{0}[{1}] = {2} is outside the support {3}.", paramName, index, value, support));

        [DoesNotReturn]
        private static void ThrowNotProbability<T>(T value, string paramName)
            where T : IBinaryFloatingPointIeee754<T> =>
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Format(CultureInfo.InvariantCulture, "{0} must be a probability in [0, 1], but was {1}.", paramName, value));

        [DoesNotReturn]
        private static void ThrowNotProbabilityAt<T>(T value, int index, string paramName)
            where T : IBinaryFloatingPointIeee754<T> =>
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Format(CultureInfo.InvariantCulture, "{0}[{1}] must be a probability in [0, 1], but was {2}.", paramName, index, value));

        /// <summary>Whether <paramref name="value"/> is finite (false for NaN and ±∞).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <returns>True when −∞ &lt; value &lt; ∞.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsFinite<T>(T value)
            where T : IBinaryFloatingPointIeee754<T> =>
            T.IsFinite(value);

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless <paramref name="value"/> is finite.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The value to check.</param>
        /// <param name="paramName">The name of the parameter it came from.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void ThrowIfNotFinite<T>(T value, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (!T.IsFinite(value))
            {
                ThrowOutOfDomain(value, paramName, "finite");
            }
        }

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first element of <paramref name="values"/> that is not finite (its index and value).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The values to check.</param>
        /// <param name="paramName">The name of the parameter they came from.</param>
        public static void ThrowIfAnyNotFinite<T>(ReadOnlySpan<T> values, string paramName)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (AllFinite(values))
            {
                return;
            }

            for (int i = 0; i < values.Length; i++)
            {
                if (!T.IsFinite(values[i]))
                {
                    ThrowOutOfDomainAt(values[i], i, paramName, "finite");
                }
            }
        }

        /// <summary>
        /// Whether every element of <paramref name="values"/> is finite: one pass of SIMD subtractions (x − x is 0 for a finite
        /// x and NaN for NaN or ±∞), so a batch kernel can check its inputs before writing anything at a small fraction of its
        /// own cost.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The values to check.</param>
        /// <returns>True when no element is NaN or ±∞.</returns>
        public static bool AllFinite<T>(ReadOnlySpan<T> values)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            int i = 0;
            if (System.Numerics.Vector.IsHardwareAccelerated && values.Length >= System.Numerics.Vector<T>.Count)
            {
                var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<T, System.Numerics.Vector<T>>(values);
                var a = System.Numerics.Vector<T>.Zero;
                var b = System.Numerics.Vector<T>.Zero;
                int v = 0;
                for (; v + 1 < vectors.Length; v += 2)
                {
                    a += vectors[v] - vectors[v];
                    b += vectors[v + 1] - vectors[v + 1];
                }

                if (v < vectors.Length)
                {
                    a += vectors[v] - vectors[v];
                }

                if (!System.Numerics.Vector.EqualsAll(a + b, System.Numerics.Vector<T>.Zero))
                {
                    return false;
                }

                i = vectors.Length * System.Numerics.Vector<T>.Count;
            }

            for (; i < values.Length; i++)
            {
                if (!T.IsFinite(values[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether every element of <paramref name="values"/> is finite and &gt; 0.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The values to check.</param>
        /// <returns>True when every element is in (0, ∞).</returns>
        public static bool AllPositiveFinite<T>(ReadOnlySpan<T> values)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            foreach (var value in values)
            {
                if (!IsPositiveFinite(value))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first element of <paramref name="values"/> that is not finite and &gt; 0 (its index and value).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="values">The values to check.</param>
        /// <param name="paramName">The name of the parameter they came from.</param>
        public static void ThrowIfAnyNotPositiveFinite<T>(ReadOnlySpan<T> values, string paramName)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (!IsPositiveFinite(values[i]))
                {
                    ThrowOutOfDomainAt(values[i], i, paramName, "finite and > 0");
                }
            }
        }

        [DoesNotReturn]
        private static void ThrowOutOfDomainAt<T>(T value, int index, string paramName, string domain)
            where T : IBinaryFloatingPointIeee754<T> =>
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Format(CultureInfo.InvariantCulture, "{0}[{1}] must be {2}, but was {3}.", paramName, index, domain, value));
    }
}
