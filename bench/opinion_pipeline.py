"""Benchmark: generated mentions through the whole opinion pipeline into SQLite and PostgreSQL.

    nice -n 10 .venv/bin/python bench/opinion_pipeline.py [--mentions 1000000] [--sample 100000]
        [--no-postgres] [--no-sqlite] [--no-serial] [--workers N]

Measures, in one run on this machine:
- end to end: Pipeline.ingest_pairs (canonical URL, exact duplicates, MinHash stories, language,
  50 topic queries, kabupaten/kota, sentiment + emotion models, bulk insert) into a fresh database,
  with the per-item stages in worker processes (one per core), then (unless --no-serial) all in one
  process for comparison; wall mentions/s, CPU of this process and of the workers;
- each stage alone on a sample, to name the slowest;
- topic matching with 50 queries, with the prefilter and against the baseline of evaluating every
  query on every mention.
Goals (issues 5, 6): >= 2,000 mentions/s stored end to end with the models on; matching 50 queries
>= 20,000 mentions/s.
"""

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def setup_django(database_url: str | None):
    os.environ["DJANGO_SETTINGS_MODULE"] = "pantau.settings"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["PANTAU_DATA_DIR"] = tempfile.mkdtemp(prefix="pantau-bench-opinion-")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


VOCAB = ["jalan", "rusak", "rsud", "puskesmas", "banjir", "longsor", "samsat", "pajak", "sekolah", "guru",
         "bantuan", "sosial", "listrik", "air", "sampah", "macet", "tol", "jembatan", "pasar", "harga",
         "beras", "pupuk", "petani", "nelayan", "pelabuhan", "merak", "bandara", "kereta", "bus", "angkot",
         "ktp", "dukcapil", "izin", "pungli", "korupsi", "gubernur", "dprd", "anggaran", "stunting", "vaksin"]


def topic_queries(n: int, rng: random.Random) -> list[tuple[str, str]]:
    """The three demo queries and n-3 generated ones in the same style (OR groups, AND, NEAR,
    phrases, prefixes, NOT, fields)."""
    from pantau.opinion.demo import TOPICS

    queries = [(q, x) for _, _, q, x in TOPICS]
    while len(queries) < n:
        a, b, c, d, e = rng.sample(VOCAB, 5)
        shape = rng.randrange(4)
        if shape == 0:
            q = f'({a} OR {b} OR "{c} {d}") AND (banten OR serang OR tangerang OR lebak) -{e}'
        elif shape == 1:
            q = f'{a} NEAR/3 ({b} OR {c}*) OR title:{d}'
        elif shape == 2:
            q = f'"{a} {b}" OR ({c} {d}) OR {e}*'
        else:
            q = f'({a} OR {b}) ({c} OR {d} OR site:kabarserang.contoh.id) NOT "{e} {a}"'
        queries.append((q, ""))
    return queries


def generated_items(total: int, seed: int = 7):
    """(source, Item) in time order, day by day, about `total` in all; memory stays small."""
    from pantau.opinion.demo import Generator, ensure_topics_and_sources

    _, sources = ensure_topics_and_sources()
    gen = Generator(seed, sources)
    per_day = total / len(gen.days)
    made = 0
    for i, day in enumerate(gen.days):
        want = round(per_day * (i + 1)) - made
        batch = []
        while len(batch) < want:
            batch.extend(gen._one(gen.moment(day)))
        batch.sort(key=lambda si: si[1].published_at)
        made += len(batch)
        yield from batch


def create_topics(n: int):
    from pantau.opinion.models import Topic

    rng = random.Random(11)
    Topic.objects.all().delete()
    for i, (q, x) in enumerate(topic_queries(n, rng)):
        Topic.objects.create(name=f"Topik {i + 1}", slug=f"topik-{i + 1}", query=q, exclusions=x)


