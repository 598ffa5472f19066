namespace DivergenceGen
{
    /// <summary>
    /// How a joint type's <c>NormalizedMutualInformation</c> divides the mutual information I(X; Y) by the entropies of the
    /// row variable X and the column variable Y. Every choice gives a value in [0, 1]; scikit-learn's
    /// <c>normalized_mutual_info_score</c> calls them <c>average_method</c> (its default is <see cref="Arithmetic"/>).
    /// </summary>
    public enum MutualInformationNormalization
    {
        /// <summary>2·I/(H(X) + H(Y)), the arithmetic mean of the entropies (scikit-learn's default; the V-measure).</summary>
        Arithmetic = 0,

        /// <summary>I/√(H(X)·H(Y)), the geometric mean.</summary>
        Geometric = 1,

        /// <summary>I/min(H(X), H(Y)).</summary>
        Minimum = 2,

        /// <summary>I/max(H(X), H(Y)).</summary>
        Maximum = 3,

        /// <summary>I/H(X, Y), the joint entropy.</summary>
        Joint = 4,
    }
}
