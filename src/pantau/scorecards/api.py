"""What other parts read: `stats`, `breakdowns`, `priority` and `history` of a period.

Standard periods are read from the snapshots that `pantau compute-scorecards` stores; a period without
a snapshot (a custom range, or before the first run) is computed live and cached for a few minutes.
`stats()` returns exactly the document `pantau stats --json` prints.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pantau.agencies.models import Agency
from pantau.agencies.roles import ADMIN_OPD, role_of, visible_complaints
from pantau.lib import fmt
from pantau.lib.periods import Period, parse_period

from . import breakdowns as bd
from .compute import cohort, compute_period
from .indicators import INDICATORS
from .models import AgencyPeriodSnapshot, ProvincePeriodSnapshot

LIVE_CACHE_SECONDS = 120


class UnknownAgency(LookupError):
    """No agency has this slug."""


def _period(period: Period | str) -> Period:
    return period if isinstance(period, Period) else parse_period(period)


def snapshot(period: Period | str) -> dict:
    """{"province", "agencies": {agency_id: indicators}, "breakdowns", "computed_at", "live"}."""
    p = _period(period)
    snap = ProvincePeriodSnapshot.objects.filter(period=p.key).first()
    if snap is not None:
        agencies = dict(AgencyPeriodSnapshot.objects.filter(period=p.key).values_list("agency_id", "indicators"))
        return {"province": snap.indicators, "agencies": agencies, "breakdowns": snap.breakdowns,
                "computed_at": snap.computed_at, "live": False}
    key = f"pantau:scorecards:live:{data_version()}:{p.key}"
    data = cache.get(key)
    if data is None:
        from django.utils import timezone

        now = timezone.now()
        data = {**compute_period(p, now), "computed_at": now, "live": True}
        cache.set(key, data, LIVE_CACHE_SECONDS)
    return data


def data_version() -> str:
    """Changes with every write to reports, follow-ups, agencies, categories, the calendar or the
    snapshots (complaints.versioning), so a cached result never outlives the data it describes."""
    from pantau.complaints import versioning

    return versioning.current()


def min_reports() -> int:
    return settings.PANTAU_RANKING_MIN_REPORTS


def unranked_reason(ind: dict) -> str | None:
    """Why an agency is not ranked (in the active language), or None when it is."""
    n, minimum = ind["received"], min_reports()
    if n < minimum:
        text = ngettext("Only %(n)s report in this period; a ranking needs at least %(min)s.",
                        "Only %(n)s reports in this period; a ranking needs at least %(min)s.", n)
        return text % {"n": fmt.number(n), "min": fmt.number(minimum)}
    if ind.get("index") is None:
        return _("No index: none of its reports could be judged yet.")
    return None


def rank_agencies(rows: list[dict]) -> list[dict]:
    """Sets "rank", "ranked" and "unranked_reason" on every row and returns them ranked first
    (index high to low, ties share a rank: 1, 2, 2, 4), then the unranked by volume."""
    for row in rows:
        row["unranked_reason"] = unranked_reason(row)
        row["ranked"] = row["unranked_reason"] is None
        row["rank"] = None
    ranked = sorted((r for r in rows if r["ranked"]), key=lambda r: (-r["index"], -r["received"], r["name"]))
    for i, row in enumerate(ranked):
        same = i and ranked[i - 1]["index"] == row["index"]
        row["rank"] = ranked[i - 1]["rank"] if same else i + 1
    rest = sorted((r for r in rows if not r["ranked"]), key=lambda r: (-r["received"], r["name"]))
    return ranked + rest


def stats(period: Period | str, agency_slug: str | None = None) -> dict:
    """The indicators of the province and of every agency (or one), as `pantau stats --json` prints."""
    p = _period(period)
    data = snapshot(p)
    agencies = {a.id: a for a in Agency.objects.filter(id__in=list(data["agencies"]))}
    if agency_slug is not None and not any(a.slug == agency_slug for a in agencies.values()):
        if not Agency.objects.filter(slug=agency_slug).exists():
            raise UnknownAgency(agency_slug)
    rows = [{"slug": agencies[a].slug, "name": agencies[a].name, **{k: ind.get(k) for k in INDICATORS}}
            for a, ind in data["agencies"].items() if a in agencies]
    rows = rank_agencies(rows)
    if agency_slug is not None:
        rows = [r for r in rows if r["slug"] == agency_slug]
    return {
        "period": p.key,
        "label": p.label(),
        "computed_at": data["computed_at"].isoformat(),
        "province": {k: data["province"].get(k) for k in INDICATORS},
        "agencies": rows,
    }


def breakdowns(period: Period | str, user=None) -> dict:
    """Reports of the period by status, kind, channel, category (top 10), region and month, as rows
    {"key", "label", "value", "filter"}; only the reports `user` may see when a user is given."""
    p = _period(period)
    if user is None or role_of(user) not in (None, ADMIN_OPD):
        raw = snapshot(p)["breakdowns"]
    else:
        raw = bd.raw(cohort(p, visible_complaints(user)))
    return bd.labelled(raw)


def priority(period: Period | str, limit: int | None = None) -> list[dict]:
    """"Prioritas rapat koordinasi": agencies with reports, most poorly handled reports first.

    Score = received x (100 - index) / 100 + overdue_now: the volume of reports the index says were
    handled badly, plus those overdue right now (an agency without an index counts as index 0)."""
    rows = [r for r in stats(period)["agencies"] if r["received"]]
    by_volume = sorted(rows, key=lambda r: -r["received"])
    volume_rank = {r["slug"]: i + 1 for i, r in enumerate(by_volume)}
    for r in rows:
        r["score"] = round(r["received"] * (100 - (r["index"] or 0)) / 100 + r["overdue_now"], 1)
        r["volume_rank"] = volume_rank[r["slug"]]
        r["reason"] = priority_reason(r)
    rows.sort(key=lambda r: (-r["score"], -r["received"], r["name"]))
    for i, r in enumerate(rows):
        r["priority"] = i + 1
    return rows[:limit] if limit else rows


def priority_reason(r: dict) -> str:
    """One sentence in the active language: volume, index and zone, and each weakness that applies."""
    parts = [_("%(n)s reports (number %(rank)s by volume)") % {"n": fmt.number(r["received"]), "rank": r["volume_rank"]}]
    if r["index"] is not None:
        parts.append(_("index %(index)s (%(zone)s zone)") % {"index": fmt.number(r["index"], 2), "zone": r["zone"]})
    else:
        parts.append(_("no index yet"))
    if r["followed_up_share"] is not None and r["followed_up_share"] < 50:
        parts.append(_("only %(share)s followed up (target above 50%%)") % {"share": fmt.percent(r["followed_up_share"])})
    if r["first_follow_up_on_time_share"] is not None and r["first_follow_up_on_time_share"] < 50:
        parts.append(_("first follow-up on time for only %(share)s") % {"share": fmt.percent(r["first_follow_up_on_time_share"])})
    if r["overdue_now"]:
        parts.append(ngettext("%(n)s report overdue now", "%(n)s reports overdue now", r["overdue_now"])
                     % {"n": fmt.number(r["overdue_now"])})
    if r["backlog_over_60"]:
        parts.append(_("%(n)s open for more than 60 working days") % {"n": fmt.number(r["backlog_over_60"])})
    return "; ".join(parts)


def history(periods: list[Period], agency: Agency | None = None) -> list[dict]:
    """[{"period", "label", "province": indicators, "agency": indicators or None}] for each period."""
    out = []
    for p in periods:
        data = snapshot(p)
        ind = data["agencies"].get(agency.id) if agency is not None else None
        out.append({"period": p.key, "label": p.label(), "province": data["province"], "agency": ind})
    return out
