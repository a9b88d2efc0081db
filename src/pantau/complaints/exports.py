"""CSV (streamed) and XLSX (openpyxl write-only) exports of a filtered report list.

Personal fields (UU 27/2022) are only ever written for a koordinator who asks for them, and then
every report whose personal fields left the system is written to the PersonalDataAccess log.
"""

import csv
import tempfile
from collections.abc import Iterator
from itertools import islice

from django.core.cache import cache
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.agencies.roles import KOORDINATOR, role_of
from pantau.complaints.models import Channel, DeadlineState, Kind, PersonalDataAccess, Status
from pantau.lib.periods import WIB

CHUNK = 2000
CACHE_MAX_ROWS = 10_000  # about 2.7 MB of CSV (0.4 MB zlib-compressed on disk); bigger exports are streamed, not kept
CACHE_SECONDS = 60 * 60
XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, minus the header row

BASE_FIELDS = [
    ("tracking_id", "tracking_id"), ("received_at", "received_at"), ("title", "title"),
    ("kind", "kind"), ("supervisory", "supervisory"), ("channel", "channel"),
    ("category", "category__name"), ("region", "region__name"), ("agency", "agency__name"),
    ("agency_slug", "agency__slug"), ("status", "status"), ("disposed_at", "disposed_at"),
    ("first_follow_up_at", "first_follow_up_at"), ("completed_at", "completed_at"),
    ("dispose_due_at", "dispose_due_at"), ("dispose_state", "dispose_state"),
    ("follow_up_due_at", "follow_up_due_at"), ("follow_up_state", "follow_up_state"),
    ("resolve_due_at", "resolve_due_at"), ("resolve_state", "resolve_state"),
    ("is_anonymous", "is_anonymous"), ("is_secret", "is_secret"),
]
PERSONAL_FIELDS = [
    ("reporter_name", "reporter_name"), ("reporter_phone", "reporter_phone"),
    ("reporter_email", "reporter_email"), ("reporter_id_number", "reporter_id_number"),
    ("text", "text"),
]
LABELS = {**dict(Kind.choices), **dict(Channel.choices), **dict(Status.choices), **dict(DeadlineState.choices)}


def may_export_personal(user) -> bool:
    return role_of(user) == KOORDINATOR


def _columns(personal: bool) -> list[tuple[str, str]]:
    return BASE_FIELDS + PERSONAL_FIELDS if personal else BASE_FIELDS


def _cell(value):
    """WIB local time without offset (what a spreadsheet user expects); labels for codes."""
    if hasattr(value, "astimezone"):
        return value.astimezone(WIB).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if value is None:
        return ""
    return value


def rows(qs, user, *, personal: bool, limit: int | None = None) -> Iterator[list]:
    """Header, then one list per report; audit rows written chunk by chunk as personal data leaves."""
    personal = personal and may_export_personal(user)
    cols = _columns(personal)
    yield [name for name, _ in cols]
    lookups = [lookup for _, lookup in cols] + ["id"]
    values = qs.values_list(*lookups)
    if limit:
        values = values[:limit]
    chunk_ids: list[int] = []
    for record in values.iterator(chunk_size=CHUNK):
        yield [str(LABELS.get(v, v)) if isinstance(v, str) and i in _CODED else _cell(v)
               for i, v in enumerate(record[:-1])]
        if personal:
            chunk_ids.append(record[-1])
            if len(chunk_ids) >= CHUNK:
                _record_access(user, chunk_ids)
                chunk_ids = []
    if personal and chunk_ids:
        _record_access(user, chunk_ids)


_CODED = {i for i, (name, _) in enumerate(BASE_FIELDS)
          if name in ("kind", "channel", "status", "dispose_state", "follow_up_state", "resolve_state")}


def _record_access(user, ids: list[int]) -> None:
    PersonalDataAccess.objects.bulk_create(
        [PersonalDataAccess(user=user, complaint_id=i, via="export") for i in ids])


class _Echo:
    def write(self, value):
        return value


def _file_name(ext: str) -> str:
    return f"pantau-laporan-{timezone.localtime():%Y%m%d-%H%M}.{ext}"


def cached_csv(cache_key: str) -> StreamingHttpResponse | None:
    """The export kept under `cache_key`, or None. Only exports without personal data are ever kept."""
    body = cache.get(cache_key)
    return None if body is None else _csv_download(iter([body]))


def _csv_download(stream) -> StreamingHttpResponse:
    response = StreamingHttpResponse(stream, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_file_name("csv")}"'
    return response


def csv_response(qs, user, *, personal: bool, cache_key: str | None = None) -> StreamingHttpResponse:
    """A CSV streamed row by row: memory stays flat whatever the number of reports.

    With `cache_key` (whose data version was read before the rows are), an export of at most
    CACHE_MAX_ROWS reports is kept in the shared cache and sent from there the next time. An export
    with personal data never is: each one must reach the audit log."""
    writer = csv.writer(_Echo())
    lines = (writer.writerow(r) for r in rows(qs, user, personal=personal))
    if personal and may_export_personal(user):
        cache_key = None
    if cache_key:
        head = list(islice(lines, CACHE_MAX_ROWS + 2))  # the header row and up to CACHE_MAX_ROWS reports
        if len(head) <= CACHE_MAX_ROWS + 1:
            body = "\ufeff" + "".join(head)
            cache.set(cache_key, body, CACHE_SECONDS)
            stream = iter([body])
        else:  # too big to keep: stream the rest
            stream = _chain(["\ufeff"], head, lines)
    else:
        stream = _chain(["\ufeff"], lines)  # BOM so Excel reads UTF-8
    return _csv_download(stream)


def _chain(*iterables):
    for it in iterables:
        yield from it


def xlsx_response(qs, user, *, personal: bool) -> FileResponse:
    """An XLSX written with openpyxl's write-only mode to a temporary file, then sent."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Reports"))
    for row in rows(qs, user, personal=personal, limit=XLSX_MAX_ROWS):
        sheet.append(row)
    tmp = tempfile.TemporaryFile(suffix=".xlsx")
    book.save(tmp)
    tmp.seek(0)
    return FileResponse(
        tmp, as_attachment=True, filename=_file_name("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
