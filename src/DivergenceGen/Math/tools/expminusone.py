#!/usr/bin/env python3
"""Writes VectorMath.ExpMinusOne.cs: phi(x) = e^x - 1 - x and e^x - 1 per precision (double, float), with the 1/k!
coefficients from mpmath, as Vector128 methods marked [WidthTemplate(256, 512)]: the build writes the 256- and 512-bit
copies (generator/DivergenceGen.WidthTemplates). Not run by the build or CI. Needs mpmath. Run from src/DivergenceGen/Math."""
from mpmath import mp, factorial

mp.dps = 40
dc = [repr(float(1 / factorial(k))) for k in range(2, 26)]
fc = [repr(float(1 / factorial(k))) + "f" for k in range(2, 16)]
widths = [128]  # the templates; [WidthTemplate(256, 512)] has the build write the other widths
out = []
out.append('''using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DivergenceGen
{
    /// <summary>
    /// φ(x) = eˣ − 1 − x and eˣ − 1 lane-wise, accurate where x is near 0: the diagonal-normal KL divergence is
    /// ½Σ(Δμ²/σq² + φ(log σp² − log σq²)), a sum of non-negative terms that keeps full relative accuracy where P ≈ Q, and its
    /// gradient in log σp² is ½·(e^(log σp² − log σq²) − 1). Written by tools/expminusone.py (the
    /// Vector128 methods; the build copies them to 256 and 512 bits, [WidthTemplate]).
    /// </summary>
    /// <remarks>
    /// For −1 ≤ x ≤ 2 both come from φ(x) = x²·Σ_{k≥2} x^(k−2)/k! (Taylor, Horner, to k = 25 for double and 15 for float:
    /// the truncation is below 10⁻² of an ulp): for x ≥ 0 every term is positive, for x ≥ −1 each term is smaller than the
    /// one before; eˣ − 1 = x + φ(x). Outside, exp(x) − 1 − x and exp(x) − 1, which cancel by at most a factor 2 there
    /// (e² − 3 = 4.4 against e² = 7.4; e⁻¹ − 1 + 1 = 0.37 against 1). Measured against 50-digit mpmath in
    /// tests/DivergenceGen.Tests/Runtime/ExpMinusOneTests.cs (the bounds are stated there). φ(+∞) = +∞ (also where exp overflows: φ(x) &gt; e^x/2 there),
    /// φ(−∞) = +∞, NaN → NaN; eˣ − 1 is −1 at −∞ and +∞ at +∞.
    /// </remarks>
    public static partial class VectorMath
    {
        /// <summary>The largest x whose exp is finite: above it φ(x) = eˣ − 1 − x is +∞ (double).</summary>
        private const double ExpOverflowDouble = 709.782712893384;

        /// <summary>The largest x whose exp is finite: above it φ(x) = eˣ − 1 − x is +∞ (float).</summary>
        private const float ExpOverflowSingle = 88.72283f;
''')
for t, coeffs, ov, one, two in [("double", dc, "ExpOverflowDouble", "1d", "2d"), ("float", fc, "ExpOverflowSingle", "1f", "2f")]:
    for b in widths:
        V = f"Vector{b}"
        VT = f"Vector{b}<{t}>"
        suffix = "d" if t == "double" else ""
        lit = [c + suffix if t == "double" else c for c in reversed(coeffs)]
        steps = "\n".join(f"            p = PortableVectorMath.ExpMultiplyAdd(p, x, {V}.Create({c}));" for c in lit[1:])
        out.append(f'''
        /// <summary>
        /// φ(x) = x²·Σ_{{k≥2}} x^(k−2)/k! for −1 ≤ x ≤ 2, by Horner with literal coefficients and the exp's multiply-add
        /// (fused where the CPU has FMA): straight-line, so that where ExpMinusOneMinus and Expm1 are both inlined on the
        /// same x (a KL term and its gradient) the JIT computes it, and the exp, once.
        /// </summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static {VT} ExpGapSeries({VT} x)
        {{
            {VT} p = {V}.Create({lit[0]});
{steps}
            return x * x * p;
        }}

        /// <summary>The lanes where −1 ≤ x ≤ 2 (the series' range).</summary>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static {VT} InSeriesRange({VT} x) =>
            {V}.GreaterThanOrEqual(x, {V}.Create(-{one})) & {V}.LessThanOrEqual(x, {V}.Create({two}));

        /// <summary>φ(x) = eˣ − 1 − x ≥ 0 in each lane, with full relative accuracy near 0 (≈ x²/2); see the type's remarks.</summary>
        /// <param name="x">The lanes.</param>
        /// <returns>A vector whose lane i is e^x[i] − 1 − x[i] (+∞ at ±∞ and where exp overflows).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static {VT} ExpMinusOneMinus({VT} x)
        {{
            {VT} large = {V}.ConditionalSelect(
                {V}.GreaterThan(x, {V}.Create({ov})), {V}.Create({t}.PositiveInfinity), Exp(x) - {VT}.One - x);
            return {V}.ConditionalSelect(InSeriesRange(x), ExpGapSeries(x), large);
        }}

        /// <summary>eˣ − 1 in each lane, with full relative accuracy near 0; see the type's remarks.</summary>
        /// <param name="x">The lanes.</param>
        /// <returns>A vector whose lane i is e^x[i] − 1 (−1 at −∞, +∞ at +∞).</returns>
        [WidthTemplate(256, 512)]
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static {VT} Expm1({VT} x) =>
            {V}.ConditionalSelect(InSeriesRange(x), x + ExpGapSeries(x), Exp(x) - {VT}.One);
''')
out.append("    }\n}\n")
with open("VectorMath.ExpMinusOne.cs", "w", encoding="utf-8") as f:
    f.write("".join(out))
