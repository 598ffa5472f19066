using System;
using System.ComponentModel;
using System.Numerics;

namespace DivergenceGen
{
    /// <summary>
    /// Numerics behind the generated Multinomial(K, n) types (K classes, n trials, both compile-time constants; the type
    /// stores the K probabilities p and their logarithms in T, validated as the Categorical type's are): the log-pmf,
    /// the entropy, the cross-entropy and an exact sampler. Computed in double; the float types call these and cast.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Conventions (DESIGN.md §5): natural logarithms; 0·log 0 = 0 (a class with pᵢ = 0 and xᵢ = 0 contributes nothing);
    /// a log-pmf outside the support is −∞; valid inputs never give NaN. The KL divergence of two Multinomial(K, n) is
    /// n·KL(categoricals), which the generator computes with its Categorical kernel.
    /// </para>
    /// <para>
    /// The stored probabilities sum to 1 only to within the validation tolerance. The log-pmf is the literal formula
    /// for the stored pᵢ; the entropy is that of the law pᵢ/Σp (see <see cref="Entropy{T}"/>: the literal formula would
    /// turn a 1e−16 excess of Σp into (n·ln n − n)·1e−16 ≈ 2e−6 nats at n = 10⁹).
    /// </para>
    /// <para>
    /// Accuracy is measured against 50-digit mpmath
    /// (tests/DivergenceGen.Tests/VectorFamilies/multinomial_reference.json, make_multinomial_reference.py).
    /// </para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class MultinomialMath
    {
        /// <summary>½·ln(2π).</summary>
        private const double HalfLog2Pi = 0.9189385332046728;

        /// <summary>ln(2π).</summary>
        private const double Log2Pi = 1.8378770664093456;

        /// <summary>Relative size below which the rest of an expectation's sum is dropped (2⁻⁶⁴).</summary>
        private const double Negligible = 5.421010862427522E-20;

        /// <summary>
        /// Variance n·p·(1 − p) above which a class's expectations leave the lattice sum (≤ ~600 terms) for the trapezoid
        /// rule on the continuous extension (~60–150 nodes), as <see cref="DiscreteMath.BinomialEntropy"/> does.
        /// </summary>
        private const double SmoothVariance = 1e3;

        /// <summary>K up to which <see cref="Sample{T}"/> keeps its suffix sums on the stack.</summary>
        private const int StackClasses = 128;

        // ---- log-pmf ---------------------------------------------------------------------------------------------

        /// <summary>
        /// ln P(X = x) for X ~ Multinomial(K, n; p): ln n! − Σ ln xᵢ! + Σ xᵢ·ln pᵢ, with 0·ln 0 = 0 (xᵢ = 0 contributes
        /// nothing, also where pᵢ = 0). −∞ where some xᵢ &gt; 0 has pᵢ = 0, where a count is negative, or where the counts
        /// do not sum to n (summed in long: no overflow).
        /// </summary>
        /// <remarks>
        /// <para>
        /// Loader's saddle-point form, generalised from the binomial (as <see cref="DiscreteMath.BinomialLogPmf"/>): with m
        /// the number of non-zero counts,
        /// stirlerr(n) − Σ_{xᵢ&gt;0} stirlerr(xᵢ) − Σᵢ bd0(xᵢ, n·pᵢ) + n·(Σp − 1) − ½·((m − 1)·ln 2π + Σ_{xᵢ&gt;0} ln xᵢ − ln n),
        /// which equals the formula exactly (bd0(0, μ) = μ; the n·(Σp − 1) term, from a compensated Σp, restores what
        /// the bd0 terms assume away when the stored p do not sum to exactly 1). No ln Γ of size n·ln n is formed, so at
        /// n = 10⁹ the result (≈ −10) keeps its digits where ln n! − Σ ln xᵢ! would lose ~2e10·ε ≈ 4e−6. Each n·pᵢ is a
        /// double-double (FMA), since bd0 near its minimum needs xᵢ − n·pᵢ exactly. m = 1 (xₖ = n) gives n·ln pₖ; n = 1
        /// gives the stored log pₖ exactly (the Categorical's value).
        /// </para>
        /// <para>
        /// Measured against 50-digit mpmath: ≤ 0.99ε·max(|value|, 1) (ε = 2⁻⁵²) over 432 cases, K = 2 … 100, n up to
        /// 2³¹ − 1, counts at and 3σ from the mean, all in one class, p down to 1e−12 (the tests allow 3ε). Cost O(K): K
        /// Stirling errors, deviances and logarithms.
        /// </para>
        /// </remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="probabilities">The K stored probabilities.</param>
        /// <param name="logProbabilities">Their stored logarithms (read only for n = 1).</param>
        /// <param name="trials">n ≥ 0.</param>
        /// <param name="counts">The K counts x.</param>
        /// <returns>ln P(X = x).</returns>
        /// <exception cref="ArgumentException"><paramref name="counts"/> does not have K elements.</exception>
        public static double LogPmf<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> logProbabilities, int trials, ReadOnlySpan<int> counts)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            Guard.ThrowIfLengthIsNot(counts.Length, probabilities.Length, nameof(counts));
            long total = 0;
            int nonZero = 0, last = -1;
            for (int i = 0; i < counts.Length; i++)
            {
                int x = counts[i];
                if (x < 0)
                {
                    return double.NegativeInfinity;
                }

                if (x > 0)
                {
                    if (!(probabilities[i] > T.Zero))
                    {
                        return double.NegativeInfinity;
                    }

                    nonZero++;
                    last = i;
                }

                total += x;
            }

