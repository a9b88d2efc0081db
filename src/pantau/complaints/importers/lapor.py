"""Import of SP4N-LAPOR! export files: `run_import()` is the one entry point (CLI, upload page, jobs).

Decisions (documented for users in docs/import-lapor.md):
- All or nothing: when any row is rejected, nothing is saved, and the result lists every rejected
  row (row, column, value, reason) so that the file can be fixed and imported again.
- Agencies are never created or guessed; categories new to Pantau are created (LAPOR!'s taxonomy).
- Every run is recorded as an ImportBatch, dry runs and refused files included.
- A first import of a report records no event (its timestamps are its history); a newer export
  records one event per change (status, disposition, follow-up, closure, reporter reply, data).
"""

from __future__ import annotations

import gc
import hashlib
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pantau.complaints import versioning
from pantau.complaints.importers.mapping import FIELDS, REQUIRED, detect_mapping, header_key, label
from pantau.complaints.importers.readers import FileProblem, Table, read_table
from pantau.complaints.importers.session import Session
from pantau.complaints.models import ColumnMapping, ImportBatch

log = logging.getLogger(__name__)
__all__ = ["ImportResult", "detect_mapping", "read_headers", "run_import"]


@dataclass
class ImportResult:
    """What an import did or would do; `ok` is True when nothing was rejected."""

    counts: dict = field(default_factory=lambda: {"new": 0, "changed": 0, "unchanged": 0, "rejected": 0})
    rejections: list[dict] = field(default_factory=list)
    mapping: dict = field(default_factory=dict)
    unmapped_headers: list[str] = field(default_factory=list)
    missing_required: list[str] = field(default_factory=list)
    agency_suggestions: dict = field(default_factory=dict)
    batch: ImportBatch | None = None
    ok: bool = False
    message: str = ""
    dry_run: bool = False
    warnings: list[dict] = field(default_factory=list)
    new_categories: list[str] = field(default_factory=list)
    duplicate_rows: int = 0
    events: int = 0
    sheet: str = ""

    def as_dict(self) -> dict:
        """The result as plain data (the CLI's --json document)."""
        return {
            "ok": self.ok, "dry_run": self.dry_run, "message": self.message, "counts": self.counts,
            "rejections": self.rejections, "warnings": self.warnings, "mapping": self.mapping,
            "unmapped_headers": self.unmapped_headers, "missing_required": self.missing_required,
            "agency_suggestions": self.agency_suggestions, "new_categories": self.new_categories,
            "duplicate_rows": self.duplicate_rows, "events": self.events, "sheet": self.sheet,
            "batch": self.batch.pk if self.batch else None,
            "outcome": self.batch.outcome if self.batch else None,
        }


def read_headers(path, sheet: str | None = None) -> list[str]:
    """The header row of a file (for the upload page); raises FileProblem for a bad file."""
    return read_table(path, sheet).headers


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def choose_mapping(headers: list[str], mapping: dict | None, mapping_name: str | None) -> dict[str, str]:
    """The detected mapping, overlaid by a saved mapping and then by the user's own choices."""
    chosen = detect_mapping(headers)
    if mapping_name:
        saved = ColumnMapping.objects.filter(name=mapping_name).first()
        if saved is None:
            raise FileProblem(gettext_noop("There is no saved column mapping named \"%(name)s\"."), name=mapping_name)
        _overlay(chosen, headers, saved.mapping, strict=False)
    if mapping:
        _overlay(chosen, headers, mapping, strict=True)
    return chosen


def _overlay(chosen: dict, headers: list[str], choices: dict, strict: bool) -> None:
    by_key = {}
    for header in headers:
        by_key.setdefault(header_key(header), header)
    for field_name, header in choices.items():
        if field_name not in FIELDS:
            raise FileProblem(gettext_noop("Unknown field \"%(field)s\"; known fields: %(fields)s."),
                              field=field_name, fields=", ".join(FIELDS))
        if not header:
            chosen.pop(field_name, None)
            continue
        found = header if header in headers else by_key.get(header_key(header))
        if found is None:
            if strict:
                raise FileProblem(gettext_noop("The file has no column \"%(header)s\" (chosen for %(field)s)."),
                                  header=header, field=label(field_name))
            continue  # a saved mapping may name columns this export lacks: detection stands
        for other in [f for f, h in chosen.items() if h == found]:
            del chosen[other]
        chosen[field_name] = found


