// The continuous families under test: each as a readonly struct, a sealed class and (where the test needs it) a float
// struct or a non-readonly struct, so that every emitted shape runs.
namespace DivergenceGen.Tests.Continuous
{
    [Normal] public readonly partial struct Norm;

    [Normal] public sealed partial class NormClass;

    [Normal(Precision = Precision.Single)] public readonly partial struct NormF;

    [LogNormal] public readonly partial struct LogNorm;

    [LogNormal] public sealed partial class LogNormClass;

    [Exponential] public readonly partial struct Expo;

    [Exponential] public sealed partial class ExpoClass;

    [Exponential(Precision = Precision.Single)] public readonly partial struct ExpoF;

    [Gamma] public readonly partial struct Gam;

    [Gamma] public sealed partial class GamClass;

    [Beta] public readonly partial struct Bet;

    [Beta] public sealed partial class BetClass;

    [Laplace] public readonly partial struct Lap;

    [Laplace] public partial struct LapMutable;

    [Uniform] public readonly partial struct Uni;

    [Uniform] public sealed partial class UniClass;

    [Uniform(Precision = Precision.Single)] public readonly partial struct UniF;
}
