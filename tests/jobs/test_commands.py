"""pantau check-deploy, serve, backup, restore, run-job."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from pantau.jobs.models import JobRun

SAFE = dict(DEBUG=False, SECRET_KEY_FROM_ENVIRONMENT=True, SECURE_HTTPS=True, ALLOWED_HOSTS=["pantau.bantenprov.go.id"],
            SITE_URL="https://pantau.bantenprov.go.id", SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True,
            SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000)


def check_deploy_json():
    out = StringIO()
    try:
        call_command("check_deploy", "--json", stdout=out, stderr=StringIO())
        code = 0
    except CommandError as exc:
        code = exc.returncode
    return code, json.loads(out.getvalue())


def failed_ids(report):
    return {f["id"] for f in report["findings"] if f["level"] == "error"}


def test_check_deploy_fails_on_a_laptop_setup_and_names_each_problem_in_indonesian(db, settings):
    settings.DEBUG = True
    code, report = check_deploy_json()
    assert code == 1 and report["ok"] is False
    assert {"pantau.debug", "pantau.https", "pantau.allowed_hosts", "pantau.site_url"} <= failed_ids(report)
    messages = " ".join(f["message"] for f in report["findings"])
    assert "DEBUG menyala" in messages


def test_check_deploy_passes_a_production_setup_with_a_warning_for_sqlite(db, settings):
    for k, v in SAFE.items():
        setattr(settings, k, v)
    code, report = check_deploy_json()
    assert code == 0 and report["ok"] is True, report
    warnings = {f["id"] for f in report["findings"] if f["level"] == "warning"}
    if connection.vendor == "sqlite":
        assert "pantau.database" in warnings


def test_check_deploy_finds_demo_accounts_still_on_the_demo_password(db, settings):
    for k, v in SAFE.items():
        setattr(settings, k, v)
    User = get_user_model()
    User.objects.create_user("admin-dinkes", password=settings.PANTAU_DEMO_PASSWORD)
    User.objects.create_user("koordinator", password="sandi-yang-sudah-diganti-2024")
    code, report = check_deploy_json()
    assert code == 1 and failed_ids(report) == {"pantau.demo_users"}
    assert "admin-dinkes" in json.dumps(report) and "koordinator" not in json.dumps(report)


def test_serve_refuses_debug_and_demo_accounts_unless_allowed(db, settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("serve", "--dry-run", stdout=StringIO(), stderr=StringIO())
    settings.DEBUG = False
    get_user_model().objects.create_user("pimpinan", password=settings.PANTAU_DEMO_PASSWORD)
    with pytest.raises(CommandError, match="pimpinan"):
        call_command("serve", "--dry-run", stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("serve", "--dry-run", "--allow-demo", "--bind", "0.0.0.0:9000", "--workers", "5",
                 stdout=out, stderr=StringIO())
    assert "gunicorn pantau.wsgi:application --bind 0.0.0.0:9000 --workers 5" in out.getvalue()


def test_serve_collects_static_files_when_they_are_missing(db, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    call_command("serve", "--dry-run", stdout=StringIO(), stderr=StringIO())
    assert (tmp_path / "static" / "pantau" / "pantau.css").is_file()


def test_run_job_runs_a_job_now_and_prints_json(db):
    out = StringIO()
    call_command("run_job", "prune_runs", "--json", stdout=out)
    assert json.loads(out.getvalue())["outcome"] == "ok"
    assert JobRun.objects.get(name="prune_runs").slot.startswith("manual ")


def test_the_worker_command_starts_huey_with_periodic_jobs(db, monkeypatch):
    from pantau.jobs.management.commands import worker

    seen = {}
    monkeypatch.setattr(worker, "call_command", lambda name, **kw: seen.update(name=name, **kw))
    call_command("worker", "--workers", "4", stderr=StringIO())
    assert seen == {"name": "run_huey", "workers": 4, "worker_type": "thread", "periodic": True,
                    "check_worker_health": True}


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_holds_data(tmp_path, personas):
    path = tmp_path / "cadangan.bak"
    call_command("backup", "--out", str(path), stderr=StringIO())
    assert path.stat().st_size > 0
    with pytest.raises(CommandError, match="sudah berisi data"):
        call_command("restore", str(path), stderr=StringIO())
    with pytest.raises(CommandError, match="tidak ada berkas|no such file"):
        call_command("restore", str(tmp_path / "tidak-ada.bak"), "--force", stderr=StringIO())
