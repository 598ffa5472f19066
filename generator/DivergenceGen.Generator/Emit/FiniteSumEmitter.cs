using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Emits Σ_{i &lt; K} term(i) for a compile-time K over spans of length K, from one IR term. K ≤ the unroll
    /// threshold: straight-line code with constant offsets (widest vectors, then narrower ones for the rest, then
    /// scalars). K above it: one SIMD loop per width with a constant bound, and a scalar tail loop only when K is
    /// not a multiple of the width. float terms are accumulated in double.
    /// </summary>
    internal sealed class FiniteSumEmitter
    {
        private readonly EmitContext _c;
        private readonly SourceWriter _w;

        public FiniteSumEmitter(EmitContext context)
        {
            _c = context;
            _w = context.W;
        }

        private int K => _c.Spec.Classes;

        private bool IsSingle => _c.Spec.Precision == PrecisionKind.Single;

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// Writes a private static method <c>T name(ReadOnlySpan&lt;T&gt; input, …)</c> returning <c>finish(Σ term)</c>,
        /// where <paramref name="finish"/> maps the C# text of the double sum to the returned value.
        /// </summary>
        public void EmitKernel(string name, string purpose, IReadOnlyList<string> inputs, Expr term, Func<string, string> finish)
        {
            string T = _c.T;
            _w.Line("/// <summary>" + SourceWriter.Escape(purpose) + " Callers have checked that every span has length K = " + N(K) + ".</summary>");
            _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
            string parameters = string.Join(", ", inputs.Select(i => "global::System.ReadOnlySpan<" + T + "> " + i));
            using (_w.Block("private static " + T + " " + name + "(" + parameters + ")"))
            {
                bool anyVector = _c.VectorWidths.Any(b => _c.LanesOf(b) <= K);
                if (!anyVector)
                {
                    _w.Line("// K = " + N(K) + " is narrower than any vector: scalar code only.");
                }

                foreach (var input in anyVector ? inputs : Array.Empty<string>())
                {
                    _w.Line("ref " + T + " " + input + "Ref = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(" + input + ");");
                }

                if (K <= _c.Spec.UnrollThreshold)
                {
                    EmitStraightLine(inputs, term, finish);
                }
                else
                {
                    EmitLoops(inputs, term, finish);
                }
            }

            _w.Line();
        }

        private void EmitStraightLine(IReadOnlyList<string> inputs, Expr term, Func<string, string> finish)
        {
            _w.Line("// K = " + N(K) + " ≤ UnrollThreshold " + N(_c.Spec.UnrollThreshold) + ": straight-line code with constant offsets, no loop.");
            foreach (int bits in _c.VectorWidths.Where(b => _c.LanesOf(b) <= K))
            {
                using (_w.Block("if (" + VectorLowering.VectorClass(bits) + ".IsHardwareAccelerated)"))
                {
                    // double chunks of one width are added lane-wise first: one horizontal sum per width.
                    var chunksByWidth = new List<(VectorLowering Lowering, List<string> Terms)>();
                    int offset = 0;
                    int chunk = 0;
                    foreach (int width in _c.VectorWidths.Where(b => b <= bits))
                    {
                        int lanes = _c.LanesOf(width);
                        var terms = new List<string>();
                        VectorLowering? lowering = null;
                        while (K - offset >= lanes)
                        {
                            string suffix = N(chunk);
                            lowering = new VectorLowering(width, _c.Spec.Precision, n => n + suffix);
                            foreach (var input in inputs)
                            {
                                string at = offset == 0 ? string.Empty : ", " + N(offset);
                                _w.Line("var " + input + suffix + " = " + lowering.Vector + ".LoadUnsafe(ref " + input + "Ref" + at + ");");
                            }

                            _w.Line("var t" + suffix + " = " + lowering.Lower(term) + ";");
                            terms.Add("t" + suffix);
                            offset += lanes;
                            chunk++;
                        }

                        if (lowering is not null)
                        {
                            chunksByWidth.Add((lowering, terms));
                        }
                    }

                    var parts = IsSingle
                        ? chunksByWidth.SelectMany(c => c.Terms.Select(t => SumToDouble(c.Lowering, t))).ToList() // widen before adding
                        : chunksByWidth.Select(c => SumToDouble(c.Lowering, string.Join(" + ", c.Terms))).ToList();
                    for (int i = offset; i < K; i++)
                    {
                        int index = i;
                        var element = new ScalarLowering(_c.Spec.Precision, n => n + "[" + N(index) + "]");
                        parts.Add(Widen(element.Lower(term)));
                    }

                    _w.Line("return " + finish(string.Join(" + ", parts)) + ";");
                }
            }

            if (_c.VectorWidths.Any(b => _c.LanesOf(b) <= K))
            {
                _w.Line("// No SIMD on this CPU: the same sum, one scalar term per element.");
            }

            _w.Line("double total = 0;");
            for (int i = 0; i < K; i++)
            {
                int index = i;
                var element = new ScalarLowering(_c.Spec.Precision, n => n + "[" + N(index) + "]");
                _w.Line("total += " + element.Lower(term) + ";");
            }

            _w.Line("return " + finish("total") + ";");
        }

        private void EmitLoops(IReadOnlyList<string> inputs, Expr term, Func<string, string> finish)
        {
            _w.Line("// K = " + N(K) + " > UnrollThreshold " + N(_c.Spec.UnrollThreshold) + ": a SIMD loop with a constant bound, widest vector the CPU has first.");
            foreach (int bits in _c.VectorWidths.Where(b => _c.LanesOf(b) <= K))
            {
                var lowering = new VectorLowering(bits, _c.Spec.Precision, n => n + "Vec");
                int lanes = lowering.Lanes;
                int full = K - (K % lanes);
                using (_w.Block("if (" + lowering.Vector + ".IsHardwareAccelerated)"))
                {
                    string acc = lowering.Vector + "<double>";
                    _w.Line("var acc = " + acc + ".Zero;" + (IsSingle ? " // float terms are accumulated in double" : string.Empty));
                    using (_w.Block("for (int i = 0; i < " + N(full) + "; i += " + N(lanes) + ")"))
                    {
                        foreach (var input in inputs)
                        {
                            _w.Line("var " + input + "Vec = " + lowering.Vector + ".LoadUnsafe(ref " + input + "Ref, (nuint)i);");
                        }

                        _w.Line("var t = " + lowering.Lower(term) + ";");
                        _w.Line(IsSingle
                            ? "acc += " + lowering.Vector + ".WidenLower(t) + " + lowering.Vector + ".WidenUpper(t);"
                            : "acc += t;");
                    }

                    _w.Line("double sum = " + lowering.Vector + ".Sum(acc);");
                    if (full < K)
                    {
                        _w.Line("// K = " + N(K) + " is not a multiple of " + N(lanes) + ": a scalar tail for the last " + N(K - full) + ".");
                        EmitScalarLoop(inputs, term, N(full), "sum");
                    }
                    else
                    {
                        _w.Line("// K = " + N(K) + " is a multiple of " + N(lanes) + ": no tail.");
                    }

                    _w.Line("return " + finish("sum") + ";");
                }
            }

            _w.Line("// No SIMD on this CPU: a scalar loop.");
            _w.Line("double total = 0;");
            EmitScalarLoop(inputs, term, "0", "total");
            _w.Line("return " + finish("total") + ";");
        }

        private void EmitScalarLoop(IReadOnlyList<string> inputs, Expr term, string start, string target)
        {
            var scalar = new ScalarLowering(_c.Spec.Precision, n => n + "[i]");
            using (_w.Block("for (int i = " + start + "; i < " + N(K) + "; i++)"))
            {
                _w.Line(target + " += " + scalar.Lower(term) + ";");
            }
        }

        private string SumToDouble(VectorLowering lowering, string vector) =>
            IsSingle ? "global::DivergenceGen.VectorReductions.SumToDouble(" + vector + ")" : lowering.Vector + ".Sum(" + vector + ")";

        private string Widen(string scalar) => IsSingle ? "(double)" + scalar : scalar;
    }
}
