// Properties of the joint laws [JointCategorical(R, C)] (issue 17), sampled with CsCheck on each declared shape together
// with the type of the transposed shape. Tables: random weights, weights with zero cells, outer products r ⊗ c, and
// outer products with one cell's weight changed, each normalised by FromWeights (so the stored table sums to 1 only
// within rounding: S = Σ pᵢⱼ, computed exactly enough in the test by compensated summation).
//
// Notation: ε_d = 2⁻⁵², ε_T the epsilon of the type's precision, K = R·C; the per-value relative bounds b(·) are
// JointReferenceTests' ((4 + K)ε_d for H(X, Y), (4 + max(R, C))ε_d for H(X), H(Y), (8 + K)ε_d for I, (6 + K)ε_d for the
// conditional entropies and VI), plus 2ε_T for a float type (the final rounding to float and the float cached logs).
//  * every measure ≥ 0 and not NaN; NMI ∈ [0, 1] for every normalisation.
//  * chain rules, exact for any non-negative table (no normalisation needed): H(X, Y) = H(X) + H(Y | X) = H(Y) + H(X | Y),
//    within the sum of the three values' bounds, plus |S² − S|: where S > 1 a marginal may exceed 1, its entropy term
//    −r·log r is then negative (≥ −r·(r − 1)), and the member returns a negative H(X) as 0 (found by this test:
//    p = [1, 0, 5.3e−22, 0, 0, 0] has H(X) = −5.3e−22 exactly).
//  * I ≤ min(H(X), H(Y)): I_true = H(X) − H(X | Y) ≤ H(X) for any non-negative table, and the member computes
//    Σ bd0(p, r·c) = I_true + S² − S (the m − x parts of bd0 sum to S² − S): slack |S² − S| plus both bounds.
//  * VI = H(X, Y) − I: exact but for the same S² − S, so within |S² − S| plus the bounds of the three values.
//  * an outer product stored in T has cells r·c·(1 + δ) with |δ| ≤ 2ε_T (the product and the division by Σw; the common
//    factor 1/Σw keeps the product form), so I_true ≤ χ²(p̂, P̂) ≤ (2·2ε_T)²·S; the member then adds S² − S:
//    I ≤ |S² − S| + 16ε_T²·S + b(I)·I. The checks with I also allow 4ε_d²·S for the double-double marginals (see the test).
//  * transposing the table (the C × R type on the transposed cells, bit-identical inputs) keeps I, VI, H(X, Y) and NMI and
//    swaps H(X) ↔ H(Y) and H(X | Y) ↔ H(Y | X), within the two values' bounds.
//  * the marginals are the row and column sums, compensated in double and rounded once: |rᵢ − Σⱼ pᵢⱼ| ≤ ε_T·rᵢ/2 (+ the
//    smallest normal), and Σᵢ rᵢ is 1 within R·ε_T/2 + |S − 1| (the same for columns).
// The printed worst cases are |Δ|/bound (for an inequality, (lhs − rhs)/slack, ≤ 0 where it held without the slack).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using CsCheck;
using Xunit;
using Xunit.Abstractions;
using static DivergenceGen.Tests.Reference;

namespace DivergenceGen.Tests.Divergences
{
    public abstract class JointProperties<TA, TB, T>
        where TA : IJointSurface<TA, T>
        where TB : IJointSurface<TB, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private const double EpsD = 2.220446049250313e-16;
        /// <summary>
        /// The absolute floor of every bound: below the smallest normal double nothing is relative; and a float result is a
        /// multiple of 2⁻¹⁴⁹ (float.Epsilon), so each of the up to four float values a check combines may be off by half of it
        /// however accurate the double computation was (found by CsCheck seed 4kG7XLuvCDO5: H(X,Y) = 2.02e−39 and
        /// H(X|Y) = 2.04e−39, float subnormals, 1.4e−45 past a slack without this term).
        /// </summary>
        private static readonly double SmallestNormal = 2.2250738585072014e-308 + (typeof(T) == typeof(float) ? 2 * (double)float.Epsilon : 0);

