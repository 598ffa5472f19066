#!/usr/bin/env python3
"""Turns BenchmarkDotNet's CSV reports (BenchmarkDotNet.Artifacts/results) into the README's ratio tables.

usage: python3 benchmarks/summarize.py [results-dir]
Ratios are BenchmarkDotNet's Ratio column (mean of the per-iteration ratio distribution, baseline = Generated):
"× naive" = naive time / generated time, so > 1 means generated is faster.
"""
import csv, glob, os, re, sys

d = sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results"
UNIT = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}

def seconds(text):
    value, unit = text.replace(",", "").split()
    return float(value) * UNIT[unit]

def fmt(t):
    for unit, f in (("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if t >= f:
            return f"{t / f:.3g} {unit}"
    return f"{t / 1e-9:.2g} ns"

def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {r["Method"]: r for r in csv.DictReader(f)}

cat = []
for path in glob.glob(os.path.join(d, "*Categorical*-report.csv")):
    m = re.search(r"Categorical(KL|Entropy|CrossEntropy)_Cat(\d+|1M)(F?), (Double|Single)_", os.path.basename(path))
    measure, k, _, t = m.groups()
    k = 1048576 if k == "1M" else int(k)
    cat.append(({"KL": 0, "Entropy": 1, "CrossEntropy": 2}[measure], t != "Double", k, measure, t, rows(path)))
cat.sort()

def ratio(r, name):
    x = r.get(name)
    if x is None or x["Ratio"] in ("", "?", "NA"):
        return "—"
    return f"{float(x['Ratio']):.2f}"

print("| measure | T | K | generated (raw) | × naive | × TensorPrimitives | × Torch | generated ÷ floor (Dot) | cached instances | allocated (generated) |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for _, _, k, measure, t, r in cat:
    g = seconds(r["Generated"]["Mean"])
    floor = seconds(r["FloorDot"]["Mean"])
    cached = seconds(r["GeneratedCached"]["Mean"])
    alloc = r["Generated"]["Allocated"]
    print(f"| {measure} | {'double' if t == 'Double' else 'float'} | {k:,} | {fmt(g)} | {ratio(r, 'Naive')} | {ratio(r, 'TensorPrimitives')} "
          f"| {ratio(r, 'Torch')} | {g / floor:.1f} | {fmt(cached)} | {alloc} |")

for path in glob.glob(os.path.join(d, "*BernoulliBatch-report.csv")) + glob.glob(os.path.join(d, "*FirstCall-report.csv")):
    print()
    print(f"{os.path.basename(path)}:")
    print("| method | category | mean | median | ratio | allocated |")
    print("|---|---|---:|---:|---:|---:|")
    with open(path, newline="", encoding="utf-8") as f:
        for x in csv.DictReader(f):
            print(f"| {x['Method']} | {x.get('Categories', '')} | {x['Mean']} | {x['Median']} | {x['Ratio']} | {x.get('Allocated', '')} |")
