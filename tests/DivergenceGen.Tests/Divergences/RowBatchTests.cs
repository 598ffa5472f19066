// The row batches of Categorical(K) types (issue 17): EntropyRows, KLDivergenceRows, CrossEntropyRows,
// JensenShannonDivergenceRows, PopulationStabilityIndexRows over row-major N × K matrices, with Q as N rows or as one row
// broadcast to every row of P.
//
// Along the rows, each row runs the single-row kernel, so its value must equal the single-row member's bit for bit (no
// tolerance): every float type, K > 8, and Jensen–Shannon and PSI at every K. Entropy, KL and cross-entropy of double types
// with K ≤ 8 run blocks of rows across the lanes, which add a row's K terms in another order: there the bound is the two
// summations' rounding, |Δ| ≤ 2(K − 1)·ε·S with S = Σ p·(|log p| + |log q|) the terms' magnitude (Reference.Scale), plus
// a few ulps of S for the different last bits of the term's logarithm; +∞ must match exactly. Rows come from Gens.ProbabilityPair (zeros in every index class, near-equal pairs, +∞ KL), N from 0 to 40.
// Validation: every length rule, the flat index of an invalid element, and an untouched destination on every exception.
using System;
using System.Linq;
using System.Numerics;
using CsCheck;
using Xunit;

namespace DivergenceGen.Tests.Divergences
{
    public abstract class RowBatchTests<TDist, T>
        where TDist : ICategoricalSurface<TDist, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private static int K => TDist.ClassCount;

        private static readonly T Epsilon = T.CreateTruncating(1e-4);

        /// <summary>Matrices per property: fewer at K = 1000, where one is up to 40,000 elements.</summary>
        private static int Iterations => K > 100 ? 40 : 200;

        /// <summary>N rows of P and of Q (Q's rows paired with P's by the pair generator).</summary>
        private static Gen<(T[] P, T[] Q, int N)> Matrices =>
            Gen.Int[0, 40].SelectMany(n => Gens.ProbabilityPair<T>(K).Array[n].Select(rows =>
                (rows.SelectMany(r => r.P).ToArray(), rows.SelectMany(r => r.Q).ToArray(), n)));

        private static T[] Row(T[] m, int i) => m.AsSpan(i * K, K).ToArray();

        private static void Same(T want, T got, string what)
        {
            if (!want.Equals(got))
            {
                Assert.Fail($"{typeof(TDist).Name} {what}: the row member gave {got}, the single-row member {want}");
            }
        }

        /// <summary>Whether the entropy, KL and cross-entropy rows run across the lanes (the generator's rule: double, 1 &lt; K ≤ 8).</summary>
        private static bool AcrossLanes => typeof(T) == typeof(double) && K > 1 && K <= 8;

        /// <summary>Bit for bit along the rows; within the file header's bound across the lanes.</summary>
        private static void Close(T want, T got, T[] p, T[] q, string what)
        {
            if (!AcrossLanes || T.IsInfinity(want) || T.IsInfinity(got))
            {
                Same(want, got, what);
                return;
            }

            double s = Reference.Scale(p.Select(double.CreateTruncating).ToArray(), q.Select(double.CreateTruncating).ToArray());
            double bound = ((2 * (K - 1)) + 8) * Reference.EpsDouble * s;
            double error = Math.Abs(double.CreateTruncating(got) - double.CreateTruncating(want));
            if (!(error <= bound))
            {
                Assert.Fail($"{typeof(TDist).Name} {what}: the row member gave {got}, the single-row member {want} (|Δ| = {error:G3} > {bound:G3})");
            }
        }

        [Fact]
        public void EveryRowEqualsTheSingleRowMember()
        {
            Matrices.Sample(m =>
            {
                var d = new T[m.N];
                TDist.EntropyRows(m.P, d);
                for (int i = 0; i < m.N; i++)
                {
                    Close(TDist.Entropy(Row(m.P, i)), d[i], Row(m.P, i), Row(m.P, i), $"EntropyRows row {i}");
                }

                TDist.KLDivergenceRows(m.P, m.Q, d);
                for (int i = 0; i < m.N; i++)
                {
                    Close(TDist.KLDivergence(Row(m.P, i), Row(m.Q, i)), d[i], Row(m.P, i), Row(m.Q, i), $"KLDivergenceRows row {i}");
                }

                TDist.CrossEntropyRows(m.P, m.Q, d);
                for (int i = 0; i < m.N; i++)
                {
                    Close(TDist.CrossEntropy(Row(m.P, i), Row(m.Q, i)), d[i], Row(m.P, i), Row(m.Q, i), $"CrossEntropyRows row {i}");
                }

                TDist.JensenShannonDivergenceRows(m.P, m.Q, d);
                for (int i = 0; i < m.N; i++)
                {
                    Same(TDist.JensenShannonDivergence(Row(m.P, i), Row(m.Q, i)), d[i], $"JensenShannonDivergenceRows row {i}");
                }

                TDist.PopulationStabilityIndexRows(m.P, m.Q, Epsilon, d);
                for (int i = 0; i < m.N; i++)
                {
                    Same(TDist.PopulationStabilityIndex(Row(m.P, i), Row(m.Q, i), Epsilon), d[i], $"PopulationStabilityIndexRows row {i}");
                }
            }, iter: Iterations);
        }

