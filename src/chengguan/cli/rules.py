"""`chengguan rules …`: the enforcement catalog and its validator."""

from __future__ import annotations

import typer
from rich.table import Table

from .common import console, emit_json, fail

rules_app = typer.Typer(help="执法事项与违法情形目录：列表、查看、校验、统计。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")


@rules_app.command("list")
def list_(domain: str = typer.Option(None, "--domain"), json_: bool = typer.Option(False, "--json")):
    """列出违法情形。"""
    from ..rules.catalog import get_catalog

    cat = get_catalog()
    rows = []
    for s in cat.situations.values():
        it = cat.items.get(s.item)
        if domain and (not it or it.domain != domain):
            continue
        b = s.bases[-1]
        rows.append({"id": s.id, "name": s.name, "item": s.item, "domain": it.domain if it else None,
                     "penalty": [c.as_text() for c in b.penalty]})
    if json_:
        emit_json(rows)
        return
    t = Table("编号", "名称", "领域", "处罚依据")
    for r in rows:
        t.add_row(r["id"], r["name"], r["domain"] or "", "；".join(r["penalty"]))
    console.print(t)


@rules_app.command()
def show(situation_id: str, json_: bool = typer.Option(False, "--json")):
    """查看一个违法情形及其条文原文。"""
    from ..law.kb import CitationError, get_kb
    from ..rules.catalog import get_catalog

    cat = get_catalog()
    s = cat.situation(situation_id)
    if s is None:
        fail(f"没有编号为 {situation_id} 的违法情形")
    if json_:
        emit_json(s.model_dump(mode="json", exclude_none=True))
        return
    kb = get_kb()
    console.print(f"[bold]{s.id} {s.name}[/bold]（事项 {s.item}）")
    console.print(s.conduct)
    for b in s.bases:
        rng = f"{b.valid_from or '…'} 至 {b.valid_to or '…'}"
        console.print(f"\n[bold]依据（{rng}）[/bold]")
        for role, cites in (("违法依据", b.violated), ("处罚依据", b.penalty)):
            for c in cites:
                try:
                    r = kb.resolve(c.law, c.article, c.paragraph, c.item, as_of=b.valid_to or b.valid_from)
                    console.print(f"{role}：{r.canonical}\n  {r.text}", markup=False)
                except CitationError as e:
                    console.print(f"{role}：{c.as_text()} [red]{e}[/red]")
        console.print("处罚种类：" + "、".join(b.penalty_kinds))
        for f in b.fines:
            console.print(f"罚款：{f.party} {f.kind} {f.min:g}–{f.max:g}{f.unit or ''} {f.condition or ''}")
        for t in b.tiers:
            console.print(f"  {t.level}（{t.party}）{t.min:g}–{t.max:g}：{t.when}")


@rules_app.command()
def check(json_: bool = typer.Option(False, "--json"), warnings: bool = typer.Option(False, "--warnings", help="同时显示提示")):
    """校验目录：引用可解析、罚款与原文一致、档次连续、无重复、示例充足。有错误时退出码非零。"""
    from ..rules.catalog import get_catalog
    from ..rules.validate import Validator, load_dev_texts

    v = Validator(get_catalog(), dev_texts=load_dev_texts())
    problems = v.run()
    errors = v.errors
    if json_:
        emit_json({"errors": len(errors), "problems": [p.to_dict() for p in problems if warnings or p.severity == "error"]})
    else:
        for p in problems:
            if warnings or p.severity == "error":
                console.print(str(p), markup=False)
        console.print(f"{len(get_catalog().situations)} 个违法情形，{len(get_catalog().items)} 个执法事项；错误 {len(errors)} 个")
    raise typer.Exit(1 if errors else 0)


@rules_app.command()
def stats(json_: bool = typer.Option(False, "--json"), show_uncovered: bool = typer.Option(False, "--uncovered")):
    """覆盖统计：纳入职责的罚则条款、已覆盖、不属职责。"""
    from ..rules.catalog import get_catalog
    from ..rules.validate import coverage

    c = coverage(get_catalog())
    if json_:
        emit_json(c)
        return
    console.print(f"违法情形 {c['situations']}（双法律体系 {c['dual_regime']}），执法事项 {c['items']}")
    console.print(f"含罚则的条款 {c['penalty_articles']}：纳入职责 {c['in_scope']}，已覆盖 {c['covered']}，不属职责 {c['out_of_scope']}，未覆盖 {len(c['uncovered'])}")
    for d, n in c["situations_by_domain"].items():
        console.print(f"  {d}: {n}")
    if show_uncovered:
        for u in c["uncovered"]:
            console.print("  未覆盖：" + u)
