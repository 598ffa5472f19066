# Regenerates continuous_special.json (run from this folder: python3 make_continuous_special.py; needs only mpmath).
# Reference values for StandardNormal, IncompleteBeta and IncompleteGamma's inverses (src/DivergenceGen/Runtime), read by
# StandardNormalTests.cs, IncompleteBetaTests.cs and IncompleteGammaInverseTests.cs. Every input is a double used exactly
# (mp.mpf(float) is exact); every value is computed at mp.dps = 50 and again at mp.dps = 40, the two must agree to 1e-30
# relative (the script stops otherwise), and the 50-digit value is rounded once to the nearest double (Python repr; a value
# below the double range is stored as 0.0 and its row says so).
#
# normal: Phi(z) = ncdf(z), 1 - Phi(z) = ncdf(-z), ln Phi(z) (log1p(-ncdf(-z)) for z > 0, where Phi is 1 - tiny), for z on a
#   grid over [-38.5, 38.5] (incl. +-1e-300, +-0.5, both sides of the runtime's switches 0.66291 and sqrt(32), the
#   underflow edge), 200 uniform random z (fixed seed) and, for ln Phi only, z far below (-40 ... -1e150).
# normalQuantile: x = Phi^-1(p) for p on a grid from 5e-324 to 1 - 2^-53 and 150 random p (log-uniform below 1/2 and
#   uniform), by a safeguarded Newton iteration on ln Phi(x) - ln p (or on ln(1 - Phi) - ln(1 - p) above 1/2, with 1 - p
#   exact), to 1e-45 relative.
# beta: I_x(a, b) and 1 - I_x(a, b) for a, b in BETA_PARAMS crossed with x near 0, near the mean, at the mean +- 1, 4
#   standard deviations, near 1 and symmetric cases, plus 150 random points (a, b log-uniform in 1e-3 ... 1e6, x at the mean
#   + z sd). Method: the continued fraction of DLMF 8.17.22 contracted to its even part (TOMS 708's BFRAC; Boost's
#   ibeta_fraction2) on the side where it converges (x < (a + 1)/(a + b + 2), else I_x(a, b) = 1 - I_(1-x)(b, a)), at
#   mp.dps + 30 working digits (so that 1 - I keeps 50 digits even where I is near 1), times x^a (1-x)^b / B(a, b).
#   Cross-checked against mpmath's own betainc (hypergeometric) at every point with max(a, b) <= 100 and x > 1e-200
#   where that converges: agreement to 1e-40 asserted.
# betaInverse: x with I_x(a, b) = p ("lower") or 1 - I_x(a, b) = q ("upper") for p, q in BETA_TARGETS, by a safeguarded
#   Newton iteration on ln I_x(a, b) - ln p in ln x where the solution is below 1/2 and in ln(1 - x) above (I as
#   1 - I_(1-x)(b, a) there); the upper problem is the lower one I_y(b, a) = q for y = 1 - x. Rows whose 40- and 50-digit
#   solutions disagree are left out and printed (the solver loses its bracket where 1 - I rounds to 0).
# gammaInverse: x with P(a, x) = p ("lower") or Q(a, x) = q ("upper") for a in GAMMA_A and p, q in GAMMA_TARGETS; P is the
#   1F1 series x^a e^-x / Gamma(a + 1) * sum x^n/((a+1)...(a+n)) and Q Legendre's continued fraction, each on its own side
#   of x = a + 1 and the other as 1 minus it at 30 extra digits; cross-checked against mpmath's gammainc for a <= 20.
import datetime
import json
import math
import random

import mpmath as mp

BETA_PARAMS = [1e-3, 0.1, 0.5, 1.0, 2.5, 10.0, 100.0, 1e4, 1e6]
BETA_TARGETS = [1e-300, 1e-20, 1e-5, 0.1, 0.5, 0.9]
GAMMA_A = [1e-3, 0.1, 0.5, 1.0, 3.0, 20.0, 1e3, 1e6]
GAMMA_TARGETS = [1e-300, 1e-20, 1e-5, 0.1, 0.5, 0.9]
EXTRA = 30


