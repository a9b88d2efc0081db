from datetime import date, datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.complaints.models import CalendarOverride
from pantau.lib.periods import WIB
from pantau.lib.workdays import WorkCalendar, get_calendar, national_holidays


@pytest.fixture(scope="module")
def cal():
    return WorkCalendar(national_holidays())


def test_lebaran_2024_cuti_bersama_week_is_skipped(cal):
    # Lebaran 2024: Idul Fitri 10-11 April, cuti bersama 8, 9, 12 and 15 April (SKB 3 Menteri).
    for d in (8, 9, 10, 11, 12, 15):
        assert not cal.is_working_day(date(2024, 4, d)), d
    assert cal.is_working_day(date(2024, 4, 5))
    assert cal.is_working_day(date(2024, 4, 16))
    # A report arriving Friday 5 April 2024: 3 working days are 16, 17, 18 April.
    due = cal.add_working_days(datetime(2024, 4, 5, 10, 0, tzinfo=WIB), 3)
    assert due == datetime(2024, 4, 19, 0, 0, tzinfo=WIB)


def test_holidays_carry_indonesian_names(cal):
    names = dict(cal.holidays_between(date(2024, 4, 1), date(2024, 4, 30)))
    assert names[date(2024, 4, 10)] == "Hari Raya Idul Fitri"
    assert names[date(2024, 4, 8)] == "Cuti Bersama Hari Raya Idul Fitri"


def test_a_report_on_saturday_counts_from_monday(cal):
    due = cal.add_working_days(datetime(2024, 3, 2, 9, 0, tzinfo=WIB), 1)  # Saturday
    assert due == datetime(2024, 3, 5, 0, 0, tzinfo=WIB)  # Monday 4 March is day 1


def test_working_days_between_counts_the_days_after_the_start(cal):
    monday = datetime(2024, 3, 4, 8, 0, tzinfo=WIB)
    assert cal.working_days_between(monday, datetime(2024, 3, 4, 17, 0, tzinfo=WIB)) == 0
    assert cal.working_days_between(monday, datetime(2024, 3, 5, 8, 0, tzinfo=WIB)) == 1
    # 11 March Nyepi and 12 March cuti bersama Nyepi are skipped.
    assert cal.working_days_between(monday, datetime(2024, 3, 13, 8, 0, tzinfo=WIB)) == 5


def test_utc_evening_is_the_next_day_in_jakarta(cal):
    from datetime import UTC

    late = datetime(2024, 3, 4, 18, 30, tzinfo=UTC)  # 01:30 WIB on Tuesday 5 March
    assert cal.add_working_days(late, 1) == datetime(2024, 3, 7, 0, 0, tzinfo=WIB)


@given(st.dates(min_value=date(2015, 1, 1), max_value=date(2039, 12, 1)), st.integers(1, 80))
def test_adding_n_working_days_spans_exactly_n_working_days(day, n):
    cal = WorkCalendar(national_holidays_cached())
    start = datetime(day.year, day.month, day.day, 12, tzinfo=WIB)
    due = cal.add_working_days(start, n)
    last_day = due.date().fromordinal(due.date().toordinal() - 1)
    assert cal.is_working_day(last_day)
    assert cal.working_days_between(start, datetime.combine(last_day, datetime.min.time(), WIB)) == n


_NAT = {}


def national_holidays_cached():
    if not _NAT:
        _NAT.update(national_holidays())
    return _NAT


def test_bulk_count_agrees_with_single_count(cal):
    starts = np.array(["2024-04-05", "2024-03-02", "2024-12-24"], dtype="datetime64[D]")
    ends = np.array(["2024-04-18", "2024-03-04", "2025-01-02"], dtype="datetime64[D]")
    bulk = cal.busday_count(starts, ends)
    single = [cal.working_days_between(s.astype(date), e.astype(date)) for s, e in zip(starts, ends, strict=True)]
    # 24 Dec 2024 -> 2 Jan 2025: 25 Natal, 26 cuti bersama, 1 Jan skipped; 27, 30, 31 Dec and 2 Jan counted.
    assert list(bulk) == single == [3, 1, 4]


def test_an_override_adds_and_removes_holidays(db):
    assert get_calendar().is_working_day(date(2024, 3, 4))
    CalendarOverride.objects.create(date=date(2024, 3, 4), is_holiday=True, reason="Cuti bersama tambahan (SKB)")
    assert not get_calendar().is_working_day(date(2024, 3, 4))
    assert get_calendar().why_not_working(date(2024, 3, 4)) == "Cuti bersama tambahan (SKB)"
    CalendarOverride.objects.create(date=date(2024, 4, 15), is_holiday=False, reason="Cuti bersama dibatalkan")
    assert get_calendar().is_working_day(date(2024, 4, 15))
