#!/usr/bin/env python3
"""Writes multinomial_reference.json: 50-digit mpmath values of the Multinomial(K, n) entropy, cross-entropy and
log-pmf at exact double inputs, for MultinomialMathTests, plus the project oracle's Multinomial cases copied verbatim
(from /work/shared/oracle/public/*.json, family containing "Multinomial"). Run with python3 and mpmath (1.3.0 was
used); not part of the build or CI. Takes a few minutes (the n = 1e9 and 2^31 - 1 cases sum ~10^6 binomial terms).

Definitions (mp.dps = 50, every input the exact value of the stored double):
  logpmf:   ln n! - sum ln x_i! + sum x_i ln p_i (literal, the stored p; 0 ln 0 = 0).
  entropy:  H = -ln n! - n sum p_i ln p_i + sum_i E[ln X_i!], X_i ~ Binomial(n, p_i), for p normalised (p / sum p; the
            vectors here sum to exactly 1 unless marked "unnormalised"). E[ln X!] is summed directly over
            [mu - t, mu + t] clamped to [0, n], with t from Bernstein's inequality so that the mass outside is below
            e^-90 (its contribution, below e^-90 * ln n!, is < 1e-28 of every value here); n <= 2000: the whole support.
  cross:    H(P, Q) = H(P) + n * sum_{p_i > 0} p_i (lp_i - lq_i) with lp, lq the stored log-probabilities given in the
            case (the stored logarithms define the cross term, as the Categorical cross-entropy's).
"""
import json, datetime, math, sys, time
from fractions import Fraction
import mpmath as mp
mp.mp.dps = 50

def f(x):
    return mp.mpf(x)

def out(v):
    v = mp.mpf(v)
    if mp.isinf(v):
        return "inf" if v > 0 else "-inf"
    return mp.nstr(v, 30)

_cache = {}
def expected_log_factorial(n, p):
    """E[ln X!] for X ~ Binomial(n, p) (p an mpf in (0, 1))."""
    key = (n, p)
    if key in _cache:
        return _cache[key]
    if p == 1:
        r = mp.log(mp.factorial(n)) if n < 10**5 else mp.loggamma(n + 1)
        _cache[key] = r
        return r
    q = 1 - p
    mu = n * p
    if n <= 2000:
        lo, hi = 0, n
    else:
        var = float(mu * q)
        L = 90.0
        t = (2 * L / 3 + math.sqrt((2 * L / 3) ** 2 + 8 * L * var)) / 2
        lo = max(0, int(math.floor(float(mu) - t)))
        hi = min(n, int(math.ceil(float(mu) + t)))
    # P(lo) and ln lo! directly, then the recurrences upward.
    lf = mp.loggamma(lo + 1)
    lp = mp.loggamma(n + 1) - lf - mp.loggamma(n - lo + 1) + (lo * mp.log(p) if lo > 0 else 0) + (n - lo) * mp.log(q)
    prob = mp.exp(lp)
    ratio_pq = p / q
    total = prob * lf
    mass = prob
    for x in range(lo + 1, hi + 1):
        prob *= ratio_pq * (n - x + 1) / x
        lf += mp.log(x)
        total += prob * lf
        mass += prob
    assert abs(mass - 1) < mp.mpf(10) ** -35, (n, p, mass)
    _cache[key] = total
    return total

def entropy(n, ps):
    ps = [f(p) for p in ps]
    s = mp.fsum(ps)
    ps = [p / s for p in ps]
    if n == 0:
        return mp.mpf(0)
    h = -mp.loggamma(n + 1)
    for p in ps:
        if p > 0:
            h += -n * p * mp.log(p) + expected_log_factorial(n, p)
    return h

def logpmf(ps, xs):
    n = sum(xs)
    v = mp.loggamma(n + 1)
    for p, x in zip(ps, xs):
        if x == 0:
            continue
        if p == 0:
            return mp.ninf
        v += -mp.loggamma(x + 1) + x * mp.log(f(p))
    return v

