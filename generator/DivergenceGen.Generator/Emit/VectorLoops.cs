using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        /// <param name="pass">In a two-pass kernel, its pass type parameter (<c>TPass</c>), given to the lowering.</param>
        /// <param name="declareIndex">Whether to declare <c>int i = 0;</c> (false: <c>i</c> is the kernel's parameter).</param>
        /// <param name="perWidth">Written once per width before its loop (registers loaded, fields broadcast).</param>
        /// <param name="scalarTail">Whether to write the scalar tail (false: the caller finishes the elements from <c>i</c> on).</param>
        public static void Cascade(
            EmitContext c, string length, Action<VectorLowering?> body, Func<string, string> bind, Model.PrecisionKind? precision = null,
            string? pass = null, bool declareIndex = true, Action<VectorLowering>? perWidth = null, bool scalarTail = true)
        {
            var w = c.W;
            if (declareIndex)
            {
                w.Line("int i = 0;");
            }

            foreach (int bits in c.VectorWidths)
            {
                var lowering = new VectorLowering(bits, precision ?? c.Spec.Precision, bind, pass);
                string lanes = lowering.Lanes.ToString(CultureInfo.InvariantCulture);
                // With a set-up per width, the width is entered only when a vector of it is left, so the set-up is not wasted.
                using (w.Block("if (" + lowering.Vector + ".IsHardwareAccelerated" + (perWidth is null ? string.Empty : " && " + length + " - i >= " + lanes) + ")"))
                {
                    perWidth?.Invoke(lowering);
                    using (w.Block("for (; i <= " + length + " - " + lanes + "; i += " + lanes + ")"))
                    {
                        body(lowering);
                    }
                }
            }

            if (!scalarTail)
            {
                return;
            }

            w.Line("// Scalar tail: the elements left over after the widest vectors.");
            using (w.Block("for (; i < " + length + "; i++)"))
            {
                body(null);
            }
        }

        /// <summary>
        /// An elementwise kernel in the file's kernel class, <c>internal static void name(parameters)</c>, its loops from
        /// <see cref="Cascade"/> after <paramref name="prologue"/> (the span references). Where the vector code calls a function
        /// with a call-free first-pass form (<paramref name="twoPass"/>, <see cref="KernelPasses"/>), the loops are one generic
        /// body, <c>name&lt;TPass&gt;(parameters, int i)</c>, that returns where it stopped: the <c>FastPass</c> instance, with no
        /// call in its loops (so its vectors stay in registers), at the first vector with a NaN lane, before storing it (the
        /// body writes <see cref="ReturnOnNaN"/> where its bool argument says so); the entry then runs the <c>GeneralPass</c>
        /// instance from that vector on. Nothing of that vector was stored, so a destination that is also an input is still
        /// read as it was.
        /// </summary>
        /// <param name="c">The emit context of the kernel class's writer.</param>
        /// <param name="name">The kernel's name (the member's, usually).</param>
        /// <param name="summary">What the kernel computes (its doc comment).</param>
        /// <param name="parameters">The kernel's parameters, type and name.</param>
        /// <param name="length">The C# expression of the element count.</param>
        /// <param name="twoPass">Whether the loops run in two passes.</param>
        /// <param name="prologue">Writes what every loop reads (span references).</param>
        /// <param name="body">Writes one iteration, given the lowering of its width (null for the scalar tail) and whether to
        /// write <see cref="ReturnOnNaN"/> for the value it stores.</param>
        /// <param name="bind">Binds the IR's names inside the vector body.</param>
        /// <param name="precision">The lanes' element type; the type's precision by default.</param>
        /// <param name="guard">Written first in the entry: an early exit (ending in <c>return;</c>) for inputs the loops do not take.</param>
        /// <param name="entryModifiers">The entry's modifiers (a kernel class's <c>internal static</c> by default).</param>
        /// <param name="loopModifiers">The two-pass loops' modifiers (<c>private static</c> by default).</param>
        public static void ElementwiseKernel(
            EmitContext c,
            string name,
            string summary,
            IReadOnlyList<(string Type, string Name)> parameters,
            string length,
            bool twoPass,
            Action prologue,
            Action<VectorLowering?, bool> body,
            Func<string, string> bind,
            Model.PrecisionKind? precision = null,
            Action? guard = null,
            string entryModifiers = "internal static",
            string loopModifiers = "private static")
        {
            var w = c.W;
            string declared = string.Join(", ", parameters.Select(p => p.Type + " " + p.Name));
            string arguments = string.Join(", ", parameters.Select(p => p.Name));
            w.Summary(summary);
            if (!twoPass)
            {
                using (w.Block(entryModifiers + " void " + name + "(" + declared + ")"))
                {
                    guard?.Invoke();
                    prologue();
                    Cascade(c, length, v => body(v, false), bind, precision);
                }

                w.Line();
                return;
            }

            using (w.Block(entryModifiers + " void " + name + "(" + declared + ")"))
            {
                guard?.Invoke();
                w.Line("int i = " + name + "<global::DivergenceGen.FastPass>(" + arguments + ", 0);");
                using (w.Block("if (i < " + length + ")"))
                {
                    w.Line(name + "<global::DivergenceGen.GeneralPass>(" + arguments + ", i); // a vector with a NaN lane: the general forms from there on");
                }
            }

            w.Line();
            w.Summary(
                "The loops of " + name + " from element i on, in two passes (IKernelPass). FastPass calls only the call-free forms\n"
                + "(NaN in a lane that needs the general path), so its loops keep their vectors in registers, and returns the index of\n"
                + "the first vector with a NaN lane, before storing it; GeneralPass goes on from there. Returns where it stopped.");
            TwoPassMethodAttribute(w);
            using (w.Block(loopModifiers + " int " + name + "<TPass>(" + declared + ", int i)", "}", "where TPass : struct, global::DivergenceGen.IKernelPass"))
            {
                prologue();
                Cascade(c, length, v => body(v, v is not null), bind, precision, pass: "TPass", declareIndex: false);
                w.Line("return i;");
            }

            w.Line();
        }

        /// <summary>The first pass's exit in a generic two-pass kernel: <c>if (typeof(TPass) == typeof(FastPass) &amp;&amp; !Vector512.EqualsAll(value, value)) return i;</c>.</summary>
        public static void ReturnOnNaN(SourceWriter w, VectorLowering v, string value)
        {
            using (w.Block("if (typeof(TPass) == typeof(global::DivergenceGen.FastPass) && !" + v.Vector + ".EqualsAll(" + value + ", " + value + "))"))
            {
                w.Line("return i; // a NaN lane: GeneralPass takes this vector");
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
    }
}
