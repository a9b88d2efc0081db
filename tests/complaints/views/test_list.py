import csv
import io
from datetime import datetime

import pytest
import time_machine
from openpyxl import load_workbook

from pantau.agencies.models import Region
from pantau.complaints.models import Category, PersonalDataAccess
from pantau.complaints.views import paging
from pantau.lib.periods import WIB
from tests.complaints.factories import make_complaint

pytestmark = pytest.mark.django_db


def rows_of_csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_the_list_shows_reports_with_links_to_them(client_for, dinkes):
    c = make_complaint(dinkes, title="Antrean RSUD terlalu panjang")
    page = client_for("koordinator").get("/pengaduan/").content.decode()
    assert "Antrean RSUD terlalu panjang" in page
    assert f'href="/pengaduan/{c.tracking_id}/"' in page
    assert "Laporan" in page  # Indonesian by default


def test_an_admin_opd_never_sees_another_agencys_reports_in_the_list_or_the_count(client_for, dinkes, pupr):
    make_complaint(dinkes, title="Obat habis di puskesmas")
    make_complaint(pupr, title="Jembatan rusak di Lebak")
    page = client_for("admin_dinkes").get("/pengaduan/").content.decode()
    assert "Obat habis" in page and "Jembatan rusak" not in page
    assert "dari 1" in page  # "Laporan 1–1 dari 1"
    # Asking for the other agency by its slug shows nothing either.
    page = client_for("admin_dinkes").get("/pengaduan/?agency=dpupr").content.decode()
    assert "Jembatan rusak" not in page


def test_the_filters_narrow_the_list(client_for, dinkes, pupr):
    serang = Region.objects.get(slug="kota-serang")  # made by the agencies migration
    roads = Category.objects.create(name="Pekerjaan Umum")
    holes = Category.objects.create(name="Jalan Berlubang", parent=roads)
    make_complaint(pupr, title="A-jalan", category=holes, region=serang, kind="pengaduan", channel="sms")
    make_complaint(pupr, title="B-aspirasi", kind="aspirasi", received_at=datetime(2024, 5, 2, tzinfo=WIB))
    make_complaint(dinkes, title="C-selesai", status="completed", resolve_state="met")
    make_complaint(dinkes, title="D-telat", follow_up_state="overdue")
    client = client_for("koordinator")

    def titles(query):
        page = client.get(f"/pengaduan/?{query}").content.decode()
        return {t for t in ("A-jalan", "B-aspirasi", "C-selesai", "D-telat") if t in page}

    assert titles("period=2024-Q2") == {"B-aspirasi"}
    assert titles("agency=dinkes") == {"C-selesai", "D-telat"}
    assert titles("status=completed") == {"C-selesai"}
    assert titles(f"category={roads.id}") == {"A-jalan"}  # a top category includes its sub-categories
    assert titles("kind=aspirasi") == {"B-aspirasi"}
    assert titles("channel=sms") == {"A-jalan"}
    assert titles("region=kota-serang") == {"A-jalan"}
    assert titles("overdue=1") == {"D-telat"}
    assert titles("q=telat") == {"D-telat"}


def test_a_tracking_id_with_a_hash_finds_its_report(client_for, dinkes):
    c = make_complaint(dinkes, title="Cari saya")
    make_complaint(dinkes, title="Bukan saya")
    page = client_for("analis").get(f"/pengaduan/?q=%23{c.tracking_id}").content.decode()
    assert "Cari saya" in page and "Bukan saya" not in page


def test_a_bad_period_is_explained_and_the_other_filters_still_apply(client_for, dinkes, pupr):
    make_complaint(dinkes, title="Dinkes-1")
    make_complaint(pupr, title="Pupr-1")
    page = client_for("koordinator").get("/pengaduan/?period=kuartal-satu&agency=dinkes").content.decode()
    assert "bukan periode" in page
    assert "Dinkes-1" in page and "Pupr-1" not in page


def test_the_text_of_a_secret_report_is_not_searchable_by_an_admin_opd(client_for, dinkes):
    make_complaint(dinkes, title="Rahasia", is_secret=True, text="kepala seksi meminta uang pelicin")
    assert "Rahasia" not in client_for("admin_dinkes").get("/pengaduan/?q=pelicin").content.decode()
    assert "Rahasia" in client_for("koordinator").get("/pengaduan/?q=pelicin").content.decode()


