// The generated [Dirichlet(K)] types: every member against the 50-digit mpmath reference of DirichletMathTests (run through
// declared types of K = 2, 3, 5 and 16, within the same stated bounds), K = 2 against the Beta family, the factories'
// checks, the span forms, Fit and Sample wiring, float, default instances. The numerics themselves are DirichletMath's and
// are tested there.
using System;
using System.Linq;
using Xunit;
using static DivergenceGen.Tests.NumericAssert;

namespace DivergenceGen.Tests.VectorFamilies
{
    /// <summary>K = 2: the Beta family on (x, 1 − x).</summary>
    [Dirichlet(2)] public readonly partial struct Evidence2;

    /// <summary>K = 3.</summary>
    [Dirichlet(3)] public readonly partial struct Evidence3;

    /// <summary>K = 5, a non-readonly struct.</summary>
    [Dirichlet(5)] public partial struct Evidence5;

    /// <summary>K = 16 as a class.</summary>
    [Dirichlet(16)] public sealed partial class Evidence16;

    /// <summary>K = 4 in single precision.</summary>
    [Dirichlet(4, Precision = Precision.Single)] public readonly partial struct Evidence4F;

    public sealed class DirichletTypeTests
    {
        private const double Epsilon = 2.220446049250313e-16;

        /// <summary>The generated member for a reference case: the type of the case's K, its factory, its member.</summary>
        private static double Compute(DirichletMathTests.Case c)
        {
            double[][] p = c.Params;
            return (p[0].Length, c.Kind) switch
            {
                (2, "entropy") => Evidence2.FromConcentration(p[0]).Entropy(),
                (3, "entropy") => Evidence3.FromConcentration(p[0]).Entropy(),
                (5, "entropy") => Evidence5.FromConcentration(p[0]).Entropy(),
                (16, "entropy") => Evidence16.FromConcentration(p[0]).Entropy(),
                (2, "kl") => Evidence2.FromConcentration(p[0]).KLDivergence(Evidence2.FromConcentration(p[1])),
                (3, "kl") => Evidence3.FromConcentration(p[0]).KLDivergence(Evidence3.FromConcentration(p[1])),
                (5, "kl") => Evidence5.FromConcentration(p[0]).KLDivergence(Evidence5.FromConcentration(p[1])),
                (16, "kl") => Evidence16.FromConcentration(p[0]).KLDivergence(Evidence16.FromConcentration(p[1])),
                (2, "crossentropy") => Evidence2.FromConcentration(p[0]).CrossEntropy(Evidence2.FromConcentration(p[1])),
                (3, "crossentropy") => Evidence3.FromConcentration(p[0]).CrossEntropy(Evidence3.FromConcentration(p[1])),
                (5, "crossentropy") => Evidence5.FromConcentration(p[0]).CrossEntropy(Evidence5.FromConcentration(p[1])),
                (16, "crossentropy") => Evidence16.FromConcentration(p[0]).CrossEntropy(Evidence16.FromConcentration(p[1])),
                (2, "logpdf") => Evidence2.FromConcentration(p[0]).LogPdf(p[1]),
                (3, "logpdf") => Evidence3.FromConcentration(p[0]).LogPdf(p[1]),
                (5, "logpdf") => Evidence5.FromConcentration(p[0]).LogPdf(p[1]),
                (16, "logpdf") => Evidence16.FromConcentration(p[0]).LogPdf(p[1]),
                _ => throw new InvalidOperationException(c.Kind + " K = " + p[0].Length),
            };
        }

        [Fact]
        public void EveryMemberMeetsTheReferenceBoundsThroughTheGeneratedTypes()
        {
            int checkedCases = 0;
            foreach (var c in DirichletMathTests.All.Value.Where(c => c.Kind != "logbeta")) // ln B is not a member (LogPdf reads it)
            {
                double got = Compute(c);
                double error = DirichletMathTests.Error(c, got);
                Assert.True(error <= DirichletMathTests.Bound(c.Kind), c.Kind + " K = " + c.Params[0].Length + ": " + R(got) + " against " + R(c.Value));
                checkedCases++;
            }

            Assert.True(checkedCases > 900, checkedCases + " cases");
        }

        [Fact]
        public void StaticSpanFormsEqualTheInstanceMembers()
        {
            double[] a = { 0.3, 2.5, 7.0 };
            double[] b = { 1.1, 0.9, 4.0 };
            var p = Evidence3.FromConcentration(a);
            var q = Evidence3.FromConcentration(b);
            Exact(p.KLDivergence(q), Evidence3.KLDivergence(a, b), "KL span form");
            Exact(p.Entropy(), Evidence3.Entropy(a), "entropy span form");
            Within(p.Entropy() + p.KLDivergence(q), p.CrossEntropy(q), 32 * Epsilon * (Math.Abs(p.Entropy()) + p.KLDivergence(q) + 1), "H(P, Q) = H(P) + D");
            var mean = new double[3];
            p.Mean(mean);
            Within(0.3 / 9.8, mean[0], 2 * Epsilon, "mean[0]");
            Within(7.0 / 9.8, mean[2], 2 * Epsilon, "mean[2]");
        }

