using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Ir
{
    /// <summary>How a <see cref="Reduce"/> combines its terms over the K classes.</summary>
    internal enum ReduceOp
    {
        /// <summary>Σₖ term.</summary>
        Sum,

        /// <summary>maxₖ term.</summary>
        Max,
    }

    /// <summary>One statement of a <see cref="RowKernel"/>.</summary>
    internal abstract record Statement
    {
        /// <summary>
        /// The name of a generic option type parameter of the kernel method (<c>TGradient</c>), or null: the statement
        /// runs only where that option is on (<c>if (typeof(TGradient) == typeof(Yes))</c>; the JIT specialises the method per option type
        /// and drops the code of an option that is off). A value defined under an option is read only under it.
        /// </summary>
        public string? When { get; init; }
    }

    /// <summary>
    /// A value per class k ∈ [0, K): <c>e = exp(x − m)</c>. In straight-line code it is one local per chunk and stays in
    /// registers for every later statement; a loop recomputes it in each later pass that reads it, or, when
    /// <paramref name="SpillTo"/> names an output, stores it there in its own pass and reloads it.
    /// </summary>
    internal sealed record PerClass(string Name, Expr Value, string? SpillTo = null) : Statement;

    /// <summary>
    /// A scalar of the row, <c>name = op over k of term(k)</c>. <paramref name="Double"/>: the result is a double; for
    /// a float kernel, <paramref name="WidenTerms"/> also accumulates the terms in double (lanes widened before
    /// adding), else the row's partial sums are float and only the result is widened.
    /// </summary>
    internal sealed record Reduce(string Name, ReduceOp Op, Expr Term, bool Double = false, bool WidenTerms = false, string? Comment = null) : Statement;

    /// <summary>A scalar of the row computed from other scalars (in double when <paramref name="Double"/>).</summary>
    internal sealed record Let(string Name, Expr Value, bool Double = false, string? Comment = null) : Statement;

    /// <summary>
    /// A bool of the row: every element of <paramref name="Inputs"/> is a probability in [0, 1] (and not −0). Folded into
    /// the pass that reads them: one running unsigned maximum of bit patterns per vector width
    /// (<c>ProbabilityLanes.Max</c>), tested once at the end (<c>ProbabilityLanes.AllProbabilities</c>).
    /// </summary>
    /// <remarks>
    /// With <paramref name="Floor"/> (a two-pass kernel whose pass calls read only checked inputs: see
    /// <see cref="KernelPasses.FloorOf"/>) the vector code also folds the arguments of those calls, which then skip their
    /// per-lane domain test, into a running minimum per width (<c>ProbabilityLanes.Floor</c>), tested once
    /// at the end into the bool <see cref="FirstPassFloor.Name"/> (<c>ProbabilityLanes.AllAtLeast</c>).
    /// </remarks>
    internal sealed record CheckProbabilities(string Name, IReadOnlyList<string> Inputs, FirstPassFloor? Floor = null) : Statement;

    /// <summary>
    /// What the first pass of a kernel over checked probabilities must test once instead of per lane: every
    /// <see cref="FloorLane.Argument"/> whose <see cref="FloorLane.Weight"/> is positive lies at or above the floor (the
    /// runtime's <c>ProbabilityLanes.XLogRatioFloor</c> when <paramref name="XLogRatio"/>, else <c>LogFloor</c>).
    /// </summary>
    internal sealed record FirstPassFloor(string Name, IReadOnlyList<FloorLane> Lanes, bool XLogRatio);

    /// <summary>An argument of a first-pass call that skips its domain test, and the weight whose zero lanes its term discards.</summary>
    internal sealed record FloorLane(Expr Weight, Expr Argument);

    /// <summary><c>output[k] = value(k)</c> for every class.</summary>
    internal sealed record Store(string Output, Expr Value) : Statement;

    /// <summary>
    /// The maths of one row of K classes, written once; <c>Emit/RowScheduler</c> lowers it to straight-line chunks,
    /// constant-bound loops or (for the loss) blocks of rows across the lanes. In expressions, <see cref="Ref"/> names
    /// an input element (<c>x[k]</c> for an input <c>x</c>), a <see cref="PerClass"/> value, a row scalar
    /// (<see cref="Reduce"/>, <see cref="Let"/>, or one of <paramref name="RowScalars"/>, which the caller sets per row)
    /// or, any other name, a constant of the whole call (hoisted, broadcast once per vector width).
    /// </summary>
    /// <param name="Inputs">Spans read at k, each with its role.</param>
    /// <param name="Body">The statements, in order.</param>
    /// <param name="RowScalars">Names the caller defines per row before the body (not hoisted).</param>
    /// <param name="Index">The name of the class index k itself, as a double (a count family's outcome), or null.</param>
    internal sealed record RowKernel(IReadOnlyList<KernelInput> Inputs, IReadOnlyList<Statement> Body, IReadOnlyList<string> RowScalars, string? Index = null)
    {
        public KernelInput? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);

        public IEnumerable<PerClass> PerClassValues => Body.OfType<PerClass>();

        /// <summary>The names a statement defines (a per-class value, a scalar, or none for a store).</summary>
        public static string? Defines(Statement statement) => statement switch
        {
            PerClass p => p.Name,
            Reduce r => r.Name,
            Let l => l.Name,
            CheckProbabilities c => c.Name,
            _ => null,
        };

        public static Expr Value(Statement statement) => statement switch
        {
            PerClass p => p.Value,
            Reduce r => r.Term,
            Let l => l.Value,
            Store s => s.Value,
            CheckProbabilities c => c.Inputs.Select(i => (Expr)new Ref(i)).Aggregate((a, b) => a + b), // what it reads
            _ => throw new System.InvalidOperationException(),
        };
    }

    /// <param name="Name">The name the kernel's expressions use for the element at k.</param>
    /// <param name="Reference">The C# <c>ref</c> local the caller sets to element 0 of the row (<c>row</c>, <c>wRef</c>).</param>
    /// <param name="Invariant">The same for every row (class weights): its per-class values are loaded once, before the rows.</param>
    /// <param name="IsOutput">Written by a <see cref="Store"/> (or a spill); a read of it in a later pass reloads what was stored.</param>
    /// <param name="Constants">The values, where they are known when the code is generated (a table the generator
    /// computed): straight-line code writes them as literals (a vector of literals) instead of loading them.</param>
    /// <param name="Option">A generic option type parameter of the kernel (<c>TWeights</c>) without which the input is
    /// absent (an empty span): read only in the <see cref="OptionChoice"/> branch of that option, and every load of it is
    /// guarded (<c>typeof(TWeights) == typeof(Yes) ? load : default</c>), so a kernel compiled without the option never touches it.</param>
    internal sealed record KernelInput(string Name, string Reference, bool Invariant = false, bool IsOutput = false, IReadOnlyList<double>? Constants = null, string? Option = null);

    /// <summary>Builders of kernel expressions.</summary>
    internal static class KernelOps
    {
        /// <summary>
        /// The C# test of a kernel's generic option type parameter: <c>typeof(TGradient) == typeof(Yes)</c>. The JIT folds a
        /// type comparison while it imports the method, so the code of an option that is off is never imported; a call of
        /// a static abstract member (<c>TGradient.On</c>) would be folded only after inlining, and the dead branch's
        /// calls would first use up the method's inlining budget (measured: the loss kernels' exp calls stopped being
        /// inlined, 1.3–1.7× slower; benchmarks/README.md).
        /// </summary>
        public static string IsOn(string option) => "typeof(" + option + ") == typeof(Yes)";

        public static Expr Exp(Expr x) => new Unary(UnaryOp.Exp, x);

        public static Expr Max(Expr x, Expr y) => new Maximum(x, y);

        /// <summary>A conversion to double or float: <c>(float)(…)</c>.</summary>
        public static Expr To(PrecisionKind precision, Expr x) => new Cast(precision, x);
    }
}