def test_sorting_oldest_first(client_for, dinkes):
    make_complaint(dinkes, title="Lama", received_at=datetime(2024, 1, 2, tzinfo=WIB))
    make_complaint(dinkes, title="Baru", received_at=datetime(2024, 6, 2, tzinfo=WIB))
    newest = client_for("koordinator").get("/pengaduan/").content.decode()
    oldest = client_for("koordinator").get("/pengaduan/?sort=received").content.decode()
    assert newest.index("Baru") < newest.index("Lama")
    assert oldest.index("Lama") < oldest.index("Baru")


def test_pages_follow_each_other_and_keep_the_filters(client_for, dinkes, monkeypatch):
    for i in range(paging.PAGE_SIZE + 3):
        make_complaint(dinkes, title=f"Laporan nomor {i:03d}")
    page = client_for("koordinator").get("/pengaduan/?agency=dinkes").content.decode()
    assert "Halaman 1 dari 2" in page
    assert 'href="?agency=dinkes&amp;page=2"' in page
    second = client_for("koordinator").get("/pengaduan/?agency=dinkes&page=2").content.decode()
    assert second.count('href="/pengaduan/9') == 3


def test_a_count_beyond_the_cap_says_more_than(client_for, dinkes, monkeypatch):
    monkeypatch.setattr(paging, "COUNT_CAP", 2)
    for _ in range(3):
        make_complaint(dinkes)
    page = client_for("koordinator").get("/pengaduan/").content.decode()
    assert "lebih dari 2" in page


def test_the_csv_export_holds_exactly_the_filtered_rows_without_personal_data(client_for, dinkes, pupr):
    a = make_complaint(dinkes, title="Dinkes satu")
    make_complaint(pupr, title="PUPR satu")
    response = client_for("koordinator").get("/pengaduan/?agency=dinkes&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of_csv(response)
    assert [r["tracking_id"] for r in rows] == [a.tracking_id]
    assert "reporter_name" not in rows[0] and "Siti" not in str(rows)
    assert rows[0]["status"] == "Terdisposisi"
    assert rows[0]["received_at"] == "2024-03-04 09:00"
    assert PersonalDataAccess.objects.count() == 0


def test_an_admin_opds_export_never_holds_another_agencys_reports_nor_personal_data(client_for, dinkes, pupr):
    make_complaint(dinkes, title="Dinkes satu")
    make_complaint(pupr, title="PUPR satu")
    rows = rows_of_csv(client_for("admin_dinkes").get("/pengaduan/?format=csv&personal=1"))
    assert [r["title"] for r in rows] == ["Dinkes satu"]
    assert "reporter_name" not in rows[0]
    assert PersonalDataAccess.objects.count() == 0


def test_a_koordinator_export_with_personal_data_is_written_to_the_audit_log(client_for, personas, dinkes):
    a = make_complaint(dinkes)
    b = make_complaint(dinkes)
    rows = rows_of_csv(client_for("koordinator").get("/pengaduan/?format=csv&personal=1"))
    assert {r["reporter_name"] for r in rows} == {"Siti Aminah"}
    logged = PersonalDataAccess.objects.filter(via="export", user=personas["koordinator"])
    assert sorted(logged.values_list("complaint_id", flat=True)) == sorted([a.id, b.id])


def test_the_xlsx_export_opens_in_a_spreadsheet(client_for, dinkes, pupr):
    a = make_complaint(dinkes, title="Dinkes satu")
    make_complaint(pupr)
    response = client_for("admin_dinkes").get("/pengaduan/?format=xlsx")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "tracking_id" and len(rows) == 2
    assert rows[1][0] == a.tracking_id and rows[1][2] == "Dinkes satu"


def test_deadline_states_are_shown_in_indonesian(client_for, dinkes):
    with time_machine.travel(datetime(2024, 3, 20, 10, 0, tzinfo=WIB), tick=False):
        make_complaint(dinkes, title="Terlambat", resolve_state="overdue",
                       resolve_due_at=datetime(2024, 3, 19, tzinfo=WIB))
        page = client_for("koordinator").get("/pengaduan/").content.decode()
    assert 'class="overdue"' in page
