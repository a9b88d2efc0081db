"""The periodic jobs and what each one drives. Other apps' work is reached through their management
commands (call_command) or public functions, so a missing piece is recorded as "skipped", not a crash.

| job                     | when (huey crontab, UTC)         | calls                                          |
|-------------------------|----------------------------------|------------------------------------------------|
| fetch_sources           | every 5 min                      | `fetch` command (opinion), `--due` if offered  |
| scorecards_after_import | every 5 min, only after an import| `compute_scorecards` command (scorecards)      |
| scorecards_nightly      | hourly, once per WIB day         | `compute_scorecards` command                   |
| recompute_deadlines     | hourly, once per WIB day         | pantau.complaints.sla.recompute_deadlines()    |
| check_spikes            | every 15 min                     | `check_spikes` command (opinion alerts)        |
| reminders               | hourly from PANTAU_REMINDER_HOUR | jobs.reminders.queue_reminders()               |
| deliver_mail            | every minute, when mail is due   | jobs.actions.deliver_due()                     |
| opinion_digest_daily    | hourly from the reminder hour, once per WIB day | `send_digests --kind daily` (alerts)  |
| opinion_digest_weekly   | hourly from the reminder hour, once per WIB day | `send_digests --kind weekly`: the      |
|                         |                                  | command itself sends once per 7 days           |
| prune_runs              | hourly, once per WIB day         | deletes job runs older than 90 days            |
| learn_suggestions       | every 5 min, at most hourly, when reports changed | complaints.suggest.refresh()  |
"""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO

from django.core.management import call_command, get_commands, load_command_class
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import actions, reminders
from .models import JobRun, Notification
from .runs import Job, JobSkipped

RUN_RETENTION = timedelta(days=90)


def call_if_present(command: str, **wanted) -> str:
    """Run a management command with those of `wanted` options it accepts; its output, trimmed.
    Raises JobSkipped when no app provides the command."""
    app = get_commands().get(command)
    if app is None:
        raise JobSkipped(f"not available: no `{command}` command is installed")
    parser = load_command_class(app, command).create_parser("pantau", command)
    known = {a.dest for a in parser._actions}
    out, err = StringIO(), StringIO()
    call_command(command, stdout=out, stderr=err, **{k: v for k, v in wanted.items() if k in known})
    return (out.getvalue() + err.getvalue()).strip()[-2000:]


def fetch_sources(now: datetime) -> str:
    # Without --source/--all the opinion app's `fetch` takes only the sources whose interval passed.
    return call_if_present("fetch", due=True)


def opinion_digest(kind: str):
    return lambda now: call_if_present("send_digests", kind=kind)


def compute_scorecards(now: datetime) -> str:
    return call_if_present("compute_scorecards")


def recompute_deadlines(now: datetime) -> str:
    from pantau.complaints.sla import recompute_deadlines as recompute

    return f"{recompute(now=now)} reports changed"


def check_spikes(now: datetime) -> str:
    return call_if_present("check_spikes")


def learn_suggestions(now: datetime) -> str:
    from pantau.complaints.suggest import refresh

    suggester = refresh()
    return f"learned from {suggester.n_examples} reports" if suggester else "too few dispositions to learn from"


def suggestions_stale(now: datetime) -> bool:
    from pantau.complaints.suggest import is_stale

    return is_stale()


def prune_runs(now: datetime) -> str:
    deleted, _ = JobRun.objects.filter(started_at__lt=now - RUN_RETENTION).delete()
    return f"{deleted} old runs deleted"


def import_since_last_scorecards(now: datetime) -> bool:
    """True when a LAPOR! import was committed after the last scorecard computation started."""
    from pantau.complaints.models import ImportBatch

    last = (JobRun.objects.filter(name__in=["scorecards_after_import", "scorecards_nightly"],
                                  outcome__in=[JobRun.Outcome.OK, JobRun.Outcome.RUNNING])
            .order_by("-started_at").values_list("started_at", flat=True).first())
    batches = ImportBatch.objects.filter(outcome=ImportBatch.Outcome.COMMITTED)
    if last is not None:
        batches = batches.filter(finished_at__gt=last)
    return batches.exists()


def mail_is_due(now: datetime) -> bool:
    return Notification.objects.filter(
        Q(state=Notification.State.QUEUED, next_attempt_at__lte=now)
        | Q(state=Notification.State.SENDING, claimed_at__lt=now - actions.SENDING_LEASE)
    ).exists()


JOBS: dict[str, Job] = {job.name: job for job in [
    Job("fetch_sources", _("Fetch opinion sources"), _("every 5 minutes"), fetch_sources, slot_minutes=5),
    Job("scorecards_after_import", _("Scorecards after an import"), _("every 5 minutes after an import"),
        compute_scorecards, slot_minutes=5, due=import_since_last_scorecards),
    Job("scorecards_nightly", _("Scorecards, nightly"), _("once a day after midnight"), compute_scorecards,
        lease=timedelta(hours=2)),
    Job("recompute_deadlines", _("Deadline states, nightly"), _("once a day after midnight"),
        recompute_deadlines, lease=timedelta(hours=2)),
    Job("check_spikes", _("Check for spikes"), _("every 15 minutes"), check_spikes, slot_minutes=15),
    Job("reminders", _("Reminder digests and escalations"), _("working days from the reminder hour"),
        reminders.queue_reminders, due=reminders.reminder_hour_reached),
    Job("deliver_mail", _("Send queued e-mail"), _("every minute when mail is waiting"),
        lambda now: actions.deliver_due(now).summary(), slot_minutes=1,
        lease=timedelta(minutes=10), due=mail_is_due),
    Job("opinion_digest_daily", _("Daily opinion digest"), _("working hours, once a day"),
        opinion_digest("daily"), due=reminders.reminder_hour_reached),
    Job("opinion_digest_weekly", _("Weekly opinion digest"), _("once a week"),
        opinion_digest("weekly"), due=reminders.reminder_hour_reached),
    Job("prune_runs", _("Remove old job records"), _("once a day"), prune_runs),
    Job("learn_suggestions", _("Learn agency suggestions"), _("at most hourly, when reports changed"),
        learn_suggestions, slot_minutes=60, lease=timedelta(hours=1), due=suggestions_stale),
]}


def run_named(name: str, now: datetime | None = None, slot: str | None = None):
    """Run the job called `name` for its current slot (or the given one); the JobRun or None."""
    from .runs import run_job

    return run_job(JOBS[name], now or timezone.now(), slot)
