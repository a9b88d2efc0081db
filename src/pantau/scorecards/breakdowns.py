"""Counts of a period's reports by status, kind, channel, category, kabupaten/kota and month.

`raw(qs)` returns keys and counts only (what the snapshot stores); `labelled(raw)` adds the words in
the active language and each row's filter value for the report list (/pengaduan/?...)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.db.models.functions import Coalesce

from pantau.agencies.models import Region
from pantau.complaints.models import Category, Channel, Kind, Status
from pantau.lib.periods import MONTHS_ID

from .expressions import WibMonth

NAMES = ["by_status", "by_kind", "by_channel", "by_category", "by_region", "monthly"]
TOP_CATEGORIES = 10


def _grouped(qs, field: str) -> list[list]:
    rows = qs.order_by().values(field).annotate(n=Count("id")).values_list(field, "n")
    return [[key, n] for key, n in rows]


def raw(qs) -> dict:
    """{"by_status": [[key, count], ...], ..., "monthly": [["2024-01", received, resolved], ...]}."""
    out = {
        "by_status": _grouped(qs, "status"),
        "by_kind": _grouped(qs, "kind"),
        "by_channel": _grouped(qs, "channel"),
        "by_region": _grouped(qs, "region_id"),
    }
    top = (qs.order_by().annotate(top=Coalesce("category__parent_id", "category_id"))
           .filter(top__isnull=False).values("top").annotate(n=Count("id")).order_by("-n", "top"))
    out["by_category"] = [[r["top"], r["n"]] for r in top[:TOP_CATEGORIES]]
    monthly = (qs.order_by().annotate(month=WibMonth("received_at")).values("month")
               .annotate(received=Count("id"), resolved=Count("id", filter=Q(status=Status.COMPLETED)))
               .order_by("month"))
    out["monthly"] = [[r["month"], r["received"], r["resolved"]] for r in monthly]
    return out


def _choice_rows(pairs, choices, param: str) -> list[dict]:
    """Rows in the order of the choices (the lifecycle order), zero counts left out."""
    counts = dict((k, n) for k, n in pairs)
    return [{"key": value, "label": str(label), "value": counts[value], "filter": {param: value}}
            for value, label in choices if counts.get(value)]


def labelled(data: dict) -> dict:
    """The raw breakdowns as rows {"key", "label", "value", "filter"} ready for a chart, a CSV or a link."""
    regions = dict(Region.objects.values_list("id", "slug"))
    region_names = dict(Region.objects.values_list("id", "name"))
    cats = dict(Category.objects.filter(id__in=[k for k, _n in data.get("by_category", [])]).values_list("id", "name"))
    by_region = sorted(data.get("by_region", []), key=lambda r: (-r[1], region_names.get(r[0], "~")))
    from django.utils.translation import gettext as _

    return {
        "by_status": _choice_rows(data.get("by_status", []), Status.choices, "status"),
        "by_kind": _choice_rows(data.get("by_kind", []), Kind.choices, "kind"),
        "by_channel": sorted(_choice_rows(data.get("by_channel", []), Channel.choices, "channel"),
                             key=lambda r: -r["value"]),
        "by_category": [{"key": k, "label": cats.get(k, str(k)), "value": n, "filter": {"category": k}}
                        for k, n in data.get("by_category", [])],
        "by_region": [{"key": regions.get(k, ""), "label": region_names.get(k) or _("Unknown"), "value": n,
                       "filter": {"region": regions[k]} if k in regions else {}} for k, n in by_region],
        "monthly": [{"key": m, "label": month_label(m), "received": rec, "resolved": res,
                     "filter": {"period": m}} for m, rec, res in data.get("monthly", [])],
    }


def month_label(key: str) -> str:
    """"2024-03" -> "Maret 2024"."""
    y, m = key.split("-")
    return f"{MONTHS_ID[int(m) - 1]} {y}"
