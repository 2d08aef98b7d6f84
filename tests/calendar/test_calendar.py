import datetime as dt

import pytest
import yaml

from chengguan.calendar import (CalendarDataError, CalendarRangeError, WorkCalendar, add_working_days, check_data,
                                deadline, find_period, get_calendar, get_periods, is_working_day, working_days_between)
from chengguan.calendar.core import HOLIDAYS_FILE

D = dt.date


def test_example_from_brief():
    # 10-01…10-08 放假, 10-11 (Saturday) 调休上班
    assert add_working_days(D(2025, 9, 30), 5) == D(2025, 10, 14)


@pytest.mark.parametrize("day,expected", [
    (D(2025, 10, 1), False), (D(2025, 10, 8), False), (D(2025, 10, 9), True),
    (D(2025, 10, 11), True),   # Saturday, 补班
    (D(2025, 10, 12), False),  # Sunday
    (D(2025, 9, 28), True),    # Sunday, 补班
    (D(2024, 2, 4), True), (D(2024, 2, 18), True), (D(2024, 2, 9), True),  # 除夕 2024 is a working day in the notice
    (D(2024, 2, 10), False), (D(2024, 6, 10), False), (D(2024, 10, 12), True),
    (D(2025, 1, 1), False), (D(2025, 1, 28), False), (D(2025, 2, 4), False), (D(2025, 2, 8), True),
    (D(2025, 5, 31), False), (D(2025, 6, 2), False), (D(2025, 6, 3), True),
    (D(2026, 1, 2), False), (D(2026, 1, 4), True), (D(2026, 2, 23), False), (D(2026, 2, 24), True),
    (D(2026, 2, 28), True), (D(2026, 5, 9), True), (D(2026, 9, 20), True), (D(2026, 10, 7), False),
    (D(2026, 10, 8), True), (D(2026, 10, 10), True), (D(2026, 11, 30), True), (D(2026, 11, 29), False),
])
def test_is_working_day(day, expected):
    assert is_working_day(day) is expected


def test_year_boundaries():
    # 2024-12-31 Tue → 2025-01-01 holiday → 2025-01-02 Thu
    assert add_working_days(D(2024, 12, 31), 1) == D(2025, 1, 2)
    # 2025-12-31 Wed → 2026-01-01..03 holiday, 01-04 Sunday 补班
    assert add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 4)
    assert add_working_days(D(2025, 12, 31), 2) == D(2026, 1, 5)
    # backwards across the boundary
    assert add_working_days(D(2026, 1, 4), -1) == D(2025, 12, 31)
    assert working_days_between(D(2025, 12, 31), D(2026, 1, 5)) == 2
    assert working_days_between(D(2026, 1, 5), D(2025, 12, 31)) == -2


def test_working_days_between_round_trip():
    cal = get_calendar()
    start = D(2025, 9, 30)
    for n in range(0, 40):
        end = cal.add_working_days(start, n)
        assert cal.working_days_between(start, end) == n


def test_zero_days_is_identity_and_checked():
    assert add_working_days(D(2025, 3, 3), 0) == D(2025, 3, 3)
    with pytest.raises(CalendarRangeError):
        add_working_days(D(2027, 3, 3), 0)


@pytest.mark.parametrize("day", [D(2023, 12, 31), D(2027, 1, 1), D(2030, 6, 1)])
def test_out_of_range_is_an_error(day):
    with pytest.raises(CalendarRangeError) as e:
        is_working_day(day)
    assert "超出已载入的节假日安排" in str(e.value)
    assert str(day.year) in str(e.value)


def test_counting_into_an_unloaded_year_is_an_error():
    with pytest.raises(CalendarRangeError):
        add_working_days(D(2026, 12, 28), 10)
    with pytest.raises(CalendarRangeError):
        deadline(D(2026, 12, 20), "15日")  # last day 2027-01-04: its status is unknown


def test_matches_chinese_calendar_package_when_installed():
    import chinese_calendar as cc  # a test dependency (pyproject.toml [test])
    cal = get_calendar()
    d = D(cal.first_year, 1, 1)
    while d.year <= cal.last_year:
        assert cal.is_working_day(d) == cc.is_workday(d), d
        d += dt.timedelta(days=1)


# ---- periods ------------------------------------------------------------------------------------

