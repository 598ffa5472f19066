#!/usr/bin/env python3
"""Writes continuous_reference.json: 50-digit mpmath values of the continuous families' KL divergences, entropies and
log-densities at the exact double inputs listed below (near-equal pairs 1e-3 ... 1e-12 apart, tiny and huge shapes),
for ContinuousReferenceTests. Run with python3 and mpmath (1.3.0 was used); not part of the build or CI."""
import json, datetime
import mpmath as mp
mp.mp.dps = 50

def f(x):  # a double's exact value
    return mp.mpf(x)

def out(v):
    v = mp.mpf(v)
    if mp.isinf(v):
        return "inf" if v > 0 else "-inf"
    return float(mp.nstr(v, 20, min_fixed=-mp.inf, max_fixed=mp.inf)) if False else mp.nstr(v, 25)

def kl_normal(m1, s1, m2, s2):
    m1, s1, m2, s2 = map(f, (m1, s1, m2, s2))
    return ((m1 - m2) / s2) ** 2 / 2 + (s1 / s2) ** 2 / 2 - mp.mpf(1) / 2 - mp.log(s1 / s2)

def kl_exponential(a, b):
    a, b = f(a), f(b)
    return mp.log(a / b) + b / a - 1

def kl_laplace(m1, b1, m2, b2):
    m1, b1, m2, b2 = map(f, (m1, b1, m2, b2))
    d = abs(m1 - m2)
    return mp.log(b2 / b1) + d / b2 + (b1 / b2) * mp.exp(-d / b1) - 1

def kl_gamma(a1, r1, a2, r2):
    a1, r1, a2, r2 = map(f, (a1, r1, a2, r2))
    return (a1 - a2) * mp.digamma(a1) - mp.loggamma(a1) + mp.loggamma(a2) + a2 * (mp.log(r1) - mp.log(r2)) + a1 * (r2 - r1) / r1

def logbeta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)

def kl_beta(a1, b1, a2, b2):
    a1, b1, a2, b2 = map(f, (a1, b1, a2, b2))
    return (logbeta(a2, b2) - logbeta(a1, b1) + (a1 - a2) * mp.digamma(a1) + (b1 - b2) * mp.digamma(b1)
            + (a2 - a1 + b2 - b1) * mp.digamma(a1 + b1))

def h_gamma(a, r):
    a, r = f(a), f(r)
    return a - mp.log(r) + mp.loggamma(a) + (1 - a) * mp.digamma(a)

def h_beta(a, b):
    a, b = f(a), f(b)
    return logbeta(a, b) - (a - 1) * mp.digamma(a) - (b - 1) * mp.digamma(b) + (a + b - 2) * mp.digamma(a + b)

def lp_gamma(x, a, r):
    x, a, r = f(x), f(a), f(r)
    return a * mp.log(r) + (a - 1) * mp.log(x) - r * x - mp.loggamma(a)

def lp_beta(x, a, b):
    x, a, b = f(x), f(a), f(b)
    return (a - 1) * mp.log(x) + (b - 1) * mp.log(1 - x) - logbeta(a, b)

cases = []
def add(kind, family, params, value):
    cases.append({"kind": kind, "family": family, "params": params, "value": out(value)})

gaps = [1e-3, 1e-6, 1e-9, 1e-12]
for s in [1e-3, 1.0, 7.5, 1e6]:
    for g in gaps:
        add("kl", "Normal", [0.0, s, 0.0, s * (1 + g)], kl_normal(0.0, s, 0.0, s * (1 + g)))
        add("kl", "Normal", [1.0, s, 1.0 + g * s, s], kl_normal(1.0, s, 1.0 + g * s, s))
        add("kl", "Normal", [2.0, s * (1 - g), 2.0 + g * s, s], kl_normal(2.0, s * (1 - g), 2.0 + g * s, s))
for p in [(0, 1, 3, 1e-3), (5, 1e-5, -5, 1e5), (1e10, 2.0, 1e10 + 1, 0.5)]:
    add("kl", "Normal", list(p), kl_normal(*p))
for r in [1e-300, 1e-5, 1.0, 3.5, 1e200]:
    for g in gaps:
        add("kl", "Exponential", [r, r * (1 + g)], kl_exponential(r, r * (1 + g)))
        add("kl", "Exponential", [r * (1 + g), r], kl_exponential(r * (1 + g), r))
for b in [1e-3, 1.0, 40.0]:
    for g in gaps:
        add("kl", "Laplace", [0.0, b, g * b, b], kl_laplace(0.0, b, g * b, b))
        add("kl", "Laplace", [0.0, b, 0.0, b * (1 + g)], kl_laplace(0.0, b, 0.0, b * (1 + g)))
        add("kl", "Laplace", [1.0, b * (1 + g), 1.0 - g * b, b], kl_laplace(1.0, b * (1 + g), 1.0 - g * b, b))
