"""`chengguan docs …`: render a case's enforcement documents, check documents (规范性检查), lint templates."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from pydantic import ValidationError
from rich.table import Table

from .common import console, emit_json, fail

docs_app = typer.Typer(help="执法文书：生成全套文书（.docx/.pdf）、规范性检查、模板检查。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(docs_app, name="docs")


def _load_record(path: Path):
    from pydantic import ValidationError

    from ..documents.record import CaseRecord

    try:
        return CaseRecord.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fail(f"找不到案件文件：{path}")
    except ValidationError as e:
        msgs = "；".join(f"{'.'.join(map(str, err['loc']))}：{err['msg']}" for err in e.errors())
        fail(f"案件记录无效：{msgs}")


def _case_from_database(ref: str):
    """A case by its database id or its number (涪城管案〔2026〕00001号)."""
    from .web import setup_django

    setup_django()
    from ..cases.models import Case

    c = Case.objects.filter(pk=int(ref)).first() if ref.isdigit() else Case.objects.filter(number=ref).first()
    if c is None:
        fail(f"没有找到案件 {ref}（也不是一个存在的 JSON 文件）")
    return c


def _record_from_database(c):
    from ..cases.documents import case_record

    try:
        return case_record(c)
    except (ValueError, ValidationError) as e:
        fail(f"案件 {c.number} 还不能生成文书：{e}")


class _TransactionalAllocator:
    """文号 from the case database, each issued in its own transaction."""

    def __init__(self, inner):
        self.inner = inner

    def allocate(self, prefix, year, *, case_number="", kind=""):
        from django.db import transaction

        with transaction.atomic():
            return self.inner.allocate(prefix, year, case_number=case_number, kind=kind)


@docs_app.command()
def render(case: Optional[str] = typer.Argument(None, help="案件编号或数据库 id（从案件库生成），或案件记录 JSON 文件（CaseRecord）"),
           out: Path = typer.Option(..., "--out", help="输出目录"),
           example: bool = typer.Option(False, "--example", help="使用内置示例案件（涪陵区人行天桥摆摊兜售物品，普通程序罚款）"),
           all_kinds: bool = typer.Option(False, "--all-kinds", help="与 --example 合用：另生成听证、简易程序、不予处罚、移送等变体，覆盖全部文书种类"),
           pdf: bool = typer.Option(False, "--pdf", help="同时生成 PDF（LibreOffice）"),
           numbers_db: Optional[Path] = typer.Option(None, "--numbers-db", help="文号分配库（SQLite；默认 $CHENGGUAN_DATA_DIR/docnumbers.sqlite3）"),
           json_: bool = typer.Option(False, "--json")):
    """生成一个案件的全套执法文书，文件名以文书种类开头（如 行政处罚决定书.docx）。"""
    import time

    from ..documents.example import example_record, example_variants
    from ..documents.numbering import SQLiteAllocator
    from ..documents.render import RenderError, render_set

    if example == (case is not None):
        fail("请给出案件记录 JSON 文件，或使用 --example（二者选一）")
    if all_kinds and not example:
        fail("--all-kinds 只能与 --example 一起使用")
    db_case = None
    if case and not Path(case).exists():
        db_case = _case_from_database(case)
    records = ({"": _record_from_database(db_case)} if db_case is not None else
               {"": _load_record(Path(case))} if case else
               ({"": example_record()} if not all_kinds else {k: v for k, v in example_variants().items()}))
    if db_case is not None:
        from ..cases.numbering import DbAllocator

        allocator = _TransactionalAllocator(DbAllocator())
    else:
        allocator = SQLiteAllocator(numbers_db) if numbers_db or case else None
    if allocator is None:
        from ..documents.numbering import MemoryAllocator

        allocator = MemoryAllocator()
    rows = []
    t0 = time.perf_counter()
    for variant, rec in records.items():
        target = out / variant if variant else out
        try:
            results = render_set(rec, target, allocator=allocator, pdf=pdf)
        except RenderError as e:
            fail(str(e))
        for r in results:
            rows.append({"variant": variant, "kind": r.kind, "docx": str(r.docx), "pdf": str(r.pdf) if r.pdf else None})
    elapsed = time.perf_counter() - t0
    if json_:
        emit_json({"documents": rows, "seconds": round(elapsed, 3)})
        return
    t = Table("文书", "文件", title=f"已生成 {len(rows)} 份文书（{elapsed:.2f} 秒）")
    for r in rows:
        t.add_row((r["variant"] + "/" if r["variant"] else "") + r["kind"], r["docx"] + (f"\n{r['pdf']}" if r["pdf"] else ""))
    console.print(t)


@docs_app.command()
def check(files: list[Path] = typer.Argument(..., help=".docx 文件或目录（目录内全部 .docx 作为一个案卷检查）"),
          record: Optional[Path] = typer.Option(None, "--record", help="案件记录 JSON：另核对当事人、金额、条文、裁量幅度、文号"),
          json_: bool = typer.Option(False, "--json")):
    """规范性检查：必备要素、条文原文、金额、日期顺序、救济途径和期限；有问题时退出码非零。"""
    from ..documents.checker import check_doc, check_set, errors, read_doc

    paths: list[Path] = []
    for f in files:
        if f.is_dir():
            paths += sorted(p for p in f.glob("*.docx") if not p.name.startswith("~$"))
        elif f.exists():
            paths.append(f)
        else:
            fail(f"找不到文件：{f}")
    if not paths:
        fail("没有可检查的 .docx 文件")
    rec = _load_record(record) if record else None
    try:
        docs = [read_doc(p) for p in paths]
    except Exception as e:  # noqa: BLE001 - not a .docx
        fail(f"无法读取文档：{e}")
    probs = check_set(docs, record=rec) if len(docs) > 1 else check_doc(docs[0], record=rec)
    errs = errors(probs)
    if json_:
        emit_json({"files": [str(p) for p in paths], "kinds": [d.name for d in docs], "ok": not errs,
                   "problems": [p.to_dict() for p in probs]})
    else:
        if not probs:
            console.print(f"[green]通过[/green]：{len(paths)} 份文书未发现问题（{'、'.join(d.name for d in docs)}）")
        else:
            t = Table("文书", "要素", "发现", "要求", "级别", title=f"发现 {len(errs)} 个问题" + (f"、{len(probs) - len(errs)} 个提示" if len(probs) > len(errs) else ""))
            for c in t.columns:
                c.overflow = "fold"
            for p in probs:
                t.add_row(p.file or p.kind, p.element, p.found, p.required, "错误" if p.severity == "error" else "提示")
            console.print(t)
    if errs:
        raise typer.Exit(1)


@docs_app.command()
def lint(templates: Optional[Path] = typer.Option(None, "--templates", help="模板目录（默认 data/templates 或 $CHENGGUAN_TEMPLATES_DIR）"),
         json_: bool = typer.Option(False, "--json")):
    """模板检查：未声明或未使用的字段、被拆分的 Jinja 标记、弯引号、缺失的模板。"""
    from ..documents.lint import lint as run_lint

    try:
        issues = run_lint(templates)
    except FileNotFoundError as e:
        fail(f"模板目录中没有 manifest.yaml：{e}")
    if json_:
        emit_json({"ok": not issues, "issues": [i.to_dict() for i in issues]})
    elif not issues:
        console.print("[green]模板检查通过[/green]")
    else:
        for i in issues:
            console.print(str(i), markup=False)
    if issues:
        raise typer.Exit(1)


@docs_app.command("kinds")
def kinds(json_: bool = typer.Option(False, "--json")):
    """列出文书种类、模板文件和文号前缀。"""
    from ..documents.manifest import load_manifest
    from ..documents.record import Bureau

    m = load_manifest()
    prefix = Bureau().doc_prefix
    rows = [{"kind": k.kind, "title": k.title, "file": k.file, "prefix": (prefix + k.prefix) if k.prefix else None,
             "when": k.when} for k in m.kinds.values()]
    if json_:
        emit_json(rows)
        return
    t = Table("种类", "标题", "模板", "文号前缀", "何时生成")
    for r in rows:
        t.add_row(r["kind"], r["title"], r["file"], r["prefix"] or "—", r["when"])
    console.print(t)


@docs_app.command("example-json")
def example_json(out: Optional[Path] = typer.Option(None, "--out", help="写入文件（默认输出到屏幕）")):
    """输出内置示例案件的 CaseRecord JSON（可据此编写案件文件）。"""
    from ..documents.example import example_record

    text = example_record().model_dump_json(indent=2)
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        print(text)