def end_to_end(total: int, workers: int | None, chunk: int = 50_000) -> dict:
    """Every generated mention through Pipeline.ingest_pairs into the current database, with the
    sentiment and emotion enricher on (registered by the opinion app, as in production); `workers`:
    worker processes (None: the setting's default, one per core; 0: all in this process)."""
    from django.db import connection

    from pantau.opinion import enrichers, sentiment
    from pantau.opinion import workers as pool
    from pantau.opinion.models import Mention, MentionTopic
    from pantau.opinion.pipeline import Pipeline

    assert sentiment.enrich in enrichers.enrichers(), "the sentiment/emotion enricher is not registered"
    create_topics(50)
    for task in sentiment.TASKS:
        sentiment.classifier(task).predict(["pemanasan"])  # load the models before timing
    pipeline = Pipeline(workers=workers)
    stored = fetched = 0
    busy = cpu = 0.0
    pending = []

    def flush():
        nonlocal stored, fetched, busy, cpu
        started, started_cpu = time.perf_counter(), time.process_time()
        result = pipeline.ingest_pairs(pending)
        stored += result.new
        fetched += result.fetched
        busy += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        pending.clear()

    for pair in generated_items(total):
        pending.append(pair)
        if len(pending) >= chunk:
            flush()
            print(f"  {connection.vendor}, workers={pipeline.workers}: {fetched:,} in {busy:.0f} s "
                  f"({fetched / busy:,.0f}/s)", file=sys.stderr)
    if pending:
        flush()
    worker_cpu = pool.cpu_seconds()  # includes their start: imports and loading the models
    pool.shutdown()
    total_cpu = cpu + worker_cpu
    return {"database": connection.vendor, "workers": pipeline.workers, "mentions": fetched, "stored": stored,
            "seconds": round(busy, 1), "per_second": round(fetched / busy),
            "cpu_seconds_main": round(cpu, 1), "cpu_seconds_workers": round(worker_cpu, 1),
            "cpu_us_per_mention": round(total_cpu / fetched * 1e6), "per_cpu_second": round(fetched / total_cpu),
            "main_per_cpu_second": round(fetched / cpu), "load_average": os.getloadavg(),
            "rows": Mention.objects.count(), "topic_links": MentionTopic.objects.count(),
            "with_sentiment": Mention.objects.filter(sentiment__isnull=False).count()}


def stages(sample: int) -> dict:
    """Each pipeline stage alone over the same sample: mentions per second."""
    from pantau.opinion import clustering, places
    from pantau.opinion.matcher import Document, TopicMatcher, compile_query
    from pantau.opinion.normalize import canonical_url, content_hash, detect_language

    items = [item for _, item in generated_items(sample, seed=3)]
    out = {}

    def timed(name, fn):
        # CPU time of this process: the machine is shared, wall time says more about the others.
        started = time.process_time()
        result = fn()
        out[name] = round(len(items) / (time.process_time() - started))
        return result

    docs = timed("tokenise (Document)", lambda: [Document(i.text, title=i.title, site=i.site, author=i.author) for i in items])
    timed("canonical URL", lambda: [canonical_url(i.url) for i in items])
    tokens = [d.words_of(None) for d in docs]
    timed("content hash", lambda: [content_hash(t) for t in tokens])
    timed("language", lambda: [detect_language(t) for t in tokens])
    timed("kabupaten/kota", lambda: [places.region_key(t) for t in tokens])

    def stories():
        index = clustering.StoryIndex()
        for item, t in zip(items, tokens, strict=True):
            values = clustering.signature(t)
            if values is not None and index.find(values) is None:
                index.add(values, item.published_at, object())

    timed("near-duplicate stories (MinHash LSH)", stories)
    compiled = [(i, compile_query(q, x)) for i, (q, x) in enumerate(topic_queries(50, random.Random(11)))]
    matcher = TopicMatcher(compiled)
    timed("50 topics, prefiltered (tokens ready)", lambda: [matcher.match(d) for d in docs])
    timed("50 topics, every query on every mention (baseline)", lambda: [[i for i, q in compiled if q.matches(d)] for d in docs])
    timed("50 topics incl. tokenising", lambda: [matcher.match(Document(i.text, title=i.title, site=i.site)) for i in items])
    timed("MinHash signatures alone (batch)", lambda: clustering.signatures(tokens))
    from pantau.opinion import sentiment
    from pantau.opinion.prepare import Context, prepare, row_of

    sentiment.predict(["pemanasan"])
    texts = [sentiment.mention_text(i) for i in items]
    timed("sentiment + emotion (one normalise, one shared feature pass)", lambda: sentiment.predict(texts))
    context = Context([(pk, q, x) for pk, (q, x) in enumerate(topic_queries(50, random.Random(11)))],
                      [sentiment.enrich.path])
    rows = [row_of("rss bench", i) for i in items]
    timed("prepare: every per-item stage incl. models (what a worker does)", lambda: prepare(rows, context))
    out.update(store_alone(items))
    return out


