// The kernels before the input checks (issue 11): Categorical Entropy(p) and KLDivergence(p, q) over raw vectors, copied
// VERBATIM from the generator's output at commit 90e86eb (the parent of the t11-runtime branch), for the types of Types.cs.
// K = 16 double is byte-identical to the snapshot tests/DivergenceGen.Generator.Tests/Snapshots/
// SnapshotTests.Categorical_K16#MyApp.Cat16.g.verified.cs at commit 90e86eb; K = 1,048,576 double is the snapshot
// SnapshotTests.Categorical_K1000#MyApp.Cat1000.g.verified.cs at 90e86eb with the constant 1000 replaced by 1048576; the
// float kernels come from the same generator (K = 1M float equals snapshot Categorical_K1000_Single with the constant
// replaced and the scalar tail dropped, 1048576 being a multiple of 16). Only two things differ from the generated text:
// `private static` became `internal static` (and the text is indented one level less), and the public members'
// `Classes` is written as the constant.
// They are the baseline of InputCheckCost: the same kernels without the in-pass check, measured in the same run.
// Do not edit them to follow the generator: they are a fixed reference point.
#pragma warning disable
namespace DivergenceGen.Benchmarks.BeforeInputChecks;

/// <summary>Cat16 (K = 16, double): the raw-vector Entropy and KLDivergence as generated at commit 90e86eb, no input check.</summary>
internal static class Cat16
{
    public static double Entropy(global::System.ReadOnlySpan<double> p)
    {
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, 16, nameof(p));
        return EntropyOfRaw(p);
    }

    public static double KLDivergence(global::System.ReadOnlySpan<double> p, global::System.ReadOnlySpan<double> q)
    {
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, 16, nameof(p));
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(q.Length, 16, nameof(q));
        return KLDivergenceOfRaw(p, q);
    }

    /// <summary>H = −Σ p·log p of a raw vector. Callers have checked that every span has length K = 16.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static double EntropyOfRaw(global::System.ReadOnlySpan<double> p)
    {
        ref double pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);
        // K = 16 ≤ UnrollThreshold 16: straight-line code with constant offsets, no loop.
        if (global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef);
            var t0 = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector512<double>.Zero), p0 * global::DivergenceGen.VectorMath.Log(p0), global::System.Runtime.Intrinsics.Vector512<double>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef, 8);
            var t1 = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector512<double>.Zero), p1 * global::DivergenceGen.VectorMath.Log(p1), global::System.Runtime.Intrinsics.Vector512<double>.Zero);
            return 0d - (global::System.Runtime.Intrinsics.Vector512.Sum(t0 + t1));
        }
        if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef);
            var t0 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector256<double>.Zero), p0 * global::DivergenceGen.VectorMath.Log(p0), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, 4);
            var t1 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector256<double>.Zero), p1 * global::DivergenceGen.VectorMath.Log(p1), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
            var p2 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, 8);
            var t2 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p2, global::System.Runtime.Intrinsics.Vector256<double>.Zero), p2 * global::DivergenceGen.VectorMath.Log(p2), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
            var p3 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, 12);
            var t3 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p3, global::System.Runtime.Intrinsics.Vector256<double>.Zero), p3 * global::DivergenceGen.VectorMath.Log(p3), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
            return 0d - (global::System.Runtime.Intrinsics.Vector256.Sum(t0 + t1 + t2 + t3));
        }
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef);
            var t0 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p0 * global::DivergenceGen.VectorMath.Log(p0), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 2);
            var t1 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p1 * global::DivergenceGen.VectorMath.Log(p1), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p2 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 4);
            var t2 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p2, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p2 * global::DivergenceGen.VectorMath.Log(p2), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p3 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 6);
            var t3 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p3, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p3 * global::DivergenceGen.VectorMath.Log(p3), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p4 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 8);
            var t4 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p4, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p4 * global::DivergenceGen.VectorMath.Log(p4), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p5 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 10);
            var t5 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p5, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p5 * global::DivergenceGen.VectorMath.Log(p5), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p6 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 12);
            var t6 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p6, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p6 * global::DivergenceGen.VectorMath.Log(p6), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p7 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 14);
            var t7 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p7, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p7 * global::DivergenceGen.VectorMath.Log(p7), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            return 0d - (global::System.Runtime.Intrinsics.Vector128.Sum(t0 + t1 + t2 + t3 + t4 + t5 + t6 + t7));
        }
        // No SIMD on this CPU: the same sum, one scalar term per element.
        double total = 0;
        total += (p[0] > 0d ? p[0] * global::System.Math.Log(p[0]) : 0d);
        total += (p[1] > 0d ? p[1] * global::System.Math.Log(p[1]) : 0d);
        total += (p[2] > 0d ? p[2] * global::System.Math.Log(p[2]) : 0d);
        total += (p[3] > 0d ? p[3] * global::System.Math.Log(p[3]) : 0d);
        total += (p[4] > 0d ? p[4] * global::System.Math.Log(p[4]) : 0d);
        total += (p[5] > 0d ? p[5] * global::System.Math.Log(p[5]) : 0d);
        total += (p[6] > 0d ? p[6] * global::System.Math.Log(p[6]) : 0d);
        total += (p[7] > 0d ? p[7] * global::System.Math.Log(p[7]) : 0d);
        total += (p[8] > 0d ? p[8] * global::System.Math.Log(p[8]) : 0d);
        total += (p[9] > 0d ? p[9] * global::System.Math.Log(p[9]) : 0d);
        total += (p[10] > 0d ? p[10] * global::System.Math.Log(p[10]) : 0d);
        total += (p[11] > 0d ? p[11] * global::System.Math.Log(p[11]) : 0d);
        total += (p[12] > 0d ? p[12] * global::System.Math.Log(p[12]) : 0d);
        total += (p[13] > 0d ? p[13] * global::System.Math.Log(p[13]) : 0d);
        total += (p[14] > 0d ? p[14] * global::System.Math.Log(p[14]) : 0d);
        total += (p[15] > 0d ? p[15] * global::System.Math.Log(p[15]) : 0d);
        return 0d - (total);
    }

    /// <summary>D = max(0, Σ p·log(p/q)) of raw vectors, one logarithm per element. Callers have checked that every span has length K = 16.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static double KLDivergenceOfRaw(global::System.ReadOnlySpan<double> p, global::System.ReadOnlySpan<double> q)
    {
        ref double pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);
        ref double qRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(q);
        // K = 16 ≤ UnrollThreshold 16: straight-line code with constant offsets, no loop.
        if (global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef);
            var q0 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref qRef);
            var t0 = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector512<double>.Zero), p0 * global::DivergenceGen.VectorMath.LogRatio(p0, q0), global::System.Runtime.Intrinsics.Vector512<double>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef, 8);
            var q1 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref qRef, 8);
            var t1 = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector512<double>.Zero), p1 * global::DivergenceGen.VectorMath.LogRatio(p1, q1), global::System.Runtime.Intrinsics.Vector512<double>.Zero);
            return global::System.Math.Max(global::System.Runtime.Intrinsics.Vector512.Sum(t0 + t1), 0d);
        }
        if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef);
            var q0 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref qRef);
            var t0 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector256<double>.Zero), p0 * global::DivergenceGen.VectorMath.LogRatio(p0, q0), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, 4);
            var q1 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref qRef, 4);
            var t1 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector256<double>.Zero), p1 * global::DivergenceGen.VectorMath.LogRatio(p1, q1), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
            var p2 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, 8);
            var q2 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref qRef, 8);
            var t2 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p2, global::System.Runtime.Intrinsics.Vector256<double>.Zero), p2 * global::DivergenceGen.VectorMath.LogRatio(p2, q2), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
            var p3 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, 12);
            var q3 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref qRef, 12);
            var t3 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p3, global::System.Runtime.Intrinsics.Vector256<double>.Zero), p3 * global::DivergenceGen.VectorMath.LogRatio(p3, q3), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
            return global::System.Math.Max(global::System.Runtime.Intrinsics.Vector256.Sum(t0 + t1 + t2 + t3), 0d);
        }
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef);
            var q0 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef);
            var t0 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p0 * global::DivergenceGen.VectorMath.LogRatio(p0, q0), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 2);
            var q1 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 2);
            var t1 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p1 * global::DivergenceGen.VectorMath.LogRatio(p1, q1), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p2 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 4);
            var q2 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 4);
            var t2 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p2, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p2 * global::DivergenceGen.VectorMath.LogRatio(p2, q2), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p3 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 6);
            var q3 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 6);
            var t3 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p3, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p3 * global::DivergenceGen.VectorMath.LogRatio(p3, q3), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p4 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 8);
            var q4 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 8);
            var t4 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p4, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p4 * global::DivergenceGen.VectorMath.LogRatio(p4, q4), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p5 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 10);
            var q5 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 10);
            var t5 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p5, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p5 * global::DivergenceGen.VectorMath.LogRatio(p5, q5), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p6 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 12);
            var q6 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 12);
            var t6 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p6, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p6 * global::DivergenceGen.VectorMath.LogRatio(p6, q6), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            var p7 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 14);
            var q7 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 14);
            var t7 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p7, global::System.Runtime.Intrinsics.Vector128<double>.Zero), p7 * global::DivergenceGen.VectorMath.LogRatio(p7, q7), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
            return global::System.Math.Max(global::System.Runtime.Intrinsics.Vector128.Sum(t0 + t1 + t2 + t3 + t4 + t5 + t6 + t7), 0d);
        }
        // No SIMD on this CPU: the same sum, one scalar term per element.
        double total = 0;
        total += (p[0] > 0d ? p[0] * global::DivergenceGen.ScalarMath.LogRatio(p[0], q[0]) : 0d);
        total += (p[1] > 0d ? p[1] * global::DivergenceGen.ScalarMath.LogRatio(p[1], q[1]) : 0d);
        total += (p[2] > 0d ? p[2] * global::DivergenceGen.ScalarMath.LogRatio(p[2], q[2]) : 0d);
        total += (p[3] > 0d ? p[3] * global::DivergenceGen.ScalarMath.LogRatio(p[3], q[3]) : 0d);
        total += (p[4] > 0d ? p[4] * global::DivergenceGen.ScalarMath.LogRatio(p[4], q[4]) : 0d);
        total += (p[5] > 0d ? p[5] * global::DivergenceGen.ScalarMath.LogRatio(p[5], q[5]) : 0d);
        total += (p[6] > 0d ? p[6] * global::DivergenceGen.ScalarMath.LogRatio(p[6], q[6]) : 0d);
        total += (p[7] > 0d ? p[7] * global::DivergenceGen.ScalarMath.LogRatio(p[7], q[7]) : 0d);
        total += (p[8] > 0d ? p[8] * global::DivergenceGen.ScalarMath.LogRatio(p[8], q[8]) : 0d);
        total += (p[9] > 0d ? p[9] * global::DivergenceGen.ScalarMath.LogRatio(p[9], q[9]) : 0d);
        total += (p[10] > 0d ? p[10] * global::DivergenceGen.ScalarMath.LogRatio(p[10], q[10]) : 0d);
        total += (p[11] > 0d ? p[11] * global::DivergenceGen.ScalarMath.LogRatio(p[11], q[11]) : 0d);
        total += (p[12] > 0d ? p[12] * global::DivergenceGen.ScalarMath.LogRatio(p[12], q[12]) : 0d);
        total += (p[13] > 0d ? p[13] * global::DivergenceGen.ScalarMath.LogRatio(p[13], q[13]) : 0d);
        total += (p[14] > 0d ? p[14] * global::DivergenceGen.ScalarMath.LogRatio(p[14], q[14]) : 0d);
        total += (p[15] > 0d ? p[15] * global::DivergenceGen.ScalarMath.LogRatio(p[15], q[15]) : 0d);
        return global::System.Math.Max(total, 0d);
    }

}