def same(u, v, tol=30):
    return u == v or abs(u - v) <= mp.mpf(10) ** -tol * max(abs(u), abs(v))


def twice(f):
    # f evaluated at 50 and at 40 digits (with EXTRA working digits on top); returns the 50-digit value.
    mp.mp.dps = 40
    v40 = f()
    mp.mp.dps = 50
    v50 = f()
    assert same(v50, v40), (v50, v40)
    return v50


def dbl(v):
    # The double nearest v; 0.0 below half the least subnormal (Python's float() rounds correctly, subnormals included).
    return float(v)


# ---- the normal distribution --------------------------------------------------------------------------------------

def log_ncdf(z):
    return mp.log1p(-mp.ncdf(-z)) if z > 0 else mp.log(mp.ncdf(z))


def normal_row(z, kind):
    Z = mp.mpf(z)
    cdf = twice(lambda: mp.ncdf(Z))
    comp = twice(lambda: mp.ncdf(-Z))
    lg = twice(lambda: log_ncdf(Z))
    return {"z": z, "cdf": dbl(cdf), "complement": dbl(comp), "logCdf": dbl(lg), "kind": kind}


def solve(g, dg, t0, lo, hi):
    # Safeguarded Newton for an increasing g on [lo, hi] (g(lo) < 0 < g(hi)), to 1e-45 relative in t.
    t = t0 if lo < t0 < hi else (lo + hi) / 2
    for _ in range(400):
        v = g(t)
        if v == 0:
            return t
        if v < 0:
            lo = t
        else:
            hi = t
        try:
            nt = t - v / dg(t)
        except ZeroDivisionError:  # the derivative's denominator underflowed: bisect
            nt = lo
        if not (lo < nt < hi):
            nt = (lo + hi) / 2
        if abs(nt - t) <= mp.mpf(10) ** -(mp.mp.dps - 3) * max(abs(t), mp.mpf(10) ** -300):
            return nt
        t = nt
    raise RuntimeError("no convergence")


def normal_quantile(p):
    P = mp.mpf(p)
    if p <= 0.5:
        g = lambda x: log_ncdf(x) - mp.log(P)
        dg = lambda x: mp.npdf(x) / mp.ncdf(x)
        guess = -mp.sqrt(2 * mp.log(1 / P)) if p < 0.3 else mp.mpf(0)
        return solve(g, dg, guess, mp.mpf(-40), mp.mpf(1))
    Q = 1 - P  # exact for p >= 1/2
    g = lambda x: -(mp.log(mp.ncdf(-x)) - mp.log(Q))
    dg = lambda x: mp.npdf(x) / mp.ncdf(-x)
    return solve(g, dg, mp.sqrt(2 * mp.log(1 / Q)), mp.mpf(-1), mp.mpf(40))


def quantile_row(p, kind):
    x = twice(lambda: normal_quantile(p))
    return {"p": p, "x": dbl(x), "kind": kind}


def normal():
    rows, seen = [], set()

    def add(z, kind):
        if z not in seen:
            seen.add(z)
            rows.append(normal_row(z, kind))

    grid = [0.0, 1e-300, 1e-20, 1e-8, 0.1, 0.5, 0.6629, 0.66291, math.nextafter(0.66291, 1), 0.7, 1.0, 1.5, 2.0, 3.0,
            4.0, 5.0, 5.656854249492381, math.nextafter(5.656854249492381, 9), 6.0, 8.0, 10.0, 15.0, 20.0, 26.0, 30.0,
            35.0, 37.0, 37.5, 38.0, 38.4, 38.47, 38.5]
    for z in grid:
        add(z, "grid")
        add(-z, "grid")
    rnd = random.Random(20260115)
    for _ in range(200):
        add(rnd.uniform(-38.5, 38.5), "random")
    far = []
    for z in [-40.0, -50.0, -100.0, -1e3, -1e5, -1e10, -1e50, -1e100, -1e150]:
        Z = mp.mpf(z)
        lg = twice(lambda: mp.log(mp.ncdf(Z)))
        far.append({"z": z, "cdf": 0.0, "complement": 1.0, "logCdf": dbl(lg), "kind": "logOnly"})
    qs, qseen = [], set()

    def addq(p, kind):
        if p not in qseen:
            qseen.add(p)
            qs.append(quantile_row(p, kind))

    for p in [5e-324, 1e-320, 2.2250738585072014e-308, 1e-300, 1e-250, 1e-200, 1e-100, 1e-50, 1e-30, 1e-20, 1e-15,
              1.4e-11, 1e-10, 1e-7, 1e-5, 1e-3, 0.01, 0.025, 0.05, 0.075, 0.1, 0.2, 0.25, 0.2538, 0.3, 0.4, 0.45, 0.49,
              0.4999999, 0.5, 0.5000001, 0.51, 0.6, 0.75, 0.9, 0.925, 0.975, 0.99, 0.999, 1 - 1e-5, 1 - 1e-10,
              1 - 1e-15, 0.9999999999999999, 1 - 2.0 ** -53]:
        addq(p, "grid")
    for _ in range(100):
        addq(10 ** rnd.uniform(-300, math.log10(0.5)), "random")
    for _ in range(50):
        addq(rnd.uniform(0.0, 1.0), "random")
    return rows + far, qs


