"""镇街 officers handle only delegated items in their own area; transfers out and in."""

import datetime as dt

import pytest

from chengguan.cases import actions
from chengguan.cases.models import Transfer
from chengguan.cases.roles import PermissionDenied
from chengguan.rules.catalog import get_catalog


def _delegated_and_not():
    cat = get_catalog()
    yes = no = None
    for s in cat.situations.values():
        it = cat.items.get(s.item)
        if it is None:
            continue
        if it.delegated_to_towns and yes is None and actions.town_in("荔枝街道", it.towns, cat.towns):
            yes = s.id
        if not it.delegated_to_towns and no is None:
            no = s.id
    return yes, no


def test_xiaochen_handles_delegated_items_in_lizhi_only(people, on_day):
    yes, no = _delegated_and_not()
    c = actions.register_clue(people["xiaochen"], source="巡查", facts="焚烧落叶", place="荔枝街道某路", act_date=dt.date(2026, 3, 1),
                              situation_id=yes)
    assert c.town == "荔枝街道"
    with pytest.raises(PermissionDenied, match="不在荔枝街道的执法区域内"):
        actions.register_clue(people["xiaochen"], source="巡查", facts="摆摊", place="崇义街道", act_date=dt.date(2026, 3, 1),
                              town="崇义街道")
    with pytest.raises(PermissionDenied, match="未赋权"):
        actions.register_clue(people["xiaochen"], source="巡查", facts="违法建设", place="荔枝街道", act_date=dt.date(2026, 3, 1),
                              situation_id=no)


def test_case_is_transferred_to_the_police_and_both_sides_see_status(people, on_day):
    c = actions.register_clue(people["xiaowang"], source="巡查", facts="暴力阻碍执法，致执法人员受伤", place="滨江路",
                              act_date=dt.date(2026, 3, 1))
    actions.file_case(people["laoli"], c)
    t = actions.transfer_case(people["zhou"], c, agency="重庆市涪陵区公安局", reason="涉嫌妨害公务罪", crime_suspected=True)
    c.refresh_from_db()
    assert c.status == "移送" and t.letter_number.startswith("涪城管移字〔2026〕")
    actions.update_transfer(people["zhou"], t, status="已接收", reply="已受案")
    assert Transfer.objects.get(pk=t.pk).status == "已接收"
    actions.close_case(people["zhou"], c)


def test_transfer_in_becomes_a_clue(people, on_day):
    t = actions.receive_transfer(people["laoli"], agency="重庆市涪陵区市场监督管理局", reason="占道经营不属本机关职责",
                                 facts="商户在店外占道经营", place="兴华中路", act_date=dt.date(2026, 2, 27))
    assert t.direction == "移入" and t.case.source == "移送" and t.case.status == "线索"
