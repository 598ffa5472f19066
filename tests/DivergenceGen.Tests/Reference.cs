// Plain scalar reference loops, written here in the test so that the generated kernels (unrolled straight-line
// code, SIMD loops, the scalar tails) are all compared with one independent, obvious implementation. Always in
// double, whatever the precision under test, with the conventions of DESIGN.md §5: 0·log 0 = 0; a term with
// q = 0 < p makes KL and cross-entropy +∞; KL is clamped at 0.
using System;
using System.Numerics;
using CsCheck;

namespace DivergenceGen.Tests
{
    internal static class Reference
    {
        public const double EpsDouble = 2.220446049250313e-16;  // 2⁻⁵²
        public const double EpsSingle = 1.1920928955078125e-7;  // 2⁻²³

        /// <summary>Machine epsilon of T (not <c>T.Epsilon</c>, which is the smallest subnormal).</summary>
        public static double Eps<T>() => typeof(T) == typeof(float) ? EpsSingle : EpsDouble;

        /// <summary>An absolute floor for comparisons: far below any value that matters, above subnormal-granularity noise.</summary>
        public static double Tiny<T>() => typeof(T) == typeof(float) ? 1e-36 : 1e-300;

        public static T To<T>(double x) where T : IBinaryFloatingPointIeee754<T> => T.CreateTruncating(x);

        public static double D<T>(T x) where T : IBinaryFloatingPointIeee754<T> => double.CreateTruncating(x);

        public static double[] D<T>(ReadOnlySpan<T> xs) where T : IBinaryFloatingPointIeee754<T>
        {
            var r = new double[xs.Length];
            for (int i = 0; i < xs.Length; i++)
            {
                r[i] = double.CreateTruncating(xs[i]);
            }

            return r;
        }

        public static T[] To<T>(ReadOnlySpan<double> xs) where T : IBinaryFloatingPointIeee754<T>
        {
            var r = new T[xs.Length];
            for (int i = 0; i < xs.Length; i++)
            {
                r[i] = T.CreateTruncating(xs[i]);
            }

            return r;
        }

        /// <summary>log(1 + x) for x ≥ −1, accurate to a few ulps (Goldberg: u = 1 + x, log(u)·x/(u − 1)).</summary>
        public static double Log1p(double x)
        {
            double u = 1.0 + x;
            return u == 1.0 ? x : Math.Log(u) * (x / (u - 1.0));
        }

        public static double Entropy(ReadOnlySpan<double> p)
        {
            double h = 0;
            foreach (double pi in p)
            {
                if (pi > 0)
                {
                    h -= pi * Math.Log(pi);
                }
            }

            return h;
        }

        public static double KL(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
        {
            double s = 0;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] > 0)
                {
                    if (q[i] == 0)
                    {
                        return double.PositiveInfinity;
                    }

                    // log p − log q, not log(p/q): p/q overflows for a subnormal q.
                    s += p[i] * (Math.Log(p[i]) - Math.Log(q[i]));
                }
            }

