"""The charts of the analysis page: for each, a title, an SVG (pantau.lib.charts), the rows of its
CSV and, for each row, the filters of the mention list showing the mentions behind it."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.translation import gettext as _

from pantau.lib import charts
from pantau.opinion.models import Emotion, Sentiment

from . import analysis
from .analysis import Scope, bucket_label

STEP = {"hour": timedelta(hours=1), "day": timedelta(days=1), "week": timedelta(days=7)}
MAX_BUCKETS = 120  # more points than this make an unreadable chart and a slow page
CACHE_SECONDS = 300


def fitting_bucket(start, end, bucket: str) -> str:
    """The asked bucket, or the next coarser one when the period would need too many points."""
    order = list(STEP)
    for candidate in order[order.index(bucket):]:
        if (end - start) / STEP[candidate] <= MAX_BUCKETS:
            return candidate
    return order[-1]


def build(scope: Scope, key: str) -> "Chart":
    """One chart of the scope, kept for a few minutes so that paging back and CSV downloads are quick."""
    from django.core.cache import cache
    from django.utils.translation import get_language

    cache_key = f"{scope.cache_key()}:{key}:{get_language()}"
    chart = cache.get(cache_key)
    if chart is None:
        chart = BUILDERS[key](scope)
        cache.set(cache_key, chart, CACHE_SECONDS)
    return chart


@dataclass
class Chart:
    key: str
    title: str
    svg: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    filters: list[dict] = field(default_factory=list)  # per row: mention-list parameters


def bucket_starts(scope: Scope) -> list:
    """Every bucket start of the scope's period in WIB (weeks start on Monday), empty ones included,
    so that a quiet day shows as zero instead of disappearing from the line."""
    from pantau.lib.periods import WIB

    at = scope.start.astimezone(WIB).replace(minute=0, second=0, microsecond=0)
    if scope.bucket != "hour":
        at = at.replace(hour=0)
    if scope.bucket == "week":
        at -= timedelta(days=at.weekday())
    out = []
    while at < scope.end:
        out.append(at)
        at += STEP[scope.bucket]
    return out


def _bucket_filter(at, bucket: str) -> dict:
    return {"from": at.isoformat(), "to": (at + STEP[bucket]).isoformat()}


def volume(scope: Scope) -> Chart:
    rows = analysis.volume(scope)
    labels = bucket_starts(scope)
    names = sorted({name for _, name, _ in rows})
    counts = {(at, name): n for at, name, n in rows}
    series = {name: [counts.get((at, name), 0) for at in labels] for name in names}
    svg = charts.line([bucket_label(at, scope.bucket) for at in labels], series,
                      title=_("Mentions over time"))
    return Chart("volume", _("Mentions over time"), svg, [_("Time"), _("Topic"), _("Mentions")],
                 [[bucket_label(at, scope.bucket), name, n] for at, name, n in rows],
                 [{**_bucket_filter(at, scope.bucket), "topic_name": name} for at, name, _n in rows])


def share_of_voice(scope: Scope) -> Chart:
    rows = analysis.share_of_voice(scope)
    return Chart("share", _("Share of voice"), charts.donut(rows, title=_("Share of voice")),
                 [_("Topic"), _("Mentions")], [list(r) for r in rows], [{"topic_name": t} for t, _n in rows])


def sentiment_over_time(scope: Scope) -> Chart:
    rows = analysis.sentiment_over_time(scope)
    labels = bucket_starts(scope)
    counts = {(at, s): n for at, s, n in rows}
    names = dict(Sentiment.choices)
    series = {str(names[s]): [counts.get((at, s), 0) for at in labels] for s in names}
    svg = charts.stacked_bar([bucket_label(at, scope.bucket) for at in labels], series,
                             title=_("Sentiment over time"))
    return Chart("sentiment", _("Sentiment over time"), svg, [_("Time"), _("Sentiment"), _("Mentions")],
                 [[bucket_label(at, scope.bucket), str(names[s]), n] for at, s, n in rows],
                 [{**_bucket_filter(at, scope.bucket), "sentiment": s} for at, s, _n in rows])


def emotions(scope: Scope) -> Chart:
    rows = analysis.emotions(scope)
    names = dict(Emotion.choices)
    labelled = [(str(names[e]), n) for e, n in rows]
    return Chart("emotion", _("Emotions"), charts.bar(labelled, title=_("Emotions")),
                 [_("Emotion"), _("Mentions")], [list(r) for r in labelled], [{"emotion": e} for e, _n in rows])


def top(scope: Scope, field_name: str, measure: str) -> Chart:
    rows = analysis.top_by(scope, field_name)[measure]
    what = {"site": _("Top sites"), "author": _("Top authors")}[field_name]
    how = _("by mentions") if measure == "volume" else _("by engagement")
    title = f"{what} {how}"
    return Chart(f"{field_name}-{measure}", title, charts.bar(rows, title=title),
                 [field_name, _("Mentions") if measure == "volume" else _("Engagement")],
                 [list(r) for r in rows], [{field_name: v} for v, _n in rows])


def regions(scope: Scope) -> Chart:
    rows = analysis.regions(scope)
    return Chart("region", _("Regencies and cities"), charts.bar([(n, c) for n, _i, c in rows],
                 title=_("Regencies and cities")), [_("Regency/city"), _("Mentions")],
                 [[n, c] for n, _i, c in rows], [{"region": i} for _n, i, _c in rows])


def terms(scope: Scope, kind: str) -> Chart:
    rows = analysis.top_terms(scope, kind)
    title = {"words": _("Top terms"), "phrases": _("Top phrases"), "hashtags": _("Top hashtags")}[kind]
    return Chart(f"terms-{kind}", title, charts.bar(rows, title=title), [_("Term"), _("Mentions")],
                 [list(r) for r in rows], [{"term": t} for t, _n in rows])


BUILDERS = {
    "volume": volume, "share": share_of_voice, "sentiment": sentiment_over_time, "emotion": emotions,
    "site-volume": lambda s: top(s, "site", "volume"), "site-engagement": lambda s: top(s, "site", "engagement"),
    "author-volume": lambda s: top(s, "author", "volume"),
    "author-engagement": lambda s: top(s, "author", "engagement"),
    "region": regions, "terms-words": lambda s: terms(s, "words"),
    "terms-phrases": lambda s: terms(s, "phrases"), "terms-hashtags": lambda s: terms(s, "hashtags"),
}
