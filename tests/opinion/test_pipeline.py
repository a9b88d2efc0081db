"""The mention pipeline: identity, duplicates, stories, language, topics, places."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from pantau.agencies.models import Region
from pantau.opinion.enrichers import register, unregister
from pantau.opinion.models import Cluster, Mention, Source, Topic
from pantau.opinion.normalize import canonical_url, detect_language
from pantau.opinion.pipeline import ingest
from pantau.opinion.places import region_key
from pantau.opinion.query import words
from pantau.opinion.sources.base import Item

T0 = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)
ARTICLE = (
    "Jalan provinsi di Kecamatan Malingping, Kabupaten Lebak, kembali rusak parah setelah hujan deras "
    "mengguyur wilayah itu selama tiga hari. Warga mengeluhkan lubang besar yang membahayakan pengendara "
    "sepeda motor, terutama pada malam hari karena penerangan jalan umum juga tidak menyala. Dinas "
    "Pekerjaan Umum dan Penataan Ruang Provinsi Banten menyatakan perbaikan dijadwalkan bulan depan."
)


@pytest.fixture
def source(db):
    return Source.objects.create(name="Kabar Banten", kind="rss", url="https://kabarbanten.example/rss")


def news(url, text=ARTICLE, title="Jalan di Malingping rusak parah", minutes=0, **kw):
    return Item(kind="news", url=url, title=title, text=text, published_at=T0 + timedelta(minutes=minutes), **kw)


@pytest.mark.parametrize("raw, canonical", [
    ("http://www.Kabar.example/a/b/?utm_source=fb&id=3#top", "https://kabar.example/a/b?id=3"),
    ("https://m.kabar.example/a/b/amp/?fbclid=XYZ", "https://kabar.example/a/b"),
    ("https://amp.kabar.example/amp/a/b", "https://kabar.example/a/b"),
    ("https://kabar.example/", "https://kabar.example"),
    ("mailto:x@y.z", ""),
])
def test_tracking_and_mobile_variants_of_an_address_become_one_canonical_address(raw, canonical):
    assert canonical_url(raw) == canonical


def test_feeding_the_same_items_twice_stores_them_once(source):
    items = [news("https://kabar.example/a?utm_medium=x"), news("https://kabar.example/b", text="lain " * 5)]
    first = ingest(source, items)
    again = ingest(source, [news("https://www.kabar.example/a/"), *items])
    assert (first.new, first.duplicates) == (2, 0)
    assert (again.new, again.duplicates) == (0, 3)
    assert Mention.objects.count() == 2


def test_a_copy_with_the_same_words_at_another_address_is_flagged_as_an_exact_duplicate(source):
    ingest(source, [news("https://kabar.example/a")])
    ingest(source, [news("https://lain.example/z", minutes=30)])
    original, copy = Mention.objects.order_by("published_at")
    assert not original.is_duplicate
    assert copy.is_duplicate and copy.duplicate_of == original
    assert copy.cluster_id == original.cluster_id is not None


def test_syndicated_near_copies_join_one_story_and_other_articles_do_not(source):
    edited = ARTICLE.replace("tiga hari", "dua hari").replace("bulan depan", "pekan depan") + " Sumber: Antara."
    other = ("Gubernur Banten meresmikan layanan kesehatan keliling untuk warga di pelosok Pandeglang. "
             "Mobil layanan itu membawa dokter umum, bidan dan obat-obatan dasar, serta akan berkeliling "
             "setiap pekan ke desa yang jauh dari puskesmas, kata kepala dinas kesehatan kepada wartawan.")
    ingest(source, [news("https://a.example/1"), news("https://b.example/2", text=edited, minutes=90)])
    ingest(source, [news("https://c.example/3", text=other, title="Layanan kesehatan keliling", minutes=120)])
    first, near, unrelated = Mention.objects.order_by("published_at")
    assert first.cluster_id == near.cluster_id
    assert not near.is_duplicate
    assert unrelated.cluster_id != first.cluster_id
    assert Cluster.objects.get(pk=first.cluster_id).size == 2


def test_mentions_are_matched_to_topics_and_tagged_with_their_region(source):
    jalan = Topic.objects.create(name="Jalan", slug="jalan", query='jalan NEAR/3 (rusak OR berlubang)')
    Topic.objects.create(name="RSUD", slug="rsud", query="rsud OR puskesmas")
    Topic.objects.create(name="Rusak", slug="x", query="(", active=True)  # broken query: skipped
    ingest(source, [news("https://kabar.example/a")])
    mention = Mention.objects.get()
    assert list(mention.topics.all()) == [jalan]
    assert mention.region == Region.objects.get(name="Kabupaten Lebak")
    assert mention.language == "id"


@pytest.mark.parametrize("text, key", [
    ("Macet parah di Pamulang pagi ini", "tangsel"),
    ("Pemkab Tangerang perbaiki jalan di Tigaraksa", "kab_tangerang"),
    ("Banjir di Kota Tangerang Selatan dan Ciputat", "tangsel"),
    ("Banjir di Kota Tangerang, Cipondoh terendam", "kota_tangerang"),
    ("Kab. Serang: jalan Anyer rusak", "kab_serang"),
    ("Pelabuhan Merak padat, Cilegon macet", "cilegon"),
    ("Harga cabai naik", None),
])
def test_the_gazetteer_tells_the_tangerangs_and_serangs_apart(text, key):
    assert region_key(words(text)) == key


def test_the_language_detector_tells_indonesian_from_english():
    assert detect_language(words("Warga mengeluhkan jalan yang rusak di Lebak")) == "id"
    assert detect_language(words("The governor said the road will be repaired next month")) == "en"
    assert detect_language(words("12345")) == "other"


def test_enrichers_see_every_new_mention_before_it_is_stored(source):
    seen = []

    def enrich(mentions):
        seen.extend(m.pk for m in mentions)
        for m in mentions:
            m.sentiment, m.sentiment_confidence = "negative", 0.9

    register(enrich)
    try:
        ingest(source, [news("https://kabar.example/a")])
    finally:
        unregister(enrich)
    assert seen == [None]
    assert Mention.objects.get().sentiment == "negative"


def stored_rows() -> list[tuple]:
    """Every stored mention with what the pipeline decided, ids replaced by keys (the two runs number
    their rows differently)."""
    from pantau.opinion.models import MentionTopic

    key_of = dict(Mention.objects.values_list("pk", "key"))
    first_of = {}
    for pk, cluster_id in Mention.objects.order_by("published_at", "pk").values_list("pk", "cluster_id"):
        if cluster_id is not None:
            first_of.setdefault(cluster_id, key_of[pk])
    sizes = dict(Cluster.objects.values_list("pk", "size"))
    topics: dict[int, set] = {}
    for mention_id, topic_id in MentionTopic.objects.values_list("mention_id", "topic_id"):
        topics.setdefault(mention_id, set()).add(topic_id)
    rows = []
    for m in Mention.objects.all():
        rows.append((m.key, m.source_id, m.kind, m.canonical_url, m.content_hash, m.title, m.text, m.site,
                     m.published_at, m.language, m.region_id, m.is_duplicate, key_of.get(m.duplicate_of_id),
                     first_of.get(m.cluster_id), sizes.get(m.cluster_id), m.sentiment, m.sentiment_confidence,
                     m.emotion, m.emotion_confidence, sorted(topics.get(m.pk, ()))))
    return sorted(rows)


@pytest.mark.django_db(transaction=True)
def test_worker_processes_store_exactly_what_the_serial_pipeline_stores(monkeypatch):
    from pantau.opinion import pipeline as pipeline_module
    from pantau.opinion import workers
    from pantau.opinion.demo import Generator, ensure_topics_and_sources
    from pantau.opinion.pipeline import Pipeline

    _, sources = ensure_topics_and_sources()
    produced = Generator(5, sources).mentions(900)
    copies = [(s, replace(item, url=f"{item.url}-salin" if item.url else "", external_id=f"{item.external_id}-salin",
                          published_at=item.published_at + timedelta(minutes=3)))
              for s, item in produced[100:700:10]]  # exact copies at another address
    produced = sorted(produced + copies, key=lambda si: si[1].published_at)
    produced += produced[:40]  # fed again: known keys
    monkeypatch.setattr(pipeline_module, "BATCH", 120)  # many batches, several in flight at once
    monkeypatch.setattr(pipeline_module, "CHUNK", 50)

    def run(pipeline):
        half = len(produced) // 2
        for i in range(0, half, 400):  # one source at a time, then mixed
            chunk = produced[i:min(i + 400, half)]
            for source in {s.pk: s for s, _ in chunk}.values():
                pipeline.ingest(source, [item for s, item in chunk if s.pk == source.pk])
        pipeline.ingest_pairs(produced[half:])
        return stored_rows()

    serial = run(Pipeline(workers=0))
    Mention.objects.all().delete()
    Cluster.objects.all().delete()
    try:
        parallel_pipeline = Pipeline(workers=2, parallel_min=1)
        parallel = run(parallel_pipeline)
        assert workers._pool is not None  # the workers did the preparing
    finally:
        workers.shutdown()
    assert len(serial) > 900 and any(r[11] for r in serial) and any(r[14] and r[14] > 1 for r in serial)
    assert any(r[15] for r in serial) and any(r[-1] for r in serial)
    assert parallel == serial


def test_signatures_of_a_batch_equal_datasketchs_minhash_of_each_text():
    from pantau.opinion import clustering

    texts = [ARTICLE, ARTICLE.replace("Lebak", "Pandeglang"), "terlalu pendek", ARTICLE.upper() + " Tambahan kata.",
             "Jalan ñandú rusak " * 12]
    token_lists = [words(t) for t in texts]
    batch = clustering.signatures(token_lists)
    for tokens, values in zip(token_lists, batch, strict=True):
        expected = clustering.signature(tokens)
        assert (values is None) == (expected is None)
        if expected is not None:
            assert values.dtype == expected.dtype and (values == expected).all()
    assert batch[2] is None and batch[0] is not None


def test_a_daemonic_process_such_as_a_huey_process_worker_prepares_in_process(source, monkeypatch):
    import multiprocessing

    from pantau.opinion import workers
    from pantau.opinion.pipeline import Pipeline

    assert workers.usable()
    monkeypatch.setattr(multiprocessing.current_process(), "daemon", True, raising=False)
    assert not workers.usable()
    submitted = []
    monkeypatch.setattr(workers, "submit", lambda *a, **k: submitted.append(a))
    result = Pipeline(workers=2, parallel_min=1).ingest(source, [news("https://kabar.example/a")])
    assert result.new == 1 and submitted == []


def test_the_story_index_proposes_what_datasketchs_lsh_proposes_in_the_same_order():
    import random

    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from pantau.opinion import clustering

    rng = random.Random(3)
    base = [np.array([rng.getrandbits(32) for _ in range(clustering.NUM_PERM)], dtype=np.uint32) for _ in range(40)]
    signatures = []
    for _ in range(600):  # near-copies of a few texts: many shared bands, crowded buckets
        values = base[rng.randrange(len(base))].copy()
        for i in rng.sample(range(clustering.NUM_PERM), rng.randrange(0, 50)):
            values[i] = rng.getrandbits(32)
        signatures.append(values)
    ours = clustering.Bands()
    theirs = MinHashLSH(threshold=clustering.LSH_THRESHOLD, num_perm=clustering.NUM_PERM)

    def minhash(values):
        return MinHash(num_perm=clustering.NUM_PERM, seed=7, hashvalues=values, scheme=clustering.SCHEME)

    proposed = crowded = 0
    for key, values in enumerate(signatures):
        expected = theirs.query(minhash(values))
        assert ours.query(clustering.Bands.bands(values)) == expected
        proposed += len(expected)
        crowded += len(expected) > 2
        ours.insert(key, clustering.Bands.bands(values))
        theirs.insert(key, minhash(values), check_duplication=False)
        if key >= 100 and key % 3 == 0:  # stories leave the window
            ours.remove(key - 100)
            theirs.remove(key - 100)
    assert proposed > 500 and crowded > 100