            if (total != trials)
            {
                return double.NegativeInfinity;
            }

            if (trials == 0)
            {
                return 0.0;
            }

            if (trials == 1)
            {
                return double.CreateTruncating(logProbabilities[last]);
            }

            double n = trials;
            if (nonZero == 1)
            {
                return n * Math.Log(double.CreateTruncating(probabilities[last]));
            }

            // Σp − 1 from a two-sum (exact to ~2⁻¹⁰⁶): n·(Σp − 1) is ~1e−6 at n = 10⁹ when Σp is 1 ± 1e−15.
            double sumHi = 0.0, sumLo = 0.0;
            var terms = default(CompensatedSum);
            terms.Add(SpecialFunctions.StirlingError(n));
            for (int i = 0; i < counts.Length; i++)
            {
                double p = double.CreateTruncating(probabilities[i]);
                TwoSum(ref sumHi, ref sumLo, p);
                if (!(p > 0))
                {
                    continue; // xᵢ = 0 here (checked above): bd0(0, 0) = 0
                }

                double x = counts[i];
                double npHi = n * p;
                double npLo = Math.FusedMultiplyAdd(n, p, -npHi);
                if (x == 0)
                {
                    terms.Add(-npHi);
                    terms.Add(-npLo);
                    continue;
                }

                terms.Add(-SpecialFunctions.StirlingError(x));
                terms.Add(-DiscreteMath.Deviance(x, npHi, npLo));
                terms.Add(-0.5 * Math.Log(x));
            }

