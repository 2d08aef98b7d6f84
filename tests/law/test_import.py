"""`chengguan law import`: a bureau adds its own local rules from Word or Markdown files."""

import datetime as dt

import docx
import pytest

from chengguan.law.importer import ImportError_, import_instrument
from chengguan.law.kb import KnowledgeBase, SHIPPED_DIR

GOOD = "# 涪陵区测试管理规定\n\n## 第一章 总则\n\n第一条 为了规范管理，制定本规定。\n\n第二条 禁止下列行为：\n\n（一）甲；\n\n（二）乙。\n\n违反前款规定的，处五十元以上二百元以下罚款。\n\n第三条 本规定自2026年1月1日起施行。\n"
GAPPED = GOOD.replace("第三条", "第五条")


def _import(tmp_path, text, name="r.md", **kw):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return import_instrument(f, title=None, level="地方政府规章", issuer="测试", version_date=dt.date(2026, 1, 1),
                             target_dir=tmp_path / "laws", **kw)


def test_import_adds_a_citable_instrument(tmp_path):
    res = _import(tmp_path, GOOD)
    assert res.changed and res.articles == 3
    kb = KnowledgeBase.load([SHIPPED_DIR, tmp_path / "laws"])
    r = kb.cite("《涪陵区测试管理规定》第二条第一款第（二）项", as_of=dt.date(2026, 3, 1))[0]
    assert r.text == "（二）乙。"
    assert kb.resolve("涪陵区测试管理规定", 2, 2, as_of=dt.date(2026, 3, 1)).text.startswith("违反前款规定")


def test_reimporting_the_same_text_changes_nothing(tmp_path):
    _import(tmp_path, GOOD)
    before = (tmp_path / "laws" / "index.yaml").read_text()
    again = _import(tmp_path, GOOD)
    assert not again.changed
    assert (tmp_path / "laws" / "index.yaml").read_text() == before


def test_gapped_text_is_refused_with_the_article_named_and_stored_text_kept(tmp_path):
    _import(tmp_path, GOOD)
    stored = {p.name: p.read_text() for p in (tmp_path / "laws").iterdir()}
    with pytest.raises(ImportError_) as e:
        _import(tmp_path, GAPPED)
    assert "第三条" in str(e.value) and "第五条" in str(e.value)
    assert {p.name: p.read_text() for p in (tmp_path / "laws").iterdir()} == stored


def test_duplicate_article_numbers_are_refused(tmp_path):
    with pytest.raises(ImportError_) as e:
        _import(tmp_path, GOOD.replace("第三条", "第二条"))
    assert "第二条重复" in str(e.value)


def test_a_word_file_from_the_legal_office_imports(tmp_path):
    d = docx.Document()
    d.add_paragraph("涪陵区测试管理规定")
    for para in GOOD.split("\n\n")[2:]:
        d.add_paragraph(para.strip())
    path = tmp_path / "规定.docx"
    d.save(path)
    res = import_instrument(path, title="涪陵区测试管理规定", level="地方政府规章", issuer="测试",
                            version_date=dt.date(2026, 1, 1), target_dir=tmp_path / "laws")
    assert res.articles == 3
