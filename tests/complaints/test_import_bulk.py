"""The importer's bulk-load settings leave the database as it was: indexes come back (a large import
drops the complaint table's secondary indexes while it inserts) and so do deferred foreign keys."""

import pytest
from django.db import connection

from pantau.complaints.importers.lapor import run_import
from pantau.complaints.importers.writer import Writer
from pantau.complaints.models import Complaint, FollowUp
from tests.complaints.exports import report, write_xlsx

pytestmark = pytest.mark.django_db
restore = Writer.restore_indexes


def indexes():
    """The indexes and constraints (foreign keys included) of the report and follow-up tables."""
    found = {}
    with connection.cursor() as cursor:
        for model in (Complaint, FollowUp):
            for name, c in connection.introspection.get_constraints(cursor, model._meta.db_table).items():
                found[name] = (tuple(c["columns"]), c["unique"], c["index"], c["foreign_key"])
    return found


def test_indexes_are_the_same_after_a_large_import_a_small_one_and_a_rejected_one(tmp_path, agencies, regions, monkeypatch):
    before = indexes()
    assert len(before) >= 8 and sum(1 for c in before.values() if c[3]) >= 4  # foreign keys too
    first = run_import(write_xlsx(tmp_path / "a.xlsx", [report(str(n)) for n in range(1, 30)]))
    assert first.ok and first.counts["new"] == 29
    assert indexes() == before
    small = run_import(write_xlsx(tmp_path / "b.xlsx", [report("100")]))  # 1 row into 29: no drop
    assert small.ok and indexes() == before
    dropped = []
    monkeypatch.setattr(Writer, "restore_indexes", lambda self: dropped.append(self.deferred_indexes) or restore(self))
    cumulative = run_import(write_xlsx(tmp_path / "cumulative.xlsx", [report(str(n)) for n in range(1, 50)]))
    assert cumulative.counts["new"] == 20 and indexes() == before
    assert not dropped[0]  # 49 rows into 30 stored: not sure to double the table, indexes kept
    # 120 rows into 50: indexes dropped; batches of 10 so that rows are written before the rejection.
    monkeypatch.setattr("pantau.complaints.importers.session.BATCH_ROWS", 10)
    refused = run_import(write_xlsx(tmp_path / "c.xlsx", [report(str(n)) for n in range(200, 320)]
                                    + [report("999", **{"Tanggal Laporan Masuk": "kemarin"})]))
    assert not refused.ok and indexes() == before
    assert len(dropped) == 2 and bool(dropped[1])
    assert Complaint.objects.count() == 50
    if connection.vendor == "sqlite":  # the planner uses them again
        with connection.cursor() as cursor:
            plan = cursor.execute("EXPLAIN QUERY PLAN SELECT id FROM complaints_complaint WHERE received_at > '2024-01-01'").fetchall()
        assert "received_at" in str(plan)


def test_foreign_keys_are_deferred_again_after_an_import(tmp_path, agencies, regions):
    """On PostgreSQL the import checks its foreign keys at each statement; afterwards, within the
    same transaction (here the test's), they are deferred again as Django declared them."""
    assert run_import(write_xlsx(tmp_path / "a.xlsx", [report(str(n)) for n in range(1, 5)])).ok
    if connection.vendor != "postgresql":
        return
    from django.db import IntegrityError, transaction

    complaint = Complaint.objects.first()
    with transaction.atomic():
        with connection.cursor() as cursor:  # a dangling agency id is accepted until the commit
            cursor.execute("UPDATE complaints_complaint SET agency_id = 999999 WHERE id = %s", [complaint.pk])
            with pytest.raises(IntegrityError), transaction.atomic():
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("UPDATE complaints_complaint SET agency_id = NULL WHERE id = %s", [complaint.pk])


@pytest.fixture(params=["threaded", "inline"])
def database_thread(request, monkeypatch):
    """Both ways of running the import's database work, on whichever database the tests use."""
    vendors = {connection.vendor} if request.param == "threaded" else set()
    monkeypatch.setattr("pantau.complaints.importers.session.THREADED_VENDORS", vendors)
    monkeypatch.setattr("pantau.complaints.importers.session.BATCH_ROWS", 10)
    return request.param


