"""Writes of the alerts app: raising an alert once per spike, with its deliveries."""

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce

from pantau.agencies.roles import ANALIS, KOORDINATOR
from pantau.lib.textclass import terms
from pantau.opinion.models import Mention, Topic
from pantau.opinion.spikes import Spike, SpikeSettings

from .models import Alert, Delivery, Subscription


def global_webhook_url() -> str:
    import os

    return getattr(settings, "PANTAU_ALERT_WEBHOOK_URL", "") or os.environ.get("PANTAU_ALERT_WEBHOOK_URL", "")


def _mentions(topic: Topic, start: datetime, end: datetime):
    return Mention.objects.filter(topic_links__topic=topic, topic_links__published_at__gte=start,
                                  topic_links__published_at__lt=end)


def describe(topic: Topic, window: tuple[datetime, datetime], cfg: SpikeSettings) -> dict:
    """Return the top new terms, top mentions (by engagement) and dominant sentiment of a window."""
    start, end = window
    recent = _mentions(topic, start, end)
    earlier = _mentions(topic, start - timedelta(days=cfg.baseline_days), start)
    texts = lambda qs: (f"{t} {x}" for t, x in qs.values_list("title", "text")[:5000])  # noqa: E731
    top_terms = terms.new_terms(texts(recent), texts(earlier), ratio=cfg.baseline_days * 24 / cfg.window_hours)
    engagement = Coalesce(F("likes"), 0) + Coalesce(F("shares"), 0) + Coalesce(F("comments"), 0)
    top = list(recent.annotate(engagement=engagement).order_by("-engagement", "-published_at")[:5])
    finals = Counter(recent.annotate(final=Coalesce(F("sentiment_corrected"), F("sentiment")))
                     .values_list("final", flat=True))
    finals.pop(None, None)
    dominant = finals.most_common(1)[0][0] if finals else ""
    return {"top_terms": [t for t, _ in top_terms], "top_mentions": top, "dominant_sentiment": dominant}


def recipients(topic: Topic) -> list[str]:
    """E-mail addresses of koordinator and analis users who see the topic and want each alert
    (users without a subscription get every alert of the topics they see)."""
    users = (get_user_model().objects.filter(is_active=True, groups__name__in=[KOORDINATOR, ANALIS])
             .exclude(email="").distinct().select_related("alert_subscription"))
    found = []
    for user in users:
        sub = Subscription.objects.filter(user=user).first()
        if sub and (not sub.immediate or (sub.topics.exists() and not sub.topics.filter(pk=topic.pk).exists())):
            continue
        if Topic.objects.visible_to(user).filter(pk=topic.pk).exists():
            found.append(user.email)
    return sorted(set(found))


@transaction.atomic
def raise_alert(topic: Topic, spike: Spike, window: tuple[datetime, datetime], cfg: SpikeSettings,
                now: datetime) -> Alert | None:
    """Create an Alert with its deliveries, unless one of the same kind is still ongoing (seen within
    the last window): then only extend that one and return None, so a long spike alerts once."""
    ongoing = (Alert.objects.select_for_update()
               .filter(topic=topic, kind=spike.kind, last_seen_at__gte=now - timedelta(hours=cfg.window_hours))
               .order_by("-last_seen_at").first())
    if ongoing:
        Alert.objects.filter(pk=ongoing.pk).update(last_seen_at=now, window_end=window[1])
        return None
    details = describe(topic, window, cfg)
    alert = Alert.objects.create(
        topic=topic, kind=spike.kind, window_start=window[0], window_end=window[1],
        observed=spike.observed, expected=spike.expected, score=spike.score,
        top_terms=details["top_terms"], dominant_sentiment=details["dominant_sentiment"],
        created_at=now, last_seen_at=now,
    )
    alert.top_mentions.set(details["top_mentions"])
    deliveries = [Delivery(alert=alert, channel=Delivery.Channel.EMAIL, target=a) for a in recipients(topic)]
    webhook = getattr(getattr(topic, "alert_settings", None), "webhook_url", "") or global_webhook_url()
    if webhook:
        deliveries.append(Delivery(alert=alert, channel=Delivery.Channel.WEBHOOK, target=webhook))
    Delivery.objects.bulk_create(deliveries)
    return alert


def correct_sentiment(mention: Mention, value: str, user) -> None:
    """Record an analyst's sentiment for a mention (kept apart from the model's own label)."""
    from django.utils import timezone

    now = timezone.now()
    Mention.objects.filter(pk=mention.pk).update(sentiment_corrected=value, sentiment_corrected_by=user,
                                                 sentiment_corrected_at=now)
    mention.sentiment_corrected, mention.sentiment_corrected_by, mention.sentiment_corrected_at = value, user, now
