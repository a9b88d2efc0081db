from datetime import datetime

import pytest
import time_machine

from pantau.complaints.models import ComplaintEvent, FollowUp, PersonalDataAccess
from pantau.lib.periods import WIB
from tests.complaints.factories import make_complaint

pytestmark = pytest.mark.django_db
NOW = datetime(2024, 3, 20, 10, 0, tzinfo=WIB)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_detail_shows_fields_timeline_deadlines_and_follow_ups(client_for, dinkes):
    c = make_complaint(dinkes, title="Puskesmas tutup", received_at=datetime(2024, 3, 4, 9, tzinfo=WIB),
                       disposed_at=datetime(2024, 3, 5, 9, tzinfo=WIB))
    ComplaintEvent.objects.create(complaint=c, kind="created", occurred_at=c.received_at)
    ComplaintEvent.objects.create(complaint=c, kind="status", field="status", old_value="Belum",
                                  new_value="Terdisposisi ke Dinas Kesehatan", occurred_at=c.disposed_at)
    FollowUp.objects.create(complaint=c, agency=dinkes, posted_at=datetime(2024, 3, 8, 9, tzinfo=WIB),
                            text="Puskesmas sudah buka kembali.")
    page = client_for("admin_dinkes").get(f"/pengaduan/{c.tracking_id}/").content.decode()
    assert "Puskesmas tutup" in page and "Dinas Kesehatan" in page
    assert "Laporan masuk" in page and "Terdisposisi ke Dinas Kesehatan" in page  # timeline
    assert "Puskesmas sudah buka kembali." in page  # follow-up
    # Disposed Tue 5 March; 5 working days: 6, 7, 8, (11 Nyepi), 12, 13 -> due before 14 March 00.00 WIB
    # (11 March 2024 is Hari Suci Nyepi and 12 March cuti bersama? only if in the calendar).
    assert "Tindak lanjut pertama oleh OPD" in page
    assert "Lewat tenggat" in page  # resolve or follow-up overdue on 20 March without a follow-up time
    assert f'href="/pengaduan/{c.tracking_id}/tenggat/"' in page


def test_the_explain_page_names_the_holidays_skipped(client_for, dinkes):
    c = make_complaint(dinkes, received_at=datetime(2024, 3, 8, 9, tzinfo=WIB), disposed_at=None,
                       status="unverified")
    page = client_for("koordinator").get(f"/pengaduan/{c.tracking_id}/tenggat/").content.decode()
    assert "Verifikasi dan disposisi" in page
    assert "Nyepi" in page  # 11 March 2024, Hari Suci Nyepi, is skipped
    assert "dilewati: Sabtu" in page
    assert "hari kerja ke-3" in page
    assert "Belum dimulai" in page  # no disposition yet: the agency's clock has not started


def test_an_admin_opd_opening_another_agencys_report_gets_404(client_for, pupr):
    c = make_complaint(pupr)
    assert client_for("admin_dinkes").get(f"/pengaduan/{c.tracking_id}/").status_code == 404
    assert client_for("admin_dinkes").get(f"/pengaduan/{c.tracking_id}/tenggat/").status_code == 404
    assert client_for("admin_pupr").get(f"/pengaduan/{c.tracking_id}/").status_code == 200


def test_the_koordinator_sees_personal_data_and_the_view_is_audited(client_for, personas, dinkes):
    c = make_complaint(dinkes)
    page = client_for("koordinator").get(f"/pengaduan/{c.tracking_id}/").content.decode()
    assert "Siti Aminah" in page and "081234567890" in page and "3604012345670001" in page
    access = PersonalDataAccess.objects.get()
    assert (access.user, access.complaint, access.via) == (personas["koordinator"], c, "web")


def test_the_handling_agency_sees_a_named_reporter_but_not_an_anonymous_one(client_for, dinkes):
    named = make_complaint(dinkes)
    anonymous = make_complaint(dinkes, is_anonymous=True)
    assert "Siti Aminah" in client_for("admin_dinkes").get(f"/pengaduan/{named.tracking_id}/").content.decode()
    page = client_for("admin_dinkes").get(f"/pengaduan/{anonymous.tracking_id}/").content.decode()
    assert "Siti Aminah" not in page and "Anonim" in page
    assert PersonalDataAccess.objects.filter(complaint=anonymous).count() == 0
    assert PersonalDataAccess.objects.filter(complaint=named).count() == 1


@pytest.mark.parametrize("persona", ["analis", "pimpinan", "admin_dinkes"])
def test_a_secret_reports_reporter_and_text_are_hidden_from_everyone_but_the_koordinator(client_for, dinkes, persona):
    c = make_complaint(dinkes, is_secret=True, text="Kepala seksi meminta uang pelicin.")
    page = client_for(persona).get(f"/pengaduan/{c.tracking_id}/").content.decode()
    assert "Siti Aminah" not in page and "uang pelicin" not in page
    assert "Laporan rahasia" in page
    assert PersonalDataAccess.objects.count() == 0
    page = client_for("koordinator").get(f"/pengaduan/{c.tracking_id}/").content.decode()
    assert "Siti Aminah" in page and "uang pelicin" in page
    assert PersonalDataAccess.objects.count() == 1


def test_analis_and_pimpinan_never_see_personal_data(client_for, dinkes):
    c = make_complaint(dinkes)
    for persona in ("analis", "pimpinan"):
        page = client_for(persona).get(f"/pengaduan/{c.tracking_id}/").content.decode()
        assert "Siti Aminah" not in page and "081234567890" not in page
    assert PersonalDataAccess.objects.count() == 0


def test_the_timeline_says_changes_in_words_and_hides_a_secret_reporters_reply(client_for, dinkes):
    c = make_complaint(dinkes, is_secret=True)
    ComplaintEvent.objects.create(complaint=c, kind="disposition", field="agency", old_value="",
                                  new_value="dinkes", occurred_at=c.received_at)
    ComplaintEvent.objects.create(complaint=c, kind="status", field="status", old_value="unverified",
                                  new_value="disposed", occurred_at=c.received_at)
    ComplaintEvent.objects.create(complaint=c, kind="reporter_replied", new_value="Saya dipungut biaya lagi.",
                                  occurred_at=c.received_at)
    page = client_for("admin_dinkes").get(f"/pengaduan/{c.tracking_id}/").content.decode()
    assert "Belum terverifikasi → Terdisposisi" in page
    assert "OPD – → Dinas Kesehatan" in page or "– → Dinas Kesehatan" in page
    assert "Ditanggapi oleh pelapor" in page and "dipungut biaya" not in page
    assert "dipungut biaya" in client_for("koordinator").get(f"/pengaduan/{c.tracking_id}/").content.decode()
