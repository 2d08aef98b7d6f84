"""Table-driven scenarios with hand-worked expected results (default policy files).

Default policy (data/policies/discretion.yaml FL-CG-CL-2021.1, procedure.yaml CQ-PROC-2023.1):
bands of the base range (tier, else legal range): 从轻 0–30 %, 一般 30–70 %, 从重 70–100 %; suggested = band
midpoint rounded half-up to 10 元 (kept inside the band); 减轻 = a lighter kind (警告) where the provision has one,
else the legal minimum; 简易程序 ≤200 个人 / ≤3000 单位 or 警告; 听证 ≥5000 个人 / ≥50000 单位.
T-SR-0001 个人 tiers 50–100 / 100–300 / 300–500, 单位 500–800 / 800–1500 / 1500–2000.
"""

import datetime as dt

import pytest

from chengguan.discretion import DiscretionError, DiscretionInput, recommend

from discretion_fixtures import CATALOG

D = dt.date
A = D(2025, 6, 1)
F, P = "责令改正", "罚款"
SR = [F, P]

# id, situation, input, expected
# expected: outcome, penalties, fine (min, max, suggested) or None, class_721,
#           (simple_procedure, hearing_required, legal_review_required, collective_discussion_required), grounds
SCENARIOS = [
    # --- T-SR-0001 摆摊, 个人 ---------------------------------------------------------------------------------
    ("sr-general", "T-SR-0001", {}, "一般", SR, (160, 240, 200), "执法", (True, False, False, False), [(5, 2, None), (34, None, None)]),
    # tier 轻微 50–100 → 一般 band 65–85, midpoint 75 → 80
    ("sr-minor-harm", "T-SR-0001", {"harm": "minor"}, "一般", SR, (65, 85, 80), "执法", (True, False, False, False), None),
    # tier 严重 300–500 → 360–440 → 400; 400 > 200 so no 简易程序
    ("sr-serious", "T-SR-0001", {"harm": "serious"}, "一般", SR, (360, 440, 400), "执法", (False, False, False, False), None),
    ("sr-minor-corrected", "T-SR-0001", {"harm": "none", "corrected": True}, "不予处罚", [], None, "服务",
     (False, False, False, False), [(33, 1, None), (33, 3, None)]),
    # 轻微不罚 blocked by repeat → 从重 in 轻微 tier: 85–100, midpoint 92.5 → 90
    ("sr-minor-but-repeat", "T-SR-0001", {"harm": "none", "corrected": True, "repeat_offence": True}, "从重", SR,
     (85, 100, 90), "执法", (True, False, False, False), [(5, 2, None), (34, None, None)]),
    ("sr-first-offence", "T-SR-0001", {"harm": "minor", "corrected": True, "first_offence": True}, "可以不予处罚", [], None,
     "服务", (False, False, False, False), [(33, 1, None), (33, 3, None)]),
    ("sr-first-but-general-harm", "T-SR-0001", {"harm": "general", "corrected": True, "first_offence": True}, "一般", SR,
     (160, 240, 200), "执法", (True, False, False, False), None),
    ("sr-first-not-corrected", "T-SR-0001", {"harm": "minor", "first_offence": True}, "一般", SR, (65, 85, 80), "执法",
     (True, False, False, False), None),
    ("sr-first-but-refused", "T-SR-0001", {"harm": "minor", "corrected": True, "first_offence": True, "refused": True},
     "从重", SR, (85, 100, 90), "执法", (True, False, False, False), None),
    ("sr-under-14", "T-SR-0001", {"age": "14-"}, "不予处罚", [], None, "服务", (False, False, False, False), [(30, None, None)]),
    # tier 轻微 → 从轻 50–65, midpoint 57.5 → 60
    ("sr-minor-14-18", "T-SR-0001", {"age": "14-18", "harm": "minor"}, "从轻", SR, (50, 65, 60), "执法",
     (True, False, False, False), [(30, None, None)]),
    # two mitigating circumstances → 减轻; no 警告 in the provision → legal minimum 50
    ("sr-14-18-coerced", "T-SR-0001", {"age": "14-18", "harm": "minor", "coerced": True}, "减轻", SR, (50, 50, 50), "执法",
     (True, False, True, True), [(30, None, None), (32, None, 2)]),
    # tier 一般 100–300 → 从轻 100–160 → 130
    ("sr-eliminated", "T-SR-0001", {"eliminated_harm": True}, "从轻", SR, (100, 160, 130), "执法", (True, False, False, False),
     [(32, None, 1)]),
    ("sr-confessed", "T-SR-0001", {"confessed": True}, "从轻", SR, (100, 160, 130), "执法", (True, False, False, False),
     [(32, None, 3)]),
    ("sr-meritorious", "T-SR-0001", {"meritorious": True}, "从轻", SR, (100, 160, 130), "执法", (True, False, False, False),
     [(32, None, 4)]),
    ("sr-limited-capacity", "T-SR-0001", {"capacity": "limited"}, "从轻", SR, (100, 160, 130), "执法",
     (True, False, False, False), [(31, None, None)]),
    ("sr-no-capacity", "T-SR-0001", {"capacity": "none"}, "不予处罚", [], None, "服务", (False, False, False, False),
     [(31, None, None)]),
    ("sr-no-fault", "T-SR-0001", {"no_fault": True}, "不予处罚", [], None, "服务", (False, False, False, False),
     [(33, 2, None), (33, 3, None)]),
    # a mandatory mitigation outweighs a 从重 fact
    ("sr-coerced-repeat", "T-SR-0001", {"coerced": True, "repeat_offence": True}, "从轻", SR, (100, 160, 130), "执法",
     (True, False, False, False), [(32, None, 2)]),
    # an optional mitigation and a 从重 fact cancel out
    ("sr-limited-repeat", "T-SR-0001", {"capacity": "limited", "repeat_offence": True}, "一般", SR, (160, 240, 200), "执法",
     (True, False, False, False), None),
    ("sr-two-mitigations-but-repeat", "T-SR-0001", {"coerced": True, "confessed": True, "repeat_offence": True}, "从轻", SR,
     (100, 160, 130), "执法", (True, False, False, False), [(32, None, 2), (32, None, 3)]),
    # officer picks the tier
    ("sr-tier-override", "T-SR-0001", {"tier": "严重"}, "一般", SR, (360, 440, 400), "执法", (False, False, False, False), None),
    # --- T-SR-0001, 单位 -------------------------------------------------------------------------------------
    ("sr-unit-general", "T-SR-0001", {"party": "单位"}, "一般", SR, (1010, 1290, 1150), "执法", (True, False, False, False), None),
    ("sr-unit-repeat", "T-SR-0001", {"party": "单位", "repeat_offence": True}, "从重", SR, (1290, 1500, 1400), "执法",
     (True, False, False, False), None),
    # tier 严重 1500–2000 → 从重 1850–2000, midpoint 1925 → 1930
    ("sr-unit-serious-refused", "T-SR-0001", {"party": "单位", "harm": "serious", "refused": True}, "从重", SR,
     (1850, 2000, 1930), "执法", (True, False, False, False), None),
    # --- 程序触发：移送、强制执行 ----------------------------------------------------------------------------------
    ("sr-transfer", "T-SR-0001", {"transfer": True}, "一般", SR, (160, 240, 200), "执法", (True, False, True, True), None),
    ("sr-compulsory", "T-SR-0001", {"compulsory_execution": True}, "一般", SR, (160, 240, 200), "执法",
     (True, False, True, False), None),
    # --- 首违回溯期 (24 months) ---------------------------------------------------------------------------------
    ("sr-previous-outside-window", "T-SR-0001", {"harm": "minor", "corrected": True, "previous_offence_date": D(2022, 1, 10)},
     "可以不予处罚", [], None, "服务", (False, False, False, False), None),
    ("sr-previous-inside-window", "T-SR-0001", {"harm": "minor", "corrected": True, "previous_offence_date": D(2024, 12, 1)},
     "一般", SR, (65, 85, 80), "执法", (True, False, False, False), None),
    # --- T-SR-0002 遗撒：catalog excludes both exemptions; no fine amount in the provision ----------------------
    ("sr2-minor-excluded", "T-SR-0002", {"harm": "none", "corrected": True}, "一般", [F, "警告"], None, "管理",
     (True, False, False, False), None),
    ("sr2-first-excluded", "T-SR-0002", {"harm": "minor", "corrected": True, "first_offence": True}, "一般", [F, "警告"], None,
     "管理", (True, False, False, False), None),
    # --- T-SR-0003 张贴：减轻 → 警告 --------------------------------------------------------------------------
    ("sr3-reduced-to-warning", "T-SR-0003", {"coerced": True, "confessed": True}, "减轻", [F, "警告"], None, "管理",
     (True, False, True, True), [(32, None, 2), (32, None, 3)]),
    ("sr3-aggravated-no-amount", "T-SR-0003", {"repeat_offence": True}, "从重", [F, "警告"], None, "管理",
     (True, False, False, False), None),
    # --- T-GH-0001 城乡规划法第六十四条：工程造价 5 %–10 % -----------------------------------------------------
    # cost 200000 → legal 10000–20000 → 一般 13000–17000 → 15000 ≥ 5000 (个人) → 听证 → 法制审核, 集体讨论
    ("gh-person", "T-GH-0001", {"quantities": {"cost": 200000}}, "一般", ["责令停止建设", "责令限期改正", P],
     (13000, 17000, 15000), "执法", (False, True, True, True), None),
    ("gh-unit", "T-GH-0001", {"party": "单位", "quantities": {"cost": 200000}}, "一般", ["责令停止建设", "责令限期改正", P],
     (13000, 17000, 15000), "执法", (False, False, False, False), None),
    # cost 1,000,000 → 50000–100000 → 从重 85000–100000 → 92500 ≥ 50000
    ("gh-unit-large-repeat", "T-GH-0001", {"party": "单位", "repeat_offence": True, "quantities": {"cost": 1_000_000}}, "从重",
     ["责令停止建设", "责令限期改正", P], (85000, 100000, 92500), "执法", (False, True, True, True), None),
    ("gh-reduced-to-minimum", "T-GH-0001", {"coerced": True, "eliminated_harm": True, "quantities": {"cost": 200000}}, "减轻",
     ["责令停止建设", "责令限期改正", P], (10000, 10000, 10000), "执法", (False, True, True, True), None),
    # --- T-GH-0002：限期拆除, the fine clause only when demolition is impossible ---------------------------------
    ("gh2-demolition", "T-GH-0002", {"quantities": {"cost": 200000}}, "一般", ["责令停止建设", "责令限期拆除"], None, "管理",
     (False, False, True, False), None),
    # --- T-YL-0001 立体绿化：每平方米 500–2000 元，逾期未改正的 ------------------------------------------------
    ("yl-not-refused", "T-YL-0001", {"quantities": {"area": 10}}, "一般", ["责令限期改正"], None, "管理",
     (False, False, False, False), None),
    # refused satisfies the clause's condition and is not counted again as 从重: 5000–20000 → 9500–15500 → 12500
    ("yl-refused", "T-YL-0001", {"refused": True, "quantities": {"area": 10}}, "一般", ["责令限期改正", P],
     (9500, 15500, 12500), "执法", (False, True, True, True), None),
    ("yl-unit-small", "T-YL-0001", {"party": "单位", "refused": True, "quantities": {"area": 2}}, "一般", ["责令限期改正", P],
     (1900, 3100, 2500), "执法", (True, False, False, False), None),
    # --- T-ZY-0001 每平方米 100–1000 元 ---------------------------------------------------------------------
    # area 120 → 12000–120000 → 44400–87600 → 66000
    ("zy-area", "T-ZY-0001", {"quantities": {"area": 120}}, "一般", SR, (44400, 87600, 66000), "执法", (False, True, True, True),
     None),
    # area 3 → 300–3000 → 从轻 300–1110, midpoint 705 → 710
    ("zy-small-eliminated", "T-ZY-0001", {"eliminated_harm": True, "quantities": {"area": 3}}, "从轻", SR, (300, 1110, 710),
     "执法", (False, False, False, False), None),
    # --- T-GG-0001 违法所得一倍以上二倍以下 -----------------------------------------------------------------
    ("gg-gains", "T-GG-0001", {"quantities": {"gains": 30000}}, "一般", [F, "没收违法所得", P], (39000, 51000, 45000), "执法",
     (False, True, True, True), None),
    ("gg-small-gains", "T-GG-0001", {"quantities": {"gains": 2000}}, "一般", [F, "没收违法所得", P], (2600, 3400, 3000), "执法",
     (False, False, False, False), None),
    # --- T-HJ-0001 露天烧烤：two regimes around 2026-08-15 ---------------------------------------------------
    # 大气法 118(3): tier 一般 2000–10000 → 4400–7600 → 6000 ≥ 5000
    ("hj-old-regime", "T-HJ-0001", {"act_date": D(2026, 8, 14)}, "一般", [F, "没收非法财物", P], (4400, 7600, 6000), "执法",
     (False, True, True, True), None),
    # 生态环境法典 1132(3): 500–5000, tier 一般 1000–3000 → 1600–2400 → 2000
    ("hj-new-regime", "T-HJ-0001", {"act_date": D(2026, 8, 15)}, "一般", [F, "没收非法财物", P], (1600, 2400, 2000), "执法",
     (False, False, False, False), None),
    # 拒不改正的: 5000–20000 (tier 严重 5000–20000) → 9500–15500 → 12500
    ("hj-new-regime-refused", "T-HJ-0001", {"act_date": D(2026, 9, 1), "refused": True, "harm": "serious"}, "一般",
     [F, "没收非法财物", P], (9500, 15500, 12500), "执法", (False, True, True, True), None),
    ("hj-old-regime-serious-repeat", "T-HJ-0001", {"harm": "serious", "repeat_offence": True}, "从重", [F, "没收非法财物", P],
     (17000, 20000, 18500), "执法", (False, True, True, True), None),
    # --- T-HJ-0002 油烟：较重处罚种类 -------------------------------------------------------------------------
    ("hj2-unit-serious-repeat", "T-HJ-0002", {"party": "单位", "harm": "serious", "repeat_offence": True}, "从重",
     [F, P, "责令停产停业"], (36500, 50000, 43250), "执法", (False, True, True, True), None),
    ("hj2-unit-general", "T-HJ-0002", {"party": "单位"}, "一般", SR, (18500, 36500, 27500), "执法", (False, False, False, False),
     None),
    # --- procedure policy chosen by decision date --------------------------------------------------------------
    ("decision-date", "T-SR-0001", {"act_date": D(2022, 6, 1), "decision_date": D(2023, 5, 1)}, "一般", SR, (160, 240, 200),
     "执法", (True, False, False, False), None),
]


