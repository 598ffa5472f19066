// Properties of the generated continuous families that do not need a reference value: the closed-form entropy, KL and
// cross-entropy against numerical integration of the types' own log-densities; D ≥ 0, D(P‖P) = 0, H(P, Q) = H(P) + D;
// the class form and the float form against the double struct; the batch (SIMD) log-density against the scalar one at
// every lane position, with the support's ends, outside values, ±∞ and NaN mixed in; the batch KL against the instance
// member; argument checks and their messages.
using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.Continuous
{
    public sealed class ContinuousPropertyTests
    {
        private const double Eps = 2.220446049250313E-16;

        /// <summary>Gauss–Legendre nodes and weights on [−1, 1], 20 points (exact for polynomials of degree 39).</summary>
        private static readonly (double Node, double Weight)[] Legendre20 = ComputeLegendre(20);

        private static (double, double)[] ComputeLegendre(int n)
        {
            var result = new (double, double)[n];
            for (int i = 0; i < n; i++)
            {
                double x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
                for (int iteration = 0; iteration < 100; iteration++)
                {
                    double p0 = 1, p1 = x;
                    for (int k = 2; k <= n; k++)
                    {
                        double p2 = (((2 * k) - 1) * x * p1 - ((k - 1) * p0)) / k;
                        p0 = p1;
                        p1 = p2;
                    }

                    double derivative = n * ((x * p1) - p0) / ((x * x) - 1);
                    double step = p1 / derivative;
                    x -= step;
                    if (Math.Abs(step) < 1e-16)
                    {
                        double q0 = 1, q1 = x;
                        for (int k = 2; k <= n; k++)
                        {
                            double q2 = (((2 * k) - 1) * x * q1 - ((k - 1) * q0)) / k;
                            q0 = q1;
                            q1 = q2;
                        }

                        double d = n * ((x * q1) - q0) / ((x * x) - 1);
                        result[i] = (x, 2 / ((1 - (x * x)) * d * d));
                        break;
                    }
                }
            }

            return result;
        }

        /// <summary>∫ f over [a, b] by 20-point Gauss–Legendre on <paramref name="panels"/> equal panels between each pair of breaks.</summary>
        private static double Integrate(Func<double, double> f, double[] breaks, int panels = 400)
        {
            var terms = new List<double>();
            for (int b = 0; b + 1 < breaks.Length; b++)
            {
                double width = (breaks[b + 1] - breaks[b]) / panels;
                for (int p = 0; p < panels; p++)
                {
                    double lo = breaks[b] + (p * width);
                    foreach (var (node, weight) in Legendre20)
                    {
                        terms.Add(0.5 * width * weight * f(lo + (0.5 * width * (node + 1))));
                    }
                }
            }

            return Sum(terms.ToArray());
        }

        /// <summary>A family's law under test: its density, the integration window and breaks (kinks, ends) for P and Q.</summary>
        private static void CheckByIntegration<TDist>(TDist p, TDist q, double[] breaks, string what)
            where TDist : IContinuousDistribution<TDist, double>
        {
            // Quadrature with 400 × 20 nodes per piece on a window holding all but < 1e−20 of P's mass; the integrands are
            // smooth on each piece, so the sums are good to ~1e−13 relative. Bound: 1e−10 relative (or absolute below 1).
            double mass = Integrate(x => Math.Exp(p.LogPdf(x)), breaks);
            double entropy = -Integrate(x => { double l = p.LogPdf(x); return Math.Exp(l) * l; }, breaks);
            double kl = Integrate(x => { double l = p.LogPdf(x); return Math.Exp(l) * (l - q.LogPdf(x)); }, breaks);
            double crossEntropy = -Integrate(x => Math.Exp(p.LogPdf(x)) * q.LogPdf(x), breaks);
            Within(1, mass, 1e-10, what + ": ∫p");
            Within(entropy, p.Entropy(), 1e-10 * Math.Max(1, Math.Abs(entropy)), what + ": entropy");
            Within(kl, p.KLDivergence(q), 1e-10 * Math.Max(1, Math.Abs(kl)), what + ": KL");
            Within(crossEntropy, p.CrossEntropy(q), 1e-10 * Math.Max(1, Math.Abs(crossEntropy)), what + ": cross-entropy");
        }

        [Fact]
        public void ClosedFormsAgreeWithIntegrationOfTheLogDensity()
        {
            CheckByIntegration(new Norm(1.5, 0.7), new Norm(-0.5, 2.0), Breaks(1.5 - 15 * 0.7, 1.5 + 15 * 0.7), "Normal");
            CheckByIntegration(new Norm(0, 1), new Norm(0, 1e-3 + 1), Breaks(-15, 15), "Normal (near)");
            CheckByIntegration(new LogNorm(0.3, 0.4), new LogNorm(0.1, 0.9), Breaks(Math.Exp(0.3 - 15 * 0.4), Math.Exp(0.3), Math.Exp(0.3 + 15 * 0.4)), "LogNormal");
            CheckByIntegration(new Expo(2.5), new Expo(0.4), Breaks(0, 2, 30), "Exponential");
            CheckByIntegration(new Gam(3.5, 2), new Gam(1.5, 0.5), Breaks(0, 1.75, 30), "Gamma");
            CheckByIntegration(new Gam(120, 4), new Gam(100, 3), Breaks(0, 30, 80), "Gamma (large shape)");
            CheckByIntegration(new Bet(2.5, 4), new Bet(1.5, 1.2), Breaks(0, 0.3, 1), "Beta");
            CheckByIntegration(new Bet(300, 200), new Bet(310, 190), Breaks(0.25, 0.6, 0.95), "Beta (large shapes)");
            CheckByIntegration(new Lap(0.5, 1.5), new Lap(-1, 0.7), Breaks(0.5 - 60, -1, 0.5, 0.5 + 60), "Laplace");
            CheckByIntegration(new Uni(-1, 2), new Uni(-3, 5), Breaks(-1, 2), "Uniform");
        }

        private static double[] Breaks(params double[] values) => values;

        /// <summary>The batch log-density of a law held as object (the span members cannot be called dynamically).</summary>
        private static double[] Batch(object law, double[] x) => law switch
        {
            Norm d => Batch(d, x),
            LogNorm d => Batch(d, x),
            Expo d => Batch(d, x),
            Gam d => Batch(d, x),
            Bet d => Batch(d, x),
            Lap d => Batch(d, x),
            Uni d => Batch(d, x),
            _ => throw new ArgumentException(law.GetType().Name),
        };

        private static double[] Batch<TDist>(TDist d, double[] x)
            where TDist : IContinuousDistribution<TDist, double>
        {
            double[] destination = new double[x.Length];
            d.LogPdf(x, destination);
            return destination;
        }

        private static double LogLikelihood(object law, double[] x) => law switch
        {
            Norm d => d.LogLikelihood(x),
            LogNorm d => d.LogLikelihood(x),
            Expo d => d.LogLikelihood(x),
            Gam d => d.LogLikelihood(x),
            Bet d => d.LogLikelihood(x),
            Lap d => d.LogLikelihood(x),
            Uni d => d.LogLikelihood(x),
            _ => throw new ArgumentException(law.GetType().Name),
        };

        /// <summary>Parameter sets per family, wide-ranging but valid, for the identities below.</summary>
        private static IEnumerable<(string Name, Func<double[], object> Make, double[][] Sets)> Families()
        {
            yield return ("Normal", a => new Norm(a[0], a[1]), new[] { new[] { 0d, 1 }, new[] { 1e10, 1e-5 }, new[] { -3d, 1e300 }, new[] { 0.5, 0.5000000001 } });
            yield return ("LogNormal", a => new LogNorm(a[0], a[1]), new[] { new[] { 0d, 1 }, new[] { 50d, 1e-8 }, new[] { -2d, 3 } });
            yield return ("Exponential", a => new Expo(a[0]), new[] { new[] { 1d }, new[] { 1e-300 }, new[] { 1e300 }, new[] { 7.25 } });
            yield return ("Gamma", a => new Gam(a[0], a[1]), new[] { new[] { 1e-3, 1 }, new[] { 1d, 1 }, new[] { 7.5, 1e-8 }, new[] { 1e8, 3e7 } });
            yield return ("Beta", a => new Bet(a[0], a[1]), new[] { new[] { 1e-3, 1e-3 }, new[] { 1d, 1 }, new[] { 0.5, 7 }, new[] { 1e6, 3e5 } });
            yield return ("Laplace", a => new Lap(a[0], a[1]), new[] { new[] { 0d, 1 }, new[] { 1e10, 1e-3 }, new[] { -5d, 1e200 } });
            yield return ("Uniform", a => new Uni(a[0], a[1]), new[] { new[] { 0d, 1 }, new[] { -1.7e308, 1.7e308 }, new[] { 1e-10, 2e-10 } });
        }

        [Fact]
        public void DivergenceIdentities()
        {
            foreach (var (name, make, sets) in Families())
            {
                foreach (var a in sets)
                {
                    foreach (var b in sets)
                    {
                        string what = $"{name} [{string.Join(", ", a)}] ‖ [{string.Join(", ", b)}]";
                        switch ((make(a), make(b)))
                        {
                            case (Norm p, Norm q): Identities(p, q, what); break;
                            case (LogNorm p, LogNorm q): Identities(p, q, what); break;
                            case (Expo p, Expo q): Identities(p, q, what); break;
                            case (Gam p, Gam q): Identities(p, q, what); break;
                            case (Bet p, Bet q): Identities(p, q, what); break;
                            case (Lap p, Lap q): Identities(p, q, what); break;
                            case (Uni p, Uni q): Identities(p, q, what); break;
                            default: throw new InvalidOperationException(name);
                        }
                    }
                }
            }
        }

        private static void Identities<TDist>(TDist p, TDist q, string what)
            where TDist : IContinuousDistribution<TDist, double>
        {
            Exact(0, p.KLDivergence(p), what + ": D(P‖P)");
            Exact(p.Entropy(), p.CrossEntropy(p), what + ": H(P, P) = H(P)");
            double kl = p.KLDivergence(q);
            Assert.True(kl >= 0, $"{what}: D(P‖Q) = {R(kl)} < 0");
            Exact(p.Entropy() + kl, p.CrossEntropy(q), what + ": H(P, Q) = H(P) + D(P‖Q)");
        }

        [Fact]
        public void ClassAndFloatFormsAgreeWithTheDoubleStruct()
        {
            double[] xs = { -3, -1e-300, 0, 1e-300, 0.25, 0.5, 1, 2.5, 40, 1e300, double.PositiveInfinity, double.NegativeInfinity };
            var (n, nc, nf) = (new Norm(0.5, 2), new NormClass(0.5, 2), new NormF(0.5f, 2f));
            var (e, ec, ef) = (new Expo(1.5), new ExpoClass(1.5), new ExpoF(1.5f));
            var (u, uc, uf) = (new Uni(-1, 3), new UniClass(-1, 3), new UniF(-1f, 3f));
            foreach (double x in xs)
            {
                Exact(n.LogPdf(x), nc.LogPdf(x), "Normal class LogPdf");
                Exact(e.LogPdf(x), ec.LogPdf(x), "Exponential class LogPdf");
                Exact(u.LogPdf(x), uc.LogPdf(x), "Uniform class LogPdf");

                // The float types compute in double from the float argument and round once.
                float xf = (float)x;
                Assert.Equal((float)n.LogPdf(xf), nf.LogPdf(xf));
                Assert.Equal((float)e.LogPdf(xf), ef.LogPdf(xf));
                Assert.Equal((float)u.LogPdf(xf), uf.LogPdf(xf));
            }

            Assert.Equal((float)n.Entropy(), nf.Entropy());
            Assert.Equal((float)n.KLDivergence(new Norm(1, 3)), nf.KLDivergence(new NormF(1, 3)));
            Assert.Equal((float)e.CrossEntropy(new Expo(0.25)), ef.CrossEntropy(new ExpoF(0.25f)));
            Assert.Equal((float)u.KLDivergence(new Uni(-2, 4)), uf.KLDivergence(new UniF(-2, 4)));
            Assert.Equal(double.PositiveInfinity, u.KLDivergence(new Uni(0, 4)));
            Assert.Equal(float.PositiveInfinity, uf.KLDivergence(new UniF(0, 4)));
        }

        /// <summary>
        /// The batch member against the scalar one. Where the vector form is a different computation (the vector log, the
        /// vector deviance) the two agree to a few ulps of max(|log p|, 1): bound 8ε·max(|scalar|, 1); elsewhere (lanes
        /// that fall back to the scalar form) exactly.
        /// </summary>
        [Fact]
        public void BatchLogPdfAgreesWithScalarAtEveryLane()
        {
            var random = new Random(20261207);
            foreach (var (name, make, sets) in Families())
            {
                foreach (var a in sets)
                {
                    dynamic d = make(a);
                    double[] special = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, 1, -1, a[0], a[^1] };
                    for (int length = 0; length <= 37; length++)
                    {
                        double[] x = new double[length];
                        for (int i = 0; i < length; i++)
                        {
                            // Mostly typical values (around the law's mean), one special value per ~5 lanes.
                            double mean = (double)d.Mean;
                            double spread = Math.Sqrt(Math.Min((double)d.Variance, 1e300));
                            x[i] = random.Next(5) == 0 ? special[random.Next(special.Length)]
                                : double.IsFinite(mean) && double.IsFinite(spread) ? mean + (spread * ((random.NextDouble() * 4) - 2)) : random.NextDouble();
                        }

                        double[] batch = Batch(d, x);
                        for (int i = 0; i < length; i++)
                        {
                            double scalar = d.LogPdf(x[i]);
                            if (!IsWithin(scalar, batch[i], 8 * Eps * Math.Max(Math.Abs(scalar), 1)))
                            {
                                Within(scalar, batch[i], 8 * Eps * Math.Max(Math.Abs(scalar), 1), $"{name}[{string.Join(", ", a)}] batch[{i}] of {length} at x = {R(x[i])}");
                            }
                        }
                    }
                }
            }
        }

        /// <summary>
        /// A float type's batch widens to double in chunks of 256 and runs the double SIMD kernel: each value is the scalar
        /// member's (float)(double value) up to the double kernel's few ulps, so equal or 1 float ulp apart (a double a few
        /// ulps from a float rounding boundary); checked across the chunk boundaries, with special values mixed in.
        /// </summary>
        [Fact]
        public void FloatBatchLogPdfAgreesWithScalar()
        {
            var random = new Random(7);
            var normal = new NormF(0.5f, 2f);
            var exponential = new ExpoF(1.5f);
            var uniform = new UniF(-1f, 3f);
            foreach (int length in new[] { 0, 1, 7, 255, 256, 257, 600 })
            {
                float[] x = new float[length];
                for (int i = 0; i < length; i++)
                {
                    x[i] = random.Next(9) == 0 ? new[] { float.NaN, float.PositiveInfinity, -1f, 0f, 3f }[random.Next(5)] : (float)((random.NextDouble() * 8) - 2);
                }

                CheckFloat(normal, x);
                CheckFloat(exponential, x);
                CheckFloat(uniform, x);
            }
        }

        private static void CheckFloat<TDist>(TDist d, float[] x)
            where TDist : IContinuousDistribution<TDist, float>
        {
            float[] batch = new float[x.Length];
            d.LogPdf(x, batch);
            for (int i = 0; i < x.Length; i++)
            {
                float scalar = d.LogPdf(x[i]);
                bool same = scalar.Equals(batch[i]) || Math.Abs(BitConverter.SingleToInt32Bits(scalar) - BitConverter.SingleToInt32Bits(batch[i])) <= 1;
                Assert.True(same, $"{d}: batch[{i}] of {x.Length} at x = {R(x[i])}: {R(batch[i])}, scalar {R(scalar)}");
            }
        }

        [Fact]
        public void BatchKLDivergenceIsTheInstanceMemberElementByElement()
        {
            double[] mp = { 0, 1e10, -3, 0.5 }, sp = { 1, 1e-5, 1e300, 0.5 }, mq = { 0.5, 1e10 + 1, 2, 0.5 }, sq = { 2, 1e-5, 1, 0.5000000001 };
            double[] kl = new double[5];
            Norm.KLDivergence(mp, sp, mq, sq, kl);
            for (int i = 0; i < 4; i++)
            {
                Exact(new Norm(mp[i], sp[i]).KLDivergence(new Norm(mq[i], sq[i])), kl[i], "Normal batch KL[" + i + "]");
            }

            Assert.Equal(0, kl[4]); // untouched beyond the pairs
            double[] rp = { 1, 1e-300, 7 }, rq = { 2, 1e-300 * (1 + 1e-12), 7 };
            double[] e = new double[3];
            Expo.KLDivergence(rp, rq, e);
            for (int i = 0; i < 3; i++)
            {
                Exact(new Expo(rp[i]).KLDivergence(new Expo(rq[i])), e[i], "Exponential batch KL[" + i + "]");
            }

            Assert.True(e[1] > 0, "near-equal rates at 1e−300 keep a positive KL");
            double[] lp = { 0, 1 }, bp = { 1, 2 }, lq = { 1e-9, -1 }, bq = { 1, 0.5 };
            double[] l = new double[2];
            Lap.KLDivergence(lp, bp, lq, bq, l);
            Exact(new Lap(0, 1).KLDivergence(new Lap(1e-9, 1)), l[0], "Laplace batch KL[0]");
            Exact(new Lap(1, 2).KLDivergence(new Lap(-1, 0.5)), l[1], "Laplace batch KL[1]");
            float[] f = new float[1];
            NormF.KLDivergence(new[] { 0f }, new[] { 1f }, new[] { 1f }, new[] { 2f }, f);
            Assert.Equal(new NormF(0, 1).KLDivergence(new NormF(1, 2)), f[0]);
        }

        [Fact]
        public void BatchKLDivergenceChecksItsArguments()
        {
            double[] one = { 1 }, two = { 1, 2 };
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Norm.KLDivergence(two, new[] { 1, -2.0 }, two, two, new double[2]));
            Assert.Equal("standardDeviationP", e.ParamName);
            Assert.Contains("standardDeviationP[1] must be finite and > 0, but was -2", e.Message);
            var nan = Assert.Throws<ArgumentOutOfRangeException>(() => Norm.KLDivergence(two, two, new[] { 0, double.NaN }, two, new double[2]));
            Assert.Equal("meanQ", nan.ParamName);
            Assert.Contains("meanQ[1] must be finite, but was NaN", nan.Message);
            var length = Assert.Throws<ArgumentException>(() => Norm.KLDivergence(two, one, two, two, new double[2]));
            Assert.Equal("standardDeviationP", length.ParamName);
            Assert.Throws<ArgumentException>(() => Expo.KLDivergence(two, two, new double[1]));
            Assert.Throws<ArgumentOutOfRangeException>(() => Lap.KLDivergence(one, new[] { double.PositiveInfinity }, one, one, new double[1]));
        }

        [Fact]
        public void ConstructorsAndTryCreateCheckEveryParameter()
        {
            var sd = Assert.Throws<ArgumentOutOfRangeException>(() => new Norm(0, 0));
            Assert.Equal("standardDeviation", sd.ParamName);
            Assert.Contains("standardDeviation must be finite and > 0, but was 0", sd.Message);
            var mean = Assert.Throws<ArgumentOutOfRangeException>(() => new Norm(double.PositiveInfinity, 1));
            Assert.Equal("mean", mean.ParamName);
            Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => new Expo(double.NaN)).ParamName);
            Assert.Equal("shape", Assert.Throws<ArgumentOutOfRangeException>(() => new Gam(-1, 1)).ParamName);
            Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new Bet(1, 0)).ParamName);
            Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => new Lap(0, double.PositiveInfinity)).ParamName);
            Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => new LogNorm(0, -1)).ParamName);
            var order = Assert.Throws<ArgumentException>(() => new Uni(2, 2));
            Assert.Equal("upper", order.ParamName);
            Assert.Contains("Uniform needs lower < upper; got lower = 2, upper = 2", order.Message);
            Assert.Throws<ArgumentException>(() => new UniF(3, -3));
            Assert.False(Norm.TryCreate(0, double.NaN, out _));
            Assert.False(Uni.TryCreate(1, 0, out _));
            Assert.False(Gam.TryCreate(1, 0, out _));
            Assert.True(Uni.TryCreate(-1.7e308, 1.7e308, out var wide));
            Assert.Equal(Math.Log(1.7e308) + Math.Log(2), wide.Entropy(), 12);
        }

        [Fact]
        public void LogPdfConventionsAtTheEdges()
        {
            foreach (var (name, make, sets) in Families())
            {
                dynamic d = make(sets[0]);
                Assert.True(double.IsNaN((double)d.LogPdf(double.NaN)), name + ": NaN in, NaN out");
                Assert.Equal(double.NegativeInfinity, (double)d.LogPdf(double.PositiveInfinity));
                Assert.Equal(double.NegativeInfinity, (double)d.LogPdf(double.NegativeInfinity));
                Assert.Equal(0.0, (double)d.Pdf(double.NegativeInfinity));
                Assert.Equal(double.NegativeInfinity, LogLikelihood(d, new[] { 0.5, double.NegativeInfinity, 0.5 }));
                Assert.Equal(0.0, LogLikelihood(d, Array.Empty<double>()));
            }

            Assert.Equal(double.NegativeInfinity, new LogNorm(0, 1).LogPdf(0)); // the open end: the density's limit is 0
            Assert.Equal(Math.Log(2.5), new Expo(2.5).LogPdf(0));
            Assert.Equal(double.PositiveInfinity, new Gam(0.5, 1).LogPdf(0));
            Assert.Equal(Math.Log(3), new Gam(1, 3).LogPdf(0));
            Assert.Equal(double.NegativeInfinity, new Gam(2, 3).LogPdf(0));
            Assert.Equal(double.PositiveInfinity, new Bet(0.5, 2).LogPdf(0));
            Assert.Equal(Math.Log(2), new Bet(2, 1).LogPdf(1), 15);
            Assert.Equal(double.NegativeInfinity, new Bet(2, 2).LogPdf(1));
            Assert.Equal(double.NegativeInfinity, new Bet(2, 2).LogPdf(1.0000000000000002));
            Assert.Equal(-Math.Log(4), new Uni(-1, 3).LogPdf(-1));
            Assert.Equal(-Math.Log(4), new Uni(-1, 3).LogPdf(3));
            Assert.Equal(double.NegativeInfinity, new Uni(-1, 3).LogPdf(3.0000000000000004));
        }

        /// <summary>
        /// The distribution function is non-decreasing on a grid across each support (and 0 / 1 beyond it), and the quantile
        /// inverts it: Quantile(Cdf(x)) = x to 16 ε of max(|x|, scale) plus 4ε·F/p(x) (F is rounded to ε·F absolute, which
        /// moves its inverse by ε·F/p(x)), and Cdf(Quantile(p)) = p to 16 ε·p plus the rounding of x times the density.
        /// </summary>
        [Fact]
        public void CdfIsMonotoneAndQuantileInvertsIt()
        {
            CdfAndQuantile(new Norm(1, 2), -9, 11, 2);
            CdfAndQuantile(new LogNorm(0.5, 0.8), 0.05, 20, 1);
            CdfAndQuantile(new Expo(2.5), 0.001, 4, 1);
            CdfAndQuantile(new Gam(0.3, 2), 1e-4, 3, 1);
            CdfAndQuantile(new Gam(40, 4), 4, 18, 10);
            CdfAndQuantile(new Bet(0.5, 0.5), 1e-4, 1 - 1e-4, 1);
            CdfAndQuantile(new Bet(20, 30), 0.2, 0.65, 1);
            CdfAndQuantile(new Lap(-1, 0.5), -6, 4, 1);
            CdfAndQuantile(new Uni(-1, 3), -1, 3, 3);
        }

        private static void CdfAndQuantile<TDist>(TDist d, double from, double to, double scale)
            where TDist : IContinuousDistribution<TDist, double>
        {
            string name = d.ToString()!;
            double previous = 0;
            for (int i = 0; i <= 400; i++)
            {
                double x = from + ((to - from) * i / 400);
                double f = d.Cdf(x);
                Assert.True(f >= previous && f <= 1, $"{name}: Cdf({R(x)}) = {R(f)} after {R(previous)}");
                previous = f;
                if (f > 1e-12 && f < 1 - 1e-12)
                {
                    double back = d.Quantile(f);
                    // F itself is rounded (absolute ε·F), which moves its inverse by ε·F/p(x): that, plus the quantile's own few ε.
                    double bound = (16 * Eps * Math.Max(Math.Abs(x), scale)) + (4 * Eps * f / Math.Exp(d.LogPdf(x)));
                    Within(x, back, bound, $"{name}: Quantile(Cdf({R(x)}))");
                }
            }

            foreach (double p in new[] { 1e-300, 1e-12, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-12 })
            {
                double x = d.Quantile(p);
                if (double.IsFinite(x) && x != 0)
                {
                    Within(p, d.Cdf(x), 16 * Eps * p + (16 * Eps * Math.Abs(x) * Math.Exp(d.LogPdf(x))), $"{name}: Cdf(Quantile({R(p)}))");
                }
            }

            Assert.Equal(0, d.Cdf(double.NegativeInfinity));
            Assert.Equal(1, d.Cdf(double.PositiveInfinity));
            Assert.True(double.IsNaN(d.Cdf(double.NaN)), name + ": Cdf(NaN)");
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => d.Quantile(1.5));
            Assert.Equal("probability", e.ParamName);
            Assert.Throws<ArgumentOutOfRangeException>(() => d.Quantile(double.NaN));
        }

        [Fact]
        public void ADefaultInstanceThrows()
        {
            var e = Assert.Throws<InvalidOperationException>(() => default(Norm).LogPdf(0));
            Assert.Contains("new Norm(mean, standardDeviation)", e.Message);
            Assert.True(default(Uni).IsDefault);
            Assert.False(new Uni(0, 1).IsDefault);
            Assert.Throws<InvalidOperationException>(() => default(Uni).Entropy());
            Assert.Throws<InvalidOperationException>(() => new Gam(1, 1).KLDivergence(default(Gam)));
            Assert.Throws<InvalidOperationException>(() => default(LapMutable).Sample(new Random(1)));
        }

        [Fact]
        public void TheReadmeExampleValue()
        {
            // README: KL(Normal(0, 1) ‖ Normal(0, 1.000000001)) = 1.000000163814082e−18 (mpmath, 40 digits, on the doubles).
            Within(1.000000163814082e-18, new Norm(0, 1).KLDivergence(new Norm(0, 1.000000001)), 4 * Eps * 1e-18, "README KL");
        }

        [Fact]
        public void ToStringNamesTheFamilyAndItsParameters()
        {
            Assert.Equal("Norm: Normal(mean = 0.5, standardDeviation = 2)", new Norm(0.5, 2).ToString());
            Assert.Equal("UniF: Uniform(lower = -1, upper = 3)", new UniF(-1, 3).ToString());
        }
    }
}
