"""规范性检查 on 34 seeded defects: each is caught (by the element it concerns); clean documents pass."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from chengguan.cli import app
from chengguan.documents.checker import check_doc, check_file, check_set, errors, read_doc


# ---------------------------------------------------------------------------------------------- mutations
def _paragraphs(doc):
    yield from doc.paragraphs
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def replace(path: Path, old: str, new: str, count: int = 0) -> None:
    doc = Document(str(path))
    n = 0
    for p in _paragraphs(doc):
        if old in p.text and (not count or n < count):
            text = p.text.replace(old, new)
            for r in p.runs[1:]:
                r._r.getparent().remove(r._r)
            p.runs[0].text = text
            n += 1
    assert n, f"{old!r} not found in {path.name}"
    doc.save(str(path))


def remove(path: Path, pattern: str) -> None:
    doc = Document(str(path))
    n = 0
    for p in list(_paragraphs(doc)):
        if re.search(pattern, p.text):
            p._p.getparent().remove(p._p)
            n += 1
    assert n, f"{pattern!r} not found in {path.name}"
    doc.save(str(path))


def append(path: Path, after: str, extra: str) -> None:
    replace(path, after, after + extra, count=1)


DEC, NOTICE, SIMPLE = "行政处罚决定书", "行政处罚事先告知书", "当场行政处罚决定书"

# (id, variant, target kind, mutation, mode, expected element)
# mode: doc = check the one document; set = check the variant's whole set; record = set + the case record
DEFECTS = [
    ("missing-review-channel", "普通程序", DEC, lambda p: remove(p, "申请行政复议"), "doc", "申请行政复议的途径"),
    ("15-day-review-period", "普通程序", DEC, lambda p: replace(p, "六十日内", "十五日内"), "doc", "行政复议期限"),
    ("3-month-suit-period", "普通程序", DEC, lambda p: replace(p, "六个月内", "三个月内"), "doc", "行政诉讼期限"),
    ("wrong-review-organ", "普通程序", DEC, lambda p: replace(p, "向重庆市涪陵区人民政府申请", "向重庆市城市管理局申请"), "doc", "行政复议机关"),
    ("stale-1992-remedy", "普通程序", DEC, lambda p: remove(p, "^当事人如不服本决定") or append(
        p, "加处罚款的数额不得超出罚款的数额。",
        "当事人对处罚决定不服的，可以在接到处罚通知之日起十五日内，向作出处罚决定机关的上一级机关申请复议；对复议决定不服的，可以在接到复议决定之日起十五日内，向人民法院起诉。"),
     "doc", "行政复议期限"),
    ("wrong-article-number", "普通程序", DEC, lambda p: replace(p, "第十八条第二款规定：", "第十七条第二款规定："), "doc", "条文引用原文"),
    ("altered-provision-text", "普通程序", DEC, lambda p: replace(p, "对个人处五十元以上五百元以下的罚款", "对个人处一百元以上一千元以下的罚款"), "doc", "条文引用原文"),
    ("nonexistent-article", "普通程序", DEC, lambda p: replace(p, "依据《重庆市市容环境卫生管理条例》第十八条第二款", "依据《重庆市市容环境卫生管理条例》第一百八十条第二款"), "doc", "引用条文"),
    ("capital-amount-mismatch", "普通程序", DEC, lambda p: replace(p, "（大写：叁佰元整）", "（大写：叁佰伍拾元整）"), "doc", "金额大小写"),
    ("fine-above-legal-range", "普通程序", DEC, lambda p: replace(p, "300元（大写：叁佰元整）", "800元（大写：捌佰元整）"), "doc", "罚款数额（法定幅度）"),
    ("decided-before-statement-period-ended", "普通程序", DEC, lambda p: replace(p, "二〇二六年三月二十日", "二〇二六年三月十六日"), "doc", "陈述申辩期限"),
    ("missing-seal", "普通程序", DEC, lambda p: remove(p, "^（印章）$"), "doc", "印章"),
    ("missing-party-address", "普通程序", DEC, lambda p: remove(p, "^住址（住所）"), "doc", "当事人地址"),
    ("missing-party-name", "普通程序", DEC, lambda p: replace(p, "当事人：张某某，", ""), "doc", "当事人姓名或者名称"),
    ("missing-decision-date", "普通程序", DEC, lambda p: remove(p, "^二〇二六年三月二十日$"), "doc", "日期"),
    ("missing-payment-manner", "普通程序", DEC, lambda p: remove(p, "缴纳罚款"), "doc", "履行方式和期限"),
    ("missing-evidence", "普通程序", DEC, lambda p: remove(p, "证据|^\\d．"), "doc", "证据"),
    ("missing-document-number", "普通程序", DEC, lambda p: remove(p, "^涪城管罚决字"), "doc", "文号"),
    ("wrong-number-year", "普通程序", DEC, lambda p: replace(p, "涪城管罚决字〔2026〕", "涪城管罚决字〔2025〕"), "doc", "文号年份"),
    ("placeholder-left", "普通程序", DEC, lambda p: replace(p, "联系电话：138****5678", "联系电话：××"), "doc", "未填写的占位符"),
    ("invalid-id-number", "普通程序", DEC, lambda p: replace(p, "500102199003071232", "500102199003071233"), "doc", "公民身份号码"),
    ("notice-without-statement-rights", "普通程序", NOTICE, lambda p: remove(p, "陈述、申辩的权利"), "doc", "陈述申辩权利"),
    ("one-officer-in-inquiry", "普通程序", "询问笔录", lambda p: replace(p, "、王某（执法证号：渝执500102260102）", ""), "doc", "执法人员"),
    ("simple-without-prereview", "简易程序", SIMPLE, lambda p: replace(p, "应当自收到本决定书之日起六十日内先向", "可以自收到本决定书之日起六十日内向"), "doc", "复议前置"),
    ("simple-offers-direct-suit", "简易程序", SIMPLE, lambda p: append(p, "可以再依法向人民法院提起行政诉讼。", "当事人也可以自收到本决定书之日起六个月内直接向人民法院提起行政诉讼。"), "doc", "复议前置"),
    ("simple-fine-over-200", "简易程序", SIMPLE, lambda p: replace(p, "100元（大写：壹佰元整）", "300元（大写：叁佰元整）"), "doc", "简易程序适用条件"),
    ("no-penalty-without-suit-channel", "不予处罚", "不予行政处罚决定书", lambda p: replace(p, "，也可以自收到本决定书之日起六个月内依法向人民法院提起行政诉讼", ""), "doc", "提起行政诉讼的途径和期限"),
    ("amount-mismatch-notice-decision", "普通程序", DEC, lambda p: replace(p, "300元（大写：叁佰元整）", "400元（大写：肆佰元整）"), "set", "告知书与决定书的罚款数额"),
    ("basis-mismatch-notice-decision", "普通程序", DEC, lambda p: replace(p, "依据《重庆市市容环境卫生管理条例》第十八条第二款的规定，本机关决定", "依据《城市市容和环境卫生管理条例》第三十四条的规定，本机关决定"), "set", "告知书与决定书的法律依据"),
    ("served-before-decision", "普通程序", "送达回证", lambda p: replace(p, "二〇二六年三月二十日", "二〇二六年三月十八日"), "set", "送达日期"),
    ("legal-review-after-decision", "普通程序", "法制审核意见书", lambda p: replace(p, "二〇二六年三月十一日", "二〇二六年三月二十三日"), "set", "日期顺序"),
    ("preservation-decided-late", "普通程序", "先行登记保存处理决定书", lambda p: replace(p, "二〇二六年三月六日", "二〇二六年三月二十日"), "set", "先行登记保存处理期限"),
    ("party-name-differs", "普通程序", "询问笔录", lambda p: replace(p, "张某某", "张某"), "set", "当事人一致"),
    ("decided-after-90-days", "普通程序", DEC, lambda p: replace(p, "本机关于二〇二六年三月三日立案调查", "本机关于二〇二五年十二月一日立案调查"), "doc", "办案期限"),
    ("filed-after-limitation", "普通程序", DEC, lambda p: replace(p, "当事人张某某于二〇二六年三月二日", "当事人张某某于二〇二三年三月二日"), "doc", "追责时效"),
    ("hearing-notice-too-late", "听证", "听证通知书", lambda p: replace(p, "二〇二六年三月十七日", "二〇二六年三月二十四日"), "set", "听证通知期限"),
    ("hearing-notice-missing", "听证", NOTICE, lambda p: remove(p, "要求听证"), "record-no-hearing-doc", "听证告知"),
    ("fine-outside-discretion-range", "普通程序", None, lambda paths: [replace(paths[k], "300元（大写：叁佰元整）", "400元（大写：肆佰元整）")
                                                               for k in (NOTICE, DEC)], "record", "罚款数额（裁量幅度）"),
]


def test_at_least_25_seeded_defects():
    assert len(DEFECTS) >= 25
    assert len({d[0] for d in DEFECTS}) == len(DEFECTS)


@pytest.mark.parametrize("variant", ["普通程序", "听证", "简易程序", "不予处罚", "移送"])
def test_clean_sets_pass(rendered, variants, variant):
    paths = list(rendered[variant].values())
    assert check_set(paths) == []
    assert check_set(paths, record=variants[variant]) == []
    for p in paths:
        assert check_file(p) == [], p.name


@pytest.mark.parametrize("ident, variant, kind, mutate, mode, element", DEFECTS, ids=[d[0] for d in DEFECTS])
def test_seeded_defect_is_caught(tmp_path, rendered, variants, ident, variant, kind, mutate, mode, element):
    from tests.documents.conftest import copy_set

    paths = copy_set(rendered[variant], tmp_path / ident)
    if kind is None:
        mutate(paths)
    else:
        mutate(paths[kind])
    rec = variants[variant]
    if mode == "doc":
        probs = check_file(paths[kind])
        # the same defect is also caught when the whole set is checked against the record
        assert any(p.element == element for p in check_set(list(paths.values()), record=rec))
    elif mode == "set":
        probs = check_set(list(paths.values()))
    elif mode == "record":
        probs = check_set(list(paths.values()), record=rec)
    elif mode == "record-no-hearing-doc":
        del paths["听证告知书"]
        probs = check_set(list(paths.values()), record=rec)
    found = [p for p in errors(probs) if p.element == element]
    assert found, f"{ident}: expected {element}; got {[str(p) for p in probs]}"
    assert found[0].found and found[0].required


def test_a_decision_written_elsewhere_is_checked(tmp_path, rendered):
    """A reviewer uploads an officer's hand-made 决定书 (plain Word defaults, no template): same checks."""
    lines = read_doc(rendered["普通程序"][DEC]).lines
    good = Document()
    for ln in lines:
        good.add_paragraph(ln)
    good.save(tmp_path / "手写决定书.docx")
    assert errors(check_file(tmp_path / "手写决定书.docx")) == []
    bad = Document()
    for ln in lines:
        if ln.startswith("当事人如不服本决定"):
            ln = "当事人如不服本决定，可以在接到处罚通知之日起十五日内向上一级机关申请复议，也可以在十五日内向人民法院起诉。"
        if ln == "（印章）":
            continue
        bad.add_paragraph(ln)
    bad.save(tmp_path / "手写决定书-错.docx")
    got = {p.element for p in errors(check_file(tmp_path / "手写决定书-错.docx"))}
    assert {"行政复议期限", "行政诉讼期限", "印章", "申请行政复议的途径", "申请行政复议的期限"} <= got