# ---- the incomplete beta function -------------------------------------------------------------------------------

def beta_fraction(A, B, X):
    # x^a y^b / B(a, b) / CF, the CF evaluated by Lentz to 1e-(dps + 10); valid (fast) for x < (a + 1)/(a + b + 2).
    Y = 1 - X
    lam1 = A * Y - B * X + 1

    def term(m):
        if m == 0:
            return mp.mpf(0), A * lam1 / (A + 1)
        an = (A + m - 1) * (A + B + m - 1) * m * (B - m) * X * X / (A + 2 * m - 1) ** 2
        bn = m + m * (B - m) * X / (A + 2 * m - 1) + (A + m) * (lam1 + m * (2 - X)) / (A + 2 * m + 1)
        return an, bn

    tiny = mp.mpf(10) ** -(mp.mp.dps + 200)
    f = term(0)[1]
    f = f if f != 0 else tiny
    c, d, m = f, mp.mpf(0), 1
    tol = mp.mpf(10) ** -(mp.mp.dps + 5)
    while True:
        an, bn = term(m)
        d = bn + an * d
        d = d if d != 0 else tiny
        c = bn + an / c
        c = c if c != 0 else tiny
        d = 1 / d
        delta = c * d
        f *= delta
        if abs(delta - 1) < tol:
            break
        m += 1
        assert m < 10 ** 6
    return mp.exp(A * mp.log(X) + B * mp.log(Y) - mp.log(mp.beta(A, B))) / f


def beta_pair(a, b, x):
    # (I, 1 - I) at the current precision (EXTRA more digits inside).
    with mp.extradps(EXTRA):
        A, B, X = mp.mpf(a), mp.mpf(b), mp.mpf(x)
        if X < (A + 1) / (A + B + 2):
            i = beta_fraction(A, B, X)
            c = 1 - i
        else:
            c = beta_fraction(B, A, 1 - X)
            i = 1 - c
    return +i, +c


def beta_row(a, b, x, kind):
    i = twice(lambda: beta_pair(a, b, x)[0])
    c = twice(lambda: beta_pair(a, b, x)[1])
    if max(a, b) <= 100 and 1e-200 < x:
        mp.mp.dps = 50
        with mp.extradps(EXTRA):
            try:
                check = mp.betainc(a, b, 0, x, regularized=True)
                assert same(check, i, 40) or abs(check - i) < mp.mpf(10) ** -60, (a, b, x, check, i)
            except (mp.libmp.NoConvergence, ValueError, ZeroDivisionError):
                pass  # mpmath's hypergeometric sum gives up (its precision cap): the fraction stands alone
    return {"a": a, "b": b, "x": x, "I": dbl(i), "complement": dbl(c), "kind": kind}


