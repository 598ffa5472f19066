// Every invalid argument of the contract (api-spec, issue 2): the exception's exact type, its ParamName, and that
// the message names the offending value (and index, for an element of a span). Every TryX returns false with
// `default` for the same input, and never throws.
//
// Exception types: the contract states them for the constructor, FromProbabilities, Fit, the span forms and
// Sample. For FromWeights / FromLogits / FromCounts it lists the conditions only; these tests hold them to the same
// convention ("Invalid parameters are rejected ... with an ArgumentOutOfRangeException naming the parameter and
// value", DESIGN §5): a bad element or scalar → ArgumentOutOfRangeException; a wrong length or a condition on the
// whole vector (zero sum, no finite logit) → ArgumentException, like FromProbabilities' length and sum.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Sdk;
using static DivergenceGen.Tests.Reference;

namespace DivergenceGen.Tests
{
    internal static class Expect
    {
        /// <summary>The ways a message may legitimately print <paramref name="value"/>.</summary>
        public static IEnumerable<string> Forms<T>(T value) where T : IBinaryFloatingPointIeee754<T>
        {
            yield return value.ToString(null, CultureInfo.InvariantCulture);
            yield return value.ToString("R", CultureInfo.InvariantCulture);
            yield return value.ToString(null, CultureInfo.CurrentCulture);
            double d = double.CreateTruncating(value);
            yield return d.ToString("R", CultureInfo.InvariantCulture);
            if (T.IsPositiveInfinity(value))
            {
                yield return "∞";
                yield return "Infinity";
            }
            else if (T.IsNegativeInfinity(value))
            {
                yield return "-∞";
                yield return "−∞";
                yield return "-Infinity";
            }
        }

        public static void MessageNamesValue<T>(Exception e, T value) where T : IBinaryFloatingPointIeee754<T>
        {
            string[] forms = Forms(value).Distinct().ToArray();
            if (!forms.Any(f => e.Message.Contains(f, StringComparison.Ordinal)))
            {
                throw new XunitException($"{e.GetType().Name} message does not name the value ({string.Join(" | ", forms)}): \"{e.Message}\"");
            }
        }

        public static void MessageNamesInteger(Exception e, long value, string what)
        {
            string v = value.ToString(CultureInfo.InvariantCulture);
            if (!Regex.IsMatch(e.Message, @"(?<![0-9.])" + Regex.Escape(v) + @"(?![0-9])"))
            {
                throw new XunitException($"{e.GetType().Name} message does not name the {what} {v}: \"{e.Message}\"");
            }
        }

        /// <summary>
        /// The message names the element as <c>name[index]</c>: stricter than <see cref="MessageNamesInteger"/>, whose index 0
        /// would also match the 0 of a value such as −0.25.
        /// </summary>
        public static void MessageNamesElement(Exception e, string paramName, int index)
        {
            string element = paramName + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (!e.Message.Contains(element, StringComparison.Ordinal))
            {
                throw new XunitException($"{e.GetType().Name} message does not name the element {element}: \"{e.Message}\"");
            }
        }

        /// <summary>Runs <paramref name="check"/>; a failure is reported with <paramref name="what"/> (the case: length, index, value) in front.</summary>
        public static void At(string what, Action check)
        {
            try
            {
                check();
            }
            catch (XunitException e)
            {
                throw new XunitException(what + ": " + e.Message);
            }
        }

        /// <summary>Asserts the exact exception type and ParamName, and returns it for message checks.</summary>
        public static TEx Throws<TEx>(string paramName, Action action)
            where TEx : ArgumentException
        {
            TEx e = Assert.Throws<TEx>(action);
            Assert.Equal(paramName, e.ParamName);
            return e;
        }