def test_unknown_document_is_reported(tmp_path):
    d = Document()
    d.add_paragraph("会议纪要")
    d.save(tmp_path / "x.docx")
    assert [p.element for p in check_file(tmp_path / "x.docx")] == ["文书种类"]


def test_cli_check_exit_codes_and_json(tmp_path, rendered):
    runner = CliRunner()
    good = rendered["普通程序"][DEC]
    r = runner.invoke(app, ["docs", "check", str(good)])
    assert r.exit_code == 0, r.output
    bad = Path(shutil.copy(good, tmp_path / "决定书.docx"))
    replace(bad, "六十日内", "十五日内")
    r = runner.invoke(app, ["docs", "check", str(bad), "--json"])
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert out["ok"] is False
    prob = next(p for p in out["problems"] if p["element"] == "行政复议期限")
    assert "十五日内" in prob["found"] and "六十日" in prob["required"]
    r = runner.invoke(app, ["docs", "check", str(good.parent)])
    assert r.exit_code == 0, r.output


def test_the_15_day_suit_period_after_a_review_decision_is_not_flagged(tmp_path, rendered):
    """行政诉讼法第四十五条: 15 days after a 复议 decision is correct law; only a direct 15-day period is stale."""
    p = Path(shutil.copy(rendered["简易程序"][SIMPLE], tmp_path / "当场.docx"))
    replace(p, "对行政复议决定不服的，可以再依法向人民法院提起行政诉讼",
            "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼")
    assert errors(check_file(p)) == []


