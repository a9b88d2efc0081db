"""Running a job once per scheduled slot, however many workers were told to run it.

Every worker's huey scheduler enqueues every periodic job. The first worker to insert the
JobRun row (unique on name + slot) runs the job; the others get an IntegrityError and skip. A run
that failed, or whose worker died (still "running" after its lease), may be claimed again by a
conditional UPDATE whose row count says who won.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from pantau.lib.periods import WIB

from .dbretry import with_db_retry
from .models import JobRun

log = logging.getLogger("pantau.jobs")


class JobSkipped(Exception):
    """Raised by a job that had nothing it could do (e.g. the piece it drives is not installed)."""


@dataclass
class Job:
    """A periodic job: its body takes `now` and returns a short detail text."""

    name: str
    label: str
    schedule: str
    body: object
    slot_minutes: int | None = None  # None: one slot per WIB day
    lease: timedelta = timedelta(minutes=30)
    due: object = None  # optional callable(now) -> bool: False means "not yet", no row written
    extra: dict = field(default_factory=dict)

    def slot(self, now: datetime) -> str:
        """The slot a run at `now` belongs to: the nearest multiple of slot_minutes (so a run a
        little late still counts for its own slot), or the WIB date for daily jobs."""
        local = now.astimezone(WIB)
        if self.slot_minutes is None:
            return local.date().isoformat()
        step = self.slot_minutes * 60
        start_of_day = local.replace(hour=0, minute=0, second=0, microsecond=0)
        seconds = (local - start_of_day).total_seconds()
        nearest = start_of_day + timedelta(seconds=round(seconds / step) * step)
        return nearest.strftime("%Y-%m-%dT%H:%M")


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident() % 100000}"


def claim_run(name: str, slot: str, now: datetime, lease: timedelta) -> JobRun | None:
    """The JobRun this caller now owns, or None when another worker has it or it is done."""
    try:
        with transaction.atomic():
            return JobRun.objects.create(name=name, slot=slot, started_at=now, worker=worker_id())
    except IntegrityError:
        pass
    retryable = Q(outcome=JobRun.Outcome.ERROR) | Q(outcome=JobRun.Outcome.RUNNING, started_at__lt=now - lease)
    won = (
        JobRun.objects.filter(name=name, slot=slot, attempts__lt=settings.PANTAU_JOB_MAX_ATTEMPTS)
        .filter(retryable)
        .update(outcome=JobRun.Outcome.RUNNING, started_at=now, finished_at=None, duration_ms=None,
                attempts=F("attempts") + 1, worker=worker_id(), error="")
    )
    return JobRun.objects.get(name=name, slot=slot) if won == 1 else None


def _finish(run: JobRun, outcome: str, detail: str, error: str, started: float) -> None:
    run.outcome, run.detail, run.error = outcome, detail[:5000], error[:20000]
    run.finished_at = timezone.now()
    run.duration_ms = int((time.monotonic() - started) * 1000)
    # Only our own claim may be finished: a run taken over after our lease expired is not ours.
    JobRun.objects.filter(pk=run.pk, worker=run.worker, attempts=run.attempts).update(
        outcome=run.outcome, detail=run.detail, error=run.error,
        finished_at=run.finished_at, duration_ms=run.duration_ms,
    )


def run_job(job: Job, now: datetime | None = None, slot: str | None = None) -> JobRun | None:
    """Run `job` for its slot unless another worker has it; returns the finished run or None."""
    now = now or timezone.now()
    if slot is None and job.due is not None and not job.due(now):
        return None
    slot = slot or job.slot(now)
    run = with_db_retry(lambda: claim_run(job.name, slot, now, job.lease), f"claiming job {job.name}")
    if run is None:
        log.debug("Job %s slot %s: already claimed or done", job.name, slot)
        return None
    started = time.monotonic()
    outcome, detail, error = JobRun.Outcome.OK, "", ""
    try:
        detail = job.body(now) or ""
    except JobSkipped as exc:
        outcome, detail = JobRun.Outcome.SKIPPED, str(exc)
    except Exception as exc:  # noqa: BLE001 - any failure is recorded and retried, never lost
        outcome, error = JobRun.Outcome.ERROR, "".join(traceback.format_exception(exc))
        log.exception("Job %s slot %s failed (attempt %d)", job.name, slot, run.attempts)
    with_db_retry(lambda: _finish(run, outcome, str(detail), error, started), f"recording job {job.name}")
    return run
