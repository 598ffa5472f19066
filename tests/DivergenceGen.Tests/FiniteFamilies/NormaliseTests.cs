using System;
using System.Linq;
using Xunit;

namespace DivergenceGen.Tests.FiniteFamilies
{
    /// <summary>
    /// <see cref="global::DivergenceGen.FiniteFamilies.Normalise{T}"/> for double runs its two passes in SIMD vectors (VectorMath.Exp): against a
    /// scalar log-sum-exp with Math.Exp, for every K from 1 to 70 (each vector width's loop and the remainder), with −∞
    /// log-weights and magnitudes up to 10⁴. Bound: each log pₖ = (log wₖ − m) − log Σ, where Σ's terms differ by at most
    /// 2 ulp (the two exps) and the sums' orders differ (K·ε relative): |Δ log pₖ| ≤ (K + 4)·ε + 2ε·|log pₖ|; pₖ = exp of it
    /// within 2 ulp more.
    /// </summary>
    public sealed class NormaliseTests
    {
        private const double Eps = 2.220446049250313e-16;

        [Fact]
        public void VectorisedNormaliseMatchesAScalarLogSumExp()
        {
            var random = new Random(1610);
            for (int k = 1; k <= 70; k++)
            {
                double scale = Math.Pow(10, random.Next(-2, 5));
                double[] w = Enumerable.Range(0, k).Select(i => i % 9 == 4 && k > 1 ? double.NegativeInfinity : (random.NextDouble() - 0.5) * scale).ToArray();
                double max = w.Max();
                double logSum = Math.Log(w.Sum(x => Math.Exp(x - max)));
                var logP = (double[])w.Clone();
                var p = new double[k];
                Assert.Equal(-1, global::DivergenceGen.FiniteFamilies.Normalise<double>(logP, p));
                for (int i = 0; i < k; i++)
                {
                    double expected = (w[i] - max) - logSum;
                    if (double.IsNegativeInfinity(expected))
                    {
                        Assert.Equal(double.NegativeInfinity, logP[i]);
                        Assert.Equal(0, p[i]);
                        continue;
                    }

                    double bound = ((k + 4) * Eps) + (2 * Eps * Math.Abs(expected));
                    Assert.True(Math.Abs(logP[i] - expected) <= bound, $"K = {k}, k = {i}: {logP[i]:R} vs {expected:R}");
                    Assert.True(Math.Abs(p[i] - Math.Exp(expected)) <= (bound + (4 * Eps)) * Math.Exp(expected) + double.Epsilon, $"K = {k}, p[{i}]");
                }
            }
        }
    }
}