def beta_points():
    rows, seen = [], set()

    def add(a, b, x, kind):
        if 0 < x < 1 and (a, b, x) not in seen:
            seen.add((a, b, x))
            rows.append(beta_row(a, b, x, kind))

    for a in BETA_PARAMS:
        for b in BETA_PARAMS:
            mean = a / (a + b)
            sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
            xs = [1e-300, 1e-100, 1e-20, 1e-8, mean, 0.5, 1 - 1e-12, 1 - 1e-6, 0.999]
            for z in (-4, -1, 1, 4):
                xs.append(mean + z * sd)
            xs.append((a + 1) / (a + b + 2))  # the side switch
            xs.append(math.nextafter((a + 1) / (a + b + 2), 0))
            for x in xs:
                add(a, b, x, "grid")
    rnd = random.Random(20260116)
    for _ in range(150):
        a = 10 ** rnd.uniform(-3, 6)
        b = 10 ** rnd.uniform(-3, 6)
        mean = a / (a + b)
        sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
        add(a, b, mean + rnd.uniform(-5, 5) * sd, "random")
    return rows


def beta_inverse(a, b, t, upper):
    # Returns (x, 1 - x). The upper problem 1 - I_x(a, b) = q is the lower one I_y(b, a) = q for y = 1 - x, solved for y
    # directly (so that y = e^-690000 is as good as y = 0.1).
    if upper:
        y, x = beta_inverse(b, a, t, False)
        return x, y
    A, B, T = mp.mpf(a), mp.mpf(b), mp.mpf(t)
    with mp.extradps(EXTRA):
        beta = mp.beta(A, B)
        if _beta_pair_mp(A, B, mp.mpf(0.5))[0] >= T:
            # x <= 1/2: u = ln x, g(u) = ln I(e^u) - ln p increasing
            value = lambda u: _beta_pair_mp(A, B, mp.exp(u))[0]
            g = lambda u: mp.log(value(u)) - mp.log(T)
            dg = lambda u: mp.exp(A * u + (B - 1) * mp.log1p(-mp.exp(u))) / beta / value(u)
            u = solve(g, dg, mp.log(A / (A + B)) if A < B else mp.log(mp.mpf(0.25)), mp.mpf(-1e6), mp.log(mp.mpf(0.5)))
            return +mp.exp(u), +(-mp.expm1(u))
        # x > 1/2: v = ln(1 - x); I = 1 - I_y(b, a) with y = e^v; g(v) = ln p - ln I increasing in v
        value = lambda v: _beta_pair_mp(B, A, mp.exp(v))[1]  # 1 - I_y(b, a), computed directly where it is small
        g = lambda v: mp.log(T) - mp.log(value(v))
        dg = lambda v: mp.exp(B * v + (A - 1) * mp.log1p(-mp.exp(v))) / beta / value(v)
        v = solve(g, dg, mp.log(B / (A + B)) if B < A else mp.log(mp.mpf(0.25)), mp.mpf(-1e6), mp.log(mp.mpf(0.5)))
        return +(-mp.expm1(v)), +mp.exp(v)


def _beta_pair_mp(A, B, X):
    if X <= 0:
        return mp.mpf(0), mp.mpf(1)
    if X >= 1:
        return mp.mpf(1), mp.mpf(0)
    if X < (A + 1) / (A + B + 2):
        i = beta_fraction(A, B, X)
        return i, 1 - i
    c = beta_fraction(B, A, 1 - X)
    return 1 - c, c


def beta_inverses():
    rows = []
    for a in BETA_PARAMS:
        for b in BETA_PARAMS:
            for t in BETA_TARGETS:
                for upper in (False, True):
                    try:
                        x = twice(lambda: beta_inverse(a, b, t, upper)[0])
                        y = twice(lambda: beta_inverse(a, b, t, upper)[1])
                    except (AssertionError, RuntimeError):
                        # The 40- and 50-digit solutions disagree (this script's solver loses its bracket where
                        # 1 - I_y(b, a) rounds to 0 at the working precision): the row is left out, and listed.
                        print("betaInverse left out:", a, b, t, upper, flush=True)
                        continue
                    kind = "upper" if upper else "lower"
                    # x's distance to 1 is stored too (it is below the double resolution of x near 1).
                    rows.append({"a": a, "b": b, "target": t, "x": dbl(x), "oneMinusX": dbl(y), "kind": kind})
    return rows


