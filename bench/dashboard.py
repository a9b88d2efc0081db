"""Latency of the pages people open every day, with 1M reports loaded, under 10 concurrent clients.

Pages: the province dashboard, a filtered report list, an agency page and a CSV export (one agency,
one quarter), each beside the trivial `/healthz/` view measured in the same run (the baseline).
Goal: p95 <= 5x the trivial view's p95 and <= 300 ms.

    PYTHONPATH=src nice -n 10 .venv/bin/python bench/dashboard.py --rows 1000000 [--db sqlite|postgres|both]
    ... --single        each page alone, in process: first request on an empty cache, best of 3, CPU
    ... --build-only    build the data and the snapshots, measure nothing

The database is built once per size and cached (SQLite: a file under --cache; PostgreSQL: the
database pantau_bench_<rows>): the demo seed gives agencies, regions, categories and users, then
reports are added with batched executemany (COPY on PostgreSQL), then `pantau compute-scorecards`
fills every period's snapshots, as production does after an import. The app runs as production
does (`pantau serve`, docs/deploy.md) on 127.0.0.1, starting from an empty page cache.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
BATCH = 20_000
PERIOD = "2024-Q1"


def env_for(db: str, rows: int, cache: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "DJANGO_SETTINGS_MODULE": "pantau.settings",
           "PANTAU_DATA_DIR": str(cache / f"{db}-{rows}"), "LOG_LEVEL": "ERROR"}
    env.pop("DATABASE_URL", None)
    if db == "postgres":
        env["DATABASE_URL"] = PG_URL.format(name=f"pantau_bench_{rows}")
    return env


def pantau(env: dict, *args: str) -> None:
    subprocess.run([PY, "-m", "pantau", *args], env=env, check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)


def postgres_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


def ensure_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


# --- data -------------------------------------------------------------------------------------

def build(db: str, rows: int, cache: Path) -> dict:
    """Migrate, seed the demo structure, add reports up to `rows`; skipped when already built."""
    env = env_for(db, rows, cache)
    Path(env["PANTAU_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    marker = Path(env["PANTAU_DATA_DIR"]) / f"built-{db}-{rows}.json"
    if marker.exists():
        return json.loads(marker.read_text())
    if db == "postgres":
        ensure_postgres_database(f"pantau_bench_{rows}")
    started = time.perf_counter()
    pantau(env, "migrate", "--no-input")
    seeded = Path(env["PANTAU_DATA_DIR"]) / f"seeded-{db}"
    if not seeded.exists():  # each step resumes: the fill continues from the reports already there
        pantau(env, "seed-demo", "--no-opinion", "--replace")
        seeded.touch()
    subprocess.run([PY, __file__, "--fill", str(rows)], env=env, check=True, cwd=ROOT)
    filled = time.perf_counter()
    info = {"rows": rows, "fill_seconds": round(filled - started, 1)}
    marker.write_text(json.dumps(info))
    return info


def compute_scorecards(db: str, rows: int, cache: Path, info: dict) -> dict:
    """What production runs after every import: `pantau compute-scorecards` for every period with
    reports (months, quarters, halves, years), so every page reads snapshots, as it would in use."""
    env = env_for(db, rows, cache)
    marker = Path(env["PANTAU_DATA_DIR"]) / f"built-{db}-{rows}.json"
    if info.get("scorecards") == "all":
        return info
    started = time.perf_counter()
    pantau(env, "compute-scorecards")
    info = {**info, "scorecards": "all", "scorecards_seconds": round(time.perf_counter() - started, 1)}
    marker.write_text(json.dumps(info))
    return info


def fill(rows: int) -> None:
    """In a child process with the bench's settings: add reports with executemany until `rows`."""
    import django

    django.setup()
    from django.db import connection, transaction

    from pantau.agencies.models import Agency, Region
    from pantau.complaints.models import Category, Complaint

    have = Complaint.objects.count()
    agencies = list(Agency.objects.values_list("id", flat=True))
    regions = list(Region.objects.values_list("id", flat=True))
    categories = list(Category.objects.values_list("id", flat=True))
    rng = random.Random(7)
    table = Complaint._meta.db_table
    cols = ("tracking_id", "title", "text", "kind", "supervisory", "category_id", "channel", "region_id",
            "is_anonymous", "is_secret", "reporter_name", "reporter_phone", "reporter_email",
            "reporter_id_number", "received_at", "disposed_at", "first_follow_up_at", "completed_at",
            "agency_id", "status", "status_text", "auto_closed", "dispose_due_at", "dispose_state",
            "follow_up_due_at", "follow_up_state", "resolve_due_at", "resolve_state", "row_hash",
            "created_at", "updated_at")
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join(['%s'] * len(cols))})"
    start = datetime(2023, 1, 1, tzinfo=UTC)
    span = int(timedelta(days=730).total_seconds())
    now = datetime(2025, 1, 15, tzinfo=UTC)
    adapt = connection.ops.adapt_datetimefield_value
    n = have
    while n < rows:
        batch = []
        for _ in range(min(BATCH, rows - n)):
            n += 1
            batch.append(_row(rng, n, start, span, now, agencies, regions, categories, adapt))
        with transaction.atomic(), connection.cursor() as cur:
            if connection.vendor == "postgresql":  # COPY, as the importer writes (several times faster)
                with cur.cursor.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
            else:
                cur.executemany(sql, batch)
        print(f"\r{n:,} reports", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    from pantau.complaints import versioning

    versioning.bump()  # plain SQL inserts: tell the page caches, as the importer does
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute(f"ANALYZE {table}")
    else:
        with connection.cursor() as cur:
            cur.execute("ANALYZE")


STATUSES = [("completed", 55), ("followed_up", 15), ("disposed", 15), ("in_process", 8), ("unverified", 4),
            ("archived", 3)]


def _row(rng, n, start, span, now, agencies, regions, categories, adapt) -> tuple:
    received = start + timedelta(seconds=rng.randrange(span))
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    disposed = received + timedelta(hours=rng.randrange(4, 120)) if status not in ("unverified", "archived") else None
    follow = disposed + timedelta(hours=rng.randrange(4, 240)) if disposed and status in ("completed", "followed_up") else None
    completed = follow + timedelta(hours=rng.randrange(1, 300)) if follow and status == "completed" else None
    dispose_due = received + timedelta(days=5)
    follow_due = disposed + timedelta(days=7) if disposed else None
    resolve_due = disposed + timedelta(days=20) if disposed else None

    def state(due, done):
        if due is None:
            return "na"
        if done is not None:
            return "met" if done < due else "late"
        return "overdue" if now >= due else "open"

    kind = rng.choices(["pengaduan", "aspirasi", "informasi"], [70, 20, 10])[0]
    return (
        f"B{n:07d}", f"Laporan uji beban nomor {n}", "Isi laporan uji beban. " * 8, kind, False,
        rng.choice(categories) if categories else None, rng.choice(["website", "sms", "aplikasi", "twitter", "whatsapp"]),
        rng.choice(regions) if regions else None, rng.random() < 0.2, rng.random() < 0.03,
        "Pelapor Uji", "0812000000", "uji@example.id", "3600000000000000",
        adapt(received), adapt(disposed), adapt(follow), adapt(completed),
        rng.choice(agencies) if disposed else None, status, status, False,
        adapt(dispose_due), state(dispose_due, disposed), adapt(follow_due), state(follow_due, follow),
        adapt(resolve_due), state(resolve_due, completed), "", adapt(received), adapt(received),
    )


# --- serving and measuring --------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(env: dict, port: int, workers: int, threads: int) -> subprocess.Popen:
    """`pantau serve` as production runs it (docs/deploy.md), access log thrown away; an empty page
    cache, so the first requests of each page (the "cold" column) build what the next ones reuse."""
    shutil.rmtree(Path(env["PANTAU_DATA_DIR"]) / "cache", ignore_errors=True)
    proc = subprocess.Popen(
        [PY, "-m", "pantau", "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--threads", str(threads), "--allow-demo"],
        # No control socket: it is one path per machine, and other servers may be running.
        env={**env, "ALLOWED_HOSTS": "127.0.0.1", "GUNICORN_CMD_ARGS": "--no-control-socket --log-level warning"},
        cwd=ROOT, stdout=subprocess.DEVNULL)
    import httpx

    for _ in range(200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz/", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("gunicorn did not answer on /healthz/")


def logged_in_client(base: str):
    import httpx

    client = httpx.Client(base_url=base, timeout=180)
    client.get("/masuk/")
    password = os.environ.get("PANTAU_DEMO_PASSWORD", "pantau-demo")
    r = client.post("/masuk/", data={"username": "koordinator", "password": password,
                                    "csrfmiddlewaretoken": client.cookies["csrftoken"]},
                    headers={"Referer": f"{base}/masuk/"})
    if r.status_code != 302:
        raise SystemExit(f"log-in failed: {r.status_code}")
    return client


def server_cpu_seconds(master: int) -> float:
    """CPU time (user + system) used so far by the gunicorn master and its workers, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == master or ppid == master:
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def measure(clients: list, path: str, requests: int, master: int | None = None) -> dict:
    """Latencies of `requests` GETs of `path` spread over the clients (one thread each), and the
    server's CPU time per request (the app's processes; PostgreSQL's own CPU is not counted): under
    shared load the wall times stretch, the CPU time does not."""
    times: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    per = [requests // len(clients) + (1 if i < requests % len(clients) else 0) for i in range(len(clients))]

    def run(client, count):
        import httpx

        for _ in range(count):
            t0 = time.perf_counter()
            try:
                with client.stream("GET", path) as r:
                    for _chunk in r.iter_bytes():
                        pass
                status = r.status_code
            except httpx.TimeoutException:
                status = "timeout"
            elapsed = time.perf_counter() - t0
            with lock:
                times.append(elapsed)
                if status != 200:
                    errors.append(status)

    cold: list[float] = []

    def first(client):
        t0 = time.perf_counter()
        client.get(path)
        with lock:
            cold.append(time.perf_counter() - t0)

    warm = [threading.Thread(target=first, args=(clients[i],)) for i in range(len(clients))]
    for t in warm:  # warm-up: one request each, at once, on an empty page cache (reported as "cold")
        t.start()
    for t in warm:
        t.join()
    threads = [threading.Thread(target=run, args=(c, n)) for c, n in zip(clients, per, strict=True)]
    cpu0 = server_cpu_seconds(master) if master else 0.0
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cpu = (server_cpu_seconds(master) - cpu0) * 1000 / len(times) if master else None
    q = statistics.quantiles(times, n=100)
    return {"path": path, "n": len(times), "p50_ms": round(q[49] * 1000, 1), "p95_ms": round(q[94] * 1000, 1),
            "cold_max_ms": round(max(cold) * 1000, 1),
            "server_cpu_ms_per_request": round(cpu, 1) if cpu is not None else None,
            "errors": sorted({str(e) for e in errors})}


BUSY = "dinkes"


def run_db(db: str, rows: int, cache: Path, n_clients: int, requests: int, single: bool) -> dict:
    info = compute_scorecards(db, rows, cache, build(db, rows, cache))
    env = env_for(db, rows, cache)
    pantau(env, "migrate", "--no-input")
    if single:
        return {"db": db, "build": info, "single": one_at_a_time(env)}
    port = free_port()
    proc = serve(env, port, workers=WORKERS, threads=THREADS)
    base = f"http://127.0.0.1:{port}"
    try:
        clients = [logged_in_client(base) for _ in range(n_clients)]
        results = []
        for label, path in PAGE_LIST:
            m = measure(clients, path, requests, master=proc.pid)
            m["page"] = label
            results.append(m)
            print(f"  {db:8} {label:38} p50 {m['p50_ms']:8.1f} ms  p95 {m['p95_ms']:8.1f} ms  "
                  f"cold {m['cold_max_ms']:8.1f} ms  server CPU {m['server_cpu_ms_per_request']:6.1f} ms/request  "
                  f"{m['errors'] or ''}", file=sys.stderr)
        t0 = time.perf_counter()
        size = len(clients[0].get(f"/pengaduan/?period={PERIOD}&format=csv").content)
        info["csv_quarter_seconds"] = round(time.perf_counter() - t0, 2)
        info["csv_quarter_bytes"] = size
        for c in clients:
            c.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"db": db, "build": info, "results": results}


# docs/deploy.md: `pantau serve --workers` about 2 x cores, gunicorn's threads left at serve's default.
WORKERS = 2 * (os.cpu_count() or 1)
THREADS = 1


def one_at_a_time(env: dict) -> list[dict]:
    """Each page alone, in process (Django's test client, logged in as the koordinator): the first
    request on an empty page cache, then the best of 3 (ms), and the CPU time of the best."""
    out = subprocess.run([PY, __file__, "--single-child"], env={**env, "ALLOWED_HOSTS": "testserver"},
                         cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def single_child() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    client = Client()
    client.force_login(get_user_model().objects.get(username="koordinator"))

    def get(path):
        t0, c0 = time.perf_counter(), time.process_time()
        r = client.get(path)
        if r.streaming:
            b"".join(r.streaming_content)
        assert r.status_code == 200, (path, r.status_code)
        return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000

    results = []
    for label, path in PAGE_LIST:
        first = get(path)
        best = min(get(path) for _ in range(3))
        results.append({"page": label, "path": path, "first_ms": round(first[0], 1),
                        "best_ms": round(best[0], 1), "best_cpu_ms": round(best[1], 1)})
        print(f"  {label:38} first {first[0]:8.1f} ms  best {best[0]:8.1f} ms (CPU {best[1]:6.1f})",
              file=sys.stderr)
    print(json.dumps(results))


PAGE_LIST = [
    ("trivial view (/healthz/)", "/healthz/"),
    ("province dashboard", f"/dasbor/?period={PERIOD}"),
    ("filtered report list", f"/pengaduan/?period={PERIOD}&agency={BUSY}&status=completed"),
    ("report list, first page of all", "/pengaduan/"),
    ("agency page", f"/opd/{BUSY}/?period={PERIOD}"),
    ("CSV export, one agency, one quarter", f"/pengaduan/?period={PERIOD}&agency={BUSY}&format=csv"),
    ("trivial view again (/healthz/)", "/healthz/"),
]


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "?")
    return {"nproc": os.cpu_count(), "python": sys.version.split()[0], "cpu": cpu,
            "load": os.getloadavg()[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/pantau-bench-dashboard"))
    parser.add_argument("--single", action="store_true",
                        help="each page alone, in process (first / best of 3) instead of under gunicorn")
    parser.add_argument("--build-only", action="store_true", help="build the data (and snapshots), measure nothing")
    parser.add_argument("--fill", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--single-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill:
        return fill(args.fill)
    if args.single_child:
        return single_child()
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    if "postgres" in dbs and not postgres_answers():
        print("PostgreSQL does not answer on 127.0.0.1:5432: measuring SQLite only", file=sys.stderr)
        dbs.remove("postgres")
    if args.build_only:
        for db in dbs:
            print(json.dumps(compute_scorecards(db, args.rows, args.cache, build(db, args.rows, args.cache))))
        return
    out = {"machine": machine(), "rows": args.rows, "clients": args.clients, "requests": args.requests,
           "runs": [run_db(db, args.rows, args.cache, args.clients, args.requests, args.single) for db in dbs]}
    if args.single:
        print(json.dumps(out, indent=1))
        return
    out["server"] = {"workers": WORKERS, "threads": THREADS}
    for run in out["runs"]:
        base = max(r["p95_ms"] for r in run["results"] if r["path"] == "/healthz/")
        for r in run["results"]:
            r["p95_vs_trivial"] = round(r["p95_ms"] / base, 1) if base else None
            r["goal_met"] = r["p95_ms"] <= min(300, 5 * base)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
