"""The complaint core: LAPOR! reports, their append-only history, follow-ups and imports."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    """A LAPOR! category; sub-categories point at their parent."""

    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        verbose_name=_("parent category"),
    )
    aliases = models.JSONField(_("aliases"), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="category_unique_name")]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return f"{self.parent.name} > {self.name}" if self.parent_id else self.name

    @property
    def top(self) -> "Category":
        return self.parent if self.parent_id else self


class Kind(models.TextChoices):
    PENGADUAN = "pengaduan", _("Complaint")
    ASPIRASI = "aspirasi", _("Aspiration")
    INFORMASI = "informasi", _("Information request")


class Channel(models.TextChoices):
    WEBSITE = "website", _("Website")
    SMS = "sms", _("SMS 1708")
    APP = "aplikasi", _("Android/iOS app")
    TWITTER = "twitter", _("Twitter/X")
    WHATSAPP = "whatsapp", _("WhatsApp")
    REGIONAL = "kanal_daerah", _("Integrated regional channel")
    SOCIAL_MEDIA = "media_sosial", _("Social media")
    OTHER = "lainnya", _("Other")


class Status(models.TextChoices):
    UNVERIFIED = "unverified", _("Not yet verified")
    DISPOSED = "disposed", _("Disposed")
    IN_PROCESS = "in_process", _("In process")
    FOLLOWED_UP = "followed_up", _("Followed up")
    REPORTER_REPLIED = "reporter_replied", _("Reporter replied")
    COMPLETED = "completed", _("Completed")
    POSTPONED = "postponed", _("Postponed")
    ARCHIVED = "archived", _("Archived")
    NOT_AUTHORISED = "not_authorised", _("Not our authority")


OPEN_STATUSES = (
    Status.UNVERIFIED, Status.DISPOSED, Status.IN_PROCESS, Status.FOLLOWED_UP, Status.REPORTER_REPLIED,
)


class DeadlineState(models.TextChoices):
    MET = "met", _("Met on time")
    MET_LATE = "late", _("Met late")
    OPEN = "open", _("Open, not yet due")
    OVERDUE = "overdue", _("Overdue")
    NOT_APPLICABLE = "na", _("Not applicable")


class Complaint(models.Model):
    """A report filed through SP4N-LAPOR!, as last seen in an import."""

    tracking_id = models.CharField(_("tracking ID"), max_length=32, unique=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    text = models.TextField(_("report text"), blank=True)
    kind = models.CharField(_("classification"), max_length=12, choices=Kind.choices, default=Kind.PENGADUAN)
    supervisory = models.BooleanField(_("supervisory content (berkadar pengawasan)"), default=False)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.PROTECT, related_name="complaints",
        verbose_name=_("category"),
    )
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices, default=Channel.WEBSITE)
    region = models.ForeignKey(
        "agencies.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="complaints",
        verbose_name=_("regency/city"),
    )
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    is_secret = models.BooleanField(_("secret (rahasia)"), default=False)
    # Personal data (UU 27/2022): never public, never in open data; reads are audited.
    reporter_name = models.CharField(_("reporter's name"), max_length=200, blank=True)
    reporter_phone = models.CharField(_("reporter's phone"), max_length=40, blank=True)
    reporter_email = models.CharField(_("reporter's e-mail"), max_length=200, blank=True)
    reporter_id_number = models.CharField(_("reporter's identity number (NIK)"), max_length=32, blank=True)

    received_at = models.DateTimeField(_("received"), db_index=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    disposed_at = models.DateTimeField(_("disposed"), null=True, blank=True)
    first_follow_up_at = models.DateTimeField(_("first follow-up"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # No index of its own: the indexes below that start with the agency serve its look-ups.
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="complaints",
        verbose_name=_("agency"), db_index=False,
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UNVERIFIED)
    status_text = models.CharField(_("status as exported"), max_length=300, blank=True)
    auto_closed = models.BooleanField(_("closed automatically"), default=False)

    # Deadlines (sla.py): due times in working days from the calendar, and the state of each.
    dispose_due_at = models.DateTimeField(_("dispose by"), null=True, blank=True)
    dispose_state = models.CharField(max_length=8, choices=DeadlineState.choices, default=DeadlineState.OPEN)
    follow_up_due_at = models.DateTimeField(_("first follow-up by"), null=True, blank=True)
    follow_up_state = models.CharField(max_length=8, choices=DeadlineState.choices, default=DeadlineState.NOT_APPLICABLE)
    resolve_due_at = models.DateTimeField(_("resolve by"), null=True, blank=True)
    resolve_state = models.CharField(max_length=8, choices=DeadlineState.choices, default=DeadlineState.NOT_APPLICABLE)

    row_hash = models.CharField(max_length=40, blank=True, help_text="hash of the imported row: unchanged rows are skipped")
    last_batch = models.ForeignKey(
        "ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [
            ("view_personal_data", _("Can see reporters' personal data")),
            ("import_complaints", _("Can import LAPOR! exports")),
        ]
        indexes = [
            models.Index(fields=["agency", "received_at"]),
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["resolve_state", "resolve_due_at"]),
            models.Index(fields=["follow_up_state", "follow_up_due_at"]),
            # The list sorted by resolution deadline (filters.SORTS), for everyone and for one agency:
            # without them a sort of 1M rows took 0.6-0.9 s on SQLite.
            models.Index(fields=["resolve_due_at", "id"], name="complaint_deadline_idx"),
            models.Index(fields=["agency", "resolve_due_at", "id"], name="complaint_agency_deadline_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.tracking_id} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class AppendOnlyError(Exception):
    pass


class ComplaintEvent(models.Model):
    """One change seen between imports (or made in Pantau). Never updated, never deleted."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Report received")
        STATUS = "status", _("Status changed")
        DISPOSITION = "disposition", _("Disposition")
        FOLLOW_UP = "follow_up", _("Follow-up")
        REPORTER_REPLIED = "reporter_replied", _("Reporter replied")
        CLOSED = "closed", _("Completed")
        FIELD = "field", _("Data changed")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    field = models.CharField(_("field"), max_length=40, blank=True)
    old_value = models.TextField(_("from"), blank=True)
    new_value = models.TextField(_("to"), blank=True)
    occurred_at = models.DateTimeField(_("when"), db_index=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    batch = models.ForeignKey(
        "ImportBatch", null=True, blank=True, on_delete=models.PROTECT, related_name="events",
        verbose_name=_("import"),
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["occurred_at", "id"]
        verbose_name = _("report event")
        verbose_name_plural = _("report events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {date_format(timezone.localtime(self.occurred_at), 'DATETIME_FORMAT')}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("ComplaintEvent is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("ComplaintEvent is append-only")


class FollowUp(models.Model):
    """An agency's answer (tindak lanjut) to a report."""

    # No index of its own: follow_up_unique_time (complaint, posted_at) serves its look-ups.
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="follow_ups", db_index=False)
    agency = models.ForeignKey("agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    posted_at = models.DateTimeField(_("posted"))
    text = models.TextField(_("answer"), blank=True)
    batch = models.ForeignKey("ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["posted_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "posted_at"], name="follow_up_unique_time"),
        ]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return f"{capfirst(self._meta.verbose_name)}, {date_format(timezone.localtime(self.posted_at), 'DATETIME_FORMAT')}"

class ColumnMapping(models.Model):
    """A saved mapping from an export's column headers to Pantau's fields."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    mapping = models.JSONField(_("mapping"), default=dict, help_text=_("field name -> column header"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")

    def __str__(self) -> str:
        return self.name


class ImportBatch(models.Model):
    """One run of the LAPOR! importer, dry or committed."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("Running")
        DRY_RUN = "dry_run", _("Dry run (not saved)")
        COMMITTED = "committed", _("Committed")
        REJECTED = "rejected", _("Rejected")
        FAILED = "failed", _("Failed")

    file_name = models.CharField(_("file name"), max_length=300)
    sha256 = models.CharField(max_length=64, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    mapping_name = models.CharField(_("mapping used"), max_length=100, blank=True)
    mapping = models.JSONField(_("mapping"), default=dict)
    counts = models.JSONField(_("counts"), default=dict, help_text="new / changed / unchanged / rejected")
    errors = models.JSONField(_("rejections"), default=list, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.RUNNING)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_outcome_display()})"


