using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.Renderer;
using Xunit.Sdk;

namespace DivergenceGen.Generator.Tests.TestHelpers;

/// <summary>
/// A small snapshot helper with Verify.SourceGenerators' file names, so that moving to Verify later needs no renames:
/// <c>Snapshots/{Class}.{Method}#{hint}.verified.cs</c>, where <c>{hint}</c> is the generated source's hint name
/// without its <c>.cs</c>. A mismatch or a missing file writes <c>.received.cs</c> beside it and fails with a unified
/// diff; a match deletes a stale <c>.received.cs</c>. Accept mode (<c>DIVERGENCEGEN_ACCEPT=1</c>) overwrites the
/// <c>.verified.cs</c> files instead, and is refused when <c>CI=true</c>.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "DIVERGENCEGEN_ACCEPT";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The Snapshots folder in the source tree (found from this file's path, not the bin folder).</summary>
    public static string Directory { get; } = FindDirectory();

    /// <summary>Whether accept mode was requested; throws (failing the test) when it is requested on CI.</summary>
    public static bool AcceptMode =>
        ResolveAcceptMode(Environment.GetEnvironmentVariable(AcceptVariable), Environment.GetEnvironmentVariable("CI"));

    /// <summary>Accept mode from the two environment variables' values: on when accept is "1", refused when CI is "true".</summary>
    public static bool ResolveAcceptMode(string? accept, string? ci)
    {
        if (accept != "1")
        {
            return false;
        }

        if (string.Equals(ci, "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new XunitException(
                $"{AcceptVariable}=1 is refused when CI=true: snapshots are accepted on a developer machine and committed, never on CI.");
        }

        return true;
    }

    /// <summary><c>{Class}.{Method}#{hint without .cs}.verified.cs</c>.</summary>
    public static string VerifiedFileName(string className, string methodName, string hintName) =>
        $"{Prefix(className, methodName)}{SanitiseHint(hintName)}.verified.cs";

    /// <summary>The part of the file name that every snapshot of one test shares: <c>{Class}.{Method}#</c>.</summary>
    public static string Prefix(string className, string methodName) => $"{className}.{methodName}#";

    /// <summary>
    /// Compares every generated source of one test with its verified file. All mismatches are reported together
    /// (one failure listing each diff), so one run writes every <c>.received.cs</c>.
    /// </summary>
    public static void Match(string className, string methodName, IEnumerable<GeneratedSource> sources) =>
        Match(className, methodName, sources, Directory, AcceptMode);

    /// <summary><see cref="Match(string, string, IEnumerable{GeneratedSource})"/> in a given folder and mode (for the helper's own tests).</summary>
    public static void Match(string className, string methodName, IEnumerable<GeneratedSource> sources, string directory, bool accept)
    {
        var failures = new List<string>();
        foreach (var source in sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            string verifiedName = VerifiedFileName(className, methodName, source.HintName);
            string verifiedPath = Path.Combine(directory, verifiedName);
            string receivedPath = ReceivedPath(verifiedPath);
            string actual = NormaliseLineEndings(source.Text);

            string? expected = File.Exists(verifiedPath) ? NormaliseLineEndings(File.ReadAllText(verifiedPath)) : null;
            if (expected == actual)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (accept)
            {
                System.IO.Directory.CreateDirectory(directory);
                File.WriteAllText(verifiedPath, actual, Utf8NoBom);
                File.Delete(receivedPath);
                continue;
            }

            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(receivedPath, actual, Utf8NoBom);
            failures.Add(expected is null
                ? $"New snapshot {verifiedName}: no verified file; wrote {Path.GetFileName(receivedPath)} " +
                  $"({actual.Split('\n').Length} lines). Review it and accept."
                : $"Snapshot {verifiedName} differs; wrote {Path.GetFileName(receivedPath)}:\n" +
                  UnidiffRenderer.GenerateUnidiff(expected, actual, verifiedName, Path.GetFileName(receivedPath), false, false, 3));
        }

        if (failures.Count > 0)
        {
            throw new XunitException(
                string.Join("\n\n", failures) +
                $"\n\nTo accept: {AcceptVariable}=1 dotnet test tests/DivergenceGen.Generator.Tests (then review the diff and commit).");
        }
    }

    /// <summary>The <c>.received.cs</c> path that belongs to a <c>.verified.cs</c> path.</summary>
    public static string ReceivedPath(string verifiedPath) =>
        verifiedPath.Substring(0, verifiedPath.Length - ".verified.cs".Length) + ".received.cs";

    public static string NormaliseLineEndings(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static string SanitiseHint(string hintName)
    {
        string hint = hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - 3) : hintName;
        var invalid = Path.GetInvalidFileNameChars().Concat(new[] { '/', '\\', ':' }).ToHashSet();
        return new string(hint.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }

    private static string FindDirectory([CallerFilePath] string thisFile = "")
    {
        // thisFile is .../tests/DivergenceGen.Generator.Tests/TestHelpers/Snapshot.cs
        // (With a path map, e.g. ContinuousIntegrationBuild=true, it is /_/...; that cannot locate the folder.)
        string project = Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!;
        if (!File.Exists(Path.Combine(project, "DivergenceGen.Generator.Tests.csproj")))
        {
            throw new InvalidOperationException(
                $"Cannot find the test project from the compile-time path '{thisFile}' (is a PathMap / ContinuousIntegrationBuild in effect?).");
        }

        return Path.Combine(project, "Snapshots");
    }
}
