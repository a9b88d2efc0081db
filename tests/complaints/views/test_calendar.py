from datetime import date, datetime

import pytest
import time_machine

from pantau.complaints.models import CalendarOverride, Complaint
from pantau.lib.periods import WIB
from tests.complaints.factories import make_complaint

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(datetime(2024, 3, 20, 10, 0, tzinfo=WIB), tick=False):
        yield


def test_the_calendar_lists_the_years_holidays(client_for):
    page = client_for("koordinator").get("/kalender/?year=2024").content.decode()
    assert "Nyepi" in page and "11 Maret 2024" in page


def test_a_new_cuti_bersama_moves_the_deadlines_that_span_it(client_for, personas, dinkes):
    from pantau.complaints.sla import recompute_deadlines

    c = make_complaint(dinkes, received_at=datetime(2024, 3, 4, 9, tzinfo=WIB), disposed_at=None, status="unverified")
    recompute_deadlines()
    before = Complaint.objects.get(pk=c.pk).dispose_due_at  # Mon 4 Mar + 3 working days -> Thu 7 Mar
    response = client_for("koordinator").post("/kalender/", {
        "date": "2024-03-05", "is_holiday": "1", "reason": "Keputusan Gubernur 123/2024"}, follow=True)
    page = response.content.decode()
    assert "Tenggat 1 laporan dihitung ulang" in page
    after = Complaint.objects.get(pk=c.pk).dispose_due_at
    assert before.astimezone(WIB).date() == date(2024, 3, 8)
    assert after.astimezone(WIB).date() == date(2024, 3, 9)
    override = CalendarOverride.objects.get()
    assert override.created_by == personas["koordinator"] and override.reason == "Keputusan Gubernur 123/2024"

    client_for("koordinator").post(f"/kalender/{override.pk}/hapus/")
    assert not CalendarOverride.objects.exists()
    assert Complaint.objects.get(pk=c.pk).dispose_due_at == before


def test_an_override_needs_a_reason_and_nothing_changes_without_one(client_for):
    page = client_for("koordinator").post("/kalender/", {"date": "2024-03-05", "is_holiday": "1", "reason": "  "}).content.decode()
    assert "Bidang ini tidak boleh kosong" in page
    assert not CalendarOverride.objects.exists()


def test_a_date_cannot_be_overridden_twice(client_for):
    CalendarOverride.objects.create(date=date(2024, 3, 5), is_holiday=True, reason="Cuti bersama")
    page = client_for("koordinator").post("/kalender/", {"date": "2024-03-05", "is_holiday": "0", "reason": "Batal"}).content.decode()
    assert "sudah punya koreksi" in page
    assert CalendarOverride.objects.get().is_holiday is True


@pytest.mark.parametrize("persona", ["analis", "admin_dinkes", "pimpinan"])
def test_other_roles_read_the_calendar_but_cannot_change_it(client_for, persona):
    override = CalendarOverride.objects.create(date=date(2024, 3, 5), is_holiday=True, reason="Cuti bersama")
    client = client_for(persona)
    page = client.get("/kalender/?year=2024").content.decode()
    assert "Cuti bersama" in page and "Tambah koreksi" not in page
    assert client.post("/kalender/", {"date": "2024-03-06", "is_holiday": "1", "reason": "x"}).status_code == 403
    assert client.post(f"/kalender/{override.pk}/hapus/").status_code == 403
    assert CalendarOverride.objects.count() == 1
