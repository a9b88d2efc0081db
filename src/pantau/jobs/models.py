"""Background job runs, the e-mail outbox, users' mail preferences and escalations already made."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobRun(models.Model):
    """One run of a periodic job for one scheduled slot.

    Unique on (name, slot): every worker's scheduler enqueues the same periodic job, and the first
    to insert the row runs it; the others see the row and skip (healthchecks' claim pattern)."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("Running")
        OK = "ok", _("Succeeded")
        ERROR = "error", _("Failed")
        SKIPPED = "skipped", _("Skipped")

    name = models.CharField(_("job"), max_length=60)
    slot = models.CharField(_("scheduled slot"), max_length=40)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.RUNNING)
    error = models.TextField(_("error"), blank=True)
    detail = models.TextField(_("detail"), blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    worker = models.CharField(_("worker"), max_length=120, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [models.UniqueConstraint(fields=["name", "slot"], name="jobrun_unique_slot")]
        indexes = [models.Index(fields=["name", "started_at"])]
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")

    def __str__(self) -> str:
        return f"{self.name} {self.slot} {self.outcome}"


class MailKind(models.TextChoices):
    DIGEST = "digest", _("Daily reminder of due and overdue reports")
    WEEKLY = "weekly", _("Weekly summary for the koordinator")
    ESCALATION = "escalation", _("Escalation of long-overdue reports")


class Notification(models.Model):
    """An e-mail in the outbox. Unique per (recipient, kind, key): never queued twice.

    Delivery claims a row with `UPDATE ... SET state='sending' WHERE state='queued'` and checks the
    row count, so two workers never send the same mail; a failed send goes back to queued with a
    later next_attempt_at (backoff) and is never dropped."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed, given up")
        CANCELLED = "cancelled", _("Cancelled (switched off)")

    recipient = models.EmailField(_("recipient"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=MailKind.choices)
    key = models.CharField(_("key"), max_length=60, help_text="the date, week or other thing this mail is about")
    subject = models.CharField(_("subject"), max_length=250)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "kind", "key"], name="notification_unique_key"),
        ]
        indexes = [models.Index(fields=["state", "next_attempt_at"])]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")

    def __str__(self) -> str:
        return f"{self.kind} {self.key} -> {self.recipient} ({self.state})"


class NotificationPreference(models.Model):
    """Which kinds of mail a user wants. No row means: everything on."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mail_preference")
    digest = models.BooleanField(_("daily reminder of due and overdue reports"), default=True)
    weekly = models.BooleanField(_("weekly summary"), default=True)
    escalation = models.BooleanField(_("escalations of long-overdue reports"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mail preference")
        verbose_name_plural = _("mail preferences")

    def __str__(self) -> str:
        return f"{self.user}: digest={self.digest} weekly={self.weekly} escalation={self.escalation}"

    @classmethod
    def wants(cls, user, kind: str) -> bool:
        """True unless the user has switched this kind of mail off."""
        if user is None:
            return True
        pref = cls.objects.filter(user=user).first()
        return True if pref is None else bool(getattr(pref, kind))


class Escalation(models.Model):
    """A report's deadline escalated to the koordinator and the agency head: at most once each."""

    complaint = models.ForeignKey("complaints.Complaint", on_delete=models.CASCADE, related_name="escalations")
    deadline = models.CharField(_("deadline"), max_length=12)
    working_days_overdue = models.PositiveIntegerField(_("working days overdue"))
    escalated_at = models.DateTimeField(_("escalated"))

    class Meta:
        ordering = ["-escalated_at"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "deadline"], name="escalation_unique_deadline"),
        ]
        verbose_name = _("escalation")
        verbose_name_plural = _("escalations")

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.deadline} ({self.working_days_overdue})"
