from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.agencies.roles import ADMIN_OPD, has_role, visible_agencies, visible_complaints
from pantau.complaints.filters import overdue_q
from pantau.complaints.models import OPEN_STATUSES, Complaint, DeadlineState
from pantau.lib.periods import Period, PeriodError, parse_period

OPEN_DEADLINE = (DeadlineState.OPEN, DeadlineState.OVERDUE)


def healthz(request):
    """A trivial view: the baseline the benchmarks compare the real pages against."""
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the public pages, the admin)."""
    return redirect(static("pantau/favicon.svg"))


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
        "scorecard": agency_scorecard(request.user, request.GET.get("period")),
    })


SCORECARD_ROWS = [  # (indicator, label, kind) shown on the admin OPD's home; definitions in docs/indicators.md
    ("received", _("Reports received"), "count"),
    ("followed_up_share", _("Followed up"), "share"),
    ("first_follow_up_on_time_share", _("First follow-up on time"), "share"),
    ("resolved_share", _("Resolved"), "share"),
    ("follow_up_days_median", _("Median working days to first follow-up"), "days"),
    ("overdue_now", _("Overdue now"), "count"),
    ("index", _("Performance index (0-100)"), "index"),
]


def quarter_of(day) -> Period:
    return parse_period(f"{day.year}-Q{(day.month - 1) // 3 + 1}")


def scorecard_period(raw: str | None) -> Period:
    """The period asked for (?period=), else this quarter, else the last quarter with reports (an
    office that imports late, or demo data, would otherwise open on an empty scorecard)."""
    if raw:
        try:
            return parse_period(raw)
        except PeriodError:
            pass
    period = quarter_of(timezone.localdate())
    if Complaint.objects.filter(received_at__gte=period.start).exists():
        return period
    latest = Complaint.objects.order_by("-received_at").values_list("received_at", flat=True).first()
    return quarter_of(timezone.localtime(latest).date()) if latest else period


def agency_scorecard(user, raw_period: str | None = None) -> dict | None:
    """This quarter's indicators of the admin's agencies beside the province's, from the scorecards."""
    from pantau.scorecards.api import stats

    slugs = list(visible_agencies(user).values_list("slug", flat=True))
    if not slugs:
        return None
    period = scorecard_period(raw_period)
    data = stats(period)
    mine = [a for a in data["agencies"] if a["slug"] in slugs]
    rows = [{"key": key, "label": label, "kind": kind, "province": data["province"].get(key),
             "agencies": [a.get(key) for a in mine]} for key, label, kind in SCORECARD_ROWS]
    return {"period": period, "agencies": mine, "rows": rows,
            "zones": [a.get("zone") for a in mine], "province_zone": data["province"].get("zone")}
