// Every invalid argument of the divergence toolkit (issue 17), on the Categorical types whose kernels have different
// shapes (straight-line, SIMD loops with tails, K = 1000, float, the class form): the exception's exact type, its
// ParamName, and that the message names the offending element (as p[i] / q[i]) and its value — the conventions of
// ValidationTests (Expect). The raw forms check every element in the same pass as the sum (the kernels) or before it
// (Rényi, in the runtime), so each bad value is put at every index class of K (IndexClasses: the first element, one
// inside a full vector, the first after the vector part of each width, the last), in p and in q.
//
// Also: −0 is a probability and gives bit for bit what +0 gives (the kernels' bit test flags it and rescan with +0; the
// Rényi runtime reads it directly); wrong lengths are ArgumentException naming the span; Rényi's alpha must be ≥ 0
// (NaN and negatives refused, +∞ and −0 accepted), PSI's epsilon a probability; the instance forms refuse `default`
// struct instances (InvalidOperationException, as in DefaultInstanceTests) and a null q of the class form.
//
// Three of these tests found two bugs, since fixed: Rényi with −0 in q where p > 0 (raw, and instances made from such
// vectors) returned 0 at every order; PSI with epsilon = −0 returned NaN where exactly one of p, q has an empty bin.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Sdk;
using static DivergenceGen.Tests.Reference;

namespace DivergenceGen.Tests.Divergences
{
    public abstract class ToolkitValidation<TDist, T>
        where TDist : ICategoricalSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private static int K => TDist.ClassCount;

        private static string Name => typeof(TDist).Name;

        private static T[] Valid() => Gens.Uniform<T>(K);

        private static T[] With(T value, int index)
        {
            T[] v = Valid();
            v[index] = value;
            return v;
        }

        /// <summary>Valid (p, q) with every kind of bin: both positive and unequal, both zero, only one zero either way.</summary>
        private static (T[] P, T[] Q) Mixed()
        {
            T[] p = new T[K], q = new T[K];
            for (int i = 0; i < K; i++)
            {
                p[i] = i % 4 == 1 ? T.Zero : To<T>(1 + (i % 3));
                q[i] = i % 4 == 2 ? T.Zero : To<T>(1 + (i % 5));
            }

            return (Normalised(p), Normalised(q));
        }

        private static T[] Normalised(T[] w)
        {
            double s = w.Sum(x => D(x));
            return w.Select(x => To<T>(D(x) / s)).ToArray();
        }

        /// <summary>Every raw form (Rényi at orders with different runtime paths, PSI at ε = 1e-4), named.</summary>
        private static readonly (string Name, Func<T[], T[], T> Call)[] RawMembers =
        {
            ("JensenShannonDivergence", (p, q) => TDist.JensenShannonDivergence(p, q)),
            ("HellingerDistance", (p, q) => TDist.HellingerDistance(p, q)),
            ("TotalVariationDistance", (p, q) => TDist.TotalVariationDistance(p, q)),
            ("BhattacharyyaDistance", (p, q) => TDist.BhattacharyyaDistance(p, q)),
            ("JeffreysDivergence", (p, q) => TDist.JeffreysDivergence(p, q)),
            ("RenyiDivergence(α = 0)", (p, q) => TDist.RenyiDivergence(p, q, T.Zero)),
            ("RenyiDivergence(α = 0.5)", (p, q) => TDist.RenyiDivergence(p, q, To<T>(0.5))),
            ("RenyiDivergence(α = 1)", (p, q) => TDist.RenyiDivergence(p, q, T.One)),
            ("RenyiDivergence(α = 2)", (p, q) => TDist.RenyiDivergence(p, q, To<T>(2))),
            ("RenyiDivergence(α = ∞)", (p, q) => TDist.RenyiDivergence(p, q, T.PositiveInfinity)),
            ("PopulationStabilityIndex(ε = 1e-4)", (p, q) => TDist.PopulationStabilityIndex(p, q, To<T>(1e-4))),
        };

