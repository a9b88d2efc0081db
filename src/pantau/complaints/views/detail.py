"""/pengaduan/<tracking_id>/: one report with its timeline, deadlines and follow-ups; and the
/tenggat/ page that explains how each deadline was computed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pantau.agencies.roles import KOORDINATOR, may_see_personal_data, role_of, visible_complaints
from pantau.complaints import disposition, sla
from pantau.complaints.actions import DispositionRefused, dispose
from pantau.complaints.models import Complaint, PersonalDataAccess, Status
from pantau.complaints.timeline import timeline
from pantau.web.access import role_required

PERSONAL_FIELDS = ("reporter_name", "reporter_phone", "reporter_email", "reporter_id_number")


def visible_complaint_or_404(user, tracking_id: str) -> Complaint:
    """A report outside the user's agencies is "not found", never "forbidden": no hint it exists."""
    qs = visible_complaints(user).select_related("agency", "category__parent", "region")
    return get_object_or_404(qs, tracking_id=tracking_id)


def personal_data_shown(user, complaint: Complaint) -> dict | None:
    """The personal fields this user may read (None if not allowed); each read is audited."""
    if not may_see_personal_data(user, complaint):
        return None
    fields = {name: getattr(complaint, name) for name in PERSONAL_FIELDS}
    if any(fields.values()) or complaint.is_secret:
        PersonalDataAccess.objects.create(user=user, complaint=complaint, via="web")
    return fields


@login_required
def complaint_detail(request, tracking_id: str):
    complaint = visible_complaint_or_404(request.user, tracking_id)
    personal = personal_data_shown(request.user, complaint)
    show_text = not complaint.is_secret or personal is not None
    return render(request, "complaints/detail.html", {
        **disposition_context(request.user, complaint),
        "c": complaint,
        "personal": personal,
        "show_text": show_text,
        "deadlines": sla.deadlines_for(complaint),
        "auto_close_at": sla.auto_close_expected_at(complaint),
        "events": timeline(complaint, show_text=show_text),
        "follow_ups": complaint.follow_ups.all(),
    })


def disposition_context(user, complaint: Complaint) -> dict:
    """The koordinator's disposition form: agencies, top-level categories and the suggestion learned
    from past dispositions (suggest.py). Nothing for other roles or for closed reports."""
    if role_of(user) != KOORDINATOR or complaint.status in (Status.COMPLETED, Status.ARCHIVED):
        return {}
    return {"may_dispose": True, **disposition.choices(f"{complaint.title} {complaint.text}")}


@require_POST
@role_required(KOORDINATOR)
def complaint_dispose(request, tracking_id: str):
    complaint = visible_complaint_or_404(request.user, tracking_id)
    agency, category = disposition.chosen(request.POST)
    if agency is None:
        messages.error(request, _("Choose the agency that must handle the report."))
        return redirect("complaint_detail", tracking_id=complaint.tracking_id)
    try:
        dispose(complaint, request.user, agency, category)
    except DispositionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Report %(id)s disposed to %(agency)s; the agency's deadlines start now.")
                         % {"id": complaint.tracking_id, "agency": agency.name})
    return redirect("complaint_detail", tracking_id=complaint.tracking_id)


@login_required
def complaint_deadlines(request, tracking_id: str):
    complaint = visible_complaint_or_404(request.user, tracking_id)
    steps = sla.explain(complaint)
    for step in steps:
        step["days_in_order"] = days_in_order(step)
    return render(request, "complaints/deadlines.html", {"c": complaint, "steps": steps})


def days_in_order(step: dict) -> list[dict]:
    """Counted and skipped days in calendar order; counted ones numbered 1..n."""
    days = [{"date": d, "n": i} for i, d in enumerate(step["counted"], start=1)]
    days += [{"date": s["date"], "reason": s["reason"]} for s in step["skipped"]]
    return sorted(days, key=lambda d: d["date"])
