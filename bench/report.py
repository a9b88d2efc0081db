"""Benchmark: the quarterly report of the demo data (all agencies) as PDF, DOCX and HTML.

Run on a database that holds the demo seed (`pantau seed-demo`, then `pantau compute-scorecards`):
    PANTAU_DATA_DIR=... python bench/report.py --period 2024-Q1 [--repeat 3]
Baseline measured in the same run: a bare typst compile of a one-page document with the same fonts.
Prints one JSON document; the "cli" figures are whole `pantau report` processes (start-up included).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(fn, repeat: int) -> tuple[float, object]:
    """Best-of-`repeat` wall time in seconds, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--period", default="2024-Q1")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.utils import timezone

    from pantau.lib.pdf import compile_pdf
    from pantau.lib.periods import parse_period
    from pantau.reports.data import gather
    from pantau.reports.render import produce

    period = parse_period(args.period)
    today = timezone.now().date()
    out: dict = {"period": period.key, "repeat": args.repeat}
    out["baseline_typst_one_page_s"], _ = timed(
        lambda: compile_pdf('#set text(font: "DejaVu Sans")\n= Uji\nSatu halaman.', {}), args.repeat)

    def fresh_gather():
        cache.clear()
        return gather(period)

    out["gather_s"], data = timed(fresh_gather, args.repeat)
    out["agencies"] = len(data["stats"]["agencies"])
    for fmt in ("pdf", "docx", "html"):
        secs, content = timed(lambda f=fmt: produce(f, data, {}, "bench", today), args.repeat)
        out[f"{fmt}_render_s"] = secs
        out[f"{fmt}_bytes"] = len(content)
        if fmt == "pdf":
            import io

            import pypdf

            out["pdf_pages"] = len(pypdf.PdfReader(io.BytesIO(content)).pages)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("pdf", "docx", "html"):
            runs = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                subprocess.run([sys.executable, "-m", "pantau", "report", "--period", period.key,
                                "--out", str(Path(tmp) / f"r.{fmt}")], check=True, capture_output=True)
                runs.append(time.perf_counter() - t)
            out[f"{fmt}_cli_s"] = min(runs)
            out[f"{fmt}_cli_median_s"] = statistics.median(runs)
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}, indent=1))


if __name__ == "__main__":
    main()
