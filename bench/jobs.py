"""Benchmark of the reminders job and the outbox at a province's scale. Not a test.

    PYTHONPATH=src nice -n 10 /work/main/.venv/bin/python bench/jobs.py --reports 100000 [--database-url URL]

Builds a fresh database (SQLite in a temporary folder unless --database-url) with 45 agencies, one admin
each and N open reports disposed over the last 90 days, then times:
  baseline      the nightly recompute_deadlines() over every report (the job the reminders depend on)
  reminders     queue_reminders(): 45 digests, escalations and the weekly summary, rendered in Indonesian
  claim+send    deliver_due() of every queued mail through the locmem backend (one claim per mail)
  plain send    the same messages sent in one send_messages() call without claims (the floor)
  empty job     run_job() of a job that does nothing: the price of the once-per-slot claim
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta


def setup(database_url: str | None) -> None:
    os.environ["PANTAU_DATA_DIR"] = tempfile.mkdtemp(prefix="pantau-bench-jobs-")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if database_url:
        call_command("flush", interactive=False, verbosity=0) if _has_tables() else None
    call_command("migrate", verbosity=0)


def _has_tables() -> bool:
    from django.db import connection

    return "jobs_jobrun" in connection.introspection.table_names()


def seed(reports: int, now: datetime) -> None:
    from django.contrib.auth import get_user_model

    from pantau.agencies import roles
    from pantau.agencies.models import Agency
    from pantau.complaints.models import Complaint, Status

    groups = roles.ensure_groups()
    rng = random.Random(7)
    agencies = [Agency.objects.create(name=f"Dinas Uji {i}", slug=f"uji-{i}", head_email=f"kadis{i}@banten.go.id")
                for i in range(45)]
    for a in agencies:
        u = get_user_model().objects.create_user(f"admin-{a.slug}", email=f"admin@{a.slug}.go.id")
        u.groups.add(groups[roles.ADMIN_OPD])
        a.admins.add(u)
    k = get_user_model().objects.create_user("koord", email="koordinator@banten.go.id")
    k.groups.add(groups[roles.KOORDINATOR])
    batch = []
    for i in range(reports):
        at = now - timedelta(days=rng.uniform(0, 90))
        batch.append(Complaint(tracking_id=str(100000 + i), title=f"Laporan {i}", agency=rng.choice(agencies),
                               received_at=at, verified_at=at, disposed_at=at, status=Status.DISPOSED))
        if len(batch) == 5000:
            Complaint.objects.bulk_create(batch)
            batch = []
    Complaint.objects.bulk_create(batch)


def timed(label: str, fn, results: list):
    started = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - started
    results.append((label, seconds, value))
    print(f"{label:<12} {seconds:8.3f} s  {value}", file=sys.stderr)
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=20000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    setup(args.database_url)
    import time_machine
    from django.core import mail
    from django.core.mail import get_connection

    from pantau.complaints.sla import recompute_deadlines
    from pantau.jobs.actions import deliver_due
    from pantau.jobs.models import Notification
    from pantau.jobs.reminders import queue_reminders
    from pantau.jobs.runs import Job, run_job
    from pantau.lib.periods import WIB

    now = datetime(2024, 5, 17, 8, 0, tzinfo=WIB)
    results: list = []
    with time_machine.travel(now, tick=True):
        timed("seed", lambda: seed(args.reports, now), [])
        timed("baseline", lambda: recompute_deadlines(now=now), results)
        timed("reminders", lambda: queue_reminders(now), results)
        messages = [(n.subject, n.body_text, n.recipient) for n in Notification.objects.all()]
        timed("claim+send", lambda: deliver_due(now + timedelta(minutes=1), limit=10**6).summary(), results)
        mail.outbox = []

        def plain():
            from django.core.mail import EmailMessage

            conn = get_connection()
            return conn.send_messages([EmailMessage(s, b, "pantau@localhost", [r]) for s, b, r in messages])

        timed("plain send", plain, results)
        empty = Job("bench_empty", "x", "x", lambda now: "", slot_minutes=1)
        timed("empty job", lambda: run_job(empty, now), results)
    from django.db import connection

    print(f"| {args.reports} reports, {connection.vendor} | "
          + " | ".join(f"{label} {seconds:.3f} s" for label, seconds, _ in results) + " |")


if __name__ == "__main__":
    main()
