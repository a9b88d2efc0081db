"""WIB days computed by the database (SQLite and PostgreSQL alike)."""

from datetime import UTC, datetime

from pantau.complaints.models import Complaint
from pantau.scorecards.expressions import WibDay, WibMonth


def test_an_evening_in_utc_is_the_next_day_and_month_in_jakarta(db):
    Complaint.objects.create(tracking_id="T1", received_at=datetime(2024, 1, 31, 17, 30, tzinfo=UTC))
    Complaint.objects.create(tracking_id="T2", received_at=datetime(2024, 1, 31, 16, 59, 59, 500000, tzinfo=UTC))
    rows = dict(Complaint.objects.values_list("tracking_id", WibDay("received_at")))
    assert rows == {"T1": "2024-02-01", "T2": "2024-01-31"}
    months = dict(Complaint.objects.values_list("tracking_id", WibMonth("received_at")))
    assert months == {"T1": "2024-02", "T2": "2024-01"}


def test_a_missing_timestamp_has_no_day(db):
    Complaint.objects.create(tracking_id="T3", received_at=datetime(2024, 1, 1, tzinfo=UTC))
    assert list(Complaint.objects.values_list(WibDay("disposed_at"), flat=True)) == [None]
