using DivergenceGen.Generator.Tests.TestHelpers;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// Every identifier that comes from user code is written escaped where it is a C# keyword (<c>@class</c>, <c>@event</c>)
/// or a contextual one (<c>@record</c>, <c>@async</c>, <c>@scoped</c>): as a namespace segment, a containing type, the
/// annotated type, a loss type, a divergence method and its parameters. Each declaration must generate code that
/// compiles with no warning.
/// </summary>
public sealed class IdentifierTests
{
    private const string Doc = "/// <summary>Doc.</summary>\n";

    [Theory]
    [InlineData("namespace @class.@event { " + Doc + "[Bernoulli] public readonly partial struct @record; }")]
    [InlineData("namespace N { " + Doc + "public static partial class @struct { " + Doc + "[Categorical(3)] public readonly partial struct @async; } }")]
    [InlineData("namespace N.@scoped { " + Doc + "[Categorical(20)] public sealed partial class @event; }")]
    [InlineData("namespace N { " + Doc + "[Poisson] public sealed partial class @async; }")]
    [InlineData("namespace N { " + Doc + "[Binomial(4)] public readonly partial struct @operator; }")]
    [InlineData("namespace @class { " + Doc + "[SoftmaxCrossEntropy(10)] public static partial class @event; }")]
    [InlineData("namespace @class { " + Doc + "[Bernoulli] public readonly partial struct @record; " + Doc +
                "public static partial class @static { " + Doc +
                "/// <param name=\"ref\">P.</param>\n/// <param name=\"out\">Q.</param>\n/// <returns>KL.</returns>\n" +
                "[KLDivergence] public static partial double @in(in @record @ref, in @record @out); } }")]
    public void KeywordIdentifiers_AreEscaped(string source)
    {
        var run = GeneratorHarness.Run("using DivergenceGen;\n" + source + "\n");
        run.AssertValid();
    }
}
