"""`pantau demo-export --out FILE.xlsx [--period P]`: the reports as a LAPOR!-like export file."""

import json
from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.demo.export import write_export
from pantau.demo.generator import CUTOFF
from pantau.lib.fmt import number
from pantau.lib.periods import PeriodError, parse_period


class Command(BaseCommand):
    help = "Write the reports in the database as a LAPOR!-like XLSX export, to try the importer on."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="the .xlsx file to write")
        parser.add_argument("--period", help="only reports received in this period, e.g. 2024-Q1, 2024, 2025-03")
        parser.add_argument("--json", action="store_true", help="print the result as one JSON document")

    def handle(self, *args, **opts):
        out = Path(opts["out"])
        if out.suffix.lower() != ".xlsx":
            raise CommandError(_("--out must name an .xlsx file, not %(name)s") % {"name": out.name}, returncode=2)
        if not out.parent.is_dir():
            raise CommandError(_("Folder %(folder)s does not exist.") % {"folder": out.parent}, returncode=1)
        period = None
        if opts["period"]:
            try:
                period = parse_period(opts["period"])
            except PeriodError as exc:
                raise CommandError(f"--period {opts['period']!r}: {exc}", returncode=2) from None
        rows = write_export(out, period, exported_at=CUTOFF + timedelta(hours=8, minutes=15))
        if opts["json"]:
            self.stdout.write(json.dumps({"file": str(out), "rows": rows, "period": opts["period"]}))
        else:
            self.stdout.write(_("%(rows)s reports written to %(file)s") % {"rows": number(rows), "file": out})
