using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// DiagonalNormal(D): D independent coordinates, coordinate i normal with mean μᵢ and variance σᵢ² = exp(vᵢ), stored as
    /// the mean and the log-variance v (the parametrisation a variational autoencoder's encoder outputs).
    /// </summary>
    internal static class DiagonalNormal
    {
        private static readonly Expr M = E.Ref("mean");
        private static readonly Expr V = E.Ref("logVariance");

        /// <summary>½·log 2π and log 2π.</summary>
        private const double LogTwoPi = 1.8378770664093453;

        /// <summary>
        /// (m − mq)²·e^(−vq), exactly 0 where m = mq (also where e^(−vq) overflows: 0·∞ would be NaN): the squared distance of
        /// the means in units of Q's variance.
        /// </summary>
        private static Expr ScaledSquare(Expr m, Expr mq, Expr vq) => E.Select(E.Equal(m, mq), 0.0, (m - mq) * (m - mq) * KernelOps.Exp(-vq));

        /// <summary>
        /// One coordinate's KL divergence, ½((m − mq)²/σq² + φ(v − vq)) with φ(t) = eᵗ − 1 − t: two non-negative terms, so
        /// P ≈ Q gives a small non-negative value with full relative accuracy (φ(t) ≈ t²/2 is computed without cancellation).
        /// </summary>
        private static Expr KLTerm(Expr m, Expr v, Expr mq, Expr vq) => 0.5 * (ScaledSquare(m, mq, vq) + E.ExpMinusOneMinus(v - vq));

        private static readonly string KLFormula =
            "D(P‖Q) = ½ Σᵢ ((μᵢ − μqᵢ)²/σqᵢ² + φ(vᵢ − vqᵢ)), v = log σ², φ(t) = eᵗ − 1 − t (= ½ Σᵢ (σᵢ²/σqᵢ² + (μᵢ − μqᵢ)²/σqᵢ² − 1 − log(σᵢ²/σqᵢ²)),"
            + " written as two non-negative terms per coordinate, φ without cancellation near 0)";

        public static readonly VectorFamily Description = new(
            name: "DiagonalNormal",
            summary: "A normal distribution on ℝᴰ with a diagonal covariance: D independent coordinates, coordinate i normal with mean μᵢ and variance σᵢ² = exp(vᵢ).",
            interfaceName: "global::DivergenceGen.IDiagonalNormalDistribution",
            sizeConstant: "Dimensions",
            sizeSymbol: "D",
            stored: new[]
            {
                new VectorParameter("mean", "Mean", ParameterDomain.Real, "The D means μᵢ."),
                new VectorParameter("logVariance", "LogVariance", ParameterDomain.Real, "The D log-variances vᵢ = log σᵢ²."),
            },
            factories: new[]
            {
                new VectorFactory(
                    "FromMeanAndLogVariance",
                    "Creates the distribution with means μᵢ and log-variances vᵢ = log σᵢ² (an encoder's two outputs), stored as given.",
                    new[]
                    {
                        new VectorParameter("mean", null, ParameterDomain.Real, "The D means μᵢ, each finite."),
                        new VectorParameter("logVariance", null, ParameterDomain.Real, "The D log-variances log σᵢ², each finite."),
                    },
                    new[] { ("mean", M), ("logVariance", V) }),
                new VectorFactory(
                    "FromMeanAndStandardDeviation",
                    "Creates the distribution with means μᵢ and standard deviations σᵢ; the log-variances 2·log σᵢ are computed once, here, in double.",
                    new[]
                    {
                        new VectorParameter("mean", null, ParameterDomain.Real, "The D means μᵢ, each finite."),
                        new VectorParameter("standardDeviation", null, ParameterDomain.PositiveReal, "The D standard deviations σᵢ, each finite and > 0."),
                    },
                    new[] { ("mean", M), ("logVariance", 2.0 * E.Log(E.Ref("standardDeviation"))) }),
            },
            cached: new (string, string, VectorBody)[]
            {
                ("sumLogVariance", "Σᵢ log σᵢ² (for the entropy)", new SumBody(V, E.Ref("sum"), "Σᵢ vᵢ")),
            },
            densityFormula: "p(x) = Πᵢ exp(−(xᵢ − μᵢ)²/(2σᵢ²))/(σᵢ√(2π)), x ∈ ℝᴰ",
            logPdf: new SumBody(
                ScaledSquare(E.Ref("x"), M, V) + V,
                -0.5 * (E.Ref("sum") + (E.Ref("size") * LogTwoPi)),
                "log p(x) = −½ Σᵢ ((xᵢ − μᵢ)²/σᵢ² + log σᵢ² + log 2π), one exp per coordinate (e^(−vᵢ) = 1/σᵢ²); a term is 0 where xᵢ = μᵢ"),
            entropy: new RuntimeBody(
                0.5 * (E.Ref("sumLogVariance") + (E.Ref("size") * (1.0 + LogTwoPi))),
                "H(P) = ½ Σᵢ (log σᵢ² + 1 + log 2π), from the cached Σᵢ log σᵢ²"),
            klDivergence: new SumBody(KLTerm(M, V, E.Ref("q.mean"), E.Ref("q.logVariance")), E.Ref("sum"), KLFormula),
            crossEntropy: new SumBody(
                E.Ref("q.logVariance") + KernelOps.Exp(V - E.Ref("q.logVariance")) + ScaledSquare(M, E.Ref("q.mean"), E.Ref("q.logVariance")),
                0.5 * (E.Ref("sum") + (E.Ref("size") * LogTwoPi)),
                "H(P, Q) = −E_P[log q(X)] = ½ Σᵢ (log σqᵢ² + σᵢ²/σqᵢ² + (μᵢ − μqᵢ)²/σqᵢ² + log 2π)"),
            sample: new RuntimeBody(
                E.Call("ContinuousSampling.DiagonalNormal<T>", E.Ref("random"), M, V, E.Ref("destination")),
                "xᵢ = μᵢ + σᵢ·Zᵢ, independent standard normal Zᵢ (polar method), in double"),
            vectorMembers: System.Array.Empty<(string, string, RuntimeBody)>(),
            fit: null,
            spanForms: System.Array.Empty<(string, string, System.Collections.Generic.IReadOnlyList<VectorParameter>, RuntimeBody)>(),
            batchMembers: new[]
            {
                new BatchMember(
                    "KLToStandardNormal",
                    "The KL term of a variational autoencoder: D(N(μ, diag σ²) ‖ N(0, I)) for each of the N rows of an encoder's outputs.",
                    new[]
                    {
                        new VectorParameter("mean", null, ParameterDomain.Real, "The N × D means, row-major (N = mean.Length / D), each finite."),
                        new VectorParameter("logVariance", null, ParameterDomain.Real, "The N × D log-variances log σ², row-major, each finite."),
                    },
                    System.Array.Empty<PerClass>(),
                    0.5 * ((M * M) + E.ExpMinusOneMinus(V)),
                    new (string, string, Expr)[]
                    {
                        ("meanGradient", "mean", M * E.Ref("scale")),
                        ("logVarianceGradient", "logVariance", 0.5 * E.Expm1(V) * E.Ref("scale")),
                    },
                    "KLᵣ = −½ Σᵢ (1 + vᵢ − μᵢ² − e^vᵢ) = ½ Σᵢ (μᵢ² + φ(vᵢ)), φ(t) = eᵗ − 1 − t; ∂/∂μᵢ = μᵢ, ∂/∂vᵢ = ½(e^vᵢ − 1)"),
                new BatchMember(
                    "KLDivergence",
                    "D(N(μP, diag σP²) ‖ N(μQ, diag σQ²)) for each of N rows: a variational autoencoder's KL term against a learned prior.",
                    new[]
                    {
                        new VectorParameter("meanP", null, ParameterDomain.Real, "P's N × D means, row-major (N = meanP.Length / D), each finite."),
                        new VectorParameter("logVarianceP", null, ParameterDomain.Real, "P's N × D log-variances, row-major, each finite."),
                        new VectorParameter("meanQ", null, ParameterDomain.Real, "Q's N × D means, row-major, each finite."),
                        new VectorParameter("logVarianceQ", null, ParameterDomain.Real, "Q's N × D log-variances, row-major, each finite."),
                    },
                    System.Array.Empty<PerClass>(),
                    KLTerm(E.Ref("meanP"), E.Ref("logVarianceP"), E.Ref("meanQ"), E.Ref("logVarianceQ")),
                    new (string, string, Expr)[]
                    {
                        ("meanGradient", "meanP", E.Select(E.Equal(E.Ref("meanP"), E.Ref("meanQ")), 0.0, (E.Ref("meanP") - E.Ref("meanQ")) * KernelOps.Exp(-E.Ref("logVarianceQ"))) * E.Ref("scale")),
                        ("logVarianceGradient", "logVarianceP", 0.5 * E.Expm1(E.Ref("logVarianceP") - E.Ref("logVarianceQ")) * E.Ref("scale")),
                    },
                    KLFormula.Replace("D(P‖Q) =", "KLᵣ =") + "; ∂/∂μPᵢ = (μPᵢ − μQᵢ)/σQᵢ², ∂/∂vPᵢ = ½(e^(vPᵢ − vQᵢ) − 1)"),
            });

        /// <summary>Names the generator writes into a DiagonalNormal type; a user member with one of them is DG0005.</summary>
        public static readonly string[] GeneratedMembers =
        {
            "Dimensions", "Mean", "LogVariance", "FromMeanAndLogVariance", "TryFromMeanAndLogVariance", "FromMeanAndStandardDeviation",
            "TryFromMeanAndStandardDeviation", "LogPdf", "Entropy", "KLDivergence", "CrossEntropy", "Sample", "KLToStandardNormal",
            "KLToStandardNormalAndGradient", "KLDivergenceAndGradient", "IsDefault", "ThrowIfDefault", "__Values", "_mean", "_logVariance",
            "_sumLogVariance", "_constructed", "CreateMeanAndLogVariance", "CreateMeanAndStandardDeviation",
        };
    }
}
