"""What the scorecard pages show: indicator names, headline cards with their change, the period picker,
and the charts (SVG) with their CSV rows. Views call these and stay thin."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pantau.lib import charts, fmt
from pantau.lib.periods import WIB, Period, PeriodError, parse_period

from .compute import periods_with_reports
from .models import ProvincePeriodSnapshot
from .templatetags.scorecard_tags import definition_url, format_value, reports_url

LABELS = {
    "received": gettext_lazy("Reports received"),
    "disposed": gettext_lazy("Reports disposed"),
    "disposed_on_time_share": gettext_lazy("Disposed on time"),
    "followed_up_share": gettext_lazy("Followed up"),
    "first_follow_up_on_time_share": gettext_lazy("First follow-up on time"),
    "resolved_share": gettext_lazy("Resolved"),
    "in_process_share": gettext_lazy("In process"),
    "follow_up_days_median": gettext_lazy("Median working days to follow-up"),
    "follow_up_days_p90": gettext_lazy("90th percentile working days to follow-up"),
    "backlog_0_5": gettext_lazy("Open 0-5 working days"),
    "backlog_6_14": gettext_lazy("Open 6-14 working days"),
    "backlog_15_60": gettext_lazy("Open 15-60 working days"),
    "backlog_over_60": gettext_lazy("Open over 60 working days"),
    "overdue_now": gettext_lazy("Overdue now"),
    "reporter_replies": gettext_lazy("Reporter replies"),
    "index": gettext_lazy("Index"),
    "zone": gettext_lazy("Zone"),
}
HEADLINES = ["received", "followed_up_share", "first_follow_up_on_time_share", "resolved_share",
             "follow_up_days_median", "overdue_now", "backlog_over_60", "index"]
TABLE_COLUMNS = ["received", "followed_up_share", "first_follow_up_on_time_share", "resolved_share",
                 "follow_up_days_median", "overdue_now", "index"]
# Which reports of the list (/pengaduan/) stand behind a number, beyond the period and agency.
REPORT_FILTERS = {"resolved_share": {"status": "completed"}, "overdue_now": {"overdue": "1"},
                  "in_process_share": {"status": "in_process"}}
# For these a rise is bad news.
LOWER_IS_BETTER = {"follow_up_days_median", "follow_up_days_p90", "overdue_now", "backlog_0_5", "backlog_6_14",
                   "backlog_15_60", "backlog_over_60", "reporter_replies"}


def reports_link(period: Period, key: str | None = None, agency: str | None = None, **extra) -> str:
    return reports_url(period=period.key, agency=agency, **REPORT_FILTERS.get(key, {}), **extra)


def change(key: str, now, before) -> dict:
    """The change against the previous period: text ("+3,2 poin", "−12") and whether it is good news."""
    if now is None or before is None or key == "zone":
        return {"text": "", "good": None}
    diff = round(now - before, 2)
    if key.endswith("_share") or key == "index":
        text = _("%(sign)s%(value)s points") % {"sign": "+" if diff > 0 else "−" if diff < 0 else "±",
                                                 "value": fmt.number(abs(diff), 1)}
    else:
        decimals = 1 if key.startswith("follow_up_days") else 0
        text = f"{'+' if diff > 0 else '−' if diff < 0 else '±'}{fmt.number(abs(diff), decimals)}"
    good = None if diff == 0 else (diff < 0) == (key in LOWER_IS_BETTER)
    return {"text": text, "good": good}


def cards(current: dict, previous: dict | None, period: Period, agency: str | None = None) -> list[dict]:
    """Headline cards: label, formatted value, change against the previous period and both links."""
    if not (previous or {}).get("received"):
        previous = None  # nothing to compare with: "+1.101" against an empty period says nothing
    out = []
    for key in HEADLINES:
        value = current.get(key)
        out.append({
            "key": key, "label": LABELS[key], "value": format_value(key, value),
            "zone": current.get("zone") if key == "index" else None,
            "change": change(key, value, (previous or {}).get(key)),
            "definition": definition_url(key), "reports": reports_link(period, key, agency),
        })
    return out


# --- period picker -------------------------------------------------------------------------

@dataclass
class Picker:
    period: Period
    error: str = ""
    options: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    first_day: str = ""
    last_day: str = ""


def default_period() -> Period:
    """The latest quarter that has reports (or a snapshot); else the current quarter (WIB)."""
    quarters = [p for p in available_periods() if p.kind == "quarter"]
    if quarters:
        return max(quarters, key=lambda p: p.first_day)
    today = timezone.now().astimezone(WIB).date()
    return parse_period(f"{today.year}-Q{(today.month - 1) // 3 + 1}")


def available_periods() -> list[Period]:
    """Every standard period with a snapshot or with reports (before the first compute-scorecards)."""
    keys = {k for k in ProvincePeriodSnapshot.objects.values_list("period", flat=True) if ".." not in k}
    return [parse_period(k) for k in keys] + [p for p in periods_with_reports() if p.key not in keys]


def picker(params) -> Picker:
    """The period chosen by ?period=2024-Q1 or ?dari=2024-01-01&sampai=2024-02-15 (a custom range);
    an unreadable choice falls back to the default with a message."""
    text, error = (params.get("period") or "").strip(), ""
    first, last = params.get("dari") or "", params.get("sampai") or ""
    if first and last:
        text = f"{first}..{last}"
    period = None
    if text:
        try:
            period = parse_period(text)
        except PeriodError:
            error = _("“%(value)s” is not a period. Choose one from the list or give two dates.") % {"value": text}
    period = period or default_period()
    p = Picker(period, error, period_options(period))
    if period.kind == "range":
        p.first_day, p.last_day = period.first_day.isoformat(), period.last_day.isoformat()
    return p


def period_options(current: Period) -> list[tuple[str, list[tuple[str, str]]]]:
    """Snapshot periods grouped by kind, newest first, for a <select> with <optgroup>s."""
    periods = available_periods()
    if current.kind != "range" and current.key not in {p.key for p in periods}:
        periods.append(current)
    groups = [("quarter", _("Quarter")), ("month", _("Month")), ("half", _("Semester")), ("year", _("Year"))]
    return [(name, [(p.key, p.label()) for p in sorted((p for p in periods if p.kind == kind),
                                                        key=lambda p: p.first_day, reverse=True)])
            for kind, name in groups]


# --- charts and their CSV ------------------------------------------------------------------

@dataclass
class Chart:
    """A chart's rows (also its CSV) and how to draw it; the SVG is drawn only when a page needs it,
    and cached: the same rows and title always give the same picture."""

    name: str
    title: str
    draw: Callable[[], str]
    header: list[str]
    rows: list[list]
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, report list URL) per row

    @cached_property
    def svg(self) -> str:
        key = "pantau:chart:" + hashlib.sha256(repr((self.name, self.title, self.rows)).encode()).hexdigest()
        svg = cache.get(key)
        if svg is None:
            svg = self.draw()
            cache.set(key, svg, 60 * 60)
        return svg


def breakdown_charts(b: dict, period: Period, agency: str | None = None) -> list[Chart]:
    """The dashboard's charts from api.breakdowns(): status, kind, channel, category, region, month."""
    titles = {"by_status": _("Reports by status"), "by_kind": _("Reports by classification"),
              "by_channel": _("Reports by channel"), "by_category": _("Top 10 categories"),
              "by_region": _("Reports by regency/city")}
    out = []
    for name, title in titles.items():
        rows = b[name]
        pairs = [(r["label"], r["value"]) for r in rows]
        draw = charts.donut if name == "by_kind" else charts.bar
        links = [(r["label"], reports_link(period, agency=agency, **r["filter"])) for r in rows]
        out.append(Chart(name, title, lambda d=draw, p=pairs, t=title: d(p, title=t), ["key", "label", "value"],
                         [[r["key"], r["label"], r["value"]] for r in rows], links))
    monthly = b["monthly"]
    title = _("Monthly trend: received and, of those, resolved")
    series = {_("Received"): [r["received"] for r in monthly], _("Resolved"): [r["resolved"] for r in monthly]}
    labels = [r["label"] for r in monthly]
    out.append(Chart("monthly", title, lambda: charts.line(labels, series, title=title), ["month", "label", "received", "resolved"],
                     [[r["key"], r["label"], r["received"], r["resolved"]] for r in monthly],
                     [(r["label"], reports_url(period=r["key"], agency=agency)) for r in monthly]))
    return out


