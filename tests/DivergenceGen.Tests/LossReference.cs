using System;

namespace DivergenceGen.Tests
{
    /// <summary>
    /// A plain double-precision reference for softmax cross-entropy, written from torch's definitions (Oracle/README.md,
    /// "Losses") with no specialisation: log pᵢₖ = xᵢₖ − lseᵢ, ℓᵢ = −Σₖ aᵢₖ·log pᵢₖ, gradient (pᵢₖ·Aᵢ − aᵢₖ)·scale.
    /// </summary>
    internal static class LossReference
    {
        public sealed record Result(double Loss, double[] PerSample, double[] Gradient);

        /// <summary>Class-index targets. An all-ignored mean gives 0 (our documented choice), not torch's NaN.</summary>
        public static Result Hard(double[] x, int[] targets, double[]? w, int k, double eps, int ignore, Reduction reduction)
        {
            int n = targets.Length;
            var a = new double[n * k];
            var active = new bool[n];
            double denominator = 0;
            for (int i = 0; i < n; i++)
            {
                int y = targets[i];
                if (y == ignore)
                {
                    continue;
                }

                active[i] = true;
                denominator += w?[y] ?? 1;
                for (int c = 0; c < k; c++)
                {
                    double wc = w?[c] ?? 1;
                    a[i * k + c] = (c == y ? (1 - eps) * wc : 0) + eps / k * wc;
                }
            }

            return Finish(x, a, active, n, k, reduction == Reduction.Mean ? denominator : 1, reduction);
        }

        /// <summary>Probability targets: t′ = (1 − ε)·t + ε/K, aₖ = wₖ·t′ₖ; the mean divides by N.</summary>
        public static Result Soft(double[] x, double[] t, double[]? w, int k, double eps, Reduction reduction)
        {
            int n = t.Length / k;
            var a = new double[n * k];
            var active = new bool[n];
            for (int i = 0; i < n; i++)
            {
                active[i] = true;
                for (int c = 0; c < k; c++)
                {
                    a[i * k + c] = (w?[c] ?? 1) * ((1 - eps) * t[i * k + c] + eps / k);
                }
            }

            return Finish(x, a, active, n, k, reduction == Reduction.Mean ? n : 1, reduction);
        }

        private static Result Finish(double[] x, double[] a, bool[] active, int n, int k, double denominator, Reduction reduction)
        {
            var perSample = new double[n];
            var gradient = new double[n * k];
            double scale = denominator > 0 ? 1 / denominator : 0;
            for (int i = 0; i < n; i++)
            {
                if (!active[i])
                {
                    continue;
                }

                double m = double.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    m = Math.Max(m, x[i * k + c]);
                }

                var e = new double[k];
                for (int c = 0; c < k; c++)
                {
                    e[c] = Math.Exp(x[i * k + c] - m);
                }

                double lse = m + Math.Log(NumericAssert.Sum(e));
                double s = NumericAssert.Sum(e);
                var terms = new double[k];
                double sumA = 0;
                for (int c = 0; c < k; c++)
                {
                    terms[c] = a[i * k + c] == 0 ? 0 : a[i * k + c] * (lse - x[i * k + c]);
                    sumA += a[i * k + c];
                }

                perSample[i] = NumericAssert.Sum(terms);
                for (int c = 0; c < k; c++)
                {
                    gradient[i * k + c] = scale * (e[c] / s * sumA - a[i * k + c]);
                }
            }

            double total = NumericAssert.Sum(perSample);
            double loss = reduction == Reduction.Mean ? (denominator > 0 ? total / denominator : 0) : total;
            return new Result(loss, perSample, gradient);
        }
    }
}
