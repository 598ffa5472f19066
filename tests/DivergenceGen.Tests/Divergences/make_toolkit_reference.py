#!/usr/bin/env python3
"""Reference values for the divergence toolkit (issue 17): Jensen-Shannon, Hellinger, total variation, Bhattacharyya,
Jeffreys, Renyi and PSI between pairs of probability vectors, computed with mpmath at 50 significant digits on the
exact double (or float) inputs stored beside them. Run by hand (not in CI):

    python3 make_toolkit_reference.py > toolkit_reference.json

A second list, "bernoulli", holds Bernoulli(p) || Bernoulli(q) for the instance members: the vectors [1 - p, p] in
exact arithmetic, near-equal pairs down to 1e-12 apart. A third list, "binomial", holds Binomial(n, p) || Binomial(n, q)
(n = 1 ... 10,000) from the exact pmf vectors over the whole support (the same definitions).

Definitions (natural logs; 0*log 0 = 0):
  js            1/2 sum[p log(p/m) + q log(q/m)], m = (p+q)/2            (exact inputs; no normalisation assumed)
  hellinger     sqrt(1/2 sum (sqrt p - sqrt q)^2)
  tv            1/2 sum |p - q|
  bhattacharyya -log BC where BC = sum sqrt(pq) < 1/2, else -log1p(-H^2), H^2 = 1/2 sum (sqrt p - sqrt q)^2
                (the two agree when both sums are 1; the library computes this form)
  bhattacharyya_bc  -log sum sqrt(p q)                                     (the textbook form, for comparison)
  jeffreys      sum (p - q) log(p/q)                                      (+inf where exactly one of p, q is 0)
  psi[eps]      jeffreys with zero bins replaced by eps
  renyi[a]      log1p(S)/(a-1), S = sum_{p>0} p expm1((a-1) log(p/q))      (P taken as normalised: continuous at a = 1),
                where 1 + S >= 1/2, else log(T)/(a-1) with T = sum p^a q^(1-a) (+inf for T = 0),
                with a the double (float for the float cases) nearest the decimal order; negative values, from inputs
                whose sums are not exactly 1, are kept (the library returns 0 there)
                a = 1: sum p log(p/q); a = inf: log max_{p>0} p/q
  scipy_js      scipy.spatial.distance.jensenshannon(p, q) (natural base) if SciPy is installed: sqrt(JS) after SciPy
                renormalises p and q; recorded to document the convention, compared loosely.
"""
import json
import random
import struct
import sys

import mpmath as mp

mp.mp.dps = 50

try:
    import numpy as np
    import scipy
    from scipy.spatial.distance import jensenshannon
except ImportError:  # the values above do not need SciPy
    scipy = None

ALPHAS = ["0", "1e-3", "0.1", "0.25", "0.5", "0.999999", "1", "1.000001", "2", "10", "1000", "inf"]
EPSILONS = ["0", "1e-6", "1e-4"]


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def xlog(x, y):
    """x*log(x/y) with 0 for x = 0 and +inf for y = 0 < x."""
    if x == 0:
        return mp.mpf(0)
    if y == 0:
        return mp.inf
    return x * mp.log(x / y)


