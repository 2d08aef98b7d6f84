"""Rendering: every field from the record, verbatim provisions, remedies, amounts and dates, layout."""

import datetime as dt
import re
import time
import zipfile

import pytest

from chengguan.documents.context import quote, verify_remedy_provisions
from chengguan.documents.manifest import load_manifest
from chengguan.documents.record import Provision
from chengguan.documents.render import applicable_kinds, render_docx, render_set
from chengguan.documents.text import docx_lines
from chengguan.law.kb import get_kb


def text_of(path):
    return "\n".join(docx_lines(path))


def test_every_kind_is_rendered_by_some_variant(rendered):
    kinds = {k for v in rendered.values() for k in v}
    assert kinds == set(load_manifest().kinds) and len(kinds) == 20


def test_file_names_start_with_the_kind(rendered):
    for v in rendered.values():
        for kind, path in v.items():
            assert path.name == f"{kind}.docx"


def test_no_template_tags_left_and_titles_printed(rendered):
    m = load_manifest()
    for v in rendered.values():
        for kind, path in v.items():
            t = text_of(path)
            assert "{{" not in t and "{%" not in t and "}}" not in t, kind
            assert m.get(kind).title in docx_lines(path)[:3], kind


def test_decision_carries_every_field_from_the_record(rendered, record):
    t = text_of(rendered["普通程序"]["行政处罚决定书"])
    for value in (record.party.name, record.party.id_number, record.party.address, record.facts,
                  *[e.name for e in record.evidence], record.doc_numbers["行政处罚决定书"],
                  record.doc_numbers["行政处罚事先告知书"], record.bureau.bank_account, record.bureau.account_name):
        assert value in t, value
    assert "罚款人民币300元（大写：叁佰元整）" in t
    assert "二〇二六年三月三日立案调查" in t and t.rstrip().endswith("二〇二六年三月二十日")
    assert "罚款裁量幅度为200元至350元" in t


def test_provisions_are_quoted_verbatim_from_the_version_in_force(rendered, record):
    kb = get_kb()
    t = text_of(rendered["普通程序"]["行政处罚决定书"])
    para = kb.resolve("重庆市市容环境卫生管理条例", 18, 2, as_of=record.act_date).text
    assert f"《重庆市市容环境卫生管理条例》第十八条第二款规定：“{para}”" in t
    item = kb.resolve("重庆市市容环境卫生管理条例", 18, 1, 5, as_of=record.act_date).text
    assert f"第十八条第一款第（五）项规定：“道路上禁止下列行为：……{item}”" in t


def test_quote_uses_the_version_in_force_on_the_act_date():
    kb = get_kb()
    titles = [t for t, vs in kb.versions.items() if len(vs) > 1]
    assert titles, "the knowledge base ships instruments with two versions (国防动员法, 食品安全法)"
    title = titles[0]
    old, new = kb.versions[title][0], kb.versions[title][-1]
    art = next(a for a in old.articles if new.article(a.number) and _norm(new.article(a.number).text) != _norm(a.text))
    q_old = quote(Provision(law=title, article=art.number), new.in_force_from - dt.timedelta(days=1))
    q_new = quote(Provision(law=title, article=art.number), new.in_force_from)
    assert q_old["version"] == old.version_date.isoformat() and q_new["version"] == new.version_date.isoformat()
    assert q_old["quote"] != q_new["quote"]


def _norm(s):
    return re.sub(r"\s", "", s)


def test_remedy_wording_and_the_articles_it_relies_on(rendered):
    assert verify_remedy_provisions() == []
    t = text_of(rendered["普通程序"]["行政处罚决定书"])
    assert "六十日内向重庆市涪陵区人民政府申请行政复议" in t
    assert "六个月内依法向人民法院提起行政诉讼" in t
    assert not re.search(r"十五日内[^。]{0,40}(复议|诉讼|起诉)", t)
    simple = text_of(rendered["简易程序"]["当场行政处罚决定书"])
    assert "应当自收到本决定书之日起六十日内先向重庆市涪陵区人民政府申请行政复议" in simple
    assert "对行政复议决定不服的，可以再依法向人民法院提起行政诉讼" in simple
    assert "《中华人民共和国行政复议法》第二十三条" in simple
    assert "也可以" not in simple.split("第二十三条")[1].split("。")[0]


