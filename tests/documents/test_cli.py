"""`chengguan docs render`: the built-in example and a case JSON file, without any database."""

import json

from typer.testing import CliRunner

from chengguan.cli import app
from chengguan.documents.checker import check_set

runner = CliRunner()


def test_render_example(tmp_path):
    r = runner.invoke(app, ["docs", "render", "--example", "--out", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    names = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert "行政处罚决定书.docx" in names and "行政处罚事先告知书.docx" in names and len(names) == 12
    assert len(out["documents"]) == 12
    assert check_set(sorted(tmp_path.glob("*.docx"))) == []


def test_render_example_all_kinds(tmp_path):
    r = runner.invoke(app, ["docs", "render", "--example", "--all-kinds", "--out", str(tmp_path)])
    assert r.exit_code == 0, r.output
    kinds = {p.stem for p in tmp_path.glob("*/*.docx")}
    assert len(kinds) == 20


def test_render_case_json_with_number_allocation(tmp_path, record):
    case = tmp_path / "case.json"
    data = json.loads(record.model_dump_json())
    data["doc_numbers"] = {}
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "numbers.sqlite3"
    r = runner.invoke(app, ["docs", "render", str(case), "--out", str(tmp_path / "a"), "--numbers-db", str(db)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["docs", "render", str(case), "--out", str(tmp_path / "b"), "--numbers-db", str(db)])
    assert r.exit_code == 0, r.output
    from chengguan.documents.text import docx_lines

    assert "涪城管罚决字〔2026〕第0001号" in docx_lines(tmp_path / "a" / "行政处罚决定书.docx")
    assert "涪城管罚决字〔2026〕第0002号" in docx_lines(tmp_path / "b" / "行政处罚决定书.docx")


def test_render_refuses_an_invalid_record(tmp_path, record):
    data = json.loads(record.model_dump_json())
    data["party"]["id_number"] = "500102199003071233"
    case = tmp_path / "bad.json"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    r = runner.invoke(app, ["docs", "render", str(case), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and "校验码" in r.output


def test_kinds_and_example_json(tmp_path):
    r = runner.invoke(app, ["docs", "kinds", "--json"])
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 20
    r = runner.invoke(app, ["docs", "example-json", "--out", str(tmp_path / "x.json")])
    assert r.exit_code == 0 and json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["party"]["name"] == "张某某"