def exact_sum_one(raw):
    """Doubles near raw (largest first in raw[0]?) whose exact sum is 1: every entry but the largest rounded to a
    multiple of 2^-53, the largest = 1 - the rest (a multiple of 2^-53 in [2^-7, 1): exact)."""
    k = max(range(len(raw)), key=lambda i: raw[i])
    grid = 2.0 ** -53
    ps = [0.0 if r == 0 else round(r / grid) * grid for r in raw]
    rest = sum(Fraction(p) for i, p in enumerate(ps) if i != k)
    ps[k] = float(1 - rest)
    assert Fraction(ps[k]) == 1 - rest and sum(Fraction(p) for p in ps) == 1
    return ps

def stored_log(p):
    return float(mp.log(f(p))) if p > 0 else float("-inf")

def js(values):  # JSON has no infinities: -inf as the string "-inf"
    return [v if math.isfinite(v) else ("-inf" if v < 0 else "inf") for v in values]

vectors = {
    "K2-half": [0.5, 0.5],
    "K2-0.7": exact_sum_one([0.7, 0.3]),
    "K2-tiny": exact_sum_one([1 - 1e-12, 1e-12]),
    "K3": exact_sum_one([0.2, 0.3, 0.5]),
    "K3-zero": [0.5, 0.0, 0.5],
    "K3-unnormalised": [0.2, 0.3, 0.5],
    "K6-die": exact_sum_one([1 / 6] * 6),
    "K6-tiny": exact_sum_one([0.5, 0.3, 0.2 - 3e-12, 1e-12, 1e-12, 1e-12]),
    "K6-zero-tiny": exact_sum_one([0.6, 0.0, 0.4 - 1e-12, 1e-12, 0.0, 0.0]),
    "K16-dyadic": [2.0 ** -(i + 1) for i in range(15)] + [2.0 ** -15],
    "K100-uniform": exact_sum_one([0.01] * 100),
}
# K = 100, distinct classes: a deterministic spread from 1e-12 to ~0.05.
raw = [(1 + (i * 37) % 100) ** 1.5 for i in range(100)]
raw[3] = raw[40] = 0.0
raw[7] = raw[55] = raw[90] = 1e-12 * sum(raw)
vectors["K100-spread"] = exact_sum_one([r / sum(raw) for r in raw])
# a few cross-entropy partners
vectors["K3-near"] = exact_sum_one([0.2 + 1e-6, 0.3, 0.5 - 1e-6])
vectors["K6-other"] = exact_sum_one([0.1, 0.1, 0.2, 0.2, 0.2, 0.2])

small = [0, 1, 2, 3, 7, 20, 100, 1000]
big = [4000, 10**5, 10**7, 10**9]
entropy_plan = {
    "K2-half": small + big + [2**31 - 1],
    "K2-0.7": small + big,
    "K2-tiny": small + big + [2**31 - 1],
    "K3": small + big,
    "K3-zero": [1, 5, 100, 10**6],
    "K3-unnormalised": [10, 1000, 10**7],
    "K6-die": small + big,
    "K6-tiny": small + [10**5, 10**7, 10**9],
    "K6-zero-tiny": [1, 7, 100, 10**6],
    "K16-dyadic": small + [10**5, 10**7],
    "K100-uniform": [1, 3, 20, 1000, 10**5, 10**9],
    "K100-spread": [1, 5, 100, 10**4, 10**6],
}
cross_plan = [
    ("K3", "K3-near", [1, 10, 10**4, 10**9]),
    ("K3", "K3", [5, 10**7]),
    ("K6-die", "K6-other", [0, 2, 100, 10**7]),
    ("K6-zero-tiny", "K6-die", [7, 10**6]),
    ("K6-die", "K6-zero-tiny", [3]),          # P > 0 where Q = 0: +inf
    ("K3-zero", "K3-near", [5, 100]),
    ("K100-uniform", "K100-spread", [20, 10**5]),
]

cases = []
started = time.time()
for name, ns in entropy_plan.items():
    ps = vectors[name]
    for n in ns:
        cases.append({"kind": "entropy", "p": name, "n": n, "value": out(entropy(n, ps))})
    print(name, "%.0fs" % (time.time() - started), file=sys.stderr)

