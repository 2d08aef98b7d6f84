"""The working-day calendar in force: the shipped file plus the years an admin entered (HolidayYear)."""

from __future__ import annotations

import threading

from django.db.models import Count, Max

from .models import HolidayYear

_state = {"stamp": None}
_lock = threading.Lock()


def ensure_calendar() -> None:
    """Rebuild the process calendar when admin-entered years changed (one cheap query per call)."""
    from ..calendar import WorkCalendar, set_calendar

    agg = HolidayYear.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    stamp = (agg["n"], agg["last"])
    if stamp == _state["stamp"]:
        return
    with _lock:
        rows = [dict(h.record, year=h.year) for h in HolidayYear.objects.all()]
        set_calendar(WorkCalendar.from_file(overrides=rows) if rows else None)
        _state["stamp"] = stamp
