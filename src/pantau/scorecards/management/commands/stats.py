"""`pantau stats --period P [--agency SLUG] [--json]`: the indicators of docs/indicators.md."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pantau.lib import fmt
from pantau.lib.periods import PeriodError, parse_period
from pantau.scorecards.api import UnknownAgency, stats

COLUMNS = [  # (key, header, kind)
    ("received", _("Received"), "n"), ("followed_up_share", _("Followed up"), "%"),
    ("first_follow_up_on_time_share", _("On time"), "%"), ("resolved_share", _("Resolved"), "%"),
    ("follow_up_days_median", _("Median days"), "d"), ("overdue_now", _("Overdue"), "n"),
    ("index", _("Index"), "i"), ("zone", _("Zone"), "s"),
]


def cell(value, kind: str) -> str:
    if value is None:
        return "–"
    return {"n": fmt.number, "%": fmt.percent, "d": lambda v: fmt.number(v, 1),
            "i": lambda v: fmt.number(v, 2), "s": str}[kind](value)


class Command(BaseCommand):
    help = "Print the province's and the agencies' indicators for a period (docs/indicators.md)."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="2024-Q1, 2024-H1, 2024, 2024-03 or a..b")
        parser.add_argument("--agency", metavar="SLUG", help="only this agency")
        parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")

    def handle(self, *args, **opts):
        try:
            data = stats(parse_period(opts["period"]), opts["agency"])
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=1) from None
        except UnknownAgency:
            raise CommandError(gettext("No agency has the slug %(slug)r.") % {"slug": opts["agency"]}, returncode=1) from None
        if opts["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
            return
        self.stdout.write(self.table(data))

    def table(self, data: dict) -> str:
        rows = [["#", gettext("Agency")] + [str(h) for _k, h, _t in COLUMNS]]
        rows.append(["", gettext("PROVINCE")] + [cell(data["province"][k], t) for k, _h, t in COLUMNS])
        for a in data["agencies"]:
            rank = str(a["rank"]) if a["ranked"] else "-"
            rows.append([rank, a["name"][:40]] + [cell(a[k], t) for k, _h, t in COLUMNS])
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = [f"{data['label']} ({data['period']})"]
        for r in rows:
            lines.append("  ".join(c.ljust(w) if i == 1 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))
        unranked = [a for a in data["agencies"] if not a["ranked"] and a["received"]]
        if unranked:
            lines.append("")
            lines.append(gettext("Not ranked") + ":")
            lines += [f"  {a['name']}: {a['unranked_reason']}" for a in unranked]
        return "\n".join(lines)
