"""The importer's bulk-load settings leave the database as it was: indexes come back (SQLite drops
the complaint table's secondary indexes while a large import inserts)."""

import pytest
from django.db import connection

from pantau.complaints.importers.lapor import run_import
from pantau.complaints.importers.writer import Writer
from pantau.complaints.models import Complaint
from tests.complaints.exports import report, write_xlsx

pytestmark = pytest.mark.django_db
restore = Writer.restore_indexes


def indexes():
    table = Complaint._meta.db_table
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, table)
    return {name: (tuple(c["columns"]), c["unique"], c["index"]) for name, c in found.items()}


def test_indexes_are_the_same_after_a_large_import_a_small_one_and_a_rejected_one(tmp_path, agencies, regions, monkeypatch):
    before = indexes()
    assert len(before) >= 8
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
    assert len(dropped) == 2 and bool(dropped[1]) == (connection.vendor == "sqlite")
    assert Complaint.objects.count() == 50
    if connection.vendor == "sqlite":  # the planner uses them again
        with connection.cursor() as cursor:
            plan = cursor.execute("EXPLAIN QUERY PLAN SELECT id FROM complaints_complaint WHERE received_at > '2024-01-01'").fetchall()
        assert "received_at" in str(plan)
