import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.jobs.models import JobRun
from pantau.jobs.registry import JOBS, run_named


class Command(BaseCommand):
    help = "Run one periodic job now (outside its schedule), or list the jobs with --list."

    def add_arguments(self, parser):
        parser.add_argument("name", nargs="?", choices=sorted(JOBS), help="the job to run")
        parser.add_argument("--list", action="store_true", help="list the jobs and their last runs")
        parser.add_argument("--json", action="store_true", help="print one JSON document")

    def handle(self, *args, **opts):
        if opts["list"] or not opts["name"]:
            return self._list(opts["json"])
        now = timezone.now()
        run = run_named(opts["name"], now=now, slot=f"manual {now.isoformat(timespec='seconds')}")
        if run is None:
            raise CommandError(_("The job is already running."), returncode=1)
        run.refresh_from_db()
        data = {"name": run.name, "outcome": run.outcome, "duration_ms": run.duration_ms,
                "detail": run.detail, "error": run.error}
        self.stdout.write(json.dumps(data, ensure_ascii=False) if opts["json"]
                          else f"{run.name}: {run.get_outcome_display()} ({run.duration_ms} ms) {run.detail}")
        if run.outcome == JobRun.Outcome.ERROR:
            raise CommandError(run.error.strip().splitlines()[-1], returncode=1)

    def _list(self, as_json: bool):
        rows = []
        for job in JOBS.values():
            last = JobRun.objects.filter(name=job.name).order_by("-started_at").first()
            rows.append({"name": job.name, "schedule": str(job.schedule),
                         "last_started": last.started_at.isoformat() if last else None,
                         "last_outcome": last.outcome if last else None})
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            for r in rows:
                self.stdout.write(f"{r['name']:<26} {r['last_outcome'] or '-':<8} {r['last_started'] or '-'}")
