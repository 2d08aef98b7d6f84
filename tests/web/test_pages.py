"""小王 signs in and uses the assistant pages."""

import re

import pytest

from chengguan.rules.catalog import get_catalog


@pytest.mark.django_db
def test_pages_require_sign_in(client):
    for url in ("/", "/laws/", "/match/", "/catalog/"):
        r = client.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_xiaowang_signs_in_with_his_password(client, xiaowang):
    r = client.post("/accounts/login/", {"username": "xiaowang", "password": "xiaowang-pass-1"})
    assert r.status_code == 302
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_wrong_password_reads_as_a_chinese_sentence(client, xiaowang):
    r = client.post("/accounts/login/", {"username": "xiaowang", "password": "nope"})
    assert "用户名或密码不正确" in r.content.decode()


def test_law_index_lists_instruments_by_level(officer_client):
    html = officer_client.get("/laws/").content.decode()
    assert "地方性法规" in html and "重庆市市容环境卫生管理条例" in html


def test_law_page_has_anchors_and_version_status(officer_client):
    html = officer_client.get("/laws/中华人民共和国大气污染防治法/?as_of=2026-09-01").content.decode()
    assert 'id="a118"' in html
    assert "废止" in html and "中华人民共和国生态环境法典" in html
    html = officer_client.get("/laws/中华人民共和国大气污染防治法/?as_of=2026-05-01").content.decode()
    assert "现行有效" in html


def test_bad_date_on_law_page_is_explained(officer_client):
    html = officer_client.get("/laws/城市道路管理条例/?as_of=2026-02-30").content.decode()
    assert "日期“2026-02-30”无效" in html


def test_search_page_highlights_and_links_to_the_article(officer_client):
    html = officer_client.get("/laws/search/", {"q": "擅自占道经营", "as_of": "2026-05-01"}).content.decode()
    assert "<mark>" in html
    assert re.search(r'href="/laws/%E9%87%8D%E5%BA%86%E5%B8%82%E5%B8%82%E5%AE%B9[^"]*#a26"', html)


def test_unknown_law_is_404(officer_client):
    assert officer_client.get("/laws/不存在的条例/").status_code == 404


def test_catalog_and_situation_pages_quote_provisions_verbatim(officer_client):
    cat = get_catalog()
    s = next(iter(cat.situations.values()))
    html = officer_client.get("/catalog/").content.decode()
    assert s.name in html
    html = officer_client.get(f"/catalog/{s.id}/").content.decode()
    from chengguan.law.kb import get_kb

    b = s.bases[-1]
    c = b.penalty[0]
    text = get_kb().resolve(c.law, c.article, c.paragraph, c.item, as_of=b.valid_to or b.valid_from).text
    assert text.split("\n")[0][:30] in html


def test_match_step_returns_a_fragment_with_provisions_and_feedback(officer_client):
    r = officer_client.post("/match/results/", {"text": "有人在人行道上摆地摊卖水果，占了半边路", "date": "2026-05-01"})
    html = r.content.decode()
    assert r.status_code == 200 and "<html" not in html  # a fragment for htmx, no full page
    assert "处罚依据" in html and "正确" in html


def test_empty_description_is_refused_next_to_the_field(officer_client):
    r = officer_client.post("/match/results/", {"text": "  "})
    assert r.status_code == 422 and "请填写现场描述" in r.content.decode()


def test_feedback_is_stored(officer_client, xiaowang):
    from chengguan.assistant.models import MatchFeedback

    sid = next(iter(get_catalog().situations))
    r = officer_client.post("/match/feedback/", {"text": "门口摆摊", "proposed": sid, "correct": "1"})
    assert r.status_code == 200
    fb = MatchFeedback.objects.get()
    assert fb.correct and fb.proposed == sid and fb.user == xiaowang


def test_feedback_with_an_unknown_right_situation_is_refused(officer_client):
    from chengguan.assistant.models import MatchFeedback

    sid = next(iter(get_catalog().situations))
    r = officer_client.post("/match/feedback/", {"text": "门口摆摊", "proposed": sid, "correct": "0", "right_situation": "XX-9999"})
    assert r.status_code == 422 and "没有编号为 XX-9999" in r.content.decode()
    assert MatchFeedback.objects.count() == 0