        /// <summary>The instance forms, the same list.</summary>
        private static readonly (string Name, Func<TDist, TDist, T> Call)[] InstanceMembers =
        {
            ("JensenShannonDivergence", (p, q) => p.JensenShannonDivergence(q)),
            ("HellingerDistance", (p, q) => p.HellingerDistance(q)),
            ("TotalVariationDistance", (p, q) => p.TotalVariationDistance(q)),
            ("BhattacharyyaDistance", (p, q) => p.BhattacharyyaDistance(q)),
            ("JeffreysDivergence", (p, q) => p.JeffreysDivergence(q)),
            ("RenyiDivergence(α = 0)", (p, q) => p.RenyiDivergence(q, T.Zero)),
            ("RenyiDivergence(α = 0.5)", (p, q) => p.RenyiDivergence(q, To<T>(0.5))),
            ("RenyiDivergence(α = 1)", (p, q) => p.RenyiDivergence(q, T.One)),
            ("RenyiDivergence(α = 2)", (p, q) => p.RenyiDivergence(q, To<T>(2))),
            ("RenyiDivergence(α = ∞)", (p, q) => p.RenyiDivergence(q, T.PositiveInfinity)),
            ("PopulationStabilityIndex(ε = 1e-4)", (p, q) => p.PopulationStabilityIndex(q, To<T>(1e-4))),
        };

