"""Working-day calendar and statutory periods (法定期间).

    from chengguan.calendar import is_working_day, add_working_days, working_days_between, deadline

Data: data/calendar/cn_holidays.yaml (holidays and 调休 per year) and data/calendar/periods.yaml.
A date outside the loaded years raises CalendarRangeError.
"""

from .core import (CalendarDataError, CalendarError, CalendarRangeError, WorkCalendar, add_working_days,
                   get_calendar, is_working_day, load_calendar_file, set_calendar, working_days_between)
from .periods import Deadline, UnknownPeriodError, add_months, check_data, deadline, find_period, get_periods
from .schema import HolidaySpan, MakeupDay, Period, PeriodsFile, YearRecord

__all__ = [
    "CalendarDataError", "CalendarError", "CalendarRangeError", "Deadline", "HolidaySpan", "MakeupDay", "Period",
    "PeriodsFile", "UnknownPeriodError", "WorkCalendar", "YearRecord", "add_months", "add_working_days",
    "check_data", "deadline", "find_period", "get_calendar", "get_periods", "is_working_day",
    "load_calendar_file", "set_calendar", "working_days_between",
]
