using System;
using System.IO;
using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Xunit;
using Xunit.Sdk;

namespace DivergenceGen.Generator.Tests;

/// <summary>No <c>.verified.cs</c> file outlives the declaration or generated file it was made from.</summary>
public sealed class SnapshotHygiene
{
    [Fact]
    public void NoStaleSnapshots()
    {
        // The files that may exist: run the generator over the same table the snapshot tests use. If a case does not
        // generate (the generator threw or wrote nothing), which of its files are current is unknown: fail rather than
        // call good snapshots stale (and, in accept mode, delete them).
        var broken = SnapshotCases.All
            .Where(c => SnapshotCases.Run(c) is var run && (run.Sources.IsEmpty || run.RunResult.Results.Any(r => r.Exception is not null)))
            .Select(c => c.Name)
            .ToList();
        Assert.True(broken.Count == 0, "Cannot decide which snapshots are stale: no output for " + string.Join(", ", broken));

        var expected = SnapshotCases.All
            .SelectMany(c => c.Snapshotted(SnapshotCases.Run(c)).Select(s => Snapshot.VerifiedFileName(nameof(SnapshotTests), c.Name, s.HintName)))
            .ToHashSet(StringComparer.Ordinal);

        var existing = Directory.Exists(Snapshot.Directory)
            ? Directory.GetFiles(Snapshot.Directory, "*.verified.cs").Select(Path.GetFileName).ToList()
            : new();
        var stale = existing.Where(f => !expected.Contains(f!)).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (stale.Count == 0)
        {
            return;
        }

        if (Snapshot.AcceptMode)
        {
            foreach (var file in stale)
            {
                File.Delete(Path.Combine(Snapshot.Directory, file!));
            }

            return;
        }

        throw new XunitException(
            $"{stale.Count} snapshot file(s) in {Snapshot.Directory} belong to no current snapshot case or generated file:\n  " +
            string.Join("\n  ", stale) +
            $"\nDelete them, or run with {Snapshot.AcceptVariable}=1 to delete them.");
    }
}
