"""The indicators of docs/indicators.md, computed from a queryset of reports.

The cohort of a period is the reports *received* in it (WIB boundaries); every indicator describes that
cohort as it stands at the moment of computation. Counts come from one GROUP BY agency query with
conditional counts; the working-day figures (follow-up time, backlog age) from two narrow queries whose
dates go through the calendar in bulk (numpy). No per-report Python loop beyond building those arrays.
"""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from pantau.complaints.models import OPEN_STATUSES, ComplaintEvent, DeadlineState, Status
from pantau.lib.periods import WIB
from pantau.lib.workdays import get_calendar

from .expressions import WibDay

# Order of the keys in every output (stats --json, CSV, tables).
INDICATORS = [
    "received", "disposed", "disposed_on_time_share", "followed_up_share", "first_follow_up_on_time_share",
    "resolved_share", "in_process_share", "follow_up_days_median", "follow_up_days_p90",
    "backlog_0_5", "backlog_6_14", "backlog_15_60", "backlog_over_60", "overdue_now", "reporter_replies",
    "index", "zone",
]
SHARES = ["disposed_on_time_share", "followed_up_share", "first_follow_up_on_time_share", "resolved_share",
          "in_process_share"]
BACKLOG = [("backlog_0_5", 0, 5), ("backlog_6_14", 6, 14), ("backlog_15_60", 15, 60), ("backlog_over_60", 61, None)]

# Composite index (docs/indicators.md#index): weights of the shares it averages.
INDEX_WEIGHTS = {"followed_up_share": 0.35, "first_follow_up_on_time_share": 0.30, "resolved_share": 0.35}
# Ombudsman compliance bands (DOMAIN.md, H): hijau 81-100, kuning 51-80.99, merah 0-50.99.
ZONE_HIJAU, ZONE_KUNING = 81.0, 51.0

MET, LATE, OVERDUE = DeadlineState.MET, DeadlineState.MET_LATE, DeadlineState.OVERDUE
JUDGED = (MET, LATE, OVERDUE)
FOLLOWED_UP_STATUSES = (Status.FOLLOWED_UP, Status.REPORTER_REPLIED, Status.COMPLETED)
ROUTED = Q(agency__isnull=False)


def _counts_query(qs: QuerySet) -> QuerySet:
    """One row per agency (None = not yet routed) with the raw counts behind every count and share."""
    replied = ComplaintEvent.objects.filter(complaint=OuterRef("pk"), kind=ComplaintEvent.Kind.REPORTER_REPLIED)
    followed = Q(first_follow_up_at__isnull=False) | Q(status__in=FOLLOWED_UP_STATUSES)
    overdue = Q(dispose_state=OVERDUE) | Q(follow_up_state=OVERDUE) | Q(resolve_state=OVERDUE)
    return (
        qs.order_by().annotate(replied=Exists(replied)).values("agency_id").annotate(
            received=Count("id"),
            disposed=Count("id", filter=ROUTED),
            dispose_met=Count("id", filter=Q(dispose_state=MET)),
            dispose_judged=Count("id", filter=Q(dispose_state__in=JUDGED)),
            followed_up=Count("id", filter=ROUTED & followed),
            follow_up_met=Count("id", filter=ROUTED & Q(follow_up_state=MET)),
            follow_up_judged=Count("id", filter=ROUTED & Q(follow_up_state__in=JUDGED)),
            resolved=Count("id", filter=ROUTED & Q(status=Status.COMPLETED)),
            in_process=Count("id", filter=ROUTED & Q(status__in=OPEN_STATUSES)),
            overdue_now=Count("id", filter=overdue),
            reporter_replies=Count("id", filter=Q(replied=True) | Q(status=Status.REPORTER_REPLIED)),
        )
    )


def _grouped(agencies: list, values: np.ndarray) -> dict:
    """{agency_id: values of that agency} without a Python loop over the values."""
    if not len(values):
        return {}
    keys = np.array([-1 if a is None else a for a in agencies])
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], values[order]
    uniques, starts = np.unique(keys, return_index=True)
    return {(None if k == -1 else int(k)): part for k, part in zip(uniques, np.split(values, starts[1:]), strict=True)}


def _day_pairs(qs: QuerySet, start, end) -> tuple[list, np.ndarray, np.ndarray]:
    """(agency ids, start days, end days) as datetime64[D] arrays, WIB days computed by the database."""
    rows = list(qs.order_by().values_list("agency_id", WibDay(start), WibDay(end)))
    if not rows:
        return [], np.array([], dtype="datetime64[D]"), np.array([], dtype="datetime64[D]")
    agencies, starts, ends = zip(*rows, strict=True)
    return list(agencies), np.array(starts, dtype="datetime64[D]"), np.array(ends, dtype="datetime64[D]")


