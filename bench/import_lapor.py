"""Benchmark of the LAPOR! importer at scale (issue 2, section 6). Not a test.

    PYTHONPATH=src .venv/bin/python bench/import_lapor.py --rows 1000000 [--db sqlite|postgres|both] [--record]

Generates (once, cached in bench/.cache/) an export of N reports as XLSX written by openpyxl's
write-only mode, with the mess of real exports (title rows, text and Excel dates, agency aliases,
region spellings, "Terdisposisi ke ..." statuses). Then, each phase in its own process so that peak
memory (ru_maxrss) belongs to that phase alone:
  parse     raw calamine: open the sheet and walk every row (the baseline)
  dry       run_import(dry_run=True) on an empty database
  commit    run_import() on an empty database (one transaction, deadlines computed before the insert)
  floor     (SQLite) the committed rows written again into a new database, as the importer
            writes them but with nothing read or checked: what SQLite alone needs
  reimport  run_import() of the same file again (nothing changes)
Goals: commit <= 3x parse, reimport <= 2x parse. PostgreSQL is used when it answers on 127.0.0.1:5432.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
PG_DB = os.environ.get("PANTAU_BENCH_PG_DB", "pantau_bench_importer")  # another name for parallel runs
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DB}"
HEADERS = ["No", "Tracking ID", "Tanggal Laporan Masuk", "Judul", "Isi Laporan", "Klasifikasi", "Kategori",
           "Kanal", "Lokasi", "Anonim", "Status", "Terdisposisi ke", "Tanggal Disposisi",
           "Tanggal Tindak Lanjut", "Tindak Lanjut", "Tanggal Selesai", "Nama Pelapor", "No. HP Pelapor"]
STATUSES = ["Belum Terverifikasi", "Terdisposisi ke {agency}", "Proses", "Ditindaklanjuti oleh Instansi",
            "Ditanggapi oleh Pelapor", "Selesai", "Selesai otomatis", "Tunda", "Bukan Wewenang"]
WORDS = ("jalan rusak berlubang mohon segera diperbaiki warga sudah melapor berkali kali namun belum ada "
         "tindakan dari dinas terkait sekolah rumah sakit antrean lama pelayanan petugas lampu mati banjir "
         "sampah menumpuk bantuan sosial tidak tepat sasaran pungutan liar pajak kendaraan samsat").split()


# ------------------------------------------------------------------ the export file


def generate(path: Path, rows: int, seed: int = 2024) -> float:
    """Write the export; returns seconds taken."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    sys.path.insert(0, str(ROOT / "src"))
    from pantau.demo.catalog import AGENCIES, CATEGORIES, REGIONS

    rng = random.Random(seed)
    agency_names = [name for spec in AGENCIES for name in [spec.name, *spec.all_aliases()]]
    region_names = [name for spec in REGIONS for name in [spec.name, *spec.aliases] if name not in ("Tangerang", "Serang")]
    categories = [f"{top} > {sub}" for top, subs in CATEGORIES.items() for sub in subs]
    start = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Laporan")
    sheet.append(["REKAP LAPORAN SP4N-LAPOR! PROVINSI BANTEN"])
    sheet.append(["Periode: 2024-2025"])
    sheet.append([])
    sheet.append(HEADERS)
    base = datetime(2024, 1, 1, 7, 0)
    for n in range(1, rows + 1):
        received = base + timedelta(minutes=rng.randrange(0, 60 * 24 * 540))
        date_cell = WriteOnlyCell(sheet, value=received)
        date_cell.number_format = "dd/mm/yyyy hh:mm"
        agency = rng.choice(agency_names)
        status = rng.choice(STATUSES).format(agency=agency)
        disposed = received + timedelta(hours=rng.randrange(2, 120))
        answered = disposed + timedelta(hours=rng.randrange(2, 300)) if rng.random() < 0.7 else None
        closed = answered + timedelta(days=rng.randrange(1, 20)) if answered and status.startswith("Selesai") else None
        anonymous = rng.random() < 0.15
        sheet.append([
            n, str(8_000_000 + n), date_cell, " ".join(rng.choices(WORDS, k=6)).capitalize(),
            " ".join(rng.choices(WORDS, k=rng.randrange(15, 40))).capitalize() + ".",
            rng.choice(["Pengaduan", "Pengaduan", "Aspirasi", "Permintaan Informasi"]), rng.choice(categories),
            rng.choice(["Website", "SMS 1708", "Aplikasi Android", "Twitter", "WhatsApp"]),
            rng.choice(region_names), "Ya" if anonymous else "Tidak", status, agency,
            disposed.strftime("%d/%m/%Y %H:%M"), answered.strftime("%d/%m/%Y %H:%M") if answered else "",
            "Terima kasih, laporan sudah kami tindak lanjuti." if answered else "",
            closed.strftime("%d/%m/%Y %H:%M") if closed else "",
            "Anonim" if anonymous else f"Warga {n % 9973}", "" if anonymous else f"08{rng.randrange(10**9, 10**10)}",
        ])
    book.save(path)
    return time.perf_counter() - start