        /// <summary>`default`: null for a class; all-zero bytes for a struct.</summary>
        public static void IsDefault<TDist>(TDist result, string what)
        {
            if (!typeof(TDist).IsValueType)
            {
                Assert.True(result is null, $"{what}: result is not null");
                return;
            }

            Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<TDist>() && !EqualityComparer<TDist>.Default.Equals(result, default!),
                $"{what}: result is not default");
            if (!RuntimeHelpers.IsReferenceOrContainsReferences<TDist>())
            {
                ReadOnlySpan<byte> bytes = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TDist, byte>(ref result), Unsafe.SizeOf<TDist>());
                Assert.True(bytes.IndexOfAnyExcept((byte)0) < 0, $"{what}: result is not default (non-zero bytes)");
            }
        }
    }

    // ================================================================================================================
    // Categorical
    // ================================================================================================================

    public abstract class CategoricalValidation<TDist, T>
        where TDist : ICategoricalSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private static int K => TDist.ClassCount;

        private const int Bad = 4; // an index inside [0, K) for the tests that need one valid special element (K ≥ 6 for every subclass)

        private static T[] Valid() => Gens.Uniform<T>(K);

        private static T[] With(T value, int index)
        {
            T[] v = Valid();
            v[index] = value;
            return v;
        }

        private static readonly double[] BadValues = { -0.25, double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        /// <summary>
        /// Each bad value at each index class of K (IndexClasses: the first element, one inside a full vector, the first
        /// after the vector part of each width for T, the last), so a check that skips a part of the span is caught.
        /// </summary>
        public static TheoryData<double, int> BadElements()
        {
            var data = new TheoryData<double, int>();
            foreach (double bad in BadValues)
            {
                foreach (int index in IndexClasses.Of(K, Unsafe.SizeOf<T>()))
                {
                    data.Add(bad, index);
                }
            }

            return data;
        }

        public static TheoryData<double, int> BadLogits()
        {
            var data = new TheoryData<double, int>();
            foreach (double bad in new[] { double.NaN, double.PositiveInfinity })
            {
                foreach (int index in IndexClasses.Of(K, Unsafe.SizeOf<T>()))
                {
                    data.Add(bad, index);
                }
            }

            return data;
        }

        public static TheoryData<int> EveryIndexClass()
        {
            var data = new TheoryData<int>();
            foreach (int index in IndexClasses.Of(K, Unsafe.SizeOf<T>(), sizeof(long)))
            {
                data.Add(index);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(BadElements))]
        public void FromProbabilitiesRejectsBadElement(double bad, int index)
        {
            T value = To<T>(bad);
            T[] v = With(value, index);
            var e = Expect.Throws<ArgumentOutOfRangeException>("probabilities", () => TDist.FromProbabilities(v));
            Expect.MessageNamesValue(e, value);
            Expect.MessageNamesElement(e, "probabilities", index);
            Assert.False(TDist.TryFromProbabilities(v, out TDist? r));
            Expect.IsDefault(r, "TryFromProbabilities");
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(1)]
        [InlineData(int.MinValue)]
        public void FromProbabilitiesRejectsWrongLength(int delta)
        {
            T[] v = delta == int.MinValue ? Array.Empty<T>() : Gens.Uniform<T>(K + delta);
            Expect.Throws<ArgumentException>("probabilities", () => TDist.FromProbabilities(v));
            Assert.False(TDist.TryFromProbabilities(v, out TDist? r));
            Expect.IsDefault(r, "TryFromProbabilities");
        }

        [Theory]
        [InlineData(1.25)]
        [InlineData(0.75)]
        public void FromProbabilitiesRejectsBadSum(double sum)
        {
            // Entries 0.5, 0.5, 0.25 (sum 1.25) or 0.5, 0.25 (sum 0.75), the rest 0: sums exact in float and double.
            T[] v = new T[K];
            v[0] = To<T>(0.5);
            v[1] = To<T>(sum == 1.25 ? 0.5 : 0.25);
            v[2] = To<T>(sum == 1.25 ? 0.25 : 0);
            var e = Expect.Throws<ArgumentException>("probabilities", () => TDist.FromProbabilities(v));
            Expect.MessageNamesValue(e, To<T>(sum));
            Assert.Contains("use FromWeights", e.Message, StringComparison.Ordinal); // the way out for data that is not normalised
            Assert.False(TDist.TryFromProbabilities(v, out TDist? r));
            Expect.IsDefault(r, "TryFromProbabilities");
        }

        [Fact]
        public void FromProbabilitiesAcceptsSumWithinTolerance()
        {
            // |Σ − 1| ≤ K·4·ε is accepted (FamilyLimits.ProbabilitySumUlpsPerClass); 0.5 + 0.5 + (K·4·ε)/2 is not
            // rejected, 2·K·4·ε off is.
            double eps = Eps<T>();
            T[] v = new T[K];
            v[0] = To<T>(0.5);
            v[1] = To<T>(0.5 + K * 2 * eps);
            Assert.True(TDist.TryFromProbabilities(v, out _), $"sum 1 + {K * 2 * eps} (half the allowed K·4·ε) refused");
            v[1] = To<T>(0.5 + K * 8 * eps);
            // The case must be what it claims (no silent pass): the rounded sum is really off by more than K·4·ε.
            Assert.True(D(v[0]) + D(v[1]) - 1 > K * 4 * eps && K * 8 * eps < 0.25, $"precondition: 0.5 + {D(v[1])} is not off by more than K·4·ε in {typeof(T).Name}");
            Assert.False(TDist.TryFromProbabilities(v, out _), $"sum 1 + {K * 8 * eps} (twice the allowed K·4·ε) accepted");
        }

        /// <summary>
        /// Issue 11: probabilities computed in float and widened are off by a few 1e-8, which the default tolerance (K·4·ε)
        /// rejects for a double type. An explicit sumTolerance takes them as given (not renormalised).
        /// </summary>
        [Fact]
        public void FromProbabilitiesAcceptsAnExplicitSumTolerance()
        {
            // Above the default tolerance: for double K·4·ε ≤ 9e-13 (K ≤ 1000); for float min(K·4·ε, √ε) ≤ 3.5e-4.
            double offBy = typeof(T) == typeof(float) ? 1e-3 : 4.5e-8;
            double loose = 10 * offBy;
            T[] v = Valid();
            v[0] = To<T>(D(v[0]) + offBy);
            double sum = 0;
            foreach (T x in v)
            {
                sum += D(x);
            }

            Assert.True(Math.Abs(sum - 1) > ProbabilityVectors.SumTolerance<T>(K), $"precondition: the sum 1 + {sum - 1:R} is within the default tolerance");
            var e = Expect.Throws<ArgumentException>("probabilities", () => TDist.FromProbabilities(v));
            Assert.Contains("FromWeights", e.Message, StringComparison.Ordinal);
            Assert.Contains("sumTolerance", e.Message, StringComparison.Ordinal);

            TDist d = TDist.FromProbabilities(v, sumTolerance: loose);
            Assert.Equal(D(v[0]), D(d.Pmf(0))); // used as given
            Assert.True(TDist.TryFromProbabilities(v, loose, out TDist? r));
            Assert.Equal(D(v[0]), D(r!.Pmf(0)));

            double tight = Math.Abs(sum - 1) / 2;
            e = Expect.Throws<ArgumentException>("probabilities", () => TDist.FromProbabilities(v, tight));
            Expect.MessageNamesValue(e, tight);
            Assert.False(TDist.TryFromProbabilities(v, tight, out r));
            Expect.IsDefault(r, "TryFromProbabilities(sumTolerance)");

            // A tolerance of 0 still accepts an exact sum; elements are checked as before.
            T[] exact = new T[K];
            exact[0] = T.One;
            Assert.True(TDist.TryFromProbabilities(exact, 0, out _));
            T[] bad = With(T.NaN, K - 1);
            var eBad = Expect.Throws<ArgumentOutOfRangeException>("probabilities", () => TDist.FromProbabilities(bad, loose));
            Expect.MessageNamesElement(eBad, "probabilities", K - 1);
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(-1e-9)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        public void FromProbabilitiesRejectsBadSumTolerance(double tolerance)
        {
            T[] v = Valid();
            var e = Expect.Throws<ArgumentOutOfRangeException>("sumTolerance", () => TDist.FromProbabilities(v, tolerance));
            Expect.MessageNamesValue(e, tolerance);
            Assert.False(TDist.TryFromProbabilities(v, tolerance, out TDist? r));
            Expect.IsDefault(r, "TryFromProbabilities(sumTolerance)");
        }

        /// <summary>Issue 11: FromCounts took only long counts; int counts give the same distribution.</summary>
        [Fact]
        public void FromCountsTakesIntCounts()
        {
            long[] counts = Counts();
            int[] ints = Array.ConvertAll(counts, c => (int)c);
            T a = To<T>(0.5);
            TDist fromLong = TDist.FromCounts(counts, a), fromInt = TDist.FromCounts(ints, a);
            Assert.True(TDist.TryFromCounts(ints, out TDist? plain));
            Assert.True(TDist.TryFromCounts(ints, a, out TDist? smoothed));
            TDist plainLong = TDist.FromCounts(counts, T.Zero);
            for (int k = 0; k < K; k++)
            {
                Assert.Equal(D(fromLong.Pmf(k)), D(fromInt.Pmf(k)));
                Assert.Equal(D(fromLong.LogPmf(k)), D(smoothed!.LogPmf(k)));
                Assert.Equal(D(plainLong.Pmf(k)), D(plain!.Pmf(k)));
            }
        }

        [Theory]
        [MemberData(nameof(EveryIndexClass))]
        public void FromIntCountsRejectsNegativeCount(int index)
        {
            int[] c = Array.ConvertAll(Counts(), x => (int)x);
            c[index] = -3;
            var e = Expect.Throws<ArgumentOutOfRangeException>("counts", () => TDist.FromCounts(c, T.Zero));
            Expect.MessageNamesInteger(e, -3, "value");
            Expect.MessageNamesElement(e, "counts", index);
            Assert.False(TDist.TryFromCounts(c, out TDist? r));
            Expect.IsDefault(r, "TryFromCounts(int)");
            Expect.Throws<ArgumentException>("counts", () => TDist.FromCounts(new int[K + 1], T.One));
            Expect.Throws<ArgumentException>("counts", () => TDist.FromCounts(new int[K], T.Zero)); // zero total
            Expect.Throws<ArgumentOutOfRangeException>("pseudocount", () => TDist.FromCounts(Array.ConvertAll(Counts(), x => (int)x), T.NaN));
        }

        [Theory]
        [MemberData(nameof(BadElements))]
        public void FromWeightsRejectsBadElement(double bad, int index)
        {
            T value = To<T>(bad);
            T[] v = With(value, index);
            var e = Expect.Throws<ArgumentOutOfRangeException>("weights", () => TDist.FromWeights(v));
            Expect.MessageNamesValue(e, value);
            Expect.MessageNamesElement(e, "weights", index);
            Assert.False(TDist.TryFromWeights(v, out TDist? r));
            Expect.IsDefault(r, "TryFromWeights");
        }

        [Fact]
        public void FromWeightsRejectsAllZeros()
        {
            T[] v = new T[K];
            Expect.Throws<ArgumentException>("weights", () => TDist.FromWeights(v));
            Assert.False(TDist.TryFromWeights(v, out TDist? r));
            Expect.IsDefault(r, "TryFromWeights");
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(1)]
        [InlineData(int.MinValue)]
        public void FromWeightsRejectsWrongLength(int delta)
        {
            T[] v = delta == int.MinValue ? Array.Empty<T>() : Gens.Uniform<T>(K + delta);
            Expect.Throws<ArgumentException>("weights", () => TDist.FromWeights(v));
            Assert.False(TDist.TryFromWeights(v, out TDist? r));
            Expect.IsDefault(r, "TryFromWeights");
        }

        [Theory]
        [MemberData(nameof(BadLogits))]
        public void FromLogitsRejectsBadElement(double bad, int index)
        {
            T value = To<T>(bad);
            T[] v = With(value, index);
            var e = Expect.Throws<ArgumentOutOfRangeException>("logits", () => TDist.FromLogits(v));
            Expect.MessageNamesValue(e, value);
            Expect.MessageNamesElement(e, "logits", index);
            Assert.False(TDist.TryFromLogits(v, out TDist? r));
            Expect.IsDefault(r, "TryFromLogits");
        }

        [Fact]
        public void FromLogitsRejectsAllNegativeInfinity()
        {
            T[] v = Enumerable.Repeat(T.NegativeInfinity, K).ToArray();
            Expect.Throws<ArgumentException>("logits", () => TDist.FromLogits(v));
            Assert.False(TDist.TryFromLogits(v, out TDist? r));
            Expect.IsDefault(r, "TryFromLogits");
        }

        [Fact]
        public void FromLogitsAcceptsNegativeInfinityElements()
        {
            T[] v = Enumerable.Repeat(T.NegativeInfinity, K).ToArray();
            v[Bad] = To<T>(-3.5);
            TDist d = TDist.FromLogits(v);
            Assert.Equal(1.0, D(d.Pmf(Bad)));
            Assert.Equal(0.0, D(d.LogPmf(Bad)));
            Assert.Equal(0.0, D(d.Pmf(0)));
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(1)]
        [InlineData(int.MinValue)]
        public void FromLogitsRejectsWrongLength(int delta)
        {
            T[] v = delta == int.MinValue ? Array.Empty<T>() : new T[K + delta];
            Expect.Throws<ArgumentException>("logits", () => TDist.FromLogits(v));
            Assert.False(TDist.TryFromLogits(v, out TDist? r));
            Expect.IsDefault(r, "TryFromLogits");
        }

        private static long[] Counts() => Enumerable.Range(0, K).Select(i => (long)(i % 3 + 1)).ToArray();

        [Theory]
        [MemberData(nameof(EveryIndexClass))]
        public void FromCountsRejectsNegativeCount(int index)
        {
            long[] c = Counts();
            c[index] = -3;
            var e = Expect.Throws<ArgumentOutOfRangeException>("counts", () => TDist.FromCounts(c, T.Zero));
            Expect.MessageNamesInteger(e, -3, "value");
            Expect.MessageNamesElement(e, "counts", index);
            Assert.False(TDist.TryFromCounts(c, out TDist? r));
            Expect.IsDefault(r, "TryFromCounts");
            Assert.False(TDist.TryFromCounts(c, To<T>(0.5), out r));
            Expect.IsDefault(r, "TryFromCounts(pseudocount)");
        }

        [Theory]
        [InlineData(-0.5)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        public void FromCountsRejectsBadPseudocount(double bad)
        {
            T a = To<T>(bad);
            long[] c = Counts();
            var e = Expect.Throws<ArgumentOutOfRangeException>("pseudocount", () => TDist.FromCounts(c, a));
            Expect.MessageNamesValue(e, a);
            Assert.False(TDist.TryFromCounts(c, a, out TDist? r));
            Expect.IsDefault(r, "TryFromCounts(pseudocount)");
        }

        [Fact]
        public void FromCountsRejectsZeroTotal()
        {
            long[] c = new long[K];
            Expect.Throws<ArgumentException>("counts", () => TDist.FromCounts(c, T.Zero));
            Assert.False(TDist.TryFromCounts(c, out TDist? r));
            Expect.IsDefault(r, "TryFromCounts");
            Assert.False(TDist.TryFromCounts(c, T.Zero, out r));
            Expect.IsDefault(r, "TryFromCounts(pseudocount)");

            // A positive pseudocount makes all-zero counts valid: the uniform distribution.
            Assert.True(TDist.TryFromCounts(c, T.One, out TDist? u));
            Assert.Equal(1.0 / K, D(u.Pmf(0)), 1e-6);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(1)]
        [InlineData(int.MinValue)]
        public void FromCountsRejectsWrongLength(int delta)
        {
            long[] c = delta == int.MinValue ? Array.Empty<long>() : Enumerable.Repeat(1L, K + delta).ToArray();
            Expect.Throws<ArgumentException>("counts", () => TDist.FromCounts(c, T.Zero));
            Assert.False(TDist.TryFromCounts(c, out TDist? r));
            Expect.IsDefault(r, "TryFromCounts");
            Assert.False(TDist.TryFromCounts(c, T.One, out r));
            Expect.IsDefault(r, "TryFromCounts(pseudocount)");
        }

        [Fact]
        public void FitRejectsEmpty()
        {
            Expect.Throws<ArgumentException>("outcomes", () => TDist.Fit(ReadOnlySpan<int>.Empty));
        }

        [Theory]
        [InlineData(-7)]
        [InlineData(int.MinValue)]
        [InlineData(int.MaxValue)]
        [InlineData(0)] // 0 is replaced by K below: the first index outside [0, K)
        public void FitRejectsOutcomeOutOfRange(int bad)
        {
            if (bad == 0)
            {
                bad = K;
            }

            foreach (int n in BatchLengths)
            {
                foreach (int index in IndexClasses.Of(n, sizeof(int), sizeof(long)))
                {
                    int[] outcomes = Enumerable.Range(0, n).Select(i => i % K).ToArray();
                    outcomes[index] = bad;
                    Expect.At($"n = {n}, outcomes[{index}] = {bad}", () =>
                    {
                        var e = Expect.Throws<ArgumentOutOfRangeException>("outcomes", () => TDist.Fit(outcomes));
                        Expect.MessageNamesElement(e, "outcomes", index);
                        Expect.MessageNamesInteger(e, bad, "value");
                    });
                }
            }
        }

        /// <summary>Batch lengths: one element, no full vector, one full vector + tail, several + tail, many (IndexClasses).</summary>
        internal static readonly int[] BatchLengths = { 1, 7, 17, 33, 1000 };

        [Fact]
        public void StaticSpanFormsRejectWrongLengths()
        {
            T[] ok = Valid(), shortV = Gens.Uniform<T>(K - 1), longV = Gens.Uniform<T>(K + 1);
            Expect.Throws<ArgumentException>("p", () => TDist.Entropy(shortV));
            Expect.Throws<ArgumentException>("p", () => TDist.Entropy(longV));
            Expect.Throws<ArgumentException>("p", () => TDist.KLDivergence(shortV, ok));
            Expect.Throws<ArgumentException>("q", () => TDist.KLDivergence(ok, shortV));
            Expect.Throws<ArgumentException>("q", () => TDist.KLDivergence(ok, longV));
            Expect.Throws<ArgumentException>("p", () => TDist.CrossEntropy(longV, ok));
            Expect.Throws<ArgumentException>("q", () => TDist.CrossEntropy(ok, shortV));
        }

        /// <summary>
        /// Not probabilities, in T itself: NaN, ±∞, −0.1, 1.1, and the nearest values of T outside [0, 1] (−(smallest
        /// subnormal), 1 + one ulp), which a check by bit patterns must still catch.
        /// </summary>
        private static double[] NotProbabilities() =>
            new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.1, 1.1, D(-T.Epsilon), D(T.BitIncrement(T.One)) };

        /// <summary>Each value that is not a probability at each index class of K (issue 11: the static span members returned numbers).</summary>
        public static TheoryData<double, int> BadRawElements()
        {
            var data = new TheoryData<double, int>();
            foreach (double bad in NotProbabilities())
            {
                foreach (int index in IndexClasses.Of(K, Unsafe.SizeOf<T>()))
                {
                    data.Add(bad, index);
                }
            }

            return data;
        }

        /// <summary>
        /// Issue 11: <c>Die.Entropy([NaN, .2, .2, .2, .2, .2])</c> returned ln 5 and <c>KLDivergence([NaN, …], uniform)</c> 0.182.
        /// Every static span member now throws ArgumentOutOfRangeException naming the span, the index and the value, for a
        /// bad element in either argument at every index class (straight-line chunks, loop body, tail, last element).
        /// </summary>
        [Theory]
        [MemberData(nameof(BadRawElements))]
        public void StaticSpanFormsRejectElementsThatAreNotProbabilities(double bad, int index)
        {
            T value = To<T>(bad);
            Assert.False(value >= T.Zero && value <= T.One, $"{bad} in {typeof(T).Name} is {value}: not a bad value");
            T[] ok = Valid(), badV = With(value, index);
            void Rejects(string name, Func<T> call) => Expect.At($"{name}, {value} at [{index}]", () =>
            {
                var e = Expect.Throws<ArgumentOutOfRangeException>(name, () => call());
                Expect.MessageNamesValue(e, value);
                Expect.MessageNamesElement(e, name, index);
            });

            Rejects("p", () => TDist.Entropy(badV));
            Rejects("p", () => TDist.KLDivergence(badV, ok));
            Rejects("q", () => TDist.KLDivergence(ok, badV));
            Rejects("p", () => TDist.CrossEntropy(badV, ok));
            Rejects("q", () => TDist.CrossEntropy(ok, badV));
        }

        /// <summary>Bad elements in both spans: p's first offender is named (p is scanned first), whichever index q's is at.</summary>
        [Fact]
        public void StaticSpanFormsNameTheFirstOffenderOfP()
        {
            T[] p = With(T.NaN, K - 1), q = With(-T.One, 0);
            p[K / 2] = T.NegativeInfinity;
            var e = Expect.Throws<ArgumentOutOfRangeException>("p", () => TDist.KLDivergence(p, q));
            Expect.MessageNamesElement(e, "p", K / 2);
            e = Expect.Throws<ArgumentOutOfRangeException>("p", () => TDist.CrossEntropy(p, q));
            Expect.MessageNamesElement(e, "p", K / 2);
            e = Expect.Throws<ArgumentOutOfRangeException>("q", () => TDist.CrossEntropy(Valid(), q));
            Expect.MessageNamesElement(e, "q", 0);
        }

        /// <summary>The boundaries are probabilities: 0, −0 (x + 0 = +0 in the check) and 1 (a point mass) give the usual values.</summary>
        [Fact]
        public void StaticSpanFormsAcceptZeroNegativeZeroAndOne()
        {
            T[] point = new T[K];
            point[K - 1] = T.One;
            point[0] = -T.Zero;
            for (int i = 1; i < K - 1; i++)
            {
                point[i] = i % 2 == 0 ? -T.Zero : T.Zero;
            }

            Assert.Equal(0.0, D(TDist.Entropy(point)));
            Assert.Equal(0.0, D(TDist.KLDivergence(point, point)));
            Assert.Equal(0.0, D(TDist.CrossEntropy(point, point)));
            T[] u = Valid();
            Assert.Equal(Math.Log(K), D(TDist.CrossEntropy(point, u)), 1e-6);
            Assert.Equal(Math.Log(K), D(TDist.Entropy(u)), 1e-6);
        }

        [Fact]
        public void SampleRejectsNullRandom()
        {
            TDist d = TDist.FromProbabilities(Valid());
            Expect.Throws<ArgumentNullException>("random", () => d.Sample(null!));
        }
    }

    public sealed class Cat6Validation : CategoricalValidation<Cat6, double>;

    public sealed class Cat6FValidation : CategoricalValidation<Cat6F, float>;

    /// <summary>K = 16, straight-line: two Vector512 (or four Vector256, eight Vector128) chunks, no scalar leftovers.</summary>
    public sealed class Cat16Validation : CategoricalValidation<Cat16, double>;

    /// <summary>K = 17 float, looped: one full vector of 16 (or two of 8, four of 4) and a one-element scalar tail.</summary>
    public sealed class Cat17FValidation : CategoricalValidation<Cat17F, float>;

    /// <summary>K = 6 looped (UnrollThreshold = 0): a loop shape with a tail at every width.</summary>
    public sealed class Cat6U0Validation : CategoricalValidation<Cat6U0, double>;

    public sealed class Cat17U0Validation : CategoricalValidation<Cat17U0, double>;

    public sealed class Cat1000Validation : CategoricalValidation<Cat1000, double>;

    public sealed class Cat1000FValidation : CategoricalValidation<Cat1000F, float>;

    public sealed class Cat1000ClassValidation : CategoricalValidation<Cat1000Class, double>;

    // ================================================================================================================
    // Bernoulli
    // ================================================================================================================

    public abstract class BernoulliValidation<TDist, T>
        where TDist : IBernoulliSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        /// <summary>The generated constructor (not expressible through an interface).</summary>
        protected abstract TDist Create(T p);

        /// <summary>
        /// Values outside [0, 1] in T itself: besides the common ones, the nearest values of T outside the interval, −(the
        /// smallest subnormal) and 1 + one ulp (for float −1.4e-45 and 1 + 2⁻²³; for double −4.9e-324 and 1 + 2⁻⁵²). Each is
        /// exactly representable in T, so converting it cannot round it back into [0, 1] (the test asserts that).
        /// </summary>
        public static TheoryData<double> BadP()
        {
            T justBelow = -T.Epsilon, justAbove = T.BitIncrement(T.One);
            return new() { -0.1, 1.1, double.NaN, double.PositiveInfinity, double.NegativeInfinity, D(justBelow), D(justAbove) };
        }

        [Theory]
        [MemberData(nameof(BadP))]
        public void ConstructorRejects(double bad)
        {
            T p = To<T>(bad);
            Assert.False(p >= T.Zero && p <= T.One, $"{bad} converted to {typeof(T).Name} is {p}, inside [0, 1]: not a bad value for this type");
            var e = Expect.Throws<ArgumentOutOfRangeException>("p", () => Create(p));
            Expect.MessageNamesValue(e, p);
            Assert.False(TDist.TryCreate(p, out TDist? r));
            Expect.IsDefault(r, "TryCreate");
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(1.0)]
        [InlineData(5e-324)]
        public void ConstructorAcceptsBoundaries(double ok)
        {
            T p = To<T>(ok);
            TDist d = Create(p);
            Assert.Equal(D(p), D(d.P));
            Assert.True(TDist.TryCreate(p, out TDist? r));
            Assert.Equal(D(p), D(r!.P));
        }

        [Fact]
        public void BatchLogPmfRejectsShortDestination()
        {
            TDist d = Create(To<T>(0.3));
            int[] outcomes = { 0, 1, 1, 0, 1 };
            Expect.Throws<ArgumentException>("destination", () => d.LogPmf(outcomes, new T[4]));
            Expect.Throws<ArgumentException>("destination", () => d.LogPmf(outcomes, Span<T>.Empty));
            d.LogPmf(ReadOnlySpan<int>.Empty, Span<T>.Empty); // empty is fine
        }

        [Fact]
        public void BatchKLRejectsMismatchedAndShort()
        {
            T[] p = Enumerable.Repeat(To<T>(0.3), 5).ToArray();
            T[] q4 = Enumerable.Repeat(To<T>(0.6), 4).ToArray(), q6 = Enumerable.Repeat(To<T>(0.6), 6).ToArray();
            T[] q5 = Enumerable.Repeat(To<T>(0.6), 5).ToArray();
            Expect.Throws<ArgumentException>("q", () => TDist.KLDivergence(p, q4, new T[5]));
            Expect.Throws<ArgumentException>("q", () => TDist.KLDivergence(p, q6, new T[6]));
            Expect.Throws<ArgumentException>("destination", () => TDist.KLDivergence(p, q5, new T[4]));
            Expect.Throws<ArgumentException>("destination", () => TDist.Entropy(p, new T[4]));
        }

        public static TheoryData<double> BadElements => new() { 1.5, -0.25, double.NaN, double.PositiveInfinity, double.NegativeInfinity };

        /// <summary>
        /// The batch members validate every element with a vectorised check (Guard.ThrowIfAnyNotProbability: full vectors,
        /// then a scalar tail). The bad element sits at each index class of each batch length (IndexClasses), so a check that
        /// skips the first element, a lane, or the first element of the tail is caught; the message names the parameter, the
        /// index and the value.
        /// </summary>
        [Theory]
        [MemberData(nameof(BadElements))]
        public void BatchRejectsInvalidElements(double bad)
        {
            T value = To<T>(bad);
            foreach (int n in CategoricalValidation<Cat6, double>.BatchLengths)
            {
                T[] good = Enumerable.Range(0, n).Select(i => To<T>(0.05 + (0.9 * i / n))).ToArray();
                T[] dest = new T[n];
                foreach (int index in IndexClasses.Of(n, Unsafe.SizeOf<T>()))
                {
                    T[] badV = (T[])good.Clone();
                    badV[index] = value;
                    Expect.At($"n = {n}, element [{index}] = {bad}", () =>
                    {
                        var e = Expect.Throws<ArgumentOutOfRangeException>("p", () => TDist.KLDivergence(badV, good, dest));
                        Expect.MessageNamesValue(e, value);
                        Expect.MessageNamesElement(e, "p", index);

                        e = Expect.Throws<ArgumentOutOfRangeException>("q", () => TDist.KLDivergence(good, badV, dest));
                        Expect.MessageNamesValue(e, value);
                        Expect.MessageNamesElement(e, "q", index);

                        e = Expect.Throws<ArgumentOutOfRangeException>("p", () => TDist.Entropy(badV, dest));
                        Expect.MessageNamesValue(e, value);
                        Expect.MessageNamesElement(e, "p", index);
                    });
                }
            }
        }

        [Fact]
        public void FitRejectsEmptyAndOutOfRange()
        {
            Expect.Throws<ArgumentException>("outcomes", () => TDist.Fit(ReadOnlySpan<int>.Empty));
            foreach (int bad in new[] { -7, 2, 5, int.MinValue, int.MaxValue })
            {
                foreach (int n in CategoricalValidation<Cat6, double>.BatchLengths)
                {
                    foreach (int index in IndexClasses.Of(n, sizeof(int), sizeof(long)))
                    {
                        int[] outcomes = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
                        outcomes[index] = bad;
                        Expect.At($"n = {n}, outcomes[{index}] = {bad}", () =>
                        {
                            var e = Expect.Throws<ArgumentOutOfRangeException>("outcomes", () => TDist.Fit(outcomes));
                            Expect.MessageNamesElement(e, "outcomes", index);
                            Expect.MessageNamesInteger(e, bad, "value");
                        });
                    }
                }
            }
        }

        [Fact]
        public void SampleRejectsNullRandom()
        {
            TDist d = Create(To<T>(0.3));
            Expect.Throws<ArgumentNullException>("random", () => d.Sample(null!));
            Expect.Throws<ArgumentNullException>("random", () => d.Sample(null!, new int[3]));
        }
    }

    public sealed class CoinValidation : BernoulliValidation<Coin, double>
    {
        protected override Coin Create(double p) => new(p);
    }

    public sealed class CoinFValidation : BernoulliValidation<CoinF, float>
    {
        protected override CoinF Create(float p) => new(p);
    }

    public sealed class CoinClassValidation : BernoulliValidation<CoinClass, double>
    {
        protected override CoinClass Create(double p) => new(p);
    }
}
