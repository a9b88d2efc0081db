"""One export row read into a complaint's field values, or into rejections naming row, column and value."""

from __future__ import annotations

import hashlib
import operator
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pantau.complaints.importers.dates import DateError, parse_datetime
from pantau.complaints.importers.resolvers import AgencyResolver, CategoryResolver, RegionResolver
from pantau.complaints.importers.statuses import (
    read_bool,
    read_channel,
    read_kind,
    read_privacy,
    read_status,
)
from pantau.complaints.models import Channel, Complaint, Kind, Status

DATE_FIELDS = ("received_at", "verified_at", "disposed_at", "first_follow_up_at", "last_activity_at",
               "completed_at")
TEXT_FIELDS = {"title": 500, "text": None, "reporter_name": 200, "reporter_phone": 40,
               "reporter_email": 200, "reporter_id_number": 32}
UNKNOWN_KIND = gettext_noop("unknown classification; use Pengaduan, Aspirasi or Permintaan Informasi")
NOT_YES_OR_NO = gettext_noop("not yes or no")
UNKNOWN_PRIVACY = gettext_noop("unknown; use Publik, Anonim or Rahasia")
ANONYMOUS_NAMES = {"anonim", "anonymous", "anonimus", "dirahasiakan", "rahasia"}


class RowProblem(Exception):
    """A cell that cannot be imported; the reason is already translated."""

    def __init__(self, field: str, value, reason: str):
        super().__init__(reason)
        self.field, self.value, self.reason = field, value, reason


@dataclass
class ParsedRow:
    number: int
    tracking_id: str
    row_hash: str
    values: dict  # Complaint field name -> value
    follow_up: tuple[datetime, str] | None = None