@pytest.mark.parametrize("sid,situation,kw,outcome,penalties,fine,cls,flags,grounds", SCENARIOS,
                         ids=[s[0] for s in SCENARIOS])
def test_scenario(sid, situation, kw, outcome, penalties, fine, cls, flags, grounds):
    kw = dict(kw)
    kw.setdefault("act_date", A)
    res = recommend(DiscretionInput(situation_id=situation, **kw), catalog=CATALOG)
    out = res.model_dump()
    assert out["outcome"] == outcome
    assert out["penalties"] == penalties
    if fine is None:
        assert out["fine"] is None
    else:
        assert (out["fine"]["min"], out["fine"]["max"], out["fine"]["suggested"]) == fine
    assert out["class_721"] == cls
    assert (out["simple_procedure"], out["hearing_required"], out["legal_review_required"],
            out["collective_discussion_required"]) == flags
    if grounds is not None:
        assert [(g["article"], g["paragraph"], g["item"]) for g in out["grounds"]] == grounds
        assert all(g["law"] == "中华人民共和国行政处罚法" for g in out["grounds"])
    assert out["trace"], "every result carries its trace"


def test_at_least_forty_scenarios():
    assert len(SCENARIOS) >= 40
    outcomes = {s[3] for s in SCENARIOS}
    assert outcomes == {"不予处罚", "可以不予处罚", "减轻", "从轻", "一般", "从重"}
    assert {s[6] for s in SCENARIOS} == {"服务", "管理", "执法"}
    for i in range(4):
        assert {s[7][i] for s in SCENARIOS} == {True, False}


