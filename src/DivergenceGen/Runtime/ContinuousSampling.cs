using System;
using System.ComponentModel;

namespace DivergenceGen
{
    /// <summary>
    /// Exact samplers of the continuous families (Normal, LogNormal, Exponential, Gamma, Beta, Laplace, Uniform) from a
    /// <see cref="Random"/>, in double. Generated types call these from their <c>Sample</c> members (looping for batches).
    /// </summary>
    /// <remarks>
    /// <para>
    /// "Exact" means exact in distribution given independent uniforms: no approximation such as a sum of 12 uniforms.
    /// The uniforms are <see cref="Random.NextDouble"/>'s, multiples of 2⁻⁵³ in [0, 1); where a method needs (0, 1] it
    /// uses 1 − <see cref="Random.NextDouble"/> (exact), so no logarithm of 0 is ever taken. That resolution bounds the
    /// tails a single uniform can reach: −ln U ≤ 53·ln 2 = 36.7 for the exponential and the Laplace; the normal (polar
    /// method) reaches |Z| ≈ 8.6, far beyond its 1e−17 tail.
    /// </para>
    /// <para>
    /// No member keeps state between calls (no cached second normal), so the stream of variates is a function of the
    /// <see cref="Random"/>'s state alone: the same seed gives the same sequence whatever was sampled before on other
    /// sources. Parameters are validated by the caller (a generated type) and are not checked here; each member documents
    /// its domain and what it returns at the boundary. Each member throws <see cref="ArgumentNullException"/> for a null
    /// random source, and nothing else.
    /// </para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ContinuousSampling
    {
        /// <summary>The smallest positive normal double, 2⁻¹⁰²².</summary>
        private const double MinNormal = 2.2250738585072014E-308;

        /// <summary>
        /// A standard normal variate N(0, 1) by Marsaglia's polar method: (u, v) uniform in the square [−1, 1)², rejected
        /// unless 0 &lt; s = u² + v² &lt; 1 (probability π/4 of acceptance), then u·√(−2·ln s / s).
        /// </summary>
        /// <remarks>
        /// The polar method yields two independent normals, u·f and v·f; the second is discarded so that no state is kept
        /// (a cached value would make the sequence depend on call history and would not be thread-agnostic). A ziggurat
        /// would be ~2× faster but needs 128–256-entry tables and a separate tail sampler; this method is exact, has no
        /// tables, and is the one the discrete samplers have always used (their streams are unchanged). Cost: on average
        /// 4/π pairs of uniforms, one logarithm and one square root.
        /// </remarks>
        /// <param name="random">The source of uniforms.</param>
        /// <returns>A N(0, 1) variate, |Z| ≤ ~8.6.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double StandardNormal(Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            return NextNormal(random);
        }

        /// <summary>A Normal(mean, standardDeviation) variate: mean + standardDeviation·Z with Z from <see cref="StandardNormal"/>.</summary>
        /// <remarks>
        /// Domain: mean finite, standardDeviation &gt; 0 finite. One rounding of the product and one of the sum: for a huge
        /// mean (1e9) the variate keeps the noise to the resolution of doubles near the mean. The result overflows to ±∞
        /// only if |mean| + 8.6·standardDeviation exceeds <see cref="double.MaxValue"/>.
        /// </remarks>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="mean">The mean μ.</param>
        /// <param name="standardDeviation">The standard deviation σ &gt; 0.</param>
        /// <returns>The variate.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double Normal(Random random, double mean, double standardDeviation)
        {
            ArgumentNullException.ThrowIfNull(random);
            return mean + (standardDeviation * NextNormal(random));
        }

        /// <summary>
        /// One draw of a diagonal normal on ℝᴰ into <paramref name="destination"/>: destinationᵢ = μᵢ + exp(½·log σᵢ²)·Zᵢ with
        /// independent Zᵢ from <see cref="StandardNormal"/>, in double, rounded once to T.
        /// </summary>
        /// <typeparam name="T">double or float.</typeparam>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="mean">The D means (finite).</param>
        /// <param name="logVariance">The D log-variances (finite).</param>
        /// <param name="destination">Receives the D coordinates; at least D long.</param>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than D.</exception>
        public static void DiagonalNormal<T>(Random random, ReadOnlySpan<T> mean, ReadOnlySpan<T> logVariance, Span<T> destination)
            where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
        {
            ArgumentNullException.ThrowIfNull(random);
            Guard.ThrowIfDestinationTooShort(mean.Length, destination.Length);
            for (int i = 0; i < mean.Length; i++)
            {
                double sigma = Math.Exp(0.5 * double.CreateTruncating(logVariance[i]));
                destination[i] = T.CreateTruncating(double.CreateTruncating(mean[i]) + (sigma * NextNormal(random)));
            }
        }

