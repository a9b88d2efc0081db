"""Period snapshots: every agency's and the province's indicators, computed once by
`pantau compute-scorecards` and read by the pages (STYLE.md: heavy statistics are computed once)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProvincePeriodSnapshot(models.Model):
    """The province's indicators and breakdowns (status, kind, channel, ...) for one period."""

    period = models.CharField(_("period"), max_length=24, unique=True, help_text="e.g. 2024-Q1")
    indicators = models.JSONField(_("indicators"), default=dict)
    breakdowns = models.JSONField(_("breakdowns"), default=dict)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        ordering = ["period"]
        verbose_name = _("province snapshot")
        verbose_name_plural = _("province snapshots")

    def __str__(self) -> str:
        return self.period


class AgencyPeriodSnapshot(models.Model):
    """One agency's indicators (docs/indicators.md) for one period."""

    period = models.CharField(_("period"), max_length=24)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="snapshots",
                               verbose_name=_("agency"))
    indicators = models.JSONField(_("indicators"), default=dict)
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        ordering = ["period", "agency"]
        constraints = [models.UniqueConstraint(fields=["period", "agency"], name="agency_snapshot_unique")]
        verbose_name = _("agency snapshot")
        verbose_name_plural = _("agency snapshots")

    def __str__(self) -> str:
        return f"{self.period} {self.agency_id}"
