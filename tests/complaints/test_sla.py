from datetime import datetime

import pytest
import time_machine

from pantau.complaints.models import CalendarOverride, Complaint, DeadlineState, Kind, Status
from pantau.complaints.sla import deadlines_for, explain, recompute_deadlines
from pantau.lib.periods import WIB


def at(*args):
    return datetime(*args, tzinfo=WIB)


@pytest.fixture
def report(db, dinkes):
    # Arrives Friday 5 April 2024, just before the Lebaran 2024 cuti bersama week.
    return Complaint.objects.create(
        tracking_id="9165816", title="Antrean RSUD", kind=Kind.PENGADUAN, agency=dinkes,
        received_at=at(2024, 4, 5, 10, 0), disposed_at=at(2024, 4, 16, 9, 0), status=Status.DISPOSED,
    )


@time_machine.travel(at(2024, 4, 20, 12, 0), tick=False)
def test_dispose_deadline_skips_the_lebaran_week_and_is_met_on_time(report):
    recompute_deadlines()
    report.refresh_from_db()
    assert report.dispose_due_at == at(2024, 4, 19, 0, 0)
    assert report.dispose_state == DeadlineState.MET
    assert report.follow_up_due_at == at(2024, 4, 24, 0, 0)  # 17, 18, 19, 22, 23 April
    assert report.follow_up_state == DeadlineState.OPEN
    assert report.resolve_due_at == at(2024, 5, 8, 0, 0)  # 14th working day is 7 May; 1 May is a holiday
    assert report.resolve_state == DeadlineState.OPEN


@time_machine.travel(at(2024, 4, 25, 8, 0), tick=False)
def test_an_open_deadline_turns_overdue_with_time(report):
    recompute_deadlines()
    report.refresh_from_db()
    assert report.follow_up_state == DeadlineState.OVERDUE


@time_machine.travel(at(2024, 6, 1, 8, 0), tick=False)
def test_late_follow_up_and_completion_are_met_late(report):
    Complaint.objects.filter(pk=report.pk).update(
        first_follow_up_at=at(2024, 4, 29, 10, 0), completed_at=at(2024, 5, 30, 10, 0), status=Status.COMPLETED
    )
    recompute_deadlines()
    report.refresh_from_db()
    assert (report.follow_up_state, report.resolve_state) == (DeadlineState.MET_LATE, DeadlineState.MET_LATE)


@time_machine.travel(at(2024, 4, 20, 12, 0), tick=False)
def test_supervisory_complaints_get_sixty_days_and_aspirations_five(report, dinkes):
    Complaint.objects.filter(pk=report.pk).update(supervisory=True)
    asp = Complaint.objects.create(tracking_id="2", kind=Kind.ASPIRASI, agency=dinkes,
                                   received_at=at(2024, 4, 16, 8), disposed_at=at(2024, 4, 16, 9))
    recompute_deadlines()
    report.refresh_from_db()
    asp.refresh_from_db()
    d = {x.name: x for x in deadlines_for(report)}
    assert d["resolve"].days == 60
    assert asp.resolve_due_at == at(2024, 4, 24, 0, 0)


@time_machine.travel(at(2024, 4, 20, 12, 0), tick=False)
def test_a_calendar_override_moves_the_deadline_on_recompute(report):
    recompute_deadlines()
    CalendarOverride.objects.create(date=at(2024, 4, 17, 0).date(), is_holiday=True, reason="Cuti bersama tambahan")
    assert recompute_deadlines() == 1
    report.refresh_from_db()
    assert report.dispose_due_at == at(2024, 4, 20, 0, 0)


@time_machine.travel(at(2024, 4, 20, 12, 0), tick=False)
def test_recompute_writes_nothing_when_nothing_changed(report):
    assert recompute_deadlines() == 1
    assert recompute_deadlines() == 0


@time_machine.travel(at(2024, 4, 20, 12, 0), tick=False)
def test_explain_names_every_holiday_skipped(report):
    dispose = explain(report)[0]
    skipped = {s["date"].day: s["reason"] for s in dispose["skipped"]}
    assert skipped[8] == "Cuti Bersama Hari Raya Idul Fitri"
    assert skipped[10] == "Hari Raya Idul Fitri"
    assert skipped[6] == "Sabtu"
    assert [d.day for d in dispose["counted"]] == [16, 17, 18]


@time_machine.travel(at(2024, 4, 20, 12, 0), tick=False)
def test_a_report_archived_without_disposition_owes_no_agency_deadline(db):
    c = Complaint.objects.create(tracking_id="3", received_at=at(2024, 4, 16, 8), verified_at=at(2024, 4, 16, 9),
                                 status=Status.ARCHIVED)
    recompute_deadlines([c.id])
    c.refresh_from_db()
    assert (c.dispose_state, c.follow_up_state, c.resolve_state) == ("met", "na", "na")


def test_instant_texts_are_numpys_iso_text_with_a_space():
    """The table-based formatting gives exactly the text numpy's datetime_as_string gives (with a
    space for the "T"), for whole seconds, microseconds, NaT, before 1970 and far apart."""
    import numpy as np

    from pantau.complaints.sla import instant_texts

    rng = np.random.default_rng(7)
    base = np.datetime64("2024-01-01T00:00:00", "us")
    samples = [
        base + (rng.integers(0, 10**14, 5000) // 1_000_000 * 1_000_000).astype("timedelta64[us]"),
        base + rng.integers(-10**13, 10**13, 5000).astype("timedelta64[us]"),
        base + rng.integers(-10**16, 10**16, 500).astype("timedelta64[us]"),  # centuries apart
        np.array(["1969-12-31T23:59:59.5", "1970-01-01", "NaT", "2099-12-31T23:59:59"], dtype="datetime64[us]"),
        np.array(["NaT", "NaT"], dtype="datetime64[us]"),
        np.array([], dtype="datetime64[us]"),
    ]
    for instants in samples:
        instants[::7] = np.datetime64("NaT")
        whole = instants.astype("datetime64[s]")
        expected = np.where((whole != instants) & ~np.isnat(instants), np.datetime_as_string(instants, unit="us"),
                            np.datetime_as_string(whole, unit="s")).tolist()
        for zone in ("", "+00:00"):
            assert instant_texts(instants, zone) == [None if t == "NaT" else t.replace("T", " ") + zone for t in expected]
