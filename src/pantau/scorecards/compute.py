"""Filling the period snapshots: what `pantau compute-scorecards` runs (and the importer after an import)."""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from pantau.agencies.models import Agency
from pantau.complaints.models import Complaint
from pantau.lib.periods import WIB, Period, parse_period

from . import breakdowns, indicators
from .models import AgencyPeriodSnapshot, ProvincePeriodSnapshot

log = logging.getLogger(__name__)


def cohort(period: Period, qs=None):
    """The reports of a period: received from its first day 00:00 WIB to the day after its last."""
    qs = Complaint.objects.all() if qs is None else qs
    return qs.filter(received_at__gte=period.start, received_at__lt=period.end)


def compute_period(period: Period, now: datetime | None = None, qs=None) -> dict:
    """{"province": indicators, "agencies": {agency_id: indicators}, "breakdowns": raw} for a period.

    Every active agency appears, with zeros when it received nothing."""
    now = now or timezone.now()
    reports = cohort(period, qs)
    province, per_agency = indicators.compute(reports, now)
    for agency_id in Agency.objects.filter(active=True).values_list("id", flat=True):
        per_agency.setdefault(agency_id, indicators.empty())
    return {"province": province, "agencies": per_agency, "breakdowns": breakdowns.raw(reports)}


def store_period(period: Period, now: datetime | None = None) -> dict:
    """Compute one period, then replace its snapshots in one short transaction; returns what was stored.

    The computation reads outside the transaction: on SQLite a write transaction around it held the
    database's write lock for the whole computation (tens of seconds for a year at 1M reports), and
    every log-in and session save waited for it."""
    now = now or timezone.now()
    data = compute_period(period, now)
    with transaction.atomic():
        _write(period, data, now)
    return data


def _write(period: Period, data: dict, now: datetime) -> None:
    ProvincePeriodSnapshot.objects.update_or_create(
        period=period.key,
        defaults={"indicators": data["province"], "breakdowns": data["breakdowns"], "computed_at": now},
    )
    AgencyPeriodSnapshot.objects.filter(period=period.key).delete()
    AgencyPeriodSnapshot.objects.bulk_create(
        AgencyPeriodSnapshot(period=period.key, agency_id=a, indicators=ind, computed_at=now)
        for a, ind in data["agencies"].items()
    )


def periods_with_reports() -> list[Period]:
    """Every month, quarter, half-year and year (WIB) from the first report's to the last report's."""
    # Two index lookups: SQLite answers MIN and MAX in one query by scanning the table (250 ms at 1M).
    dates = Complaint.objects.order_by().values_list("received_at", flat=True)
    first = dates.order_by("received_at").first()
    if first is None:
        return []
    last = dates.order_by("-received_at").first()
    first, last = first.astimezone(WIB).date(), last.astimezone(WIB).date()
    out: list[Period] = []
    for year in range(first.year, last.year + 1):
        out.append(parse_period(str(year)))
        out += [parse_period(f"{year}-H{h}") for h in (1, 2)]
        out += [parse_period(f"{year}-Q{q}") for q in (1, 2, 3, 4)]
        out += [parse_period(f"{year}-{m:02d}") for m in range(1, 13)]
    return [p for p in out if p.last_day >= first and p.first_day <= last]


def compute_all(periods: list[Period] | None = None, now: datetime | None = None) -> list[str]:
    """Store the given periods (default: every period that has reports); returns their keys."""
    now = now or timezone.now()
    done = []
    for period in periods if periods is not None else periods_with_reports():
        store_period(period, now)
        done.append(period.key)
    return done
