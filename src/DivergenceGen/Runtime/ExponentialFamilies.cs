using System;
using System.Globalization;
using System.Text;

namespace DivergenceGen
{
    /// <summary>
    /// The log-partition A(η) of an <see cref="ExponentialFamilyAttribute"/> type at η, with its gradient and Hessian, as
    /// the generated code computes them from the symbolic derivative of the user's <c>LogPartition</c>.
    /// </summary>
    /// <param name="naturalParameters">η₁ … η_d.</param>
    /// <param name="gradient">Empty, or d elements: receives ∂A/∂ηᵢ = E[Tᵢ].</param>
    /// <param name="hessian">Empty, or d·d elements (row-major, symmetric): receives ∂²A/∂ηᵢ∂ηⱼ = Cov[Tᵢ, Tⱼ].</param>
    /// <returns>A(η).</returns>
    public delegate double LogPartitionDerivatives(ReadOnlySpan<double> naturalParameters, Span<double> gradient, Span<double> hessian);

    /// <summary>
    /// Helpers of the types generated from <see cref="ExponentialFamilyAttribute"/>: the checks of a construction, the
    /// messages of invalid ones, the support checks of data, and maximum-likelihood fitting in the natural parameters.
    /// </summary>
    public static class ExponentialFamilies
    {
        /// <summary>The most Newton steps <see cref="FitNaturalParameters"/> takes.</summary>
        public const int MaxFitIterations = 100;

        /// <summary>2⁻⁵², the spacing of doubles at 1.</summary>
        private const double Ulp1 = 2.220446049250313E-16;

        /// <summary>
        /// Whether natural parameters make a law: every ηᵢ finite and A(η) finite (A is +∞ or NaN outside the natural
        /// parameter space, e.g. −½·log(−2η₂) for η₂ ≥ 0).
        /// </summary>
        /// <param name="naturalParameters">η.</param>
        /// <param name="logPartition">A(η).</param>
        /// <returns>Whether η is in the family's domain.</returns>
        public static bool IsValid(ReadOnlySpan<double> naturalParameters, double logPartition)
        {
            foreach (double eta in naturalParameters)
            {
                if (!double.IsFinite(eta))
                {
                    return false;
                }
            }

            return double.IsFinite(logPartition);
        }

        /// <summary>
        /// The exception for parameters outside the family's domain: it names the type, the user's parameters (when the law
        /// was built from them) and the natural parameters with their values, and A(η).
        /// </summary>
        /// <param name="typeName">The generated type.</param>
        /// <param name="parameters">The user's parameter names (empty when built from η).</param>
        /// <param name="values">Their values.</param>
        /// <param name="naturalNames">The natural parameters' names.</param>
        /// <param name="naturalValues">η.</param>
        /// <param name="logPartition">A(η).</param>
        /// <returns>The exception, to throw.</returns>
        public static ArgumentException Invalid(string typeName, string[] parameters, double[] values, string[] naturalNames, double[] naturalValues, double logPartition)
        {
            ArgumentNullException.ThrowIfNull(parameters);
            ArgumentNullException.ThrowIfNull(values);
            ArgumentNullException.ThrowIfNull(naturalNames);
            ArgumentNullException.ThrowIfNull(naturalValues);
            string named = Join(parameters, values);
            string natural = Join(naturalNames, naturalValues);
            string where = parameters.Length > 0 ? typeName + "(" + named + "): the natural parameters " + natural : typeName + "(" + natural + "): these natural parameters";
            return new ArgumentException(
                where + " are outside the family's domain (each must be finite and LogPartition finite; it is " + Show(logPartition) + ").",
                parameters.Length == 1 ? parameters[0] : naturalNames.Length == 1 && parameters.Length == 0 ? naturalNames[0] : null);
        }

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the index and value of a sample outside the support.</summary>
        /// <param name="index">The sample's index.</param>
        /// <param name="value">The sample.</param>
        /// <param name="support">The support, as text.</param>
        /// <param name="paramName">The samples' parameter name.</param>
        public static void ThrowOutsideSupport(int index, double value, string support, string paramName) =>
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                paramName + "[" + index.ToString(CultureInfo.InvariantCulture) + "] is " + Show(value) + ", outside the support " + support + ".");

