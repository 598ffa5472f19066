using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace DivergenceGen
{
    /// <summary>
    /// Argument checks of the generated loss members. Each throws the exception the generated member documents,
    /// naming the parameter, the lengths or the offending index and value. Generated code calls every check before it
    /// writes anything, so a destination is untouched when one throws.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class LossGuard
    {
        /// <summary>
        /// Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> (the loss's row-major N × K input:
        /// <c>logits</c>, <c>logProbabilities</c>, …) unless <paramref name="inputLength"/> = <paramref name="rows"/> ×
        /// <paramref name="classes"/>.
        /// </summary>
        /// <param name="inputLength">The length of the input.</param>
        /// <param name="rows">N, the number of targets.</param>
        /// <param name="classes">K.</param>
        /// <param name="paramName">The input's parameter name.</param>
        public static void ThrowIfInputLengthIsNot(int inputLength, int rows, int classes, string paramName)
        {
            long expected = (long)rows * classes;
            if (inputLength != expected)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{4} has {0} elements but targets has {1}, so N × K = {1} × {2} = {3} are needed.", inputLength, rows, classes, expected, paramName),
                    paramName);
            }
        }

        /// <summary>
        /// Throws <see cref="ArgumentException"/> unless <paramref name="targetsLength"/> is a multiple of
        /// <paramref name="classes"/> (naming <paramref name="targetsName"/>) and equals <paramref name="inputLength"/>
        /// (naming <paramref name="inputName"/>): both are N × K, row-major.
        /// </summary>
        /// <param name="inputLength">The length of the loss's input (<c>logits</c>, <c>studentLogits</c>).</param>
        /// <param name="targetsLength">The length of the second N × K input (<c>targetProbabilities</c>, <c>teacherLogits</c>, …).</param>
        /// <param name="classes">K.</param>
        /// <param name="inputName">The input's parameter name.</param>
        /// <param name="targetsName">The second input's parameter name.</param>
        public static void ThrowIfRowLengthsInvalid(int inputLength, int targetsLength, int classes, string inputName, string targetsName)
        {
            if (targetsLength % classes != 0)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{2} has {0} elements, which is not a multiple of K = {1} (it holds N rows of K values).", targetsLength, classes, targetsName),
                    targetsName);
            }

            if (inputLength != targetsLength)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{4} has {0} elements but {5} has {1}; both are N × K = {2} × {3}.", inputLength, targetsLength, targetsLength / classes, classes, inputName, targetsName),
                    inputName);
            }
        }

        /// <summary>
        /// Checks a distillation loss's teacher logits: every value finite (<see cref="ArgumentOutOfRangeException"/>
        /// naming the first offending index, row, class and value).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="teacherLogits">The N × K teacher logits, row-major.</param>
        /// <param name="classes">K.</param>
        public static void ThrowIfTeacherLogitsInvalid<T>(ReadOnlySpan<T> teacherLogits, int classes)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            for (int j = 0; j < teacherLogits.Length; j++)
            {
                if (!T.IsFinite(teacherLogits[j]))
                {
                    ThrowAt(teacherLogits[j], j, classes, "teacherLogits", "is not finite");
                }
            }
        }

        /// <summary>
        /// Checks a distillation loss's teacher log-probabilities: every value ≤ 0 (−∞ allowed: a class the teacher
        /// rules out), none NaN (<see cref="ArgumentOutOfRangeException"/> naming the first offending index, row, class
        /// and value). Rows are not checked to sum to 1 (torch does not check either).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="teacherLogProbabilities">The N × K teacher log-probabilities, row-major.</param>
        /// <param name="classes">K.</param>
        public static void ThrowIfTeacherLogProbabilitiesInvalid<T>(ReadOnlySpan<T> teacherLogProbabilities, int classes)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            for (int j = 0; j < teacherLogProbabilities.Length; j++)
            {
                if (!(teacherLogProbabilities[j] <= T.Zero))
                {
                    ThrowAt(teacherLogProbabilities[j], j, classes, "teacherLogProbabilities", "is not a log-probability (≤ 0, not NaN)");
                }
            }
        }

        /// <summary>
        /// Checks binary cross-entropy targets: every value in [0, 1] (<see cref="ArgumentOutOfRangeException"/> naming the
        /// first offending index, row, label and value; NaN is outside).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="targets">The N × C targets, row-major.</param>
        /// <param name="labels">C, the labels per row.</param>
        public static void ThrowIfBinaryTargetsInvalid<T>(ReadOnlySpan<T> targets, int labels)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            for (int j = 0; j < targets.Length; j++)
            {
                if (!(targets[j] >= T.Zero && targets[j] <= T.One))
                {
                    ThrowAt(targets[j], j, labels, "targets", "is not in [0, 1]");
                }
            }
        }

        /// <summary>
        /// Checks binary cross-entropy label weights (torch's <c>weight</c>): empty (all ones) or C values, each finite and ≥ 0.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="labelWeights">The weights.</param>
        /// <param name="labels">C.</param>
        public static void ThrowIfLabelWeightsInvalid<T>(ReadOnlySpan<T> labelWeights, int labels)
            where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            ThrowIfOptionalWeightsInvalid(labelWeights, labels, "labelWeights");

        /// <summary>
        /// Checks binary cross-entropy positive weights (torch's <c>pos_weight</c>): empty (all ones) or C values, each
        /// finite and ≥ 0.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="positiveWeights">The weights.</param>
        /// <param name="labels">C.</param>
        public static void ThrowIfPositiveWeightsInvalid<T>(ReadOnlySpan<T> positiveWeights, int labels)
            where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            ThrowIfOptionalWeightsInvalid(positiveWeights, labels, "positiveWeights");

        /// <summary>
        /// <paramref name="weights"/>, or C ones where it is empty (a shared read-only row of ones, allocated once per
        /// element type and grown when a larger C asks for it: no allocation per call).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="weights">Checked weights: empty or C values.</param>
        /// <param name="labels">C.</param>
        /// <returns>The weights to use.</returns>
        public static ReadOnlySpan<T> OnesIfEmpty<T>(ReadOnlySpan<T> weights, int labels)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (!weights.IsEmpty)
            {
                return weights;
            }

            T[] ones = Ones<T>.Row;
            if (ones.Length < labels)
            {
                ones = new T[labels];
                Array.Fill(ones, T.One);
                Ones<T>.Row = ones; // a race only allocates twice: every row holds ones
            }

            return new ReadOnlySpan<T>(ones, 0, labels);
        }

        private static void ThrowIfOptionalWeightsInvalid<T>(ReadOnlySpan<T> weights, int labels, string paramName)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (!weights.IsEmpty && weights.Length != labels)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{0} has {1} elements but the loss has C = {2} labels (or pass an empty span for all ones).", paramName, weights.Length, labels),
                    paramName);
            }

            for (int c = 0; c < weights.Length; c++)
            {
                T w = weights[c];
                if (!(w >= T.Zero) || !T.IsFinite(w))
                {
                    ThrowNotNonNegative(w, c, paramName);
                }
            }
        }

        private static class Ones<T>
        {
            public static T[] Row = Array.Empty<T>();
        }

        [DoesNotReturn]
        private static void ThrowAt<T>(T value, int index, int classes, string paramName, string what)
            where T : IBinaryFloatingPointIeee754<T> =>
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Format(CultureInfo.InvariantCulture, "{0}[{1}] (row {2}, class {3}) = {4} {5}.", paramName, index, index / classes, index % classes, value, what));

        /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> when a destination is too short.</summary>
        /// <param name="required">The number of elements the member writes.</param>
        /// <param name="actual">The destination's length.</param>
        /// <param name="paramName">The destination parameter (<c>gradient</c> or <c>perSample</c>).</param>
        public static void ThrowIfDestinationTooShort(int required, int actual, string paramName)
        {
            if (actual < required)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{0} is too short: it has {1} elements but {2} are needed.", paramName, actual, required),
                    paramName);
            }
        }

        /// <summary>
        /// Checks class weights: the length must be K (<see cref="ArgumentException"/>), and every weight finite and
        /// ≥ 0 (<see cref="ArgumentOutOfRangeException"/> naming the first offending index and value).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="classWeights">The weights.</param>
        /// <param name="classes">K.</param>
        public static void ThrowIfClassWeightsInvalid<T>(ReadOnlySpan<T> classWeights, int classes)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (classWeights.Length != classes)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "classWeights has {0} elements but the loss has K = {1} classes.", classWeights.Length, classes),
                    "classWeights");
            }

            for (int c = 0; c < classWeights.Length; c++)
            {
                T w = classWeights[c];
                if (!(w >= T.Zero) || !T.IsFinite(w))
                {
                    ThrowNotNonNegative(w, c, "classWeights");
                }
            }
        }

        /// <summary>
        /// Checks probability targets: every value finite and ≥ 0 (<see cref="ArgumentOutOfRangeException"/> naming the
        /// first offending row, class and value). Rows need not sum to 1 (PyTorch does not require it either).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="targetProbabilities">The N × K target probabilities, row-major.</param>
        /// <param name="classes">K.</param>
        public static void ThrowIfTargetProbabilitiesInvalid<T>(ReadOnlySpan<T> targetProbabilities, int classes)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            for (int j = 0; j < targetProbabilities.Length; j++)
            {
                T t = targetProbabilities[j];
                if (!(t >= T.Zero) || !T.IsFinite(t))
                {
                    throw new ArgumentOutOfRangeException(
                        "targetProbabilities",
                        t,
                        string.Format(CultureInfo.InvariantCulture, "targetProbabilities[{0}] (row {1}, class {2}) = {3} is not a finite value ≥ 0.", j, j / classes, j % classes, t));
                }
            }
        }

        /// <summary>
        /// Throws <see cref="ArgumentOutOfRangeException"/> (parameter <c>targets</c>) for a class index outside [0, K)
        /// that is not the ignore index, naming the row and the value.
        /// </summary>
        /// <param name="row">The row (index into <c>targets</c>).</param>
        /// <param name="value">The target.</param>
        /// <param name="classes">K.</param>
        /// <param name="ignoreIndex">The ignore index of the loss.</param>
        [DoesNotReturn]
        public static void ThrowTargetOutOfRange(int row, int value, int classes, int ignoreIndex) =>
            throw new ArgumentOutOfRangeException(
                "targets",
                value,
                string.Format(CultureInfo.InvariantCulture, "targets[{0}] = {1} (row {0}) is outside the classes [0, {2}) and is not the ignore index {3}.", row, value, classes, ignoreIndex));

        [DoesNotReturn]
        private static void ThrowNotNonNegative<T>(T value, int index, string paramName)
            where T : IBinaryFloatingPointIeee754<T> =>
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                string.Format(CultureInfo.InvariantCulture, "{0}[{1}] = {2} is not a finite value ≥ 0.", paramName, index, value));
    }
}
