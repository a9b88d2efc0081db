"""Reading an export file into a header and rows: XLSX/XLS/ODS through calamine, CSV by sniffing.

The header row is the first row (of the first 30) that names a tracking-ID column, so merged title
rows above the table are skipped. Row numbers are the ones a user sees in the spreadsheet (1-based).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import python_calamine
from django.utils.translation import gettext_noop

from pantau.complaints.importers.mapping import is_tracking_header

HEADER_SEARCH_ROWS = 30
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls
CSV_DELIMITERS = ",;\t"
# A CSV cell that a spreadsheet would evaluate: "=SUM(A1:A3)", "=B2", "=HYPERLINK(...)".
CSV_FORMULA = re.compile(r"^=\s*(?:[A-Za-z][A-Za-z0-9_.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+)")


class FileProblem(Exception):
    """The file cannot be imported at all. `message` is an English msgid, `params` fill it."""

    def __init__(self, message: str, **params):
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params


@dataclass
class Table:
    """One sheet's table: the header, and an iterator of (spreadsheet row number, cells)."""

    headers: list[str]
    header_row: int
    rows: Iterator[tuple[int, list]]
    sheet: str = ""
    kind: str = "xlsx"
    formula_cells: list[str] = field(default_factory=list)  # "F12" for the first few formulas
    first_column: int = 0  # 0-based spreadsheet column of headers[0]
    size_hint: int = 0  # about how many rows follow the header (blank ones included)


def _clean_header(value) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _find_header(rows: Iterator[list], first_row: int = 1):
    """(header row number, headers, rest of the iterator), or None when no tracking-ID header is near the top."""
    for number, cells in enumerate(rows, start=first_row):
        if number - first_row >= HEADER_SEARCH_ROWS:
            return None
        if any(is_tracking_header(c) for c in cells if isinstance(c, str) and c.strip()):
            return number, [_clean_header(c) for c in cells], rows
    return None


# ---------------------------------------------------------------- spreadsheets


def _formula_cells(path: Path, sheet: str, limit: int = 5) -> list[str]:
    """References of the first formula cells of an XLSX sheet, found by scanning its XML.

    calamine returns a formula's cached value, which is stale or empty when the file was written by
    a program that does not calculate; we refuse such cells. Scanning the XML is cheap (no parse).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            member = _sheet_member(archive, sheet)
            if member is None:
                return []
            found, tail = [], b""
            pattern = re.compile(rb'<c r="([A-Z]+\d+)"[^>]*>\s*<f[\s>/]')
            with archive.open(member) as stream:
                while len(found) < limit:
                    chunk = stream.read(1 << 22)
                    if not chunk:
                        break
                    # Most sheets have no formula: a C-speed search of each chunk (and of the seam
                    # with the previous one) decides; the regex runs only where "<f" occurs.
                    if b"<f" in chunk or b"<f" in tail + chunk[:300]:
                        data = tail + chunk
                        found += [m.decode() for m in pattern.findall(data) if m.decode() not in found]
                    tail = chunk[-300:]
            return found[:limit]
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        return []


def _sheet_member(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding the named sheet's XML (workbook.xml + its relationships)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.findall("p:Relationship", ns)}
    for node in workbook.findall("m:sheets/m:sheet", ns):
        if node.get("name") == sheet:
            target = targets.get(node.get(f"{{{ns['r']}}}id"), "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def read_workbook(path: Path, sheet: str | None) -> Table:
    """The table of the named sheet, or of the first sheet with a tracking-ID header."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several error types for broken files
        raise FileProblem(gettext_noop("The file is not a spreadsheet that can be read (%(error)s)."), error=str(exc)) from None
    names = workbook.sheet_names
    if sheet is not None and sheet not in names:
        raise FileProblem(gettext_noop("The file has no sheet named \"%(sheet)s\"; its sheets are: %(sheets)s."),
                          sheet=sheet, sheets=", ".join(names))
    empty = True
    scan = zipfile.is_zipfile(path)
    # The formula scan reads the sheet's XML while calamine parses it: both release the GIL
    # (zlib and Rust), so on two cores the scan costs no time.
    with ThreadPoolExecutor(1, thread_name_prefix="formula-scan") as scanner:
        for name in [sheet] if sheet is not None else names:
            formulas = scanner.submit(_formula_cells, path, name) if scan else None
            worksheet = workbook.get_sheet_by_name(name)
            empty = empty and worksheet.height == 0
            found = _find_header(worksheet.iter_rows())
            if found:
                number, headers, rest = found
                return Table(headers, number, enumerate(rest, start=number + 1), name, "xlsx",
                             formulas.result() if formulas else [],
                             worksheet.start[1] if worksheet.start else 0, max(worksheet.height - number, 0))
    if empty:
        raise FileProblem(gettext_noop("The file is empty."))
    if sheet is not None:
        raise FileProblem(gettext_noop("Sheet \"%(sheet)s\" has no tracking-ID column (a header such as \"TrackingID\" or \"Nomor Tracking\")."), sheet=sheet)
    raise FileProblem(gettext_noop("No sheet of the file has a tracking-ID column (a header such as \"TrackingID\" or \"Nomor Tracking\"); sheets: %(sheets)s."),
                      sheets=", ".join(names))


# ---------------------------------------------------------------- CSV


def decode(raw: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode
    text"), else Windows-1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise FileProblem(gettext_noop("The file is neither a spreadsheet nor a text (CSV) file.")) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise FileProblem(gettext_noop("The file is neither a spreadsheet nor a text (CSV) file.")) from None


def sniff_delimiter(sample: str) -> str:
    """The delimiter (`,` `;` or tab) that splits the first lines into the most, equal, fields."""
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in CSV_DELIMITERS:
        counts = [len(r) for r in csv.reader(lines, delimiter=delimiter)]
        if not counts or max(counts) < 2:
            continue
        widest = max(counts)
        score = (sum(1 for c in counts if c == widest), widest)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(path: Path) -> Table:
    """The table of a CSV file in any of the accepted encodings and delimiters."""
    raw = path.read_bytes()
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(gettext_noop("The file is neither a spreadsheet nor a text (CSV) file."))
    text = decode(raw)
    if not text.strip():
        raise FileProblem(gettext_noop("The file is empty."))
    delimiter = sniff_delimiter(text[:65536])
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    found = _find_header(rows)
    if not found:
        raise FileProblem(gettext_noop("The file has no tracking-ID column (a header such as \"TrackingID\" or \"Nomor Tracking\")."))
    number, headers, rest = found
    return Table(headers, number, enumerate(rest, start=number + 1), "", "csv", size_hint=text.count("\n"))


def read_table(path, sheet: str | None = None) -> Table:
    """The export's table. Raises FileProblem for an empty file, a file that is not a spreadsheet,
    a missing sheet, or no tracking-ID column."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise FileProblem(gettext_noop("The file cannot be opened: %(error)s"), error=exc.strerror or str(exc)) from None
    if size == 0:
        raise FileProblem(gettext_noop("The file is empty."))
    if head.startswith(ZIP_MAGIC) or head.startswith(OLE_MAGIC):
        return read_workbook(path, sheet)
    if sheet is not None:
        raise FileProblem(gettext_noop("A CSV file has no sheets; leave out the sheet name."))
    return read_csv(path)
