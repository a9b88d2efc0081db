"""Is this installation ready to serve the office? Pantau's own deployment checks.

Each check returns a Finding; `error` findings make `pantau check-deploy` (and `pantau serve`) fail,
`warning` findings are shown but allowed (e.g. SQLite on a single machine)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import checks
from django.db import connection
from django.utils.translation import gettext as _

DEMO_NAMES = ("koordinator", "analis", "pimpinan")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "testserver"}


@dataclass
class Finding:
    id: str
    level: str  # "error" or "warning"
    message: str

    def as_dict(self) -> dict:
        return asdict(self)


def demo_users() -> list[str]:
    """Usernames of demo accounts (koordinator, analis, pimpinan, admin-*) still on the demo password."""
    User = get_user_model()
    candidates = User.objects.filter(username__in=DEMO_NAMES) | User.objects.filter(username__startswith="admin-")
    return sorted(u.username for u in candidates if u.check_password(settings.PANTAU_DEMO_PASSWORD))


def pantau_findings() -> list[Finding]:
    """Pantau's checks, in the site language."""
    out = []
    if not getattr(settings, "SECRET_KEY_FROM_ENVIRONMENT", False):
        out.append(Finding("pantau.secret_key", "error", _(
            "SECRET_KEY is not set explicitly: set SECRET_KEY or SECRET_KEY_FILE in the environment.")))
    if settings.DEBUG:
        out.append(Finding("pantau.debug", "error", _("DEBUG is on: set DEBUG=False.")))
    found = demo_users()
    if found:
        out.append(Finding("pantau.demo_users", "error", _(
            "Demo accounts with the demo password exist: %(names)s. Delete them or change their passwords.")
            % {"names": ", ".join(found[:10]) + (" …" if len(found) > 10 else "")}))
    if not getattr(settings, "SECURE_HTTPS", False):
        out.append(Finding("pantau.https", "error", _(
            "HTTPS is off: set PANTAU_HTTPS=True behind a reverse proxy that terminates TLS.")))
    hosts = list(settings.ALLOWED_HOSTS)
    if not set(hosts) - LOCAL_HOSTS or "*" in hosts:
        out.append(Finding("pantau.allowed_hosts", "error", _(
            "ALLOWED_HOSTS is still the default (or *): set it to the server's host name.")))
    if settings.SITE_URL.rstrip("/") in ("http://127.0.0.1:8000", "http://localhost:8000"):
        out.append(Finding("pantau.site_url", "error", _(
            "PANTAU_SITE_URL is still the default: links in e-mails would not work. Set the public address.")))
    if connection.vendor != "postgresql":
        out.append(Finding("pantau.database", "warning", _(
            "The database is SQLite: fine for one server; use PostgreSQL (DATABASE_URL) for several web "
            "processes or workers on several machines.")))
    if not settings.REDIS_URL:
        out.append(Finding("pantau.redis", "warning", _(
            "Jobs are queued in SQLite: run one worker machine only, or set REDIS_URL for several.")))
    if settings.EMAIL_HOST in ("localhost", "127.0.0.1") and "smtp" in settings.EMAIL_BACKEND:
        out.append(Finding("pantau.email", "warning", _(
            "EMAIL_HOST is localhost: reminders go out only if a mail server runs on this machine.")))
    return out


def django_findings() -> list[Finding]:
    """Django's own deployment checks (`check --deploy`)."""
    out = []
    for msg in checks.run_checks(include_deployment_checks=True):
        if msg.is_silenced():
            continue
        level = "error" if msg.level >= checks.ERROR else "warning"
        text = str(msg.msg) + (f" ({msg.hint})" if msg.hint else "")
        out.append(Finding(msg.id or "django", level, text))
    return out


def all_findings() -> list[Finding]:
    return django_findings() + pantau_findings()
