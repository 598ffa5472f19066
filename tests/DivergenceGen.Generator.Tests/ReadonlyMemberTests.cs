using System.Linq;
using DivergenceGen.Generator.Tests.TestHelpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// A family may be declared as a struct that is not itself readonly (<c>public partial struct Coin;</c>). Every generated
/// instance member of such a struct must still be <c>readonly</c>: the state is immutable, and a member that is not
/// readonly makes the compiler copy the struct defensively wherever it is called on an <c>in</c> argument (every
/// <c>KLDivergence(in T q)</c>) or a readonly field — a hidden copy of up to K doubles per call.
/// </summary>
public sealed class ReadonlyMemberTests
{
    [Fact]
    public void EveryInstanceMemberOfAMutableStructDeclaration_IsReadonly()
    {
        // Every snapshot declaration (all families, both precisions), with each readonly struct made a plain one.
        var sources = SnapshotCases.All.Where(c => c.Framework == TestFramework.Net100)
            .Select(c => c.Source.Replace("readonly partial struct", "partial struct"))
            .ToList();
        Assert.Contains(sources, s => s.Contains("[Bernoulli") && s.Contains(" partial struct "));
        var run = GeneratorHarness.Run(sources);
        run.AssertNoGeneratorException();
        run.AssertOutputCompilesCleanly();

        var notReadonly = new System.Collections.Generic.List<string>();
        int structs = 0, checkedMembers = 0;
        foreach (var tree in run.Output.SyntaxTrees.Where(t => !run.Input.SyntaxTrees.Contains(t)))
        {
            var model = run.Output.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<StructDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol { IsReadOnly: false } type)
                {
                    continue;
                }

                structs++;
                foreach (var member in declaration.Members)
                {
                    var symbol = model.GetDeclaredSymbol(member);
                    if (symbol is null || symbol.IsStatic)
                    {
                        continue;
                    }

                    bool isReadonly = symbol switch
                    {
                        IMethodSymbol { MethodKind: MethodKind.Constructor } => true,
                        IMethodSymbol method => method.IsReadOnly,
                        IPropertySymbol property => property.IsReadOnly || (property.GetMethod?.IsReadOnly ?? true),
                        _ => true, // fields are readonly fields (the emitters write no other), checked by the compiler's CS8340 for a readonly struct
                    };
                    checkedMembers++;
                    if (!isReadonly)
                    {
                        notReadonly.Add(type.Name + "." + symbol.Name + " (" + tree.FilePath + ")");
                    }
                }
            }
        }

        Assert.True(structs >= 5, $"only {structs} mutable struct declarations were generated");
        Assert.True(checkedMembers > 50, $"only {checkedMembers} instance members were checked");
        Assert.True(notReadonly.Count == 0, $"{notReadonly.Count} instance members are not readonly:\n" + string.Join("\n", notReadonly.Distinct()));
    }
}
