using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;

namespace DivergenceGen
{
    /// <summary>
    /// The runtime parts of the joint laws of two finite variables (<c>[JointCategorical(R, C)]</c>, an R × C table stored
    /// row-major): the marginals as double-double sums, the normalised mutual information's division and its limits, and
    /// the G-test of independence from counts. The sums over the cells (mutual information, conditional entropies) are
    /// generated kernels, described in the generator's <c>Ir/JointMeasures.cs</c>.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class JointTables
    {
        /// <summary>
        /// The row sums rᵢ = Σⱼ pᵢⱼ and column sums cⱼ = Σᵢ pᵢⱼ of a row-major table, each as an unevaluated sum high + low
        /// (compensated summation: every addition's rounding error, by TwoSum, is accumulated into the low part), so that
        /// high + low is the exact sum to about ε² relative. The kernels need it: near independence pᵢⱼ − rᵢ·cⱼ is far below
        /// rᵢ·cⱼ, and one rounding of a marginal would already be most of it.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="p">The R·C cells, row after row.</param>
        /// <param name="columns">C.</param>
        /// <param name="rowHigh">Receives the R rows' high parts.</param>
        /// <param name="rowLow">Receives the R rows' low parts.</param>
        /// <param name="columnHigh">Receives the C columns' high parts.</param>
        /// <param name="columnLow">Receives the C columns' low parts.</param>
        public static void Marginals<T>(ReadOnlySpan<T> p, int columns, Span<double> rowHigh, Span<double> rowLow, Span<double> columnHigh, Span<double> columnLow)
            where T : IBinaryFloatingPointIeee754<T>
        {
            int rows = p.Length / columns;
            columnHigh.Slice(0, columns).Clear();
            columnLow.Slice(0, columns).Clear();
            for (int i = 0; i < rows; i++)
            {
                double high = 0, low = 0;
                ReadOnlySpan<T> row = p.Slice(i * columns, columns);
                for (int j = 0; j < columns; j++)
                {
                    double x = double.CreateTruncating(row[j]);
                    (high, low) = Add(high, low, x);
                    (columnHigh[j], columnLow[j]) = Add(columnHigh[j], columnLow[j], x);
                }

                (rowHigh[i], rowLow[i]) = Normalize(high, low);
            }

            for (int j = 0; j < columns; j++)
            {
                (columnHigh[j], columnLow[j]) = Normalize(columnHigh[j], columnLow[j]);
            }
        }

        /// <summary>
        /// The marginals rounded to T (the stored <c>RowMarginal</c> and <c>ColumnMarginal</c>): the compensated sums of
        /// <see cref="Marginals{T}"/>, rounded once.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="p">The R·C cells, row after row.</param>
        /// <param name="columns">C.</param>
        /// <param name="rowMarginal">Receives the R row sums.</param>
        /// <param name="columnMarginal">Receives the C column sums.</param>
        public static void FillMarginals<T>(ReadOnlySpan<T> p, int columns, Span<T> rowMarginal, Span<T> columnMarginal)
            where T : IBinaryFloatingPointIeee754<T>
        {
            int rows = p.Length / columns;
            int length = 2 * (rows + columns);
            Span<double> all = length <= 1024 ? stackalloc double[length] : new double[length]; // no allocation for small tables
            Marginals(p, columns, all.Slice(0, rows), all.Slice(rows, rows), all.Slice(2 * rows, columns), all.Slice((2 * rows) + columns, columns));
            for (int i = 0; i < rows; i++)
            {
                rowMarginal[i] = T.CreateTruncating(all[i] + all[rows + i]);
            }

            for (int j = 0; j < columns; j++)
            {
                columnMarginal[j] = T.CreateTruncating(all[(2 * rows) + j] + all[(2 * rows) + columns + j]);
            }
        }

        /// <summary>(high, low) + x: high + x by TwoSum, its exact rounding error added to low.</summary>
        private static (double High, double Low) Add(double high, double low, double x)
        {
            double s = high + x;
            double b = s - high;
            double error = (high - (s - b)) + (x - b);
            return (s, low + error);
        }

        /// <summary>The pair as high = fl(high + low) and the rest.</summary>
        private static (double High, double Low) Normalize(double high, double low)
        {
            double s = high + low;
            return (s, low - (s - high));
        }

        /// <summary>
        /// The normalised mutual information I/n(H(X), H(Y), H(X, Y)) for the chosen normalisation n, clamped to [0, 1]. The
        /// limits, as scikit-learn's <c>normalized_mutual_info_score</c>: 1 where both variables are constant (H(X) = H(Y) =
        /// 0: a perfect, if trivial, agreement); otherwise 0 where I = 0 or the denominator is 0 (one variable constant: I is
        /// then 0 too).
        /// </summary>
        /// <param name="mutualInformation">I(X; Y) ≥ 0.</param>
        /// <param name="rowEntropy">H(X).</param>
        /// <param name="columnEntropy">H(Y).</param>
        /// <param name="jointEntropy">H(X, Y).</param>
        /// <param name="normalization">The denominator.</param>
        /// <returns>The normalised mutual information in [0, 1].</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="normalization"/> is not a defined value.</exception>
        public static double NormalizedMutualInformation(
            double mutualInformation, double rowEntropy, double columnEntropy, double jointEntropy, MutualInformationNormalization normalization)
        {
            double denominator = normalization switch
            {
                MutualInformationNormalization.Arithmetic => 0.5 * (rowEntropy + columnEntropy),
                MutualInformationNormalization.Geometric => Math.Sqrt(rowEntropy) * Math.Sqrt(columnEntropy),
                MutualInformationNormalization.Minimum => Math.Min(rowEntropy, columnEntropy),
                MutualInformationNormalization.Maximum => Math.Max(rowEntropy, columnEntropy),
                MutualInformationNormalization.Joint => jointEntropy,
                _ => throw new ArgumentOutOfRangeException(
                    nameof(normalization),
                    normalization,
                    string.Format(CultureInfo.InvariantCulture, "normalization = {0} is not a MutualInformationNormalization value.", (int)normalization)),
            };
            if (rowEntropy == 0 && columnEntropy == 0)
            {
                return 1;
            }

            if (!(mutualInformation > 0) || !(denominator > 0))
            {
                return 0;
            }

            return Math.Min(mutualInformation / denominator, 1);
        }

        /// <summary>
        /// The G-test of independence of an R × C table of counts (row-major): G = 2·Σᵢⱼ Oᵢⱼ·ln(Oᵢⱼ/Eᵢⱼ) with
        /// Eᵢⱼ = rowᵢ·columnⱼ/N, ν = (R − 1)(C − 1), p = P(χ²_ν ≥ G) (<see cref="IncompleteGamma.ChiSquareSurvival"/>) and
        /// its logarithm (<see cref="IncompleteGamma.LogChiSquareSurvival"/>).
        /// </summary>
        /// <remarks>
        /// G is 2·Σ bd0(Oᵢⱼ, Eᵢⱼ) with Loader's deviance bd0(x, m) = x·ln(x/m) + m − x ≥ 0 (the m − x parts sum to 0), i.e.
        /// 2·N times the mutual information of the empirical table, and each difference Oᵢⱼ − Eᵢⱼ = (Oᵢⱼ·N − rowᵢ·columnⱼ)/N
        /// from an exact 128-bit integer numerator: non-negative terms, each to a few ulps, so G keeps its relative accuracy
        /// for nearly independent tables, where Σ O·ln(O/E) cancels. Validation as scipy's <c>chi2_contingency</c>, which
        /// refuses a table with a zero expected frequency.
        /// </remarks>
        /// <param name="counts">R·C non-negative counts, row after row.</param>
        /// <param name="rows">R.</param>
        /// <param name="columns">C.</param>
        /// <param name="paramName">The name of the counts' parameter, for the exceptions.</param>
        /// <returns>The statistic, ν, the p-value and its logarithm.</returns>
        /// <exception cref="ArgumentException">The length is not R·C; the counts' total is 0 or exceeds <see cref="long.MaxValue"/>;
        /// or a row or column sums to 0 (its expected frequencies would be 0; the message names it).</exception>
        /// <exception cref="ArgumentOutOfRangeException">A count is negative (the message names its index and value).</exception>
        public static IndependenceTest GTest(ReadOnlySpan<long> counts, int rows, int columns, string paramName) =>
            GTestOf(counts, rows, columns, paramName);

        /// <inheritdoc cref="GTest(ReadOnlySpan{long}, int, int, string)"/>
        public static IndependenceTest GTest(ReadOnlySpan<int> counts, int rows, int columns, string paramName) =>
            GTestOf(counts, rows, columns, paramName);

        private static IndependenceTest GTestOf<TCount>(ReadOnlySpan<TCount> counts, int rows, int columns, string paramName)
            where TCount : IBinaryInteger<TCount>
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            if (counts.Length != rows * columns)
            {
                throw new ArgumentException(
                    string.Format(c, "{0} has {1} elements but this table has R × C = {2} × {3} = {4} cells.", paramName, counts.Length, rows, columns, rows * columns),
                    paramName);
            }

            Span<long> rowTotals = rows <= 256 ? stackalloc long[rows] : new long[rows];
            Span<long> columnTotals = columns <= 256 ? stackalloc long[columns] : new long[columns];
            rowTotals.Clear();
            columnTotals.Clear();
            long total = 0;
            for (int k = 0; k < counts.Length; k++)
            {
                long count = long.CreateTruncating(counts[k]);
                if (count < 0)
                {
                    throw new ArgumentOutOfRangeException(
                        paramName, count, string.Format(c, "{0}[{1}] = {2} is negative (row {3}, column {4}).", paramName, k, count, k / columns, k % columns));
                }

                try
                {
                    total = checked(total + count);
                    rowTotals[k / columns] += count; // ≤ total: cannot overflow once the total did not
                    columnTotals[k % columns] += count;
                }
                catch (OverflowException)
                {
                    throw new ArgumentException(string.Format(c, "The counts in {0} add up to more than long.MaxValue.", paramName), paramName);
                }
            }

            if (total == 0)
            {
                throw new ArgumentException(string.Format(c, "Every count in {0} is 0: the test needs at least one observation.", paramName), paramName);
            }

            for (int i = 0; i < rows; i++)
            {
                if (rowTotals[i] == 0)
                {
                    throw new ArgumentException(
                        string.Format(c, "Row {0} of {1} sums to 0, so its expected frequencies are 0 and the test is undefined; drop the row.", i, paramName), paramName);
                }
            }

            for (int j = 0; j < columns; j++)
            {
                if (columnTotals[j] == 0)
                {
                    throw new ArgumentException(
                        string.Format(c, "Column {0} of {1} sums to 0, so its expected frequencies are 0 and the test is undefined; drop the column.", j, paramName), paramName);
                }
            }

            int degreesOfFreedom = (rows - 1) * (columns - 1);
            if (degreesOfFreedom == 0)
            {
                return new IndependenceTest(0, 0, 1, 0);
            }

            double n = total;
            double sum = 0;
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < columns; j++)
                {
                    long observed = long.CreateTruncating(counts[(i * columns) + j]);
                    Int128 product = (Int128)rowTotals[i] * columnTotals[j];
                    Int128 numerator = ((Int128)observed * total) - product; // N·(O − E), exact
                    double expected = (double)product / n;
                    double difference = (double)numerator / n;
                    sum += ScalarMath.Deviance(observed, expected, difference);
                }
            }

            double statistic = 2 * sum;
            return new IndependenceTest(
                statistic,
                degreesOfFreedom,
                IncompleteGamma.ChiSquareSurvival(statistic, degreesOfFreedom),
                IncompleteGamma.LogChiSquareSurvival(statistic, degreesOfFreedom));
        }
    }
}
