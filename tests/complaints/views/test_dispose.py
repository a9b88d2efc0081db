"""The koordinator disposes a report from its page, with the agency suggested from past dispositions."""

from datetime import datetime, timedelta

import pytest
import time_machine

from pantau.complaints.models import Category, Complaint, ComplaintEvent
from pantau.lib.periods import WIB
from tests.complaints.factories import make_complaint

pytestmark = pytest.mark.django_db
NOW = datetime(2024, 3, 20, 10, 0, tzinfo=WIB)  # a Wednesday


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def history(dinkes, pupr):
    """Past dispositions: road reports went to DPUPR, hospital reports to Dinkes."""
    roads, health = Category.objects.create(name="Infrastruktur"), Category.objects.create(name="Kesehatan")
    for n, place in enumerate(["serang", "lebak", "cilegon", "pandeglang", "tangerang", "ciruas"]):
        received = NOW - timedelta(days=30 + n)
        make_complaint(pupr, title=f"jalan provinsi rusak berlubang di {place}", text="aspal jalan hancur",
                       category=roads, received_at=received)
        make_complaint(dinkes, title=f"antrean rsud panjang di {place}", text="pasien menunggu dokter",
                       category=health, received_at=received)
    return roads, health


def test_the_koordinator_disposes_an_unverified_report_to_the_suggested_agency(client_for, history, pupr, personas):
    roads, _health = history
    report = make_complaint(None, title="Jalan berlubang di Kasemen", text="jalan rusak parah", status="unverified",
                            disposed_at=None, received_at=NOW - timedelta(hours=2))
    client = client_for("koordinator")
    page = client.get(f"/pengaduan/{report.tracking_id}/").content.decode()
    assert "Disarankan dari disposisi terdahulu" in page
    assert f'<option value="{pupr.pk}" selected>' in page  # the top suggestion is preselected
    response = client.post(f"/pengaduan/{report.tracking_id}/disposisi/", {"agency": pupr.pk, "category": roads.pk})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.agency, report.status, report.category) == (pupr, "disposed", roads)
    assert report.disposed_at == NOW and report.verified_at == NOW
    # The agency's first follow-up is due within five working days from now: by the end of Wednesday
    # 27 March 2024, i.e. before Thursday 28 March 00.00 WIB.
    assert report.follow_up_due_at == datetime(2024, 3, 28, 0, 0, tzinfo=WIB)
    event = ComplaintEvent.objects.get(complaint=report, kind="disposition")
    assert (event.new_value, event.user) == (pupr.name, personas["koordinator"])
    page = client.get(response.url).content.decode()
    assert "didisposisikan ke" in page  # the success message


def test_a_completed_report_is_not_disposed_and_nothing_changes(client_for, dinkes, pupr):
    report = make_complaint(dinkes, status="completed")
    page = client_for("koordinator").get(f"/pengaduan/{report.tracking_id}/").content.decode()
    assert 'id="disposisi"' not in page
    client_for("koordinator").post(f"/pengaduan/{report.tracking_id}/disposisi/", {"agency": pupr.pk})
    report.refresh_from_db()
    assert report.agency == dinkes and not ComplaintEvent.objects.filter(complaint=report).exists()


def test_disposing_to_the_same_agency_is_refused_with_a_message(client_for, dinkes):
    report = make_complaint(dinkes)
    response = client_for("koordinator").post(f"/pengaduan/{report.tracking_id}/disposisi/", {"agency": dinkes.pk},
                                              follow=True)
    assert "sudah didisposisikan ke Dinas Kesehatan" in response.content.decode()
    assert not ComplaintEvent.objects.filter(complaint=report).exists()


def test_only_the_koordinator_disposes(client_for, dinkes, pupr):
    report = make_complaint(dinkes)
    for role in ("admin_dinkes", "analis", "pimpinan"):
        assert client_for(role).post(f"/pengaduan/{report.tracking_id}/disposisi/", {"agency": pupr.pk}).status_code == 403
    page = client_for("admin_dinkes").get(f"/pengaduan/{report.tracking_id}/").content.decode()
    assert 'id="disposisi"' not in page
    assert Complaint.objects.get(pk=report.pk).agency == dinkes


def test_choosing_the_top_level_category_keeps_the_reports_sub_category(client_for, dinkes, pupr):
    health = Category.objects.create(name="Kesehatan")
    hospital = Category.objects.create(name="Pelayanan Rumah Sakit", parent=health)
    report = make_complaint(None, status="unverified", disposed_at=None, category=hospital)
    client_for("koordinator").post(f"/pengaduan/{report.tracking_id}/disposisi/",
                                   {"agency": dinkes.pk, "category": health.pk})
    report.refresh_from_db()
    assert (report.agency, report.category) == (dinkes, hospital)
    assert not ComplaintEvent.objects.filter(complaint=report, kind="field").exists()