        [Fact]
        public void OneRowOfQIsUsedForEveryRow()
        {
            Matrices.Sample(m =>
            {
                if (m.N == 0)
                {
                    return;
                }

                var reference = Row(m.Q, 0);
                var d = new T[m.N];
                TDist.KLDivergenceRows(m.P, reference, d);
                for (int i = 0; i < m.N; i++)
                {
                    Close(TDist.KLDivergence(Row(m.P, i), reference), d[i], Row(m.P, i), reference, $"KLDivergenceRows (one Q) row {i}");
                }

                TDist.CrossEntropyRows(m.P, reference, d);
                for (int i = 0; i < m.N; i++)
                {
                    Close(TDist.CrossEntropy(Row(m.P, i), reference), d[i], Row(m.P, i), reference, $"CrossEntropyRows (one Q) row {i}");
                }

                TDist.JensenShannonDivergenceRows(m.P, reference, d);
                for (int i = 0; i < m.N; i++)
                {
                    Same(TDist.JensenShannonDivergence(Row(m.P, i), reference), d[i], $"JensenShannonDivergenceRows (one Q) row {i}");
                }

                TDist.PopulationStabilityIndexRows(m.P, reference, Epsilon, d);
                for (int i = 0; i < m.N; i++)
                {
                    Same(TDist.PopulationStabilityIndex(Row(m.P, i), reference, Epsilon), d[i], $"PopulationStabilityIndexRows (one Q) row {i}");
                }
            }, iter: Iterations);
        }

        [Fact]
        public void OnlyTheFirstNElementsOfTheDestinationAreWritten()
        {
            var p = Enumerable.Repeat(T.One / T.CreateTruncating(K), 3 * K).ToArray();
            var d = Enumerable.Repeat(T.CreateTruncating(-7), 5).ToArray();
            TDist.JensenShannonDivergenceRows(p, p, d);
            Assert.Equal(new[] { T.Zero, T.Zero, T.Zero, T.CreateTruncating(-7), T.CreateTruncating(-7) }, d);
            TDist.EntropyRows(ReadOnlySpan<T>.Empty, d); // N = 0: nothing to write
            Assert.Equal(T.CreateTruncating(-7), d[4]);
        }

        private static void Untouched(Action<T[]> call, Type exception, string paramName)
        {
            var d = Enumerable.Repeat(T.CreateTruncating(-7), 8).ToArray();
            var e = Assert.Throws(exception, () => call(d));
            Assert.Equal(paramName, ((ArgumentException)e).ParamName);
            Assert.All(d, x => Assert.Equal(T.CreateTruncating(-7), x));
        }

        [Fact]
        public void BadArgumentsThrowAndLeaveTheDestinationUntouched()
        {
            var p = Enumerable.Repeat(T.One / T.CreateTruncating(K), 2 * K).ToArray();
            var ragged = p.Concat(new[] { T.Zero }).ToArray();
            Untouched(d => TDist.EntropyRows(ragged, d), typeof(ArgumentException), "p");
            Untouched(d => TDist.KLDivergenceRows(p, ragged, d), typeof(ArgumentException), "q");
            if (K > 1)
            {
                // three rows of Q against two of P: neither N rows nor one
                Untouched(d => TDist.JensenShannonDivergenceRows(p, p.Concat(p.Take(K)).ToArray(), d), typeof(ArgumentException), "q");
            }

            Untouched(d => TDist.CrossEntropyRows(p, p, d.AsSpan(0, 1)), typeof(ArgumentException), "destination");
            Untouched(d => TDist.PopulationStabilityIndexRows(p, p, T.CreateTruncating(1.5), d), typeof(ArgumentOutOfRangeException), "epsilon");
            Untouched(d => TDist.PopulationStabilityIndexRows(p, p, T.NaN, d), typeof(ArgumentOutOfRangeException), "epsilon");

            // An invalid element anywhere (first, last, in the second row): the message names the flat index and the value.
            foreach (int index in new[] { 0, K - 1, K, 2 * K - 1 }.Distinct())
            {
                foreach (var bad in new[] { T.NaN, T.CreateTruncating(-0.5), T.CreateTruncating(1.5), T.PositiveInfinity })
                {
                    var broken = (T[])p.Clone();
                    broken[index] = bad;
                    var d = Enumerable.Repeat(T.CreateTruncating(-7), 8).ToArray();
                    var e = Assert.Throws<ArgumentOutOfRangeException>(() => TDist.KLDivergenceRows(p, broken, d));
                    Assert.Equal("q", e.ParamName);
                    Assert.Contains("[" + index + "]", e.Message);
                    Assert.All(d, x => Assert.Equal(T.CreateTruncating(-7), x));
                    e = Assert.Throws<ArgumentOutOfRangeException>(() => TDist.EntropyRows(broken, d));
                    Assert.Equal("p", e.ParamName);
                    Assert.Contains("[" + index + "]", e.Message);
                }
            }
        }
    }

    public sealed class Cat2RowBatchTests : RowBatchTests<Cat2, double>;

    public sealed class Cat4RowBatchTests : RowBatchTests<Cat4, double>;

    public sealed class Cat5RowBatchTests : RowBatchTests<Cat5, double>;

    public sealed class Cat6RowBatchTests : RowBatchTests<Cat6, double>;

    public sealed class Cat6U0RowBatchTests : RowBatchTests<Cat6U0, double>;

    public sealed class Cat8RowBatchTests : RowBatchTests<Cat8, double>;

    public sealed class Cat17RowBatchTests : RowBatchTests<Cat17, double>;

    public sealed class Cat1000RowBatchTests : RowBatchTests<Cat1000, double>;

    public sealed class Cat1000ClassRowBatchTests : RowBatchTests<Cat1000Class, double>;

    public sealed class Cat6FRowBatchTests : RowBatchTests<Cat6F, float>;

    public sealed class Cat17FRowBatchTests : RowBatchTests<Cat17F, float>;
}
