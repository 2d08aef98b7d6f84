"""`chengguan bench NAME`: run a benchmark from benchmarks/ (each prints its figures beside a baseline)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import typer

from .. import DATA_DIR
from .common import fail

BENCH_DIR = DATA_DIR.parent / "benchmarks"


def register(app: typer.Typer) -> None:
    app.command("bench")(bench)


def bench(name: str = typer.Argument(..., help="law | match | docs | web"),
          json_out: Path = typer.Option(None, "--json-out", help="另存结果为 JSON")):
    """性能基准：打印 p50/p95 等数值及同次运行的基线对比。"""
    path = BENCH_DIR / f"bench_{name}.py"
    if not path.exists():
        avail = sorted(p.stem.removeprefix("bench_") for p in BENCH_DIR.glob("bench_*.py"))
        fail(f"没有名为 {name} 的基准；可用：{'、'.join(avail)}")
    sys.path.insert(0, str(BENCH_DIR))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    result = mod.run()
    if json_out:
        json_out.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