def store_alone(items) -> dict:
    """Normalizing into Mention objects, and storing prepared mentions with their ids read back,
    each alone (into the same database, under keys of their own)."""
    from django.db import transaction
    from django.utils import timezone

    from pantau.opinion import bulk
    from pantau.opinion.models import Mention, Source
    from pantau.opinion.pipeline import Pipeline
    from pantau.opinion.prepare import Context, prepare, row_of

    source = Source.objects.create(name="bench: store alone", kind="rss")
    now = timezone.now()
    prepared = prepare([row_of("rss bench", i) for i in items], Context([], []))
    started = time.process_time()
    drafts = [Pipeline._mention(source, item, p, now) for item, p in zip(items, prepared, strict=True)]
    normalize = len(items) / (time.process_time() - started)
    for i, m in enumerate(drafts):
        m.key = f"bench-{i}"
    started = time.process_time()
    with transaction.atomic():
        bulk.insert(Mention, drafts)
        Pipeline._fetch_ids(drafts)
    store = len(items) / (time.process_time() - started)
    return {"prepared items into Mention objects": round(normalize), "store (bulk insert: COPY on PostgreSQL, executemany on SQLite; ids read back)": round(store)}


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    return {"nproc": os.cpu_count(), "python": platform.python_version(), "cpu": cpu, "load_average": os.getloadavg()}


def postgres_url() -> str | None:
    name = os.environ.get("PANTAU_BENCH_PG_DB", "pantau_bench_opinion")
    try:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgres://postgres@127.0.0.1:5432/{name}"
    except Exception as exc:  # PostgreSQL is optional
        print(f"PostgreSQL not used: {exc}", file=sys.stderr)
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], help=argparse.SUPPRESS)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-serial", action="store_true",
                        help="skip the comparison run with every stage in one process (--workers 0)")
    parser.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.database:  # one database per process: Django settings are read once
        url = postgres_url() if args.database == "postgresql" else None
        if args.database == "postgresql" and url is None:
            sys.exit(1)
        setup_django(url)
        result = {"end_to_end": end_to_end(args.mentions, args.workers)}
        if args.database == "sqlite" and args.sample and args.workers != 0:
            result["stages"] = stages(args.sample)
        print(json.dumps(result))
        return
    import subprocess

    results = {"machine": machine(), "mentions": args.mentions, "runs": []}
    for database in ([] if args.no_sqlite else ["sqlite"]) + ([] if args.no_postgres else ["postgresql"]):
        for workers in [args.workers] + ([] if args.no_serial else [0]):
            cmd = [sys.executable, __file__, "--database", database, "--mentions", str(args.mentions),
                   "--sample", str(args.sample)] + ([] if workers is None else ["--workers", str(workers)])
            done = subprocess.run(cmd, capture_output=False, stdout=subprocess.PIPE, text=True)
            if done.returncode == 0 and done.stdout.strip():
                results["runs"].append(json.loads(done.stdout.strip().splitlines()[-1]))
    results["machine"]["load_average_after"] = os.getloadavg()
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
