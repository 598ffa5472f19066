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
        /// <paramref name="classes"/> (parameter <c>targetProbabilities</c>) and equals <paramref name="logitsLength"/>
        /// (parameter <c>logits</c>).
        /// </summary>
        /// <param name="logitsLength">The length of <c>logits</c>.</param>
        /// <param name="targetsLength">The length of <c>targetProbabilities</c>.</param>
        /// <param name="classes">K.</param>
        public static void ThrowIfSoftTargetLengthsInvalid(int logitsLength, int targetsLength, int classes)
        {
            if (targetsLength % classes != 0)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "targetProbabilities has {0} elements, which is not a multiple of K = {1} (it holds N rows of K probabilities).", targetsLength, classes),
                    "targetProbabilities");
            }

            if (logitsLength != targetsLength)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "logits has {0} elements but targetProbabilities has {1}; both are N × K = {2} × {3}.", logitsLength, targetsLength, targetsLength / classes, classes),
                    "logits");
            }
        }

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
