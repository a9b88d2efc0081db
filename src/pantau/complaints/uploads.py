"""Uploaded LAPOR! exports kept in PANTAU_DATA_DIR/uploads/ between the dry run and the confirmation,
and afterwards, so that nothing a user uploaded is ever lost."""

import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

ALLOWED_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".ods", ".csv")
MAX_BYTES = 100 * 1024 * 1024
TOKEN_RE = re.compile(r"[0-9a-f]{32}")


@dataclass
class Upload:
    token: str
    path: Path
    file_name: str
    user_id: int
    mapping_name: str
    headers: list[str] | None = None


def uploads_dir() -> Path:
    path = Path(settings.DATA_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def safe_name(name: str) -> str:
    """The file's own name reduced to safe characters (no folders, no dots in front)."""
    base = Path(name).name
    cleaned = re.sub(r"[^A-Za-z0-9._ -]+", "_", base).strip(" .") or "upload"
    return cleaned[-150:]


def store(uploaded_file, *, user, mapping_name: str = "") -> Upload:
    """Write the upload to its own folder with a small JSON note of who sent it; returns the Upload."""
    token = uuid.uuid4().hex
    folder = uploads_dir() / token
    folder.mkdir()
    path = folder / safe_name(uploaded_file.name)
    with path.open("wb") as out:
        for chunk in uploaded_file.chunks():
            out.write(chunk)
    meta = {"file_name": uploaded_file.name, "stored_as": path.name, "user_id": user.pk,
            "mapping_name": mapping_name, "uploaded_at": timezone.now().isoformat()}
    (folder / "upload.json").write_text(json.dumps(meta))
    return Upload(token, path, uploaded_file.name, user.pk, mapping_name)


def load(token: str) -> Upload | None:
    """The stored upload for a token, or None when the token is malformed or unknown."""
    if not TOKEN_RE.fullmatch(token or ""):
        return None
    folder = uploads_dir() / token
    try:
        meta = json.loads((folder / "upload.json").read_text())
    except (OSError, ValueError):
        return None
    return Upload(token, folder / meta["stored_as"], meta["file_name"], meta["user_id"],
                  meta.get("mapping_name", ""), meta.get("headers"))


def remember_headers(upload: Upload, headers: list[str]) -> None:
    """Keep the file's column headers (seen in the first dry run) so that confirming need not read it twice."""
    note = upload.path.parent / "upload.json"
    meta = json.loads(note.read_text())
    meta["headers"] = headers
    note.write_text(json.dumps(meta))
    upload.headers = headers
