// The generated [Multinomial(K, n)] types: the project oracle's Multinomial cases (../shared/oracle/public, copied into
// VectorFamilies/multinomial_reference.json) through declared types of each case's K and n, under the oracle's own
// tolerances; KL = n × the categorical KL from the same kernel; the log-pmf sums to 1; sampling, checks, float, default
// instances. The numerics themselves are MultinomialMath's and are tested in MultinomialMathTests.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.VectorFamilies
{
    /// <summary>An oracle law: K = 3, n = 0.</summary>
    [Multinomial(3, 0)] public readonly partial struct Mult3x0;

    /// <summary>An oracle law: K = 3, n = 6.</summary>
    [Multinomial(3, 6)] public readonly partial struct Mult3x6;

    /// <summary>An oracle law: K = 3, n = 10.</summary>
    [Multinomial(3, 10)] public readonly partial struct Mult3x10;

    /// <summary>An oracle law: K = 4, n = 100.</summary>
    [Multinomial(4, 100)] public readonly partial struct Mult4x100;

    /// <summary>An oracle law: K = 2, n = 1000000.</summary>
    [Multinomial(2, 1000000)] public readonly partial struct Mult2x1000000;

    /// <summary>An oracle law: K = 2, n = 4.</summary>
    [Multinomial(2, 4)] public readonly partial struct Mult2x4;

    /// <summary>An oracle law: K = 6, n = 12.</summary>
    [Multinomial(6, 12)] public readonly partial struct Mult6x12;

    /// <summary>An oracle law: K = 1, n = 7.</summary>
    [Multinomial(1, 7)] public readonly partial struct Mult1x7;

    /// <summary>An oracle law: K = 2, n = 0.</summary>
    [Multinomial(2, 0)] public readonly partial struct Mult2x0;

    /// <summary>An oracle law: K = 12, n = 5.</summary>
    [Multinomial(12, 5)] public readonly partial struct Mult12x5;

    /// <summary>An oracle law: K = 2, n = 50.</summary>
    [Multinomial(2, 50)] public readonly partial struct Mult2x50;

    /// <summary>An oracle law: K = 2, n = 3.</summary>
    [Multinomial(2, 3)] public readonly partial struct Mult2x3;

    /// <summary>An oracle law: K = 3, n = 20.</summary>
    [Multinomial(3, 20)] public readonly partial struct Mult3x20;

    /// <summary>An oracle law: K = 3, n = 9.</summary>
    [Multinomial(3, 9)] public readonly partial struct Mult3x9;

    /// <summary>An oracle law: K = 3, n = 5.</summary>
    [Multinomial(3, 5)] public readonly partial struct Mult3x5;

    /// <summary>An oracle law: K = 3, n = 3.</summary>
    [Multinomial(3, 3)] public readonly partial struct Mult3x3;

    /// <summary>An oracle law: K = 3, n = 1.</summary>
    [Multinomial(3, 1)] public readonly partial struct Mult3x1;

    /// <summary>An oracle law: K = 4, n = 4.</summary>
    [Multinomial(4, 4)] public readonly partial struct Mult4x4;

    /// <summary>An oracle law: K = 2, n = 12.</summary>
    [Multinomial(2, 12)] public readonly partial struct Mult2x12;

    /// <summary>An oracle law: K = 3, n = 7.</summary>
    [Multinomial(3, 7)] public readonly partial struct Mult3x7;

    /// <summary>An oracle law: K = 2, n = 10.</summary>
    [Multinomial(2, 10)] public readonly partial struct Mult2x10;

    /// <summary>A class in single precision.</summary>
    [Multinomial(4, 30, Precision = Precision.Single)] public sealed partial class Mult4x30F;

    /// <summary>The single draw of Mult3x5's law, for KL = n × KL(categorical).</summary>
    [Categorical(3)] public readonly partial struct OneDraw3;

    public sealed class MultinomialTypeTests
    {
        private interface IAdapter
        {
            double LogPmf(double[] p, int[] counts);

            double Entropy(double[] p);

            double KL(double[] p, double[] q);

            double CrossEntropy(double[] p, double[] q);
        }

        private sealed class Adapter<TSelf>(Func<double[], TSelf> create) : IAdapter
            where TSelf : IMultinomialDistribution<TSelf, double>
        {
            public double LogPmf(double[] p, int[] counts) => create(p).LogPmf(counts);

            public double Entropy(double[] p) => create(p).Entropy();

            public double KL(double[] p, double[] q) => create(p).KLDivergence(create(q));

            public double CrossEntropy(double[] p, double[] q) => create(p).CrossEntropy(create(q));
        }

        private static readonly Dictionary<(int K, int N), IAdapter> Types = new()
        {
            [(3, 0)] = new Adapter<Mult3x0>(p => Mult3x0.FromProbabilities(p)),
            [(3, 6)] = new Adapter<Mult3x6>(p => Mult3x6.FromProbabilities(p)),
            [(3, 10)] = new Adapter<Mult3x10>(p => Mult3x10.FromProbabilities(p)),
            [(4, 100)] = new Adapter<Mult4x100>(p => Mult4x100.FromProbabilities(p)),
            [(2, 1000000)] = new Adapter<Mult2x1000000>(p => Mult2x1000000.FromProbabilities(p)),
            [(2, 4)] = new Adapter<Mult2x4>(p => Mult2x4.FromProbabilities(p)),
            [(6, 12)] = new Adapter<Mult6x12>(p => Mult6x12.FromProbabilities(p)),
            [(1, 7)] = new Adapter<Mult1x7>(p => Mult1x7.FromProbabilities(p)),
            [(2, 0)] = new Adapter<Mult2x0>(p => Mult2x0.FromProbabilities(p)),
            [(12, 5)] = new Adapter<Mult12x5>(p => Mult12x5.FromProbabilities(p)),
            [(2, 50)] = new Adapter<Mult2x50>(p => Mult2x50.FromProbabilities(p)),
            [(2, 3)] = new Adapter<Mult2x3>(p => Mult2x3.FromProbabilities(p)),
            [(3, 20)] = new Adapter<Mult3x20>(p => Mult3x20.FromProbabilities(p)),
            [(3, 9)] = new Adapter<Mult3x9>(p => Mult3x9.FromProbabilities(p)),
            [(3, 5)] = new Adapter<Mult3x5>(p => Mult3x5.FromProbabilities(p)),
            [(3, 3)] = new Adapter<Mult3x3>(p => Mult3x3.FromProbabilities(p)),
            [(3, 1)] = new Adapter<Mult3x1>(p => Mult3x1.FromProbabilities(p)),
            [(4, 4)] = new Adapter<Mult4x4>(p => Mult4x4.FromProbabilities(p)),
            [(2, 12)] = new Adapter<Mult2x12>(p => Mult2x12.FromProbabilities(p)),
            [(3, 7)] = new Adapter<Mult3x7>(p => Mult3x7.FromProbabilities(p)),
            [(2, 10)] = new Adapter<Mult2x10>(p => Mult2x10.FromProbabilities(p)),
        };

        [Fact]
        public void OracleCasesThroughTheGeneratedTypes()
        {
            int count = 0;
            foreach (var c in MultinomialMathTests.Document.Value.RootElement.GetProperty("oracle").EnumerateArray())
            {
                string id = c.GetProperty("id").GetString()!;
                string quantity = c.GetProperty("quantity").GetString()!;
                var pars = c.GetProperty("params");
                double got;
                if (quantity is "kl" or "cross_entropy")
                {
                    var (np, p) = MultinomialMathTests.Law(pars.GetProperty("P"));
                    var (nq, q) = MultinomialMathTests.Law(pars.GetProperty("Q"));
                    if (np != nq)
                    {
                        // Different n are different types, and KLDivergence takes Q of its own type: nothing to call. (The value is
                        // +∞, the supports being disjoint; see docs/families.md.)
                        continue;
                    }

                    var type = Types[(p.Length, np)];
                    got = quantity == "kl" ? type.KL(p, q) : type.CrossEntropy(p, q);
                }
                else
                {
                    var (n, p) = MultinomialMathTests.Law(pars);
                    var type = Types[(p.Length, n)];
                    if (quantity == "entropy")
                    {
                        got = type.Entropy(p);
                    }
                    else
                    {
                        double[] x = c.GetProperty("x").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                        if (x.Any(v => v != Math.Floor(v)))
                        {
                            continue; // a non-integer count: the generated type takes int counts, so it cannot be asked
                        }

                        got = type.LogPmf(p, x.Select(v => (int)v).ToArray());
                    }
                }

                var tol = c.GetProperty("tol");
                Close(MultinomialMathTests.Num(c.GetProperty("expect").GetProperty("value")), got, MultinomialMathTests.Num(tol.GetProperty("rel")), MultinomialMathTests.Num(tol.GetProperty("abs")), id);
                count++;
            }

            Assert.Equal(24, count); // 26 oracle cases less the n_P ≠ n_Q pair and the non-integer counts
        }

        [Fact]
        public void KLIsTrialsTimesTheCategoricalKL()
        {
            double[] p = { 0.2, 0.3, 0.5 };
            double[] q = { 0.3, 0.3, 0.4 };
            double one = OneDraw3.FromProbabilities(p).KLDivergence(OneDraw3.FromProbabilities(q));
            Exact(5 * one, Mult3x5.FromProbabilities(p).KLDivergence(Mult3x5.FromProbabilities(q)), "KL = 5 × one draw's");
            Assert.Equal(0.0, Mult3x5.FromProbabilities(p).KLDivergence(Mult3x5.FromProbabilities(p)));
            Assert.Equal(double.PositiveInfinity, Mult3x5.FromProbabilities(p).KLDivergence(Mult3x5.FromProbabilities(new[] { 0.0, 0.5, 0.5 })));
            var h = Mult3x5.FromProbabilities(p).Entropy();
            Within(h + (5 * one), Mult3x5.FromProbabilities(p).CrossEntropy(Mult3x5.FromProbabilities(q)), 8 * 2.220446049250313e-16 * (h + (5 * one)), "H(P, Q) = H(P) + D");
        }

        [Fact]
        public void LogPmfSumsToOneAndRejectsVectorsOffTheSupport()
        {
            var law = Mult3x6.FromWeights(new[] { 1.0, 2.0, 3.0 });
            double total = 0;
            for (int a = 0; a <= 6; a++)
            {
                for (int b = 0; a + b <= 6; b++)
                {
                    total += Math.Exp(law.LogPmf(new[] { a, b, 6 - a - b }));
                }
            }

            Within(1, total, 32 * 2.220446049250313e-16, "Σ P(x) over the 28 count vectors");
            Assert.Equal(double.NegativeInfinity, law.LogPmf(new[] { 1, 2, 2 })); // sums to 5
            Assert.Equal(double.NegativeInfinity, law.LogPmf(new[] { -1, 3, 4 }));
            Assert.Equal("counts", Assert.Throws<ArgumentException>(() => law.LogPmf(new[] { 6, 0 })).ParamName);
        }

        [Fact]
        public void SamplesSumToNAndHaveTheMeans()
        {
            double[] p = { 0.1, 0.2, 0.3, 0.4 };
            var law = Mult4x100.FromProbabilities(p);
            var random = new Random(5);
            const int Draws = 20_000;
            var sums = new double[4];
            var counts = new int[4];
            for (int d = 0; d < Draws; d++)
            {
                law.Sample(random, counts);
                Assert.Equal(100, counts.Sum());
                for (int k = 0; k < 4; k++)
                {
                    sums[k] += counts[k];
                }
            }

            for (int k = 0; k < 4; k++)
            {
                double sd = Math.Sqrt(100 * p[k] * (1 - p[k]) / Draws);
                Within(100 * p[k], sums[k] / Draws, 6 * sd, "mean count " + k);
            }

            Assert.Throws<ArgumentNullException>(() => law.Sample(null!, counts));
            Assert.Throws<ArgumentException>(() => law.Sample(random, new int[3]));
        }

        [Fact]
        public void FactoriesCheckTheirInputAndDefaultThrows()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Mult3x5.FromProbabilities(new[] { 0.5, double.NaN, 0.5 }));
            Assert.Throws<ArgumentException>(() => Mult3x5.FromProbabilities(new[] { 0.5, 0.5 }));
            Assert.False(Mult3x5.TryFromWeights(new[] { 0.0, 0.0, 0.0 }, out _));
            Assert.True(default(Mult3x5).IsDefault);
            Assert.Throws<InvalidOperationException>(() => default(Mult3x5).Entropy());
            Assert.Equal(5, Mult3x5.Trials);
            Assert.Equal("Mult3x5: Multinomial(K = 3, n = 5, p = [0.2, 0.3, 0.5])", Mult3x5.FromProbabilities(new[] { 0.2, 0.3, 0.5 }).ToString());
        }

        [Fact]
        public void FloatTypeReturnsTheDoubleMathRounded()
        {
            float[] p = { 0.1f, 0.2f, 0.3f, 0.4f };
            float[] q = { 0.25f, 0.25f, 0.25f, 0.25f };
            var law = Mult4x30F.FromProbabilities(p);
            var other = Mult4x30F.FromProbabilities(q);
            Exact((float)MultinomialMath.Entropy<float>(law.Probabilities, law.LogProbabilities, 30), law.Entropy(), "float entropy");
            Exact((float)MultinomialMath.CrossEntropy<float>(law.Probabilities, law.LogProbabilities, other.LogProbabilities, 30), law.CrossEntropy(other), "float H(P, Q)");
            Exact((float)MultinomialMath.LogPmf<float>(law.Probabilities, law.LogProbabilities, 30, new[] { 3, 6, 9, 12 }), law.LogPmf(new[] { 3, 6, 9, 12 }), "float log-pmf");
            Assert.Throws<ArgumentNullException>(() => law.KLDivergence(null!));
        }
    }
}
