"""The LAPOR! importer end to end: real files written here, a real database."""

from datetime import UTC, datetime

import pytest

from pantau.complaints.importers.lapor import run_import
from pantau.complaints.models import Category, Complaint, ComplaintEvent, FollowUp, ImportBatch
from tests.complaints.exports import HEADERS, march_reports, report, write_csv, write_xlsx

pytestmark = pytest.mark.django_db
UTC = UTC


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to(datetime(2024, 6, 3, 3, 0, tzinfo=UTC), tick=False)


@pytest.fixture
def first_export(tmp_path, agencies, regions):
    rows = march_reports()
    return rows, write_xlsx(tmp_path / "lapor-maret.xlsx", rows)


def snapshot():
    """Everything an import may change, as plain data."""
    return (
        list(Complaint.objects.order_by("tracking_id").values()),
        list(ComplaintEvent.objects.order_by("id").values()),
        list(FollowUp.objects.order_by("id").values()),
        list(Category.objects.order_by("id").values()),
    )


def test_it_imports_a_messy_xlsx_with_a_title_row_and_trailing_blank_rows(first_export, agencies, regions):
    _rows, path = first_export
    result = run_import(path)
    assert result.ok, result.rejections
    assert result.counts == {"new": 5, "changed": 0, "unchanged": 0, "rejected": 0}
    road = Complaint.objects.get(tracking_id="9165816")
    assert road.received_at == datetime(2024, 3, 12, 7, 5, tzinfo=UTC)  # 14:05 WIB
    assert road.disposed_at == datetime(2024, 3, 13, 2, 0, tzinfo=UTC)
    assert road.agency == agencies["pupr"]
    assert road.region == regions["Kabupaten Serang"]
    assert str(road.category) == "Pekerjaan Umum dan Penataan Ruang > Jalan Berlubang"
    assert road.status == "in_process" and road.kind == "pengaduan" and road.channel == "website"
    assert road.last_batch == result.batch
    hospital = Complaint.objects.get(tracking_id="9165817")  # tracking ID typed as a number
    assert hospital.status == "disposed" and hospital.agency == agencies["dinkes"]
    assert hospital.region == regions["Kota Tangerang Selatan"]
    sms = Complaint.objects.get(tracking_id="9165818")  # "#9165818"
    assert sms.is_anonymous and sms.channel == "sms" and sms.region == regions["Kota Serang"]
    answered = Complaint.objects.get(tracking_id="9165819")
    assert answered.status == "followed_up"
    assert answered.first_follow_up_at == datetime(2024, 3, 15, 3, 0, tzinfo=UTC)
    assert list(answered.follow_ups.values_list("text", flat=True)) == ["Sudah dijadwalkan perbaikan."]
    assert Complaint.objects.get(tracking_id="9165820").agency is None
    assert result.batch.outcome == ImportBatch.Outcome.COMMITTED
    assert result.batch.counts["new"] == 5
    assert not ComplaintEvent.objects.exists()  # a first import is the baseline, not a change


def test_importing_the_same_file_again_changes_nothing(first_export):
    _rows, path = first_export
    run_import(path)
    before = snapshot()
    again = run_import(path)
    assert again.ok
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 5, "rejected": 0}
    assert snapshot() == before
    assert ImportBatch.objects.count() == 2


def test_the_same_reports_as_csv_are_unchanged_and_record_no_event(first_export, tmp_path):
    rows, path = first_export
    run_import(path)
    rows[1]["Tracking ID"] = "9165817"
    result = run_import(write_csv(tmp_path / "same.csv", rows, delimiter=";"))
    assert result.counts == {"new": 0, "changed": 0, "unchanged": 5, "rejected": 0}
    assert not ComplaintEvent.objects.exists()


