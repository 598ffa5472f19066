using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Sdk;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// DG0020–DG0029, the misuses of <c>[KLDivergence]</c>/<c>[CrossEntropy]</c> methods: each gets its id, exactly once,
/// at the span marked <c>[|…|]</c>, as an error; the generator throws nothing and writes nothing that fails to compile.
/// </summary>
public sealed class DivergenceDiagnosticTests
{
    // Family types every case can use (the generator writes them; they are valid, so they report nothing).
    private const string Header = """
        using DivergenceGen;

        namespace MyApp;

        [Bernoulli] public readonly partial struct Coin;
        [Bernoulli(Precision = Precision.Single)] public readonly partial struct CoinF;
        [Categorical(6)] public readonly partial struct Die;
        [Poisson] public readonly partial struct Arrivals;
        [Geometric] public readonly partial struct Failures;
        [NegativeBinomial] public readonly partial struct Overdispersed;
        [Binomial(10)] public readonly partial struct Ten;
        [Categorical(1)] public readonly partial struct Point;
        public readonly struct Unmarked;

        """;

    private const string Kl = "[KLDivergence] public static partial double KL(in Coin p, in Coin q);";

    // ---- DG0020: the method's own type is not a non-generic static partial class --------------------------------

    [Theory]
    [InlineData("public static class [|D|] { " + Kl + " }", "'D' cannot hold the [KLDivergence] method 'KL': it is not partial; declare the method in a non-generic 'static partial class'")]
    [InlineData("public partial class [|D|] { " + Kl + " }", "'D' cannot hold the [KLDivergence] method 'KL': it is not static; declare the method in a non-generic 'static partial class'")]
    [InlineData("public static partial class [|D|]<T> { " + Kl + " }", "'D' cannot hold the [KLDivergence] method 'KL': it is generic; declare the method in a non-generic 'static partial class'")]
    [InlineData("public partial struct [|D|] { " + Kl + " }", "'D' cannot hold the [KLDivergence] method 'KL': it is not a class; declare the method in a non-generic 'static partial class'")]
    [InlineData("file static partial class [|D|] { " + Kl + " }", "'D' cannot hold the [KLDivergence] method 'KL': it is a 'file' class, visible only in its own file, and the implementation is generated in another file (remove 'file'); declare the method in a non-generic 'static partial class'")]
    public void DG0020_ContainingType(string declaration, string message) => AssertReports("DG0020", declaration, message);

    // ---- DG0021: an outer type is not partial, or is generic -------------------------------------------------------

    [Theory]
    [InlineData("public class [|Outer|] { public static partial class D { " + Kl + " } }", "'Outer' contains the [KLDivergence] method 'KL' but is not partial; every containing type must be a non-generic partial type")]
    [InlineData("public partial class [|Outer|]<T> { public static partial class D { " + Kl + " } }", "'Outer' contains the [KLDivergence] method 'KL' but is generic; every containing type must be a non-generic partial type")]
    [InlineData("public static partial class Outer { public class [|Middle|] { public static partial class D { " + Kl + " } } }", "'Middle' contains the [KLDivergence] method 'KL' but is not partial; every containing type must be a non-generic partial type")]
    [InlineData("file static partial class [|Outer|] { public static partial class D { " + Kl + " } }", "'Outer' contains the [KLDivergence] method 'KL' but is a 'file' type, visible only in its own file, and the implementation is generated in another file (remove 'file'); every containing type must be a non-generic partial type")]
    public void DG0021_OuterType(string declaration, string message) => AssertReports("DG0021", declaration, message);