def run_import(path, *, file_name=None, mapping=None, mapping_name=None, save_mapping_as=None,
               dry_run=False, user=None, sheet=None) -> ImportResult:
    """Import (or with dry_run, only check) one LAPOR! export file. Never raises for a bad file:
    the result says what was wrong, and nothing was changed."""
    path = Path(path)
    result = ImportResult(dry_run=dry_run)
    sha = sha256_of(path) if path.is_file() else ""
    result.batch = ImportBatch.objects.create(
        file_name=file_name or path.name, sha256=sha, user=user, mapping_name=mapping_name or "")
    try:
        table = read_table(path, sheet)
        result.sheet = table.sheet
        _prepare_mapping(result, table, mapping, mapping_name, save_mapping_as, user)
        _run_rows(result, table, dry_run)
    except FileProblem as problem:
        result.ok = False
        result.message = _(problem.message) % problem.params if problem.params else _(problem.message)
        _finish(result, ImportBatch.Outcome.REJECTED)
    except Exception as error:
        log.exception("import of %s failed", path)
        result.message = _("The import failed and nothing was saved: %(error)s") % {"error": error}
        _finish(result, ImportBatch.Outcome.FAILED)
        raise
    return result


def _prepare_mapping(result, table: Table, mapping, mapping_name, save_mapping_as, user) -> None:
    result.mapping = choose_mapping(table.headers, mapping, mapping_name)
    used = set(result.mapping.values())
    result.unmapped_headers = [h for h in table.headers if h and h not in used]
    result.missing_required = [f for f in REQUIRED if f not in result.mapping]
    if result.missing_required:
        raise FileProblem(gettext_noop("Required columns are missing: %(fields)s. Choose the columns that hold them."),
                          fields=", ".join(label(f) for f in result.missing_required))
    if save_mapping_as:
        ColumnMapping.objects.update_or_create(
            name=save_mapping_as, defaults={"mapping": result.mapping, "created_by": user})


# SQLite's page cache during an import, in KiB: room for the rows written and their indexes
# (about 1.3 KiB a report, follow-up included), at least 256 MB and at most 2 GB. A cache that
# holds the whole transaction spares the index rebuild from reading the new pages back from the WAL
# file (1M rows: 24.6 s -> 14.7 s); the cache is the process's memory only while it is used.
SQLITE_CACHE_KIB_PER_ROW = 1.3
SQLITE_CACHE_KIB = (262144, 2097152)


def sqlite_cache_kib(expected_rows: int) -> int:
    """The page cache, in KiB, for an import of about this many rows."""
    low, high = SQLITE_CACHE_KIB
    return int(min(high, max(low, expected_rows * SQLITE_CACHE_KIB_PER_ROW)))


@contextmanager
def _bulk_mode(expected_rows: int):
    """Settings for a bulk load: no cyclic garbage collection (the rows make no cycles, and the
    collector's passes over millions of live objects cost a fifth of the time), and on SQLite a
    page cache large enough for the rows and indexes the import writes."""
    collecting = gc.isenabled()
    gc.disable()
    old_cache = None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            old_cache = cursor.execute("PRAGMA cache_size").fetchone()[0]
            cursor.execute(f"PRAGMA cache_size = -{sqlite_cache_kib(expected_rows)}")
    try:
        yield
    finally:
        if collecting:
            gc.enable()
        if old_cache is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(old_cache)}")


def _run_rows(result: ImportResult, table: Table, dry_run: bool) -> None:
    with _bulk_mode(table.size_hint), transaction.atomic():
        session = Session(table, result.mapping, dry_run=dry_run, batch_id=result.batch.pk)
        session.run()
        if session.data_rows == 0:
            raise FileProblem(gettext_noop("The file has a header row but no reports under it."))
        refused = bool(session.rejected_rows)
        if refused or dry_run:
            transaction.set_rollback(True)
        else:
            versioning.bump()  # the rows went in as plain SQL: no signal told the caches
    _collect(result, session)
    if refused:
        result.message = _("%(count)d row(s) rejected: nothing was saved. Fix the rows listed and import the file again.") % {"count": result.counts["rejected"]}
        _finish(result, ImportBatch.Outcome.REJECTED)
    else:
        result.ok = True
        counts = {k: result.counts[k] for k in ("new", "changed", "unchanged")}
        template = (_("Dry run: %(new)d new, %(changed)d changed, %(unchanged)d unchanged. Nothing was saved.")
                    if dry_run else _("Imported: %(new)d new, %(changed)d changed, %(unchanged)d unchanged."))
        result.message = template % counts
        _finish(result, ImportBatch.Outcome.DRY_RUN if dry_run else ImportBatch.Outcome.COMMITTED)


def _collect(result: ImportResult, session: Session) -> None:
    result.counts = dict(session.counts)
    result.rejections = sorted(session.rejections, key=lambda r: r["row"])
    result.agency_suggestions = dict(session.agencies.unknown)
    result.new_categories = list(session.categories.created)
    result.duplicate_rows = session.duplicates
    result.events = session.events_written
    result.warnings = [{"column": session.mapping.get(f, f), "value": v, "reason": r}
                       for (f, v), r in session.parser.warnings.items()]


def _finish(result: ImportResult, outcome: str) -> None:
    batch = result.batch
    batch.outcome = outcome
    batch.finished_at = timezone.now()
    batch.mapping = result.mapping
    batch.counts = result.counts
    batch.errors = result.rejections
    batch.message = result.message
    batch.save(update_fields=["outcome", "finished_at", "mapping", "counts", "errors", "message"])