def test_a_newer_export_records_exactly_one_event_per_change(first_export, tmp_path, agencies):
    rows, path = first_export
    run_import(path)
    newer = [dict(row) for row in rows]
    newer[0].update({"Status": "Selesai", "Tanggal Selesai": "20/03/2024 16:30"})  # closure
    newer[1].update({"Instansi": "Dinas Perhubungan", "Status": "Proses"})  # re-disposition + status
    newer[2].update({"Status": "Ditindaklanjuti oleh Instansi", "Tanggal Tindak Lanjut": "18/03/2024 08:15",
                     "Tindak Lanjut": "Petugas sudah ke lokasi."})  # a new follow-up
    newer[3].update({"Status": "Ditanggapi oleh Pelapor"})  # the reporter replied
    result = run_import(write_xlsx(tmp_path / "lapor-april.xlsx", newer))
    assert result.counts == {"new": 0, "changed": 4, "unchanged": 1, "rejected": 0}
    events = {(e.complaint.tracking_id, e.kind, e.old_value, e.new_value)
              for e in ComplaintEvent.objects.select_related("complaint")}
    assert events == {
        ("9165816", "closed", "in_process", "completed"),
        ("9165817", "disposition", "Dinas Kesehatan", "Dinas Perhubungan"),
        ("9165817", "status", "disposed", "in_process"),
        ("9165818", "follow_up", "", "Petugas sudah ke lokasi."),
        ("9165819", "reporter_replied", "followed_up", "reporter_replied"),
    }
    assert set(ComplaintEvent.objects.values_list("batch", flat=True)) == {result.batch.pk}
    closed = ComplaintEvent.objects.get(kind="closed")
    assert closed.occurred_at == datetime(2024, 3, 20, 9, 30, tzinfo=UTC)
    follow_up = FollowUp.objects.get(complaint__tracking_id="9165818")
    assert follow_up.posted_at == datetime(2024, 3, 18, 1, 15, tzinfo=UTC) and follow_up.batch == result.batch
    assert Complaint.objects.get(tracking_id="9165817").agency == agencies["dishub"]
    assert run_import(tmp_path / "lapor-april.xlsx").counts["unchanged"] == 5  # and again: nothing new
    assert ComplaintEvent.objects.count() == 5


def test_a_rejected_row_refuses_the_whole_import_and_leaves_the_database_unchanged(first_export, tmp_path):
    rows, path = first_export
    run_import(path)
    before = snapshot()
    newer = [dict(row) for row in rows]
    newer[0]["Status"] = "Selesai"
    newer[0]["Kategori"] = "Kategori Baru > Sub Baru"
    newer.append(report("9165821", Instansi="Dinas Kesehatn"))
    result = run_import(write_xlsx(tmp_path / "bad.xlsx", newer))
    assert not result.ok
    assert result.counts["rejected"] == 1
    assert result.rejections == [{
        "row": 10, "column": "Instansi", "value": "Dinas Kesehatn",
        "reason": result.rejections[0]["reason"],
    }]
    assert "Dinas Kesehatan" in result.rejections[0]["reason"]
    assert result.agency_suggestions["Dinas Kesehatn"][0] == "Dinas Kesehatan"
    assert "tidak ada yang disimpan" in result.message.lower()
    assert snapshot() == before
    batch = ImportBatch.objects.get(pk=result.batch.pk)
    assert batch.outcome == ImportBatch.Outcome.REJECTED and batch.errors[0]["row"] == 10


def test_a_dry_run_counts_but_saves_nothing(first_export):
    _rows, path = first_export
    result = run_import(path, dry_run=True)
    assert result.ok and result.counts["new"] == 5
    assert "Pekerjaan Umum dan Penataan Ruang > Jalan Berlubang" in result.new_categories
    assert not Complaint.objects.exists() and not Category.objects.exists()
    assert ImportBatch.objects.get().outcome == ImportBatch.Outcome.DRY_RUN


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_it_reads_csv_in_every_delimiter_and_encoding(tmp_path, agencies, regions, delimiter, encoding):
    rows = [report("100", Judul="Trotoar rusak – “segera”", **{"Isi Laporan": "Café; trotoar, rusak"}),
            report("101", **{"Tanggal Laporan Masuk": "2024-03-12 08:00"})]
    result = run_import(write_csv(tmp_path / "lapor.csv", rows, delimiter=delimiter, encoding=encoding))
    assert result.ok, result.message
    assert result.counts["new"] == 2
    first = Complaint.objects.get(tracking_id="100")
    assert first.title == "Trotoar rusak – “segera”" and first.text == "Café; trotoar, rusak"
    assert Complaint.objects.get(tracking_id="101").received_at == datetime(2024, 3, 12, 1, 0, tzinfo=UTC)