        private readonly ITestOutputHelper _output;

        protected JointProperties(ITestOutputHelper output) => _output = output;

        /// <summary>The stored row marginal (not on the interface: a struct's span property is [UnscopedRef]).</summary>
        protected abstract T[] RowMarginal(TA a);

        protected abstract T[] ColumnMarginal(TA a);

        protected abstract T[] Probabilities(TA a);

        private static int R => TA.RowCount;

        private static int C => TA.ColumnCount;

        private static int K => R * C;

        private static double EpsT => Eps<T>();

        private static double Extra => typeof(T) == typeof(float) ? 2 * EpsT : 0;

        private static double BJoint => ((4 + K) * EpsD) + Extra;

        private static double BMarginal => ((4 + Math.Max(R, C)) * EpsD) + Extra;

        private static double BMi => ((8 + K) * EpsD) + Extra;

        private static double BConditional => ((6 + K) * EpsD) + Extra;

        private static long Iterations => K > 100 ? Gens.Iterations / 10 : Gens.Iterations;

        /// <summary>Weights: random, with zero cells, an outer product, an outer product with one cell changed.</summary>
        private static Gen<(double[] Weights, bool Product)> Tables => Gen.Frequency(
            (3, Gen.Double[0.0, 1.0].Array[K].Select(w => (w, false))),
            (2, Gen.Select(Gen.Double[0.0, 1.0].Array[K], Gen.Bool.Array[K], (w, zero) => (w.Select((x, k) => zero[k] ? 0 : x).ToArray(), false))),
            (2, Gen.Select(Gen.Double[1e-3, 1.0].Array[R], Gen.Double[1e-3, 1.0].Array[C], (r, c) => (Outer(r, c), true))),
            (1, Gen.Select(Gen.Double[1e-3, 1.0].Array[R], Gen.Double[1e-3, 1.0].Array[C], Gen.Int[0, K - 1], Gen.Double[0.0, 2.0],
                (r, c, k, f) =>
                {
                    var w = Outer(r, c);
                    w[k] *= f;
                    return (w, false);
                })))
            .Where(t => t.Item1.Any(x => D(To<T>(x)) > 0)); // FromWeights needs a positive total in T

        private static double[] Outer(double[] r, double[] c) =>
            Enumerable.Range(0, r.Length * c.Length).Select(k => r[k / c.Length] * c[k % c.Length]).ToArray();

        /// <summary>Σ x − 1 by Neumaier's compensated summation (the −1 inside the sum).</summary>
        private static double SumMinusOne(IEnumerable<double> xs) => CompensatedSum(xs, -1);

        /// <summary>start + Σ x by Neumaier's compensated summation (to ~ε² of the terms' magnitude, then rounded once).</summary>
        private static double CompensatedSum(IEnumerable<double> xs, double start)
        {
            double sum = start, compensation = 0;
            foreach (double x in xs)
            {
                double t = sum + x;
                compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
                sum = t;
            }

            return sum + compensation;
        }

        private static double ExactSum(IEnumerable<double> xs) => CompensatedSum(xs, 0);

        /// <summary>Σ x − 1 exactly (every double is an integer multiple of 2⁻¹⁰⁷⁴), rounded once.</summary>
        private static double ExactDefect(IEnumerable<double> xs)
        {
            BigInteger sum = -(BigInteger.One << 1074);
            foreach (double x in xs)
            {
                long bits = BitConverter.DoubleToInt64Bits(x);
                int exponent = (int)((bits >> 52) & 0x7FF);
                long mantissa = bits & 0xFFFFFFFFFFFFFL;
                sum += exponent == 0 ? mantissa : (BigInteger)(mantissa | (1L << 52)) << (exponent - 1);
            }

            int shift = Math.Max(0, (int)sum.GetBitLength() - 64);
            return (double)(sum >> shift) * Math.Pow(2, shift - 1074);
        }

