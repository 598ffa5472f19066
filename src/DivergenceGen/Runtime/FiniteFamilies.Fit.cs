using System;
using System.Globalization;
using System.Text;

namespace DivergenceGen
{
    /// <summary>
    /// The log-weight of outcome <paramref name="k"/> at the parameters θ, with its derivatives, as a
    /// <see cref="FiniteFamilyAttribute"/> type's generated code computes them from the symbolic derivative of the user's
    /// <c>LogWeight</c> (always in double, whatever the type's precision).
    /// </summary>
    /// <param name="k">The outcome, 0 … K − 1.</param>
    /// <param name="parameters">θ₁ … θₘ.</param>
    /// <param name="gradient">Empty, or m elements: receives ∂ LogWeight(k, θ) / ∂θᵢ.</param>
    /// <param name="hessian">Empty, or m·m elements (row-major, symmetric): receives ∂² LogWeight(k, θ) / ∂θᵢ∂θⱼ.</param>
    /// <returns>LogWeight(k, θ).</returns>
    public delegate double LogWeightDerivatives(int k, ReadOnlySpan<double> parameters, Span<double> gradient, Span<double> hessian);

    public static partial class FiniteFamilies
    {
        /// <summary>The most Newton steps <see cref="FitMaximumLikelihood"/> takes.</summary>
        public const int MaxFitIterations = 200;

        /// <summary>
        /// The change of log-probabilities below which a full Newton step ends the fit (quadratic convergence: the next
        /// step would be of the order of its square, far below rounding).
        /// </summary>
        private const double ConvergedChange = 5.684341886080802E-14; // 2⁻⁴⁴

        /// <summary>
        /// The change of log-probabilities that a Newton step from a point where the gradient is zero to rounding may make
        /// and still be rounding (its size is about ε·(range of the score)² / (variance of the score)); a larger step means
        /// the log-likelihood still rises, along a direction where the law no longer changes (a maximum at infinite
        /// parameters).
        /// </summary>
        private const double StationaryChange = 1e-3;

        /// <summary>2⁻⁵², the spacing of doubles at 1 (<c>double.Epsilon</c> is the smallest subnormal, not this).</summary>
        private const double Ulp1 = 2.220446049250313E-16;