def test_it_reads_excel_serial_dates_and_numbers_typed_as_text(tmp_path, agencies, regions):
    rows = [report("200", **{"Tanggal Laporan Masuk": 45363.5868055556, "Tanggal Disposisi": 45364})]
    result = run_import(write_xlsx(tmp_path / "serial.xlsx", rows))
    assert result.ok, result.rejections
    found = Complaint.objects.get(tracking_id="200")
    assert found.received_at == datetime(2024, 3, 12, 7, 5, tzinfo=UTC)
    assert found.disposed_at == datetime(2024, 3, 12, 17, 0, tzinfo=UTC)  # 13 March 00:00 WIB


def test_agency_names_match_through_aliases_and_spellings(tmp_path, agencies, regions):
    names = ["Dis. Kesehatan Prov. Banten", "DINKES", "dinas kesehatan provinsi banten", "Diskominfo Banten",
             "Dinas Pekerjaan Umum & Penataan Ruang", "BPBD"]
    rows = [report(str(300 + i), Instansi=name) for i, name in enumerate(names)]
    result = run_import(write_xlsx(tmp_path / "names.xlsx", rows))
    assert result.ok, result.rejections
    slugs = [Complaint.objects.get(tracking_id=str(300 + i)).agency.slug for i in range(len(names))]
    assert slugs == ["dinkes", "dinkes", "dinkes", "diskominfo", "dpupr", "bpbd"]


def test_the_status_terdisposisi_ke_names_the_agency(tmp_path, agencies, regions):
    headers = ["Tracking ID", "Tanggal Laporan Masuk", "Status"]
    rows = [{"Tracking ID": "400", "Tanggal Laporan Masuk": "12/03/2024", "Status": "Terdisposisi ke Dinas Perhubungan"}]
    result = run_import(write_xlsx(tmp_path / "status.xlsx", rows, headers))
    assert result.ok
    found = Complaint.objects.get(tracking_id="400")
    assert (found.status, found.agency.slug, found.status_text) == ("disposed", "dishub", "Terdisposisi ke Dinas Perhubungan")


def test_regions_are_matched_in_their_spellings_and_others_left_empty_with_a_note(tmp_path, agencies, regions):
    areas = ["Kab. Lebak", "KABUPATEN TANGERANG", "Kota Cilegon", "Tangsel", "Tangerang", "Jakarta Selatan"]
    rows = [report(str(500 + i), Area=area) for i, area in enumerate(areas)]
    result = run_import(write_xlsx(tmp_path / "areas.xlsx", rows))
    assert result.ok
    found = [getattr(Complaint.objects.get(tracking_id=str(500 + i)).region, "name", None) for i in range(len(areas))]
    assert found == ["Kabupaten Lebak", "Kabupaten Tangerang", "Kota Cilegon", "Kota Tangerang Selatan", None, None]
    assert {w["value"] for w in result.warnings} == {"Tangerang", "Jakarta Selatan"}


def test_identical_repeated_rows_are_harmless(tmp_path, agencies, regions):
    result = run_import(write_xlsx(tmp_path / "twice.xlsx", [report("600", No=1), report("600", No=2)]))
    assert result.ok and result.counts["new"] == 1 and result.duplicate_rows == 1


def test_it_rejects_the_same_tracking_id_twice_with_different_data(tmp_path, agencies, regions):
    result = run_import(write_xlsx(tmp_path / "twice.xlsx", [report("600"), report("601"), report("600", Judul="Lain")]))
    assert not result.ok
    assert result.rejections[0]["row"] == 7 and result.rejections[0]["value"] == "600"
    assert "5" in result.rejections[0]["reason"]  # names the row of the first one
    assert not Complaint.objects.exists()


def test_it_rejects_unparseable_dates_naming_row_column_and_value(tmp_path, agencies, regions):
    rows = [report("700"), report("701", **{"Tanggal Laporan Masuk": "31 Februari 2024"}),
            report("702", **{"Tanggal Disposisi": "kemarin sore"})]
    result = run_import(write_xlsx(tmp_path / "dates.xlsx", rows))
    assert not result.ok
    assert [(r["row"], r["column"], r["value"]) for r in result.rejections] == [
        (6, "Tanggal Laporan Masuk", "31 Februari 2024"), (7, "Tanggal Disposisi", "kemarin sore")]
    assert not Complaint.objects.exists()


