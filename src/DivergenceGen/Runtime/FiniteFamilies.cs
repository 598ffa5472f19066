using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;

namespace DivergenceGen
{
    /// <summary>
    /// Construction helpers of the types generated from <see cref="FiniteFamilyAttribute"/>: parameter checks, the
    /// stable normalisation of the user's log-weights, and the message of an invalid construction.
    /// </summary>
    public static partial class FiniteFamilies
    {
        /// <summary>Whether a parameter is finite (not NaN, not ±∞).</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The parameter.</param>
        /// <returns>Whether it is finite.</returns>
        public static bool IsFinite<T>(T value)
            where T : IBinaryFloatingPointIeee754<T> => T.IsFinite(value);

        /// <summary>Throws when a parameter is NaN or ±∞.</summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="value">The parameter.</param>
        /// <param name="paramName">Its name.</param>
        /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
        public static void ThrowIfNotFinite<T>(T value, string paramName)
            where T : IBinaryFloatingPointIeee754<T>
        {
            if (!T.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(
                    paramName,
                    value,
                    "The parameter '" + paramName + "' must be finite; it is " + Show(double.CreateTruncating(value)) + ".");
            }
        }

        /// <summary>
        /// Normalises K log-weights in place: on return <paramref name="logWeights"/> holds log pₖ = log wₖ − log Z and
        /// <paramref name="p"/> holds pₖ = exp(log pₖ), with log Z = m + log Σₖ exp(log wₖ − m), m = maxₖ log wₖ (a stable
        /// log-sum-exp in double, so log-weights of any magnitude give finite log-probabilities; for double, the sum and the
        /// exponentials run in SIMD vectors, VectorMath.Exp within 2 ulp as Math.Exp). Leaves both spans as they
        /// are and returns the first outcome whose log-weight is NaN or +∞, or K when every log-weight is −∞; returns −1
        /// when it normalised.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="logWeights">K log-weights; replaced by the log-probabilities.</param>
        /// <param name="p">Receives the K probabilities.</param>
        /// <returns>−1, or the outcome that makes the log-weights invalid (K: all −∞).</returns>
        public static int Normalise<T>(Span<T> logWeights, Span<T> p)
            where T : IBinaryFloatingPointIeee754<T>
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < logWeights.Length; k++)
            {
                double x = double.CreateTruncating(logWeights[k]);
                if (double.IsNaN(x) || double.IsPositiveInfinity(x))
                {
                    return k;
                }

                max = Math.Max(max, x);
            }

            if (double.IsNegativeInfinity(max))
            {
                return logWeights.Length;
            }

            if (typeof(T) == typeof(double))
            {
                // Double: the two passes over K in SIMD vectors (VectorMath.Exp, within 2 ulp like Math.Exp's own error).
                NormaliseInVectors(AsDoubles(logWeights), AsDoubles(p), max);
                return -1;
            }

            double sum = 0;
            for (int k = 0; k < logWeights.Length; k++)
            {
                sum += Math.Exp(double.CreateTruncating(logWeights[k]) - max);
            }

            // (x − m) − log Σ, not x − (m + log Σ): rounding m + log Σ would shift every log-probability by up to ε·|m|.
            double logSum = Math.Log(sum);
            for (int k = 0; k < logWeights.Length; k++)
            {
                double logProbability = (double.CreateTruncating(logWeights[k]) - max) - logSum;
                logWeights[k] = T.CreateTruncating(logProbability);
                p[k] = T.CreateTruncating(Math.Exp(logProbability));
            }

