namespace DivergenceGen.Generator.Model
{
    /// <summary>Which information measure a <c>[KLDivergence]</c> or <c>[CrossEntropy]</c> method computes.</summary>
    internal enum DivergenceMeasure
    {
        KLDivergence,
        CrossEntropy,
    }

    /// <summary>
    /// One parameter type of a divergence method, reduced to what decides the method and the code: the family, its
    /// compile-time size (K of Categorical, n of Binomial; 0 otherwise), precision, struct or class, and names.
    /// </summary>
    /// <param name="Kind">The family.</param>
    /// <param name="Size">K for Categorical, n for Binomial, 0 for the others.</param>
    /// <param name="Precision">The family type's precision.</param>
    /// <param name="IsStruct">A struct (no null check) or a sealed class (null-checked).</param>
    /// <param name="FullyQualifiedName">With <c>global::</c>, e.g. <c>global::MyApp.TenFlips</c>.</param>
    /// <param name="DisplayName">Without <c>global::</c>, e.g. <c>MyApp.TenFlips</c> (comments and hint names).</param>
    internal sealed record FamilyRef(
        FamilyKind Kind,
        int Size,
        PrecisionKind Precision,
        bool IsStruct,
        string FullyQualifiedName,
        string DisplayName,
        int Columns = 0)
    {
        /// <summary>The rows R of a joint table (<see cref="Size"/> = R·C with <see cref="Columns"/> = C); 0 for other families.</summary>
        public int Rows => Columns == 0 ? 0 : Size / Columns;
    }

    /// <summary>A parameter of the user's declaration: its name, <c>in</c> or nothing, nullable annotation, and its family.</summary>
    internal sealed record DivergenceParameter(string Name, bool IsIn, bool IsNullableAnnotated, FamilyRef Family);

    /// <summary>
    /// Everything the divergence emitter needs about one <c>[KLDivergence]</c>/<c>[CrossEntropy]</c> method: strings,
    /// numbers and enums only, so that the pipeline caches it by value. The containing-type chain is data: the
    /// outermost first, the last one being the <c>static partial class</c> that declares the method.
    /// </summary>
    /// <param name="Measure">KL divergence or cross-entropy.</param>
    /// <param name="Namespace">The namespace of the containing type; empty for the global namespace.</param>
    /// <param name="ContainingTypes">The containing types, outermost first (the last is the method's own class).</param>
    /// <param name="MethodName">The method's name.</param>
    /// <param name="Modifiers">The declaration's modifiers in source order, e.g. <c>public static partial</c>.</param>
    /// <param name="ReturnType"><c>double</c> or <c>float</c>.</param>
    /// <param name="P">The first parameter (P).</param>
    /// <param name="Q">The second parameter (Q).</param>
    /// <param name="Tolerance">The attribute's <c>Tolerance</c>: 0 for exact methods only, else the series' bound.</param>
    internal sealed record DivergenceSpec(
        DivergenceMeasure Measure,
        string Namespace,
        EquatableArray<ContainingType> ContainingTypes,
        string MethodName,
        string Modifiers,
        string ReturnType,
        DivergenceParameter P,
        DivergenceParameter Q,
        double Tolerance)
    {
        /// <summary>Where the method is declared (its identifier): tells apart duplicate declarations (HintNames).</summary>
        public LocationInfo? Location { get; init; }

        /// <summary>
        /// Whether the user's declaration has a documentation comment. The implementing part's comment would replace it
        /// (C# takes a partial method's documentation from the implementation), so the emitter writes one only where the
        /// user did not.
        /// </summary>
        public bool IsDocumented { get; init; }

        /// <summary>
        /// Whether a parameter type (or a type around it) is <c>[Obsolete]</c>: the generated file then suppresses CS0612/CS0618,
        /// which the user's own declaration already reports where they can act on it (<see cref="Emit.ObsoleteSuppression"/>).
        /// </summary>
        public bool NamesObsoleteTypes { get; init; }

        /// <summary>The containing type's name without <c>global::</c>, e.g. <c>MyApp.Divergences</c>.</summary>
        public string ContainingDisplayName
        {
            get
            {
                string name = Namespace;
                foreach (var containing in ContainingTypes)
                {
                    name = name.Length == 0 ? containing.Name : name + "." + containing.Name;
                }

                return name;
            }
        }
    }
}
