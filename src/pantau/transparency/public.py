"""What the public may see of a period: aggregates only.

Never a tracking ID, a title, a report's text or anything about a reporter: only counts and shares
per province, agency, status, kind, channel, category, kabupaten/kota and month.
"""

import csv
import io
import json

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.lib import fmt
from pantau.lib.periods import WIB, Period, parse_period

PUBLIC_INDICATORS = [
    "received", "disposed", "disposed_on_time_share", "followed_up_share", "first_follow_up_on_time_share",
    "resolved_share", "in_process_share", "follow_up_days_median", "follow_up_days_p90",
    "backlog_0_5", "backlog_6_14", "backlog_15_60", "backlog_over_60", "overdue_now", "index", "zone",
]
BREAKDOWNS = ["by_status", "by_kind", "by_channel", "by_category", "by_region"]


def default_period(today=None) -> Period:
    """The latest complete quarter (WIB) that has reports; the last complete quarter when none has."""
    from pantau.scorecards.presenters import available_periods

    today = today or timezone.now().astimezone(WIB).date()
    done = [p for p in available_periods() if p.kind == "quarter" and p.last_day < today]
    if done:
        return max(done, key=lambda p: p.first_day)
    q = (today.month - 1) // 3 + 1
    return parse_period(f"{today.year - 1}-Q4" if q == 1 else f"{today.year}-Q{q - 1}")


def public_data(period: Period) -> dict:
    """The period's aggregates, as published on the page, the static site and the open data."""
    from pantau.scorecards import api

    stats = api.stats(period)
    raw = api.breakdowns(period)
    return {
        "period": period.key, "label": period.label(),
        "first_day": period.first_day.isoformat(), "last_day": period.last_day.isoformat(),
        "province": {k: stats["province"].get(k) for k in PUBLIC_INDICATORS},
        "agencies": [{"name": a["name"], "slug": a["slug"], "rank": a.get("rank"),
                      **{k: a.get(k) for k in PUBLIC_INDICATORS}} for a in stats["agencies"]],
        "breakdowns": {key: [{"label": str(r["label"]), "value": r["value"]} for r in raw.get(key, [])]
                       for key in BREAKDOWNS},
        "monthly": [{"month": r["key"], "label": r["label"], "received": r.get("received"),
                     "resolved": r.get("resolved")} for r in raw.get("monthly", [])],
    }


def open_data_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def open_data_csv(data: dict) -> str:
    """One row for the province and one per agency, a column per indicator (plain numbers)."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["periode", "perangkat_daerah", "slug", "peringkat", *PUBLIC_INDICATORS])
    w.writerow([data["period"], "Provinsi Banten", "", "", *[data["province"].get(k) for k in PUBLIC_INDICATORS]])
    for a in data["agencies"]:
        w.writerow([data["period"], a["name"], a["slug"], a["rank"] or "", *[a.get(k) for k in PUBLIC_INDICATORS]])
    return out.getvalue()


def charts_for(data: dict) -> dict:
    """SVG charts of the public page (the dashboard's chart functions)."""
    from pantau.lib import charts

    out = {}
    if data["monthly"]:
        out["monthly"] = charts.line([m["label"] for m in data["monthly"]],
                                     {"Diterima": [m["received"] or 0 for m in data["monthly"]],
                                      "Selesai": [m["resolved"] or 0 for m in data["monthly"]]},
                                     title="Laporan per bulan", value_format="number")
    cats = [(r["label"], r["value"]) for r in data["breakdowns"]["by_category"][:10]]
    if cats:
        out["categories"] = charts.bar(cats, title="10 kategori terbanyak", value_format="number")
    # Fair rankings: only agencies with the minimum number of reports are compared in a chart.
    ranked = sorted((a for a in data["agencies"] if a["rank"] and a["index"] is not None),
                    key=lambda a: -a["index"])
    if ranked:
        out["index"] = charts.bar([(a["name"], round(a["index"], 1)) for a in ranked],
                                  title="Indeks kinerja", value_format="decimal")
    return out


def cards(data: dict) -> list[tuple[str, str]]:
    p = data["province"]
    return [(_("Reports received"), fmt.number(p["received"])),
            (_("Followed up"), fmt.percent(p["followed_up_share"])),
            (_("Completed"), fmt.percent(p["resolved_share"])),
            (_("First follow-up on time"), fmt.percent(p["first_follow_up_on_time_share"])),
            (_("Overdue now"), fmt.number(p["overdue_now"]))]


def agency_rows(data: dict) -> list[dict]:
    """The agency table as printed: ranked agencies first, then the others by volume."""
    rows = sorted(data["agencies"], key=lambda a: (a["rank"] or 10_000, -(a["received"] or 0), a["name"]))
    return [{"rank": a["rank"] or "–", "name": a["name"], "received": fmt.number(a["received"]),
             "followed_up": fmt.percent(a["followed_up_share"]),
             "on_time": fmt.percent(a["first_follow_up_on_time_share"]),
             "resolved": fmt.percent(a["resolved_share"]), "overdue": fmt.number(a["overdue_now"]),
             "index": fmt.number(a["index"], 1), "zone": a["zone"] or ""} for a in rows]


def breakdown_rows(data: dict) -> list[dict]:
    titles = {"by_status": _("By status"), "by_kind": _("By classification"), "by_channel": _("By channel"),
              "by_category": _("Top 10 categories"), "by_region": _("By regency/city")}
    return [{"title": titles[k], "rows": [(r["label"], fmt.number(r["value"])) for r in data["breakdowns"][k]]}
            for k in BREAKDOWNS if data["breakdowns"][k]]


def page_context(data: dict) -> dict:
    """Everything the public template shows, for the live page and the static site alike."""
    from django.utils.safestring import mark_safe

    return {"data": data, "cards": cards(data), "agencies": agency_rows(data),
            "breakdowns": breakdown_rows(data),
            # Our own matplotlib SVG: labels are escaped by matplotlib, no user markup inside.
            "charts": {k: mark_safe(v) for k, v in charts_for(data).items()}}
