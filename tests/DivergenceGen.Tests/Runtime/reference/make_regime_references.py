#!/usr/bin/env python3
"""Reference values written into DiscreteMathRegimeTests.cs by hand (not read from a file at test time).

Deterministic: mpmath at 50 significant digits; every input is a double and is used exactly (mpf of the stored
double: 0.303 is 0.30299999999999999378...). Prints each value to 25 significant digits, as pasted into the tests.

NegativeBinomial KL(P || Q) = sum_k P(k) (ln P(k) - ln Q(k)), both log-pmfs carried by the ratio recurrence
ln P(k + 1) = ln P(k) + ln((k + r) q / (k + 1)) from ln P(0) = r ln p, summed from k = 0 until P(k) < 1e-55 past
the mean (the rest of P's mass is below that times a geometric factor, and |ln P - ln Q| grows only like k).
Cross-checked against make_discrete_reference.py's nb_kl_sum (log-gamma form) to 25 digits on the first four.

    python3 make_regime_references.py      # mpmath 1.3.0; the last law needs 9.1e5 terms (minutes)
"""
from mpmath import mp, mpf, log, exp, nstr

mp.dps = 50


def nb_kl(rP, pP, rQ, pQ):
    rP, pP, rQ, pQ = mpf(rP), mpf(pP), mpf(rQ), mpf(pQ)
    qP, qQ = 1 - pP, 1 - pQ
    mean = rP * qP / pP
    lp, lq = rP * log(pP), rQ * log(pQ)
    total, k, tol = mpf(0), 0, mpf(10) ** -55
    while True:
        P = exp(lp)
        total += P * (lp - lq)
        if k > mean + 10 and P < tol:
            return total
        lp += log((k + rP) * qP / (k + 1))
        lq += log((k + rQ) * qQ / (k + 1))
        k += 1


# NegativeBinomialKL_FallsBackToTheSumWhereBinetCancels
for law in [(680.0, 0.3, 681.0, 0.303), (2900.0, 0.7, 2950.0, 0.7007), (1250.0, 0.3, 1240.0, 0.303),
            (500.0, 0.3, 520.0, 0.303)]:
    print("fallback", law, nstr(nb_kl(*law), 25))

# NegativeBinomialKL_OfASmallRLawWithALongTail_IsNotTruncated (the 40-digit run gave the same 25 digits)
print("long tail", nstr(nb_kl(5e-5, 1e-4, 1e-4, 1e-4), 25))
