"""Dates as Indonesians write them in exports."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.complaints.importers.dates import DateError, parse_datetime

WIB = ZoneInfo("Asia/Jakarta")
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


@pytest.mark.parametrize("text, expected", [
    ("12 Maret 2024 14:05", datetime(2024, 3, 12, 14, 5, tzinfo=WIB)),
    ("12/03/2024", datetime(2024, 3, 12, tzinfo=WIB)),  # day first, always
    ("03/12/2024", datetime(2024, 12, 3, tzinfo=WIB)),
    ("2024-03-12", datetime(2024, 3, 12, tzinfo=WIB)),
    ("12-03-2024 14.05", datetime(2024, 3, 12, 14, 5, tzinfo=WIB)),
    ("12.03.2024 14:05:33", datetime(2024, 3, 12, 14, 5, 33, tzinfo=WIB)),
    ("Selasa, 12 Maret 2024 14.05 WIB", datetime(2024, 3, 12, 14, 5, tzinfo=WIB)),
    ("12 Mar 2024", datetime(2024, 3, 12, tzinfo=WIB)),
    ("12 Agt 2024", datetime(2024, 8, 12, tzinfo=WIB)),
    ("12 March 2024 2:05", datetime(2024, 3, 12, 2, 5, tzinfo=WIB)),
    ("March 12, 2024", datetime(2024, 3, 12, tzinfo=WIB)),
    ("12/03/24", datetime(2024, 3, 12, tzinfo=WIB)),
    ("2024-03-12T07:05:00Z", datetime(2024, 3, 12, 7, 5, tzinfo=UTC)),
    ("2024-03-12 14:05:00+07:00", datetime(2024, 3, 12, 7, 5, tzinfo=UTC)),
    ("12 Maret 2024 15:05 WITA", datetime(2024, 3, 12, 7, 5, tzinfo=UTC)),
    ("45363", datetime(2024, 3, 12, tzinfo=WIB)),  # an Excel serial typed as text
    (45363.5868055556, datetime(2024, 3, 12, 14, 5, tzinfo=WIB)),
    (datetime(2024, 3, 12, 14, 5), datetime(2024, 3, 12, 14, 5, tzinfo=WIB)),
])
def test_it_reads_the_ways_dates_are_written(text, expected):
    assert parse_datetime(text) == expected


@pytest.mark.parametrize("empty", [None, "", "  ", "-"])
def test_an_empty_cell_is_no_date(empty):
    assert parse_datetime(empty) is None


@pytest.mark.parametrize("text", ["31 Februari 2024", "kemarin", "12 Maretan 2024", "2024-13-01",
                                  "25:00 12/03/2024", "12/03/2024 25:00", "7", "1.5", True, 123.0])
def test_it_refuses_what_is_not_a_date(text):
    with pytest.raises(DateError):
        parse_datetime(text)


moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0))


@given(moments, st.sampled_from(["dmy_slash", "dmy_dash_dot", "iso", "words_id", "words_en", "serial"]))
def test_any_moment_written_any_supported_way_reads_back(moment, style):
    month_id, month_en = MONTHS_ID[moment.month - 1], MONTHS_EN[moment.month - 1]
    written = {
        "dmy_slash": moment.strftime("%d/%m/%Y %H:%M"),
        "dmy_dash_dot": moment.strftime("%d-%m-%Y %H.%M"),
        "iso": moment.strftime("%Y-%m-%d %H:%M"),
        "words_id": f"{moment.day} {month_id} {moment.year} {moment:%H:%M}",
        "words_en": f"{moment.day} {month_en} {moment.year} {moment:%H:%M}",
        "serial": (moment - datetime(1899, 12, 30)) / timedelta(days=1),
    }[style]
    assert parse_datetime(written) == moment.replace(tzinfo=WIB)


@given(st.text(max_size=30))
def test_any_text_either_reads_as_an_aware_date_or_is_refused_cleanly(text):
    try:
        parsed = parse_datetime(text)
    except DateError:
        return
    assert parsed is None or parsed.tzinfo is not None


def test_the_reason_a_text_is_not_a_date_says_more_than_the_message_around_it():
    """The rejection reads "not a date (<why>)": the why must not repeat "not a date"."""
    from django.utils import translation

    with pytest.raises(DateError) as text:
        parse_datetime("kemarin sore")
    with pytest.raises(DateError) as flag:
        parse_datetime(True)
    assert str(text.value) == "a format of date that is not known"
    with translation.override("id"):
        assert translation.gettext(str(text.value)) == "format tanggalnya tidak dikenal"
        assert translation.gettext(str(flag.value)) == "nilai ya/tidak"