        /// <summary>Not probabilities, in T: NaN, ±∞, −0.5, 1.5, and the negative subnormal −T.Epsilon (a bit test must catch it too).</summary>
        private static double[] NotProbabilities() =>
            new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.5, 1.5, D(-T.Epsilon) };

        public static TheoryData<double, int> BadElements()
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

        [Theory]
        [MemberData(nameof(BadElements))]
        public void RawFormsRejectElementsThatAreNotProbabilities(double bad, int index)
        {
            T value = To<T>(bad);
            Assert.False(value >= T.Zero && value <= T.One, $"{bad} in {typeof(T).Name} is {value}: not a bad value");
            T[] ok = Valid(), badV = With(value, index);
            foreach (var (member, call) in RawMembers)
            {
                foreach (string span in new[] { "p", "q" })
                {
                    Expect.At($"{Name}.{member}, {span}[{index}] = {value}", () =>
                    {
                        var e = Expect.Throws<ArgumentOutOfRangeException>(span, () => _ = span == "p" ? call(badV, ok) : call(ok, badV));
                        Expect.MessageNamesValue(e, value);
                        Expect.MessageNamesElement(e, span, index);
                    });
                }
            }
        }

        /// <summary>Bad elements in both spans: p's first offender is named, wherever q's is.</summary>
        [Fact]
        public void RawFormsNameTheFirstOffenderOfP()
        {
            T[] p = With(T.NaN, K - 1), q = With(-T.One, 0);
            p[K / 2] = T.NegativeInfinity;
            foreach (var (member, call) in RawMembers)
            {
                Expect.At($"{Name}.{member}", () =>
                {
                    var e = Expect.Throws<ArgumentOutOfRangeException>("p", () => call(p, q));
                    Expect.MessageNamesElement(e, "p", K / 2);
                    e = Expect.Throws<ArgumentOutOfRangeException>("q", () => call(Valid(), q));
                    Expect.MessageNamesElement(e, "q", 0);
                });
            }
        }

        /// <summary>
        /// −0 is a probability: each raw form gives bit for bit what +0 gives, with −0 at every index class of p, of q and
        /// of both, in bins where the other vector is positive (the +∞ and ε conventions) and where it is 0 too.
        /// </summary>
        [Fact]
        public void RawFormsTreatNegativeZeroAsZero() => AssertNone(RawNegativeZeroMismatches(renyi: false));

        /// <summary>
        /// The same for Rényi (the runtime reads the elements itself: no rescan). It once returned 0 for a −0 in q where p &gt; 0, at every
        /// order (ScalarMath.LogRatio(p, −0) = ln(−∞) = NaN, which the runtime's max/compare logic turns into 0), where +0
        /// gives +∞ (α ≥ 1) or the finite value (α &lt; 1); e.g. Cat6.RenyiDivergence([.5, .5, 0, 0, 0, 0], [.5, −0, .5, 0, 0, 0], α)
        /// = 0 for α ∈ {0, 0.5, 0.9, 1, 2, 50, ∞}, expected ln 2, 2 ln 2, 10 ln 2 (α &lt; 1) and +∞ (α ≥ 1).
        /// </summary>
        [Fact]
        public void RenyiTreatsNegativeZeroAsZero() => AssertNone(RawNegativeZeroMismatches(renyi: true));

        private static void AssertNone(List<string> mismatches) =>
            Assert.True(mismatches.Count == 0, $"{Name}: {mismatches.Count} mismatches:\n" + string.Join("\n", mismatches.Take(40)));

        private static List<string> RawNegativeZeroMismatches(bool renyi)
        {
            var mismatches = new List<string>();
            int[] classes = IndexClasses.Of(K, Unsafe.SizeOf<T>());
            foreach (int index in classes)
            {
                foreach (bool zeroInP in new[] { true, false })
                {
                    foreach (bool zeroInOther in new[] { false, true })
                    {
                        (T[] p, T[] q) = Mixed();
                        T[] zeroed = zeroInP ? p : q, other = zeroInP ? q : p;
                        zeroed[index] = T.Zero;
                        if (zeroInOther)
                        {
                            other[index] = T.Zero;
                        }

                        // Renormalise the positive entries: a probability vector with the zero where the case puts it.
                        T[] pp = Normalised(p), qq = Normalised(q);
                        T[] pn = Negated(pp), qn = Negated(qq);
                        foreach (var (member, call) in RawMembers.Where(m => m.Name.StartsWith("Renyi", StringComparison.Ordinal) == renyi))
                        {
                            T want = call(pp, qq);
                            foreach (var (np, nq, which) in new[] { (pn, qq, "p"), (pp, qn, "q"), (pn, qn, "p and q") })
                            {
                                T got = call(np, nq);
                                if (BitConverter.DoubleToInt64Bits(D(want)) != BitConverter.DoubleToInt64Bits(D(got)))
                                {
                                    mismatches.Add(
                                        $"{member}: −0 for every 0 of {which} (a zero at [{index}] of {(zeroInP ? "p" : "q")}{(zeroInOther ? " and of the other" : "")}) "
                                        + $"gives {R(got)}, +0 gives {R(want)}; p = [{string.Join(", ", np.Take(20).Select(x => R(x)))}], q = [{string.Join(", ", nq.Take(20).Select(x => R(x)))}]");
                                }
                            }
                        }
                    }
                }
            }

            return mismatches;
        }

        private static T[] Negated(T[] v) => v.Select(x => x == T.Zero ? -T.Zero : x).ToArray();

        /// <summary>The instance forms of instances made from vectors with −0 give what +0 gives (FromProbabilities stores the values as given).</summary>
        [Fact]
        public void InstanceFormsOfNegativeZeroInputsMatchPositiveZero() => AssertNone(InstanceNegativeZeroMismatches(renyi: false));

        /// <summary>The same for Rényi (FromProbabilities stores −0 as given; the instance form once returned 0 there, as the raw form did).</summary>
        [Fact]
        public void InstanceRenyiOfNegativeZeroInputsMatchesPositiveZero() => AssertNone(InstanceNegativeZeroMismatches(renyi: true));

        private static List<string> InstanceNegativeZeroMismatches(bool renyi)
        {
            var mismatches = new List<string>();
            (T[] p, T[] q) = Mixed();
            TDist dp = TDist.FromProbabilities(p), dq = TDist.FromProbabilities(q), dpn = TDist.FromProbabilities(Negated(p)), dqn = TDist.FromProbabilities(Negated(q));
            foreach (var (member, call) in InstanceMembers.Where(m => m.Name.StartsWith("Renyi", StringComparison.Ordinal) == renyi))
            {
                foreach (var (a, b, want, which) in new[] { (dpn, dqn, call(dp, dq), "P.X(Q)"), (dqn, dpn, call(dq, dp), "Q.X(P)") })
                {
                    T got = call(a, b);
                    if (BitConverter.DoubleToInt64Bits(D(want)) != BitConverter.DoubleToInt64Bits(D(got)))
                    {
                        mismatches.Add($"{which}.{member}: instances from −0 inputs give {R(got)}, from +0 {R(want)}");
                    }
                }
            }

            return mismatches;
        }

        private static string R(T x) => NumericAssert.R(D(x));

        [Fact]
        public void RawFormsRejectWrongLengths()
        {
            T[] ok = Valid(), shortV = Gens.Uniform<T>(K - 1), longV = Gens.Uniform<T>(K + 1);
            foreach (var (member, call) in RawMembers)
            {
                Expect.At($"{Name}.{member}", () =>
                {
                    foreach (T[] wrong in new[] { shortV, longV, Array.Empty<T>() })
                    {
                        var e = Expect.Throws<ArgumentException>("p", () => call(wrong, ok));
                        Expect.MessageNamesInteger(e, wrong.Length, "length");
                        e = Expect.Throws<ArgumentException>("q", () => call(ok, wrong));
                        Expect.MessageNamesInteger(e, wrong.Length, "length");
                    }

                    Expect.Throws<ArgumentException>("p", () => call(shortV, longV)); // p is checked first
                });
            }
        }

        public static TheoryData<double> BadAlphas() => new() { double.NaN, -1e-300, -0.5, -1, double.NegativeInfinity, D(-T.Epsilon) };

        [Theory]
        [MemberData(nameof(BadAlphas))]
        public void RenyiRejectsBadAlpha(double bad)
        {
            T alpha = To<T>(bad);
            if (alpha == T.Zero)
            {
                alpha = -T.Epsilon; // −1e-300 underflows to −0 in float, which is valid: use float's own negative subnormal
            }

            T[] p = Valid(), q = Mixed().Q;
            var e = Expect.Throws<ArgumentOutOfRangeException>("alpha", () => TDist.RenyiDivergence(p, q, alpha));
            Expect.MessageNamesValue(e, alpha);
            TDist dp = TDist.FromProbabilities(p), dq = TDist.FromProbabilities(q);
            e = Expect.Throws<ArgumentOutOfRangeException>("alpha", () => dp.RenyiDivergence(dq, alpha));
            Expect.MessageNamesValue(e, alpha);
        }

        [Fact]
        public void RenyiAcceptsInfiniteAndNegativeZeroAlpha()
        {
            // α = +∞ is ln max p/q over p > 0: finite for q ⊇ supp p, +∞ otherwise. α = −0 is α = 0, bit for bit.
            (T[] p, T[] q) = Mixed();
            T[] full = Valid();
            TDist dp = TDist.FromProbabilities(p), dq = TDist.FromProbabilities(q), df = TDist.FromProbabilities(full);
            double inf = D(TDist.RenyiDivergence(p, full, T.PositiveInfinity));
            double want = Math.Log(p.Max(x => D(x)) / D(full[0]));
            Assert.True(Math.Abs(inf - want) <= 1e-5 * want, $"{Name}.RenyiDivergence(p, uniform, +∞) = {inf}, expected ln max p/q = {want}");
            Assert.Equal(inf, D(dp.RenyiDivergence(df, T.PositiveInfinity)));
            Assert.Equal(double.PositiveInfinity, D(TDist.RenyiDivergence(p, q, T.PositiveInfinity))); // q = 0 < p in some bin
            Assert.Equal(double.PositiveInfinity, D(dp.RenyiDivergence(dq, T.PositiveInfinity)));
            Assert.Equal(D(TDist.RenyiDivergence(p, q, T.Zero)), D(TDist.RenyiDivergence(p, q, -T.Zero)));
            Assert.Equal(D(dp.RenyiDivergence(dq, T.Zero)), D(dp.RenyiDivergence(dq, -T.Zero)));
        }

        public static TheoryData<double> BadEpsilons() => new() { double.NaN, -0.5, -1e-300, 1.5, double.PositiveInfinity, double.NegativeInfinity, 1.0000001 };

        [Theory]
        [MemberData(nameof(BadEpsilons))]
        public void PsiRejectsBadEpsilon(double bad)
        {
            T epsilon = To<T>(bad);
            if (epsilon == T.Zero)
            {
                epsilon = -T.Epsilon; // −1e-300 underflows to −0 in float
            }
            else if (epsilon == T.One)
            {
                epsilon = T.BitIncrement(T.One); // 1.0000001 rounds to 1 in float: the next float above 1
            }

            (T[] p, T[] q) = Mixed();
            var e = Expect.Throws<ArgumentOutOfRangeException>("epsilon", () => TDist.PopulationStabilityIndex(p, q, epsilon));
            Expect.MessageNamesValue(e, epsilon);
            TDist dp = TDist.FromProbabilities(p), dq = TDist.FromProbabilities(q);
            e = Expect.Throws<ArgumentOutOfRangeException>("epsilon", () => dp.PopulationStabilityIndex(dq, epsilon));
            Expect.MessageNamesValue(e, epsilon);
        }

        [Fact]
        public void PsiAcceptsEpsilonZeroNegativeZeroAndOne()
        {
            // ε = 0 is Jeffreys (+∞ here: bins with exactly one zero), ε = 1 is allowed, ε = −0 is ε = 0.
            (T[] p, T[] q) = Mixed();
            TDist dp = TDist.FromProbabilities(p), dq = TDist.FromProbabilities(q);
            Assert.Equal(double.PositiveInfinity, D(TDist.PopulationStabilityIndex(p, q, T.Zero)));
            Assert.Equal(double.PositiveInfinity, D(dp.PopulationStabilityIndex(dq, T.Zero)));
            double one = D(TDist.PopulationStabilityIndex(p, q, T.One));
            Assert.True(double.IsFinite(one) && one > 0, $"{Name}.PopulationStabilityIndex(ε = 1) = {one}");
            Assert.Equal(one, D(dp.PopulationStabilityIndex(dq, T.One)));
        }

        /// <summary>
        /// ε = −0 passes the guard (it is a probability) and must give what ε = +0 gives: +∞ here, never NaN. It once gave NaN, for every
        /// type tested (raw and instance forms): an empty bin of q becomes q′ = −0, and log(p′/q′) = ln(−∞) = NaN (ScalarMath.LogRatio; the
        /// vector kernels alike).
        /// </summary>
        [Fact]
        public void PsiTreatsNegativeZeroEpsilonAsZero()
        {
            var mismatches = new List<string>();
            (T[] p, T[] q) = Mixed();
            TDist dp = TDist.FromProbabilities(p), dq = TDist.FromProbabilities(q);
            void Compare(string what, T want, T got)
            {
                if (BitConverter.DoubleToInt64Bits(D(want)) != BitConverter.DoubleToInt64Bits(D(got)))
                {
                    mismatches.Add($"{what}: ε = −0 gives {R(got)}, ε = +0 {R(want)}");
                }
            }

            Compare("PSI(p, q)", TDist.PopulationStabilityIndex(p, q, T.Zero), TDist.PopulationStabilityIndex(p, q, -T.Zero));
            Compare("PSI(q, p)", TDist.PopulationStabilityIndex(q, p, T.Zero), TDist.PopulationStabilityIndex(q, p, -T.Zero));
            Compare("P.PSI(Q)", dp.PopulationStabilityIndex(dq, T.Zero), dp.PopulationStabilityIndex(dq, -T.Zero));
            Compare("Q.PSI(P)", dq.PopulationStabilityIndex(dp, T.Zero), dq.PopulationStabilityIndex(dp, -T.Zero));
            AssertNone(mismatches);
        }

        [Fact]
        public void InstanceFormsRefuseDefaultOrNull()
        {
            TDist valid = TDist.FromProbabilities(Valid());
            if (typeof(TDist).IsValueType)
            {
                TDist none = default!;
                foreach (var (member, call) in InstanceMembers)
                {
                    Expect.At($"{Name}.{member}", () =>
                    {
                        var e = Assert.Throws<InvalidOperationException>(() => call(none, valid));
                        Assert.Contains("default(" + Name + ")", e.Message, StringComparison.Ordinal);
                        e = Assert.Throws<InvalidOperationException>(() => call(valid, none));
                        Assert.Contains("default(" + Name + ")", e.Message, StringComparison.Ordinal);
                        Assert.Throws<InvalidOperationException>(() => call(none, none));
                    });
                }
            }
            else
            {
                foreach (var (member, call) in InstanceMembers)
                {
                    Expect.At($"{Name}.{member}", () => Expect.Throws<ArgumentNullException>("q", () => call(valid, default!)));
                }
            }
        }
    }

    public sealed class Cat6ToolkitValidation : ToolkitValidation<Cat6, double>;

    /// <summary>K = 16, straight-line: whole vectors of every width, no scalar leftovers.</summary>
    public sealed class Cat16ToolkitValidation : ToolkitValidation<Cat16, double>;

    public sealed class Cat17ToolkitValidation : ToolkitValidation<Cat17, double>;

    public sealed class Cat17U32ToolkitValidation : ToolkitValidation<Cat17U32, double>;

    public sealed class Cat1000ToolkitValidation : ToolkitValidation<Cat1000, double>;

    public sealed class Cat6FToolkitValidation : ToolkitValidation<Cat6F, float>;

    public sealed class Cat17FToolkitValidation : ToolkitValidation<Cat17F, float>;

    public sealed class Cat1000FToolkitValidation : ToolkitValidation<Cat1000F, float>;

    /// <summary>K = 6 looped (UnrollThreshold = 0): a tail at every width.</summary>
    public sealed class Cat6U0ToolkitValidation : ToolkitValidation<Cat6U0, double>;

    public sealed class Cat17U0ToolkitValidation : ToolkitValidation<Cat17U0, double>;

    public sealed class Cat1000ClassToolkitValidation : ToolkitValidation<Cat1000Class, double>;
}