# ------------------------------------------------------------------ phases (each in a child process)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def postgres_cpu() -> float | None:
    """CPU seconds used so far by the local PostgreSQL server: its live processes' own, and the
    postmaster's reaped children's (parallel index workers, autovacuum workers). None when no
    postgres process can be read (a server on another machine)."""
    tick, total, seen = os.sysconf("SC_CLK_TCK"), 0, False
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, fields = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()
        if not name.startswith("postgres"):
            continue
        seen = True
        total += int(fields[11]) + int(fields[12])  # utime, stime
        if fields[1] == "1" or Path(f"/proc/{fields[1]}/comm").read_text().strip() != "postgres":
            total += int(fields[13]) + int(fields[14])  # the postmaster: its exited children's
    return total / tick if seen else None


def phase(name: str, path: Path) -> dict:
    if name == "parse":
        import python_calamine

        start, cpu = time.perf_counter(), time.process_time()
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_name(book.sheet_names[0])
        loaded = time.perf_counter()  # the whole sheet, in calamine's own memory: no row before this
        cells = sum(len(row) for row in sheet.iter_rows())
        return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "cells": cells,
                "load": loaded - start, "peak_mb": peak_mb()}
    if name == "floor":
        return sqlite_floor(Path(os.environ["PANTAU_DATA_DIR"]) / "pantau.sqlite3")
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")
    django.setup()
    from django.core.management import call_command

    if name == "setup":
        from pantau.demo.seed import upsert_reference

        call_command("migrate", verbosity=0)
        upsert_reference(2024)
        return {}
    from pantau.complaints import sla
    from pantau.complaints.importers import lapor

    spent = {"deadlines": 0.0}
    compute = sla.deadline_columns

    def timed_compute(*args, **kwargs):  # the deadline computation's share, reported on its own
        began = time.perf_counter()
        try:
            return compute(*args, **kwargs)
        finally:
            spent["deadlines"] += time.perf_counter() - began

    sla.deadline_columns = timed_compute
    server = postgres_cpu() if "DATABASE_URL" in os.environ else None
    start, cpu = time.perf_counter(), time.process_time()
    result = lapor.run_import(path, dry_run=(name == "dry"))
    seconds = time.perf_counter() - start
    if server is not None:
        server = postgres_cpu() - server
    return {"seconds": seconds, "cpu": time.process_time() - cpu, "server_cpu": server, "deadlines": spent["deadlines"],
            "counts": result.counts, "ok": result.ok, "message": result.message,
            "peak_mb": peak_mb(), "rejections": result.rejections[:5]}


