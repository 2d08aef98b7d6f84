"""`chengguan match …` and `chengguan eval match …`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .common import console, emit_json, fail

eval_app = typer.Typer(help="评测：在标注集上衡量匹配效果。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("match")(match)
    app.add_typer(eval_app, name="eval")


def match(text: Optional[str] = typer.Argument(None, help="现场描述"),
          date: Optional[str] = typer.Option(None, "--date", help="行为日期 YYYY-MM-DD（默认今天）"),
          party: Optional[str] = typer.Option(None, "--party", help="个人 或 单位"),
          top: int = typer.Option(5, "--top", min=1, max=20),
          batch: Optional[Path] = typer.Option(None, "--batch", help="JSONL 文件：每行 id、text、可选 date（大批量可设 CHENGGUAN_MATCH_SEMANTIC=0 只按词匹配，快约十五倍）"),
          json_: bool = typer.Option(False, "--json")):
    """违法情形智能匹配：描述 → 候选违法情形及其违法依据、处罚依据。"""
    from ..matching.service import MatchInputError, match_one

    if batch is not None:
        if not batch.exists():
            fail(f"文件不存在：{batch}")
        lines = batch.read_text(encoding="utf-8").splitlines()
        from rich.progress import track

        it = track(lines, description="匹配中", console=console.__class__(stderr=True)) if sys.stderr.isatty() else lines
        for n, ln in enumerate(it, 1):
            if not ln.strip():
                continue
            try:
                row = json.loads(ln)
            except json.JSONDecodeError:
                emit_json({"id": None, "error": [{"loc": ["line", n], "msg": f"第{n}行不是合法的 JSON"}]})
                continue
            try:
                emit_json(match_one(row.get("text"), row.get("date"), row.get("party") or party, top, row.get("id")))
            except MatchInputError as e:
                emit_json({"id": row.get("id"), "error": e.errors})
        return
    if not text:
        fail("请提供现场描述，或用 --batch 指定文件")
    try:
        result = match_one(text, date, party, top)
    except MatchInputError as e:
        fail(str(e))
    if json_:
        emit_json(result)
        return
    if result["abstain"]:
        console.print(f"[yellow]不作判断：{result['reason']}[/yellow]")
    from ..law.kb import get_kb

    kb = get_kb()
    import datetime as dt

    day = dt.date.fromisoformat(result["date"])
    for i, c in enumerate(result["candidates"], 1):
        console.print(f"\n[bold]{i}. {c['name']}[/bold]  [dim]{c['situation_id']} · 置信度 {c['score']:.2f} · 依据词：{'、'.join(c['evidence'])}[/dim]")
        for role, key in (("违法依据", "violated"), ("处罚依据", "penalty")):
            for p in c[key]:
                r = kb.resolve(p["law"], p["article"], p["paragraph"], p["item"], as_of=day)
                alt = "（备选）" if p.get("alternative") else ""
                console.print(f"  {role}{alt}：{r.canonical}", markup=False)


@eval_app.command("match")
def eval_match(file: Path = typer.Argument(..., exists=True, dir_okay=False),
               top: int = typer.Option(5, "--top", min=1, max=20),
               json_: bool = typer.Option(False, "--json")):
    """在标注集上评测匹配器与基线（法条 BM25 检索）。"""
    from ..matching.evaluate import load_cases, run_baseline, run_matcher, score

    cases = load_cases(file)
    ours = score(cases, run_matcher(cases, top))
    base = score(cases, run_baseline(cases, top))
    if json_:
        emit_json({"matcher": ours, "baseline": base})
        return
    from rich.table import Table

    t = Table("指标", "匹配器", "基线（法条BM25）", "差值")
    rows = [
        ("处罚依据 top-1", ours["top1"]["penalty"], base["top1"]["penalty"]),
        ("处罚依据 top-3", ours["top3"]["penalty"], base["top3"]["penalty"]),
        ("违法依据 top-1", ours["top1"]["violated"], base["top1"]["violated"]),
        ("违法依据 top-3", ours["top3"]["violated"], base["top3"]["violated"]),
        ("两者均中 top-1", ours["top1"]["both"], base["top1"]["both"]),
        ("负例弃权召回", ours["abstention"]["recall_on_negatives"], base["abstention"]["recall_on_negatives"]),
        ("弃权精确率", ours["abstention"]["precision"], base["abstention"]["precision"]),
        ("正例误弃权率", ours["abstention"]["rate_on_positives"], base["abstention"]["rate_on_positives"]),
    ]
    for name, a, b in rows:
        t.add_row(name, f"{a:.1%}", f"{b:.1%}", f"{(a - b) * 100:+.1f}")
    console.print(f"{ours['n']} 条（正例 {ours['positives']}，负例 {ours['negatives']}）")
    console.print(t)
    k = Table("类别", "n", "处罚 top-1", "处罚 top-3", "基线 top-1")
    for kind, v in ours["per_kind"].items():
        k.add_row(kind, str(v["n"]), f"{v['penalty_top1']:.0%}", f"{v['penalty_top3']:.0%}", f"{base['per_kind'][kind]['penalty_top1']:.0%}")
    console.print(k)


@eval_app.command("embed")
def eval_embed():
    """语义重排所用的情形文本向量：为目录中新增或改动的文本计算向量并写入 data/matching/situation_vectors.npz。"""
    from rich.progress import Progress

    from ..matching.semantic import VECTORS_FILE, build_vectors
    from ..rules.catalog import load_catalog

    situations = list(load_catalog().situations.values())
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("计算向量", total=None)
        n = build_vectors(situations, lambda done, total: bar.update(task, completed=done, total=total))
    console.print(f"新计算 {n} 条文本的向量；共 {len(situations)} 个情形，已写入 {VECTORS_FILE.relative_to(VECTORS_FILE.parents[2])}")


@eval_app.command("tune")
def eval_tune(file: Path = typer.Argument(..., exists=True, dir_okay=False),
              write: bool = typer.Option(False, "--write", help="写入 data/matching/calibration.yaml"),
              cv: int = typer.Option(0, "--cv", help="只做交叉验证：按 K 折在其余部分调参、在留出部分评测（估计未见数据上的效果）")):
    """在标注集上调整排序权重并校准置信度（结果为数据文件）。"""
    if cv:
        return _cross_validate(file, cv)
    from ..matching.evaluate import load_cases
    from ..matching.matcher import Matcher
    from ..matching.tune import tune_all
    from ..matching.tune import write as write_weights
    from ..rules.catalog import get_catalog

    cases = load_cases(file)
    m = Matcher(get_catalog())
    w = tune_all(m, cases)
    console.print(f"排序权重：words={w.words} grams={w.grams} examples={w.examples} keywords={w.keywords} clause={w.clause}")
    console.print(f"校准：c0={w.c0:.3f} raw={w.c_raw:.3f} cov={w.c_cov:.3f} kw={w.c_kw:.3f} margin={w.c_margin:.3f}；弃权阈值 {w.abstain_below}")
    if write:
        write_weights(w, len(cases), file.name)
        console.print("已写入 data/matching/calibration.yaml")


def _cross_validate(file: Path, k: int) -> None:
    """K-fold, two shuffles: tune on K-1 parts, score the held-out part; prints each fold and the mean."""
    import random

    from ..matching.evaluate import load_cases, score
    from ..matching.matcher import Matcher, Weights
    from ..matching.tune import tune_all
    from ..rules.catalog import get_catalog

    cases = load_cases(file)
    cat = get_catalog()
    rows = []
    for seed in (7, 11):
        idx = list(range(len(cases)))
        random.Random(seed).shuffle(idx)
        folds = [idx[i::k] for i in range(k)]
        for f in range(k):
            test = [cases[i] for i in folds[f]]
            train = [cases[i] for g in range(k) if g != f for i in folds[g]]
            m = Matcher(cat, weights=Weights())
            tune_all(m, train)
            s = score(test, [m.match(c.text, c.date, None, 5, c.id).to_dict() for c in test])
            rows.append((s["top1"]["penalty"], s["top3"]["penalty"], s["abstention"]["rate_on_positives"], s["abstention"]["recall_on_negatives"]))
            console.print(f"shuffle {seed} fold {f + 1}/{k}: penalty top-1 {rows[-1][0]:.1%}, top-3 {rows[-1][1]:.1%}, "
                          f"in-scope abstained {rows[-1][2]:.1%}, negatives abstained {rows[-1][3]:.1%}")
    mean = [sum(r[i] for r in rows) / len(rows) for i in range(4)]
    console.print(f"held-out mean: penalty top-1 {mean[0]:.1%}, top-3 {mean[1]:.1%}, in-scope abstained {mean[2]:.1%}, "
                  f"negatives abstained {mean[3]:.1%}")
