using System;
using System.Globalization;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Loop skeletons shared by every kernel: a cascade of SIMD loops from the widest vector the target offers to
    /// the narrowest, then a scalar tail. Each width's loop body is written by the caller from the IR.
    /// </summary>
    internal static class VectorLoops
    {
        /// <summary>
        /// Elementwise over <paramref name="length"/> items with index <c>i</c>:
        /// <c>if (Vector512.IsHardwareAccelerated) for (; i &lt;= n − 8; i += 8) { … }</c>, then 256, 128, and a scalar loop.
        /// The JIT drops the branches the CPU cannot take. <paramref name="body"/> gets the vector lowering, or null for scalar.
        /// </summary>
        /// <param name="c">The emit context (writer, vector widths).</param>
        /// <param name="length">The C# expression of the element count.</param>
        /// <param name="body">Writes one iteration, given the lowering of its width (null for the scalar tail).</param>
        /// <param name="bind">Binds the IR's names inside the vector body.</param>
        /// <param name="precision">The lanes' element type; the type's precision by default (a float type's double kernel passes Double).</param>
        public static void Cascade(EmitContext c, string length, Action<VectorLowering?> body, Func<string, string> bind, Model.PrecisionKind? precision = null)
        {
            var w = c.W;
            w.Line("int i = 0;");
            foreach (int bits in c.VectorWidths)
            {
                var lowering = new VectorLowering(bits, precision ?? c.Spec.Precision, bind);
                string lanes = lowering.Lanes.ToString(CultureInfo.InvariantCulture);
                using (w.Block("if (" + lowering.Vector + ".IsHardwareAccelerated)"))
                using (w.Block("for (; i <= " + length + " - " + lanes + "; i += " + lanes + ")"))
                {
                    body(lowering);
                }
            }

            w.Line("// Scalar tail: the elements left over after the widest vectors.");
            using (w.Block("for (; i < " + length + "; i++)"))
            {
                body(null);
            }
        }

        /// <summary>
        /// <see cref="Cascade"/> for an elementwise body whose vector code calls a function with a call-free first-pass form
        /// (<see cref="KernelPasses"/>): per width, a first loop with the <c>FastPass</c> forms, which has no call and so
        /// keeps its vectors in registers, and which stops at the first vector with a NaN lane (the body writes
        /// <see cref="BreakOnNaN"/> before it stores); then the same loop with the general functions from that vector on.
        /// Nothing of that vector has been stored, so a destination that is also an input is still read as it was.
        /// <paramref name="body"/> gets the lowering (null for the scalar tail) and whether it writes the first pass.
        /// </summary>
        public static void CascadeInTwoPasses(
            EmitContext c, string length, Action<VectorLowering?, bool> body, Func<string, string> bind, Model.PrecisionKind? precision = null)
        {
            var w = c.W;
            w.Line("int i = 0;");
            foreach (int bits in c.VectorWidths)
            {
                var fast = new VectorLowering(bits, precision ?? c.Spec.Precision, bind, KernelPasses.FastPass);
                var general = new VectorLowering(bits, precision ?? c.Spec.Precision, bind);
                string lanes = fast.Lanes.ToString(CultureInfo.InvariantCulture);
                using (w.Block("if (" + fast.Vector + ".IsHardwareAccelerated)"))
                {
                    w.Line("// First pass: the FastPass forms, no call in the loop, so its vectors stay in registers; it stops at the");
                    w.Line("// first vector with a NaN lane (one that needs a general path), and the general loop goes on from there.");
                    using (w.Block("for (; i <= " + length + " - " + lanes + "; i += " + lanes + ")"))
                    {
                        body(fast, true);
                    }

                    using (w.Block("for (; i <= " + length + " - " + lanes + "; i += " + lanes + ")"))
                    {
                        body(general, false);
                    }
                }
            }

            w.Line("// Scalar tail: the elements left over after the widest vectors.");
            using (w.Block("for (; i < " + length + "; i++)"))
            {
                body(null, false);
            }
        }

        /// <summary>
        /// The attribute of a member whose loops run in two passes, with its reason: compiled on its own and optimised at once.
        /// Inlined into a hot caller (tier 1 with a profile inlines even large methods), the member's first-pass forms fell
        /// outside the caller's inlining budget and became calls again, with the stack traffic the two passes avoid
        /// (benchmarks/README.md, "The cause: the caller's stack pointer under spilled vectors").
        /// </summary>
        public static void TwoPassMethodAttribute(SourceWriter w)
        {
            w.Line("// Not inlined, optimised at once: inlined into a caller, its first pass's calls could fall outside the caller's inlining budget.");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining"
                + " | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
        }

        /// <summary>The first pass's exit: <c>if (!Vector512.EqualsAll(value, value)) break;</c>.</summary>
        public static void BreakOnNaN(SourceWriter w, VectorLowering v, string value) =>
            w.Line("if (!" + v.Vector + ".EqualsAll(" + value + ", " + value + ")) break; // a NaN lane: the general loop takes this vector");
    }
}
