using System;
using System.Linq;
using DivergenceGen.Generator.Families;
using DivergenceGen.Generator.Model;

namespace DivergenceGen.Generator.Emit
{
    /// <summary>
    /// Writes one generated file: header, namespace, the re-declared containing types, and the type's members,
    /// which come from the emitter for the family's shape. Reads only the model.
    /// </summary>
    internal static class Emitter
    {
        public static string Emit(FamilySpec spec, TargetInfo target)
        {
            var w = new SourceWriter();
            var context = new EmitContext(spec, target, w);
            return FileFrame.Write(
                w,
                "[" + spec.Kind + "] on " + spec.Type.MetadataDisplayName + ".",
                new[]
                {
                    "// Target: C# " + target.LanguageVersion + "; vector widths " + string.Join(", ", context.VectorWidths)
                    + " bits (each used only where the CPU accelerates it), then scalar.",
                },
                spec.Type.Namespace,
                spec.Type.ContainingTypes.Select(c => "partial " + c.Keyword + " " + c.Name),
                () =>
                {
                    // The family's description decides the shape of the code; the emitters name no family.
                    switch (FamilyCatalogue.Of(spec.Kind).Description)
                    {
                        case ScalarParameterFamily scalar:
                            new ScalarParameterFamilyEmitter(context, scalar).Emit(FileFrame.ToolVersion);
                            break;
                        case VectorParameterFamily vector:
                            new VectorParameterFamilyEmitter(context, vector).Emit(FileFrame.ToolVersion);
                            break;
                        case CountFamily count:
                            new CountFamilyEmitter(context, count).Emit(FileFrame.ToolVersion);
                            break;
                        case ContinuousFamily continuous:
                            new ContinuousFamilyEmitter(context, continuous).Emit(FileFrame.ToolVersion);
                            break;
                        case VectorFamily vectorFamily:
                            new VectorFamilyEmitter(context, vectorFamily).Emit(FileFrame.ToolVersion);
                            break;
                        case ExponentialFamilyDescription exponential:
                            new ExponentialFamilyEmitter(context, exponential).Emit(FileFrame.ToolVersion);
                            break;
                        default:
                            throw new InvalidOperationException("The catalogue row of " + spec.Kind + " has no known description shape.");
                    }
                },
                kernels: FamilyCatalogue.Of(spec.Kind).Description switch
                {
                    ScalarParameterFamily scalar => (FileFrame.KernelClass(spec.Type.Name),
                        "The kernels of " + spec.Type.MetadataDisplayName + ": the loops of the batch members over spans. Callers have checked every argument.",
                        kernelWriter => new ScalarParameterFamilyEmitter(new EmitContext(spec, target, kernelWriter), scalar).EmitKernels()),
                    CountFamily count when new CountFamilyEmitter(context, count).HasKernels => (FileFrame.KernelClass(spec.Type.Name),
                        "The kernels of " + spec.Type.MetadataDisplayName + ": the log-pmf of an outcome and of a span, and the entropy sum, as functions of the parameters. Callers have checked every argument.",
                        kernelWriter => new CountFamilyEmitter(new EmitContext(spec, target, kernelWriter), count).EmitKernels()),
                    ExponentialFamilyDescription exponential when new ExponentialFamilyEmitter(context, exponential).HasKernels => (FileFrame.KernelClass(spec.Type.Name),
                        "The kernels of " + spec.Type.MetadataDisplayName + ": the batch log-density's SIMD loops, as a function of the natural parameters. Callers have checked every argument.",
                        kernelWriter => new ExponentialFamilyEmitter(new EmitContext(spec, target, kernelWriter), exponential).EmitKernels()),
                    ContinuousFamily continuous => (FileFrame.KernelClass(spec.Type.Name),
                        "The kernels of " + spec.Type.MetadataDisplayName + ": the log-density of a value and of a span, as functions of the parameters. Callers have checked every argument.",
                        kernelWriter => new ContinuousFamilyEmitter(new EmitContext(spec, target, kernelWriter), continuous).EmitKernels()),
                    VectorParameterFamily vectorFamily => (FileFrame.KernelClass(spec.Type.Name),
                        "The kernels of " + spec.Type.MetadataDisplayName + ": the sums over the K = " + spec.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + " classes, each one IR term from InformationMeasures. Callers have checked every length.",
                        kernelWriter => new VectorParameterFamilyEmitter(new EmitContext(spec, target, kernelWriter), vectorFamily).EmitKernels()),
                    VectorFamily vectorFamily => (FileFrame.KernelClass(spec.Type.Name),
                        "The kernels of " + spec.Type.MetadataDisplayName + ": the sums over the " + vectorFamily.SizeSymbol + " = "
                        + spec.Classes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " elements and the batch kernels. Callers have checked every argument.",
                        kernelWriter => new VectorFamilyEmitter(new EmitContext(spec, target, kernelWriter), vectorFamily).EmitKernels()),
                    _ => null,
                });
        }