def sqlite_floor(source: Path) -> dict:
    """What SQLite alone needs to store what the import stored: the report and follow-up rows
    of the committed database, read back into memory (not timed), written into a new database of
    the same schema as the importer writes them (the importer's multi-row INSERTs into the tables with their unique
    indexes, the other indexes built afterwards, one transaction, the importer's page cache).
    No file is read and no row is checked: a lower bound of the commit phase on SQLite."""
    import sqlite3

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")
    django.setup()
    from pantau.complaints.importers.lapor import sqlite_cache_kib
    from pantau.complaints.importers.writer import _insert_sqlite

    target = source.with_name("floor.sqlite3")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    tables = ["complaints_complaint", "complaints_followup"]
    with sqlite3.connect(source) as old:
        schema = {t: old.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [t]).fetchone()[0]
                  for t in tables}
        unique = [sql for (sql,) in old.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql LIKE"
                                                 " 'CREATE UNIQUE%' AND tbl_name IN (?, ?)", tables)]
        others = [sql for (sql,) in old.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql NOT LIKE"
                                                 " 'CREATE UNIQUE%' AND sql IS NOT NULL AND tbl_name IN (?, ?)", tables)]
        rows = {t: old.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in tables}
    new = sqlite3.connect(target, isolation_level=None)
    new.execute("PRAGMA journal_mode = WAL")
    new.execute("PRAGMA synchronous = NORMAL")
    new.execute(f"PRAGMA cache_size = -{sqlite_cache_kib(len(rows[tables[0]]))}")
    for table in tables:  # without foreign keys: there are no referenced tables here (a lower bound still)
        new.execute(re.sub(r' REFERENCES "\w+" \("id"\)( DEFERRABLE INITIALLY DEFERRED)?', "", schema[table]))
    for sql in unique:
        new.execute(sql)
    start, cpu = time.perf_counter(), time.process_time()
    new.execute("BEGIN IMMEDIATE")
    for table in tables:
        columns = [name for _cid, name, *_rest in new.execute(f"PRAGMA table_info({table})")]
        _insert_sqlite(new.cursor(), table, ", ".join(columns), len(columns), rows[table])  # the importer's own
    inserted = time.perf_counter()
    for sql in others:
        new.execute(sql)
    indexed = time.perf_counter()
    new.execute("COMMIT")
    done = time.perf_counter()
    new.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return {"seconds": done - start, "cpu": time.process_time() - cpu, "deadlines": 0.0, "peak_mb": peak_mb(),
            "counts": {table: len(found) for table, found in rows.items()}, "ok": True, "message": "",
            "rejections": [], "insert": inserted - start, "indexes": indexed - inserted, "commit": done - indexed}


