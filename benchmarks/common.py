"""Timing helpers for the benchmarks: percentiles of per-call latency, printed beside a baseline."""

from __future__ import annotations

import statistics
import time


def timings(fn, inputs, repeat: int = 3) -> list[float]:
    out = []
    for _ in range(repeat):
        for x in inputs:
            t = time.perf_counter()
            fn(x)
            out.append((time.perf_counter() - t) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    if not s:
        return 0.0
    k = max(0, min(len(s) - 1, int(round(p / 100 * (len(s) - 1)))))
    return s[k]


def summary(values: list[float]) -> dict:
    return {"n": len(values), "p50_ms": round(pct(values, 50), 3), "p95_ms": round(pct(values, 95), 3),
            "mean_ms": round(statistics.fmean(values), 3) if values else 0.0}


def ratio_line(name: str, ours: dict, base: dict) -> str:
    r50 = base["p50_ms"] / ours["p50_ms"] if ours["p50_ms"] else float("inf")
    r95 = base["p95_ms"] / ours["p95_ms"] if ours["p95_ms"] else float("inf")
    return (f"{name}: p50 {ours['p50_ms']:.2f} ms, p95 {ours['p95_ms']:.2f} ms | baseline p50 {base['p50_ms']:.2f} ms, "
            f"p95 {base['p95_ms']:.2f} ms | speed-up ×{r50:.1f} (p50), ×{r95:.1f} (p95)")
