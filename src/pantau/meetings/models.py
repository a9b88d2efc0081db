"""Coordination meetings (rapat koordinasi) with the agencies' LAPOR! admins, and answer templates."""

from django.conf import settings
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from pantau.complaints.models import Kind


class Meeting(models.Model):
    """A coordination meeting: invited agencies, attendance, minutes, decisions, activity report."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")

    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=300)
    agenda = models.TextField(_("agenda"), help_text=_("One item per line."))
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One per line: name, office (e.g. Ombudsman RI Perwakilan Banten)."))
    period = models.CharField(_("scorecard period"), max_length=30,
                              help_text=_("The period whose scorecards choose and brief the invited agencies, e.g. 2024-H2."))
    letter_number = models.CharField(_("invitation letter number"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True)
    background = models.TextField(_("background"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("coordination meeting")
        verbose_name_plural = _("coordination meetings")

    def __str__(self) -> str:
        return self.title

    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    def speaker_items(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]


class Invitation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    rank = models.PositiveIntegerField(_("priority"), default=0)
    addressee = models.CharField(_("addressee"), max_length=300, blank=True,
                                 help_text=_("e.g. Kepala Dinas Kesehatan Provinsi Banten"))
    scorecard_before = models.JSONField(_("scorecard before the meeting"), default=dict, blank=True)

    class Meta:
        ordering = ["rank", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["meeting", "agency"], name="invitation_once_per_agency")]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return str(self.agency)

class Attendee(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        ordering = ["agency__name", "name"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")

    def __str__(self) -> str:
        return self.name

class Decision(models.Model):
    """A decision of a meeting, with the agency responsible and a due date; reviewed at the next one."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("agency responsible"))
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    follow_up_note = models.TextField(_("follow-up note"), blank=True)
    reviewed_at = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="reviewed_decisions",
                                    verbose_name=_("reviewed at meeting"))

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return Truncator(self.text).chars(80)

class Photo(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("photo"), upload_to="meetings/")  # FileField: no Pillow needed; type checked in the form
    caption = models.CharField(_("caption"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.image.name

class AnswerTemplate(models.Model):
    """A model answer per kind and category, kept by the koordinator."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("classification"), max_length=12, choices=Kind.choices, blank=True)
    category = models.ForeignKey("complaints.Category", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("template"), help_text=_("Greeting, what was done, by whom, when, what the reporter can do next, contact. "
                                                        "Placeholders in [brackets]."))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")

    def __str__(self) -> str:
        return self.title
