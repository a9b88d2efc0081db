"""Exports of other monitoring tools (CSV, XLSX, JSON or JSON lines) with a column mapping.

config {"path": "/data/ekspor.xlsx", "mapping": {"text": "Konten", ...}, "kind": "news"}: the mapping
names the file's column for each field; fields it leaves out are found by header synonyms. A row
without text and title, or with a date that cannot be read, is rejected with its row number and
column (Partial: the good rows are stored). Cursor: {"sha1": hash of the file last imported}; an
unchanged file is not read again.
"""

import csv
import hashlib
import io
import json
from pathlib import Path

from .base import Item, Partial, SourceError, parse_time

SYNONYMS = {
    "text": ["text", "content", "konten", "isi", "message", "snippet", "body", "full text", "teks"],
    "title": ["title", "judul", "headline"],
    "url": ["url", "link", "tautan", "permalink"],
    "author": ["author", "penulis", "username", "account", "akun", "screen name"],
    "published_at": ["published", "date", "tanggal", "published at", "created at", "time", "waktu", "datetime"],
    "site": ["site", "domain", "media", "source domain", "situs"],
    "likes": ["likes", "like", "favorites", "suka"],
    "shares": ["shares", "retweets", "reposts", "bagikan"],
    "comments": ["comments", "replies", "komentar", "balasan"],
    "views": ["views", "impressions", "tayangan"],
    "reach": ["reach", "followers", "jangkauan", "pengikut"],
    "kind": ["kind", "type", "channel", "platform", "jenis"],
}
NUMBERS = ("likes", "shares", "comments", "views", "reach")
KINDS = {"twitter": "x", "x": "x", "youtube": "youtube", "mastodon": "mastodon", "news": "news",
         "online news": "news", "berita": "news", "media online": "news"}


def read_rows(path: Path) -> list[dict]:
    """The file's rows as {header: value}; SourceError naming the file when it cannot be read."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xls", ".ods"):
            from python_calamine import CalamineWorkbook

            sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
            header = [str(h).strip() for h in sheet[0]] if sheet else []
            return [dict(zip(header, row, strict=False)) for row in sheet[1:]]
        raw = path.read_bytes().decode("utf-8-sig")
        if suffix in (".json", ".jsonl", ".ndjson"):
            data = json.loads(raw) if raw.lstrip().startswith("[") else [json.loads(x) for x in raw.splitlines() if x.strip()]
            return [row for row in data if isinstance(row, dict)]
        dialect = csv.Sniffer().sniff(raw[:4096], delimiters=",;\t") if raw.strip() else csv.excel
        return list(csv.DictReader(io.StringIO(raw), dialect=dialect))
    except (OSError, ValueError, csv.Error, Exception) as exc:
        raise SourceError(f"{path.name}: cannot read the file: {exc}") from None


def column_map(headers: list[str], mapping: dict) -> dict[str, str]:
    """field -> header: the configured mapping first, then header synonyms (case-insensitive)."""
    lower = {h.strip().lower(): h for h in headers if h}
    out = {f: h for f, h in mapping.items() if h in headers}
    for field, names in SYNONYMS.items():
        found = next((lower[n] for n in names if n in lower), None)
        if field not in out and found:
            out[field] = found
    return out


def fetch(source, cursor: dict) -> tuple[list[Item], dict]:
    path = Path(source.config.get("path", ""))
    if not source.config.get("path") or not path.is_file():
        raise SourceError(f"file not found: {path}")
    digest = hashlib.sha1(path.read_bytes()).hexdigest()
    if cursor.get("sha1") == digest:
        return [], cursor
    rows = read_rows(path)
    columns = column_map(list(rows[0].keys()) if rows else [], source.config.get("mapping", {}))
    if "text" not in columns and "title" not in columns:
        raise SourceError(f"{path.name}: no column for the text (looked for {', '.join(SYNONYMS['text'])})")
    items, problems = [], []
    for number, row in enumerate(rows, start=2):
        item, problem = _item(row, columns, source.config.get("kind", "news"))
        if problem:
            problems.append(f"{path.name} row {number}: {problem}")
        else:
            items.append(item)
    if problems:
        raise Partial("; ".join(problems[:20]) + (f" (+{len(problems) - 20} more)" if len(problems) > 20 else ""), items)
    return items, {"sha1": digest}


def _item(row: dict, columns: dict, default_kind: str) -> tuple[Item | None, str]:
    def get(field):
        value = row.get(columns.get(field, ""), "")
        return "" if value is None else value

    text, title = str(get("text")).strip(), str(get("title")).strip()
    if not text and not title:
        return None, f"column {columns.get('text', 'text')!r} is empty"
    raw_time = get("published_at")
    when = parse_time(raw_time) if raw_time != "" else None
    if raw_time != "" and when is None:
        return None, f"column {columns['published_at']!r}: cannot read the date {raw_time!r}"
    numbers = {}
    for field in NUMBERS:
        value = get(field)
        if isinstance(value, int | float):
            numbers[field] = int(value)
            continue
        value = str(value).replace(".", "").replace(",", "").strip()
        if value:
            if not value.lstrip("-").isdigit():
                return None, f"column {columns[field]!r}: {get(field)!r} is not a number"
            numbers[field] = int(value)
    kind = KINDS.get(str(get("kind")).strip().lower(), default_kind)
    return Item(kind=kind, text=text, title=title, url=str(get("url")).strip(), author=str(get("author")).strip(),
                site=str(get("site")).strip(), published_at=when, **numbers), ""
