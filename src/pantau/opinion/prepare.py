"""The pure per-item part of the mention pipeline: no database, no state shared between items.

canonical URL, site, tokens, content hash, identity key, language, MinHash signature, kabupaten/kota,
topic matching and the "text" enrichers (sentiment and emotion), for a list of items at once. The
pipeline runs it in its own process for small batches and in worker processes for large ones
(workers.py); both call the same `prepare`, so the results cannot differ.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.utils.module_loading import import_string

from . import clustering, places
from .matcher import Document, TopicMatcher, compile_query
from .normalize import canonical_url, content_hash, detect_language, identity_key, site_of


@dataclass(slots=True)
class Draft:
    """What a text enricher reads of a mention (the fields as they will be stored)."""

    kind: str
    title: str
    text: str
    language: str
    site: str
    author: str


class Prepared(NamedTuple):
    """One item prepared (a plain tuple: it comes back from a worker cheaply)."""

    canonical_url: str
    site: str
    key: str
    content_hash: str
    language: str
    signature: bytes | None  # MinHash values of a long text (clustering.to_bytes)
    region_key: str | None  # from the gazetteer (used when the source gave no region)
    topics: list  # ids of the matching topics
    enriched: list  # per text enricher: its values, or None to leave the fields unset


def row_of(source_label: str, item) -> tuple:
    """What `prepare` reads of a source Item (small to send to a worker); source_label: "kind name"
    of its Source, for `source:` queries."""
    return (item.kind, item.title, item.text, item.url, item.external_id, item.author, item.site, item.language,
            source_label)


class Context:
    """What `prepare` needs compiled: the topics' queries and the text enrichers.

    topics: (topic id, query, exclusions) of queries known to compile; enrichers: dotted paths of
    the `values` functions of text enrichers (enrichers.TextEnricher).
    """

    def __init__(self, topics: list[tuple], enrichers: list[str]):
        self.spec = (tuple(topics), tuple(enrichers))
        self.matcher = TopicMatcher([(pk, compile_query(q, x)) for pk, q, x in topics])
        self.enrichers = [import_string(path) for path in enrichers]


def prepare(rows: list[tuple], context: Context) -> list[Prepared]:
    """Prepare `row_of` rows."""
    found, drafts, tokens_of = [], [], []
    match = context.matcher.match
    for kind, title, text, url, external_id, author, site, language, source_label in rows:
        canonical = canonical_url(url)
        doc = Document(text, title=title, site=site or site_of(canonical or url), author=author,
                       source=source_label)
        tokens = doc.words_of(None)
        chash = content_hash(tokens)
        language = language or detect_language(tokens)
        found.append((canonical[:2000], doc.site[:255], identity_key(kind, canonical, external_id, chash), chash,
                      language, places.region_key(tokens), match(doc)))
        tokens_of.append(tokens)
        drafts.append(Draft(kind, title[:1000], text, language, doc.site[:255], author[:300]))
    signatures = [None if v is None else clustering.to_bytes(v) for v in clustering.signatures(tokens_of)]
    enriched = [values_of(drafts) for values_of in context.enrichers]
    return [Prepared(canonical, site, key, chash, language, signature, region, topics, [e[i] for e in enriched])
            for i, ((canonical, site, key, chash, language, region, topics), signature)
            in enumerate(zip(found, signatures, strict=True))]