    // ---- DG0022: not a static partial definition without a body ----------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public partial double [|KL|](in Coin p, in Coin q); }", "The [KLDivergence] method 'KL' must be declared 'static partial' with an accessibility modifier, non-generic and without a body, but it is not static")]
    [InlineData("public static partial class D { [KLDivergence] public static double [|KL|](in Coin p, in Coin q) => 0; }", "The [KLDivergence] method 'KL' must be declared 'static partial' with an accessibility modifier, non-generic and without a body, but it is not partial")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Coin p, in Coin q) { return 0; } }", "The [KLDivergence] method 'KL' must be declared 'static partial' with an accessibility modifier, non-generic and without a body, but it has a body (declare it without one: the generator writes the implementation)")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|]<T>(in Coin p, in Coin q); }", "The [KLDivergence] method 'KL' must be declared 'static partial' with an accessibility modifier, non-generic and without a body, but it is generic")]
    [InlineData("public static partial class D { [CrossEntropy] static partial double [|H|](in Coin p, in Coin q); }", "The [CrossEntropy] method 'H' must be declared 'static partial' with an accessibility modifier, non-generic and without a body, but it has no accessibility modifier (C# requires one on a partial method that returns a value)")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Coin p, in Coin q); public static partial double KL(in Coin p, in Coin q) => 0; }", "The [KLDivergence] method 'KL' must be declared 'static partial' with an accessibility modifier, non-generic and without a body, but it already has an implementation part")]
    [InlineData("public static partial class D { [KLDivergence] public static async partial double [|KL|](in Coin p, in Coin q); }", "The [KLDivergence] method 'KL' must be declared 'static partial' with an accessibility modifier, non-generic and without a body, but it is async (the divergence is computed synchronously and returned as a number)")]
    [InlineData("public static partial class D { [KLDivergence] public static extern partial double [|KL|](in Coin p, in Coin q); }", "The [KLDivergence] method 'KL' must be declared 'static partial' with an accessibility modifier, non-generic and without a body, but it is extern (the generator writes the implementation in C#)")]
    public void DG0022_MethodShape(string declaration, string message) => AssertReports("DG0022", declaration, message);

    // ---- DG0023: not two parameters --------------------------------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL[|(in Coin p)|]; }", "The [KLDivergence] method 'KL' has 1 parameter(s); declare exactly two, P and Q: '(in P p, in Q q)'")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL[|()|]; }", "The [KLDivergence] method 'KL' has 0 parameter(s); declare exactly two, P and Q: '(in P p, in Q q)'")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial double H[|(in Coin p, in Coin q, in Coin r)|]; }", "The [CrossEntropy] method 'H' has 3 parameter(s); declare exactly two, P and Q: '(in P p, in Q q)'")]
    public void DG0023_ParameterCount(string declaration, string message) => AssertReports("DG0023", declaration, message);

    // ---- DG0024: a parameter that is not a declared family, or not passed 'in'/by value ----------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in [|int|] q); }", "Parameter 'q' (Q) of the [KLDivergence] method 'KL' is not usable: 'int' is not a declared distribution family (no [Bernoulli], [Categorical(K)], [Binomial(n)], [Geometric], [Poisson], [NegativeBinomial], [JointCategorical(R, C)], [FiniteFamily(K)], [ExponentialFamily], [Normal], [LogNormal], [Exponential], [Gamma], [Beta], [Laplace], [Uniform], [DiagonalNormal(D)], [Dirichlet(K)] or [Multinomial(K, n)] attribute)")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL([|string|] p, in Coin q); }", "Parameter 'p' (P) of the [KLDivergence] method 'KL' is not usable: 'string' is not a declared distribution family (no [Bernoulli], [Categorical(K)], [Binomial(n)], [Geometric], [Poisson], [NegativeBinomial], [JointCategorical(R, C)], [FiniteFamily(K)], [ExponentialFamily], [Normal], [LogNormal], [Exponential], [Gamma], [Beta], [Laplace], [Uniform], [DiagonalNormal(D)], [Dirichlet(K)] or [Multinomial(K, n)] attribute)")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in [|Waiting|] q); }\n[ExponentialFamily(Support = Support.PositiveReals)] public readonly partial struct Waiting { static double NaturalParameters(double rate) => -rate; static double SufficientStatistics(double x) => x; static double LogPartition(double eta) => -System.Math.Log(-eta); static double LogBaseMeasure(double x) => 0; }", "Parameter 'q' (Q) of the [KLDivergence] method 'KL' is not usable: 'MyApp.Waiting' is a [ExponentialFamily] type, whose divergences with other families are not generated (its own KLDivergence(in Waiting q) is)")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in [|Unmarked|] p, in Coin q); }", "Parameter 'p' (P) of the [KLDivergence] method 'KL' is not usable: 'MyApp.Unmarked' is not a declared distribution family (no [Bernoulli], [Categorical(K)], [Binomial(n)], [Geometric], [Poisson], [NegativeBinomial], [JointCategorical(R, C)], [FiniteFamily(K)], [ExponentialFamily], [Normal], [LogNormal], [Exponential], [Gamma], [Beta], [Laplace], [Uniform], [DiagonalNormal(D)], [Dirichlet(K)] or [Multinomial(K, n)] attribute)")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL([|ref|] Coin p, in Coin q); }", "Parameter 'p' (P) of the [KLDivergence] method 'KL' is not usable: only 'in' or no modifier is allowed, not 'ref'")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial double H(in Coin p, [|out|] Coin q); }", "Parameter 'q' (Q) of the [CrossEntropy] method 'H' is not usable: only 'in' or no modifier is allowed, not 'out'")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL([|this|] in Coin p, in Coin q); }", "Parameter 'p' (P) of the [KLDivergence] method 'KL' is not usable: only 'in' or no modifier is allowed, not 'this'")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL([|scoped|] in Coin p, in Coin q); }", "Parameter 'p' (P) of the [KLDivergence] method 'KL' is not usable: only 'in' or no modifier is allowed, not 'scoped'")]
    public void DG0024_ParameterType(string declaration, string message) => AssertReports("DG0024", declaration, message);

    /// <summary>
    /// A parameter type whose family declaration is rejected gets no members, so the divergence is not emitted either (it
    /// would call members that do not exist: CS1061): the family's own diagnostic is the only one, and nothing fails to compile.
    /// </summary>
    [Theory]
    [InlineData("[Bernoulli] public readonly partial struct Bad { public double [|Entropy|]() => 0; }", "DG0005", "'Bad' declares 'Entropy', which the generator writes for [Bernoulli] types; rename or remove it")]
    [InlineData("[Poisson] file readonly partial struct [|Bad|];", "DG0003", "'Bad' cannot be a [Poisson] type: a 'file' type is visible only in its own file, and the generator adds its members in another file (remove 'file'); declare a non-generic 'readonly partial struct' or 'sealed partial class'")]
    [InlineData("[Bernoulli] public readonly partial struct Bad { private readonly double [|_x|]; }", "DG0009", "'Bad' declares the instance field '_x'; a [Bernoulli] type's state is generated (C# warns CS0282 about field order across partial struct declarations, and a generated constructor cannot initialise it); move it to another type or make it static")]
    public void RejectedFamilyType_NoDivergenceEmitted(string family, string id, string message) =>
        AssertReports(id, family + "\npublic static partial class D { [KLDivergence] internal static partial double KL(in Bad p, in Coin q); }", message);

    /// <summary>
    /// A declaration with a compiler error of its own (a parameter type less accessible than the method, CS0051; the
    /// signature declared twice, CS0111) gets no implementation: it would repeat the error in generated code, or add another.
    /// </summary>
    [Theory]
    [InlineData("[Bernoulli] internal readonly partial struct Hidden;\npublic static partial class D { [KLDivergence] public static partial double KL(in Hidden p, in Hidden q); }", "CS0051")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in Coin q); [KLDivergence] internal static partial double KL(in Coin p, in Coin q); }", "CS0111")]
    public void DeclarationWithItsOwnError_NoImplementation(string declaration, string inputError)
    {
        var run = GeneratorHarness.Run(Header + declaration + "\n");
        run.AssertNoGeneratorException();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == inputError);
        if (inputError != "CS0111")
        {
            // (CS0111 is reported on the second declaration only: the first gets its implementation.)
            Assert.DoesNotContain(run.Sources, s => s.HintName.Contains('-'));
        }

        var generated = run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && run.IsInGeneratedCode(d)).ToList();
        Assert.True(generated.Count == 0, GeneratorRun.Describe(generated, run));
    }

    /// <summary>[Obsolete] parameter types: the user's declaration warns (CS0612/CS0618); the generated implementation does not.</summary>
    [Theory]
    [InlineData("[System.Obsolete] [Bernoulli] public readonly partial struct Old;", "CS0612")]
    [InlineData("[System.Obsolete(\"Use Coin.\")] public static partial class Legacy { [Bernoulli] public readonly partial struct Old; }", "CS0618")]
    public void ObsoleteParameterTypes_NoWarningInGeneratedCode(string family, string userWarning)
    {
        string old = family.Contains("Legacy") ? "Legacy.Old" : "Old";
        var run = GeneratorHarness.Run(Header + "/// <summary>Doc.</summary>\n" + family + "\n/// <summary>Doc.</summary>\npublic static partial class D { /// <summary>Doc.</summary>\n[KLDivergence] public static partial double KL(in " + old + " p, in " + old + " q); }\n");
        run.AssertNoGeneratorException();
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName.Contains('-') && s.Text.Contains("#pragma warning disable CS0612, CS0618"));
        Assert.DoesNotContain(run.Sources, s => !s.HintName.Contains('-') && s.Text.Contains("#pragma warning disable CS0612"));
        var problems = run.OutputDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && (run.IsInGeneratedCode(d) || d.Id != userWarning)).ToList();
        Assert.True(problems.Count == 0, GeneratorRun.Describe(problems, run));
        Assert.Contains(run.OutputDiagnostics, d => d.Id == userWarning && !run.IsInGeneratedCode(d));
    }

    /// <summary>A type named System in the global namespace captures the generated code's <c>global::System.…</c>: DG0011 on the method.</summary>
    [Fact]
    public void DG0011_GlobalTypeNamedSystem()
    {
        var (source, span) = Markup.Parse(Header.Replace("namespace MyApp;", "namespace MyApp {") + "public static partial class D { [KLDivergence] public static partial double [|KL|](in Coin p, in Coin q); } }\npublic static class System { }\n");
        var run = GeneratorHarness.Run(source);
        run.AssertNoGeneratorException();
        var dg0011 = run.GeneratorDiagnostics.Where(d => d.Location.SourceSpan == span).ToList();
        var diagnostic = Assert.Single(dg0011);
        Assert.Equal("DG0011", diagnostic.Id);
        Assert.Equal(
            "The code generated for 'KL' cannot compile: the type 'System' is in its scope, and 'global::System.…' in the generated code would look in that type instead of the namespace System; rename that type or move it out of this scope",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains('-'));
    }

    // ---- DG0025: return type is not the families' precision --------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial [|float|] KL(in Coin p, in Coin q); }", "The [KLDivergence]/[CrossEntropy] method 'KL' returns 'float', but its distributions compute in Precision.Double; return 'double'")]
    [InlineData("public static partial class D { [KLDivergence] public static partial [|double|] KL(in CoinF p, in CoinF q); }", "The [KLDivergence]/[CrossEntropy] method 'KL' returns 'double', but its distributions compute in Precision.Single; return 'float'")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial [|int|] H(in Coin p, in Die q); }", "The [KLDivergence]/[CrossEntropy] method 'H' returns 'int', but its distributions compute in Precision.Double; return 'double'")]
    public void DG0025_ReturnType(string declaration, string message) => AssertReports("DG0025", declaration, message);

    // ---- DG0026: P and Q of different precision --------------------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in [|CoinF|] q); }", "The method 'KL' relates 'MyApp.Coin' (Precision.Double) and 'MyApp.CoinF' (Precision.Single); declare both types with the same Precision")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial float H(CoinF p, [|Die|] q); }", "The method 'H' relates 'MyApp.CoinF' (Precision.Single) and 'MyApp.Die' (Precision.Double); declare both types with the same Precision")]
    public void DG0026_PrecisionMismatch(string declaration, string message) => AssertReports("DG0026", declaration, message);

    // ---- DG0041: two joint laws of different shapes ---------------------------------------------------------------

    [Theory]
    [InlineData("[JointCategorical(2, 3)] public readonly partial struct T23; [JointCategorical(3, 2)] public readonly partial struct T32; public static partial class D { [KLDivergence] public static partial double KL(in T23 p, in [|T32|] q); }", "The method 'KL' relates 'MyApp.T23' (JointCategorical(2, 3)) and 'MyApp.T32' (JointCategorical(3, 2)): their cells (i, j) are different outcomes, so no divergence relates them; declare both with the same rows and columns")]
    [InlineData("[JointCategorical(1, 6)] public readonly partial struct T16; [JointCategorical(2, 3)] public readonly partial struct T23; public static partial class D { [CrossEntropy] public static partial double H(T16 p, [|T23|] q); }", "The method 'H' relates 'MyApp.T16' (JointCategorical(1, 6)) and 'MyApp.T23' (JointCategorical(2, 3)): their cells (i, j) are different outcomes, so no divergence relates them; declare both with the same rows and columns")]
    public void DG0041_JointShapeMismatch(string declaration, string message) => AssertReports("DG0041", declaration, message);

    // ---- DG0046: a density and a mass function ----------------------------------------------------------------------

    [Theory]
    [InlineData("[Normal] public readonly partial struct Latency; public static partial class D { [KLDivergence] public static partial double KL(in Latency p, in [|Arrivals|] q); }", "The method 'KL' relates 'MyApp.Latency' (Normal, a density) and 'MyApp.Arrivals' (Poisson, a mass function): a density and a probability mass function have no KL divergence or cross-entropy (one gives every single point probability 0, the other does not)")]
    [InlineData("[Exponential] public sealed partial class Wait; public static partial class D { [CrossEntropy] public static partial double H(in Coin p, [|Wait|] q); }", "The method 'H' relates 'MyApp.Coin' (Bernoulli, a mass function) and 'MyApp.Wait' (Exponential, a density): a density and a probability mass function have no KL divergence or cross-entropy (one gives every single point probability 0, the other does not)")]
    public void DG0046_DensityAndMass(string declaration, string message) => AssertReports("DG0046", declaration, message);

    // ---- DG0027: P's support is infinite and no closed form is known (no Tolerance) --------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Arrivals p, in Failures q); }", "No exact method computes the [KLDivergence] method 'KL': P = Poisson has the infinite support {0, 1, 2, …} and no closed form is known for Poisson‖Geometric; opt in to a truncated series with [KLDivergence(Tolerance = 1e-12)] (the sum stops once the remaining mass of P is below the tolerance)")]
    [InlineData("public static partial class D { [KLDivergence(Tolerance = 0)] public static partial double [|KL|](in Failures p, in Arrivals q); }", "No exact method computes the [KLDivergence] method 'KL': P = Geometric has the infinite support {0, 1, 2, …} and no closed form is known for Geometric‖Poisson; opt in to a truncated series with [KLDivergence(Tolerance = 1e-12)] (the sum stops once the remaining mass of P is below the tolerance)")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial double [|H|](in Arrivals p, in Overdispersed q); }", "No exact method computes the [CrossEntropy] method 'H': P = Poisson has the infinite support {0, 1, 2, …} and no closed form is known for Poisson‖NegativeBinomial; opt in to a truncated series with [CrossEntropy(Tolerance = 1e-12)] (the sum stops once the remaining mass of P is below the tolerance)")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Overdispersed p, in Arrivals q); }", "No exact method computes the [KLDivergence] method 'KL': P = NegativeBinomial has the infinite support {0, 1, 2, …} and no closed form is known for NegativeBinomial‖Poisson; opt in to a truncated series with [KLDivergence(Tolerance = 1e-12)] (the sum stops once the remaining mass of P is below the tolerance)")]
    public void DG0027_NoExactMethod(string declaration, string message) => AssertReports("DG0027", declaration, message);

    // ---- DG0028: invalid Tolerance ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("[KLDivergence(Tolerance = [|-1e-12|])]", "Invalid tolerance for the [KLDivergence] method 'KL': Tolerance = -1E-12 is negative (0 means exact methods only); use 0 (exact methods only) or a value from 1e-15 to below 1, e.g. 1e-12")]
    [InlineData("[KLDivergence(Tolerance = [|double.NaN|])]", "Invalid tolerance for the [KLDivergence] method 'KL': Tolerance is NaN; use 0 (exact methods only) or a value from 1e-15 to below 1, e.g. 1e-12")]
    [InlineData("[KLDivergence(Tolerance = [|1.0|])]", "Invalid tolerance for the [KLDivergence] method 'KL': Tolerance = 1 is not below 1, the whole mass of P, so the series would stop before it starts; use 0 (exact methods only) or a value from 1e-15 to below 1, e.g. 1e-12")]
    [InlineData("[CrossEntropy(Tolerance = [|double.PositiveInfinity|])]", "Invalid tolerance for the [CrossEntropy] method 'KL': Tolerance = Infinity is not below 1, the whole mass of P, so the series would stop before it starts; use 0 (exact methods only) or a value from 1e-15 to below 1, e.g. 1e-12")]
    [InlineData("[KLDivergence(Tolerance = [|1e-16|])]", "Invalid tolerance for the [KLDivergence] method 'KL': Tolerance = 1E-16 is below 1E-15: the neglected mass would be smaller than the rounding of the sum itself, so it only costs terms; use 0 (exact methods only) or a value from 1e-15 to below 1, e.g. 1e-12")]
    public void DG0028_InvalidTolerance(string attribute, string message) =>
        AssertReports("DG0028", "public static partial class D { " + attribute + " public static partial double KL(in Arrivals p, in Failures q); }", message);

    [Fact]
    public void DG0028_AlsoWhereAnExactMethodExists() =>
        AssertReports(
            "DG0028",
            "public static partial class D { [KLDivergence(Tolerance = [|2|])] public static partial double KL(in Coin p, in Die q); }",
            "Invalid tolerance for the [KLDivergence] method 'KL': Tolerance = 2 is not below 1, the whole mass of P, so the series would " +
            "stop before it starts; use 0 (exact methods only) or a value from 1e-15 to below 1, e.g. 1e-12");

    // ---- DG0029: both attributes on one method ---------------------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence, [|CrossEntropy|]] public static partial double KL(in Coin p, in Coin q); }", "The method 'KL' is marked with both [KLDivergence] and [CrossEntropy]; a method computes one of them, declare two methods")]
    [InlineData("public static partial class D { [CrossEntropy]\n[[|KLDivergence|]] public static partial double KL(in Coin p, in Die q); }", "The method 'KL' is marked with both [KLDivergence] and [CrossEntropy]; a method computes one of them, declare two methods")]
    public void DG0029_BothMeasures(string declaration, string message) => AssertReports("DG0029", declaration, message);

    // ---- valid declarations ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in Die q); }")]
    [InlineData("public static partial class D { [CrossEntropy(Tolerance = 1e-12)] internal static partial double H(Die p, Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial float KL(in CoinF p, in CoinF q); }")]
    [InlineData("public static partial class Outer { private static partial class D { [KLDivergence] private static partial double KL(in Coin p, in Coin q); } }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in Die q); [KLDivergence] public static partial double KL(in Die p, in Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence(Tolerance = 1e-15)] public static partial double KL(in Coin @in, in Die @double); }")]
    [InlineData("[Categorical(3)] public partial struct MutableDie;\n[Categorical(3)] public partial struct MutableDie2;\npublic static partial class D { [KLDivergence] public static partial double KL(in MutableDie p, in MutableDie2 q); [CrossEntropy] public static partial double H(in MutableDie p, in Coin q); }")]
    [InlineData("public static partial class D { [KLDivergence(Tolerance = 1e-12)] public static partial double KL(in Arrivals Tolerance, in Failures MaxTerms); [CrossEntropy(Tolerance = 1e-12)] public static partial double H(in Failures KLTerm, in Arrivals CrossEntropyTerm); }")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double KL(in Coin p, in Arrivals q); [CrossEntropy] public static partial double H(in Failures p, in Overdispersed q); }")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial double H(in Arrivals p, in Failures q); }")] // closed form for H only
    public void ValidDeclaration_ReportsNothing(string declaration)
    {
        var run = GeneratorHarness.Run(Header + declaration + "\n");
        run.AssertValid();
    }

    /// <summary>
    /// Exactly one generator diagnostic: <paramref name="id"/>, an error, at the marked span, with exactly
    /// <paramref name="message"/> (so that a message whose arguments are swapped or wrong fails too).
    /// </summary>
    // ---- DG0040 (warning): +∞ unless P is its point mass at 0 ------------------------------------------------------

    [Theory]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Arrivals p, in Coin q); }", "The [KLDivergence] method 'KL' is +∞ except where P is the point mass at 0 (rate = 0): P = Poisson can put mass on 2, 3, …, which Q = Bernoulli cannot; D(P‖Q) and H(P, Q) take P first, so check the order of the arguments")]
    [InlineData("public static partial class D { [CrossEntropy] public static partial double [|H|](in Ten p, in Coin q); }", "The [CrossEntropy] method 'H' is +∞ except where P is the point mass at 0 (p = 0): P = Binomial(10) can put mass on 2 … 10, which Q = Bernoulli cannot; D(P‖Q) and H(P, Q) take P first, so check the order of the arguments")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Coin p, in Point q); }", "The [KLDivergence] method 'KL' is +∞ except where P is the point mass at 0 (p = 0): P = Bernoulli can put mass on 1, which Q = Categorical(1) cannot; D(P‖Q) and H(P, Q) take P first, so check the order of the arguments")]
    [InlineData("public static partial class D { [KLDivergence] public static partial double [|KL|](in Overdispersed p, in Ten q); }", "The [KLDivergence] method 'KL' is +∞ except where P is the point mass at 0 (p = 1): P = NegativeBinomial can put mass on 11, 12, …, which Q = Binomial(10) cannot; D(P‖Q) and H(P, Q) take P first, so check the order of the arguments")]
    public void DG0040_InfiniteExceptAtThePointMass_WarnsAndStillGenerates(string declarationMarkup, string message)
    {
        var (source, span) = Markup.Parse(Header + declarationMarkup + "\n");
        var run = GeneratorHarness.Run(source);
        run.AssertNoGeneratorException();

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DG0040", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.True(diagnostic.Location.SourceSpan == span, $"DG0040 at '{Text(source, diagnostic.Location.SourceSpan)}', expected '{Text(source, span)}'");
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("See docs/diagnostics.md#dg0040", diagnostic.Descriptor.Description.ToString());

        // In the user's syntax tree, not an external file location: only then can #pragma warning disable DG0040 silence
        // it at a deliberate declaration (the numeric tests' CrossFamily/Declarations.cs builds with warnings as errors
        // and relies on that).
        Assert.NotNull(diagnostic.Location.SourceTree);

        // A warning, not a rejection: the method is generated (it is right: +∞, or −log q(0) at the point mass).
        Assert.Contains(run.Sources, s => s.HintName.Contains('-'));
        run.AssertOutputCompilesCleanly();
    }

    [Theory]
    [InlineData("[KLDivergence] public static partial double KL(in Coin p, in Ten q);")]      // finite: P's support inside Q's
    [InlineData("[KLDivergence] public static partial double KL(in Die p, in Coin q);")]      // a probability vector: decided at run time
    [InlineData("[CrossEntropy] public static partial double H(in Arrivals p, in Failures q);")] // infinite supports both: a closed form
    public void DG0040_NotWhereTheSupportAllowsFiniteValues(string method)
    {
        var run = GeneratorHarness.Run(Header + "public static partial class D { " + method + " }\n");
        run.AssertValid();
    }

    private static void AssertReports(string id, string declarationMarkup, string message)
    {
        var (source, span) = Markup.Parse(Header + declarationMarkup + "\n");
        var run = GeneratorHarness.Run(source);
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
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.True(
            diagnostic.Location.SourceSpan == span,
            $"{id} at {diagnostic.Location.SourceSpan} '{Text(source, diagnostic.Location.SourceSpan)}', expected {span} '{Text(source, span)}': {diagnostic.GetMessage()}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("See docs/diagnostics.md#" + id.ToLowerInvariant(), diagnostic.Descriptor.Description.ToString());

        // A rejected declaration gets no output: never code that fails to compile.
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains('-'));
        var generatedErrors = run.OutputDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && run.IsInGeneratedCode(d))
            .ToList();
        Assert.True(generatedErrors.Count == 0, "The generated code has errors:\n" + GeneratorRun.Describe(generatedErrors, run));
    }

    private static string Text(string source, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        span.End <= source.Length ? source.Substring(span.Start, span.Length) : "(out of range)";
}

