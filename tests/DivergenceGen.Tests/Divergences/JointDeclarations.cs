// The joint types the numerical tests of [JointCategorical(R, C)] run against (issue 17): ordinary user declarations.
// Shapes: 2×2, 2×3 and its transpose 3×2, 3×4 / 4×3, 4×5 / 5×4 (K = 20 > the unroll threshold: the inherited
// categorical kernels loop), a float type, a class form, 1×C and R×1 tables, and a 20×25 table.
using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using DivergenceGen;

namespace DivergenceGen.Tests.Divergences
{
    /// <summary>The joint law's contract as the tests reach it: the runtime interface and the categorical surface.</summary>
    public interface IJointSurface<TSelf, T> : IJointCategoricalDistribution<TSelf, T>, ICategoricalSurface<TSelf, T>
        where TSelf : IJointSurface<TSelf, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
    }

    [JointCategorical(2, 2)]
    public readonly partial struct Joint2x2 : IJointSurface<Joint2x2, double>;

    [JointCategorical(2, 3)]
    public readonly partial struct Joint2x3 : IJointSurface<Joint2x3, double>;

    [JointCategorical(3, 2)]
    public readonly partial struct Joint3x2 : IJointSurface<Joint3x2, double>;

    [JointCategorical(3, 4)]
    public readonly partial struct Joint3x4 : IJointSurface<Joint3x4, double>;

    [JointCategorical(4, 3)]
    public readonly partial struct Joint4x3 : IJointSurface<Joint4x3, double>;

    [JointCategorical(4, 5)]
    public readonly partial struct Joint4x5 : IJointSurface<Joint4x5, double>;

    [JointCategorical(5, 4)]
    public readonly partial struct Joint5x4 : IJointSurface<Joint5x4, double>;

    [JointCategorical(3, 4, Precision = Precision.Single)]
    public readonly partial struct Joint3x4F : IJointSurface<Joint3x4F, float>;

    [JointCategorical(4, 3, Precision = Precision.Single)]
    public readonly partial struct Joint4x3F : IJointSurface<Joint4x3F, float>;

    [JointCategorical(4, 5)]
    public sealed partial class Joint4x5Class : IJointSurface<Joint4x5Class, double>;

    [JointCategorical(1, 5)]
    public readonly partial struct Joint1x5 : IJointSurface<Joint1x5, double>;

    [JointCategorical(5, 1)]
    public readonly partial struct Joint5x1 : IJointSurface<Joint5x1, double>;

    [JointCategorical(20, 25)]
    public sealed partial class Joint20x25 : IJointSurface<Joint20x25, double>;

    [JointCategorical(25, 20)]
    public sealed partial class Joint25x20 : IJointSurface<Joint25x20, double>;
}
