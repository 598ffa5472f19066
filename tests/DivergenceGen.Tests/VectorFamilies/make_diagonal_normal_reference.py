#!/usr/bin/env python3
"""Reference values for the DiagonalNormal(D) tests (tests/DivergenceGen.Tests/VectorFamilies/DiagonalNormalTests.cs).

Not run by the build or CI. Needs mpmath (python3-mpmath). Deterministic (fixed seed). Writes diagonal_normal_reference.json.

Every input is a double (written with repr, so the C# parse is exact) and every value is computed from those exact doubles at
50 significant digits, then rounded to double:
  KL(P||Q)  = 1/2 sum_i ((m_i - mq_i)^2 exp(-vq_i) + exp(v_i - vq_i) - 1 - (v_i - vq_i))
  H(P,Q)    = 1/2 sum_i (log 2 pi + vq_i + exp(v_i - vq_i) + (m_i - mq_i)^2 exp(-vq_i))
  H(P)      = 1/2 sum_i (v_i + 1 + log 2 pi)
  log p(x)  = -1/2 sum_i ((x_i - m_i)^2 exp(-v_i) + v_i + log 2 pi)
  KL(P||N(0,I)) = 1/2 sum_i (m_i^2 + exp(v_i) - 1 - v_i), with its gradients m_i and (exp(v_i) - 1)/2.
(PyTorch's Independent(Normal(m, exp(v/2)), 1) has the same semantics: each quantity is summed over the D coordinates of a row.)
"""
import json
import random

from mpmath import mp, mpf, exp, log, pi

mp.dps = 50
rng = random.Random(20261207)
LOG2PI = log(2 * pi)


def kl(m, v, mq, vq):
    return sum((mpf(a) - mpf(b)) ** 2 * exp(-mpf(d)) + exp(mpf(c) - mpf(d)) - 1 - (mpf(c) - mpf(d)) for a, c, b, d in zip(m, v, mq, vq)) / 2


def ce(m, v, mq, vq):
    return sum(LOG2PI + mpf(d) + exp(mpf(c) - mpf(d)) + (mpf(a) - mpf(b)) ** 2 * exp(-mpf(d)) for a, c, b, d in zip(m, v, mq, vq)) / 2


def entropy(v):
    return sum(mpf(c) + 1 + LOG2PI for c in v) / 2


def logpdf(m, v, x):
    return -sum((mpf(xi) - mpf(a)) ** 2 * exp(-mpf(c)) + mpf(c) + LOG2PI for xi, a, c in zip(x, m, v)) / 2


def near(values, rel):
    """Each value moved by about rel (relative), rounded to double: the pair differs by exactly representable amounts."""
    return [float(mpf(a) * (1 + rel * (1 if i % 2 == 0 else -1))) if a != 0 else rel for i, a in enumerate(values)]


cases = []


def add(name, m, v, mq, vq, x):
    cases.append({
        "name": name, "mean": m, "logVariance": v, "meanQ": mq, "logVarianceQ": vq, "x": x,
        "kl": float(kl(m, v, mq, vq)), "crossEntropy": float(ce(m, v, mq, vq)), "entropy": float(entropy(v)),
        "logPdf": float(logpdf(m, v, x)),
        "klToStandardNormal": float(kl(m, v, [0.0] * len(m), [0.0] * len(m))),
        "meanGradient": m,
        "logVarianceGradient": [float((exp(mpf(c)) - 1) / 2) for c in v],
    })


for d in (2, 16, 17):
    for k in range(4):
        m = [rng.uniform(-3, 3) for _ in range(d)]
        v = [rng.uniform(-4, 4) for _ in range(d)]
        mq = [rng.uniform(-3, 3) for _ in range(d)]
        vq = [rng.uniform(-4, 4) for _ in range(d)]
        x = [rng.gauss(0, 2) for _ in range(d)]
        add(f"random D={d} #{k}", m, v, mq, vq, x)
    for rel in (1e-3, 1e-6, 1e-9, 1e-12):
        m = [rng.uniform(-3, 3) for _ in range(d)]
        v = [rng.uniform(-4, 4) for _ in range(d)]
        add(f"near-equal log-variances D={d} rel={rel}", m, v, m, near(v, rel), m)
        add(f"near-equal means D={d} rel={rel}", m, v, near(m, rel), v, m)
        add(f"near-equal both D={d} rel={rel}", m, v, near(m, rel), near(v, rel), m)
        small = [rng.uniform(-1, 1) * rel for _ in range(d)]
        add(f"near the standard normal D={d} scale={rel}", small, [rng.uniform(-1, 1) * rel for _ in range(d)], [0.0] * d, [0.0] * d, small)
    m = [rng.uniform(-3, 3) for _ in range(d)]
    add(f"tiny variances D={d}", m, [-600.0 + i for i in range(d)], m, [-600.5 + i for i in range(d)], m)
    add(f"huge variances D={d}", m, [600.0 - i for i in range(d)], [a + 1e3 for a in m], [600.5 - i for i in range(d)], m)
    add(f"log-variance near +-1 D={d}", m, [(1.0 if i % 2 == 0 else -1.0) + 1e-9 * i for i in range(d)], m, [0.0] * d, m)

with open("diagonal_normal_reference.json", "w", encoding="utf-8") as f:
    import mpmath
    json.dump({"source": "make_diagonal_normal_reference.py, mpmath " + mpmath.__version__ + ", 50 digits, from the exact double inputs", "digits": 50,
               "cases": cases}, f, indent=1)
print(len(cases), "cases")
