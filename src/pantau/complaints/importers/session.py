"""The row loop of one import: batch look-ups, new/changed/unchanged, events, and the writes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from django.db import connection
from django.utils.translation import gettext as _
from openpyxl.utils import column_index_from_string

from pantau.agencies.models import Region
from pantau.complaints import sla
from pantau.complaints.importers.background import DatabaseThread
from pantau.complaints.importers.readers import CSV_FORMULA, Table
from pantau.complaints.importers.resolvers import AgencyResolver, CategoryResolver, RegionResolver
from pantau.complaints.importers.rows import ParsedRow, RowParser
from pantau.complaints.importers.writer import Writer, stored_rows
from pantau.complaints.models import Category, Complaint, ComplaintEvent, FollowUp, Status

BATCH_ROWS = 5000
# Databases whose work runs in a second thread during an import (see DatabaseThread: on SQLite
# it measured no faster).
THREADED_VENDORS = {"postgresql"}
MAX_LISTED = 1000  # rejections listed in full; the count is always exact
PERSONAL_FIELDS = {"reporter_name", "reporter_phone", "reporter_email", "reporter_id_number"}
# Timestamps move with every activity; their changes show through the status, disposition and
# follow-up events, so they get no "data changed" event of their own.
SILENT_FIELDS = {"tracking_id", "received_at", "verified_at", "disposed_at", "first_follow_up_at",
                 "last_activity_at", "completed_at", "status_text", "auto_closed", "status", "agency_id"}
# The status as spelled in the export ("Terdisposisi ke Dinkes" vs "... Dinas Kesehatan"): stored
# with a real change, but a different spelling alone is no change.
COSMETIC_FIELDS = {"status_text"}
Event = ComplaintEvent.Kind


class Session:
    """Reads every row of a table, counts and (unless dry or rejected) writes, within the caller's transaction."""

    def __init__(self, table: Table, mapping: dict[str, str], *, dry_run: bool, batch_id: int):
        self.table, self.mapping, self.dry_run = table, mapping, dry_run
        self.agencies = AgencyResolver()
        self.categories = CategoryResolver(create=not dry_run)
        self.regions = RegionResolver()
        self.parser = RowParser(table.headers, mapping, self.agencies, self.categories, self.regions)
        self.writer = Writer(batch_id)
        self.counts = {"new": 0, "changed": 0, "unchanged": 0, "rejected": 0}
        self.duplicates = 0
        self.rejections: list[dict] = []
        self.rejected_rows: set[int] = set()
        self.events_written = 0
        self.data_rows = 0
        self._names: dict[tuple[str, int], str] = {}
        self.db: DatabaseThread | None = None  # while run() runs

    @property
    def writing(self) -> bool:
        """Rows are written only on a real import and only until the first rejection (then all rolls back)."""
        return not self.dry_run and not self.rejected_rows

    def reject(self, row: int, field: str, value, reason: str) -> None:
        self.rejected_rows.add(row)
        self.counts["rejected"] = len(self.rejected_rows)
        if len(self.rejections) < MAX_LISTED:
            column = self.mapping.get(field, field)
            self.rejections.append({"row": row, "column": column, "value": _shown(value), "reason": reason})

    def run(self) -> None:
        """Batch by batch: look up which rows are stored, check the rows, write them.

        The database work runs in a second thread (DatabaseThread), queued in this order: the
        look-up of batch k+1 is queued before the writes of batch k, so that batch k's writes run
        while batch k+1 is read (and, once its look-up is back, checked). A look-up never waits
        for an earlier batch's writes: a tracking ID is looked up once per file (_rows).
        """
        self._reject_formulas()
        with DatabaseThread(threaded=connection.vendor in THREADED_VENDORS) as db:
            self.db = db
            self.categories.call = db.call
            if not self.dry_run:
                db.call(getattr, self.writer, "calendar")  # loaded here: complaint_rows() makes no query
            batches = self._batches()
            upcoming = self._look_up(next(batches, None))
            while upcoming is not None:
                pending, lookup = upcoming
                upcoming = self._look_up(next(batches, None))
                self._flush(pending, lookup.result())
                db.check()
            db.call(self.writer.restore_indexes)
        self.db = None

    def _look_up(self, pending):
        """(the batch, the Future of its stored rows), or None after the last batch."""
        if pending is None:
            return None
        return pending, self.db.submit(stored_rows, [item[2] for item in pending])

    # ------------------------------------------------------------------ reading

    def _batches(self) -> Iterator[list[tuple[int, list, str, str]]]:
        pending: list[tuple[int, list, str, str]] = []
        for item in self._rows():
            pending.append(item)
            if len(pending) >= BATCH_ROWS:
                yield pending
                pending = []
        if pending:
            yield pending

    def _rows(self) -> Iterator[tuple[int, list, str, str]]:
        """(row number, cells, tracking ID, hash) of rows to look at; rejects duplicates and formulas."""
        parser, seen = self.parser, {}
        check_formulas = self.table.kind == "csv"
        for number, cells in self.table.rows:
            tracking_id = parser.tracking_id(cells)
            if not tracking_id:
                if any(str(c).strip() for c in cells):
                    self.data_rows += 1
                    self.reject(number, "tracking_id", "", _("the tracking ID is empty"))
                continue
            self.data_rows += 1
            if check_formulas and self._csv_formula(number, cells):
                continue
            row_hash = parser.row_hash(cells)
            first = seen.get(tracking_id)
            if first is None:
                seen[tracking_id] = (row_hash, number)
                yield number, cells, tracking_id, row_hash
            elif first[0] == row_hash:
                self.duplicates += 1  # the same report twice, identical: harmless
            else:
                self.reject(number, "tracking_id", tracking_id,
                            _("the same tracking ID is on row %(row)d with different data") % {"row": first[1]})

    def _csv_formula(self, number: int, cells: list) -> bool:
        joined = "\x1f" + "\x1f".join(cells)
        if "\x1f=" not in joined:
            return False
        found = False
        for index, cell in enumerate(cells):
            if CSV_FORMULA.match(cell):
                header = self.table.headers[index] if index < len(self.table.headers) else ""
                self._reject_cell(number, header, cell)
                found = True
        return found

    def _reject_formulas(self) -> None:
        for ref in self.table.formula_cells:
            letters, digits = re.match(r"([A-Z]+)(\d+)", ref).groups()
            index = column_index_from_string(letters) - 1 - self.table.first_column
            header = self.table.headers[index] if 0 <= index < len(self.table.headers) else letters
            self._reject_cell(int(digits), header, "=…")

    def _reject_cell(self, row: int, header: str, value) -> None:
        self.rejected_rows.add(row)
        self.counts["rejected"] = len(self.rejected_rows)
        self.rejections.append({"row": row, "column": header, "value": _shown(value),
                                "reason": _("a formula; save the sheet with values only (Paste Special > Values)")})

    # ------------------------------------------------------------------ one batch

    def _flush(self, pending: list[tuple[int, list, str, str]], found: list[tuple[str, int, str]]) -> None:
        stored = {tid: (pk, row_hash) for tid, pk, row_hash in found}
        new_rows, old_rows = [], []
        to_parse, knowns = self._to_parse(pending, stored)
        # Read column by column: the same rows and problems as parse() row by row, faster.
        parsed = self.parser.parse_batch(to_parse)
        for (number, *_rest), known, (row, problems) in zip(to_parse, knowns, parsed, strict=True):
            for problem in problems:
                self.reject(number, problem.field, problem.value, problem.reason)
            if row is not None:
                (old_rows if known else new_rows).append((row, known[0] if known else None))
        self.counts["new"] += len(new_rows)
        if self.writing and new_rows:
            rows = [row for row, _pk in new_rows]
            # The table rows are made here, the database thread only writes them: Python work
            # in both threads would take turns on the GIL instead of overlapping the database's.
            table_rows = self.writer.complaint_rows([(row.values, row.row_hash) for row in rows])
            self.db.submit(self._write_new, table_rows, rows)  # not waited for
        if old_rows:
            self.db.call(self._compare_and_write_changed, old_rows)

    def _to_parse(self, pending: list[tuple[int, list, str, str]], stored: dict) -> tuple[list, list]:
        """The rows to read, neither rejected already nor unchanged, and the (id, hash) stored for
        each (None for a new report); counts the unchanged ones."""
        to_parse, knowns = [], []
        for item in pending:
            number, _cells, tracking_id, row_hash = item
            known = stored.get(tracking_id)
            if number in self.rejected_rows:
                continue  # a formula cell: already rejected
            if known and known[1] == row_hash:
                self.counts["unchanged"] += 1
                continue
            to_parse.append(item)
            knowns.append(known)
        return to_parse, knowns

    def _write_new(self, table_rows: list[tuple], rows: list[ParsedRow]) -> None:
        """Insert new reports and their follow-ups (in the database thread)."""
        self.writer.defer_indexes(self.table.size_hint)
        self.writer.insert_complaint_rows(table_rows)
        answered = [row for row in rows if row.follow_up]
        if not answered:
            return
        ids = self.writer.ids_of([row.tracking_id for row in answered])
        self.writer.insert_follow_ups([
            {"complaint_id": ids[row.tracking_id], "agency_id": row.values.get("agency_id"),
             "posted_at": row.follow_up[0], "text": row.follow_up[1]}
            for row in answered
        ])

    def _compare_and_write_changed(self, rows: list[tuple[ParsedRow, int]]) -> None:
        if not rows:
            return
        fields = [f for f in self.parser.managed if f != "tracking_id"]
        ids = [pk for _row, pk in rows]
        # The deadline inputs too: the writer computes the deadlines from the stored report with
        # this export's values over it.
        read = list(dict.fromkeys([*fields, *sla.INPUTS]))
        old = {v["id"]: v for v in Complaint.objects.filter(id__in=ids).values("id", *read)}
        known_follow_ups = {(pk, _minute(at)) for pk, at in
                            FollowUp.objects.filter(complaint_id__in=ids).values_list("complaint_id", "posted_at")}
        changed, rehashed, events, follow_ups = [], [], [], []
        for row, pk in rows:
            before = old[pk]
            diff = {f: row.values[f] for f in fields
                    if f in row.values and f not in COSMETIC_FIELDS and not _same(before[f], row.values[f])}
            new_follow_up = bool(row.follow_up) and (pk, _minute(row.follow_up[0])) not in known_follow_ups
            if not diff and not new_follow_up:
                self.counts["unchanged"] += 1
                rehashed.append((row.row_hash, pk))
                continue
            self.counts["changed"] += 1
            changed.append((pk, {**before, **row.values}, row.row_hash))
            events += self._events(pk, before, row, diff, new_follow_up)
            if new_follow_up:
                follow_ups.append({"complaint_id": pk, "agency_id": row.values.get("agency_id", before.get("agency_id")),
                                   "posted_at": row.follow_up[0], "text": row.follow_up[1]})
        if self.writing:
            self.writer.update_complaints(fields, changed)
            self.writer.update_hashes(rehashed)
            self.writer.insert_events(events)
            self.writer.insert_follow_ups(follow_ups)
            self.events_written += len(events)

    # ------------------------------------------------------------------ events

    def _events(self, pk: int, before: dict, row: ParsedRow, diff: dict, new_follow_up: bool) -> list[dict]:
        """One event per change seen between the stored report and this export's row."""
        values = row.values
        now = self.writer.now
        activity = values.get("last_activity_at") or now
        events = []

        def add(kind, field="", old="", new="", at=None):
            events.append({"complaint_id": pk, "kind": kind, "field": field, "old_value": old,
                           "new_value": new, "occurred_at": at or activity})

        if "agency_id" in diff and diff["agency_id"] is not None:
            add(Event.DISPOSITION, "agency", self._name("agency", before["agency_id"]),
                self._name("agency", diff["agency_id"]), values.get("disposed_at") if "disposed_at" in diff else None)
        follow_up_at = row.follow_up[0] if new_follow_up else (
            diff.get("first_follow_up_at") if before.get("first_follow_up_at") is None else None)
        if follow_up_at:
            add(Event.FOLLOW_UP, "follow_up", "", row.follow_up[1] if row.follow_up else "", follow_up_at)
        if "status" in diff:
            self._status_event(add, before["status"], diff["status"], values, bool(follow_up_at), "agency_id" in diff)
        for field, new in diff.items():
            if field not in SILENT_FIELDS:
                shown = field not in PERSONAL_FIELDS  # personal data stays out of the history
                add(Event.FIELD, field, self._name(field, before[field]) if shown else "",
                    self._name(field, new) if shown else "")
        return events

    @staticmethod
    def _status_event(add, old: str, new: str, values: dict, followed_up: bool, disposed: bool) -> None:
        if new == Status.COMPLETED:
            add(Event.CLOSED, "status", old, "completed_auto" if values.get("auto_closed") else new,
                values.get("completed_at"))
        elif new == Status.REPORTER_REPLIED:
            add(Event.REPORTER_REPLIED, "status", old, new)
        elif (new == Status.FOLLOWED_UP and followed_up) or (new == Status.DISPOSED and disposed):
            return  # the follow-up or disposition event already says it
        else:
            add(Event.STATUS, "status", old, new)

    def _name(self, field: str, value) -> str:
        """A stored value as people read it in the history (agency, category and region by name)."""
        if value is None:
            return ""
        models = {"agency": None, "agency_id": None, "category_id": Category, "region_id": Region}
        if field not in models:
            return str(value)
        key = (field, value)
        if key not in self._names:
            if field in ("agency", "agency_id"):
                self._names[key] = self.agencies.names.get(value, str(value))
            else:
                found = models[field].objects.filter(pk=value).first()
                self._names[key] = str(found) if found else str(value)
        return self._names[key]


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _same(old, new) -> bool:
    """Equal, or the same minute when the export prints times to the minute only."""
    if old == new:
        return True
    if isinstance(old, datetime) and isinstance(new, datetime) and new.second == 0 and new.microsecond == 0:
        return _minute(old) == new
    return False


def _shown(value) -> str:
    """A cell value as the user typed it, shortened for a message."""
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"