        /// <summary>The <c>[GeneratedCode]</c> attribute line.</summary>
        public static string GeneratedCodeAttribute(string version) =>
            "[global::System.CodeDom.Compiler.GeneratedCode(\"DivergenceGen\", \"" + version + "\")]";
    }

    /// <summary>What every family emitter needs: the model, the target, the writer, and naming helpers.</summary>
    internal sealed class EmitContext
    {
        public EmitContext(FamilySpec spec, TargetInfo target, SourceWriter writer)
        {
            Spec = spec;
            Target = target;
            W = writer;
        }

        public FamilySpec Spec { get; }

        public TargetInfo Target { get; }

        public SourceWriter W { get; }

        /// <summary>The element type keyword, <c>double</c> or <c>float</c>.</summary>
        public string T => Spec.Precision == PrecisionKind.Single ? "float" : "double";

        /// <summary>The type's simple name.</summary>
        public string Self => Spec.Type.Name;

        /// <summary>
        /// <c>ToString()</c>: the type, its family and its parameters (invariant culture, round-trip numbers), e.g.
        /// <c>Arrivals: Family(rate = 3.5)</c>. <paramref name="body"/> is the C# expression that builds the text after
        /// <c>"Type: "</c>, given that prefix as a C# string literal's content.
        /// </summary>
        public void EmitToString(string family, string example, System.Func<string, string> body)
        {
            string prefix = Spec.Type.Name.TrimStart('@') + ": " + family + "(";
            W.Summary("The family and its parameters, in invariant culture with round-trip precision: " + example + "."
                + (Spec.Type.IsStruct ? "\nFor <c>default</c>, the type and family with \"default (never constructed)\"." : string.Empty));
            if (!Spec.Type.IsStruct)
            {
                W.Line("public override string ToString() => " + body(prefix) + ";");
                return;
            }

            W.Line("public " + ReadonlyMember + "override string ToString() => IsDefault");
            W.Line("    ? \"" + prefix.TrimEnd('(') + ", default (never constructed)\"");
            W.Line("    : " + body(prefix) + ";");
        }

        /// <summary><c>readonly partial struct</c> / <c>partial struct</c> / <c>sealed partial class</c>.</summary>
        public string DeclarationKeywords =>
            Spec.Type.IsStruct ? (Spec.Type.IsReadOnly ? "readonly partial struct" : "partial struct") : "sealed partial class";

        /// <summary>The attribute that tells nullable analysis a Try method's out value may be null when it returns false.</summary>
        public const string MaybeNullWhenFalse = "[global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] ";

        /// <summary>For a class form, the line that rejects a null second distribution (a struct cannot be null).</summary>
        public void NullCheck(string parameter)
        {
            if (!Spec.Type.IsStruct)
            {
                W.Line("global::System.ArgumentNullException.ThrowIfNull(" + parameter + ");");
            }
        }

        /// <summary>
        /// Opens an instance member of P that takes the second distribution (<c>in Self q</c>), after its summary: the doc of
        /// <c>q</c> (<paramref name="qDoc"/>), any further <paramref name="docs"/> lines, the null and default exception docs,
        /// then the block with the null and default checks written; the caller writes the rest of the body.
        /// </summary>
        public IDisposable QMember(string signature, string qDoc = "The second distribution Q.", params string[] docs)
        {
            W.Doc("<param name=\"q\">" + qDoc + "</param>");
            foreach (var doc in docs)
            {
                W.Doc(doc);
            }

            NullCheckDoc("q");
            DefaultCheckDoc();
            var block = W.Block(signature);
            NullCheck("q");
            DefaultCheck("q");
            return block;
        }