@pytest.mark.parametrize("start,code,due", [
    (D(2025, 9, 30), "2日", D(2025, 10, 10)),
    (D(2025, 9, 30), "3日", D(2025, 10, 11)),   # 补班 Saturday counts
    (D(2025, 9, 30), "5日", D(2025, 10, 14)),
    (D(2025, 9, 30), "7日", D(2025, 10, 16)),
    (D(2026, 2, 12), "5日", D(2026, 2, 26)),    # 02-13 Fri, 02-14 Sat 补班, 02-24, 02-25, 02-26
    (D(2025, 9, 30), "15日", D(2025, 10, 15)),  # calendar days, last day a working day
    (D(2025, 9, 20), "15日", D(2025, 10, 9)),   # last day 10-05 holiday → first working day after
    (D(2024, 7, 12), "15日", D(2024, 7, 29)),   # last day 07-27 Saturday → Monday 07-29
    (D(2025, 8, 2), "60日", D(2025, 10, 9)),    # 10-01 holiday → 10-09
    (D(2025, 1, 3), "90日", D(2025, 4, 3)),     # 2025-04-03 Thursday
    (D(2025, 1, 5), "90日", D(2025, 4, 7)),     # 04-05 in 清明节 → Monday 04-07
    (D(2025, 3, 15), "6个月", D(2025, 9, 15)),
    (D(2025, 8, 31), "6个月", D(2026, 2, 28)),  # no 31st: month end, a 补班 Saturday
    (D(2025, 4, 4), "6个月", D(2025, 10, 9)),   # 10-04 holiday → 10-09
])
def test_deadlines(start, code, due):
    r = deadline(start, code)
    assert r.due == due
    assert r.trace and "当日不计入" in r.trace[0]


def test_period_kinds_and_aliases():
    kinds = {p.code: p.kind for p in get_periods().periods}
    assert kinds == {"2日": "working_days", "3日": "working_days", "5日": "working_days", "7日": "working_days",
                     "15日": "calendar_days", "60日": "calendar_days", "90日": "calendar_days", "6个月": "months"}
    assert find_period("5d").code == "5日"
    assert find_period("六个月").code == "6个月"


def test_trace_names_the_skipped_days():
    r = deadline(D(2025, 9, 30), "5日")
    text = "\n".join(r.trace)
    assert "跳过 2025-10-01" in text and "第八十五条" in text
    r = deadline(D(2025, 9, 20), "15日")
    assert "顺延" in r.trace[-1]


def test_unknown_period():
    from chengguan.calendar import UnknownPeriodError

    with pytest.raises(UnknownPeriodError):
        deadline(D(2025, 1, 2), "4日")


def test_data_files_valid_and_citations_resolve():
    assert check_data() == []


def _raw():
    return yaml.safe_load(HOLIDAYS_FILE.read_text(encoding="utf-8"))


def test_from_records_and_override():
    raw = _raw()
    base = WorkCalendar.from_records(raw["years"])
    assert base.is_working_day(D(2025, 10, 9))
    y2025 = next(r for r in raw["years"] if r["year"] == 2025)
    edited = dict(y2025, holidays=[*y2025["holidays"], {"name": "国庆节", "start": "2025-10-09", "end": "2025-10-09"}])
    cal = WorkCalendar.from_file(overrides=[edited])
    assert not cal.is_working_day(D(2025, 10, 9))
    assert cal.is_working_day(D(2024, 10, 8))


@pytest.mark.parametrize("mutate,needle", [
    (lambda y: y["makeup_workdays"].append({"date": "2025-03-05", "for": "春节"}), "周六或周日"),
    (lambda y: y["holidays"].append({"name": "春节", "start": "2025-02-01", "end": "2025-02-02"}), "重叠"),
    (lambda y: y["holidays"].append({"name": "圣诞节", "start": "2025-12-25", "end": "2025-12-25"}), "未知节日"),
    (lambda y: y["holidays"].append({"name": "元旦", "start": "2025-12-31", "end": "2026-01-01"}), "不在 2025 年"),
    (lambda y: y["makeup_workdays"].append({"date": "2025-10-04", "for": "国庆节"}), "放假区间内"),
])
def test_validator_rejects_bad_rows(mutate, needle):
    y = next(r for r in _raw()["years"] if r["year"] == 2025)
    mutate(y)
    with pytest.raises(CalendarDataError) as e:
        WorkCalendar.from_records([y])
    assert needle in str(e.value)


def test_years_must_be_contiguous():
    raw = _raw()
    with pytest.raises(CalendarDataError):
        WorkCalendar.from_records([r for r in raw["years"] if r["year"] != 2025])
