"""Numbers of the opinion analysis pages: each function returns plain rows for a chart and its CSV.

All work on a `Scope`: the topics a user may see (one or all), a period [start, end) and a time
bucket (hour, day, week; bucketed in WIB). Sentiment is the final one (analyst's correction first).
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce, TruncDay, TruncHour, TruncWeek

from pantau.lib.periods import WIB
from pantau.lib.textclass import terms
from pantau.opinion.models import Emotion, Mention, MentionTopic, Sentiment

TRUNC = {"hour": TruncHour, "day": TruncDay, "week": TruncWeek}
BUCKET_FORMAT = {"hour": "%d/%m %H.00", "day": "%d/%m/%Y", "week": "%d/%m/%Y"}
TERM_SAMPLE = 5000  # newest mentions read for terms, phrases and hashtags


@dataclass
class Scope:
    topics: list
    start: datetime
    end: datetime
    bucket: str = "day"
    _texts: list | None = None

    def cache_key(self) -> str:
        ids = ",".join(str(t.pk) for t in self.topics)
        return f"opinion-analysis:{ids}:{self.start.isoformat()}:{self.end.isoformat()}:{self.bucket}"

    def texts(self) -> list[str]:
        """Title and text of the newest mentions (read once for terms, phrases and hashtags)."""
        if self._texts is None:
            self._texts = [f"{t} {x}" for t, x in scope_newest(self)]
        return self._texts

    def links(self):
        return MentionTopic.objects.filter(topic__in=self.topics, published_at__gte=self.start,
                                           published_at__lt=self.end)

    def mentions(self):
        """Each mention of the scope once, even when it matched several of its topics."""
        return Mention.objects.filter(pk__in=self.links().values("mention_id"))


def scope_newest(scope: "Scope"):
    return scope.mentions().order_by("-published_at").values_list("title", "text")[:TERM_SAMPLE]


def final_sentiment():
    return Coalesce(F("sentiment_corrected"), F("sentiment"))


def bucket_label(moment: datetime, bucket: str) -> str:
    return moment.astimezone(WIB).strftime(BUCKET_FORMAT[bucket])


def volume(scope: Scope) -> list[tuple]:
    """Rows (bucket start, topic, mentions) ordered by time then topic."""
    trunc = TRUNC[scope.bucket]("published_at", tzinfo=WIB)
    rows = (scope.links().annotate(at=trunc).values("at", "topic__name").annotate(n=Count("id"))
            .order_by("at", "topic__name"))
    return [(r["at"], r["topic__name"], r["n"]) for r in rows]


def share_of_voice(scope: Scope) -> list[tuple]:
    """Rows (topic, mentions), largest first."""
    rows = scope.links().values("topic__name").annotate(n=Count("id")).order_by("-n", "topic__name")
    return [(r["topic__name"], r["n"]) for r in rows]


def sentiment_over_time(scope: Scope) -> list[tuple]:
    """Rows (bucket start, sentiment, mentions)."""
    trunc = TRUNC[scope.bucket]("published_at", tzinfo=WIB)
    rows = (scope.mentions().annotate(at=trunc, final=final_sentiment()).exclude(final__isnull=True)
            .values("at", "final").annotate(n=Count("id")).order_by("at", "final"))
    return [(r["at"], r["final"], r["n"]) for r in rows]


def emotions(scope: Scope) -> list[tuple]:
    """Rows (emotion, mentions) in the order of the emotion list."""
    counts = dict(scope.mentions().exclude(emotion__isnull=True).values_list("emotion")
                  .annotate(n=Count("id")).values_list("emotion", "n"))
    return [(value, counts.get(value, 0)) for value, _label in Emotion.choices]


def top_by(scope: Scope, field: str, limit: int = 10) -> dict[str, list[tuple]]:
    """Top values of `field` (site, author, source name) by mentions and by engagement
    (likes + shares + comments): {"volume": [(value, n)], "engagement": [(value, sum)]}."""
    engagement = Coalesce(F("likes"), 0) + Coalesce(F("shares"), 0) + Coalesce(F("comments"), 0)
    base = scope.mentions().exclude(**{field: ""}).values(field)
    by_volume = base.annotate(n=Count("id")).order_by("-n", field)[:limit]
    by_engagement = base.annotate(n=Sum(engagement)).filter(n__gt=0).order_by("-n", field)[:limit]
    return {"volume": [(r[field], r["n"]) for r in by_volume],
            "engagement": [(r[field], r["n"]) for r in by_engagement]}


def regions(scope: Scope) -> list[tuple]:
    """Rows (kabupaten/kota name, region id, mentions), largest first."""
    rows = (scope.mentions().exclude(region__isnull=True).values("region__name", "region_id")
            .annotate(n=Count("id")).order_by("-n", "region__name"))
    return [(r["region__name"], r["region_id"], r["n"]) for r in rows]


def top_terms(scope: Scope, kind: str = "words", limit: int = 15) -> list[tuple]:
    """Rows (term, mentions containing it) among the newest mentions of the scope, stop words out."""
    return terms.count(scope.texts(), kind).most_common(limit)


def sentiment_totals(scope: Scope) -> list[tuple]:
    """Rows (sentiment, mentions) in the order positive, neutral, negative."""
    counts = Counter(scope.mentions().annotate(final=final_sentiment()).values_list("final", flat=True))
    return [(value, counts.get(value, 0)) for value, _label in Sentiment.choices]


def mention_filter(params: dict):
    """A Q filtering mentions by the query parameters of the mention list (sentiment, emotion, site,
    author, region, term)."""
    q = Q()
    if params.get("sentiment"):
        q &= Q(sentiment_corrected=params["sentiment"]) | Q(sentiment_corrected__isnull=True,
                                                             sentiment=params["sentiment"])
    for field in ("emotion", "site", "author"):
        if params.get(field):
            q &= Q(**{field: params[field]})
    if params.get("region"):
        q &= Q(region_id=params["region"])
    if params.get("term"):
        term = params["term"].lstrip("#")
        q &= Q(text__icontains=term) | Q(title__icontains=term)
    return q