        /// <summary>A double expression as the element type: itself, or narrowed by <c>(float)(…)</c>.</summary>
        public string Narrow(string doubleExpression) => Spec.Precision == PrecisionKind.Single ? "(float)(" + doubleExpression + ")" : doubleExpression;

        /// <summary>
        /// <c>KLDivergence(in q)</c> and <c>CrossEntropy(in q)</c> of a family whose measures are computed in double
        /// (<c>KLDivergenceInDouble</c>: <paramref name="klValue"/> clamped at 0; the cross-entropy as
        /// <c>EntropyInDouble() + KLDivergenceInDouble(in q)</c>, so the entropy member must exist), narrowed once at the end.
        /// </summary>
        public void EmitKLAndCrossEntropyInDouble(string klSummary, string klValue, string crossEntropySummary)
        {
            W.Summary(klSummary);
            using (QMember("public " + ReadonlyMember + T + " KLDivergence(in " + Self + " q)"))
            {
                W.Line("return " + Narrow("KLDivergenceInDouble(in q)") + ";");
            }

            W.Line();
            using (W.Block("private " + ReadonlyMember + "double KLDivergenceInDouble(in " + Self + " q)"))
            {
                W.Line("double d = " + klValue + ";");
                W.Line("return d > 0d ? d : 0d;");
            }

            W.Line();
            W.Summary(crossEntropySummary);
            using (QMember("public " + ReadonlyMember + T + " CrossEntropy(in " + Self + " q)"))
            {
                W.Line("return " + Narrow("EntropyInDouble() + KLDivergenceInDouble(in q)") + ";");
            }

            W.Line();
        }

        /// <summary>
        /// <c>LogLikelihood(ReadOnlySpan&lt;element&gt; name)</c>: Σ of <c>termOf(value)</c> (a log-density or log-pmf
        /// in double) over the span, returning −∞ at the first term that is −∞; narrowed once at the end.
        /// </summary>
        public void EmitLogLikelihood(string summary, string element, string name, string meaning, Func<string, string> termOf)
        {
            W.Summary(summary);
            W.Doc("<param name=\"" + name + "\">" + meaning + "</param>");
            using (W.Block("public " + ReadonlyMember + T + " LogLikelihood(global::System.ReadOnlySpan<" + element + "> " + name + ")"))
            {
                DefaultCheck();
                W.Line("double sum = 0d;");
                string value = element == "int" ? "k" : "value";
                using (W.Block("foreach (" + element + " " + value + " in " + name + ")"))
                {
                    W.Line("double term = " + termOf(value) + ";");
                    using (W.Block("if (term == double.NegativeInfinity)"))
                    {
                        W.Line("return " + T + ".NegativeInfinity;");
                    }

                    W.Line("sum += term;");
                }

                W.Line("return " + Narrow("sum") + ";");
            }

            W.Line();
        }

        /// <summary>The exception doc line that goes with <see cref="NullCheck"/>.</summary>
        public void NullCheckDoc(string parameter)
        {
            if (!Spec.Type.IsStruct)
            {
                W.Doc("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"" + parameter + "\"/> is null.</exception>");
            }
        }

        /// <summary>
        /// <c>Sample(Random, Span&lt;int&gt;)</c>: fills a span by calling the family's own <c>Sample(Random)</c>; the same for
        /// every discrete family.
        /// </summary>
        public void EmitSampleIntoSpan()
        {
            W.Summary("Fills <paramref name=\"destination\"/> with independent draws (see <see cref=\"Sample(global::System.Random)\"/>).");
            W.Doc("<param name=\"random\">The source of randomness.</param>");
            W.Doc("<param name=\"destination\">Receives the outcomes.</param>");
            W.Doc("<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"random\"/> is null.</exception>");
            using (W.Block("public " + ReadonlyMember + "void Sample(global::System.Random random, global::System.Span<int> destination)"))
            {
                DefaultCheck();
                W.Line("global::System.ArgumentNullException.ThrowIfNull(random);");
                using (W.Block("for (int i = 0; i < destination.Length; i++)"))
                {
                    W.Line("destination[i] = Sample(random);");
                }
            }
        }

