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

        private IReadOnlyList<string> _checked = Array.Empty<string>();

        private string _name = string.Empty;

        private IReadOnlyList<string> _inputs = Array.Empty<string>();

        private const string Lanes = "global::DivergenceGen.ProbabilityLanes";

        private int K => _c.Spec.Classes;

        private bool Checks => _checked.Count > 0;

        /// <summary>The unsigned integer of the element's width: the type of a bit pattern.</summary>
        private string Bits => IsSingle ? "uint" : "ulong";

        private bool IsSingle => _c.Spec.Precision == PrecisionKind.Single;

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// Writes a private static method <c>T name(ReadOnlySpan&lt;T&gt; input, …)</c> returning <c>finish(Σ term)</c>,
        /// where <paramref name="finish"/> maps the C# text of the double sum to the returned value.
        /// <paramref name="checkedInputs"/> (raw vectors from the caller) are checked to be probabilities in [0, 1] in
        /// the same pass: every vector (and scalar) read of them also updates a running maximum of bit patterns
        /// (<c>ProbabilityLanes.Max</c>), tested once before returning; when it is exceeded a cold Guard method rescans to
        /// name the first offending element and throws (or returns, when the only flagged value was −0).
        /// </summary>
        public void EmitKernel(string name, string purpose, IReadOnlyList<string> inputs, Expr term, Func<string, string> finish, IReadOnlyList<string>? checkedInputs = null)
        {
            _checked = checkedInputs ?? Array.Empty<string>();
            _name = name;
            _inputs = inputs;
            string T = _c.T;
            _w.Line("/// <summary>" + SourceWriter.Escape(purpose) + " Callers have checked that every span has length K = " + N(K) + ".</summary>");
            _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
            string parameters = string.Join(", ", inputs.Select(i => "global::System.ReadOnlySpan<" + T + "> " + i));
            using (_w.Block("private static " + T + " " + name + "(" + parameters + ")"))
            {
                if (Checks)
                {
                    string which = string.Join(" and ", _checked);
                    _w.Line("// Input check in the same pass: every element of " + which + " must be a probability in [0, 1]. Each seen… keeps");
                    _w.Line("// the largest bit pattern read so far (ProbabilityLanes: one unsigned max per vector); it exceeds the bits of 1");
                    _w.Line("// where an element is NaN, ±∞, negative or above 1 (and for −0). It is tested once, after the sum; the cold Guard");
                    _w.Line("// path then rescans and throws ArgumentOutOfRangeException naming the first offender (for −0 alone it returns the");
                    _w.Line("// input with +0 in its place, and the kernel runs again: a tail call, so nothing is live across it).");
                }

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
                    var seenVectors = new List<string>();
                    var chunksByWidth = new List<(VectorLowering Lowering, List<string> Terms)>();
                    int offset = 0;
                    int chunk = 0;
                    foreach (int width in _c.VectorWidths.Where(b => b <= bits))
                    {
                        int lanes = _c.LanesOf(width);
                        var terms = new List<string>();
                        VectorLowering? lowering = null;
                        if (Checks && K - offset >= lanes)
                        {
                            seenVectors.Add("seen" + N(width));
                            _w.Line("var seen" + N(width) + " = " + VectorLowering.VectorClass(width) + "<" + Bits + ">.Zero;");
                        }

                        while (K - offset >= lanes)
                        {
                            string suffix = N(chunk);
                            lowering = new VectorLowering(width, _c.Spec.Precision, n => n + suffix);
                            foreach (var input in inputs)
                            {
                                string at = offset == 0 ? string.Empty : ", " + N(offset);
                                _w.Line("var " + input + suffix + " = " + lowering.Vector + ".LoadUnsafe(ref " + input + "Ref" + at + ");");
                            }

                            EmitCheckUpdate("seen" + N(width), input => input + suffix);

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
                    if (Checks && offset < K)
                    {
                        seenVectors.Add("seenTail");
                        _w.Line(Bits + " seenTail = 0;");
                    }

                    for (int i = offset; i < K; i++)
                    {
                        int index = i;
                        var element = new ScalarLowering(_c.Spec.Precision, n => n + "[" + N(index) + "]");
                        parts.Add(Widen(element.Lower(term)));
                        EmitCheckUpdate("seenTail", input => input + "[" + N(index) + "]");
                    }

                    EmitCheckTest(seenVectors);
                    _w.Line("return " + finish(string.Join(" + ", parts)) + ";");
                }
            }

            if (_c.VectorWidths.Any(b => _c.LanesOf(b) <= K))
            {
                _w.Line("// No SIMD on this CPU: the same sum, one scalar term per element.");
            }

            _w.Line("double total = 0;");
            if (Checks)
            {
                _w.Line(Bits + " seen = 0;");
            }

            for (int i = 0; i < K; i++)
            {
                int index = i;
                var element = new ScalarLowering(_c.Spec.Precision, n => n + "[" + N(index) + "]");
                _w.Line("total += " + element.Lower(term) + ";");
                EmitCheckUpdate("seen", input => input + "[" + N(index) + "]");
            }

            EmitCheckTest(new[] { "seen" });
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
                    if (Checks)
                    {
                        _w.Line("var seenVec = " + lowering.Vector + "<" + Bits + ">.Zero;");
                    }

                    using (_w.Block("for (int i = 0; i < " + N(full) + "; i += " + N(lanes) + ")"))
                    {
                        foreach (var input in inputs)
                        {
                            _w.Line("var " + input + "Vec = " + lowering.Vector + ".LoadUnsafe(ref " + input + "Ref, (nuint)i);");
                        }

                        EmitCheckUpdate("seenVec", input => input + "Vec");

                        _w.Line("var t = " + lowering.Lower(term) + ";");
                        _w.Line(IsSingle
                            ? "acc += " + lowering.Vector + ".WidenLower(t) + " + lowering.Vector + ".WidenUpper(t);"
                            : "acc += t;");
                    }

                    _w.Line("double sum = " + lowering.Vector + ".Sum(acc);");
                    if (full < K)
                    {
                        _w.Line("// K = " + N(K) + " is not a multiple of " + N(lanes) + ": a scalar tail for the last " + N(K - full) + ".");
                        if (Checks)
                        {
                            _w.Line(Bits + " seenTail = 0;");
                        }

                        EmitScalarLoop(inputs, term, N(full), "sum", "seenTail");
                        EmitCheckTest(new[] { "seenVec", "seenTail" });
                    }
                    else
                    {
                        _w.Line("// K = " + N(K) + " is a multiple of " + N(lanes) + ": no tail.");
                        EmitCheckTest(new[] { "seenVec" });
                    }

                    _w.Line("return " + finish("sum") + ";");
                }
            }

            _w.Line("// No SIMD on this CPU: a scalar loop.");
            _w.Line("double total = 0;");
            if (Checks)
            {
                _w.Line(Bits + " seen = 0;");
            }

            EmitScalarLoop(inputs, term, "0", "total", "seen");
            EmitCheckTest(new[] { "seen" });
            _w.Line("return " + finish("total") + ";");
        }

        private void EmitScalarLoop(IReadOnlyList<string> inputs, Expr term, string start, string target, string seen)
        {
            var scalar = new ScalarLowering(_c.Spec.Precision, n => n + "[i]");
            using (_w.Block("for (int i = " + start + "; i < " + N(K) + "; i++)"))
            {
                _w.Line(target + " += " + scalar.Lower(term) + ";");
                EmitCheckUpdate(seen, input => input + "[i]");
            }
        }

        /// <summary><c>seen = Max(Max(seen, p…), q…)</c>: folds the elements just read into the check (nothing without checked inputs).</summary>
        private void EmitCheckUpdate(string seen, Func<string, string> read)
        {
            if (!Checks)
            {
                return;
            }

            string value = seen;
            foreach (var input in _checked)
            {
                value = Lanes + ".Max(" + value + ", " + read(input) + ")";
            }

            _w.Line(seen + " = " + value + ";");
        }

        /// <summary>
        /// The one test after the sum: every running maximum within the bits of 1 (non-short-circuit <c>&amp;</c>: one
        /// branch), else the cold path, which names the first offender.
        /// </summary>
        private void EmitCheckTest(IReadOnlyList<string> seen)
        {
            if (!Checks)
            {
                return;
            }

            var tests = seen.Select(s => Lanes + ".AllProbabilities(" + s + ")").ToList();
            string condition = "!" + tests[0];
            if (tests.Count > 1)
            {
                _w.Line("bool valid = " + tests[0]);
                for (int i = 1; i < tests.Count; i++)
                {
                    _w.Line("    & " + tests[i] + (i == tests.Count - 1 ? ";" : string.Empty));
                }

                condition = "!valid";
            }

            using (_w.Block("if (" + condition + ")"))
            {
                var arguments = _inputs
                    .Select(i => _checked.Contains(i) ? "global::DivergenceGen.Guard.RescanProbabilities(" + i + ", nameof(" + i + "))" : i)
                    .ToList();
                _w.Line("return " + _name + "(");
                for (int i = 0; i < arguments.Count; i++)
                {
                    _w.Line("    " + arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
                }
            }
        }

        private string SumToDouble(VectorLowering lowering, string vector) =>
            IsSingle ? "global::DivergenceGen.VectorReductions.SumToDouble(" + vector + ")" : lowering.Vector + ".Sum(" + vector + ")";

        private string Widen(string scalar) => IsSingle ? "(double)" + scalar : scalar;
    }
}
