"""Sending alerts by e-mail and webhook, with retries, and the daily/weekly digests."""

import logging
from datetime import datetime, timedelta

import httpx
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Alert, Delivery

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5
WEBHOOK_TIMEOUT = 10.0


def base_url() -> str:
    """The site's address for links in messages (PANTAU_BASE_URL in settings or the environment)."""
    import os

    return (getattr(settings, "PANTAU_BASE_URL", "") or os.environ.get("PANTAU_BASE_URL", "")).rstrip("/")


def alert_context(alert: Alert) -> dict:
    return {"alert": alert, "topic": alert.topic, "mentions": list(alert.top_mentions.all()[:5]),
            "base_url": base_url()}


def subject(alert: Alert) -> str:
    return _("[Pantau] %(kind)s: %(topic)s") % {"kind": alert.get_kind_display(), "topic": alert.topic.name}


def send_email(alert: Alert, to: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = alert_context(alert)
        text = render_to_string("alerts/email/alert.txt", context)
        html = render_to_string("alerts/email/alert.html", context)
        message = EmailMultiAlternatives(subject(alert), text, to=[to])
        message.attach_alternative(html, "text/html")
        message.send()


def webhook_payload(alert: Alert) -> dict:
    """The JSON sent to a Telegram/WhatsApp gateway: a ready-to-post text plus the figures."""
    with translation.override(settings.LANGUAGE_CODE):
        text = render_to_string("alerts/email/alert.txt", alert_context(alert)).strip()
    return {
        "text": text, "topic": alert.topic.name, "kind": alert.kind, "observed": alert.observed,
        "expected": alert.expected, "score": alert.score, "top_terms": alert.top_terms,
        "dominant_sentiment": alert.dominant_sentiment, "raised_at": alert.created_at.isoformat(),
    }


def send_webhook(alert: Alert, url: str) -> None:
    response = httpx.post(url, json=webhook_payload(alert), timeout=WEBHOOK_TIMEOUT)
    response.raise_for_status()


def _attempt(delivery: Delivery, now: datetime) -> bool:
    """Send one delivery; record success, or the error and when to try again. Returns success."""
    try:
        if delivery.channel == Delivery.Channel.EMAIL:
            send_email(delivery.alert, delivery.target)
        else:
            send_webhook(delivery.alert, delivery.target)
    except Exception as exc:  # any failure of the far end is recorded, never lost
        delivery.attempts += 1
        delivery.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        gave_up = delivery.attempts >= MAX_ATTEMPTS
        delivery.status = Delivery.Status.GAVE_UP if gave_up else Delivery.Status.FAILED
        delivery.next_attempt_at = now + timedelta(minutes=5 * 2 ** delivery.attempts)
        delivery.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        log.warning("alert delivery %s to %s failed: %s", delivery.pk, delivery.target, exc)
        return False
    delivery.attempts += 1
    delivery.status, delivery.sent_at, delivery.last_error = Delivery.Status.SENT, now, ""
    delivery.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return True


def deliver_pending(now: datetime | None = None) -> dict:
    """Send every pending delivery and retry failed ones whose time has come; mark alerts whose
    deliveries all went out. Returns counts {"sent", "failed"}."""
    now = now or timezone.now()
    due = (Delivery.objects.filter(status__in=[Delivery.Status.PENDING, Delivery.Status.FAILED])
           .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
           .select_related("alert__topic").order_by("pk"))
    counts = {"sent": 0, "failed": 0}
    for delivery in due:
        counts["sent" if _attempt(delivery, now) else "failed"] += 1
    done = Alert.objects.filter(delivered_at__isnull=True).exclude(
        deliveries__status__in=[Delivery.Status.PENDING, Delivery.Status.FAILED])
    done.update(delivered_at=now)
    return counts
