#!/usr/bin/env python3
"""Merges the outputs of several `-- ratios` processes into the README's performance table (Categorical rows).

usage: python3 benchmarks/ratios_table.py ratios1.txt ratios2.txt ...

Each cell is the median over the processes. TensorPrimitives' Divide → Log → Dot runs at one of two speeds per process
and element type, depending only on the caller's stack pointer (README, "Performance"): a process is put in its slow
mode for a row when its ratios split in two groups more than 1.3× apart (the larger group of ratios: TensorPrimitives
slower), and the "× TensorPrimitives" cell gives the median over the fast-mode processes, then, in parentheses, over the
slow-mode ones ("–" where no process landed in that mode). The mode is per row: a process can hold TensorPrimitives'
float KL in one mode and its float entropy in the other.
"""
import re
import statistics
import sys

ROW = re.compile(r"\| (KL|entropy|cross-entropy) \| (double|float) \| ([\d,]+) \| ([\d.]+) (ns|µs|ms) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) (ns|µs|ms) \|")
UNIT = {"ns": 1.0, "µs": 1e3, "ms": 1e6}


def fmt(ns):
    for unit, f in (("ms", 1e6), ("µs", 1e3)):
        if ns >= f:
            return f"{ns / f:.3g} {unit}"
    return f"{ns:.3g} ns"


def parse(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        m = ROW.match(line)
        if m:
            key = (m.group(1), m.group(2), m.group(3))
            rows[key] = dict(time=float(m.group(4)) * UNIT[m.group(5)], naive=float(m.group(6)), tp=float(m.group(7)),
                             floor=float(m.group(8)), cached=float(m.group(9)) * UNIT[m.group(10)])
    return rows


def modes(ratios):
    """The sorted ratios split at their largest gap, when it is more than 1.3×: (fast mode, slow mode)."""
    gaps = [(ratios[i + 1] / ratios[i], i) for i in range(len(ratios) - 1)]
    if not gaps or max(gaps)[0] <= 1.3:
        return ratios, []
    i = max(gaps)[1]
    return ratios[: i + 1], ratios[i + 1:]


def main(paths):
    runs = [r for r in (parse(p) for p in paths) if r]
    if not runs:
        sys.exit("no ratios tables in " + " ".join(paths))
    print(f"{len(runs)} processes")
    print("| measure | T | K | generated (raw) | × naive | × TensorPrimitives: its fast mode (slow mode) | ÷ floor (Dot) | cached |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    keys = list(runs[0].keys())
    order = {"KL": 0, "entropy": 1, "cross-entropy": 2}
    keys.sort(key=lambda k: (order[k[0]], k[1] != "double", int(k[2].replace(",", ""))))
    for key in keys:
        cells = [r[key] for r in runs if key in r]
        med = lambda name, cs=cells: statistics.median(c[name] for c in cs)
        fast, slo = modes(sorted(c["tp"] for c in cells))
        tp = (f"{statistics.median(fast):.2f}" if fast else "–") + " (" + (f"{statistics.median(slo):.2f}" if slo else "–") + ")"
        print(f"| {key[0]} | {key[1]} | {key[2]} | {fmt(med('time'))} | {med('naive'):.2f} | {tp} | {med('floor'):.1f} | {fmt(med('cached'))} |")


if __name__ == "__main__":
    main(sys.argv[1:])