# ---- the incomplete gamma function -------------------------------------------------------------------------------

def gamma_pair(A, X):
    # (P, Q) at the current precision: the series below x = a + 1, the fraction above, the other as 1 minus it.
    with mp.extradps(EXTRA):
        if X <= 0:
            return mp.mpf(0), mp.mpf(1)
        if X < A + 1:
            p = mp.hyp1f1(1, A + 1, X, maxterms=10 ** 8) * mp.exp(A * mp.log(X) - X - mp.loggamma(A + 1))
            return +p, +(1 - p)
        # Legendre's fraction for Gamma(a, x)/(x^a e^-x), Lentz.
        tiny = mp.mpf(10) ** -(mp.mp.dps + 200)
        b = X + 1 - A
        c, d = 1 / tiny, 1 / b
        h = d
        n = 0
        tol = mp.mpf(10) ** -(mp.mp.dps + 5)
        while True:
            n += 1
            an = -n * (n - A)
            b += 2
            d = an * d + b
            d = d if d != 0 else tiny
            c = b + an / c
            c = c if c != 0 else tiny
            d = 1 / d
            delta = d * c
            h *= delta
            if abs(delta - 1) < tol:
                break
            assert n < 10 ** 6
        q = h * mp.exp(A * mp.log(X) - X - mp.loggamma(A))
        return +(1 - q), +q


def gamma_inverse(a, t, upper):
    A, T = mp.mpf(a), mp.mpf(t)
    with mp.extradps(EXTRA):
        def value(x):
            p, q = gamma_pair(A, x)
            return q if upper else p

        dens = lambda x: mp.exp((A - 1) * mp.log(x) - x - mp.loggamma(A))
        sign = -1 if upper else 1
        g = lambda u: sign * (mp.log(value(mp.exp(u))) - mp.log(T))
        dg = lambda u: mp.exp(u) * dens(mp.exp(u)) / value(mp.exp(u))
        u = solve(g, dg, mp.log(A), mp.mpf(-1e6), mp.log(A + 2000 + 100 * mp.sqrt(A)))
        x = mp.exp(u)
        if a <= 20 and x > mp.mpf(10) ** -300:
            chk = mp.gammainc(A, x, mp.inf, regularized=True) if upper else mp.gammainc(A, 0, x, regularized=True)
            assert same(chk, T, 25), (a, t, upper, chk)
        return x


def gamma_inverses():
    rows = []
    for a in GAMMA_A:
        for t in GAMMA_TARGETS:
            for upper in (False, True):
                x = twice(lambda: gamma_inverse(a, t, upper))
                rows.append({"a": a, "target": t, "x": dbl(x), "kind": "upper" if upper else "lower"})
    return rows


if __name__ == "__main__":
    norm, quant = normal()
    print("normal", len(norm), len(quant), flush=True)
    gam = gamma_inverses()
    print("gamma inverses", len(gam), flush=True)
    beta = beta_points()
    print("beta", len(beta), flush=True)
    binv = beta_inverses()
    print("beta inverses", len(binv), flush=True)
    header = {
        "provenance": "make_continuous_special.py, mpmath " + mp.__version__ + ", mp.dps = 50 (checked against mp.dps = 40 "
        + "to 1e-30; 30 extra working digits inside), on the exact binary inputs, each value rounded once to the nearest "
        + "double (0.0 below the double range); see the script's header for each method.",
        "generated": datetime.date.today().isoformat(),
    }
    with open("continuous_special.json", "w", encoding="utf-8", newline="\n") as f:
        f.write("{\n")
        for key, value in header.items():
            f.write(" " + json.dumps(key) + ": " + json.dumps(value) + ",\n")
        sections = (("normal", norm), ("normalQuantile", quant), ("beta", beta), ("betaInverse", binv),
                    ("gammaInverse", gam))
        for k, (name, rows) in enumerate(sections):
            f.write(" " + json.dumps(name) + ": [\n")
            f.write(",\n".join("  " + json.dumps(r) for r in rows))
            f.write("\n ]" + (",\n" if k < len(sections) - 1 else "\n"))
        f.write("}\n")