        private static T[] Transpose(ReadOnlySpan<T> p)
        {
            var t = new T[p.Length];
            for (int i = 0; i < R; i++)
            {
                for (int j = 0; j < C; j++)
                {
                    t[(j * R) + i] = p[(i * C) + j];
                }
            }

            return t;
        }

        [Fact]
        public void RangesIdentitiesTranspositionAndMarginals()
        {
            var worst = new Dictionary<string, double>();
            void Check(string name, bool ok, double ratio, string detail)
            {
                Assert.True(ok, typeof(TA).Name + ": " + name + ": " + detail);
                lock (worst) // CsCheck samples in parallel
                {
                    worst[name] = Math.Max(worst.TryGetValue(name, out var w) ? w : double.NegativeInfinity, ratio);
                }
            }

            Tables.Sample(t =>
            {
                // The table FromWeights stores, re-read by FromProbabilities so that the cached logs (which H(X, Y) reads) are the
                // logs of the stored cells: FromWeights caches log w − log Σw, the log of the exact quotient, which differs from
                // log p of the rounded p by up to ε·|log w| (2e−14 relative for weights near 1e−44), and the identities below
                // are about one table.
                var a = TA.FromProbabilities(Probabilities(TA.FromWeights(To<T>(t.Weights))));
                T[] stored = Probabilities(a);
                double[] p = D<T>(stored);
                double defect = ExactDefect(p); // S − 1
                double s = 1 + defect;
                double sSquaredMinusS = Math.Abs(s * defect);
                // The marginals are double-double, exact to a relative ~2ε_d² (the low part is summed plainly), which moves each
                // bd0(p, m) by about (d/m)·m·2ε_d² and I by at most 2ε_d²·Σ|d| ≤ 4ε_d²·S (found by this test: a 1 × 5 table whose
                // 4.9e−79 cell the low part lost returned I = 1.2e−157 where I_true + S² − S = 4.9e−79).
                double marginalSlack = 4 * EpsD * EpsD * s;
                double hxy = D(a.Entropy()), hx = D(a.RowEntropy()), hy = D(a.ColumnEntropy()), mi = D(a.MutualInformation());
                double xGivenY = D(a.ConditionalEntropyOfRowsGivenColumns()), yGivenX = D(a.ConditionalEntropyOfColumnsGivenRows());
                double vi = D(a.VariationOfInformation());
                string where = "p = [" + string.Join(", ", p.Select(x => x.ToString("R"))) + "]";

                foreach (var (name, v) in new[] { ("H(X,Y)", hxy), ("H(X)", hx), ("H(Y)", hy), ("I", mi), ("H(X|Y)", xGivenY), ("H(Y|X)", yGivenX), ("VI", vi) })
                {
                    Check("non-negative", v >= 0 && !double.IsNaN(v), 0, name + " = " + v + ", " + where);
                }

                foreach (MutualInformationNormalization n in Enum.GetValues<MutualInformationNormalization>())
                {
                    double nmi = D(a.NormalizedMutualInformation(n));
                    Check("NMI in [0, 1]", nmi >= 0 && nmi <= 1, 0, n + ": " + nmi + ", " + where);
                }

                double chain1 = Math.Abs(hxy - (hx + yGivenX)), slack1 = sSquaredMinusS + (BJoint * hxy) + (BMarginal * hx) + (BConditional * yGivenX) + SmallestNormal;
                Check("H(X,Y) = H(X) + H(Y|X)", chain1 <= slack1, chain1 / slack1, $"{hxy:R} vs {hx:R} + {yGivenX:R}, {where}");
                double chain2 = Math.Abs(hxy - (hy + xGivenY)), slack2 = sSquaredMinusS + (BJoint * hxy) + (BMarginal * hy) + (BConditional * xGivenY) + SmallestNormal;
                Check("H(X,Y) = H(Y) + H(X|Y)", chain2 <= slack2, chain2 / slack2, $"{hxy:R} vs {hy:R} + {xGivenY:R}, {where}");

                double min = Math.Min(hx, hy);
                double slackMin = sSquaredMinusS + marginalSlack + (BMi * mi) + (BMarginal * min) + SmallestNormal;
                Check("I ≤ min(H(X), H(Y))", mi - min <= slackMin, (mi - min) / slackMin, $"I = {mi:R}, min = {min:R}, {where}");

                double viError = Math.Abs(vi - (hxy - mi)), viSlack = sSquaredMinusS + marginalSlack + (BConditional * vi) + (BJoint * hxy) + (BMi * mi) + SmallestNormal;
                Check("VI = H(X,Y) − I", viError <= viSlack, viError / viSlack, $"VI = {vi:R}, H = {hxy:R}, I = {mi:R}, {where}");

                if (t.Product)
                {
                    double bound = sSquaredMinusS + marginalSlack + (16 * EpsT * EpsT * s) + (BMi * mi) + SmallestNormal;
                    Check("I of an outer product ≈ 0", mi <= bound, mi / bound, $"I = {mi:R}, bound {bound:R}, {where}");
                }

                // The transposed table through the C × R type, from bit-identical cells.
                var b = TB.FromProbabilities(Transpose(stored));
                void Same(string name, double x, double y, double bx, double by)
                {
                    double error = Math.Abs(x - y), bound = (bx * Math.Abs(x)) + (by * Math.Abs(y)) + SmallestNormal;
                    Check("transposed: " + name, error <= bound, error / bound, $"{x:R} vs {y:R}, {where}");
                }

                Same("I", mi, D(b.MutualInformation()), BMi, BMi);
                Same("VI", vi, D(b.VariationOfInformation()), BConditional, BConditional);
                Same("H(X,Y)", hxy, D(b.Entropy()), BJoint, BJoint);
                Same("H(X) = H(Y)ᵀ", hx, D(b.ColumnEntropy()), BMarginal, BMarginal);
                Same("H(Y) = H(X)ᵀ", hy, D(b.RowEntropy()), BMarginal, BMarginal);
                Same("H(X|Y) = H(Y|X)ᵀ", xGivenY, D(b.ConditionalEntropyOfColumnsGivenRows()), BConditional, BConditional);
                Same("H(Y|X) = H(X|Y)ᵀ", yGivenX, D(b.ConditionalEntropyOfRowsGivenColumns()), BConditional, BConditional);

                // The marginals.
                double[] rows = D<T>(RowMarginal(a)), columns = D<T>(ColumnMarginal(a));
                Assert.Equal(R, rows.Length);
                Assert.Equal(C, columns.Length);
                for (int i = 0; i < R; i++)
                {
                    double exact = ExactSum(Enumerable.Range(0, C).Select(j => p[(i * C) + j]));
                    double error = Math.Abs(rows[i] - exact), bound = (0.5 * EpsT * exact) + SmallestNormal;
                    Check("row marginal = row sum", error <= bound, error / bound, $"row {i}: {rows[i]:R} vs {exact:R}, {where}");
                }

                for (int j = 0; j < C; j++)
                {
                    double exact = ExactSum(Enumerable.Range(0, R).Select(i => p[(i * C) + j]));
                    double error = Math.Abs(columns[j] - exact), bound = (0.5 * EpsT * exact) + SmallestNormal;
                    Check("column marginal = column sum", error <= bound, error / bound, $"column {j}: {columns[j]:R} vs {exact:R}, {where}");
                }

                double rowsDefect = Math.Abs(ExactDefect(rows)), rowsSlack = (0.5 * R * EpsT) + Math.Abs(defect);
                Check("Σ row marginal = 1", rowsDefect <= rowsSlack, rowsDefect / rowsSlack, $"{rowsDefect:E3}, {where}");
                double columnsDefect = Math.Abs(ExactDefect(columns)), columnsSlack = (0.5 * C * EpsT) + Math.Abs(defect);
                Check("Σ column marginal = 1", columnsDefect <= columnsSlack, columnsDefect / columnsSlack, $"{columnsDefect:E3}, {where}");
            }, iter: Iterations);

            foreach (var (name, ratio) in worst.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                _output.WriteLine($"{typeof(TA).Name}: {name,-32} worst {ratio:F3}");
            }
        }
    }

    public sealed class Joint2x2Properties(ITestOutputHelper output) : JointProperties<Joint2x2, Joint2x2, double>(output)
    {
        protected override double[] RowMarginal(Joint2x2 a) => a.RowMarginal.ToArray();

        protected override double[] ColumnMarginal(Joint2x2 a) => a.ColumnMarginal.ToArray();

        protected override double[] Probabilities(Joint2x2 a) => a.Probabilities.ToArray();
    }

    public sealed class Joint2x3Properties(ITestOutputHelper output) : JointProperties<Joint2x3, Joint3x2, double>(output)
    {
        protected override double[] RowMarginal(Joint2x3 a) => a.RowMarginal.ToArray();

        protected override double[] ColumnMarginal(Joint2x3 a) => a.ColumnMarginal.ToArray();

        protected override double[] Probabilities(Joint2x3 a) => a.Probabilities.ToArray();
    }

    public sealed class Joint3x4Properties(ITestOutputHelper output) : JointProperties<Joint3x4, Joint4x3, double>(output)
    {
        protected override double[] RowMarginal(Joint3x4 a) => a.RowMarginal.ToArray();

        protected override double[] ColumnMarginal(Joint3x4 a) => a.ColumnMarginal.ToArray();

        protected override double[] Probabilities(Joint3x4 a) => a.Probabilities.ToArray();
    }

    public sealed class Joint4x5Properties(ITestOutputHelper output) : JointProperties<Joint4x5, Joint5x4, double>(output)
    {
        protected override double[] RowMarginal(Joint4x5 a) => a.RowMarginal.ToArray();

        protected override double[] ColumnMarginal(Joint4x5 a) => a.ColumnMarginal.ToArray();

        protected override double[] Probabilities(Joint4x5 a) => a.Probabilities.ToArray();
    }

    public sealed class Joint4x5ClassProperties(ITestOutputHelper output) : JointProperties<Joint4x5Class, Joint5x4, double>(output)
    {
        protected override double[] RowMarginal(Joint4x5Class a) => a.RowMarginal.ToArray();

        protected override double[] ColumnMarginal(Joint4x5Class a) => a.ColumnMarginal.ToArray();

        protected override double[] Probabilities(Joint4x5Class a) => a.Probabilities.ToArray();
    }

    public sealed class Joint3x4FProperties(ITestOutputHelper output) : JointProperties<Joint3x4F, Joint4x3F, float>(output)
    {
        protected override float[] RowMarginal(Joint3x4F a) => a.RowMarginal.ToArray();

        protected override float[] ColumnMarginal(Joint3x4F a) => a.ColumnMarginal.ToArray();

        protected override float[] Probabilities(Joint3x4F a) => a.Probabilities.ToArray();
    }

    public sealed class Joint1x5Properties(ITestOutputHelper output) : JointProperties<Joint1x5, Joint5x1, double>(output)
    {
        protected override double[] RowMarginal(Joint1x5 a) => a.RowMarginal.ToArray();

        protected override double[] ColumnMarginal(Joint1x5 a) => a.ColumnMarginal.ToArray();

        protected override double[] Probabilities(Joint1x5 a) => a.Probabilities.ToArray();
    }

    public sealed class Joint20x25Properties(ITestOutputHelper output) : JointProperties<Joint20x25, Joint25x20, double>(output)
    {
        protected override double[] RowMarginal(Joint20x25 a) => a.RowMarginal.ToArray();

        protected override double[] ColumnMarginal(Joint20x25 a) => a.ColumnMarginal.ToArray();

        protected override double[] Probabilities(Joint20x25 a) => a.Probabilities.ToArray();
    }
}
