#!/usr/bin/env python3
"""Writes continuous_pairs.json: D(P||Q) and H(P, Q) between every ordered pair of the seven continuous families (and
same-family pairs), by numerical integration of the log-densities with mpmath.quad at 40 digits over P's support, split
at the modes, locations and support ends, for ContinuousPairTests and the declarations in ContinuousPairDeclarations.cs.
Independent of the closed forms the generator derives. Run with python3 and mpmath (1.3.0 was used); not part of CI."""
import json, datetime, itertools
import mpmath as mp
mp.mp.dps = 40
inf = mp.inf

def logpdf(family, a, b, x):
    a = mp.mpf(a); b = mp.mpf(b) if b is not None else None
    if family == "Normal":
        return -mp.log(b) - mp.log(2 * mp.pi) / 2 - (x - a) ** 2 / (2 * b * b)
    if family == "LogNormal":
        return -mp.inf if x <= 0 else -mp.log(b) - mp.log(2 * mp.pi) / 2 - mp.log(x) - (mp.log(x) - a) ** 2 / (2 * b * b)
    if family == "Exponential":
        return -mp.inf if x < 0 else mp.log(a) - a * x
    if family == "Gamma":
        return -mp.inf if x <= 0 else a * mp.log(b) + (a - 1) * mp.log(x) - b * x - mp.loggamma(a)
    if family == "Beta":
        return -mp.inf if x <= 0 or x >= 1 else (a - 1) * mp.log(x) + (b - 1) * mp.log(1 - x) - (mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b))
    if family == "Laplace":
        return -mp.log(2 * b) - abs(x - a) / b
    if family == "Uniform":
        return -mp.inf if x < a or x > b else -mp.log(b - a)

def support(family, a, b):
    if family in ("Normal", "Laplace"):
        return (-inf, inf)
    if family in ("LogNormal", "Exponential", "Gamma"):
        return (mp.mpf(0), inf)
    if family == "Beta":
        return (mp.mpf(0), mp.mpf(1))
    return (mp.mpf(a), mp.mpf(b))

def points(family, a, b):
    a = mp.mpf(a); b = mp.mpf(b) if b is not None else None
    if family in ("Normal", "Laplace"):
        return [a]
    if family == "LogNormal":
        return [mp.exp(a)]
    if family == "Exponential":
        return [1 / a]
    if family == "Gamma":
        return [a / b]
    if family == "Beta":
        return [a / (a + b)]
    return []

laws = {
    "Normal": [(0.3, 1.7)],
    "LogNormal": [(0.2, 0.6)],
    "Exponential": [(1.3, None)],
    "Gamma": [(2.5, 1.5)],
    "Beta": [(2.2, 3.5)],
    "Laplace": [(0.4, 0.9)],
    "Uniform": [(0.1, 0.8), (-1.0, 2.0)],
}

cases = []
for (pf, pls), (qf, qls) in itertools.product(laws.items(), laws.items()):
    for pa, pb in pls:
        for qa, qb in qls:
            lo, hi = support(pf, pa, pb)
            qlo, qhi = support(qf, qa, qb)
            if lo < qlo or hi > qhi:
                ce = kl = mp.inf
            else:
                pts = sorted(set([lo] + [t for t in points(pf, pa, pb) + points(qf, qa, qb) if lo < t < hi]
                                 + [t for t in (qlo, qhi) if lo < t < hi] + [hi]))
                if pf == "Laplace" or qf == "Laplace":
                    pts = sorted(set(pts + [t for t in [mp.mpf(pa), mp.mpf(qa)] if lo < t < hi]))
                f_ce = lambda x: -mp.exp(logpdf(pf, pa, pb, x)) * logpdf(qf, qa, qb, x)
                f_kl = lambda x: mp.exp(logpdf(pf, pa, pb, x)) * (logpdf(pf, pa, pb, x) - logpdf(qf, qa, qb, x))
                ce = mp.quad(f_ce, pts, maxdegree=10)
                kl = mp.quad(f_kl, pts, maxdegree=10)
            params = lambda a, b: [a] if b is None else [a, b]
            for kind, v in (("kl", kl), ("cross_entropy", ce)):
                cases.append({"kind": kind, "p": pf, "pParams": params(pa, pb), "q": qf, "qParams": params(qa, qb),
                              "value": "inf" if v == mp.inf else mp.nstr(v, 25)})

doc = {"header": "D(P||Q) and H(P, Q) in nats between continuous families at the parameters listed (constructor order), by "
       "mpmath " + mp.__version__ + " quad at 40 digits of −∫p·log q and ∫p·(log p − log q) over P's support split at the "
       "modes, locations and support ends; 'inf' where P's support is not inside Q's. Written by make_continuous_pairs.py "
       "on " + datetime.date.today().isoformat() + ".", "cases": cases}
with open("continuous_pairs.json", "w") as o:
    json.dump(doc, o, indent=1, ensure_ascii=False)
    o.write("\n")
print(len(cases))
