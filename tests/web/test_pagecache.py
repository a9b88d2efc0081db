"""Cached page parts and exports: rebuilt after every write (also an edit in the admin), never
shared between users who see different reports, languages or filters."""

import csv
import io

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.forms import SplitDateTimeWidget

from pantau.complaints import versioning
from pantau.complaints.models import Complaint, PersonalDataAccess
from pantau.scorecards.compute import compute_all
from tests.complaints.factories import make_complaint

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def admin_change_data(response) -> dict:
    """The admin change form's current values as the browser would post them back."""
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, SplitDateTimeWidget):
            for i, part in enumerate(field.widget.decompress(value)):
                data[f"{name}_{i}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        else:
            data[name] = "" if value is None else str(value)
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    return data


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("super", password="rahasia-uji-123")


def test_a_status_changed_in_the_admin_shows_in_the_next_export(client, superuser, client_for, dinkes):
    report = make_complaint(dinkes)
    koordinator = client_for("koordinator")
    url = "/pengaduan/?agency=dinkes&format=csv"
    assert csv_rows(koordinator.get(url))[0]["status"] == "Terdisposisi"

    client.force_login(superuser)
    change = f"/admin/complaints/complaint/{report.pk}/change/"
    data = admin_change_data(client.get(change))
    data["status"] = "completed"
    response = client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert Complaint.objects.get(pk=report.pk).status == "completed"

    koordinator = client_for("koordinator")
    assert csv_rows(koordinator.get(url))[0]["status"] == "Selesai"


def test_an_export_comes_from_the_cache_until_the_data_version_changes(client_for, dinkes):
    make_complaint(dinkes, title="Judul lama")
    client = client_for("koordinator")
    url = "/pengaduan/?agency=dinkes&format=csv"
    assert csv_rows(client.get(url))[0]["title"] == "Judul lama"
    with connection.cursor() as cursor:  # a write that bypasses every signal: only the cache can answer
        cursor.execute("UPDATE complaints_complaint SET title = 'Judul baru'")
    assert csv_rows(client.get(url))[0]["title"] == "Judul lama"
    versioning.bump()
    assert csv_rows(client.get(url))[0]["title"] == "Judul baru"


def test_a_cached_export_is_never_given_to_a_user_who_sees_fewer_reports(client_for, dinkes, pupr):
    make_complaint(dinkes, title="Dinkes satu")
    make_complaint(pupr, title="PUPR satu")
    url = "/pengaduan/?format=csv"
    assert {r["title"] for r in csv_rows(client_for("koordinator").get(url))} == {"Dinkes satu", "PUPR satu"}
    assert [r["title"] for r in csv_rows(client_for("admin_dinkes").get(url))] == ["Dinkes satu"]
    assert [r["title"] for r in csv_rows(client_for("admin_pupr").get(url))] == ["PUPR satu"]


def test_every_export_with_personal_data_reaches_the_audit_log(client_for, personas, dinkes):
    make_complaint(dinkes)
    client = client_for("koordinator")
    for _ in range(2):
        rows = csv_rows(client.get("/pengaduan/?format=csv&personal=1"))
        assert rows[0]["reporter_name"] == "Siti Aminah"
    assert PersonalDataAccess.objects.filter(via="export").count() == 2


@pytest.fixture
def computed(dinkes, pupr):
    with time_machine.travel("2024-03-20 12:00 +0700", tick=False):
        for i in range(3):
            make_complaint(dinkes, title=f"Dinkes {i}")
        make_complaint(pupr)
        compute_all()
        yield


def test_an_agency_renamed_in_the_admin_shows_on_its_cached_page(client, superuser, client_for, computed, dinkes):
    url = "/opd/dinkes/?period=2024-Q1"
    assert "Dinas Kesehatan" in client_for("admin_dinkes").get(url).content.decode()

    client.force_login(superuser)
    change = f"/admin/agencies/agency/{dinkes.pk}/change/"
    data = admin_change_data(client.get(change))
    data["name"] = "Dinas Kesehatan dan Keluarga Berencana"
    assert client.post(change, data).status_code == 302

    html = client_for("admin_dinkes").get(url).content.decode()
    assert "Dinas Kesehatan dan Keluarga Berencana" in html


def test_the_cached_dashboard_follows_the_language(client_for, computed):
    client = client_for("koordinator")
    assert "Dasbor provinsi" in client.get("/dasbor/?period=2024-Q1").content.decode()
    client.cookies["django_language"] = "en"
    assert "Province dashboard" in client.get("/dasbor/?period=2024-Q1").content.decode()
    client.cookies["django_language"] = "id"
    assert "Dasbor provinsi" in client.get("/dasbor/?period=2024-Q1").content.decode()


def test_a_cached_agency_page_is_still_refused_to_another_agencys_admin(client_for, computed):
    assert client_for("koordinator").get("/opd/dinkes/?period=2024-Q1").status_code == 200
    assert client_for("admin_dinkes").get("/opd/dinkes/?period=2024-Q1").status_code == 200
    assert client_for("admin_pupr").get("/opd/dinkes/?period=2024-Q1").status_code == 404
    assert client_for("anon").get("/opd/dinkes/?period=2024-Q1").status_code == 302


def test_the_cached_report_list_shows_an_edit_and_keeps_each_users_scope(client_for, dinkes, pupr):
    report = make_complaint(dinkes, title="Jalan rusak di Ciruas")
    make_complaint(pupr, title="Jembatan putus di Cikande")
    koordinator = client_for("koordinator").get("/pengaduan/").content.decode()
    assert "Jalan rusak di Ciruas" in koordinator and "Jembatan putus di Cikande" in koordinator
    admin = client_for("admin_dinkes").get("/pengaduan/").content.decode()
    assert "Jalan rusak di Ciruas" in admin and "Jembatan putus di Cikande" not in admin

    report.title = "Jalan rusak di Kragilan"
    report.save(update_fields=["title"])
    admin = client_for("admin_dinkes").get("/pengaduan/").content.decode()
    assert "Jalan rusak di Kragilan" in admin and "Ciruas" not in admin


def test_a_part_another_process_is_building_is_waited_for_not_built_again(personas, monkeypatch):
    from django.core.cache import cache

    from pantau.web import pagecache

    user = personas["koordinator"]
    key = pagecache.key("test-part", user, 1)
    cache.add(f"{key}:building", 1, 60)  # "another process" holds the part
    monkeypatch.setattr(pagecache.time, "sleep", lambda s: cache.set(key, "built elsewhere"))
    assert pagecache.cached("test-part", user, (1,), lambda: "built here") == "built elsewhere"


def test_a_part_whose_builder_never_finishes_is_built_after_the_wait(personas, monkeypatch):
    from django.core.cache import cache

    from pantau.web import pagecache

    user = personas["koordinator"]
    cache.add(f"{pagecache.key('test-part', user, 2)}:building", 1, 60)
    monkeypatch.setattr(pagecache, "WAIT_SECONDS", 0.2)
    monkeypatch.setattr(pagecache, "POLL_SECONDS", 0.01)
    assert pagecache.cached("test-part", user, (2,), lambda: "built here") == "built here"
    assert pagecache.cached("test-part", user, (2,), lambda: "built again") == "built here"


def test_a_changed_ranking_minimum_is_not_served_from_the_cache(client_for, computed, settings):
    client = client_for("koordinator")
    assert "Tidak diperingkat" in client.get("/opd/dinkes/?period=2024-Q1").content.decode()  # 3 reports < 10
    settings.PANTAU_RANKING_MIN_REPORTS = 2
    assert "Peringkat 1 di antara" in client.get("/opd/dinkes/?period=2024-Q1").content.decode()
