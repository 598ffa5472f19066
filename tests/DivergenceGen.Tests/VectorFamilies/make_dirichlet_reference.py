#!/usr/bin/env python3
"""Writes dirichlet_reference.json: high-precision mpmath values of the Dirichlet(K) numerics (ln B, entropy, KL divergence,
cross-entropy, log-density) at the exact double inputs listed below, for DirichletMathTests. K = 2, 3, 5, 16; tiny
(1e-300 ... 1e-3), moderate, huge (1e6 ... 1e15) and mixed concentrations; KL pairs near-equal (1e-3 ... 1e-12 apart),
scaled (beta = c*alpha rounded to double), far apart. The plain closed forms are evaluated at mp.dps = 80 (at least 30 digits
to spare over the worst cancellation here, ~42 digits for KL at alpha ~ 1e15 with 1e-12 gaps) and quoted to 25 digits.
Run with python3 and mpmath (1.3.0 was used); not part of the build or CI. Deterministic: no randomness beyond fixed seeds."""
import json, math, random
import mpmath as mp

mp.mp.dps = 80


def f(x):  # a double's exact value
    return mp.mpf(x)


def out(v):
    v = mp.mpf(v)
    if mp.isinf(v):
        return "inf" if v > 0 else "-inf"
    return mp.nstr(v, 25)


def logbeta(a):
    a = [f(x) for x in a]
    return mp.fsum(mp.loggamma(x) for x in a) - mp.loggamma(mp.fsum(a))


def entropy(a):
    a = [f(x) for x in a]
    a0 = mp.fsum(a)
    k = len(a)
    return (mp.fsum(mp.loggamma(x) for x in a) - mp.loggamma(a0) + (a0 - k) * mp.digamma(a0)
            - mp.fsum((x - 1) * mp.digamma(x) for x in a))


def kl(a, b):
    a = [f(x) for x in a]
    b = [f(x) for x in b]
    a0, b0 = mp.fsum(a), mp.fsum(b)
    psi0 = mp.digamma(a0)
    return (mp.loggamma(a0) - mp.fsum(mp.loggamma(x) for x in a) - mp.loggamma(b0) + mp.fsum(mp.loggamma(x) for x in b)
            + mp.fsum((x - y) * (mp.digamma(x) - psi0) for x, y in zip(a, b)))


def cross_entropy(a, b):
    a = [f(x) for x in a]
    b = [f(x) for x in b]
    psi0 = mp.digamma(mp.fsum(a))
    return logbeta(b) - mp.fsum((y - 1) * (mp.digamma(x) - psi0) for x, y in zip(a, b))


def logpdf(a, x):
    terms = [(f(ai) - 1) * mp.log(f(xi)) for ai, xi in zip(a, x)]
    lb = logbeta(a)
    return mp.fsum(terms) - lb, mp.fsum(abs(t) for t in terms) + abs(lb)


cases = []


def add(kind, params, value, scale=None):
    case = {"kind": kind, "params": params, "value": out(value)}
    if scale is not None:
        case["scale"] = out(scale)
    cases.append(case)


rng = random.Random(20261207)


def spread(k, low, high):
    """k concentrations log-uniform in [low, high], rounded to 3 significant digits (exact doubles of short decimals)."""
    return [float("%.3g" % (10 ** rng.uniform(mp.log10(low), mp.log10(high)))) for _ in range(k)]


vectors = []
for k in [2, 3, 5, 16]:
    vectors += [
        [1e-3] * k,
        [1e-8] * k,
        [1e-300] * k,
        spread(k, 1e-8, 1e-3),
        [1.0] * k,
        [0.5] * k,
        spread(k, 0.3, 20),
        spread(k, 2, 9.9),
        [1e6] * k,
        [1e12] * k,
        spread(k, 1e6, 1e12),
        spread(k, 1e12, 1e15),
        ([1e15] + [0.3] * (k - 1)),
        ([1e12] + [1e-3] * (k - 1)),
        ([1e-3, 1e6] * k)[:k],
        ([0.25, 7.5, 1e9, 40.0] * k)[:k],
        ([9.9, 10.0, 10.5, 0.1] * k)[:k],
    ]

for a in vectors:
    add("logbeta", [a], logbeta(a))
    add("entropy", [a], entropy(a))

# KL and cross-entropy pairs.
bases = []
for k in [2, 3, 5, 16]:
    bases += [
        [1e-3] * k,
        spread(k, 1e-8, 1e-3),
        spread(k, 0.3, 20),
        [1e6] * k,
        spread(k, 1e6, 1e12),
        ([1e12] + [0.3] * (k - 1)),
        ([1e-3, 1e6, 5.0, 40.0] * k)[:k],
    ]

pattern = [1.0, -1.0, 0.5, -0.25, 0.75, -0.5, 0.125, 1.0, -0.875, 0.375, -0.625, 0.25, 0.0, -1.0, 0.5, 1.0]
for a in bases:
    k = len(a)
    for g in [1e-3, 1e-6, 1e-9, 1e-12]:
        b = [x * (1 + g * pattern[i]) for i, x in enumerate(a)]
        add("kl", [a, b], kl(a, b))
        add("kl", [b, a], kl(b, a))
    for c in [1 + 1e-9, 1 + 1e-6, 1.001, 2.0, 0.5, 10.0]:
        b = [x * c for x in a]
        add("kl", [a, b], kl(a, b))
    far = [x * (0.3 + 2.5 * rng.random()) for x in a]
    add("kl", [a, far], kl(a, far))
    add("kl", [far, a], kl(far, a))
    uniform = [1.0] * k
    add("kl", [a, uniform], kl(a, uniform))
    add("kl", [uniform, a], kl(uniform, a))
    for b in [[x * (1 + 1e-6 * pattern[i]) for i, x in enumerate(a)], [x * 2.0 for x in a], far, uniform]:
        add("crossentropy", [a, b], cross_entropy(a, b))
        add("crossentropy", [b, a], cross_entropy(b, a))

