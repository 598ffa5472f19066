# Regenerates exp_minus_one.json (run from this folder: python3 make_exp_minus_one.py; needs only mpmath).
# phi(x) = e^x - 1 - x and e^x - 1 at 50 significant digits on the exact double inputs, rounded to double, for the tests of
# ScalarMath/VectorMath.ExpMinusOneMinus and VectorMath.Expm1 (Runtime/ExpMinusOneTests.cs), and the same for x rounded to
# float32 (xf; the float values rounded to float32). Deterministic (fixed seed).
# Inputs: +-2^k for k = -1074 ... 9 (every binade; tiny arguments where phi ~ x^2/2 underflows), uniform draws on
# [-1, 1] (the series), near the +-1 switch, on [-745, 709] (the exp branch), and the overflow boundary.
import json
import random
import struct

import mpmath as mp

mp.mp.dps = 50
rng = random.Random(12)
xs = set()
for k in range(-1074, 10):
    xs.add(2.0 ** k)
    xs.add(-(2.0 ** k))
for _ in range(1000):
    xs.add(rng.uniform(-1, 1))
    xs.add(rng.uniform(-1, 1) * 10 ** rng.uniform(-20, 0))
    xs.add(rng.uniform(-745, 709))
    xs.add(rng.uniform(-5, 5))
for d in range(-40, 41):
    xs.add(1.0 + d * 2.0 ** -52)
    xs.add(-1.0 + d * 2.0 ** -52)
xs.update([709.0, 709.78, 709.782712893384, -708.0, -745.0, 0.0, 88.0, 88.72, -87.0, -103.0])


def rounded(v):
    return float(v) if abs(v) < mp.mpf("1.7976931348623157e308") else float("inf")


def f32(x):
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return float("inf") if x > 0 else float("-inf")


def rounded32(v):
    return f32(float(v)) if abs(v) < mp.mpf("3.4028234663852886e38") else float("inf")


def phi(x):
    """e^x - 1 - x to 50 significant digits: for tiny x the working precision grows with -log10|x| (expm1(x) - x cancels
    about that many digits)."""
    x = mp.mpf(x)
    extra = 0 if x == 0 or abs(x) >= 1 else int(-mp.log10(abs(x))) + 5
    with mp.workdps(60 + extra):
        return +(mp.expm1(x) - x)


rows = []
for x in sorted(xs):
    e = mp.expm1(mp.mpf(x))
    xf = f32(x)
    ef = mp.expm1(mp.mpf(xf))
    rows.append({"x": repr(x), "expm1": repr(rounded(e)), "phi": repr(rounded(phi(x))),
                 "xf": repr(xf), "expm1F": repr(rounded32(ef)), "phiF": repr(rounded32(phi(xf)))})
with open("exp_minus_one.json", "w", encoding="utf-8") as f:
    json.dump({"source": "make_exp_minus_one.py, mpmath " + mp.__version__ + ", 50 digits on the exact double inputs", "rows": rows}, f, indent=0)
print(len(rows))
