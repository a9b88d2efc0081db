"""Every write to reports: create a draft, save the koordinator's edits, finalize, start a new version."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from pantau.lib.periods import WIB, Period

from . import data as report_data
from .models import Report, ReportFile
from .narrative import TITLES
from .render import produce

FORMATS = ("pdf", "docx", "html")


class ReportError(Exception):
    """A change that is not allowed (e.g. editing a final version); the message says why."""


def version_label(report: Report) -> str:
    if report.is_final:
        return f"Versi {report.version} (final, {report.finalized_at.astimezone(WIB):%d-%m-%Y %H.%M} WIB)"
    return f"Versi {report.version} (draf, belum final)"


def create_report(period: Period, user=None) -> Report:
    """A new draft for the period, carrying over the text and cases of its latest version."""
    with transaction.atomic():
        latest = Report.objects.select_for_update().filter(period=period.key).order_by("-version").first()
        number = (Report.objects.filter(period=period.key).aggregate(m=Max("version"))["m"] or 0) + 1
        return Report.objects.create(
            period=period.key, version=number, created_by=user,
            sections=dict(latest.sections) if latest else {},
            notable_cases=list(latest.notable_cases) if latest else [],
        )


def save_sections(report: Report, sections: dict[str, str], notable: list[str]) -> Report:
    """Store the koordinator's texts (blank = use the drafted text) and chosen cases on a draft."""
    if report.is_final:
        raise ReportError("Versi final tidak dapat diubah; buat versi baru.")
    clean = {k: v.strip() for k, v in sections.items() if k in TITLES and v and v.strip()}
    chosen = [t.strip().lstrip("#") for t in notable if t.strip()]
    updated = Report.objects.filter(pk=report.pk, state=Report.State.DRAFT).update(
        sections=clean, notable_cases=chosen, updated_at=timezone.now())
    if not updated:
        raise ReportError("Versi final tidak dapat diubah; buat versi baru.")
    report.sections, report.notable_cases = clean, chosen
    return report


def current_data(report: Report) -> dict:
    """The frozen data of a final version, or fresh data for a draft."""
    if report.is_final and report.data:
        return report.data
    return report_data.gather(report.period_obj, report.notable_cases)


def render(report: Report, fmt: str) -> bytes:
    """A final version's stored file byte for byte, or a draft rendered now."""
    if report.is_final:
        stored = report.files.get(format=fmt)
        with stored.file.open("rb") as fh:
            return fh.read()
    today = timezone.now().astimezone(WIB).date()
    return produce(fmt, current_data(report), report.sections, version_label(report), today)


def finalize(report: Report, user=None) -> Report:
    """Freeze a draft: store its data and its PDF, DOCX and HTML with their sha256. Later imports
    change nothing in it; a new version starts from `new_version`."""
    if report.is_final:
        raise ReportError("Versi ini sudah final.")
    data = report_data.gather(report.period_obj, report.notable_cases)
    now = timezone.now()
    with transaction.atomic():
        claimed = Report.objects.filter(pk=report.pk, state=Report.State.DRAFT).update(
            state=Report.State.FINAL, data=data, finalized_at=now, finalized_by=user)
        if not claimed:
            raise ReportError("Versi ini sudah final.")
        report.refresh_from_db()
        issued = now.astimezone(WIB).date()
        for fmt in FORMATS:
            content = produce(fmt, data, report.sections, version_label(report), issued)
            f = ReportFile(report=report, format=fmt, sha256=hashlib.sha256(content).hexdigest(),
                           size=len(content))
            f.file.save(f"{report.period}-v{report.version}.{fmt}".replace("..", "_"),
                        ContentFile(content), save=False)
            f.save()
    return report


def new_version(report: Report, user=None) -> Report:
    """A new draft after `report`, with its text and chosen cases."""
    return create_report(report.period_obj, user)


def save_settings(form, legal_basis_text: str) -> None:
    """Store the letterhead form and replace the legal basis list with the given lines, together."""
    from .models import LegalBasis

    titles = [line.strip() for line in legal_basis_text.splitlines() if line.strip()]
    with transaction.atomic():
        form.save()
        LegalBasis.objects.all().delete()
        LegalBasis.objects.bulk_create(LegalBasis(order=(i + 1) * 10, title=t) for i, t in enumerate(titles))
