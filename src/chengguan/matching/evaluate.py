"""Evaluation of the matcher on a labelled JSONL set (format of ../shared/eval/dev.jsonl), beside a baseline:
plain BM25 over all statute articles (what an officer with a search box has)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


def norm(s: str) -> str:
    return s.replace("《", "").replace("》", "").replace(" ", "").replace("\u3000", "")


def key(p: dict) -> tuple[str, int]:
    return (norm(p["law"]), int(p["article"]))


def hit(pred: list[dict], gold: list[dict]) -> bool:
    if not gold:
        return not pred
    return bool({key(p) for p in pred} & {key(g) for g in gold})


@dataclass
class Case:
    id: str
    text: str
    date: dt.date
    kind: str
    violated: list[dict]
    penalty: list[dict]


def load_cases(path: Path) -> list[Case]:
    out = []
    for ln in path.read_text(encoding="utf-8").splitlines():
        if not ln.strip():
            continue
        r = json.loads(ln)
        out.append(Case(r["id"], r["text"], dt.date.fromisoformat(r["date"]) if r.get("date") else dt.date.today(),
                        r.get("kind", ""), r.get("violated", []), r.get("penalty", [])))
    return out


def predictions_from_result(result: dict, k: int) -> tuple[list[dict], list[dict]]:
    """Provisions predicted within the top k candidates; none when the matcher abstains."""
    if result["abstain"]:
        return [], []
    cands = result["candidates"][:k]
    return [p for c in cands for p in c["violated"]], [p for c in cands for p in c["penalty"]]


def score(cases: list[Case], results: list[dict]) -> dict:
    pos = [(c, r) for c, r in zip(cases, results) if c.penalty or c.violated]
    neg = [(c, r) for c, r in zip(cases, results) if not (c.penalty or c.violated)]
    out: dict = {"n": len(cases), "positives": len(pos), "negatives": len(neg)}
    for k in (1, 3):
        pv = ph = both = 0
        for c, r in pos:
            v, p = predictions_from_result(r, k)
            hv, hp = hit(v, c.violated), hit(p, c.penalty)
            pv += hv
            ph += hp
            both += hv and hp
        n = max(1, len(pos))
        out[f"top{k}"] = {"penalty": ph / n, "violated": pv / n, "both": both / n}
    abst_neg = sum(1 for _, r in neg if r["abstain"])
    abst_pos = sum(1 for _, r in pos if r["abstain"])
    abst_all = abst_neg + abst_pos
    out["abstention"] = {
        "recall_on_negatives": abst_neg / max(1, len(neg)),
        "precision": abst_neg / abst_all if abst_all else 1.0,
        "rate_on_positives": abst_pos / max(1, len(pos)),
    }
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for c, r in zip(cases, results):
        v, p = predictions_from_result(r, 1)
        _, p3 = predictions_from_result(r, 3)
        row = per_kind[c.kind]
        row[0] += 1
        row[1] += hit(p, c.penalty)
        row[2] += hit(p3, c.penalty)
    out["per_kind"] = {k: {"n": v[0], "penalty_top1": v[1] / v[0], "penalty_top3": v[2] / v[0]} for k, v in sorted(per_kind.items())}
    return out


class StatuteBm25Baseline:
    """Baseline: BM25 over all statute articles in force on the date; the top articles are taken as both
    the violated and the penalty provision. It never abstains unless nothing matches."""

    def __init__(self):
        from ..law.kb import get_kb

        self.kb = get_kb()

    def match(self, text: str, day: dt.date, k: int = 3) -> dict:
        from ..law.search import SearchError

        try:
            hits = self.kb.search(text, as_of=day, limit=k)
        except SearchError:
            hits = []
        cands = [{"violated": [{"law": h.law, "article": h.article}], "penalty": [{"law": h.law, "article": h.article}]} for h in hits]
        return {"abstain": not cands, "candidates": cands}


def run_matcher(cases: list[Case], top: int = 5) -> list[dict]:
    from .matcher import get_matcher

    m = get_matcher()
    return [m.match(c.text, c.date, None, top, c.id).to_dict() for c in cases]


def run_baseline(cases: list[Case], top: int = 5) -> list[dict]:
    b = StatuteBm25Baseline()
    return [b.match(c.text, c.date, top) for c in cases]
