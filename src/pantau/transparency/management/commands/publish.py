import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.lib.periods import PeriodError, parse_period
from pantau.transparency.site import publish


class Command(BaseCommand):
    help = "Write the static transparency site of a period (index.html, open data CSV and JSON, definitions)."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="2024-Q1, 2024-H1, 2024, 2024-03 or a range")
        parser.add_argument("--out", required=True, help="folder to write into (created when missing)")
        parser.add_argument("--json", action="store_true", help="print one JSON document listing the files")

    def handle(self, *args, **opts):
        try:
            period = parse_period(opts["period"])
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=1) from None
        try:
            paths = publish(period, Path(opts["out"]))
        except OSError as exc:
            raise CommandError(_("Cannot write into %(dir)s: %(error)s") % {"dir": opts["out"], "error": exc},
                               returncode=1) from None
        if opts["json"]:
            self.stdout.write(json.dumps({"period": period.key, "files": [str(p) for p in paths]}))
        else:
            for p in paths:
                self.stderr.write(str(p))