def test_batches_written_by_the_database_thread(tmp_path, agencies, regions, database_thread):
    rows = [report(str(n), **({"Tanggal Tindak Lanjut": "15/03/2024 10:00", "Tindak Lanjut": "Sudah."} if n % 3 else {}))
            for n in range(1, 60)]
    first = run_import(write_xlsx(tmp_path / "a.xlsx", rows))
    assert first.ok and first.counts["new"] == 59
    assert Complaint.objects.count() == 59
    assert FollowUp.objects.count() == len([n for n in range(1, 60) if n % 3])
    again = run_import(write_xlsx(tmp_path / "b.xlsx", rows + [report("500", **{"Judul": "Baru"})]))
    assert again.ok and again.counts == {"new": 1, "changed": 0, "unchanged": 59, "rejected": 0}


def test_a_failure_in_the_database_thread_rolls_everything_back(tmp_path, agencies, regions, monkeypatch, database_thread):
    """Writes run in a second thread: its exception is raised in the import, and the batches
    written before it are rolled back with the rest."""
    from pantau.complaints.models import ImportBatch

    calls = []
    insert = Writer.insert_complaint_rows

    def failing(self, rows, ids):
        calls.append(len(rows))
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return insert(self, rows, ids)

    monkeypatch.setattr(Writer, "insert_complaint_rows", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        run_import(write_xlsx(tmp_path / "a.xlsx", [report(str(n)) for n in range(1, 60)]))
    assert len(calls) == 3
    assert not Complaint.objects.exists()
    assert ImportBatch.objects.get().outcome == ImportBatch.Outcome.FAILED


def test_a_large_import_after_writes_of_the_enclosing_transaction(tmp_path, agencies, regions):
    """A report saved earlier in the caller's transaction leaves a foreign-key check pending on
    PostgreSQL until the commit; the import's index rebuild must still work (and the check pass)."""
    from datetime import UTC, datetime

    before = indexes()
    Complaint.objects.create(tracking_id="1", received_at=datetime(2024, 3, 1, tzinfo=UTC), agency=agencies["dinkes"])
    result = run_import(write_xlsx(tmp_path / "a.xlsx", [report(str(n)) for n in range(10, 20)]))
    assert result.ok and result.counts["new"] == 10
    assert indexes() == before and Complaint.objects.count() == 11


def test_new_reports_get_fresh_ids_and_their_follow_ups_the_right_report(tmp_path, agencies, regions):
    """The importer gives new reports their ids itself (so that their follow-ups need no read-back):
    after the largest id was deleted, and after a report added outside the import, ids go on and
    are never given twice; each follow-up belongs to the report of its row."""
    answered = {"Tanggal Tindak Lanjut": "14/03/2024 10:00", "Status": "Ditindaklanjuti oleh Instansi"}
    first = run_import(write_xlsx(tmp_path / "a.xlsx", [report(str(n), **({"Tindak Lanjut": f"Jawaban {n}", **answered}
                                                                         if n % 2 else {})) for n in range(1, 6)]))
    assert first.ok and first.counts["new"] == 5
    largest = Complaint.objects.order_by("-id").first()
    gone = largest.pk
    largest.delete()
    Complaint.objects.create(tracking_id="by-hand", received_at=largest.received_at)
    by_hand = Complaint.objects.get(tracking_id="by-hand").pk
    assert by_hand > gone
    second = run_import(write_xlsx(tmp_path / "b.xlsx", [report(str(n), **{"Tindak Lanjut": f"Jawaban {n}", **answered})
                                                         for n in range(10, 14)]))
    assert second.ok and second.counts["new"] == 4
    new_ids = list(Complaint.objects.filter(tracking_id__in=["10", "11", "12", "13"]).values_list("id", flat=True))
    assert min(new_ids) > by_hand and len(set(new_ids)) == 4
    for follow_up in FollowUp.objects.select_related("complaint"):
        assert follow_up.text == f"Jawaban {follow_up.complaint.tracking_id}"
    assert FollowUp.objects.count() == 2 + 4
    later = Complaint.objects.create(tracking_id="after", received_at=largest.received_at)
    assert later.pk > max(new_ids)  # the database's own counter went on past the import's ids
