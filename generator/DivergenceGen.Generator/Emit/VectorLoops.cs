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
    }
}
