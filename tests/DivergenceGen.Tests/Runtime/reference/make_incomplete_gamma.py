# Regenerates incomplete_gamma.json (run from this folder: python3 make_incomplete_gamma.py; needs only mpmath, ~1 min).
# Reference values for IncompleteGamma (src/DivergenceGen/Runtime/GammaDistribution.cs), IncompleteGammaTests.cs:
#   P(a, x) = gammainc(a, 0, x, regularized=True), Q(a, x) = gammainc(a, x, inf, regularized=True), lnQ = log(Q)
#   (log1p(-P) where P < 1/2: Q at 50 digits is 1 - P rounded, and P can be 1e-150),
# at mp.dps = 50 on the exact binary inputs (mp.mpf(float) is exact), each rounded once to the nearest double (Python
# repr; a value below the double range is stored as 0.0, its logarithm is still finite). Every value is computed
# twice, at 50 and at 40 digits, and the two must agree to 1e-30 relative (the script stops otherwise).
# mpmath's lower gamma is the series 1F1(1; a + 1; x) with a cap of 6,000 terms; where it stops with NoConvergence
# (x near a large a needs ~sqrt(a) terms), P is that same series with maxterms = 10^8 (lower_series); where the upper
# gamma stops so (its fallback is the same series), Q is mpmath's first choice, the 2F0 series, summed directly for
# x > 1.05a (upper_series; where both run they agree to 1e-53), else Q = 1 - lower_series with 30 extra digits (Q > 1e-20
# asserted). For a >= 1e5 and x > 1.05a, upper_series is used from the start (mpmath's call can take minutes there). For a >= 1e5 each of P and Q is computed only on its
# own side of x = a and the other is 1 minus it (mpmath's upper gamma below a, or its lower gamma above, can take
# minutes), where that complement is > 0.3 (asserted).
#
# Points ("points" array):
#   grid: a in A_GRID times x = a*r for r in RATIOS (1e-3 ... 1e3, and 1 +- 1e-3, 1 +- 1e-6), x = a + 1, a + 1 +- 1e-3,
#         and for a <= 2 the absolute x values in SMALL_X (1e-300 ... 700: P tiny, Q tiny, the x = 1.1 switch);
#   switch: points on both sides of each switch the runtime makes (a = 1; x = 0.5 and 1.1 for a < 1; a = 20 and
#         x/a = 0.7, 1.3 for Temme's expansion; bd0(a, x) = 0.5 where erfcx changes method);
#   random: 150 points log-uniform in a (1e-10 ... 1e10) and x/a (1e-3 ... 1e3), and 100 with a log-uniform in
#         1 ... 1e10 and x = a + z*sqrt(a), z uniform in [-8, 8] (fixed seed);
#   underflow: Q below the double range (only lnQ is meaningful; Q is stored as 0.0).
# Chi-square ("chiSquare" array): nu = 1 ... 400, statistic s a double near the upper quantile for a p-value target
# (p = 0.5, 0.1, 1e-2, 1e-5, 1e-10, 1e-20, 1e-50, 1e-100, 1e-200, 1e-300; each nu gets one target in turn, and
# nu in CHI_FULL gets all ten), found by bisection on the double s; the stored Q = P(chi2_nu > s) = Q(nu/2, s/2) is
# then computed exactly at that s (the target is only how s was chosen). Plus 20 "far" statistics (1600 ... 1e8; Q
# below the double range in 18 of them).
import json
import math
import random

import mpmath as mp

A_GRID = [1e-10, 1e-3, 0.5, 1.0, 1.5, 2.0, 5.0, 10.0, 30.5, 100.0, 1e3, 1e4, 1e6, 1e10]
RATIOS = [1e-3, 1e-2, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.99, 1 - 1e-3, 1 - 1e-6, 1.0, 1 + 1e-6, 1 + 1e-3, 1.01, 1.1,
          1.2, 1.3, 1.5, 2.0, 3.0, 10.0, 100.0, 1e3]
SMALL_X = [1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.1, 0.5, 0.9, 1.0, 1.05, 1.0999999, 1.1, 1.1000001, 1.5, 2.0, 5.0,
           10.0, 20.0, 50.0, 100.0, 300.0, 700.0]
P_TARGETS = [0.5, 0.1, 1e-2, 1e-5, 1e-10, 1e-20, 1e-50, 1e-100, 1e-200, 1e-300]
CHI_FULL = [1, 2, 3, 5, 10, 30, 100, 400]


