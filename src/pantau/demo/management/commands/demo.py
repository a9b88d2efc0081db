"""`pantau demo` (what `make demo` runs): migrate, seed when empty, demo users, web server + worker."""

import textwrap

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.complaints.models import Complaint
from pantau.demo.processes import server_command, supervise, worker_command
from pantau.demo.users import create_demo_users


class Command(BaseCommand):
    help = ("Prepare and start the demo: migrate, load the demo data when the database has no reports, "
            "create the demo users, start the web server and the job worker. Needs PANTAU_DEMO=True.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--seed", type=int, default=2024, help="seed for the demo data (first start only)")
        parser.add_argument("--no-serve", action="store_true", help="prepare only; do not start the server")
        parser.add_argument("--no-opinion", dest="opinion", action="store_false",
                            help="load the complaint demo only, without the opinion demo's mentions")

    def handle(self, *args, **opts):
        if not settings.DEMO_MODE:
            # The demo accounts share a published password: never create them by accident.
            raise CommandError(_("pantau demo creates accounts with a known password. "
                                 "Run it with PANTAU_DEMO=True (as `make demo` does) on a demo installation."),
                               returncode=1)
        self.stderr.write(_("Migrating the database…"))
        call_command("migrate", interactive=False, verbosity=0)
        if Complaint.objects.exists():
            self.stderr.write(_("The database already holds reports: no demo data loaded."))
        else:
            self.stderr.write(_("Loading the demo data…"))
            call_command("seed_demo", seed=opts["seed"], users=False, opinion=opts["opinion"],
                         stdout=self.stderr, stderr=self.stderr)
        users = create_demo_users()
        url = f"http://{opts['host']}:{opts['port']}/"
        self.stdout.write(self._welcome(url, users, opts["no_serve"]))
        if opts["no_serve"]:
            return
        commands = {"web server": server_command(opts["host"], opts["port"])}
        if "run_huey" in get_commands():
            commands["worker"] = worker_command()
        code = supervise(commands, log=self.stderr.write)
        if code:
            raise CommandError(_("The demo stopped with exit status %(code)s.") % {"code": code}, returncode=1)

    @staticmethod
    def _welcome(url: str, users: list[str], prepared_only: bool) -> str:
        admins = [u for u in users if u.startswith("admin-")]
        lines = [
            "",
            (_("Pantau demo is ready: %(url)s") if prepared_only else _("Pantau demo running at: %(url)s")) % {"url": url},
            _("Log in at %(url)smasuk/ with password: %(password)s") % {"url": url, "password": settings.PANTAU_DEMO_PASSWORD},
            "  koordinator   " + _("everything: imports, settings, calendar, reports"),
            "  analis        " + _("opinion monitoring; complaint statistics read-only"),
            "  pimpinan      " + _("read-only dashboards and reports"),
            "  admin-<slug>  " + _("admin of one agency (%(n)s accounts), e.g. admin-dinkes, admin-dpupr:") % {"n": len(admins)},
            textwrap.fill(", ".join(admins), width=100, initial_indent="    ", subsequent_indent="    ",
                          break_on_hyphens=False),
        ]
        if not prepared_only:
            lines.append(_("Stop with Ctrl-C."))
        return "\n".join(lines) + "\n"
