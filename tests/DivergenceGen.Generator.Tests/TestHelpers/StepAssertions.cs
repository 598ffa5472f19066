using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace DivergenceGen.Generator.Tests.TestHelpers;

/// <summary>Assertions on the generator's tracked incremental steps.</summary>
public static class StepAssertions
{
    /// <summary>The tracked steps named in <see cref="TrackingNames.All"/> that the run recorded.</summary>
    public static IReadOnlyDictionary<string, IncrementalGeneratorRunStep[]> OurSteps(GeneratorDriverRunResult result) =>
        result.Results
            .SelectMany(r => r.TrackedSteps)
            .Where(kv => TrackingNames.All.Contains(kv.Key))
            .GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(kv => kv.Value).ToArray());

    /// <summary>
    /// Every output of every listed step (and of every source-output step) is Cached or Unchanged. A listed step that
    /// the run did not record fails the assertion: a renamed or unwired step would otherwise make it test nothing.
    /// </summary>
    public static void AssertAllCachedOrUnchanged(GeneratorDriverRunResult result, IEnumerable<string> stepNames)
    {
        var steps = Recorded(result, stepNames);
        var failures = new List<string>();
        foreach (var (name, runs) in steps)
        {
            failures.AddRange(Uncached(name, runs));
        }

        foreach (var (name, runs) in result.Results.SelectMany(r => r.TrackedOutputSteps))
        {
            failures.AddRange(Uncached(name, runs));
        }

        if (failures.Count > 0)
        {
            throw new XunitException("Steps that were not cached on a run that should have been:\n  " + string.Join("\n  ", failures));
        }
    }

    /// <summary>The runs of each named step, in the order given; fails naming every step the run did not record.</summary>
    public static List<(string Name, IncrementalGeneratorRunStep[] Runs)> Recorded(GeneratorDriverRunResult result, IEnumerable<string> stepNames)
    {
        var steps = OurSteps(result);
        var names = stepNames.ToList();
        var missing = names.Where(n => !steps.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new XunitException(
                "Steps named by the test but not recorded by the run (renamed, unwired, or not reached by the test's " +
                "source, so an assertion over them would test nothing): " + string.Join(", ", missing) +
                "\nRecorded: " + string.Join(", ", steps.Keys.OrderBy(k => k, StringComparer.Ordinal)));
        }

        return names.Select(n => (n, steps[n])).ToList();
    }

    private static IEnumerable<string> Uncached(string name, IEnumerable<IncrementalGeneratorRunStep> runs) =>
        runs.SelectMany(step => step.Outputs)
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(o => $"{name}: {o.Reason} ({Short(o.Value)})");

    private static string Short(object? value)
    {
        string text = value?.ToString() ?? "null";
        return text.Length > 160 ? text.Substring(0, 160) + "…" : text;
    }

    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel),
        typeof(Location), typeof(Delegate),
    };

    /// <summary>
    /// Walks the object graph of every output of the named steps (fields, public and private, recursively, array
    /// elements included) and fails if a symbol, syntax node or tree, compilation, semantic model or
    /// <see cref="Location"/> is reachable: such an object roots a compilation in the generator's cache and defeats
    /// caching by value.
    /// </summary>
    public static void AssertNoCompilationObjects(GeneratorDriverRunResult result, IEnumerable<string> stepNames)
    {
        var steps = Recorded(result, stepNames);
        var violations = new List<string>();
        foreach (var (name, runs) in steps)
        {
            foreach (var (value, _) in runs.SelectMany(s => s.Outputs))
            {
                violations.AddRange(FindCompilationObjects(value, name));
            }
        }

        if (violations.Count > 0)
        {
            throw new XunitException("Pipeline outputs reach compilation objects:\n  " + string.Join("\n  ", violations.Distinct().Take(30)));
        }
    }

    /// <summary>The paths by which <paramref name="value"/> reaches a forbidden object (empty when it reaches none).</summary>
    public static List<string> FindCompilationObjects(object? value, string path)
    {
        var violations = new List<string>();
        Visit(value, path, new HashSet<object>(ReferenceEqualityComparer.Instance), violations);
        return violations;
    }

    private static void Visit(object? node, string path, HashSet<object> visited, List<string> violations)
    {
        if (node is null || violations.Count > 100)
        {
            return;
        }

        var type = node.GetType();
        if (Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type)) is { } forbidden)
        {
            violations.Add($"{path}: {type.FullName} (a {forbidden.Name})");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type.IsPointer || node is string or decimal || node is MemberInfo)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(node))
        {
            return;
        }

        if (node is Array array)
        {
            int i = 0;
            foreach (object? element in array)
            {
                Visit(element, $"{path}[{i++}]", visited, violations);
            }

            return;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Visit(field.GetValue(node), $"{path}.{field.Name}", visited, violations);
            }
        }
    }
}
