"""Sections filled from modules built alongside: public opinion and coordination meetings.

Each module may offer `report_section(period) -> {"text", "tables": [{"title","header","rows"}]} | None`
in its `api` module; that wins. Without it, opinion is summarised from its Mention and MentionTopic
tables when they hold mentions of the period. A section without data is left out of the report.
"""

import importlib

from django.core.exceptions import FieldError
from django.db.models import Count, Q

from pantau.lib import fmt
from pantau.lib.periods import Period


def from_api(module_name: str, period: Period) -> dict | None:
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    func = getattr(module, "report_section", None)
    return func(period) if func else None


def opinion(period: Period) -> dict | None:
    """Mentions per topic with their sentiment shares, or None when there are none in the period."""
    given = from_api("pantau.opinion.api", period)
    if given is not None:
        return given
    try:
        from pantau.opinion.models import MentionTopic

        qs = (MentionTopic.objects.filter(published_at__gte=period.start, published_at__lt=period.end,
                                          mention__duplicate_of__isnull=True)
              .values("topic__name")
              .annotate(n=Count("id"),
                        pos=Count("id", filter=_sentiment("positive")),
                        neu=Count("id", filter=_sentiment("neutral")),
                        neg=Count("id", filter=_sentiment("negative")))
              .order_by("-n", "topic__name"))
        rows = list(qs)
    except (ImportError, LookupError, FieldError):
        return None
    if not rows:
        return None
    total = sum(r["n"] for r in rows)
    top = rows[0]
    text = (f"Selama {period.label()} tercatat {fmt.number(total)} sebutan di media berita dan media sosial "
            f"pada {len(rows)} topik pantauan. Topik dengan sebutan terbanyak: {top['topic__name']} "
            f"({fmt.number(top['n'])} sebutan, {fmt.percent(_share(top['neg'], top['n']))} negatif).")
    table = {"title": "Sebutan per topik pantauan",
             "header": ["Topik", "Sebutan", "Positif", "Netral", "Negatif"],
             "rows": [[r["topic__name"], fmt.number(r["n"]), fmt.percent(_share(r["pos"], r["n"])),
                       fmt.percent(_share(r["neu"], r["n"])), fmt.percent(_share(r["neg"], r["n"]))]
                      for r in rows]}
    return {"text": text, "tables": [table]}


def _sentiment(value: str) -> Q:
    return (Q(mention__sentiment_corrected=value)
            | Q(mention__sentiment_corrected__isnull=True, mention__sentiment=value))


def _share(part: int, whole: int) -> float | None:
    return part / whole * 100 if whole else None


def meetings(period: Period) -> dict | None:
    """Coordination meetings held in the period, from the meetings module's `api.report_section`."""
    return from_api("pantau.meetings.api", period)
