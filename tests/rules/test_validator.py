"""The catalog validator catches what would void a penalty in court: seeded wrong citations, wrong ranges,
broken tiers, duplicates and thin situations. A clean situation passes."""

import copy
import datetime as dt
from pathlib import Path

import pytest
import yaml

from chengguan.rules.catalog import load_catalog
from chengguan.rules.fines import parse_fines
from chengguan.rules.validate import Validator

ITEM = {"code": "CF-T-001", "name": "测试事项", "kind": "行政处罚", "domain": "市容环卫",
        "grounds": [{"law": "重庆市市容环境卫生管理条例", "article": 18, "paragraph": 2}]}
CLEAN = {
    "id": "T-0001", "name": "在主干道摆设经营性摊点", "item": "CF-T-001",
    "conduct": "在城市主干道两侧摆设经营性摊点。",
    "examples": ["路边有人摆摊卖水果", "主干道人行道上支了个卖烧饼的摊", "大马路边天天有地摊"],
    "parties": ["个人", "单位"],
    "violated": [{"law": "重庆市市容环境卫生管理条例", "article": 18, "paragraph": 1, "item": 1}],
    "penalty": [{"law": "重庆市市容环境卫生管理条例", "article": 18, "paragraph": 2}],
    "penalty_kinds": ["责令改正", "罚款"],
    "fines": [{"party": "个人", "kind": "range", "min": 50, "max": 500}, {"party": "单位", "kind": "range", "min": 500, "max": 2000}],
    "tiers": [
        {"level": "轻微", "party": "个人", "when": "首次", "min": 50, "max": 100},
        {"level": "一般", "party": "个人", "when": "再次", "min": 100, "max": 300},
        {"level": "严重", "party": "个人", "when": "拒不改正", "min": 300, "max": 500},
        {"level": "一般", "party": "单位", "when": "首次", "min": 500, "max": 1200},
        {"level": "严重", "party": "单位", "when": "拒不改正", "min": 1200, "max": 2000},
    ],
}


def run(tmp_path: Path, situations: list[dict], items: list[dict] | None = None) -> list[str]:
    for sub in ("items", "situations", "out_of_scope"):
        (tmp_path / sub).mkdir(exist_ok=True)
    (tmp_path / "items" / "T.yaml").write_text(yaml.safe_dump(items or [ITEM], allow_unicode=True), encoding="utf-8")
    (tmp_path / "situations" / "T.yaml").write_text(yaml.safe_dump(situations, allow_unicode=True), encoding="utf-8")
    v = Validator(load_catalog(tmp_path), today=dt.date(2026, 5, 1))
    v.run()
    return [str(p) for p in v.errors]


def variant(**changes) -> dict:
    s = copy.deepcopy(CLEAN)
    s.update(changes)
    return s


def test_a_clean_situation_passes(tmp_path):
    assert run(tmp_path, [CLEAN]) == []


@pytest.mark.parametrize("cite,expected", [
    ({"law": "重庆市市容环境卫生管理条例", "article": 180, "paragraph": 2}, "没有第一百八十条"),
    ({"law": "重庆市市容环境卫生管理条例", "article": 18, "paragraph": 5}, "只有3款"),
    ({"law": "重庆市市容环境卫生管理条例", "article": 18, "paragraph": 1, "item": 9}, "只有7项"),
    ({"law": "重庆市市容卫生条例", "article": 18}, "不在法规库中"),
    ({"law": "城乡规划法", "article": 64}, "请写法规全称《中华人民共和国城乡规划法》"),
])
def test_seeded_wrong_citation_is_an_error_naming_it(tmp_path, cite, expected):
    errors = run(tmp_path, [variant(penalty=[cite])])
    assert any(expected in e for e in errors), errors


def test_citing_a_repealed_law_without_an_end_date_is_an_error(tmp_path):
    s = variant(penalty=[{"law": "中华人民共和国大气污染防治法", "article": 118, "paragraph": 1}],
                violated=[{"law": "中华人民共和国大气污染防治法", "article": 81, "paragraph": 1}],
                fines=[{"party": "任何", "kind": "range", "min": 5000, "max": 50000}],
                tiers=[{"level": "一般", "party": "任何", "when": "x", "min": 5000, "max": 50000}])
    errors = run(tmp_path, [s])
    assert any("不在施行期内" in e and "2026-08-15" in e for e in errors) or any("废止" in e for e in errors), errors


def test_two_regimes_each_checked_against_its_own_text(tmp_path):
    base_old = {"valid_to": "2026-08-14", "violated": [{"law": "中华人民共和国大气污染防治法", "article": 81, "paragraph": 1}],
                "penalty": [{"law": "中华人民共和国大气污染防治法", "article": 118, "paragraph": 1}], "penalty_kinds": ["罚款"],
                "fines": [{"party": "任何", "kind": "range", "min": 5000, "max": 50000}],
                "tiers": [{"level": "一般", "party": "任何", "when": "x", "min": 5000, "max": 50000}]}
    s = {k: v for k, v in CLEAN.items() if k not in ("violated", "penalty", "penalty_kinds", "fines", "tiers")}
    s["bases"] = [base_old]
    assert run(tmp_path, [s]) == []