def test_statement_deadline_and_hearing_rights(rendered, variants):
    notice = text_of(rendered["普通程序"]["行政处罚事先告知书"])
    assert "五个工作日内（截至二〇二六年三月十九日）" in notice
    assert "要求听证" not in notice  # 300元 for a person: no 听证 right
    unit_notice = text_of(rendered["听证"]["行政处罚事先告知书"])
    assert "要求听证的权利" in unit_notice
    assert "壹万捌仟元整" in unit_notice


def test_statement_deadline_from_the_calendar_when_the_record_has_none(record):
    from chengguan.documents.context import statement_deadline

    rec = record.model_copy(update={"dates": record.dates.model_copy(update={"statement_deadline": None})})
    assert statement_deadline(rec) == dt.date(2026, 3, 19)  # 5 working days after Thursday 12 March 2026


def test_reminder_computes_the_surcharge(rendered):
    t = text_of(rendered["听证"]["催告书"])
    # served 2026-03-31, due 15 days later (04-15), reminder 04-20: 5 days × 3% × 18000 = 2700
    assert "人民币2700元（大写：贰仟柒佰元整）" in t


def test_every_run_and_style_sets_the_east_asian_font(rendered):
    path = rendered["普通程序"]["行政处罚决定书"]
    with zipfile.ZipFile(path) as z:
        doc = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
    runs = re.findall(r"<w:r>.*?</w:r>|<w:r .*?</w:r>", doc, flags=re.S)
    text_runs = [r for r in runs if "<w:t" in r]
    assert text_runs and all('w:eastAsia="' in r for r in text_runs)
    for sid in ("Normal", "CGBody", "CGTitle", "CGCell"):
        block = re.search(rf'w:styleId="{sid}".*?</w:style>', styles, flags=re.S).group(0)
        assert 'w:eastAsia="' in block, sid
    assert 'w:eastAsia="方正小标宋简体"' in styles and 'w:eastAsia="仿宋_GB2312"' in styles


def test_gbt9704_page_layout(rendered):
    from docx import Document
    from docx.shared import Mm

    doc = Document(str(rendered["普通程序"]["行政处罚决定书"]))
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [37, 35, 28, 26]
    grid = s._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docGrid")
    assert grid.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}linePitch") == "579"
    normal = doc.styles["Normal"]
    assert normal.font.size.pt == 16 and abs(normal.paragraph_format.line_spacing.pt - 28.95) < 0.01
    assert doc.styles["CG Title"].font.size.pt == 22
    # 28 characters: 156 mm type area / (16 pt − 0.25 pt spacing)
    assert int(Mm(156).pt // 15.75) == 28


def test_applicable_kinds_follow_the_procedure(variants):
    assert applicable_kinds(variants["简易程序"]) == ["当场行政处罚决定书"]
    assert "不予行政处罚决定书" in applicable_kinds(variants["不予处罚"])
    assert "行政处罚决定书" not in applicable_kinds(variants["不予处罚"])
    assert {"听证告知书", "听证通知书", "听证笔录", "集体讨论记录", "催告书"} <= set(applicable_kinds(variants["听证"]))
    assert applicable_kinds(variants["移送"]) == ["立案审批表", "现场检查（勘验）笔录", "案件移送函"]


def test_full_set_renders_within_a_second(record, tmp_path):
    render_set(record, tmp_path / "warm")  # load the knowledge base and templates
    t = time.perf_counter()
    res = render_set(record, tmp_path / "timed")
    elapsed = time.perf_counter() - t
    assert len(res) == 12
    assert elapsed < 2.0, elapsed  # target ≤ 1 s (see benchmarks/bench_docs.py); slack for loaded CI machines


def test_missing_number_without_allocator_is_an_error(record):
    from chengguan.documents.render import RenderError

    rec = record.model_copy(update={"doc_numbers": {}})
    with pytest.raises(RenderError, match="文号"):
        render_set(rec, "/nonexistent-never-written", kinds=["行政处罚决定书"])


def test_render_docx_returns_bytes(record):
    data = render_docx(record, "行政处罚决定书")
    assert data[:2] == b"PK" and "行政处罚决定书" in docx_lines(data)
