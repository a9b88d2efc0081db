"""RSS 2.0 and Atom feeds of online news: bytes fetched with httpx, parsed by feedparser.

Cursor: {"etag", "modified"} for conditional GET (a 304 means nothing new).
"""

import calendar
import html
from datetime import UTC, datetime

import feedparser
from django.utils.html import strip_tags

from ..normalize import site_of
from .base import Http, Item, Partial, SourceError


def fetch(source, cursor: dict) -> tuple[list[Item], dict]:
    if not source.url:
        raise SourceError("the feed has no address")
    return fetch_feed(source.url, cursor, kind="news")


def fetch_feed(url: str, cursor: dict, kind: str = "news", params: dict | None = None):
    """Items of the feed at url and the next cursor; Partial for a feed broken half-way."""
    headers = {}
    if cursor.get("etag"):
        headers["If-None-Match"] = cursor["etag"]
    if cursor.get("modified"):
        headers["If-Modified-Since"] = cursor["modified"]
    with Http() as http:
        response = http.get(url, headers=headers, params=params)
    if response.status_code == 304:
        return [], cursor
    items = parse_feed(response.content, kind)
    next_cursor = {k: v for k, v in (("etag", response.headers.get("etag")),
                                     ("modified", response.headers.get("last-modified"))) if v}
    return items, next_cursor


def parse_feed(body: bytes, kind: str = "news") -> list[Item]:
    """Items of an RSS/Atom document; SourceError when it is not a feed, Partial when it breaks."""
    feed = feedparser.parse(body)
    items = [_item(entry, kind) for entry in feed.entries]
    items = [i for i in items if i.url or i.text or i.title]
    if feed.bozo:
        problem = f"malformed feed: {feed.bozo_exception}"
        if not feed.entries and not feed.get("feed"):
            raise SourceError(problem)
        if not _harmless(feed.bozo_exception):
            raise Partial(problem, items)
    return items


def _harmless(exc) -> bool:
    # A wrong declared encoding is repaired by feedparser and loses nothing.
    return isinstance(exc, feedparser.CharacterEncodingOverride)


def _item(entry, kind: str) -> Item:
    title = html.unescape(strip_tags(entry.get("title", ""))).strip()
    summary = entry.get("summary", "")
    if entry.get("content"):
        summary = max((c.get("value", "") for c in entry.content), key=len) or summary
    link = entry.get("link", "")
    publisher = entry.get("source", {}) or {}
    site = site_of(publisher.get("href", "")) or site_of(link)
    if publisher.get("title") and title.endswith(" - " + publisher["title"]):
        title = title[: -len(publisher["title"]) - 3]  # Google News appends " - Publisher"
    return Item(
        kind=kind, title=title, text=html.unescape(strip_tags(summary)).strip(), url=link,
        external_id=entry.get("id", "") or link, author=entry.get("author", ""), site=site,
        published_at=_when(entry),
    )


def _when(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC) if parsed else None
