# Prints the coefficient tables of Temme's uniform asymptotic expansion used by IncompleteGamma
# (src/DivergenceGen/Runtime/GammaDistribution.cs) and checks the truncated expansion against mpmath.
# Run: python3 temme_coefficients.py (needs only mpmath; exact rational arithmetic, ~2 seconds).
#
# The expansion (N. M. Temme, "The asymptotic expansion of the incomplete gamma functions", SIAM J. Math. Anal. 10,
# 1979; DLMF 8.12.3, 8.12.8-8.12.10): with lambda = x/a and eta = sign(lambda - 1)*sqrt(2(lambda - 1 - ln lambda)),
#   Q(a, x) = erfc(eta*sqrt(a/2))/2 + exp(-a*eta^2/2)/sqrt(2*pi*a) * sum_k c_k(eta) a^-k,
#   c_0 = 1/mu - 1/eta, mu = lambda - 1;  c_k = c_{k-1}'(eta)/eta + (-1)^k g_k/mu,
# g_k the coefficients of Gamma*(a) = Gamma(a) e^a a^(1/2 - a)/sqrt(2 pi) ~ sum g_k a^-k (1, 1/12, 1/288, ...).
# Each c_k is analytic at eta = 0 (radius 2*sqrt(pi), the nearest zeros of lambda - 1 - ln lambda - 2*pi*i*n).
# Power series in exact rationals: mu(eta) by Lagrange inversion of eta = mu*phi(mu),
# phi^2 = 2(mu - ln(1 + mu))/mu^2; then eta/mu = sum b_j eta^j and, from the recurrence,
#   c_{0,j} = b_{j+1},  c_{k,j} = (j + 2) c_{k-1,j+2} + (-1)^k g_k b_{j+1}
# (the 1/eta parts cancel: c_{k-1,1} = -(-1)^k g_k, asserted below).
#
# Truncation, for the region where the runtime uses the expansion (a >= A_MIN = 20, 0.7 <= lambda <= 1.3, so
# |eta| <= 0.3374): K = 13 terms (k = 0..12) and, per k, the least degree whose dropped coefficients contribute
# sum_{j > degree} |c_kj| ETA_MAX^j / A_MIN^k < 2^-66. The script then compares the truncated expansion, evaluated
# in 50-digit arithmetic with the double coefficients, with mpmath's gammainc at a = 20, 50, 100 over the region.
from fractions import Fraction as F

import mpmath as mp

A_MIN = 20
ETA_MAX = 0.35
K = 13
N = 40  # degree carried through the recurrence (more than any truncation needs)


def mul(a, b, n):
    out = [F(0)] * n
    for i, ai in enumerate(a[:n]):
        if ai:
            for j, bj in enumerate(b[: n - i]):
                out[i + j] += ai * bj
    return out


def inverse(a, n):
    out = [F(0)] * n
    out[0] = 1 / a[0]
    for k in range(1, n):
        out[k] = -sum(a[j] * out[k - j] for j in range(1, min(k, len(a) - 1) + 1)) / a[0]
    return out


def sqrt1(a, n):  # a[0] == 1
    out = [F(0)] * n
    out[0] = F(1)
    for k in range(1, n):
        out[k] = ((a[k] if k < len(a) else 0) - sum(out[j] * out[k - j] for j in range(1, k))) / 2
    return out


def stirling_g(count):
    # Gamma*(a) = exp(sum_n B_2n/(2n(2n - 1)) a^(1 - 2n)): exponentiate the series in w = 1/a.
    e = [F(0)] * (count + 1)
    for n in range(1, count // 2 + 2):
        if 2 * n - 1 <= count:
            p, q = mp.bernfrac(2 * n)
            e[2 * n - 1] = F(int(p), int(q)) / (2 * n * (2 * n - 1))
    f = [F(1)] + [F(0)] * count
    for k in range(1, count + 1):
        f[k] = sum(j * e[j] * f[k - j] for j in range(1, k + 1)) / k
    return f


def coefficients():
    m = N + 2 * K + 4
    phi = sqrt1([F(2 * (-1) ** n, n + 2) for n in range(m)], m)
    inv_phi = inverse(phi, m)
    mu = [F(0)] * (m + 1)
    power = [F(1)] + [F(0)] * (m - 1)
    for n in range(1, m + 1):  # Lagrange: [eta^n] mu = [mu^(n-1)] phi^-n / n
        power = mul(power, inv_phi, m)
        mu[n] = power[n - 1] / n
    b = inverse(mu[1:], m)  # eta/mu
    g = stirling_g(K + 1)
    cs = [[b[j + 1] for j in range(m - 1)]]
    for k in range(1, K):
        prev = cs[-1]
        assert prev[1] + (-1) ** k * g[k] == 0
        cs.append([(j + 2) * prev[j + 2] + (-1) ** k * g[k] * b[j + 1] for j in range(len(prev) - 2)])
    return cs


def main():
    cs = coefficients()
    assert cs[0][:3] == [F(-1, 3), F(1, 12), F(-2, 135)] and cs[1][0] == F(-1, 540) and cs[2][0] == F(25, 6048)
    tables = []
    for k, c in enumerate(cs):
        for degree in range(len(c)):
            tail = sum(abs(c[j]) * F(ETA_MAX) ** j for j in range(degree + 1, len(c))) / A_MIN**k
            if tail < F(1, 2**66):
                break
        tables.append([float(v) for v in c[: degree + 1]])
    print("// For IncompleteGamma.TemmeCoefficients (four to a line):")
    for k, t in enumerate(tables):
        print("            new[]")
        print("            {")
        for i in range(0, len(t), 4):
            print("                " + ", ".join(repr(v) for v in t[i : i + 4]) + ",")
        print("            },")

    mp.mp.dps = 50
    worst = 0
    for a in (20, 50, 100):
        for i in range(61):
            lam = mp.mpf(0.7) + mp.mpf(0.6) * i / 60
            a_, x = mp.mpf(a), a * lam
            eta = mp.sign(lam - 1) * mp.sqrt(2 * (lam - 1 - mp.log(lam)))
            s = sum(mp.polyval([mp.mpf(v) for v in reversed(t)], eta) / a_**k for k, t in enumerate(tables))
            q = mp.erfc(eta * mp.sqrt(a_ / 2)) / 2 + mp.exp(-a_ * eta**2 / 2) / mp.sqrt(2 * mp.pi * a_) * s
            ref = mp.gammainc(a_, x, mp.inf, regularized=True)
            own = ref if lam >= 1 else 1 - ref  # the tail the runtime computes directly
            worst = max(worst, abs(q - ref) / own)
    print("// worst relative error of the truncated expansion (double coefficients, 50-digit arithmetic, a = 20, 50, 100): %.2e" % worst)


main()