@pytest.mark.parametrize("fines,expected", [
    ([{"party": "个人", "kind": "range", "min": 50, "max": 5000}, {"party": "单位", "kind": "range", "min": 500, "max": 2000}], "50–5000 与处罚条款原文不符"),
    ([{"party": "个人", "kind": "range", "min": 500, "max": 2000}, {"party": "单位", "kind": "range", "min": 50, "max": 500}], "针对单位，而不是个人"),
    ([{"party": "个人", "kind": "cost_percent", "min": 50, "max": 500}, {"party": "单位", "kind": "range", "min": 500, "max": 2000}], "与处罚条款原文不符"),
])
def test_seeded_wrong_fine_range_is_an_error_naming_both_numbers(tmp_path, fines, expected):
    errors = run(tmp_path, [variant(fines=fines)])
    assert any(expected in e for e in errors), errors
    assert any("五十元以上五百元以下" in e for e in errors if "原文" in e) or "针对" in expected


def test_missing_fines_when_the_text_sets_an_amount(tmp_path):
    errors = run(tmp_path, [variant(fines=[], tiers=[])])
    assert any("没有写 fines" in e for e in errors)


@pytest.mark.parametrize("tiers,expected", [
    ([{"level": "轻微", "party": "个人", "when": "a", "min": 50, "max": 100}, {"level": "一般", "party": "个人", "when": "b", "min": 120, "max": 500}], "不连续"),
    ([{"level": "一般", "party": "个人", "when": "a", "min": 50, "max": 300}, {"level": "轻微", "party": "个人", "when": "b", "min": 300, "max": 500}], "顺序"),
    ([{"level": "轻微", "party": "个人", "when": "a", "min": 50, "max": 300}, {"level": "严重", "party": "个人", "when": "b", "min": 300, "max": 800}], "超出法定幅度"),
    ([{"level": "轻微", "party": "个人", "when": "a", "min": 100, "max": 500}], "应覆盖法定幅度"),
    ([{"level": "轻微", "party": "个人", "when": " ", "min": 50, "max": 500}], "缺少适用条件"),
])
def test_broken_tiers_are_errors(tmp_path, tiers, expected):
    unit_tiers = [t for t in CLEAN["tiers"] if t["party"] == "单位"]
    errors = run(tmp_path, [variant(tiers=tiers + unit_tiers)])
    assert any(expected in e for e in errors), errors


def test_duplicate_situations_are_errors(tmp_path):
    twin = variant(id="T-0002", name="在主干道摆设经营性摊点。")
    errors = run(tmp_path, [CLEAN, twin])
    assert any("重复" in e for e in errors)


def test_thin_situation_is_an_error(tmp_path):
    errors = run(tmp_path, [variant(examples=["只有一个例子"], conduct=" ")])
    assert any("至少需要3个示例" in e for e in errors) and any("conduct" in e for e in errors)


def test_unknown_item_is_an_error(tmp_path):
    errors = run(tmp_path, [variant(item="CF-NOPE")])
    assert any("CF-NOPE 不存在" in e for e in errors)


def test_duplicate_id_is_an_error(tmp_path):
    errors = run(tmp_path, [variant(name="另一个名称的情形", examples=["甲乙丙", "丁戊己", "庚辛壬"]), CLEAN])
    assert any("编号重复" in e for e in errors)


def test_examples_copied_from_the_evaluation_set_are_refused(tmp_path):
    for sub in ("items", "situations", "out_of_scope"):
        (tmp_path / sub).mkdir(exist_ok=True)
    (tmp_path / "items" / "T.yaml").write_text(yaml.safe_dump([ITEM], allow_unicode=True), encoding="utf-8")
    (tmp_path / "situations" / "T.yaml").write_text(yaml.safe_dump([CLEAN], allow_unicode=True), encoding="utf-8")
    v = Validator(load_catalog(tmp_path), today=dt.date(2026, 5, 1), dev_texts=["路边有人摆摊卖水果。"])
    v.run()
    assert any("评测集" in str(p) for p in v.errors)


@pytest.mark.parametrize("text,expected", [
    ("处五十元以上五百元以下的罚款", [("range", 50, 500)]),
    ("处一万元以上十万元以下的罚款", [("range", 10000, 100000)]),
    ("可以处以2万元以下的罚款", [("range", 0, 20000)]),
    ("处五十元罚款", [("range", 50, 50)]),
    ("处建设工程造价百分之五以上百分之十以下的罚款", [("cost_percent", 5, 10)]),
    ("可以并处工程造价2%以下的罚款", [("cost_percent", 0, 2)]),
    ("处违法所得一倍以上三倍以下的罚款", [("gains_multiple", 1, 3)]),
    ("处违法所得的10%以上50%以下的罚款", [("gains_percent", 10, 50)]),
    ("并处一万元至五万元的罚款", [("range", 10000, 50000)]),
    ("处补偿费的三倍至十倍的罚款", [("fee_multiple", 3, 10)]),
    ("处5百元以上1千元以下的罚款", [("range", 500, 1000)]),
    ("并处建设工程造价百分之十的罚款", [("cost_percent", 10, 10)]),
    ("处合同约定的监理酬金25%以上50%以下的罚款", [("fee_percent", 25, 50)]),
    ("处重置评估价格二至三倍罚款", [("value_multiple", 2, 3)]),
    ("拒不停止使用的，处以每日五十元罚款", [("per_unit", 50, 50)]),
])
def test_fine_parser_reads_the_forms_statutes_use(text, expected):
    assert [(f.kind, f.min, f.max) for f in parse_fines(text)] == expected


def test_fine_parser_assigns_parties():
    fs = parse_fines("对个人处五十元以上五百元以下的罚款，对单位处五百元以上二千元以下的罚款")
    assert [(f.party, f.min) for f in fs] == [("个人", 50), ("单位", 500)]
    fs = parse_fines("对天然气单位用户处一万元以上十万元以下罚款，对天然气居民用户处两百元以上一千元以下罚款")
    assert [(f.party, f.min) for f in fs] == [("单位", 10000), ("个人", 200)]
