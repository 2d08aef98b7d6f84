"""Statement cap (第四十五条), policy versions, texts, traces, citations, and the real catalog."""

import copy
import datetime as dt
import json

import pytest
import yaml
from typer.testing import CliRunner

from chengguan.cli import app
from chengguan.discretion import DiscretionError, DiscretionInput, Policies, PolicyError, recommend
from chengguan.discretion.engine import ENGINE_CITATIONS
from chengguan.discretion.policy import POLICY_DIR
from chengguan.discretion.validate import check_policies
from chengguan.law.kb import get_kb

from discretion_fixtures import CATALOG, FIXTURES

A = dt.date(2025, 6, 1)


def rec(**kw):
    kw.setdefault("act_date", A)
    return recommend(DiscretionInput(**kw), catalog=CATALOG)


# --- 第四十五条 -----------------------------------------------------------------------------------------------

def test_statement_same_facts_keeps_result():
    before = rec(situation_id="T-SR-0001")
    after = rec(situation_id="T-SR-0001", after_statement=True, previous=before)
    assert after.model_dump(exclude={"trace"}) == before.model_dump(exclude={"trace"})
    assert after.trace[-6].step == "陈述申辩复核" or any(t.step == "陈述申辩复核" for t in after.trace)


def test_statement_caps_at_previous_lighter_result():
    before = rec(situation_id="T-SR-0001", eliminated_harm=True)  # 从轻 100–160, 130
    after = rec(situation_id="T-SR-0001", after_statement=True, previous=before)  # facts alone: 一般 200
    d = after.model_dump()
    assert d["outcome"] == "从轻"
    assert d["fine"] == {"min": 100, "max": 160, "suggested": 130}
    assert [(g["article"], g["item"]) for g in d["grounds"]] == [(32, 1)]
    step = next(t for t in after.trace if t.step == "陈述申辩复核")
    assert "第四十五条第二款" in step.citation and "以原建议为上限" in step.rule


def test_statement_cannot_turn_exemption_into_fine():
    before = rec(situation_id="T-SR-0001", harm="minor", corrected=True, first_offence=True)
    assert before.outcome == "可以不予处罚"
    after = rec(situation_id="T-SR-0001", harm="minor", first_offence=True, after_statement=True, previous=before)
    assert after.outcome == "可以不予处罚" and after.fine is None and after.penalties == []
    assert after.class_721 == "服务" and after.guidance


def test_statement_can_lower():
    before = rec(situation_id="T-SR-0001")
    after = rec(situation_id="T-SR-0001", coerced=True, after_statement=True, previous=before)
    assert after.outcome == "从轻" and after.fine.suggested == 130


def test_previous_must_match_situation():
    before = rec(situation_id="T-SR-0001")
    with pytest.raises(DiscretionError) as e:
        DiscretionInput(situation_id="T-SR-0003", act_date=A, after_statement=True, previous=before)
    assert e.value.fields == ["previous", "situation_id"]


def test_previous_round_trips_through_json():
    before = rec(situation_id="T-SR-0001", eliminated_harm=True)
    data = {"situation_id": "T-SR-0001", "act_date": "2025-06-01", "after_statement": True,
            "previous": json.loads(json.dumps(before.model_dump(mode="json")))}
    after = recommend(DiscretionInput.parse(data), catalog=CATALOG)
    assert after.fine.suggested == 130


# --- texts and traces -------------------------------------------------------------------------------------------

def test_texts_for_service_and_management():
    r = rec(situation_id="T-SR-0001", age="14-")
    assert "监护人加以管教" in r.guidance and "第三十条" in r.guidance
    r = rec(situation_id="T-SR-0001", capacity="none")
    assert "严加看管和治疗" in r.guidance
    r = rec(situation_id="T-SR-0001", harm="none", corrected=True)
    assert "不予行政处罚" in r.guidance and "第三十三条第三款" in r.guidance and "在主干道设置经营性摊点" in r.guidance
    r = rec(situation_id="T-YL-0001", quantities={"area": 3})
    assert r.class_721 == "管理" and "责令当事人" in r.guidance and "第五十三条" in r.guidance
    assert " " not in r.guidance


def test_trace_names_versions_and_citations():
    r = rec(situation_id="T-HJ-0001", act_date=dt.date(2026, 9, 1))
    steps = {t.step: t for t in r.trace}
    assert steps["裁量规则"].version == "FL-CG-CL-2021.1"
    assert steps["程序规则"].version == "CQ-PROC-2023.1"
    assert "生态环境法典" in steps["违法情形"].citation and "2026-08-15" in steps["违法情形"].version
    assert "第五十一条" in steps["简易程序"].citation
    assert "354" in steps["听证"].citation
    assert any("没收非法财物" in t.rule and "价值未知" in t.rule for t in r.trace)
    old = rec(situation_id="T-HJ-0001", act_date=dt.date(2026, 8, 14))
    assert "大气污染防治法" in {t.step: t for t in old.trace}["违法情形"].citation


