import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.jobs.deploy import demo_users


class Command(BaseCommand):
    help = ("Serve Pantau with gunicorn (static files by whitenoise). Refuses to start with DEBUG on or "
            "with demo accounts present, unless --allow-demo.")

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port (default 127.0.0.1:8000)")
        # Processes rather than threads: the pages are CPU-bound Python, and a process's threads share
        # one core (the GIL). bench/dashboard.py measures with these defaults.
        parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1),
                            help="gunicorn worker processes (default 2 x cores)")
        parser.add_argument("--threads", type=int, default=1, help="threads per worker (default 1)")
        parser.add_argument("--timeout", type=int, default=120, help="seconds before a stuck request is killed")
        parser.add_argument("--allow-demo", action="store_true", help="serve even with demo accounts (demo only)")
        parser.add_argument("--dry-run", action="store_true", help="check and print the command, do not start")

    def handle(self, *args, **opts):
        self.refuse_unsafe(opts["allow_demo"])
        self.collect_static()
        argv = [sys.executable, "-m", "gunicorn", "pantau.wsgi:application", "--bind", opts["bind"],
                "--workers", str(opts["workers"]), "--threads", str(opts["threads"]),
                "--timeout", str(opts["timeout"]), "--access-logfile", "-", "--error-logfile", "-",
                "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")]
        if opts["dry_run"]:
            self.stdout.write(" ".join(argv))
            return
        os.execv(sys.executable, argv)  # gunicorn replaces this process and gets its signals

    def refuse_unsafe(self, allow_demo: bool) -> None:
        if settings.DEBUG:
            raise CommandError(_("DEBUG is on: Pantau will not serve with DEBUG=True."), returncode=1)
        found = demo_users()
        if found and not allow_demo:
            raise CommandError(_("Demo accounts with the demo password exist (%(names)s): delete them or "
                                 "change their passwords, or start with --allow-demo for a demonstration.")
                               % {"names": ", ".join(found[:5])}, returncode=1)

    def collect_static(self) -> None:
        """Run collectstatic when a static file is missing or older than its source."""
        from django.contrib.staticfiles.finders import get_finders

        root = settings.STATIC_ROOT
        for finder in get_finders():
            for path, storage in finder.list([]):
                target = root / path
                if not target.exists() or target.stat().st_mtime < os.path.getmtime(storage.path(path)):
                    self.stderr.write(_("Collecting static files into %(root)s") % {"root": root})
                    call_command("collectstatic", interactive=False, verbosity=0)
                    return