def test_it_rejects_formula_cells_in_a_workbook(tmp_path, agencies, regions):
    rows = [report("800"), report("801", Judul="=CONCATENATE(\"a\";\"b\")")]
    result = run_import(write_xlsx(tmp_path / "formula.xlsx", rows))
    assert not result.ok
    assert result.rejections[0]["row"] == 6 and result.rejections[0]["column"] == "Judul"
    assert "rumus" in result.rejections[0]["reason"].lower()
    assert not Complaint.objects.exists()


def test_it_rejects_formula_cells_in_a_csv(tmp_path, agencies, regions):
    result = run_import(write_csv(tmp_path / "formula.csv", [report("900", Judul="=HYPERLINK(\"http://x\")")]))
    assert not result.ok and result.rejections[0]["column"] == "Judul"
    assert not Complaint.objects.exists()


def test_a_text_merely_starting_with_equals_is_not_a_formula(tmp_path, agencies, regions):
    result = run_import(write_csv(tmp_path / "eq.csv", [report("901", Judul="= harga naik terus")]))
    assert result.ok


def test_it_finds_the_data_sheet_behind_a_cover_sheet_and_obeys_a_named_sheet(tmp_path, agencies, regions):
    path = write_xlsx(tmp_path / "sheets.xlsx", [report("1000")], extra_sheets=["Sampul"])
    assert run_import(path, dry_run=True).counts["new"] == 1
    wrong = run_import(path, sheet="Sampul")
    assert not wrong.ok and "Sampul" in wrong.message
    missing = run_import(path, sheet="Data")
    assert not missing.ok and "Laporan" in missing.message


