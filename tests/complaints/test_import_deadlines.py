"""The importer computes deadlines in its own pass (no read-back): they must be exactly what the
deadline engine (recompute_deadlines, and the per-report deadlines_for) gives."""

import random
from datetime import UTC, datetime, timedelta

import pytest

from pantau.complaints.importers.lapor import run_import
from pantau.complaints.models import Complaint, DeadlineState, Kind, Status
from pantau.complaints.sla import (
    MOMENTS,
    STORED,
    deadline_columns,
    deadlines_for,
    recompute_deadlines,
    utc64,
)
from pantau.lib.periods import WIB
from pantau.lib.workdays import get_calendar
from tests.complaints.exports import HEADERS, report, write_csv, write_xlsx

pytestmark = pytest.mark.django_db
NOW = datetime(2024, 6, 3, 3, 0, tzinfo=UTC)
MESSY_HEADERS = [*HEADERS, "Tanggal Verifikasi"]


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)


def messy_rows():
    """Every shape of date and every deadline case the engine knows."""
    return [
        report("1"),
        report("2", **{"Tanggal Laporan Masuk": datetime(2024, 4, 5, 16, 59, 30), "Status": "Terdisposisi ke Dinkes",
                       "Instansi": "", "Tanggal Disposisi": "2024-04-16T09:00:00.250+07:00",
                       "Klasifikasi": "Pengaduan Berkadar Pengawasan"}),
        report("3", **{"Status": "Diarsipkan", "Instansi": "", "Tanggal Disposisi": "",
                       "Tanggal Verifikasi": "13/03/2024 09:00"}),
        report("4", **{"Status": "Selesai", "Tanggal Tindak Lanjut": "29/04/2024 10:00",
                       "Tindak Lanjut": "Sudah diperbaiki.", "Tanggal Selesai": "30/05/2024 10:00"}),
        report("5", **{"Status": "Selesai otomatis", "Tanggal Selesai": "14/03/2024 08:00"}),
        report("6", **{"Klasifikasi": "Aspirasi", "Tanggal Laporan Masuk": "Senin, 27 Mei 2024 08:00 WITA",
                       "Tanggal Disposisi": "27/05/2024 10:00"}),
        report("7", **{"Klasifikasi": "Permintaan Informasi", "Tanggal Laporan Masuk": "1955-03-12 10:00",
                       "Tanggal Disposisi": "14/03/1955 12:00"}),
        report("8", **{"Status": "Ditunda"}),
        report("9", **{"Status": "Belum Terverifikasi", "Instansi": "", "Tanggal Disposisi": "",
                       "Tanggal Laporan Masuk": "01/06/2024 23:30"}),
        report("10", **{"Tanggal Laporan Masuk": "2024-05-31 23:59 +08:00", "Tanggal Disposisi": 45443.5,
                        "Status": "Ditindaklanjuti oleh Instansi", "Tanggal Tindak Lanjut": "10/06/2024 10:00",
                        "Tindak Lanjut": "Dijadwalkan."}),
        report("11", **{"Status": "Bukan Wewenang", "Instansi": "", "Tanggal Disposisi": "",
                        "Tanggal Verifikasi": ""}),
        report("12", **{"Tanggal Laporan Masuk": "28/03/2024 16:00", "Tanggal Disposisi": "08/04/2024 08:00",
                        "Status": "Selesai", "Tanggal Selesai": "03/04/2024 09:00"}),
    ]


def stored():
    return {c["tracking_id"]: c for c in Complaint.objects.values("tracking_id", *STORED)}


def assert_as_the_engine_computes():
    """Stored fields equal deadlines_for() of each report, and recompute_deadlines() changes nothing."""
    calendar = get_calendar()
    for complaint in Complaint.objects.all():
        found = {d.name: d for d in deadlines_for(complaint, calendar, NOW)}
        for name in ("dispose", "follow_up", "resolve"):
            assert getattr(complaint, f"{name}_due_at") == found[name].due_at, (complaint.tracking_id, name)
            assert getattr(complaint, f"{name}_state") == found[name].state, (complaint.tracking_id, name)
    before = stored()
    assert recompute_deadlines() == 0
    Complaint.objects.update(dispose_due_at=None, dispose_state="open", follow_up_due_at=None,
                             follow_up_state="open", resolve_due_at=None, resolve_state="open")
    assert recompute_deadlines() == Complaint.objects.count()
    assert stored() == before


