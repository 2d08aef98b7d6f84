"""The current statutory deadline of a case, days left and overdue state; lists per team."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import actions
from .actions import DECISION_PERIOD, SERVICE_PERIOD
from .models import Case


@dataclass
class Clock:
    label: str
    due: dt.date | None
    basis: str
    error: str | None = None

    @property
    def days_left(self) -> int | None:
        return (self.due - actions.today()).days if self.due else None

    @property
    def state(self) -> str:
        if self.error:
            return "unknown"
        if self.due is None:
            return "none"
        d = self.days_left
        return "overdue" if d < 0 else ("due-soon" if d <= 3 else "ok")


def _due(start: dt.date, period: str) -> tuple[dt.date | None, str | None]:
    from ..calendar import CalendarError, deadline
    from .workcalendar import ensure_calendar

    ensure_calendar()
    try:
        return deadline(start, period).due, None
    except CalendarError as e:
        return None, str(e)


def current_clock(case: Case) -> Clock:
    s = case.status
    if s in ("立案", "调查", "调查终结", "法制审核", "集体讨论", "听证") and case.filed_at:
        due, err = _due(case.filed_at, DECISION_PERIOD)
        return Clock("作出处罚决定", due, "《中华人民共和国行政处罚法》第六十条：自立案之日起九十日内", err)
    if s == "告知":
        return Clock("陈述申辩/听证申请期满", case.statement_deadline, "告知书载明的期限（第六十四条第（一）项：听证五日）")
    if s == "决定" and case.decided_at:
        due, err = _due(case.decided_at, SERVICE_PERIOD)
        return Clock("送达决定书", due, "第六十一条：七日内送达", err)
    if s == "执行" and not case.paid_at and not case.enforcement_step:
        return Clock("缴纳罚款", case.payment_due, "第六十七条第三款：收到决定书之日起十五日内")
    return Clock("无", None, "")


def team_board(team=None, soon_days: int = 3) -> dict[str, list[tuple[Case, Clock]]]:
    qs = Case.objects.exclude(status__in=["结案", "归档", "不予立案", "移送"])
    if team is not None:
        qs = qs.filter(team=team)
    out: dict[str, list] = {"overdue": [], "due-soon": []}
    for c in qs.only("id", "number", "status", "filed_at", "statement_deadline", "decided_at", "payment_due", "paid_at",
                     "enforcement_step", "party_name", "team_id"):
        k = current_clock(c)
        if k.state in out:
            out[k.state].append((c, k))
    for v in out.values():
        v.sort(key=lambda ck: ck[1].due)
    return out