def clean_tracking_id(value) -> str:
    """"#9165816", 9165816.0 and " 9165816 " all give "9165816"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return str(value).strip().lstrip("#").strip() if value is not None else ""


def text_of(value) -> str:
    """A cell as text: whole numbers without ".0" (phone numbers, NIK typed as numbers)."""
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def managed_fields(mapping: dict) -> list[str]:
    """The Complaint fields an import with this mapping sets (and compares with what is stored)."""
    fields = ["tracking_id", "received_at", "status"]
    for field in mapping:
        if field in DATE_FIELDS or field in TEXT_FIELDS:
            fields.append(field)
    for field, model_fields in (("kind", ["kind", "supervisory"]), ("supervisory", ["supervisory"]),
                                ("category", ["category_id"]), ("subcategory", ["category_id"]),
                                ("channel", ["channel"]), ("region", ["region_id"]),
                                ("privacy", ["is_anonymous", "is_secret"]), ("is_anonymous", ["is_anonymous"]),
                                ("is_secret", ["is_secret"]), ("agency", ["agency_id"]),
                                ("status", ["agency_id", "status_text", "auto_closed"]),
                                ("reporter_name", ["is_anonymous"]),
                                ("follow_up_at", ["first_follow_up_at"])):
        if field in mapping:
            fields += model_fields
    return list(dict.fromkeys(fields))


class RowParser:
    """Reads rows of one table with one mapping. Caches vocabulary look-ups by raw value."""

    def __init__(self, headers: list[str], mapping: dict[str, str], agencies: AgencyResolver,
                 categories: CategoryResolver, regions: RegionResolver):
        position = {h: i for i, h in reversed(list(enumerate(headers)))}
        self.columns = {field: position[header] for field, header in mapping.items()}
        self.headers = mapping
        self.agencies, self.categories, self.regions = agencies, categories, regions
        self.tracking_index = self.columns["tracking_id"]
        self.widest = max(self.columns.values())
        fields = sorted(self.columns)
        self.pick = operator.itemgetter(*[self.columns[f] for f in fields], self.tracking_index)
        self.hash_prefix = (repr(sorted(mapping.items())) + "\x1e").encode()
        self.managed = managed_fields(mapping)
        self.warnings: dict[tuple[str, str], str] = {}
        self.readings: dict[str, dict] = {field: {} for field in self.columns}
        self.date_fields = [f for f in DATE_FIELDS if f in self.columns]
        self.text_fields = [(f, limit) for f, limit in TEXT_FIELDS.items() if f in self.columns]
        self.steps = (self._dates, self._texts, self._vocabulary, self._agency_and_status, self._places)
        self._column_reader = None  # for parse_batch, made on first use

    # --------------------------------------------------------------- quick look

    def extract(self, cells: list) -> dict:
        """{field: cell} of one row (short rows: missing cells are empty)."""
        if len(cells) > self.widest:
            found = {field: cells[index] for field, index in self.columns.items()}
            if None in found.values():
                return {field: "" if value is None else value for field, value in found.items()}
            return found
        width = len(cells)
        return {field: cells[index] if index < width and cells[index] is not None else ""
                for field, index in self.columns.items()}

    def tracking_id(self, cells: list) -> str:
        index = self.tracking_index
        return clean_tracking_id(cells[index]) if index < len(cells) else ""

    def row_hash(self, cells: list) -> str:
        """A hash of the row's mapped cells as read: an unchanged row is skipped without being parsed.

        Mapped cells only, so that a running "No" column does not make two copies of a report
        differ; taken with itemgetter and repr (C speed), in field order, after the mapping itself.
        """
        try:
            picked = self.pick(cells)
        except IndexError:  # a short row: its missing cells are empty
            picked = self.pick(cells + [""] * (self.widest + 1 - len(cells)))
        return hashlib.sha1(self.hash_prefix + repr(picked).encode(), usedforsecurity=False).hexdigest()

    # --------------------------------------------------------------- full read

    def parse(self, number: int, cells: list, tracking_id: str, row_hash: str) -> tuple[ParsedRow | None, list[RowProblem]]:
        """The row's values, or the problems that reject it (all of them, not just the first)."""
        values: dict = {"tracking_id": tracking_id}
        problems: list[RowProblem] = []
        cells = self.extract(cells)
        for step in self.steps:
            try:
                step(cells, values, problems)
            except RowProblem as problem:
                problems.append(problem)
        follow_up = self._follow_up(cells, values, problems)
        if len(tracking_id) > 32:
            problems.append(RowProblem("tracking_id", tracking_id, _("longer than 32 characters")))
        if values.get("received_at") is None and not any(p.field == "received_at" for p in problems):
            problems.append(RowProblem("received_at", "", _("the date received is empty")))
        if problems:
            return None, problems
        return ParsedRow(number, tracking_id, row_hash, values, follow_up), []

    def parse_batch(self, items: list[tuple[int, list, str, str]]) -> list[tuple[ParsedRow | None, list[RowProblem]]]:
        """`[self.parse(*item) for item in items]`, read column by column (columns.py): the same
        results and side effects (warnings, caches, agency suggestions, categories), in less time."""
        if self._column_reader is None:
            # Imported here: columns.py builds on this module.
            from pantau.complaints.importers.columns import ColumnReader

            self._column_reader = ColumnReader(self)
        return self._column_reader.parse(items)

    def _dates(self, cells, values, problems):
        for field in self.date_fields:
            raw = cells[field]
            try:
                values[field] = parse_datetime(raw)
            except DateError as error:
                problems.append(RowProblem(field, raw, _("not a date (%(why)s); write e.g. 12/03/2024 14:05 or 12 Maret 2024")
                                           % {"why": _(str(error))}))

    def _texts(self, cells, values, problems):
        for field, limit in self.text_fields:
            text = cells[field]
            text = text.strip() if type(text) is str else text_of(text)
            if limit and len(text) > limit:
                problems.append(RowProblem(field, text[:60] + "…", _("longer than %(limit)d characters") % {"limit": limit}))
            values[field] = text
        name = values.get("reporter_name", "")
        if name.lower() in ANONYMOUS_NAMES:
            values["reporter_name"], values["is_anonymous"] = "", True
        elif "reporter_name" in self.columns:
            values["is_anonymous"] = False

    def _choice(self, cells, field, reader, problems, reason):
        """The reading of a vocabulary cell, cached by raw value; `reason` is a msgid used on failure."""
        raw = cells.get(field, "")
        if raw == "" or field not in self.columns:
            return None
        cache = self.readings[field]
        try:
            found = cache[raw]
        except (KeyError, TypeError):
            found = cache[raw] = reader(raw)
        if found is None:
            problems.append(RowProblem(field, raw, _(reason)))
        return found

    def _vocabulary(self, cells, values, problems):
        if "kind" in self.columns:
            kind = self._choice(cells, "kind", read_kind, problems, UNKNOWN_KIND)
            values["kind"], values["supervisory"] = kind or (Kind.PENGADUAN, False)
        if "supervisory" in self.columns:
            flag = self._choice(cells, "supervisory", read_bool, problems, NOT_YES_OR_NO)
            values["supervisory"] = bool(flag) or values.get("supervisory", False)
        if "channel" in self.columns:
            raw = cells.get("channel", "")
            values["channel"] = self._choice(cells, "channel", read_channel, [], "") if raw != "" else Channel.OTHER
            if values["channel"] is None:
                values["channel"] = Channel.OTHER
                self.warnings[("channel", str(raw))] = _("unknown channel, recorded as Other")
        if "privacy" in self.columns:
            privacy = self._choice(cells, "privacy", read_privacy, problems, UNKNOWN_PRIVACY)
            values["is_anonymous"], values["is_secret"] = privacy or (False, False)
        for field in ("is_anonymous", "is_secret"):
            if field in self.columns:
                values[field] = bool(self._choice(cells, field, read_bool, problems, NOT_YES_OR_NO))

    def _agency_and_status(self, cells, values, problems):
        status_agency = ""
        if "status" in self.columns:
            raw = text_of(cells.get("status", ""))
            reading = self._choice(cells, "status", read_status, [], "") if raw else None
            if raw and reading is None:
                problems.append(RowProblem("status", raw, _("unknown status")))
            elif reading:
                values.update(status=reading.status, status_text=raw, auto_closed=reading.auto_closed)
                status_agency = reading.agency_name
            else:
                values.update(status_text="", auto_closed=False)
        named = text_of(cells.get("agency", ""))
        if "agency" in self.columns:
            values["agency_id"] = self._agency(named, "agency", problems) if named else None
        if status_agency:
            from_status = self._agency(status_agency, "status", problems)
            if "agency" not in self.columns or not named:
                values["agency_id"] = from_status
            elif from_status is not None and values["agency_id"] not in (None, from_status):
                # Two different agencies for one report: never pick one silently.
                problems.append(RowProblem("status", status_agency, _("names another agency than the agency column (%(name)s)") % {"name": named}))
        if not values.get("status"):
            values["status"] = self._derived_status(values)

    def _agency(self, name: str, field: str, problems) -> int | None:
        """The id of the named agency; an unknown name is a problem with the closest names suggested."""
        agency_id = self.agencies.resolve(name)
        if agency_id is None:
            suggestions = self.agencies.unknown.get(name) or []
            hint = (_("did you mean: %(names)s?") % {"names": "; ".join(suggestions)} if suggestions
                    else _("add the name as an alias of the agency"))
            problems.append(RowProblem(field, name, _("unknown agency") + "; " + hint))
        return agency_id

    @staticmethod
    def _derived_status(values) -> str:
        """A status from the dates, for exports without a status column (or an empty cell)."""
        if values.get("completed_at"):
            return Status.COMPLETED
        if values.get("first_follow_up_at"):
            return Status.FOLLOWED_UP
        if values.get("agency_id") or values.get("disposed_at"):
            return Status.DISPOSED
        return Status.UNVERIFIED

    def _places(self, cells, values, problems):
        if "category" in self.columns or "subcategory" in self.columns:
            path, sub = text_of(cells.get("category", "")), text_of(cells.get("subcategory", ""))
            values["category_id"] = self.categories.resolve(path, sub) if (path or sub) else None
        if "region" in self.columns:
            raw = text_of(cells.get("region", ""))
            values["region_id"] = self.regions.resolve(raw) if raw else None
            if raw and values["region_id"] is None:
                self.warnings[("region", raw)] = _("not one of Banten's kabupaten/kota; region left empty")

    def _follow_up(self, cells, values, problems) -> tuple[datetime, str] | None:
        if "follow_up_at" not in self.columns and "follow_up_text" not in self.columns:
            return None
        text = text_of(cells.get("follow_up_text", ""))
        when = None
        if "follow_up_at" in self.columns:
            raw = cells.get("follow_up_at", "")
            try:
                when = parse_datetime(raw)
            except DateError as error:
                problems.append(RowProblem("follow_up_at", raw, _("not a date (%(why)s); write e.g. 12/03/2024 14:05 or 12 Maret 2024") % {"why": _(str(error))}))
                return None
        when = when or (values.get("first_follow_up_at") if text else None)
        if when is None:
            return None
        first = values.get("first_follow_up_at")
        values["first_follow_up_at"] = when if first is None else min(first, when)
        return when, text


COMPLAINT_FIELDS = {f.name for f in Complaint._meta.concrete_fields}
