"""The enrichers stage of the mention pipeline: where sentiment, emotion and the like plug in.

An enricher is a callable `enrich(mentions: list[Mention]) -> None` that sets fields on unsaved
Mention instances (e.g. `sentiment`, `sentiment_confidence`, `emotion`) just before they are stored.
Register one either
- in code, from an AppConfig.ready(): `from pantau.opinion.enrichers import register; register(fn)`, or
- in settings: `PANTAU_OPINION_ENRICHERS = ["pantau.x.module.function", ...]` (dotted paths).
Enrichers run in registration order (settings ones after code ones), once per stored batch.

A TextEnricher reads only what a mention says (kind, title, text, language, site, author) and returns
its fields' values; the pipeline computes those with its other per-item work, in worker processes for
large batches (prepare.py), and sets them before the other enrichers run.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.utils.module_loading import import_string

Enricher = Callable[[list], None]
_registry: list[Enricher] = []


class TextEnricher:
    """An enricher given as a pure function `values(drafts) -> [tuple of `fields` values or None]`
    (prepare.Draft: kind, title, text, language, site, author; None leaves the fields unset).
    The function must be importable by its dotted path (worker processes import it)."""

    def __init__(self, fields: tuple[str, ...], values: Callable[[list], list]):
        self.fields = tuple(fields)
        self.values = values
        self.path = f"{values.__module__}.{values.__qualname__}"
        if import_string(self.path) is not values:
            raise ValueError(f"{self.path} is not importable by its name")

    def __call__(self, mentions: list) -> None:
        """Set the fields on Mention objects (as any enricher)."""
        apply(self.fields, mentions, self.values(mentions))

    def __repr__(self) -> str:
        return f"TextEnricher({self.path})"


def apply(fields: tuple[str, ...], mentions: list, values: list) -> None:
    for mention, row in zip(mentions, values, strict=True):
        if row is not None:
            for name, value in zip(fields, row, strict=True):
                setattr(mention, name, value)


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


def run_enrichers(mentions: list, skip_text: bool = False) -> None:
    """Apply every enricher to the batch, in order (`skip_text`: not the TextEnrichers, whose values
    the pipeline has set already)."""
    if not mentions:
        return
    for enrich in enrichers():
        if not (skip_text and isinstance(enrich, TextEnricher)):
            enrich(mentions)


def text_enrichers() -> list[TextEnricher]:
    return [e for e in enrichers() if isinstance(e, TextEnricher)]
