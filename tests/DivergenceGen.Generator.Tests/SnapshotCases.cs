using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>One representative declaration whose generated files are kept as snapshots.</summary>
/// <param name="Name">The "method" part of the snapshot file names: <c>SnapshotTests.{Name}#{hint}.verified.cs</c>.</param>
/// <param name="Source">A whole source file. Type names are unique across the table so that all cases compile together.</param>
/// <param name="Framework">The reference assemblies it is generated for.</param>
public sealed record SnapshotCase(string Name, string Source, TestFramework Framework = TestFramework.Net100)
{
    public override string ToString() => Name;
}

/// <summary>
/// The snapshot declarations, declared once: <see cref="SnapshotTests"/> verifies each, <see cref="CompileTests"/>
/// compiles them together, and <see cref="SnapshotHygiene"/> derives from them the set of files that may exist.
/// </summary>
public static class SnapshotCases
{
    private const string Usings = "using DivergenceGen;\n\n";

    private static SnapshotCase InMyApp(string name, string declaration, TestFramework framework = TestFramework.Net100) =>
        new(name, Usings + "namespace MyApp;\n\n" + declaration + "\n", framework);

    public static IReadOnlyList<SnapshotCase> All { get; } = new[]
    {
        InMyApp("Bernoulli_Double", """
            /// <summary>A coin.</summary>
            [Bernoulli] public readonly partial struct Coin;
            """),
        InMyApp("Bernoulli_Single", """
            /// <summary>A coin in single precision.</summary>
            [Bernoulli(Precision = Precision.Single)] public readonly partial struct CoinF;
            """),
        InMyApp("Bernoulli_SealedClass", """
            /// <summary>A coin as a class.</summary>
            [Bernoulli] public sealed partial class CoinClass;
            """),
        InMyApp("Categorical_K1", """
            /// <summary>The point mass (K = 1).</summary>
            [Categorical(1)] public readonly partial struct PointMass;
            """),
        InMyApp("Categorical_K2", """
            /// <summary>Two classes.</summary>
            [Categorical(2)] public readonly partial struct Cat2;
            """),
        InMyApp("Categorical_K6", """
            /// <summary>A die.</summary>
            [Categorical(6)] public readonly partial struct Die;
            """),
        InMyApp("Categorical_K16", """
            /// <summary>K at the default unroll threshold.</summary>
            [Categorical(16)] public readonly partial struct Cat16;
            """),
        InMyApp("Categorical_K17", """
            /// <summary>K one above the default unroll threshold.</summary>
            [Categorical(17)] public readonly partial struct Cat17;
            """),
        InMyApp("Categorical_K1000", """
            /// <summary>A large struct.</summary>
            [Categorical(1000)] public readonly partial struct Cat1000;
            """),
        InMyApp("Categorical_K1000_Single", """
            /// <summary>A vocabulary in single precision.</summary>
            [Categorical(1000, Precision = Precision.Single)] public readonly partial struct Vocab;
            """),
        InMyApp("Categorical_K1000_SealedClass", """
            /// <summary>The class form.</summary>
            [Categorical(1000)] public sealed partial class BigDie;
            """),
        InMyApp("Categorical_K6_UnrollThreshold0", """
            /// <summary>A die with loops instead of unrolled code.</summary>
            [Categorical(6, UnrollThreshold = 0)] public readonly partial struct LoopedDie;
            """),
        new("GlobalNamespace", Usings + """
            /// <summary>A die in the global namespace.</summary>
            [Categorical(3)] public readonly partial struct GlobalDie;

            """),
        InMyApp("Nested", """
            /// <summary>Container.</summary>
            public static partial class Outer
            {
                /// <summary>A nested coin.</summary>
                [Bernoulli] public readonly partial struct Inner;
            }
            """),
        InMyApp("DoublyNested", """
            /// <summary>Outer container.</summary>
            public partial record Outer2
            {
                /// <summary>Middle container.</summary>
                public readonly partial record struct Middle
                {
                    /// <summary>A doubly nested die.</summary>
                    [Categorical(4)] public sealed partial class Leaf;
                }
            }
            """),
        InMyApp("Internal", """
            [Categorical(6)] internal readonly partial struct InternalDie;
            """),
        InMyApp("Net80_Categorical_K17", """
            /// <summary>K = 17 without Vector256.Log (net8.0).</summary>
            [Categorical(17)] public readonly partial struct Net80Cat17;
            """, TestFramework.Net80),
        InMyApp("Binomial_N10", """
            /// <summary>Ten flips: n + 1 = 11 ≤ 16, straight-line entropy over the constant table.</summary>
            [Binomial(10)] public readonly partial struct TenFlips;
            """),
        InMyApp("Binomial_N0", """
            /// <summary>The point mass at 0 (n = 0).</summary>
            [Binomial(0)] public readonly partial struct NoFlips;
            """),
        InMyApp("Binomial_N20_Single", """
            /// <summary>Twenty flips in single precision: SIMD entropy over the table.</summary>
            [Binomial(20, Precision = Precision.Single)] public readonly partial struct TwentyFlipsF;
            """),
        InMyApp("Binomial_N1024_SealedClass", """
            /// <summary>The largest n with the compile-time table, as a class.</summary>
            [Binomial(1024)] public sealed partial class Binomial1024;
            """),
        InMyApp("Binomial_N1e9", """
            /// <summary>n = 10⁹: no table, Loader's saddle-point form.</summary>
            [Binomial(1000000000)] public readonly partial struct Billion;
            """),
        InMyApp("Geometric_Double", """
            /// <summary>Failures before the first success.</summary>
            [Geometric] public readonly partial struct Failures;
            """),
        InMyApp("Geometric_Single", """
            /// <summary>Geometric in single precision.</summary>
            [Geometric(Precision = Precision.Single)] public readonly partial struct FailuresF;
            """),
        InMyApp("Poisson_Double", """
            /// <summary>Arrivals per interval.</summary>
            [Poisson] public readonly partial struct Arrivals;
            """),
        InMyApp("Poisson_Single_SealedClass", """
            /// <summary>Poisson in single precision, as a class.</summary>
            [Poisson(Precision = Precision.Single)] public sealed partial class ArrivalsF;
            """),
        InMyApp("NegativeBinomial_Double", """
            /// <summary>Over-dispersed counts.</summary>
            [NegativeBinomial] public readonly partial struct Overdispersed;
            """),
        InMyApp("NegativeBinomial_Single", """
            /// <summary>Negative binomial in single precision.</summary>
            [NegativeBinomial(Precision = Precision.Single)] public readonly partial struct OverdispersedF;
            """),
        InMyApp("Net80_Binomial_N20", """
            /// <summary>Binomial(20) on net8.0.</summary>
            [Binomial(20)] public readonly partial struct Net80Flips;
            """, TestFramework.Net80),
        InMyApp("Net80_Bernoulli", """
            /// <summary>A coin without Vector256.Log (net8.0).</summary>
            [Bernoulli] public readonly partial struct Net80Coin;
            """, TestFramework.Net80),
    };

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static SnapshotCase Get(string name) =>
        All.SingleOrDefault(c => c.Name == name) ?? throw new ArgumentException($"No snapshot case named {name}.", nameof(name));

    private static readonly ConcurrentDictionary<string, Lazy<GeneratorRun>> Runs = new();

    /// <summary>The generator's run over one case, computed once per test run (shared by the snapshot and hygiene tests).</summary>
    public static GeneratorRun Run(SnapshotCase @case) =>
        Runs.GetOrAdd(@case.Name, _ => new Lazy<GeneratorRun>(() =>
            GeneratorHarness.Run(@case.Source, new CompilationSetup(@case.Framework)))).Value;
}
