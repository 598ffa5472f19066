#!/usr/bin/env python3
"""Coefficients of the division-free vector exp (PortableVectorMath.Exp.cs). Not run by the build or CI.

Needs python3 with mpmath (Debian python3-mpmath; written with mpmath 1.3.0). Deterministic. Run from anywhere:
    python3 src/DivergenceGen/Math/tools/expcoeffs.py
It prints the C# constants DE2..DE12 (double) and FE2..FE7 (float) and the error of each polynomial.

exp(r) = 1 + r + r^2 * P(r) on the reduced range |r| <= 0.3466 (ln 2 / 2 = 0.34657..., plus the slack of k's rounding).
P approximates g(r) = (e^r - 1 - r) / r^2 = 1/2 + r/6 + ...: Chebyshev interpolation (mpmath.chebyfit, 60 digits) of
degree 10 for double (11 coefficients) and 5 for float (6 coefficients), each coefficient then rounded to the target
precision. The printed error is max |r^2 * P(r) - (e^r - 1 - r)| / e^r over 4001 points with the rounded coefficients,
as a power of two: a fraction 2^(e + 53) (double) or 2^(e + 24) (float) of an ulp of the result at worst.
Degree 9 (double) gives 2^-55.8 and degree 4 (float) 2^-26.5, a tenth of an ulp or more: too much for a 1 ulp promise.
"""
import struct

import mpmath as mp

mp.mp.dps = 60
A = mp.mpf('0.3466')


def g(r):
    if abs(r) < mp.mpf('1e-40'):
        return mp.mpf(1) / 2
    return (mp.expm1(r) - r) / (r * r)


def to_single(x):
    return struct.unpack('<f', struct.pack('<f', float(x)))[0]


def fit(degree, single):
    poly = mp.chebyfit(g, [-A, A], degree + 1)
    coeffs = [float(v) for v in poly[::-1]]  # c2, c3, ... (lowest first)
    if single:
        coeffs = [to_single(v) for v in coeffs]
    worst = mp.mpf(0)
    for i in range(4001):
        r = -A + 2 * A * i / 4000
        p = mp.mpf(0)
        for v in reversed(coeffs):
            p = p * r + mp.mpf(v)
        worst = max(worst, abs(r * r * p - (mp.expm1(r) - r)) / mp.exp(r))
    return coeffs, mp.log(worst, 2)


for name, degree, single in [('DE', 10, False), ('FE', 5, True)]:
    coeffs, err = fit(degree, single)
    print(f'        // max |r^2 P(r) - (e^r - 1 - r)| / e^r = 2^{mp.nstr(err, 4)} on |r| <= {A}')
    for k, v in enumerate(coeffs):
        if single:
            print(f'        private const float {name}{k + 2} = {repr(v)}f;'.replace('e-0', 'e-'))
        else:
            print(f'        private const double {name}{k + 2} = {repr(v)};')
