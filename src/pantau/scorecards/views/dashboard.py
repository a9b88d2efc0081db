"""/dasbor/: the province dashboard for the koordinator, pimpinan and analis."""

from django.http import Http404
from django.shortcuts import render

from pantau.scorecards import api, presenters

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


@province_readers
def dashboard(request):
    pick = presenters.picker(request.GET)
    period = pick.period
    current = api.stats(period)
    overdue = presenters.overdue_chart(current["agencies"], period)
    chart_list = presenters.breakdown_charts(api.breakdowns(period, request.user), period)
    if (csv := chart_or_csv(request, [*chart_list, overdue], period)) is not None:
        return csv
    previous = api.stats(period.previous())
    return render(request, "scorecards/dashboard.html", {
        "pick": pick, "period": period, "stats": current, "previous": previous,
        "cards": presenters.cards(current["province"], previous["province"], period),
        "charts": chart_list, "overdue_chart": overdue, "attention": api.priority(period, limit=5),
        "zones": presenters.zone_summary(current["agencies"]),
        "overdue_url": presenters.reports_link(period, "overdue_now"),
        "all_overdue_url": presenters.reports_url(overdue="1"),
    })
