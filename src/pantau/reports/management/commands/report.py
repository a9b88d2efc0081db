import hashlib
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.lib.periods import WIB, PeriodError, parse_period
from pantau.reports import actions
from pantau.reports.data import gather
from pantau.reports.models import Report
from pantau.reports.render import produce


class Command(BaseCommand):
    help = ("Write the period report as PDF, DOCX or HTML. Uses the latest saved version of the period "
            "(a final version byte for byte, a draft with its edited text); otherwise a fresh draft.")

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="2024-Q1, 2024-H1, 2024, 2024-03 or 2024-01-01..2024-03-31")
        parser.add_argument("--format", choices=actions.FORMATS, help="default: from the file's extension")
        parser.add_argument("--out", required=True, help="file to write")
        parser.add_argument("--report-version", type=int, dest="report_version", help="a saved version number of this period")
        parser.add_argument("--json", action="store_true", help="print one JSON document describing the file")

    def handle(self, *args, **opts):
        try:
            period = parse_period(opts["period"])
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=1) from None
        out = Path(opts["out"])
        fmt = opts["format"] or out.suffix.lstrip(".").lower()
        if fmt not in actions.FORMATS:
            raise CommandError(_("Give --format pdf, docx or html (or an --out file ending in one)."), returncode=1)
        content, source = self._content(period, fmt, opts["report_version"])
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(content)
        except OSError as exc:
            raise CommandError(_("Cannot write %(file)s: %(error)s") % {"file": out, "error": exc}, returncode=1) from None
        info = {"file": str(out), "format": fmt, "period": period.key, "label": period.label(),
                "source": source, "bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
        if opts["json"]:
            self.stdout.write(json.dumps(info, ensure_ascii=False))
        else:
            self.stderr.write(_("Wrote %(file)s (%(bytes)s bytes, %(source)s).") % info)

    def _content(self, period, fmt, version):
        qs = Report.objects.filter(period=period.key).order_by("-version")
        if version is not None:
            qs = qs.filter(version=version)
            if not qs.exists():
                raise CommandError(_("Period %(p)s has no version %(v)s.") % {"p": period.key, "v": version},
                                   returncode=1)
        report = qs.first()
        if report is not None:
            return actions.render(report, fmt), f"v{report.version} {report.state}"
        today = timezone.now().astimezone(WIB).date()
        return produce(fmt, gather(period), {}, "Draf (belum disimpan)", today), "draft"
