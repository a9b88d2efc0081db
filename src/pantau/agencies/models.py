"""Provincial agencies (OPD), Banten's kabupaten/kota, and which users administer which agency."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    """A Perangkat Daerah (OPD) of the province."""

    class Kind(models.TextChoices):
        DINAS = "dinas", _("Dinas")
        BADAN = "badan", _("Badan")
        BIRO = "biro", _("Biro")
        RSUD = "rsud", _("RSUD")
        UPT = "upt", _("UPT")
        OTHER = "lain", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DINAS)
    active = models.BooleanField(_("active"), default=True)
    aliases = models.JSONField(
        _("aliases"), default=list, blank=True,
        help_text=_("Other names used for this agency in LAPOR! exports, one per entry."),
    )
    head_name = models.CharField(_("head of agency"), max_length=200, blank=True)
    head_email = models.EmailField(_("head's e-mail"), blank=True)
    admins = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="admin_agencies",
        verbose_name=_("admin OPD accounts"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Region(models.Model):
    """One of Banten's kabupaten/kota."""

    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("regency/city")
        verbose_name_plural = _("regencies/cities")

    def __str__(self) -> str:
        return self.name
