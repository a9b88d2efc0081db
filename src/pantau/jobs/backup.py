"""Backups of the whole database and their restoration.

SQLite: the online backup API (sqlite3.Connection.backup) copies a consistent snapshot while the
application keeps running. PostgreSQL: pg_dump in its custom format, restored with pg_restore --clean
in one transaction (all or nothing). Restoring refuses a database that already holds data unless
forced, so a mistyped command cannot overwrite the office's live data.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from django.db import connections

# Tables whose rows mean "someone has been using this database" (migrate alone fills none of them).
DATA_TABLES = ("auth_user", "agencies_agency", "complaints_complaint")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why (in the user's language)."""


def vendor(alias: str = "default") -> str:
    return connections[alias].vendor


def has_data(alias: str = "default") -> bool:
    """True when any of DATA_TABLES exists and has a row."""
    conn = connections[alias]
    existing = set(conn.introspection.table_names())
    with conn.cursor() as cur:
        for table in DATA_TABLES:
            if table in existing:
                cur.execute(f"SELECT 1 FROM {conn.ops.quote_name(table)} LIMIT 1")
                if cur.fetchone():
                    return True
    return False


def _pg_env(settings_dict: dict) -> dict:
    env = dict(os.environ)
    for var, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    return env


def _run(cmd: list[str], env: dict) -> None:
    if shutil.which(cmd[0]) is None:
        raise BackupError(f"{cmd[0]} not found: install the PostgreSQL client tools")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{cmd[0]} failed: {done.stderr.strip()[-2000:]}")


def _sqlite_backup(conn, tmp: str) -> None:
    if conn.in_atomic_block:
        raise BackupError("cannot back up from inside a transaction")
    if conn.is_in_memory_db():
        conn.ensure_connection()
        source = conn.connection  # the test database lives only in this connection
    else:
        # A connection of our own reads the last committed state (WAL) without blocking the app.
        source = sqlite3.connect(conn.settings_dict["NAME"], timeout=30)
    target = sqlite3.connect(tmp)
    try:
        source.backup(target, pages=1024)
    finally:
        target.close()
        if source is not conn.connection:
            source.close()


def backup(out: Path, alias: str = "default") -> Path:
    """Write a complete copy of the database to `out` (written beside it first, then renamed)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    try:
        conn = connections[alias]
        if conn.vendor == "sqlite":
            _sqlite_backup(conn, tmp)
        elif conn.vendor == "postgresql":
            sd = conn.settings_dict
            _run(["pg_dump", "--format=custom", "--no-owner", "--file", tmp, sd["NAME"]], _pg_env(sd))
        else:
            raise BackupError(f"backups of {conn.vendor} databases are not supported")
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def _check_sqlite_file(path: Path) -> None:
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        src.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite backup: {exc}") from None
    if "django_migrations" not in tables:
        raise BackupError(f"{path} is not a Pantau backup (no django_migrations table)")


def restore(path: Path, alias: str = "default", force: bool = False) -> None:
    """Replace the database's contents with the backup at `path`."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    if not force and has_data(alias):
        raise BackupError("the database already holds data")
    conn = connections[alias]
    if conn.vendor == "sqlite":
        _check_sqlite_file(path)
        conn.ensure_connection()
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        src.backup(conn.connection)
        src.close()
    elif conn.vendor == "postgresql":
        sd = conn.settings_dict
        conn.close()
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              "--dbname", sd["NAME"], str(path)], _pg_env(sd))
    else:
        raise BackupError(f"restoring {conn.vendor} databases is not supported")
    conn.close()