def run_phase(name: str, path: Path, env: dict) -> dict:
    command = [sys.executable, __file__, "--phase", name, "--file", str(path)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_parse(path: Path) -> dict:
    found = run_phase("parse", path, {**os.environ})
    print(f"  raw parse: {found['seconds']:.1f} s, peak {found['peak_mb']:.0f} MB", file=sys.stderr)
    return found


def postgres_answers() -> bool:
    try:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=3, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
            conn.execute(f"CREATE DATABASE {PG_DB}")
        return True
    except Exception as error:  # noqa: BLE001 - any failure means: no PostgreSQL here
        print(f"PostgreSQL not used: {error}", file=sys.stderr)
        return False


def bench_database(db: str, path: Path, rows: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if db == "sqlite":
        data = CACHE / f"sqlite-{rows}"
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir(parents=True)
        env["PANTAU_DATA_DIR"] = str(data)
        env.pop("DATABASE_URL", None)
    else:
        env["DATABASE_URL"] = PG_URL
        env["PANTAU_DATA_DIR"] = str(CACHE / "pg-data")
    run_phase("setup", path, env)
    results = {"dry": run_phase("dry", path, env), "commit": run_phase("commit", path, env)}
    if db == "sqlite":
        results["floor"] = run_phase("floor", path, env)
    results["reimport"] = run_phase("reimport", path, env)
    for name, found in results.items():
        print(f"  {db} {name}: {found['seconds']:.1f} s (cpu {found['cpu']:.1f}, deadlines {found['deadlines']:.1f}),"
              f" peak {found['peak_mb']:.0f} MB, {found['counts']}", file=sys.stderr)
        if not found["ok"]:
            print(f"    {found['message']} {found['rejections']}", file=sys.stderr)
    return results


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def report(rows: int, path: Path, made: float | None, parse: dict, by_db: dict) -> str:
    lines = [f"### {f'{rows:,}'.replace(',', '.')} rows, {time.strftime('%Y-%m-%d')}",
             f"Machine: {machine()}; niceness {os.nice(0)}, load average {os.getloadavg()[0]:.1f} at the end.",
             f"File: {path.name}, {path.stat().st_size / 1e6:.0f} MB XLSX, {len(HEADERS)} columns"
             + (f" (written by openpyxl write-only in {made:.0f} s)" if made else "") + ".",
             "Seconds are wall time; CPU is this process's (SQLite works in-process; PostgreSQL's server"
             " CPU is given below the table); \"of which deadlines\" is the deadline computation (`sla.deadline_columns`)"
             " of the new and changed reports, done by the importer before it writes them.",
             "", "| phase | database | seconds | x raw parse | CPU s | x raw parse (CPU) | of which deadlines s | peak MB | goal |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|",
             f"| raw calamine parse (fastest of {', '.join(f'{r:.1f}' for r in parse.get('runs', []))} s) | - | {parse['seconds']:.1f} | 1.00 | {parse['cpu']:.1f} | 1.00 | - | {parse['peak_mb']:.0f} | baseline |"]
    goals = {"dry": "", "commit": "<= 3x", "reimport": "<= 2x", "floor": ""}
    names = {"dry": "dry run (empty database)", "commit": "full import, commit", "reimport": "re-import, unchanged",
             "floor": "SQLite alone storing the committed rows (no file, no checks)"}
    for db, results in by_db.items():
        for name, found in results.items():
            ratio = found["seconds"] / parse["seconds"]
            limit = {"commit": 3, "reimport": 2}.get(name)
            verdict = "" if limit is None else ("met" if ratio <= limit else "missed") + f" ({goals[name]})"
            lines.append(f"| {names[name]} | {db} | {found['seconds']:.1f} | {ratio:.2f} | {found['cpu']:.1f} |"
                         f" {found['cpu'] / parse['cpu']:.2f} | {found['deadlines']:.1f} | {found['peak_mb']:.0f} | {verdict} |")
    floor = by_db.get("sqlite", {}).get("floor")
    if floor:
        lines += ["", f"SQLite floor: insert {floor['insert']:.1f} s, secondary indexes {floor['indexes']:.1f} s,"
                  f" commit {floor['commit']:.1f} s, for {floor['counts']}; with the raw parse before it,"
                  f" {(parse['seconds'] + floor['seconds']) / parse['seconds']:.2f}x the raw parse before any row is checked."]
    cores = os.cpu_count() or 1
    for db, results in by_db.items():
        found = results.get("commit")
        if found and (db == "sqlite" or found.get("server_cpu") is not None):
            server = found.get("server_cpu") or 0.0  # SQLite's work is in the import's own CPU
            used = found["cpu"] + server
            # calamine hands out no row before the whole sheet is loaded, on one core; SQLite builds
            # the indexes and commits after the last row, on one core (the floor phase measures
            # both): only the rest of the work can be shared between the cores.
            floor = results.get("floor") or {}
            tail = floor.get("indexes", 0.0) + floor.get("commit", 0.0)
            bound = parse["load"] + tail + (used - parse["load"] - tail) / cores
            serial = f"calamine's load of the sheet ({parse['load']:.1f} s) comes before any row" + (
                f", SQLite's index build and commit ({tail:.1f} s, floor phase) after the last" if tail else "")
            lines += ["", f"{db} commit: CPU of the import {found['cpu']:.1f} s + of the server {server:.1f} s"
                      f" = {used:.1f} s. {serial}, each on one core; with all the rest spread perfectly over"
                      f" {cores} cores, the import would still take {bound:.1f} s ="
                      f" {bound / parse['seconds']:.2f}x the raw parse."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--record", action="store_true", help="append the results to docs/benchmarks.md")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.phase, Path(args.file)), default=str))
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"lapor-{args.rows}.xlsx"
    made = None
    if not path.exists():
        print(f"writing {path} ...", file=sys.stderr)
        made = generate(path, args.rows)
    # The baseline is timed before, between and after the databases' phases, and the fastest of
    # those runs counts: the same parse took 16.5-23.0 s (CPU time alike) within one hour on this
    # shared machine, and one slow baseline run would flatter every ratio.
    parses = [run_parse(path)]
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    by_db = {}
    for db in dbs:
        if db == "postgres" and not postgres_answers():
            continue
        by_db[db] = bench_database(db, path, args.rows)
        parses.append(run_parse(path))
    parse = {**min(parses, key=lambda found: found["seconds"]), "runs": [found["seconds"] for found in parses]}
    text = report(args.rows, path, made, parse, by_db)
    print(text)
    if args.record:
        target = ROOT / "docs" / "benchmarks.md"
        existing = target.read_text() if target.exists() else "# Benchmarks\n"
        if "## Import LAPOR!" not in existing:
            existing += "\n## Import LAPOR!\n\nCommand: `nice -n 10 python bench/import_lapor.py --rows N --record`.\n"
        # At the end of the section (before the next "## "), not of the file.
        start = existing.index("## Import LAPOR!")
        end = existing.find("\n## ", start + 1)
        end = len(existing) if end < 0 else end + 1
        target.write_text(existing[:end].rstrip("\n") + "\n\n" + text + "\n" + existing[end:])


if __name__ == "__main__":
    main()