def test_cli_check_against_the_case_record(tmp_path, rendered, record):
    case = tmp_path / "case.json"
    case.write_text(record.model_dump_json(), encoding="utf-8")
    folder = tmp_path / "set"
    from tests.documents.conftest import copy_set

    paths = copy_set(rendered["普通程序"], folder)
    runner = CliRunner()
    assert runner.invoke(app, ["docs", "check", str(folder), "--record", str(case)]).exit_code == 0
    for k in (NOTICE, DEC):
        replace(paths[k], "300元（大写：叁佰元整）", "450元（大写：肆佰伍拾元整）")
    r = runner.invoke(app, ["docs", "check", str(folder), "--record", str(case), "--json"])
    assert r.exit_code == 1
    elements = {p["element"] for p in json.loads(r.stdout)["problems"]}
    assert {"罚款数额（裁量幅度）", "罚款数额"} <= elements


def test_the_old_dual_review_channel_is_flagged(tmp_path, rendered):
    """Since 2024-01-01 复议 of a district department goes to the district government only (行政复议法第二十四条)."""
    p = Path(shutil.copy(rendered["普通程序"][DEC], tmp_path / "决定书.docx"))
    replace(p, "向重庆市涪陵区人民政府申请行政复议", "向重庆市涪陵区人民政府或者重庆市城市管理局申请行政复议")
    assert "行政复议机关" in {x.element for x in errors(check_file(p))}
