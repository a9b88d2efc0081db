"""Benchmark: `pantau compute-scorecards` and reading a period's statistics, on the database that
PANTAU_DATA_DIR / DATABASE_URL point at (seed it first: `pantau seed-demo --reports N`).

Measured in the same run:
- compute: every month, quarter, half-year and year into snapshots (what runs after each import);
- stats from the snapshot (what a page does) against stats computed live (what a page would do
  without snapshots, FixMyStreet's 14 s pages), and a trivial baseline: counting the period's reports.

Usage:
  PYTHONPATH=src PANTAU_DATA_DIR=/tmp/pantau-bench python bench/scorecards.py [--period 2024-Q1] [--append]
`--append` adds the result and the machine to docs/benchmarks.md, section "Scorecards".
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402

from pantau.complaints.models import Complaint  # noqa: E402
from pantau.lib.periods import parse_period  # noqa: E402
from pantau.scorecards import api  # noqa: E402
from pantau.scorecards.compute import cohort, compute_all, compute_period  # noqa: E402


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append((time.perf_counter() - started) * 1000)
    return out


def machine() -> str:
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor())
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"{cores} cores, {cpu}, Python {platform.python_version()}, {connection.vendor}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--period", default="2024-Q1")
    ap.add_argument("--append", action="store_true")
    args = ap.parse_args()
    period = parse_period(args.period)
    reports = Complaint.objects.count()
    started = time.perf_counter()
    keys = compute_all()
    compute_s = time.perf_counter() - started
    in_period = cohort(period).count()
    baseline = timed(lambda: cohort(period).count(), 10)
    snapshot = timed(lambda: (cache.clear(), api.stats(period)), 20)
    live = timed(lambda: compute_period(period), 3)
    result = {
        "reports": reports, "periods": len(keys), "compute_all_s": round(compute_s, 2),
        "period": period.key, "reports_in_period": in_period,
        "count_baseline_ms_median": round(statistics.median(baseline), 1),
        "stats_from_snapshot_ms_median": round(statistics.median(snapshot), 1),
        "stats_live_ms_median": round(statistics.median(live), 1),
        "machine": machine(),
    }
    print(json.dumps(result, indent=1))
    if args.append:
        append(result)


def append(r: dict) -> None:
    path = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    if "\n## Scorecards\n" not in text:
        text += ("\n## Scorecards\n\n`PYTHONPATH=src PANTAU_DATA_DIR=DIR python bench/scorecards.py --append` after "
                 "`pantau seed-demo --reports N`. compute = every month, quarter, half-year and year into "
                 "snapshots; stats = one period's province + agencies; baseline = counting the period's reports.\n\n"
                 "| reports | periods | compute-scorecards | reports in period | count baseline | stats from snapshot "
                 "| stats live | machine |\n|---|---|---|---|---|---|---|---|\n")
    text = text.rstrip("\n") + "\n" + (
        f"| {r['reports']:,} | {r['periods']} | {r['compute_all_s']} s | {r['reports_in_period']:,} "
        f"| {r['count_baseline_ms_median']} ms | {r['stats_from_snapshot_ms_median']} ms "
        f"| {r['stats_live_ms_median']} ms | {r['machine']} |\n")
    path.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
