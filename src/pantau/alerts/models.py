"""Alerts on opinion topics (volume spikes, negative surges), their deliveries, and who gets what.

Kept in their own app so that the opinion app's tables (part 1) need no migration from part 2.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AlertKind(models.TextChoices):
    VOLUME = "volume", _("Volume spike")
    NEGATIVE = "negative", _("Negative sentiment surge")


class TopicAlertSettings(models.Model):
    """Per-topic thresholds and webhook; a topic without a row uses the defaults."""

    topic = models.OneToOneField("opinion.Topic", on_delete=models.CASCADE, related_name="alert_settings")
    enabled = models.BooleanField(_("alerts on"), default=True)
    window_hours = models.PositiveSmallIntegerField(_("recent window (hours)"), default=24)
    baseline_days = models.PositiveSmallIntegerField(_("baseline (days)"), default=7)
    k = models.FloatField(_("standard deviations"), default=3.0)
    min_count = models.PositiveIntegerField(_("minimum mentions in the window"), default=20)
    webhook_url = models.URLField(
        _("webhook address"), max_length=500, blank=True,
        help_text=_("Telegram or WhatsApp gateway address; empty: the global one, if set."),
    )

    class Meta:
        verbose_name = _("topic alert settings")
        verbose_name_plural = _("topic alert settings")

    def __str__(self) -> str:
        return str(self.topic)


class Alert(models.Model):
    """One spike of one topic: raised once, then only extended while the spike goes on."""

    topic = models.ForeignKey("opinion.Topic", on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(_("kind"), max_length=10, choices=AlertKind.choices)
    window_start = models.DateTimeField(_("window start"))
    window_end = models.DateTimeField(_("window end"))
    observed = models.FloatField(_("observed"))
    expected = models.FloatField(_("expected"))
    score = models.FloatField(_("standard deviations"))
    top_terms = models.JSONField(_("top new terms"), default=list, blank=True)
    top_mentions = models.ManyToManyField("opinion.Mention", blank=True, related_name="+")
    dominant_sentiment = models.CharField(_("dominant sentiment"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("raised"), db_index=True)
    last_seen_at = models.DateTimeField(_("last seen"))
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["topic", "kind", "last_seen_at"])]
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")

    def __str__(self) -> str:
        return f"{self.topic} {self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def window_hours(self) -> int:
        return round((self.window_end - self.window_start).total_seconds() / 3600)

    @property
    def observed_percent(self) -> str:
        from pantau.lib import fmt

        return fmt.percent(self.observed * 100)

    @property
    def expected_percent(self) -> str:
        from pantau.lib import fmt

        return fmt.percent(self.expected * 100)

    @property
    def dominant_sentiment_label(self) -> str:
        from pantau.opinion.models import Sentiment

        return dict(Sentiment.choices).get(self.dominant_sentiment, self.dominant_sentiment)


class Delivery(models.Model):
    """One message of one alert to one address (e-mail) or gateway (webhook); retried on failure."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        WEBHOOK = "webhook", _("Webhook")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed, will retry")
        GAVE_UP = "gave_up", _("Failed, gave up")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    target = models.CharField(_("to"), max_length=500)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["alert", "channel", "target"], name="delivery_unique")]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.target}: {self.get_status_display()}"


class Subscription(models.Model):
    """What one user receives by e-mail: each alert at once, and/or a daily or weekly digest."""

    class Digest(models.TextChoices):
        NONE = "none", _("No digest")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_subscription")
    immediate = models.BooleanField(_("e-mail each alert"), default=True)
    digest = models.CharField(_("digest"), max_length=8, choices=Digest.choices, default=Digest.DAILY)
    topics = models.ManyToManyField(
        "opinion.Topic", blank=True, related_name="+", verbose_name=_("topics"),
        help_text=_("Empty: every topic the user may see."),
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")

    def __str__(self) -> str:
        return str(self.user)
