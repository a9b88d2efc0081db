"""Pages of the period report: list and period chooser, section editor, preview, downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from pantau.agencies.roles import KOORDINATOR, PIMPINAN, role_of
from pantau.complaints.models import Complaint, Status
from pantau.lib.periods import PeriodError, parse_period

from . import actions
from . import narrative as nv
from .models import Report

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}


def _reader(request) -> str:
    """The role, when it may read reports at all (koordinator, pimpinan); otherwise 403."""
    role = role_of(request.user)
    if role not in (KOORDINATOR, PIMPINAN):
        raise PermissionDenied
    return role


def _coordinator(request) -> None:
    if role_of(request.user) != KOORDINATOR:
        raise PermissionDenied


def _visible(request, pk: int) -> Report:
    """A report this user may open: any for the koordinator, final versions for pimpinan."""
    role = _reader(request)
    report = get_object_or_404(Report, pk=pk)
    if role != KOORDINATOR and not report.is_final:
        raise PermissionDenied
    return report


@login_required
def report_list(request):
    role = _reader(request)
    reports = Report.objects.prefetch_related("files")
    if role != KOORDINATOR:
        reports = reports.filter(state=Report.State.FINAL)
    return render(request, "reports/list.html", {
        "reports": reports, "may_edit": role == KOORDINATOR, "period": request.GET.get("period", ""),
    })


@login_required
def report_create(request):
    _coordinator(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        period = parse_period(request.POST.get("period", ""))
    except PeriodError:
        messages.error(request, _("Write the period as 2024-Q1, 2024-H1, 2024, 2024-03 or 2024-01-01..2024-03-31."))
        return redirect("report_list")
    report = actions.create_report(period, request.user)
    messages.success(request, _("Draft %(version)s for %(period)s created.") % {
        "version": report.version, "period": period.label()})
    return redirect("report_edit", pk=report.pk)


def _candidates(report: Report) -> list[Complaint]:
    """Resolved, non-rahasia reports of the period the koordinator may choose as notable."""
    p = report.period_obj
    return list(Complaint.objects.filter(
        received_at__gte=p.start, received_at__lt=p.end, status=Status.COMPLETED, is_secret=False,
    ).select_related("agency").order_by("-completed_at")[:40])


@login_required
def report_edit(request, pk: int):
    report = _visible(request, pk)
    may_edit = role_of(request.user) == KOORDINATOR and not report.is_final
    data = actions.current_data(report)
    drafted = nv.draft(data)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        # Text equal to the draft is not an edit: it keeps following the data until finalized.
        sections = {k: request.POST.get(k, "") for k in drafted
                    if request.POST.get(k, "").strip() != drafted[k].strip()}
        notable = request.POST.getlist("notable") + request.POST.get("notable_extra", "").split()
        actions.save_sections(report, sections, list(dict.fromkeys(notable)))
        messages.success(request, _("Saved."))
        return redirect("report_edit", pk=report.pk)
    texts = nv.texts(data, report.sections)
    candidates = _candidates(report) if may_edit else []
    shown = {c.tracking_id for c in candidates}
    sections = [{"key": k, "title": t, "text": texts[k], "edited": k in report.sections}
                for k, t in nv.present(data)]
    return render(request, "reports/edit.html", {
        "report": report, "sections": sections, "may_edit": may_edit,
        "candidates": candidates, "chosen": report.notable_cases,
        "extra": [t for t in report.notable_cases if t not in shown],
        "is_koordinator": role_of(request.user) == KOORDINATOR,
        "label": actions.version_label(report), "formats": actions.FORMATS,
    })


@login_required
def report_preview(request, pk: int):
    report = _visible(request, pk)
    return HttpResponse(actions.render(report, "html"), content_type=CONTENT_TYPES["html"])


@login_required
def report_download(request, pk: int, fmt: str):
    report = _visible(request, pk)
    if fmt not in actions.FORMATS:
        raise Http404("unknown format")
    response = HttpResponse(actions.render(report, fmt), content_type=CONTENT_TYPES[fmt])
    name = f"laporan-sp4n-lapor-{report.period}-v{report.version}.{fmt}".replace("..", "_")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def report_finalize(request, pk: int):
    _coordinator(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    report = get_object_or_404(Report, pk=pk)
    try:
        actions.finalize(report, request.user)
    except actions.ReportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Version %(v)s is final; its files are stored.") % {"v": report.version})
    return redirect("report_edit", pk=report.pk)


@login_required
def report_new_version(request, pk: int):
    _coordinator(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    report = get_object_or_404(Report, pk=pk)
    new = actions.new_version(report, request.user)
    messages.success(request, _("Draft %(version)s created.") % {"version": new.version})
    return redirect("report_edit", pk=new.pk)


@login_required
def report_settings(request):
    """Letterhead, logo, signer and the legal basis list (koordinator only)."""
    from .forms import ReportSettingsForm
    from .models import LegalBasis, ReportSettings

    _coordinator(request)
    current = ReportSettings.current()
    if request.method == "POST":
        form = ReportSettingsForm(request.POST, request.FILES, instance=current)
        if form.is_valid():
            actions.save_settings(form, form.cleaned_data["legal_basis"])
            messages.success(request, _("Saved."))
            return redirect("report_settings")
    else:
        titles = LegalBasis.objects.filter(active=True).values_list("title", flat=True)
        form = ReportSettingsForm(instance=current, initial={"legal_basis": "\n".join(titles)})
    return render(request, "reports/settings.html", {"form": form})
