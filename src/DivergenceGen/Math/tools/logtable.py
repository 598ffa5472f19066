#!/usr/bin/env python3
"""Constants of the table-driven vector logarithm (PortableVectorMath.Table.cs). Not run by the build or CI.

Needs python3-mpmath (Debian). Deterministic: a fixed seed. Prints the C# tables and coefficients.

Double (16 subintervals): x = 2^k * z with z in [0.703125, 1.40625) taken on the bits (offset 0x3FE6800000000000, so
1.0 sits in the middle of subinterval 9). Subinterval i holds the z whose bits minus the offset have i in their top 4
mantissa bits. For i != 9, invc is a double within about 2^-12 (relative) of 1/centre, drawn at random until
-log(invc) rounds to a double with relative error below about 2^-67 (the best of 60000 draws is kept); log c is that
rounded value. Subinterval 9 has c = 1 exactly (invc = 1, log c = 0), so r = z - 1 is exact near x = 1.
Q: log1p(r) = r + r^2 * Q(r) on r in [-0.0294, 0.03126] (the union of z*invc - 1 over all subintervals), degree 7
(q_minimax): the minimax polynomial for |r| * |(log1p(r) - r)/r^2 - Q(r)|, i.e. the error of r^2 * Q against |r|, which
bounds it against the result in the subinterval where c = 1 (result ~ r) and, loosely, in the others (|result| >= 0.03).
Lawson's iteration (reweighted least squares) on 500 Chebyshev points in 40-digit arithmetic, coefficients rounded to
double, the error checked on 20001 points: 9.7e-18 (0.087 * 2^-53). Until 2026-12 Q had degree 8 (Chebyshev
interpolation, q_coefficients(8), Q0 = -1/2 exactly, error 2.9e-19): one multiply-add and one constant more per log,
the measured maximum 0.543 ulp against 0.600 now (10^8 arguments, docs/vector-maths.md).
"""
import random
import struct

import mpmath as mp


def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def double_table():
    mp.mp.dps = 40
    offset = 0x3FE6800000000000
    rnd = random.Random(12345)
    rows = []
    for i in range(16):
        zlo = from_bits(offset + (i << 48))
        zhi = from_bits(offset + ((i + 1) << 48))
        if i == 9:
            rows.append((1.0, 0.0, None, zlo, zhi))
            continue
        centre = (mp.mpf(zlo) + mp.mpf(zhi)) / 2
        b0 = bits(float(1 / centre))
        best = None
        for _ in range(60000):
            cand = from_bits(b0 + rnd.randint(-(1 << 40), 1 << 40))
            exact = -mp.log(mp.mpf(cand))
            rounded = float(exact)
            err = abs(mp.mpf(rounded) - exact) / abs(exact)
            if best is None or err < best[0]:
                best = (err, cand, rounded)
        rows.append((best[1], best[2], best[0], zlo, zhi))
    return rows


def q_coefficients(degree=8, lo='-0.0294', hi='0.03126'):
    mp.mp.dps = 60
    a, b = mp.mpf(lo), mp.mpf(hi)

    def g(r):
        return (mp.log1p(r) - r) / r ** 2 if abs(r) > mp.mpf('1e-30') else mp.mpf(-1) / 2

    n = degree + 1
    nodes = [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (2 * j + 1) / (2 * n)) for j in range(n)]
    c = mp.lu_solve(mp.matrix([[x ** i for i in range(n)] for x in nodes]), mp.matrix([g(x) for x in nodes]))
    return [float(c[i]) for i in range(n)]


def q_minimax(degree=7, lo='-0.0294', hi='0.03126', points=500, iterations=60):
    mp.mp.dps = 40
    a, b = mp.mpf(lo), mp.mpf(hi)

    def g(r):
        return (mp.log1p(r) - r) / r ** 2

    pts = [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (j + mp.mpf(1) / 2) / points) for j in range(points)]
    f = [g(r) for r in pts]
    wt = [mp.mpf(1) / points] * points
    best = None
    for _ in range(iterations):
        rows = mp.matrix(points, degree + 1)
        rhs = mp.matrix(points, 1)
        for i, r in enumerate(pts):
            s = mp.sqrt(wt[i]) * abs(r)
            for j in range(degree + 1):
                rows[i, j] = s * r ** j
            rhs[i] = s * f[i]
        c, _ = mp.qr_solve(rows, rhs)
        err = [abs(r) * abs(f[i] - sum(c[j] * r ** j for j in range(degree + 1))) for i, r in enumerate(pts)]
        if best is None or max(err) < best[0]:
            best = (max(err), [float(c[j]) for j in range(degree + 1)])
        total = sum(wt[i] * err[i] for i in range(points))
        wt = [wt[i] * err[i] / total for i in range(points)]
    q = best[1]
    worst = max(abs(r) * abs(g(r) - sum(mp.mpf(c) * r ** j for j, c in enumerate(q)))
                for r in (a + (b - a) * i / 20000 for i in range(20001)) if r != 0)
    return q, worst


if __name__ == '__main__':
    rows = double_table()
    for i, (invc, logc, err, zlo, zhi) in enumerate(rows):
        e = 'exact' if err is None else 'log2 rel err %.1f' % float(mp.log(err, 2))
        print('// %2d z in [%r, %r): invc %r, log c %r (%s)' % (i, zlo, zhi, invc, logc, e))
    print('InvCLow  =', ', '.join(repr(r[0]) for r in rows[:8]))
    print('InvCHigh =', ', '.join(repr(r[0]) for r in rows[8:]))
    print('LogCLow  =', ', '.join(repr(r[1]) for r in rows[:8]))
    print('LogCHigh =', ', '.join(repr(r[1]) for r in rows[8:]))
    q, worst = q_minimax()
    print('Q        =', ', '.join(repr(c) for c in q), '(max |r|*|g - Q| %.3g)' % float(worst))


def f32(x):
    return struct.unpack('<f', struct.pack('<f', x))[0]


def f32_bits(x):
    return struct.unpack('<I', struct.pack('<f', x))[0]


def f32_from_bits(b):
    return struct.unpack('<f', struct.pack('<I', b))[0]


def single_table():
    """The float tables: the same 16 subintervals (offset 0x3F340000 = 0.703125), invc a float drawn near 1/centre
    (within about 2^-10 relative) until -log(invc) rounds to a float with relative error below about 2^-38."""
    mp.mp.dps = 30
    offset = 0x3F340000
    rnd = random.Random(54321)
    rows = []
    for i in range(16):
        zlo = f32_from_bits(offset + (i << 19))
        zhi = f32_from_bits(offset + ((i + 1) << 19))
        if i == 9:
            rows.append((1.0, 0.0, None, zlo, zhi))
            continue
        centre = (mp.mpf(zlo) + mp.mpf(zhi)) / 2
        b0 = f32_bits(f32(float(1 / centre)))
        best = None
        for _ in range(20000):
            cand = f32_from_bits(b0 + rnd.randint(-(1 << 13), 1 << 13))
            exact = -mp.log(mp.mpf(cand))
            rounded = f32(float(exact))
            err = abs(mp.mpf(rounded) - exact) / abs(exact)
            if best is None or err < best[0]:
                best = (err, cand, rounded)
        rows.append((best[1], best[2], best[0], zlo, zhi))
    return rows
