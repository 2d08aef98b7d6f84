"""简易程序: 小王 finds 刘阿姨's stall on a main road and decides on the spot."""

import datetime as dt
from decimal import Decimal

import pytest

from chengguan.cases import actions
from chengguan.cases.actions import CaseError
from chengguan.cases.audit import verify


def test_xiaowang_fines_liu_on_the_spot_and_files_it(people, on_day, stall_situation, liu):
    case = actions.decide_on_the_spot(people["xiaowang"], party=liu, situation_id=stall_situation, facts="在兴华中路人行道摆摊卖水果",
                                      place="兴华中路", act_date=dt.date(2026, 3, 2), fine=Decimal(200), kinds=["罚款"], partner=people["xiaozhao"].officer)
    assert case.procedure == "简易" and case.status == "执行"
    assert case.decision_number == "涪城管当罚字〔2026〕第0001号"
    assert case.payment_due == dt.date(2026, 3, 17)  # 十五日
    actions.file_simple_case_with_bureau(people["xiaowang"], case)
    case.refresh_from_db()
    assert case.filed_with_bureau
    assert verify().ok


def test_on_the_spot_fine_above_200_yuan_for_a_person_is_refused(people, on_day, stall_situation, liu):
    with pytest.raises(CaseError, match="第五十一条"):
        actions.decide_on_the_spot(people["xiaowang"], party=liu, situation_id=stall_situation, facts="摆摊",
                                   place="兴华中路", act_date=dt.date(2026, 3, 2), fine=Decimal(300), kinds=["罚款"], partner=people["xiaozhao"].officer)


def test_on_the_spot_needs_a_valid_id_number(people, on_day, stall_situation, liu):
    liu["id_number"] = "500102197001010024"
    with pytest.raises(CaseError, match="校验码"):
        actions.decide_on_the_spot(people["xiaowang"], party=liu, situation_id=stall_situation, facts="摆摊",
                                   place="兴华中路", act_date=dt.date(2026, 3, 2), fine=Decimal(200), kinds=["罚款"], partner=people["xiaozhao"].officer)


def test_reviewer_cannot_decide_on_the_street(people, on_day, stall_situation, liu):
    from chengguan.cases.roles import PermissionDenied

    with pytest.raises(PermissionDenied, match="执法队员"):
        actions.decide_on_the_spot(people["zhang"], party=liu, situation_id=stall_situation, facts="摆摊",
                                   place="兴华中路", act_date=dt.date(2026, 3, 2), fine=Decimal(200), kinds=["罚款"], partner=people["xiaozhao"].officer)


def test_one_officer_alone_cannot_decide_on_the_spot(people, on_day, stall_situation, liu):
    with pytest.raises(CaseError, match="第四十二条"):
        actions.decide_on_the_spot(people["xiaowang"], party=liu, situation_id=stall_situation, facts="摆摊",
                                   place="兴华中路", act_date=dt.date(2026, 3, 2), fine=Decimal(200), kinds=["罚款"], partner=None)
