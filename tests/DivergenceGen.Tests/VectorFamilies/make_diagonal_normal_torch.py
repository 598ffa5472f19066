#!/usr/bin/python3
"""PyTorch reference for DiagonalNormal(D) (tests/DivergenceGen.Tests/VectorFamilies/DiagonalNormalTorchTests.cs).

Not run by the build or CI. Needs Debian's python3-torch (apt-get install python3-torch; torch 1.13), run with
/usr/bin/python3. Deterministic (fixed seed). Writes diagonal_normal_torch.json.

Semantics checked: torch.distributions.Independent(Normal(mu, exp(v/2)), 1), i.e. a row of D coordinates is one event.
In float64, for N = 5 rows and D = 2, 16, 17: per row kl_divergence against Independent(Normal(0, 1), 1) and against a
learned prior Independent(Normal(mu_q, exp(v_q/2)), 1), log_prob(x) and entropy(); and, by autograd, the gradients of
the mean over rows of each KL with respect to mu and v (the VAE's loss term and what back-propagation needs).
"""
import json
import random

import torch
from torch.distributions import Independent, Normal, kl_divergence

torch.set_default_dtype(torch.float64)
rng = random.Random(4242)
cases = []
for d in (2, 16, 17):
    for trial in range(3):
        n = 5
        mu = [[rng.uniform(-3, 3) for _ in range(d)] for _ in range(n)]
        v = [[rng.uniform(-3, 3) for _ in range(d)] for _ in range(n)]
        mq = [[rng.uniform(-3, 3) for _ in range(d)] for _ in range(n)]
        vq = [[rng.uniform(-3, 3) for _ in range(d)] for _ in range(n)]
        x = [[rng.gauss(0, 2) for _ in range(d)] for _ in range(n)]
        tmu = torch.tensor(mu, requires_grad=True)
        tv = torch.tensor(v, requires_grad=True)
        p = Independent(Normal(tmu, torch.exp(tv / 2)), 1)
        std = Independent(Normal(torch.zeros(n, d), torch.ones(n, d)), 1)
        q = Independent(Normal(torch.tensor(mq), torch.exp(torch.tensor(vq) / 2)), 1)
        kl_std = kl_divergence(p, std)
        g_mu_std, g_v_std = torch.autograd.grad(kl_std.mean(), (tmu, tv), retain_graph=True)
        kl_q = kl_divergence(p, q)
        g_mu_q, g_v_q = torch.autograd.grad(kl_q.mean(), (tmu, tv), retain_graph=True)
        cases.append({
            "name": f"D={d} #{trial}", "d": d, "mean": sum(mu, []), "logVariance": sum(v, []), "meanQ": sum(mq, []),
            "logVarianceQ": sum(vq, []), "x": sum(x, []),
            "klToStandardNormal": kl_std.tolist(), "klToStandardNormalMeanGradMean": g_mu_std.flatten().tolist(),
            "klToStandardNormalMeanGradLogVariance": g_v_std.flatten().tolist(),
            "kl": kl_q.tolist(), "klMeanGradMean": g_mu_q.flatten().tolist(), "klMeanGradLogVariance": g_v_q.flatten().tolist(),
            "logProb": p.log_prob(torch.tensor(x)).tolist(), "entropy": p.entropy().tolist(),
        })

with open("diagonal_normal_torch.json", "w", encoding="utf-8") as f:
    json.dump({"source": "make_diagonal_normal_torch.py, torch " + torch.__version__ + " (Debian python3-torch), float64", "cases": cases}, f, indent=0)
print(len(cases), "cases")
