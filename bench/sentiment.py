"""Benchmark: speed of the sentiment and emotion models, alone and inside the mention pipeline.

    PYTHONPATH=src nice -n 10 python bench/sentiment.py [--n 20000] [--postgres]

Stages measured on the same generated Indonesian mentions (texts/s):
- baseline: scikit-learn's own TF-IDF transform of the sentiment model's features (word + char_wb);
- normalize; sentiment model; emotion model; both with their own features, and both from one
  shared feature pass (lib/textclass/fast.py SharedFeatures) as the pipeline enricher runs them;
- end to end: `Pipeline.ingest` in one process (no workers) into a fresh SQLite database
  (PostgreSQL with --postgres) with the enrichers off, then on (different mentions), mentions stored
  per second.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta

SUBJECTS = ["pelayanan RSUD {p}", "jalan provinsi di {p}", "antrean BPJS di puskesmas {p}",
            "pembuatan KTP di disdukcapil {p}", "banjir di {p}", "lampu jalan {p}", "sekolah negeri di {p}",
            "bus Trans Banten jurusan {p}", "air PDAM {p}", "pasar tradisional {p}", "jembatan {p}"]
OPINIONS = ["sangat memuaskan, petugasnya ramah dan cepat", "parah banget, udah 3 bulan gak diperbaiki",
            "lambat sekali, saya kecewa", "mantap, terima kasih pemprov", "rusak berlubang, bahaya buat motor",
            "dibuka kembali mulai senin depan", "akan ditinjau gubernur pekan ini", "gak jelas prosedurnya",
            "bersih dan nyaman sekarang", "harus antre dari subuh, capek", "sudah diperbaiki, alhamdulillah",
            "anggaran perbaikannya Rp 2,5 miliar tahun ini", "warga takut lewat malam hari", "keren pelayanannya"]
TAILS = ["", " #BantenMaju", " @pemprovbanten tolong ditindak", " https://kabar.example/a/{n}", " wkwkwk",
         " min tolong dong", " cc @dinkesbanten", "!!!", " semoga cepat ditangani ya"]
PLACES = ["Serang", "Pandeglang", "Lebak", "Cilegon", "Tangerang", "Rangkasbitung", "Labuan", "Malingping",
          "Kota Tangerang Selatan", "Kab. Serang"]


def generate(n: int, seed: int = 7) -> list[dict]:
    """Return n varied mention-like texts with titles for news and none for posts."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        place = rnd.choice(PLACES)
        text = (f"{rnd.choice(SUBJECTS).format(p=place)} {rnd.choice(OPINIONS)}"
                f"{rnd.choice(TAILS).format(n=i)}")
        if rnd.random() < 0.3:
            text += f". {rnd.choice(SUBJECTS).format(p=rnd.choice(PLACES))} {rnd.choice(OPINIONS)}"
        news = rnd.random() < 0.35
        out.append({"kind": "news" if news else "x", "title": text[:60].capitalize() if news else "",
                    "text": text, "n": i})
    return out


def rate(fn, count: int) -> float:
    started = time.perf_counter()
    fn()
    return count / (time.perf_counter() - started)


def model_stages(texts: list[str]) -> list[tuple[str, float]]:
    from pantau.lib.textclass import model as textmodel
    from pantau.lib.textclass.normalize import normalize

    sentiment = textmodel.load(textmodel.COMMITTED_DIR / "sentiment.joblib")
    emotion = textmodel.load(textmodel.COMMITTED_DIR / "emotion.joblib")
    normalized = [normalize(t) for t in texts]
    union = sentiment.pipeline.named_steps["features"]
    sentiment.predict(texts[:100]), emotion.predict(texts[:100])  # load, not measure
    shared = textmodel.shared_features([sentiment, emotion])
    return [
        ("baseline: scikit-learn TF-IDF transform (word + char_wb), sentiment features",
         rate(lambda: union.transform(normalized), len(texts))),
        ("normalize", rate(lambda: [normalize(t) for t in texts], len(texts))),
        ("sentiment model (normalize + features + calibrated SVM)", rate(lambda: sentiment.predict(texts), len(texts))),
        ("emotion model", rate(lambda: emotion.predict(texts), len(texts))),
        ("both, one normalize, each model its own features",
         rate(lambda: [m.predict([normalize(t) for t in texts], normalized=True)
                       for m in (sentiment, emotion)], len(texts))),
        ("both, one normalize, one shared feature pass (the enricher now)",
         rate(lambda: textmodel.predict_many([sentiment, emotion], texts, shared=shared), len(texts))),
    ]


def end_to_end(rows: list[dict], enrich: bool) -> float:
    from django.core.management import call_command

    from pantau.opinion import enrichers, sentiment
    from pantau.opinion.models import Source, Topic
    from pantau.opinion.pipeline import Pipeline
    from pantau.opinion.sources.base import Item

    call_command("flush", interactive=False, verbosity=0)  # each mode starts from an empty database
    if not Topic.objects.exists():
        for name, query in (("Layanan publik", "pelayanan OR ktp OR disdukcapil OR pdam OR pasar"),
                            ("Jalan dan infrastruktur", "jalan OR jembatan OR \"lampu jalan\" OR banjir"),
                            ("Kesehatan dan RSUD", "rsud OR puskesmas OR bpjs")):
            Topic.objects.create(name=name, slug=name.lower().replace(" ", "-"), query=query)
    source, _ = Source.objects.get_or_create(name="bench", kind="x")
    (enrichers.register if enrich else enrichers.unregister)(sentiment.enrich)
    for task in sentiment.TASKS:
        sentiment.classifier(task).predict(["pemanasan"])  # load the models before timing
    start = datetime(2026, 3, 1, tzinfo=UTC)
    tag = "on" if enrich else "off"
    items = [Item(kind=r["kind"], title=r["title"], text=r["text"], external_id=f"{tag}-{r['n']}",
                  url=f"https://kabar.example/{tag}/{r['n']}" if r["kind"] == "news" else "",
                  published_at=start + timedelta(seconds=37 * r["n"])) for r in rows]
    pipeline = Pipeline(workers=0)  # one process, so that the two modes compare (bench/opinion_pipeline.py: workers)
    started = time.perf_counter()
    result = pipeline.ingest(source, items)
    elapsed = time.perf_counter() - started
    enrichers.register(sentiment.enrich)
    return result.new / elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--postgres", action="store_true", help="DATABASE_URL must name a PostgreSQL database")
    args = parser.parse_args()
    if not args.postgres:
        os.environ.pop("DATABASE_URL", None)
        os.environ["PANTAU_DATA_DIR"] = tempfile.mkdtemp(prefix="pantau-bench-sentiment-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pantau.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    rows = generate(args.n)
    texts = [f"{r['title']}. {r['text']}" if r["title"] else r["text"] for r in rows]
    print(f"{args.n} generated mentions, {sum(map(len, texts)) / len(texts):.0f} characters on average")
    for name, value in model_stages(texts):
        print(f"| {name} | {value:,.0f} |")
    backend = connection.vendor
    print(f"| end to end into {backend}, one process, enrichers off | {end_to_end(rows, False):,.0f} |")
    print(f"| end to end into {backend}, one process, sentiment + emotion on | {end_to_end(rows, True):,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
