"""`pantau demo`: prepares an empty database (migrate, seed, users) and runs server + worker."""

import os
import sqlite3
import subprocess
import sys
import time
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from pantau.complaints.models import Complaint
from pantau.demo.processes import supervise


def test_it_refuses_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="PANTAU_DEMO=True") as error:
        call_command("demo", "--no-serve", stdout=StringIO(), stderr=StringIO())
    assert error.value.returncode == 1
    assert not get_user_model().objects.exists()


@pytest.mark.slow
def test_no_serve_on_a_fresh_data_folder_migrates_seeds_and_prints_the_logins(tmp_path):
    """What `make demo` does, in a separate process on a brand-new SQLite database (the opinion demo's
    50,000 mentions are that app's to test)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(PANTAU_DEMO="True", PANTAU_DATA_DIR=str(tmp_path), PANTAU_DEMO_PASSWORD="demo-rahasia",
               PYTHONPATH=os.pathsep.join(sys.path))
    done = subprocess.run([sys.executable, "-m", "pantau", "demo", "--no-serve", "--no-opinion", "--port", "8123"], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "http://127.0.0.1:8123/" in done.stdout and "demo-rahasia" in done.stdout
    for name in ("koordinator", "analis", "pimpinan", "admin-dinkes", "admin-samsat-serang"):
        assert name in done.stdout
    with sqlite3.connect(tmp_path / "pantau.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM complaints_complaint").fetchone()[0] == 8000
        assert db.execute("SELECT count(*) FROM auth_user WHERE username LIKE 'admin-%'").fetchone()[0] == 46
        assert db.execute("SELECT count(*) FROM django_migrations").fetchone()[0] > 10


def test_no_serve_creates_the_demo_users_and_prints_the_logins(db, settings):
    settings.DEMO_MODE = True
    settings.PANTAU_DEMO_PASSWORD = "demo-rahasia"
    call_command("seed_demo", "--reports", "30", "--no-users", "--no-opinion", stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("demo", "--no-serve", "--port", "8123", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "http://127.0.0.1:8123/masuk/" in text and "demo-rahasia" in text
    assert "Masuk di http://127.0.0.1:8123/masuk/ dengan kata sandi: demo-rahasia" in text
    for name in ("koordinator", "analis", "pimpinan", "admin-dinkes", "admin-samsat-serang"):
        assert name in text
        assert get_user_model().objects.filter(username=name).exists()


def test_a_second_start_keeps_the_existing_reports(db, settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", "--reports", "30", "--no-users", "--no-opinion", stdout=StringIO(), stderr=StringIO())
    err = StringIO()
    call_command("demo", "--no-serve", stdout=StringIO(), stderr=err)
    assert Complaint.objects.count() == 30
    assert "Basis data sudah berisi laporan: data demo tidak dimuat." in err.getvalue()  # Indonesian by default


def test_when_one_process_dies_the_other_is_stopped_too(tmp_path):
    pid_file = tmp_path / "sleeper.pid"
    sleeper = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    started = time.monotonic()
    code = supervise({"sleeper": [sys.executable, "-c", sleeper],
                      "crasher": [sys.executable, "-c", "import sys, time; time.sleep(1); sys.exit(3)"]},
                     log=lambda msg: None)
    assert code == 3
    assert time.monotonic() - started < 8  # terminated, not waited out
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)