for a in [1e-3, 0.5, 1.0, 3.0, 17.0, 250.0, 1e6]:
    for g in gaps:
        add("kl", "Gamma", [a, 1.0, a * (1 + g), 1.0], kl_gamma(a, 1.0, a * (1 + g), 1.0))
        add("kl", "Gamma", [a, 2.0, a, 2.0 * (1 + g)], kl_gamma(a, 2.0, a, 2.0 * (1 + g)))
for p in [(1e6, 1.0, 1.3e6, 1.0), (0.5, 1.0, 80.0, 3.0), (20.0, 1.0, 1e4, 1.0), (1e-3, 1.0, 5.0, 0.1), (3.0, 1e-8, 0.2, 1e8),
          (1e4, 1e4, 1e4 + 1, 1e4 + 1), (40.0, 1.0, 47.5, 1.0), (2.0, 5.0, 2.5, 5.0)]:
    add("kl", "Gamma", list(p), kl_gamma(*p))
for (a, b) in [(1e-3, 1e-3), (0.5, 0.5), (2.0, 5.0), (30.0, 4.0), (1e4, 1e4)]:
    for g in gaps:
        add("kl", "Beta", [a, b, a * (1 + g), b], kl_beta(a, b, a * (1 + g), b))
        add("kl", "Beta", [a, b, a, b * (1 - g)], kl_beta(a, b, a, b * (1 - g)))
for p in [(0.5, 0.5, 1e3, 2.0), (1e-3, 2.0, 2.0, 1e-3), (1e6, 1e6, 2e6, 1e6), (3.0, 3.0, 3.5, 2.5), (1e4, 1e4, 1e4 + 1, 1e4 + 1),
          (12.0, 30.0, 12.000012, 30.00003), (1e8, 3e8, 1e8 * (1 + 1e-9), 3e8 * (1 + 1e-9)), (50.0, 20.0, 55.0, 22.0), (10.0, 10.0, 9.0, 11.0)]:
    add("kl", "Beta", list(p), kl_beta(*p))
for a in [1e-300, 1e-10, 1e-3, 0.5, 1.0, 9.99, 10.0, 10.5, 1e3, 1e6, 1e10, 1e15]:
    add("entropy", "Gamma", [a, 1.0], h_gamma(a, 1.0))
    add("entropy", "Gamma", [a, 3e5], h_gamma(a, 3e5))
for (a, b) in [(1e-3, 1e-3), (0.5, 0.5), (1.0, 1.0), (2.0, 5.0), (9.5, 12.0), (10.0, 10.0), (1e3, 1e3), (1e6, 1e6), (0.5, 1e6),
               (3.0, 1e8), (1e-3, 50.0), (1e10, 2e10), (12.0, 1e7)]:
    add("entropy", "Beta", [a, b], h_beta(a, b))
for (a, r) in [(1e-3, 1.0), (0.3, 2.0), (1.0, 0.5), (2.5, 1.0), (40.0, 0.25), (1e4, 1e4), (1e8, 1.0), (1e12, 1e-3)]:
    mean = a / r
    for x in [1e-300, mean * 1e-6, mean * 0.5, mean, mean * (1 + 1e-4), mean * 3, mean * 100]:
        add("logpdf", "Gamma", [x, a, r], lp_gamma(x, a, r))
for (a, b) in [(1e-3, 1e-3), (0.5, 0.5), (1.0, 3.0), (2.5, 2.5), (3.0, 7.0), (250.0, 40.0), (1e6, 1e6), (2.0001, 1e5)]:
    m = a / (a + b)
    for x in [1e-200, 1e-8, m * 0.5, m, 0.5, 1 - 1e-9, 0.9999999999999999]:
        add("logpdf", "Beta", [x, a, b], lp_beta(x, a, b))


# Distribution and quantile functions at the exact double inputs (quantiles where p is a double; the reference x is the
# exact root of F(x) = p, found by mpmath's findroot on the 50-digit cdf).
def cdf(family, x, a, b=None):
    x = f(x); a = f(a); b = f(b) if b is not None else None
    if family == "Normal":
        return mp.ncdf(x, mu=a, sigma=b)
    if family == "LogNormal":
        return mp.mpf(0) if x <= 0 else mp.ncdf(mp.log(x), mu=a, sigma=b)
    if family == "Exponential":
        return mp.mpf(0) if x <= 0 else -mp.expm1(-a * x)
    if family == "Gamma":
        return mp.mpf(0) if x <= 0 else mp.gammainc(a, 0, b * x, regularized=True)
    if family == "Beta":
        return mp.mpf(0) if x <= 0 else mp.mpf(1) if x >= 1 else mp.betainc(a, b, 0, x, regularized=True)
    if family == "Laplace":
        z = (x - a) / b
        return mp.exp(z) / 2 if z < 0 else 1 - mp.exp(-z) / 2
    if family == "Uniform":
        return mp.mpf(0) if x <= a else mp.mpf(1) if x >= b else (x - a) / (b - a)

