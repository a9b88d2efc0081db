"""The mention pipeline, idempotent: items from a source -> stored, matched, tagged Mentions.

prepare (per item, no database: canonical URL, identity key and content hash, language, MinHash
signature, kabupaten/kota, topic matching, text enrichers such as sentiment and emotion; prepare.py)
-> exact duplicates (identity key / content hash) -> near-duplicate clustering (the story index) ->
other enrichers -> bulk insert. Feeding the same items twice stores nothing the second time.

Large ingests (at least PARALLEL_MIN items) prepare their batches in worker processes (workers.py),
up to AHEAD batches in advance, while this process does the database work; smaller ones (a live
fetch, the tests) prepare in process. Both paths run the same `prepare` and store the same rows.
"""

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import bulk, clustering, places, workers
from .enrichers import TextEnricher, apply, run_enrichers, text_enrichers
from .matcher import TopicMatcher, compile_query
from .models import Cluster, Mention, MentionTopic, Source, Topic
from .prepare import Context, Prepared, prepare, row_of
from .query import QueryError
from .sources.base import Item

log = logging.getLogger(__name__)
BATCH = 2000
PARALLEL_MIN = BATCH  # an ingest of fewer items is prepared in this process
CHUNK = 500  # items per worker task
AHEAD = 2  # batches being prepared in the workers while one is stored


@dataclass
class IngestResult:
    fetched: int = 0
    new: int = 0
    duplicates: int = 0
    topic_links: int = 0
    mention_ids: list[int] = field(default_factory=list)


def topic_specs(topics: Iterable[Topic] | None = None) -> list[tuple[int, str, str]]:
    """(id, query, exclusions) of the active topics whose query parses (others skipped, logged)."""
    specs = []
    for topic in Topic.objects.filter(active=True) if topics is None else topics:
        try:
            compile_query(topic.query, topic.exclusions)
        except QueryError as err:
            log.warning("topic %s skipped: %s", topic.slug, err)
            continue
        specs.append((topic.id, topic.query, topic.exclusions))
    return specs