            return -1;
        }

        /// <summary>A span of T = double as a span of double (the caller has checked the type).</summary>
        private static Span<double> AsDoubles<T>(Span<T> span) =>
            System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
                ref System.Runtime.CompilerServices.Unsafe.As<T, double>(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(span)),
                span.Length);

        /// <summary>
        /// The two passes of <see cref="Normalise{T}"/> for double, in the widest accelerated vectors and a scalar remainder:
        /// Σ exp(log wₖ − m), then log pₖ = (log wₖ − m) − log Σ and pₖ = exp(log pₖ).
        /// </summary>
        private static void NormaliseInVectors(Span<double> logWeights, Span<double> p, double max)
        {
            int n = logWeights.Length, k = 0;
            ref double w = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(logWeights);
            ref double pr = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(p);
            double sum = 0;
            if (Vector512.IsHardwareAccelerated && n >= 8)
            {
                var m = Vector512.Create(max);
                var acc = Vector512<double>.Zero;
                for (; k <= n - 8; k += 8)
                {
                    acc += VectorMath.Exp(Vector512.LoadUnsafe(ref w, (nuint)k) - m);
                }

                sum = Vector512.Sum(acc);
            }
            else if (Vector256.IsHardwareAccelerated && n >= 4)
            {
                var m = Vector256.Create(max);
                var acc = Vector256<double>.Zero;
                for (; k <= n - 4; k += 4)
                {
                    acc += VectorMath.Exp(Vector256.LoadUnsafe(ref w, (nuint)k) - m);
                }

                sum = Vector256.Sum(acc);
            }

            for (; k < n; k++)
            {
                sum += Math.Exp(logWeights[k] - max);
            }

            // (x − m) − log Σ, not x − (m + log Σ): rounding m + log Σ would shift every log-probability by up to ε·|m|.
            double logSum = Math.Log(sum);
            k = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var m = Vector512.Create(max);
                var l = Vector512.Create(logSum);
                for (; k <= n - 8; k += 8)
                {
                    var logProbability = (Vector512.LoadUnsafe(ref w, (nuint)k) - m) - l;
                    logProbability.StoreUnsafe(ref w, (nuint)k);
                    VectorMath.Exp(logProbability).StoreUnsafe(ref pr, (nuint)k);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var m = Vector256.Create(max);
                var l = Vector256.Create(logSum);
                for (; k <= n - 4; k += 4)
                {
                    var logProbability = (Vector256.LoadUnsafe(ref w, (nuint)k) - m) - l;
                    logProbability.StoreUnsafe(ref w, (nuint)k);
                    VectorMath.Exp(logProbability).StoreUnsafe(ref pr, (nuint)k);
                }
            }

            for (; k < n; k++)
            {
                double logProbability = (logWeights[k] - max) - logSum;
                logWeights[k] = logProbability;
                p[k] = Math.Exp(logProbability);
            }
        }

        /// <summary>
        /// The exception for log-weights that <see cref="Normalise"/> refused: it names the type, the parameters and their
        /// values, and the outcome and its log-weight (or says that every log-weight is −∞).
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="typeName">The generated type.</param>
        /// <param name="parameters">The parameters' names, in order.</param>
        /// <param name="values">Their values, in order.</param>
        /// <param name="logWeights">The K log-weights as LogWeight returned them.</param>
        /// <param name="outcome">What <see cref="Normalise"/> returned.</param>
        /// <returns>The exception, to throw.</returns>
        public static ArgumentException InvalidLogWeights<T>(string typeName, string[] parameters, T[] values, ReadOnlySpan<T> logWeights, int outcome)
            where T : IBinaryFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(parameters);
            ArgumentNullException.ThrowIfNull(values);
            var named = new StringBuilder();
            for (int i = 0; i < parameters.Length; i++)
            {
                named.Append(i == 0 ? string.Empty : ", ").Append(parameters[i]).Append(" = ").Append(Show(double.CreateTruncating(values[i])));
            }

            string problem = (uint)outcome < (uint)logWeights.Length
                ? "LogWeight(" + outcome.ToString(CultureInfo.InvariantCulture) + ", …) is " + Show(double.CreateTruncating(logWeights[outcome]))
                    + " (a log-weight must be finite or −∞)"
                : "every LogWeight(k, …), k = 0 … " + (logWeights.Length - 1).ToString(CultureInfo.InvariantCulture) + ", is −∞ (no outcome has positive weight)";
            return new ArgumentException(typeName + "(" + named + "): " + problem + ".", parameters.Length == 1 ? parameters[0] : null);
        }

        private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
