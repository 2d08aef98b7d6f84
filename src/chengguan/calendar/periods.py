"""Statutory periods (法定期间) and deadlines, with a trace of how each was counted.

The periods and the counting rules are data (data/calendar/periods.yaml):
  working_days   二日/三日/五日/七日 (行政处罚法第八十五条): count N working days after the start date.
  calendar_days  十五日/六十日/九十日: N calendar days after the start date; a last day that is a rest day
                 (weekend or 放假日, but not a 调休上班日) moves to the next working day.
  months         六个月: same day N months later (month end when that day does not exist), then the same move.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import load_model
from ..lazy import Lazy
from .core import CALENDAR_DIR, CalendarDataError, CalendarError, WorkCalendar, get_calendar
from .schema import Period, PeriodsFile

PERIODS_FILE = CALENDAR_DIR / "periods.yaml"


class UnknownPeriodError(CalendarError):
    pass


@dataclass
class Deadline:
    start: dt.date
    period: Period
    due: dt.date
    trace: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"start": self.start.isoformat(), "period": self.period.code, "kind": self.period.kind,
                "n": self.period.n, "due": self.due.isoformat(), "trace": list(self.trace),
                "uses": [c.as_text() for c in self.period.uses],
                "basis": self.period.basis.as_text() if self.period.basis else None}


def load_periods_file(path: Path | None = None) -> PeriodsFile:
    return load_model(path or PERIODS_FILE, PeriodsFile, CalendarDataError)


_PF: Lazy[PeriodsFile] = Lazy(lambda: load_periods_file())


def get_periods() -> PeriodsFile:
    return _PF.get()


def find_period(code: str, periods: PeriodsFile | None = None) -> Period:
    pf = periods or get_periods()
    key = code.strip().replace(" ", "")
    for p in pf.periods:
        if key == p.code or key in p.aliases or key.lower() in [a.lower() for a in p.aliases]:
            return p
    raise UnknownPeriodError(f"未知的期间“{code}”；可用：{'、'.join(p.code for p in pf.periods)}")


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, _stdcal.monthrange(year, month)[1]))


def deadline(start: dt.date, period_code: str | Period, cal: WorkCalendar | None = None,
             periods: PeriodsFile | None = None) -> Deadline:
    """The last day of the period that begins the day after `start`, with the counting trace."""
    cal = cal or get_calendar()
    pf = periods or get_periods()
    p = period_code if isinstance(period_code, Period) else find_period(period_code, pf)
    trace = [f"期间：{p.label}；起算：{cal.describe(start)}，当日不计入，自次日起算"]
    if p.kind == "working_days":
        due = start
        counted = []
        cur = start
        while len(counted) < p.n:
            cur += dt.timedelta(days=1)
            if cal.is_working_day(cur):
                counted.append(cur)
            else:
                trace.append(f"跳过 {cal.describe(cur)}")
        due = counted[-1]
        trace.append("计入的工作日：" + "、".join(f"{i + 1}. {d.isoformat()}" for i, d in enumerate(counted)))
        basis = p.basis.as_text() if p.basis else ""
        trace.append(f"第{p.n}个工作日 {cal.describe(due)} 为届满日（{basis}：工作日不含法定节假日）")
        return Deadline(start, p, due, trace)
    if p.kind == "calendar_days":
        last = start + dt.timedelta(days=p.n)
        trace.append(f"按自然日连续计算 {p.n} 日（节假日计入）：末日 {cal.describe(last)}")
    else:
        last = add_months(start, p.n)
        note = "" if last.day == start.day else "（到期月没有对应日，取月末日）"
        trace.append(f"按月计算 {p.n} 个月：到期月的对应日 {cal.describe(last)}{note}")
    if cal.is_working_day(last):
        trace.append(f"末日为工作日，{last.isoformat()} 为届满日")
        return Deadline(start, p, last, trace)
    due = cal.next_working_day(last)
    trace.append(f"末日是法定休假日，顺延至休假日后的第一个工作日 {cal.describe(due)}（规则见 data/calendar/periods.yaml rules.calendar_days）")
    return Deadline(start, p, due, trace)


def check_data(cal_path: Path | None = None, periods_path: Path | None = None, verify_citations: bool = True) -> list[str]:
    """Validate both calendar data files; returns a list of problems (empty when all is well)."""
    problems: list[str] = []
    try:
        WorkCalendar.from_file(cal_path)
    except CalendarError as e:
        problems.append(str(e))
    try:
        pf = load_periods_file(periods_path)
    except CalendarError as e:
        problems.append(str(e))
        return problems
    if verify_citations:
        from ..law.kb import CitationError, get_kb

        kb = get_kb()
        cites = [s.cite for s in pf.rules.sources if s.cite and s.in_kb]
        for p in pf.periods:
            cites += list(p.uses) + ([p.basis] if p.basis else [])
        for c in cites:
            try:
                kb.resolve(c.law, c.article, c.paragraph, c.item)
            except CitationError as e:
                problems.append(f"periods.yaml：引用 {c.as_text()} 无法解析：{e}")
    return problems
