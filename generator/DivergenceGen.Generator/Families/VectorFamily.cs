using System.Collections.Generic;
using DivergenceGen.Generator.Ir;

namespace DivergenceGen.Generator.Families
{
    /// <summary>
    /// A vector the instance stores (length D or K: the type's size constant), or a vector a factory or member takes:
    /// its C# name, the property that exposes it (null: not exposed), the domain of every element, and its meaning.
    /// </summary>
    internal sealed record VectorParameter(string Name, string? Property, ParameterDomain Domain, string Meaning);

    /// <summary>
    /// A factory <c>Name(inputs)</c> with its <c>Try</c> twin: every input is a vector of the type's length whose elements
    /// are checked against their domain; each stored vector's element i is an expression of the inputs' elements i (IR
    /// reading the inputs by name), computed in double and rounded once to the type's precision.
    /// </summary>
    internal sealed record VectorFactory(string Name, string Summary, IReadOnlyList<VectorParameter> Inputs, IReadOnlyList<(string Stored, Expr Value)> Stores);

    /// <summary>How a scalar member of a vector family is computed.</summary>
    /// <param name="Formula">The formula as text, for the doc comment.</param>
    internal abstract record VectorBody(string Formula);

    /// <summary>
    /// A runtime function over whole vectors: IR (a <see cref="Call"/>, perhaps inside arithmetic) whose <see cref="Ref"/>s
    /// name stored vectors (<c>concentration</c>, <c>q.concentration</c>), cached scalars, or the member's arguments. A
    /// function name ending in <c>&lt;T&gt;</c> gets the type's element type as its type argument.
    /// </summary>
    internal sealed record RuntimeBody(Expr Value, string Formula) : VectorBody(Formula);

    /// <summary>
    /// A sum over the elements, Σᵢ term(i), written by the generator as one kernel (straight-line for a length up to the
    /// unroll threshold, SIMD loops above; <see cref="Emit.RowScheduler"/>): <paramref name="Term"/> reads element i of
    /// stored vectors (<c>mean</c>, <c>q.mean</c>) and of the member's vector argument (<c>x</c>); terms are computed in the
    /// type's precision and summed in double. <paramref name="Finish"/> turns the sum (<c>sum</c>) into the value, reading
    /// cached scalars and the length (<c>size</c>), in double.
    /// </summary>
    internal sealed record SumBody(Expr Term, Expr Finish, string Formula) : VectorBody(Formula);

    /// <summary>
    /// A static member over a batch of N rows of the type's length, row-major (the variational autoencoder's KL term):
    /// per row the sum over its elements of <paramref name="Term"/>, reduced over rows as the attribute's <c>Reduction</c>
    /// says; the <c>AndGradient</c> twin also writes, for each <paramref name="Gradients"/> entry, the derivative of the
    /// returned value with respect to one input, element by element (IR reading the inputs and <c>scale</c>: 1/N for the
    /// mean, else 1). Inputs are checked: equal lengths, a multiple of the length, every element finite.
    /// </summary>
    internal sealed record BatchMember(
        string Name,
        string Summary,
        IReadOnlyList<VectorParameter> Inputs,
        IReadOnlyList<PerClass> Lets,
        Expr Term,
        IReadOnlyList<(string Output, string Input, Expr Value)> Gradients,
        string Formula);

    /// <summary>
    /// A family of laws on vectors of a compile-time length (DiagonalNormal(D), Dirichlet(K)). The description is data;
    /// <see cref="Emit.VectorFamilyEmitter"/> derives every member from it and names no family: storage (inline arrays in a
    /// struct, arrays in a class), factories with their checks, properties, log-density, entropy, KL divergence,
    /// cross-entropy, sampling, and the optional fit, static span forms and batch members.
    /// </summary>
    internal sealed class VectorFamily
    {
        public VectorFamily(
            string name,
            string summary,
            string interfaceName,
            string sizeConstant,
            string sizeSymbol,
            IReadOnlyList<VectorParameter> stored,
            IReadOnlyList<VectorFactory> factories,
            IReadOnlyList<(string Name, string Meaning, VectorBody Value)> cached,
            string densityFormula,
            VectorBody logPdf,
            VectorBody entropy,
            VectorBody klDivergence,
            VectorBody crossEntropy,
            RuntimeBody sample,
            IReadOnlyList<(string Name, string Summary, RuntimeBody Body)> vectorMembers,
            RuntimeBody? fit,
            IReadOnlyList<(string Name, string Summary, IReadOnlyList<VectorParameter> Inputs, RuntimeBody Body)> spanForms,
            IReadOnlyList<BatchMember> batchMembers)
        {
            Name = name;
            Summary = summary;
            InterfaceName = interfaceName;
            SizeConstant = sizeConstant;
            SizeSymbol = sizeSymbol;
            Stored = stored;
            Factories = factories;
            Cached = cached;
            DensityFormula = densityFormula;
            LogPdf = logPdf;
            Entropy = entropy;
            KLDivergence = klDivergence;
            CrossEntropy = crossEntropy;
            Sample = sample;
            VectorMembers = vectorMembers;
            Fit = fit;
            SpanForms = spanForms;
            BatchMembers = batchMembers;
        }

        public string Name { get; }

        public string Summary { get; }

        /// <summary>The runtime interface the generated type implements, without type arguments.</summary>
        public string InterfaceName { get; }

        /// <summary>The public constant holding the length: <c>Dimensions</c>, <c>Classes</c>.</summary>
        public string SizeConstant { get; }

        /// <summary>The length's symbol in formulas and messages: D, K.</summary>
        public string SizeSymbol { get; }

        /// <summary>The vectors each instance stores, in constructor order.</summary>
        public IReadOnlyList<VectorParameter> Stored { get; }

        public IReadOnlyList<VectorFactory> Factories { get; }

        /// <summary>Scalars computed once per instance (in double) from the stored vectors.</summary>
        public IReadOnlyList<(string Name, string Meaning, VectorBody Value)> Cached { get; }

        public string DensityFormula { get; }

        /// <summary>log p(x), reading the argument <c>x</c>.</summary>
        public VectorBody LogPdf { get; }

        public VectorBody Entropy { get; }

        /// <summary>D(P‖Q), reading Q's vectors as <c>q.name</c>.</summary>
        public VectorBody KLDivergence { get; }

        public VectorBody CrossEntropy { get; }

        /// <summary>One draw into <c>destination</c>, from <c>random</c> (a runtime call that writes it).</summary>
        public RuntimeBody Sample { get; }

        /// <summary>Members that write a vector into <c>destination</c> (Dirichlet's mean), each a runtime call.</summary>
        public IReadOnlyList<(string Name, string Summary, RuntimeBody Body)> VectorMembers { get; }

        /// <summary>The maximum-likelihood fit from N observations (row-major, <c>observations</c>) into the stored vectors; null: none.</summary>
        public RuntimeBody? Fit { get; }

        /// <summary>Static members on raw vectors (checked against the stored vectors' domains), each a runtime call.</summary>
        public IReadOnlyList<(string Name, string Summary, IReadOnlyList<VectorParameter> Inputs, RuntimeBody Body)> SpanForms { get; }

        /// <summary>Static members over batches of rows, each with an <c>AndGradient</c> twin.</summary>
        public IReadOnlyList<BatchMember> BatchMembers { get; }
    }
}