# --- refused input -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kw,fields", [
    ({"first_offence": True, "repeat_offence": True}, ["first_offence", "repeat_offence"]),
    ({"quantities": {"area": -5}}, ["quantities.area"]),
    ({"party": "单位", "age": "14-"}, ["party", "age"]),
    ({"party": "单位", "capacity": "limited"}, ["party", "capacity"]),
    ({"quantities": {"acreage": 3}}, ["quantities.acreage"]),
    ({"decision_date": D(2025, 1, 1)}, ["decision_date", "act_date"]),
    ({"after_statement": True}, ["after_statement", "previous"]),
])
def test_contradictory_input_refused(kw, fields):
    with pytest.raises(DiscretionError) as e:
        DiscretionInput(situation_id="T-SR-0001", act_date=A, **kw)
    assert e.value.fields == fields
    assert "输入相互矛盾或无效" in str(e.value)
    for f in fields:
        assert f in str(e.value)


@pytest.mark.parametrize("situation,kw,fields,needle", [
    ("T-XX-9999", {}, ["situation_id"], "没有编号为"),
    ("T-GH-0001", {}, ["quantities.cost"], "工程造价"),
    ("T-GH-0001", {"quantities": {"cost": 0}}, ["quantities.cost"], "必须大于 0"),
    ("T-YL-0001", {"refused": True}, ["quantities.area"], "每平方米"),
    ("T-GG-0001", {"party": "单位", "quantities": {"gains": 10}}, ["party"], "违法主体"),
    ("T-HJ-0002", {"act_date": D(2026, 9, 1)}, ["act_date"], "没有施行中的依据"),
    ("T-SR-0001", {"tier": "较重"}, ["tier"], "不存在"),
    ("T-SR-0001", {"first_offence": True, "previous_offence_date": D(2025, 1, 1)}, ["first_offence", "previous_offence_date"],
     "回溯期"),
    ("T-SR-0001", {"act_date": D(2021, 1, 1)}, ["act_date"], "裁量规则"),
    ("T-SR-0001", {"act_date": D(2022, 6, 1)}, ["act_date"], "程序规则"),
])
def test_engine_errors(situation, kw, fields, needle):
    kw = dict(kw)
    kw.setdefault("act_date", A)
    with pytest.raises(DiscretionError) as e:
        recommend(DiscretionInput(situation_id=situation, **kw), catalog=CATALOG)
    assert e.value.fields == fields
    assert needle in str(e.value)


def test_parse_reports_type_errors_in_chinese():
    with pytest.raises(DiscretionError) as e:
        DiscretionInput.parse({"situation_id": "T-SR-0001", "harm": "huge"})
    assert e.value.fields == ["harm"] and "危害后果" in str(e.value)
