"""The JSON API: shapes other tools read, and errors with the precise field."""

import pytest


@pytest.fixture
def api(client, db):
    return client


def test_openapi_is_published(api):
    assert api.get("/api/docs").status_code == 200
    spec = api.get("/api/openapi.json").json()
    for path in ("/api/laws", "/api/laws/search", "/api/laws/cite", "/api/items", "/api/situations", "/api/match"):
        assert path in spec["paths"]


def test_laws_lists_versions_with_status(api):
    rows = api.get("/api/laws", {"as_of": "2026-09-01"}).json()
    air = [r for r in rows if r["title"] == "中华人民共和国大气污染防治法"][0]
    assert air["in_force"] is False and air["repealed_by"] == "中华人民共和国生态环境法典"


def test_cite_returns_exact_text(api):
    rows = api.get("/api/laws/cite", {"citation": "《城市市容和环境卫生管理条例》第三十四条第一款第（四）项"}).json()
    assert rows[0]["item"] == 4 and "倾倒垃圾" in rows[0]["text"]


def test_cite_error_names_the_part(api):
    r = api.get("/api/laws/cite", {"citation": "《城市道路管理条例》第九百条"})
    assert r.status_code == 404 and r.json()["part"] == "article"


def test_search_empty_query_is_422_on_q(api):
    r = api.get("/api/laws/search", {"q": "，，"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "q"]


def test_search_bad_date_is_422(api):
    r = api.get("/api/laws/search", {"q": "罚款", "as_of": "2026-13-01"})
    assert r.status_code == 422


def test_match_contract_shape(api):
    r = api.post("/api/match", {"text": "烧烤摊把半边人行道都占了，油烟熏得楼上开不了窗", "date": "2026-05-01", "id": "x1"},
                 content_type="application/json")
    assert r.status_code == 200
    d = r.json()
    assert d["id"] == "x1" and set(d) >= {"abstain", "reason", "candidates"}
    for c in d["candidates"]:
        assert set(c) >= {"situation_id", "name", "score", "violated", "penalty", "evidence"}
        assert 0 <= c["score"] <= 1
        for p in c["violated"] + c["penalty"]:
            assert set(p) >= {"law", "article", "paragraph", "item"}


@pytest.mark.parametrize("body,field", [
    ({"text": ""}, "text"),
    ({"text": "x" * 2001}, "text"),
    ({"text": "asdf qwer 1234"}, "text"),
    ({"text": "门口摆摊", "date": "2026-02-30"}, "date"),
    ({"text": "门口摆摊", "party": "公司"}, "party"),
])
def test_match_bad_input_is_422_with_the_field(api, body, field):
    r = api.post("/api/match", body, content_type="application/json")
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"][-1] == field


def test_situations_and_items(api):
    d = api.get("/api/situations", {"limit": 5}).json()
    assert d["count"] > 0 and len(d["results"]) <= 5
    sid = d["results"][0]["id"]
    one = api.get(f"/api/situations/{sid}").json()
    assert one["id"] == sid and one["provisions"]
    assert api.get("/api/situations/NOPE-1").status_code == 404
    assert isinstance(api.get("/api/items").json(), list)
