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