class CalendarOverride(models.Model):
    """The office's correction to the holiday calendar: a date made a holiday, or made a working day."""

    date = models.DateField(_("date"), unique=True)
    is_holiday = models.BooleanField(
        _("holiday"), default=True,
        help_text=_("Ticked: not a working day (e.g. a new cuti bersama). Unticked: a working day after all."),
    )
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")

    def __str__(self) -> str:
        return f"{self.date}: {self.reason}"


class PersonalDataAccess(models.Model):
    """Audit log: who saw a reporter's personal fields, when, and where."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="personal_data_accesses")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    via = models.CharField(max_length=40, help_text="web, cli, export")

    class Meta:
        ordering = ["-at"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")

    def __str__(self) -> str:
        return f"{self.via}, {date_format(timezone.localtime(self.at), 'DATETIME_FORMAT')}"

class SuggestionModel(models.Model):
    """The agency/category suggester (suggest.py) learned from past dispositions, stored so that every
    web process and machine uses the same one and no page waits for training. Only the newest is kept."""

    trained_at = models.DateTimeField(_("trained"), db_index=True)
    examples = models.PositiveIntegerField(_("examples"))
    data = models.BinaryField(_("model"))

    class Meta:
        verbose_name = _("suggestion model")
        verbose_name_plural = _("suggestion models")

    def __str__(self) -> str:
        return f"{self.examples} @ {self.trained_at:%Y-%m-%d %H:%M}"

class DataVersion(models.Model):
    """One row whose token changes with every write to what the pages show (complaints.versioning):
    page caches are keyed on it, so no cached page outlives the data it was made from."""

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return self.token