def topic_matcher(topics: Iterable[Topic] | None = None) -> TopicMatcher:
    """The active topics compiled once; a topic whose query no longer parses is skipped (logged)."""
    return TopicMatcher([(pk, compile_query(q, x)) for pk, q, x in topic_specs(topics)])


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class Pipeline:
    """Holds what is compiled once per run (topics, regions, the story index).

    workers: processes preparing large ingests (default settings.PANTAU_OPINION_WORKERS, else one
    per core; 0 or 1 prepares everything in this process); parallel_min: the smallest ingest that
    uses them.
    """

    def __init__(self, *, topics: Iterable[Topic] | None = None, now: datetime | None = None,
                 workers: int | None = None, parallel_min: int = PARALLEL_MIN):
        self.topics = tuple(topic_specs(topics))
        self.regions = places.region_ids()
        self.stories = clustering.StoryIndex()
        self.loaded_since: datetime | None = None
        self.now = now
        self.workers = workers_default() if workers is None else workers
        self.parallel_min = parallel_min
        self._context: Context | None = None

    def context(self, spec: tuple) -> Context:
        if self._context is None or self._context.spec != spec:
            self._context = Context(list(spec[0]), list(spec[1]))
        return self._context

    def ingest(self, source: Source, items: Iterable[Item]) -> IngestResult:
        """Store the new items of one source; returns counts and the new mentions' ids."""
        return self.ingest_pairs((source, item) for item in items)

    def ingest_pairs(self, pairs: Iterable[tuple[Source, Item]]) -> IngestResult:
        """Store the new items of several sources, (source, item) in (roughly) time order, in mixed
        batches: a backfill or the demo need not split its stream by source."""
        result = IngestResult()
        enrichers = text_enrichers()
        spec = (self.topics, tuple(e.path for e in enrichers))
        labels: dict[int, str] = {}
        pending: deque = deque()
        parallel = None
        for batch in _batches(pairs, BATCH):
            rows = []
            for source, item in batch:
                label = labels.get(source.pk)
                if label is None:
                    label = labels[source.pk] = f"{source.kind} {source.name}"
                rows.append(row_of(label, item))
            if parallel is None:  # the first batch decides: only a full one can be large
                parallel = self.workers > 1 and len(batch) >= self.parallel_min and workers.usable()
            if not parallel:
                self._ingest_batch(batch, prepare(rows, self.context(spec)), enrichers, result)
                continue
            try:
                futures = workers.submit(self.workers, rows, spec, CHUNK)
            except (BrokenProcessPool, OSError, RuntimeError):  # cannot start processes here
                log.exception("opinion worker pool unavailable; preparing in process")
                workers.shutdown(broken=True)
                parallel = False
                self._ingest_batch(batch, prepare(rows, self.context(spec)), enrichers, result)
                continue
            pending.append((batch, rows, futures))
            if len(pending) > AHEAD:
                self._ingest_prepared(pending.popleft(), spec, enrichers, result)
        while pending:
            self._ingest_prepared(pending.popleft(), spec, enrichers, result)
        return result

    def _ingest_prepared(self, job, spec, enrichers, result) -> None:
        batch, rows, futures = job
        try:
            prepared = [p for future in futures for p in workers.result(future)]
        except BrokenProcessPool:  # a worker died or could not start: do it here from now on
            log.exception("opinion worker pool broken; preparing in process")
            workers.shutdown(broken=True)
            prepared = prepare(rows, self.context(spec))
        self._ingest_batch(batch, prepared, enrichers, result)

    def _ingest_batch(self, pairs: list[tuple[Source, Item]], prepared: list[Prepared],
                      enrichers: list[TextEnricher], result: IngestResult) -> None:
        result.fetched += len(pairs)
        fetched_at = self.now or timezone.now()
        for attempt in range(2):
            drafts = [(self._mention(source, item, p, fetched_at), p)
                      for (source, item), p in zip(pairs, prepared, strict=True)]
            try:
                with transaction.atomic():
                    stored = self._store(drafts, enrichers)
                break
            except IntegrityError:
                # Another run stored some of these keys meanwhile: start the batch again, once.
                self.stories, self.loaded_since = clustering.StoryIndex(), None
                if attempt:
                    raise
        result.new += len(stored)
        result.duplicates += len(pairs) - len(stored)
        result.mention_ids.extend(m.pk for m, _ in stored)
        result.topic_links += sum(len(t) for _, t in stored)

    @staticmethod
    def _mention(source: Source, item: Item, p: Prepared, fetched_at: datetime) -> Mention:
        return bulk.unsaved(
            Mention, {"source": source}, source_id=source.pk, kind=item.kind, external_id=item.external_id[:200],
            url=item.url[:2000], canonical_url=p.canonical_url, key=p.key, content_hash=p.content_hash,
            title=item.title[:1000], text=item.text, author=item.author[:300], site=p.site,
            published_at=item.published_at or fetched_at, fetched_at=fetched_at, likes=item.likes,
            shares=item.shares, comments=item.comments, views=item.views, reach=item.reach, extra=item.extra,
            language=p.language, complaint_id=item.complaint_id, region_id=item.region_id,
        )

    def _store(self, drafts: list[tuple[Mention, Prepared]], enrichers: list[TextEnricher]) -> list[tuple[Mention, list]]:
        keys = {m.key for m, _ in drafts}
        known = {key for (key,) in bulk.rows_in(Mention, ["key"], "key", keys)}
        fresh: dict[str, tuple[Mention, Prepared]] = {}
        for mention, p in sorted(drafts, key=lambda d: d[0].published_at):
            if mention.key not in known and mention.key not in fresh:
                fresh[mention.key] = (mention, p)
        if not fresh:
            return []
        batch = list(fresh.values())
        originals = self._mark_exact_duplicates(batch)
        self._cluster(batch, originals)
        out = []
        regions = self.regions
        for mention, p in batch:
            if mention.region_id is None:
                mention.region_id = regions.get(p.region_key) if p.region_key else None
            for enricher, values in zip(enrichers, p.enriched, strict=True):
                if values is not None:
                    apply(enricher.fields, [mention], [values])
            out.append((mention, p.topics))
        run_enrichers([m for m, _ in out], skip_text=True)
        self._insert(out)
        return out

    def _mark_exact_duplicates(self, batch) -> dict[str, Mention]:
        """Flag copies of content seen before; returns content hash -> first mention with it."""
        hashes = {m.content_hash for m, _ in batch}
        originals: dict[str, Mention] = {}
        for pk, chash, cluster_id in bulk.rows_in(Mention, ["id", "content_hash", "cluster_id"], "content_hash",
                                                  hashes, equal={"is_duplicate": False}, order_by="published_at",
                                                  chunk=None):
            originals.setdefault(chash, Mention(pk=pk, content_hash=chash, cluster_id=cluster_id))
        for mention, _ in batch:
            first = originals.get(mention.content_hash)
            if first is None:
                originals[mention.content_hash] = mention
            else:
                mention.is_duplicate = True
                mention.duplicate_of = first  # pk known once the original is inserted
        return originals

    def _cluster(self, batch, originals) -> None:
        """Give each long text a story (`_story`): an exact copy shares its original's story, a
        near-copy joins the recent story it resembles, anything else starts one."""
        self._load_stories(batch[0][0].published_at)
        for mention, p in batch:
            if mention.is_duplicate:
                first = mention.duplicate_of
                if first.pk is not None:
                    mention.cluster_id = first.cluster_id
                else:
                    mention._story = getattr(first, "_story", None)
                continue
            if p.signature is None:
                continue
            values = clustering.from_bytes(p.signature)
            story = self.stories.find(values)
            if story is None:
                story = Cluster(signature=p.signature, first_seen_at=mention.published_at, size=0)
                self.stories.add(values, mention.published_at, story)
            mention._story = story

    def _load_stories(self, since: datetime) -> None:
        """Put stored stories of the window before the batch into the index, once per run."""
        start = since - clustering.WINDOW
        if self.loaded_since is not None and self.loaded_since <= start:
            return
        qs = Cluster.objects.filter(first_seen_at__gte=start)
        if self.loaded_since is not None:
            qs = qs.filter(first_seen_at__lt=self.loaded_since)
        for cluster in qs.order_by("first_seen_at").only("pk", "signature", "first_seen_at"):
            self.stories.add(clustering.from_bytes(cluster.signature), cluster.first_seen_at, cluster)
        self.loaded_since = start

    def _insert(self, out: list[tuple[Mention, list]]) -> None:
        mentions = [m for m, _ in out]
        new_clusters: dict[int, Cluster] = {}
        grown: dict[int, int] = {}
        for m in mentions:
            story = getattr(m, "_story", None)
            if story is None:
                if m.cluster_id:
                    grown[m.cluster_id] = grown.get(m.cluster_id, 0) + 1
            elif story.pk is None:
                new_clusters[id(story)] = story
                story.size += 1
            else:
                grown[story.pk] = grown.get(story.pk, 0) + 1
        bulk.insert_returning_ids(Cluster, list(new_clusters.values()))
        for m in mentions:
            story = getattr(m, "_story", None)
            if story is not None:
                m.cluster_id = story.pk
        firsts = [m for m in mentions if not m.is_duplicate]
        bulk.insert(Mention, firsts)
        self._fetch_ids(firsts)
        copies = [m for m in mentions if m.is_duplicate]
        for m in copies:
            m.duplicate_of_id = m.duplicate_of.pk
        bulk.insert(Mention, copies)
        self._fetch_ids(copies)
        by_growth: dict[int, list[int]] = {}
        for cluster_id, n in grown.items():
            by_growth.setdefault(n, []).append(cluster_id)
        for n, ids in sorted(by_growth.items()):  # one UPDATE per distinct growth, not per story
            for i in range(0, len(ids), 900):
                Cluster.objects.filter(pk__in=ids[i:i + 900]).update(size=F("size") + n)
        links = []
        for m, topic_ids in out:
            if topic_ids:
                published = bulk.adapt_datetime(m.published_at)
                links.extend((m.pk, t, published) for t in topic_ids)
        bulk.insert_rows(MentionTopic, ["mention_id", "topic_id", "published_at"], links)

    @staticmethod
    def _fetch_ids(mentions: list[Mention]) -> None:
        """Give the just-inserted mentions their ids, found by their unique keys."""
        by_key = {m.key: m for m in mentions}
        keys = list(by_key)
        for pk, key in bulk.rows_in(Mention, ["id", "key"], "key", keys):
            by_key[key].pk = pk


def workers_default() -> int:
    return workers.default_workers()


def ingest(source: Source, items: Iterable[Item], **kwargs) -> IngestResult:
    """Run the pipeline once over one source's items."""
    return Pipeline(**kwargs).ingest(source, items)
