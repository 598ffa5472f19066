#!/usr/bin/env python3
"""Writes beta_kl_reference.json: 80-digit mpmath values of KL(Beta(a1, b1) || Beta(a2, b2)) at exact double inputs, for
BetaKLReferenceTests. It covers every regime of ContinuousMath.BetaKLDivergence, with weight on the ones the first
reference set (continuous_reference.json) had few cases of: one shape below 10 and the other at least 10, both below 10
with a sum of at least 10, and one component holding most of a small sum; each as pairs 1e-3 ... 1e-12 apart (in one
shape, in the other, in both) and as pairs far apart. Run with python3 and mpmath (1.3.0 was used); not part of the build
or CI. The precision is adaptive: each value is computed at 80 + log10(largest/smallest parameter) digits and again at
twice that, and accepted only when the two agree to 30 digits (else doubled again): a near-equal pair's value is the
difference of ln Gamma terms up to ~1e9 agreeing to ~1e-24, and a parameter of 1e-300 beside 1e8 needs 300 digits more
(at a fixed 80 digits KL(Beta(1e-300, 1e8) || Beta(1e-300, 3e8)) came out 4.5e-72 instead of 9.0e-301).
The regimes name P's shapes (the largest shape of P "dominant" where it holds more than half of the sum and the other is
below 1/8 of it). K = 3 Dirichlet cases of the same regimes are in VectorFamilies/make_dirichlet_reference.py."""
import json, datetime, math
import mpmath as mp
def logbeta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)

def kl_plain(a1, b1, a2, b2):
    a1, b1, a2, b2 = map(mp.mpf, (a1, b1, a2, b2))
    return (logbeta(a2, b2) - logbeta(a1, b1) + (a1 - a2) * mp.digamma(a1) + (b1 - b2) * mp.digamma(b1)
            + (a2 - a1 + b2 - b1) * mp.digamma(a1 + b1))

def kl_beta(a1, b1, a2, b2):
    dps = 80 + int(math.log10(max(a1, b1, a2, b2)) - math.log10(min(a1, b1, a2, b2)))
    with mp.workdps(dps):
        previous = kl_plain(a1, b1, a2, b2)
    while True:
        dps *= 2
        with mp.workdps(dps):
            value = kl_plain(a1, b1, a2, b2)
            if abs(value - previous) <= mp.mpf(10) ** -30 * abs(value):
                return value
        previous = value

cases = []
seen = set()
def add(regime, a1, b1, a2, b2):
    key = (a1, b1, a2, b2)
    if key in seen or a2 <= 0 or b2 <= 0:
        return
    seen.add(key)
    cases.append({"regime": regime, "params": [a1, b1, a2, b2], "value": mp.nstr(kl_beta(a1, b1, a2, b2), 25)})

def regime(a, b):
    if a + b < 10 and max(a, b) > 8 * min(a, b):
        return "sum < 10, dominant"
    if a >= 10 and b >= 10:
        return "both >= 10"
    if a + b >= 10:
        return "one < 10, sum >= 10" if max(a, b) >= 10 else "both < 10, sum >= 10"
    return "sum < 10"

small = [1e-300, 1e-8, 1e-3, 0.1, 0.5, 1.0, 2.5, 6.0, 9.9]
large = [10.0, 12.0, 150.0, 1e4, 1e8, 1e12]
gaps = [1e-3, -1e-6, 1e-9, -1e-12]
pairs = [(s, l) for s in small for l in large] + [(a, b) for a in [5.0, 6.0, 9.9] for b in [5.0, 7.5, 9.9]] \
    + [(0.5, 0.001), (0.001, 0.5), (2.0, 1e-6), (9.0, 0.01), (0.001, 12.0), (12.0, 0.001), (15.0, 20.0), (1e3, 1e5)] \
    + [(4.0, 1e-6), (9.0, 0.5), (9.5, 0.3), (9.9, 0.2), (2.5, 1e-300), (0.5, 1e-8), (6.0, 1e-3), (1e-3, 1e-8), (1.0, 0.1),
       (0.3, 0.01), (20.0, 1e-6), (1e4, 1e-6), (1e4, 0.5), (12.0, 2.0)]
for a, b in pairs:
    r = regime(a, b)
    for g in gaps:
        add(r, a, b, a * (1 + g), b)
        add(r, a, b, a, b * (1 + g))
        add(r, a, b, a * (1 + g), b * (1 - g / 2))
        add(r, a, b, a * (1 + g), b * (1 + g * 1.001))
    for a2, b2 in [(2 * a, b), (a, 3 * b), (a / 7, b * 1.5), (b, a), (a + 1, b + 1), (1.0, 1.0)]:
        add(r, a, b, a2, b2)
        add(regime(a2, b2), a2, b2, a, b)
# The pair from the note on issue 14: the first reference set's worst case.
add("one < 10, sum >= 10", 0.001, 12.0, 0.000999999, 11.988)

json.dump({
    "header": "mpmath 1.3.0 values (adaptive precision: two precisions, the lower at least 80 digits, agreeing to 30) of KL(Beta(a1, b1) || Beta(a2, b2)) = ln B(a2, b2) - ln B(a1, b1) "
              "+ (a1 - a2)psi(a1) + (b1 - b2)psi(b1) + (a2 - a1 + b2 - b1)psi(a1 + b1) at the exact double inputs params = "
              "[a1, b1, a2, b2], written by make_beta_kl_reference.py on " + datetime.date.today().isoformat()
              + "; regime names the branch of P's shapes. Values to 25 significant digits.",
    "cases": cases,
}, open("beta_kl_reference.json", "w"), indent=1)
print(len(cases), "cases")