        /// <summary>
        /// A struct's <c>default</c> (an unassigned field or array element, <c>new T()</c>) was never constructed: every
        /// member would answer with a plausible wrong number (issue 11). For a struct this writes the public
        /// <c>IsDefault</c> (<paramref name="test"/>, explained by <paramref name="why"/>) and the private
        /// <c>ThrowIfDefault()</c> that every instance member calls first: one predictable branch. A class instance is
        /// always constructed (a null reference fails on its own), so a class gets neither.
        /// </summary>
        public void EmitDefaultDetection(string test, string why, string howToCreate)
        {
            string self = Spec.Type.Name.TrimStart('@');
            if (!Spec.Type.IsStruct)
            {
                W.Summary("Always false: an instance of a class is always constructed (the default of a class is null), so it always has\n"
                    + "valid parameters. (On a generated struct, true for <c>default</c>.)");
                W.Line("public bool IsDefault => false;");
                W.Line();
                return;
            }

            foreach (var line in why.Split('\n'))
            {
                W.Line("// " + line);
            }

            W.Summary("Whether this is <c>default(" + self + ")</c> (an unassigned field or array element, or <c>new " + self + "()</c>):\n"
                + "never constructed, so it has no parameters. Every other instance member of a default instance throws\n"
                + "<see cref=\"global::System.InvalidOperationException\"/>. Create instances with\n"
                + SourceWriter.Escape(howToCreate) + ".");
            W.Line("public " + ReadonlyMember + "bool IsDefault => " + test + ";");
            W.Line();
            W.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            using (W.Block("private " + ReadonlyMember + "void ThrowIfDefault()"))
            {
                using (W.Block("if (IsDefault)"))
                {
                    W.Line("global::DivergenceGen.Guard.ThrowDefaultInstance(\"" + self + "\", \"" + howToCreate + "\");");
                }
            }

            W.Line();
        }

        /// <summary><c>readonly </c> on instance members of a struct the user did not declare readonly (no defensive copies of <c>in</c> arguments).</summary>
        public string ReadonlyMember => Spec.Type.IsStruct && !Spec.Type.IsReadOnly ? "readonly " : string.Empty;

        /// <summary>
        /// The first lines of an instance member's body: for a struct, reject a default this (and default arguments
        /// <paramref name="others"/>, e.g. Q); nothing for a class.
        /// </summary>
        public void DefaultCheck(params string[] others)
        {
            if (!Spec.Type.IsStruct)
            {
                return;
            }

            W.Line("ThrowIfDefault();");
            foreach (var other in others)
            {
                W.Line(other + ".ThrowIfDefault();");
            }
        }

        /// <summary>
        /// An instance member returning <paramref name="expression"/>: expression-bodied for a class; for a struct a body
        /// that first calls <c>ThrowIfDefault()</c> (a property gets a getter).
        /// </summary>
        public void ExpressionMember(string declaration, string expression, bool isProperty = false)
        {
            if (!Spec.Type.IsStruct)
            {
                W.Line(declaration + " => " + expression + ";");
                return;
            }

            if (isProperty)
            {
                using (W.Block(declaration))
                using (W.Block("get"))
                {
                    W.Line("ThrowIfDefault();");
                    W.Line("return " + expression + ";");
                }

                return;
            }

            using (W.Block(declaration))
            {
                W.Line("ThrowIfDefault();");
                W.Line("return " + expression + ";");
            }
        }

        /// <summary>The doc line that goes with <see cref="DefaultCheck"/> (structs only).</summary>
        public void DefaultCheckDoc()
        {
            if (Spec.Type.IsStruct)
            {
                W.Doc("<exception cref=\"global::System.InvalidOperationException\">This instance (or Q) is <c>default</c>: see <see cref=\"IsDefault\"/>.</exception>");
            }
        }

        /// <summary>Vector widths the target can use, widest first (the JIT removes the branches a CPU lacks).</summary>
        public int[] VectorWidths => Target.HasVector512 ? new[] { 512, 256, 128 } : new[] { 256, 128 };

        public int LanesOf(int bits) => bits / (Spec.Precision == PrecisionKind.Single ? 32 : 64);

        public string Literal(double value) => Ir.Lowering.Literal(value, Spec.Precision);

        /// <summary>The machine epsilon of the precision, as C#: <c>double.Epsilon</c> is not it; this is 2⁻⁵² or 2⁻²³.</summary>
        public string MachineEpsilon => Spec.Precision == PrecisionKind.Single ? "1.1920929E-07f" : "2.220446049250313E-16d";
    }
}