def measures(p, q, single):
    P = [mp.mpf(v) for v in p]  # exact: doubles, or mpf values already
    Q = [mp.mpf(v) for v in q]
    out = {}
    js = mp.mpf(0)
    for a, b in zip(P, Q):
        m = (a + b) / 2
        js += xlog(a, m) + xlog(b, m)
    out["js"] = js / 2
    h2 = sum((mp.sqrt(a) - mp.sqrt(b)) ** 2 for a, b in zip(P, Q)) / 2
    out["hellinger"] = mp.sqrt(h2)
    out["tv"] = sum(abs(a - b) for a, b in zip(P, Q)) / 2
    bc = sum(mp.sqrt(a * b) for a, b in zip(P, Q))
    # the library's form: -ln BC where BC < 1/2, -log1p(-H^2) elsewhere (equal when both sums are 1)
    out["bhattacharyya"] = (mp.inf if bc == 0 else -mp.log(bc)) if bc < 0.5 else -mp.log1p(-h2)
    out["bhattacharyya_bc"] = mp.inf if bc == 0 else -mp.log(bc)

    def jeffreys(eps):
        total = mp.mpf(0)
        for a, b in zip(P, Q):
            a2 = eps if a == 0 else a
            b2 = eps if b == 0 else b
            if a2 == b2:
                continue
            if a2 == 0 or b2 == 0:
                return mp.inf
            total += (a2 - b2) * mp.log(a2 / b2)
        return total

    out["jeffreys"] = jeffreys(mp.mpf(0))
    out["psi"] = {e: jeffreys(mp.mpf(e)) for e in EPSILONS}
    renyi = {}
    for s in ALPHAS:
        if s == "1":
            renyi[s] = sum(xlog(a, b) for a, b in zip(P, Q))
            continue
        if s == "inf":
            renyi[s] = max((mp.inf if b == 0 else mp.log(a / b)) for a, b in zip(P, Q) if a > 0)
            continue
        # the order as the library receives it: the double (or float) nearest the decimal, not the decimal itself
        alpha = mp.mpf(f32(float(s)) if single else float(s))
        total = mp.mpf(0)  # S
        direct = mp.mpf(0)  # T = sum p^a q^(1-a)
        infinite = False
        for a, b in zip(P, Q):
            if a == 0:
                continue
            if b == 0:
                if alpha > 1:
                    infinite = True
                    break
                total += -a  # expm1(-inf) = -1
                continue
            total += a * mp.expm1((alpha - 1) * mp.log(a / b))
            direct += a ** alpha * b ** (1 - alpha)
        if infinite:
            renyi[s] = mp.inf
        elif direct == 0:
            renyi[s] = mp.inf  # alpha < 1, disjoint supports
        elif 1 + total >= 0.5:
            renyi[s] = mp.log1p(total) / (alpha - 1)
        else:
            renyi[s] = mp.log(direct) / (alpha - 1)  # the library's form below 1/2
    out["renyi"] = renyi
    return out


def num(x):
    if x == mp.inf:
        return "Infinity"
    return float(mp.nstr(x, 25, strip_zeros=False)) if False else mp.nstr(x, 20)


def normalised(v, single):
    s = sum(v)
    out = [x / s for x in v]
    return [f32(x) for x in out] if single else out


def cases(rng):
    def dirichlet(k):
        return [rng.expovariate(1.0) for _ in range(k)]

    out = []
    for single in (False, True):
        sizes = [6, 17, 1000] if single else [2, 6, 16, 17, 1000]
        for k in sizes:
            tag = ("f" if single else "d") + str(k)
            p = normalised(dirichlet(k), single)
            q = normalised(dirichlet(k), single)
            out.append((tag + "-random", single, p, q))
            if k >= 3:
                # zero bins: some only in p, some only in q, some in both
                pz = dirichlet(k)
                qz = dirichlet(k)
                for i in range(0, k, 3):
                    pz[i] = 0.0
                for i in range(1, k, 5):
                    qz[i] = 0.0
                for i in range(2, k, 7):
                    pz[i] = qz[i] = 0.0
                out.append((tag + "-zero-bins", single, normalised(pz, single), normalised(qz, single)))
                # shared zero bins only (every measure finite)
                ps = dirichlet(k)
                qs = dirichlet(k)
                for i in range(0, k, 4):
                    ps[i] = qs[i] = 0.0
                out.append((tag + "-shared-zeros", single, normalised(ps, single), normalised(qs, single)))
            # disjoint supports
            half = k // 2
            pd = [rng.random() + 0.1 if i < half else 0.0 for i in range(k)]
            qd = [0.0 if i < half else rng.random() + 0.1 for i in range(k)]
            if half > 0:
                out.append((tag + "-disjoint", single, normalised(pd, single), normalised(qd, single)))
            out.append((tag + "-identical", single, p, list(p)))
            out.append((tag + "-point-mass", single, normalised([1.0] + [0.0] * (k - 1), single), q))
            etas = [1e-3] if single else [1e-3, 1e-6, 1e-9, 1e-12]
            if k == 1000 and not single:
                etas = [1e-6, 1e-12]
            for eta in etas:
                qn = [x * (1 + eta * (2 * rng.random() - 1)) for x in p]
                out.append((tag + "-near-%g" % eta, single, p, normalised(qn, single)))
            if not single and k in (6, 17):
                # tiny probabilities, down to subnormal
                pt = dirichlet(k)
                qt = dirichlet(k)
                pt[0], qt[0] = 1e-300, 3e-300
                pt[1], qt[1] = 5e-320, 1e-310
                pt[2], qt[2] = 1e-200, 1e-200 * (1 + 1e-9)
                out.append((tag + "-tiny", single, normalised(pt, single), normalised(qt, single)))
    return out


