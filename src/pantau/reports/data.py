"""Everything a period report shows, gathered once into one JSON-ready dict.

A draft gathers it afresh on every render; finalizing stores this dict in `Report.data`, so a final
report never changes when later imports change the complaints.
"""

import logging
import re
from pathlib import Path

from django.db.models import Q
from django.utils import timezone

from pantau.complaints.models import Complaint, DeadlineState, Status
from pantau.lib.periods import Period

from . import optional
from .models import LegalBasis, ReportSettings

log = logging.getLogger(__name__)

OVERDUE_IDS_PER_AGENCY = 25
UNROUTED = "Belum didisposisikan"
DATA_VERSION = 1


def gather(period: Period, notable_ids: list[str] | None = None) -> dict:
    """The report's data for `period`: statistics, breakdowns, lists, letterhead and definitions."""
    from pantau.scorecards import api

    previous = period.previous()
    stats = api.stats(period)
    prev_stats = api.stats(previous)
    return {
        "data_version": DATA_VERSION,
        "period": _period_dict(period),
        "previous": _period_dict(previous),
        "gathered_at": timezone.now().isoformat(),
        "stats": stats,
        "previous_stats": prev_stats,
        "changes": agency_changes(stats, prev_stats),
        "breakdowns": _jsonable(api.breakdowns(period)),
        "overdue": overdue_by_agency(period),
        "notable": notable_cases(notable_ids or []),
        "opinion": _jsonable(optional.opinion(period)),
        "meetings": _jsonable(optional.meetings(period)),
        "legal_basis": list(LegalBasis.objects.filter(active=True).values_list("title", flat=True)),
        "indicators": indicator_definitions(),
        "letterhead": letterhead(),
    }


def _period_dict(p: Period) -> dict:
    return {"key": p.key, "kind": p.kind, "label": p.label(),
            "first_day": p.first_day.isoformat(), "last_day": p.last_day.isoformat()}


def _jsonable(value):
    """Breakdowns may hold tuples or lazy strings; make them plain JSON values."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def agency_changes(stats: dict, prev_stats: dict) -> list[dict]:
    """Per agency: this period's index, the previous one and the difference (None unless the agency
    is ranked in both periods)."""
    before = {a["slug"]: a for a in prev_stats.get("agencies", [])}
    rows = []
    for a in stats.get("agencies", []):
        prev = before.get(a["slug"], {})
        now_i, prev_i = a.get("index"), prev.get("index")
        # Only agencies ranked in both periods: a handful of reports swings an index by chance.
        comparable = bool(a.get("ranked") and prev.get("ranked")) and None not in (now_i, prev_i)
        delta = round(now_i - prev_i, 2) if comparable else None
        rows.append({"slug": a["slug"], "name": a["name"], "index": now_i, "previous": prev_i, "delta": delta})
    return rows


def overdue_by_agency(period: Period) -> list[dict]:
    """The period's reports with a deadline overdue now (the `overdue_now` indicator), per agency,
    most first, with tracking IDs (never titles or text: the HTML version is published). Reports not
    yet routed are grouped as "Belum didisposisikan", so the counts add up to the province figure."""
    overdue = (Q(dispose_state=DeadlineState.OVERDUE) | Q(follow_up_state=DeadlineState.OVERDUE)
               | Q(resolve_state=DeadlineState.OVERDUE))
    qs = (Complaint.objects.filter(received_at__gte=period.start, received_at__lt=period.end)
          .filter(overdue).order_by("agency__name", "received_at")
          .values_list("agency__slug", "agency__name", "tracking_id"))
    groups: dict[str, dict] = {}
    for slug, name, tracking_id in qs:
        slug, name = slug or "", name or UNROUTED
        g = groups.setdefault(slug, {"slug": slug, "name": name, "count": 0, "tracking_ids": []})
        g["count"] += 1
        if len(g["tracking_ids"]) < OVERDUE_IDS_PER_AGENCY:
            g["tracking_ids"].append(tracking_id)
    return sorted(groups.values(), key=lambda g: (-g["count"], g["name"]))


def notable_cases(tracking_ids: list[str]) -> list[dict]:
    """The resolved cases the koordinator chose, in the chosen order; rahasia reports never appear."""
    found = {c.tracking_id: c for c in Complaint.objects.filter(
        tracking_id__in=tracking_ids, is_secret=False, status=Status.COMPLETED,
    ).select_related("agency", "category", "category__parent")}
    out = []
    for tid in tracking_ids:
        c = found.get(tid)
        if c is None:
            continue
        out.append({
            "tracking_id": c.tracking_id, "title": c.title,
            "category": c.category.top.name if c.category_id else "",
            "agency": c.agency.name if c.agency_id else "",
            "received": c.received_at.isoformat(),
            "completed": c.completed_at.isoformat() if c.completed_at else None,
        })
    return out


def indicator_definitions() -> list[dict]:
    """Indicator names and definitions from docs/indicators.md (one `## Name {#key}` heading each),
    as plain text: markdown emphasis and code marks removed."""
    path = _indicators_doc()
    if path is None:
        return []
    items: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            m = re.match(r"## (.*?)\s*(\{#([\w-]+)\})?\s*$", line)
            items.append({"name": m[1], "key": m[3] or "", "text": ""})
        elif items and line.strip() and not line.startswith("#"):
            plain = re.sub(r"[*`]", "", line.strip())
            items[-1]["text"] = f"{items[-1]['text']} {plain}".strip()
    return items


def _indicators_doc() -> Path | None:
    from pantau import scorecards

    candidate = Path(scorecards.__file__).resolve().parent / "indicators.md"
    return candidate if candidate.exists() else None


def letterhead() -> dict:
    s = ReportSettings.current()
    return {
        "government": s.government, "office": s.office, "address": s.address, "contact": s.contact,
        "logo": s.logo.name if s.logo else "", "sign_place": s.sign_place,
        "signer_title": s.signer_title, "signer_name": s.signer_name, "signer_nip": s.signer_nip,
        "recipients": [r.strip() for r in s.recipients.splitlines() if r.strip()],
    }


def logo_bytes(data: dict) -> bytes | None:
    """The logo file named in the data's letterhead, if it is still stored."""
    name = data.get("letterhead", {}).get("logo")
    if not name:
        return None
    s = ReportSettings.current()
    try:
        with s.logo.storage.open(name, "rb") as fh:
            return fh.read()
    except OSError:
        log.warning("report logo %s is missing", name)
        return None