/// <summary>Cat16F (K = 16, float): the raw-vector Entropy and KLDivergence as generated at commit 90e86eb, no input check.</summary>
internal static class Cat16F
{
    public static float Entropy(global::System.ReadOnlySpan<float> p)
    {
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, 16, nameof(p));
        return EntropyOfRaw(p);
    }

    public static float KLDivergence(global::System.ReadOnlySpan<float> p, global::System.ReadOnlySpan<float> q)
    {
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, 16, nameof(p));
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(q.Length, 16, nameof(q));
        return KLDivergenceOfRaw(p, q);
    }

    /// <summary>H = −Σ p·log p of a raw vector. Callers have checked that every span has length K = 16.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static float EntropyOfRaw(global::System.ReadOnlySpan<float> p)
    {
        ref float pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);
        // K = 16 ≤ UnrollThreshold 16: straight-line code with constant offsets, no loop.
        if (global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef);
            var t0 = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector512<float>.Zero), p0 * global::DivergenceGen.VectorMath.Log(p0), global::System.Runtime.Intrinsics.Vector512<float>.Zero);
            return (float)(0d - (global::DivergenceGen.VectorReductions.SumToDouble(t0)));
        }
        if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef);
            var t0 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector256<float>.Zero), p0 * global::DivergenceGen.VectorMath.Log(p0), global::System.Runtime.Intrinsics.Vector256<float>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, 8);
            var t1 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector256<float>.Zero), p1 * global::DivergenceGen.VectorMath.Log(p1), global::System.Runtime.Intrinsics.Vector256<float>.Zero);
            return (float)(0d - (global::DivergenceGen.VectorReductions.SumToDouble(t0) + global::DivergenceGen.VectorReductions.SumToDouble(t1)));
        }
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef);
            var t0 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector128<float>.Zero), p0 * global::DivergenceGen.VectorMath.Log(p0), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 4);
            var t1 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector128<float>.Zero), p1 * global::DivergenceGen.VectorMath.Log(p1), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
            var p2 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 8);
            var t2 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p2, global::System.Runtime.Intrinsics.Vector128<float>.Zero), p2 * global::DivergenceGen.VectorMath.Log(p2), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
            var p3 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 12);
            var t3 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p3, global::System.Runtime.Intrinsics.Vector128<float>.Zero), p3 * global::DivergenceGen.VectorMath.Log(p3), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
            return (float)(0d - (global::DivergenceGen.VectorReductions.SumToDouble(t0) + global::DivergenceGen.VectorReductions.SumToDouble(t1) + global::DivergenceGen.VectorReductions.SumToDouble(t2) + global::DivergenceGen.VectorReductions.SumToDouble(t3)));
        }
        // No SIMD on this CPU: the same sum, one scalar term per element.
        double total = 0;
        total += (p[0] > 0f ? p[0] * global::System.MathF.Log(p[0]) : 0f);
        total += (p[1] > 0f ? p[1] * global::System.MathF.Log(p[1]) : 0f);
        total += (p[2] > 0f ? p[2] * global::System.MathF.Log(p[2]) : 0f);
        total += (p[3] > 0f ? p[3] * global::System.MathF.Log(p[3]) : 0f);
        total += (p[4] > 0f ? p[4] * global::System.MathF.Log(p[4]) : 0f);
        total += (p[5] > 0f ? p[5] * global::System.MathF.Log(p[5]) : 0f);
        total += (p[6] > 0f ? p[6] * global::System.MathF.Log(p[6]) : 0f);
        total += (p[7] > 0f ? p[7] * global::System.MathF.Log(p[7]) : 0f);
        total += (p[8] > 0f ? p[8] * global::System.MathF.Log(p[8]) : 0f);
        total += (p[9] > 0f ? p[9] * global::System.MathF.Log(p[9]) : 0f);
        total += (p[10] > 0f ? p[10] * global::System.MathF.Log(p[10]) : 0f);
        total += (p[11] > 0f ? p[11] * global::System.MathF.Log(p[11]) : 0f);
        total += (p[12] > 0f ? p[12] * global::System.MathF.Log(p[12]) : 0f);
        total += (p[13] > 0f ? p[13] * global::System.MathF.Log(p[13]) : 0f);
        total += (p[14] > 0f ? p[14] * global::System.MathF.Log(p[14]) : 0f);
        total += (p[15] > 0f ? p[15] * global::System.MathF.Log(p[15]) : 0f);
        return (float)(0d - (total));
    }

    /// <summary>D = max(0, Σ p·log(p/q)) of raw vectors, one logarithm per element. Callers have checked that every span has length K = 16.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static float KLDivergenceOfRaw(global::System.ReadOnlySpan<float> p, global::System.ReadOnlySpan<float> q)
    {
        ref float pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);
        ref float qRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(q);
        // K = 16 ≤ UnrollThreshold 16: straight-line code with constant offsets, no loop.
        if (global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef);
            var q0 = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref qRef);
            var t0 = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector512<float>.Zero), p0 * global::DivergenceGen.VectorMath.LogRatio(p0, q0), global::System.Runtime.Intrinsics.Vector512<float>.Zero);
            return (float)(global::System.Math.Max(global::DivergenceGen.VectorReductions.SumToDouble(t0), 0d));
        }
        if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef);
            var q0 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref qRef);
            var t0 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector256<float>.Zero), p0 * global::DivergenceGen.VectorMath.LogRatio(p0, q0), global::System.Runtime.Intrinsics.Vector256<float>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, 8);
            var q1 = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref qRef, 8);
            var t1 = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector256<float>.Zero), p1 * global::DivergenceGen.VectorMath.LogRatio(p1, q1), global::System.Runtime.Intrinsics.Vector256<float>.Zero);
            return (float)(global::System.Math.Max(global::DivergenceGen.VectorReductions.SumToDouble(t0) + global::DivergenceGen.VectorReductions.SumToDouble(t1), 0d));
        }
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            var p0 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef);
            var q0 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef);
            var t0 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p0, global::System.Runtime.Intrinsics.Vector128<float>.Zero), p0 * global::DivergenceGen.VectorMath.LogRatio(p0, q0), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
            var p1 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 4);
            var q1 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 4);
            var t1 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p1, global::System.Runtime.Intrinsics.Vector128<float>.Zero), p1 * global::DivergenceGen.VectorMath.LogRatio(p1, q1), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
            var p2 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 8);
            var q2 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 8);
            var t2 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p2, global::System.Runtime.Intrinsics.Vector128<float>.Zero), p2 * global::DivergenceGen.VectorMath.LogRatio(p2, q2), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
            var p3 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, 12);
            var q3 = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, 12);
            var t3 = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(p3, global::System.Runtime.Intrinsics.Vector128<float>.Zero), p3 * global::DivergenceGen.VectorMath.LogRatio(p3, q3), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
            return (float)(global::System.Math.Max(global::DivergenceGen.VectorReductions.SumToDouble(t0) + global::DivergenceGen.VectorReductions.SumToDouble(t1) + global::DivergenceGen.VectorReductions.SumToDouble(t2) + global::DivergenceGen.VectorReductions.SumToDouble(t3), 0d));
        }
        // No SIMD on this CPU: the same sum, one scalar term per element.
        double total = 0;
        total += (p[0] > 0f ? p[0] * global::DivergenceGen.ScalarMath.LogRatio(p[0], q[0]) : 0f);
        total += (p[1] > 0f ? p[1] * global::DivergenceGen.ScalarMath.LogRatio(p[1], q[1]) : 0f);
        total += (p[2] > 0f ? p[2] * global::DivergenceGen.ScalarMath.LogRatio(p[2], q[2]) : 0f);
        total += (p[3] > 0f ? p[3] * global::DivergenceGen.ScalarMath.LogRatio(p[3], q[3]) : 0f);
        total += (p[4] > 0f ? p[4] * global::DivergenceGen.ScalarMath.LogRatio(p[4], q[4]) : 0f);
        total += (p[5] > 0f ? p[5] * global::DivergenceGen.ScalarMath.LogRatio(p[5], q[5]) : 0f);
        total += (p[6] > 0f ? p[6] * global::DivergenceGen.ScalarMath.LogRatio(p[6], q[6]) : 0f);
        total += (p[7] > 0f ? p[7] * global::DivergenceGen.ScalarMath.LogRatio(p[7], q[7]) : 0f);
        total += (p[8] > 0f ? p[8] * global::DivergenceGen.ScalarMath.LogRatio(p[8], q[8]) : 0f);
        total += (p[9] > 0f ? p[9] * global::DivergenceGen.ScalarMath.LogRatio(p[9], q[9]) : 0f);
        total += (p[10] > 0f ? p[10] * global::DivergenceGen.ScalarMath.LogRatio(p[10], q[10]) : 0f);
        total += (p[11] > 0f ? p[11] * global::DivergenceGen.ScalarMath.LogRatio(p[11], q[11]) : 0f);
        total += (p[12] > 0f ? p[12] * global::DivergenceGen.ScalarMath.LogRatio(p[12], q[12]) : 0f);
        total += (p[13] > 0f ? p[13] * global::DivergenceGen.ScalarMath.LogRatio(p[13], q[13]) : 0f);
        total += (p[14] > 0f ? p[14] * global::DivergenceGen.ScalarMath.LogRatio(p[14], q[14]) : 0f);
        total += (p[15] > 0f ? p[15] * global::DivergenceGen.ScalarMath.LogRatio(p[15], q[15]) : 0f);
        return (float)(global::System.Math.Max(total, 0d));
    }

}

