"""The enrichers stage of the mention pipeline: where sentiment, emotion and the like plug in.

An enricher is a callable `enrich(mentions: list[Mention]) -> None` that sets fields on unsaved
Mention instances (e.g. `sentiment`, `sentiment_confidence`, `emotion`) just before they are stored.
Register one either
- in code, from an AppConfig.ready(): `from pantau.opinion.enrichers import register; register(fn)`, or
- in settings: `PANTAU_OPINION_ENRICHERS = ["pantau.x.module.function", ...]` (dotted paths).
Enrichers run in registration order (settings ones after code ones), once per stored batch.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils.module_loading import import_string

Enricher = Callable[[list], None]
_registry: list[Enricher] = []


def register(enricher: Enricher) -> Enricher:
    """Add an enricher (idempotent); returns it, so it can be used as a decorator."""
    if enricher not in _registry:
        _registry.append(enricher)
    return enricher


def unregister(enricher: Enricher) -> None:
    if enricher in _registry:
        _registry.remove(enricher)


def enrichers() -> list[Enricher]:
    """The registered enrichers followed by those named in settings.PANTAU_OPINION_ENRICHERS."""
    named: Iterable[str] = getattr(settings, "PANTAU_OPINION_ENRICHERS", ())
    return list(_registry) + [import_string(path) for path in named]


def run_enrichers(mentions: list) -> None:
    """Apply every enricher to the batch, in order."""
    if not mentions:
        return
    for enrich in enrichers():
        enrich(mentions)
