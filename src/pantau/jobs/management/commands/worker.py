import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from pantau.jobs.dbretry import wait_for_database

log = logging.getLogger("pantau.jobs")


class Command(BaseCommand):
    help = ("Run queued and periodic jobs (huey consumer). Safe to run on several machines with "
            "REDIS_URL and PostgreSQL: each periodic job runs once per slot.")

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2, help="concurrent jobs (default 2)")
        parser.add_argument("--worker-type", choices=["thread", "process", "greenlet"], default="thread",
                            help="thread (default) or process")
        parser.add_argument("--no-periodic", action="store_true",
                            help="do not schedule periodic jobs on this worker (queued jobs only)")

    def handle(self, *args, **opts):
        if settings.HUEY.get("immediate"):
            self.stderr.write(_("PANTAU_JOBS_IMMEDIATE=True runs jobs inline: there is nothing for a worker to do."))
            return
        # A database still starting (or briefly down) gives log lines and a wait, not a crash loop.
        waited = wait_for_database()
        if waited:
            log.info("Database reachable after %.0f s", waited)
        # Our LOGGING sends everything to stderr once; a handler here stops run_huey adding a second.
        huey_log = logging.getLogger("huey")
        huey_log.setLevel(logging.INFO)
        if not huey_log.handlers:
            huey_log.addHandler(logging.NullHandler())
        storage = "Redis" if settings.REDIS_URL else f"SQLite ({settings.HUEY.get('filename')})"
        log.info("Worker starting: %d %s workers, jobs stored in %s", opts["workers"], opts["worker_type"], storage)
        call_command("run_huey", workers=opts["workers"], worker_type=opts["worker_type"],
                     periodic=not opts["no_periodic"], check_worker_health=True)