/// <summary>
/// Every descriptor is reachable: the generator turns a recorded diagnostic back into one by id
/// (<see cref="Diagnostics.DiagnosticDescriptors.ById"/>), so a descriptor missing there makes the generator throw when it
/// reports it (DG0041 once did), and every id is in AnalyzerReleases.Unshipped.md and documented in docs/diagnostics.md.
/// </summary>
public sealed class DiagnosticDescriptorTests
{
    [Fact]
    public void EveryDescriptorIsRegisteredReleasedAndDocumented()
    {
        var descriptors = typeof(Diagnostics.DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        string root = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.AppContext.BaseDirectory, "../../../../.."));
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "generator/DivergenceGen.Generator/AnalyzerReleases.Unshipped.md"));
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "docs/diagnostics.md"));
        Assert.NotEmpty(descriptors);
        foreach (var descriptor in descriptors)
        {
            Assert.True(Diagnostics.DiagnosticDescriptors.ById.TryGetValue(descriptor.Id, out var registered) && ReferenceEquals(registered, descriptor), descriptor.Id + " is not in DiagnosticDescriptors.ById");
            Assert.Contains(descriptor.Id + " | DivergenceGen | ", releases);
            Assert.Contains("\n## " + descriptor.Id + "\n", docs);
        }
    }
}
