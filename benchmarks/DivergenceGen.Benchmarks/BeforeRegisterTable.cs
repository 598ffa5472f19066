// The Binomial(20) batch log-pmf as main generated it before the table moved into registers (commit d1a8325, the
// Net80_Binomial_N20 snapshot of that commit): log C(20, k) loaded per lane at every width. Copied verbatim (members
// indented, the instance's two cached logs passed to the constructor) so that `-- countbatch-ab` can time before and
// after in one process. Not a kernel to copy.
#pragma warning disable
namespace DivergenceGen.Benchmarks.BeforeRegisterTable;

public readonly struct Bin20
{
    public const int Trials = 20;
    private readonly double _p;
    private readonly double _logP;
    private readonly double _log1mP;

    public Bin20(double p)
    {
        _p = p;
        _logP = global::System.Math.Log(p);
        _log1mP = global::DivergenceGen.ScalarMath.Log1p(-p);
    }

    private void ThrowIfDefault()
    {
        if (_p == 0 & _logP == 0)
        {
            throw new global::System.InvalidOperationException("default instance");
        }
    }

    private static global::System.ReadOnlySpan<double> LogChoose => new double[]
    {
        0d, 2.9957322735539913d, 5.247024072160486d, 7.038783541388542d,
        8.485702524324866d, 9.648853334130546d, 10.565144066004704d, 11.258291246564646d,
        11.743799062346351d, 12.031481134798131d, 12.126791314602455d, 12.031481134798131d,
        11.743799062346351d, 11.258291246564646d, 10.565144066004704d, 9.648853334130546d,
        8.485702524324866d, 7.038783541388542d, 5.247024072160486d, 2.9957322735539913d,
        0d,
    };

    // n ≤ 1024: log C(n, k) from the compile-time table, plus k·log p + (n − k)·log(1 − p) from the cached logs (0·log 0 = 0).
    private double LogPmfInDouble(int k)
    {
        if ((uint)k > (uint)Trials)
        {
            return double.NegativeInfinity;
        }
        return LogChoose[k] + ((double)k > 0d ? (double)k * _logP : 0d) + ((20d - (double)k) > 0d ? (20d - (double)k) * _log1mP : 0d);
    }

    public void LogPmf(global::System.ReadOnlySpan<int> outcomes, global::System.Span<double> destination)
    {
        ThrowIfDefault();
        global::DivergenceGen.Guard.ThrowIfDestinationTooShort(outcomes.Length, destination.Length);
        // log C(n, k) looked up per lane in the compile-time table; k·log p + (n − k)·log(1 − p) in SIMD.
        // Lanes are doubles (outcomes widened to long, then converted).
        ref int kRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(outcomes);
        ref double dRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(destination);
        ref double tableRef = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference(LogChoose);
        int i = 0;
        if (global::System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && outcomes.Length - i >= 8)
        {
            var vLog1mP = global::System.Runtime.Intrinsics.Vector512.Create(_log1mP);
            var vLogP = global::System.Runtime.Intrinsics.Vector512.Create(_logP);
            var last = global::System.Runtime.Intrinsics.Vector512.Create((long)Trials);
            var minusInfinity = global::System.Runtime.Intrinsics.Vector512.Create(double.NegativeInfinity);
            for (; i <= outcomes.Length - 8; i += 8)
            {
                var kLong = global::System.Runtime.Intrinsics.Vector512.WidenLower(global::System.Runtime.Intrinsics.Vector256.ToVector512Unsafe(
                    global::System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref kRef, (nuint)i)));
                var kv = global::System.Runtime.Intrinsics.Vector512.ConvertToDouble(kLong);
                var inSupport = global::System.Runtime.Intrinsics.Vector512.AsDouble(global::System.Runtime.Intrinsics.Vector512.GreaterThanOrEqual(kLong,
                    global::System.Runtime.Intrinsics.Vector512<long>.Zero) & global::System.Runtime.Intrinsics.Vector512.LessThanOrEqual(kLong, last));
                // Per-lane table lookups; an index is clamped into the table as unsigned (a negative outcome becomes the last
                // entry), so every load is in bounds; lanes outside the support are masked to −∞ below.
                var tableK = global::System.Runtime.Intrinsics.Vector512.Create(
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 0), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 1), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 2), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 3), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 4), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 5), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 6), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 7), (uint)Trials)));
                var value = global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(inSupport, tableK
                    + global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan(kv,
                    global::System.Runtime.Intrinsics.Vector512<double>.Zero), kv * vLogP, global::System.Runtime.Intrinsics.Vector512<double>.Zero)
                    + global::System.Runtime.Intrinsics.Vector512.ConditionalSelect(global::System.Runtime.Intrinsics.Vector512.GreaterThan((
                    global::System.Runtime.Intrinsics.Vector512.Create(20d) - kv), global::System.Runtime.Intrinsics.Vector512<double>.Zero),
                    (global::System.Runtime.Intrinsics.Vector512.Create(20d) - kv) * vLog1mP, global::System.Runtime.Intrinsics.Vector512<double>.Zero),
                    minusInfinity);
                global::System.Runtime.Intrinsics.Vector512.StoreUnsafe(value, ref dRef, (nuint)i);
            }
        }
        if (global::System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && outcomes.Length - i >= 4)
        {
            var vLog1mP = global::System.Runtime.Intrinsics.Vector256.Create(_log1mP);
            var vLogP = global::System.Runtime.Intrinsics.Vector256.Create(_logP);
            var last = global::System.Runtime.Intrinsics.Vector256.Create((long)Trials);
            var minusInfinity = global::System.Runtime.Intrinsics.Vector256.Create(double.NegativeInfinity);
            for (; i <= outcomes.Length - 4; i += 4)
            {
                var kLong = global::System.Runtime.Intrinsics.Vector256.WidenLower(global::System.Runtime.Intrinsics.Vector128.ToVector256Unsafe(
                    global::System.Runtime.Intrinsics.Vector128.LoadUnsafe(ref kRef, (nuint)i)));
                var kv = global::System.Runtime.Intrinsics.Vector256.ConvertToDouble(kLong);
                var inSupport = global::System.Runtime.Intrinsics.Vector256.AsDouble(global::System.Runtime.Intrinsics.Vector256.GreaterThanOrEqual(kLong,
                    global::System.Runtime.Intrinsics.Vector256<long>.Zero) & global::System.Runtime.Intrinsics.Vector256.LessThanOrEqual(kLong, last));
                // Per-lane table lookups; an index is clamped into the table as unsigned (a negative outcome becomes the last
                // entry), so every load is in bounds; lanes outside the support are masked to −∞ below.
                var tableK = global::System.Runtime.Intrinsics.Vector256.Create(
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 0), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 1), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 2), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 3), (uint)Trials)));
                var value = global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(inSupport, tableK
                    + global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan(kv,
                    global::System.Runtime.Intrinsics.Vector256<double>.Zero), kv * vLogP, global::System.Runtime.Intrinsics.Vector256<double>.Zero)
                    + global::System.Runtime.Intrinsics.Vector256.ConditionalSelect(global::System.Runtime.Intrinsics.Vector256.GreaterThan((
                    global::System.Runtime.Intrinsics.Vector256.Create(20d) - kv), global::System.Runtime.Intrinsics.Vector256<double>.Zero),
                    (global::System.Runtime.Intrinsics.Vector256.Create(20d) - kv) * vLog1mP, global::System.Runtime.Intrinsics.Vector256<double>.Zero),
                    minusInfinity);
                global::System.Runtime.Intrinsics.Vector256.StoreUnsafe(value, ref dRef, (nuint)i);
            }
        }
        if (global::System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated && outcomes.Length - i >= 2)
        {
            var vLog1mP = global::System.Runtime.Intrinsics.Vector128.Create(_log1mP);
            var vLogP = global::System.Runtime.Intrinsics.Vector128.Create(_logP);
            var last = global::System.Runtime.Intrinsics.Vector128.Create((long)Trials);
            var minusInfinity = global::System.Runtime.Intrinsics.Vector128.Create(double.NegativeInfinity);
            for (; i <= outcomes.Length - 2; i += 2)
            {
                var kLong = global::System.Runtime.Intrinsics.Vector128.WidenLower(global::System.Runtime.Intrinsics.Vector64.ToVector128Unsafe(
                    global::System.Runtime.Intrinsics.Vector64.LoadUnsafe(ref kRef, (nuint)i)));
                var kv = global::System.Runtime.Intrinsics.Vector128.ConvertToDouble(kLong);
                var inSupport = global::System.Runtime.Intrinsics.Vector128.AsDouble(global::System.Runtime.Intrinsics.Vector128.GreaterThanOrEqual(kLong,
                    global::System.Runtime.Intrinsics.Vector128<long>.Zero) & global::System.Runtime.Intrinsics.Vector128.LessThanOrEqual(kLong, last));
                // Per-lane table lookups; an index is clamped into the table as unsigned (a negative outcome becomes the last
                // entry), so every load is in bounds; lanes outside the support are masked to −∞ below.
                var tableK = global::System.Runtime.Intrinsics.Vector128.Create(
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 0), (uint)Trials)),
                    global::System.Runtime.CompilerServices.Unsafe.Add(ref tableRef, (nint)global::System.Math.Min((
                    uint)global::System.Runtime.CompilerServices.Unsafe.Add(ref kRef, i + 1), (uint)Trials)));
                var value = global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(inSupport, tableK
                    + global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan(kv,
                    global::System.Runtime.Intrinsics.Vector128<double>.Zero), kv * vLogP, global::System.Runtime.Intrinsics.Vector128<double>.Zero)
                    + global::System.Runtime.Intrinsics.Vector128.ConditionalSelect(global::System.Runtime.Intrinsics.Vector128.GreaterThan((
                    global::System.Runtime.Intrinsics.Vector128.Create(20d) - kv), global::System.Runtime.Intrinsics.Vector128<double>.Zero),
                    (global::System.Runtime.Intrinsics.Vector128.Create(20d) - kv) * vLog1mP, global::System.Runtime.Intrinsics.Vector128<double>.Zero),
                    minusInfinity);
                global::System.Runtime.Intrinsics.Vector128.StoreUnsafe(value, ref dRef, (nuint)i);
            }
        }
        // Scalar tail: the outcomes left after the widest vectors.
        for (; i < outcomes.Length; i++)
        {
            destination[i] = LogPmfInDouble(outcomes[i]);
        }
    }
}
