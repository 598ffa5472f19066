using System;
using System.ComponentModel;
using System.Globalization;

namespace DivergenceGen
{
    /// <summary>
    /// The outcome of validating a vector argument, returned by the <c>Check…</c> methods of
    /// <see cref="ProbabilityVectors"/> and <see cref="DirichletMath"/>: a <c>Try…</c> factory reads <see cref="IsValid"/>, a throwing one calls
    /// <see cref="ThrowIfInvalid"/>. Nothing is allocated unless it throws.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public readonly struct VectorCheck
    {
        private readonly Problem _problem;
        private readonly string _paramName;
        private readonly int _index;
        private readonly double _value;
        private readonly double _limit;

        internal VectorCheck(Problem problem, string paramName, int index, double value, double limit = 0)
        {
            _problem = problem;
            _paramName = paramName;
            _index = index;
            _value = value;
            _limit = limit;
        }

        internal enum Problem
        {
            None,
            Length,
            NotFinite,
            Negative,
            PositiveInfinity,
            AllNegativeInfinity,
            Sum,
            ZeroTotal,
            Pseudocount,
            Tolerance,
            Concentration,
        }

        /// <summary>A valid argument.</summary>
        public static VectorCheck Valid => default;

        /// <summary>Whether the argument was valid.</summary>
        public bool IsValid => _problem == Problem.None;

        /// <summary>
        /// Throws the documented exception when the argument was invalid: <see cref="ArgumentException"/> for a wrong
        /// length, a sum that is not 1 or a zero total; <see cref="ArgumentOutOfRangeException"/> for a bad element
        /// (naming its index and value: a negative or non-finite probability, a concentration that is not finite and &gt; 0)
        /// or a bad pseudocount.
        /// </summary>
        public void ThrowIfInvalid()
        {
            if (_problem != Problem.None)
            {
                throw CreateException();
            }
        }

        private Exception CreateException()
        {
            var c = CultureInfo.InvariantCulture;
            return _problem switch
            {
                Problem.Length => new ArgumentException(
                    string.Format(c, "{0} has {1} elements but this distribution has K = {2} classes.", _paramName, _index, (int)_limit), _paramName),
                Problem.NotFinite => new ArgumentOutOfRangeException(
                    _paramName, _value, string.Format(c, "{0}[{1}] = {2} is not a finite number.", _paramName, _index, _value)),
                Problem.Negative => new ArgumentOutOfRangeException(
                    _paramName, _value, string.Format(c, "{0}[{1}] = {2} is negative.", _paramName, _index, _value)),
                Problem.PositiveInfinity => new ArgumentOutOfRangeException(
                    _paramName, _value, string.Format(c, "{0}[{1}] = {2} is NaN or +∞; logits must be finite or −∞.", _paramName, _index, _value)),
                Problem.AllNegativeInfinity => new ArgumentException(
                    string.Format(c, "Every element of {0} is −∞: at least one outcome must have positive probability.", _paramName), _paramName),
                Problem.Sum => new ArgumentException(
                    string.Format(c, "The elements of {0} sum to {1:R}, not 1 within the tolerance {2:R}. To normalise values that do not sum to 1 "
                        + "(weights, or probabilities rounded to float elsewhere), use FromWeights; to take them as given, pass a sumTolerance "
                        + "to FromProbabilities.", _paramName, _value, _limit), _paramName),
                Problem.Concentration => new ArgumentOutOfRangeException(
                    _paramName, _value, string.Format(c, "{0}[{1}] is {2}; every concentration must be finite and > 0.", _paramName, _index, _value)),
                Problem.ZeroTotal => new ArgumentException(
                    string.Format(c, "The elements of {0} sum to {1:R}: the total must be positive and finite.", _paramName, _value), _paramName),
                _ => new ArgumentOutOfRangeException(
                    _paramName, _value, string.Format(c, "{0} = {1} must be finite and non-negative.", _paramName, _value)),
            };
        }
    }
}