def lower_series(A, X):
    # mpmath's own lower-gamma series, x^a e^-x/Gamma(a + 1) * 1F1(1; a + 1; x), with a larger term cap; the exponent
    # cancels ~log10(a ln a) digits (12 at a = 1e10), so it is formed with 20 more.
    with mp.extradps(20):
        return +(mp.hyp1f1(1, A + 1, X, maxterms=10**8) * mp.exp(A * mp.log(X) - X - mp.loggamma(A + 1)))


def upper_series(A, X):
    # Q = x^(a-1) e^-x/Gamma(a) * sum_n (a-1)(a-2)...(a-n)/x^n, the 2F0 series mpmath's upper gamma tries first, summed
    # here directly for x > 1.05a, large a (mpmath's own call can take minutes there): the term ratio (a - n - 1)/x has
    # modulus below a/x < 0.96 until n ~ a + x, so the terms fall geometrically; 20 extra digits for the exponent.
    with mp.extradps(20):
        total, term, n = mp.mpf(1), mp.mpf(1), 0
        while abs(term) > mp.eps * abs(total) / 10**10:
            n += 1
            term *= (A - n) / X
            total += term
            assert n < 10**6
        return +(total * mp.exp((A - 1) * mp.log(X) - X - mp.loggamma(A)))


def p_and_q(a, x, dps):
    mp.mp.dps = dps
    A, X = mp.mpf(a), mp.mpf(x)

    def lower():
        try:
            return mp.gammainc(A, 0, X, regularized=True)
        except mp.libmp.NoConvergence:
            return lower_series(A, X)

    def upper():
        if a >= 1e5 and x > 1.05 * a:
            return upper_series(A, X)
        try:
            return mp.gammainc(A, X, mp.inf, regularized=True)
        except mp.libmp.NoConvergence:
            if x > 1.05 * a:
                return upper_series(A, X)
            with mp.extradps(30):  # x near a large a: 1 - P with 30 digits to spare
                q = 1 - lower_series(A, X)
            assert q > 1e-20
            return +q

    if a >= 1e5:  # each directly only on its own side of x = a, where the other is > 0.3
        if x >= a:
            q = upper()
            assert q < 0.7
            return 1 - q, q
        p = lower()
        assert p < 0.7
        return p, 1 - p
    return lower(), upper()


def log_of(p, q):
    # ln Q; where P < 1/2 as log1p(-P), since Q = 1 - P itself has only 50 digits absolute (P = 1e-150 would give 0).
    return mp.log1p(-p) if p < 0.5 else mp.log(q)


def same(u, v):
    return u == v or abs(u - v) <= mp.mpf(10) ** -30 * max(abs(u), abs(v))


def row(a, x, kind):
    p, q = p_and_q(a, x, 50)
    p2, q2 = p_and_q(a, x, 40)
    mp.mp.dps = 50
    assert same(p, p2) and same(q, q2), (a, x)
    assert abs(p + q - 1) < mp.mpf(10) ** -45, (a, x)
    return {"a": a, "x": x, "P": float(p), "Q": float(q), "lnQ": float(log_of(p, q)), "kind": kind}


def bd0_root(a, t, side):
    # x with a*(lambda - 1 - ln lambda) = t on the given side of lambda = 1 (mpmath root, rounded to a double).
    mp.mp.dps = 50
    f = lambda lam: a * (lam - 1 - mp.log(lam)) - t
    guess = 1 + side * math.sqrt(2 * t / a)
    return float(a * mp.findroot(f, guess))