@pytest.mark.parametrize("content, words", [
    (b"", "kosong"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00", "bukan"),
    (b"PK\x03\x04not really a zip file at all", "bukan"),
    (b"Nama;Alamat\nBudi;Serang\n", "tracking"),
    (b"Tracking ID;Tanggal\n\n\n", "tidak ada laporan"),
])
def test_it_refuses_bad_files_with_a_clear_message_and_changes_nothing(tmp_path, agencies, content, words):
    path = tmp_path / "lapor.xlsx"
    path.write_bytes(content)
    result = run_import(path)
    assert not result.ok
    assert words in result.message.lower()
    assert not Complaint.objects.exists()
    assert ImportBatch.objects.get().outcome == ImportBatch.Outcome.REJECTED


def test_an_empty_workbook_is_refused(tmp_path, agencies):
    import openpyxl

    openpyxl.Workbook().save(tmp_path / "empty.xlsx")
    result = run_import(tmp_path / "empty.xlsx")
    assert not result.ok and "kosong" in result.message.lower()


def test_it_says_which_required_columns_are_missing(tmp_path, agencies):
    result = run_import(write_csv(tmp_path / "x.csv", [report("1")], ["Tracking ID", "Judul"]))
    assert not result.ok and result.missing_required == ["received_at"]
    assert "Tanggal" in result.message or "Diterima" in result.message


def test_a_mapping_chosen_by_hand_is_saved_and_reused(tmp_path, agencies, regions):
    headers = ["Nmr", "Waktu Pengaduan", "Ringkasan", "Tujuan"]
    rows = [{"Nmr": "1100", "Waktu Pengaduan": "12/03/2024 10:00", "Ringkasan": "Lampu jalan mati",
             "Tujuan": "Dinas Perhubungan"}]
    path = write_csv(tmp_path / "odd.csv", rows, headers)
    assert not run_import(path, dry_run=True).ok  # no tracking-ID header known... by name
    mapping = {"tracking_id": "Nmr", "received_at": "Waktu Pengaduan", "title": "Ringkasan", "agency": "Tujuan"}
    headers = ["Tracking ID", *headers[1:]]
    path = write_csv(tmp_path / "odd.csv", [{**rows[0], "Tracking ID": "1100"}], headers)
    mapping["tracking_id"] = "Tracking ID"
    first = run_import(path, mapping=mapping, save_mapping_as="ekspor-dinas", dry_run=True)
    assert first.ok and first.mapping["title"] == "Ringkasan"
    second = run_import(path, mapping_name="ekspor-dinas")
    assert second.ok and second.batch.mapping_name == "ekspor-dinas"
    found = Complaint.objects.get(tracking_id="1100")
    assert (found.title, found.agency.slug) == ("Lampu jalan mati", "dishub")


def test_a_mapping_naming_a_column_the_file_lacks_is_refused(tmp_path, agencies):
    path = write_csv(tmp_path / "x.csv", [report("1")])
    result = run_import(path, mapping={"title": "Judul Laporan Lengkap"})
    assert not result.ok and "Judul Laporan Lengkap" in result.message


def test_every_header_of_the_sample_export_is_understood():
    from pantau.complaints.importers.mapping import detect_mapping

    mapping = detect_mapping(HEADERS)
    assert set(mapping.values()) == set(HEADERS) - {"No"}


def test_an_import_computes_the_deadlines_of_the_reports_it_touched(first_export):
    _rows, path = first_export
    run_import(path)
    road = Complaint.objects.get(tracking_id="9165816")
    # Received Tuesday 12 March 2024: disposed within 3 working days, i.e. before 00:00 WIB on Saturday 16 March.
    assert road.dispose_due_at == datetime(2024, 3, 15, 17, 0, tzinfo=UTC)
    assert road.dispose_state == "met"
    assert road.resolve_due_at is not None


def test_times_printed_to_the_minute_do_not_count_as_changes_of_stored_seconds(first_export):
    _rows, path = first_export
    run_import(path)
    Complaint.objects.filter(tracking_id="9165816").update(
        received_at=datetime(2024, 3, 12, 7, 5, 42, tzinfo=UTC), row_hash="")
    again = run_import(path)
    assert again.counts == {"new": 0, "changed": 0, "unchanged": 5, "rejected": 0}
    assert not ComplaintEvent.objects.exists()


def test_other_changed_data_is_recorded_but_personal_data_stays_out_of_the_history(tmp_path, agencies, regions):
    headers = [*HEADERS, "Nama Pelapor", "No. HP Pelapor"]
    first = [report("1200", **{"Nama Pelapor": "Siti Aminah", "No. HP Pelapor": "081234567890"})]
    run_import(write_xlsx(tmp_path / "a.xlsx", first, headers))
    newer = [report("1200", Judul="Jalan berlubang makin parah", Kategori="Perhubungan > Rambu Jalan",
                    **{"Nama Pelapor": "Siti Aminah S.", "No. HP Pelapor": "081234567899"})]
    result = run_import(write_xlsx(tmp_path / "b.xlsx", newer, headers))
    assert result.counts["changed"] == 1
    events = {e.field: (e.kind, e.old_value, e.new_value) for e in ComplaintEvent.objects.all()}
    assert events == {
        "title": ("field", "Jalan berlubang di Jl. Raya Serang", "Jalan berlubang makin parah"),
        "category_id": ("field", "Pekerjaan Umum dan Penataan Ruang > Jalan Berlubang", "Perhubungan > Rambu Jalan"),
        "reporter_name": ("field", "", ""),
        "reporter_phone": ("field", "", ""),
    }
    found = Complaint.objects.get(tracking_id="1200")
    assert (found.reporter_name, found.reporter_phone) == ("Siti Aminah S.", "081234567899")


def test_a_status_naming_another_agency_than_the_agency_column_is_rejected(tmp_path, agencies, regions):
    rows = [report("1300", Status="Terdisposisi ke Dinas Kesehatan", Instansi="Dinas Perhubungan"),
            report("1301", Status="Terdisposisi ke Dinkes", Instansi="Dinas Kesehatan Provinsi Banten")]
    result = run_import(write_xlsx(tmp_path / "two.xlsx", rows))
    assert [(r["row"], r["column"], r["value"]) for r in result.rejections] == [(5, "Status", "Dinas Kesehatan")]
    assert not Complaint.objects.exists()


def test_a_status_without_an_agency_keeps_the_agency_already_known(tmp_path, agencies, regions):
    headers = ["Tracking ID", "Tanggal Laporan Masuk", "Status"]
    first = [{"Tracking ID": "1400", "Tanggal Laporan Masuk": "12/03/2024", "Status": "Terdisposisi ke Dishub"}]
    run_import(write_xlsx(tmp_path / "a.xlsx", first, headers))
    run_import(write_xlsx(tmp_path / "b.xlsx", [{**first[0], "Status": "Proses"}], headers))
    found = Complaint.objects.get(tracking_id="1400")
    assert (found.status, found.agency.slug) == ("in_process", "dishub")
