"""普通程序: an unpermitted building, from 线索 to 归档, with 法制审核 by 张律师."""

import datetime as dt
from decimal import Decimal

import pytest

from chengguan.cases import actions
from chengguan.cases.actions import CaseError
from chengguan.cases.audit import verify
from chengguan.cases.clocks import current_clock
from chengguan.cases.models import AuditEntry, Officer


def _to_investigation(people, on_day, situation, party, act=dt.date(2026, 2, 20)):
    on_day(dt.date(2026, 3, 2))
    case = actions.register_clue(people["xiaowang"], source="举报", facts="居民举报某公司在江边未经许可修建两层砖混房屋",
                                 place="江东街道滨江路", act_date=act, situation_id=situation, party=party)
    actions.file_case(people["laoli"], case)
    actions.assign_officers(people["laoli"], case, [people["xiaowang"].officer, people["xiaozhao"].officer])
    actions.record_evidence(people["xiaowang"], case, kind="照片", description="现场照片3张", content=b"\x89PNG fake photo bytes")
    actions.record_evidence(people["xiaozhao"], case, kind="测量", description="建筑面积约120平方米，工程造价约100万元")
    case.refresh_from_db()
    return case


def test_major_case_runs_the_whole_lifecycle(people, on_day, building_situation, company):
    case = _to_investigation(people, on_day, building_situation, company)
    assert case.status == "调查" and case.filed_at == dt.date(2026, 3, 2)
    actions.close_investigation(people["xiaowang"], case, situation_id=building_situation,
                                circumstances={"party": "单位", "quantities": {"cost": 1_000_000}})
    case.refresh_from_db()
    assert case.legal_review_required and case.hearing_required
    assert case.status == "法制审核"
    fine = Decimal(str(case.discretion["fine"]["suggested"]))
    # no decision and no notice before the review has passed
    with pytest.raises(CaseError, match="法制审核"):
        actions.notify_party(people["xiaowang"], case, fine=fine, kinds=["罚款", "责令限期改正"])
    actions.review_case(people["zhang"], case, passed=True, opinion="事实清楚，证据确凿，适用依据正确，裁量适当")
    case.refresh_from_db()
    if case.status == "集体讨论":
        actions.record_collective_discussion(people["chen"], case, conclusion="同意处罚")
    on_day(dt.date(2026, 3, 3))
    actions.notify_party(people["xiaowang"], case, fine=fine, kinds=["罚款", "责令限期改正"])
    case.refresh_from_db()
    assert case.statement_deadline == dt.date(2026, 3, 10)  # 五个工作日
    with pytest.raises(CaseError, match="期满前不得作出决定"):
        actions.decide(people["zhou"], case, decision="处罚", fine=fine)
    actions.record_statement(people["xiaowang"], case, text="当事人称已在补办手续，请求从轻")
    on_day(dt.date(2026, 3, 11))
    with pytest.raises(CaseError, match="第四十五条"):
        actions.decide(people["zhou"], case, decision="处罚", fine=fine + 1)
    actions.decide(people["zhou"], case, decision="处罚", fine=fine)
    case.refresh_from_db()
    assert case.decision_number == "涪城管罚决字〔2026〕第0001号"
    actions.serve_decision(people["xiaowang"], case, served_on=dt.date(2026, 3, 11))
    case.refresh_from_db()
    assert case.payment_due == dt.date(2026, 3, 26)
    with pytest.raises(CaseError, match="不能结案"):
        actions.close_case(people["zhou"], case)
    on_day(dt.date(2026, 3, 28))
    with pytest.raises(CaseError, match="加处罚款"):
        actions.record_payment(people["xiaowang"], case, amount=fine, paid_on=dt.date(2026, 3, 28))
    late = (fine * Decimal("0.06")).quantize(Decimal("0.01"))  # two days late, 3% a day
    actions.record_payment(people["xiaowang"], case, amount=fine + late, paid_on=dt.date(2026, 3, 28))
    actions.close_case(people["zhou"], case)
    actions.archive_case(people["zhou"], case)
    case.refresh_from_db()
    assert case.status == "归档"
    result = verify()
    assert result.ok and result.entries == AuditEntry.objects.count() >= 12