        /// <summary>A LogNormal(mu, sigma) variate: exp(mu + sigma·Z) with Z from <see cref="StandardNormal"/>.</summary>
        /// <remarks>
        /// Domain: mu finite, sigma &gt; 0 finite (the parameters of ln X ~ Normal(mu, sigma)). The result is ≥ 0: it
        /// underflows to 0 where mu + sigma·Z &lt; −745 and overflows to +∞ above 709.78, as the exact variate does in double.
        /// </remarks>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="mu">The mean of ln X.</param>
        /// <param name="sigma">The standard deviation of ln X, &gt; 0.</param>
        /// <returns>The variate, in [0, +∞].</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double LogNormal(Random random, double mu, double sigma)
        {
            ArgumentNullException.ThrowIfNull(random);
            return Math.Exp(mu + (sigma * NextNormal(random)));
        }

        /// <summary>
        /// A standard exponential variate Exp(1): −ln U with U = 1 − <see cref="Random.NextDouble"/> uniform in (0, 1] (inversion;
        /// U is never 0, so no ln 0). The result is in [0, 53·ln 2 = 36.74].
        /// </summary>
        /// <param name="random">The source of uniforms.</param>
        /// <returns>The variate, ≥ 0.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double StandardExponential(Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            return NextExponential(random);
        }

        /// <summary>An Exponential(rate) variate (density rate·e^(−rate·x), x ≥ 0): <see cref="StandardExponential"/>/rate.</summary>
        /// <remarks>Domain: rate &gt; 0 finite. The result is ≥ 0; it overflows to +∞ only for rate below ~2e−307.</remarks>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="rate">The rate λ &gt; 0 (the mean is 1/λ).</param>
        /// <returns>The variate, ≥ 0.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double Exponential(Random random, double rate)
        {
            ArgumentNullException.ThrowIfNull(random);
            return NextExponential(random) / rate;
        }

        /// <summary>
        /// A Gamma(shape, rate) variate (density ∝ x^(shape − 1)·e^(−rate·x), x &gt; 0; mean shape/rate). shape ≥ 1:
        /// Marsaglia–Tsang (2000) squeeze-and-reject on (1 + c·Z)³ with Z normal, divided by rate. shape &lt; 1: the boost
        /// G(shape) = G(shape + 1)·U^(1/shape), formed in logarithms by <see cref="LogGamma"/> and exponentiated once
        /// (with ln rate subtracted first if the unscaled variate is subnormal or 0), so the result is 0 only when the exact
        /// variate underflows.
        /// </summary>
        /// <remarks>
        /// Domain: shape &gt; 0 finite, rate &gt; 0 finite. For small shapes most of the mass is near 0: at shape = 1e−3
        /// P(X &lt; 1e−300) ≈ 0.5, and those variates are 0 in double; use <see cref="LogGamma"/> where they matter.
        /// Marsaglia–Tsang accepts ≥ 95% of candidates for every shape ≥ 1 (one normal and one uniform each).
        /// </remarks>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="shape">The shape a &gt; 0.</param>
        /// <param name="rate">The rate b &gt; 0.</param>
        /// <returns>The variate, ≥ 0.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double Gamma(Random random, double shape, double rate)
        {
            ArgumentNullException.ThrowIfNull(random);
            if (shape >= 1)
            {
                return GammaAtLeast1(random, shape) / rate;
            }

            double logGamma = LogGammaBelow1(random, shape);
            double g = Math.Exp(logGamma);
            return g >= MinNormal ? g / rate : Math.Exp(logGamma - Math.Log(rate));
        }

        /// <summary>
        /// The natural logarithm of a Gamma(shape, 1) variate: ln of a Marsaglia–Tsang variate for shape ≥ 1; for shape &lt; 1
        /// ln U/shape + ln G(shape + 1) (the boost in logarithms; U = 1 − <see cref="Random.NextDouble"/> in (0, 1], drawn
        /// first), which stays finite where the variate itself underflows (shape = 1e−300: ln G ≈ −1e300).
        /// </summary>
        /// <remarks>
        /// Domain: shape &gt; 0 finite. The result is finite except below shape ≈ 2e−307, where ln U/shape can overflow to −∞
        /// (the variate is then 0 in any representation). The Beta sampler and the NegativeBinomial sampler
        /// (<see cref="DiscreteMath.SampleNegativeBinomial"/>) use it, so tiny shapes give no 0/0.
        /// </remarks>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="shape">The shape a &gt; 0.</param>
        /// <returns>ln G with G ~ Gamma(shape, 1).</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double LogGamma(Random random, double shape)
        {
            ArgumentNullException.ThrowIfNull(random);
            return shape >= 1 ? Math.Log(GammaAtLeast1(random, shape)) : LogGammaBelow1(random, shape);
        }

        /// <summary>
        /// A Beta(alpha, beta) variate (density ∝ x^(α − 1)(1 − x)^(β − 1) on (0, 1)) as X/(X + Y) with X ~ Gamma(α, 1),
        /// Y ~ Gamma(β, 1) independent. Both shapes ≥ 1: the quotient of the two Marsaglia–Tsang variates. Otherwise from
        /// their logarithms (<see cref="LogGamma"/>): x = 1/(1 + e^(ln Y − ln X)) when ln X ≥ ln Y, else
        /// e/(1 + e) with e = e^(ln X − ln Y), so tiny shapes (whose gammas underflow to 0) give no 0/0 and a small x keeps its relative
        /// accuracy.
        /// </summary>
        /// <remarks>
        /// Domain: alpha, beta &gt; 0 finite. The result is in [0, 1]; it is exactly 0 or 1 where the exact variate is
        /// within the double's resolution of that end (at α = β = 1e−3 most variates are: the law is nearly
        /// Bernoulli(α/(α + β)) on {0, 1}). Below shape ≈ 2e−307, where both logarithms can be −∞, the variate is drawn
        /// from that Bernoulli limit (one more uniform: 1 with probability α/(α + β)).
        /// </remarks>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="alpha">α &gt; 0.</param>
        /// <param name="beta">β &gt; 0.</param>
        /// <returns>The variate, in [0, 1].</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double Beta(Random random, double alpha, double beta)
        {
            ArgumentNullException.ThrowIfNull(random);
            if (alpha >= 1 && beta >= 1)
            {
                double x = GammaAtLeast1(random, alpha);
                double y = GammaAtLeast1(random, beta);
                return x / (x + y);
            }

            double logX = alpha >= 1 ? Math.Log(GammaAtLeast1(random, alpha)) : LogGammaBelow1(random, alpha);
            double logY = beta >= 1 ? Math.Log(GammaAtLeast1(random, beta)) : LogGammaBelow1(random, beta);
            double d = logY - logX;
            if (double.IsNaN(d))
            {
                // Both −∞ (shapes below ~2e−307): the Bernoulli limit of Beta(α, β) as α, β → 0.
                return random.NextDouble() * (alpha + beta) < alpha ? 1.0 : 0.0;
            }

            if (d <= 0)
            {
                return 1.0 / (1.0 + Math.Exp(d)); // X ≥ Y: x in [½, 1]
            }

            double e = Math.Exp(-d); // X < Y: x = e/(1 + e) in [0, ½), relative accuracy down to the subnormals
            return e / (1.0 + e);
        }

        /// <summary>
        /// A Laplace(location, scale) variate (density e^(−|x − location|/scale)/(2·scale)) by inversion:
        /// location − scale·sign(u)·ln(1 − 2|u|) with u = <see cref="Random.NextDouble"/> − ½, redrawn when u = −½ (the one
        /// value where 1 − 2|u| = 0), so u is uniform on a grid symmetric about 0 in (−½, ½) and ln 0 never occurs.
        /// </summary>
        /// <remarks>
        /// Domain: location finite, scale &gt; 0 finite. 1 − 2|u| is computed exactly (a multiple of 2⁻⁵² in [2⁻⁵², 1]), so
        /// the variate lies within 52·ln 2·scale = 36.04·scale of location; it overflows to ±∞ only if
        /// |location| + 36.04·scale exceeds <see cref="double.MaxValue"/>.
        /// </remarks>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="location">The location (median) μ.</param>
        /// <param name="scale">The scale b &gt; 0 (the mean absolute deviation).</param>
        /// <returns>The variate.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double Laplace(Random random, double location, double scale)
        {
            ArgumentNullException.ThrowIfNull(random);
            double u;
            do
            {
                u = random.NextDouble() - 0.5;
            }
            while (u == -0.5);

            double e = 0.0 - Math.Log(1.0 - (2.0 * Math.Abs(u))); // ≥ 0 (+0 at u = 0), exact argument
            return u < 0 ? location - (scale * e) : location + (scale * e);
        }

        /// <summary>
        /// A Uniform(lower, upper) variate: lower + u·(upper − lower) with u = <see cref="Random.NextDouble"/> in [0, 1) when the
        /// width is finite; otherwise (bounds of opposite sign whose difference overflows, such as ±1.7e308) (1 − u)·lower +
        /// u·upper, whose terms and sum are finite. The result is clamped to [lower, upper] (the rounding of the width could
        /// otherwise put it one ulp past upper).
        /// </summary>
        /// <remarks>Domain: lower ≤ upper, both finite; lower = upper gives lower.</remarks>
        /// <param name="random">The source of uniforms.</param>
        /// <param name="lower">The lower bound.</param>
        /// <param name="upper">The upper bound.</param>
        /// <returns>The variate, in [lower, upper].</returns>
        /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
        public static double Uniform(Random random, double lower, double upper)
        {
            ArgumentNullException.ThrowIfNull(random);
            double u = random.NextDouble();
            double width = upper - lower;
            double x = width <= double.MaxValue ? lower + (u * width) : ((1.0 - u) * lower) + (u * upper);
            return Math.Min(Math.Max(x, lower), upper);
        }

        /// <summary>Marsaglia–Tsang (2000) Gamma(shape, 1) for shape ≥ 1 (also the discrete NegativeBinomial sampler's).</summary>
        internal static double GammaAtLeast1(Random random, double shape)
        {
            double d = shape - (1.0 / 3.0);
            double c = 1.0 / Math.Sqrt(9.0 * d);
            while (true)
            {
                double x, v;
                do
                {
                    x = NextNormal(random);
                    v = 1.0 + (c * x);
                }
                while (v <= 0);

                v = v * v * v;
                double u = random.NextDouble();
                double x2 = x * x;
                if (u < 1.0 - (0.0331 * x2 * x2))
                {
                    return d * v;
                }

                if (Math.Log(u) < (0.5 * x2) + (d * (1.0 - v + Math.Log(v))))
                {
                    return d * v;
                }
            }
        }

        /// <summary>ln G, G ~ Gamma(shape, 1), shape &lt; 1: ln U/shape + ln G(shape + 1), U in (0, 1] drawn first.</summary>
        private static double LogGammaBelow1(Random random, double shape)
        {
            double u = 1.0 - random.NextDouble(); // (0, 1]
            return Math.Log(GammaAtLeast1(random, shape + 1.0)) + (Math.Log(u) / shape);
        }

        /// <summary>−ln U, U = 1 − NextDouble() in (0, 1].</summary>
        private static double NextExponential(Random random) => 0.0 - Math.Log(1.0 - random.NextDouble()); // +0, not −0, at U = 1

        /// <summary>A standard normal variate (Marsaglia's polar method; the second variate is discarded, so no state).</summary>
        private static double NextNormal(Random random)
        {
            while (true)
            {
                double u = (2.0 * random.NextDouble()) - 1.0;
                double v = (2.0 * random.NextDouble()) - 1.0;
                double s = (u * u) + (v * v);
                if (s > 0 && s < 1)
                {
                    return u * Math.Sqrt(-2.0 * Math.Log(s) / s);
                }
            }
        }
    }
}
