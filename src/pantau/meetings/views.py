from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.agencies.models import Agency
from pantau.agencies.roles import KOORDINATOR, PIMPINAN, role_of
from pantau.lib.periods import parse_period
from pantau.web.access import role_required

from . import actions, documents, quality
from .forms import (
    AnswerTemplateForm,
    AttendeeForm,
    DecisionForm,
    MeetingForm,
    MinutesForm,
    PhotoForm,
)
from .models import AnswerTemplate, Decision, Meeting, Photo

READERS = (KOORDINATOR, PIMPINAN)  # the meetings and the answer examples (of every agency)
edit = role_required(KOORDINATOR)
read = role_required(*READERS)


@read
def meeting_list(request):
    meetings = Meeting.objects.annotate(
        invited=Count("invitations", distinct=True),
        present=Count("attendees", filter=Q(attendees__present=True), distinct=True),
    )
    form = MeetingForm(request.POST or None) if role_of(request.user) == KOORDINATOR else None
    if form is not None and request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting.created_by = request.user
        meeting.save()
        proposed = actions.propose_invitations(meeting)
        messages.success(request, _("Meeting created; %(n)d agencies proposed from the priority list.") % {"n": len(proposed)})
        return redirect("meeting_detail", pk=meeting.pk)
    return render(request, "meetings/list.html", {"meetings": meetings, "form": form})


@read
def meeting_detail(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    can_edit = role_of(request.user) == KOORDINATOR
    invited_ids = set(meeting.invitations.values_list("agency_id", flat=True))
    return render(request, "meetings/detail.html", {
        "meeting": meeting, "can_edit": can_edit,
        "invitations": meeting.invitations.select_related("agency"),
        "priority": actions.with_agency_ids(actions.priority_rows(meeting.period)) if can_edit else [],
        "invited_ids": invited_ids,
        "attendees": meeting.attendees.select_related("agency"),
        "decisions": meeting.decisions.select_related("agency"),
        "carried": actions.open_decisions_before(meeting),
        "reviewed": meeting.reviewed_decisions.select_related("agency", "meeting"),
        "before_after": actions.before_and_after(meeting),
        "after_period": actions.after_period(meeting),
        "photos": meeting.photos.all(),
        "attendee_form": AttendeeForm(meeting=meeting), "decision_form": DecisionForm(),
        "minutes_form": MinutesForm(instance=meeting), "photo_form": PhotoForm(),
        "decision_statuses": Decision.Status.choices,
    })


@edit
@require_POST
def meeting_invitations(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    ids = [int(x) for x in request.POST.getlist("agency") if x.isdigit()]
    actions.set_invited(meeting, ids)
    messages.success(request, _("Invitation list saved: %(n)d agencies.") % {"n": len(ids)})
    return redirect("meeting_detail", pk=pk)


@edit
@require_POST
def meeting_attendance(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if request.POST.get("name"):
        form = AttendeeForm(request.POST, meeting=meeting)
        if form.is_valid():
            actions.add_attendee(meeting, **form.cleaned_data)
        else:
            messages.error(request, _("The attendee was not added: %(errors)s") % {"errors": form.errors.as_text()})
    else:
        actions.record_attendance(meeting, [int(x) for x in request.POST.getlist("present") if x.isdigit()])
        messages.success(request, _("Attendance saved."))
    return redirect("meeting_detail", pk=pk)


@edit
@require_POST
def meeting_minutes(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = MinutesForm(request.POST, instance=meeting)
    if form.is_valid():
        form.save()
        messages.success(request, _("Minutes saved."))
    else:
        messages.error(request, form.errors.as_text())
    return redirect("meeting_detail", pk=pk)


@edit
@require_POST
def meeting_decision(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    if "review" in request.POST:
        decision = get_object_or_404(Decision, pk=request.POST["review"])
        status = request.POST.get("status", Decision.Status.OPEN)
        if status not in Decision.Status.values:
            messages.error(request, _("Unknown status."))
        else:
            actions.review_decision(decision, meeting, status, request.POST.get("note", ""))
        return redirect("meeting_detail", pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        decision = form.save(commit=False)
        decision.meeting = meeting
        decision.save()
        messages.success(request, _("Decision recorded."))
    else:
        messages.error(request, form.errors.as_text())
    return redirect("meeting_detail", pk=pk)


@edit
@require_POST
def meeting_photo(request, pk):
    meeting = get_object_or_404(Meeting, pk=pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        Photo.objects.create(meeting=meeting, image=form.cleaned_data["image"], caption=form.cleaned_data["caption"])
        messages.success(request, _("Photo uploaded."))
    else:
        messages.error(request, form.errors.as_text())
    return redirect("meeting_detail", pk=pk)


@read
def attendance_sheet(request, pk):
    """The printable attendance list (daftar hadir): one row per invited agency, space to sign."""
    meeting = get_object_or_404(Meeting, pk=pk)
    return render(request, "meetings/attendance_sheet.html", {
        "meeting": meeting, "invitations": meeting.invitations.select_related("agency")})


@read
def meeting_document(request, pk, kind, fmt):
    meeting = get_object_or_404(Meeting, pk=pk)
    if kind == "undangan" and fmt == "pdf":
        data, name = documents.invitation_letters_pdf(meeting), f"undangan-rapat-{meeting.pk}.pdf"
    elif kind == "laporan" and fmt == "pdf":
        data, name = documents.activity_report_pdf(meeting), f"laporan-kegiatan-rapat-{meeting.pk}.pdf"
    elif kind == "laporan" and fmt == "docx":
        data, name = documents.activity_report_docx(meeting), f"laporan-kegiatan-rapat-{meeting.pk}.docx"
    else:
        return HttpResponse(status=404)
    content_type = "application/pdf" if fmt == "pdf" else documents.DOCX_TYPE
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@edit
def template_list(request, pk=None):
    instance = get_object_or_404(AnswerTemplate, pk=pk) if pk else None
    form = AnswerTemplateForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        tpl = form.save(commit=False)
        tpl.updated_by = request.user
        tpl.save()
        messages.success(request, _("Template saved."))
        return redirect("answer_templates")
    return render(request, "meetings/templates.html", {
        "templates": AnswerTemplate.objects.select_related("category"), "form": form, "editing": instance})


@read
def answer_examples(request):
    period = parse_period(request.GET.get("period") or _default_period())
    by_agency = quality.quality_by_agency(period)
    agencies = {a.id: a for a in Agency.objects.filter(id__in=[k for k in by_agency if k])}
    rows = sorted(({"agency": agencies.get(k), **v} for k, v in by_agency.items() if k in agencies),
                  key=lambda r: (r["good_share"] is None, r["good_share"] or 0))
    return render(request, "meetings/examples.html", {
        "period": period, "examples": quality.examples(period), "rows": rows})


def _default_period() -> str:
    from django.utils import timezone

    from pantau.lib.periods import WIB

    today = timezone.now().astimezone(WIB).date()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"
