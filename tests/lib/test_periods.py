from datetime import date

import pytest

from pantau.lib.periods import PeriodError, parse_period


@pytest.mark.parametrize(
    ("text", "first", "last", "label"),
    [
        ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "Triwulan I 2024"),
        ("2024-q4", date(2024, 10, 1), date(2024, 12, 31), "Triwulan IV 2024"),
        ("2024-H2", date(2024, 7, 1), date(2024, 12, 31), "Semester II 2024"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "Tahun 2024"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "Februari 2024"),
        ("2024-01-15..2024-02-14", date(2024, 1, 15), date(2024, 2, 14), "15 Januari 2024 s.d. 14 Februari 2024"),
    ],
)
def test_it_parses_every_period_form(text, first, last, label):
    p = parse_period(text)
    assert (p.first_day, p.last_day, p.label()) == (first, last, label)


def test_period_boundaries_are_midnight_in_jakarta():
    p = parse_period("2024-Q1")
    assert p.start.isoformat() == "2024-01-01T00:00:00+07:00"
    assert p.end.isoformat() == "2024-04-01T00:00:00+07:00"


def test_previous_period_is_the_same_kind():
    assert parse_period("2024-Q1").previous().key == "2023-Q4"
    assert parse_period("2024-H1").previous().key == "2023-H2"
    assert parse_period("2024-03").previous().key == "2024-02"
    assert parse_period("2024-01-11..2024-01-20").previous().key == "2024-01-01..2024-01-10"


@pytest.mark.parametrize("text", ["", "2024-Q5", "Q1-2024", "2024-13", "2024-03-01..2024-02-01"])
def test_it_rejects_what_is_not_a_period(text):
    with pytest.raises(PeriodError):
        parse_period(text)
