"""/dasbor/: the province dashboard for the koordinator, pimpinan and analis."""

from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from pantau.scorecards import api, presenters
from pantau.scorecards.models import ProvincePeriodSnapshot
from pantau.web import pagecache

from .access import province_readers


def chart_or_csv(request, chart_list, period):
    """?format=csv&chart=NAME answers with that chart's rows; None when a page is asked for."""
    if request.GET.get("format") != "csv":
        return None
    wanted = request.GET.get("chart")
    for chart in chart_list:
        if chart.name == wanted:
            return presenters.csv_response(chart, period)
    raise Http404


def picker_params(request) -> tuple:
    """What the period picker reads, and today (the default period when nothing is chosen)."""
    return (*(request.GET.get(k, "") for k in ("period", "dari", "sampai")), timezone.localdate().isoformat())


def cache_timeout(part: dict) -> int:
    """A part drawn from live figures (a period without snapshots) keeps as long as those are cached."""
    return api.LIVE_CACHE_SECONDS if part["live"] else pagecache.TIMEOUT


def has_snapshots(*periods) -> bool:
    return ProvincePeriodSnapshot.objects.filter(period__in=[p.key for p in periods]).count() == len(periods)


@province_readers
def dashboard(request):
    if request.GET.get("format") == "csv":
        pick = presenters.picker(request.GET)
        current = api.stats(pick.period)
        overdue = presenters.overdue_chart(current["agencies"], pick.period)
        chart_list = presenters.breakdown_charts(api.breakdowns(pick.period, request.user), pick.period)
        return chart_or_csv(request, [*chart_list, overdue], pick.period)
    # Every province reader sees the same page: it is rendered once per data version, language and period.
    part = pagecache.cached("dashboard", request.user, picker_params(request),
                            lambda: dashboard_part(request), timeout=cache_timeout)
    return render(request, "scorecards/dashboard.html", {"label": part["label"], "body": mark_safe(part["html"])})


def dashboard_part(request) -> dict:
    """The dashboard's content as HTML, with its period's label and whether its figures were live."""
    pick = presenters.picker(request.GET)
    period = pick.period
    current = api.stats(period)
    overdue = presenters.overdue_chart(current["agencies"], period)
    chart_list = presenters.breakdown_charts(api.breakdowns(period, request.user), period)
    previous = api.stats(period.previous())
    html = render_to_string("scorecards/_dashboard.html", {
        "pick": pick, "period": period, "stats": current, "previous": previous,
        "cards": presenters.cards(current["province"], previous["province"], period),
        "charts": chart_list, "overdue_chart": overdue, "attention": api.priority(period, limit=5),
        "zones": presenters.zone_summary(current["agencies"]),
        "overdue_url": presenters.reports_link(period, "overdue_now"),
        "all_overdue_url": presenters.reports_url(overdue="1"),
    })
    return {"html": html, "label": current["label"], "live": not has_snapshots(period, period.previous())}