def _follow_up_days(qs: QuerySet) -> dict[int, np.ndarray]:
    """Per agency: working days from disposition to the first follow-up (a completion counts as one)."""
    done = qs.filter(ROUTED, disposed_at__isnull=False).filter(
        Q(first_follow_up_at__isnull=False) | Q(status=Status.COMPLETED, completed_at__isnull=False))
    agencies, starts, ends = _day_pairs(done, "disposed_at", Coalesce("first_follow_up_at", "completed_at"))
    return _grouped(agencies, get_calendar().busday_count(starts, ends))


def _backlog_ages(qs: QuerySet, today: date) -> dict[int | None, np.ndarray]:
    """Per agency: working days each still-open report has waited since disposition (or arrival)."""
    still_open = qs.filter(status__in=OPEN_STATUSES)
    agencies, starts, _ends = _day_pairs(still_open, Coalesce("disposed_at", "received_at"), "received_at")
    ages = get_calendar().busday_count(starts, np.full(len(starts), np.datetime64(today), dtype="datetime64[D]"))
    return _grouped(agencies, ages)


def share(numerator: int, denominator: int) -> float | None:
    """Percentage 0-100 rounded to one decimal; None when nothing is counted."""
    return round(100.0 * numerator / denominator, 1) if denominator else None


def composite_index(ind: dict) -> float | None:
    """Weighted mean of the shares in INDEX_WEIGHTS that exist, rounded to 2 decimals; None if none."""
    present = {k: w for k, w in INDEX_WEIGHTS.items() if ind.get(k) is not None}
    if not present:
        return None
    return round(sum(ind[k] * w for k, w in present.items()) / sum(present.values()), 2)


def zone(index: float | None) -> str | None:
    """hijau >= 81, kuning 51-80.99, merah <= 50.99 (Ombudsman bands), on the 2-decimal index."""
    if index is None:
        return None
    index = round(index, 2)
    return "hijau" if index >= ZONE_HIJAU else "kuning" if index >= ZONE_KUNING else "merah"


def finish(raw: dict, follow_days: np.ndarray | None, ages: np.ndarray | None) -> dict:
    """Indicators (in INDICATORS order) from summed raw counts and the working-day arrays."""
    fd = follow_days if follow_days is not None and len(follow_days) else None
    out = {
        "received": raw["received"],
        "disposed": raw["disposed"],
        "disposed_on_time_share": share(raw["dispose_met"], raw["dispose_judged"]),
        "followed_up_share": share(raw["followed_up"], raw["disposed"]),
        "first_follow_up_on_time_share": share(raw["follow_up_met"], raw["follow_up_judged"]),
        "resolved_share": share(raw["resolved"], raw["disposed"]),
        "in_process_share": share(raw["in_process"], raw["disposed"]),
        "follow_up_days_median": round(float(np.median(fd)), 1) if fd is not None else None,
        "follow_up_days_p90": round(float(np.percentile(fd, 90)), 1) if fd is not None else None,
    }
    ages = ages if ages is not None else np.array([], dtype=int)
    for key, low, high in BACKLOG:
        out[key] = int(((ages >= low) & (ages <= high if high is not None else True)).sum())
    out["overdue_now"] = raw["overdue_now"]
    out["reporter_replies"] = raw["reporter_replies"]
    out["index"] = composite_index(out)
    out["zone"] = zone(out["index"])
    return out


RAW_KEYS = ["received", "disposed", "dispose_met", "dispose_judged", "followed_up", "follow_up_met",
            "follow_up_judged", "resolved", "in_process", "overdue_now", "reporter_replies"]


def compute(qs: QuerySet, now: datetime) -> tuple[dict, dict[int, dict]]:
    """(province indicators, {agency_id: indicators}) for the reports in `qs` (a period's cohort).

    The province figures are over every report in `qs`, routed or not."""
    counts = {row["agency_id"]: row for row in _counts_query(qs)}
    follow = _follow_up_days(qs)
    ages = _backlog_ages(qs, now.astimezone(WIB).date())
    total = {k: sum(row[k] for row in counts.values()) for k in RAW_KEYS}
    all_follow = np.concatenate(list(follow.values())) if follow else None
    all_ages = np.concatenate(list(ages.values())) if ages else None
    province = finish(total, all_follow, all_ages)
    agencies = {a: finish(row, follow.get(a), ages.get(a)) for a, row in counts.items() if a is not None}
    return province, agencies


def empty() -> dict:
    """The indicators of an agency without any report in the period."""
    return finish({k: 0 for k in RAW_KEYS}, None, None)