/// <summary>Cat1M (K = 1048576, double): the raw-vector Entropy and KLDivergence as generated at commit 90e86eb, no input check.</summary>
internal static class Cat1M
{
    public static double Entropy(global::System.ReadOnlySpan<double> p)
    {
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, 1048576, nameof(p));
        return EntropyOfRaw(p);
    }

    public static double KLDivergence(global::System.ReadOnlySpan<double> p, global::System.ReadOnlySpan<double> q)
    {
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, 1048576, nameof(p));
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(q.Length, 1048576, nameof(q));
        return KLDivergenceOfRaw(p, q);
    }

    /// <summary>H = −Σ p·log p of a raw vector. Callers have checked that every span has length K = 1048576.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static double EntropyOfRaw(global::System.ReadOnlySpan<double> p)
    {
        ref double pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);
        // K = 1048576 > UnrollThreshold 16: a SIMD loop with a constant bound, widest vector the CPU has first.
        if (global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector512<double>.Zero;
            for (int i = 0; i < 1048576; i += 8)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector512<double>.Zero), pVec * global::DivergenceGen.VectorMath.Log(pVec), global::System.Runtime.Intrinsics.Vector512<double>.Zero);
                acc += t;
            }
            double sum = global::System.Runtime.Intrinsics.Vector512.Sum(acc);
            // K = 1048576 is a multiple of 8: no tail.
            return 0d - (sum);
        }
        if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector256<double>.Zero;
            for (int i = 0; i < 1048576; i += 4)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector256<double>.Zero), pVec * global::DivergenceGen.VectorMath.Log(pVec), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
                acc += t;
            }
            double sum = global::System.Runtime.Intrinsics.Vector256.Sum(acc);
            // K = 1048576 is a multiple of 4: no tail.
            return 0d - (sum);
        }
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector128<double>.Zero;
            for (int i = 0; i < 1048576; i += 2)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector128<double>.Zero), pVec * global::DivergenceGen.VectorMath.Log(pVec), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
                acc += t;
            }
            double sum = global::System.Runtime.Intrinsics.Vector128.Sum(acc);
            // K = 1048576 is a multiple of 2: no tail.
            return 0d - (sum);
        }
        // No SIMD on this CPU: a scalar loop.
        double total = 0;
        for (int i = 0; i < 1048576; i++)
        {
            total += (p[i] > 0d ? p[i] * global::System.Math.Log(p[i]) : 0d);
        }
        return 0d - (total);
    }

    /// <summary>D = max(0, Σ p·log(p/q)) of raw vectors, one logarithm per element. Callers have checked that every span has length K = 1048576.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static double KLDivergenceOfRaw(global::System.ReadOnlySpan<double> p, global::System.ReadOnlySpan<double> q)
    {
        ref double pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);
        ref double qRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(q);
        // K = 1048576 > UnrollThreshold 16: a SIMD loop with a constant bound, widest vector the CPU has first.
        if (global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector512<double>.Zero;
            for (int i = 0; i < 1048576; i += 8)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef, (nuint)i);
                var qVec = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref qRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector512<double>.Zero), pVec * global::DivergenceGen.VectorMath.LogRatio(pVec, qVec), global::System.Runtime.Intrinsics.Vector512<double>.Zero);
                acc += t;
            }
            double sum = global::System.Runtime.Intrinsics.Vector512.Sum(acc);
            // K = 1048576 is a multiple of 8: no tail.
            return global::System.Math.Max(sum, 0d);
        }
        if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector256<double>.Zero;
            for (int i = 0; i < 1048576; i += 4)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, (nuint)i);
                var qVec = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref qRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector256<double>.Zero), pVec * global::DivergenceGen.VectorMath.LogRatio(pVec, qVec), global::System.Runtime.Intrinsics.Vector256<double>.Zero);
                acc += t;
            }
            double sum = global::System.Runtime.Intrinsics.Vector256.Sum(acc);
            // K = 1048576 is a multiple of 4: no tail.
            return global::System.Math.Max(sum, 0d);
        }
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector128<double>.Zero;
            for (int i = 0; i < 1048576; i += 2)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, (nuint)i);
                var qVec = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector128<double>.Zero), pVec * global::DivergenceGen.VectorMath.LogRatio(pVec, qVec), global::System.Runtime.Intrinsics.Vector128<double>.Zero);
                acc += t;
            }
            double sum = global::System.Runtime.Intrinsics.Vector128.Sum(acc);
            // K = 1048576 is a multiple of 2: no tail.
            return global::System.Math.Max(sum, 0d);
        }
        // No SIMD on this CPU: a scalar loop.
        double total = 0;
        for (int i = 0; i < 1048576; i++)
        {
            total += (p[i] > 0d ? p[i] * global::DivergenceGen.ScalarMath.LogRatio(p[i], q[i]) : 0d);
        }
        return global::System.Math.Max(total, 0d);
    }

}