        [Fact]
        public void KTwoIsTheBetaFamily()
        {
            // Dirichlet(a, b) on (x, 1 − x) is Beta(a, b): the log-density (the Jacobian of x ↦ (x, 1 − x) is 1), entropy and KL.
            // Shapes ≥ 10 or moderate pairs, where ContinuousMath's beta forms are accurate (DirichletMathTests states why):
            // both sides within 24 ε of their value, so 48 ε of it (KL) or of max(|value|, 1).
            foreach (var (a, b, c, d, x) in new[] { (2.5, 3.0, 4.0, 1.5, 0.3), (12.0, 40.0, 15.0, 33.0, 0.2), (0.7, 0.9, 1.3, 2.0, 0.85) })
            {
                var p = Evidence2.FromConcentration(new[] { a, b });
                var q = Evidence2.FromConcentration(new[] { c, d });
                var bp = new Continuous.Bet(a, b);
                var bq = new Continuous.Bet(c, d);
                Within(bp.LogPdf(x), p.LogPdf(new[] { x, 1 - x }), 48 * Epsilon * Math.Max(Math.Abs(bp.LogPdf(x)), 1), "log-density");
                Within(bp.Entropy(), p.Entropy(), 48 * Epsilon * Math.Max(Math.Abs(bp.Entropy()), 1), "entropy");
                Within(bp.KLDivergence(bq), p.KLDivergence(q), 48 * Epsilon * bp.KLDivergence(bq), "KL");
            }
        }

        [Fact]
        public void InvalidConcentrationsThrowNamingTheIndexAndValue()
        {
            foreach (var bad in new[] { 0.0, -0.5, double.NaN, double.PositiveInfinity })
            {
                var e = Assert.Throws<ArgumentOutOfRangeException>(() => Evidence3.FromConcentration(new[] { 1.0, bad, 2.0 }));
                Assert.Equal("alpha", e.ParamName);
                Assert.Contains("[1]", e.Message, StringComparison.Ordinal);
                Assert.False(Evidence3.TryFromConcentration(new[] { 1.0, bad, 2.0 }, out _));
                Assert.Equal("alphaQ", Assert.Throws<ArgumentOutOfRangeException>(() => Evidence3.KLDivergence(new[] { 1.0, 1.0, 1.0 }, new[] { 1.0, 1.0, bad })).ParamName);
            }

            Assert.Equal("alpha", Assert.Throws<ArgumentException>(() => Evidence3.FromConcentration(new[] { 1.0, 2.0 })).ParamName);
            Assert.Equal("x", Assert.Throws<ArgumentException>(() => Evidence3.FromConcentration(new[] { 1.0, 2.0, 3.0 }).LogPdf(new[] { 0.5, 0.5 })).ParamName);
            Assert.Throws<ArgumentNullException>(() => Evidence16.FromConcentration(Enumerable.Repeat(1.0, 16).ToArray()).KLDivergence(null!));
            Assert.True(default(Evidence3).IsDefault);
            Assert.Throws<InvalidOperationException>(() => default(Evidence3).Entropy());
            Assert.Throws<InvalidOperationException>(() => Evidence3.FromConcentration(new[] { 1.0, 2.0, 3.0 }).KLDivergence(default));
            Assert.Equal("Evidence3: Dirichlet(K = 3, concentration = [1, 2, 3])", Evidence3.FromConcentration(new[] { 1.0, 2.0, 3.0 }).ToString());
        }

        [Fact]
        public void SampleAndFitRoundTrip()
        {
            // 20,000 draws of Dirichlet(2, 5, 3); the fitted concentrations within 6 standard errors. The MLE's standard error
            // here is about 1.5% of α (the Fisher information of this law at N = 20,000), so 6 SE ≈ 9%: a wiring error
            // (a swapped component, a dropped row) is far outside it.
            double[] alpha = { 2.0, 5.0, 3.0 };
            var p = Evidence3.FromConcentration(alpha);
            var random = new Random(11);
            const int N = 20_000;
            var observations = new double[N * 3];
            for (int i = 0; i < N; i++)
            {
                p.Sample(random, observations.AsSpan(i * 3, 3));
                Assert.True(Math.Abs(observations[i * 3] + observations[(i * 3) + 1] + observations[(i * 3) + 2] - 1) <= DirichletMath.SimplexTolerance<double>(3));
            }

            var fitted = Evidence3.Fit(observations);
            for (int k = 0; k < 3; k++)
            {
                Within(alpha[k], fitted.Concentration[k], 0.09 * alpha[k], "α[" + k + "]");
            }

            Assert.Throws<ArgumentException>(() => Evidence3.Fit(observations.AsSpan(0, 7)));
            Assert.Throws<ArgumentNullException>(() => p.Sample(null!, new double[3]));
            Assert.Throws<ArgumentException>(() => p.Sample(random, new double[2]));
        }

        [Fact]
        public void FloatTypeReturnsTheDoubleValuesRounded()
        {
            float[] a = { 0.5f, 1.5f, 3f, 9f };
            float[] b = { 1f, 1f, 2f, 7f };
            var p = Evidence4F.FromConcentration(a);
            var q = Evidence4F.FromConcentration(b);
            Exact((float)DirichletMath.KLDivergence<float>(a, b), p.KLDivergence(q), "float KL");
            Exact((float)DirichletMath.Entropy<float>(a), p.Entropy(), "float entropy");
            float[] x = { 0.1f, 0.2f, 0.3f, 0.4f };
            Exact((float)DirichletMath.LogPdf<float>(a, DirichletMath.LogBeta<float>(a), x), p.LogPdf(x), "float log-density");
        }
    }
}
