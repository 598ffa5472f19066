# Regenerates near_equal_kl.json (run from this folder: python3 make_near_equal_kl.py; needs only mpmath).
# Same-family KL divergences where the two parameters nearly agree, computed at 50 significant digits on the exact
# binary values of the inputs (mp.mpf(float) is exact; float32 cases are rounded to float32 first, then converted
# exactly). Closed forms, with log1p for log(1 − x):
#   Bernoulli          KL(p‖q) = p·log(p/q) + (1 − p)·log((1 − p)/(1 − q))
#   Binomial(n)        n × Bernoulli
#   Geometric          KL(p‖q) = log(p/q) + ((1 − p)/p)·log((1 − p)/(1 − q))
#   NegativeBinomial   (r, p ‖ r, q): r × Geometric
# Only the Bernoulli and Geometric values are stored; Binomial(n) and NegativeBinomial(r) with equal r are n and r
# times them (the tests multiply, one more rounding of at most ½ ulp).
# The pairs: base values b (tiny, 1e-10, near ½, near 1) and q at gaps 1e-3, 1e-6, 1e-9, 1e-12 from p, relative
# (q = p·(1 ± g)), absolute (q = p ± g) and relative to 1 − p (q = 1 − (1 − p)·(1 ± g)), each in both orders
# (KL(p‖q) and KL(q‖p)); a pair is kept when q is a valid parameter different from p. The q values are the doubles
# (float32s) that this script's arithmetic produced; the tests read p and q from here and never recompute them.
import json
import struct

import mpmath as mp

mp.mp.dps = 50


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def bernoulli(p, q):
    p, q = mp.mpf(p), mp.mpf(q)
    kl = mp.mpf(0)
    if p > 0:
        kl += p * mp.log(p / q)
    if p < 1:
        kl += (1 - p) * (mp.log1p(-p) - mp.log1p(-q))
    return kl


def geometric(p, q):
    p, q = mp.mpf(p), mp.mpf(q)
    kl = mp.log(p / q)
    if p < 1:
        kl += (1 - p) / p * (mp.log1p(-p) - mp.log1p(-q))
    return kl


def pairs(bases, gaps, rnd, lower):
    """(p, q) pairs near each base, both orders; lower is the smallest valid parameter (0 or the first positive one)."""
    out = []
    for b in bases:
        b = rnd(b)
        for g in gaps:
            for q in (b * (1 + g), b * (1 - g), b + g, b - g, 1 - (1 - b) * (1 + g), 1 - (1 - b) * (1 - g)):
                q = rnd(q)
                if lower <= q <= 1 and q != b and (b, q) not in out:
                    out.append((b, q))
                    out.append((q, b))
    return out


def num(x):
    # mpmath rounds to the nearest double (subnormals included); +∞ (q = 1 < p's support) is the string "inf", as in Oracle/.
    return "inf" if x == mp.inf else float(x)


BASES = [1e-300, 1e-10, 0.3, 0.4, 0.5, 0.5 + 2**-30, 0.7, 1 - 2**-40]
BASES_F = [1e-30, 1e-10, 0.3, 0.4, 0.5, 0.7, 1 - 2**-20]
GAPS = [1e-3, 1e-6, 1e-9, 1e-12]
GAPS_F = [1e-2, 1e-3, 1e-5, 1e-6]

def table(pair_list):
    rows = []
    for p, q in pair_list:
        row = {"p": p, "q": q, "bernoulli": num(bernoulli(p, q))}
        if p > 0 and q > 0:
            row["geometric"] = num(geometric(p, q))
        rows.append(row)
    return rows


double = table(pairs(BASES, GAPS, float, 0.0) + [(0.4, 0.4000000001)])
single = table(pairs(BASES_F, GAPS_F, f32, 0.0))
header = {
    "generator": "make_near_equal_kl.py, mpmath " + mp.__version__ + ", 50 significant digits on the exact binary inputs",
    "method": "closed forms in the script's header, log1p for log(1 - x); each value rounded once to the nearest double. "
    + "Binomial(n) is n x bernoulli and NegativeBinomial(r, p || r, q) is r x geometric (the tests multiply).",
}
with open("near_equal_kl.json", "w", encoding="utf-8", newline="\n") as f:
    f.write("{\n")
    for key, value in header.items():
        f.write(" " + json.dumps(key) + ": " + json.dumps(value) + ",\n")
    for name, rows in (("double", double), ("single", single)):
        f.write(" " + json.dumps(name) + ": [\n")
        f.write(",\n".join("  " + json.dumps(row) for row in rows))
        f.write("\n ]" + (",\n" if name == "double" else "\n"))
    f.write("}\n")
print(len(double), len(single))