        /// <summary>
        /// Maximises the log-likelihood Σₖ cₖ·log P_θ(k) of outcome counts over θ, for a FiniteFamily type whose
        /// log-probabilities are log P_θ(k) = LogWeight(k, θ) − log Σⱼ exp LogWeight(j, θ). The method, per step (in the mean
        /// log-likelihood ℓ(θ) = Σₖ fₖ·LogWeight(k, θ) − log Z(θ), fₖ = cₖ / N):
        /// <list type="bullet">
        /// <item>the score ∇ℓ = E_f[∇ LogWeight] − E_P[∇ LogWeight] and the Hessian
        /// ∇²ℓ = Σₖ (fₖ − pₖ)·∇² LogWeight(k) − Cov_P[∇ LogWeight], from the derivatives the generator derived;</item>
        /// <item>a Newton step, solving (−∇²ℓ + μ·D)·δ = ∇ℓ by Cholesky with μ = 0 where −∇²ℓ is positive definite and the
        /// smallest μ ∈ {10⁻⁸, 10⁻⁷, …} (D its diagonal) that makes it so elsewhere (Levenberg–Marquardt);</item>
        /// <item>a backtracking line search: the step is halved until the law is valid and ℓ does not decrease (to
        /// rounding);</item>
        /// <item>the fit ends when a full Newton step changes no log-probability by more than 2⁻⁴⁴, or when the score is zero
        /// to rounding (8ε·Σₖ (fₖ + pₖ)·|∇ LogWeight(k)|) and −∇²ℓ is positive definite. For a law linear in θ (an
        /// exponential family) ℓ is concave and Newton converges quadratically from any valid start;</item>
        /// <item>it fails (rather than return a law at huge parameters) when the score is zero to rounding but the Newton step
        /// still changes a log-probability by more than 10⁻³, or when three steps in a row move no probability by more than
        /// 2⁻⁴⁴ while changing a log-probability by more than 10⁻³: the likelihood rises towards the limit of the family
        /// (its maximum is at infinite parameters); when −∇²ℓ is singular there (not identifiable); and after
        /// <see cref="MaxFitIterations"/> steps.</item>
        /// </list>
        /// </summary>
        /// <param name="typeName">The generated type, for messages.</param>
        /// <param name="parameterNames">θ's names, in order, for messages.</param>
        /// <param name="counts">K non-negative counts cₖ, not all 0.</param>
        /// <param name="start">Where the fit starts: a valid law under which every counted outcome has positive probability.</param>
        /// <param name="logWeight">LogWeight(k, θ) and its derivatives.</param>
        /// <param name="countsName">The caller's name of the data, for exceptions.</param>
        /// <returns>θ at the maximum.</returns>
        /// <exception cref="ArgumentOutOfRangeException">A count is negative (the message names its index and value).</exception>
        /// <exception cref="ArgumentException">Every count is 0; the start is not a valid law, or gives a counted outcome
        /// probability 0, or a derivative there is not finite; or the likelihood has no maximum at finite parameters (it
        /// keeps rising as θ grows: the data lie on the family's boundary, e.g. every outcome at one end), is flat along a
        /// direction (parameters not identifiable), or the fit did not converge in <see cref="MaxFitIterations"/> steps. Each
        /// message names the type, the parameters and their last values.</exception>
        public static double[] FitMaximumLikelihood(
            string typeName, string[] parameterNames, ReadOnlySpan<long> counts, ReadOnlySpan<double> start, LogWeightDerivatives logWeight, string countsName)
        {
            ArgumentNullException.ThrowIfNull(parameterNames);
            ArgumentNullException.ThrowIfNull(logWeight);
            int classes = counts.Length;
            int m = parameterNames.Length;
            if (start.Length != m)
            {
                throw new ArgumentException("The start has " + start.Length.ToString(CultureInfo.InvariantCulture) + " parameters; " + typeName + " has " + m.ToString(CultureInfo.InvariantCulture) + ".", nameof(start));
            }

            double total = 0;
            for (int k = 0; k < classes; k++)
            {
                if (counts[k] < 0)
                {
                    throw new ArgumentOutOfRangeException(countsName, counts[k], countsName + "[" + k.ToString(CultureInfo.InvariantCulture) + "] is " + counts[k].ToString(CultureInfo.InvariantCulture) + "; a count must be ≥ 0.");
                }

                total += counts[k];
            }

            if (total == 0)
            {
                throw new ArgumentException(countsName + " counts no outcome: at least one is needed to fit " + typeName + ".", countsName);
            }

            var f = new double[classes];
            for (int k = 0; k < classes; k++)
            {
                f[k] = counts[k] / total;
            }

            var fit = new Fitter(typeName, parameterNames, f, logWeight, countsName);
            return fit.Run(start.ToArray());
        }

        /// <summary>The state of one fit: the empirical frequencies, and the work arrays of one evaluation.</summary>
        private sealed class Fitter
        {
            private readonly string _type;
            private readonly string[] _names;
            private readonly double[] _f;
            private readonly LogWeightDerivatives _logWeight;
            private readonly string _countsName;
            private readonly int _k;
            private readonly int _m;

            // One evaluation at θ: log-weights, probabilities, per-outcome gradients (K × m) and Hessians (K × m × m).
            private readonly double[] _lw;
            private readonly double[] _p;
            private readonly double[] _g;
            private readonly double[] _h;

            public Fitter(string type, string[] names, double[] f, LogWeightDerivatives logWeight, string countsName)
            {
                _type = type;
                _names = names;
                _f = f;
                _logWeight = logWeight;
                _countsName = countsName;
                _k = f.Length;
                _m = names.Length;
                _lw = new double[_k];
                _p = new double[_k];
                _g = new double[_k * _m];
                _h = new double[_k * _m * _m];
            }