def overdue_chart(agencies: list[dict], period: Period, limit: int = 10) -> Chart:
    """The agencies with most reports of the period overdue now (top `limit`)."""
    rows = sorted((a for a in agencies if a["overdue_now"]), key=lambda a: (-a["overdue_now"], a["name"]))[:limit]
    title = _("Agencies with most reports overdue now")
    pairs = [(a["name"], a["overdue_now"]) for a in rows]
    return Chart("overdue_by_agency", title, lambda: charts.bar(pairs, title=title), ["slug", "name", "overdue_now"],
                 [[a["slug"], a["name"], a["overdue_now"]] for a in rows],
                 [(a["name"], reports_link(period, "overdue_now", a["slug"])) for a in rows])


def csv_response(chart: Chart, period: Period) -> HttpResponse:
    """The chart's rows as a CSV download (UTF-8 with BOM so Excel reads the Indonesian text)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(chart.header)
    writer.writerows(chart.rows)
    response = HttpResponse("\ufeff" + buf.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pantau-{chart.name}-{period.key}.csv"'
    return response


def month_periods(last: date, count: int = 12) -> list[Period]:
    """The `count` months ending with the month of `last`, oldest first."""
    y, m, out = last.year, last.month, []
    for _i in range(count):
        out.append(parse_period(f"{y}-{m:02d}"))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def zone_summary(agencies: list[dict]) -> dict:
    """How many ranked agencies are in each zone, and how many are not ranked."""
    ranked = [a for a in agencies if a["ranked"]]
    counts = {z: sum(1 for a in ranked if a["zone"] == z) for z in ("hijau", "kuning", "merah")}
    return {"zones": counts, "ranked": len(ranked), "unranked": sum(1 for a in agencies if not a["ranked"])}
