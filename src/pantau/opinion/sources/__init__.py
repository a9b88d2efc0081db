"""Source registry: kind -> module with `fetch(source, cursor) -> (items, next_cursor)`.

Adding a source: write one module beside this file and name it here.
"""

from importlib import import_module

REGISTRY = {
    "rss": "pantau.opinion.sources.rss",
    "news_search": "pantau.opinion.sources.news_search",
    "youtube": "pantau.opinion.sources.youtube",
    "x": "pantau.opinion.sources.x",
    "mastodon": "pantau.opinion.sources.mastodon",
    "file_import": "pantau.opinion.sources.file_import",
    "lapor": "pantau.opinion.sources.lapor",
}


def fetcher(kind: str):
    """The module that fetches sources of this kind (KeyError for an unknown kind)."""
    return import_module(REGISTRY[kind])
