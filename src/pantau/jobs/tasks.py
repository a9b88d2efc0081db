"""huey tasks: the periodic schedule (found by djhuey's autodiscovery of `tasks` modules).

huey evaluates crontabs in UTC here (HUEY["utc"]); WIB is UTC+7 all year, so hourly and
minute schedules mean the same in both. Which slot a run belongs to, and whether it is due in
WIB terms (the reminder hour), is decided in registry/runs, not here.
"""

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from .dbretry import DatabaseUnavailable
from .registry import run_named

log = logging.getLogger("pantau.jobs")


def _run(name: str) -> None:
    try:
        run_named(name)
    except DatabaseUnavailable as exc:
        # Logged with backoff already; the next scheduled tick tries again. No crash, no loop.
        log.error("Job %s not run: %s; it will run at its next slot", name, exc)


@db_periodic_task(crontab(minute="*/5"))
def fetch_sources():
    _run("fetch_sources")


@db_periodic_task(crontab(minute="*/5"))
def scorecards_after_import():
    _run("scorecards_after_import")


@db_periodic_task(crontab(minute="10"))
def scorecards_nightly():
    _run("scorecards_nightly")


@db_periodic_task(crontab(minute="5"))
def recompute_deadlines():
    _run("recompute_deadlines")


@db_periodic_task(crontab(minute="*/15"))
def check_spikes():
    _run("check_spikes")


@db_periodic_task(crontab(minute="0,30"))
def reminders():
    _run("reminders")


@db_periodic_task(crontab(minute="*"))
def deliver_mail():
    _run("deliver_mail")


@db_periodic_task(crontab(minute="20"))
def opinion_digest_daily():
    _run("opinion_digest_daily")


@db_periodic_task(crontab(minute="25"))
def opinion_digest_weekly():
    _run("opinion_digest_weekly")


@db_periodic_task(crontab(minute="40"))
def prune_runs():
    _run("prune_runs")


@db_periodic_task(crontab(minute="*/5"))
def learn_suggestions():
    _run("learn_suggestions")


@db_task()
def run_job_now(name: str):
    """Queue a job from the web or the command line, outside its schedule."""
    _run(name)
