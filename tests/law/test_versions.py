"""Version selection: the 生态环境法典 (in force 2026-08-15) repealed five environmental laws."""

import datetime as dt

import pytest

from chengguan.law.kb import get_kb

REPEALED = ["中华人民共和国大气污染防治法", "中华人民共和国噪声污染防治法", "中华人民共和国固体废物污染环境防治法",
            "中华人民共和国水污染防治法", "中华人民共和国环境保护法"]


@pytest.mark.parametrize("title", REPEALED)
def test_old_environmental_law_answers_for_an_act_before_the_code(title):
    r = get_kb().resolve(title, 1, as_of=dt.date(2026, 5, 1))
    assert r.in_force and r.note is None


@pytest.mark.parametrize("title", REPEALED)
def test_after_the_code_the_old_law_is_reported_repealed_and_the_code_suggested(title):
    r = get_kb().resolve(title, 1, as_of=dt.date(2026, 9, 1))
    assert not r.in_force
    assert r.successor == "中华人民共和国生态环境法典"
    assert "2026-08-15" in r.note


def test_boundary_day_is_the_codes_first_day():
    kb = get_kb()
    assert kb.resolve("大气污染防治法", 118, as_of=dt.date(2026, 8, 14)).in_force
    assert not kb.resolve("大气污染防治法", 118, as_of=dt.date(2026, 8, 15)).in_force
    assert not kb.resolve("中华人民共和国生态环境法典", 1, as_of=dt.date(2026, 8, 14)).in_force
    assert kb.resolve("中华人民共和国生态环境法典", 1, as_of=dt.date(2026, 8, 15)).in_force


def test_two_versions_of_one_instrument_coexist():
    kb = get_kb()
    assert kb.version("国防动员法", dt.date(2026, 9, 30)).version_date == dt.date(2010, 2, 26)
    assert kb.version("国防动员法", dt.date(2026, 10, 1)).version_date == dt.date(2026, 8, 28)
    assert kb.version("食品安全法", dt.date(2025, 11, 30)).version_date == dt.date(2021, 4, 29)
    assert kb.version("食品安全法", dt.date(2025, 12, 1)).version_date == dt.date(2025, 9, 12)


def test_search_answers_from_the_version_in_force():
    kb = get_kb()
    before = {h.law for h in kb.search("油烟 净化设施", as_of=dt.date(2026, 5, 1), limit=5)}
    after = {h.law for h in kb.search("油烟 净化设施", as_of=dt.date(2026, 9, 1), limit=5)}
    assert "中华人民共和国大气污染防治法" in before and "中华人民共和国生态环境法典" not in before
    assert "中华人民共和国生态环境法典" in after and "中华人民共和国大气污染防治法" not in after
