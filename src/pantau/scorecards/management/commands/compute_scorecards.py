"""`pantau compute-scorecards [--period P ...] [--json]`: fill the period snapshots the pages read."""

import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from pantau.lib import fmt
from pantau.lib.periods import PeriodError, parse_period
from pantau.scorecards.compute import compute_all


class Command(BaseCommand):
    help = ("Compute every agency's and the province's indicators into period snapshots. Without --period: "
            "every month, quarter, half-year and year that has reports. Run after every import.")

    def add_arguments(self, parser):
        parser.add_argument("--period", action="append", default=[], metavar="P",
                            help="2024-Q1, 2024-H1, 2024, 2024-03 or 2024-01-01..2024-03-31; repeatable")
        parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")

    def handle(self, *args, **opts):
        try:
            periods = [parse_period(p) for p in opts["period"]] or None
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=1) from None
        started = time.monotonic()
        done = compute_all(periods)
        seconds = round(time.monotonic() - started, 2)
        if opts["json"]:
            self.stdout.write(json.dumps({"periods": done, "seconds": seconds}))
        else:
            self.stderr.write(_("%(n)s periods computed in %(s)s seconds: %(keys)s")
                              % {"n": len(done), "s": fmt.number(seconds, 2), "keys": ", ".join(done) or "-"})