def test_a_messy_import_stores_the_deadlines_the_engine_computes(tmp_path, agencies, regions):
    result = run_import(write_xlsx(tmp_path / "messy.xlsx", messy_rows(), MESSY_HEADERS))
    assert result.ok, result.rejections
    assert result.counts["new"] == 12
    states = {c.tracking_id: (c.dispose_state, c.follow_up_state, c.resolve_state) for c in Complaint.objects.all()}
    assert states["3"] == (DeadlineState.MET, DeadlineState.NOT_APPLICABLE, DeadlineState.NOT_APPLICABLE)
    assert states["4"] == (DeadlineState.MET, DeadlineState.MET_LATE, DeadlineState.MET_LATE)
    assert states["9"][0] == DeadlineState.OPEN
    assert states["11"] == (DeadlineState.OVERDUE, DeadlineState.NOT_APPLICABLE, DeadlineState.NOT_APPLICABLE)
    assert_as_the_engine_computes()


def test_changed_reports_get_the_deadlines_of_their_new_data(tmp_path, agencies, regions):
    run_import(write_xlsx(tmp_path / "first.xlsx", messy_rows(), MESSY_HEADERS))
    # A newer export with fewer columns: the stored verification date, kind and supervisory flag
    # still count.
    headers = ["Tracking ID", "Tanggal Laporan Masuk", "Status", "Instansi", "Tanggal Disposisi", "Tanggal Selesai"]
    newer = [
        {"Tracking ID": "9", "Tanggal Laporan Masuk": "01/06/2024 23:30", "Status": "Selesai",
         "Instansi": "Dinas Kesehatan", "Tanggal Disposisi": "02/06/2024 08:00", "Tanggal Selesai": "03/06/2024 09:00"},
        {"Tracking ID": "2", "Tanggal Laporan Masuk": "05/04/2024 16:59", "Status": "Selesai",
         "Instansi": "Dinas Kesehatan", "Tanggal Disposisi": "", "Tanggal Selesai": "20/05/2024 08:00"},
        {"Tracking ID": "3", "Tanggal Laporan Masuk": "12/03/2024 14:05", "Status": "Diarsipkan",
         "Instansi": "", "Tanggal Disposisi": "", "Tanggal Selesai": ""},
        {"Tracking ID": "13", "Tanggal Laporan Masuk": "02/01/2024", "Status": "Proses",
         "Instansi": "Dishub", "Tanggal Disposisi": "03/01/2024", "Tanggal Selesai": ""},
    ]
    result = run_import(write_csv(tmp_path / "newer.csv", newer, headers, delimiter=";"))
    assert result.ok, result.rejections
    assert (result.counts["new"], result.counts["changed"], result.counts["unchanged"]) == (1, 2, 1)
    assert Complaint.objects.get(tracking_id="9").resolve_state == DeadlineState.MET
    assert Complaint.objects.get(tracking_id="2").supervisory  # kept from the first export
    assert_as_the_engine_computes()


def test_the_column_engine_agrees_with_the_per_report_engine_on_random_reports(db):
    rng = random.Random(7)
    calendar = get_calendar()
    complaints = []
    for n in range(600):
        received = datetime(rng.choice([1800, 1955, 1963, 1964, 2015, 2024, 2024, 2024, 2039, 2150]), rng.randint(1, 12),
                            rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.choice([0, 0, 30]),
                            rng.choice([0, 0, 250000]), tzinfo=rng.choice([UTC, WIB]))

        def later(chance, received=received):
            return received + timedelta(hours=rng.randint(0, 2000)) if rng.random() < chance else None

        complaints.append(Complaint(
            tracking_id=str(n), received_at=received, verified_at=later(0.5), disposed_at=later(0.6),
            first_follow_up_at=later(0.4), completed_at=later(0.3), status=rng.choice(Status.values),
            kind=rng.choice(Kind.values), supervisory=rng.random() < 0.2))
    columns = {f: utc64([getattr(c, f) for c in complaints]) if f in MOMENTS else [getattr(c, f) for c in complaints]
               for f in ("received_at", "verified_at", "disposed_at", "first_follow_up_at", "completed_at",
                         "status", "kind", "supervisory")}
    found = deadline_columns(columns, calendar, NOW)
    for i, complaint in enumerate(complaints):
        for d in deadlines_for(complaint, calendar, NOW):
            due = found[f"{d.name}_due_at"][i]
            assert (None if due != due else due.astype(datetime).replace(tzinfo=UTC)) == d.due_at, (i, d.name)
            assert found[f"{d.name}_state"][i] == d.state, (i, d.name)