            return Math.Max(s, 0);
        }

        public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
        {
            double s = 0;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] > 0)
                {
                    if (q[i] == 0)
                    {
                        return double.PositiveInfinity;
                    }

                    s -= p[i] * Math.Log(q[i]);
                }
            }

            return s;
        }

        /// <summary>
        /// S = Σ pᵢ(|log pᵢ| + |log qᵢ|): the magnitude of the terms entropy, KL and cross-entropy are summed from.
        /// KL is a difference of such terms (it can be far smaller than they are), so rounding is bounded relative
        /// to S, not to the result.
        /// </summary>
        public static double Scale(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
        {
            double s = 0;
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] > 0)
                {
                    s += p[i] * (Math.Abs(Math.Log(p[i])) + (q[i] > 0 ? Math.Abs(Math.Log(q[i])) : 0));
                }
            }

            return s;
        }

        public static double[] Bern(double p) => new[] { 1 - p, p };

        // Bernoulli in the same terms, with log1p for the "0" outcome: (1−p)·log1p(−p) instead of (1−p)·log(1−p).
        public static double BernoulliEntropy(double p) =>
            -((p > 0 ? p * Math.Log(p) : 0) + (p < 1 ? (1 - p) * Log1p(-p) : 0));

        public static double BernoulliKL(double p, double q)
        {
            double s = 0;
            if (p > 0)
            {
                if (q == 0)
                {
                    return double.PositiveInfinity;
                }

                s += p * (Math.Log(p) - Math.Log(q));
            }

            if (p < 1)
            {
                if (q == 1)
                {
                    return double.PositiveInfinity;
                }

                s += (1 - p) * (Log1p(-p) - Log1p(-q));
            }

            return Math.Max(s, 0);
        }

        public static double BernoulliCrossEntropy(double p, double q)
        {
            double s = 0;
            if (p > 0)
            {
                if (q == 0)
                {
                    return double.PositiveInfinity;
                }

                s -= p * Math.Log(q);
            }

            if (p < 1)
            {
                if (q == 1)
                {
                    return double.PositiveInfinity;
                }

                s -= (1 - p) * Log1p(-q);
            }

            return s;
        }

        public static double BernoulliScale(double p, double q) =>
            (p > 0 ? p * (Math.Abs(Math.Log(p)) + (q > 0 ? Math.Abs(Math.Log(q)) : 0)) : 0)
            + (p < 1 ? (1 - p) * (Math.Abs(Log1p(-p)) + (q < 1 ? Math.Abs(Log1p(-q)) : 0)) : 0);
    }

    /// <summary>Generators: ordinary values mixed with the extremes and zeros where implementations break.</summary>
    internal static class Gens
    {
        public const long Iterations = 2_000;

        public static readonly double[] SpecialProbabilities =
        {
            0.0, 1.0, 0.5, 1e-300, 1e-16, 1 - 1e-16, 1e-10, 1 - 1e-10,
            double.Epsilon, 1e-310, 2.2250738585072014E-308, // subnormals and the smallest normal
            1e-40, 1e-45, // subnormal in float
        };

        /// <summary>p ∈ [0, 1]: uniform, the special values, log-uniform down to subnormals, and log-uniformly close to 1.</summary>
        public static readonly Gen<double> Probability = Gen.Frequency(
            (4, Gen.Double.Unit),
            (2, Gen.OneOf(SpecialProbabilities)),
            (1, Gen.Double[-323, 0].Select(e => Math.Pow(10, e))),
            (1, Gen.Double[-17, 0].Select(e => 1 - Math.Pow(10, e))));

        /// <summary>A non-negative weight: often 0, sometimes tiny (down to subnormal).</summary>
        public static readonly Gen<double> Weight = Gen.Frequency(
            (6, Gen.Double[0, 1]),
            (3, Gen.Const(0.0)),
            (1, Gen.Double[-320, -1].Select(e => Math.Pow(10, e))),
            (1, Gen.OneOf(1e-300, 1e-16, double.Epsilon, 1e-310, 1e-40)));

        /// <summary>
        /// A probability vector of length k in T: weights normalised, then the largest entry replaced by 1 minus the
        /// (compensated) sum of the others, so Σ = 1 to within rounding. One-hot vectors and all-equal vectors are
        /// mixed in, and small weights make entries of 1e-300 and subnormals.
        /// </summary>
        public static Gen<T[]> ProbabilityVector<T>(int k) where T : IBinaryFloatingPointIeee754<T> => Gen.Frequency(
            (1, Gen.Int[0, k - 1].Select(i => OneHot<T>(k, i))),
            (1, Gen.Const(0).Select(_ => Uniform<T>(k))),
            (8, Weight.Array[k].Select(Normalise<T>)));

        /// <summary>Entries at least ~1e-3/k: no tiny probabilities, for comparisons that need well-conditioned inputs.</summary>
        public static Gen<T[]> WellConditioned<T>(int k) where T : IBinaryFloatingPointIeee754<T> =>
            Gen.Double[1e-3, 1].Array[k].Select(Normalise<T>);

        public static T[] OneHot<T>(int k, int i) where T : IBinaryFloatingPointIeee754<T>
        {
            var p = new T[k];
            p[i] = T.One;
            return p;
        }

        public static T[] Uniform<T>(int k) where T : IBinaryFloatingPointIeee754<T>
        {
            var p = new T[k];
            Array.Fill(p, T.One / T.CreateTruncating(k));
            return p;
        }

        public static T[] Normalise<T>(double[] w) where T : IBinaryFloatingPointIeee754<T>
        {
            double s = NumericAssert.Sum(w);
            if (s == 0)
            {
                return OneHot<T>(w.Length, 0);
            }

            T[] p = new T[w.Length];
            int arg = 0;
            for (int i = 0; i < w.Length; i++)
            {
                p[i] = T.CreateTruncating(w[i] / s);
                if (p[i] > p[arg])
                {
                    arg = i;
                }
            }

            double[] others = new double[w.Length];
            for (int i = 0; i < w.Length; i++)
            {
                others[i] = i == arg ? 0 : double.CreateTruncating(p[i]);
            }

            p[arg] = T.CreateTruncating(1 - NumericAssert.Sum(others));
            return p;
        }
    }
}