            public double[] Run(double[] theta)
            {
                int m = _m;
                var score = new double[m];
                var hessian = new double[m * m];
                var noise = new double[m];
                var step = new double[m];
                var trial = new double[m];
                var mean = new double[m];

                double ell = Evaluate(theta, derivatives: false, out string? invalid);
                if (invalid is not null)
                {
                    throw Fail(theta, "the fit starts where " + invalid + "; start from a law that gives every observed outcome positive probability (Fit's start argument, or default values of LogWeight's parameters)");
                }

                int frozen = 0;
                for (int iteration = 0; iteration < MaxFitIterations; iteration++)
                {
                    ell = Evaluate(theta, derivatives: true, out invalid);
                    if (invalid is not null)
                    {
                        throw Fail(theta, "at the current parameters " + invalid);
                    }

                    Moments(score, hessian, noise, mean);
                    bool stationary = true;
                    for (int i = 0; i < m; i++)
                    {
                        stationary &= Math.Abs(score[i]) <= noise[i];
                    }

                    double mu = Solve(hessian, score, step, out bool definite);
                    double stepChange = Change(step, mean, weighted: false); // before the trials overwrite the probabilities
                    double probabilityChange = Change(step, mean, weighted: true);
                    if (stationary)
                    {
                        // The score is zero to rounding: a maximum, unless the log-likelihood is flat (not identifiable)
                        // or keeps rising where the law no longer changes to rounding (a maximum at infinity).
                        if (!definite)
                        {
                            throw Fail(theta, "the log-likelihood is flat along a direction of the parameters there: they are not identifiable from these data (LogWeight may depend on them only through a combination), or the maximum lies at the edge of the parameters' domain or at infinity along that direction");
                        }

                        if (stepChange > StationaryChange)
                        {
                            throw Unbounded(theta, step);
                        }

                        return theta;
                    }

                    // The step moves the parameters but no probability by more than 2⁻⁴⁴: the law has stopped changing while
                    // the likelihood still rises. Three such steps in a row: the maximum is at infinity (a regular fit makes
                    // such a step only when its log-probabilities change by as little, and then it has converged).
                    frozen = probabilityChange <= ConvergedChange && stepChange > StationaryChange ? frozen + 1 : 0;
                    if (frozen == 3)
                    {
                        throw Unbounded(theta, step);
                    }

                    // Backtracking: halve the step until the law is valid and the log-likelihood does not fall.
                    double t = 1;
                    double tolerance = 8 * Scale();
                    bool accepted = false;
                    for (int halving = 0; halving < 64; halving++, t *= 0.5)
                    {
                        for (int i = 0; i < m; i++)
                        {
                            trial[i] = theta[i] + (t * step[i]);
                        }

                        double next = Evaluate(trial, derivatives: false, out string? trialInvalid);
                        if (trialInvalid is null && next >= ell - tolerance)
                        {
                            accepted = true;
                            break;
                        }
                    }

                    if (!accepted)
                    {
                        // No step along the Newton direction keeps the law valid and the likelihood from falling by more
                        // than rounding. Where the Newton step itself is tiny (log-probabilities change by at most 10⁻⁶, so
                        // the gain, about its square, is below rounding) θ is at the maximum: the full step, if it gives a
                        // valid law, only sharpens it (Newton converges quadratically), and ends the fit.
                        if (stepChange <= 1e-6 && definite)
                        {
                            for (int i = 0; i < m; i++)
                            {
                                trial[i] = theta[i] + step[i];
                            }

                            Evaluate(trial, derivatives: false, out string? fullInvalid);
                            if (fullInvalid is null)
                            {
                                Array.Copy(trial, theta, m);
                            }

                            return theta;
                        }

                        throw Fail(theta, "no step along the Newton direction increases the log-likelihood (it may be undefined or NaN nearby)");
                    }

                    bool full = t == 1 && mu == 0;
                    double change = t * stepChange;
                    Array.Copy(trial, theta, m);
                    if (full && change <= ConvergedChange)
                    {
                        return theta;
                    }
                }

                throw Fail(theta, "it did not converge in " + MaxFitIterations.ToString(CultureInfo.InvariantCulture) + " Newton steps (" + Direction(step) + " was the last); the log-likelihood may have no maximum at finite parameters (data on the boundary of the family, e.g. every outcome at one end), or be very flat");
            }

