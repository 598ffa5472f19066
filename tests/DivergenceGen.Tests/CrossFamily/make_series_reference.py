# Regenerates series_reference.json (run from this folder: python3 make_series_reference.py; needs only mpmath).
# High-precision references for the truncated-series divergences (method 4): KL(P‖Q) and H(P, Q) summed at 50
# significant digits over k = 0, 1, … until P's remaining mass is below 1e-45, with the exact log-pmfs below.
# "neglect_kl"/"neglect_ce" bound what a series that stops anywhere at or after j0 leaves out, where j0 is the first k
# with remaining mass R(k) = 1 − Σ_{j≤k} p(j) below the tolerance 1e-12:  Σ_{j>j0} p(j)·|log(p(j)/q(j))|  and
# Σ_{j>j0} p(j)·|log q(j)|. The tests allow that plus double rounding.
import json
import mpmath as mp

mp.mp.dps = 50
TOL = mp.mpf("1e-12")


def poisson(lam):
    lam = mp.mpf(lam)
    return lambda k: (mp.mpf(0) if k == 0 else mp.ninf) if lam == 0 else k * mp.log(lam) - lam - mp.loggamma(k + 1)


def geometric(p):
    p = mp.mpf(p)
    return lambda k: (mp.mpf(0) if k == 0 else mp.ninf) if p == 1 else mp.log(p) + k * mp.log1p(-p)


def negbin(r, p):
    r, p = mp.mpf(r), mp.mpf(p)
    if p == 1:
        return lambda k: mp.mpf(0) if k == 0 else mp.ninf
    return lambda k: mp.loggamma(k + r) - mp.loggamma(r) - mp.loggamma(k + 1) + r * mp.log(p) + k * mp.log1p(-p)


def divergences(logp, logq, mode):
    kl = ce = mp.mpf(0)
    mass = mp.mpf(0)
    terms = []
    k = 0
    while True:
        lp = logp(k)
        if lp != mp.ninf:
            pk = mp.exp(lp)
            lq = logq(k)
            if lq == mp.ninf:
                return "inf", "inf", 0, 0
            kl += pk * (lp - lq)
            ce -= pk * lq
            terms.append((pk, abs(lp - lq), abs(lq)))
        else:
            terms.append((mp.mpf(0), mp.mpf(0), mp.mpf(0)))
        mass += mp.exp(lp) if lp != mp.ninf else 0
        if k >= mode and 1 - mass < mp.mpf("1e-45"):
            break
        k += 1
    run = mp.mpf(0)
    j0 = None
    for j, (pk, _, _) in enumerate(terms):
        run += pk
        if 1 - run < TOL:
            j0 = j
            break
    neglect_kl = mp.fsum(pk * a for pk, a, _ in terms[j0 + 1:])
    neglect_ce = mp.fsum(pk * b for pk, _, b in terms[j0 + 1:])
    return kl, ce, neglect_kl, neglect_ce


def num(x):
    return x if isinstance(x, str) else float(x)


cases = []
for lam, q in [(0.5, 0.5), (3, 0.2), (40, 0.05), (3, 0.9), (0, 0.3), (3, 1.0), (0, 1.0)]:
    kl, ce, nk, nc = divergences(poisson(lam), geometric(q), int(lam) + 1)
    cases.append({"pair": "Poisson||Geometric", "P": {"rate": lam}, "Q": {"p": q}, "kl": num(kl), "ce": num(ce), "neglect_kl": num(nk), "neglect_ce": num(nc)})
for p, lam in [(0.5, 1), (0.1, 8), (0.9, 0.2), (1.0, 2.5), (0.5, 0)]:
    kl, ce, nk, nc = divergences(geometric(p), poisson(lam), 0)
    cases.append({"pair": "Geometric||Poisson", "P": {"p": p}, "Q": {"rate": lam}, "kl": num(kl), "ce": num(ce), "neglect_kl": num(nk), "neglect_ce": num(nc)})
for r, p, lam in [(0.5, 0.3, 2), (2.5, 0.4, 3.5), (7, 0.8, 1.5), (2.5, 1.0, 2)]:
    mode = int(max((r - 1) * (1 - p) / p, 0)) + 1
    kl, ce, nk, nc = divergences(negbin(r, p), poisson(lam), mode)
    cases.append({"pair": "NegativeBinomial||Poisson", "P": {"r": r, "p": p}, "Q": {"rate": lam}, "kl": num(kl), "ce": num(ce), "neglect_kl": num(nk), "neglect_ce": num(nc)})
for lam, r, p in [(3, 2.5, 0.4), (0.7, 0.5, 0.5), (12, 7, 0.35)]:
    kl, ce, nk, nc = divergences(poisson(lam), negbin(r, p), int(lam) + 1)
    cases.append({"pair": "Poisson||NegativeBinomial", "P": {"rate": lam}, "Q": {"r": r, "p": p}, "kl": num(kl), "ce": num(ce), "neglect_kl": num(nk), "neglect_ce": num(nc)})

with open("series_reference.json", "w") as out:
    json.dump({"generator": "make_series_reference.py, mpmath " + mp.__version__ + ", 50 digits", "tolerance": 1e-12, "cases": cases}, out, indent=1)
    out.write("\n")
print(len(cases))
