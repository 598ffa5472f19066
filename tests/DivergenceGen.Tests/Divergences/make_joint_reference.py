#!/usr/bin/python3
"""Reference values for the joint laws [JointCategorical(R, C)] (issue 17), computed with mpmath at 50 significant
digits on the exact stored inputs, and SciPy's G-test for the count tables. Run by hand (not in CI), with the
system Python that has SciPy 1.10.1 and mpmath 1.2.1:

    /usr/bin/python3 make_joint_reference.py > joint_reference.json

Probability tables ("tables"): every cell is an integer over a power of two (2^52 for double, 2^24 for float), so the
table is exact in the type and sums to exactly 1 (a table that did not would make the mutual information of a
near-independent table mostly its normalisation defect). Kinds: random (Dirichlet-like), near-independent (an exact
outer product r x c with integer perturbations of relative size ~1e-12 summing to 0, for double), exact product
tables (MI = 0 exactly), zero cells, a one-hot table, a constant row variable, a constant column variable, 1 x C and
R x 1 tables. Values, natural logs, 0 log 0 = 0, r and c the exact marginals:
  joint_entropy  H(X,Y) = -sum p log p
  row_entropy    H(X)   = -sum r log r;  column_entropy H(Y) = -sum c log c
  mi             I      = sum p log(p/(r c))
  rows_given_columns  H(X|Y) = -sum p log(p/c);  columns_given_rows  H(Y|X) = -sum p log(p/r)
  vi             H(X|Y) + H(Y|X)
  nmi[method]    I / n with n = (H(X)+H(Y))/2 (arithmetic), sqrt(H(X)H(Y)) (geometric), min, max, H(X,Y) (joint);
                 1 where H(X) = H(Y) = 0, 0 where I = 0 (scikit-learn's limits), clamped to 1.

Count tables ("counts"): scipy.stats.chi2_contingency(table, correction=False, lambda_="log-likelihood") gives
(statistic, p, dof); mpmath gives G = 2 sum O log(O/E), E = row col / N, and p = gammainc(dof/2, G/2, inf,
regularized=True) with its log, and the p-value's condition number in G, G f(G)/p (f the chi-square density),
at 50 digits (p-values down to 1e-300 and far below the double range, where only the
log is compared).
"""
import json
import random
import sys

import mpmath as mp
import scipy
import scipy.stats

mp.mp.dps = 50
rng = random.Random(20261217)


def s(x):
    """50 significant digits, or "0"."""
    return mp.nstr(x, 50, min_fixed=-1, max_fixed=-1) if x != 0 else "0"


def integers_summing_to(weights, total):
    """Non-negative integers proportional to weights with the exact sum total (largest cell absorbs the rest)."""
    w = sum(weights)
    n = [int(total * x / w) for x in weights]
    n[max(range(len(n)), key=lambda k: n[k])] += total - sum(n)
    return n


def measures(cells, rows, cols, denominator):
    p = [mp.mpf(n) / denominator for n in cells]
    r = [mp.fsum(p[i * cols + j] for j in range(cols)) for i in range(rows)]
    c = [mp.fsum(p[i * cols + j] for i in range(rows)) for j in range(cols)]

    def xlogx(x):
        return x * mp.log(x) if x > 0 else mp.mpf(0)

    hxy = -mp.fsum(xlogx(x) for x in p)
    hx = -mp.fsum(xlogx(x) for x in r)
    hy = -mp.fsum(xlogx(x) for x in c)
    mi = mp.fsum(p[i * cols + j] * mp.log(p[i * cols + j] / (r[i] * c[j]))
                 for i in range(rows) for j in range(cols) if p[i * cols + j] > 0)
    x_given_y = -mp.fsum(p[i * cols + j] * mp.log(p[i * cols + j] / c[j])
                         for i in range(rows) for j in range(cols) if p[i * cols + j] > 0)
    y_given_x = -mp.fsum(p[i * cols + j] * mp.log(p[i * cols + j] / r[i])
                         for i in range(rows) for j in range(cols) if p[i * cols + j] > 0)

    def nmi(denominator):
        if hx == 0 and hy == 0:
            return mp.mpf(1)
        if mi == 0 or denominator == 0:
            return mp.mpf(0)
        return min(mi / denominator, mp.mpf(1))

    return {
        "joint_entropy": s(hxy), "row_entropy": s(hx), "column_entropy": s(hy), "mi": s(mi),
        "rows_given_columns": s(x_given_y), "columns_given_rows": s(y_given_x), "vi": s(x_given_y + y_given_x),
        "nmi": {
            "arithmetic": s(nmi((hx + hy) / 2)), "geometric": s(nmi(mp.sqrt(hx * hy))), "minimum": s(nmi(min(hx, hy))),
            "maximum": s(nmi(max(hx, hy))), "joint": s(nmi(hxy)),
        },
    }


