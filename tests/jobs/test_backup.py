"""A backup restored into an empty database gives back exactly the same data, table by table."""

import sqlite3
import uuid
from datetime import UTC, datetime
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from pantau.jobs.actions import queue_mail
from pantau.jobs.models import JobRun
from pantau.lib.periods import WIB

from .conftest import report

pytestmark = pytest.mark.django_db(transaction=True)


def comparable(value):
    """A value as text; aware datetimes in UTC (drivers name the UTC zone differently)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).isoformat()
    return repr(value)


def rows_by_table(cursor, tables, quote):
    """Every row of every table, sorted, as comparable tuples."""
    out = {}
    for table in tables:
        cursor.execute(f"SELECT * FROM {quote(table)}")
        out[table] = sorted(tuple(map(comparable, row)) for row in cursor.fetchall())
    return out


def django_tables():
    return sorted(t for t in connection.introspection.table_names())


def make_data(dinkes, pupr):
    report("3001", dinkes, datetime(2024, 5, 2), reporter_name="Siti Aminah", reporter_phone="0812")
    report("3002", pupr, datetime(2024, 5, 13), kind="aspirasi")
    queue_mail("admin@dinkes.bantenprov.go.id", "digest", "2024-05-17", "Pengingat", "Isi")
    JobRun.objects.create(name="reminders", slot="2024-05-17", started_at=datetime(2024, 5, 17, 8, tzinfo=WIB))


def test_a_sqlite_backup_restored_into_an_empty_database_gives_back_every_row(personas, dinkes, pupr, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite round trip; the PostgreSQL one runs when DATABASE_URL points to PostgreSQL")
    make_data(dinkes, pupr)
    tables = django_tables()
    with connection.cursor() as cur:
        before = rows_by_table(cur, tables, connection.ops.quote_name)
    assert sum(len(r) for r in before.values()) > 20
    path = tmp_path / "pantau.sqlite3.bak"
    call_command("backup", "--out", str(path), stderr=StringIO())

    # Restore into a brand-new empty database file ...
    # (read with Django's column converters, as the live rows were)
    fresh = sqlite3.connect(tmp_path / "fresh.sqlite3", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
    sqlite3.connect(path).backup(fresh)
    restored = rows_by_table(fresh.cursor(), tables, lambda t: f'"{t}"')
    assert restored == before

    # ... and into the emptied live database with `pantau restore`.
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(path), stderr=StringIO())
    with connection.cursor() as cur:
        assert rows_by_table(cur, tables, connection.ops.quote_name) == before


def test_a_postgresql_backup_restored_into_an_empty_database_gives_back_every_row(personas, dinkes, pupr, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("runs when DATABASE_URL points to PostgreSQL")
    from pantau.jobs import backup

    make_data(dinkes, pupr)
    tables = django_tables()
    sd = connection.settings_dict
    params = dict(host=sd["HOST"] or None, port=sd["PORT"] or None, user=sd["USER"] or None,
                  password=sd["PASSWORD"] or None)
    with psycopg.connect(dbname=sd["NAME"], **params) as live:  # the same driver reads both sides
        before = rows_by_table(live.cursor(), tables, lambda t: f'"{t}"')
    assert sum(len(r) for r in before.values()) > 20
    path = tmp_path / "pantau.dump"
    call_command("backup", "--out", str(path), stderr=StringIO())

    target = f"{sd['NAME']}_restore_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{target}"')
    try:
        backup._run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                     "--dbname", target, str(path)], backup._pg_env(sd))
        with psycopg.connect(dbname=target, **params) as restored:
            after = rows_by_table(restored.cursor(), tables, lambda t: f'"{t}"')
        assert after == before
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
