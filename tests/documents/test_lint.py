"""Template linter: a bureau's replacement template is checked against the manifest and the record."""

import shutil

import yaml
from docx import Document
from typer.testing import CliRunner

from chengguan.cli import app
from chengguan.documents.lint import lint
from chengguan.documents.manifest import load_manifest


def test_shipped_templates_are_clean():
    assert lint() == []


def _bureau_folder(tmp_path):
    src = load_manifest().folder
    dst = tmp_path / "templates"
    shutil.copytree(src, dst)
    return dst


def test_undeclared_unknown_and_unused_fields_are_listed(tmp_path):
    folder = _bureau_folder(tmp_path)
    doc = Document(str(folder / "催告书.docx"))
    doc.add_paragraph("经办人：{{ handler_name }}")  # a field the manifest does not declare and the record lacks
    doc.save(str(folder / "催告书.docx"))
    m = yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8"))
    entry = next(k for k in m["kinds"] if k["kind"] == "催告书")
    entry["fields"].append("inspection")  # declared but not used
    (folder / "manifest.yaml").write_text(yaml.safe_dump(m, allow_unicode=True, sort_keys=False), encoding="utf-8")
    issues = {(i.issue, i.detail.split("：")[1].split("（")[0]) for i in lint(folder) if i.kind == "催告书"}
    assert ("undeclared", "handler_name") in issues
    assert ("unknown", "handler_name") in issues
    assert ("unused", "inspection") in issues


def test_split_tags_curly_quotes_and_missing_files(tmp_path):
    folder = _bureau_folder(tmp_path)
    doc = Document(str(folder / "结案报告.docx"))
    p = doc.add_paragraph()
    p.add_run("{{ party.")  # Word split the tag across two runs
    p.add_run("name }}")
    doc.add_paragraph("{{ d.get(“closed”) }}")
    doc.save(str(folder / "结案报告.docx"))
    (folder / "送达回证.docx").unlink()
    shutil.copy(folder / "催告书.docx", folder / "自制文书.docx")
    kinds = {(i.file, i.issue) for i in lint(folder)}
    assert ("结案报告.docx", "split-tag") in kinds
    assert ("结案报告.docx", "curly-quote") in kinds
    assert ("送达回证.docx", "missing-template") in kinds
    assert ("自制文书.docx", "unlisted-template") in kinds


def test_cli_lint(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["docs", "lint"]).exit_code == 0
    folder = _bureau_folder(tmp_path)
    (folder / "听证笔录.docx").unlink()
    r = runner.invoke(app, ["docs", "lint", "--templates", str(folder), "--json"])
    assert r.exit_code == 1 and "missing-template" in r.stdout


def test_a_bureau_template_folder_is_used_without_code_changes(tmp_path, record, monkeypatch):
    from chengguan.documents.render import render_docx
    from chengguan.documents.text import docx_lines

    folder = _bureau_folder(tmp_path)
    doc = Document(str(folder / "行政处罚决定书.docx"))
    doc.paragraphs[0].runs[0].text = "{{ bureau.name }}（本局自制格式）"
    doc.save(str(folder / "行政处罚决定书.docx"))
    monkeypatch.setenv("CHENGGUAN_TEMPLATES_DIR", str(folder))
    lines = docx_lines(render_docx(record, "行政处罚决定书"))
    assert lines[0] == "重庆市涪陵区城市管理局（本局自制格式）"
