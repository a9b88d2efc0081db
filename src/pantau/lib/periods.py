"""Reporting periods written as `2024-Q1`, `2024-H1`, `2024`, `2024-03` or `2024-01-01..2024-03-31`.

Boundaries are computed in Asia/Jakarta (DESIGN.md): a period is [start, end) in aware datetimes.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")

MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"]
ROMAN = ["I", "II", "III", "IV"]


class PeriodError(ValueError):
    """A period that cannot be parsed; the message says what is accepted."""


@dataclass(frozen=True)
class Period:
    key: str          # canonical text, e.g. "2024-Q1"
    kind: str         # month, quarter, half, year, range
    first_day: date   # inclusive
    last_day: date    # inclusive

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first_day, time.min, tzinfo=WIB)

    @property
    def end(self) -> datetime:
        """Exclusive end: midnight WIB after the last day."""
        return datetime.combine(self.last_day + timedelta(days=1), time.min, tzinfo=WIB)

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def label(self) -> str:
        """Indonesian label: "Triwulan I 2024", "Semester I 2024", "Maret 2024", "Tahun 2024"."""
        y = self.first_day.year
        if self.kind == "quarter":
            return f"Triwulan {ROMAN[(self.first_day.month - 1) // 3]} {y}"
        if self.kind == "half":
            return f"Semester {'I' if self.first_day.month == 1 else 'II'} {y}"
        if self.kind == "month":
            return f"{MONTHS_ID[self.first_day.month - 1]} {y}"
        if self.kind == "year":
            return f"Tahun {y}"
        return f"{format_date_id(self.first_day)} s.d. {format_date_id(self.last_day)}"

    def previous(self) -> "Period":
        """The period of the same kind just before this one (same length for a custom range)."""
        if self.kind == "range":
            last = self.first_day - timedelta(days=1)
            return Period(f"{last - timedelta(days=self.days - 1)}..{last}", "range",
                          last - timedelta(days=self.days - 1), last)
        return parse_period_before(self)

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        out, y, m = [], self.first_day.year, self.first_day.month
        while (y, m) <= (self.last_day.year, self.last_day.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def __str__(self) -> str:
        return self.key


def format_date_id(d: date) -> str:
    return f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}"


def _month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)


def parse_period(text: str) -> Period:
    """Parse a period; raise PeriodError naming the accepted forms."""
    s = (text or "").strip().upper()
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", s):
        y, q = int(m[1]), int(m[2])
        return Period(s, "quarter", date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    if m := re.fullmatch(r"(\d{4})-(?:H|S)([12])", s):
        y, h = int(m[1]), int(m[2])
        return Period(f"{y}-H{h}", "half", date(y, 6 * h - 5, 1), _month_end(y, 6 * h))
    if m := re.fullmatch(r"(\d{4})", s):
        y = int(m[1])
        return Period(s, "year", date(y, 1, 1), date(y, 12, 31))
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", s):
        y, mo = int(m[1]), int(m[2])
        if 1 <= mo <= 12:
            return Period(f"{y}-{mo:02d}", "month", date(y, mo, 1), _month_end(y, mo))
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", s):
        try:
            a, b = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        except ValueError as exc:
            raise PeriodError(f"{text!r}: {exc}") from None
        if b < a:
            raise PeriodError(f"{text!r}: the end comes before the start")
        return Period(f"{a}..{b}", "range", a, b)
    raise PeriodError(
        f"{text!r} is not a period; write 2024-Q1, 2024-H1, 2024, 2024-03 or 2024-01-01..2024-03-31"
    )


def parse_period_before(p: Period) -> Period:
    y, mo = p.first_day.year, p.first_day.month
    if p.kind == "year":
        return parse_period(str(y - 1))
    if p.kind == "half":
        return parse_period(f"{y - 1}-H2" if mo == 1 else f"{y}-H1")
    if p.kind == "quarter":
        q = (mo - 1) // 3 + 1
        return parse_period(f"{y - 1}-Q4" if q == 1 else f"{y}-Q{q - 1}")
    return parse_period(f"{y - 1}-12" if mo == 1 else f"{y}-{mo - 1:02d}")
