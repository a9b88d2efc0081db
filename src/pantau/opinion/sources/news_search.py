"""News search feed per topic: Google News RSS search in Indonesian, query from the topic's words.

URL: {base}?q=<words>&hl=id&gl=ID&ceid=ID:id, base `https://news.google.com/rss/search` unless the
source's address says otherwise. The words are config["q"] when given, else the positive words of
the source's topics' queries joined by OR.
"""

from ..query import QueryError, parse, positive_words
from .base import Item, SourceError, opt
from .rss import fetch_feed

DEFAULT_BASE = "https://news.google.com/rss/search"
MAX_WORDS = 12  # Google News ignores very long queries


def search_terms(source) -> str:
    """The search text for the feed: quoted phrases, OR between terms."""
    if source.config.get("q"):
        return source.config["q"]
    terms: list[str] = []
    for topic in source.topics.filter(active=True).order_by("id"):
        try:
            found = positive_words(parse(topic.query))
        except QueryError:
            continue
        terms += [t for t in found if t not in terms]
    if not terms:
        raise SourceError("no topic with words to search for is linked to this source")
    return " OR ".join(f'"{t}"' if " " in t else t for t in terms[:MAX_WORDS])


def search_params(source) -> dict:
    return {"q": search_terms(source), "hl": "id", "gl": "ID", "ceid": "ID:id"}


def fetch(source, cursor: dict) -> tuple[list[Item], dict]:
    base = source.url or opt("PANTAU_NEWS_SEARCH_URL", DEFAULT_BASE)
    return fetch_feed(base, cursor, kind="news", params=search_params(source))
