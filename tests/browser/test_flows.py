"""The core flows in a real browser: log in, dashboard, drill down to a report and its timeline,
a CSV download, an admin OPD who cannot reach another agency's report; without JavaScript, on a
360 px wide phone screen, with the keyboard, and in English."""

from datetime import datetime

import pytest
from django.urls import NoReverseMatch, reverse

from pantau.complaints.models import ComplaintEvent
from pantau.lib.periods import WIB
from tests.browser.conftest import log_in
from tests.complaints.factories import make_complaint
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reports(personas, dinkes, pupr):
    mine = make_complaint(dinkes, title="Obat kosong di Puskesmas Walantaka",
                          received_at=datetime(2024, 3, 4, 9, tzinfo=WIB))
    ComplaintEvent.objects.create(complaint=mine, kind="created", occurred_at=mine.received_at)
    ComplaintEvent.objects.create(complaint=mine, kind="status", field="status", old_value="Belum",
                                  new_value="Terdisposisi ke Dinas Kesehatan", occurred_at=mine.received_at)
    theirs = make_complaint(pupr, title="Jembatan Cibeber ambruk", received_at=datetime(2024, 3, 5, 9, tzinfo=WIB))
    return {"dinkes": mine, "pupr": theirs}


def dashboard_path() -> str:
    try:
        return reverse("dashboard")
    except NoReverseMatch:
        return "/"


def test_a_koordinator_logs_in_and_drills_down_to_a_reports_timeline(open_page, reports):
    page = open_page()
    log_in(page, "koordinator", PASSWORD)
    page.goto(dashboard_path())
    assert page.get_by_role("link", name="Laporan", exact=True).is_visible()
    page.get_by_role("link", name="Laporan", exact=True).click()
    page.locator("select[name=agency]").select_option("dinkes")
    page.get_by_role("button", name="Tampilkan").click()
    assert "Jembatan Cibeber" not in page.content()
    page.get_by_role("link", name=f"#{reports['dinkes'].tracking_id}").click()
    assert page.get_by_role("heading", name="Riwayat").is_visible()
    assert page.get_by_text("Terdisposisi ke Dinas Kesehatan").is_visible()
    page.get_by_role("link", name="Bagaimana tenggat ini dihitung?").click()
    assert page.get_by_role("heading", name="Verifikasi dan disposisi").is_visible()


def test_the_csv_download_holds_the_filtered_reports(open_page, reports):
    page = open_page()
    log_in(page, "analis", PASSWORD)
    page.goto("/pengaduan/?agency=dpupr")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV", exact=True).click()
    body = open(info.value.path(), encoding="utf-8-sig").read()
    assert reports["pupr"].tracking_id in body and reports["dinkes"].tracking_id not in body
    assert "reporter_name" not in body


def test_an_admin_opd_cannot_reach_another_agencys_report(open_page, reports):
    page = open_page()
    log_in(page, "admin_dinkes", PASSWORD)
    assert page.get_by_text("Obat kosong di Puskesmas Walantaka").is_visible()  # their home
    response = page.goto(f"/pengaduan/{reports['pupr'].tracking_id}/")
    assert response.status == 404
    page.goto("/pengaduan/")
    assert "Jembatan Cibeber" not in page.content()


def test_the_core_flow_works_without_javascript(open_page, reports):
    page = open_page(java_script_enabled=False)
    log_in(page, "pimpinan", PASSWORD)
    page.goto("/pengaduan/")
    page.get_by_label("Cari").fill("Walantaka")
    page.get_by_role("button", name="Tampilkan").click()
    assert "q=Walantaka" in page.url
    page.get_by_role("link", name=f"#{reports['dinkes'].tracking_id}").click()
    assert page.get_by_role("heading", name="Tenggat").is_visible()


def test_the_list_and_the_report_fit_a_360_px_phone_screen(open_page, reports):
    page = open_page(viewport={"width": 360, "height": 740})
    log_in(page, "koordinator", PASSWORD)
    for path in ("/pengaduan/", f"/pengaduan/{reports['dinkes'].tracking_id}/", "/kalender/", "/impor/"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} is {width} px wide on a 360 px screen"


def test_the_keyboard_reaches_the_skip_link_first_and_then_the_filters(open_page, reports):
    page = open_page()
    log_in(page, "koordinator", PASSWORD)
    page.goto("/pengaduan/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Langsung ke isi"
    page.keyboard.press("Enter")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('form.filters') !== null")


def test_every_form_field_has_a_label(open_page, reports):
    page = open_page()
    log_in(page, "koordinator", PASSWORD)
    for path in ("/pengaduan/", "/kalender/", "/impor/", "/audit/"):
        page.goto(path)
        unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
            .filter(e => e.type !== 'hidden' && e.type !== 'submit')
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
            .map(e => e.name)""")
        assert unlabelled == [], f"{path}: fields without a label: {unlabelled}"


def test_the_english_switch_translates_the_page(open_page, reports):
    page = open_page()
    log_in(page, "koordinator", PASSWORD)
    page.goto("/pengaduan/")
    page.get_by_role("button", name="EN").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Reports").is_visible()
    assert page.url.endswith("/pengaduan/")
