using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// Every misuse gets its DGxxxx at the right span (marked <c>[|…|]</c> in the source), the generator throws
/// nothing, and what it generates for a rejected declaration adds no compiler error.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = "using DivergenceGen;\n\nnamespace MyApp;\n\n";

    // ---- DG0001: type not partial -------------------------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly struct [|Coin|];", "'Coin' is marked [Bernoulli] but is not declared partial; add the 'partial' modifier so the generator can add its members")]
    [InlineData("[Poisson] public readonly struct [|Arrivals|];", "'Arrivals' is marked [Poisson] but is not declared partial; add the 'partial' modifier so the generator can add its members")]
    [InlineData("[Binomial(3)] public sealed class [|Flips|] { }", "'Flips' is marked [Binomial] but is not declared partial; add the 'partial' modifier so the generator can add its members")]
    [InlineData("[Categorical(6)] public sealed class [|Die|];", "'Die' is marked [Categorical] but is not declared partial; add the 'partial' modifier so the generator can add its members")]
    [InlineData("[Categorical(6)] public readonly struct [|Die|] { }", "'Die' is marked [Categorical] but is not declared partial; add the 'partial' modifier so the generator can add its members")]
    public void DG0001_TypeNotPartial(string declaration, string message) => AssertReports("DG0001", declaration, message);

    // ---- DG0002: containing type not partial -------------------------------------------------------------------

    [Theory]
    [InlineData("public static class [|Outer|] { [Bernoulli] public readonly partial struct Coin; }", "'Outer' contains the [Bernoulli] type 'Coin' but is not declared partial; add the 'partial' modifier to 'Outer'")]
    [InlineData("public static partial class Outer { public class [|Middle|] { [Categorical(3)] public readonly partial struct Die; } }", "'Middle' contains the [Categorical] type 'Die' but is not declared partial; add the 'partial' modifier to 'Middle'")]
    [InlineData("public static class [|Outer|] { public partial class Middle { [Categorical(3)] public readonly partial struct Die; } }", "'Outer' contains the [Categorical] type 'Die' but is not declared partial; add the 'partial' modifier to 'Outer'")]
    public void DG0002_ContainingTypeNotPartial(string declaration, string message) => AssertReports("DG0002", declaration, message);

    // ---- DG0003: unsupported kind of type ----------------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct [|Coin|]<T>;", "'Coin' cannot be a [Bernoulli] type: generic types (or types nested in generic types) are not supported; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Geometric] public partial class [|Failures|];", "'Failures' cannot be a [Geometric] type: a class must be sealed (a derived type could not keep the generated invariants); declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[NegativeBinomial] public readonly partial record struct [|Counts|];", "'Counts' cannot be a [NegativeBinomial] type: a record's generated equality and constructors would conflict with the generated members; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Categorical(3)] public sealed partial class [|Die|]<T>;", "'Die' cannot be a [Categorical] type: generic types (or types nested in generic types) are not supported; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Bernoulli] public readonly ref partial struct [|Coin|];", "'Coin' cannot be a [Bernoulli] type: a ref struct cannot implement the generic distribution interfaces or be stored in fields; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Bernoulli] public partial class [|Coin|];", "'Coin' cannot be a [Bernoulli] type: a class must be sealed (a derived type could not keep the generated invariants); declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Categorical(3)] public abstract partial class [|Die|];", "'Die' cannot be a [Categorical] type: an abstract class has no instances of its own; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Bernoulli] public static partial class [|Coin|];", "'Coin' cannot be a [Bernoulli] type: a static class has no instances; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Bernoulli] public partial interface [|ICoin|];", "'ICoin' cannot be a [Bernoulli] type: an interface cannot hold state; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Bernoulli] public sealed partial record [|Coin|];", "'Coin' cannot be a [Bernoulli] type: a record's generated equality and constructors would conflict with the generated members; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Categorical(3)] public readonly partial record struct [|Die|];", "'Die' cannot be a [Categorical] type: a record's generated equality and constructors would conflict with the generated members; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("public partial class Outer<T> { [Bernoulli] public readonly partial struct [|Coin|]; }", "'Coin' cannot be a [Bernoulli] type: generic types (or types nested in generic types) are not supported; declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    public void DG0003_UnsupportedTypeKind(string declaration, string message) => AssertReports("DG0003", declaration, message);

    // ---- DG0004: invalid attribute argument --------------------------------------------------------------------

    [Theory]
    [InlineData("[Categorical([|0|])] public readonly partial struct Die;", "Invalid number of classes for [Categorical] on 'Die': K = 0 is outside 1 … 16777216 (K = 1 is the point mass)")]
    [InlineData("[Binomial([|-1|])] public readonly partial struct Flips;", "Invalid number of trials for [Binomial] on 'Flips': n = -1 is negative (n = 0 is the point mass at 0)")]
    [InlineData("[Binomial([|int.MinValue|])] public sealed partial class Flips;", "Invalid number of trials for [Binomial] on 'Flips': n = -2147483648 is negative (n = 0 is the point mass at 0)")]
    [InlineData("[Binomial(10, UnrollThreshold = [|-1|])] public readonly partial struct Flips;", "Invalid unroll threshold for [Binomial] on 'Flips': UnrollThreshold = -1 is outside 0 … 256")]
    [InlineData("[Poisson(Precision = [|(Precision)2|])] public readonly partial struct Arrivals;", "Invalid precision for [Poisson] on 'Arrivals': (Precision)2 is not Precision.Double or Precision.Single")]
    [InlineData("[NegativeBinomial(Precision = [|(Precision)(-1)|])] public readonly partial struct Counts;", "Invalid precision for [NegativeBinomial] on 'Counts': (Precision)-1 is not Precision.Double or Precision.Single")]
    [InlineData("[Categorical([|-3|])] public readonly partial struct Die;", "Invalid number of classes for [Categorical] on 'Die': K = -3 is outside 1 … 16777216 (K = 1 is the point mass)")]
    [InlineData("[Categorical([|16777217|])] public readonly partial struct Die;", "Invalid number of classes for [Categorical] on 'Die': K = 16777217 is outside 1 … 16777216 (K = 1 is the point mass)")]
    [InlineData("[Categorical([|Sizes.None|])] public readonly partial struct Die;\nstatic class Sizes { public const int None = 0; }", "Invalid number of classes for [Categorical] on 'Die': K = 0 is outside 1 … 16777216 (K = 1 is the point mass)")]
    [InlineData("[Bernoulli(Precision = [|(Precision)7|])] public readonly partial struct Coin;", "Invalid precision for [Bernoulli] on 'Coin': (Precision)7 is not Precision.Double or Precision.Single")]
    [InlineData("[Categorical(6, Precision = [|(Precision)7|])] public readonly partial struct Die;", "Invalid precision for [Categorical] on 'Die': (Precision)7 is not Precision.Double or Precision.Single")]
    [InlineData("[Categorical(6, UnrollThreshold = [|-1|])] public readonly partial struct Die;", "Invalid unroll threshold for [Categorical] on 'Die': UnrollThreshold = -1 is outside 0 … 256")]
    [InlineData("[Categorical(6, UnrollThreshold = [|1000|])] public readonly partial struct Die;", "Invalid unroll threshold for [Categorical] on 'Die': UnrollThreshold = 1000 is outside 0 … 256")]
    [InlineData("[Categorical(6, UnrollThreshold = [|257|])] public readonly partial struct Die;", "Invalid unroll threshold for [Categorical] on 'Die': UnrollThreshold = 257 is outside 0 … 256")]
    [InlineData("[JointCategorical([|0|], 3)] public readonly partial struct Table;", "Invalid number of rows for [JointCategorical] on 'Table': R = 0 is below 1 (R = 1 is a table of one row)")]
    [InlineData("[JointCategorical(2, [|-1|])] public readonly partial struct Table;", "Invalid number of columns for [JointCategorical] on 'Table': C = -1 is below 1 (C = 1 is a table of one column)")]
    [InlineData("[JointCategorical(5000, [|5000|])] public sealed partial class Table;", "Invalid number of cells for [JointCategorical] on 'Table': R·C = 5000 × 5000 = 25000000 is above 16777216, the largest number of classes of a categorical law")]
    [InlineData("[JointCategorical(int.MaxValue, [|int.MaxValue|])] public sealed partial class Table;", "Invalid number of cells for [JointCategorical] on 'Table': R·C = 2147483647 × 2147483647 = 4611686014132420609 is above 16777216, the largest number of classes of a categorical law")]
    [InlineData("[JointCategorical(2, 3, UnrollThreshold = [|-1|])] public readonly partial struct Table;", "Invalid unroll threshold for [JointCategorical] on 'Table': UnrollThreshold = -1 is outside 0 … 256")]
    [InlineData("[DiagonalNormal([|0|])] public readonly partial struct Latent;", "Invalid number of dimensions for [DiagonalNormal] on 'Latent': D = 0 is outside 1 … 16777216")]
    [InlineData("[DiagonalNormal(4, Reduction = [|(Reduction)7|])] public readonly partial struct Latent;", "Invalid reduction for [DiagonalNormal] on 'Latent': (Reduction)7 is not Reduction.None, Reduction.Sum or Reduction.Mean")]
    [InlineData("[Multinomial(3, [|-2|])] public readonly partial struct Draws;", "Invalid number of trials for [Multinomial] on 'Draws': n = -2 is negative (n = 0 is the point mass at 0)")]
    [InlineData("[Multinomial([|0|], 5)] public readonly partial struct Draws;", "Invalid number of classes for [Multinomial] on 'Draws': K = 0 is outside 1 … 16777216 (K = 1 is the point mass)")]
    [InlineData("[Dirichlet([|-1|])] public readonly partial struct Evidence;", "Invalid number of classes for [Dirichlet] on 'Evidence': K = -1 is outside 1 … 16777216 (K = 1 is the point mass)")]
    public void DG0004_InvalidAttributeArgument(string declaration, string message) => AssertReports("DG0004", declaration, message);

    // ---- DG0005: member clashes with a generated member --------------------------------------------------------

    [Theory]
    [InlineData("[Categorical(6)] public readonly partial struct Die { public double [|Entropy|]() => 0; }", "'Die' declares 'Entropy', which the generator writes for [Categorical] types; rename or remove it")]
    [InlineData("[Poisson] public readonly partial struct Arrivals { public double [|Rate|] => 1; }", "'Arrivals' declares 'Rate', which the generator writes for [Poisson] types; rename or remove it")]
    [InlineData("[Binomial(5)] public readonly partial struct Flips { public const int [|Trials|] = 5; }", "'Flips' declares 'Trials', which the generator writes for [Binomial] types; rename or remove it")]
    [InlineData("[Binomial(5)] public readonly partial struct Flips { private double [|LogPmfInDouble|](int k) => k; }", "'Flips' declares 'LogPmfInDouble', which the generator writes for [Binomial] types; rename or remove it")]
    [InlineData("[Geometric] public readonly partial struct Failures { public double [|Mean|] => 0; }", "'Failures' declares 'Mean', which the generator writes for [Geometric] types; rename or remove it")]
    [InlineData("[NegativeBinomial] public readonly partial struct Counts { public static Counts [|Fit|](int r) => default; }", "'Counts' declares 'Fit', which the generator writes for [NegativeBinomial] types; rename or remove it")]
    [InlineData("[Geometric] public sealed partial class Failures { public [|Failures|]() { } }", "'Failures' declares 'a constructor', which the generator writes for [Geometric] types; rename or remove it")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { public double [|Entropy|](int unused) => unused; }", "'Coin' declares 'Entropy', which the generator writes for [Bernoulli] types; rename or remove it")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { public double [|P|] => 0.5; }", "'Coin' declares 'P', which the generator writes for [Bernoulli] types; rename or remove it")]
    [InlineData("[JointCategorical(2, 3)] public readonly partial struct Table { public double [|MutualInformation|]() => 0; }", "'Table' declares 'MutualInformation', which the generator writes for [JointCategorical] types; rename or remove it")]
    [InlineData("[JointCategorical(2, 3)] public readonly partial struct Table { public const int [|Rows|] = 2; }", "'Table' declares 'Rows', which the generator writes for [JointCategorical] types; rename or remove it")]
    [InlineData("[Categorical(6)] public readonly partial struct Die { public readonly int [|Classes|]; }", "'Die' declares 'Classes', which the generator writes for [Categorical] types; rename or remove it")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { public [|Coin|](int seed) { this = default; } }", "'Coin' declares 'a constructor', which the generator writes for [Bernoulli] types; rename or remove it")]
    [InlineData("[Categorical(6)] public readonly partial struct Die { public [|Die|]() { this = default; } }", "'Die' declares 'a constructor', which the generator writes for [Categorical] types; rename or remove it")]
    [InlineData("[Categorical(1000)] public sealed partial class BigDie { public [|BigDie|]() { } }", "'BigDie' declares 'a constructor', which the generator writes for [Categorical] types; rename or remove it")]
    public void DG0005_MemberNameClash(string declaration, string message) => AssertReports("DG0005", declaration, message);

    // ---- DG0006: language version below 12 ---------------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct [|Coin|] { }", LanguageVersion.CSharp11, "The code generated for 'Coin' needs C# 12 or later (inline arrays, static abstract interface members), but the project uses C# 11.0; set <LangVersion>12</LangVersion> or later")]
    [InlineData("[Categorical(6)] public readonly partial struct [|Die|] { }", LanguageVersion.CSharp11, "The code generated for 'Die' needs C# 12 or later (inline arrays, static abstract interface members), but the project uses C# 11.0; set <LangVersion>12</LangVersion> or later")]
    [InlineData("[Categorical(6)] public sealed partial class [|BigDie|] { }", LanguageVersion.CSharp10, "The code generated for 'BigDie' needs C# 12 or later (inline arrays, static abstract interface members), but the project uses C# 10.0; set <LangVersion>12</LangVersion> or later")]
    public void DG0006_LanguageVersionTooOld(string declaration, LanguageVersion version, string message) =>
        AssertReports("DG0006", declaration, message, new CompilationSetup(LanguageVersion: version));

    // ---- DG0007: more than one family --------------------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli, [|Categorical(3)|]] public readonly partial struct Coin;", "'Coin' is marked with both [Bernoulli] and [Categorical]; a type describes one distribution family")]
    [InlineData("[Categorical(3)]\n[[|Bernoulli|]]\npublic readonly partial struct Die;", "'Die' is marked with both [Categorical] and [Bernoulli]; a type describes one distribution family")]
    [InlineData("[Poisson, [|Geometric|]] public readonly partial struct Counts;", "'Counts' is marked with both [Poisson] and [Geometric]; a type describes one distribution family")]
    [InlineData("[Binomial(4)]\n[[|Categorical(5)|]]\npublic readonly partial struct Counts;", "'Counts' is marked with both [Binomial] and [Categorical]; a type describes one distribution family")]
    public void DG0007_MultipleFamilies(string declaration, string message) => AssertReports("DG0007", declaration, message);

    // ---- DG0008: struct too large (> 64 KiB inline: categorical K > 4096 double, K > 8192 float; 2·D or K vectors) --

    [Theory]
    [InlineData("[Categorical(4097)] public readonly partial struct [|Vocabulary|];", "'Vocabulary' would store 65552 bytes inline (K = 4097), more than the 65536 bytes a struct may hold safely on the stack; declare it as a 'sealed partial class' instead")]
    [InlineData("[Categorical(8193, Precision = Precision.Single)] public readonly partial struct [|Vocabulary|];", "'Vocabulary' would store 65544 bytes inline (K = 8193), more than the 65536 bytes a struct may hold safely on the stack; declare it as a 'sealed partial class' instead")]
    [InlineData("[Categorical(100_000)] public readonly partial struct [|Vocabulary|];", "'Vocabulary' would store 1600000 bytes inline (K = 100000), more than the 65536 bytes a struct may hold safely on the stack; declare it as a 'sealed partial class' instead")]
    [InlineData("[JointCategorical(64, 64)] public readonly partial struct [|Table|];", "'Table' would store 66560 bytes inline (K = 4096), more than the 65536 bytes a struct may hold safely on the stack; declare it as a 'sealed partial class' instead")]
    [InlineData("[DiagonalNormal(4097)] public readonly partial struct [|Latent|];", "'Latent' would store 65552 bytes inline (D = 4097), more than the 65536 bytes a struct may hold safely on the stack; declare it as a 'sealed partial class' instead")]
    [InlineData("[Dirichlet(8193)] public readonly partial struct [|Evidence|];", "'Evidence' would store 65544 bytes inline (K = 8193), more than the 65536 bytes a struct may hold safely on the stack; declare it as a 'sealed partial class' instead")]
    public void DG0008_CategoricalStructTooLarge(string declaration, string message) => AssertReports("DG0008", declaration, message);

    // ---- DG0009: instance state declared by the user -----------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct Coin { private readonly int [|_seed|]; }", "'Coin' declares the instance field '_seed'; a [Bernoulli] type's state is generated (C# warns CS0282 about field order across partial struct declarations, and a generated constructor cannot initialise it); move it to another type or make it static")]
    [InlineData("[Categorical(6)] public readonly partial struct Die { public string? [|Label|] { get; init; } }", "'Die' declares the instance field 'Label'; a [Categorical] type's state is generated (C# warns CS0282 about field order across partial struct declarations, and a generated constructor cannot initialise it); move it to another type or make it static")]
    [InlineData("[Categorical(1000)] public sealed partial class BigDie { private string [|_name|] = \"\"; }", "'BigDie' declares the instance field '_name'; a [Categorical] type's state is generated (C# warns CS0282 about field order across partial struct declarations, and a generated constructor cannot initialise it); move it to another type or make it static")]
    [InlineData("[Poisson] public readonly partial struct Arrivals { private readonly double [|_scale|]; }", "'Arrivals' declares the instance field '_scale'; a [Poisson] type's state is generated (C# warns CS0282 about field order across partial struct declarations, and a generated constructor cannot initialise it); move it to another type or make it static")]
    public void DG0009_InstanceField(string declaration, string message) => AssertReports("DG0009", declaration, message);

    // ---- DG0010: the type's name clashes with the generated code ------------------------------------------------

    [Theory]
    [InlineData("[Categorical(6)] public readonly partial struct [|Entropy|];", "'Entropy' cannot be the name of a [Categorical] type: the generator writes a member named 'Entropy' into it, and C# does not allow a member with its type's name (CS0542); rename the type")]
    [InlineData("[Poisson] public sealed partial class [|Rate|];", "'Rate' cannot be the name of a [Poisson] type: the generator writes a member named 'Rate' into it, and C# does not allow a member with its type's name (CS0542); rename the type")]
    [InlineData("[Bernoulli] public readonly partial struct [|Sample|];", "'Sample' cannot be the name of a [Bernoulli] type: the generator writes a member named 'Sample' into it, and C# does not allow a member with its type's name (CS0542); rename the type")]
    [InlineData("[Binomial(4)] public readonly partial struct [|@var|];", "'var' cannot be the name of a [Binomial] type: a type named 'var' would turn every 'var' of the generated code into that type; rename the type")]
    [InlineData("public static partial class @var { [Geometric] public readonly partial struct [|Failures|]; }", "'Failures' cannot be the name of a [Geometric] type: it is nested in a type named 'var' ('MyApp.var'), which would turn every 'var' of the generated code into that type; rename the type")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class [|Loss|];", "'Loss' cannot be the name of a [SoftmaxCrossEntropy] type: the generator writes a member named 'Loss' into it, and C# does not allow a member with its type's name (CS0542); rename the type")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class [|@var|];", "'var' cannot be the name of a [SoftmaxCrossEntropy] type: a type named 'var' would turn every 'var' of the generated code into that type; rename the type")]
    public void DG0010_TypeNameClash(string declaration, string message) => AssertReports("DG0010", declaration, message);

    // ---- Issue 11, found by the declaration fuzzer: what the generated code cannot honour ---------------------------

    private const string NotHonoured = "; declare a non-generic 'readonly partial struct' or 'sealed partial class'";

    [Theory]
    [InlineData("[Bernoulli] file readonly partial struct [|Coin|];", "'Coin' cannot be a [Bernoulli] type: a 'file' type is visible only in its own file, and the generator adds its members in another file (remove 'file')" + NotHonoured)]
    [InlineData("file static partial class Outer { [Poisson] public sealed partial class [|Arrivals|]; }", "'Arrivals' cannot be a [Poisson] type: it is nested in the 'file' type 'Outer', which is visible only in its own file, and the generator adds the members in another file (remove 'file' there)" + NotHonoured)]
    [InlineData("[Categorical(6)] [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)] public partial struct [|Die|];", "'Die' cannot be a [Categorical] type: [StructLayout(LayoutKind.Explicit)] needs a [FieldOffset] on every instance field, and the generated fields have none; use the default (sequential) layout" + NotHonoured)]
    [InlineData("[Binomial(10)] [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)] public sealed partial class [|Flips|];", "'Flips' cannot be a [Binomial] type: [StructLayout(LayoutKind.Explicit)] needs a [FieldOffset] on every instance field, and the generated fields have none; use the default (sequential) layout" + NotHonoured)]
    public void DG0003_FileTypesAndExplicitLayout(string declaration, string message) => AssertReports("DG0003", declaration, message);

    [Theory]
    [InlineData("public sealed class @var { } [Bernoulli] public readonly partial struct [|Coin|];", "The code generated for 'Coin' cannot compile: the type 'MyApp.var' is in its scope, and every 'var' in the generated code would mean that type; rename that type or move it out of this scope")]
    [InlineData("public static partial class @var { public static partial class D; } [Poisson] public readonly partial struct [|Arrivals|];", "The code generated for 'Arrivals' cannot compile: the type 'MyApp.var' is in its scope, and every 'var' in the generated code would mean that type; rename that type or move it out of this scope")]
    [InlineData("public readonly struct @nint; [Poisson] public readonly partial struct [|Arrivals|];", "The code generated for 'Arrivals' cannot compile: the type 'MyApp.nint' is in its scope, and every 'nint' in the generated code would mean that type; rename that type or move it out of this scope")]
    [InlineData("public static partial class Outer { public sealed class @nuint { } [Categorical(20)] public sealed partial class [|Die|]; }", "The code generated for 'Die' cannot compile: the type 'MyApp.Outer.nuint' is in its scope, and every 'nuint' in the generated code would mean that type; rename that type or move it out of this scope")]
    [InlineData("public class Base { public sealed class @var { } } [Geometric] public sealed partial class [|Failures|] : Base;", "The code generated for 'Failures' cannot compile: the type 'MyApp.Base.var' is in its scope, and every 'var' in the generated code would mean that type; rename that type or move it out of this scope")]
    [InlineData("public sealed class @var { } [SoftmaxCrossEntropy(10)] public static partial class [|DigitLoss|];", "The code generated for 'DigitLoss' cannot compile: the type 'MyApp.var' is in its scope, and every 'var' in the generated code would mean that type; rename that type or move it out of this scope")]
    [InlineData("[Binomial(10)] public sealed partial class [|@nint|];", "The code generated for 'nint' cannot compile: the type 'MyApp.nint' is in its scope, and every 'nint' in the generated code would mean that type; rename that type or move it out of this scope")]
    public void DG0011_TypeInScopeCapturesAName(string declaration, string message) => AssertReports("DG0011", declaration, message);

    /// <summary>
    /// A family, loss or divergence class with the full name of a public type of a referenced assembly (found by the fuzzer:
    /// <c>DivergenceGen.ScalarMath</c>): every use of the name in the generated code is ambiguous, CS0436.
    /// </summary>
    [Theory]
    [InlineData("[Geometric] public readonly partial struct [|ScalarMath|];", "ScalarMath", "DivergenceGen.ScalarMath")]
    [InlineData("public static partial class VectorMath { [Poisson] public readonly partial struct [|Arrivals|]; }", "Arrivals", "DivergenceGen.VectorMath")]
    [InlineData("[SoftmaxCrossEntropy(3)] public static partial class [|LossGuard|];", "LossGuard", "DivergenceGen.LossGuard")]
    public void DG0011_FullNameOfAReferencedType(string declaration, string target, string twin)
    {
        var (source, span) = Markup.Parse("using DivergenceGen;\n\nnamespace DivergenceGen;\n\n/// <summary>Doc.</summary>\n" + declaration + "\n");
        var run = GeneratorHarness.Run(source);
        run.AssertNoGeneratorException();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DG0011", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            "The code generated for '" + target + "' cannot compile: the type '" + twin + "' is in its scope, and it is declared in the referenced assembly 'DivergenceGen' with the same full name as this project's type, so the generated code's uses of the name are ambiguous (CS0436); rename that type or move it out of this scope",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Sources);
    }

    /// <summary>
    /// A type named System in the global namespace captures every <c>global::System.…</c> of the generated code (the same
    /// check covers <c>DivergenceGen</c>, but a global type of that name already breaks the user's <c>using DivergenceGen;</c>).
    /// </summary>
    [Fact]
    public void DG0011_GlobalTypeNamedSystem()
    {
        const string name = "System";
        var (source, span) = Markup.Parse("using DivergenceGen;\n\npublic static partial class " + name + ";\n\n/// <summary>Doc.</summary>\n[Geometric] public readonly partial struct [|Coin|];\n");
        var run = GeneratorHarness.Run(source);
        run.AssertNoGeneratorException();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DG0011", diagnostic.Id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            "The code generated for 'Coin' cannot compile: the type '" + name + "' is in its scope, and 'global::" + name + ".…' in the generated code would look in that type instead of the namespace " + name + "; rename that type or move it out of this scope",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("public class Base { public virtual double Mean => 0; } [Geometric] public sealed partial class Failures : [|Base|];", "'Failures' inherits 'Mean' from 'MyApp.Base', and the generator writes 'Mean' for [Geometric] types, which would hide it (a call through 'MyApp.Base' would not reach the generated one); derive from a base class without that member, or rename it there")]
    [InlineData("public class Base { public double Entropy() => 0; } public class Middle : Base { } [Bernoulli] public sealed partial class Coin : [|Middle|];", "'Coin' inherits 'Entropy' from 'MyApp.Base', and the generator writes 'Entropy' for [Bernoulli] types, which would hide it (a call through 'MyApp.Base' would not reach the generated one); derive from a base class without that member, or rename it there")]
    [InlineData("public class Base { protected static int Classes = 3; } [Categorical(3)] public sealed partial class Die : [|Base|];", "'Die' inherits 'Classes' from 'MyApp.Base', and the generator writes 'Classes' for [Categorical] types, which would hide it (a call through 'MyApp.Base' would not reach the generated one); derive from a base class without that member, or rename it there")]
    public void DG0012_InheritedMemberClash(string declaration, string message) => AssertReports("DG0012", declaration, message);

    [Theory]
    [InlineData("/// <summary>Doc.</summary>\npublic class Base { private double Mean => 0; /// <summary>Doc.</summary>\npublic double Odds() => Mean; }\n/// <summary>Doc.</summary>\n[Geometric] public sealed partial class Failures : Base;")] // private: not hidden
    [InlineData("/// <summary>Doc.</summary>\npublic interface IEntropy { /// <summary>Doc.</summary>\ndouble Entropy(); }\n/// <summary>Doc.</summary>\n[Bernoulli] public sealed partial class Coin : IEntropy;")] // implemented, not hidden
    public void BaseWithoutClash_ReportsNothing(string declarations)
    {
        var run = GeneratorHarness.Run(Header + declarations + "\n");
        run.AssertValid();
    }

    /// <summary>
    /// A declaration whose header has a compiler error of its own (found by the fuzzer) gets no output: generated code
    /// would repeat the error (a top-level 'private' type: CS0122) or add others (the attribute on two parts of one type:
    /// every member twice; a class part and an interface part of one container: CS0261). The compiler's error is the one to fix.
    /// </summary>
    [Theory]
    [InlineData("[NegativeBinomial] private readonly partial struct Coin;", "CS1527")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss;\n[SoftmaxCrossEntropy(2)] public static partial class DigitLoss;", "CS0579")]
    [InlineData("[Bernoulli, Bernoulli] public readonly partial struct Coin;", "CS0579")]
    [InlineData("[Categorical(3)] public readonly partial struct Die;\n[Categorical(4)] public readonly partial struct Die;", "CS0579")]
    [InlineData("public static partial class Outer { [Geometric] public readonly partial struct Failures; }\npublic partial interface Outer;", "CS0261")]
    public void DeclarationWithItsOwnError_NoOutput(string declarations, string inputError)
    {
        var run = GeneratorHarness.Run(Header + declarations + "\n");
        run.AssertNoGeneratorException();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == inputError);
        Assert.Empty(run.Sources);
    }

    // ---- Losses: DG0001/DG0002/DG0005/DG0006 reused, DG0030–DG0035 ---------------------------------------------

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10)] public static class [|DigitLoss|];", "'DigitLoss' is marked [SoftmaxCrossEntropy] but is not declared partial; add the 'partial' modifier so the generator can add its members")]
    public void DG0001_LossNotPartial(string declaration, string message) => AssertReports("DG0001", declaration, message);

    [Theory]
    [InlineData("public static class [|Losses|] { [SoftmaxCrossEntropy(10)] public static partial class DigitLoss; }", "'Losses' contains the [SoftmaxCrossEntropy] type 'DigitLoss' but is not declared partial; add the 'partial' modifier to 'Losses'")]
    public void DG0002_LossContainingTypeNotPartial(string declaration, string message) => AssertReports("DG0002", declaration, message);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { public static double [|Loss|](double x) => x; }", "'DigitLoss' declares 'Loss', which the generator writes for [SoftmaxCrossEntropy] types; rename or remove it")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { public static void [|LossAndGradient|]() { } }", "'DigitLoss' declares 'LossAndGradient', which the generator writes for [SoftmaxCrossEntropy] types; rename or remove it")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { public const int [|Classes|] = 10; }", "'DigitLoss' declares 'Classes', which the generator writes for [SoftmaxCrossEntropy] types; rename or remove it")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { private static readonly int [|IgnoreIndex|] = 1; }", "'DigitLoss' declares 'IgnoreIndex', which the generator writes for [SoftmaxCrossEntropy] types; rename or remove it")]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class DigitLoss { public static double [|LabelSmoothing|] => 0; }", "'DigitLoss' declares 'LabelSmoothing', which the generator writes for [SoftmaxCrossEntropy] types; rename or remove it")]
    [InlineData("[NllLoss(10)] public static partial class DigitNll { public static double [|Loss|](double x) => x; }", "'DigitNll' declares 'Loss', which the generator writes for [NllLoss] types; rename or remove it")]
    [InlineData("[NllLoss(10)] public static partial class DigitNll { public const int [|IgnoreIndex|] = 1; }", "'DigitNll' declares 'IgnoreIndex', which the generator writes for [NllLoss] types; rename or remove it")]
    [InlineData("[KLDivergenceLoss(10)] public static partial class Distill { public const double [|Temperature|] = 1; }", "'Distill' declares 'Temperature', which the generator writes for [KLDivergenceLoss] types; rename or remove it")]
    [InlineData("[BinaryCrossEntropy(3)] public static partial class Tags { public const int [|Labels|] = 3; }", "'Tags' declares 'Labels', which the generator writes for [BinaryCrossEntropy] types; rename or remove it")]
    [InlineData("[KLDivergenceLoss(10)] public static partial class Distill { public static void [|LossFromTeacherLogProbabilitiesAndGradient|]() { } }", "'Distill' declares 'LossFromTeacherLogProbabilitiesAndGradient', which the generator writes for [KLDivergenceLoss] types; rename or remove it")]
    public void DG0005_LossMemberNameClash(string declaration, string message) => AssertReports("DG0005", declaration, message);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10)] public static partial class [|DigitLoss|] { }", LanguageVersion.CSharp11, "The code generated for 'DigitLoss' needs C# 12 or later (inline arrays, static abstract interface members), but the project uses C# 11.0; set <LangVersion>12</LangVersion> or later")]
    public void DG0006_LossLanguageVersionTooOld(string declaration, LanguageVersion version, string message) =>
        AssertReports("DG0006", declaration, message, new CompilationSetup(LanguageVersion: version));

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10)] public partial class [|DigitLoss|];", "'DigitLoss' cannot be a [SoftmaxCrossEntropy] type: the class is not static (the loss members are static and need no instance); declare a non-generic 'static partial class'")]
    [InlineData("[SoftmaxCrossEntropy(10)] public sealed partial class [|DigitLoss|];", "'DigitLoss' cannot be a [SoftmaxCrossEntropy] type: the class is not static (the loss members are static and need no instance); declare a non-generic 'static partial class'")]
    [InlineData("[SoftmaxCrossEntropy(10)] public abstract partial class [|DigitLoss|];", "'DigitLoss' cannot be a [SoftmaxCrossEntropy] type: the class is not static (the loss members are static and need no instance); declare a non-generic 'static partial class'")]
    [InlineData("[SoftmaxCrossEntropy(10)] public partial record [|DigitLoss|];", "'DigitLoss' cannot be a [SoftmaxCrossEntropy] type: the loss members are static and need no instance, so it is a static class, not a record; declare a non-generic 'static partial class'")]
    [InlineData("public static partial class Outer<T> { [SoftmaxCrossEntropy(10)] public static partial class [|DigitLoss|]; }", "'DigitLoss' cannot be a [SoftmaxCrossEntropy] type: generic types (or types nested in generic types) are not supported; declare a non-generic 'static partial class'")]
    [InlineData("[SoftmaxCrossEntropy(10)] file static partial class [|DigitLoss|];", "'DigitLoss' cannot be a [SoftmaxCrossEntropy] type: a 'file' type is visible only in its own file, and the generator adds its members in another file (remove 'file'); declare a non-generic 'static partial class'")]
    [InlineData("[NllLoss(10)] public partial class [|DigitNll|];", "'DigitNll' cannot be a [NllLoss] type: the class is not static (the loss members are static and need no instance); declare a non-generic 'static partial class'")]
    public void DG0030_LossTypeKind(string declaration, string message) => AssertReports("DG0030", declaration, message);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy([|1|])] public static partial class DigitLoss;", "[SoftmaxCrossEntropy] on 'DigitLoss': K = 1 is outside 2 … 16777216")]
    [InlineData("[SoftmaxCrossEntropy([|0|])] public static partial class DigitLoss;", "[SoftmaxCrossEntropy] on 'DigitLoss': K = 0 is outside 2 … 16777216")]
    [InlineData("[SoftmaxCrossEntropy([|-5|])] public static partial class DigitLoss;", "[SoftmaxCrossEntropy] on 'DigitLoss': K = -5 is outside 2 … 16777216")]
    [InlineData("[SoftmaxCrossEntropy([|16777217|], Reduction = Reduction.Sum)] public static partial class DigitLoss;", "[SoftmaxCrossEntropy] on 'DigitLoss': K = 16777217 is outside 2 … 16777216")]
    [InlineData("[NllLoss([|1|])] public static partial class DigitNll;", "[NllLoss] on 'DigitNll': K = 1 is outside 2 … 16777216")]
    [InlineData("[BinaryCrossEntropy([|0|])] public static partial class Tags;", "[BinaryCrossEntropy] on 'Tags': K = 0 is outside 1 … 16777216")]
    public void DG0031_LossClassCount(string declaration, string message) => AssertReports("DG0031", declaration, message);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = [|-0.1|])] public static partial class DigitLoss;", "[SoftmaxCrossEntropy] on 'DigitLoss': LabelSmoothing = -0.1 is not in [0, 1]")]
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = [|1.5|])] public static partial class DigitLoss;", "[SoftmaxCrossEntropy] on 'DigitLoss': LabelSmoothing = 1.5 is not in [0, 1]")]
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = [|double.NaN|])] public static partial class DigitLoss;", "[SoftmaxCrossEntropy] on 'DigitLoss': LabelSmoothing = NaN is not in [0, 1]")]
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = [|double.PositiveInfinity|])] public static partial class DigitLoss;", "[SoftmaxCrossEntropy] on 'DigitLoss': LabelSmoothing = Infinity is not in [0, 1]")]
    public void DG0032_LossLabelSmoothing(string declaration, string message) => AssertReports("DG0032", declaration, message);

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10, Reduction = [|(Reduction)3|])] public static partial class DigitLoss;", "Invalid reduction for [SoftmaxCrossEntropy] on 'DigitLoss': (Reduction)3 is not Reduction.None, Reduction.Sum or Reduction.Mean")]
    [InlineData("[SoftmaxCrossEntropy(10, Precision = [|(Precision)2|])] public static partial class DigitLoss;", "Invalid precision for [SoftmaxCrossEntropy] on 'DigitLoss': (Precision)2 is not Precision.Double or Precision.Single")]
    [InlineData("[SoftmaxCrossEntropy(10, UnrollThreshold = [|-1|])] public static partial class DigitLoss;", "Invalid unroll threshold for [SoftmaxCrossEntropy] on 'DigitLoss': UnrollThreshold = -1 is outside 0 … 256")]
    [InlineData("[SoftmaxCrossEntropy(10, UnrollThreshold = [|257|])] public static partial class DigitLoss;", "Invalid unroll threshold for [SoftmaxCrossEntropy] on 'DigitLoss': UnrollThreshold = 257 is outside 0 … 256")]
    [InlineData("[NllLoss(10, Reduction = [|(Reduction)7|])] public static partial class DigitNll;", "Invalid reduction for [NllLoss] on 'DigitNll': (Reduction)7 is not Reduction.None, Reduction.Sum or Reduction.Mean")]
    [InlineData("[KLDivergenceLoss(10, Temperature = [|0|])] public static partial class Distill;", "Invalid temperature for [KLDivergenceLoss] on 'Distill': Temperature = 0 is not a finite value > 0")]
    [InlineData("[KLDivergenceLoss(10, Temperature = [|-2.5|])] public static partial class Distill;", "Invalid temperature for [KLDivergenceLoss] on 'Distill': Temperature = -2.5 is not a finite value > 0")]
    [InlineData("[KLDivergenceLoss(10, Temperature = [|double.NaN|])] public static partial class Distill;", "Invalid temperature for [KLDivergenceLoss] on 'Distill': Temperature = NaN is not a finite value > 0")]
    [InlineData("[KLDivergenceLoss(10, Temperature = [|double.PositiveInfinity|])] public static partial class Distill;", "Invalid temperature for [KLDivergenceLoss] on 'Distill': Temperature = Infinity is not a finite value > 0")]
    public void DG0033_LossInvalidArgument(string declaration, string message) => AssertReports("DG0033", declaration, message);

    [Theory]
    [InlineData("[FiniteFamily(3)] public readonly partial struct [|Law|];", "'Law' cannot be a [FiniteFamily] type: it declares no 'static double LogWeight(int k, double θ₁, …)' (float throughout for single precision), the log-weight that defines the law")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { double [|LogWeight|](int k, double s) => -s * k; }", "'Law' cannot be a [FiniteFamily] type: 'LogWeight' must be static (the constructor calls it before the instance exists)")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static decimal [|LogWeight|](int k, decimal s) => -s * k; }", "'Law' cannot be a [FiniteFamily] type: 'LogWeight' must return double (or float for single precision), not 'decimal'")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double [|LogWeight|](long k, double s) => -s * k; }", "'Law' cannot be a [FiniteFamily] type: the first parameter of 'LogWeight' must be the outcome, 'int k'")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double [|LogWeight|](int k) => -k; }", "'Law' cannot be a [FiniteFamily] type: 'LogWeight' has no parameter after the outcome; a FiniteFamily is constructed from at least one (a law without parameters would be the struct's parameterless default: declare it as [Categorical(K)] with fixed probabilities instead)")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double [|LogWeight|]<T>(int k, double s) => -s * k; }", "'Law' cannot be a [FiniteFamily] type: 'LogWeight' must not be generic")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int k, ref double [|s|]) => -s * k; }", "'Law' cannot be a [FiniteFamily] type: the parameter 's' of 'LogWeight' must be passed by value (no ref, in, out or params)")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int k, float [|s|]) => -s * k; }", "'Law' cannot be a [FiniteFamily] type: the parameter 's' of 'LogWeight' is 'float'; every parameter after the outcome must be double, the type LogWeight returns")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int k, double [|mode|]) => -mode * k; }", "'Law' cannot be a [FiniteFamily] type: the parameter 'mode' of 'LogWeight' cannot be used: the generator writes 'Mode' for it, and the generator writes a member of that name already; rename it")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int k, double s, double [|S|]) => -s * k * S; }", "'Law' cannot be a [FiniteFamily] type: the parameter 'S' of 'LogWeight' cannot be used: its property 'S' is the property of another parameter; rename it")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int k, double [|result|]) => -result * k; }", "'Law' cannot be a [FiniteFamily] type: the parameter 'result' of 'LogWeight' cannot be used: the name 'result' is used by the generated code (TryCreate's 'result', the locals' '__'); rename it")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int k, double [|s|]) => -s * k; static int S => 1; }", "'Law' cannot be a [FiniteFamily] type: the parameter 's' of 'LogWeight' cannot be used: the generator writes 'S' for it, and the type has a member of that name; rename it")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int k, double s) => -s * k; static double [|LogWeight|](int k, double s, double t) => -s * k; }", "'Law' cannot be a [FiniteFamily] type: declare exactly one member named 'LogWeight', a static method 'static double LogWeight(int k, double θ₁, …)'")]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int [|__k|], double s) => -s * __k; }", "'Law' cannot be a [FiniteFamily] type: the outcome '__k' of 'LogWeight' cannot be used: names starting with '__' are the generated locals'; rename it")]
    public void DG0042_InvalidLogWeight(string declaration, string message) => AssertReports("DG0042", declaration, message);

    [Theory]
    [InlineData(
        "[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int k, double s) => [|Helper(s)|] * k; static double Helper(double s) => s; }",
        "its LogWeight cannot be translated for the symbolic derivative: the call of MyApp.Law.Helper is outside the subset (" + Parsing.BodyTranslator.Subset + ")")]
    [InlineData(
        "[FiniteFamily(3)] public readonly partial struct Law { static double [|LogWeight|](int k, double s) { double t = s; return t * k; } }",
        "its LogWeight cannot be translated for the symbolic derivative: its body is not one expression: write '=> expression' or '{ return expression; }'")]
    [InlineData(
        "[FiniteFamily(3)] public readonly partial struct Law { static double [|LogWeight|](int k, double s) => SpecialFunctions.Trigamma(s) * k; }",
        "its LogWeight has no symbolic derivative in 's' (a function without a derivative rule: Trigamma, for one)")]
    [InlineData(
        "[FiniteFamily(3)] public sealed partial class Law { static double [|LogWeight|](int k, double a, double b) => SpecialFunctions.Digamma(a) * k + b; }",
        "its LogWeight has no symbolic second derivative in 'a' and 'a' (a function without a derivative rule: Trigamma, for one)")]
    public void DG0043_LogWeightWithoutFit_IsAnInfoAndTheLawIsStillGenerated(string declaration, string reason)
    {
        var (source, span) = Markup.Parse(Header + declaration + "\n");
        var run = GeneratorHarness.Run(source);
        run.AssertNoGeneratorException();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DG0043", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            "'Law' is a [FiniteFamily] type without Fit: " + reason + "; the law, its measures and its toolkit are generated, only maximum-likelihood fitting needs the derivative",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        // The law is generated, without Fit, and compiles clean.
        string generated = Assert.Single(run.Sources).Text;
        Assert.Contains("public Law(", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain(" Fit(", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("FitCounts", generated, System.StringComparison.Ordinal);
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct [|Law|] { static double SufficientStatistics(double x) => x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: it declares no static method 'NaturalParameters' (static (double, double) NaturalParameters(double θ₁, …): η from the parameters, a plain double for one)")]
    [InlineData("[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Law { static int [|NaturalParameters|](double rate) => 1; static double SufficientStatistics(double x) => x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: 'NaturalParameters' must return double or a tuple of 2 … 8 doubles, not 'int'")]
    [InlineData("[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Law { static double NaturalParameters(double rate) => -rate; static (double, double) [|SufficientStatistics|](double x) => (x, x); static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: 'SufficientStatistics' must take one double (the support is Support.PositiveReals) and return what NaturalParameters returns, 'double'")]
    [InlineData("[ExponentialFamily(Support = Support.NonNegativeIntegers)] public readonly partial struct Law { static double NaturalParameters(double rate) => -rate; static double [|SufficientStatistics|](double x) => x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(int k) => 0; }", "'Law' cannot be a [ExponentialFamily] type: 'SufficientStatistics' must take one int (the support is Support.NonNegativeIntegers) and return what NaturalParameters returns, 'double'")]
    [InlineData("[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Law { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => x; static double LogPartition(double eta) => [|Helper(eta)|]; static double Helper(double e) => e; static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: 'LogPartition' must be in the translatable subset (its derivatives give the moments, the KL divergence and Fit): the call of MyApp.Law.Helper is outside the subset (" + Parsing.BodyTranslator.Subset + ")")]
    [InlineData("[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Law { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => x; static double [|LogPartition|](double eta) => SpecialFunctions.Trigamma(-eta); static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: 'LogPartition' has no symbolic derivative in 'eta' (a function without a derivative rule: Trigamma, for one)")]
    [InlineData("[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Law { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => x; static double [|LogPartition|](double a, double b) => a + b; static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: 'LogPartition' must take the 1 natural parameter(s), each a double, and return double")]
    [InlineData("[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Law { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => x; static double LogPartition(double [|isDefault|]) => -System.Math.Log(-isDefault); static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: the natural parameter 'isDefault' of 'LogPartition' cannot be used: its property 'IsDefault' or field '_isDefault' is a generated member, a member of the type, the type's name or another parameter's, or it starts with '__'; rename it")]
    [InlineData("[ExponentialFamily(Support = Support.Outcomes)] public readonly partial struct [|Law|] { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: Support.Outcomes needs Outcomes = K, 1 ≤ K ≤ 16777216 (it is 0)")]
    [InlineData("[ExponentialFamily(Outcomes = 3)] public readonly partial struct [|Law|] { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: Outcomes = 3 is given but the support is Support.Reals; write Support = Support.Outcomes for a finite support")]
    [InlineData("[ExponentialFamily] public readonly partial struct Law { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double [|LogPartition|](int eta) => 0; static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: declare exactly one member named 'LogPartition', a static method (static double LogPartition(double eta1, …): A(η), in the translatable subset)")]
    [InlineData("[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Law { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => [|Cube(x)|]; static double Cube(double x) => x * x * x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: 'SufficientStatistics' must be in the translatable subset (the sufficient statistics, for the entropy and the vectorised log-density): the call of MyApp.Law.Cube is outside the subset (" + Parsing.BodyTranslator.Subset + ")")]
    [InlineData("[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Law { static double [|NaturalParameters|](double rate) { double eta = -rate; return eta; } static double SufficientStatistics(double x) => x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(double x) => 0; }", "'Law' cannot be a [ExponentialFamily] type: 'NaturalParameters' must be in the translatable subset (the natural parameters of the parameters): its body is not one expression: write '=> expression' or '{ return expression; }'")]
    public void DG0044_InvalidExponentialFamily(string declaration, string message) => AssertReports("DG0044", declaration, message);

    [Fact]
    public void DG0045_NoEntropy_IsAnInfoAtLogBaseMeasureAndTheLawIsGenerated()
    {
        var (source, span) = Markup.Parse(Header + "[ExponentialFamily(Support = Support.NonNegativeIntegers)] public readonly partial struct Law { "
            + "static double NaturalParameters(double rate) => System.Math.Log(rate); static double SufficientStatistics(int k) => k; "
            + "static double LogPartition(double eta) => System.Math.Exp(eta); static double [|LogBaseMeasure|](int k) => -SpecialFunctions.LogFactorial(k); }\n");
        var run = GeneratorHarness.Run(source);
        run.AssertNoGeneratorException();
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DG0045", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            "'Law' is a [ExponentialFamily] type without Entropy and CrossEntropy: E[log h(X)] is not known: LogBaseMeasure depends on x, is not linear in the sufficient statistics, and the support is infinite; "
            + "declare static double ExpectedLogBaseMeasure(double eta) to have them; everything else is generated",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        string generated = Assert.Single(run.Sources).Text;
        Assert.Contains("public double LogPmf(int k)", generated, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Entropy()", generated, System.StringComparison.Ordinal);
        Assert.Empty(run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("[FiniteFamily(3)] public readonly partial struct Law { static double LogWeight(int k, double s) => -s * k; }")]
    [InlineData("[FiniteFamily(3)] public sealed partial class Law { private static float LogWeight(int outcome, float @event, float k) => -@event * outcome * k; }")]
    [InlineData("[FiniteFamily(3)] public partial struct Law { public static double LogWeight(int k, double a, double b) => -a * k - b; }")]
    public void DG0042_ValidLogWeight_ReportsNothing(string declaration)
    {
        var run = GeneratorHarness.Run("using DivergenceGen;\n\nnamespace MyApp;\n\n" + declaration + "\n");
        run.AssertValid();
        Assert.Single(run.Sources);
    }

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(10), [|NllLoss(10)|]]", "'DigitLoss' is marked with both [SoftmaxCrossEntropy] and [NllLoss]; a type declares one loss (both would write Loss and LossAndGradient): declare two types")]
    [InlineData("[NllLoss(10)][[|SoftmaxCrossEntropy(3)|]]", "'DigitLoss' is marked with both [NllLoss] and [SoftmaxCrossEntropy]; a type declares one loss (both would write Loss and LossAndGradient): declare two types")]
    [InlineData("[KLDivergenceLoss(10), [|NllLoss(10)|], SoftmaxCrossEntropy(10)]", "'DigitLoss' is marked with both [KLDivergenceLoss] and [NllLoss]; a type declares one loss (both would write Loss and LossAndGradient): declare two types")]
    public void DG0035_MultipleLosses(string attributes, string message)
    {
        // Reported once (by the first attribute's pipeline, at the second attribute); neither loss emits anything.
        var (source, span) = Markup.Parse(Header + attributes + " public static partial class DigitLoss;\n");
        var run = GeneratorHarness.Run(source);
        run.AssertNoGeneratorException();
        var dg0035 = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DG0035", dg0035.Id);
        Assert.Equal(span, dg0035.Location.SourceSpan);
        Assert.Equal(message, dg0035.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void DG0034_LossWithFamily()
    {
        // The family's own pipeline also rejects the static class (DG0003), so two diagnostics, each at its place.
        var (source, span) = Markup.Parse(Header + "[Bernoulli, [|SoftmaxCrossEntropy(10)|]] public static partial class DigitLoss;\n");
        var run = GeneratorHarness.Run(source);
        run.AssertNoGeneratorException();
        var dg0034 = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "DG0034");
        Assert.Equal(span, dg0034.Location.SourceSpan);
        Assert.Equal(
            "'DigitLoss' is marked with both [Bernoulli] and [SoftmaxCrossEntropy]; a loss is a static class, a distribution a struct or sealed class: declare two types",
            dg0034.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "DG0003");
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("[SoftmaxCrossEntropy(2)] public static partial class BinaryLoss;")] // LossLimits.MinClasses
    [InlineData("[SoftmaxCrossEntropy(10, LabelSmoothing = 1, IgnoreIndex = 0, Reduction = Reduction.None, Precision = Precision.Single, UnrollThreshold = 0)] public static partial class DigitLoss;")]
    [InlineData("[SoftmaxCrossEntropy(300, UnrollThreshold = 256)] internal static partial class WideLoss { public static double Twice(double x) => 2 * x; }")]
    [InlineData("public static partial class Outer { public partial struct Middle { [SoftmaxCrossEntropy(5, LabelSmoothing = 0.0)] public static partial class Inner; } }")]
    // Names of the kernels, which are in a file-local class of their own (they were private helpers of the user's type,
    // DG0005 until issue 9): the user's members may have them.
    [InlineData("[SoftmaxCrossEntropy(3)] public static partial class DigitLoss { private static double CheckTargets(System.ReadOnlySpan<int> targets) => 0; public static int LossHard = 0; public static void __LossHard() { } }")]
    public void ValidLossDeclaration_ReportsNothing(string declaration)
    {
        var run = GeneratorHarness.Run(Header + "/// <summary>Doc.</summary>\n" + declaration + "\n");
        run.AssertValid();
    }

    // ---- Valid declarations: no diagnostic at all --------------------------------------------------------------

    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct Coin;")]
    [InlineData("[Categorical(6)] public readonly partial struct Die;")]
    [InlineData("[Categorical(1)] public readonly partial struct PointMass;")] // K = 1, the point mass, is valid
    [InlineData("[Categorical(5, UnrollThreshold = 0)] public readonly partial struct Die;")]
    [InlineData("[Categorical(300, UnrollThreshold = 256, Precision = Precision.Single)] public readonly partial struct Die;")]
    [InlineData("[Categorical(4096)] public readonly partial struct Vocabulary;")] // DG0008's boundary, double
    [InlineData("[Categorical(8192, Precision = Precision.Single)] public readonly partial struct Vocabulary;")] // and float
    [InlineData("[Categorical(16777216)] public sealed partial class Vocabulary;")] // FamilyLimits.MaxCategoricalClasses
    [InlineData("[Binomial(0)] public readonly partial struct NoFlips;")] // n = 0, the point mass at 0, is valid
    [InlineData("[Binomial(2147483647)] public readonly partial struct MaxFlips;")] // n = int.MaxValue
    [InlineData("[Binomial(1025, Precision = Precision.Single)] public sealed partial class JustAboveTable;")]
    [InlineData("[Geometric] public readonly partial struct Failures;")]
    [InlineData("[Poisson(Precision = Precision.Single)] public sealed partial class Arrivals;")]
    [InlineData("[NegativeBinomial] public readonly partial struct Counts { public double Dispersion => 1 / R; }")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { static Coin() { } public double Odds() => P / (1 - P); }")]
    [InlineData("[Bernoulli] public readonly partial struct Coin { private const int Seed = 4; private static int s_count = Seed; public static int Count => s_count; public double Twice => 2 * P; }")]
    public void ValidDeclaration_ReportsNothing(string declaration)
    {
        var run = GeneratorHarness.Run(Header + "/// <summary>Doc.</summary>\n" + declaration + "\n");
        run.AssertValid();
    }

    /// <summary>
    /// Runs the generator on one declaration and asserts exactly one generator diagnostic: <paramref name="id"/>, an
    /// error (DG0006's severity is left open), at the marked span, with exactly <paramref name="message"/> (so that a
    /// message whose arguments are swapped or wrong fails too).
    /// </summary>
    private static void AssertReports(string id, string declarationMarkup, string message, CompilationSetup? setup = null)
    {
        var (source, span) = Markup.Parse(Header + declarationMarkup + "\n");
        var run = GeneratorHarness.Run(source, setup);
        run.AssertNoGeneratorException();

        var diagnostics = run.GeneratorDiagnostics;
        if (diagnostics.Length != 1)
        {
            throw new XunitException(
                $"Expected exactly one {id} at '{source.Substring(span.Start, span.Length)}' {span}, got {diagnostics.Length}:\n" +
                GeneratorRun.Describe(diagnostics, run));
        }

        var diagnostic = diagnostics[0];
        Assert.Equal(id, diagnostic.Id);
        // A location in the source tree or an external-file location with the same path and span (what a model that
        // stores locations as plain data gives back) are both fine.
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        var actual = diagnostic.Location.SourceSpan;
        Assert.True(
            actual == span,
            $"{id} at {actual} '{Text(source, actual)}', expected {span} '{Text(source, span)}'.");
        if (id != "DG0006")
        {
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        }

        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        // A rejected declaration gets no output or a simpler, correct fallback: never code that fails to compile.
        var generatedErrors = run.OutputDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && run.IsInGeneratedCode(d))
            .ToList();
        Assert.True(generatedErrors.Count == 0, "The generated code has errors:\n" + GeneratorRun.Describe(generatedErrors, run));
    }

    private static string Text(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        span.End <= source.Length ? source.Substring(span.Start, span.Length) : "(out of range)";
}
