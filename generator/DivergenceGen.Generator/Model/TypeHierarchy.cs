namespace DivergenceGen.Generator.Model
{
    /// <summary>One containing type, as data: the keyword to re-declare it with and its name.</summary>
    internal sealed record ContainingType(string Keyword, string Name);

    /// <summary>
    /// Where the annotated type lives and how to re-declare it: namespace (empty for the global namespace),
    /// the chain of containing types (outermost first), and the type's own declaration keywords.
    /// </summary>
    internal sealed record TypeHierarchy(
        string Namespace,
        EquatableArray<ContainingType> ContainingTypes,
        string Name,
        bool IsStruct,
        bool IsReadOnly)
    {
        /// <summary>The fully qualified name without <c>global::</c>, e.g. <c>MyApp.Outer.Coin</c>.</summary>
        public string MetadataDisplayName
        {
            get
            {
                var prefix = Namespace.Length == 0 ? string.Empty : Namespace + ".";
                foreach (var containing in ContainingTypes)
                {
                    prefix += containing.Name + ".";
                }

                return prefix + Name;
            }
        }

        /// <summary>The fully qualified name with <c>global::</c>, for use in generated code.</summary>
        public string FullyQualifiedName => "global::" + MetadataDisplayName;
    }
}
