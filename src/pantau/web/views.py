from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.http import HttpResponse
from django.shortcuts import render

from pantau.agencies.roles import ADMIN_OPD, has_role, visible_agencies, visible_complaints
from pantau.complaints.filters import overdue_q
from pantau.complaints.models import OPEN_STATUSES, DeadlineState

OPEN_DEADLINE = (DeadlineState.OPEN, DeadlineState.OVERDUE)


def healthz(request):
    """A trivial view: the baseline the benchmarks compare the real pages against."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request):
    """First page after login. An admin OPD sees their agency's work; everyone else the agencies."""
    if has_role(request.user, ADMIN_OPD):
        return admin_opd_home(request)
    agencies = visible_agencies(request.user).annotate(
        received=Count("complaints"),
        open=Count("complaints", filter=Q(complaints__status__in=OPEN_STATUSES)),
    ).order_by("-received", "name")
    return render(request, "web/home.html", {"agencies": agencies})


def open_reports_by_deadline(user):
    """The user's open reports, overdue first, then by the next deadline still running."""
    next_due = Case(
        When(dispose_state__in=OPEN_DEADLINE, then=F("dispose_due_at")),
        When(follow_up_state__in=OPEN_DEADLINE, then=F("follow_up_due_at")),
        default=F("resolve_due_at"),
    )
    overdue = Case(When(overdue_q(), then=Value(0)), default=Value(1), output_field=IntegerField())
    return (visible_complaints(user).filter(status__in=OPEN_STATUSES)
            .select_related("agency").annotate(next_due=next_due, overdue_rank=overdue)
            .order_by("overdue_rank", F("next_due").asc(nulls_last=True), "received_at"))


def admin_opd_home(request):
    reports = open_reports_by_deadline(request.user)
    return render(request, "web/home_admin_opd.html", {
        "agencies": visible_agencies(request.user),
        "reports": reports[:100],
        "open_count": reports.count(),
        "overdue_count": reports.filter(overdue_q()).count(),
        "scorecard": agency_scorecard(request.user),
    })


def agency_scorecard(user):
    """The admin's agency's indicators beside the province's (None until the scorecards are in)."""
    return None
