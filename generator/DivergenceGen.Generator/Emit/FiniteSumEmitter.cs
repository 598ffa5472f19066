using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Emits Σ_{k &lt; K} term(k) for a compile-time K over spans of length K, from one IR term: the method, its
    /// dispatch on the vector widths and the check's rescan; the sum itself (and the in-pass check) is a
    /// <see cref="RowKernel"/> scheduled by <see cref="RowScheduler"/> (straight-line chunks with a masked overlapping
    /// last vector for K ≤ the unroll threshold, constant-bound loops above). float terms are accumulated in double.
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

        private IReadOnlyList<string> _scalars = Array.Empty<string>();

        private bool _twoPass;

        /// <summary>The first pass's floor test, where its pass calls read only checked inputs (<see cref="KernelPasses.FloorOf"/>).</summary>
        private FirstPassFloor? _floor;

        private int K => _c.Spec.Classes;

        private bool Checks => _checked.Count > 0;

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// Writes a private static method <c>T name(ReadOnlySpan&lt;T&gt; input, …)</c> returning <c>finish(Σ term)</c>,
        /// where <paramref name="finish"/> maps the C# text of the double sum to the returned value.
        /// <paramref name="checkedInputs"/> (raw vectors from the caller) are checked to be probabilities in [0, 1] in
        /// the same pass: every vector (and scalar) read of them also updates a running maximum of bit patterns
        /// (<c>ProbabilityLanes.Max</c>), tested once before returning; when it is exceeded a cold Guard method rescans to
        /// name the first offending element and throws (or returns, when the only flagged value was −0).
        /// </summary>
        /// <param name="perClass">Values per class the term reads, defined before the sum (in straight-line code they stay in
        /// registers; a loop computes them in its one pass).</param>
        /// <param name="returnsDouble">The method returns a double whatever the element type (a sum a member finishes).</param>
        /// <param name="scalars">Scalar parameters of the method (of the element type) that the term reads: constants of the call,
        /// broadcast once per vector width.</param>
        public void EmitKernel(
            string name,
            string purpose,
            IReadOnlyList<string> inputs,
            Expr term,
            Func<string, string> finish,
            IReadOnlyList<string>? checkedInputs = null,
            IReadOnlyList<PerClass>? perClass = null,
            IReadOnlyList<string>? scalars = null,
            bool returnsDouble = false)
        {
            _checked = checkedInputs ?? Array.Empty<string>();
            _name = name;
            _inputs = inputs;
            _scalars = scalars ?? Array.Empty<string>();
            string T = _c.T;
            string returned = returnsDouble ? "double" : T;
            var widths = _c.VectorWidths.Where(b => _c.LanesOf(b) <= K).ToList();
            // The term with the per-class values written in, to see where the pass calls' values go.
            var values = (perClass ?? Array.Empty<PerClass>()).ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
            Expr inlined = term;
            for (int round = 0; round <= values.Count; round++)
            {
                inlined = Substitution.Replace(inlined, n => values.TryGetValue(n, out var v) ? v : null);
            }

            _twoPass = widths.Count > 0 && KernelPasses.Applies(inlined);
            _floor = _twoPass && Checks ? KernelPasses.FloorOf("aboveFloor", inlined, _checked) : null;
            string parameters = string.Join(", ", inputs.Select(i => "global::System.ReadOnlySpan<" + T + "> " + i).Concat(_scalars.Select(s => T + " " + s)));
            string summary = "/// <summary>" + SourceWriter.Escape(purpose) + " Callers have checked that every span has length K = " + N(K) + ".";
            if (_twoPass)
            {
                // The member the callers see: the first pass, inlined into them.
                _w.Line(summary + "</summary>");
                _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                _w.Line("internal static " + returned + " " + name + "(" + parameters + ") => " + name + "<" + KernelPasses.FastPass + ">(" + string.Join(", ", _inputs.Concat(_scalars)) + ");");
                _w.Line();
                _w.Summary(
                    "The kernel of " + name + ", in two passes (IKernelPass). FastPass calls only the call-free forms of the logarithms\n"
                    + "(NaN in a lane that needs the general path: a zero, subnormal or extreme argument): with no call in it, the\n"
                    + "loop keeps its vectors in registers. A NaN sum runs the kernel again with GeneralPass."
                    + (_floor is null
                        ? string.Empty
                        : "\nAt 512 bits, and at 256 with AVX-512VL, the logarithms of the checked probabilities skip that per-lane test\n"
                            + "(" + (_floor.XLogRatio ? "XLogRatioOfCheckedProbabilities" : "LogOfCheckedProbability") + "): "
                            + "in [0, 1] only small arguments are off the table's path, so the kernel keeps the least argument under a\n"
                            + "positive weight (floor…, ProbabilityLanes.Floor), tests it once against "
                            + (_floor.XLogRatio ? "2⁻⁹⁰⁰" : "the smallest normal number") + ", and runs\n"
                            + "GeneralPass also when it is below, or when the sum is not finite (x·log(x/0), say)."));
                VectorLoops.TwoPassMethodAttribute(_w);
            }
            else
            {
                _w.Line(summary + "</summary>");
                _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
            }

            string header = _twoPass
                ? "private static " + returned + " " + name + "<TPass>(" + parameters + ") where TPass : struct, global::DivergenceGen.IKernelPass"
                : "internal static " + returned + " " + name + "(" + parameters + ")";
            using (_w.Block(header))
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

                if (widths.Count == 0)
                {
                    _w.Line("// K = " + N(K) + " is narrower than any vector: scalar code only.");
                }

                foreach (var input in inputs)
                {
                    _w.Line("ref " + T + " " + input + "Ref = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(" + input + ");");
                }

                // The kernel: the check (when the inputs come from the caller) and the sum, accumulated in double.
                var body = new List<Statement>();
                if (Checks)
                {
                    body.Add(new CheckProbabilities("valid", _checked, _floor));
                }

                body.AddRange(perClass ?? Array.Empty<PerClass>());
                body.Add(new Reduce("sum", ReduceOp.Sum, term, Double: true, WidenTerms: true));
                var kernel = new RowKernel(inputs.Select(i => new KernelInput(i, i + "Ref")).ToList(), body, Array.Empty<string>());
                bool straightLine = K <= _c.Spec.UnrollThreshold;
                _w.Line(straightLine
                    ? "// K = " + N(K) + " ≤ UnrollThreshold " + N(_c.Spec.UnrollThreshold) + ": straight-line code with constant offsets, no loop."
                    : "// K = " + N(K) + " > UnrollThreshold " + N(_c.Spec.UnrollThreshold) + ": a SIMD loop with a constant bound, widest vector the CPU has first.");
                // Without SIMD a scalar loop (K straight-line scalars where K is small or narrower than any vector).
                bool scalarStraight = widths.Count == 0 || (straightLine && K <= 4);
                RowScheduler.WidestFirst(
                    _w,
                    widths,
                    used => EmitBody(kernel, used, used.Count > 0 ? straightLine : scalarStraight, finish),
                    scalarStraight ? "// No SIMD on this CPU: the same sum, one scalar term per element." : "// No SIMD on this CPU: a scalar loop.");
            }

            _w.Line();
        }

        private void EmitBody(RowKernel kernel, List<int> widths, bool straightLine, Func<string, string> finish)
        {
            bool vector = widths.Count > 0;
            var scheduler = new RowScheduler(_w, kernel, K, _c.Spec.Precision, widths, straightLine, overlap: true, pass: _twoPass && vector ? "TPass" : null);
            scheduler.EmitInvariants();
            scheduler.EmitRow();
            if (Checks)
            {
                using (_w.Block("if (!valid)"))
                {
                    var arguments = _inputs
                        .Select(i => _checked.Contains(i) ? "global::DivergenceGen.Guard.RescanProbabilities(" + i + ", nameof(" + i + "))" : i)
                        .Concat(_scalars)
                        .ToList();
                    _w.Line("return " + _name + (_twoPass ? "<TPass>" : string.Empty) + "(");
                    for (int i = 0; i < arguments.Count; i++)
                    {
                        _w.Line("    " + arguments[i] + (i == arguments.Count - 1 ? ");" : ","));
                    }
                }
            }

            if (_twoPass && vector)
            {
                using (_w.Block(!scheduler.TestsFloor
                    ? "if (typeof(TPass) == typeof(global::DivergenceGen.FastPass) && double.IsNaN(sum))"
                    : "if (typeof(TPass) == typeof(global::DivergenceGen.FastPass) && !(" + _floor!.Name + " && double.IsFinite(sum)))"))
                {
                    _w.Line("return " + _name + "<global::DivergenceGen.GeneralPass>(" + string.Join(", ", _inputs.Concat(_scalars)) + ");");
                }
            }

            _w.Line("return " + finish("sum") + ";");
        }
    }
}