tables = []


def table(name, rows, cols, cells, single=False):
    denominator = 2 ** (24 if single else 52)
    assert len(cells) == rows * cols and sum(cells) == denominator and min(cells) >= 0
    assert max(cells) <= 2 ** (24 if single else 53)
    tables.append({
        "name": name, "rows": rows, "cols": cols, "single": single,
        "p": [repr(n / denominator) for n in cells],
        "values": measures(cells, rows, cols, denominator),
    })


def random_table(rows, cols, single=False, zeros=0.0):
    weights = [0.0 if rng.random() < zeros else rng.expovariate(1.0) for _ in range(rows * cols)]
    if sum(weights) == 0:
        weights[0] = 1.0
    return integers_summing_to(weights, 2 ** (24 if single else 52))


def product_cells(rows, cols, bits=26):
    """An exact outer product: r = a / 2^bits, c = b / 2^bits, p = a b / 2^(2 bits)."""
    a = integers_summing_to([rng.uniform(0.2, 1.0) for _ in range(rows)], 2 ** bits)
    b = integers_summing_to([rng.uniform(0.2, 1.0) for _ in range(cols)], 2 ** bits)
    return [a[i] * b[j] for i in range(rows) for j in range(cols)]


def near_independent(rows, cols, relative):
    cells = product_cells(rows, cols)
    e = [int(round(relative * x * rng.uniform(-1, 1))) for x in cells]
    e[0] -= sum(e)
    return [x + d for x, d in zip(cells, e)]


for rows, cols in [(2, 2), (2, 3), (3, 4), (4, 5), (20, 25)]:
    table("random %dx%d" % (rows, cols), rows, cols, random_table(rows, cols))
    table("zero cells %dx%d" % (rows, cols), rows, cols, random_table(rows, cols, zeros=0.3))
    table("product %dx%d" % (rows, cols), rows, cols, product_cells(rows, cols))
    for relative in (1e-3, 1e-6, 1e-9, 1e-12):
        table("near independent %dx%d (%g)" % (rows, cols, relative), rows, cols, near_independent(rows, cols, relative))

for rows, cols in [(3, 4), (4, 3)]:
    table("random %dx%d float" % (rows, cols), rows, cols, random_table(rows, cols, single=True), single=True)
    table("zero cells %dx%d float" % (rows, cols), rows, cols, random_table(rows, cols, single=True, zeros=0.3), single=True)

one_hot = [0] * 12
one_hot[5] = 2 ** 52
table("one-hot 3x4", 3, 4, one_hot)
constant_row = [0] * 12
constant_row[4:8] = integers_summing_to([1, 2, 3, 4], 2 ** 52)
table("constant row variable 3x4", 3, 4, constant_row)
constant_column = [0] * 20
for i in range(4):
    constant_column[i * 5 + 2] = [2 ** 50, 2 ** 51, 2 ** 50, 0][i]
table("constant column variable 4x5", 4, 5, constant_column)
diagonal = [0] * 4
diagonal[0], diagonal[3] = 2 ** 51, 2 ** 51
table("diagonal 2x2 (X = Y)", 2, 2, diagonal)
skewed = [2 ** 52 - 3 * 2 ** 10, 2 ** 10, 2 ** 10, 2 ** 10]
table("dominant cell 2x2", 2, 2, skewed)
table("one row 1x5", 1, 5, random_table(1, 5))
table("one column 5x1", 5, 1, random_table(5, 1))

counts = []


