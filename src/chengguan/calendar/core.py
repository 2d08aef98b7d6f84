"""The working-day calendar: which dates are working days, and counting working days.

A WorkCalendar is built from a list of YearRecord (one per year, from the State Council notice). The
shipped file data/calendar/cn_holidays.yaml is the source of truth; the web side can build a calendar
from database rows with the same shape (``WorkCalendar.from_records(rows)``) and install it with
``set_calendar``. A date outside the loaded years raises CalendarRangeError: never a guess.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Mapping

from pydantic import ValidationError

from .. import DATA_DIR
from ..datafiles import load_model, validation_message
from ..lazy import Lazy
from .schema import CalendarFile, YearRecord

CALENDAR_DIR = DATA_DIR / "calendar"
HOLIDAYS_FILE = CALENDAR_DIR / "cn_holidays.yaml"
WEEKDAYS = "一二三四五六日"


class CalendarError(ValueError):
    """Base class for calendar errors (messages in Chinese)."""


class CalendarDataError(CalendarError):
    """The holiday data failed validation."""


class CalendarRangeError(CalendarError):
    """A date falls outside the years whose holiday arrangement is loaded."""

    def __init__(self, day: dt.date, first: int | None, last: int | None):
        self.day, self.first, self.last = day, first, last
        if first is None:
            msg = f"日期 {day} 无法判断是否工作日：尚未载入任何年度的节假日安排"
        else:
            msg = (f"日期 {day} 超出已载入的节假日安排（{first}年至{last}年），无法判断是否工作日；"
                   f"请在国务院办公厅发布{day.year}年部分节假日安排的通知后补充 data/calendar/cn_holidays.yaml")
        super().__init__(msg)


def weekday_cn(d: dt.date) -> str:
    return "星期" + WEEKDAYS[d.weekday()]


class WorkCalendar:
    """Working days for the loaded years."""

    def __init__(self, years: Iterable[YearRecord], version: str = "", source: str = ""):
        recs = sorted(years, key=lambda r: r.year)
        ys = [r.year for r in recs]
        if len(set(ys)) != len(ys):
            raise CalendarDataError(f"年份重复：{ys}")
        if ys and ys != list(range(ys[0], ys[-1] + 1)):
            raise CalendarDataError(f"年份不连续：{ys}")
        self.records: dict[int, YearRecord] = {r.year: r for r in recs}
        self.version = version
        self.source = source
        self._holiday: dict[dt.date, str] = {}
        self._makeup: dict[dt.date, str] = {}
        for r in recs:
            for h in r.holidays:
                for d in h.days():
                    self._holiday[d] = h.name
            for m in r.makeup_workdays:
                self._makeup[m.date] = m.for_

    # construction -------------------------------------------------------------------------------
    @classmethod
    def from_records(cls, rows: Iterable[YearRecord | Mapping], version: str = "", source: str = "") -> "WorkCalendar":
        """Build from YearRecord objects or plain dicts (e.g. database rows serialised to the YAML shape)."""
        recs = []
        for row in rows:
            if isinstance(row, YearRecord):
                recs.append(row)
                continue
            try:
                recs.append(YearRecord.model_validate(row))
            except ValidationError as e:
                raise CalendarDataError(f"{row.get('year', '?')}年：{validation_message(e)}") from e
        return cls(recs, version=version, source=source)

    @classmethod
    def from_file(cls, path: Path | None = None, overrides: Iterable[YearRecord | Mapping] = ()) -> "WorkCalendar":
        """Load the YAML file; `overrides` replace whole years (an admin-edited copy of a year)."""
        path = path or HOLIDAYS_FILE
        data = load_calendar_file(path)
        by_year = {r.year: r for r in data.years}
        extra = cls.from_records(overrides).records.values() if overrides else []
        for r in extra:
            by_year[r.year] = r
        return cls(by_year.values(), version=str(data.version), source=str(path))

    # queries ------------------------------------------------------------------------------------
    @property
    def first_year(self) -> int | None:
        return min(self.records) if self.records else None

    @property
    def last_year(self) -> int | None:
        return max(self.records) if self.records else None

    def covers(self, d: dt.date) -> bool:
        return d.year in self.records

    def _check(self, d: dt.date) -> None:
        if not self.covers(d):
            raise CalendarRangeError(d, self.first_year, self.last_year)

    def holiday_name(self, d: dt.date) -> str | None:
        self._check(d)
        return self._holiday.get(d)

    def is_makeup_workday(self, d: dt.date) -> bool:
        self._check(d)
        return d in self._makeup

    def is_working_day(self, d: dt.date) -> bool:
        self._check(d)
        if d in self._holiday:
            return False
        if d in self._makeup:
            return True
        return d.weekday() < 5

    def describe(self, d: dt.date) -> str:
        """'2025-10-11 星期六（国庆节、中秋节调休上班）' and similar, for traces."""
        self._check(d)
        s = f"{d.isoformat()} {weekday_cn(d)}"
        if d in self._holiday:
            return s + f"（{self._holiday[d]}放假）"
        if d in self._makeup:
            return s + f"（{self._makeup[d]}调休上班）"
        return s + ("（工作日）" if d.weekday() < 5 else "（休息日）")

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The date reached by counting n working days after d (d itself not counted). n may be negative; n = 0 → d."""
        step = 1 if n >= 0 else -1
        left = abs(n)
        cur = d
        if left == 0:
            self._check(d)
        while left:
            cur += dt.timedelta(days=step)
            if self.is_working_day(cur):
                left -= 1
        return cur

    def next_working_day(self, d: dt.date, include_self: bool = True) -> dt.date:
        cur = d if include_self else d + dt.timedelta(days=1)
        while not self.is_working_day(cur):
            cur += dt.timedelta(days=1)
        return cur

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days d with start < d <= end (negative when end < start), so that
        add_working_days(start, working_days_between(start, end)) is end when end is a working day."""
        if end < start:
            return -self.working_days_between(end, start)
        self._check(start)
        self._check(end)
        n = 0
        cur = start
        while cur < end:
            cur += dt.timedelta(days=1)
            if self.is_working_day(cur):
                n += 1
        return n


def load_calendar_file(path: Path | None = None) -> CalendarFile:
    return load_model(path or HOLIDAYS_FILE, CalendarFile, CalendarDataError)


_CAL: Lazy[WorkCalendar] = Lazy(lambda: WorkCalendar.from_file())


def get_calendar() -> WorkCalendar:
    """The calendar in use: the one installed with set_calendar, else the shipped file."""
    return _CAL.get()


def set_calendar(cal: WorkCalendar | None) -> None:
    """Install a calendar (e.g. built from admin-edited database rows); None → reload the file next time."""
    _CAL.set(cal)


def is_working_day(d: dt.date, cal: WorkCalendar | None = None) -> bool:
    return (cal or get_calendar()).is_working_day(d)


def add_working_days(d: dt.date, n: int, cal: WorkCalendar | None = None) -> dt.date:
    return (cal or get_calendar()).add_working_days(d, n)


def working_days_between(start: dt.date, end: dt.date, cal: WorkCalendar | None = None) -> int:
    return (cal or get_calendar()).working_days_between(start, end)
