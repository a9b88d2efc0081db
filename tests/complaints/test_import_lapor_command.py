"""`pantau import-lapor`: the summary, --json, exit codes."""

import json
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from pantau.complaints.models import ColumnMapping, Complaint
from tests.complaints.exports import report, write_csv, write_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(datetime(2024, 6, 3, 3, 0, tzinfo=UTC), tick=False)


def test_a_dry_run_prints_the_counts_and_saves_nothing(tmp_path, agencies, regions, capsys):
    path = write_xlsx(tmp_path / "lapor.xlsx", [report("1"), report("2")])
    call_command("import_lapor", str(path), "--dry-run")
    out = capsys.readouterr()
    assert "Baru: 2  Berubah: 0  Tidak berubah: 0  Ditolak: 0" in out.out
    assert "Uji coba" in out.err
    assert not Complaint.objects.exists()


def test_json_output_is_one_document_with_every_rejection(tmp_path, agencies, regions, capsys):
    path = write_xlsx(tmp_path / "lapor.xlsx", [report("1"), report("2", Instansi="Dinas Antah Berantah")])
    with pytest.raises(CommandError) as raised:
        call_command("import_lapor", str(path), "--json")
    assert raised.value.returncode == 1
    document = json.loads(capsys.readouterr().out)
    assert document["ok"] is False and document["outcome"] == "rejected"
    assert document["counts"]["rejected"] == 1
    assert document["rejections"][0]["row"] == 6
    assert document["rejections"][0]["column"] == "Instansi"
    assert document["rejections"][0]["value"] == "Dinas Antah Berantah"


def test_a_bad_file_exits_1_with_the_file_named(tmp_path, agencies):
    path = tmp_path / "kosong.csv"
    path.write_bytes(b"")
    with pytest.raises(CommandError) as raised:
        call_command("import_lapor", str(path))
    assert raised.value.returncode == 1
    assert "kosong.csv" in str(raised.value) and "Berkas kosong" in str(raised.value)


def test_map_and_save_mapping_take_a_column_by_hand(tmp_path, agencies, regions, capsys):
    headers = ["Tracking ID", "Waktu Pengaduan", "Ringkasan"]
    rows = [{"Tracking ID": "5", "Waktu Pengaduan": "12/03/2024", "Ringkasan": "Lampu jalan mati"}]
    path = write_csv(tmp_path / "x.csv", rows, headers, delimiter=";")
    call_command("import_lapor", str(path), "--map", "received_at=Waktu Pengaduan", "--map", "title=Ringkasan",
                 "--save-mapping", "dinas-x")
    assert Complaint.objects.get().title == "Lampu jalan mati"
    assert ColumnMapping.objects.get(name="dinas-x").mapping["title"] == "Ringkasan"


def test_a_malformed_map_argument_exits_2(tmp_path):
    with pytest.raises(SystemExit) as raised:
        call_command("import_lapor", str(tmp_path / "x.csv"), "--map", "judul")
    assert raised.value.code == 2
