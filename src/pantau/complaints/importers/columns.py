"""A batch of export rows read column by column: `RowParser.parse_batch`.

Each field is read for the whole batch in one pass over its column, at C speed (map, zip, str
methods) where the column is plain: datetimes from the spreadsheet, "dd/mm/yyyy hh:mm" text,
empty cells, text, and vocabulary values, agencies, categories and regions that the parser has
already looked up (its caches; each distinct cell is looked up there once). A row that meets
anything else in any column (a problem, a value not looked up yet, an unknown region or
channel, an odd cell) is read again, whole, by `RowParser.parse`, in row order: its problems,
warnings and look-ups are those of the row-by-row reading. The column passes only read the
parser's caches, so the results and the side effects are exactly those of
`[parser.parse(*item) for item in items]`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import compress, repeat
from operator import add, attrgetter, itemgetter

from pantau.complaints.importers.dates import JAKARTA, parse_datetime
from pantau.complaints.importers.rows import ANONYMOUS_NAMES, ParsedRow, RowParser, text_of
from pantau.complaints.models import Channel, Kind, Status

MISSING = object()  # not known (a known value may be None)
UNREADABLE = object()  # a cell that parse_datetime refuses
MIDNIGHT = time()
# Rows read together: their cells stay in the processor's cache from one column pass to the next
# (measured: 500 rows a chunk read 12% faster than 5000).
CHUNK_ROWS = 500
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)
_DAY, _CLOCK, _TZINFO = itemgetter(slice(None, 10)), itemgetter(slice(11, None)), attrgetter("tzinfo")


class ColumnReader:
    """Reads batches for one RowParser; remembers what it has looked up in the parser's caches."""

    def __init__(self, parser: RowParser):
        self.parser = parser
        self.days: dict[str, datetime | None] = {}  # "12/03/2024" -> midnight WIB (None: not a day)
        self.clocks: dict[str, timedelta | None] = {}  # "14:05" -> 14 h 5 min (None: not a time)
        # Cell -> value, for each vocabulary field, "region" and "category" (a pair of cells).
        self.known: dict[str, dict] = {}
        # (status cell, agency cell) -> (shape, values) that they set; `derived`: the same, with
        # the agency id, where the status is derived from the row's dates.
        self.segments: dict[tuple, tuple] = {}
        self.derived: dict[tuple, tuple] = {}
        self.shapes: dict[tuple[str, ...], int] = {}  # the keys of a segment, in order -> number
        self.unreadable = 0  # cells of the current date column that parse_datetime refuses

    def parse(self, items: list[tuple[int, list, str, str]]) -> list:
        """[parser.parse(*item) for item in items], with the same results and side effects."""
        results: list = []
        for start in range(0, len(items), CHUNK_ROWS):
            results += self._parse(items[start:start + CHUNK_ROWS])
        return results

    def _parse(self, items) -> list:
        bad: set[int] = set()  # rows read again by parser.parse
        cells = self._transpose(items)
        head: dict[str, list] = {"tracking_id": list(map(_THIRD, items))}
        for field in self.parser.date_fields:
            head[field] = self._dates(cells[field], bad)
        self._texts(cells, head, bad)
        self._vocabulary(cells, head, bad)
        segments = self._agency_and_status(cells, head, bad)
        tail = self._places(cells, bad)
        follow_ups = self._follow_ups(cells, head, bad)
        self._required(head, bad)
        return self._assemble(items, head, segments, tail, follow_ups, bad)

    def _transpose(self, items) -> dict[str, tuple]:
        """{field: its cells in the batch}, as `RowParser.extract` reads them (short rows: empty)."""
        columns, width = self.parser.columns, self.parser.widest + 1
        rows = list(map(_SECOND, items))
        if min(map(len, rows)) < width:
            rows = [cells if len(cells) >= width else [*cells, *[""] * (width - len(cells))] for cells in rows]
        if len(columns) == 1:
            ((field, index),) = columns.items()
            return {field: tuple(row[index] for row in rows)}
        picked = map(itemgetter(*columns.values()), rows)
        return dict(zip(columns, zip(*picked, strict=True), strict=True))

    # ------------------------------------------------------------------ dates

    def _dates(self, column, bad: set) -> list:
        """parse_datetime of each cell; a cell it refuses marks its row (and reads as None)."""
        kinds = list(map(type, column))
        found = None
        if kinds.count(str) == len(kinds):
            found = self._text_dates(column)
        elif kinds.count(datetime) + kinds.count(date) == len(kinds):
            found = self._spreadsheet_dates(column, kinds)
        return found if found is not None else self._cell_dates(column, bad)

    def _text_dates(self, column) -> list | None:
        """The dates of a column of "dd/mm/yyyy hh:mm", "dd/mm/yyyy" and empty text only (as
        parse_datetime's fast path reads them); None for any other column."""
        texts = list(map(str.strip, column))
        if not set(map(len, texts)) <= {0, 10, 16}:
            return None
        days, clocks = self.days, self.clocks
        for _attempt in range(2):
            try:
                return [days[text[:10]] + clocks[text[11:]] if text else None for text in texts]
            except KeyError:  # a day or a time not met before
                for day in set(map(_DAY, texts)).difference(days):
                    days[day] = _day(day)
                for clock in set(map(_CLOCK, texts)).difference(clocks):
                    clocks[clock] = _clock(clock)
            except TypeError:  # None + ...: not a day or a time; the cells are read one by one
                return None
        return None

    @staticmethod
    def _spreadsheet_dates(column, kinds: list) -> list | None:
        """The dates of a column of datetimes without time zone and of dates (calamine's reading of
        a midnight); None for any other column."""
        if date in kinds:
            column = list(column)
            for i in _positions(kinds, date):
                column[i] = datetime.combine(column[i], MIDNIGHT)
        if list(map(_TZINFO, column)).count(None) != len(column):
            return None
        # combine() rather than parse_datetime's replace(tzinfo=...): the same datetime, 5x faster.
        return list(map(datetime.combine, column, map(datetime.time, column), repeat(JAKARTA)))

    def _cell_dates(self, column, bad: set) -> list:
        self.unreadable, combine, read = 0, datetime.combine, self._date
        found = [combine(cell, cell.time(), JAKARTA) if cell.__class__ is datetime and cell.tzinfo is None
                 else None if cell == "" else read(cell) for cell in column]
        if self.unreadable:
            _mark(found, UNREADABLE, None, bad)
        return found

    def _date(self, cell):
        """parse_datetime(cell), or UNREADABLE where it raises; "dd/mm/yyyy hh:mm" (parse_datetime's
        own fast path) from the days and clock times already read."""
        if cell.__class__ is str:
            text = cell.strip()
            if len(text) in (10, 16):
                for key, known, read in ((text[:10], self.days, _day), (text[11:], self.clocks, _clock)):
                    if key not in known:
                        known[key] = read(key)
                day, clock = self.days[text[:10]], self.clocks[text[11:]]
                if day is not None and clock is not None:
                    return day + clock
        try:
            return parse_datetime(cell)
        except Exception:  # noqa: BLE001 - parser.parse says why, for the row
            self.unreadable += 1
            return UNREADABLE

    # ------------------------------------------------------------------ texts and look-ups

    @staticmethod
    def _text_column(column, bad: set) -> list:
        """text_of of each cell; a cell that cannot be read as text marks its row."""
        if list(map(type, column)).count(str) == len(column):
            return list(map(str.strip, column))
        try:
            return [cell.strip() if cell.__class__ is str else text_of(cell) for cell in column]
        except Exception:  # noqa: BLE001 - an odd cell: its row is read by parser.parse
            found = []
            for i, cell in enumerate(column):
                try:
                    found.append(text_of(cell))
                except Exception:  # noqa: BLE001
                    bad.add(i)
                    found.append("")
            return found

    def _looked_up(self, name: str, keys, read, bad: set, placeholder, remember=None) -> list:
        """The value of each key (a cell, or a pair of cells) from `known[name]`. A key not known
        yet is read by `read(key)`, and remembered when `remember(key)` says so (always without
        it); MISSING (or an error) from `read` marks the row, and its value is `placeholder`."""
        known = self.known.setdefault(name, {})
        try:
            found = list(map(known.get, keys, repeat(MISSING)))
        except TypeError:  # an unhashable cell
            found = [MISSING] * len(keys)
        for i in _positions(found, MISSING):
            try:
                value = read(keys[i])
            except Exception:  # noqa: BLE001 - an odd cell: parser.parse says
                value = MISSING
            if value is MISSING:
                bad.add(i)
                value = placeholder
            elif remember is None or remember(keys[i]):
                known[keys[i]] = value
            found[i] = value
        return found

    def _cached(self, field: str, column, bad: set, empty) -> list:
        """The parser's reading of each cell of a vocabulary column; `empty` for an empty cell. A
        cell not read yet, or read as unknown (None), marks its row (and reads as `empty`)."""
        cache = self.parser.readings[field]

        def read(cell):  # by cell, as the parser's cache: the same readings
            if cell == "" or cell is None:
                return empty
            reading = cache.get(cell)
            return MISSING if reading is None else reading

        return self._looked_up(field, column, read, bad, empty)

    # ------------------------------------------------------------------ fields, as RowParser's steps

    def _texts(self, cells, head, bad):
        for field, limit in self.parser.text_fields:
            texts = head[field] = self._text_column(cells[field], bad)
            if limit and max(map(len, texts)) > limit:
                bad.update(i for i, text in enumerate(texts) if len(text) > limit)
        if "reporter_name" in self.parser.columns:
            names = head["reporter_name"]
            anonymous = list(map(ANONYMOUS_NAMES.__contains__, map(str.lower, names)))
            for i in _positions(anonymous, True):
                names[i] = ""
            head["is_anonymous"] = anonymous

    def _vocabulary(self, cells, head, bad):
        columns = self.parser.columns
        if "kind" in columns:
            kinds = self._cached("kind", cells["kind"], bad, (Kind.PENGADUAN, False))
            head["kind"], head["supervisory"] = list(map(_FIRST, kinds)), list(map(_SECOND, kinds))
        if "supervisory" in columns:
            flags = self._cached("supervisory", cells["supervisory"], bad, False)
            before = head.get("supervisory") or repeat(False)
            head["supervisory"] = [bool(flag) or earlier for flag, earlier in zip(flags, before, strict=False)]
        if "channel" in columns:
            # An unknown channel is recorded as Other with a warning: parser.parse does both.
            head["channel"] = self._cached("channel", cells["channel"], bad, Channel.OTHER)
        if "privacy" in columns:
            privacies = self._cached("privacy", cells["privacy"], bad, (False, False))
            head["is_anonymous"], head["is_secret"] = list(map(_FIRST, privacies)), list(map(_SECOND, privacies))
        for field in ("is_anonymous", "is_secret"):
            if field in columns:
                head[field] = list(map(bool, self._cached(field, cells[field], bad, False)))

    def _agency_and_status(self, cells, head, bad) -> list[tuple]:
        """Per row, (shape, values): the values that RowParser._agency_and_status sets, and the
        number in `shapes` of their keys (in its order)."""
        columns, n = self.parser.columns, len(head["tracking_id"])
        raws = cells["status"] if "status" in columns else repeat("", n)
        agencies = cells["agency"] if "agency" in columns else repeat("", n)
        keys = list(zip(raws, agencies, strict=False))
        try:
            segments = list(map(self.segments.get, keys))  # statuses read from cells met before
        except TypeError:  # an unhashable cell
            segments = [None] * n
        dates = None
        for i in _positions(segments, None):
            dates = dates or [head.get(f) or [None] * n for f in ("completed_at", "first_follow_up_at", "disposed_at")]
            segments[i] = self._other_segment(keys[i], *(moments[i] for moments in dates))
            if segments[i] is None:
                bad.add(i)  # not looked up yet, unknown, or two different agencies: parser.parse says
                segments[i] = (-1, ())
        return segments

    def _other_segment(self, key: tuple, completed, answered, disposed) -> tuple | None:
        """The (shape, values) of a row whose status is derived from its dates, or whose status and
        agency cells are met for the first time; None when parser.parse must read the row."""
        plain = _plain(key)
        found = self.derived.get(key) if plain else None
        if found is None:
            found = self._segment(*key)
            if found is None:
                return None
            if plain and found[2]:
                self.derived[key] = found
            elif plain:
                self.segments[key] = found[0]
        (shape, values), agency_id, derive = found
        if derive:
            values += (_derived_status(completed, answered, agency_id, disposed),)
        return shape, values

    def _segment(self, raw, agency) -> tuple | None:
        """((shape, values), agency id, whether the status is still to be derived from the dates) of
        a status cell and an agency cell, from the caches; None when parser.parse must read the row."""
        has_status, has_agency = "status" in self.parser.columns, "agency" in self.parser.columns
        try:
            text, name = text_of(raw), text_of(agency)
            reading = self.parser.readings["status"].get(raw) if text else None
        except Exception:  # noqa: BLE001 - an odd cell
            return None
        if text and (reading is None or not reading.status):
            return None
        agency_id, from_status = self._agency_ids(reading, name)
        if agency_id is MISSING:
            return None
        pairs: tuple = ()
        if reading is not None:
            pairs = (("status", reading.status), ("status_text", text), ("auto_closed", reading.auto_closed))
        elif has_status:
            pairs = (("status_text", ""), ("auto_closed", False))
        if has_agency or from_status is not None:
            pairs += (("agency_id", agency_id),)
        keys = tuple(key for key, _value in pairs) + (("status",) if reading is None else ())
        shape = self.shapes.setdefault(keys, len(self.shapes))
        return (shape, tuple(value for _key, value in pairs)), agency_id, reading is None

    def _agency_ids(self, reading, name: str) -> tuple:
        """(the row's agency id, the id named by its status) from the agencies already looked up;
        MISSING as the agency id when parser.parse must decide (a name not looked up yet or
        unknown, or two different agencies)."""
        cache = self.parser.agencies.cache
        agency_id = cache.get(name) if name else None
        if name and agency_id is None:
            return MISSING, None
        if reading is None or not reading.agency_name:
            return agency_id, None
        from_status = cache.get(reading.agency_name)
        if from_status is None or (name and agency_id != from_status):
            return MISSING, None
        return (agency_id if name else from_status), from_status

    def _places(self, cells, bad) -> dict[str, list]:
        columns, parser, tail = self.parser.columns, self.parser, {}
        if "category" in columns or "subcategory" in columns:
            n = len(next(iter(cells.values())))
            pairs = list(zip(cells.get("category") or repeat("", n), cells.get("subcategory") or repeat("", n), strict=False))

            def category(pair):
                path, sub = text_of(pair[0]), text_of(pair[1])
                return parser.categories.cache.get((path, sub), MISSING) if path or sub else None

            tail["category_id"] = self._looked_up("category", pairs, category, bad, None, _plain)
        if "region" in columns:

            def region(cell):  # not looked up yet, or unknown (left empty with a warning): MISSING
                text = text_of(cell)
                return (parser.regions.cache.get(text) or MISSING) if text else None

            tail["region_id"] = self._looked_up("region", cells["region"], region, bad, None, _plain)
        return tail

    def _follow_ups(self, cells, head, bad) -> list | None:
        """Per row, the follow-up (date, text) or None, as RowParser._follow_up reads it; a first
        follow-up column is given the values _follow_up leaves in it."""
        columns, n = self.parser.columns, len(head["tracking_id"])
        if "follow_up_at" not in columns and "follow_up_text" not in columns:
            return None
        texts = self._text_column(cells["follow_up_text"], bad) if "follow_up_text" in columns else [""] * n
        whens = self._dates(cells["follow_up_at"], bad) if "follow_up_at" in columns else [None] * n
        if "first_follow_up_at" not in head:  # `when or None` is `when` (_assemble sets the first)
            follow_ups = list(zip(whens, texts, strict=True))
            for i in _positions(whens, None):
                follow_ups[i] = None
            return follow_ups
        follow_ups, firsts = [], []
        for when, text, first in zip(whens, texts, head["first_follow_up_at"], strict=True):
            when = when or (first if text else None)
            follow_ups.append(None if when is None else (when, text))
            firsts.append(first if when is None else when if first is None else min(first, when))
        head["first_follow_up_at"] = firsts
        return follow_ups

    def _required(self, head, bad):
        """Marks the rows with a tracking ID over 32 characters or without a date received."""
        tracking_ids = head["tracking_id"]
        if max(map(len, tracking_ids)) > 32:
            bad.update(i for i, tracking_id in enumerate(tracking_ids) if len(tracking_id) > 32)
        if "received_at" in head:
            bad.update(_positions(head["received_at"], None))
        else:
            bad.update(range(len(tracking_ids)))

    # ------------------------------------------------------------------ rows

    def _assemble(self, items, head, segments, tail, follow_ups, bad) -> list:
        """The rows' results in order: fast rows from the columns, the others from parser.parse.

        The fast rows make no side effect, so that they are made first and the others then read,
        in row order, by parser.parse."""
        # Keys by shape number; the last, empty, is that of the rows read by parser.parse.
        keys = [(*head, *shape, *tail) for shape in self.shapes] + [()]
        shapes, segment_values = zip(*segments, strict=True)
        values = map(add, map(add, zip(*head.values(), strict=True), segment_values),
                     zip(*tail.values(), strict=True) if tail else repeat(()))
        rows = list(map(dict, map(zip, map(keys.__getitem__, shapes), values)))  # dict(zip(keys, values))
        if follow_ups and "first_follow_up_at" not in head:
            # The first follow-up of a row with a follow-up is its date, a key of its own at the end.
            for row, (when, _text) in zip(compress(rows, follow_ups), filter(None, follow_ups), strict=True):
                row["first_follow_up_at"] = when
        numbers, _cells, tracking_ids, hashes = zip(*items, strict=True)
        parsed = map(ParsedRow, numbers, tracking_ids, hashes, rows, follow_ups or repeat(None))
        results = list(zip(parsed, map(list, repeat((), len(items))), strict=True))  # no problem
        for i in sorted(bad):
            results[i] = self.parser.parse(*items[i])
        return results