            terms.Add(n * ((sumHi - 1.0) + sumLo));
            terms.Add(0.5 * Math.Log(n));
            terms.Add(-0.5 * (nonZero - 1) * Log2Pi);
            return Math.Min(terms.Value, 0.0);
        }

        // ---- entropy and cross-entropy ---------------------------------------------------------------------------

        /// <summary>
        /// Entropy (nats) of Multinomial(K, n; p): H = −ln n! − n·Σ pᵢ·ln pᵢ + Σᵢ E[ln Xᵢ!], Xᵢ ~ Binomial(n, pᵢ), for
        /// the law with probabilities pᵢ/Σp. Classes with pᵢ = 0 contribute nothing; n = 0 gives 0.
        /// </summary>
        /// <remarks>
        /// <para>
        /// Form without cancellation. Write ln x! = x·ln x − x + r(x), r(x) = ½·ln(2πx) + stirlerr(x) (r(0) = 0, r
        /// increasing), and x·ln x − x = μ·ln μ − μ + (x − μ)·ln μ + bd0(x, μ). The n·ln n, n and n·Σ p·ln p parts then
        /// cancel analytically (Σp = 1), leaving H = −r(n) + Σᵢ E[bd0(Xᵢ, n·pᵢ) + r(Xᵢ)], every term O(ln n): the result
        /// grows like ½(K − 1)·ln n and no ln n! ≈ 2e10 is ever formed. For the largest class k, −r(n) is folded into its
        /// expectation as E[bd0(Xₖ, n·pₖ)] − E[r(n) − r(Xₖ)], both sums of non-negative terms, r(n) − r(x) = ½·ln(n/x) −
        /// (stirlerr(x) − stirlerr(n)) with at most ¼ cancelling; so a nearly deterministic law (p = (1 − 10⁻¹², 10⁻¹²),
        /// H ≈ 3e−10 at n = 10) keeps its relative accuracy too (measured ≤ 0.78ε relative to H itself).
        /// </para>
        /// <para>
        /// Each expectation, per class: variance npq ≤ 10³: the exact sum over the support from the mode outward (pmf
        /// from the accurate log-pmf; from a mode at 0 or n by the ratio recurrence), stopped when a rigorous bound on the
        /// rest (log-concavity bounds the pmf by a geometric series; bd0 grows at most like ln(n/μ) per step, r like
        /// 1/(2x)) is below 2⁻⁶⁴ of the sum; npq &gt; 10³: the trapezoid rule on the continuous (Γ) extension with step a
        /// power of two in (σ/8, σ/4] on exact nodes, which equals the lattice sum to ~exp(−2π²·16) relative (Poisson
        /// summation; the singularities at −1 and n + 1 are ≥ 30σ away), as in <see cref="DiscreteMath.BinomialEntropy"/>.
        /// Each expectation is divided by the sum of the weights it used (self-normalised: the pmf's common rounding
        /// cancels). Cost: ≤ ~600 log-pmf evaluations per class (O(K·min(√(npq), 600))), bounded for every n ≤ 2³¹ − 1.
        /// </para>
        /// <para>
        /// Measured against 50-digit mpmath: ≤ 1.33ε relative to max(H, 1) over 105 cases (K = 2 … 100, n = 0 … 2³¹ − 1,
        /// classes of 10⁻¹² and 0; the tests allow 3ε); the two regimes agree to 0.82ε across the switch; K = 2 agrees
        /// with <see cref="DiscreteMath.BinomialEntropy"/> to 3.7ε. n = 2³¹ − 1 with K = 100 takes ~20 ms.
        /// </para>
        /// </remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="probabilities">The K stored probabilities.</param>
        /// <param name="logProbabilities">Their stored logarithms: not read (the n·Σ p·ln p terms cancel analytically);
        /// accepted so that the generated calls have one shape.</param>
        /// <param name="trials">n ≥ 0.</param>
        /// <returns>The entropy in nats.</returns>
        public static double Entropy<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> logProbabilities, int trials)
            where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
            trials <= 0 ? 0.0 : EntropyCore(probabilities, trials);

        /// <summary>
        /// Cross-entropy (nats) H(P, Q) = −E_P[ln q(X)] of two Multinomial(K, n):
        /// −ln n! + Σᵢ E_P[ln Xᵢ!] − n·Σ pᵢ·ln qᵢ = H(P) + n·Σ_{pᵢ&gt;0} pᵢ·(ln pᵢ − ln qᵢ).
        /// +∞ where some pᵢ &gt; 0 has qᵢ = 0; classes with pᵢ = 0 contribute nothing; n = 0 gives 0.
        /// </summary>
        /// <remarks>
        /// H(P) as in <see cref="Entropy{T}"/> (the same code); the second part from the stored log-probabilities of
        /// both laws (compensated; clamped at 0, since a KL is never negative, DESIGN.md §5), so H(P, P) = H(P) exactly and
        /// H(P, Q) − H(P) is n·KL(categoricals) to rounding (each p·(ln p − ln q) an exact two-product, since these cancel
        /// where P ≈ Q). Measured: ≤ 0.84ε relative to max(H(P, Q), 1) against 50-digit mpmath at the stored inputs
        /// (17 cases up to n = 10⁹, |p − q| down to 1e−6; the tests allow 3ε).
        /// </remarks>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="probabilitiesP">P's K stored probabilities.</param>
        /// <param name="logProbabilitiesP">P's stored log-probabilities.</param>
        /// <param name="logProbabilitiesQ">Q's stored log-probabilities.</param>
        /// <param name="trials">n ≥ 0 (both laws').</param>
        /// <returns>H(P, Q) in nats.</returns>
        public static double CrossEntropy<T>(ReadOnlySpan<T> probabilitiesP, ReadOnlySpan<T> logProbabilitiesP, ReadOnlySpan<T> logProbabilitiesQ, int trials)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            if (trials <= 0)
            {
                return 0.0;
            }

            var kl = default(CompensatedSum);
            for (int i = 0; i < probabilitiesP.Length; i++)
            {
                double p = double.CreateTruncating(probabilitiesP[i]);
                if (!(p > 0))
                {
                    continue;
                }

                double logQ = double.CreateTruncating(logProbabilitiesQ[i]);
                if (double.IsNegativeInfinity(logQ))
                {
                    return double.PositiveInfinity;
                }

                // p·(ln p − ln q) as an exact two-product: where P ≈ Q these terms (~|p − q|) cancel to KL ~ (p − q)²,
                // and n times their rounding would otherwise reach the result (15ε at n = 10⁹ with |p − q| = 1e−6).
                double d = double.CreateTruncating(logProbabilitiesP[i]) - logQ;
                double product = p * d;
                kl.Add(product);
                kl.Add(Math.FusedMultiplyAdd(p, d, -product));
            }

            return EntropyCore(probabilitiesP, trials) + ((double)trials * Math.Max(kl.Value, 0.0));
        }

        // ---- sampler ---------------------------------------------------------------------------------------------

        /// <summary>
        /// A Multinomial(K, n; p) variate into <paramref name="counts"/> by conditional binomials:
        /// Xᵢ ~ Binomial(n − Σ_{j&lt;i} Xⱼ, pᵢ / Σ_{j≥i} pⱼ) (<see cref="DiscreteMath.SampleBinomial"/>, exact), the
        /// remaining mass a suffix sum of the probabilities (not 1 − a prefix, which cancels for the last classes); the
        /// last class with pᵢ &gt; 0 takes the rest, so the counts always sum to n exactly and a class with pᵢ = 0 gets 0.
        /// Deterministic given <paramref name="random"/>'s state; n ≤ 0 gives all zeros.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="probabilities">The K stored probabilities.</param>
        /// <param name="trials">n ≥ 0.</param>
        /// <param name="counts">Receives the K counts.</param>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="counts"/> does not have K elements.</exception>
        public static void Sample<T>(Random random, ReadOnlySpan<T> probabilities, int trials, Span<int> counts)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(random);
            Guard.ThrowIfLengthIsNot(counts.Length, probabilities.Length, nameof(counts));
            int classes = probabilities.Length;
            Span<double> rest = classes <= StackClasses ? stackalloc double[classes] : new double[classes];
            int lastPositive = -1;
            double suffix = 0.0;
            for (int i = classes - 1; i >= 0; i--)
            {
                double p = double.CreateTruncating(probabilities[i]);
                if (p > 0 && lastPositive < 0)
                {
                    lastPositive = i;
                }

                suffix += p;
                rest[i] = suffix;
            }

            int remaining = Math.Max(trials, 0);
            for (int i = 0; i < classes; i++)
            {
                double p = double.CreateTruncating(probabilities[i]);
                int x;
                if (i == lastPositive)
                {
                    x = remaining;
                }
                else if (remaining == 0 || !(p > 0))
                {
                    x = 0;
                }
                else
                {
                    x = (int)DiscreteMath.SampleBinomial(random, remaining, Math.Min(p / rest[i], 1.0));
                }

                counts[i] = x;
                remaining -= x;
            }
        }

        // ---- internals -------------------------------------------------------------------------------------------

        /// <summary>H of the law pᵢ/Σp, n ≥ 1: Σ_{i≠k} E[bd0 + r](Xᵢ) + E[bd0](Xₖ) − E[r(n) − r(Xₖ)], k the largest class.</summary>
        private static double EntropyCore<T>(ReadOnlySpan<T> probabilities, int trials)
            where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var total = default(CompensatedSum);
            int largest = 0;
            for (int i = 0; i < probabilities.Length; i++)
            {
                total.Add(double.CreateTruncating(probabilities[i]));
                if (probabilities[i] > probabilities[largest])
                {
                    largest = i;
                }
            }

            double sum = total.Value;
            var h = default(CompensatedSum);
            for (int i = 0; i < probabilities.Length; i++)
            {
                double p = double.CreateTruncating(probabilities[i]) / sum;
                if (!(p > 0))
                {
                    continue;
                }

                var e = ClassExpectations(trials, p, i == largest);
                h.Add(e.Deviance);
                h.Add(i == largest ? -e.Stirling : e.Stirling);
            }

            return Math.Max(h.Value, 0.0);
        }

        /// <summary>
        /// For X ~ Binomial(n, p), 0 &lt; p ≤ 1: E[bd0(X, np)] and E[r(X)] (or, for the largest class, E[r(n) − r(X)]),
        /// both sums of non-negative terms.
        /// </summary>
        internal static (double Deviance, double Stirling) ClassExpectations(int trials, double p, bool largest)
        {
            var f = new ClassTerms(trials, p, largest);
            return trials * p * (1.0 - p) <= SmoothVariance ? f.Lattice() : f.Smooth();
        }

        /// <summary>The lattice sum of a class's expectations (internal: the tests compare the two regimes).</summary>
        internal static (double Deviance, double Stirling) ClassExpectationsLattice(int trials, double p, bool largest) =>
            new ClassTerms(trials, p, largest).Lattice();

        /// <summary>The trapezoid rule for a class's expectations (npq large).</summary>
        internal static (double Deviance, double Stirling) ClassExpectationsSmooth(int trials, double p, bool largest) =>
            new ClassTerms(trials, p, largest).Smooth();

        private static void TwoSum(ref double hi, ref double lo, double x)
        {
            double s = hi + x;
            double bb = s - hi;
            lo += (hi - (s - bb)) + (x - bb);
            hi = s;
        }

        /// <summary>The summands of one class: the pmf of Binomial(n, p) and the two functions averaged under it.</summary>
        private readonly struct ClassTerms
        {
            private readonly double n;
            private readonly double p;
            private readonly double q;
            private readonly double npHi;
            private readonly double npLo;
            private readonly bool largest;
            private readonly double stirlingN;

            public ClassTerms(int trials, double p, bool largest)
            {
                n = trials;
                this.p = p;
                q = 1.0 - p;
                npHi = n * p;
                npLo = Math.FusedMultiplyAdd(n, p, -npHi);
                this.largest = largest;
                stirlingN = SpecialFunctions.StirlingError(n);
            }

            private double Mean => npHi + npLo;

            /// <summary>ln P(X = x) on the continuous extension, 0 ≤ x ≤ n.</summary>
            private double LogPmf(double x) => DiscreteMath.BinomialRaw(x, n, 0.0, n - x, p);

            /// <summary>P(x + 1)/P(x) for integer x.</summary>
            private double RatioUp(double x) => (n - x) * p / ((x + 1) * q);

            /// <summary>P(x − 1)/P(x) for integer x ≥ 1.</summary>
            private double RatioDown(double x) => x * q / ((n - x + 1) * p);

            /// <summary>bd0(x, np) ≥ 0 (np as a double-double).</summary>
            private double Deviance(double x) => x == 0 ? Mean : DiscreteMath.Deviance(x, npHi, npLo);

            /// <summary>r(x) = ln x! − x·ln x + x (non-largest class), or r(n) − r(x) (largest class); both ≥ 0.</summary>
            private double Stirling(double x)
            {
                if (!largest)
                {
                    return x == 0 ? 0.0 : HalfLog2Pi + (0.5 * Math.Log(x)) + SpecialFunctions.StirlingError(x);
                }

                if (x == n)
                {
                    return 0.0;
                }

                if (x == 0)
                {
                    return HalfLog2Pi + (0.5 * Math.Log(n)) + stirlingN;
                }

                // ½·ln(n/x) − (stirlerr(x) − stirlerr(n)): the second part (≥ 0, stirlerr decreases) is at most ¼ of the
                // first (≈ 1/(6x) of it), so little cancels; n − x is exact for x ≥ n/2, where ln(n/x) = −log1p(−(n − x)/n)
                // keeps its relative accuracy.
                double logRatio = x >= 0.5 * n ? -ScalarMath.Log1p(-(n - x) / n) : Math.Log(n / x);
                return (0.5 * logRatio) - (SpecialFunctions.StirlingError(x) - stirlingN);
            }

            /// <summary>
            /// The sums from the mode outward. A side stops when a bound on its rest is below 2⁻⁶⁴ of the sums: the pmf is
            /// log-concave, so past x it is below P(x)·ρʲ (ρ the current step ratio); above the mode bd0 grows by at most
            /// ln(n/μ) a step and r by at most 1/(2x) (r(n) − r(x) decreases); below it bd0 ≤ bd0(0) = μ, r(y) ≤ r(x) and
            /// r(n) − r(y) ≤ r(n).
            /// </summary>
            public (double Deviance, double Stirling) Lattice()
            {
                double mean = Mean;
                double mode = Math.Min(Math.Floor((n + 1.0) * p), n);
                var mass = default(CompensatedSum);
                var dev = default(CompensatedSum);
                var sti = default(CompensatedSum);
                double modeProb = Math.Exp(LogPmf(mode));
                double modeDeviance = Deviance(mode), modeStirling = Stirling(mode);
                mass.Add(modeProb);
                dev.Add(modeProb * modeDeviance);
                sti.Add(modeProb * modeStirling);
                double slope = Math.Log(n / mean);

                double prob = modeProb, f = modeDeviance + modeStirling;
                for (double x = mode; x < n; x++)
                {
                    double ratio = RatioUp(x);
                    double step = slope + (largest ? 0.0 : 0.5 / Math.Max(x, 1.0));
                    if (ratio < 1 && Small(prob, ratio, f, step, mass.Value, dev.Value + sti.Value))
                    {
                        break;
                    }

                    // From a mode at 0 by the recurrence: exp of a log-pmf near −690 would carry |ln P|·ε.
                    double next = x + 1;
                    prob = mode == 0 ? prob * ratio : Math.Exp(LogPmf(next));
                    if (!(prob > 0))
                    {
                        break;
                    }

                    double d = Deviance(next), s = Stirling(next);
                    mass.Add(prob);
                    dev.Add(prob * d);
                    sti.Add(prob * s);
                    f = d + s;
                }

                // Below the mode: bd0(y) ≤ bd0(0) = μ; r(y) ≤ r(x), or r(n) − r(y) ≤ r(n) for the largest class.
                prob = modeProb;
                double stirlingBound = largest ? Stirling(0) : modeStirling;
                for (double x = mode; x > 0; x--)
                {
                    double ratio = RatioDown(x);
                    if (ratio < 1 && Small(prob, ratio, mean + stirlingBound, 0.0, mass.Value, dev.Value + sti.Value))
                    {
                        break;
                    }

                    // From a mode at n (the largest class of a nearly deterministic law) by the recurrence, likewise.
                    double next = x - 1;
                    prob = mode == n ? prob * ratio : Math.Exp(LogPmf(next));
                    if (!(prob > 0))
                    {
                        break;
                    }

                    double d = Deviance(next), s = Stirling(next);
                    mass.Add(prob);
                    dev.Add(prob * d);
                    sti.Add(prob * s);
                    if (!largest)
                    {
                        stirlingBound = s;
                    }
                }

                double total = mass.Value;
                return (dev.Value / total, sti.Value / total);
            }

            /// <summary>
            /// The trapezoid rule on the continuous extension: nodes m ± j·h, m the rounded mean, h a power of two in
            /// (σ/8, σ/4] (every node exact). Used for npq &gt; 10³, where both ends of the support are ≥ 30σ away.
            /// </summary>
            public (double Deviance, double Stirling) Smooth()
            {
                double sigma = Math.Sqrt(n * p * q);
                double h = Math.ScaleB(1.0, Math.ILogB(0.25 * sigma));
                double center = Math.Round(Mean);
                var mass = default(CompensatedSum);
                var dev = default(CompensatedSum);
                var sti = default(CompensatedSum);
                Add(center, ref mass, ref dev, ref sti);
                for (int side = -1; side <= 1; side += 2)
                {
                    for (int j = 1; j < 4000; j++)
                    {
                        double x = center + (side * j * h);
                        if (!(x > 0 && x < n))
                        {
                            break;
                        }

                        double term = Add(x, ref mass, ref dev, ref sti);
                        if (j * h > 6 * sigma && term <= Negligible * (dev.Value + sti.Value))
                        {
                            break;
                        }
                    }
                }

                double total = mass.Value;
                return (dev.Value / total, sti.Value / total);
            }

            private double Add(double x, ref CompensatedSum mass, ref CompensatedSum dev, ref CompensatedSum sti)
            {
                double prob = Math.Exp(LogPmf(x));
                double d = prob * Deviance(x);
                double s = prob * Stirling(x);
                mass.Add(prob);
                dev.Add(d);
                sti.Add(s);
                return d + s + prob;
            }

            /// <summary>
            /// Whether Σ_{j≥1} P·ρʲ·(f + j·step) = P·(f·ρ/(1 − ρ) + step·ρ/(1 − ρ)²) is below 2⁻⁶⁴ of the sums, and the
            /// remaining mass P·ρ/(1 − ρ) below 2⁻⁶⁴ of the mass.
            /// </summary>
            private static bool Small(double prob, double ratio, double f, double step, double mass, double sums)
            {
                double g = ratio / (1 - ratio);
                double rest = prob * ((f * g) + (step * g / (1 - ratio)));
                return rest <= Negligible * sums && prob * g <= Negligible * mass;
            }
        }
    }
}
