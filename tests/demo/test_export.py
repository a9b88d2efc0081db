"""`pantau demo-export`: a LAPOR!-like XLSX that opens with calamine, with the messiness of real exports."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError
from python_calamine import CalamineWorkbook

from pantau.agencies.models import Agency
from pantau.complaints.models import Complaint


@pytest.fixture
def seeded(db):
    call_command("seed_demo", "--reports", "300", "--no-users", "--no-opinion", stdout=StringIO(), stderr=StringIO())


def export(path, *args):
    out = StringIO()
    call_command("demo_export", "--out", str(path), "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def rows_of(path):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def test_the_export_opens_with_calamine_and_has_lapor_headers_below_a_title(seeded, tmp_path):
    path = tmp_path / "rekap.xlsx"
    assert export(path)["rows"] == 300
    rows = rows_of(path)
    assert rows[0][0] == "Rekap Laporan SP4N-LAPOR! Provinsi Banten"
    assert rows[1][2].startswith("Tanggal ekspor: 1 Juli 2025")
    header = rows[3]
    for name in ("No", "Tracking ID", "Tanggal Laporan", "Judul Laporan", "Isi Laporan", "Kategori", "Status",
                 "Terdisposisi ke", "Tanggal Disposisi", "Tanggal Tindak Lanjut", "Tanggal Selesai", "Sumber",
                 "Klasifikasi", "Lokasi", "Anonim", "Rahasia", "Nama Pelapor"):
        assert name in header
    assert len(rows) == 4 + 300
    assert {r[1] for r in rows[4:]} == set(Complaint.objects.values_list("tracking_id", flat=True))


def test_dates_are_indonesian_text_in_some_columns_and_excel_dates_in_others(seeded, tmp_path):
    path = tmp_path / "rekap.xlsx"
    export(path)
    rows = rows_of(path)
    col = {name: i for i, name in enumerate(rows[3])}
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
              "Oktober", "November", "Desember")
    for row in rows[4:]:
        assert any(m in row[col["Tanggal Laporan"]] for m in months)
        disposed = row[col["Tanggal Disposisi"]]
        assert disposed == "" or isinstance(disposed, dt.datetime)
    first = Complaint.objects.get(tracking_id=rows[4][col["Tracking ID"]])
    if first.disposed_at:
        local = first.disposed_at.astimezone(dt.timezone(dt.timedelta(hours=7))).replace(tzinfo=None)
        assert abs(rows[4][col["Tanggal Disposisi"]] - local) < dt.timedelta(seconds=1)


def test_agencies_are_written_as_exports_write_them_and_all_are_known(seeded, tmp_path):
    path = tmp_path / "rekap.xlsx"
    export(path)
    rows = rows_of(path)
    col = rows[3].index("Terdisposisi ke")
    known = {name for a in Agency.objects.all() for name in [a.name, *a.aliases]}
    written = {r[col] for r in rows[4:] if r[col]}
    assert written <= known
    assert written - set(Agency.objects.values_list("name", flat=True)), "some rows must use an alias"


def test_a_period_limits_the_rows(seeded, tmp_path):
    path = tmp_path / "tw1.xlsx"
    result = export(path, "--period", "2024-Q1")
    expected = Complaint.objects.filter(received_at__date__gte=dt.date(2024, 1, 1),
                                        received_at__date__lte=dt.date(2024, 3, 31)).count()
    assert 0 < result["rows"] == expected < 300
    assert rows_of(path)[1][0] == "Periode: Triwulan I 2024"


def test_it_rejects_a_bad_period_or_file_name(seeded, tmp_path):
    with pytest.raises(CommandError) as error:
        export(tmp_path / "x.xlsx", "--period", "kemarin")
    assert error.value.returncode == 2
    with pytest.raises(CommandError) as error:
        export(tmp_path / "x.csv")
    assert error.value.returncode == 2
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.skipif("import_lapor" not in get_commands(), reason="the LAPOR! importer is not merged yet")
def test_the_importer_reads_the_export_back_as_the_same_reports(seeded, tmp_path):
    path = tmp_path / "rekap.xlsx"
    export(path)
    out = StringIO()
    call_command("import_lapor", str(path), "--dry-run", "--json", stdout=out, stderr=StringIO())
    summary = json.loads(out.getvalue())
    assert summary["counts"]["rejected"] == 0
    assert summary["counts"]["unchanged"] == 300  # every field read back as the seed wrote it
