"""The period report to the Governor: letterhead settings, legal basis, drafts and frozen versions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pantau.lib.periods import PeriodError, parse_period


class ReportSettings(models.Model):
    """The letterhead (kop surat) and the signer; one row, edited by the koordinator."""

    government = models.CharField(_("government"), max_length=200, default="PEMERINTAH PROVINSI BANTEN")
    office = models.CharField(
        _("office name"), max_length=200,
        default="DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN",
    )
    address = models.CharField(
        _("address"), max_length=300,
        default="Kawasan Pusat Pemerintahan Provinsi Banten (KP3B), Jl. Syech Nawawi Al Bantani, Palima, Serang",
    )
    contact = models.CharField(
        _("telephone, e-mail, website"), max_length=300, blank=True,
        default="diskominfo.bantenprov.go.id",
    )
    logo = models.FileField(_("logo"), upload_to="reports/logo/", blank=True)
    sign_place = models.CharField(_("place of signing"), max_length=100, default="Serang")
    signer_title = models.CharField(
        _("signer's title"), max_length=200,
        default="Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Provinsi Banten",
    )
    signer_name = models.CharField(_("signer's name"), max_length=200, blank=True)
    signer_nip = models.CharField(_("signer's NIP"), max_length=40, blank=True)
    recipients = models.TextField(
        _("recipients"), blank=True,
        default="Gubernur Banten\nWakil Gubernur Banten\nSekretaris Daerah Provinsi Banten",
        help_text=_("One per line; printed in the foreword."),
    )

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self) -> str:
        return str(self.office)

    @classmethod
    def current(cls) -> "ReportSettings":
        """The one settings row, created with the Diskominfo Banten defaults when missing."""
        obj = cls.objects.order_by("pk").first()
        return obj or cls.objects.create()


class LegalBasis(models.Model):
    """A regulation listed under "Dasar Hukum"; seeded, editable."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("regulation"), max_length=500)
    active = models.BooleanField(_("listed"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal basis")

    def __str__(self) -> str:
        return self.title


class Report(models.Model):
    """One version of a period report. A draft follows the data; a final one is frozen."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FINAL = "final", _("Final")

    period = models.CharField(_("period"), max_length=40, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    state = models.CharField(_("status"), max_length=8, choices=State.choices, default=State.DRAFT)
    sections = models.JSONField(_("edited sections"), default=dict, blank=True,
                                help_text="section key -> text written by the koordinator")
    notable_cases = models.JSONField(_("notable resolved cases"), default=list, blank=True,
                                     help_text="tracking IDs chosen by the koordinator")
    data = models.JSONField(_("frozen data"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finalized_at = models.DateTimeField(_("finalized"), null=True, blank=True)
    finalized_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-period", "-version"]
        constraints = [models.UniqueConstraint(fields=["period", "version"], name="report_unique_version")]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.period} v{self.version}"

    @property
    def is_final(self) -> bool:
        return self.state == self.State.FINAL

    @property
    def period_obj(self):
        try:
            return parse_period(self.period)
        except PeriodError:
            return None


class ReportFile(models.Model):
    """A finalized version's rendered file, kept byte for byte with its checksum."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"
        HTML = "html", "HTML"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    format = models.CharField(max_length=4, choices=Format.choices)
    file = models.FileField(upload_to="reports/final/")
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "format"], name="report_file_unique_format")]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")

    def __str__(self) -> str:
        return f"{self.report} {self.format}"
