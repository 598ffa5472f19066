using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DivergenceGen.Generator.Ir;
using DivergenceGen.Generator.Losses;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Writes the file of one loss's static class, for any loss: the description (<see cref="LossDescription"/>, found
    /// in <see cref="LossCatalogue"/> by the spec) says which public members exist (its variants: class-index or dense
    /// targets, with or without class weights; each as <c>Loss</c> and <c>LossAndGradient</c>), their documentation,
    /// the constants, and the row. This class writes what every loss shares: the argument checks (every argument and
    /// target checked before anything is written), the reduction, the kernels in a file-local class (one per variant,
    /// generic in the gradient option), the dispatch on the vector width, the row loop, ignored rows and the one-hot
    /// update; <see cref="RowScheduler"/> schedules the row (straight-line rows, looped rows, blocks of rows across
    /// the lanes). It names no loss.
    /// </summary>
    internal sealed class LossEmitter
    {
        private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";
        private const string Marshal = "global::System.Runtime.InteropServices.MemoryMarshal";
        private const string Guard = "global::DivergenceGen.LossGuard";

        private readonly LossSpec _s;
        private readonly LossDescription _d;
        private readonly TargetInfo _target;
        private SourceWriter _w = new();

        private LossEmitter(LossSpec spec, TargetInfo target)
        {
            _s = spec;
            _d = LossCatalogue.Of(spec);
            _target = target;
        }

        private int K => _s.Classes;

        private bool IsSingle => _s.Precision == PrecisionKind.Single;

        private string T => IsSingle ? "float" : "double";

        private bool Unrolled => K <= _s.UnrollThreshold;

        private int[] Widths => _target.HasVector512 ? new[] { 512, 256, 128 } : new[] { 256, 128 };

        private int LanesOf(int bits) => bits / (IsSingle ? 32 : 64);

        private string Ros => "global::System.ReadOnlySpan<" + T + ">";

        private string Span => "global::System.Span<" + T + ">";

        private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        private string L(double value) => Lowering.Literal(value, _s.Precision);

        private static string Vec(int bits) => "global::System.Runtime.Intrinsics.Vector" + N(bits);

        public static string Emit(LossSpec spec, TargetInfo target)
        {
            return new LossEmitter(spec, target).EmitFile();
        }

        // ---------------------------------------------------------------------------------------------- the file

        private string EmitFile()
        {
            var w = _w;
            return FileFrame.Write(
                w,
                "[" + _d.Attribute + "] on " + _s.Type.MetadataDisplayName + ".",
                new[]
                {
                    "// Target: C# " + N(_target.LanguageVersion) + "; vector widths " + string.Join(", ", Widths)
                    + " bits (each used only where the CPU accelerates it), then scalar.",
                    "// Specialised for " + _d.Size(_s) + ", " + T + (_d.Specialisation(_s) is { Length: > 0 } options ? ", " + options : string.Empty)
                    + ", reduction " + _s.Reduction + ".",
                },
                _s.Type.Namespace,
                _s.Type.ContainingTypes.Select(c => "partial " + c.Keyword + " " + c.Name),
                () =>
                {
                    w.Line(Emitter.GeneratedCodeAttribute(FileFrame.ToolVersion));
                    using (w.Block("static partial class " + _s.Type.Name))
                    {
                        EmitConstants();
                        foreach (var variant in _d.Variants)
                        {
                            foreach (bool gradient in new[] { false, true })
                            {
                                EmitPublic(variant, gradient);
                            }
                        }
                    }
                },
                kernels: (KernelClass, "The kernels of " + _s.Type.MetadataDisplayName + ": one fused pass over each row, for each public member. Callers have checked every argument.", kernels =>
                {
                    var outer = _w;
                    _w = kernels;
                    _w.Line("private const int Classes = " + N(K) + ";");
                    _w.Line();
                    var classIndex = _d.Variants.Where(v => !v.Dense).ToList();
                    if (classIndex.Count > 0)
                    {
                        _w.Line("private const int IgnoreIndex = " + N(_s.IgnoreIndex) + ";");
                        _w.Line();
                    }

                    foreach (var variant in classIndex)
                    {
                        EmitCheckTargets(variant.Weighted);
                    }

                    EmitOptions(_w);
                    foreach (var variant in KernelVariants)
                    {
                        EmitKernel(variant);
                    }

                    _w = outer;
                }));
        }

        /// <summary>The option types of the kernels' <c>TGradient</c> and <c>TWeights</c> (tested with <see cref="KernelOps.IsOn"/>).</summary>
        public static void EmitOptions(SourceWriter w)
        {
            w.Summary("A compile-time option of a kernel, Yes or No. A kernel tests it as typeof(TOption) == typeof(Yes): the JIT compiles a generic kernel"
                + " once per option type and folds that test while it imports the method, so the code of an option that is off is never compiled.");
            w.Line("internal interface IOption;");
            w.Line();
            w.Summary("The option is on.");
            w.Line("internal readonly struct Yes : IOption;");
            w.Line();
            w.Summary("The option is off.");
            w.Line("internal readonly struct No : IOption;");
            w.Line();
        }

        /// <summary>
        /// Whether the description's row writes the gradient only as zeros (its one-hot part is the emitter's update):
        /// then the kernel clears the whole gradient once, which the runtime does as a memset without reading the lines
        /// it writes, and the rows drop their zero stores (<see cref="Row"/>).
        /// </summary>
        private bool ClearsGradient(LossVariant variant)
        {
            var stores = _d.Row(_s, variant).Body.OfType<Store>().Where(st => st.Output == "g").ToList();
            return stores.Count > 0 && stores.All(st => st.Value is Const { Value: 0 });
        }

        /// <summary>The description's row, without the gradient's zero stores where the kernel clears the gradient at once.</summary>
        private RowKernel Row(LossVariant variant)
        {
            var row = _d.Row(_s, variant);
            return ClearsGradient(variant)
                ? row with { Body = row.Body.Where(st => !(st is Store { Output: "g" })).ToList() }
                : row;
        }

        /// <summary>
        /// The variants as kernels, in the order of their first public variant: a weighted and an unweighted variant of
        /// the same targets and member share one kernel, generic in the weights option (<see cref="LossVariant.WeightsOption"/>).
        /// </summary>
        private IEnumerable<LossVariant> KernelVariants => _d.Variants.Select(KernelOf).Distinct();

        /// <summary>The kernel a public variant calls: the shared one where the loss has its twin with or without weights.</summary>
        private LossVariant KernelOf(LossVariant variant) =>
            _d.Variants.Any(v => v.Weighted != variant.Weighted && v.Targets == variant.Targets && v.Member == variant.Member && v.DenseInput == variant.DenseInput)
                ? variant with { Weighted = true, WeightsOption = true }
                : variant;

        /// <summary>The kernel methods' generic parameters and their constraints.</summary>
        private static string TypeParameters(LossVariant kernel) =>
            kernel.WeightsOption ? "<" + LossDescription.Gradient + ", " + LossDescription.Weighting + ">" : "<" + LossDescription.Gradient + ">";

        private static string Constraints(LossVariant kernel) =>
            "where " + LossDescription.Gradient + " : struct, IOption" + (kernel.WeightsOption ? " where " + LossDescription.Weighting + " : struct, IOption" : string.Empty);

        /// <summary><c>typeof(TWeights) == typeof(Yes) ? weighted : unweighted</c> in a kernel with the weights option, else the variant's form.</summary>
        private static string WeightedText(LossVariant kernel, string weighted, string unweighted) =>
            kernel.WeightsOption ? KernelOps.IsOn(LossDescription.Weighting) + " ? " + weighted + " : " + unweighted : kernel.Weighted ? weighted : unweighted;

        /// <summary>The destination of reduction None: per row (<c>perSample</c>) or per element (<c>perElement</c>).</summary>
        private string PerOutput => _d.PerElement ? "perElement" : "perSample";

        /// <summary>The file-local class of this file's kernels.</summary>
        private string KernelClass => FileFrame.KernelClass(_s.Type.Name);

        /// <summary>The kernel class as the user's type reaches it.</summary>
        private string Kernels => FileFrame.Kernels(_s.Type.Name);

        private void EmitConstants()
        {
            foreach (var constant in _d.Constants(_s))
            {
                _w.Summary(constant.Summary);
                _w.Line("public const " + constant.Type + " " + constant.Name + " = " + constant.Value + ";");
                _w.Line();
            }
        }

        // ---------------------------------------------------------------------------------------------- public members

        /// <summary>The call of a kernel from a public member: <c>…Kernels.LossHard&lt;…Kernels.Yes, …Kernels.No&gt;</c>.</summary>
        private string KernelCall(LossVariant variant, bool gradient)
        {
            var kernel = KernelOf(variant);
            string Option(bool on) => Kernels + "." + (on ? "Yes" : "No");
            return Kernels + "." + kernel.Kernel + "<" + Option(gradient) + (kernel.WeightsOption ? ", " + Option(variant.Weighted) : string.Empty) + ">";
        }

        private void EmitPublic(LossVariant variant, bool gradient)
        {
            var w = _w;
            bool soft = variant.Dense, weighted = variant.Weighted;
            bool none = _s.Reduction == ReductionKind.None;
            bool mean = _s.Reduction == ReductionKind.Mean;
            string input = _d.Input;
            string targets = soft ? variant.DenseInput!.Name : "targets";
            string size = _d.SizeConstant;
            string perOutput = PerOutput;
            var weights = weighted ? _d.Weights : new List<WeightInput>();
            w.Summary(_d.Summary(_s, variant, gradient));
            w.Doc("<param name=\"" + input + "\">" + _d.InputDoc + "</param>");
            w.Doc(soft
                ? "<param name=\"" + targets + "\">" + variant.DenseInput!.Doc + "</param>"
                : "<param name=\"targets\">N class indices in [0, K), or the ignore index " + N(_s.IgnoreIndex) + ".</param>");
            foreach (var weight in weights)
            {
                w.Doc("<param name=\"" + weight.Name + "\">" + weight.Doc + "</param>");
            }

            if (none)
            {
                w.Doc(_d.PerElement
                    ? "<param name=\"perElement\">Receives ℓᵢₖ for each of the N × K elements (at least N·K elements).</param>"
                    : "<param name=\"perSample\">Receives ℓᵢ for each of the N rows (at least N elements).</param>");
            }

            if (gradient)
            {
                w.Doc("<param name=\"gradient\">Receives the N × K gradient (at least N·K elements; it must not overlap the inputs).</param>");
            }

            w.Doc("<returns>The " + (mean ? "mean loss" : "summed loss") + ".</returns>");
            w.Doc("<exception cref=\"global::System.ArgumentException\">"
                + (soft ? targets + ".Length is not a multiple of K, or " + input + ".Length differs from it" : input + ".Length is not targets.Length × K")
                + string.Concat(weights.Select(weight => "; " + weight.Name + ".Length is " + weight.LengthDoc))
                + (none ? "; " + perOutput + " is shorter than " + (_d.PerElement ? input : "N") : string.Empty)
                + (gradient ? "; gradient is shorter than " + input : string.Empty)
                + " (the message names the parameter and the lengths).</exception>");
            w.Doc("<exception cref=\"global::System.ArgumentOutOfRangeException\">"
                + (soft ? variant.DenseInput!.Invalid : "A target is outside [0, K) and is not the ignore index (the message names the row and the value)")
                + string.Concat(weights.Select(weight => "; " + weight.InvalidDoc))
                + ". Every argument is checked before anything is written: on an exception the destinations are untouched.</exception>");

            var parameters = new List<string> { Ros + " " + input, soft ? Ros + " " + targets : "global::System.ReadOnlySpan<int> targets" };
            var arguments = new List<string> { input, targets };
            foreach (var weight in weights)
            {
                parameters.Add(Ros + " " + weight.Name);
                arguments.Add(weight.Name);
            }

            if (!weighted && KernelOf(variant).WeightsOption)
            {
                arguments.AddRange(_d.Weights.Select(_ => "default")); // the shared kernel's weights, absent here
            }

            if (none)
            {
                parameters.Add(Span + " " + perOutput);
                arguments.Add(perOutput);
            }

            if (gradient)
            {
                parameters.Add(Span + " gradient");
                arguments.Add("gradient");
            }

            using (w.Block("public static " + T + " " + variant.Member + (gradient ? "AndGradient" : string.Empty) + "(" + string.Join(", ", parameters) + ")"))
            {
                if (soft)
                {
                    w.Line(Guard + ".ThrowIfRowLengthsInvalid(" + input + ".Length, " + targets + ".Length, " + size + ", nameof(" + input + "), nameof(" + targets + "));");
                }
                else
                {
                    w.Line(Guard + ".ThrowIfInputLengthIsNot(" + input + ".Length, targets.Length, " + size + ", nameof(" + input + "));");
                }

                foreach (var weight in weights)
                {
                    w.Line(Guard + "." + weight.Check + "(" + weight.Name + ", " + size + ");");
                }

                string rows = soft ? targets + ".Length / " + size : "targets.Length";
                if (none)
                {
                    w.Line(Guard + ".ThrowIfDestinationTooShort(" + (_d.PerElement ? input + ".Length" : rows) + ", " + perOutput + ".Length, nameof(" + perOutput + "));");
                }

                if (gradient)
                {
                    w.Line(Guard + ".ThrowIfDestinationTooShort(" + input + ".Length, gradient.Length, nameof(gradient));");
                }

                string denominator;
                if (soft)
                {
                    w.Line(Guard + "." + variant.DenseInput!.Check + "(" + targets + ", " + size + ");");
                    denominator = _d.MeanOverElements ? "(double)" + targets + ".Length" : "(double)(" + targets + ".Length / " + size + ")";
                    foreach (var weight in weights.Where(v => v.EmptyMeansOnes))
                    {
                        w.Line(weight.Name + " = " + Guard + ".OnesIfEmpty(" + weight.Name + ", " + size + "); // an empty span means all ones");
                    }
                }
                else
                {
                    w.Line("// Validates every target before anything is written; " + (mean ? "returns D, the mean's denominator." : "D is not needed for this reduction."));
                    w.Line((mean ? "double denominator = " : string.Empty) + Kernels + ".CheckTargets(targets" + (weighted ? ", " + _d.Weights[0].Name : string.Empty) + ");");
                    denominator = "denominator";
                }

                if (mean)
                {
                    if (soft)
                    {
                        w.Line("double denominator = " + denominator + ";");
                    }

                    if (gradient)
                    {
                        w.Line("// D = 0 (" + (soft ? (_d.MeanOverElements ? "no elements" : "no rows") : "every target ignored") + "): scale 0, so a zero gradient; the loss is 0 (torch: NaN).");
                        w.Line("double scale = denominator > 0 ? 1d / denominator : 0d;");
                        arguments.Add("scale");
                    }

                    if (!gradient)
                    {
                        arguments.Add("default");
                        arguments.Add("0d");
                    }

                    w.Line("double total = " + KernelCall(variant, gradient) + "(" + string.Join(", ", arguments) + ");");
                    w.Line("return denominator > 0 ? (" + T + ")(total / denominator) : " + L(0) + ";");
                }
                else
                {
                    arguments.Add(gradient ? "1d" : "default");
                    if (!gradient)
                    {
                        arguments.Add("0d");
                    }

                    w.Line("return (" + T + ")" + KernelCall(variant, gradient) + "(" + string.Join(", ", arguments) + ");");
                }
            }

            w.Line();
        }

        private void EmitCheckTargets(bool weighted)
        {
            var w = _w;
            w.Line("/// <summary>Throws for a target outside [0, K) that is not the ignore index; returns Σ over the other rows of " + (weighted ? "w[yᵢ]" : "1") + ".</summary>");
            using (w.Block("internal static double CheckTargets(global::System.ReadOnlySpan<int> targets" + (weighted ? ", " + Ros + " " + _d.Weights[0].Name : string.Empty) + ")"))
            {
                w.Line("double denominator = 0;");
                using (w.Block("for (int i = 0; i < targets.Length; i++)"))
                {
                    w.Line("int y = targets[i];");
                    using (w.Block("if (y == IgnoreIndex)"))
                    {
                        w.Line("continue;");
                    }

                    using (w.Block("if ((uint)y >= (uint)Classes)"))
                    {
                        w.Line(Guard + ".ThrowTargetOutOfRange(i, y, Classes, IgnoreIndex);");
                    }

                    w.Line(weighted ? "denominator += " + _d.Weights[0].Name + "[y];" : "denominator += 1;");
                }

                w.Line("return denominator;");
            }

            w.Line();
        }

        // ---------------------------------------------------------------------------------------------- kernels

        /// <summary>
        /// One kernel per target kind (class indices or probabilities, weighted or not), generic in <c>TGradient</c>:
        /// <c>Loss</c> calls it with <c>No</c>, <c>LossAndGradient</c> with <c>Yes</c>; the JIT compiles each and keeps
        /// the gradient's code only in the second.
        /// </summary>
        private void EmitKernel(LossVariant variant)
        {
            const bool gradient = true; // the parameters and constants the gradient's code reads are always there
            var w = _w;
            bool soft = variant.Dense, weighted = variant.Weighted;
            bool perSample = _s.Reduction == ReductionKind.None;
            var parameters = new List<string> { Ros + " " + _d.Input, soft ? Ros + " " + variant.DenseInput!.Name : "global::System.ReadOnlySpan<int> targets" };
            if (weighted)
            {
                parameters.AddRange(_d.Weights.Select(weight => Ros + " " + weight.Name));
            }

            if (perSample)
            {
                parameters.Add(Span + " " + PerOutput);
            }

            if (gradient)
            {
                parameters.Add(Span + " gradient");
                parameters.Add("double scale");
            }

            var blockWidths = new List<int>();
            w.Line("/// <summary>Σᵢ ℓᵢ, " + (soft ? variant.DenseInput!.Description : "class-index targets")
                + (variant.WeightsOption ? ", weighted where TWeights is Yes (else the weights are empty and not read)" : weighted ? ", weighted" : string.Empty)
                + "; where TGradient is Yes, also the gradient times scale. Callers have checked every argument.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
            using (w.Block("internal static double " + variant.Kernel + TypeParameters(variant) + "(" + string.Join(", ", parameters) + ")", "}", Constraints(variant)))
            {
                EmitKernelPreamble(variant, gradient);
                if (ClearsGradient(variant))
                {
                    w.Line("// The row writes no gradient but the one-hot part: the zeros are one clear of the whole gradient (a memset).");
                    w.Line("if (" + KernelOps.IsOn(LossDescription.Gradient) + ") gradient.Slice(0, n * Classes).Clear();");
                }

                w.Line("double total = 0;");
                var widths = Widths.Where(b => LanesOf(b) <= K).ToList();
                if (Row(variant).Body.All(st => st is Let))
                {
                    // Nothing per class is left in the row (NLL after the clear): one scalar row loop serves every CPU.
                    w.Line("// No per-class work is left in a row: one scalar row loop, the same on every CPU (no vector would do anything).");
                    EmitRows(variant, gradient, perSample, new List<int>(), straightLine: true);
                    w.Line("return total;");
                }
                else if (Unrolled)
                {
                    w.Line("// K = " + N(K) + " ≤ UnrollThreshold " + N(_s.UnrollThreshold) + ": unrolled. Each row is straight-line code with constant offsets, the widest vectors");
                    w.Line("// the CPU has first, then narrower ones, and a last vector overlapping the one before (its repeated lanes masked");
                    w.Line("// out of the sums) where K is not a sum of vector widths.");
                    w.Line("// " + _d.UnrolledNote);
                    bool blocks = !soft && _d.RowsAcrossLanes;
                    if (blocks)
                    {
                        w.Line("// Class-index targets: blocks of as many rows as a vector has lanes are computed across rows first (row r of the");
                        w.Line("// block in lane r: the row's arithmetic is vector operations, with no horizontal reductions); the last n mod lanes");
                        w.Line("// rows take the per-row code.");
                    }

                    foreach (int bits in blocks ? Widths.ToList() : widths)
                    {
                        using (w.Block("if (" + Vec(bits) + ".IsHardwareAccelerated)"))
                        {
                            if (blocks)
                            {
                                w.Line("int i = 0; // blocks of " + N(LanesOf(bits)) + " rows across the lanes, in a method of their own (a small method the JIT keeps in registers)");
                                w.Line("total += " + variant.Kernel + "Blocks" + N(bits) + TypeParameters(variant) + "(" + string.Join(", ", KernelArguments(weighted, gradient, perSample)) + ", ref i);");
                                blockWidths.Add(bits);
                            }

                            EmitRows(variant, gradient, perSample, Widths.Where(b => b <= bits).ToList(), straightLine: true, fromBlocks: blocks);
                            w.Line("return total;");
                        }
                    }

                    if (widths.Count > 0 && K > 4)
                    {
                        using (w.Block("// No SIMD on this CPU: scalar loops over the classes (shorter than K straight-line scalars)."))
                        {
                            EmitRows(variant, gradient, perSample, new List<int>(), straightLine: false);
                            w.Line("return total;");
                        }
                    }
                    else
                    {
                        using (w.Block(widths.Count > 0 ? "// No SIMD on this CPU: the same straight-line rows, one scalar per class." : "// K = " + N(K) + " is narrower than any vector: scalar straight-line rows."))
                        {
                            EmitRows(variant, gradient, perSample, new List<int>(), straightLine: true);
                            w.Line("return total;");
                        }
                    }
                }
                else
                {
                    w.Line("// K = " + N(K) + " > UnrollThreshold " + N(_s.UnrollThreshold) + ": per row, SIMD loops with a constant bound, the widest vector the CPU has first;");
                    w.Line("// a pass's last K mod lanes classes are one more vector overlapping the loop's last (its repeated lanes masked),");
                    w.Line("// or scalars where the pass updates an output in place.");
                    w.Line("// " + _d.LoopedNote);
                    foreach (int bits in widths)
                    {
                        using (w.Block("if (" + Vec(bits) + ".IsHardwareAccelerated)"))
                        {
                            EmitRows(variant, gradient, perSample, new List<int> { bits }, straightLine: false);
                            w.Line("return total;");
                        }
                    }

                    using (w.Block("// No SIMD on this CPU: scalar loops."))
                    {
                        EmitRows(variant, gradient, perSample, new List<int>(), straightLine: false);
                        w.Line("return total;");
                    }
                }
            }

            w.Line();
            foreach (int bits in blockWidths)
            {
                w.Line("/// <summary>The full blocks of " + N(LanesOf(bits)) + " rows of " + variant.Kernel + ", across the lanes of a Vector" + N(bits) + "; advances i past them.</summary>");
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
                using (w.Block("private static double " + variant.Kernel + "Blocks" + N(bits) + TypeParameters(variant) + "(" + string.Join(", ", parameters) + ", ref int i)", "}", Constraints(variant)))
                {
                    EmitKernelPreamble(variant, gradient);
                    w.Line("double total = 0;");
                    EmitBlocks(variant, gradient, perSample, bits);
                    w.Line("return total;");
                }

                w.Line();
            }
        }

        private List<string> KernelArguments(bool weighted, bool gradient, bool perSample)
        {
            var arguments = new List<string> { _d.Input, "targets" };
            if (weighted)
            {
                arguments.AddRange(_d.Weights.Select(weight => weight.Name));
            }

            if (perSample)
            {
                arguments.Add(PerOutput);
            }

            if (gradient)
            {
                arguments.Add("gradient");
                arguments.Add("scale");
            }

            return arguments;
        }

        /// <summary>The locals every kernel starts with: element references and the constants of the call (the description's).</summary>
        private void EmitKernelPreamble(LossVariant variant, bool gradient)
        {
            var w = _w;
            w.Line("int n = " + (variant.Dense ? variant.DenseInput!.Name + ".Length / Classes" : "targets.Length") + ";");
            w.Line("ref " + T + " xRef = ref " + Marshal + ".GetReference(" + _d.Input + ");");
            if (variant.Dense)
            {
                w.Line("ref " + T + " tRef = ref " + Marshal + ".GetReference(" + variant.DenseInput!.Name + ");");
            }

            if (variant.Weighted)
            {
                foreach (var weight in _d.Weights)
                {
                    w.Line("ref " + T + " " + weight.Reference + " = ref " + Marshal + ".GetReference(" + weight.Name + ");");
                }
            }

            if (_d.PerElement && _s.Reduction == ReductionKind.None)
            {
                w.Line("ref " + T + " peRef = ref " + Marshal + ".GetReference(perElement);");
            }

            if (gradient)
            {
                w.Line("ref " + T + " gRef = ref " + Marshal + ".GetReference(gradient);");
            }

            if (variant.Weighted && !variant.Dense && _d.WeightSum(_s) is { } weightSum)
            {
                w.Line("double weightSum = 0; // " + weightSum);
                using (variant.WeightsOption ? w.Block("if (" + KernelOps.IsOn(LossDescription.Weighting) + ")") : null)
                using (w.Block("for (int c = 0; c < Classes; c++)"))
                {
                    w.Line("weightSum += " + _d.Weights[0].Name + "[c];");
                }
            }

            foreach (var constant in _d.CallConstants(_s, variant))
            {
                // A conversion to the element type computes its operand in double: (float)(scale * 0.01d).
                bool inDouble = constant.Double || constant.Value is Cast;
                string value = new ScalarLowering(inDouble ? PrecisionKind.Double : _s.Precision, name => name).Lower(constant.Value);
                w.Line((constant.Double ? "double" : T) + " " + constant.Name + " = " + value + ";" + (constant.Comment is null ? string.Empty : " // " + constant.Comment));
            }
        }

        /// <summary>
        /// Class-index targets, K ≤ the unroll threshold: rows i … i + L − 1 in the L lanes of one vector, the same row
        /// kernel scheduled across rows (<see cref="RowScheduler"/>). Per block: the targets, the mask of rows that are
        /// not ignored, the gathered x_y and w_y; then the kernel; then the masked loss, and the gradient copied back to
        /// the rows with the one-hot update at each y. Leaves <c>i</c> at the first row not done.
        /// </summary>
        private void EmitBlocks(LossVariant variant, bool gradient, bool perSample, int bits)
        {
            var w = _w;
            bool weighted = variant.Weighted;
            int count = LanesOf(bits);
            string V = Vec(bits);
            string zero = L(0), one = L(1);
            var lanes = Enumerable.Range(0, count).ToList();
            string Elem(string reference, string offset) => Unsafe + ".Add(ref " + reference + ", " + offset + ")";
            string RowOffset(int r) => r == 0 ? string.Empty : N(r) + " * Classes + ";

            var scheduler = new RowScheduler(w, Row(variant), K, _s.Precision, bits, "active");
            if (perSample)
            {
                w.Line("ref " + T + " psRef = ref " + Marshal + ".GetReference(perSample);");
            }

            scheduler.EmitInvariants();
            using (w.Block("for (; i <= n - " + N(count) + "; i += " + N(count) + ")"))
            {
                w.Line("ref " + T + " row = ref " + Unsafe + ".Add(ref xRef, i * Classes);");
                w.Line("int " + string.Join(", ", lanes.Select(r => "y" + N(r) + " = targets[i" + (r == 0 ? string.Empty : " + " + N(r)) + "]")) + ";");
                w.Line("// All-ones in the lanes of rows that are not ignored; an ignored row reads x_y = w_y = 0 and is masked out.");
                w.Line("var active = " + V + ".GreaterThan(" + V + ".Create(" + string.Join(", ", lanes.Select(r => "y" + N(r) + " == IgnoreIndex ? " + zero + " : " + one)) + "), "
                    + V + "<" + T + ">.Zero);");
                w.Line("var xy = " + V + ".Create(" + string.Join(", ", lanes.Select(r => "y" + N(r) + " == IgnoreIndex ? " + zero + " : " + Elem("row", RowOffset(r) + "y" + N(r)))) + ");");
                if (weighted)
                {
                    string wy = V + ".Create(" + string.Join(", ", lanes.Select(r => "y" + N(r) + " == IgnoreIndex ? " + zero + " : " + Elem("wRef", "y" + N(r)))) + ")";
                    w.Line("var wy = " + WeightedText(variant, wy, "default") + ";");
                }

                scheduler.EmitRow();
                w.Line("l = " + V + ".ConditionalSelect(active, l, " + V + "<" + T + ">.Zero);");
                w.Line("total += " + (IsSingle ? "global::DivergenceGen.VectorReductions.SumToDouble(l)" : V + ".Sum(l)") + ";");
                if (perSample)
                {
                    w.Line(V + ".StoreUnsafe(l, ref psRef, (nuint)i);");
                }

                if (gradient)
                {
                    w.Line("ref " + T + " gRows = ref " + Unsafe + ".Add(ref gRef, i * Classes);");
                    using var option = w.Block("if (" + KernelOps.IsOn(LossDescription.Gradient) + ")");
                    scheduler.EmitBlockStores();
                    w.Line("// The one-hot part of the gradient: " + _d.OneHot + (variant.WeightsOption ? "(·w_y)" : weighted ? "·w_y" : string.Empty) + " at each row's target.");
                    using (w.Block("for (int r = 0; r < " + N(count) + "; r++)"))
                    {
                        w.Line("int y = targets[i + r];");
                        using (w.Block("if (y != IgnoreIndex)"))
                        {
                            w.Line(Elem("gRows", "r * Classes + y") + " -= " + WeightedText(variant, "(" + T + ")(hit * " + Elem("wRef", "y") + ")", "hitT") + ";");
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The row loop around the description's row kernel (<see cref="LossDescription.Row"/>), scheduled by
        /// <see cref="RowScheduler"/> for <paramref name="widths"/>: the row's references and, for class-index targets,
        /// the ignored-row exit and the scalars x_y and w_y before it; the total, the per-sample loss and the gradient's
        /// one-hot update after it.
        /// </summary>
        private void EmitRows(LossVariant variant, bool gradient, bool perSample, List<int> widths, bool straightLine, bool fromBlocks = false)
        {
            var w = _w;
            bool soft = variant.Dense, weighted = variant.Weighted;
            var kernel = Row(variant);
            var scheduler = new RowScheduler(w, kernel, K, _s.Precision, widths, straightLine, overlap: true);
            scheduler.EmitInvariants();
            if (fromBlocks)
            {
                w.Line("// The rows after the last full block, one at a time.");
            }

            using (w.Block(fromBlocks ? "for (; i < n; i++)" : "for (int i = 0; i < n; i++)"))
            {
                w.Line("int rowStart = i * Classes;");
                if (!soft)
                {
                    w.Line("int y = targets[i];");
                    using (w.Block("if (y == IgnoreIndex)"))
                    {
                        if (gradient && !ClearsGradient(variant))
                        {
                            w.Line("if (" + KernelOps.IsOn(LossDescription.Gradient) + ") gradient.Slice(rowStart, Classes).Clear();");
                        }

                        if (perSample)
                        {
                            w.Line("perSample[i] = 0;");
                        }

                        w.Line("continue;");
                    }
                }

                w.Line("ref " + T + " row = ref " + Unsafe + ".Add(ref xRef, rowStart);");
                if (soft)
                {
                    w.Line("ref " + T + " tRow = ref " + Unsafe + ".Add(ref tRef, rowStart);");
                }

                if (gradient)
                {
                    w.Line("ref " + T + " gRow = ref " + Unsafe + ".Add(ref gRef, rowStart);");
                }

                if (perSample && _d.PerElement)
                {
                    w.Line("ref " + T + " peRow = ref " + Unsafe + ".Add(ref peRef, rowStart);");
                }

                if (!soft)
                {
                    w.Line("double xy = " + Unsafe + ".Add(ref row, y); // x_y, read before the gradient row is written");
                    if (weighted)
                    {
                        w.Line("double wy = " + WeightedText(variant, Unsafe + ".Add(ref wRef, y)", "1d") + ";");
                    }
                }

                scheduler.EmitRow();
                w.Line("total += l;");
                if (perSample && !_d.PerElement)
                {
                    w.Line("perSample[i] = (" + T + ")l;");
                }

                if (gradient && !soft)
                {
                    w.Line("if (" + KernelOps.IsOn(LossDescription.Gradient) + ") " + Unsafe + ".Add(ref gRow, y) -= " + WeightedText(variant, "(" + T + ")(hit * wy)", "hitT") + ";");
                }
            }
        }
    }
}