        /// <summary>
        /// Maximum likelihood in the natural parameters: the η that solves ∇A(η) = T̄, the mean sufficient statistic of the
        /// data, i.e. the minimum of the convex f(η) = A(η) − η·T̄. Newton steps ∇²A·δ = T̄ − ∇A by Cholesky, halved until η
        /// stays in the domain (A finite) and f does not rise; stops when the score T̄ − ∇A is zero to rounding (each
        /// component within 8ε·(|T̄ᵢ| + |∂ᵢA|)), one step after the Newton decrement (T̄ − ∇A)·δ falls below 2⁻⁸⁸·(1 + |f|) (η is
        /// then within about 2⁻⁴⁴ of the minimum, and that step is quadratically convergent), or when a step changes no ηᵢ by
        /// more than 4ε·|ηᵢ|.
        /// </summary>
        /// <param name="typeName">The generated type, for messages.</param>
        /// <param name="naturalNames">η's names, for messages.</param>
        /// <param name="meanStatistics">T̄ (d values).</param>
        /// <param name="start">Where Newton starts: valid natural parameters.</param>
        /// <param name="logPartition">A and its derivatives.</param>
        /// <param name="samplesName">The caller's name of the data, for exceptions.</param>
        /// <returns>η̂.</returns>
        /// <exception cref="ArgumentException">T̄ is not finite, or the maximum does not exist: T̄ on the boundary of the
        /// convex hull of T's values (all samples equal, for a normal law), ∇²A singular, or no convergence in
        /// <see cref="MaxFitIterations"/> steps; the message names the type, η's last values and T̄.</exception>
        public static double[] FitNaturalParameters(
            string typeName, string[] naturalNames, ReadOnlySpan<double> meanStatistics, ReadOnlySpan<double> start, LogPartitionDerivatives logPartition, string samplesName)
        {
            ArgumentNullException.ThrowIfNull(naturalNames);
            ArgumentNullException.ThrowIfNull(logPartition);
            int d = naturalNames.Length;
            double[] mean = meanStatistics.ToArray();
            double[] eta = start.ToArray();
            ArgumentException Fail(string problem) => new(
                typeName + ".Fit: no maximum-likelihood estimate (at " + Join(naturalNames, eta) + ", mean sufficient statistic " + Join(mean) + ") — " + problem + ".",
                samplesName);

            foreach (double t in mean)
            {
                if (!double.IsFinite(t))
                {
                    throw Fail("the mean sufficient statistic is not finite (a sample too large, or T(x) infinite)");
                }
            }

            var gradient = new double[d];
            var hessian = new double[d * d];
            var step = new double[d];
            var trial = new double[d];
            double a = logPartition(eta, gradient, hessian);
            if (!IsValid(eta, a))
            {
                throw Fail("the start is outside the family's domain (LogPartition is " + Show(a) + ")");
            }

            for (int iteration = 0; iteration < MaxFitIterations; iteration++)
            {
                double f = a - Dot(eta, mean);
                bool stationary = true;
                for (int i = 0; i < d; i++)
                {
                    // The score T̄ − ∇A is zero to rounding when it is within 8ε of the magnitudes it subtracts.
                    stationary &= Math.Abs(mean[i] - gradient[i]) <= 8 * Ulp1 * (Math.Abs(mean[i]) + Math.Abs(gradient[i]));
                    gradient[i] = mean[i] - gradient[i]; // −∇f
                }

                double largest = 0;
                for (int i = 0; i < d; i++)
                {
                    largest = Math.Max(largest, Math.Abs(hessian[(i * d) + i]));
                }

                if (!Cholesky.TrySolve((double[])hessian.Clone(), gradient, step, d, largest * d * 1e-14))
                {
                    throw Fail("the covariance of the sufficient statistics, ∇²A, is singular there: the data lie on the boundary of the family (e.g. all samples equal) or the statistics are not independent");
                }

                if (stationary)
                {
                    return eta;
                }

                // A decrement this small means η is within about 2⁻⁴⁴ of the minimum: this one more (quadratically
                // convergent) step brings it to rounding, and ends the fit.
                double decrement = Dot(gradient, step);
                bool last = decrement <= 3.2e-27 * (1 + Math.Abs(f));

                bool accepted = false;
                double t = 1;
                for (int halving = 0; halving < 64 && !accepted; halving++, t *= 0.5)
                {
                    for (int i = 0; i < d; i++)
                    {
                        trial[i] = eta[i] + (t * step[i]);
                    }

                    double next = logPartition(trial, Span<double>.Empty, Span<double>.Empty);
                    accepted = IsValid(trial, next) && next - Dot(trial, mean) <= f + (8 * Ulp1 * (Math.Abs(f) + Math.Abs(a)));
                }

                if (!accepted)
                {
                    throw Fail("no step along the Newton direction keeps the law valid and lowers A(η) − η·T̄");
                }

                bool small = true;
                for (int i = 0; i < d; i++)
                {
                    small &= Math.Abs(trial[i] - eta[i]) <= 4 * Ulp1 * Math.Abs(eta[i]);
                }

                Array.Copy(trial, eta, d);
                a = logPartition(eta, gradient, hessian);
                if (small || last)
                {
                    return eta;
                }
            }

            throw Fail("it did not converge in " + MaxFitIterations.ToString(CultureInfo.InvariantCulture) + " Newton steps (the maximum may be at infinite natural parameters: data on the boundary of the family)");
        }

        private static double Dot(double[] a, double[] b)
        {
            double sum = 0;
            for (int i = 0; i < a.Length; i++)
            {
                sum += a[i] * b[i];
            }

            return sum;
        }

        private static string Join(string[] names, double[] values)
        {
            var text = new StringBuilder();
            for (int i = 0; i < names.Length && i < values.Length; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(names[i]).Append(" = ").Append(Show(values[i]));
            }

            return text.ToString();
        }

        private static string Join(double[] values)
        {
            var text = new StringBuilder("(");
            for (int i = 0; i < values.Length; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(Show(values[i]));
            }

            return text.Append(')').ToString();
        }

        private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
