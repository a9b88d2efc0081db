"""Finalizing freezes a report: its numbers and files never change; a new version can be made."""

import hashlib
from datetime import timedelta

import pytest
from django.core.cache import cache

from pantau.complaints.models import Complaint, Status
from pantau.complaints.sla import recompute_deadlines
from pantau.lib.periods import parse_period
from pantau.reports import actions
from pantau.reports.models import Report

from . import dataset
from .helpers import pdf_pages


def change_the_data():
    """What a later import does: new reports in the period, and open ones completed."""
    Complaint.objects.filter(status=Status.DISPOSED).update(
        status=Status.COMPLETED, completed_at=dataset.NOW - timedelta(days=1))
    first = Complaint.objects.order_by("received_at").first()
    Complaint.objects.bulk_create(
        Complaint(tracking_id=f"88{i:05d}", received_at=first.received_at.replace(year=2024, month=2),
                  agency=first.agency, status=Status.DISPOSED) for i in range(40))
    recompute_deadlines(now=dataset.NOW)
    cache.clear()


def test_a_final_report_downloads_byte_for_byte_after_the_data_changed(seeded, koordinator):
    report = actions.create_report(parse_period("2024-Q1"), koordinator)
    actions.save_sections(report, {"foreword": "Kata pengantar dari koordinator."}, [])
    actions.finalize(report, koordinator)
    before = {fmt: actions.render(report, fmt) for fmt in actions.FORMATS}
    received = report.data["stats"]["province"]["received"]

    change_the_data()

    report = Report.objects.get(pk=report.pk)
    for fmt in actions.FORMATS:
        again = actions.render(report, fmt)
        assert again == before[fmt]
        assert hashlib.sha256(again).hexdigest() == report.files.get(format=fmt).sha256
    assert report.data["stats"]["province"]["received"] == received
    assert "Kata pengantar dari koordinator." in "\n".join(pdf_pages(before["pdf"]))


def test_a_new_version_keeps_the_text_and_shows_the_new_numbers(seeded, koordinator):
    report = actions.create_report(parse_period("2024-Q1"), koordinator)
    actions.save_sections(report, {"conclusions": "Kesimpulan koordinator."}, [])
    actions.finalize(report, koordinator)
    received = report.data["stats"]["province"]["received"]
    change_the_data()

    new = actions.new_version(report, koordinator)
    assert new.version == 2 and not new.is_final
    assert new.sections == {"conclusions": "Kesimpulan koordinator."}
    assert actions.current_data(new)["stats"]["province"]["received"] == received + 40


def test_a_final_version_cannot_be_edited_or_finalized_again(seeded, koordinator):
    report = actions.create_report(parse_period("2024-Q1"), koordinator)
    actions.finalize(report, koordinator)
    with pytest.raises(actions.ReportError):
        actions.save_sections(report, {"summary": "x"}, [])
    with pytest.raises(actions.ReportError):
        actions.finalize(report, koordinator)
    assert report.files.count() == 3


def test_rahasia_reports_are_never_notable_cases(seeded, koordinator):
    secret = Complaint.objects.filter(is_secret=True, status=Status.COMPLETED).first()
    public = Complaint.objects.filter(is_secret=False, status=Status.COMPLETED).first()
    report = actions.create_report(parse_period("2024-Q1"), koordinator)
    actions.save_sections(report, {}, [f"#{secret.tracking_id}", public.tracking_id])
    data = actions.current_data(report)
    assert [c["tracking_id"] for c in data["notable"]] == [public.tracking_id]
