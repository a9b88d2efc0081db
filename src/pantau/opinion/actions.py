"""Writes of the opinion app that touch several models: collecting a source, saving a topic.

`fetch_due_sources()` is what the periodic job calls (every few minutes): it fetches each active
source whose interval has passed, never two runs of one source at once.
"""

import logging
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from .models import FetchRun, Source
from .pipeline import Pipeline
from .sources import fetcher
from .sources.base import NotConfigured, Partial, RateLimited, SourceError, quota_resets_at

log = logging.getLogger(__name__)


def claim(source: Source, now: datetime, force: bool = False) -> bool:
    """Reserve the source for one run (conditional UPDATE, healthchecks' pattern): True when this
    caller may fetch it now; pushes not_before one interval ahead so nobody else fetches meanwhile."""
    qs = Source.objects.filter(pk=source.pk, active=True)
    if not force:
        qs = qs.filter(Q(not_before__isnull=True) | Q(not_before__lte=now))
    until = now + timedelta(minutes=source.interval_minutes)
    if qs.update(not_before=until, last_run_at=now) != 1:
        return False
    source.not_before, source.last_run_at = until, now
    return True


def fetch_source(source: Source, *, now: datetime | None = None, force: bool = False,
                 pipeline: Pipeline | None = None) -> FetchRun | None:
    """Fetch one source now and store what is new; returns its FetchRun, or None when the source
    is not due (its interval or a rate limit has not passed) or is not configured."""
    now = now or timezone.now()
    if not claim(source, now, force):
        return None
    run = FetchRun(source=source, started_at=now)
    items, cursor, error = [], source.cursor, ""
    quota_resets_at.set(None)
    try:
        items, cursor = fetcher(source.kind).fetch(source, dict(source.cursor or {}))
    except NotConfigured as exc:
        _finish_source(source, Source.Status.NOT_CONFIGURED, str(exc), source.cursor)
        return None
    except Partial as exc:
        items, error = exc.items, str(exc)
    except RateLimited as exc:
        error = str(exc)
        Source.objects.filter(pk=source.pk).update(not_before=max(exc.until, source.not_before))
    except SourceError as exc:
        error = str(exc)
    except Exception as exc:  # a bug in one source must not stop the others
        log.exception("source %s failed", source.pk)
        error = f"{type(exc).__name__}: {exc}"
    resets = quota_resets_at.get()
    if resets and resets > source.not_before:
        Source.objects.filter(pk=source.pk).update(not_before=resets)
    pipeline = pipeline or Pipeline()
    result = pipeline.ingest(source, items)
    run.fetched, run.new, run.duplicates = result.fetched, result.new, result.duplicates
    run.error, run.finished_at = error, timezone.now()
    run.save()
    status = Source.Status.ERROR if error else Source.Status.OK
    _finish_source(source, status, error, source.cursor if error else cursor, success=not error)
    return run


def _finish_source(source: Source, status: str, error: str, cursor: dict, success: bool = False) -> None:
    source.status, source.last_error, source.cursor = status, error if status == Source.Status.ERROR else "", cursor
    fields = ["status", "last_error", "cursor"]
    if success:
        source.last_success_at = timezone.now()
        fields.append("last_success_at")
    source.save(update_fields=fields)


def due_sources(now: datetime):
    return Source.objects.filter(active=True).filter(Q(not_before__isnull=True) | Q(not_before__lte=now)).order_by("pk")


def fetch_due_sources(now: datetime | None = None) -> list[FetchRun]:
    """Fetch every active source that is due; one pipeline (topics compiled once) for all."""
    now = now or timezone.now()
    pipeline = Pipeline()
    runs = []
    for source in due_sources(now):
        run = fetch_source(source, now=now, pipeline=pipeline)
        if run is not None:
            runs.append(run)
    return runs


def rematch_topic(topic, chunk: int = 5000) -> int:
    """Match one topic against every stored mention again (after its query changed); returns how
    many mentions now belong to it. Replaces the topic's links in one transaction."""
    from django.db import transaction

    from .matcher import Document, TopicMatcher, compile_query
    from .models import Mention, MentionTopic

    matcher = TopicMatcher([(topic.pk, compile_query(topic.query, topic.exclusions))]) if topic.active else None
    links = []
    if matcher is not None:
        rows = Mention.objects.order_by().values_list("pk", "published_at", "title", "text", "site", "author",
                                                      "source__kind", "source__name")
        for pk, published, title, text, site, author, kind, name in rows.iterator(chunk_size=chunk):
            if matcher.match(Document(text, title=title, site=site, author=author, source=f"{kind} {name}")):
                links.append(MentionTopic(mention_id=pk, topic_id=topic.pk, published_at=published))
    with transaction.atomic():
        MentionTopic.objects.filter(topic=topic).delete()
        MentionTopic.objects.bulk_create(links, batch_size=2000)
    return len(links)


def save_topic(form, user) -> "tuple[object, int]":
    """Save a topic from its form and rematch stored mentions when the query changed; returns
    (topic, number of matching mentions or -1 when unchanged)."""
    query_changed = form.instance.pk is None or {"query", "exclusions", "active"} & set(form.changed_data)
    topic = form.save(commit=False)
    if topic.pk is None:
        topic.created_by = user
    topic.save()
    form.save_m2m()
    return topic, rematch_topic(topic) if query_changed else -1
