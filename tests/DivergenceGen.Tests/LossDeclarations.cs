// The loss types the numerical tests run against: ordinary user declarations, one per (K, label smoothing, ignore
// index, reduction, precision) combination that the oracle cases or the property tests need. The generator writes
// every member. LossApi wraps each type's generated members in one delegate shape so that the tests can dispatch on
// the configuration; the wrappers only choose which generated overload to call. Nothing here computes a loss.
using System;
using System.Collections.Generic;
using DivergenceGen;

namespace DivergenceGen.Tests
{
    [SoftmaxCrossEntropy(2, Reduction = Reduction.None)]
    public static partial class CeK2None;

    [SoftmaxCrossEntropy(3, Reduction = Reduction.None)]
    public static partial class CeK3None;

    [SoftmaxCrossEntropy(3, Reduction = Reduction.Sum)]
    public static partial class CeK3Sum;

    [SoftmaxCrossEntropy(12, Reduction = Reduction.Sum)]
    public static partial class CeK12Sum;

    [SoftmaxCrossEntropy(7)]
    public static partial class CeK7Mean;

    [SoftmaxCrossEntropy(4, Reduction = Reduction.None)]
    public static partial class CeK4None;

    [SoftmaxCrossEntropy(6, LabelSmoothing = 0.1, Reduction = Reduction.None)]
    public static partial class CeK6Smooth01None;

    [SoftmaxCrossEntropy(5)]
    public static partial class CeK5Mean;

    [SoftmaxCrossEntropy(4, IgnoreIndex = 2)]
    public static partial class CeK4Ignore2Mean;

    [SoftmaxCrossEntropy(4)]
    public static partial class CeK4Mean;

    [SoftmaxCrossEntropy(4, Reduction = Reduction.Sum)]
    public static partial class CeK4Sum;

    [SoftmaxCrossEntropy(6, LabelSmoothing = 0.2, Reduction = Reduction.Sum)]
    public static partial class CeK6Smooth02Sum;

    [SoftmaxCrossEntropy(4, LabelSmoothing = 0.1)]
    public static partial class CeK4Smooth01Mean;

    [SoftmaxCrossEntropy(2)]
    public static partial class CeK2Mean;

    [SoftmaxCrossEntropy(5, Reduction = Reduction.None)]
    public static partial class CeK5None;

    [SoftmaxCrossEntropy(3, LabelSmoothing = 0.1)]
    public static partial class CeK3Smooth01Mean;

    [SoftmaxCrossEntropy(12)]
    public static partial class CeK12Mean;

    [SoftmaxCrossEntropy(16, LabelSmoothing = 0.1)]
    public static partial class CeK16Smooth;

    [SoftmaxCrossEntropy(16, LabelSmoothing = 0.1, UnrollThreshold = 0)]
    public static partial class CeK16SmoothLoop;

    [SoftmaxCrossEntropy(17, LabelSmoothing = 0.1)]
    public static partial class CeK17Smooth;

    [SoftmaxCrossEntropy(17, LabelSmoothing = 0.1, UnrollThreshold = 32)]
    public static partial class CeK17SmoothUnrolled;

    [SoftmaxCrossEntropy(10, LabelSmoothing = 0.1)]
    public static partial class CeK10Smooth;

    [SoftmaxCrossEntropy(10, LabelSmoothing = 0.1, Precision = Precision.Single)]
    public static partial class CeK10SmoothF;

    [SoftmaxCrossEntropy(10, LabelSmoothing = 0.1, Precision = Precision.Single, UnrollThreshold = 0)]
    public static partial class CeK10SmoothLoopF;

    [SoftmaxCrossEntropy(1000, LabelSmoothing = 0.1)]
    public static partial class CeK1000Smooth;

    [SoftmaxCrossEntropy(1000, LabelSmoothing = 0.1, Precision = Precision.Single)]
    public static partial class CeK1000SmoothF;

    [SoftmaxCrossEntropy(1000, Reduction = Reduction.None)]
    public static partial class CeK1000None;

    [SoftmaxCrossEntropy(1000, Reduction = Reduction.Sum, Precision = Precision.Single)]
    public static partial class CeK1000SumF;

    [SoftmaxCrossEntropy(3, LabelSmoothing = 0.3, IgnoreIndex = 7, Reduction = Reduction.None, Precision = Precision.Single)]
    public static partial class CeK3SmoothNoneF;

