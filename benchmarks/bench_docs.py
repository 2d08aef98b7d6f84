"""`chengguan bench docs`: the full .docx set for one 普通程序 case (target ≤ 1 s), PDF throughput with the warm
LibreOffice converter beside a cold `soffice --convert-to pdf` per document in the same run, and the typing ratio
(values an officer enters for the case against values that appear across its documents; target ≤ 30%).

    .venv/bin/python benchmarks/bench_docs.py [--cold N]     or     chengguan bench docs
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import summary  # noqa: E402

COLD_DOCS = int(os.environ.get("CHENGGUAN_BENCH_COLD_DOCS", "4"))
SET_REPEAT = int(os.environ.get("CHENGGUAN_BENCH_SET_REPEAT", "10"))

# Record fields an officer does not type: bureau settings, the catalog/matcher's provisions, the discretion
# engine's result, allocated numbers, and dates the calendar computes.
NOT_TYPED = ("bureau", "violated", "penalty_basis", "discretion", "doc_numbers", "situation_id", "dates.statement_deadline",
             "party.gender", "party.birth_date", "procedure", "decision.payment_days", "hearing.required")


def _leaves(obj, prefix=""):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _leaves(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(obj, list):
        for v in obj:
            yield from _leaves(v, prefix)
    elif obj not in (None, "", False, [], {}):
        yield prefix, obj


def typing_ratio(record, set_dir: Path) -> dict:
    """typed = leaf values of the record an officer enters; shown = (document, value) pairs: each context value
    (every string of 2+ characters the renderer substitutes, including quoted provisions, remedies, capitals and
    Chinese dates) counted once per document it appears in."""
    from chengguan.documents.context import base_context
    from chengguan.documents.text import docx_lines

    data = record.model_dump(mode="json")
    typed = [p for p, _ in _leaves(data) if not any(p == n or p.startswith(n + ".") for n in NOT_TYPED)]
    ctx = base_context(record)
    values = {str(v) for _, v in _leaves(ctx) if isinstance(v, (str, int, float)) and len(str(v)) >= 2}
    values -= {"个人", "单位", "同意", "直接送达", "罚款", "普通程序", "一般"}
    shown = 0
    for p in sorted(set_dir.glob("*.docx")):
        text = "\n".join(docx_lines(p))
        shown += sum(1 for v in values if v in text)
    return {"typed_values": len(typed), "values_in_documents": shown,
            "ratio": round(len(typed) / shown, 3) if shown else None}


def run(cold_docs: int = COLD_DOCS) -> dict:
    from chengguan.documents.example import example_record
    from chengguan.documents.pdf import ColdConverter, WarmConverter, uno_python
    from chengguan.documents.render import render_set
    from chengguan.law.kb import get_kb

    rec = example_record()
    result: dict = {}
    with tempfile.TemporaryDirectory(prefix="cg-bench-docs-") as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        get_kb()
        render_set(rec, tmp / "first")
        result["first_set_incl_load_s"] = round(time.perf_counter() - t, 3)
        times = []
        for i in range(SET_REPEAT):
            t = time.perf_counter()
            res = render_set(rec, tmp / f"set{i}")
            times.append((time.perf_counter() - t) * 1000)
        result["docx_set"] = {"documents": len(res), **summary(times), "target_ms": 1000}
        print(f"docx set ({len(res)} documents): p50 {result['docx_set']['p50_ms']:.0f} ms, "
              f"p95 {result['docx_set']['p95_ms']:.0f} ms (target ≤ 1000 ms; first run incl. loading {result['first_set_incl_load_s']} s)")
        srcs = [r.docx for r in res]
        result["typing"] = typing_ratio(rec, tmp / "set0")
        ty = result["typing"]
        print(f"typing: officer enters {ty['typed_values']} values; documents show {ty['values_in_documents']} "
              f"(document, value) pairs → typed/shown = {ty['ratio']:.0%} (target ≤ 30%)")
        if uno_python():
            t = time.perf_counter()
            warm = WarmConverter().start()
            start_s = time.perf_counter() - t
            try:
                per = []
                for s in srcs:
                    t = time.perf_counter()
                    warm.convert(s, tmp / "pdf_warm")
                    per.append((time.perf_counter() - t) * 1000)
            finally:
                warm.close()
            result["pdf_warm"] = {"start_s": round(start_s, 2), **summary(per),
                                  "docs_per_s": round(len(per) / (sum(per) / 1000), 2)}
            print(f"PDF warm converter: start {start_s:.1f} s once; per document p50 {result['pdf_warm']['p50_ms']:.0f} ms, "
                  f"p95 {result['pdf_warm']['p95_ms']:.0f} ms; {result['pdf_warm']['docs_per_s']} documents/s")
        else:
            print("PDF warm converter: skipped (no Python with uno; apt-get install python3-uno)")
        cold = ColdConverter()
        per = []
        for s in srcs[:cold_docs]:
            t = time.perf_counter()
            cold.convert(s, tmp / "pdf_cold")
            per.append((time.perf_counter() - t) * 1000)
        result["pdf_cold"] = {**summary(per), "docs_per_s": round(len(per) / (sum(per) / 1000), 2)}
        print(f"PDF cold soffice --convert-to per document ({len(per)} documents): p50 {result['pdf_cold']['p50_ms']:.0f} ms, "
              f"p95 {result['pdf_cold']['p95_ms']:.0f} ms; {result['pdf_cold']['docs_per_s']} documents/s")
        if "pdf_warm" in result:
            result["pdf_speedup_p50"] = round(result["pdf_cold"]["p50_ms"] / result["pdf_warm"]["p50_ms"], 1)
            print(f"warm vs cold: ×{result['pdf_speedup_p50']} per document (p50)")
    return result


if __name__ == "__main__":
    n = int(sys.argv[sys.argv.index("--cold") + 1]) if "--cold" in sys.argv else COLD_DOCS
    print(json.dumps(run(n), ensure_ascii=False, indent=2))
