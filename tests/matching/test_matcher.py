"""The matcher as an officer and a resident use it: several violations in one text, dialect, the act date
deciding the law, honest abstention, and bad input."""

import datetime as dt
import json
import subprocess
import sys

import pytest

from chengguan.matching.matcher import get_matcher
from chengguan.matching.service import MatchInputError, match_one
from chengguan.rules.catalog import get_catalog


def laws(result, role="penalty", k=5):
    return {(p["law"], p["article"]) for c in result["candidates"][:k] for p in c[role]}


def test_two_violations_in_one_text_both_appear_near_the_top():
    r = match_one("烧烤摊把半边人行道都占了，油烟熏得楼上开不了窗", "2026-05-01")
    names = " ".join(c["name"] for c in r["candidates"][:3])
    assert not r["abstain"]
    # the street occupation (摊/占/道路) and the smoke (油烟/烧烤) both appear among the first three
    assert any(w in names for w in ("摊", "占", "道")) and any(w in names for w in ("烟", "烧烤")), names


def test_chongqing_dialect_resident_report():
    r = match_one("楼下馆子天天把潲水倒到下水道头，臭得很，莫得人管", "2026-05-01")
    assert not r["abstain"] and r["candidates"]


def test_the_act_date_decides_between_the_old_law_and_the_code():
    before = match_one("小区旁边露天烧烤，烟子大得很", "2026-05-01")
    after = match_one("小区旁边露天烧烤，烟子大得很", "2026-09-01")
    assert ("中华人民共和国大气污染防治法", 118) in laws(before) or any("大气" in l for l, _ in laws(before))
    assert all(l != "中华人民共和国大气污染防治法" for l, _ in laws(after, k=3))
    assert any(l == "中华人民共和国生态环境法典" for l, _ in laws(after, k=3))


@pytest.mark.parametrize("text", ["昨天晚上在十字路口两辆车追尾了，交警还没来", "我家电动车在楼下被偷了", "老板拖欠了我三个月工资不给"])
def test_abstains_on_matters_outside_urban_management(text):
    r = match_one(text, "2026-05-01")
    assert r["abstain"] and r["reason"]
    assert isinstance(r["candidates"], list)  # nearest candidates are still listed


def test_abstains_on_a_vague_text():
    r = match_one("有问题", "2026-05-01")
    assert r["abstain"]


def test_never_returns_a_provision_outside_the_catalog():
    cat = get_catalog()
    known = {(c.law, c.article) for s in cat.situations.values() for b in s.bases for c in b.violated + b.penalty}
    known |= {(c.law, c.article) for s in cat.situations.values() for a in s.alternatives for c in a.violated + a.penalty}
    for text in ["门口乱堆砖头水泥", "工地晚上十二点还在打桩", "有人在绿化带里种菜", "楼顶搭了个彩钢棚"]:
        r = match_one(text, "2026-05-01")
        for c in r["candidates"]:
            assert cat.situation(c["situation_id"]) is not None
            for p in c["violated"] + c["penalty"]:
                assert (p["law"], p["article"]) in known


def test_scores_are_calibrated_probabilities_in_order():
    r = match_one("有人在人行道上摆地摊卖水果", "2026-05-01")
    scores = [c["score"] for c in r["candidates"]]
    assert all(0 <= s <= 1 for s in scores)
    assert scores[0] >= 0.5 and scores[0] >= scores[-1]


def test_evidence_names_the_words_that_matched():
    r = match_one("有人在人行道上摆地摊卖水果", "2026-05-01")
    assert r["candidates"][0]["evidence"]


@pytest.mark.parametrize("text,date,party,field", [
    ("", None, None, "text"), ("啊" * 2001, None, None, "text"), ("!!! ??? 123", None, None, "text"),
    ("门口摆摊", "2026-02-30", None, "date"), ("门口摆摊", None, "公司", "party"),
])
def test_bad_input_is_a_clear_error(text, date, party, field):
    with pytest.raises(MatchInputError) as e:
        match_one(text, date, party)
    assert e.value.errors[0]["loc"] == [field]


def test_batch_keeps_order_and_ids(tmp_path):
    f = tmp_path / "in.jsonl"
    rows = [{"id": "b", "text": "门口乱堆砖头"}, {"id": "a", "text": "小区里有人烧落叶", "date": "2026-09-01"}, {"id": "c", "text": ""}]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "chengguan.cli", "match", "--batch", str(f), "--json"], capture_output=True,
                         text=True, check=True).stdout.strip().splitlines()
    got = [json.loads(x) for x in out]
    assert [g["id"] for g in got] == ["b", "a", "c"]
    assert "error" in got[2] and got[2]["error"][0]["loc"] == ["text"]
    assert got[1]["date"] == "2026-09-01"


def test_matcher_loads_the_whole_catalog():
    m = get_matcher()
    assert m.index.n == len(get_catalog().situations)