            /// <summary>
            /// ℓ(θ) = Σₖ fₖ·LogWeight(k, θ) − log Z(θ), filling log-weights and probabilities (and the derivatives when
            /// asked); null, or why the point is unusable (a NaN or +∞ log-weight, all −∞, an observed outcome of
            /// probability 0, a derivative that is not finite where it counts).
            /// </summary>
            private double Evaluate(double[] theta, bool derivatives, out string? invalid)
            {
                int m = _m;
                double max = double.NegativeInfinity;
                for (int k = 0; k < _k; k++)
                {
                    var g = derivatives ? _g.AsSpan(k * m, m) : Span<double>.Empty;
                    var h = derivatives ? _h.AsSpan(k * m * m, m * m) : Span<double>.Empty;
                    double lw = _logWeight(k, theta, g, h);
                    if (double.IsNaN(lw) || double.IsPositiveInfinity(lw))
                    {
                        invalid = "LogWeight(" + Index(k) + ", …) is " + Show(lw) + " (a log-weight must be finite or −∞)";
                        return double.NaN;
                    }

                    _lw[k] = lw;
                    max = Math.Max(max, lw);
                }

                if (double.IsNegativeInfinity(max))
                {
                    invalid = "every log-weight is −∞";
                    return double.NaN;
                }

                double sum = 0;
                for (int k = 0; k < _k; k++)
                {
                    sum += Math.Exp(_lw[k] - max);
                }

                double logSum = Math.Log(sum);
                double ell = 0;
                for (int k = 0; k < _k; k++)
                {
                    double logP = (_lw[k] - max) - logSum;
                    _p[k] = Math.Exp(logP);
                    if (_f[k] > 0)
                    {
                        if (double.IsNegativeInfinity(logP))
                        {
                            invalid = "the observed outcome " + Index(k) + " has probability 0 (LogWeight(" + Index(k) + ", …) is −∞)";
                            return double.NaN;
                        }

                        ell += _f[k] * logP;
                    }

                    if (derivatives && (_f[k] > 0 || _p[k] > 0))
                    {
                        for (int i = 0; i < m * m; i++)
                        {
                            if (!double.IsFinite(_h[(k * m * m) + i]) || (i < m && !double.IsFinite(_g[(k * m) + i])))
                            {
                                invalid = "a derivative of LogWeight(" + Index(k) + ", …) is not finite (the log-weight is not differentiable there)";
                                return double.NaN;
                            }
                        }
                    }
                }

                invalid = null;
                return ell;
            }

            /// <summary>The rounding scale of ℓ: Σₖ fₖ·|log pₖ| over the observed outcomes, times ε.</summary>
            private double Scale()
            {
                double scale = 0;
                double max = double.NegativeInfinity;
                for (int k = 0; k < _k; k++)
                {
                    max = Math.Max(max, _lw[k]);
                }

                for (int k = 0; k < _k; k++)
                {
                    if (_f[k] > 0)
                    {
                        scale += _f[k] * (Math.Abs(_lw[k]) + Math.Abs(max));
                    }
                }

                return scale * Ulp1;
            }

            /// <summary>
            /// The score ∇ℓ = E_f[∇lw] − E_P[∇lw], its rounding bound 8ε·Σₖ (fₖ + pₖ)·|∇lw(k)|, the Hessian
            /// Σₖ (fₖ − pₖ)·∇²lw(k) − Cov_P[∇lw] (row-major m × m), and E_P[∇lw].
            /// </summary>
            private void Moments(double[] score, double[] hessian, double[] noise, double[] mean)
            {
                int m = _m;
                Array.Clear(score);
                Array.Clear(hessian);
                Array.Clear(noise);
                Array.Clear(mean);
                for (int k = 0; k < _k; k++)
                {
                    if (_p[k] == 0 && _f[k] == 0)
                    {
                        continue;
                    }

                    for (int i = 0; i < m; i++)
                    {
                        double g = _g[(k * m) + i];
                        mean[i] += _p[k] * g;
                        score[i] += _f[k] * g;
                        noise[i] += (_f[k] + _p[k]) * Math.Abs(g);
                    }
                }

                for (int i = 0; i < m; i++)
                {
                    score[i] -= mean[i];
                    noise[i] *= 8 * Ulp1;
                }

                for (int k = 0; k < _k; k++)
                {
                    if (_p[k] == 0 && _f[k] == 0)
                    {
                        continue;
                    }

                    double weight = _f[k] - _p[k];
                    for (int i = 0; i < m; i++)
                    {
                        double gi = _g[(k * m) + i] - mean[i];
                        for (int j = 0; j < m; j++)
                        {
                            double gj = _g[(k * m) + j] - mean[j];
                            hessian[(i * m) + j] += (weight * _h[(k * m * m) + (i * m) + j]) - (_p[k] * gi * gj);
                        }
                    }
                }
            }

