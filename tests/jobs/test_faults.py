"""Faults: SMTP down, the database locked or unreachable, a job failing half-way."""

import logging
import sqlite3
import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.db import OperationalError, connections

from pantau.jobs import tasks
from pantau.jobs.actions import deliver_due, queue_mail
from pantau.jobs.dbretry import DatabaseUnavailable, with_db_retry
from pantau.jobs.models import JobRun, Notification
from pantau.jobs.registry import run_named

from .conftest import FRIDAY_8
from .smtp_sink import SmtpSink


@pytest.fixture
def smtp(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_TIMEOUT = "127.0.0.1", 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    servers = []

    def start(refuse=False):
        server = SmtpSink(refuse=refuse)
        settings.EMAIL_PORT = server.port
        servers.append(server)
        return server

    yield start
    for s in servers:
        s.close()


def test_mail_waits_while_smtp_is_down_and_leaves_once_it_is_back(db, smtp):
    queue_mail("admin@dinkes.bantenprov.go.id", "digest", "2024-05-17", "Pengingat", "Isi pengingat",
               "<p>Isi</p>", now=FRIDAY_8)
    queue_mail("admin@dpupr.bantenprov.go.id", "digest", "2024-05-17", "Pengingat", "Isi", now=FRIDAY_8)
    first, second = Notification.objects.order_by("id")
    refusing = smtp(refuse=True)
    with time_machine.travel(FRIDAY_8, tick=False):
        result = deliver_due()
    assert result.sent == 0 and result.failed == 1
    first.refresh_from_db()
    assert first.state == "queued" and first.attempts == 1
    assert first.next_attempt_at == FRIDAY_8 + timedelta(minutes=1)
    assert "SMTPServerDisconnected" in first.last_error
    assert Notification.objects.get(id=second.id).attempts == 0  # the batch stopped: server is down
    Notification.objects.filter(id=second.id).update(next_attempt_at=FRIDAY_8 + timedelta(hours=1))
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=1), tick=False):
        deliver_due()  # still down: the wait doubles
    first.refresh_from_db()
    assert first.attempts == 2 and first.next_attempt_at == FRIDAY_8 + timedelta(minutes=3)
    refusing.close()

    working = smtp()
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=2), tick=False):
        assert deliver_due().sent == 0  # not yet its time
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=3), tick=False):
        assert deliver_due().sent == 1
    with time_machine.travel(FRIDAY_8 + timedelta(hours=1), tick=False):
        assert deliver_due().sent == 1
    assert [e["to"][0] for e in working.received] == ["admin@dinkes.bantenprov.go.id",
                                                      "admin@dpupr.bantenprov.go.id"]
    assert b"Isi pengingat" in working.received[0]["data"] and b"text/html" in working.received[0]["data"]
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


def test_the_deliver_job_records_an_smtp_failure_and_keeps_the_mail(db, smtp):
    queue_mail("admin@dinkes.bantenprov.go.id", "digest", "2024-05-17", "Pengingat", "Isi", now=FRIDAY_8)
    smtp(refuse=True)
    with time_machine.travel(FRIDAY_8, tick=False):
        run = run_named("deliver_mail")
    run.refresh_from_db()
    assert run.outcome == "ok" and "1 failed" in run.detail and "SMTPServerDisconnected" in run.detail
    assert Notification.objects.get().state == "queued"


def test_a_mail_that_keeps_failing_is_given_up_but_kept_visible(db, smtp, settings):
    settings.PANTAU_MAIL_MAX_ATTEMPTS = 2
    queue_mail("x@bantenprov.go.id", "digest", "k", "s", "t", now=FRIDAY_8)
    smtp(refuse=True)
    for minutes in (0, 5):
        with time_machine.travel(FRIDAY_8 + timedelta(minutes=minutes), tick=False):
            deliver_due()
    n = Notification.objects.get()
    assert n.state == "failed" and n.attempts == 2 and n.last_error


def test_a_mail_left_sending_by_a_dead_worker_is_sent_later(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core import mail

    queue_mail("x@bantenprov.go.id", "digest", "k", "s", "t", now=FRIDAY_8)
    Notification.objects.update(state="sending", claimed_at=FRIDAY_8, attempts=1)
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=5), tick=False):
        assert deliver_due().sent == 0
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=11), tick=False):
        assert deliver_due().sent == 1
    assert len(mail.outbox) == 1 and Notification.objects.get().attempts == 2


@pytest.fixture
def locked_file_db(tmp_path, django_db_blocker):
    """A second database alias on a SQLite file with a short busy timeout, holding a job table."""
    from pantau.jobs.models import JobRun

    path = tmp_path / "locked.sqlite3"
    alias = "lockable"
    connections.settings[alias] = connections.configure_settings({
        "default": dict(connections.settings["default"]),
        alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": {"timeout": 0.05}},
    })[alias]
    with django_db_blocker.unblock():
        with connections[alias].schema_editor() as editor:
            editor.create_model(JobRun)
        yield alias, path
        connections[alias].close()
    del connections.settings[alias]
    if hasattr(connections._connections, alias):
        delattr(connections._connections, alias)


def test_a_database_locked_for_a_moment_is_waited_for_with_a_clear_log_line(locked_file_db, caplog):
    alias, path = locked_file_db
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    threading.Timer(0.6, lambda: holder.execute("COMMIT")).start()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="pantau.jobs"):
        run = with_db_retry(lambda: JobRun.objects.using(alias).create(name="x", slot="s", started_at=FRIDAY_8),
                            "recording a run", attempts=6, base=0.1)
    assert run.pk is not None and time.monotonic() - started >= 0.5
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings and "Database unavailable while recording a run: database is locked; retry 1/5" in warnings[0]
    holder.close()


def test_a_database_that_stays_unreachable_gives_up_with_a_log_line_and_no_crash(db, monkeypatch, caplog):
    waits = []

    def unreachable():
        raise OperationalError("could not connect to server: Connection refused")

    with pytest.raises(DatabaseUnavailable):
        with_db_retry(unreachable, "claiming job x", attempts=4, base=1, sleep=waits.append)
    assert waits == [1, 2, 4]
    assert "gave up after 4 attempts" in caplog.text

    # The worker's task wrapper logs and returns: huey's consumer keeps running, the next tick retries.
    def down(name, now=None, slot=None):
        raise DatabaseUnavailable("claiming job reminders: connection refused")

    monkeypatch.setattr(tasks, "run_named", down)
    tasks._run("reminders")
    assert "will run at its next slot" in caplog.text
    assert not JobRun.objects.exists()


def test_the_worker_waits_for_a_database_that_cannot_be_reached_and_says_so(django_db_blocker, caplog, tmp_path):
    from pantau.jobs.dbretry import wait_for_database

    alias = "nowhere"
    connections.settings[alias] = connections.configure_settings({
        "default": dict(connections.settings["default"]),
        alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "missing" / "db.sqlite3")},
    })[alias]
    waits = []
    try:
        with django_db_blocker.unblock(), pytest.raises(DatabaseUnavailable):
            wait_for_database(alias, sleep=waits.append, max_wait=10)
    finally:
        connections[alias].close()
        del connections.settings[alias]
        if hasattr(connections._connections, alias):
            delattr(connections._connections, alias)
    assert waits == [1.0, 2.0, 4.0, 8.0]  # backoff, not a tight loop
    assert "Database nowhere not reachable yet (unable to open database file); waiting 1 s" in caplog.text