for pn, qn, ns in cross_plan:
    ps, qs = vectors[pn], vectors[qn]
    lps, lqs = [stored_log(p) for p in ps], [stored_log(q) for q in qs]
    for n in ns:
        if n == 0:
            v = mp.mpf(0)
        elif any(p > 0 and q == float("-inf") for p, q in zip(ps, lqs)):
            v = mp.inf
        else:
            v = entropy(n, ps) + n * mp.fsum(f(p) * (f(a) - f(b)) for p, a, b in zip(ps, lps, lqs) if p > 0)
        cases.append({"kind": "cross_entropy", "p": pn, "q": qn, "n": n, "value": out(v)})
print("cross", "%.0fs" % (time.time() - started), file=sys.stderr)

def near_mean(n, ps):
    xs = [int(math.floor(n * p)) for p in ps]
    i = max(range(len(ps)), key=lambda j: ps[j])
    xs[i] += n - sum(xs)
    return xs

logpmf_plan = []
for name in ["K2-half", "K2-0.7", "K2-tiny", "K3", "K3-zero", "K3-unnormalised", "K6-die", "K6-tiny", "K6-zero-tiny",
             "K16-dyadic", "K100-uniform", "K100-spread"]:
    ps = vectors[name]
    k = len(ps)
    big_i = max(range(k), key=lambda j: ps[j])
    pos = [j for j in range(k) if ps[j] > 0]
    small_i = min(pos, key=lambda j: ps[j])
    for n in [1, 2, 10, 1000, 10**6, 10**9, 2**31 - 1]:
        xs = near_mean(n, ps)
        logpmf_plan.append((name, ps, xs))
        one = [0] * k; one[big_i] = n
        logpmf_plan.append((name, ps, one))
        one = [0] * k; one[small_i] = n
        logpmf_plan.append((name, ps, one))
        if n >= 10:
            xs = near_mean(n, ps); xs[small_i] += 1; xs[big_i] -= 1   # one more in the smallest class
            logpmf_plan.append((name, ps, xs))
            xs = [0] * k
            for j, c in enumerate(pos):
                xs[c] = n // len(pos)
            xs[pos[0]] += n - sum(xs)
            logpmf_plan.append((name, ps, xs))
            xs = near_mean(n, ps)
            d = int(3 * math.sqrt(n * ps[big_i] * (1 - ps[big_i]))) + 1
            other = max((j for j in pos if j != big_i), key=lambda j: ps[j], default=None)
            if other is not None and xs[big_i] >= d:
                xs[big_i] -= d; xs[other] += d                           # 3 sd away
                logpmf_plan.append((name, ps, xs))
for name, ps, xs in logpmf_plan:
    cases.append({"kind": "logpmf", "p": name, "n": sum(xs), "x": xs, "value": out(logpmf(ps, xs))})
print("logpmf", "%.0fs" % (time.time() - started), file=sys.stderr)

oracle = []
for file in ["logprob", "entropy", "kl", "cross_entropy"]:
    with open("/work/shared/oracle/public/" + file + ".json") as o:
        oracle += [c for c in json.load(o) if "Multinomial" in c["family"]]

doc = {"header": "50-digit mpmath " + mp.__version__ + " values (mp.dps = 50) of the Multinomial(K, n) entropy, "
       "cross-entropy and log-pmf at the exact double inputs listed ('vectors': each law's p and stored log-probabilities lp, the correctly rounded ln p; a case names its vector(s)), written by "
       "make_multinomial_reference.py on " + datetime.date.today().isoformat() + " (see its docstring for the "
       "definitions: entropy of p / sum p by direct summation of E[ln X_i!] over each binomial's bulk with a Bernstein "
       "tail below e^-90; cross-entropy H(P) + n sum p (lp - lq); log-pmf literal). 'oracle': the project oracle's "
       "Multinomial cases (/work/shared/oracle/public/{logprob,entropy,kl,cross_entropy}.json, family containing "
       "'Multinomial'), copied verbatim with their tolerances.",
       "vectors": {name: {"p": ps, "lp": js([stored_log(p) for p in ps])} for name, ps in vectors.items()},
       "cases": cases, "oracle": oracle}
with open("multinomial_reference.json", "w") as o:
    json.dump(doc, o, indent=1, ensure_ascii=False)
    o.write("\n")
print(len(cases), len(oracle), "%.0fs" % (time.time() - started), file=sys.stderr)