            /// <summary>
            /// The largest change of a log-probability that the step δ makes to first order: maxₖ |Σᵢ δᵢ·(∂ᵢlw(k) − E_P[∂ᵢlw])|
            /// over the outcomes observed or of positive probability (the step in the law's own units, whatever θ's scale);
            /// <paramref name="weighted"/>: of a probability, each term times pₖ.
            /// </summary>
            private double Change(double[] step, double[] mean, bool weighted)
            {
                int m = _m;
                double largest = 0;
                for (int k = 0; k < _k; k++)
                {
                    if (_p[k] == 0 && _f[k] == 0)
                    {
                        continue;
                    }

                    double change = 0;
                    for (int i = 0; i < m; i++)
                    {
                        change += step[i] * (_g[(k * m) + i] - mean[i]);
                    }

                    largest = Math.Max(largest, Math.Abs(change) * (weighted ? _p[k] : 1));
                }

                return largest;
            }

            /// <summary>
            /// Solves (−H + μ·D)·δ = score by Cholesky, μ = 0 when −H is positive definite (with no pivot below m·10⁻¹⁴ of the
            /// largest diagonal entry, about 45ε·m: rounding), else the smallest μ = 10⁻⁸·10ʲ that makes it so; returns μ.
            /// </summary>
            private double Solve(double[] hessian, double[] score, double[] step, out bool definite)
            {
                int m = _m;
                var a = new double[m * m];
                double largest = 0;
                for (int i = 0; i < m; i++)
                {
                    largest = Math.Max(largest, Math.Abs(hessian[(i * m) + i]));
                }

                definite = false;
                for (double mu = 0; mu < 1e20; mu = mu == 0 ? 1e-8 : mu * 10)
                {
                    for (int i = 0; i < m * m; i++)
                    {
                        a[i] = -hessian[i];
                    }

                    for (int i = 0; i < m; i++)
                    {
                        a[(i * m) + i] += mu * Math.Max(Math.Abs(hessian[(i * m) + i]), (largest * 1e-12) + double.Epsilon);
                    }

                    if (Cholesky.TrySolve(a, score, step, m, largest * m * 1e-14))
                    {
                        definite = mu == 0;
                        return mu;
                    }
                }

                throw Fail(Array.Empty<double>(), "the Hessian of the log-likelihood is not finite");
            }

            private ArgumentException Unbounded(double[] theta, double[] step) =>
                Fail(theta, "the log-likelihood still rises along the Newton step (" + Direction(step) + ") where the law no longer changes to rounding: the maximum lies at infinite parameters (the data are on the boundary of the family, e.g. every outcome at one end)");

            /// <summary>A step as <c>s +1.44, t −0.2</c>.</summary>
            private string Direction(double[] step)
            {
                var direction = new StringBuilder();
                for (int i = 0; i < _m; i++)
                {
                    direction.Append(i == 0 ? string.Empty : ", ").Append(_names[i]).Append(' ').Append(step[i] >= 0 ? "+" : "−").Append(Show(Math.Abs(step[i])));
                }

                return direction.ToString();
            }

            private ArgumentException Fail(double[] theta, string problem)
            {
                var named = new StringBuilder();
                for (int i = 0; i < theta.Length && i < _names.Length; i++)
                {
                    named.Append(i == 0 ? string.Empty : ", ").Append(_names[i]).Append(" = ").Append(Show(theta[i]));
                }

                return new ArgumentException(_type + ".Fit: no maximum-likelihood estimate " + (theta.Length > 0 ? "(at " + named + ") " : string.Empty) + "— " + problem + ".", _countsName);
            }

            private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);
        }
    }
}