    // float at both code shapes with every reduction (LossPropertyTests.Single_AgreesWithReference): K ≤ 16 runs class-index
    // targets in across-rows blocks (16, 8 or 4 rows per block for Vector512/256/128) and the rest per row; K > 16 runs per-row
    // SIMD loops with scalar tail classes (37 = 2·16 + 5 = 4·8 + 5 = 9·4 + 1). With the K = 10 and K = 1000 types above, each
    // shape has Mean, Sum and None, with label smoothing, and an ignore index inside [0, K).
    [SoftmaxCrossEntropy(10, LabelSmoothing = 0.1, Reduction = Reduction.None, Precision = Precision.Single)]
    public static partial class CeK10SmoothNoneF;

    [SoftmaxCrossEntropy(6, LabelSmoothing = 0.2, IgnoreIndex = 2, Reduction = Reduction.Sum, Precision = Precision.Single)]
    public static partial class CeK6Smooth02Ignore2SumF;

    [SoftmaxCrossEntropy(37, LabelSmoothing = 0.2, Reduction = Reduction.None, Precision = Precision.Single)]
    public static partial class CeK37SmoothNoneF;

    [SoftmaxCrossEntropy(37, LabelSmoothing = 1.0, IgnoreIndex = -1, Reduction = Reduction.Sum)]
    public static partial class CeK37Smooth1Sum;

    /// <summary>
    /// One generated loss type behind a uniform shape: <c>Hard(logits, targets, classWeights?, perSample?, gradient?)</c> and
    /// <c>Soft(logits, targetProbabilities, classWeights?, perSample?, gradient?)</c> call the generated overload that takes
    /// exactly the non-null arguments (perSample is required for, and only for, Reduction.None).
    /// </summary>
    public sealed record LossApi<T>(
        string Name,
        int Classes,
        double LabelSmoothing,
        int IgnoreIndex,
        Reduction Reduction,
        LossApi<T>.HardFn Hard,
        LossApi<T>.SoftFn Soft)
    {
        public delegate T HardFn(T[] logits, int[] targets, T[]? classWeights, T[]? perSample, T[]? gradient);

        public delegate T SoftFn(T[] logits, T[] targetProbabilities, T[]? classWeights, T[]? perSample, T[]? gradient);

        public override string ToString() => Name;
    }

