"""Deadlines of a report, in working days from the calendar (DOMAIN.md, rules in settings).

Three deadlines are stored on every Complaint and recomputed when data, the calendar or the rules
change, and nightly (an open deadline turns overdue with time):
- dispose: verification and disposition within 3 working days of arrival (H);
- follow_up: the agency's first follow-up within 5 working days of disposition (H);
- resolve: completion within 5 (aspirasi, permintaan informasi), 14 (pengaduan) or 60 (pengaduan
  berkadar pengawasan) working days of disposition (M: PermenPANRB 62/2018 summaries).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.lib.periods import WIB
from pantau.lib.workdays import WorkCalendar, get_calendar, wib_day

from . import versioning
from .models import Complaint, DeadlineState, Kind, Status

# A report that was closed without disposition owes no further deadline.
ENDED_WITHOUT_AGENCY = (Status.POSTPONED, Status.ARCHIVED, Status.NOT_AUTHORISED)
WIB_OFFSET = np.timedelta64(7, "h")  # Asia/Jakarta has had no daylight saving since 1964.

LABELS = {
    "dispose": _("Verification and disposition"),
    "follow_up": _("First follow-up by the agency"),
    "resolve": _("Resolution"),
}


def rules() -> dict[str, int]:
    return settings.PANTAU_DEADLINES


def resolve_days(kind: str, supervisory: bool) -> int:
    r = rules()
    if kind == Kind.PENGADUAN:
        return r["resolve_pengawasan"] if supervisory else r["resolve_pengaduan"]
    return r["resolve_aspirasi"] if kind == Kind.ASPIRASI else r["resolve_informasi"]


@dataclass
class Deadline:
    name: str
    days: int
    start: datetime | None
    due_at: datetime | None
    done_at: datetime | None
    state: str

    @property
    def label(self) -> str:
        return str(LABELS[self.name])


def _state(due_at, done_at, now, applicable: bool) -> str:
    if not applicable or due_at is None:
        return DeadlineState.NOT_APPLICABLE
    if done_at is not None:
        return DeadlineState.MET if done_at < due_at else DeadlineState.MET_LATE
    return DeadlineState.OVERDUE if now >= due_at else DeadlineState.OPEN


def deadlines_for(c: Complaint, cal: WorkCalendar | None = None, now: datetime | None = None) -> list[Deadline]:
    """The three deadlines of one report, computed (not read from the stored fields)."""
    cal = cal or get_calendar()
    now = now or timezone.now()
    r = rules()
    ended = c.status in ENDED_WITHOUT_AGENCY and c.disposed_at is None
    dispose_due = cal.add_working_days(c.received_at, r["dispose"])
    dispose_done = c.disposed_at or (c.verified_at if ended else None)
    out = [Deadline("dispose", r["dispose"], c.received_at, dispose_due, dispose_done,
                    _state(dispose_due, dispose_done, now, True))]
    follow_due = cal.add_working_days(c.disposed_at, r["first_follow_up"]) if c.disposed_at else None
    follow_done = c.first_follow_up_at
    if follow_done is None and c.status == Status.COMPLETED:
        follow_done = c.completed_at
    out.append(Deadline("follow_up", r["first_follow_up"], c.disposed_at, follow_due, follow_done,
                        _state(follow_due, follow_done, now, c.disposed_at is not None)))
    n = resolve_days(c.kind, c.supervisory)
    resolve_due = cal.add_working_days(c.disposed_at, n) if c.disposed_at else None
    out.append(Deadline("resolve", n, c.disposed_at, resolve_due, c.completed_at,
                        _state(resolve_due, c.completed_at, now, c.disposed_at is not None)))
    return out


def explain(c: Complaint, cal: WorkCalendar | None = None, now: datetime | None = None) -> list[dict]:
    """For each deadline: the rule, the start, every working day counted and every day skipped, named."""
    cal = cal or get_calendar()
    out = []
    for d in deadlines_for(c, cal, now):
        item = {"name": d.name, "label": d.label, "days": d.days, "start": d.start, "due_at": d.due_at,
                "done_at": d.done_at, "state": d.state, "state_label": str(DeadlineState(d.state).label),
                "counted": [], "skipped": []}
        if d.start is not None and d.due_at is not None:
            day, last = wib_day(d.start), (d.due_at.astimezone(WIB) - timedelta(days=1)).date()
            while day < last:
                day += timedelta(days=1)
                reason = cal.why_not_working(day)
                if reason:
                    item["skipped"].append({"date": day, "reason": reason})
                else:
                    item["counted"].append(day)
        out.append(item)
    return out


def auto_close_expected_at(c: Complaint, cal: WorkCalendar | None = None) -> datetime | None:
    """When LAPOR! closes a followed-up report with no reply ("Selesai otomatis", 10 working days)."""
    if c.status != Status.FOLLOWED_UP or c.last_activity_at is None:
        return None
    return (cal or get_calendar()).add_working_days(c.last_activity_at, rules()["auto_close"])


# --- bulk recomputation ----------------------------------------------------------------------

FIELDS = ("id", "received_at", "verified_at", "disposed_at", "first_follow_up_at", "completed_at",
          "status", "kind", "supervisory", "dispose_due_at", "dispose_state", "follow_up_due_at",
          "follow_up_state", "resolve_due_at", "resolve_state")
STORED = ("dispose_due_at", "dispose_state", "follow_up_due_at", "follow_up_state", "resolve_due_at", "resolve_state")


def _days(values: list) -> np.ndarray:
    """WIB days of aware datetimes (NaT for None) as datetime64[D]."""
    arr = np.array([v.replace(tzinfo=None) - v.utcoffset() if v is not None else None for v in values],
                   dtype="datetime64[us]")
    return (arr + WIB_OFFSET).astype("datetime64[D]")


def _instants(days: np.ndarray) -> list:
    """00:00 WIB after each day, as aware datetimes (None for NaT)."""
    out = []
    for d in days:
        if np.isnat(d):
            out.append(None)
        else:
            out.append(datetime.combine(d.astype(date) + timedelta(days=1), time.min, tzinfo=WIB))
    return out


def _compute_chunk(rows: list[tuple], cal: WorkCalendar, now: datetime) -> list[tuple]:
    r = rules()
    cols = list(zip(*rows))
    col = dict(zip(FIELDS, cols))
    received, disposed = _days(list(col["received_at"])), _days(list(col["disposed_at"]))
    dispose_due = _instants(cal.busday_offset(received, r["dispose"]))
    has_disp = ~np.isnat(disposed)
    safe_disp = np.where(has_disp, disposed, received)
    follow_due = _instants(np.where(has_disp, cal.busday_offset(safe_disp, r["first_follow_up"]), np.datetime64("NaT")))
    n_resolve = np.array([resolve_days(k, s) for k, s in zip(col["kind"], col["supervisory"])])
    resolve_due = _instants(np.where(has_disp, cal.busday_offset(safe_disp, n_resolve), np.datetime64("NaT")))
    changed = []
    for i, row in enumerate(rows):
        status, disposed_at, completed_at = col["status"][i], col["disposed_at"][i], col["completed_at"][i]
        ended = status in ENDED_WITHOUT_AGENCY and disposed_at is None
        d_done = disposed_at or (col["verified_at"][i] if ended else None)
        f_done = col["first_follow_up_at"][i] or (completed_at if status == Status.COMPLETED else None)
        new = (dispose_due[i], _state(dispose_due[i], d_done, now, True),
               follow_due[i], _state(follow_due[i], f_done, now, disposed_at is not None),
               resolve_due[i], _state(resolve_due[i], completed_at, now, disposed_at is not None))
        if new != tuple(row[FIELDS.index(f)] for f in STORED):
            changed.append((*new, row[0]))
    return changed


def recompute_deadlines(ids=None, now: datetime | None = None, chunk: int = 20000) -> int:
    """Recompute stored due times and states; only rows that change are written. Returns that count."""
    cal, now = get_calendar(), now or timezone.now()
    qs = Complaint.objects.order_by("id")
    if ids is not None:
        ids = list(ids)
        if not ids:
            return 0
    total, table = 0, Complaint._meta.db_table
    sql = (f"UPDATE {table} SET dispose_due_at = %s, dispose_state = %s, follow_up_due_at = %s, "
           f"follow_up_state = %s, resolve_due_at = %s, resolve_state = %s WHERE id = %s")
    id_batches = [ids[i:i + chunk] for i in range(0, len(ids), chunk)] if ids is not None else None
    last_id = 0
    while True:
        if id_batches is not None:
            if not id_batches:
                break
            rows = list(qs.filter(id__in=id_batches.pop(0)).values_list(*FIELDS))
        else:
            rows = list(qs.filter(id__gt=last_id).values_list(*FIELDS)[:chunk])
            if not rows:
                break
            last_id = rows[-1][0]
        if not rows:
            continue
        changed = _compute_chunk(rows, cal, now)
        if changed:
            with transaction.atomic(), connection.cursor() as cur:
                cur.executemany(sql, [_adapt(row) for row in changed])
                versioning.bump()
            total += len(changed)
    return total


def _adapt(row: tuple) -> tuple:
    """Datetimes as the database backend expects them (UTC; naive on SQLite)."""
    out = []
    for v in row:
        if isinstance(v, datetime):
            v = connection.ops.adapt_datetimefield_value(v)
        out.append(v)
    return tuple(out)
