using DivergenceGen.Generator.Tests.TestHelpers;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// Each generated file of each declaration in <see cref="SnapshotCases"/> is compared with
/// <c>Snapshots/SnapshotTests.{case}#{hint}.verified.cs</c>; the declaration must also produce no diagnostic but the
/// warnings it expects (<see cref="SnapshotCase.ExpectedWarnings"/>), have no line over 160 characters, and compile cleanly.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [MemberData(nameof(SnapshotCases.Names), MemberType = typeof(SnapshotCases))]
    public void Generates(string name)
    {
        var @case = SnapshotCases.Get(name);
        var run = SnapshotCases.Run(@case);

        run.AssertNoGeneratorException();
        run.AssertGeneratorDiagnostics(@case.ExpectedWarnings);
        run.AssertGeneratedSomething();
        run.AssertNoLongLines();
        Snapshot.Match(nameof(SnapshotTests), @case.Name, @case.Snapshotted(run));
        run.AssertOutputCompilesCleanly();
    }
}
