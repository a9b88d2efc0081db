from datetime import timedelta

import pytest
import time_machine

from pantau.jobs.actions import queue_mail
from pantau.jobs.models import JobRun, NotificationPreference
from pantau.jobs.registry import run_named

from .conftest import FRIDAY_8


@pytest.mark.parametrize("persona, status", [
    ("koordinator", 200), ("analis", 403), ("admin_dinkes", 403), ("pimpinan", 403), ("anon", 302),
])
def test_only_the_koordinator_sees_the_jobs_page(client_for, persona, status):
    assert client_for(persona).get("/tugas/").status_code == status


def test_the_jobs_page_shows_each_jobs_last_run_duration_outcome_and_error(client_for, db):
    JobRun.objects.create(name="check_spikes", slot="2024-05-17T08:00", started_at=FRIDAY_8,
                          finished_at=FRIDAY_8 + timedelta(seconds=2), duration_ms=2150, outcome="error",
                          error="Traceback ...\nConnectionError: sumber berita tidak menjawab", attempts=2)
    with time_machine.travel(FRIDAY_8, tick=False):
        run_named("prune_runs")
    page = client_for("koordinator").get("/tugas/").content.decode()
    assert "Periksa lonjakan" in page and "Gagal" in page and "2.150 ms" in page
    assert "sumber berita tidak menjawab" in page and "percobaan ke-2" in page
    assert "17 Mei 2024 08.00 WIB" in page
    assert "Hapus catatan tugas lama" in page and "Berhasil" in page
    assert "belum pernah" in page  # jobs that never ran say so


def test_the_jobs_page_lists_mail_that_keeps_failing(client_for, db):
    queue_mail("admin@dinkes.bantenprov.go.id", "digest", "2024-05-17", "s", "t")
    from pantau.jobs.models import Notification

    Notification.objects.update(attempts=3, last_error="SMTPServerDisconnected: Connection unexpectedly closed")
    page = client_for("koordinator").get("/tugas/").content.decode()
    assert "admin@dinkes.bantenprov.go.id" in page and "SMTPServerDisconnected" in page


def test_a_user_switches_off_the_daily_reminder_on_the_account_page(client_for, personas):
    client = client_for("admin_dinkes")
    page = client.get("/akun/notifikasi/").content.decode()
    assert "Pengingat harian" in page and 'checked' in page
    response = client.post("/akun/notifikasi/", {"weekly": "on", "escalation": "on"}, follow=True)
    assert "Pengaturan surel Anda tersimpan" in response.content.decode()
    pref = NotificationPreference.objects.get(user=personas["admin_dinkes"])
    assert (pref.digest, pref.weekly, pref.escalation) == (False, True, True)
    assert not NotificationPreference.wants(personas["admin_dinkes"], "digest")


def test_the_mail_settings_page_needs_a_login(client, db):
    assert client.get("/akun/notifikasi/").status_code == 302
