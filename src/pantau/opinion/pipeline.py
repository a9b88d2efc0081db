"""The mention pipeline, idempotent: items from a source -> stored, matched, tagged Mentions.

normalize -> canonical URL -> exact duplicate (identity key / content hash) -> near-duplicate
clustering -> language -> topic matching -> kabupaten/kota -> enrichers -> bulk insert.
Feeding the same items twice stores nothing the second time.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import bulk, clustering, places
from .enrichers import run_enrichers
from .matcher import Document, TopicMatcher, compile_query
from .models import Cluster, Mention, MentionTopic, Source, Topic
from .normalize import canonical_url, content_hash, detect_language, identity_key, site_of
from .query import QueryError
from .sources.base import Item

log = logging.getLogger(__name__)
BATCH = 2000


@dataclass
class IngestResult:
    fetched: int = 0
    new: int = 0
    duplicates: int = 0
    topic_links: int = 0
    mention_ids: list[int] = field(default_factory=list)


def topic_matcher(topics: Iterable[Topic] | None = None) -> TopicMatcher:
    """The active topics compiled once; a topic whose query no longer parses is skipped (logged)."""
    compiled = []
    for topic in Topic.objects.filter(active=True) if topics is None else topics:
        try:
            compiled.append((topic.id, compile_query(topic.query, topic.exclusions)))
        except QueryError as err:
            log.warning("topic %s skipped: %s", topic.slug, err)
    return TopicMatcher(compiled)


class Pipeline:
    """Holds what is compiled once per run (topics, regions, the story index)."""

    def __init__(self, *, topics: Iterable[Topic] | None = None, now: datetime | None = None):
        self.matcher = topic_matcher(topics)
        self.regions = places.region_ids()
        self.stories = clustering.StoryIndex()
        self.loaded_since: datetime | None = None
        self.now = now

    def ingest(self, source: Source, items: Iterable[Item]) -> IngestResult:
        """Store the new items of one source; returns counts and the new mentions' ids."""
        result = IngestResult()
        batch: list[Item] = []
        for item in items:
            batch.append(item)
            if len(batch) >= BATCH:
                self._ingest_batch(source, batch, result)
                batch = []
        if batch:
            self._ingest_batch(source, batch, result)
        return result

    def _ingest_batch(self, source: Source, items: list[Item], result: IngestResult) -> None:
        result.fetched += len(items)
        fetched_at = self.now or timezone.now()
        for attempt in range(2):
            drafts = [self._normalize(source, item, fetched_at) for item in items]
            try:
                with transaction.atomic():
                    stored = self._store(drafts)
                break
            except IntegrityError:
                # Another run stored some of these keys meanwhile: start the batch again, once.
                self.stories, self.loaded_since = clustering.StoryIndex(), None
                if attempt:
                    raise
        result.new += len(stored)
        result.duplicates += len(items) - len(stored)
        result.mention_ids.extend(m.pk for m, _ in stored)
        result.topic_links += sum(len(t) for _, t in stored)

    def _normalize(self, source: Source, item: Item, fetched_at: datetime) -> tuple[Mention, Document]:
        canonical = canonical_url(item.url)
        doc = Document(item.text, title=item.title, site=item.site or site_of(canonical or item.url),
                       author=item.author, source=f"{source.kind} {source.name}")
        tokens = doc.words_of(None)
        chash = content_hash(tokens)
        mention = Mention(
            source=source, kind=item.kind, external_id=item.external_id[:200], url=item.url[:2000],
            canonical_url=canonical[:2000], key=identity_key(item.kind, canonical, item.external_id, chash),
            content_hash=chash, title=item.title[:1000], text=item.text, author=item.author[:300],
            site=doc.site[:255], published_at=item.published_at or fetched_at, fetched_at=fetched_at,
            likes=item.likes, shares=item.shares, comments=item.comments, views=item.views,
            reach=item.reach, extra=item.extra, language=item.language or detect_language(tokens),
            complaint_id=item.complaint_id, region_id=item.region_id,
        )
        return mention, doc

    def _store(self, drafts: list[tuple[Mention, Document]]) -> list[tuple[Mention, list]]:
        keys = {m.key for m, _ in drafts}
        known = set(Mention.objects.filter(key__in=keys).values_list("key", flat=True))
        fresh: dict[str, tuple[Mention, Document]] = {}
        for mention, doc in sorted(drafts, key=lambda d: d[0].published_at):
            if mention.key not in known and mention.key not in fresh:
                fresh[mention.key] = (mention, doc)
        if not fresh:
            return []
        batch = list(fresh.values())
        originals = self._mark_exact_duplicates(batch)
        self._cluster(batch, originals)
        out = []
        for mention, doc in batch:
            if mention.region_id is None:
                key = places.region_key(doc.words_of(None))
                mention.region_id = self.regions.get(key) if key else None
            out.append((mention, self.matcher.match(doc)))
        mentions = [m for m, _ in out]
        run_enrichers(mentions)
        self._insert(out)
        return out

    def _mark_exact_duplicates(self, batch) -> dict[str, Mention]:
        """Flag copies of content seen before; returns content hash -> first mention with it."""
        hashes = {m.content_hash for m, _ in batch}
        originals: dict[str, Mention] = {}
        for pk, chash, cluster_id in (Mention.objects.filter(content_hash__in=hashes, is_duplicate=False)
                                      .order_by("published_at").values_list("pk", "content_hash", "cluster_id")):
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
        for mention, doc in batch:
            if mention.is_duplicate:
                first = mention.duplicate_of
                if first.pk is not None:
                    mention.cluster_id = first.cluster_id
                else:
                    mention._story = getattr(first, "_story", None)
                continue
            values = clustering.signature(doc.words_of(None))
            if values is None:
                continue
            story = self.stories.find(values)
            if story is None:
                story = Cluster(signature=clustering.to_bytes(values), first_seen_at=mention.published_at, size=0)
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
        Cluster.objects.bulk_create(list(new_clusters.values()), batch_size=1000)
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
        for cluster_id, n in grown.items():
            Cluster.objects.filter(pk=cluster_id).update(size=F("size") + n)
        links = [(m.pk, t, bulk.adapt_datetime(m.published_at)) for m, topic_ids in out for t in topic_ids]
        bulk.insert_rows(MentionTopic, ["mention_id", "topic_id", "published_at"], links)

    @staticmethod
    def _fetch_ids(mentions: list[Mention]) -> None:
        """Give the just-inserted mentions their ids, found by their unique keys."""
        by_key = {m.key: m for m in mentions}
        keys = list(by_key)
        for i in range(0, len(keys), 900):
            for pk, key in Mention.objects.filter(key__in=keys[i:i + 900]).values_list("pk", "key"):
                by_key[key].pk = pk


def ingest(source: Source, items: Iterable[Item], **kwargs) -> IngestResult:
    """Run the pipeline once over one source's items."""
    return Pipeline(**kwargs).ingest(source, items)
