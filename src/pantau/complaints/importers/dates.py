"""Dates as they appear in LAPOR! exports, read into aware datetimes.

Indonesians write the day first: "12/03/2024" is 12 March. A value without a time zone is
Asia/Jakarta (WIB); "WITA"/"WIT" or an explicit offset are honoured.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_noop

JAKARTA = ZoneInfo("Asia/Jakarta")

MONTHS = {
    # Indonesian, full and short
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "ags": 8, "agst": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "nopember": 11, "nop": 11, "desember": 12, "des": 12,
    # English, where different
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "aug": 8, "october": 10, "oct": 10, "december": 12, "dec": 12,
}
ZONES = {"wib": JAKARTA, "wita": ZoneInfo("Asia/Makassar"), "wit": ZoneInfo("Asia/Jayapura"),
         "utc": UTC, "gmt": UTC, "z": UTC}
DAY_NAMES = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Excel's day 0 is 1899-12-30 (the 1900 leap-year bug makes the 1899-12-31 origin off by one).
EXCEL_EPOCH = datetime(1899, 12, 30)
# Serials we accept: 1950-01-01 .. 2099-12-31. Anything else is surely not a date of a report.
SERIAL_MIN, SERIAL_MAX = 18264, 73050

_TIME = r"(?:[ T,]+(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2})(?:[.,]\d+)?)?)?"
_ZONE = r"\s*(?P<zone>[A-Za-z]{1,4}|[+-]\d{2}:?\d{2})?"
ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME + _ZONE + r"$")
NUMERIC_DMY = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})" + _TIME + _ZONE + r"$")
WORD_DMY = re.compile(r"(?P<d>\d{1,2})[ -]+(?P<mon>[A-Za-z]+)\.?[ -]+(?P<y>\d{4})" + _TIME + _ZONE + r"$")
WORD_MDY = re.compile(r"(?P<mon>[A-Za-z]+)\.? +(?P<d>\d{1,2}),? +(?P<y>\d{4})" + _TIME + _ZONE + r"$")
SERIAL = re.compile(r"\d{5}(?:[.,]\d+)?$")
PATTERNS = (ISO, NUMERIC_DMY, WORD_DMY, WORD_MDY)


class DateError(ValueError):
    """The value is not a date this importer understands; str() says why, in English (a msgid)."""


def from_excel_serial(serial: float) -> datetime:
    """The naive local datetime of an Excel serial day number, to the second."""
    if not SERIAL_MIN <= serial <= SERIAL_MAX:
        raise DateError(gettext_noop("a number that is not a date"))
    return EXCEL_EPOCH + timedelta(seconds=round(serial * 86400))


def _zone(name: str | None):
    if not name:
        return JAKARTA
    low = name.lower()
    if low in ZONES:
        return ZONES[low]
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", name)
    if not match:
        raise DateError(gettext_noop("an unknown time zone"))
    sign = 1 if match[1] == "+" else -1
    return timezone(sign * timedelta(hours=int(match[2]), minutes=int(match[3])))


def _strip_day_name(text: str) -> str:
    if not text[:1].isalpha():
        return text
    low = text.lower()
    for name in DAY_NAMES:
        if low.startswith(name):
            return text[len(name):].lstrip(" ,")
    return text


def _from_match(match: re.Match) -> datetime:
    parts = match.groupdict()
    if "mon" in parts:
        month = MONTHS.get(parts["mon"].lower())
        if month is None:
            raise DateError(gettext_noop("an unknown month name"))
    else:
        month = int(parts["m"])
    year = int(parts["y"])
    if year < 100:
        year += 2000
    try:
        day = date(year, month, int(parts["d"]))
        clock = time(int(parts["H"] or 0), int(parts["M"] or 0), int(parts["S"] or 0))
    except ValueError:
        raise DateError(gettext_noop("a day or time that does not exist")) from None
    return datetime.combine(day, clock, tzinfo=_zone(parts.get("zone")))


def _day_month_year(text: str) -> datetime | None:
    """Fast path for the commonest form, "13/03/2024 09:00" or "13/03/2024" (no regex, no zone)."""
    length = len(text)
    if (length == 16 and text[13] == ":" or length == 10) and text[2] == "/" and text[5] == "/":
        try:
            if length == 10:
                return datetime(int(text[6:10]), int(text[3:5]), int(text[:2]), tzinfo=JAKARTA)
            return datetime(int(text[6:10]), int(text[3:5]), int(text[:2]), int(text[11:13]),
                            int(text[14:16]), tzinfo=JAKARTA)
        except ValueError:
            return None  # the general path says why
    return None


def parse_text(text: str) -> datetime:
    """An aware datetime from a date written as text; raises DateError."""
    quick = _day_month_year(text)
    if quick is not None:
        return quick
    text = _strip_day_name(" ".join(text.split()))
    if SERIAL.match(text):
        return from_excel_serial(float(text.replace(",", "."))).replace(tzinfo=JAKARTA)
    for pattern in PATTERNS:
        match = pattern.match(text)
        if match:
            return _from_match(match)
    try:  # ISO 8601 with offsets and fractions that the patterns above do not cover
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise DateError(gettext_noop("a format of date that is not known")) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=JAKARTA)


def parse_datetime(value) -> datetime | None:
    """An aware datetime (Asia/Jakarta when no zone is given) from a cell; None for an empty cell.

    Cells may hold datetimes or dates (spreadsheets), Excel serial numbers, or text.
    Raises DateError when the value is not a date.
    """
    kind = type(value)
    if kind is str:  # the commonest cells first: text, and datetimes read from a spreadsheet
        text = value.strip()
        quick = _day_month_year(text)
        if quick is not None:
            return quick
        if not text or text in {"-", "--"}:
            return None
        return parse_text(text)
    if kind is datetime:
        return value if value.tzinfo else value.replace(tzinfo=JAKARTA)
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=JAKARTA)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=JAKARTA)
    if isinstance(value, bool):
        raise DateError(gettext_noop("a yes/no value"))
    if isinstance(value, int | float):
        return from_excel_serial(float(value)).replace(tzinfo=JAKARTA)
    text = str(value).strip()
    if not text or text in {"-", "--"}:
        return None
    return parse_text(text)
