"""Writes of the jobs app: queueing e-mail exactly once, escalating, and delivering the outbox.

Delivery claims each mail with `UPDATE ... SET state='sending' WHERE id=? AND state='queued'` and
acts only when the row count is 1, so two workers never send the same mail. A failed send goes back
to `queued` with a later `next_attempt_at` (exponential backoff); nothing is dropped until
PANTAU_MAIL_MAX_ATTEMPTS, and then it stays visible as `failed` on the jobs page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .dbretry import with_db_retry
from .models import Escalation, Notification, NotificationPreference

log = logging.getLogger("pantau.jobs")

SENDING_LEASE = timedelta(minutes=10)  # a "sending" row older than this lost its worker
BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP = timedelta(hours=6)


def queue_mail(recipient: str, kind: str, key: str, subject: str, text: str, html: str = "",
               user=None, now: datetime | None = None) -> bool:
    """Put one mail in the outbox; False when (recipient, kind, key) was already queued."""
    try:
        with transaction.atomic():
            Notification.objects.create(
                recipient=recipient.strip().lower(), user=user, kind=kind, key=key, subject=subject[:250],
                body_text=text, body_html=html, next_attempt_at=now or timezone.now(),
            )
        return True
    except IntegrityError:
        return False


def escalate(items: list, now: datetime, mails) -> list:
    """Record the escalation of every (report, deadline) in `items` not escalated before, and queue
    the mails that `mails(new_items)` returns as (recipient, key, subject, text, html, user) tuples,
    all in one transaction: a crash leaves neither half. Returns the newly escalated items."""
    with transaction.atomic():
        done = set(Escalation.objects.filter(complaint_id__in=[i.complaint_id for i in items])
                   .values_list("complaint_id", "deadline"))
        new = [i for i in items if (i.complaint_id, i.deadline) not in done]
        if not new:
            return []
        Escalation.objects.bulk_create([
            Escalation(complaint_id=i.complaint_id, deadline=i.deadline,
                       working_days_overdue=i.overdue_days, escalated_at=now) for i in new
        ])
        for recipient, key, subject, text, html, user in mails(new):
            queue_mail(recipient, "escalation", key, subject, text, html, user, now)
    return new


@dataclass
class Delivery:
    sent: int = 0
    failed: int = 0
    cancelled: int = 0
    errors: list = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.sent} sent, {self.failed} failed, {self.cancelled} cancelled"
        return text + ("; " + "; ".join(self.errors[:3]) if self.errors else "")


def backoff(attempts: int) -> timedelta:
    """Wait before the next try after `attempts` failures: 1, 2, 4 ... minutes, at most 6 hours."""
    return min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(0, attempts - 1))


def claim(notification_id: int, now: datetime) -> bool:
    """True when this caller moved the mail from queued to sending (and so must send it)."""
    return Notification.objects.filter(
        id=notification_id, state=Notification.State.QUEUED, next_attempt_at__lte=now,
    ).update(state=Notification.State.SENDING, claimed_at=now, attempts=F("attempts") + 1) == 1


def release_stale(now: datetime) -> int:
    """Mails left in `sending` by a worker that died go back to the queue."""
    return Notification.objects.filter(
        state=Notification.State.SENDING, claimed_at__lt=now - SENDING_LEASE,
    ).update(state=Notification.State.QUEUED, next_attempt_at=now)


def _message(n: Notification, connection) -> EmailMultiAlternatives:
    msg = EmailMultiAlternatives(n.subject, n.body_text, settings.DEFAULT_FROM_EMAIL, [n.recipient],
                                 connection=connection)
    if n.body_html:
        msg.attach_alternative(n.body_html, "text/html")
    return msg


def _failed(n: Notification, exc: Exception, now: datetime) -> None:
    attempts = n.attempts
    n.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    give_up = attempts >= settings.PANTAU_MAIL_MAX_ATTEMPTS
    Notification.objects.filter(id=n.id, state=Notification.State.SENDING).update(
        state=Notification.State.FAILED if give_up else Notification.State.QUEUED,
        next_attempt_at=now + backoff(attempts), last_error=n.last_error,
    )
    log.warning("Mail %s to %s failed (attempt %d): %s; %s", n.kind, n.recipient, attempts, exc,
                "given up" if give_up else f"retry after {backoff(attempts)}")


def deliver_one(n: Notification, now: datetime, connection) -> str:
    """Send one claimed mail; returns sent, cancelled or failed."""
    if n.user is not None and not NotificationPreference.wants(n.user, n.kind):
        with_db_retry(lambda: Notification.objects.filter(id=n.id).update(state=Notification.State.CANCELLED),
                      "cancelling a mail")
        return "cancelled"
    try:
        _message(n, connection).send()
    except Exception as exc:  # noqa: BLE001 - SMTP errors come in many classes; all are retried
        with_db_retry(lambda e=exc: _failed(n, e, now), "recording a failed mail")
        return "failed"
    # Once the server took the mail, recording it must not fail: a locked database is waited for.
    with_db_retry(lambda: Notification.objects.filter(id=n.id, state=Notification.State.SENDING).update(
        state=Notification.State.SENT, sent_at=timezone.now(), last_error=""), "recording a sent mail")
    return "sent"


def deliver_due(now: datetime | None = None, limit: int = 200) -> Delivery:
    """Send mails whose time has come. Stops at the first failure (the server is probably down);
    the rest wait for the next run untouched."""
    now = now or timezone.now()
    with_db_retry(lambda: release_stale(now), "releasing stale mail")
    ids = with_db_retry(lambda: list(
        Notification.objects.filter(state=Notification.State.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id").values_list("id", flat=True)[:limit]), "reading the outbox")
    result = Delivery()
    if not ids:
        return result
    connection = get_connection(fail_silently=False)
    for nid in ids:
        if not with_db_retry(lambda: claim(nid, now), "claiming a mail"):  # noqa: B023 - called at once
            continue  # another worker took it
        n = with_db_retry(lambda: Notification.objects.select_related("user").get(id=nid),  # noqa: B023
                          "reading a mail")
        outcome = deliver_one(n, now, connection)
        setattr(result, outcome, getattr(result, outcome) + 1)
        if outcome == "failed":
            result.errors.append(n.last_error or "")
            break
    return result


def save_preferences(user, **kinds: bool) -> NotificationPreference:
    """Store which kinds of mail the user wants."""
    pref, _ = NotificationPreference.objects.get_or_create(user=user)
    for kind, wanted in kinds.items():
        setattr(pref, kind, bool(wanted))
    pref.save(update_fields=[*kinds.keys(), "updated_at"])
    return pref