    public static class LossTypes
    {
        public static IReadOnlyDictionary<string, LossApi<double>> Double { get; } = new Dictionary<string, LossApi<double>>
        {
            [nameof(CeK2None)] = new(
                nameof(CeK2None), CeK2None.Classes, CeK2None.LabelSmoothing, CeK2None.IgnoreIndex, Reduction.None,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK2None.Loss(x, t, ps!) : CeK2None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK2None.Loss(x, t, w, ps!) : CeK2None.LossAndGradient(x, t, w, ps!, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK2None.Loss(x, t, ps!) : CeK2None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK2None.Loss(x, t, w, ps!) : CeK2None.LossAndGradient(x, t, w, ps!, g))),
            [nameof(CeK3None)] = new(
                nameof(CeK3None), CeK3None.Classes, CeK3None.LabelSmoothing, CeK3None.IgnoreIndex, Reduction.None,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK3None.Loss(x, t, ps!) : CeK3None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK3None.Loss(x, t, w, ps!) : CeK3None.LossAndGradient(x, t, w, ps!, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK3None.Loss(x, t, ps!) : CeK3None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK3None.Loss(x, t, w, ps!) : CeK3None.LossAndGradient(x, t, w, ps!, g))),
            [nameof(CeK3Sum)] = new(
                nameof(CeK3Sum), CeK3Sum.Classes, CeK3Sum.LabelSmoothing, CeK3Sum.IgnoreIndex, Reduction.Sum,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK3Sum.Loss(x, t) : CeK3Sum.LossAndGradient(x, t, g)) : (g is null ? CeK3Sum.Loss(x, t, w) : CeK3Sum.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK3Sum.Loss(x, t) : CeK3Sum.LossAndGradient(x, t, g)) : (g is null ? CeK3Sum.Loss(x, t, w) : CeK3Sum.LossAndGradient(x, t, w, g))),
            [nameof(CeK12Sum)] = new(
                nameof(CeK12Sum), CeK12Sum.Classes, CeK12Sum.LabelSmoothing, CeK12Sum.IgnoreIndex, Reduction.Sum,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK12Sum.Loss(x, t) : CeK12Sum.LossAndGradient(x, t, g)) : (g is null ? CeK12Sum.Loss(x, t, w) : CeK12Sum.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK12Sum.Loss(x, t) : CeK12Sum.LossAndGradient(x, t, g)) : (g is null ? CeK12Sum.Loss(x, t, w) : CeK12Sum.LossAndGradient(x, t, w, g))),
            [nameof(CeK7Mean)] = new(
                nameof(CeK7Mean), CeK7Mean.Classes, CeK7Mean.LabelSmoothing, CeK7Mean.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK7Mean.Loss(x, t) : CeK7Mean.LossAndGradient(x, t, g)) : (g is null ? CeK7Mean.Loss(x, t, w) : CeK7Mean.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK7Mean.Loss(x, t) : CeK7Mean.LossAndGradient(x, t, g)) : (g is null ? CeK7Mean.Loss(x, t, w) : CeK7Mean.LossAndGradient(x, t, w, g))),
            [nameof(CeK4None)] = new(
                nameof(CeK4None), CeK4None.Classes, CeK4None.LabelSmoothing, CeK4None.IgnoreIndex, Reduction.None,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4None.Loss(x, t, ps!) : CeK4None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK4None.Loss(x, t, w, ps!) : CeK4None.LossAndGradient(x, t, w, ps!, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4None.Loss(x, t, ps!) : CeK4None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK4None.Loss(x, t, w, ps!) : CeK4None.LossAndGradient(x, t, w, ps!, g))),
            [nameof(CeK6Smooth01None)] = new(
                nameof(CeK6Smooth01None), CeK6Smooth01None.Classes, CeK6Smooth01None.LabelSmoothing, CeK6Smooth01None.IgnoreIndex, Reduction.None,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK6Smooth01None.Loss(x, t, ps!) : CeK6Smooth01None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK6Smooth01None.Loss(x, t, w, ps!) : CeK6Smooth01None.LossAndGradient(x, t, w, ps!, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK6Smooth01None.Loss(x, t, ps!) : CeK6Smooth01None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK6Smooth01None.Loss(x, t, w, ps!) : CeK6Smooth01None.LossAndGradient(x, t, w, ps!, g))),
            [nameof(CeK5Mean)] = new(
                nameof(CeK5Mean), CeK5Mean.Classes, CeK5Mean.LabelSmoothing, CeK5Mean.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK5Mean.Loss(x, t) : CeK5Mean.LossAndGradient(x, t, g)) : (g is null ? CeK5Mean.Loss(x, t, w) : CeK5Mean.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK5Mean.Loss(x, t) : CeK5Mean.LossAndGradient(x, t, g)) : (g is null ? CeK5Mean.Loss(x, t, w) : CeK5Mean.LossAndGradient(x, t, w, g))),
            [nameof(CeK4Ignore2Mean)] = new(
                nameof(CeK4Ignore2Mean), CeK4Ignore2Mean.Classes, CeK4Ignore2Mean.LabelSmoothing, CeK4Ignore2Mean.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4Ignore2Mean.Loss(x, t) : CeK4Ignore2Mean.LossAndGradient(x, t, g)) : (g is null ? CeK4Ignore2Mean.Loss(x, t, w) : CeK4Ignore2Mean.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4Ignore2Mean.Loss(x, t) : CeK4Ignore2Mean.LossAndGradient(x, t, g)) : (g is null ? CeK4Ignore2Mean.Loss(x, t, w) : CeK4Ignore2Mean.LossAndGradient(x, t, w, g))),
            [nameof(CeK4Mean)] = new(
                nameof(CeK4Mean), CeK4Mean.Classes, CeK4Mean.LabelSmoothing, CeK4Mean.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4Mean.Loss(x, t) : CeK4Mean.LossAndGradient(x, t, g)) : (g is null ? CeK4Mean.Loss(x, t, w) : CeK4Mean.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4Mean.Loss(x, t) : CeK4Mean.LossAndGradient(x, t, g)) : (g is null ? CeK4Mean.Loss(x, t, w) : CeK4Mean.LossAndGradient(x, t, w, g))),
            [nameof(CeK4Sum)] = new(
                nameof(CeK4Sum), CeK4Sum.Classes, CeK4Sum.LabelSmoothing, CeK4Sum.IgnoreIndex, Reduction.Sum,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4Sum.Loss(x, t) : CeK4Sum.LossAndGradient(x, t, g)) : (g is null ? CeK4Sum.Loss(x, t, w) : CeK4Sum.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4Sum.Loss(x, t) : CeK4Sum.LossAndGradient(x, t, g)) : (g is null ? CeK4Sum.Loss(x, t, w) : CeK4Sum.LossAndGradient(x, t, w, g))),
            [nameof(CeK6Smooth02Sum)] = new(
                nameof(CeK6Smooth02Sum), CeK6Smooth02Sum.Classes, CeK6Smooth02Sum.LabelSmoothing, CeK6Smooth02Sum.IgnoreIndex, Reduction.Sum,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK6Smooth02Sum.Loss(x, t) : CeK6Smooth02Sum.LossAndGradient(x, t, g)) : (g is null ? CeK6Smooth02Sum.Loss(x, t, w) : CeK6Smooth02Sum.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK6Smooth02Sum.Loss(x, t) : CeK6Smooth02Sum.LossAndGradient(x, t, g)) : (g is null ? CeK6Smooth02Sum.Loss(x, t, w) : CeK6Smooth02Sum.LossAndGradient(x, t, w, g))),
            [nameof(CeK4Smooth01Mean)] = new(
                nameof(CeK4Smooth01Mean), CeK4Smooth01Mean.Classes, CeK4Smooth01Mean.LabelSmoothing, CeK4Smooth01Mean.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4Smooth01Mean.Loss(x, t) : CeK4Smooth01Mean.LossAndGradient(x, t, g)) : (g is null ? CeK4Smooth01Mean.Loss(x, t, w) : CeK4Smooth01Mean.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK4Smooth01Mean.Loss(x, t) : CeK4Smooth01Mean.LossAndGradient(x, t, g)) : (g is null ? CeK4Smooth01Mean.Loss(x, t, w) : CeK4Smooth01Mean.LossAndGradient(x, t, w, g))),
            [nameof(CeK2Mean)] = new(
                nameof(CeK2Mean), CeK2Mean.Classes, CeK2Mean.LabelSmoothing, CeK2Mean.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK2Mean.Loss(x, t) : CeK2Mean.LossAndGradient(x, t, g)) : (g is null ? CeK2Mean.Loss(x, t, w) : CeK2Mean.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK2Mean.Loss(x, t) : CeK2Mean.LossAndGradient(x, t, g)) : (g is null ? CeK2Mean.Loss(x, t, w) : CeK2Mean.LossAndGradient(x, t, w, g))),
            [nameof(CeK5None)] = new(
                nameof(CeK5None), CeK5None.Classes, CeK5None.LabelSmoothing, CeK5None.IgnoreIndex, Reduction.None,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK5None.Loss(x, t, ps!) : CeK5None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK5None.Loss(x, t, w, ps!) : CeK5None.LossAndGradient(x, t, w, ps!, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK5None.Loss(x, t, ps!) : CeK5None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK5None.Loss(x, t, w, ps!) : CeK5None.LossAndGradient(x, t, w, ps!, g))),
            [nameof(CeK3Smooth01Mean)] = new(
                nameof(CeK3Smooth01Mean), CeK3Smooth01Mean.Classes, CeK3Smooth01Mean.LabelSmoothing, CeK3Smooth01Mean.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK3Smooth01Mean.Loss(x, t) : CeK3Smooth01Mean.LossAndGradient(x, t, g)) : (g is null ? CeK3Smooth01Mean.Loss(x, t, w) : CeK3Smooth01Mean.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK3Smooth01Mean.Loss(x, t) : CeK3Smooth01Mean.LossAndGradient(x, t, g)) : (g is null ? CeK3Smooth01Mean.Loss(x, t, w) : CeK3Smooth01Mean.LossAndGradient(x, t, w, g))),
            [nameof(CeK12Mean)] = new(
                nameof(CeK12Mean), CeK12Mean.Classes, CeK12Mean.LabelSmoothing, CeK12Mean.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK12Mean.Loss(x, t) : CeK12Mean.LossAndGradient(x, t, g)) : (g is null ? CeK12Mean.Loss(x, t, w) : CeK12Mean.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK12Mean.Loss(x, t) : CeK12Mean.LossAndGradient(x, t, g)) : (g is null ? CeK12Mean.Loss(x, t, w) : CeK12Mean.LossAndGradient(x, t, w, g))),
            [nameof(CeK16Smooth)] = new(
                nameof(CeK16Smooth), CeK16Smooth.Classes, CeK16Smooth.LabelSmoothing, CeK16Smooth.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK16Smooth.Loss(x, t) : CeK16Smooth.LossAndGradient(x, t, g)) : (g is null ? CeK16Smooth.Loss(x, t, w) : CeK16Smooth.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK16Smooth.Loss(x, t) : CeK16Smooth.LossAndGradient(x, t, g)) : (g is null ? CeK16Smooth.Loss(x, t, w) : CeK16Smooth.LossAndGradient(x, t, w, g))),
            [nameof(CeK16SmoothLoop)] = new(
                nameof(CeK16SmoothLoop), CeK16SmoothLoop.Classes, CeK16SmoothLoop.LabelSmoothing, CeK16SmoothLoop.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK16SmoothLoop.Loss(x, t) : CeK16SmoothLoop.LossAndGradient(x, t, g)) : (g is null ? CeK16SmoothLoop.Loss(x, t, w) : CeK16SmoothLoop.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK16SmoothLoop.Loss(x, t) : CeK16SmoothLoop.LossAndGradient(x, t, g)) : (g is null ? CeK16SmoothLoop.Loss(x, t, w) : CeK16SmoothLoop.LossAndGradient(x, t, w, g))),
            [nameof(CeK17Smooth)] = new(
                nameof(CeK17Smooth), CeK17Smooth.Classes, CeK17Smooth.LabelSmoothing, CeK17Smooth.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK17Smooth.Loss(x, t) : CeK17Smooth.LossAndGradient(x, t, g)) : (g is null ? CeK17Smooth.Loss(x, t, w) : CeK17Smooth.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK17Smooth.Loss(x, t) : CeK17Smooth.LossAndGradient(x, t, g)) : (g is null ? CeK17Smooth.Loss(x, t, w) : CeK17Smooth.LossAndGradient(x, t, w, g))),
            [nameof(CeK17SmoothUnrolled)] = new(
                nameof(CeK17SmoothUnrolled), CeK17SmoothUnrolled.Classes, CeK17SmoothUnrolled.LabelSmoothing, CeK17SmoothUnrolled.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK17SmoothUnrolled.Loss(x, t) : CeK17SmoothUnrolled.LossAndGradient(x, t, g)) : (g is null ? CeK17SmoothUnrolled.Loss(x, t, w) : CeK17SmoothUnrolled.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK17SmoothUnrolled.Loss(x, t) : CeK17SmoothUnrolled.LossAndGradient(x, t, g)) : (g is null ? CeK17SmoothUnrolled.Loss(x, t, w) : CeK17SmoothUnrolled.LossAndGradient(x, t, w, g))),
            [nameof(CeK10Smooth)] = new(
                nameof(CeK10Smooth), CeK10Smooth.Classes, CeK10Smooth.LabelSmoothing, CeK10Smooth.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK10Smooth.Loss(x, t) : CeK10Smooth.LossAndGradient(x, t, g)) : (g is null ? CeK10Smooth.Loss(x, t, w) : CeK10Smooth.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK10Smooth.Loss(x, t) : CeK10Smooth.LossAndGradient(x, t, g)) : (g is null ? CeK10Smooth.Loss(x, t, w) : CeK10Smooth.LossAndGradient(x, t, w, g))),
            [nameof(CeK1000Smooth)] = new(
                nameof(CeK1000Smooth), CeK1000Smooth.Classes, CeK1000Smooth.LabelSmoothing, CeK1000Smooth.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK1000Smooth.Loss(x, t) : CeK1000Smooth.LossAndGradient(x, t, g)) : (g is null ? CeK1000Smooth.Loss(x, t, w) : CeK1000Smooth.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK1000Smooth.Loss(x, t) : CeK1000Smooth.LossAndGradient(x, t, g)) : (g is null ? CeK1000Smooth.Loss(x, t, w) : CeK1000Smooth.LossAndGradient(x, t, w, g))),
            [nameof(CeK1000None)] = new(
                nameof(CeK1000None), CeK1000None.Classes, CeK1000None.LabelSmoothing, CeK1000None.IgnoreIndex, Reduction.None,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK1000None.Loss(x, t, ps!) : CeK1000None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK1000None.Loss(x, t, w, ps!) : CeK1000None.LossAndGradient(x, t, w, ps!, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK1000None.Loss(x, t, ps!) : CeK1000None.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK1000None.Loss(x, t, w, ps!) : CeK1000None.LossAndGradient(x, t, w, ps!, g))),
            [nameof(CeK37Smooth1Sum)] = new(
                nameof(CeK37Smooth1Sum), CeK37Smooth1Sum.Classes, CeK37Smooth1Sum.LabelSmoothing, CeK37Smooth1Sum.IgnoreIndex, Reduction.Sum,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK37Smooth1Sum.Loss(x, t) : CeK37Smooth1Sum.LossAndGradient(x, t, g)) : (g is null ? CeK37Smooth1Sum.Loss(x, t, w) : CeK37Smooth1Sum.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK37Smooth1Sum.Loss(x, t) : CeK37Smooth1Sum.LossAndGradient(x, t, g)) : (g is null ? CeK37Smooth1Sum.Loss(x, t, w) : CeK37Smooth1Sum.LossAndGradient(x, t, w, g))),
        };

        public static IReadOnlyDictionary<string, LossApi<float>> Single { get; } = new Dictionary<string, LossApi<float>>
        {
            [nameof(CeK10SmoothF)] = new(
                nameof(CeK10SmoothF), CeK10SmoothF.Classes, CeK10SmoothF.LabelSmoothing, CeK10SmoothF.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK10SmoothF.Loss(x, t) : CeK10SmoothF.LossAndGradient(x, t, g)) : (g is null ? CeK10SmoothF.Loss(x, t, w) : CeK10SmoothF.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK10SmoothF.Loss(x, t) : CeK10SmoothF.LossAndGradient(x, t, g)) : (g is null ? CeK10SmoothF.Loss(x, t, w) : CeK10SmoothF.LossAndGradient(x, t, w, g))),
            [nameof(CeK10SmoothLoopF)] = new(
                nameof(CeK10SmoothLoopF), CeK10SmoothLoopF.Classes, CeK10SmoothLoopF.LabelSmoothing, CeK10SmoothLoopF.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK10SmoothLoopF.Loss(x, t) : CeK10SmoothLoopF.LossAndGradient(x, t, g)) : (g is null ? CeK10SmoothLoopF.Loss(x, t, w) : CeK10SmoothLoopF.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK10SmoothLoopF.Loss(x, t) : CeK10SmoothLoopF.LossAndGradient(x, t, g)) : (g is null ? CeK10SmoothLoopF.Loss(x, t, w) : CeK10SmoothLoopF.LossAndGradient(x, t, w, g))),
            [nameof(CeK1000SmoothF)] = new(
                nameof(CeK1000SmoothF), CeK1000SmoothF.Classes, CeK1000SmoothF.LabelSmoothing, CeK1000SmoothF.IgnoreIndex, Reduction.Mean,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK1000SmoothF.Loss(x, t) : CeK1000SmoothF.LossAndGradient(x, t, g)) : (g is null ? CeK1000SmoothF.Loss(x, t, w) : CeK1000SmoothF.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK1000SmoothF.Loss(x, t) : CeK1000SmoothF.LossAndGradient(x, t, g)) : (g is null ? CeK1000SmoothF.Loss(x, t, w) : CeK1000SmoothF.LossAndGradient(x, t, w, g))),
            [nameof(CeK1000SumF)] = new(
                nameof(CeK1000SumF), CeK1000SumF.Classes, CeK1000SumF.LabelSmoothing, CeK1000SumF.IgnoreIndex, Reduction.Sum,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK1000SumF.Loss(x, t) : CeK1000SumF.LossAndGradient(x, t, g)) : (g is null ? CeK1000SumF.Loss(x, t, w) : CeK1000SumF.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK1000SumF.Loss(x, t) : CeK1000SumF.LossAndGradient(x, t, g)) : (g is null ? CeK1000SumF.Loss(x, t, w) : CeK1000SumF.LossAndGradient(x, t, w, g))),
            [nameof(CeK3SmoothNoneF)] = new(
                nameof(CeK3SmoothNoneF), CeK3SmoothNoneF.Classes, CeK3SmoothNoneF.LabelSmoothing, CeK3SmoothNoneF.IgnoreIndex, Reduction.None,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK3SmoothNoneF.Loss(x, t, ps!) : CeK3SmoothNoneF.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK3SmoothNoneF.Loss(x, t, w, ps!) : CeK3SmoothNoneF.LossAndGradient(x, t, w, ps!, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK3SmoothNoneF.Loss(x, t, ps!) : CeK3SmoothNoneF.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK3SmoothNoneF.Loss(x, t, w, ps!) : CeK3SmoothNoneF.LossAndGradient(x, t, w, ps!, g))),
            [nameof(CeK10SmoothNoneF)] = new(
                nameof(CeK10SmoothNoneF), CeK10SmoothNoneF.Classes, CeK10SmoothNoneF.LabelSmoothing, CeK10SmoothNoneF.IgnoreIndex, Reduction.None,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK10SmoothNoneF.Loss(x, t, ps!) : CeK10SmoothNoneF.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK10SmoothNoneF.Loss(x, t, w, ps!) : CeK10SmoothNoneF.LossAndGradient(x, t, w, ps!, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK10SmoothNoneF.Loss(x, t, ps!) : CeK10SmoothNoneF.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK10SmoothNoneF.Loss(x, t, w, ps!) : CeK10SmoothNoneF.LossAndGradient(x, t, w, ps!, g))),
            [nameof(CeK6Smooth02Ignore2SumF)] = new(
                nameof(CeK6Smooth02Ignore2SumF), CeK6Smooth02Ignore2SumF.Classes, CeK6Smooth02Ignore2SumF.LabelSmoothing, CeK6Smooth02Ignore2SumF.IgnoreIndex, Reduction.Sum,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK6Smooth02Ignore2SumF.Loss(x, t) : CeK6Smooth02Ignore2SumF.LossAndGradient(x, t, g)) : (g is null ? CeK6Smooth02Ignore2SumF.Loss(x, t, w) : CeK6Smooth02Ignore2SumF.LossAndGradient(x, t, w, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK6Smooth02Ignore2SumF.Loss(x, t) : CeK6Smooth02Ignore2SumF.LossAndGradient(x, t, g)) : (g is null ? CeK6Smooth02Ignore2SumF.Loss(x, t, w) : CeK6Smooth02Ignore2SumF.LossAndGradient(x, t, w, g))),
            [nameof(CeK37SmoothNoneF)] = new(
                nameof(CeK37SmoothNoneF), CeK37SmoothNoneF.Classes, CeK37SmoothNoneF.LabelSmoothing, CeK37SmoothNoneF.IgnoreIndex, Reduction.None,
                (x, t, w, ps, g) => w is null ? (g is null ? CeK37SmoothNoneF.Loss(x, t, ps!) : CeK37SmoothNoneF.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK37SmoothNoneF.Loss(x, t, w, ps!) : CeK37SmoothNoneF.LossAndGradient(x, t, w, ps!, g)),
                (x, t, w, ps, g) => w is null ? (g is null ? CeK37SmoothNoneF.Loss(x, t, ps!) : CeK37SmoothNoneF.LossAndGradient(x, t, ps!, g)) : (g is null ? CeK37SmoothNoneF.Loss(x, t, w, ps!) : CeK37SmoothNoneF.LossAndGradient(x, t, w, ps!, g))),
        };

        /// <summary>The double type for an oracle configuration, or null when none is declared.</summary>
        public static LossApi<double>? Find(int classes, double labelSmoothing, int ignoreIndex, Reduction reduction)
        {
            foreach (var api in Double.Values)
            {
                if (api.Classes == classes && api.LabelSmoothing == labelSmoothing && api.IgnoreIndex == ignoreIndex && api.Reduction == reduction
                    && !api.Name.Contains("Loop", StringComparison.Ordinal) && !api.Name.Contains("Unrolled", StringComparison.Ordinal))
                {
                    return api;
                }
            }

            return null;
        }
    }
}
