// The generated Sample and Fit members: they are wired to the runtime's exact samplers and maximum-likelihood fits
// (tested on their own in Runtime/ContinuousSamplingTests and ContinuousFitTests). Here: the span form draws the same
// sequence as repeated single draws, draws stay in the support, Fit on 20,000 draws recovers the parameters within 6
// standard errors (from the Fisher information, as stated per family), the float types, and Fit's argument checks.
using System;
using Xunit;

namespace DivergenceGen.Tests.Continuous
{
    public sealed class ContinuousSampleFitTests
    {
        private const int N = 20_000;

        private static double[] Draw<TDist>(TDist d, int seed)
            where TDist : IContinuousDistribution<TDist, double>
        {
            var x = new double[N];
            d.Sample(new Random(seed), x);
            var again = new Random(seed);
            for (int i = 0; i < 50; i++)
            {
                Assert.Equal(x[i], d.Sample(again)); // the span form is repeated single draws
            }

            return x;
        }

        private static void Near(double want, double got, double standardError, string what) =>
            Assert.True(Math.Abs(got - want) <= 6 * standardError, $"{what}: fitted {got}, true {want}, 6 se = {6 * standardError}");

        [Fact]
        public void FitOfDrawsRecoversTheParameters()
        {
            // Standard errors at n draws: Normal μ σ/√n, σ σ/√(2n); Exponential λ/√n; Laplace μ b/√n, b b/√n;
            // Uniform: the range's ends are within (upper − lower)·10/n with probability 1 − e^−10 each.
            var normal = Norm.Fit(Draw(new Norm(3, 2), 1));
            Near(3, normal.Mean, 2 / Math.Sqrt(N), "Normal μ");
            Near(2, normal.StandardDeviation, 2 / Math.Sqrt(2.0 * N), "Normal σ");
            var logNormal = LogNorm.Fit(Draw(new LogNorm(-1, 0.5), 2));
            Near(-1, logNormal.Mu, 0.5 / Math.Sqrt(N), "LogNormal μ");
            Near(0.5, logNormal.Sigma, 0.5 / Math.Sqrt(2.0 * N), "LogNormal σ");
            var exponential = Expo.Fit(Draw(new Expo(4), 3));
            Near(4, exponential.Rate, 4 / Math.Sqrt(N), "Exponential λ");
            var laplace = Lap.Fit(Draw(new Lap(-2, 3), 4));
            Near(-2, laplace.Location, 3 / Math.Sqrt(N), "Laplace μ");
            Near(3, laplace.Scale, 3 / Math.Sqrt(N), "Laplace b");
            var uniform = Uni.Fit(Draw(new Uni(-1, 5), 5));
            Assert.InRange(uniform.Lower, -1, -1 + (6.0 * 10 / N));
            Assert.InRange(uniform.Upper, 5 - (6.0 * 10 / N), 5);

            // Gamma(α, β): the shape's standard error is √(α/(n(αψ′(α) − 1))) ≤ √(2α(α + 1)/n) (αψ′ − 1 ≥ 1/(2(α + 1)));
            // Beta: the shapes' errors are below (α + β)·√(8/n) for the shapes here (from the trigamma information).
            var gamma = Gam.Fit(Draw(new Gam(2.5, 0.5), 6));
            Near(2.5, gamma.Shape, Math.Sqrt(2 * 2.5 * 3.5 / N), "Gamma α");
            Near(0.5, gamma.Rate / gamma.Shape * 2.5, 0.5 * Math.Sqrt(2 * 3.5 / N), "Gamma β at α");
            var beta = Bet.Fit(Draw(new Bet(2, 5), 7));
            Near(2, beta.Alpha, 7 * Math.Sqrt(8.0 / N), "Beta α");
            Near(5, beta.Beta, 7 * Math.Sqrt(8.0 / N), "Beta β");
        }

        [Fact]
        public void DrawsStayInTheSupport()
        {
            var x = new double[2000];
            new Bet(0.01, 0.01).Sample(new Random(8), x);
            Assert.All(x, v => Assert.InRange(v, 0, 1));
            new Gam(0.01, 1).Sample(new Random(9), x);
            Assert.All(x, v => Assert.True(v >= 0));
            new LogNorm(0, 3).Sample(new Random(10), x);
            Assert.All(x, v => Assert.True(v >= 0));
            new Uni(-1.7e308, 1.7e308).Sample(new Random(11), x);
            Assert.All(x, v => Assert.True(double.IsFinite(v)));
        }

        [Fact]
        public void FloatTypesSampleAndFit()
        {
            var f = new float[N];
            new NormF(1, 0.5f).Sample(new Random(12), f);
            var fitted = NormF.Fit(f);
            Near(1, fitted.Mean, 0.5 / Math.Sqrt(N), "float Normal μ");
            var u = UniF.Fit(new[] { 0.5f, -0.25f, 2f });
            Assert.Equal(-0.25f, u.Lower);
            Assert.Equal(2f, u.Upper);
        }

        [Fact]
        public void FitChecksItsSample()
        {
            Assert.Throws<ArgumentException>(() => Norm.Fit(Array.Empty<double>()));
            var nan = Assert.Throws<ArgumentException>(() => Expo.Fit(new[] { 1.0, double.NaN }));
            Assert.Contains("[1]", nan.Message);
            var outside = Assert.Throws<ArgumentOutOfRangeException>(() => Bet.Fit(new[] { 0.5, 1.0 }));
            Assert.Contains("[1]", outside.Message);
            Assert.Throws<ArgumentException>(() => Norm.Fit(new[] { 3.5, 3.5, 3.5 }));
            Assert.Throws<ArgumentException>(() => Uni.Fit(new[] { 2.0 }));
            Assert.Throws<ArgumentOutOfRangeException>(() => Gam.Fit(new[] { 1.0, -1.0 }));
        }
    }
}
