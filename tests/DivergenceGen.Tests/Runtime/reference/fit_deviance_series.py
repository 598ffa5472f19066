# Prints the coefficients of S(z) = Σⱼ zʲ/(2j + 3) = (atanh(√z)/√z − 1)/z on [0, ¼] used by ScalarMath.Deviance and
# VectorMath.Deviance (src/DivergenceGen/Math/VectorMath.Deviance.cs), lowest degree first, and the relative error of
# the polynomial with its coefficients rounded to the element type (measured at 2001 points, 40 digits).
# Run: python3 fit_deviance_series.py (needs only mpmath). Loader's bd0 series is (x − m)·v + 2x·v³·S(v²),
# v = (x − m)/(x + m); |x − m| < ½(x + m) keeps v² ≤ ¼.
import struct

import mpmath as mp

mp.mp.dps = 40
Z_MAX = mp.mpf(1) / 4


def s(z):
    if z == 0:
        return mp.mpf(1) / 3
    r = mp.sqrt(z)
    return (mp.atanh(r) / r - 1) / z


def to_float32(x):
    return struct.unpack("f", struct.pack("f", float(x)))[0]


for name, degree, rounding in (("double", 12, float), ("float", 5, to_float32)):
    coefficients = [rounding(c) for c in reversed(mp.chebyfit(s, [0, Z_MAX], degree + 1))]
    worst = max(
        abs(mp.polyval([mp.mpf(c) for c in reversed(coefficients)], Z_MAX * i / 2000) / s(Z_MAX * i / 2000) - 1)
        for i in range(2001)
    )
    print(name, "degree", degree, "relative error", mp.nstr(worst, 3))
    print("  " + ", ".join(repr(c) for c in coefficients))