# K = 2 pairs far apart with a component below 10 (where ContinuousMath.BetaKLDivergence's plain Bregman difference loses
# up to ~1000 eps, and near-equal pairs with one shape below 10 and one above, where it loses up to ~1.4e4 eps;
# DirichletMathTests compares K = 2 with the beta forms only where both shapes are below 10 or both at least 10).
for a, b in [([1e-3, 0.5], [1e-3 * (1 + 1e-9), 12.0]), ([1e-3, 0.5], [1e-3 * (1 + 1e-3), 1e6]), ([0.5, 3.7], [0.6, 1e12]),
             ([1e-3, 1.0], [1e-3, 1e3]), ([3.7, 12.0], [3.7 * (1 + 1e-9), 1e3]), ([0.5, 1.0], [0.5 * (1 + 1e-3), 12.0]),
             ([1e-3, 12.0], [1e-3 * (1 - 1e-6), 12.0 * (1 - 1e-3)])]:
    add("kl", [a, b], kl(a, b))
    add("crossentropy", [a, b], cross_entropy(a, b))

# K = 3 pairs in the regimes of make_beta_kl_reference.py that the sets above lack (one component holding most of a small
# total, a 1e-300 component beside ones >= 10, the dominant component's g(t_d) - g(t0) at t0 = 2), at adaptive precision
# (two precisions, the lower 80 + log10(largest/smallest) digits, agreeing to 30): at 80 digits a 1e-300 beside 1e8 is lost.
def kl_adaptive(a, b):
    dps = 80 + int(math.log10(max(a + b)) - math.log10(min(a + b)))
    with mp.workdps(dps):
        previous = kl(a, b)
    while True:
        dps *= 2
        with mp.workdps(dps):
            value = kl(a, b)
            if abs(value - previous) <= mp.mpf(10) ** -30 * abs(value):
                return value
        previous = value


for a in [[4.0, 1e-6, 1e-6], [2.0, 1e-6, 3e-7], [9.0, 0.01, 0.005], [0.5, 0.001, 0.002], [9.0, 0.5, 0.3], [1e-300, 10.0, 12.0],
          [1e-8, 1e8, 2.5], [20.0, 1e-6, 1e-6]]:
    for g in [1e-3, -1e-6, 1e-9, -1e-12]:
        for b in [[a[0] * (1 + g), a[1], a[2]], [a[0], a[1] * (1 + g), a[2] * (1 - g)], [a[0] * (1 + g), a[1] * (1 - g / 2), a[2]]]:
            add("kl", [a, b], kl_adaptive(a, b))
    for b in [[a[0] / 2, a[1], a[2]], [a[0], a[1], 3 * a[2]], [1.0, 1.0, 1.0]]:
        add("kl", [a, b], kl_adaptive(a, b))
        add("kl", [b, a], kl_adaptive(b, a))
add("kl", [[1e-8, 1e8, 1e-8], [1e-8, 3e8, 1e-8]], kl_adaptive([1e-8, 1e8, 1e-8], [1e-8, 3e8, 1e-8]))

# Log-densities: the mean, a point near a vertex, a point near the centre, for a selection of alphas.
for a in vectors:
    k = len(a)
    if max(a) > 1e13 or min(a) < 1e-100:
        continue
    a0 = sum(a)
    mean = [x / a0 for x in a]
    mean[-1] = 1.0 - sum(mean[:-1]) if 1.0 - sum(mean[:-1]) > 0 else mean[-1]
    centre = [1.0 / k] * k
    vertex = [1e-3 / (k - 1)] * (k - 1) + [1 - 1e-3]
    for x in [mean, centre, vertex]:
        if min(x) <= 0:
            continue
        value, scale = logpdf(a, x)
        add("logpdf", [a, x], value, scale)

header = ("mpmath 1.3.0 values (mp.dps = 80, the K = 3 regime pairs at adaptive precision; quoted to 25 digits) of the Dirichlet(K) numerics at the exact double inputs in "
          "params, written by make_dirichlet_reference.py (python3; not part of the build or CI). Closed forms: logbeta "
          "sum lnGamma(a_i) - lnGamma(a0); entropy lnB(a) + (a0 - K)psi(a0) - sum (a_i - 1)psi(a_i); kl [a, b] lnGamma(a0) - "
          "sum lnGamma(a_i) - lnGamma(b0) + sum lnGamma(b_i) + sum (a_i - b_i)(psi(a_i) - psi(a0)); crossentropy [a, b] lnB(b) - "
          "sum (b_i - 1)(psi(a_i) - psi(a0)); logpdf [a, x] sum (a_i - 1) ln x_i - lnB(a), with scale = sum |(a_i - 1) ln x_i| "
          "+ |lnB(a)| (the size of the terms, which bounds the rounding of any evaluation given lnB).")
with open("dirichlet_reference.json", "w") as fh:
    json.dump({"header": header, "count": len(cases), "cases": cases}, fh, indent=0)
print(len(cases), "cases")
