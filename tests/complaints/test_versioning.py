"""The data version changes with every write the pages could show, and only then."""

import pytest
from django.db import connection, transaction

from pantau.complaints import versioning
from pantau.complaints.models import Category, Complaint, DataVersion
from pantau.complaints.sla import recompute_deadlines
from pantau.scorecards.compute import compute_all
from tests.complaints.factories import make_complaint

pytestmark = pytest.mark.django_db


def test_saving_or_deleting_a_report_changes_the_version(dinkes):
    before = versioning.current()
    complaint = make_complaint(dinkes)
    after_create = versioning.current()
    complaint.status = "completed"
    complaint.save(update_fields=["status"])
    after_edit = versioning.current()
    complaint.delete()
    assert len({before, after_create, after_edit, versioning.current()}) == 4


def test_renaming_an_agency_or_a_category_changes_the_version(dinkes):
    before = versioning.current()
    dinkes.name = "Dinas Kesehatan Provinsi"
    dinkes.save()
    renamed = versioning.current()
    Category.objects.create(name="Jalan")
    assert len({before, renamed, versioning.current()}) == 3


def test_recomputed_deadlines_and_snapshots_change_the_version(dinkes):
    make_complaint(dinkes)
    Complaint.objects.update(dispose_state="na")  # a bulk write: no signal; the recomputation writes it back
    before = versioning.current()
    assert recompute_deadlines() == 1
    recomputed = versioning.current()
    assert recompute_deadlines() == 0 and versioning.current() == recomputed  # nothing written, same version
    compute_all()
    assert len({before, recomputed, versioning.current()}) == 3


def test_an_import_changes_the_version_and_a_dry_run_does_not(tmp_path, personas):
    from pantau.complaints.importers.lapor import run_import
    from tests.complaints.exports import report, write_csv

    path = tmp_path / "lapor.csv"
    write_csv(path, [report("9100001")])
    before = versioning.current()
    assert run_import(path, dry_run=True).ok
    assert versioning.current() == before
    assert run_import(path).ok
    assert versioning.current() != before


def test_a_rolled_back_write_leaves_the_version_and_the_next_write_changes_it(dinkes):
    before = versioning.current()
    try:
        with transaction.atomic():
            make_complaint(dinkes)
            raise RuntimeError
    except RuntimeError:
        pass
    assert versioning.current() == before  # rolled back with the write
    make_complaint(dinkes)
    assert versioning.current() != before


def test_a_fresh_database_has_a_version_and_a_lost_row_is_made_again(dinkes):
    DataVersion.objects.all().delete()
    assert versioning.current() == "0"
    make_complaint(dinkes)
    assert versioning.current() != "0"
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM complaints_dataversion")
        assert cursor.fetchone()[0] == 1
