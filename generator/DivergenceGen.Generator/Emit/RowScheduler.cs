using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// The one scheduler of row kernels (<see cref="RowKernel"/>): the statements over k ∈ [0, K) of one row, lowered
    /// for one vector width (or none) into one of three shapes.
    /// <list type="bullet">
    /// <item><b>Straight-line</b> (K ≤ the unroll threshold): the row is cut into chunks with constant offsets, the
    /// widest vectors first, then narrower ones, then — where K is not a sum of vector widths and <c>overlap</c> is on —
    /// one more vector of the narrowest width ending at K, overlapping the chunk before, its repeated lanes masked out
    /// of every sum (stores write the same values twice); else scalars. Per-class values stay in registers from one
    /// statement to the next.</item>
    /// <item><b>Loops</b> (above it): passes over the row with a constant bound, a new pass wherever a statement reads
    /// a reduction of the pass before (the max before exp(x − m)); per-class values a later pass reads are recomputed,
    /// or reloaded from the output they were spilled to; a pass's last K mod lanes classes are one more vector ending at
    /// K, overlapping the loop's last one (its repeated lanes masked), unless the pass updates an output in place: then
    /// a scalar loop (straight-line scalars for 1 or 2). With no vector (bits 0) a single scalar loop, accumulating float
    /// in double.</item>
    /// <item><b>Across rows</b>: a block of rows in the lanes (the second constructor).</item>
    /// <item><b>Contiguous rows as one row</b> (<see cref="EmitContiguousRows"/>): where only the rows' total is needed,
    /// R contiguous short rows are one row of R·K classes, then the last rows one by one.</item>
    /// </list>
    /// Names that the kernel does not define and are not row scalars are constants of the call: their broadcasts,
    /// the tail mask and the per-class values of invariant inputs (class weights) are hoisted by
    /// <see cref="EmitInvariants"/>, which the caller writes before its row loop.
    /// </summary>
    internal sealed class RowScheduler
    {
        private readonly SourceWriter _w;
        private readonly RowKernel _k;
        private readonly int _classes;
        private readonly PrecisionKind _precision;
        private readonly List<Chunk>? _chunks;
        private readonly int _loopBits;
        private readonly bool _masked;
        private readonly HashSet<string> _perClass;
        private readonly HashSet<string> _rowScalars;

        /// <summary>
        /// The width dispatch of a row kernel: per width, widest first, <c>if (Vector512.IsHardwareAccelerated) { … }</c>
        /// around the row written with the widths up to that one; then the code for a CPU without SIMD, in a block of its
        /// own headed by the comment <paramref name="noSimd"/> (its locals have the names the vector branches use), or bare
        /// where no width applies and <paramref name="blockWithoutWidths"/> is off.
        /// </summary>
        /// <param name="w">Where the code goes.</param>
        /// <param name="widths">The widths the row can use, widest first.</param>
        /// <param name="row">Writes the row for a list of widths (empty: scalar code).</param>
        /// <param name="noSimd">The comment line that heads the scalar block.</param>
        /// <param name="blockWithoutWidths">Whether the scalar code is in its block also when no width applies.</param>
        public static void WidestFirst(SourceWriter w, IReadOnlyList<int> widths, Action<List<int>> row, string noSimd, bool blockWithoutWidths = false)
        {
            foreach (int bits in widths)
            {
                using (w.Block("if (" + VectorLowering.VectorClass(bits) + ".IsHardwareAccelerated)"))
                {
                    row(widths.Where(b => b <= bits).ToList());
                }
            }

            if (widths.Count == 0 && !blockWithoutWidths)
            {
                row(new List<int>());
                return;
            }

            using (w.Block(noSimd))
            {
                row(new List<int>());
            }
        }

        /// <summary>
        /// How many contiguous rows of K classes <see cref="EmitContiguousRows"/> schedules as one row: about 256 classes'
        /// worth for K ≤ 64 where the caller needs only the total (a Mean or Sum reduction), else 0. One loop over R·K
        /// classes has no horizontal sum and no restart per row (the VaeKL benchmark: rows of 16 one by one were 2.8× slower
        /// than TensorPrimitives' one pass over N·K).
        /// </summary>
        public static int RowsPerBlock(int classes, bool totalOnly) => totalOnly && classes <= 64 ? BlockClasses / classes : 0;

        private const int BlockClasses = 256;

        /// <summary>
        /// The loop over the n contiguous rows of a batch (<c>i</c> from 0; the row sum in <c>sum</c>): blocks of
        /// <paramref name="rowsPerBlock"/> rows as one row of that many times K classes, then the rows one by one (only
        /// these where <paramref name="rowsPerBlock"/> is 0 or there is no vector width). <paramref name="rowReferences"/>
        /// writes the row's references given the C# of its first element's offset; <paramref name="afterRow"/> what follows
        /// a row (not a block), after <c>total += sum;</c>. Ends with <c>return total;</c>.
        /// </summary>
        public static void EmitContiguousRows(
            SourceWriter w,
            RowKernel kernel,
            int classes,
            PrecisionKind precision,
            List<int> widths,
            bool straightLine,
            int rowsPerBlock,
            string blockReason,
            Action<string> rowReferences,
            Action afterRow)
        {
            string k = classes.ToString(CultureInfo.InvariantCulture);
            string r = rowsPerBlock.ToString(CultureInfo.InvariantCulture);
            w.Line("int i = 0;");
            bool blocks = rowsPerBlock > 0 && widths.Count > 0;
            if (blocks)
            {
                using (w.Block("// Blocks of " + r + " rows as one row of " + (rowsPerBlock * classes).ToString(CultureInfo.InvariantCulture)
                    + " elements (" + blockReason + "), then the last rows one by one."))
                {
                    var block = new RowScheduler(w, kernel, rowsPerBlock * classes, precision, widths, straightLine: false, overlap: true);
                    block.EmitInvariants();
                    using (w.Block("for (; i <= n - " + r + "; i += " + r + ")"))
                    {
                        rowReferences("i * " + k);
                        block.EmitRow();
                        w.Line("total += sum;");
                    }
                }
            }

            // A block of its own where the blocks came first: its hoisted constants have the names the blocks' have.
            using (blocks ? w.Block("// The rows one by one.") : null)
            {
                var row = new RowScheduler(w, kernel, classes, precision, widths, straightLine, overlap: true);
                row.EmitInvariants();
                using (w.Block("for (; i < n; i++)"))
                {
                    rowReferences("i * " + k);
                    row.EmitRow();
                    w.Line("total += sum;");
                    afterRow();
                }
            }

            w.Line("return total;");
        }

        /// <param name="writer">Where the code goes.</param>
        /// <param name="kernel">The row's statements.</param>
        /// <param name="classes">K.</param>
        /// <param name="precision">The element type.</param>
        /// <param name="widths">The vector widths to use, widest first (empty: scalar code).</param>
        /// <param name="straightLine">Chunks with constant offsets rather than loops.</param>
        /// <param name="overlap">Straight-line only: may end with a masked overlapping vector.</param>
        /// <param name="constant">The C# of a constant of the call (a field, <c>_logP</c>); by default the name itself.</param>
        /// <param name="pass">In a two-pass kernel, its pass type parameter: the vector code calls <c>Log&lt;TPass&gt;</c>,
        /// <c>XLogRatio&lt;TPass&gt;</c> and <c>Deviance&lt;TPass&gt;</c> (<see cref="VectorLowering"/>).</param>
        public RowScheduler(
            SourceWriter writer,
            RowKernel kernel,
            int classes,
            PrecisionKind precision,
            IReadOnlyList<int> widths,
            bool straightLine,
            bool overlap,
            Func<string, string>? constant = null,
            string? pass = null)
            : this(writer, kernel, classes, precision)
        {
            _constant = constant ?? (n => n);
            _pass = pass;
            // A first-pass floor only where there is a first pass: the vector code of a two-pass kernel.
            _floor = pass is null ? null : kernel.Body.OfType<CheckProbabilities>().Select(c => c.Floor).FirstOrDefault(f => f is not null);
            _floorChecked = _floor is null ? null : kernel.Body.OfType<CheckProbabilities>().First(c => c.Floor == _floor).Inputs;
            if (straightLine)
            {
                _chunks = Plan(classes, widths.Where(b => Lanes(b) <= classes).ToList(), overlap, out _masked);
            }
            else
            {
                _loopBits = widths.FirstOrDefault(b => Lanes(b) <= classes);
            }
        }

        /// <summary>
        /// The across-rows shape: a block of as many rows as a Vector<paramref name="bits"/> has lanes, row r in lane r.
        /// Every per-class value is one vector per class (column k of the block, gathered), every row scalar one vector,
        /// reductions are lane-wise (no horizontal step), stores go column by column through a stack buffer
        /// (<c>{output}Block</c>) that <see cref="EmitBlockStores"/> copies back row by row. A store's lanes are zero
        /// where <paramref name="activeMask"/> (a lane mask the caller sets per block) is off.
        /// </summary>
        public RowScheduler(SourceWriter writer, RowKernel kernel, int classes, PrecisionKind precision, int bits, string activeMask)
            : this(writer, kernel, classes, precision)
        {
            _blockBits = bits;
            _activeMask = activeMask;
        }

        private RowScheduler(SourceWriter writer, RowKernel kernel, int classes, PrecisionKind precision)
        {
            _w = writer;
            _k = kernel;
            _classes = classes;
            _precision = precision;
            _perClass = new HashSet<string>(kernel.PerClassValues.Select(p => p.Name).Concat(kernel.Inputs.Select(i => i.Name)), StringComparer.Ordinal);
            if (kernel.Index is not null)
            {
                _perClass.Add(kernel.Index);
            }

            _rowScalars = new HashSet<string>(kernel.Body.Select(RowKernel.Defines).Where(n => n is not null && !_perClass.Contains(n)).Concat(kernel.RowScalars)!, StringComparer.Ordinal);
        }

        private readonly int _blockBits;
        private readonly string? _activeMask;
        private readonly Func<string, string> _constant = n => n;
        private readonly string? _pass;

        /// <summary>The first pass's floor test (<see cref="CheckProbabilities.Floor"/>), in the vector code of a two-pass kernel.</summary>
        private readonly FirstPassFloor? _floor;

        /// <summary>The inputs whose checked pass calls skip their per-lane domain test (with <see cref="_floor"/>).</summary>
        private readonly IReadOnlyCollection<string>? _floorChecked;

        /// <summary>
        /// Whether the vector code at <paramref name="bits"/> tests the first pass's floor: at 256 and 512 bits, where the
        /// runtime's logarithm has its table path (at 256 bits the runtime folds the floor only on AVX-512VL CPUs and keeps
        /// the per-lane test on AVX2). At 128 bits the checked forms are the tested ones (no table there), so that width
        /// keeps the per-lane NaN and pays nothing for the floor.
        /// </summary>
        private bool FloorAt(int bits) => _floor is not null && bits >= 256;

        /// <summary>Whether the code written so far declared the bool <see cref="FirstPassFloor.Name"/> (the kernel then tests it).</summary>
        public bool TestsFloor { get; private set; }

        /// <summary>A piece of the row: a vector of some width (0: a scalar) at a constant offset.</summary>
        private sealed record Chunk(int Bits, int Offset);

        private bool IsSingle => _precision == PrecisionKind.Single;

        private string T => IsSingle ? "float" : "double";

        private int Lanes(int bits) => bits / (IsSingle ? 32 : 64);

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Vec(int bits) => VectorLowering.VectorClass(bits);

        /// <summary>The vector widths the chosen shape uses.</summary>
        private IEnumerable<int> UsedWidths => _chunks is not null
            ? _chunks.Where(c => c.Bits > 0).Select(c => c.Bits).Distinct()
            : _blockBits > 0 ? new[] { _blockBits }
            : _loopBits > 0 ? new[] { _loopBits } : Array.Empty<int>();

        /// <summary>
        /// Widest first: as many vectors of each width as fit, then, where K is not covered and <paramref name="overlap"/>
        /// allows, one vector of the narrowest width ending at K (the mask keeps its last lanes), else scalars.
        /// </summary>
        private List<Chunk> Plan(int classes, List<int> widths, bool overlap, out bool masked)
        {
            var chunks = new List<Chunk>();
            int offset = 0;
            foreach (int bits in widths)
            {
                for (; classes - offset >= Lanes(bits); offset += Lanes(bits))
                {
                    chunks.Add(new Chunk(bits, offset));
                }
            }

            masked = false;
            if (offset < classes && overlap && widths.Count > 0)
            {
                int narrowest = widths[widths.Count - 1];
                chunks.Add(new Chunk(narrowest, classes - Lanes(narrowest)));
                masked = true;
                return chunks;
            }

            for (; offset < classes; offset++)
            {
                chunks.Add(new Chunk(0, offset));
            }

            return chunks;
        }

        // ------------------------------------------------------------------------------------------ names and lowering

        /// <summary>A name is a constant of the call when the kernel does not define it and the caller does not set it per row.</summary>
        private bool IsInvariantName(string name) => !_perClass.Contains(name) && !_rowScalars.Contains(name);

        /// <summary>Does a per-class value depend only on invariant inputs and constants (loaded once, before the rows)?</summary>
        private bool IsInvariantValue(string name)
        {
            var input = _k.Input(name);
            if (input is not null)
            {
                return input.Invariant;
            }

            var definition = _k.PerClassValues.FirstOrDefault(p => p.Name == name);
            return definition is not null && Substitution.Names(definition.Value).All(n => _perClass.Contains(n) ? IsInvariantValue(n) : IsInvariantName(n));
        }

        private string Load(int bits, string reference, string offset)
        {
            if (bits == 0)
            {
                return "global::System.Runtime.CompilerServices.Unsafe.Add(ref " + reference + ", " + offset + ")";
            }

            return offset == "0"
                ? Vec(bits) + ".LoadUnsafe(ref " + reference + ")"
                : Vec(bits) + ".LoadUnsafe(ref " + reference + ", (nuint)" + offset + ")";
        }

        /// <summary>
        /// A load of an input into a local, guarded by the input's option where it has one (without it the reference is
        /// null). A load written inline needs no guard: it is in the option's branch of an <see cref="OptionChoice"/>.
        /// </summary>
        private static string Guarded(KernelInput input, string load) =>
            input.Option is null ? load : KernelOps.IsOn(input.Option) + " ? " + load + " : default";

        private string StoreLine(int bits, string value, string reference, string offset)
        {
            if (bits == 0)
            {
                return "global::System.Runtime.CompilerServices.Unsafe.Add(ref " + reference + ", " + offset + ") = " + value + ";";
            }

            return offset == "0"
                ? Vec(bits) + ".StoreUnsafe(" + value + ", ref " + reference + ");"
                : Vec(bits) + ".StoreUnsafe(" + value + ", ref " + reference + ", (nuint)" + offset + ");";
        }

        /// <summary>The lowering of a per-class expression at one place of the row: a vector or scalar, and how names bind there.</summary>
        private Lowering At(int bits, PrecisionKind precision, Func<string, string> perClass)
        {
            string Bind(string name)
            {
                if (_perClass.Contains(name))
                {
                    return perClass(name);
                }

                return bits == 0 ? (IsInvariantName(name) ? _constant(name) : name) : name + N(bits);
            }

            return bits == 0 ? new ScalarLowering(precision, Bind) : new VectorLowering(bits, precision, Bind, _pass, FloorAt(bits) ? _floorChecked : null);
        }

        private string Scalar(Expr value, bool isDouble) =>
            new ScalarLowering(isDouble ? PrecisionKind.Double : _precision, n => IsInvariantName(n) ? _constant(n) : n).Lower(value);

        /// <summary>Every name the expression reads, through the per-class values it reads.</summary>
        private HashSet<string> Reads(Expr value)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(Substitution.Names(value));
            while (pending.Count > 0)
            {
                string name = pending.Pop();
                if (!names.Add(name))
                {
                    continue;
                }

                var definition = _k.PerClassValues.FirstOrDefault(p => p.Name == name);
                foreach (var inner in definition is null ? Enumerable.Empty<string>() : Substitution.Names(definition.Value))
                {
                    pending.Push(inner);
                }
            }

            return names;
        }

        /// <summary>Scalars read by the per-class statements in vector code: they need a broadcast per width.</summary>
        private HashSet<string> VectorScalars()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            // Across rows, the row's scalars are vectors too.
            foreach (var statement in _k.Body.Where(s => s is PerClass or Store or Reduce || (_blockBits > 0 && s is Let)))
            {
                names.UnionWith(Substitution.Names(RowKernel.Value(statement)).Where(n => !_perClass.Contains(n)));
            }

            return names;
        }

        private void Broadcast(string name)
        {
            if (!VectorScalars().Contains(name))
            {
                return;
            }

            foreach (int bits in UsedWidths)
            {
                // Across rows every value is in the element type, also the call's double constants (scale).
                string cast = _blockBits > 0 && IsSingle ? "(float)" : string.Empty;
                _w.Line("var " + name + N(bits) + " = " + Vec(bits) + ".Create(" + cast + (IsInvariantName(name) ? _constant(name) : name) + ");");
            }
        }

        // ------------------------------------------------------------------------------------------ invariants

        /// <summary>Before the row loop: broadcasts of the call's constants, the tail mask, the invariant per-class values.</summary>
        public void EmitInvariants()
        {
            foreach (var name in VectorScalars().Where(IsInvariantName).OrderBy(n => n, StringComparer.Ordinal))
            {
                Broadcast(name);
            }

            if (_masked && _k.Body.Any(st => st is Reduce { Op: ReduceOp.Sum }))
            {
                var last = _chunks![_chunks.Count - 1];
                int lanes = Lanes(last.Bits);
                int keep = _classes - (_chunks.Count > 1 ? _chunks[_chunks.Count - 2].Offset + Lanes(_chunks[_chunks.Count - 2].Bits) : 0);
                string ones = IsSingle ? "0xFFFFFFFFu" : "0xFFFFFFFFFFFFFFFFul";
                string zero = IsSingle ? "0u" : "0ul";
                var mask = Enumerable.Range(0, lanes).Select(l => l >= lanes - keep ? ones : zero);
                _w.Line("// The last vector overlaps the one before: tailMask keeps its last " + N(keep) + " of " + N(lanes) + " lanes in the sums.");
                _w.Line("var tailMask = " + Vec(last.Bits) + "." + (IsSingle ? "AsSingle" : "AsDouble") + "(" + Vec(last.Bits) + ".Create(" + string.Join(", ", mask) + "));");
            }

            if (_loopBits > 0 && _classes % Lanes(_loopBits) != 0 && Passes().Any(p => p.Any(st => st is Reduce { Op: ReduceOp.Sum })))
            {
                int lanes = Lanes(_loopBits);
                int keep = _classes % lanes;
                string ones = IsSingle ? "0xFFFFFFFFu" : "0xFFFFFFFFFFFFFFFFul";
                string zero = IsSingle ? "0u" : "0ul";
                _w.Line("// The loops' last vector overlaps the one before: loopTailMask keeps its last " + N(keep) + " of " + N(lanes) + " lanes in the sums.");
                _w.Line("var loopTailMask = " + Vec(_loopBits) + "." + (IsSingle ? "AsSingle" : "AsDouble") + "(" + Vec(_loopBits) + ".Create("
                    + string.Join(", ", Enumerable.Range(0, lanes).Select(l => l >= lanes - keep ? ones : zero)) + "));");
            }

            if (_blockBits > 0)
            {
                EmitBlockInvariants();
                return;
            }

            if (_chunks is null)
            {
                return;
            }

            foreach (var value in _k.PerClassValues.Select(p => p.Name).Concat(_k.Inputs.Select(i => i.Name)).Where(n => IsInvariantValue(n) && IsRead(n) && NeedsLocals(n)))
            {
                DefineChunks(value);
            }
        }

        private bool IsRead(string name) => _k.Body.Any(s => Substitution.Names(RowKernel.Value(s)).Contains(name));

        // ------------------------------------------------------------------------------------------ options

        private string? _openOption;
        private IDisposable? _optionBlock;

        /// <summary>Closes the open <c>if (typeof(TOption) == typeof(Yes))</c> block if another one (or none) is needed, and opens that one.</summary>
        private void Option(string? option)
        {
            if (option == _openOption)
            {
                return;
            }

            _optionBlock?.Dispose();
            _optionBlock = option is null ? null : _w.Block("if (" + KernelOps.IsOn(option) + ")");
            _openOption = option;
        }

        /// <summary>The one option all of these statements run under, or null.</summary>
        private static string? CommonOption(IEnumerable<Statement> statements)
        {
            var options = statements.Select(s => s.When).Distinct().ToList();
            return options.Count == 1 ? options[0] : null;
        }

        // ------------------------------------------------------------------------------------------ straight-line

        private readonly HashSet<string> _defined = new(StringComparer.Ordinal);

        private readonly TailLocals _tailLocals = new();

        /// <summary>A reduction's term longer than this (in C# characters) gets a local per chunk rather than being written inline.</summary>
        private const int LongTerm = 48;

        /// <summary>Straight-line: the chunk locals of long reduction terms (<c>sum0</c>).</summary>
        private readonly HashSet<string> _longTerms = new(StringComparer.Ordinal);

        /// <summary>Per constant class index of the scalar tail, the locals declared for it in this row.</summary>
        private sealed class TailLocals : Dictionary<string, HashSet<string>>
        {
            public HashSet<string> GetOrAdd(string index)
            {
                if (!TryGetValue(index, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    this[index] = set;
                }

                return set;
            }
        }

        /// <summary>Straight-line: <c>var name{j} = …</c> for every chunk j, once, after what it reads.</summary>
        private void DefineChunks(string name)
        {
            if (!_defined.Add(name))
            {
                return;
            }

            var input = _k.Input(name);
            var definition = _k.PerClassValues.FirstOrDefault(p => p.Name == name);
            if (definition is not null)
            {
                foreach (var read in Substitution.Names(definition.Value).Where(n => _perClass.Contains(n) && NeedsLocals(n)))
                {
                    DefineChunks(read);
                }
            }

            for (int j = 0; j < _chunks!.Count; j++)
            {
                var chunk = _chunks[j];
                if (input is not null && chunk.Bits == 0)
                {
                    continue; // a scalar element is read where it is used (the JIT keeps one load)
                }

                string value = input is not null
                    ? Guarded(input, Load(chunk.Bits, input.Reference, N(chunk.Offset)))
                    : LowerChunk(j, definition!.Value);
                _w.Line((chunk.Bits == 0 ? T : "var") + " " + name + N(j) + " = " + value + ";");
            }
        }

        /// <summary>
        /// An expression at chunk j: the class indices and the entries of inputs known at generation time become
        /// constants (a vector of them), and <see cref="Folding"/> folds what they make constant.
        /// </summary>
        private string LowerChunk(int j, Expr value, bool asTerm = false)
        {
            var chunk = _chunks![j];
            int lanes = chunk.Bits == 0 ? 1 : Lanes(chunk.Bits);
            Expr Known(System.Func<int, double> at) => lanes == 1
                ? new Const(at(chunk.Offset))
                : new ConstVector(Enumerable.Range(chunk.Offset, lanes).Select(at).ToArray());
            var known = Substitution.Replace(value, name =>
                name == _k.Index ? Known(k => k)
                : _k.Input(name)?.Constants is { } constants ? Known(k => constants[k])
                : null);
            var folded = Folding.Fold(known);
            return asTerm ? ChunkLowering(j).LowerTerm(folded) : ChunkLowering(j).Lower(folded);
        }

        private Lowering ChunkLowering(int j)
        {
            var chunk = _chunks![j];
            // A per-class value is its chunk local; an input is its local where one was loaded (vectors read more than
            // once), else read in place.
            // (The class index and known inputs are constants by now: LowerChunk replaced them.)
            return At(chunk.Bits, _precision, n =>
            {
                var input = _k.Input(n);
                return input is null || (chunk.Bits > 0 && _defined.Contains(n)) ? n + N(j) : Load(chunk.Bits, input.Reference, N(chunk.Offset));
            });
        }

        /// <summary>Values known at generation time for the classes of a chunk: a literal, or a vector of literals.</summary>
        private string Literals(Chunk chunk, Func<int, double> value)
        {
            if (chunk.Bits == 0)
            {
                return Lowering.Literal(value(chunk.Offset), _precision);
            }

            return Vec(chunk.Bits) + ".Create(" + string.Join(", ", Enumerable.Range(chunk.Offset, Lanes(chunk.Bits)).Select(k => Lowering.Literal(value(k), _precision))) + ")";
        }

        /// <summary>An input read by more than one statement is loaded into locals once; one read is inlined.</summary>
        private bool NeedsLocals(string name) =>
            name != _k.Index && _k.Input(name)?.Constants is null && (_k.Input(name) is not { Invariant: false } || ReadCount(_k.Body, name) > 1);

        private void EmitStraightLine()
        {
            foreach (var statement in _k.Body)
            {
                // What the statement reads is defined outside its option's block (a later statement may read it too).
                var reads = Substitution.Names(RowKernel.Value(statement)).Where(n => _perClass.Contains(n) && NeedsLocals(n) && !_defined.Contains(n)).ToList();
                if (reads.Count > 0 && statement.When is null)
                {
                    Option(null);
                }

                foreach (var read in reads)
                {
                    DefineChunks(read);
                }

                Option(statement.When);
                switch (statement)
                {
                    case PerClass p:
                        DefineChunks(p.Name);
                        break;
                    case Reduce r:
                        for (int j = 0; j < _chunks!.Count; j++)
                        {
                            string term = LowerChunk(j, r.Term);
                            if (term.Length > LongTerm && _chunks[j].Bits > 0)
                            {
                                _w.Line("var " + r.Name + N(j) + " = " + term + ";");
                                _longTerms.Add(r.Name + N(j));
                            }
                        }

                        SumLine(Declaration(r.Double) + r.Name + " = ", StraightLineReduction(r), Comment(r.Comment));
                        Broadcast(r.Name);
                        break;
                    case Let l:
                        EmitLet(l);
                        break;
                    case CheckProbabilities check:
                        EmitStraightLineCheck(check);
                        break;
                    case Store s:
                        for (int j = 0; j < _chunks!.Count; j++)
                        {
                            _w.Line(StoreLine(_chunks[j].Bits, LowerChunk(j, s.Value), _k.Input(s.Output)!.Reference, N(_chunks[j].Offset)));
                        }

                        break;
                }
            }
        }

        /// <summary>The unsigned integer of the element's width: the type of a bit pattern.</summary>
        private string BitsType => IsSingle ? "uint" : "ulong";

        private string CheckFold(string seen, IEnumerable<string> values) =>
            values.Aggregate(seen, (acc, v) => "global::DivergenceGen.ProbabilityLanes.Max(" + acc + ", " + v + ")");

        private void EmitStraightLineCheck(CheckProbabilities check)
        {
            var accumulators = new List<string>();
            var floors = new List<string>();
            for (int j = 0; j < _chunks!.Count; j++)
            {
                int bits = _chunks[j].Bits;
                string seen = bits == 0 ? "seenTail" : "seen" + N(bits);
                if (!accumulators.Contains(seen))
                {
                    accumulators.Add(seen);
                    _w.Line((bits == 0 ? BitsType + " " + seen + " = 0" : "var " + seen + " = " + Vec(bits) + "<" + BitsType + ">.Zero") + ";");
                }

                _w.Line(seen + " = " + CheckFold(seen, check.Inputs.Select(i => LowerChunk(j, E.Ref(i)))) + ";");
                if (FloorAt(bits) && check.Floor == _floor)
                {
                    string floor = "floor" + N(bits);
                    if (!floors.Contains(floor))
                    {
                        floors.Add(floor);
                        _w.Line("var " + floor + " = " + Vec(bits) + ".Create(" + T + ".PositiveInfinity);");
                    }

                    _w.Line(floor + " = " + FloorFold(floor, _floor!.Lanes.Select(l => (LowerChunk(j, l.Weight), LowerChunk(j, l.Argument)))) + ";");
                }
            }

            EmitCheckResult(check, accumulators, floors);
        }

        private static string FloorFold(string floor, IEnumerable<(string Weight, string Argument)> lanes) =>
            lanes.Aggregate(floor, (acc, l) => "global::DivergenceGen.ProbabilityLanes.Floor(" + acc + ", " + l.Weight + ", " + l.Argument + ")");

        private void EmitCheckResult(CheckProbabilities check, IReadOnlyList<string> accumulators, IReadOnlyList<string> floors)
        {
            // Non-short-circuit &: one branch for all the widths.
            BoolOfAll(check.Name, accumulators.Select(a => "global::DivergenceGen.ProbabilityLanes.AllProbabilities(" + a + ")").ToList());
            if (floors.Count > 0)
            {
                TestsFloor = true;
                string smallest = "global::DivergenceGen.ProbabilityLanes." + (_floor!.XLogRatio ? "XLogRatioFloor" : "LogFloor") + (IsSingle ? "Single" : string.Empty);
                BoolOfAll(_floor!.Name, floors.Select(f => "global::DivergenceGen.ProbabilityLanes.AllAtLeast(" + f + ", " + smallest + ")").ToList());
            }
        }

        private void BoolOfAll(string name, IReadOnlyList<string> tests)
        {
            if (tests.Count == 0)
            {
                _w.Line("bool " + name + " = true;");
                return;
            }

            _w.Line("bool " + name + " = " + tests[0] + (tests.Count == 1 ? ";" : string.Empty));
            for (int i = 1; i < tests.Count; i++)
            {
                _w.Line("    & " + tests[i] + (i == tests.Count - 1 ? ";" : string.Empty));
            }
        }

        private string Declaration(bool isDouble) => (isDouble ? "double" : T) + " ";

        private static string Comment(string? comment) => comment is null ? string.Empty : " // " + comment;

        private void EmitLet(Let l)
        {
            // A conversion to the element type computes its operand in double: (float)(scale * A / s).
            _w.Line(Declaration(l.Double) + l.Name + " = " + Scalar(l.Value, l.Double || l.Value is Cast) + ";" + Comment(l.Comment));
            Broadcast(l.Name);
        }

        /// <summary>One reduction over the chunks: lane-wise within each width, one horizontal step per width, then across.</summary>
        private IReadOnlyList<string> StraightLineReduction(Reduce r)
        {
            bool widen = r.WidenTerms && IsSingle;
            var parts = new List<string>();
            var groups = new List<List<int>>();
            for (int j = 0; j < _chunks!.Count; j++)
            {
                if (groups.Count > 0 && _chunks[groups[groups.Count - 1][0]].Bits == _chunks[j].Bits && _chunks[j].Bits > 0)
                {
                    groups[groups.Count - 1].Add(j);
                }
                else
                {
                    groups.Add(new List<int> { j });
                }
            }

            string Term(int j, bool alone = false)
            {
                bool masked = _masked && j == _chunks.Count - 1 && r.Op == ReduceOp.Sum;
                // An operand of + or & gets parentheses around a conditional; a call's only argument does not need them.
                string term = _longTerms.Contains(r.Name + N(j)) ? r.Name + N(j) : LowerChunk(j, r.Term, asTerm: masked || !alone);
                return masked ? "(" + term + " & tailMask)" : term;
            }

            foreach (var group in groups)
            {
                int bits = _chunks[group[0]].Bits;
                if (bits == 0)
                {
                    parts.AddRange(group.Select(j => widen ? "(double)" + Term(j) : Term(j)));
                }
                else if (r.Op == ReduceOp.Max)
                {
                    parts.Add("global::DivergenceGen.LossReductions.Max(" + group.Skip(1).Aggregate(Term(group[0]), (acc, j) => Vec(bits) + ".Max(" + acc + ", " + Term(j) + ")") + ")");
                }
                else if (widen)
                {
                    parts.AddRange(group.Select(j => "global::DivergenceGen.VectorReductions.SumToDouble(" + Term(j) + ")"));
                }
                else
                {
                    parts.Add(Vec(bits) + ".Sum(" + string.Join(" + ", group.Select(j => Term(j, alone: group.Count == 1))) + ")");
                }
            }

            if (r.Op == ReduceOp.Max)
            {
                string math = IsSingle && !r.Double ? "global::System.MathF" : "global::System.Math";
                return new[] { parts.Skip(1).Aggregate(parts[0], (acc, p) => math + ".Max(" + acc + ", " + p + ")") };
            }

            return parts;
        }

        // ------------------------------------------------------------------------------------------ loops

        /// <summary>Statements grouped into passes over the row; lets between them.</summary>
        private List<List<Statement>> Passes()
        {
            var passes = new List<List<Statement>>();
            var open = new List<Statement>();
            var openReductions = new HashSet<string>(StringComparer.Ordinal);
            foreach (var statement in _k.Body)
            {
                bool needsClose = statement is Let
                    ? open.Count > 0
                    : Reads(RowKernel.Value(statement)).Overlaps(openReductions);
                if (needsClose && open.Count > 0)
                {
                    passes.Add(open);
                    open = new List<Statement>();
                    openReductions.Clear();
                }

                if (statement is Let)
                {
                    passes.Add(new List<Statement> { statement });
                    continue;
                }

                open.Add(statement);
                if (statement is Reduce or CheckProbabilities)
                {
                    openReductions.Add(RowKernel.Defines(statement)!);
                }
            }

            if (open.Count > 0)
            {
                passes.Add(open);
            }

            return passes;
        }

        private void EmitLoops()
        {
            var passes = Passes();
            var passOf = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int p = 0; p < passes.Count; p++)
            {
                foreach (var statement in passes[p])
                {
                    if (statement is PerClass pc)
                    {
                        passOf[pc.Name] = p;
                    }
                }
            }

            for (int p = 0; p < passes.Count; p++)
            {
                Option(CommonOption(passes[p]));
                if (passes[p].Count == 1 && passes[p][0] is Let let)
                {
                    EmitLet(let);
                    continue;
                }

                // Values of earlier passes that were spilled: reloaded from their output.
                var spilled = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var value in _k.PerClassValues.Where(v => v.SpillTo is not null && passOf.TryGetValue(v.Name, out int q) && q < p))
                {
                    spilled[value.Name] = _k.Input(value.SpillTo!)!.Reference;
                }

                // Spill what this pass defines and a later pass reads.
                var spills = passes[p].OfType<PerClass>()
                    .Where(v => v.SpillTo is not null && passes.Skip(p + 1).SelectMany(s => s).Any(s => s is not Let && Reads(RowKernel.Value(s)).Contains(v.Name)))
                    .ToList();
                EmitPass(passes[p], spilled, spills);
            }
        }

        /// <summary>One pass: accumulators, the loop over full vectors, horizontal steps, the straight-line scalar tail.</summary>
        private void EmitPass(List<Statement> pass, Dictionary<string, string> spilled, List<PerClass> spills)
        {
            int bits = _loopBits;
            int lanes = bits == 0 ? 1 : Lanes(bits);
            int full = _classes - (_classes % lanes);
            var reductions = pass.OfType<Reduce>().ToList();

            // A pass that only takes maxima starts from the first element (its initial value), not from −∞.
            bool maxOnly = reductions.Count > 0 && pass.All(s => s is Reduce { Op: ReduceOp.Max } || s is PerClass) && spills.Count == 0;

            // Scalar loops over float sum in double: one float accumulator would lose ~K·u over the row.
            bool DoubleAccumulator(Reduce r) => r.Op == ReduceOp.Sum && IsSingle && (bits == 0 || r.WidenTerms);

            foreach (var r in reductions)
            {
                if (r.Op == ReduceOp.Max)
                {
                    string first = LoopBody(pass, bits, "0", spilled, r.Term, declare: false);
                    _w.Line((bits == 0 ? T : "var") + " " + r.Name + "Acc = " + (maxOnly ? first : (bits == 0 ? Lowering.Literal(double.NegativeInfinity, _precision) : Vec(bits) + ".Create(" + Lowering.Literal(double.NegativeInfinity, _precision) + ")")) + ";");
                }
                else if (bits == 0)
                {
                    _w.Line(Declaration(DoubleAccumulator(r) || r.Double) + r.Name + "Acc = 0;");
                }
                else
                {
                    _w.Line("var " + r.Name + "Acc = " + Vec(bits) + "<" + (DoubleAccumulator(r) ? "double" : T) + ">.Zero;");
                }
            }

            int start = maxOnly ? lanes : 0;
            var check = pass.OfType<CheckProbabilities>().FirstOrDefault();
            bool tail = bits > 0 && full < _classes;

            // The last K mod lanes classes: one more vector ending at K, overlapping the loop's last one, its repeated
            // lanes masked out of the sums (maxima and the check need no mask), unless the pass reads an output it
            // writes (the gradient, in place): there an element would be updated twice, so the tail is scalar.
            bool overlap = tail && IsOverlapSafe(pass, spilled, spills);
            if (check is not null)
            {
                _w.Line(bits == 0 ? BitsType + " seenAcc = 0;" : "var seenAcc = " + Vec(bits) + "<" + BitsType + ">.Zero;");
                if (tail && !overlap)
                {
                    _w.Line(BitsType + " seenTail = 0;");
                }

                if (FloorAt(bits) && check.Floor == _floor)
                {
                    _w.Line("var floorAcc = " + Vec(bits) + ".Create(" + T + ".PositiveInfinity);");
                }
            }

            using (_w.Block("for (int k = " + N(start) + "; k < " + (bits == 0 ? N(_classes) : N(full)) + "; " + (lanes == 1 ? "k++" : "k += " + N(lanes)) + ")"))
            {
                EmitPassBody(pass, bits, "k", spilled, spills, VectorAccumulate);
            }

            if (overlap)
            {
                _w.Line("// K = " + N(_classes) + " is not a multiple of " + N(lanes) + ": one more vector at " + N(_classes - lanes)
                    + ", overlapping" + (pass.Any(st => st is Reduce { Op: ReduceOp.Sum })
                        ? ", its first " + N(lanes - (_classes - full)) + " lanes masked out of the sums."
                        : pass.Any(st => st is Store)
                            ? " (its stores write the first " + N(lanes - (_classes - full)) + " lanes' values again)."
                            : " (a maximum needs no mask)."));
                EmitPassBody(pass, bits, N(_classes - lanes), spilled, spills, VectorAccumulate, mask: "loopTailMask");
            }

            foreach (var r in reductions)
            {
                string horizontal = bits == 0
                    ? r.Name + "Acc"
                    : r.Op == ReduceOp.Max
                        ? "global::DivergenceGen.LossReductions.Max(" + r.Name + "Acc)"
                        : Vec(bits) + ".Sum(" + r.Name + "Acc)";
                string cast = bits == 0 && DoubleAccumulator(r) && !r.Double ? "(" + T + ")" : string.Empty;
                _w.Line(Declaration(r.Double) + r.Name + " = " + cast + horizontal + ";" + Comment(r.Comment));
            }

            string VectorAccumulate(Reduce r, string term)
            {
                if (r.Op == ReduceOp.Max)
                {
                    return r.Name + "Acc = " + (bits == 0 ? MathClass + ".Max(" + r.Name + "Acc, " + term + ")" : Vec(bits) + ".Max(" + r.Name + "Acc, " + term + ")") + ";";
                }

                if (bits > 0 && DoubleAccumulator(r))
                {
                    return r.Name + "Acc += " + Vec(bits) + ".WidenLower(" + term + ") + " + Vec(bits) + ".WidenUpper(" + term + ");";
                }

                return r.Name + "Acc += " + term + ";";
            }

            if (tail && !overlap)
            {
                string Accumulate(Reduce r, string term) => r.Op == ReduceOp.Max
                    ? r.Name + " = " + MathClass + ".Max(" + r.Name + ", " + term + ");"
                    : r.Name + " += " + term + ";";
                if (_classes - full > 2)
                {
                    _w.Line("// K = " + N(_classes) + " is not a multiple of " + N(lanes) + ": a scalar loop for the last " + N(_classes - full) + " classes.");
                    using (_w.Block("for (int k = " + N(full) + "; k < " + N(_classes) + "; k++)"))
                    {
                        EmitPassBody(pass, 0, "k", spilled, spills, Accumulate, inTail: true);
                    }
                }
                else
                {
                    _w.Line("// K = " + N(_classes) + " is not a multiple of " + N(lanes) + ": the last " + N(_classes - full) + " classes as scalars.");
                    for (int c = full; c < _classes; c++)
                    {
                        EmitPassBody(pass, 0, N(c), spilled, spills, Accumulate, inTail: true);
                    }
                }
            }

            if (check is not null)
            {
                EmitCheckResult(check, tail && !overlap ? new[] { "seenAcc", "seenTail" } : new[] { "seenAcc" }, FloorAt(bits) && check.Floor == _floor ? new[] { "floorAcc" } : Array.Empty<string>());
            }

            foreach (var r in reductions)
            {
                Broadcast(r.Name);
            }
        }

        private string MathClass => IsSingle ? "global::System.MathF" : "global::System.Math";

        /// <summary>Whether a pass may recompute lanes it has done: it reads no output that it writes.</summary>
        private bool IsOverlapSafe(List<Statement> pass, Dictionary<string, string> spilled, List<PerClass> spills)
        {
            var written = new HashSet<string>(
                pass.OfType<Store>().Select(st => _k.Input(st.Output)!.Reference).Concat(spills.Select(p => _k.Input(p.SpillTo!)!.Reference)),
                StringComparer.Ordinal);
            var reads = new HashSet<string>(pass.SelectMany(st => Reads(RowKernel.Value(st))), StringComparer.Ordinal);
            bool readsWritten = spilled.Any(kv => reads.Contains(kv.Key) && written.Contains(kv.Value))
                || _k.Inputs.Any(i => i.IsOutput && reads.Contains(i.Name) && written.Contains(i.Reference));
            return !readsWritten;
        }

        /// <summary>The statements of a pass at index <paramref name="index"/> (a loop variable or a constant class).</summary>
        private void EmitPassBody(List<Statement> pass, int bits, string index, Dictionary<string, string> spilled, List<PerClass> spills, Func<Reduce, string, string> accumulate, bool inTail = false, string? mask = null)
        {
            // The straight-line tail's locals (x17, e17) stay in scope for the passes after: reused, not declared again.
            var locals = index == "k" ? new HashSet<string>(StringComparer.Ordinal) : _tailLocals.GetOrAdd(index);
            string suffix = index == "k" ? "k" : index;

            // A statement under an option the pass as a whole is not under (the gradient's store in a pass that also sums
            // the loss) goes in an if (typeof(TOption) == typeof(Yes)) block, with the statements next to it under the same option.
            string? passOption = _openOption;
            string? innerOption = null;
            IDisposable? innerBlock = null;
            foreach (var statement in pass)
            {
                string? needed = statement.When == passOption ? null : statement.When;
                if (needed != innerOption)
                {
                    innerBlock?.Dispose();
                    innerBlock = needed is null ? null : _w.Block("if (" + KernelOps.IsOn(needed) + ")");
                    innerOption = needed;
                }

                if (statement is PerClass defined && locals.Contains(defined.Name))
                {
                    continue;
                }

                // A masked sum's term is an operand of &: a conditional in it gets parentheses.
                bool masked = mask is not null && statement is Reduce { Op: ReduceOp.Sum };
                string value = LoopBody(pass, bits, index, spilled, RowKernel.Value(statement), declare: true, locals, asTerm: masked);
                switch (statement)
                {
                    case PerClass p:
                        _w.Line((bits == 0 ? T : "var") + " " + p.Name + suffix + " = " + value + ";");
                        locals.Add(p.Name);
                        if (spills.Contains(p))
                        {
                            // Stored for the later passes that read it: under their option, if they all have one.
                            var readers = _k.Body.Where(r => r is not Let && !pass.Contains(r) && Reads(RowKernel.Value(r)).Contains(p.Name)).ToList();
                            string? option = CommonOption(readers);
                            string store = StoreLine(bits, p.Name + suffix, _k.Input(p.SpillTo!)!.Reference, index);
                            _w.Line(option is not null && option != _openOption ? "if (" + KernelOps.IsOn(option) + ") " + store : store);
                        }

                        break;
                    case Reduce r:
                        if (masked)
                        {
                            value = "(" + value + " & " + mask + ")";
                        }

                        if (bits > 0 && r.WidenTerms && IsSingle)
                        {
                            // Widened in two halves: the term gets a local of its own.
                            _w.Line("var " + r.Name + suffix + " = " + value + ";");
                            value = r.Name + suffix;
                        }

                        _w.Line(accumulate(r, value));
                        break;
                    case CheckProbabilities c:
                        string seen = inTail ? "seenTail" : "seenAcc";
                        _w.Line(seen + " = " + CheckFold(seen, c.Inputs.Select(i => LoopBody(pass, bits, index, spilled, E.Ref(i), declare: true, locals))) + ";");
                        if (FloorAt(bits) && !inTail && c.Floor == _floor)
                        {
                            _w.Line("floorAcc = " + FloorFold("floorAcc", _floor!.Lanes.Select(l => (
                                LoopBody(pass, bits, index, spilled, l.Weight, declare: true, locals),
                                LoopBody(pass, bits, index, spilled, l.Argument, declare: true, locals)))) + ";");
                        }
                        break;
                    case Store s:
                        _w.Line(StoreLine(bits, value, _k.Input(s.Output)!.Reference, index));
                        break;
                }
            }

            innerBlock?.Dispose();
        }

        /// <summary>
        /// An expression inside a pass at <paramref name="index"/>: inputs read there are loaded (into a local when read
        /// more than once), per-class values of this pass are its locals, earlier ones are reloaded or recomputed.
        /// </summary>
        private string LoopBody(List<Statement> pass, int bits, string index, Dictionary<string, string> spilled, Expr value, bool declare, HashSet<string>? locals = null,
            bool asTerm = false)
        {
            locals ??= new HashSet<string>(StringComparer.Ordinal);
            string suffix = index == "k" ? "k" : index;
            var definedHere = new HashSet<string>(pass.OfType<PerClass>().Select(p => p.Name), StringComparer.Ordinal);

            string BindPerClass(string name)
            {
                if (locals.Contains(name))
                {
                    return name + suffix;
                }

                if (name == _k.Index)
                {
                    // k as a double: a literal in the straight-line tail, else k converted (plus the lane offsets).
                    return index != "k" ? Literals(new Chunk(bits, int.Parse(index, CultureInfo.InvariantCulture)), c => c)
                        : bits == 0 ? "(" + T + ")k"
                        : "(" + Vec(bits) + ".Create((" + T + ")k) + " + Vec(bits) + ".Create(" + string.Join(", ", Enumerable.Range(0, Lanes(bits)).Select(l => Lowering.Literal(l, _precision))) + "))";
                }

                if (spilled.TryGetValue(name, out var reference))
                {
                    return Load(bits, reference, index);
                }

                var input = _k.Input(name);
                if (input is not null)
                {
                    string load = Load(bits, input.Reference, index);
                    if (declare && bits > 0 && ReadCount(pass, name) > 1)
                    {
                        _w.Line((bits == 0 ? T : "var") + " " + name + suffix + " = " + Guarded(input, load) + ";");
                        locals.Add(name);
                        return name + suffix;
                    }

                    return load;
                }

                // A per-class value of an earlier pass, not spilled: computed again here.
                var definition = _k.PerClassValues.First(p => p.Name == name);
                string text = At(bits, _precision, BindPerClass).Lower(definition.Value);
                return definedHere.Contains(name) ? text : "(" + text + ")";
            }

            var lowering = At(bits, _precision, BindPerClass);
            return asTerm ? lowering.LowerTerm(value) : lowering.Lower(value);
        }

        private static int ReadCount(IEnumerable<Statement> statements, string name) => statements.Sum(s => Count(RowKernel.Value(s), name));

        private static int Count(Expr expr, string name) => expr switch
        {
            Ref r => r.Name == name ? 1 : 0,
            Unary u => Count(u.Operand, name),
            Binary b => Count(b.Left, name) + Count(b.Right, name),
            Maximum m => Count(m.Left, name) + Count(m.Right, name),
            Cast c => Count(c.Operand, name),
            XTimesLog t => (2 * Count(t.X, name)) + Count(t.Log, name), // lowered as x > 0 ? x·log : 0
            LogRatio l => Count(l.X, name) + Count(l.Y, name),
            Deviance d => Count(d.X, name) + Count(d.M, name) + Count(d.XMinusM, name),
            Compare c => Count(c.Left, name) + Count(c.Right, name),
            Select s => Count(s.Condition, name) + Count(s.WhenTrue, name) + Count(s.WhenFalse, name),
            OptionChoice o => Math.Max(Count(o.WhenOn, name), Count(o.WhenOff, name)), // one branch is compiled
            _ => 0,
        };

        // ------------------------------------------------------------------------------------------ across rows

        private int BlockLanes => Lanes(_blockBits);

        private IEnumerable<string> StoredOutputs => _k.Body.OfType<Store>().Select(st => st.Output).Distinct();

        /// <summary>A column of the block: element k of each of its rows, <c>Vector.Create(row[k], row[K + k], …)</c>.</summary>
        private string Gather(string reference, int k) =>
            Vec(_blockBits) + ".Create(" + string.Join(", ", Enumerable.Range(0, BlockLanes).Select(r =>
                "global::System.Runtime.CompilerServices.Unsafe.Add(ref " + reference + ", " + N(r * _classes + k) + ")")) + ")";

        private Lowering BlockLowering(int k) => new VectorLowering(_blockBits, _precision, name =>
        {
            if (_perClass.Contains(name))
            {
                var input = _k.Input(name);
                return input is not null && !_defined.Contains(name) ? Gather(input.Reference, k) : name + N(k);
            }

            return IsInvariantName(name) ? name + N(_blockBits) : name;
        });

        private void EmitBlockInvariants()
        {
            // Inputs first, then values in statement order: each after what it reads.
            foreach (var value in _k.Inputs.Select(i => i.Name).Concat(_k.PerClassValues.Select(p => p.Name)).Where(n => IsInvariantValue(n) && IsRead(n)))
            {
                var input = _k.Input(value);
                for (int k = 0; k < _classes; k++)
                {
                    string text = input is not null
                        ? Guarded(input, Vec(_blockBits) + ".Create(global::System.Runtime.CompilerServices.Unsafe.Add(ref " + input.Reference + ", " + N(k) + "))")
                        : BlockLowering(k).Lower(_k.PerClassValues.First(p => p.Name == value).Value);
                    _w.Line("var " + value + N(k) + " = " + text + ";");
                }

                _defined.Add(value);
            }

            foreach (var output in StoredOutputs)
            {
                string? option = CommonOption(_k.Body.OfType<Store>().Where(st => st.Output == output));
                string buffer = "stackalloc " + T + "[" + N(BlockLanes * _classes) + "]";
                _w.Line("// The block's " + output + ", column by column.");
                _w.Line("global::System.Span<" + T + "> " + output + "Columns = " + (option is null ? buffer : KernelOps.IsOn(option) + " ? " + buffer + " : default") + ";");
                _w.Line("ref " + T + " " + output + "Block = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(" + output + "Columns);");
            }
        }

        private void EmitBlock()
        {
            _defined.RemoveWhere(n => !IsInvariantValue(n));
            void Define(string name)
            {
                if (_defined.Contains(name) || !NeedsLocals(name))
                {
                    return;
                }

                var definition = _k.PerClassValues.FirstOrDefault(p => p.Name == name);
                foreach (var read in definition is null ? Enumerable.Empty<string>() : Substitution.Names(definition.Value).Where(_perClass.Contains))
                {
                    Define(read);
                }

                var input = _k.Input(name);
                for (int k = 0; k < _classes; k++)
                {
                    _w.Line("var " + name + N(k) + " = " + (input is not null ? Guarded(input, Gather(input.Reference, k)) : BlockLowering(k).Lower(definition!.Value)) + ";");
                }

                _defined.Add(name);
            }

            foreach (var statement in _k.Body)
            {
                var reads = Substitution.Names(RowKernel.Value(statement)).Where(n => _perClass.Contains(n) && !_defined.Contains(n) && NeedsLocals(n)).ToList();
                if (reads.Count > 0 && statement.When is null)
                {
                    Option(null);
                }

                foreach (var read in reads)
                {
                    Define(read);
                }

                Option(statement.When);
                switch (statement)
                {
                    case PerClass p:
                        Define(p.Name);
                        break;
                    case Reduce r when r.Op == ReduceOp.Max:
                        _w.Line("var " + r.Name + " = " + BlockLowering(0).Lower(r.Term) + ";");
                        for (int k = 1; k < _classes; k++)
                        {
                            _w.Line(r.Name + " = " + Vec(_blockBits) + ".Max(" + r.Name + ", " + BlockLowering(k).Lower(r.Term) + ");");
                        }

                        break;
                    case Reduce r:
                        SumLine("var " + r.Name + " = ", Enumerable.Range(0, _classes).Select(k => BlockLowering(k).LowerTerm(r.Term)), Comment(r.Comment));
                        break;
                    case Let l:
                        _w.Line("var " + l.Name + " = " + BlockLowering(0).Lower(l.Value) + ";" + Comment(l.Comment));
                        break;
                    case Store st:
                        for (int k = 0; k < _classes; k++)
                        {
                            string value = Vec(_blockBits) + ".ConditionalSelect(" + _activeMask + ", " + BlockLowering(k).Lower(st.Value) + ", " + Vec(_blockBits) + "<" + T + ">.Zero)";
                            _w.Line(StoreLine(_blockBits, value, st.Output + "Block", N(k * BlockLanes)));
                        }

                        break;
                }
            }
        }

        /// <summary>A sum of many terms on one line (the writer wraps it before a <c>+</c> where it is too long).</summary>
        private void SumLine(string head, IEnumerable<string> terms, string comment) =>
            _w.Line(head + string.Join(" + ", terms) + ";" + comment);

        /// <summary>
        /// After a block: each stored output's columns copied back to the block's rows (the caller has set
        /// <c>{output}Rows</c> to element 0 of the block's first row).
        /// </summary>
        public void EmitBlockStores()
        {
            foreach (var output in StoredOutputs)
            {
                using (_w.Block("for (int r = 0; r < " + N(BlockLanes) + "; r++)"))
                using (_w.Block("for (int k = 0; k < Classes; k++)"))
                {
                    _w.Line("global::System.Runtime.CompilerServices.Unsafe.Add(ref " + output + "Rows, r * Classes + k) = global::System.Runtime.CompilerServices.Unsafe.Add(ref "
                        + output + "Block, k * " + N(BlockLanes) + " + r);");
                }
            }
        }

        // ------------------------------------------------------------------------------------------ entry

        /// <summary>The row's statements in the chosen shape (after the caller has set the row's references and scalars).</summary>
        public void EmitRow()
        {
            EmitRowShape();
            Option(null);
        }

        private void EmitRowShape()
        {
            if (_blockBits > 0)
            {
                EmitBlock();
            }
            else if (_chunks is not null)
            {
                _defined.RemoveWhere(n => !IsInvariantValue(n));
                _longTerms.Clear();
                EmitStraightLine();
            }
            else
            {
                _tailLocals.Clear();
                EmitLoops();
            }
        }
    }
}