def _positions(values: list, value) -> list[int]:
    """The indexes of `value` in `values`, found at C speed (list.index)."""
    found, start = [], 0
    try:
        while True:
            start = values.index(value, start) + 1
            found.append(start - 1)
    except ValueError:
        return found


def _mark(found: list, sign, placeholder, bad: set) -> None:
    """Marks the rows whose value is `sign` and sets their placeholder."""
    for i in _positions(found, sign):
        bad.add(i)
        found[i] = placeholder


def _plain(key) -> bool:
    """Is the key (a cell or a tuple of cells) text or empty? Only then is it remembered: 1, 1.0
    and True are one dictionary key but three texts."""
    if key.__class__ is tuple:
        return all(cell is None or cell.__class__ is str for cell in key)
    return key is None or key.__class__ is str


# _day_month_year, parse_datetime's fast path, in two halves remembered apart: it reads a text of
# 10 or 16 characters with "/" at 2 and 5 (and ":" at 13) by int() of its parts, or gives up.


def _day(text: str) -> datetime | None:
    """Midnight WIB of the first 10 characters of such a text; None where it gives up."""
    if text[2:3] != "/" or text[5:6] != "/":
        return None
    try:
        return datetime(int(text[6:10]), int(text[3:5]), int(text[:2]), tzinfo=JAKARTA)
    except ValueError:
        return None


def _clock(text: str) -> timedelta | None:
    """The time of day of its characters from 11 on ("hh:mm", or "" for midnight); None where it gives up."""
    if not text:
        return timedelta()
    if text[2:3] != ":":
        return None
    try:
        hours, minutes = int(text[:2]), int(text[3:5])
        time(hours, minutes)  # the same range checks as datetime()
    except ValueError:
        return None
    return timedelta(hours=hours, minutes=minutes)


def _derived_status(completed, answered, agency_id, disposed) -> str:
    """RowParser._derived_status, from the values it reads."""
    if completed:
        return Status.COMPLETED
    if answered:
        return Status.FOLLOWED_UP
    if agency_id or disposed:
        return Status.DISPOSED
    return Status.UNVERIFIED
