"""`pantau demo`: prepares an empty database (migrate, seed, users) and runs server + worker."""

import os
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


def test_no_serve_on_an_empty_database_seeds_creates_users_and_prints_the_logins(db, settings):
    settings.DEMO_MODE = True
    settings.PANTAU_DEMO_PASSWORD = "demo-rahasia"
    out = StringIO()
    call_command("demo", "--no-serve", "--port", "8123", stdout=out, stderr=StringIO())
    assert Complaint.objects.count() == 8000
    text = out.getvalue()
    assert "http://127.0.0.1:8123/" in text and "demo-rahasia" in text
    for name in ("koordinator", "analis", "pimpinan", "admin-dinkes", "admin-samsat-serang"):
        assert name in text
        assert get_user_model().objects.filter(username=name).exists()


def test_a_second_start_keeps_the_existing_reports(db, settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", "--reports", "30", "--no-users", "--no-opinion", stdout=StringIO(), stderr=StringIO())
    err = StringIO()
    call_command("demo", "--no-serve", stdout=StringIO(), stderr=err)
    assert Complaint.objects.count() == 30
    assert "already holds reports" in err.getvalue()


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
