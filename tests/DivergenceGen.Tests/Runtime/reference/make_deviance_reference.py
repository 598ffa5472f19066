# Regenerates deviance_reference.json (run from this folder: python3 make_deviance_reference.py; needs only mpmath).
# Loader's deviance bd0(x, m) = x·log(x/m) + m − x at 50 significant digits on the exact binary values of the inputs
# (mp.mpf(float) is exact), for ScalarMath.Deviance and VectorMath.Deviance at every width (DevianceReferenceTests).
# The callers pass the difference x − m beside x and m; here it is the exact difference rounded once to the element
# type ("d"), as the runtime's callers give it (Bernoulli's KL: q − p of the exact inputs).
# The pairs: m at magnitudes 1e−300 … 1e300 and x = m·t for quotients t that cover the series region x/m ∈ (⅓, 3)
# (its centre, its edges ⅓ and 3 and either side of them, and log-uniform draws) and the logarithm's region beyond it
# (up to 1e±6), plus m = 0 < x (+∞) and x = 0 (m). float32 pairs round x and m to float32 first, then d, and their
# reference is computed on those float32 values; pairs whose float32 x or m is 0, subnormal or infinite are dropped
# (the float members compute in float only for normal operands). Seeded, so the file is reproducible.
import json
import random
import struct

import mpmath as mp

mp.mp.dps = 50


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def bd0(x, m):
    x, m = mp.mpf(x), mp.mpf(m)
    if x == 0:
        return m
    if m == 0:
        return mp.inf
    return x * mp.log(x / m) + m - x


def num(v):
    if mp.isinf(v):
        return "inf"
    return mp.nstr(v, 25, min_fixed=1, max_fixed=0)


def quotients(rng):
    fixed = [1.0, 1 + 2.0**-52, 1 - 2.0**-53, 1 + 1e-12, 1 - 1e-9, 1.001, 0.999, 1.03, 0.97, 1.1, 0.9, 1.5, 2 / 3,
             2.0, 0.5, 2.9999999, 3.0, 3.0000001, 1 / 3 + 1e-9, 1 / 3, 1 / 3 - 1e-9, 0.3, 3.5, 5.0, 0.2, 10.0, 0.1,
             1e3, 1e-3, 1e6, 1e-6]
    drawn = [10 ** rng.uniform(-0.48, 0.48) for _ in range(60)] + [10 ** rng.uniform(-6, 6) for _ in range(20)]
    return fixed + drawn


def main():
    rng = random.Random(20261207)
    magnitudes = [1e-300, 3e-200, 1e-10, 1e-3, 0.3, 0.75, 1.0, 7.5, 1e3, 1e10, 2e200, 1e300]
    double_rows, single_rows = [], []
    for m in magnitudes:
        for t in quotients(rng):
            x = m * t
            if not (0 < x < 1.7e308) or x < 2.2250738585072014e-308:
                continue
            d = float(mp.mpf(x) - mp.mpf(m))
            double_rows.append({"x": repr(x), "m": repr(m), "d": repr(d), "bd0": num(bd0(x, m))})
            xs, ms = f32(x), f32(m)
            if min(xs, ms) < 1.1754943508222875e-38 or max(xs, ms) > 3.4028234663852886e38:
                continue
            ds = f32(float(mp.mpf(xs) - mp.mpf(ms)))
            single_rows.append({"x": repr(xs), "m": repr(ms), "d": repr(ds), "bd0": num(bd0(xs, ms))})
    for x, m in [(0.0, 0.25), (0.0, 3.0), (0.5, 0.0), (1e-300, 0.0)]:
        double_rows.append({"x": repr(x), "m": repr(m), "d": repr(float(mp.mpf(x) - mp.mpf(m))), "bd0": num(bd0(x, m))})
        single_rows.append({"x": repr(f32(x)), "m": repr(f32(m)), "d": repr(f32(x - m)), "bd0": num(bd0(f32(x), f32(m)))})
    with open("deviance_reference.json", "w") as f:
        f.write('{"source": ' + json.dumps("make_deviance_reference.py (mpmath " + mp.__version__ + ", 50 digits)") + ",\n")
        for name, rows in (("double", double_rows), ("single", single_rows)):
            f.write(json.dumps(name) + ": [\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]")
            f.write(",\n" if name == "double" else "\n}\n")
    print(len(double_rows), "double rows,", len(single_rows), "single rows")


if __name__ == "__main__":
    main()
