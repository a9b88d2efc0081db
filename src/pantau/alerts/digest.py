"""Daily and weekly e-mail digests per user: mentions, sentiment shares and alerts of their topics."""

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pantau.agencies.roles import ANALIS, KOORDINATOR
from pantau.opinion.models import MentionTopic, Sentiment, Topic

from .models import Alert, Subscription

PERIOD = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


def topic_rows(topics, start: datetime, end: datetime) -> list[dict]:
    """Return per topic: mentions in [start, end) and the share of each final sentiment."""
    rows = []
    for topic in topics:
        links = MentionTopic.objects.filter(topic=topic, published_at__gte=start, published_at__lt=end)
        finals = Counter(links.annotate(final=Coalesce(F("mention__sentiment_corrected"), F("mention__sentiment")))
                         .values_list("final", flat=True))
        total = sum(finals.values())
        shares = {label: (100 * finals.get(value, 0) / total if total else 0.0)
                  for value, label in Sentiment.choices}
        rows.append({"topic": topic, "mentions": total, "shares": shares})
    return rows


def subscribers(kind: str):
    """Users who get the `kind` digest: koordinator/analis with an e-mail address, whose
    subscription asks for it (no subscription = daily)."""
    users = (get_user_model().objects.filter(is_active=True, groups__name__in=[KOORDINATOR, ANALIS])
             .exclude(email="").distinct())
    for user in users:
        sub, _created = Subscription.objects.get_or_create(user=user)
        if sub.digest == kind:
            yield user, sub


def send_digests(kind: str, now: datetime | None = None) -> int:
    """E-mail the `kind` ("daily"/"weekly") digest to each subscriber not yet served in this period;
    returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for user, sub in subscribers(kind):
        if sub.last_digest_at and now - sub.last_digest_at < PERIOD[kind] - timedelta(hours=1):
            continue  # already sent in this period: running the command twice sends nothing twice
        topics = Topic.objects.visible_to(user).filter(active=True)
        if sub.topics.exists():
            topics = topics.filter(pk__in=sub.topics.values("pk"))
        start = now - PERIOD[kind]
        context = {"user": user, "kind": kind, "start": start, "end": now,
                   "rows": topic_rows(topics, start, now),
                   "alerts": Alert.objects.filter(topic__in=topics, created_at__gte=start).select_related("topic")}
        _send(user.email, kind, context)
        Subscription.objects.filter(pk=sub.pk).update(last_digest_at=now)
        sent += 1
    return sent


def _send(to: str, kind: str, context: dict) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        title = _("[Pantau] Daily opinion digest") if kind == "daily" else _("[Pantau] Weekly opinion digest")
        message = EmailMultiAlternatives(title, render_to_string("alerts/email/digest.txt", context), to=[to])
        message.attach_alternative(render_to_string("alerts/email/digest.html", context), "text/html")
        message.send()
