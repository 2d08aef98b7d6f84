"""Every shipped instrument parses: article count equals its 第N条 headings, numbering has no gaps."""

import re
from pathlib import Path

import pytest

from chengguan.law.kb import SHIPPED_DIR, get_kb
from chengguan.law.metadata import load_index
from chengguan.law.parser import ARTICLE_RE, clean_markup, numbering_problems, parse_text

METAS = load_index(SHIPPED_DIR / "index.yaml")


@pytest.mark.parametrize("meta", METAS, ids=[f"{m.title}@{m.version_date}" for m in METAS])
def test_every_shipped_instrument_parses_without_gaps(meta):
    text = (SHIPPED_DIR / meta.file).read_text(encoding="utf-8")
    parsed = parse_text(text)
    headings = [ln for ln in clean_markup(text).split("\n") if ARTICLE_RE.match(ln.strip())]
    assert len(parsed.articles) == len(headings) > 0
    assert numbering_problems(parsed.articles) == []
    assert parsed.articles[0].number == 1
    assert parsed.articles[-1].number == len([a for a in parsed.articles if not a.suffix])


def test_every_index_entry_has_its_file_and_every_file_an_entry():
    files = {m.file for m in METAS}
    on_disk = {str(p.relative_to(SHIPPED_DIR)) for p in SHIPPED_DIR.rglob("*.md") if p.name != "SOURCES.md"}
    assert files == on_disk


def test_wiki_markup_and_front_matter_are_stripped_from_the_code():
    kb = get_kb()
    code = kb.version("中华人民共和国生态环境法典")
    assert len(code.articles) == 1242
    assert all("[[" not in a.text and "]]" not in a.text for a in code.articles)
    assert "title:" not in code.preamble
    assert "《中华人民共和国湿地保护法》" in code.article(728).text


def test_text_is_kept_exactly():
    kb = get_kb()
    a = kb.version("重庆市市容环境卫生管理条例").article(18)
    source = (SHIPPED_DIR / "local/重庆市市容环境卫生管理条例.md").read_text(encoding="utf-8")
    for line in a.text.split("\n"):
        assert line in source


def test_hierarchy_of_headings_paragraphs_and_items():
    kb = get_kb()
    a = kb.version("重庆市市容环境卫生管理条例").article(18)
    assert len(a.paragraphs) == 3
    assert [i.number for i in a.paragraphs[0].items] == [1, 2, 3, 4, 5, 6, 7]
    assert a.headings and a.headings[0].kind == "章"
    last = kb.version("中华人民共和国生态环境法典").article(1242)
    assert [h.kind for h in last.headings] == ["编", "章"]
