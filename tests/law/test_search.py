import datetime as dt

import pytest

from chengguan.law.kb import get_kb
from chengguan.law.search import SearchError


def test_officer_searches_for_street_trading_and_finds_the_chongqing_rule():
    hits = get_kb().search("擅自占道经营", as_of=dt.date(2026, 5, 1), limit=5)
    assert any(h.law == "重庆市市容环境卫生管理条例" and h.article == 26 for h in hits)
    top = hits[0]
    assert top.citation.startswith("《") and top.highlights
    for s, e in top.highlights:
        assert top.snippet[s:e] in "擅自占道经营"


def test_filters_by_level_and_instrument():
    kb = get_kb()
    assert {h.level for h in kb.search("罚款", level="地方性法规", limit=20)} == {"地方性法规"}
    assert {h.law for h in kb.search("罚款", law="城市道路管理条例", limit=20)} == {"城市道路管理条例"}


@pytest.mark.parametrize("q", ["", "   ", "，。！"])
def test_empty_or_punctuation_query_is_a_clear_error(q):
    with pytest.raises(SearchError):
        get_kb().search(q)


def test_fts_syntax_characters_are_just_text():
    assert isinstance(get_kb().search('占道" OR "经营*'), list)
