using System;
using System.Diagnostics;

namespace DivergenceGen
{
    /// <summary>
    /// Build time only: the method is written once, for the vector width its signature names, and the template generator
    /// (generator/DivergenceGen.WidthTemplates) adds a copy of it for each width listed, with that width's VectorN in
    /// place of the template's. Not kept in the compiled library (<see cref="ConditionalAttribute"/>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    [Conditional("DIVERGENCEGEN_WIDTH_TEMPLATES")]
    internal sealed class WidthTemplateAttribute : Attribute
    {
        /// <summary>The widths, among 128, 256 and 512, to copy the method to.</summary>
        /// <param name="widths">The widths, among 128, 256 and 512, to copy the method to.</param>
        public WidthTemplateAttribute(params int[] widths) => Widths = widths;

        /// <summary>The widths, among 128, 256 and 512, to copy the method to.</summary>
        public int[] Widths { get; }
    }
}
