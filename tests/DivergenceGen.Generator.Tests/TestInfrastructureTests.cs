using System;
using System.Collections.Generic;
using System.IO;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace DivergenceGen.Generator.Tests;

/// <summary>The test helpers themselves: a helper that cannot fail would make every test built on it vacuous.</summary>
public sealed class TestInfrastructureTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dg-snapshot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Markup_StripsMarkersAndReturnsTheSpan()
    {
        var (source, span) = Markup.Parse("[Bernoulli, [|Categorical(3)|]] struct Coin;");
        Assert.Equal("[Bernoulli, Categorical(3)] struct Coin;", source);
        Assert.Equal("Categorical(3)", source.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Snapshot_FileNamesFollowVerifySourceGenerators()
    {
        Assert.Equal(
            "SnapshotTests.Bernoulli_Double#MyApp.Coin.g.verified.cs",
            Snapshot.VerifiedFileName("SnapshotTests", "Bernoulli_Double", "MyApp.Coin.g.cs"));
        Assert.True(File.Exists(Path.Combine(Snapshot.Directory, "..", "DivergenceGen.Generator.Tests.csproj")));
    }

    [Fact]
    public void Snapshot_MissingFile_FailsAndWritesReceived()
    {
        var ex = Assert.Throws<XunitException>(() => Match("class A {}\n", accept: false));
        Assert.Contains("New snapshot", ex.Message);
        Assert.Equal("class A {}\n", File.ReadAllText(Received));
        Assert.False(File.Exists(Verified));
    }

    [Fact]
    public void Snapshot_Mismatch_FailsWithUnifiedDiff_ThenMatchDeletesReceived()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Verified, "line 1\r\nold line\r\nline 3\r\n"); // CRLF on disk is normalised away

        var ex = Assert.Throws<XunitException>(() => Match("line 1\nnew line\nline 3\n", accept: false));
        Assert.Contains("-old line", ex.Message);
        Assert.Contains("+new line", ex.Message);
        Assert.True(File.Exists(Received));

        Match("line 1\nold line\nline 3\n", accept: false);
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void Snapshot_AcceptMode_OverwritesVerifiedAndDeletesReceived()
    {
        Assert.Throws<XunitException>(() => Match("v1\n", accept: false));
        Assert.True(File.Exists(Received));

        Match("v1\n", accept: true);

        Assert.Equal("v1\n", File.ReadAllText(Verified));
        Assert.False(File.Exists(Received));
        Match("v1\n", accept: false);
    }

    [Fact]
    public void Snapshot_AcceptMode_IsRefusedOnCI()
    {
        Assert.True(Snapshot.ResolveAcceptMode("1", null));
        Assert.False(Snapshot.ResolveAcceptMode(null, "true"));
        var ex = Assert.Throws<XunitException>(() => Snapshot.ResolveAcceptMode("1", "true"));
        Assert.Contains("refused", ex.Message);
    }

    [Fact]
    public void CompilationObjectWalker_FindsATreeInsideACollection_AndAcceptsPlainData()
    {
        var tree = CSharpSyntaxTree.ParseText("class C {}");
        var bad = new Holder("x", new List<object> { 1, new Holder("inner", new object[] { tree.GetRoot().GetLocation() }) });
        var good = new Holder("x", new List<object> { 1, "two", new Holder("inner", new object[] { 3.0, LanguageVersion.CSharp12 }) });

        Assert.NotEmpty(StepAssertions.FindCompilationObjects(bad, "step"));
        Assert.Empty(StepAssertions.FindCompilationObjects(good, "step"));
    }

    private sealed record Holder(string Name, IReadOnlyList<object> Items);

    private string Verified => Path.Combine(_directory, "T.M#H.g.verified.cs");

    private string Received => Path.Combine(_directory, "T.M#H.g.received.cs");

    private void Match(string text, bool accept) =>
        Snapshot.Match("T", "M", new[] { new GeneratedSource("H.g.cs", text) }, _directory, accept);
}