def test_failed_review_sends_the_case_back_to_investigation(people, on_day, building_situation, company):
    case = _to_investigation(people, on_day, building_situation, company)
    actions.close_investigation(people["xiaowang"], case, situation_id=building_situation,
                                circumstances={"party": "单位", "quantities": {"cost": 1_000_000}})
    actions.review_case(people["zhang"], case, passed=False, opinion="工程造价未经鉴定，证据不足")
    case.refresh_from_db()
    assert case.status == "调查"


def test_investigator_cannot_review_own_case(people, on_day, building_situation, company):
    people["zhang"].officer.cert_no = "X1"
    case = _to_investigation(people, on_day, building_situation, company)
    actions.close_investigation(people["xiaowang"], case, situation_id=building_situation,
                                circumstances={"party": "单位", "quantities": {"cost": 1_000_000}})
    case.officers.add(people["zhang"].officer)
    with pytest.raises(CaseError, match="承办人员不得审核"):
        actions.review_case(people["zhang"], case, passed=True, opinion="同意")


def test_two_officers_with_certificates_are_required(people, on_day, building_situation, company):
    on_day(dt.date(2026, 3, 2))
    case = actions.register_clue(people["xiaowang"], source="巡查", facts="违法建设", place="滨江路", act_date=dt.date(2026, 3, 1))
    actions.file_case(people["laoli"], case)
    with pytest.raises(CaseError, match="两名以上持有执法证件"):
        actions.assign_officers(people["laoli"], case, [people["xiaowang"].officer, people["chen"].officer])


def test_filing_refused_after_two_years_measured_from_the_end_of_a_continuing_act(people, on_day):
    on_day(dt.date(2026, 3, 2))
    old = actions.register_clue(people["xiaowang"], source="举报", facts="违法搭建", place="滨江路", act_date=dt.date(2024, 3, 1))
    with pytest.raises(CaseError, match="第三十六条"):
        actions.file_case(people["laoli"], old)
    continuing = actions.register_clue(people["xiaowang"], source="举报", facts="占用绿地持续堆物", place="滨江路",
                                       act_date=dt.date(2023, 1, 1), act_end_date=dt.date(2025, 6, 1))
    actions.file_case(people["laoli"], continuing)
    continuing.refresh_from_db()
    assert continuing.status == "调查"


def test_officer_cannot_approve_filing(people, on_day):
    from chengguan.cases.roles import PermissionDenied

    on_day(dt.date(2026, 3, 2))
    c = actions.register_clue(people["xiaowang"], source="巡查", facts="乱堆物料", place="滨江路", act_date=dt.date(2026, 3, 1))
    with pytest.raises(PermissionDenied, match="中队长"):
        actions.file_case(people["xiaowang"], c)


def test_clock_shows_the_ninety_day_decision_deadline(people, on_day, building_situation, company):
    case = _to_investigation(people, on_day, building_situation, company)
    k = current_clock(case)
    # 2026-03-02 + 90 days = 2026-05-31, a Sunday: the period ends on the next working day
    assert k.label == "作出处罚决定" and k.due == dt.date(2026, 6, 1)
    on_day(dt.date(2026, 6, 2))
    assert current_clock(case).state == "overdue"


def test_unpaid_fine_can_be_closed_after_an_enforcement_step(people, on_day, stall_situation, liu):
    on_day(dt.date(2026, 3, 2))
    case = actions.decide_on_the_spot(people["xiaowang"], party=liu, situation_id=stall_situation, facts="摆摊",
                                      place="兴华中路", act_date=dt.date(2026, 3, 2), fine=Decimal(200), kinds=["罚款"], partner=people["xiaozhao"].officer)
    with pytest.raises(CaseError, match="缴款期限"):
        actions.record_enforcement(people["laoli"], case, step="送达催告书")
    on_day(dt.date(2026, 3, 20))
    actions.record_enforcement(people["laoli"], case, step="送达催告书")
    actions.close_case(people["laoli"], case)
    case.refresh_from_db()
    assert case.status == "结案"