def test_contract_shape():
    d = rec(situation_id="T-SR-0001").model_dump()
    assert list(d) == ["situation_id", "outcome", "grounds", "penalties", "fine", "class_721", "simple_procedure",
                       "hearing_required", "legal_review_required", "collective_discussion_required", "trace"]
    assert set(d["grounds"][0]) == {"law", "article", "paragraph", "item"}
    assert set(d["fine"]) == {"min", "max", "suggested"}
    assert set(d["trace"][0]) == {"step", "rule", "version", "citation"}
    json.dumps(d, ensure_ascii=False)


def test_dict_input_and_mapping_or_list_catalog():
    r1 = recommend({"situation_id": "T-SR-0001", "act_date": "2025-06-01"}, catalog=CATALOG)
    r2 = recommend(DiscretionInput(situation_id="T-SR-0001", act_date=A), catalog=list(CATALOG.values()))
    assert r1.model_dump() == r2.model_dump()


# --- policies ---------------------------------------------------------------------------------------------------

def _policy_rows():
    d = yaml.safe_load((POLICY_DIR / "discretion.yaml").read_text(encoding="utf-8"))["versions"]
    p = yaml.safe_load((POLICY_DIR / "procedure.yaml").read_text(encoding="utf-8"))["versions"]
    return d, p


def test_policy_version_in_force_on_act_date():
    d, p = _policy_rows()
    v2 = copy.deepcopy(d[0])
    v2.update(version="TEST-2026.1", effective_from="2026-01-01", bands={"从轻": [0, 0.2], "一般": [0.2, 0.8], "从重": [0.8, 1]})
    pol = Policies.from_records([d[0], v2], p)
    old = recommend(DiscretionInput(situation_id="T-SR-0001", act_date=dt.date(2025, 12, 31)), CATALOG, pol)
    new = recommend(DiscretionInput(situation_id="T-SR-0001", act_date=dt.date(2026, 1, 1)), CATALOG, pol)
    assert old.fine.model_dump() == {"min": 160, "max": 240, "suggested": 200}
    assert new.fine.model_dump() == {"min": 140, "max": 260, "suggested": 200}
    assert {t.step: t for t in new.trace}["裁量规则"].version == "TEST-2026.1"
    assert {t.step: t for t in old.trace}["裁量规则"].version == "FL-CG-CL-2021.1"


def test_policy_below_minimum_when_allowed():
    d, p = _policy_rows()
    v = copy.deepcopy(d[0])
    v["mitigation"]["below_minimum_allowed"] = True
    pol = Policies.from_records([v], p)
    r = recommend(DiscretionInput(situation_id="T-SR-0001", act_date=A, coerced=True, confessed=True), CATALOG, pol)
    assert r.outcome == "减轻" and r.fine.model_dump() == {"min": 25, "max": 50, "suggested": 40}


def test_configurable_triggers():
    d, p = _policy_rows()
    q = copy.deepcopy(p[0])
    q["legal_review"]["triggers"] = ["exempt"]
    q["collective_discussion"]["triggers"] = ["compulsory_execution"]
    pol = Policies.from_records(d, [q])
    r = recommend(DiscretionInput(situation_id="T-SR-0001", act_date=A, harm="none", corrected=True), CATALOG, pol)
    assert r.legal_review_required and not r.collective_discussion_required
    r = recommend(DiscretionInput(situation_id="T-SR-0001", act_date=A, compulsory_execution=True), CATALOG, pol)
    assert not r.legal_review_required and r.collective_discussion_required


@pytest.mark.parametrize("mutate,needle", [
    (lambda d, p: d[0]["bands"].update({"从轻": [0.1, 0.3]}), "从轻应从 0 开始"),
    (lambda d, p: d[0]["bands"].update({"一般": [0.3, 0.8]}), "一般的上限"),
    (lambda d, p: d[0]["templates"].pop("guardian"), "templates 缺少"),
    (lambda d, p: d[0]["harm_tier"].pop("serious"), "harm_tier"),
    (lambda d, p: p[0]["legal_review"]["triggers"].append("sometimes"), "未知的触发条件"),
    (lambda d, p: p[0]["hearing"]["thresholds"].pop("单位"), "thresholds"),
    (lambda d, p: d.append(dict(d[0])), "版本号重复"),
])
def test_policy_validator(mutate, needle):
    d, p = _policy_rows()
    mutate(d, p)
    with pytest.raises(PolicyError) as e:
        Policies.from_records(d, p)
    assert needle in str(e.value)


def test_shipped_policies_valid_and_cited_provisions_resolve():
    assert check_policies() == []


