// Plain scalar reference loops, written here in the test so that the generated kernels (unrolled straight-line
// code, SIMD loops, the scalar tails) are all compared with one independent, obvious implementation. Always in
// double, whatever the precision under test, with the conventions of DESIGN.md §5: 0·log 0 = 0; a term with
// q = 0 < p makes KL and cross-entropy +∞; KL is clamped at 0.
using System;
using System.Linq;
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

        /// <summary>
        /// ln(x/y) for x, y &gt; 0 within ~3ε_d relative: log1p((x − y)/y) where x and y are within a factor 2 (x − y exact by
        /// Sterbenz), else ln of the quotient (|ln| ≥ ln 2), or ln x − ln y where the quotient is not a normal number (|ln| &gt; 708).
        /// </summary>
        public static double LogRatioRef(double x, double y)
        {
            if (x >= 0.5 * y && x <= 2 * y)
            {
                return Log1p((x - y) / y);
            }

            double r = x / y;
            return double.IsNormal(r) ? Math.Log(r) : Math.Log(x) - Math.Log(y);
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

    /// <summary>
    /// Generators. Two kinds of probability vectors:
    /// <list type="bullet">
    /// <item>edge cases (<see cref="ProbabilityVector{T}"/>): ordinary values mixed with the extremes and zeros where
    /// implementations break — drawn independently for P and Q they check the +∞ and 0·log 0 conventions, but about
    /// 27% of the entries of the weight-normalised ones (8 in 10) are 0, so Q has a zero where P has mass in ~97% of
    /// pairs at K = 16, and at K = 1000 only a one-hot P or an all-equal Q gives a finite KL;</item>
    /// <item>matched supports (<see cref="MatchedPair{T}"/>): Q's support ⊇ P's, so KL and cross-entropy are finite and
    /// the sums run over finite terms at every K, with Dirichlet-like values, zeros placed in every index class of the
    /// vector loops (<see cref="ZeroMask{T}"/>) and pairs with P ≈ Q.</item>
    /// </list>
    /// <see cref="ProbabilityPair{T}"/> mixes the two (1 : 3).
    /// </summary>
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

        /// <summary>
        /// Pairs (P, Q) for the divergence properties: one in four is two independent <see cref="ProbabilityVector{T}"/>s
        /// (the +∞ and zero conventions; almost always +∞ for large K), three in four a <see cref="MatchedPair{T}"/> (finite).
        /// <c>CategoricalProperties.PairGeneratorGivesFiniteValuesInEveryIndexClass</c> measures that at least half the
        /// pairs give a finite, positive KL at every K, so the mix cannot silently fall back to all +∞.
        /// </summary>
        public static Gen<(T[] P, T[] Q)> ProbabilityPair<T>(int k) where T : IBinaryFloatingPointIeee754<T> => Gen.Frequency(
            (1, Gen.Select(ProbabilityVector<T>(k), ProbabilityVector<T>(k))),
            (3, MatchedPair<T>(k)));

        /// <summary>Entries at least ~1e-3/k: no tiny probabilities, for comparisons that need well-conditioned inputs.</summary>
        public static Gen<T[]> WellConditioned<T>(int k) where T : IBinaryFloatingPointIeee754<T> =>
            Gen.Double[1e-3, 1].Array[k].Select(Normalise<T>);

        /// <summary>Lanes of the 512-, 256- and 128-bit vectors of T: the widths the kernels are written for, widest first.</summary>
        public static int[] Lanes<T>() => typeof(T) == typeof(float) ? new[] { 16, 8, 4 } : new[] { 8, 4, 2 };

        /// <summary>The smallest positive normal number of T: entries that must stay positive are kept at or above it.</summary>
        public static double SmallestNormal<T>() => typeof(T) == typeof(float) ? 1.1754943508222875E-38 : 2.2250738585072014E-308;

        /// <summary>
        /// (P, Q) with Q's support ⊇ P's: KL(P‖Q) and H(P, Q) finite, every term finite. P's zeros come from
        /// <see cref="ZeroMask{T}"/>; Q is (weights 2 : 2 : 1 : 3) independent with full support, independent with
        /// the same support as P, independent with zeros at a random half of P's zeros, or P perturbed,
        /// qᵢ ∝ pᵢ·exp(δ·zᵢ) with zᵢ ∈ [−1, 1] and δ log-uniform in [1e-9, 0.1] (float: [1e-6, 0.1]; smaller δ would
        /// round Q back to P), same support. Values from <see cref="LogWeights{T}"/>.
        /// </summary>
        public static Gen<(T[] P, T[] Q)> MatchedPair<T>(int k) where T : IBinaryFloatingPointIeee754<T>
        {
            double smallestDelta = typeof(T) == typeof(float) ? -6 : -9;
            return Gen.Select(
                ZeroMask<T>(k),
                LogWeights<T>(k),
                LogWeights<T>(k),
                Gen.Frequency((2, 0), (2, 1), (1, 2), (3, 3)),
                Gen.Double.Unit.Array[k],
                Gen.Double[smallestDelta, -1],
                (zeroP, wp, wq, mode, u, delta) =>
                {
                    bool[] zeroQ = mode switch
                    {
                        0 => new bool[k],
                        2 => zeroP.Select((z, i) => z && u[i] < 0.5).ToArray(),
                        _ => zeroP,
                    };
                    if (mode == 3)
                    {
                        double d = Math.Pow(10, delta);
                        wq = wp.Select((w, i) => w + d * (2 * u[i] - 1)).ToArray();
                    }

                    return (FromLogWeights<T>(wp, zeroP), FromLogWeights<T>(wq, zeroQ));
                });
        }

        /// <summary>
        /// K log-weights (weights 4 : 2 : 1):
        /// <list type="bullet">
        /// <item>Dirichlet(α)-like, α log-uniform in [0.01, 100] — from very peaked (most entries far below 1e-30) to
        /// near-uniform: Gamma(α) = Gamma(α + 1)·U^(1/α), with Gamma(α + 1) by the Wilson–Hilferty cube of a normal
        /// (Box–Muller), all in logarithms so nothing underflows before normalising;</item>
        /// <item>spread over many magnitudes: log₁₀ wᵢ uniform in [−d, 0], d uniform in [0, 300] (float: [0, 37]);</item>
        /// <item>near-uniform: log wᵢ = δ·zᵢ, zᵢ ∈ [−1, 1], δ log-uniform in [1e-12, 0.1] (many terms of one size).</item>
        /// </list>
        /// </summary>
        public static Gen<double[]> LogWeights<T>(int k) where T : IBinaryFloatingPointIeee754<T>
        {
            double decades = typeof(T) == typeof(float) ? 37 : 300;
            return Gen.Frequency(
                (4, Gen.Select(Gen.Double[-2, 2], Gen.Double.Unit.Array[3 * k]).Select((la, u) => DirichletLogWeights(Math.Pow(10, la), u))),
                (2, Gen.Select(Gen.Double[0, decades], Gen.Double.Unit.Array[k]).Select((d, u) => u.Select(x => -x * d * Math.Log(10)).ToArray())),
                (1, Gen.Select(Gen.Double[-12, -1], Gen.Double[-1, 1].Array[k]).Select((e, z) => z.Select(x => x * Math.Pow(10, e)).ToArray())));
        }

        private static double[] DirichletLogWeights(double alpha, double[] u)
        {
            int k = u.Length / 3;
            double a = alpha + 1;
            var logw = new double[k];
            for (int i = 0; i < k; i++)
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - u[3 * i])) * Math.Cos(2 * Math.PI * u[3 * i + 1]);
                double cube = Math.Max(1 - 1 / (9 * a) + z / (3 * Math.Sqrt(a)), 1e-3); // Wilson–Hilferty; clamped far in the left tail
                logw[i] = Math.Log(a) + 3 * Math.Log(cube) + Math.Log(1 - u[3 * i + 2]) / alpha;
            }

            return logw;
        }

        /// <summary>
        /// Where P has zeros: none (weight 2), or (weight 3) the union of index classes picked by a random bit mask —
        /// the first element; the last; a position inside the full vectors of one of T's widths (not the first);
        /// a position in the tail after that width's last full vector (where K is not a multiple of its lanes: K = 17
        /// has a one-element tail at every width, K = 1000 an 8-element tail on 16 float lanes); a scattered set of
        /// density 5–70%; a run of up to K/4. Never every index: P keeps some mass. K = 1 has no zeros.
        /// </summary>
        public static Gen<bool[]> ZeroMask<T>(int k) where T : IBinaryFloatingPointIeee754<T> => Gen.Frequency(
            (2, Gen.Const(0).Select(_ => new bool[k])),
            (3, Gen.Select(Gen.Int[1, 63], Gen.Int[0, 2], Gen.Int[0, int.MaxValue].Array[4], Gen.Double.Unit.Array[k], Gen.Double[0.05, 0.7])
                .Select((classes, width, r, u, density) => ZeroMaskOf(k, Lanes<T>(), classes, width, r, u, density))));

        private static bool[] ZeroMaskOf(int k, int[] lanes, int classes, int width, int[] r, double[] u, double density)
        {
            var zero = new bool[k];
            if (k == 1)
            {
                return zero;
            }

            int[] fits = lanes.Where(l => l <= k).ToArray();
            int w = fits.Length == 0 ? 1 : fits[width % fits.Length];
            int full = k - (k % w);
            if ((classes & 1) != 0)
            {
                zero[0] = true;
            }

            if ((classes & 2) != 0)
            {
                zero[k - 1] = true;
            }

            if ((classes & 4) != 0 && full >= 2)
            {
                zero[1 + (r[0] % (full - 1))] = true;
            }

            if ((classes & 8) != 0 && full < k)
            {
                zero[full + (r[1] % (k - full))] = true;
            }

            if ((classes & 16) != 0)
            {
                for (int i = 0; i < k; i++)
                {
                    zero[i] |= u[i] < density;
                }
            }

            if ((classes & 32) != 0)
            {
                int start = r[2] % k, length = 1 + (r[3] % Math.Max(1, k / 4));
                for (int i = start; i < Math.Min(k, start + length); i++)
                {
                    zero[i] = true;
                }
            }

            if (zero.All(z => z))
            {
                zero[r[3] % k] = false;
            }

            return zero;
        }

        /// <summary>
        /// pᵢ ∝ exp(logwᵢ) where not <paramref name="zero"/>, 0 where it is; entries that would round to 0 (or below
        /// T's normal range) are raised to <see cref="SmallestNormal{T}"/>, so the support is exactly the complement of
        /// <paramref name="zero"/>. Σ = 1 to within rounding as in <see cref="Normalise{T}"/>.
        /// </summary>
        public static T[] FromLogWeights<T>(double[] logw, bool[] zero) where T : IBinaryFloatingPointIeee754<T>
        {
            int k = logw.Length;
            double max = double.NegativeInfinity;
            for (int i = 0; i < k; i++)
            {
                if (!zero[i])
                {
                    max = Math.Max(max, logw[i]);
                }
            }

            var w = new double[k];
            for (int i = 0; i < k; i++)
            {
                w[i] = zero[i] ? 0 : Math.Exp(logw[i] - max);
            }

            double s = NumericAssert.Sum(w); // ≥ 1: the largest weight is exp(0)
            for (int i = 0; i < k; i++)
            {
                w[i] = zero[i] ? 0 : Math.Max(w[i] / s, SmallestNormal<T>());
            }

            return LargestFromTheOthers<T>(w);
        }

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

            return LargestFromTheOthers<T>(w.Select(x => x / s).ToArray());
        }

        /// <summary>p rounded to T, then its largest entry replaced by 1 minus the (compensated) sum of the others.</summary>
        private static T[] LargestFromTheOthers<T>(double[] pd) where T : IBinaryFloatingPointIeee754<T>
        {
            T[] p = new T[pd.Length];
            int arg = 0;
            for (int i = 0; i < pd.Length; i++)
            {
                p[i] = T.CreateTruncating(pd[i]);
                if (p[i] > p[arg])
                {
                    arg = i;
                }
            }

            double[] others = new double[pd.Length];
            for (int i = 0; i < pd.Length; i++)
            {
                others[i] = i == arg ? 0 : double.CreateTruncating(p[i]);
            }

            p[arg] = T.CreateTruncating(1 - NumericAssert.Sum(others));
            return p;
        }
    }
}
