"""The working-day calendar: Monday to Friday minus national holidays and cuti bersama.

Holidays come from the `holidays` package (country ID, categories public + government, the latter
holding cuti bersama; DOMAIN.md) and are corrected by the office's CalendarOverride rows, because cuti
bersama changes by decree during the year. No other code counts weekends.

Deadline convention: "n working days after" a moment means the n-th working day after the moment's
own day (in WIB); the deadline instant is 00:00 WIB of the following day (exclusive), so anything done
on the n-th working day is on time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import holidays as holidays_lib
import numpy as np

from pantau.lib.periods import WIB

FIRST_YEAR, LAST_YEAR = 2014, 2040
WEEKEND_NAMES = {5: "Sabtu", 6: "Minggu"}


def wib_day(moment: datetime | date) -> date:
    if isinstance(moment, datetime):
        return moment.astimezone(WIB).date()
    return moment


@dataclass
class WorkCalendar:
    """Holidays by date (with their names) after the office's overrides have been applied."""

    holidays: dict[date, str]
    working_overrides: dict[date, str] = field(default_factory=dict)  # would-be holidays made working days

    def __post_init__(self) -> None:
        self._np_holidays = np.array(sorted(self.holidays), dtype="datetime64[D]")
        self._busdaycal = np.busdaycalendar(weekmask="1111100", holidays=self._np_holidays)

    # -- single dates -------------------------------------------------------------------------
    def is_working_day(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self.holidays

    def why_not_working(self, d: date) -> str | None:
        """The holiday's name, "Sabtu"/"Minggu", or None for a working day."""
        if d in self.holidays:
            return self.holidays[d]
        return WEEKEND_NAMES.get(d.weekday())

    def add_working_days(self, start: datetime | date, n: int) -> datetime:
        """Exclusive due instant: 00:00 WIB after the n-th working day following start's day."""
        day = np.busday_offset(np.datetime64(wib_day(start), "D"), n, roll="backward", busdaycal=self._busdaycal)
        last = day.astype(date)
        return datetime.combine(last + timedelta(days=1), time.min, tzinfo=WIB)

    def working_days_between(self, a: datetime | date, b: datetime | date) -> int:
        """Working days in (a's day, b's day]: 0 on the same day, 1 for the next working day."""
        da, db = wib_day(a), wib_day(b)
        if db <= da:
            return 0
        return int(np.busday_count(da + timedelta(days=1), db + timedelta(days=1), busdaycal=self._busdaycal))

    def holidays_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """Holidays and cuti bersama (not plain weekends) from first to last inclusive."""
        return sorted((d, n) for d, n in self.holidays.items() if first <= d <= last)

    # -- bulk ---------------------------------------------------------------------------------
    def busday_count(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """Vectorised working_days_between on datetime64[D] day arrays (WIB days); negatives -> 0."""
        counts = np.busday_count(starts + 1, ends + 1, busdaycal=self._busdaycal)
        return np.maximum(counts, 0)

    def busday_offset(self, days: np.ndarray, n: np.ndarray | int) -> np.ndarray:
        """Vectorised n-th working day after each day (datetime64[D])."""
        return np.busday_offset(days, n, roll="backward", busdaycal=self._busdaycal)


def national_holidays() -> dict[date, str]:
    """Holidays and cuti bersama from the `holidays` package, names in Indonesian."""
    found = holidays_lib.country_holidays(
        "ID", years=range(FIRST_YEAR, LAST_YEAR + 1), categories=("public", "government"), language="id",
    )
    return dict(found.items())


_lock = threading.Lock()
_cache: dict[str, object] = {}


def _overrides_version() -> tuple:
    from django.db.models import Count, Max

    from pantau.complaints.models import CalendarOverride

    agg = CalendarOverride.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    return (agg["n"], agg["last"])


def get_calendar() -> WorkCalendar:
    """The calendar in force: national holidays with the office's overrides (cached per version)."""
    from pantau.complaints.models import CalendarOverride

    version = _overrides_version()
    with _lock:
        if _cache.get("version") == version:
            return _cache["calendar"]  # type: ignore[return-value]
    base = _cache.get("national") or national_holidays()
    days = dict(base)  # type: ignore[arg-type]
    working = {}
    for o in CalendarOverride.objects.all():
        if o.is_holiday:
            days[o.date] = o.reason
        else:
            if o.date in days:
                working[o.date] = days.pop(o.date)
    cal = WorkCalendar(days, working)
    with _lock:
        _cache.update(national=base, version=version, calendar=cal)
    return cal