def main():
    rng = random.Random(20261206)
    rows = []
    for name, single, p, q in cases(rng):
        if "1000-" in name and not any(t in name for t in ("random", "zero-bins", "near-1e-06")):
            continue  # K = 1000 keeps three cases, to keep the file small
        m = measures(p, q, single)
        row = {
            "name": name,
            "single": single,
            "p": [repr(x) for x in p],
            "q": [repr(x) for x in q],
        }
        for key in ("js", "hellinger", "tv", "bhattacharyya", "bhattacharyya_bc", "jeffreys"):
            row[key] = num(m[key])
        row["psi"] = {e: num(v) for e, v in m["psi"].items()}
        row["renyi"] = {a: num(v) for a, v in m["renyi"].items()}
        if scipy is not None:
            with np.errstate(invalid="ignore"):  # SciPy takes sqrt of a rounding residue < 0 for identical inputs: NaN
                row["scipy_js"] = repr(float(jensenshannon(p, q)))
        rows.append(row)
    # Bernoulli(p) || Bernoulli(q) instances: the vectors [1 - p, p] in exact arithmetic (the generated members are
    # given p and q and compute with the exact difference q - p), near-equal pairs down to 1e-12 apart, extreme p.
    bernoulli = []
    pairs = [(0.3, 0.6), (0.0, 0.5), (1.0, 0.5), (0.0, 1.0), (0.5, 0.5), (1e-300, 0.5), (0.25, 1e-300),
             (1 - 2.0 ** -40, 0.5), (0.999, 0.001), (1e-8, 2e-8)]
    for base in (0.4, 1e-5, 0.99):
        for gap in (1e-3, 1e-6, 1e-9, 1e-12):
            pairs.append((base, base * (1 + gap)))
    for p_, q_ in pairs:
        P = [1 - mp.mpf(p_), mp.mpf(p_)]
        Q = [1 - mp.mpf(q_), mp.mpf(q_)]
        m = measures(P, Q, False)
        row = {"p": repr(p_), "q": repr(q_)}
        for key in ("js", "hellinger", "tv", "bhattacharyya", "jeffreys"):
            row[key] = num(m[key])
        row["psi"] = {e: num(v) for e, v in m["psi"].items()}
        row["renyi"] = {a: num(v) for a, v in m["renyi"].items()}
        bernoulli.append(row)
    # Binomial(n, p) || Binomial(n, q) instances: the pmf vectors at 50 digits on the exact p and q (whole support).
    binomial = []
    for n, pairs_n in [
        (1, [(0.3, 0.6), (0.0, 0.5)]),
        (10, [(0.3, 0.6), (0.0, 0.5), (1.0, 0.5), (0.5, 0.5), (0.2, 0.2002), (0.01, 0.99)]),
        (20, [(0.35, 0.4), (0.5, 1.0), (0.1, 0.1001), (1.0, 0.0), (0.3, 0.30000000000030003), (0.7, 0.6999999993)]),
        (1000, [(0.3, 0.31), (0.5, 0.5005), (0.001, 0.002), (0.0, 0.3), (0.5, 0.5000000005), (0.02, 0.020000000000002)]),
        (10000, [(0.3, 0.31), (0.5, 0.5005), (0.01, 0.99), (0.4, 0.40000000004)]),
    ]:
        for p_, q_ in pairs_n:
            P = [mp.binomial(n, k) * mp.mpf(p_) ** k * (1 - mp.mpf(p_)) ** (n - k) for k in range(n + 1)]
            Q = [mp.binomial(n, k) * mp.mpf(q_) ** k * (1 - mp.mpf(q_)) ** (n - k) for k in range(n + 1)]
            m = measures(P, Q, False)
            row = {"n": n, "p": repr(p_), "q": repr(q_)}
            for key in ("js", "hellinger", "tv", "bhattacharyya", "jeffreys"):
                row[key] = num(m[key])
            row["psi"] = {e: num(v) for e, v in m["psi"].items()}
            row["renyi"] = {a: num(v) for a, v in m["renyi"].items()}
            binomial.append(row)
    doc = {
        "provenance": "make_toolkit_reference.py: mpmath %s at 50 digits on the exact inputs%s; seed 20261206"
        % (mp.__version__, "" if scipy is None else ", scipy_js from SciPy %s" % scipy.__version__),
        "cases": rows,
        "bernoulli": bernoulli,
        "binomial": binomial,
    }
    json.dump(doc, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
