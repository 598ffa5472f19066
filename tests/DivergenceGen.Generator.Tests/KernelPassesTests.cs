using DivergenceGen.Generator.Ir;
using Xunit;

namespace DivergenceGen.Generator.Tests;

/// <summary>
/// <see cref="KernelPasses.Applies"/>: a kernel runs in two passes (the runtime's IKernelPass) only where its vector code
/// calls Log, XLogRatio or Deviance and every such value reaches the result through operations that keep the first pass's
/// NaN; a comparison, min, max or runtime call on it could turn the NaN into a number and a wrong first-pass result would
/// be kept.
/// </summary>
public sealed class KernelPassesTests
{
    private static readonly Expr P = E.Ref("p");
    private static readonly Expr Q = E.Ref("q");

    [Fact]
    public void TheInformationMeasuresTermsRunInTwoPasses()
    {
        Assert.True(KernelPasses.Applies(InformationMeasures.EntropyTerm(P, E.Log(P))));
        Assert.True(KernelPasses.Applies(InformationMeasures.KLDivergenceTermOfLogRatio(P, E.LogRatio(P, Q))));
        Assert.True(KernelPasses.Applies(InformationMeasures.CrossEntropyTerm(P, E.Log(Q))));
        Assert.True(KernelPasses.Applies(E.Deviance(2.0 * P, P + Q, P - Q) + E.Deviance(2.0 * Q, P + Q, Q - P)));
        // The value branches of a selection keep a NaN.
        Assert.True(KernelPasses.Applies(E.Select(new Compare(CompareOp.LessThan, P, Q), E.Log(P), 0.0)));
    }

    [Fact]
    public void WithoutAPassCallThereIsOnePass()
    {
        Assert.False(KernelPasses.Applies(P * (E.Ref("logP") - E.Ref("logQ"))));
        Assert.False(KernelPasses.Applies(E.Log1p(P) + E.Max(P, Q)));
    }

    [Fact]
    public void AValueThatCouldSwallowTheNaNKeepsOnePass()
    {
        Assert.False(KernelPasses.Applies(E.Max(E.Log(P), 0.0)));
        Assert.False(KernelPasses.Applies(E.Min(E.Deviance(P, Q, P - Q), 1.0)));
        Assert.False(KernelPasses.Applies(E.Select(new Compare(CompareOp.LessThan, E.Log(P), Q), P, Q)));
        Assert.False(KernelPasses.Applies(E.Call("DiscreteMath.Something", E.Log(P))));
        // XTimesLog tests x > 0: a log in x could be read as "not positive" and dropped.
        Assert.False(KernelPasses.Applies(E.XTimesLog(E.Log(P), E.Log(Q))));
        // One swallowing use is enough, even beside a sound one.
        Assert.False(KernelPasses.Applies(E.Log(P) + E.Max(E.Log(Q), 0.0)));
    }
}