def test_engine_citations_resolve_and_read_as_expected():
    kb = get_kb()
    texts = {}
    for g in ENGINE_CITATIONS:
        r = kb.resolve(g.law, g.article, g.paragraph, g.item, as_of=A)
        texts[(g.article, g.paragraph, g.item)] = r.text
    assert "不满十四周岁" in texts[(30, None, None)]
    assert "主动消除或者减轻" in texts[(32, None, 1)]
    assert "受他人胁迫或者诱骗" in texts[(32, None, 2)]
    assert "主动供述" in texts[(32, None, 3)]
    assert "立功表现" in texts[(32, None, 4)]
    assert "初次违法" in texts[(33, 1, None)]
    assert "没有主观过错" in texts[(33, 2, None)]
    assert "进行教育" in texts[(33, 3, None)]
    assert "不得因当事人陈述、申辩而给予更重的处罚" in texts[(45, 2, None)]
    assert "集体讨论" in texts[(57, 2, None)]
    assert "裁量基准" in texts[(34, None, None)]


def test_procedure_thresholds_match_the_statute_text():
    kb = get_kb()
    t51 = kb.resolve("中华人民共和国行政处罚法", 51).text
    assert "二百元以下" in t51 and "三千元以下" in t51
    pol = Policies.load()
    assert pol.procedure[0].simple_procedure.fine_limits == {"个人": 200, "单位": 3000}
    assert pol.procedure[0].hearing.thresholds == {"个人": 5000, "单位": 50000}
    assert str(pol.procedure[0].effective_from) == "2023-03-01"


def test_fixture_citations_are_real_provisions():
    kb = get_kb()
    for s in CATALOG.values():
        for b in s.bases:
            day = b.valid_to or b.valid_from or A
            for c in [*b.violated, *b.penalty]:
                kb.resolve(c.law, c.article, c.paragraph, c.item, as_of=day)
    t = kb.resolve("重庆市市容环境卫生管理条例", 18, 2).text
    assert "五十元以上五百元以下" in t and "五百元以上" in t and "二千元以下" in t
    t = kb.resolve("中华人民共和国城乡规划法", 64).text
    assert "百分之五以上百分之十以下" in t


# --- real catalog ---------------------------------------------------------------------------------------------------

def _real(sid):
    from chengguan.rules.catalog import get_catalog

    s = get_catalog().situation(sid)
    assert s is not None, f"{sid} is not in the catalog"
    return s


def test_real_catalog_sr_0001():
    s = _real("SR-0001")
    b = s.basis_on(A)
    assert b is not None and b.fines, "SR-0001 (主干道设置停车场) carries fines on this date"
    r = recommend(DiscretionInput(situation_id="SR-0001", act_date=A, party="个人" if "单位" not in s.parties or "个人" in s.parties else "单位",
                                  quantities={"area": 3}))
    if r.fine is not None:
        assert r.legal_range[0] <= r.fine.suggested <= r.legal_range[1]


def test_real_catalog_gh_0001_cost_percent():
    s = _real("GH-0001")
    b = s.basis_on(A)
    assert b is not None and any(f.kind == "cost_percent" for f in b.fines), "GH-0001 fines a percentage of 工程造价"
    with pytest.raises(DiscretionError) as e:
        recommend(DiscretionInput(situation_id="GH-0001", act_date=A))
    assert "quantities.cost" in e.value.fields
    r = recommend(DiscretionInput(situation_id="GH-0001", act_date=A, quantities={"cost": 100000}))
    assert r.fine is not None and 5000 <= r.fine.suggested <= 10000


# --- CLI ----------------------------------------------------------------------------------------------------------

runner = CliRunner()
SIT = str(FIXTURES / "situations.yaml")


def test_cli_json():
    r = runner.invoke(app, ["discretion", "T-GH-0001", "--situations", SIT, "--date", "2025-06-01", "--quantity",
                            "cost=200000", "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["outcome"] == "一般" and d["fine"] == {"min": 13000, "max": 17000, "suggested": 15000}
    assert d["hearing_required"] is True


def test_cli_human():
    r = runner.invoke(app, ["discretion", "T-SR-0001", "--situations", SIT, "--date", "2025-06-01", "--age", "14-18",
                            "--harm", "minor", "--coerced"])
    assert r.exit_code == 0, r.output
    assert "减轻" in r.output and "裁量过程" in r.output and "法制审核" in r.output


def test_cli_first_offence_shows_text():
    r = runner.invoke(app, ["discretion", "T-SR-0001", "--situations", SIT, "--date", "2025-06-01", "--first-offence",
                            "--harm", "minor", "--corrected"])
    assert r.exit_code == 0, r.output
    assert "可以不予处罚" in r.output and "文书用语" in r.output


def test_cli_refuses_contradiction():
    r = runner.invoke(app, ["discretion", "T-SR-0001", "--situations", SIT, "--first-offence", "--repeat", "-q", "area=-2",
                            "--json"])
    assert r.exit_code == 1
    d = json.loads(r.output)
    assert d["fields"] == ["first_offence", "repeat_offence", "quantities.area"]


def test_cli_bad_quantity():
    r = runner.invoke(app, ["discretion", "T-SR-0001", "--situations", SIT, "-q", "area"])
    assert r.exit_code == 2


def test_cli_policy_check():
    r = runner.invoke(app, ["discretion", "--check"])
    assert r.exit_code == 0, r.output


def test_cli_requires_situation():
    r = runner.invoke(app, ["discretion"])
    assert r.exit_code == 2
