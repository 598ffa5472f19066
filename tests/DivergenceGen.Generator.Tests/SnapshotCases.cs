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
        InMyApp("Loss_K10_Single_Smoothing_Mean", """
            /// <summary>The issue's example: ten digits, float, label smoothing and the default ignore index.</summary>
            [SoftmaxCrossEntropy(10, LabelSmoothing = 0.1, IgnoreIndex = -100, Reduction = Reduction.Mean, Precision = Precision.Single)]
            public static partial class DigitLoss;
            """),
        InMyApp("Loss_K3_Sum", """
            /// <summary>Three classes, summed, no smoothing.</summary>
            [SoftmaxCrossEntropy(3, Reduction = Reduction.Sum)] public static partial class TriLoss;
            """),
        InMyApp("Loss_K16_Mean", """
            /// <summary>K at the default unroll threshold: still straight-line rows.</summary>
            [SoftmaxCrossEntropy(16)] public static partial class Loss16;
            """),
        InMyApp("Loss_K17_Smoothing_IgnoreInRange", """
            /// <summary>K one above the threshold: SIMD loops with a scalar tail; the ignore index is a class.</summary>
            [SoftmaxCrossEntropy(17, LabelSmoothing = 0.2, IgnoreIndex = 3)] public static partial class Loss17;
            """),
        InMyApp("Loss_K1000_None", """
            /// <summary>A vocabulary, per-sample losses.</summary>
            [SoftmaxCrossEntropy(1000, Reduction = Reduction.None)] public static partial class VocabLoss;
            """),
        InMyApp("Loss_K2_Nested_UnrollThreshold0", """
            /// <summary>Container.</summary>
            public static partial class Losses
            {
                /// <summary>Two classes with loops forced.</summary>
                [SoftmaxCrossEntropy(2, UnrollThreshold = 0, Precision = Precision.Single)] public static partial class Binary;
            }
            """),
        InMyApp("Net80_Categorical_K17", """
            /// <summary>K = 17 without Vector256.Log (net8.0).</summary>
            [Categorical(17)] public readonly partial struct Net80Cat17;
            """, TestFramework.Net80),
        InMyApp("Net80_Bernoulli", """
            /// <summary>A coin without Vector256.Log (net8.0).</summary>
            [Bernoulli] public readonly partial struct Net80Coin;
            """, TestFramework.Net80),
        InMyApp("Net80_Loss_K20_Single", """
            /// <summary>A float loss compiled against the net8.0 reference assemblies (K = 20 > 16: SIMD loops).</summary>
            [SoftmaxCrossEntropy(20, LabelSmoothing = 0.05, Precision = Precision.Single)] public static partial class Net80Loss;
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