def points():
    out = []
    seen = set()

    def add(a, x, kind):
        if x >= 0 and (a, x) not in seen:
            seen.add((a, x))
            out.append(row(a, x, kind))

    for a in A_GRID:
        for r in RATIOS:
            add(a, a * r, "grid")
        for x in (a + 1, a + 1 - 1e-3, a + 1 + 1e-3):
            add(a, x, "grid")
        if a <= 2:
            for x in SMALL_X:
                add(a, x, "grid")
    for a in (1e-10, 0.3, 0.999, 1 - 2**-53, 1.0, 1 + 2**-52):
        for x in (0.4999, 0.5, 0.5001, 1.0, 1.0999, 1.1, 1.1001, 2.0):
            add(a, x, "switch")
    for a in (19.99, 20.0, 20.01, 1e3):
        for r in (0.6999, 0.7, 0.7001, 1.2999, 1.3, 1.3001):
            add(a, a * r, "switch")
    for a in (20.0, 100.0, 1e4, 1e10):
        for side in (-1, 1):
            for t in (0.4995, 0.5005):
                add(a, bd0_root(a, t, side), "switch")
    rng = random.Random(20240611)
    for _ in range(150):  # log-uniform a in [1e-10, 1e10], x/a in [1e-3, 1e3]
        a = 10 ** rng.uniform(-10, 10)
        add(a, a * 10 ** rng.uniform(-3, 3), "random")
    for _ in range(100):  # a in [1, 1e10], x within 8 standard deviations of a (the Temme region and its edges)
        a = 10 ** rng.uniform(0, 10)
        add(a, max(a + rng.uniform(-8, 8) * math.sqrt(a), 0.0), "random")
    for a, xs in ((1e-10, [800.0, 1e3, 1e6, 1e300]), (0.5, [800.0, 1e4, 1e6]), (1.0, [1e3, 1e10]),
                  (5.0, [1e3, 1e100]), (100.0, [1e3, 1e4]), (1e4, [1.3e4, 2e4]), (1e6, [1.1e6, 1.5e6, 1e7]),
                  (1e10, [1.001e10, 1.01e10, 1.1e10, 1.3e10, 2e10])):
        for x in xs:
            add(a, x, "underflow")
    return out


def log_q(nu, s, dps=30):
    mp.mp.dps = dps
    return mp.log(mp.gammainc(mp.mpf(nu) / 2, mp.mpf(s) / 2, mp.inf, regularized=True))


def statistic_for(nu, p):
    target = math.log(p)
    lo, hi = 0.0, nu + 4 * (-target) + 4 * math.sqrt(nu * -target) + 10
    while log_q(nu, hi) > target:
        hi *= 2
    for _ in range(60):  # bisection on the double; stops early at 1e-7 relative
        mid = 0.5 * (lo + hi)
        if log_q(nu, mid) > target:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-7 * hi:
            break
    return hi


def chi_row(nu, s, kind):
    mp.mp.dps = 50
    q = mp.gammainc(mp.mpf(nu) / 2, mp.mpf(s) / 2, mp.inf, regularized=True)
    mp.mp.dps = 40
    q2 = mp.gammainc(mp.mpf(nu) / 2, mp.mpf(s) / 2, mp.inf, regularized=True)
    mp.mp.dps = 50
    assert same(q, q2), (nu, s)
    return {"nu": nu, "statistic": s, "Q": float(q), "lnQ": float(mp.log(q)), "kind": kind}


def chi_square():
    out = []
    for nu in range(1, 401):
        targets = P_TARGETS if nu in CHI_FULL else [P_TARGETS[nu % len(P_TARGETS)]]
        for p in targets:
            out.append(chi_row(nu, statistic_for(nu, p), "quantile"))
    for nu in (1, 2, 10, 100, 400):
        for s in (1600.0, 5000.0, 1e5, 1e8):
            out.append(chi_row(nu, s, "far"))
    return out


header = {
    "provenance": "make_incomplete_gamma.py, mpmath " + mp.__version__ + ", mp.dps = 50 (checked against mp.dps = 40 to "
    + "1e-30), gammainc(a, 0, x, regularized=True), gammainc(a, x, inf, regularized=True) and log of the latter (log1p(-P) where P < 1/2), on "
    + "the exact binary inputs, each rounded once to the nearest double; where mpmath's lower-gamma series hits its "
    + "term cap, the same 1F1 series with maxterms = 1e8; for a >= 1e5 and x > 1.05a, Q by mpmath's 2F0 series summed "
    + "directly; for a >= 1e5 the side of x = a not computed directly is 1 minus the other (only where that complement "
    + "is > 0.3; see the script).",
}
pts = points()
chi = chi_square()
with open("incomplete_gamma.json", "w", encoding="utf-8", newline="\n") as f:
    f.write("{\n")
    for key, value in header.items():
        f.write(" " + json.dumps(key) + ": " + json.dumps(value) + ",\n")
    for name, rows in (("points", pts), ("chiSquare", chi)):
        f.write(" " + json.dumps(name) + ": [\n")
        f.write(",\n".join("  " + json.dumps(r) for r in rows))
        f.write("\n ]" + (",\n" if name == "points" else "\n"))
    f.write("}\n")
print(len(pts), len(chi))