/// <summary>Cat1MF (K = 1048576, float): the raw-vector Entropy and KLDivergence as generated at commit 90e86eb, no input check.</summary>
internal static class Cat1MF
{
    public static float Entropy(global::System.ReadOnlySpan<float> p)
    {
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, 1048576, nameof(p));
        return EntropyOfRaw(p);
    }

    public static float KLDivergence(global::System.ReadOnlySpan<float> p, global::System.ReadOnlySpan<float> q)
    {
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(p.Length, 1048576, nameof(p));
        global::DivergenceGen.Guard.ThrowIfLengthIsNot(q.Length, 1048576, nameof(q));
        return KLDivergenceOfRaw(p, q);
    }

    /// <summary>H = −Σ p·log p of a raw vector. Callers have checked that every span has length K = 1048576.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static float EntropyOfRaw(global::System.ReadOnlySpan<float> p)
    {
        ref float pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);
        // K = 1048576 > UnrollThreshold 16: a SIMD loop with a constant bound, widest vector the CPU has first.
        if (global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector512<double>.Zero; // float terms are accumulated in double
            for (int i = 0; i < 1048576; i += 16)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector512<float>.Zero), pVec * global::DivergenceGen.VectorMath.Log(pVec), global::System.Runtime.Intrinsics.Vector512<float>.Zero);
                acc += global::System.Runtime.Intrinsics.Vector512.WidenLower(t) + global::System.Runtime.Intrinsics.Vector512.WidenUpper(t);
            }
            double sum = global::System.Runtime.Intrinsics.Vector512.Sum(acc);
            // K = 1048576 is a multiple of 16: no tail.
            return (float)(0d - (sum));
        }
        if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector256<double>.Zero; // float terms are accumulated in double
            for (int i = 0; i < 1048576; i += 8)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector256<float>.Zero), pVec * global::DivergenceGen.VectorMath.Log(pVec), global::System.Runtime.Intrinsics.Vector256<float>.Zero);
                acc += global::System.Runtime.Intrinsics.Vector256.WidenLower(t) + global::System.Runtime.Intrinsics.Vector256.WidenUpper(t);
            }
            double sum = global::System.Runtime.Intrinsics.Vector256.Sum(acc);
            // K = 1048576 is a multiple of 8: no tail.
            return (float)(0d - (sum));
        }
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector128<double>.Zero; // float terms are accumulated in double
            for (int i = 0; i < 1048576; i += 4)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector128<float>.Zero), pVec * global::DivergenceGen.VectorMath.Log(pVec), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
                acc += global::System.Runtime.Intrinsics.Vector128.WidenLower(t) + global::System.Runtime.Intrinsics.Vector128.WidenUpper(t);
            }
            double sum = global::System.Runtime.Intrinsics.Vector128.Sum(acc);
            // K = 1048576 is a multiple of 4: no tail.
            return (float)(0d - (sum));
        }
        // No SIMD on this CPU: a scalar loop.
        double total = 0;
        for (int i = 0; i < 1048576; i++)
        {
            total += (p[i] > 0f ? p[i] * global::System.MathF.Log(p[i]) : 0f);
        }
        return (float)(0d - (total));
    }

    /// <summary>D = max(0, Σ p·log(p/q)) of raw vectors, one logarithm per element. Callers have checked that every span has length K = 1048576.</summary>
    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static float KLDivergenceOfRaw(global::System.ReadOnlySpan<float> p, global::System.ReadOnlySpan<float> q)
    {
        ref float pRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(p);
        ref float qRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(q);
        // K = 1048576 > UnrollThreshold 16: a SIMD loop with a constant bound, widest vector the CPU has first.
        if (global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector512<double>.Zero; // float terms are accumulated in double
            for (int i = 0; i < 1048576; i += 16)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref pRef, (nuint)i);
                var qVec = global::System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref qRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector512<float>.Zero), pVec * global::DivergenceGen.VectorMath.LogRatio(pVec, qVec), global::System.Runtime.Intrinsics.Vector512<float>.Zero);
                acc += global::System.Runtime.Intrinsics.Vector512.WidenLower(t) + global::System.Runtime.Intrinsics.Vector512.WidenUpper(t);
            }
            double sum = global::System.Runtime.Intrinsics.Vector512.Sum(acc);
            // K = 1048576 is a multiple of 16: no tail.
            return (float)(global::System.Math.Max(sum, 0d));
        }
        if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector256<double>.Zero; // float terms are accumulated in double
            for (int i = 0; i < 1048576; i += 8)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref pRef, (nuint)i);
                var qVec = global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref qRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector256<float>.Zero), pVec * global::DivergenceGen.VectorMath.LogRatio(pVec, qVec), global::System.Runtime.Intrinsics.Vector256<float>.Zero);
                acc += global::System.Runtime.Intrinsics.Vector256.WidenLower(t) + global::System.Runtime.Intrinsics.Vector256.WidenUpper(t);
            }
            double sum = global::System.Runtime.Intrinsics.Vector256.Sum(acc);
            // K = 1048576 is a multiple of 8: no tail.
            return (float)(global::System.Math.Max(sum, 0d));
        }
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated)
        {
            var acc = global::System.Runtime.Intrinsics.Vector128<double>.Zero; // float terms are accumulated in double
            for (int i = 0; i < 1048576; i += 4)
            {
                var pVec = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref pRef, (nuint)i);
                var qVec = global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref qRef, (nuint)i);
                var t = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(pVec, global::System.Runtime.Intrinsics.Vector128<float>.Zero), pVec * global::DivergenceGen.VectorMath.LogRatio(pVec, qVec), global::System.Runtime.Intrinsics.Vector128<float>.Zero);
                acc += global::System.Runtime.Intrinsics.Vector128.WidenLower(t) + global::System.Runtime.Intrinsics.Vector128.WidenUpper(t);
            }
            double sum = global::System.Runtime.Intrinsics.Vector128.Sum(acc);
            // K = 1048576 is a multiple of 4: no tail.
            return (float)(global::System.Math.Max(sum, 0d));
        }
        // No SIMD on this CPU: a scalar loop.
        double total = 0;
        for (int i = 0; i < 1048576; i++)
        {
            total += (p[i] > 0f ? p[i] * global::DivergenceGen.ScalarMath.LogRatio(p[i], q[i]) : 0f);
        }
        return (float)(global::System.Math.Max(total, 0d));
    }

}
