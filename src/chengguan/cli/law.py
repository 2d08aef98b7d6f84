"""`chengguan law …`: list, cite, search and import statutes."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .common import console, emit_json, fail, parse_date

law_app = typer.Typer(help="法规库：检索、引用、导入法律法规。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(law_app, name="law")


@law_app.command("list")
def list_(json_: bool = typer.Option(False, "--json", help="输出 JSON")):
    """列出法规库中的全部法律法规及其版本。"""
    from ..law.kb import get_kb

    kb = get_kb()
    rows = []
    for title in kb.titles:
        for v in kb.versions[title]:
            rows.append({"title": v.title, "level": v.level, "issuer": v.issuer, "version_date": v.version_date.isoformat(),
                         "effective_date": v.effective_date.isoformat(), "in_force_from": v.in_force_from.isoformat(),
                         "repealed_date": v.repealed_date.isoformat() if v.repealed_date else None,
                         "superseded_date": v.superseded_date.isoformat() if v.superseded_date else None,
                         "articles": len(v.articles)})
    if json_:
        emit_json(rows)
        return
    t = Table("名称", "层级", "版本", "施行", "状态", "条数")
    for r in rows:
        status = f"{r['repealed_date']}废止" if r["repealed_date"] else (f"{r['superseded_date']}起被新版本替代" if r["superseded_date"] else "现行有效")
        t.add_row(r["title"], r["level"], r["version_date"], r["in_force_from"], status, str(r["articles"]))
    console.print(t)


@law_app.command()
def cite(citation: str = typer.Argument(..., help="如：《城市市容和环境卫生管理条例》第三十四条第一款第（四）项"),
         as_of: Optional[str] = typer.Option(None, "--as-of", help="按该日施行的版本回答（YYYY-MM-DD，默认今天）"),
         json_: bool = typer.Option(False, "--json")):
    """解析引用并给出条文原文。"""
    from ..law.kb import CitationError, get_kb

    day = parse_date(as_of, "as-of")
    try:
        res = get_kb().cite(citation, as_of=day)
    except CitationError as e:
        if json_:
            emit_json(e.to_dict())
            raise typer.Exit(1)
        msg = str(e) + (f"。您是否要找：{'、'.join('《' + s + '》' for s in e.suggestions)}" if e.suggestions else "")
        fail(msg, 1)
    if json_:
        out = [r.to_dict() for r in res]
        emit_json(out[0] if len(out) == 1 else out)
        return
    for r in res:
        console.print(f"[bold]{r.canonical}[/bold]（{r.version_date}版{'' if r.in_force else '，' + (r.note or '不在施行期')}）")
        console.print(r.text, markup=False)
        console.print()


@law_app.command()
def search(query: str, as_of: Optional[str] = typer.Option(None, "--as-of"),
           level: Optional[str] = typer.Option(None, "--level", help="法律/行政法规/部门规章/地方性法规/地方政府规章"),
           law: Optional[str] = typer.Option(None, "--law", help="只在某部法规中检索"),
           limit: int = typer.Option(10, "--limit", min=1, max=100),
           json_: bool = typer.Option(False, "--json")):
    """全文检索条文（中文分词，按相关度排序）。"""
    from ..law.kb import CitationError, get_kb
    from ..law.search import SearchError

    day = parse_date(as_of, "as-of")
    try:
        hits = get_kb().search(query, as_of=day, level=level, law=law, limit=limit)
    except (SearchError, CitationError) as e:
        fail(str(e))
    if json_:
        emit_json([h.to_dict() for h in hits])
        return
    if not hits:
        console.print("没有找到相关条文。")
    for h in hits:
        console.print(f"[bold]{h.citation}[/bold] [dim]{h.level} · {h.version_date}版 · {h.score:.2f}[/dim]")
        console.print(h.marked("[yellow]", "[/yellow]").replace("[yellow]", "\x00").replace("[/yellow]", "\x01")
                      .replace("[", "\\[").replace("\x00", "[yellow]").replace("\x01", "[/yellow]"))


@law_app.command("import")
def import_(file: Path = typer.Argument(..., exists=True, dir_okay=False, help=".md / .txt / .docx 官方文本"),
            title: Optional[str] = typer.Option(None, "--title", help="法规全称（默认取文本标题）"),
            level: str = typer.Option("地方政府规章", "--level"),
            issuer: str = typer.Option("", "--issuer"),
            version_date: str = typer.Option(..., "--version-date", help="公布或修正日期"),
            effective_date: Optional[str] = typer.Option(None, "--effective-date", help="施行日期（默认同版本日期）"),
            source: str = typer.Option("", "--source", help="官方来源（网址或文号）"),
            repealed_date: Optional[str] = typer.Option(None, "--repealed-date")):
    """导入或更新一部法规（同一文本重复导入不产生变化；条文编号有缺漏的文本被拒绝）。"""
    from ..law.importer import ImportError_, import_instrument

    try:
        result = import_instrument(file, title=title, level=level, issuer=issuer,
                                   version_date=parse_date(version_date, "version-date"),
                                   effective_date=parse_date(effective_date, "effective-date"),
                                   source=source, repealed_date=parse_date(repealed_date, "repealed-date"))
    except ImportError_ as e:
        fail(str(e), 1)
    console.print(result.message)


@law_app.command("check")
def check():
    """检查法规库：每部法规可解析，条文编号无缺漏、无重复。"""
    from ..law.kb import get_kb
    from ..law.parser import numbering_problems

    kb = get_kb()
    bad = 0
    for title in kb.titles:
        for v in kb.versions[title]:
            probs = numbering_problems(v.articles)
            if probs:
                bad += 1
                console.print(f"[red]{v.version_id}[/red]: {'；'.join(probs)}")
    n = sum(len(v) for v in kb.versions.values())
    console.print(f"{n} 个版本，{len(kb.titles)} 部法规，{sum(len(i.articles) for vs in kb.versions.values() for i in vs)} 条；问题 {bad} 个")
    raise typer.Exit(1 if bad else 0)