def quantile(family, p, a, b=None):
    p = f(p); a = f(a); b = f(b) if b is not None else None
    if family in ("Normal", "LogNormal"):
        with mp.workdps(700):  # 2p − 1 must keep p = 1e−300's digits
            z = mp.sqrt(2) * mp.erfinv(2 * p - 1)
            return a + b * z if family == "Normal" else mp.exp(a + b * z)
    if family == "Exponential":
        return -mp.log1p(-p) / a
    if family == "Laplace":
        return a + b * mp.log(2 * p) if p < mp.mpf(1) / 2 else a - b * mp.log(2 * (1 - p))
    if family == "Uniform":
        return a + p * (b - a)
    lo, hi = mp.mpf(1) / 2, mp.mpf(1)
    while cdf(family, lo, a, b) > p:
        lo /= 2  # down to the solution's binade, however small (mpmath's exponents are unbounded)
    if family == "Gamma":
        hi = mp.mpf(1)
        while cdf("Gamma", hi, a, b) < p:
            hi *= 2
        lo = hi / 2
        while lo > 0 and cdf("Gamma", lo, a, b) > p:
            lo /= 2
    g = lambda x: cdf(family, x, a, b) - p
    # bisection in log space (geometric midpoints: 600 halvings of the log-ratio, far below 50 digits)
    for _ in range(600):
        mid = mp.sqrt(lo * hi)
        if g(mid) > 0:
            hi = mid
        else:
            lo = mid
    return mp.sqrt(lo * hi)

laws = [("Normal", 1.0, 2.0, [-80.0, -10.0, -1.0, 1.0, 2.5, 10.0, 20.0]),
        ("LogNormal", 0.5, 0.8, [1e-10, 0.1, 1.0, 1.6487212707001282, 10.0, 1e5]),
        ("Exponential", 2.5, None, [1e-20, 1e-5, 0.3, 2.0, 30.0]),
        ("Gamma", 0.3, 2.0, [1e-30, 1e-3, 0.15, 1.0, 20.0]),
        ("Gamma", 4.5, 0.5, [0.01, 3.0, 9.0, 20.0, 80.0]),
        ("Gamma", 1e4, 1e4, [0.95, 0.99, 1.0, 1.01, 1.05]),
        ("Beta", 0.5, 0.5, [1e-12, 0.01, 0.5, 0.99, 0.999999]),
        ("Beta", 2.0, 7.0, [1e-6, 0.1, 0.22, 0.5, 0.95]),
        ("Beta", 200.0, 300.0, [0.3, 0.38, 0.4, 0.42, 0.5]),
        ("Laplace", -1.0, 0.5, [-40.0, -2.0, -1.0, 0.0, 30.0]),
        ("Uniform", -1.0, 3.0, [-0.5, 0.0, 2.9])]
for family, a, b, xs in laws:
    params = [a] if b is None else [a, b]
    for x in xs:
        add("cdf", family, [x] + params, cdf(family, x, a, b))
    for p in [1e-300, 1e-12, 0.01, 0.3, 0.5, 0.9, 0.999, 0.999999999999]:
        if family == "Beta" and p < 1e-200 and a > 100:
            continue  # the quantile underflows
        add("quantile", family, [p] + params, quantile(family, p, a, b))

doc = {"header": "50-digit mpmath " + mp.__version__ + " values (mp.dps = 50) of the continuous families' KL divergences, "
       "entropies and log-densities at the exact double inputs in params (in the constructor's order; logpdf: x first), "
       "written by make_continuous_reference.py on " + datetime.date.today().isoformat() + ". Closed forms: Normal KL "
       "½((μ1−μ2)/σ2)² + ½(σ1/σ2)² − ½ − log(σ1/σ2); Exponential log(λ1/λ2) + λ2/λ1 − 1; Laplace log(b2/b1) + |Δμ|/b2 + "
       "(b1/b2)e^(−|Δμ|/b1) − 1; Gamma and Beta KL, entropies and log-densities with mpmath loggamma and digamma; cdf: ncdf, gammainc, betainc and the closed forms; quantile: erfinv and closed forms, or the root of the 50-digit cdf by bisection in log space for Gamma and Beta.",
       "cases": cases}
with open("continuous_reference.json", "w") as o:
    json.dump(doc, o, indent=1, ensure_ascii=False)
    o.write("\n")
print(len(cases))
