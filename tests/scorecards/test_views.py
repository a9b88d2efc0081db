"""The scorecard pages for every persona, their links and their CSV downloads."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest

from pantau.scorecards import api
from pantau.scorecards.compute import compute_all


@pytest.fixture
def computed(january):
    compute_all()
    return january


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("persona", ["koordinator", "pimpinan", "analis"])
def test_province_readers_see_the_dashboard(client_for, computed, persona):
    html = page(client_for(persona), "/dasbor/?period=2024-01")
    assert "Januari 2024" in html
    assert "66,7%" in html  # followed up, province
    assert 'href="/definisi/#followed_up_share"' in html
    assert "/pengaduan/?period=2024-01&amp;overdue=1" in html
    assert "<svg" in html and "Dinas Kesehatan" in html


def test_the_dashboard_names_the_period_it_compares_with(client_for, computed):
    html = page(client_for("koordinator"), "/dasbor/?period=2024-01")
    assert "Perubahan dibanding Desember 2023." in html


def test_an_admin_opd_is_sent_from_the_dashboard_to_their_agency(client_for, computed):
    response = client_for("admin_dinkes").get("/dasbor/")
    assert response.status_code == 302 and response["Location"] == "/opd/dinkes/"
    assert client_for("admin_dinkes").get("/opd/").status_code == 302


def test_an_admin_opd_sees_their_agency_and_gets_404_for_another(client_for, computed):
    client = client_for("admin_dinkes")
    html = page(client, "/opd/dinkes/?period=2024-01")
    assert "Dinas Kesehatan" in html and "36,24" in html
    assert client.get("/opd/dpupr/?period=2024-01").status_code == 404
    assert client.get("/opd/dpupr/?period=2024-01&format=csv&chart=history").status_code == 404


def test_an_admin_opd_cannot_open_the_priority_list(client_for, computed):
    assert client_for("admin_pupr").get("/prioritas-rapat/").status_code == 302  # to their own page


def test_anonymous_visitors_are_asked_to_log_in(client_for, computed):
    client = client_for("anon")
    for url in ("/dasbor/", "/opd/", "/opd/dinkes/", "/prioritas-rapat/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/"), url


def test_the_definitions_page_has_an_anchor_for_every_indicator(client, db):
    html = page(client, "/definisi/")
    for key in api.INDICATORS:
        assert f'id="{key}"' in html, key


def test_a_chart_csv_holds_exactly_the_rows_of_the_chart(client_for, computed):
    client = client_for("koordinator")
    rows = csv_rows(client.get("/dasbor/?period=2024-01&format=csv&chart=by_status"))
    expected = [[r["key"], r["label"], str(r["value"])] for r in api.breakdowns("2024-01")["by_status"]]
    assert rows == [["key", "label", "value"], *expected]
    assert ["completed", "3"] in [[r[0], r[2]] for r in rows]
    monthly = csv_rows(client.get("/dasbor/?period=2024-01&format=csv&chart=monthly"))
    assert monthly == [["month", "label", "received", "resolved"], ["2024-01", "Januari 2024", "7", "3"]]
    assert client.get("/dasbor/?period=2024-01&format=csv&chart=nope").status_code == 404


def test_the_ranking_lists_unranked_agencies_apart_with_the_reason(client_for, computed, settings):
    settings.PANTAU_RANKING_MIN_REPORTS = 3
    html = page(client_for("pimpinan"), "/opd/?period=2024-01")
    ranked, unranked = html.split('id="unranked"')
    assert "Dinas Kesehatan" in ranked and "Pekerjaan Umum" not in ranked
    assert "Hanya 2 laporan dalam periode ini" in unranked
    rows = csv_rows(client_for("pimpinan").get("/opd/?period=2024-01&format=csv&chart=ranking"))
    assert rows == [["rank", "slug", "name", "index", "zone"], ["1", "dinkes", "Dinas Kesehatan", "36.24", "merah"]]


def test_the_priority_page_gives_a_reason_for_each_agency(client_for, computed):
    html = page(client_for("koordinator"), "/prioritas-rapat/?period=2024-01")
    assert "4 laporan (urutan 1 menurut volume)" in html


def test_a_custom_range_is_shown_with_its_dates(client_for, computed):
    html = page(client_for("koordinator"), "/dasbor/?dari=2024-01-01&sampai=2024-01-10")
    assert "1 Januari 2024 s.d. 10 Januari 2024" in html
    assert 'value="2024-01-01"' in html


def test_an_unreadable_period_says_so_and_shows_the_default(client_for, computed):
    html = page(client_for("koordinator"), "/dasbor/?period=kemarin")
    assert "bukan periode" in html


def test_every_chart_on_the_dashboard_is_valid_svg(client_for, computed):
    html = page(client_for("koordinator"), "/dasbor/?period=2024-01")
    svgs = html.split("<svg")[1:]
    assert len(svgs) == 7  # six breakdowns and the agencies with most overdue reports
    for chunk in svgs:
        ET.fromstring("<svg" + chunk.split("</svg>")[0] + "</svg>")


def test_the_received_card_shows_the_change_against_the_previous_month(client_for, computed):
    html = page(client_for("koordinator"), "/dasbor/?period=2024-01")
    assert "<div class=\"change bad\">+2 dibanding periode sebelumnya</div>" in html  # overdue 3 against 1 (X1)
    assert "+6 dibanding periode sebelumnya" in html  # received 7 against 1 (X1)


def test_no_change_is_shown_against_a_period_without_reports(client_for, computed):
    html = page(client_for("koordinator"), "/dasbor/?period=2023-12")
    assert "dibanding periode sebelumnya" not in html  # November 2023 had no report
    assert "Perubahan dibanding" not in html


def test_the_picker_offers_periods_with_reports_before_any_snapshot(client_for, january):
    html = page(client_for("koordinator"), "/dasbor/")
    assert '<option value="2024-Q1" selected>Triwulan I 2024</option>' in html  # the latest quarter
    assert '<option value="2023-12">Desember 2023</option>' in html


def test_a_user_without_a_role_is_refused(client, january):
    from tests.conftest import make_user

    client.force_login(make_user("tamu", None))
    assert client.get("/dasbor/").status_code == 403
    assert client.get("/opd/dinkes/").status_code == 404


def test_the_agency_history_csv_has_one_row_per_month_with_both_indexes(client_for, computed):
    rows = csv_rows(client_for("admin_dinkes").get("/opd/dinkes/?period=2024-01&format=csv&chart=history"))
    # December 2023 (X1 only: no follow-up, index 0) and January 2024; months before had no report.
    assert rows == [["month", "label", "agency_index", "province_index"],
                    ["2023-12", "Desember 2023", "0.0", "0.0"], ["2024-01", "Januari 2024", "36.24", "58.85"]]


def test_the_priority_csv_lists_every_agency_with_its_reason(client_for, computed):
    rows = csv_rows(client_for("koordinator").get("/prioritas-rapat/?period=2024-01&format=csv&chart=priority"))
    assert rows[0] == ["priority", "slug", "name", "received", "index", "zone", "overdue_now", "score", "reason"]
    assert [r[1] for r in rows[1:]] == ["dinkes", "dpupr"]
    assert rows[1][8].startswith("4 laporan (urutan 1 menurut volume)")


def test_the_dashboard_counts_ranked_agencies_per_zone(client_for, computed, settings):
    settings.PANTAU_RANKING_MIN_REPORTS = 2
    html = page(client_for("pimpinan"), "/dasbor/?period=2024-01")
    assert "2 OPD diperingkat" in html
    assert '<span class="zone-hijau">1 hijau</span>' in html and '<span class="zone-merah">1 merah</span>' in html


def test_the_overdue_chart_csv_lists_agencies_by_overdue_reports(client_for, computed):
    rows = csv_rows(client_for("koordinator").get("/dasbor/?period=2024-01&format=csv&chart=overdue_by_agency"))
    assert rows == [["slug", "name", "overdue_now"], ["dinkes", "Dinas Kesehatan", "2"]]  # DPUPR has none


@pytest.mark.parametrize("persona, url", [("admin_dinkes", "/opd/dinkes/?period=2024-01"),
                                          ("analis", "/opd/dinkes/?period=2024-01"),
                                          ("pimpinan", "/opd/dinkes/?period=2024-01"),
                                          ("analis", "/dasbor/?period=2024-01")])
def test_every_link_on_a_scorecard_page_opens_for_its_reader(client_for, computed, persona, url):
    import re

    from pantau.complaints.models import Complaint, FollowUp

    d1 = Complaint.objects.get(tracking_id="D1")  # an answer: the page then links to the quality pages
    FollowUp.objects.create(complaint=d1, agency=d1.agency, posted_at=d1.first_follow_up_at,
                            text="Terima kasih atas laporan Anda. Petugas sudah memeriksa lokasi dan memperbaiki pompa air.")
    client = client_for(persona)
    html = page(client, url)
    links = sorted({href.replace("&amp;", "&") for href in re.findall(r'href="(/[^"#]*)', html)} - {"/keluar/"})
    assert any(link.startswith("/pengaduan/") for link in links)
    refused = [(link, status) for link in links if (status := client.get(link).status_code) in (403, 404)]
    assert refused == []
