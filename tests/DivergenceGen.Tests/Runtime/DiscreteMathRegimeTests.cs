using System;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.Runtime
{
    /// <summary>
    /// Which formula each public <see cref="DiscreteMath"/> function uses where, written against mutants that survived
    /// <c>DiscreteMathTests</c> and <c>DiscreteOracleTests</c> (docs/testing.md): the reference rows all sit where every
    /// regime is accurate, so a switch moved or dropped went unseen. Here each law sits where only the documented regime
    /// is: NegativeBinomial(9, 0.02) is skewed (r·q = 8.8), where the trapezoid rule on the continuous extension is 6e−9
    /// off; NegativeBinomial(1e5, 0.9999) and (1e4, 0.999) are narrow (variance 10) with large r, where Binet's identity
    /// cancels to 1e−14 and the trapezoid rule is 1e−4 off; Geometric KL with one of 1 − p, 1 − q tiny and the other ½ is
    /// outside the "within a factor 2" form, whose d²/(p·q·(1 − q)) term then cancels against log1pmx to 5e−8.
    /// </summary>
    /// <remarks>
    /// References: 40-digit mpmath (direct sums of the pmf over k ≤ 8000 or 400, the rest below e^−135; Geometric KL in
    /// closed form), for the exact doubles passed. Bound 2e−15 relative: the documented accuracy of the lattice sum and
    /// of Binet's identity at r ≤ 8 is ≤ 9e−16 (measured here: ≤ 6.6e−16), and 2e−15 is the bound the regime-agreement
    /// tests already use; the wrong regime is ≥ 5× (Binet at r = 1e5: 1.1e−14) to 1e11× beyond it.
    /// </remarks>
    public sealed class DiscreteMathRegimeTests
    {
        [Theory]
        [InlineData(9.0, 0.02, 6.381387871558435217781684)]     // r·q = 8.8, variance 2.2e4: Binet (the trapezoid rule: 6e−9 off)
        [InlineData(1e5, 0.9999, 2.561508279874303548506895)]   // r > 8, variance 10: the lattice sum (Binet: 1.1e−14 off)
        [InlineData(1e4, 0.999, 2.562393824093419217740814)]    // r > 8, variance 10: the lattice sum (the trapezoid rule: 1e−4 off)
        public void NegativeBinomialEntropy_UsesTheRegimeThatIsAccurateForTheLaw(double r, double p, double want)
        {
            Close(want, DiscreteMath.NegativeBinomialEntropy(r, p), 2e-15, 0, $"H(NegativeBinomial({R(r)}, {R(p)}))");
        }

        /// <summary>
        /// A wide law, NegativeBinomial(1e9, ½) (variance 2e9, σ = 44,721), where the trapezoid rule walks 4,000 nodes of
        /// ~σ/4 from the mean: a mean passed wrong (r·q·p, r/q/p, or r(1 + p)/p: 1e9 to 3e9 off, ~10⁴σ) starts it where the
        /// pmf is 0 and it never reaches the bulk. Reference: the Gaussian ½·ln(2πe·variance); the lattice and skewness
        /// corrections are O(1/(r·q)) ≈ 2e−9 absolute here, so 1e−9 relative (of 12.1) bounds them.
        /// </summary>
        [Fact]
        public void NegativeBinomialEntropy_OfAWideLaw_IsTheGaussianEntropy()
        {
            const double r = 1e9, p = 0.5;
            double variance = r * (1 - p) / (p * p);
            double gaussian = 0.5 * Math.Log(2 * Math.PI * Math.E * variance);
            Close(gaussian, DiscreteMath.NegativeBinomialEntropy(r, p), 1e-9, 0, "H(NegativeBinomial(1e9, 0.5))");
        }

        /// <summary>
        /// H(Binomial(n, p)) = H(Binomial(n, 1 − p)) to the last bit (documented: computed with min(p, 1 − p); 1 − p is exact
        /// for p ≥ ½). Without the reflection the sum runs from a mode near n with the other tail's rounding: 1e−16 to 3e−15
        /// relative off, so some of these differ.
        /// </summary>
        [Fact]
        public void BinomialEntropy_IsExactlySymmetricInPAndOneMinusP()
        {
            int differ = 0;
            foreach (int n in new[] { 10, 100, 1000, 3999, 10_000, 100_000, 10_000_000 })
            {
                foreach (double p in new[] { 0.5000000000000001, 0.6, 0.7, 0.9, 0.99, 0.999999, 1 - 1e-9, 1 - 1e-12 })
                {
                    double h = DiscreteMath.BinomialEntropy(n, p);
                    double reflected = DiscreteMath.BinomialEntropy(n, 1 - p);
                    if (!h.Equals(reflected))
                    {
                        differ++;
                    }
                }
            }

            Assert.Equal(0, differ);
        }

        [Theory]
        [InlineData(0.5, 0.9999999999, 21.63955648618019865351842)]        // 1 − q = 1e−10 < (1 − p)/2
        [InlineData(0.9999999999, 0.5, 0.6931471782266747494692349)]       // 1 − p = 1e−10 < (1 − q)/2
        [InlineData(0.6, 0.9, 0.5187311326384295727750724)]                // 1 − q < (1 − p)/2, p, q within a factor 2
        [InlineData(0.9, 0.6, 0.2514324013170654931716361)]
        public void GeometricKL_OutsideTheCloseForm_IsAccurate(double p, double q, double want)
        {
            Close(want, DiscreteMath.GeometricKLDivergence(p, q), 2e-15, 0, $"KL(Geometric({R(p)}) ‖ Geometric({R(q)}))");
        }

        /// <summary>
        /// NegativeBinomialKLDivergence for laws with mean + 20σ in (2000, 5000] and P, Q close in both r and p: Binet's
        /// identity is tried first and cancels (its largest terms are 7 to 24 against a KL of 0.04 to 0.2; alone it is
        /// 1.0e−13 to 1.7e−12 off), so the documented fallback to the sum must fire: it is meant for exactly "where that [rounding]
        /// could exceed 1e−14 of the result". Written against the regime choice's mutants (docs/testing.md): the fallback
        /// removed, its test reversed or its bound divided, the 5000-term limit reversed, the estimate's mean or σ inflated
        /// (q = 1 + p, r/q), and each of the four terms of the cancellation estimate subtracted instead of added (the
        /// second point has J and (rP − rQ)·ln pP large, the first b and c, so each term is needed somewhere).
        /// </summary>
        /// <remarks>
        /// References: 50-digit mpmath, the pmf summed by its ratio recurrence from k = 0 until P(k) &lt; 1e−55 past the
        /// mean (Runtime/reference/make_regime_references.py), for the exact doubles passed. Bound 1e−14 relative, the
        /// fallback's own target; measured ≤ 3.9e−15 (the sum); Binet's identity alone is 10× to 170× beyond it.
        /// </remarks>
        [Theory]
        [InlineData(680.0, 0.3, 681.0, 0.303, 0.03895252711870663338375341)]      // estimate 3041; Binet 1.7e−12 off
        [InlineData(2900.0, 0.7, 2950.0, 0.7007, 0.08292996182501377869624013)]   // estimate 2086; Binet 1.0e−13 off
        [InlineData(1250.0, 0.3, 1240.0, 0.303, 0.2165576246271598816053365)]     // estimate 4889; Binet 5.5e−13 off
        [InlineData(500.0, 0.3, 520.0, 0.303, 0.1120088249703223388853105)]       // estimate 2414; Binet 3.9e−13 off
        public void NegativeBinomialKL_FallsBackToTheSumWhereBinetCancels(double rP, double pP, double rQ, double pQ, double want)
        {
            Close(want, DiscreteMath.NegativeBinomialKLDivergence(rP, pP, rQ, pQ), 1e-14, 0, $"KL(NB({R(rP)}, {R(pP)}) ‖ NB({R(rQ)}, {R(pQ)}))");
        }

        /// <summary>
        /// NegativeBinomial(5e−5, 1e−4): mean 0.5 and σ = 71, but for r &lt; 5 the pmf's tail decays only like q^k/k, so
        /// the sum needs ~42/p = 4e5 terms to reach P's 2⁻⁶⁰ (the estimate's "+ 50/p" term for r &lt; 5). Without that
        /// term (the term dropped, applied for r &gt; 5 instead, or 50·p) mean + 20σ = 1415 sends the law to the sum, which
        /// stops at its 2·10⁵-term cap and loses the tail: 2.4e−11 off. Binet's identity (chosen) is accurate here.
        /// </summary>
        /// <remarks>
        /// Reference: 50-digit mpmath by the ratio recurrence until P(k) &lt; 1e−55 (9.1e5 terms;
        /// Runtime/reference/make_regime_references.py). Bound 2e−15, the bound of the accurate regimes above; measured
        /// 9.6e−16 (Binet's rounding in its documented form, ε·|(rP − rQ)·ln pP|/KL, is 4e−16 here).
        /// </remarks>
        [Fact]
        public void NegativeBinomialKL_OfASmallRLawWithALongTail_IsNotTruncated()
        {
            Close(0.0001412784133001800136995119, DiscreteMath.NegativeBinomialKLDivergence(5e-5, 1e-4, 1e-4, 1e-4), 2e-15, 0, "KL(NB(5e-5, 1e-4) ‖ NB(1e-4, 1e-4))");
        }
    }
}
