from datetime import datetime, timedelta

import pytest
import time_machine

from pantau.jobs import registry
from pantau.jobs.actions import queue_mail
from pantau.jobs.models import JobRun, Notification
from pantau.jobs.registry import run_named
from pantau.jobs.runs import Job, run_job
from pantau.lib.periods import WIB

from .conftest import FRIDAY_8


def test_a_run_slightly_late_still_belongs_to_its_own_slot():
    job = Job("x", "x", "x", lambda now: "", slot_minutes=5)
    assert job.slot(datetime(2024, 5, 17, 8, 0, 40, tzinfo=WIB)) == "2024-05-17T08:00"
    assert job.slot(datetime(2024, 5, 17, 8, 4, 50, tzinfo=WIB)) == "2024-05-17T08:05"
    assert Job("d", "d", "d", lambda now: "").slot(datetime(2024, 5, 16, 17, 30, tzinfo=WIB)) == "2024-05-16"


def test_a_job_runs_once_per_slot_and_records_its_duration_and_outcome(db):
    calls = []
    job = Job("count", "count", "x", lambda now: calls.append(now) or "counted", slot_minutes=5)
    with time_machine.travel(FRIDAY_8, tick=False):
        first = run_job(job)
        assert run_job(job) is None  # second worker: same slot, nothing to do
    assert len(calls) == 1
    first.refresh_from_db()
    assert (first.outcome, first.detail, first.attempts) == ("ok", "counted", 1)
    assert first.finished_at is not None and first.duration_ms is not None


def test_a_failed_run_is_recorded_and_tried_again_until_the_attempts_run_out(db, settings):
    settings.PANTAU_JOB_MAX_ATTEMPTS = 3
    calls = []

    def flaky(now):
        calls.append(now)
        raise ConnectionError("sumber tidak menjawab")

    job = Job("flaky", "flaky", "x", flaky)
    with time_machine.travel(FRIDAY_8, tick=False):
        for _ in range(5):
            run_job(job)
    run = JobRun.objects.get(name="flaky")
    assert len(calls) == 3 and run.attempts == 3
    assert run.outcome == "error" and "sumber tidak menjawab" in run.error


def test_a_job_whose_worker_died_is_taken_over_after_its_lease(db):
    calls = []
    job = Job("slow", "slow", "x", lambda now: calls.append(now), lease=timedelta(minutes=30))
    JobRun.objects.create(name="slow", slot="2024-05-17", started_at=FRIDAY_8, outcome="running", worker="dead:1")
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=10), tick=False):
        assert run_job(job) is None  # may still be running elsewhere
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=31), tick=False):
        run = run_job(job)
    run.refresh_from_db()
    assert len(calls) == 1 and run.outcome == "ok" and run.attempts == 2


def test_reminders_killed_midway_then_run_again_queue_every_mail_exactly_once(mailable, may_reports, monkeypatch):
    from pantau.jobs import reminders

    real = reminders.queue_escalations

    def dies(now, cal):
        raise SystemExit("worker killed")  # after the digests were queued, before escalations

    monkeypatch.setattr(reminders, "queue_escalations", dies)
    with time_machine.travel(FRIDAY_8, tick=False), pytest.raises(SystemExit):
        run_named("reminders")
    assert Notification.objects.filter(kind="digest").count() == 1
    assert JobRun.objects.get(name="reminders").outcome == "running"  # the worker never finished it

    monkeypatch.setattr(reminders, "queue_escalations", real)
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=31), tick=False):
        run = run_named("reminders")
    run.refresh_from_db()
    assert run.outcome == "ok" and run.attempts == 2
    assert Notification.objects.filter(kind="digest").count() == 1
    assert Notification.objects.filter(kind="escalation").count() == 2
    assert Notification.objects.filter(kind="weekly").count() == 1


def test_a_job_driving_a_missing_command_is_recorded_as_skipped(db, monkeypatch):
    monkeypatch.setattr(registry, "get_commands", lambda: {})
    with time_machine.travel(FRIDAY_8, tick=False):
        run = run_named("fetch_sources")
    run.refresh_from_db()
    assert run.outcome == "skipped" and "not available" in run.detail


def test_the_periodic_fetch_calls_the_opinion_fetch_command_with_due_when_it_offers_it(db, monkeypatch):
    seen = {}

    class FakeParser:
        _actions = [type("A", (), {"dest": "due"})()]

    class FakeCommand:
        def create_parser(self, *a):
            return FakeParser()

    monkeypatch.setattr(registry, "get_commands", lambda: {"fetch": "pantau.opinion"})
    monkeypatch.setattr(registry, "load_command_class", lambda app, name: FakeCommand())
    monkeypatch.setattr(registry, "call_command", lambda name, **kw: seen.update(name=name, **kw))
    with time_machine.travel(FRIDAY_8, tick=False):
        run_named("fetch_sources")
    assert seen["name"] == "fetch" and seen["due"] is True


def test_scorecards_are_recomputed_after_an_import_and_not_again_without_one(db, monkeypatch):
    from pantau.complaints.models import ImportBatch

    calls = []
    monkeypatch.setattr(registry, "call_if_present", lambda name, **kw: calls.append(name) or "ok")
    with time_machine.travel(FRIDAY_8, tick=False):
        assert run_named("scorecards_after_import") is None  # no import yet
        ImportBatch.objects.create(file_name="lapor.xlsx", sha256="0" * 64, outcome="committed",
                                   finished_at=FRIDAY_8 - timedelta(minutes=1))
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=5), tick=False):
        assert run_named("scorecards_after_import") is not None
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=10), tick=False):
        assert run_named("scorecards_after_import") is None  # nothing imported since
    assert calls == ["compute_scorecards"]


def test_the_nightly_deadline_job_turns_open_deadlines_overdue(db, dinkes):
    from pantau.complaints.models import Complaint
    from pantau.complaints.sla import recompute_deadlines

    from .conftest import report

    c = report("2001", dinkes, datetime(2024, 5, 13))
    recompute_deadlines(now=FRIDAY_8)
    assert Complaint.objects.get(id=c.id).follow_up_state == "open"
    with time_machine.travel(datetime(2024, 5, 21, 0, 5, tzinfo=WIB), tick=False):
        run = run_named("recompute_deadlines")
    run.refresh_from_db()
    assert run.outcome == "ok" and run.slot == "2024-05-21"
    assert Complaint.objects.get(id=c.id).follow_up_state == "overdue"


def test_every_periodic_job_runs_against_the_installed_apps(mailable, may_reports, settings):
    from pantau.complaints.models import ImportBatch
    from pantau.jobs.registry import JOBS

    ImportBatch.objects.create(file_name="lapor.xlsx", sha256="1" * 64, outcome="committed",
                               finished_at=FRIDAY_8 - timedelta(minutes=1))
    queue_mail("x@bantenprov.go.id", "digest", "k", "s", "t", now=FRIDAY_8)
    outcomes = {}
    with time_machine.travel(FRIDAY_8 + timedelta(minutes=1), tick=False):
        for name in JOBS:
            run = run_named(name)
            run.refresh_from_db()
            outcomes[name] = (run.outcome, run.error.strip().splitlines()[-1:] if run.error else "")
    assert {n: o for n, (o, _) in outcomes.items()} == {n: "ok" for n in JOBS}, outcomes
