using System.Collections.Generic;
using System.Linq;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>
    /// When a kernel runs in two passes (the runtime's <c>IKernelPass</c>): its vector code calls a library function whose
    /// general path is a call (<c>Log</c>, <c>XLogRatio</c>, <c>Deviance</c>), and every value of such a call reaches the
    /// kernel's result through operations that keep a NaN, so that the first pass's NaN (a lane that needs the general
    /// path) is seen. docs/vector-maths.md, "Two-pass kernels".
    /// </summary>
    internal static class KernelPasses
    {
        /// <summary>The type argument of the first pass, for code outside a generic kernel.</summary>
        public const string FastPass = "global::DivergenceGen.FastPass";

        /// <summary>Whether <paramref name="e"/> runs in two passes: it has a pass call, and its NaN reaches the result.</summary>
        public static bool Applies(Expr e) => HasPassCall(e) && NaNReachesTheResult(e);

        /// <summary>Whether the vector code of <paramref name="e"/> calls a library function with a call-free first-pass form.</summary>
        public static bool HasPassCall(Expr e) =>
            e is Unary { Op: UnaryOp.Log } or Deviance
            || (e is XTimesLog { Log: LogRatio ratio } t && ratio.X.Equals(t.X))
            || Substitution.Children(e).Any(HasPassCall);

        /// <summary>
        /// Whether a logarithm reads an input the kernel checks to be a probability: its first pass then calls
        /// <c>LogOfCheckedProbability</c>, which has no per-lane domain test, and the kernel tests the argument's floor
        /// once (<see cref="FloorOf"/>).
        /// </summary>
        public static bool IsCheckedLog(Unary u, IReadOnlyCollection<string> checkedInputs) =>
            u.Op == UnaryOp.Log && u.Operand is Ref r && checkedInputs.Contains(r.Name);

        /// <summary>
        /// Whether x·log(x/y) reads inputs the kernel checks to be probabilities: its first pass then calls
        /// <c>XLogRatioOfCheckedProbabilities</c>, which has no per-lane domain test (see <see cref="IsCheckedLog"/>).
        /// </summary>
        public static bool IsCheckedXLogRatio(XTimesLog t, IReadOnlyCollection<string> checkedInputs) =>
            t.Log is LogRatio ratio && ratio.X.Equals(t.X)
            && ratio.X is Ref x && checkedInputs.Contains(x.Name) && ratio.Y is Ref y && checkedInputs.Contains(y.Name);

        /// <summary>
        /// The floor test of <paramref name="term"/>'s checked pass calls (<see cref="IsCheckedLog"/>,
        /// <see cref="IsCheckedXLogRatio"/>), or null when it has none. A call under x·log(…) is weighted by x (the term
        /// discards the lanes where x ≤ 0, so their arguments do not count); a logarithm elsewhere by 1. One floor serves
        /// the term: 2⁻⁹⁰⁰ when it has an x·log(x/y) (whose residual needs it), else the smallest normal number.
        /// </summary>
        public static FirstPassFloor? FloorOf(string name, Expr term, IReadOnlyCollection<string> checkedInputs)
        {
            var lanes = new List<FloorLane>();
            bool xLogRatio = false;
            Walk(term, new Const(1));
            return lanes.Count == 0 ? null : new FirstPassFloor(name, lanes.Distinct().ToList(), xLogRatio);

            void Walk(Expr e, Expr weight)
            {
                switch (e)
                {
                    case XTimesLog t when IsCheckedXLogRatio(t, checkedInputs):
                        lanes.Add(new FloorLane(t.X, t.X));
                        xLogRatio = true;
                        return;
                    case XTimesLog t:
                        Walk(t.X, weight);
                        Walk(t.Log, t.X);
                        return;
                    case Unary u when IsCheckedLog(u, checkedInputs):
                        lanes.Add(new FloorLane(weight, u.Operand));
                        return;
                }

                foreach (var child in Substitution.Children(e))
                {
                    Walk(child, weight);
                }
            }
        }

        /// <summary>
        /// Whether every value of a pass call reaches the result through operations that keep a NaN (arithmetic, the value
        /// branches of a selection): a comparison, min, max or runtime call on it could turn the first pass's NaN into a
        /// number, and the kernel would then keep a wrong first-pass result. Such a kernel stays in one pass.
        /// </summary>
        public static bool NaNReachesTheResult(Expr e) => e switch
        {
            Compare or Maximum or Minimum or Call => !HasPassCall(e),
            XTimesLog t => !HasPassCall(t.X) && NaNReachesTheResult(t.Log), // its x > 0 test reads x
            _ => Substitution.Children(e).All(NaNReachesTheResult),
        };
    }
}