def count_table(name, rows, cols, cells):
    o = [mp.mpf(x) for x in cells]
    n = mp.fsum(o)
    row = [mp.fsum(o[i * cols + j] for j in range(cols)) for i in range(rows)]
    col = [mp.fsum(o[i * cols + j] for i in range(rows)) for j in range(cols)]
    g = 2 * mp.fsum(o[i * cols + j] * mp.log(o[i * cols + j] * n / (row[i] * col[j]))
                    for i in range(rows) for j in range(cols) if o[i * cols + j] > 0)
    dof = (rows - 1) * (cols - 1)
    if dof > 0:
        p = mp.gammainc(mp.mpf(dof) / 2, g / 2, mp.inf, regularized=True)
        log_p = mp.log(p) if p > 0 else None
    else:
        p, log_p = mp.mpf(1), mp.mpf(0)
    # The p-value's condition number in G, G*f(G)/p (f the chi-square density): a relative error d of G moves p by about
    # kappa*d relative and ln p by kappa*d absolute.
    if dof > 0 and g > 0:
        nu = mp.mpf(dof)
        log_f = (nu / 2 - 1) * mp.log(g) - g / 2 - (nu / 2) * mp.log(2) - mp.loggamma(nu / 2)
        kappa = mp.exp(mp.log(g) + log_f - log_p)
    else:
        kappa = mp.mpf(0)
    entry = {"name": name, "rows": rows, "cols": cols, "counts": cells, "dof": dof, "g": s(g), "p_value": s(p), "log_p_value": s(log_p), "p_condition": s(kappa)}
    if rows > 1 and cols > 1:
        import numpy as np
        stat, sp, sdof, _ = scipy.stats.chi2_contingency(np.array(cells).reshape(rows, cols), correction=False, lambda_="log-likelihood")
        entry["scipy"] = {"statistic": repr(float(stat)), "p_value": repr(float(sp)), "dof": int(sdof)}
    counts.append(entry)


count_table("2x2 textbook", 2, 2, [20, 30, 25, 25])
count_table("2x3", 2, 3, [12, 5, 7, 3, 14, 9])
count_table("3x4 random", 3, 4, [rng.randint(1, 60) for _ in range(12)])
count_table("4x5 random", 4, 5, [rng.randint(0, 200) + 1 for _ in range(20)])
count_table("4x5 with zero cells", 4, 5, [0 if k % 7 == 3 else rng.randint(1, 40) for k in range(20)])
count_table("2x2 nearly independent (1e6)", 2, 2, [1000000, 1000001, 1000000, 1000000])
count_table("3x4 nearly independent (1e9)", 3, 4, [10 ** 9 + d for d in [0, 1, -1, 0, 2, 0, 0, -1, 0, 0, 1, 0]])
count_table("2x2 exactly independent", 2, 2, [10, 20, 30, 60])
count_table("2x2 p ~ 4e-63", 2, 2, [200, 30, 30, 200])
count_table("2x2 p ~ 1e-300 (diagonal 500)", 2, 2, [500, 0, 0, 500])
count_table("2x2 p below the double range", 2, 2, [10000, 0, 0, 10000])
count_table("3x4 far tail", 3, 4, [400, 0, 0, 1, 0, 400, 3, 0, 0, 0, 0, 400])
count_table("4x5 p ~ 2e-256", 4, 5, [200 if k % 6 == 0 else 20 for k in range(20)])
count_table("20x25 random", 20, 25, [rng.randint(1, 30) for _ in range(500)])
count_table("1x5 (no degrees of freedom)", 1, 5, [3, 1, 4, 1, 5])
count_table("5x1 (no degrees of freedom)", 5, 1, [2, 7, 1, 8, 2])
count_table("2x2 large counts (1e15)", 2, 2, [10 ** 15, 10 ** 15 + 12345678, 10 ** 15 - 5, 10 ** 15])

json.dump({
    "provenance": "tests/DivergenceGen.Tests/Divergences/make_joint_reference.py with mpmath %s (mp.dps = 50) and scipy %s; Python %s"
                  % (mp.__version__, scipy.__version__, sys.version.split()[0]),
    "tables": tables,
    "counts": counts,
}, sys.stdout, indent=1)
sys.stdout.write("\n")
