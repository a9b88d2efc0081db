"""Deadlines of a report, in working days from the calendar (DOMAIN.md, rules in settings).

Three deadlines are stored on every Complaint and recomputed when data, the calendar or the rules
change, and nightly (an open deadline turns overdue with time):
- dispose: verification and disposition within 3 working days of arrival (H);
- follow_up: the agency's first follow-up within 5 working days of disposition (H);
- resolve: completion within 5 (aspirasi, permintaan informasi), 14 (pengaduan) or 60 (pengaduan
  berkadar pengawasan) working days of disposition (M: PermenPANRB 62/2018 summaries).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.lib.periods import WIB
from pantau.lib.pgcopy import copy_rows
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


# --- bulk computation -------------------------------------------------------------------------
#
# The same rules as deadlines_for(), on whole columns: instants are numpy datetime64[us] in UTC
# (NaT for none), days are WIB days. Used by recompute_deadlines() and by the importer, which
# computes the deadlines of the reports it writes before inserting them (no read-back).

FIELDS = ("id", "received_at", "verified_at", "disposed_at", "first_follow_up_at", "completed_at",
          "status", "kind", "supervisory", "dispose_due_at", "dispose_state", "follow_up_due_at",
          "follow_up_state", "resolve_due_at", "resolve_state")
INPUTS = ("received_at", "verified_at", "disposed_at", "first_follow_up_at", "completed_at",
          "status", "kind", "supervisory")
MOMENTS = ("received_at", "verified_at", "disposed_at", "first_follow_up_at", "completed_at")
STORED = ("dispose_due_at", "dispose_state", "follow_up_due_at", "follow_up_state", "resolve_due_at", "resolve_state")
DUE_FIELDS = ("dispose_due_at", "follow_up_due_at", "resolve_due_at")
STATE_FIELDS = ("dispose_state", "follow_up_state", "resolve_state")
NAT = np.datetime64("NaT", "us")
# Asia/Jakarta has been UTC+7 since 1964; 00:00 WIB of earlier days is computed by zoneinfo.
FIXED_OFFSET_FROM = np.datetime64("1964-01-01", "D")


def utc64(values) -> np.ndarray:
    """Instants as datetime64[us] in UTC (NaT for None) from aware datetimes, naive UTC datetimes
    or the naive UTC text SQLite stores ("2024-03-12 07:05:00")."""
    values = values if isinstance(values, list) else list(values)
    sample = next((v for v in values if v is not None), None)
    if sample is None or isinstance(sample, str):
        return np.array(values, dtype="datetime64[us]")
    # POSIX timestamps: numpy converts datetime objects at ~2 us each, floats at C speed. Exact to
    # the microsecond while |timestamp| < 2**52 us (years 1827-2112); others take the slow road.
    nan = math.nan
    if sample.tzinfo is not None:
        stamps = np.array([v.timestamp() if v is not None else nan for v in values], dtype=np.float64)
    else:
        stamps = np.array([v.replace(tzinfo=UTC).timestamp() if v is not None else nan for v in values],
                          dtype=np.float64)
    missing = np.isnan(stamps)
    micros = np.where(missing, 0.0, stamps) * 1e6
    if np.abs(micros).max(initial=0.0) >= 2.0**52:
        naive = [None if v is None else (v.replace(tzinfo=None) - v.utcoffset() if v.tzinfo else v) for v in values]
        return np.array(naive, dtype="datetime64[us]")
    out = np.round(micros).astype(np.int64).view("datetime64[us]")
    out[missing] = NAT
    return out


def _wib_days(instants: np.ndarray) -> np.ndarray:
    """The WIB day of each instant (NaT stays NaT)."""
    days = (instants + WIB_OFFSET).astype("datetime64[D]")
    for i in np.flatnonzero(days < FIXED_OFFSET_FROM):  # False for NaT
        moment = instants[i].astype(datetime).replace(tzinfo=UTC)
        days[i] = np.datetime64(wib_day(moment), "D")
    return days


def _due_instants(days: np.ndarray) -> np.ndarray:
    """00:00 WIB after each day (NaT stays NaT), in UTC: the exclusive due instant."""
    out = (days + 1).astype("datetime64[us]") - WIB_OFFSET
    early = days < FIXED_OFFSET_FROM  # False for NaT
    for i in np.flatnonzero(early):
        moment = datetime.combine(days[i].astype(date) + timedelta(days=1), time.min, tzinfo=WIB)
        out[i] = np.datetime64(moment.replace(tzinfo=None) - moment.utcoffset(), "us")
    return out


def _states(due: np.ndarray, done: np.ndarray, now: np.datetime64, applicable) -> np.ndarray:
    """_state() on columns."""
    no_due = np.isnat(due) | ~np.asarray(applicable, dtype=bool)
    is_done = ~np.isnat(done)
    return np.select(
        [no_due, is_done & (done < due), is_done, now >= due],
        [DeadlineState.NOT_APPLICABLE.value, DeadlineState.MET.value, DeadlineState.MET_LATE.value,
         DeadlineState.OVERDUE.value],
        DeadlineState.OPEN.value,
    ).astype(object)


def deadline_columns(columns: dict, cal: WorkCalendar, now: datetime) -> dict[str, np.ndarray]:
    """The stored deadline fields (STORED) of many reports at once.

    `columns` maps each of INPUTS to a sequence: the MOMENTS as datetime64[us] UTC arrays (see
    utc64()), status and kind as strings, supervisory as booleans. Due times come back as
    datetime64[us] UTC (NaT for none), states as arrays of DeadlineState values.
    """
    r = rules()
    received, verified, disposed = columns["received_at"], columns["verified_at"], columns["disposed_at"]
    followed, completed = columns["first_follow_up_at"], columns["completed_at"]
    status = np.asarray(columns["status"], dtype=object)
    kind = np.asarray(columns["kind"], dtype=object)
    supervisory = np.asarray(columns["supervisory"], dtype=bool)
    has_disp = ~np.isnat(disposed)
    received_days = _wib_days(received)
    start_days = np.where(has_disp, _wib_days(disposed), received_days)  # any valid day where not disposed
    n_resolve = np.where(
        kind == Kind.PENGADUAN.value,
        np.where(supervisory, r["resolve_pengawasan"], r["resolve_pengaduan"]),
        np.where(kind == Kind.ASPIRASI.value, r["resolve_aspirasi"], r["resolve_informasi"]),
    )
    dispose_due = _due_instants(cal.busday_offset(received_days, r["dispose"]))
    follow_due = np.where(has_disp, _due_instants(cal.busday_offset(start_days, r["first_follow_up"])), NAT)
    resolve_due = np.where(has_disp, _due_instants(cal.busday_offset(start_days, n_resolve)), NAT)
    ended = np.isin(status, [s.value for s in ENDED_WITHOUT_AGENCY]) & ~has_disp
    dispose_done = np.where(has_disp, disposed, np.where(ended, verified, NAT))
    follow_done = np.where(~np.isnat(followed), followed,
                           np.where(status == Status.COMPLETED.value, completed, NAT))
    now64 = utc64([now])[0]
    return {
        "dispose_due_at": dispose_due,
        "dispose_state": _states(dispose_due, dispose_done, now64, True),
        "follow_up_due_at": follow_due,
        "follow_up_state": _states(follow_due, follow_done, now64, has_disp),
        "resolve_due_at": resolve_due,
        "resolve_state": _states(resolve_due, completed, now64, has_disp),
    }


def storable_instants(instants: np.ndarray) -> list:
    """UTC instants as parameters for the connected database: on SQLite the naive UTC text Django
    writes ("2024-03-12 17:00:00", microseconds only when there are some); on PostgreSQL the same
    text with "+00:00" (a timestamptz literal; text is also COPY's cheapest value); else aware
    datetimes. None for NaT."""
    if connection.vendor not in ("sqlite", "postgresql"):
        return [None if v is None else v.replace(tzinfo=UTC) for v in instants.astype("datetime64[us]").tolist()]
    return instant_texts(instants, "+00:00" if connection.vendor == "postgresql" else "")


def instant_texts(instants: np.ndarray, zone: str = "") -> list:
    """"YYYY-MM-DD HH:MM:SS[.ffffff]<zone>" of each UTC instant, None for NaT.

    Put together from a table of the day texts between the first and the last day and one of the
    86,400 clock texts, by numpy's object arrays: numpy's own datetime_as_string took ~1 us an
    instant, with the "T" to replace after it; the deadline columns of a 1M-row import format 9M.
    """
    micros = np.asarray(instants).astype("datetime64[us]").view(np.int64)
    missing = micros == np.iinfo(np.int64).min  # NaT
    if missing.all():
        return [None] * len(micros)
    seconds = np.where(missing, micros[~missing][0], micros) // 1_000_000
    days, clock = np.divmod(seconds, 86_400)
    first, last = int(days.min()), int(days.max())
    if last - first > 200_000:  # instants more than ~550 years apart: no table of days
        texts = np.datetime_as_string(seconds.astype("datetime64[s]"), unit="s").astype(object)
        texts = np.array([t.replace("T", " ") + zone for t in texts.tolist()], dtype=object)
    else:
        day_texts = np.datetime_as_string(np.arange(first, last + 1).astype("datetime64[D]")).astype(object) + " "
        texts = day_texts[days - first] + _clock_texts(zone)[clock]
    fraction = (micros % 1_000_000 != 0) & ~missing
    if fraction.any():
        exact = np.datetime_as_string(micros[fraction].astype("datetime64[us]"), unit="us").tolist()
        texts[fraction] = [t.replace("T", " ") + zone for t in exact]
    texts[missing] = None
    return texts.tolist()


_CLOCKS: dict[str, np.ndarray] = {}


def _clock_texts(zone: str) -> np.ndarray:
    """"HH:MM:SS<zone>" of each second of a day (object array, made once per zone)."""
    found = _CLOCKS.get(zone)
    if found is None:
        found = _CLOCKS[zone] = np.array([f"{h:02d}:{m:02d}:{s:02d}{zone}" for h in range(24) for m in range(60)
                                          for s in range(60)], dtype=object)
    return found


# --- bulk recomputation ----------------------------------------------------------------------


def _read_chunk(after_id: int | None, ids: list[int] | None, limit: int) -> list[tuple]:
    """FIELDS of a chunk of complaints by plain SQL (the ORM's per-value converters were a quarter
    of the time); instants come as naive UTC (text on SQLite)."""
    quote = connection.ops.quote_name
    utc = " AT TIME ZONE 'UTC'" if connection.vendor == "postgresql" else ""
    names = ", ".join(f"{quote(f)}{utc}" if f in MOMENTS or f in DUE_FIELDS else quote(f) for f in FIELDS)
    table = quote(Complaint._meta.db_table)
    with connection.cursor() as cur:
        if ids is not None:
            marks = ", ".join(["%s"] * len(ids))
            cur.execute(f"SELECT {names} FROM {table} WHERE id IN ({marks}) ORDER BY id", ids)
        else:
            cur.execute(f"SELECT {names} FROM {table} WHERE id > %s ORDER BY id LIMIT %s", [after_id, limit])
        return cur.fetchall()


def _changed_rows(rows: list[tuple], cal: WorkCalendar, now: datetime) -> tuple[np.ndarray, dict]:
    """(ids, new STORED columns) of the rows whose stored deadline fields differ from the computed ones."""
    col = dict(zip(FIELDS, (list(c) for c in zip(*rows, strict=True)), strict=True))
    inputs = {f: utc64(col[f]) if f in MOMENTS else col[f] for f in INPUTS}
    new = deadline_columns(inputs, cal, now)
    differs = np.zeros(len(rows), dtype=bool)
    for f in STORED:
        if f in DUE_FIELDS:
            old = utc64(col[f])
            differs |= (old != new[f]) & ~(np.isnat(old) & np.isnat(new[f]))
        else:
            differs |= np.asarray(col[f], dtype=object) != new[f]
    ids = np.asarray(col["id"])[differs]
    return ids, {f: new[f][differs] for f in STORED}


def _write(ids: np.ndarray, new: dict) -> None:
    """Store new deadline fields: on PostgreSQL one UPDATE ... FROM a temporary table filled by
    COPY, elsewhere executemany."""
    table = connection.ops.quote_name(Complaint._meta.db_table)
    dues = {f: storable_instants(new[f]) for f in DUE_FIELDS}
    rows = list(zip(dues["dispose_due_at"], new["dispose_state"].tolist(), dues["follow_up_due_at"],
                    new["follow_up_state"].tolist(), dues["resolve_due_at"], new["resolve_state"].tolist(),
                    ids.tolist(), strict=True))
    with transaction.atomic(), connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("CREATE TEMPORARY TABLE pantau_new_deadlines (dispose_due_at timestamptz, dispose_state text,"
                        " follow_up_due_at timestamptz, follow_up_state text, resolve_due_at timestamptz,"
                        " resolve_state text, id bigint) ON COMMIT DROP")
            copy_rows(cur, "pantau_new_deadlines", rows)
            sets = ", ".join(f"{f} = n.{f}" for f in STORED)
            cur.execute(f"UPDATE {table} AS c SET {sets} FROM pantau_new_deadlines AS n WHERE c.id = n.id")
            cur.execute("DROP TABLE pantau_new_deadlines")
        else:
            sets = ", ".join(f"{f} = %s" for f in STORED)
            cur.executemany(f"UPDATE {table} SET {sets} WHERE id = %s", rows)


def recompute_deadlines(ids=None, now: datetime | None = None, chunk: int = 20000) -> int:
    """Recompute stored due times and states; only rows that change are written. Returns that count."""
    cal, now = get_calendar(), now or timezone.now()
    if ids is not None:
        ids = list(ids)
        if not ids:
            return 0
    total, last_id = 0, 0
    id_batches = [ids[i:i + chunk] for i in range(0, len(ids), chunk)] if ids is not None else None
    while True:
        if id_batches is not None:
            if not id_batches:
                break
            rows = _read_chunk(None, id_batches.pop(0), chunk)
        else:
            rows = _read_chunk(last_id, None, chunk)
            if not rows:
                break
            last_id = rows[-1][0]
        if not rows:
            continue
        changed_ids, new = _changed_rows(rows, cal, now)
        if len(changed_ids):
            with transaction.atomic():
                _write(changed_ids, new)
                versioning.bump()
            total += len(changed_ids)
    return total
