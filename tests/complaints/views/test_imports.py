"""The import page: upload, dry-run summary, mapping fixed by hand and saved, confirm, history."""

from datetime import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.complaints.models import ColumnMapping, Complaint, ImportBatch
from pantau.lib.periods import WIB

pytestmark = pytest.mark.django_db

GOOD = (
    "Nomor Laporan,Tanggal Masuk,Judul,Instansi,Status\n"
    "9165816,04/03/2024 09:00,Jalan berlubang di Ciruas,Dinas Kesehatan,Proses\n"
    "9165817,05/03/2024 10:30,Obat kosong di puskesmas,Dinas Kesehatan,Selesai\n"
)
ODD_HEADERS = (
    "Nomor Laporan,Kapan Masuk,Perkara,Instansi\n"
    "9165816,04/03/2024 09:00,Jalan berlubang,Dinas Kesehatan\n"
)
BAD_ROW = (
    "Nomor Laporan,Tanggal Masuk,Judul,Instansi\n"
    "9165816,04/03/2024 09:00,Jalan berlubang,Dinas Kesehatan\n"
    "9165817,kemarin sore,Obat kosong,Dinas Kesehatan\n"
)


@pytest.fixture(autouse=True)
def frozen_time(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    with time_machine.travel(datetime(2024, 3, 20, 10, 0, tzinfo=WIB), tick=False):
        yield


def upload(client, body: str, name="lapor.csv", **extra):
    return client.post("/impor/", {"file": SimpleUploadedFile(name, body.encode()), **extra})


def test_an_upload_shows_the_detected_mapping_and_a_dry_run_that_saves_nothing(client_for, dinkes, settings):
    client = client_for("koordinator")
    response = upload(client, GOOD)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Ringkasan uji coba" in page
    assert '<option value="Nomor Laporan" selected>' in page  # detected for the tracking ID
    assert Complaint.objects.count() == 0
    stored = list((settings.DATA_DIR / "uploads").glob("*/lapor.csv"))
    assert len(stored) == 1 and stored[0].read_text() == GOOD  # kept between the steps


def test_confirming_imports_the_rows_and_the_history_lists_the_import(client_for, dinkes):
    client = client_for("koordinator")
    review = upload(client, GOOD)["Location"]
    page = client.get(review).content.decode()
    assert "laporan baru" in page
    mapping = {"map_tracking_id": "Nomor Laporan", "map_received_at": "Tanggal Masuk",
               "map_title": "Judul", "map_agency": "Instansi", "map_status": "Status"}
    response = client.post(review, {**mapping, "action": "commit"}, follow=True)
    page = response.content.decode()
    assert Complaint.objects.filter(agency=dinkes).count() == 2
    assert "2 baru" in page  # the message
    assert ImportBatch.objects.filter(outcome="committed").count() == 1
    assert "lapor.csv" in page and "Tersimpan" in page  # the history


def test_a_mapping_fixed_by_hand_is_checked_again_and_saved_under_a_name(client_for, dinkes):
    client = client_for("koordinator")
    review = upload(client, ODD_HEADERS)["Location"]
    page = client.get(review).content.decode()
    assert "Kolom wajib tidak ditemukan: Diterima" in page
    assert '<option value="Kapan Masuk">' in page  # offered in every select
    fixed = {"map_tracking_id": "Nomor Laporan", "map_received_at": "Kapan Masuk", "map_title": "Perkara",
             "map_agency": "Instansi", "save_as": "Ekspor aneh"}
    page = client.post(review, {**fixed, "action": "preview"}).content.decode()
    assert "Kolom wajib tidak ditemukan" not in page
    assert Complaint.objects.count() == 0
    client.post(review, {**fixed, "action": "commit"})
    assert Complaint.objects.get().title == "Jalan berlubang"
    assert ColumnMapping.objects.get(name="Ekspor aneh").mapping["received_at"] == "Kapan Masuk"


def test_a_saved_mapping_is_offered_and_used_for_the_next_upload(client_for, dinkes):
    ColumnMapping.objects.create(name="Ekspor aneh", mapping={
        "tracking_id": "Nomor Laporan", "received_at": "Kapan Masuk", "title": "Perkara", "agency": "Instansi"})
    client = client_for("koordinator")
    assert '<option value="Ekspor aneh">' in client.get("/impor/").content.decode()
    review = upload(client, ODD_HEADERS, mapping_name="Ekspor aneh")["Location"]
    page = client.get(review).content.decode()
    assert "Kolom wajib tidak ditemukan" not in page
    assert '<option value="Kapan Masuk" selected>' in page


def test_a_bad_row_is_named_with_its_row_column_and_value_and_nothing_is_imported(client_for, dinkes):
    client = client_for("koordinator")
    review = upload(client, BAD_ROW)["Location"]
    page = client.get(review).content.decode()
    assert "kemarin sore" in page and "Tanggal Masuk" in page
    response = client.post(review, {"map_tracking_id": "Nomor Laporan", "map_received_at": "Tanggal Masuk",
                                    "map_agency": "Instansi", "action": "commit"}, follow=True)
    assert Complaint.objects.count() == 0
    assert "Tidak ada yang diimpor" in response.content.decode()


def test_a_file_that_is_not_a_spreadsheet_is_refused_with_its_name(client_for):
    page = upload(client_for("koordinator"), "%PDF-1.4", name="surat.pdf").content.decode()
    assert "surat.pdf" in page and "bukan lembar kerja" in page


def test_another_koordinators_upload_cannot_be_opened_by_its_token(client_for, personas):
    from tests.conftest import make_user

    review = upload(client_for("koordinator"), GOOD)["Location"]
    other = make_user("koordinator2", "koordinator")
    client = client_for("anon")
    client.force_login(other)
    assert client.get(review).status_code == 404
    assert client.get("/impor/not-a-token/").status_code == 404


@pytest.mark.parametrize("persona", ["analis", "admin_dinkes", "pimpinan"])
def test_only_the_koordinator_imports(client_for, persona):
    client = client_for(persona)
    assert client.get("/impor/").status_code == 403
    assert upload(client, GOOD).status_code == 403
    assert Complaint.objects.count() == 0
